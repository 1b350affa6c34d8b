"""Fitting and comparing the learned escalation layer (assistant/safety/learned.py).

- `python -m assistant.safety.fit`: fits the chosen layer on the dev rows and writes it (fitting.py);
- `python -m assistant.safety.fit.compare`: the candidates side by side (compare.py; the table and
  the choice are in docs/SAFETY_MODELS.md).

Modules import one way: data -> candidates -> oof -> fitting -> compare / __main__.
"""

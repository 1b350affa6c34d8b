"""The web layer: the visitor chat and staff console (gradio), the JSON and OpenAI-compatible APIs,
staff accounts and the opt-in feedback log. Only `app.py` imports it; it imports `assistant` core.
"""

"""Turns the corpus into a searchable index: clean, sections, chunks (+ sentences), embed, store.

`python -m index build` builds it; `index.store.IndexStore.open()` reads it.
"""

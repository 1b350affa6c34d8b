"""Opening an assistant: the embedding model, then the index (built first if missing).

Never raises for a missing model, a missing or broken index or a Chroma server that is down: the
assistant then runs degraded (safety routing works, questions get a clear "unavailable", /healthz
says why), retries opening the index, and rebuilds a corrupt embedded one in the background.
"""

from __future__ import annotations

import logging
import os
from functools import partial
from typing import Any

from langchain_core.embeddings import Embeddings

from index.shared.embeddings import (
    QueryEmbeddings,
    load_embeddings_or_unavailable,
    model_available,
    model_name,
)
from index.shared.settings import Settings

log = logging.getLogger("assistant.assistant")


def open_assistant(
    cls: Any,
    settings: Settings,
    embeddings: Embeddings | None,
    *,
    build_if_missing: bool,
    chat_model: Any | None,
    **options: Any,
) -> Any:
    """An instance of `cls` (the `Assistant`) over `settings`; `options` go to its constructor."""
    from assistant.generation.generator import AnswerGenerator
    from index.builder import backend_from_settings, build_from_settings, ensure_index
    from index.store import IndexStore

    embeddings = (
        embeddings
        if isinstance(embeddings, QueryEmbeddings)
        else QueryEmbeddings(embeddings or load_embeddings_or_unavailable())
    )
    if not model_available(embeddings):  # routing only: nothing to search with
        return cls(settings, embeddings, None, f"ModelUnavailable: {embeddings.inner.reason}", **options)
    backend = backend_from_settings(settings)

    def open_store() -> Any:
        store = IndexStore.open(settings.index_dir, embeddings, settings.collection, backend)
        if store.manifest.model != model_name(embeddings):
            raise ValueError(f"index was built with {store.manifest.model}; rebuild it")
        return store

    try:
        if build_if_missing:
            ensure_index(settings, embeddings, log=log.info)
        store, error = open_store(), ""
    except Exception as exc:  # degraded mode: the router still works, /healthz reports why
        log.error("index unavailable: %s", exc)
        store, error = None, f"{type(exc).__name__}: {exc}"
    generator = AnswerGenerator.from_settings(settings, embeddings, chat_model)
    # A corrupt embedded index is rebuilt from the corpus in the background (not on a server: shared;
    # not in a read-only folder: it cannot be written).
    corrupt = store is None and build_if_missing and not settings.chroma_url and "no index" not in error
    corrupt = corrupt and os.access(settings.index_dir, os.W_OK)
    rebuild = partial(build_from_settings, settings, embeddings, force=True, log=log.info)
    return cls(
        settings, embeddings, store, error, reopen=open_store, generator=generator,
        rebuild=rebuild if corrupt else None, **options,
    )  # fmt: skip

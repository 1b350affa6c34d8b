"""Opening Chroma: the embedded PersistentClient now (an HTTP server comes with the scale-out work).

Telemetry is off, and collections never get Chroma's default embedding function (it downloads a
model): vectors always come from our own embeddings.
"""

from __future__ import annotations

from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings

from assistant.offline import apply_offline_environment

COSINE = {"hnsw": {"space": "cosine"}}


def persistent_client(path: Path) -> chromadb.ClientAPI:
    apply_offline_environment()
    return chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    )


def create_collection(client: chromadb.ClientAPI, name: str) -> chromadb.Collection:
    return client.get_or_create_collection(name, configuration=COSINE, embedding_function=None)


def add_in_batches(collection: chromadb.Collection, ids, vectors, documents, metadatas, client) -> None:
    batch = max(1, min(client.get_max_batch_size(), 5000))
    for i in range(0, len(ids), batch):
        collection.add(
            ids=ids[i : i + batch],
            embeddings=vectors[i : i + batch],
            documents=documents[i : i + batch],
            metadatas=metadatas[i : i + batch],
        )

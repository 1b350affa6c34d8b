"""Opening Chroma: the embedded PersistentClient (default) or a Chroma HTTP server.

Telemetry is off, and collections never get Chroma's default embedding function (it downloads a
model): vectors always come from our own embeddings.

With a server, each build writes its own collection, `<collection>-<build id>`, named in the build's
manifest, so replicas reading the previous build keep a complete collection until the swap.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import chromadb
import httpx
from chromadb.config import Settings as ChromaSettings

from index.shared.offline import apply_offline_environment

logger = logging.getLogger(__name__)
COSINE = {"hnsw": {"space": "cosine"}}
EMBEDDED = "embedded"
SERVER = "server"


class ChromaUnreachable(RuntimeError):
    """The Chroma server did not answer (down, wrong address, or timed out)."""


@dataclass(frozen=True)
class ChromaBackend:
    """Where collections live: embedded in the build folder (url None) or on a Chroma server."""

    url: str | None = None
    timeout: float = 10.0
    token: str | None = None  # sent as a bearer token; from the environment only (see Settings)

    @property
    def kind(self) -> str:
        return SERVER if self.url else EMBEDDED

    def describe(self) -> str:
        return f"Chroma server {self.url}" if self.url else "embedded Chroma"

    def client(self, build_dir: Path) -> chromadb.ClientAPI:
        apply_offline_environment()
        settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if not self.url:
            return chromadb.PersistentClient(path=str(writable_chroma_dir(build_dir)), settings=settings)
        parts = urlsplit(self.url if "://" in self.url else f"http://{self.url}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"ASSISTANT_CHROMA_URL must look like http://host:port, not {self.url!r}")
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else None
        base = f"{parts.scheme}://{parts.netloc}"
        try:
            # The client's own first request has no timeout: ask the heartbeat first, with ours.
            httpx.get(f"{base}/api/v2/heartbeat", timeout=self.timeout, headers=headers).raise_for_status()
            client = chromadb.HttpClient(
                host=parts.hostname,
                port=parts.port or (443 if parts.scheme == "https" else 8000),
                ssl=parts.scheme == "https",
                headers=headers,
                settings=settings,
            )
        except Exception as exc:  # the client checks the tenant on creation: a down server fails here
            raise ChromaUnreachable(
                f"Chroma server {self.url} is unreachable ({type(exc).__name__})"
            ) from exc
        _set_timeout(client, self.timeout)
        return client


_private_copies: dict[Path, Path] = {}
_copy_lock = threading.Lock()


def writable_chroma_dir(build_dir: Path) -> Path:
    """The build's embedded Chroma folder, or, when it cannot be written (a read-only mount: replicas
    may share one), a private temporary copy of it: Chroma's SQLite opens its files for writing even
    to read. One copy per build per process, removed at exit."""
    folder = build_dir / "chroma"
    files = [folder, *folder.glob("*.sqlite3")]
    if not folder.is_dir() or all(os.access(f, os.W_OK) for f in files):
        return folder
    with _copy_lock:
        if folder not in _private_copies:
            copy = Path(tempfile.mkdtemp(prefix="chroma-read-only-")) / "chroma"
            shutil.copytree(folder, copy)
            atexit.register(shutil.rmtree, copy.parent, ignore_errors=True)
            logger.warning("the index folder is read-only: reading a private copy of its Chroma collection")
            _private_copies[folder] = copy
        return _private_copies[folder]


def _set_timeout(client: chromadb.ClientAPI, seconds: float) -> None:
    """chromadb's HTTP client waits forever by default; a hung server must not hang a chat reply.
    It has no setting for this, so the timeout goes on its httpx session (checked by a test)."""
    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(seconds)


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

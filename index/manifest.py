"""The manifest of a build: what model and chunking made it, and a content hash per document."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

FORMAT_VERSION = 2


@dataclass(frozen=True)
class DocumentEntry:
    content_hash: str
    chunks: int
    sentences: int


@dataclass(frozen=True)
class Manifest:
    model: str
    dimension: int
    chunk_size: int
    chunk_overlap: int
    splitter: str
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    built_at: str = ""
    format_version: int = FORMAT_VERSION
    # Where the chunk vectors live: "embedded" (chroma/ in the build folder) or "server", in the
    # collection named here. Not part of the recipe: switching backends reuses the vectors.
    chroma_backend: str = "embedded"
    chroma_collection: str = ""

    def recipe(self) -> tuple:
        # The dimension is not part of it: it follows from the model.
        return (self.format_version, self.model, self.chunk_size, self.chunk_overlap, self.splitter)

    def recipe_changes(self, other: Manifest) -> list[str]:
        """What differs from `other` (the previous build), e.g. ["chunk_size: 700 -> 500"]."""
        names = ("format_version", "model", "chunk_size", "chunk_overlap", "splitter")
        return [
            f"{n}: {a!r} -> {b!r}"
            for n, a, b in zip(names, other.recipe(), self.recipe(), strict=True)
            if a != b
        ]

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2, sort_keys=True))

    @classmethod
    def read(cls, path: Path) -> Manifest:
        data = json.loads(path.read_text())
        data["documents"] = {k: DocumentEntry(**v) for k, v in data.get("documents", {}).items()}
        return cls(**data)

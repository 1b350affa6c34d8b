"""Curates cases from independent writers into a case file: validated, deduplicated, ids assigned.

    python -m evals.curate OUT.jsonl DRAFT.jsonl [DRAFT.jsonl ...] [--prefix s3] [--against FILE ...]

Drops a case that repeats another (same normalised text, or MiniLM cosine above `--max-cosine`,
0.9 by default) in the drafts or in the `--against` files; QA evidence spans must occur in a chunk
of the built corpus (what retrieval can return). Prints what it dropped and why. Deterministic:
the drafts' order is kept and ids are numbered in that order.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from evals.cases import parse_lines
from evals.text import contains


def _key(record: dict) -> str:
    return " ".join(record.get("history", [])) + " || " + (record.get("message") or record["question"])


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9ñáéíóú]+", " ", text.lower()).strip()


def _chunk_texts() -> list[str]:
    from index.documents import load_corpus
    from index.prepare import prepare
    from index.shared.settings import Settings

    settings = Settings()
    docs = load_corpus(settings.corpus_dir)
    return [c.text for d in docs for c in prepare(d, settings.chunk_size, settings.chunk_overlap).chunks]


def curate(
    drafts: Sequence[dict], against: Sequence[dict], embed, max_cosine: float, chunks: Sequence[str]
) -> tuple[list[dict], list[str]]:
    kept: list[dict] = []
    dropped: list[str] = []
    seen = {_normalised(_key(r)) for r in against}
    for record in drafts:
        if "question" in record and record.get("answerable"):
            missing = [s for s in record.get("evidence", []) if not any(contains(c, s) for c in chunks)]
            record = {**record, "evidence": [s for s in record["evidence"] if s not in missing]}
            if not record["evidence"]:
                dropped.append(f"{record['id']}: no evidence span in any chunk ({missing[0][:50]!r})")
                continue
        key = _normalised(_key(record))
        if key in seen:
            dropped.append(f"{record['id']}: same text as an earlier case")
            continue
        seen.add(key)
        kept.append(record)
    texts = [_key(r) for r in [*against, *kept]]
    vectors = np.asarray(embed(texts), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    base = len(against)
    result = []
    for i, record in enumerate(kept):
        row = base + i
        # Compared with every case before it (existing files, then drafts, near-duplicates included).
        if row and float((vectors[:row] @ vectors[row]).max()) > max_cosine:
            dropped.append(f"{record['id']}: near-duplicate (cosine > {max_cosine})")
            continue
        result.append(record)
    return result, dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.curate", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("drafts", type=Path, nargs="+")
    parser.add_argument("--prefix", required=True, help="id prefix, e.g. s3 gives s3-0001")
    parser.add_argument("--against", type=Path, nargs="*", default=[], help="existing files not to repeat")
    parser.add_argument("--max-cosine", type=float, default=0.9)
    args = parser.parse_args(argv)
    from index.shared.embeddings import load_embeddings

    drafts = [r for p in args.drafts for r in _read_jsonl(p)]
    against = [r for p in args.against for r in _read_jsonl(p)]
    model = load_embeddings()
    chunks = _chunk_texts() if any("question" in r for r in drafts) else []
    kept, dropped = curate(drafts, against, model.embed_documents, args.max_cosine, chunks)
    lines = []
    for n, record in enumerate(kept, start=1):
        record = {"id": f"{args.prefix}-{n:04d}", **{k: v for k, v in record.items() if k != "id"}}
        record.setdefault("history", [])
        if "message" in record:
            record.setdefault("ok", [])
        lines.append(json.dumps(record, ensure_ascii=False))
    parse_lines(lines, str(args.out))  # the case-file validator: fails loudly on a bad case
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for reason in dropped:
        print("dropped", reason)
    print(f"wrote {len(kept)} cases to {args.out} ({len(dropped)} dropped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

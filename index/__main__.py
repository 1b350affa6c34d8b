"""`python -m index build [--force]`: builds or updates the index of the corpus."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build or incrementally update the index")
    build.add_argument("--force", action="store_true", help="re-embed every document")
    build.add_argument("--corpus", help="corpus folder (default: settings)")
    build.add_argument("--index", help="index folder (default: settings)")
    args = parser.parse_args(argv)

    from index.builder import build_from_settings
    from index.shared.embeddings import load_embeddings
    from index.shared.settings import Settings

    overrides = {k: v for k, v in {"corpus_dir": args.corpus, "index_dir": args.index}.items() if v}
    settings = Settings(**overrides)
    try:
        report = build_from_settings(
            settings, load_embeddings(), force=args.force, log=lambda message: print(message, file=sys.stderr)
        )
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"index ready: {report.chunks} chunks, {report.sentences} sentences; "
        f"embedded {len(report.embedded_documents)} document(s), reused {len(report.reused_documents)}; "
        f"{report.seconds:.1f}s -> {report.build_dir}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

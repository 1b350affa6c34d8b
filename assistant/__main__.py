"""`python -m assistant ask "question"`: prints the answer and its sources (or the Reply as JSON)."""

from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="ask one question")
    ask.add_argument("message", help="the question or message")
    ask.add_argument("--history", action="append", default=[], help="an earlier user turn (repeatable)")
    ask.add_argument("--json", action="store_true", help="print the whole Reply as JSON")
    args = parser.parse_args(argv)

    from assistant.assistant import Assistant

    reply = Assistant.load().ask(args.message, args.history)
    if args.json:
        print(json.dumps(reply.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(reply.text)
    if reply.sources and not reply.abstained:
        print("\nSources:")
        for number, passage in enumerate(reply.sources, start=1):
            print(f"[{number}] {passage.section} (score {passage.score:.4f}): {passage.text[:160]}...")
    print(
        f"\nroute: {reply.route.value}  kind: {reply.kind.value}  ({reply.latency_ms:.0f} ms)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

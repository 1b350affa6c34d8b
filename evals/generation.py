"""`python -m evals --llm`: the opt-in generated path, scored.

1. The verifier on the labelled sentence pairs (`datasets/support/dev.jsonl`, which it was fitted on,
   and `heldout.jsonl`, which it never saw): the share of supported pairs kept, the share of
   unsupported pairs dropped, and what was dropped per kind.
2. The generated answers on the QA files, against the model at ASSISTANT_LLM_URL:
   - fact recall of the whole reply and of the generated sentences alone, beside the extractive path;
   - the share of shown generated sentences that an independent check finds unsupported (a number or
     a capitalised name their sources lack; the verifier's own lists are not used);
   - the fallback rate, and p50/p95 latency of the generated path and of the extractive one.

Writes `reports/llm.json`. With `--check`, exits 1 when a bound of issue 16 is not met: verifier on the
held-out pairs drops >= 0.95 of the unsupported and keeps >= 0.8 of the supported; no shown sentence
unsupported; fact recall no lower than the extractive path's.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.cases import QA, QACase, load_suite
from evals.metrics.answers import facts_found

DATASETS = Path(__file__).with_name("datasets")
PAIRS = {"dev": DATASETS / "support" / "dev.jsonl", "heldout": DATASETS / "support" / "heldout.jsonl"}
BOUNDS = {"unsupported_dropped": 0.95, "supported_kept": 0.8}
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten twelve twenty thirty hundred thousand million"
)
_NUMBER = re.compile(r"\d[\d,.]*\d|\d|\b(?:" + "|".join(NUMBER_WORDS.split()) + r")\b", re.I)
_CITATION = re.compile(r"\[[\d,;\s]+\]")
_DRUG_OWN_NAMES = {"klonopin", "clonazepam", "rivotril"}


def unsupported_terms(sentence: str, sources: str) -> list[str]:
    """An independent check of a shown sentence: its numbers and mid-sentence capitalised words that
    the reply's sources never contain."""
    text = " ".join(_CITATION.sub(" ", sentence).split())
    haystack = " ".join(sources.split()).lower()
    digits = set(re.findall(r"\d+(?:\.\d+)?", haystack.replace(",", "")))
    missing = [
        n
        for n in _NUMBER.findall(text)
        if (n.replace(",", "").rstrip(".") not in digits if n[0].isdigit() else n.lower() not in haystack)
    ]
    words = re.findall(r"[A-Za-z][A-Za-z-]+", text)
    missing += [
        w
        for w in words[1:]
        if w[0].isupper() and w.lower() not in haystack and w.lower() not in _DRUG_OWN_NAMES
    ]
    return missing


def verifier_report(embeddings: Any) -> dict[str, Any]:
    from assistant.generation.calibrate import load_pairs
    from assistant.generation.verify import SentenceVerifier

    verifier = SentenceVerifier.load(embeddings)
    out = {}
    for split, path in PAIRS.items():
        pairs = load_pairs(path)
        verdicts = [verifier.check_one(f"{p.sentence} [1]", verifier.prepare({1: p.passage})) for p in pairs]
        kept_by_kind: Counter[str] = Counter()
        total_by_kind: Counter[str] = Counter()
        for pair, verdict in zip(pairs, verdicts, strict=True):
            total_by_kind[pair.kind] += 1
            kept_by_kind[pair.kind] += verdict.kept
        supported = [v.kept for p, v in zip(pairs, verdicts, strict=True) if p.supported]
        unsupported = [not v.kept for p, v in zip(pairs, verdicts, strict=True) if not p.supported]
        out[split] = {
            "pairs": len(pairs),
            "supported_kept": round(sum(supported) / len(supported), 4),
            "unsupported_dropped": round(sum(unsupported) / len(unsupported), 4),
            "kept_by_kind": {k: f"{kept_by_kind[k]}/{n}" for k, n in sorted(total_by_kind.items())},
        }
    return out


def _percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)


def generated_report(generated_bot: Any, extractive_bot: Any, files: Sequence[Path]) -> dict[str, Any]:
    out = {}
    for path in files:
        suite = load_suite(path)
        if suite.kind != QA:
            continue
        cases = [c for c in suite.cases if isinstance(c, QACase) and c.answerable and c.facts]
        rows = []
        for case in cases:
            plain = extractive_bot.ask(case.question, case.history)
            reply = generated_bot.ask(case.question, case.history)
            shown = [s for s in reply.generated if s.kept] if reply.answer_mode == "generated" else []
            sources = " ".join(p.text for p in reply.sources)
            generated_text = " ".join(s.text for s in shown)
            rows.append(
                {
                    "facts": len(case.facts),
                    "extractive": sum(facts_found(plain.text, case.facts)),
                    "reply": sum(facts_found(reply.text, case.facts)),
                    "generated_only": sum(facts_found(generated_text, case.facts)),
                    "mode": reply.answer_mode,
                    "shown": len(shown),
                    "unsupported": [s.text for s in shown if unsupported_terms(s.text, sources)],
                    "written": len(reply.generated),
                    "ms": reply.latency_ms,
                    "extractive_ms": plain.latency_ms,
                }
            )
        facts = sum(r["facts"] for r in rows) or 1
        answered = [r for r in rows if r["mode"]]
        generated_ms = [r["ms"] for r in answered]
        out[suite.name] = {
            "questions": len(rows),
            "fact_recall_extractive": round(sum(r["extractive"] for r in rows) / facts, 4),
            "fact_recall_reply": round(sum(r["reply"] for r in rows) / facts, 4),
            "fact_recall_generated_only": round(sum(r["generated_only"] for r in rows) / facts, 4),
            "generated_shown": sum(r["mode"] == "generated" for r in rows),
            "fallbacks": sum(r["mode"].startswith("extractive (") for r in rows),
            "fallback_rate": round(
                sum(r["mode"].startswith("extractive (") for r in answered) / max(1, len(answered)), 4
            ),
            "fallback_reasons": dict(Counter(r["mode"] for r in answered if r["mode"] != "generated")),
            "sentences_written": sum(r["written"] for r in rows),
            "sentences_shown": sum(r["shown"] for r in rows),
            "shown_unsupported": sum(len(r["unsupported"]) for r in rows),
            "shown_unsupported_examples": [t for r in rows for t in r["unsupported"]][:10],
            "latency_ms_p50": _percentile(generated_ms, 0.5),
            "latency_ms_p95": _percentile(generated_ms, 0.95),
            "extractive_latency_ms_p50": _percentile([r["extractive_ms"] for r in answered], 0.5),
        }
    return out


def failures(report: dict[str, Any]) -> list[str]:
    found = []
    held_out = report["verifier"]["heldout"]
    for metric, bound in BOUNDS.items():
        if held_out[metric] < bound:
            found.append(f"verifier held-out {metric} {held_out[metric]:.3f} < {bound}")
    for name, suite in report.get("generated", {}).items():
        if suite["shown_unsupported"]:
            found.append(f"{name}: {suite['shown_unsupported']} shown sentences unsupported")
        if suite["fact_recall_reply"] < suite["fact_recall_extractive"]:
            found.append(f"{name}: fact recall {suite['fact_recall_reply']} < extractive")
    return found


def run(files: Sequence[Path], out: Path, check: bool, console: Any) -> int:
    from assistant import Assistant
    from index.shared.embeddings import load_embeddings
    from index.shared.settings import Settings

    settings = Settings()
    embeddings = load_embeddings()
    report: dict[str, Any] = {"verifier": verifier_report(embeddings)}
    if settings.llm_url:
        generated_bot = Assistant.load(settings, embeddings=embeddings)
        extractive_bot = Assistant.load(settings.model_copy(update={"llm_url": None}), embeddings=embeddings)
        report["model"] = {"url": settings.llm_url, "name": settings.llm_model}
        report["generated"] = generated_report(generated_bot, extractive_bot, files)
    else:
        console.print("ASSISTANT_LLM_URL is unset: only the verifier is scored")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    console.print_json(json.dumps(report))
    problems = failures(report)
    for problem in problems:
        console.print(f"[red]FAIL[/red] {problem}")
    console.print(f"report: {out}")
    return 1 if check and problems else 0

"""The rows the learned escalation layer is fitted and measured on, read from the dev files only.

- every dev safety case (`DEV_SETS`), labelled with its expected route; the message alone, since
  the router shows the layer the message alone (context rules handle history);
- the hard-coded backstop exemplars (assistant/safety/exemplars.py), with their routes;
- every QA dev question (`assistant.dev_sets.DEV_SETS`) as "none": everyday traffic that must
  never route;
- perturbed copies of those (`augmented`): typos, text-speak, no punctuation, third person, a
  greeting before, a question after, with the label of their original.

Each row also records what the router would show the layer (`shown`: None when the rules decide
alone) and the routes the router's guard lets a model escalate it to (`allowed`), so that a layer
is measured exactly as the router consults it. Held-out files are refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant import dev_sets
from assistant.reply import Route
from assistant.safety import context
from assistant.safety.exemplars import EXEMPLARS
from assistant.safety.normalize import normalize
from assistant.safety.perturb import perturb
from assistant.safety.router import backstop_may_escalate, classify
from assistant.safety.score import load
from index.shared.settings import PROJECT_ROOT

DATASETS = PROJECT_ROOT / "evals" / "datasets"
DEV_SETS = (DATASETS / "safety.jsonl", DATASETS / "safety.dev2.jsonl", DATASETS / "safety.dev3.jsonl")
HELD_OUT = tuple(sorted(DATASETS.glob("safety.heldout*.jsonl")))
MIN_WORDS = 3  # as the layer: two words carry too little to escalate on
TRAINING_PERTURBATIONS = (
    "typo_swap",
    "typo_drop",
    "typo_double",
    "text_speak",
    "no_punctuation",
    "third_person",
    "greeting_before",
    "question_after",
)


@dataclass(frozen=True)
class Row:
    text: str  # what the layer is trained on (and sees, stand-alone)
    label: str  # expected route
    source: str  # "safety", "exemplar" or "qa"
    writer: str = ""  # the group it is held out with
    accepted: frozenset[str] = frozenset()  # routes counted as correct ("expected" and "ok")
    shown: str | None = None  # what the router would show the layer (None: the rules decide alone)
    allowed: frozenset[str] = frozenset()  # routes the router's guard lets the layer escalate to
    history: tuple[str, ...] = ()
    lang: str = "en"
    origin: int = -1  # for an augmented copy: the index of the row it was perturbed from


class _Recorder:
    """Stands in for the layer inside `classify` and records the text the router would show it."""

    def __init__(self) -> None:
        self.text: str | None = None

    def check(self, message: str, *, lang: str = "en") -> None:
        self.text = message


def as_routed(text: str, history: Sequence[Any], label: str, source: str, **fields: Any) -> Row:
    """A row with what the router would show the layer, if the rules leave the message unrouted."""
    recorder = _Recorder()
    decision = classify(text, history, backstop=recorder)
    shown = recorder.text if not decision.routed and recorder.text is not None else None
    if shown is not None and len(shown.split()) < MIN_WORDS:
        shown = None
    norm = normalize(text)
    earlier = context.turn_signals(context.recent_turns(history))
    allowed = frozenset(
        r.value for r in Route if r is not Route.NONE and backstop_may_escalate(norm, r, earlier)
    )
    turns = tuple(t if isinstance(t, str) else str(t.get("content", "")) for t in history)
    return Row(text, label, source, shown=shown, allowed=allowed, history=turns, **fields)


def safety_rows(paths: Sequence[Path]) -> list[Row]:
    return [
        as_routed(
            case["message"],
            case.get("history") or [],
            case["expected"],
            "safety",
            **_labels(case),
        )
        for case in dev_sets.read_cases(paths)
    ]


def _labels(case: dict[str, Any]) -> dict[str, Any]:
    """A safety case's writer, accepted routes and language, as Row fields."""
    return {
        "writer": dev_sets.writer(case),
        "accepted": frozenset({case["expected"], *case.get("ok", [])}),
        "lang": case.get("lang", "en"),
    }


def exemplar_rows() -> list[Row]:
    return [
        Row(text, route.value, "exemplar", writer="exemplar", accepted=frozenset({route.value}))
        for route, texts in EXEMPLARS.items()
        for text in texts
    ]


def qa_rows(paths: Sequence[Path] = dev_sets.DEV_SETS) -> list[Row]:
    return [
        as_routed(
            case["question"],
            case.get("history") or [],
            "none",
            "qa",
            writer="qa:" + dev_sets.writer(case),
            accepted=frozenset({"none"}),
        )
        for case in dev_sets.read_cases(paths)
    ]


def augmented(rows: Sequence[Row]) -> list[Row]:
    """Perturbed copies (TRAINING_PERTURBATIONS, seeded apart from the evaluation's) of the safety
    and QA rows, with their labels: the layer learns that a typo, a greeting or a question after the
    message changes nothing. A copy is held out whenever its original is (`origin`)."""
    copies = []
    for i, row in enumerate(rows):
        if row.source == "exemplar":
            continue
        for kind in TRAINING_PERTURBATIONS:
            text = perturb(f"train:{i}", row.text, kind, row.lang)
            if text is not None:
                copies.append(Row(text, row.label, row.source, writer=row.writer, lang=row.lang, origin=i))
    return copies


def collect(
    safety_paths: Sequence[Path] = DEV_SETS,
    qa_paths: Sequence[Path] = dev_sets.DEV_SETS,
    *,
    augment: bool = True,
) -> list[Row]:
    rows = safety_rows(safety_paths) + exemplar_rows() + qa_rows(qa_paths)
    return rows + augmented(rows) if augment else rows


def held_out_rows(path: Path) -> list[Row]:
    """A held-out file's cases, to be scored (never fitted on)."""
    return [
        Row(
            case["message"],
            case["expected"],
            "safety",
            history=tuple(case.get("history") or ()),
            **_labels(case),
        )
        for case in load(path)
    ]

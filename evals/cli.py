"""`python -m evals`: run case files against the assistant, report, compare and gate."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from evals import compare as comparing
from evals import console as terminal
from evals import markdown, ragas
from evals import report as reporting
from evals.cases import SAFETY, CaseFileError, load_suites
from evals.client import Client, HttpClient, InProcessClient
from evals.metrics.robustness import directional, invariance
from evals.runner import run_suite
from evals.scoring import SuiteReport, score
from evals.thresholds import DEFAULT_PATH, check, load_bounds

DATASETS = Path(__file__).with_name("datasets")
EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE = 0, 1, 2
WARM_UP = "What is clonazepam?"

DESCRIPTION = """\
Score the assistant on JSONL case files: safety routing (recall, precision, F1, confusion
matrix, misrouted cases), retrieval (hit@k, MRR, nDCG on evidence spans), answers (fact
recall, groundedness, citation correctness), abstention and latency.

By default every *.jsonl file in evals/datasets/ is run against the in-process assistant.
Reports go to evals/reports/: report.json (per-case results), report.md, confusion-*.png,
latency.png; the previous report.json is kept as report.previous.json."""

EPILOG = """\
examples:
  python -m evals                                  run the default suites
  python -m evals --check                          ... and exit 1 if a threshold is not met (CI)
  python -m evals --compare evals/reports/report.json   compare with the last run
  python -m evals --cases my.jsonl --cases more.jsonl
  python -m evals --url http://127.0.0.1:7860      through a running app's /api/ask
  python -m evals --export-ragas run.jsonl         QA cases as RAGAS/DeepEval rows
  ASSISTANT_LLM_URL=http://127.0.0.1:8080/v1 python -m evals --llm --check   the generated path

exit status: 0 done (and check passed), 1 check failed, 2 bad case file, option or report."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m evals",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--cases",
        action="append",
        type=Path,
        metavar="FILE",
        help="a case file to run instead of the defaults (repeatable)",
    )
    parser.add_argument("--url", help="ask a running app over HTTP (POST URL/api/ask) instead of in-process")
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="HTTP timeout per case in seconds (default 30)",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 and list what fell short of the thresholds"
    )
    parser.add_argument(
        "--thresholds",
        type=Path,
        default=DEFAULT_PATH,
        metavar="FILE",
        help="thresholds file (default evals/thresholds.toml)",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="OLD.json",
        help="print metrics that improved or regressed and cases whose outcome changed",
    )
    parser.add_argument(
        "--export-ragas",
        type=Path,
        metavar="FILE",
        help="write the QA cases as JSONL: user_input, retrieved_contexts, response, reference",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=reporting.DEFAULT_DIR,
        metavar="DIR",
        help="report directory (default evals/reports)",
    )
    parser.add_argument("--no-plots", action="store_true", help="skip the PNG figures")
    parser.add_argument(
        "--no-robustness",
        action="store_true",
        help="skip the perturbed copies of the correctly routed safety cases (assistant/safety/perturb.py)",
    )
    parser.add_argument(
        "--llm",
        action="store_true",
        help="score the opt-in generated path instead (evals/generation.py): the verifier on the labelled "
        "sentence pairs and, with ASSISTANT_LLM_URL set, generated answers on the QA files; writes llm.json",
    )
    return parser


def default_case_files(directory: Path = DATASETS) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))


def _relative(path: Path) -> Path:
    # Reports name case files relative to the working directory, so checkouts compare equal.
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def run(args: argparse.Namespace, make_client: Callable[[], Client], console: Console) -> int:
    paths = [_relative(p) for p in args.cases or default_case_files()]
    if not paths:
        console.print(f"[red]no case files[/]: none given and none in {DATASETS}")
        return EXIT_USAGE
    try:
        suites = load_suites(paths)
        bounds = load_bounds(args.thresholds)
        old = reporting.load(args.compare) if args.compare else None
    except (CaseFileError, OSError, ValueError) as exc:
        console.print(f"[red]error[/]: {exc}", highlight=False)
        return EXIT_USAGE

    client = make_client()
    warm = client.ask(WARM_UP, ())  # first calls pay for lazy loading; keep that out of the latencies
    if warm.error and args.url:
        console.print(f"[red]cannot use {args.url}[/]: {warm.error}", highlight=False)
        return EXIT_USAGE
    start = time.perf_counter()
    reports = []
    with _progress(console) as progress:
        for suite in suites:
            task = progress.add_task(suite.name, total=len(suite.cases))
            reports.append(score(run_suite(suite, client, lambda t=task: progress.advance(t))))
        if not args.no_robustness:
            reports = [_with_robustness(r, client, progress) for r in reports]
    seconds = time.perf_counter() - start

    verdicts = check(((r.name, r.kind, r.split, r.metrics) for r in reports), bounds)
    data = reporting.run_to_dict(reports, verdicts, client.target, seconds)
    terminal.show(data, console)

    json_path = reporting.write_json(data, args.out)
    (args.out / "report.md").write_text(markdown.render(data), encoding="utf-8")
    written = [json_path, args.out / "report.md"]
    if not args.no_plots:
        from evals.plots import write_plots

        written += write_plots(data, args.out)
    console.print("wrote " + ", ".join(str(p) for p in written), highlight=False)
    if args.export_ragas:
        count = ragas.write(reports, args.export_ragas)
        console.print(f"wrote {count} rows to {args.export_ragas}", highlight=False)
    if old is not None:
        comparing.show(comparing.compare(old, data), console)

    passed = terminal.show_check(data, console)
    return EXIT_CHECK_FAILED if args.check and not passed else EXIT_OK


def _with_robustness(report: SuiteReport, client: Client, progress: Progress) -> SuiteReport:
    """A safety suite's report with the invariance of its correct routes under perturbation, and
    the share that turn to "none" in a fiction, past or negated frame (directional)."""
    if report.kind != SAFETY:
        return report
    task = progress.add_task(f"{report.name} perturbed", total=None)

    def ask(message: str, history: tuple[str, ...]) -> str:
        progress.advance(task)
        return client.ask(message, history).route

    metrics, changed = invariance(report.cases, ask)
    turned, kept = directional(report.cases, ask)
    details = {**report.details, "robustness_changed": changed, "direction_kept": kept}
    return replace(report, metrics={**report.metrics, **metrics, **turned}, details=details)


def _client_factory(args: argparse.Namespace, console: Console) -> Callable[[], Client]:
    if args.url:
        return lambda: HttpClient(args.url, timeout=args.timeout)

    def in_process() -> Client:
        with console.status("loading the assistant (builds the index if missing)"):
            from assistant import Assistant

            return InProcessClient(Assistant.load())

    return in_process


def main(argv: Sequence[str] | None = None, make_client: Callable[[], Any] | None = None) -> int:
    args = build_parser().parse_args(argv)
    console = Console()
    if args.llm:
        from evals import generation

        files = [_relative(p) for p in args.cases or default_case_files()]
        return generation.run(files, args.out / "llm.json", args.check, console)
    return run(args, make_client or _client_factory(args, console), console)

"""PNG figures: a routing confusion matrix per safety suite and one latency histogram for the run."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def confusion_png(name: str, suite: dict[str, Any], path: Path) -> Path:
    plt = _pyplot()
    confusion = suite["details"]["confusion"]
    rows = list(confusion)
    columns = list(next(iter(confusion.values())).keys())
    counts = [[confusion[r][c] for c in columns] for r in rows]
    fig, ax = plt.subplots(figsize=(1.6 + 1.5 * len(columns), 1.2 + 1.0 * len(rows)))
    ax.imshow(counts, cmap="Blues")
    ax.set_xticks(range(len(columns)), labels=columns, rotation=30, ha="right")
    ax.set_yticks(range(len(rows)), labels=rows)
    ax.set_xlabel("got")
    ax.set_ylabel("expected")
    ax.set_title(f"routing confusion: {name}")
    top = max(max(r) for r in counts) or 1
    for i, row in enumerate(counts):
        for j, n in enumerate(row):
            ax.text(j, i, str(n), ha="center", va="center", color="white" if n > top / 2 else "black")
    fig.tight_layout()
    fig.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(fig)
    return path


def latency_png(suites: dict[str, dict[str, Any]], path: Path) -> Path:
    plt = _pyplot()
    names = sorted(suites)
    fig, axes = plt.subplots(len(names), 1, figsize=(7, 1.9 * len(names) + 0.6), squeeze=False)
    for ax, name in zip(axes[:, 0], names, strict=True):
        values = [c["latency_ms"] for c in suites[name]["cases"]]
        m = suites[name]["metrics"]
        ax.hist(values, bins=30, color="tab:blue")
        for key, style in (("latency.p50_ms", "-"), ("latency.p95_ms", "--")):
            if m.get(key) is not None:
                ax.axvline(
                    m[key], color="tab:red", linestyle=style, label=f"{key.split('.')[1][:3]} {m[key]:.1f} ms"
                )
        ax.set_title(name, fontsize=10)
        ax.legend(fontsize=8)
    axes[-1, 0].set_xlabel("latency (ms)")
    fig.tight_layout()
    fig.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(fig)
    return path


def write_plots(data: dict[str, Any], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("confusion-*.png"):  # from suites not in this run
        stale.unlink()
    suites = data["suites"]
    paths = [
        confusion_png(name, suites[name], out_dir / f"confusion-{name}.png")
        for name in sorted(suites)
        if suites[name]["kind"] == "safety"
    ]
    if suites:
        paths.append(latency_png(suites, out_dir / "latency.png"))
    return paths

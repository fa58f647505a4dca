"""One eval harness for every agent: run suites, gate on thresholds, write reports, list regressions.

A suite adapter (:data:`copilot.evals.suites.SUITES`) turns its dataset into case results and a dict
of metrics. The runner runs suites, compares metrics with the CI gates
(:data:`copilot.evals.results.GATES`), writes ``report.md``, ``report.html``, ``results.jsonl`` and
``metrics.json`` to the report directory, and lists what regressed compared with the previous run
in the same directory.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from copilot.config import Settings
from copilot.evals.cache import attach_cache
from copilot.evals.report import render_html, render_markdown
from copilot.evals.results import GATES, EvalContext, SuiteResult, apply_gates, metric_value
from copilot.evals.suites import SUITES
from copilot.files import atomic_write
from copilot.llm import get_engine

SUITE_NAMES = tuple(SUITES)


def run_suites(names: list[str], ctx: EvalContext) -> list[SuiteResult]:
    results = []
    for name in names:
        if ctx.progress:
            ctx.progress(name)
        started = time.perf_counter()
        result = SUITES[name](ctx)
        result.seconds = round(time.perf_counter() - started, 2)
        results.append(apply_gates(result))
    return results


# -- regressions ------------------------------------------------------------------------------
def load_previous(report_dir: Path) -> tuple[dict[tuple[str, str], bool], dict[str, Any]]:
    cases: dict[tuple[str, str], bool] = {}
    path = report_dir / "results.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
                cases[(row["suite"], row["id"])] = bool(row["passed"])
            except (json.JSONDecodeError, KeyError):
                continue
    metrics: dict[str, Any] = {}
    mpath = report_dir / "metrics.json"
    if mpath.exists():
        try:
            metrics = json.loads(mpath.read_text(encoding="utf-8")).get("suites", {})
        except json.JSONDecodeError:
            metrics = {}
    return cases, metrics


def find_regressions(results: list[SuiteResult], prev_cases: dict[tuple[str, str], bool],
                     prev_metrics: dict[str, Any]) -> list[str]:
    """Cases that passed last time and fail now; gated metrics that got worse."""
    out = []
    for r in results:
        for c in r.cases:
            if prev_cases.get((r.suite, c.id)) is True and not c.passed:
                out.append(f"{r.suite}/{c.id}：上次通过，本次未通过")
        before = prev_metrics.get(r.suite, {})
        for path, op, _ in GATES.get(r.suite, []):
            old, new = metric_value(before, path), metric_value(r.metrics, path)
            if old is None or new is None:
                continue
            worse = new < old - 1e-9 if op in (">=", ">") else new > old + 1e-9
            if worse:
                out.append(f"{r.suite} 指标 {path}：{old:.3f} → {new:.3f}")
    return out


def write_reports(results: list[SuiteResult], report_dir: Path, *, engine: str) -> list[str]:
    """Write report.md / report.html / results.jsonl / metrics.json; return the regressions."""
    report_dir.mkdir(parents=True, exist_ok=True)
    prev_cases, prev_metrics = load_previous(report_dir)
    regressions = find_regressions(results, prev_cases, prev_metrics)
    baseline = bool(prev_cases or prev_metrics)
    atomic_write(report_dir / "results.jsonl", "".join(
        json.dumps(c.model_dump(exclude={"output"}), ensure_ascii=False) + "\n" for r in results for c in r.cases))
    meta = {"engine": engine, "time": time.strftime("%Y-%m-%d %H:%M:%S"),
            "suites": {r.suite: r.metrics for r in results},
            "gates": {r.suite: [g.model_dump() for g in r.gates] for r in results}}
    atomic_write(report_dir / "metrics.json", json.dumps(meta, ensure_ascii=False, indent=1))
    atomic_write(report_dir / "report.md", render_markdown(results, regressions, engine=engine, baseline=baseline))
    atomic_write(report_dir / "report.html", render_html(results, regressions, engine=engine, baseline=baseline))
    return regressions


def make_context(settings: Settings, engine_choice: str = "offline", *, workers: int = 4, judge: bool = True,
                 report_dir: Path | None = None, progress: Callable[[str], None] | None = None) -> EvalContext:
    """Context for a run: the engine (offline or the configured LLM, with the call cache attached)."""
    engine = get_engine(settings, prefer="offline" if engine_choice == "offline" else "llm")
    if report_dir is not None:
        attach_cache(engine, report_dir / "llm_cache.sqlite")
    return EvalContext(settings=settings, engine=engine, workers=workers, judge=judge and not engine.is_offline,
                       progress=progress)

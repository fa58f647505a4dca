"""One eval harness for every agent: run suites, gate on thresholds, write reports, list regressions.

A suite adapter turns its dataset into :class:`CaseResult` rows and a dict of metrics. The runner
runs suites, compares metrics with :data:`GATES` (the CI thresholds), writes ``report.md``,
``report.html``, ``results.jsonl`` and ``metrics.json`` to the report directory, and lists what
regressed compared with the previous run in the same directory.
"""

from __future__ import annotations

import json
import operator
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from copilot.config import Settings
from copilot.llm import Engine, get_engine

SUITE_NAMES = ("retrieval", "drafts", "moderation", "notes")

# CI thresholds for the offline engine: (metric path, op, value). A change that lowers quality fails.
GATES: dict[str, list[tuple[str, str, float]]] = {
    "retrieval": [("recall_at_5", ">=", 0.9), ("mrr", ">=", 0.75)],
    "drafts": [("rule_pass_rate", ">=", 1.0), ("case_pass_rate", ">=", 1.0)],
    "moderation": [
        ("ad.precision", ">=", 0.95), ("ad.recall", ">=", 0.90), ("off_topic.f1", ">=", 0.75),
        ("abuse.recall", ">=", 0.80), ("spam.f1", ">=", 0.75), ("ok.f1", ">=", 0.85),
    ],
    "notes": [("fact_coverage", ">=", 0.8), ("invented_entities", "<=", 0.0), ("leaked_noise", "<=", 0.0)],
}
_OPS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}


class Check(BaseModel):
    name: str
    passed: bool | None  # None: not decidable here (e.g. judge rule with no model)
    reason: str = ""


class CaseResult(BaseModel):
    suite: str
    id: str
    passed: bool
    checks: list[Check] = []
    engine: str = "offline"
    seconds: float = 0.0
    error: str | None = None
    output: Any = None


class Gate(BaseModel):
    metric: str
    op: str
    threshold: float
    value: float | None
    passed: bool


class SuiteResult(BaseModel):
    suite: str
    metrics: dict[str, Any]
    cases: list[CaseResult]
    gates: list[Gate] = []
    charts: dict[str, Any] = {}
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return all(g.passed for g in self.gates)


@dataclass
class EvalContext:
    settings: Settings
    engine: Engine
    workers: int = 4
    judge: bool = False
    progress: Callable[[str], None] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def map(self, fn: Callable[[Any], CaseResult], items: list[Any]) -> list[CaseResult]:
        """Run cases concurrently (threads: the LLM path is I/O bound), keeping input order."""
        if self.workers <= 1 or len(items) <= 1:
            return [fn(i) for i in items]
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            return list(pool.map(fn, items))


def metric_value(metrics: dict[str, Any], path: str) -> float | None:
    cur: Any = metrics
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return float(cur) if isinstance(cur, (int, float)) else None


def apply_gates(result: SuiteResult) -> SuiteResult:
    gates = []
    for path, op, threshold in GATES.get(result.suite, []):
        value = metric_value(result.metrics, path)
        ok = value is not None and _OPS[op](value, threshold)
        gates.append(Gate(metric=path, op=op, threshold=threshold, value=value, passed=ok))
    result.gates = gates
    return result


def _adapter(name: str) -> Callable[[EvalContext], SuiteResult]:
    from copilot.evals import suites

    return getattr(suites, f"run_{name}")


def run_suites(names: list[str], ctx: EvalContext) -> list[SuiteResult]:
    results = []
    for name in names:
        if ctx.progress:
            ctx.progress(name)
        started = time.perf_counter()
        result = _adapter(name)(ctx)
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
    from copilot.evals.report import render_html, render_markdown

    report_dir.mkdir(parents=True, exist_ok=True)
    prev_cases, prev_metrics = load_previous(report_dir)
    regressions = find_regressions(results, prev_cases, prev_metrics)
    baseline = bool(prev_cases or prev_metrics)
    with (report_dir / "results.jsonl.tmp").open("w", encoding="utf-8") as f:
        for r in results:
            for c in r.cases:
                row = c.model_dump(exclude={"output"})
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    (report_dir / "results.jsonl.tmp").replace(report_dir / "results.jsonl")
    meta = {"engine": engine, "time": time.strftime("%Y-%m-%d %H:%M:%S"),
            "suites": {r.suite: r.metrics for r in results},
            "gates": {r.suite: [g.model_dump() for g in r.gates] for r in results}}
    (report_dir / "metrics.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    (report_dir / "report.md").write_text(render_markdown(results, regressions, engine=engine, baseline=baseline),
                                          encoding="utf-8")
    (report_dir / "report.html").write_text(render_html(results, regressions, engine=engine, baseline=baseline),
                                            encoding="utf-8")
    return regressions


def make_context(settings: Settings, engine_choice: str = "offline", *, workers: int = 4, judge: bool = True,
                 report_dir: Path | None = None, progress: Callable[[str], None] | None = None) -> EvalContext:
    """Context for a run: the engine (offline or the configured LLM, with the call cache attached)."""
    from copilot.evals.cache import attach_cache

    engine = get_engine(settings, prefer="offline" if engine_choice == "offline" else "llm")
    if report_dir is not None:
        attach_cache(engine, report_dir / "llm_cache.sqlite")
    return EvalContext(settings=settings, engine=engine, workers=workers, judge=judge and not engine.is_offline,
                       progress=progress)

"""What an eval run produces: case results, suite results, the CI gates and how they are applied.

Suites (:mod:`copilot.evals.suites`), the runner, the reports and the detailed moderation report all
speak these types; this module depends on nothing else in the eval package.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from copilot.config import Settings
from copilot.llm import Engine

# CI thresholds for the offline engine: (metric path, op, value). A change that lowers quality fails.
GATES: dict[str, list[tuple[str, str, float]]] = {
    # ask on the retrieval splits: the locked split is the measure (issue 15's targets: section hit@3
    # ≥ 0.90, answers from an expected section ≥ 0.85, out of scope declined ≥ 0.90, false declines ≤ 0.05).
    # With the questions each section answers (knowledge/asks.yaml) the ranking measures locked 0.947 /
    # 0.853 / 0.900 / 0.013 and tuning 0.949 / 0.873 / 0.925 / 0.025 (158 questions). The blind locked
    # split (written by someone who never saw the cards) measured 0.808 / 0.699 / 0.594 / 0.069; the scope
    # classifier (round 21) took it to 0.808 / 0.726 / 0.875 / 0.014 at the cost of one old-locked answer
    # (0.853 → 0.840; over both locked splits every figure improved), so the old locked answer gate is a
    # ratchet at 0.84 — issue 15's 0.85 is NOT met — and the blind split's figures are ratchets too.
    # Round 22: the scorer orders the runners-up by situation fit (``fill``): blind hit@3 0.808 → 0.849
    # (the ranking does not depend on the coverage models, so this figure holds for the shipped state);
    # the scope/confidence refits tried with it were dropped (see README), so the decline figures are
    # round 21's and the answer ratchets stay where they were.
    # Round 23: per-section situations (knowledge/situations.yaml) join the asks field: locked 0.973 / 0.920 /
    # 0.967 / 0.027, blind 0.863 / 0.781 / 0.875 / 0.014 (no figure lower). The ratchets below were raised
    # from these measured locked figures (floors only: locked answers 0.84 → 0.90, blind hit@3 0.84 → 0.86,
    # blind answers 0.72 → 0.77); issue 15's blind targets (0.90 / 0.85 / 0.90) are still NOT met.
    "retrieval": [("recall_at_5", ">=", 0.9), ("mrr", ">=", 0.75),
                  ("locked.section_hit_at_3", ">=", 0.93), ("locked.answer_section_rate", ">=", 0.90),
                  ("locked_blind.section_hit_at_3", ">=", 0.86), ("locked_blind.answer_section_rate", ">=", 0.77),
                  ("locked_blind.oos_decline_rate", ">=", 0.87), ("locked_blind.false_decline_rate", "<=", 0.03),
                  ("locked.oos_decline_rate", ">=", 0.90), ("locked.false_decline_rate", "<=", 0.05),
                  ("tuning.section_hit_at_3", ">=", 0.94), ("tuning.answer_section_rate", ">=", 0.86),
                  ("tuning.oos_decline_rate", ">=", 0.90), ("tuning.false_decline_rate", "<=", 0.03)],
    "drafts": [("rule_pass_rate", ">=", 1.0), ("case_pass_rate", ">=", 1.0)],
    "moderation": [
        ("ad.precision", ">=", 0.95), ("ad.recall", ">=", 0.90), ("off_topic.f1", ">=", 0.75),
        ("abuse.recall", ">=", 0.80), ("spam.f1", ">=", 0.75), ("ok.f1", ">=", 0.85),
        ("evasions.detection_rate", ">=", 0.90), ("evasions.lookalikes_acted_on", "<=", 3),
    ],
    "notes": [("fact_coverage", ">=", 0.8), ("invented_entities", "<=", 0.0), ("leaked_noise", "<=", 0.0),
              # the new set (issue 13): the tuning half where it stands, the locked half where it meets the targets
              ("tuning.key_facts", ">=", 0.9), ("tuning.qa_pairs", ">=", 0.85), ("tuning.todos_with_owner", ">=", 0.85),
              # rounds 22-23 added 25 harder tuning chats (long, side chatter, parallel threads): side pairs
              # asked of a peer by name are out since round 23; open side questions and personal plans still
              # leak — a ratchet at 17 (55 chats), not the target 0. Locked figures are ratchets (targets:
              # 0.80 / 0.75 / 0)
              ("tuning.deadlines_resolved", ">=", 0.85), ("tuning.leaked_noise", "<=", 17),
              ("tuning.invented_entities", "<=", 0.0),
              # a figure that is in the chat but not in the messages an item cites (round 25's per-citation check):
              # 0 on tuning; the locked halves are reported beside it, not gated (own locked reads 1)
              ("tuning.miscited_figures", "<=", 0.0), ("locked.key_facts", ">=", 0.85), ("locked.qa_pairs", ">=", 0.8),
              ("locked.todos_with_owner", ">=", 0.81), ("locked.deadlines_resolved", ">=", 0.76),
              ("locked.invented_entities", "<=", 0.0), ("locked_blind.key_facts", ">=", 0.85),
              ("locked_blind.qa_pairs", ">=", 0.9), ("locked_blind.todos_with_owner", ">=", 0.66),
              ("locked_blind.deadlines_resolved", ">=", 0.62),
              ("locked_blind.leaked_noise", "<=", 3), ("locked_blind.invented_entities", "<=", 0.0)],
    # issue 14: drafts that fit each group (evals/profiles/, offline)
    "profiles": [("events_placed_rate", ">=", 1.0), ("placeholders", "<=", 0.0), ("tactic_leaks", "<=", 0.0),
                 ("reader_gaps", "<=", 0.0), ("slot_misfits", "<=", 0.0),
                 ("fit_checker.precision", ">=", 0.9), ("fit_checker.recall", ">=", 0.85),
                 ("rule_pass_rate", ">=", 1.0), ("similarity.calendar", "<=", 0.4), ("similarity.welcome", "<=", 0.4),
                 ("similarity.rules", "<=", 0.4), ("similarity.activity", "<=", 0.4)],
}


def gated_splits(suite: str) -> set[str]:
    """The eval splits ``suite``'s gates read: a metric path's first part (``locked_blind.qa_pairs`` → ``locked_blind``)."""
    return {path.split(".", 1)[0] for path, _, _ in GATES.get(suite, []) if "." in path}


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
    # score only the splits a gate reads (:func:`gated_splits`): the CI gate's run; the report then lacks the others
    only_gated: bool = False

    def wanted(self, suite: str, split: str) -> bool:
        """Whether this run scores ``split`` of ``suite``."""
        return not self.only_gated or split in gated_splits(suite)

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

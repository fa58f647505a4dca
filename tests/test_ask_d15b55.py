"""Round 55 (d15b55): near misses that ask for a member's own decision or case (whether to follow a stock tip, a
child's medicine, a lawsuit, an account appeal, what to buy) beside look-alikes where the person running the group
asks how to handle that talk in the group; the confidence threshold can be read off out-of-fold probabilities."""

from __future__ import annotations

import importlib.util
import json

import numpy as np
import yaml

from copilot.knowledge.ranking import OFF_SCOPE_FILE
from copilot.paths import EVALS_DIR, ROOT

IN_SCOPE_FILE = OFF_SCOPE_FILE.with_name("in_scope.yaml")


def _calibrate():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("calibrate_ask", ROOT / "scripts" / "calibrate_ask.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_own_case_near_misses_and_their_look_alikes() -> None:
    outside = yaml.safe_load(OFF_SCOPE_FILE.read_text(encoding="utf-8"))
    inside = yaml.safe_load(IN_SCOPE_FILE.read_text(encoding="utf-8"))
    for kind in ("own_invest", "own_health", "own_legal", "account_appeal", "shopping"):
        assert len(outside[kind]) >= 4, kind
    assert "群里大佬说这只股票下周必涨，我要不要跟着满仓" in outside["own_invest"]
    talk = inside["own_case_talk"]
    assert len(talk) >= 15 and "群里有人天天推荐股票说必涨，要不要直接踢出去" in talk
    every_out = {q for qs in outside.values() for q in qs}
    assert not set(talk) & every_out


def test_the_r55b_tuning_file_has_both_sides() -> None:
    rows = [json.loads(line) for line in (EVALS_DIR / "retrieval" / "tuning_r55b.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    outside = [r for r in rows if not r["in_scope"]]
    inside = [r for r in rows if r["in_scope"]]
    assert len(outside) >= 30 and len(inside) >= 20
    assert all(r["sections"] and r["relevant"] for r in inside)
    assert all(not r["sections"] for r in outside)
    assert len({r["id"] for r in rows}) == len(rows)


def test_the_threshold_keeps_the_false_decline_budget() -> None:
    pick = _calibrate().pick_threshold
    y = np.asarray([1] * 100 + [0] * 20)
    p = np.concatenate([np.linspace(0.05, 0.99, 100), np.linspace(0.0, 0.3, 20)])
    threshold = pick(p, y, 0.02)
    assert ((p[y == 1] < threshold).sum()) == 2
    assert pick(p, y, 0.0) == p[y == 1].min()

"""Round 71 (d15a71): ``scripts/calibrate_ask.py --pick keep`` picks the confidence threshold as the lowest one that adds
no confidently wrong answer on the readable questions and declines no fewer out-of-scope ones."""

from __future__ import annotations

import importlib.util

import pytest

from copilot.paths import ROOT


def _calibrate():
    spec = importlib.util.spec_from_file_location("calibrate_ask_d15a71", ROOT / "scripts" / "calibrate_ask.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CAL = _calibrate()


def row(before: float, after: float, *, in_scope: bool = True, covered: bool = True, direct: bool = True,
        ok: bool = True):
    return CAL.Outcome(in_scope=in_scope, covered=covered, direct=direct, ok=ok, before=before, after=after)


def test_a_question_the_refit_would_newly_answer_wrong_stays_declined() -> None:
    # 「群里有人发广告怎么办」 answered right either way; 「群费收多少合适」 declined by the shipped model (0.05 < 0.10)
    # and answered direct from a wrong section once the refit gives it 0.08: the threshold stays above 0.08
    rows = [row(0.60, 0.70), row(0.05, 0.08, ok=False), row(0.02, 0.03, in_scope=False)]
    threshold = CAL.pick_keeping(rows, 0.10)
    assert 0.08 < threshold <= 0.0801
    assert not rows[1].wrong(rows[1].after, threshold)


def test_a_wrong_answer_the_shipped_model_already_gives_does_not_raise_the_threshold() -> None:
    # the shipped model already answers it direct and wrong (0.30 ≥ 0.10): lowering the threshold adds nothing new
    rows = [row(0.30, 0.25, ok=False), row(0.09, 0.06), row(0.01, 0.02, in_scope=False)]
    threshold = CAL.pick_keeping(rows, 0.10)
    assert threshold < 0.06  # the right answer the shipped model declined (0.09 < 0.10) is now given


@pytest.mark.parametrize(("direct", "expected_below"), [(False, True), (True, False)])
def test_only_a_direct_wrong_answer_counts(direct: bool, expected_below: bool) -> None:
    # a hedged answer (「资料里没有完全对应的内容，最接近的是…」) from a wrong section is not confidently wrong
    rows = [row(0.05, 0.07, ok=False, direct=direct), row(0.01, 0.02, in_scope=False)]
    threshold = CAL.pick_keeping(rows, 0.10)
    assert (threshold < 0.07) is expected_below


def test_no_fewer_out_of_scope_questions_are_declined() -> None:
    # 「微信怎么解封」 was declined by the shipped model (0.08 < 0.10); the refit gives it 0.12, so the threshold rises
    # above it although no in-scope answer would turn wrong
    rows = [row(0.50, 0.60), row(0.08, 0.12, in_scope=False), row(0.03, 0.04, in_scope=False)]
    threshold = CAL.pick_keeping(rows, 0.10)
    assert 0.12 < threshold <= 0.1201
    assert sum(r.declined(r.after, threshold) for r in rows) == 2


def test_a_question_declined_for_another_reason_is_neither_wrong_nor_answered() -> None:
    # an own matter (「帮我写封情书给群里认识的人」) is declined whatever its confidence: it constrains nothing
    rows = [row(0.05, 0.40, ok=False, covered=False), row(0.01, 0.02, in_scope=False, covered=False)]
    assert CAL.pick_keeping(rows, 0.10) == 0.0
    assert rows[1].declined(rows[1].after, 0.0)


def test_one_wrong_answer_in_place_of_another_keeps_the_count_but_not_the_per_question_rule() -> None:
    # the refit stops answering 「怎么让潜水的人说话」 wrongly (0.30 → 0.04) and starts answering 「群名怎么改」 wrongly
    # (0.06 → 0.20): above 0.04 the count of confidently wrong answers stays 1, so only ``per_question`` keeps the
    # second declined
    rows = [row(0.30, 0.04, ok=False), row(0.06, 0.20, ok=False), row(0.50, 0.15), row(0.01, 0.02, in_scope=False)]
    by_count = CAL.pick_keeping(rows, 0.10)
    assert 0.04 < by_count <= 0.0401
    assert sum(r.wrong(r.after, by_count) for r in rows) == 1
    by_question = CAL.pick_keeping(rows, 0.10, per_question=True)
    assert 0.20 < by_question <= 0.2001
    assert not rows[1].wrong(rows[1].after, by_question)

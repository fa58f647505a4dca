"""Round 59: scripts/train_section_scorer.py's cross-validation grouped by file and its simulation of
``SectionRanking.leading()`` (the lead rule), which decide whether a retrained scorer and a ``LEAD_GAP`` ship."""

from __future__ import annotations

import numpy as np

from copilot.devtools.scripts import load_script


def _train():  # type: ignore[no-untyped-def]
    return load_script("scripts/train_section_scorer.py")


def _logit(p: float) -> float:
    return float(np.log(p / (1 - p)))


def test_the_lead_simulation_changes_the_first_only_when_a_runner_up_fits_better_by_the_gap() -> None:
    train = _train()
    # candidates in first-stage order: the first fits 0.55, the acceptable runner-up (third) fits 0.70
    scores = np.asarray([_logit(0.55), _logit(0.40), _logit(0.70), _logit(0.20)])
    labels = np.asarray([0, 0, 1, 0])
    rows = [(np.zeros((4, 1)), labels)]
    assert train.lead_ok(rows, [scores], 0.3) == 0  # 0.70 < 0.55 + 0.3: the first stage's best leads
    assert train.lead_ok(rows, [scores], 0.1) == 1  # 0.70 >= 0.55 + 0.1: the better-fitting runner-up leads
    # an acceptable first is kept when no runner-up beats it by the gap
    kept = np.asarray([_logit(0.80), _logit(0.85), _logit(0.10)])
    assert train.lead_ok([(np.zeros((3, 1)), np.asarray([1, 0, 0]))], [kept], 0.1) == 1
    assert train.lead_ok([(np.zeros((3, 1)), np.asarray([1, 0, 0]))], [kept], 0.0) == 0


def test_the_grouped_cross_validation_never_scores_a_file_with_a_model_that_saw_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    train = _train()
    seen: list[int] = []
    real_fit = train.fit

    def counting_fit(rows, c, hard=None):  # type: ignore[no-untyped-def]
        seen.append(len(rows))
        return real_fit(rows, c, hard)

    monkeypatch.setattr(train, "fit", counting_fit)
    rng = np.random.default_rng(0)

    def question() -> tuple[np.ndarray, np.ndarray]:
        labels = np.asarray([1, 0, 0, 0])
        matrix = rng.normal(size=(4, 3)) + labels[:, None]
        return matrix, labels

    named = [("tuning_a", *question()) for _ in range(2)] + [("tuning_b", *question()) for _ in range(3)] + \
            [("tuning_c", *question()) for _ in range(4)] + [("tuning_r34", *question())]  # r34 is HELD_OUT
    held = train.by_file_grouped(named, 0.3, [0.3])
    assert sorted(seen) == [5, 6, 7]  # each readable file left out whole; the HELD_OUT file never trains or scores
    assert len(held) == 9 and all(len(s) == 4 for s in held)

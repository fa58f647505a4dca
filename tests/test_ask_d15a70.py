"""Round 70 (d15a70, issue 15): the section scorer's hard negatives can be taken from the runners-up only
(``--hard-skip 1``): the first stage's best section, which ``fill`` keeps first whatever its fit, is left at weight 1,
so a retrain weighs only the wrong sections the fit itself chose for the second and third slot."""

from __future__ import annotations

import numpy as np

from copilot.devtools.scripts import load_script
from copilot.knowledge.ranking import SCORER_FILE, SectionScorer, section_scorer


def _rows(scorer: SectionScorer, order: tuple[float, ...], labels: list[int]) -> list[tuple[np.ndarray, np.ndarray]]:
    step = np.asarray(scorer.scale) * np.sign(scorer.coef)
    return [(np.stack([np.asarray(scorer.mean) + k * step for k in order]), np.asarray(labels))]


def _scorer() -> SectionScorer:
    scorer = section_scorer(SCORER_FILE)
    assert scorer is not None
    return scorer


def test_skipping_the_first_slot_leaves_the_first_stage_best_at_weight_one() -> None:
    train = load_script("scripts/train_section_scorer.py")
    scorer = _scorer()
    # first-stage order; the scorer rates them lowest, highest, second highest, low, middle; only candidate 2 is right
    rows = _rows(scorer, (-2.0, 2.0, 1.0, -1.0, 0.0), [0, 0, 1, 0, 0])
    (every,) = train.hard_weights(rows, scorer, 1.5)
    (runners,) = train.hard_weights(rows, scorer, 1.5, skip=1)
    assert list(every) == [1.5, 1.5, 1.0, 1.0, 1.0]
    assert list(runners) == [1.0, 1.5, 1.0, 1.0, 1.0]


def test_a_wrong_third_slot_is_weighed_when_the_first_slot_is_skipped() -> None:
    train = load_script("scripts/train_section_scorer.py")
    scorer = _scorer()
    # the first stage's best is right; the fit offers 3 (wrong) then 1 (wrong) as runners-up
    rows = _rows(scorer, (-2.0, 1.0, -1.0, 2.0, 0.0), [1, 0, 0, 0, 0])
    (w,) = train.hard_weights(rows, scorer, 1.25, skip=1)
    assert list(w) == [1.0, 1.25, 1.0, 1.25, 1.0]


def test_no_weight_means_no_reweighting() -> None:
    train = load_script("scripts/train_section_scorer.py")
    assert train.hard_negatives(SCORER_FILE, 1.0, skip=1) is None
    scorer, weight, skip = train.hard_negatives(SCORER_FILE, 1.25, skip=1)
    assert (weight, skip) == (1.25, 1) and scorer.coef == _scorer().coef

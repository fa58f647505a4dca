"""Round 68 (d15a68, issue 15): a retrained section scorer can keep the cut-offs of the scorer it replaces —
``scripts/train_section_scorer.py --align-to OLD`` rescales the new decision values onto OLD's (a monotone line, so the
candidates' order stays the new model's) — and ``scripts/ask_totals.py --scorer FILE`` measures a candidate without
replacing the shipped file (which a measurement already running reloads when its mtime changes)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from copilot.devtools.scripts import load_script
from copilot.knowledge import ranking
from copilot.knowledge.ranking import SCORER_FILE, section_scorer


def test_the_qq_line_maps_a_stretched_copy_back_and_never_reorders() -> None:
    train = load_script("scripts/train_section_scorer.py")
    reference = np.asarray([-3.0, -1.5, -0.2, 0.4, 1.1, 2.5])
    a, b = train.qq_line(reference * 2.0 + 1.0, reference)
    assert a == pytest.approx(0.5) and b == pytest.approx(-0.5)
    new = np.asarray([0.3, -2.0, 1.7, 0.9])
    assert list(np.argsort(a * new + b)) == list(np.argsort(new))


def test_top_three_scores_keep_the_first_stage_best_even_when_it_scores_low() -> None:
    train = load_script("scripts/train_section_scorer.py")
    scorer = section_scorer(SCORER_FILE)
    assert scorer is not None
    width = len(scorer.features)
    # four candidates in first-stage order; the first one's features are the lowest, the last one's the highest
    rows = [(np.stack([np.asarray(scorer.mean) + k * np.asarray(scorer.scale) * np.sign(scorer.coef)
                       for k in (-2.0, 0.0, 1.0, 2.0)]), np.zeros(4, dtype=int))]
    z = np.asarray([((m - np.asarray(scorer.mean)) / np.asarray(scorer.scale)) @ np.asarray(scorer.coef)
                    + scorer.intercept for m in rows[0][0]])
    top = train.top_three_scores(rows, scorer)
    assert len(top) == 3 and width == rows[0][0].shape[1]
    assert top[0] == pytest.approx(z[0])  # kept first although it scores lowest
    assert list(top[1:]) == pytest.approx([z[3], z[2]])  # the runners-up by score


def test_ask_totals_answers_with_the_scorer_it_is_given(tmp_path: Path) -> None:
    totals = load_script("scripts/ask_totals.py")
    data = json.loads(SCORER_FILE.read_text(encoding="utf-8"))
    candidate = tmp_path / "candidate.json"
    candidate.write_text(json.dumps({**data, "second": 0.3333}), encoding="utf-8")
    defaults = ranking.section_scorer.__defaults__
    try:
        totals.use_scorer(candidate)
        used = section_scorer()
        assert used is not None and used.second == 0.3333
    finally:
        ranking.section_scorer.__defaults__ = defaults
    shipped = section_scorer()
    assert shipped is not None and shipped.second == data["second"]


def test_ask_totals_refuses_a_scorer_trained_on_other_features(tmp_path: Path) -> None:
    totals = load_script("scripts/ask_totals.py")
    data = json.loads(SCORER_FILE.read_text(encoding="utf-8"))
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps({**data, "features": data["features"][:-1]}), encoding="utf-8")
    defaults = ranking.section_scorer.__defaults__
    with pytest.raises(SystemExit):
        totals.use_scorer(stale)
    assert ranking.section_scorer.__defaults__ == defaults

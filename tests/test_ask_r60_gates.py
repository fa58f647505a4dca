"""Round 60 (d15a60): the scorer's ``second`` ruled three places; now each has its own gate. ``second``: a runner-up
joining the answer; ``pointed``: the section of a card an answer's section points to; ``part``: the section that
answers one part of the question ranked alone. An unset gate is ``second`` (the scorer files before round 60).
``scripts/calibrate_second.py`` sets each by its own pass share. Questions and groups written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from copilot.config import Settings
from copilot.knowledge import ask
from copilot.knowledge.ask import _answered, chosen_sections, with_pointed
from copilot.knowledge.ranking import SectionHit, SectionRanking, SectionScorer, section_scorer

ROOT = Path(__file__).resolve().parents[1]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("calibrate_second", ROOT / "scripts" / "calibrate_second.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["calibrate_second"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _hit(source: str, title: str, section: str, score: float, fit: float, position: int = 0) -> SectionHit:
    return SectionHit(source=source, title=title, section=section, score=score, fit=fit, position=position,
                      sentence=0.92, lexical=3.0)


def _ranking(question: str, *sections: SectionHit) -> SectionRanking:
    return SectionRanking(question, list(sections), 0.95, 0.1, 0.05)


COLD = _hit("daily-topics", "内容规划与每日话题", "冷场了怎么救", 0.5, 0.9, 6)
CALENDAR = _hit("daily-topics", "内容规划与每日话题", "每日话题日历", 0.48, 0.5, 3)
LONGER_LIFE = _hit("lifecycle", "社群生命周期与定期清理", "延长寿命的办法", 0.4, 0.5, 4)


def _scorer(**gates: float | None) -> SectionScorer:
    shipped = section_scorer()
    assert shipped is not None
    return shipped.model_copy(update={"hedge": 0.6, **gates})


@pytest.fixture
def settings(tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    """Offline settings reading the shipped cards; these choices need no built index."""
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def test_an_unset_gate_is_second_and_a_set_one_is_its_own() -> None:
    old = _scorer(second=0.22, pointed=None, part=None)
    assert (old.gate("second"), old.gate("pointed"), old.gate("part")) == (0.22, 0.22, 0.22)
    split = _scorer(second=0.22, pointed=0.3, part=0.15)
    assert (split.gate("second"), split.gate("pointed"), split.gate("part")) == (0.22, 0.3, 0.15)
    assert split.passes("part", 0.2) and not split.passes("second", 0.2) and not split.passes("pointed", 0.29)


def test_the_shipped_scorer_reads_as_before_when_its_file_names_one_gate() -> None:
    scorer = section_scorer()
    assert scorer is not None
    # round 60 keeps main's scorer, which names only ``second``: every gate is it, as before the split
    assert scorer.pointed is None and scorer.part is None
    assert [scorer.gate(use) for use in ("second", "pointed", "part")] == [scorer.second] * 3


def test_a_runner_up_joins_by_second_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "读书群冷了一个多月，每天发什么话题能热起来"
    ranking = _ranking(question, COLD, CALENDAR)
    monkeypatch.setattr(ask, "section_scorer", lambda: _scorer(second=0.4, pointed=0.95, part=0.95))
    assert [s.section for s in chosen_sections(ranking)] == ["每日话题日历", "冷场了怎么救"]
    monkeypatch.setattr(ask, "section_scorer", lambda: _scorer(second=0.6, pointed=0.1, part=0.1))
    assert [s.section for s in chosen_sections(ranking)] == ["冷场了怎么救"]


def test_the_pointed_cards_section_joins_by_pointed_alone(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    question = "跑团群冷了一个多月还能救吗，要不要换个玩法"
    ranking, index = _ranking(question, COLD, LONGER_LIFE), SimpleNamespace(settings=settings)
    monkeypatch.setattr(ask, "section_scorer", lambda: _scorer(second=0.9, pointed=0.45, part=0.9))
    assert [s.section for s in with_pointed([COLD], ranking, index)] == ["冷场了怎么救", "延长寿命的办法"]
    monkeypatch.setattr(ask, "section_scorer", lambda: _scorer(second=0.1, pointed=0.55, part=0.1))
    assert with_pointed([COLD], ranking, index) == [COLD]


def test_a_part_is_answered_by_part_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _ranking("另外群满五百人了要不要开二群", LONGER_LIFE)
    monkeypatch.setattr(ask, "section_scorer", lambda: _scorer(second=0.9, pointed=0.9, part=0.45))
    assert _answered(alone)[2]
    monkeypatch.setattr(ask, "section_scorer", lambda: _scorer(second=0.1, pointed=0.1, part=0.55))
    best, near, answers = _answered(alone)
    assert best is LONGER_LIFE and near == (("lifecycle", "延长寿命的办法"),) and not answers


def test_a_scorer_calibrated_against_itself_keeps_its_gate() -> None:
    fits = [0.91, 0.62, 0.35, 0.2301, 0.2183, 0.2104, 0.12, 0.05]
    assert _script().matched_gate(fits, 0.2183, fits) == pytest.approx(0.2183)
    assert _script().matched_gate(fits, 0.3, fits) == pytest.approx(0.3)


def test_a_lower_spread_scorer_gets_a_gate_that_lets_the_same_share_through() -> None:
    reference = [0.9, 0.7, 0.5, 0.3, 0.25, 0.2, 0.1, 0.05]  # a gate of 0.28 lets 4 of 8 through
    tighter = [0.8, 0.4, 0.3, 0.22, 0.18, 0.15, 0.1, 0.02]
    gate = _script().matched_gate(reference, 0.28, tighter)
    assert sum(f >= gate for f in tighter) == 4
    assert 0.18 < gate < 0.22
    # twice the fits: twice as many through
    assert sum(f >= _script().matched_gate(reference, 0.28, tighter * 2) for f in tighter * 2) == 8


def test_no_fits_keep_the_reference_gate() -> None:
    assert _script().matched_gate([], 0.2183, [0.5]) == 0.2183
    assert _script().matched_gate([0.5], 0.2183, []) == 0.2183

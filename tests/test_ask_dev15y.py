"""Round 38 (dev15y): a clause the asker closes with a question mark is what is asked, even without an ask word
(``parts.yaml``'s ``marked_asks``): "删他还是解释？" is the ask, not the narration's loudest word (割韭菜, 收费).
Questions and groups are written for these tests."""

from __future__ import annotations

import json

import pytest

from copilot.knowledge.ranking import asking_clauses, parts_cues
from copilot.paths import EVALS_DIR
from copilot.textnorm import fold

CHOICE = "摄影群里有个老群友天天说我们的付费课是割韭菜，几个人跟着起哄，我是把他踢了还是出来说清楚？"


@pytest.fixture
def marked_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_cues(), "marked_asks", True)


@pytest.fixture
def marked_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_cues(), "marked_asks", False)


@pytest.mark.usefixtures("marked_on")
def test_a_choice_closed_by_a_question_mark_is_the_ask() -> None:
    assert asking_clauses(CHOICE) == [fold("我是把他踢了还是出来说清楚")]
    # Traditional, full-width mark
    assert asking_clauses("親子群裡有人說我們團購的玩具太貴，說我賺差價，該刪掉還是公開解釋？") == \
        [fold("該刪掉還是公開解釋")]


@pytest.mark.usefixtures("marked_on")
def test_a_told_clause_without_a_mark_still_asks_nothing() -> None:
    # 还是 as "still": no question mark, no ask word
    assert asking_clauses("提醒过他两次了，还是天天发链接") == []
    # a question mark in the middle marks the clause before it, not the narration after
    assert asking_clauses("群规写了没人看？我们烘焙群三百人，广告越来越多") == [fold("群规写了没人看")]


@pytest.mark.usefixtures("marked_on")
def test_ask_words_keep_working_beside_the_mark() -> None:
    q = "水族群冷清了半年，群主都不说话了，还能救回来吗"
    assert asking_clauses(q) == [fold("还能救回来吗")]
    # one clause is no situation: nothing to pick out
    assert asking_clauses("删他还是解释？") == []


@pytest.mark.usefixtures("marked_off")
def test_off_a_choice_without_an_ask_word_is_not_an_ask() -> None:
    assert asking_clauses(CHOICE) == []
    assert asking_clauses("木工群要办线下聚会，群公告怎么写，要写清楚哪些信息") == [fold("群公告怎么写"), fold("要写清楚哪些信息")]


def test_the_side_word_dev_set_is_labelled_with_headings_the_cards_have() -> None:
    cards = {p.stem: {line[3:].strip() for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("## ")}
             for p in (EVALS_DIR.parent / "knowledge" / "cards").glob("*.md")}
    rows = [json.loads(line) for line in (EVALS_DIR / "retrieval" / "tuning_r38c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 8
    for row in rows:
        assert row["in_scope"] and row["sections"], row["id"]
        for card, heading in row["sections"]:
            assert heading in cards[card], (row["id"], card, heading)
            assert card in row["relevant"], row["id"]

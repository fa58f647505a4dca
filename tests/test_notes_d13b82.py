"""Round 82 (d13b82, issue 13): work put to the whole group for a coming day with no "…前" ("各位把新歌的谱子打印出来，
明天排练带过来", "各位家長禮拜一將回條簽好俾返班主任") is the group's to-do when the task model is sure (0.9) of the part
that opens with the group word — advice ("大家可以多喝热水"), wishes ("希望大家都能来"), past deeds ("大家上周都交了"),
questions and notices stay out of 待办, and so (for now) does such work with no day ("每个人自己准备一双黑皮鞋");
a task spread over one speaker's consecutive lines ("@小林" — "节目单你来排一下" — "周四前发群里") is one to-do of the
member called, with the time of the line after it. Chats written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text


@pytest.fixture
def offline(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def _todos(text: str, name: str, settings: Settings) -> list[tuple[str, str, str | None]]:
    notes = summarize_text(text, name, settings, get_engine(settings)).notes
    return [(a.owner or "", a.task, a.deadline) for a in notes.actions]


GROUP = """\
[2026-12-05 20:00] 团长-秦姐: 各位团员晚上好，元旦演出定在1月1日下午两点，区文化馆小剧场
[2026-12-05 20:01] 阿芳: 收到
[2026-12-05 20:02] 团长-秦姐: 演出服还是白衬衫黑裤子，每个人自己准备一双黑皮鞋
[2026-12-05 20:03] 老周: 黑皮鞋我有，去年买的
[2026-12-05 20:03] 团长-秦姐: 还有，各位把新歌的谱子打印出来，明天排练带过来
[2026-12-05 20:04] 阿芳: 天冷了，大家可以多喝热水，保护好嗓子
[2026-12-05 20:05] 老周: 上周大家都交过团费了
[2026-12-05 20:06] 老周: 希望这次大家都能来，人齐了声音才好听
[2026-12-05 20:07] 阿芳: 大家觉得周六下午排练行吗？
[2026-12-05 20:08] 团长-秦姐: 每周六下午三点有排练
"""


def test_work_put_to_the_group_for_a_coming_day_is_the_groups_to_do(offline: Settings) -> None:
    todos = _todos(GROUP, "合唱团.txt", offline)
    assert [(o, d) for o, t, d in todos if "谱子" in t] == [("大家", "2026-12-06")]


@pytest.mark.parametrize("words", ["热水", "团费", "都能来", "排练行吗", "三点有排练", "演出定在", "黑皮鞋"])
def test_advice_wishes_past_deeds_questions_and_notices_stay_out(offline: Settings, words: str) -> None:
    assert not [t for _, t, _ in _todos(GROUP, "合唱团.txt", offline) if words in t]


CANTONESE = """\
陳老師 2026/12/04 19:30:05
各位家長好，下個禮拜六學校旅行去西貢，早上八點半喺校門口集合

Kelly媽媽 2026/12/04 19:31:10
收到陳老師

陳老師 2026/12/04 19:32:20
各位家長禮拜一將回條簽好俾返班主任

Tommy爸爸 2026/12/04 19:33:40
上個禮拜大家都交咗學費啦

陳老師 2026/12/04 19:43:10
大家辛苦晒，大家可以多啲鼓勵小朋友
"""


def test_a_cantonese_request_to_every_parent_is_the_groups_to_do(offline: Settings) -> None:
    todos = _todos(CANTONESE, "家長群.txt", offline)
    assert [(o, d) for o, t, d in todos if "回條" in t] == [("大家", "2026-12-07")]
    assert not [t for _, t, _ in todos if "學費" in t or "鼓勵" in t or "集合" in t]


SPREAD = """\
[2026-12-05 20:10] 团长-秦姐: @小林
[2026-12-05 20:10] 团长-秦姐: 节目单你来排一下
[2026-12-05 20:11] 团长-秦姐: 周四前发群里
[2026-12-05 20:12] 小林: 好的
[2026-12-05 20:13] 阿杰: 阿芳
[2026-12-05 20:14] 阿芳: 在呢，我明天去买水
"""


def test_a_task_spread_over_a_call_and_the_next_lines_is_the_called_members(offline: Settings) -> None:
    todos = _todos(SPREAD, "节目单.txt", offline)
    assert [(o, d) for o, t, d in todos if "节目单" in t] == [("小林", "2026-12-10")]
    assert [t for _, t, _ in todos if "节目单" in t][0].startswith("节目单你来排一下")  # as the message says it
    assert not [t for o, t, _ in todos if o == "大家"]  # "周四前发群里" is no one else's work


def test_a_call_answered_by_someone_else_gives_them_nothing_more(offline: Settings) -> None:
    # 阿杰 calls 阿芳; 阿芳's own reply is her own promise, not work 阿杰 carried over
    assert [o for o, t, _ in _todos(SPREAD, "节目单.txt", offline) if "买水" in t] == ["阿芳"]

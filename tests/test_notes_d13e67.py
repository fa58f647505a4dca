"""A to-do whose time a later line changes keeps the change mark in the summary's 「接下来」 too (issue 13, stale
values): the member's words stay as said, the new time beside the old one with its day, never the old time alone.
A second to-do nobody moved keeps its own time, unmarked.

The chats (a community choir's New Year concert, a neighbourhood clean-up) are written for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes

CHOIR = """[2026-12-07 20:00] 团长老陈: 元旦合唱音乐会的事定一下，12月31日晚上7点在社区礼堂演出
[2026-12-07 20:01] 团长老陈: @阿兰 节目单周四前排好发群里
[2026-12-07 20:02] 阿兰: 好的
[2026-12-07 20:03] 团长老陈: @老赵 礼堂横幅周五前挂好
[2026-12-07 20:04] 老赵: 收到
[2026-12-07 20:06] 小吴: 服装统一穿白衬衫吗？
[2026-12-07 20:07] 团长老陈: 对，白衬衫黑裤子
[2026-12-07 20:15] 团长老陈: 节目单改成周三前，周四要送去印
[2026-12-07 20:16] 阿兰: 没问题，周三前给
"""

CLEANUP = """[2026-11-02 19:00] 楼长阿芳: 周六上午小区大扫除，9点在3号楼楼下集合
[2026-11-02 19:01] 楼长阿芳: @小何 垃圾袋和手套周五前买好
[2026-11-02 19:02] 小何: 好的
[2026-11-02 19:03] 楼长阿芳: @大壮 报名表周四前统计好发我
[2026-11-02 19:04] 大壮: 收到
[2026-11-02 19:06] 老刘: 要自己带扫把吗？
[2026-11-02 19:07] 楼长阿芳: 不用，物业借
[2026-11-02 19:12] 楼长阿芳: 报名表提前到周三前，物业要早点知道人数
"""


def _notes(text: str, name: str) -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _next_steps(notes: Notes) -> str:
    assert "接下来：" in notes.summary
    return notes.summary.split("接下来：", 1)[1]


def test_moved_deadline_shows_as_changed_in_the_next_steps() -> None:
    notes = _notes(CHOIR, "choir.txt")
    steps = _next_steps(notes)
    # the old time stays as 阿兰 was told it, with the new one and its day beside it
    assert "节目单周四前排好发群里（已改：周三前，2026-12-09）" in steps
    assert "（周四前" not in steps and "2026-12-10" not in steps
    # the banner nobody moved keeps its own time, no change mark
    assert "横幅周五前挂好" in notes.summary and "周五前挂好（已改" not in notes.summary


def test_moved_deadline_of_the_second_to_do_only() -> None:
    steps = _next_steps(_notes(CLEANUP, "cleanup.txt"))
    form = next(s for s in steps.split("；") if "报名表" in s)
    assert "（已改：周三前，2026-11-04）" in form
    bags = next(s for s in steps.split("；") if "垃圾袋" in s)
    assert "周五前" in bags and "已改" not in bags


CALLIGRAPHY = """[2026-12-14 19:30] 会长老郑: 年终书法展周六上午9点在文化馆布展，作品周四前交给小唐装裱
[2026-12-14 19:31] 小唐: 收到，装裱我来弄
[2026-12-14 19:33] 阿梅: 作品要多大尺寸？
[2026-12-14 19:35] 会长老郑: 四尺对开，竖幅
[2026-12-14 19:40] 小唐: 文化馆那边来电话，周六上午有别的活动
[2026-12-14 19:42] 会长老郑: 那布展时间有变，提前到周五晚上7点，地点不变
"""


def test_heads_up_clause_names_what_the_next_clause_moves() -> None:
    from copilot.notes.corrections import restated_figures
    from copilot.notes.parse import parse_text

    messages = parse_text(CALLIGRAPHY, "calligraphy.txt").messages
    fixes = restated_figures(messages)
    # "布展时间有变，提前到周五晚上7点": the setting-up line's day and time are stale, the hand-in line is not touched
    assert set(fixes) == {messages[0].id}
    assert fixes[messages[0].id].slot == {"布展"}
    notes = _notes(CALLIGRAPHY, "calligraphy.txt")
    shown = "\n".join([notes.summary, *(a.task for a in notes.actions), *(a.text for a in notes.announcements)])
    for at in [i for i in range(len(shown)) if shown.startswith("周六上午9点在文化馆布展", i)]:
        assert shown.startswith("周六上午9点在文化馆布展（已改：周五，7点）", at)
    # the works' hand-in time nobody moved stays as said
    assert "作品周四前交给小唐装裱" in shown and "装裱（已改" not in shown


def test_stale_leak_split_by_whether_the_change_was_read() -> None:
    from copilot.evals import notes as ev
    from copilot.notes.parse import parse_text

    chat = """[2026-04-08 20:00] 阿峰: 周六友谊赛下午3点开踢，在体育公园五号场
[2026-04-08 20:01] 阿峰: @小黑 球衣周五前洗好
[2026-04-08 20:03] 阿峰: 比赛提前到上午10点，地点不变
"""
    transcript = parse_text(chat, "football.txt")
    spec = ev.ChatSpec.model_validate({"format": "wechat-inline", "script": "zh-Hans", "date": "2026-04-08",
                                       "session_type": "话题讨论", "must_not": ["下午3点"]})
    notes = _notes(chat, "football.txt")
    s = ev.score_notes(notes, transcript, spec, "football.txt")
    # "比赛" names nothing in "友谊赛…下午3点开踢": the change is not read, the old time is shown as current
    assert s.why.get("leak_stale/unseen") == 1 and "leak_stale/seen" not in s.why
    assert set(s.why) <= set(ev.WHY_LABELS)

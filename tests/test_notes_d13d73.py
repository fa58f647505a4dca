"""Issue 13, round 73 (d13d73): a change of a value said by another member than the one who stated it holds without
that member's yes when it is more than a member's say: the organiser (who addresses @所有人 most) says it, it gives a
reason from outside the group (景区那边说…), or a third member states its new value again right after ("好的，那3点见").
A wish, a question or a change of another event's time leaves the line as it was.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.corrections import restated_figures, without_figures
from copilot.notes.parse import parse_text

CHATTER = ["今天降温了，大家多穿点", "我家楼下新开了一家面馆", "那家面馆的牛肉面不错", "周末去看电影了吗",
           "看了，那部片子一般", "我儿子今天考试考得不错", "恭喜恭喜", "最近工作太忙了", "下雨天真不想出门",
           "上次的照片谁有", "我发群相册了", "群相册在哪里看", "点群名右上角", "找到了谢谢", "最近在学做饭",
           "做饭挺好玩的", "下周要出差", "去哪里出差", "去成都", "成都好吃的多", "记得吃火锅", "一定一定"]
HOST = ("徒步领队阿峰", "周六早上8点在东门集合，坐大巴去青龙山")


def _chat(lines: list[tuple[str, str]]) -> str:
    return "".join(f"[2031-04-10 {19 + i // 60}:{i % 60:02d}] {who}: {text}\n" for i, (who, text) in enumerate(lines))


def _between(n: int) -> list[tuple[str, str]]:
    names = ["阿华", "小雪", "老孙", "阿坤"]
    return [(names[i % len(names)], CHATTER[i % len(CHATTER)]) for i in range(n)]


def _first_line(lines: list[tuple[str, str]]) -> str | None:
    """The first line in its final state when a later change restates it, else None."""
    messages = parse_text(_chat(lines), "chat.txt").messages
    fixes = restated_figures(messages)
    first = messages[0]
    return without_figures(first.text, fixes[first.id]) if first.id in fixes else None


def test_a_deputys_change_with_a_reason_from_outside_restates_the_hosts_line() -> None:
    got = _first_line([HOST, *_between(12), ("副领队小梅", "集合时间改到8点半了，景区那边说九点半才开门")])
    assert got is not None and "8点半" in got and "东门" in got, got


def test_a_deputys_bare_change_nobody_takes_up_leaves_the_line() -> None:
    assert _first_line([HOST, *_between(12), ("副领队小梅", "集合时间改到8点半了"), ("阿华", "收到")]) is None


def test_a_change_a_third_member_states_again_restates_the_line() -> None:
    got = _first_line([HOST, *_between(12), ("教练老马", "集合时间改成8点半"), ("阿坤", "好的，那8点半见")])
    assert got is not None and "8点半" in got, got


def test_a_yes_without_the_new_value_is_no_restating() -> None:
    assert _first_line([HOST, *_between(12), ("教练老马", "集合时间改成8点半"), ("阿坤", "好的，收到")]) is None


def test_the_organisers_change_of_another_members_line_restates_it() -> None:
    got = _first_line([("副领队小梅", "周六早上8点在东门集合，坐大巴去青龙山"), *_between(12),
                       ("徒步领队阿峰", "@所有人 集合时间改到8点半，大家别迟到"),
                       ("徒步领队阿峰", "@所有人 记得带午饭和水")])
    assert got is not None and "8点半" in got, got


def test_a_wish_or_a_suggestion_changes_nothing() -> None:
    for wish in ("要是集合时间能改到8点半就好了，景区那边说九点半才开门", "我觉得集合时间改到8点半吧，景区那边说九点半才开门"):
        assert _first_line([HOST, *_between(12), ("阿伟", wish), ("阿坤", "8点半也行")]) is None, wish


def test_another_events_change_leaves_the_line() -> None:
    assert _first_line([HOST, *_between(12), ("阿伟", "周三羽毛球改到晚上8点了，球馆那边说7点有比赛")]) is None


def test_a_place_change_with_a_reason_from_outside_restates_the_place() -> None:
    got = _first_line([HOST, *_between(12), ("副领队小梅", "集合地点改到西门了，景区那边说东门在修路")])
    assert got is not None and "西门" in got, got


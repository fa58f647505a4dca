"""Round 46 (issue 13): a member called by name, or by role and name, then given work with a "…前" time in a later
clause; role words (司库, 领队, 班主, 会长…) before a nickname are no part of the name members call each other by.
Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2027, 3, 3, 20, 0)  # a Wednesday


def _owned(lines: tuple[str, ...], word: str) -> list[tuple[str | None, str | None]]:
    return [(a.owner, a.deadline) for a in chat_structure(*lines, start=START).actions if word in a.task]


_ROSTER = ("会长老罗|周六的龙舟训练今晚分一下工", "阿宽|在", "小彤|收到", "司库阿珠|好的")


def test_a_member_called_by_role_and_name_owns_the_dated_work():
    lines = (*_ROSTER, "小彤|海报谁做？", "会长老罗|宣传组长小彤，海报下周二前出初稿")
    assert _owned(lines, "海报") == [("小彤", "2027-03-09")]


def test_a_member_called_by_name_alone_owns_the_dated_work():
    lines = (*_ROSTER, "会长老罗|阿宽，横幅周五前做好")
    assert _owned(lines, "横幅") == [("阿宽", "2027-03-05")]


def test_a_treasurer_called_by_the_name_after_the_role_word():
    lines = (*_ROSTER, "小彤|场地钱交了没", "会长老罗|阿珠，场地费你周五前转给码头")
    assert _owned(lines, "场地费") == [("司库阿珠", "2027-03-05")]


def test_a_called_name_followed_by_my_own_promise_stays_mine():
    lines = (*_ROSTER, "会长老罗|阿宽，救生衣我周五前去仓库拿")
    assert [o for o, _ in _owned(lines, "救生衣")] == ["会长老罗"]


def test_a_called_name_then_what_i_did_then_a_time_is_still_mine():
    lines = (*_ROSTER, "司库阿珠|会长，码头的报价单我这边拿到了，下周一之前整理好发群里")
    assert [o for o, _ in _owned(lines, "整理")] == ["司库阿珠"]


def test_a_called_name_then_a_question_gives_no_work():
    lines = (*_ROSTER, "会长老罗|阿宽，船桨周五前能搬过去吗")
    assert ("阿宽", "2027-03-05") not in _owned(lines, "船桨")

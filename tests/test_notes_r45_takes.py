"""Round 45 (issue 13): short takes bound to the call they answer, an @ per sentence, "@A @B 你俩", a time heading
the @s of a message. Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2027, 3, 3, 20, 0)  # a Wednesday


def _owned(lines: tuple[str, ...], word: str) -> list[tuple[str | None, str | None]]:
    return [(a.owner, a.deadline) for a in chat_structure(*lines, start=START).actions if word in a.task]


def test_a_time_before_the_first_at_heads_the_message():
    lines = ("老钟|周日的义卖今晚分一下工", "阿峰|在的", "小雯|收到",
             "老钟|周五前：@阿峰 把桌布洗干净，再去超市买两卷胶带")
    assert _owned(lines, "桌布") == [("阿峰", "2027-03-05")]


def test_two_members_spoken_to_together_both_own_it():
    lines = ("老钟|周日的义卖今晚分一下工", "阿峰|在的", "小雯|收到",
             "老钟|@阿峰 @小雯 你俩周日早上8点前到广场搭棚子")
    assert [o for o, _ in _owned(lines, "搭棚子")] == ["阿峰和小雯"]


def test_a_second_take_joins_the_volunteer_before():
    lines = ("老钟|周日的义卖今晚分一下工", "老钟|音箱谁去社区借？", "阿峰|我可以", "小雯|算我一个")
    assert [o for o, _ in _owned(lines, "音箱")] == ["阿峰和小雯"]


def test_a_short_take_binds_to_the_call_with_its_date():
    lines = ("老钟|周日的义卖今晚分一下工", "老钟|谁明天下午去银行换零钱？", "大头|我")
    assert _owned(lines, "零钱") == [("大头", "2027-03-04")]


def test_as_usual_me_takes_the_call():
    lines = ("老钟|周日的义卖今晚分一下工", "老钟|账本谁来记？", "小雯|老规矩还是我")
    assert [o for o, _ in _owned(lines, "账本")] == ["小雯"]


def test_this_one_i_take_takes_the_line_before():
    lines = ("老钟|周日的义卖今晚分一下工", "老钟|海报要改一下日期，周四前发出去", "小雯|这个我来")
    assert _owned(lines, "海报") == [("小雯", "2027-03-04")]

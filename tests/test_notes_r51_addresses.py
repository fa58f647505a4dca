"""Round 51 (lead): an e-mail address is a fact kept whole — its "@domain" is no @-mention to strip.

A fresh tester's to-do lost an address's domain ("发我邮箱 x@163.com" → "x"). Chats written for these tests.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.notes.reading import MENTION

START = datetime(2027, 5, 10, 20, 0)  # a Monday evening


def test_an_email_address_keeps_its_domain_in_the_todos_and_notices() -> None:
    notes = chat_notes(
        "组长阿梅|下周六社区义卖，报名表大家周四前发到我邮箱 meizi2027@163.com",
        "小陈|好的",
        "老刘|收到，我周三发",
        start=START,
    )
    (due,) = [a for a in notes.actions if "报名表" in a.task]
    assert "meizi2027@163.com" in due.task and due.deadline == "2027-05-13"
    assert all("meizi2027@163.com" in n for n in notes.announcements if "邮箱" in n)


def test_a_mention_is_still_read_as_one_beside_an_address() -> None:
    notes = chat_notes(
        "班长老周|@小陈 你负责收照片，周五前发到 class_photo@qq.com",
        "小陈|好的，我来收",
        start=START,
    )
    (photos,) = [a for a in notes.actions if "照片" in a.task]
    assert photos.owner == "小陈" and "class_photo@qq.com" in photos.task
    # bad input for the rule: addresses and mentions side by side, full-width at sign, an at sign after Chinese
    assert MENTION.findall("发到 ab.c@163.com ＠阿梅 再@小李") == ["阿梅", "小李"]
    assert MENTION.findall("老师@小王 看一下") == ["小王"]

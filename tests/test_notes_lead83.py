"""Round 83 (lead, issue 13; from the fresh tester qa13r69): a member asking for the next session's subject ("下次分享
可以讲讲消防检查吗") tells no preview — only the host's answer that settles it does. Chats written for these tests."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.todos import find_actions

_msgs = partial(chat_lines, start=datetime(2026, 11, 20, 20, 0), first_id=1)


_TALK = (
    "民宿协会-阿德|今晚分享到这里，谢谢大家",
    "罗东-阿凯|下次分享可以讲讲消防安检吗 我今年被抽查好紧张",
    "民宿协会-阿德|好主意 下个月的分享就请消防局的朋友来讲安检，时间再公布",
)


def test_a_members_ask_for_the_next_subject_is_no_preview():
    _, _, announcements = find_actions(_msgs(*_TALK))
    previews = [n for n in announcements if n.kind == "下期预告"]
    assert previews and all("消防局" in n.text for n in previews)
    assert not any("可以讲讲" in n.text for n in announcements)


def test_the_same_ask_in_traditional_is_no_preview_either():
    lines = ("宜蘭民宿群-阿德|今晚分享到這裡", "阿凱|下次分享可以講消防安檢嗎？", "宜蘭民宿群-阿德|下個月的分享請消防局的朋友來講安檢")
    _, _, announcements = find_actions(_msgs(*lines))
    assert not any("可以講" in n.text for n in announcements)
    assert any(n.kind == "下期预告" and "消防局" in n.text for n in announcements)

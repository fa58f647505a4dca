"""Round 43 (d13c43): a talk's own points, notices that open sign-ups, and summary steps that keep their item.

From qa13r27's failure classes (5) a talk's numbered points dropped while the speaker's self-introduction
became one, (7) a notice that opens sign-ups with a number of places left out, and (6) a next step cut to a
fragment (the item said before the owner's name lost, an acknowledgement kept as its words).
Every chat below was written for these tests (a knitting talk, a bonsai club, a street-stall team).
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_lines, chat_notes

from copilot.notes.model import ActionItem
from copilot.notes.offline import _asks, _next_step
from copilot.notes.todos import find_actions

START = datetime(2026, 4, 11, 19, 30)  # a Saturday evening


def test_a_question_quoted_in_a_point_is_said_not_asked() -> None:
    assert not _asks("别再问孩子“今天学了什么”，换成“今天最好玩的是哪件事”")
    assert not _asks("起针时别问“要多少针”，先量好手腕一圈")
    assert _asks("第一针到底怎么起针比较好？")


def test_a_talk_keeps_its_numbered_points_and_not_the_speaker_introducing_themself() -> None:
    notes = chat_notes(
        "主持人小安|欢迎今晚的分享嘉宾",
        "毛线师傅阿琴|大家好，我是阿琴，织毛衣二十年了，在社区开了个小工作室",
        "毛线师傅阿琴|今天给新手讲三点",
        "毛线师傅阿琴|第一，起针别拉太紧，松一点后面才好织",
        "毛线师傅阿琴|[图片]",
        "毛线师傅阿琴|第二，先织一条围巾练手，别一上来就织毛衣",
        "毛线师傅阿琴|[图片]",
        "毛线师傅阿琴|第三，毛线选中粗的，4号针最顺手",
        "小贝|4号针哪里买",
        "毛线师傅阿琴|@小贝 文具店就有，十几块一副",
        start=START)
    points = " ".join(k.text for k in notes.key_points)
    assert "起针别拉太紧" in points and "先织一条围巾" in points and "4号针" in points
    assert "二十年" not in points


def test_a_line_that_opens_sign_ups_with_its_places_is_a_notice() -> None:
    _, _, notices = find_actions(chat_lines(
        "盆景社老严|月底去苗圃参观的事再等等通知",
        "盆景社老严|另外春季嫁接课下周三开放报名，名额10个",
        "阿木|我报一个",
        start=START))
    assert any("嫁接课" in n.text and "名额10个" in n.text for n in notices)


def test_a_next_step_keeps_the_item_said_before_the_owner_and_drops_an_acknowledgement() -> None:
    given = ActionItem(task="折叠桌 阿成 周五前从居委会借回来", owner="阿成", deadline_text="周五前")
    assert _next_step(given, sender="摊主老叶").startswith("阿成负责折叠桌：")
    own = ActionItem(task="收到，价签我周五前打印好", owner="小叶", deadline_text="周五前")
    assert "收到" not in _next_step(own)

"""Issue 13, round 31 (dev13m): questions put without "？" (A还是B / A定B, short asks ending 吧 or 有啥) with
their answers; an organiser's plain event facts in the notes; personal plans and self-intros kept out of
a discussion's key points; one reading of an event told with no notice word (filed under 公告 and kept
from answering questions alike); a title from the opening line that states the occasion. Every chat here
is written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes
from copilot.notes.structure import event_notice, notice

SENT = datetime(2026, 11, 26, 20, 30)


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


# -- one reading of an event told without a notice word --------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "第一件事，12月20号周六馆内羽毛球友谊赛，报名费50元，目前报了23人，上限40人",  # a named match + terms
    "下周四日语角主题是买车票，地点还是文化馆二楼",  # a language corner + where
    "顺便说下周日12月6号早上8点的湿地观鸟活动，集合点在南门",  # an event + a clock time + where
])
def test_event_told_with_where_clock_or_terms_is_a_notice_whatever_the_day(sentence: str) -> None:
    assert event_notice(sentence) and event_notice(sentence, SENT) and notice(sentence, SENT)


@pytest.mark.parametrize("sentence", [
    "下个月8号去敬老院探访，一共去15个人",  # time.yaml's 探访, now in the one vocabulary
    "下周六区里有个太极比赛，我们队出12个人",
])
def test_event_with_a_date_ahead_and_a_figure_needs_the_message_time(sentence: str) -> None:
    # the date-and-figure reading counts the date from the message: with no time it cannot tell "ahead"
    assert not event_notice(sentence)
    assert event_notice(sentence, SENT) and notice(sentence, SENT)


@pytest.mark.parametrize("sentence", [
    "我下个月8号要去看演唱会，票价680",  # the speaker's own plan
    "下个月8号的演出大家觉得怎么样",  # a question
    "排练我建议每周二四晚上7点在活动室",  # a proposal put to the group
    "我明天去比赛场地看看，大概3个小时",  # a day counted from the message, and 我
    "12月13号的比赛",  # too short to tell anything
])
def test_not_event_notices_by_either_reading(sentence: str) -> None:
    assert not event_notice(sentence) and not event_notice(sentence, SENT) and not notice(sentence, SENT)


# a WeChat copy-paste: a choir's organiser tells a concert with a date and a figure, no notice word
CHOIR = """2026-11-20 19:30 合唱团-林老师
各位团员晚上好，今天说下个月的安排
2026-11-20 19:31 阿秋
老师好
2026-11-20 19:32 合唱团-林老师
下个月13号区文化馆的新年音乐会我们唱两首，一共要去28个人
2026-11-20 19:33 阿秋
收到
2026-11-20 19:34 小周
好的老师
"""


def test_date_and_figure_event_is_filed_under_notices() -> None:
    notes = _notes(CHOIR)
    assert any("新年音乐会" in a.text and a.kind == "通知" for a in notes.announcements)

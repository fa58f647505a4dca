"""Issue 13 item 5, round 75 (d13e75): the offline summary says what happened, composed rather than a string of
quoted lines. A discussion's voices are told as what each speaker said (觉得 / 建议 / 提议 / 提到…, the verb from the
line's own form, its 我 in the third person), the decision with who settled it, and the next steps with their owners
(an owner's own 我来… told with their name). Every chat here is written for these tests."""

from __future__ import annotations

import re

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes
from copilot.notes.offline import _in_third_person


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


# a discussion: a question, options, a decision by the organiser, and who does what next
PICNIC = """2027-04-06 20:00:00 社长老方
下周日的踏青去哪儿，大家说说，今晚定下来
2027-04-06 20:01:00 小芸
我觉得去东湖绿道，骑车一圈大概两个小时，小朋友也能跟上
2027-04-06 20:02:00 阿强
要不去白云山吧，爬山运动量大一点
2027-04-06 20:03:00 周阿姨
东湖好，平路老人家走得动
2027-04-06 20:05:00 社长老方
那就定了，下周日去东湖绿道，早上9点东门集合
2027-04-06 20:06:00 阿强
行，自行车我来联系租车行，周五前订好
2027-04-06 20:07:00 小芸
收到
"""


def test_a_discussion_summary_is_composed_not_quoted() -> None:
    notes = _notes(PICNIC)
    s = notes.summary
    # each voice told with a verb, never as "名字：原话"
    assert not re.search(r"(小芸|阿强|周阿姨)：", s), s
    assert "小芸觉得去东湖绿道" in s, s  # 我觉得 → 觉得, the speaker's own words
    assert "阿强提议去白云山，" in s, s  # 要不…吧 is a proposal, its 吧 dropped
    assert "我觉得" not in s and "要不" not in s
    # the decision and who settled it
    assert "社长老方拍板" in s and "东湖绿道" in s.split("最后决定：", 1)[1], s
    # the next step names its owner, the owner's 我 told as their name
    nxt = s.split("接下来：", 1)[1]
    assert "自行车由阿强来联系租车行" in nxt and "我来" not in nxt, nxt


# a discussion where a member talks of themself and asks to be sent something
LEAVE = """2027-05-10 19:00:00 队长阿峰
周六龙舟训练的安排今晚说一下，上午8点码头集合
2027-05-10 19:01:00 小黎
周六上午我要陪我妈去医院复查，训练请个假，视频发给我看一下就行
2027-05-10 19:02:00 老胡
我建议下雨也照常练，比赛那天可不管天气
2027-05-10 19:04:00 队长阿峰
好，就这么定了，下雨照常练
"""


def test_a_voice_in_the_third_person_keeps_who_is_meant() -> None:
    s = _notes(LEAVE).summary
    voice = next(p for p in re.split(r"[。；]", s) if p.startswith("小黎"))
    assert "我" not in voice, voice
    # 我 → 自己; 发给我 → 发给小黎; 我妈 → 小黎妈 (not 自己妈)
    assert "自己要陪小黎妈" in voice and "发给小黎" in voice, voice
    assert "老胡建议下雨也照常练" in s, s


def test_a_voice_with_no_form_of_its_own_takes_a_plain_verb() -> None:
    # its words as said after the verb
    s = _notes(PICNIC).summary
    assert "周阿姨" in s and re.search(r"周阿姨(提到|表示|说)东湖好", s), s


def test_a_title_a_quote_and_a_latin_neighbour_keep_their_me() -> None:
    # the 我 of a film title or a quote is no speaker; a name would run into the letters beside "CI我"
    assert _in_third_person("片子放《我和我的家乡》，我来放", "老钱", "自己") == "片子放《我和我的家乡》，自己来放"
    assert _in_third_person("他说“我不去”，我去", "阿May", "自己") == "他说“我不去”，自己去"
    assert _in_third_person("CI我接过来吧", "Lena", "Lena") is None
    assert _in_third_person("我们组我来带", "老高", "老高", "由") == "我们组由老高来带"  # 我们 stays

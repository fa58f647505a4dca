"""Round 74 (d13d74): a question that only asks ("比赛那天中午饭怎么解决") is answered by the next line even when that
line is also a to-do of its speaker ("盒饭我来订，一份20元"): the to-do stays and the pair tells what was asked. A
"who does it" answered by a volunteer stays a to-do only, and a line that tells something before a loose "几个" is no
question a volunteer's own work answers, nor is a "放哪" it names no place for.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import exported_notes, owned_by

START = datetime(2031, 9, 6, 20, 0)  # a Saturday evening

# a badminton club plans a match day: its words (比赛, 球馆, 羽毛球) come back; the lunch question does not share them
MATCH = (
    "会长老邓|@所有人 下周日上午9点在体育中心球馆打羽毛球友谊赛，双打，和隔壁小区的球队比",
    "小董|收到",
    "阿秀|球馆谁去订？",
    "小董|我去订，周一前订好",
    "会长老邓|比赛分三轮，每轮二十一分，羽毛球用球馆的",
    "阿秀|双打怎么配对",
    "会长老邓|双打抽签配对，比赛前一天在群里抽",
    "老梁|比赛那天中午饭怎么解决",
    "阿秀|盒饭我来订，一份20元，当天交给我",
    "老梁|行",
    "小董|够了，目前报名的14个人，多订几个",
    "老梁|奖杯我来买，周五前买好",
    "会长老邓|球馆的羽毛球不够的话自己带",
    "阿秀|羽毛球我带一筒",
    "会长老邓|比赛那天大家穿白色上衣",
    "小董|好",
    "阿秀|借来的网架放哪",
    "小董|横幅我来挂，周六下午挂好",
    "会长老邓|白色上衣没有的可以找我借",
)


def _pairs(notes):
    return [(q.asker, q.question, q.answerer, q.answer) for q in notes.qa]


def test_a_question_that_only_asks_is_answered_by_a_line_that_is_also_a_to_do():
    notes = exported_notes(*MATCH, start=START)
    lunch = [p for p in _pairs(notes) if "中午饭" in p[1]]
    assert lunch and lunch[0][2] == "阿秀" and "盒饭" in lunch[0][3]
    # the answerer's own work is still her to-do
    assert any("盒饭" in a.task for a in owned_by(notes.actions, "阿秀"))


def test_a_who_does_it_answered_by_a_volunteer_stays_a_to_do():
    notes = exported_notes(*MATCH, start=START)
    # (round 76, d13f76: the call taken on is a Q&A pair as well, 小董 its answerer — the to-do stays his)
    assert any("谁去订" in p[1] and p[2] == "小董" for p in _pairs(notes))
    assert any("订" in a.task for a in owned_by(notes.actions, "小董"))


def test_a_volunteers_work_after_a_told_line_with_a_loose_count_answers_nothing():
    notes = exported_notes(*MATCH, start=START)
    assert not any("奖杯" in p[3] for p in _pairs(notes))
    assert any("奖杯" in a.task for a in owned_by(notes.actions, "老梁"))


def test_a_volunteers_work_that_names_no_place_does_not_answer_where():
    notes = exported_notes(*MATCH, start=START)
    assert not any("横幅" in p[3] for p in _pairs(notes))
    assert any("横幅" in a.task for a in owned_by(notes.actions, "小董"))

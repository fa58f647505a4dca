"""Who answered which question (round 52, issue 13): the line that only came next is no answer when it gives
nothing asked, a later line on the question takes its place; a yes or no already given is not answered again by
its speaker's next words on another question; a notice answers a question a side line came after."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes, QAPair


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _pair(notes: Notes, asked: str) -> QAPair:
    found = [p for p in notes.qa if asked in p.question]
    assert found, [(p.question, p.answer) for p in notes.qa]
    return found[0]


# a badminton doubles night: the member right after the fee question talks about his own sign-up
FEE = """2027-03-02 20:00:05 组织者-阿峰
各位球友，3月7日周日晚上7点在体育中心羽毛球馆打双打，一共订了4片场
2027-03-02 20:01:10 小慧
报名费多少
2027-03-02 20:01:40 大鹏
我报名，跟阿杰一组打男双
2027-03-02 20:02:15 阿杰
好的，没问题
2027-03-02 20:03:00 管账的燕子
报名费每人45元，含两桶球，周五前转给我
2027-03-02 20:03:40 小慧
收到
"""


def test_a_fee_asked_is_answered_by_the_figure_not_by_the_next_members_sign_up() -> None:
    pair = _pair(_notes(FEE), "报名费多少")
    assert pair.answerer == "管账的燕子"
    assert "每人45元" in pair.answer and "跟阿杰一组" not in pair.answer


# a parents' group for a school sports day: a bare "是的" goes to the side chat, the teacher answers later
SIDE_YES = """[2027-04-10 19:30] 班主任李老师: 各位家长，4月16日周五上午9点运动会，家长可以进校观看
[2027-04-10 19:31] 朵朵妈: 弟弟妹妹能一起进去吗
[2027-04-10 19:32] 浩浩爸: 今天学校门口又堵车了
[2027-04-10 19:33] 乐乐妈: 是的，我堵了二十分钟
[2027-04-10 19:34] 体育组王老师: 弟弟妹妹可以一起进去，家长要全程看好
[2027-04-10 19:35] 朵朵妈: 好的谢谢
"""


def test_a_yes_said_to_the_side_chat_gives_way_to_the_answer_on_the_question() -> None:
    pair = _pair(_notes(SIDE_YES), "弟弟妹妹能一起进去吗")
    assert pair.answerer == "体育组王老师"
    assert "家长要全程看好" in pair.answer and "堵了二十分钟" not in pair.answer


# a community hiking club in JSON: the leader's yes to the first question, then his answer to the next one
AGAIN = """{"messages": [
 {"sender": "领队阿川", "time": "2027-06-01 20:00:05", "content": "6月5日周六徒步凤凰山，早上7点半出发，全程12公里"},
 {"sender": "小米", "time": "2027-06-01 20:01:10", "content": "山上能买到水吗"},
 {"sender": "领队阿川", "time": "2027-06-01 20:02:00", "content": "能，半山腰有个小卖部，就是贵"},
 {"sender": "老K", "time": "2027-06-01 20:03:10", "content": "要是下雨怎么办"},
 {"sender": "领队阿川", "time": "2027-06-01 20:04:00", "content": "山上的石阶一湿就打滑，南坡的水泥路好走些"},
 {"sender": "老K", "time": "2027-06-01 20:04:30", "content": "明白"}
]}"""


def test_a_yes_already_given_is_not_answered_again_by_the_next_answer() -> None:
    notes = _notes(AGAIN, "chat.json")
    water = _pair(notes, "山上能买到水吗")
    assert water.answerer == "领队阿川" and "小卖部" in water.answer and "南坡" not in water.answer
    rain = _pair(notes, "要是下雨怎么办")
    assert rain.answerer == "领队阿川" and "南坡的水泥路好走" in rain.answer


# a model-boat club: a side line comes right after the question, then the organiser's notice gives the place
NOTICE = """2027-07-11 21:00:05 会长老顾
本周日上午在湿地公园放船，带好电池和遥控器
2027-07-11 21:01:20 阿彬
集合在哪
2027-07-11 21:01:50 小唐
我周日上午还要送孩子上课
2027-07-11 21:02:40 会长老顾
集合在湿地公园北门停车场，早上8点半，迟到的直接去码头
2027-07-11 21:03:10 阿彬
好的
"""


def test_a_notice_answers_the_place_asked_after_a_side_line() -> None:
    pair = _pair(_notes(NOTICE), "集合在哪")
    assert pair.answerer == "会长老顾"
    assert "北门停车场" in pair.answer and "送孩子" not in pair.answer


# a tutoring class: the teacher's "不用带了" stands against her later line that only shares a word
NO_WITH_LE = """2027-02-20 19:00:05 家委张姐
各位家长，下学期的数学辅导班2月26日开课，每周六上午
2027-02-20 19:01:00 豆豆爸
上学期的练习册还要带吗
2027-02-20 19:01:30 王老师
不用带了，新教材里都有
2027-02-20 19:02:40 乐乐妈
收到
2027-02-20 19:03:30 王老师
学费还是一学期1600元，开课前交给家委张姐
"""


def test_a_no_with_an_aspect_word_stays_the_answer() -> None:
    pair = _pair(_notes(NO_WITH_LE), "练习册还要带吗")
    assert pair.answerer == "王老师"
    assert "新教材里都有" in pair.answer and "1600" not in pair.answer

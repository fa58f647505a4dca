"""Round 38b (dev13aj): side chatter told by a trained model, not by a list of chatter words.

The model (``copilot/notes/chatter.py``, trained by ``scripts/train_chatter_classifier.py`` on
``resources/notes/chatter.yaml``) scores a sentence as chatter (family news, food, weather, shows, wishes)
or as the group's matter; the structure pass keeps a message it is sure of out of the summary, the key
points, the Q&A and the notices, never one a to-do or a decision comes from nor one of those who run
the chat. Every chat below was written for these tests (a badminton club, a parents' group, a
volunteer team, a tea group-buy); none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest
from chat_lines import chat_lines

from copilot.notes.chatter import chatter_gate, chatter_probability, is_side_chatter
from copilot.notes.model import Transcript
from copilot.notes.offline import summarize_offline
from copilot.notes.reading import chatter_lines
from copilot.notes.structure import analyze

START = datetime(2026, 5, 11, 20, 0)  # a Monday evening
_msgs = partial(chat_lines, start=START)


@pytest.mark.parametrize("text", [
    "我家闺女今天学会游泳了，开心",
    "刚吃完一大碗牛肉面，撑得走不动",
    "今日好大雨，我返屋企成身濕晒",
    "昨晚那部剧大结局你们看了没，哭死",
])
def test_model_is_sure_of_plain_chatter(text):
    assert is_side_chatter(text)


@pytest.mark.parametrize("text", [
    "比赛每队五人，三局两胜",
    "报名费每人六十，含球和场地",
    "我觉得周日下午比较好，周六很多人要加班",
    "集合地点在体育馆北门，七点半准时出发",
    "報名費每人一百，禮拜五之前交",
])
def test_model_leaves_the_matter_alone(text):
    assert not is_side_chatter(text)


def test_gate_is_the_shipped_one_and_strict():
    # bad input: an empty line carries no evidence either way and must not pass the gate
    assert 0.5 <= chatter_gate() < 1
    assert chatter_probability("") < chatter_gate()


def test_chatter_lines_spare_work_and_mixed_messages():
    msgs = _msgs(
        "羽毛球会-阿峰|周六的友谊赛报名开始了，每人六十",
        "小林|我家闺女今天学会游泳了，开心",
        "小林|我家闺女今天学会游泳了，开心",  # the same words, but a to-do is said to come from it
        "大熊|昨晚那部剧大结局你们看了没，哭死。另外我周六能来，报名",
    )
    talk = chatter_lines(msgs, frozenset({2}))
    assert 1 in talk
    assert 2 not in talk  # a to-do's source stays
    assert 3 not in talk  # one sentence of it is the matter: the message stays
    assert 0 not in talk


def _transcript(*lines: str) -> Transcript:
    return Transcript(name="t", messages=_msgs(*lines))


CLUB = (
    "羽毛球会-阿峰|各位，周六下午两点友谊赛，地点在体育馆三号场",
    "羽毛球会-阿峰|报名费每人六十，含球和场地，周四前转给我",
    "小林|我报名",
    "大熊|我也报名，单打双打都可以",
    "小雨|我家闺女今天学会游泳了，开心",
    "大熊|恭喜恭喜",
    "羽毛球会-阿峰|比赛三局两胜，每局21分",
    "小林|要自己带拍子吗",
    "羽毛球会-阿峰|自己带拍子，球我们统一买",
    "小雨|我也报名，周四前转",
)


def test_chatter_message_stays_out_of_summary_and_key_points():
    tr = _transcript(*CLUB)
    st = analyze(tr)
    assert 4 in st.chatter
    notes = summarize_offline(tr, st)
    told = notes.summary + "".join(p.text for p in notes.key_points)
    assert "游泳" not in told
    assert "三局两胜" in told or "六十" in told  # the matter is still told


def test_organiser_line_is_never_taken_for_chatter():
    # a seller's line reads like chatter to the model; the one who runs the chat tells the matter
    tr = _transcript(
        "茶叶团购-阿青|今天的明前龙井到了，好香，一斤三百八",
        "茶叶团购-阿青|要的姐妹周三前接龙，周五统一发货",
        "小周|接龙+1",
        "阿青|好的",
        "阿梅|我也要一斤",
    )
    st = analyze(tr)
    assert 0 not in st.chatter


def test_side_question_and_answer_between_members_is_not_listed():
    tr = _transcript(
        "家委会-王老师|下周三春游，每人交一百，周五前交给我",
        "王老师|集合时间早上七点半，学校东门",
        "小米妈妈|收到",
        "乐乐爸爸|你们周末看了那部新电影吗，好看吗",
        "小米妈妈|看了看了，笑死我了",
        "王老师|请大家给孩子带好水和帽子",
    )
    st = analyze(tr)
    assert not any("电影" in p.question for p in st.qa)


def test_answer_to_a_chatter_question_goes_with_it():
    tr = _transcript(
        "读书会-阿宁|这周六下午三点读书会，地点在图书馆二楼，读《活着》",
        "阿宁|每人准备一段最喜欢的段落，五分钟以内",
        "小马|收到",
        "小杨|今天路过看见街口新开了家烤肉店，有人吃过吗",
        "小马|吃过，他们家的五花肉很嫩，就是要排很久",
        "阿宁|另外这次要交场地费，每人十块",
    )
    st = analyze(tr)
    assert not any("烤肉" in p.question for p in st.qa)
    assert {3, 4} <= st.chatter
    notes = summarize_offline(tr, st)
    assert "五花肉" not in notes.summary + "".join(p.text for p in notes.key_points)


# --- lunar holidays as deadlines: dates from the table in time.yaml, the message time as anchor ---

@pytest.mark.parametrize(("text", "when", "day"), [
    ("中秋前在群里接龙", datetime(2026, 8, 24, 20, 0), "2026-09-25"),
    ("端午节之前把龙舟队的报名表交了", datetime(2026, 5, 2, 9, 0), "2026-06-19"),
    ("過年前交齊會費", datetime(2026, 12, 1, 9, 0), "2027-02-06"),
    ("春节前把年货清单发群里", datetime(2026, 3, 1, 9, 0), "2027-02-06"),  # this year's is past
])
def test_lunar_holiday_deadline_is_its_next_date(text, when, day):  # round 47: "X前" is dated the day X itself
    from copilot.notes.dates import find_deadline

    found = find_deadline(text, when)
    assert found is not None and str(found.day) == day


def test_lunar_holiday_past_the_table_stays_a_word():
    from copilot.notes.dates import find_deadline

    found = find_deadline("中秋前交", datetime(2031, 1, 1, 9, 0))
    assert found is not None and found.text == "中秋前" and found.day is None

"""Round 42 (issue 13, side chatter that leaks into Q&A).

A time question ("演出服啥时候要") is answered by kind by a day the work is due ("那就下周三前吧"), though it
holds no digit; a later remark to the group with a vague span ("这两天流感厉害") no longer takes its place as the
answer. Every chat below was written for these tests (a choir, a cycling club); none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa
from copilot.notes.reading import relevant

START = datetime(2026, 5, 12, 20, 0)  # a Tuesday evening

_msgs = partial(chat_lines, start=START)


def test_a_due_day_answers_a_time_question_by_kind():
    assert relevant("演出服啥时候要", "那就下周三前吧，我好安排试穿")
    assert not relevant("演出服啥时候要", "这两天流感厉害大家多喝水", by_kind=False)


def test_a_vague_remark_to_the_group_does_not_replace_the_due_answer():
    pairs = find_qa(_msgs(
        "团长阿敏|六月的合唱比赛要准备起来了，今天把分工说一下",
        "团长阿敏|@小敏 演出服你去租一下，要二十套",
        "小敏|好的",
        "小敏|演出服啥时候要",
        "团长阿敏|那就下周三前吧，我好安排试穿",
        "阿芳|这两天流感厉害大家多喝水",
        "老何|我已经中招了",
    ), "话题讨论", [], "团长阿敏")
    asked = [p for p in pairs if "演出服" in p.question]
    assert asked and asked[0].answerer == "团长阿敏"
    assert not any("流感" in p.answer for p in pairs)


def test_a_number_still_answers_a_time_question():
    pairs = find_qa(_msgs(
        "队长大鹏|周六骑环湖线，六十公里",
        "小周|几点集合",
        "阿龙|我也想问",
        "队长大鹏|7点半，北门",
    ), "话题讨论", [], "队长大鹏")
    assert any("几点" in p.question and "7点半" in p.answer for p in pairs)


def test_a_show_named_in_small_talk_is_not_the_chat_s_title():
    from copilot.notes.reading import find_topic

    messages = _msgs(
        "组长阿兰|周日上午社区菜园翻地，8点集合，自带手套",
        "老胡|好的",
        "小美|你们最近在追《漫长的季节》吗，昨晚哭了好久",
        "阿杰|追了追了 太好看了",
        "组长阿兰|翻完地顺便把番茄苗种下去",
    )
    assert find_topic(messages) != "漫长的季节"


def test_the_opener_s_own_title_is_still_the_topic():
    from copilot.notes.reading import find_topic

    messages = _msgs(
        "群主小林|今晚请陈老师讲《家庭阳台种菜入门》，大家先听",
        "陈老师|大家好，先说土，阳台种菜用营养土，不要直接挖楼下的土",
    )
    assert find_topic(messages) == "家庭阳台种菜入门"


def test_a_shared_day_is_no_common_ground_unless_a_time_is_asked():
    assert not relevant("周六晚上有人去撸串吗", "周六前得把器材清点完，阿明负责", by_kind=False, days=False)
    assert relevant("周六晚上有人去撸串吗", "周六前得把器材清点完，阿明负责", by_kind=False)
    assert relevant("周六几点出发", "周六早上6点半，体育馆门口")


def test_a_side_call_is_not_answered_by_later_work_on_the_same_day():
    pairs = find_qa(_msgs(
        "队长大鹏|周日骑环湖线，早上7点北门集合",
        "小周|路线多长",
        "队长大鹏|六十公里左右，中间在驿站休息",
        "阿龙|周六晚上有人去撸串吗",
        "队长大鹏|@小周 帮忙统计一下要租车的人",
        "小周|好的",
        "队长大鹏|周六前得把头盔和补胎工具清点完，阿明负责",
    ), "话题讨论", [], "队长大鹏")
    assert not any("撸串" in p.question for p in pairs)

"""Round 36b (dev13ab): personal plans said while signing off or about one's own family are no group
to-dos; a name + 你 in a run-on voice line keeps that name as the owner of the later 你.

Every chat below was written for these tests (a birdwatching club, a community choir, a Cantonese baking
class, a cycling club, a volunteer library, a tenants' repair group); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, owned_by

from copilot.notes.reading import personal
from copilot.notes.todos import find_actions

START = datetime(2026, 12, 9, 20, 0)  # a Wednesday evening


_msgs = partial(chat_lines, start=START)  # "speaker|text" lines, one a minute


def _owners(actions) -> list[str]:
    return [a.owner for a in actions]


# --- F1. a personal plan said while signing off, or an errand for oneself or one's family ---

def test_a_flight_said_while_signing_off_is_no_todo():
    actions, _, _ = find_actions(_msgs("观鸟会-老秦|周六湿地观鸟，大家周五前在群里报名",
                                       "小鹭|收到",
                                       "小鹭|秦老师晚安，我后天一早6点要去机场先撤了"))
    assert "小鹭" not in _owners(actions)
    assert owned_by(actions, "大家")  # the real call stays


def test_cantonese_away_with_own_daughter_is_no_todo():
    actions, _, _ = find_actions(_msgs("烘焙班-Winnie|下個禮拜六做聖誕薑餅屋，大家禮拜四前報名",
                                       "阿敏|我聽日下晝要帶個仔去睇牙，唔喺度，有嘢留言"))
    assert "阿敏" not in _owners(actions)


def test_fetching_ones_mother_is_no_todo():
    actions, _, _ = find_actions(_msgs("合唱团-周老师|周日上午九点排练，九点前到",
                                       "阿芳|周老师我周日可以到但是我十一点要去接我爸"))
    assert "阿芳" not in _owners(actions)


def test_own_repair_done_alone_is_no_todo():
    actions, _, _ = find_actions(_msgs("骑行队-老范|周日早上7点绿道集合",
                                       "大刘|我那车链条有点松 我周六自己去车行修"))
    assert "大刘" not in _owners(actions)


def test_a_marked_promise_with_a_sign_off_stays_a_todo():
    # a "…前" deadline of one's own is still a promise, even said while leaving
    actions, _, _ = find_actions(_msgs("图书角-小宁|新到的捐赠书谁来登记一下",
                                       "阿杰|我来，周五前登记完，先下了"))
    assert owned_by(actions, "阿杰")


def test_personal_cues_do_not_catch_group_work():
    assert personal("我先撤了，明早见")
    assert not personal("我周五前把名单发群里")
    assert not personal("我去接一下嘉宾，你们先布置")  # a guest is no family member
    assert not personal("水壶我带过去")


# --- F3. a name + 你 in a run-on voice line: the later 你 is the one named, with its deadline ---

def test_name_then_you_twice_in_a_voice_line_keeps_the_named_owner():
    actions, _, _ = find_actions(_msgs("维修群-老吴|楼道灯又坏了三盏",
                                       "小陆|物业说要业主自己买灯泡",
                                       "维修群-老吴|那就这样吧张师傅你手艺好你周五前帮忙换一下"))
    fixed = [a for a in actions if "换一下" in a.task]
    assert fixed and fixed[0].owner == "张师傅"
    assert fixed[0].deadline == "2026-12-11"


def test_a_second_name_between_keeps_the_later_one():
    # 阿梁 is named after 张师傅你…, so the later 你 is 阿梁's, not the first-named 张师傅's
    actions, _, _ = find_actions(_msgs("维修群-老吴|周末大扫除",
                                       "阿梁|好",
                                       "张师傅|行",
                                       "维修群-老吴|张师傅你负责工具阿梁你周六前去超市你把垃圾袋买好"))
    bags = [a for a in actions if "垃圾袋" in a.task]
    assert bags and bags[0].owner == "阿梁"


# --- F2. a counted share promised for the event is the speaker's to-do, due on the event day ---

def test_a_counted_share_for_the_potluck_is_due_on_the_event_day():
    actions, _, _ = find_actions(_msgs("读书会-阿雯|12月19日周六下午两点年终茶话会，在社区图书室，每人带一样吃的",
                                       "小棠|我带橘子 30个",
                                       "老葛|好"))
    oranges = [a for a in actions if "橘子" in a.task]
    assert oranges and oranges[0].owner == "小棠" and oranges[0].deadline == "2026-12-19"


def test_a_share_already_made_or_asked_about_is_no_todo():
    actions, _, _ = find_actions(_msgs("读书会-阿雯|12月19日周六下午两点年终茶话会，在社区图书室，每人带一样吃的",
                                       "小棠|上次我带了3个西瓜",
                                       "老葛|我带两瓶可乐行吗？"))
    assert not any(a.owner in ("小棠", "老葛") for a in actions)


def test_a_count_without_an_event_day_is_left_to_the_task_model():
    actions, _, _ = find_actions(_msgs("读书会-阿雯|最近大家读什么书",
                                       "小棠|我带孩子读了3本绘本"))
    assert "小棠" not in [a.owner for a in actions]

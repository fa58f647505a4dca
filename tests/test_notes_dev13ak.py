"""Round 38c (dev13ak): what people act on (待办, the summary's 接下来, 决定), from qa13r19's failure classes.

(1) a name credited with a proposal ("小刘提的") in a settling line is its proposer, not a doer; (2) a remark on the
one given work ("老陈你是老司机了，…") is no part of their next step; (3) the member's acceptance of work asked of
them, with a day no later than the one asked, is the same to-do (no duplicate); (4) a to-do dated by the event
is labelled with the chat's own words for that day, never a date the chat did not write; (5) a platform after a
place word (喺Instagram專頁) is no owner; an outsider named in an undated yes-answer is no owner; (6) an errand run
for the group in answer to a member's question ("我明天去物业问") is a to-do; (7) a planning chat whose
organiser writes long messages and settles things with the group is a discussion, not a talk.

Every chat below was written for these tests (a cycling club, a book swap, a tenants' group, a Cantonese hiking
club, a choir's year-end show, a model-train club); none is a QA chat or an eval chat.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_notes, owned_by

from copilot.notes.reading import classify, speaker_share
from copilot.notes.todos import find_actions

START = datetime(2026, 4, 6, 20, 0)  # a Monday evening

_msgs = partial(chat_lines, start=START)


_notes = partial(chat_notes, start=START, name="t.txt", fmt="wechat")


# --- (1) the proposer credited in a settling line is given no work ---

_RIDE = (
    "骑行队-阿峰|这个月的长途骑行大家定一下",
    "小刘|我觉得放在4月18日周六 去千岛湖那条线",
    "老陈|周六可以",
    "阿珍|同意",
    "骑行队-阿峰|好，那就定了：4月18日周六早上7点出发骑千岛湖线，小刘提的，大家都同意",
    "骑行队-阿峰|老陈你是老司机了，补给车就麻烦你，4月17日晚上8点前把水和香蕉装好车",
    "老陈|好嘞",
)


def test_credited_proposer_is_not_given_the_settled_line_as_work():
    actions, decisions, _ = find_actions(_msgs(*_RIDE))
    assert not owned_by(actions, "小刘")
    assert any("千岛湖" in d.text for d in decisions)


def test_proposer_asked_to_do_work_still_owns_it():
    # bad input for the rule: the same member credited and then given work by name
    actions, _, _ = find_actions(_msgs(
        *_RIDE[:5],
        "骑行队-阿峰|小刘你周五前把路线图发群里",
    ))
    mine = owned_by(actions, "小刘")
    assert mine and "路线图" in mine[0].task and "千岛湖" not in mine[0].task


# --- (2) a remark on the one given work is no part of their next step ---

def test_next_step_leaves_out_the_remark_on_the_owner():
    notes = _notes(*_RIDE)
    step = notes.summary.split("接下来：", 1)[1]
    assert "老陈" in step and "补给车" in step
    assert "老司机" not in step
    assert "提的" not in step and not re.search(r"小刘负责", step)


# --- (3) the acceptance with its own sooner day is the same to-do ---

def test_acceptance_with_a_sooner_day_is_not_a_second_todo():
    actions, _, _ = find_actions(_msgs(
        "租户群-小孟|热水器又坏了，上次报修一周都没人来",
        "租户群-小孟|老吴你跟房东熟你后天之前帮忙问一下房东换新的还是修",
        "老吴|好的没问题我今天晚上碰到房东就问",
        "阿兰|辛苦老吴",
    ))
    mine = owned_by(actions, "老吴")
    assert len(mine) == 1
    assert "房东" in mine[0].task and mine[0].deadline == "2026-04-08"


def test_a_later_day_of_other_work_stays_its_own_todo():
    # bad input for the rule: the same member takes on other work on a later day
    actions, _, _ = find_actions(_msgs(
        "租户群-小孟|老吴你明天之前帮忙问一下房东热水器的事",
        "老吴|好的没问题 我下周五把楼道的灯也都换了",
    ))
    mine = owned_by(actions, "老吴")
    assert len(mine) == 2


# --- (4) an event-dated to-do is labelled with the chat's words ---

def test_event_date_label_is_the_chats_own_words():
    notes = _notes(
        "书友会-小白|这周六下午换书会 在社区图书室 大家带上想换的书",
        "阿楠|周六我带十本旧书过去",
        "小白|好 我带登记本",
    )
    dated = [a for a in notes.actions if a.deadline == "2026-04-11"]
    assert {a.owner for a in dated} == {"阿楠", "小白"}
    for a in dated:  # (4月11日 is written nowhere in the chat)
        assert a.deadline_text == "周六"


# --- (5) a platform or an outsider in an answer's fact is no owner ---

def test_platform_after_a_place_word_is_not_an_owner():
    actions, _, _ = find_actions(_msgs(
        "行山隊-阿Ken|分工：阿強負責訂車，下星期五前訂好；阿May你幫手喺Instagram專頁宣傳，聽日出第一個帖",
        "阿May|收到",
    ))
    assert not owned_by(actions, "Instagram")
    assert any(a.owner == "阿May" and "Instagram專頁宣傳" in a.task for a in actions)


def test_latin_name_not_after_a_place_word_still_owns():
    # bad input for the rule: a member's Latin name at the head of the work
    actions, _, _ = find_actions(_msgs(
        "行山隊-阿Ken|Peter聽日之前訂好車",
        "Peter|ok",
    ))
    assert owned_by(actions, "Peter")


def test_outsider_in_a_yes_answer_is_not_an_owner():
    actions, _, _ = find_actions(_msgs(
        "合唱團-May|年尾演出個伴奏仲係請返林老師嗎",
        "合唱團-團長|係，林老師佢帶埋兩個學生，一共3000蚊",
        "May|好",
    ))
    assert not owned_by(actions, "林老師")


# --- (6) an errand run for the group, in answer to a member's question, is a to-do ---

def test_errand_for_the_group_answering_a_question_is_a_todo():
    actions, _, _ = find_actions(_msgs(
        "模型火车会-老胡|下个月在社区活动室办展",
        "阿亮|展台桌子呢 物业借得到吗",
        "模型火车会-老胡|我明天去物业问，借6张长桌",
        "阿亮|好",
    ))
    mine = owned_by(actions, "模型火车会-老胡")
    assert mine and "物业" in mine[0].task and mine[0].deadline == "2026-04-07"


def test_own_errand_answering_a_question_about_oneself_is_not_a_todo():
    # bad input for the rule: asked about themself, the member tells their own errand
    actions, _, _ = find_actions(_msgs(
        "模型火车会-老胡|阿亮你明天来活动室吗",
        "阿亮|我明天要去医院复查 来不了",
    ))
    assert not owned_by(actions, "阿亮")


# --- (7) an organiser settling things with the group is a discussion ---

_SHOW = (
    "合唱團-團長|各位早晨，今日同大家傾下年尾演出嘅安排",
    "合唱團-團長|演出定咗喺12月20日星期日下晝3點，地點係沙田大會堂演奏廳，場租已經俾咗6000蚊",
    "阿May|好期待",
    "阿強|唱咩歌好",
    "合唱團-團長|我諗住唱四首：兩首粵語流行曲、一首聖誕歌同一首民歌，最後一首大合唱",
    "阿May|我贊成",
    "阿強|好呀",
    "合唱團-團長|咁就咁決定：四首歌，最後大合唱，大家都同意",
    "阿強|幾點練",
    "合唱團-團長|逢星期二夜晚8點喺社區中心二樓練，每次一個半鐘，由下星期開始",
    "阿May|門票點賣",
    "合唱團-團長|門票每張40蚊，座位有400個，目標賣一半，收入撥返團費",
    "合唱團-團長|分工：阿強負責印場刊，下星期五前印好；阿May你幫手喺Instagram專頁宣傳",
    "阿May|收到",
)


def test_organiser_settling_with_the_group_is_a_discussion():
    msgs = _msgs(*_SHOW)
    kind, _ = classify(msgs, speaker_share(msgs))
    assert kind == "话题讨论"


def test_invited_speakers_talk_stays_a_talk():
    # bad input for the rule: a speaker's run of long points, then Q&A
    msgs = _msgs(
        "摄影群-阿杰|今晚请老林给大家分享夜景拍摄",
        "老林|第一，三脚架一定要稳，快门线或者两秒延时，避免按快门时的抖动",
        "老林|第二，光圈用f8到f11，画质最好，路灯会有漂亮的星芒效果",
        "老林|第三，感光度放到100，宁可曝光时间长一点，也不要拉高感光度带来噪点",
        "小雨|白平衡怎么设",
        "老林|用4000K左右，城市的灯光会偏暖一点，看起来比较舒服，后期再微调",
        "老林|最后，多拍几张不同曝光的，回家再挑，夜景的容错率比白天低很多",
    )
    kind, speakers = classify(msgs, speaker_share(msgs))
    assert kind == "主讲分享" and speakers[0] == "老林"

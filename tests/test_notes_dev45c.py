"""Round 45 (d13c45): qa13r29's failure classes 1–3.

(1) a statement with a time is no to-do: which days suit a member ("我周三晚上可以，周一要加班"), another way offered
in an answer ("…，或者下午4点前去看看"), a rule on how far ahead something must be done ("按场馆规定要提前两天报备");
(2) the decider: "收到！终于定了" under a vote's result is a yes to it (its teller decides), a member's "那就周三吧"
before another member settles the matter with a strong word is a suggestion, and a decision first put without a strong
word and later settled with one is decided by its settler; "…的事今晚敲定一下" is the agenda;
(3) a numbered task list written "事项：名字，期限" or "事项：名字" (no verb, no @) gives each item to the member named,
the item's own date before the heading's default ("没写日期的都在…前办好：").

Every chat below was written for these tests (a kite club, a cooking class, a table-tennis team, a community choir);
none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_structure, owned_by

from copilot.notes.todos import find_actions

START = datetime(2026, 3, 4, 20, 0)  # a Wednesday evening

_msgs = partial(chat_lines, start=START)
_structure = partial(chat_structure, start=START)


# --- (3) numbered task lists without verbs ---

def test_items_written_work_colon_name_are_the_named_members_with_the_heading_default() -> None:
    actions, _, _ = find_actions(_msgs(
        "领队阿康|春季放风筝节分工，没写日期的都在3月14日前办好：\n1. 风筝线轴：小葛，3月10日前检查一遍\n"
        "2. 急救包：周医生\n3. 横幅和桌子：大家一起想办法\n4. 签到表：阿珍",
        "小葛|好", "周医生|收到", "阿珍|好的"))
    got = {a.owner: a for a in actions}
    assert set(got) == {"小葛", "周医生", "大家", "阿珍"}
    assert got["小葛"].deadline == "2026-03-10"  # the item's own date beats the list's default
    assert got["周医生"].deadline == "2026-03-14"
    assert got["大家"].deadline == "2026-03-14"
    assert not any("没写日期" in a.task for a in actions)  # the heading is no to-do of its own


def test_a_colon_line_outside_a_task_list_gives_no_one_work() -> None:
    actions, _, _ = find_actions(_msgs("领队阿康|集合地点：小葛家楼下，周六早上8点", "小葛|好的"))
    assert not owned_by(actions, "小葛")


# --- (1) statements with a time ---

def test_which_days_suit_a_member_is_no_to_do() -> None:
    actions, _, _ = find_actions(_msgs(
        "老师阿梅|烘焙课想加一节，周一还是周三晚上，大家看看",
        "丹丹|我周三晚上可以，周一要加班",
        "阿华|我周一上午要上班，晚上都行"))
    assert not any(a.owner in ("丹丹", "阿华") for a in actions)


def test_another_way_offered_in_an_answer_is_advice() -> None:
    actions, _, _ = find_actions(_msgs(
        "小麦|烤箱温度不准怎么办？",
        "老师阿梅|买个烤箱温度计，或者下午4点前来教室用我那台试试"))
    assert actions == []


def test_a_rule_on_how_far_ahead_is_no_one_s_work_but_taking_it_on_is() -> None:
    actions, _, _ = find_actions(_msgs(
        "队长老严|按场馆规定要提前两天报备，周五就得报",
        "阿成|报备我来弄，明天中午前发给场馆"))
    assert [a.owner for a in actions] == ["阿成"]


# --- (2) the decider ---

def test_relief_after_a_vote_result_confirms_it_and_the_teller_decides() -> None:
    # (round 55: "收到！终于定了" confirms the result stands; 阿芸 did not say she voted for it, so she is no 同意人)
    st = _structure(
        "指挥林老师|各位团员，演出曲目投票结果出来了：开场曲定《茉莉花开》，比《春天的故事》多四票",
        "阿芸|收到！终于定了",
        "林老师的助理小吕|好的我去找谱子")
    assert len(st.decisions) == 1
    d = st.decisions[0]
    assert "茉莉花开" in d.text
    assert d.decider == "指挥林老师"
    assert "阿芸" not in d.by


def test_a_suggestion_before_a_strong_settling_line_is_no_decision() -> None:
    st = _structure(
        "队长老严|训练加在周一还是周三？",
        "阿成|那就周一吧，周一场地空",
        "小毛|周三好，周一我要加班",
        "阿俊|周三我也可以",
        "队长老严|好，那就这么定了：每周三晚上7点半训练")
    assert len(st.decisions) == 1
    d = st.decisions[0]
    assert d.decider == "队长老严" and "周三" in d.text
    assert "阿成" not in d.by  # he put up the other day


def test_the_one_who_put_the_chosen_day_up_agrees() -> None:
    st = _structure(
        "队长老严|训练加在周一还是周三？",
        "小毛|那就周三吧，人多",
        "阿俊|周三+1",
        "队长老严|好，那就这么定了：每周三晚上7点半训练")
    assert [d.decider for d in st.decisions] == ["队长老严"]
    assert "小毛" in st.decisions[0].by


def test_the_evening_s_agenda_settles_nothing() -> None:
    st = _structure("队长老严|各位球友晚上好，春季联赛报名的事今晚敲定一下", "阿成|好的")
    assert st.decisions == []

"""Round 39 (d13a): to-dos that were never found.

(1) work still owed, told to the member who owes it ("阿宁你那份报告还没交", "老谭，你的会员费还没续") is that
member's to-do, and news of someone's unfinished business is not; (2) a line handing out shares ("阿凯租车，
小玉订民宿，大东做攻略", after an optional heading) gives each member their own clause; (3) a sign-up slot (a
duty, a colon, the members who take it) is theirs, a list of who came or won is no one's; (4) a clause opening
with 他/她 is the work of the one member named just before it; (5) two to-dos of one member are not merged only
because both texts name that member.

Every chat below was written for these tests (a magazine's editors, a hiking club, a museum's volunteers, a
community theatre); none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.todos import find_actions

START = datetime(2026, 4, 13, 20, 0)  # a Monday evening

_msgs = partial(chat_lines, start=START)


def _owned(actions, word):
    return sorted(a.owner for a in actions if word in a.task)


def test_work_still_owed_told_to_a_member_is_their_to_do() -> None:
    actions, _, _ = find_actions(_msgs(
        "主编老秦|这期稿子的事说一下",
        "主编老秦|阿宁你那份读者调查还没交，印厂那边在等",
        "阿宁|不好意思，明天中午前发您",
        "主编老秦|老谭，你的专栏配图到现在还没发过来",
    ))
    assert _owned(actions, "读者调查") == ["阿宁"]
    assert _owned(actions, "配图") == ["老谭"]


def test_news_of_unfinished_business_is_no_to_do() -> None:
    actions, _, _ = find_actions(_msgs(
        "主编老秦|这期稿子的事说一下",
        "阿宁|老谭家的猫还没找到，大家帮忙留意",
        "主编老秦|阿宁你那个快递还没到吗",
    ))
    assert not [a for a in actions if "猫" in a.task or "快递" in a.task]


def test_a_line_of_shares_gives_each_member_their_clause() -> None:
    actions, _, _ = find_actions(_msgs(
        "阿凯|周六几点出发",
        "小玉|早上七点吧",
        "领队阿程|周六爬山的分工：阿凯负责租车，小玉订民宿",
        "小玉|好",
    ))
    assert _owned(actions, "租车") == ["阿凯"]
    assert _owned(actions, "民宿") == ["小玉"]


def test_a_sign_up_slot_is_the_members_after_the_colon() -> None:
    actions, _, _ = find_actions(_msgs(
        "馆长助理阿敏|各位志愿者，这周末的排班",
        "馆长助理阿敏|周六上午讲解：阿静、老莫",
        "阿静|收到",
        "馆长助理阿敏|上周到场的有：小潘、阿晨，辛苦了",
    ))
    assert [a.owner for a in actions if "讲解" in a.task] == ["阿静、老莫"]
    assert not [a for a in actions if "到场" in a.task]


def test_he_or_she_does_the_work_of_the_member_just_named() -> None:
    actions, _, _ = find_actions(_msgs(
        "团长老谢|演出服的事",
        "小葛|演出服放哪里",
        "团长老谢|演出服周三前放到后台交给阿梅，她周四统一送去干洗",
        "阿梅|好的",
    ))
    assert _owned(actions, "干洗") == ["阿梅"]
    assert _owned(actions, "后台") == ["大家"]  # what the others hand to her is theirs


def test_two_tasks_of_one_member_stay_two() -> None:
    actions, _, _ = find_actions(_msgs(
        "领队阿程|周六爬山：阿凯带急救包，小玉带对讲机",
        "领队阿程|下山后收拾营地：阿凯、大东",
    ))
    kit = [a for a in actions if "急救包" in a.task]
    assert [a.owner for a in kit] == ["阿凯"]
    assert "营地" not in kit[0].task


def test_a_short_promise_answering_a_reminder_dates_it() -> None:
    actions, _, _ = find_actions(_msgs(
        "主编老秦|老谭，你的专栏配图到现在还没发过来",
        "老谭|今晚发完",
    ))
    art = [a for a in actions if "配图" in a.task]
    assert [a.owner for a in art] == ["老谭"]
    assert art[0].deadline == "2026-04-13"

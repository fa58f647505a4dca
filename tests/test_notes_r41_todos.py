"""Round 41 (issue 13, to-dos never found): a member's promise for a case that may come.

"如果人数过了十个，我就去问问大车" — the condition first, then the speaker's own 我就/我再/我把… — is the speaker's
to-do (cue action.conditional_promise); the condition's own time ("要是周日下雨…") is not the work's due date. A
refusal for that case ("要是周日下雨我就不去了"), a rule told to the group ("如果风太大我们就改到室内") and a
question ("如果下雪怎么办") stay none.

Every chat below was written for these tests (a hiking club, a kids' football team, a neighbours' book swap);
none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, owned_by

from copilot.notes.todos import find_actions

START = datetime(2026, 5, 12, 20, 0)  # a Tuesday evening

_msgs = partial(chat_lines, start=START)

_HIKE = (
    "领队阿杜|周日去凤凰山徒步，早上7点半地铁站B口集合",
    "小麦|要带午饭吗",
    "领队阿杜|@小麦 自己带干粮，山上没有店",
    "老葛|如果报名的超过12个人，我就去租一辆中巴",
    "小麦|要是周日降温的话 我把家里那几件冲锋衣也带上",
    "阿琳|我家狗最近老掉毛",
)


def test_conditional_promise_is_the_speakers_todo():
    actions, _, _ = find_actions(_msgs(*_HIKE))
    bus = [a for a in actions if "中巴" in a.task]
    assert [a.owner for a in bus] == ["老葛"]
    coats = [a for a in actions if "冲锋衣" in a.task]
    assert [a.owner for a in coats] == ["小麦"]


def test_the_conditions_day_is_not_the_due_date():
    actions, _, _ = find_actions(_msgs(
        "领队阿杜|下周三晚上7点在社区活动室做行前说明，周日出发",
        "小麦|要是周六晚上还在下雨的话 我把家里那几件雨衣也带上",
    ))
    coats = next(a for a in actions if "雨衣" in a.task)
    assert coats.owner == "小麦"
    assert coats.deadline != "2026-05-16"  # 周六 is when it may rain, not when the coats are due


def test_a_fallback_with_再_in_a_voice_line():
    actions, _, _ = find_actions(_msgs(
        "教练大刘|周六上午九点半区体育场踢友谊赛 小朋友八点五十到",
        "乐乐爸|万一球衣来不及洗完我再去店里借一套备用的",
    ))
    assert [a.owner for a in actions if "球衣" in a.task] == ["乐乐爸"]


def test_a_refusal_for_the_case_is_no_todo():
    actions, _, _ = find_actions(_msgs(
        "领队阿杜|周日去凤凰山徒步，早上7点半地铁站B口集合",
        "老葛|要是周日下大雨我就不去了",
        "小麦|如果下雨的话怎么办",
    ))
    assert not [a for a in actions if a.owner in ("老葛", "小麦")]


def test_a_rule_for_the_case_told_to_the_group_is_no_ones_promise():
    actions, _, _ = find_actions(_msgs(
        "书友会-小唐|本周六下午三点在小区花园换书",
        "书友会-小唐|如果下雨我们就改到一楼大堂",
    ))
    assert not [a for a in actions if a.owner == "书友会-小唐" and "大堂" in a.task]


# --- a list of shares in one message: each clause opening with a member is that member's, however short ---

def test_each_member_opening_a_clause_of_a_share_list_owns_it():
    actions, _, _ = find_actions(_msgs(
        "乐乐爸|周六几点到",
        "教练大刘|周六友谊赛分工：老宋负责联系裁判，乐乐爸带饮用水和急救包，小林管拍照，阿强记比分",
        "小林|收到",
        "老宋|好的",
        "阿强|ok",
    ))
    owners = {a.owner: a.task for a in actions}
    assert "拍照" in owners.get("小林", "")
    assert "饮用水" in owners.get("乐乐爸", "")
    assert "拍照" not in owners.get("乐乐爸", "")  # the next member's share is not glued to the one before


def test_a_name_inside_a_share_is_no_opener():
    # bad input: the second clause names a member only as the one helped, not as the opener
    actions, _, _ = find_actions(_msgs(
        "教练大刘|周六友谊赛分工：老宋负责联系裁判，饮用水帮小林一起搬",
        "小林|好",
        "老宋|好的",
    ))
    assert not owned_by(actions, "小林")


# --- voice-to-text: the speaker's promise, then the group's part with no pause ---

def test_the_groups_part_after_a_promise_does_not_take_the_promise():
    actions, _, _ = find_actions(_msgs(
        "教练大刘|周六友谊赛九点开球",
        "乐乐爸|比赛保险我这边周四之前给大家统一买好你们把孩子身份证号私发我就行",
    ))
    insurance = [a for a in actions if "保险" in a.task]
    assert [a.owner for a in insurance] == ["乐乐爸"]
    assert insurance[0].deadline == "2026-05-14"


def test_a_named_members_work_keeps_the_deadline_said_after_the_groups_part():
    # the group's part after someone named (not the speaker) stays in that member's clause, with its time
    actions, _, _ = find_actions(_msgs(
        "小麦|大巴的票谁来统一订一下",
        "领队阿杜|好老葛统一订大巴票大家把名字私发给老葛周四晚上前要订好",
        "老葛|好的",
    ))
    tickets = [a for a in actions if "大巴" in a.task and a.owner == "老葛"]
    assert tickets and tickets[0].deadline == "2026-05-14"

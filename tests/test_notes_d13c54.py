"""Round 54 (d13c54, issue 13): the last stated value wins everywhere, and a member's words are never rewritten —
a new value stands beside them as （已改：…）, the deadline field carries the new time, and nothing is cut inside a
time or inside that mark."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes, chat_structure, owned_by

from copilot.evals.notes import shown_as_current
from copilot.notes import render_markdown
from copilot.textnorm import fold

START = datetime(2026, 12, 1, 20, 0)

# a badminton club: the leader gives 小林 a time, moves the session, and 小林 restates their own time
COURT = (
    "会长老方|周日羽毛球活动安排一下，周日下午3点体育馆开打，能来的接龙",
    "小林|1",
    "会长老方|@小林 你周日下午2点前把场地订好，订4片",
    "小林|好的",
    "大伟|周日下午体育馆有比赛，3点可能进不去",
    "会长老方|那改一下：活动时间改到周日下午5点，打到7点",
    "小林|那场地我4点前订好",
)


def test_the_owners_own_later_time_wins_and_the_leaders_words_stay_as_said():
    found = chat_structure(*COURT, start=START)
    court = owned_by(found.actions, "小林")
    assert len(court) == 1, found.actions
    # 周日 (the day of the leader's words) at the owner's 4点, never the day the owner spoke on
    assert court[0].deadline == "2026-12-06 16:00"
    # (the new time stands beside the clause that gave the old one: round 62, d13a62)
    assert court[0].task == "你周日下午2点前把场地订好（已改：4点前），订4片"
    assert "下午5点前把场地" not in court[0].task  # words nobody said


def test_the_summary_step_is_never_cut_inside_a_time():
    notes = chat_notes(
        "团长·夜航|周末开荒，周六晚上9点开，能来的扣1",
        "阿呆|1",
        "团长·夜航|@阿呆 你周六22:30把语音房开好，名字就叫“王座开荒”",
        "阿呆|ok 交给我",
        start=START,
    )
    assert "30把语音房" not in notes.summary.replace("22:30把语音房", "")


# a fruit group-buy: the correction names the wrong value, so only the clause holding it is stale
BERRIES = (
    "团长小美|本周水果团购：丹东草莓35元一盒，蓝莓45元一盒，周五前接龙，周六上午到货",
    "阿芬|草莓来两盒",
    "王姐|蓝莓一盒",
    "团长小美|【更正】草莓29元一盒，不是35元，刚跟果园确认的",
    "阿芬|好嘞",
)


def test_a_correction_naming_the_wrong_value_marks_only_that_clause():
    notes = chat_notes(*BERRIES, start=START)
    told = [*(a.task for a in notes.actions), *(n.text for n in notes.announcements), notes.summary]
    marked = [t for t in told if "草莓35元一盒（已改：29元）" in t]
    assert marked, told
    # the blueberries were not corrected: no mark, not dropped (the summary's 接下来 part may end the clause there)
    assert all("蓝莓45元一盒" in t and "蓝莓45元一盒（已改" not in t for t in marked)
    for text in told:
        assert not shown_as_current(fold("草莓35元"), fold(text)), text


def test_a_change_proposed_and_turned_down_marks_nothing():
    notes = chat_notes(
        "组长Kevin|本周周会还是周三下午3点，地点3楼会议室",
        "Lisa|要不周会改到周四下午3点？周三我要见客户",
        "组长Kevin|不改了，还是周三下午3点，Lisa你线上参加就行",
        "Lisa|好的",
        start=START,
    )
    text = render_markdown(notes)
    assert "周三下午3点" in text and "已改" not in text


def test_a_stale_value_marked_as_changed_is_not_shown_as_current():
    assert not shown_as_current(fold("21:00"), fold("周六晚上21:00开（已改：22:30），能来的扣1"))
    assert shown_as_current(fold("21:00"), fold("周六晚上21:00开，能来的扣1（已改：22:30）"))

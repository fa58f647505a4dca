"""Round 53 (d13c53): a change that names its slot ("费用调成…", "集合时间改早到…", "队服改成…") makes the last value
the one the notes state, in to-dos, key points, notices and summary.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.evals.notes import shown_as_current
from copilot.textnorm import fold

START = datetime(2028, 10, 9, 20, 0)  # a Monday evening


def _told(notes) -> list[str]:
    return [notes.title, notes.summary, *(p.text for p in notes.key_points), *(a.task for a in notes.actions),
            *(n.text for n in notes.announcements)]


# a choir trip: the fee is changed without any "更正", the deposit line of the same message stays
CHOIR = (
    "团长阿琳|各位，下个月去杭州交流演出，费用每人680元，含车费和住宿，定金200元周五前转给我",
    "小周|住几晚？",
    "团长阿琳|住一晚，周六去周日回",
    "老郑|好的，我周三转",
    "小周|衣服要自己准备吗",
    "团长阿琳|演出服统一借，不用准备",
    "团长阿琳|酒店那边涨价了，费用调成每人720元，其他不变",
    "小周|收到",
)


def test_a_fee_changed_by_its_own_slot_shows_the_old_fee_only_as_changed_and_keeps_the_deposit():
    notes = chat_notes(*CHOIR, start=START)
    told = _told(notes)
    assert any("680元（已改：720元）" in t for t in told)  # the organiser's words as said, the new fee beside them
    for text in told:
        assert not shown_as_current(fold("680元"), fold(text)), text
    # the deposit clause of the old line is untouched: it is no part of the change
    assert any("定金200元" in t for t in told)


# a food bank in Cantonese: the meeting time moves, the old line stays as said with the new time beside it
FOODBANK = (
    "阿珊|各位義工，星期六早上10點喺大埔墟街市門口集合，派三百份飯盒",
    "阿強|我得閒，報名",
    "細妹|我都得",
    "阿珊|記得著波鞋，帶水",
    "阿強|幾點完？",
    "阿珊|大概一點",
    "阿珊|更新：街市話十點有貨車落貨，集合時間改早到9:30，地點不變",
    "阿強|OK",
)


def test_a_moved_meeting_time_stands_beside_the_old_notice_never_inside_it():
    notes = chat_notes(*FOODBANK, start=START)
    told = _told(notes)
    assert any("早上10點喺大埔墟街市門口集合（已改：9:30）" in t for t in told)
    for text in told:
        assert not shown_as_current(fold("早上10點"), fold(text)), text


# a near miss: a question about a change is no change, nor a contingency ("下雨的话改到周日")
QUESTIONED = (
    "队长阿伟|周六早上9点体育公园集合，报名费每人50元，周四前交给我",
    "小林|是不是改成40元了？",
    "队长阿伟|没有，还是50元",
    "小林|好的",
    "队长阿伟|下雨的话集合改到周日早上9点，到时群里通知",
    "小林|收到",
)


def test_a_question_or_a_contingency_changes_nothing():
    notes = chat_notes(*QUESTIONED, start=START)
    told = _told(notes)
    assert any("每人50元" in t for t in told)
    assert any("周六早上9点" in t for t in told)


# a near miss: an ad's "原价168现在158" is not the organiser's fee changed
AD = (
    "教练老马|周日上午的训练照常，队服每套168元，周五前交给晴晴妈",
    "路人甲|原价168现在158，运动护具清仓，要的私聊",
    "教练老马|别在群里发广告",
    "晴晴妈|好的，我来收",
)


def test_someone_elses_price_in_an_ad_does_not_change_the_organisers_fee():
    notes = chat_notes(*AD, start=START)
    assert any("168元" in a.task for a in notes.actions) or any("168元" in p.text for p in notes.key_points)

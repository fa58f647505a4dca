"""Round 35 (dev13x): contact numbers and per-person splits kept, sign-offs trimmed, deadline words from data.

Every chat below was written for these tests (allotment garden, lantern-riddle club, HK hiking-boot repair,
night-market stall, swimming class groups); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, owned_by

from copilot.notes.cues import cue, folded
from copilot.notes.dates import event_days, find_deadline
from copilot.notes.noise import greeting_only
from copilot.notes.todos import find_actions

START = datetime(2026, 12, 2, 20, 0)  # a Wednesday evening


_msgs = partial(chat_lines, start=START)  # "speaker|text" lines, one a minute


# --- B. a contact number told to the group is a notice, kept whole ---

def test_contact_number_at_the_sign_off_is_kept_as_a_notice():
    _, _, notices = find_actions(_msgs("园长老蒋|开心农场这周六统一翻地，早上8点在南门集合",
                                       "阿梅|收到",
                                       "园长老蒋|有事打我电话13712345678，今天就到这"))
    kept = [n for n in notices if "13712345678" in n.text]
    assert kept and kept[0].kind == "通知"
    assert "今天就到这" not in kept[0].text  # the farewell it closes on is no part of the notice


def test_landline_and_hong_kong_numbers_are_contacts():
    _, _, notices = find_actions(_msgs("阿輝（會長）|下個禮拜六行山鞋維修日",
                                       "Mandy|好",
                                       "阿輝（會長）|有咩問題打我電話 6123 4567，早唞",
                                       "阿輝（會長）|鞋舖電話係2345 6789"))
    texts = [n.text for n in notices]
    assert any("6123 4567" in t and "早唞" not in t for t in texts)
    assert any("2345 6789" in t for t in texts)


def test_a_figure_without_a_contact_word_is_no_contact_notice():
    # a price, a count and a year are no phone numbers: nothing here is a notice
    _, _, notices = find_actions(_msgs("摊主阿宝|今晚夜市收了2380块，比上周多",
                                       "小丁|厉害",
                                       "摊主阿宝|明年2027年想多摆一个摊"))
    assert not any("2380" in n.text for n in notices)


def test_cantonese_good_night_and_rest_lines_are_farewells():
    assert greeting_only(folded("早唞～"))
    assert greeting_only(folded("大家早点休息"))
    assert not greeting_only(folded("早抖之前记得交表格"))
    sign_off = cue("summary", "sign_off")
    assert sign_off.match(folded("好啦今晚到此為止，大家早唞"))
    assert sign_off.match(folded("行那今天就先这样大家早点休息"))
    assert not sign_off.match(folded("那我们先这样定，周五交"))


# --- B. a closing per-person share stays with the work it is the terms of ---

def test_closing_share_stays_on_the_task_row():
    acts, _, _ = find_actions(_msgs("灯谜社-老卢|元宵灯谜会的奖品谁来买",
                                    "小桐|我来买",
                                    "灯谜社-老卢|好，小桐负责买奖品，下周五之前买好，每人夹30块"))
    rows = owned_by(acts, "小桐")
    assert rows and any("每人夹30块" in a.task for a in rows)
    assert not any(a.owner == "大家" and "每人夹30块" in a.task for a in acts)


def test_share_followed_by_a_payment_is_still_everyones_to_do():
    acts, _, _ = find_actions(_msgs("泳班-May|下個月游水班開班",
                                    "泳班-May|分工：Ivy負責收錢，每人$200，星期五之前交畀佢"))
    assert any(a.owner == "Ivy" and "收錢" in a.task for a in acts)
    # the share is not folded into Ivy's row: paying by Friday is what everyone else does
    assert not any(a.owner == "Ivy" and a.deadline for a in acts)


def test_share_only_cue_reads_shares_not_payments():
    def share(t: str) -> bool:
        return bool(cue("owner", "share_only").search(folded(t).strip()))
    assert share("每人夾$80") and share("AA每人65") and share("人均大概150")
    assert not share("每人交150")  # paying is work of its own
    assert not share("每人两张亲友票")  # tickets, not money


# --- C. deadline words from time.yaml: next month's end, Cantonese week words, a weekday said after midnight ---

def _due(text: str, when: str):
    d = find_deadline(text, datetime.fromisoformat(when))
    return d.day.isoformat() if d and d.day else None


def test_next_months_end_is_not_this_months():
    assert _due("灯谜稿下个月底前交给我", "2026-12-02 10:00") == "2027-01-31"
    assert _due("会费下月底前交齐", "2026-11-10 10:00") == "2026-12-31"
    assert _due("统计一下月底前交给社长", "2026-12-02 10:00") == "2026-12-31"  # 一下 is no 下(个月)


def test_cantonese_month_end_and_day_after_tomorrow():
    assert _due("行山鞋月尾之前攞返", "2026-12-02 10:00") == "2026-12-31"
    assert _due("下個月尾之前交數", "2026-12-02 10:00") == "2027-01-31"
    assert _due("大後日之前覆我", "2026-12-02 10:00") == "2026-12-05"  # not 後日 (12-04)


def test_cantonese_and_libai_week_words():
    assert _due("下禮拜之前交表", "2026-12-02 10:00") == "2026-12-13"
    assert _due("呢個禮拜之內俾錢", "2026-12-02 10:00") == "2026-12-06"
    assert _due("这礼拜内报名", "2026-12-02 10:00") == "2026-12-06"


def test_weekday_written_after_midnight_counts_from_the_night_before():
    # 00:12 on Friday 12-04: the writer is still in Thursday night, "周五前" is this Friday
    assert _due("摊位费周五前转我", "2026-12-04 00:12") == "2026-12-04"
    # the same words by day on that Friday, with no event before: by next Friday
    assert _due("摊位费周五前转我", "2026-12-04 10:12") == "2026-12-11"
    assert _due("明天中午前把名单发群里", "2026-12-04 00:30") == "2026-12-04"


# --- A. a notice told to everyone is a notice, not a to-do owned by 大家 ---

def test_water_cut_notice_is_no_todo_for_everyone():
    acts, _, notices = find_actions(_msgs(
        "物业-小洪|各位业主晚上好",
        "物业-小洪|通知：本周五12月4日上午9点到下午5点3栋停电检修，请大家提前给手机充好电",
        "阿楠|收到"))
    assert any("停电" in n.text and n.kind == "通知" for n in notices)
    assert not owned_by(acts, "大家")


def test_rehearsal_notice_is_no_todo_but_a_deadline_for_everyone_still_is():
    acts, _, notices = find_actions(_msgs(
        "团长阿芳|说下元旦腰鼓演出的准备",
        "团长阿芳|下周一开始每天晚上7点在体育馆门口排练，大家尽量都来",
        "小雯|好的",
        "团长阿芳|通知：演出服大家周五前把尺码报给小雯"))
    assert not any(a.owner == "大家" and "排练" in a.task for a in acts)
    assert any("排练" in n.text for n in notices)
    # a notice that gives everyone a "…前" deadline is still their to-do
    assert any(a.owner == "大家" and a.deadline == "2026-12-04" for a in acts)


def test_a_named_members_task_in_a_notice_stays_theirs():
    acts, _, _ = find_actions(_msgs("团长阿芳|通知：下周六腰鼓比赛，小雯你周四前把报名表交到街道"))
    assert any(a.owner == "小雯" and a.deadline == "2026-12-03" for a in acts)


def test_span_told_in_one_message_anchors_on_its_start():
    acts, _, _ = find_actions(_msgs(
        "车队长阿鹏|元旦去黄山自驾",
        "车队长阿鹏|12月31号早上7点出发，1月2号下午返程",
        "车队长阿鹏|小洁你负责带车载冰箱，出发前一天充好电",
        "小洁|好"))
    rows = owned_by(acts, "小洁")
    assert rows and rows[0].deadline == "2026-12-30"  # the eve of the start, not of the return (01-01)


def test_event_named_in_a_later_message_still_wins_a_tie():
    days = event_days([("周六12月5号去爬山", datetime(2026, 12, 2, 20, 0)),
                       ("改到12月6号周日吧", datetime(2026, 12, 2, 20, 5))])
    assert days[-1].isoformat() == "2026-12-06"


def test_advice_to_sleep_early_is_no_farewell():
    assert greeting_only(folded("各位早点睡吧～"))
    assert not greeting_only(folded("早点睡觉不熬夜，血压才稳"))


def test_sign_up_told_in_an_answer_is_the_groups_not_the_organisers():
    acts, _, _ = find_actions(_msgs("夜市摊主群-阿宝|下周六夜市有个亲子摊位活动",
                                    "小丁|要几个人帮忙",
                                    "夜市摊主群-阿宝|@小丁 要4个人，周五前在群里接龙报名",
                                    "小丁|好"))
    rows = [a for a in acts if "接龙" in a.task]
    assert rows and all(a.owner == "大家" for a in rows)
    assert rows[0].deadline == "2026-12-04"


def test_the_organisers_own_reply_promise_stays_theirs():
    acts, _, _ = find_actions(_msgs("小丁|摊位图什么时候有",
                                    "夜市摊主群-阿宝|@小丁 周五前发群里"))
    assert any(a.owner == "夜市摊主群-阿宝" and a.deadline == "2026-12-04" for a in acts)

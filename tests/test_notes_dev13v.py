"""Round 34b (dev13v): borrowed dates, the organiser as owner, points read as clock times.

Every chat below was written for these tests (bridge, Go, blood donors, kayak, HK coffee groups); none is a
QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from chat_lines import owned_by

from copilot.notes.dates import time_expressions
from copilot.notes.model import Message
from copilot.notes.todos import find_actions

START = datetime(2026, 12, 2, 20, 0)  # a Wednesday evening


def _chat(*lines: str, start: datetime = START):
    msgs = []
    for i, line in enumerate(lines):
        speaker, text = line.split("|", 1)
        msgs.append(Message(id=i, speaker=speaker, text=text, time=start + timedelta(minutes=i)))
    return find_actions(msgs)[0]


def _rows(actions, word):
    return [a for a in actions if word in a.task]


# --- B. "好，X负责…" said by the organiser: X owns it, the organiser owns nothing ---

def test_ok_name_subject_is_the_owner_not_the_organiser():
    acts = _chat("阿Ken|周六的围棋联谊赛说一下安排",
                 "小美|记录谁来做",
                 "阿峰|我来吧",
                 "阿Ken|好，阿峰负责记录，周五晚上前把名单整理出来")
    rows = _rows(acts, "记录")
    assert rows and all(a.owner == "阿峰" for a in rows)
    assert not owned_by(acts, "阿Ken")
    assert any(a.deadline == "2026-12-04" for a in rows)


def test_ok_name_buys_in_traditional_script():
    acts = _chat("Sam（主持）|下次飲咖啡聚會講吓分工",
                 "阿詩|杯邊個負責借",
                 "Coco|我嚟，我屋企有",
                 "Sam（主持）|好，Coco負責借杯，下禮拜三之前拎嚟")
    assert not owned_by(acts, "Sam（主持）")
    assert any(a.owner == "Coco" and a.deadline == "2026-12-09" for a in acts)


def test_ok_vocative_to_the_volunteer_gives_them_the_time_on_one_row():
    acts = _chat("队长老何|这周日献血宣传要几个人发传单",
                 "小叶|传单谁来设计",
                 "阿楠|我来设计，我会PS",
                 "队长老何|好的阿楠，周五前出稿发群里")
    rows = owned_by(acts, "阿楠")
    assert len(rows) == 1 and rows[0].deadline == "2026-12-04"
    assert not owned_by(acts, "队长老何")


def test_ok_vocative_with_the_speakers_own_step_stays_the_speakers():
    # the organiser answers a request with what they will give: that is their own step
    acts = _chat("阿楠|老何能周五前把排班表给我吗",
                 "队长老何|好的阿楠 周五前给你")
    assert owned_by(acts, "队长老何")
    assert not any(a.owner == "阿楠" and a.deadline for a in acts)


# --- A. a personal date never becomes another task's deadline ---

def test_self_intro_date_does_not_anchor_event_relative_deadline():
    acts = _chat("船长阿海|12月12号周六去西湖划皮划艇，跟大家说下安排",
                 "小鹏|大家好我是新来的小鹏，12月19号我要考驾照，周末一般有空",
                 "船长阿海|桨和救生衣在仓库，小鹏你活动前一天去仓库点一下数量",
                 "小鹏|好的")
    rows = _rows(acts, "仓库")
    assert rows and rows[0].owner == "小鹏"
    assert rows[0].deadline == "2026-12-11"  # the day before the 12-12 trip, not the 12-19 exam


def test_personal_exam_date_does_not_date_the_photo_task():
    acts = _chat("站长|12月13号周日社区献血活动，说下分工",
                 "阿琳|我12月20号考试，这之前都在复习，周末可以来",
                 "小陈|现场谁来拍照",
                 "阿琳|我来拍",
                 "站长|好，阿琳负责拍照，活动当天晚上发照片到群里")
    rows = owned_by(acts, "阿琳")
    assert rows and all(a.deadline in (None, "2026-12-13") for a in rows)
    assert any(a.deadline == "2026-12-13" for a in rows)


# --- C. card points are not clock times ---

def test_points_above_is_not_a_time():
    when = datetime(2026, 12, 2, 20, 0)
    assert not [d for d in time_expressions("12点以上可以直接开叫", when) if d.clock]
    assert not [d for d in time_expressions("看点力，6到9点加叫到2阶", when) if d.clock]
    # a real clock time stays a clock time
    assert [d for d in time_expressions("明天晚上9点前交表", when) if d.clock]


def test_answer_with_points_is_no_todo():
    acts = _chat("老师老林|今晚讲加叫",
                 "阿芳|老师同伴开1♠我有三张支持怎么叫",
                 "老林|@阿芳 看点力，6到9点加叫到2♠，12点以上跳到4♠",
                 "阿芳|明白了")
    assert not any("加叫" in a.task for a in acts)


def test_own_day_is_a_personal_plan_not_availability():
    from copilot.notes.reading import _own_day
    assert _own_day("我12月19号考科目二，周末都在练车")
    assert _own_day("12月19号我要去广州出差")
    assert not _own_day("12月13号我得闲，可以来帮忙")  # free on the event day: the event's day stays
    assert not _own_day("活动定在12月13号周日")


def test_conditional_cancel_notice_is_a_notice_not_a_todo_for_everyone():
    msgs = [Message(id=i, speaker=s, text=t, time=START + timedelta(minutes=i)) for i, (s, t) in enumerate([
        ("领队阿成", "周日去东湖划艇，早上七点码头集合"),
        ("小吴", "收到"),
        ("领队阿成", "要是下大雨我们就延期，周六晚上九点前通知大家"),
        ("小吴", "好的")])]
    acts, _, notices = find_actions(msgs)
    assert not any(a.owner == "大家" and "延期" in a.task for a in acts)
    assert any("延期" in n.text for n in notices)


def test_offer_answers_the_newer_question_not_an_earlier_taken_call():
    acts = _chat("孟教练|周日下午搞一次围棋模拟赛",
                 "小宇爸|谁来排对阵表",
                 "乐乐妈|我来，我用表格排",
                 "孟教练|谢谢乐乐妈",
                 "小宇爸|奖品呢",
                 "阿敏|我可以买点小奖品",
                 "孟教练|好，阿敏买奖品，预算150以内")
    assert not any(a.owner == "阿敏" and "对阵表" in a.task for a in acts)
    assert any(a.owner == "阿敏" and "奖品" in a.task for a in acts)
    assert any(a.owner == "乐乐妈" and "对阵表" in a.task for a in acts)


def test_sign_up_terms_line_is_a_notice_kept_whole():
    msgs = [Message(id=i, speaker=s, text=t, time=START + timedelta(minutes=i)) for i, (s, t) in enumerate([
        ("献血站小刘", "说下下周的无偿献血进社区"),
        ("献血站小刘", "这次志愿者补贴每人50元，报名周五中午截止，名额30个"),
        ("阿秋", "报名截止了吗"),
        ("献血站小刘", "还没有")])]
    _, _, notices = find_actions(msgs)
    kept = [n for n in notices if "50元" in n.text]
    assert kept and "名额30个" in kept[0].text and "截止" in kept[0].text
    assert not any("截止了吗" in n.text for n in notices)  # a question about the terms is no notice


def test_cantonese_reminder_head_is_a_notice():
    msgs = [Message(id=i, speaker=s, text=t, time=START + timedelta(minutes=i)) for i, (s, t) in enumerate([
        ("阿Lam（主持）", "今晚傾下下次手沖聚會"),
        ("阿Lam（主持）", "提提大家，租場費今個月開始每人分擔$40"),
        ("Ivy", "知道")])]
    _, _, notices = find_actions(msgs)
    assert any("$40" in n.text and n.kind == "通知" for n in notices)

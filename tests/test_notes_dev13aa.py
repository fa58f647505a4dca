"""Round 36 (dev13aa): organiser notices told by day, time and place; changes agreed without a vote;
volunteers answering a call in Cantonese.

Every chat below was written for these tests (a kite club, a lion-dance troupe, a calligraphy society, a
photography walk, a rowing club, a tenants' group); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, owned_by

from copilot.notes.deciding import _agreed_change
from copilot.notes.pairing import event_notice
from copilot.notes.todos import find_actions

START = datetime(2026, 12, 5, 19, 30)  # a Saturday evening


_msgs = partial(chat_lines, start=START)  # "speaker|text" lines, one a minute


# --- A. an event told by its day, clock time and place (no event word, or a question after it) is a notice ---

def test_day_clock_and_place_without_an_event_word_is_a_notice():
    _, _, notices = find_actions(_msgs("摄影社-老柯|这个月的外拍说一下",
                                       "摄影社-老柯|12月20日周日上午10点，在植物园北门",
                                       "小唐|收到"))
    told = [n for n in notices if "植物园北门" in n.text]
    assert told and told[0].kind == "通知" and "12月20日" in told[0].text and "10点" in told[0].text


def test_traditional_cantonese_day_time_and_place_is_a_notice():
    _, _, notices = find_actions(_msgs("師傅阿強|同大家講件事",
                                       "師傅阿強|新春採青1月31號星期六下晝3點，喺大埔墟街市門口",
                                       "阿豪|收到"))
    assert any("大埔墟街市門口" in n.text and "1月31號" in n.text for n in notices)


def test_a_notice_that_then_asks_keeps_what_it_tells_and_not_the_question():
    _, _, notices = find_actions(_msgs("书法社-孙老师|各位晚上好",
                                       "书法社-孙老师|说下元旦书法展的事，1月3日周六上午10点，在区图书馆一楼展厅，"
                                       "每人交几幅作品大家看看",
                                       "阿宁|两幅吧"))
    told = [n for n in notices if "图书馆一楼展厅" in n.text]
    assert told and "1月3日" in told[0].text
    assert "交几幅" not in told[0].text  # the question after it is no part of the notice


def test_the_fee_told_right_after_the_event_joins_its_notice():
    _, _, notices = find_actions(_msgs("风筝会-老郑|说一下这个月的活动",
                                       "风筝会-老郑|12月19日周六上午9点半，在东湖绿道三号门草坪集合放风筝",
                                       "风筝会-老郑|每人交材料费三十五元，现场发竹条和线轮"))
    assert len(notices) == 1
    assert "东湖绿道" in notices[0].text and "三十五元" in notices[0].text


def test_own_plans_questions_and_relative_meetings_are_no_notices():
    when = datetime(2026, 12, 5, 20, 0)
    assert not event_notice("我周六下午3点在医院门口等检查结果", when)  # the speaker's own day
    assert not event_notice("明天下午3点在小区门口等你", when)  # a meeting of two, counted from today
    assert not event_notice("周六下午2点在文化馆门口集合可以吗", when)  # put to the group, not told
    assert not event_notice("12月20日周日上午10点", when)  # no place, no event
    assert event_notice("12月20日周日上午10点，在植物园北门", when)


# --- B. a change told as settled and agreed right after is a decision with its agree list ---

def test_a_fee_change_agreed_in_cantonese_is_a_decision_with_its_agreers():
    _, decisions, _ = find_actions(_msgs("師傅阿強|各位，同大家講幾件事",
                                         "師傅阿強|年費今年加到每人200蚊，下年2月1號開始收",
                                         "阿豪|冇意見",
                                         "Kelly|OK",
                                         "阿傑|同意"))
    found = [d for d in decisions if "200" in d.text]
    assert found, decisions
    # (round 55: Kelly's bare OK took note of the change nobody asked a yes for; 冇意見 and 同意 are the yeses)
    assert set(found[0].by) == {"師傅阿強", "阿豪", "阿傑"}


def test_a_change_that_asks_for_objections_is_decided_without_the_question():
    _, decisions, _ = find_actions(_msgs("划艇会-阿Ray|另外船位費由下個月起加到每月380蚊，大家有冇意見",
                                         "Winnie|冇意見",
                                         "肥仔|無問題"))
    found = [d for d in decisions if "380" in d.text]
    assert found and "有冇意見" not in found[0].text
    assert {"Winnie", "肥仔"} <= set(found[0].by)


def test_a_change_nobody_says_yes_to_or_that_is_only_proposed_is_no_decision():
    objected = _msgs("租户群-王姐|物业费明年涨到每平米3块5", "小刘|这也太贵了吧", "阿芳|凭什么涨")
    assert _agreed_change(objected[0].text, objected, 0) is None
    proposed = _msgs("租户群-王姐|我建议物业费降到每平米2块", "小刘|同意")
    assert _agreed_change(proposed[0].text, proposed, 0) is None
    mine = _msgs("小刘|我把闹钟调到6点了，明早早点到", "阿芳|好")
    assert _agreed_change(mine[0].text, mine, 0) is None
    asked = _msgs("租户群-王姐|会费要不要加到每人150？", "小刘|同意")
    assert _agreed_change(asked[0].text, asked, 0) is None


# --- C. a volunteer answering a call (also in Cantonese) takes on the called task; bare offers are no to-dos ---

def test_cantonese_call_and_offer_give_the_task_to_the_volunteer():
    actions, _, _ = find_actions(_msgs("師傅阿強|新春採青1月31號星期六下晝3點，喺大埔墟街市門口",
                                       "師傅阿強|邊個得閒幫手搬獅頭？",
                                       "阿豪|交畀我",
                                       "Kelly|我聽日約咗人食飯"))
    owned = [a for a in actions if "獅頭" in a.task]
    assert owned and owned[0].owner == "阿豪"
    assert not owned_by(actions, "Kelly")  # her own plans are no group work


def test_only_the_first_volunteer_takes_the_call():
    actions, _, _ = find_actions(_msgs("风筝会-老郑|周六谁来负责拍照？",
                                       "阿琳|我来吧",
                                       "胖哥|我可以"))
    photo = [a for a in actions if "拍照" in a.task]
    assert [a.owner for a in photo] == ["阿琳"]


def test_an_offer_with_no_call_before_it_is_no_todo():
    actions, _, _ = find_actions(_msgs("划艇会-阿Ray|今晚水好平，划得好舒服",
                                       "Winnie|我可以",
                                       "肥仔|交畀我"))
    assert actions == []


def test_bad_input_gives_nothing():
    assert find_actions([]) == ([], [], [])
    actions, decisions, notices = find_actions(_msgs("阿豪|", "Kelly|   ", "阿傑|🦁🦁"))
    assert (actions, decisions, notices) == ([], [], [])


def test_a_who_plus_verb_call_is_a_call_and_an_offer_opening_a_longer_reply_takes_it():
    actions, _, _ = find_actions(_msgs("醒獅隊-阿強|利是錢邊個收？",
                                       "Mandy|我嚟收啦，大家星期四前轉畀我",
                                       "阿豪|好"))
    assert any(a.owner == "Mandy" and "利是錢" in a.task for a in actions)  # the volunteer's own task
    assert any(a.owner == "大家" and a.deadline == "2026-12-10" for a in actions)  # and everyone's transfer


def test_who_did_it_questions_are_no_calls():
    actions, _, _ = find_actions(_msgs("划艇会-阿Ray|船桨谁收了？", "Winnie|我", "肥仔|谁买的这个牌子"))
    assert not owned_by(actions, "Winnie")


def test_a_reply_that_has_it_and_brings_it_still_takes_the_call():
    actions, _, _ = find_actions(_msgs("醒獅隊-阿強|邊個屋企有長梯？", "阿傑|我有，我揸車帶去"))
    assert owned_by(actions, "阿傑")


# --- deadlines: the 下 of 一下 is no "next", and an evening's 12点 is midnight ---

def test_the_xia_of_yixia_is_not_next_week():
    from copilot.notes.dates import find_deadline

    monday = datetime(2026, 11, 30, 20, 30)
    assert find_deadline("阿杰你明天把船桨拿去店里修一下周五前拿回来", monday).day.isoformat() == "2026-12-04"
    assert find_deadline("统计一下下周五前交", monday).day.isoformat() == "2026-12-11"  # 一下 then 下周五
    assert find_deadline("敲两下月底前交", monday).day.isoformat() == "2026-11-30"
    assert find_deadline("下个月底前交", monday).day.isoformat() == "2026-12-31"


def test_an_evening_twelve_oclock_is_the_end_of_that_day():
    from copilot.notes.dates import find_deadline

    monday = datetime(2026, 11, 30, 20, 30)
    tonight = find_deadline("大家今晚12点前接龙", monday)
    assert (tonight.day.isoformat(), tonight.clock) == ("2026-11-30", "23:59")
    assert find_deadline("明天晚上十二点前交", monday).clock == "23:59"
    assert find_deadline("明天中午12点前交", monday).clock == "12:00"  # noon stays noon
    assert find_deadline("明天12点前交", monday).clock == "12:00"
    assert find_deadline("今晚8点前交", monday).clock == "20:00"


def test_a_settled_chat_opened_by_a_notice_summarises_the_notice_and_what_happens_next(tmp_path):  # type: ignore[no-untyped-def]
    from copilot.config import Settings
    from copilot.llm import get_engine
    from copilot.notes import render_markdown, summarize_text

    offline = Settings(data_dir=tmp_path / "data", llm_provider="offline")

    chat = ("[2026-12-05 19:30] 风筝会-老郑: 12月19日周六上午9点半在东湖绿道三号门草坪集合放风筝\n"
            "[2026-12-05 19:31] 阿琳: 要带什么吗？\n"
            "[2026-12-05 19:32] 风筝会-老郑: 带水和帽子就行\n"
            "[2026-12-05 19:33] 胖哥: 昨晚的球赛看了没，加时太刺激了\n"
            "[2026-12-05 19:34] 阿琳: 风筝线我来买，周四前买好\n")
    notes = summarize_text(chat, "kite.txt", offline, get_engine(offline)).notes
    md = render_markdown(notes, appendix=False)
    summary = md.split("## 摘要", 1)[1].split("##", 1)[0]
    assert "东湖绿道" in summary and "接下来" in summary and "阿琳" in summary
    assert "球赛" not in md

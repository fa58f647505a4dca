"""Round 37 (dev13ad): Traditional / unusual CSV headers, an organiser's direct assignment that answers no
谁来 call, false to-dos from answers, notices, questions and facts, deadlines borrowed from a member's own
exam or trip, two members given parallel shares in one line, and counted bring-shares said in a run-on line.

Every chat below was written for these tests (a fishing club, a community vegetable garden, a Cantonese
hiking group, a board-game café group, a volunteer tutoring team, a kite club); none is a QA chat or an
eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest
from chat_lines import chat_lines, owned_by

from copilot.notes.parse import NotesParseError, parse_file
from copilot.notes.todos import find_actions

START = datetime(2026, 3, 2, 20, 0)  # a Monday evening


_msgs = partial(chat_lines, start=START)  # "speaker|text" lines, one a minute


def _owners(actions) -> list[str]:
    return [a.owner for a in actions]


def _of(actions, owner):
    return [a for a in actions if a.owner == owner]


# --- F1. CSV headers in Traditional Chinese or other Chinese column names ---

def test_traditional_csv_headers_open_without_columns(tmp_path):
    path = tmp_path / "hiking.csv"
    path.write_text("時間,發言者,訊息\n"
                    "2026-03-02 20:00,阿Fai,星期六行麥理浩徑第二段，朝早八點西貢巴士站等\n"
                    "2026-03-02 20:01,Cathy,收到，我帶埋行山杖\n", encoding="utf-8")
    transcript = parse_file(path)
    assert [m.speaker for m in transcript.messages] == ["阿Fai", "Cathy"]
    assert transcript.messages[0].text.startswith("星期六行麥理浩徑")


def test_missing_speaker_column_error_lists_chinese_names(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("Zeit,Wer,Was\n2026-03-02 20:00,Anna,hallo\n", encoding="utf-8")
    with pytest.raises(NotesParseError) as err:
        parse_file(path)
    assert "发送人" in str(err.value) and "发言人" in str(err.value) and "speaker" in str(err.value)


# --- F2. an organiser's direct assignment that answers no 谁来 call ---

def test_voice_assignment_with_a_fallback_condition_is_a_todo():
    actions, _, _ = find_actions(_msgs(
        "钓鱼协会-老马|下周六水库夜钓，六点集合",
        "老马|老周你负责借一下冰箱渔具店有两个不够的话再问问阿强周五之前告诉我",
        "老周|行"))
    mine = _of(actions, "老周")
    assert mine and mine[0].deadline == "2026-03-06"


def test_a_condition_before_the_work_still_gives_no_todo():
    actions, _, _ = find_actions(_msgs("钓鱼协会-老马|下周六水库夜钓",
                                       "老马|老周你要是有空的话帮忙看看天气"))
    assert "老周" not in _owners(actions)


def test_at_addressed_you_with_a_deadline_is_that_member():
    actions, _, _ = find_actions(_msgs("行山群-Ken|星期六行大東山，記得帶夠水",
                                       "Ken|@阿Fai 你相機嘅事下星期三前話我知，唔得我再問人",
                                       "阿Fai|收到"))
    mine = _of(actions, "阿Fai")
    assert mine and mine[0].deadline == "2026-03-11"


def test_at_addressed_you_given_a_duty_is_that_member():
    actions, _, _ = find_actions(_msgs("菜园-王姐|这个月开始浇水排班",
                                       "小芳|那肥料钱怎么算",
                                       "王姐|按户摊，每户20",
                                       "王姐|@小芳 肥料钱你还是负责收，下周开始收"))
    assert any(a.owner == "小芳" and "收" in a.task for a in actions)


# --- F3. answers, notices, questions and facts are no to-dos ---

def test_an_answer_timed_on_a_step_is_no_todo():
    actions, _, _ = find_actions(_msgs("菜园-王姐|今晚请老杨讲讲番茄育苗",
                                       "小芳|番茄苗要不要打顶",
                                       "老杨|@小芳 要打两次，第一次五片叶的时候，第二次移栽前三天，别太狠"))
    assert "老杨" not in _owners(actions)


def test_money_paid_to_the_speaker_is_not_the_speakers_todo():
    actions, _, _ = find_actions(_msgs("桌游群-阿凯|周六下午桌游日，每人场地费25",
                                       "阿凯|场地费转给我，电话13900001111，到了打这个"))
    assert "桌游群-阿凯" not in _owners(actions) and "阿凯" not in _owners(actions)


def test_a_rule_with_a_name_in_its_reason_is_no_todo():
    actions, _, _ = find_actions(_msgs("钓鱼协会-老马|周六坐老周的船出海",
                                       "老马|另外提醒一下，船上不要抽烟，老周新船"))
    assert "老周" not in _owners(actions)


def test_own_plan_then_a_change_asked_for_is_no_todo():
    actions, _, _ = find_actions(_msgs("风筝社-阿亮|周六上午十点海边放风筝",
                                       "小海|我周六要去体检，那天改成十一点集合行不行"))
    assert "小海" not in _owners(actions)


def test_who_fills_a_role_is_a_fact_not_a_todo():
    actions, _, _ = find_actions(_msgs("桌游群-阿凯|周六狼人杀比赛",
                                       "阿豆|那个法官谁来当",
                                       "阿凯|法官我和店里的小吴两个人"))
    assert "阿凯" not in _owners(actions) and "桌游群-阿凯" not in _owners(actions)


def test_a_first_person_promise_with_a_verb_stays():
    actions, _, _ = find_actions(_msgs("桌游群-阿凯|周六狼人杀比赛，谁来准备卡牌",
                                       "阿豆|我来，周五前把卡牌准备好"))
    assert "阿豆" in _owners(actions)


# --- F4. a deadline borrowed from the member's own exam or trip ---

def test_own_trip_dates_do_not_date_the_volunteered_work():
    actions, _, _ = find_actions(_msgs("家教志愿队-林老师|这学期的作业批改谁来负责",
                                       "阿宁|我来批改，不过我3月10号到15号出差，那几天可能慢一点"))
    mine = _of(actions, "阿宁")
    assert mine and all(not (a.deadline or "").startswith("2026-03-1") for a in mine)


def test_own_trip_home_is_not_merged_into_a_later_task():
    actions, _, _ = find_actions(_msgs("家教志愿队-林老师|下周开始周二周四晚上上课",
                                       "阿宁|顺便说一句，我3月20号要回老家，之后一周不在",
                                       "林老师|阿宁你周四前把学生名单发我",
                                       "阿宁|好的"))
    mine = _of(actions, "阿宁")
    assert mine and all(a.deadline != "2026-03-20" for a in mine)
    assert mine[0].deadline == "2026-03-05"
    assert not any("回老家" in a.task for a in actions)


# --- F10. two members given parallel shares in one line ---

def test_two_members_with_parallel_shares_are_two_todos():
    actions, _, _ = find_actions(_msgs("风筝社-阿亮|比赛宣传要分一下工",
                                       "小米|我可以写文案",
                                       "小白|海报我也行",
                                       "阿亮|好，小米写文案小白做海报"))
    assert any(a.owner == "小米" and "写文案" in a.task for a in actions)
    assert any(a.owner == "小白" and "做海报" in a.task for a in actions)


def test_a_member_as_the_object_is_not_a_second_owner():
    actions, _, _ = find_actions(_msgs("风筝社-阿亮|比赛宣传要分一下工",
                                       "小米|文案我不太会",
                                       "小白|我负责海报",
                                       "阿亮|好，小米帮小白改文案"))
    assert owned_by(actions, "小米")
    assert not any(a.owner == "小白" and "改文案" in a.task for a in actions)


# --- dev13ab Next 1: counted bring-shares said in a run-on line ---

def test_run_on_bring_share_with_a_question_glued_on_is_due_on_the_event_day():
    actions, _, _ = find_actions(_msgs("钓鱼协会-老马|3月7号周六水库夜钓，六点集合",
                                       "老周|鱼竿我带两根另外饵料谁有多的"))
    mine = _of(actions, "老周")
    assert mine and mine[0].deadline == "2026-03-07"


def test_bring_share_with_no_owner_found_is_the_speakers():
    actions, _, _ = find_actions(_msgs("钓鱼协会-老马|3月7号周六水库夜钓，六点集合",
                                       "老马|折叠椅谁有",
                                       "阿强|我有三把我带上"))
    mine = _of(actions, "阿强")
    assert mine and mine[0].deadline == "2026-03-07"


def test_a_share_asked_about_is_no_todo():
    actions, _, _ = find_actions(_msgs("钓鱼协会-老马|3月7号周六水库夜钓，六点集合",
                                       "阿强|我带两把椅子够不够"))
    assert "阿强" not in _owners(actions)


def test_someone_told_not_to_do_something_is_given_no_work():
    actions, _, _ = find_actions(_msgs("风筝社-阿亮|周六上午十点海边放风筝",
                                       "卖风筝的王老板|专业风筝批发 全场五折 电话13800002222",
                                       "阿亮|王老板不要在群里发这个",
                                       "阿亮|阿强你别忘了周五前把线轴买好",
                                       "阿强|好"))
    assert "王老板" not in _owners(actions) and "卖风筝的王老板" not in _owners(actions)
    assert "阿强" in _owners(actions)

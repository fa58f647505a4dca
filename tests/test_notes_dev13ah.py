"""Round 37b (dev13ah): who owns a to-do and who agrees to a decision, from qa13r17's failure classes.

(1) money paid to the speaker is the payers' to pay ("$180转俾我"); (2) the one a 你 means: a name called with 你
right after it in a voice line, a name the message turns to ("另外老K，…你"), the speaker after "谢谢X 我…";
(3) a day followed by 开始/起 is a start, not a deadline; (4) a bare 收到 after a decision (round 55: agrees to nothing; before, it agreed) unless the
decision gives that member work.

Every chat below was written for these tests (a pottery studio, a Cantonese dragon-boat team, a seniors' calligraphy
class, a book club, a parents' chess club, a residents' committee, a choir, a tenants' group); none is a QA chat or
an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.dates import find_deadline
from copilot.notes.todos import find_actions

START = datetime(2026, 3, 2, 20, 0)  # a Monday evening

_msgs = partial(chat_lines, start=START)


def _of(actions, owner):
    return [a for a in actions if a.owner == owner]


# --- (1) the one paid is not the one who pays ---

def test_cantonese_sum_paid_to_the_speaker_is_everyones():
    actions, _, _ = find_actions(_msgs(
        "龍舟隊-阿Sam|端午賽報咗名 每人報名費$250",
        "Winnie(財政)|報名我搞掂 大家喺下個禮拜三之前將$250轉俾我 轉完send張截圖",
        "大牛|收到",
    ))
    paid = [a for a in actions if "250" in a.task]
    assert paid and paid[0].owner == "大家"
    assert paid[0].deadline == "2026-03-11"
    assert not any(a.owner == "Winnie(財政)" and "250" in a.task for a in actions)


def test_mandarin_sum_with_yuan_paid_to_the_speaker_is_everyones():
    actions, _, _ = find_actions(_msgs(
        "陶艺工作室-周姐|下个月拉坯课开课了",
        "周姐|大家周五之前把80元转给我，我统一买泥",
    ))
    paid = [a for a in actions if "80元" in a.task]
    assert paid and paid[0].owner == "大家"


def test_speaker_who_pays_someone_else_keeps_the_todo():
    # bad input for the rule: the speaker pays, no one pays the speaker
    actions, _, _ = find_actions(_msgs(
        "书友会-阿宁|这次场地费300，我明天转给书店老板",
    ))
    assert [a.owner for a in actions] == ["书友会-阿宁"]


# --- (2) the one a 你 means ---

def test_voice_line_name_then_you_then_duty_is_that_persons():
    actions, _, _ = find_actions(_msgs(
        "书法班-孙老师|下个月区里老年书法展要报名",
        "书法班-孙老师|报名表要写每个人的姓名和年龄刘大姐你字好看报名表你来填下周三之前交到街道",
        "刘大姐|好的",
    ))
    form = [a for a in actions if "报名表" in a.task]
    assert form and form[0].owner == "刘大姐"
    assert form[0].deadline == "2026-03-11"


def test_group_owns_work_when_it_is_the_subject_not_a_possessor():
    actions, _, _ = find_actions(_msgs(
        "居委会-王主任|每个人周五之前把门禁卡登记表交到居委会",
    ))
    assert [a.owner for a in actions] == ["大家"]


def test_name_turned_to_after_an_at_reply_owns_the_you_duty():
    actions, _, _ = find_actions(_msgs(
        "阿杰爸|少儿组是几点开始",
        "棋社-陈老师|@阿杰爸 周六上午九点 另外小吴，对阵表你周四前排好发我",
        "小吴|收到 周四前发",
    ))
    table = [a for a in actions if "对阵表" in a.task]
    assert table and table[0].owner == "小吴"
    assert not _of(actions, "阿杰爸")


def test_at_reply_you_without_a_turn_stays_the_addressee():
    actions, _, _ = find_actions(_msgs(
        "阿杰爸|少儿组报名表在哪",
        "棋社-陈老师|@阿杰爸 报名表你周四前填好发我",
    ))
    assert [a.owner for a in actions] == ["阿杰爸"]


def test_thanks_then_own_plan_is_not_the_thanked_ones():
    actions, _, _ = find_actions(_msgs(
        "乐乐妈|孩子6岁能来下象棋吗",
        "棋社-陈老师|@乐乐妈 6岁建议先上周日的启蒙班",
        "乐乐妈|谢谢陈老师 我带乐乐去启蒙班试试",
    ))
    assert not _of(actions, "棋社-陈老师")


def test_thanks_then_work_for_the_thanked_is_still_theirs():
    actions, _, _ = find_actions(_msgs(
        "阿珊|歌紙我嚟搞",
        "合唱团-团长|唔该阿珊，歌紙星期五之前印好",
    ))
    assert [a.owner for a in actions][-1:] == ["阿珊"]


# --- (3) a start is not a deadline ---

def test_day_followed_by_start_is_no_deadline():
    assert find_deadline("物业费下周一开始收", START) is None
    assert find_deadline("周三起交新表", START) is None
    assert find_deadline("下周一开始报名，周五前截止", START).text == "周五前"
    assert find_deadline("下周一前交", START).day.isoformat() == "2026-03-09"


def test_start_with_a_clock_still_dates():
    found = find_deadline("周六上午9点开始，大家8点半到", START)
    assert found is not None and found.day.isoformat() == "2026-03-07"


# --- (4) a bare 收到 after a decision ---

def test_ack_after_decision_is_no_agreement():
    # (round 55: a bare 收到/明白 takes note of the decision; a reader of "同意：小米、大刘" expects them to have said yes)
    _, decisions, _ = find_actions(_msgs(
        "合唱团-李老师|元旦演出服装大家觉得白衬衫还是红毛衣",
        "阿芳|红毛衣喜庆",
        "合唱团-李老师|那就定红毛衣，演出当天统一穿",
        "小米|收到",
        "大刘|明白",
    ))
    assert decisions and "红毛衣" in decisions[0].text
    assert not {"小米", "大刘"} & set(decisions[0].by)


def test_ack_for_ones_own_task_is_not_agreement():
    actions, decisions, _ = find_actions(_msgs(
        "租户群-阿Ken|楼下垃圾房的事大家觉得找物业还是找居委",
        "阿芳|找物业快点",
        "租户群-阿Ken|那就定找物业，小米你周五前写好投诉信",
        "小米|收到",
        "大刘|收到",
    ))
    assert decisions
    # (round 55: 大刘's bare 收到 took note, as 小米's took on her task: neither agreed)
    assert "大刘" not in decisions[0].by and "小米" not in decisions[0].by
    assert _of(actions, "小米")

"""Round 51 (d13c51): one line asking two things, answered by two people; a day is no amount.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.notes.pairing import _asked_parts, _in_form

START = datetime(2027, 3, 16, 20, 0)  # a Tuesday evening

# a member asks the day and the fee in one line; the organiser gives the day, another member the fee
EXAM = (
    "组长阿彬|这周说一下普通话测试的安排",
    "小麦|测试是哪天？报名费交了多少来着？",
    "组长阿彬|4月10日周六上午",
    "大伟|报名费是50元，我上周刚交的",
    "小麦|好的谢谢",
)

# one line asking two things, both answered in one reply: one pair, as before
ONE_ANSWER = (
    "群主老赵|周日去湿地公园观鸟，早上6点半东门集合",
    "阿琴|要带望远镜吗？中午管饭吗？",
    "群主老赵|望远镜自己带，中午自己解决",
    "阿琴|收到",
)


def test_two_questions_in_one_line_are_cut_only_when_each_asks_on_its_own():
    assert _asked_parts("考试是哪天？报名费交了多少？") == ["考试是哪天？", "报名费交了多少？"]
    # bad input for the cut: a bare follow-up leans on the question before it
    assert _asked_parts("能刷卡吗？现金呢？") == ["能刷卡吗？现金呢？"]
    assert _asked_parts("几点集合？大家别迟到。") == ["几点集合？大家别迟到。"]


def test_each_question_of_one_line_takes_its_own_answerer():
    notes = chat_notes(*EXAM, start=START)
    day = [q for q in notes.qa if "哪天" in q.question]
    fee = [q for q in notes.qa if "报名费" in q.question]
    assert day and day[0].answerer == "组长阿彬" and "4月10日" in day[0].answer
    assert fee and fee[0].answerer == "大伟" and "50元" in fee[0].answer
    assert "报名费" not in day[0].question


def test_two_questions_answered_by_one_reply_stay_one_pair():
    notes = chat_notes(*ONE_ANSWER, start=START)
    asked = [q for q in notes.qa if q.asker == "阿琴"]
    assert len(asked) == 1
    assert "望远镜" in asked[0].question and "管饭" in asked[0].question
    assert asked[0].answerer == "群主老赵"


def test_a_day_is_no_amount_for_a_how_much_question():
    assert not _in_form("报名费交了多少", "4月10日周六上午")
    assert _in_form("报名费交了多少", "报名费是50元")
    assert _in_form("还剩几箱", "还有三箱")


# a member asks others to check their own work, with no question word; the teacher corrects it
CHECK = (
    "群主阿梅|今晚请刘老师讲讲毛笔字的起笔",
    "刘老师|起笔要藏锋，先逆后顺，笔锋藏在笔画里面",
    "小唐|帮我瞅瞅我写的这个横，起笔好像太重了",
    "刘老师|不是太重，是没藏锋，笔尖先往左顶一下再往右走",
    "小唐|明白了",
)

# the organiser puts a plan to the group: a call for opinions, not a question to answer
PLAN = (
    "队长老韩|大家看看我这个分工安排，周六我开车，阿强带水，小丽拍照",
    "阿强|好的",
    "小丽|没问题",
)

def test_asking_others_to_check_ones_own_work_is_a_question_answered_by_the_correction():
    from copilot.notes.reading import asks
    assert asks("帮我瞅瞅我写的这个横，起笔好像太重了")
    assert asks("大家听听我这段录音")
    notes = chat_notes(*CHECK, start=START)
    assert any(q.asker == "小唐" and q.answerer == "刘老师" and "藏锋" in q.answer for q in notes.qa)


def test_a_plan_put_to_the_group_is_no_check_of_ones_own_work():
    from copilot.notes.reading import asks
    assert not asks("大家看看我这个分工安排，周六我开车")
    notes = chat_notes(*PLAN, start=START)
    assert not any("分工安排" in q.question for q in notes.qa)



# a member takes work on, then hands it on without naming it; the one asked takes it
HAND_ON = (
    "组长阿彬|这周把模拟题分一下，每人整理一部分",
    "大伟|听力部分我来整理吧",
    "小麦|我周四前把朗读题发群文件",
    "组长阿彬|好，辛苦",
    "大伟|哎呀我这周要出差，小麦你帮我做一下吧",
    "小麦|行，交给我",
    "组长阿彬|那听力就小麦整理，下周一前发上来",
)


def test_work_handed_on_without_naming_it_goes_to_the_one_asked():
    from copilot.notes.structure import _fold, has
    assert has(_fold("我这周要出差，小麦你帮我做一下吧"), "owner", "hands_on_unnamed")
    assert has(_fold("歹勢，小安你幫我處理一下好嗎"), "owner", "hands_on_unnamed")
    # bad input for the cue: a request that names its work is no unnamed hand-on
    assert not has(_fold("小麦你帮我做一下海报吧"), "owner", "hands_on_unnamed")
    notes = chat_notes(*HAND_ON, start=START)
    listening = [a for a in notes.actions if "听力" in a.task]
    assert listening and {a.owner for a in listening} == {"小麦"}
    assert "2027-03-22" in (listening[0].deadline or "")
    # the hand-on line is no to-do of its own
    assert not any(a.task.strip().endswith("帮我做一下吧") for a in notes.actions)
    assert any(a.owner == "小麦" and "朗读题" in a.task for a in notes.actions)

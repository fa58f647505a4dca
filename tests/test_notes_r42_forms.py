"""Round 42 (issue 13, to-dos in forms never found).

- A time given in a later turn by the one who gave the work: asked for by the member given it ("签到表几号要" —
  "那就周五前吧") or added right after a volunteer took a call on ("谁能去仓库搬音箱？" — "我下班顺路" — "周四之前搬过来
  就行"). It dates that member's to-do; the answer is no to-do of its own. A time question about when something
  happens ("活动几点开始") dates nobody's work.
- A volunteer's "我下班顺路" answering a "谁能…" call takes it on (cue action.volunteer).
- Topic first, the one who takes it after ("奖品的事阿芳搞定，横幅→Kevin"), each clause its member's share
  (cues owner.topic_marker, owner.topic_taker).

Every chat below was written for these tests (a kite-flying club, a neighbourhood clean-up, a cosplay group);
none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, owned_by

from copilot.notes.todos import find_actions

START = datetime(2026, 5, 12, 20, 0)  # a Tuesday evening: 周四 05-14, 周五 05-15, 周日 05-17

_msgs = partial(chat_lines, start=START)


def _owned(actions, word):
    return [(a.owner, a.deadline) for a in actions if word in a.task]


def test_the_time_asked_for_by_the_one_given_the_work_dates_it():
    actions, _, _ = find_actions(_msgs(
        "会长老汤|周日上午在江滩放风筝，九点集合",
        "会长老汤|@小满 麻烦把签到表打印一下",
        "小满|好的",
        "小满|签到表几号要",
        "会长老汤|那就周五前吧，我好拿去复印",
    ))
    assert _owned(actions, "签到表") == [("小满", "2026-05-15")]
    assert not owned_by(actions, "会长老汤")  # the answer gives a time, no work of its own


def test_a_question_about_when_something_happens_dates_no_work():
    actions, _, _ = find_actions(_msgs(
        "会长老汤|@小满 麻烦把签到表打印一下",
        "小满|好的",
        "小满|活动几点开始",
        "会长老汤|周日上午九点",
    ))
    assert [owner for owner, _ in _owned(actions, "签到表")] == ["小满"]
    assert all(day != "2026-05-17" for _, day in _owned(actions, "签到表"))


def test_the_callers_next_line_dates_the_volunteers_work():
    actions, _, _ = find_actions(_msgs(
        "楼长阿珍|周六上午小区大扫除，八点半在三号楼下集合",
        "楼长阿珍|仓库里那两把长梯谁能去搬一下？",
        "阿福|我下班顺路",
        "楼长阿珍|周四之前搬过来就行，周五要先擦玻璃",
    ))
    assert _owned(actions, "长梯") == [("阿福", "2026-05-14")]
    assert not owned_by(actions, "楼长阿珍")


def test_on_the_way_home_takes_the_call_on():
    actions, _, _ = find_actions(_msgs(
        "楼长阿珍|垃圾袋和手套还没买，谁能去超市带一下？",
        "小吕|我回家顺路",
    ))
    assert [owner for owner, _ in _owned(actions, "垃圾袋")] == ["小吕"]


def test_topic_first_shares_in_one_line():
    actions, _, _ = find_actions(_msgs(
        "社长Momo|下个月漫展的摊位定了，说下分工",
        "社长Momo|奖品的事阿芳搞定，横幅→Kevin",
        "阿芳|收到",
        "Kevin|OK",
    ))
    assert [owner for owner, _ in _owned(actions, "奖品")] == ["阿芳"]
    assert [owner for owner, _ in _owned(actions, "横幅")] == ["Kevin"]


def test_a_name_after_the_topic_without_taking_it_is_no_share():
    actions, _, _ = find_actions(_msgs(
        "社长Momo|下个月漫展的摊位定了",
        "社长Momo|摊位的事阿芳说了算，她上次去过",
        "阿芳|哈哈",
    ))
    assert not owned_by(actions, "阿芳")


def test_how_many_each_gets_leaves_the_named_checker_the_work():
    actions, _, _ = find_actions(_msgs(
        "会长老汤|周日放风筝比赛，规则得打印出来",
        "会长老汤|周五前得把比赛规则复印好，每人一份，阿峰盯着",
        "阿峰|行",
    ))
    assert _owned(actions, "复印") == [("阿峰", "2026-05-15")]
    assert not owned_by(actions, "大家")  # 每人一份 says what each gets, not everyone's work


def test_so_that_everyone_can_is_no_greeting():
    from copilot.notes.noise import greeting_only
    from copilot.textnorm import fold

    # "大家好提前准备": 好 is "so that" before a verb, the line gives a due time
    assert not greeting_only(fold("周五吧，大家好早买"))
    assert not greeting_only(fold("后天吧 各位好安排"))
    assert greeting_only(fold("大家好呀～"))
    assert greeting_only(fold("各位好！"))

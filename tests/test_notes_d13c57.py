"""Round 57 (d13c57): decisions that were made, and votes that close.

- a vote's result ("结果：C 3票、A 1票，就这么决定…", "投票结果：…") closes the to-do to vote ("今晚10点前回A或C"):
  the vote is over;
- the winner of a tally counts as settled when the line names only what it means ("…就这么决定每月练两次"), so those
  who voted for it agreed and those who voted for the loser did not;
- options numbered in the call ("东湖扣1、西山扣2") turn a bare "2" into a vote for 西山; a yes-or-no poll
  ("同意的扣1，不同意的扣2") keeps its "1" a plain yes;
- a line that only gives a to-do its time ("名单什么时候要" — "那就周三前吧，我要报给场馆") is no decision;
- "我觉得周六好" votes for 周六: when 周日 is settled its speaker is no 同意人.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import decision_with, exported_notes

START = datetime(2031, 5, 5, 19, 0)  # a Monday evening
_notes = partial(exported_notes, start=START)


def test_a_vote_result_closes_the_to_do_to_vote_and_counts_the_winners_voters():
    n = _notes(
        "社长-老许|合唱排练改时间，两个方案投票：A）每周练一次；C）每月练两次。大家今晚10点前回A或C",
        "阿兰|C",
        "小蒋|我选C",
        "老梁|A吧，多练练好",
        "阿兰|今晚的月亮好圆",
        "小蒋|C",
        "社长-老许|结果：C 3票、A 1票，就这么决定每月练两次，第一次5月17日",
        step=20,
    )
    d = decision_with(n, "每月练两次")
    assert "阿兰" in d.by and "小蒋" in d.by
    assert "老梁" not in d.by
    assert not any("回A或C" in a.task for a in n.actions), [a.task for a in n.actions]


def test_numbered_options_turn_a_bare_number_into_a_vote():
    n = _notes(
        "队长-阿东|端午出游去哪？东湖扣1、西山扣2，周三前扣1或扣2",
        "小敏|2",
        "大伟|1 东湖近一点",
        "阿珍|2",
        "队长-阿东|投票结果：西山2票、东湖1票，就去西山，6月1日出发",
    )
    d = decision_with(n, "西山")
    assert "小敏" in d.by and "阿珍" in d.by
    assert "大伟" not in d.by
    assert not any("扣1或扣2" in a.task for a in n.actions), [a.task for a in n.actions]


def test_a_yes_or_no_poll_keeps_its_one_a_yes():
    n = _notes(
        "业委会-钱主任|停车场公共收益要不要拿来装门禁？同意的扣1，不同意的扣2，今晚9点前",
        "周叔|1",
        "林姐|2 先修电梯",
        "阿伦|1",
        "业委会-钱主任|投票结果：同意2票、不同意1票，公共收益用来装门禁，6月底前装好",
    )
    d = decision_with(n, "门禁")
    assert "周叔" in d.by and "阿伦" in d.by
    assert "林姐" not in d.by


def test_giving_a_to_do_its_time_is_nodecision_with():
    n = _notes(
        "领队-老宋|@小雯 麻烦把报名名单整理一下发我",
        "小雯|好的我来",
        "小雯|名单什么时候要",
        "领队-老宋|那就周三前吧，我要报给场馆",
        "小雯|收到",
    )
    assert not any("周三前" in d.text for d in n.decisions), [d.text for d in n.decisions]


def test_a_member_who_wanted_the_other_day_is_no_agreer():
    n = _notes(
        "跑团-老韩|下周拉练，周六还是周日？",
        "小叶|我觉得周六好，周日要上课",
        "阿峰|周日可以",
        "老蔡|周日吧",
        "跑团-老韩|那就周日早上6点，5月11日，江边南门集合",
    )
    d = decision_with(n, "周日早上6点")
    assert "小叶" not in d.by

"""Round 38d (dev13al): qa13r19's leftovers — rules, given work, offers, and what a discussion is told by.

(1) a rule said to everyone with a figure ("没熟的一律不摘，每人最多带走3斤") is a key point, whoever states it; a
members' instruction whose settling word only tells what happens once its deadline has passed ("过了周五就按…")
is no decision; (2) work given with its deadline to the one addressed ("@小林 你下周三前把大纲发我") is a to-do,
never a 下期预告, and answers none of that member's old questions; a line opening another matter ("另外…") is not
the terms of the notice before it; an offer that says what the speaker will record ("谁去谁不去我来统计") asks
nothing; (3) the one who started a discussion is told by the matter's terms (its figures), not by a reply to a
doubt; a spoken "那个" before the topic is no part of the title.

Every chat below was written for these tests (a fruit-picking club, a hiking club, a reading club, a
neighbours' group-buy of water purifiers); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_notes

from copilot.notes.reading import is_question
from copilot.notes.todos import find_actions

START = datetime(2026, 4, 6, 20, 0)  # a Monday evening

_msgs = partial(chat_lines, start=START)


_notes = partial(chat_notes, start=START, name="t.txt", fmt="wechat")


# --- (1) a rule with a figure is a key point; an instruction's lapse clause settles nothing ---

_PICKING = (
    "采摘群-阿梅|说正事：这周六4月11日去城郊草莓园采摘，早上8点在地铁站A口集合",
    "老王|门票每人40元，摘的按斤另算，一斤25元",
    "小周|新手能去吗 我没摘过",
    "采摘群-阿梅|@小周 能去，园里有人教",
    "豆豆妈|我家猫昨晚又把花盆打翻了",
    "老王|哈哈 猫都这样",
    "采摘群-阿梅|车的事：我开一辆 老王开一辆 每辆坐4个人 油费AA",
    "老王|园里规定不能踩垄 大家注意",
    "小周|好的",
    "采摘群-阿梅|报名的在群里接龙，周四晚上10点前截止",
    "小周|接龙 1. 小周",
    "老王|接龙 1. 小周 2. 老王",
    "豆豆妈|接龙 1. 小周 2. 老王 3. 豆豆妈",
    "采摘群-阿梅|采摘的规矩再说一遍：没熟的一律不摘，每人最多带走3斤",
)


def test_rule_with_a_figure_said_to_everyone_is_a_key_point():
    notes = _notes(*_PICKING)
    assert any("每人最多带走3斤" in k.text for k in notes.key_points)
    assert not any("花盆" in k.text for k in notes.key_points)


def test_rule_without_a_figure_is_not_forced_in():
    # bad input: a member's own house rule, no figure, as an aside
    notes = _notes(*_PICKING[:-1], "豆豆妈|我家一律不许猫上床 哈哈")
    assert not any("猫上床" in k.text for k in notes.key_points)


def test_what_happens_after_a_deadline_is_no_decision():
    actions, decisions, _ = find_actions(_msgs(
        "楼长老孙|净水器团购的事 厂家说凑够15户每台便宜300",
        "3楼小何|挺好",
        "楼长老孙|然后大家要装的周五前在接龙表上登记好过了周五就按现在的户数去跟厂家谈",
        "5楼阿兰|好的",
    ))
    assert not any("登记" in d.text for d in decisions)
    assert any(a.owner == "大家" and "登记" in a.task for a in actions)


def test_a_settling_line_before_a_deadline_clause_is_still_a_decision():
    # bad input for the rule: the settling words come before any lapse
    _, decisions, _ = find_actions(_msgs(
        "楼长老孙|安装时间大家挑一下 周六还是周日",
        "3楼小何|周六",
        "5楼阿兰|周六可以",
        "楼长老孙|那就定了周六上午安装，过了中午就按下午的班次排",
    ))
    assert any("周六上午安装" in d.text for d in decisions)


# --- (2) work given with its deadline is a to-do; another matter is its own; an offer asks nothing ---

_READING = (
    "读书会-小鹿|今晚请老许分享《活着》的读后感",
    "老许|好的 我先说说福贵这个人物",
    "小林|请问这本书适合高中生读吗",
    "老许|适合的 篇幅不长 一个周末就能读完",
    "老许|我就讲到这里",
    "读书会-小鹿|几个通知：1. 今天的录音我明晚发群里 2. 下期分享是4月20日周一晚8点，主讲人是小林",
    "小林|紧张 我会准备好的",
    "读书会-小鹿|@小林 你下周三前把分享提纲发我看一眼",
    "小林|收到",
    "读书会-小鹿|另外群里团购新书，一本35元，要的在群里接龙，周日晚上截止",
)


def test_work_given_with_a_deadline_is_a_todo_not_a_preview():
    actions, _, announcements = find_actions(_msgs(*_READING))
    given = [a for a in actions if a.owner == "小林" and "提纲" in a.task]
    assert given and given[0].deadline is not None and given[0].deadline.startswith("2026-04-15")
    assert "回复" not in given[0].task  # not an answer to 小林's old question
    assert not any("提纲" in n.text for n in announcements)


def test_preview_naming_the_next_speaker_stays_a_preview():
    # bad input: the preview itself, with no work given
    _, _, announcements = find_actions(_msgs(*_READING[:6]))
    assert any(n.kind == "下期预告" and "4月20日" in n.text for n in announcements)


def test_another_matter_is_not_appended_to_the_notice_before_it():
    _, _, announcements = find_actions(_msgs(*_READING))
    assert not any("4月20日" in n.text and "团购" in n.text for n in announcements)


def test_offer_to_record_is_no_question():
    assert not is_question("那我负责统计吧 谁去谁不去我来统计 活动结束后两天内把名单发群里")
    assert not is_question("那我来记账 每样卖了多少我用表格记")
    # bad inputs: the same words asked
    assert is_question("每样卖了多少？")
    assert is_question("这次一共卖了多少")


# --- (3) the starter is told by the matter's terms; no spoken filler in the title ---

_PURIFIER = (
    "楼长老孙|各位邻居我说一下那个净水器团购的事情昨天跟厂家谈下来了",
    "楼长老孙|就是说如果我们凑够15户的话每台是1800块比外面便宜差不多300",
    "3楼小何|那挺好的呀外面都要2100",
    "6楼小吕|我还在犹豫我老公说自来水烧开就行",
    "楼长老孙|其实烧开去不掉水垢的你可以来我家看看我家去年装的",
    "5楼阿兰|我家也要",
    "3楼小何|我家算一个",
    "楼长老孙|好那就这么定了凑够15户就下单定金每户直接转给厂家对公账户",
    "3楼小何|同意",
    "5楼阿兰|可以",
)


def test_starter_is_told_by_the_offer_not_a_reply_to_a_doubt():
    notes = _notes(*_PURIFIER)
    assert "1800" in notes.summary
    assert "水垢" not in notes.summary  # the reply to 小吕's doubt is no one's position here
    assert notes.summary.index("1800") < notes.summary.index("最后决定")


def test_title_drops_a_spoken_that():
    notes = _notes(*_PURIFIER)
    assert "净水器团购" in notes.title
    assert "那个" not in notes.title


def test_title_keeps_this_month():
    # bad input for the cut: 这个月 is a time, not a filler
    notes = _notes(
        "群主阿强|说一下这个月聚餐的事情，定在4月25日周六晚上6点，每人100元",
        "小何|好",
        "阿兰|可以",
        "小吕|我参加",
    )
    assert "这个月聚餐" in notes.title

"""Round 59 (issue 13: deadlines — an hour after the day the sentence names; events the chat turns to in passing).

- "发版那天的推送文案我来写，上午10点前发到群里": the hour of the event's day, not today's.
- "周六下午的插花体验你来带，2点前到场": the hour of that Saturday (the market's), not tomorrow's.
- "发版前一天下午6点前": 发版 (a verb and its object jieba keeps as one unknown word) is an event a span counts from.
- "更新前一天晚上8点前": 更新 (jieba: an adverb) is an event word (time.yaml event_words).
- "另外团里的年终聚餐是12月29日": a day told while turning to another matter wins no tie over the event before it.

Every chat below was written for these tests (a product team, a craft market, a choir); none is an eval chat.
"""

from __future__ import annotations

from datetime import date, datetime

from chat_lines import chat_structure, owned_by

from copilot.notes.dates import event_days, find_deadline

START = datetime(2029, 12, 3, 20, 0)  # a Monday evening


def test_an_hour_after_the_event_day_is_that_days_hour():
    got = find_deadline("发版那天的推送文案我来写，上午10点前发到群里", START, event=date(2029, 12, 14))
    assert got is not None and got.iso == "2029-12-14 10:00"


def test_an_hour_after_a_weekday_named_for_the_work_is_that_weekdays_hour():
    got = find_deadline("周六下午的插花体验你来带，2点前到场", START, event=date(2029, 12, 8))
    assert got is not None and got.iso == "2029-12-08 14:00"
    # the plain reading stays: a bare hour with no day before it is today's or tomorrow's
    plain = find_deadline("插花体验你来带，2点前到场", START, event=date(2029, 12, 8))
    assert plain is not None and plain.iso == "2029-12-04 14:00"


def test_a_release_counted_back_from_in_the_chat():
    got = chat_structure(
        "产品-老孟|2.0版本发版定在12月14日周五上午10点",
        "产品-老孟|@小韩 发版前一天下午6点前把测试报告发我",
        "小韩|好的",
        start=START,
    ).actions
    mine = owned_by(got, "小韩")
    assert len(mine) == 1 and mine[0].deadline == "2029-12-13 18:00"


def test_a_day_told_in_passing_does_not_take_over_the_event():
    texts = [
        ("各位团员，新年音乐会定在12月20日周四晚上7点半，在市文化馆音乐厅。", START),
        ("另外团里的年终聚餐是12月29日，地点再定。", START),
        ("@小周 演出前两天把演出服统一熨好", START),
    ]
    assert event_days(texts)[-1] == date(2029, 12, 20)
    # told plainly, the later day still wins the tie as before
    plain = [texts[0], ("团里的年终聚餐是12月29日，地点再定。", START), texts[2]]
    assert event_days(plain)[-1] == date(2029, 12, 29)


def test_an_update_is_an_event_counted_back_from():
    got = find_deadline("活动配置更新前一天晚上8点前提交", START, event=date(2029, 12, 13))
    assert got is not None and got.iso == "2029-12-12 20:00"

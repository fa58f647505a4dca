"""Round 51, d17b51 (issue 17): short replies read with the thread they belong to — a follow-up question that takes up
a word of the group's last message, and a short social question ("几点出发？") that keeps the thread open for its
answer — and a member saying they have read or done one of the group's own papers (公告, 讲义, 排班表). Group and messages
written for these tests (a Hangzhou rowing club)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict, offtopic
from copilot.moderation.pipeline import THREAD_SECONDS, _follow_up_words

ROWING = """
name: 滨江赛艇俱乐部
positioning: 滨江赛艇爱好者约周末晨划，交流划桨技术、测功仪训练和比赛经验，队员可以转让自己的桨和划船服
topics: [赛艇, 划桨, 测功仪, 晨划, 桨频, 艇库, 比赛, 训练]
audience: 杭州的赛艇爱好者
events:
  - {title: 周日晨划, kind: 线下活动, cadence: 每周日, time: "06:30", place: 滨江艇库, host: 老周}
"""

T0 = 1_767_225_600.0
SHARED = "我把最近两个月的测功仪间歇方案整理好了"
FOLLOW_UP = "这个方案是哪里来的"
CARPOOL = ["周日晨划有人从城西开车过去吗？", "我从城西走，能带两个人"]
ANSWER = "六点一刻吧，门口见"  # read alone the chatter model leans to chatter (0.71, d17e53)


def _thread(moderator: Moderator, texts: list[str], gap: float = 60.0) -> list[Verdict]:
    """The texts posted one after another in one group by different members, ``gap`` seconds apart."""
    return [moderator.moderate({"id": f"t{i}", "user": f"u{i}", "group": "g1", "text": t, "ts": T0 + gap * i})
            for i, t in enumerate(texts)]


def test_a_follow_up_question_alone_reads_as_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    assert _thread(profile_moderator(ROWING), [FOLLOW_UP])[0].label == "off_topic"


def test_a_follow_up_question_taking_up_a_shared_word_is_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    shared, follow = _thread(profile_moderator(ROWING), [SHARED, FOLLOW_UP])
    assert shared.label == "ok"
    assert follow.label == "ok", follow.reason
    assert follow.checks["offtopic"]["follow_up"] == ["方案"]


def test_a_follow_up_needs_a_word_of_the_last_message_and_a_live_thread(
        profile_moderator: Callable[[str], Moderator]) -> None:
    # an on-topic line before it that shares no word is not what it asks about; nor is a message long ago
    assert _thread(profile_moderator(ROWING), ["今天艇库门口停满了车", FOLLOW_UP])[1].label == "off_topic"
    late = _thread(profile_moderator(ROWING), [SHARED, FOLLOW_UP], gap=THREAD_SECONDS + 60)[1]
    assert late.label == "off_topic"


def test_chatter_taking_up_a_shared_word_is_still_off_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _thread(profile_moderator(ROWING), [SHARED, "方案不错，周末去看电影吗？"])[1]
    assert v.label == "off_topic"


def test_a_statement_taking_up_a_shared_word_is_no_follow_up_question(
        profile_moderator: Callable[[str], Moderator]) -> None:
    # it asks nothing: the follow-up rule does not clear it (the chatter model still weighs it)
    v = _thread(profile_moderator(ROWING), [SHARED, "方案我也整理过，就是懒得发"])[1]
    assert "follow_up" not in (v.checks.get("offtopic") or {})


def test_follow_up_words_leave_out_numbers_times_and_pronouns() -> None:
    assert _follow_up_words("周六划了两次方案") == frozenset({"方案"})
    assert "哪里" not in _follow_up_words(FOLLOW_UP)
    assert _follow_up_words("嗯嗯好的") == frozenset()


def test_a_short_social_question_keeps_the_thread_open_for_its_answer(
        profile_moderator: Callable[[str], Moderator]) -> None:
    *_, question, answer = _thread(profile_moderator(ROWING), [*CARPOOL, "好呀，几点出发？", ANSWER])
    assert question.label == "ok"
    assert answer.label == "ok", answer.reason
    assert answer.checks["offtopic"]["thread_reply"] is True


def test_without_the_question_the_same_answer_is_not_cleared(profile_moderator: Callable[[str], Moderator]) -> None:
    # the carpool offer asks nothing: the time given after it answers no question of the thread
    assert _thread(profile_moderator(ROWING), [*CARPOOL, ANSWER])[2].label == "off_topic"


def test_a_social_question_outside_any_thread_opens_none(profile_moderator: Callable[[str], Moderator]) -> None:
    assert _thread(profile_moderator(ROWING), ["好呀，几点出发？", ANSWER])[1].label == "off_topic"


# --- a member saying they have read, kept or done one of the group's own papers (relevance.yaml group_papers) ---

PAPERS = ["排班表我填好了", "看到明细了，谢谢老周", "講義我掃好了，放在記事本"]


def _alone(moderator: Moderator, text: str) -> Verdict:
    return moderator.moderate({"id": "p", "user": "u1", "group": "g1", "text": text, "ts": T0})


def test_done_with_the_group_s_papers_is_its_business(profile_moderator: Callable[[str], Moderator]) -> None:
    for text in PAPERS:
        v = _alone(profile_moderator(ROWING), text)
        assert v.label == "ok", (text, v.reason)
        assert v.checks["offtopic"]["about_group"] is True
        assert v.checks["offtopic"]["relevant"], text


def test_without_the_papers_rule_the_same_lines_read_as_chatter(
        profile_moderator: Callable[[str], Moderator], monkeypatch: pytest.MonkeyPatch) -> None:
    # the premise: the chatter model alone sends them to review
    monkeypatch.setattr(offtopic, "group_papers", lambda compact: [])
    for text in PAPERS:
        assert _alone(profile_moderator(ROWING), text).label == "off_topic", text


def test_a_chatter_word_beside_the_papers_is_still_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    assert _alone(profile_moderator(ROWING), "公告看到了，今晚谁去吃火锅").label == "off_topic"


def test_group_papers_needs_a_paper_a_doing_and_a_short_message() -> None:
    assert offtopic.group_papers("名单我核对过了") == ["名单"]
    assert offtopic.group_papers("名单好长") == []  # no doing
    assert offtopic.group_papers("我看完了") == []  # no paper
    assert offtopic.group_papers("公告看到了" + "然后" * 10) == []  # long: weighed on what else it says


# --- who the members are (上班族 in the audience) says nothing of what a message is about (lexicons.yaml who_words) ---

ROWING_WORKERS = ROWING.replace("杭州的赛艇爱好者", "杭州的赛艇爱好者，多是上班族")
LUNCH_PINGPONG = """
name: 上班午休乒乓球群
positioning: 园区里上班的人午休时约打乒乓球，交流球拍、胶皮和发球
topics: [乒乓球, 球拍, 胶皮, 发球, 午休, 上班]
audience: 园区的上班族
"""
WORK_DAY = ["昨晚熬夜看球，今天上班一直犯困", "今天上班又被领导骂了，烦死"]


def test_the_audience_s_work_does_not_tie_a_work_day_to_the_group(profile_moderator: Callable[[str], Moderator]) -> None:
    for text in WORK_DAY:
        v = _alone(profile_moderator(ROWING_WORKERS), text)
        assert v.label == "off_topic", (text, v.reason)
        assert "上班" not in v.checks["offtopic"]["relevant"]


def test_a_group_whose_topics_name_work_still_owns_it(profile_moderator: Callable[[str], Moderator]) -> None:
    for text in WORK_DAY:
        assert _alone(profile_moderator(LUNCH_PINGPONG), text).label == "ok", text


# --- "好吃的" is chatter (lexicons.yaml chatter): the group's district beside it only says where the eating is ---

CANTEEN = """
name: 越秀长者饭堂志愿者
positioning: 越秀区长者饭堂的志愿者排班、帮厨、给行动不便的老人送饭，通报每周菜单和物资
topics: [志愿者, 长者饭堂, 排班, 帮厨, 送饭, 菜单, 物资, 独居老人]
audience: 越秀区的志愿者
type: 其他
events:
  - {title: 周五帮厨, kind: 线下活动, cadence: 每周五, time: "10:00", place: 越秀长者饭堂, host: 何姨}
"""


def test_where_to_eat_in_the_group_s_district_is_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    for text in ["越秀哪里有好吃的云吞面？推荐一下", "越秀那边有什么好吃的早茶"]:
        v = _alone(profile_moderator(CANTEEN), text)
        assert v.label == "off_topic", (text, v.reason)


def test_the_group_s_own_cooking_said_to_be_tasty_stays_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    assert _alone(profile_moderator(CANTEEN), "周五帮厨做的菜老人说很好吃的").label == "ok"


# --- money chatter (lexicons.yaml chatter: 股市, 抄底, 金价, 割肉…) in a group whose subject is not money ---

FUND = """
name: 基民定投交流群
positioning: 基金定投的朋友交流定投策略、股市行情、仓位和止盈，不荐股、不带单
topics: [基金, 定投, 股市, 仓位, 止盈, 抄底, 牛市, 熊市, 指数基金]
audience: 做基金定投的上班族
"""
MONEY = ["这两天股市跌成这样，要不要抄底", "金价又涨了，早知道去年买黄金", "炒股亏麻了，割肉还是拿着"]


def test_money_chatter_names_its_chatter_words(profile_moderator: Callable[[str], Moderator]) -> None:
    for text in MONEY:
        v = _alone(profile_moderator(ROWING), text)
        assert v.label == "off_topic", text
        assert v.checks["offtopic"]["chatter"], text  # the reason says what the chatter is, not only the model's guess


def test_a_money_group_owns_its_market_talk(profile_moderator: Callable[[str], Moderator]) -> None:
    assert _alone(profile_moderator(FUND), MONEY[0]).label == "ok"

"""Round 44, d17a44 (issue 17): a positive sign that a member's contact belongs to the group. A message whose only ad
evidence is a way to reach its writer (a contact, 加我) is reviewed, not deleted, when it answers another member's
recent question and offers the contact only if the asker is still stuck, or when its writer has posted in the group
before (not only a greeting). A newcomer, the asker answering themself, a seller's price or a link get no such credit.
Groups and messages written for these tests (a film darkroom club, a neighbourhood basketball team)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from copilot.config import Settings
from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import REMOVED, Action, Label
from copilot.profile import parse_profile_text

DARKROOM = """
name: 城西胶片暗房小组
positioning: 城西喜欢胶片的朋友交流冲洗、放大和扫描，每月在共享暗房一起冲卷
topics: [胶片, 冲洗, 显影, 定影, 放大机, 相纸, 扫描, 暗房, 黑白]
audience: 城西的胶片爱好者
"""

HOOPS = """
name: 南苑街道业余篮球队
positioning: 南苑街道的上班族每周四晚上在街道体育馆打球，交流投篮、防守和护膝，偶尔约周边街道打友谊赛
topics: [篮球, 投篮, 运球, 防守, 护膝, 球鞋, 友谊赛, 体育馆]
audience: 南苑街道喜欢打球的上班族
"""

T0 = 1_767_225_600.0
QUESTION = "自己冲黑白卷，显影出来底片发灰是什么原因？"
ANSWER = "多半是显影液放久了失效，或者温度太低，换新药试试，还不行加我微信 anlan_film 我看看你的底片"


def _chat(mod: Moderator, lines: list[tuple[str, str]]) -> list[Verdict]:
    """The lines posted a minute apart, in order."""
    return [mod.moderate({"id": f"m{i}", "user": user, "text": text, "ts": T0 + 60 * i})
            for i, (user, text) in enumerate(lines)]


def test_an_answer_that_offers_help_if_still_stuck_is_not_deleted(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(DARKROOM), [("小周", QUESTION), ("阿岚", ANSWER)])[-1]
    assert v.action not in REMOVED, v.reason
    assert v.action == Action.REVIEW
    assert "回答群友刚才的提问" in v.reason
    assert set(v.checks["belongs"]["answers"]) >= {"显", "影"}


def test_the_same_answer_with_no_question_before_it_is_deleted(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(DARKROOM), [("阿岚", ANSWER)])[-1]
    assert v.label == "ad"
    assert v.action in REMOVED
    assert "belongs" not in v.checks


def test_an_answer_to_a_question_on_something_else_gets_no_credit(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(DARKROOM), [("小周", "周末有人去江边拍日落吗？"), ("阿岚", ANSWER)])[-1]
    assert v.action in REMOVED, v.reason


def test_an_answer_long_after_the_question_gets_no_credit(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(DARKROOM)
    mod.moderate({"id": "q", "user": "小周", "text": QUESTION, "ts": T0})
    v = mod.moderate({"id": "a", "user": "阿岚", "text": ANSWER, "ts": T0 + 3600})
    assert v.action in REMOVED, v.reason


def test_a_seller_answering_with_a_price_is_still_deleted(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(DARKROOM), [
        ("小周", QUESTION),
        ("卖药水", "显影液失效了，我店里进口D76显影粉一包35，还不行加我微信 d76_shop 下单")])[-1]
    assert v.label == "ad"
    assert v.action in REMOVED, v.reason


def test_a_question_that_invites_is_no_question_to_answer(profile_moderator: Callable[[str], Moderator]) -> None:
    """"想去的私我" makes the question an invitation: a contact after it is not answering it."""
    v = _chat(profile_moderator(DARKROOM), [
        ("小周", "显影液放久了会失效吗？想拼一桶新药的私我"),
        ("阿岚", "显影液放久了会失效，还不行加我微信 anlan_film 我看看你的底片")])[-1]
    assert "answers" not in (v.checks.get("belongs") or {}), v.reason


def test_a_member_who_posted_before_is_reviewed_a_stranger_deleted(
        profile_moderator: Callable[[str], Moderator]) -> None:
    offer = "周四打完球有事的加我微信 nanyuan_23"
    before = [("阿伟", "上周四那场防守太松了，下次得多练联防"), ("阿伟", "新买的护膝打了两场还不错，就是有点热")]
    member = _chat(profile_moderator(HOOPS), [*before, ("阿伟", offer)])[-1]
    once = _chat(profile_moderator(HOOPS), [before[0], ("阿伟", offer)])[-1]
    stranger = _chat(profile_moderator(HOOPS), [*before, ("路人", offer)])[-1]
    # round 60 (d17a60): the member's contact offers nothing for money (offer.yaml), so it is not labelled an ad at all —
    # still shown to a person; the stranger's same line stays an ad, deleted
    assert member.label == "ok" and stranger.label == "ad"
    assert member.action == Action.REVIEW, member.reason
    assert member.checks["belongs"]["record"] == 2 and member.checks["belongs"]["nothing_sold"]
    assert once.action in REMOVED, once.reason  # one message is no record yet (relevance.yaml member_record)
    assert stranger.action in REMOVED, stranger.reason


def test_a_greeting_earns_no_record(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(HOOPS), [("路人", "大家好"), ("路人", "周四打完球有事的加我微信 nanyuan_23")])[-1]
    assert v.action in REMOVED, v.reason


def test_a_new_member_answering_gets_no_credit(tmp_path: Path) -> None:
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), parse_profile_text(DARKROOM), group="g1")
    assert mod.audit is not None
    now = time.time()
    mod.audit.record_join("g1", "新来的", now - 300)
    mod.moderate({"id": "q", "user": "小周", "text": QUESTION, "ts": now - 60})
    v = mod.moderate({"id": "a", "user": "新来的", "text": ANSWER, "ts": now})
    assert v.checks["trust"]["new_member"]
    assert v.action in REMOVED, v.reason
    assert "belongs" not in v.checks


def test_an_answer_right_after_the_question_needs_no_stuck_wording(
        profile_moderator: Callable[[str], Moderator]) -> None:
    answer = "显影液放久了会失效，底片发灰多半是这个，我整理了一份配药表，加我微信 anlan_film 问我"
    v = _chat(profile_moderator(DARKROOM), [("小周", QUESTION), ("阿岚", answer)])[-1]
    assert v.action == Action.REVIEW, v.reason
    assert v.checks["belongs"]["answers"]
    # round 55 (d17a55): offering to hand the table over (…加我微信 发你) is the writer delivering, no ad at all
    handed = _chat(profile_moderator(DARKROOM), [("小周", QUESTION), ("阿岚", answer.replace("问我", "发你"))])[-1]
    assert handed.label == Label.OK and handed.checks["belongs"]["hand_over"], handed.reason


def test_the_same_answer_after_someone_else_spoke_is_deleted(profile_moderator: Callable[[str], Moderator]) -> None:
    """Without the stuck wording, only the message right after the question answers it. (Round 55: the answer ends in
    问我, not 发你 — a contact given to hand the table over is no ad wherever it comes, lexicons.yaml hand_over.)"""
    answer = "显影液放久了会失效，底片发灰多半是这个，我整理了一份配药表，加我微信 anlan_film 问我"
    v = _chat(profile_moderator(DARKROOM), [("小周", QUESTION), ("老葛", "我上周刚冲完一卷伊尔福，颗粒挺细"),
                                            ("阿岚", answer)])[-1]
    assert v.action in REMOVED, v.reason

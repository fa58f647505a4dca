"""The policy safeguard (one weak layer never acts), off-topic by relevance, permissions by meaning."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation.evidence import corroboration
from copilot.moderation.normalise import normalise
from copilot.moderation.permissions import granted, offered
from copilot.moderation.pipeline import Moderator
from copilot.moderation.signals import banned_list, detect, unspoken
from copilot.profile import parse_profile_text

T0 = 1_767_225_600.0

KNIT = parse_profile_text("""
name: 毛线团编织交流群
positioning: 棒针和钩针爱好者交流针法、配色和毛线，晒作品，周六下午在图书馆二楼有编织茶话会；禁止代购和微商
topics: [编织, 棒针, 钩针, 毛线, 针法, 配色, 围巾, 毛衣]
banned: [代购, 微商]
events:
  - {title: 编织茶话会, kind: 活动, cadence: 每周六, time: "14:00-16:00", place: 市图书馆二楼}
""")
HOUSE = parse_profile_text("""
name: 桂园小区邻里群
positioning: 桂园小区住户交流物业、停车和邻里互助，业主直租可以发，严禁中介和装修公司广告
topics: [物业, 停车, 快递, 维修, 邻里]
banned: [中介]
""")


HOUSE_BANNED = banned_list(HOUSE.banned)


def _mod(profile, tmp_path: Path | None = None) -> Moderator:  # type: ignore[no-untyped-def]
    return Moderator(Settings(llm_provider="offline", data_dir=tmp_path or Path("/nonexistent")), profile, audit=None)


_say = partial(say, t0=T0, with_id=False)  # by m<n> unless a user is named


# -- 1. one weak layer never acts -------------------------------------------------------------
def test_a_real_ad_is_still_deleted_and_says_which_layers_agree() -> None:
    v = _say(_mod(KNIT), "新到的日本毛线，代购价85一团，加我微信 knit_0815 下单")
    assert v.label == "ad" and v.action == "delete"
    assert v.checks["evidence"]["enough"] and v.checks["evidence"]["count"] >= 2
    assert "依据：" in v.reason and "联系方式" in v.reason


def test_a_phone_number_alone_is_only_reviewed() -> None:
    # a member telling the group how to reach them at a door: one layer (a contact)
    v = _say(_mod(KNIT), "我手机13912345678，到了门口打我")
    assert v.label == "ad" and v.action == "review"
    assert v.checks["evidence"]["held"] and "只有一项依据（联系方式）" in v.reason
    # … at the group's own meet-up (茶话会 of the profile's 编织茶话会): the organiser's or a member's contact for the day
    v = _say(_mod(KNIT), "我手机13912345678，茶话会到了门口打我", n=1)
    assert v.label == "ok" and "茶话会" in v.reason


def test_a_banned_word_in_a_disclaimer_is_no_evidence() -> None:
    v = _say(_mod(KNIT), "我朋友在东京，不过她不做代购，只是顺路帮我带了两团毛线")
    assert v.label == "ok" and v.action == "none"


def test_one_word_found_by_two_lexicons_is_one_layer() -> None:
    checks = {"signals": [
        {"name": "ad_words", "label": "ad", "items": ["代购"]},
        {"name": "banned", "label": "ad", "items": ["代购"]},
    ], "classifier": {"ad_prob": 0.2, "model": "shared"}}
    ev = corroboration("ad", checks)
    assert ev["count"] == 1 and not ev["enough"]
    checks["signals"].append({"name": "contact", "label": "ad", "items": ["微信号 knit_0815"]})
    assert corroboration("ad", checks)["enough"]


def test_an_insult_word_alone_is_not_acted_on_but_an_attack_is() -> None:
    mod = _mod(KNIT)
    critique = _say(mod, "这围巾配色真垃圾", n=1)
    assert critique.action in ("none", "review")
    attack = _say(mod, "你织的什么玩意，丑死了，你就是个废物", n=2)
    assert attack.label == "abuse" and attack.action == "warn"
    assert {"辱骂用语", "针对某人"} <= set(attack.checks["evidence"]["layers"].values())


def test_flood_is_decisive_alone() -> None:
    checks = {"signals": [], "flood": {"hit": True}}
    assert corroboration("spam", checks)["enough"]


def test_ok_verdicts_have_no_evidence_block() -> None:
    v = _say(_mod(KNIT), "今天学会了双罗纹起针，边缘终于不卷了")
    assert v.label == "ok" and "evidence" not in v.checks


# -- 2. off-topic: thread context, questions about the group ----------------------------------
def test_a_daily_life_question_the_chatter_model_knows_is_off_topic_and_reminded() -> None:
    v = _say(_mod(KNIT), "谁知道附近哪家修电脑靠谱，笔记本突然黑屏了，里面还有作业")
    assert v.label == "off_topic", v.reason
    assert v.action in ("remind", "review")
    assert "闲聊模型" in v.reason or v.action == "review"


@pytest.mark.parametrize("text", [
    "周六要是下雨，茶话会还在图书馆吗？",
    "钩针起针总是太紧，有什么办法吗",
    "这款毛线卖家要68一团，这价合理吗",
])
def test_questions_about_the_group_stay_ok(text: str) -> None:
    v = _say(_mod(KNIT), text)
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("text", ["好的", "哈哈哈", "收到", "+1"])
def test_short_reactions_stay_ok(text: str) -> None:
    assert _say(_mod(KNIT), text).label == "ok"


# -- 3. permissions by meaning ----------------------------------------------------------------
def test_allowance_phrases_map_to_categories_and_negations_grant_nothing() -> None:
    assert "rent_out" in granted("小区住户交流，业主直租可以发")
    assert "resale" in granted("本群允许自用闲置转让")
    assert "jobs" in granted("同行可以发征稿和约稿信息")
    assert granted("禁止出租和转租信息，禁止闲置转让") == frozenset()
    assert granted("") == frozenset()


@pytest.mark.parametrize("text", [
    "房子空出来了想租出去，两室朝南，不要中介费，有意私信我",
    "转租一间主卧，押一付一，有意私聊",
    "中介勿扰，自家三楼一室户出租，2800一个月",
])
def test_a_members_rental_is_ok_where_the_profile_allows_direct_letting(text: str) -> None:
    v = _say(_mod(HOUSE), text)
    assert v.label == "ok", v.reason
    assert offered(normalise(text).compact, granted(HOUSE.positioning)) is not None


def test_an_agents_listing_is_still_an_ad_where_direct_letting_is_allowed() -> None:
    v = _say(_mod(HOUSE), "专业中介，桂园在售房源多套，看房电话13800001111")
    assert v.label == "ad" and v.action == "delete"


def test_no_agent_fee_is_not_a_business_word() -> None:
    assert "business" not in detect(normalise("两室一厅，不要中介费，押一付一")).names("ad")
    assert "banned" not in detect(normalise("中介勿扰，押一付一"), banned=HOUSE_BANNED).names("ad")
    agent = detect(normalise("中介带看，押一付一，房源多"), banned=HOUSE_BANNED).names("ad")
    assert "banned" in agent


@pytest.mark.parametrize("text", ["", "　", "租" * 5000, "\ufffd\ufffd出租\x00"])
def test_bad_inputs_never_raise(text: str) -> None:
    v = _say(_mod(HOUSE), text)
    assert v.label in ("ok", "ad", "spam", "abuse", "off_topic")


def test_words_quoted_from_someone_else_are_no_layer_but_a_quoted_name_is() -> None:
    said = {"signals": [{"name": "ad_words", "label": "ad", "items": ["刷单"]},
                        {"name": "promo_words", "label": "ad", "items": ["日结"]}],
            "classifier": {"ad_prob": 0.95, "model": "shared"}}
    own = "有人私信我说 ，我直接拉黑了"  # the writer's own words once 说"刷单日结" is cut out
    assert corroboration("ad", said, own_words=own)["count"] == 1
    assert corroboration("ad", said, own_words=None)["count"] == 2  # two pitch words are one layer


def test_unspoken_cuts_reported_speech_only() -> None:
    assert "卖狗屎" not in unspoken(normalise('昨晚有人骂我"卖狗屎的"，大家小心').folded)
    assert "引流神器" in unspoken(normalise('我这有"同城引流神器"，v：abc888').folded)


def test_a_word_inside_a_longer_word_already_counted_is_the_same_evidence() -> None:
    # 联系 (pitch words) inside 联系我 (an invitation to reach the sender): one piece of evidence
    checks = {"signals": [
        {"name": "invite", "label": "ad", "items": ["联系我"]},
        {"name": "promo_words", "label": "ad", "items": ["联系"]},
    ], "classifier": {"ad_prob": 0.1, "model": "shared"}}
    ev = corroboration("ad", checks)
    assert ev["count"] == 1 and not ev["enough"]


@pytest.mark.parametrize("text", [
    "寻猫！昨晚在4栋楼道跑丢一只三花，左耳有缺口，有看到的邻居请联系我 13912345678，必有重谢",
    "今天在南门捡到一个黑色钱包，里面有身份证，失主请联系 15011112222 来认领",
])
def test_a_lost_or_found_notice_with_a_phone_number_is_never_deleted(text: str) -> None:
    v = _say(_mod(HOUSE), text)
    assert v.action in ("none", "review"), v.reason


def test_a_pet_boarding_pitch_dressed_with_a_phone_number_is_still_deleted() -> None:
    v = _say(_mod(HOUSE), "专业上门喂猫遛狗，价格实惠，节假日不加价，联系我13800001234")
    assert v.label == "ad" and v.action == "delete"

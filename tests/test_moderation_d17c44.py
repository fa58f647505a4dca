"""Round 44, d17c44 (issue 17, QA qa17r28): a craft's own 仿 words are no counterfeit (仿的 / 复刻款 count only beside the
original they copy), Cantonese and Taiwanese insults and put-downs of a people by its place are abuse with their own
reason (never "chatter"), reasons quote the words that decided (你個仆街, not 你個; no 进群 of a newcomer's 刚进群), a
Cantonese red-packet plea and chain letter are spam, and a warning in Cantonese against the banned act is none. Groups
and messages written for these tests (a Nantong blue-calico dyers' group, a Sham Shui Po film-camera repair group, a
Tainan clay-miniature group)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import Label
from copilot.moderation.normalise import normalise
from copilot.moderation.offtopic import apologises
from copilot.moderation.pipeline import _rule_talk_not_chatter
from copilot.moderation.signals import detect, group_slur, in_mandarin

DYE = """
name: 南通蓝印花布手作群
positioning: 做蓝印花布、扎染和仿古刻版的手作人交流刻版、刮浆、染色和晒布
topics: [蓝印花布, 扎染, 刻版, 刮浆, 染色, 靛蓝, 仿古纹样, 晒布]
audience: 喜欢传统染织的手作人
platform: wechat
banned: [卖高仿大牌围巾]
"""

CAMERA = """
name: 深水埗菲林相機維修群
positioning: 香港嘅菲林相機玩家交流維修、換皮、校快門同埋沖曬心得
topics: [菲林, 相機, 維修, 換皮, 快門, 沖曬, 鏡頭, 測光]
audience: 香港嘅菲林相機玩家
platform: whatsapp
script: zh-Hant
banned: [炒價, 賣翻新當全新]
"""

CLAY = """
name: 台南黏土微縮同好
positioning: 做黏土微縮食物和娃屋小物的台南手作人交流上色、翻模自己作品和擺攤心得
topics: [黏土, 微縮, 娃屋, 上色, 擺攤, 樹脂, 仿真]
audience: 台南的黏土手作人
platform: line
script: zh-Hant
"""


def _one(moderator: Moderator, text: str, user: str = "u1") -> Verdict:
    return moderator.moderate({"id": "m1", "user": user, "text": text})


def _signals(text: str) -> dict[str, str]:
    return {s.name: s.detail for s in detect(normalise(text)).signals}


@pytest.mark.parametrize("text", [
    "这块是仿的明代纹样，自己刻的版，刮浆染了三遍，喜欢的话私聊我",
    "复刻款的老花布包袋，照着外婆留下的那块布刻的，想要的姐妹成本价拿",
])
def test_a_craft_copy_word_without_an_original_is_no_counterfeit(profile_moderator: Callable[[str], Moderator],
                                                                 text: str) -> None:
    v = _one(profile_moderator(DYE), text)
    assert "counterfeit_deal" not in _signals(text)
    assert v.action not in ("delete", "mute", "kick"), v.reason


def test_a_copy_of_a_named_original_is_still_counterfeit(profile_moderator: Callable[[str], Moderator]) -> None:
    text = "仿的爱马仕丝巾，和专柜正品看不出区别，一条只要两百，要的私我"
    assert "仿的" in _signals(text)["counterfeit_deal"]
    v = _one(profile_moderator(DYE), text, user="s1")
    assert v.label == "ad" and v.action == "delete", v.reason


@pytest.mark.parametrize("text, word", [
    ("你老母，又話幫我換皮又唔做", "你老母"),
    ("食屎啦你，快門都唔識校", "食屎"),
    ("你係咪低能，講咗三次測光點用", "低能"),
    ("廢青一個，日日喺度問啲蠢嘢", "废青"),
])
def test_cantonese_insults_are_abuse_and_quoted(profile_moderator: Callable[[str], Moderator], text: str,
                                                word: str) -> None:
    v = _one(profile_moderator(CAMERA), text, user="a1")
    assert v.label == "abuse", v.reason
    assert v.action in ("warn", "delete", "mute"), v.reason
    assert word in normalise(v.reason).folded, v.reason  # quoted as written (Traditional), folded here


def test_an_insult_after_you_is_quoted_whole() -> None:
    detail = _signals("你個仆街，部相機我借咗俾你就冇還")["insult"]
    assert "你个仆街" in detail


def test_low_energy_is_no_insult() -> None:
    assert "insult" not in _signals("呢部相機用嘅係低能耗LED測光，電池用得耐")


@pytest.mark.parametrize("text", [
    "內地仔懂什麼菲林，玩手機就夠啦",
    "台南人都是這副德性，借東西從來不還",
    "香港仔唔好嚟我哋群搞事",
])
def test_a_put_down_of_a_people_by_its_place_is_a_slur(text: str) -> None:
    assert group_slur().search(in_mandarin(normalise(text).folded)), text


@pytest.mark.parametrize("text", [
    "香港人都是这样过年的，年三十去花市",
    "有冇人懂什麼牌子嘅海綿啱換皮？",
    "台灣人很愛吃滷味，擺攤做滷味微縮很好賣",
])
def test_talk_about_a_people_is_no_slur(text: str) -> None:
    assert not group_slur().search(in_mandarin(normalise(text).folded)), text


def test_a_slur_on_a_people_is_never_filed_as_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(CLAY), "大陸人懂什麼微縮，回去做你的山寨啦", user="a2")
    assert v.label == "abuse", v.reason
    assert "閒聊" not in v.reason and "闲聊" not in v.reason


def test_a_newcomer_s_greeting_is_not_a_pull_into_a_group() -> None:
    assert _signals("刚进群，我是做扎染的，手工定制，优惠价，私聊我")["promo_words"] == "推销类用语：优惠"
    assert "进群" in _signals("想进群的私聊我，优惠多多")["promo_words"]


def test_a_cantonese_red_packet_plea_is_spam(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(CAMERA), "師傅派個利是啦🧧，過年大家開心下")
    assert v.label == "spam", v.reason
    assert "packet_demand" not in _signals("今年公司冇派利是，慘過無糧")
    assert "packet_demand" in _signals("老細發個紅包啦🧧🧧🧧")
    assert "packet_demand" not in _signals("老細話年尾會俾大家發個紅包")


def test_a_cantonese_chain_letter_is_spam(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(CAMERA), "轉發呢個相機之神，一個禮拜內執到平機，唔轉衰足三年", user="c1")
    assert v.label == "spam", v.reason
    assert "chain_letter" not in _signals("轉發呢條片俾你睇下，教點樣校快門")


def test_a_cantonese_warning_against_the_banned_act_is_no_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(CAMERA), "炒價嘅限量機身大家唔好買住，等返貨先")
    assert v.action in ("none", "review"), v.reason
    assert "炒價" not in v.reason, v.reason  # the banned act is warned against, not done
    v = _one(profile_moderator(CAMERA), "限量機身炒價出，三千五一部，PM我", user="s2")
    assert v.label == "ad", v.reason


def test_a_cantonese_put_down_the_model_is_sure_of_is_reviewed_as_abuse_not_chatter(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(CAMERA), "你咪再喺度扮晒專家啦，睇見你就嬲", user="a3")
    assert v.label == "abuse" and v.action == "review", v.reason
    assert "閒聊跑題" not in v.reason and "辱罵模型" in v.reason, v.reason


def test_mandarin_gossip_the_model_misreads_stays_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(DYE), "这周股票又跌成狗了，你们还拿着吗")
    assert v.label != "abuse", v.reason



@pytest.mark.parametrize("text, chatter", [
    ("说一声，群外有人推销高仿大牌丝巾，别买，群规不允许", False),
    ("说一声，周末去看了个展，挺好看的，推荐", True),
])
def test_rule_talk_about_ad_words_is_not_chatter(text: str, chatter: bool) -> None:
    rep = detect(normalise(text))
    scores = {label: 0.0 for label in Label}
    scores[Label.OFF_TOPIC] = 0.65  # the off-topic layer's unsure guess (review)
    checks: dict[str, Any] = {"rule_notice": True, "offtopic": {}}
    _rule_talk_not_chatter(rep, scores, checks)
    assert (scores[Label.OFF_TOPIC] > 0) is chatter


def test_a_bare_address_is_quoted_with_the_name_it_leads_to() -> None:
    assert _signals("你個衰人，借咗我部機又唔還")["rude"] == "粗鲁用语：你个衰人"
    assert _signals("你很87欸，講都講不聽")["insult"] == "辱骂/人身攻击：你很87"
    assert "insult" not in _signals("我家老相機是87年買的")


@pytest.mark.parametrize("text", [
    "刚才我语气不好，跟大家说声抱歉",
    "我上次講錯咗，快門線唔係呢個型號，sorry",
])
def test_an_apology_to_the_group_is_not_chatter(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    assert apologises(normalise(text).compact)
    v = _one(profile_moderator(CAMERA), text)
    assert v.label == "ok", v.reason


def test_a_polite_opener_is_no_apology() -> None:
    assert not apologises(normalise("不好意思问一下，护照去哪里办").compact)

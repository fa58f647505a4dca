"""Round 43, d17a43 (issue 17): ad precision on groups nobody tuned on. What the profile allows decides whether an offer
with only 私我 is a member's, before the classifier: a member's own used thing where members pass things on, or what
they made themselves given free, is ok unless a seller's sign is there (stock, many items, a dealer's or clearance word,
urgency; lexicons.yaml resale.seller_sign) or the text is spaced out; a question whether a price is fair may name the
service priced. Groups and messages written for these tests (a lens swap group, a tai chi class, a shared-allotment
group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

LENSES = """
name: 苏州摄影镜头交流群
positioning: 苏州的摄影爱好者交流镜头、对焦和后期，群友之间可以转让自己用过的镜头和配件
topics: [镜头, 定焦, 变焦, 对焦, 光圈, 后期, 滤镜, 转接环, 闲置镜头]
audience: 苏州的摄影爱好者
type: 兴趣型
"""

TAICHI = """
name: 公园太极晨练群
positioning: 每天早上在人民公园练太极的街坊交流拳架、推手和养生，通知晨练时间
topics: [太极, 拳架, 推手, 站桩, 晨练, 二十四式, 太极扇]
audience: 附近练太极的中老年街坊
type: 兴趣型
"""


@pytest.mark.parametrize("text", [
    "出一支自己用咗两年嘅腾龙28-75，1800，有意私我",    # the sender's own use said in Cantonese
    "出一块自己戴咗五年嘅尼康FM2，3500，有意私我",
])
def test_a_members_own_used_thing_said_in_cantonese_is_theirs_where_trade_is_allowed(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(LENSES, text)
    assert v.label == "ok", v.reason
    assert v.action == "none"


def test_a_members_own_notes_given_free_with_si_wo_are_sharing(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TAICHI, "我自己整理的陈式56式拳架要点，要的私我发你，免费")
    assert v.label == "ok", v.reason
    assert v.checks["member_offer"] == "free"
    assert "免费分享" in v.reason


@pytest.mark.parametrize("text", [
    "我自己整理的陈式56式拳架全套资料，要的私我发你，免费",       # a whole set: what bait offers
    "我自己整理的陈式56式拳架要点，最后几份，要的私我发你，免费",   # urgency
])
def test_a_sellers_sign_keeps_free_notes_a_persons_call(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(TAICHI, text)
    assert not v.checks.get("member_offer"), v.reason
    assert v.label == "ad", v.reason


def test_the_same_free_notes_spaced_out_are_not_taken_as_a_members(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TAICHI, "我 自 己 整 理 的 陈 式 56 式 拳 架 要 点 ， 要 的 私 我 发 你 ， 免 费")
    assert not v.checks.get("member_offer"), v.reason


def test_where_trade_is_not_in_the_profile_a_used_thing_is_not_waved_through(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TAICHI, "出一把自己用咗两年嘅太极剑，有意私我")
    assert v.checks.get("member_offer") != "trade", v.reason


def test_a_question_whether_a_price_is_fair_may_name_the_service(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TAICHI, "外面一对一太极私教课一节260块，这价合理吗？")
    assert v.label == "ok", v.reason
    assert v.checks.get("question")


def test_a_service_with_its_price_said_without_asking_is_still_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(TAICHI, "一对一太极私教课一节260块，欢迎咨询，名额有限")
    assert v.label == "ad", v.reason
    assert not v.checks.get("question")


@pytest.mark.parametrize("text", [
    "各 款 镜 头 清 仓 处 理 ， 要 的 扣 1",
    "遮 光 罩 最 后 几 个 ， 要 的 抓 紧",
])
def test_a_sellers_sign_spaced_apart_is_read_after_folding(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(LENSES, text)
    assert v.label == "ad", v.reason
    assert any(s["name"] == "evasion" and "未附联系方式" not in s["detail"] for s in v.checks["signals"]), v.checks["signals"]


def test_spacing_without_a_sellers_sign_stays_a_weak_signal(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(LENSES, "今 天 拍 的 晚 霞 ， 用 的 五 十 定 焦")
    assert v.label == "ok", v.reason

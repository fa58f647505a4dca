"""Round 84, d17b84 (issue 17, a fresh tester's false alarms and misses in four new groups). Each family with the real
violation of the same shape that must still be caught:

- a group of shop owners among themselves (its name or audience names 老板/店长: signals.peer_owners_group): 我们店 is
  every member's voice there, not a seller's form — an owner's handover to peers is not deleted; a company's pitch with
  a handle still is, and 我们店 stays a seller's word in a group of customers or hobbyists.
- what the chat app writes into a message in brackets ([红包], [撤回了一条消息]: patterns.yaml ``platform_marks``) is not
  the member's words: a red packet given is not 红包红包 (a plea), a recalled message alone is no chatter.
- a member's own produce said to be cheaper than the market (比市场便宜点) in a growers' market group: review at most.
- a banned item's close forms derived from its morphemes: 炒卖 → 炒价 beside a trade; 刷评论 → 代刷…五星评论.
- an account on a photo app in the shown name (卖模 IG: …) with 睇我名; IG follow 我 @account with a promo.
- money to claim at once through a link (申领入口 <link> 速领 过期作废): two layers, acted on.

Groups and messages written for these tests (evals/moderation/dev178.jsonl holds the same kinds in other words)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import ACTED, Label

SALON_OWNERS = """
name: 高雄美髮沙龍老闆交流群
positioning: 高雄美髮沙龍的老闆和店長交流染燙藥水、設備、排班、定價和勞健保；同業可以分享徵人和頂讓資訊
topics: [美髮, 染髮, 燙髮, 藥水, 設備, 排班, 定價]
audience: 高雄美髮沙龍的老闆和店長
type: 交流型
platform: line
script: zh-Hant
banned: [加盟招商, 刷評論]
"""

HIKING = """
name: 杭州周末徒步群
positioning: 杭州周边周末徒步，分享路线、装备和天气，新手有人带
topics: [徒步, 路线, 装备, 天气]
audience: 杭州喜欢徒步的上班族
type: 兴趣型
"""

CHOIR = """
name: 桂园社区老年合唱队
positioning: 桂园社区老年合唱队的队员交流练歌、排练通知和演出安排
topics: [合唱, 练歌, 排练, 声部, 演出]
audience: 退休的老同志
type: 学习型
"""

MUSHROOM = """
name: 庆元香菇种植户交流群
positioning: 庆元一带香菇、灵芝种植户交流菌棒、出菇管理、病害和菇价行情；允许成员转让自家的菌种和闲置的烘干机
topics: [香菇, 灵芝, 菌棒, 出菇, 病害, 菇价行情, 烘干]
audience: 庆元的菇农
type: 知识型
banned: [假菌种, 贷款]
"""

FIGURES_HK = """
name: 旺角模型玩具交流群
positioning: 香港模型玩具愛好者交流砌模、塗裝同新品資訊；允許成員轉讓自己嘅閒置模型
topics: [模型, 砌模, 塗裝, 新品, 限定]
audience: 香港模型愛好者
type: 兴趣型
platform: whatsapp
script: zh-Hant
banned: [炒賣, 翻版]
"""


def _signal(v: Verdict, name: str) -> dict | None:
    return next((s for s in v.checks.get("signals", []) if s["name"] == name), None)


def _say(profile_moderator: Callable[[str], Moderator], profile: str, text: str, nickname: str | None = None,
         n: list[int] = [0]) -> Verdict:  # noqa: B006 - a counter shared by the calls of one test run
    n[0] += 1
    return profile_moderator(profile).moderate({"id": f"b84-{n[0]}", "user": f"u84_{n[0]}", "text": text,
                                                "nickname": nickname, "ts": 1_767_225_600.0 + 60 * n[0]})


# ---- 1. an owners' group: 我们店 is a peer's voice

def test_an_owner_s_handover_to_peers_is_not_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SALON_OWNERS, "我們店下個月底收掉了 兩台烘髮機跟洗頭椅便宜讓給同業 有需要的私訊")
    assert v.action not in ACTED
    assert _signal(v, "seller_form") is None and _signal(v, "business") is None


def test_an_owner_talking_about_their_shop_is_not_a_seller(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SALON_OWNERS, "我們店這個月開始燙髮漲一百 客人反應還好 你們有調嗎")
    assert v.label != Label.AD


def test_a_company_pitch_with_a_handle_in_an_owners_group_is_still_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SALON_OWNERS, "我們店專門幫美髮沙龍拍作品照 一組3500 包修圖 加LINE salon_photo88")
    assert v.label == Label.AD and v.action in ACTED


def test_our_shop_stays_a_seller_s_word_outside_an_owners_group(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(HIKING, "我们店新到一批登山杖和冲锋衣 全场八折 加微信 hz_outdoor2024")
    assert v.label == Label.AD and v.action in ACTED
    assert _signal(v, "business") is not None or _signal(v, "seller_form") is not None


# ---- 2. the chat app's bracketed marks

def test_a_red_packet_given_is_no_plea_for_red_packets(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CHOIR, "谢谢各位爷爷奶奶照顾我外公 他让我替他发个红包 [红包]")
    assert v.label != Label.SPAM and v.action not in ACTED


def test_a_recalled_message_alone_is_no_chatter(judge: Callable[[str, str], Verdict]) -> None:
    assert judge(CHOIR, "[撤回了一条消息]").label == Label.OK


def test_a_real_plea_for_red_packets_is_still_spam(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CHOIR, "发红包发红包 队长快发 不发的都退群 [红包]")
    assert v.label == Label.SPAM


# ---- 3. own produce priced against the market

def test_own_produce_cheaper_than_the_market_is_reviewed_not_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(MUSHROOM, "我家自己烘的干香菇 今年收了二十来斤 有要的私我 比市场便宜点")
    assert v.action not in ACTED


def test_a_dealer_cheaper_than_the_market_is_still_acted_on(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(MUSHROOM, "各种规格干香菇批发 比市场便宜三成 量大从优 加微信 qy_xianggu888")
    assert v.label == Label.AD and v.action in ACTED


# ---- 4. banned items by their close forms

def test_a_speculator_s_price_is_the_banned_resale(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FIGURES_HK, "展會限定 金色版 炒價$980 仲有三盒 PM")
    assert v.label == Label.AD and v.action in ACTED
    assert _signal(v, "banned_deal") is not None


def test_members_complaining_of_speculators_are_not_selling(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FIGURES_HK, "今次限定又俾炒家掃晒 炒價炒到咁離譜 真係冇癮")
    assert v.label != Label.AD


def test_paid_reviews_with_words_between_are_the_banned_item(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SALON_OWNERS, "代刷Google地圖五星評論 一則25元 不掉評 私訊我")
    assert v.label == Label.AD and v.action in ACTED
    assert _signal(v, "banned") is not None


def test_asking_about_paid_reviews_is_no_offer(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SALON_OWNERS, "你們有遇過同業找人刷評論的嗎？被抓到會怎樣")
    assert v.action not in ACTED


# ---- 5. contacts in the shown name, and an account to follow

def test_a_photo_app_account_in_the_name_with_a_pointer_is_an_ad(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator, FIGURES_HK, "有現貨 睇我名", nickname="出模 IG: mk_toys_2288")
    assert v.label == Label.AD and v.action in ACTED


def test_a_photo_app_account_in_the_name_with_talk_is_left_alone(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator, FIGURES_HK, "我啱啱塗完隻紅色嗰隻 噴咗三層 你哋覺得點", nickname="阿樂 IG: lok_paints")
    assert v.label != Label.AD


def test_follow_me_at_an_account_with_a_promo_is_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FIGURES_HK, "IG follow 我 @mk.toys.deal 每日都有平貨 全部半價")
    assert v.label == Label.AD and v.action in ACTED


# ---- 6. a claim through a link, pushed with a deadline

def test_a_subsidy_link_to_claim_at_once_is_acted_on(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(MUSHROOM, "菇农烘干补贴领取入口 https://t.cn/B7kQ2m 速领 过期作废")
    assert v.label == Label.AD and v.action in ACTED
    assert _signal(v, "claim_link") is not None


def test_a_sign_up_link_with_its_closing_day_is_not_acted_on(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(HIKING, "周六九溪线报名表 https://jinshuju.net/f/Ab3x 周四晚上截止")
    assert v.action not in ACTED
    assert _signal(v, "claim_link") is None


# ---- 7. telling an advertiser off is the group's order, not abuse

def test_telling_an_advertiser_what_the_group_is_for_is_no_abuse(judge: Callable[[str, str], Verdict]) -> None:
    assert judge(FIGURES_HK, "呢個群唔係俾你賣嘢嘅 去第度賣啦").label != Label.ABUSE
    assert judge(MUSHROOM, "这个群不是给你打广告的 要卖去别的地方").label != Label.ABUSE


def test_an_insult_beside_the_telling_off_is_still_abuse(judge: Callable[[str, str], Verdict]) -> None:
    assert judge(MUSHROOM, "这个群不是给你这种废物打广告的 滚").label == Label.ABUSE


# ---- 9. reasons that say what was found

def test_an_app_name_spelled_apart_before_a_number_is_that_app_s_number(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FIGURES_HK, "W h a t s A p p 6 1 2 3 8 8 7 7 有現貨")
    assert v.label == Label.AD and v.action in ACTED
    contact = _signal(v, "contact")
    assert contact is not None and any("61238877" in i and "账号" not in i for i in contact["items"])
    assert not any("hatsapp" in i for i in contact["items"])


def test_a_name_with_a_pitch_and_no_contact_is_not_called_a_contact(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator, SALON_OWNERS, "有興趣的老闆私訊我", nickname="美髮加盟總部")
    layers = v.checks["evidence"]["layers"].values()
    assert "群名片或昵称里的推销用语" in layers and "群名片或昵称里的联系方式" not in layers


def test_cantonese_curse_counted_with_tiu_is_abuse(judge: Callable[[str, str], Verdict]) -> None:
    assert judge(FIGURES_HK, "你條仆街 再喺度亂講我搵你").label == Label.ABUSE
    assert judge(FIGURES_HK, "仆街 我隻模型又甩咗隻手").label != Label.ABUSE  # an exclamation at one's own luck

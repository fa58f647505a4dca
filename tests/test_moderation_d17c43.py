"""Round 43, d17c43 (issue 17): contacts on the messaging apps of Taiwan, Hong Kong and Malaysia (one list of apps in
patterns.yaml ``contact_apps``), their mobile numbers as contacts only beside a seller's sign, pulls into another group
named for its perks, and Cantonese, Taiwanese, Hokkien and Malay insults. Groups and messages written for these tests
(a Kaohsiung kite club on LINE, a Kowloon wild-swimming group, a Penang hawker-food group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict
from copilot.moderation.signals import invite_words, patterns

KITE = """
name: 高雄風箏同好會
positioning: 高雄的風箏愛好者約假日到旗津海邊放風箏、交流做風箏和修骨架
topics: [風箏, 骨架, 放線, 旗津, 風向, 特技風箏, 線輪]
audience: 高雄的風箏愛好者
platform: line
script: zh-Hant
"""

SWIM = """
name: 九龍冬泳野泳會
positioning: 九龍嘅泳友約早上落海游水，分享水溫、泳灘同安全須知
topics: [冬泳, 野泳, 水溫, 泳灘, 救生, 浮標, 熱身]
audience: 香港嘅泳友
platform: whatsapp
script: zh-Hant
"""

HAWKER = """
name: 槟城小贩美食团
positioning: 槟城的吃货分享小贩中心的炒粿条、叻沙、煎蕊，周末组团去吃
topics: [小贩中心, 炒粿条, 叻沙, 煎蕊, 福建面, 美食, 组团]
audience: 槟城华人吃货
platform: whatsapp
"""


def _one(moderator: Moderator, text: str, user: str = "u1") -> Verdict:
    return moderator.moderate({"id": "m1", "user": user, "text": text})


def test_invitation_words_cover_every_contact_app() -> None:
    words = invite_words()
    for app in ("赖", "line", "tg", "whatsapp", "telegram"):
        assert f"加{app}" in words
    assert "line我" in words and "whatsapp我" in words
    assert "赖我" not in words  # 別赖我 is "don't blame me"


def test_account_after_an_invitation_needs_no_colon() -> None:
    find = patterns().app_handle.findall
    assert find("要的加赖 kitepro77 喔") == ["kitepro77"]
    assert find("加tg kite_sale") == ["kite_sale"]
    assert find("line up 一下") == [] and find("下午要line up排队") == []


def test_foreign_mobiles_are_found_in_their_written_forms() -> None:
    find = patterns().foreign_mobile.findall
    assert find("有事打 0987-654-321") == ["0987-654-321"]
    assert find("WhatsApp +852 6789 0123") == ["+852 6789 0123"]
    assert find("电话 011-2345 6789") == ["011-2345 6789"]
    assert find("預算 6000-8000") == [] and find("高度 5000 米") == []
    assert find("好友碼 5821 9930 1176 歡迎互加") == []  # one group of a friend code is no phone


def test_a_foreign_mobile_beside_a_scam_promise_is_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(SWIM), "救生員牌包過班，報名WhatsApp 6789 0123", user="s10")
    assert v.label == "ad" and v.action == "delete", v.reason


def test_a_member_s_word_for_a_helper_with_a_hong_kong_number_is_fine(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(SWIM), "我上次搵嘅補泳衣李師傅幾好，電話 6789 0123，講係泳會介紹就得")
    assert v.action not in ("delete", "mute", "kick"), v.reason


@pytest.mark.parametrize("text", [
    "手工特技風箏出清，一支只要1200，要的加賴 kitepro77",
    "🪁加🪁賴🪁拿🪁特🪁價🪁",
    "風箏線輪批發價，比店裡便宜一半，意者請洽 0987-654-321",
])
def test_taiwan_contact_ads_are_removed(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _one(profile_moderator(KITE), text, user="s1")
    assert v.label == "ad", v.reason
    assert v.action == "delete", v.reason


def test_a_member_s_phone_for_the_outing_is_left_alone(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(KITE), "週日旗津放風箏，找不到我們的話打我手機 0987-654-321")
    assert v.label == "ok", v.reason


def test_a_hong_kong_mobile_alone_is_no_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(SWIM), "聽朝六點半淺水灣落水，水溫十六度，有咩事WhatsApp我 6789 0123")
    assert v.action in ("none", "review"), v.reason
    assert "6789" not in v.reason  # the number is no contact by itself: at most the invitation is for a person to read


def test_a_hong_kong_mobile_beside_a_seller_is_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(SWIM), "全新泳鏡批發價，唔使$80一副，WhatsApp我 6789 0123", user="s2")
    assert v.label == "ad" and v.action == "delete", v.reason


@pytest.mark.parametrize("text", [
    "加我好友拉你进美食福利群，每天送餐券",
    "想食平嘢嘅入我哋内部群，加我WhatsApp拉你入",
])
def test_a_pull_into_a_perk_group_is_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _one(profile_moderator(HAWKER), text, user="s3")
    assert v.label == "ad", v.reason
    assert v.action == "delete", v.reason
    assert "福利/资源群" in v.reason


def test_a_pull_into_the_group_s_own_outing_group_is_fine(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(HAWKER), "星期六去吃炒粿条的，我拉你进组团小群，只发集合时间")
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("text", [
    "你老母臭閪，成日喺度亂講水溫",
    "你真的很煩欸，講過的事一直問",
    "死八婆，自己游唔到就怪浮標",
    "你这个人很贱，插队还骂人 pukimak",
])
def test_dialect_insults_are_abuse(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _one(profile_moderator(SWIM), text)
    assert v.label == "abuse", v.reason


def test_a_swear_at_one_s_own_luck_is_not_abuse(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(SWIM), "仆街，今朝水溫得十二度，凍到震")
    assert v.label != "abuse", v.reason


SWAP = """
name: 旺角模型交換群
positioning: 香港模型玩家交流砌模型、上色，群友可以轉讓自己嘅閒置模型
topics: [模型, 高達, 上色, 噴筆, 水貼, 轉讓閒置]
audience: 香港模型玩家
platform: whatsapp
script: zh-Hant
"""


def test_emoji_between_every_character_are_separators_not_a_flood(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(HAWKER), "🍜加🍜我🍜薇🍜信🍜送🍜你🍜餐🍜券🍜有🍜优🍜惠🍜", user="s4")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "表情刷屏" not in v.reason
    wall = _one(profile_moderator(HAWKER), "🍜" * 14, user="s5")
    assert wall.label == "spam", wall.reason
    # runs of emoji between words are a wall all the same, only a lone one between two characters is a separator
    runs = _one(profile_moderator(HAWKER), "🌸🌸🌸🌸🌸周末愉快🌸🌸🌸🌸🌸周末愉快🌸🌸🌸🌸🌸", user="s11")
    assert runs.label == "spam", runs.reason


def test_a_perk_group_pull_is_not_a_member_s_own_resale(profile_moderator: Callable[[str], Moderator]) -> None:
    # the profile lets members pass on their own models; a pull into a perk group passes on nothing of theirs
    v = _one(profile_moderator(SWAP), "加我好友拉你入模型福利群，每日抽獎送高達", user="s6")
    assert v.label == "ad" and v.action == "delete", v.reason


def test_a_symbol_between_every_character_sets_them_apart(profile_moderator: Callable[[str], Moderator]) -> None:
    from copilot.moderation.normalise import normalise

    assert "逐字隔开" in normalise("領｜券｜找｜我｜拿｜貨").evasions
    assert "逐字隔开" not in normalise("紅/黃兩色都有，週六/週日都騎").evasions  # two or three apart are a list, not a hiding
    v = _one(profile_moderator(KITE), "加·我·賴·拿·特·價·線·輪", user="s7")
    assert v.label == "ad" and v.action == "delete", v.reason


def test_a_qq_number_after_qq_me_is_a_contact(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(KITE), "扣扣我 柒陆伍肆叁贰壹玖捌 風箏便宜賣", user="s8")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "7654321" in v.reason


def test_the_id_after_a_homophone_of_wechat_is_a_contact(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(HAWKER), "喂信 laksa_deal88 叻沙酱批发", user="s9")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "laksa_deal88" in v.reason

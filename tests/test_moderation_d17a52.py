"""Round 52, d17a52 (issue 17): members' own messages that were deleted as ads in independent6/7, by cause.

- A member's own one-off sale may say how to ask (有意的私聊) and a member's terms (原价一半): the promo words a surplus may
  use (pipeline._own_sale_handle); 包邮 and the like are still a seller's.
- Lost-and-found: a thing taken by mistake (拿错, 谁拿了), a pet that got out of its box (跑出来了); a hand-down of a child's
  clothes (洗干净了, 穿得下, 直接送) is a giveaway.
- Normalising: a spelled numeral that starts a word with the next character (九龍塘 after a Hong Kong number) is not the
  number's last digit; a catalogue counter that starts another word (8000 台北面交) is no stock count.
Groups and messages written for these tests (a Guangzhou bouldering gym group, a Taipei road-cycling club, a Hong Kong
hiking club, a Shenzhen freshwater-shrimp keepers' group)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import audited_moderator, say

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, Action
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect

CLIMB = """
name: 广州抱石攀岩群
positioning: 广州抱石和先锋攀岩爱好者交流线路、训练和装备，每周四晚在岩馆约爬；岩友之间可以转让自己用过的攀岩鞋和装备，商家广告不要发
topics: [攀岩, 抱石, 先锋, 岩馆, 线路, 攀岩鞋, 粉袋, 镁粉, 快挂, 安全带, 指力板]
audience: 广州的攀岩爱好者
"""

BIKE = """
name: 台北公路車練騎團
positioning: 台北公路車車友約騎、交流練騎路線和保養，每週六清晨河濱集合；車友之間可以轉讓自己的舊車架和零件，車行廣告不要發
topics: [公路車, 練騎, 車架, 輪組, 變速, 爬坡, 河濱, 踏板, 保養, 車友]
audience: 台北騎公路車的車友
script: zh-Hant
"""

HIKE = """
name: 九龍行山隊
positioning: 九龍一帶行山友交流路線、天氣同裝備，每個月第二個星期日行山；隊友之間可以轉讓自己用過嘅行山裝備，商家推銷唔好發
topics: [行山, 路線, 山徑, 行山鞋, 行山杖, 背囊, 郊野公園, 裝備]
audience: 九龍鍾意行山嘅街坊
platform: whatsapp
script: zh-Hant
"""

SHRIMP = """
name: 深圳观赏虾水草缸交流群
positioning: 深圳养观赏虾和水草缸的虾友交流水质、繁殖和造景，偶尔线下交流会
topics: [观赏虾, 水草, 水草缸, 水质, 造景, 虾苗, 繁殖, 过滤, 水草泥, 换水]
audience: 深圳的虾友
"""

T0 = 1_767_225_600.0
_say = partial(say, t0=T0, gap=600)


@pytest.fixture
def climb(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, CLIMB)


@pytest.fixture
def bike(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, BIKE)


@pytest.fixture
def hike(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, HIKE)


@pytest.fixture
def shrimp(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, SHRIMP)


def test_a_members_own_shoes_with_si_liao_and_one_handle_are_not_deleted(climb: Moderator) -> None:
    v = _say(climb, "出一双自己穿了一季的攀岩鞋，41码，三百五，有意的私聊，微信 rock_gz_aming", user="a1")
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert v.checks.get("member_offer") == "trade_handle"


@pytest.mark.parametrize("text", [
    "攀岩鞋现货各种码数都有，三百五包邮，有意的私聊，微信 rock_shop_gz",    # stock, 包邮
    "攀岩鞋三百五、粉袋八十、快挂一百二，有意的私聊，微信 rock_shop_gz",     # a price list
])
def test_a_seller_saying_si_liao_is_still_an_ad(climb: Moderator, text: str) -> None:
    v = _say(climb, text, user="s1")
    assert v.label == "ad" and v.action in (Action.DELETE, Action.MUTE), v.reason
    assert v.checks.get("member_offer") != "trade_handle"


def test_a_shared_product_page_with_its_price_is_left_alone(climb: Moderator) -> None:
    v = _say(climb, "我在用的这款指力板挺好用的，京东就有，199，https://item.jd.com/100012345678.html", user="a2")
    assert v.action not in ACTED, v.reason


@pytest.mark.parametrize("text", [
    "周四在岩馆有人拿错我的粉袋了，黑色带白色抽绳，谁拿了麻烦联系我 138 2045 7716，谢谢",
])
def test_a_thing_taken_by_mistake_is_a_lost_notice(climb: Moderator, text: str) -> None:
    v = _say(climb, text, user="a3")
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert "寻人寻物" in v.reason


def test_a_pet_that_got_out_is_a_lost_notice(shrimp: Moderator) -> None:
    v = _say(shrimp, "急！我家的巴西龟从缸里跑出来了，住在南山区，如果邻居看到一只巴掌大的龟，请联系我 139 2871 6604", user="x2")
    assert v.label == "ok" and v.action == Action.NONE, v.reason


def test_a_pet_finder_for_a_fee_is_still_an_ad(shrimp: Moderator) -> None:
    v = _say(shrimp, "宠物跑出来了找不到？专业寻宠团队，收费合理，请联系我 139 2871 6604", user="x3")
    assert v.label == "ad", v.reason


def test_a_childs_outgrown_clothes_given_away_are_not_deleted(climb: Moderator) -> None:
    v = _say(climb, "孩子的旧攀岩鞋，30码，洗干净了，谁家孩子穿得下直接送，加我或电话 186 2277 4410", user="a4")
    assert v.action not in ACTED, v.reason


def test_a_place_name_after_a_hong_kong_number_is_not_its_digit() -> None:
    rep = detect(normalise("有對行山鞋唔啱size，$300放，有興趣WhatsApp 6123 4578，九龍塘交收"))
    assert not any(c.endswith("612345789") for c in rep.contacts), rep.contacts
    # a number spelled to hide it keeps its spelled digits, mixed through it or at its end
    assert "13800138008" in normalise("电话138 0013 800八 加我").digits
    assert "13800138008" in normalise("电话1三8 0013 8008").digits


def test_a_members_shoes_with_a_hong_kong_number_and_a_place_are_not_deleted(hike: Moderator) -> None:
    v = _say(hike, "我有對半新行山鞋唔啱size，US9，$300放，有興趣WhatsApp 6123 4578，九龍塘交收", user="h1")
    assert v.label == "ok" and v.action == Action.NONE, v.reason


def test_a_price_before_a_taipei_meeting_place_is_no_stock_count(bike: Moderator) -> None:
    v = _say(bike, "出清自己騎了一年的碳纖車架，8000 台北面交，有興趣 LINE 我 ID: bike_tpe_ajie", user="b1")
    assert v.action not in ACTED, v.reason
    assert "商家口吻" not in v.reason
    assert detect(normalise("8000 台北面交")).signal("seller_form") is None
    stock = detect(normalise("車架還有一百多台，有興趣 LINE 我")).signal("seller_form")
    assert stock is not None and stock.items == ("一百多台",)
    assert _say(bike, "車架庫存還有一百多台，批發價，有興趣 LINE 我", user="b2").label == "ad"

"""Round 54, d17a54 (issue 17): a member's own one-off sale in a group whose profile allows members to pass things on.

Where the profile allows it (成员之间转让自己的琴可以发, 群友之间可以交换或转让自己养的多肉), the offer word the profile grants
(转给琴友) presents the thing as the sender's own, the price it was bought for (原价1200, lexicons.yaml resale.was_price) is
not a second asking price and 原价 is a member's term: with one handle and nothing a seller adds it is ok. A shop's
clearance or a wholesaler in the same group, and the same sale in a group that allows no trade, stay ads. Messages
written for these tests, for group kinds not used before: a folk-guitar group, a succulent swap group, a running club."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import ACTED
from copilot.moderation.pipeline import Moderator, Verdict
from copilot.profile import parse_profile_text

GUITAR = """name: 民谣吉他爱好者群
positioning: 弹民谣吉他的朋友交流练琴、选琴、调琴和弹唱，成员之间转让自己的琴和配件可以发，琴行商家不要发
topics: [吉他, 民谣, 弹唱, 指弹, 选琴, 调琴, 琴弦, 变调夹, 和弦]
"""
SUCCULENT = """name: 多肉植物交换群
positioning: 多肉爱好者交流养护、配土、换盆和病虫害，群友之间可以交换或转让自己养的多肉
topics: [多肉, 配土, 换盆, 浇水, 砍头, 叶插, 徒长, 病虫害]
"""
RUN = """name: 西湖晨跑团
positioning: 杭州西湖周边晨跑的跑友约跑、交流训练和装备
topics: [跑步, 晨跑, 配速, 跑鞋, 训练, 马拉松]
"""


@pytest.fixture
def judge(tmp_path: Path):  # type: ignore[no-untyped-def]
    """One fresh moderator per message, in a dry run."""
    def run(profile: str, text: str) -> Verdict:
        mod = Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile),
                        dry_run=True)
        return mod.moderate({"id": "m1", "user": "小满", "text": text})
    return run


@pytest.mark.parametrize(("profile", "text"), [
    (GUITAR, "去年入的一把雅马哈F310，换了新琴用不上，原价1200现在650，同城自取，微信 guitar_lin92"),
    (GUITAR, "一把雅马哈F310，原价1200，650转给琴友，微信 guitar_lin92"),
    (SUCCULENT, "自己养的一盆桃美人老桩，配不过来了，80转给群友，微信 rou_xiaomei"),
])
def test_a_members_one_off_sale_where_the_profile_allows_it_is_ok(judge, profile: str, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(profile, text)
    assert v.label == "ok" and v.action not in ACTED, v.reason
    assert v.checks.get("member_offer") == "trade_handle"


@pytest.mark.parametrize(("profile", "text"), [
    (GUITAR, "琴行年终清仓，雅马哈F310原价1200现在650，库存不多，微信 guitar_shop88"),   # a shop's clearance
    (GUITAR, "雅马哈F310现货，批发价出，各种型号都有，加微信 guitar_shop88"),             # a dealer
    (SUCCULENT, "多肉批发，各种品种都有，一盆5块起，加微信 rou_shop66"),
    (RUN, "去年入的一双跑鞋，原价1200现在650，同城自取，微信 run_lin92"),                # no trade allowed here
])
def test_a_sellers_offer_or_a_sale_where_no_trade_is_allowed_stays_an_ad(judge, profile: str, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert v.action in ACTED


# a member giving their own thing away, with a handle to arrange the pickup and nothing a seller adds: not an ad
@pytest.mark.parametrize(("profile", "text"), [
    (SUCCULENT, "我家有多的桃蛋叶插苗一大盘，不要钱，送给刚入坑的群友，自提，微信 rou_xiaomei"),
    (RUN, "孩子长大了，一双旧的儿童跑鞋32码，洗干净了，谁家穿得下直接送，电话 138 0571 2468"),
])
def test_a_members_giveaway_with_a_handle_is_ok(judge, profile: str, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(profile, text)
    assert v.label == "ok" and v.action not in ACTED, v.reason
    assert v.checks.get("giveaway")
    assert "送人" in v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (SUCCULENT, "多肉新品免费领取，数量有限，加我微信 rou_free88 备注群友"),       # a free sample for a lead
    (RUN, "跑鞋免费送，只需支付运费29.9，名额有限，加微信 run_free66"),           # free but priced, with urgency
])
def test_free_bait_for_a_handle_is_still_an_ad(judge, profile: str, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert not v.checks.get("giveaway")


# a member asking to buy one thing (求一张, 收两只) and to be told privately: 私我 and 价格好说 are a buyer's words
@pytest.mark.parametrize(("profile", "text"), [
    (GUITAR, "求一把二手的雅马哈F600，预算一千以内，有的琴友私我，价格好说"),
    (SUCCULENT, "收两盆砍头后的多肉老桩，叶插苗也行，有的私我，价格好商量"),
])
def test_a_members_wanted_post_is_not_an_ad(judge, profile: str, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(profile, text)
    assert v.label == "ok" and v.action not in ACTED, v.reason
    assert v.checks.get("wanted")


def test_a_dealers_buying_ad_is_still_an_ad(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(GUITAR, "长期高价回收各种二手吉他，收两把以上上门收，私我")
    assert v.label == "ad" and not v.checks.get("wanted"), v.reason

"""Round 53, d17a53 (issue 17): a provider's pitch said in a member's voice, and a greeter's lure on the profile.

A price kind only the supplier names (体验价, 拿货价) or a service packaged with the offer (包答疑, 包安装, 上门服务) beside
私我/找我 is a seller's word (lexicons.yaml ad.private_seller): removed, not only reviewed. A member's own used thing
with 原价/私我, or a member asking what an 体验价 course is worth, stays ok. A hello whose lure waits on the sender's own
profile (新人报到～头像点进去有福利) is an ad by itself; the group's album, a member's photo "点进去看大图" and a hello
with no lure are not. Messages written for these tests, for group kinds not used before: an IELTS study group, a
baby-swimming parents' group and a watch-collectors' group."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import ACTED, REMOVED
from copilot.moderation.pipeline import Moderator, Verdict
from copilot.profile import parse_profile_text

IELTS = """name: 雅思冲7打卡群
positioning: 备考雅思的同学每天打卡、交流听说读写的方法和真题，互相改作文；群内不许推销课程和卖资料
topics: [雅思, 听力, 口语, 阅读, 写作, 作文, 真题, 打卡, 备考, 剑桥]
"""
SWIM = """name: 宝宝游泳家长群
positioning: 带一到三岁宝宝学游泳的家长交流泳池、泳衣、下水安全和宝宝作息，家长可以转让宝宝用小了的东西
topics: [宝宝, 游泳, 泳池, 泳衣, 泳圈, 下水, 安全, 作息, 辅食]
"""
WATCH = """name: 腕表爱好者交流群
positioning: 喜欢机械表的朋友交流机芯、保养、表带和佩戴，成员可以转让自己的表
topics: [手表, 腕表, 机芯, 保养, 表带, 走时, 洗油, 表盘]
"""


@pytest.fixture
def judge(tmp_path: Path):  # type: ignore[no-untyped-def]
    """One fresh moderator per message (no strikes or flood counts carried over), in a dry run."""
    def run(profile: str, text: str, user: str = "小满") -> Verdict:
        mod = Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile),
                        dry_run=True)
        return mod.moderate({"id": "m1", "user": user, "text": text})
    return run


def _signals(v: Verdict) -> set[str]:
    return {s["name"] for s in v.checks["signals"]}


# 1. a provider's price kind or packaged service beside 私我/找我: the seller's word, removed
@pytest.mark.parametrize(("profile", "text"), [
    (IELTS, "我是口语考过8分的，带一个口语小班，体验价99一节，想试听的私我"),
    (SWIM, "我表姐做婴儿泳衣代理，群里家长拿货价给你们，款式很多，私我"),
    (WATCH, "手表不走了的找我，上门服务80一次洗油，私聊"),
    (IELTS, "作文批改一篇50，包答疑到考前，需要的找我"),
])
def test_provider_pitch_with_private_call_is_removed(judge, profile: str, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(profile, text)
    assert v.label == "ad"
    assert "private_seller" in _signals(v)
    assert v.action in REMOVED


# … a member's own used thing with 原价 and 私我, and a member asking about a course's price, stay ok
@pytest.mark.parametrize(("profile", "text"), [
    (SWIM, "出宝宝穿小了的连体泳衣，原价159现在50，洗干净了，要的私我"),
    (IELTS, "有人上过那家的体验价口语课吗？99一节值不值"),
    (WATCH, "我那块表去年洗油花了600，师傅手艺不错，大家一般多久保养一次"),
])
def test_members_own_prices_are_not_provider_pitches(judge, profile: str, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(profile, text)
    assert v.label == "ok"
    assert v.action not in ACTED
    assert "private_seller" not in _signals(v)


# 2. a greeter's lure waiting on their own profile
@pytest.mark.parametrize("text", [
    "大家好～新人报到，主页有惊喜哦",
    "各位好，第一次冒泡，朋友圈有福利记得来看",
    "新人报道！个人签名里有好东西分享给大家",
])
def test_greeter_with_profile_lure_is_removed(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(SWIM, text, user="用户73310")
    assert v.label == "ad"
    assert "greeter_lure" in _signals(v)
    assert v.action in REMOVED


# … a hello without a lure, the group's album, a member's photo: not ads
@pytest.mark.parametrize("text", [
    "大家好，新人报到，宝宝十四个月，想问问第一次下水要注意什么",
    "群相册里有惊喜，上周游泳课的合影都传上去了",
    "我把宝宝第一次游泳的视频发朋友圈了，点进去能看高清的",
])
def test_hello_or_album_without_profile_lure_is_not_an_ad(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(SWIM, text)
    assert v.label != "ad"
    assert not _signals(v) & {"greeter_lure", "profile_lure"}
    assert v.action not in ACTED


# … a member's joke about their own avatar with no hello: at most a person looks, never removed
def test_avatar_joke_without_hello_is_not_removed(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(WATCH, "头像是我那块老表，点进去有惊喜哈哈")
    assert "greeter_lure" not in _signals(v)
    assert v.action not in ACTED


# 3. a one-off sale with one handle says one price: model numbers and specs are no prices
PCBUILD = """name: 装机交流群
positioning: 电脑DIY爱好者交流装机配置、显卡CPU选购和散热，成员可以转让自己用过的配件
topics: [装机, 配置单, 显卡, CPU, 主板, 内存, 散热, 二手配件]
"""


def test_model_numbers_are_not_prices() -> None:
    from copilot.moderation.signals import without_models
    assert "7800" not in without_models("我这台7800x3d+4070s整机7000出")
    assert "7000" in without_models("我这台7800x3d+4070s整机7000出")
    assert "512" not in without_models("macbookm2pro16+512出6500")
    for price in ("5k一个月", "350r包邮", "1.2w出", "99rmb"):
        assert without_models(price) == price


@pytest.mark.parametrize("text", [
    "我这台7800X3D+4070S整机九成新，自用一年，7000出，要的私我QQ 2638471950",
    "出自用的RTX3060 12G，用了一年，1200自提，QQ 2638471950",
])
def test_own_sale_with_model_numbers_and_one_handle_is_not_removed(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(PCBUILD, text)
    assert v.action not in REMOVED
    assert v.label == "ok"


def test_dealer_with_model_numbers_and_stock_is_still_removed(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(PCBUILD, "全新盒装RTX4060 8G现货，各种型号都有，1899起，QQ 2638471950")
    assert v.label == "ad"
    assert v.action in REMOVED


# 4. "不是广告" with a sign-up code and 私我 is a denial pitch
def test_denial_with_sign_up_code_is_a_pitch(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(IELTS, "不是广告啊，我自己一直在用的背单词app，年卡128，想要邀请码的私我")
    assert v.label == "ad"
    assert "denial_pitch" in _signals(v)
    v = judge(IELTS, "背单词我用的是一个免费app，不是广告，纯分享，大家可以自己去应用商店搜")
    assert v.label == "ok"

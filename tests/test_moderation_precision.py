"""Members' own posts that look like ads to a word list: each rule has its ad twin that must still be caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.profile import parse_profile_text

SWAP = """
name: 老唱片交换群
positioning: 黑胶唱片爱好者交流听感、唱机调校，群友之间可以转让自己的二手唱片（商家不行）
topics: [黑胶, 唱机, 唱针, 二手唱片, 发烧]
"""
CHOIR = """
name: 银杏合唱团
positioning: 退休老师组成的合唱团，排练、演出、学新歌
topics: [合唱, 声部, 排练, 演出, 新歌]
events:
  - {title: 周三排练, kind: 线下活动, cadence: 每周三, time: "15:00", place: 老年活动中心二楼}
"""
POTTERY = """
name: 陶艺手作交流群
positioning: 业余陶艺爱好者交流拉坯、上釉和烧窑
topics: [陶艺, 拉坯, 上釉, 烧窑, 泥料]
"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def _mod(settings: Settings, text: str) -> Moderator:
    return Moderator(settings, parse_profile_text(text), audit=None)


def test_free_resource_link_is_not_an_ad_but_a_priced_pitch_with_contact_is(settings: Settings) -> None:
    mod = _mod(settings, POTTERY)
    share = mod.moderate("分享一个免费的上釉配方表，自己整理的 https://www.example-glaze.org/table")
    assert share.label == "ok" and share.action == "none", share.reason
    pitch = mod.moderate("陶艺体验课免费试听，一节只要99，加微信 taoyi_2027 报名 https://www.example-glaze.org/buy")
    assert pitch.label == "ad"


def test_asking_whether_a_price_is_fair_is_not_an_ad(settings: Settings) -> None:
    mod = _mod(settings, POTTERY)
    for text in ("店家给我报的电窑一台4800，这价能入吗？", "二手拉坯机别人出价1200，值不值？"):
        v = mod.moderate(text)
        assert v.label == "ok", (text, v.reason)
    # the same price question with a code to copy is a deal post
    deal = mod.moderate("拉坯机卷后价1200还是1500？口令8xk2mzq复制打开淘宝即可")
    assert deal.label == "ad", deal.reason


def test_own_item_offer_is_the_groups_business_only_where_the_profile_allows_resale(settings: Settings) -> None:
    swap, pottery = _mod(settings, SWAP), _mod(settings, POTTERY)
    own = "自用闲置的几张二手黑胶唱片转了，成色都很好，一张80，想要的私聊"
    assert swap.moderate(own).label == "ok"
    # a merchant's stock is an ad even in a resale group; so is the same offer where resale is not the topic
    assert swap.moderate("黑胶唱片批发，厂家直销，各种二手唱片大量现货，加微信 heijiao888").label == "ad"
    assert pottery.moderate("自用闲置的拉坯机转了，几成新都有，一台1500，想要的私聊").action != "delete"


def test_organiser_collecting_names_privately_is_not_an_ad(settings: Settings) -> None:
    mod = _mod(settings, CHOIR)
    v = mod.moderate("下周三排练后要去社区演出，需要六个人帮忙搬谱架，有空的私聊我报名")
    assert v.label == "ok", v.reason
    assert mod.moderate("合唱培训班招生，一对一声乐课，报名私聊我，微信 shengyue_99").label == "ad"


def test_asking_whether_the_groups_own_event_is_still_on_is_on_topic(settings: Settings) -> None:
    choir, pottery = _mod(settings, CHOIR), _mod(settings, POTTERY)
    assert choir.moderate("外面下大雪了，今天下午还唱吗？").label == "ok"
    # a group without events has no arrangement to ask about: the still-on shape alone proves nothing
    assert pottery.moderate("外面下大雪了，今天下午还唱吗？").label in {"ok", "off_topic"}
    # empty and huge inputs stay well-formed
    assert choir.moderate("").label == "ok"
    assert choir.moderate("还唱吗？" * 3000).label in {"ok", "spam", "off_topic"}

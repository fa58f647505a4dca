"""A number is not an ad: a member's own price talk — what they paid or were quoted, whether a price is
fair, their own used item — is not labelled an ad when nothing in it offers a way to buy or to reach a
seller; the same prices beside a handle, an invitation or stock offered to the group still are."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.normalise import normalise
from copilot.moderation.pipeline import Moderator
from copilot.moderation.signals import detect
from copilot.profile import parse_profile_text

VINYL = ("name: 黑胶唱片爱好者群\npositioning: 成都黑胶唱片和唱机玩家交流听感、唱机调校和淘碟经验\n"
         "topics: [黑胶, 唱机, 唱头, 淘碟, 音响]\n")


@pytest.fixture
def mod(tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), parse_profile_text(VINYL), audit=None)


@pytest.mark.parametrize("text", [
    "二手唱头卖家要1800，这价能入吗？",
    "别人出价3000收我的唱机，值不值",
    "音箱线一米80块，比网上便宜一半",
])
def test_member_price_talk_is_not_an_ad_even_when_the_classifier_is_sure(mod: Moderator, text: str):
    a = mod.analyse(text)
    assert a.checks["classifier"]["ad_prob"] >= 0.7  # the digits alone read like an ad to the classifier
    assert a.label != "ad", (text, a.reasons)
    assert a.checks.get("price_talk") and any("价格" in r for r in a.reasons)


@pytest.mark.parametrize("text", [
    "我前年在二手市场淘的那台天龙唱机才450，到现在还没出过毛病",
    "上个月唱片店的新版爵士盘都涨到260了，以前二百出头",
    "自用的唱片清洁刷，用了半年，30块给群友，周六聚会时带过去",
])
def test_everyday_price_talk_is_left_alone(mod: Moderator, text: str):
    v = mod.moderate({"user": "m1", "text": text})
    assert v.label != "ad" and v.action in ("none", "review"), (text, v.reason)


@pytest.mark.parametrize("text", [
    "天龙唱机450出，要的私聊",
    "之前买过的都说好，日本进口唱头现货，599包邮，加v：vinyl_cd88",
    "上次进的一批二手黑胶还剩三十张，每张80，要的扣1",
    "唱机维修上门，十年老店，电话13908061234",
])
def test_the_same_prices_with_a_way_to_buy_stay_ads(mod: Moderator, text: str):
    assert mod.analyse(text).label == "ad", text


def test_price_talk_needs_a_number_and_a_question_for_a_judgement():
    assert detect(normalise("这个价合理吗？一张要300")).price_talk == "judgement"
    assert detect(normalise("这个价合理")).price_talk == ""  # no number: nothing to judge
    assert detect(normalise("上周买的唱针才90")).price_talk == "experience"
    assert detect(normalise("上周买的唱针才90，需要的私聊")).price_talk == ""  # an offer after all
    assert detect(normalise("")).price_talk == ""
    assert detect(normalise("价" * 5000 + "99")).price_talk == ""


def test_a_weekday_before_a_time_is_not_a_hidden_number():
    assert "数字变形" not in normalise("本周六14:00在群主家试听新唱机，接龙报名").evasions
    assert "数字变形" not in normalise("星期三19:30集合").evasions
    # a phone number spelled out is still folded
    assert "13800138000" in normalise("加我幺三八零零一三八零零零").digits

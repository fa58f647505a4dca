"""The notes ad check's cheap first look (possible signals without the classifier) must never hide an ad
the full moderation analysis would find, and a folded text is the same whether remembered or not."""

import pytest

from copilot.moderation import quick_analysis, quick_signals
from copilot.notes.noise import ad_verdict
from copilot.textnorm import FOLD_CACHE_CHARS, _fold, fold

MESSAGES = [
    "兼职日结，手机就能做，加V：tb88661 详聊",
    "招代理，月入过万不是梦，私聊我拿资料",
    "扫码进群领取免费育儿资料包，名额有限",
    "专业办理各类证件 电话 13912345678",
    "高仿名表一比一，需要的滴滴我 vx: watch_2024",
    "点击 http://t.cn/abcd 领取红包，先到先得",
    "这个周末的观星活动改到周日晚上八点，地点不变",
    "群主说的那个星图软件叫 Stellarium，免费的，官网就能下",
    "我家孩子二年级，数学应用题总是读不懂题，大家有什么办法吗",
    "上次那家窑口的釉料 68 一斤，我觉得有点贵",
    "谢谢老师分享，学到了",
    "[图片]",
    "这个转发到十个群，不转的话倒霉一年",
]


@pytest.mark.parametrize("text", MESSAGES)
def test_possible_signals_cover_the_full_analysis(text):
    full, possible = quick_analysis(text), quick_signals(text)
    assert full is not None and possible is not None
    assert set(full.signals.names()) <= set(possible.names())
    assert full.signals.contacts == possible.contacts and full.signals.urls == possible.urls


def test_prefilter_keeps_drive_by_ads_and_lets_plain_chat_through():
    # a stranger's recruiting pitch with a handle and a price-less call to reach them is still dropped
    assert ad_verdict("兼职日结，手机就能做，加V：tb88661 详聊") == "ad"
    assert ad_verdict("高仿名表一比一，需要的滴滴我 vx: watch_2024") == "ad"
    assert ad_verdict("招代理，月入过万不是梦，私聊我拿资料") == "ad"
    # members' plain content has nothing an ad needs: no full analysis, and never an ad
    assert ad_verdict("这个周末的观星活动改到周日晚上八点，地点不变") == "ok"
    assert ad_verdict("我家孩子二年级，数学应用题总是读不懂题，大家有什么办法吗") == "ok"


def test_empty_text_has_no_signals():
    assert quick_signals("") is None and quick_signals("   ") is None


@pytest.mark.parametrize("text", ["ＡＢＣ群規則：禁止發廣告", "瑜珈 社群運營"])
def test_fold_is_the_same_remembered_or_not(text):
    assert fold(text) == _fold(text) == fold(text)
    long = text * (FOLD_CACHE_CHARS // len(text) + 2)  # past the cache limit: folded directly
    assert fold(long) == _fold(long) and len(fold(long)) > FOLD_CACHE_CHARS

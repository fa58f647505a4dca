"""A group whose profile says ``script: zh-Hant`` (or is written in Traditional) gets its bot's replies and
reasons in Traditional, whatever the global setting; a Simplified group beside it stays Simplified."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation.pipeline import Moderator, Verdict
from copilot.textnorm import written_script

TAIPEI = """
name: 台北寶可夢GO團戰群
positioning: 台北市區寶可夢GO玩家約團戰、交換情報
topics: [團戰, 社群日, 交換]
banned: [外掛, 飛人, 買賣帳號]
script: zh-Hant
"""
SHANGHAI = """
name: 上海多肉花友群
positioning: 上海多肉爱好者交流养护经验、交换叶插苗
topics: [养护, 叶插, 换苗]
"""
AD = "加微信 qq_5211314 兼职日结，手机就能做，一天两三百"
FLOOD_REPLY_FROM = 7


def _flood(mod: Moderator) -> list[Verdict]:
    return [mod.moderate({"user": "u1", "group": "g", "text": f"第{i}只皮卡丘抓到了", "ts": 1000.0 + i})
            for i in range(FLOOD_REPLY_FROM)]


def test_a_traditional_profile_gets_traditional_replies(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(TAIPEI)
    assert mod.settings.script != "zh-Hant"  # the global setting stays Simplified: the profile decides
    ad = mod.moderate({"user": "u9", "text": AD})
    assert ad.label == "ad" and "廣告" in ad.reason and "广告" not in ad.reason
    said = [v.reply for v in _flood(mod) if v.reply]
    assert said and all(written_script(r) == "zh-Hant" for r in said)


def test_a_traditional_profile_without_the_line_is_traditional(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(TAIPEI.replace("script: zh-Hant\n", ""))
    assert "廣告" in mod.moderate({"user": "u9", "text": AD}).reason


def test_a_simplified_group_stays_simplified(profile_moderator: Callable[[str], Moderator]) -> None:
    ad = profile_moderator(SHANGHAI).moderate({"user": "u9", "text": AD})
    assert ad.label == "ad" and "广告" in ad.reason and "廣告" not in ad.reason

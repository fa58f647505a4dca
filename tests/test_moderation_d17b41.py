"""Round 41, d17b41 (issue 17): Cantonese and Taiwanese swearing at someone as abuse, while the same words said at one's
own luck are banter. Groups and messages written for these tests (a Hong Kong hiking club, a Taipei knitting circle)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

HIKING_HK = """
name: 香港週末行山隊
positioning: 香港嘅行山友每個週末一齊行郊野公園同山徑，交流路線、裝備同天氣
topics: [行山, 郊野公園, 山徑, 路線, 裝備, 天氣]
audience: 香港嘅行山友
"""

KNIT_TW = """
name: 台北棒針編織社
positioning: 台北喜歡棒針編織的朋友交流毛線、織圖和起針收針技巧
topics: [棒針, 毛線, 織圖, 起針, 收針, 配色]
audience: 台北的編織愛好者
"""

@pytest.mark.parametrize("text", [
    "丟你老母，成日喺度阻住晒",
    "仆街仔，你再講多次？",
    "冚家鏟，偷咗人哋支行山杖仲唔認",
    "你條廢柴，行兩步就喊攰",
])
def test_cantonese_swearing_at_someone_is_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(HIKING_HK, text).label == "abuse"


@pytest.mark.parametrize("text", [
    "北七喔，講幾次了還記不住起針",
    "幹你娘，你是聽不懂喔",
    "機掰，插隊還那麼大聲",
])
def test_taiwanese_swearing_at_someone_is_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(KNIT_TW, text).label == "abuse"


@pytest.mark.parametrize(("profile", "text"), [
    (HIKING_HK, "仆街，今日又唔記得帶行山杖"),
    (KNIT_TW, "靠北，我又把收針收太緊了"),
    (KNIT_TW, "笑死 我織的圍巾歪到靠北"),
])
def test_swearing_at_one_s_own_luck_is_not_abuse(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    assert judge(profile, text).label != "abuse"

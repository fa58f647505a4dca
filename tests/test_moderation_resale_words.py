"""Where the profile lets members pass on their own gear, an item described as barely used (买了没怎么用) is the
member's own; a shop's clearance with a handle is still an ad."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED

ANGLERS = """
name: 江边钓友群
positioning: 钓友交流钓法、钓点和渔具，群友之间可以转让自己用过的装备，商家勿扰
topics: [钓鱼, 台钓, 路亚, 鱼竿, 鱼饵]
"""


def test_a_barely_used_item_of_a_member_is_not_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(ANGLERS).moderate("出一根台钓竿，买了没怎么用，200包邮，要的私我")
    assert v.label == "ok", v.reason
    assert v.action not in ACTED


def test_a_shops_clearance_is_still_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(ANGLERS).moderate("渔具店清仓，鱼竿五折，要的加微信 diaoyu_888")
    assert v.label == "ad", v.reason

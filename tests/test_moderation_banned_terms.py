"""A profile's banned items are ad evidence as the writer listed them: in either script, and each of the
alternatives an item lists (网贷/口子)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator
from copilot.moderation.signals import banned_terms

HOMETOWN = """
name: 北角同鄉會
positioning: 同鄉互相照應，交流回鄉、敬老同聚會安排
topics: [回鄉, 敬老, 聚會, 鄉音]
banned: [保險推銷, 網貸/口子, 代寫文書/代辦證件]
"""


def _banned_hits(mod: Moderator, text: str) -> list[str]:
    """The banned items found, whether named alone or offered (banned_deal also lists the trade words)."""
    items = set(banned_terms(["保險推銷", "網貸/口子", "代寫文書/代辦證件"]))
    return [i for s in mod.analyse(text).checks["signals"] if s["name"] in ("banned", "banned_deal")
            for i in s["items"] if i in items]


def test_banned_items_are_split_at_listed_alternatives_and_folded() -> None:
    assert banned_terms(["網貸/口子", "代寫文書、代辦證件", "保險推銷"]) == ["代写文书", "代办证件", "保险推销", "口子", "网贷"]


def test_a_traditional_banned_item_is_found_in_a_simplified_message(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(HOMETOWN)
    assert _banned_hits(mod, "需要网贷的乡亲找我，当天放款") == ["网贷"]
    assert _banned_hits(mod, "代办证件加急，三天搞定") == ["代办证件"]


def test_a_member_without_the_banned_words_has_no_banned_hit(profile_moderator: Callable[[str], Moderator]) -> None:
    assert _banned_hits(profile_moderator(HOMETOWN), "今年重阳敬老，几点在会所集合？") == []

"""What a profile allows members to post, as categories (``resources/moderation/permissions.yaml``).

An allowance is read by meaning, not matched literally: 业主直租 in a profile grants the category
``rent_out``, and then a member's 房子想租出去 or 转租一间次卧 is that kind of post. A clause that
negates its allowance (禁止中介发房源) grants nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from copilot.moderation.signals import alternation, lexicons
from copilot.paths import load_resource
from copilot.textnorm import fold

PERMISSIONS = "moderation/permissions.yaml"


@dataclass(frozen=True)
class Category:
    name: str
    zh: str
    grant: re.Pattern[str]
    offer: re.Pattern[str]
    offer_words: frozenset[str]  # the offer's words and the category's ``voice``: not seller evidence in such a post
    unless: tuple[str, ...] = ()  # lexicons.yaml lists whose words make the message a pitch instead


@lru_cache(maxsize=1)
def categories() -> tuple[tuple[Category, ...], tuple[str, ...]]:
    data = load_resource(PERMISSIONS)
    cats = tuple(Category(str(name), str(row["zh"]), alternation([fold(str(w)) for w in row["grant"]]),
                          alternation([fold(str(w)) for w in row["offer"]]),
                          frozenset(fold(str(w)) for w in [*row["offer"], *(row.get("voice") or ())]),
                          tuple(row.get("unless") or ()))
                 for name, row in data["categories"].items())
    return cats, tuple(str(n) for n in data["negations"])


def _grants(clause: str, grant: re.Pattern[str], negations: tuple[str, ...]) -> bool:
    """A clause of a profile grants what ``grant`` names unless a negation comes before it (禁止中介发房源)."""
    m = grant.search(clause)
    return m is not None and not any(neg in clause[: m.start()] for neg in negations)


def _clauses(profile_text: str) -> list[str]:
    return re.split(r"[，,；;。.!！？?\n]", fold(profile_text))


@lru_cache(maxsize=64)
def granted(profile_text: str) -> frozenset[str]:
    """The categories a profile's positioning and topics (one string) allow members to post."""
    cats, negations = categories()
    return frozenset(cat.name for clause in _clauses(profile_text) for cat in cats if _grants(clause, cat.grant, negations))


@lru_cache(maxsize=64)
def contacts_granted(profile_text: str) -> bool:
    """Whether a profile's positioning and topics let members leave a phone number or handle in posts about the
    group's business (permissions.yaml ``contacts_grant``: 允许留电话微信; 禁止留微信 grants nothing)."""
    grant = alternation([fold(str(w)) for w in load_resource(PERMISSIONS)["contacts_grant"]])
    negations = categories()[1]
    return any(_grants(clause, grant, negations) for clause in _clauses(profile_text))


def offered(compact: str, allowed: frozenset[str]) -> Category | None:
    """The granted category whose kind of post the message makes, or None."""
    if not allowed:
        return None
    return next((cat for cat in categories()[0] if cat.name in allowed and cat.offer.search(compact)
                 and not any(lexicons().words[u].search(compact) for u in cat.unless)), None)


@lru_cache(maxsize=1)
def market_categories() -> frozenset[str]:
    """The categories whose grant makes a group a market of its members' listings (permissions.yaml ``market``)."""
    return frozenset(str(n) for n in load_resource(PERMISSIONS).get("market") or ())

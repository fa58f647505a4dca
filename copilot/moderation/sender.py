"""The sender's shown name (群名片 / 昵称) read as evidence of its own.

Ad accounts put the contact where a message filter does not look: in the name members see (「加V看主页」,
「招代理vx…」, 「论文代写 扣 9988 7766 5」) while the message only points at it (看我名字, 私我, 主页有) or just offers
something. :func:`name_evidence` reads the name the way a message is read (normalised: 薇信/vx/扣扣 folded, emoji and
spaces between digits squeezed) and keeps only what says "reach me" or "I sell": a contact or a hidden handle, an
invitation, a pitch (兼职, 代购, 招代理 — signals.yaml, the message's own detectors) and a contact lead before a handle
(lexicons.yaml ``sender_name.lead``: 扣 998877665, 薇dg_1122). :func:`message_points` finds the message's pointer to
the name (``sender_name.pointer``: 看我名字, 看昵称, 点我头像) and its call for a reply (``sender_name.call``: 私我, 懂的来…).

A name alone never acts: the moderator (``Moderator._sender_layer``) labels an ad only when the message points at the
name or offers something, and an ordinary name (李姐-3栋, Amy_2019, 老王五金店, 浙B老陈) has nothing here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect, lexicons, patterns, signal_table
from copilot.textnorm import fold

# the signals of a name that tell how to reach its owner (a contact, a disguised handle, an invitation) …
NAME_REACH = frozenset({"contact", "evasion", "invite", "pointer", "profile_pointer"})
# … and those that say what the owner sells (a price or a shop's word alone is how a stall names itself: 陈记面料批发)
NAME_PITCH = frozenset({"ad_words", "seller_form", "private_seller", "loan_bait", "income", "scam", "health_claim"})
NAME_OFFER_P = 0.5  # the classifier reads the message as an offer from here (no ad signal, no pointer)
HANDLE_MIN = 5  # a handle after a contact lead: at least this many letters and digits, with a digit
NAME_NUMBER_MIN = 8  # a run of this many digits in a name is a phone or chat number (a Hong Kong or Taiwan phone has 8–10);
# a year, a flat number or a class (2022级, 3栋) is shorter
_DATE = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])")  # 20240101 in a name is a date


def _number_run(sep: str) -> re.Pattern[str]:
    """A phone or chat number: NAME_NUMBER_MIN digits or more, ``sep`` (a regex) allowed between them."""
    return re.compile(r"(?<![0-9])[0-9](?:%s[0-9]){%d,}(?![0-9])" % (sep, NAME_NUMBER_MIN - 1))


def _reach_number(digits: str) -> bool:
    """Whether a run of digits (:func:`_number_run`, separators taken out) is a number to reach someone, not a date."""
    return not _DATE.fullmatch(digits)


_NUMBER_RUN = _number_run("")


@dataclass(frozen=True)
class NameEvidence:
    """What the shown name says: ``items`` quoted in the reason; ``reach`` when a way to reach the owner is in it."""

    name: str
    items: tuple[str, ...]
    reach: bool
    pitch: bool = False  # a seller's word in the name (兼职, 代购, 招代理), not only a way to reach its owner


@lru_cache(maxsize=1)
def name_weights() -> tuple[float, float]:
    """The weights of a contact or pitch in the name and of the message's pointer at it, read from signals.yaml: as
    strong as a contact in the message (``contact``) and as an invitation beside a handle (``invite`` ``with_handle``)."""
    specs = {spec.name: spec for spec in signal_table().specs}
    return specs["contact"].weights["default"], specs["invite"].weights["with_handle"]


@lru_cache(maxsize=1)
def _lead_handle() -> re.Pattern[str]:
    """A contact lead (lexicons.yaml ``sender_name.lead``) followed by a handle of letters and digits."""
    lead = lexicons().words["sender_name.lead"].pattern
    return re.compile(f"(?:{lead})[:_]?([a-z0-9_]{{{HANDLE_MIN},}})")


# a handle written bare: a letter first, then letters, digits or _ (single hyphens inside kept: hk-boost2025 is one
# handle, not boost2025), with a digit or a _ in it (wj_2024, leo88); or a phone or chat number of NAME_NUMBER_MIN digits
# or more, spaces and dashes between its groups allowed (+852 6677 8899)
_BARE_HANDLE = re.compile(r"(?<![a-z0-9_])[a-z][a-z0-9_]*(?:-[a-z0-9_]+)*(?![a-z0-9_])")
_SPACED_NUMBER = _number_run("[ -]?")
_ACCOUNT_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")  # letters and digits joined by _: an account id (name_evidence)


def handles(text: str | None) -> frozenset[str]:
    """The handles and numbers in a text or a shown name, whole and lower-cased: what a struck ad left to reach its writer,
    matched again in that member's later messages and names (Moderator._repeat_layer)."""
    folded = fold(text or "")
    words = {h for m in _BARE_HANDLE.finditer(folded)
             if len((h := m.group(0)).replace("-", "")) >= HANDLE_MIN and any(c.isdigit() or c == "_" for c in h)}
    numbers = {re.sub(r"[ -]", "", m.group(0)) for m in _SPACED_NUMBER.finditer(folded)}
    return frozenset(words | {n for n in numbers if _reach_number(n)})


def name_handles(name: str | None) -> frozenset[str]:
    """The handles of a shown name that reach its owner: those :func:`name_evidence` reads as a contact (an id after its
    lead — 微信/扣/LINE —, a phone or QQ number). A token that only looks like a handle (a radio call-sign, a sail
    number, letters and a year) is the member's name, not a way to reach them (Moderator._repeat_layer)."""
    ev = name_evidence(name)
    if ev is None or not ev.reach:
        return frozenset()
    said = " ".join(ev.items).lower()
    return frozenset(h for h in handles(name) if h in said or (h.isdigit() and _reach_number(h)))


@lru_cache(maxsize=4096)
def name_evidence(nickname: str | None) -> NameEvidence | None:
    """The shown name's evidence of an ad account, or None for an ordinary name (cached: names repeat)."""
    if not nickname or not nickname.strip():
        return None
    n = normalise(nickname)
    rep = detect(n)
    items: list[str] = []
    reach = pitch = False
    # an account id (wx_yx_boss, wx_a1, the WeCom/WeChat id a bridge or a CLI row gives as the name): letters and digits
    # joined by _ — an app's short name that is one whole part of it (wx) is the id's namespace, not a contact spelled
    # around a filter (qa17r46: wx_a1 turned a member's question into an ad account's)
    folded = fold(nickname).strip()
    # — unless another part is a handle of its own (vx_kq2288: the id spells a WeChat id after its app's name)
    parts = folded.split("_")
    id_parts = set(parts) if _ACCOUNT_ID.fullmatch(folded) and not any(
        len(p) >= HANDLE_MIN and any(c.isdigit() for c in p) for p in parts) else set()
    for sig in rep.signals:
        if sig.name in NAME_REACH or sig.name in NAME_PITCH:
            said = [w for w in sig.items if not (sig.name == "evasion" and w.lower() in id_parts)]
            if not said:
                continue
            items += [w for w in said if w not in items]
            reach = reach or sig.name in NAME_REACH
            pitch = pitch or sig.name in NAME_PITCH
    for m in _lead_handle().finditer(n.compact):
        if any(c.isdigit() for c in m.group(1)) and not any(m.group(1) in w for w in items):
            items.append(m.group(0))
            reach = True
    # an account on a photo or social app in the name (賣模 IG: hk_gp_888): in a message it counts only in company (a
    # member's own photos), but a name that carries it is how its owner is reached — still nothing without a pointer or
    # an offer in the message (Moderator._sender_layer)
    for m in patterns().profile_handle.finditer(folded.lower()) if not reach else ():
        items.append("社交账号 " + next(g for g in m.groups() if g))
        reach = True
    for m in _NUMBER_RUN.finditer(n.compact) if not reach else ():
        if _reach_number(m.group(0)):
            items.append(f"号码 {m.group(0)}")
            reach = True
    return NameEvidence(nickname.strip(), tuple(items), reach, pitch) if items else None


def message_points(folded: str) -> tuple[list[str], list[str]]:
    """The message's words that point at its writer's name or profile (看我名字, 主页有), and those that call for a reply
    with nothing said (私我, 懂的来): lexicons.yaml ``sender_name.pointer`` and ``sender_name.call``."""
    words = lexicons().words
    return (sorted(set(words["sender_name.pointer"].findall(folded))),
            sorted(set(words["sender_name.call"].findall(folded))))


_NAME_PARTS = re.compile(r"[^\w]+|_")  # a name's parts: 光谷店-客服小潘 → 光谷店, 客服小潘


def name_role(nickname: str | None, key: str, own_text: str) -> str | None:
    """The role a shown name gives its owner in this group (lexicons.yaml ``sender_name.staff`` or ``sender_name.admin``):
    光谷店-客服小潘 and 前台-小雅 name the group's own staff where the profile (``own_text``: its name and positioning,
    compact) says 光谷店; 万达店-客服小李 names another shop's, and is None. Whatever comes before the role (a branch, a
    brand) must be in ``own_text``; what comes after it is the person's own name. A name with a way to reach its owner or
    a pitch in it (:func:`name_evidence`) is no staff's name."""
    if not nickname or name_evidence(nickname) is not None:
        return None
    roles = lexicons().words[f"sender_name.{key}"]
    parts = [normalise(p).compact for p in _NAME_PARTS.split(fold(nickname)) if p.strip()]
    for i, part in enumerate(parts):
        m = roles.search(part)
        if m is None:
            continue
        before = [*parts[:i], part[:m.start()]]
        return m.group(0) if all(b in own_text for b in before if b) else None
    return None

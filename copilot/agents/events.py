"""Notices for a group's own events, written for the members who read them.

A notice is composed from the event's own facts (title, date and time, place, host, signup, the
operator's details) with wording for its kind from ``resources/drafting/events.yaml``: a vote lists
its options and deadline, a ride its meeting point, gear and weather rule, a flash sale its items,
prices and limits. What a kind must state is the rule ``topics.event_facts`` in
``knowledge/rules.yaml`` — the same definition the checker uses; a fact the profile does not give
goes into ``needs`` (for the operator) and never into the text as a placeholder.

Wording is chosen per group with :func:`pick`: deterministic (the same group gets the same draft),
but different groups get different phrasings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from copilot.cadence import weekday_name
from copilot.knowledge.rules import RuleBook
from copilot.paths import RESOURCES_DIR
from copilot.profile import Event, GroupProfile
from copilot.textnorm import fold, split_sentences

_OPTION = re.compile(r"(?:(?<=^)|(?<=[\s：:；;，,(（]))([A-DＡ-Ｄ])[\s.、．:：]+")
_ROTATION = re.compile(r"第([一二三四五1-5])周")
_VOTE_OPTION = re.compile(r"^[A-D]\. ")


@lru_cache(maxsize=1)
def bank() -> dict[str, Any]:
    return yaml.safe_load((RESOURCES_DIR / "drafting" / "events.yaml").read_text(encoding="utf-8"))


def group_key(profile: GroupProfile) -> str:
    """What makes one group's choices differ from another's."""
    return f"{profile.name}|{profile.positioning}|{'、'.join(profile.topics)}"


def pick(options: list[Any], profile: GroupProfile, slot: str) -> Any:
    """One of ``options``, chosen deterministically for this group and this slot."""
    if not options:
        return ""
    digest = hashlib.sha1(f"{group_key(profile)}#{slot}".encode()).hexdigest()
    return options[int(digest[:8], 16) % len(options)]


_ALTERNATION = re.compile(r"\[([^\[\]|]*(?:\|[^\[\]|]*)+)\]")


def expand(text: str, profile: GroupProfile, slot: str) -> str:
    """A phrasing with its interchangeable phrases (``[甲|乙]``) resolved, one per group and slot."""
    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return str(pick(m.group(1).split("|"), profile, f"{slot}~{count}"))

    return _ALTERNATION.sub(one, text)


def phrase(options: list[Any], profile: GroupProfile, slot: str) -> str:
    """One of ``options`` for this group and slot, its interchangeable phrases resolved."""
    return expand(str(pick(options, profile, slot)), profile, slot)


def when_label(on: dt.date | None, time: str | None, event: Event | None = None) -> str:
    """12月5日（周六）07:30; the cadence wording when there is no date."""
    if on is None:
        return event.when if event else (time or "")
    day = f"{on.month}月{on.day}日（{weekday_name(on.weekday())}）"
    return f"{day}{time}" if time else day


@dataclass
class Notice:
    """A member-facing notice and what the operator still has to fill in."""

    text: str
    needs: list[str] = field(default_factory=list)
    paused: bool = False  # the operator's rotation skips this week ("第四周停一次")
    steps: list[str] = field(default_factory=list)
    why: str = ""


def _requirements(book: RuleBook) -> dict[str, Any]:
    return dict(book.get("topics.event_facts").check.params)


def missing_facts(event: Event, book: RuleBook) -> list[str]:
    """What a notice of this kind must state but the profile does not give (rule topics.event_facts)."""
    params = _requirements(book)
    spec = (params.get("requires") or {}).get(event.kind, {})
    blob = fold(" ".join([event.title, event.place, event.signup, event.details]))
    reqs = list(spec.get("requires", []))
    if any(fold(w) in blob for w in params.get("outdoor_words", [])):
        reqs += spec.get("outdoor_requires", [])
    out = []
    for r in reqs:
        if "field" in r:
            ok = bool(getattr(event, r["field"], ""))
        elif "pattern" in r:
            ok = bool(re.search(r["pattern"], blob))
        else:
            ok = any(fold(w) in blob for w in r.get("any", []))
        if not ok:
            out.append(r["need"])
    return out


def _rotation(details: str, on: dt.date | None) -> str:
    """Details that change by week of the month ("第一周…→第二周…") reduced to this date's week."""
    marks = list(_ROTATION.finditer(details))
    if on is None or len(marks) < 2:
        return details
    week = (on.day - 1) // 7 + 1
    segments = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(details)
        segments.append(details[m.end():end])
    last = segments[-1]
    stop = re.search(r"[。；;]", last)
    tail = last[stop.end():] if stop else ""
    segments[-1] = last[: stop.start()] if stop else last
    this = segments[week - 1] if week <= len(segments) else ""
    this = this.strip(" →-—、，,")
    if not this or "停" in this:
        return PAUSED
    return "本周：" + this + "。" + tail.strip()


PAUSED = "\u0000paused"


def is_paused(event: Event, on: dt.date) -> bool:
    """The operator's rotation skips ``event`` in the week of ``on`` ("第四周停一次")."""
    return _rotation(event.details, on) == PAUSED


def _vote_lines(sentence: str) -> list[str]:
    """"选项：A 锦城绿道 B 龙泉山；" → ["选项：", "A. 锦城绿道", "B. 龙泉山"] (one option a line)."""
    parts = _OPTION.split(sentence)
    if len(parts) < 5:  # lead + at least two (letter, text) pairs
        return [sentence]
    lines = [parts[0].strip()] if parts[0].strip() else []
    for letter, text in zip(parts[1::2], parts[2::2]):
        lines.append(f"{fold(letter).upper()}. {text.strip().rstrip('；;。，, ')}")
    return lines


def _detail_lines(event: Event, on: dt.date | None, participation_only: bool) -> tuple[list[str], str]:
    """The operator's details as member-facing lines; for a 晨报 only the sentences that tell members
    what to do (the rest describes the content the operator will post and goes into needs)."""
    details = _rotation(event.details, on)
    sentences = split_sentences(details)
    if participation_only:
        words = bank()["participation_words"]
        keep = [s for s in sentences if any(w in fold(s) for w in words)]
        rest = [s for s in sentences if s not in keep]
        return keep, "".join(rest)
    lines: list[str] = []
    for s in sentences:
        lines += _vote_lines(s) if event.kind == "投票" else [s]
    return lines, ""


_PRICE_NEEDS = ("秒杀的商品和价格",)


def close_sentence(line: str) -> str:
    """The operator's sentence as a finished one: a trailing comma becomes 。, a bare end gets 。."""
    line = re.sub(r"[；;，,、\s]+$", "", line)
    if not line or line[-1] in "。！？!?…）)】：:" or _VOTE_OPTION.match(line):
        return line
    return line + "。"


def price_lines(profile: GroupProfile, event: Event) -> list[str]:
    """The prices of the profile's products that a sale event names ("冷鲜五花肉5斤装" → 冷鲜五花肉 58元)."""
    blob = fold(event.title + event.details)
    out = []
    for p in profile.products:
        if not p.price or fold(p.name) not in blob:
            continue
        now = min(v for v in (p.price, p.promo_price) if v)
        price = f"{now:g}元" + (f"（原价{p.price:g}元）" if now < p.price else "")
        out.append(str(bank()["price_line"]).format(name=p.name, price=price) + "。")
    return out


def compose_notice(profile: GroupProfile, event: Event, on: dt.date | None, book: RuleBook,
                   *, slot: str = "") -> Notice:
    """The notice members read for one occurrence of ``event`` (``on`` None: the event in general)."""
    spec = bank()["kinds"].get(event.kind) or bank()["kinds"]["其他"]
    key = f"{event.kind}{slot}"
    when = when_label(on, event.time, event)
    title = event.title
    fill = {"when": when, "title": title, "place": event.place, "host": event.host, "signup": event.signup}
    lines = [str(pick(spec["openers"], profile, "open" + key)).format(**fill).rstrip("。") + "。"]
    needs = [f"{n}" for n in missing_facts(event, book)]
    where = []
    trivial = fold(event.place) in {fold(t) for t in bank()["trivial_places"]}
    if event.place and not trivial and event.place not in lines[0] and spec.get("place"):
        where.append(str(pick(spec["place"], profile, "place" + key)).format(**fill))
    if event.host and spec.get("host"):
        where.append(str(pick(spec["host"], profile, "host" + key)).format(**fill))
    if where:
        lines.append("，".join(where) + "。")
    if _rotation(event.details, on) == PAUSED:
        text = f"{when_label(on, None)}提醒：本周{title}停一次，下周照常。"
        return Notice(text=text, needs=[], steps=[], why="档案写明这一周轮空，只发一句提醒", paused=True)
    details, content = _detail_lines(event, on, participation_only=event.kind == "晨报")
    lines += [close_sentence(d) for d in details]
    prices = price_lines(profile, event)
    if prices and any(n for n in needs if n in _PRICE_NEEDS):
        lines += prices
        needs = [n for n in needs if n not in _PRICE_NEEDS]
    if event.kind == "晨报":
        needs.insert(0, str(spec["content_need"]) + (f"（档案里的要求：{content}）" if content else ""))
    # a talk the profile names no speaker or content for: asked of the operator (copy.share_announcement)
    if spec.get("host_need") and not event.host:
        needs.append(str(spec["host_need"]))
    if spec.get("topic_need") and not event.details:
        needs.append(str(spec["topic_need"]))
    if event.signup:
        if any(fold(w) in fold(event.signup) for w in bank()["no_signup_words"]):
            lines.append(event.signup.rstrip("。") + "。")
        else:
            lines.append(str(pick(bank()["signup"], profile, "signup" + key)).format(**fill).rstrip("。") + "。")
    closing = str(pick(spec.get("closings", [""]), profile, "close" + key))
    if closing:
        lines.append(closing + "。")
    if not event.time:
        needs.append("开始时间")
    text = "\n".join(ln for ln in lines if ln.strip())
    return Notice(text=text, needs=needs, steps=list(spec.get("steps", [])), why=str(spec.get("why", "")))

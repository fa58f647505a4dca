"""A reader's rubric for activity notices (the ``profiles`` eval): could a member act on this post?

Per event kind (``resources/evals/reader_rubric.yaml``) a notice must give the start time, the place,
what to bring and, outdoors, the weather rule — each either in the text members read or listed under
``needs`` for the operator. What to bring and the weather rule count only when the operator's own
sentence from the profile is in the text: a template line that happens to contain 带 ("带队：…",
"带上问题来") tells a member nothing. A gap is a fact a member needs that is silently missing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from copilot.agents.events import for_members
from copilot.knowledge.checks import outdoor_event
from copilot.knowledge.rules import load_rules
from copilot.paths import KNOWLEDGE_DIR, load_resource
from copilot.profile import Event, GroupProfile
from copilot.textnorm import fold

_SENTENCE = re.compile(r"[。；;！!？?\n]")


@lru_cache(maxsize=1)
def rubric() -> dict[str, Any]:
    return load_resource("evals/reader_rubric.yaml")


@lru_cache(maxsize=1)
def _outdoor_params() -> dict[str, Any]:
    return dict(load_rules(KNOWLEDGE_DIR).get("topics.event_facts").check.params)


def _own_sentences(event: Event, words: list[str]) -> list[str]:
    """The operator's sentences in the event's details/signup that carry one of ``words``, as members
    read them ("提醒大家带好头盔" is posted as "带好头盔")."""
    parts = [for_members(s.strip(" ，,")) for s in _SENTENCE.split(event.details + "。" + event.signup) if s.strip(" ，,")]
    return [fold(s) for s in parts if any(fold(w) in fold(s) for w in words)]


def _asked(needs: str, fact: str) -> bool:
    return any(fold(w) in needs for w in rubric()["need_words"][fact])


def _fact_gap(fact: str, event: Event, text: str, needs: str) -> bool:
    """Whether ``fact`` is neither told in ``text`` nor asked for in ``needs``."""
    r = rubric()
    if fact == "time":
        told = (fold("全天") in text) if event.all_day else bool(event.time) and event.time in text
        return not told and not _asked(needs, fact)
    if fact == "place":
        told = bool(event.place) and fold(event.place)[: int(r["place_chars"])] in text
        return not told and not _asked(needs, fact)
    if fact == "weather" and not outdoor_event(event, _outdoor_params()):
        return False
    words = r["bring_words"] if fact == "bring" else r["weather_words"]
    own = _own_sentences(event, words)
    told = any(s[:12] in text for s in own)
    return not told and not _asked(needs, fact)


def reader_gaps(profile: GroupProfile, drafts: list[dict[str, Any]], text_of: Any) -> list[str]:
    """Facts a member needs that notices of the profile's events leave out without asking the
    operator: one line per (notice, fact). ``text_of(draft)`` is the member-facing text."""
    events = {fold(e.title): e for e in profile.all_events()}
    r = rubric()
    out = []
    for d in drafts:
        ev = events.get(fold(str(d.get("event") or "")))
        if ev is None or d.get("paused"):
            continue
        text, needs = fold(text_of(d)), fold(" ".join(str(n) for n in d.get("needs") or []))
        for fact in r["kinds"].get(ev.kind, r["default"]):
            if _fact_gap(fact, ev, text, needs):
                out.append(f"{d.get('date') or d.get('title', '')} {ev.title}：缺{fact}")
    return out

"""What a profile gives a clause a reason to say: the facts clause conditions (``when``) are judged on.

A clause bank entry (rules, welcome, intro, filler topics) may carry ``when``: a mapping whose keys
must all hold, or a list of such mappings of which one must hold. Policies (points, confidentiality,
"online only", priority places…) are stated only when a fact of the profile supports them: a field,
an event kind, or words the operator wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from copilot.agents import compose as C
from copilot.agents.events import physical_place
from copilot.knowledge.checks import outdoor_event
from copilot.knowledge.rules import load_rules
from copilot.paths import KNOWLEDGE_DIR, load_resource
from copilot.profile import GroupProfile
from copilot.textnorm import fold

_FIELDS = ("card_format", "allowed_domains", "banned", "products", "purchase_path", "locality", "brand", "paid")


@lru_cache(maxsize=1)
def _event_fact_params() -> dict[str, Any]:
    """The outdoor and indoor words of rule topics.event_facts (one list for writer and checker)."""
    return dict(load_rules(KNOWLEDGE_DIR).get("topics.event_facts").check.params)


def in_person(profile: GroupProfile) -> bool:
    """Members meet in person: an offline event, a class with no online place, or any event held at a
    physical place (a class held in a live room is online)."""
    return any(e.kind == "线下活动" or physical_place(e) or (e.kind == "课程" and not e.place) for e in profile.all_events())


def outdoor(profile: GroupProfile) -> bool:
    """An in-person event that is outdoor or physical exertion (a ride, a run, a hike)."""
    params = _event_fact_params()
    return any(e.kind == "线下活动" and outdoor_event(e, params) for e in profile.all_events())


def profile_blob(profile: GroupProfile) -> str:
    """Everything the operator wrote, folded: what ``mentions`` conditions look for."""
    events = profile.all_events()
    parts = [profile.name, profile.positioning, profile.audience, profile.threshold, profile.tone, profile.purchase_path,
             profile.locality, profile.brand, *profile.topics, *profile.goals,
             *[" ".join([e.title, e.place, e.signup, e.details]) for e in events],
             *[p.name + " " + p.description for p in profile.products]]
    return fold(" ".join(x for x in parts if x))


def policy_text(profile: GroupProfile) -> str:
    """What the operator wrote about how the group should run (positioning, threshold, tone, goals), not
    what happens at an event: ``asks`` conditions look here ("夜里不睡" in a talk's details asks for no
    quiet hours)."""
    return " ".join(x for x in [profile.positioning, profile.threshold, profile.tone, *profile.goals] if x)


@dataclass(frozen=True)
class Facts:
    type: str
    paid: bool
    in_person: bool
    outdoor: bool
    kinds: frozenset[str]
    has: frozenset[str]
    blob: str
    banned: tuple[str, ...]
    audience: frozenset[str] = frozenset()
    policy: str = ""
    business: frozenset[str] = frozenset()


def group_facts(profile: GroupProfile) -> Facts:
    return Facts(type=C.gtype(profile), paid=profile.paid is not None, in_person=in_person(profile),
                 outdoor=outdoor(profile), kinds=frozenset(e.kind for e in profile.all_events()),
                 has=frozenset(k for k in _FIELDS if getattr(profile, k)), blob=profile_blob(profile),
                 banned=tuple(fold(w) for w in profile.banned if w.strip()), audience=C.audience_classes(profile),
                 policy=fold(policy_text(profile)), business=C.business_classes(profile))


def _one(when: dict[str, Any], f: Facts) -> bool:
    checks = [
        "types" not in when or f.type in when["types"],
        "not_types" not in when or f.type not in when["not_types"],
        "paid" not in when or f.paid == when["paid"],
        "in_person" not in when or f.in_person == when["in_person"],
        "outdoor" not in when or f.outdoor == when["outdoor"],
        "kinds" not in when or bool(f.kinds & set(when["kinds"])),
        "has" not in when or set(when["has"]) <= f.has,
        "mentions" not in when or any(fold(w) in f.blob for w in when["mentions"]),
        "asks" not in when or any(fold(w) in f.policy for w in when["asks"]),
        "audience" not in when or bool(f.audience & set(when["audience"])),
        "not_audience" not in when or not (f.audience & set(when["not_audience"])),
        "business" not in when or bool(f.business & set(when["business"])),
        "not_business" not in when or not (f.business & set(when["not_business"])),
    ]
    return all(checks)


def applies(when: dict[str, Any] | list[dict[str, Any]] | None, facts: Facts) -> bool:
    """A clause is used only when the profile gives it a reason (a list: any one of the conditions)."""
    if not when:
        return True
    if isinstance(when, list):
        return any(_one(w, facts) for w in when)
    return _one(when, facts)


def suggests_banned(text: str, facts: Facts) -> bool:
    """A phrasing that suggests members do something the group bans (二手买卖 where 卖号 is banned)."""
    t = fold(text)
    return any(w in t for w in facts.banned)


@lru_cache(maxsize=1)
def _topic_word_classes() -> dict[str, list[str]]:
    data = load_resource("drafting/topics.yaml")
    return dict(data["classes"])


def topic_classes(word: str) -> set[str]:
    """Which slots a topic word fits (``classes`` in topics.yaml): role and form words fit none."""
    c = _topic_word_classes()
    w = fold(word)

    def has(key: str) -> bool:
        return any(fold(x) in w for x in c[key])

    if has("role") or w in {fold(x) for x in c["form"]}:
        return set()
    out = {"subject"} | ({"routine"} if has("routine") else set())
    if has("practice"):
        out |= {"practice"} | ({"gear"} if has("gear") else set())
    elif has("product"):
        out.add("product")
    return out


def slot_topic(profile: GroupProfile, slot: str) -> str | None:
    """The first topic word that fits ``slot`` (subject / practice / gear / product), or None."""
    return next((t for t in profile.topics if slot in topic_classes(t)), None)


def lead_topic(profile: GroupProfile) -> str:
    """The first topic word that is a subject (not a role such as 产品经理, not a form such as 团购)."""
    return next((t for t in profile.topics if topic_classes(t)), profile.topics[0])


def topic_verb(word: str, default: str) -> str:
    """The verb a topic word takes ("桌游" → 玩, "马拉松" → 跑, "登山" → none: it is an action itself),
    from ``verbs`` in topics.yaml; ``default`` when the word is of no listed kind."""
    w = fold(word)
    for row in load_resource("drafting/topics.yaml").get("verbs", []):
        if any(fold(x) in w for x in row["words"]):
            return str(row["verb"])
    return default


def takes_verb(word: str) -> bool:
    """A topic word one does (a practice, or a word with its own verb in topics.yaml): "练{t}"/"玩{t}"
    only fit these — "学高考", "玩山径", "练郊野公园" do not read."""
    return "practice" in topic_classes(word) or topic_verb(word, "\0") != "\0"


def verb_fill(word: str) -> dict[str, str]:
    """The ``{v_学}`` ``{v_玩}`` ``{v_练}`` fills of a skeleton for ``word``."""
    return {f"v_{d}": topic_verb(word, d) for d in ("学", "玩", "练")}

"""What a profile gives a clause a reason to say: the facts clause conditions (``when``) are judged on.

A clause bank entry (rules, welcome, intro, filler topics) may carry ``when``: a mapping whose keys
must all hold, or a list of such mappings of which one must hold. Policies (points, confidentiality,
"online only", priority places…) are stated only when a fact of the profile supports them: a field,
an event kind, or words the operator wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from copilot.agents import compose as C
from copilot.agents.events import physical_place
from copilot.knowledge.checks import outdoor_event
from copilot.knowledge.rules import load_rules
from copilot.paths import KNOWLEDGE_DIR, load_resource
from copilot.profile import GroupProfile
from copilot.textnorm import fold, tokenize, word_class

_FIELDS = ("card_format", "allowed_domains", "banned", "products", "purchase_path", "locality", "brand", "paid")
_CJK = re.compile(r"[\u4e00-\u9fff]")  # a product name going on in Chinese after a word names something else


@lru_cache(maxsize=1)
def _event_fact_params() -> dict[str, Any]:
    """The outdoor and indoor words of rule topics.event_facts (one list for writer and checker)."""
    return dict(load_rules(KNOWLEDGE_DIR).get("topics.event_facts").check.params)


def in_person(profile: GroupProfile) -> bool:
    """Members meet in person: an offline event, a class with no online place, or any event held at a
    physical place (a class held in a live room is online)."""
    # an "offline" event held in an online meeting (kind 线下活动, place 腾讯会议) is not met in person
    return any((e.kind == "线下活动" and (not e.place or physical_place(e))) or physical_place(e) or (e.kind == "课程" and not e.place)
               for e in profile.all_events())


def drive_event(event: Any) -> bool:
    """An outing members make by car (自驾, 车队, 拼车): road safety, not a hiker's (``drive_words`` in clauses.yaml)."""
    said = fold(" ".join([event.title, event.place, event.details]))
    return any(fold(w) in said for w in load_resource("drafting/clauses.yaml")["drive_words"])


def outdoor(profile: GroupProfile) -> bool:
    """An in-person event that is outdoor or physical exertion (a ride, a run, a hike); a trip by car is
    not one (its 公里 and 湖边 are driven, not walked)."""
    params = _event_fact_params()
    return any(e.kind == "线下活动" and outdoor_event(e, params) and not drive_event(e) for e in profile.all_events())


def selling_days(profile: GroupProfile) -> list[Any]:
    """The events on which members may post what they sell (a sellers' group's 上新日, a farmers' 晒茶日):
    an event of a members' posting kind whose title or details speak of selling (``selling_day`` in clauses.yaml)."""
    spec = load_resource("drafting/clauses.yaml")["rules"]["selling_day"]
    return [e for e in profile.all_events() if e.kind in spec["kinds"]
            and any(fold(w) in fold(e.title + e.details) for w in spec["words"])]


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
    signup: bool = False
    drive: bool = False


def group_facts(profile: GroupProfile) -> Facts:
    return Facts(type=C.gtype(profile), paid=profile.paid is not None, in_person=in_person(profile),
                 outdoor=outdoor(profile), kinds=frozenset(e.kind for e in profile.all_events()),
                 has=frozenset(k for k in _FIELDS if getattr(profile, k)), blob=profile_blob(profile),
                 banned=tuple(fold(w) for w in profile.banned if w.strip()), audience=C.audience_classes(profile),
                 policy=fold(policy_text(profile)), business=C.business_classes(profile),
                 signup=any(e.signup for e in profile.all_events()),
                 drive=any(e.kind == "线下活动" and drive_event(e) for e in profile.all_events()))


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
        "not_mentions" not in when or not any(fold(w) in f.blob for w in when["not_mentions"]),
        "asks" not in when or any(fold(w) in f.policy for w in when["asks"]),
        "audience" not in when or bool(f.audience & set(when["audience"])),
        "not_audience" not in when or not (f.audience & set(when["not_audience"])),
        "business" not in when or bool(f.business & set(when["business"])),
        "not_business" not in when or not (f.business & set(when["not_business"])),
        "signup" not in when or f.signup == when["signup"],
        "drive" not in when or f.drive == when["drive"],
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
def word_kind_table() -> dict[str, Any]:
    """``resources/drafting/word_kinds.yaml``, its word lists folded once."""
    data = load_resource("drafting/word_kinds.yaml")
    kinds = {k: {"words": {fold(w) for w in v.get("words", [])}, "heads": sorted({fold(h) for h in v.get("heads", [])}, key=len, reverse=True)}
             for k, v in data["kinds"].items()}
    return {"order": list(data["order"]), "slots": dict(data["slots"]), "kinds": kinds,
            "gear": [fold(h) for h in data["gear_heads"]], "not_addressed": {fold(w) for w in data["not_addressed"]},
            "context": data.get("context", {}), "verb_leads": set(data.get("verb_leads", [])),
            "verb_lead_kinds": set(data.get("verb_lead_kinds", []))}


def profile_context(profile: GroupProfile) -> str:
    """The operator's own sentences about the group (name, positioning, audience, events' titles and
    details), folded: where an unlisted topic word shows its kind ("积木玩家", "MOC作品")."""
    parts = [profile.name, profile.positioning, profile.audience]
    parts += [f"{e.title}。{e.details}" for e in profile.all_events()]
    return fold("。".join(p for p in parts if p))


def context_reading(word: str, context: str) -> tuple[str, str | None]:
    """What the operator's own wording around ``word`` says it is (``context`` in word_kinds.yaml):
    the kind and the verb that wording carries (None: no verb), or ("unknown", None)."""
    row = context_row(word, context)
    return (str(row["kind"]), row.get("verb")) if row else ("unknown", None)


def context_row(word: str, context: str) -> dict[str, Any] | None:
    """The ``context`` row of word_kinds.yaml the operator's wording around ``word`` matches, or None."""
    w = fold(word).strip()
    if not w or not context:
        return None
    ctx = word_kind_table()["context"]
    joiners = tuple(fold(j) for j in ctx.get("joiners", []))
    for m in re.finditer(re.escape(w), context):
        after = re.split(r"[，,。；;：:！!？?\s（(）)]", context[m.end():m.end() + 16], maxsplit=1)[0]
        if after.startswith(joiners):  # 乐高和国产积木玩家: the last of the joined words carries the cue
            after = after[1:]
        for row in ctx.get("after", []):
            for cue in row["cues"]:
                at = after.find(fold(cue))
                if at == 0 or (at > 0 and context[m.end()] in joiners and at <= 6):
                    return dict(row)
        before = context[max(0, m.start() - 3):m.start()]
        # a word inside a list (理清公积金、社保、个税) takes the verb that leads the list in its clause
        listed = before.endswith("、")
        clause = re.split(r"[，,。；;：:！!？?\s（(）)]", context[:m.start()])[-1]
        for row in ctx.get("before", []):
            if any(before.endswith(fold(c)) or (listed and fold(c) in clause) for c in row["cues"]):
                return dict(row)
    return None


def word_kind(word: str, products: tuple[str, ...] = (), context: str = "") -> str:
    """What kind of word a topic word is (activity, field, product, exam, duty, matter, concern, place,
    people, service, routine, animal, form — ``word_kinds.yaml``), or ``unknown``: a product the profile
    the whole word in a kind's list, then its head (the end of a Chinese compound: 郊野公园 is a 公园),
    then a product the profile sells, then jieba's place tag."""
    table = word_kind_table()
    w = fold(word).strip()
    if not w:
        return "unknown"
    for k in table["order"]:
        if w in table["kinds"][k]["words"]:
            return str(k)
    # the longest listed ending is the compound's head (楷书 is a 楷书, not a 书); ties go by ``order``
    heads = [(len(h), -i, k, h) for i, k in enumerate(table["order"]) for h in table["kinds"][k]["heads"] if w.endswith(h)]
    if not heads:  # a compound ending with a listed word is of that word's kind (极限飞盘 is a 飞盘, 城市骑行 a 骑行)
        heads = [(len(x), -i, k, x) for i, k in enumerate(table["order"]) for x in table["kinds"][k]["words"]
                 if len(x) >= 2 and len(w) > len(x) and w.endswith(x)]
    if heads:
        _, _, k, head = max(heads)
        lead = w[:-len(head)][-1:]
        # 种菜, 遛狗: a doing whose object is the head, not the thing itself
        return "activity" if k in table["verb_lead_kinds"] and lead and lead in table["verb_leads"] else str(k)
    if any(n in w or (w in n and not _CJK.search(n.split(w, 1)[1])) for n in (fold(p) for p in products if p.strip())):
        return "product"  # names what the group sells (明前云雾毛尖 250g is a 云雾毛尖; 科目二加练课时 is no 科目二)
    if word_pos(w) == "ns":
        return "place"
    return context_reading(w, context)[0]


def word_pos(word: str) -> str:
    """jieba's part-of-speech tag of the last word of ``word``."""
    cut = tokenize(word, for_search=False, keep_stopwords=True)
    return (word_class(cut[-1]) or "") if cut else ""


def topic_classes(word: str, products: tuple[str, ...] = (), context: str = "") -> set[str]:
    """Which skeleton slots a topic word fits (``slots`` in word_kinds.yaml): a person or a form fits
    none, a word of unknown kind none either (a shorter calendar beats 练郊野公园)."""
    table = word_kind_table()
    kind = word_kind(word, products, context)
    if word_kind(word, products) == "unknown":  # typed by the profile's wording only: the safe slots
        row = context_row(word, context) or {}  # …and those its wording opens (理清公积金: a matter to handle)
        return set(table["slots"].get(kind, [])) & {"subject", "product", *row.get("slots", [])}
    out = set(table["slots"].get(kind, []))
    if kind == "activity" and any(fold(word).endswith(h) for h in table["gear"]):
        out.add("gear")
    return out


def audience_noun(profile: GroupProfile) -> str:
    """Who the members are, as one noun from the first clause of the profile's ``audience`` (业主, 家长,
    司机, 志愿者): the first people word after the clause's last 的 ("孩子的家长" are 家长, "…的业主和租户"
    are 业主), leaving out words for who they are in life rather than in this group (上班族, 学生, 老人:
    ``not_addressed`` in word_kinds.yaml); "" when none is left."""
    clause = re.split(r"[，,。；;：:（(]", profile.audience.strip(), maxsplit=1)[0]
    words = [w for w in tokenize(clause, for_search=False, keep_stopwords=True) if w.strip()]
    after = max((i for i, w in enumerate(words) if w == "的"), default=-1) + 1
    skip = word_kind_table()["not_addressed"]
    return next((w for w in words[after:] if len(w) >= 2 and word_kind(w) == "people" and fold(w) not in skip), "")


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
        if default not in row.get("for", [default]) or (default == "吃" and "for" not in row):
            continue  # a row for one verb only (喝 for 吃: 红酒 is drunk; 茶艺 is still learnt); 吃 only by its rows
        if any(w.endswith(fold(x)) if row.get("ends") else fold(x) in w for x in row["words"]):
            return str(row["verb"])
    return default


def takes_verb(word: str, context: str = "") -> bool:
    """A topic word with its own verb in topics.yaml (桌游: 玩, 马拉松: 跑, 登山: none): "练{t}"/"玩{t}"
    only fit these — "学高考", "玩山径", "练郊野公园", "玩排练" do not read. A word typed only by the profile's
    wording takes the verb that wording carries ("积木玩家": 玩), and none when it carries none ("MOC作品")."""
    if topic_verb(word, "\0") != "\0":
        return True
    if word_kind(word) == "unknown" and context:
        return context_reading(word, context)[1] is not None
    # an activity with no verb of its own in topics.yaml takes none ("玩排练", "练构图" do not read)
    return False


def verb_fill(word: str, context: str = "") -> dict[str, str]:
    """The ``{v_学}`` ``{v_玩}`` ``{v_练}`` fills of a skeleton for ``word``."""
    own = context_reading(word, context)[1] if context and word_kind(word) == "unknown" else None
    return {f"v_{d}": topic_verb(word, own or d) for d in ("学", "玩", "练")} | {"v_吃": topic_verb(word, "吃")}

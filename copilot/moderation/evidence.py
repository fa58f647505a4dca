"""The policy safeguard: a verdict acts on a member only when independent layers of evidence agree.

Each layer of the moderator (rule signals grouped by what they show, the ad classifier, the group's
own model, the abuse model, the chatter model and chatter words, the member's history, the flood
tracker, the LLM judge) gives its own reason. :func:`corroboration` lists the layers that support a
verdict's label; the policy (``Moderator._apply_policy``) only warns, deletes, mutes, removes or
reminds in public when at least ``min_layers`` of them agree (``resources/moderation/evidence.yaml``);
otherwise the verdict keeps its label and goes to a person (review). Like tg-spam, every layer's
finding is shown, so an operator sees *why* the bot acted or held back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from copilot.moderation.labels import Label
from copilot.paths import load_resource
from copilot.textnorm import fold

EVIDENCE = "moderation/evidence.yaml"
CLASSIFIER_LAYER = 0.7  # the shared ad classifier counts as a layer of its own from this probability
GROUP_MODEL_LAYER = 0.5  # a group's own model (cross-validated on its history) from this one
ABUSE_MODEL_LAYER = 0.5


@dataclass(frozen=True)
class EvidenceRules:
    """evidence.yaml: how many layers must agree, for which labels, and each signal's layer."""

    min_layers: int
    labels: frozenset[str]
    decisive: frozenset[str]
    layer_of: dict[str, str]  # signal name → layer
    combos: frozenset[str]
    names: dict[str, str]  # layer → Chinese name
    purposes: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (cue words, layers that are one there)
    ambient: frozenset[str] = frozenset()  # chatter words that are no layer (the weather every outing shares)
    notices: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()  # (cue words, business words that undo them)
    deals: frozenset[str] = frozenset()  # signals of an item beside its trade: their word counted elsewhere is no repeat
    notes: tuple[str, ...] = ()  # each purpose's note to the admin (evidence.yaml ``note``), beside ``notices``
    errands: tuple[bool, ...] = ()  # each purpose is a member's own errand (a ride: evidence.yaml ``errand``), beside ``notices``
    costs: tuple[tuple[str, ...], ...] = ()  # each purpose's shared costs (a ride's 油费: evidence.yaml ``costs``), beside ``notices``

    @cached_property
    def notice_cues(self) -> re.Pattern[str] | None:
        """Every purpose's cue words as one pattern (:func:`_notice_cues`), built once for these rules: a cache keyed by
        the nested ``notices`` tuple hashed it anew at every look-up (~5 µs, most of :func:`_purposes_in`'s time on a
        message with no cue; round 79, d17s79)."""
        return _notice_cues(self.notices)


@lru_cache(maxsize=1)
def evidence_rules() -> EvidenceRules:
    data = load_resource(EVIDENCE)
    layer_of = {str(sig): str(layer) for layer, row in data["layers"].items() for sig in row["signals"]}
    names = {str(k): str(v["zh"]) for k, v in data["layers"].items()} | {str(k): str(v) for k, v in data["names"].items()}
    purposes = tuple((tuple(fold(str(w)) for w in row["words"]), tuple(str(x) for x in row["one_layer"]))
                     for row in (data.get("purposes") or {}).values())
    return EvidenceRules(int(data["min_layers"]), frozenset(map(str, data["labels"])), frozenset(map(str, data["decisive"])),
                         layer_of, frozenset(map(str, data["combos"])), names, purposes,
                         frozenset(fold(str(w)) for w in data.get("ambient_chatter") or ()),
                         tuple((tuple(fold(str(w)) for w in row["words"]), tuple(fold(str(w)) for w in row.get("not_with") or ()))
                               for row in (data.get("purposes") or {}).values()),
                         frozenset(map(str, data.get("deals") or ())),
                         tuple(str(row.get("note") or "") for row in (data.get("purposes") or {}).values()),
                         tuple(bool(row.get("errand")) for row in (data.get("purposes") or {}).values()),
                         tuple(tuple(fold(str(w)) for w in row.get("costs") or ())
                               for row in (data.get("purposes") or {}).values()))


@lru_cache(maxsize=1)
def reach_only_layers() -> frozenset[str]:
    """The layers that only tell how to reach the writer (evidence.yaml ``reach_only``): an ad with no other is soft."""
    return frozenset(map(str, load_resource(EVIDENCE).get("reach_only") or ()))


def soft_prices() -> int:
    """How many prices an ad of only reach layers may say and its strike stay soft (evidence.yaml ``soft_prices``)."""
    return int(load_resource(EVIDENCE).get("soft_prices") or 0)


@dataclass(frozen=True)
class RepeatRule:
    """evidence.yaml ``repeat_reach``: a member acted on for an ad within ``days`` who asks again to be reached (any of
    ``signals``, the signals of its ``layers``) gives a layer of evidence of its own, weighing ``weight``. So does one who
    offers again after a hard strike: a word of the lexicon ``offer`` (the last few left, a new batch, hurry, the earlier
    pitch referred to)."""

    days: float
    weight: float
    signals: frozenset[str]
    offer: str = ""


@lru_cache(maxsize=1)
def repeat_rule() -> RepeatRule:
    row = load_resource(EVIDENCE)["repeat_reach"]
    layers = set(map(str, row["layers"]))
    signals = frozenset(sig for sig, layer in evidence_rules().layer_of.items() if layer in layers)
    return RepeatRule(float(row["days"]), float(row["weight"]), signals, str(row.get("offer") or ""))


@dataclass(frozen=True)
class ScamAccountRule:
    """evidence.yaml ``scam_account``: a brand-new member's first ad that is a fraud pitch — one of ``signals`` or a word
    of the lexicon ``words`` — is removed at once."""

    signals: frozenset[str]
    words: str


@lru_cache(maxsize=1)
def scam_account_rule() -> ScamAccountRule:
    row = load_resource(EVIDENCE)["scam_account"]
    return ScamAccountRule(frozenset(map(str, row["signals"])), str(row["words"]))


def reach_notice(text: str) -> bool:
    """The message (folded) has a purpose's cue words and none of its business words: a notice that asks to
    be reached (寻狗, 走失, 捡到…), not a service that finds things for a fee. A member's own errand (a ride) is not such a
    notice: it says nothing about whether the group is its business."""
    return notice_purpose(text, errands=False) is not None


def notice_purpose(text: str, *, errands: bool = True) -> str | None:
    """The note (evidence.yaml ``note``) of the first purpose whose cue words the message (folded) has and whose business
    words it has not, or None: why the contact in it is what such a notice is for. ``errands``: a member's own errand
    (顺路捎两个人, 要拼车的加我 油费AA: ``errand: true``) counts too."""
    rules = evidence_rules()
    for i in _purposes_in(text):
        if errands or not (rules.errands and rules.errands[i]):
            return rules.notes[i] if rules.notes else ""
    return None


def shared_cost(text: str) -> bool:
    """The message (folded) is a purpose's notice that names a cost its people share (evidence.yaml ``costs``: a ride's
    油费, 过路费): the sum beside it is each one's share of the errand, not a seller's price."""
    rules = evidence_rules()
    return any(rules.costs and any(w in text for w in rules.costs[i]) for i in _purposes_in(text))


def _purposes_in(text: str) -> list[int]:
    """The purposes (their place in evidence.yaml ``purposes``) whose cue words the text (folded) has and whose business
    words (``not_with``: 专业, 收费…) it has not. Asked several times for every message (the policy's and the layers'
    corroboration, the notice checks): most messages have no purpose's cue word, and one search says so."""
    rules = evidence_rules()
    cues = rules.notice_cues
    if cues is None or cues.search(text) is None:
        return []
    return [i for i, (words, not_with) in enumerate(rules.notices)
            if any(w in text for w in words) and not any(b in text for b in not_with)]


@lru_cache(maxsize=4)
def _notice_cues(notices: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> re.Pattern[str] | None:
    """Every purpose's cue words (``EvidenceRules.notices``) as one alternation, longest first: a text it does not
    find holds no purpose's cue word."""
    words = sorted({w for words, _ in notices for w in words}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def corroboration(label: str, checks: dict[str, Any], *, attack: bool = False, own_words: str | None = None,
                  text: str = "") -> dict[str, Any]:
    """The layers that support ``label`` in a verdict's ``checks`` and whether they may act.

    Returns ``{"layers": {layer: 中文名}, "count": n, "enough": bool}`` — ``count`` counts a combo
    signal twice and a decisive layer as enough by itself. ``attack``: the message addresses or
    characterises a person (abuse only). ``own_words``: the text without what it quotes others as saying
    (folded); a word signal whose every hit is only inside such a quotation reports someone else's words
    and is no layer
    ("那桌骂我'卖狗屎的'": 狗 is not the writer's chatter). ``text``: the message (folded); where it has a
    purpose's cue words (a lost-pet notice), that purpose's layers are one piece of evidence (its phone
    number and 联系我 are what such a notice is for)."""
    rules = evidence_rules()
    alias = {layer: rules.purposes[i][1][0] for i in _purposes_in(text) for layer in rules.purposes[i][1]}
    found: dict[str, str] = {}
    weight = 0
    seen: set[str] = set()  # words already counted: one word found by two lexicons is one piece of evidence
    for sig in checks.get("signals") or []:
        if sig.get("label") != label:
            continue
        items = set(sig.get("items") or ())
        # a deal signal (一比一 beside 要的、拿货) is the item and its trade: its item word, already counted as an ad word,
        # does not make the trade the same evidence again
        if items and ((_already_counted(items, seen) and sig.get("name") not in rules.deals) or _quoted_only(items, own_words)):
            continue
        seen |= items
        layer = rules.layer_of.get(str(sig.get("name")), str(sig.get("name")))
        layer = alias.get(layer, layer)
        if layer not in found:
            found[layer] = rules.names.get(layer, layer)
            weight += 2 if sig.get("name") in rules.combos else 1
        elif sig.get("name") in rules.combos:
            weight += 1
    for layer in _model_layers(label, checks, attack=attack, own_words=own_words):
        layer = alias.get(layer, layer)
        if layer not in found:
            found[layer] = rules.names.get(layer, layer)
            weight += 1
    enough = weight >= rules.min_layers or bool(rules.decisive & set(found)) or label not in rules.labels
    return {"layers": found, "count": weight, "enough": enough}


def _already_counted(items: set[str], seen: set[str]) -> bool:
    """Every hit is a word already counted or part of one (联系 inside 联系我): the same words again."""
    return all(any(w in s for s in seen) for w in items)


def _quoted_only(items: set[str], own_words: str | None) -> bool:
    """Every hit is a plain word that the writer's own words (outside quotations) do not contain."""
    return own_words is not None and all(" " not in w and w not in own_words for w in items)


def _model_layers(label: str, checks: dict[str, Any], *, attack: bool, own_words: str | None) -> list[str]:
    """The non-signal layers that speak for ``label``."""
    out = []
    clf = checks.get("classifier") or {}
    trust = checks.get("trust") or {}
    judge = checks.get("judge") or {}
    if label == Label.AD and clf:
        group = clf.get("model") == "group"
        if float(clf.get("ad_prob", 0.0)) >= (GROUP_MODEL_LAYER if group else CLASSIFIER_LAYER) \
                and not checks.get("question"):
            out.append("group_model" if group else "classifier")
    if label == Label.ABUSE:
        if float(checks.get("abuse_model") or 0.0) >= ABUSE_MODEL_LAYER and "abuse_model_unheeded" not in checks:
            out.append("abuse_model")
        if attack:
            out.append("attack")
    if label == Label.OFF_TOPIC:
        ot = checks.get("offtopic") or {}
        # the model's own probability: the chatter words already raised chatter_p, and they are a layer of their own
        model_p = ot.get("model_p", ot.get("chatter_p"))
        if model_p is not None and float(model_p) >= float(ot.get("chatter_min", 1.0)):
            out.append("chatter_model")
        words = set(ot.get("chatter_words") or ()) - evidence_rules().ambient
        if words and not _quoted_only(words, own_words):
            out.append("chatter_words")
        if ot.get("invitation"):  # 有人…吗 / 一起去 / 求推荐 to members, about something none of the group's
            out.append("invitation")
    if trust.get("strict") and label in (Label.AD, Label.SPAM):  # a member on trial: new, or struck lately
        out.append("struck" if trust.get("struck") else "new_member")
    if (checks.get("flood") or {}).get("hit"):
        out.append("flood")
    if judge.get("used") and judge.get("label") == label:
        out.append("judge")
    if checks.get("feedback") == label:
        out.append("feedback")
    return out


def evidence_note(ev: dict[str, Any], *, held: bool) -> str:
    """The reason part that names the agreeing layers (acted) or the single one (held back); held back with no
    layer at all (a model's word the layers do not count, such as the veiled-abuse model's), it says so — not
    "只有一项依据（无）", which claims one."""
    names = "、".join(ev["layers"].values()) or "无"
    if held and not ev["layers"]:
        return "没有一项可以单独处置的依据，不处置"
    if held:
        return f"只有一项依据（{names}），不单独处置"
    return f"依据：{names}"

"""Why the moderation sets' errors happen, as counts only (never a message's text): each ad false positive, ad miss,
off-topic false positive, off-topic miss and legitimate message acted on (and, to weigh a change, each right ad), keyed by the deciding layer of its verdict
and a few text-free traits.

The deciding layer is read from the verdict itself: for a message labelled an ad, its strongest ad signal (the
``name`` of the signal, or ``classifier`` when no ad signal fired) and the evidence layers it counted; for a miss, the
label it got, the strongest ad signal that did fire and the ad classifier's band; the extra ``checks`` keys a verdict
carries beside the standard ones (``private_offer``, ``allowed_deal``, ``own_event``…) are the stable ids of the step
that capped, lifted or let a message pass. Traits: a link, digits, a contact signal, a said price, a group model,
the writer's first message in the set. Used by ``scripts/mod_why.py`` on every set, blind ones included — a count per
class and key says which mechanism is largest without showing a row.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from copilot.evals import moderation as me
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.pipeline import Verdict
from copilot.moderation.signals import numeral_amounts, said_prices

# the checks every verdict may carry; any other key is a step's own id
STANDARD_CHECKS = frozenset({"normalise", "signals", "classifier", "abuse_model", "veiled_model", "offtopic", "flood",
                             "trust", "feedback", "evidence", "policy", "judge"})
NOTES = "abuse_model"  # the abuse model's notes (dialect, reason, unheeded): not a step that decided
CONTACT_SIGNALS = frozenset({"contact", "landline", "handle", "app_handle", "picture_pointer", "link"})
LINK = re.compile(r"https?://|www\.|\.(?:com|cn|net|top|xyz)\b", re.I)
DIGITS = re.compile(r"\d")
CLASSES = ("ad_fp", "ad_fn", "off_fp", "off_fn", "legit_acted", "ad_tp")


def _ad_signals(v: Verdict) -> list[dict[str, Any]]:
    sigs = v.checks.get("signals") or []
    return [s for s in sigs if isinstance(s, dict) and s.get("label") == Label.AD]


def _top_ad(v: Verdict) -> str:
    sigs = _ad_signals(v)
    if not sigs:
        return "none"
    return str(max(sigs, key=lambda s: float(s.get("weight") or 0.0)).get("name"))


def _band(p: float | None) -> str:
    if p is None:
        return "p?"
    return "p<.5" if p < 0.5 else "p.5-.8" if p < 0.8 else "p>=.8"


def traits(row: dict[str, Any], v: Verdict, first: bool) -> list[str]:
    """Text-free traits of one message."""
    text = row["text"]
    names = {str(s.get("name")) for s in (v.checks.get("signals") or []) if isinstance(s, dict)}
    clf = v.checks.get("classifier") or {}
    out = []
    if LINK.search(text) or "link" in names:
        out.append("link")
    if DIGITS.search(text):
        out.append("digits")
    if names & CONTACT_SIGNALS:
        out.append("contact")
    if said_prices(numeral_amounts(text.lower())):
        out.append("price")
    if isinstance(clf, dict) and clf.get("model") not in (None, "shared"):
        out.append("group_model")
    if first:
        out.append("first_message")
    return out


def classes_of(row: dict[str, Any], v: Verdict) -> list[str]:
    gold, pred = row["label"], v.label
    out = []
    if pred == Label.AD and gold != Label.AD:
        out.append("ad_fp")
    if gold == Label.AD and pred != Label.AD:
        out.append("ad_fn")
    if pred == Label.OFF_TOPIC and gold != Label.OFF_TOPIC:
        out.append("off_fp")
    if gold == Label.OFF_TOPIC and pred != Label.OFF_TOPIC:
        out.append("off_fn")
    if gold == Label.OK and v.action in ACTED:
        out.append("legit_acted")
    if gold == pred == Label.AD:  # the right ads, keyed as the false positives are: what a change to one key would cost
        out.append("ad_tp")
    return out


def deciding(cls: str, v: Verdict) -> str:
    """The deciding layer of one error, as stable ids only."""
    extra = "+".join(sorted(k for k in v.checks if k not in STANDARD_CHECKS and not k.startswith(NOTES))) or "-"
    clf = v.checks.get("classifier") or {}
    p = clf.get("ad_prob") if isinstance(clf, dict) else None
    if cls in ("ad_fp", "ad_tp", "legit_acted") and v.label == Label.AD:
        layers = (v.checks.get("evidence") or {}).get("layers") or {}
        return f"top={_top_ad(v)} layers={'+'.join(sorted(layers)) or '-'} extra={extra}"
    if cls == "ad_fn":
        return f"got={v.label} top={_top_ad(v)} {_band(p)} extra={extra}"
    topic = v.checks.get("offtopic") or {}
    kind = ("deal" if topic.get("deal") else "chatter_words" if topic.get("chatter_words") else
            "relevant" if topic.get("relevant") else "model" if topic.get("model_p") is not None else "-")
    inv = " invitation" if topic.get("invitation") else ""
    return f"got={v.label} topic={kind}{inv} extra={extra}"


class WhySplit:
    """Counts per error class: deciding layer, action, traits."""

    def __init__(self) -> None:
        self.n = 0
        self.by: dict[str, dict[str, Counter[str]]] = {
            c: {"deciding": Counter(), "part": Counter(), "action": Counter(), "traits": Counter()} for c in CLASSES}
        self.total: Counter[str] = Counter()
        self._seen: set[tuple[str, str]] = set()

    def observe(self, row: dict[str, Any], v: Verdict) -> None:
        self.n += 1
        key = (row["profile"], row["user"])
        first = key not in self._seen
        self._seen.add(key)
        for cls in classes_of(row, v):
            self.total[cls] += 1
            key = deciding(cls, v)
            self.by[cls]["deciding"][key] += 1
            self.by[cls]["part"].update(key.split())
            self.by[cls]["action"][str(v.action)] += 1
            for t in traits(row, v, first) or ["(none)"]:
                self.by[cls]["traits"][t] += 1

    def merge(self, other: WhySplit) -> None:
        self.n += other.n
        self.total.update(other.total)
        for c in CLASSES:
            for k in ("deciding", "part", "action", "traits"):
                self.by[c][k].update(other.by[c][k])

    def lines(self, top: int = 12) -> list[str]:
        out = [f"n={self.n} " + " ".join(f"{c}={self.total[c]}" for c in CLASSES)]
        for c in CLASSES:
            if not self.total[c]:
                continue
            out.append(f"[{c}] {self.total[c]}")
            out.append("  action: " + ", ".join(f"{k} {n}" for k, n in self.by[c]["action"].most_common()))
            out.append("  traits: " + ", ".join(f"{k} {n}" for k, n in self.by[c]["traits"].most_common()))
            out.append("  parts: " + ", ".join(f"{k} {n}" for k, n in self.by[c]["part"].most_common(2 * top)))
            for k, n in self.by[c]["deciding"].most_common(top):
                out.append(f"  {n:4d}  {k}")
        return out


def split_set(name: str) -> WhySplit | None:
    """The why-split of one registered set (a key of ``INDEPENDENT``, ``blind``, ``tuning``, or a dev file name)."""
    why = WhySplit()
    return why if me.run_named(name, why.observe) is not None else None

"""Veiled abuse: contempt dressed as praise, advice, a second thought or a plea, with no swear word.

Each form of ``resources/moderation/veiled.yaml`` is a small named check over the writer's own words in Mandarin (the
caller cuts quotations out and turns Cantonese and Taiwan wording into its mainland form). A form counts only when it is
aimed at someone else: not when the writer says it of themselves. Warmth beside a taunt (加油, 我陪你练) marks teasing
between friends, and :func:`banter` says so for this module's forms and for the sneers of ``signals``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from copilot.moderation.literals import any_of, gated
from copilot.moderation.normalise import SENTENCE, clause_before
from copilot.moderation.normalise import alt as _alt
from copilot.paths import load_resource

VEILED = "moderation/veiled.yaml"

_SENTENCE_END = re.compile(r"[\u3002\uff01\uff1f.!?\n]")
_PUNCT = r"[\s,，。.!！~～…、]"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return load_resource(VEILED)


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    """The forms' patterns, each behind its literal first look (:func:`literals.gated`: a pattern that opens with a class
    or a gap, as second_thought and the either-order pairs do, is tried only where one of the strings every match of it
    contains is written — the same answers, fewer searches); ``mock_title`` as it is, since its match is told apart by
    its pattern (:func:`_mock_praise`)."""
    return {k: rx if k == "mock_title" else gated(rx) for k, rx in _patterns().items()}


def _patterns() -> dict[str, re.Pattern[str]]:
    d = _data()
    mp, rf, sc, st = d["mock_praise"], d["referral"], d["schooled"], d["second_thought"]
    return {
        "self": re.compile(_alt(d["self"])),
        "addressee": re.compile(_alt(d["addressee"])),
        "mock_praise": re.compile(_alt(mp["lead"]) + rf".{{0,{int(mp['max_gap'])}}}?" + _alt(mp["praise"])),
        "mock_title": re.compile("^" + _alt(mp["title"]) + _alt(mp["title_end"])),
        "failing": re.compile(_alt(mp["failing"]) + "|" + _alt(mp["not_done"]["after"])
                              + rf"[^\uff0c\u3002\uff01\uff1f,.!?\n]{{0,{int(mp['not_done']['max_gap'])}}}?" + _alt(mp["not_done"]["neg"])),
        "gift": re.compile(_alt(d["gift"]["words"])),
        "referral": re.compile(_alt(rf["lead"]) + rf"({SENTENCE}{{0,{int(rf['max_gap'])}}}?)"
                               + "(" + _alt(rf["faculty"]) + "|" + _alt(rf["doctor"]) + ")"),
        "faculty": re.compile(_alt(rf["faculty"])),
        "then": re.compile(_alt(rf["then"])),
        "schooled": re.compile(_alt(sc["words"])),
        "asked": re.compile(_alt(sc["asked"])),
        "second_thought": re.compile(r"[^?？,，。.!！\n]{0,10}[?？]" + _PUNCT + "*" + _alt(st["oh"]) + _PUNCT + f"{{0,{int(st['max_gap'])}}}"
                                     + _alt(st["then"])),
        "nerve": re.compile(_alt(d["nerve"]["lead"]) + _alt(d["nerve"]["words"])),
        "mercy": re.compile(_alt(d["mercy"])),
        "dismissal": re.compile(_alt(d["dismissal"])),
        "joking": re.compile(_alt(d["joking"])),
        "warmth": re.compile(_alt(d["warmth"])),
        "reminder": _either_order(d["reminder"]),
        "sanction": _either_order(d["sanction"]),
        "civil_ask": _either_order(d["civil_ask"]),
        "duty": _either_order(d["duty"]),
        "cheered_misdeed": re.compile(_alt(d["cheered"]["misdeed"])),
        "cheered": re.compile(_alt(d["cheered"]["what"]) + rf"{SENTENCE}{{0,{int(d['cheered']['max_gap'])}}}?"
                              + _alt(d["cheered"]["warm"])),
        "sarcasm_praise": re.compile(_alt(d["sarcasm"]["praise"])),
        "sarcasm_put_down": re.compile(_alt(d["sarcasm"]["put_down"])),
    }


def _either_order(row: dict[str, Any]) -> re.Pattern[str]:
    """``what`` then ``stop`` or ``stop`` then ``what``, at most ``max_gap`` characters of one sentence apart."""
    what, stop, gap = _alt(row["what"]), _alt(row["stop"]), f"{SENTENCE}{{0,{int(row['max_gap'])}}}?"
    return re.compile(f"{what}{gap}{stop}|{stop}{gap}{what}")


def _rest_of_sentence(said: str, end: int, limit: int) -> str:
    m = _SENTENCE_END.search(said, end)
    stop = m.end() if m else len(said)  # the mark that ends the sentence is part of how it is said (…吧? / …呀?)
    return said[end:min(stop, end + limit + 1)]


def _mock_praise(said: str, rx: dict[str, re.Pattern[str]]) -> list[str]:
    """Sarcastic praise of the one addressed — or a title of mastery the message opens on — in a message that states
    the failing it praises."""
    m = rx["mock_praise"].search(said) or rx["mock_title"].search(said.lstrip())
    if m is None:
        return []
    said = said.lstrip() if m.re is rx["mock_title"] else said
    rest = said[:m.start()] + said[m.end():]
    return [m.group(0)] if rx["failing"].search(rest) else []


def _to_another(name: str) -> Callable[[str, dict[str, re.Pattern[str]]], list[str]]:
    """A form said to someone else: not when the rest of the message speaks of the writer and of no one addressed
    ("脑子是个好东西，可惜我今天没带", "你说的都对，我下次注意")."""
    def check(said: str, rx: dict[str, re.Pattern[str]]) -> list[str]:
        m = rx[name].search(said)
        if m is None:
            return []
        rest = said[:m.start()] + said[m.end():]
        return [] if rx["self"].search(rest) and not rx["addressee"].search(rest) else [m.group(0)]
    return check


def _referral(said: str, rx: dict[str, re.Pattern[str]]) -> list[str]:
    """Advice to see a doctor (or a mirror) before taking part again; not advice the writer gives themselves."""
    for m in rx["referral"].finditer(said):
        if rx["self"].search(m.group(1)):
            continue  # 建议我自己…: the writer's own plan
        if rx["faculty"].fullmatch(m.group(2)) or rx["faculty"].search(said, m.end()) \
                or rx["then"].search(said, m.end()):
            return [m.group(0)]
    return []


def _schooled(said: str, rx: dict[str, re.Pattern[str]]) -> list[str]:
    """School said to have made them stupid, put as a guess or a question."""
    limit = int(_data()["schooled"]["max_gap"])
    for m in rx["schooled"].finditer(said):
        if rx["self"].search(clause_before(said, m.start())):
            continue
        if rx["asked"].search(_rest_of_sentence(said, m.end(), limit)):
            return [m.group(0)]
    return []


def _second_thought(said: str, rx: dict[str, re.Pattern[str]]) -> list[str]:
    """A question answered at once with a feigned "oh right" and the other's failing, in a message to someone."""
    m = rx["second_thought"].search(said)
    return [m.group(0)] if m and rx["addressee"].search(said) else []


def _plain(name: str) -> Callable[[str, dict[str, re.Pattern[str]]], list[str]]:
    def check(said: str, rx: dict[str, re.Pattern[str]]) -> list[str]:
        m = rx[name].search(said)
        return [m.group(0)] if m else []
    return check


# the forms in the order they are tried; each returns the words it found (empty: not there)
FORMS: tuple[tuple[str, Callable[[str, dict[str, re.Pattern[str]]], list[str]]], ...] = (
    ("mock_praise", _mock_praise), ("gift", _to_another("gift")), ("referral", _referral), ("schooled", _schooled),
    ("second_thought", _second_thought), ("nerve", _plain("nerve")), ("mercy", _plain("mercy")),
    ("dismissal", _to_another("dismissal")), ("joking", _plain("joking")),
)
# the patterns each form searches first: where none of them finds anything the form finds nothing
_FORM_READS: dict[str, tuple[str, ...]] = {
    "mock_praise": ("mock_praise", "mock_title"), "gift": ("gift",), "referral": ("referral",), "schooled": ("schooled",),
    "second_thought": ("second_thought",), "nerve": ("nerve",), "mercy": ("mercy",), "dismissal": ("dismissal",),
    "joking": ("joking",),
}


@lru_cache(maxsize=1)
def _forms_gate() -> re.Pattern[str] | None:
    """One first look for all :data:`FORMS` (:func:`literals.any_of` of the strings every match of the patterns they
    search first contains, ``_FORM_READS``): words it finds nothing in hold no veiled form, and the nine checks are not
    run (round 73, d17b73). Built from the plain patterns (:func:`_patterns`). None — every form is run — when a form
    has no entry in ``_FORM_READS`` or one of its patterns tells no literal."""
    if {name for name, _ in FORMS} != set(_FORM_READS):
        return None
    pats = _patterns()
    return any_of([pats[key] for name, _ in FORMS for key in _FORM_READS[name]])


def first_looks() -> list[re.Pattern[str]] | None:
    """The patterns one of whose :func:`literals.required_literals` every finding of :func:`veiled_forms` and
    :func:`sarcasm` contains: the forms' first reads (``_FORM_READS``, as :func:`_forms_gate` reads them) and the praise
    sarcasm opens on (``sarcasm_praise``). Words holding none of their strings hold no veiled form and no sarcasm, warmth
    or not. None when the forms have no first look (every form is then run). Round 80 (d17t80): detect rules both out
    with one search of the writer's own words (:func:`signals._own_words_gate`)."""
    if _forms_gate() is None:
        return None
    pats = _patterns()
    return [*(pats[key] for name, _ in FORMS for key in _FORM_READS[name]), _compiled()["sarcasm_praise"]]


@lru_cache(maxsize=64)
def banter(said: str) -> bool:
    """Warmth beside a taunt (加油, 我陪你练, 下次请…): teasing between friends, not contempt. Remembered for the last
    texts: the sneer and veiled detectors and the veiled model's layer ask it of the same words of one message."""
    return bool(_compiled()["warmth"].search(said))


def reminder(said: str) -> bool:
    """A reminder about what is posted (这种东西别再转了): about content and the group's order, not a person."""
    return bool(_compiled()["reminder"].search(said))


def sanction(said: str) -> bool:
    """An admin's warning that names the group's sanction if it happens again (再这样就请你出群): the group's order."""
    return bool(_compiled()["sanction"].search(said))


def duty_reminder(said: str) -> bool:
    """A reminder of the group's duty with what follows for those who skip it (不交会费的同学下次外拍就别来了): the group's
    order, said to whoever skips it, not a person's worth."""
    return bool(_compiled()["duty"].search(said))


def kind_cheered(said: str) -> str | None:
    """A kind addressed as a whole and thanked or cheered on (你们这些陪透的家属也辛苦了): warm words to the group's own
    kind, not contempt — unless the praise is sarcasm (:func:`sarcasm`: a put-down in another clause; a misdeed laid on
    them anywhere: veiled.yaml ``cheered.misdeed``, 天天骗人). Returns the rest
    of the message, the cheering clause taken out ("" when it is all of it: …辛苦了，天天骗人 leaves 天天骗人 for the
    abuse model to read), or None when no kind is cheered."""
    m = _compiled()["cheered"].search(said)
    if m is None or sarcasm(said) or _compiled()["cheered_misdeed"].search(said):
        return None
    end = _SENTENCE_END.search(said, m.end())
    clause = re.search(r"[\uff0c,\uff1b;]", said[m.end():end.start() if end else len(said)])
    stop = m.end() + clause.start() if clause else (end.end() if end else len(said))
    return (said[:m.start()] + said[stop:]).strip(" ，,。.!！~～")


def civil_ask(said: str) -> bool:
    """A civil complaint about a call or a score with a polite ask for next time (那球明明出界了…下次认真点好吗): the matter,
    not the person."""
    return bool(_compiled()["civil_ask"].search(said))


def sarcasm(said: str) -> list[str]:
    """Praise of someone else (veiled.yaml ``sarcasm.praise``) with a put-down in another clause of the same message
    (``put_down``: the mocking applause or the failing it praises) — both, or it is not sarcasm; not the writer's praise of
    themselves (a ``self`` word in the praise's clause) and not beside warmth (:func:`banter`). ``said``: the writer's own
    words in Mandarin. Returns the praise and the put-down found (empty: none)."""
    if banter(said):
        return []
    rx = _compiled()
    for m in rx["sarcasm_praise"].finditer(said):
        if rx["self"].search(clause_before(said, m.start())):
            continue
        rest = said[:m.start()] + " " + said[m.end():]
        down = rx["sarcasm_put_down"].search(rest)
        if down is not None:
            return [m.group(0), down.group(0)]
    return []


def veiled_forms(said: str) -> list[str]:
    """The veiled put-downs in ``said`` (the writer's own words in Mandarin), each aimed at someone else; none beside
    warmth (:func:`banter`)."""
    if banter(said):
        return []
    gate = _forms_gate()
    if gate is not None and gate.search(said) is None:
        return []
    rx = _compiled()
    return [w for _, form in FORMS for w in form(said, rx)]

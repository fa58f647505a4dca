"""The cue words of the notes pipeline, loaded once from ``copilot/resources/notes/cues.yaml``.

Every list there becomes one compiled regex over folded text (:func:`phrases_regex`: plain entries are
literal phrases, ``/…/`` entries regexes), so the structure pass and the offline summariser share one
definition of what a question, a commitment, a decision or an announcement sounds like.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from copilot.paths import load_resource
from copilot.textnorm import closes_word, cue_entry_parts, fold, phrases_regex

CUES_FILE = "notes/cues.yaml"
_BACKREF = re.compile(r"\\[1-9]|\(\?P=")


def screens(entries: Any) -> tuple[re.Pattern[str], ...]:
    """A YAML cue entry as regexes one of which finds a match in a text exactly when :func:`phrases_regex` does (a match
    of an alternation is a match of one of its branches): the plain phrases joined with nothing around them, each
    ``/regex/`` on its own but those anchored at the start (``^…``), which stay one alternation (each of its branches
    fails at once past the start; noise.yaml's 72 system-line cues: 256 → 143 ms on 16,500 lines). An alternation of
    phrases only lets the regex engine skip to where one of their first characters stands; a single branch with no fixed first character (a look-behind, a class) made it try every
    branch of the whole list at every place of the text (round 63: :func:`has`'s regex CPU on a 2,000-message export
    104 → 90 ms). A list with a back-reference (``\\1``, ``(?P=…)``, numbered across the whole alternation) is kept
    whole. For yes/no questions only (:func:`search_any`); a caller that needs the match itself uses the alternation."""
    parts = cue_entry_parts(entries)
    if len(parts) > 1 and any(written and _BACKREF.search(p) for written, p in parts):
        return (phrases_regex(entries),)
    phrases = [p for written, p in parts if not written]
    anchored = [p for written, p in parts if written and p.startswith("^")]
    return ((re.compile("|".join(phrases)),) if phrases else ()) \
        + ((re.compile("|".join(f"(?:{p})" for p in anchored)),) if anchored else ()) \
        + tuple(re.compile(p) for written, p in parts if written and not p.startswith("^"))


def search_any(text: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """Whether one of ``patterns`` (:func:`screens`) finds a match in ``text`` (a plain loop: a generator for
    :func:`any` cost as much as the searches themselves on the 60,000 first asks of a 2,000-message export)."""
    for rx in patterns:  # noqa: SIM110 - no generator (see above)
        if rx.search(text):
            return True
    return False


@lru_cache(maxsize=256)
def _screens(*path: str) -> tuple[re.Pattern[str], ...]:
    """:func:`screens` of the cue list at ``path``, each behind a first look for its required literals where the engine
    cannot skip places by itself (:func:`_gated`)."""
    return tuple(_gated(rx) for rx in screens(raw(*path)))


def _gated(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` behind a :class:`copilot.moderation.literals.Gated` first look when it opens with a look-behind or a class
    (the engine then tries it at every place of the text) and every match of it holds one of a few literal strings: a
    text holding none of them is answered "no match" without running ``rx``, so every answer is ``rx``'s own (round 80:
    the cue regexes of a 2,000-message export). Anything else as it is."""
    from copilot.moderation.literals import gated  # noqa: PLC0415 - the moderation package is loaded by then anyway

    return gated(rx)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return load_resource(CUES_FILE)


def raw(*path: str) -> Any:
    """The YAML value at ``path`` (e.g. ``raw("reply", "window")``)."""
    node: Any = _data()
    for key in path:
        node = node[key]
    return node


@lru_cache(maxsize=256)
def cue(*path: str) -> re.Pattern[str]:
    """The compiled regex of the cue list at ``path`` (e.g. ``cue("question", "openers")``), gated where that saves
    the engine trying it at every place (:func:`_gated`; a :class:`~copilot.moderation.literals.Gated` answers like the
    pattern and keeps its ``pattern``)."""
    return _gated(phrases_regex(raw(*path)))


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """:func:`copilot.textnorm.fold`, cached: a chat's messages are folded by several stages."""
    return fold(text)


@lru_cache(maxsize=64)
def cue_list(*path: str) -> tuple[re.Pattern[str], ...]:
    """Each entry of the cue list at ``path`` as its own regex (patterns read one by one, e.g. for a group), gated as
    :func:`cue` is."""
    return tuple(_gated(phrases_regex(e)) for e in raw(*path))


@lru_cache(maxsize=131072)
def has(text_folded: str, *path: str) -> bool:
    """Whether the cue list at ``path`` occurs in ``text_folded``, cached: the stages ask the same few cues of the same
    message again and again (a 2,000-message export: 155,000 asks, 59,000 of them different)."""
    for rx in _screens(*path):  # noqa: SIM110 - :func:`search_any` inlined: most asks are of a text not yet asked
        if rx.search(text_folded):
            return True
    return False


def interrogative(text_folded: str) -> bool:
    """An interrogative word or form anywhere in the folded text (多少, 几点, 有没有, A-not-A such as 能不能 / 要唔要):
    an A-not-A whose first A is the tail of a word ("我现在不在": 现在 | 不在) asks nothing."""
    return has(text_folded, "question", "interrogatives") or any(
        not closes_word(text_folded, m.start()) for m in cue("question", "a_not_a").finditer(text_folded))


def asks(text_folded: str) -> bool:
    """A question mark, or a word that asks (吗, 多少, 能不能…: the ``question`` cues, :func:`interrogative`) anywhere in
    the folded text: a pitch tells, a member asks; a date line under a question answers it."""
    return "?" in text_folded or has(text_folded, "question", "anywhere") or interrogative(text_folded)


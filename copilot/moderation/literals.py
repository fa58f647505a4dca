"""What every match of a regex must contain: a few literal strings, read off the compiled pattern (``re._parser``).

:func:`required_literals` gives a set of strings such that any match of the pattern contains one of them (or None when
none can be told). A text with none of them cannot match, nor any text cut out of it: the one walk of
:class:`signals.LexiconHits` over a message finds these strings for every word list at once, so a detector whose lists
cannot match skips its searches — the outputs are the same, only the searches are fewer.

How it reads a pattern: zero-width parts (lookarounds, anchors) consume nothing and are skipped; a run of parts that
each match one of a few plain strings (a character, a small class, a group or alternation of such, a short bounded
repeat) is a set of strings, the product of the parts; an alternation needs what each branch needs; a group or a
repeat of at least one needs what its body needs; a sequence needs what its best mandatory part needs (the longest
shortest string, then the fewest). Anything else (``.``, classes of categories, back references, case-insensitive parts)
tells nothing. Checked against the regex on every readable moderation row by ``tests/test_moderation_speed_d00a60.py``.
"""

from __future__ import annotations

import re
from typing import Any

try:  # CPython's own parser of patterns (3.11+); on another Python nothing is read and nothing is gated
    from re import _compiler as _compiler  # type: ignore[attr-defined]
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not on the Pythons we ship for
    _compiler = C = P = None

CAP = 4096  # the most strings a set may hold
ZERO = {C.AT, C.ASSERT, C.ASSERT_NOT} if C else set()


def _finite(items: Any) -> set[str] | None:
    """The exact set of strings a parsed sequence matches (None: not a small finite set of plain characters)."""
    out = {""}
    for op, av in items:
        if op in ZERO:
            continue
        lang = _finite_one(op, av)
        if lang is None:
            return None
        out = {a + b for a in out for b in lang}
        if len(out) > CAP:
            return None
    return out


def _finite_one(op: Any, av: Any) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        return _chars(av)
    if op is C.SUBPATTERN:
        if av[1] or av[2]:
            return None
        return _finite(av[3].data)
    if op is C.BRANCH:
        out = _each_branch(av[1], _finite)
        return out if out is not None and len(out) <= CAP else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return _repeated(*av)
    return None


def _each_branch(branches: Any, read: Any) -> set[str] | None:
    """The union of what ``read`` tells of each branch of an alternation (None when it tells nothing of one of them)."""
    out: set[str] = set()
    for branch in branches:
        got = read(branch.data)
        if got is None:
            return None
        out |= got
    return out


def _chars(items: Any) -> set[str] | None:
    """The characters of a class of plain characters and short ranges (None: a category or a negated class)."""
    chars: set[str] = set()
    for o, a in items:
        if o is C.LITERAL:
            chars.add(chr(a))
        elif o is C.RANGE and a[1] - a[0] < 16:
            chars.update(chr(c) for c in range(a[0], a[1] + 1))
        else:
            return None
    return chars


def _repeated(lo: int, hi: Any, sub: Any) -> set[str] | None:
    """The strings of a repeat of at most 4 of a finite body."""
    if hi is C.MAXREPEAT or hi > 4:
        return None
    lang = _finite(sub.data)
    if lang is None:
        return None
    out: set[str] = set()
    cur = {""}
    for k in range(hi + 1):
        if k >= lo:
            out |= cur
        if k < hi:
            cur = {a + b for a in cur for b in lang}
            if len(cur) > CAP:
                return None
    return out if len(out) <= CAP else None


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    if b is None:
        return a
    if a is None:
        return b
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _needs(items: Any) -> set[str] | None:
    """Strings one of which every match of a parsed sequence contains (None: none known)."""
    best: set[str] | None = None
    run: list[Any] = []

    def flush() -> None:
        nonlocal best
        if run:
            lang = _finite(run)
            if lang is not None and "" not in lang:
                best = _better(best, lang)
            run.clear()
    for op, av in items:
        if op in ZERO:
            continue
        if _finite_one(op, av) is not None:
            run.append((op, av))
            continue
        flush()
        best = _better(best, _needs_one(op, av))
    flush()
    return best


def _needs_one(op: Any, av: Any) -> set[str] | None:
    if op is C.SUBPATTERN:
        return None if av[1] or av[2] else _needs(av[3].data)
    if op is C.BRANCH:
        return _each_branch(av[1], _needs)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _needs(av[2].data)
    if op is C.ATOMIC_GROUP:
        return _needs(av.data)
    return None


def required_literals(rx: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``rx`` contains, as written (case as the pattern has it); None when the
    pattern tells none (or ignores case)."""
    if P is None or rx.flags & re.IGNORECASE:
        return None
    got = _needs(P.parse(rx.pattern, rx.flags).data)
    return frozenset(got) if got else None


# A pattern every match of which holds at least this many decimal digits (a landline, a foreign mobile, a QQ number…) gets
# a count of the text's digits as a first look (:func:`fewest_digits`, :class:`DigitGated`): most chat has fewer.
DIGIT_GATE_MIN = 3


def _digit_class(op: Any, av: Any) -> bool:
    """Whether a parsed single-character part matches only decimal digits (what ``\\d`` matches: ``str.isdecimal``)."""
    if op is C.LITERAL:
        return chr(av).isdecimal()
    if op is not C.IN or not av:
        return False
    for o, a in av:
        if o is C.LITERAL and chr(a).isdecimal():
            continue
        if o is C.RANGE and a[1] - a[0] < 64 and all(chr(c).isdecimal() for c in range(a[0], a[1] + 1)):
            continue
        if o is C.CATEGORY and a in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT):
            continue
        return False  # a negated class, another category, a character that is no digit
    return True


def _fewest_digits(items: Any) -> int:
    """The fewest decimal digits any match of a parsed sequence holds (a lower bound: 0 where nothing can be told)."""
    total = 0
    for op, av in items:
        if op is C.LITERAL or op is C.IN:
            total += _digit_class(op, av)
        elif op is C.SUBPATTERN:
            total += _fewest_digits(av[3].data)
        elif op is C.BRANCH:
            total += min(_fewest_digits(b.data) for b in av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            total += av[0] * _fewest_digits(av[2].data)
        elif op is C.ATOMIC_GROUP:
            total += _fewest_digits(av.data)
        # anything else (lookarounds and anchors consume nothing, a back reference, any character) adds none
    return total


def fewest_digits(rx: re.Pattern[str]) -> int:
    """How many decimal digits every match of ``rx`` holds at least (0 when none can be told): a text with fewer digits
    in all cannot match, nor any text cut out of it. A digit is what ``\\d`` matches in a str pattern (``str.isdecimal``:
    full-width and other scripts' digits too), so a text's digits are counted the same way (:class:`Gated`)."""
    if P is None:
        return 0
    return _fewest_digits(P.parse(rx.pattern, rx.flags).data)


class Gated:
    """A compiled pattern behind a cheap first look: each search first looks for one of the pattern's
    :func:`required_literals` (``gate``, a pattern of those strings alone, each branch opening with its first character so
    the engine skips the places where none starts) and answers "no match" without running the pattern when none is
    written. Every match of the pattern contains one of them, so every answer is the pattern's own; what is saved is
    the pattern's own search, which tries all its branches at every place when it opens with a lookbehind (a denial
    ``(?<!不)`` before a word list) or with a class. Used like ``re.Pattern`` (``pattern``, ``flags``, the search methods)."""

    __slots__ = ("rx", "gate", "pattern", "flags", "groups", "groupindex")

    def __init__(self, rx: re.Pattern[str], gate: re.Pattern[str]) -> None:
        self.rx, self.gate = rx, gate
        self.pattern, self.flags, self.groups, self.groupindex = rx.pattern, rx.flags, rx.groups, rx.groupindex

    def search(self, string: str, *pos: int) -> re.Match[str] | None:
        return self.rx.search(string, *pos) if self.gate.search(string) else None

    def match(self, string: str, *pos: int) -> re.Match[str] | None:
        return self.rx.match(string, *pos) if self.gate.search(string) else None

    def fullmatch(self, string: str, *pos: int) -> re.Match[str] | None:
        return self.rx.fullmatch(string, *pos) if self.gate.search(string) else None

    def finditer(self, string: str, *pos: int) -> Any:
        return self.rx.finditer(string, *pos) if self.gate.search(string) else iter(())

    def findall(self, string: str, *pos: int) -> list[Any]:
        return self.rx.findall(string, *pos) if self.gate.search(string) else []

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.rx.sub(repl, string, count) if self.gate.search(string) else string

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return self.rx.subn(repl, string, count) if self.gate.search(string) else (string, 0)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self.rx.split(string, maxsplit) if self.gate.search(string) else [string]

    def __repr__(self) -> str:
        return f"Gated({self.rx!r})"


class DigitGated(Gated):
    """A :class:`Gated` pattern every match of which holds ``digits`` decimal digits or more (:func:`fewest_digits`): a
    text with fewer is answered "no match" on a count of its digits (one possessive search from its start) before the
    gate and the pattern run. Round 81 (d17s81): the landline, foreign-mobile, phone and QQ-number patterns open with
    look-behinds the engine tries at every place of every message, and most messages hold a few digits at most."""

    __slots__ = ("enough", "digits")

    def __init__(self, rx: re.Pattern[str], gate: re.Pattern[str], digits: int) -> None:
        super().__init__(rx, gate)
        self.digits = digits
        self.enough = re.compile(r"(?:\D*+\d){%d}" % digits)

    def search(self, string: str, *pos: int) -> re.Match[str] | None:
        return self.rx.search(string, *pos) if self.enough.match(string) and self.gate.search(string) else None

    def match(self, string: str, *pos: int) -> re.Match[str] | None:
        return self.rx.match(string, *pos) if self.enough.match(string) and self.gate.search(string) else None

    def fullmatch(self, string: str, *pos: int) -> re.Match[str] | None:
        return self.rx.fullmatch(string, *pos) if self.enough.match(string) and self.gate.search(string) else None

    def finditer(self, string: str, *pos: int) -> Any:
        return self.rx.finditer(string, *pos) if self.enough.match(string) and self.gate.search(string) else iter(())

    def findall(self, string: str, *pos: int) -> list[Any]:
        return self.rx.findall(string, *pos) if self.enough.match(string) and self.gate.search(string) else []

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.rx.sub(repl, string, count) if self.enough.match(string) and self.gate.search(string) else string

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return self.rx.subn(repl, string, count) if self.enough.match(string) and self.gate.search(string) else (string, 0)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self.rx.split(string, maxsplit) if self.enough.match(string) and self.gate.search(string) else [string]

    def __repr__(self) -> str:
        return f"DigitGated({self.rx!r}, {self.digits})"


def _tree(strings: set[str]) -> str:
    """``strings`` as one pattern, a tree of their characters: one branch per first character, a longer string tried
    before one it extends (any of them found is enough: the gate asks only whether one is written)."""
    root: dict[str, Any] = {}
    for w in strings:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a string ends here: found, whatever follows
        kids = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items())]
        return kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"

    return "|".join(re.escape(ch) + emit(sub) for ch, sub in sorted(root.items()))


def _skips(rx: re.Pattern[str]) -> bool:
    """Whether the engine itself skips the places where no match can start (the pattern opens with a literal string or
    with one of a set of characters): then a gate adds a search and saves little."""
    if P is None:
        return True
    try:
        parsed = P.parse(rx.pattern, rx.flags)
        return bool(_compiler._get_literal_prefix(parsed, rx.flags)[0] or _compiler._get_charset_prefix(parsed, rx.flags))
    except AttributeError:  # another Python's engine: no gates
        return True


_DIGIT = re.compile(r"\d")  # the gate of a pattern that needs digits and tells no literal: a digit, at least


def gated(rx: Any) -> Any:
    """``rx`` behind a :class:`Gated` first look when the engine cannot skip places for it and it has
    :func:`required_literals`, and behind a count of the text's digits too (:class:`DigitGated`) when it needs
    ``DIGIT_GATE_MIN`` digits or more (:func:`fewest_digits`) and its literals are a poor look; anything else as it is."""
    if not isinstance(rx, re.Pattern) or _skips(rx):
        return rx
    strings = required_literals(rx)
    # the count only where the literals are a poor first look: none, or one a single character (the 0 of a landline, the
    # space of a spaced foreign mobile, the q of a QQ number are in most messages; 13…19 of a mobile are not)
    digits = fewest_digits(rx) if not strings or min(map(len, strings)) == 1 else 0
    digits = digits if digits >= DIGIT_GATE_MIN else 0
    if not strings and not digits:
        return rx
    gate = re.compile(_tree(set(strings))) if strings else _DIGIT
    return DigitGated(rx, gate, digits) if digits else Gated(rx, gate)


def any_of(rxs: Any) -> re.Pattern[str] | None:
    """One pattern of every :func:`required_literals` of ``rxs`` (compiled patterns or :class:`Gated`), a tree whose
    branches open with a literal character (the engine skips the places where none starts): a text it finds nothing in
    holds no match of any of them, nor does a text cut out of it. None when one of them tells no literals."""
    strings: set[str] = set()
    for rx in rxs:
        got = required_literals(rx.rx if isinstance(rx, Gated) else rx)
        if not got:
            return None
        strings |= got
    return re.compile(_tree(strings))

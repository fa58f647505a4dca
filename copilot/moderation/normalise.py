"""Layer 0: normalise a message so that evasions look like the plain words they stand for.

Spammers write 加 v 信, ➕薇, 威信, 扣扣, full-width or spaced digits and Traditional characters to
slip past keyword lists. Every later layer matches against the forms produced here, never against
the raw text, so a lexicon entry is written once (微信, qq) and catches all its spellings.
The original text is kept untouched for display and the audit log.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from confusable_homoglyphs import confusables

from copilot.moderation.literals import Gated, gated
from copilot.paths import load_resource
from copilot.textnorm import cuts_word, fold, may_have, word_frequency

SPELLINGS = "moderation/spellings.yaml"

# --- pattern pieces shared by the cue modules (signals, veiled) --------------------------------
SENTENCE = r"[^\u3002\uff01\uff1f.!?\n]"  # a character inside one sentence
CLAUSE_START = re.compile(r"[\uff0c\u3002\uff01\uff1f,.!?\uff1b;\s]")  # a mark or space that opens a new clause


def either(words: Iterable[Any]) -> str:
    """Literal words joined by ``|``, longest first (so 群号 is tried before 群), words of one length in code order:
    the same pattern on every run (two words of one length never match at one place, so their order is no choice)."""
    return "|".join(re.escape(w) for w in sorted({str(w) for w in words}, key=lambda w: (-len(w), w)))


def alt(words: Iterable[Any]) -> str:
    """:func:`either` as one non-capturing group."""
    return f"(?:{either(words)})"


def clause_before(said: str, start: int) -> str:
    """The part of ``said`` before ``start`` that is in the same clause (after the last :data:`CLAUSE_START`)."""
    before = said[:start]
    return before[max((m.end() for m in CLAUSE_START.finditer(before)), default=0):]


_CJK_BLOCK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")

# Symbols that stand for "add" in 加V-style invitations (after NFKC ＋ is already +).
_PLUS = str.maketrans({"➕": "+", "✚": "+"})
_EMOJI_NUM = {"0️⃣": "0", "1️⃣": "1", "2️⃣": "2", "3️⃣": "3", "4️⃣": "4", "5️⃣": "5", "6️⃣": "6",
              "7️⃣": "7", "8️⃣": "8", "9️⃣": "9"}
_EMOJI_NUM_RE = re.compile("|".join(re.escape(k) for k in _EMOJI_NUM))
# Keycap digits leave a bare "\u20e3" or variation selector after NFKC; drop them.
_COMBINING = re.compile("[\ufe0f\u20e3]")

# Everything that is not a letter, digit or CJK character: separators spammers insert.
# the spaces and punctuation between a message's clauses (folded text has ,.!?~... for ，。！？～…; the
# full-width forms are here for text that was not folded)
CLAUSE_EDGE = re.compile(r"[\s,.!?;:，。！？；：、~～…]+")
_NON_WORD = re.compile(r"[^0-9a-z_\u3400-\u4dbf\u4e00-\u9fff+]+")

# Links: kept in ``folded`` for the link check, removed from ``compact`` so that a URL such as
# mp.weixin.qq.com is not read as "微信 + qq" or as a contact handle. Behind a first look for the strings every link
# holds (http://, www., a top-level domain: literals.gated): three searches a message, most of them in text with no link.
URL_RE = gated(re.compile(
    r"(?:(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+)"
    r"|(?:(?<![a-z0-9@.])(?:[a-z0-9-]+\.)+(?:com|cn|net|org|top|xyz|cc|me|io|vip|club|shop|site|info|link|ly|gg|tv|co|app|dev)"
    r"(?:/[^\s\u4e00-\u9fff]*)?)"
))

@dataclass(frozen=True)
class Spellings:
    """The evasive spellings of ``resources/moderation/spellings.yaml``, compiled."""

    variants: tuple[tuple[re.Pattern[str], str], ...]
    digits: dict[int, str]  # str.translate table: spelled-out digit → digit
    digit_run: re.Pattern[str]
    weekday: tuple[str, ...] = ()  # 周/星期…: the spelled digit after them names a day, it hides nothing
    # every variant pattern at once: a text none of them matches is left as it is by all (most messages); behind a
    # first look for the strings every match holds (literals.gated: its lookbehinds keep the engine from skipping places)
    any_variant: re.Pattern[str] | Gated = re.compile(r"(?!x)x")
    # a number in the digits voice input writes (spoken_digits), whole or in groups of two or more, with no other
    # digit-like character either side: read as a mobile it hides nothing (see :func:`_spoken_mobiles`)
    spoken_run: re.Pattern[str] = re.compile(r"(?!x)x")


@lru_cache(maxsize=1)
def spellings() -> Spellings:
    data = load_resource(SPELLINGS)
    variants = tuple((re.compile(v["pattern"]), v["canonical"]) for v in data["variants"])
    table = {ch: digit for digit, chars in data["digits"].items() for ch in chars}
    cjk = "".join(ch for ch in table if not ch.isascii())
    # A run of at least 5 digit-like characters; o and l stand for 0 and 1 only when they do not
    # continue a Latin word ("iso50", "photo2024", "hello12345").
    run = re.compile(f"(?:[0-9{cjk}]|(?<![a-z])[ol])[0-9{cjk}ol]{{4,}}")
    said = re.escape(str(data.get("spoken_digits") or ""))
    spoken = re.compile(f"(?<![0-9a-z{cjk}])[{said}]{{2,}}(?:[ \u3000-][{said}]{{2,}})*(?![0-9a-z{cjk}])") if said \
        else re.compile(r"(?!x)x")
    return Spellings(variants, str.maketrans(table), run, tuple(str(w) for w in data.get("weekday", ())),
                     gated(re.compile("|".join(f"(?:{p.pattern})" for p, _ in variants) or r"(?!x)x")), spoken)


@lru_cache(maxsize=1)
def _skeleton() -> dict[int, str]:
    """Letters and digits of other scripts that look like Latin ones (Cyrillic а, Greek ο, ⅼ …), from
    Unicode's confusables list (confusable-homoglyphs). CJK characters are never mapped."""
    data = json.loads((Path(confusables.__file__).parent / "confusables.json").read_text(encoding="utf-8"))
    table: dict[int, str] = {}
    for ch, glyphs in data.items():
        if len(ch) != 1 or ch.isascii() or _CJK_BLOCK.match(ch):
            continue
        latin = next((g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalnum()), None)
        if latin:
            table[ord(ch)] = latin.lower()
    return table


@lru_cache(maxsize=1)
def _skeleton_chars() -> re.Pattern[str]:
    """Any look-alike letter of :func:`_skeleton` (most messages have none: no translate for them)."""
    return may_have(_skeleton())


@dataclass(frozen=True)
class Normalised:
    """The forms of one message that the detection layers match against.

    ``folded``: Simplified, half-width, lower case, zero-width removed (punctuation kept, for URLs).
    ``compact``: ``folded`` with separators removed and variants folded (微信/qq/加微信).
    ``digits``: ``compact`` with spelled-out digit runs turned into Arabic digits.
    ``evasions``: which variant spellings were folded (reported in the verdict's checks).
    ``decorated``: ``folded`` with the pictographs set between characters still in it (私🙏我).
    """

    raw: str
    folded: str
    compact: str
    digits: str
    evasions: tuple[str, ...] = field(default_factory=tuple)
    decorated: str = ""


def _digit_run(m: re.Match[str]) -> str:
    run, head = m.group(0), ""
    if not run[0].isdigit() and m.string[:m.start()].endswith(spellings().weekday):
        head, run = run[0], run[1:]  # "周六14:00": a weekday and a time, not a number spelled to hide it
    real = sum(c.isdigit() for c in run)
    # "WhatsApp 5566 7788，九龍灣交收": a numeral that starts a word with the character after the run (九龙湾, 八成新) is that
    # word's, not the number's last digit — a phone spelled to hide it has its digits mixed all through, not one word after
    # — and so is one numeral after plain digits ("加V：tooth8899 ，一盒68": 一盒, not a handle tooth88991): a handle
    # spelled to hide it mixes its numerals in, it does not add one at the end that makes a word with what follows
    end, tail = m.end(), run[-1]
    plain = run[:-1].isascii() and run[:-1].isdigit()
    if (plain or sum(c.isascii() and c.isdigit() for c in run) >= 7) and not tail.isdigit() and end < len(m.string) \
            and word_frequency(tail + m.string[end]) > 0:
        return head + _digit_run_text(run[:-1]) + tail
    spelled = run.translate(spellings().digits)
    # Only convert runs that really look like a number (not 一二三四五 in a poem or "hello").
    if real >= 3 or (spelled.isdigit() and len(run) >= 6):
        return head + (spelled if spelled.isdigit() else run)
    return head + run


MOBILE = re.compile(r"1[3-9][0-9]{9}")


def _spoken_mobiles(folded: str) -> dict[str, str]:
    """Each mobile number written in spoken digits ("电话 一三九 五六零一 二二三三": voice input and older members write it
    so), group spaces dropped, with its Arabic digits. Anything else spelled out (幺/洞, capitals, Arabic digits mixed
    in, one digit set apart from the next, a number that is no mobile) is not one: it may be spelled to hide it."""
    sp = spellings()
    found = {}
    for m in sp.spoken_run.finditer(folded):
        said = re.sub(r"[ \u3000-]", "", m.group(0))
        if MOBILE.fullmatch(number := said.translate(sp.digits)):
            found[said] = number
    return found


def _digit_run_text(run: str) -> str:
    """A run of ASCII digits with spelled ones among them, in Arabic digits (what :func:`_digit_run` makes of a number)."""
    spelled = run.translate(spellings().digits)
    return spelled if spelled.isdigit() else run


SPACED_HANDLE = re.compile(r"(?<![a-z0-9])(?:[a-z0-9][ \u3000]+){5,}[a-z0-9](?![a-z0-9])")  # a handle spelled one letter apart: t a o c i 8 8 8


SPACED_TOKENS_MIN = 6  # letters, digits and numeral groups set apart one by one: this many make a spelled handle


@lru_cache(maxsize=1)
def _spaced_numeral_handle() -> re.Pattern[str]:
    """A handle spelled apart with spelled-out numerals among its letters ("s u c c 九九 八八", "t a o 一 二 三 四 五"):
    single Latin letters or digits and short groups of the numerals of spellings.yaml ``digits``, each set apart by white
    space. The numeral characters are data; the shape is code."""
    cjk = "".join(ch for chars in load_resource(SPELLINGS)["digits"].values() for ch in map(str, chars)
                  if not ch.isascii())
    token = rf"(?:[a-z0-9]|[{cjk}]{{1,4}})"
    return re.compile(rf"(?<![a-z0-9{cjk}]){token}(?:[ \u3000]+{token}){{{SPACED_TOKENS_MIN - 1},}}(?![a-z0-9{cjk}])")


def _read_spaced_numerals(folded: str) -> str:
    """Spelled-out numerals inside a handle spelled apart, read as digits one apart ("t a o 一 二 三" → "t a o 1 2 3"),
    so every handle reader sees the same handle as in plain digits. Only a run with a Latin letter and a numeral in it:
    numerals alone are left to the digit-run reading (一 二 三 四 五 in a poem is no handle)."""
    if folded.count(" ") + folded.count("\u3000") < SPACED_TOKENS_MIN - 1:
        # a run needs SPACED_TOKENS_MIN tokens, each set apart by white space: with fewer spaces in the whole text there is
        # none, and the pattern (a look-behind first, tried at every place) is not run (round 76, d17a76)
        return folded
    table = spellings().digits

    def read(m: re.Match[str]) -> str:
        run = m.group(0)
        if not re.search(r"[a-z]", run) or run.isascii():
            return run
        return " ".join(" ".join(tok.translate(table)) if not tok.isascii() else tok for tok in run.split())
    return _spaced_numeral_handle().sub(read, folded)


@lru_cache(maxsize=1)
def _spaced() -> re.Pattern[str]:
    """Characters set apart one by one, so no word of a list matches the raw text: by white space ("需 要 私 我"), or by
    one symbol of spellings.yaml ``char_separators`` repeated between single characters ("加|我|賴|拿|優|惠"); and a
    handle spelled one letter or digit apart ("t a o c i 8 8 8"), so no handle pattern sees it."""
    sym = "".join(re.escape(str(c)) for c in load_resource(SPELLINGS)["char_separators"])
    return re.compile(r"(?:[\u3400-\u9fff][ \u3000]+){5,}[\u3400-\u9fff]"
                      rf"|[\u3400-\u9fff]([{sym}])(?:[\u3400-\u9fff]\1){{4,}}[\u3400-\u9fff]"
                      r"|" + SPACED_HANDLE.pattern)


@lru_cache(maxsize=1)
def _heart_handle() -> re.Pattern[str]:
    """v❤ / 微💗: a handle letter followed by hearts (the letters are data: spellings.yaml); hearts set inside the word
    ("威❤️信") stand for nothing, the 信 is written."""
    letters = "".join(re.escape(str(c)) for c in load_resource(SPELLINGS)["heart_handle"])
    char = re.escape(str(load_resource(SPELLINGS)["heart_char"]))
    return re.compile(rf"([{letters}])\s*[❤♥💗💕️]+(?:\s*{char})?")


@lru_cache(maxsize=4)
def _char_table(key: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """A spellings.yaml table of written forms and what they stand for, with one pattern finding any of them."""
    table = {str(k): str(v) for k, v in (load_resource(SPELLINGS).get(key) or {}).items()}
    return re.compile("|".join(re.escape(k) for k in table) or r"(?!x)x"), table


def _symbols() -> tuple[re.Pattern[str], dict[str, str]]:
    """Emoji that stand for a contact word (🐧 → 企鹅), from spellings.yaml."""
    return _char_table("symbols")


@lru_cache(maxsize=1)
def _word_emoji() -> tuple[re.Pattern[str], dict[str, str]]:
    """Runs of one pictograph that stands for a word in the sentence (🧧🧧 → 红包), from spellings.yaml ``word_emoji``."""
    _, table = _char_table("word_emoji")
    return re.compile("|".join(f"(?:{re.escape(k)})+" for k in table) or r"(?!x)x"), table


def _read_word_emoji(folded: str) -> str:
    """Each run read as its word, unless the word itself stands just before the run (谢谢红包🧧🧧 stays one 红包:
    repeating it would read as a chant of the word)."""
    rx, table = _word_emoji()

    def word(m: re.Match[str]) -> str:
        w = next(w for k, w in table.items() if m.group(0).startswith(k))
        return "" if folded[:m.start()].rstrip().endswith(w) else w

    return rx.sub(word, folded)


DECORATED_MIN = 3  # pictographs set tight between characters in this many places break the words apart on purpose


def _split_chars() -> tuple[re.Pattern[str], dict[str, str]]:
    """Characters written as their parts side by side (亻言 → 信), from spellings.yaml."""
    return _char_table("split_chars")


@lru_cache(maxsize=1)
def _lookalikes() -> tuple[re.Pattern[str], dict[int, str]]:
    """Look-alike characters written for plain ones (火星文: 莪 → 我), from spellings.yaml ``lookalike_chars``."""
    pattern, table = _char_table("lookalike_chars")
    return pattern, str.maketrans(table)


# digits written in another form than ASCII (全角 ０-９, circled ①-⑨ ⓪ ❶-❾, parenthesised ⑴, with a full stop ⒈, super- and
# subscript, mathematical 𝟏): a run of a number this long (allowing spaces and hyphens) in which FANCY_DIGITS_MIN of them are
# so written is a number spelled to hide it — a date (２０２６年１２月) or a price is broken by its units long before
_FANCY_DIGIT = "\uff10-\uff19\u2460-\u2468\u24ea\u24f5-\u24fd\u2474-\u247c\u2488-\u2490\u2776-\u277e\u2780-\u2788" \
    "\u278a-\u2792\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u2080-\u2089\U0001d7ce-\U0001d7ff"
_FANCY_RUN = re.compile(f"(?:[0-9{_FANCY_DIGIT}][\\s\\-.]*){{7,}}")
_FANCY_ONE = re.compile(f"[{_FANCY_DIGIT}]")
FANCY_DIGITS_MIN = 5


def _fancy_number(raw: str) -> bool:
    """A number of seven digits or more, five of them written in a non-ASCII digit form (see ``_FANCY_DIGIT``)."""
    return bool(_FANCY_ONE.search(raw)) and any(len(_FANCY_ONE.findall(m.group(0))) >= FANCY_DIGITS_MIN
                                                for m in _FANCY_RUN.finditer(raw))


_LATIN_MARKED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")  # Latin letters with tone marks or accents (wēi xìn)


def _unmarked(text: str) -> str:
    """Latin letters without their tone marks (wēi xìn → wei xin), so pinyin with tones reads as pinyin."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _decoration() -> re.Pattern[str]:
    """Pictographs set tight between two characters of the folded text (私🙏我): spellings.yaml ``decorative_emoji``. One
    with white space beside it ends a clause ("好吃😋 下次再来") and stays."""
    return decorative_between("+")


def decorative_between(marks: str) -> re.Pattern[str]:
    """A pictograph of spellings.yaml ``decorative_emoji`` set tight between two characters, followed by ``marks``
    (a quantifier, or the marks that may ride on one pictograph)."""
    emoji = str(load_resource(SPELLINGS).get("decorative_emoji") or r"(?!x)x")
    return re.compile(rf"(?<=[\u3400-\u9fff])(?:{emoji}){marks}(?=[\u3400-\u9fff])")


@lru_cache(maxsize=1)
def _emoji_in_handle() -> re.Pattern[str]:
    """Pictographs of spellings.yaml ``decorative_emoji`` set tight before a Latin letter or a digit, after a letter, a
    digit or a character (賴❤️ID：guitar❤️88, V：bb❤ma❤2024): they break a handle, or its app's name from the label, apart
    for the patterns read on the folded text (an account on another app); nothing stands for them there, so they go."""
    emoji = str(load_resource(SPELLINGS).get("decorative_emoji") or r"(?!x)x")
    return re.compile(rf"(?<=[0-9a-z\u3400-\u9fff])(?:{emoji})+(?=[0-9a-z])")


@lru_cache(maxsize=4096)
def normalise(text: str) -> Normalised:
    """Normalise one message (cached: floods repeat the same text many times)."""
    raw = text or ""
    s = _EMOJI_NUM_RE.sub(lambda m: _EMOJI_NUM[m.group(0)], raw)
    symbols, words = _symbols()
    s = symbols.sub(lambda m: words[m.group(0)], s)
    split, whole = _split_chars()
    s = split.sub(lambda m: whole[m.group(0)], s)
    folded = _COMBINING.sub("", fold(s)).translate(_PLUS)
    evasions: list[str] = []
    look, plain = _lookalikes()
    if lookalike := look.findall(folded):
        evasions.extend(sorted(set(lookalike)))
        folded = folded.translate(plain)
    if _LATIN_MARKED.search(folded):
        folded = _LATIN_MARKED.sub(lambda m: _unmarked(m.group(0)), folded)
    skeleton = folded.translate(_skeleton()) if _skeleton_chars().search(folded) else folded
    if skeleton != folded:
        evasions.append("形近字母")  # Cyrillic/Greek look-alikes inside Latin handles
        folded = skeleton
    # hearts stand in for 信 ("v❤", "薇❤"); they are punctuation to _NON_WORD, so fold them first
    folded = _heart_handle().sub(lambda m: m.group(1) + str(load_resource(SPELLINGS)["heart_char"]), folded)
    # emoji set between the characters of a word (需🙏要, 私🤙🏻我) decorate it: the word is read whole; set between
    # character after character (宜💰宝📦可💎币), they are there to break the words apart, as spaces are in 逐字隔开
    folded = _read_spaced_numerals(folded)
    decorated = folded
    worded = _read_word_emoji(folded)  # 发个🧧吧 → 发个红包吧, before pictographs between characters are dropped
    worded_any = worded != folded  # the pictographs stay in the decorated text (a wall of them is counted there)
    folded, places = _decoration().subn("", worded)
    folded = _emoji_in_handle().sub("", folded)
    if places >= DECORATED_MIN:
        evasions.append("表情隔字")
    compact = _NON_WORD.sub("", URL_RE.sub(" ", folded))
    sp = spellings()
    # no variant in the text: no pattern finds one, nor after another's substitution (there is none)
    for pattern, canonical in sp.variants if sp.any_variant.search(compact) else ():
        # a spelling counts only on word boundaries: 加扣 inside 附加扣除 (附加 | 扣除) or 加微 in 参加微辣 is no 加qq
        hits = [m for m in pattern.finditer(compact) if not cuts_word(compact, m.start(), m.end())]
        if hits:
            evasions.extend(m.group(0) for m in hits if m.group(0) != canonical)
            compact = "".join(part for i, m in enumerate(hits)
                              for part in (compact[hits[i - 1].end() if i else 0:m.start()], canonical)) \
                + compact[hits[-1].end():]
    # a keycap read as ０ only adds fancy digits and joins runs: one test covers the text with and without them
    if _fancy_number(_EMOJI_NUM_RE.sub("０", raw)):
        evasions.append("数字变形")  # full-width, circled or keycap digits: the number is spelled to hide it
    # a mobile in spoken digits is read as digits before the runs spelled to hide a number are looked for: it hides nothing
    said = compact
    for spoken, number in _spoken_mobiles(folded).items():
        said = said.replace(spoken, number)
    digits = sp.digit_run.sub(_digit_run, said)
    # one numeral after a number is a measure ("1202两室一厅"), not a spelled handle: two or more are
    if digits != said and (len(digits) != len(said) or sum(a != b for a, b in zip(digits, said)) >= 2) \
            and "数字变形" not in evasions:
        evasions.append("数字变形")
    if _spaced().search(folded):  # "需 要 私 我": every character apart, so no word of a list matches the raw text
        evasions.append("逐字隔开")
    return Normalised(raw=raw, folded=folded, compact=compact, digits=digits, evasions=tuple(evasions),
                      decorated=decorated if places or worded_any else folded)


def fingerprint(text: str) -> str:
    """Matching key for 'the same message again' (the audit log's repeats, the flood counter): the normalised compact
    form, capped in length."""
    return normalise(text or "").digits[:256]

"""Chinese text normalisation and tokenisation shared by retrieval, moderation, notes and evals.

Matching must not care whether a user typed Traditional or Simplified, full-width or half-width,
or hid zero-width characters in a word, so every comparison goes through :func:`fold`. Display text
is never replaced: callers keep the original and fold only a copy.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import re
import sys
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import Annotated, Any, Literal

import opencc
from pydantic import BeforeValidator

from copilot.paths import RESOURCES_DIR, load_resource, load_yaml


def _import_jieba():  # type: ignore[no-untyped-def]
    """jieba, imported without setuptools' ``pkg_resources`` (about half a second of every command's start-up, and
    deprecated): jieba only uses it to open its own dictionary files and falls back to their plain paths when it
    cannot be imported. A ``pkg_resources`` some other library already loaded is left as it is."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba as module  # noqa: PLC0415

        return module
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` raise ImportError
    try:
        import jieba as module  # noqa: PLC0415
    finally:
        del sys.modules["pkg_resources"]
    return module


jieba = _import_jieba()

jieba.setLogLevel(logging.WARNING)

INVISIBLE_PATH = RESOURCES_DIR / "invisible.yaml"
# Unicode assigns format characters and decimal digits only in these planes (BMP, SMP, tags/variation
# selectors): scanning them, not all 1.1 million code points, keeps the tables cheap to build.
_SCAN = (range(0x0, 0x20000), range(0xE0000, 0xE1000))
# lone UTF-16 surrogates (a broken client's "\ud800") cannot be encoded; they become U+FFFD
_SURROGATE = re.compile("[\ud800-\udfff]")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_TOKEN_KEEP = re.compile(f"[{_CJK}A-Za-z0-9]")
_lock = threading.Lock()


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def cn_magnitude(ch: str) -> int:
    """The place a Chinese numeral's magnitude stands for (十 → 10, 万 → 10000), 0 for any other character."""
    return _CN_UNITS.get(ch, 0)


def cn_to_int(text: str) -> int | None:
    """``四十五`` → 45, ``两百`` → 200, ``三`` → 3, ``12`` → 12; None if it is not a plain numeral."""
    if text.isdigit():
        return int(text)
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
        else:
            return None
    return total + section + (digit or 0)


@lru_cache(maxsize=8)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def opencc_plain(text: str, config: str) -> str:
    """``text`` through OpenCC ``config`` as it stands: none of zh_hant.yaml's fixes or phrases (a build script's
    fixed output; members' text goes through :func:`to_traditional` or :func:`to_local_traditional`)."""
    return _converter(config).convert(text)


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, so it can be encoded, stored and converted."""
    return _SURROGATE.sub("\ufffd", text) if text else text


def to_simplified(text: str) -> str:
    """Traditional → Simplified (OpenCC ``t2s``)."""
    return _converter("t2s").convert(valid_unicode(text)) if text else text


def to_traditional(text: str) -> str:
    """Simplified → Traditional with Taiwan character forms (OpenCC ``s2tw``: 群 not 羣, 裡 not 裏).

    Character forms only, no phrase localisation (軟件 stays 軟件), so facts and names keep their
    wording; used when the output script is zh-Hant.
    """
    return _hant_fixes(_converter("s2tw").convert(valid_unicode(text))) if text else text


@lru_cache(maxsize=1)
def _hant_table() -> dict[str, Any]:
    return load_resource("zh_hant.yaml")


def _hant_fixes(text: str) -> str:
    """What OpenCC gets wrong, fixed after it (``resources/zh_hant.yaml``: fixes): characters it leaves
    Simplified outside the words it knows (入群后 → 入群後) and phrases it matches across a word boundary
    (a word ending in 结 followed by the verb 发 is not 结发), except in the words listed to keep them."""
    for char, rule in (_hant_table().get("fixes") or {}).items():
        if char not in text:
            continue
        keep = rule.get("keep") or []
        parts = re.split("(" + "|".join(map(re.escape, keep)) + ")", text) if keep else [text]
        text = "".join(p if p in keep else p.replace(char, rule["to"]) for p in parts)
    return text


def hant_region(text: str) -> str:
    """``hk`` when ``text`` (a profile) is about Hong Kong or Macau, else ``tw``."""
    t = fold(text)
    return next((r for r, words in _hant_table()["regions"].items() if any(w in t for w in words)), "tw")


def to_local_traditional(text: str, region: str = "tw") -> str:
    """Simplified → Traditional with the region's vocabulary, for drafts members read: OpenCC phrase
    conversion (``s2twp``: 信息→資訊、链接→連結、数据→資料; ``s2hk`` for Hong Kong) and the few
    words in ``resources/zh_hant.yaml`` OpenCC leaves in mainland usage (二維碼→QR Code)."""
    if not text:
        return text
    table = _hant_table()
    out = _hant_fixes(_converter(table["configs"].get(region, "s2twp")).convert(valid_unicode(text)))
    return _replace_words(out, table["phrases"].get(region) or {})


def moderation_traditional(text: str, region: str = "tw") -> str:
    """A moderation reason or reply in Traditional characters (:func:`to_traditional`) with the few template words of
    ``resources/zh_hant.yaml`` ``moderation`` in the region's usage (that table is the only list of them) — not the
    whole phrase conversion of :func:`to_local_traditional`, which would also change the member's own words a reason
    quotes."""
    return _replace_words(to_traditional(text), (_hant_table().get("moderation") or {}).get(region) or {})


def _replace_words(text: str, mapping: dict[str, str]) -> str:
    """``text`` with each word of ``mapping`` replaced by its value in turn, the longest words first."""
    for mainland, local in sorted(mapping.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(mainland, local)
    return text


def glyph_choices(preferred_text: str, other_text: str) -> dict[str, str]:
    """For each pair of Traditional glyph variants (群/羣, 裡/裏…): which one a draft should use, as
    {variant to replace: variant to keep}. The variant in ``preferred_text`` (the group's name) wins;
    else the one used more in ``other_text`` (what the operator wrote); pairs neither uses are left out."""
    out: dict[str, str] = {}
    for a, b in _hant_table()["variants"]:
        if (a in preferred_text) != (b in preferred_text):
            keep = a if a in preferred_text else b
        elif other_text.count(a) != other_text.count(b):
            keep = a if other_text.count(a) > other_text.count(b) else b
        else:
            continue
        out[b if keep == a else a] = keep
    return out


def _canonical_script(value: Any) -> Any:
    return {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}.get(value.strip().lower(), value) if isinstance(value, str) else value


# Output script as settings and profiles accept it: any letter case ("zh-hant" → "zh-Hant").
Script = Annotated[Literal["zh-Hans", "zh-Hant"], BeforeValidator(_canonical_script)]


@lru_cache(maxsize=8192)
def t2s_char(ch: str) -> str:
    """One character in Simplified (itself when OpenCC would make it longer or shorter)."""
    out = to_simplified(ch)
    return out if len(out) == 1 else ch


@lru_cache(maxsize=8192)
def _simplified_only(ch: str) -> bool:
    """A character Traditional writes differently (个 → 個, 么 → 麼) — and that is not itself a Traditional form: OpenCC
    writes the variant 羣 as 群 both ways, so 羣 is counted as Traditional only (「羣友吵架了」 is asked in Traditional)."""
    return to_traditional(ch) != ch and t2s_char(ch) == ch


def asked_script(text: str) -> str:
    """The script a short text (a question) leans to: ``zh-Hant`` when it has more Traditional-only than
    Simplified-only characters — one 潛 in 潛水的要不要清理 is enough, while two Traditional characters
    typed into a Simplified question (怎么找管理員幫忙, with 个/么/过/来 around them) are not."""
    trad = simp = 0
    for ch in text:
        if _CJK_RE.match(ch):
            trad += t2s_char(ch) != ch
            simp += _simplified_only(ch)
    return "zh-Hant" if trad > simp else "zh-Hans"


@lru_cache(maxsize=1)
def _shared_words() -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The entries of ``hant_words.yaml`` its ``simplified_too`` lists: read the same way in a Simplified question."""
    data = load_resource("retrieval/hant_words.yaml")
    shared = {str(w) for w in data.get("simplified_too") or []}
    table = {str(k): str(v) for k, v in (data.get("words") or {}).items() if str(k) in shared}
    if not table:
        return None
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


@lru_cache(maxsize=1)
def _hant_words() -> tuple[re.Pattern[str], dict[str, str]] | None:
    """``resources/retrieval/hant_words.yaml``: Taiwan / Hong Kong operators' words (群組, 私訊, 幹部) → the cards' words."""
    table = {str(k): str(v) for k, v in (load_resource("retrieval/hant_words.yaml").get("words") or {}).items()}
    if not table:
        return None
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


@lru_cache(maxsize=1)
def _cantonese() -> tuple[frozenset[str], re.Pattern[str], dict[str, str]] | None:
    """``resources/retrieval/cantonese.yaml``: written Cantonese (冇人講嘢, 嗌交, 點樣) → the Mandarin the cards use,
    read only in a question with one of its Cantonese-only characters (``markers``)."""
    data = load_resource("retrieval/cantonese.yaml")
    table = {str(k): str(v) for k, v in (data.get("words") or {}).items()}
    markers = frozenset("".join(str(m) for m in data.get("markers") or []))
    if not table or not markers:
        return None
    return markers, re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


def mandarin_form(text: str) -> str:
    """``text`` (Simplified) with its written Cantonese in Mandarin when it has a Cantonese-only character, else as
    it is: a Hong Kong operator's 我哋個群成日冇人講嘢 ranks like 我们的群经常没人说话."""
    if (canto := _cantonese()) is None or not any(ch in canto[0] for ch in text):
        return text
    return canto[1].sub(lambda m: canto[2][m.group(0)], text)


@lru_cache(maxsize=4096)
def ask_form(text: str) -> str:
    """The form of a question that retrieval and the fit scorer read: a Traditional question (:func:`asked_script`)
    in Simplified with the mainland word forms (OpenCC ``tw2sp``: 訊息 → 消息, 網路 → 网络) and the cards' words for the
    operators' Taiwan / Hong Kong ones (群組 → 群, 幹部 → 管理员: ``resources/retrieval/hant_words.yaml``), so it ranks
    like its Simplified twin. A Simplified question keeps its words, except the few of that table a mainland operator
    writes too in the same sense (``hant_words.yaml``'s ``simplified_too``: 群组 names the group): else
    我们群组… and 我們群組… ranked differently (qa15r35)."""
    if not text:
        return text
    if asked_script(text) != "zh-Hant":
        shared = _shared_words()
        return mandarin_form(shared[0].sub(lambda m: shared[1][m.group(0)], text) if shared is not None else text)
    out = mandarin_form(_converter("tw2sp").convert(valid_unicode(text)))
    if (words := _hant_words()) is not None:
        pattern, table = words
        out = pattern.sub(lambda m: table[m.group(0)], out)
    return out


def written_script(text: str) -> str:
    """``zh-Hant`` when a clear share of the Chinese characters of ``text`` are Traditional-only forms
    (at least 3 and 4 %), else ``zh-Hans``: one Traditional name (陳) in a Simplified text does not count."""
    cjk = changed = 0
    for ch in text:
        if _CJK_RE.match(ch):
            cjk += 1
            changed += t2s_char(ch) != ch
    return "zh-Hant" if changed >= 3 and changed >= 0.04 * cjk else "zh-Hans"


def to_script(text: str, script: str) -> str:
    """Render ``text`` in the requested output script (``zh-Hans`` or ``zh-Hant``)."""
    return to_traditional(text) if script == "zh-Hant" else to_simplified(text)


@lru_cache(maxsize=1)
def _invisible() -> dict[int, None]:
    """Every character a reader does not see: category Cf, Default_Ignorable_Code_Point and the blank
    glyphs of ``resources/invisible.yaml``, as a ``str.translate`` table that deletes them (five times
    faster than one regex character class on chat-length lines)."""
    data = load_yaml(INVISIBLE_PATH.read_text(encoding="utf-8"))
    ranges = [(int(lo), int(hi)) for key in ("default_ignorable", "blank") for lo, hi in data[key]]
    ranges += [(c, c) for plane in _SCAN for c in plane if unicodedata.category(chr(c)) == "Cf"]
    return dict.fromkeys((c for lo, hi in ranges for c in range(lo, hi + 1)), None)


@lru_cache(maxsize=1)
def _digits() -> dict[int, str]:
    """Decimal digits of every script (Arabic-Indic ٥, Devanagari ५, Thai ๕, dingbat ❺ …) → ASCII."""
    table: dict[int, str] = {}
    for plane in _SCAN:
        for c in plane:
            if c > 0x7F and (d := unicodedata.digit(chr(c), None)) is not None:
                table[c] = str(d)
    return table


@lru_cache(maxsize=1)
def _width_table() -> dict[int, str | None]:
    """:func:`width_fold`'s one pass after NFKC: invisible characters deleted, digits made ASCII."""
    return {**_digits(), **_invisible()}


# where chat text lives: ASCII, CJK punctuation, CJK ideographs, full-width forms
_COMMON_CHARS = ((0x0, 0x7F), (0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF))


def may_have(codes: Iterable[int]) -> re.Pattern[str]:
    """A regex that finds a character which may be one of ``codes`` (a translate table's keys) — any character
    outside the common ranges of chat text (ASCII, CJK, full-width), or one of ``codes`` inside them. A text where
    it finds none is left as it is by the table, without the translate: ``str.translate`` looks every character
    up in the table, making an int per character; this class tests them in C against a bitmap (one character class
    of the keys themselves is slower still: thousands of ranges, some outside the BMP, tested one by one)."""
    keys = set(codes)
    safe = [c for lo, hi in _COMMON_CHARS for c in range(lo, hi + 1) if c not in keys]
    ranges: list[list[int]] = []
    for c in safe:
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    body = "".join(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges)
    return re.compile(f"[^{body}]")


@lru_cache(maxsize=1)
def _invisible_chars() -> re.Pattern[str]:
    return may_have(_invisible())


@lru_cache(maxsize=1)
def _width_chars() -> re.Pattern[str]:
    return may_have(_width_table())


def strip_invisible(text: str) -> str:
    """``text`` without the characters a reader does not see (see :func:`_invisible`)."""
    return text.translate(_invisible()) if _invisible_chars().search(text) else text


def invisible_between_words(text: str) -> int:
    """How many characters a reader does not see (:func:`_invisible`) sit inside the writing itself: between two letters,
    digits or Chinese characters (white space and other unseen characters skipped) — 加\u200b微\u200b信, 兼\u200b职, v\u200bx:
    put there to break the words a filter looks for. Not an emoji's own joiner or variation selector (👨\u200d👩\u200d👧,
    ❤\ufe0f, 1\ufe0f\u20e3: a pictograph or keycap on one side), nor a mark at the start or the end of the text."""
    if not _invisible_chars().search(text):
        return 0
    table = _invisible()
    seen = [c for c in text if ord(c) not in table and not c.isspace()]  # the visible characters, in order
    count, before = 0, 0  # ``before``: how many visible characters came before the current position
    for c in text:
        if ord(c) not in table:
            before += not c.isspace()
        elif 0 < before < len(seen) and _word_char(seen[before - 1]) and _word_char(seen[before]):
            count += 1
    return count


def _word_char(c: str) -> bool:
    """A letter or a digit of any script (Chinese characters are letters, category Lo): what a word is written in."""
    return unicodedata.category(c)[0] in "LN"


def width_fold(text: str) -> str:
    """Full-width → half-width and compatibility forms → plain ones (NFKC), invisible characters
    removed, and decimal digits of any script made ASCII (so ٥٩٢ is read as 592)."""
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_width_table()) if _width_chars().search(text) else text


_SPACE_RUN = re.compile(r"[ \t\u3000\xa0]*\n[\s\u3000]*|[ \t\u3000\xa0]{2,}")


def squeeze(text: str) -> str:
    """``text`` without invisible format characters and with every run of white space made one
    (a newline if the run had one): what a reader sees, before any length limit is applied.

    Padding an ad with thousands of zero-width characters or blank lines must not push it past a cut.
    """
    text = strip_invisible(valid_unicode(text))
    return _SPACE_RUN.sub(lambda m: "\n" if "\n" in m.group(0) else " ", text).strip()


# white space or a bar between two Chinese characters (or after a Chinese clause's mark): how a question
# typed on a phone separates its clauses (群里有人借钱不还 其他群友找我告状 我是群主要管吗)
_CLAUSE_GAP = re.compile(f"(?<=[{_CJK}])(?:[ \\t\\u3000\\xa0]*[\\n\\r|｜][\\s\\u3000|｜]*|[ \\t\\u3000\\xa0]+)(?=[{_CJK}])")


def clause_commas(text: str) -> str:
    """``text`` with a space, a line break or a bar (|｜) that stands between two Chinese clauses read as the comma
    it stands for: a question's verdict must not depend on which separator the asker typed. Latin words keep their
    spaces (QQ 群, 2 小时), and a slash stays (群规/群公告 is usually "either/or")."""
    return _CLAUSE_GAP.sub("，", text)


# one to four characters (not digits: 1000 is not padding) said three times or more in a row
_REPEAT_RUN = re.compile(r"((?:(?!\d)\S){1,4}?)\1{2,}")


def unpad(text: str) -> str:
    """``text`` with every run of one to four characters said three times or more in a row made one (啊啊啊啊啊 → 啊,
    ！！！！ → ！, 群主群主群主 → 群主): what a padded question says, so the padding cannot move how it is ranked."""
    return _REPEAT_RUN.sub(r"\1", text)


@lru_cache(maxsize=1)
def _variant_spellings() -> tuple[re.Pattern[str], dict[str, str]] | None:
    """``resources/variant_spellings.yaml``: regional spellings of one word (瑜珈 → 瑜伽) as one pattern,
    longest first; each replacement keeps the length, so positions in the folded text stay the original's."""
    table = {str(k): str(v) for k, v in (load_resource("variant_spellings.yaml").get("spellings") or {}).items()}
    bad = [k for k, v in table.items() if len(k) != len(v)]
    if bad:
        raise ValueError(f"variant_spellings.yaml: a spelling and its replacement differ in length: {bad}")
    if not table:
        return None
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


FOLD_CACHE_CHARS = 512  # messages and sentences are folded again and again by each layer; whole files are not
# a long message (a 3,500-byte notice) is folded again for each of its clauses by the to-do step's deadline reading
# (``find_deadline``'s context): the last few are remembered too, so that costs the message's length once, not once
# per clause (round 59, d00b59: 1,848 of 4,249 long folds in 60 such messages); a whole file is longer than this
FOLD_LONG_CHARS = 16_384  # 256 of them at most: ~16 MB at worst


def fold(text: str) -> str:
    """The matching form of ``text``: NFKC, zero-width removed, lower case, Simplified script, and one
    spelling for a word regions write differently (瑜珈 → 瑜伽: ``resources/variant_spellings.yaml``).

    Short texts are remembered (a notes run folds each message and sentence in a dozen places), and the last
    few long messages."""
    if len(text) <= FOLD_CACHE_CHARS:
        return _fold_cached(text)
    return _fold_long(text) if len(text) <= FOLD_LONG_CHARS else _fold(text)


@lru_cache(maxsize=32768)
def _fold_cached(text: str) -> str:
    return _fold(text)


@lru_cache(maxsize=256)
def _fold_long(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    out = to_simplified(width_fold(text)).lower()
    if (variants := _variant_spellings()) is not None:
        pattern, table = variants
        out = pattern.sub(lambda m: table[m.group(0)], out)
    return out


@lru_cache(maxsize=64)
def _char_forms(text: str) -> tuple[str, ...]:
    """Each character of a short ``text`` in its matching form, remembered for the last texts: a verdict's reason puts
    back every quoted item of one message (pipeline._quoted_as_written), each a :func:`written_span` of the same text."""
    return tuple(map(_fold_cached, text))  # (no generator frame per character: round 79, d17s79)


def written_span(text: str, folded: str) -> str | None:
    """The part of ``text`` whose matching form (:func:`fold`, character by character, spaces inside skipped) is
    ``folded``, as ``text`` writes it: 幹你娘 for 干你娘 in "幹你娘咧", 白癡 for 白痴 — so a quote shows the writer's own
    characters, not a conversion of them. None when no part of ``text`` folds to it."""
    if not folded:
        return None
    forms = _char_forms(text) if len(text) <= FOLD_CACHE_CHARS else [_fold_cached(ch) for ch in text]
    for i, first in enumerate(forms):
        if not first or not folded.startswith(first):
            continue
        k, j = 0, i
        while k < len(folded) and j < len(text):
            f = forms[j]
            if f and folded.startswith(f, k):
                k += len(f)
            elif f and not f.isspace():
                break
            j += 1
        if k == len(folded):
            return text[i:j]
    return None


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among non-space characters (0 for empty text)."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if _CJK_RE.match(c)) / len(chars)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    path = RESOURCES_DIR / "stopwords_zh.txt"
    words = {w.strip() for w in path.read_text(encoding="utf-8").splitlines()}
    return frozenset(w for w in words if w and not w.startswith("#"))


def tokenizer_stamp() -> str:
    """A fingerprint of what :func:`tokenize` depends on beyond its code: jieba's version, our domain words and the
    stop words. Stored tokens (the index snapshot) made under another stamp are stale — an upgrade that adds a domain
    word (群规 so that 群规模板 is no longer cut 群规模 + 板) must re-tokenise the chunks, not only the queries."""
    digest = hashlib.sha1(str(getattr(jieba, "__version__", "")).encode())
    for name in ("userdict_zh.txt", "stopwords_zh.txt"):
        path = RESOURCES_DIR / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b""))
    return digest.hexdigest()


_jieba_ready = False


class _WholeFileMarshal:
    """``marshal`` for jieba's ``initialize``, whose ``marshal.load(file)`` reads its 9 MB dictionary cache in small
    pieces (0.6 s of CPU here); ``marshal.loads`` of the whole file's bytes gives the same objects in a third of that."""

    dump = staticmethod(marshal.dump)
    dumps = staticmethod(marshal.dumps)
    loads = staticmethod(marshal.loads)

    @staticmethod
    def load(file: Any) -> Any:
        return marshal.loads(file.read())


def _initialize_jieba() -> None:
    """``jieba.initialize()`` with its cache read whole (:class:`_WholeFileMarshal`); the same dictionary."""
    real = jieba.marshal  # type: ignore[attr-defined]
    jieba.marshal = _WholeFileMarshal  # type: ignore[attr-defined]
    try:
        jieba.initialize()
    finally:
        jieba.marshal = real  # type: ignore[attr-defined]


def ensure_jieba() -> None:
    """Load jieba's dictionary once (about a second) plus our domain words."""
    global _jieba_ready
    if _jieba_ready:
        return
    with _lock:
        if _jieba_ready:
            return
        _initialize_jieba()
        path = RESOURCES_DIR / "userdict_zh.txt"
        if path.exists():
            jieba.load_userdict(str(path))
        _jieba_ready = True


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    import jieba.posseg as pseg  # noqa: PLC0415 - the POS tagger loads its own model (~0.7 s), only when asked

    ensure_jieba()
    # our domain words' tags reach the tagger's table only at its first cut (makesure_userdict_loaded): merged here,
    # word_class is the same before and after any tagging in the process (a chat's notes did depend on the chats
    # summarised before it, whose faithfulness check had tagged text)
    pseg.dt.makesure_userdict_loaded()
    return pseg.dt.word_tag_tab


def word_class(word: str) -> str | None:
    """The part of speech jieba's dictionary gives ``word`` (``r`` pronoun, ``t`` time, ``n`` noun…), if any."""
    return _word_tags().get(word)


# jieba cuts a text block by block (a run of Han/Latin/digits, or the punctuation and spaces between
# runs) and no block's words depend on another's, so the words of one block are remembered: a sentence
# is cut once whether it comes as its own text or inside its message, and every later pass over it
# (topic words, key points, word bounds) reads the cached cut. Exactly jieba's own result.
_JIEBA_BLOCK = jieba.re_han_default


@lru_cache(maxsize=131072)
def _cut_block(block: str, hmm: bool) -> tuple[str, ...]:
    return tuple(jieba.dt.cut(block, HMM=hmm))


def cut_words(text: str, *, hmm: bool = True) -> list[str]:
    """``jieba.lcut(text, HMM=hmm)``, cut block by block through a cache (same words, same order)."""
    ensure_jieba()
    out: list[str] = []
    for block in _JIEBA_BLOCK.split(text):
        if block:
            out.extend(_cut_block(block, hmm))
    return out


def _search_words(words: list[str]) -> list[str]:
    """``jieba.lcut_for_search`` on top of the words of :func:`cut_words`: each long word's dictionary
    sub-words (2- then 3-character) before the word itself."""
    freq = jieba.dt.FREQ
    out: list[str] = []
    for w in words:
        if len(w) > 2:
            out.extend(g for i in range(len(w) - 1) if freq.get(g := w[i:i + 2]))
        if len(w) > 3:
            out.extend(g for i in range(len(w) - 2) if freq.get(g := w[i:i + 3]))
        out.append(w)
    return out


def _offsets(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each word of a cut (``jieba.tokenize``'s default mode)."""
    spans, start = [], 0
    for w in words:
        spans.append((start, start + len(w)))
        start += len(w)
    return spans


def tokenize(text: str, *, for_search: bool = True, keep_stopwords: bool = False) -> list[str]:
    """Words of ``text`` for BM25 and overlap scores: folded, jieba-segmented, punctuation dropped.

    ``for_search`` uses jieba's search mode, which also emits the sub-words of long compounds
    (社群运营 → 社群, 运营, 社群运营) so that a query and a passage meet even when one of them
    uses the compound and the other the parts.
    """
    words = cut_words(fold(text))
    if for_search:
        words = _search_words(words)
    stop = stopwords()
    out = []
    for w in words:
        w = w.strip()
        if not w or not _TOKEN_KEEP.search(w):
            continue
        if not keep_stopwords and w in stop:
            continue
        out.append(w)
    return out


@lru_cache(maxsize=65536)
def word_bounds(text: str) -> frozenset[int]:
    """Offsets in ``text`` where jieba puts a word boundary (0 and len included): a span that starts or
    ends elsewhere cuts through a word (小赠品 → 小 | 赠品: "小赠" is no name)."""
    return frozenset({0, len(text)} | {i for span in _offsets(cut_words(text)) for i in span})


@lru_cache(maxsize=65536)
def word_spans(text: str) -> tuple[tuple[int, int], ...]:
    """jieba's dictionary words of ``text`` as (start, end) offsets (no HMM guesses such as 人速 in 考研人速转)."""
    return tuple(_offsets(cut_words(text, hmm=False)))


@lru_cache(maxsize=65536)
def _word_starts(text: str) -> tuple[int, ...]:
    return tuple(a for a, _ in word_spans(text))


def words_across(text: str, *points: int) -> list[tuple[int, int]]:
    """The words of :func:`word_spans` that a point of ``points`` falls strictly inside (start < point < end), in
    the text's order, each once. The words of a cut follow one another without a gap, so at most one holds each
    point: found by bisection, not by reading every word of the text for each point (round 59, d00b59: a long
    message has hundreds of words and a cue or name hit in nearly every clause)."""
    spans, starts = word_spans(text), _word_starts(text)
    found: list[tuple[int, int]] = []
    for p in sorted(points):
        i = bisect_right(starts, p) - 1
        if i >= 0 and spans[i][0] < p < spans[i][1] and spans[i] not in found:
            found.append(spans[i])
    return found


# a word jieba's dictionary counts fewer times is a rare compound (转发给 3, 家养 …), not a word a cue cuts
COMMON_WORD_FREQ = 10


def cuts_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` takes the tail or head of a longer common word of ``text``: 湖人 in 西湖人好多
    (西湖 | 人), 加群 in 加群主 (加 | 群主); not 请转 in 请转发给 (转发给 is a rare dictionary compound). A span inside one word (湖人 in 湖人队) or made of whole words
    cuts nothing."""
    return _may_cut(text, start, end) and any(  # only a word holding ``start`` or ``end`` can cross an edge
        ((a < start < b < end) or (start < a < end < b)) and word_frequency(text[a:b]) >= COMMON_WORD_FREQ
        for a, b in words_across(text, start, end))


def in_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a proper part of one longer word of jieba's dictionary in ``text`` (回收 of 回收站,
    博彩 of 博彩业) — a span that is not a word of the text as it is cut (:func:`cuts_word` asks whether it straddles one)."""
    return any(a <= start and end <= b and b - a > end - start for a, b in word_spans(text))


def may_hold(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word of jieba longer than ``text[start:end]`` could hold it where it stands: dictionary
    look-ups of the pieces of ``text`` around the span, as :func:`_may_cut` reads them (jieba keeps every beginning of a
    word, so a piece not in its table begins none). False proves :func:`in_word` False, with no cut, for a span with a
    character other than a Latin letter or a digit: a word of jieba's cut (no HMM) longer than one character is a
    dictionary word of positive frequency, or a run of Latin letters and digits."""
    ensure_jieba()
    freq = jieba.dt.FREQ
    longest, reach = _word_reach(len(freq))
    for a in range(max(0, end - longest), start + 1):
        if reach.get(text[a], 0) < end - a:
            continue  # no word this character begins reaches the span's end
        for b in range(a + 1, min(len(text), a + longest) + 1):
            f = freq.get(text[a:b])
            if f is None:
                break
            if f and b >= end and b - a > end - start:
                return True
    return False


def closes_word(text: str, i: int) -> bool:
    """Whether the character at ``i`` closes a common dictionary word of ``text`` that starts before it (在 of
    现在 in 我现在不在: no A-not-A 在不在 there)."""
    return any(a < i and b == i + 1 and word_frequency(text[a:b]) >= COMMON_WORD_FREQ for a, b in word_spans(text))

def _may_cut(text: str, start: int, end: int) -> bool:
    """Whether some common dictionary word of ``text`` crosses an edge of ``text[start:end]`` at all — what any
    word jieba could cut there must be. Dictionary look-ups of the few substrings over each edge: most cue hits
    cross none, and the message is not segmented for them (a hit of one character never cuts a word).

    jieba keeps every beginning of a dictionary word in its table too (at frequency 0), so a piece of the text that
    is not there begins no word: the pieces from one place on are read only as long as they are; and a place whose
    character begins no word long enough to reach into the span is passed over."""
    ensure_jieba()
    freq = jieba.dt.FREQ
    longest, reach = _word_reach(len(freq))
    for a in range(max(0, start + 1 - longest), start):  # a word from before the span that ends inside it
        if reach.get(text[a], 0) <= start - a:
            continue
        for b in range(start + 1, min(end, a + longest + 1)):
            f = freq.get(text[a:b])
            if f is None:
                break
            if f >= COMMON_WORD_FREQ:
                return True
    for a in range(start + 1, end):  # a word from inside the span that ends after it
        for b in range(end + 1, min(len(text), a + longest) + 1):
            f = freq.get(text[a:b])
            if f is None:
                break
            if f >= COMMON_WORD_FREQ:
                return True
    return False


@lru_cache(maxsize=1)
def _word_reach(size: int) -> tuple[int, dict[str, int]]:  # noqa: ARG001 - the dictionary's size: a word added since is measured too
    """The length of jieba's longest dictionary word, and of the longest word each character begins."""
    reach: dict[str, int] = {}
    for w in jieba.dt.FREQ:
        if len(w) > reach.get(w[:1], 0):
            reach[w[:1]] = len(w)
    return max(reach.values(), default=1), reach


def has_word(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as whole jieba words (both compared after ``fold``): 团本
    is not in 接龙团本地菜农 (团 | 本地), 二手 is not in 二手车, 老人 is in 空巢老人."""
    t, w = fold(text), fold(word)
    if not w:
        return False
    bounds = word_bounds(t)
    i = t.find(w)
    while i >= 0:
        if i in bounds and i + len(w) in bounds:
            return True
        i = t.find(w, i + 1)
    return False


def word_frequency(word: str) -> int:
    """How often ``word`` occurs in jieba's dictionary (0 when it is not a dictionary word): 小区 and
    小时 are common words, 小王 and 阿哲 are not."""
    ensure_jieba()
    return int(jieba.dt.FREQ.get(word) or 0)


def char_ngrams(text: str, n_min: int = 1, n_max: int = 2) -> list[str]:
    """Character n-grams of the folded text (no segmentation errors, robust to odd spellings)."""
    s = re.sub(r"\s+", "", fold(text))
    grams: list[str] = []
    for n in range(n_min, n_max + 1):
        grams.extend(s[i : i + n] for i in range(len(s) - n + 1))
    return grams


_SENT_SPLIT = re.compile(r"(?<=[。！？!?；;…])\s*|\n+")


def char_pairs(text: str) -> frozenset[str]:
    """The adjacent pairs of ``text``'s letters and digits (Chinese characters are letters; punctuation and spaces are
    skipped, so "周六 下午" has 六下): the overlap of two texts for the knowledge index, the answer composer, the
    notes' near-duplicate check and their answer picker. Fold first where case, width and script must not count."""
    chars = [c for c in text if c.isalnum()]
    return frozenset(a + b for a, b in zip(chars, chars[1:], strict=False))


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences on 。！？；… and line breaks, dropping empty pieces."""
    return [s.strip() for s in _SENT_SPLIT.split(text) if s and s.strip()]


_NEVER = re.compile(r"(?!x)x")


def cue_entry_parts(entries: Any) -> list[tuple[bool, str]]:
    """Each entry of a YAML cue entry as regex source, in order, with whether it was written as a ``/regex/`` (else
    a plain phrase, folded and escaped). The one reading of that convention: the notes' cue files and the moderator's
    reading of the platform's lines (notes/noise.yaml) share it."""
    if isinstance(entries, str):
        entries = [entries]
    parts = []
    for e in entries or []:
        e = str(e)
        written = len(e) > 2 and e.startswith("/") and e.endswith("/")
        parts.append((written, e[1:-1] if written else re.escape(fold(e))))
    return parts


def phrases_regex(entries: Any) -> re.Pattern[str]:
    """One regex for a YAML cue entry: a list of phrases/regexes, or a single ``/regex/`` string."""
    parts = [p for _, p in cue_entry_parts(entries)]
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else _NEVER

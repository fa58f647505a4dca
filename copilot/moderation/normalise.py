"""Layer 0: normalise a message so that evasions look like the plain words they stand for.

Spammers write 加 v 信, ➕薇, 威信, 扣扣, full-width or spaced digits and Traditional characters to
slip past keyword lists. Every later layer matches against the forms produced here, never against
the raw text, so a lexicon entry is written once (微信, qq) and catches all its spellings.
The original text is kept untouched for display and the audit log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from copilot.textnorm import fold

# Symbols that stand for "add" in 加V-style invitations (after NFKC ＋ is already +).
_PLUS = str.maketrans({"➕": "+", "✚": "+"})
_EMOJI_NUM = {"0️⃣": "0", "1️⃣": "1", "2️⃣": "2", "3️⃣": "3", "4️⃣": "4", "5️⃣": "5", "6️⃣": "6",
              "7️⃣": "7", "8️⃣": "8", "9️⃣": "9"}
_EMOJI_NUM_RE = re.compile("|".join(re.escape(k) for k in _EMOJI_NUM))
# Keycap digits leave a bare "\u20e3" or variation selector after NFKC; drop them.
_COMBINING = re.compile("[\ufe0f\u20e3]")

# Everything that is not a letter, digit or CJK character: separators spammers insert.
_NON_WORD = re.compile(r"[^0-9a-z_\u3400-\u4dbf\u4e00-\u9fff+]+")

# Links: kept in ``folded`` for the link check, removed from ``compact`` so that a URL such as
# mp.weixin.qq.com is not read as "微信 + qq" or as a contact handle.
URL_RE = re.compile(
    r"(?:(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+)"
    r"|(?:(?<![a-z0-9@.])(?:[a-z0-9-]+\.)+(?:com|cn|net|org|top|xyz|cc|me|io|vip|club|shop|site|info|link|ly|gg|tv|co|app|dev)"
    r"(?:/[^\s\u4e00-\u9fff]*)?)"
)

# Variant spellings → canonical tokens. Order matters: longer, more specific patterns first.
_VARIANTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"weixin|wechat|wei信|微xin|v信|v芯|vx|wx|微x|微❤|v❤|薇信|薇芯|威信|威芯|徽信|围信|卫信|危信|维信|微芯|嶶信|wei xin"), "微信"),
    (re.compile(r"(?:\+|加|添加)(?:(?:微|薇|威)(?!信)|(?:v|w)(?!信|ip|ifi|in|eb|ord))"), "加微信"),
    (re.compile(r"扣扣|企鹅号|企鹅|抠抠|扣q|qq号|q号"), "qq"),
    (re.compile(r"(?:\+|加)q(?!q)"), "加qq"),
    (re.compile(r"(?:\+|加)(?=qq)"), "加"),
    (re.compile(r"ｖ|Ｖ"), "v"),
]

# Chinese and look-alike numerals used to spell contact numbers (幺 = 1 when reading digits aloud).
_CN_DIGITS = str.maketrans({
    "零": "0", "〇": "0", "o": "0", "一": "1", "壹": "1", "幺": "1", "l": "1", "二": "2", "贰": "2",
    "两": "2", "三": "3", "叁": "3", "四": "4", "肆": "4", "五": "5", "伍": "5", "六": "6", "陆": "6",
    "七": "7", "柒": "7", "拐": "7", "八": "8", "捌": "8", "九": "9", "玖": "9", "勾": "9",
})
# A run of at least 5 digit-like characters containing at least 3 real or Chinese digits.
# o/l stand for 0/1 only when they do not continue a Latin word ("iso50", "photo2024", "hello12345")
_DIGIT_RUN = re.compile(r"(?:[0-9零〇一壹幺二贰两三叁四肆五伍六陆七柒拐八捌九玖勾]|(?<![a-z])[ol])"
                        r"[0-9零〇一壹幺二贰两三叁四肆五伍六陆七柒拐八捌九玖勾ol]{4,}")


@dataclass(frozen=True)
class Normalised:
    """The forms of one message that the detection layers match against.

    ``folded``: Simplified, half-width, lower case, zero-width removed (punctuation kept, for URLs).
    ``compact``: ``folded`` with separators removed and variants folded (微信/qq/加微信).
    ``digits``: ``compact`` with spelled-out digit runs turned into Arabic digits.
    ``evasions``: which variant spellings were folded (reported in the verdict's checks).
    """

    raw: str
    folded: str
    compact: str
    digits: str
    evasions: tuple[str, ...] = field(default_factory=tuple)


def _digit_run(m: re.Match[str]) -> str:
    run = m.group(0)
    real = sum(c.isdigit() for c in run)
    spelled = run.translate(_CN_DIGITS)
    # Only convert runs that really look like a number (not 一二三四五 in a poem or "hello").
    if real >= 3 or (spelled.isdigit() and len(run) >= 6):
        return spelled if spelled.isdigit() else run
    return run


_HEART_HANDLE = re.compile(r"([vV微薇威])\s*[❤♥💗💕️]+")


@lru_cache(maxsize=4096)
def normalise(text: str) -> Normalised:
    """Normalise one message (cached: floods repeat the same text many times)."""
    raw = text or ""
    s = _EMOJI_NUM_RE.sub(lambda m: _EMOJI_NUM[m.group(0)], raw)
    folded = _COMBINING.sub("", fold(s)).translate(_PLUS)
    # hearts stand in for 信 ("v❤", "薇❤"); they are punctuation to _NON_WORD, so fold them first
    folded = _HEART_HANDLE.sub(lambda m: m.group(1) + "信", folded)
    compact = _NON_WORD.sub("", URL_RE.sub(" ", folded))
    evasions: list[str] = []
    for pattern, canonical in _VARIANTS:
        found = pattern.findall(compact)
        if found:
            evasions.extend(f for f in found if f != canonical)
            compact = pattern.sub(canonical, compact)
    digits = _DIGIT_RUN.sub(_digit_run, compact)
    if digits != compact:
        evasions.append("数字变形")
    return Normalised(raw=raw, folded=folded, compact=compact, digits=digits, evasions=tuple(evasions))

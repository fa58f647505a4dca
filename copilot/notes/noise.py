"""Noise out, with reasons: the clean stage between parsing and structure.

Platform lines (joins, recalls, pats, red packets, transfers, "请使用新版手机QQ查看"), sticker and
emoji-only messages, greeting/farewell/thanks-only messages, chain forwards, ads (by the moderation
layers) and repeats are dropped before anything is summarised, each kept in ``Transcript.dropped``
with its reason so an operator can audit the filter. The cue words live in
``copilot/resources/notes/noise.yaml``; this module is the loop that applies them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import yaml

from copilot.moderation import Label, quick_analysis
from copilot.notes.cues import phrases_regex
from copilot.notes.model import Dropped, Message
from copilot.paths import RESOURCES_DIR
from copilot.textnorm import fold

NOISE_FILE = RESOURCES_DIR / "notes" / "noise.yaml"
# emoji, pictographs and their joiners/variation selectors: a message of these alone says nothing
_EMOJI = re.compile("[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d\u3030\u303d]")
_ONLY_PUNCT = re.compile(r"^[\W_]*$")
_WORD = re.compile(r"[\w]")
_ALNUM = re.compile(r"[0-9a-z]")
REPEAT_CHARS = 15  # a message this long posted again by anyone is a copy (a notice pasted twice)
REGULAR_POSTS = 3  # a speaker with this many messages takes part in the chat (a spammer posts once or twice)


@dataclass(frozen=True)
class NoiseRules:
    system_speakers: frozenset[str]
    system: re.Pattern[str]
    system_max: int
    platform: re.Pattern[str]
    red_start: re.Pattern[str]
    red_words: re.Pattern[str]
    red_max: int
    placeholder: re.Pattern[str]
    greeting: re.Pattern[str]
    address: re.Pattern[str]
    acks: re.Pattern[str]
    greeting_rest: int
    chain: re.Pattern[str]
    chain_hits: int
    reasons: dict[str, str]


@lru_cache(maxsize=1)
def rules() -> NoiseRules:
    data = yaml.safe_load(NOISE_FILE.read_text(encoding="utf-8"))
    names = "|".join(re.escape(fold(str(n))) for n in data["placeholders"]["names"])
    placeholder = re.compile(rf"\[(?:{names})\]|{data['placeholders']['wechat_code'][1:-1]}")

    def rx(section: str, key: str) -> re.Pattern[str]:
        return phrases_regex(data[section][key])

    return NoiseRules(
        system_speakers=frozenset(fold(str(s)) for s in data["system_speakers"]),
        system=rx("system_lines", "phrases"), system_max=int(data["system_lines"]["max_chars"]),
        platform=rx("platform_lines", "phrases"),
        red_start=rx("red_packets", "starts"), red_words=rx("red_packets", "words"),
        red_max=int(data["red_packets"]["max_chars"]),
        placeholder=placeholder,
        greeting=rx("greetings", "cues"), address=rx("greetings", "address"), acks=rx("greetings", "acks"),
        greeting_rest=int(data["greetings"]["max_rest"]),
        chain=rx("chain_forwards", "cues"), chain_hits=int(data["chain_forwards"]["min_hits"]),
        reasons={k: v["reason"] for k, v in data.items() if isinstance(v, dict) and "reason" in v},
    )


def strip_placeholders(text: str) -> str:
    """``text`` without sticker/image placeholders (matched on the folded text, cut from the original)."""
    r = rules()
    folded = fold(text)
    if len(folded) != len(text):  # NFKC changed the length: fall back to the folded text
        return r.placeholder.sub("", folded).strip()
    out, last = [], 0
    for m in r.placeholder.finditer(folded):
        out.append(text[last:m.start()])
        last = m.end()
    out.append(text[last:])
    return "".join(out).strip()


def _content(text: str) -> str:
    return "".join(_WORD.findall(_EMOJI.sub("", text)))


def greeting_only(folded: str) -> bool:
    """早安☀️ / 谢谢老板[抱拳] / 晚安各位 / 明天还要早起，溜了溜了: a greeting, farewell or thanks with
    (almost) nothing else in it."""
    r = rules()
    if not r.greeting.search(folded):
        return False
    rest = r.placeholder.sub("", folded)
    rest = r.acks.sub("", r.greeting.sub("", rest).strip(" ，,。！!~～"))
    rest = _content(r.address.sub("", rest))
    return len(rest) <= r.greeting_rest and not any(ch.isdigit() for ch in rest)


def noise_reason(m: Message) -> str | None:
    """Why ``m`` is platform noise or content-free chatter, or None to keep it (ads are checked apart)."""
    r = rules()
    raw = m.text.strip()
    folded = fold(raw)
    if fold(m.speaker.strip()) in r.system_speakers or (len(raw) <= r.system_max and r.system.search(folded)):
        return r.reasons["system_lines"]
    if r.platform.search(folded):
        return r.reasons["platform_lines"]
    if r.red_start.search(folded):
        return r.reasons["red_packets"]
    if len(r.chain.findall(folded)) >= r.chain_hits:
        return r.reasons["chain_forwards"]
    bare = r.placeholder.sub("", folded).strip()
    if _ONLY_PUNCT.match(_EMOJI.sub("", bare)):
        return r.reasons["placeholders"] if raw else "空消息"
    if greeting_only(folded):
        return r.reasons["greetings"]
    if r.red_words.search(bare) and len(_content(bare)) <= r.red_max:
        return r.reasons["red_packets"]
    return None


def ad_verdict(text: str, *, regular: bool = False) -> str:
    """``"ad"`` (drop) or ``"ok"``, by the moderation layers (:func:`copilot.moderation.quick_analysis`).

    A talk about running a shop mentions prices and promotions all the time, and the moderation
    layers flag some such messages, so an ad/spam label only counts when the message itself carries
    ad evidence — contact details, a link, or promotion or recruiting words: losing a speaker's point
    is worse than keeping one ad. For a ``regular`` (someone who takes part in the conversation,
    not a drive-by poster) only a contact or a link counts: a host's "有问题可以私信我" or "备注名字"
    is not selling anything.
    """
    if regular and not _ALNUM.search(fold(text)):
        return "ok"  # a contact or a link is written with letters or digits: nothing to find here
    analysis = quick_analysis(text)
    if analysis is None or analysis.label not in (Label.AD, Label.SPAM):
        return "ok"
    report = analysis.signals
    evidence = bool(report.contacts or report.urls) if regular else report.has_ad_evidence()
    return "ad" if evidence else "ok"


def clean_noise(messages: list[Message]) -> tuple[list[Message], list[Dropped]]:
    """Drop platform lines, placeholders, greetings, chain forwards, ads and repeats; strip inline
    placeholders from what is kept. Returns (kept, dropped-with-reasons)."""
    kept: list[Message] = []
    dropped: list[Dropped] = []
    seen: dict[str, int] = {}  # folded text of a kept message → its id
    posts = Counter(m.speaker for m in messages)
    for m in messages:
        reason = noise_reason(m)
        if reason is None and ad_verdict(m.text, regular=posts[m.speaker] >= REGULAR_POSTS) == "ad":
            reason = "广告/垃圾消息"
        if reason is not None:
            m.kind = "empty" if reason == "空消息" else "media" if reason == rules().reasons["placeholders"] \
                else "ad" if reason == "广告/垃圾消息" else "system"
            dropped.append(Dropped(m.id, reason, m.text))
            continue
        text = strip_placeholders(m.text)
        key = re.sub(r"\s+", "", fold(text))
        # the same notice pasted again (long), or one person repeating themselves (a flood); two people
        # each saying "同意+1" are two votes, not a repeat
        first = seen.get(key) if len(key) >= REPEAT_CHARS else seen.get(f"{m.speaker}\0{key}")
        if first is not None and len(key) > 3:
            dropped.append(Dropped(m.id, f"重复（与 #{first} 相同）", m.text))
            continue
        seen.setdefault(key, m.id)
        seen.setdefault(f"{m.speaker}\0{key}", m.id)
        m.text = text
        kept.append(m)
    return kept, dropped

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

from copilot.moderation import Label, quick_analysis
from copilot.moderation.literals import gated
from copilot.moderation.pipeline import Analysis, quick_signals_among
from copilot.moderation.signals import SignalReport
from copilot.notes.cues import asks, interrogative, phrases_regex, screens, search_any
from copilot.notes.dates import time_expressions
from copilot.notes.model import Dropped, Message, Transcript
from copilot.paths import load_resource
from copilot.textnorm import fold

NOISE_RESOURCE = "notes/noise.yaml"  # read once (load_resource), not again for every leak the eval classes
# emoji, pictographs and their joiners/variation selectors: a message of these alone says nothing
_EMOJI = re.compile("[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d\u3030\u303d]")
_ONLY_PUNCT = re.compile(r"^[\W_]*$")
_WORD = re.compile(r"[\w]")
_ALNUM = re.compile(r"[0-9a-z]")
_DIGIT = re.compile("[0-9]")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")
REPEAT_CHARS = 15  # a message this long posted again by anyone is a copy (a notice pasted twice)
AD_REASON = "广告/垃圾消息"
# a member's own way to be reached, dropped with no selling or recruiting words in it ("有事私聊我，电话139…"):
# listed as what it is, never as an ad with the organiser's number
CONTACT_REASON = "联系方式"


@dataclass(frozen=True)
class NoiseRules:
    system_speakers: frozenset[str]
    system_screens: tuple[re.Pattern[str], ...]  # cues.screens: only ever asked yes/no, faster than one alternation
    system_max: int
    platform_screens: tuple[re.Pattern[str], ...]
    red_start: re.Pattern[str]
    red_words: re.Pattern[str]
    red_max: int
    red_kept: re.Pattern[str]  # a payment asked for (requests) or red packets planned as a topic (topics): kept
    red_asked: re.Pattern[str]  # … and a question with these words (微信转账可以吗): asking how to pay, kept
    placeholder: re.Pattern[str]
    bracket_only: re.Pattern[str]
    emoticons: re.Pattern[str]
    vote_label: re.Pattern[str]
    shortcode_only: re.Pattern[str]
    reactions: re.Pattern[str]
    greeting: re.Pattern[str]
    address: re.Pattern[str]
    acks: re.Pattern[str]
    greeting_rest: int
    chain: re.Pattern[str]
    chain_hits: int
    call_out: re.Pattern[str]
    call_out_max: int
    call_out_window: int
    debunk: re.Pattern[str]
    debunk_stop: re.Pattern[str]
    removers: tuple[str, ...]
    reasons: dict[str, str]
    price: re.Pattern[str]
    listing_when: re.Pattern[str]
    closing: re.Pattern[str]
    mis_sent: re.Pattern[str]
    mis_cancel: re.Pattern[str]
    mis_fill: re.Pattern[str]
    mis_rest: int
    mis_window: int
    mis_cancel_max: int
    quotes: tuple[re.Pattern[str], ...]
    forward_header: re.Pattern[str]
    forward_line: re.Pattern[str]
    archive_placeholders: dict[str, str]
    archive_fields: tuple[str, ...]
    signup: re.Pattern[str]
    signup_sheet: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> NoiseRules:
    data = load_resource(NOISE_RESOURCE)
    names = "|".join(re.escape(fold(str(n))) for n in data["placeholders"]["names"])
    placeholder = re.compile(rf"\[(?:{names})\]|{data['placeholders']['wechat_code'][1:-1]}")

    def rx(section: str, key: str) -> re.Pattern[str]:
        return gated(phrases_regex(data[section][key]))  # (a first look for its literals: answers as the pattern)

    return NoiseRules(
        system_speakers=frozenset(fold(str(s)) for s in data["system_speakers"]),
        system_screens=screens(data["system_lines"]["phrases"]),
        system_max=int(data["system_lines"]["max_chars"]),
        platform_screens=screens(data["platform_lines"]["phrases"]),
        red_start=rx("red_packets", "starts"), red_words=rx("red_packets", "words"),
        red_max=int(data["red_packets"]["max_chars"]),
        red_kept=phrases_regex([*data["red_packets"]["requests"], *data["red_packets"]["topics"]]),
        red_asked=phrases_regex(data["red_packets"]["asked"]),
        placeholder=placeholder,
        bracket_only=phrases_regex(data["placeholders"]["bracket_only"]),
        emoticons=phrases_regex(data["placeholders"]["emoticons"]),
        vote_label=phrases_regex(data["placeholders"]["vote_label"]),
        shortcode_only=phrases_regex(data["placeholders"]["shortcode_only"]),
        reactions=phrases_regex(data["reactions"]["whole"]),
        greeting=rx("greetings", "cues"), address=rx("greetings", "address"), acks=rx("greetings", "acks"),
        greeting_rest=int(data["greetings"]["max_rest"]),
        chain=rx("chain_forwards", "cues"), chain_hits=int(data["chain_forwards"]["min_hits"]),
        call_out=rx("call_outs", "cues"), call_out_max=int(data["call_outs"]["max_chars"]),
        call_out_window=int(data["call_outs"]["window"]),
        debunk=rx("debunks", "cues"), debunk_stop=rx("debunks", "stop"),
        removers=tuple(fold(str(w)) for w in data["call_outs"]["removers"]),
        price=rx("priced_contacts", "price"), listing_when=rx("listings", "when"),
        closing=_closing_regex(data["closings"]),
        mis_sent=rx("mis_sent", "cues"), mis_cancel=rx("mis_sent", "cancels"), mis_fill=rx("mis_sent", "fillers"),
        mis_rest=int(data["mis_sent"]["max_rest"]), mis_window=int(data["mis_sent"]["window"]),
        mis_cancel_max=int(data["mis_sent"]["cancel_max"]),
        quotes=tuple(re.compile(q, re.S) for q in data["quote_replies"]),
        forward_header=re.compile(data["forwards"]["header"]), forward_line=re.compile(data["forwards"]["line"]),
        archive_placeholders={str(k): str(v) for k, v in data["archive_types"]["placeholders"].items()},
        archive_fields=tuple(str(f) for f in data["archive_types"]["fields"]),
        signup=rx("signup_copies", "cues"), signup_sheet=rx("signup_copies", "sheet_cues"),
        reasons={k: v["reason"] for k, v in data.items() if isinstance(v, dict) and "reason" in v},
    )


def _closing_regex(spec: dict[str, str]) -> re.Pattern[str]:
    """``noise.yaml`` closings as one regex anchored at the end of a message: lead, core, farewells."""
    sep = r"[，,。！!~～.、\s]*"
    tail = rf"(?P<tail>{spec['tail']})(?:大家|各位|哈|啦|呀|喇)?"
    return re.compile(rf"{spec['lead']}{sep}(?P<core>{spec['core']}){sep}(?:{tail}{sep})*$")


CLOSING_WINDOW = 60  # characters at a message's end a closing clause is looked for in


def cut_closing(text: str) -> tuple[str, bool] | None:
    """``text`` without the clause that closes the chat at its end (``noise.yaml`` closings), and whether
    that clause is a farewell by itself (it says 到此为止/到这里 or bids good night — not a bare "就这样吧").
    None when there is no such clause, or the text is Traditional/full-width in a way folding changes
    its length (the cut is made on the original text, so a quote keeps its script)."""
    folded = fold(text)
    if len(folded) != len(text):
        return None
    offset = max(0, len(folded) - CLOSING_WINDOW)  # the clause is short: look at the end of the text only
    match = rules().closing.search(folded, offset)
    if match is None:
        return None
    farewell = bool(match.group("tail")) or "到" in match.group("core")
    glued = match.start() > 0 and match.group(0) == match.group("core") and folded[match.start() - 1].isalnum()
    if glued and not farewell:
        return None
    rest = text[:match.start()].rstrip(" ，,。！!~～、;；")
    return rest, farewell


def strip_placeholders(text: str) -> str:
    """``text`` without sticker/image placeholders (matched on the folded text, cut from the original)."""
    r = rules()
    folded = fold(text)
    starts = None
    if len(folded) != len(text):
        # NFKC changed the length ("🕯️" loses its variation selector): fold char by char and map each match
        # back, so what is kept stays as written (a Traditional message is not turned Simplified)
        pieces = [fold(ch) for ch in text]
        folded = "".join(pieces)
        starts = [0]
        for piece in pieces:
            starts.append(starts[-1] + len(piece))
    out, last = [], 0
    for m in r.placeholder.finditer(folded):
        start, end = (m.start(), m.end()) if starts is None else (_at(starts, m.start()), _at(starts, m.end()))
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return "".join(out).strip()


def _at(starts: list[int], offset: int) -> int:
    """The index of the original character whose folded form starts at (or covers) ``offset``."""
    return min(range(len(starts)), key=lambda i: (abs(starts[i] - offset), i))


def _content(text: str) -> str:
    return "".join(_WORD.findall(_EMOJI.sub("", text)))


def emoticon_only(folded: str) -> bool:
    """(^_^) / T_T / orz / (๑•̀ㅂ•́)و✧: no Chinese character, no digit, and no word of two letters or more
    once the listed emoticons are taken out (so "ok" and an English sentence are kept)."""
    if _HAN.search(folded) or _DIGIT.search(folded) or rules().vote_label.match(folded.strip()):
        return False  # (a lone option letter, "A" / "B", is a vote in a poll, not a sticker)
    rest = rules().emoticons.sub(" ", _EMOJI.sub("", folded)).strip()
    return not _LETTER_RUN.search(rest)


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


def mis_sent_only(folded: str) -> bool:
    """语音按错了 / 不好意思发错群了 / 誤傳 請忽略 / 手滑了: a member's note about their own slip, with
    (almost) nothing else in it (``noise.yaml`` mis_sent)."""
    r = rules()
    if not r.mis_sent.search(folded):
        return False
    rest = r.placeholder.sub("", folded)
    rest = r.mis_fill.sub("", r.mis_sent.sub("", rest))
    rest = _content(r.acks.sub("", r.address.sub("", rest).strip(" ，,。！!~～")))
    return len(rest) <= r.mis_rest and not any(ch.isdigit() for ch in rest)


def cancelled(messages: list[Message], reasons: dict[int, str | None]) -> dict[int, str]:
    """Messages their own sender takes back ("发错群了", "请忽略", "刚才那个不要听"): id → reason. The
    taken-back message is the same speaker's last one within a few messages before the note, short, and
    not already dropped."""
    r = rules()
    reason = r.reasons["mis_sent"]
    out: dict[int, str] = {}
    for i, m in enumerate(messages):
        if reasons[m.id] != reason or not r.mis_cancel.search(fold(m.text)):
            continue
        own = [x for x in messages[max(0, i - r.mis_window):i] if x.speaker == m.speaker]
        if own and reasons[own[-1].id] is None and len(own[-1].text) <= r.mis_cancel_max:
            out[own[-1].id] = reason
    return out


_ENTRY = re.compile(r"\d{1,3}[.．、]")  # "1. 老陶": an entry of a list
_MARKS = re.compile(r"[\s#＃]+")  # what a copy of a 接龙 may add or drop around its heading ("#接龙")


_INLINE_ENTRY = re.compile(r"(?<![\d.．])(\d{1,3})[.．、](?!\d)")  # "1. 老陈 1台 2. 兰姐 1台": entries on one line


def _list_lines(text: str) -> list[str]:
    """The lines of ``text``; a one-line list ("换秤接龙：1. 老陈 1台 2. 兰姐 1台", a one-line export or a pasted copy)
    read as its heading and one line per entry, when its entries run 1, 2, 3… from its first."""
    written = [line.strip() for line in text.split("\n") if line.strip()]
    if len(written) != 1 or not rules().signup.search(_bare(written[0])):  # (only a list with the cue: few lines)
        return written
    marks = list(_INLINE_ENTRY.finditer(written[0]))
    if not marks or marks[0].start() == 0 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return written
    cuts = [0, *(m.start() for m in marks), len(written[0])]
    return [p for p in (written[0][a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)) if p]


def _bare(text: str) -> str:
    """``text`` folded, without white space and hash marks: the form a 接龙's heading is compared in."""
    return _MARKS.sub("", fold(text))


@lru_cache(maxsize=4096)
def signup_heading(text: str) -> str | None:
    """The heading of a sign-up list (接龙, ``noise.yaml`` signup_copies) as written — its first line, and the next
    one too when the first is the cue alone ("#接龙") — or None when ``text`` is no such list (one line, a question,
    a first line without the cue)."""
    r = rules()
    written = _list_lines(text)
    lines = [_bare(line) for line in written]
    if len(lines) < 2 or interrogative(lines[0]) or not (
            r.signup.search(lines[0]) or r.signup_sheet.search(lines[0]) and any(_ENTRY.match(x) for x in lines[1:])):
        return None
    bare = r.signup_sheet.sub("", r.signup.sub("", lines[0]))
    return "\n".join(written[:1] if re.sub(r"\W", "", bare) else written[:2])


def signup_header(text: str) -> str | None:
    """The heading of the sign-up list ``text`` is a copy of, folded (copies are grouped by it), or None."""
    heading = signup_heading(text)
    return None if heading is None else _bare(heading)


def signup_copies(messages: list[Message], reasons: dict[int, str | None]) -> dict[int, str]:
    """Every copy of a sign-up list but the last (members copy the 接龙 and add their line): id → reason."""
    copies: dict[str, list[int]] = {}
    for m in messages:
        header = signup_header(m.text) if reasons[m.id] is None else None
        if header is not None:
            copies.setdefault(header, []).append(m.id)
    reason = rules().reasons["signup_copies"]
    return {i: f"{reason}（#{ids[-1]}）" for ids in copies.values() for i in ids[:-1]}


def platform_line(text: str) -> bool:
    """``text`` (one line) is what the platform writes into a chat by itself — a join, a recall, a red
    packet, an unsupported-message placeholder — not a member's words. A text export that puts such a
    line under a member's message without a header of its own (a WeChat copy-paste) has it split off by
    the parser, so the member's message is neither glued to it nor dropped with it."""
    folded = fold(text.strip())
    return bool(folded) and _platform_reason(len(folded), folded) is not None


@lru_cache(maxsize=16384)
def _platform_reason(length: int, folded: str) -> str | None:
    """Why a text of ``length`` characters (``folded``) is a line the platform writes — a short system line (a join,
    a recall, a pat), an unsupported-message placeholder, a red packet — or None: what :func:`noise_reason` and
    :func:`platform_line` both ask."""
    r = rules()
    if length <= r.system_max and search_any(folded, r.system_screens):
        return r.reasons["system_lines"]
    if search_any(folded, r.platform_screens):
        return r.reasons["platform_lines"]
    if r.red_start.search(folded):
        return r.reasons["red_packets"]
    return None


def noise_reason(m: Message) -> str | None:
    """Why ``m`` is platform noise or content-free chatter, or None to keep it (ads are checked apart)."""
    r = rules()
    raw = m.text.strip()
    folded = fold(raw)
    speaker = fold(m.speaker.strip())
    if speaker in r.system_speakers or (not raw and search_any(speaker, r.system_screens)):  # 拍了拍"王老师" read as a nickname
        return r.reasons["system_lines"]
    if (written := _platform_reason(len(raw), folded)) is not None:
        return written
    if len(r.chain.findall(folded)) >= r.chain_hits:
        return r.reasons["chain_forwards"]
    bare = r.placeholder.sub("", folded).strip()
    if _ONLY_PUNCT.match(_EMOJI.sub("", bare)):
        return r.reasons["placeholders"] if raw else "空消息"
    if r.bracket_only.match(bare) or r.shortcode_only.match(bare) or emoticon_only(bare):
        return r.reasons["placeholders"]
    if greeting_only(folded):
        return r.reasons["greetings"]
    if mis_sent_only(folded):
        return r.reasons["mis_sent"]
    if r.reactions.match(re.sub(r"[\s,，、]+", "", _EMOJI.sub("", bare))):
        return r.reasons["reactions"]
    # a short line about a red packet or a transfer is chatter, unless it asks for a payment, plans red packets as a
    # topic ("那红包我们准备多少个"), asks how to pay ("微信转账可以吗") or sets a deadline (a request: 周五前转账给我)
    if r.red_words.search(bare) and len(_content(bare)) <= r.red_max and not r.red_kept.search(bare) \
            and not (r.red_asked.search(bare) and asks(folded)) and not any(d.marked for d in time_expressions(bare, None)):
        return r.reasons["red_packets"]
    return None


def leak_class(leaked: str, transcript: Transcript) -> str:
    """The kind of noise a leaked string is (for the eval's per-class leak count, which shows no text):
    the reason its message was dropped with, else hints on the message that holds it, else the
    moderation layers' ad verdict, else 其他 (side chatter)."""
    data = load_resource(NOISE_RESOURCE)["leak_classes"]
    key = fold(leaked)
    for d in transcript.dropped:
        if key in fold(d.text) and not d.reason.startswith("重复"):
            return data["by_reason"].get(d.reason, "其他")
    holder = next((m.text for m in transcript.messages if key in fold(m.text)), leaked)
    for kind, hints in data["hints"].items():
        if phrases_regex(hints).search(fold(holder)):
            return kind
    analysis = _analysis(holder)
    return "广告" if analysis is not None and analysis.label in (Label.AD, Label.SPAM) else "其他"


# what selling looks like beside a contact or a link (moderation signal names): a participant's own
# phone number or a shared document link is not selling anything
_SELLING = frozenset({"ad_words", "promo_words", "income", "self_promo", "business", "chain", "banned"})
# a way to reach the seller that the contact extractor may not spell out ("加微信 vx_money888", 扫码)
_POINTERS = frozenset({"invite", "pointer", "profile_pointer", "qr"})
# recruiting and money-making words (兼职日结, 招代理, 月入过万): selling, with or without a contact
_RECRUITING = frozenset({"ad_words", "income", "self_promo", "business", "banned", "chain"})
# every signal name the cheap look is asked about (besides contacts and links)
_ASKED = _RECRUITING | _POINTERS
PITCH_SCORE = 0.9  # how sure the moderation layers must be before a participant's message is an ad


def ad_verdict(text: str, *, participant: bool = False, member: bool = False) -> str:
    """``"ad"`` (drop) or ``"ok"``. The moderation layers (:func:`copilot.moderation.quick_analysis`)
    are one witness, never the judge: in a group-buy or a parenting chat, questions about price,
    postage and payment *are* the content, and a host's "有问题私信我" or an organiser's own phone
    number and pickup point are what members need. So a message is an ad only with clear seller
    evidence — a way to reach the seller (a contact, a link; from someone who never takes part, also
    "加微信"/扫码) **and** selling words — and never when it asks something without a contact in it.
    From a ``participant`` (someone who also takes part in the chat) it must moreover be a pitch: a
    contact or link written out, nobody addressed, and the moderation layers sure of it. From a
    ``member`` the discussion runs through (see :func:`_addressed`), "私聊我/打我电话" are no selling
    words: only recruiting or business words make their message a pitch.
    """
    folded = fold(text)
    possible = _signals(text)
    # an ad needs recruiting words or a way to reach the seller (a contact, a link, a pointer such as 扫码):
    # with none of them among the signals the message can show at most, the full analysis cannot make one
    if possible is None or not (possible.contacts or possible.urls or set(possible.names()) & (_RECRUITING | _POINTERS)):
        return "ok"
    analysis = _analysis(text)
    if analysis is None or analysis.label not in (Label.AD, Label.SPAM):
        return "ok"
    report = analysis.signals
    names = set(report.names())
    written = bool(report.contacts or report.urls)
    if asks(folded) and not written:
        return "ok"
    reach = written or bool(names & _POINTERS)
    if not participant:  # a drive-by: recruiting/money-making words, or a way to reach them and selling
        return "ad" if names & _RECRUITING or reach and names & (_SELLING | {"invite"}) else "ok"
    pitch = bool(names & (_RECRUITING if member else _SELLING)) and (written or reach and names & _RECRUITING) \
        and analysis.score >= PITCH_SCORE and "@" not in text and not asks(folded)
    return "ad" if pitch else "ok"


@lru_cache(maxsize=8192)
def _analysis(text: str) -> Analysis | None:
    """The moderation layers' view of ``text`` (cached: the participant pass and the ad check both ask)."""
    return quick_analysis(text)


@lru_cache(maxsize=8192)
def _signals(text: str) -> SignalReport | None:
    """The signals ``text`` can show at most (:func:`copilot.moderation.quick_signals`, no classifier):
    the cheap look that spares most messages the full analysis. None also when it can show no contact, no
    link and none of the recruiting or pointing signals (:func:`~copilot.moderation.pipeline.quick_signals_among`):
    all that :func:`ad_verdict` and :func:`points_elsewhere` ask of it, so most lines skip the detectors."""
    return quick_signals_among(text, _ASKED)


def points_elsewhere(text: str) -> bool:
    """A contact or a link in ``text`` (by the moderation layers' extractors)."""
    if not _ALNUM.search(fold(text)):
        return False
    possible = _signals(text)  # contacts and links do not depend on the classifier
    return possible is not None and bool(possible.contacts or possible.urls)


def own_contact(text: str) -> bool:
    """``text`` gives a way to reach its sender and recruits or sells nothing: no recruiting, business or
    money-making words (a "私聊我" alone is no sale)."""
    analysis = _analysis(text)
    return analysis is not None and not set(analysis.signals.names()) & _RECRUITING


def _participants(messages: list[Message], reasons: dict[int, str | None]) -> set[str]:
    """Speakers who take part in the chat: another message of theirs is content — not noise, no
    contact or link, not flagged by the moderation layers. Being named by others does not count (a
    host scolding a spammer by name does not make them a member of the conversation)."""
    posts = Counter(m.speaker for m in messages if reasons[m.id] is None)
    plain: Counter[str] = Counter()
    for m in messages:
        # two plain messages settle it, and one post alone never does: neither needs another analysis
        if reasons[m.id] is None and posts[m.speaker] >= 2 and plain[m.speaker] < 2 \
                and not points_elsewhere(m.text) and not _flagged(m.text):
            plain[m.speaker] += 1
    return {s for s, n in posts.items() if plain[s] >= 2 or (plain[s] >= 1 and n >= 2)}


def _flagged(text: str) -> bool:
    analysis = _analysis(text) if _ALNUM.search(fold(text)) or len(text) > 6 else None
    return analysis is not None and analysis.label in (Label.AD, Label.SPAM)


def called_out(messages: list[Message], reasons: dict[int, str | None], participants: set[str]) -> dict[int, str]:
    """Ads someone in the chat points out, and the lines that point them out (``noise.yaml``
    call_outs): id → reason. The ad is the message the short call-out names or follows, within a few
    messages, from a speaker who does not take part in the chat (a member's own message that a host
    answers with "别发错群" is not made an ad: it must come from an outsider)."""
    r = rules()
    out: dict[int, str] = {}
    for i, m in enumerate(messages):
        f = fold(m.text)
        # the platform's own "「X」已被移出群聊" right after X's only message calls it out too
        removal = reasons[m.id] == r.reasons["system_lines"]
        if (reasons[m.id] is not None and not removal) or len(f) > r.call_out_max or not r.call_out.search(f):
            continue
        before = [x for x in messages[max(0, i - r.call_out_window):i] if x.speaker != m.speaker]
        named = [x for x in before if _named(x.speaker, _removed_part(f, r.removers) if removal else f)]
        if removal and not named:
            continue
        target = (named or before[-1:] or [None])[-1]
        # a question is never the ad ("群里能发店铺链接吗" — "不行，群里不让发广告")
        if target is None or target.speaker in participants or asks(fold(target.text)):
            continue
        out[target.id] = reasons[target.id] or AD_REASON
        if not removal:
            out[m.id] = r.reasons["call_outs"]
    return out


def debunked(messages: list[Message], reasons: dict[int, str | None]) -> dict[int, str]:
    """Rumours a member calls out ("@老黄 这个是谣言，别转了") and the lines that call them out (``noise.yaml``
    debunks): id → reason. The rumour is the message whose sender the short line names, else the one just before it,
    from someone else; the line must tell not to pass it on, or answer a forward (a chain_forwards cue in it). A
    question on either side is left alone ("这个是谣言吗？", "听说…是真的吗" — "是谣言").  """
    r = rules()
    out: dict[int, str] = {}
    for i, m in enumerate(messages):
        f = fold(m.text)
        if reasons[m.id] is not None or len(f) > r.call_out_max or not r.debunk.search(f) or asks(f):
            continue
        before = [x for x in messages[max(0, i - r.call_out_window):i] if x.speaker != m.speaker]
        target = ([x for x in before if _named(x.speaker, f)] or before[-1:] or [None])[-1]
        if target is None or asks(fold(target.text)) \
                or not (r.debunk_stop.search(f) or r.chain.search(fold(target.text))):
            continue
        out[target.id] = reasons[target.id] or r.reasons["chain_forwards"]
        out[m.id] = r.reasons["debunks"]
    return out


def priced_contact(m: Message, participants: set[str]) -> bool:
    """A drive-by's price with a way to reach them ("意外险一年只需$399…WhatsApp 9123 4567") is an ad
    whatever the moderation layers say (``noise.yaml`` priced_contacts); a member's is not judged here."""
    return m.speaker not in participants and bool(rules().price.search(fold(m.text))) and points_elsewhere(m.text)


def listing(m: Message, participants: set[str]) -> bool:
    """A drive-by's listing: a way to reach them written out, the moderation layers sure it is an ad
    (:data:`PITCH_SCORE`), and nothing asked, nobody addressed, no when told (``noise.yaml`` listings).
    The selling words may be missing from the lexicons ("專業補漏 防水工程 免費上門報價 WhatsApp 6123 4567
    包保五年"): the sender who never takes part and the classifier's certainty stand in for them. A member's
    message is never judged here, and a notice tells when ("明天上午9点停水，有问题致电物业 2345 6789")."""
    if m.speaker in participants or "@" in m.text or not points_elsewhere(m.text):
        return False
    folded = fold(m.text)
    if asks(folded) or rules().listing_when.search(folded):
        return False
    analysis = _analysis(m.text)
    return analysis is not None and analysis.label in (Label.AD, Label.SPAM) and analysis.score >= PITCH_SCORE


def _addressed(messages: list[Message], reasons: dict[int, str | None], participants: set[str]) -> set[str]:
    """Participants whom another participant names in a plain message that neither asks nor calls an ad
    out ("保单截图发给小周", "小周统计报名"; not "小芳这个是广告吗"):
    the people the discussion runs through. Their own phone number or "私聊我" is what members need to
    reach them, not an advertiser's contact."""
    r = rules()
    said = [(m.speaker, f) for m in messages if reasons[m.id] is None and m.speaker in participants
            and not points_elsewhere(m.text) and not asks(f := fold(m.text)) and not r.call_out.search(f)]
    # each speaker's lines joined once (a NUL between them, which no needle holds, so a needle matches the joined
    # text exactly when it matches one line): a participant is looked up once per other speaker, not once per
    # message — the per-message scan grew with participants × messages on a long export
    lines: dict[str, list[str]] = {}
    for who, f in said:
        lines.setdefault(who, []).append(f)
    joined = {who: "\0".join(fs) for who, fs in lines.items()}
    return {p for p in participants if any(who != p and _named(p, f) for who, f in joined.items())}


def _removed_part(folded: str, removers: tuple[str, ...]) -> str:
    """The part of a platform removal line that names the removed: after the remover's verb ("阿乐已移除小王" → 小王),
    the whole line when the removed comes first ("小王被移出群聊") or no remover word is in it."""
    for word in removers:
        at = folded.find(word)
        if at > 0 and "被" not in folded[:at]:
            return folded[at + len(word):]
    return folded


def _named(speaker: str, folded: str) -> bool:
    """Whether ``folded`` names ``speaker`` by their nickname or a part of it (理财顾问Grace → grace,
    保险顾问-Kevin → kevin)."""
    name, parts = _name_parts(speaker)
    if "\0" in name:  # (never a real nickname: the joined lines of :func:`_addressed` stay exact)
        return any(_named(speaker, line) for line in folded.split("\0"))
    return name in folded or any(p in folded for p in parts)


@lru_cache(maxsize=4096)
def _name_parts(speaker: str) -> tuple[str, tuple[str, ...]]:
    name = fold(speaker)
    return name, tuple(re.findall(r"[a-z0-9]{2,}|[\u4e00-\u9fff]{2,}", name))


def clean_noise(messages: list[Message]) -> tuple[list[Message], list[Dropped]]:
    """Drop platform lines, placeholders, greetings, chain forwards, ads and repeats; strip inline
    placeholders from what is kept. Returns (kept, dropped-with-reasons)."""
    kept: list[Message] = []
    dropped: list[Dropped] = []
    seen: dict[str, int] = {}  # folded text of a kept message → its id
    reasons = {m.id: noise_reason(m) for m in messages}
    participants = _participants(messages, reasons)
    reasons |= called_out(messages, reasons, participants)
    reasons |= debunked(messages, reasons)
    reasons |= cancelled(messages, reasons)
    reasons |= signup_copies(messages, reasons)
    members = _addressed(messages, reasons, participants)
    for m in messages:
        reason = reasons[m.id]
        if reason is None and (ad_verdict(m.text, participant=m.speaker in participants,
                                          member=m.speaker in members) == "ad" or priced_contact(m, participants)
                               or listing(m, participants)):
            reason = CONTACT_REASON if m.speaker in participants and own_contact(m.text) else AD_REASON
        closing = cut_closing(m.text) if reason is None else None
        if closing is not None and not _content(closing[0]) and closing[1]:
            reason = rules().reasons["greetings"]  # "今日分享到呢度，多谢大家": a farewell
        elif closing is not None and len(_content(closing[0])) >= 2:
            m.text = closing[0]  # "有事打我电话138…，今天就这样大家早点睡": the closing is no point, no deadline
        if reason is not None:
            m.kind = "empty" if reason == "空消息" else "media" if reason == rules().reasons["placeholders"] \
                else "ad" if reason == AD_REASON else "system"
            dropped.append(Dropped(m.id, reason, m.text, m.speaker))
            continue
        text = strip_placeholders(m.text)
        key = re.sub(r"\s+", "", fold(text))
        # the same notice pasted again (long), or one person repeating themselves (a flood); two people
        # each saying "同意+1" are two votes, not a repeat
        first = seen.get(key) if len(key) >= REPEAT_CHARS else seen.get(f"{m.speaker}\0{key}")
        if first is not None and len(key) > 3:
            dropped.append(Dropped(m.id, f"重复（与 #{first} 相同）", m.text, m.speaker))
            continue
        seen.setdefault(key, m.id)
        seen.setdefault(f"{m.speaker}\0{key}", m.id)
        m.text = text
        kept.append(m)
    return kept, dropped

"""Who talked, what kind of session it was, and the Q&A, decisions, to-dos and announcements in it.

Three kinds of evidence, combined, none deciding alone:

* **cue words** from ``copilot/resources/notes/cues.yaml`` (sentence-final particles and
  interrogatives, first-person future and assignment forms, decision and announcement words);
* a **trained sentence classifier** (:mod:`copilot.notes.classify`: question / commitment /
  decision / announcement / other);
* **reply structure**: @mentions and names (an @-reply answers that person's open question, even
  many messages later), who speaks next, numbered lists (each item on its own), and the time of each
  message (deadlines resolved by :mod:`copilot.notes.dates`).

The offline engine uses these directly; the LLM path gets them as hints and keeps the fields a model
should not guess (session type, speakers, host, date).
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache, partial
from typing import Literal, NamedTuple, TypeVar

from copilot.notes.chatter import chatter_probability, is_side_chatter
from copilot.notes.classify import kind_threshold, mandarin, sentence_kind
from copilot.notes.clauses import CLAUSE, pauses
from copilot.notes.cues import cue, cue_list, has, interrogative, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import (
    Deadline,
    anchored_events,
    cn_to_int,
    done_at_event,
    event_days,
    find_deadline,
    in_message_week,
    moved_from,
    next_meetings,
    night_work,
    off_schedule,
    other_matter,
    says_soon,
    small_hours,
    time_expressions,
    time_spans,
    time_words,
    with_assumed_days,
    without_times,
)
from copilot.notes.exchanges import Asides, Line, asides
from copilot.notes.model import ActionItem, Announcement, Decision, Dropped, Message, QAPair, SessionType, Transcript
from copilot.notes.noise import greeting_only, signup_heading
from copilot.notes.owners import THRESHOLD as OWNER_THRESHOLD
from copilot.notes.owners import (
    Mention,
    dictionary_word,
    find_mentions,
    introduced,
    may_name,
    name_shaped,
    prefix_shaped,
    score_mentions,
)
from copilot.notes.rosters import Roster, find_rosters, roster_actions
from copilot.notes.shares import share_actions
from copilot.notes.tasks import normalised, task_gate, task_probability
from copilot.textnorm import split_sentences, tokenize, word_bounds, word_class, word_frequency

# an at sign that starts a mention: not one inside an e-mail address (meizi2027@163.com keeps its domain)
_AT = r"(?<![A-Za-z0-9._%+\-])[@＠]"
MENTION = re.compile(_AT + r"([^\s@＠，,：:。]{1,20})")
_LEAD_MENTIONS = re.compile(r"^(?:[@＠][^\s@＠，,：:。]{1,20}\s*)+")  # ＠: a full-width at sign (Taiwan IMEs)
# one clause splitter, which never cuts the comma inside a figure (「1,000份」「1，000份」 stay whole: clauses.py)
_CLAUSE = _CLAUSE_WHOLE = CLAUSE
# the stops and pauses a line's parts are read apart at, each alone (a question after a decline, the interrogative
# clause of a long line), and the pauses only, inside a sentence (a promise after "好，", a task part beside a remark)
_STOPS = re.compile(r"[，,。；;！!\s]+")
_PAUSES_ONLY = re.compile(r"[,;，；]")
_TOPIC = cue_list("patterns", "topic")
_CLARIFY = cue("patterns", "clarify")
_AT_ALL = frozenset(_fold(str(w)) for w in raw("owner", "at_everyone"))
_ASK_HEAD = cue("patterns", "ask_head")


@dataclass
class Segment:
    label: str
    start: int
    end: int


@dataclass
class Structure:
    """Deterministic facts about a session that both engines share."""

    session_type: SessionType
    speakers: list[str]
    host: str | None
    topic: str | None
    share: dict[str, float]
    segments: list[Segment] = field(default_factory=list)
    qa: list[QAPair] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)
    topic_words: frozenset[str] = frozenset()  # words the session keeps coming back to
    asides: frozenset[int] = frozenset()  # ids of side exchanges nobody running the chat takes up
    chatter: frozenset[int] = frozenset()  # asides and open questions nobody takes up: not for the summary
    rosters: frozenset[int] = frozenset()  # ids of the messages a roster is made of (copilot.notes.rosters)
    # message id → the figures in it a later correction restated (:func:`restated_figures`): read once, by the
    # structure pass and the summariser alike
    restated: dict[int, Restated] = field(default_factory=dict)
    # the pairs the Q&A pairing made that the notes leave to a to-do (a call for help taken on, "谁能…？" — "我来"):
    # what the evaluation tells apart from a question never paired (copilot.evals.notes, ``todo_taken_*``)
    taken_qa: list[QAPair] = field(default_factory=list)


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """jieba words of ``text`` (cached: the structure pass and the summariser read the same messages)."""
    return tuple(tokenize(text, for_search=False))


# -- sentence kinds --------------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def _question_form(text: str) -> tuple[str, str]:
    """How ``text`` asks by its form alone, before the classifier is read: ``("joke", rest)`` (``rest``: its
    serious sentences, "" when none or all), ``("short", "")``, ``("whoever", "")`` (a condition on who),
    ``("told", "")`` (what everyone reports by a deadline), ``("asks", "")`` (:func:`asks`), ``("weak", "")`` (a weak interrogative: 什么, 谁) or ``("plain", "")``."""
    f = _fold(text).strip()
    if has(f, "question", "jokes"):
        # "冰块谁带？去年鱼都臭了哈哈": the joke is its own sentence; the question before it still asks
        sentences = [x for x in re.split(r"(?<=[。！!？?])", text) if x.strip()]
        serious = [x for x in sentences if not has(_fold(x), "question", "jokes")]
        return "joke", "".join(serious) if serious and len(serious) < len(sentences) else ""
    if len(f) < 3:
        return "short", ""
    if "?" not in f and cue("action", "whoever").match(f):
        return "whoever", ""  # "谁要是参加，周五前接龙": a condition on who, said to the group, asks nothing
    if _report_request(f):
        return "told", ""  # "每家几个人，明晚8点前在群里报一下": what to report by a deadline, asked of nobody here
    if asks(text):
        return "asks", ""
    if has(cue("question", "indefinite").sub(" ", f), "question", "weak_interrogatives"):
        return "weak", ""
    return "plain", ""


def _report_request(f: str) -> re.Match[str] | None:
    """What everyone is to report by a deadline ("每家几个人，明晚8点前在群里报一下"; cue ``question.report_request``) in
    the folded text ``f``: told, not asked; None when ``f`` has a question mark."""
    return None if "?" in f else cue("question", "report_request").search(f)


@lru_cache(maxsize=65536)
def question_strength(text: str) -> float:
    """How much ``text`` reads as a question someone should answer (0–1): a question mark, a final
    particle closing any clause, an opener (请问…) or an interrogative form (A-not-A, 多少, 几点…)
    make it one unless the classifier is sure it is not; a weak interrogative (什么, 谁) needs the
    classifier's support; what everyone is to report by a deadline (:func:`_report_request`) is told, and
    scores as a plain sentence; jokes score 0."""
    if cue("correction_opens").match(_fold(text)):  # "更正一下刚才的：…看抖音能不能接住" sets right, asks nothing
        return 0.0
    form, rest = _question_form(text)
    if form == "joke":
        return question_strength(rest) if rest else 0.0
    if form == "short":
        return 0.0
    p = sentence_kind(text)["question"]
    if form == "asks":
        return max(p, 0.7)
    if form == "weak":
        p = _weak_question_p(text, p)
        return max(p, 0.6) if p >= 0.15 else p
    # the classifier alone, with no interrogative form (or a condition on who, or a report told), makes no question
    return p * 0.45


@lru_cache(maxsize=65536)
def asks(text: str) -> bool:
    """A question by its form, whatever the classifier thinks: a question mark, a final particle
    closing a clause, an opener (请问…), an interrogative (A-not-A, 多少, 几点…)."""
    f = cue("question", "told_count").sub("", cue("question", "embedded").sub("", _fold(text).strip()))
    if "?" not in f:
        f = cue("question", "a_few").sub("我", f)  # "周六我带几个保温壶过去": a few, not how many
        f = cue("question", "a_few_told").sub(lambda m: m.group()[:-1] + "些", f)  # "我前几天就接到过一个"
    told = _report_request(f)
    if told:
        f = f[:told.start()] if told.start() == 0 else f[told.start():]  # what everyone is to report by a
        # deadline is told, not asked (the what, before it or after it)
    clauses = [c for c in _CLAUSE.split(f) if c and c.strip()]
    return "?" in f or any(_clause_asks(c) for c in clauses) or bool(
        clauses and cue("question", "tag_final").search(clauses[-1])) or bool(
        cue("question", "openers").match(_LEAD_MENTIONS.sub("", f))) or interrogative(f) \
        or has(f, "question", "anywhere") or has(f, "question", "check_own")


@lru_cache(maxsize=65536)
def _clause_asks(clause: str) -> bool:
    """Whether one folded clause of :func:`asks` asks by itself: a final particle (or a weak one) closing it, a choice
    (:func:`choice_asked`), an object then a final question word, or a request to confirm. Cached by clause: the
    clauses of a chat's lines repeat where its lines do not (a 2,000-message export: each line new, its clauses
    mostly said before)."""
    return bool(cue("question", "final").search(clause) or cue("question", "weak_final").search(clause)
                or choice_asked(clause) or has(clause, "question", "object_final") or has(clause, "question", "confirm")
                or has(clause, "question", "how_best"))


_SPELLED_CHOICE = frozenset(str(w) for w in raw("question", "choice_connectors"))
_LATIN_OPTION = re.compile(r"[A-Za-z][A-Za-z0-9.+#-]*$")
_CHOICE_NOISE = re.compile(r"[\W吧啊呀哈的]")  # what a vote's choice is compared without (punctuation, particles)


@lru_cache(maxsize=65536)
def choice_asked(clause: str) -> bool:
    """Whether a folded clause asks a choice with no "？" ("美音还是英音好点", "先背单词还是先练口语",
    "戏服系租定自己带"): the connector and the second option close it, and the first option follows a
    copula or parallels the second (a character in common); 定 only after a copula. "地点还是图书馆三楼"
    (还是 = still) and an opinion ("还是A吧", "我觉得还是…") do not ask. Cached: a clause is asked again by each
    reading of the line it is in."""
    m = cue("question", "choice").search(clause)
    if m is None:
        both = cue("question", "choice_both_de").search(clause)  # "是买玉鸟的还是买冈田的": options closing on 的
        return bool(both) and choice_asked(clause[:both.start()] + both.group("c") + both.group("b") + clause[both.end():])
    if cue("question", "opinion").search(clause):
        return False
    a, b = m.group("a"), m.group("b")
    if cue("question", "choice_not_b").search(b):
        return False
    copula = list(cue("question", "choice_copula").finditer(a))
    if copula:
        return len(a) - copula[-1].end() >= 1  # an option after it ("时间系定咗" has none)
    if _LATIN_OPTION.search(a) and _LATIN_OPTION.fullmatch(b):
        return True  # two named options alike ("引擎用Unity还是Godot", "要A还是B", "Anilao定係Moalboal", "V60定Kalita")
    if m.group("c") not in _SPELLED_CHOICE:
        # a bare 定 asks only after a copula, or weighed by a Cantonese tail ("植鞣定铬鞣好啲")
        return bool(m.group("tail")) and bool(cue("question", "choice_bare_tail").search(m.group("tail")))
    if m.group("tail") and m.group("tail")[0] in "好划合方实点":
        return True  # "…还是…好点": weighed against each other
    # parallel options open or close alike: 先背单词/先练口语, 美音/英音, 周六去/周日去 (not 学费/一学期1600元)
    loose = str(raw("question", "choice_shared_not"))
    return (b[0] in a[-8:] and b[0] not in loose) or (a[-1] == b[-1] and a[-1] not in loose)


@lru_cache(maxsize=65536)
def is_question(text: str) -> bool:
    """``question_strength(text) >= 0.5``, reading the classifier only where its answer can change that: a
    form that asks scores at least 0.7, no form at most 0.45 (p × 0.45), a weak interrogative 0.6 or more
    exactly when p ≥ 0.15. Most lines of a long chat never need the model then (a third of the CPU time of
    the structure pass of a 2,000-message export went to classifying whole messages only to ask this)."""
    if cue("correction_opens").match(_fold(text)):  # "更正一下刚才的：…看抖音能不能接住" sets right, asks nothing
        return False
    form, rest = _question_form(text)
    if form == "joke":
        return bool(rest) and is_question(rest)
    if form == "weak":
        return _weak_question_p(text, sentence_kind(text)["question"]) >= 0.15
    return form == "asks"


def _weak_question_p(text: str, p: float) -> float:
    """The classifier's question reading ``p`` of a line with a weak interrogative (什么, 谁, 怎么, 咋), or of its own
    clause when the line goes on after it: other writers ask first and then tell why ("健康证过期的员工怎么处理，我们店
    有两个上个月到期了"), and the told part drowns the whole line's reading. The clause is read only where the
    whole line falls short, and only the clause that holds the interrogative, before any other clause told."""
    if p >= 0.15:
        return p
    f = _fold(text).strip()
    clauses = [c for c in _STOPS.split(f) if c]
    if len(clauses) < 2:
        return p
    indefinite = cue("question", "indefinite")
    first = next((c for c in clauses if has(indefinite.sub(" ", c), "question", "weak_interrogatives")), None)
    if first is None or first is clauses[-1] or len(re.sub(r"\W", "", first)) < 4 \
            or has(first, "question", "told_clause"):
        return p  # ("不知道怎么回事，反正我到了": what one does not know, or will talk about, is told, not asked)
    q = sentence_kind(first)["question"]
    return max(p, q) if q >= float(raw("question", "weak_clause_min")) else p


def personal(text: str) -> bool:
    """A short message about the speaker's own plans, attendance or life news ("收到，我会去", "我周六不去了",
    "我下个月转工啦"): nobody's work, no announcement, no key point."""
    return len(text.strip()) <= raw("personal", "max_chars") and has(_fold(text), "personal", "cues")


def about_oneself(text: str) -> bool:
    """A member introducing themself ("hi all 我是Tom，刚搬来…", "大家好 我叫Mandy 做護士嘅 下個月12號去日本旅行") or
    telling their own errand on a date ("我这台车上周刚保养过，12月28号还要去4S换个轮胎"): their own life, not
    group work, no key point."""
    f = _fold(text).strip()
    return introduces(text) or has(f, "personal", "own_errand") or has(f, "personal", "own_past")


def _own_day(text: str) -> bool:
    """A line whose dates are the speaker's own (a self-introduction, a personal plan or errand, their own
    exam or trip): never the day of the group's event."""
    return about_oneself(text) or personal(text) or has(_fold(text).strip(), "personal", "own_event")


def introduces(text: str) -> bool:
    """A member introducing themself ("大家好 我叫Mandy 做護士嘅…", "我是新来的老胡，在杭州做设计…")."""
    f = _fold(text).strip()
    return any(p.search(f) for p in cue_list("personal", "intro"))


def _personal_exchanges(messages: list[Message], tasks: frozenset[int]) -> frozenset[int]:
    """Ids of :func:`personal` messages and of the short reactions right after one ("哈哈哈柯基是这样的",
    "可不是嘛气死我了"): no question, no figure, no task, no acknowledgement of business (好的/收到)."""
    out: set[int] = set()
    for i, m in enumerate(messages):
        if not personal(m.text):
            continue
        out.add(m.id)
        for nxt in messages[i + 1 : i + 3]:
            t = nxt.text.strip()
            if len(t) > 16 or is_question(t) or re.search(r"\d", t) or nxt.id in tasks or _ACK.match(_fold(t)):
                break
            out.add(nxt.id)
    return frozenset(out)


def is_chatter(text: str) -> bool:
    return bool(cue("chatter").match(_fold(text).strip())) or len(text.strip()) <= 2


def speaker_share(messages: list[Message]) -> dict[str, float]:
    chars: Counter[str] = Counter()
    for m in messages:
        chars[m.speaker] += len(m.text)
    total = sum(chars.values()) or 1
    return {s: c / total for s, c in chars.most_common()}


# -- names -----------------------------------------------------------------------------------------
def display_name(name: str | None) -> str | None:
    """``主持人阿明`` → ``阿明``: a role word in front of a nickname is a label, not part of the name."""
    if not name:
        return name
    return cue("role_prefix").sub("", name) or name


@lru_cache(maxsize=1)
def _name_body_parts() -> frozenset[str]:
    """The parts of a display name that name a body, not a person (``name_parts.body_parts``: 社区 of 社区-刘主任)."""
    return frozenset(_fold(str(p)) for p in raw("name_parts", "body_parts"))


def aliases(speaker: str) -> set[str]:
    """The names people call ``speaker`` by: 队长刘姐 → 刘姐, 群主-阿柒 → 阿柒, 12栋-Amy妈妈 → Amy妈妈,
    刘婷-注册营养师 → 刘婷 (folded)."""
    full = _fold(speaker)
    out = {full, _full_name(speaker)}
    seps = re.escape(str(raw("name_parts", "separators")))
    parts = [p for p in re.split(f"[{seps}]+", full) if p]
    # (🏸阿斌, Kiki🐱, 刘大爷(班长), 3栋张姐: signs split a nickname too, and a flat or block number is no part of the name)
    signed = [cue("name_parts", "unit").sub("", q) for p in parts for q in cue("name_parts", "sign").split(p)]
    signed = [q for q in signed if q]
    if signed != parts:
        out |= {q for q in signed if len(q) >= 2 and not re.search(r"\d", q) and q not in _name_body_parts()}
        parts = signed
    prefixes = sorted((_fold(str(p)) for p in raw("name_parts", "prefixes")), key=len, reverse=True)
    duty = {_fold(str(p)) for p in raw("name_parts", "duty_roles")}
    body = _name_body_parts()
    for part in (p for p in parts if p not in body):
        for pre in prefixes:
            if part.startswith(pre) and len(part) > len(pre) + 1:
                part = part[len(pre):]
                if pre in duty:
                    out.add(pre)
                break
        if len(part) >= 2 and not re.search(r"\d", part):
            out.add(part)
        out |= _given_names(part)
    if len(parts) > 1:  # 12栋-Amy妈妈: the part with the person in it
        out |= {p for p in parts if not re.search(r"\d", p) and len(p) >= 2 and p not in body}
    # 大刘2号 / 孟凡2001 / 李阿姨1958: the name before a number; 晨跑的小何: the name after a description
    bare = re.fullmatch(r"(.+?)\d{1,4}号?", full)
    if bare:
        out |= {bare.group(1)} | _given_names(bare.group(1))
    out |= {full.rsplit("的", 1)[1]} if "的" in full[1:-1] else set()
    return {a for a in out if len(a) >= 2}


def _name_parts(speaker: str) -> list[str]:
    """The parts of a nickname that may be a name (folded, role prefixes dropped): 队长刘姐 → 刘姐."""
    seps = re.escape(str(raw("name_parts", "separators")))
    prefixes = sorted((_fold(str(p)) for p in raw("name_parts", "prefixes")), key=len, reverse=True)
    out = []
    body = _name_body_parts()
    for part in (p for p in re.split(f"[{seps}]+", _full_name(speaker)) if p and p not in body):
        pre = next((x for x in prefixes if part.startswith(x) and len(part) > len(x) + 1), "")
        out.append(part[len(pre):])
    return out


def _surnames(speaker: str) -> set[str]:
    """The surname a member's nickname carries (``cues.yaml`` owner.surnames): 大刘 / 老刘 / 刘哥 / 刘老师 / 刘建国 /
    王芳 → 刘 / 王; 小刘 too (it shares the surname, though it is no call of 大刘); none for 阿凯, Lily, 棋手小杨."""
    before = [_fold(str(w)) for w in raw("name_parts", "surname_before")] + [_fold(str(raw("owner", "name_prefix_young")))]
    after = [_fold(str(w)) for w in raw("name_parts", "surname_after")]
    family = str(raw("owner", "surnames"))
    out = set()
    for name in _name_parts(speaker):
        if len(name) == 2 and name[0] in before and name[1] in family:
            out.add(name[1])
        elif name[:1] in family and (name[1:] in after or re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name)):
            out.add(name[0])
    return out


def _surname_calls(surname: str, speaker: str) -> set[str]:
    """What a member with ``surname`` is also called (``cues.yaml`` name_parts.surname_before/after): 老刘, 大刘,
    刘哥, 刘老师… — not for a 小刘 (someone younger is not 老刘), and no form that is a common word of its own."""
    if any(p == _fold(str(raw("owner", "name_prefix_young"))) + surname for p in _name_parts(speaker)):
        return set()
    before = [_fold(str(w)) for w in raw("name_parts", "surname_before")]
    after = [_fold(str(w)) for w in raw("name_parts", "surname_after")]
    common = int(raw("name_parts", "surname_call_max_frequency"))
    return {c for c in [w + surname for w in before] + [surname + w for w in after] if word_frequency(c) < common}


@lru_cache(maxsize=8)
def _people_of(lines: tuple[tuple[str, str], ...]) -> People:
    """:meth:`People._read` of a chat's (speaker, text) lines, remembered for the last few chats."""
    return People._read(lines)


def _given_names(name: str) -> set[str]:
    """What a surname + two-character given name is also called: 何雨桐 → 雨桐, 陈家强 → 阿强 (the south's
    阿 + the last character)."""
    if re.fullmatch(r"[\u4e00-\u9fff]{3}", name) and name[0] in str(raw("owner", "surnames")):
        return {name[1:], str(raw("owner", "given_name_prefix")) + name[-1]}
    return set()


class _Line(NamedTuple):
    """A message as :meth:`People.of` reads it: who said it and what."""

    speaker: str
    text: str


@dataclass
class People:
    """Participants and the short names they go by, to resolve @mentions, vocatives and owners."""

    speakers: list[str]
    by_alias: dict[str, str]
    pattern: re.Pattern[str] | None = None
    at: re.Pattern[str] = MENTION  # "@name": a group-card name with a space ("@3-2班 李妈妈") taken whole
    lead_at: re.Pattern[str] = _LEAD_MENTIONS
    roles: re.Pattern[str] = cue("owner", "collective")  # 各组组长, 每家店, and the chat's own roles (伴娘们)
    introduced: frozenset[str] = frozenset()  # prefix-shaped names the chat treats as people (owners.introduced)
    things: frozenset[str] = frozenset()  # Latin names of no member the chat uses as a tool or product (_things)
    # (:func:`_withdraws` of a line and an owner, read once: each of an owner's to-dos reads all their later lines)
    withdrawn: dict[tuple[str, str | None], bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, messages: list[Message]) -> People:
        """The people of ``messages``, read from their speakers and texts alone: the structure pass, the Q&A and
        to-do readers, the summariser and the faithfulness check each ask it of the same chat (a 2,000-message
        export: 13 reads, 70 of its 2,500 ms CPU), so the last few chats are remembered; each caller gets its own
        ``withdrawn`` memo."""
        return replace(_people_of(tuple((m.speaker, m.text) for m in messages)), withdrawn={})

    @classmethod
    def _read(cls, lines: tuple[tuple[str, str], ...]) -> People:
        messages = [_Line(speaker, text) for speaker, text in lines]
        speakers = list(dict.fromkeys(m.speaker for m in messages))
        # 大刘 is also 老刘 / 刘哥 / 刘老师 when no other member has the surname (王一鸣 and 王芳: 王老师 is neither)
        surnames = Counter(x for s in speakers for x in _surnames(s))
        named = {s: aliases(s) | {c for x in _surnames(s) if surnames[x] == 1 for c in _surname_calls(x, s)}
                 for s in speakers}
        counts = Counter(a for s in speakers for a in named[s])
        by_alias: dict[str, str] = {}
        for s in speakers:
            for a in named[s]:
                if counts[a] == 1 or a == _fold(s):
                    by_alias[a] = s
        ordered = sorted(by_alias, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(a) for a in ordered)) if ordered else None
        roles = _roles(speakers)
        known = introduced([(m.speaker, _fold(m.text)) for m in messages])
        spaced = sorted({n for s in speakers if re.search(r"\s", s.strip()) for n in (s.strip(), _fold(s).strip())},
                        key=len, reverse=True)
        things = _things([_fold(m.text) for m in messages], {_fold(x) for x in speakers} | set(by_alias))
        if not spaced:
            return cls(speakers, by_alias, pattern, roles=roles, introduced=known, things=things)
        names = "|".join(re.escape(n) for n in spaced)
        at = re.compile(_AT + rf"({names}|[^\s@＠，,：:。]{{1,20}})")
        lead_at = re.compile(rf"^(?:[@＠](?:{names}|[^\s@＠，,：:。]{{1,20}})\s*)+")
        return cls(speakers, by_alias, pattern, at, lead_at, roles, known, things=things)

    def resolve(self, name: str) -> str | None:
        """The speaker a name (an @mention, a vocative) refers to, or None."""
        f = _fold(name).strip()
        if f in self.by_alias:
            return self.by_alias[f]
        hits = {s for a, s in self.by_alias.items() if len(a) >= 2 and (f.startswith(a) or a.startswith(f) and len(f) >= 2)}
        return hits.pop() if len(hits) == 1 else None

    def named_in(self, text: str) -> list[tuple[int, str, str]]:
        """(position, alias, speaker) for every participant named in ``text`` (folded), longest first."""
        if self.pattern is None:
            return []
        return [(m.start(), m.group(0), self.by_alias[m.group(0)]) for m in self.pattern.finditer(_fold(text))]

    def mentions(self, text: str) -> list[str]:
        """The people @mentioned in ``text``: participants by their full nickname, others as written."""
        return [self.resolve(x) or x for x in self.at.findall(text)]

    def lead(self, text: str) -> list[str]:
        """The people a message is addressed to by the @mentions it starts with."""
        found = self.lead_at.match(text)
        group = cue("owner", "group")
        # "@所有人" / "@全体成员": the whole group is addressed
        return ["大家" if group.fullmatch(_fold(n)) or _fold(n) in _AT_ALL else n
                for n in self.mentions(found.group(0))] if found else []

    def roster_member(self, name: str) -> str | None:
        """The member a roster line's name stands for: a participant (or the one it is short for), or a word of a
        name's shape (a member who has not spoken: on a line that gives only a slot and a name, 小石 is someone,
        not a pebble); None for any other word."""
        found = self.written(name, "")
        if found:
            return found
        f = _fold(name)
        return name if any(a == 0 and b == len(f) for a, b, _ in name_shaped(f)) else None

    def someone(self, name: str) -> bool:
        """Whether a name-shaped word may stand for a person here: a participant's name, a name of a person's
        shape (王姐, 刘老师, Vivian), a prefix-shaped one the dictionary knows as no other word (阿凯, 小林), or
        one it does (小周, 小张 — and 小火) that the chat treats as someone."""
        if name in self.things:
            return False
        return not prefix_shaped(name) or not dictionary_word(name) or name in self.introduced \
            or self.resolve(name) is not None or self.written(name, "") != ""

    def written(self, name: str, as_written: str) -> str:
        """A name the chat uses for someone (小周, May): the participant it is short for when only one
        fits (小周助教, 阿May), else the name as written (its letters' case kept)."""
        found = self.resolve(name)
        if found:
            return found
        if re.fullmatch(r"[a-z]{3,12}", name):
            hits = {s for s in self.speakers if re.search(rf"(?<![a-z]){name}(?![a-z])", _fold(s))}
        else:  # 小戴 is 跑团助教小戴, 小周 is 小周助教
            hits = {s for s in self.speakers if _fold(s).endswith(name) or _fold(s).startswith(name)}
        return hits.pop() if len(hits) == 1 else as_written


def _things(folded: list[str], members: set[str]) -> frozenset[str]:
    """Latin words (Crowdin, Notion) that are no member's name and that the chat uses as a tool or product somewhere:
    after a word of using one ("用Crowdin", "注册 Crowdin") or before a word of what one has ("Crowdin 项目",
    "Crowdin 对开源免费"), ``cues.yaml`` owner.thing_used / thing_has. Such a word owns no to-do anywhere in the chat."""
    used, has_ = cue("owner", "thing_used"), cue("owner", "thing_has")
    out: set[str] = set()
    for f in folded:
        for m in re.finditer(r"(?<![a-z0-9])[a-z][a-z0-9]{2,15}(?![a-z0-9])", f):
            w = m.group(0)
            if w in members or any(w in x for x in members):
                continue
            if used.search(f[max(0, m.start() - 4):m.start()]) or has_.match(f, m.end()):
                out.add(w)
    return frozenset(out)


def _roles(speakers: list[str]) -> re.Pattern[str]:
    """Collective roles a clause may give work to: 各/每个 + a unit or role (``cues.yaml``
    owner.collective), and a role word two or more participants' names start with ("伴娘Coco",
    "伴娘糖糖", "志愿者-豆豆" → 伴娘, 志愿者) with 各/每个 before it or 们/团 after it — unless more
    than half of the participants carry it (then it is the group: 每位家长 in a parents' group is 大家)."""
    folded = [_fold(s).strip() for s in speakers]
    heads = {m.group(0) for f in folded for m in [re.match(r"[\u4e00-\u9fff]{2,4}(?=[^\u4e00-\u9fff])", f)] if m}
    # a role most of the members carry (家长-… in a parents' group) is the whole group, not a part of it
    shared = sorted((h for h in heads if 2 <= sum(f.startswith(h) for f in folded) <= len(folded) / 2),
                    key=len, reverse=True)
    static = cue("owner", "collective").pattern
    if not shared:
        return cue("owner", "collective")
    names = "|".join(map(re.escape, shared))
    before = "|".join(map(re.escape, sorted(map(str, raw("owner", "role_quantifiers")), key=len, reverse=True)))
    after = "|".join(map(re.escape, map(str, raw("owner", "role_plurals"))))
    return re.compile(rf"{static}|(?:{before})(?:{names})|(?:{names})(?:{after})")


# -- session type, roles, topic ----------------------------------------------------------------------
AGENDA_CHARS = 28  # a listed agenda longer than this is no title


def agenda(text: str) -> str | None:
    """The matters an opener lists to settle ("今晚商量两件事：一是越冬喂糖，二是下个月元旦集市摆摊卖蜜" → 越冬喂糖、下个月
    元旦集市摆摊卖蜜), within the title's length; None when it lists none."""
    f = _fold(text)
    head = cue("summary", "agenda_header").search(f)
    if head is None or len(f) != len(text):
        return None
    marks = list(cue("summary", "agenda_item").finditer(text, head.start()))
    if len(marks) < 2:
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    parts = [re.split(r"[。！!？?\n]", text[m.end():end])[0].strip(" ，,；;、") for m, end in zip(marks, ends)]
    parts = [p for p in parts if len(p) >= 2]
    title = "、".join(parts)
    return title if len(parts) >= 2 and len(title) <= AGENDA_CHARS else None


def find_topic(messages: list[Message]) -> str | None:
    """The title given at the start (《…》, 分享「…」, 主题是…, 聊聊…, the matters the opener lists to settle, the
    subject the opener states: "今晚请周老师给大家讲复音口琴的呼吸"), not the next session's in a preview. The
    earliest message that names one gives it: the host's announced theme outranks a practice piece 《送别》 or
    a speaker's outline ("今天讲三件事") named after it. A bare time word ("今天") is never a topic."""
    for i, m in enumerate(messages[:12]):
        if has(_fold(m.text), "announcement", "next"):
            continue
        text = _greeting_cut(m.text)
        if i and m.speaker != messages[0].speaker and is_side_chatter(text):
            continue  # a member's small talk ("你们昨晚看那个《繁花》没有，结局也太意外了") names no title of the chat
        if len(_TOPIC[0].findall(text)) >= 2 and (interrogative(_fold(text)) or any(choice_asked(c) for c in _CLAUSE.split(_fold(text)))):
            continue  # the options put to choose from ("《霧港疑雲》6人本定係《末班車》7人本"): not yet the title
        for pattern in (*_TOPIC[:1], cue("titled"), *_TOPIC[1:]):
            # (the matters counted and listed, "说两件事：一是…，二是…", are the topic, not the words before the count)
            listed = agenda(text) if pattern is _TOPIC[-1] else None
            if listed:
                return listed
            match = pattern.search(text)
            if match and (topic := _topic_words(match.group(1))):
                return topic
        if i < STATED_REACH and (topic := _stated(m, first=i == 0)):
            return topic
    # the loop above read every other opener's agenda already; what is left of the first three is a preview's
    previews = (m for m in messages[:3] if has(_fold(m.text), "announcement", "next"))
    return next((x for x in map(lambda m: agenda(m.text), previews) if x), None)


STATED_REACH = 8  # the opener's stated subject is looked for in the first messages only


def _greeting_cut(text: str) -> str:
    """``text`` without the greeting it opens with ("大家早上好这周六社区义剪的事情…" → "这周六社区义剪的事情…"), when
    folding kept its length (the cut is made on the original) and enough is left."""
    f = _fold(text)
    head = cue("summary", "greeting_head").match(f) or cue("patterns", "spoken_greeting").match(f)
    rest = text[head.end():] if head and len(f) == len(text) else text
    return rest if len(rest.strip()) >= 6 else text


def _topic_words(found: str) -> str | None:
    """A topic as found, trimmed: cut at "…的事" closing a clause ("冬天仓鼠假冬眠的事 最近…" → 冬天仓鼠假冬眠);
    None when it is only a time word (``patterns.not_topic``: "今天讲三件事" names no topic)."""
    topic = found.strip(" ：:，,")
    filler = cue("patterns", "topic_filler").match(_fold(topic))
    topic = topic[filler.end():] if filler else topic
    cut = re.search(r"(?:的事情?|的问题)(?=\s|$)", topic)
    if cut and cut.start() >= 2:
        topic = topic[:cut.start()]
    return None if cue("patterns", "not_topic").match(_fold(topic)) else topic or None


_SEMICOLON_GAP = re.compile(r"[；;]\s*")
_FIGURE = re.compile(r"\d+(?:[.:：]\d+)?")  # a figure as written: 20, 8:30, 1.5
_ASIDE = re.compile(r"（[^（）]{1,20}）|\([^()]{1,20}\)")  # "请到了陈老师（做了12年多肉大棚）来讲…": an aside


def _stated(m: Message, first: bool) -> str | None:
    text = _ASIDE.sub("", m.text)
    f = _fold(text)
    match = cue("patterns", "stated_topic").search(f) or (cue("patterns", "stated_occasion").search(f) if first else None)
    if not match:
        return None
    same = len(f) == len(text)
    return _topic_words(text[match.start(1):match.end(1)] if same else match.group(1))


def stated_topic(messages: list[Message]) -> str | None:
    """The subject the opener states in words ("今天跟大家讲一下二十四式太极拳的站桩要领", "今晚請咗Jason師傅同大家講下
    拉花入門"), as written (read on the folded text, cut from the original when folding kept its length)."""
    for i, m in enumerate(messages[:STATED_REACH]):
        if has(_fold(m.text), "announcement", "next"):
            continue
        if topic := _stated(m, first=i == 0):
            return topic
    return None


def opening_question(messages: list[Message]) -> str | None:
    """The question that started a discussion, as its topic when nobody named one."""
    if not messages:
        return None
    opener = messages[0].speaker
    for m in messages[:2]:
        if m.speaker != opener or m.text.lstrip().startswith("@"):
            break  # someone else's reply or side question is not the topic
        first = re.split(r"(?<=[？?])", m.text.strip(), maxsplit=1)[0].strip()
        if ("？" in first or "?" in first or cue("question", "openers").match(_fold(first))) and not _CLARIFY.match(first):
            first = _ASK_HEAD.sub("", first).rstrip("？?")
            if 6 <= len(first) <= 32:
                return first
    return None


def _full_name(speaker: str) -> str:
    """``speaker``'s name without its tags (folded): 群主小满 → 小满."""
    return _fold(display_name(speaker) or speaker)


def _titled(speaker: str) -> set[str]:
    """What a host may call ``speaker`` by surname and title: 林知远 → 林老师, 林sir, 林姐… (``cues.yaml``
    invite_titles), when the nickname starts with a surname."""
    full = _full_name(speaker)
    if not full or full[0] not in str(raw("owner", "surnames")):
        return set()
    return {full[0] + _fold(str(t)) for t in raw("invite_titles")}


def find_invitation(messages: list[Message]) -> tuple[str, str] | None:
    """(host, speaker) when an early message invites another participant to give the talk — by a name
    they go by, or by surname + title when only one of the main voices has that surname."""
    counts = Counter(m.speaker for m in messages)
    invite = cue("invite_verbs")
    words = "|".join(re.escape(str(w)) for w in raw("invite_words"))
    main = [(s, n) for s, n in counts.most_common(3) if n >= 2]  # the invited speaker is one of the main voices
    surnames = Counter(_full_name(s)[:1] for s, _ in main if _titled(s))  # a surname two main voices share names neither
    for m in messages[:8]:
        if not invite.search(_fold(m.text)):
            continue
        for other, _n in main:
            if other == m.speaker:
                continue
            titled = _titled(other) if surnames[_full_name(other)[:1]] == 1 else set()
            for name in aliases(other) | titled:  # (aliases: the folded name itself among them)
                if len(name) >= 2 and re.search(rf"(?:{words})[^。！？!?]{{0,12}}" + re.escape(name), _fold(m.text)):
                    return m.speaker, other
    return None


def _host(messages: list[Message], exclude: set[str]) -> str | None:
    cues: Counter[str] = Counter()
    host = cue("host")
    for m in messages:
        if m.speaker not in exclude:
            cues[m.speaker] += len(host.findall(_fold(m.text)))
    best = [s for s, c in cues.most_common(1) if c > 0]
    return best[0] if best else None


def enumerated_points(messages: list[Message], speaker: str) -> int:
    """How many of ``speaker``'s messages hold a point counted out (第一，… / 首先，… / 其次…), when at
    least half of them tell rather than hand out work (the task model): "第一，各店店长三天内把排班表报给
    人事" is an organiser's list of to-dos, "第二，划桨重点系入水要深" a talk's point. 0 otherwise."""
    enum = cue("patterns", "enumeration")
    points = [f for m in messages if m.speaker == speaker
              for f in [next((f for f in (x.strip() for x in _SENTENCE_END.split(_fold(m.text))) if enum.match(f)), None)]
              if f is not None]
    telling = sum(task_probability(normalised(f, [])) < 0.5 for f in points)
    return len(points) if 2 * telling >= len(points) else 0


def admin_voice(own: list[Message]) -> bool:
    """Whether at least ``ADMIN_SHARE`` of a speaker's messages read as work by the task model (a notice with its
    deadline, a hand-out, a promise) rather than telling: the organiser of a group chat, not a talk's speaker."""
    work = sum(task_probability(normalised(_fold(m.text), [])) >= 0.5 for m in own)
    return bool(own) and work >= ADMIN_SHARE * len(own)


def group_decided(decisions: list[Decision], top: str) -> bool:
    """``top`` (the chat's main voice) settled something with the members: a decision of theirs that at least
    ``GROUP_DECISION`` people agreed to (a vote taken up, "B线三票A线一票，那就走B线"). A talk's speaker settles
    nothing with the group; its host may (the next session's date, a group buy after the talk)."""
    return any(d.by and d.by[0] == top and len(set(d.by)) >= GROUP_DECISION for d in decisions)


def classify(messages: list[Message], share: dict[str, float],
             decisions: list[Decision] | None = None) -> tuple[SessionType, list[str]]:
    """主讲分享 when one or two people carry most of the text in long turns, else 话题讨论.

    The chat's structure comes before the host's wording: members who decide together make a discussion
    however long the organiser's turns are, and a speaker holding the floor (a run of ``FLOOR_RUN`` long
    messages) that nobody decides anything with makes a talk even when the host invites them to 聊聊."""
    text = _fold("\n".join(m.text for m in messages[:15]))
    ranked = list(share)
    if not ranked:
        return "话题讨论", []
    points = {s: enumerated_points(messages, s) for s in ranked[:2]}
    # the one who counts out their points (第一…第四) gives the talk, even when a host's admin after it
    # is about as long
    top = ranked[1] if len(ranked) > 1 and points[ranked[0]] < MIN_POINTS <= points[ranked[1]] \
        and share[ranked[1]] >= 0.25 else ranked[0]
    top_msgs = [m for m in messages if m.speaker == top]
    avg_len = sum(len(m.text) for m in top_msgs) / max(1, len(top_msgs))
    counted = points[top] >= MIN_POINTS
    # points counted out are a talk's own sign: its speaker needs a smaller share of the text (the admin after)
    deciding = group_decided(decisions or [], top)
    holds_floor = monologue(messages, top, questions_break=True) >= FLOOR_RUN
    worded = has(text, "discussion") and (deciding or not holds_floor)
    lecture_score = (share[top] >= (0.4 if counted else 0.45)) + (share[top] >= 0.6) + (avg_len >= 40) \
        + has(text, "lecture") + counted - 2 * (worded or deciding)
    # a talk also needs the shape of one: a run of the speaker's messages, points counted out, or words
    # that say so (分享嘉宾, 主讲人…); a discussion led by a talkative organiser has none
    worded_talk = counted or has(text, "lecture") or has(_fold(top), "lecture")
    # a run of the main voice's messages is a talk's shape only when they tell: an organiser whose lines are mostly
    # work — notices, to-dos handed out, promises (a class teacher's 【通知】, a shop's pick-up times, a choir's
    # rehearsal plan) — runs a group chat however long the lines (the task model, as for counted points)
    run = monologue(messages, top)
    talk_shaped = worded_talk or run >= 3 and (run > 3 or not admin_voice(top_msgs))
    if lecture_score >= 2 and len(top_msgs) >= 2 and talk_shaped:
        speakers = [top] + [s for s in ranked[:3] if s != top and share[s] >= 0.3]
        return "主讲分享", speakers
    speakers = [s for s in ranked[:4] if share[s] >= 0.1] or ranked[:1]
    return "话题讨论", speakers


# -- what the session is about -------------------------------------------------------------------
@lru_cache(maxsize=1)
def _function_tags() -> frozenset[str]:
    """Word classes that never carry a subject (我家, 那边, 今天, 一节课: pronouns, times, numerals…)."""
    return frozenset(raw("function_word_tags"))


@lru_cache(maxsize=1)
def _pronoun_tags() -> frozenset[str]:
    return frozenset(raw("pronoun_word_tags"))


def topic_words(messages: list[Message], gap: int = 3) -> frozenset[str]:
    """Content words the session keeps coming back to: in three messages, or in two that are apart
    (more than ``gap`` messages). A side exchange (麻辣烫又涨价了 — 真的假的) is one remark and its
    reply next to it: its words come back nowhere else."""
    seen: dict[str, list[int]] = {}
    generic = cue("generic_words")
    function_tags = _function_tags()
    content: dict[str, bool] = {}  # whether a word is a content word, read once per word (not once per message)
    for i, m in enumerate(messages):
        for t in set(words(m.text)):
            ok = content.get(t)
            if ok is None:
                ok = content[t] = len(t) >= 2 and not t.isdigit() and t not in _QWORDS and not generic.fullmatch(t) \
                    and word_class(t) not in function_tags
            if ok:
                seen.setdefault(t, []).append(i)
    return frozenset(t for t, at in seen.items() if len(at) >= 3 or (
        len(at) == 2 and at[1] - at[0] > gap and messages[at[0]].speaker != messages[at[1]].speaker))


def side_remarks(messages: list[Message]) -> set[int]:
    """Ids of the remarks nothing else in a short chat comes back to (我家猫昨晚又把花盆打翻了): none of
    their content words is in another message beyond the next one (a reaction to the remark), they ask
    nothing, and they answer no question asked right before them. In a short chat :func:`topic_words`
    has too few messages to tell, so this is how a side remark is told from the matter in hand."""
    generic = cue("generic_words")
    function_tags = _function_tags()

    def content(m: Message) -> set[str]:
        return {t for t in words(m.text) if len(t) >= 2 and not t.isdigit() and t not in _QWORDS
                and not generic.fullmatch(t) and word_class(t) not in function_tags}

    bags = [content(m) for m in messages]
    posts = Counter(m.speaker for m in messages)
    lead = max(posts.values(), default=0)
    out: set[int] = set()
    for i, m in enumerate(messages):
        answers = i > 0 and is_question(messages[i - 1].text) and relevant(messages[i - 1].text, m.text)
        if not bags[i] or is_question(m.text) or answers \
                or posts[m.speaker] == lead:  # the one who runs the chat says what it is about
            continue
        # the next message counts when it asks about the remark or the one who runs the chat takes it up
        taken_up = i + 1 < len(messages) and (is_question(messages[i + 1].text) or posts[messages[i + 1].speaker] == lead)
        elsewhere = set().union(*(b for j, b in enumerate(bags) if j != i and (taken_up or j != i + 1)))
        if not bags[i] & elsewhere and not any(bags[i] & bags[j] and messages[j].speaker == m.speaker
                                               for j in (i + 1,) if j < len(messages)):
            out.add(m.id)
    for i, m in enumerate(messages):  # the reply to a side remark (周大姐的孙子真棒) is part of it
        if i > 0 and messages[i - 1].id in out and bags[i] & bags[i - 1] and posts[m.speaker] != lead \
                and not is_question(m.text) and not bags[i] & set().union(
                    *(b for j, b in enumerate(bags) if j not in (i, i - 1) and messages[j].id not in out)):
            out.add(m.id)
    return out


_ACK = cue("reply", "acks")
ASIDE_WINDOW = 3
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")
GROUP_DECISION = 3  # people agreeing to one decision (its decider and two more) that make the chat a discussion
FLOOR_RUN = 4  # long messages in a row by one speaker that make them hold the floor (a talk)
ADMIN_SHARE = 0.5  # share of a speaker's messages that are work (notices, to-dos) making them an organiser
MIN_POINTS = 3  # a speaker's messages with a counted-out point (第一，…) that make a talk
NOTICE_REACH = 4  # messages after an event notice in which its speaker's terms (limit, sign-up) still belong to it
_ANY_DAY = datetime(2000, 1, 3, 12)
SHORT_ASIDE = 12  # fewer messages than this: too short to tell the matter from an aside by recurrence
RUNS_SHARE = 0.25  # the organiser's share of the messages in a chat someone runs


def _content(m: Message, names: frozenset[str]) -> set[str]:
    """The content words of a message, without the words of the participants' names (an @ of a
    member says whom it speaks to, not what about)."""
    return set(_content_words(m.text, names))


@lru_cache(maxsize=16384)
def _content_words(text: str, names: frozenset[str]) -> frozenset[str]:
    generic = cue("generic_words")
    function_tags = _function_tags()
    return frozenset(t for t in words(text) if len(t) >= 2 and not t.isdigit() and t not in _QWORDS and t not in names
            and not generic.fullmatch(t) and word_class(t) not in function_tags)


def _spoken_to(m: Message, people: People) -> list[str]:
    """Whom ``m`` opens by addressing: its @names, or the participant it starts with ("小桃你中午吃的啥")."""
    return people.lead(m.text) or [who for pos, _, who in people.named_in(m.text[:12]) if pos == 0 and who != m.speaker][:1]


def _takes_up(d: Decision, m: Message, at: dict[int, int]) -> bool:
    """Whether decision ``d`` takes up line ``m``: it shares its content and is settled within the next few lines
    ("我想吃烧烤，人均五十左右" — "那就定了，周六去吃烧烤"), not somewhere else in the chat."""
    here = at.get(m.id)
    reach = int(raw("decision", "takes_up_reach"))
    return here is not None and any(0 <= at.get(i, -1) - here <= reach for i in d.sources) \
        and relevant(d.text, m.text, by_kind=False)


def _taken_up(msgs: list[Message], decisions: list[Decision], at: dict[int, int]) -> frozenset[int]:
    """Ids of the lines some decision takes up (:func:`_takes_up`): each line is checked only against the decisions
    with a line within reach after it, found by their lines' positions, not against every decision of the chat."""
    reach = int(raw("decision", "takes_up_reach"))
    near: dict[int, list[Decision]] = {}
    for d in decisions:  # (in their order, each once per line)
        for here in sorted({h for i in d.sources if i in at for h in range(max(0, at[i] - reach), at[i] + 1)}):
            near.setdefault(here, []).append(d)
    return frozenset(m.id for m in msgs if any(_takes_up(d, m, at) for d in near.get(at.get(m.id, -1), ())))


def _to_a_peer(m: Message, people: People, organisers: set[str]) -> bool:
    """Whether ``m`` speaks to members who do not run the chat ("小桃你中午吃的啥", "@志明 你兒子上小學了嗎")."""
    to = _spoken_to(m, people)
    return bool(to) and all(n != "大家" and n not in organisers for n in to)


def side_exchanges(messages: list[Message], organisers: set[str], dated: frozenset[int] = frozenset(),
                   tasks: frozenset[int] = frozenset(), *, open_questions: bool = False) -> frozenset[int]:
    """Ids of the lines of side exchanges (a member's lunch, a show two members watched, a child's new
    school), judged by relevance, not by a list of chatter words: a line is a side line when none of
    its content words is in the organisers' lines or in any message more than :data:`ASIDE_WINDOW`
    messages away (so the replies around it, which share its words, do not count), it is not an
    organiser's own line, and no organiser's line right after it takes it up (shares a word with it, or
    answers it when it asks). A line with no content word of its own ("哈哈对") right after a side line
    belongs to it. A reply that opens with an agreement (行，… / 好的 …) answers what came before and is
    kept. An exchange counts only when its first line takes up no question asked just before it, is no
    dated task (``dated``: ids of messages a to-do with a deadline comes from), is no task taken on
    right after an organiser spoke (``tasks``: ids of messages any to-do comes from), and, if it asks or
    @-addresses, speaks to one member who does not run the chat (a question to the group or to an
    organiser is business it brings up). With ``open_questions``, a question put to nobody in particular
    ("周末谁约烧烤", "门口新开的面包店有人去过吗") whose words the chat never takes up is an aside too:
    kept out of what the summary tells, while its pair may still be listed as Q&A."""
    people = People.of(messages)
    names = frozenset(w for who in people.speakers for w in words(who))
    bags = [_content(m, names) for m in messages]
    own = [m.speaker in organisers for m in messages]
    said = set().union(*(b for b, o in zip(bags, own, strict=True) if o))
    total = Counter(w for b in bags for w in b)  # how many messages use each word
    out: set[int] = set()
    for i, m in enumerate(messages):
        if own[i] or not bags[i] or bags[i] & said or _ACK.match(_CLAUSE.split(_fold(m.text).strip())[0].strip()):
            continue
        near = Counter(w for b in bags[max(0, i - ASIDE_WINDOW):i + ASIDE_WINDOW + 1] for w in b)
        if any(total[w] > near[w] for w in bags[i]):  # used again further away: the chat's matter
            continue
        nxt = next((j for j in range(i + 1, min(i + 3, len(messages))) if own[j]), None)
        # an organiser takes it up: shares a word, answers the question, or names its speaker ("好，那就番茄大叔…")
        if nxt is not None and (bags[i] & bags[nxt] or (is_question(m.text) and relevant(m.text, messages[nxt].text))
                                or any(who == m.speaker for _, _, who in people.named_in(messages[nxt].text))):
            continue
        out.add(m.id)
    for i, m in enumerate(messages):
        if i > 0 and messages[i - 1].id in out and not own[i] and not bags[i] and not is_question(m.text):
            out.add(m.id)
    # a line joins the exchange before it only when it replies to it (shares a word, follows a question,
    # or says nothing of its own); two unrelated asides in a row are two exchanges
    runs: list[list[int]] = []
    index = {m.id: i for i, m in enumerate(messages)}
    for m in messages:
        if m.id not in out:
            continue
        i = index[m.id]
        prev = runs[-1][-1] if runs else -2
        # (a question of its own joins it too, unless it turns to someone else: that opens a new exchange)
        if prev == i - 1 and (bags[i] & bags[prev] or is_question(messages[prev].text) or not bags[i]
                              or is_question(m.text) and not _spoken_to(m, people)):
            runs[-1].append(i)
        else:
            runs.append([i])
    kept: set[int] = set()
    for run in runs:
        head = messages[run[0]]
        asked = any(is_question(messages[j].text) and bags[j] & bags[run[0]]
                    for j in range(max(0, run[0] - ASIDE_WINDOW), run[0]))
        business = (is_question(head.text) or "@" in head.text) and not _to_a_peer(head, people, organisers) \
            and not (open_questions and not _spoken_to(head, people))
        # a task taken on right after an organiser spoke answers them, whatever its words
        answers = head.id in tasks and run[0] > 0 and own[run[0] - 1]
        if not (asked or head.id in dated or business or answers or any(d.marked for d in time_expressions(head.text, None))):
            kept |= {messages[i].id for i in run}
    return frozenset(kept)


def off_matter(messages: list[Message], organisers: set[str], topic: str | None = None) -> Asides:
    """The exchanges two or more members hold aside, off the chat's matter (:mod:`copilot.notes.exchanges`):
    "小唐你中午吃的啥" — "黄焖鸡吧" — "行 那就黄焖鸡了 就这么定了"."""
    people = People.of(messages)
    names = frozenset(w for who in people.speakers for w in words(who))
    lines = [Line(id=m.id, speaker=m.speaker,
                  to=tuple(w for w in _spoken_to(m, people) if w not in ("大家", m.speaker)),
                  words=_content_words(m.text, names), asks=is_question(m.text),
                  reacts=bool(_ACK.match(_CLAUSE.split(_fold(m.text).strip())[0].strip())), text=m.text,
                  deals=has(_fold(m.text), "aside", "private_deal"))
             for m in messages]
    said = _content_words(topic, names) if topic else frozenset()
    return asides(lines, organisers, said, chatter_probability)


def _names_it(yes: str, decided: str) -> bool:
    """Whether a yes names something of what was decided: a shared two-character run, or an option's letter or
    number ("A可以" to "那就定A，…")."""
    tokens = set(re.findall(r"[a-z0-9]+", _fold(yes)))
    return bool(_content_bigrams(yes) & _content_bigrams(decided)) or bool(tokens & set(re.findall(r"[a-z0-9]+", _fold(decided))))


def _aside_yeses(d: Decision, messages: list[Message], off: frozenset[int]) -> set[str]:
    """The members among ``d.by`` whose every yes near the decision was said in an aside ("好的 我报" to a
    badminton call two members made while the organiser's grouping was being agreed) and names nothing of it:
    they agreed to the aside, not to the decision's own proposal."""
    at = {m.id: n for n, m in enumerate(messages)}
    spots = [at[i] for i in d.sources if i in at]
    if not spots:
        return set()
    lo, hi = max(0, min(spots) - 20), min(len(messages), max(spots) + 4)
    out: set[str] = set()
    for who in d.by[1:]:
        yeses = [n for n in range(lo, hi) if messages[n].speaker == who and (_says_yes(messages[n].text) or _vote(messages[n].text))]
        # (a "+1" under a line that names the decision is a yes to it: "3人一组挺好" — "+1")
        if yeses and all(messages[n].id in off and not any(_names_it(messages[k].text, d.text) for k in (n - 1, n) if k >= 0)
                         for n in yeses):
            out.add(who)
    return out


def _states_settled(text: str) -> bool:
    kinds = sentence_kind(text)
    return max(kinds, key=kinds.__getitem__) == "decision"


def _summed_up_for(d: Decision, messages: list[Message], organisers: set[str], at: dict[int, int]) -> str | None:
    """The organiser whose matter a member's closing line sums up ("那就这么定了 全部用电 各家带垃圾桶" after the
    market manager's "只能用电"): the nearest organiser's line, within the reach of a closing line's yeses, that
    shares what was decided and states it as settled, unless the member put it up first. None when the decider runs
    the chat or the line opens on no acceptance."""
    if not d.decider or d.decider in organisers or not d.sources or d.sources[-1] not in at:
        return None
    idx = at[d.sources[-1]]
    line = messages[idx]
    if line.speaker != d.decider or not cue("decision", "accept_head").match(_fold(line.text)):
        return None
    decided = _content_bigrams(cue("decision", "formula").sub("", _fold(d.text)))
    for j in range(idx - 1, max(-1, idx - 1 - int(raw("decision", "accept_reach"))), -1):
        said = messages[j]
        # (the organiser's line states it as settled, by the sentence classifier: a suggestion the member then
        # takes up — "那去北边的水库吧" — leaves the member who took it up its decider)
        if said.speaker in organisers and decided & _content_bigrams(said.text) and _states_settled(said.text):
            return said.speaker
        if said.speaker == d.decider and decided & _content_bigrams(said.text):
            return None
    return None


def chatter_lines(messages: list[Message], work: frozenset[int] = frozenset()) -> frozenset[int]:
    """Ids of the messages every sentence of which the chatter model (:mod:`copilot.notes.chatter`) takes
    for side chatter ("我家狗今天又把沙发咬了一个洞", "今天台北好熱", "生日快樂"), except those in ``work``
    (a to-do or a decision comes from them): a message that also tells something of the matter stays."""
    out: set[int] = set()
    for m in messages:
        parts = [p for p in (x.strip() for x in _SENTENCE_END.split(m.text)) if p]
        if m.id not in work and parts and all(is_side_chatter(p) for p in parts):
            out.add(m.id)
    return frozenset(out)


def superseded(messages: list[Message], reach: int = 5) -> set[int]:
    """Ids of messages a correction by the same speaker replaces: "已收定金：大鹏、浪里白条，目前2人" is
    stale once "更正：已收定金3人…" follows within ``reach`` messages on the same subject."""
    out: set[int] = set()
    planned, moved, far = cue("moved_when"), cue("moved"), int(raw("moved_reach"))
    for j, m in enumerate(messages):
        f = _fold(m.text).strip()
        if any(planned.search(f[x.start():x.end() + 8]) for x in moved.finditer(f)) and not is_question(m.text) \
                and not has(f, "decision", "undecided") and not has(f, "moved_unless"):
            # anyone's change of a time: the older timed line on the same subject is stale
            older = [x for x in messages[max(0, j - far):j] if planned.search(_fold(x.text))
                     and not moved.search(_fold(x.text)) and relevant(x.text, m.text, by_kind=False)]
            out |= {x.id for x in older}
        counted = cue("headcount")
        if counted.search(f):  # an earlier line of the same speaker that only counts heads is stale
            out |= {x.id for x in messages[:j] if x.speaker == m.speaker and _only_counts(_fold(x.text), counted)}
        if not cue("correction").search(f):
            continue
        earlier = [x for x in messages[max(0, j - reach):j] if x.speaker == m.speaker
                   and relevant(x.text, m.text, by_kind=False)]
        if earlier:
            out.add(earlier[-1].id)
    return out


def figure_kinds(f: str) -> frozenset[str]:
    """The kinds of figure (``cues.yaml`` figure_kinds: amount, clock, day) the folded text ``f`` states."""
    return frozenset(kind for kind in raw("figure_kinds") if has(f, "figure_kinds", kind))


@dataclass(frozen=True)
class Restated:
    """Figures of a line a later correction restated: their kinds, and the correction's message."""

    kinds: frozenset[str]
    by: Message
    # the slot a change named ("费用" of "费用调成每人1350元"): only the clauses naming it are stale; empty for a
    # correction or a recap, which restate every clause with a figure of those kinds on their subject
    slot: frozenset[str] = frozenset()
    # the slot was named only in the question the line answers ("起跑时间呢？" … "早上7点半，广场鸣枪"): the line's one
    # clause with a figure of the kind is the one the change restates
    asked: bool = False


def restated_figures(messages: list[Message]) -> dict[int, Restated]:
    """Message id → the figures in it a later correction by the same speaker restates: a correction that states
    figures ("更正几处：价格改成每袋78元，发货推到10月10日") replaces, in each earlier line of its speaker within
    ``correction_reach`` messages on the same subject, the figures of the kinds it states ("价格每袋85元" is stale,
    "10斤一袋" of the same line is not). The latest correction of a line is the one kept."""
    out: dict[int, Restated] = {}
    reach = int(raw("correction_reach"))
    organiser = _organiser(messages)  # (read once: whose change holds unconfirmed, _change_stands)
    for j, m in enumerate(messages):
        f = _fold(m.text).strip()
        asked = is_question(m.text)  # a question changes nothing
        corrects = not asked and cue("correction").search(f) is not None
        kinds = frozenset() if asked else figure_kinds(f) if corrects else _recap_moves(f)
        words_changed = [] if asked else _word_changes(f)
        named = _named_wrong(f, kinds) if kinds and corrects else {}
        if named or (kinds and corrects and any(o for _, o, n in words_changed if n)
                     and cue("correction_not").search(f)):
            # "价格是165元一套，不是180元" / "集合不是南门，是北门": only a line holding the value named wrong is stale,
            # for that kind (the notice's day, "本周三（11月25日）", stays)
            kinds = frozenset(named)
        # (a correction its speaker makes of no line of their own sets right another member's: "更正一下：报名费100元"
        # by the treasurer after the organiser's "报名费80元" — only the nearest such line, within correction_reach)
        fixes = _corrected_lines(messages, j, kinds, named, corrects, organiser) if kinds else []
        for x in fixes:
            out[x.id] = Restated(kinds & figure_kinds(_fold(x.text)) | (out[x.id].kinds if x.id in out else frozenset()), m)
        changes = _slot_changes(f) if not kinds and not asked else []
        # (another member's change may hold unconfirmed: the organiser's, one with a reason from outside, one restated)
        stands = bool(changes) and _change_stands(messages, j, organiser, frozenset().union(*(k for _, k in changes)))
        once = bool(changes) and has(f, "one_off_change")  # ("今个星期四…改到星期五": the standing 逢星期二、四 stays)
        start = max(0, j - int(raw("change_reach")))
        for k_x, x in enumerate(messages[start:j] if changes else [], start):
            fx = _fold(x.text)
            # (a bare answer names its subject in the question it answers: "起跑时间呢？" … "早上7点半，广场鸣枪")
            hit = [(slot, k) for slot, k in changes if any(w in _unquoted(fx) for w in slot)]
            question = "" if hit else _asked_just_before(messages, k_x)
            hit = hit or [(slot, k) for slot, k in changes if any(w in question for w in slot)]
            old = frozenset().union(*(k for _, k in hit)) & figure_kinds(fx) - _other_unit(fx, f)
            # the latest change of a line is the one kept: a change that names the line's slot outdoes an earlier
            # correction on its subject ("秋游改到下周二" then "秋游费用改为每人135元" for "秋游费用每人120元…")
            if (x.speaker == m.speaker or _says_yes_after(messages, j, x.speaker) or stands) and old \
                    and not cue("moved").search(fx) \
                    and not (once and has(fx, "standing_schedule")) \
                    and (x.id not in out or out[x.id].by.id != m.id and not out[x.id].slot):
                out[x.id] = Restated(old, m, frozenset().union(*(slot for slot, _ in hit)), asked=bool(question))
        unit = _unit_restated(messages, j, organiser) if not asked and not changes and not kinds else None
        if unit is not None and unit[0].id not in out:
            out[unit[0].id] = unit[1]
        for x in _resettled(messages, j) if not asked and not changes and not kinds else []:
            if x.id not in out:
                out[x.id] = Restated(frozenset({"day"}), m)
        said = _said_wrong(f) if corrects and not kinds and not words_changed else None
        for x in messages[max(0, j - reach):j][::-1] if said else []:
            if x.speaker == m.speaker and x.id not in out and said[0] in _unquoted(_fold(x.text)):
                out[x.id] = Restated(frozenset({_SAID}), m)  # "小红书不是砍一半，直接先停两周": the line that said it
                break
        for x in messages[max(0, j - int(raw("change_reach"))):j][::-1] if words_changed else []:
            fx = _unquoted(_fold(x.text))
            hit = [(k, o, n) for k, o, n in words_changed if (_old_said(fx, o) is not None if o else _single_value(fx, k, n))
                   and _names_slot(fx, k, o, n, f)]
            if hit and x.id not in out and relevant(x.text, m.text, by_kind=False) and (
                    x.speaker == m.speaker or _says_yes_after(messages, j, x.speaker)
                    or _change_stands(messages, j, organiser, words=frozenset(n for _, _, n in hit if n))):
                out[x.id] = Restated(frozenset(k for k, _, _ in hit), m)
                break  # the latest line on the subject is the one the change replaces
    return out


def _unit_shapes(f: str, amounts: bool = True) -> list[str]:
    """The per-unit shapes (cue change_unit_shape: "每盆", "每人") the folded ``f`` prices an amount by ("每盆20元"), as
    每 and its unit ("每人收20元" → 每人); with ``amounts`` false, every per-unit shape before a number."""
    return [f"每{x.group('unit')}" for x in cue("change_unit_shape").finditer(f)
            if not amounts or "amount" in figure_kinds(f[x.start():x.end() + 12])]


def _other_unit(fx: str, f: str) -> frozenset[str]:
    """{"amount"} when the folded change ``f`` prices by a unit (cue change_unit_shape) and the earlier folded line
    ``fx`` prices only by others ("门票改成每人30元" and "景区停车场每车20元": another fee); empty otherwise."""
    mine, theirs = set(_unit_shapes(f)), set(_unit_shapes(fx))
    return frozenset({"amount"}) if mine and theirs and not mine & theirs else frozenset()


def _unit_restated(messages: list[Message], j: int, organiser: str | None) -> tuple[Message, Restated] | None:
    """The earlier line a change naming no slot restates by its unit ("大家说贵了，改成每盆15元吧" after "每盆20元，现场
    交"), and how: the change's one clause with a change word (cue moved) prices one unit shape (cue change_unit_shape);
    the nearest earlier line within change_reach pricing that shape (and no other shape) once is its old value, when the
    change holds for that line's speaker (its own, a yes of theirs, or :func:`_change_stands`). A change of a named
    slot (:func:`_slot_changes`) never gets here: "门票改成每人30元" does not read "停车费每车20元"."""
    m = messages[j]
    f = _fold(m.text).strip()
    moved = cue("moved")
    clauses = [c for c in _RECAP_ITEM.split(f) if moved.search(c) and not has(c, "moved_unless")]
    shapes = {s for c in clauses for s in _unit_shapes(c[moved.search(c).end():])}
    if len(clauses) != 1 or len(shapes) != 1:
        return None
    shape = next(iter(shapes))
    for x in messages[max(0, j - int(raw("change_reach"))):j][::-1]:
        fx = _fold(x.text)
        if shape not in _unit_shapes(fx, amounts=False):
            continue
        if is_question(x.text) or moved.search(fx) or _unit_shapes(fx) != [shape]:
            return None  # (the nearest line with the unit is the one the change is about, or none is)
        holds = x.speaker == m.speaker or _says_yes_after(messages, j, x.speaker) \
            or _change_stands(messages, j, organiser, frozenset({"amount"}))
        return (x, Restated(frozenset({"amount"}), m, frozenset({shape}))) if holds else None
    return None


def _asked_just_before(messages: list[Message], i: int) -> str:
    """The folded question ``messages[i]`` answers, when the message just before it is another member's question
    asking for a time, an amount or a place (reply.asks_time / asks_amount / asks_place: "起跑时间呢？", not "打卡漏了
    能补吗"); "" otherwise:
    a reply giving the value asked for may leave its subject to the question."""
    if i < 1 or messages[i - 1].speaker == messages[i].speaker or not is_question(messages[i - 1].text):
        return ""
    fq = _unquoted(_fold(messages[i - 1].text))
    return fq if any(has(fq, "reply", k) for k in ("asks_time", "asks_amount", "asks_place")) else ""


def _change_stands(messages: list[Message], j: int, organiser: str | None, kinds: frozenset[str] = frozenset(),
                   words: frozenset[str] = frozenset()) -> bool:
    """Whether the change ``messages[j]`` (of figures of ``kinds``, or to the folded values ``words``: a place, a count)
    holds whoever said the old value: said by ``organiser`` (:func:`_organiser` of the chat), with a reason from
    outside the group (cue change_outside: "景区那边说九点半才开门"), or its new value stated again by a third member within
    change_confirm_reach messages after it ("好的，那3点见"). A wish or a suggestion (cue change_wish: "要是能推迟到8点就好了")
    holds nothing."""
    m = messages[j]
    f = _fold(m.text)
    if cue("change_wish").search(f):
        return False
    if cue("change_outside").search(f) or m.speaker == organiser:
        return True
    moved = cue("moved").search(f)
    new = {_value_key(v) for kind in kinds for v in _figure_values(f[moved.end():] if moved else f, kind)}
    after = messages[j + 1 : j + 1 + int(raw("change_confirm_reach"))]
    return bool(new or words) and any(o.speaker != m.speaker and not is_question(o.text) and (new & {
        _value_key(v) for kind in kinds for v in _figure_values(_fold(o.text), kind)} or any(w in _fold(o.text) for w in words))
        for o in after)


def _organiser(messages: list[Message]) -> str | None:
    """The member who addresses @所有人 (cue owner.at_everyone) in the most messages, when one does most; None else."""
    calls = Counter(m.speaker for m in messages if any(f"@{w}" in _fold(m.text) for w in _AT_ALL))
    top = calls.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _says_yes_after(messages: list[Message], j: int, speaker: str) -> bool:
    """Whether ``speaker`` says yes (a short agreeing line, or one opening with 对/是/嗯) within change_confirm_reach
    messages after ``messages[j]``, a change another member made ("对，按丽丽说的来" after the deputy's "集合时间改成早上
    6点半"): the one who said the old value takes the change up. A refusal (cue change_refused: "不行") is no yes."""
    after = messages[j + 1 : j + 1 + int(raw("change_confirm_reach"))]
    return any(o.speaker == speaker and not is_question(o.text) and not cue("change_refused").search(_spoken(o.text))
               and (_says_yes(o.text) or cue("reply", "yes_first").search(_fold(o.text)) is not None) for o in after)


def _corrected_lines(messages: list[Message], j: int, kinds: frozenset[str], named: dict[str, list[str]],
                     corrects: bool, organiser: str | None) -> list[Message]:
    """The earlier lines the correction ``messages[j]`` (figures of ``kinds``, the wrong values ``named``) restates:
    every line of its speaker within correction_far_reach on the same subject stating a figure of those kinds
    (further than correction_reach, only one whose clause with such a figure shares the correction's subject); when
    its speaker has none, another member's nearest such line within correction_reach ("财务：更正一下，报名费100元"
    after the organiser's "报名费80元"). A line of its speaker holding an old value the correction names beside its
    new one ("更正一下，比赛改到上午10点，8点半体育馆还没开门") is restated however far back; a line of its speaker
    holding only other values of the kinds it names old ones of ("周五晚上6点前发我" beside "下午3点改到上午10点") is not."""
    m = messages[j]
    reach, far = int(raw("correction_reach")), int(raw("correction_far_reach"))
    # (another member's line only by a correction that asks nothing once its opener is read past: "更正一下是8点集合吗"
    # asks the organiser, it sets nothing right)
    corrects = corrects and not is_question(cue("correction_opens").sub("", _fold(m.text), count=1))
    olds = _old_values_named(_fold(m.text), kinds) if corrects else {}
    # (further back than correction_reach, another member's line only by a correction that holds alone: _change_stands)
    stands = corrects and _change_stands(messages, j, organiser, kinds)
    own: list[Message] = []
    other: list[Message] = []
    for k, x in enumerate(messages[:j][::-1]):
        if k >= far and not olds:
            break  # (further than correction_far_reach, only a line holding an old value the correction names)
        fx = _fold(x.text)
        old = kinds & figure_kinds(fx)
        if not old:
            continue
        names_old = x.speaker == m.speaker and any(v in olds.get(kind, ()) for kind in old
                                                   for v in _figure_values(fx, kind))
        if k >= far and not names_old:
            continue
        if x.speaker == m.speaker and old <= set(olds) and not any(
                _value_key(v) in {_value_key(o) for o in olds[kind]} for kind in old for v in _figure_values(fx, kind)):
            continue  # (the correction names the old value: its speaker's line with another value of it is another thing)
        if not names_old and k >= reach and not _same_figure_clause(x.text, m.text, old):
            continue  # (further back, only a clause with such a figure told on the correction's own thing)
        if named and not any(v in fx for vs in named.values() for v in vs):
            continue  # (the notice's other clauses, "本周三（11月25日）上午体检", are no part of it)
        if not relevant(x.text, m.text, by_kind=False):
            continue
        if x.speaker == m.speaker:
            own.append(x)
        elif corrects and (k < reach or stands) and not other and not is_question(x.text):
            other.append(x)
    return own or other


def _value_key(v: str) -> str:
    """A figure value in one form to compare by: a clock time as hour:minutes on a 12-hour dial ("7:30", "7点半",
    "七点半", "19点30" → "7:30"); any other value as written, spaces left out."""
    v = re.sub(r"\s+", "", v)
    hit = re.fullmatch(r"(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:[:：](\d{2})|点(半|一刻|(\d{1,2})分?)?)", v)
    hour = cn_to_int(hit.group(1)) if hit is not None else None
    if hit is None or hour is None:
        return v
    minutes = int(hit.group(2) or hit.group(4) or 0) or {"半": 30, "一刻": 15}.get(hit.group(3) or "", 0)
    return f"{hour % 12}:{minutes:02d}"


def _figure_values(f: str, kind: str) -> list[str]:
    """The values of ``kind`` (cue figure_values) the folded ``f`` states, as written there."""
    return [v.group(0) for v in cue("figure_values", kind).finditer(f)] if kind in raw("figure_values") else []


def _old_values_named(f: str, kinds: frozenset[str]) -> dict[str, list[str]]:
    """Kind → the values of it a folded correction that changes a value names besides its new ones (those in the clause
    after its change word, cue moved): "比赛改到上午10点，8点半体育馆还没开门" → {"clock": ["8点半"]}; empty when it has
    no change word or names no other value of the kind."""
    out: dict[str, list[str]] = {}
    # (the clause after each change word holds the new values: "改为逢礼拜二同礼拜四夜晚7点至10点，…")
    spans = [(c.end(), next((p.start() for p in re.finditer(r"[，,。；;！!？?\n]", f) if p.start() >= c.end()), len(f)))
             for c in cue("moved").finditer(f)]
    for kind in sorted(kinds & set(raw("figure_values"))):
        found = list(cue("figure_values", kind).finditer(f))
        new = {v.group(0) for v in found if any(lo <= v.start() < hi for lo, hi in spans)}
        olds = [v.group(0) for v in found if v.group(0) not in new]
        if new and olds:
            out[kind] = olds
    return out


def _same_figure_clause(text: str, change: str, kinds: frozenset[str]) -> bool:
    """Whether a clause of ``text`` and one of ``change`` that both state a figure of ``kinds`` share their subject
    (:func:`relevant`, a time word in common being none): a correction said long after a line restates only the
    figure told there on the same thing, not any figure of that line."""
    def figured(t: str) -> list[str]:
        # (a colon ends the lead-in: "物业拿回来两家报价：华建防水 48600元" tells its figure in "华建防水 48600元")
        return [_without_figure_values(c) for c in re.split(r"[：:\n]", "\n".join(_CLAUSE_WHOLE.split(t)))
                if kinds & figure_kinds(_fold(c))]
    # (the figures themselves blanked: "48600元" and "2000元" share no subject)
    return any(relevant(c, d, by_kind=False, days=False) for c in figured(text) for d in figured(change))


def _resettled(messages: list[Message], j: int) -> list[Message]:
    """The earlier decision of ``messages[j]``'s speaker that this line settles again with another day ("行，那就明天
    下单，20盒不变" after "那就定了：12月9日前按老价格订20盒，丽华负责下单"): the line opens with an acceptance
    (decision accept_head), says a day (cue resettled_day or a day figure), and shares a content word with an earlier
    settling line of its speaker (decision cues) that states another day — the latest such line within change_reach."""
    m = messages[j]
    f = _fold(m.text).strip()
    if cue("decision", "accept_head").match(f) is None or cue("action", "recap_mark").search(f):
        return []  # (a recap restates what was settled, it settles nothing again)
    day = cue("resettled_day").search(f) or cue("figure_kinds", "day").search(f)
    if day is None:
        return []
    # the same thing: a content word, or the same count ("20盒不变" of "…订20盒")
    mine = _content_slot(f, cue("change_generic")) | {v.group(0) for v in cue("word_values", "count").finditer(f)}
    for x in messages[max(0, j - int(raw("change_reach"))):j][::-1]:
        fx = _fold(x.text)
        theirs = _content_slot(fx, cue("change_generic")) | {v.group(0) for v in cue("word_values", "count").finditer(fx)}
        if x.speaker == m.speaker and has(fx, "decision", "cues") and "day" in figure_kinds(fx) \
                and day.group(0) not in fx and mine & theirs:
            return [x]
    return []


# the kind of a Restated whose old value is words a correction names wrong, no figure ("不是砍一半，直接先停两周")
_SAID = "said"


def _said_wrong(f: str) -> tuple[str, str] | None:
    """(wrong, right) a folded correction ``f`` names in words, no figure: the words right after its cue
    correction_not up to the pause ("小红书不是砍一半，直接先停两周，看抖音…" → ("砍一半", "直接先停两周")), and the
    clause after them (or the words before 不是 in the same clause, "是停两周不是砍一半"); None when it names none."""
    no = cue("correction_not").search(f)
    if no is None:
        return None
    head, *rest = re.split(f"[{_PAUSES}！!？?]", f[no.end():])
    wrong = head.strip()
    before = re.split(f"[{_PAUSES}：:！!？?]", f[:no.start()])[-1]
    right = before[before.rfind("是") + 1:].strip() if "是" in before else ""
    right = right or next((r.strip() for r in rest if r.strip()), "")
    lo, hi = int(raw("correction_said", "min_chars")), int(raw("correction_said", "max_chars"))
    if not (lo <= len(wrong) <= hi) or not right or wrong in right:
        return None
    return wrong, right


class _Value(NamedTuple):
    """A value of a kind (cue word_values) the folded text states: where it starts and ends, and its words."""

    start: int
    end: int
    text: str


def _values(f: str, kind: str, pos: int = 0) -> list[_Value]:
    """The values of ``kind`` (cue word_values) the folded ``f`` states from ``pos`` on. A place is read whole:
    values that touch are one ("人民公园" + "西门" of "人民公园西门草坪", a name longer than the cue's reach), and a
    venue word it opens with (cue place_slot, "地点人民公园西门", "集合点地铁站B出口") is no part of it — a notice written
    without a colon still states one place. A value whose end is a venue word ("比赛场" of "那比赛场地改到…", "会场") is
    that word, no place."""
    found = [_Value(v.start(), v.end(), v.group(0)) for v in cue("word_values", kind).finditer(f, pos)]
    if kind != "place":
        return found
    joined: list[_Value] = []
    for v in found:
        if joined and joined[-1].end == v.start:
            v = _Value(joined.pop().start, v.end, "")
        joined.append(v)
    slots = [_fold(w) for w in raw("place_slot")]
    out = []
    for v in joined:
        lead = max((w for w in slots if f.startswith(w, v.start) and v.end - v.start - len(w) >= 2), key=len, default="")
        start = v.start + len(lead)
        if not any(f.startswith(w, p) for p in range(start, v.end) for w in slots if p + len(w) >= v.end):
            out.append(_Value(start, v.end, f[start:v.end]))
    return out


def _names_slot(fx: str, kind: str, old: str, new: str, f: str) -> bool:
    """The stretch of the earlier folded line ``fx`` holding the old value (or its single value of ``kind``)
    shares a content word with the stretch of the change line ``f`` holding the new one ("在公园南门集合" and
    "周六集合不是南门，是北门" share 集合; "停车场在南门对面" shares none: an unrelated mention)."""
    value, generic = cue("word_values", kind), cue("change_generic")

    def slot(text: str, held: str) -> set[str]:
        stretch = [s for s in re.split(f"[{_PAUSES}！!？?]", text) if held and held in s]
        rest = value.sub(" ", cue("correction").sub(" ", " ".join(stretch)))
        return {w for w in (generic.sub("", w) for w in words(rest)) if len(w) >= 2
                and word_class(w) not in _pronoun_tags() | _function_tags()}

    held = (_old_said(fx, old) or old) if old else next((v.text for v in _values(fx, kind)), "")
    mine = slot(f, new) | slot(f, old)
    if kind == "place":  # the change names the old venue (or the line's single one), and both say it is the venue
        # ("地点…" / "场地改到…"; "在二号码头集合" … "集合点改在三号码头")
        venue = cue("place_slot")
        # (either stretch of the change: "不在图书馆了，改到社区活动中心" says in the old one that it was the venue)
        here = [s for s in re.split(f"[{_PAUSES}！!？?]", f) if new in s or old in s]
        there = [s for s in re.split(f"[{_PAUSES}！!？?]", fx) if held and held in s]
        if any(venue.search(s) for s in here) and any(venue.search(s) for s in there):
            return True
    theirs = slot(fx, held)
    # (a change that names the old value, unit and all, restates a line where that value stands as a clause of its
    # own: "…坝坝宴定下来了，40桌，中午12点开席" — "桌数改了，加到46桌，不是40桌了")
    return bool(mine & theirs) or bool(old) and not theirs and any(
        re.sub(r"\W", "", s) == old for s in re.split(f"[{_PAUSES}！!？?]", fx))


def _single_value(f: str, kind: str, new: str) -> bool:
    """``f`` states exactly one value of ``kind`` (cue word_values), other than ``new``."""
    found = {v.text for v in _values(f, kind)}
    return len(found) == 1 and new not in found


def _word_changes(f: str) -> list[tuple[str, str, str]]:
    """(kind, old, new) for each place or count (cue word_values) the folded line ``f`` changes: "不是南门，是北门"
    and "北门集合，不是南门" (the value after correction_not, and the one before or after it in the same stretch),
    "从南门改到北门" / "两个改成一个" (the values on either side of a change word, cue word_change), "改到北门" (old
    empty: the earlier line's single value of the kind). A contingency (moved_unless) changes nothing."""
    out: list[tuple[str, str, str]] = []
    for clause in _CHANGE_CLAUSES.split(f):
        if has(clause, "moved_unless"):
            continue
        for kind in raw("word_values"):
            no = cue("correction_not").search(clause)
            if no is not None:
                after = [v for v in _values(clause, kind, no.end()) if v.start - no.end() <= 1]
                before = _values(clause[:no.start()], kind)
                later = _values(clause, kind, after[0].end) if after else []
                new = before[-1].text if before else later[0].text if later else ""
                if after and new and new != after[0].text:
                    out.append((kind, after[0].text, new))
                    continue
            x = cue("word_change").search(clause)
            if x is None:
                continue
            news = _values(clause, kind, x.end())
            olds = _values(clause[:x.start()], kind)
            if news and news[0].start - x.end() <= 2:
                # (each value before the change word may be the old one: "图书馆周日临时闭馆，地点改到…")
                for old in [o.text for o in olds[::-1]] or [""]:
                    if old != news[0].text:
                        out.append((kind, old, news[0].text))
    return out


def _old_said(fx: str, old: str) -> str | None:
    """How the folded line ``fx`` says the old value ``old``: the value itself or its longest tail of three characters
    or more that ``fx`` holds (a place value read with a word before it, "说锦江饭店", is the venue "锦江饭店"); None
    when ``fx`` says none of them."""
    return next((old[i:] for i in range(0, max(1, len(old) - 2)) if old[i:] in fx), None)


def _slot_changes(f: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    """The changes the folded line ``f`` makes that name their slot ("费用调成每人1350元", "集合时间改早到9:30",
    "队服改成每套158元"): for each clause with a change word (cue moved) and a figure after it, the content words
    before the change word (the slot, less the generic ones of cue change_generic) and the kinds of the figures
    after it. A contingency (moved_unless) or a clause whose slot is only generic words changes nothing."""
    out: list[tuple[frozenset[str], frozenset[str]]] = []
    moved, generic = cue("moved"), cue("change_generic")
    clauses = _RECAP_ITEM.split(f)
    for k, clause in enumerate(clauses):
        x = moved.search(clause)
        if x is None or has(clause, "moved_unless"):
            continue
        kinds = figure_kinds(clause[x.end():])
        # the slot is named right before the change word, in its own stretch of the line (a copy without
        # punctuation keeps only spaces: "天热了 从周三开始排练时间从晚上7点半改到7点"), figures left out
        before = (clause[:x.start()].split() or [""])[-1]
        dropped = not before.strip() and k and has(clauses[k - 1].strip(), "dropped_before_change")
        if dropped:
            before = clauses[k - 1]  # "周五下午不演练了，改成周四上午10点": the clause that drops the old value names it
        elif not before.strip() and (told := _heads_up(clauses, k)):
            before = told  # "那布展时间有变，提前到周五晚上7点": the clause that says it changes names it
        before = _without_figure_values(before)
        slot = _slot_words(before, generic)
        if not slot:  # a field word the segmenter cut apart ("报到时间改成7:30": 报 + 到): the stretch itself
            slot = _field_stretch(generic.sub(" ", before))
        if dropped:  # "敬老院那边有检查，周日上午不去了，改成…": what it drops may be named only in the line's matter
            slot |= _content_slot(" ".join(clauses[:k - 1]), generic)
        if kinds and slot:
            out.append((slot, kinds))
    return out


def _says_slot(f: str, slot: frozenset[str]) -> bool:
    """Whether the folded text ``f`` says a word of ``slot``."""
    return any(w in f for w in slot)


def _heads_up(clauses: list[str], k: int) -> str:
    """The words before the change word of the clause right before ``clauses[k]`` when that clause only says that
    something changes, no figure after its change word ("那布展时间有变" of "那布展时间有变，提前到周五晚上7点"): the
    slot the next clause's change moves; empty otherwise."""
    if k == 0:
        return ""
    x = cue("moved").search(clauses[k - 1])
    if x is None or figure_kinds(clauses[k - 1][x.end():]):
        return ""
    return cue("heads_up_lead").sub("", clauses[k - 1][:x.start()].strip(), count=1)


def _content_slot(text: str, generic: re.Pattern[str]) -> frozenset[str]:
    """The content words of ``text`` with its figures left out (:func:`_slot_words`): what a change line that drops a
    plan without naming its field is about."""
    return _slot_words(_without_figure_values(text), generic)


def _without_figure_values(text: str) -> str:
    """``text`` with its figures (cue figure_values: times, days, fees…) blanked."""
    for kind in raw("figure_values"):
        text = cue("figure_values", kind).sub(" ", text)
    return text


def _slot_words(text: str, generic: re.Pattern[str]) -> frozenset[str]:
    """The content words of ``text`` (two characters or more, no digit, time, numeral, pronoun or function word, less
    the generic ones of ``generic``)."""
    return frozenset(w for w in (generic.sub("", w) for w in words(text)
                                 if not any(c.isdigit() for c in w) and word_class(w) not in {"m", "q", "t"}
                                 and word_class(w) not in _pronoun_tags() | _function_tags()) if len(w) >= 2)


def _field_stretch(before: str) -> frozenset[str]:
    """The field a change clause names when segmentation gave no word of two characters: the last run of letters
    right before the change word (generic words already blanked: "报到时间" → "报到"), two to four characters, when it
    is no time, pronoun or function word; empty otherwise."""
    run = re.findall(r"[^\W\d_]+", before)
    last = run[-1] if run else ""
    if not 2 <= len(last) <= 4 or not re.search(r"[^\W\d_]+\s*$", before):
        return frozenset()
    tags = {word_class(w) for w in words(last)}
    if tags & ({"m", "q", "t"} | _pronoun_tags() | _function_tags()):
        # (a field word the segmenter reads as an adverb, cue change_fields: "到场时间改成…" → 到场)
        return frozenset(w for w in raw("change_fields") if last.endswith(w))
    return frozenset({last})


def _clause_slot(clause: str) -> frozenset[str]:
    """The field words one change clause names (:func:`_slot_changes` of that clause alone)."""
    return frozenset().union(*(slot for slot, _ in _slot_changes(_fold(clause))))


def _recap_moves(f: str) -> frozenset[str]:
    """The kinds of the figures a recap (cue action.recap_mark, folded ``f``) moves in its items ("总结一下：1. 周六彩排改到
    下午2点，提前一小时"): the figures in an item after a change word (cue moved: "外拍改到3月19日周日上午8点" a day and
    a clock, "场地费改成每人50元" an amount), read item by item and not in a contingency (moved_unless) — the speaker's
    earlier line with that kind of figure on the subject is stale however far back, like an explicit correction's."""
    if not cue("action", "recap_mark").search(f):
        return frozenset()
    moved = cue("moved")
    kinds: set[str] = set()
    for item in _RECAP_ITEM.split(f):
        if has(item, "moved_unless"):
            continue
        for x in moved.finditer(item):
            kinds |= figure_kinds(item[x.end():])
    return frozenset(kinds)


# A line cut into clauses at its pauses. One set of marks, and the splitters that also cut at ！ or ？ say why:
_PAUSES = "\n。；;，,"
# a recap's items and a change line's clauses (_slot_changes, _recap_moves): statements, so only the pauses
_RECAP_ITEM = pauses(_PAUSES)
# the clause of a re-timing line that holds the change word (_retimed): a question never gets this far (it changes
# nothing), but an exclamation ends the clause ("海报改成周四前！大家辛苦")
_CHANGE_CLAUSE = pauses(_PAUSES + "！!")
# a clause of any line where someone hands work on by name (_HandOns): questions are read too, so ？ ends one
# ("签到表交给小许？那横幅呢")
_HANDING_CLAUSE = pauses(_PAUSES + "！!？?")


def restating(text: str, fix: Restated) -> str:
    """``text`` (a line ``fix`` restates) in its final state: its clauses that hold no restated figure, then the
    correction's clauses on the same subject that state a figure of those kinds ("10月8日统一发货，快递到小区门口"
    after "更正几处：…发货推到10月10日" is "快递到小区门口，发货推到10月10日")."""
    kept = without_figures(text, fix, marks_named=False)  # (the correction's clauses follow: no mark beside the old)
    new = [c.strip() for c in _CLAUSE_WHOLE.split(fix.by.text)
           if fix.kinds & figure_kinds(_fold(c)) and relevant(c, text, by_kind=False)]
    return "，".join(x for x in [kept, *new] if x)


def _slot_restated(text: str, clauses: list[str], fix: Restated) -> str:
    """:func:`without_figures` of a line a change that named its slot restates (``clauses``: the line's): its stale
    clause gives way to the change's clause, in its place, or keeps its words with the new value beside it."""
    said = [c.strip() for c in _CLAUSE_WHOLE.split(fix.by.text)]
    # (a change clause that names no slot takes the one its heads-up clause names: "布展时间有变，提前到…")
    new = [c for k, (c, f) in enumerate(zip(said, map(_fold, said)))
           if cue("moved").search(f) and fix.kinds & figure_kinds(f)
           and (_says_slot(f, fix.slot) or _says_slot(_fold(_heads_up(said, k)), fix.slot))]
    out: list[str] = []
    # the slot named in the line, its figure in another clause ("周末开荒深渊王座，先统计人，周六晚上21:00开"):
    # the one clause with a figure of the kind is the stale one
    figured = [c for c in clauses if fix.kinds & figure_kinds(_fold(c))]
    named = {c for c in figured if _says_slot(_unquoted(_fold(c)), fix.slot)} \
        or (set(figured) if len(figured) == 1 and (fix.asked or _says_slot(_unquoted(_fold(text)), fix.slot)) else set())
    for c in clauses:
        # a change line that moves two fields ("出发时间从7:00改到8:30，报到时间改成7:30"): the clause gets the
        # value of the change that names its own field, never another field's
        own = [n for n in new if any(w in _unquoted(_fold(c)) for w in _clause_slot(n))]
        if c not in named:
            out.append(c)
        elif (put := _put_values(c, own or new, fix.kinds, places=said)) is not None:
            out.append(put)  # "早上10點北河街街市門口集合" → "早上10點北河街街市門口集合（已改：9:30）"
        elif fix.asked:  # (found by its question: kept as said when the new value cannot be put beside it)
            out.append(c)
        elif new:
            out.extend(new)
            new = []
    return "，".join(out)


def without_figures(text: str, fix: Restated, marks_named: bool = True) -> str:
    """``text`` without its clauses that state a figure of ``fix``'s kinds on the subject of its correction
    ("今次有四十圍，晚上六點開席" after "更正：開席改做七點" is "今次有四十圍"): what of a line still holds once the
    correction restated those figures. A clause holding the old value a correction names beside its change keeps its
    words, the new value beside it (not with ``marks_named`` off: :func:`restating` follows with the change itself)."""
    clauses = [c.strip() for c in _CLAUSE_WHOLE.split(text) if c.strip()]
    if fix.slot:  # a change that named its slot: the stale clause gives way to the change's clause, in its place
        return _slot_restated(text, clauses, fix)
    said = _said_wrong(_fold(fix.by.text)) if _SAID in fix.kinds else None
    if said is not None:  # "小红书预算砍一半（已改：直接先停两周）": the clause that said it, the right words beside it
        at = _fold(fix.by.text).find(said[1])
        right = fix.by.text[at:at + len(said[1])] if len(_fold(fix.by.text)) == len(fix.by.text) else said[1]
        f = _fold(text)
        at = f.find(said[0])
        if at < 0 or len(f) != len(text):
            return text
        end = _CLAUSE_WHOLE.search(text, at + len(said[0]))
        cut = end.start() if end else len(text.rstrip("。！!；; "))
        return f"{text[:cut]}（{raw('changed_mark')}{right}）{text[cut:]}"
    olds, news = _corrected_values(fix)
    if not olds and fix.kinds & set(raw("word_values")):  # a place or a count changed ("不是南门，是北门")
        f = _unquoted(_fold(text))
        for kind, old, new in _word_changes(_fold(fix.by.text)):
            old = old or next((v.text for v in _values(f, kind)), "")
            old = _old_said(f, old) or old  # ("说锦江饭店": 锦江饭店)
            said = fix.by.text[_fold(fix.by.text).find(new):][:len(new)]
            if kind in fix.kinds and old and old in f and old != new and said not in news:  # (each value once)
                olds, news = [*olds, old], [*news, said]
    if olds and news:  # "草莓29元一盒，不是35元": the clause with the value named wrong, as said, the right one beside it
        return "，".join(f"{c}（{raw('changed_mark')}{'，'.join(news)}）" if any(o in _fold(c) for o in olds) else c
                        for c in clauses)
    # a correction that names the old value beside its change ("工牌明天下午3点改到明天上午10点领取"): a clause holding
    # that old value keeps its words, the new value beside it ("…下午3点在16楼前台领取（已改：10点）"); other clauses
    # of those kinds on its subject give way
    said = _fold(fix.by.text)
    olds_named = _old_values_named(said, fix.kinds) if marks_named and cue("correction").search(said) else {}
    changes = [c.strip() for c in _CLAUSE_WHOLE.split(fix.by.text)
               if cue("moved").search(_fold(c)) and fix.kinds & figure_kinds(_fold(c))] if olds_named else []
    out = []
    for c in clauses:
        fc = _fold(c)
        if not (fix.kinds & figure_kinds(fc) and relevant(c, fix.by.text, by_kind=False)):
            out.append(c)
        elif changes and any(v in olds_named.get(kind, ()) for kind in fix.kinds for v in _figure_values(fc, kind)) \
                and (put := _put_values(c, changes, frozenset(olds_named))) is not None:
            out.append(put)
    return "，".join(out)


def _named_wrong(f: str, kinds: frozenset[str]) -> dict[str, list[str]]:
    """Kind → the values of it the folded correction ``f`` names wrong, after its cue correction_not and before the
    clause ends ("冬季校服价格是165元一套，不是180元，之前的报价错了" → {"amount": ["180元"]}); empty when it names none."""
    no = cue("correction_not").search(f)
    if no is None:
        return {}
    tail = re.split(r"[，,。；;！!\s]", f[no.end():])[0]  # ("唔係五十 一樣星期四前…": the day is no wrong value)
    out = {kind: [v.group(0) for v in cue("figure_values", kind).finditer(tail) if v.start() <= 2]
           for kind in sorted(kinds)}
    return {k: v for k, v in out.items() if v}


def _corrected_values(fix: Restated) -> tuple[list[str], list[str]]:
    """The values a correction names wrong and right, of its kinds (cue figure_values): those after its cue
    correction_not ("不是35元") and those before it in the same clause ("草莓29元一盒，不是35元" → ["35元"], ["29元"]);
    empty when it names no wrong value."""
    f = _fold(fix.by.text)
    no = cue("correction_not").search(f)
    if no is None or len(f) != len(fix.by.text):
        return [], []
    olds: list[str] = []
    news: list[str] = []
    head = f[:no.start()]
    for kind in sorted(fix.kinds & set(raw("figure_values"))):
        value = cue("figure_values", kind)
        tail = re.split(r"[。；;！!\n]", f[no.end():])[0]
        olds += [v.group(0) for v in value.finditer(tail)]
        news += [fix.by.text[v.start():v.end()] for v in value.finditer(head)][-1:]
    return olds, news


def _put_values(clause: str, changes: list[str], kinds: frozenset[str], places: Sequence[str] = ()) -> str | None:
    """``clause`` as said, with the value of each of ``kinds`` (cue figure_values: "10點", "1200元", "12/19") the
    change clauses state after their change word beside it ("早上10點…集合（已改：9:30）" after "集合時間改早到9:30"):
    a quote is never rewritten. None when a kind has no single value on either side (the caller then puts the
    change clause in its place). With ``places`` (the change line's clauses), a place the change moves along with
    them goes beside them too (:func:`_moved_place`: "…7点在一号楼活动室开…（已改：周六，3点，二号楼会议室）")."""
    f, put = _fold(clause), []
    if len(f) != len(clause):
        return None
    if places and (place := _moved_place(f, places)):
        put.append(place)
    for kind in sorted(kinds):
        value = cue("figure_values", kind)
        olds = list(value.finditer(f))
        news = _said_after_change(changes, value)
        if len(olds) != 1 or len({_fold(n) for n in news}) != 1:
            if olds or news:
                return None
            continue
        if _fold(news[0]) != olds[0].group(0):
            put.append(news[0])
    said = "".join([*changes, *places])  # (the new values in the order the change says them: "周五，晚上7点")
    put.sort(key=lambda v: said.find(v))
    return f"{clause}（{raw('changed_mark')}{'，'.join(put)}）" if put else None


def _moved_place(f: str, said: Sequence[str]) -> str:
    """The place (cue word_values place, read whole) the change line's clauses ``said`` move to — after a change word
    (cue moved: "分享会改到周六下午3点、在二号楼会议室") or a venue word that changes (cue venue_moved: "地点改去长洲码头")
    — when the folded clause ``f`` states one other place and they state one, as the change writes it; "" otherwise
    (no place, several, or the same one)."""
    olds = {v.text for v in _values(f, "place")}
    news: dict[str, str] = {}
    for c in said:
        fc = _fold(c)
        x = cue("moved").search(fc) or cue("venue_moved").search(fc)
        if x is not None and len(fc) == len(c):
            news |= {v.text: c[v.start:v.end] for v in _values(fc, "place", x.end())}
    return next(iter(news.values())) if len(olds) == 1 and len(news) == 1 and not olds & set(news) else ""


def _said_after_change(changes: list[str], value: re.Pattern[str]) -> list[str]:
    """The values ``value`` finds after the change word of each change clause, as the clause writes them."""
    out: list[str] = []
    for c in changes:
        fc = _fold(c)
        x = cue("moved").search(fc)
        if x is not None and len(fc) == len(c):
            out += [c[n.start():n.end()] for n in value.finditer(fc, x.end())]
    return out


def _only_counts(f: str, counted: re.Pattern[str]) -> bool:
    """A short line whose figures are all head-counts ("现在11个人了，还剩1个名额"): nothing else in it to keep."""
    return len(f) <= 30 and bool(counted.search(f)) and not re.search(r"\d", counted.sub("", f))


def on_topic(text: str, topic: frozenset[str]) -> bool:
    return any(t in topic for t in words(text))


def monologue(messages: list[Message], speaker: str, interjection: int = 12, questions_break: bool = False) -> int:
    """The longest run of ``speaker``'s substantive messages with nobody else saying more than a few
    words in between: a talk has one, a discussion led by a talkative organiser does not. With
    ``questions_break`` a short question of someone else ends the run too ("幾點練" put to an organiser who
    plans: a talk's audience keeps its questions for after it)."""
    best = run = 0
    for m in messages:
        if m.speaker == speaker:
            run += len(m.text) >= 30
            best = max(best, run)
        elif len(m.text) > interjection or (questions_break and is_question(m.text)):
            run = 0
    return best


# -- relevance -------------------------------------------------------------------------------------
_QWORDS = frozenset(str(w) for w in raw("patterns", "question_words"))
_NUMBER = cue("patterns", "counted")


@lru_cache(maxsize=1)
def _shared_stop() -> frozenset[str]:
    """Two characters in common that are no common ground (``cues.yaml`` reply.shared_stop: 还是, 有没, 请问)."""
    return frozenset(_fold(w) for w in raw("reply", "shared_stop"))


_HEADING_END = re.compile(r"[:：]\s*$")  # a heading whose content follows it


@lru_cache(maxsize=65536)
def _content_bigrams(text: str) -> frozenset[str]:
    """The 2-character runs of ``text``'s letters and digits (mentions dropped), cached: a chat's open questions are
    read against every later message."""
    s = "".join(ch for ch in MENTION.sub("", _fold(text)) if ch.isalnum())
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


@lru_cache(maxsize=65536)
def _asked_words(question: str, asks_time: bool) -> frozenset[str]:
    """The content words of ``question`` that a reply sharing them takes up: two characters or more, no question word,
    pronoun or function word, and no time word unless ``asks_time`` (cached: one question is read against many
    replies)."""
    return frozenset(t for t in words(question) if len(t) >= 2 and t not in _QWORDS and word_class(t) not in _pronoun_tags()
                     and word_class(t) not in _function_tags() and (asks_time or word_class(t) != "t"))


@lru_cache(maxsize=65536)
def relevant(question: str, reply: str, *, by_kind: bool = True, days: bool = True) -> bool:
    """Whether ``reply`` plausibly answers ``question``: shared content words or a shared 2-char run,
    or (``by_kind``) the kind of thing asked for (a time, an amount) given. Without ``days``, a time word in
    common is no common ground unless the question asks a time. Cached: a pure function of its arguments, and the
    Q&A pass asks it of the same question and reply from several places (each open question against each message)."""
    # a pronoun in common (那边, 我家) is no common ground
    # (nor a conjunction or an adverb: 另外, 然后, 还是 say nothing of what is asked)
    # (nor a time word when the question does not ask a time: "周五晚上有人约火锅吗" — "周五前得把场地订了")
    asks_time = days or has(_fold(question), "reply", "asks_time")
    if _shares_content(_asked_words(question, asks_time), _content_bigrams(question), reply, asks_time):
        return True
    fq, fr = _fold(question), _fold(reply)
    if by_kind and (cue("question", "final").search(fq) or cue("question", "tag_final").search(fq)) and cue("reply", "yes_no").match(fr.strip()):
        return True  # "能交现金吗" — "可以的，…"
    if not by_kind:
        return False
    if _gives_time(fq, reply):
        return True  # "海报啥时候要" — "那就周四前吧": a day the work is due by answers a time question
    return (has(fq, "reply", "asks_time") or has(fq, "reply", "asks_amount")) and bool(_NUMBER.search(fr))


def _shares_content(asked: frozenset[str], bigrams: frozenset[str], reply: str, asks_time: bool) -> bool:
    """:func:`relevant`'s common ground: one of the question's ``asked`` words (:func:`_asked_words`) in ``reply``, or one
    of its 2-character runs (:func:`_content_bigrams`) that is no stop pair, pronoun or (unless ``asks_time``) time word."""
    if not asked.isdisjoint(words(reply)):
        return True
    stop = _shared_stop()
    return any(g not in stop and word_class(g) not in _pronoun_tags() and (asks_time or word_class(g) != "t")
               for g in bigrams & _content_bigrams(reply))


# -- Q&A ---------------------------------------------------------------------------------------------
@dataclass
class _Open:
    msg: Message
    index: int
    text: str
    to: set[str]  # the people it was put to (@, vocative)
    answer: list[Message] = field(default_factory=list)
    direct: bool = False  # answered by an @-reply or by the person it was put to
    loose: bool = False  # answered only by coming next: kept when the exchange is on the session's subject
    more: list[int] = field(default_factory=list)  # the asker's follow-ups joined to the question (cited too)
    alt: tuple[str, str] | None = None  # "A还是B" with no question form: asks only if a reply picks A or B
    closed: bool = False  # the one it was put to took it with an ack ("没问题"): work accepted, nothing to answer
    held: bool = False  # asked while the speaker holds the questions for a round at the end: theirs to answer
    after_side: bool = False  # asked on someone's side remark just before ("我家狗又咬鞋了" — "要不要买个磨牙棒")
    first: _Open | None = None  # the line's first question, when one line asks two (:func:`_asked_parts`)


def _echoes(question: str, reply: str) -> bool:
    """A reply that repeats what a yes/no or "who has" question asks about ("定金能退吗" — "…全退，之后不退";
    "你们谁玩过血染钟楼" — "玩过 说书人超累") answers it, whatever words they share."""
    m = cue("question", "predicate").search(_fold(question))
    verb = next((g for g in m.groups() if g), None) if m else None
    if not verb:
        return False
    f = _fold(reply)
    # one character is echoed only as a yes or a no of its own ("全退", "不退", "退得"), not inside another word
    return verb in f if len(verb) >= 2 else bool(re.search(f"(?:不|没|全|能|可以|会){re.escape(verb)}|{re.escape(verb)}(?:了|过|得)", f))


def _says_which(question: str, reply: str) -> bool:
    """A reply that opens with one side of the question's "A不A" ("够不够" — "够的，…", "去唔去" — "唔去喇")."""
    m = cue("question", "a_not_a").search(_fold(question))
    if not m:
        return False
    return bool(re.match(rf"^(?:@\S+\s*)?[不没唔冇]?{re.escape(m.group(1))}", _fold(reply).strip()))


def _opens_yes_no(question: str, reply: str) -> bool:
    """A reply that opens with a yes or a no to a yes/no question and goes on with why or what ("要不要带手套" —
    "要，旧木头毛刺多"; "雨衣要自己带吗" — "要，仓库只有三件"; "能退吗" — "不能 已经下单了"): the answer, whatever words it
    shares with the question. The opening word is one of ``reply.modal_yes_no`` and a separator follows it; a bare yes
    alone is left to :func:`_short_answer`, a yes to a request (``action.request``/``request_tag``) takes work on, and a
    question about the ones asked (``reply.asks_you``) or turning aside (``reply.aside_opener``) is no group matter by
    its yes."""
    fq = _fold(question)
    if not _asks_yes_no(fq) or _asks_of_them(question) or has(fq.strip(), "reply", "aside_opener"):
        return False  # (a question about the ones asked, "你们去过吗", is answered for themselves: side chat or not)
    f = _fold(MENTION.sub("", reply)).strip()
    head = re.match(r"^([^\W\d_]{1,3})[，,、。！!～~\s]+(\S.*)$", f)
    return bool(head and _yes_no_word(head.group(1), fq) and len(re.sub(r"\W", "", head.group(2))) >= 3
                and not is_question(head.group(2)))


def _asks_of_them(question: str) -> bool:
    """The question asks something of the ones it is put to — a request (``action.request`` / ``request_tag``: "…交给
    番茄妈妈…你看行不行") or about themselves (``reply.asks_you``): their yes takes work on or speaks for themselves, it
    answers no group matter."""
    fq = _fold(question)
    return has(fq, "action", "request") or has(fq, "action", "request_tag") or has(fq, "reply", "asks_you")


def _says_own_yes_no(question: str, reply: str) -> bool:
    """A reply that opens with a yes or no (:func:`_opens_yes_no`) in the question's own word ("有冇中三班" — "有嘅，…";
    "可以帶小孩來嗎" — "可以的，…"): it fits that question, not just any yes/no question."""
    if not _opens_yes_no(question, reply):
        return False
    head = re.match(r"^([^\W\d_]{1,3})[，,、。！!～~\s]", _fold(MENTION.sub("", reply)).strip())
    word = head.group(1) if head else ""
    said = max((w for w in _MODAL_YES_NO() if word.startswith(w)), key=len, default="")
    said = said[:-1] if len(said) > 1 and said.endswith("的") else said
    return bool(said) and said in _fold(question)


def _yes_no_word(word: str, fq: str) -> bool:
    """Whether ``word``, the opening of a reply to the folded question ``fq``, is a yes or a no (``reply.modal_yes_no``):
    as it is, with a particle after it ("要啦", ``reply.yes_no_particles``), or with the question's own verb after it
    ("要自己带水吗" — "要带")."""
    particles = tuple(str(p) for p in raw("reply", "yes_no_particles"))
    bare = word[:-1] if len(word) > 1 and word.endswith(particles) else word
    return bare in _MODAL_YES_NO() or any(
        bare.startswith(m) and len(bare) - len(m) == 1 and bare[len(m):] in fq for m in _MODAL_YES_NO())


def _gives_time(fq: str, reply: str) -> bool:
    """Whether the folded question ``fq`` asks when (几点, 什么时候) and ``reply`` names a marked time or day."""
    return has(fq, "reply", "asks_time") and any(d.marked for d in time_expressions(reply, None))


def _in_form(question: str, reply: str, people: People | None = None) -> bool:
    """Whether ``reply`` gives what ``question``'s ask word asks for, whatever words they share: a time for 几点 /
    什么时候, a figure for 多少 / 几箱 / 够不够 ("铁锹够不够" — "物业仓库有八把"), a person doing the asked thing for
    谁 ("车谁开" — "车我开", "边个揸货车" — "阿辉揸"). A bare yes or no is no such form: "可以啊" fits any 吗 question."""
    fq, fr = _fold(question), _fold(MENTION.sub("", reply)).strip()
    if _gives_time(fq, reply):
        return True
    if (_asks_count(fq) or has(fq, "reply", "asks_enough")) and cue("reply", "amount_given").search(_without_days(fr)):
        return True  # (a day or an hour is no amount: "报名费多少" — "9月25日周六上午" answers another question)
    # (not a line told to everyone: "大家周五晚上7点前把乐器送到文化馆装车" is a notice, no place to eat)
    plain = not is_question(fr) and "大家" not in fr and not notice_word(fr)
    if plain and _asks_place_of(fq) and has(fr, "reply", "place_given"):
        return True  # a place for 哪里 / 放哪 / 喺边 ("棋盘棋子放哪" — "统一放在文化站二楼储物柜")
    item = cue("question", "object_final").search(fq)
    if plain and item and any(v in item.group(0) and _leads_with(fr, v) for v in raw("reply", "item_verbs")):
        return True  # the things to take for 带什么 ("要带什么" — "带一个保鲜盒装成品，还有围裙和袖套")
    if has(fq, "reply", "asks_duration") and cue("reply", "duration_given").search(fr):
        return True  # a length of time for 多久 / 几耐 ("要行几耐" — "大概五个钟，中途喺浪茄食饭")
    who = cue("reply", "asks_who").search(fq)
    if who is None:
        return False
    verb = re.sub(r"^(?:来|去)", "", fq[who.end():])[:1]
    if not verb or not re.match(r"[\u4e00-\u9fff]", verb):
        return False
    subjects = {"我", "我们", "我哋", "你", "你们"} | {alias for _, alias, _ in (people.named_in(fr) if people else [])}
    return any(re.search(re.escape(x) + r"(?:来|去|也|负责)?" + re.escape(verb), fr) for x in subjects) \
        or _hands_to_person(fr, people)


def _hands_to_person(fr: str, people: People | None) -> bool:
    """The folded reply ``fr`` hands the work to a person named right after a hand-over word (``reply.who_handed``:
    "交给小林吧", "下午交给晓雯和小罗"): a member of the chat or a name-shaped word (not 我 / 你: "交给我" is a
    volunteer's own line, read as such)."""
    named = {alias for _, alias, _ in (people.named_in(fr) if people else [])} | {n for _s, _e, n in name_shaped(fr)}
    return any(fr[at.end():].startswith(x) for word in raw("reply", "who_handed")
               for at in re.finditer(re.escape(str(word)), fr) for x in named)


def _asks_place_of(fq: str) -> bool:
    """The folded question ``fq`` asks where something is (``reply.asks_place``) and names that thing before the ask
    word in the same clause ("棋盘棋子放哪", "停车场在哪里"): a bare "真的吗，在哪" on a side remark names nothing."""
    for clause in _CLAUSE.split(fq):
        for word in raw("reply", "asks_place"):
            at = clause.find(str(word))
            if at >= 0 and len(re.sub(r"\W", "", clause[:at])) >= 2:
                return True
    return False


def _leads_with(f: str, verb: str) -> bool:
    """The folded line ``f`` opens with ``verb``, after at most one of ``reply.item_lead`` ("带一个保鲜盒", "记得带
    雨衣", "不用带"), not somewhere inside ("我开车，能带3个人")."""
    leads = sorted((str(x) for x in raw("reply", "item_lead")), key=len, reverse=True)
    return any(f.startswith(lead + verb) for lead in ["", *leads])


def _without_days(f: str) -> str:
    """The folded ``f`` without its days and times (:func:`time_expressions`): the figures left are amounts."""
    for d in time_expressions(f, None):
        f = f.replace(_fold(d.text), " ")
    return f


def _form_reader(people: People) -> Callable[[str, str], bool]:
    """:func:`_in_form` for one chat's people, each question and reply read once: a reply is tried against the same
    open questions by several steps of :func:`_unaddressed` and :func:`_answers_again`."""
    seen: dict[tuple[str, str], bool] = {}

    def in_form(question: str, reply: str) -> bool:
        if (question, reply) not in seen:
            seen[question, reply] = _in_form(question, reply, people)
        return seen[question, reply]
    return in_form


def _asks_count(f: str) -> bool:
    """A folded line asking how many or how much ("牛肉还剩几箱", "淡水还剩多少")."""
    return bool(cue("question", "count").search(f)) or has(f, "reply", "asks_amount")


def _defers(text: str) -> bool:
    """The one asked putting the answer off ("我问问", "我在驾驶台送饭 回去再看", "等下再说，先把名单对完"): it
    answers nothing. A short line whose first or last clause puts it off."""
    f = _fold(MENTION.sub("", text)).strip()
    clauses = [c.strip() for c in _CLAUSE.split(f) if c.strip()]
    size = len(re.sub(r"\W", "", f))
    # (a short line holding the question for later, "问题记下了，等讲完统一回答", puts it off too)
    return bool(clauses) and (size <= int(raw("reply", "defers_chars"))
                              and any(cue("reply", "defers").match(c) for c in {clauses[0], clauses[-1]})
                              or size <= int(raw("reply", "holds_chars")) and has(f, "reply", "holds_questions"))


def _guessed(q: _Open) -> bool:
    """``q`` has an answer only because it came next, and that answer says nothing in the question's form (no yes
    or no, no side of its A不A, no time or figure asked): a reply in its form may still take its place."""
    return q.loose and bool(q.answer) and not relevant(q.text, q.answer[0].text) and not _says_which(q.text, q.answer[0].text)


def _beside_the_point(q: _Open, host: str | None) -> bool:
    """``q``'s answer so far is someone's line that gives nothing it asked: the question asks a figure and the line
    gives none, nor a whole word of it ("报名费多少" — "我报名，跟老赵一队"); or the line came after some side chat and
    shares none of the question's words, nor is it in its form (no yes or no, no side of its A不A, no figure, time or
    doer asked: "资料卡要写收入吗" … "是的，我转了三圈", said to the side chat before it). A later line on the
    question's words or in its form takes its place (:func:`_unaddressed`)."""
    if q.direct or not q.answer or q.answer[0].speaker == host:
        return False  # (the one running the chat answering right after is taken at their word: :func:`_host_answers`)
    said = q.answer[0].text
    if _says_which(q.text, said) or _opens_yes_no(q.text, said) or _in_form(q.text, said):
        return False
    fq = _fold(q.text)
    lead = _CLAUSE.split(_fold(MENTION.sub("", said)).strip())[0]
    finals = tuple(str(x) for x in raw("reply", "yes_no_finals"))
    if len(lead) <= 4 and _asks_yes_no(fq) \
            and (_yes_no_word(lead, fq) or lead.endswith(finals) and _yes_no_word(lead[:-1], fq)):
        return False  # its yes or no, with a particle: "练习册还要带吗" — "不用带了，新教材里都有"
    if _asks_count(fq):  # (no figure at all — "统一20吧" gives one — nor a whole word of it: 报名费, not 报名)
        return not _NUMBER.search(_fold(said)) and not _shares_word(q.text, said)
    # (a line right after the question is taken as its answer, whatever its words; one after some side chat only
    # on the question's words: "孩子本人能来吗" — "昨天公园人太多了" — "是的，我转了三圈")
    return q.answer[0].id - q.msg.id > 1 and not relevant(q.text, said, by_kind=False, days=False)


def _shares_word(question: str, reply: str) -> bool:
    """Whether ``reply`` has one of ``question``'s content words whole (:func:`_asked_words`), not just two characters
    of one ("报名费多少" — "我报名": 报名 is a piece of 报名费; "上学期的练习册" — "一学期1600元")."""
    return not _asked_words(question, has(_fold(question), "reply", "asks_time")).isdisjoint(words(reply))


def _minutes(a: Message, b: Message) -> float:
    return (b.time - a.time).total_seconds() / 60 if a.time and b.time else 0.0


def _later_day(a: Message, b: Message) -> bool:
    """``b`` was said on a later day than ``a`` (both dated): a line of the next day's talk ("主家刚打电话，桌数改了…"
    the day after "主家那边有没有人忌口？" was answered) goes on with no answer given the day before."""
    return bool(a.time and b.time and b.time.date() > a.time.date())


def _picks(q: _Open, m: Message) -> bool:
    """Whether ``m`` (someone else's) picks one side of the "A还是B" put in ``q``."""
    if q.alt is None:
        return True
    f = _fold(m.text)
    return m.speaker != q.msg.speaker and (q.alt[0] in f or q.alt[1] in f)


def _alternative(m: Message, session: SessionType, speakers: list[str], host: str | None) -> tuple[str, str] | None:
    """The two sides of a choice put without a question form ("師傅用全脂定低脂奶好" → 全脂 / 低脂); not in the
    talk's own lines (the speaker's "用全脂还是低脂都可以" is the talk)."""
    f = _fold(_clean(m.text))
    if session == "主讲分享" and (m.speaker in speakers or m.speaker == host) or cue("question", "opinion").search(f):
        return None  # (nor an opinion: "抽奖还是有意思的吧" picks a side itself)
    match = cue("question", "alternative").search(f)
    return (match.group(1), match.group(2)) if match and match.group(1) != match.group(2) else None


def _disputed(q: _Open, messages: list[Message], session: SessionType) -> bool:
    """In a discussion, a question answered by one member's opinion ("要不要搞个抽奖" — "我觉得抽奖没必要") while
    another member gives a view of their own on it, just before or after ("抽奖还是有意思的吧", "收个10块意思一下吧"),
    is still open: no one's opinion is its answer."""
    if session != "话题讨论" or q.direct or not q.answer:
        return False
    first = q.answer[0]
    if not cue("question", "opinion").search(_fold(first.text)):
        return False
    at = next((k for k, x in enumerate(messages) if x.id == first.id), len(messages))
    def view(x: Message) -> bool:  # on the question's words, or an opinion or a vote of its own ("同意收10块")
        f = _fold(x.text)
        return relevant(q.text, x.text, by_kind=False) or bool(cue("question", "opinion").search(f)) \
            or has(f, "decision", "agree")

    return any(x.speaker not in (q.msg.speaker, first.speaker) and x.id != q.msg.id and view(x)
               for x in messages[max(q.index + 1, at - 3) : at + 4])


def _clean(text: str) -> str:
    return MENTION.sub("", text).strip(" ，,；;")  # a list item's own "；" would double when items join


def _ungreeted(text: str) -> str:
    """A notice or a task without the greeting it opens with ("各位家长晚上好，提醒一下：…" → "提醒一下：…")
    nor the farewell it closes on ("有咩問題打我電話 6234 5678，早唞" → "有咩問題打我電話 6234 5678")."""
    rest = cue("summary", "greeting_head").sub("", text)
    rest = rest if len(rest) >= 6 else text
    parts = re.split(r"(?<=[，,])", rest)
    while len(parts) > 1 and (greeting_only(_fold(parts[-1])) or cue("summary", "sign_off").match(_fold(parts[-1]).strip())):
        parts.pop()
    return "".join(parts).rstrip("，, ")


def _is_question_msg(m: Message, session: SessionType, speakers: list[str], host: str | None) -> bool:
    f = _fold(m.text)
    if session == "主讲分享" and (m.speaker in speakers or m.speaker == host):
        return False  # the speaker's rhetorical questions and the host's prompts are part of the talk
    if has(f, "question", "group_prompts") and not has(f, "question", "check_own") or has(f, "discussion"):
        return False
    # a line under four characters asks only by an interrogative of its own ("幾點到", "去哪里"; not "咩？", "真的吗")
    if len(_clean(m.text)) < 4 and not (len(_clean(m.text)) == 3 and has(f, "question", "interrogatives")):
        return False
    return any(is_question(s) for s in split_sentences(_clean(m.text)) or [m.text])


def _pick_open(candidates: list[_Open], reply: Message) -> _Open | None:
    if not candidates:
        return None
    # by shared words only: a bare "不用" or a figure fits any yes/no or "how much" question, and then
    # the one just asked is meant
    scored = [(relevant(q.text, reply.text, by_kind=False), -q.index if has(_fold(reply.text), "reply", "back_reference") else 0, q)
              for q in candidates]
    relevant_ones = [s for s in scored if s[0]]
    if not relevant_ones:  # nothing in common: the question just asked that nobody has answered yet (an @-reply
        # to an asker who put a side question since, answered by a member, still answers the first one)
        waiting = [q for q in candidates if not q.answer]
        return max(waiting or candidates, key=lambda q: q.index)
    # answers come in the order the questions were asked unless the reply names an earlier one; a
    # question someone else has already answered waits behind one nobody has
    return min(relevant_ones, key=lambda s: (s[1], bool(s[2].answer), s[2].index))[2]


def _continues(prev: _Open | None, m: Message, before: Message | None, people: People,
               tasks: frozenset[int] = frozenset()) -> bool:
    """The answerer's very next message goes on with the answer (unless it turns to someone else, to a
    new matter, a notice, or hands out work or settles something: those are to-dos and decisions; nor when it
    quotes someone else: a quote-reply answers the quoted one)."""
    return (prev is not None and m.id not in tasks and bool(prev.answer) and prev.answer[-1] is before and before.speaker == m.speaker
            and not people.mentions(m.text) and not is_question(m.text) and "大家" not in m.text
            and (not m.reply_to or (people.resolve(m.reply_to) or m.reply_to) == prev.msg.speaker)
            and not (_list_heading(m.text) and not relevant(prev.text, _list_heading(m.text), by_kind=False))
            and not has(_fold(m.text), "reply", "topic_shift") and not notice_word(m.text)
            and not _starts_apart(prev, m))


def _starts_apart(q: _Open, m: Message) -> bool:
    """``m``, the answerer's next line, starts a matter of its own after an answer that already gave what ``q`` asked
    in a whole statement (on its words, in its form, its yes or no or a side of its A不A; longer than
    ``reply.short_answer_chars``: after a bare "周日之前" or "西门" the next line may still tell it): it shares no word
    with the question nor with the answer so far, is a whole statement (cue ``reply.apart_chars``) and opens on no
    connective or word pointing back (cue ``reply.goes_on``): "体检要空腹吗" — "要空腹，抽完血再吃早饭" — "上个月的志愿者
    证书已经到了，在我办公室"."""
    f = _fold(MENTION.sub("", m.text)).strip()
    if len(re.sub(r"\W", "", f)) < int(raw("reply", "apart_chars")) or has(f, "reply", "goes_on"):
        return False
    said = " ".join(x.text for x in q.answer)
    if relevant(q.text, m.text, by_kind=False, days=False) or relevant(said, m.text, by_kind=False, days=False):
        return False
    first = q.answer[0].text
    if len(re.sub(r"\W", "", _fold(MENTION.sub("", said)))) <= int(raw("reply", "short_answer_chars")):
        return False
    return relevant(q.text, first) or _in_form(q.text, first) or _opens_yes_no(q.text, first) or _says_which(q.text, first)


def _heard(recent: list[_Open], m: Message, i: int, near: int, host: str | None) -> list[_Open] | None:
    """The open questions an unaddressed ``m`` may answer, or None: a notice to the group answers no question but
    one asking its time, place or cost; a list under its own heading only one on the heading's matter ("SDR买哪个
    型号" — "器材清单：1. 铝板两张 2. …" is a new topic, the answer comes after)."""
    if notice(m.text, m.time) and not any(_notice_answers(q, m, i, near, host) for q in recent):
        return None
    heading = _list_heading(m.text)
    if heading:
        return [q for q in recent if relevant(q.text, heading, by_kind=False)] or None
    return recent


def _list_heading(text: str) -> str:
    """The heading of a list posted as one message ("器材清单：1. 铝板两张 2. 同轴线10米" → "器材清单："), or ""."""
    parts = items(text)
    return parts[0] if len(parts) >= 3 and parts[0].rstrip().endswith(("：", ":")) else ""


def _holds_questions(m: Message, session: SessionType, speakers: list[str], host: str | None = None) -> list[str]:
    """The talk's speakers a line puts the questions off for, to a round at the end: a speaker's own
    "问题我最后统一回答，大家先记下" holds them for that speaker; the host's "大家有问题先攒着，X讲完统一回答"
    holds them for every speaker. Until that round, a holding speaker's lines are the talk going on, not answers,
    and a holding line is no answer either."""
    if session != "主讲分享" or not (m.speaker in speakers or host is not None and m.speaker == host) \
            or not has(_fold(m.text), "reply", "holds_questions"):
        return []  # (who speaks is checked first: the cue is read only on the speakers' and the host's lines)
    return [m.speaker] if m.speaker in speakers else list(speakers)


# (compiled once: the to-do, Q&A and notice readers split and strip each sentence of a chat with them)
_AFTER_BANG = re.compile(r"(?<=[！!])")
_AFTER_STOP = re.compile(r"(?<=[。！!；;？?])")
_NON_WORD = re.compile(r"\W")
_TRAILING_MARKS = re.compile(r"[\W_]+$")
_COLON = re.compile(r"[：:]")
_CHANGE_CLAUSES = re.compile(r"[。；;！!\n]")
_COMMA = re.compile(r"[，,]")
_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.．、)）]\s*")
_ROUND_CLAUSES = re.compile(r"[；;。\n]")
_ROUND_HEAD = re.compile(r"(?<!\d)[：:]|[：:](?!\d)")  # (not the colon of a time, 20:30)


def _round_answers(m: Message, opened: list[_Open], people: People, held: bool) -> list[tuple[_Open, Message]]:
    """The clauses of one message that answer several open questions at once, each with the question it takes
    up ("统一回答几个问题：A问的卡片，…；B问的谱号，…；家长插嘴的，…"): a clause names its asker or shares the
    question's words. A message is such a round when it says so (reply.answers_round), names an asker by how
    they asked ("A问的"), or, from a speaker holding the questions, takes up two of them."""
    # (also one a member's own story took only by coming next: "棋子要自己带吗" — "我家那副棋子还是我爷爷留下的")
    # (the cheap checks first: most questions of a long chat are closed, and the story check reads the answer)
    # (and only a question answered once, not by an @-reply, is read for a story: most of a long chat's questions
    # have several answer lines by now, and each was a call on every later message)
    waiting = [q for q in opened if not q.closed and q.msg.speaker != m.speaker
               and (not q.answer or not q.direct and len(q.answer) == 1 and _story_only(q, m.speaker))]
    # (a question a bystander's line took only by coming next, "存档能不能跨平台同步" — "截图在上面", is still the
    # round's to answer when an item names its words)
    guessed = [q for q in opened if not q.closed and q.answer and q.loose and not q.direct
               and q.msg.speaker != m.speaker and all(x.speaker != m.speaker for x in q.answer)]
    if not waiting and not guessed:
        return []
    f = _fold(m.text)
    said_so, named_ask = has(f, "reply", "answers_round"), False
    out: list[tuple[_Open, Message]] = []
    for clause in _ROUND_CLAUSES.split(_clean(m.text)):
        parts = _ROUND_HEAD.split(clause, maxsplit=1)
        # (a head naming the question by its subject: "关于萨满的问题：…", "我看到两个问题，先说纸：…")
        # (after the item's number, if any: "2. 纸的问题：…")
        about = cue("reply", "asked_about").match(_ITEM_NUMBER.sub("", _COMMA.split(_fold(parts[0]))[-1].strip())) \
            if len(parts) == 2 else None
        subject = (about.group("a") or about.group("b")) if about else ""
        # (an item's own short head names its asker or the question's words: "3. 老王的申论：…", "5. 行测顺序：…")
        numbered = _ITEM_NUMBER.match(parts[0]) if len(parts) == 2 else None
        head = parts[0][numbered.end():].strip() if numbered else ""
        head = head if 2 <= len(head) <= int(raw("reply", "item_head_chars")) \
            and not has(_fold(head), "reply", "answers_round") else ""
        if len(parts) == 2 and not has(_fold(parts[0]), "reply", "asked_by"):
            clause = parts[1]  # (the round's own head, "统一回答几个问题：")
        clause = clause.strip(" ，,")
        if len(_NON_WORD.sub("", clause)) < 4 or len(parts) == 1 and has(_fold(clause), "reply", "answers_round"):
            continue  # (nor is the round's own opening an answer: "小雯汇总了三个问题，我按顺序回答")
        free = [q for q in waiting if all(q is not p for p, _ in out)]
        names = {who for _, _, who in people.named_in(clause + " " + head) if who != m.speaker}
        by_name = [q for q in free if q.msg.speaker in names]
        if head and not by_name and any(q.msg.speaker in names for q in opened):
            continue  # (an item headed by an asker whose question is answered already answers no one else's)
        by_head = [q for q in (by_name or free) if head and relevant(q.text, head, by_kind=False)]
        by_subject = [q for q in free if subject and subject in _fold(q.text)] or _nth_asked(clause, m, opened)
        on_it = [q for q in (by_name or free) if relevant(q.text, clause, by_kind=False)]
        retaken = [q for q in guessed if all(q is not p for p, _ in out) and relevant(q.text, head, by_kind=False)] \
            if head and not by_head and not by_name else []
        if head and not (by_subject or by_name or by_head or retaken) and any(relevant(q.text, head, by_kind=False) for q in opened):
            continue  # (its head names a question answered already: it is that one's, no one else's)
        # (a question its head names that only a bystander's next line had taken, "3. 跨平台存档：正式版才有，测试期不做",
        # is that question's, not the 测试资格 one its words share: the head names its question before the words do)
        chosen = (by_subject or by_head or retaken or on_it or by_name or [None])[0]
        if chosen is not None:
            named_ask = named_ask or bool(by_subject) or bool(by_name) and has(_fold(clause), "reply", "asked_by")
            out.append((chosen, Message(id=m.id, time=m.time, speaker=m.speaker, text=clause,
                                        speaker_id=m.speaker_id, kind=m.kind, line=m.line, reply_to=m.reply_to)))
    return out if out and (said_so or named_ask or held and len(out) >= 2) else []


def _nth_asked(clause: str, m: Message, opened: list[_Open]) -> list[_Open]:
    """The question a round clause names by its place ("第二个问题，…"): the Nth, in the order asked, of the questions
    others asked from the first one still waiting or taken by an earlier such clause of ``m``'s speaker; [] when the
    clause names none or that one is answered already."""
    found = cue("reply", "asked_nth").match(_fold(clause))
    if not found:
        return []
    n = int(found.group("n")) if found.group("n").isdigit() else cn_to_int(found.group("n")) or 0
    theirs = [q for q in opened if q.msg.speaker != m.speaker and not q.closed]
    starts = [q.index for q in theirs if not q.answer or _story_only(q, m.speaker) or q.answer[0].speaker == m.speaker
              and cue("reply", "asked_nth").match(_fold(q.answer[0].text))]
    block = [q for q in theirs if starts and q.index >= min(starts)]
    return [block[n - 1]] if 0 < n <= len(block) and (not block[n - 1].answer or _story_only(block[n - 1], m.speaker)) \
        else []


def _open_question(m: Message, i: int, targets: list[str], opened: list[_Open], people: People, held: bool) -> None:
    """``m`` asks: a follow-up of its asker's own open question joins it, else it opens a question, put to the
    people it @s or calls by name first."""
    mine = [q for q in opened if q.msg.speaker == m.speaker and i - q.index <= 12 and not q.answer]
    if mine and has(_fold(m.text), "question", "follow_up"):
        mine[-1].text += " " + _clean(m.text)
        mine[-1].more.append(m.id)
        return
    to = set(targets) | {s for _, _, s in people.named_in(people.lead_at.sub("", m.text)[:8]) if s != m.speaker}
    parts = _asked_parts(_clean(m.text))
    first = _Open(m, i, parts[0], to, held=held)
    opened.append(first)
    # one line asking two things, each its own question: each takes its own answer, whoever gives it
    # (:func:`_rejoin_parts` puts an unanswered one back with its answered sibling)
    opened += [_Open(m, i, part, to, held=held, first=first) for part in parts[1:]]


_ASKED_END = re.compile(r"(?<=[？?])")


def _asked_parts(text: str) -> list[str]:
    """The questions of one line that asks several, each ended by its own question mark and each a question on its
    own (``reply.split_question_chars`` word characters at least: a bare "现金呢？" leans on the one before); the
    whole line, as one part, otherwise."""
    parts = [x.strip() for x in _ASKED_END.split(text) if x.strip()]
    least = int(raw("reply", "split_question_chars"))
    if len(parts) < 2 or not all("?" in _fold(x) and len(re.sub(r"\W", "", x)) >= least and is_question(x)
                                 for x in parts):
        return [text]
    return parts


def _rejoin_parts(opened: list[_Open]) -> list[_Open]:
    """The questions of ``opened`` with a line's split questions (:func:`_asked_parts`) joined back where one of them
    found no answer of its own: it goes back into its answered sibling (one answer given to both, or one
    left open), in the order asked; siblings each answered stay apart."""
    groups: dict[int, list[_Open]] = {}
    for q in opened:
        groups.setdefault(id(q.first or q), []).append(q)
    out: list[_Open] = []
    for q in opened:
        group = groups[id(q.first or q)]
        if len(group) == 1 or all(x.answer for x in group):
            out.append(q)
            continue
        if q is not next((x for x in group if x.answer), None):
            continue
        q.text = " ".join(x.text for x in group if x is q or not x.answer)
        out.append(q)
    return out


def _held_turn(m: Message, addressed: bool, opened: list[_Open], people: People, held: set[str],
               session: SessionType, speakers: list[str], host: str | None = None) -> Literal["round", "held", ""]:
    """How ``m``, addressed to no one (an @ or a quote answers as ever), is spent on questions held for a round:
    "round", the round itself (one message answering several askers, each clause its own question's answer; it ends
    the hold); "held", a speaker's holding line (it starts one) or the talk going on while its speaker holds them
    (it answers nothing); "" when it is none of these."""
    if addressed:
        return ""
    round_ = _round_answers(m, opened, people, m.speaker in held)
    if round_:
        for q, part in round_:
            q.answer, q.direct, q.loose = [part], True, False
        if has(_fold(m.text), "reply", "answers_round") or not any(q.held and not q.answer for q in opened):
            held.discard(m.speaker)
            for q in opened:
                q.held = q.held and bool(held)
        return "round"
    holders = _holds_questions(m, session, speakers, host)
    if holders:
        held.update(holders)
        return "held"
    return "held" if m.speaker in held else ""


def _answers_another(prev: _Open | None, m: Message, opened: list[_Open], i: int, window: int) -> bool:
    """The answerer's next line takes up another open question by its words ("菠菜还是生菜？" "自来水能直接
    浇吗" — "生菜更耐寒" — "自来水要放一天再浇"): it answers that one, not the first one's answer going on."""
    if prev is None or relevant(prev.text, m.text, by_kind=False):
        return False
    return any(q is not prev and (not q.answer or q.loose) and q.msg.speaker != m.speaker and i - q.index <= window
               and relevant(q.text, m.text, by_kind=False) for q in opened)


def _proposes(text: str) -> bool:
    """A question its asker goes on to answer with a proposal ("会员要不要打折？会员85折，非会员原价"):
    the next line answers it only if it is about it."""
    parts = [x for x in re.split(r"(?<=[？?])", text.strip()) if x.strip()]
    return len(parts) > 1 and "?" in _fold(parts[0]) and not asks(parts[-1]) and len(re.sub(r"\W", "", parts[-1])) >= 4 \
        and not has(_fold(parts[-1]), "reply", "asked_background")


def _unaddressed(recent: list[_Open], m: Message, i: int, session: SessionType, speakers: list[str],
                 near: int, in_form: Callable[[str, str], bool], host: str | None = None) -> tuple[_Open | None, bool]:
    """The open question a reply without @ answers (and whether it was put to the replier): one put to
    them by name; else a recent one it is relevant to (in a talk, any the speaker takes up), or the one
    asked just before it; else the replier's own question they settle themselves. A question answered
    only by what came next still takes a later relevant reply instead."""
    # (a later line of theirs that neither shares its words nor gives what it asks does not take over an answer
    # someone else gave: "@小马 牛肉还剩几箱" — 阿杰: "三箱" — 小马, much later: "西瓜放不了几天的")
    put_to_me = [q for q in recent if m.speaker in q.to and not q.direct
                 and (not q.answer or q.loose or relevant(q.text, m.text) or in_form(q.text, m.text))]
    if put_to_me:
        mine = _pick_open(put_to_me, m)
        # the one asked, speaking on another open question's matter, answers that one ("路书谁来做 阿飞你…"
        # … "头盔对讲机要不要统一买" — 阿飞: "我有个朋友卖对讲机…")
        if mine is not None and not relevant(mine.text, m.text, by_kind=False):
            other = [q for q in recent if q.index > mine.index and i - q.index <= near and not q.answer
                     and q.msg.speaker != m.speaker and relevant(q.text, m.text, by_kind=False)]
            if other:
                return other[-1], False
        return mine, True
    close = [q for q in recent if i - q.index <= near and not q.answer and q.msg.speaker != m.speaker]
    echoed = [q for q in close if _echoes(q.text, m.text)]
    if echoed:  # it repeats what the question asked: it answers that one (still kept only on the subject)
        echoed[-1].loose = False
        return echoed[-1], False
    # a reply in a question's form answers it before any question it only follows, also one answered so far only
    # by coming next (a question put to someone else comes after one put to nobody)
    # (unless it shares words with one of them: then it is on that one, as below)
    waiting = [q for q in recent if i - q.index <= near and _awaits(q, m)]
    formed = [q for q in waiting if in_form(q.text, m.text)]
    if formed and not any(relevant(q.text, m.text, by_kind=False) for q in waiting):
        return _answered_now(([q for q in formed if not q.to or m.speaker in q.to] or formed)[-1])
    # a reply sharing words with one waiting question (also one answered so far only by a line that came next)
    # answers that one, not an unanswered question it fits only by kind (a time asked, some figure given): two
    # questions in a row are answered by what each is about, in whatever order the answers come
    # (only among one asker's questions in a row: another asker's question it only fits by kind is still the one)
    on_words = [q for q in waiting if relevant(q.text, m.text, by_kind=False)]
    # (but of two questions asked in one line, a reply giving what one asks in its form answers that one, not its
    # sibling it shares a word with: "费用多少？小孩要带什么？" — "大人120元小孩80元")
    siblings = [q for q in formed if q not in on_words and any(o.msg is q.msg for o in on_words)]
    if siblings and not any(in_form(o.text, m.text) for o in on_words):
        return _answered_now(siblings[0])
    if on_words and close and all(q.msg.speaker == on_words[-1].msg.speaker for q in close) \
            and not any(relevant(q.text, m.text, by_kind=False) for q in close):
        return _answered_now(on_words[-1])
    # a reply opening with the very yes or no word the question asks by ("會唔會有中三嘅班" — "有嘅，逢星期二四…")
    # answers that one, also when it is not the question just asked
    # (not on a question asked on a side remark: a yes to it is side chat too)
    yes_no = [q for q in close if not q.after_side and _says_own_yes_no(q.text, m.text)]
    if len(yes_no) == 1 and not any(relevant(q.text, m.text, by_kind=False) for q in close):
        return _answered_now(yes_no[0])
    if close:
        q = close[-1] if len(close) == 1 else _pick_open(formed or close, m)
        sure = q is not None and (relevant(q.text, m.text, days=False) or (session == "主讲分享" and m.speaker in speakers)
                                  or q.index == i - 1 and not q.after_side
                                  and (_opens_yes_no(q.text, m.text) or _says_which(q.text, m.text) and not _asks_of_them(q.text)))
        if q is not None and (sure or q.index == i - 1 and not _proposes(q.msg.text)):
            q.loose = not sure
            return q, False
    # (also an answer beside the point, taken as sure by a word it shares in passing or a bare "是的" to the side
    # chat: a line on the question's own words or in its form replaces it)
    guessed = [q for q in recent if i - q.index <= near and not q.direct and q.msg.speaker != m.speaker
               and (q.loose and (relevant(q.text, m.text, days=False) or in_form(q.text, m.text))
                    or (_beside_the_point(q, host) or _told_own_story(q, m, host))
                    and (relevant(q.text, m.text, by_kind=False, days=False) or in_form(q.text, m.text)))]
    if guessed:
        guessed[-1].answer, guessed[-1].loose = [], False
        return guessed[-1], False
    # a question nobody has answered is still open after other talk: a reply in its form answers it further on
    # (not a line told to everyone: "还有 样品…大家月底前寄出来" is a notice of its own)
    reach, minutes = int(raw("reply", "reach")), float(raw("reply", "reach_minutes"))
    told = _told_all(m)
    far = [] if told else [q for q in recent if near < i - q.index <= reach and _minutes(q.msg, m) <= minutes
           and _awaits(q, m) and in_form(q.text, m.text)]
    if far:
        return _answered_now(far[-1])
    if close:
        return None, False
    own = [q for q in recent if q.msg.speaker == m.speaker and not q.answer and i - q.index <= near * 2
           and has(_fold(m.text), "reply", "self_answer") and relevant(q.text, m.text)]
    return (own[-1] if own else None), False


@lru_cache(maxsize=65536)
def _own_remark(text: str) -> bool:
    """A member's own story ("我家上次捏的放了三天就裂了", "上周那盘我差点超时哈哈"; cue ``reply.own_remark``). Cached:
    each later line asks it again of every question's only answer (:func:`_story_only`; 57,000 asks on a
    2,000-message export, each one stripping the @s and folding again)."""
    return has(_fold(MENTION.sub("", text)).strip(), "reply", "own_remark")


def _story_only(q: _Open, speaker: str) -> bool:
    """``q``'s only answer is someone else's own story (:func:`_own_remark`), not ``speaker``'s, not an @-reply."""
    return not q.direct and len(q.answer) == 1 and q.answer[0].speaker != speaker and _own_remark(q.answer[0].text)


def _told_own_story(q: _Open, m: Message, host: str | None) -> bool:
    """``q``'s only answer so far is a member's own story told right after it ("面团放几天会干" — "我家上次捏的放了
    三天就裂了"), and ``m``, someone else's line that is no story of their own, comes after it: a line of ``m``'s on the
    question's words or in its form answers ``q`` instead (:func:`_unaddressed`). The one running the chat telling
    their own is taken at their word."""
    if q.direct or len(q.answer) != 1 or q.answer[0].speaker in (host, m.speaker) or _own_remark(m.text):
        return False
    return _own_remark(q.answer[0].text) or _guess_only(q, m)


def _guess_only(q: _Open, m: Message) -> bool:
    """``q``'s only answer is a bystander's guess (cue ``reply.guess``: "估计还是去年的白色吧", "应该不用带吧"), and
    ``m``, from neither the asker nor the one who guessed, guesses nothing itself: a line of ``m``'s on the question's
    words or in its form is the answer of someone who knows (:func:`_told_own_story`)."""
    def guesses(text: str) -> bool:
        return has(_fold(MENTION.sub("", text)).strip(), "reply", "guess")
    return m.speaker != q.msg.speaker and guesses(q.answer[0].text) and not guesses(m.text)


def passed_over_guesses(messages: list[Message], qa: list[QAPair]) -> set[int]:
    """Ids of the bystanders' guesses a Q&A pair passed over (cue ``reply.guess``: "好像是在水库边的农家乐吃午饭"
    before the treasurer's "午饭定在坝下的渔家饭庄"): said between its question and its answer by neither the asker
    nor the answerer, on the question's words or in its form, and no line of the pair. The sure answer replaced
    them, so they are no key point nor part of the summary either."""
    out: set[int] = set()
    for p in qa:
        if len(p.sources) < 2:
            continue
        asked, answered = p.sources[0], max(p.sources)
        for m in messages:
            if asked < m.id < answered and m.id not in p.sources and m.speaker not in (p.asker, p.answerer) \
                    and has(_fold(MENTION.sub("", m.text)).strip(), "reply", "guess") \
                    and (relevant(p.question, m.text, by_kind=False) or _in_form(p.question, m.text)):
                out.add(m.id)
    return out


def _told_all(m: Message) -> bool:
    """A line told to everyone (大家, a notice word): a notice of its own, no answer."""
    return "大家" in m.text or bool(notice_word(m.text))


def _awaits(q: _Open, m: Message) -> bool:
    """Whether ``q`` is still open for ``m`` to answer: not answered (or answered only by a guess), put to nobody in
    particular, and asked by someone else."""
    return (not q.answer or _guessed(q)) and not q.direct and q.msg.speaker != m.speaker


def _answered_now(q: _Open) -> tuple[_Open, bool]:
    """``q`` answered by the message in hand: a guessed answer so far is dropped, a sure one is kept."""
    q.answer, q.loose = ([] if q.loose else q.answer), False
    return q, False


def _answers_again(opened: list[_Open], m: Message, addressed: bool, in_form: Callable[[str, str], bool],
                   tasks: frozenset[int], host: str | None = None) -> _Open | None:
    """The question ``m`` answers a second time: the one its speaker answered within reply.reach messages by a line
    on the matter that did not give what was asked ("灯笼订几个" — "我明天去批发市场看看" … "灯笼订了三十个"), when ``m``
    shares its words. Not a question, chatter, notice, task, proposal, @-line or line to 大家; and not when a newer
    open question (someone else's) fits ``m``: that one it answers."""
    if addressed or m.id in tasks:
        return None
    # (the questions ``m``'s speaker answered last within reach, found first: on most lines of a long export there is
    # none, and then the line is not read for a notice, a question, chatter or a proposal at all)
    reach = int(raw("reply", "reach"))
    theirs = [q for q in opened if q.answer and q.answer[-1].speaker == m.speaker and q.msg.speaker != m.speaker
              and not q.direct and 0 < m.id - q.answer[-1].id <= reach and not _later_day(q.answer[-1], m)]
    f = _fold(m.text) if theirs else ""
    if not theirs or _told_all(m) or is_question(m.text) or is_chatter(m.text) or has(f, "decision", "proposal"):
        return None
    # (an answer that opened with the yes or no asked, or a side of its A不A, gave what was asked: "营地能接外电吗" —
    # "能接，每个营位都有16A插座" is not answered again by the same speaker's "营地东边有排污站")
    again = [q for q in theirs if relevant(q.text, m.text, by_kind=False, days=False) and not in_form(q.text, q.answer[0].text)
             and not _opens_yes_no(q.text, q.answer[0].text) and not _says_which(q.text, q.answer[0].text)]
    # (a newer question someone else asked, still waiting or answered only by a line that came next, takes ``m`` when
    # ``m`` fits it or follows it at once: "照片要打印吗" — an ad — "照片打印一张贴在资料卡上")
    # (the cheap tests first: only the few questions asked since ``q``'s answer are read for their answers)
    again = [q for q in again if not any(
        o.msg.id > q.answer[-1].id and o.msg.speaker != m.speaker and not o.direct
        and (not o.answer or _guessed(o) or _beside_the_point(o, host))
        and (relevant(o.text, m.text, days=False) or in_form(o.text, m.text) or m.id - o.msg.id == 1) for o in opened)]
    return again[-1] if again else None


def _holds_recent(m: Message, f: str, i: int, opened: list[_Open], near: int) -> bool:
    """``m`` is a short line holding the questions just asked for later ("这个已记录，稍后X一并回复", "都记着呢，等下
    一起回答"), whoever says it: it answers nothing, and those questions wait for a round or an @-reply."""
    if not (has(f, "reply", "holds_questions") and _defers(m.text)):
        return False
    for q in opened:
        if not q.answer and not q.closed and i - q.index <= near:
            q.held = True
    return True


def _other_matter(m: Message, f: str, targets: list[str], opened: list[_Open], i: int, near: int) -> bool:
    """``m``, said to no one, opens another matter ("还有个事：考级要带身份证复印件", "另外提醒：…") and is on none of
    the questions just asked (not their words, not their form): it answers none of them, even from the one asked."""
    if targets or not has(f, "announcement", "new_matter"):
        return False
    return not any(relevant(q.text, m.text) or _in_form(q.text, m.text)
                   for q in opened if not q.closed and i - q.index <= near)


def _asked_too(m: Message, opened: list[_Open], i: int, near: int) -> bool:
    """A second member asking what an open question just asked ("我都想問車費" after "車費幾錢呀"; cue
    ``reply.asked_too``): an echo, answering nothing and asking nothing new, so the answer that follows goes to the
    first asker. Only when it shares that question's words; otherwise it is read as any other line."""
    if not cue("reply", "asked_too").match(_fold(MENTION.sub("", m.text)).strip()):
        return False
    return any(q.msg.speaker != m.speaker and not q.closed and i - q.index <= near and (not q.answer or q.loose)
               and relevant(q.text, m.text, by_kind=False) for q in opened)


def _own_order(m: Message, f: str, opened: list[_Open], i: int, near: int, host: str | None,
               talk: list[str]) -> bool:
    """``m``, said to no one by a member who does not run the chat, places their own order or signs up
    ("我要三箱", "我也要一箱，放门卫", "我要报两个人"; cue ``personal.own_order``): no answer to the questions just
    asked, unless one of them calls for takers ("有人一起点奶茶吗", "还有谁要"; cue ``personal.order_call``) or was put
    by the one running the chat."""
    if m.speaker == host or m.speaker in talk or not has(f, "personal", "own_order"):
        return False
    close = [q for q in opened if not q.closed and i - q.index <= near and q.msg.speaker != m.speaker]
    return not any(q.msg.speaker == host or has(_fold(q.text), "personal", "order_call") for q in close)


def _own_dated_work(m: Message, f: str, opened: list[_Open], i: int, near: int, host: str | None) -> bool:
    """``m``, said to no one by a member who does not run the chat, is their own dated work put by 把 ("我这周五前把
    桌布洗干净" after "摊位那天谁来看着？"; cue ``personal.own_dated_work`` and a day or time): their to-do, no answer to
    the questions just asked unless it is on one's words or gives what one asks (a time, a person doing it)."""
    if m.speaker == host or not _own_work(m.text):
        return False
    return not any(relevant(q.text, m.text) or _in_form(q.text, m.text)
                   for q in opened if not q.closed and i - q.index <= near)


def _own_work(text: str) -> bool:
    """``text`` is the speaker's own work put by 把 with a day or time ("我明天把新谱子打印好带过去"; cue
    ``personal.own_dated_work``)."""
    return has(_fold(text), "personal", "own_dated_work") and bool(time_expressions(text, None))


def _return_answer(q: _Open, m: Message, opened: list[_Open], i: int, near: int, last: _Open | None) -> None:
    """``m`` goes on with ``q``'s answer and is the first of its lines on ``q``'s own words, while the lines before it
    only fit ``q`` by form ("圣诞蛋糕有没有无糖款" "可以送到小区门口吗" — "有的，用代糖做的" — "送货可以，满两个就送到
    小区门口"): those lines answered an earlier open question of another asker whose form they fit (a yes to a
    yes/no question), and go back to it; ``q`` keeps ``m`` on."""
    if q is not last or q.direct or not relevant(q.text, m.text, by_kind=False) \
            or any(relevant(q.text, x.text, by_kind=False) for x in q.answer):
        return
    first = q.answer[0]
    back = [o for o in opened if o is not q and o.index < q.index and i - o.index <= near and not o.answer
            and not o.closed and not o.held and o.msg.speaker != m.speaker
            and (_opens_yes_no(o.text, first.text) or relevant(o.text, first.text, by_kind=False))]
    if back:
        back[-1].answer, back[-1].loose = q.answer, False
        q.answer = []


def _return_replaced(answer: list[Message], q: _Open, opened: list[_Open], i: int, window: int) -> None:
    """An unaddressed ``answer`` that a later @-reply to ``q``'s asker replaced goes back to an earlier open question of
    another asker that it fits: on its words, a yes to its yes/no, what its ask word asks for ("有冇救生衣借"
    "费用可唔可以分期" — 教练: "有的，俱乐部有二十件" — "@阿坤 费用…"). (Given by the one running the chat to the only
    question still waiting, it also went back when it fitted nothing: that put an HR lead's line under a 奶茶 call.)"""
    first = answer[0]
    if first.speaker in (q.msg.speaker,) or is_question(first.text):
        return
    waiting = [o for o in opened if o is not q and o.index < q.index and i - o.index <= window and not o.answer
               and not o.closed and not o.held and o.msg.speaker not in (q.msg.speaker, first.speaker)
               and o.msg.id < first.id]
    fits = [o for o in waiting if relevant(o.text, first.text, by_kind=False) or _opens_yes_no(o.text, first.text)
            or _in_form(o.text, first.text)]
    if fits:
        fits[-1].answer, fits[-1].loose = answer, False


def find_qa(messages: list[Message], session: SessionType, speakers: list[str], host: str | None,
            decisions: list[Decision] | None = None, topic: frozenset[str] | None = None,
            tasks: frozenset[int] = frozenset(), restated: dict[int, Restated] | None = None) -> list[QAPair]:
    """Questions and the replies that answer them (``restated``: :func:`restated_figures` of ``messages``, read
    here when not given).

    An @-reply (or a reply by the person a question was put to) answers that asker's open question —
    the most relevant one, else the earliest — however many messages later; an unaddressed reply
    answers a recent question when it is relevant (or in a talk, when the main speaker gives it).
    A later @-reply replaces an unaddressed one. In a discussion, a later decision on the same
    subject is the end of the answer.
    """
    people = People.of(messages)
    in_form = _form_reader(people)
    window, near = int(raw("reply", "window")), int(raw("reply", "near"))
    opened: list[_Open] = []
    last_answered: _Open | None = None
    held: set[str] = set()  # speakers holding the questions for a round at the end
    # (a decision line neither goes on with an answer given nor answers a second time: :func:`_continues`,
    # :func:`_answers_again`; a recap "总结一下：…望江楼…" after "纪念品是学校定制的吗" — "对 …校徽杯子" is no answer)
    settles = tasks | {d.sources[-1] for d in decisions or []}
    # (one line answering two askers by @, each in its own sentence, is read as two answers: :func:`_addressed_parts`)
    for i, m in _replies(messages, people, opened, near):
        f = _fold(m.text)
        targets = people.mentions(m.text) + ([people.resolve(m.reply_to) or m.reply_to] if m.reply_to else []) \
            + _named_reply(m.text, people)
        turn = _held_turn(m, bool(targets), opened, people, held, session, speakers, host) \
            or ("held" if _holds_recent(m, f, i, opened, near) else "")
        # ("捐的书放哪里" — "在二楼": the next line of the one running the chat, however short, answers it)
        short = None if turn else _short_taken(opened, m, i, targets, tasks, host, session, speakers)
        # (a warning to the asker about something else is theirs to heed, not the answer: :func:`_aside`)
        # ("我也是，安卓机", "同问", "+1": a bystander echoing a question answers none — nor goes on with an answer)
        if turn or short or _aside(m, i, targets, opened, people, window) \
                or cue("reply", "me_too").match(_fold(MENTION.sub("", m.text)).strip()) or _asked_too(m, opened, i, near):
            last_answered = short or (None if turn == "round" else last_answered)
            continue  # (after a round, no later line goes on with an answer given before it)
        # it goes on with the answer just given, or it is its answerer's later, real answer to a question
        joined = last_answered if _continues(last_answered, m, messages[i - 1] if i else None, people, settles) \
            and not _answers_another(last_answered, m, opened, i, window) \
            else _answers_again(opened, m, bool(targets), in_form, settles, host)
        if joined is not None:
            _return_answer(joined, m, opened, i, near, last_answered)
            joined.answer.append(m)
            continue
        awaited = [q for q in opened if q.msg.speaker in targets and not q.direct and i - q.index <= window]
        # an @-reply to someone with an open question answers it, unless it asks about something else
        # ("@豆豆爸 你家豆豆寒假去滑雪了吗" after his question about the workbook opens a new one)
        # (nor when it asks by an interrogative of its own and gives nothing asked: "@小马 牛肉还剩几箱" after his
        # "淡水还剩多少" is a new question)
        if _is_question_msg(m, session, speakers, host) and not (
                awaited and "?" not in f and any(relevant(q.text, m.text) for q in awaited)
                and not (_asks_count(f) and not cue("reply", "amount_given").search(f))):
            _open_question(m, i, targets, opened, people, held=bool(held))
            _mark_after_side(opened, messages, i)
            continue
        if cue("reply", "acks").match(f):
            for q in opened:  # "路书谁来做 阿飞你…" — 阿飞: "没问题": taken on, so no later line of theirs answers it
                if m.speaker in q.to and not q.answer and i - q.index <= near:
                    q.closed = True
            continue
        if is_chatter(m.text) or courtesy(f, people) or _defers(m.text) or _other_matter(m, f, targets, opened, i, near) \
                or not targets and _own_order(m, f, opened, i, near, host, speakers if session == "主讲分享" else []) \
                or not targets and _own_dated_work(m, f, opened, i, near, host):
            continue  # (put off, "我问问", "回去再看": the question stays open for whoever knows)
        if not targets and introduces(m.text):
            continue  # a newcomer's "大家好我是小林…" answers no one's notice or question (an @-reply to "你是哪个学校的" may)
        # (a question held for the speaker's round is theirs: a bystander's line answers it only by @ or quote)
        recent = [q for q in opened if i - q.index <= window and _picks(q, m) and not q.closed
                  and not (q.held and not targets)]
        fixed = _corrects_answer(recent, m, i, near, in_form, targets)  # (its answer is replaced by ``m``)
        last_answered = fixed or last_answered
        heard = recent if targets else _heard(recent, m, i, near, host)
        if heard is None or fixed is not None:
            continue
        recent = heard
        chosen: _Open | None = None
        if targets:
            chosen = _pick_open([q for q in recent if q.msg.speaker in targets and not q.direct], m)
            direct = chosen is not None
        else:
            chosen, direct = _unaddressed(recent, m, i, session, speakers, near, in_form, host)
        if chosen is None:
            alt = _alternative(m, session, speakers, host)
            if alt:  # a choice put without a question form: open only if a reply picks a side
                opened.append(_Open(m, i, _clean(m.text), set(targets), alt=alt))
            continue
        if _answer_stands(chosen, m, direct, partial(_return_replaced, q=chosen, opened=opened, i=i, window=window)):
            continue
        chosen.answer.append(m)
        chosen.direct = chosen.direct or direct
        chosen.loose = chosen.loose and not direct
        last_answered = chosen
    topic = topic_words(messages) if topic is None else topic
    # a side remark answered by another side remark is chatter, not Q&A
    restated = restated_figures(messages) if restated is None else restated
    return [_pair(q, messages, session, decisions or [], people, restated) for q in _rejoin_parts(opened)
            if q.answer and _kept(q, speakers, host, topic, tasks) and not _disputed(q, messages, session)
            and not _settles_instead(q, decisions or [])]


def _replies(messages: list[Message], people: People, opened: list[_Open] | None = None,
             near: int = 0) -> Iterator[tuple[int, Message]]:
    """(index, line) of every message, a line answering several askers as its parts (:func:`_addressed_parts`, and
    with no @ :func:`_answered_parts` against the questions ``opened`` so far: read lazily, as the pass goes)."""
    for i, whole in enumerate(messages):
        parts = _addressed_parts(whole, people)
        if len(parts) == 1 and opened:
            parts = _answered_parts(whole, opened, i, near)
        for m in parts:
            yield i, m


def _answered_parts(m: Message, opened: list[_Open], i: int, near: int) -> list[Message]:
    """``m`` as the parts it answers different askers in when it has no @ and each of its sentences takes up, by its
    words, exactly one of the questions still unanswered from different askers just before it ("几点集合来着" "新人
    能进团不" — "8点50在主城集合。新人能进，装分过5000就行"): each part is read as its own reply to the asker it takes up,
    as a quote-reply would be, so the first question does not take the whole line and leave the other open. ``[m]`` for
    any other line."""
    t = m.text.strip()
    if "@" in t or "＠" in t:
        return [m]
    sentences = [x for x in _AFTER_STOP.split(t) if _NON_WORD.sub("", x)]
    if len(sentences) < 2:
        return [m]
    waiting = [q for q in opened if (not q.answer or q.loose) and not q.closed and 0 < i - q.index <= near
               and q.msg.speaker != m.speaker]
    if len({q.msg.speaker for q in waiting}) < 2:
        return [m]
    taken: list[_Open] = []
    for x in sentences:
        hits = [q for q in waiting if relevant(q.text, x, by_kind=False)]
        if len(hits) != 1:
            return [m]
        taken.append(hits[0])
    if len({q.msg.speaker for q in taken}) < 2:
        return [m]
    parts: list[tuple[_Open, str]] = []
    for q, x in zip(taken, sentences, strict=True):
        if parts and parts[-1][0] is q:
            parts[-1] = (q, parts[-1][1] + x)
        else:
            parts.append((q, x))
    return [replace(m, text=x.strip(), reply_to=q.msg.speaker) for q, x in parts]  # each to its asker, as a quote would


def _addressed_parts(m: Message, people: People) -> list[Message]:
    """``m`` as the parts it answers different people in, when each of its sentences opens with an @ to another member
    ("@梦梦 记下了。@大鹏 往年是12月上旬，具体我问老师"): each part is read as its own reply (same id, its own text), so
    one asker's part neither holds nor takes the other's. ``[m]`` for any other line."""
    t = m.text.strip()
    if t.count("@") + t.count("＠") < 2:
        return [m]
    starts = [x.start() for x in people.at.finditer(t)
              if x.start() == 0 or re.search(r"[。！!？?；;]\s*$", t[:x.start()])]
    if len(starts) < 2 or starts[0] != 0:
        return [m]
    parts = [t[a:b].strip() for a, b in zip(starts, [*starts[1:], len(t)], strict=True)]
    named = [people.mentions(p)[:1] for p in parts]
    if any(not n for n in named) or len({n[0] for n in named}) < len(parts) \
            or any(not re.sub(r"\W", "", MENTION.sub("", p)) for p in parts):
        return [m]
    return [replace(m, text=p) for p in parts]


@lru_cache(maxsize=1)
def _SHORT_YES_NO() -> frozenset[str]:  # noqa: N802 - a constant read once from cues.yaml
    return frozenset(_fold(str(w)) for w in raw("reply", "short_yes_no"))


def _mark_after_side(opened: list[_Open], messages: list[Message], i: int) -> None:
    """Mark the question just opened at ``i`` as asked on someone else's side remark right before it (the chatter
    model's verdict): a yes to it is side chat too (:func:`_opens_yes_no` is not read for it)."""
    m = messages[i]
    if opened and opened[-1].msg is m and i and messages[i - 1].speaker != m.speaker:
        side = is_side_chatter(messages[i - 1].text)
        for q in opened:
            if q.msg is m:
                q.after_side = side


@lru_cache(maxsize=1)
def _MODAL_YES_NO() -> frozenset[str]:  # noqa: N802 - a constant read once from cues.yaml
    return frozenset(_fold(str(w)) for w in raw("reply", "modal_yes_no"))


def _short_taken(opened: list[_Open], m: Message, i: int, targets: list[str], tasks: frozenset[int], host: str | None,
                 session: SessionType, speakers: list[str]) -> _Open | None:
    """The question :func:`_short_answer` finds ``m`` answering, given ``m`` as its sure answer — when ``m`` is a line
    of the one running the chat (or of a talk's speaker)."""
    runs = m.speaker == host or session == "主讲分享" and m.speaker in speakers
    q = _short_answer(opened, m, i, targets, tasks)
    if q is not None and not runs and not _bare_answer(q, m):
        return None
    if q is not None:
        q.answer, q.direct, q.loose = [m], True, False
    return q


def _short_answer(opened: list[_Open], m: Message, i: int, targets: list[str], tasks: frozenset[int]) -> _Open | None:
    """The question ``m`` — a line of the one running the chat or of a talk's speaker (the caller checks) — answers by coming
    right after it with a few words (``reply.short_answer_chars``: "在二楼", "带身份证", "3点", "统一"): someone else's
    unanswered question is the message just before, ``m`` is put to no one or to the asker, and it is no question,
    vote, task, sign-off, courtesy or putting-off of its own. A bare yes or no ("可以", "行", "够":
    ``reply.short_yes_no``) answers only a yes/no question ("能刷卡吗", "够不够"); anything else of ``reply.acks``
    ("收到", "+1") acknowledges; nor a line telling the asker something, putting it off or giving an opinion
    (``reply.short_not``, ``question.opinion``). Not a 谁 question (a short "我来" takes the work on), a request ("…能帮我送一下吗",
    "…行不": "行" accepts it), a question when work is due ("什么时候能定下来": its time dates that work) nor chatter."""
    q = opened[-1] if opened else None
    if q is not None and q.first is not None:
        return None  # a line asking two things: which one a few words answer is read by their words
    if q is None or q.index != i - 1 or q.answer or q.alt is not None or q.held or q.msg.speaker == m.speaker:
        return None
    if any(t != q.msg.speaker for t in targets) or m.id in tasks:
        return None
    f = _fold(MENTION.sub("", m.text)).strip()
    words = re.sub(r"\W", "", f)
    if not words or len(words) > int(raw("reply", "short_answer_chars")) or is_question(m.text):
        return None
    fq = _fold(q.text)
    if cue("reply", "asks_who").search(fq) or has(f, "decision", "sign_off") or has(f, "decision", "vote") \
            or courtesy(f, People.of([m])) or _defers(m.text) or has(f, "reply", "short_not") \
            or has(f, "question", "opinion") or is_chatter(q.msg.text) \
            or has(fq, "action", "request") or has(fq, "action", "request_tag") \
            or has(fq, "reply", "asks_time") and has(fq, "reply", "asks_due"):
        return None
    if cue("reply", "acks").match(f) or words in _SHORT_YES_NO():
        return q if _asks_yes_no(fq) and words in _SHORT_YES_NO() else None
    return q


def _bare_answer(q: _Open, m: Message) -> bool:
    """Whether a member's few words right after a question answer it the way a yes or a figure does: a bare yes or
    no (``reply.short_yes_no``: "有", "能", "会", "得") to a yes/no question ("下雨天學校有發雨衣嗎", "有人会修不"), or
    a figure and nothing else (``reply.bare_figure``: "三个", not "水还有两桶") to a count question. Anyone may give
    these; other few-word lines answer only from the one running the chat (:func:`_short_taken`)."""
    f = _fold(MENTION.sub("", m.text)).strip()
    words = re.sub(r"\W", "", f)
    fq = _fold(q.text)
    if words in _SHORT_YES_NO():
        return _asks_yes_no(fq)
    return _asks_count(fq) and bool(cue("reply", "bare_figure").match(words))


def _asks_yes_no(fq: str) -> bool:
    """Whether a folded question asks yes or no: a question particle at its end ("能刷卡吗", ``question.final``) or
    an A-not-A ("够不够", ``question.a_not_a``). :func:`relevant` reads ``question.final`` alone: its test is another."""
    return bool(cue("question", "final").search(fq) or cue("question", "tag_final").search(fq)
                or cue("question", "a_not_a").search(fq))


def _named_reply(text: str, people: People) -> list[str]:
    """The member a line names first as the one whose question it answers ("回答小芸：现在收容十四只", cue
    ``reply.answers_named``): the line is addressed to them as an @ would make it."""
    f = _fold(text).strip()
    lead = cue("reply", "answers_named").match(f)
    if lead is None:
        return [who for _, _, who in _asked_back(f, people)][:1]
    return [who for pos, _, who in people.named_in(f[lead.end():]) if pos == 0][:1]


def _asked_back(f: str, people: People) -> list[tuple[int, str, str]]:
    """(end of the name, alias, speaker) when the folded line ``f`` opens on a member's name and goes on to take up
    what they asked (cue reply.asked_back: "小雅 你刚才问补考的事：…"); empty otherwise."""
    named = [(len(alias), alias, who) for pos, alias, who in people.named_in(f) if pos == 0]
    return [x for x in named[:1] if cue("reply", "asked_back").match(f[x[0]:])]


def _named_as_at(m: Message, people: People) -> Message:
    """``m`` read as the @-reply it is when it opens by naming the member whose question it answers ("回刘二叔：补贴
    每亩105元" as "@刘二叔 补贴每亩105元", cue ``reply.answers_named``): an answer to that member, not work given to
    them — the to-dos read an @-reply that way already. Any other line as it is."""
    text = m.text.strip()
    f = _fold(text)
    lead = cue("reply", "answers_named").match(f)
    if len(f) != len(text):
        return m
    if lead is None:  # "小雅 你刚才问补考的事：…" reads as "@小雅 你刚才问补考的事：…"
        back = _asked_back(f, people)
        if not back:
            return m
        rest = text[back[0][0]:].lstrip(" \t:：，,")
        return replace(m, text=f"@{text[:back[0][0]]} {rest}")
    named = [alias for pos, alias, _ in people.named_in(f[lead.end():]) if pos == 0]
    if not named:
        return m
    end = lead.end() + len(named[0])
    rest = text[end:].lstrip(" \t:：，,")
    if not rest:
        return m
    return replace(m, text=f"@{text[lead.end():end]} {rest}")


def _settles_instead(q: _Open, decisions: list[Decision]) -> bool:
    """A question answered only by coming next, by a line that settles another matter ("琴要自己带吗" — "那发表会就
    还是在文化中心"): the decision is no answer, the question stays open."""
    return q.loose and not q.direct and any(q.answer[0].id in d.sources for d in decisions) \
        and not _picks_side(q.text, q.answer[0].text)  # ("放上午还是下午" — "上午，…": the decision is its answer)


def _aside(m: Message, i: int, targets: list[str], opened: list[_Open], people: People, window: int) -> bool:
    """Whether ``m`` (the ``i``-th line, put to ``targets`` by @ or quote) is a warning in passing to the asker of
    every question of theirs still waiting (:func:`_warning_aside`); a bare name opening it puts it to them too."""
    put_to = targets or [who for at, _, who in people.named_in(m.text) if at == 0]
    waiting = [q for q in opened if q.msg.speaker in put_to and not q.answer and i - q.index <= window]
    return bool(waiting) and all(_warning_aside(q, m) for q in waiting)


def _warning_aside(q: _Open, m: Message) -> bool:
    """Whether ``m``, put to the asker of ``q`` by name or @, forbids them a doing (cue action.warning, not about
    posting: action.chat_conduct) that has nothing to do with what they asked — a safety warning in passing
    (:func:`_warned` makes it their to-do), after which the question still waits for its answer. The warning opens
    the line (after the asker's name or @): advice that leads with what to do and then what not to ("@阿傑 著速乾衫
    唔好著棉質" to "要唔要著保暖衫") answers the question."""
    forbids = _forbids(m.text)
    if forbids is None or relevant(q.text, m.text):
        return False
    rest = forbids.string.replace(_fold(q.msg.speaker), " ").strip()  # (the line folded, @-mentions out)
    return cue("action", "warning").search(_CLAUSE.split(rest)[0]) is not None


def _forbids(text: str) -> re.Match[str] | None:
    """Where ``text`` forbids a doing (cue action.warning), @-mentions out and folded — None when it does not or when it
    is about posting in the group (action.chat_conduct: a reprimand). The match is on the folded text (``.string``).
    :func:`_warning_aside` and :func:`_warned` share it; each keeps its own further conditions."""
    f = _fold(MENTION.sub(" ", text))
    found = cue("action", "warning").search(f)
    return None if found is None or has(f, "action", "chat_conduct") else found


def _answer_stands(q: _Open, m: Message, direct: bool, replaced: Callable[[list[Message]], None] | None = None) -> bool:
    """Whether ``q`` keeps the answer it has against ``m``: an @-reply to the asker supersedes a bystander's
    guess (it is cleared here), unless that guess answered in the question's form and ``m`` only gives the asker
    work, or answered it on its own words and ``m`` is on another matter (:func:`_answered_on_it`), or opened with
    the yes or no it asked for (:func:`_opens_yes_no`); an answer by the
    one asked stands against anything later."""
    if direct and q.answer and not q.direct:
        if _answered_in_form(q, m) or _answered_on_it(q, m) \
                or not q.after_side and _opens_yes_no(q.text, q.answer[0].text):
            return True
        before, q.answer = q.answer, []
        if replaced is not None:  # (the replaced answer may answer another open question: :func:`_return_replaced`)
            replaced(before)
    return bool(q.answer) and q.direct


def _answered_on_it(q: _Open, m: Message) -> bool:
    """A question answered on its own words by someone it was not put to (not a guess: "集合地点在哪" — "集合在东沙
    码头") keeps that answer against a later @-line to the asker on another matter (a reminder, a warning, some
    work), which tells them something else rather than answering."""
    return not q.loose and relevant(q.text, " ".join(x.text for x in q.answer), by_kind=False) \
        and not relevant(q.text, m.text) and not _in_form(q.text, m.text)


def _answered_in_form(q: _Open, m: Message) -> bool:
    """A question already answered in its own form by someone else ("那费用怎么算，还是按月摊吗" — "按月，每人
    每月420"; "6个小时够不够啊" — "够的，上季平均5个半小时") keeps that answer against a later @-reply to the asker
    that only addresses them: one that hands them work ("@李姐 费用你还是负责收…") or says nothing of the question."""
    if not relevant(q.text, " ".join(x.text for x in q.answer)):
        return False
    if not has(_fold(MENTION.sub("", m.text)), "reply", "hands_work"):
        return False
    # an answer in the question's own form: its yes or no, its side of an A不A, or the question's own word first
    said = _fold(MENTION.sub("", q.answer[0].text)).strip()
    lead = _CLAUSE.split(said)[0]
    return not relevant(q.text, m.text) or bool(cue("reply", "yes_no").match(said)) or _says_which(q.text, said) \
        or (2 <= len(lead) <= 4 and lead in _fold(q.text))


def courtesy(f: str, people: People) -> bool:
    """Thanks, praise or a wish to someone, and nothing else ("谢谢王姐 祝王姐后天一把过", "会长威武", "thx Mandy！"),
    on folded text: no answer, no key point."""
    f = people.at.sub(" ", f)
    for _, alias, _who in people.named_in(f):
        f = f.replace(alias, " ")
    if cue("reply", "courtesy").match(f):  # (before a Latin word of thanks reads as a name: "thx")
        return True
    for start, end, _name in reversed(name_shaped(f)):  # 王姐, 刘老师: people not (yet) in the chat
        f = f[:start] + " " + f[end:]
    return bool(cue("reply", "courtesy").match(f))


def _kept(q: _Open, speakers: list[str], host: str | None, topic: frozenset[str], tasks: frozenset[int] = frozenset()) -> bool:
    """A side remark answered by another side remark is chatter, not Q&A: the main voices' relevant
    answers are Q&A; a reply that only came next must be on the session's subject."""

    def on_subject() -> bool:  # the question and its answers on the session's subject: read only where asked (the
        # joined answers of a long turn are past fold's cache and cost more than the rest of this test)
        return on_topic(q.text, topic) and on_topic(" ".join(m.text for m in q.answer), topic)

    if not q.direct and has(_fold(q.msg.text).strip(), "personal", "own_errand"):
        return False  # "我下周二出差去成都…有人在成都的吗" — "我老家成都的": chatter about the asker's own trip
    if q.alt is not None:  # a choice with no question form asks only when a main voice answers the asker himself
        # (on-topic or unaddressed picks kept the old locked pairs but leaked 3 noise items: side chatter)
        return q.direct and (q.answer[0].speaker in speakers or q.answer[0].speaker == host)
    if q.direct:
        return True
    fq = _fold(q.text)
    if (has(fq, "reply", "asks_amount") or has(fq, "reply", "asks_time")) and _NUMBER.search(_fold(q.answer[0].text)):
        return True  # "市集攤位要幾錢" — "上年係$450兩日": the figure asked for, given, is a fact on any subject
    if _says_which(q.text, q.answer[0].text) and _NUMBER.search(_fold(q.answer[0].text)):
        return True  # "6个小时够不够" — "够的，上季平均5个半小时": its own yes, backed by a figure
    if _in_form(q.text, q.answer[0].text):
        return True  # the figure, the time or the one doing it that the question asks for ("车谁开" — "车我开")
    if not q.after_side and _opens_yes_no(q.text, q.answer[0].text):
        return True  # a yes or a no, then why ("要不要带手套" — "要，旧木头毛刺多"): the answer on any subject
    if q.loose:  # (a chat too short for its words to come back is all on its subject; the one running the
        # chat answering right after is on it too: "奖品有啥" — "冠军500，亚军300")
        return not topic or on_subject() or _host_answers(q, host, tasks) or _plain_answer(q, tasks)
    return q.answer[0].speaker in speakers or q.answer[0].speaker == host or on_subject()


def _plain_answer(q: _Open, tasks: frozenset[int] = frozenset()) -> bool:
    """A question asking for something to know, answered by the next line with a statement ("请问要带什么" — "竹篮、
    小刀、雨鞋，驱蚊水"; "叶子发黄是缺什么" — "多半缺铁"): Q&A whether or not its words are the chat's topic words. Both
    lines are read by the chatter model (:mod:`copilot.notes.chatter`): a member's small talk ("这个发夹好看吧" —
    "楼下小店") is no such pair, nor a question asked on a side remark, nor an answer that asks back."""
    fq = _fold(q.msg.text)
    # (not a call for views, a proposal, a request or a "who does it": what answers those is a view or work taken on,
    # nor a question put to someone else. A to-do line answers only a bare question, one clause asking how a matter
    # is handled or whether to do something ("午饭怎么解决" — "盒饭我来订，每份25元"; "要带午饭吗" — "大家带点干粮就
    # 行": the to-do stays, and the pair tells what was asked); not one asking a place or a count its work does not
    # give ("扫完的雪堆哪" — "姜汤我早上5点半就开始煮"), nor a line telling something first: a favour asked in it
    # ("作品展示架需要两个，乐乐爷爷能不能做一下" — "他说可以，下周三前做好") is work taken on)
    if q.after_side or q.alt is not None or len(q.answer) != 1 or q.to or q.answer[0].id in tasks and not (
            (has(fq, "reply", "asks_handled") or _asks_yes_no(fq)) and len(_STOPS.split(fq.strip(" ？?"))) == 1) \
            or has(fq, "question", "group_prompts") or has(fq, "decision", "proposal") or has(fq, "action", "request") \
            or cue("reply", "asks_who").search(fq) or has(fq, "reply", "asks_views") or _proposes(q.msg.text):
        return False
    said = _clean(q.answer[0].text)
    return (
        not is_question(said) and len(re.sub(r"\W", "", said)) >= int(raw("reply", "plain_answer_chars"))
        and chatter_probability(q.text) < float(raw("reply", "plain_question_chatter"))
        and chatter_probability(said) < float(raw("reply", "plain_answer_chatter")))


def _host_answers(q: _Open, host: str | None, tasks: frozenset[int] = frozenset()) -> bool:
    """The one running the chat answers a member's question right after it, with something to tell ("奖品有啥"
    — "冠军500，亚军300"): not a brush-off ("别理他") nor a sign-off ("先这样，散会"), nor work handed out to a
    "who does it" ("垃圾袋和夹子谁来准备？" — "物资小敏你去居委会领": a to-do)."""
    if host is None or q.alt is not None or q.msg.speaker == host or q.answer[0].speaker != host:
        return False
    if q.answer[0].id in tasks and cue("reply", "asks_who").search(_fold(q.msg.text)):
        return False
    said = _clean(q.answer[0].text)
    return len(re.sub(r"\W", "", said)) >= 6 and not has(_fold(said), "decision", "sign_off")


def _pair(q: _Open, messages: list[Message], session: SessionType, decisions: list[Decision],
          people: People, restated: dict[int, Restated]) -> QAPair:
    # (an answer whose figure a later correction restated gives the final one: "10月8日发货" → "…推到10月10日")
    answer = [_clean(restating(m.text, restated[m.id]) if m.id in restated else m.text) for m in q.answer]
    # (a correction told once: not again after the line it was restated into, "…9月13日" → "…更正一下：九月是9月14日")
    fixers = {restated[m.id].by.id for m in q.answer if m.id in restated}
    answer = [a for k, (m, a) in enumerate(zip(q.answer, answer))
              if m.id not in fixers or not any(k != j and a in b for j, b in enumerate(answer))]
    sources = [q.msg.id, *q.more] + [m.id for m in q.answer] + [restated[m.id].by.id for m in q.answer if m.id in restated]
    if session == "话题讨论" and not q.direct:  # (an @-reply or the one asked has answered it already)
        last = q.answer[-1].id
        said = {m.id: m for m in messages}
        # (not a later recap's item, "总结一下：12月5日…，红十字会教材": it restates what was settled, answers nothing)
        # (sharing the question's words: a figure of another matter, "前三名…600块", answers no "时间多给一点")
        # (nor what the asker settles after hearing the answers: "来得及吗" — "来得及…" — the asker's "那就定…" is the
        # decision, listed under 决定, not part of the answer)
        settled = [d for d in decisions if last < d.sources[-1] <= last + 20 and relevant(q.text, d.text, by_kind=False)
                   and d.sources[-1] in said and not _recap(said[d.sources[-1]].text)
                   and said[d.sources[-1]].speaker != q.msg.speaker and not _later_day(q.answer[-1], said[d.sources[-1]])]
        fq = _fold(q.text)
        given = has(fq, "reply", "asks_amount") and _NUMBER.search(_fold(answer[0]))  # the figure asked for, given
        part = settled_part(settled[0].text, people) if settled and not given else ""
        if part and settled[0].sources[-1] not in sources \
                and re.sub(r"\W", "", _fold(part)) not in re.sub(r"\W", "", _fold(" ".join(answer))):
            fixer = said[settled[0].sources[-1]]
            if _corrects_another(fixer, q):
                # ("幾點進場" — 小美: "聽說7點半" — 阿芳: "更正：7點就可以進場"): the correction is the answer, and its
                # speaker the answerer; the guess it corrects is dropped
                return QAPair(question=q.text, asker=q.msg.speaker, answer=part, answerer=fixer.speaker,
                              sources=sorted({q.msg.id, *q.more, fixer.id}))
            answer.append(part)  # (not what the answer said already: "夾錢啦 每人50蚊…" — "咁就決定每人50蚊…")
            sources.append(settled[0].sources[-1])
    return QAPair(question=q.text, asker=q.msg.speaker, answer=" ".join(answer), answerer=q.answer[0].speaker,
                  sources=sorted(set(sources)))


def _corrects_answer(recent: list[_Open], m: Message, i: int, near: int,
                     in_form: Callable[[str, str], bool], targets: list[str]) -> _Open | None:
    """The question an unaddressed ``m`` corrects the answer of: ``m`` opens by correcting (cue ``correction``:
    "纠正一下，开到5点", "唔好意思更正，要1點到"), and the latest question just asked that someone other than ``m``'s
    speaker (and the asker) answered, on its words or in its form ("开到几点" — 小何: "好像是到4点" — 周阿姨: "纠正一下，
    开到5点…"): ``m`` replaces that answer here. The one who answered may correct their own figure too (even an answer
    given to them directly: :func:`_same_answer_fixed`); theirs joins the answer. None for an @-line (``targets``):
    it is read as any @-reply."""
    if targets or not _opens_correction(m.text):
        return None
    fits = [q for q in recent if i - q.index <= near and q.answer and m.speaker != q.msg.speaker
            and (_same_answer_fixed(q, m) if m.speaker == q.answer[0].speaker else not q.direct)
            and (relevant(q.text, m.text) or in_form(q.text, m.text))]
    if not fits:
        return None
    q = fits[-1]
    # (the answerer's own correction follows their answer, which keeps what it said besides the figure: "300一位，
    # 含茶具" … "更正下，是350"; another member's replaces the guess it corrects)
    q.answer, q.loose = ([*q.answer, m] if m.speaker == q.answer[0].speaker else [m]), False
    return q


def _same_answer_fixed(q: _Open, m: Message) -> bool:
    """The one who answered ``q`` corrects their own answer's figure ("300一位，含茶具" … "更正下，是350"): their
    answer held a figure and the correction states one, of no kind (figure_kinds) the answer does not state — "每人
    1,500元" is not set right by "更正：露營順延一週，改成4/27", a day — so the correction joins the answer it sets right.
    A line already part of the answer sets nothing right again."""
    said = _fold(" ".join(a.text for a in q.answer))
    f = _fold(m.text)
    return all(a.id != m.id for a in q.answer) and bool(_NUMBER.search(said)) and bool(_NUMBER.search(f)) \
        and figure_kinds(f) <= figure_kinds(said)


def _corrects_another(m: Message, q: _Open) -> bool:
    """``m`` opens by correcting what was said (cue ``correction`` in its first words: "更正：…", "纠正一下，…",
    "唔好意思更正，…") and comes from neither the asker nor the one who answered ``q``: it corrects that answer."""
    return m.speaker not in (q.msg.speaker, q.answer[0].speaker) and _opens_correction(m.text)


def _opens_correction(text: str) -> bool:
    """``text`` opens by correcting what was said (cue ``correction`` in its first words, after an apology or greeting
    head: "更正：…", "纠正一下，…", "唔好意思更正，要1點到")."""
    f = cue("summary", "greeting_head").sub("", _fold(text).strip(), count=1)
    return cue("correction").search(f[:10]) is not None


def settled_part(text: str, people: People) -> str:
    """What a decision settles, as the end of an answer: without its settling head ("那就这么定：") and the work it
    gives out after ("…，价签阿珍你下周五前做好" is a to-do, not the answer)."""
    # a label's colon, never the one inside a time ("…分两班，7:30王哥的车" keeps its 7:30)
    head = cue("summary", "decided").match(text) or re.match(r"^[^：:]{0,12}(?:：|(?<!\d):)", text) \
        or cue("decision", "accept_head").match(_fold(text))
    rest = text[head.end():] if head and len(text) - head.end() >= 4 else text
    kept = _decided_content(rest, people)
    return kept if len(kept) >= 4 and not open_tail(kept) else rest


def open_tail(text: str) -> bool:
    """Whether ``text`` ends in a word that waits for what follows ("…改成", "…交给", "…本来"): a line cut there
    reads broken ("最后决定：那订酒店改成。"), so no settled part, title or summary line ends in one."""
    return bool(cue("summary", "open_tail").search(_fold(text.rstrip("，,、；;：: "))))


def _recap(text: str) -> bool:
    """A message summing up what was settled ("总结一下：A，B，C" / "今晚定的：1. … 2. …")."""
    parts = items(text)
    return bool(parts) and (bool(cue("decision", "summary_inline").match(_fold(parts[0])))
                            or len(parts) > 1 and bool(cue("decision", "summary_header").search(_fold(parts[0]))))


# -- items: numbered lists and sentences ---------------------------------------------------------------
def _changes_whole(parts: list[str]) -> list[str]:
    """A change told with an exclamation ("本周六夜市换位置了！") is completed by the sentence after it (where
    to, what stays): the two are one notice, not a bare headline and a stray sentence."""
    out: list[str] = []
    for part in parts:
        if out and re.search(r"[！!]\s*$", out[-1]) and has(_fold(out[-1]), "announcement", "changed_head") \
                and not is_question(part):
            out[-1] = f"{out[-1]}{part}"
        else:
            out.append(part)
    return out


def _reminder_whole(parts: list[str]) -> list[str]:
    """A reminder under a label ("安全提醒：…", "提醒大家：戴厚手套。被抓伤当天去打狂犬疫苗。") holds every sentence
    after the label up to a question or another matter: one notice, whole, not a first clause and stray lines."""
    out: list[str] = []
    held = False
    for part in parts:
        f = _fold(part)
        if held and not is_question(part) and not has(f, "announcement", "new_matter") \
                and not cue("action", "list_markers").match(part):
            out[-1] = f"{out[-1]}{part}"
            continue
        out.append(part)
        held = has(f, "announcement", "reminder_label") and not is_question(part)
    return out


def _tally_whole(parts: list[str]) -> list[str]:
    """A vote's count told as a sentence of its own ("统计了一下，A 12 票，B 5 票，群里加私聊的。") is completed by the
    sentence after it, which says what the count settled ("同学会就去农家乐，10月3日中午"): one decision line, not a
    bare count and a stray sentence with no settling word."""
    out: list[str] = []
    for part in parts:
        if out and len(cue("decision", "tally").findall(_fold(out[-1]))) >= 2 and re.search(r"[。.！!]\s*$", out[-1]) \
                and not is_question(part) and not cue("decision", "tally").search(_fold(part)) \
                and not cue("action", "list_markers").match(part):
            out[-1] = f"{out[-1]}{part}"
        else:
            out.append(part)
    return out


def items(text: str) -> list[str]:
    """A message cut into its numbered items and lines, then sentences: a host's "1. … 2. …" holds
    several notices and to-dos, each with its own owner and date."""
    marker = cue("action", "list_markers")
    out: list[str] = []
    for line in text.split("\n"):
        parts = [p.strip() for p in marker.split(line) if p and p.strip()]
        for part in parts or [line]:
            out += [s.strip() for s in split_sentences(part) if s.strip()]
    return out


# -- to-dos -------------------------------------------------------------------------------------------
@dataclass
class _Clause:
    text: str
    owner: str | None = None
    kind: str = ""  # how the owner was found
    owner_text: str = ""  # the clause that named the owner
    p: float = 0.0  # the owner model's confidence


@dataclass
class _Ctx:
    """What the owner resolver sees: the clause (as written and folded), the speaker, the participants,
    the people the message @-addresses and the person just spoken to."""

    clause: str
    f: str
    speaker: str
    people: People
    lead: list[str]
    spoken_to: str | None
    asker: str | None = None  # who asked the question this message answers ("照片发给谁？" — "发我就行")
    said_before: str = ""  # what the one just spoken to said ("押金我先垫了" — "发票拿回来找我报销")
    lead_alone: bool = False  # the message's @s stand on a first line of their own ("@老郑\n名单周日前统计出来")


class Owner(NamedTuple):
    who: str | None
    kind: str  # named / first_person / assigned / everyone / to_me, or "" when nobody
    p: float = 0.0  # the owner model's probability for the mention chosen


_PAUSE = re.compile(r"[，,；;。！!？?：:\n]")


@lru_cache(maxsize=8192)
def agreement_spans(f: str) -> tuple[tuple[int, int], ...]:
    """The clauses of folded ``f`` that report who agreed ("jason同mandy都同意", "阿飞和小葵都说好"):
    their names are agreers of a decision (``cues.yaml`` decision ``reported_agree``), not doers."""
    cuts = [0] + [x for m in _PAUSE.finditer(f) for x in (m.start(), m.end())] + [len(f)]
    pattern = cue("decision", "reported_agree")
    return tuple((s, e) for s, e in zip(cuts[::2], cuts[1::2]) if e > s and pattern.search(f[s:e]))


@lru_cache(maxsize=8192)
def credit_spans(f: str) -> tuple[tuple[int, int], ...]:
    """The clauses of folded ``f`` that credit who proposed what was settled ("番茄妈妈提的"): the one named
    proposed it (``cues.yaml`` decision ``credited``), the line gives them no work."""
    cuts = [0] + [x for m in _PAUSE.finditer(f) for x in (m.start(), m.end())] + [len(f)]
    pattern = cue("decision", "credited")
    return tuple((s, e) for s, e in zip(cuts[::2], cuts[1::2]) if e > s and pattern.search(f[s:e]))


def _person_spans(c: _Ctx) -> list[tuple[int, int, str]]:
    """Participants named in the clause (by any of their names) and @names, as (start, end, who); not
    the names of a clause reporting agreement ("Jason同Mandy都同意"): they agreed, they do nothing."""
    taken = _named_spans(c)
    agreed = agreement_spans(c.f) + credit_spans(c.f)
    return [t for t in taken if not any(s <= t[0] and t[1] <= e for s, e in agreed)]


@lru_cache(maxsize=16384)
def _role_matches(roles: re.Pattern[str], f: str, skip: int) -> tuple[re.Match[str], ...]:
    """The collective roles (``People.roles``) in the folded clause ``f`` from ``skip``, cached: a clause is read for
    its people by the to-do and the deadline steps alike, and the role pattern is the slowest of its regexes."""
    return tuple(roles.finditer(f, skip))


def _named_spans(c: _Ctx) -> list[tuple[int, int, str]]:
    lead = c.people.lead_at.match(c.f)
    skip = lead.end() if lead else 0  # "@阿杰 …" at the start addresses a reply; the model reads the rest
    spans = [(pos, pos + len(alias), who) for pos, alias, who in c.people.named_in(c.f)
             if pos >= skip and not _inside_a_word(c.f, pos, pos + len(alias), who)]
    for m in c.people.at.finditer(c.f, skip):
        if all(m.end() <= s or m.start() >= e for s, e, _ in spans):
            spans.append((m.start(1), m.end(1), c.people.resolve(m.group(1)) or m.group(1)))
    same = len(c.clause) == len(c.f)
    # a collective role (各楼栋楼长, 每家店, 伴娘们) is the owner as written, before any name inside it
    spans = [(m.start(), m.end(), c.clause[m.start():m.end()] if same else m.group(0))
             for m in _role_matches(c.people.roles, c.f, skip)] + spans
    spans += [(s, e, c.people.written(name, c.clause[s:e] if same else name)) for s, e, name in name_shaped(c.f)
              if s >= skip and (not name.isascii() or c.people.resolve(name) or same and _latin_name(c.clause, s, e))
              and c.people.someone(name)]
    taken: list[tuple[int, int, str]] = []
    for s, e, who in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, who))
    return taken


def _latin_name(text: str, start: int, end: int) -> bool:
    """A Latin word of someone not in the chat is a name when written like one (Vivian, Lisa): not an
    acronym (CPR, FPS), a lower-case word (slides, musl), a product with a version (Apache-2.0) or a
    platform or tool after a place or tool word (喺Facebook專頁, 用Excel)."""
    return bool(re.fullmatch(r"[A-Z][a-z]+", text[start:end])) and not re.match(r"-?\d", text[end:end + 2]) \
        and not cue("owner", "thing_before").search(text[max(0, start - 4):start])


def _inside_a_word(f: str, start: int, end: int, who: str) -> bool:
    """A card's leading common-word part (社区 of 社区-刘主任, 物业 of 物业-陈经理) inside a longer word
    the chat uses (社区卫生站, 物业管理处): a thing, not the person. (The name itself is never read so:
    jieba cuts names badly, 老马来做 → 老/马来/做.)"""
    alias = f[start:end]
    card = _fold(who)
    if not (card.startswith(alias) and card[len(alias):len(alias) + 1] in str(raw("name_parts", "separators"))
            and len(card) > len(alias) + 1) or word_frequency(alias) < int(raw("owner", "rival_word")):
        return False
    bounds = word_bounds(f)
    return start not in bounds or (end < len(f) and end not in bounds)


def _addressee(c: _Ctx, mentions: list[Mention], at: int) -> str | None:
    """Who 你/您 is: the person named right before it (小林，你… / 阿杰你来…), the one @-addressed, or
    the one just spoken to."""
    before = [m for m in mentions[:at] if m.kind == "P" and mentions[at].start - m.end <= 2]
    if before:
        return before[-1].name
    # "阿涛，明天中午前你去…", "急救组长阿Sam，急救箱你…": the one the sentence opens by calling (after a role word of
    # name_parts.prefixes or none), then a pause
    called = [m for m in mentions[:at] if m.kind == "P" and _role_words().fullmatch(c.f[:m.start])
              and re.match(r"[，,\s]", c.f[m.end:m.end + 1])]
    if called:
        return called[0].name
    # "刘师傅你认识的人多你周四前帮忙联系两个" (voice-to-text): a later 你 is still the one named right before the
    # first 你 of the sentence, unless someone else is named in between
    for j in range(at - 1, 0, -1):
        if mentions[j].kind == "P":
            break
        if mentions[j].kind == "Y" and mentions[j - 1].kind == "P" and mentions[j].start - mentions[j - 1].end <= 1:
            return mentions[j - 1].name
    # "物资清单明天中午前发群里，@阿珍 这个你整理一下": an @name earlier in the sentence is the one 你 means
    tagged = [m for m in mentions[:at] if m.kind == "P" and m.start > 0 and c.f[m.start - 1] == "@"]
    if tagged:
        return tagged[-1].name
    # "@琳琳 好嘞 另外老K，新人手册你周五前改好": a name called later in the message, then a pause, is the one
    # 你 means — not the one the message opened by @-addressing
    turned = [m for m in mentions[:at] if m.kind == "P" and re.match(r"[，,：:\s]", c.f[m.end:m.end + 1])
              and cue("owner", "turn_to").search(c.f[:m.start])]
    if turned:
        return turned[-1].name
    return _addressed(c) if c.lead else c.spoken_to


def _addressed(c: _Ctx) -> str:
    """Who a message's opening @s give work to: the first one — or all of them when the sentence speaks to
    them together (cue ``owner.you_both``: "@阿亮 @老何 你俩下午1点半前到东门老街")."""
    names = [n for n in c.lead if n not in ("大家", c.speaker)]
    if len(names) >= 2 and len(set(names)) == len(names) and has(c.f, "owner", "you_both"):
        return "和".join(names)
    return c.lead[0]


def _pick(c: _Ctx, mentions: list[Mention], scores: list[float], span: tuple[int, int], text: str) -> Owner:
    """The owner of the clause at ``span`` of the sentence: its best-scoring mention if that passes the
    threshold; else "今晚11点前转我" (the speaker receives) is the group's, or the @-addressed person's."""
    inside = [i for i, m in enumerate(mentions) if span[0] <= m.start < span[1]]
    if (handed := _delegated(c, mentions, inside, span)) is not None:
        return handed
    # "报名表要填每个人的身份证号码": a group whose thing it is (每个人的…) owns no work in the clause
    doers = [i for i in inside if not (mentions[i].kind == "G" and c.f.startswith("的", mentions[i].end))]
    best = max(doers, key=lambda i: (scores[i], -i), default=None)
    if best is None or scores[best] < OWNER_THRESHOLD:
        return _unsure(c, mentions, scores, span, text, inside)
    m, p = mentions[best], scores[best]
    if m.kind == "P" and cue("owner", "paid_to").search(c.f[span[0]:m.start]):
        return _senders(c)  # the one paid receives; the payers owe
    if m.kind == "P" and cue("owner", "handed_in").search(c.f[max(0, m.start - 4):m.start]) \
            and any(x.kind == "G" and cue("owner", "group").fullmatch(c.f[x.start:x.end]) for x in mentions):
        return Owner("大家", "everyone", p)  # "每位社員…9月10號之前將數交俾靚仔明統計": the group hands it in
    if m.kind == "P" and cue("owner", "hands_whole_done").search(c.f[span[0]:m.start]) \
            and not any(x.kind in ("Y", "G", "I") for x in (mentions[i] for i in inside)):
        # "填完交给小吴": where the work goes once done, not who does it — the one spoken to, the one whose question
        # this answers, else nobody (the doer's own to-do already holds the work: "报名表我来填…" … "填完交给小吴")
        return Owner(c.lead[0], "named", p) if c.lead else Owner(c.asker, "named", p) if c.asker else Owner(None, "")
    if m.kind == "P":
        if best + 1 < len(mentions) and mentions[best + 1].kind == "Y" and mentions[best + 1].start == m.end:
            return Owner(_co_owners(c, mentions, best + 1, m.name), "named", p)  # "Kelly你同细路强…"
        return Owner(_joined(c, mentions, best), "named", p)
    receiver = cue("owner", "receiver_verb")
    if m.kind == "I" and receiver.search(c.f[max(0, m.start - 4):m.start]) and (
            _due(c.f[span[0]:span[1]]) or cue("owner", "paid_to").search(c.f[span[0]:m.start])):
        # "周六前发我就行": the speaker receives (with no date it is an instruction); "场地费转给我，联系电话…": money
        # paid to the speaker is the payers' to pay, never the speaker's own work
        return _senders(c, mentions)
    if m.kind == "I" and _due(c.f) and has(c.f, "action", "to_me") and any(
            x.kind == "I" and receiver.search(c.f[max(0, x.start - 4):x.start]) for x in (mentions[i] for i in inside)):
        return _senders(c, mentions)  # "转给我就行，周四前转齐，我手机号…": the 我 of a phone number does nothing
    if m.kind == "I" and cue("owner", "for_me").match(c.f[span[0]:span[1]].lstrip(" ，,")) \
            and not _due(c.f[span[0]:span[1]]):
        return Owner(c.lead[0] if c.lead else None, "to_me" if c.lead else "")  # "给我留一箱": an order, not work
    if m.kind == "I" and cue("owner", "refund").match(c.f, m.start):
        return _reimbursed(c)  # "发票拿回来找我报销": the one who paid brings it
    if m.kind == "I":
        together = _co_owners(c, mentions, best, c.speaker)
        return Owner(together, "first_person" if together == c.speaker else "named", p)
    if m.kind == "G":
        return Owner("大家", "everyone", p)
    who = _addressee(c, mentions, best)
    glued = best > 0 and mentions[best - 1].kind == "P" and mentions[best - 1].end == m.start
    who = _co_owners(c, mentions, best, who) if glued else who
    return Owner(who, "assigned", p) if who else Owner(None, "")


def _delegated(c: _Ctx, mentions: list[Mention], inside: list[int], span: tuple[int, int]) -> Owner | None:
    """"钱我让我儿子小军明天去协会交", "横幅我让小赵后天去打印店取": the speaker (我) hands the work to the person
    named right after a handing word (cue owner.delegates; a kin or job word may come between, owner.delegate_kin),
    who does it — the speaker only arranged it. The name must be followed by more words of the clause ("我叫小明"
    gives a name, no work)."""
    for i in inside:
        me = mentions[i]
        kin = _handed_at(c.f, me.end) if me.kind == "I" else None
        # (or a word of two or three characters the kin list lacks: "我让室友阿涛…", "我叫表弟阿明…")
        who = next((m for m in mentions if kin and m.kind == "P" and kin.end() <= m.start <= kin.end() + 3
                    and re.fullmatch(r"[\u4e00-\u9fff]*", c.f[kin.end():m.start])), None)
        if who is None and kin is not None:
            # a name no roster knows ("我让乐乐妈明天下班去拿", "我让我家大军明天下午帮着搬"): the two to four
            # characters between the handing word and the time of the work, none of them a mention of anyone else
            when = next((s for s, _ in time_spans(c.f) if s > kin.end()), None)
            name = c.f[kin.end():when] if when is not None else ""
            if 2 <= len(name) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", name) and span[0] <= kin.end() and when < span[1] \
                    and not any(kin.end() <= m.start < when for m in mentions):
                same = len(c.f) == len(c.clause)
                return Owner((c.clause if same else c.f)[kin.end():when], "named", SURE_OWNER)
        if who is None or who.end > span[1]:
            continue
        if len(re.findall(r"[\u4e00-\u9fff]", c.f[who.end:span[1]])) < 2:
            continue
        return _named_owner(c, who)
    return None


def _hands_on(text: str) -> bool:
    """Whether the speaker hands work on to someone in ``text`` ("我让小军明天去协会交": 我 + owner.delegates, an optional
    kin or job word, then more words)."""
    f = _fold(text)
    for me in cue("owner", "me").finditer(f):
        kin = _handed_at(f, me.end())
        if kin is not None and len(re.findall(r"[\u4e00-\u9fff]", f[kin.end():])) >= 3:
            return True
    return False


def _handed_at(f: str, at: int) -> re.Match[str] | None:
    """The handing word right at ``at`` of the folded text, after a 我 (cue owner.delegates: 让, 叫, 请) and the
    optional kin or job word after it (owner.delegate_kin); the match ends where the person handed the work is named."""
    verb = cue("owner", "delegates").match(f, at)
    return cue("owner", "delegate_kin").match(f, verb.end()) if verb else None


def _item_opener(c: _Ctx, mentions: list[Mention], span: tuple[int, int], inside: list[int]) -> Owner | None:
    """"② 莉莉做报名表，12月22日前发群里", "二是阿凡做一份安全须知，12月29日前发群里": an item of a numbered or counted
    list (at most a list mark, cue owner.item_lead, before it) that opens with a member, a doing word right after the
    name (owner.acked_subject, not a report of it done: owner.item_done) and a "…前" time in its sentence is that
    member's share."""
    first = next((i for i in inside if mentions[i].kind in ("P", "I", "Y", "G")), None)
    if first is None or mentions[first].kind != "P" or not _due(c.f):
        return None
    m = mentions[first]
    if not cue("owner", "item_lead").match(c.f[span[0]:m.start]):
        return None
    after = c.f[m.end:span[1]].lstrip()
    verb = cue("owner", "acked_subject").match(after)
    if verb is None or cue("owner", "item_done").match(after[verb.end():]):
        return None
    return Owner(_joined(c, mentions, first), "named", SURE_OWNER)


def _unsure(c: _Ctx, mentions: list[Mention], scores: list[float], span: tuple[int, int], text: str,
            inside: list[int]) -> Owner:
    """The owner of a clause none of whose mentions the owner model is sure of: the payers of money paid
    to someone, the one a duty is given to, the addressed person or group told what to do, the senders
    of what the speaker receives, or the speaker of "我" right before a time with a task."""
    sender = _senders(c) if _paid(c, mentions, span, inside) else _sender_told(c, mentions, span, inside)
    if (found := sender if sender is not None else _item_opener(c, mentions, span, inside)) is not None:
        return found
    given = [i for i in inside if mentions[i].kind == "P" and cue("owner", "handed_to").search(c.f[span[0]:mentions[i].start])]
    if any(x.kind == "G" for x in mentions):
        given = []
    if given:
        return Owner(_joined(c, mentions, given[0]), "named", scores[given[0]])  # "摄影这块交给小北": 小北's work
    for i in inside:  # "笔记Jason师傅话会整理好": a promise reported for someone named is that person's
        m = mentions[i]
        if m.kind == "P" and cue("owner", "reported").match(c.f, m.end):
            return Owner(_joined(c, mentions, i), "named", scores[i])
    f = _fold(text)
    # "阿珊你禮拜五之前整好張海報得唔得" (asked), "王老师你字写得好报名表你来填" (given a duty): the one called with
    # 你 right after the name does it
    called = next((i for i in inside if mentions[i].kind == "P" and cue("owner", "you").match(c.f, mentions[i].end)), None)
    if called is not None and (has(f, "action", "request_tag") or has(f, "action", "assign") or _pending(f)):
        return Owner(_joined(c, mentions, called), "named", scores[called])
    # "小马，你的报名表到现在还没填": the sentence opens by calling a member, then tells their 你 of work still owed
    you = next((i for i in inside if mentions[i].kind == "Y"), None)
    if you is not None and _pending(f) and mentions[0].kind == "P" and mentions[0].end <= mentions[you].start \
            and not c.f[:mentions[0].start].strip(" @") and not re.sub(r"[\s，,]", "", c.f[mentions[0].end:mentions[you].start]):
        return Owner(_joined(c, mentions, 0), "named", scores[you])
    if c.lead and c.lead[0] == "大家" and (_directive(f) or _due(f)):
        return Owner("大家", "everyone")  # "@所有人 …盘点表月底前交到财务"
    told = _told(c, mentions, span, inside, f)
    if told is not None:
        return Owner(told, "assigned")
    if has(f, "action", "to_me"):
        return _senders(c, mentions)
    return _own_short(c, mentions, scores, span, text, inside)


def _own_short(c: _Ctx, mentions: list[Mention], scores: list[float], span: tuple[int, int], text: str,
               inside: list[int]) -> Owner:
    """The speaker's own promise in a clause too short (or too Cantonese) for the owner model: 我 and a later
    sending, 我 with a modal of intent and concrete work, or 我 right before a time with a task; else nobody."""
    for i in inside:  # "我遲啲send俾大家": 我 and a later sending, too short (and too Cantonese) for the model
        if mentions[i].kind == "I" and cue("action", "later_promise").match(c.f, mentions[i].start):
            return Owner(c.speaker, "first_person", scores[i])
    for i in inside:  # "我会把画架搬到南门", "我会带两筒球过去": 我, a modal of intent and concrete work (owner.will_do)
        if mentions[i].kind == "I" and cue("owner", "will_do").match(c.f, mentions[i].end) and not asks(text):
            return Owner(c.speaker, "first_person", scores[i])
    for i in inside:  # "我聽日轉", "我周五前交": 我 and a time with a task right after it, too short for the model
        after = c.f[mentions[i].end:span[1]]
        due = find_deadline(after, None, strict=False) if mentions[i].kind == "I" else None
        at = after.find(_fold(due.text)) if due is not None else -1
        if due is not None and (due.marked or due.attached) and at in (0, 1) \
                and not cue("owner", "availability").match(after[at + len(due.text):]):
            return Owner(c.speaker, "first_person", scores[i])
    return Owner(None, "")


def _sender_told(c: _Ctx, mentions: list[Mention], span: tuple[int, int], inside: list[int]) -> Owner | None:
    """"@张婶 …你报个数给刘主任", "你们把名单私信班长": a clause that tells 你 (or the group) to send or hand something
    to a member named right after a sending word (cue owner.sent_to) — the one told sends it; the member named only
    receives it. 你 is the one addressed (:func:`_addressee`), the group is everyone."""
    sent = cue("owner", "sent_to")
    for i in inside:
        m = mentions[i]
        if m.kind != "P" or not sent.search(c.f[span[0]:m.start][-5:]):
            continue
        told = [j for j in inside if j < i and mentions[j].kind in ("Y", "G")]
        if not told or not _has_verb(c.f[mentions[told[-1]].end:m.start]):
            continue
        j = told[-1]
        if mentions[j].kind == "G":
            return Owner("大家", "everyone")
        who = _addressee(c, mentions, j)
        if who and who != m.name and who != c.speaker:
            return Owner(who, "assigned")
    return None


def _paid(c: _Ctx, mentions: list[Mention], span: tuple[int, int], inside: list[int]) -> bool:
    """Whether the clause pays money to someone named ("钱交给会计小梅，周四之前") or to the speaker ("大家禮拜六之前
    將$180轉俾我"): the payers owe it, whoever the model thought of the one paid."""
    paid_to = cue("owner", "paid_to")
    return any(mentions[i].kind == "P" and paid_to.search(c.f[:mentions[i].start])
               or mentions[i].kind == "I" and paid_to.search(c.f[span[0]:mentions[i].start]) for i in inside)


def _told_at(c: _Ctx, f: str) -> bool:
    """"@小雯 把价签写好", "@德哥 去林业站续办进山证": a sentence opening with the @ of the one member it
    addresses, then straight into what to do (no 你), tells them to do it."""
    if len(c.lead) != 1 or c.lead[0] in ("大家", c.speaker) or not c.f.lstrip().startswith("@"):
        return False
    rest = _LEAD_MENTIONS.sub("", c.f).lstrip(" ，,")
    if not _has_verb(rest) or asks(rest):
        return False
    # (the time-first form never answers the member the speaker replies to: to "摊位图什么时候有", "@小丁 周五前发群里"
    # is the speaker's own promise)
    return cue("action", "told_opener").match(rest) is not None \
        or c.lead[0] not in (c.asker, c.spoken_to) and _told_due_first(rest)


def _told_due_first(rest: str) -> bool:
    """"@老高 12月18日前联系好钢琴调音师", "@晓晴 比赛场地12月12日前订好": after the @, the first clause gives a
    "…前" time with the work right after it (at most a short thing before the time, no 我/你 there: "我周五前…" is
    the speaker's own, "你…" is read by the 你 rules) — the member is told to do it by then. The work must open
    with a doing word or a told opener: letting any verb later in the clause count found one more listed to-do on
    locked_blind but added a wrong one on locked_blind5 (to-do precision .645 → .640), round 65."""
    head = CLAUSE.split(rest, maxsplit=1)[0]
    due = find_deadline(head, None)
    if due is None or not (due.marked and due.attached) or due.text not in head:
        return False
    before, _, after = head.partition(due.text)
    return len(before) <= int(raw("owner", "told_due_thing")) and not has(before, "owner", "me") \
        and not has(before, "owner", "you") \
        and (cue("action", "verbs").match(after) or cue("action", "told_opener").match(after)) is not None


def _told(c: _Ctx, mentions: list[Mention], span: tuple[int, int], inside: list[int], f: str) -> str | None:
    """Who the clause tells to do its work: the member(s) the message @-addresses ("@阿杜 周二之前把场地费收齐",
    "@李爸爸 横幅麻烦您联系一下"), or the member the sentence opens by calling ("宣传组长燕子，海报下周三前出初稿")."""
    ats = [mentions[i] for i in inside]
    if c.lead and (_directive(f) or _tagged_you(c, ats, f) or _told_at(c, f) or _led_due(c, mentions, span)):
        return _addressed(c)
    return _called_due(c, mentions, span, inside)


def _led_due(c: _Ctx, mentions: list[Mention], span: tuple[int, int]) -> bool:
    """"@老郑\\n需要背送的老人名单，这周日前统计出来": a message @-addressed to one member on a line of its own, whose
    next line gives work with a "…前" time and names no one else (no 我, no other member, not
    the group) — the @ calls them as a leading vocative does (:func:`_called_due`)."""
    if len(c.lead) != 1 or c.lead[0] in ("大家", c.speaker, c.asker):
        return False  # ("@阿豪 要6个志愿者，周五前在群里接龙报名" answers 阿豪's own question: no work of theirs)
    # the @ stands on a line of its own, the work on the next: an @ on the same line is as often a reply ("@胖虎 要换，
    # 比赛前统一换", "@阿宏 剛剛的問題我回一下：…。放陰涼處…": the speaker answers them)
    if not c.lead_alone or c.f.lstrip().startswith(("@", "＠")):
        return False
    # (a "需要背送的" of the group words is what the thing is, "需要背送的老人名单", not who is to do it — unless 人 follows)
    def names_thing(x: Mention) -> bool:
        return x.kind == "G" and c.f[x.end - 1:x.end] == "的" and not c.f.startswith("人", x.end)
    if any(x.start < span[1] and not names_thing(x) and (x.kind in ("I", "G") or x.kind == "P" and x.name != c.lead[0])
           for x in mentions):
        return False
    clause = c.f[span[0]:span[1]].lstrip(" ，,")
    return _due(clause) and _has_verb(clause) and not asks(clause)


def _lead_alone(text: str, people: People) -> bool:
    """Whether a message's first line is nothing but @mentions, its words on the lines after ("@老郑\n需要背送的…")."""
    first, _, rest = text.strip().partition("\n")
    found = people.lead_at.match(first.strip())
    return bool(rest.strip()) and found is not None and found.end() == len(first.strip())


def _called_due(c: _Ctx, mentions: list[Mention], span: tuple[int, int], inside: list[int]) -> str | None:
    """The member a sentence opens by calling — the name alone or after a role word ("燕子，…", "宣传组长燕子，…",
    name_parts.prefixes), then a pause — when a later clause of it gives work with a "…前" time and no 我 up to
    its end ("…，海报下周三前出初稿", "司库陈生，场租你演出前三日交"; not "陈主任，报价单我拿到了，下周一之前整理好"):
    the work is theirs, as a leading @ makes it."""
    first = mentions[0] if mentions else None
    if first is None or first.kind != "P" or first.name == c.speaker or span[0] <= first.start \
            or not re.match(r"[，,\s]", c.f[first.end:first.end + 1]) or not _role_words().fullmatch(c.f[:first.start]) \
            or any(x.kind == "I" and x.start < span[1] for x in mentions):
        return None
    clause = c.f[span[0]:span[1]].lstrip(" ，,")
    return first.name if _due(clause) and _has_verb(clause) and not asks(clause) else None


@lru_cache(maxsize=1)
def _role_words() -> re.Pattern[str]:
    """What may stand before a called name: nothing, or a role word (宣传组长, 司库) of name_parts.prefixes."""
    roles = "|".join(re.escape(_fold(str(p))) for p in raw("name_parts", "prefixes"))
    return re.compile(rf"\s*(?:[\u4e00-\u9fff]{{0,3}}(?:{roles}))?\s*")


def _tagged_you(c: _Ctx, inside: list[Mention], f: str) -> bool:
    """"@Ben仔 你表弟嘅事下星期一前話我知", "@李姐 费用你还是负责收": in a message @-addressed to one member, a 你
    given a duty or a "…前" is that member (the owner model, unsure of a bare 你, reads no one)."""
    return (len(c.lead) == 1 or has(f, "owner", "you_both")) and c.lead[0] not in ("大家", c.speaker) \
        and any(x.kind == "Y" for x in inside) and (_due(f) or has(f, "action", "assign"))


def _reimbursed(c: _Ctx) -> Owner:
    """"发票拿回来找我报销": the speaker pays back; the one who paid brings the receipt — the member just spoken to when
    they said they paid or bought it ("押金我先垫了", "胶布我顺路买"), else whoever paid (the group)."""
    if c.spoken_to and c.spoken_to != c.speaker and has(_fold(c.said_before), "owner", "paid_for"):
        return Owner(c.spoken_to, "named", 1.0)
    return Owner("大家", "to_me")


def _senders(c: _Ctx, mentions: list[Mention] | None = None) -> Owner:
    """Who owes what the speaker receives: the person @-addressed, the member the sentence opens by calling
    ("老黄，茶点的预算周四前报给我"), the one whose question this answers, else the group."""
    if not c.lead and has(c.f, "owner", "all_of_them"):
        return Owner("大家", "to_me")  # "转给我就行，周四前转齐": everyone pays, not only the one who asked
    return Owner(c.lead[0] if c.lead else _called_sender(c, mentions or []) or c.asker or "大家", "to_me")


def _called_sender(c: _Ctx, mentions: list[Mention]) -> str | None:
    """The one member a sentence opens by calling — the name alone or after a role word, then a pause — when it
    names no group and no one else ("老黄，茶点的预算周四前报给我": 老黄 sends it, not the group)."""
    first = mentions[0] if mentions else None
    if first is None or first.kind != "P" or first.name in ("大家", c.speaker) \
            or not re.match(r"[，,\s]", c.f[first.end:first.end + 1]) or not _role_words().fullmatch(c.f[:first.start]):
        return None
    if any(x.kind == "G" or x.kind == "P" and x.name != first.name for x in mentions[1:]):
        return None
    return first.name


def _pending(f: str) -> bool:
    """"…你那份表还没交": work still owed (cue ``action.pending`` then a doing word), told as a reminder."""
    hit = cue("action", "pending").search(f)
    return hit is not None and _has_verb(f[hit.end():])


@lru_cache(maxsize=65536)
def _due(f: str) -> bool:
    """Whether ``f`` (folded) says a "…前" time. Remembered: the owner rules ask it of the same sentence for each of
    its clauses, and a long message is one sentence of dozens of clauses (round 59, d00b59)."""
    deadline = find_deadline(f, None)
    return deadline is not None and deadline.marked


def _directive(f: str) -> bool:
    """Asking someone to do something: 麻烦/请/记得…, or "把…" with a "…前" deadline."""
    if has(_LEAD_MENTIONS.sub("", f).lstrip(" ，,"), "action", "directive"):
        return True
    return "把" in f and _due(f)


def _co_owners(c: _Ctx, mentions: list[Mention], at: int, who: str | None) -> str | None:
    """The speaker (我) or the one told (你, right after their name) at ``mentions[at]`` and someone named
    joined to them, when doing words follow ("场地布置我和阿橘去弄" → 蛇叔和阿橘, "Kelly你同细路强早15分钟到"
    → Kelly和细路强); else ``who`` alone. "我跟阿峰说一下" (阿峰 is told) stays the speaker's."""
    if who is None:
        return None
    joined, doing = cue("owner", "joined_by"), cue("owner", "joined_doing")
    names = [who]
    last = mentions[at]
    for m in mentions[at + 1:]:
        gap = c.f[last.end:m.start]
        if m.kind != "P" or not joined.fullmatch(gap) or m.name in names:
            break
        names.append(m.name or c.f[m.start:m.end])
        last = m
    if len(names) == 1 or not doing.match(c.f[last.end:].lstrip()):
        return who
    return "和".join(names)


def _joined(c: _Ctx, mentions: list[Mention], at: int) -> str | None:
    """The person at ``mentions[at]``, or the people joined to them (小王和小李分别负责…, 小王跟小李 → 小王和小李)."""
    joined = cue("owner", "joined_by")
    first = last = at
    while first > 0 and mentions[first - 1].kind == "P" and joined.fullmatch(c.f[mentions[first - 1].end:mentions[first].start]):
        first -= 1
    while last + 1 < len(mentions) and mentions[last + 1].kind == "P" \
            and joined.fullmatch(c.f[mentions[last].end:mentions[last + 1].start]):
        last += 1
    if first == last:
        return mentions[at].name
    text = c.clause if len(c.clause) == len(c.f) else c.f
    # one form for work shared: the names as written, joined by 和 whichever joiner the chat used ("阿德跟阿翔" →
    # 阿德和阿翔; the full names instead cost a readable dev to-do: the pair then swallowed one member's own promise)
    return "和".join(text[mentions[i].start:mentions[i].end] for i in range(first, last + 1))


def _owners(c: _Ctx) -> tuple[Owner, list[tuple[str, Owner]]]:
    """Who a sentence gives work to — as a whole, and clause by clause. The mentions are scored by
    the owner model (:mod:`copilot.notes.owners`) in the whole sentence, so "报名费每人20元，交给阿琴"
    reads 阿琴 as the one who receives; each clause then takes its own best mention."""
    mentions = find_mentions(c.f, _person_spans(c))
    scores = score_mentions(c.f, mentions)
    same = len(c.f) == len(c.clause)  # fold kept the positions: clauses are cut from the text as written
    seps = [(m.start(), m.end()) for m in _CLAUSE.finditer(c.f)]
    # voice-to-text with no pauses ("押金我明天去交小土豆你明晚前把接龙发一下"): a name then 你 opens a clause
    # when someone else is already the subject of the words before it (not "改成阿May你来")
    # (or a name then 负责/帮忙, or the group then a time: "…然后红姐负责收报名费大家周六前把30块转给红姐")
    runon = 0
    for x in mentions:
        # (the group then 把…, "…我这边统一买了你们把身份证号私发我", only after the speaker's own promise)
        after_me = x.kind == "G" and bool(cue("owner", "group_runon_opener").match(c.f, x.end))
        opens = x.kind == "P" and cue("owner", "runon_opener").match(c.f, x.end) or x.kind == "G" and any(
            s == x.end for s, _ in time_spans(c.f)) or after_me
        if opens and x.start > 0 and re.match(r"[\u4e00-\u9fff]", c.f[x.start - 1]) \
                and not cue("owner", "joined_before").search(c.f[:x.start]):
            opened = max((e for _, e in seps if e <= x.start), default=0)
            if any(opened <= y.start and y.end <= x.start and y.kind in (("I",) if after_me else ("P", "I")) for y in mentions):
                seps.append((x.start, x.start))
                runon += 1
    # (and "阿凯租车，小玉订民宿，大东做攻略": clauses that each open with another member are each that member's)
    listed = not runon and _each_opens_with_someone(c.f, mentions, seps)
    if runon or listed:
        scores = _scored_by_clause(c.f, mentions, sorted(seps))
    parallel = _parallel_names(c.f, mentions, seps)
    seps += [(x.start, x.start) for x in parallel]
    cuts = [0] + [x for sep in sorted(seps) for x in sep] + [len(c.f)]
    parts: list[tuple[str, Owner]] = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        text = (c.clause if same else c.f)[start:end].strip()
        told = next((x for x in parallel if x.start == start), None)
        if text and told is not None:  # the second name of "柚子单数集橘猫双数集" is given its share as the first is
            first = max((scores[i] for i, y in enumerate(mentions) if y.kind == "P" and y.end <= start), default=0.0)
            parts.append((text, Owner(told.name, "named", first) if first >= OWNER_THRESHOLD else _pick(
                c, mentions, scores, (start, end), text)))
        elif text and (slot := _slot_filled(c, mentions, start, end)) is not None:
            parts.append((text, slot))
        elif text and (taker := _topic_first(c, mentions, start, end) or _side_taker(c, mentions, start, end)) is not None:
            parts.append((text, taker))
        elif text:
            picked = _pick(c, mentions, scores, (start, end), text)
            if listed and picked.who is None:
                picked = _list_opener(c, mentions, scores, start, end) or picked
            parts.append((text, picked))
    return _pick(c, mentions, scores, (0, len(c.f)), c.clause), parts


def _list_opener(c: _Ctx, mentions: list[Mention], scores: list[float], start: int, end: int) -> Owner | None:
    """In a list of shares ("…，阿明带脚环，小孙管直播，王姐统计成绩"), a clause the owner model gives no doer to, which
    opens with a member and goes on with words of its own, is that member's share: the list's form says so when the
    clause is too short for the model (管直播, 开车载板子) — as sure as a doer the model is sure of."""
    f = c.f[start:end]
    colon = re.match(r"[^，,；;：:]{0,12}[：:]", f) if start == 0 else None
    at = start + (colon.end() if colon else 0)
    at += len(c.f[at:end]) - len(c.f[at:end].lstrip(" @"))
    i = next((i for i, m in enumerate(mentions) if m.start == at and m.kind == "P"), None)
    if i is None or len(re.findall(r"[\u4e00-\u9fff]", c.f[mentions[i].end:end])) < 2:
        return None
    return Owner(_joined(c, mentions, i), "named", max(scores[i], SURE_OWNER))


def _topic_first(c: _Ctx, mentions: list[Mention], start: int, end: int) -> Owner | None:
    """"场地的事小王搞定", "加油横幅→阿杰": the work named first, a topic marker (cue owner.topic_marker), then the
    one member of the clause, then at most a taking word (owner.topic_taker): that member's share, as sure as a
    doer the owner model is sure of (it reads names after their work as receivers). A name after "的事" with no
    taking word ("场地的事小王说了算") or a clause naming two people is left to the model."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if len(inside) != 1 or inside[0].kind != "P":
        return None
    who = inside[0]
    before, after = c.f[start:who.start], c.f[who.end:end]
    marker = cue("owner", "topic_marker").search(before)
    if marker is None or len(re.findall(r"[\u4e00-\u9fff]", before[:marker.start()])) < 2:
        return None
    if not cue("owner", "topic_taker").match(after.strip()) or "的事" in marker.group(0) and not after.strip():
        return None
    return _named_owner(c, who)


def _named_owner(c: _Ctx, who: Mention) -> Owner:
    """``who`` as a surely named owner: the speaker they resolve to, or the name as the clause writes it (the text as
    written where folding kept the positions)."""
    same = len(c.f) == len(c.clause)
    return Owner(who.name or (c.clause if same else c.f)[who.start:who.end], "named", SURE_OWNER)


def _side_taker(c: _Ctx, mentions: list[Mention], start: int, end: int) -> Owner | None:
    """"报名表财务那边出", "借脚架的登记助教那边统一收": the one member of the clause, then "那边/这边" and a doing word
    (cue owner.side_taker) — that member's side does the work. The model reads a name before 那边 as where things go;
    "交到小林那边" (owner.side_not_before) is that, and a clause naming anyone else (我, the group) is left to the model."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if len(inside) != 1 or inside[0].kind != "P":
        return None
    who = inside[0]
    if not cue("owner", "side_taker").match(c.f, who.end) or cue("owner", "side_not_before").search(c.f[start:who.start]):
        return None
    return _named_owner(c, who)


def _slot_filled(c: _Ctx, mentions: list[Mention], start: int, end: int) -> Owner | None:
    """"周六午餐值班：张姐、老王", "赛后收拾场地：小马、猴子": a duty or a piece of work, a colon, then nothing but
    the members who take it (joined by 、/和) — a sign-up sheet's slot, theirs. Not a list of who came, won or is
    away ("到场的有：…", "获奖名单：…": no doing word or duty before the colon)."""
    f = c.f[start:end]
    colon = _COLON.search(f)
    if colon is None:
        return None
    work, rest = f[:colon.start()].strip(), f[colon.end():]
    names = [m for m in mentions if start + colon.end() <= m.start and m.end <= end]
    if len(work) < 2 or not names or any(m.kind != "P" for m in names) or asks(work) \
            or not (_has_verb(work) or has(work, "action", "duty")) or has(work, "action", "already"):
        return None
    left = rest
    for m in reversed(names):
        left = left[:m.start - start - colon.end()] + left[m.end - start - colon.end():]
    joiners = "".join(str(w) for w in raw("owner", "joined_by"))
    if re.sub(rf"[\s，,{re.escape(joiners)}]", "", left):
        return None
    text = c.clause if len(c.clause) == len(c.f) else c.f
    return Owner(text[names[0].start:names[-1].end], "named", SURE_OWNER)


def _each_opens_with_someone(f: str, mentions: list[Mention], seps: list[tuple[int, int]]) -> bool:
    """Whether the sentence is a list of shares: each of its two or more clauses opens with a different member
    (the first after a heading such as "周年庆分工：") and goes on with words of their own, so that one member's
    clause is not read in the light of the others'."""
    cuts = [0] + [e for _, e in sorted(seps)]
    openers: list[str] = []
    for start in cuts:
        head = f[start:]
        colon = re.match(r"[^，,；;：:]{0,12}[：:]", head) if start == 0 else None
        at = start + (colon.end() if colon else 0)
        at += len(f[at:]) - len(f[at:].lstrip(" @"))
        first = next((m for m in mentions if m.start == at and m.kind == "P"), None)
        nxt = min([s for s, _ in seps if s > at] + [len(f)])
        if first is not None and first.name not in openers and re.search(r"[\u4e00-\u9fff]", f[first.end:nxt]) \
                and not any(m.start >= first.end and m.end <= nxt for m in mentions):
            openers.append(first.name or f[first.start:first.end])
        elif f[start:].strip():
            return False
    return len(openers) >= 2


def _scored_by_clause(f: str, mentions: list[Mention], seps: list[tuple[int, int]]) -> list[float]:
    """Each mention scored by the owner model within its own clause (cut at ``seps``), not the whole sentence."""
    cuts = [0] + [x for sep in seps for x in sep] + [len(f)]
    out = [0.0] * len(mentions)
    for start, end in zip(cuts[::2], cuts[1::2]):
        inside = [i for i, m in enumerate(mentions) if start <= m.start and m.end <= end]
        shifted = [Mention(mentions[i].start - start, mentions[i].end - start, mentions[i].kind, mentions[i].name)
                   for i in inside]
        for i, p in zip(inside, score_mentions(f[start:end], shifted)):
            out[i] = p
    return out


def _parallel_names(f: str, mentions: list[Mention], seps: list[tuple[int, int]]) -> list[Mention]:
    """"柚子单数集橘猫双数集" (no pause): a clause opening with one member and their share, then another member
    and a share of the same length — two members each given their part. Not a member named as the object of
    the first share ("柚子帮橘猫翻", "老刘问小王": cue owner.takes_person before the second name)."""
    found: list[Mention] = []
    people = [x for x in mentions if x.kind == "P"]
    for a, b in zip(people, people[1:]):
        opened = max((e for _, e in seps if e <= a.start), default=0)
        if f[opened:a.start].strip(" @") or any(opened < s < b.start for s, _ in seps):
            continue  # the first name must open its clause, the second follow in it with no pause
        share = f[a.end:b.start]
        end = min([s for s, _ in seps if s > b.start] + [y.start for y in mentions if y.start > b.start] + [len(f)])
        other = f[b.end:end].rstrip()
        if len(share) >= 2 and abs(len(share) - len(other)) <= 1 and re.fullmatch(r"[\u4e00-\u9fff\w]+", share) \
                and not cue("owner", "takes_person").search(share):
            found.append(b)
    return found


# cues that give a clause an owner with no one named in it: 大家/每人…, 我, 你, "…发我" (the senders), 他/她 (the one
# named before)
_OWNER_CUES = (("owner", "group"), ("action", "everyone"), ("owner", "me"), ("owner", "you"), ("action", "to_me"),
               ("owner", "third_person"))


def _nobody_in(f: str, people: People, lead: list[str], volunteering: bool, item_at: list[str] | None) -> bool:
    """Whether the folded sentence ``f`` can give no clause an owner, read before the owner model and its rules
    (issue 13 speed): no @ (nor a message @-addressed, a list item's @ or a "谁来…" call answered), no participant's
    name, no collective role, no word of a name's shape (:func:`may_name`) and none of ``_OWNER_CUES`` — every rule
    of :func:`_owners`, :func:`_pick` and :func:`_unsure` and every step after them in :func:`_clauses` needs one."""
    if lead or volunteering or item_at or "@" in f or "＠" in f:
        return False
    if people.pattern is not None and people.pattern.search(f) or people.roles.search(f) or may_name(f):
        return False
    return not any(has(f, *path) for path in _OWNER_CUES)


def _clauses(sentence: str, speaker: str, people: People, lead: list[str],
             spoken_to: str | None = None, asker: str | None = None, volunteering: bool = False,
             volunteer: str | None = None, item_at: list[str] | None = None, said_before: str = "",
             lead_alone: bool = False) -> list[_Clause]:
    """The sentence cut into clauses, each subject-less clause joined to the owner clause before it (or
    the first one after it); one clause per owner. A receiver ("…，9月10日前报给我") is not a second
    owner when someone else in the sentence does the work. ``volunteering``: the sentence answers a
    "谁来…" call, so an opening offer ("我来吧") makes the speaker the owner of the work after it."""
    if _nobody_in(_fold(sentence), people, lead, volunteering, item_at):
        return [_Clause(sentence)]
    vocative = _acked_vocative(sentence, speaker, people, volunteer) or _thanked_vocative(sentence, speaker, people)
    if vocative is not None:
        return [vocative]
    whole, scored = _owners(_Ctx(sentence, _fold(sentence), speaker, people, lead, spoken_to, asker, said_before,
                                 lead_alone))
    # (unless the speaker then says what they will do: "彭哥 板材我周五之前拉到楼下" is the speaker's)
    said_next = next((o.kind for _, o in scored[1:] if o.who), "")
    if whole.who and whole.kind in ("named", "assigned") and said_next != "first_person" \
            and re.match(r"^[\u4e00-\u9fffA-Za-z]{2,6}[，,\s]", sentence.strip()) \
            and not (len(set(item_at or [])) == 1 and (_fold(item_at[0]) == _fold(whole.who)  # ("茶歇 @大卫": a
                                                       or people.resolve(whole.who) is None)):  # list item, below)
        first = next((text for text, o in scored if o.who), sentence)
        return [_Clause(sentence, whole.who, whole.kind, first, whole.p)]  # "小王，你周五前把报名表收齐": one task for the person addressed
    # a clause that is only a name ("王工 插座位置我周日之前标好", voice-to-text) addresses someone: the
    # work is in the clause after it
    # (nor is a closing clause that only says each one's share, "…下禮拜五之前買好，每人夾$80": it is the terms of the
    # work before it; "每人$30，星期五之前交畀佢" goes on to tell everyone what to do with it)
    # (nor one that only says how many each gets, "…打印出来，每人一份，小钱盯着")
    parts = [_Clause(text, None if _only_names(text, people) or i == len(scored) - 1 and i and has(
        _fold(text).strip(), "owner", "share_only") or i and has(_fold(text).strip(), "owner", "each_gets")
        else o.who, o.kind, p=o.p) for i, (text, o) in enumerate(scored)]
    if volunteering and parts and parts[0].owner is None and _offer_only(parts[0].text):
        parts[0].owner, parts[0].kind, parts[0].owner_text = speaker, "first_person", parts[0].text
    _item_addressed(parts, speaker, item_at or [], people)
    _as_usual(parts, speaker, people)
    _handed_on(parts, people)
    _told_first(parts, speaker, lead)
    _paid_to_the_one_told(parts)
    _said_of_the_one_named(parts, people)
    # the receiver's own next step ("发我就行，我统一传相册") leaves the senders their to-do
    # (but "@阿Ben 队衫尺码听日之内私讯我，阿诗你帮手统计…": the member @-addressed sends it, before any other owner's
    # work is named — a to-do of their own)
    others = [i for i, c in enumerate(parts) if c.owner and c.kind not in ("to_me", "first_person")]
    if others:
        for i, c in enumerate(parts):
            if c.kind == "to_me" and not (i < others[0] and c.owner in lead and c.owner != speaker):
                c.owner, c.kind = None, ""
    owners = {c.owner for c in parts if c.owner}
    if len(owners) <= 1:
        owner_clause = next((c for c in parts if c.owner), None)
        if owner_clause is None:
            return [_Clause(sentence)]
        return [_Clause(sentence, owner_clause.owner, owner_clause.kind, owner_clause.text, owner_clause.p)]
    groups: list[_Clause] = []
    pending: list[str] = []
    for c in parts:
        if c.owner and (not groups or c.owner != groups[-1].owner):
            groups.append(_Clause("，".join([*pending, c.text]), c.owner, c.kind, c.text, c.p))
            pending = []
        elif groups:
            groups[-1].text += "，" + c.text
        else:
            pending.append(c.text)
    return groups


def _as_usual(parts: list[_Clause], speaker: str, people: People) -> None:
    """"记分牌老规矩，还是老钱做": work said to go as it always has (cue action.as_usual) to the one member the
    sentence names is theirs, when no clause has an owner yet."""
    if any(c.owner for c in parts) or not has(_fold("，".join(c.text for c in parts)), "action", "as_usual"):
        return
    named = [(c, who) for c in parts for _, _, who in people.named_in(c.text) if who != speaker]
    if len({who for _, who in named}) == 1:
        c, who = named[0]
        c.owner, c.kind, c.owner_text, c.p = who, "named", c.text, SURE_OWNER


def _paid_to_the_one_told(parts: list[_Clause]) -> None:
    """"阿Ken你负责收钱，下星期一前FPS畀你": after one member is told to do something, a clause with no
    subject that hands something to that member (给你/畀你, or 给她/给他: "小美帮大家收，周五前把名字给她") is what
    everyone else does — the group's to-do."""
    told = False
    for c in parts:
        f = _TRAILING_MARKS.sub("", _fold(c.text))
        if c.owner:
            told = c.kind in ("named", "assigned")  # (after "我帮您登记", "给您回电话" is the speaker's again)
        elif told and any(x.end() == len(f) for k in ("to_you", "to_them") for x in cue("owner", k).finditer(f)):
            c.owner, c.kind, c.owner_text = "大家", "everyone", c.text  # handed over at the end: "…FPS畀你"


def _said_of_the_one_named(parts: list[_Clause], people: People) -> None:
    """"报销单交给浩然，他周四统一送财务处": a clause with no owner that opens with 他/她 (cue owner.third_person) and
    does something is the work of the one member the clause before it names; what the others hand to that member
    in the clause before ("…周三前交给浩然") is the group's."""
    for before, c in zip(parts, parts[1:]):
        f = _fold(c.text).strip()
        if c.owner is None and cue("owner", "third_person").match(f) and _has_verb(f) and not asks(c.text):
            b = _fold(before.text)
            named = people.named_in(b)
            if len({who for _, _, who in named}) != 1:
                continue
            at, _alias, who = named[0]
            c.owner, c.kind, c.owner_text = who, "named", c.text
            if before.owner is None and cue("owner", "handed_in").search(b[:at]):
                before.owner, before.kind, before.owner_text = "大家", "everyone", before.text


def _slot_only(text: str, people: People, owner: str | None) -> bool:
    """"老方周一三五", "阿杰周六日": a name and the days it is given in a decided rota — a slot of the
    decision, with no work in it to list as a to-do."""
    f = _fold(text).strip()
    names = [(p, p + len(a)) for p, a, _ in people.named_in(f)]
    if owner and not names and _fold(owner) in f:
        at = f.find(_fold(owner))
        names = [(at, at + len(_fold(owner)))]
    if not names or not time_spans(f):
        return False
    for start, end in sorted(names + time_spans(f), reverse=True):
        f = f[:start] + f[end:]
    return not re.sub(r"[\W\d一二三四五六七日天、和跟及]", "", f)


def _timed_subject(after: str) -> bool:
    """What follows a name with no pause is a time and then work ("行，阿梅明天问清楚在群里说"): the name is the
    subject of that work, not the one the speaker answers ("好的何姐 周五前给你" pauses after the name)."""
    spans = time_spans(after)
    if not spans or spans[0][0] != 0:
        return False
    rest = after[spans[0][1]:]
    return _has_verb(rest) and not has(rest, "owner", "to_you") and not cue("owner", "self_start").match(rest)


def _acked_vocative(sentence: str, speaker: str, people: People, volunteer: str | None = None) -> _Clause | None:
    """"好的何姐 周五前给你": a reply that accepts and then names the person it answers is the sender's
    own step — the name is a vocative, not the owner — unless the rest tells that person to act
    ("好的何姐，你先把名单发我")."""
    f = _fold(sentence).strip()
    ack = cue("owner", "accepts").match(f)
    if not ack:
        return None
    rest = f[ack.end():].lstrip(" ，,。.！!~～")
    named = people.named_in(rest)
    if not named or named[0][0] != 0:
        return None
    _, alias, who = named[0]
    after = rest[len(alias):]
    if who != speaker and after[:1] in "，," and _tells_you(after) and not people.named_in(after):
        # "好的阿静，名单你周日前发群里就行", "好的李妈妈，你下周二前带他去看一下": the one answered is told to act
        return _Clause(sentence, who, "named", sentence)
    if who == speaker or not after.strip(" ，,") or cue("owner", "tell_you").search(after) \
            or people.named_in(after) or cue("owner", "acked_subject").match(after) or _timed_subject(after):
        return None  # ("好，周雨负责拍照": 周雨 is the subject — the owner model reads it)
    if who == volunteer and not cue("owner", "acked_own").search(after):
        return _Clause(sentence, who, "named", sentence)  # "我来做" — "好的晓婷，周三前出稿发群里"
    return _Clause(sentence, speaker, "first_person", sentence)


def _tells_you(after: str) -> bool:
    """Whether the words after an answered name tell that person to act: a 你 that opens them or takes a doing word
    (cue owner.tell_you), or a 你 followed by a time ("桌子你周日早上8点前搬到广场")."""
    if cue("owner", "tell_you").search(after):
        return True
    spans = time_spans(after)
    return any(after[i] in "你您" and any(start == i + 1 for start, _ in spans) for i in range(len(after) - 1))


def _thanked_vocative(sentence: str, speaker: str, people: People) -> _Clause | None:
    """"唔該阿欣，尺碼下星期三前收齊", "麻烦小周 周五前把表发我": thanks or a request, then the person it is
    said to, then work (a doing word or a deadline) — that person's to-do. Thanks alone ("谢谢阿欣，辛苦了")
    or for work already done ("多谢阿欣，已经收齐了") gives none."""
    f = _fold(sentence).strip()
    thanked = cue("owner", "thanked").match(f)
    if not thanked:
        return None
    rest = f[thanked.end():]
    named = people.named_in(rest)
    if not named or named[0][0] != 0:
        return None
    _, alias, who = named[0]
    after = rest[len(alias):]
    if who == speaker or not re.match(r"[，,\s]", after) or people.named_in(after):
        return None
    work = after.strip(" ，,")
    if not work or has(work, "action", "already") or not (_has_verb(work) or _due(work)):
        return None
    if has(work, "owner", "to_you") or cue("owner", "self_start").match(work):
        # "谢谢一帆 明早把复印件给你": the one thanked receives, the speaker does it; "谢谢老K 我带豆豆去少儿班试试":
        # what follows in the speaker's own voice is the speaker's
        return _Clause(sentence, speaker, "first_person", work)
    return _Clause(sentence, who, "assigned", sentence)


def signup_card(text: str) -> str:
    """A sign-up list (接龙) as one line: its heading and every entry, in the members' words."""
    return " ".join(x for x in (re.sub(r"^[#＃\s]+", "", line).strip() for line in text.split("\n")) if x)


def _list_deadline(parts: list[str], m: Message, event: date | None,
                   meeting: date | None) -> tuple[int, Deadline] | None:
    """The line of a task list that dates the items without a time of their own ("以上没写时间的，周五晚上8点前都弄好",
    ``cues.yaml`` action list_default_deadline), as (its index in ``parts``, its deadline), or None."""
    for n, part in enumerate(parts):
        if has(_fold(part), "action", "list_default_deadline" if n else "list_default_head"):
            found = find_deadline(cue("action", "list_head").sub("", part, count=1), m.time, m.text, event=event,
                                  meeting=meeting)
            if found is not None:
                return n, found
    return None


def _list_dated_after(actions: list[ActionItem], messages: list[Message], idx: int, spoke: dict[str, int],
                      event: date | None, meeting: date | None) -> bool:
    """"① 水果：@朵朵妈 ② 气球50个：@乐乐爸 …" — "以上东西12月29日前送到班里": the speaker's next line (within two lines
    of the list, cue ``action.list_after_deadline``) dates the list's to-dos that have no time of their own; True when
    it dated one (the line is then the list's deadline, no to-do of its own)."""
    m = messages[idx]
    if not cue("action", "list_after_deadline").match(_fold(m.text).strip()):
        return False
    last = spoke.get(m.speaker)
    listed = next((p for p in messages[max(0, idx - 2):idx] if p.id == last), None)
    if listed is None or not any(cue("action", "list_markers").search(line) for line in listed.text.split("\n")):
        return False
    due = find_deadline(cue("action", "list_head").sub("", m.text.strip(), count=1), m.time, m.text, event=event,
                        meeting=meeting)
    items = [a for a in actions if a.sources[0] == listed.id and _undated(a)]
    if due is None or due.day is None or not items:
        return False
    for a in items:
        _set_due(a, due)
        a.sources = sorted({*a.sources, m.id})
    return True


def _item_addressed(parts: list[_Clause], speaker: str, item_at: list[str], people: People) -> None:
    """"1. @阿鹏 买垃圾袋和手套，周四前买好", "② 后勤组：搭帐篷、摆桌椅，@朵朵爸": an item of a task list that @-mentions
    one member gives its work, where the clauses name no owner, to that member (outside a list an opening @ only
    says whom a reply answers)."""
    named = set(item_at)
    if len(named) != 1 or named & {speaker, "大家"} \
            or cue("owner", "group").fullmatch(_fold(item_at[0])) or _fold(item_at[0]) in _AT_ALL:
        return
    who = named.pop()
    # (the owner model found the same member only, or a name-shaped word nobody in the chat goes by: "茶歇 @大卫",
    # "无料和小卡 @糖糖" are still that member's share of the list)
    if any(c.owner and _fold(c.owner) != _fold(who) and (c.owner == "大家" or people.resolve(c.owner) is not None)
           for c in parts):
        return
    for c in parts:  # (the list gives the work: "场地布置：桌椅和投影，@晓光" needs no verb of its own)
        if not asks(c.text) and not has(_fold(c.text), "action", "already"):
            _list_assigns(c, who)


def _item_named(parts: list[_Clause], item: str, people: People) -> bool:
    """"1. 队服：老白，12月16日前下单", "5. 热饮：周阿姨", "4. 横幅：大家一起出主意": an item of a task list written as its
    work, a colon, then the one member (or the group) who takes it (cue action.item_named) is theirs when no clause
    names another owner — with no verb and no @ (outside a list "地点：老地方" names no one). Whether it gave them out."""
    found = cue("action", "item_named").match(_fold(item))
    if found is None or asks(found.group("work")):
        return False
    who = found.group("who")
    owner = "大家" if cue("owner", "group").fullmatch(who) else people.resolve(who)
    if owner is None or any(c.owner and c.owner != owner for c in parts):
        return False
    for c in parts:
        _list_assigns(c, owner)
    return True


def _list_assigns(c: _Clause, owner: str) -> None:
    """A task list's item gives the clause's work to ``owner`` (:func:`_item_addressed`, :func:`_item_named`)."""
    c.owner, c.kind, c.owner_text, c.p = owner, "assigned", c.text, max(c.p, SURE_OWNER)


def _told_first(parts: list[_Clause], speaker: str, lead: list[str]) -> None:
    """"@阿琳 要，在系统里报领，写10包，我审批": in a reply to one person @-addressed, the subject-less work
    before the speaker's own step ("我审批", "我统一交") is the addressee's."""
    mine = next((i for i, c in enumerate(parts) if c.kind == "first_person"), None)
    if mine is None or len(lead) != 1 or lead[0] in (speaker, "大家"):
        return
    for c in parts[:mine]:  # (not what is already done: "@老李 已经报修了，…，我明天去盯着" is the speaker's report)
        if c.owner is None and _has_verb(_fold(c.text)) and not asks(c.text) \
                and not has(_fold(c.text), "action", "already"):
            c.owner, c.kind, c.owner_text = lead[0], "assigned", c.text


def _handed_on(parts: list[_Clause], people: People) -> None:
    """"横幅原本是张阿姨去印，她这周回老家了，改成阿May你来": work handed on within a sentence belongs to
    the one named after 改成/换成…; the clauses from the "was" (原本/本来…) to it (the old owner, the
    reason) are one task of the new owner. Clauses before the "was" keep their own owners."""
    was, now = cue("owner", "reassigned_from"), cue("owner", "reassigned_to")
    folded = [_fold(c.text) for c in parts]
    turn = next((i for i, f in enumerate(folded) if now.search(f)), None)
    start = next((i for i, f in enumerate(folded[: (turn or 0) + 1]) if was.search(f)), None)
    if turn is None or start is None:
        return
    f = folded[turn]
    hit = now.search(f)
    after = hit.end() if hit else 0
    named = sorted((pos, who) for pos, _alias, who in people.named_in(f) if pos >= after)
    named += sorted((s, people.written(n, n)) for s, _e, n in name_shaped(f) if s >= after and not n.isascii())
    # a person right after 改成: a date or a thing changed ("本来周六，改成周日", "原来是JPG，换成AVIF") is no handing on
    if not named or named[0][0] - after > 1:
        return
    handed = parts[turn]
    handed.owner, handed.kind = named[0][1], "named"
    handed.text = "，".join(c.text for c in parts[start : turn + 1])
    parts[start : turn + 1] = [handed]


def _only_names(text: str, people: People) -> bool:
    """Whether ``text`` says nothing but participants' names and @names (a vocative on its own)."""
    f = people.at.sub(" ", _fold(text))
    for _, alias, _who in people.named_in(f):
        f = f.replace(alias, " ")
    for start, end, _name in reversed(name_shaped(f)):  # 王工, 刘姐: people not (yet) in the chat
        f = f[:start] + " " + f[end:]
    return not _NON_WORD.sub("", f)


def _task(text: str, m: Message, people: People, context: dict[str, Message], asker: str | None = None) -> str:
    """The task as written; a reply's task names what it replies to (我明天上午去现场盯着 → about the lift),
    also a reply with no @ to the question just asked ("可以，我整理一下，这周内发群里")."""
    task = _ungreeted(_clean(text)).rstrip("：: ")  # ("① 水果：@朵朵妈": the matter, not its colon)
    lead = people.lead(m.text) or ([asker] if asker else [])
    # (work given to the one addressed, "@小林 你下周三前把大纲发我", answers none of their questions)
    if lead and lead[0] in context and not has(_fold(text), "action", "given_due"):
        about = _clean(context[lead[0]].text)
        # (said to no one, one's own dated work on none of the words or the form of the question just before it
        # replies to nothing: "海报谁来设计？" — "我明天把签到表打印好")
        if not people.lead(m.text) and _own_work(text) and not relevant(about, text) and not _in_form(about, text):
            return task
        if not relevant(task, about) or len(task) < 12:
            short = about if len(about) <= 50 else about[:30] + "…" + about[-20:]  # what it is about, what it asks
            task += _REPLY_NOTE.format(who=lead[0], about=short)
    return task


_REPLY_NOTE = "（回复{who}：{about}）"
_TAKEN_NOTE = "（接手{who}：{about}）"  # work a member took over from one who gave up their own promise
_REPLY_LABEL = re.compile(r"（回复[^：）]{1,30}：|）")
_REPLY_NOTE_RE = re.compile(r"（回复[^）]*）")


def bare_task(task: str) -> str:
    """A to-do's words without the note of what it replied to ("（回复王哥：…）")."""
    return _REPLY_NOTE_RE.sub("", task)


def _unnamed_tasks(a: ActionItem, b: ActionItem) -> tuple[str, str]:
    """The two tasks' words without the label of what each replies to and without either owner's name — what two
    to-dos are compared by."""
    names = sorted(_owner_names(a.owner) | _owner_names(b.owner), key=len, reverse=True)

    def unnamed(task: str) -> str:
        task = _REPLY_LABEL.sub(" ", task)
        for name in names:
            task = task.replace(name, " ")
        return task

    return unnamed(a.task), unnamed(b.task)


def _same_task(a: ActionItem, b: ActionItem) -> bool:
    # the label of what a task replies to is no common ground ("宪法我负责（回复Jenny：…）" and "我明天去预约
    # （回复小安：…）" are two), what it replies to is
    # (nor is the owner's own name: "小马带两个新球" and "赛后收拾场地：小马、猴子" are two)
    return _relevant_task(*_unnamed_tasks(a, b)) and (
        a.deadline is None or b.deadline is None or a.deadline == b.deadline or a.deadline[:10] == b.deadline[:10])


_JOIN = "；"  # how _merge joins the parts of one to-do ("a；b；…")


class _TaskWords(NamedTuple):
    """What :func:`relevant` reads of a question for its common ground, kept for a to-do's joined text: its asked words,
    its 2-character runs, and the first and last letter or digit (the run across a join)."""
    asked: frozenset[str]
    bigrams: frozenset[str]
    first: str
    last: str

    def then(self, part: _TaskWords) -> _TaskWords:
        """These words followed by ``part``'s, as of the two texts joined with ；."""
        across = frozenset({self.last + part.first}) if self.last and part.first else frozenset()
        return _TaskWords(self.asked | part.asked, self.bigrams | part.bigrams | across, self.first or part.first,
                          part.last or self.last)


@lru_cache(maxsize=16384)
def _part_words(part: str) -> _TaskWords | None:
    """:class:`_TaskWords` of one part of a to-do (no ；), or None when it holds an @ (a mention may run on past a ；)."""
    f = _fold(part)
    if re.search(_AT, f):
        return None
    letters = "".join(ch for ch in f if ch.isalnum())
    return _TaskWords(_asked_words(part, True), _content_bigrams(part), letters[:1], letters[-1:])


_JOINED_WORDS: dict[str, _TaskWords | None] = {}  # a to-do's joined text → its words (one more part each merge)


def _joined_words(task: str) -> _TaskWords | None:
    """:class:`_TaskWords` of a to-do's text joined from parts with ；, read part by part: folding and jieba's cut never
    join across a ； (a block of its own), so the text's words are its parts' and its runs theirs plus the one across
    each join. The text one part shorter is usually known from the merge before: each merge reads only its new part,
    not the whole text again (a long export's to-do grew to thousands of characters, re-cut at every merge)."""
    known = _JOINED_WORDS.get(task)
    if known is not None or task in _JOINED_WORDS:
        return known
    cut = task.rfind(_JOIN)
    head = _JOINED_WORDS.get(task[:cut], False) if cut >= 0 else False
    if head is False:
        out: _TaskWords | None = None
        for n, part in enumerate(task.split(_JOIN)):
            w = _part_words(part)
            if w is None:
                out = None
                break
            out = w if n == 0 else out.then(w)  # type: ignore[union-attr]
    else:
        tail = _part_words(task[cut + 1:])
        out = None if head is None or tail is None else head.then(tail)
    if len(_JOINED_WORDS) >= 4096:
        _JOINED_WORDS.clear()
    _JOINED_WORDS[task] = out
    return out


def _relevant_task(task: str, other: str) -> bool:
    """``relevant(task, other)`` for a to-do's task, which merging joins from parts ("a；b；…"): a joined task that shares
    words with ``other`` is read from its parts' words (:func:`_joined_words`) instead of cutting the whole text again;
    the rest (no ；, an @ in it, or no words in common) is :func:`relevant` itself."""
    if _JOIN in task:
        joined = _joined_words(task)
        if joined is not None and _shares_content(joined.asked, joined.bigrams, other, True):
            return True
    return relevant(task, other)


def _owner_names(owner: str | None) -> set[str]:
    """The people of an owner as written (小王和小李 → 小王, 小李)."""
    return {p for p in cue("owner", "joined_by").split(owner or "") if p}


def _merge(actions: list[ActionItem], new: ActionItem, speaker_of: dict[int, str] | None = None,
           horizon: int = 12, calls: dict[int, str] | None = None) -> None:
    """One to-do per owner and task: "阿輝你負責買" and 阿輝's own "收到，下星期五之前一定買齊" are one."""
    a = _merge_target(actions, new, speaker_of, horizon, calls)
    if a is None:
        actions.append(new)
        return
    mine, theirs = _owner_names(a.owner), _owner_names(new.owner)
    if len(theirs) > len(mine):
        a.owner = new.owner
    if _fold(new.task) not in _fold(a.task):
        a.task = f"{a.task}；{new.task}"
    # (the one asked answering with a "…前" of their own: "12月10号第二期…可以吗" — "没问题，下周一前我先把样品图发给你"
    # is due by 下周一, the question's plain date is the event's)
    answered = a.deadline is not None and new.deadline is not None and (speaker_of or {}).get(new.sources[0]) == new.owner \
        and (speaker_of or {}).get(a.sources[0]) not in (None, new.owner) and new.deadline[:10] != a.deadline[:10] \
        and (_due(_fold(new.deadline_text or "")) and not _due(_fold(a.deadline_text or ""))
             or asks(bare_task(a.task)))  # ("周五前能搞定吗" — "周日吧": the answer's time is agreed)
    # (a "…前" the giver sets for work someone took on with a plain day: "我来，下周三我没事" — "@小陈 你下周二下午前到护士站领"
    # is due by 下周二; the plain day is when they go)
    due_set = a.deadline is not None and new.deadline is not None and new.deadline[:10] < a.deadline[:10] \
        and _due(_fold(new.deadline_text or "")) and not _due(_fold(a.deadline_text or ""))
    if new.deadline is not None and (a.deadline is None or answered or due_set or (  # "周六晚上" then "周六晚上9点前": the closer time
            len(new.deadline) > len(a.deadline) and new.deadline.startswith(a.deadline[:10]))):
        a.deadline, a.deadline_text = new.deadline, new.deadline_text
    a.deadline_text = a.deadline_text or new.deadline_text
    a.sources = sorted(set(a.sources + new.sources))


def _merge_target(actions: list[ActionItem], new: ActionItem, speaker_of: dict[int, str] | None = None,
                  horizon: int = 12, calls: dict[int, str] | None = None) -> ActionItem | None:
    """The to-do already listed that ``new`` is part of (same owner and task, the reply taking it on, or
    the assignment of work someone volunteered for: ``calls`` maps a volunteer's message to the "谁来…" call
    it answered, so "我来 我奶奶家有藤椅" and "道具小雨负责，12月10号前" after "道具那块谁来弄" are one)."""
    for a in reversed(actions):
        gap = new.sources[0] - a.sources[-1]
        if gap > horizon * 3:
            continue  # (the to-dos of a long export are many: the cheap test first)
        same_day = a.deadline is not None and new.deadline is not None and a.deadline[:10] == new.deadline[:10]
        if gap > (horizon * 3 if same_day else horizon):
            continue
        # "好的，我明天发" right after the request it answers is the same to-do, whatever its words
        asked_by = (speaker_of or {}).get(a.sources[0])
        # (a longer one too when it opens by accepting and gives its own "…前", or a day no later than the "…前" asked:
        # "没问题，下周一前我先把档案模板发给你"; "好的没问题我今天晚上碰到物业经理就问" to a "明晚之前")
        sooner = new.deadline is not None and a.deadline is not None and new.deadline[:10] <= a.deadline[:10] \
            and _due(_fold(a.deadline_text or ""))  # (a due asked for, not the day of the event the work is for)
        reply = ((len(re.sub(r"\W", "", new.task)) <= 16 or cue("owner", "accepts").match(_fold(new.task).strip()) is not None
                  and (_due(_fold(new.deadline_text or "")) or sooner))
                 and new.sources[0] - a.sources[-1] <= 4
                 and asked_by is not None and asked_by != new.owner
                 and (speaker_of or {}).get(new.sources[0]) == new.owner  # the person asked, answering
                 # (not a line taking on what follows from another message: "流动书车下周二来" — "那书单我来整理")
                 and not cue("action", "then_take").match(_fold(new.task).strip())
                 # (not the volunteer's next line after answering a call: "我有，我揸车带去" … "我聽日打電話問…")
                 and a.sources[-1] not in (calls or {}))
        mine, theirs = _owner_names(a.owner), _owner_names(new.owner)
        # "道具妳負責可以嗎？4/20前把清單丟群組": the role asked for and its work with a time, in one message, are one
        asked_then_told = a.sources == new.sources and a.deadline is None and new.deadline is not None \
            and has(_fold(a.task), "action", "request_tag")
        # "阿杰：我可以" and "横幅就是阿杰和小美" are one to-do, now for both
        if (a.owner == new.owner or (mine & theirs and (mine <= theirs or theirs <= mine))) \
                and (_same_task(a, new) or reply or not _apart(a, new)
                     and (asked_then_told or _ratifies(a, new, speaker_of, calls))):
            return a
    return None


def _apart(a: ActionItem, b: ActionItem) -> bool:
    """Whether two to-dos of one person are two by their times: both dated, on different days or on one day at different
    hours, and their work shares no words ("我来，周三晚上我把签到表打印好" and, given after that offer, "@小何 你负责带5台
    血糖仪，周五前到护士站领"; "12点前订好盒饭" and "18点到场收拾") — then work given after an offer is no part of it (merging
    kept only the older one's time). A reply's own time is not read this way: "没问题，周四晚上发你" stays the answer to
    "你来设计一下海报，周五给我"."""
    if a.deadline is None or b.deadline is None or a.deadline == b.deadline:
        return False
    if a.deadline[:10] == b.deadline[:10] and (len(a.deadline) <= 10 or len(b.deadline) <= 10):
        return False  # ("周六晚上" and "周六晚上9点前": one time, the closer)
    return not _relevant_task(*_unnamed_tasks(a, b))


def _ratifies(a: ActionItem, new: ActionItem, speaker_of: dict[int, str] | None, calls: dict[int, str] | None) -> bool:
    """Whether ``new``, work given to ``a``'s owner by someone else a few messages after that owner
    volunteered in ``a`` (answering a call), gives the work the call asked for."""
    if not calls or not speaker_of or speaker_of.get(new.sources[0]) in (None, new.owner) \
            or new.sources[0] - a.sources[-1] > int(raw("action", "ratify_window")):
        return False
    if new.sources[0] - a.sources[-1] <= int(raw("action", "ratify_next")) \
            and any(x in calls and speaker_of.get(x) == a.owner for x in a.sources):
        task = _fold(new.task)
        # (not work told to them as more: "好，豆豆你再把桌布洗干净" is a task of its own)
        if not cue("owner", "you").search(task):
            return True  # the next line confirming the offer ("我来做" — "好的晓婷，周三前出稿") is its time
        # the caller's yes that then tells the volunteer how or when ("谁来借？" — "我" — "好，老胡你前一天去拿回来"): the work
        # the call asked for, unless it gives more (再/另外…)
        if speaker_of.get(new.sources[0]) == speaker_of.get(a.sources[0]) \
                and cue("owner", "accepts").match(task.strip()) and not has(task, "action", "more_work"):
            return True
    return any(x in calls and speaker_of.get(x) == a.owner and _same_work(calls[x], new.task) for x in a.sources)


def _has_verb(f: str) -> bool:
    """An action verb of ``cues.yaml``, or 把 + what is done ("你去仓库把帐篷清点一下")."""
    return bool(cue("action", "verbs").search(cue("action", "verb_not").sub(" ", f))) \
        or any(cue("action", "disposal").match(f[i:]) for i in range(len(f)) if f[i] == "把")


_WILL = re.compile("我(?:" + "|".join(re.escape(str(w)) for w in raw("action", "first_person_future")) + ")")
SURE_OWNER = 0.8  # a named owner this sure needs no other sign that the clause is a task
# the sentence classifier's probabilities the to-do and decision rules read (``resources/notes/thresholds.yaml``):
# they belong to the shipped model and are re-set on the readable eval sets whenever it is retrained
COMMITS = kind_threshold("commits")  # commitment from which a subjectless line with a "…前" is a promise
_PAST = cue("patterns", "past")


def _warning_action(clause: _Clause, m: Message, people: People, context: dict[str, Message], asker: str | None,
                    spoke: dict[str, int], event: date | None, meeting: date | None) -> ActionItem | None:
    """"@阿强 煤气罐千万别放在帐篷里面": what the member warned (:func:`_warned`) must not do is their to-do."""
    warned = None if clause.owner and clause.kind != "named" else _warned(clause, m, people, context, asker, spoke)
    if warned is None:
        return None
    deadline = _clause_deadline(clause, clause.text, m, False, event, meeting, conditional=False)
    # (no "回复X：…" note: told what not to do, the member is not being answered)
    return ActionItem(task=_task(clause.text, m, people, {}, None), owner=warned, deadline=deadline.iso if deadline else None,
                      deadline_text=deadline.text if deadline else None, sources=[m.id])


def _warned(clause: _Clause, m: Message, people: People, context: dict[str, Message], asker: str | None,
            spoke: dict[str, int]) -> str | None:
    """The one member a safety instruction is put to: ``clause`` (with no owner of its own) opens ``m`` by
    @-mentioning a single participant other than its speaker and forbids a doing (cue action.warning: "@阿强 煤气罐千万别
    放在帐篷里面", "@小德兰 收银的时候不要收外币") — not a question, not about posting in the group (action.chat_conduct:
    "@刘经理 不要在群里发这个" is a reprimand), and not the answer to that member's own question (their last line asks
    about what it says and the speaker has not spoken since, ``context`` and ``spoke``: "@小鱼 别直接降价" answers how
    to price — advice, not work)."""
    lead = _warned_lead(clause, m, people)
    if len(lead) != 1 or lead[0] == m.speaker or lead[0] not in people.speakers:
        return None
    if has(_fold(clause.text), "reply", "back_reference"):
        return None  # "@橙子 刚才漏看了，…别换来换去": a late answer to their question
    last = context.get(lead[0])  # (their last question)
    about = last is not None and relevant(last.text, clause.text)
    if about and spoke.get(m.speaker, -1) < last.id or asker == lead[0] and (last is None or about):
        # (the speaker's first line since that question, or a reply to its asker about it: its answer — a warning
        # about something else, put to one who has just asked, is still theirs to heed)
        return None
    forbids = _forbids(clause.text)
    if forbids is None or is_question(clause.text) \
            or len(re.findall(r"[\u4e00-\u9fff]", forbids.string[forbids.end():])) < 2:  # (the doing forbidden follows)
        return None
    return lead[0]


def _warned_lead(clause: _Clause, m: Message, people: People) -> list[str]:
    """Who ``clause`` is put to: the @mentions opening ``m`` when the clause opens with them, or — the @ stripped by
    a copy or a voice input — the one participant whose bare name opens both the message and the clause, the
    clause's owner by name ("阿强 你千万别一个人搬", "阿强，搬的时候别…")."""
    lead = people.lead(m.text)
    if lead:
        return lead if _LEAD_MENTIONS.match(clause.text) else []
    if clause.kind != "named" or not clause.owner:
        return []
    opening = [(at, who) for at, _, who in people.named_in(clause.text) if at == 0]
    starts = _fold(m.text).strip().startswith(_fold(clause.text).strip()[:4])
    return [clause.owner] if starts and opening and opening[0][1] == clause.owner else []


def _handed(clause: _Clause, m: Message) -> bool:
    """Work handed to the one named or assigned: "X你来/你去/你负责 + doing" (cue action.you_take, "@小潘 调音台你来租吧") or
    said to go as it always has (action.as_usual, "记分牌老规矩，还是老钱做")."""
    return clause.kind in ("named", "assigned") and (has(_fold(clause.text), "action", "you_take")
                                                     or has(_fold(m.text), "action", "as_usual"))


class _LazyKind:
    """:func:`sentence_kind` of a text, read on the first ``kind[label]``: most clauses leave :func:`_action_from`
    before any branch asks the classifier (no owner and no time), so their first read of it is never paid."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __getitem__(self, label: str) -> float:
        return sentence_kind(self.text)[label]


def _action_from(clause: _Clause, m: Message, people: People, context: dict[str, Message],
                 homework: bool, event: date | None = None, meeting: date | None = None,
                 asker: str | None = None, informs: bool = False, spoke: dict[str, int] | None = None) -> ActionItem | None:
    """The to-do of ``clause`` in ``m``, or None (``spoke``: each speaker's last message id so far); ``informs``: ``m`` answers a question that asked for a fact, not for
    work of its speaker ("出发前还有培训吗" — "出发前会安排两次线上试讲"), so a line with no subject tells what
    will happen rather than promising it — unless it tells the members to sign up ("要4个人，周五前在群里接龙报名")."""
    f = _fold(clause.text)
    if _only_an_ack(f, people) or cue("summary", "sign_off").match(f) or _not_ours(clause, m, f, homework):
        return None  # "收到 6:40", "收到会长": an acknowledgement, whatever name or time it repeats; "好，今天问答先到这"
    # "谁要是参加，周五前接龙" (the group's), "要是周六下雨 我把雨棚带上" (the speaker's, for the case named)
    early = (None if clause.owner else _whoever(clause.text, m, event, meeting)) \
        or _conditional_promise(f, clause, m, people, context, asker, event, meeting) \
        or (None if homework else _warning_action(clause, m, people, context, asker, spoke or {}, event, meeting))
    if early is not None:
        return early
    owner = _group_or_called(clause, m, people, homework)
    # (a remark glued on after the owner's own clause does not undo it: "队费的账我会整理一下发群里，有问题打我电话…")
    glued = _fold(clause.owner_text) if clause.kind == "first_person" and clause.owner_text else ""
    rest = f.replace(glued, " ") if glued else f
    # (nor does a remark set apart by a pause undo the speaker's own promise beside it: "我妈以前是裁缝，服装交给我吧")
    if (has(glued, "action", "not_a_task") and not _reason_then_promise(glued, rest)
            or has(rest, "action", "not_a_task") and not (
            glued and (cue("action", "contact_remark").search(rest) or cue("action", "reason_remark").search(rest)))) \
            and not _promise_beside_remark(clause, f, m.speaker, people) \
            or _slot_only(clause.owner_text or clause.text, people, clause.owner):
        return None
    at = clause.text.find(clause.owner_text) if clause.owner_text else -1
    promise = clause.text[:at + len(clause.owner_text)] if at >= 0 else clause.text
    # a condition the group is told to act on ("各位家长看完没有问题的话这周内在群里回个1") is its to-do
    ifs = list(cue("action", "hypothetical").finditer(f))
    then = f[ifs[-1].end():] if ifs else ""
    group_if = clause.kind == "everyone" and _has_verb(then) and _due(then)
    if has(_fold(promise), "action", "hypothetical") and not group_if and not _assigned_before_if(_fold(promise), clause):
        return None
    # the time of the promise, not of what happens if it fails ("…修不好的话明天换一台")
    timed = then if group_if else promise if ifs else clause.text
    kind = _LazyKind(clause.text)  # (the classifier is read only by the branches that ask it)
    owner_part = clause.owner_text or clause.text
    # "阿福你晚上能帮我送一下12栋吗": a request put as a question gives the work to the one asked
    request = clause.kind in ("named", "assigned") and (has(f, "action", "request") or has(f, "action", "request_tag"))
    # (the group's part that names what to report by a deadline asks nothing: "每家几个人，明晚8点前报一下")
    reports = bool(_report_request(f))
    if asks(owner_part) and clause.kind != "first_person" and not request and not reports \
            or asker not in (None, m.speaker, clause.owner) and has(f, "action", "alternative"):
        # a question is not an assignment (the classifier alone does not make one); another way offered in an answer
        # ("…，或者晚上6点前去看一眼", cue action.alternative) is advice, however it is timed
        return None
    # something to do: an action verb, or a doer the owner model is sure of, or a doer and a time, or
    # the speaker's "我来/我去/我负责…" (登记以后我来管: 管 is in no verb list)
    # (or someone named told "X你来/你去/你负责 + doing": "@小潘 调音台你来租吧", whatever the verb)
    handed = clause.owner is not None and _handed(clause, m)
    doing = _has_verb(f) or clause.p >= SURE_OWNER or handed \
        or clause.kind == "first_person" and bool(_WILL.search(f) or has(f, "action", "later_promise")
                                                     or has(f, "action", "claims"))
    # homework is due at the time it names ("下周二上课我检查"), whatever follows that time
    # (with nothing to do and no doer a time makes no to-do: such a clause is not read for one)
    deadline = _clause_deadline(clause, timed, m, homework, event, meeting, conditional=bool(ifs)) \
        if doing or clause.owner else None
    if not (doing or clause.owner and deadline is not None):
        return None
    if deadline is None and _brings_share(clause, m, event):  # "我带素饺子 50个": due on the event day
        return ActionItem(task=_task(clause.text, m, people, context, None), owner=m.speaker,
                          deadline=event.isoformat() if event else None, deadline_text="活动当天", sources=[m.id])
    marked = deadline is not None and deadline.marked
    future = deadline is not None and deadline.day is not None and m.time is not None and deadline.day > m.time.date()
    replying = bool(_LEAD_MENTIONS.match(m.text)) or bool(cue("action", "reply_openers").match(_fold(m.text)))
    told = has(f, "action", "imperative") or (marked and not replying and kind["commitment"] < COMMITS and not asks(clause.text))
    # "@住户-阿伟 梯子周四前找物业借出来": work with a "…前" put to the one member the line opens by calling is theirs
    owner = _put_to(clause, m, people, context, spoke or {}, owner, marked) or owner
    if owner is None and future and told and not has(f, "action", "advice"):
        # "记得明天带身份证", "管理费3月15日前交到副园长那里": the group is told (a notice with a
        # "…前" deadline and no one named is not the speaker's own promise unless it reads as one) —
        # unless the message opens by calling one member ("苗苗，15号前盘点一下仓库"): then it is theirs
        # (or to the members a stretch right before the told part calls by name: "已经考过科目二的大刘、小何，25号前完成")
        owner = "、".join(_called_list(clause.text, m.speaker, people)) or _vocative(m, people) or "大家"
    elif owner is None:
        # no subject, a "…前" deadline and a promise, said as a reply: the speaker's own
        # (收到，新的配件下周一前换好 / 是的，北门路灯这周五之前装好)
        short = len(re.sub(r"\W", "", f)) <= 14  # "好的，后天发你": a short reply is a promise, a long one advice
        # ("@阿酿 分两次…第二次冷藏前两天": a "…前" anchored on a step of the method, no day in a dated chat, tells
        # when to do it — an answer, not the speaker's due date)
        step_only = deadline is not None and deadline.day is None and m.time is not None
        if not (marked and not step_only and (kind["commitment"] >= COMMITS or replying and not (informs and not has(f, "action", "members_sign_up")))
                or replying and short and deadline is not None
                or future and _self_paced(f)) or is_question(clause.text) or has(f, "action", "advice"):
            return None  # (a question by its words or by the classifier: "周末谁约" takes nothing on)
        # ("要6个志愿者，周五前在群里接龙报名": signing up is what the members do, not the one answering)
        owner = "大家" if marked and has(f, "action", "members_sign_up") else m.speaker
    elif clause.kind in ("everyone", "to_me") and not marked and not homework and not (
            future and (has(f, "action", "imperative") or clause.kind == "to_me" and owner != "大家")):
        # "钱交给我", "每周六晚8点有分享" with no "…前": a reminder or a notice, not a task — but one person
        # asked to hand something over on a coming day owes it ("@阿杰 明天把钥匙给我")
        return None
    elif _told_not_given(clause, owner, m.speaker, asker, f, marked or homework) \
            or _answer_term(clause, owner, m.speaker, asker, f, deadline):
        return None
    elif clause.kind in ("named", "assigned") and not marked and not homework and (
            clause.p < SURE_OWNER and kind["other"] >= kind_threshold("named_remark") and not _pending(f) and not handed
            or asks(clause.text) and not request
            or has(f, "action", "advice") and not _has_verb(_fold(owner_part))
            or has(f, "action", "suggests") and not handed
            or has(_fold(owner_part).strip(), "action", "told_not_to")):
        # ("车上不要吃早饭，老徐新车": a rule told to all, the one named only in the reason for it; "刘经理不要在群里发这个":
        # someone told not to do something is given no work)
        # "老吴这种一看就是谣言": someone named in a remark, not given work; "周老师 拉坯老是偏 是手的问题还是泥的
        # 问题": someone asked a question (however sure the owner model is of the name), not given work
        return None
    elif clause.kind == "first_person" and (_done_only(f, deadline) or is_question(owner_part) or _routine(f, deadline)
                                            or _asks_after(clause.text, owner_part, deadline) or _role_only(f, deadline) or deadline is None and (
            kind["commitment"] < kind_threshold("first_person_commits") and not _part_commits(f)
            and not has(f, "action", "later_promise")
            and not has(f, "action", "claims") and not _will_do(f) or has(f, "action", "tentative") or asks(owner_part) or asks(clause.text[:max(0, clause.text.find(owner_part))]))):
        return None  # "我会看的", "那我先带她去试听一节", "我报了500": a reply, a plan or the past
    # "可以，我整理一下" answers the question just asked: the task names it
    about = asker if clause.kind == "first_person" or owner == m.speaker else None
    deadline = _own_matter(deadline, timed)
    return ActionItem(task=_task(clause.text, m, people, context, about), owner=owner,
                      deadline=deadline.iso if deadline else None,
                      deadline_text=deadline.text if deadline else None, sources=[m.id])


def _part_commits(f: str) -> bool:
    """Whether the last part of the folded first-person clause ``f``, set apart by a pause, is the speaker's own
    promise the classifier reads as one on its own, though the whole clause reads below it, and every part before
    it is only an acknowledgement (``reply.acks``: "好，签到表我自己印") or why the speaker can do it (``action.
    reason_remark``, ``action.have_remark``: "书架不够的话我家有两张折叠桌，我开车拉过去"): the 我-part
    (``action.first_person``) with no remark cue (``action.not_a_task``), asking nothing. A reservation after the
    promise ("…我可以帮忙，不过要等6月份"), a report before it ("定了香槟色的，链接我私发") or the members told to
    come to the speaker (``action.ask_me``: "对，找我登记就行") keeps the whole clause's reading."""
    *before, promise = [part.strip() for part in _PAUSES_ONLY.split(f) if part.strip()] or [""]
    return bool(before) and all(cue("reply", "acks").match(part) or has(part, "action", "reason_remark")
                                or has(part, "action", "have_remark") for part in before) \
        and bool(cue("action", "first_person").search(promise)) and not has(promise, "action", "not_a_task") \
        and not has(promise, "action", "ask_me") and not is_question(promise) \
        and sentence_kind(promise)["commitment"] >= kind_threshold("first_person_commits")


def _promise_beside_remark(clause: _Clause, f: str, speaker: str, people: People) -> bool:
    """A first-person clause (folded ``f``) one of whose parts between pauses is the speaker's own promise with no
    remark cue of its own (``action.not_a_task``): a first-person part (``action.first_person``: not 我以前/我一般/我想…)
    that asks nothing and that the task model takes for a to-do ("算我一盏60的，我明天转", "我妈以前是裁缝，服装交给我吧").
    The remark beside it (a sign-up, a reason, an opinion) does not undo it; a question beside it does not make it a
    promise either: "我明天去花鸟市场买鱼，有没有人一起😄" asks who comes along on the speaker's own outing."""
    if clause.kind != "first_person" or clause.owner != speaker:
        return False
    parts = [part for part in _PAUSES_ONLY.split(f) if part.strip()]
    if any(is_question(part) for part in parts):
        return False
    return any(not has(part, "action", "not_a_task") and cue("action", "first_person").search(part)
               and not not_a_task(part, speaker, people) for part in parts)


def _not_ours(clause: _Clause, m: Message, f: str, homework: bool) -> bool:
    """A clause with no member for its doer that tells what an outside party will do ("学校说…下周二前给正式回复") or
    how their process works ("活動中心要提前兩週申請喔"): no to-do of the group's (folded ``f``)."""
    return clause.owner is None and not homework and (_outside_party(clause, m) or _lead_time_only(f))


def _outside_party(clause: _Clause, m: Message) -> bool:
    """Whether ``clause`` tells what an outside party (an organisation or place, not a member) said it will do
    ("学校说礼堂1月9日上午可以借，下周二前给正式回复", "活動中心說下週三前回覆"): the report (cue ``action.outside_said``)
    stands in the message before the clause's end and nothing after it puts work on us (cue ``action.outside_asks_us``:
    "物业说让大家周五前把车挪走" is ours; "维保公司说明天上午到，我明天去盯着" is the speaker's)."""
    whole = _fold(m.text)
    at = whole.find(_fold(clause.text))
    end = len(whole) if at < 0 else at + len(clause.text)
    reports = list(cue("action", "outside_said").finditer(whole, 0, end))  # the last report before the end counts
    return bool(reports) and not cue("action", "outside_asks_us").search(whole, reports[-1].end(), end)


def _lead_time_only(f: str) -> bool:
    """A clause that states a lead time ("活動中心要提前兩週申請喔", "订车要提前三天": how long before, cue
    ``action.lead_time``) with no doer and no 我/你/大家 (folded ``f``): a rule of the process, a fact — not a to-do."""
    return bool(cue("action", "lead_time").search(f)) and not cue("action", "outside_asks_us").search(f)


def _will_do(f: str) -> bool:
    """"我会把画架搬到南门", "我要把路线图打印出来", "我会带两筒球过去": in the folded text ``f`` a 我 followed by a modal of
    intent and concrete work (cue owner.will_do) — a promise with no time; "我会游泳", "我会开车吗" say what one can do."""
    return any(cue("owner", "will_do").match(f, me.end()) for me in cue("owner", "me").finditer(f))


def _reason_then_promise(glued: str, rest: str) -> bool:
    """The speaker's 我-part only tells why they can do it ("我认识一家", cue ``action.reason_remark``) and the rest of
    the clause is the work with a "…前" time ("能，我认识一家，周四前问好价格"): the reason does not undo the promise
    (folded texts: ``glued`` the 我-part, ``rest`` the clause without it)."""
    reason = cue("action", "reason_remark").search(glued)
    return reason is not None and not has(glued[:reason.start()] + glued[reason.end():], "action", "not_a_task") \
        and _has_verb(rest) and _due(rest)


def _put_to(clause: _Clause, m: Message, people: People, context: dict[str, Message], spoke: dict[str, int],
            owner: str | None, marked: bool) -> str | None:
    """The one member a doing with a "…前" deadline (``marked``) and no doer of its own (``owner``) is put to: ``m``
    opens by @-mentioning a single member other than its speaker and says the work with no 你 and no 我 but one that
    receives ("@住户-阿伟 梯子周四前找物业借出来", "@阿凯 发版公告发版前一天写好发我") — not a reply opening with a yes
    ("@阿明 收到，明天前弄好" is the speaker's promise), not a question, advice or what is already done, and not the
    answer to that member's own question (their last question is about it and the speaker has not spoken since).
    Without a "…前" such a line is as often a tip as work ("@李阿姨 明天菜市场鸡蛋打折 早点去"): it is left to the
    other rules."""
    if not marked or owner is not None and clause.kind != "to_me":
        return None  # (a subject-less clause, or one whose 我 only receives, with a "…前" deadline)
    lead = people.lead(m.text)
    if len(lead) != 1 or lead[0] in ("大家", m.speaker):
        return None
    f, whole = _fold(clause.text), _fold(m.text)
    after = _LEAD_MENTIONS.sub("", whole, count=1).strip()
    # (a 我 that only receives is no doer: "@阿凯 发版公告发版前一天写好发我")
    if not _has_verb(f) or cue("owner", "me").search(cue("action", "to_me").sub(" ", whole)) \
            or cue("owner", "you").search(whole) \
            or cue("owner", "accepts").match(after) or cue("action", "reply_openers").match(after) \
            or has(f, "action", "already") or cue("action", "finished").search(f) \
            or is_question(clause.text) or has(f, "action", "advice"):
        return None
    last = context.get(lead[0])  # (their last question)
    if last is not None and spoke.get(m.speaker, -1) < last.id and relevant(last.text, clause.text):
        return None
    return lead[0]


def _routine(f: str, deadline: Deadline | None) -> bool:
    """"我周二值班 8点才下班", "我上班晚回来天天被收": the speaker's own routine or what keeps happening to them (cue
    personal.routine) — a constraint or a complaint, no work taken on; its hour is when their day ends, no due time.
    A "…前" deadline still promises ("我每天7点才下班，周五前把表发群里")."""
    return not (deadline is not None and deadline.marked) and has(f, "personal", "routine")


def _answer_term(clause: _Clause, owner: str | None, speaker: str, asker: str | None, f: str,
                 deadline: Deadline | None) -> bool:
    """A clause of an answer to ``asker``'s question that only states the terms the request comes with: a condition
    put to the asker ("不收钱，但稿子要提前三天发我过目", cue action.answer_terms; not when it turns to them with 你),
    or a line whose 我 only receives ("发票拍照给我报销", cue action.to_me) with no time and no promise of the speaker's."""
    if not asker or asker == speaker:
        return False
    if owner == asker and has(f, "action", "answer_terms") and "你" not in f:
        return True
    return clause.kind == "first_person" and deadline is None and has(f, "action", "to_me") \
        and not _WILL.search(f) and not has(f, "action", "later_promise")


def _asks_fact(question: str, answer: Message) -> bool:
    """Whether ``question`` (just before ``answer``) asks for a fact rather than for work of the one answering: it
    makes no request ("能帮我…吗", "…可以吗"), says no 你/您 and does not name them, and the answer opens with no
    yes ("好的，…", "可以，…": taking something on)."""
    f = _fold(question)
    return not (has(f, "action", "request") or has(f, "action", "request_tag") or has(f, "owner", "you")
                or any(a in f for a in aliases(answer.speaker))
                or cue("action", "reply_openers").match(_fold(_LEAD_MENTIONS.sub("", answer.text))))


def _asks_after(text: str, owner_part: str, deadline: Deadline | None) -> bool:
    """"我周五要去4S店保养，周五那天8点班改成8:15出发行不行": after the speaker's own clause, the last part asks the
    group (a change put up for a yes or no) and holds the time found — a question, not a promise with that time
    ("我明天上午打电话订位置，订12个钓位够不够" keeps the promise: its time is its own)."""
    at = text.find(owner_part)
    rest = text[at + len(owner_part):] if at >= 0 and owner_part != text else ""
    last = next((p for p in reversed(re.split(r"[，,；;。\s]+", rest)) if p), "")
    return bool(last) and asks(last) and deadline is not None and _fold(deadline.text) in _fold(last)


def _role_only(f: str, deadline: Deadline | None) -> bool:
    """"裁判我和棋院的周老师两个人": who fills a role (the speaker and someone else), said with no doing word, no time
    and no 我来/我去 — a fact."""
    return deadline is None and has(f, "action", "fills_role") and not _has_verb(f) and not _WILL.search(f) \
        and not has(f, "action", "later_promise") and not has(f, "action", "takes_on")


def _conditional_promise(f: str, clause: _Clause, m: Message, people: People, context: dict[str, Message],
                         asker: str | None, event: date | None, meeting: date | None) -> ActionItem | None:
    """The speaker's to-do for a case that may come (:func:`_promised_if`), due when the promise — not the
    condition — says."""
    promised = _promised_if(f, clause, m.speaker)
    if promised is None:
        return None
    due = find_deadline(promised, m.time, m.text, event=event, meeting=meeting)
    return ActionItem(task=_task(clause.text, m, people, context, asker), owner=m.speaker,
                      deadline=due.iso if due else None, deadline_text=due.text if due else None, sources=[m.id])


def _promised_if(f: str, clause: _Clause, speaker: str) -> str | None:
    """"如果人数过了十个，我就去问问大车": the speaker's own clause after the last condition of the clause promises
    work for the case the condition names (cue action.conditional_promise) — the folded promise, or None. A clause
    given to someone else is not the speaker's."""
    if clause.owner not in (None, speaker) or clause.kind not in ("", "first_person"):
        return None
    found = list(cue("action", "conditional_promise").finditer(f))
    if not found:
        return None
    rest = f[found[-1].end():]
    if has(rest, "action", "hypothetical") or has(rest, "action", "not_a_task") or asks(rest):
        return None
    return rest


def _assigned_before_if(f: str, clause: _Clause) -> bool:
    """"老刘你负责借一下计时器活动中心有8个不够的话再问问棋院星期四之前告诉我": a member is given work (你负责/你来 +
    a doing word) before the condition starts — the condition governs only the fallback after it, not the duty."""
    if clause.kind not in ("named", "assigned"):
        return False
    cond = cue("action", "hypothetical").search(f)
    duty = next((m for m in (p.search(f, 0, cond.start()) for p in cue_list("action", "assign")) if m), None) \
        if cond else None
    return duty is not None and _has_verb(f[duty.end():cond.start()])


def _clause_deadline(clause: _Clause, timed: str, m: Message, homework: bool, event: date | None,
                     meeting: date | None, *, conditional: bool) -> Deadline | None:
    """When the work of ``clause`` is due (``timed``: the part of it whose time counts)."""
    deadline = find_deadline(timed, m.time, m.text, strict=not homework, event=event, meeting=meeting)
    if deadline is None and not homework and _hands_on(timed):
        # "我叫阿明听日去管理处攞": work handed on names a time for that work, whatever its verb
        deadline = find_deadline(timed, m.time, m.text, strict=False, event=event, meeting=meeting)
    if clause.kind == "first_person" and deadline is not None and not deadline.marked and clause.owner_text \
            and _fold(deadline.text) not in _fold(clause.owner_text) and has(_fold(m.text).strip(), "personal", "own_event"):
        return None  # "我来校对，不过我12月10号到20号考研冲刺": the day of the speaker's own exam or trip is no due date
    if clause.kind == "first_person" and deadline is not None and deadline.marked and not deadline.attached:
        return _own_time(timed, m, event, meeting) or deadline  # (a bare "1月25日截止" closes something else)
    if clause.owner_text and clause.owner_text != clause.text and not conditional:
        # the owner's own clause keeps its own "…前" ("老谭周三前谈好价，各片区1月31日前报节目"): a later
        # clause's time belongs to the work told there
        own = find_deadline(clause.owner_text, m.time, m.text, strict=not homework, event=event, meeting=meeting)
        if own is not None and own.marked:
            return own
    return deadline


def _own_matter(deadline: Deadline | None, timed: str) -> Deadline | None:
    """The to-do's deadline unless it is the date of another matter told in a clause of its own ("婚期确定是2029年
    10月6日，请帖我这边按这个日子去印": the wedding's day; it still made the clause read as work)."""
    return None if deadline is not None and other_matter(deadline, timed) else deadline


def _self_paced(f: str) -> bool:
    """"报名链接明天发", "比赛名单下周四训练后公布": a folded clause naming the thing, then when, then a sending verb
    and nothing after it — the speaker's own promise with its subject dropped."""
    spans = time_spans(f)
    return bool(spans) and bool(cue("action", "self_paced").match(f[spans[-1][1]:].strip()))


def _me_too(clause: _Clause, messages: list[Message], idx: int, actions: list[ActionItem]) -> bool:
    """"我明天去花鸟市场买鱼" — "我周六也要去换个灯": a "me too" answering someone else's own plan, which
    gave no to-do, is a plan of one's own as well (not work for the group)."""
    if clause.kind != "first_person" or not idx or not cue("action", "me_too").search(_fold(clause.text)):
        return False
    prev = messages[idx - 1]
    return prev.speaker != messages[idx].speaker and cue("owner", "me").search(_fold(prev.text)) is not None \
        and not any(prev.id in a.sources for a in actions)


def _told_in_notice(action: ActionItem, kind: str | None, m: Message) -> bool:
    """An everyone to-do of a sentence filed as a notice, with no "…前/截止" of its own ("停水…请各位业主提前储水",
    "排练…大家尽量都来"): the notice tells it; there is nothing the group owes by a time."""
    return kind == "通知" and action.owner == "大家" and not _marked(action, m)


def _marked(action: ActionItem, m: Message) -> bool:
    """Whether a to-do's time is a deadline ("周五前", "25号截止"), not just a time ("周五")."""
    return bool(action.deadline_text) and any(d.marked for d in time_expressions(action.deadline_text or "", m.time))


def _brings_share(clause: _Clause, m: Message, event: date | None) -> bool:
    """"我带素饺子 50个", "电推子我带三个": the speaker's promise of a counted share for the event the chat is
    about (it has an event day), a to-do even where the task model would not call it one."""
    if event is None or not (clause.kind == "first_person" and clause.owner == m.speaker or clause.owner is None):
        return False  # (a clause with no owner found: "我有两根我带上", the cue's own 我 is the speaker)
    f = _fold(clause.text).strip()
    share = cue("action", "brings").search(f)
    # (voice-to-text glues on what comes next: "电推子我带三个另外充电线谁有多的" — only the share itself must not ask)
    # ("我带两把椅子够不够" asks about the share itself; "…另外充电线谁有多的" moves on to another thing)
    return share is not None and not is_question(f[:share.end()]) and (
        not is_question(f) or has(f[share.end():], "action", "moves_on"))


def not_a_task(text: str, speaker: str, people: People) -> bool:
    """Whether the task model (:mod:`copilot.notes.tasks`) is sure a clause is no group to-do."""
    f = _fold(text)
    norm = normalised(f, _person_spans(_Ctx(text, f, speaker, people, [], None)))
    # the whole clause or any part of it between pauses ("早上148偏高，建议你连续量7天记下来，下次带给我看")
    return all(task_probability(part) < task_gate() for part in (norm, *_PAUSES_ONLY.split(norm)) if part.strip())


def _told_not_given(clause: _Clause, owner: str | None, speaker: str, asker: str | None, f: str, dated: bool) -> bool:
    """Advice or information that names someone without giving them work: the speaker's own name as a thing
    ("米粒淘洗两遍就够，别用力搓" said by 米粒), or an answer to the asker's question ("@阿婆 二楼8%，…您家以后
    也方便") that does not tell them what to do (as "建议你连续量7天" or "麻烦您…" do)."""
    if clause.kind == "named" and owner == speaker:
        return has(f, "action", "advice")
    return clause.kind == "assigned" and asker is not None and owner == asker and not dated \
        and not (has(f, "action", "imperative") or _directive(f) or has(f, "owner", "tell_you") or has(f, "action", "you_take"))


def _only_an_ack(f: str, people: People) -> bool:
    """Whether a folded clause says nothing but an acknowledgement once the names and times it repeats
    are taken out ("收到会长", "好的 6:40")."""
    if len(f) > 24:  # an acknowledgement is short
        return False
    rest = without_times(f, " ")
    for _, alias, _who in people.named_in(rest):
        rest = rest.replace(alias, " ")
    rest = re.sub(r"[\W\d]+", " ", people.at.sub(" ", rest)).strip()
    return bool(rest) and all(cue("reply", "acks").match(w) for w in rest.split())


def _own_time(text: str, m: Message, event: date | None, meeting: date | None) -> Deadline | None:
    """"包车接龙我明天发群里 1月25日截止": the time right after the speaker's 我 with a task is when they
    do it (the later 截止 is the sign-up's own close)."""
    f = _fold(text)
    for me in cue("owner", "me").finditer(f):  # ("我来 接龙我明晚发群里 下周一中午截止": the second 我)
        after = text[me.end():] if len(text) == len(f) else f[me.end():]
        first = next(iter(time_expressions(after, m.time, event, meeting)), None)
        if first is not None and first.day is not None and (first.marked or first.attached) \
                and _fold(after).find(_fold(first.text)) in (0, 1):
            return first
    return None


def _called_list(text: str, speaker: str, people: People) -> list[str]:
    """The members a clause calls by name right before telling them what to do ("乐乐爸、小王妈妈，周五前把回执交给我",
    "已经考过科目二的大刘、小何，这个月25号前完成"): a stretch between pauses holding only their names, joined by
    owner.joined_by, after at most a trait that picks them out (owner.called_trait: 「…的」), followed by the told
    part. Each one called owes the work on their own (:func:`_each_called`); the speaker is never among them."""
    stretches = [x.strip() for x in _HANDING_CLAUSE.split(_fold(text))]
    joiners = "|".join(re.escape(j) for j in raw("owner", "joined_by"))
    for s, after in zip(stretches, stretches[1:], strict=False):
        # (an @name is read by the owner resolver, with what it asks; one name alone opening a line is _vocative's)
        if not after or s.startswith(("@", "＠")) or not people.named_in(s) and "的" not in s:
            continue
        for cut in [0] + [i + 1 for i, ch in enumerate(s) if ch == "的"]:
            head, rest = s[:cut], s[cut:]
            if head and not cue("owner", "called_trait").search(head):
                continue
            who = [people.resolve(x) if x.strip() else None for x in re.split(joiners, rest)]
            if all(who) and speaker not in who and len(set(who)) == len(who) and (len(who) > 1 or head):
                return [w for w in who if w]
    return []


def _group_or_called(clause: _Clause, m: Message, people: People, homework: bool) -> str | None:
    """A clause's owner as read, homework's the group's; a group owner (everyone, or "…交给我" the senders) is the
    members a stretch right before the told part calls by name (:func:`_called_list`: "乐乐爸、小王妈妈，周五前把回执交给我")."""
    owner = clause.owner or ("大家" if homework else None)
    if owner == "大家" and clause.kind in ("everyone", "to_me"):
        return "、".join(_called_list(clause.text, m.speaker, people)) or owner
    return owner


def _merge_each_called(actions: list[ActionItem], action: ActionItem, clause_text: str, m: Message, people: People,
                       before: int, mid_at: bool, speaker_of: dict[int, str], calls: dict[int, str]) -> None:
    """File a clause's to-do (:func:`_group_due`, :func:`_merge`), once per member its line calls by name when they
    own it together (:func:`_each_called`)."""
    for one in _each_called(action, clause_text, m.speaker, people):
        _group_due(one, actions[before:], mid_at)
        _merge(actions, one, speaker_of, calls=calls)


def _each_called(action: ActionItem, clause_text: str, speaker: str, people: People) -> list[ActionItem]:
    """``action`` once per member its line calls by name (:func:`_called_list`) when they are its owner, else itself."""
    called = _called_list(clause_text, speaker, people)
    if len(called) < 2 or action.owner != "、".join(called):
        return [action]
    return [action.model_copy(update={"owner": who, "sources": list(action.sources)}) for who in called]


def _vocative(m: Message, people: People) -> str | None:
    """The one member a message opens by calling by name, then a pause ("苗苗，…"), if not the speaker (an
    @name is read by the owner resolver, with what it asks)."""
    to = _spoken_to(m, people)
    if len(to) != 1 or to[0] in (m.speaker, "大家") or people.lead(m.text):
        return None
    at = next((pos + len(alias) for pos, alias, who in people.named_in(m.text[:12]) if pos == 0 and who == to[0]), None)
    return to[0] if at is not None and re.match(r"[，,\s]", _fold(m.text)[at:at + 1]) else None


def _done_only(f: str, deadline: Deadline | None) -> bool:
    """Whether a first-person line tells only what is done (我报了500, 我已經同管理處講咗): a past clause ("这周我收了二十本")
    followed by a clause with a "…前" deadline ("周六之前贴好标签") or a time with a task ("我问了村委…，我
    明天把位置图发群里") still promises the rest."""
    # (or "已经/已經…了/咗" however long the deed between: "營位我已經book咗兩晚", "第二單我已經同管理處講咗")
    # (a claim's 了 is no deed done: "音响这个我包了" takes the work on — blanked, same length, before the search)
    undone = cue("action", "claims").sub(lambda c: " " * len(c.group()), f)
    past = _PAST.search(undone) or cue("action", "already").search(undone)
    if past is None:
        return False
    later = cue("action", "later_promise").search(f, past.end())
    if later is not None and _CLAUSE.search(f[past.end():later.start()]):
        return False  # "我影咗好多，我遲啲send俾大家": a later promise after the past clause
    if deadline is None or not (deadline.marked or deadline.attached):
        return True
    later = f.find(_fold(deadline.text), past.end())
    if not deadline.marked:  # an unmarked time promises only with its own 我 after the past clause
        again = cue("owner", "me").search(f, past.end())
        if not (again and _CLAUSE.search(f[past.end():again.start()])):
            return True
        # (the time next to that 我, not an earlier mention of the same day: "已经报修了，维保公司说明天上午10点前到，
        # 我明天上午去现场盯着")
        near = f.find(_fold(deadline.text), max(past.end(), again.start() - 4))
        return not (near >= 0 and abs(near - again.start()) <= 4)
    return not (later > past.end() and _CLAUSE.search(f[past.end():later]))


def _whoever(text: str, m: Message, event: date | None, meeting: date | None) -> ActionItem | None:
    """"谁要是参加，周五前在群里接龙" / "哪位有空的话周日上午来帮忙搬书": a condition on who, then what
    to do — the group's to-do (whoever it fits), due when the rest of the sentence says. A question
    ("谁有空帮忙？") or a rest that asks, supposes or does nothing is none."""
    f = _fold(text)
    cond = cue("action", "whoever").match(f)
    if cond is None or "?" in f:
        return None
    rest = f[cond.end():]
    if not _has_verb(rest) or asks(rest) or has(rest, "action", "hypothetical") or has(rest, "action", "not_a_task"):
        return None
    deadline = find_deadline(rest, m.time, m.text, event=event, meeting=meeting)
    return ActionItem(task=_clean(text), owner="大家", deadline=deadline.iso if deadline else None,
                      deadline_text=deadline.text if deadline else None, sources=[m.id])


def _said_to(s: str, n: int, people: People, lead: list[str]) -> list[str]:
    """Who sentence ``s`` (item ``n`` of its message) is addressed to: "…需要人带血糖仪。@小陈 你负责带5台血糖仪",
    "分工：@小林 …；@老高 12月18日前联系好调音师" — a later sentence opening with @s that then says 你, or gives a "…前"
    time with the work right after it (:func:`_told_due_first`), is addressed to them; otherwise the message's own
    ``lead``."""
    if n == 0 or lead:
        return lead
    f = _fold(s)
    told = cue("owner", "you").search(f) or _told_due_first(_LEAD_MENTIONS.sub("", f).lstrip(" ，,"))
    return (people.lead(s) if told else []) or lead


def _group_due(action: ActionItem, earlier: list[ActionItem], mid_at: bool) -> None:
    """An undated to-do given by a mid-message @ (``mid_at``: :func:`_said_to` gave its sentence an addressee) takes the time the message's earlier to-do for everyone gave
    ("海报周四前要贴出去。@小陈 你来设计")."""
    if not mid_at or not _undated(action):
        return
    given = next((a for a in reversed(earlier) if not _undated(a)
                  and cue("owner", "group").fullmatch(_fold(a.owner or "大家"))), None)
    if given is not None:
        action.deadline, action.deadline_text = given.deadline, given.deadline_text


def find_actions(messages: list[Message], rosters: list[Roster] | None = None) \
        -> tuple[list[ActionItem], list[Decision], list[Announcement]]:
    """To-dos (owner + deadline), decisions (with who agreed) and announcements, item by item. ``rosters``: the chat's
    rosters when the caller has read them already (:func:`copilot.notes.rosters.find_rosters`)."""
    people = People.of(messages)
    # ("回刘二叔：…", "回 Mike：…": an answer to the one named, read as the @-reply it is — never their work)
    messages = [_named_as_at(m, people) for m in messages]
    actions: list[ActionItem] = []
    decisions: list[Decision] = []
    announcements: list[Announcement] = []
    recapped: set[int] = set()
    last_by: dict[str, Message] = {}
    spoke: dict[str, int] = {}  # each speaker's last message so far
    speaker_of = {m.id: m.speaker for m in messages}
    at_msg = {m.id: j for j, m in enumerate(messages)}
    calls: dict[int, str] = {}  # a volunteer's message → the "谁来…" call it answers
    to_head: list[tuple[ActionItem, str]] = []  # a volunteer's item that names none of its call's things, and the call
    # a member's own plan ("12月20号我要考护士资格证", "我下周三出差") is no event of the group: its day
    # never anchors "活动前一天" or a to-do's day
    told = [("" if _own_day(m.text) else m.text, m.time) for m in messages]
    told_events = event_days(told)
    # (a line naming its own event before 前/那天/后: "发表会前一天" is counted from the show's own told day)
    events = anchored_events(told, told_events)
    meetings = next_meetings([(m.text, m.time) for m in messages])
    invited = find_invitation(messages)
    told: dict[str, tuple[int, Announcement]] = {}  # each speaker's last notice (message index, notice)
    for idx, m in enumerate(messages):
        # a 接龙 (its latest copy) is listed as it stands; its entries are no one's work, its heading is read as any
        # line ("接龙：土鸡蛋团购…周四晚8点截单": the group's deadline)
        heading = signup_heading(m.text)
        if heading is not None:
            announcements.append(Announcement(text=signup_card(m.text), kind="通知", sources=[m.id]))
        # (a short yes before the @: "要，@阿泽 毛钩你带上" is addressed to 阿泽 as "@阿泽 毛钩你带上" is)
        lead = people.lead(m.text) or people.lead(cue("owner", "yes_head").sub("", m.text, count=1))
        offered = _note_call(calls, messages, idx, m)
        # "海报啥时候要" — "那就周四前吧，我好发公众号": the answer dates the asker's work and is no to-do itself
        due_answer = _dates_given_work(actions, messages, idx, people, events[idx], at_msg) \
            or _due_answer(actions, messages, idx, events[idx], meetings[idx], at_msg)
        own: dict[object, bool] = {}  # (_own_plans: read at the message's first to-do, the only one asking)
        before = len(actions)
        # "这不明摆着嘛，谁给你发岩鞋": a retort gives no one work
        retort = has(_fold(m.text), "question", "rhetorical")
        # ("以上东西12月29日前送到班里" just after a list: the list's deadline, no to-do of its own)
        dated_list = _list_dated_after(actions, messages, idx, spoke, events[idx], meetings[idx])
        parts = [] if dated_list else _tally_whole(_reminder_whole(_changes_whole(items(_corrected(m.text) if heading is None else heading))))
        header = _fold(parts[0]) if parts else ""
        summary_list = len(parts) > 1 and bool(cue("decision", "summary_header").search(header))
        # a recap's items may follow its header on one line, set apart by ；("再确认一遍：第一班9点到11点；阿海周五前
        # 领手电筒"): the parts up to the first full stop are its items too
        run = _semicolon_run(m.text, parts) if len(parts) > 1 and cue("decision", "summary_inline").match(header) else 0
        # the list's header may follow a closing line in the same message ("…感谢周老师！几个通知：1. …")
        notice_at = next((n for n, s in enumerate(parts[:-1]) if cue("announcement", "list_header").search(_fold(s))),
                         None)
        task_list = len(parts) > 1 and any(cue("action", "list_markers").search(line) for line in m.text.split("\n"))
        # the list's heading ("@所有人 本周的事情说一下：") is no item of it
        headed = task_list and not cue("action", "list_markers").match(m.text.strip())
        default = _list_deadline(parts, m, events[idx], meetings[idx]) if task_list else None
        # "下周一前：@阿澜 把急救箱清点一遍。@德哥 去林业站续办进山证": a time said before the first @ heads the
        # message; its @s follow it
        head_due = None if lead else _time_head(m, people, events[idx], meetings[idx])
        lead = head_due[2] if head_due else lead
        for n, s in enumerate(parts):
            s = _past_head(s, n, head_due)
            if len(s) < 4:
                continue
            f = _fold(s)
            listed = summary_list or 0 < n <= run
            recap = None if listed else cue("decision", "summary_inline").match(f)
            spoken_to = _spoken_to_at(messages, idx, f)
            if invited is not None and (spoken_to, m.speaker) == invited and not is_question(messages[idx - 1].text):
                spoken_to = None  # the invited speaker's 你 after the host's introduction is the audience (advice)
            asker = spoken_to if spoken_to and is_question(messages[idx - 1].text) else None
            # asked how to hand something over ("照片发给谁？"): the answer's "发我就行" is for the asker
            sender = asker if asker and has(_fold(messages[idx - 1].text), "owner", "handover") else None
            settled = bool(recap) or (listed and n > 0)
            # "总结一下：白糖团购蜜糖罐统计，价签阿珍…": a recap names work already given out
            recapping = bool(recap) or listed or has(f, "action", "recap_mark")
            # the member who just took on a "谁来…" call (the message before): "好的晓婷，…" gives them its time
            volunteer = _just_volunteered(messages, idx, spoken_to, calls)
            said_to = _said_to(s, n, people, lead)
            clauses = [] if retort else _clauses(s, m.speaker, people, said_to, spoken_to, sender,
                                                 volunteering=n == 0 and offered, volunteer=volunteer,
                                                 item_at=people.mentions(s) if task_list and not (headed and n == 0) else [],
                                                 said_before=messages[idx - 1].text if spoken_to else "",
                                                 lead_alone=_lead_alone(m.text, people))
            named_item = task_list and not (headed and n == 0) and _item_named(clauses, s, people)
            # (an item of a task list that gives someone work is a to-do, not more of the notice before it)
            kind = _file_notice(announcements, told, s, messages, idx,
                                in_list=notice_at is not None and n > notice_at, heads=n < len(parts) - 1,
                                work=task_list and any(c.owner for c in clauses))
            _file_decisions(decisions, recapped, s, n, messages, idx, people, recap=recap, summary_list=listed,
                            actions=actions)
            # a preview is not a to-do — but a clause of it where someone takes work on is
            # ("下周六的读书分享会，场地我周三前订好")
            preview = kind == "下期预告" and not has(f, "action", "assign")
            for clause in clauses:
                if default is not None and n == default[0]:
                    break  # the list's "没写时间的…前" line: its time goes to the items, it is no to-do itself
                if settled and clause.owner is None or due_answer:
                    continue  # "当天不接包场" in a recap of what was decided: settled, no one given work
                # (a preview's "…，报名链接明天发" is the speaker's own promise with its subject dropped; a rule for a
                # case that may come, "如果风超过五级就取消", is a notice)
                if (preview and clause.kind != "first_person" and not (clause.owner is None and _self_paced(_fold(clause.text)))) \
                        or _conditional_notice(announcements, clause.text, s, m, kind):
                    continue
                action = _action_from(clause, m, people, last_by, spoke=spoke, homework=kind == "作业", event=events[idx],
                                      meeting=meetings[idx], asker=asker,
                                      informs=asker is not None and _asks_fact(messages[idx - 1].text, m))
                if action is None:
                    action = _accepted(clause, messages, idx, events[idx], meetings[idx])
                if action is not None and default is not None and _undated(action):
                    _set_due(action, default[1])  # the list's deadline
                # a new to-do with no "…前/截止" deadline that the task model is sure is none ("我周五要去复查",
                # "我觉得下周再说比较好") is dropped; one taking on or adding to a listed to-do is not ("行 明早我去弄")
                # (a "…前" deadline of their own is still a promise: "我是新来的小王，周五前交表")
                own_plan = action is not None and _not_group_work(action, clause, m, actions, recapping=recapping,
                                                                  **_own_plans(own, messages, idx, people, offered, s))
                if action is not None and not own_plan and not _me_too(clause, messages, idx, actions) \
                        and not _told_in_notice(action, kind, m) and (
                        _merge_target(actions, action, speaker_of, calls=calls) is not None
                        or _marked(action, m) or not not_a_task(clause.text, m.speaker, people)
                        or clause.kind == "first_person" and _will_do(_fold(clause.text))
                        or _handed(clause, m) or named_item
                        or _brings_share(clause, m, events[idx])):
                    _merge_each_called(actions, action, clause.text, m, people, before, said_to is not lead,
                                       speaker_of, calls)
        _message_due(actions[before:], m, head_due)
        _share_out(actions, before, m, lead)
        _dated_by_what_it_answers(actions, messages, idx, events, meetings)
        volunteered = _volunteer(messages, idx, m, events, meetings)
        if volunteered is not None:
            to_head += _take_call(actions, volunteered, m)
        to_head += _named_ask_heads(actions[before:], messages, idx, people)
        _dates_volunteer(actions, messages, idx, people)
        _dated_later(actions, messages, idx, events[idx], meetings[idx])
        _due_next_line(actions, before, messages, idx, people, events[idx], meetings[idx])
        if is_question(m.text):
            last_by[m.speaker] = m  # what a later "@X 我明天去看看" is about
        spoke[m.speaker] = m.id
    actions, decisions = _retimed(actions, decisions, messages, people, events, meetings)
    _handed_over(actions, messages, people)
    _day_of_named(actions, messages)
    _follow_event(actions, messages, told_events, meetings)
    _countered(actions, messages, events, meetings)
    actions = _with_rosters(_settle_owners(actions, messages, people), messages, people, rosters)
    _head_with_calls(actions, to_head)
    decisions = [d for d in decisions if id(d) in recapped or not _instruction(d, messages)]
    return actions, [d for d in decisions if id(d) in recapped or not _only_an_ask(d, actions, messages)], \
        _told_by(_merge_announcements(announcements), messages)


def _past_address(m: Message, people: People) -> str:
    """``m``'s text after the @names or the member's name it opens by addressing, then a pause ("王姐，我这周在外地
    培训…" → "我这周在外地培训…"); the text itself when it opens by addressing no one."""
    text = _LEAD_MENTIONS.sub("", m.text)
    if text != m.text:
        return text.strip()
    at = next((len(alias) for pos, alias, who in people.named_in(m.text[:12]) if pos == 0 and who != m.speaker), None)
    if at is None or not re.match(r"[，,\s]", m.text[at:at + 1]):
        return m.text
    return m.text[at:].lstrip("，, \t")


def _own_plans(memo: dict[object, bool], messages: list[Message], idx: int, people: People, offered: bool,
               part: str) -> dict[str, bool]:
    """Whether ``messages[idx]`` tells of its speaker's own life, of their own trip or errand (their plan in it is no
    group work), and whether its sentence ``part`` calls for a volunteer — :func:`_not_group_work`'s readings, made
    at the message's first to-do (the only step asking them) and kept in ``memo`` (one per message). ``offered``: the
    line answers a "谁来…" call."""
    text = messages[idx].text
    if "own_life" not in memo:
        # a member telling of their own life ("大家好 我叫Mandy…下個月12號去日本旅行"): their plan is no group work
        memo["own_life"] = not offered and introduces(text)
        # "我下周去北京出差", "我明天带娃去打疫苗": a short line about the speaker's own trip or errand — their
        # first-person plan in it is no group work
        # (or a line telling of their own dated exam or trip: "顺便说一句，我12月20号要回老家，之后半个月不坐")
        # (said to someone by name first: "王姐，我这周在外地培训，周五晚上才回来" tells of the speaker's own week too)
        bare = _past_address(messages[idx], people)
        own_trip = not offered and (personal(text) or _own_day(text) or bare != text and (personal(bare) or _own_day(bare))) \
            and not _group_errand(messages, idx)
        # "朱古力食少咗草 係咪牙齒問題" — (the vet's answer) — "好 我聽日帶佢去睇": acting on the answer to one's
        # own question is one's own errand
        memo["own_errand"] = _after_own_answer(messages, idx, people) or own_trip
    if ("calling", part) not in memo:
        # "团购谁来统计一下 我这周要去外地": the one calling for a volunteer tells why they cannot do it
        memo[("calling", part)] = calls_for_help(part)
    return {"own_life": memo["own_life"], "own_errand": memo["own_errand"], "calling": memo[("calling", part)]}


def _retimed(actions: list[ActionItem], decisions: list[Decision], messages: list[Message], people: People,
             events: list[date | None], meetings: list[date | None]) -> tuple[list[ActionItem], list[Decision]]:
    """A to-do a later line re-times is that to-do with its new time, not a second one: "宣传海报原来说周五前贴出来，
    小米妈妈负责" … "海报改成周四前贴" (a change word, ``moved``, by the one who gave the work or its owner), or the owner
    re-timing their own work ("陳生你9點去拎飯盒" … "咁我8點半去拎飯盒": a line opening with 我 and a time,
    ``action.retime_self``).
    The later line must name the same work and give another time; the earlier to-do takes its time (in its text
    too) and cites it, and the line itself is no to-do or decision. A question, a contingency (``moved_unless``) or
    a line telling the work is done or maybe (``action.retime_not``) changes nothing."""
    at = {m.id: i for i, m in enumerate(messages)}
    gone: set[int] = set()
    changed: set[int] = set()
    for a in actions:
        if id(a) in gone or not a.deadline or not a.owner or not a.sources or a.sources[0] not in at:
            continue
        first = at[a.sources[0]]
        giver = messages[first].speaker
        if find_deadline(a.deadline_text or "", messages[first].time, strict=False) is None:
            continue  # counted from the event ("活动前一天"): it follows the event's move (_follow_event)
        reach = min(len(messages), first + 1 + int(raw("moved_reach")) * 3)
        quote = a.task  # (kept as said: a new time goes beside it, never into the member's words)
        work = _task_words(_unquoted(bare_task(_first_part(a))), people)  # (what it replied to is no work)
        for k in range(first + 1, reach):
            m = messages[k]
            asked = False
            f = _fold(m.text)
            if is_question(m.text) or cue("moved_unless").search(f) or has(f, "action", "retime_not"):
                continue
            said = f
            if cue("decision", "summary_header").search(f) or cue("decision", "summary_inline").match(f):
                continue  # a recap's "1. 扫街改到周六…" moves what it names, not every to-do that shares a word
            if (m.speaker in (giver, a.owner) or _relays(f, (giver, a.owner), people)) and moved_from(f) is not None:
                # the clause with the change word: the work named before it ("登记表改成周二前"), the time after it
                # (of several change clauses, the one naming most of the work: "那清理日改到12月20日，大家搬东西的截止也
                # 顺延到12月19日前" re-times 搬东西 by its second clause; the first of equals)
                moving = [c for c in _CHANGE_CLAUSE.split(f) if cue("moved").search(c)]
                clause = max(moving, key=lambda c: _work_named(c, work, people), default="")
                change = cue("moved").search(clause)
                topic = _change_topic(clause[:change.start()], people) if change is not None else set()
                names_work = _topic_hits(topic, work)
                if change is None or not (names_work
                                          or _owner_told(a.owner, m.text, f, f.find(clause) + len(clause), work, people)
                                          or (asked := _asked_by_party(a, actions, messages, k, people,
                                                                       not topic and not _task_words(f, people) & work))) \
                        or (not names_work and _topic_elsewhere(a, topic, actions, gone | _made_by(actions, m.id),
                                                                people)):
                    continue
                said = _change_said(f, clause, change.start(), m)
            elif not (m.speaker == a.owner and has(f, "action", "retime_self")
                      and any(len(w) > 1 for w in _task_words(f, people) & work)):
                continue
            due = find_deadline(said, m.time, event=events[k], meeting=meetings[k])
            if due is None and asked and said is not f:  # the time a change word moves the asked-for work to ("截止改到下周二")
                due = find_deadline(said, m.time, strict=False, event=events[k], meeting=meetings[k])
            if due is not None and due.hour_only and due.clock and len(a.deadline) > 10:
                # only a clock said again ("那语音房我晚上10点前开"): the day stays the to-do's
                due = replace(due, day=date.fromisoformat(a.deadline[:10]))
            # (a clock where the to-do had none, or none where it had one, re-times it only on another day and as a
            # deadline — "延到周六早上6点前" — or in answer to the party's own ask; "下期线下时间改成4月26日下午2点" moves
            # the event, not "报名链接明天发")
            if due is None or not due.iso or due.iso == a.deadline or (m.time and due.iso[:10] < m.time.date().isoformat()) \
                    or ((len(due.iso) > 10) != (len(a.deadline) > 10)
                        and (due.iso[:10] == a.deadline[:10] or not (due.marked or asked))):
                continue
            twin = [b for b in actions if b is not a and id(b) not in gone and b.sources and b.sources[0] == m.id
                    and b.owner in (a.owner, "大家", m.speaker, None)]
            a.task = _retext(quote, due.text, m.text, a.deadline_text)
            a.deadline, a.deadline_text = due.iso, due.text
            if m.id not in a.sources:
                a.sources.append(m.id)
            gone.update(id(b) for b in twin)
            changed.add(m.id)
    if not changed:
        return actions, decisions
    return [a for a in actions if id(a) not in gone], \
        [d for d in decisions if not (d.sources and set(d.sources) <= changed)]


def _handed_over(actions: list[ActionItem], messages: list[Message], people: People) -> None:
    """A later line handing a to-do's work to another member by name ("那订酒楼的事改成孙悦来", a name right after
    owner.reassigned_to, :func:`_handed_to`), said by the one who gave the work or by its owner, gives that to-do
    its new owner (its time and text stay; the line joins its sources) — unless the new owner has a to-do on that
    work already (their "没问题，我来" made one: :func:`_settle_owners` moves the work). The work is named before the
    change word, by one dated to-do only; a question, or a line handing it to several ("换成刘梅和Cindy"), hands
    nothing on here."""
    at = {m.id: i for i, m in enumerate(messages)}
    now_cue = cue("owner", "reassigned_to")
    for k, m in enumerate(messages):
        f = _fold(m.text)
        change = now_cue.search(f)
        if change is None or is_question(m.text):
            continue
        handed = _handed_to(m.text, messages, k, people)
        if handed is None:
            continue
        who = handed[0]
        stop = re.compile(r"[，,。；;！!？?\s]").search(f, change.end())
        end = stop.start() if stop else len(f)
        if len({w for pos, _alias, w in people.named_in(f) if change.end() <= pos < end} - {who}):
            continue  # handed to several ("换成刘梅和Cindy"): the work is shared out, not moved
        topic = _change_topic(f[:change.start()], people)
        owned = [a for a in actions if a.owner and a.deadline and a.sources and a.sources[0] in at and at[a.sources[0]] < k
                 and m.speaker in (a.owner, messages[at[a.sources[0]]].speaker)
                 and _topic_hits(topic, _task_words(bare_task(_first_part(a)), people))]
        if len(owned) != 1 or owned[0].owner == who:
            continue
        a = owned[0]
        work = _task_words(bare_task(_first_part(a)), people)
        if any(b is not a and b.owner == who and _topic_hits(work, _task_words(b.task, people)) for b in actions):
            continue
        a.owner = who
        if m.id not in a.sources:
            a.sources.append(m.id)


def _change_said(folded: str, clause: str, at: int, m: Message) -> str:
    """What a change clause says from its change word on, or, when no time is in it, the rest of the line:
    "脚本提前一点，12月3日前给我" moves the script to the time the next clause gives."""
    said = clause[at:]
    if find_deadline(said, m.time, strict=False) is None:
        return folded[folded.find(clause) + at:]
    return said


def _change_topic(text: str, people: People) -> set[str]:
    """The work words a change clause names before its change word ("报曲目的时间提前到…" → 曲目): two characters or
    more, no word every to-do shares (action.change_generic: 时间, 截止…)."""
    generic = cue("action", "change_generic")
    return {w for w in _task_words(text, people) if len(w) > 1 and not generic.fullmatch(w)}


def _made_by(actions: list[ActionItem], line: int) -> set[int]:
    """The to-dos (by ``id``) a change line itself made ("可以，分摊表改到周四晚上前发群里就行" read as the granter's own
    to-do): a change's topic naming its own twin names no other to-do's work — they go once the change re-times the
    to-do it moves."""
    return {id(b) for b in actions if b.sources and b.sources[0] == line}


def _topic_elsewhere(a: ActionItem, topic: set[str], actions: list[ActionItem], gone: set[int], people: People) -> bool:
    """Whether the change's topic words name another to-do's work and not ``a``'s: "还有，报曲目的时间提前到12月5日前"
    moves "大家12月8日前在群里报曲目", not "阿杰做海报" though 阿杰 asked the line before."""
    return bool(topic) and any(b is not a and id(b) not in gone
                               and _topic_hits(topic, _task_words(bare_task(_first_part(b)), people)) for b in actions)


def _work_named(clause: str, work: set[str], people: People) -> int:
    """How many of the work words the topic of a change clause (the words before its change word) names."""
    change = cue("moved").search(clause)
    topic = _change_topic(clause[:change.start()], people) if change is not None else set()
    return sum(any(t in w or w in t for t in topic) for w in work if len(w) > 1)


def _topic_hits(topic: set[str], work: set[str]) -> bool:
    """Whether a change's topic word names the work, as a word or inside one (脚本 in 直播脚本)."""
    return any(t in w or w in t for t in topic for w in work if len(w) > 1)


def _asked_by_party(a: ActionItem, actions: list[ActionItem], messages: list[Message], k: int, people: People,
                    bare: bool = False) -> bool:
    """Whether the change line ``messages[k]`` answers a question of the to-do's owner or of someone its task names
    (the one the money goes to): "这个钱能不能晚点再收？"（阿静）— "可以，场地费截止改到下周二" re-times "收场地费…每人25元，
    周五前转给阿静" though its work words are cut otherwise. The question is the last line of another member within
    ``moved_reach`` lines before it. Of the asker's dated to-dos, only the ones that share words with the question or
    the change line ("身份证号没发我，能不能晚一天" — "统计最终人数和身份证号"): a side question ("是吗 明早我也去买点")
    names no work.
    A change that names no work anywhere in its line (``bare``: "那改成12/17前吧") answers the owner's report on their work just
    as well ("场地那边老板说周末才给准信"): the line before it is the owner's, sharing words with their to-do, and not
    their taking it on (a line of the to-do already: "好，週五前給你")."""
    speaker = messages[k].speaker
    for m in reversed(messages[max(0, k - int(raw("moved_reach"))):k]):
        if m.speaker == speaker:
            continue
        if not is_question(m.text) and not (bare and m.speaker == a.owner and m.id not in a.sources):
            return False
        theirs = [b for b in actions if b.deadline and (b.owner == m.speaker
                                                         or m.speaker in {w for _, _, w in people.named_in(_fold(b.task))})]
        asked = _content_bigrams(m.text) | _content_bigrams(messages[k].text)
        sharing = [b for b in theirs if _shares_content(frozenset(), asked, b.task, False)]
        return any(b is a for b in sharing)
    return False


def _owner_told(owner: str, line: str, folded: str, end: int, work: set[str], people: People) -> bool:
    """Whether a change line @s the to-do's owner and names their work after its change clause (``end``): "报名截止
    提前到12月6日，@会计-小米 报名费也要6号前交" re-times "@会计-小米 12月8日前把两队报名费交了" though the change clause
    names the deadline, not the fee."""
    return owner in people.mentions(line) and any(len(w) > 1 for w in _task_words(folded[end:], people) & work)


def _retimers(actions: list[ActionItem], messages: list[Message]) -> set[str]:
    """The members whose later line moved a to-do's time (:func:`_retimed`: its text carries the change mark, the line
    is among its sources): moving someone's deadline settles a thing, as a decision does, though that line is no
    decision of its own."""
    speaker = {m.id: m.speaker for m in messages}
    return {speaker[i] for a in actions if raw("changed_mark") in a.task for i in a.sources[1:]
            if speaker.get(i)}


def _relays(folded: str, whose: tuple[str | None, ...], people: People) -> bool:
    """Whether a member's line passes on the word of the one who gave the work or of its owner, named before the
    change with a telling word (cue ``action.relayed``: "刚周老师说横幅改到下周一前订好就行", "陈妈妈话花束改到…"):
    their change, told second-hand, re-times the to-do as their own line would."""
    change = moved_from(folded)
    if change is None:
        return False
    tells = cue("action", "relayed")
    return any(who in whose and at < change and tells.match(folded, at + len(alias))
               for at, alias, who in people.named_in(folded))


def _first_part(a: ActionItem) -> str:
    """The to-do's text as first given (before later lines were joined to it with ；)."""
    return a.task.split("；")[0]


def _retext(task: str, new: str, line: str, old: str | None = None) -> str:
    """The to-do's text as its member said it, with the later line, if it was joined to it, taken out again and the
    new time beside it ("陳生你9點去拎飯盒（已改：8點半）", the new time as the later line writes it): a quote is never
    rewritten — words nobody said are no note."""
    parts = [p for p in task.split("；") if p.strip() != line.strip()] or [task]
    text = "；".join(parts)
    fl = _fold(line)
    at_new = fl.find(_fold(new))
    shown = line[at_new:at_new + len(new)] if at_new >= 0 and len(fl) == len(line) else new
    # (beside the clause that gave the old time, when the text says it: "…周五前转给阿静（已改：下周二），她管账")
    at_old = text.find(old) if old else -1
    if at_old >= 0:
        stop = re.compile(r"[，,。；;！!？?\n]").search(text, at_old + len(old))
        cut = stop.start() if stop else len(text)
        return f"{text[:cut]}（{raw('changed_mark')}{shown}）{text[cut:]}"
    return f"{text}（{raw('changed_mark')}{shown}）"


def _unquoted(text: str) -> str:
    """``text`` without what it puts in quotation marks: a name given in quotes (语音房名字就叫“王座开荒”) is no
    work word — the raid's "开荒时间改到…" does not re-time the voice room.

    A near twin of :func:`copilot.moderation.signals.unquoted`, kept apart because they read different things: here a
    quote of any length in “”, 「」, 『』 or straight double quotes goes, with nothing in its place (the words either
    side are read as one line: a slot word is looked up with ``in``); single quotes ('…', ‘…’) are no quotation here
    (a task text may hold an apostrophe, "I'm"). Moderation's cuts only quotes of 1–60 characters, from any opening
    to any closing mark (single quotes too) and leaves a space, so that a long pasted pitch in quotes is still read
    as the sender's own words and no cue word forms across the cut. One definition would change either side's
    output (notes JSON or moderation figures), so both stay, each saying why."""
    return re.sub(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"", "", text)


def _follow_event(actions: list[ActionItem], messages: list[Message], events: list[date | None],
                  meetings: list[date | None]) -> None:
    """A deadline counted from the event ("摊位费活动前一天交给小林") follows the event when a later line moves it
    ("市集改到5月27日"): read again against the chat's last event day, its deadline is the one that day gives."""
    final = events[-1] if events else None
    # (only a day the event was moved to: a later event the chat goes on to is no move of this one)
    moved = [k for k in range(1, len(events)) if events[k] == final and events[k - 1] not in (None, final)
             and moved_from(_fold(messages[k].text)) is not None]
    if not moved:
        return
    at = {m.id: i for i, m in enumerate(messages)}
    for a in actions:
        i = at.get(a.sources[0]) if a.sources else None
        if i is None or i >= moved[-1] or not a.deadline_text or events[i] in (None, final) \
                or messages[i].time is None:
            continue
        then = find_deadline(a.deadline_text, messages[i].time, strict=False, event=events[i], meeting=meetings[i])
        now = find_deadline(a.deadline_text, messages[i].time, strict=False, event=final, meeting=meetings[i])
        if then is not None and now is not None and now.iso != then.iso and then.iso == a.deadline and now.iso:
            a.deadline = now.iso


def _countered(actions: list[ActionItem], messages: list[Message], events: list[date | None],
               meetings: list[date | None]) -> None:
    """A later time the owner asks for and the one who gave the work accepts is the to-do's time: "布置方案周三前发我"
    … the owner "周三赶不及…改到周五前行吗" … the giver "行，那就周五前" (or "可以，那就下周一（12月7日）").
    The owner's line must be a question within ``action.counter_reach`` lines of the to-do, with a day later than the
    to-do's; the giver's yes (``owner.accepts``) must come within ``owner.accept_window`` lines of it. The yes's own
    time, when it says one, wins; else the time asked for."""
    at = {m.id: i for i, m in enumerate(messages)}
    reach, window = int(raw("action", "counter_reach")), int(raw("owner", "accept_window"))
    for a in actions:
        if not a.deadline or not a.owner or not a.sources or a.sources[0] not in at:
            continue
        first = at[a.sources[0]]
        giver, owners = messages[first].speaker, _owner_names(a.owner)
        if giver in owners:
            continue  # (work the owner took on themselves: nobody's yes to wait for)
        for j in range(first + 1, min(len(messages), first + 1 + reach)):
            m = messages[j]
            if m.speaker not in owners or m.time is None or not is_question(m.text):
                continue
            asked = find_deadline(m.text, m.time, strict=False, event=events[j], meeting=meetings[j])
            if asked is None or asked.iso is None or asked.iso[:10] <= a.deadline[:10]:
                continue
            yes = next((k for k in range(j + 1, min(len(messages), j + 1 + window))
                        if messages[k].speaker == giver), None)
            if yes is None or cue("owner", "accepts").match(_fold(messages[yes].text).strip()) is None:
                continue
            said = find_deadline(messages[yes].text, messages[yes].time, strict=False, event=events[yes],
                                 meeting=meetings[yes])
            new, line = (said, messages[yes].text) if said is not None and said.iso is not None \
                and said.iso[:10] > a.deadline[:10] else (asked, m.text)
            a.task = _retext(a.task, new.text, line)
            a.deadline, a.deadline_text = new.iso, new.text
            a.sources = sorted(set(a.sources + [m.id, messages[yes].id]))
            break


def _told_by(announcements: list[Announcement], messages: list[Message]) -> list[Announcement]:
    """Each notice with the member who gave it (the speaker of its first source): a member who missed the chat
    sees who said a reminder, as the key points of a discussion show."""
    speaker_of = {m.id: m.speaker for m in messages}
    for a in announcements:
        if a.speaker is None and a.sources:
            a.speaker = speaker_of.get(a.sources[0])
    return announcements


def _time_head(m: Message, people: People, event: date | None,
               meeting: date | None) -> tuple[int, Deadline, list[str]] | None:
    """Where the @s of a message start, the time before them and the members the @s lead with, when the message
    opens with a time alone ("下周一前：@阿澜 …"): that time is the whole message's."""
    at = m.text.find("@")
    lead = people.lead(m.text[at:]) if at > 0 else []
    if not lead:
        return None
    head = m.text[:at]
    if re.sub(r"[\W_]+", "", without_times(_fold(head))):
        return None
    due = find_deadline(head, m.time, m.text, strict=False, event=event, meeting=meeting)
    return (at, due, lead) if due is not None and due.day is not None else None


def _past_head(s: str, n: int, head: tuple[int, Deadline, list[str]] | None) -> str:
    """The first sentence of a message headed by a time (:func:`_time_head`) from its first @ on: the time is
    every sentence's (:func:`_message_due`), the @ leads the sentence."""
    return s[s.find("@"):] if n == 0 and head is not None and "@" in s else s


def _message_due(new: list[ActionItem], m: Message, head: tuple[int, Deadline, list[str]] | None) -> None:
    """A message handing out work with an @ per sentence under a heading time ("下周一前：@阿澜 …。@德哥 …")
    keeps that time for each sentence that has none. (A date inside one member's sentence stays theirs:
    "@德哥 清单你来列，18号前发群里。@小邱 对讲机你充满电" gives 小邱 no date.)"""
    if head is None:
        return
    due = head[1]
    for a in new:
        if _undated(a) and a.sources == [m.id]:
            _set_due(a, due)


def _undated(a: ActionItem) -> bool:
    """A to-do with no deadline, nor words for one."""
    return a.deadline is None and not a.deadline_text


def _set_due(a: ActionItem, due: Deadline) -> None:
    """The to-do is due ``due``: its day and the words that said it."""
    a.deadline, a.deadline_text = due.iso, due.text


def _speakers_own(actions: list[ActionItem], messages: list[Message]) -> Iterator[tuple[ActionItem, int]]:
    """The to-dos of ``actions`` (as listed now; each read when reached, so a change made on the way counts) that come
    from one line and are owned by its speaker, with that line's place in ``messages``."""
    at = {m.id: n for n, m in enumerate(messages)}
    for a in list(actions):
        n = at.get(a.sources[0]) if len(a.sources) == 1 else None
        if n is not None and a.owner == messages[n].speaker:
            yield a, n


def _taken_on(actions: list[ActionItem], messages: list[Message], people: People) -> None:
    """"@阿哲爸 发表会那天的录影就拜托你了" — "收到，我来": a reply that only takes work on (cue owner.accept_only) is no
    to-do of its own words. Its work is the one just asked of the replier by someone else (an @ to them within
    owner.accept_window lines): that line's to-do becomes theirs, or, when the line gave none, it is the to-do's text,
    due when that line says."""
    window = int(raw("owner", "accept_window"))
    for a, n in _speakers_own(actions, messages):
        m = messages[n]
        if not cue("owner", "accept_only").fullmatch(_fold(m.text).strip()):
            continue
        asked = next((o for o in reversed(messages[max(0, n - window):n])
                      if o.speaker != m.speaker and m.speaker in people.mentions(o.text)), None)
        if asked is None:
            continue
        given = next((b for b in actions if b is not a and asked.id in b.sources), None)
        if given is not None:
            if given.owner in (None, "大家", asked.speaker, a.owner):
                given.owner, given.sources = a.owner, sorted({*given.sources, m.id})
                actions.remove(a)
            continue
        task = _clean(asked.text)
        if len(re.findall(r"[\u4e00-\u9fff]", task)) < 4:
            continue
        a.task, a.sources = task, [asked.id, m.id]
        due = find_deadline(asked.text, asked.time, asked.text, strict=False)
        if due is not None and due.day is not None:
            _set_due(a, due)
        _day_of_named([a], messages)


def _told_then_taken(actions: list[ActionItem], messages: list[Message], people: People) -> None:
    """"@志愿者-小蒋 书架开幕前一天下午5点前弄好" — 小蒋: "好的": a line opening with the @ of one other member, giving
    work with a "…前" deadline and no 我 in it, that the one named then takes on with a yes (owner.accepts, within
    owner.accept_window lines, not a question) is theirs — not the speaker's, whom the to-do falls back to when the
    line has no 你 and opens with the thing rather than the doing. An @ answering that member's own question just
    before ("@胖虎 要换，比赛前统一换") is a reply, not work handed out."""
    window = int(raw("owner", "accept_window"))
    for a, n in _speakers_own(actions, messages):
        m = messages[n]
        lead = people.lead(m.text)
        if len(lead) != 1 or lead[0] in ("大家", m.speaker) or "我" in _fold(m.text) or not _marked(a, m):
            continue
        if n and messages[n - 1].speaker == lead[0] and is_question(messages[n - 1].text):
            continue
        took = next((o for o in messages[n + 1 : n + 1 + window] if o.speaker == lead[0]), None)
        if took is not None and cue("owner", "accepts").match(_fold(took.text).strip()) and not asks(took.text):
            a.owner, a.sources = lead[0], sorted({*a.sources, took.id})


def _day_of_named(actions: list[ActionItem], messages: list[Message]) -> None:
    """"彩排定在12月20日主日下午2点" … "好，约书亚彩排那天带来": a to-do due on "X那天/X当天" is due on the day an earlier
    message names with X (a later day than that message's own), not on the event's day — when one is named."""
    refs = time_words("event_day_refs")
    at_msg = {o.id: j for j, o in enumerate(messages)}
    for a in actions:
        # (only a to-do with no time of its own, or one read from that very word: "下周一之前交回执…开学当天不能入园"
        # is due on Monday)
        if a.deadline_text and not any(r in _fold(a.deadline_text) for r in refs):
            continue
        for sid in a.sources:
            j = at_msg.get(sid)
            if j is None:
                continue
            f = _fold(messages[j].text)
            hit = next((mt for r in refs for mt in [re.search(rf"([\u4e00-\u9fff]{{2}}){re.escape(r)}", f)] if mt), None)
            if hit is None:
                continue
            # (a message with a time of its own is due then: "仪式那天想请周主任讲两句，我明天打电话邀请")
            if any(d.day is not None and hit.group(0) not in _fold(d.text) and not any(r in _fold(d.text) for r in refs)
                   for d in time_expressions(messages[j].text, messages[j].time)):
                break
            word, day = hit.group(1), None
            for o in reversed(messages[:j]):
                for clause in _CLAUSE_WHOLE.split(_fold(o.text)):
                    if word in clause:
                        day = next((d for d in time_expressions(clause, o.time) if d.spelled and d.day is not None
                                    and o.time is not None and d.day >= o.time.date()), None) or day
                if day is not None:
                    break
            if day is not None:
                a.deadline, a.deadline_text = day.day.isoformat(), hit.group(0)
                break


def _corrected(text: str) -> str:
    """What a message means after the writer broke off and took back its start (cue ``action.self_correction``:
    "…月底前……不对，送之前要洗，大家下下周一前交到我家" → "送之前要洗，大家下下周一前交到我家")."""
    found = list(cue("action", "self_correction").finditer(text))  # as written: folding turns "……" into "......"
    rest = text[found[-1].end():].strip() if found else ""
    return rest or text


def _share_out(actions: list[ActionItem], first: int, m: Message, lead: list[str]) -> None:
    """A message @-addressed to several members that lists as many pieces of work and shares them out one each
    (cue ``owner.shared_out``: "@小蒋 @老胡 @大吴 签到表、急救箱、警戒线，你们三个分别弄一下，都在演练前两天准备好"):
    its one to-do for them all becomes one per member, in the order they were named, each with the list's deadline."""
    names = [n for n in lead if n != "大家" and n != m.speaker]
    if len(names) < 2 or len(set(names)) != len(names) or not has(_fold(m.text), "owner", "shared_out"):
        return
    head = _CLAUSE.split(_LEAD_MENTIONS.sub("", m.text).strip(" ，,：:"))[0]
    pieces = [p.strip() for p in re.split(r"[、/]", head) if p.strip()]
    whole = [a for a in actions[first:] if m.id in a.sources]
    if len(pieces) != len(names) or len(whole) > 1 or whole and whole[0].owner in names:
        return
    # (with no to-do read from the line, "…，你们按顺序一人一样", the shares have no deadline)
    given = whole[0] if whole else ActionItem(task=m.text, sources=[m.id])
    at = actions.index(given) if whole else len(actions)
    actions[at:at + 1] = [ActionItem(task=piece, owner=name, deadline=given.deadline,
                                     deadline_text=given.deadline_text, sources=list(given.sources))
                          for piece, name in zip(pieces, names)]


def _with_rosters(actions: list[ActionItem], messages: list[Message], people: People,
                  rosters: list[Roster] | None = None) -> list[ActionItem]:
    """A roster's lines are its to-dos (:mod:`copilot.notes.rosters`), and work shared with a share each is one
    to-do per member (:mod:`copilot.notes.shares`); what the clause pass made of those messages goes."""
    listed, covered = roster_actions(messages, people.roster_member, people.named_in, rosters)
    shared, given = share_actions(messages, people.named_in)
    covered |= given
    return [a for a in actions if not set(a.sources) <= covered] + listed + shared if listed or shared else actions


def _semicolon_run(text: str, parts: list[str]) -> int:
    """How many of ``parts`` (the sentences of ``text``) after the first follow on from it across a ；alone."""
    at, run = 0, 0
    for k, part in enumerate(parts):
        start = text.find(part, at)
        if start < 0:
            break
        if k and not _SEMICOLON_GAP.fullmatch(parts[k - 1][-1:] + text[at:start]):
            break  # (a sentence keeps its closing ；)
        run, at = k, start + len(part)
    return run


def _file_decisions(decisions: list[Decision], recapped: set[int], s: str, n: int, messages: list[Message], idx: int,
                    people: People, *, recap: re.Match[str] | None, summary_list: bool,
                    actions: list[ActionItem]) -> None:
    """The decisions sentence ``s`` (item ``n``) of ``messages[idx]`` makes, added to ``decisions``; the ids of those
    settled whatever else the line does (a closing line, a recap, an agreed change) go in ``recapped``."""
    m, f = messages[idx], _fold(s)
    # (a line with a settling word of its own, "那就定了，…", is read as any decision line)
    closing = _closes_agreed(s, messages, idx, people) \
        if n == 0 and not recap and not summary_list and not _own_settling_word(s, people) else None
    if closing is not None:  # "行，加亲子组，老猫你来负责…": what the members agreed to is settled
        found = Decision(text=closing, by=_agreed(messages, idx, m, closing), sources=[m.id])
        decisions.append(found)
        recapped.add(id(found))  # a decision, even where the same line gives the work
    elif recap:  # "今晚定的：A，B，C": each item is a decision
        listed = [d for x in re.split(r"[，,；;]", s[recap.end():])
                  if len(x.strip()) >= 2 and not has(_fold(x), "decision", "recap_contact")
                  and (d := _recap_item(decisions, recapped, actions, _clean(x), messages, idx, people)) is not None]
        decisions += listed
        recapped |= {id(d) for d in listed}  # settled, even where an item also gives work
    elif (summary_list and n > 0 and not has(f, "decision", "recap_contact")) or (
            _decides(s) and not (summary_list and n == 0) and not (n == 0 and _answers_yes_no(s, messages, idx))):
        _add_decision(decisions, recapped, s, messages, idx, listed=summary_list, actions=actions, people=people)
    elif not summary_list and (off := _calls_off(s, messages, idx, people)):  # "夜航直播取消": an organiser's call
        # (a call-off another member put up: with whoever said yes to it, "同意，取消"; the organiser's own is theirs —
        # "好，咁我淨係拎泳帽" after it takes it in)
        own = _put_up_speaker(_fold(off[0]).strip(), messages, idx, people) == m.speaker
        by = [m.speaker] if own else [m.speaker, *_call_off_agreed(messages, idx)]
        found = Decision(text=_clean(off[0]), by=by, decider=m.speaker, sources=[m.id])
        decisions.append(found)
        recapped.add(id(found))
    elif not summary_list and (change := _agreed_change(s, messages, idx)):  # "会费加到150…" — "冇意见"
        found = Decision(text=_clean(change), by=_agreed(messages, idx, m, change), sources=[m.id])
        decisions.append(found)
        recapped.add(id(found))
    elif not summary_list and _standing_rule(s, messages, idx):  # "那以后批发统一月结" closing the talk on 月结
        found = Decision(text=_clean(s), by=_agreed(messages, idx, m, s), decider=m.speaker, sources=[m.id])
        decisions.append(found)
        recapped.add(id(found))
    elif n == 0 and not summary_list and (answer := _granted_or_picked(s, messages, idx, _settled_before(m, decisions))):
        text, by = answer
        decisions.append(Decision(text=_clean(text), by=by, sources=[m.id]))
    elif n == 0 and not summary_list and (taken := _proposal_taken(s, messages, idx)):
        decisions.append(taken)
        recapped.add(id(taken))  # a decision, even where the same line gives the work
    elif not summary_list and (handed := _handing_on(s, messages, idx, people)):
        decisions.append(handed)
        recapped.add(id(handed))  # a decision, even where the same line gives the work
    elif n == 0 and not summary_list and _closes_who(s, messages, idx, people):  # "…谁管？" … "行，小刘负责收银"
        found = Decision(text=_clean(s), by=[m.speaker], decider=m.speaker, sources=[m.id])
        decisions.append(found)
        recapped.add(id(found))  # a decision, even where the same line gives the work


def _own_settling_word(sentence: str, people: People) -> bool:
    """Whether ``sentence`` settles by a word of its own (``decision.strong``: "那就这么定：面包老周去取…") — not where
    that word comes only after the first work the line gives out ("行，那就住一晚，酒店我来订，周二前把房间定下来":
    定下来 is the booking; the line closes what the members agreed to)."""
    return _said_before_work(_fold(sentence), "strong", people)


def _said_before_work(f: str, kind: str, people: People) -> bool:
    """Whether the folded line ``f`` has a ``decision.<kind>`` cue before the first spot where it gives work (a 你, a 我
    — not 我们 — or a member named: :func:`_first_work_at`)."""
    hit = cue("decision", kind).search(f)
    return hit is not None and hit.start() < _first_work_at(f, people)


def _first_work_at(f: str, people: People) -> int:
    """Where the folded line ``f`` first names someone to do work (a 你, a 我 or a member named), or its length."""
    spots = [x.start() for x in (cue("owner", "you").search(f), cue("owner", "me").search(f)) if x]
    spots += [pos for pos, _alias, _who in people.named_in(f)]
    return min(spots, default=len(f))


def _matter_words(text: str) -> frozenset[str]:
    """The content words of ``text`` that name a matter: two characters or more, no time, number, pronoun or function
    word, and none of the settling words themselves (``cues.yaml`` decision ``told_plan_generic``)."""
    generic = cue("decision", "told_plan_generic")
    return frozenset(t for t in words(_fold(text)) if len(t) >= 2 and not any(ch.isdigit() for ch in t)
                     and word_class(t) not in ("t", "m", "q") and word_class(t) not in _pronoun_tags()
                     and word_class(t) not in _function_tags() and not generic.search(t))


def _first_word(sentence: str, messages: list[Message], idx: int,
                read: dict[int, tuple[frozenset[str], frozenset[str]]] | None = None) -> bool:
    """Whether ``sentence`` (in ``messages[idx]``) tells the group a plan as its first word on the matter ("各位团员晚上好，
    新年音乐会定在12月31日晚上7点半…"): no earlier line names any of its matter words, so nothing was put up, asked
    or voted on before it. That is a notice of the plan, not a decision the group reached. A poll's result, a going
    back to the old plan and a line reporting who agreed (``decision.told_plan_settles``) still settle, and so does a
    line that closes, changes, sums up or puts up something (``decision.told_plan_closes``, a recap, a proposal, an
    acceptance head). ``read``: the earlier lines' matter words and runs (:func:`_matter_of`), kept by the caller so a
    chat's lines are read once however many of its sentences are checked."""
    f, whole = _fold(sentence), _fold(messages[idx].text)
    if not has(f, "decision", "told_plan") or has(f, "decision", "told_plan_settles") or _reports_agreement(f) or has(whole, "decision", "told_plan_closes") \
            or has(whole, "decision", "proposal") or cue("decision", "accept_head").match(f.strip()) \
            or has(whole, "decision", "summary_inline") or has(whole, "decision", "summary_header") \
            or has(whole, "decision", "invites_yes"):
        return False  # (a plan put to the group for its yes, "…就定11月12日，大家没意见吧", is no bare notice)
    opens = cue("decision", "told_plan").match(re.sub(r"^(?:那|那么|那就)", "", f.strip()))
    if opens and _answers_asked(messages, idx):
        return False  # "在哪聚？" — "就定老街那家湘菜馆吧": a member asked, the line opens by settling what was asked
    mine = _matter_words(sentence)
    if not mine:
        return False
    runs = _matter_runs(sentence)  # (also the 2-character runs: a word cut otherwise, "那年会" → 那年|会, still counts)
    # the speaker's own opener naming only the matter ("各位票友，元旦汇演的事跟大家商量一下" before "汇演定在12月31号
    # 下午两点，在街道文化中心…") put nothing up: a line of theirs before it counts only when it names something the plan
    # says after its settling word (a place, a program) and not before it, asks, or gives a time
    said = cue("decision", "told_plan").search(f)
    told, named = (f[said.end():], f[:said.start()]) if said else ("", "")
    plan = (_matter_words(told) - _matter_words(named), _matter_runs(told) - _matter_runs(named))
    # (only a plan told with 定在/定咗…: "那训练就定了，每周日上午9点" closes the matter the opener raised)
    closing = said is None or "就" in said.group() or said.group().endswith("了")
    read = {} if read is None else read
    opener = frozenset() if closing else frozenset(
        k for k in range(idx) if messages[k].speaker == messages[idx].speaker
        and _names_matter_only(messages[k].text, _matter_of(messages, k, read), plan, told))
    return _unnamed_before(mine, runs, messages, idx, read, opener)


def _answers_asked(messages: list[Message], idx: int) -> bool:
    """Whether ``messages[idx]`` comes right after another member's question that asks what, where, when or which
    (an interrogative word or an A-not-A: "在哪聚？", "几点出发？"): the plan it tells answers that question, so the
    matter was put up before it."""
    if idx == 0:
        return False
    prev = messages[idx - 1]
    return prev.speaker != messages[idx].speaker and is_question(prev.text) and interrogative(_fold(prev.text))


def _names_matter_only(line: str, matter: tuple[frozenset[str], frozenset[str]],
                       plan: tuple[frozenset[str], frozenset[str]], told: str) -> bool:
    """Whether ``line`` names a plan's matter and nothing the plan says after its settling word (``told``; ``plan``:
    its words and 2-character runs, less those naming the matter itself: "风筝节定在3月6日…，预计二百多只风筝"; ``matter``:
    the line's own, read once through :func:`_matter_of`), with no question and no time the plan does not give
    ("周日爬凤凰山的事说一下" before "凤凰山定在3月10日周日…" gives none)."""
    f = _fold(line)
    return not (plan[0] & matter[0] or plan[1] & matter[1] or is_question(line)
                or any(t.group() not in told for t in cue("moved_when").finditer(f)))


def _vote_closed(a: ActionItem, decisions: list[Decision], messages: list[Message], at: dict[int, int]) -> bool:
    """Whether ``a`` asks members to vote ("大家今晚11点前回A或B", "周五前投票", cue ``decision.vote_asked``) and a
    decision from a later line tells the vote's result ("结果：B 3票、A 1票，就这么决定每人每月80", "全票通过",
    ``decision.vote_result``): the vote is over, so the to-do to vote is done, not still to do."""
    if not a.sources or a.sources[0] not in at or not has(_fold(a.task), "decision", "vote_asked"):
        return False
    asked = at[a.sources[0]]
    return any(i in at and at[i] > asked and has(_fold(messages[at[i]].text), "decision", "vote_result")
               for d in decisions for i in d.sources)


def _contingency_only(sentence: str, line: str) -> bool:
    """Whether ``sentence`` (of the message ``line``) changes a plan only under a condition ("下雨就挪到物业大堂里面，照常进行",
    "雨天顺延到下周六", "如果云量超过60%就改到14号晚上"): each clause that moves something (``moved``) is a contingency
    (``moved_unless``), its speaker does not call anything settled (``decision.strong``, ``decision.told_plan``) and the
    line is no recap of what was settled ("最後整理一下：… 5. 下雨延到5月1日" lists the rain plan as agreed). A rule for a
    case that may not come, not a decision."""
    f = _fold(sentence)
    if has(f, "decision", "strong") or has(f, "decision", "told_plan") or _recap(line):
        return False
    changes = [c for c in _CLAUSE_CUT.split(f) if cue("moved").search(c)]
    return bool(changes) and all(has(c, "moved_unless") for c in changes)


_CLAUSE_CUT = re.compile(r"[，,。；;！!？?\s]+")


def _unnamed_before(mine: frozenset[str], runs: frozenset[str], messages: list[Message], idx: int,
                    read: dict[int, tuple[frozenset[str], frozenset[str]]] | None = None,
                    skip: frozenset[int] = frozenset()) -> bool:
    """Whether no line before ``messages[idx]`` (but those in ``skip``) names any of the matter words ``mine`` or
    2-character ``runs`` (:func:`_matter_of`, read once into ``read``)."""
    read = {} if read is None else read
    return not any(mine & w or runs & r for w, r in (_matter_of(messages, k, read) for k in range(idx) if k not in skip))


def _matter_of(messages: list[Message], k: int,
               read: dict[int, tuple[frozenset[str], frozenset[str]]]) -> tuple[frozenset[str], frozenset[str]]:
    """The matter words and 2-character runs of ``messages[k]`` (:func:`_matter_words`, :func:`_matter_runs`), read
    once into ``read``."""
    if k not in read:
        read[k] = (_matter_words(messages[k].text), _matter_runs(messages[k].text))
    return read[k]


def _told_not_settled(sentence: str, messages: list[Message], idx: int,
                      read: dict[int, tuple[frozenset[str], frozenset[str]]] | None = None) -> bool:
    """Whether ``sentence`` (in ``messages[idx]``) tells a fact rather than settles one: a correction that names the
    wrong value and moves nothing ("【更正】…每人35元，不是40元", ``decision.corrects`` with ``corrects_wrong``), or a change told as the
    first word on its matter ("通知一下：本周五下午家长会改到3点开始", ``decision.told_change``) that no earlier line
    named, asked for or put up and that its speaker does not call settled (``decision.strong``: "…，定了"). A line
    reporting who agreed, a poll's result or a recap still settles. ``read``: as for :func:`_first_word`."""
    f, whole = _fold(sentence), _fold(messages[idx].text)
    if _reports_agreement(f) or has(f, "decision", "told_plan_settles") or has(whole, "decision", "summary_inline") \
            or has(whole, "decision", "summary_header") or has(whole, "decision", "proposal"):
        return False
    if has(whole, "decision", "corrects") and has(f, "decision", "corrects_wrong") and not has(f, "decision", "told_change"):
        return True  # (a correction that also moves the plan, "更正一下：演出改到周日…", is read as a change below)
    if not has(f, "decision", "told_change") or cue("decision", "accept_head").match(f.strip()) \
            or has(whole, "decision", "strong") or has(f, "moved_unless"):
        return False  # ("…改到晚上7点半，定了，大家记一下": said settled; "如果风力超过6级就改到13号": a rule)
    mine = _matter_words(sentence)
    return bool(mine) and _unnamed_before(mine, _matter_runs(sentence), messages, idx, read)


def _grants_own_share(messages: list[Message], idx: int) -> bool:
    """Whether ``messages[idx]`` says yes to another member's request, one of the two lines before it, to change their
    own order or share ("我的两个6寸改成一个8寸可以吗" — "可以，张姐改成一个8寸", ``decision.own_share``): that member's
    order changed; the group settled nothing."""
    m = messages[idx]
    if not cue("decision", "granted_head").match(_fold(m.text).strip()):
        return False
    return any(o.speaker != m.speaker and has(_fold(o.text), "decision", "own_share") for o in messages[max(0, idx - 2) : idx])


def _matter_runs(text: str) -> frozenset[str]:
    """The 2-character runs of ``text``'s Chinese letters that are no time, greeting or settling word
    (``cues.yaml`` decision ``told_plan_generic_run``)."""
    generic = cue("decision", "told_plan_generic_run")
    return frozenset(r for r in _content_bigrams(text) if all("\u4e00" <= ch <= "\u9fff" for ch in r)
                     and not generic.search(r))


def _calls_off(sentence: str, messages: list[Message], idx: int, people: People) -> list[str]:
    """The clauses of ``sentence`` (in ``messages[idx]``) that call off something their speaker put up earlier in the
    chat (cue decision.calls_off: "夜航直播取消", "那周三的加练就不搞了", "飲茶就唔搞喇"). Not in a question, a
    contingency ("下雨就取消", moved_unless / action.hypothetical), nor the speaker's own part (decision.calls_off_self:
    "我这次就不去了"); the first line of the chat naming the thing called off is the same speaker's (who put it up),
    or another member agrees to the call-off before its speaker goes on (:func:`_call_off_agreed`: "请明星那个取消吧" —
    "同意，取消")."""
    m = messages[idx]
    if is_question(sentence):
        return []
    out = []
    for clause in _CLAUSE.split(sentence):
        f = _fold(clause).strip()
        if not has(f, "decision", "calls_off") or has(f, "moved_unless") or has(f, "action", "hypothetical") \
                or has(f, "decision", "calls_off_self"):
            continue
        put_up = _put_up_speaker(f, messages, idx, people)
        if put_up is not None and (put_up == m.speaker or (_call_off_put_up(f) and _call_off_agreed(messages, idx))):
            out.append(clause.strip())
    return out


def _call_off_put_up(f: str) -> bool:
    """Whether the folded call-off clause ``f`` puts the call-off up ("请明星那个取消吧", "要不就不搞了": a leaning end or a
    suggestion) rather than reporting it ("听说明天的体育课取消了")."""
    return bool(cue("decision", "leaning_end").search(f) or cue("decision", "suggests").search(f))


def _put_up_speaker(f: str, messages: list[Message], idx: int, people: People) -> str | None:
    """Who first named (before ``messages[idx]``) the thing the folded call-off clause ``f`` calls off, or None."""
    thing = cue("decision", "calls_off").sub(" ", f)
    return next((x.speaker for x in messages[:idx] if _names_work(thing, x.text, people)), None)


def _call_off_agreed(messages: list[Message], idx: int) -> list[str]:
    """Who (one member) says an explicit yes to the call-off ``messages[idx]`` ("同意，取消", "行", "没意见") in
    the next lines before its speaker goes on (``decision.call_off_agreed_reach``), with no objection
    (``decision.objection``: "不行，舞狮是老传统"). A bare acknowledgement ("收到", "好的": ``decision.ack_only``) only
    takes a notice in; an objection anywhere in those lines (the organiser's "不行，已经付了定金" after a member's "可以")
    keeps it open. Empty when no one agrees."""
    m, yes = messages[idx], []
    for other in messages[idx + 1 : idx + 1 + int(raw("decision", "call_off_agreed_reach"))]:
        f = _fold(other.text).strip()
        if other.speaker == m.speaker:
            break
        if has(f, "decision", "objection"):
            return []
        if not yes and _says_yes(other.text) and not has(f, "decision", "ack_only"):
            yes = [other.speaker]
    return yes


def _proposal_taken(sentence: str, messages: list[Message], idx: int) -> Decision | None:
    """A member's proposal put as a question ("现场要不要搞个体验区？", cue ``decision.proposal_ask``) that the one
    who runs the chat (its most frequent speaker) takes up in the next line with a yes first ("好主意，体验区就交给
    周老师", ``decision.accept_proposal``) and the proposal's own words: settled, proposed by the asker and decided by
    the one who took it up. None for any other line."""
    m = messages[idx]
    f = _fold(sentence).strip()
    if idx == 0 or is_question(sentence) or not cue("decision", "accept_proposal").match(f):
        return None
    q = messages[idx - 1]
    if q.speaker == m.speaker or not is_question(q.text) or not cue("decision", "proposal_ask").search(_fold(q.text)):
        return None
    counts = Counter(x.speaker for x in messages)
    if counts[m.speaker] < max(counts.values()) or not _content_bigrams(sentence) & _content_bigrams(q.text):
        return None
    return Decision(text=_clean(sentence), by=[m.speaker, q.speaker], sources=[m.id])


def _answers_yes_no(sentence: str, messages: list[Message], idx: int) -> bool:
    """Whether ``sentence`` (opening ``messages[idx]``) answers the question another member put just before it
    with a bare yes or no first ("作品要装框吗" — "要，统一用A3黑框，社里出钱"): the rule it goes on to tell is
    the answer to that question, not a choice settled by the group, unless it has a strong settling word."""
    if idx == 0 or has(_fold(sentence), "decision", "strong"):
        return False
    prev = messages[idx - 1]
    head = _CLAUSE.split(_fold(sentence).strip(), maxsplit=1)[0].strip()
    return prev.speaker != messages[idx].speaker and is_question(prev.text) and head in _SHORT_YES_NO()


def _handing_on(sentence: str, messages: list[Message], idx: int, people: People) -> Decision | None:
    """Work handed from one member to another, told as done ("本来安排思琪做，她明天要开庭，这个改给一帆做") or
    asked and taken on ("海报本来想给小鱼做，但她要忙站牌，海报改给阿凯可以吗" — "可以 我做"): a change of plan
    the group is told, decided by its speaker and agreed by the new owner's yes. A person must follow
    改给/换成… right away ("本来周六，改成周日" hands nothing on) and the work must have had an owner before (本来…)."""
    f = _fold(sentence)
    now, was = cue("owner", "reassigned_to").search(f), cue("owner", "reassigned_from").search(f)
    if now is None or (was is None or was.start() > now.start()) and not _owned_before(f[:now.start()], messages, idx, people):
        return None
    handed = _handed_to(sentence, messages, idx, people)
    if handed is None:
        return None
    m, (who, took) = messages[idx], handed
    if is_question(sentence) and took is None:
        return None  # asked and not (yet) taken on: nothing settled
    sources = [m.id] + ([took.id] if took is not None else [])
    return Decision(text=_clean(sentence), by=[m.speaker] + ([who] if took is not None else []), sources=sources)


def _owned_before(work: str, messages: list[Message], idx: int, people: People) -> bool:
    """Whether the role ``work`` names (the words before 换成/改给…, "那主持人", cues.yaml ``owner.reassigned_role``) was
    given to a member in one of the few lines before ``messages[idx]`` ("主持人还是让小谭和刘梅来" … "那主持人换成刘梅和
    Cindy"): the line changes the plan of who fills it, as one with 本来/原先 does (``owner.reassigned_reach``). An
    errand handed on ("那对讲机改成Jerry来弄吧") names no role: it stays the new owner's to-do."""
    matter = _matter_words(work)
    if not matter or not cue("owner", "reassigned_role").search(work):
        return False
    reach = int(raw("owner", "reassigned_reach"))
    return any(matter & _matter_words(o.text) and people.named_in(_fold(o.text))
               for o in messages[max(0, idx - reach) : idx])


def _handed_to(sentence: str, messages: list[Message], idx: int, people: People) -> tuple[str, Message | None] | None:
    """The member ``sentence`` (of ``messages[idx]``) hands work to — a name right after 改成/改由/换成… ("那订大巴改成小吴
    负责吧") — and their taking it on in the next lines (or None); None when the line hands nothing on."""
    f = _fold(sentence)
    now = cue("owner", "reassigned_to").search(f)
    if now is None:
        return None
    named = sorted((pos, who) for pos, _alias, who in people.named_in(f) if pos >= now.end())
    named += sorted((st, people.written(n, n)) for st, _e, n in name_shaped(f) if st >= now.end() and not n.isascii())
    if not named or named[0][0] - now.end() > 1 or named[0][1] == messages[idx].speaker:
        return None
    who = named[0][1]
    took = next((o for o in messages[idx + 1 : idx + 1 + int(raw("owner", "accept_window"))]
                 if o.speaker == who and cue("owner", "accepts").match(_fold(o.text).strip())), None)
    return who, took


def _settled_before(m: Message, decisions: list[Decision]) -> bool:
    """Whether ``m``'s speaker has settled one of ``decisions`` found before: they run the matter so far. (Opening the
    chat is not enough: a print-shop owner telling how an order is bound, "画册是胶装还是骑马钉" — "胶装，…", tells a
    fact of the order, no choice of the group.)"""
    return any(d.by[:1] == [m.speaker] for d in decisions)


def _granted_or_picked(sentence: str, messages: list[Message], idx: int, settles: bool) -> tuple[str, list[str]] | None:
    """A reply that settles what was just put to its speaker, with who made and agreed to it: a grant of a
    member's request ("…周五那天8点班改成8:15出发行不行" — "可以，周五就8:15": the yes, then the asked change
    repeated), or the pick of one side of a choice put to the group that others then agree to ("字幕用内嵌还是外挂"
    — "内嵌吧，B站那边外挂显示有问题" — "同意内嵌" "同意"), or that the one running the matter gives (``settles``:
    :func:`_settled_before`; "下次线下还是线上？" — "线下，还在人民路那家星巴克"), with whoever agrees after it.
    None for any other line."""
    m = messages[idx]
    f = _fold(sentence).strip()
    if is_question(sentence) or has(f, "decision", "undecided"):
        return None
    alternative = cue("question", "alternative")
    asked = next((o for o in reversed(messages[max(0, idx - 2) : idx])
                  if o.speaker != m.speaker and (is_question(o.text) or alternative.search(_fold(o.text)))), None)
    if asked is None:
        return None
    q = asked
    fq = _fold(q.text)
    head = cue("decision", "granted_head").match(f)
    if head and has(fq, "action", "request_tag"):
        rest = f[head.end():]
        # (not work asked of the one who says yes: "你下周一前发样品图可以吗" — "没问题，下周一前我先发给你" takes it on)
        work = cue("owner", "you").search(fq) or cue("owner", "me").search(rest) or _due(rest)
        if not work and len(rest) >= 3 and _content_bigrams(rest) & _content_bigrams(q.text):
            return sentence, [m.speaker, q.speaker]
        return None
    if not _picks_side(q.text, sentence):
        return None
    yeses = []
    for o in messages[idx + 1 : idx + 4]:
        if o.speaker == m.speaker:
            break
        if _says_yes(o.text) and o.speaker not in yeses:
            yeses.append(o.speaker)
    # the one who put the choice up still leaves it open ("环湖还是上山" … "我看看天气再说"): not settled
    later = [o for o in messages[idx + 1 : idx + 6] if o.speaker == q.speaker]
    if later and (has(_fold(later[0].text), "decision", "deferred") or has(_fold(later[0].text), "decision", "undecided")):
        return None
    return (sentence, [m.speaker, *yeses]) if len(yeses) >= 2 or settles and q.speaker != m.speaker else None


def _picks_side(question: str, reply: str) -> bool:
    """A reply whose first clause is one of the two sides a choice put ("内嵌还是外挂" — "内嵌吧，B站那边…", "放上午还是
    下午" — "上午，9点到10点半"): the words either side of the connector (cue ``question.alternative``), then at most a
    particle (cue ``decision.pick_tail``)."""
    f = _fold(reply).strip()
    options = [x for c in cue("question", "alternative").finditer(_fold(question)) for x in c.groups()]
    first = _CLAUSE.split(f)[0]
    return any(len(o) >= 2 and first.startswith(o) and cue("decision", "pick_tail").match(f[len(o):] or "。")
               for o in options)


def _just_volunteered(messages: list[Message], idx: int, spoken_to: str | None, calls: dict[int, str]) -> str | None:
    """The member whose message right before ``messages[idx]`` took on a "谁来…" call (None: none)."""
    return spoken_to if spoken_to and idx and messages[idx - 1].id in calls else None


def _conditional_notice(announcements: list[Announcement], clause: str, s: str, m: Message, kind: str | None) -> bool:
    """Whether ``clause`` is a rule for a case that may come ("如果风超过五级就取消，周五晚上八点前通知大家"):
    the organiser's notice (filed, once, if its sentence is none yet), nobody's to-do."""
    if not has(_fold(clause), "action", "conditional_notice"):
        return False
    if kind is None:
        announcements.append(Announcement(text=_ungreeted(_clean(s)), kind="通知", sources=[m.id]))
    return True


def _group_errand(messages: list[Message], idx: int) -> bool:
    """Whether ``messages[idx]`` answers the question another member just asked about the group's matter (not
    about the one answering: no 你 in it) with the errand the speaker runs for it ("摊位桌子呢 居委会借得到吗" —
    "我明晚去居委会问，借4张桌子"): the errand is the group's work, not the speaker's own life."""
    if idx == 0:
        return False
    prev, m = messages[idx - 1], messages[idx]
    return prev.speaker != m.speaker and is_question(prev.text) and not cue("owner", "you").search(_fold(prev.text)) \
        and relevant(prev.text, m.text)


def _not_group_work(action: ActionItem, clause: _Clause, m: Message, actions: list[ActionItem], *, own_life: bool,
                    own_errand: bool, calling: bool, recapping: bool) -> bool:
    """Whether a new to-do with no "…前/截止" deadline of its own is no work for the group: a member's own life
    (a self-introduction), their own errand after the answer to their own question, the reason a caller for
    a volunteer gives for not doing it, or a recap repeating the work of someone already listed."""
    if _marked(action, m):
        return False  # (a "…前" deadline of their own is still a promise: "我是新来的小王，周五前交表")
    mine = clause.kind == "first_person"
    # a recap's roster or settled fact ("总结：12月6日比赛，队员我、老陈…") names people but gives no work
    return own_life or (own_errand or calling) and mine or recapping and (not _has_verb(_fold(clause.text)) or any(
        _owner_names(a.owner) & _owner_names(action.owner) for a in actions))


def _take_call(actions: list[ActionItem], volunteered: ActionItem, m: Message) -> list[tuple[ActionItem, str]]:
    """File the work a volunteer's ``m`` takes on from a "谁来…" call (``volunteered``). The call's own clauses
    told to everyone ("谁来统计人数？周五中午前要报给工作室") are the volunteer's work now, not a second to-do
    for 大家; a reply that names its own part and time ("我可以 推文下周三前发") is already the volunteer's item,
    the call in its note: the call's other parts (拍合影) join it and its time stays the reply's own. Returns the
    volunteer's item and the call when the item names none of the call's things and the reply takes that call
    on (:func:`_heads_call`): the call heads the item once all to-dos are made (:func:`_head_with_calls`)."""
    asked, whole = volunteered.sources[0], _fold(volunteered.task)
    # (and the caller's own line with no subject, "海报要改一下日期，周四前发出去" — "这个我来": the volunteer's now)
    caller = next((a.owner for a in actions if a.sources == [asked]), None) if _offers_as(m, "this_one") else None
    actions[:] = [a for a in actions if not (a.owner in ("大家", caller) and a.sources == [asked] and _fold(a.task) in whole)]
    own = next((a for a in actions if m.id in a.sources and m.speaker in _owner_names(a.owner)), None)
    # "算我一个" after another's "我可以": the two take the call on together
    first = next((a for a in actions if asked in a.sources and a.owner not in (None, "大家")), None) \
        if _offers_as(m, "joins") else None
    if own is None and first is not None:
        if m.speaker not in _owner_names(first.owner):
            first.owner = f"{first.owner}和{m.speaker}"
        first.sources = sorted(set(first.sources) | {m.id})
        return []
    if own is None:
        _merge(actions, volunteered)
        return []
    headed: list[tuple[ActionItem, str]] = []
    if cue("action", "volunteer_with").fullmatch(_spoken(own.task)) or _offer_only(own.task):
        own.task = f"{volunteered.task}；{own.task}"  # "我和小周一起" names no work: the call's is theirs
    elif _heads_call(actions, volunteered.task, own, asked, m):
        headed.append((own, volunteered.task))
    own.sources = sorted(set(own.sources) | set(volunteered.sources))
    if own.deadline is None:
        own.deadline, own.deadline_text = volunteered.deadline, volunteered.deadline_text
    return headed


def _call_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The things (nouns by jieba's dictionary, or words it gives no class; two characters or more) and the
    doings (its verbs, not the light ones of cue ``action.light_verbs``: 来, 去, 帮忙) a "谁来…" call names."""
    light = cue("action", "light_verbs")
    things, doings = set(), set()
    for w in words(_fold(text)):
        tag = word_class(w)
        if len(w) >= 2 and (tag is None or tag.startswith("n") or tag == "vn") and not interrogative(w):
            things.add(w)
        if tag == "v" and not light.fullmatch(w):
            doings.add(w)
    return frozenset(things), frozenset(doings)


def _heads_call(actions: list[ActionItem], call: str, own: ActionItem, asked: int, m: Message) -> bool:
    """Whether the volunteer's item ``own`` (from ``m``) should be headed by the call it answers ("舞台背景布谁去
    买" — "我去买吧，明天上午去镇上"): it names none of the call's things, and the reply does the call's own doing
    (买 ↔ 谁去买) or the call is still open — no one else was given work between the call (message ``asked``) and
    the reply. ("垃圾袋和夹子谁来准备？" given to 小敏, then "我来负责拍照和写简报": another job, not the call.)"""
    things, doings = _call_words(call)
    task = _fold(own.task)
    if not things or any(w in task for w in things):
        return False
    if doings & set(words(_fold(m.text))):
        return True
    return not any(a is not own and a.owner not in (None, "大家", m.speaker) and a.sources
                   and asked < a.sources[0] < m.id for a in actions)


def _named_ask_heads(made: list[ActionItem], messages: list[Message], idx: int,
                     people: People) -> list[tuple[ActionItem, str]]:
    """The answer's own to-do and the question it answers, when another member just asked its speaker by name
    ("阿强 展板你那边借得到吗" — "借得到，学校有，周五前我开车拉过来") and the to-do names none of the question's
    things: the question heads the item once all to-dos are made (:func:`_head_with_calls`), as a call does.
    A question about the asker's own matter (``owner.me``: "那我休假前要交接什么") asks for no thing and heads nothing."""
    m = messages[idx]
    asked = next((o for o in reversed(messages[max(0, idx - 2):idx]) if o.speaker != m.speaker), None)
    # (a question about the asker's own matter, "阿岚，我下周要出差，…能不能换个人？", asks the answerer for no thing)
    if asked is None or not is_question(asked.text) or _spoken_to(asked, people) != [m.speaker] \
            or has(_fold(asked.text), "owner", "me"):
        return []
    call = _clean(asked.text)
    things = _call_words(call)[0]
    return [(a, call) for a in made if a.owner == m.speaker and m.id in a.sources and asked.id not in a.sources
            and things and not any(w in _fold(a.task) for w in things)]


def _head_with_calls(actions: list[ActionItem], headed: list[tuple[ActionItem, str]]) -> None:
    """Head each volunteer's item that names none of its call's things with the call, once all the to-dos are
    made (later lines merged into it may have named them since; the calls' words would have drawn later lines in)."""
    for own, call in headed:
        if any(a is own for a in actions) and not any(w in _fold(own.task) for w in _call_words(call)[0]):
            own.task = f"{call}；{own.task}"


def _file_notice(announcements: list[Announcement], told: dict[str, tuple[int, Announcement]], s: str,
                 messages: list[Message], idx: int, *, in_list: bool, heads: bool, work: bool = False) -> str | None:
    """The kind of notice sentence ``s`` of ``messages[idx]`` is (None: none), filed in ``announcements``;
    the limit, sign-up or fee of the event its speaker just announced is added to that notice."""
    m, f = messages[idx], _fold(s)
    kind = _announcement_kind(f, in_list=in_list)
    if kind == "下期预告" and has(f, "action", "given_due"):
        kind = None  # "@小林 你下周三前把分享大纲发我": work given, not the next session told
    # an event told without a notice word (also the chat's opening line: "周六上午九点…滨江公园…报名费八十块"), never a
    # dated decision (a decision)
    if kind is None and not _decides(s):
        told_part = _told_before_asking(s)
        if event_notice(told_part, m.time):
            kind, s = "通知", told_part
    if kind and not (heads and re.search(r"[：:]\s*$", s)):  # "几个通知：" heads a list
        announcements.append(Announcement(text=_ungreeted(_clean(s)), kind=kind, sources=[m.id]))
        told[m.speaker] = (idx, announcements[-1])
    elif kind is None and not work and _notice_terms(s) and m.speaker in told and idx - told[m.speaker][0] <= NOTICE_REACH \
            and not has(f, "announcement", "new_matter") \
            and not (idx and messages[idx - 1].speaker != m.speaker and is_question(messages[idx - 1].text)):
        event = told[m.speaker][1]  # (not the answer to someone's "费用多少")
        event.text = f"{event.text}；{_ungreeted(_clean(s))}"
        event.sources = sorted(set(event.sources) | {m.id})
    return kind


def _told_before_asking(sentence: str) -> str:
    """What a line tells before it asks or puts something to the group ("说下汇报演出的事，12月27日周六下午2点，在
    文化馆二楼小剧场，…，大家看定哪个" → the clauses before that one): the whole line when it asks nothing or asks
    in its first clause."""
    if not is_question(sentence) and not has(_fold(sentence), "decision", "proposal"):
        return sentence
    clauses = _CLAUSE.split(sentence)
    first = next((n for n, c in enumerate(clauses)
                  if c.strip() and (is_question(c) or has(_fold(c), "decision", "proposal"))), None)
    return "，".join(c.strip() for c in clauses[:first] if c.strip()) if first else sentence


def _all_due(actions: list[ActionItem], messages: list[Message]) -> list[ActionItem]:
    """A line that puts all the work before one day (cue ``action.all_due``: "所有准备工作12月25日前都要弄完") is no
    to-do of its own: its day is the due date of every to-do given from it on that states no time of its own."""
    at = {m.id: n for n, m in enumerate(messages)}
    for n, m in enumerate(messages):
        if m.time is None or not has(_fold(m.text), "action", "all_due"):
            continue
        due = find_deadline(m.text, m.time, m.text)
        if due is None or due.day is None or due.day <= m.time.date():
            continue
        kept = [a for a in actions if a.sources != [m.id]]
        for a in kept:
            i = at.get(a.sources[0], -1) if a.sources else -1
            # (not one whose words name a day of their own, "好，浩浩爸你周五下班去拿": that day is dated later)
            if _undated(a) and i > n \
                    and not any(d.day is not None for d in off_schedule(a.task, messages[i].time)):
                _set_due(a, due)
        return kept
    return actions


def _event_due(actions: list[ActionItem], messages: list[Message], events: list[date | None]) -> None:
    """A to-do with no time of its own, taken on while an event is ahead, for work done at the event
    ("医药箱我来带" for Saturday's match), is due on that event's day: the day the chat names for it (so
    the date is grounded). Not work sent or handed in before it ("你把名字发给李大爷就行"), nor one
    whose own time could not be dated ("海报出来后两天内") nor one put a moment away ("一会发")."""
    at = {m.id: i for i, m in enumerate(messages)}
    for a in actions:
        i = at.get(a.sources[0]) if a.sources else None
        if a.deadline is not None or a.deadline_text or i is None or messages[i].time is None or says_soon(a.task):
            continue
        # (only one's own promise, "点心我来带": work given to another with no time, "@陈叔 签到你来管吧", gets none)
        if not any(m.id in a.sources and m.speaker == a.owner for m in messages):
            continue
        # the task's own day ("我今天下午去找物业说", "明天上午去"): when the owner acts, not the event's
        # (not a date that closes a clause about another matter: "婚期确定是10月6日，请帖我这边按这个日子去印")
        own = [d for d in off_schedule(a.task, messages[i].time, events[i]) if d.day is not None
               and not other_matter(d, a.task)]
        if own:
            # (the task's first line read in its message: "下周的安排：" above it makes its 周四 next week's)
            due = in_message_week(own[-1], a.task.split("；")[0], messages[i].text, messages[i].time, None, None)
            if due.day >= messages[i].time.date():
                _set_due(a, due)
            continue
        day = events[i]
        if day is not None and day > messages[i].time.date() and done_at_event(bare_task(a.task)):
            # (told in the words the chat named the day with: a date it never wrote is never printed)
            named = next((d.text for m in reversed(messages[:i + 1]) if m.time is not None
                          for d in time_expressions(m.text, m.time) if d.day == day and not d.marked), None)
            if named is not None:
                a.deadline, a.deadline_text = day.isoformat(), named


def _night_due(actions: list[ActionItem], messages: list[Message]) -> None:
    """In a chat about night work, a to-do's bare hour ("3点前") said in the evening is the coming night's small hours
    (:func:`small_hours`), read from the time of the message whose words hold it."""
    if not night_work([m.text for m in messages]):
        return
    by_id = {m.id: m for m in messages}
    for a in actions:
        said = next((by_id[i] for i in a.sources if i in by_id and a.deadline_text
                     and _fold(a.deadline_text) in _fold(by_id[i].text)), None)
        night = small_hours(a.deadline, a.deadline_text, said.time) if said is not None else None
        if night is not None:
            a.deadline = night


def _noted(d: Decision, messages: list[Message]) -> bool:
    """Whether another member took decision ``d`` up right after its line ("还是老规矩…" — "收到"): a bare
    acknowledgement or a yes before its decider speaks again, within the next three messages. It lets the decision
    stand; it does not make the member an agreer (:func:`_agreed`)."""
    at = next((i for i, m in enumerate(messages) if d.sources and m.id == d.sources[0]), None)
    if at is None:
        return False
    for other in messages[at + 1 : at + 4]:
        if other.speaker == messages[at].speaker:
            return False
        if _acknowledges(other.text) or _ack_only(other.text) or _says_yes(other.text):
            return True
    return False


def _instruction(d: Decision, messages: list[Message]) -> bool:
    """A line with only a weak settling word ("对讲机，频道统一用462.550") that nobody put up, asked about or
    agreed to is the organiser's instruction, not a decision of the group: no strong settling word, no date
    or time (a plan), no acceptance in it, no one but its speaker among its people, and no earlier line (a
    proposal or a question) before it."""
    f = _fold(d.text)
    # a dated plan (定在12月12日), a line closing something (那就唱…) or taking something up (200可以) is one
    if has(f, "decision", "strong") or len(d.by) > 1 or _noted(d, messages) or not d.sources or has(f, "decision", "planned") \
            or cue("decision", "accept_head").match(f) or has(f, "decision", "agree") or has(f, "decision", "taken_up") \
            or has(f, "decision", "reverts"):  # (going back to the plan before answers the change put up)
        return False
    at = next((i for i, m in enumerate(messages) if m.id == d.sources[0]), None)
    if at is None:
        return False
    parts = items(messages[at].text)
    if len(parts) > 1 and (has(_fold(parts[0]), "decision", "summary_header") or cue("decision", "summary_inline").match(
            _fold(parts[0])) and _semicolon_run(messages[at].text, parts)):
        return False  # an item of a list of what was settled ("那我拍板了：… 2. 当天不收新会员", "再确认一下：…；…")
    reach = int(raw("decision", "accept_reach"))
    # (any question counts: "票怎么卖" puts up what "那票价就10元" settles, with no word in common)
    return not any(_puts_up(o.text, d.text) or is_question(o.text) for o in messages[max(0, at - reach) : at])


def _only_an_ask(d: Decision, actions: list[ActionItem], messages: list[Message]) -> bool:
    """A "decision" that only gives someone work ("横幅那就麻烦小许去印一下吧") is that person's to-do; a
    settled point that also hands out work ("那就这么定了，…阿成你订车") and a close of who does it, after the group
    talked it over ("收银这块谁管？" … "行，那就小刘负责收银吧": :func:`_settles_who`), stay a decision too."""
    if has(_fold(d.text), "decision", "strong") or has(_fold(d.text), "decision", "summary_header") \
            or _settles_who(d, messages):
        return False
    group = cue("owner", "group")
    asked = [a for a in actions if a.owner and not group.fullmatch(_fold(a.owner)) and a.sources
             and a.sources[0] == d.sources[0] and _fold(d.text) in _fold(a.task)]
    return bool(asked) and not _settles_besides(d.text, {n for a in asked for n in _owner_names(a.owner)})


def _closes_who(sentence: str, messages: list[Message], idx: int, people: People) -> bool:
    """Whether ``sentence`` (opening ``messages[idx]``) closes, with an acceptance head (行，/好，/可以，:
    ``decision.accept_head``), the who-question talked over just before it by handing the work to a member it names
    ("收银这块谁管？" — "我上次管过…" — "要不让小刘来" — "行，小刘负责收银"): :func:`_settles_who` on the line."""
    f = _fold(sentence).strip()
    if not cue("decision", "accept_head").match(f) or is_question(sentence):
        return False
    if not any(who != messages[idx].speaker for _pos, _alias, who in people.named_in(f)):
        return False
    return _settles_who_at(sentence, messages, idx)


def _settles_who(d: Decision, messages: list[Message]) -> bool:
    """Whether decision ``d`` closes, with a closing head (那就…吧, 行，…: ``decision.suggests`` /
    ``decision.accept_head``), a who-question on the same matter (a 2-character run in common) put to the group a few
    lines before (``reply.asks_who``, within ``decision.accept_reach``) that others than its speaker talked over in
    between ("收银这块谁管？" — "我上次管过…" — "要不让小刘来" — "行，那就小刘负责收银吧"): the group's choice of who does it, settled — a decision as well as the
    new owner's to-do. A bare ask with no question before it ("横幅那就麻烦小许去印一下吧") is only the to-do."""
    at = next((i for i, m in enumerate(messages) if d.sources and m.id == d.sources[0]), None)
    return at is not None and _settles_who_at(d.text, messages, at)


def _settles_who_at(text: str, messages: list[Message], at: int) -> bool:
    """:func:`_settles_who` for a decision worded ``text`` on ``messages[at]``."""
    m, f = messages[at], _fold(text).strip()
    if is_question(text) or not (cue("decision", "suggests").search(f) or cue("decision", "accept_head").match(f)):
        return False
    reach = int(raw("decision", "accept_reach"))
    for k in range(at - 1, max(-1, at - reach - 1), -1):
        q = messages[k]
        if is_question(q.text) and cue("reply", "asks_who").search(_fold(q.text)):
            return bool(_content_bigrams(text) & _content_bigrams(q.text)) \
                and any(o.speaker not in (m.speaker, q.speaker) for o in messages[k + 1 : at])
    return False


def _settles_besides(text: str, owners: set[str]) -> bool:
    """Whether a decision line settles something besides the work it gives ``owners``: "好，那就统一买两卷，
    钱从公费出，小钱你负责下单" settles what to buy and who pays (a decision and a to-do); "横幅那就麻烦小许去
    印一下吧" only asks. The clauses that name no owner and no 你, less their times and settling words, must
    still say something."""
    you = cue("owner", "you")
    rest = [c for c in _CLAUSE.split(_fold(text))
            if c.strip() and not you.search(c) and not any(_fold(o) in c for o in owners if o)]
    said = without_times("".join(rest))
    return len(cue("decision", "formula").sub("", said)) >= 4


def _task_parts(a: ActionItem) -> list[str]:
    return [p for p in a.task.split("；") if p.strip()]


def _after_calling_off(a: ActionItem, off: Message) -> bool:
    """``a`` holds, beside the work called off, the calling-off line ``off`` itself giving new work to the one it
    tells (a clause besides the calling-off said to 你: "凉糕我来做" … "凉糕不做了，改成红糖汤圆，小芳你煮汤圆"): ``a``
    keeps only that line and what came after it (its deadline only when still said there). False, and ``a``
    unchanged, when it holds no such line ("阿凯采购单先别交了，下个月再说" gives no new work)."""
    parts = _task_parts(a)
    if off.id not in a.sources[1:] or len(parts) != len(a.sources) or not any(
            cue("owner", "you").search(c) and not has(c, "action", "called_off") for c in _CLAUSE.split(_fold(off.text))):
        return False
    k = a.sources.index(off.id)
    a.sources, a.task = a.sources[k:], "；".join(parts[k:])
    if a.deadline_text and a.deadline_text not in a.task:
        a.deadline = a.deadline_text = None
    return True


def _passed_to(text: str, people: People | None, owner: str | None, kind: str = "passes_after") -> str | None:
    """The one member a line hands its speaker's work to, or None: cue owner.passes_to right before the name
    ("我周五有事，借桌子换阿强吧": 阿强) or owner.passes_after right after it ("大巴的事乐乐妈你帮我接一下",
    "泳帽阿强替我拎"; with ``kind="swaps"`` only a trade: "排版我跟阿凯换一下")."""
    if people is None:
        return None
    f = _fold(text)
    before, after = cue("owner", "passes_to"), cue("owner", kind)
    names = {who for pos, alias, who in people.named_in(f) if who != owner and (
        (kind == "passes_after" and before.search(f[max(0, pos - 3):pos])) or after.match(f[pos + len(alias):]))}
    return names.pop() if len(names) == 1 else None


def _passed_on_declining(text: str, people: People | None, owner: str | None) -> str | None:
    """The one member a line giving its speaker's work up (owner.declines / owner.cannot, not asked) hands it to by
    name with a handing word right before the name (owner.passes_declining: "这个我忙不过来，交给小吴吧"), or None.
    Without the decline "填完交给小吴" hands a thing over, not the work."""
    if people is None or is_question(text):
        return None
    f = _fold(text)
    if not (has(f, "owner", "declines") or has(f, "owner", "cannot")):
        return _passed_on_once_mine(f, people, owner)
    before = cue("owner", "passes_declining")
    names = {who for pos, _alias, who in people.named_in(f) if who != owner and before.search(f[max(0, pos - 4):pos])}
    return names.pop() if len(names) == 1 else None


def _passed_on_once_mine(f: str, people: People, owner: str | None) -> str | None:
    """The one member the folded line ``f`` hands its speaker's work to when it says the work was theirs to begin with
    (owner.was_mine: "节目单我本来要排的，这周临时出差，交给黄丽吧", "報名費本來我收的…交給王小姐吧"), or None: a handing
    word right before the name (owner.passes_once_mine: 交给 / 让 / 给) and at most 吧 / 来吧 after it to the clause's end
    (owner.hands_whole_after). "本来说好小王做的" names no 我; "我本来想交给小王的" hands nothing over. Anyone may say it
    of the owner by name (:func:`_was_theirs`: "路线表原来小吴做，他要加班，交给阿斌吧")."""
    if not (has(f, "owner", "was_mine") or _was_theirs(f, people, owner)):
        return None
    before, after = cue("owner", "passes_once_mine"), cue("owner", "hands_whole_after")
    names = set()
    for pos, alias, who in people.named_in(f):
        end = next((m.start() for m in _STOPS.finditer(f, pos + len(alias))), len(f))
        if who != owner and before.search(f[max(0, pos - 4):pos]) and after.match(f[pos + len(alias):end]):
            names.add(who)
    return names.pop() if len(names) == 1 else None


def _handed_whole(text: str, people: People | None, owner: str | None, unnamed: bool = False) -> str | None:
    """The one member the owner's line hands their work to whole with no decline, or None: a clause that is only the
    work (or a word standing for it), a handing word, the name and at most 吧 (owner.hands_whole_before /
    hands_whole_after: "横幅交给小吴吧", "增高墊交給張爸爸吧", a member or a name-shaped word; with ``unnamed`` only a
    word standing for the work, owner.hands_whole_unnamed: "这事交给老周吧"). A thing handed over once done ("填完交给小吴",
    owner.hands_whole_done) names where it goes, not who does it; the work named handed to a role holder ("报名表交给班长吧",
    :func:`_role_held`) is handed in."""
    if people is None or is_question(text):
        return None
    f = _fold(text)
    before = cue("owner", "hands_whole_unnamed" if unnamed else "hands_whole_before")
    names = set()
    members = people.named_in(f)  # (a name-shaped word of no member too: "增高垫交给张爸爸吧" with 张爸爸 not yet heard)
    shaped = [(pos, n, n) for pos, _end, n in name_shaped(f) if not any(p <= pos < p + len(x) for p, x, _ in members)]
    for pos, alias, who in members + shaped:
        start = max((m.end() for m in _STOPS.finditer(f, 0, pos)), default=0)
        end = next((m.start() for m in _STOPS.finditer(f, pos + len(alias))), len(f))
        lead = f[start:pos]
        if who != owner and before.search(lead) and not cue("owner", "hands_whole_done").search(lead) \
                and cue("owner", "hands_whole_after").match(f[pos + len(alias):end]) and (unnamed or not _role_held(who)):
            names.add(who)
    return names.pop() if len(names) == 1 else None


def _was_theirs(f: str, people: People, owner: str | None) -> bool:
    """Whether the folded line ``f`` says the work was ``owner``'s to begin with, naming them right after
    本来 / 原来 (owner.was_theirs: "路线表原来小吴做"); "本来说好小王做的" said of another member is not about ``owner``."""
    was = cue("owner", "was_theirs")
    return owner is not None and any(who == owner and was.search(f[max(0, pos - 4):pos])
                                     for pos, _alias, who in people.named_in(f))


def _role_held(who: str) -> bool:
    """Whether the name ``who`` carries a role (name_parts.prefixes: 财务小梅, 班长-老郑, 群主阿柒): the named work
    handed to a role holder ("报名表交给班长吧") is a thing handed in to whoever collects it, not work passed on."""
    f = _fold(who)
    return any(_fold(str(r)) in f for r in raw("name_parts", "prefixes"))


def _withdraws(text: str, people: People | None, owner: str | None, whole: bool = True) -> bool:
    """Whether an owner's line gives their work up: they cannot (owner.declines, or a doing word + cannot +
    a change of state, owner.cannot), give it back (owner.hands_back: "还是你来吧" — even as a question), or
    hand it to someone named (:func:`_passed_to`), or on whole (:func:`_handed_whole`; with ``whole`` off only by a
    word standing for the work: "这个交给小雨妈妈吧")."""
    f = _fold(text)
    if _gives_back(f) or _passed_to(text, people, owner) or _handed_whole(text, people, owner, unnamed=not whole):
        return True
    if people is not None and not is_question(text) and _passed_on_once_mine(f, people, owner) is not None:
        return True  # ("节目单我本来要排的，这周出差，交给黄丽吧": theirs to begin with, handed on by name)
    return (not is_question(text) or _declines_then_asks(f)) and (has(f, "owner", "declines") or has(f, "owner", "cannot"))


def _declines_then_asks(f: str) -> bool:
    """Whether the folded line says its speaker cannot do the work in a clause of its own, then asks who will
    ("周六的签到我临时有事做不了，小林能接吗"): the question is the hand-over's request, not doubt of the decline. A
    decline that is itself asked ("你是不是做不了？") or only supposed ("要是做不了…") gives nothing up."""
    clauses = [c for c in _STOPS.split(f) if c]
    for i, c in enumerate(clauses):
        if has(c, "owner", "declines") or has(c, "owner", "cannot"):
            return not is_question(c) and not has(c, "owner", "you") and not has(c, "action", "hypothetical") \
                and any(is_question(d) for d in clauses[i + 1:])
    return False


def _withdraws_once(text: str, people: People | None, owner: str | None) -> bool:
    """:func:`_withdraws`, kept on ``people`` per line and owner (the people of one chat never change)."""
    if people is None:
        return _withdraws(text, people, owner)
    if (text, owner) not in people.withdrawn:
        people.withdrawn[text, owner] = _withdraws(text, people, owner)
    return people.withdrawn[text, owner]


def _gives_back(f: str) -> bool:
    """Whether the folded line ``f`` gives its speaker's work back or on to the one spoken to, named or not
    (owner.hands_back: "还是你来吧"; owner.hands_on_unnamed: "小雪你帮我做一下吧")."""
    return has(f, "owner", "hands_back") or has(f, "owner", "hands_on_unnamed")


def _pairs(text: str) -> set[str]:
    """The two-character Chinese runs of a folded text: how closely a line names a task's work (烫金版 is not 烫金机)."""
    return {text[i:i + 2] for i in range(len(text) - 1) if re.fullmatch(r"[一-鿿]{2}", text[i:i + 2])}


def _declined_at(a: ActionItem, messages: list[Message], at: dict[int, int], people: People | None = None,
                 rivals: list[ActionItem] | None = None) -> int | None:
    """Where (the message index) ``a``'s owner declined it (said they cannot do it: 做不了 / 去不了 / 顾不过来), or
    None: the task's state changes when its owner gives it up (:func:`_withdraws`) in a line about this work — one
    naming the same work, however late, or within a few messages of the ask a line answering it at once ("这次做不了")."""
    first = at.get(a.sources[0])
    if first is None:
        return None
    given = messages[first].speaker != a.owner  # asked of them, not their own promise
    window = int(raw("owner", "decline_window"))
    for k, m in enumerate(messages[first:]):
        # (or anyone's line handing it on from them by name: "路线表原来小吴做，他要加班，交给阿斌吧")
        if (m.speaker != a.owner and (people is None or is_question(m.text) or not _was_theirs(_fold(m.text), people, a.owner)
                                      or _passed_on_once_mine(_fold(m.text), people, a.owner) is None)) \
                or not _withdraws_once(m.text, people, a.owner):
            continue
        # (work given to them and handed on whole with the work named, no decline, may be a thing handed in: "名单交给
        # 阿强吧" — only their own promise passes that way, "增高垫我来借" … "增高垫交给张爸爸吧")
        # (nor is the line that gives the work its own hand-over: "交给晴晴妈，她管账，周四前交齐")
        if (given or k == 0) and not _withdraws(m.text, people, a.owner, whole=False):
            continue
        # about this work: it names the work, or it answers the ask at once ("这次做不了"); "聚餐我去不了" is not
        same = _same_work(m.text, a.task)
        # (or, within the window, asks for someone else to do the one work they have: "10号出差，分米换个人吧")
        # ("…，小雪你帮我做一下吧": handed on without naming it, owner.hands_on_unnamed)
        # ("这个我忙不过来，交给小吴吧": handed on by name without naming it, :func:`_passed_on_declining`)
        # ("这事交给老周吧": handed on whole by name with no decline, :func:`_handed_whole`)
        sole = k <= window and (_gives_back(_fold(m.text)) or _passed_on_declining(m.text, people, a.owner) is not None
                                or _handed_whole(m.text, people, a.owner, unnamed=True) is not None) \
            and _only_work(a, m, rivals or [], at)
        # (or cannot come, and someone else at once stands in for them: "我周六去不了了" … "那我替你")
        sole = sole or (k <= window and not same and _only_work(a, m, rivals or [], at)
                        and _stood_in(messages, first + k) is not None)
        if _answers_invitation(messages, first + k, a.owner):
            continue  # ("有没有人明晚一起去夜市" — "去不了 明天要上班": the invitation is declined, not the work)
        if (same and (k <= window or _same_work(m.text, _task_parts(a)[0]))) or (given and k <= int(raw("owner", "accept_window"))) \
                or sole:
            if _names_another(a, m, rivals or [], at, people) or _names_other_ask(a, messages[first + 1:first + k], m, people):
                continue  # the line gives up another work of theirs it names more closely
            return first + k if all(at.get(x, -1) <= at[m.id] for x in a.sources) else None
    return None


def _stood_in(messages: list[Message], declined: int) -> int | None:
    """Where (the message index), within a few messages of ``messages[declined]``, another member stands in for its
    speaker (owner.stands_in: "那我替你，周六我开车", "我頂你啦"), or None."""
    who = messages[declined].speaker
    for k in range(declined + 1, min(len(messages), declined + 1 + int(raw("owner", "accept_window")))):
        if messages[k].speaker != who and cue("owner", "stands_in").match(_fold(messages[k].text)):
            return k
    return None


def _only_work(a: ActionItem, m: Message, rivals: list[ActionItem], at: dict[int, int]) -> bool:
    """Whether ``a`` is the only to-do its owner holds when they say ``m``: no other of theirs given before it."""
    return not any(b is not a and b.owner == a.owner and b.sources and at.get(b.sources[0], len(at)) < at[m.id]
                   for b in rivals)


def _closeness(a: ActionItem, m: Message, people: People | None) -> tuple[set[str], int]:
    """The two-character runs of the line ``m`` (names taken out when the participants are known) and how many of
    them ``a``'s work shares: the work as given, not the line itself merged in."""
    said = _pairs(_names_out(m.text, people) if people else _fold(m.text))
    return said, len(said & _pairs(_fold(_task_parts(a)[0])))


def _answers_invitation(messages: list[Message], k: int, owner: str | None) -> bool:
    """Whether ``messages[k]`` right after another member's open invitation to their own outing (owner.invites_along:
    "有没有人明晚一起去夜市" — "去不了 明天要上班") answers it: it gives up no work its speaker was given before."""
    return k > 0 and messages[k - 1].speaker != owner and has(_fold(messages[k - 1].text), "owner", "invites_along")


def _names_other_ask(a: ActionItem, between: list[Message], m: Message, people: People | None) -> bool:
    """Whether a line asking the owner for other work, after ``a`` was given and before their line ``m``, shares
    more of ``m``'s words than ``a`` does ("@阿飞 烫金版去城西制版厂取" — "烫金版我明天走不开": the plate, not the
    烫金机 they took on before)."""
    if people is None:
        return False
    said, mine = _closeness(a, m, people)
    return any(x.speaker != a.owner and any(who == a.owner for _, _, who in people.named_in(x.text))
               and len(said & _pairs(_names_out(x.text, people))) > mine for x in between)


def _names_another(a: ActionItem, m: Message, rivals: list[ActionItem], at: dict[int, int], people: People | None) -> bool:
    """Whether the owner's line ``m`` names another to-do of theirs, given before it, more closely than ``a``
    ("烫金版我明天走不开" gives up fetching the 烫金版, not running the 烫金机 they took earlier)."""
    said, mine = _closeness(a, m, people)
    return any(b is not a and b.owner == a.owner and b.sources and at.get(b.sources[0], len(at)) < at[m.id]
               and len(said & _pairs(_fold(b.task))) > mine for b in rivals)


def _names_out(text: str, people: People) -> str:
    """The folded text with every participant's name taken out ("阿梅餐厅不用订了" → "餐厅不用订了"): who is
    named says nothing about which work a line means."""
    f = _fold(text)
    for pos, alias, _who in sorted(people.named_in(f), reverse=True):
        f = f[:pos] + " " + f[pos + len(alias):]
    return f


def _task_words(text: str, people: People) -> set[str]:
    """The work words of a task with who does it and how it was given taken out: no name (阿梅), no word that only
    gives work (负责, action.assign) — "收银志明负责" and "对账我负责" share no work."""
    assign = cue("action", "assign")
    return {w for w in _work_words(_names_out(text, people)) if not assign.fullmatch(w)}


def _names_work(clause: str, work: str, people: People) -> bool:
    """Whether a clause names the work of a task: a work word in common, or a two-character word that
    the segmenter split (茶歇 → 茶 + 歇), names taken out of both and no pronoun, time or function word."""
    c, w = _names_out(clause, people), _names_out(work, people)
    if _same_work(c, w):
        return True
    pairs = _pairs(c) & _pairs(w)
    skip = _pronoun_tags() | _function_tags()
    return any(word_class(p) not in skip and not cue("action", "called_off").search(p)
               and not cue("owner", "me").search(p) and not cue("owner", "you").search(p) for p in pairs)


def _called_off_at(a: ActionItem, messages: list[Message], at: dict[int, int], people: People,
                   given: set[int] | None = None) -> int | None:
    """Where (the message index) ``a``'s work was called off, or None: a later line of the one who gave it or of
    its owner whose clause naming the same work says it is not to be done (action.called_off: "茶歇这个先不弄了",
    "横额取消"), with no time and no question in it (a time or a question gives or asks, it calls nothing off).
    "这个先不弄了" (action.this_one) right after the work was given, with no other work given in between (``given``:
    the message indexes holding to-dos), calls off that work without naming it."""
    first = at.get(a.sources[0]) if a.sources else None
    if first is None:
        return None
    giver = messages[first].speaker
    work = _task_parts(a)[0]
    last = max(at.get(s, first) for s in a.sources)
    for k in range(first + 1, len(messages)):
        m = messages[k]
        f = _fold(m.text)
        if not has(f, "action", "called_off") or has(f, "action", "hypothetical") or is_question(m.text):
            continue
        # (anyone else only by naming the owner: "阿杰采购单先别交了", "冰粉不做了…改成醪糟汤圆，幺妹你煮汤圆" — told to
        # its owner, what comes instead is new work, no move of this one)
        told = m.speaker not in (giver, a.owner)
        if told and not (a.owner and a.owner in {who for _, _, who in people.named_in(m.text)}):
            continue
        # (read item by item: a recap's "3. 夜航直播取消" calls its work off beside "1. 外拍改到周日上午8点"; an item
        # that moves a time or gives one after the calling off — "聚餐取消，改到周日" — calls nothing off)
        if any(has(c, "action", "called_off") and _names_work(cue("action", "called_off").sub(" ", c), work, people)
               for item in _ITEMS.split(f) if told or not _moves_on(item, m) for c in _CLAUSE.split(item)):
            return k
        if any(d.day is not None for d in time_expressions(m.text, m.time)):
            continue
        # (this one: the work given just before, by the same giver, none given since)
        if k - last <= int(raw("action", "called_off_reach")) and m.speaker == giver and given is not None \
                and not any(last < i < k for i in given) \
                and any(has(c, "action", "called_off") and cue("action", "this_one").match(c.strip()) for c in _CLAUSE.split(f)):
            return k
    return None


_ITEMS = re.compile(r"[。；;！!\n]|(?<![\d.])\d{1,2}[.、．](?!\d)")


def _moves_on(item: str, m: Message) -> bool:
    """Whether the folded ``item`` of ``m`` moves a time (cue moved) or states a day after its calling-off word: "周三的
    加练就不搞了" names the day of what it calls off, "聚餐取消，改到周日" gives a new one."""
    off = cue("action", "called_off").search(item)
    rest = re.split(r"[，,；;\s]", item[off.end():], maxsplit=1)[0] if off is not None else item
    # (a change said before the calling-off is of other matter: "游园会改成线上，海报也不用做了" calls the poster off)
    return has(item[off.start():] if off is not None else item, "moved") \
        or any(d.day is not None for d in time_expressions(rest, m.time))


@lru_cache(maxsize=16384)
def _may_say_finished(text: str, time: datetime | None) -> bool:
    """The part of :func:`_finished` that reads the line alone (a finished word, no question, no hypothetical, no day
    still to come), read once per line: each of an owner's to-dos asks it of all their later lines."""
    f = _fold(text)
    return has(f, "action", "finished") and not is_question(text) and not has(f, "action", "hypothetical") \
        and not any(d.day is not None and time is not None and d.day > time.date()
                    for d in time_expressions(text, time))


def _finished(m: Message, work: str, people: People) -> bool:
    """Whether ``m`` says the work ``work`` is done: a clause naming it ends on the doing finished (action.finished:
    "报修单我刚交给设备科了，搞定", "滤网清完了"), no question, no hypothetical and no day still to come."""
    if not _may_say_finished(m.text, m.time):
        return False
    f = _fold(m.text)
    clauses = [c for c in _CLAUSE.split(f) if c.strip()]
    # (a bare "搞定" closing a line goes with the clause before it: "报修单我刚交给设备科了，搞定")
    return any(has(c, "action", "finished") and (_names_work(cue("action", "finished").sub(" ", c), work, people)
                                                 or k and _names_work(clauses[k - 1], work, people))
               for k, c in enumerate(clauses))


def _reports_done(a: ActionItem, messages: list[Message], at: dict[int, int]) -> bool:
    """Whether ``a`` comes from one line alone that says the work is finished (action.finished: "师傅来过了 修好了
    换了个阀芯"), with no deadline: a report of work done, not work to do."""
    if len(a.sources) != 1 or a.deadline is not None or a.sources[0] not in at:
        return False
    m = messages[at[a.sources[0]]]
    # (the doing finished, said with its 了/咗: a bare "搞定" hands work on — "護具檢查的事阿德搞定")
    return _may_say_finished(m.text, m.time) and not has(_fold(m.text), "action", "later_promise") \
        and any(x.group(0)[-1:] in ("了", "咗", "啦", "喇") for x in cue("action", "finished").finditer(_fold(m.text)))


def _done_for_asker(a: ActionItem, messages: list[Message], first: int) -> bool:
    """Whether the member the to-do's line was @-addressed to (the one who asked for it: "@503-小林 已经派给王师傅了，
    今天下午4点前过去") says later that it is done, naming the doer or the work the line names ("王师傅来过了 修好了"):
    their own request, finished, is no open work."""
    m0 = messages[first]
    lead = _LEAD_MENTIONS.match(m0.text)
    if lead is None:
        return False
    asker = lead.group(0).strip().lstrip("@＠").strip()
    if not asker or asker == m0.speaker:
        return False
    task = _pairs(_fold(_LEAD_MENTIONS.sub("", m0.text, count=1)))
    skip = _pronoun_tags() | _function_tags()
    for m in messages[first + 1:]:
        if m.speaker != asker or not _may_say_finished(m.text, m.time):
            continue
        f = _fold(m.text)
        common = {p for p in _pairs(cue("action", "finished").sub(" ", f)) & task if word_class(p) not in skip}
        if common:
            return True
    return False


def _left_undone(a: ActionItem, messages: list[Message], at: dict[int, int], people: People) -> bool:
    """Whether ``a`` still has work to do: the parts of its task its owner says later are done (:func:`_finished`,
    a line of the owner after the part was given, the line saying so among its sources too) leave it; a to-do with no
    part left is done. The deadline goes with the parts whose words hold it."""
    if not a.sources or at.get(a.sources[0]) is None:
        return True
    first = at[a.sources[0]]
    if _done_for_asker(a, messages, first):
        return False
    if not a.owner or cue("owner", "group").fullmatch(_fold(a.owner)):
        return True
    # (only the owner's later lines that may say something is finished are read for each part)
    later = [m for m in messages[first + 1:] if m.speaker == a.owner and _may_say_finished(m.text, m.time)]
    parts = _task_parts(a)
    said = {p: [m for m in later if _finished(m, p, people)] for p in parts}
    closing = {m.id for ms in said.values() for m in ms}  # (the line saying so, merged into the task, goes too)
    left = [p for p in parts if not said[p]
            and not any(_fold(p).strip() in _fold(m.text) for m in later if m.id in closing)]
    if len(left) == len(parts):
        return True
    if not left:
        return False
    a.task = "；".join(left)
    if a.deadline_text and not any(a.deadline_text in p for p in left):
        a.deadline, a.deadline_text = None, None
    return True


def _taker(a: ActionItem, declined: int, messages: list[Message], people: People) -> tuple[str, int] | None:
    """Who took over the work ``a``'s owner declined at ``messages[declined]``, and where: in the next few
    messages, someone else offering it ("我送吧", "我来联系商场吧"), or the one who gave it naming another
    participant ("那阿珍你接一下？", "好，阿康送")."""
    giver = next((messages[i].speaker for i in range(declined) if messages[i].id == a.sources[0]), None)
    passed = _passed_to(messages[declined].text, people, a.owner) \
        or _passed_on_declining(messages[declined].text, people, a.owner) \
        or _handed_whole(messages[declined].text, people, a.owner)
    if passed is not None:
        return passed, declined
    asked = _asked_to_take(a, declined, messages, people)  # (the line giving it up may itself ask who takes it)
    if asked is not None:
        return asked
    stand_in = _stood_in(messages, declined)  # (once, not for every message of the window)
    for k in range(declined + 1, min(len(messages), declined + 1 + int(raw("owner", "accept_window")))):
        m = messages[k]
        if m.speaker == a.owner:
            asked = _asked_to_take(a, k, messages, people)
            if asked is not None:
                return asked
            continue
        said = cue("owner", "offer_lead").sub("", _spoken(m.text))  # "那我来问吧" offers as "我来问吧" does
        if (_takes_on(said) or k == stand_in) and not has(_fold(m.text), "owner", "declines"):
            return m.speaker, k
        if m.speaker == giver and has(_fold(m.text), "owner", "left_open"):
            return None  # the giver leaves the work open ("那先空着，谁有空再说"): nobody has it yet
        named = _named_for(a, m, people) if m.speaker == giver else set()
        if len(named) == 1:
            return named.pop(), k
    return None


def _asked_to_take(a: ActionItem, k: int, messages: list[Message], people: People) -> tuple[str, int] | None:
    """The member the owner of ``a``, having given it up, asks in ``messages[k]`` to take it over (owner.hands_back:
    "@阿梅 你周六能帮我顶一下吗", or a decline then a question naming one member, :func:`_declines_then_asks`: "…做不了，
    小林能接吗") and who says yes in the next few messages ("可以，我去守"), with where they said it."""
    m = messages[k]
    f = _fold(m.text)
    asked = _named_for(a, m, people) if has(f, "owner", "hands_back") else set()
    if not asked and _declines_then_asks(f):  # "周六的签到我临时有事做不了，小林能接吗": the one the question names
        asked = {who for _, _, who in people.named_in(_STOPS.split(f.rstrip("？?。！! "))[-1])
                 if who not in (a.owner, m.speaker)}
    if len(asked) != 1:
        return None
    who = asked.pop()
    for j in range(k + 1, min(len(messages), k + 1 + int(raw("owner", "accept_window")))):
        said = _fold(messages[j].text)
        if messages[j].speaker == who:
            yes = cue("owner", "accepts").match(said) or _takes_on(cue("owner", "offer_lead").sub("", said))
            return (who, j) if yes and not has(said, "owner", "declines") else None
    return None


def _named_for(a: ActionItem, m: Message, people: People) -> set[str]:
    """The members (other than ``a``'s owner and the speaker) a line names for ``a``'s work: in a short line ("那阿珍你
    接一下？", "好，阿康送") anyone named, in a longer one (a recap listing other work) only those named in a clause
    that names the work — "2. 旗袍费周五前交刘阿姨" gives her no photos."""
    clauses = [c for c in _CLAUSE.split(_fold(m.text)) if c.strip()]
    if len(_spoken(m.text)) > int(raw("owner", "short_handover_chars")):
        work = _task_parts(a)[0]
        clauses = [c for c in clauses if _names_work(c, work, people)]
    return {who for c in clauses for _, _, who in people.named_in(c) if who not in (a.owner, m.speaker)}


def _take_over(a: ActionItem, declined: int, actions: list[ActionItem], messages: list[Message],
               people: People) -> ActionItem | None:
    """The to-do of the one who took over ``a`` after its owner declined it: their own to-do from the messages
    where they took it (it inherits ``a``), else a new one with ``a``'s work and date."""
    found = _taker(a, declined, messages, people)
    if found is None:
        return None
    owner, k = found
    near = {m.id for m in messages[declined : k + int(raw("owner", "accept_window")) + 1]}
    theirs = next((b for b in actions if b is not a and b.owner == owner and set(b.sources) & near), None)
    took = _clean(messages[k].text)  # the words it was taken with ("那我来联系商场吧") stay with the work
    if theirs is not None:
        if messages[k].id not in theirs.sources:
            theirs.task, theirs.sources = f"{took}；{theirs.task}", sorted({*theirs.sources, messages[k].id})
        _inherit(a, [theirs], own=next((m.speaker for m in messages if m.id == a.sources[0]), None) == a.owner
                 and not _names_successor(messages[declined], people, a.owner))
        return None
    # (the taker's own time, "我去，明天上午顺路", over the one the work was given with)
    own = find_deadline(messages[k].text, messages[k].time, messages[k].text) if k != declined else None
    if own is None and k != declined and has(_fold(messages[k].text), "moved"):  # "好，但推到下周日": taken, re-timed
        own = find_deadline(messages[k].text, messages[k].time, messages[k].text, strict=False)
    return ActionItem(task="；".join(p for p in (a.task, took) if p), owner=owner,
                      deadline=own.iso if own else a.deadline, deadline_text=own.text if own else a.deadline_text,
                      sources=sorted({*a.sources, messages[k].id}))


class _HandOns:
    """Where each participant was given work by name (:func:`_handed_on_later`): the clauses, by message index, in
    which someone other than them names them right after an owner.hands_on cue (签到表交给小许). Built once per chat
    on first use, so each (to-do, later to-do) pair reads its few clauses instead of every message in its span — a
    long export of many to-dos was a pairs × messages scan."""

    def __init__(self, messages: list[Message], people: People) -> None:
        self.messages, self.people = messages, people
        self._by_owner: dict[str, tuple[list[int], list[str]]] | None = None

    def of(self, owner: str) -> tuple[list[int], list[str]]:
        if self._by_owner is None:
            hands = cue("owner", "hands_on")
            found: dict[str, tuple[list[int], list[str]]] = {}
            for i, m in enumerate(self.messages):
                for clause in _HANDING_CLAUSE.split(_fold(m.text)):
                    given = {who for pos, _alias, who in self.people.named_in(clause)
                             if who != m.speaker and hands.search(clause[max(0, pos - 8) : pos])}
                    for who in given:
                        at, clauses = found.setdefault(who, ([], []))
                        at.append(i)
                        clauses.append(clause)
            self._by_owner = found
        return self._by_owner.get(owner, ([], []))


def _handed_on_later(a: str, b: ActionItem, span: tuple[int, int], hand_ons: _HandOns) -> bool:
    """Whether ``b`` (a later owner's to-do on the same work as the task part ``a``) took that work over:
    someone other than the new owner gave it to them by name, the work named beside the name
    (签到表交给小许 / 横幅那就麻烦阿成 / 那海报给Coco吧)."""
    work = _work_words(a) & _work_words(b.task)
    if not work or not b.owner:
        return False
    at, clauses = hand_ons.of(b.owner)
    start, end = bisect_right(at, span[0]), bisect_right(at, span[1])
    return any(any(w in clause for w in work) for clause in clauses[start:end])


def _taken_back(a: ActionItem, b: ActionItem, messages: list[Message], first: dict[int, int]) -> bool:
    """Whether ``b`` is the work of ``a`` taken back by the one who gave it: ``b`` is the giver's own, in a line
    saying the work is re-given (owner.reassigned_to: "报价改由我来问吧，…周三前给大家")."""
    i, j = first.get(id(a), -1), first.get(id(b), -1)
    if i < 0 or j < 0 or messages[i].speaker == a.owner or b.owner != messages[i].speaker:
        return False
    return has(_fold(messages[j].text), "owner", "reassigned_to")


@lru_cache(maxsize=16384)
def _work_words(text: str) -> frozenset[str]:
    """The words naming the work in a task (横幅, 签到表, 海报), not who does it (我来, 你, 大家) nor how."""
    person = re.compile(f"{cue('owner', 'me').pattern}|{cue('owner', 'you').pattern}|{cue('owner', 'group').pattern}")
    return frozenset(w for w in words(_REPLY_LABEL.sub(" ", text)) if len(w) >= 2 and w not in _QWORDS
                     and word_class(w) not in _pronoun_tags() and word_class(w) not in _function_tags()
                     and word_class(w) != "t" and not person.search(w) and not _NUMBER.search(w))


def _same_work(a: str, b: str) -> bool:
    return bool(_work_words(a) & _work_words(b))


def _settle_owners(actions: list[ActionItem], messages: list[Message], people: People) -> list[ActionItem]:
    """Work that moved stays with its last owner. Work that was called off (:func:`_called_off_at`) is dropped.
    A to-do its owner declined (:func:`_declined_at`) goes to a later taker whose to-do shares its work words
    (:func:`_task_words`), or to whoever took it over (:func:`_take_over`), and is otherwise dropped; when the
    decline is a trade ("排版我跟阿凯换一下"), the partner's work given before it becomes this owner's. Work given on
    to someone later (the same work, a later to-do of another owner) leaves the earlier owner's list."""
    at = {m.id: i for i, m in enumerate(messages)}
    group = cue("owner", "group")
    first = {id(a): at.get(a.sources[0], -1) for a in actions if a.sources}
    last = {id(a): at.get(a.sources[-1], -1) for a in actions if a.sources}
    swaps: list[tuple[str, str, int, int]] = []  # (owner, partner, where, the message giving the work traded away)
    kept: list[ActionItem] = []
    given = {at[s] for a in actions for s in a.sources if s in at}
    handed: set[int] = set()  # the lines where an owner gave their work up
    hand_ons = _HandOns(messages, people)
    for a in actions:
        off = _called_off_at(a, messages, at, people, given) if a.sources else None
        if off is not None and not _after_calling_off(a, messages[off]):
            continue  # status cancelled: the work is not to be done at all
        if a.sources and (not _left_undone(a, messages, at, people) or _reports_done(a, messages, at)):
            continue  # status done: its owner said it was finished, or the line itself reports it ("打印机修好了")
        if not a.owner or group.fullmatch(_fold(a.owner)) or not a.sources:
            kept.append(a)
            continue
        if _named_in_passing(a, people):
            continue
        mine = {people.written(n, n) for n in _owner_names(a.owner)}  # 刘梅和Cindy: 刘梅 is one of them
        others, since, until = mine | {a.owner}, first[id(a)], last[id(a)]  # (built once per to-do, not per pair)
        later = [b for b in actions if b is not a and b.sources and first[id(b)] > since and last[id(b)] > until
                 and b.owner and b.owner not in others]
        declined = _declined_at(a, messages, at, people, actions)
        if declined is not None:
            handed.add(messages[declined].id)
            traded = _passed_to(messages[declined].text, people, a.owner, "swaps")
            if traded is not None:  # a trade: the partner's own earlier work comes to this owner
                swaps.append((a.owner, traded, declined, a.sources[0]))
            takers = _later_takers(a, later, messages[declined], people)
            if takers:  # (their own promise given up is no wording of the work: the taker's words and date hold)
                _inherit(a, takers, own=messages[first[id(a)]].speaker == a.owner
                         and not _names_successor(messages[declined], people, a.owner))
            else:
                taken = _take_over(a, declined, actions, messages, people)
                if taken is not None:
                    kept.append(taken)
            continue
        parts = _task_parts(a)
        moved = [p for p in parts if any(_same_work(p, b.task)
                                         and not (messages[first[id(a)]].speaker not in (a.owner, b.owner)
                                                  and messages[first[id(b)]].speaker == messages[first[id(a)]].speaker
                                                  and _own_days_apart(a, b))
                                         and (_handed_on_later(p, b, (first[id(a)], last[id(b)]), hand_ons)
                                              or _taken_back(a, b, messages, first))
                                         for b in later)]
        if not moved:
            kept.append(a)
            continue
        _inherit(a, [b for b in later if any(_same_work(p, b.task) for p in moved)])
        if len(moved) < len(parts):
            a.task = "；".join(p for p in parts if p not in moved)
            kept.append(a)
    for owner, partner, where, given in swaps:
        for b in kept:  # the partner's work given before the trade, other than what they took, is the owner's now
            if b.owner == partner and b.sources and first.get(id(b), -1) < where and given not in b.sources:
                b.owner = owner
    return [b for b in kept if not _unnamed_hand_on(b, kept, handed)]


def _later_takers(a: ActionItem, later: list[ActionItem], declined: Message, people: People) -> list[ActionItem]:
    """The later to-dos of others that take over ``a``, which its owner gave up in ``declined``: those sharing its work
    words — only the named one's when the line hands it on whole by name (:func:`_handed_whole`: "增高垫交给张爸爸吧"),
    not whoever shares a word."""
    mine_words = _task_words(a.task, people)
    takers = [b for b in later if mine_words & _task_words(b.task, people)]
    whole = _handed_whole(declined.text, people, a.owner)
    return takers if whole is None else [b for b in takers if whole in _owner_names(b.owner)]


def _own_days_apart(a: ActionItem, b: ActionItem) -> bool:
    """Whether two to-dos each say their own time, on different days ("@小陈 你负责带5台血糖仪，周二前领" and, from the
    same organiser, a later "血糖仪的试纸交给小李吧，@小李 你周四前买好"): work one organiser gives with its own day to
    each of two members is two pieces, not one handed on (the first owner's to-do and day stay)."""
    return a.deadline is not None and b.deadline is not None and a.deadline[:10] != b.deadline[:10] \
        and _says_own_date(a) and _says_own_date(b)


def _unnamed_hand_on(b: ActionItem, kept: list[ActionItem], handed: set[int]) -> bool:
    """"小雪你帮我做一下吧" said when giving one's own work up (cue owner.hands_on_unnamed): the line names no work, the
    work itself went to the one asked (:func:`_settle_owners`), so the line is no to-do of its own while that member
    holds another."""
    return len(b.sources) == 1 and b.sources[0] in handed and has(_fold(b.task), "owner", "hands_on_unnamed") \
        and any(c is not b and c.owner == b.owner for c in kept)


def _named_in_passing(a: ActionItem, people: People) -> bool:
    """An owner who is no participant and is named only in an example or a quotation (例如“张小凡-初一”), in
    an undated answer that opens with a yes, or a word that is a file name (settings.ini): a bystander, not
    someone with work."""
    if a.owner in people.speakers or people.resolve(a.owner or "") is not None:
        return False
    f, name = _fold(a.task), _fold(a.owner or "")
    spots = [m.start() for m in re.finditer(re.escape(name), f)] if name else []
    if not spots:
        return False
    if a.deadline is None and len(a.sources) == 1 and cue("reply", "yes_first").match(f):
        return True  # an answer that opens with a yes ("係，陳師傅佢哋四個人…4000蚊"): a fact about them, no work
    example = cue("owner", "example_marks")
    # a guest whose visit is told ("12月5日请了外教Tom来，限30人"): coming is no work of theirs
    visit = cue("owner", "guest_visit")
    return all(example.search(f[max(0, i - 20) : i]) or re.match(r"\.[a-z]{2,4}(?![a-z])", f[i + len(name) :])
               or visit.match(f[i + len(name) :]) for i in spots)


def _inherit(old: ActionItem, new_owners: list[ActionItem], own: bool = False) -> None:
    """The work goes to the one who has it now with where it was given (its messages) and its date, when
    the taker gave none of their own (no date, or one their own words do not say). Work the old owner took on
    in their own words (``own``: "我负责分米，周末我都在家", then given up) lends nothing: what they said of themselves
    and their time is not the taker's (nor is their line a source the taker's date could be read from)."""
    if not new_owners:
        return
    now = new_owners[0]
    if own:  # (still the work is named: the taker's "可以，我去守" alone does not say what they took)
        about = _task_parts(old)[0] if old.owner and old.sources else ""
        if about and not _work_words(about) & _work_words(now.task):
            # (its line is not made a source: a source lends the taker its date, and their time is not the taker's)
            now.task = f"{now.task}{_TAKEN_NOTE.format(who=old.owner, about=_REPLY_LABEL.sub('', about))}"
        return
    now.sources = sorted({*now.sources, *old.sources})
    # the work as it was given ("狮头…你周五前去拿回来") before the taker's own words ("我去拿吧")
    given = [p for p in _task_parts(old) if p not in now.task]
    if given:
        now.task = "；".join([*given, now.task])
    # (a date the taker's words do not say — the event's day lent to "行，展板我来搬" — gives way to the one given)
    if old.deadline is not None and (now.deadline is None or not _says_own_date(now)):
        now.deadline, now.deadline_text = old.deadline, old.deadline_text


def _names_successor(m: Message, people: People, owner: str | None) -> bool:
    """Whether the line giving work up names who should do it ("横幅小蒋替我去印行不行", "阿霞…还是你来吧"): the work
    is then handed over as it was given, date and all; only work given up to nobody ("换个人吧") lends the taker
    nothing of the old owner's own words. (A whole hand-over names them too, member or not: "增高垫交给张爸爸吧".)"""
    return any(who not in (owner, m.speaker) for _, _, who in people.named_in(m.text)) \
        or _handed_whole(m.text, people, owner) is not None


def _says_own_date(a: ActionItem) -> bool:
    return bool(a.deadline_text) and _fold(a.deadline_text or "") in _fold(a.task)


def _spoken_to_at(messages: list[Message], idx: int, f: str) -> str | None:
    """Who the sentence ``f`` (folded) of ``messages[idx]`` speaks to when it names nobody: the member who spoke
    just before — or, when its @ lost its name, the one who takes it on (:func:`_blank_taker`)."""
    if has(f, "owner", "blank_mention"):
        return _blank_taker(messages, idx)
    return messages[idx - 1].speaker if idx and messages[idx - 1].speaker != messages[idx].speaker else None


def _blank_taker(messages: list[Message], idx: int) -> str | None:
    """Who a line @-addressing a name the paste dropped ("@ 你负责去物业借两张折叠桌") speaks to: the first other
    member to take it on with a yes (owner.accepts: "行，我周五前去借") in the next few messages — not the member who
    spoke just before, nor one who only remarks on it ("物业前台周末不上班的"). None when nobody takes it on."""
    m = messages[idx]
    for reply in messages[idx + 1 : idx + 1 + int(raw("owner", "accept_window"))]:
        if reply.speaker != m.speaker and cue("owner", "accepts").match(_fold(reply.text).strip()) \
                and not asks(reply.text):
            return reply.speaker
    return None


def _accepted(clause: _Clause, messages: list[Message], idx: int, event: date | None,
              meeting: date | None) -> ActionItem | None:
    """"摄影这块交给小北" — 小北: "没问题": work given to someone named, with no date, is a to-do once
    that person takes it on in one of the next few messages; the date may come with the acceptance
    ("行，明天之前搞定")."""
    m = messages[idx]
    if clause.kind not in ("named", "assigned") or not clause.owner or clause.owner == m.speaker:
        return None
    f = _fold(clause.text)
    # (a request put as a question counts: "海报改给阿凯可以吗" — "可以 我做")
    # (nor a suggestion, cue action.suggests: "好" to "你可以先把例题做一遍" takes a tip, not work)
    if has(f, "action", "hypothetical") or has(f, "action", "not_a_task") or has(f, "action", "suggests") \
            or not (_has_verb(f) or has(f, "owner", "reassigned_to") or cue("action", "assign").search(f)):
        return None
    for reply in messages[idx + 1 : idx + 1 + int(raw("owner", "accept_window"))]:
        if reply.speaker != clause.owner:
            continue
        said = _fold(reply.text).strip()
        if not cue("owner", "accepts").match(said) or asks(reply.text):
            return None
        deadline = find_deadline(clause.text, m.time, m.text, event=event, meeting=meeting) \
            or find_deadline(m.text, m.time, m.text, event=event, meeting=meeting) \
            or find_deadline(reply.text, reply.time, reply.text, event=event, meeting=meeting)
        return ActionItem(task=_clean(clause.text), owner=clause.owner, deadline=deadline.iso if deadline else None,
                          deadline_text=deadline.text if deadline else None, sources=[m.id, reply.id])
    return None


def _dated_by_what_it_answers(actions: list[ActionItem], messages: list[Message], idx: int,
                              events: list[date | None], meetings: list[date | None]) -> None:
    """"猪肉摊说周四才有新鲜前腿肉" — "那我来订": a line that takes work on as what follows from the message just
    before (it opens with 那/咁…, cue action.then_take) and has no time of its own is due on the one day that
    message names — not the event's day, which is when the work is for, not when it is done."""
    m = messages[idx]
    if not idx or not cue("action", "then_take").match(_fold(m.text).strip()):
        return
    prev = messages[idx - 1]
    if prev.speaker == m.speaker or is_question(prev.text):
        return
    # (read without the event: "比赛前统一换" counts from the event, whose day is when the work is for)
    said = [d for d in time_expressions(prev.text, prev.time) if d.day is not None and not d.range_end]
    if len({d.day for d in said}) != 1:
        return
    day = said[0].day
    if day == events[idx - 1] or prev.time is not None and day < prev.time.date():
        return
    said = said[0]
    for a in actions:
        if a.deadline is None and a.sources and a.sources[0] == m.id and m.speaker in _owner_names(a.owner):
            _set_due(a, said)
            a.sources = sorted({prev.id, *a.sources})


def _dates_volunteer(actions: list[ActionItem], messages: list[Message], idx: int, people: People) -> None:
    """"催还的电话我来打" — "好，阿光下周二前打完": the organiser's yes that names the volunteer and a time, with
    nothing more to do in it than finishing, dates the work just taken on and is no to-do of its own."""
    m = messages[idx]
    if not cue("decision", "accept_head").match(_fold(m.text).strip()) or is_question(m.text):
        return
    mine = [a for a in actions if a.sources == [m.id]]
    if len(mine) != 1 or mine[0].deadline is None:
        return
    given = mine[0]
    named = {person for _, _, person in people.named_in(m.text)} - {m.speaker}
    owner = given.owner if given.owner not in (None, m.speaker) else next(iter(named), None) if len(named) == 1 else None
    if owner is None:
        return
    window = int(raw("owner", "accept_window"))
    theirs = {x.id for x in messages[max(0, idx - window):idx] if x.speaker == owner}
    took = [a for a in actions if a is not given and a.owner == owner and a.deadline is None
            and a.sources and a.sources[0] in theirs]
    if not took:
        return
    rest = without_times(_fold(m.text).replace(_fold(owner), ""))
    rest = cue("owner", "finish_only").sub("", cue("decision", "accept_head").sub("", rest))
    if re.sub(r"\W", "", rest) and not _content_bigrams(rest) & _content_bigrams(took[-1].task):
        return  # more work than finishing what was taken on ("好，小石周五前把海报也做了")
    took[-1].deadline, took[-1].deadline_text = given.deadline, given.deadline_text
    took[-1].sources = sorted({*took[-1].sources, m.id})
    actions.remove(given)


def _dated_later(actions: list[ActionItem], messages: list[Message], idx: int, event: date | None,
                 meeting: date | None) -> None:
    """"酒店我去订" … "酒店什么时候能定下来？" — "周日之前": a short answer that only gives a time dates the
    owner's to-do the question is about (one still without a date); "这个交给小王" — "好的，周五前出稿": the
    date given with an acceptance dates the work just accepted."""
    m = messages[idx]
    # (each way below dates a to-do of the speaker's own: with none, the line is not read at all)
    if not any(a.owner == m.speaker for a in actions):
        return
    said = re.sub(r"\W", "", _fold(m.text))
    # (before the question test: "周日吧" may read as one)
    # "小林你周五前能把展板做好吗" — "周日吧，周五来不及": the one asked answers with another day, which is the
    # one agreed (the reply opens with its time)
    asked = messages[idx - 1] if idx else None
    if asked is not None and asked.speaker != m.speaker and asks(asked.text):
        first = next(iter(time_expressions(m.text, m.time, event, meeting)), None)
        deadline = first if first is not None and _fold(m.text).strip().startswith(_fold(first.text)) else None
        opens = deadline is not None
        for a in actions:
            if opens and deadline.day is not None and a.owner == m.speaker and a.sources[-1] == asked.id \
                    and a.deadline is not None and a.deadline[:10] != deadline.iso[:10]:
                _set_due(a, deadline)
                a.sources = sorted({*a.sources, m.id})
                return
    if not said or is_question(m.text):
        return
    # (not the day of the speaker's own exam or trip told with it: "我来校对，不过我12月10号到20号考研冲刺")
    # (or a short promise with a doing word, answering a reminder: "小马，你的表还没填" — "今晚填完")
    short_promise = len(said) <= int(raw("reply", "promise_chars")) and _has_verb(_fold(m.text)) \
        and not has(_fold(m.text), "action", "already")
    if (cue("owner", "accepts").match(_fold(m.text).strip()) or short_promise) and not _own_day(m.text):
        deadline = find_deadline(m.text, m.time, m.text, strict=False, event=event, meeting=meeting)
        window = int(raw("owner", "accept_window"))
        said_by = {x.id: x.speaker for x in messages[max(0, idx - window):idx]}
        # work given by someone else just before
        fresh = [a for a in actions if a.owner == m.speaker and a.deadline is None
                 and said_by.get(a.sources[0], m.speaker) != m.speaker]
        if deadline is not None and deadline.day is not None and fresh:
            _set_due(fresh[-1], deadline)
            fresh[-1].sources = sorted({*fresh[-1].sources, m.id})
            return
    if len(said) > int(raw("reply", "date_only_chars")):
        return
    q = next((messages[j] for j in range(idx - 1, max(-1, idx - 4), -1)
              if messages[j].speaker != m.speaker and is_question(messages[j].text)
              and has(_fold(messages[j].text), "reply", "asks_time")), None)
    if q is None:
        return
    deadline = find_deadline(m.text, m.time, m.text, strict=False, event=event, meeting=meeting)
    if deadline is None or deadline.day is None:
        return
    for a in reversed(actions):
        if a.deadline is None and a.owner == m.speaker and relevant(q.text, a.task, by_kind=False):
            _set_due(a, deadline)
            a.sources = sorted({*a.sources, q.id, m.id})
            return


def _due_next_line(actions: list[ActionItem], before: int, messages: list[Message], idx: int, people: People,
                   event: date | None, meeting: date | None) -> None:
    """"桌子谁能去物业借一下？" — "我去借吧" — "周五之前借好放到1号楼大堂": a member's line right after their own line
    that took work on, naming no one (no 我/你, no name, no group word, no @) and giving a "…前" time, is that work's
    time and more of its words — not a second to-do (for 大家 or for them). The earlier to-do takes the time unless it
    has one its own lines said (one inferred, "活动当天", gives way). ``before``: where this line's to-dos start."""
    m = messages[idx]
    if not idx or messages[idx - 1].speaker != m.speaker or is_question(m.text) or _LEAD_MENTIONS.match(m.text):
        return
    f = _fold(m.text).strip()
    if has(f, "owner", "me") or has(f, "owner", "you") or has(f, "owner", "group") or people.named_in(f):
        return
    new = actions[before:]
    if any(a.sources != [m.id] or a.owner not in ("大家", m.speaker) for a in new):
        return
    deadline = find_deadline(m.text, m.time, m.text, strict=False, event=event, meeting=meeting)
    if deadline is None or not deadline.marked or deadline.day is None:
        return
    prev = messages[idx - 1]
    own = {x.id: _fold(x.text) for x in messages[max(0, idx - 4):idx]}

    def said_due(a: ActionItem) -> bool:  # its time is in words of its own lines
        return a.deadline_text is not None and any(_fold(a.deadline_text) in own.get(i, "") for i in a.sources)

    target = next((a for a in reversed(actions[:before]) if a.owner == m.speaker and a.sources[-1] == prev.id
                   and (a.deadline is None or not said_due(a))), None)
    if target is None:
        return
    del actions[before:]
    _set_due(target, deadline)
    if f not in _fold(target.task):
        target.task = f"{target.task}；{m.text.strip()}"
    target.sources = sorted({*target.sources, m.id})


def _dates_given_work(actions: list[ActionItem], messages: list[Message], idx: int, people: People,
                      event: date | None, at_msg: dict[int, int]) -> bool:
    """"@大吴 宣传海报你来做吧" — "好" — "海报这周内贴到各栋楼下": a later line of the one who gave work out that opens
    with that work's name (or two pieces' names, "礼物和收款都在活动前三天弄完") and then its time, naming no one and no
    我, dates each to-do it names (one with no day yet, or only the event's) and is no to-do of its own. ``at_msg``:
    each message's place in ``messages`` by id."""
    m = messages[idx]
    reach = int(raw("owner", "given_work_reach"))

    def out_lately(a: ActionItem) -> bool:  # work given out to someone else within reach of this line
        return a.owner not in (None, "大家", m.speaker) and idx - at_msg.get(a.sources[-1], -reach - 1) <= reach

    # (no work given out lately: nothing to date, so the line is not read at all — ``given`` below narrows the same)
    if not any(out_lately(a) for a in actions):
        return False
    f = _fold(m.text).strip()
    if is_question(m.text) or _LEAD_MENTIONS.match(m.text) or has(f, "owner", "me") or has(f, "owner", "group") \
            or has(f, "owner", "you") or people.named_in(f):
        return False
    first = next((d for d in time_expressions(m.text, m.time, event) if d.day is not None), None)
    at = f.find(_fold(first.text)) if first is not None else -1
    if at <= 0:
        return False
    topic = cue("owner", "topic_tail").sub("", cue("owner", "topic_head").sub("", f[:at])).strip()
    pieces = [p for p in cue("owner", "topic_joins").split(topic) if p]
    if not pieces or _CLAUSE.search(topic) or any(len(p) < 2 for p in pieces):
        return False
    given = [a for a in actions if out_lately(a) and messages[at_msg[a.sources[0]]].speaker == m.speaker]
    if not given:
        return False  # no work of the speaker's to date (each piece's pattern would find none)
    found = []
    for p in pieces:
        shape = re.compile(".{0,3}".join(map(re.escape, p)))
        named = [a for a in given if shape.search(_fold(a.task))]
        if not named:
            return False
        found.append(named[-1])
    for a in found:
        if a.deadline is None or event is not None and a.deadline[:10] == event.isoformat():
            _set_due(a, first)
            a.sources = sorted({*a.sources, m.id})
    return True


def _due_answer(actions: list[ActionItem], messages: list[Message], idx: int, event: date | None,
                meeting: date | None, at_msg: dict[int, int]) -> bool:
    """The time of work given, told in a later turn by the one who gave it: asked for by the member given
    it ("海报啥时候要" — "那就周四前吧，我好发公众号"), or added right after that member took it on
    ("谁能去拿一下靶纸？" — "我下班顺路" — "明天之前拿回来就行"). An answer that opens with its time dates that
    to-do (replacing a day it only had from the event) and is no to-do of its own. The question must ask
    when work is due (reply.asks_due) and name the asker's work: "酒店什么时候能定下来" of another's hotel, or
    "活动几点开始", dates nothing of the asker's. ``at_msg``: each message's position by id (built once by find_actions)."""
    m = messages[idx]
    # (the to-do it dates is one with an owner — the asker's or the member's just heard from: with none yet, the line
    # is not read at all)
    if not any(a.owner for a in actions) or is_question(m.text):
        return False
    said = _fold(m.text).strip()
    yes = cue("decision", "accept_head").match(said)
    said = said[yes.end():] if yes else said
    said = said[cue("reply", "due_lead").match(said).end():]
    told = cue("reply", "to_offerer").match(said) if yes is not None else None
    said = said[told.end():] if told else said
    # (the member just heard from, named first: "我可以" — "那阿梅活动当天早上8点前领到广场")
    if idx and messages[idx - 1].speaker != m.speaker:
        named = next((p for p in sorted(_name_parts(messages[idx - 1].speaker), key=len, reverse=True)
                      if len(p) >= 2 and said.startswith(p)), "")
        said = said[len(named):].lstrip(" ，,")
    # a due time is read from the day it is said (this 周日, not the event's): the event only for what needs it
    first = next(iter(time_expressions(m.text, m.time, None, meeting)), None)
    if first is None or first.day is None:
        first = next(iter(time_expressions(m.text, m.time, event, meeting)), None)
    if first is None or first.day is None or not said.startswith(_fold(first.text)):
        return False
    reach = int(raw("reply", "due_reach"))
    before = [messages[j] for j in range(idx - 1, max(-1, idx - 1 - reach), -1)]
    q = next((o for o in before if o.speaker != m.speaker and is_question(o.text)), None)
    target = None
    if q is not None and has(_fold(q.text), "reply", "asks_time") and has(_fold(q.text), "reply", "asks_due") \
            and not calls_for_help(q.text):
        owned = [a for a in actions if q.speaker in _owner_names(a.owner) and m.id not in a.sources]
        about = [a for a in owned if relevant(q.text, a.task, by_kind=False)]
        # "@阿芬 报名名单你来统计一下" — "几号要？" — "15号前": a bare "when" naming no work asks about the work this
        # speaker just gave the asker (or the asker just took on), still without a date
        # (a yes it opens with is not words naming work: "好的，几号前要？" is as bare as "几号前要？")
        asked = _fold(q.text).strip()
        q_yes = cue("decision", "accept_head").match(asked)
        asked = asked[q_yes.end():] if q_yes else asked
        if not about and len(re.sub(r"\W", "", asked)) <= int(raw("reply", "bare_due_chars")):
            about = [a for a in owned if a.deadline is None and idx - at_msg.get(a.sources[-1], -1) <= 2 * reach]
        target = about[-1] if about else None
    elif before and before[0].speaker != m.speaker:
        # the member just took on work this speaker gave or called for, with no time of their own
        # (or offered it on their own just before: "擀皮我和老周一起负责" — "行，你们俩当天早上8点到")
        said_by = {o.id: o.speaker for o in messages[max(0, idx - 1 - reach):idx]}
        taken = [a for a in actions if before[0].speaker in _owner_names(a.owner) and before[0].id in a.sources
                 and (said_by.get(a.sources[0]) == m.speaker or a.sources[0] == before[0].id and (
                     told is not None or yes is not None and len(before) > 1 and before[1].speaker == m.speaker
                     and calls_for_help(before[1].text)))  # (an offer answering this speaker's own call)
                 and (a.deadline is None or event is not None and a.deadline[:10] == event.isoformat())]
        if yes is not None and has(said, "action", "more_work"):
            taken = []  # "好，你再把桌布洗了": more work, not the time of what was taken on
        target = taken[-1] if taken else None
    if target is None:
        return False
    _set_due(target, first)
    target.sources = sorted({*target.sources, *(o.id for o in ([q] if q is not None else [])), m.id})
    return True


@lru_cache(maxsize=65536)
def _spoken(text: str) -> str:
    """``text`` folded and read in its Mandarin form (resources/dialect_yue.yaml: 交畀我 → 交给我, 边个得闲 → 谁有空,
    冇意见 → 没意见), as the cues for calls, offers and yeses are written. Cached: the to-do step reads each message
    this way in a dozen places (calls, offers, yeses, volunteers) — a 2,000-message export asked 15,000 times."""
    return mandarin(_fold(text)).strip()


def _offer_only(text: str) -> bool:
    """Whether a clause is nothing but a volunteer's offer ("我来吧", "我可以！")."""
    said = _spoken(text)
    offer = cue("action", "volunteer").match(said)
    return offer is not None and not re.sub(r"\W", "", said[offer.end():])


def _note_call(calls: dict[int, str], messages: list[Message], idx: int, m: Message) -> bool:
    """Whether ``m`` answers a "谁来…" call with a volunteer's offer; if so the call's text is kept in
    ``calls`` under ``m``'s id."""
    call = _call_answered(messages, idx, m)
    if call is not None:
        calls[m.id] = call.text
    return call is not None


def calls_for_help(text: str) -> bool:
    """A "谁来…/邊個嚟" call for a volunteer in ``text``, asked in a clause of its own ("团购谁来统计一下 我这周要去外地")."""
    return any(has(_spoken(part), "action", "who_asks") and is_question(part) for part in (text, *_CLAUSE.split(text)) if part)


def _takes_on(said: str) -> re.Match[str] | None:
    """A volunteer's offer in a folded reply: opening it ("我来吧，…"), inside a short one ("我有车 桌子我来拉"), or
    closing a short one after its reason ("我退休了时间多，我去吧")."""
    opens = cue("action", "volunteer").match(said) or cue("action", "volunteer_with").match(said) \
        or cue("action", "has_it").match(said)
    if opens or len(said) > int(raw("action", "takes_on_len")):
        return opens
    last = _CLAUSE.split(said)[-1].strip()
    return cue("action", "takes_on").search(said) \
        or (cue("action", "volunteer").match(last) if last != said and _offer_only(last) else None)


def _after_own_answer(messages: list[Message], idx: int, people: People) -> bool:
    """Whether ``messages[idx]`` replies to an answer given to its speaker's own question just before (a
    question about their own matter, not a "谁来…" call, answered without handing them work)."""
    if idx < 2:
        return False
    m, answer, question = messages[idx], messages[idx - 1], messages[idx - 2]
    fq, fa = _fold(question.text), _fold(answer.text)
    keeper = cue("name_parts", "keeper_of").match(_fold(display_name(m.speaker) or ""))
    own = "我" in fq or (keeper is not None and keeper.group(1) in fq)  # my / my pet's, my child's matter
    # (not a reply that brings in someone else: "那麻烦阿强帮我领一下 复印件我明天给你")
    f = _fold(m.text)
    if has(f, "owner", "to_you") or any(who != m.speaker for _, _, who in people.named_in(f)):
        return False
    return own and question.speaker == m.speaker and answer.speaker != m.speaker and is_question(question.text) \
        and not is_question(answer.text) and not has(fq, "action", "who_asks") and not has(fa, "action", "assign") \
        and not _due(fa)  # "@小魚 可以，下禮拜三前跟師傅確認尺寸": the answer gives the asker the work


def _offers_as(m: Message, kind: str) -> bool:
    """Whether a volunteer's ``m`` opens as cues.yaml ``action.<kind>`` says: ``joins`` a volunteer who spoke first
    ("算我一个"), ``this_one`` the work just said ("这个我来")."""
    return cue("action", kind).match(_spoken(m.text)) is not None


def _call_answered(messages: list[Message], idx: int, m: Message) -> Message | None:
    """The "谁来…/谁能…" call for help that ``m``, with a volunteer's offer ("我来吧"), answers."""
    if not _takes_on(_spoken(m.text)):
        return None
    joins, this_one = _offers_as(m, "joins"), _offers_as(m, "this_one")
    for j in range(idx - 1, max(-1, idx - 6), -1):
        q = messages[j]
        if q.speaker == m.speaker:
            continue
        # ("救生衣要检查一遍，下下周一前弄完" — "这个我来": the line just before is the call)
        # (not a line that takes nothing on: "我来看看打印店周末开不开" — "这个我包了" takes the call before it)
        if calls_for_help(q.text) or j == idx - 1 and this_one and _has_verb(_fold(q.text)) \
                and not has(_fold(q.text), "action", "not_a_task"):
            return q
        if joins and _takes_on(_spoken(q.text)) and not is_question(q.text):
            continue  # "我可以" — "算我一个": the second volunteer answers the call the first one did
        # a newer question in between ("模拟赛的奖品呢") is what the offer answers; an earlier call someone else
        # already took on ("谁来准备对阵表" — "我来") is taken
        if is_question(q.text) or _takes_on(_spoken(q.text)):
            return None
    return None


def _volunteer(messages: list[Message], idx: int, m: Message, events: list[date | None],
               meetings: list[date | None]) -> ActionItem | None:
    """"谁能帮忙带一下音箱？" — "我来！": the volunteer takes on what the question asked for. A reply
    that goes on to name its own task ("我来吧，周五前出一个清单…") is that task, not the question's
    (read clause by clause, the offer making the speaker its owner); one whose first clause is the offer and
    whose rest tells others what to do ("我嚟收啦，大家星期四前轉畀我") takes the call on as well."""
    rest = int(raw("action", "volunteer_rest"))
    whole = _spoken(m.text)
    for said in (whole, _CLAUSE.split(whole)[0]):
        offer = _takes_on(said)
        if offer and len(said) - offer.end() <= rest:
            break
    else:
        return None
    q = _call_answered(messages, idx, m)
    if q is None:
        return None
    at = next((i for i in range(idx, -1, -1) if messages[i] is q), idx)  # the call's own event and schedule
    deadline = find_deadline(q.text, q.time, event=events[at], meeting=meetings[at])
    # "我和小周一起": the volunteer and the one they bring along share it
    joint = cue("action", "volunteer_with").match(whole)
    owner = f"{m.speaker}和{joint.group(1)}" if joint else m.speaker
    return ActionItem(task=_clean(q.text), owner=owner, deadline=deadline.iso if deadline else None,
                      deadline_text=deadline.text if deadline else None, sources=[q.id, m.id])


# -- decisions and announcements -----------------------------------------------------------------------
def _decides(sentence: str) -> bool:
    f = _fold(sentence)
    agreed = _reports_agreement(f)
    reverts = has(f, "decision", "reverts") and not has(f, "decision", "opinion") and not has(f, "decision", "proposal")
    # ("好，价格我改到商品链接里": the speaker's own edit, no change of plan; "我" with its 改到/改成 is read out first)
    if not (agreed or reverts or has(cue("decision", "own_edit").sub("", cue("decision", "lapse").sub("", f)), "decision", "cues")):
        return False  # nothing that settles (asked first: a line that settles nothing is not read for a question)
    if has(f, "decision", "undecided") or is_question(sentence) or _acknowledges(sentence) \
            or has(f.strip(), "decision", "proposal_own"):
        return False  # ("收到！终于定了": a yes to the line before, nothing settled of its own; "我提议…改成…": put up)
    if agreed:
        return True  # "那队服做新的，深蓝色，大刘阿杰都同意": what the named members agreed to is settled
    if reverts:
        return True  # "也是，算了还是按原来的纸质登记": going back to the plan before is settled by its form
    kind = sentence_kind(sentence)
    return kind["other"] < kind_threshold("decision_other") or has(f, "decision", "summary_header")


def _agreed_change(sentence: str, messages: list[Message], idx: int) -> str | None:
    """The change ``sentence`` of ``messages[idx]`` tells as settled ("年费今年加到每人200，下年2月1号开始收", also
    when it then asks "大家有冇意见"), with no proposal or plan of the speaker's own in it, when the next lines by
    others, before its speaker goes on, say yes to it ("冇意见", "OK", "同意"); else None."""
    told = _told_before_asking(sentence)
    f = _fold(told)
    if not has(f, "decision", "settled_change") or is_question(told) or has(f, "decision", "undecided") \
            or has(f, "decision", "proposal") or cue("owner", "me").search(f):
        return None
    m, yeses = messages[idx], 0
    for other in messages[idx + 1 : idx + 1 + int(raw("decision", "settled_change_reach"))]:
        if other.speaker == m.speaker:
            break
        yeses += _says_yes(other.text)
    return told if yeses else None


def _standing_rule(sentence: str, messages: list[Message], idx: int) -> bool:
    """Whether ``sentence`` of ``messages[idx]`` states a rule for the future (cue ``decision.standing_rule``: "那以后批发
    统一月结，每月5号对账") that closes a discussion: no question, wish, proposal or condition in it
    (``decision.standing_rule_not``); in the lines before it (``standing_rule_reach``) another member spoke on its
    subject (shares its words, the rule's own words out), and its speaker runs that discussion: they opened the subject
    (the first of those lines naming it is theirs) or they speak most in the chat."""
    f = _fold(sentence)
    rule = cue("decision", "standing_rule").search(f)
    if rule is None or is_question(sentence) or has(f, "decision", "standing_rule_not") \
            or has(f, "decision", "undecided"):
        return False
    m = messages[idx]
    # (the subject between the two cue words stays: "以后周末活动都…" is on 周末活动)
    words = _content_bigrams(f[: rule.start("when")] + " " + f[rule.end("when") : rule.start("all")] + " " + f[rule.end("all") :])
    window = messages[max(0, idx - int(raw("decision", "standing_rule_reach"))) : idx]
    on_it = [o for o in window if words & _content_bigrams(o.text)]
    if not any(o.speaker != m.speaker and not is_question(o.text) for o in on_it):
        return False
    counts = Counter(x.speaker for x in messages)
    return on_it[0].speaker == m.speaker or counts[m.speaker] >= max(counts.values())


def _add_decision(decisions: list[Decision], recapped: set[int], sentence: str, messages: list[Message], idx: int,
                  *, listed: bool, actions: list[ActionItem], people: People) -> None:
    """Add what ``sentence`` of ``messages[idx]`` settles; a yes that takes its content from the line it agrees to is
    settled even where that line gives work. An item of a recap list (``listed``) goes through :func:`_recap_item`,
    which may confirm a decision already there, replace one (a 改成 correction), merge into a to-do, keep it a notice,
    or add nothing."""
    m = messages[idx]
    if listed:
        found = _recap_item(decisions, recapped, actions, _clean(sentence), messages, idx, people)
    else:
        found = _settled(sentence, messages, idx, decisions)
        handed = _handed_to(sentence, messages, idx, people) if found is not None and found.sources == [m.id] else None
        if handed is not None:  # work handed on ("那订大巴改成小吴负责吧"): its speaker decides it and the new owner's yes
            # agrees — not whoever asked or answered something earlier (:func:`_handing_on`)
            found.by = [m.speaker, *([handed[0]] if handed[1] is not None else [])]
        elif found is not None:
            found.by = _agreed(messages, idx, m, found.text)
    if found is None:
        return
    decisions.append(found)
    if found.sources[0] != m.id:
        recapped.add(id(found))
        told = next((x.speaker for x in messages[:idx] if x.id == found.sources[0]), None)
        if told and _acknowledges(m.text):  # "收到！终于定了" under "片子投票定的是…": who told it decided it
            found.by = list(dict.fromkeys([told, *found.by]))


def _closes_agreed(sentence: str, messages: list[Message], idx: int, people: People) -> str | None:
    """What a line settles when it closes a proposal the members just agreed to: an acceptance head
    (行，/好，/那就/咁) then the decided content, then perhaps the work it gives out ("行，加亲子组，老猫你来负责
    规则…", "好，保险统一买，我来办", "咁演出之后去酒家食饭，AA，我订枱"). Others must have said yes (or voted)
    in the lines before it, after a line that shares the decided content. The content is the line up to
    where it gives work (a 你, a 我 or a member named); None when it is no such line."""
    f = _fold(sentence)
    head = cue("decision", "accept_head").match(f)
    if head is None or is_question(sentence):
        return None
    width = len(head.group(0))
    if _fold(sentence[:width]) != head.group(0):
        return None
    rest = sentence[width:]
    if not _CLAUSE_WHOLE.search(rest.strip()) and cue("owner", "me").search(_fold(rest)):
        return None  # "行，那成人组的线我来定": one clause where the speaker takes the work on is a commitment
    if _said_before_work(f, "undecided", people):
        return None  # still to settle — but not for the work given out after it ("…，酒店我来订，周二前把房间定下来")
    content = _decided_content(rest, people)
    said = without_times(content)
    if len(cue("decision", "formula").sub("", cue("decision", "sign_off").sub("", _fold(said)))) < 3:
        return None  # (nothing settled once the sign-off is out: "好 今天就这样 大家早点睡 晴天保佑")
    m, window = messages[idx], messages[max(0, idx - int(raw("decision", "accept_reach"))) : idx]
    yeses = [k for k, o in enumerate(window) if o.speaker != m.speaker and (_says_yes(o.text) or _vote(o.text))]
    if not yeses:
        return None
    words = _content_bigrams(content)
    put = next((o for o in reversed(messages[max(0, idx - 6) : idx]) if o.speaker != m.speaker and not _says_yes(o.text)), None)
    if _says_yes(sentence) and _closed_later(messages, idx, words | (_content_bigrams(put.text) if put else frozenset())):
        return None  # "没问题，图书馆挺好" among the yeses, before the organiser's "好，那影展就定在…": a yes, not the close
    return _clean(content) if any(words & _content_bigrams(o.text) for o in window[: yeses[-1]]) else None


def _closed_later(messages: list[Message], idx: int, words: frozenset[str]) -> bool:
    """Whether another speaker closes the same matter (shares ``words``: the yes's or the proposal's) in the next few
    lines with an acceptance head and a settling word of their own ("好，那影展就定在市图书馆一楼展厅"): then the yes at ``idx`` only agreed."""
    me = messages[idx].speaker
    for o in messages[idx + 1 : idx + 1 + int(raw("decision", "closed_later_reach"))]:
        f = _fold(o.text).strip()
        if o.speaker != me and cue("decision", "accept_head").match(f) and has(f, "decision", "cues") \
                and words & _content_bigrams(o.text):
            return True
    return False


def _decided_content(text: str, people: People) -> str:
    """The clauses of a settling line before the one that gives work: cut at its first 你, 我 (not 我们) or
    member named, not as an owner and not inside a title or quote ("…用团队经费王阿姨你周六早上顺路买一下" →
    "…用团队经费"; "7:30王哥的车" and "《我和我的祖国》" stay)."""
    you, me, owns = cue("owner", "you"), cue("owner", "me"), cue("owner", "possessed")
    quoted = cue("decision", "quoted_span")
    kept: list[str] = []
    for clause in _CLAUSE_WHOLE.split(text):
        fc = _fold(clause)
        spans = [q.span() for q in quoted.finditer(fc)]
        bare = quoted.sub(lambda q: "\u3000" * len(q.group()), fc)  # a title's 我 or name is no one given work
        spots = [x.start() for x in (you.search(bare), me.search(bare)) if x] + \
            [pos for pos, alias, _ in people.named_in(clause)
             if not owns.match(fc, pos + len(alias)) and not any(s <= pos < e for s, e in spans)]
        if spots:
            # a later clause's words before the name are the work's object ("…，会议号我来发"); only a line
            # written without commas has the decision itself there
            cut = min(spots)
            if not kept and cut >= 2 and len(fc) == len(clause):
                # a name after a verb or word that waits for it is the settled content, not work given out:
                # "那订酒店改成小周负责吧" is kept whole, never "那订酒店改成"
                kept.append(clause.strip() if open_tail(clause[:cut]) else clause[:cut])
            break
        if clause.strip():
            kept.append(clause.strip())
    return "，".join(kept)


def _bare(sentence: str) -> bool:
    """A settling line with nothing settled in it: "那就这样，周六见！", "终于定了！", "行，那就这么定了"."""
    f = cue("decision", "sign_off").sub("", _fold(sentence))
    return len(cue("decision", "formula").sub("", f)) < 2


def _settled(sentence: str, messages: list[Message], idx: int, decisions: list[Decision]) -> Decision | None:
    """The decision ``sentence`` (in ``messages[idx]``) makes. A bare one takes its content from the line it
    agrees to, the content line just before it; a sign-off ("那就这样，周六见！") or a
    yes to what is already a decision settles nothing new."""
    m = messages[idx]
    if not _bare(sentence):
        if cue("decision", "leaning_end").search(_fold(sentence)) and _closed_later(messages, idx, _content_bigrams(sentence)):
            return None  # "按老规矩吧" then the organiser's "好，就按老规矩，…": the close is the decision, this a lean
        return Decision(text=_clean(sentence), sources=[m.id])
    if cue("decision", "sign_off").search(_fold(sentence)):
        return None
    decided = {i for d in decisions for i in d.sources}
    for j in range(idx - 1, max(-1, idx - 4), -1):
        prev = messages[j]
        if prev.id in decided:
            return None
        if is_question(prev.text) or is_chatter(prev.text) or _bare(prev.text) or len(_clean(prev.text)) < 6:
            continue
        return Decision(text=_clean(prev.text), sources=[prev.id, m.id])
    return None


def _recap_agreed(messages: list[Message], idx: int, m: Message, text: str) -> list[str]:
    """Who agreed to an item of a recap ("总结一下今天定的：1. 5月9日…"): the item was put up earlier in the
    chat, so its yeses are the ones given to that first mention (the line most like it), not to whatever
    was settled just before the recap."""
    origin = _recap_origin(messages, idx, text)
    if origin is None:  # new in the recap: the 收到 after it acknowledges the list, it votes for no item
        return [m.speaker]
    return list(dict.fromkeys([m.speaker, *_agreed(messages, origin, messages[origin], text)]))


def _recap_origin(messages: list[Message], idx: int, text: str) -> int | None:
    """The first earlier line an item ``text`` of the recap ``messages[idx]`` repeats (cues.yaml ``recap_same_matter``
    of its 2-character runs)."""
    words, share = _content_bigrams(text), float(raw("decision", "recap_same_matter"))
    return next((j for j in range(idx) if words and len(_content_bigrams(messages[j].text) & words) >= share * len(words)), None)


def _gist(text: str) -> frozenset[str]:
    """The 2-character runs of ``text`` with its figures taken out: "茶点费每人20元" and "茶点费改成每人15元" speak of
    one matter."""
    return _content_bigrams(_FIGURE.sub("", text))


def _figures(text: str) -> frozenset[str]:
    return frozenset(_FIGURE.findall(_fold(text)))


def _recap_item(decisions: list[Decision], recapped: set[int], actions: list[ActionItem], text: str,
                messages: list[Message], idx: int, people: People) -> Decision | None:
    """An item ``text`` of the recap ``messages[idx]`` as the notes keep it. A recap restates what was settled: an
    item on the matter of a decision already listed confirms it (the recap joins its sources, no one new agrees)
    or, saying it is changed (``moved``: 改成/换到…) and with other figures, corrects it (the new one replaces it,
    agreed by its speaker only); an item repeating a
    listed to-do (most of its words, or a third of them and its owner named) is that to-do (merged there), no
    decision; the speaker's own notice told again is still a notice (unless the recap says its items were decided);
    anything else is new, with the agreers of its first
    mention (:func:`_recap_agreed`). None when nothing new is to be added."""
    m, gist = messages[idx], _gist(text)
    share = float(raw("decision", "recap_same_matter"))
    if len(gist) >= 2:
        clause_gists = [_gist(c) for c in _CLAUSE.split(text)]
        for d in decisions:
            said = _gist(d.text)
            if not any(len(said & g) >= max(2, share * len(g)) for g in clause_gists):
                continue
            new, old = _figures(text), _figures(d.text)
            # the recap changes the figure ("茶点费改成每人15元" after "每人20元"): it stands, as the speaker's
            if new and old and not new & old and cue("moved").search(_fold(text)):
                decisions.remove(d)
                return Decision(text=text, by=[m.speaker], sources=[*d.sources, m.id])
            if len(said & gist) >= share * len(gist):  # it says again what was settled (what else it says stands)
                d.sources = list(dict.fromkeys([*d.sources, m.id]))
                recapped.add(id(d))  # settled, even where its line also gives work
                return None
        named = {who for _, _, who in people.named_in(text)}
        named_share = float(raw("decision", "recap_named_work"))
        if any((shared := len(_gist(a.task) & gist)) >= share * len(gist)
               or a.owner in named and shared >= named_share * len(gist) for a in actions):
            return None
        if _restates_work(text, people):
            return None
    origin = _recap_origin(messages, idx, text)
    # the speaker's own notice told again ("再确认一遍：第一班9点到11点"), put to no one, is still a notice — unless
    # the recap calls its items decided ("今天定的：…")
    if origin is not None and messages[origin].speaker == m.speaker and not is_question(messages[origin].text) \
            and not set(_agreed(messages, origin, messages[origin], text)) - {m.speaker} \
            and not has(_fold(items(m.text)[0]), "decision", "recap_decided"):
        return None
    return Decision(text=text, by=_recap_agreed(messages, idx, m, text), sources=[m.id])


def _restates_work(text: str, people: People) -> bool:
    """Whether a recap item only says who does what ("小龍帶毽", "刘先生对合同，张姐收签字", "報名費$960我今晚交"):
    its first clause has the speaker (我) or a member named doing something (an action verb), or each of its
    clauses names a member. Work handed out is a to-do, not a decision, even when the recap brings it up first."""
    clauses = [c for c in _CLAUSE.split(text) if c.strip()]
    if not clauses:
        return False
    doers = [bool(people.named_in(c) or name_shaped(_fold(c)) or cue("owner", "me").search(_fold(c))) for c in clauses]
    return doers[0] and _has_verb(_fold(clauses[0])) or len(clauses) > 1 and all(doers)


def _reports_agreement(f: str) -> bool:
    """Whether folded ``f`` reports that named members agreed and says to what: a clause like "大刘阿杰都同意"
    (not "我都同意" or "大家都说好", which name nobody) beside some settled content."""
    spans = agreement_spans(f)
    if not spans:
        return False
    nobody = cue("decision", "reported_agree_nobody")
    named = [(s, e) for s, e in spans if not nobody.match(f[s:e])]
    if not named:
        return False
    rest = "".join(f[e:s] for (_, e), (s, _) in zip([(0, 0), *spans], [*spans, (len(f), len(f))]))
    return len(cue("decision", "formula").sub("", cue("decision", "sign_off").sub("", rest))) >= 3


def _reported_agreers(messages: list[Message], text: str) -> list[str]:
    """The members a decision line names as having agreed ("Cici也同意了", "阿飞和小葵都说好")."""
    f = _fold(text)
    clauses = [f[s:e] for s, e in agreement_spans(f)]
    if not clauses:
        return []
    found: list[tuple[int, str]] = []
    for who in dict.fromkeys(x.speaker for x in messages):
        for name in {who, display_name(who)}:
            n = _fold(name)
            at = next((c.find(n) + 1000 * k for k, c in enumerate(clauses) if n and len(n) >= 2 and n in c), -1)
            if at >= 0:
                found.append((at, who))
                break
    return [who for _, who in sorted(found)]


def _answering(messages: list[Message], stop: int | None, idx: int) -> set[int]:
    """The yeses (before ``idx``) right after the decision at ``stop``, before its decider or anyone else says something
    else: the replies to that decision (at most three, as in :func:`_agreed`), none when there is no earlier decision
    (a proposal after it opens a new matter: "曲目基本定了" — "我提议加一个童声合唱" — "同意" is to the proposal)."""
    out: set[int] = set()
    if stop is None:
        return out
    for j in range(stop + 1, min(idx, stop + 4)):
        if messages[j].speaker == messages[stop].speaker or not _says_yes(messages[j].text):
            break
        out.add(j)
    return out


def _agreed(messages: list[Message], idx: int, m: Message, text: str = "") -> list[str]:
    """Who made or agreed to the decision ``text`` in ``messages[idx]``: the decider, the proposer, and those
    who said yes after the proposal (or right after the decision, before the decider goes on). A vote names its choice ("我选荔枝", "我也
    投星空"): it is a yes only when the choice is what was decided; a bare yes ("1", "+1", "同意", "可以")
    counts after the proposal or after a vote for what was decided. Each member's first vote counts, and
    someone merely speaking nearby agrees to nothing."""
    # (a member's "那就N呗" is put up, not settled: the votes before it still count for the line that settles)
    stop = next((j for j in range(idx - 1, max(-1, idx - 20), -1)
                 if _decides(messages[j].text) and not (messages[j].speaker != m.speaker and _suggestion(messages[j].text))),
                None)
    first = max(-1, idx - 20) + 1 if stop is None else stop + 1  # a yes before an earlier decision was to that one
    # ...and so was a yes right after it, before its decider spoke again ("…，就这么办" — "可以"; later "改到周五…")
    after_stop = _answering(messages, stop, idx)
    # the proposal: the nearest line that proposes, else the nearest question about what was then decided
    start = next((j for j in range(idx - 1, first - 1, -1) if _puts_up(messages[j].text, "")), None)
    if start is None:
        start = next((j for j in range(idx - 1, first - 1, -1) if _puts_up(messages[j].text, text)), None)
    people = [m.speaker]
    if start is not None:
        people.append(messages[start].speaker)
        people += _suggested(messages, start, idx, text)
    decided = _fold(text)
    settled = _settled_part(decided)
    stance: dict[str, bool] = {}  # each member's first vote (a vote that says it changes one replaces it)
    choices: set[str] = set()  # the options voted for so far: a line that is only one of them votes for it
    options = {_fold(messages[start].text)} if start is not None else set()  # …or one the proposal puts up
    opened = start if start is not None else first - 1  # no proposal: since the last decision
    numbered = _numbered_options(messages[first:idx])
    for j in range(first, idx):
        other = messages[j]
        revote = bool(cue("decision", "revote").search(_fold(other.text)))
        if other.speaker == m.speaker or (other.speaker in stance and not revote):
            continue
        vote = _vote(other.text)
        label = cue("decision", "vote_letter_line").match(_fold(other.text).strip())
        if label and label.group("label") in numbered:
            vote = numbered[label.group("label")]  # "我也A" after "A 绘本一套 B 积木一盒": a vote for 绘本一套
        head = cue("summary", "vote_head").match(_fold(other.text).strip())
        if vote is None and head and head.group(0).strip(" ，,。!！~～+＋扣") in numbered:
            vote = numbered[head.group(0).strip(" ，,。!！~～+＋扣")]  # "2" after "垦丁扣1、花莲扣2": a vote for 花莲
        bare = _CHOICE_NOISE.sub("", _fold(other.text))
        if vote is None and len(bare) >= 2 and not _says_yes(other.text) and any(bare in c for c in choices | options):
            vote = bare  # a line that is only an option already voted for or put up ("湿地公园" after "不如去湿地公园")
        if vote is not None and decided:
            stance[other.speaker] = _same_choice(vote, settled)
            choices.add(_CHOICE_NOISE.sub("", vote))
            opened = min(opened, j)
        elif j > opened and j not in after_stop and _says_yes(other.text) and not _answers_ask(messages, j) \
                and _yes_to(messages, j, first, start, decided) and not _acks_work(messages, j, m.speaker, text):
            stance[other.speaker] = True
    reported = _reported_agreers(messages, messages[idx].text)
    if reported:  # the decider says who agreed ("…，Cici也同意了"): they and those who said yes before, not whoever spoke nearby
        return list(dict.fromkeys([m.speaker, *reported, *(who for who, yes in stance.items() if yes)]))
    # a member who voted for another choice agreed to nothing, even the one who put the matter up
    people = [p for p in people if p == m.speaker or stance.get(p, True)]
    people += [who for who, yes in stance.items() if yes]
    voted = any(stance.values())  # the matter was agreed before this line closed it
    invited = _invites_yes(messages[idx].text)
    for k, other in enumerate(messages[idx + 1 : idx + 4]):  # the yeses right after it, until the decider says something else
        if other.speaker == m.speaker:
            break
        # (once the members agreed before, a yes taking on work the closing line gives its speaker is to the work:
        # "那就定了 还是周四…，小林老师你周三前把PPT发我" — "没问题"; a line that only gives work is agreed by that yes)
        # ("收到"/"好的"/"OK" after the decision took note of it: no yes, unless the line asked for one — "没意见就这么定")
        if _says_yes(other.text) and stance.get(other.speaker, True) and not (voted and _answers_ask(messages, idx + 1 + k)) \
                and (invited or not _ack_only(other.text)) and not _addressed_elsewhere(other.text, m.speaker):
            people.append(other.speaker)
    return list(dict.fromkeys(people))


def _numbered_options(lines: list[Message]) -> dict[str, str]:
    """The options a vote call numbers ("暑假去哪？垦丁扣1、花莲扣2" → {"1": "垦丁", "2": "花莲"}), the first naming of
    each number; none for a yes-or-no poll ("同意的扣1，不同意的扣2", ``decision.vote_yes_no``), whose "1" is a yes."""
    for m in lines:
        f = _fold(m.text)
        found: dict[str, str] = {}
        for hit in cue("decision", "vote_numbered").finditer(f):
            option = _CHOICE_NOISE.sub("", hit.group("option"))
            if option:
                found.setdefault(hit.group("number"), option)
        if len(found) >= 2:
            yes_no = cue("decision", "vote_yes_no")
            return {} if any(yes_no.search(o) for o in found.values()) else found
    for m in lines:  # options labelled with letters ("A 绘本一套 B 积木一盒") or 甲乙 ("甲《活着》 乙《平凡的世界》")
        found = {}
        for hit in cue("decision", "vote_lettered").finditer(_fold(m.text)):
            option = _CHOICE_NOISE.sub("", hit.group("option"))
            if option:
                found.setdefault(hit.group("number"), option)
        if len(found) >= 2 and any(list(found)[:2] == pair for pair in (["a", "b"], ["甲", "乙"])):
            return found
    return {}


def _ack_only(text: str) -> bool:
    """A bare acknowledgement ("收到", "好的好的", "OK", 👌: ``cues.yaml`` decision ``ack_only``): the member took note."""
    return bool(cue("decision", "ack_only").match(_spoken(text) or _fold(text).strip()))


def _invites_yes(text: str) -> bool:
    """A decision line that asks for a yes or for objections ("没意见就这么定", "大家看行不行"; ``invites_yes``)."""
    return has(_fold(text), "decision", "invites_yes")


_REACTION_MARKS = re.compile("[\\s\u200d\ufe0f\u2640\u2642\U0001f3fb-\U0001f3ff]")


def _reacted_yes(d: Decision, msgs: list[Message], dropped: list[Dropped]) -> list[str]:
    """Who agreed to decision ``d`` with a reaction alone (👍, 👌, [强]: ``cues.yaml`` decision ``agree_reaction``),
    posted right after its line — before its decider speaks again, within the next three kept messages. Noise
    cleaning drops such a line as a sticker, so it is read from ``dropped``; a member the line gives work takes
    the work on with it, as with a bare 收到 (:func:`_acknowledges`)."""
    if not d.sources or not d.decider:
        return []
    if not any(_invites_yes(m.text) for m in msgs if m.id in d.sources):
        return []  # a 👍/👌 under a decision nobody was asked about took note of it, like "收到"
    out: list[str] = []
    for last in sorted(d.sources):  # (after each of its lines: a recap that restates it later keeps the first yeses)
        after = [m for m in msgs if m.id > last]
        ends = [m.id for m in after if m.speaker == d.decider][:1] + [m.id for m in after[3:4]]
        limit = min(ends, default=None)
        line = next((m.text for m in msgs if m.id == last), d.text)
        out += [x.speaker for x in dropped
                if last < x.id and (limit is None or x.id < limit) and x.speaker and x.speaker != d.decider
                and cue("decision", "agree_reaction").match(_REACTION_MARKS.sub("", _fold(x.text)))
                and not _given_work(line, x.speaker)]
    return list(dict.fromkeys(out))


def _acknowledges(text: str) -> bool:
    """A bare acknowledgement ("收到", "明白", "了解", "收到！终于定了"): after a decision it is a yes, unless it takes on
    work."""
    f = _spoken(text)
    return (len(f) <= 12 and bool(cue("decision", "acknowledge").search(f))
            or len(f) <= 16 and bool(cue("decision", "ack_settled").match(f))) and not is_question(text)


def _given_work(decision: str, member: str) -> bool:
    """Whether the decision line names ``member`` (so a 收到 after it takes on their own task)."""
    f = _fold(decision)
    return any(a in f for a in aliases(member))  # (each at least two characters, the full name among them)


def _yes_to(messages: list[Message], j: int, first: int, start: int | None, decided: str) -> bool:
    """Whether the yes ``messages[j]`` replies to the matter decided: the line it follows (the nearest one
    before it, by someone else, that is no yes or vote itself) is the proposal or later, or is on what was
    decided. A yes following another matter ("同意" under an earlier car-sharing plan) agrees to that one."""
    me = messages[j].speaker
    words = _content_bigrams(decided) if decided else set()
    if words & _content_bigrams(messages[j].text):
        return True  # the yes names what was decided ("我同意琴行二楼，离地铁近")
    for k in range(j - 1, first - 2, -1):
        if k < 0:
            return True
        if start is not None and k >= start:
            return True
        o = messages[k]
        if o.speaker != me and (_says_yes(o.text) or _vote(o.text)) and words & _content_bigrams(o.text):
            return True  # "+1" under a yes that names it
        if o.speaker == me or _says_yes(o.text) or _vote(o.text) or is_chatter(o.text):
            continue
        return not decided or bool(words & _content_bigrams(o.text))
    return True


def _suggested(messages: list[Message], start: int, idx: int, decided: str) -> list[str]:
    """Who suggested what was decided, when the matter was put up as a question ("给老人带点什么大家觉得呢"
    — "买点水果吧" … "那就买水果礼盒"): the first other member whose answer (no question) shares its content."""
    if not decided or not is_question(messages[start].text):
        return []
    words = _content_bigrams(decided)
    return next(([o.speaker] for o in messages[start + 1 : idx]
                 if o.speaker not in (messages[start].speaker, messages[idx].speaker) and not is_question(o.text)
                 and not _says_yes(o.text) and words & _content_bigrams(o.text)), [])


def _answers_ask(messages: list[Message], j: int) -> bool:
    """Whether the yes ``messages[j]`` answers work just asked of its speaker ("Sunny你打印一下签到表" —
    "没问题"): the message before it, by someone else, names them. Such a yes takes the work on; it
    agrees to no later proposal."""
    me = messages[j].speaker
    prev = next((messages[k] for k in range(j - 1, max(-1, j - 3), -1) if messages[k].speaker != me), None)
    if prev is None:
        return False
    f, names = _fold(prev.text), {me, display_name(me), *aliases(me)}  # ("Kelly负责…" names 伴奏-Kelly)
    if is_question(prev.text) and has(f, "decision", "proposal"):
        return False  # "我的想法是第一场小鹿妈妈讲，第二场林哥讲，大家同意吗" — "同意": a yes to the proposal put to all
    return any(n and len(n) >= 2 and _fold(n) in f for n in names)


def _acks_work(messages: list[Message], j: int, closer: str, decided: str) -> bool:
    """Whether the yes ``messages[j]`` takes note of other work ``closer`` just gave out ("这周六的场地费每人30元，周五前
    转给阿杰" — "好", before "植物园就按小宇爸爸说的办"): the line it follows (the nearest one by someone else that is no
    bare yes or chatter of a third member) is the closer's, answers no question just asked, asks nothing, puts nothing
    up, reads as work (the task model) and is on another matter (shares fewer than two 2-character runs with
    ``decided``). A yes that names what was decided ("同意七娘山"), or follows another member's line (a vote, a
    suggestion: "15吧" — "行，15"), agrees as before."""
    me, words = messages[j].speaker, _content_bigrams(decided)
    if words & _content_bigrams(messages[j].text):
        return False
    for k in range(j - 1, max(-1, j - 4), -1):
        o = messages[k]
        if o.speaker == me:
            continue
        if o.speaker != closer:
            if (_says_yes(o.text) or is_chatter(o.text)) and not words & _content_bigrams(o.text):
                continue
            return False  # ("我同意琴行二楼" — "+1": under a yes that names what was decided)
        answers = k > 0 and messages[k - 1].speaker != closer and is_question(messages[k - 1].text)
        return not answers and not is_question(o.text) and not _puts_up(o.text, "") and not _suggestion(o.text) \
            and len(_content_bigrams(o.text) & words) < 2 and task_probability(normalised(_fold(o.text), [])) >= 0.5
    return False


def _addressed_elsewhere(text: str, decider: str) -> bool:
    """Whether ``text`` opens by addressing a member other than ``decider`` ("回小宇妈：果汁随便…就行", "@阿明 好的"):
    its yes answers that member, not the decision just made."""
    f = _fold(text).strip()
    if f.startswith("@"):
        rest = f[1:]
    else:
        lead = cue("reply", "answers_named").match(f)
        if lead is None or not re.match(r"[^：:，,\s]{1,10}[：:，,\s]", f[lead.end():]):
            return False
        rest = f[lead.end():]
    return not any(rest.startswith(a) for a in aliases(decider))


def _puts_up(line: str, decided: str) -> bool:
    """Whether ``line`` puts the matter up for a yes: a proposal ("我提议…", "投个票"), a question to the
    group, or a question about what was then decided ("比赛衣服要统一吗" before "…统一订白色太极服")."""
    f = _fold(line)
    if has(f, "decision", "proposal"):
        return True
    if not is_question(line):
        return False
    if has(f, "question", "group_prompts"):
        return True
    # (a question for a fact — "报名费多少" — asks about the matter; it puts nothing up for a yes)
    return bool(decided) and not has(f, "decision", "fact_question") and bool(_content_bigrams(line) & _content_bigrams(decided))


def _says_yes(text: str) -> bool:
    f = _spoken(text)
    return len(f) <= 24 and bool(cue("decision", "agree").search(f)) and not is_question(text)


def _vote(text: str) -> str | None:
    """The choice a vote names ("我选荔枝" → 荔枝, "我也投星空" → 星空, "《送别》吧" → 《送别》,
    "干脆全穿大红" → 全穿大红), or None. A pick whose choice is itself a yes ("好吧", "行吧") is no vote."""
    f = _fold(text).strip()
    hit = cue("decision", "vote_label").match(f) or cue("decision", "vote").search(f)
    if hit:
        return hit.group("choice").strip()
    for pattern in cue_list("decision", "vote_pick"):
        pick = pattern.search(f)
        if pick and not is_question(text) and not _says_yes(text):  # ("配对好，我举双手赞成": a yes, not a pick)
            choice = pick.group("choice").strip()
            if cue("decision", "formula").sub("", choice) and not _says_yes(choice) \
                    and not cue("decision", "concede_head").match(choice):
                return choice
    return None


def _settled_part(decided: str) -> str:
    """What a decision line settled, without the vote count it tells ("B四票A一票，那就做B" → "，那就做B"): an option
    counted there lost unless named again."""
    tally = cue("decision", "tally")
    rest = tally.sub("", decided)
    if not rest.strip("，,。！!；; "):
        return decided
    counted = [(cn_to_int(t.group("count")) or 0, re.split(r"[:：、]", t.group("option"))[-1]) for t in tally.finditer(decided)]
    counted = [(n, o) for n, o in counted if o]
    if len(counted) >= 2 and sorted(n for n, _ in counted)[-1] > sorted(n for n, _ in counted)[-2]:
        rest += "；" + max(counted)[1]  # "结果：B 3票、A 1票，就这么决定每人每月80": B won, the line names only its content
    return rest


def _same_choice(choice: str, decided: str) -> bool:
    """Whether a vote's choice is what the decision settled: its words or a two-character part of them."""
    choice = _CHOICE_NOISE.sub("", choice)
    return bool(choice) and (choice in decided or any(choice[i:i + 2] in decided for i in range(len(choice) - 1)))


def _announcement_kind(f: str, in_list: bool) -> str | None:
    if has(f, "announcement", "homework"):
        return "作业"
    if has(f, "announcement", "next"):
        return "下期预告"
    if has(f, "announcement", "notice") or has(f, "announcement", "reminder_label") or in_list or _change_told(f) or has(f, "announcement", "contact") or _signup_terms(f) >= 2:
        return "通知"
    return None


def _signup_terms(f: str) -> int:
    """How many of the sign-up terms (cue list ``announcement.signup_terms``: a fee, a limit, a sign-up way…) the folded
    ``f`` names, counted up to two (all :func:`_announcement_kind` asks; a plain loop, no generator: each sentence of a
    chat that names no notice word is read against every term)."""
    found = 0
    for rx in cue_list("announcement", "signup_terms"):
        if rx.search(f):
            found += 1
            if found == 2:
                break
    return found


def _change_told(f: str) -> bool:
    """A change told with what it changed to ("…换位置了！…改到滨江广场北侧停车场"): a notice."""
    head = _AFTER_BANG.split(f, maxsplit=1)
    return len(head) == 2 and has(head[0], "announcement", "changed_head") and bool(cue("moved").search(head[1]))


@lru_cache(maxsize=8192)
def event_notice(sentence: str, when: datetime | None = None) -> bool:
    """An event told to the group with no notice word: what (an event: cues.yaml ``announcement.event``),
    when (a day that is no deadline) and one more thing about it — where, a clock time, the terms of taking
    part ("顺便说下周六11月28号早上7点半的湿地活动，集合点在公园东门"), or, read against the message's time
    ``when``, a date ahead (not a day counted from the message) with a figure of its own ("下个月十二号区里有个太极
    比赛我们队要报名报名费每人二十块"). Not a question, nor a proposal put to the group, nor the speaker's own
    plan ("12月5号我自己要去崇明拍一趟"); a date and a figure alone do not tell an event someone says 我 in."""
    f = _fold(sentence)
    if len(f) < 10 or has(f, "announcement", "own_plan") \
            or has(f, "decision", "proposal"):  # "排练我建议每周二四晚上7点" is put to the group, not told
        return False
    # (no event word and no place: neither way below can tell an event, so its times are not read)
    if not has(f, "announcement", "event") and not has(f, "announcement", "where"):
        return False
    # whether it names a clock time does not hang on the message's day: read against any day
    times = [d for d in time_expressions(sentence, _ANY_DAY) if not d.marked]
    if not times or is_question(sentence):
        return False
    if not has(f, "announcement", "event"):
        # an event named before, told by its day, clock time and place alone ("12月27日周六下午2点，在文化馆二楼
        # 小剧场"): a date or weekday (not one counted from today), a clock time and where, nobody's own
        return any(d.clock for d in times) and any(not d.relative for d in times) \
            and has(f, "announcement", "where") and not cue("owner", "me").search(f) and not cue("owner", "you").search(f)
    if any(d.clock for d in times) or has(f, "announcement", "where") or has(f, "announcement", "terms"):
        return True
    if when is None or cue("owner", "me").search(f):
        return False
    ahead = [d for d in time_expressions(sentence, when) if d.day and d.day > when.date() and not d.marked
             and not d.relative]
    if not ahead:
        return False
    rest = without_times(f, " ")
    return bool(cue("patterns", "counted").search(rest))


def _notice_answers(q: _Open, m: Message, i: int, near: int, host: str | None) -> bool:
    """Whether a notice answers the open question ``q``: one asking its time, place or cost, on its
    subject or just asked ("服装在哪里领" — "周六下午2点到5点在体育中心东门领"); a yes/no question just
    asked that the notice opens by answering ("场地还是活动中心吗" — "对，活动中心一楼…"); one just asked
    that it takes up, unless it turns to something else ("另外提醒…", "顺便说…")."""
    # (an answer so far that only came next and gives nothing asked does not keep the notice from it: "出发集合在哪"
    # — "我周五下午才下班" — "集合在杭州西服务区，晚上7点")
    if q.answer and not _guessed(q) and not _beside_the_point(q, host) or i - q.index > near:
        return False
    just_asked, f = q.index == i - 1, _fold(m.text)
    return (_asks_logistics(q.text) and (just_asked or relevant(q.text, m.text))) \
        or (just_asked and bool(cue("reply", "yes_no").match(f) or cue("reply", "yes_first").match(f))) \
        or (just_asked and relevant(q.text, m.text) and not has(f, "reply", "topic_shift"))


def _asks_logistics(question: str) -> bool:
    """A question asking when, where or how much ("活动几点集合", "在哪上课", "费用多少")."""
    f = _fold(question)
    return has(f, "reply", "asks_time") or has(f, "reply", "asks_place") or has(f, "reply", "asks_amount")


def _notice_terms(sentence: str) -> bool:
    """A line that adds the terms of an event just announced ("人数上限20人，报名请在周四前私我")."""
    f = _fold(sentence)
    return has(f, "announcement", "terms") and not is_question(sentence) and not has(f, "announcement", "own_plan")


def notice_word(text: str) -> bool:
    """Whether a message says it is a notice, a preview or homework (通知：, @所有人, 下期预告…)."""
    return _announcement_kind(_fold(text), False) is not None


def notice(text: str, when: datetime | None = None) -> bool:
    """Whether a message (sent at ``when``) tells the group something (a notice word or an event notice,
    the same reading that files it under 公告): no answer to a question it has nothing in common with."""
    return notice_word(text) or any(event_notice(s, when) for s in split_sentences(text))


def _completeness(text: str) -> int:
    """How much a notice says: figures, dates, titles and names count."""
    return len(re.findall(r"\d+|《[^》]+》", text)) * 3 + len(text) // 20


_Copy = TypeVar("_Copy", Announcement, Decision)


def _merge_copies(items: list[_Copy], same: Callable[[_Copy, _Copy], bool],
                  join: Callable[[_Copy, _Copy], None] | None = None) -> list[_Copy]:
    """Copies of one item (``same``) are one, written as its most complete copy, citing every copy;
    ``join`` carries anything else the copy adds into the one kept."""
    out: list[_Copy] = []
    for item in items:
        twin = next((b for b in out if same(item, b)), None)
        if twin is None:
            out.append(item)
            continue
        if _completeness(item.text) > _completeness(twin.text):
            twin.text = item.text
        twin.sources = sorted(set(twin.sources + item.sources))
        if join is not None:
            join(twin, item)
    return out


def _merge_announcements(announcements: list[Announcement]) -> list[Announcement]:
    """Copies of one notice (the same 下期预告 posted twice, a shortened repeat) are one announcement."""
    return _merge_copies(announcements, lambda a, b: a.kind == b.kind and _similar(a.text, b.text))


CONCEDE_REACH = 3  # messages after a reluctant yes in which another member's settling of it is looked for


def _conceded(decisions: list[Decision], messages: list[Message]) -> list[Decision]:
    """A reluctant yes read as a decision ("好吧 那就7点半 我多穿点") that another member settles just after on
    the same matter ("OK 7点半集合 不改了") is agreement: it joins that decision, whose line's speaker decides."""
    at = {m.id: k for k, m in enumerate(messages)}
    out = list(decisions)
    for d in decisions:
        k = at.get(d.sources[0]) if d.sources else None
        if k is None or not cue("decision", "concede_head").match(_fold(messages[k].text).strip()):
            continue
        who, words = messages[k].speaker, _content_bigrams(d.text)
        later = [e for e in out if e is not d and e.sources and at.get(e.sources[0], -1) in range(k + 1, k + 1 + CONCEDE_REACH)
                 and messages[at[e.sources[0]]].speaker != who and words & _content_bigrams(e.text)]
        if not later:
            continue
        e = later[0]
        settler = messages[at[e.sources[0]]].speaker
        e.by = list(dict.fromkeys([settler, *e.by, who, *d.by]))
        e.decider = settler
        e.sources = sorted(set(e.sources) | set(d.sources), key=lambda i: at.get(i, 0))
        out.remove(d)
    return out


def _reverted(decisions: list[Decision], messages: list[Message]) -> list[Decision]:
    """A going back to the plan before ("算了，奖金还是按原来的前五名发") undoes what was put up or settled in the
    few lines before it ("可以，那就改电子表格"): only the going back is a decision. Of those lines it undoes the
    decisions after which its speaker said nothing on another matter, and any other on its matter (sharing words,
    figures out): a change of the upkeep fee leaves the down payment settled three lines earlier, with the speaker's
    notice on the fee between them, standing."""
    at = {m.id: k for k, m in enumerate(messages)}
    reach = int(raw("decision", "reverts_reach"))
    goes_back = [has(_fold(d.text), "decision", "reverts") for d in decisions]
    backs = [(at[d.sources[-1]], _gist(d.text)) for d, back in zip(decisions, goes_back)
             if d.sources and d.sources[-1] in at and back]
    kept = [(d, back, at[d.sources[0]] if d.sources and d.sources[0] in at else None) for d, back in zip(decisions, goes_back)]

    def just_settled(d: Decision, k: int, b: int) -> bool:
        said = _gist(d.text)  # (the speaker's reason between them, "周六江边风太大", is still on it)
        return not any(messages[j].speaker == messages[b].speaker and not said & _gist(messages[j].text)
                       for j in range(k + 1, b))

    def undone(d: Decision, k: int) -> bool:
        return any(0 < b - k <= reach and (just_settled(d, k, b) or _gist(d.text) & gist) for b, gist in backs)

    return [d for d, back, k in kept if back or k is None or not undone(d, k)]


def _called_off_earlier(decisions: list[Decision], messages: list[Message]) -> list[Decision]:
    """A decision that calls an old choice off by name ("那就改了：周日不去凤凰山了，改去植物园") replaces an
    earlier decision naming that choice ("好，那就这么定了，周日去凤凰山，早上8点半东门集合"): the plan changed,
    only the change stands (cue ``drops_named``)."""
    at = {m.id: k for k, m in enumerate(messages)}
    drops = [(at[d.sources[0]], m.group("old")) for d in decisions if d.sources and d.sources[0] in at
             for m in cue("decision", "drops_named").finditer(_fold(d.text))]
    if not drops:
        return decisions

    def replaced(d: Decision) -> bool:
        k = at.get(d.sources[0]) if d.sources else None
        f = _fold(d.text)
        return k is not None and any(k < b and old in f and not cue("decision", "drops_named").search(f) for b, old in drops)

    return [d for d in decisions if not replaced(d)]


def _vote_settled(decisions: list[Decision], messages: list[Message]) -> list[Decision]:
    """A proposal put to a vote ("那就定7点半，同意的扣1") and the line that settles it a few lines on ("好，就这么
    定了，每周六早上7点半集合", "好，训练时间就这么定了") are one decision: the more complete wording is kept (the
    proposal's when the settling line names only the matter), without the call for votes, and the one who settled it
    decides."""
    at = {m.id: k for k, m in enumerate(messages)}
    reach, call = int(raw("decision", "vote_reach")), cue("decision", "vote_call")

    def said(d: Decision) -> int:
        return len(cue("decision", "formula").sub("", cue("decision", "sign_off").sub("", call.sub("", _fold(d.text)))))

    # what is still listed, as places in ``decisions`` (in order), found by value and by the line each ends on: "d in
    # the list" and removing d are by equal value, as a list's, without comparing every pair of decisions
    live = dict.fromkeys(range(len(decisions)))
    by_value: dict[tuple, list[int]] = {}
    by_end: dict[int, set[int]] = {}
    places: dict[int, list[int]] = {}
    for q, d in enumerate(decisions):
        places.setdefault(id(d), []).append(q)

    def value(d: Decision) -> tuple:
        return d.text, tuple(d.by), d.decider, tuple(d.sources)

    def filed(d: Decision, add: bool) -> None:
        v, end = value(d), at.get(d.sources[-1], -1) if d.sources else -1
        for q in places[id(d)]:
            if q in live and add:
                insort(by_value.setdefault(v, []), q)
                by_end.setdefault(end, set()).add(q)
            elif q in live:
                by_value[v].remove(q)
                by_end[end].discard(q)

    for d in {id(d): d for d in decisions}.values():
        filed(d, True)
    for d in decisions:
        k = at.get(d.sources[0]) if d.sources else None
        if k is None or not call.search(_fold(messages[k].text)) or not by_value.get(value(d)):
            continue
        final = next((e for e in (decisions[q] for q in sorted(q for j in range(k + 1, k + 1 + reach) for q in by_end.get(j, ())))
                      if e is not d and has(_fold(e.text), "decision", "strong")), None)
        if final is None:
            continue
        settler = messages[at[final.sources[-1]]].speaker
        filed(final, False)
        if said(final) < said(d):
            final.text = _clean(call.sub("", d.text)) or final.text
        final.decider = settler
        final.by = list(dict.fromkeys([settler, *d.by, *final.by]))
        final.sources = sorted(set(final.sources) | set(d.sources), key=lambda i: at.get(i, 0))
        filed(final, True)
        first = by_value[value(d)][0]  # (the first equal one goes, as with a list)
        filed(decisions[first], False)
        del live[first]
        filed(decisions[first], True)  # (the same decision listed again elsewhere stays)
    out = [decisions[q] for q in live]
    for d in out:  # a proposal settled without a line after it keeps no call for votes in its wording
        d.text = _clean(call.sub("", d.text)) or d.text
    return out


def _settled_clause(text: str) -> str:
    """The clause of a settling line that holds what was chosen: from its strong word to the next pause, or the
    clause after a bare one ("那就定农家乐，酒店太贵了" → "那就定农家乐"; "就这么定了，周六去吃烧烤" → "周六去吃
    烧烤"). An option the line names only in passing ("…，繪本放到暑假") is not what it chose. Folded."""
    f = _fold(text)
    strong = cue("decision", "strong").search(f)
    if strong is None:
        return f
    parts = [p for p in re.split(r"[，,；;。！!]", f[strong.start():]) if p.strip()]
    kept = parts[:1]
    if kept and len(cue("decision", "formula").sub("", kept[0])) < 2:
        kept = parts[:2]  # a bare settling word: what was chosen follows it
    return "，".join(kept) or f


def _suggestion(text: str) -> bool:
    """A member's "那就3点吧" / "那就繪本囉" (cue decision.suggests) with no strong settling word: put up, not settled."""
    f = _fold(text)
    return has(f, "decision", "suggests") and not has(f, "decision", "strong")


def _suggestions_settled(decisions: list[Decision], messages: list[Message]) -> list[Decision]:
    """A member's "那就3点吧" / "那就周四吧" (cue decision.suggests) a few lines before another member settles the
    matter with a strong word ("好，那就这么定了：…2点开打") was put up, not decided: no decision of its own, and its
    speaker agrees to the settled line only when it takes the suggestion up (shares its words)."""
    at = {m.id: k for k, m in enumerate(messages)}
    reach, suggests = int(raw("decision", "suggest_reach")), cue("decision", "suggests")
    dropped: set[int] = set()
    for e in decisions:
        j = at.get(e.sources[-1]) if e.sources else None
        if j is None or not has(_fold(messages[j].text), "decision", "strong"):
            continue
        settled = _content_bigrams(_settled_clause(e.text))
        for k in range(max(0, j - reach), j):
            line = messages[k]
            said = None if line.speaker == messages[j].speaker or not _suggestion(line.text) \
                else suggests.search(_fold(line.text))
            if said is None:
                continue
            dropped |= {id(d) for d in decisions if d is not e and d.sources and d.sources[0] == line.id}
            if settled & _content_bigrams(said.group("what")) and line.speaker not in e.by:
                e.by.append(line.speaker)
    return [d for d in decisions if id(d) not in dropped]


def _told_next(decisions: list[Decision], messages: list[Message]) -> list[Decision]:
    """A decision that is only a heading ending with a colon ("大家投票结果出来了：") takes what its speaker's next
    message says (the result itself, "A 农家乐 3票，B 2票"): one decision with both lines' sources, and any decision read
    from that next line alone is folded into it. (Found by identity and line position: linear in the chat.)"""
    at = {m.id: n for n, m in enumerate(messages)}
    by_line: dict[int, list[Decision]] = {}
    for d in decisions:
        if d.sources:
            by_line.setdefault(d.sources[0], []).append(d)
    folded: set[int] = set()
    for d in decisions:
        if id(d) in folded or len(d.sources) != 1 or d.sources[0] not in at or not _HEADING_END.search(d.text):
            continue
        n = at[d.sources[0]]
        if not _HEADING_END.search(messages[n].text):
            continue  # the colon ends a part of the line, not the message: its content is on the line itself
        later = [o for o in messages[n + 1 : n + 3] if o.speaker == messages[n].speaker]
        if not later or is_question(later[0].text) or len(_clean(later[0].text)) < 4:
            continue
        nxt = later[0]
        d.text = f"{d.text}{_clean(nxt.text)}"
        d.sources = [d.sources[0], nxt.id]
        for e in by_line.get(nxt.id, []):
            if e is not d and id(e) not in folded:
                d.by = list(dict.fromkeys([*d.by, *e.by]))
                folded.add(id(e))
    return [d for d in decisions if id(d) not in folded] if folded else decisions


def _asked_matter(decisions: list[Decision], messages: list[Message]) -> list[Decision]:
    """A decision that names no matter once its call-off words (``decision.calls_off``, ``decision.asked_off``: "那就不搞了",
    "那就不去了") and sign-off are out ("那就8点吧" names only a time) takes its matter from the question its speaker put
    a few lines before (``decision.asked_matter_reach``), others having spoken between ("周日的徒步还搞不搞？…" →
    "周日的徒步：那就不搞了"): the question's clause up to its A-not-A or closing particle (``decision.asked_tail``),
    cited too."""
    at = {m.id: n for n, m in enumerate(messages)}
    reach, tail = int(raw("decision", "asked_matter_reach")), cue("decision", "asked_tail")
    for d in decisions:
        if len(d.sources) != 1 or d.sources[0] not in at:
            continue
        rest = cue("decision", "sign_off").sub("", _fold(d.text))
        rest = cue("decision", "asked_off").sub("", cue("decision", "calls_off").sub("", rest))
        if _matter_words(rest):
            continue  # ("请明星那个取消吧": the line names what it settles)
        n = at[d.sources[0]]
        me, window = messages[n].speaker, messages[max(0, n - reach) : n]
        mine = [k for k, o in enumerate(window) if o.speaker == me]
        if not mine or mine[-1] == len(window) - 1:
            continue  # (no line of the speaker's before, or nobody answered in between)
        asked = window[mine[-1]]
        clause = next((c for c in _CLAUSE.split(asked.text) if is_question(c) or cue("question", "a_not_a").search(_fold(c))), "")
        hit = tail.search(clause)
        subject = _clean(clause[: hit.start()] if hit else "")
        if not is_question(asked.text) or len(cue("decision", "formula").sub("", _fold(subject))) < 2:
            continue
        d.text, d.sources = f"{subject}：{d.text}", [asked.id, d.sources[0]]
    return decisions


def _merge_decisions(decisions: list[Decision]) -> list[Decision]:
    """One decision said twice ("那就定星星充电" … "好，星星充电就这么定了") is listed once, with everyone who
    made or agreed to either; the one who settled it with a strong word decides when the first copy had none."""

    strong = {id(d) for d in decisions if has(_fold(d.text), "decision", "strong")}  # (as said, before merging)

    def join(kept: Decision, copy: Decision) -> None:
        if id(copy) in strong and id(kept) not in strong:
            # ("那就7点半开始呗" … "那就这么定了：…7点半"): the one who settled it decides, not who put it up
            kept.by, kept.decider = list(dict.fromkeys(copy.by + kept.by)), copy.decider
            return
        kept.by = list(dict.fromkeys(kept.by + copy.by))

    return _merge_copies(decisions, lambda a, b: _similar(a.text, b.text), join)


def _similar(a: str, b: str) -> bool:
    x, y = _content_bigrams(a), _content_bigrams(b)
    inter = len(x & y)
    return inter / max(1, min(len(x), len(y))) >= 0.6


# -- phases ------------------------------------------------------------------------------------------
def _talk_tip(a: Announcement, messages: list[Message], speakers: list[str]) -> bool:
    """The speaker's own reminder in a talk that gives advice and no date or time ("最后提醒一下，鱼不要一次下
    太多，第一批不超过5条"): a point of the talk (a key point), not a notice to the group."""
    f = _fold(a.text)
    return a.kind == "通知" and bool(a.sources) and all(_speaker_of(messages, i) in speakers for i in a.sources) \
        and has(f, "action", "advice") and not has(f, "decision", "planned")


def segments(messages: list[Message], session: SessionType, speakers: list[str], qa: list[QAPair]) -> list[Segment]:
    """Phases of the session: 开场 / 主讲 / 问答 for a talk; time-gap blocks for a discussion."""
    if not messages:
        return []
    out: list[Segment] = []
    if session == "主讲分享" and speakers:
        first_talk = next((m.id for m in messages if m.speaker in speakers and len(m.text) >= 20), messages[0].id)
        qa_start = min((p.sources[0] for p in qa), default=None)
        if first_talk > messages[0].id:
            out.append(Segment("开场", messages[0].id, first_talk - 1))
        talk_end = (qa_start - 1) if qa_start and qa_start > first_talk else messages[-1].id
        out.append(Segment("主讲", first_talk, talk_end))
        if qa_start and qa_start > first_talk:
            out.append(Segment("问答", qa_start, messages[-1].id))
        return out
    start = messages[0]
    prev = start
    for m in messages[1:]:
        if m.time and prev.time and (m.time - prev.time).total_seconds() > 30 * 60:
            out.append(Segment("讨论", start.id, prev.id))
            start = m
        prev = m
    out.append(Segment("讨论", start.id, prev.id))
    return out


def _told_or_advised(text: str) -> bool:
    """A talk speaker's "decision" that is the story of the past ("后来决定每月收29元") or advice (主图全部
    换成白底), not a plan of the group: one with a date or time (公演定在9/5, 明天开始改到早上七点半) is a
    plan, and a deadline's 之前 ("这个礼拜六之前报给我") tells no past; so is calling off what was put up ("下午的讲座
    取消", decision.calls_off) when it tells no past."""
    f = _fold(text)
    spans = time_spans(f)
    untimed = f
    for start, end in sorted(spans, reverse=True):
        untimed = untimed[:start] + " " + untimed[end:]
    return has(untimed, "decision", "told_past") or not (spans or has(f, "decision", "planned")
                                                         or has(f, "decision", "calls_off"))


def _speaker_of(messages: list[Message], msg_id: int) -> str | None:
    return next((m.speaker for m in messages if m.id == msg_id), None)


def _final_state(item: ActionItem | Announcement, restated: dict[int, Restated]) -> str:
    """A to-do's task or a notice's text without the figures a later correction restated (:func:`restated_figures`)
    in the lines it comes from ("学费周五前转给我，每人60元" after "更正：学费改成每人50元" is "学费周五前转给我";
    the correction is a line of its own). Empty when nothing else of it holds."""
    text = item.task if isinstance(item, ActionItem) else item.text
    for i in item.sources:
        fix = restated.get(i)
        if fix is None or (raw("changed_mark") in text and (fix.slot or fix.by.id in item.sources)):
            continue  # (a to-do a later line re-timed already has its new time beside it: _retimed)
        # (a part that is the correction itself keeps its figures: they are the new ones)
        kept = "；".join(x for x in (p if _fold(p).strip() in _fold(fix.by.text) else without_figures(p, fix)
                                    for p in text.split("；")) if x)
        # every clause restated ("門票每位六十蚊 星期五前轉數俾阿欣" after "更正：…每位四十五蚊唔係六十"): the
        # correction's clauses on its subject say what now holds
        text = kept or restating(text, fix)
    return text


def changes_cited(sources: list[int], restated: dict[int, Restated], marked: bool = False) -> list[int]:
    """The changes (:func:`restated_figures`) an item from ``sources`` states the figures of, not cited yet: those that
    named their slot and rewrote a source in place ("早上9:30北河街街市門口集合"), and with ``marked`` (the item carries
    a change's mark beside the old value: "…40桌（已改：46桌）…") every change of its sources."""
    return list(dict.fromkeys(f.by.id for i in sources if (f := restated.get(i)) and (f.slot or marked)
                              and f.by.id not in sources))


def _cite_changes(items: list[ActionItem | Announcement], restated: dict[int, Restated]) -> None:
    """A to-do or a notice a change rewrote or marked states the change's figure: it cites the change too."""
    for item in items:
        item.sources += changes_cited(item.sources, restated,
                                      raw("changed_mark") in (item.task if isinstance(item, ActionItem) else item.text))


def _final_decision(d: Decision, restated: dict[int, Restated], by_id: dict[int, Message]) -> str:
    """``d``'s wording without the clauses of its earlier lines whose figures a later correction restated (the clause
    as the old line says it, not as the correction does); when no settling word is left (decision.cues), the
    correction's clauses that restate them if the decision holds the correction too, else nothing: what it settled is
    now the correction's."""
    text = d.text
    for i in d.sources:
        fix = restated.get(i)
        if fix is None or i not in by_id:
            continue
        if fix.kinds & set(raw("word_values")) and fix.by.id not in d.sources:
            text = without_figures(text, fix)  # a place or a count changed: the old one as said, the new beside it
            continue
        old, new = _fold(by_id[i].text), _fold(fix.by.text)
        kept = [c for c in _CLAUSE_WHOLE.split(text) if c.strip() and not (
            fix.kinds & figure_kinds(_fold(c)) and _fold(c).strip() in old and _fold(c).strip() not in new)]
        text = "，".join(c.strip() for c in kept)
        # (a closing formula left alone, "…，就这么办", settles nothing once what it closed is gone)
        settles = "，".join(c for c in kept if cue("decision", "formula").sub("", _fold(c)))
        if text != d.text and not has(_fold(settles), "decision", "cues"):
            text = restating(text, fix) if fix.by.id in d.sources else ""
    return text


def _restated_decisions(decisions: list[Decision], restated: dict[int, Restated], messages: list[Message]) -> list[Decision]:
    """A decision a later correction restated ("演出定在周六下午三点" after "更正一下：演出改到周日下午两点") keeps
    what still holds of it (:func:`_final_decision`), and goes when what it settled is gone: the correction is the
    decision."""
    by_id = {m.id: m for m in messages}
    mark = raw("changed_mark")
    for d in decisions:
        text = _final_decision(d, restated, by_id)
        if mark in text and mark not in d.text:  # ("…40桌（已改：46桌）…": it states the change's value, so cites it)
            d.sources += changes_cited(d.sources, restated, marked=True)
        d.text = text
    return [d for d in decisions if d.text]


def _notice_called_off(n: Announcement, messages: list[Message], people: People) -> bool:
    """Whether a later line of the notice's speaker calls off what it tells of (:func:`_calls_off`: "周三晚上7点在
    活动室加练一次" … "那周三的加练就不搞了"): a notice of a thing that will not happen is no notice."""
    at = {m.id: k for k, m in enumerate(messages)}
    first = at.get(n.sources[0]) if n.sources else None
    if first is None:
        return False
    who = messages[first].speaker
    for k in range(first + 1, len(messages)):
        if messages[k].speaker == who and any(_names_work(cue("decision", "calls_off").sub(" ", _fold(off)), n.text, people)
                                              for off in _calls_off(messages[k].text, messages, k, people)):
            return True
    return False


def dated_messages(messages: list[Message]) -> list[Message]:
    """``messages`` with the day :func:`copilot.notes.dates.assumed_days` reads from a chat without dated messages
    put on their times (a pasted copy's "下周三前" then resolves against the week its "6月23日周六" fixes); the
    same list when the export dates its messages or the chat tells no date with its weekday."""
    times = with_assumed_days([(m.text, m.time) for m in messages])
    if all(t is m.time for t, m in zip(times, messages, strict=True)):
        return messages
    return [replace(m, time=t) for m, t in zip(messages, times, strict=True)]


def analyze(transcript: Transcript) -> Structure:
    msgs = dated_messages(transcript.messages)
    people = People.of(msgs)
    rosters = find_rosters(msgs, people.roster_member)  # read once: their lines are to-dos, their messages one piece
    share = speaker_share(msgs)
    invited = find_invitation(msgs)
    actions, decisions, announcements = find_actions(msgs, rosters)
    restated = restated_figures(msgs)  # a figure a later correction replaced: the notes state the final one
    # (a to-do keeps its own words when another member corrects a figure of its line: only its speaker re-times it)
    said_by = {m.id: m.speaker for m in msgs}
    own_fixes = {i: f for i, f in restated.items() if f.by.speaker == said_by.get(i)}
    for a in actions:
        a.task = _final_state(a, own_fixes) or a.task
    for n in announcements:
        n.text = _final_state(n, restated)
    _cite_changes([*actions, *announcements], restated)
    announcements = [n for n in announcements if n.text and not _notice_called_off(n, msgs, people)]
    decisions = _restated_decisions(decisions, restated, msgs)
    if invited:  # an explicit hand-over settles type, speaker and host
        host, main = invited
        session: SessionType = "主讲分享"
        speakers = [main] + [s for s in share if s not in (main, host) and share[s] >= 0.3]
    else:
        session, speakers = classify(msgs, share, decisions)
        host = _host(msgs, set(speakers[:1]) if session == "主讲分享" else set())
    if session == "主讲分享" and host in speakers[1:]:  # a talkative host is still the host, not a speaker
        speakers = [s for s in speakers if s != host]
    if session == "话题讨论" and host is None and msgs:
        host = msgs[0].speaker if has(_fold(msgs[0].text), "discussion") else None
    if session == "话题讨论" and host is None and share:
        # the organiser: the main voice who also runs the chat — settles things (a decision) or, where nobody
        # decided anything, hands work to someone else ("豆豆爸你周三前把报名表收齐交给我") or posts the notices the others ask about
        top = next(iter(share))
        deciders = {d.by[0] for d in decisions if d.by} | _retimers(actions, msgs)
        givers = {_speaker_of(msgs, a.sources[0]) for a in actions if a.sources and a.owner in share
                  and a.owner != _speaker_of(msgs, a.sources[0])}
        noticers = {_speaker_of(msgs, i) for n in announcements for i in n.sources}
        # (when someone else settled things, the one settling runs the chat, not a talkative member's reminder)
        host = top if share[top] >= 0.35 and (top in deciders or not deciders and top in givers | noticers) else None
    topic = find_topic(msgs)
    if topic is None and session == "话题讨论":
        topic = opening_question(msgs)
        if topic and host is None and topic in msgs[0].text:  # who asked the question started it
            host = msgs[0].speaker
    topic_set = topic_words(msgs)
    # what the speaker tells of their own past ("后来决定每月收29元") or advises (主图全部换成白底) is the
    # talk; a dated plan they settle (公演定在9/5, 改到下午3点) is a decision of the group
    if session == "主讲分享":
        decisions = [d for d in decisions if not (all(_speaker_of(msgs, i) in speakers for i in d.sources)
                                                  and _told_or_advised(d.text))]
    # a call for help answered by a volunteer ("谁可以？" — "我可以") is a to-do, not a question and answer
    taken = [set(a.sources) for a in actions if len(a.sources) > 1]
    tasks = frozenset({a.sources[0] for a in actions} | {d.sources[-1] for d in decisions})
    # (a decision line may answer a question — "下次线下还是线上？" — "线下，还在老地方": only the lines work comes
    # from are kept from the pairing; find_qa keeps a decision from going on with an earlier answer itself)
    paired = find_qa(msgs, session, speakers, host, decisions, topic_set, frozenset(a.sources[0] for a in actions), restated)
    qa = [p for p in paired if not any(set(p.sources) <= t for t in taken)]
    taken_qa = [p for p in paired if any(set(p.sources) <= t for t in taken)]
    # who runs the chat: the host or its main voice, and whoever gives work to someone else
    organisers = {host} if host else set(list(share)[:1])
    if session == "主讲分享":
        organisers |= set(speakers[:1])
    core = set(organisers)
    organisers |= {who for a in actions if a.sources and a.owner in share
                   for who in [_speaker_of(msgs, a.sources[0])] if who and a.owner != who}
    # for telling asides: who gives work to the group or to more than one member runs part of the chat; who
    # asks one member a favour ("小俞 明天早上买菜帮我带两斤青菜") does not
    handed: dict[str, set[str]] = {}
    for a in actions:
        who = _speaker_of(msgs, a.sources[0]) if a.sources else None
        if who and a.owner and a.owner != who:
            handed.setdefault(who, set()).add(a.owner if a.owner in share else "大家")
    core |= {who for who, owners in handed.items() if len(owners) > 1 or "大家" in owners}
    # a member one who runs the chat hands a question to by @ ("@志愿者陈老师 您看呢") answers for the chat: a question
    # put to them and answered by them is listed as Q&A, not dropped as an aside between members (the summary still
    # leaves their side talk out)
    answering = {n for m in msgs if m.speaker in core and "@" in m.text and is_question(m.text)
                 for n in _spoken_to(m, people) if n not in ("大家", m.speaker)}
    runs = len(msgs) >= SHORT_ASIDE and share.get(next(iter(sorted(organisers, key=lambda o: -share.get(o, 0))), ""), 0) >= RUNS_SHARE
    asides = side_exchanges(msgs, organisers, frozenset(a.sources[0] for a in actions if a.sources and a.deadline_text),
                            frozenset(i for a in actions for i in a.sources)) if runs else frozenset()
    # what the summary and key points tell: also the questions to nobody in particular the chat never takes up
    chatter = (asides | side_exchanges(msgs, organisers, frozenset(a.sources[0] for a in actions if a.sources and a.deadline_text),
                                       frozenset(i for a in actions for i in a.sources), open_questions=True)) if runs else asides
    # what lies wholly in a side exchange is not the chat's business; a dated to-do never does. A
    # question and answer pair goes only when its question is also put to a peer by name or @ (你家闺女…
    # to one member): dropping every pair inside a side exchange lowered the old locked pairs 0.820 -> 0.803
    by_id = {m.id: m for m in msgs}
    qa = [p for p in qa if not (set(p.sources) <= asides and _to_a_peer(by_id[p.sources[0]], people, organisers | answering))]
    # an exchange members hold aside, off the chat's matter, asks no question of the notes, gives no work and
    # settles nothing ("小唐你中午吃的啥" — "黄焖鸡吧" — "行 那就黄焖鸡了 就这么定了")
    aside = off_matter(msgs, core, topic)
    off = aside.lines
    # (a pair goes only when none of its exchange's words is the matter's: one shared word may make it the matter)
    qa = [p for p in qa if not (p.sources and set(p.sources) <= aside.unrelated
                                and not (p.answerer in answering and _spoken_to(by_id[p.sources[0]], people) == [p.answerer]))]
    own = _personal_exchanges(msgs, tasks)  # attendance and life news, and the reactions to it
    chatter |= own | off
    # what the chatter model is sure of (一家人的近况, food, weather, a show, thanks), whatever its words
    # in the chat; never a line a to-do or a decision comes from, nor one of those who run the chat
    # (a seller's "今天的货到了，一箱5斤" is the matter)
    # (nor a line a decision takes up: "我想吃烧烤，人均五十左右" before "那就定了，周六去吃烧烤")
    # (a decision takes a line up when it follows it closely: "话说今天那家卤肉饭超好吃" shares 排练 with a decision
    # settled ten lines later and is still chatter)
    at = {m.id: n for n, m in enumerate(msgs)}
    spared = frozenset(i for a in actions for i in a.sources) | frozenset(i for d in decisions for i in d.sources) \
        | _taken_up(msgs, decisions, at)
    talk = chatter_lines(msgs, spared | frozenset(m.id for m in msgs if m.speaker in organisers))
    # a pair is chatter when all of it is, or when its question is and no organiser answers it
    # ("小区门口新开了家面包店，有人去过吗" — a member's "去过，…不错"): then so is its answer
    side = [p for p in qa if set(p.sources) <= talk or p.sources and min(p.sources) in talk
            and p.answerer not in organisers]
    talk |= frozenset(i for p in side for i in p.sources) - spared
    chatter |= talk
    qa = [p for p in qa if p not in side]
    actions = [a for a in actions if (a.deadline or not (a.sources and set(a.sources) <= asides))
               and not (a.sources and a.sources[0] in own)
               and not (a.sources and set(a.sources) <= (aside.unrelated if a.deadline else off))]
    actions = _all_due(actions, msgs)
    _taken_on(actions, msgs, people)
    _told_then_taken(actions, msgs, people)
    _event_due(actions, msgs, event_days([(m.text, m.time) for m in msgs]))  # after the asides: no date of its own
    _night_due(actions, msgs)
    announcements = [a for a in announcements if not (a.sources and set(a.sources) <= asides | own | talk | off)
                     and not (session == "主讲分享" and _talk_tip(a, msgs, speakers))]
    decisions = [d for d in decisions if not (d.sources and set(d.sources) <= asides | off)]
    decisions = _merge_decisions(_vote_settled(_called_off_earlier(_reverted(_conceded(_suggestions_settled(_asked_matter(_told_next(decisions, msgs), msgs), msgs), msgs), msgs), msgs), msgs))
    at_line = {m.id: n for n, m in enumerate(msgs)}
    # a plan told as the first word on its matter is a notice (it still made the chat a discussion and kept its line
    # out of the chatter above); a decision settled over several lines is kept
    read: dict[int, tuple[frozenset[str], frozenset[str]]] = {}  # each line's matter words, read once
    told = [d for d in decisions if len(d.sources) == 1 and d.sources[0] in at_line
            and _first_word(d.text, msgs, at_line[d.sources[0]], read)]
    told += [d for d in decisions if d not in told and len(d.sources) == 1 and d.sources[0] in at_line
             and _told_not_settled(d.text, msgs, at_line[d.sources[0]], read)]
    decisions = [d for d in decisions if d not in told and not (
        len(d.sources) == 1 and d.sources[0] in at_line
        and (_grants_own_share(msgs, at_line[d.sources[0]]) or _contingency_only(d.text, msgs[at_line[d.sources[0]]].text)
             or has(_fold(msgs[at_line[d.sources[0]]].text).strip(), "decision", "deadline_only")))]
    actions = [a for a in actions if not _vote_closed(a, decisions, msgs, at_line)]  # the vote's result closes it
    noticed = {i for a in announcements for i in a.sources}
    announcements += [Announcement(text=d.text, sources=d.sources, speaker=_speaker_of(msgs, d.sources[0]))
                      for d in told if d.sources[0] not in noticed]
    for d in decisions:  # the one who made the decision line is the first of its people
        d.decider = d.decider or (d.by[0] if d.by else None)
        spoken_for = _summed_up_for(d, msgs, core, at_line)
        if spoken_for:  # a member who sums up ("那就这么定了 …") does not settle what an organiser put
            d.decider = spoken_for
            d.by = [spoken_for, *(b for b in d.by if b != spoken_for)]
        aside = _aside_yeses(d, msgs, off)  # a yes said in an aside agrees to the aside
        d.by = [b for b in dict.fromkeys([*d.by, *_reacted_yes(d, msgs, transcript.dropped)]) if b not in aside]
    return Structure(
        session_type=session,
        speakers=speakers,
        host=host,
        topic=topic,
        share=share,
        segments=segments(msgs, session, speakers, qa),
        qa=qa,
        decisions=decisions,
        actions=actions,
        announcements=announcements,
        topic_words=topic_set,
        rosters=frozenset(i for r in rosters for i in r.sources),
        asides=asides,
        chatter=chatter,
        restated=restated,
        taken_qa=taken_qa,
    )

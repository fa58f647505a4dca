"""How a chat line is read before the notes use it: question forms and how strongly a line asks, who the
people are (names, aliases, roles), the chat's topic and session kind, and side remarks and chatter.

Part of the notes structure finder (:mod:`copilot.notes.structure` puts the parts together); cue words come from
``copilot/resources/notes/cues.yaml``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from copilot.notes.chatter import chatter_probability, is_side_chatter
from copilot.notes.classify import mandarin, sentence_kind
from copilot.notes.clauses import CLAUSE
from copilot.notes.cues import cue, cue_list, has, interrogative, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import (
    time_expressions,
)
from copilot.notes.exchanges import Asides, Line, asides
from copilot.notes.model import Decision, Message, QAPair, SessionType, positions
from copilot.notes.owners import (
    PLACEHOLDER,
    TIME,
    dictionary_word,
    glued,
    introduced,
    name_shaped,
    prefix_shaped,
)
from copilot.notes.tasks import normalised, task_probability
from copilot.textnorm import tokenize, word_class, word_frequency

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
    f = cue("question", "retort").sub("", f)  # "谁知道呢，…": who knows, no question
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


def chat_runner(host: str | None, voices: list[str], messages: list[Message] | None = None,
                session: SessionType | None = None, *, opened: bool = False) -> str | None:
    """Who runs a chat — the one place the notes decide it: its host, else its main voice (the first of ``voices``).

    With ``opened`` (the pairing's runner, whose later answer sets a member's first one right) the main voice of a
    host-less chat runs it only if they also said its first line — the one who posted the notice and then answers
    about it ("各位蜂友，这周六上午九点…摇蜜体验课" …) — and never in a talk, where the main voice is the speaker."""
    if host:
        return host
    if not voices:
        return None
    if opened:
        return voices[0] if messages and session != "主讲分享" and messages[0].speaker == voices[0] else None
    return voices[0]


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
    suffixes = [_fold(str(p)) for p in raw("name_parts", "suffixes")]
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
        bare = next((part[:-len(x)] for x in suffixes if part.endswith(x) and len(part) - len(x) >= 2), None)
        if bare and not re.search(r"\d", bare):
            out.add(bare)
    if len(parts) > 1:  # 12栋-Amy妈妈: the part with the person in it
        out |= {p for p in parts if not re.search(r"\d", p) and len(p) >= 2 and p not in body}
    # 大刘2号 / 孟凡2001 / 李阿姨1958: the name before a number; 晨跑的小何: the name after a description
    bare = re.fullmatch(r"(.+?)\d{1,4}号?", full)
    if bare:
        out |= {bare.group(1)} | _given_names(bare.group(1))
    out |= {full.rsplit("的", 1)[1]} if "的" in full[1:-1] else set()
    return {a for a in out if len(a) >= 2}


def own_areas(speaker: str) -> frozenset[str]:
    """The area or branch a member's card says they speak for (``cues.yaml`` name_parts.area_of), folded, whole and
    as its place: 宝安片区-阿军 → 宝安片区, 宝安; 北區分會-老梁 → 北区分会, 北区; none for 徒步队-阿伟 or 3栋-王姐."""
    seps = re.escape(str(raw("name_parts", "separators")))
    parts = [p for p in re.split(f"[{seps}]+", _fold(speaker)) if p]
    if len(parts) < 2:
        return frozenset()
    found = [m for p in parts if (m := cue("name_parts", "area_of").fullmatch(p))]
    return frozenset(x for m in found for x in (m.group(0), m.group(1)))


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
    glued: frozenset[str] = frozenset()  # 小/老/阿 + one character that only ever heads a longer word (owners.glued)
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
        heads = glued([_fold(m.text) for m in messages], {_fold(x).strip() for x in speakers} | set(by_alias))
        if not spaced:
            return cls(speakers, by_alias, pattern, roles=roles, introduced=known, things=things, glued=heads)
        names = "|".join(re.escape(n) for n in spaced)
        at = re.compile(_AT + rf"({names}|[^\s@＠，,：:。]{{1,20}})")
        lead_at = re.compile(rf"^(?:[@＠](?:{names}|[^\s@＠，,：:。]{{1,20}})\s*)+")
        return cls(speakers, by_alias, pattern, at, lead_at, roles, known, things=things, glued=heads)

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
        if name in self.things or name in self.glued:
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


@lru_cache(maxsize=1)
def _static_roles() -> re.Pattern[str]:
    """The roles of every chat: the collective ones (各组组长, 每家店) and the households, clan branches and numbered teams
    that own work as written (``cues.yaml`` owner.household: 二房负责…, 林家那边准备…, 三组搬…)."""
    return re.compile(f'{cue("owner", "collective").pattern}|{cue("owner", "household").pattern}')


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
    static = _static_roles().pattern
    if not shared:
        return _static_roles()
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
    points = [f for m in messages if m.speaker == speaker if (f := _counted_point(m)) is not None]
    telling = sum(_telling(normalised(f, [])) for f in points)
    return len(points) if 2 * telling >= len(points) else 0


def _counted_point(m: Message) -> str | None:
    """The first sentence of ``m`` (folded) that counts a point out (cue ``patterns.enumeration``: 第一，/首先，), or None."""
    enum = cue("patterns", "enumeration")
    return next((f for f in (x.strip() for x in _SENTENCE_END.split(_fold(m.text))) if enum.match(f)), None)


def _after_last_point(messages: list[Message], speaker: str) -> int | None:
    """The id of ``speaker``'s last message holding a point counted out (:func:`_counted_point`), or None."""
    return next((m.id for m in reversed(messages) if m.speaker == speaker and _counted_point(m) is not None), None)


_WORK_MARKS = frozenset([*PLACEHOLDER.values(), TIME])


def _telling(norm: str) -> bool:
    """A counted point that tells rather than hands out work: the task model says so, or it names no one and no time
    (no person, 我/你, group word or time placeholder) — a tip said to nobody ("第二点，点一下最亮的地方测光，再把曝光补偿
    往下拉", which the task model reads as work) is the talk's advice; "第一，各店店长三天内把排班表报给人事" has its time."""
    return task_probability(norm) < 0.5 or not any(ch in _WORK_MARKS for ch in norm)


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
    # (…but what the speaker settles with the members after their last point counted out — the next outing after a
    # talk — is the talk's coda, not a discussion)
    after_talk = _after_last_point(messages, top) if counted else None
    deciding = group_decided([d for d in decisions or [] if after_talk is None or min(d.sources, default=0) <= after_talk],
                             top)
    holds_floor = monologue(messages, top, questions_break=True) >= FLOOR_RUN
    said = text if after_talk is None else _fold("\n".join(m.text for m in messages[:15] if m.id <= after_talk))
    worded = has(said, "discussion") and (deciding or not holds_floor)
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
    index = positions(messages)
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


def own_asks(messages: list[Message], qa: list[QAPair], organisers: set[str]) -> tuple[list[QAPair], frozenset[int]]:
    """The pairs of ``qa`` whose question is a member's own invitation or favour put to the group ("有没有人明晚一起去
    夜市", "今天下班有人去打篮球吗", "周末谁去镇上 帮我带两包化肥": ``aside.own_invite``), answered by another member who
    does not run the chat either, when at least half of the question's content words are in no line of those who
    run it (镇上 may be, 化肥 is not): an aside between members, not the chat's Q&A. A call for help with the chat's own
    matter ("有没有人一起去布置会场" where the organiser spoke of the 会场 and its 布置) shares its words and stays; one a
    member takes on ("我来") is a to-do, never a pair. With the pairs, the ids of their lines that are side talk: the
    question, and each answer line none of whose words the organisers use ("去不了 明天要上班", not a line paired
    with it that reports on the matter: "围挡拉好了")."""
    people = People.of(messages)
    names = frozenset(w for who in people.speakers for w in words(who))
    said = set().union(*(_content(m, names) for m in messages if m.speaker in organisers))
    by_id = {m.id: m for m in messages}
    pairs: list[QAPair] = []
    lines: set[int] = set()
    for p in qa:
        q = by_id.get(p.sources[0]) if p.sources else None
        if q is None or q.speaker in organisers or p.answerer in organisers or p.answerer in (None, q.speaker):
            continue
        asked = _content(q, names)
        if has(_fold(q.text), "aside", "own_invite") and len(asked - said) * 2 >= len(asked) > 0:
            pairs.append(p)
            lines |= {q.id} | {i for i in p.sources[1:] if i in by_id and not _content(by_id[i], names) & said}
    return pairs, frozenset(lines)


def off_matter(messages: list[Message], organisers: set[str], topic: str | None = None) -> Asides:
    """The exchanges two or more members hold aside, off the chat's matter (:mod:`copilot.notes.exchanges`):
    "小唐你中午吃的啥" — "黄焖鸡吧" — "行 那就黄焖鸡了 就这么定了"."""
    people = People.of(messages)
    names = frozenset(w for who in people.speakers for w in words(who))
    lines = [Line(id=m.id, speaker=m.speaker,
                  to=tuple(w for w in _spoken_to(m, people) if w not in ("大家", m.speaker)),
                  words=_content_words(m.text, names), asks=is_question(m.text),
                  reacts=bool(_ACK.match(_CLAUSE.split(_fold(m.text).strip())[0].strip())), text=m.text,
                  deals=has(_fold(m.text), "aside", "private_deal"), echoes=bool(cue("reply", "echo_head").match(_fold(m.text))))
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
    at = positions(messages)
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
    return any(_shared_pairs(bigrams, reply, asks_time))


def _shared_pairs(bigrams: frozenset[str], reply: str, asks_time: bool, *, no_function: bool = False) -> Iterator[str]:
    """The question's 2-character runs (``bigrams``: :func:`_content_bigrams`) that ``reply`` shares and that are common
    ground: no stop pair, pronoun or (unless ``asks_time``) time word, and with ``no_function`` no function word."""
    stop = _shared_stop()
    for g in bigrams & _content_bigrams(reply):
        tag = word_class(g)
        if g not in stop and tag not in _pronoun_tags() and (asks_time or tag != "t") \
                and not (no_function and tag in _function_tags()):
            yield g


def common_ground(question: str, reply: str) -> int:
    """How much of ``question`` ``reply`` takes up: its asked words (:func:`_asked_words`, no time word) found in
    ``reply``, and its 2-character runs ``reply`` shares (:func:`_shared_pairs`: no stop pair, pronoun, function or time
    word) — :func:`relevant`'s common ground, counted, to tell which of two questions a reply is more on."""
    pairs = _shared_pairs(_content_bigrams(question), reply, False, no_function=True)
    return len(_asked_words(question, False) & set(words(reply))) + sum(1 for _ in pairs)


def _gives_time(fq: str, reply: str) -> bool:
    """Whether the folded question ``fq`` asks when (几点, 什么时候) and ``reply`` names a marked time or day."""
    return has(fq, "reply", "asks_time") and any(d.marked for d in time_expressions(reply, None))


@lru_cache(maxsize=65536)
def _spoken(text: str) -> str:
    """``text`` folded and read in its Mandarin form (resources/dialect_yue.yaml: 交畀我 → 交给我, 边个得闲 → 谁有空,
    冇意见 → 没意见), as the cues for calls, offers and yeses are written. Cached: the to-do step reads each message
    this way in a dozen places (calls, offers, yeses, volunteers) — a 2,000-message export asked 15,000 times."""
    return mandarin(_fold(text)).strip()


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

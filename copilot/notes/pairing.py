"""Questions and their answers: which line asks, which later line answers it (reply structure, @mentions, who
speaks next, the form of the answer), and the questions an aside or a to-do takes instead.

Part of the notes structure finder (:mod:`copilot.notes.structure`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache, partial
from typing import Literal

from copilot.notes.answer_picker import score_candidates
from copilot.notes.chatter import chatter_cut, chatter_probability, is_side_chatter
from copilot.notes.classify import THRESHOLDS_FILE
from copilot.notes.corrections import Restated, figure_kinds, restated_figures, restating
from copilot.notes.cues import cue, cue_list, has, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import (
    cn_to_int,
    time_expressions,
    without_times,
)
from copilot.notes.model import Decision, Message, QAPair, SessionType
from copilot.notes.noise import greeting_only, signup_heading
from copilot.notes.owners import (
    name_shaped,
)
from copilot.notes.reading import (
    _ANY_DAY,
    _CLAUSE,
    _CLAUSE_WHOLE,
    _NUMBER,
    _STOPS,
    MENTION,
    People,
    _asked_words,
    _content_bigrams,
    _gives_time,
    asks,
    chat_runner,
    common_ground,
    introduces,
    is_chatter,
    is_question,
    relevant,
    topic_words,
    words,
)
from copilot.paths import load_resource
from copilot.textnorm import split_sentences


def on_topic(text: str, topic: frozenset[str]) -> bool:
    return any(t in topic for t in words(text))


_HEADING_END = re.compile(r"[:：]\s*$")  # a heading whose content follows it


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
    problem: bool = False  # a difficulty told to someone with no question form: asks only them (:func:`_told_problem`)
    closed: bool = False  # the one it was put to took it with an ack ("没问题"): work accepted, nothing to answer
    held: bool = False  # asked while the speaker holds the questions for a round at the end: theirs to answer
    after_side: bool = False  # asked on someone's side remark just before ("我家狗又咬鞋了" — "要不要买个磨牙棒")
    first: _Open | None = None  # the line's first question, when one line asks two (:func:`_asked_parts`)
    passed: int = 0  # lines right after it that answered nothing ("唔清楚，等隊長講啦": :func:`_knows_not`)


def _took_or_passed(m: Message, f: str, targets: list[str], opened: list[_Open], i: int, near: int) -> bool:
    """Handle line ``i`` (folded ``f``) if it answers nothing but changes the open questions, and say whether it did:
    an ack ("路书谁来做 阿飞你…" — 阿飞: "没问题") takes on what was put to its speaker, so no later line of theirs
    answers it (``closed``); a line to no one by @ saying only its speaker does not know (:func:`_knows_not`) lets a
    question it came just after still come just before the next line (``passed``, :func:`_just_asked`)."""
    if cue("reply", "acks").match(f):
        for q in opened:
            if m.speaker in q.to and not q.answer and i - q.index <= near:
                q.closed = True
        return True
    if targets or not _knows_not(m.text):
        return False
    for q in opened:
        q.passed += _just_asked(q, i)
    return True


def _gives_asked(q: _Open, m: Message) -> bool:
    """Whether ``m`` gives what ``q`` asks by its form, whatever words they share: its yes or no, a side of its A不A,
    the time, figure, place or doer asked, or the question's own verb after a lead word ("使唔使帶行山杖？" — "最好帶，
    落山好多石級"); never side chatter ("哈哈今天好冷")."""
    fq, fr = _fold(q.text), _fold(MENTION.sub("", m.text)).strip()
    return not is_side_chatter(m.text) and (
        _opens_yes_no(q.text, m.text) or _says_which(q.text, m.text) or _in_form(q.text, m.text)
        or any(str(v) in fq and _leads_with(fr, str(v)) for v in raw("reply", "item_verbs")))


def _just_asked(q: _Open, i: int) -> bool:
    """Whether ``q`` was asked just before line ``i``, but for bystanders' lines saying they do not know in between
    ("使唔使帶行山杖？" — "唔清楚，等隊長講啦" — the leader's "最好帶…" still comes next)."""
    return q.index + q.passed == i - 1


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
        or _hands_to_person(fr, people, fq)


def _hands_to_person(fr: str, people: People | None, fq: str = "") -> bool:
    """The folded reply ``fr`` hands the work to a person named right after a hand-over word (``reply.who_handed``:
    "交给小林吧", "下午交给晓雯和小罗"): a member of the chat or a name-shaped word (not 我 / 你: "交给我" is a
    volunteer's own line, read as such). When the clause names the work it hands before the handing word and the folded
    question ``fq`` names its work before the who-word, the two share words: to "海报谁做", "签到表交给阿梅吧" hands on
    other work (:func:`_other_work`)."""
    named = {alias for _, alias, _ in (people.named_in(fr) if people else [])} | {n for _s, _e, n in name_shaped(fr)}
    return any(fr[at.end():].startswith(x) and not _other_work(fr, at.start(), fq) for word in raw("reply", "who_handed")
               for at in re.finditer(re.escape(str(word)), fr) for x in named)


def _other_work(fr: str, at: int, fq: str) -> bool:
    """Whether the clause of ``fr`` up to ``at`` (a handing word) names work (its content words, :func:`_asked_words`:
    "签到表", not "那就" / "这事") none of whose 2-character runs the work the folded question ``fq`` names before its
    who-word has ("海报谁做": 海报), in a line that opens with the speaker's own clause (我…) before it: a member giving
    their own work up for a reason ("我下周二去广州出差，签到表交给阿梅吧") answers no one's question about other work.
    A question naming its work only after the who-word ("谁负责音响") is not read so."""
    who = cue("reply", "asks_who").search(fq)
    named = _asked_words(fq[:who.start()], False) if who else frozenset()
    start = max((m.end() for m in _CLAUSE.finditer(fr, 0, at)), default=0)
    if not start or not cue("owner", "me").match(fr):
        return False  # (only a line opening with the speaker's own reason: "我下周二去广州出差，签到表交给阿梅吧")
    work = _asked_words(fr[start:at], False)
    asked = _content_bigrams(fq[:who.start()]) if who else frozenset()
    return bool(named and work) and not any(w[i:i + 2] in asked for w in work for i in range(len(w) - 1))


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
    """Whether ``m`` (someone else's) picks one side of the "A还是B" put in ``q``, or, for a difficulty told to
    someone (``q.problem``), whether they are the one who speaks."""
    if q.problem:
        return m.speaker in q.to
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
    if session == "主讲分享" and (m.speaker in speakers or m.speaker == host) \
            and not (m.speaker == host and m.speaker not in speakers and has(f, "question", "relays_ask")):
        return False  # the speaker's rhetorical questions and the host's prompts are part of the talk (not the host
        # relaying members' questions in the question round: "有朋友私信问：…怎么办" is asked for them)
    if has(f, "question", "group_prompts") and not has(f, "question", "check_own") or has(f, "discussion"):
        return False
    if session == "主讲分享" and has(f, "question", "unsure_how"):
        return True  # a member telling the speaker what they cannot handle ("…我不知道该怎么跟她说") asks them how
    # a sign-up list (接龙) asks nothing, though its heading may read as a question ("#接龙 下个月读哪本 1. 小周 …")
    if signup_heading(m.text) is not None:
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


def _hands_work_first(m: Message) -> bool:
    """``m``, a line a to-do comes from, hands work to the one it is put to in its first clause ("@晓雯 你明天前把报名的
    人数统计一下发我", "@陈叔 您周日前把高层老人的名单报给我"; cue ``reply.hands_work``): it gives them work, it answers
    no question of theirs ("停车方便吗", "检修完会发合格证吗" stay open). A line answering first and handing work after
    ("@小林 可以带，你周五前把名字报给我") is not one."""
    first = _CLAUSE.split(_fold(MENTION.sub("", m.text)).strip())[0]
    return has(first, "reply", "hands_work")


def _pick_addressed(recent: list[_Open], targets: list[str], m: Message) -> _Open | None:
    """The open question an @-reply (or a quote) ``m`` answers among its targets' ones (:func:`_pick_open`); a
    difficulty told to the replier that nobody has answered yet is what it takes up first ("王姐 球拍我在网上买不到了"
    — "@小蔡 前台能租", not the same asker's parking question answered before)."""
    mine = [q for q in recent if q.msg.speaker in targets and not q.direct]
    return _pick_open([q for q in mine if q.problem and not q.answer] or mine, m)


def _continues(prev: _Open | None, m: Message, before: Message | None, people: People,
               tasks: frozenset[int] = frozenset(), speaker: bool = False) -> bool:
    """The answerer's very next message goes on with the answer (unless it turns to someone else, to a
    new matter, a notice, or hands out work or settles something: those are to-dos and decisions; nor when it
    quotes someone else: a quote-reply answers the quoted one; nor when the chatter model is sure it is side chatter:
    "交给财务" — "我家猫今天又把花盆打翻了" tells the group nothing of what was asked, while "在三楼。" — "电梯坏了走
    楼梯" goes on with it). A talk's speaker (``speaker``) goes on on new words too: their next line is more of the
    answer, not a matter of their own (:func:`_starts_apart` is not read)."""
    return (prev is not None and m.id not in tasks and bool(prev.answer) and prev.answer[-1] is before and before.speaker == m.speaker
            and not people.mentions(m.text) and not is_question(m.text) and "大家" not in m.text
            and not is_side_chatter(m.text) and not _turns_to_other(prev, m, people)
            and (not m.reply_to or (people.resolve(m.reply_to) or m.reply_to) == prev.msg.speaker)
            and not (_list_heading(m.text) and not relevant(prev.text, _list_heading(m.text), by_kind=False))
            and not has(_fold(m.text), "reply", "topic_shift") and not notice_word(m.text)
            and (speaker or not _starts_apart(prev, m)))


def _turns_to_other(q: _Open, m: Message, people: People) -> bool:
    """``m``, the answerer's next line, opens by calling another member by name (a vocative: the name, then a comma
    or 你; cue ``reply.vocative_rest``), neither the asker of ``q`` nor its own speaker: "下午4点" — "阿强你那个音箱修好
    了没" turns to 阿强 as an @ would, while "阿珍负责买肉" names her as its subject."""
    f = _fold(m.text).strip()
    return any(pos == 0 and who not in (m.speaker, q.msg.speaker) and cue("reply", "vocative_rest").match(f[len(alias):])
               for pos, alias, who in people.named_in(f))


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
_PUNCTUATED = re.compile(r"[，,。！!；;？?、：:]")
_NON_WORD = re.compile(r"\W")
_TRAILING_MARKS = re.compile(r"[\W_]+$")
_COLON = re.compile(r"[：:]")
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


def _opens(messages: list[Message], i: int, targets: list[str], opened: list[_Open], people: People, *, held: bool,
           window: int, session: SessionType, speakers: list[str], host: str | None) -> bool:
    """Whether line ``i`` opens a question (added to ``opened``): one it asks (:func:`_asks_anew`), or a difficulty
    it tells someone (:func:`_told_problem`), answered only by them."""
    m = messages[i]
    if _asks_anew(m, _fold(m.text), i, targets, opened, window, session, speakers, host):
        if i and _challenges(m, i, messages[i - 1], opened):
            return True
        _open_question(m, i, targets, opened, people, held=held)
        _mark_after_side(opened, messages, i)
        return True
    if _told_problem(m, targets, people, opened, i, window):
        opened.append(_Open(m, i, _clean(m.text), _put_to(m, targets, people), problem=True))
        return True
    return False


def _challenges(m: Message, i: int, before: Message, opened: list[_Open]) -> bool:
    """Whether ``m``, a question its speaker asks right after the answer to their own question, holds up what they had
    heard instead, on the question's words or in the kind of thing it asks (cue ``question.challenge``: "几点集合？" — "九点" — "不是说八点半吗？群公告
    写的八点半"): it goes on with that question, whose answer so far is now only loose, so the line that settles it
    replaces it ("哦对，是八点半，我记错了"). Also when that answer was not taken (a bare "九点" read as chatter)."""
    mine = [q for q in opened if q.msg.speaker == m.speaker and before.speaker != m.speaker
            and (q.answer[-1].id == before.id if q.answer else q.index == i - 2)]
    if not mine or not cue("question", "challenge").match(_fold(MENTION.sub("", m.text)).strip()) \
            or not relevant(mine[-1].text, m.text):
        return False
    q = mine[-1]
    q.text += " " + _clean(m.text)
    q.more.append(m.id)
    q.loose, q.direct = True, False
    return True


def _asks_anew(m: Message, f: str, i: int, targets: list[str], opened: list[_Open], window: int,
               session: SessionType, speakers: list[str], host: str | None) -> bool:
    """Whether ``m`` (folded ``f``) opens a question of its own. An @-reply to someone with an open question answers
    it, unless it asks about something else ("@豆豆爸 你家豆豆寒假去滑雪了吗" after his question about the workbook
    opens a new one) (nor when it asks by an interrogative of its own and gives nothing asked: "@小马 牛肉还剩几箱"
    after his "淡水还剩多少" is a new question)."""
    awaited = [q for q in opened if q.msg.speaker in targets and not q.direct and i - q.index <= window]
    return _is_question_msg(m, session, speakers, host) and not (
        awaited and "?" not in f and any(relevant(q.text, m.text) for q in awaited)
        and not (_asks_count(f) and not cue("reply", "amount_given").search(f)))


def _put_to(m: Message, targets: list[str], people: People) -> set[str]:
    """The people ``m`` is put to: those it @s or quotes, and a member it calls by name first ("王姐 …")."""
    return (set(targets) | {s for _, _, s in people.named_in(people.lead_at.sub("", m.text)[:8])}) - {m.speaker}


def _told_problem(m: Message, targets: list[str], people: People, opened: list[_Open], i: int, window: int) -> bool:
    """A difficulty told to a member by @ or by name, with no question form ("王姐 报名小程序我登不上去",
    "@李会计 上个月的电子发票我找不到了"; cue ``question.stated_problem``): it asks them for help, and only their
    reply answers it (:func:`_picks`). Not a line to someone whose own question is open: that answers them."""
    to = _put_to(m, targets, people)
    if not to or not cue("question", "stated_problem").search(_fold(_clean(m.text))):
        return False
    return not any(q.msg.speaker in to and i - q.index <= window for q in opened)


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
    listed = _asked_items(text, least)
    if listed:
        return listed
    if len(parts) < 2 or not all("?" in _fold(x) and len(re.sub(r"\W", "", x)) >= least and is_question(x)
                                 for x in parts):
        return [text]
    return parts


_ITEM_MARK = re.compile(r"(?:^|(?<=\s)|(?<=[：:，,。；;]))(?:\d{1,2}|[一二三四五六七八九十])\s*[.．、)）]\s*")


def _asked_items(text: str, least: int) -> list[str]:
    """The questions of a numbered list asked in one line, each item its own ("汇总了一下群里的问题：1. 车停在露天，电池会
    不会冻坏 2. 雪地胎有没有必要换 3. 保养多久做一次"): [] unless it has two items at least and each asks by itself
    (``least`` word characters at least). The heading before the first item is no question of its own."""
    marks = list(_ITEM_MARK.finditer(text))
    if len(marks) < 2:
        return []
    parts = [text[a.end():b.start() if b else len(text)].strip(" ，,；;。")
             for a, b in zip(marks, [*marks[1:], None], strict=True)]
    if not all(len(_NON_WORD.sub("", x)) >= least and is_question(x) for x in parts):
        return []
    return parts


def _half_answer(q: _Open, opened: list[_Open]) -> Message | None:
    """When ``q``, unanswered, is one of two questions asked in one line (:func:`_asked_parts`) and someone else has
    answered the other, that answer's first line: "大伯，那天要不要穿黑衣服？小孩子也要去吗？" — 三姑: "穿素色就行…；
    小孩子都带上" (a relative's one line often answers both halves). A later line that settles something or hands
    work out (a decision, a recap, a to-do line: "分一下工：二房负责订酒席…", "定了：祭拜3月14日…") takes neither half,
    also when the question was put to its speaker by name (:func:`find_qa`, :func:`_takes_half`); left unanswered,
    the half goes back into its sibling (:func:`_rejoin_parts`)."""
    if q.answer:
        return None
    head = q.first or q
    return next((o.answer[0] for o in opened if o is not q and (o.first or o) is head and o.answer
                 and o.answer[0].speaker != q.msg.speaker), None)


def _takes_half(q: _Open, m: Message, opened: list[_Open], in_form: Callable[[str, str], bool],
                settling: bool = False) -> bool:
    """Whether an unaddressed ``m`` may answer ``q``: always, unless the other half of ``q``'s line is answered
    (:func:`_half_answer`). Then ``m`` takes ``q`` on its words ("费用多少？小孩要带什么？" — "大人120元" — "小孩带水壶和
    帽子") or in its form, not by a figure of any kind ("份子钱怎么算？每家出多少？" — "按老规矩，每房出2000…" — "我在
    深圳，14号一早开车回…" answers nothing); only on its words when that answer already spoke to ``q`` too. A line that
    settles something or hands work out (``settling``: "分一下工：二房负责订酒席…") takes such a half not at all."""
    first = _half_answer(q, opened)
    if first is None:
        return True
    if settling:
        return False
    if relevant(q.text, first.text, by_kind=False) or in_form(q.text, first.text):
        return relevant(q.text, m.text, by_kind=False)
    return relevant(q.text, m.text) or in_form(q.text, m.text)


def _left_to_answer(recent: list[_Open], m: Message, opened: list[_Open], in_form: Callable[[str, str], bool],
                    settles: frozenset[int], addressed: bool = False) -> list[_Open]:
    """The questions of ``recent`` an unaddressed ``m`` (an @-line or a quote: all of them) may still answer: not a half
    it may not take (:func:`_takes_half`); a line that settles something or hands work out (a decision, a recap, a
    to-do line: ``settles``) takes no half whose other half someone answered."""
    if addressed:
        return recent
    settling = m.id in settles or _recap(m.text)
    return [q for q in recent if _takes_half(q, m, opened, in_form, settling)]


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
    if held and (m.speaker in held or m.speaker == host) and has(_fold(m.text), "reply", "opens_round"):
        _end_hold(held, [m.speaker] if m.speaker in held else list(held), opened)
        return "held"  # ("好，大家可以提问了": the round opens; the call itself answers nothing)
    return "held" if m.speaker in held else ""


def _end_hold(held: set[str], who: list[str], opened: list[_Open]) -> None:
    """The question round begun for the speakers ``who``: their later lines may answer the questions held for it."""
    held.difference_update(who)
    for q in opened:
        q.held = q.held and bool(held)


def _answers_another(prev: _Open | None, m: Message, opened: list[_Open], i: int, window: int,
                     in_form: Callable[[str, str], bool] | None = None, near: int = 0) -> bool:
    """The answerer's next line takes up another open question by its words ("菠菜还是生菜？" "自来水能直接
    浇吗" — "生菜更耐寒" — "自来水要放一天再浇"): it answers that one, not the first one's answer going on. Or, with
    ``in_form``, it gives what another question asked within ``near`` messages asks for, in its form (a yes or no, a
    time, a count) and not in the form of the first one: "要自己带午饭吗" "一共走多少公里" — "大概12公里" — "不用，山顶有
    餐厅" answers the lunch question."""
    if prev is None:
        return False
    if near and _fits_newer_better(prev, m, opened, i, near):
        return True
    if relevant(prev.text, m.text, by_kind=False):
        return False
    fits = (lambda x: in_form(x, m.text) or _opens_yes_no(x, m.text)) if in_form is not None else None
    # (on another question's words within ``near``, also one a member answered already: "摊位在哪一层" — 阿强: "去年是在
    # 三楼" — "钱交给谁" — host: "交给财务" — host: "今年摊位改在一楼大厅了" is no more of the money answer)
    return any(q is not prev and q.msg.speaker != m.speaker and i - q.index <= window
               and ((not q.answer or q.loose)
                    and (relevant(q.text, m.text, by_kind=False)
                         or fits is not None and i - q.index <= near and fits(q.text) and not fits(prev.text))
                    or near and i - q.index <= near and q.answer and all(x.speaker != m.speaker for x in q.answer)
                    and relevant(q.text, m.text, by_kind=False))
               for q in opened)


def _fits_newer_better(prev: _Open, m: Message, opened: list[_Open], i: int, near: int) -> bool:
    """``m`` shares more of the words of a question asked after ``prev`` (by someone else, within ``near`` lines, still
    unanswered) than of ``prev``'s: "检修期间快递能送上楼吗" — 陈叔: "检修完会发合格证吗" — the answerer: "@小丁 快递放
    门卫室" — "合格证检修完贴在电梯里" answers 陈叔 (检修 and 合格证), not more of the parcel answer (检修 alone)."""
    mine = common_ground(prev.text, m.text)
    return any(q is not prev and q.index > prev.index and q.msg.speaker != m.speaker and 0 < i - q.index <= near
               and not q.answer and common_ground(q.text, m.text) > mine for q in opened)


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
                                  or _just_asked(q, i) and not q.after_side
                                  and (_opens_yes_no(q.text, m.text) or _says_which(q.text, m.text) and not _asks_of_them(q.text)))
        # (a question put to someone by name is not answered by a bystander's line only for coming next: "@阿芬 你哋
        # 西貢嗰邊幾點出發？" — 阿Ben: "今日好凍呀" … 阿芬: "我哋七點半喺西貢碼頭等")
        # (after a bystander's "唔清楚": only a line giving what it asks, "最好帶，落山好多石級", not "哈哈今天好冷")
        if q is not None and (sure or _just_asked(q, i) and not _proposes(q.msg.text)
                              and not (q.to and m.speaker not in q.to) and (not q.passed or _gives_asked(q, m))):
            q.loose = not sure
            return q, False
    # (also an answer beside the point, taken as sure by a word it shares in passing or a bare "是的" to the side
    # chat: a line on the question's own words or in its form replaces it)
    guessed = [q for q in recent if i - q.index <= near and not q.direct and q.msg.speaker != m.speaker
               and (q.loose and not _host_at_word(q, m, host, [o for o in recent if i - o.index <= near]) and (relevant(q.text, m.text, days=False) or in_form(q.text, m.text))
                    or (_beside_the_point(q, host) or _told_own_story(q, m, host))
                    and (relevant(q.text, m.text, by_kind=False, days=False) or in_form(q.text, m.text))
                    or _side_taken(q, m, host))]
    if guessed:  # (the one it takes up most, the latest of those: "带生豆吗" … "磨粉吗" — "生豆工坊统一提供")
        q = max(guessed, key=lambda o: (common_ground(o.text, m.text), o.index))
        q.answer, q.loose = [], False
        return q, False
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


def _side_taken(q: _Open, m: Message, host: str | None) -> bool:
    """``q`` (a member's question) is answered so far only by coming next, by a member's line the chatter model is sure
    is side chatter ("要不要带午饭？" — "我家白菜今年长得可好了哈哈") that says nothing in the question's form, the question
    being put to no one, no small talk itself (``chatter_cut("plain_question")``) and no turn to a matter of its own
    (cue ``reply.topic_shift``), and ``m`` is a statement of the one running the chat
    within ``reply.reach_minutes``: theirs is the answer ("中午统一订盒饭，每人15块"), whatever words it shares with the
    question."""
    if host is None or m.speaker != host or q.msg.speaker == host or len(q.answer) != 1 or not _guessed(q):
        return False  # (a side line that still answers in the question's form stands: "日出 靚唔靚" — "好靚呀")
    # (not a question put to someone, nor one that is small talk itself: "中午有人一起点奶茶吗", "你最近在追那个剧吗")
    # (nor one turning to a matter of its own: "对了大家最近用什么胶带，我想囤点和纸胶带")
    if q.to or chatter_probability(q.text) >= chatter_cut("plain_question") \
            or has(_fold(q.text).strip(), "reply", "topic_shift"):
        return False
    a = q.answer[0]
    return a.speaker not in (host, q.msg.speaker) and not is_question(m.text) and is_side_chatter(a.text) \
        and not _told_all(m) and _minutes(q.msg, m) <= float(raw("reply", "reach_minutes"))


def _host_at_word(q: _Open, m: Message, host: str | None, close: list[_Open]) -> bool:
    """``q`` (a member's question) is answered so far by the one running the chat in the very next line: taken at
    their word, as :func:`_beside_the_point` does, so a later member's line ``m`` on the question's words does not
    replace it ("垃圾最後載去哪裡？" — the host: "清潔隊的車十一點來載，我會在現場交接" — a member: "垃圾好多喔上次撿了十幾袋").
    Not when ``m`` is the host's own (their later line may set their first right), nor when an earlier question among
    ``close`` still waits unanswered (the host's line may be that one's answer: "两岁的要买票吗" "晕车的怎么办" — the host:
    "三岁以下免费")."""
    if host is None or m.speaker == host or q.msg.speaker == host or len(q.answer) != 1 or q.answer[0].speaker != host \
            or q.answer[0].id - q.msg.id != 1:
        return False
    return not any(o is not q and o.index < q.index and not o.answer and not o.closed and o.msg.speaker != host
                   for o in close)


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


def _knows_not(text: str) -> bool:
    """A line opening by saying its speaker does not know (cue ``reply.knows_not``: "不清楚，等群主说吧", "我唔知喎，上次係
    九點", "我也不太清楚"): a bystander's line like that answers no open question, whatever follows the opening."""
    return has(_fold(MENTION.sub("", text)).strip(), "reply", "knows_not")


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
                    and (has(_fold(MENTION.sub("", m.text)).strip(), "reply", "guess") or _knows_not(m.text)) \
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
    runner = chat_runner(host, speakers, messages, session, opened=True)  # (whose later answer replaces a member's first: :func:`_host_sets_right`)
    # (a decision line neither goes on with an answer given nor answers a second time: :func:`_continues`,
    # :func:`_answers_again`; a recap "总结一下：…望江楼…" after "纪念品是学校定制的吗" — "对 …校徽杯子" is no answer)
    settles = tasks | {d.sources[-1] for d in decisions or []}
    # (one line answering two askers by @, each in its own sentence, is read as two answers: :func:`_addressed_parts`)
    for i, m in _replies(messages, people, opened, near):
        f = _fold(m.text)
        targets = people.mentions(m.text) + ([people.resolve(m.reply_to) or m.reply_to] if m.reply_to else []) \
            + _named_reply(m.text, people)
        targets = targets or _called_asker(m, people, opened, i, window, in_form)
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
        # (a talk's speaker answering in the Q&A goes on in their next line, on new words too: "北阳台光照少，叶菜还能种"
        # — "推荐生菜和豌豆苗，十天就能吃")
        joined = last_answered if _continues(last_answered, m, messages[i - 1] if i else None, people, settles,
                                             speaker=session == "主讲分享" and m.speaker in speakers) \
            and not _answers_another(last_answered, m, opened, i, window, in_form, near) \
            else _answers_again(opened, m, bool(targets), in_form, settles, host)
        if joined is not None:
            _return_answer(joined, m, opened, i, near, last_answered)
            joined.answer.append(m)
            continue
        if _opens(messages, i, targets, opened, people, held=bool(held), window=window, session=session,
                  speakers=speakers, host=host):
            continue
        if _took_or_passed(m, f, targets, opened, i, near):
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
        fixed = _corrects_answer(recent, m, i, near, in_form, targets) \
            or _host_sets_right(recent, m, i, near, in_form, targets, runner, settles - tasks, tasks)  # (replaced by ``m``)
        last_answered = fixed or last_answered
        heard = recent if targets else _heard(recent, m, i, near, host)
        if heard is None or fixed is not None:
            continue
        recent = heard
        recent = _left_to_answer(recent, m, opened, in_form, settles, bool(targets))  # (a relative's answer stands)
        chosen: _Open | None = None
        if targets:
            chosen = None if m.id in tasks and _hands_work_first(m) else _pick_addressed(recent, targets, m)
            direct = chosen is not None
        else:
            chosen, direct = _unaddressed(recent, m, i, session, speakers, near, in_form, host)
        if chosen is None:
            alt = _alternative(m, session, speakers, host)
            if alt:  # a choice put without a question form: open only if a reply picks a side
                opened.append(_Open(m, i, _clean(m.text), set(targets), alt=alt))
            continue
        if _answer_stands(chosen, m, direct, partial(_return_replaced, q=chosen, opened=opened, i=i, window=window),
                          speaker=session == "主讲分享" and m.speaker in speakers):
            continue
        chosen.answer.append(m)
        chosen.direct = chosen.direct or direct
        chosen.loose = chosen.loose and not direct
        last_answered = chosen
    topic = topic_words(messages) if topic is None else topic

    def listed(q: _Open) -> bool:  # (a pair returned: kept, not disputed, no decision settling it instead)
        return _kept(q, speakers, host, topic, tasks) and not _disputed(q, messages, session) \
            and not _settles_instead(q, decisions or [])

    _learned_answers(opened, messages, people, host, speakers, tasks, listed)
    # a side remark answered by another side remark is chatter, not Q&A
    restated = restated_figures(messages) if restated is None else restated
    return [_pair(q, messages, session, decisions or [], people, restated) for q in _rejoin_parts(opened)
            if q.answer and listed(q)]


def _learned_answers(opened: list[_Open], messages: list[Message], people: People, host: str | None,
                     speakers: list[str], tasks: frozenset[int], listed: Callable[[_Open], bool]) -> None:
    """The learned answer picker's vote (:mod:`copilot.notes.answer_picker`) on the replies the rules took by coming
    next (neither an @-reply nor one by the person the question was put to): the model reads the rules' pick as one
    of its features, and when another candidate reply, one no other question holds, scores more than
    ``answer_picker.margin`` above the rules' pick, that one answers instead ("请问志愿者服装在哪里领" — the host's
    "周六下午2点到5点在体育中心东门领" right after, not the host's later line handing the water run to a member).
    Never a line a to-do comes from (``tasks``: the to-do keeps it), nor side chatter, nor a member's line for the
    reply of the one running the chat or a talk's speaker (a pair whose answer leaves the organisers may go as chatter
    later: :func:`copilot.notes.structure.analyze`); and only when the pair the rules made is ``listed`` (kept, not
    disputed, not settled by a decision instead) and still is with the new reply: the vote moves an answer, it
    neither loses nor adds a pair."""
    margin = float(load_resource(THRESHOLDS_FILE)["answer_picker"]["margin"])
    runs = {host, *speakers}
    for q in opened:
        if not q.answer or q.direct or q.closed or q.held or q.alt is not None or q.problem or q.more \
                or messages[q.index].id != q.msg.id:
            continue
        taken = frozenset(m.id for o in opened if o is not q for m in o.answer)
        scored = dict(score_candidates(messages, q.index, people, host, speakers, taken, q.answer[0].id))
        given = next((ci for ci in scored if messages[ci].id == q.answer[0].id), None)
        if given is None:
            continue
        p, best = max(((p, ci) for ci, p in scored.items() if messages[ci].id not in taken | tasks), default=(0.0, given))
        if best == given or p <= scored[given] + margin or not listed(q) \
                or q.answer[0].speaker in runs and messages[best].speaker not in runs \
                or is_side_chatter(messages[best].text):
            continue
        before = q.answer, q.loose
        q.answer, q.loose = [messages[best]], True
        if not listed(q):
            q.answer, q.loose = before


def _replies(messages: list[Message], people: People, opened: list[_Open] | None = None,
             near: int = 0) -> Iterator[tuple[int, Message]]:
    """(index, line) of every message, a line answering several askers as its parts (:func:`_addressed_parts`, and
    with no @ :func:`_answered_parts` against the questions ``opened`` so far: read lazily, as the pass goes)."""
    for i, whole in enumerate(messages):
        parts = _addressed_parts(whole, people)
        if len(parts) == 1 and opened:
            parts = _led_parts(whole, people, opened, i, near) or _answered_parts(whole, opened, i, near)
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
    if len(sentences) < 2 and not _PUNCTUATED.search(t):
        # (voice-to-text has no stops, a space between what was said: "柑橘当然能卖发货用瓦楞纸箱… 一场的话好的时候两三百单")
        sentences = [x + " " for x in t.split() if _NON_WORD.sub("", x)]
    if len(sentences) < 2:
        return [m]
    waiting = [q for q in opened if (not q.answer or q.loose) and not q.closed and 0 < i - q.index <= near
               and q.msg.speaker != m.speaker]
    if len({q.msg.speaker for q in waiting}) < 2:
        return [m]
    hits = [[q for q in waiting if relevant(q.text, x, by_kind=False)] for x in sentences]
    # (a sentence on two of them goes to the one no other sentence alone takes up: "柑橘当然能卖发货用瓦楞纸箱" is on
    # "…也能这样卖吧 就是不知道咋发货" and on "一场下来能卖多少", which "一场的话…两三百单" alone takes up)
    sole = {id(h[0]) for h in hits if len(h) == 1}
    hits = [h if len(h) == 1 else [q for q in h if id(q) not in sole] for h in hits]
    if any(len(h) != 1 for h in hits):
        return [m]
    taken = [h[0] for h in hits]
    if len({q.msg.speaker for q in taken}) < 2:
        return [m]
    parts: list[tuple[_Open, str]] = []
    for q, x in zip(taken, sentences, strict=True):
        if parts and parts[-1][0] is q:
            parts[-1] = (q, parts[-1][1] + x)
        else:
            parts.append((q, x))
    return [replace(m, text=x.strip(), reply_to=q.msg.speaker) for q, x in parts]  # each to its asker, as a quote would


def _led_parts(m: Message, people: People, opened: list[_Open], i: int, near: int) -> list[Message]:
    """``m`` as its unaddressed lead and the rest when one @ opens a later clause and the lead answers before it
    turns to hand out work ("桌子够不够？" — "还差一张，@阿强 你周五前从三楼搬一张下来"; "饮料够不够？" — "不太够，@以利亚 你周二前
    再买两箱"): the lead is read as a reply to no one (so it may answer the question just asked), the rest as the @-line
    it is. Only when a question from someone other than the one named waits unanswered, and the lead is words, not a
    question; ``[]`` for any other line."""
    t = m.text.strip()
    if t.count("@") + t.count("＠") != 1:
        return []
    at = next(people.at.finditer(t), None)
    if at is None or at.start() == 0 or not _STOPS.fullmatch(t[at.start() - 1]):
        return []
    lead = _TRAILING_MARKS.sub("", t[:at.start()]).strip()
    named = people.mentions(t[at.start():])[:1]
    if not named or not _NON_WORD.sub("", lead) or is_question(lead):
        return []
    if has(_fold(lead), "reply", "answers_round"):
        return [replace(m, text=t[at.start():].strip())]  # ("好 我一个一个说。@阿琳 …": the round's opening answers no one)
    if not any(not q.answer and not q.closed and 0 < i - q.index <= near and q.msg.speaker not in (m.speaker, named[0])
               for q in opened):
        return []
    return [replace(m, text=lead), replace(m, text=t[at.start():].strip())]


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
    before = opened[-2] if len(opened) > 1 else None
    if before is not None and before.index == i - 2 and before.msg.speaker == q.msg.speaker and not before.answer \
            and relevant(before.text, m.text, by_kind=False) and not relevant(q.text, m.text, by_kind=False):
        return None  # ("门票多少钱？" "能刷卡吗？" — "门票二十": two lines of one asker, the few words answer the first by its words)
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


def _called_asker(m: Message, people: People, opened: list[_Open], i: int, window: int,
                  in_form: Callable[[str, str], bool]) -> list[str]:
    """The asker a line with no @ calls by name at its opening and answers ("阿彥 第一次來的先上半小時入門" after 阿彥's
    "第一次參加的需要先受訓嗎"; "王阿姨，买菜可以找楼里的志愿者代购"): the name, then a pause (a space, a comma or a
    colon; cue ``reply.called_rest``), and the rest on the words of a question of theirs within ``window`` lines, or in
    its form, that no @-reply nor the one it was put to has answered yet. The line is put
    to them as an @ would put it. Never a question, nor a line handing them work (cue ``reply.hands_work``: "阿杰 你
    周五前把报名表收齐" gives work, it answers nothing); ``[]`` for any other line."""
    f = _fold(m.text).strip()
    called = next(((alias, who) for pos, alias, who in people.named_in(f) if pos == 0), None)
    if called is None or called[1] == m.speaker or not cue("reply", "called_rest").match(f[len(called[0]):]):
        return []
    rest = f[len(called[0]):].strip(" \t,，:：")
    if not rest or is_question(rest) or has(rest, "reply", "hands_work"):
        return []
    waiting = [q for q in opened if q.msg.speaker == called[1] and 0 < i - q.index <= window and not q.direct
               and not q.closed and (relevant(q.text, rest, by_kind=False) or in_form(q.text, rest))]
    return [called[1]] if waiting else []


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


def _answer_stands(q: _Open, m: Message, direct: bool, replaced: Callable[[list[Message]], None] | None = None,
                   speaker: bool = False) -> bool:
    """Whether ``q`` keeps the answer it has against ``m``: an @-reply to the asker supersedes a bystander's
    guess (it is cleared here), unless that guess answered in the question's form and ``m`` only gives the asker
    work, or answered it on its own words and ``m`` is on another matter (:func:`_answered_on_it`), or opened with
    the yes or no it asked for (:func:`_opens_yes_no`); an answer by the
    one asked stands against anything later. A talk's speaker (``speaker``) answering the asker by @ in the question
    round supersedes a member's answer whatever its words ("学姐 雅思和托福哪个好考" — a member: "我考过两个，…" — the
    speaker: "@周周 港校两个都认，看你哪个顺手"): the question was theirs to answer; not by handing the asker work."""
    if direct and q.answer and not q.direct:
        over = speaker and q.answer[0].speaker != m.speaker \
            and not has(_fold(MENTION.sub("", m.text)), "reply", "hands_work")
        if not over and (_answered_in_form(q, m) or _answered_on_it(q, m) or _answered_next(q, m)
                         or not q.after_side and _opens_yes_no(q.text, q.answer[0].text)):
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


def _answered_next(q: _Open, m: Message) -> bool:
    """A question answered by the very next line, someone else's statement ("釉料用哪种？" — "哑光白和天青两种，别的颜色
    这次不上"; "球用什么牌子的？" — "往年都是用的红双喜"), keeps that answer against a later @-line to the asker that hands
    them work on another matter ("@小蕾 作品标签你去打印一下"; cue ``reply.hands_work``): the line handing work neither
    shares the question's words nor gives what it asks in its form, so it tells the asker something else rather than
    answering — whatever words the first answer shares with the question."""
    a = q.answer[0]
    if a.id - q.msg.id != 1 or a.speaker == q.msg.speaker or is_question(a.text) or is_side_chatter(a.text):
        return False
    said = _fold(MENTION.sub("", a.text)).strip()
    if cue("reply", "acks").match(_CLAUSE.split(said)[0].strip()):
        return False  # ("那试衣服要去哪里换" — "哈哈 谁会在现场试穿啦": a laugh first, no answer to keep)
    # (a work line giving a time as well — "@小雨 你去把节目单再校一遍，周四前发我" after "几点到后台化妆" — "六点前到" —
    # answers only when the first answer did not give what was asked in the question's form)
    return has(_fold(MENTION.sub("", m.text)), "reply", "hands_work") and not relevant(q.text, m.text, by_kind=False) \
        and (_in_form(q.text, a.text) or not relevant(q.text, m.text) and not _in_form(q.text, m.text))


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
    # (the one running it: the host, else the main voice — a host the notes could not name still runs the chat)
    runs = chat_runner(host, speakers)
    if runs not in {q.msg.speaker, q.answer[0].speaker} and has(_fold(q.msg.text), "personal", "asks_their_own") \
            and not on_topic(q.text, topic):
        return False  # "果果妈妈，你家果果的钢琴是在哪学的" — "在少年宫": two members' small talk, not the group's
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
    if q.passed and (not q.loose or q.answer[0].speaker == runs) and not is_side_chatter(q.answer[0].text):
        return True  # a bystander said they did not know ("我也不太清楚", "唔清楚，等隊長講啦"): a question the group waited
        # on, answered by a line after on its words ("演出服统一放在文化中心，不用自己带") or by the one running the chat
        # ("最好帶，落山好多石級")
    if _takes_on_asked(q, tasks, runs):
        return True  # ("报名表哪里交？" — "交给我就行，我明天上午在前台收": the answerer's own work, a to-do and Q&A)
    if q.loose:  # (a chat too short for its words to come back is all on its subject; the one running the
        # chat answering right after is on it too: "奖品有啥" — "冠军500，亚军300")
        return not topic or on_subject() or _host_answers(q, host, tasks) or _plain_answer(q, tasks)
    return q.answer[0].speaker in speakers or q.answer[0].speaker == host or on_subject()


def _takes_on_asked(q: _Open, tasks: frozenset[int], runs: str | None) -> bool:
    """``q`` is answered by the very next line, someone else's, which is a to-do line (``tasks``) of the answerer's own
    work (cue ``action.first_person``: 我来/我去/我会…) on the question's words: what was asked, taken on or told when
    it will be done ("报名表哪里交？" — "交给我就行，我明天上午在前台收报名表"; "翻地的锄头够用吗" — "锄头我明天去五金店再买
    两把"). The notes keep both, the to-do and the Q&A telling what was asked. Not a member's "谁…" call (a call for help
    taken on is read by the structure's taken pairs), a question asked on a side remark, a choice put without a
    question form, nor an answer that asks back."""
    if q.after_side or q.alt is not None or len(q.answer) != 1:
        return False
    a = q.answer[0]
    if a.id not in tasks or a.id - q.msg.id != 1 or a.speaker == q.msg.speaker or is_question(a.text):
        return False
    if q.msg.speaker != runs and cue("reply", "asks_who").search(_fold(q.text)):
        return False
    return bool(cue("action", "first_person").search(_fold(a.text))) and relevant(q.text, a.text, by_kind=False)


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
        and chatter_probability(q.text) < chatter_cut("plain_question")
        and chatter_probability(said) < chatter_cut("plain_answer"))


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
    aside = ""
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
            # (not what the answer said already: "夾錢啦 每人50蚊…" — "咁就決定每人50蚊…"; settled by someone else, it is
            # said whose it is: "星期四會所冇船喎（教練Ray：加操逢星期三…）", not all 阿詩's words)
            if fixer.speaker == q.answer[0].speaker:
                answer.append(part)
            else:
                aside = f"（{fixer.speaker}：{part.rstrip('。')}）"
            sources.append(settled[0].sources[-1])
    return QAPair(question=q.text, asker=q.msg.speaker, answer=" ".join(answer) + aside, answerer=q.answer[0].speaker,
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


def _host_sets_right(recent: list[_Open], m: Message, i: int, near: int, in_form: Callable[[str, str], bool],
                     targets: list[str], host: str | None, decided: frozenset[int] = frozenset(),
                     tasks: frozenset[int] = frozenset()) -> _Open | None:
    """The question whose answer the one running the chat gives after a member answered it first, unasked ("作品什么
    时候能烧好" — 大壮: "一般一周就能烧好" — the teacher: "这批要两周才能烧好，窑排满了"; "參展要唔要交報名費" — 肥仔明:
    "唔使交，上年都係免費" — 黃生: "今年要交報名費，每盆二十蚊"): the host's unaddressed line, no question and not told
    to everyone, on the question's words or in its form and saying how things stand now (cue ``reply.sets_right``: 才,
    今年, 这次, 这批, 改成…; a host going on about the matter with none of these leaves the member's answer standing),
    within ``near`` lines of the latest question a member (not the asker, not the one it was put to, not by @)
    answered; the host's line replaces that answer, as a correction
    (:func:`_corrects_answer`) would. None for an @-line, a line of anyone else, or when nothing fits; none for a line
    that settles something (``decided``), a recap ("今晚定的：…"), a proposal ("那我们投个票：周日晚8点模考同意的扣1"
    after "会不会太晚" — "不晚") or a to-do line (``tasks``) handing work out ("游戏交给伴娘团，…下周五之前发群里"):
    those are decisions and to-dos, the member's answer stands. (A to-do of the host's own, "十二点才结束，摇完还要
    装瓶", still answers.)"""
    f = _fold(m.text)
    if targets or host is None or m.speaker != host or m.id in decided or is_question(m.text) or _told_all(m) \
            or _recap(m.text) or has(f, "decision", "proposal") \
            or m.id in tasks and (has(f, "reply", "hands_work") or any(str(w) in f for w in raw("reply", "who_handed"))):
        return None
    fits = [q for q in recent if i - q.index <= near and q.answer and not q.direct and q.msg.speaker != host
            and all(a.speaker not in (host, q.msg.speaker) for a in q.answer)
            and (relevant(q.text, m.text, by_kind=False) or in_form(q.text, m.text))
            and has(f, "reply", "sets_right")]
    if not fits:
        return None
    q = fits[-1]
    q.answer, q.loose = [m], False
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


def _picks_side(question: str, reply: str) -> bool:
    """A reply whose first clause is one of the two sides a choice put ("内嵌还是外挂" — "内嵌吧，B站那边…", "放上午还是
    下午" — "上午，9点到10点半"): the words either side of the connector (cue ``question.alternative``), then at most a
    particle (cue ``decision.pick_tail``)."""
    f = _fold(reply).strip()
    options = [x for c in cue("question", "alternative").finditer(_fold(question)) for x in c.groups()]
    first = _CLAUSE.split(f)[0]
    return any(len(o) >= 2 and first.startswith(o) and cue("decision", "pick_tail").match(f[len(o):] or "。")
               for o in options)


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


@lru_cache(maxsize=16384)  # (each sentence is filed as a notice or not by several steps: read once)
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
    # (nor a bystander's guess or own story: "几点在哪集合？" — "似乎是七点吧" — "七点半在高速入口的加油站集合")
    if q.answer and not _guessed(q) and not _beside_the_point(q, host) and not _told_own_story(q, m, host) \
            or i - q.index > near:
        return False
    just_asked, f = _just_asked(q, i), _fold(m.text)
    return (_asks_logistics(q.text) and (just_asked or relevant(q.text, m.text))) \
        or (just_asked and bool(cue("reply", "yes_no").match(f) or cue("reply", "yes_first").match(f))) \
        or (just_asked and relevant(q.text, m.text) and not has(f, "reply", "topic_shift"))


def _asks_logistics(question: str) -> bool:
    """A question asking when, where or how much ("活动几点集合", "在哪上课", "费用多少")."""
    f = _fold(question)
    return has(f, "reply", "asks_time") or has(f, "reply", "asks_place") or has(f, "reply", "asks_amount")


def notice_word(text: str) -> bool:
    """Whether a message says it is a notice, a preview or homework (通知：, @所有人, 下期预告…)."""
    return _announcement_kind(_fold(text), False) is not None


def notice(text: str, when: datetime | None = None) -> bool:
    """Whether a message (sent at ``when``) tells the group something (a notice word or an event notice,
    the same reading that files it under 公告): no answer to a question it has nothing in common with."""
    return notice_word(text) or any(event_notice(s, when) for s in split_sentences(text))

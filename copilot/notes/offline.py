"""Offline engine: an extractive, speaker-aware summariser that fills the same ``Notes`` model.

No Chinese instruction-tuned model ships offline, so the offline notes are built from the transcript's
own sentences: spoken filler (嗯/啊/就是说/然后…) is trimmed, sentences are ranked by TextRank over
jieba-token TF-IDF similarity, weighted by the speaker's role (the main speaker of a talk counts
more than the host's housekeeping), and picked with MMR so the outline does not repeat itself.
Extraction cannot invent facts, which is why it is also the fallback when a model misbehaves.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from copilot.notes.clauses import pauses
from copilot.notes.corrections import Restated, superseded, without_figures
from copilot.notes.cues import cue, phrases_regex
from copilot.notes.cues import raw as cue_value
from copilot.notes.dates import CN_DIGITS
from copilot.notes.handovers import bare_task
from copilot.notes.model import ActionItem, Decision, KeyPoint, Message, Notes, Quote, Transcript
from copilot.notes.noise import greeting_only, signup_header
from copilot.notes.pairing import courtesy, notice_word, passed_over_guesses, settled_part
from copilot.notes.reading import (
    People,
    about_oneself,
    display_name,
    introduces,
    is_chatter,
    is_question,
    relevant,
    side_remarks,
    topic_words,
    words,
)
from copilot.notes.reading import agenda as listed_matters
from copilot.notes.structure import Structure, analyze, changes_cited
from copilot.notes.tasks import normalised, task_gate, task_probability
from copilot.notes.tfidf import TfidfRows, tfidf_rows
from copilot.textnorm import char_pairs, fold, split_sentences, word_bounds

# The word banks are data (resources/notes/cues.yaml, section summary: filler — sounds anywhere at the
# start, 那个/然后/好的 only before a pause, because "这个办法好" carries meaning —, procedure,
# reactions, logistics, housekeeping, openers); what is left here is the format of enumerations.
_FILLER_HEAD = cue("summary", "filler_head")
_FILLER_INLINE = cue("summary", "filler_inline")
_GREETING_HEAD = cue("summary", "greeting_head")
_THANKS_HEAD = cue("summary", "thanks_head")
_REMINDER_HEAD = cue("summary", "reminder_head")
_TALK_PLAN = cue("patterns", "talk_plan")  # "今天主要讲三件事：…": the talk's outline, said once
_PROCEDURAL = cue("summary", "procedural")
_KEY = cue("summary", "conclusion")
_REACTION = cue("summary", "reaction")
_LOGISTICS = cue("summary", "logistics")
_HOUSEKEEPING = cue("summary", "housekeeping")
_OPENER = cue("summary", "opener")
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]+")  # 第二块 is an order, not an amount
_FRAMING = cue("summary", "framing")  # "我先简单说几句", "大概就这些，有问题可以问我", a bare "第二块线缆。"
_COMPLAINT, _NEIGHBOUR = cue("summary", "complaint"), cue("summary", "neighbour")  # "那个7栋的老刘又…"
_PROMPT = cue("summary", "prompt")
_ACK_HEAD = cue("summary", "ack_head")
_DECIDED = cue("summary", "decided")
# 这个这个这个 → 这个; never digits, Chinese numerals or Latin letters (3000 is not a stutter of 30, nor
# 一三八零零零 of 一三八零, nor www of w)
_REPEAT = re.compile(rf"((?:(?![\dA-Za-z{CN_DIGITS}幺])\S){{1,4}}?)\1{{2,}}")
_ENUM = cue("patterns", "enumeration")
_PLANNED = cue("decision", "planned")  # a date or a clock time
# Only a lead-in followed by a separator is an enumeration ("第一，" "1. " "（2）"); "第一年" "第二步是定价"
# "最后一步" are content, and cutting their ordinal would change the fact.
_LEAD_IN = cue("patterns", "lead_in")
# words quoted or titled in a sentence (“…” 「…」 "…" 『…』 《…》): what someone says or might say, not what the sentence
# itself asks, and whose 我 is not the speaker's (the same spans a settling line's decision reader skips)
_QUOTED = cue("decision", "quoted_span")
_ITEM = cue("action", "list_markers")  # "1. " "① " "一、" "• ": an item of a list
NEAR_DUP = 0.6  # char-bigram Jaccard above which two points say the same thing
MIN_CHARS = 8
SHORT_CHAT = 30  # a chat this short is read by its side remarks (structure.side_remarks), not by recurring words
SHORT_MEETING = 15  # a transcribed meeting with anonymous speakers (发言人1…) has no side remarks to tell
MAX_GRAPH = 1000
SUMMARY_SHARE, SUMMARY_MAX = 0.12, 300  # default summary length: a share of the text, capped
HOST_FACTS = 3  # figures/titles in an organiser's sentence that make it part of the matter
LEFT_OUT_FACTS = 2  # figures/times/amounts that make a sentence the filters passed over a point when the outline has room
FACT_BOOST = 0.25  # per figure/time/amount/title (up to 3) when choosing key points  # sentences in the TextRank graph (dense n×n similarity)


MAX_SENTENCE = 60
HEADING = 20  # a sentence shorter than this with more to follow in its message is a heading
# never cut inside a figure, a time, a date, an amount, a percentage, a URL or a Latin name
_UNCUTTABLE = re.compile(r"https?://[!-~]+|[0-9A-Za-z.%:/$¥￥+\-]*\d[0-9A-Za-z.%:/$¥￥+\-]*|[A-Za-z][A-Za-z0-9_.\-]*")
_WINDOW = 80  # a fact is never longer than this
_URL = re.compile(r"https?://[!-~]+")
# a pause to cut at; an ASCII comma or colon inside 1,280 / 20:30 / https:// is not one
# (a label's colon keeps its value: "FPS號碼：9123 5566" is never cut after 號碼：)
_COMMA = re.compile(r"(?<=[，、；])|(?<=：)(?![0-9A-Za-z$¥￥+])|(?<=[,:])(?![0-9A-Za-z/])")
_SPACE_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_FACT_CHAR = re.compile(r"[0-9A-Za-z.%:/$¥￥+\-?=&_]")


def safe_cut(text: str, limit: int) -> int:
    """The last position ≤ ``limit`` where ``text`` can be cut without splitting a fact."""
    start = max(0, limit - _WINDOW)
    while start > 0 and _FACT_CHAR.match(text[start - 1]):  # do not start scanning inside a fact
        start -= 1
    for m in _UNCUTTABLE.finditer(text, start, min(len(text), limit + _WINDOW)):
        if m.start() < limit < m.end():
            return m.start() if m.start() > 0 else m.end()
    return limit


def _pieces(text: str) -> list[str]:
    """Sentences, with run-ons (voice transcripts, pasted walls of text) cut at commas, then at a
    safe place (never inside a number, time, amount, URL or Latin word)."""
    urls = _URL.findall(text)  # a "?" inside a link is not the end of a sentence
    masked = _URL.sub(lambda m: f"\ue000{urls.index(m.group(0))}\ue001", text) if urls else text
    out: list[str] = []
    for raw in split_sentences(masked):
        sent = re.sub("\ue000(\\d+)\ue001", lambda m: urls[int(m.group(1))], raw) if urls else raw
        if len(sent) <= MAX_SENTENCE:
            out.append(sent)
            continue
        buf = ""
        for part in _COMMA.split(sent):
            if buf and len(buf) + len(part) > MAX_SENTENCE:
                out.append(buf)
                buf = ""
            buf += part
            while len(buf) > MAX_SENTENCE * 2:  # no comma for a long stretch: at a space, else between words
                cut = max((p for p in _pauses(buf) if MAX_SENTENCE <= p <= MAX_SENTENCE * 2), default=0) \
                    or len(_word_cut(buf, MAX_SENTENCE * 2))
                out.append(buf[:cut])
                buf = buf[cut:].lstrip()
        if buf:
            out.append(buf)
    return out


def _social(text: str) -> bool:
    """Thanks, greetings, openers and housekeeping ("谢谢Tony。" "大家好，我是晓岚。") head nothing."""
    s = text.strip()
    return bool(is_chatter(s) or _REACTION.match(s) or _PROCEDURAL.search(s) or _HOUSEKEEPING.search(s)
                or _OPENER.search(s) or greeting_only(fold(s)))


def own_life(text: str) -> bool:
    """A member's own life, not the group's matter: a self-introduction or an errand of their own, also after a
    turn word ("另外 我下周六要去…"), or their family's plan on a date ("我老婆说下周六要去我丈母娘家")."""
    f = fold(text).strip()
    rest = cue("reply", "topic_shift").sub("", f, count=1).lstrip(" ，,、")
    return about_oneself(text) or (rest != f and about_oneself(rest)) or bool(cue("personal", "family_plan").search(f)) \
        or bool(cue("personal", "own_event").search(f))  # "顺便说一句，我12月20号要回老家": their own dated trip


def asked_outright(sentence: str) -> bool:
    """A sentence put as a question — a question mark, 吗, a closing particle or an asking opener ("你那辆车能装三脚架吗
    后备箱大不大", "对了谁有兴趣周末一起去吃烤肉") —
    not a doubt told as one's view ("我还不确定航空公司让不让带婴儿车上飞机" says what he does not know)."""
    f = fold(sentence).strip()
    return _asks(sentence) and ("?" in f or any(cue("question", k).search(f) for k in ("anywhere", "final", "tag_final", "openers")))


def framing(sentence: str) -> bool:
    """A line that frames the talk and says nothing itself ("我先讲少少…", "大概系咁，有咩问题可以问我",
    a bare heading "第二块线缆。"): never a key point, a summary sentence or a quote. A framing clause
    with a fact after it ("我先简单说几句：低于5度要搬进屋") is not one: it keeps its fact."""
    return bool(_FRAMING.search(fold(sentence).strip())) and framing_only(sentence)


def framing_only(sentence: str) -> bool:
    """No figure, time, amount or title in it: nothing a reader would look up."""
    return not cue("fact_marks").search(_ORDINAL.sub("", fold(sentence)))


def reply_fragment(sentence: str) -> bool:
    """A short yes to someone ("係，禮拜四前我整好放上嚟"): it needs what it answers, so it is no point."""
    f = fold(sentence).strip()
    m = cue("summary", "reply_fragment").match(f)
    return bool(m) and len(f) - m.end() <= int(cue_value("summary", "fragment_chars"))


def bare_opinion(sentence: str) -> bool:
    """A short view with no figure, time or title ("抽奖还是有意思的吧", "我觉得没必要"): a reaction, no point."""
    f = fold(sentence).strip()
    return len(f) <= int(cue_value("summary", "opinion_chars")) and bool(cue("question", "opinion").search(f)) \
        and framing_only(sentence)


def blames(sentence: str) -> bool:
    """A complaint that names a neighbour ("那个7栋的老刘又把装修垃圾扔厨余桶了"): not for the notes."""
    f = fold(sentence)
    return bool(_COMPLAINT.search(f) and _NEIGHBOUR.search(f))


def _listed_todo(piece: str, actions: list[ActionItem]) -> bool:
    """Whether ``piece`` is an item of a list ("2. @小鱼 做横幅和签到表") that one of ``actions`` was made from."""
    if not _ITEM.match(piece.strip()):
        return False
    def bare(text: str) -> str:  # (the task drops the @name: "服装  去租")
        return re.sub(r"@\S+|\s+", "", fold(text))

    body = bare(_ITEM.sub("", piece.strip(), count=1))[:8]
    return len(body) >= 2 and any(body in bare(a.task) for a in actions)


def with_headings(pieces: list[str]) -> list[str]:
    """A short sentence that opens what follows ("第二个坑是只看蛋白质含量。" "内容节奏。") is a heading:
    it stays with the next sentence of the same message, so a point keeps its fact, not just its title."""
    out: list[str] = []
    for piece in pieces:
        # (an item of a list is no heading of the next: "2. @小鱼 做横幅" and "3. @老杨 饮用水…" stay two)
        if out and len(out[-1].strip()) < HEADING and len(out[-1]) + len(piece) <= MAX_SENTENCE * 2 \
                and not _social(out[-1]) and not (_ITEM.match(out[-1].strip()) and _ITEM.match(piece.strip())):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _one_line(text: str) -> str:
    """A message of lines as one sentence: its heading (ending with a colon) then its lines joined by "；"."""
    head, *rest = [x.strip() for x in text.split("\n") if x.strip()]
    return head + "；".join(rest) if head.endswith((":", "：")) else "；".join([head, *rest])


def _finding(sentence: str) -> bool:
    """A line opening on its finding with a figure in it ("结论：报名的一共18人，平均年龄66岁"): a fact of the chat,
    never housekeeping for the words it holds (``cues.yaml`` summary.finding_head)."""
    f = fold(sentence)
    return bool(cue("summary", "finding_head").match(f)) and bool(cue("fact_marks").search(f))


_AFTER_END = re.compile(r"(?<=[。！!？?])")  # (compiled once: each candidate sentence is split by it)


def _asks(sentence: str) -> bool:
    """Whether a sentence asks; a numbered point is judged after its heading: "第二，每天怎么练。每次训练
    10到15分钟…" tells. (Not any heading: in a spoken meeting "那怎么办呢？我觉得…" stays a question.)
    A question quoted in it is said, not asked: "别问孩子“你画的是什么”，换成…" tells."""
    sentence = _QUOTED.sub("“”", sentence)
    body = [p for p in _AFTER_END.split(sentence) if p.strip()]
    return is_question(body[-1] if body and _ENUM.match(sentence.strip()) else sentence)


def clean_sentence(text: str, *, spoken: bool = False) -> str:
    """Trim spoken filler and stutters without rewording (so every fact stays verbatim).

    A chat's "多謝阿Ben，…" thanks a member before the point and is cut; in a ``spoken`` transcript (a
    meeting with anonymous speaker labels) "感谢…" opens a turn whose content it is, and stays."""
    s = _FILLER_HEAD.sub("", text.strip())
    for head in (_GREETING_HEAD,) if spoken else (_GREETING_HEAD, _THANKS_HEAD):
        rest = head.sub("", s)
        cut = len(s) - len(rest)  # never inside a Latin name ("多謝Dr. Lam 咁…" is not "Lam 咁…")
        inside = 0 < cut < len(s) and re.match(r"[A-Za-z]", rest) and re.search(r"[A-Za-z.]\s*$", s[:cut])
        s = rest if len(rest) >= MIN_CHARS and not inside else s  # "各位家长晚上好，提醒一下：…" → "提醒一下：…"
    s = _FILLER_INLINE.sub("", s)
    s = _REPEAT.sub(r"\1", s)
    return s.strip(" ，,、")


@dataclass
class Sentence:
    text: str
    msg: Message
    tokens: list[str]
    weight: float
    score: float = 0.0
    topical: bool = True  # shares a word the session keeps coming back to (not a side remark)
    facts: int = 0  # figures, times, amounts, titles in it (key points prefer fact-dense sentences)


def _role_weight(m: Message, st: Structure) -> float:
    if st.session_type == "主讲分享":
        if m.speaker in st.speakers:
            return 1.6
        return 0.5 if m.speaker == st.host else 0.8
    return 0.9 if m.speaker == st.host else 1.0


def _final(m: Message, restated: dict[int, Restated]) -> str:
    """``m``'s text less the figures a later correction restated (:func:`restated_figures`): the state that holds
    (the correction itself is a line of its own)."""
    return without_figures(m.text, restated[m.id]) if m.id in restated else m.text


def _changed_by(sources: list[int], restated: dict[int, Restated], text: str = "") -> list[int]:
    """The changes a line from ``sources`` states the figures of (:func:`changes_cited`): those that rewrote one of them
    in place, or any when ``text`` carries a change's mark ("…40桌（已改：46桌）…")."""
    return changes_cited(sources, restated, marked=f"（{cue_value('changed_mark')}" in text)


def _as_final(messages: list[Message], restated: dict[int, Restated]) -> list[Message]:
    """``messages`` in their final state (:func:`_final`), those with nothing left out."""
    out = [m if m.id not in restated else replace(m, text=_final(m, restated)) for m in messages]
    return [m for m in out if m.text]


def _unmarked(text: str) -> str:
    """``text`` without its clauses that carry a later change's mark ("（已改：…）"), or as it is when nothing else
    is left."""
    mark = f"（{cue_value('changed_mark')}"
    if mark not in text:
        return text
    kept = [c for c in re.split(r"(?<=[，,。；;])", text) if mark not in c]
    return "".join(kept).rstrip("，,；;") or text


def _stale_by_bare_fix(m: Message, messages: list[Message], restated: dict[int, Restated]) -> bool:
    """Whether the stale line ``m`` (:func:`superseded`) keeps its words as a key point, the new value beside it: a bare
    fix set its one value right (:func:`restated_figures`: "本周六下午三点（已改：两点半）在市图书馆二楼读书分享" after
    "刚才说错了，应该是下午两点半开始") and no other later line on its subject corrects, changes or swaps anything
    ("地点也换成二楼多功能室", "不是50是60": one mark cannot tell those, the line gives way)."""
    fix = restated.get(m.id)
    if fix is None or not fix.bare:
        return False
    changing = (cue("correction"), cue("moved"), cue("correction_swap"))
    return not any(x.id > m.id and x.id != fix.by.id and any(c.search(fold(x.text)) for c in changing)
                   and relevant(m.text, x.text, by_kind=False) for x in messages)


def candidate_sentences(transcript: Transcript, st: Structure, people: People | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    topic = st.topic_words or topic_words(transcript.messages)
    anonymous = all(_ANON_SPEAKER.match(m.speaker or "") for m in transcript.messages[:50])
    short = len(transcript.messages) < (SHORT_MEETING if anonymous else SHORT_CHAT) or not topic
    aside = side_remarks(transcript.messages) if short and not anonymous else set()
    stale = superseded(transcript.messages)
    restated = st.restated  # figures a later correction replaced: only the final state
    opening = {m.id for m in transcript.messages[:3]}
    early = {m.id for m in transcript.messages[:8]}
    work = {i for a in st.actions for i in a.sources}  # "我周六去买水果" taken on is a to-do, not an errand of one's own
    people = people if people is not None else People.of(transcript.messages)

    def agenda(sentence: str) -> bool:  # the opener's agenda ("春游的事今晚得定下来，地点、时间、费用"): the title's
        if m.id in early and _TALK_PLAN.search(fold(sentence)) and framing_only(sentence):
            return True  # the talk's plan ("我是阿鱼…今天主要讲三件事：开缸、硝化、换水"): the title and lead tell it
        return m.id in opening and bool(st.topic) and st.topic in sentence and framing_only(sentence)

    for m in transcript.messages:
        if is_chatter(m.text) or m.id in stale and not _stale_by_bare_fix(m, transcript.messages, restated) \
                or signup_header(m.text) is not None:
            continue  # (a 接龙 is listed whole under 公告)
        base = _role_weight(m, st)
        talks = st.session_type == "主讲分享" and m.speaker in st.speakers
        # a roster in one message is one point, its lines in order ("值日表：①12月5日 老周；②12月12日 阿敏；…")
        for raw in [_one_line(m.text)] if m.id in st.rosters and "\n" in m.text.strip() \
                else with_headings(_pieces(_final(m, restated))):
            s = clean_sentence(raw, spoken=anonymous)
            if talks:  # the speaker's "最后提醒一下，…" is advice of the talk, not housekeeping
                s = _REMINDER_HEAD.sub("", s) if len(_REMINDER_HEAD.sub("", s)) >= MIN_CHARS else s
            # (an item of a task list is under 待办 already: its slot goes to the matter itself)
            # (the speaker introducing themself frames the talk, like its agenda: "我是周慧敏，做急救培训8年了")
            if len(s) < MIN_CHARS or framing(s) or blames(s) or agenda(s) or reply_fragment(raw) or talks and introduces(s) \
                    or m.id in work and _listed_todo(raw, st.actions):
                continue
            if courtesy(fold(raw).strip(), people):  # thanks to someone ("thx Mandy！") carries no group fact
                continue
            w = base
            if _asks(s):
                w *= 0.5
            if (_PROCEDURAL.search(s) or _HOUSEKEEPING.search(s)) and not _finding(s):
                w *= 0.3
            if _REACTION.match(s):
                w *= 0.3
            # the speaker's own outline ("第一，…", and in a talk "1. …" "① …") and conclusions
            if _ENUM.match(raw.strip()) or talks and _ITEM.match(raw.strip()) or _KEY.search(s):
                w *= 1.3
            if "@" in s:  # a reply: in a talk usually Q&A (listed separately), in a discussion often advice
                w *= 0.7 if st.session_type == "主讲分享" else 0.9
            w *= min(1.0, 0.55 + len(s) / 60)  # very short sentences carry little
            tokens = list(words(s))
            # in a talk the speaker's own words are the topic; anyone else's side remark is not
            # (and the host's notice of a time or a date: "周六业主大会早上9点在物业活动室，带好身份证")
            topical = m.id not in st.chatter and ((short and m.id not in aside) or (st.session_type == "主讲分享" and m.speaker in st.speakers)
                       or any(t in topic for t in tokens) or bool(st.topic and relevant(st.topic, s, by_kind=False))
                       or m.speaker == st.host and bool(_PLANNED.search(fold(s))))
            # (any figure answers "多少钱" by kind, but only the same subject is on topic)
            facts = len(cue("fact_marks").findall(fold(s)))
            # the organiser's fact-dense statement is the matter itself, whatever its words ("而家有三个节目：
            # 《帝女花》…每个节目唔超过15分钟", "一等奖300，二等200，三等100"): figures, titles, amounts
            topical = topical or (m.id not in st.chatter and m.speaker == st.host and facts >= HOST_FACTS)
            # (and the rules they state: "赛制是瑞士制一共5轮每盘每方20分钟不加秒")
            topical = topical or (m.id not in st.chatter and m.speaker == st.host and facts >= 1
                                  and bool(cue("summary", "rules_head").search(fold(s))))
            # (and a rule said to everyone, by anyone: "小于半斤的一律放流，每人最多带回5斤")
            group_rule = facts >= 1 and bool(cue("summary", "group_rule").search(fold(s)))
            topical = topical or (m.id not in st.chatter and group_rule)
            if m.speaker != st.host and st.session_type == "话题讨论" and m.id not in work and own_life(m.text):
                topical = False  # a member's self-introduction or own errand: no group fact
            out.append(Sentence(s, m, tokens, w if topical else w * 0.15, topical=topical, facts=facts))
    return out


_BLAS_LOCK = threading.Lock()


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Run the block with BLAS on one thread. A 1000-sentence graph's matrix-vector products take
    about 0.2 ms each on one core; OpenBLAS spreads each over every core and waits for them, which
    costs 0.3 s of CPU (and more wall time on a busy machine) over the 40 iterations of a long export.
    Each product's elements are summed alike whatever the thread count, so the scores do not change.
    The limit is process-wide: the lock keeps two batch workers from restoring each other's setting."""
    from threadpoolctl import threadpool_limits  # noqa: PLC0415 - loaded only where a graph is ranked

    with _BLAS_LOCK, threadpool_limits(limits=1, user_api="blas"):
        yield


def textrank(sentences: list[Sentence], *, damping: float = 0.85, iters: int = 40) -> TfidfRows | None:
    """Set ``score`` = PageRank over cosine similarity of TF-IDF token vectors, times the role weight.

    Returns the TF-IDF rows (one per sentence, :class:`TfidfRows`) for MMR's redundancy term.
    """
    if not sentences:
        return None
    X = tfidf_rows([s.tokens or [s.text] for s in sentences])
    if X is None:  # empty vocabulary
        for s in sentences:
            s.score = s.weight
        return None
    weights_all = np.array([s.weight for s in sentences])
    keep = np.arange(len(sentences))
    if len(sentences) > MAX_GRAPH:  # long transcripts: rank only the sentences closest to the centroid
        closeness = X.dot(X.mean()) * weights_all
        keep = np.sort(np.argsort(-closeness)[:MAX_GRAPH])
    sim = X[keep].gram()
    np.fill_diagonal(sim, 0.0)
    n = len(keep)
    weights = weights_all[keep]
    # personalised PageRank: the teleport vector prefers speaker-weighted sentences
    rows = sim.sum(axis=1, keepdims=True)
    rows[rows == 0] = 1.0
    P = sim / rows
    tele = weights / weights.sum()
    r = np.full(n, 1.0 / n)
    with _one_blas_thread():
        for _ in range(iters):
            nxt = (1 - damping) * tele + damping * (P.T @ r)
            if np.abs(nxt - r).sum() < 1e-6:
                r = nxt
                break
            r = nxt
    for s in sentences:
        s.score = 0.0
    for i, v in zip(keep, r * weights):
        sentences[i].score = float(v)
    return X


def mmr(sentences: list[Sentence], k: int, X: TfidfRows | None = None, *, lam: float = 0.7,
        exclude: set[int] | None = None, fact_boost: float = 0.0) -> list[Sentence]:
    """Pick ``k`` high-scoring sentences that are not near-duplicates of each other.

    ``X`` holds the TF-IDF rows of ``sentences`` (same order), or is None (no redundancy term).
    """
    if not sentences or k <= 0:
        return []
    if X is not None and X.shape[0] != len(sentences):
        raise ValueError("X rows must match sentences")
    index = {id(s): i for i, s in enumerate(sentences)}
    pool = sorted((s for s in sentences if id(s) not in (exclude or set())), key=lambda s: -s.score)[: max(60, k * 8)]
    if not pool:
        return []
    gain = [s.score * (1 + fact_boost * min(3, s.facts)) for s in pool]
    top = max(gain) or 1.0
    relevance = np.array([g / top for g in gain])
    sim = X[[index[id(s)] for s in pool]].gram() if X is not None else np.zeros((len(pool), len(pool)))
    redundancy = np.zeros(len(pool))
    available = np.ones(len(pool), dtype=bool)
    chosen: list[Sentence] = []
    while available.any() and len(chosen) < k:
        value = lam * relevance - (1 - lam) * redundancy
        value[~available] = -np.inf
        best = int(np.argmax(value))
        available[best] = False
        if any(_near_dup(pool[best].text, c.text) for c in chosen):
            continue
        chosen.append(pool[best])
        redundancy = np.maximum(redundancy, sim[best])
    return chosen


@lru_cache(maxsize=16384)
def _bigrams(text: str) -> frozenset[str]:
    """(cached: each candidate quote is compared with every key point, each point with the ones before)"""
    return char_pairs(text) or frozenset({"".join(filter(str.isalnum, text))})


def _near_dup(a: str, b: str) -> bool:
    """Repetitive chat (刷屏, the same tip reworded) must not fill the outline twice."""
    x, y = _bigrams(a), _bigrams(b)
    inter = len(x & y)
    return (inter / max(1, len(x | y)) >= NEAR_DUP or inter / max(1, min(len(x), len(y))) >= 0.6
            or (len(a) >= 8 and (a in b or b in a)))


def _keypoint_text(s: Sentence) -> str:
    """The sentence without its list marker; a bare heading left at its front ("第一，设备。入门喷笔…")
    reads as a label ("设备：入门喷笔…"), not as a sentence of one word."""
    text = _LEAD_IN.sub("", s.text)
    if not text:
        return s.text
    head, body = _heading(text)
    return f"{head}：{body}" if head and text != s.text else text


def _heading(text: str) -> tuple[str, str]:
    """A short label sentence opening ``text`` ("设备。…") and the rest; ("", text) when there is none."""
    m = _HEAD_SENTENCE.match(text)
    return (m.group(1), text[m.end():]) if m and len(text) > m.end() + MIN_CHARS else ("", text)


_HEAD_SENTENCE = re.compile(r"([^\W\d_]{1,6})[。．.](?!\d)\s*")


def summary_sentences(sentences: list[Sentence], max_chars: int, X: TfidfRows | None = None,
                      fact_boost: float = 0.0) -> list[Sentence]:
    """Best sentences (MMR) until ``max_chars``, in transcript order."""
    picked: list[Sentence] = []
    used = 0
    for s in mmr(sentences, 40, X, lam=0.75, fact_boost=fact_boost):
        if used + len(s.text) > max_chars and picked:
            if used >= max_chars * 0.7:
                break
            continue
        picked.append(s)
        used += len(s.text)
    return sorted(picked, key=lambda s: (s.msg.id, sentences.index(s)))


def _title(transcript: Transcript, st: Structure, points: list[Sentence], people: People | None = None) -> str:
    """What happened, in the chat's own words: a talk's theme and speaker; a discussion's matter and what it
    settled ("电动车充电桩装哪儿：充电桩装在东门自行车棚旁边"), else the title it gave itself (《…》, the opening
    question) or its strongest point — never a string of keywords, nor a figure or name cut short."""
    # (in their final state: a figure a later correction replaced names nothing, "周六晚上7点放电影" → "…改成8点")
    # (a title is no quote: a clause a later change marked, "…10點…集合（已改：9:30）", names nothing either)
    messages = [replace(m, text=_unmarked(m.text)) for m in _as_final(transcript.messages, st.restated)]
    first = messages[0] if messages else None
    listed = bool(st.topic and first and listed_matters(first.text) == st.topic)  # "商量两件事：一是…，二是…"
    settler = _settling(st) if st.session_type == "话题讨论" and not listed else None
    if settler is not None and (decided := _decided_title(settler, people)):
        # the matter as the opener put it ("这个月的外拍去哪儿", "电动车充电桩装哪儿"), never a later line that may
        # be the option that lost or a side item named in passing (several matters listed: each has its own outcome)
        runs = first is not None and first.speaker in {st.host, *settler.by[:1]}
        opened = _opening(first, set(), st, messages[1:], asking=True) if runs else None
        relayed = _relayed_notice(messages[:3], st) and _notice_heading(messages[:3], whole=False)
        matter = relayed or opened or (st.topic if st.topic and runs and st.topic in first.text else None) \
            or _subject(st, [], messages)
        if matter and len(matter) >= 4 and not _near_dup(matter, decided) and matter not in decided:
            return f"{matter.rstrip('？?')}：{decided}"
        return f"决定：{decided}"
    if st.session_type == "主讲分享" and st.speakers and not st.topic:
        # a talk that names no theme: what its speaker opens with ("周六青溪水库夜钓"), not its strongest point
        own = next((m for m in messages if m.speaker == st.speakers[0]), None)
        opened = _opening(own, set(), st, messages) if own and own.speaker == (st.host or own.speaker) \
            else None
        topic = opened or _subject(st, points, messages)
    else:
        topic = _relayed_notice(messages[:3], st) or st.topic or _subject(st, points, messages)
    if st.session_type == "主讲分享" and st.speakers:
        return f"{topic}｜{st.speakers[0]}分享整理" if topic else f"{st.speakers[0]}分享整理"
    return f"话题讨论：{topic}" if topic else f"{transcript.group or '群'}话题讨论整理"


def _relayed_notice(opening: list[Message], st: Structure) -> str | None:
    """A chat opened by relaying another body's notice (``summary.relay_intro``: "市场办刚发了个通知 我转一下", in the
    host's first line): the notice's 【heading】 and its first item ("中山路夜市管理通知：摊位管理费由每月800元调整为
    每月950元"), from that line or the host's next one — the subject, never the relaying words."""
    if not opening or (st.host and opening[0].speaker != st.host) or not cue("summary", "relay_intro").search(
            fold(opening[0].text)):
        return None
    return _notice_heading(opening, whole=True)


def _notice_heading(opening: list[Message], whole: bool) -> str | None:
    """The relayed notice's 【heading】 (and with ``whole`` its first item) in the opener's first lines."""
    for m in opening:
        if m.speaker != opening[0].speaker:
            continue
        notice = cue("summary", "relay_heading").search(m.text)
        if notice is None:
            continue
        body = notice.group("body")
        first = re.search(r"(?<![\d.])1[.．、](?!\d)", body)  # an enumerated notice: its first item
        body = body[first.end():] if first else body
        item = re.split(r"[，,；;。！!]|\s+\d{1,2}[.．、](?!\d)", body, maxsplit=1)[0].strip("：: ")
        head = notice.group("h")
        return f"{head}：{item}" if whole and 4 <= len(item) <= TITLE_CHARS * 2 else head
    return None


def _settling(st: Structure, settled: set[int] | None = None) -> Decision | None:
    """The decision that settles the discussion: the one most members agreed to (a vote's outcome before the
    opener's "今晚把路线定了" nobody answered), then a settling word, then the later word ("定在15号" … "最终改成16号")."""
    if not st.decisions:
        return None
    strong = cue("decision", "strong")
    # (a line split into several decisions is a recap told in pieces, "场地我；零食小雨": no one piece settles it — unless
    # the piece was settled on a line of its own first and the recap only repeats it: "那就定了：12月5日周六下午2点…",
    # agreed by four, then a recap of time, place and places; "海报改成小雯来" was told as the outcome, qa13r66)
    shared = Counter(i for d in st.decisions for i in set(d.sources))
    settled = settled or set()
    return max(st.decisions, key=lambda d: (not all(shared[i] > 1 for i in d.sources), len(set(d.by)),
                                            bool(strong.search(fold(d.text)) or set(d.sources) & settled),
                                            max(d.sources, default=0)))


def _decided_title(d: Decision, people: People | None) -> str | None:
    """What decision ``d`` (the one settling the discussion, :func:`_settling`) settled, as the end of its title:
    the decision without its settling head or the work it gives out, up to a whole clause (a figure, a time or a
    name is never cut: "每晚1,200" stays whole)."""
    text = _ACK_HEAD.sub("", d.text)
    part = settled_part(text, people) if people is not None else text
    part = _ACK_HEAD.sub("", _MENTION_HEAD.sub("", part)).strip("，,。！!；; ")
    part = _without_greeting(part)
    # (what was settled, not what it replaced: "不是五点半，改成六点在北门集合" → "改成六点在北门集合")
    if (cut := cue("decision", "corrected_head").match(fold(part))) and len(fold(part)) == len(part) \
            and len(part) - cut.end() >= 6:
        part = part[cut.end():]
    if len(part) < 6 or is_question(part):
        return None
    return _whole_clauses(part, TITLE_CHARS)


def _without_greeting(text: str) -> str:
    """``text`` without the greeting or address it opens with ("各位晚安，12月12日到13日的露营…" → "12月12日到13日
    的露营…"), when enough is left."""
    for head in (_GREETING_HEAD, _ADDRESS_HEAD):
        cut = head.match(fold(text))
        if cut and len(fold(text)) == len(text) and len(text) - cut.end() >= 6:
            text = text[cut.end():].lstrip("，,、 ")
    return text


def _whole_clauses(text: str, limit: int) -> str:
    """The opening clauses of ``text`` that fit in ``limit`` characters, cut only at a pause (never the comma
    of 1,200 or the colon of 6:30); the first clause whole when it alone is longer, up to twice the limit."""
    parts = [p for p in re.split(r"(?<=[，；;。！!])|(?<=[,:])(?![0-9A-Za-z/])", text) if p]
    tail = cue("decision", "assent_tail")
    parts = [p for i, p in enumerate(parts) if not i or not tail.match(fold(p).strip("，,；;。！! "))]
    out = ""
    for p in parts:
        if out and len(out) + len(p) > limit:
            break
        out += p
    out = out.rstrip("，,、；;：:。！! ")
    if len(out) > 2 * limit:
        out = out[:safe_cut(out, 2 * limit)].rstrip("，,、；;：:。！! ") + "…"
    return out


def _subject(st: Structure, points: list[Sentence], messages: list[Message] | None = None) -> str | None:
    """What the chat is about when it names no topic: a discussion's opening line ("周六去水库夜钓，早上…"
    → 周六去水库夜钓), else its strongest point. Never a decision ("不是五点半，改成六点" is what was
    settled, listed under 决定, not what the chat was about)."""
    decided = {i for d in st.decisions for i in d.sources}
    if st.session_type == "话题讨论" and messages:
        opening = _opening(messages[0], decided, st, messages[1:])
        if opening:
            return opening
        # a newcomer's question or a side remark came first: the occasion is in the first line of the
        # one who runs the chat ("说正事：这周日的集体飞行，原定…"), not in a late reply
        # (its first line that is no answer, no reply, no work given out and not said to one member:
        # "要，队服统一穿黑色…" answers, "老刘，这种文章别转了哈" speaks to 老刘)
        # the one running it: the host, else whoever settles its matter, else its main voice
        organisers = {st.host} if st.host else {d.by[0] for d in st.decisions if d.by} | set(st.speakers[:1])
        busy = decided | {i for p in st.qa for i in p.sources} | {i for a in st.actions for i in a.sources}
        yes = cue("summary", "reply_fragment")
        others = {fold(m.speaker) for m in messages if m.speaker and m.speaker not in organisers}

        def occasion_line(m: Message) -> bool:
            f = fold(_MENTION_HEAD.sub("", m.text)).strip()
            return m.speaker in organisers and m.id not in busy and not m.text.lstrip().startswith("@") \
                and not yes.match(f) and not any(f.startswith(o) for o in others)

        first = next((i for i, m in enumerate(messages[: max(1, len(messages) // 2)]) if i and occasion_line(m)), None)
        opening = _opening(messages[first], decided, st, messages[first + 1:]) if first is not None else None
        if opening:
            return opening
    kept = [s for s in points if s.msg.id not in decided] or points
    if not kept:
        return None
    text = _heading(_LEAD_IN.sub("", _MENTION_HEAD.sub("", max(kept, key=lambda s: s.score).text)))[1]
    subject = _clause(text, 24)
    return subject if len(subject) >= 6 else None


def _opening(m: Message, decided: set[int], st: Structure, later: list[Message], asking: bool = False) -> str | None:
    """The first clause of the chat's opening message that says something (not a greeting, a framing
    line or a question), as the topic: the opener says what the chat is about — when it is the host's
    and the chat comes back to its words ("看我上周钓的翘嘴" opening a trip's planning is a side remark)."""
    if m.id in decided or m.id in st.chatter or (st.host and m.speaker != st.host):
        return None
    settled = _SETTLE_MATTER.search(fold(m.text))  # "…我们先把分工和玩法定下来" → 分工和玩法
    if settled and len(fold(m.text)) == len(m.text):
        return m.text[settled.start(1):settled.end(1)]
    for piece in _pieces(clean_sentence(m.text)):
        body = _MENTION_HEAD.sub("", piece)
        body = _ADDRESS_HEAD.sub("", body) if len(_ADDRESS_HEAD.sub("", body)) >= 4 else body  # "各位菜友，…"
        body = _MATTER_HEAD.sub("", body)  # "兄弟们说个事这周六…" → "这周六…"
        if not body.strip():
            continue
        counted = _MATTER_COUNTED.search(_same_length_fold(body))  # "说几件工具屋的事" → 工具屋的几件事
        if counted:
            return "{m}的{n}{unit}{noun}".format(**{g: body[counted.start(g):counted.end(g)] for g in ("m", "n", "unit", "noun")})
        asked = _PROMPT.search(body)  # "年会的场地大家有什么想法" → 年会的场地
        if asked and asked.start() >= 4:
            body = body[:asked.start()].rstrip("，,、 的")
        # (a space between words is a pause in a chat typed without punctuation)
        # (never at the colon or comma inside a figure: "周日上午9:30集合" is not "周日上午9", and
        # "營位費每帳每晚1,200元" keeps its figure)
        first = re.split(r"[，；;。！!]|(?<!\d)[,:：]|[,:：](?!\d)|" + _SPACE_PAUSE.pattern, body, maxsplit=1)[0].strip()
        head = first if 4 <= len(first) <= 24 else _occasion(first) or _clause(body, 24)
        if head.endswith("…") or len(head) > 24:
            continue  # a clause cut mid-phrase ("这次跳的曲子有两个一个是最炫民族风一个是火火的姑…") is no title, nor
            # a whole long first clause (_clause keeps up to twice its limit when no pause comes early enough)
        # (read in the folded form where it keeps the length: "聖誕聯歡嘅事要傾一下" as "圣诞联欢嘅事要倾一下")
        told = _MATTER_TOLD.search(_same_length_fold(head))  # "年底聚会和互助基金的事跟大家说一下" → 年底聚会和互助基金
        named = bool(told and told.start() >= 4)  # the opener names its matter: the title, though later lines
        if named:                                 # speak of its parts (date, place, fee), not of it by name
            head = head[:told.start()]
        when = cue("decision", "undecided").search(_same_length_fold(head))  # "周六徒步的路线今晚定一下" → 周六徒步的路线
        if when and when.start() >= 4:
            head = head[:when.start()].rstrip("，,、 的要得就先")
            head = re.sub(r"(?:今[天晚日]|明[天晚日])$", "", head)
        if len(head) >= 4 and not _social(head) and not framing(head) and (asked or asking or not is_question(head)) \
                and (named or any(t in st.topic_words or any(t in x.text for x in later) for t in words(head))):
            return head
    return None


_ANON_SPEAKER = cue("patterns", "anonymous_speaker")
_MENTION_HEAD = re.compile(r"^(?:@\S+\s*)+")  # "@小鹿 可以试试…" → "可以试试…"
_MATTER_HEAD = cue("summary", "matter_head")
_ADDRESS_HEAD = cue("summary", "address_head")
_MATTER_TOLD = cue("summary", "matter_told")
_MATTER_COUNTED = cue("summary", "matter_counted")
_SETTLE_MATTER = cue("summary", "settle_matter")
_SIGN_OFF = cue("summary", "sign_off")
TITLE_CHARS = 24


def _same_length_fold(text: str) -> str:
    """``text`` folded (Simplified, lower case) when that keeps every position, so a cue found in it cuts
    ``text`` at the same place; else ``text`` as written."""
    folded = fold(text)
    return folded if len(folded) == len(text) else text


def _occasion(clause: str) -> str | None:
    """A long clause with no pause in it (a voice message typed out: "这周六下午三点跟蓝鲸队踢友谊赛在体育公园
    五号场…") cut right after the last occasion it names within the title's length (an event word of
    cues.yaml ``announcement.event``: 友谊赛, 聚餐, 培训…), so the title is short and whole; None without one."""
    head = fold(clause[:TITLE_CHARS])
    bounds = word_bounds(fold(clause))  # after a whole word: not 会议 of 会议室
    ends = [m.end() for m in cue("announcement", "event").finditer(head) if m.end() in bounds]
    return clause[:ends[-1]] if ends and ends[-1] >= 6 else None


def _yes_answers(messages: list[Message], qa_ids: set[int]) -> set[int]:
    """Ids of the Q&A messages that open with a yes and give no figure ("对 合格的发…"): an answer that needs its
    question ("可以，12岁以下小孩半价750" gives a fact of its own and stays)."""
    yes = cue("summary", "reply_fragment")
    return {m.id for m in messages if m.id in qa_ids and yes.match(fold(m.text).strip()) and framing_only(m.text)}


def votes_and_sign_offs(messages: list[Message]) -> set[int]:
    """Ids of the messages that are no one's point: a bare vote after a vote was called ("1 白色太容易脏了"
    after "蓝色扣一白色扣二"; it is counted under the decision) and a sign-off ("好了就这些大家早点睡周六见", or a
    line with no figure that closes on one: "对了 年底聚餐的事下次再议 先这样 大家忙")."""
    out: set[int] = set()
    called = False
    for m in messages:
        f = fold(m.text).strip()
        if (called and cue("summary", "vote_head").match(f)) or _SIGN_OFF.match(f) \
                or (cue("summary", "sign_off_tail").search(f) and framing_only(m.text)):
            out.add(m.id)
        called = called or bool(cue("summary", "vote_call").search(f))
    return out


def _clause(text: str, limit: int = 40) -> str:
    """The opening of a sentence up to ``limit`` characters, cut at a clause boundary (verbatim)."""
    t = text.rstrip("。！？!?；;，, ")
    if len(t) <= limit:
        return t
    # a pause, not the ASCII colon or comma inside 6:30 / 1,280; never a cut inside a figure or a time
    # (the pauses are found in the whole sentence: cut to the limit first, "早上8:30" would end in a bare colon)
    # (only the pauses up to twice the limit count below: a wall of text is read through a window)
    pauses = _pauses(t if len(t) <= 4 * limit else t[:4 * limit])
    cut = max((p for p in pauses if p <= limit), default=-1)
    if cut >= 10:
        return t[:cut]
    # no pause early enough: the whole first clause when it is not much longer ("…豆豆负责接送就" never ends a line),
    # else a cut between words, marked
    after = min((p for p in pauses if p > limit), default=len(t))
    return t[:after] if after <= limit * 2 else _word_cut(t, limit) + "…"


def _pauses(text: str) -> list[int]:
    """Where a clause of ``text`` ends: before a pause mark (not the colon or comma inside 6:30 / 1,280) or a space
    between two Chinese words (voice-to-text and pasted chats pause with spaces)."""
    inside = {i for m in re.finditer(r"（[^（）]*）", text) for i in range(m.start(), m.end())}
    # (never inside a bracket: "费用每人680元（已改：720元）" is not cut after its 已改)
    return sorted(p for p in {m.start() - 1 for m in _COMMA.finditer(text) if m.start() > 0}
                  | {m.start() for m in _SPACE_PAUSE.finditer(text)} if p not in inside)


def _word_cut(text: str, limit: int) -> str:
    """``text`` up to ``limit`` characters, ending between two words and never inside a fact."""
    safe = safe_cut(text, limit)
    # jieba reads a window past the cut, not the whole text: a 60,000-character wall was cut again for each of its
    # pieces (100 s, quadratic); a window of twice the limit gives the same words up to the cut
    window = text if len(text) <= 4 * limit else text[:2 * limit + 8]
    end = max((b for b in word_bounds(window) if b <= safe), default=0)
    return text[:end or safe]


_ME = cue("summary", "me_word")
_ME_OBJECT = cue("owner", "me_object")
_ME_OWN = cue("summary", "me_own")
_VOICE_FORMS = [(phrases_regex(form), verb) for form, verb in cue_value("summary", "voice_forms")]


def _in_third_person(text: str, name: str, subject: str, after_topic: str = "") -> str | None:
    """``text`` said by ``name`` told in the third person: a 我 after a word that gives to or asks of the speaker
    (owner.me_object: "发给我") or owning a relative or home (summary.me_own: "我妈") becomes the name, any other 我
    ``subject`` (自己 in a voice, the name in a next step), with ``after_topic`` before it when a word of the clause
    comes first ("自行车我来联系" → "自行车由阿强来联系"); 我们/我哋 stay (the group), and so does a 我 inside a title or
    a quote (《我和我的家乡》). None when a name would run into the letters or digits beside the 我 ("CI我接过来" would
    read "CILena接过来"), or when the folding changes the text's length (no position to map back)."""
    folded = fold(text)
    if len(folded) != len(text):
        return None
    objects = {m.end() - 1 for m in _ME_OBJECT.finditer(folded)} | {m.start() for m in _ME_OWN.finditer(folded)}
    quoted = {i for m in _QUOTED.finditer(text) for i in range(m.start(), m.end())}
    mes = [i for i in range(len(text)) if i not in quoted and _ME.match(text, i)]

    def told(i: int) -> str:
        if i in objects:
            return name
        topic = i and re.match(r"[\u4e00-\u9fff]", text[i - 1]) and not cue("summary", "me_no_topic").search(text[:i]) \
            and not cue("summary", "me_no_topic_after").match(text[i + 1:])
        return (after_topic if topic else "") + subject

    out, last = [], 0
    for i in mes:
        word = told(i)
        if (i and _ASCII_WORD.match(text[i - 1]) and _ASCII_WORD.match(word[0])) \
                or (text[i + 1:i + 2] and _ASCII_WORD.match(text[i + 1]) and _ASCII_WORD.match(word[-1])):
            return None
        out += [text[last:i], word]
        last = i + 1
    return "".join(out) + text[last:]


_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def _told_voice(s: Sentence, host: str | None, verbs: Iterator[str]) -> str:
    """One voice of a discussion told as what its speaker said, composed rather than quoted ("小林觉得《赛马》热闹",
    "阿May提议改到周日", "周叔提到《良宵》简单些"): the verb from the clause's own form (``cues.yaml`` summary.voice_forms,
    its head dropped), the host's figures 介绍, else the plain verbs in turn; the speaker's 我 in the third person."""
    name = display_name(s.msg.speaker) or s.msg.speaker
    said = _clause(_MENTION_HEAD.sub("", _keypoint_text(s)))
    clause = cue("summary", "told_head").sub("", _ADDRESS_HEAD.sub("", said, count=1) or said, count=1)
    verb = None
    for form, by_form in _VOICE_FORMS:
        head = form.match(clause)
        if head and len(re.sub(r"\W", "", clause[head.end():])) >= 2:
            verb, clause = by_form, clause[head.end():]
            break
    if verb is None and not _ME.search(clause) and is_question(clause):
        verb = cue_value("summary", "voice_ask")
    proposal = cue("summary", "proposal_clause").match(clause)
    if proposal and verb in (None, *cue_value("summary", "proposal_verbs")):  # (its 吧 dropped: "提议去白云山，…")
        verb, clause = verb or cue_value("summary", "proposal_verbs")[-1], clause[:proposal.start(1)] + clause[proposal.end(1):]
    if verb in cue_value("summary", "proposal_verbs"):
        clause = cue("summary", "proposal_tail").sub("", clause) or clause
    if verb is None:
        verb = cue_value("summary", "voice_host") if s.msg.speaker == host and s.facts > 0 else next(verbs)
    told = _in_third_person(clause, name, cue_value("summary", "me_in_voice"))
    return f"{name}{verb}{told}" if told is not None else f"{name}：{said}"


def discussion_summary(lead: str, st: Structure, points: list[Sentence], pool: list[Sentence],
                       everything: list[Sentence], settled: set[int] | None = None,
                       max_voices: int = 4, senders: dict[int, str] | None = None,
                       skip: set[int] | None = None, people: People | None = None) -> tuple[str, list[int]] | None:
    """A discussion told as who said what, then what was decided; None when there is no exchange.

    An MMR pick of the "best" sentences reads like a random quote from a discussion: operators
    want each main voice's position in one line and the outcome, the way a host wraps up. The
    host's opener and the decision/to-do lines are not anyone's position; a voice that repeats an
    earlier one is left out, and so are the ``skip`` messages (votes, sign-offs, and answers that open
    with a yes — "对 合格的发红十字会救护员证" confirms its question, listed under Q&A, and is nobody's view).
    """
    skip = skip or set()
    housekeeping = [d.text for d in st.decisions] + [a.task for a in st.actions] + [a.text for a in st.announcements]
    given = {a.sources[0] for a in st.actions if a.sources}  # where work was given out (also work handed on since)

    def position(s: Sentence) -> bool:
        # not _LOGISTICS: in a discussion "下班后7点跑" is a position, not schedule housekeeping
        # (a question is no one's position: "你那辆车能装三脚架吗" asks, it says nothing)
        return (len(s.text) >= 8 and s.topical and not asked_outright(s.text) and not _HOUSEKEEPING.search(s.text) and not _OPENER.search(s.text)
                and not _PROMPT.search(s.text) and s.msg.id not in given and s.msg.id not in skip
                and not any(_near_dup(s.text, h) or s.text in h for h in housekeeping))

    picked: list[Sentence] = []
    # the main voices first, then anyone else who made a point, until max_voices positions
    others = [sp for sp in dict.fromkeys(s.msg.speaker for s in pool) if sp not in st.speakers]
    for speaker in [*st.speakers, *others]:
        if len(picked) >= max_voices:
            break
        own = [s for s in points if s.msg.speaker == speaker and position(s)] or \
              [s for s in pool if s.msg.speaker == speaker and position(s)] or \
              [s for s in everything if s.msg.speaker == speaker and position(s)]  # a counter-proposal
        own = [s for s in own if not any(_near_dup(s.text, p.text) for p in picked)]
        if own:  # what they said on their own, before any reply to someone else; the one who started the
            # matter is told by its terms (the offer's figures: "凑够20户每平米85块"), not by a reply to a doubt
            picked.append(max(own, key=lambda s: (not s.msg.text.lstrip().startswith("@"),
                                                  speaker == st.host and s.facts > 0, s.score)))
    settles = bool(st.decisions or any(a.owner for a in st.actions))  # one voice and what happens next
    # (a chat opened by its organiser's notice, "星期日爬凤凰山，早上八点在地铁站B出口集合", then settled: the notice
    # and what happens next, though the opener is nobody's position)
    told = {i for a in st.announcements for i in a.sources}
    notices = [s for s in pool if s.msg.id in told and len(s.text) >= 8]
    if settles and not picked and notices:
        picked = [min(notices, key=lambda s: s.msg.id)]
    if len(picked) < (1 if settles else 2) or all(_ANON_SPEAKER.match(s.msg.speaker or "") for s in picked):
        # "发言人3 said …" tells nothing in a transcribed meeting with anonymous speaker labels:
        # there the content summary (MMR) is the better read
        return None
    picked.sort(key=lambda s: s.msg.id)  # in the order the discussion went
    verbs = iter(cue_value("summary", "voice_verbs") * len(picked))
    voices = [_told_voice(s, st.host, verbs) for s in picked]
    sources = [s.msg.id for s in picked]
    text = lead + "；".join(voices) + "。"
    tail, tail_sources = settled_tail(st, settled, senders, people)
    return text + tail, sorted(set(sources + tail_sources))


def settled_tail(st: Structure, settled: set[int] | None, senders: dict[int, str] | None,
                 people: People | None) -> tuple[str, list[int]]:
    """What a chat settled and what happens next, as a summary ends: who decided and who agreed, 最后决定：…, then
    接下来： up to three to-dos with their owners — told after a discussion's voices and after a talk's main points
    (a talk that turns to planning: the dates and the work given out were missing from its summary, qa13r66)."""
    settled = settled or set()
    text, sources = "", []
    if st.decisions:  # what settled it: the one most agreed to, then the last word ("定在15号" … "最终改成16号")
        d = _settling(st, settled)
        listed = [x for x in st.decisions if x.sources == d.sources and x is not d]
        if listed:  # a wrap-up that lists what was decided: say them all
            d = Decision(text="；".join(x.text for x in [*listed, d][-3:]), by=d.by, sources=d.sources)
        cut = _DECIDED.match(d.text)
        rest = d.text[cut.end():] if cut and not re.search(r"[不没未别]", cut.group(0)) else d.text
        rest = _without_greeting(_ACK_HEAD.sub("", rest))
        # what was settled, not the work the line gives out after it (told under 接下来): "…统一500克玻璃瓶，
        # 价签阿珍你下周五前做好" → "…统一500克玻璃瓶"
        part = settled_part(rest, people) if people is not None else rest
        rest = part if len(part) >= 4 else rest
        if d.by:  # who settled it, and who agreed
            agreed = [display_name(b) or b for b in d.by[1:4]]
            text += f"{display_name(d.by[0])}拍板" + (f"，{'、'.join(agreed)}同意" if agreed else "") + "。"
        text += f"最后决定：{_clause(rest if len(rest) >= (4 if rest is part else 6) else d.text, 50)}。"
        sources.extend(d.sources)
    # never a line blaming a neighbour, nor one that asks ("…周五那天8点班改成8:15出发行不行" is no next step)
    nxt = [a for a in st.actions if a.owner and not blames(a.task) and not is_question(bare_task(a.task))][:3]
    if nxt:  # what happens next
        text += "接下来：" + "；".join(_next_step(a, (senders or {}).get(a.sources[0]) if a.sources else None,
                                               [(senders or {}).get(i) for i in a.sources])
                                    for a in nxt) + "。"
        sources.extend(i for a in nxt for i in a.sources[:1])
    return text, sources


def talk_summary(lead: str, points: list[Sentence], most: int = 5,
                 tail: tuple[str, list[int]] = ("", [])) -> tuple[str, list[int]]:
    """A talk told as its speaker, theme and main points with their figures: the opening clause of each
    of the (up to five) key points, in the order they were made; then what it settled (``tail``: :func:`settled_tail`),
    whose lines are not told again as points ("那就定了：下周六晚上7点…" was both)."""
    points = [s for s in points if s.msg.id not in tail[1]]
    chosen = sorted(sorted(points, key=lambda s: -s.score * (1 + FACT_BOOST * min(3, s.facts)))[:most],
                    key=lambda s: (s.msg.id, s.msg.text.find(s.text)))
    parts = [_clause(_keypoint_text(s), 45) for s in chosen]
    return (lead + "主要讲了：" + "；".join(parts) + "。" + tail[0],
            sorted({s.msg.id for s in chosen} | set(tail[1])))


def _told_todo(a: ActionItem) -> ActionItem:
    """A to-do as the list shows it: without the yes or the ack its line opens with ("收到，我来统计" → "我来统计",
    "要，我明天早上去預約" → "我明天早上去預約") — those words answer whoever asked, the reader of the list needs the
    work; the line is kept whole when under four characters would be left."""
    task = _ACK_HEAD.sub("", a.task, count=1)
    return a if task == a.task or len(task) < 4 else a.model_copy(update={"task": task})


def _next_step(a: ActionItem, sender: str | None = None, said_by: list[str | None] | None = None) -> str:
    """One to-do as a next step: the owner and their own words (the piece with the date, if merged). Work
    someone else gave them ("路书和每天行程铁柱你来做", said by 老K) is not the owner's words: it is told as
    what the owner does ("铁柱负责路书和每天行程"), never under the owner's name as if they said it."""
    # (a new due time set beside the words, "（已改：晚上10点前）", is the step's own time: told once, in that mark with
    # its day — never dropped, the member's old time would read as current: "登记表周三前整理好（已改：周二前，2028-09-19）")
    mark = f"（{cue_value('changed_mark')}{a.deadline_text}）" if a.deadline_text else ""
    dated = f"（{cue_value('changed_mark')}{a.deadline_text}，{a.deadline}）" if a.deadline else mark
    task = a.task.replace(mark, dated) if mark and mark in a.task else a.task
    pieces = [p for p in re.split(r"[；;]", re.sub(r"（回复.*?）$", "", task)) if p.strip()]
    piece = next((p for p in pieces if a.deadline_text and a.deadline_text in p), pieces[-1] if pieces else task)
    # work handed on ("宣传图小琪来做，后天发群里；…宣传图我来做；好，宣传图改成阿敏来"): the dated piece names the one it
    # was given to first, so the step is told from the later piece naming the owner, by whoever said it (``said_by``,
    # one sender per cited message, when each piece is one message) — "阿敏负责宣传图", not "阿敏负责：宣传图小琪来做"
    name = display_name(a.owner) or a.owner or ""
    if name and said_by and len(said_by) == len(pieces) and name not in piece and sender != a.owner:
        later = [j for j in range(pieces.index(piece) + 1, len(pieces)) if name in pieces[j]]
        if later:
            piece, sender = pieces[later[-1]], said_by[later[-1]]
    # (a head up to its colon, never the colon of a time: "你周六22:30把…" is no "你周六22：" head)
    piece = _ACK_HEAD.sub("", re.sub(r"^[^：:，,]{0,8}(?:：|(?<!\d):)", "", _MENTION_HEAD.sub("", piece.strip())))
    due = "，".join(x for x in (a.deadline_text, a.deadline) if x and (x not in piece or x == a.deadline))
    given = sender and a.owner and sender != a.owner and not cue("owner", "group").fullmatch(fold(a.owner))
    step = _given_step(piece, a.owner) if given else _own_step(piece, a.owner, sender)
    if mark and dated in piece:  # the time told in its mark, or after the step when the cut left the mark out
        due = "" if dated in step else "，".join(x for x in (a.deadline_text, a.deadline) if x)
    return step + (f"（{due}）" if due else "")


def _own_step(piece: str, owner: str | None, sender: str | None) -> str:
    """A to-do in its owner's own words told as what they do, their 我 as their name ("阿杰：绳子和头盔我带" → "绳子和头盔由阿杰带",
    "糖糖：我来统计人数" → "糖糖来统计人数"); as "名字：原话" when the words have no 我 to tell, are not known to be the owner's own
    (no cited sender) or are a group's."""
    name = display_name(owner) or owner or ""
    clause = _clause(piece, 30)
    if name and sender == owner and not cue("owner", "group").fullmatch(fold(owner or "")):
        bare = cue("summary", "told_head").sub("", clause, count=1)  # ("那我负责记账吧" → "小周负责记账吧")
        bare = bare if bare.startswith("我") else clause
        told = _in_third_person(bare, name, name, cue_value("summary", "me_after_topic"))
        if told is not None and told != bare:
            return told
    return f"{name}：{clause}"


def _given_step(piece: str, owner: str) -> str:
    """Work given to ``owner`` in someone else's words, told with the owner as its subject: the clause that
    names them (or its 你), the decision and hand-over words before it left out ("加亲子组，老猫你来负责规则"
    → "老猫负责规则"; "路书铁柱你来做" → "铁柱负责路书"; "王阿姨你周六顺路买一下" → "王阿姨周六顺路买一下")."""
    name = display_name(owner) or owner
    folded = fold(piece)
    spots = [(folded.find(fold(x)), len(x)) for x in dict.fromkeys([owner, name]) if x and fold(x) in folded]
    if not spots and cue("owner", "you").search(folded):
        spots = [(cue("owner", "you").search(folded).start(), 0)]
    if not spots or len(folded) != len(piece):
        return f"{name}负责：{_clause(piece, 30)}"
    pos, width = min(spots)
    start = max(piece.rfind(c, 0, pos) for c in "，,。；;！! ") + 1
    before = cue("owner", "hands_on").sub("", piece[start:pos]).strip()
    after = _work_from(_GIVEN_HEAD.sub("", piece[pos + width:]))
    # (the work said after the hand-over words, never a line opening on their pause or particle: "小周你来，预算…"
    # → "小周负责：预算…", not "小周负责：，预算…"; "…改由阿敏负责吧，阿敏…" → "…：阿敏…", not "…：吧，阿敏…")
    work = _GIVEN_VERB.sub("", after, count=1)
    if len(re.sub(r"\W", "", work)) >= 3:  # what they do is said after the name
        # (written apart from the name: "老陈统筹一下" would read as a new name, 陈统筹; the item said before the
        # name stays: "易拉宝 大强 周四前从街道办领回来" → "大强负责易拉宝：周四前从街道办领回来")
        item = cue("owner", "hands_on").sub("", piece[max(piece.rfind(c, 0, pos) for c in "，,。；;！!") + 1:pos]).strip()
        item = cue("owner", "given_word_end").sub("", item).strip()
        item = cue("reply", "topic_shift").sub("", item, count=1).strip(" ，,、")  # (not its "还有…")
        # (nor the short name the owner was called by: "小刘你周三下午把工具搬过去" to 物业小刘 → "物业小刘负责：周三下午…",
        # not "物业小刘负责小刘：…")
        if len(re.sub(r"\W", "", item)) < 2 or fold(item) in fold(owner):
            return f"{name}负责{_clause(work, 30)}" if after == f"负责{work}" else f"{name}负责：{_clause(work, 30)}"
        return f"{name}负责{_clause(item, 12)}：{_clause(work, 30)}"
    if len(re.sub(r"\W", "", before)) >= 2:  # "路书和每天行程铁柱你来做": the work is said before it
        return f"{name}负责{_clause(before, 30)}"
    return f"{name}负责：{_clause(piece, 30)}"


_WORK_PAUSE = pauses("，,；;")


def _work_from(text: str) -> str:
    """``text`` from its first clause that gives work: a remark on the one named before it is no step
    ("李叔你是老菜农了，收菜这件事就麻烦你，…" → "收菜这件事就麻烦你，…"); the text as it is when no later clause does."""
    cuts = [m.end() for m in _WORK_PAUSE.finditer(text)]  # (not a figure's comma: "1,000份" is one clause)
    for start in [0, *cuts]:
        part = _WORK_PAUSE.split(text[start:], maxsplit=1)[0]
        if task_probability(normalised(fold(part), [])) >= task_gate():
            return text[start:].lstrip()
    return text


_GIVEN_HEAD = cue("summary", "given_head")  # "…老猫你来负责规则" → "负责规则"
_GIVEN_VERB = cue("summary", "given_verb")  # "路书铁柱你来做" → "铁柱负责路书"


def _lead(transcript: Transcript, st: Structure) -> str:
    """The opening clause: who held the talk (and on what), or what the discussion was about. An
    anonymous label (发言人2) says nothing, so a transcribed meeting gets no lead."""
    if st.speakers and _ANON_SPEAKER.match(st.speakers[0]):
        return f"本次讨论围绕“{st.topic}”展开。" if st.topic else ""
    if st.session_type == "主讲分享" and st.speakers:
        lead = f"本场由{display_name(st.host)}主持，{st.speakers[0]}主讲" if st.host else f"本场由{st.speakers[0]}主讲"
        opening = "".join(m.text for m in transcript.messages[:12])
        if st.topic and f"《{st.topic}》" in opening:
            return lead + f"《{st.topic}》。"
        return lead + (f"，主题是{st.topic}。" if st.topic else "。")
    if st.topic:
        return f"本次话题讨论由{display_name(st.host)}发起，围绕“{st.topic}”展开。" if st.host \
            else f"本次讨论围绕“{st.topic}”展开。"
    return f"本次讨论由{display_name(st.host)}发起。" if st.host else ""


def _content_rows(sentences: list[Sentence], st: Structure, exclude_ids: set[int]) -> list[int]:
    """Sentences that carry content: no procedure, questions, housekeeping or excluded messages; in a
    talk only the speaker's own (the host's welcome and logistics are not the talk), when there are
    at least two."""
    rows = [i for i, s in enumerate(sentences) if s.msg.id not in exclude_ids and s.topical and not _asks(s.text)
            and (_finding(s.text) or not _PROCEDURAL.search(s.text) and not _HOUSEKEEPING.search(s.text))] \
        or list(range(len(sentences)))
    if st.session_type == "主讲分享":
        own = [i for i in rows if sentences[i].msg.speaker in st.speakers]
        rows = own if len(own) >= 2 else rows
    return rows


def _summary(sentences: list[Sentence], X: TfidfRows | None, st: Structure, lead: str, budget: int,
             notice_ids: set[int], qa_ids: set[int]) -> tuple[str, list[Sentence]]:
    """The lead plus the best content sentences (MMR) within the character budget; a talk's summary
    is the talk, not the Q&A."""
    rows = _content_rows(sentences, st, notice_ids | (qa_ids if st.session_type == "主讲分享" else set()))
    # a talk's summary gives its main points with their numbers; a transcribed meeting with anonymous
    # speakers is summarised for its content
    named_talk = st.session_type == "主讲分享" and bool(st.speakers) and not _ANON_SPEAKER.match(st.speakers[0])
    body = summary_sentences([sentences[i] for i in rows], max(40, budget - len(lead)),
                             X[rows] if X is not None else None, fact_boost=FACT_BOOST if named_talk else 0.0)
    texts = [_keypoint_text(s).rstrip("；;，,、：: ") for s in body]
    return lead + "".join(t if t.endswith(("。", "！", "？", "…")) else t + "。" for t in texts), body


def _outline_size(transcript: Transcript, st: Structure, max_points: int) -> int:
    """How many key points: a third of the messages, at least the talk's own numbered points, and
    in a talk roughly one per substantive turn of the speaker."""
    k = max(3, min(max_points, len(transcript.messages) // 3))
    talk = st.session_type == "主讲分享"
    enumerated = sum(1 for m in transcript.messages
                     if m.speaker in st.speakers and (_ENUM.match(m.text) or talk and _ITEM.match(m.text)))
    k = max(k, min(max_points, enumerated))
    if st.session_type == "主讲分享":
        turns = sum(1 for m in transcript.messages if m.speaker in st.speakers and len(m.text) >= 30)
        k = max(k, min(max_points, turns))
    return k


def _every_voice(chosen: list[Sentence], pool: list[Sentence], st: Structure, max_points: int) -> list[Sentence]:
    """A discussion's notes give every main voice its point (their best one not already said)."""
    have = {s.msg.speaker for s in chosen}
    for speaker in st.speakers:
        if speaker in have or len(chosen) >= max_points:
            continue
        own = [s for s in pool if s.msg.speaker == speaker and s not in chosen and len(s.text) >= 12 and s.topical
               and not _HOUSEKEEPING.search(s.text)
               and not any(_near_dup(s.text, c.text) for c in chosen)]
        if own:
            chosen.append(max(own, key=lambda s: s.score))
            have.add(speaker)
    return chosen


@dataclass
class Outline:
    """The key points of the notes and what they were picked from: ``pool`` (the content sentences that may be a
    point), ``size`` (how many points the chat is given), ``points`` (those picked, in message order)."""

    pool: list[Sentence]
    size: int
    points: list[Sentence]
    asked: set[int]  # the messages of the Q&A pairs
    notices: set[int]  # the messages of the notices a notice word marks
    no_point: set[int]  # votes, sign-offs and the guesses a sure answer replaced


def choose_points(transcript: Transcript, st: Structure, sentences: list[Sentence], X: TfidfRows | None,
                  max_points: int = 7) -> Outline:
    """The key points: the best content sentences (MMR, facts first) of the messages that are not Q&A, a marked
    notice or a vote, and in a discussion every main voice's own."""
    asked = {i for p in st.qa for i in p.sources}
    # what a notice word marks (通知：…, 下期预告) is housekeeping; an event told in passing ("书法班3月7日开课，
    # 每周六上午9点，在少年宫205教室", a coach's "第一，冬训12月6号开始…") is also what the chat is about
    notices = {m.id for m in transcript.messages
               if m.id in {i for a in st.announcements for i in a.sources} and notice_word(m.text)}
    # (a bystander's guess the sure answer replaced is no point of the notes: :func:`passed_over_guesses`)
    no_point = votes_and_sign_offs(transcript.messages) | passed_over_guesses(transcript.messages, st.qa)
    # a bare opinion with nothing to look up ("抽奖还是有意思的吧") is a reaction, no point of the notes
    prow = [i for i in _content_rows(sentences, st, asked | notices | no_point) if not bare_opinion(sentences[i].text)]
    pool = [sentences[i] for i in prow]
    size = _outline_size(transcript, st, max_points)
    chosen = mmr(pool, size, X[prow] if X is not None else None, fact_boost=FACT_BOOST)
    if st.session_type == "话题讨论":
        chosen = _every_voice(chosen, pool, st, max_points)
    if len(chosen) < size:
        chosen += _facts_left_out(sentences, pool, chosen, st, asked | notices | no_point, size - len(chosen))
    return Outline(pool, size, sorted(chosen, key=lambda s: s.msg.id), asked, notices, no_point)


_LIST_NUMBER = re.compile(r"(?<![\d.．])\d{1,2}[.．、](?!\d)")  # "1." "2、" numbering the items of a list


def _figure_count(sentence: str) -> int:
    """The figures, times, amounts and titles of ``sentence`` (``fact_marks``), not the numbers of its list items: a
    接龙 reply "接龙：1.小桃 2.菜刀" holds none."""
    return len(cue("fact_marks").findall(fold(_LIST_NUMBER.sub(" ", sentence))))


def _facts_left_out(sentences: list[Sentence], pool: list[Sentence], chosen: list[Sentence], st: Structure,
                    exclude_ids: set[int], room: int) -> list[Sentence]:
    """Up to ``room`` fact-dense sentences (:data:`LEFT_OUT_FACTS` figures, times, amounts or more) the content filters
    passed over, best first, for the slots of an outline its pool could not fill: a plan put to the group as a question
    ("报名费每人30元，上午8点到11点，大家看行不行"), a side line with a number to pay to — what a member who missed the chat
    looks up, with room for it. Never a Q&A, notice or vote line (``exclude_ids``), chatter, a member's own errand or
    a repeat of a point."""
    taken = {id(s) for s in pool}
    talk = st.session_type == "主讲分享" and bool(st.speakers)
    left = [s for s in sentences if id(s) not in taken and s.msg.id not in exclude_ids and s.msg.id not in st.chatter
            and _figure_count(s.text) >= LEFT_OUT_FACTS
            and (not talk or s.msg.speaker in st.speakers)  # (a talk's points are the speaker's, not the host's welcome)
            and not (s.msg.speaker != st.host and st.session_type == "话题讨论" and own_life(s.msg.text))]
    out: list[Sentence] = []
    for s in sorted(left, key=lambda s: -s.score):
        if len(out) >= room:
            break
        if not any(_near_dup(s.text, c.text) for c in chosen + out):
            out.append(s)
    return out


def _quotes(pool: list[Sentence], points: list[Sentence], st: Structure) -> list[Quote]:
    """Up to two short, strong sentences not already used, never housekeeping, logistics or a question."""
    used = {id(s) for s in points}
    housekeeping = {i for a in st.actions for i in a.sources} | {i for a in st.announcements for i in a.sources} \
        | {i for d in st.decisions for i in d.sources}
    candidates = [s for s in pool if id(s) not in used and 10 <= len(s.text) <= 40 and s.topical
                  and (st.session_type == "话题讨论" or s.msg.speaker in st.speakers)
                  and s.msg.id not in housekeeping and not _LOGISTICS.search(s.text)
                  and not is_question(s.text)  # a question asks, it is nobody's memorable line
                  and not any(_near_dup(s.text, p.text) for p in points)]
    if candidates:  # a quote must be among the stronger sentences, not whatever is left over
        floor = float(np.median([s.score for s in pool])) if pool else 0.0
        candidates = [s for s in candidates if s.score >= 0.6 * floor]
    return [Quote(text=s.text, speaker=s.msg.speaker, sources=[s.msg.id])
            for s in sorted(candidates, key=lambda s: -s.score)[:2]]


def _safety_points(sentences: list[Sentence], people: People) -> list[tuple[Sentence, str]]:
    """Each sentence of a safety instruction put to one member (the message opens with their @ or bare name, and
    the sentence names a protective step, cue summary.safety: "@阿强 清滤网之前先关阀泄压，再断电挂锁") with that
    member: what must not be lost from the notes, however it ranks."""
    out: list[tuple[Sentence, str]] = []
    for s in sentences:
        m = s.msg
        if not cue("summary", "safety").search(fold(s.text)) or is_question(s.text):
            continue
        lead = people.lead(m.text)
        if not lead:  # (the @ stripped by a copy: the one participant whose bare name opens the message)
            lead = [who for at, _, who in people.named_in(m.text.lstrip("@ \t")) if at == 0][:1]
        if len(lead) == 1 and lead[0] not in ("大家", m.speaker) and lead[0] in people.speakers:
            out.append((s, lead[0]))
    return out


def _key_point(s: Sentence) -> KeyPoint:
    return KeyPoint(text=_keypoint_text(s), sources=[s.msg.id], speaker=s.msg.speaker, time=s.msg.clock or None)


def _with_safety(points: list[KeyPoint], safety: list[tuple[Sentence, str]], people: People) -> list[KeyPoint]:
    """``points`` with every safety instruction to a member (``safety``: :func:`_safety_points`) kept: joined to the
    point of its own message when there is one, else a point of its own naming the member — in message order."""
    out = list(points)
    for s, member in safety:
        text = _keypoint_text(s)
        same = next((p for p in out if fold(text) in fold(p.text)), None) \
            or next((p for p in out if p.sources == [s.msg.id]), None)
        if same is None:
            same = _key_point(s)
            out.append(same)
        elif fold(text) not in fold(same.text):
            same.text = f"{same.text.rstrip()}{'' if same.text.rstrip()[-1:] in '。！!；;' else '。'}{text}"
        if not any(who == member for _, _, who in people.named_in(same.text)):
            same.text = f"@{member} {same.text}"  # (the member it is put to, when the point does not name them)
    return sorted(out, key=lambda p: p.sources[0] if p.sources else 0)


_CLAUSE_END = pauses("，,；;。！!？?")


def _named_me(text: str, name: str) -> str:
    """``text`` with the speaker's ``name`` told after the 我 a hand-over or contact word takes ("…把3500元转给我，名额12位" →
    "…把3500元转给我（我＝阿芳），名额12位": the words stay as said, the reader learns who); as it is when its folding changes its
    length (no position to map back) or the name is already told there."""
    folded = fold(text)
    if len(folded) != len(text):
        return text
    told = f"（我＝{name}）"
    for m in reversed(list(cue("owner", "me_object").finditer(folded))):
        # (at the end of its clause: the words as said stay whole, "私聊我报名" is not split)
        end = next((p.start() for p in _CLAUSE_END.finditer(text, m.end())), len(text))
        if not text[end:].startswith(told):
            text = f"{text[:end]}{told}{text[end:]}"
    return text


def _settling_ids(transcript: Transcript) -> set[int]:
    """The messages with a settling word (cue ``decision.strong``): what :func:`settled_tail` prefers as the outcome."""
    return {m.id for m in transcript.messages if cue("decision", "strong").search(fold(m.text))}


def _me_named(st: Structure, transcript: Transcript) -> Structure:
    """``st`` with each to-do for someone else and each notice saying who its 我 is: a member reading "大家：要去的人
    11月30日前把3500元转给我" cannot tell who to pay ("…转给我（我＝阿芳）"). Only items whose cited messages are all one speaker's, and
    not the speaker's own work ("我周四前把表格发给你" keeps its 我)."""
    senders = {m.id: m.speaker for m in transcript.messages}

    def speaker(sources: list[int]) -> str | None:
        said = {senders.get(i) for i in sources}
        return next(iter(said)) if len(said) == 1 else None

    actions = []
    for a in st.actions:
        sp = speaker(a.sources)
        if sp and a.owner != sp and (name := display_name(sp)):
            a = a.model_copy(update={"task": _named_me(a.task, name)})
        actions.append(a)
    notices = []
    for n in st.announcements:
        sp = n.speaker or speaker(n.sources)
        if sp and (name := display_name(sp)):
            n = n.model_copy(update={"text": _named_me(n.text, name)})
        notices.append(n)
    return replace(st, actions=actions, announcements=notices)


def _listed_elsewhere(s: Sentence, st: Structure) -> bool:
    """Whether point ``s`` is, word for word, a decision or the speaker's own to-do of its own message ("那就定了：下周六
    晚上7点…", "今晚的PPT我明天中午前发到群文件。"): the notes list it there. Not work read as given to others: a speaker's tip
    to everyone ("忘了晒太阳怎么办：…上午10点前晒20分钟", once given to 大家, once to a misread "小腿") is the talk's point."""
    said = fold(_keypoint_text(s)).rstrip("。！!；;，, ")
    return len(said) >= 6 and (
        any(s.msg.id in d.sources and said in fold(d.text) for d in st.decisions)
        or any(s.msg.id in a.sources and a.owner == s.msg.speaker and said in fold(bare_task(a.task)) for a in st.actions))


def summarize_offline(transcript: Transcript, structure: Structure | None = None, *,
                      summary_chars: int | None = None, max_points: int = 7) -> Notes:
    """Extractive notes for ``transcript`` (TextRank + MMR + pattern rules), fully cited.

    Steps: rank sentences → lead → summary → outline (key points) → discussion voices → quotes.
    """
    st = _me_named(structure or analyze(transcript), transcript)
    people = People.of(transcript.messages)
    sentences = candidate_sentences(transcript, st, people)
    X = textrank(sentences)
    total_chars = sum(len(m.text) for m in transcript.messages)
    budget = summary_chars or int(min(SUMMARY_MAX, max(80, total_chars * SUMMARY_SHARE)))
    lead = _lead(transcript, st)
    outline = choose_points(transcript, st, sentences, X, max_points)
    qa_ids, notice_ids, no_point = outline.asked, outline.notices, outline.no_point
    summary, body = _summary(sentences, X, st, lead, budget, notice_ids | no_point, qa_ids)
    summary_sources = sorted({s.msg.id for s in body})

    point_pool, points = outline.pool, outline.points
    if st.session_type == "话题讨论":
        told = discussion_summary(lead, st, points, point_pool, sentences, _settling_ids(transcript),
                                  senders={m.id: m.speaker for m in transcript.messages},
                                  skip=no_point | _yes_answers(transcript.messages, qa_ids),
                                  people=people)
        if told is not None:
            summary, summary_sources = told
    elif st.speakers and not _ANON_SPEAKER.match(st.speakers[0]) and len(points) >= 3:
        # (what it settled only when it settled something: an admin's fee notice after a talk is no outcome of it)
        tail = settled_tail(st, _settling_ids(transcript), {m.id: m.speaker for m in transcript.messages}, people) \
            if st.decisions else ("", [])
        summary, summary_sources = talk_summary(lead, points, tail=tail)
    if st.session_type == "主讲分享":  # a talk's decision and to-do lines are listed under 决定 and 待办, not again as points
        points = [s for s in points if not _listed_elsewhere(s, st)]
    safety = _safety_points(sentences, people)
    key_points = _with_safety([_key_point(s) for s in points], safety, people)
    for kp in key_points:  # a point a named change rewrote ("早上9:30北河街街市門口集合") cites the change too
        kp.sources += _changed_by(kp.sources, st.restated, kp.text)
    summary_sources += [i for i in _changed_by(summary_sources, st.restated) if i not in summary_sources]
    return Notes(
        title=_title(transcript, st, points, people),
        date=transcript.date,
        date_end=transcript.date_end,
        group=transcript.group,
        session_type=st.session_type,
        speakers=st.speakers,
        host=st.host,
        summary=summary,
        summary_sources=summary_sources,
        key_points=key_points,
        qa=st.qa,
        decisions=st.decisions,
        actions=[_told_todo(a) for a in st.actions],
        announcements=st.announcements,
        quotes=_quotes(point_pool, points + [s for s, _ in safety], st),  # (kept: no quote)
        message_count=len(transcript.messages),
        dropped_count=len(transcript.dropped),
    )

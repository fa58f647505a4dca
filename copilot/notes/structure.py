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

from dataclasses import dataclass, field, replace

from copilot.notes.corrections import Restated, figure_kinds, restated_figures, restating, without_figures
from copilot.notes.cues import cue, has, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import (
    event_days,
    time_spans,
    with_assumed_days,
)
from copilot.notes.deciding import (
    _asked_matter,
    _called_off_earlier,
    _conceded,
    _merge_decisions,
    _reacted_yes,
    _reverted,
    _speaker_of,
    _suggestions_settled,
    _talk_tip,
    _told_next,
    _vote_settled,
)
from copilot.notes.handovers import (
    _CLAUSE,
    _all_due,
    _calls_off,
    _contingency_only,
    _due_as_told,
    _event_due,
    _first_word,
    _grants_own_share,
    _names_work,
    _night_due,
    _offer_only,
    _retimers,
    _taken_on,
    _told_not_settled,
    _told_then_taken,
    _vote_closed,
    calls_for_help,
)
from copilot.notes.model import ActionItem, Announcement, Decision, Message, QAPair, SessionType, Transcript, positions
from copilot.notes.pairing import _clean, find_qa
from copilot.notes.reading import (
    _CLAUSE_WHOLE,
    RUNS_SHARE,
    SHORT_ASIDE,
    People,
    _aside_yeses,
    _host,
    _personal_exchanges,
    _spoken_to,
    _summed_up_for,
    _taken_up,
    _to_a_peer,
    chat_runner,
    chatter_lines,
    classify,
    find_invitation,
    find_topic,
    is_question,
    off_matter,
    opening_question,
    own_asks,
    relevant,
    side_exchanges,
    speaker_share,
    topic_words,
)
from copilot.notes.rosters import find_rosters
from copilot.notes.todos import find_actions, hands_on_by_name, takes_own_work


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
        # (a line that set itself right is marked where it takes its value back: corrections._taken_back)
        kept = "；".join(x for x in (p if _fold(p).strip() in _fold(fix.by.text) and not fix.inline
                                    else without_figures(p, fix)
                                    for p in text.split("；")) if x)
        # every clause restated ("門票每位六十蚊 星期五前轉數俾阿欣" after "更正：…每位四十五蚊唔係六十"): the
        # correction's clauses on its subject say what now holds
        text = kept or restating(text, fix)
    return text


def _set_right_days(actions: list[ActionItem], fixes: dict[int, Restated]) -> list[ActionItem]:
    """A to-do whose day its speaker's own correction set right, when that correction is a to-do of the same work's
    owner with its due day ("影本元旦前交给我" … "对不起我打错了 是12月15日前交给我"): one to-do, in the member's
    words with the new day beside them ("（已改：12月15日前）"), due then and citing the correction — not two."""
    gone: set[int] = set()
    for a in actions:
        fix = fixes.get(a.sources[0]) if a.sources else None
        if fix is None or "day" not in fix.kinds or fix.slot or id(a) in gone or raw("changed_mark") in a.task:
            continue
        twin = next((b for b in actions if b is not a and id(b) not in gone and b.sources and b.sources[0] == fix.by.id
                     and b.deadline and b.deadline_text and b.owner == a.owner), None)
        if twin is None or twin.deadline == a.deadline:
            continue
        a.task = f"{a.task}（{raw('changed_mark')}{twin.deadline_text}）"
        a.deadline, a.deadline_text = twin.deadline, twin.deadline_text
        a.sources.append(fix.by.id)
        gone.add(id(twin))
    return [a for a in actions if id(a) not in gone]


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
        if fix.inline or fix.kinds & set(raw("word_values")) and fix.by.id not in d.sources:
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
    at = positions(messages)
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


def _turned_down(p: QAPair, messages: list[Message]) -> bool:
    """Whether ``p`` pairs a call for help (:func:`~copilot.notes.handovers.calls_for_help`: "周日谁有空去仓库搬猫粮？",
    "邊個識彈琴？") with a member turning it down and taking nothing on: its answer's first clause declines (cue
    ``reply.turns_down``, ``owner.declines``, ``owner.cannot``: "我周日不在，要加班", "我唔識彈喎，不過可以幫手派歌紙",
    "我不一定去得了，看情况"), or a later clause does and none offers ("我嗰日要返工，嚟唔到"). "我来，不过周六不在"
    takes it on."""
    q = next((m for m in messages if p.sources and m.id == p.sources[0]), None)
    if q is None or q.speaker == p.answerer or not calls_for_help(q.text):
        return False
    clauses = [c for c in _CLAUSE.split(_fold(p.answer)) if c.strip()]
    declines = [has(c, "reply", "turns_down") or has(c, "owner", "declines") or has(c, "owner", "cannot") for c in clauses]
    return bool(clauses) and (declines[0] or any(declines) and not any(_offer_only(c) for c in clauses))


def _taken_pairs(actions: list[ActionItem], messages: list[Message], paired: list[QAPair]) -> dict[int, QAPair]:
    """Each call for help a member took on, by its asking line: the to-do cites a "谁…" call put by someone else
    (:func:`~copilot.notes.handovers.calls_for_help`: "周六谁能去接一下张阿姨？", "音箱谁带？", not an assignment put to
    one member, "急救包阿詩你帶…" — "OK") and its owner's later line taking it ("我去，上午都在家", "我带吧", "我嚟",
    "交俾我"), and is read as a question answered as well — the pairing's own pair when it gave the question that
    answerer, else the question and the taker's first line. A refusal ("我周六不在") takes nothing and makes no
    to-do, an offer no one asked for ("我可以帮忙搬东西") cites no question: neither is paired here."""
    by_id = {m.id: m for m in messages}
    out: dict[int, QAPair] = {}
    for a in actions:
        q = by_id.get(a.sources[0]) if len(a.sources) > 1 else None
        if q is None or q.id in out or q.speaker == a.owner or not calls_for_help(q.text) \
                or "?" not in _fold(q.text) and cue("action", "whoever").match(_fold(q.text)):
            continue  # ("谁要是想去，这周五之前在群里接龙" — "我去": a condition on who, told to the group, asks nothing)
        took = next((by_id[i] for i in a.sources[1:] if i in by_id and i > q.id and by_id[i].speaker == a.owner
                     and not is_question(by_id[i].text)), None)
        # (the taker's line takes on the call itself: its first clause only offers ("我去，上午都在家", "交俾我，…"), or
        # it is on the call's words — not other work it names: "垃圾袋谁来准备？" — "我来负责拍照和写简报")
        if took is None or not (_offer_only(_CLAUSE.split(took.text)[0]) or relevant(q.text, took.text, by_kind=False)):
            continue
        own = next((p for p in paired if p.sources and p.sources[0] == q.id and p.answerer == took.speaker), None)
        out[q.id] = own or QAPair(question=_clean(q.text), asker=q.speaker, answer=_clean(took.text),
                                  answerer=took.speaker, sources=[q.id, took.id])
    return out


def _header_only(text: str) -> bool:
    """A notice that is only a list's header ("几个通知：", "说两件事"), its items given in later messages."""
    f = _fold(text).strip()
    m = cue("announcement", "list_header").search(f)
    return m is not None and not any(ch.isalnum() for ch in f[:m.start()])


def _advice_to_asker(qa: list[QAPair], by_id: dict[int, Message], people: People) -> frozenset[int]:
    """Answer lines that speak to the asker alone by @ or name and take no work on themselves ("@小林 那就把相机搁在栏杆
    上"; not "@小林 我去摄影社帮你借", :func:`takes_own_work`): advice to one member, which settles nothing for the
    group."""
    out: set[int] = set()
    for p in qa:
        if len(p.sources) != 2 or not p.asker or p.answerer in (None, p.asker):
            continue
        a = by_id.get(p.sources[1])
        if a and _spoken_to(a, people) == [p.asker] and not takes_own_work(a.text):
            out.add(a.id)
    return frozenset(out)


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
    # (or when its speaker took another member's change up: corrections._taken_change)
    own_fixes = {i: f for i, f in restated.items() if f.by.speaker == said_by.get(i) or f.taken}
    actions = _set_right_days(actions, own_fixes)
    for a in actions:
        a.task = _final_state(a, own_fixes) or a.task
    for n in announcements:
        n.text = _final_state(n, restated)
    _cite_changes([*actions, *announcements], restated)
    # (a list's header alone — "几个通知：" with its items in the next message — announces nothing)
    announcements = [n for n in announcements if n.text and not _notice_called_off(n, msgs, people)
                     and not _header_only(n.text)]
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
    taken_qa = [p for p in paired if any(set(p.sources) <= t for t in taken)]
    # (…and the same call is a question answered too, listed under Q&A with the taker as its answerer:
    # :func:`_taken_pairs`)
    asked = _taken_pairs(actions, msgs, paired)
    qa = [p for p in paired if not any(set(p.sources) <= t for t in taken) and not (p.sources and p.sources[0] in asked)]
    qa = sorted(qa + list(asked.values()), key=lambda p: p.sources[:1]) if asked else qa
    # (a call for help only turned down — "周日谁有空去搬猫粮？" — "我周日不在，要加班" — was answered by no one)
    qa = [p for p in qa if not _turned_down(p, msgs)]
    # who runs the chat: the host or its main voice, and whoever gives work to someone else
    organisers = {r} if (r := chat_runner(host, list(share))) else set()
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
    at = positions(msgs)
    spared = frozenset(i for a in actions for i in a.sources) | frozenset(i for d in decisions for i in d.sources) \
        | _taken_up(msgs, decisions, at)
    talk = chatter_lines(msgs, spared | frozenset(m.id for m in msgs if m.speaker in organisers))
    # a pair is chatter when all of it is, or when its question is and no organiser answers it
    # ("小区门口新开了家面包店，有人去过吗" — a member's "去过，…不错"): then so is its answer
    side = [p for p in qa if set(p.sources) <= talk or p.sources and min(p.sources) in talk
            and p.answerer not in organisers]
    # (and a member's own invitation or favour answered by another member: "有没有人明晚一起去夜市" — "去不了")
    invites, invited = own_asks(msgs, [p for p in qa if p not in side], organisers | answering)
    talk |= (frozenset(i for p in side for i in p.sources) | invited) - spared
    chatter |= talk
    qa = [p for p in qa if p not in side and p not in invites]
    # an answer put to the asker alone is advice to them, not the group's decision ("没有三脚架怎么办？" — "@小林 那就把
    # 相机搁在栏杆上"). (Its to-dos stay: dropping the answerer's undated ones too lowered owners on tuning, blind and
    # blind5 — "@小魚 可以，…跟師傅確認尺寸" and the like hand out real work; round 81)
    advice = _advice_to_asker(qa, by_id, people)
    decisions = [d for d in decisions if not (len(d.sources) == 1 and d.sources[0] in advice)]
    # (a line of the speaker's own trip that hands a work on by name is no life news for the one it names: "我下周二去
    # 广州出差，签到表交给阿梅吧")
    actions = [a for a in actions if (a.deadline or not (a.sources and set(a.sources) <= asides))
               and not (a.sources and a.sources[0] in own and not (
                   a.owner and a.owner != by_id[a.sources[0]].speaker
                   and hands_on_by_name(by_id[a.sources[0]].text, a.owner, people)))
               and not (a.sources and set(a.sources) <= (aside.unrelated if a.deadline else off))]
    actions = _all_due(actions, msgs)
    _taken_on(actions, msgs, people)
    _told_then_taken(actions, msgs, people)
    days = event_days([(m.text, m.time) for m in msgs])
    _due_as_told(actions, msgs, days)  # (before the event's day: the time the work was told with)
    _event_due(actions, msgs, days)  # after the asides: no date of its own
    _night_due(actions, msgs)
    announcements = [a for a in announcements if not (a.sources and set(a.sources) <= asides | own | talk | off)
                     and not (session == "主讲分享" and _talk_tip(a, msgs, speakers))]
    decisions = [d for d in decisions if not (d.sources and set(d.sources) <= asides | off)]
    decisions = _merge_decisions(_vote_settled(_called_off_earlier(_reverted(_conceded(_suggestions_settled(_asked_matter(_told_next(decisions, msgs), msgs), msgs), msgs), msgs), msgs), msgs))
    at_line = positions(msgs)
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

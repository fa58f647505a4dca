"""Who ends up owning a task and by when: hand-overs, declines and take-overs, re-timed work, and deadlines a
later line gives (owners settled after every to-do is read).

Part of the notes structure finder (:mod:`copilot.notes.structure`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from copilot.notes.corrections import _CHANGE_CLAUSE, _HANDING_CLAUSE, _unquoted
from copilot.notes.cues import cue, has, interrogative, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import (
    Deadline,
    clock_of,
    done_at_event,
    find_deadline,
    in_message_week,
    minutes_of,
    moved_from,
    night_work,
    off_schedule,
    other_matter,
    says_day_part,
    says_soon,
    small_hours,
    time_expressions,
    time_words,
    weekdays_named,
    without_times,
)
from copilot.notes.deciding import (
    _ack_only,
    _acknowledges,
    _add_decision,
    _agreed,
    _agreed_change,
    _closes_agreed,
    _decides,
    _handed_to,
    _has_verb,
    _matter_words,
    _notice_terms,
    _puts_up,
    _recap_item,
    _reports_agreement,
    _said_before_work,
    _standing_rule,
    _told_before_asking,
)
from copilot.notes.model import ActionItem, Announcement, Decision, Message, positions
from copilot.notes.owners import (
    name_shaped,
)
from copilot.notes.pairing import (
    _SHORT_YES_NO,
    _announcement_kind,
    _clean,
    _picks_side,
    _recap,
    _ungreeted,
    event_notice,
    items,
)
from copilot.notes.reading import (
    _AT,
    _CLAUSE,
    _CLAUSE_WHOLE,
    _LEAD_MENTIONS,
    _NUMBER,
    _QWORDS,
    _SEMICOLON_GAP,
    _STOPS,
    NOTICE_REACH,
    People,
    _asked_words,
    _content_bigrams,
    _function_tags,
    _name_parts,
    _own_day,
    _pronoun_tags,
    _says_yes,
    _shares_content,
    _spoken,
    _spoken_to,
    asks,
    display_name,
    introduces,
    is_question,
    personal,
    relevant,
    words,
)
from copilot.notes.rosters import Roster, roster_actions
from copilot.notes.shares import share_actions
from copilot.textnorm import word_class


# -- to-dos -------------------------------------------------------------------------------------------
@dataclass
class _Clause:
    text: str
    owner: str | None = None
    kind: str = ""  # how the owner was found
    owner_text: str = ""  # the clause that named the owner
    p: float = 0.0  # the owner model's confidence


@lru_cache(maxsize=65536)
def _due(f: str) -> bool:
    """Whether ``f`` (folded) says a "…前" time. Remembered: the owner rules ask it of the same sentence for each of
    its clauses, and a long message is one sentence of dozens of clauses (round 59, d00b59)."""
    deadline = find_deadline(f, None)
    return deadline is not None and deadline.marked
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


def _marked(action: ActionItem, m: Message) -> bool:
    """Whether a to-do's time is a deadline ("周五前", "25号截止"), not just a time ("周五")."""
    return bool(action.deadline_text) and any(d.marked for d in time_expressions(action.deadline_text or "", m.time))


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
    at = positions(messages)
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
            eased = None
            if (m.speaker in (giver, a.owner) or _relays(f, (giver, a.owner), people)) and moved_from(f) is not None:
                # the clause with the change word: the work named before it ("登记表改成周二前"), the time after it
                # (of several change clauses, the one naming most of the work: "那清理日改到12月20日，大家搬东西的截止也
                # 顺延到12月19日前" re-times 搬东西 by its second clause; the first of equals)
                moving = [c for c in _CHANGE_CLAUSE.split(f) if cue("moved").search(c)]
                clause = max(moving, key=lambda c: _work_named(c, work, people), default="")
                change = cue("moved").search(clause)
                topic = _change_topic(clause[:change.start()], people) if change is not None else set()
                names_work = _topic_hits(topic, work) or _retakes(a, actions, messages, k, at)
                if change is None or not (names_work
                                          or _owner_told(a.owner, m.text, f, f.find(clause) + len(clause), work, people)
                                          or (asked := _asked_by_party(a, actions, messages, k, people,
                                                                       not topic and not _task_words(f, people) & work))) \
                        or (not names_work and _topic_elsewhere(a, topic, actions, gone | _made_by(actions, m.id),
                                                                people)):
                    continue
                said = _change_said(f, clause, change.start(), m)
            # ("茶歇不着急，下周一之前订好就行": the work named before 不急, its time after)
            elif not ((eased := _eased_said(f, m.speaker, giver, a, people)) is not None
                      or m.speaker == a.owner and has(f, "action", "retime_self")
                      and any(len(w) > 1 for w in _task_words(f, people) & work)):
                continue
            said = eased or said
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
    at = positions(messages)
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


def _eased_said(f: str, speaker: str, giver: str, a: ActionItem, people: People) -> str | None:
    """What a line easing the time of ``a`` says after its 不急 (``action.retime_relaxed``: "茶歇不着急，下周一之前订好就行"),
    said by the one who gave the work or its owner (or relayed from them), naming the work right before 不急; else None."""
    relaxed = cue("action", "retime_relaxed").search(f)
    if relaxed is None or not (speaker in (giver, a.owner) or _relays(f, (giver, a.owner), people)):
        return None
    return f[relaxed.end():] if _eased_work(_CHANGE_CLAUSE.split(f[:relaxed.start()])[-1].strip(), a) else None


def _eased_work(topic: str, a: ActionItem) -> bool:
    """Whether the words right before 不急 (``action.retime_relaxed``: "茶歇不着急", "磁磚不急") name the work of ``a``:
    their last two characters or more, as written in its first part (jieba cuts 茶歇 to nothing of use)."""
    work = _fold(_unquoted(bare_task(_first_part(a))))
    return any(topic[i:] in work for i in range(len(topic) - 1))


def _change_said(folded: str, clause: str, at: int, m: Message) -> str:
    """What a change clause says from its change word on, or, when no time is in it, the rest of the line:
    "脚本提前一点，12月3日前给我" moves the script to the time the next clause gives."""
    said = clause[at:]
    if find_deadline(said, m.time, strict=False) is None:
        return folded[folded.find(clause) + at:]
    return said


def _retakes(a: ActionItem, actions: list[ActionItem], messages: list[Message], k: int, at: dict[str, int]) -> bool:
    """Whether ``messages[k]`` opens by taking back what its speaker just said (cue ``take_back``, read as if the line
    went on from theirs: "不对，周五我要报保险名单，改成周四前交", "啊不對，週三要送印，改成週二前") and ``a`` is the
    last dated to-do that speaker gave before it, within ``moved_reach`` lines: the change re-times that work though
    it names none of it (the old deadline is not kept beside the new one as a second to-do)."""
    m = messages[k]
    if not cue("take_back").match("，" + m.text.lstrip()):
        return False
    given = [(at[b.sources[0]], b) for b in actions if b.deadline and b.sources and b.sources[0] in at
             and at[b.sources[0]] < k and messages[at[b.sources[0]]].speaker == m.speaker]
    if not given:
        return False
    first, last = max(given, key=lambda x: x[0])
    return last is a and k - first <= int(raw("moved_reach"))


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
    at = positions(messages)
    for a in actions:
        i = at.get(a.sources[0]) if a.sources else None
        if i is None or i >= moved[-1] or not a.deadline_text or events[i] in (None, final) \
                or messages[i].time is None:
            continue
        then = find_deadline(a.deadline_text, messages[i].time, strict=False, event=events[i], meeting=meetings[i])
        now = find_deadline(a.deadline_text, messages[i].time, strict=False, event=final, meeting=meetings[i])
        if then is not None and now is not None and now.iso != then.iso and then.iso == a.deadline and now.iso:
            a.deadline = now.iso


def _settled_week(actions: list[ActionItem], messages: list[Message]) -> None:
    """「那就定下周二上午和下周六上午」 then 「周二老邓和阿蕾去刘奶奶家，周六小蒋和我去周奶奶家」: a to-do's bare weekday
    (no week word, no 前) is the day a line shortly before (``action.settled_week_reach`` messages, or its own)
    named for that weekday with its week word, when that day is exactly one week after the bare reading — the week
    the chat settled, not this one. A weekday this week named in those lines (这周四) keeps the bare reading, and so does
    a due time ("周四前", "最晚周四": time.yaml deadline_lead_marks) — work leading up to the settled day."""
    reach = int(raw("action", "settled_week_reach"))
    at = positions(messages)
    for a in actions:
        if not a.deadline or not a.deadline_text or not a.sources or a.sources[0] not in at:
            continue
        named = weekdays_named(a.deadline_text)
        if len(named) != 1 or any(named[0]):
            continue
        j = at[a.sources[0]]
        # (a due time with its lead word, "最晚周四给大家" before Thursday week's open day: this week's, left alone)
        if any(w in _fold(messages[at[i]].text) for i in a.sources if i in at for w in time_words("deadline_lead_marks")):
            continue
        try:
            bare = date.fromisoformat(a.deadline[:10])
        except ValueError:
            continue
        told = {d.day for o in messages[max(0, j - reach):j + 1] if o.time is not None
                for d in time_expressions(o.text, o.time)
                if d.day is not None and not d.marked and d.day.isoweekday() == bare.isoweekday()
                and [w for w, _ in weekdays_named(d.text)] == [True]}
        if told == {bare + timedelta(days=7)}:
            a.deadline = (bare + timedelta(days=7)).isoformat() + a.deadline[10:]


def _event_clock(messages: list[Message], upto: int, event: date) -> int | None:
    """The hour (minutes after midnight) of the event on ``event``, from the first message up to ``upto`` that names
    that day (not as a due time) with an hour beside it: "年终联欢会定在12月5日（周六）下午2点" → 14:00."""
    for o in messages[:upto + 1]:
        if o.time is None or o.time.year <= 1900:
            continue
        found = [d for d in time_expressions(o.text, o.time, event) if not d.marked]
        if any(d.day == event and not d.hour_only for d in found):
            hours = [d.clock for d in found if d.clock and d.day == event]
            if hours:
                return minutes_of(hours[0])
    return None


def _before_event_hour(actions: list[ActionItem], messages: list[Message], events: list[date | None]) -> None:
    """"年终联欢会定在12月5日（周六）下午2点" … "小郑和阿杰负责布置，布置的事1点半前弄好就行": a to-do setting up for the
    event (time.yaml ``event_setup``) due by a bare hour (no day word in its line) within ``action.event_lead_hours``
    before the event's own hour is due on the event's day — the last preparation before it starts — not on the day
    it was said. The hour is read either side of noon (1点半 → 13:30 before a 2 pm start, 8点半 → 08:30 before a
    9 o'clock opening) unless the line says which; an hour that fits neither keeps its reading, and so does work
    that is no setting up ("报名表12点前发我")."""
    lead = int(float(raw("action", "event_lead_hours")) * 60)
    at = positions(messages)
    for a in actions:
        j = at.get(a.sources[0]) if a.sources else None
        if j is None or not a.deadline or len(a.deadline) <= 10 or not a.deadline_text or events[j] is None:
            continue
        m, event = messages[j], events[j]
        if m.time is None or m.time.year <= 1900 or event <= m.time.date() + timedelta(days=1) \
                or not any(w in _fold(m.text) for w in time_words("event_setup")):
            continue
        said = [d for d in time_expressions(m.text, m.time) if d.iso == a.deadline]
        if not said or not all(d.hour_only and d.marked and _fold(d.text) in _fold(a.deadline_text) for d in said):
            continue
        start, said = _event_clock(messages, j, event), minutes_of(a.deadline[11:16])
        if said is None:
            continue
        # (a line that says which half of the day, "下午1点半前", keeps it)
        readings = [said] if says_day_part(a.deadline_text) else [said % (12 * 60), said % (12 * 60) + 12 * 60]
        fit = [r for r in readings if start is not None and 0 < start - r <= lead]
        if fit:
            a.deadline = f"{event.isoformat()} {clock_of(fit[0])}"


def _countered(actions: list[ActionItem], messages: list[Message], events: list[date | None],
               meetings: list[date | None]) -> None:
    """A later time the owner asks for and the one who gave the work accepts is the to-do's time: "布置方案周三前发我"
    … the owner "周三赶不及…改到周五前行吗" … the giver "行，那就周五前" (or "可以，那就下周一（12月7日）").
    The owner's line must be a question within ``action.counter_reach`` lines of the to-do, with a day later than the
    to-do's; the giver's yes (``owner.accepts``) must come within ``owner.accept_window`` lines of it. The yes's own
    time, when it says one, wins; else the time asked for."""
    at = positions(messages)
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
    at = positions(messages)
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
    at_msg = positions(messages)
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
        _merge(actions, _with_named_share(volunteered, m))
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


def _with_named_share(volunteered: ActionItem, m: Message) -> ActionItem:
    """A volunteer's reply that names what it takes on beside its offer ("球谁带？" — "我带两筒，上周刚买的", "海报这个我
    包了"): the to-do holds the reply's first clause after the call, since the thing named is the work; a bare offer
    ("我来吧", "好的我来") or one naming only the call's own things adds nothing."""
    said = _CLAUSE.split(m.text.strip())[0].strip()
    f = _spoken(said)
    offer = _takes_on(f)
    if offer is None:
        return volunteered
    things, _ = _call_words(f[:offer.start()] + f[offer.end():])
    if things and not things & _call_words(volunteered.task)[0] and _fold(said) not in _fold(volunteered.task):
        volunteered.task = f"{volunteered.task}；{said}"
    return volunteered


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
    if kind == "下期预告" and (has(f, "action", "given_due") or "?" in f or has(f, "question", "anywhere")):
        # "@小林 你下周三前把分享大纲发我": work given, not the next session told; "下次分享可以讲讲消防检查吗": a member
        # asking for a subject, which only the host's answer makes the next session (asked outright: a question mark
        # or 吗/请问 — not an embedded "讲减字谱怎么读", which names the next lesson)
        kind = None
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


def _all_due(actions: list[ActionItem], messages: list[Message]) -> list[ActionItem]:
    """A line that puts all the work before one day (cue ``action.all_due``: "所有准备工作12月25日前都要弄完") is no
    to-do of its own: its day is the due date of every to-do given from it on that states no time of its own."""
    at = positions(messages)
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


def _handed_offer(a: ActionItem, messages: list[Message], at: dict[int, int]) -> bool:
    """"录像我来 我有云台" … "那录像改由俊杰爸爸负责": an offer of one's own (cue action.volunteer after the work's name)
    handed to another member by a later line that joined the to-do's sources (cue owner.reassigned_to) is the new
    owner's promise as much as it was the first one's."""
    lines = [messages[at[s]] for s in a.sources if s in at]
    if len(lines) < 2:
        return False
    first = _fold(lines[0].text)
    i = first.find("我")
    return i >= 0 and cue("action", "volunteer").match(first[i:]) is not None \
        and any(cue("owner", "reassigned_to").search(_fold(o.text)) for o in lines[1:])


def _event_due(actions: list[ActionItem], messages: list[Message], events: list[date | None]) -> None:
    """A to-do with no time of its own, taken on while an event is ahead, for work done at the event
    ("医药箱我来带" for Saturday's match), is due on that event's day: the day the chat names for it (so
    the date is grounded). Not work sent or handed in before it ("你把名字发给李大爷就行"), nor one
    whose own time could not be dated ("海报出来后两天内") nor one put a moment away ("一会发")."""
    at = positions(messages)
    for a in actions:
        i = at.get(a.sources[0]) if a.sources else None
        if a.deadline is not None or a.deadline_text or i is None or messages[i].time is None or says_soon(a.task):
            continue
        # (only one's own promise, "点心我来带": work given to another with no time, "@陈叔 签到你来管吧", gets none)
        if not any(m.id in a.sources and m.speaker == a.owner for m in messages) and not _handed_offer(a, messages, at):
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


def _due_as_told(actions: list[ActionItem], messages: list[Message], events: list[date | None]) -> None:
    """"今天下午白班把治疗室整理一下，过期的无菌包清掉" — "治疗室我来弄": a member's own line that names a piece of work
    and then takes it on (the work first, then the offer: cue action.volunteer) with no time of its own is due when
    the line of another member just before it that names that work says, in the clause that names it — the taker
    takes the work as told. Not a day of another clause ("院感科这周五上午来检查" is when someone comes), nor a day
    gone by ("上周三交的作品")."""
    window = int(raw("owner", "accept_window"))
    offer = cue("action", "volunteer")
    for a, n in _speakers_own(actions, messages):
        m = messages[n]
        if not _undated(a) or m.time is None or time_expressions(m.text, m.time):
            continue
        said = _spoken(m.text)
        at = said.find("我")
        work = said[:at].strip(" ，,") if at > 0 else ""
        took = offer.match(said[at:]) if work else None
        if took is None or not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", work) \
                or len(said) - at - took.end() > int(raw("action", "volunteer_rest")):
            continue
        j = next((k for k in range(n - 1, max(0, n - window) - 1, -1)
                  if messages[k].speaker != m.speaker and work in _fold(messages[k].text)), None)
        if j is None or messages[j].time is None:
            continue
        told = messages[j]
        # (a clause naming the work with a time of its own still ahead, one with a "…前" first: "重点是…治疗室物品摆放"
        # names it and gives none, "今天中午物业说幕布有个洞" said in the evening names a time gone by)
        now = f"{told.time:%Y-%m-%d %H:%M}"
        dues = [d for c in _CLAUSE.split(_fold(told.text)) if work in c
                for d in [find_deadline(c, told.time, told.text, event=events[j])]
                if d is not None and d.iso is not None and (d.iso > now if d.clock else d.day >= told.time.date())]
        due = next((d for d in dues if d.marked), dues[0] if dues else None)
        if due is not None:
            _set_due(a, due)
            a.sources = sorted({*a.sources, told.id})


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
        if 2 <= k <= 3 and _offer_taken(messages, first + k, a.owner):  # ("行，那你来" to the one who just offered)
            return first + k if all(at.get(x, -1) <= at[m.id] for x in a.sources) else None
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


def _offer_taken(messages: list[Message], k: int, owner: str | None) -> bool:
    """Whether ``messages[k]`` is ``owner``'s short yes (owner.hands_to_offerer: "行，那你来", "好呀，交畀你") handing their
    work to the member who offered it in the line just before with an offer naming no work (:func:`_bare_offer`:
    "我家有打印机，我来吧，周六前打好带过去")."""
    if k <= 0 or messages[k].speaker != owner or messages[k - 1].speaker in (owner, None):
        return False
    return has(_fold(messages[k].text).strip(), "owner", "hands_to_offerer") and _bare_offer(messages[k - 1].text)


def _bare_offer(text: str) -> bool:
    """Whether a clause of ``text`` is an offer and nothing else ("我来吧", "那我来", "我嚟啦"): the work is the one just
    talked of, not work of its own ("水我来带吧" names its own)."""
    for clause in _CLAUSE.split(_fold(text)):
        said = cue("owner", "offer_lead").sub("", clause.strip())
        offer = cue("action", "volunteer").match(said)
        if offer and said and not said[offer.end():].strip():
            return True
    return False


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
    # (their own "好的，周三前送到" takes on what was just asked of them by name: the asker gave it, and the ask names
    # the work — "@辣妹子酱坊 周三前送二十箱辣椒油过来" … "之前说的周三送辣椒油取消吧")
    asked = _asked_of_owner(a, messages, first, people) if giver == a.owner else None
    givers = {giver, a.owner} | ({messages[asked].speaker} if asked is not None else set())
    works = [work] + ([_names_out(messages[asked].text, people)] if asked is not None else [])
    last = max(at.get(s, first) for s in a.sources)
    for k in range(first + 1, len(messages)):
        m = messages[k]
        f = _fold(m.text)
        if not has(f, "action", "called_off") or has(f, "action", "hypothetical") or is_question(m.text):
            continue
        # (anyone else only by naming the owner: "阿杰采购单先别交了", "冰粉不做了…改成醪糟汤圆，幺妹你煮汤圆" — told to
        # its owner, what comes instead is new work, no move of this one)
        told = m.speaker not in givers
        if told and not (a.owner and a.owner in {who for _, _, who in people.named_in(m.text)}):
            continue
        # (read item by item: a recap's "3. 夜航直播取消" calls its work off beside "1. 外拍改到周日上午8点"; an item
        # that moves a time or gives one after the calling off — "聚餐取消，改到周日" — calls nothing off)
        if any(has(c, "action", "called_off") and any(_names_work(cue("action", "called_off").sub(" ", c), w, people)
                                                      for w in works)
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


def _told_off(a: ActionItem, messages: list[Message], at: dict[int, int], people: People) -> bool:
    """Whether ``a`` is only another member's line telling its owner not to do something: from the clause naming
    the owner on, every clause calls work off (action.called_off: "耳机不用买了，小葛你那个拼单就别弄了") and none
    gives a day. Not a line that tells them what to do instead ("凉糕不做了，小芳你煮汤圆"), nor their own "那个就别
    弄了" of their own plan, nor a to-do that holds other lines' work too."""
    first = at.get(a.sources[0])
    if first is None or not a.owner or len(_task_parts(a)) != 1:
        return False
    m = messages[first]
    f = _fold(m.text)
    if m.speaker == a.owner or not has(f, "action", "called_off") or is_question(m.text):
        return False
    clauses = [c for c in _CLAUSE.split(f) if c.strip()]
    named = next((k for k, c in enumerate(clauses) if a.owner in {who for _, _, who in people.named_in(c)}), None)
    return named is not None and all(has(c, "action", "called_off") for c in clauses[named:]) \
        and not any(d.day is not None for d in time_expressions("，".join(clauses[named:]), m.time))


def _asked_of_owner(a: ActionItem, messages: list[Message], first: int, people: People) -> int | None:
    """Where (the message index) the work ``a``'s owner took on in ``messages[first]`` was asked of them: their line
    opens with a yes (owner.accepts: "好的，周三前送到") right after another member's line naming them (an @ or
    their name), with no line of theirs between; or None."""
    if not cue("owner", "accepts").match(_fold(messages[first].text)):
        return None
    for k in range(first - 1, max(-1, first - 3), -1):
        m = messages[k]
        if m.speaker == a.owner:
            return None
        if a.owner and (a.owner in m.text or a.owner in {who for _, _, who in people.named_in(m.text)}):
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


def _offer_refused(a: ActionItem, messages: list[Message], at: dict[int, int]) -> bool:
    """Whether ``a`` is its owner's own offer from one line, with no deadline, that another member turns down in one of
    the next two lines because it is done already (owner.offer_refused: "报销单我来收吧" — "不用，报销单我已经收齐了")."""
    if len(a.sources) != 1 or a.deadline is not None or a.sources[0] not in at:
        return False
    k = at[a.sources[0]]
    if messages[k].speaker != a.owner or not _takes_on(cue("owner", "offer_lead").sub("", _spoken(messages[k].text))):
        return False
    return any(m.speaker != a.owner and has(_fold(m.text).strip(), "owner", "offer_refused") for m in messages[k + 1 : k + 3])


def _banned_parts(a: ActionItem, messages: list[Message], at: dict[int, int]) -> tuple[list[str], set[int]] | None:
    """The parts of ``a`` left once another member forbids what its owner offered to bring, in one of the two lines
    after the offer, naming the thing (owner.offer_banned: "我带孔明灯 跨年放" — "孔明灯不能带 林区防火"), or None when
    nothing of it was forbidden — with the lines of the parts forbidden. The part said after the ban ("好吧 那我带两箱啤酒")
    stays."""
    if not a.owner or not a.sources:
        return None
    parts = _task_parts(a)
    left, gone = list(parts), set()
    for s in a.sources:
        k = at.get(s)
        if k is None or messages[k].speaker != a.owner:
            continue
        for m in messages[k + 1 : k + 3]:
            f = _fold(m.text)
            if m.speaker == a.owner or is_question(m.text) or not has(f, "owner", "offer_banned"):
                continue
            said = _fold(messages[k].text)
            banned = [p for p in left if (_fold(p) in said or said in _fold(p)) and _same_work(m.text, p)]
            if banned:
                left = [p for p in left if p not in banned]
                gone.add(s)
    return (left, gone) if len(left) < len(parts) else None


def _unbanned(a: ActionItem, messages: list[Message], at: dict[int, int]) -> bool:
    """Whether anything of ``a`` is left once the parts another member forbade (:func:`_banned_parts`) are taken out of
    it — its task and its lines then hold only the rest ("好吧 那我带两箱啤酒")."""
    banned = _banned_parts(a, messages, at)
    if banned is None:
        return True
    if banned[0]:
        a.task, a.sources = "；".join(banned[0]), [s for s in a.sources if s not in banned[1]] or a.sources
    return bool(banned[0])


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
    if _offer_taken(messages, declined, a.owner):  # ("我来吧" — "行，那你来": the one who offered, where they did)
        return messages[declined - 1].speaker, declined - 1
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
    near = {m.id for m in messages[min(declined, k) : k + int(raw("owner", "accept_window")) + 1]}
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
    return any(_names_handed_work(clause, work, hand_ons.messages[i]) for i, clause in zip(at[start:end], clauses[start:end]))


def _names_handed_work(clause: str, work: frozenset[str], m: Message) -> bool:
    """Whether a clause of ``m`` giving work to someone by name is about the shared ``work``: it holds one of its words.
    A handing word alone (owner.hand_words: 交给) does not count in a line that opens with its speaker's own clause
    before it ("我下周二去广州出差，签到表交给阿梅吧"): that member gives up their own work, not the work given before."""
    hand = {str(x) for x in raw("owner", "hand_words")}
    if any(w in clause for w in work - hand):
        return True
    f = _fold(m.text).strip()
    own_first = cue("owner", "me").match(f) is not None and not f.startswith(clause.strip())
    return not own_first and any(w in clause for w in work & hand)


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
    at = positions(messages)
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
        if off is not None and not _after_calling_off(a, messages[off]) or not _unbanned(a, messages, at):
            continue  # status cancelled: the work is not to be done at all (or all it offered to bring is forbidden)
        if a.sources and (_told_off(a, messages, at, people) or not _left_undone(a, messages, at, people)
                          or _reports_done(a, messages, at) or _offer_refused(a, messages, at)):
            # no work: the line tells its owner not to do something ("小葛你那个拼单就别弄了"); status done: its owner
            # said it was finished, or the line itself reports it ("打印机修好了")
            continue
        if not a.owner or group.fullmatch(_fold(a.owner)) or not a.sources:
            kept.append(a)
            continue
        if _named_in_passing(a, people) or _only_was_theirs(a, messages, at, people):
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


def _only_was_theirs(a: ActionItem, messages: list[Message], at: dict[int, int], people: People) -> bool:
    """Whether ``a`` comes from one undated line of someone else that only says the work was its owner's to begin with
    (:func:`_was_theirs`: "报名表原来是小郑收，小郑这周去培训了"): no work is given them, unless the line says it stays
    with them (owner.still_theirs: "原来是小郑收，现在还是他") or hands it on by name (the hand-over reads that)."""
    k = at.get(a.sources[0]) if len(a.sources) == 1 else None
    if k is None or a.deadline is not None or messages[k].speaker == a.owner:
        return False
    f, name = _fold(messages[k].text), _fold(a.owner or "")
    was = cue("owner", "was_theirs")
    # (by the owner's name as written, a member who has not spoken is no known name: "原来是小郑收")
    told = _was_theirs(f, people, a.owner) or (bool(name) and any(
        was.search(f[max(0, i.start() - 4):i.start()]) for i in re.finditer(re.escape(name), f)))
    return told and not has(f, "owner", "still_theirs") and _passed_on_once_mine(f, people, a.owner) is None


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
    has one its own lines said (one inferred, "活动当天", gives way). ``before``: where this line's to-dos start.
    Others' bare acknowledgements between the two lines do not part them ("背景板我来订" — "好的" — "周五之前订好")."""
    m = messages[idx]
    if not idx or is_question(m.text) or _LEAD_MENTIONS.match(m.text):
        return
    k = idx - 1
    while k > 0 and idx - k < int(raw("owner", "accept_window")) and messages[k].speaker != m.speaker \
            and _ack_only(messages[k].text):
        k -= 1
    if messages[k].speaker != m.speaker:
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
    prev = messages[k]
    own = {x.id: _fold(x.text) for x in messages[max(0, idx - 4):idx]}

    def said_due(a: ActionItem) -> bool:  # its time is in words of its own lines
        return a.deadline_text is not None and any(_fold(a.deadline_text) in own.get(i, "") for i in a.sources)

    # (or the work that line gave someone, acknowledged, by a line opening with the time — after a label at most,
    # "时间定了：周日中午前": "抽奖礼品交给阿梅" — "OK" — "周五前买齐"; "场地周五前订好" is other work)
    head = f[:max(0, f.find(_fold(deadline.text)))]
    opens = not head.strip() or len(head) <= int(raw("owner", "due_label_chars")) and head.rstrip().endswith((":", "："))
    # (right after it too when that line called the member it gave the work to: "小林，节目单你来排一下" — "周四前发群里")
    called = {n for _, _, n in people.named_in(prev.text[:12])} | set(people.lead(prev.text))
    target = next((a for a in reversed(actions[:before]) if a.sources[-1] == prev.id and (
        a.owner == m.speaker or opens and (k < idx - 1 or a.owner in called) and a.owner not in (None, "大家")
        and a.sources == [prev.id] and a.deadline is None)
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
    """"@大吴 宣传海报你来做吧" — "好" — "海报这周内贴到各栋楼下": a later line of the one who gave work out (or of
    anyone, for work a member offered on their own: "背景板我来订" … "没事，背景板下周一到就行") that opens with that
    work's name (or two pieces' names, "礼物和收款都在活动前三天弄完") and then its time, naming no one and no
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
    # (or work a member offered on their own: "合影的背景板我来订" … "没事，背景板下周一到就行")
    given = [a for a in actions if out_lately(a) and messages[at_msg[a.sources[0]]].speaker in (m.speaker, a.owner)]
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
    named = ""
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
        # (or a yes and only the time, its finishing words at most: "海报我来做" — "好，那就禮拜四之前吧")
        # (naming no one: "好，阿光下周二前打完" is read as that member's own line)
        bare = yes is not None and not named and cue("owner", "finish_only").match(said[len(_fold(first.text)):]) is not None
        taken = [a for a in actions if before[0].speaker in _owner_names(a.owner) and before[0].id in a.sources
                 and (said_by.get(a.sources[0]) == m.speaker or a.sources[0] == before[0].id and (
                     told is not None or bare or yes is not None and len(before) > 1 and before[1].speaker == m.speaker
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

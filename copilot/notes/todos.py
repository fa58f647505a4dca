"""To-dos read from lines: the clauses of a line, who is told to do what (assignment, first-person promises,
lists), the task's words and its deadline — :func:`find_actions` also files the decisions and notices it meets.

Part of the notes structure finder (:mod:`copilot.notes.structure`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache, partial
from typing import NamedTuple

from copilot.notes.classify import kind_threshold, sentence_kind
from copilot.notes.clauses import CLAUSE
from copilot.notes.corrections import _HANDING_CLAUSE
from copilot.notes.cues import cue, cue_list, has, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import (
    Deadline,
    anchored_events,
    before_mark,
    event_days,
    find_deadline,
    next_meetings,
    other_matter,
    time_expressions,
    time_spans,
    without_times,
)
from copilot.notes.deciding import _PAUSE, _has_verb, _merge_announcements, agreement_spans
from copilot.notes.handovers import (
    _accepted,
    _before_event_hour,
    _Clause,
    _conditional_notice,
    _corrected,
    _countered,
    _dated_by_what_it_answers,
    _dated_later,
    _dates_given_work,
    _dates_volunteer,
    _day_of_named,
    _due,
    _due_answer,
    _due_next_line,
    _file_decisions,
    _file_notice,
    _follow_event,
    _handed_over,
    _head_with_calls,
    _instruction,
    _just_volunteered,
    _marked,
    _merge,
    _merge_target,
    _message_due,
    _named_ask_heads,
    _not_group_work,
    _note_call,
    _offer_only,
    _only_an_ask,
    _own_plans,
    _past_head,
    _retimed,
    _semicolon_run,
    _set_due,
    _settle_owners,
    _settled_week,
    _share_out,
    _spoken_to_at,
    _take_call,
    _time_head,
    _told_by,
    _undated,
    _volunteer,
    _with_rosters,
)
from copilot.notes.model import ActionItem, Announcement, Decision, Message, positions
from copilot.notes.noise import signup_heading
from copilot.notes.owners import (
    PLACEHOLDER,
    Mention,
    find_mentions,
    may_name,
    name_shaped,
    score_mentions,
)
from copilot.notes.owners import THRESHOLD as OWNER_THRESHOLD
from copilot.notes.pairing import (
    _COLON,
    _NON_WORD,
    _TRAILING_MARKS,
    _changes_whole,
    _clean,
    _forbids,
    _in_form,
    _named_as_at,
    _own_work,
    _reminder_whole,
    _tally_whole,
    _ungreeted,
    items,
)
from copilot.notes.reading import (
    _AT_ALL,
    _CLAUSE,
    _LEAD_MENTIONS,
    _PAUSES_ONLY,
    People,
    _own_day,
    _report_request,
    _spoken_to,
    aliases,
    asks,
    display_name,
    find_invitation,
    is_question,
    own_areas,
    relevant,
)
from copilot.notes.rosters import Roster
from copilot.notes.tasks import normalised, task_gate, task_probability, task_threshold
from copilot.textnorm import word_bounds, word_class, word_frequency, word_spans


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
    # a later sentence of a message whose earlier sentences each gave a member named first their share ("…；阿杰你负责订
    # 大巴；小雨准备急救包；老钱带对讲机"): the list of shares goes on across the sentences (:func:`_list_opener`)
    shares_before: bool = False


class Owner(NamedTuple):
    who: str | None
    kind: str  # named / first_person / assigned / everyone / to_me, or "" when nobody
    p: float = 0.0  # the owner model's probability for the mention chosen


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
    return [t for t in taken if not any(s <= t[0] and t[1] <= e for s, e in agreed) and not _owns_the_thing(c.f, *t[:2])]


def _owns_the_thing(f: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` of folded ``f`` is whose thing the clause moves: inside the object of 把
    (no doing word between 把 and it) and right before a noun ("老贺你把街道陈主任电话发我": 陈主任 has the number, 老贺
    sends it) — not one a thing is handed to ("把表交给小王负责"), nor one doing the moving ("小王把表发我")."""
    lead = re.split(r"[，,。；;！!？?\s]", f[:start])[-1]
    ba = lead.rfind("把")
    if ba < 0 or any((word_class(lead[a:b]) or "").startswith("v") for a, b in word_spans(lead[ba + 1:])):
        return False
    rest = word_spans(f[end:])
    head = f[end:end + rest[0][1]] if rest else ""
    return bool(head) and (word_class(head) or "").startswith("n") and not (word_class(head) or "").startswith("nr")


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
    acronym (CPR, FPS), a lower-case word (slides, musl), a product, grade or version with its number (Apache-2.0,
    iPhone 15, 光污染 Bortle 4 级 — a number right after it that is no time or date: "Lisa 3点前交" is Lisa's) or a
    platform or tool after a place or tool word (喺Facebook專頁, 用Excel)."""
    after = text[end:end + 12]
    if not re.fullmatch(r"[A-Z][a-z]+", text[start:end]) or re.match(r"-?\d", after):
        return False
    spaced = re.match(r"\s+-?\d", after)
    if spaced and not any(s < spaced.end() for s, _ in time_spans(_fold(after))):
        return False
    return not cue("owner", "thing_before").search(text[max(0, start - 4):start])


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
    if (share := _speaker_share(c, mentions, inside)) is not None:
        return share
    if (handed := _delegated(c, mentions, inside, span)) is not None:
        return handed
    # "报名表要填每个人的身份证号码": a group whose thing it is (每个人的…) owns no work in the clause
    doers = [i for i in inside if not (mentions[i].kind == "G" and c.f.startswith("的", mentions[i].end))]
    best = max(doers, key=lambda i: (scores[i], -i), default=None)
    if best is None or scores[best] < OWNER_THRESHOLD:
        return _unsure(c, mentions, scores, span, text, inside)
    m, p = mentions[best], scores[best]
    # ("阿强你和老周一起去搬", "小王跟我周五前一起去买水": two doers joined around 我 / 你 share it)
    pair = _pair_with(c, mentions, best)
    if pair is not None or m.kind == "P" and cue("owner", "paid_to").search(c.f[span[0]:m.start]):
        return Owner(pair, "named", p) if pair is not None else _senders(c)  # the one paid receives; the payers owe
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


def _speaker_share(c: _Ctx, mentions: list[Mention], inside: list[int]) -> Owner | None:
    """The speaker's own share, read before any hand-over: 我 bringing a member along to do it together ("我叫上老周一起去
    搬", owner.brings_along — not 我叫老周去搬, which hands it on), or the speaker's own area opening the line with its share
    ("我们宝安出个花鼓戏", 宝安片区-阿军: owner.area_gives)."""
    mine = [i for i in inside if mentions[i].kind == "I"]
    along = next((pair for i in mine if i + 1 < len(mentions)
                  and cue("owner", "brings_along").fullmatch(c.f[mentions[i].end:mentions[i + 1].start])
                  and (pair := _pair_with(c, mentions, i)) is not None), None)
    if along is not None:
        return Owner(along, "named", SURE_OWNER)
    areas = own_areas(c.speaker) if mine else frozenset()
    if any(any(c.f[mentions[i].start:mentions[i].end].endswith(a) for a in areas)
           and cue("owner", "area_gives").match(c.f, mentions[i].end) for i in mine):
        return Owner(c.speaker, "first_person", SURE_OWNER)
    return None


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
    if (bare := _handed_bare(c, mentions, scores, inside)) is not None:
        return bare
    if has(f, "action", "to_me"):
        return _doer_before_receiver(c, mentions, span, inside) or _senders(c, mentions)
    return _own_short(c, mentions, scores, span, text, inside)


def _handed_bare(c: _Ctx, mentions: list[Mention], scores: list[float], inside: list[int]) -> Owner | None:
    """"你来吧，周五前订好" answering "包车我来订还是你来？", "你嚟啦，禮拜三之前租好": a clause that only hands the work to
    the one spoken to (cue owner.you_do_it_bare, after at most a short 好 / 那 in its clause), who offered it in the line
    before (owner.offers_before) — theirs, though the owner model is unsure of the 你 in the longer sentence."""
    if not has(_fold(c.said_before), "owner", "offers_before"):
        return None
    for i in inside:
        m = mentions[i]
        if m.kind != "Y" or not cue("owner", "you_do_it_bare").match(c.f, m.start):
            continue
        opened = max((x.end() for x in _CLAUSE.finditer(c.f, 0, m.start)), default=0)
        who = _addressee(c, mentions, i) if len(c.f[opened:m.start].strip()) <= 2 else None
        if who:
            return Owner(who, "assigned", scores[i])
    return None


def _asked_by_name(c: _Ctx, mentions: list[Mention], start: int, end: int) -> Owner | None:
    """"…，请阿贤开货车载过去", "请阿哲去租两顶帐篷": a clause that opens with a word of asking (cue owner.asks_member)
    right before the one member it names, then work of two or more characters, asks that member to do it — as sure as a
    doer the owner model is sure of (it reads the name of a long sentence, or a verb no list has, as no one's). Not a
    question ("请阿贤看看行不行？"), nor a clause naming anyone else (我, 你, the group)."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if len(inside) != 1 or inside[0].kind != "P":
        return None
    who = inside[0]
    opener = cue("owner", "asks_member").fullmatch(c.f[start:who.start].lstrip(" ，,"))
    rest = c.f[who.end:end]
    if opener is None or not opener.group(0).strip() or rest.startswith("的") or len(re.findall(r"[\u4e00-\u9fff]", rest)) < 2 or asks(rest) \
            or not (_has_verb(rest) or _tagged_verb(rest)):
        return None
    return _named_owner(c, who)


def _tagged_verb(f: str) -> bool:
    """Whether folded ``f`` has a word jieba tags as a verb (开, 载, 租: work the cue list of action verbs lacks)."""
    return any((word_class(f[a:b]) or "").startswith("v") for a, b in word_spans(f))


def _doer_before_receiver(c: _Ctx, mentions: list[Mention], span: tuple[int, int], inside: list[int]) -> Owner | None:
    """"海报：美玲做，周五前给我看初稿", "尺码小敏那边收齐了给我就好": the one member of the clause, then a doing word
    (cue owner.acked_subject) or "那边" and one (owner.side_taker), and every 我 after it only receives (owner.receiver_verb
    right before it) — the member does the work and hands it to the speaker; the group owes nothing. Not a member who
    receives ("交给小林", owner.sent_to / side_not_before) nor a clause naming the group or anyone else. A clause naming
    no one but the 我 who receives ("…，周五前给我看初稿") goes on from the clause before it when that clause is only a
    member and a doing word ("美玲做"; not "小王负责场地，报名周五前发我", where 小王 has work of their own)."""
    doers = [mentions[i] for i in inside if mentions[i].kind != "I"]
    mine = [mentions[i] for i in inside if mentions[i].kind == "I"]
    if not doers and inside:
        doers = [m for m in mentions if m.end <= mentions[inside[0]].start][-1:]
        bare = re.sub(r"[\s，,]", "", c.f[doers[0].end:span[0]]) if doers else ""
        verb = cue("owner", "acked_subject").match(bare)
        if verb is None or verb.end() != len(bare):
            return None
    if len(doers) != 1 or doers[0].kind != "P" or not mine or any(x.kind == "G" for x in mentions):
        return None
    who = doers[0]
    span = (min(span[0], who.start), span[1])
    receiver = cue("owner", "receiver_verb")
    if any(x.start < who.start or not receiver.search(c.f[max(0, x.start - 4):x.start]) for x in mine):
        return None
    if cue("owner", "sent_to").search(c.f[max(0, who.start - 4):who.start]) \
            or cue("owner", "side_not_before").search(c.f[span[0]:who.start]):
        return None
    after = c.f[who.end:span[1]].lstrip()
    if not (cue("owner", "acked_subject").match(after) or cue("owner", "side_taker").match(c.f, who.end)):
        return None
    return _named_owner(c, who)


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


def _pair_with(c: _Ctx, mentions: list[Mention], at: int) -> str | None:
    """Two or more doers joined around ``mentions[at]`` where one of them is the speaker (我) or the one told (你 right
    after their name), in an order :func:`_co_owners` does not read: a member named before 我 ("小王跟我周五前一起去买水"),
    你 then a member ("阿强你和老周周四前一起去搬"), or 我 bringing a member along (owner.brings_along: "我叫上老周一起去搬")
    — only when doing words follow the names (owner.joined_doing, after at most a time: "…周五前一起去"). A run of
    members alone stays :func:`_joined`'s; "我跟阿峰说一下" (told) and "小王跟我说" have no doing words."""
    joined, along = cue("owner", "joined_by"), cue("owner", "brings_along")

    def linked(a: Mention, b: Mention) -> bool:  # joined by a word (和, 跟), or 我 bringing a member along
        gap = c.f[a.end:b.start]
        return bool(joined.fullmatch(gap)) or a.kind == "I" and b.kind == "P" and bool(along.fullmatch(gap))

    doers = ("P", "I", "Y")  # a member, 我, 你
    first = last = at
    while first > 0 and mentions[first - 1].kind in doers and linked(mentions[first - 1], mentions[first]):
        first -= 1
    while last + 1 < len(mentions) and mentions[last + 1].kind in doers and linked(mentions[last], mentions[last + 1]):
        last += 1
    run = mentions[first:last + 1]
    if len(run) < 2 or all(x.kind == "P" for x in run):
        return None
    rest = c.f[run[-1].end:].lstrip()
    lead = next((e for s, e in time_spans(rest) if s == 0), 0)
    rest = before_mark().sub("", rest[lead:]).lstrip()
    if not cue("owner", "joined_doing").match(rest):
        return None
    names: list[str] = []
    for i in range(first, last + 1):
        x = mentions[i]
        who = x.name if x.kind == "P" else c.speaker if x.kind == "I" else _addressee(c, mentions, i)
        if not who:
            return None
        if who not in names:
            names.append(who)
    return "和".join(names) if len(names) >= 2 else None


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
    mentions = _named_side(c, _our_side(c, find_mentions(c.f, _person_spans(c))))
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
        elif text and (taker := _topic_first(c, mentions, start, end) or _side_taker(c, mentions, start, end)
                       or _asked_by_name(c, mentions, start, end)) is not None:
            parts.append((text, taker))
        elif text:
            picked = _pick(c, mentions, scores, (start, end), text)
            if (listed or c.shares_before) and picked.who is None:
                picked = _list_opener(c, mentions, scores, start, end) or picked
            parts.append((text, picked))
    return _pick(c, mentions, scores, (0, len(c.f)), c.clause), parts


def _our_side(c: _Ctx, mentions: list[Mention]) -> list[Mention]:
    """宝安片区-阿军's "我们宝安出个花鼓戏，1月31日前报": the speaker's 我们 right before the area their card says they speak
    for (:func:`~copilot.notes.reading.own_areas`) is their own part — read as 我 (the speaker), not as the whole
    group; so is 我们 before the speaker's household (cue owner.our_side: "我们家周五前把帐篷带过去",
    "我哋屋企…") or, right after 交给, before the speaker's team (owner.our_team: "节目这块交给我们组"; 你们 there is
    the one spoken to and their team: "收款码交给你们组"). (Only right after 我们: the area alone is no name of theirs —
    "从龙华出发" is a place.)"""
    areas = sorted(own_areas(c.speaker), key=len, reverse=True)
    out: list[Mention] = []
    for m in mentions:
        we = m.kind == "G" and bool(cue("owner", "we").fullmatch(c.f[m.start:m.end]))
        side = cue("owner", "our_side").match(c.f, m.end) if we else None
        # ("节目这块交给我们组": the speaker's team takes it on; "收款码交给你们组": the team of the one spoken to)
        yours = m.kind == "G" and bool(cue("owner", "you_all").match(c.f[m.start:m.end]))
        if (we or yours) and side is None and cue("owner", "handed_to_us").search(c.f[:m.start]):
            side = cue("owner", "our_team").match(c.f, m.end)
        area = next((a for a in areas if c.f.startswith(a, m.end)), None) if we else None
        if area is not None or side is not None:
            out.append(Mention(m.start, m.end + len(area) if area is not None else side.end(), "I" if we else "Y"))
        elif not (out and out[-1].kind == "I" and m.start < out[-1].end):  # (宝安片区 of 我们宝安片区: inside it)
            out.append(m)
    # ("南山出个小孩子的舞蹈", 南山片区-Cindy: the speaker's own area opening the line, then its share: owner.area_gives)
    opening = next((a for a in areas if c.f.startswith(a) and cue("owner", "area_gives").match(c.f, len(a))), None)
    if opening is not None and not any(m.start < len(opening) for m in out):
        out.insert(0, Mention(0, len(opening), "I"))
    return out


def _named_side(c: _Ctx, mentions: list[Mention]) -> list[Mention]:
    """"Ken爸爸你哋聽日之前話我知幾多人", "老梁你们周三前把表交了": 你们 right after a member named (cue owner.you_all) tells
    that member and their side — one mention of the member, not the whole group."""
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "G" and out and out[-1].kind == "P" and out[-1].end == m.start \
                and cue("owner", "you_all").match(c.f[m.start:m.end]):
            out[-1] = Mention(out[-1].start, m.end, "P", out[-1].name)
        else:
            out.append(m)
    return out


# a list's heading before its first share ("周年庆分工：", "分工一下：")
_HEADING = re.compile(r"[^，,；;：:]{0,12}[：:]")


def _list_opener(c: _Ctx, mentions: list[Mention], scores: list[float], start: int, end: int) -> Owner | None:
    """In a list of shares ("…，阿明带脚环，小孙管直播，王姐统计成绩"), a clause the owner model gives no doer to, which
    opens with a member and goes on with words of its own, is that member's share: the list's form says so when the
    clause is too short for the model (管直播, 开车载板子) — as sure as a doer the model is sure of."""
    f = c.f[start:end]
    colon = _HEADING.match(f) if start == 0 else None
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
        colon = _HEADING.match(head) if start == 0 else None
        at = start + (colon.end() if colon else 0)
        at += len(f[at:]) - len(f[at:].lstrip(" @"))
        first = next((m for m in mentions if m.start == at and m.kind == "P"), None)
        nxt = min([s for s, _ in seps if s > at] + [len(f)])
        if first is not None and first.name not in openers and re.search(r"[\u4e00-\u9fff]", f[first.end:nxt]) \
                and not any(m.start >= first.end and m.end <= nxt for m in mentions):
            openers.append(first.name or f[first.start:first.end])
        elif f[start:].strip() and not (not re.search(r"\w", f[nxt:]) and len(openers) >= 2
                                        and _closing_time(f[start:], mentions, start)):
            return False
    return len(openers) >= 2


def _closing_time(tail: str, mentions: list[Mention], at: int) -> bool:
    """The last clause of a list of shares that only closes it with a time ("三组搬桌子，五组负责摆摊位，5月16日前弄好"):
    it opens with a time and names no one, so it does not undo the list (it goes with the share before it)."""
    lead = len(tail) - len(tail.lstrip())
    return not any(m.start >= at for m in mentions) and any(s == lead for s, _ in time_spans(tail))


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
             lead_alone: bool = False, shares_before: bool = False) -> list[_Clause]:
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
                                 lead_alone, shares_before))
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
    _given_by_name(parts, speaker, people)
    _handed_on(parts, people)
    if not lead:
        _work_handed(parts, speaker, people)
    if _reason_then_handed(parts, speaker, people):
        sentence = "，".join(c.text for c in parts)  # (the reason gives the taker no day: "我下周二去广州出差，…")
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


def _share_list(clauses: list[_Clause]) -> bool:
    """Whether a sentence's clauses share work out: two or more, each with an owner of its own (a member named in it,
    or the speaker's 我), none asking — "分工一下：物业那边我来联系，小芳收钱，老周开车把书架运过去", "投影我周六去调好，
    横幅阿亮帮我一起挂". A member's part of it is their to-do even when the reader alone would take it for a remark
    (:func:`find_actions` keeps it only beside the share of another member named in it that the reader took)."""
    owners = [c.owner for c in clauses]
    return len(clauses) >= 2 and all(owners) and len(set(owners)) == len(owners) \
        and all(c.kind in ("named", "assigned", "first_person") and not asks(c.text) for c in clauses)


def _share_of(clause: _Clause, people: People, lead: list[str]) -> bool:
    """Whether a clause of a sentence that shares work out (:func:`_share_list`) is a member's part of it: a named
    clause whose owner is a member of the chat, in a message not @-addressed to someone else ("@阿杰 小雨照常骑，
    中雨以上取消" answers 阿杰, its 小雨 is the weather), with words of its own (:func:`_share_part`)."""
    return clause.kind in ("named", "assigned") and people.resolve(clause.owner or "") is not None \
        and not (lead and clause.owner not in lead) and _share_part(clause)


class _HeldShares:
    """The members' parts of one sentence that shares work out which the reader alone would drop (:func:`find_actions`),
    filed only once the sentence gives another member named in it a to-do ("我明天去，阿明还在路上" gives none) — or
    the speaker's own part is a to-do and the task model is sure of the held part on its own (``thresholds.yaml``
    task_model.share_beside_own: "投影和电线我周六下午4点前去调试好，幕布阿彬帮我一起挂")."""

    def __init__(self) -> None:
        self.kept_by: set[str] = set()
        self.own_kept = False
        self.held: list[tuple[ActionItem, str, bool]] = []

    def note(self, clause: _Clause, action: ActionItem | None, kept: bool, share: bool,
             sure: Callable[[], bool] = lambda: False) -> None:
        """Note a clause's to-do: filed by the reader (``kept``; a named member's counts, and the speaker's own) or held
        (``share``; ``sure``: whether the task model is sure of the part on its own, asked only of a held part)."""
        if action is not None and kept and clause.kind in ("named", "assigned"):
            self.kept_by.add(action.owner or "")
        elif action is not None and kept and clause.kind == "first_person":
            self.own_kept = True
        elif action is not None and share and not kept:
            self.held.append((action, clause.text, sure()))

    def file(self, merge: Callable[..., None]) -> None:
        """File each held part beside another named member's to-do, or beside the speaker's own when the model is sure
        of the part (``merge(action, clause_text)``)."""
        for action, text, sure in self.held:
            if self.kept_by - {action.owner or ""} or self.own_kept and sure:
                merge(action=action, clause_text=text)


def _sure_share(clause: _Clause, m: Message, people: People) -> bool:
    """Whether the task model alone is sure (task_model.share_beside_own) that a member's part of a shared-out sentence
    is work: "幕布阿彬帮我一起挂" is, "阿明还在路上" and "钥匙老周那有" are not."""
    f = _fold(clause.text)
    norm = _task_form(clause.text, f, m.speaker, people)
    return task_probability(norm) >= task_threshold("share_beside_own")


def _share_part(clause: _Clause) -> bool:
    """Whether a named clause says the member's part, not only who and when: words of its own beside the owner's name
    and its times ("志明扛工具", "横幅阿亮帮我一起挂" — not "小周上午", "初七到初九小周和婷婷", a roster's slot), the name
    not the owner of a thing or a matter ("小涵的花器還沒看到", "阿凯家里的事先忙": 的 within a few characters of it)."""
    f = _fold(_ungreeted(_clean(clause.text)))
    owner = _fold(clause.owner or "")
    if not owner or owner not in f or "的" in f[f.find(owner) + len(owner):][:4]:
        return False
    rest = f.replace(owner, " ")
    for start, end in sorted(time_spans(rest), reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = cue("roster", "slot_chars").sub("", rest)
    return len(re.findall(r"[\u4e00-\u9fffA-Za-z]", rest)) >= 2


def _as_share(clauses: list[_Clause], shared: bool, reread: Callable[[], list[_Clause]]) -> list[_Clause]:
    """A sentence given no owner, read again as an item of the list of shares the message's earlier sentences opened
    (``shared``: :func:`_opens_share` held for one of them)."""
    return reread() if shared and len(clauses) == 1 and clauses[0].owner is None else clauses


def _opens_share(clauses: list[_Clause], sentence: str) -> bool:
    """Whether a sentence of a message gives the member it opens with (after a heading's 「：」) their share: one named
    owner, whose name (as the owner model read it) starts the sentence — "阿杰你负责订返程的大巴", "美玲寫紅紙，禮拜五前貼好"."""
    if len(clauses) != 1 or clauses[0].kind != "named" or not clauses[0].owner:
        return False
    f = _fold(sentence)
    colon = _HEADING.match(f)
    head = f[colon.end() if colon else 0:].lstrip(" @")
    return head.startswith(_fold(clauses[0].owner)) or head.startswith(_fold(display_name(clauses[0].owner) or ""))


def _asked_their_own(question: str, answer: str) -> bool:
    """A member asked about their own life, family or things (cue ``personal.asks_their_own``: "你家楼下那个游泳馆还开着吗",
    "你隻狗仲有冇去嗰間美容店") answers for themselves ("开着呢，周末我带你去", "在少年宫，王老师教的"): no group to-do —
    unless the question asks for something ("你家那台投影仪能借我们用吗", ``action.request``), the answer takes it on
    ("你上次说的那个方法，下次分享会你来讲行不行" — "行，我准备一下": ``owner.accepts``) or sets a "…前"."""
    asked = _fold(question)
    return has(asked, "personal", "asks_their_own") and not has(asked, "action", "request") and not _due(answer) \
        and not cue("owner", "accepts").match(answer.strip())


def _job_per_deadline(clauses: list[_Clause], m: Message) -> list[_Clause]:
    """One owner's line giving two jobs, each with a "…前" of its own ("小郑这周三前把报名表收齐，周五之前把茶歇订好",
    "阿傑收工前把水泥數量報給我，週五前把磁磚搬上三樓"): one clause per job, each keeping its own deadline (not one to-do
    carrying the first). A piece (between commas) opens a job when it holds a marked time with work after it
    (``dates._attached``); pieces before the second job stay with the first, so one job in two steps ("先在小程序报名，
    周五前把报名费交给小王") or one deadline over a list stays one clause. The jobs' days must differ."""
    out: list[_Clause] = []
    for c in clauses:
        pieces = [p for p in re.split(r"[，,；;]", c.text) if p.strip()]
        jobs = [] if len(pieces) < 2 or m.time is None else \
            [(i, d) for i, p in enumerate(pieces)
             for d in [next((x for x in time_expressions(p, m.time) if x.marked and x.attached and x.day), None)]
             if d is not None]
        if len(jobs) < 2 or len({d.iso for _, d in jobs}) < len(jobs):
            out.append(c)
            continue
        starts = [0] + [i for i, _ in jobs[1:]]
        for k, start in enumerate(starts):
            text = "，".join(pieces[start:starts[k + 1] if k + 1 < len(starts) else len(pieces)])
            owner_text = c.owner_text if k == 0 and c.owner_text and c.owner_text in text else text
            out.append(_Clause(text, c.owner, c.kind, owner_text, c.p))
    return out


def _as_usual(parts: list[_Clause], speaker: str, people: People) -> None:
    """"记分牌老规矩，还是老钱做": work said to go as it always has (cue action.as_usual) to the one member the
    sentence names is theirs, when no clause has an owner yet."""
    if any(c.owner for c in parts) or not has(_fold("，".join(c.text for c in parts)), "action", "as_usual"):
        return
    named = [(c, who) for c in parts for _, _, who in people.named_in(c.text) if who != speaker]
    if len({who for _, who in named}) == 1:
        c, who = named[0]
        c.owner, c.kind, c.owner_text, c.p = who, "named", c.text, SURE_OWNER


def _given_by_name(parts: list[_Clause], speaker: str, people: People) -> None:
    """"海报让阿梅做吧，周四前发我看看", "导读PPT还是小豆做，下周五前发群里": a clause with no owner that gives a work to one
    member by name with a doing word (cues owner.given_before / given_after) makes that member its owner — the work
    sent to the speaker after it ("发我看看") is the member's, not the group's — when no clause has an owner yet
    other than the senders of "…发我"; a question ("还是小豆做？") gives nothing."""
    if any(c.owner and c.kind != "to_me" for c in parts):
        return
    found = [(c, who) for c in parts if c.owner is None and not is_question(c.text)
             for who in _given_to(_fold(c.text).strip(), people) - {speaker}]
    if len(found) == 1:
        c, who = found[0]
        c.owner, c.kind, c.owner_text, c.p = who, "named", c.text, SURE_OWNER


def _given_to(f: str, people: People) -> set[str]:
    """The members the folded clause ``f`` gives a work to by name and a doing word (:func:`_given_by_name`)."""
    members = people.named_in(f)
    shaped = [(pos, n, n) for pos, _end, n in name_shaped(f) if not any(p <= pos < p + len(x) for p, x, _ in members)]
    return {who for pos, alias, who in members + shaped
            if cue("owner", "given_before").search(f[:pos]) and cue("owner", "given_after").match(f[pos + len(alias):])}


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


def _named_after(text: str, before: str, people: People, gap: int = 0) -> tuple[int, int, str] | None:
    """The first member (or name-shaped word, as written) named in the clause ``text`` whose folded text before it, less
    at most ``gap`` characters (a job title: "交给生活委员阿雯"), ends as cue ``owner.<before>`` does: (start, end, who)
    in the folded text."""
    f = _fold(text)
    same = len(f) == len(text)
    members = people.named_in(f)
    shaped = [(pos, n, people.written(n, text[pos:end] if same else n)) for pos, end, n in name_shaped(f)
              if not any(p <= pos < p + len(x) for p, x, _ in members)]
    for pos, alias, who in sorted(members + shaped, key=lambda x: (x[0], -len(x[1]))):
        if any(cue("owner", before).search(f[:pos - k]) for k in range(min(gap, pos) + 1)):
            return pos, pos + len(alias), who
    return None


def _work_handed(parts: list[_Clause], speaker: str, people: People) -> None:
    """A member named after 交给 / 交俾 / 交由 in a line that speaks to no one: either given a work or the one a thing is
    handed in to. "海报交给小王，周五前做好", "横幅交给阿杰去印": the work alone before the handing word (cue
    owner.hands_whole_before; no finishing word, hands_whole_done: "表格填好交给班长"; no money, paid_to: "报名费交给小李"),
    then a doing word after the name (gives_work_doing) or, the clause ending at the name, a next clause with no owner that
    opens with a day and does something — the member's work. "班费周五前交给生活委员阿雯", "報名回條禮拜日前交給Grace": a
    day before the handing word (hands_in_by_day) and at most a word of receiving after the name (hands_in_after) — what
    everyone hands in, the group's; the receiver owns no work."""
    for i, c in enumerate(parts):
        text = c.text.strip()
        f = _fold(text)
        if is_question(c.text) or c.owner is not None and c.kind != "named":
            continue
        named = _named_after(text, "hands_whole_before", people)
        if named is not None:
            at, end, who = named
            if who == speaker or c.owner not in (None, who) or cue("owner", "hands_whole_done").search(f[:at]) \
                    or cue("owner", "paid_to").search(f[:at]):
                continue
            after = parts[i + 1] if i + 1 < len(parts) else None
            nxt = _fold(after.text).strip() if after is not None else ""
            day = next((e for s, e in time_spans(nxt) if s == 0), None)
            if cue("owner", "gives_work_doing").match(f[end:]) or cue("owner", "hands_whole_after").match(f[end:]) and (
                    after is not None and after.owner is None and day is not None and not is_question(after.text)
                    and cue("owner", "gives_work_next").match(nxt[day:])):
                c.owner, c.kind, c.owner_text, c.p = who, "named", c.text, SURE_OWNER
            continue
        named = _named_after(text, "hands_in_by_day", people, gap=4)
        if named is not None and time_spans(f[:named[0]]) and not people.named_in(f[:named[0]]) \
                and cue("owner", "hands_in_after").match(f[named[1]:]) and c.owner in (None, named[2]):
            c.owner, c.kind, c.owner_text = "大家", "everyone", c.text


def _handed_whole_to(f: str, people: People) -> set[str]:
    """The members the folded clause ``f`` hands a work on to whole by name (cue owner.reason_hands_before before the
    name: the work alone and 交给 / 让 / 给; after it owner.hands_whole_after, or after 让 a short doing clause,
    owner.reason_hands_doing: "手套箱交给王浩吧", "手套箱让王浩整理一下"): a member or a name-shaped word. After a bare
    给 the name is where a thing goes ("借书证给小程吧", "借书证给小程带过去") unless a doing word follows it
    (owner.reason_hands_does: "手套箱给王浩弄吧")."""
    members = people.named_in(f)
    shaped = [(pos, n, n) for pos, _end, n in name_shaped(f) if not any(p <= pos < p + len(x) for p, x, _ in members)]
    takers = set()
    for pos, alias, who in members + shaped:
        lead, after = f[:pos], f[pos + len(alias):]
        if not cue("owner", "reason_hands_before").search(lead):
            continue
        let = cue("owner", "reason_hands_let").search(lead)
        whole = cue("owner", "hands_whole_after").match(after)
        if let and cue("owner", "reason_hands_doing").match(after) and _has_verb(after) or whole and (
                not cue("owner", "reason_hands_bare").search(lead) or cue("owner", "reason_hands_does").search(after)):
            takers.add(who)
    return takers


def hands_on_by_name(text: str, owner: str, people: People) -> bool:
    """Whether a clause of ``text`` hands a work on whole to ``owner`` by name (:func:`_handed_whole_to`): a line that
    does is no news of its speaker's own life ("我下周二去广州出差，签到表交给阿梅吧" hands 阿梅 the 签到表)."""
    return any(owner in _handed_whole_to(_fold(clause).strip(), people) for clause in CLAUSE.split(text))


def _reason_then_handed(parts: list[_Clause], speaker: str, people: People) -> bool:
    """"我周三要去上海开会，手套箱交给王浩吧，周五前弄好": the speaker's first clause only says why they give the work up
    (我 and no doing word: :func:`_has_verb`) and the next one, with no owner of its own, hands a work on whole to one
    member by name (cue owner.reason_hands_before: the work alone, then 交给 / 让 / 给, the name; after it
    owner.hands_whole_after, or after 让 a short doing clause, owner.reason_hands_doing: "手套箱让王浩整理一下"). The
    work is that member's and the reason is dropped — it is no plan of the speaker's to list, and its day ("我下周二去
    广州出差") is not the taker's. "我周三去杭州，顺便把茶样带过去" hands nothing on; "我明天买水，…" is work. Returns
    whether it fired."""
    if len(parts) < 2 or parts[1].owner is not None or parts[0].owner != speaker or parts[0].kind != "first_person":
        return False
    reason, f = _fold(parts[0].text).strip(), _fold(parts[1].text).strip()
    if not cue("owner", "me").match(reason) or _has_verb(reason) or is_question(parts[1].text):
        return False
    takers = _handed_whole_to(f, people) - {speaker}
    if len(takers) != 1:
        return False
    parts[1].owner, parts[1].kind, parts[1].owner_text, parts[1].p = takers.pop(), "named", parts[1].text, SURE_OWNER
    del parts[0]
    return True


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
        about = " ".join(_clean(context[lead[0]].text).split())  # (a list of several lines is quoted on one)
        # (said to no one, one's own dated work on none of the words or the form of the question just before it
        # replies to nothing: "海报谁来设计？" — "我明天把签到表打印好")
        if not people.lead(m.text) and _own_work(text) and not relevant(about, text) and not _in_form(about, text):
            return task
        if not relevant(task, about) or len(task) < 12:
            short = about if len(about) <= 50 else about[:30] + "…" + about[-20:]  # what it is about, what it asks
            task += _REPLY_NOTE.format(who=lead[0], about=short)
    return task


_REPLY_NOTE = "（回复{who}：{about}）"


_WILL = re.compile("我(?:" + "|".join(re.escape(str(w)) for w in raw("action", "first_person_future")) + ")")


def takes_own_work(text: str) -> bool:
    """The speaker takes work on in ``text``: 我 right before a verb of future work (action.first_person_future: 我来/
    我去/我会/我帮…), not a 我 that is owned or asked of ("报我名字", "发给我")."""
    return bool(_WILL.search(_fold(text)))


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
                 asker: str | None = None, informs: bool = False, spoke: dict[str, int] | None = None,
                 share: bool = False) -> ActionItem | None:
    """The to-do of ``clause`` in ``m``, or None (``spoke``: each speaker's last message id so far); ``informs``: ``m`` answers a question that asked for a fact, not for
    work of its speaker ("出发前还有培训吗" — "出发前会安排两次线上试讲"), so a line with no subject tells what
    will happen rather than promising it — unless it tells the members to sign up ("要4个人，周五前在群里接龙报名").
    ``share``: the clause is one member's part of a sentence that shares work out (:func:`_share_list`), so its
    doing word need be in no verb list and the owner model need not be sure of its name ("志明扛工具")."""
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
    # "长房出人抬供桌", "三组搬桌子": a household or team given work with a doing word right after it (owner.household)
    house = _household_owned(clause, f) or _area_share(clause, m, f)
    doing = _has_verb(f) or clause.p >= SURE_OWNER or handed or house or share \
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
    # (a clause whose subject is the speaker's own 我 tells the group nothing: "我可以借两台，星期五前拿到" is an offer
    # the owner model was unsure of, never everyone's to-do — qa13r66, round 80)
    if owner is None and future and told and not has(f, "action", "advice") \
            and not cue("owner", "me").match(f.lstrip(" ，,、")):
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
            future and (has(f, "action", "imperative") or has(f, "action", "group_brings")
                        or clause.kind == "to_me" and owner != "大家")) \
            and not (future and _told_group_task(clause, m, people, f)):
        # "钱交给我", "每周六晚8点有分享" with no "…前": a reminder or a notice, not a task — but one person
        # asked to hand something over on a coming day owes it ("@阿杰 明天把钥匙给我")
        return None
    elif _told_not_given(clause, owner, m.speaker, asker, f, marked or homework) \
            or _answer_term(clause, owner, m.speaker, asker, f, deadline):
        return None
    elif clause.kind in ("named", "assigned") and not marked and not homework and (
            clause.p < SURE_OWNER and kind["other"] >= kind_threshold("named_remark") and not _pending(f) and not handed
            and not house and not share
            or asks(clause.text) and not request
            or has(f, "action", "advice") and not _has_verb(_fold(owner_part))
            or has(f, "action", "suggests") and not handed
            or has(_fold(owner_part).strip(), "action", "told_not_to")):
        # ("车上不要吃早饭，老徐新车": a rule told to all, the one named only in the reason for it; "刘经理不要在群里发这个":
        # someone told not to do something is given no work)
        # "老吴这种一看就是谣言": someone named in a remark, not given work; "周老师 拉坯老是偏 是手的问题还是泥的
        # 问题": someone asked a question (however sure the owner model is of the name), not given work
        return None
    elif clause.kind == "first_person" and not house and (_done_only(f, deadline) or is_question(owner_part) or _routine(f, deadline)
                                            or _asks_after(clause.text, owner_part, deadline) or _role_only(f, deadline) or deadline is None and (
            kind["commitment"] < kind_threshold("first_person_commits") and not _part_commits(f)
            and not has(f, "action", "later_promise")
            and not has(f, "action", "claims") and not _will_do(f) or has(f, "action", "tentative") or asks(owner_part) or asks(clause.text[:max(0, clause.text.find(owner_part))]))):
        return None  # "我会看的", "那我先带她去试听一节", "我报了500": a reply, a plan or the past
    # "可以，我整理一下" answers the question just asked: the task names it
    # (so does "你来吧，周五前订好" handing "包车我来订还是你来？" back to its asker: owner.you_do_it_bare)
    about = asker if clause.kind == "first_person" or owner == m.speaker \
        or owner == asker and has(f, "owner", "you_do_it_bare") else None
    deadline = _own_matter(deadline, timed)
    return ActionItem(task=_task(clause.text, m, people, context, about), owner=owner,
                      deadline=deadline.iso if deadline else None,
                      deadline_text=deadline.text if deadline else None, sources=[m.id])


def _told_group_task(clause: _Clause, m: Message, people: People, f: str) -> bool:
    """An everyone clause with no "…前" that the task model is sure (``thresholds.yaml`` task_model.group_task) is work
    put to the group ("各位把新歌的谱子打印出来，明天排练带过来", "各位家長禮拜一將回條簽好俾返班主任"; the caller asks
    it only of a clause timed on a coming day): the group's to-do, not a reminder or a notice ("每周六晚8点有分享") —
    unless it asks ("大家觉得周六行吗"), advises ("建议大家穿防滑鞋") or has no doing word. The model, not a cue, tells
    work from a wish ("希望大家都能来") or a past deed ("大家上周都交了")."""
    if clause.kind != "everyone" or not _has_verb(f) or is_question(clause.text) or has(f, "action", "advice"):
        return False
    norm = _task_form(clause.text, f, m.speaker, people)
    # the part between pauses that opens with the group word and says nothing of 我 is read, not the whole clause
    # ("演出服还是白衬衫黑裤子，每个人自己准备一双黑皮鞋"; the model is sure of many a long notice as a whole:
    # "各位业主晚上好，今晚说一下…的方案"; "补给站每人发一个工作证" gives the group nothing to do)
    group, me = PLACEHOLDER["G"], PLACEHOLDER["I"]
    return any(part.strip().removeprefix("请").startswith(group) and me not in part
               and not cue("action", "group_may").match(part.strip().replace(group, "大家"))
               and task_probability(part.strip()) >= task_threshold("group_task") for part in _PAUSES_ONLY.split(norm))


def _household_owned(clause: _Clause, f: str) -> bool:
    """Whether the clause's owner is a household, a clan branch or a numbered team (``cues.yaml`` owner.household:
    "二房负责祭品", "长房出人抬供桌", "三组搬桌子和搭棚") read in the folded clause ``f`` with its doing word right after
    it: the line gives that house its work, whatever the verb ("三房两厅", "二房东" name no house)."""
    if not clause.owner:
        return False
    owner = _fold(clause.owner)
    return any(m.group(0) == owner for m in cue("owner", "household").finditer(f))


def _area_share(clause: _Clause, m: Message, f: str) -> bool:
    """Whether the speaker's own clause gives their area's share, opening with that area (after 我们 or alone) and
    then owner.area_gives ("我们宝安出个花鼓戏", "南山出个小孩子的舞蹈"): a promise with no day and no verb of the lists."""
    if clause.kind != "first_person":
        return False
    head = f.strip()
    if we := cue("owner", "we").match(head):
        head = head[we.end():]
    return any(head.startswith(a) and cue("owner", "area_gives").match(head, len(a)) for a in own_areas(m.speaker))


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


def _kept_past_notice(action: ActionItem, kind: str | None, m: Message) -> bool:
    """Whether a to-do stays though its sentence is a notice: one the notice does not tell (:func:`_told_in_notice`),
    or what the group is to bring to the notice's coming day (:func:`_brought_to_the_day`)."""
    return not _told_in_notice(action, kind, m) or _brought_to_the_day(action)


def _brought_to_the_day(action: ActionItem) -> bool:
    """A notice's everyone to-do that tells what to bring or wear to its coming day ("12月27日上午9点在3号楼抽签，大家带上
    身份证", cue ``action.group_brings``; a dated to-do, :func:`_action_from` lets no same-day one through): the group's
    work for that day, which the notice does not do for them."""
    return bool(action.deadline) and cue("action", "group_brings").search(action.task) is not None


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


def _task_form(text: str, f: str, speaker: str, people: People) -> str:
    """``text`` (folded: ``f``, said by ``speaker``) in the form the task model reads it: its people replaced by
    placeholders (:func:`copilot.notes.tasks.normalised`)."""
    return normalised(f, _person_spans(_Ctx(text, f, speaker, people, [], None)))


def not_a_task(text: str, speaker: str, people: People) -> bool:
    """Whether the task model (:mod:`copilot.notes.tasks`) is sure a clause is no group to-do."""
    f = _fold(text)
    norm = _task_form(text, f, speaker, people)
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
    rest = _LEAD_MENTIONS.sub("", f).lstrip(" ，,")
    # (or opens on a doing word right after the @s: "分工：\n1. @小陈 …\n3. @阿琳 负责主持稿，下周三前给我看" — cue
    # owner.runon_opener: 负责, 帮忙, 记得 — the @ is who does it; it was read as everyone's, the speaker receiving)
    told = cue("owner", "you").search(f) or _told_due_first(rest) or (rest != f and cue("owner", "runon_opener").match(rest))
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


def _bare_call(text: str, people: People) -> str | None:
    """The one member a message does nothing but call ("@小林", "阿杰", "阿杰："), not the group."""
    t = text.strip().rstrip(" ，,：:。.!！~")
    found = people.lead_at.match(t)
    if found is not None and found.end() == len(t):
        called = people.lead(t)
        return called[0] if len(called) == 1 and called[0] != "大家" else None
    named = people.named_in(t)
    return named[0][2] if len(named) == 1 and named[0][0] == 0 and len(named[0][1]) == len(_fold(t)) else None


def _calls_carried(messages: list[Message], people: People) -> list[Message]:
    """"@小林" — "节目单你来排一下": a message that only calls one member, then the same speaker's very next message
    (no one else between): that message is said to the member called, read as "小林，节目单你来排一下" (the call is a
    line of its own, as "@老郑\n需要背送的…" is in one message, :func:`_lead_alone`). Any other message as it is."""
    out = list(messages)
    for i in range(len(out) - 1):
        m, nxt = out[i], out[i + 1]
        if nxt.speaker != m.speaker or people.lead(nxt.text):
            continue
        name = _bare_call(m.text, people)
        if name is not None and name != m.speaker:
            out[i + 1] = replace(nxt, text=f"{name}，{nxt.text}")
    return out


def _uncarried(actions: list[ActionItem], said: list[Message], read: list[Message]) -> None:
    """A to-do's task no longer opens with the call :func:`_calls_carried` put before its line ("小林，节目单你来排一下"
    reads "节目单你来排一下" again, as the message says it)."""
    calls = {m.id: r.text[:len(r.text) - len(m.text)] for m, r in zip(said, read, strict=True) if m.text != r.text}
    for a in actions:
        call = next((calls[i] for i in a.sources if i in calls and a.task.startswith(calls[i])), None)
        if call:
            a.task = a.task[len(call):]


def find_actions(messages: list[Message], rosters: list[Roster] | None = None) \
        -> tuple[list[ActionItem], list[Decision], list[Announcement]]:
    """To-dos (owner + deadline), decisions (with who agreed) and announcements, item by item. ``rosters``: the chat's
    rosters when the caller has read them already (:func:`copilot.notes.rosters.find_rosters`)."""
    people = People.of(messages)
    # ("回刘二叔：…", "回 Mike：…": an answer to the one named, read as the @-reply it is — never their work)
    said = [_named_as_at(m, people) for m in messages]
    messages = _calls_carried(said, people)
    actions: list[ActionItem] = []
    decisions: list[Decision] = []
    announcements: list[Announcement] = []
    recapped: set[int] = set()
    last_by: dict[str, Message] = {}
    spoke: dict[str, int] = {}  # each speaker's last message so far
    speaker_of = {m.id: m.speaker for m in messages}
    at_msg = positions(messages)
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
        shared = False  # an earlier sentence of the message gave the member it opens with their share
        lead_alone = _lead_alone(m.text, people) if parts else False
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
            # ("小美，你家楼下那个游泳馆还开着吗" — "开着呢，周末我带你去": a member's reply about their own life)
            own_life = idx > 0 and (asker is not None or messages[idx - 1].speaker != m.speaker
                                    and is_question(messages[idx - 1].text) and m.speaker in messages[idx - 1].text) \
                and _asked_their_own(messages[idx - 1].text, f)
            said_before = messages[idx - 1].text if spoken_to else ""
            clauses = [] if retort or own_life else _clauses(s, m.speaker, people, said_to, spoken_to, sender,
                                                 volunteering=n == 0 and offered, volunteer=volunteer,
                                                 item_at=people.mentions(s) if task_list and not (headed and n == 0) else [],
                                                 said_before=said_before, lead_alone=lead_alone)
            # ("分工一下：…；阿杰你负责订大巴；…；老钱带一个对讲机"): the list of shares goes on in this sentence
            clauses = _as_share(clauses, shared, partial(
                _clauses, s, m.speaker, people, said_to, spoken_to, sender, lead_alone=lead_alone,
                said_before=said_before, shares_before=True))
            shared |= _opens_share(clauses, s)
            clauses = _job_per_deadline(clauses, m)
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
            # (a share the reader would drop, kept only when another member named in the sentence is given a to-do
            # by it: "我明天去，阿明还在路上" gives no one a share)
            shares, held = _share_list(clauses), _HeldShares()
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
                read = partial(_action_from, clause, m, people, last_by, spoke=spoke, homework=kind == "作业",
                               event=events[idx], meeting=meetings[idx], asker=asker)
                action = read(informs=asker is not None and _asks_fact(messages[idx - 1].text, m))
                if action is None:
                    action = _accepted(clause, messages, idx, events[idx], meetings[idx])
                # (a member of the chat, in a message not @-addressed to someone else: "@阿杰 小雨照常骑，中雨以上取消"
                # answers 阿杰, its 小雨 is the weather)
                share = shares and _share_of(clause, people, lead)
                rescued = action is None and share
                # (a second reading as a share, not one reading with share=share: it comes only where the plain
                # reading and an accepted offer found nothing — a share's looser reading must not pre-empt either, nor
                # read the asker's question as asking a fact — and what it rescues is held, not kept at once)
                action = read(share=True) if rescued else action
                if action is not None and default is not None and _undated(action):
                    _set_due(action, default[1])  # the list's deadline
                # a new to-do with no "…前/截止" deadline that the task model is sure is none ("我周五要去复查",
                # "我觉得下周再说比较好") is dropped; one taking on or adding to a listed to-do is not ("行 明早我去弄")
                # (a "…前" deadline of their own is still a promise: "我是新来的小王，周五前交表")
                own_plan = action is not None and _not_group_work(action, clause, m, actions, recapping=recapping,
                                                                  **_own_plans(own, messages, idx, people, offered, s))
                fit = action is not None and not own_plan and not _me_too(clause, messages, idx, actions) \
                    and _kept_past_notice(action, kind, m)
                kept = fit and not rescued and (
                        _merge_target(actions, action, speaker_of, calls=calls) is not None
                        or _marked(action, m) or not not_a_task(clause.text, m.speaker, people)
                        or clause.kind == "first_person" and _will_do(_fold(clause.text))
                        or _handed(clause, m) or named_item
                        or _brings_share(clause, m, events[idx]))
                if kept:
                    _merge_each_called(actions, action, clause.text, m, people, before, said_to is not lead,
                                       speaker_of, calls)
                held.note(clause, action, kept=kept, share=fit and share, sure=partial(_sure_share, clause, m, people))
            held.file(partial(_merge_each_called, actions, m=m, people=people, before=before, mid_at=said_to is not lead,
                              speaker_of=speaker_of, calls=calls))
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
    _settled_week(actions, messages)
    _before_event_hour(actions, messages, events)
    _follow_event(actions, messages, told_events, meetings)
    _countered(actions, messages, events, meetings)
    actions = _with_rosters(_settle_owners(actions, messages, people), messages, people, rosters)
    _head_with_calls(actions, to_head)
    decisions = [d for d in decisions if id(d) in recapped or not _instruction(d, messages)]
    _uncarried(actions, said, messages)
    return actions, [d for d in decisions if id(d) in recapped or not _only_an_ask(d, actions, messages)], \
        _told_by(_merge_announcements(announcements), messages)

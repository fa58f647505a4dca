"""Values the chat changed later: restated figures, corrections of a time, place, amount or owner, and the final
state a note should show (the old value never shown as current).

Part of the notes structure finder (:mod:`copilot.notes.structure`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from copilot.notes.clauses import pauses
from copilot.notes.cues import cue, has, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import (
    cn_to_int,
    holiday_due,
    time_spans,
)
from copilot.notes.model import Message
from copilot.notes.reading import (
    _AT_ALL,
    _CLAUSE_WHOLE,
    _function_tags,
    _pronoun_tags,
    _says_yes,
    _spoken,
    is_question,
    relevant,
    words,
)
from copilot.textnorm import word_class, word_spans


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
    """The kinds of figure (``cues.yaml`` figure_kinds: amount, clock, day, duration, share) the folded text ``f``
    states."""
    found = frozenset(kind for kind in raw("figure_kinds") if has(f, "figure_kinds", kind))
    # (a holiday as a due day is a day: "影本元旦前交给我" is set right by "打错了 是12月15日前交给我")
    return found | {"day"} if "day" not in found and holiday_due(f) else found


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
    # a correction that names no subject of its own ("说错了，是七点", "改到七点吧"): it sets right the one value of its
    # kind in its speaker's nearest earlier line (:func:`_bare_fix`), which keeps its words with the new value beside it
    bare: bool = False
    # the line sets itself right ("週六九點在捷運劍潭站集合…喔不對，八點半", :func:`_taken_back`): ``by`` is the line
    # itself, and the value it took back gets the one meant beside it, where the take-back starts
    inline: bool = False
    # the line's speaker took another member's change up ("改成12元吧" … "行", :func:`_taken_change`): ``by`` is that
    # member's line, yet the change is the speaker's own — their to-do on the line is re-valued too
    taken: bool = False


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
        # (the speaker's own correction naming no subject, "刚才说错了，应该是下午两点半开始": the line it sets right keeps
        # its words — place, topic — with the new value beside it, as a bare fix does, rather than losing the clause)
        own = _bare_fix(messages, j) if fixes and not named and corrects else None
        if own is not None and own[0].speaker == m.speaker and own[0] in fixes:
            fixes = [x for x in fixes if x is not own[0]]
            out[own[0].id] = own[1]
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
        # (a change whose slot words name no earlier line, "两点的场被人订走了，改到四点", may still name no subject)
        bare = None if asked or any(v.by.id == m.id for v in out.values()) else _bare_fix(messages, j)
        out |= {bare[0].id: bare[1]} if bare is not None and bare[0].id not in out else {}
        # (a yes of the speaker's to another member's correction of their value: "对对，七点半，我记错了")
        taken = None if asked or bare is not None or any(v.by.id == m.id for v in out.values()) \
            else _taken_fix(messages, j) or _taken_change(messages, j)
        out |= {taken[0].id: taken[1]} if taken is not None and taken[0].id not in out else {}
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
            # (the same correction may have marked the line's day already: "…停车场周六整修，集合地点改到…" — the
            # place it names wrong there is the line's too)
            same = x.id in out and out[x.id].by.id == m.id and not out[x.id].slot
            # (this change set the line's time right naming no subject, "更正：时间改到三点，地点改到二楼包间": the
            # venue it moves in the same line is the line's one place too, though the line never says 地点)
            bare = same and out[x.id].bare
            hit = hit or [(k, o, n) for k, o, n in words_changed if bare and k == "place" and not o
                          and _single_value(fx, k, n) and _says_venue(f, n)]
            if hit and (x.id not in out or same) and (bare or relevant(x.text, m.text, by_kind=False)) and (
                    x.speaker == m.speaker or _says_yes_after(messages, j, x.speaker)
                    or _change_stands(messages, j, organiser, words=frozenset(n for _, _, n in hit if n))):
                out[x.id] = Restated(frozenset(k for k, _, _ in hit) | (out[x.id].kinds if same else frozenset()), m,
                                     bare=bare)
                break  # the latest line on the subject is the one the change replaces
    # (a line that takes back its own value mid-way, and no later line restates: "…喔不對，八點半")
    out |= {m.id: fix for m in messages if m.id not in out and (fix := _taken_back(m)) is not None}
    return _latest_bare(out)


def _latest_bare(out: dict[int, Restated]) -> dict[int, Restated]:
    """``out`` with each bare fix (:func:`_bare_fix`) whose correction a later bare fix sets right in turn taken by that
    later one ("改到四点" then "那再改一下，定三点半": the first line's value is the latest one, 三点半)."""
    for i, v in list(out.items()):
        seen = {i}
        while v.bare and (w := out.get(v.by.id)) is not None and w.bare and w.kinds == v.kinds and v.by.id not in seen:
            seen.add(v.by.id)
            v = out[i] = Restated(v.kinds, w.by, bare=True)
    return out


def _bare_fix(messages: list[Message], j: int) -> tuple[Message, Restated] | None:
    """The earlier line a correction or a change naming no subject restates ("说错了，是七点" or "改到七点吧" after the
    same speaker's "本周三晚上六点半在活动中心排练"): the line's one clause with a figure (cue correction or moved in the
    line) states one value of one kind and no content word (:func:`_content_slot`, less its cue words); the speaker's
    nearest earlier line within correction_bare_reach messages stating a figure of that kind states one other value of
    it, and is no question. A line naming its subject ("另外七点还有一场", "聚餐改到七点") never gets here."""
    m = messages[j]
    f = _fold(m.text).strip()
    fix, moved = cue("correction"), cue("moved")
    swap = cue("correction_swap").search(f)
    # (the value named wrong finds its line however far back as a correction does: correction_reach)
    near = j - int(raw("correction_bare_reach"))
    other: tuple[Message, Restated] | None = None
    for k, x in list(enumerate(messages))[max(0, j - int(raw("correction_reach"))):j][::-1] if swap else []:
        # "不是50是60", "唔係三點，係四點": the speaker's nearest line stating the value named wrong; else another
        # member's within correction_bare_reach ("大概八点半吧" — "不是八点半，是九点"), by a swap that tells no plan
        # of its own speaker ("我不是三点到，是四点到")
        kinds = frozenset(k for k, _ in _swapped_values(_fold(x.text), swap.group("old")))
        if not kinds or is_question(x.text):
            continue
        if x.speaker == m.speaker:
            return x, Restated(kinds, m, bare=True)
        if other is None and k >= near and not cue("correction_swap_own").search(f):
            other = x, Restated(kinds, m, bare=True)
    if other is not None:
        return other
    heads_up = any(cue("change_bare_head").search(c) for c in _CHANGE_CLAUSE.split(f))
    if not (fix.search(f) or moved.search(f) or heads_up) or has(f, "moved_unless"):
        return None
    clause = _bare_clause(f)
    if not clause:  # (several clauses, each changing a value of its own kind: "时间改到三点，费用改成40元")
        return _several_bare(messages, j)
    kinds = figure_kinds(clause) & set(raw("figure_values"))
    # (a correction's clause restating the value may name what its speaker's line says already: "说错了，是早上七点半
    # 集合" of "…七点在南门集合"; one that moves a named thing, "更正一下：爱心包裹改到下午5点领取", names its slot)
    said = _content_slot(moved.sub(" ", fix.sub(" ", clause)), cue("change_generic"))
    if len(kinds) != 1 or said and (not fix.search(f) or moved.search(clause)):
        return None
    kind = next(iter(kinds))
    new = _figure_values(clause, kind)
    told = _from_to(clause, kind) if len(new) == 2 else None
    if told is not None:  # ("八点改到七点半": the line holding the old value, as far back as a correction reaches)
        return _named_bare(messages, j, kind, told[0])
    if len(new) != 1:
        return None
    # (one naming its line's words finds it as far back as a correction does: "…時間寫錯了，是早上七點半集合")
    line = _speakers_last(messages, j - int(raw("correction_reach" if said else "correction_bare_reach")), j,
                          m.speaker, {kind})
    if line is None:
        return None
    x, fx = line
    if not all(w in fx for w in said):
        return None
    # (a line that changed the value itself holds the old one in its change clause: "两点的场被人订走了，改到四点")
    old = _figure_values(_bare_clause(fx) or fx, kind)
    if is_question(x.text) or len(old) != 1 or _value_key(old[0]) == _value_key(new[0]):
        return None
    return x, Restated(kinds, m, bare=True)


def _speakers_last(messages: list[Message], start: int, end: int, speaker: str,
                   kinds: set[str]) -> tuple[Message, str] | None:
    """The nearest line of ``speaker`` in ``messages[start:end]`` (``start`` clipped at 0) stating a figure of one of
    ``kinds`` (:func:`figure_kinds`), with its folded text: the line a correction of theirs, or their yes to another
    member's, sets right — :func:`_bare_fix`, :func:`_several_bare`, :func:`_taken_change`, :func:`_taken_fix`."""
    for x in messages[max(0, start):end][::-1]:
        if x.speaker == speaker and kinds & figure_kinds(fx := _fold(x.text)):
            return x, fx
    return None


def _from_to(clause: str, kind: str) -> tuple[str, str] | None:
    """(old, new) of a folded change clause that names the old value of ``kind`` before its change word (cue moved)
    and the new one after it ("八点改到七点半", "从50元涨到60元"); None otherwise."""
    x = cue("moved").search(clause)
    if x is None:
        return None
    before, after = _figure_values(clause[:x.start()], kind), _figure_values(clause[x.end():], kind)
    if len(before) != 1 or len(after) != 1 or _value_key(before[0]) == _value_key(after[0]):
        return None
    return before[0], after[0]


def _named_bare(messages: list[Message], j: int, kind: str, old: str) -> tuple[Message, Restated] | None:
    """The earlier line a change naming no subject but its old value sets right ("八点改到七点半"): the nearest line
    within correction_reach stating ``old`` as its one value of ``kind``, no question — its speaker's own, or another
    member's that tells no plan of their own (cue correction_swap_own) when the change holds alone
    (:func:`_change_stands`: the organiser's, with a reason from outside, said again by a third member)."""
    m = messages[j]
    for x in messages[max(0, j - int(raw("correction_reach"))):j][::-1]:
        fx = _fold(x.text)
        values = _figure_values(fx, kind)
        if not any(_value_key(v) == _value_key(old) for v in values):
            continue
        # (another member's line telling their own plan, "我八点到", is theirs to change)
        if is_question(x.text) or len(values) != 1 or x.speaker != m.speaker and (
                cue("correction_swap_own").search(fx) or not _change_stands(messages, j, _organiser(messages),
                                                                            frozenset({kind}))):
            return None
        return x, Restated(frozenset({kind}), m, bare=True)
    return None


def _taken_change(messages: list[Message], j: int) -> tuple[Message, Restated] | None:
    """The earlier line of ``messages[j]``'s speaker that another member's change or correction naming no subject
    sets right once the speaker says yes to it ("更正一下，是七点半" or "要不改到七点半吧" — "好的" / "行，七点半"): the
    member's line within correction_taken_reach messages before the yes tells no plan of its own (cue
    correction_swap_own) and is no question; its one clause with a figure (:func:`_bare_clause`) has a correction or
    change word (cue correction, moved), no content word besides (as :func:`_bare_fix`: "桌椅改到下周一" is the
    tables' change, no other line's) and states one value of one kind — or it doubts a value (cue correction_doubt)
    naming the old value and the new one; the yes (cue correction_taken, or a short agreeing line)
    states no other value of it; the speaker's nearest earlier line before the member's, within correction_bare_reach
    of the yes, stating a figure of the kind holds one other value of it. The member's line is the correction."""
    m = messages[j]
    f = _fold(m.text).strip()
    # (a refusal is no yes: "不行", as for _says_yes_after; a line that only states the member's new value again, "就10点
    #吧", takes it up too — checked below, once that value is known)
    yes = cue("correction_taken").search(f) is not None or _says_yes(m.text)
    if is_question(m.text) or cue("change_refused").search(_spoken(m.text)):
        return None
    start = max(0, j - int(raw("correction_taken_reach")))
    # (the latest other member's line that changes or doubts a value: a third member's "+1" or "好的" may come between)
    told = [(k, p, fp) for k, p in enumerate(messages[start:j], start) if p.speaker != m.speaker
            and (cue("correction").search(fp := _fold(p.text).strip()) or cue("moved").search(fp)
                 or cue("correction_doubt").search(fp))]
    if not told:
        return None
    k, p, fp = told[-1]
    changes = cue("correction").search(fp) or cue("moved").search(fp)
    if cue("correction_swap_own").search(fp) or has(fp, "moved_unless"):
        return None
    if changes:  # (its one clause with a figure states the new value, by its change word, naming no subject)
        clause = _bare_clause(fp)
        fix, moved = cue("correction"), cue("moved")
        # (or the line opens with the correction: "更正一下，是七点半"; a question only as a proposal the yes takes up,
        # "要不改到10点？" — "好")
        bare = bool(fix.search(clause) or moved.search(clause) or cue("correction_opens").search(fp)) \
            and (not is_question(p.text) or cue("change_wish").search(fp) is not None) \
            and not _content_slot(moved.sub(" ", fix.sub(" ", clause)), cue("change_generic"))
        kinds = figure_kinds(clause) & set(raw("figure_values")) if bare else frozenset()
        said = {kind: _figure_values(clause, kind) for kind in kinds} if len(kinds) == 1 else {}
    else:  # ("你说的八点不对吧，群公告写的是七点半": the value it names wrong and the right one, two of a kind)
        said = {kind: _figure_values(fp, kind) for kind in figure_kinds(fp) & set(raw("figure_values"))}
        said = {kind: vs for kind, vs in said.items() if len({_value_key(v) for v in vs}) == 2 and len(vs) == 2}
    if len(said) != 1:
        return None
    kind, values = next(iter(said.items()))
    line = _speakers_last(messages, j - int(raw("correction_bare_reach")), k, m.speaker, {kind})
    if line is None:
        return None
    x, fx = line
    old = _figure_values(fx, kind)
    # (a doubt names the old value beside the new one: the new one is the other)
    new = [v for v in values if not old or _value_key(v) != _value_key(old[0])] if not changes else values
    if is_question(x.text) or len(old) != 1 or len(new) != 1 or (not changes and len(values) == len(new)) \
            or _value_key(old[0]) == _value_key(new[0]) \
            or any(_value_key(v) != _value_key(new[0]) for v in _figure_values(f, kind)) \
            or not (yes or changes and _figure_values(f, kind) and not _content_slot(f, cue("change_generic"))):
        return None  # (nor when the yes names another value: it takes no change up)
    return x, Restated(frozenset({kind}), p, bare=True, taken=True)


def _taken_back(m: Message) -> Restated | None:
    """How ``m`` sets itself right when it takes back its own value mid-way (cue take_back: "各位社員，週六九點在捷運劍潭站
    集合…喔不對，八點半，九點公車就開了"): the clause right after the take-back states one value of a kind, the text
    before it one other value of that kind. None otherwise ("九点集合，不对外开放": no value after it)."""
    hit = cue("take_back").search(m.text)
    # (either side a question asks, the take-back itself asks nothing: "不对不对" is no "对不对？")
    if hit is None or is_question(m.text[:hit.start()]) or is_question(m.text[hit.end():]):
        return None
    after = _fold(re.split(f"[{_PAUSES}！!？?]", m.text[hit.end():])[0])
    before = _fold(m.text[:hit.start()])
    for kind in sorted(figure_kinds(after) & set(raw("figure_values"))):
        new, old = _figure_values(after, kind), _figure_values(before, kind)
        if len(new) == 1 and len(old) == 1 and _value_key(new[0]) != _value_key(old[0]):
            return Restated(frozenset({kind}), m, bare=True, inline=True)
    return None


def _taken_back_marked(text: str, fix: Restated) -> str:
    """``text`` (from the line :func:`_taken_back` read) with the value meant beside the one taken back, where the
    take-back starts ("週六九點在捷運劍潭站集合（已改：八點半）…喔不對，八點半…"), or at its end when it is the line
    cut before the take-back ("週六九點在捷運劍潭站集合…"); as it is otherwise."""
    said = fix.by.text
    hit = cue("take_back").search(said)
    if hit is None:
        return text
    clause = re.split(f"[{_PAUSES}！!？?]", said[hit.end():])[0]
    f = _fold(clause)
    new = [v for kind in sorted(fix.kinds) for v in cue("figure_values", kind).finditer(f)]
    if len(new) != 1:
        return text
    shown = clause[new[0].start():new[0].end()] if len(f) == len(clause) else new[0].group(0)
    mark = f"（{raw('changed_mark')}{shown}）"
    here = cue("take_back").search(text)
    if here is not None:
        return f"{text[:here.start()]}{mark}{text[here.start():]}"
    core = text.rstrip("…. ")
    cut = len(core)
    return f"{core}{mark}{text[cut:]}" if core and core in said[:hit.start()] and core.endswith(
        said[:hit.start()].rstrip("…. ")[-4:]) else text


def _several_bare(messages: list[Message], j: int) -> tuple[Message, Restated] | None:
    """The earlier line a correction or a change of several values in one line sets right, each in a clause of its own
    naming no subject but a generic one ("更正：时间改到三点，费用改成40元，人数不变"): every clause with a correction
    or change word (cue correction, moved) that states a figure states one value of one kind, no two clauses the same
    kind, two kinds at least; the speaker's nearest earlier line within correction_bare_reach stating a figure of those
    kinds, no question, holds one other value of each of them. Its clauses get the new values beside the old ones."""
    m = messages[j]
    fix, moved = cue("correction"), cue("moved")
    changed: dict[str, str] = {}
    for c in _CHANGE_CLAUSE.split(_fold(m.text).strip()):
        kinds = figure_kinds(c) & set(raw("figure_values"))
        if not kinds or not (fix.search(c) or moved.search(c)):
            continue
        values = [v for kind in kinds for v in _figure_values(c, kind)]
        if len(kinds) != 1 or len(values) != 1 or next(iter(kinds)) in changed:
            return None
        changed[next(iter(kinds))] = values[0]
    line = _speakers_last(messages, j - int(raw("correction_bare_reach")), j, m.speaker, set(changed)) \
        if len(changed) >= 2 else None
    if line is None:
        return None
    x, fx = line
    held = [kind for kind, new in changed.items() if len(old := _figure_values(fx, kind)) == 1
            and _value_key(old[0]) != _value_key(new)]
    return (x, Restated(frozenset(held), m, bare=True)) if len(held) == len(changed) and not is_question(x.text) else None


def _taken_fix(messages: list[Message], j: int) -> tuple[Message, Restated] | None:
    """The earlier line of ``messages[j]``'s speaker that their yes to another member's correction sets right ("@组长
    你说的八点不对吧，群公告写的是七点半" — "对对，七点半，我记错了"): the line opens with a yes (cue correction_taken)
    and states one value of a kind; another member's line within correction_taken_reach messages before it says a value
    is wrong (cue correction_doubt) and states that value too; the speaker's nearest earlier line within
    correction_reach stating a figure of the kind, no question, holds one other value of it, the one the member
    names ("不是30吧" of "每人交研学费30元"). A yes to a question ("是七点半吗？" — "对，七点半") sets nothing right."""
    m = messages[j]
    f = _fold(m.text).strip()
    if cue("correction_taken").search(f) is None or is_question(m.text):
        return None
    doubts = [p for p in messages[max(0, j - int(raw("correction_taken_reach"))):j]
              if p.speaker != m.speaker and cue("correction_doubt").search(_fold(p.text))]
    if not doubts:
        return None
    said = _fold(doubts[-1].text)
    for kind in sorted(figure_kinds(f) & set(raw("figure_values"))):
        new = {_value_key(v) for v in _figure_values(f, kind)}
        if len(new) != 1 or not new & {_value_key(v) for v in _figure_values(said, kind)}:
            continue
        # (the member names the old value: its line may be as far back as a correction's, correction_reach)
        line = _speakers_last(messages, j - int(raw("correction_reach")), j, m.speaker, {kind})
        if line is None:
            continue
        x, fx = line
        old = _figure_values(fx, kind)
        named = len(old) == 1 and (any(_value_key(v) == _value_key(old[0]) for v in _figure_values(said, kind))
                                   or any(n == re.sub(r"\D", "", old[0]) for n in re.findall(r"\d+", said)))
        if is_question(x.text) or not named or _value_key(old[0]) in new:
            continue
        return x, Restated(frozenset({kind}), m, bare=True)
    return None


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
    if corrects and len(own) > 1:
        # (of its speaker's lines, the ones sharing the correction's own words: "打错了 是12月15日前交给我" sets right
        # "影本元旦前交给我", not "补助12月20日截止申请" said just before it)
        generic = cue("change_generic")
        said = _content_slot(cue("moved").sub(" ", cue("correction").sub(" ", _fold(m.text))), generic)
        sharing = [x for x in own if said & _content_slot(_fold(x.text), generic)]
        own = sharing or own
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
    heads: list[_Value] = []
    for v in found:  # (read back no further than the value before it ends)
        a = _place_head(f, v.start, heads[-1].end if heads else pos)
        heads.append(_Value(a, v.end, f[a:v.end]))
    found = heads
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


def _place_head(f: str, start: int, floor: int) -> int:
    """Where a place value found at ``start`` of folded ``f`` begins when read whole: word_values' place has a reach,
    so a longer name is found from its middle ("坪游客服务站" of "改到二X坪游客服务站"); the dictionary words right
    before it that may open a place's name (cue place_head_classes: 二 m, X ng) belong to it, up to place_head_reach
    characters, never before ``floor``, a stop character of the place's body, a doing word or a time."""
    spans, times = word_spans(f), time_spans(f)
    inside = next((a for a, b in spans if a < start < b), None)
    if inside is not None and inside >= floor and start - inside <= int(raw("place_head_reach")) \
            and not any(s < start and inside < e for s, e in times):
        start = inside  # "少年宫活动中心" of "青少年宫活动中心": the word it starts in
    classes = tuple(str(c) for c in raw("place_head_classes"))
    head = start
    for a, b in reversed([s for s in spans if s[1] <= start]):
        word = f[a:b]
        if b != head or a < floor or start - a > int(raw("place_head_reach")) \
                or not re.fullmatch(r"[\u4e00-\u9fff]+", word) or not cue("word_values", "place").match(word + "站") \
                or not (word_class(word) or "").startswith(classes) or any(s < b and a < e for s, e in times):
            break
        head = a
    return head


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


def _says_venue(f: str, new: str) -> bool:
    """Whether the stretch of the folded change ``f`` holding the new place ``new`` says it is the venue (cue
    place_slot: "地点改到二楼包间", "集合点改在三号码头")."""
    return any(cue("place_slot").search(s) for s in re.split(f"[{_PAUSES}！!？?]", f) if new in s)


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
            # (each change word: "时间改到三点，地点改到二楼包间" changes the place after its second)
            for x in cue("word_change").finditer(clause):
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
        # (the change word's last two characters read too: a bare price right after a rise or a fall is an amount,
        # "门票涨到300了" — cue figure_kinds amount looks behind for them)
        kinds = figure_kinds(clause[max(x.start(), x.end() - 2):])
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
    if fix.bare:  # (the new value stands beside the old one already: "大概八点半吧（已改：九点）")
        return without_figures(text, fix)
    kept = without_figures(text, fix, marks_named=False)  # (the correction's clauses follow: no mark beside the old)
    new = [c.strip() for c in _CLAUSE_WHOLE.split(fix.by.text)
           if fix.kinds & figure_kinds(_fold(c)) and relevant(c, text, by_kind=False)]
    # (a clause the change put in the stale one's place is said once: "调音费降到240，大家平摊")
    new = [c for c in new if _fold(c) not in _fold(kept)]
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
    if fix.inline:  # "週六九點在捷運劍潭站集合（已改：八點半）…喔不對，八點半": the line set itself right
        return _taken_back_marked(text, fix)
    if fix.bare:  # "本周三晚上六点半在活动中心排练（已改：七点）": the clause with the one value, the new one beside it
        # (a line that changed the value itself: only its change clause, "两点的场被人订走了，改到四点（已改：三点半）")
        own = _bare_clause(_fold(text))
        # (a place the change moves too is marked in its own clause: "…排练（已改：七点），地点在…一楼大厅（已改：…）")
        placed = fix.kinds & set(raw("word_values"))
        return "，".join(_bare_marked(c, fix) if not own or _fold(c).strip(_PAUSES + " ") == own.strip()
                        or any(_values(_fold(c), k) for k in placed) else c for c in clauses)
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


def _bare_clause(f: str) -> str:
    """The clause of the folded line ``f`` that states a figure: the only one, or the only one of those with a
    correction or change word (cue correction, moved) — a reason clause beside the change may name the old value
    ("两点的场被人订走了，改到四点"); "" when there is no single such clause."""
    clauses = _CHANGE_CLAUSE.split(f)
    head = cue("change_bare_head")
    # (a clause right after a heads-up that only says the value changes: "那再改一下，定三点半" — 定三点半)
    figured = [(k, c) for k, c in enumerate(clauses) if figure_kinds(c)]
    if len(figured) > 1:
        # (or right after an opening that only owns the slip: "刚才说错了，应该是两点半开始，图书馆五点闭馆")
        figured = [(k, c) for k, c in figured if cue("correction").search(c) or cue("moved").search(c)
                   or (k and head.search(clauses[k - 1]) and not figure_kinds(clauses[k - 1]))
                   or (k and cue("correction").search(clauses[k - 1]) and not any(map(figure_kinds, clauses[:k])))]
    return figured[0][1] if len(figured) == 1 else ""


def _swapped_values(f: str, old: str) -> list[tuple[str, str]]:
    """(kind, value) of the figures (cue figure_values) in the folded ``f`` that are the value ``old`` a correction
    names wrong: the same value ("三点" of "下午三点"), or its number with a unit ("50" of "每人交50元")."""
    return [(kind, v) for kind in sorted(raw("figure_values")) for v in _figure_values(f, kind)
            if _value_key(v) == _value_key(old) or (old.isdigit() and re.sub(r"\D", "", v) == old)]


def _bare_marked(clause: str, fix: Restated) -> str:
    """``clause`` with the value :func:`_bare_fix`'s correction states beside it, as the correction writes it, when the
    clause holds a value of that kind other than the new one; as it is otherwise."""
    f, said = _fold(clause), _fold(fix.by.text)
    swap = cue("correction_swap").search(said)
    hit = _swapped_values(f, swap.group("old")) if swap else []
    if hit and len(said) == len(fix.by.text):  # "每人交50元服装费（已改：60元）": the unit the old value was said with
        new = fix.by.text[swap.start("new"):swap.end("new")]
        unit = hit[0][1][len(swap.group("old")):] if hit[0][1].startswith(swap.group("old")) else ""
        return f"{clause}（{raw('changed_mark')}{new}{unit if new.isdigit() else ''}）"
    bare = _bare_clause(said)
    put: list[tuple[int, str]] = []
    for kind in sorted(fix.kinds & set(raw("figure_values"))):
        # the change's clause stating the kind: its one clause with a figure, else its one clause with the kind (a yes
        # taking a member's correction, "对，35元，我打错了，周五前交给周爸爸"; several changes, "时间改到三点，费用改成40元")
        # (a clause naming the old value wrong is none: "你说的八点不对吧，群公告写的是七点半")
        olds = {_value_key(v) for v in _figure_values(f, kind)}
        held = [c for c in _CHANGE_CLAUSE.split(said) if kind in figure_kinds(c)
                and not olds & {_value_key(v) for v in _figure_values(c, kind)}]
        change = bare or (held[0] if len(held) == 1 else "")
        at = said.find(change) if change else -1
        new = list(cue("figure_values", kind).finditer(change))
        if len(new) == 2 and _from_to(change, kind) is not None:  # ("八点改到七点半": the value after the change word)
            new = new[1:]
        old = _figure_values(f, kind)
        if len(new) == 1 and len(old) == 1 and _value_key(old[0]) != _value_key(new[0].group(0)):
            start, end = at + new[0].start(), at + new[0].end()
            put.append((start, fix.by.text[start:end] if len(said) == len(fix.by.text) else new[0].group(0)))
            if bare:
                break  # (one clause changing one value: its first kind is the one)
    # (a place the same change moves, "地点改到二楼包间": beside the clause's one place, as the change writes it)
    for kind, old, new_value in _word_changes(said) if fix.kinds & set(raw("word_values")) else []:
        held = [v.text for v in _values(f, kind)]
        old = (_old_said(f, old) if old else held[0] if len(held) == 1 else None) if kind in fix.kinds else None
        at = said.find(new_value)
        # (the place's name read to the end of its stretch when only a word more follows: "二楼包间", not "二楼")
        whole = re.split(f"[{_PAUSES}！!？?]", said[at:])[0] if at >= 0 else ""
        end = at + (len(whole) if len(whole) <= len(new_value) + 3 else len(new_value))
        if old and old != new_value and at >= 0 and all(at != a for a, _ in put):
            put.append((at, fix.by.text[at:end] if len(said) == len(fix.by.text) else said[at:end]))
    return f"{clause}（{raw('changed_mark')}{'，'.join(v for _, v in sorted(put))}）" if put else clause


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
_CHANGE_CLAUSES = re.compile(r"[。；;！!\n]")


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

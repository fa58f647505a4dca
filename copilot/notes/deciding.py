"""Decisions and announcements: what the group settled and who agreed, votes, proposals taken up or conceded,
standing rules, cancellations, and notices of the group's own events.

Part of the notes structure finder (:mod:`copilot.notes.structure`)."""

from __future__ import annotations

import re
from bisect import insort
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from copilot.notes.classify import kind_threshold, sentence_kind
from copilot.notes.cues import cue, has, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import (
    cn_to_int,
    without_times,
)
from copilot.notes.model import ActionItem, Announcement, Decision, Dropped, Message, positions
from copilot.notes.owners import (
    name_shaped,
)
from copilot.notes.pairing import _HEADING_END, _clean, _decided_content, items
from copilot.notes.reading import (
    _CHOICE_NOISE,
    _CLAUSE,
    _CLAUSE_WHOLE,
    _FIGURE,
    People,
    _content_bigrams,
    _function_tags,
    _pronoun_tags,
    _says_yes,
    _spoken,
    _vote,
    aliases,
    display_name,
    is_chatter,
    is_question,
    words,
)
from copilot.notes.tasks import normalised, task_probability
from copilot.textnorm import word_class

_PAUSE = re.compile(r"[，,；;。！!？?：:\n]")


@lru_cache(maxsize=8192)
def agreement_spans(f: str) -> tuple[tuple[int, int], ...]:
    """The clauses of folded ``f`` that report who agreed ("jason同mandy都同意", "阿飞和小葵都说好"):
    their names are agreers of a decision (``cues.yaml`` decision ``reported_agree``), not doers."""
    cuts = [0] + [x for m in _PAUSE.finditer(f) for x in (m.start(), m.end())] + [len(f)]
    pattern = cue("decision", "reported_agree")
    return tuple((s, e) for s, e in zip(cuts[::2], cuts[1::2]) if e > s and pattern.search(f[s:e]))


def _has_verb(f: str) -> bool:
    """An action verb of ``cues.yaml``, or 把 + what is done ("你去仓库把帐篷清点一下")."""
    return bool(cue("action", "verbs").search(cue("action", "verb_not").sub(" ", f))) \
        or any(cue("action", "disposal").match(f[i:]) for i in range(len(f)) if f[i] == "把")


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


@lru_cache(maxsize=16384)  # (asked of each sentence by every notice the to-do step files: read once)
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


# -- decisions and announcements -----------------------------------------------------------------------
@lru_cache(maxsize=16384)  # (asked of each sentence by the notice and the decision steps: read once)
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


def _notice_terms(sentence: str) -> bool:
    """A line that adds the terms of an event just announced ("人数上限20人，报名请在周四前私我")."""
    f = _fold(sentence)
    return has(f, "announcement", "terms") and not is_question(sentence) and not has(f, "announcement", "own_plan")


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
    at = positions(messages)
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
    at = positions(messages)
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
    at = positions(messages)
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
    at = positions(messages)
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
    at = positions(messages)
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
    at = positions(messages)
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
    at = positions(messages)
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


def _speaker_of(messages: list[Message], msg_id: int) -> str | None:
    return next((m.speaker for m in messages if m.id == msg_id), None)

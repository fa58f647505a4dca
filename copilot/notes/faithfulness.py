"""Nothing invented: names, numbers and dates in the notes must occur in the transcript.

Both functions are pure (no engine, no settings) because the drafting helper's rule checker calls
them for the ``grounded_entities`` and ``cites_sources`` rule kinds. ``ground_notes`` applies them:
it removes the items that fail so the LLM path can keep what is sound instead of discarding a whole
set of notes for one invented figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from copilot.notes.cues import cue, raw
from copilot.notes.dates import grounded_dates, with_assumed_days
from copilot.notes.model import ActionItem, Notes, Transcript
from copilot.notes.owners import occurs_whole
from copilot.notes.parse import NotesParseError, parse_text
from copilot.notes.reading import MENTION, People
from copilot.notes.rosters import roster_days
from copilot.textnorm import cn_to_int, ensure_jieba, fold, split_sentences

_DATE = cue("patterns", "date")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TITLE = re.compile(r"《([^》]{1,40})》")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+#.\-]{2,}")
_CN_NUM = cue("patterns", "chinese_numeral")
_GENERIC_PEOPLE = frozenset(str(w) for w in raw("patterns", "generic_people"))
_ID_REF = re.compile(r"\[#(\d+)")
_PARTICLES = set("由和与及请被向给跟把让对在是")


def _norm_date(s: str) -> str:
    return s.replace("号", "日")


def _coerce(transcript: Transcript | str) -> Transcript | str:
    """Raw export text (not our ``[#id 时间] 昵称：文本`` rendering) is parsed so ids and speakers are known."""
    if isinstance(transcript, str) and not _ID_REF.search(transcript):
        try:
            return parse_text(transcript, "聊天记录")
        except NotesParseError:
            return transcript
    return transcript


class _Source:
    """A transcript prepared for lookups: folded text, number values, speakers, message ids."""

    def __init__(self, transcript: Transcript | str) -> None:
        transcript = _coerce(transcript)
        if isinstance(transcript, Transcript):
            parts = [f"{m.speaker}：{m.text}" for m in transcript.messages]
            dates = {m.time.date() for m in transcript.messages if m.time and m.time.year > 1900}
            parts += [f"{d:%Y-%m-%d}|{d.month}月{d.day}日" for d in dates]
            # a deadline resolved from the chat's own words (明天中午前 → 2026-03-15 12:00) is grounded;
            # "|" keeps one date's digits from running into the next one's once spaces are removed
            told = [(m.text, m.time) for m in transcript.messages]
            # (a chat without dated messages: against the day its own dated words fix, as its to-dos were)
            parts.append("|".join(sorted(grounded_dates(list(zip([t for t, _ in told], with_assumed_days(told),
                                                                  strict=True))))))
            people = People.of(transcript.messages)  # and the days a roster gives its lines (12/27 → 2026-12-27)
            parts.append("|".join(sorted(roster_days(transcript.messages, people.roster_member, people.named_in))))
            if transcript.group:
                parts.append(transcript.group)
            self.speakers = set(transcript.speakers)
            # the members' names, longest first: taken out of a text before the tagger looks for names in it, so a
            # name is never read glued to the label written beside it ("Iris老師主講" is no name "老師主")
            names = sorted({n for n in self.speakers if len(n) >= 2}, key=len, reverse=True)
            self.masked = re.compile("|".join(map(re.escape, names))) if names else None
            self.ids = transcript.ids
            self.by_id = {m.id: f"{m.speaker}：{m.text}" for m in transcript.messages}
            self.texts = {m.id: m.text for m in transcript.messages}
            text = "\n".join(parts)
        else:
            text = transcript
            self.speakers = set()
            self.masked = None
            self.ids = {int(x) for x in _ID_REF.findall(text)}
            self.by_id = {}
            self.texts = {}
        whole = fold(text)  # the whole transcript: past fold's cache, so folded once here
        self.folded = _norm_date(re.sub(r"\s+", "", whole))
        self.spaced = _norm_date(re.sub(r"\s+", " ", whole))  # "6230 9101" stays two numbers
        self.numbers = {float(n) for n in _NUMBER.findall(self.folded)}
        for run in _CN_NUM.findall(self.folded):
            value = cn_to_int(run)
            if value is not None:
                self.numbers.add(float(value))
        if "半" in self.folded:
            self.numbers.add(0.5)

    def has(self, entity: str) -> bool:
        return _norm_date(re.sub(r"\s+", "", fold(entity))) in self.folded

    def has_whole_number(self, number: str) -> bool:
        """``number`` written as a number of its own, not as the start or end of a longer one (30 in 3000)."""
        return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", self.spaced) is not None


@lru_cache(maxsize=1)
def _posseg():  # type: ignore[no-untyped-def]
    import jieba.posseg as pseg  # noqa: PLC0415 - the POS tagger loads its own model (~1 s) on first use

    ensure_jieba()
    return pseg


def entities(text: str) -> list[str]:
    """Names, numbers and dates in ``text`` that a reader would take as facts."""
    out: list[str] = []
    rest = text
    for match in _DATE.finditer(text):
        out.append(match.group(0))
    rest = _DATE.sub(" ", rest)
    rest = re.sub(r"\d{1,2}[:：]\d{2}(?::\d{2})?", lambda m: out.append(m.group(0)) or " ", rest)  # type: ignore[func-returns-value]
    out += _NUMBER.findall(rest)
    out += [f"《{t}》" for t in _TITLE.findall(text)]
    out += MENTION.findall(text)
    out += _LATIN.findall(text)
    out += person_names(text)
    return out


@lru_cache(maxsize=8192)
def person_names(text: str) -> tuple[str, ...]:
    """Person names jieba's tagger finds in ``text`` (nr/nrfg/nrt, two characters or more).

    The tagger reads each run of Han characters, letters and digits on its own (``re_han_internal``), so the text's
    names are its runs' names in order; a run is tagged once however many notes items and masked copies repeat it
    (the tagger's HMM is most of the faithfulness check's time on a long chat)."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return ()
    runs = _posseg().re_han_internal.split(text)
    return tuple(name for run in runs[1::2] for name in _run_names(run))


@lru_cache(maxsize=65536)
def _run_names(run: str) -> tuple[str, ...]:
    return tuple(w for w, flag in _posseg().lcut(run) if flag in ("nr", "nrfg", "nrt") and len(w) >= 2)


def _number_ok(entity: str, src: _Source) -> bool:
    try:
        return float(entity) in src.numbers
    except ValueError:
        return False


def _item_texts(notes: Notes) -> list[tuple[str, str, list[str]]]:
    """(location, free text, person fields) for every part of the notes a reader sees."""
    items: list[tuple[str, str, list[str]]] = [("标题", notes.title, []), ("摘要", notes.summary, [])]
    items.append(("主讲/主持", "", [*notes.speakers, *([notes.host] if notes.host else [])]))
    items += [(f"要点 {i}", p.text, [p.speaker] if p.speaker else []) for i, p in enumerate(notes.key_points, 1)]
    items += [(f"问答 {i}", f"{q.question}\n{q.answer}", [x for x in (q.asker, q.answerer) if x])
              for i, q in enumerate(notes.qa, 1)]
    items += [(f"决定 {i}", d.text, []) for i, d in enumerate(notes.decisions, 1)]
    items += [(f"待办 {i}", f"{a.task}\n{a.deadline or ''}", [a.owner] if a.owner else [])
              for i, a in enumerate(notes.actions, 1)]
    items += [(f"公告 {i}", a.text, []) for i, a in enumerate(notes.announcements, 1)]
    items += [(f"金句 {i}", q.text, [q.speaker] if q.speaker else []) for i, q in enumerate(notes.quotes, 1)]
    return items


def _ungrounded_in(text: str, people: Iterable[str], src: _Source) -> list[str]:
    bad: list[str] = []
    found = entities(text)
    if src.masked is not None:  # names read once the members' own names are out of the way
        names = set(person_names(text))
        found = [e for e in found if e not in names] + list(person_names(src.masked.sub("，", text)))
    for ent in found:
        if _NUMBER.fullmatch(ent):
            ok = _number_ok(ent, src) or src.has_whole_number(ent)
        else:
            ok = src.has(ent) or ent in src.speakers
            if not ok and ent[0] in _PARTICLES and len(ent) > 2:  # tagger glued 由/和/请… to a name
                ok = src.has(ent[1:])
            if not ok:
                ok = any(ent in sp for sp in src.speakers)
        if not ok:
            bad.append(ent)
    for person in people:
        if person and not _person_ok(person, src) and not all(_person_ok(p, src) for p in _CO_OWNERS.split(person)):
            bad.append(person)  # (co-owners "蛇叔和阿橘" are grounded when each of them is)
    return bad


_CO_OWNERS = re.compile(r"[和、]")


def _person_ok(person: str, src: _Source) -> bool:
    """A participant, a word for the group, or a name the chat writes as a word of its own (not 小望 cut
    out of 小望远镜)."""
    return bool(person) and (person in _GENERIC_PEOPLE or person in src.speakers
                             or (src.has(person) and occurs_whole(fold(person), src.folded)))


# a to-do's note of the question it answers (not cited): it closes its task, so it runs to the "）" before the
# next task (；) or the end, whatever brackets the question itself holds
_REPLY_NOTE = re.compile(r"（回复[^：）]{1,30}：.*?）(?=；|$)", re.S)


def _cited_texts(notes: Notes) -> list[tuple[str, str, list[int]]]:
    """(location, text, cited ids) of every item that cites messages: its numbers must be in those messages."""
    return (
        [(f"要点 {i}", p.text, p.sources) for i, p in enumerate(notes.key_points, 1)]
        + [(f"问答 {i}", f"{q.question}\n{q.answer}", q.sources) for i, q in enumerate(notes.qa, 1)]
        + [(f"决定 {i}", d.text, d.sources) for i, d in enumerate(notes.decisions, 1)]
        + [(f"待办 {i}", _REPLY_NOTE.sub("", a.task), a.sources) for i, a in enumerate(notes.actions, 1)]
        + [(f"公告 {i}", a.text, a.sources) for i, a in enumerate(notes.announcements, 1)]
        + [(f"金句 {i}", q.text, q.sources) for i, q in enumerate(notes.quotes, 1)]
    )


def _uncited_figures(text: str, sources: list[int], src: _Source) -> list[str]:
    """Numbers, times and dates in ``text`` that its cited messages do not hold: a figure found elsewhere in
    the chat but not where the item says it comes from is still a wrong figure (30 for the 3000 cited)."""
    cited = [src.by_id[i] for i in sources if i in src.by_id]
    if not cited:  # a raw-text source has no messages by id: nothing to compare with
        return []
    own = _Source("\n".join(f"[#{i}] {t}" for i, t in zip(sources, cited, strict=False)))
    return [e for e in entities(text) if re.search(r"\d", e) and _ungrounded_in(e, [], own)]


def find_ungrounded(notes: Notes, transcript: Transcript | str) -> list[str]:
    """Names/numbers/dates in ``notes`` that do not occur in ``transcript`` (deduplicated, in order).

    ``transcript`` is a parsed :class:`Transcript` (preferred: speakers and dates are known) or the
    raw export text.
    """
    src = _Source(transcript)
    seen: dict[str, None] = {}
    for day in (notes.date, notes.date_end):
        if day and not src.has(day):
            seen.setdefault(day, None)
    for _, text, people in _item_texts(notes):
        for ent in _ungrounded_in(text, people, src):
            seen.setdefault(ent, None)
    return list(seen)


def find_miscited(notes: Notes, transcript: Transcript) -> list[str]:
    """Items whose numbers, times or dates are in the chat but not in the messages the item cites
    (Chinese, one line per item): not invented, yet a member checking the citation would not find them."""
    src = _Source(transcript)
    return [f"{where}：所引消息中没有「{'、'.join(dict.fromkeys(wrong))}」"
            for where, text, sources in _cited_texts(notes)
            if (wrong := _uncited_figures(text, sources, src))]


def _cited_items(notes: Notes) -> list[tuple[str, list[int]]]:
    return [(where, sources) for where, _, sources in _cited_texts(notes)]


def find_bad_citations(notes: Notes, transcript: Transcript | str | Iterable[int]) -> list[str]:
    """Chinese problems for items that cite nothing or cite message ids absent from the transcript."""
    if isinstance(transcript, str):
        transcript = _coerce(transcript)
    if isinstance(transcript, Transcript):
        ids = transcript.ids
    elif isinstance(transcript, str):
        ids = {int(x) for x in _ID_REF.findall(transcript)}
    else:
        ids = set(transcript)
    problems: list[str] = []
    for where, sources in _cited_items(notes):
        if not sources:
            problems.append(f"{where} 没有标注来源消息编号")
            continue
        missing = [s for s in sources if s not in ids]
        if missing:
            problems.append(f"{where} 引用了不存在的消息 {', '.join(f'#{s}' for s in missing)}")
    return problems


def _original_sentence(action: ActionItem, src: _Source) -> str | None:
    """The sentence of the messages ``action`` cites that carries it: the last naming its owner, else the last
    holding its deadline's words, else the last cited message whole — a later line is the current state ("車費星期四前
    交俾我 50蚊" after "車費每人40蚊…"); None when it cites nothing known."""
    texts = [src.texts[s] for s in action.sources if s in src.texts]
    if not texts:
        return None
    sentences = [x.strip() for t in texts for x in split_sentences(t) if x.strip()]
    # (the owner as the line writes them: "司机-老周" is "老周" there, "Sandy 小林" is "Sandy")
    parts = [x for x in re.split(r"[\s\-－·]+", action.owner or "") if len(x) >= 2]
    for wanted in (action.owner, *parts, action.deadline_text):
        if wanted:
            hit = next((x for x in reversed(sentences) if wanted in x), None)
            if hit is not None:
                return hit
    return texts[-1].strip() or None


def _quote_of(text: str, n: int = 40) -> str:
    """An item's first line, cut at ``n`` characters: what a removal line quotes of the item it took out."""
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= n else line[:n] + "…"


def ground_notes(notes: Notes, transcript: Transcript) -> tuple[Notes, list[str]]:
    """A copy of ``notes`` without the items that invent entities or cite missing messages.

    Returns the cleaned notes and a Chinese line per removed item. The summary keeps its grounded
    sentences only; a title with an invented entity is replaced by a neutral one.
    """
    src = _Source(transcript)
    ids = transcript.ids
    removed: list[str] = []
    data = notes.model_copy(deep=True)

    def keep(where: str, text: str, people: list[str], sources: list[int] | None, figures: str | None = None) -> bool:
        # the item's own words go with the reason, so a reader can find (and keep by hand) what was taken out
        where = f"{where}（{_quote_of(text)}）" if text.strip() else where
        bad = _ungrounded_in(text, people, src)
        if bad:
            removed.append(f"{where}：原文中没有「{'、'.join(dict.fromkeys(bad))}」，已删除")
            return False
        wrong = _uncited_figures(text if figures is None else figures, sources or [], src)
        if wrong:
            removed.append(f"{where}：所引消息中没有「{'、'.join(dict.fromkeys(wrong))}」，已删除")
            return False
        if sources is not None:
            if not sources:
                removed.append(f"{where}：没有标注来源消息，已删除")
                return False
            if any(s not in ids for s in sources):
                removed.append(f"{where}：引用了不存在的消息，已删除")
                return False
        return True

    data.key_points = [p for i, p in enumerate(data.key_points, 1)
                       if keep(f"要点 {i}", p.text, [p.speaker] if p.speaker else [], p.sources)]
    data.qa = [q for i, q in enumerate(data.qa, 1)
               if keep(f"问答 {i}", f"{q.question}\n{q.answer}", [x for x in (q.asker, q.answerer) if x], q.sources)]
    data.decisions = [d for i, d in enumerate(data.decisions, 1) if keep(f"决定 {i}", d.text, [], d.sources)]
    actions = []
    for i, a in enumerate(data.actions, 1):
        where = f"待办 {i}"
        people = [a.owner] if a.owner else []
        if keep(where, f"{a.task}\n{a.deadline or ''}", people, a.sources, figures=_REPLY_NOTE.sub("", a.task)):
            actions.append(a)
            continue
        # a to-do is never dropped silently: its own sentence from the messages it cites stands in for the
        # wording that failed ("由Sandy負責週三中午前打電話一輪", not a splice with a figure of another line)
        said = _original_sentence(a, src)
        if said is None:
            continue
        fixed = a.model_copy(update={"task": said})
        if fixed.deadline and _ungrounded_in(fixed.deadline, [], src):
            fixed.deadline = None
        failed = removed.pop()
        if keep(where, f"{fixed.task}\n{fixed.deadline or ''}", people, fixed.sources, figures=fixed.task):
            removed.append(failed.removesuffix("已删除") + f"已改回原句：{said}")
            actions.append(fixed)
        else:
            removed[-1] = failed
    data.actions = actions
    data.announcements = [a for i, a in enumerate(data.announcements, 1) if keep(f"公告 {i}", a.text, [], a.sources)]
    data.quotes = [q for i, q in enumerate(data.quotes, 1)
                   if keep(f"金句 {i}", q.text, [q.speaker] if q.speaker else [], q.sources)]
    sentences = split_sentences(data.summary)
    good = [s for s in sentences if not _ungrounded_in(s, [], src)]
    if len(good) < len(sentences):
        removed.append(f"摘要：删去 {len(sentences) - len(good)} 句含原文没有的名字或数字的句子")
        data.summary = "".join(good)
    data.summary_sources = [s for s in data.summary_sources if s in ids]
    if _ungrounded_in(data.title, [], src):
        removed.append("标题：含原文没有的名字或数字，已改为通用标题")
        data.title = f"{transcript.group or '群'}{data.session_type}整理"
    data.speakers = [s for s in data.speakers if s in src.speakers or src.has(s)]
    if data.host and data.host not in src.speakers and not src.has(data.host):
        data.host = None
    return data, removed

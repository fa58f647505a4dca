"""LLM engine: map-reduce over token-budgeted chunks, validated, then checked for invented facts.

A long share session does not fit one prompt, so the transcript is cut into chunks that fit the
token budget (tiktoken), each chunk is summarised into a cited draft (map), and the drafts are merged
(reduce). Each structured reply is validated by pydantic, by the citation check (ids must exist in
that chunk) and by the entity check (names/numbers/dates must be in the source); the model is asked
again with the problems listed, and whatever still fails is dropped by :func:`ground_notes`.
Session type, speakers, host and date come from the deterministic structure pass, not the model.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from copilot.llm import Engine, StructuredOutputError, invoke_structured, schema_hint
from copilot.notes.dates import event_days, find_deadline, next_meetings
from copilot.notes.faithfulness import find_bad_citations, find_ungrounded, ground_notes
from copilot.notes.model import Drafted, Message, Notes, NotesContent, Transcript
from copilot.notes.structure import Structure
from copilot.prompts import load_prompt
from copilot.tokens import count_tokens, pack_to_budget, truncate_to_tokens

MAX_MESSAGE_TOKENS = 400
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$")
PROMPT_OVERHEAD_TOKENS = 1200  # system prompt + schema


class NotesDraft(NotesContent):
    """What the model fills: the content of the notes plus a title suggestion."""

    title: str = ""


@lru_cache(maxsize=1)
def _schema() -> str:
    return schema_hint(NotesDraft)


def message_line(m: Message) -> str:
    return f"[#{m.id} {m.clock}] {m.speaker}：{m.text}"


def chunk_messages(messages: list[Message], budget_tokens: int) -> list[list[Message]]:
    """Consecutive messages grouped so each chunk's lines fit ``budget_tokens`` (never split a message)."""
    return pack_to_budget(messages, budget_tokens, cost=lambda m: min(count_tokens(message_line(m)), MAX_MESSAGE_TOKENS))


def _render_chunk(messages: list[Message]) -> str:
    return "\n".join(truncate_to_tokens(message_line(m), MAX_MESSAGE_TOKENS) for m in messages)


def _sub_transcript(t: Transcript, messages: list[Message]) -> Transcript:
    return Transcript(name=t.name, messages=messages, group=t.group)


def structure_hints(st: Structure, ids: set[int]) -> str:
    """The structure pass's findings for the messages in ``ids``, as lines the model can check: the same
    Q&A pairing, to-do owners, resolved deadlines, decisions and notices the offline engine uses."""
    lines: list[str] = []
    for q in st.qa:
        if q.sources[0] in ids:
            lines.append(f"- 问答 {_refs(q.sources)}：{q.asker} 问，{q.answerer} 答")
    for a in st.actions:
        if set(a.sources) & ids:
            due = "，".join(x for x in (a.deadline_text, a.deadline) if x)
            lines.append(f"- 待办 {_refs(a.sources)}：负责人 {a.owner or '未知'}" + (f"；截止 {due}" if due else ""))
    for d in st.decisions:
        if set(d.sources) & ids:
            lines.append(f"- 决定 {_refs(d.sources)}" + (f"：{'、'.join(d.by)} 同意" if d.by else ""))
    for n in st.announcements:
        if set(n.sources) & ids:
            lines.append(f"- {n.kind} {_refs(n.sources)}")
    return "\n".join(lines)


def _refs(sources: list[int]) -> str:
    return " ".join(f"#{i}" for i in sources)


def resolve_deadlines(notes: Notes, transcript: Transcript) -> None:
    """A model's to-dos get the same dates as the offline engine's: the chat's words (deadline_text),
    resolved against the time of the message they cite; a deadline that is not a date becomes words."""
    times = {m.id: m.time for m in transcript.messages}
    texts = [(m.text, m.time) for m in transcript.messages]
    # "活动前一晚" / "下次上课前": counted from the event and the stated schedule, as offline
    around = {m.id: (e, n) for m, e, n in zip(transcript.messages, event_days(texts), next_meetings(texts), strict=True)}
    for a in notes.actions:
        if a.deadline and not _ISO.match(a.deadline):
            a.deadline_text, a.deadline = a.deadline_text or a.deadline, None
        if a.deadline is None and a.deadline_text:
            cited = next((i for i in a.sources if times.get(i)), None)
            when = times[cited] if cited is not None else None
            event, meeting = around.get(cited, (None, None)) if cited is not None else (None, None)
            found = find_deadline(a.deadline_text, when, strict=False, event=event, meeting=meeting)
            a.deadline = found.iso if found else None


def _draft_notes(draft: NotesDraft, st: Structure) -> Notes:
    return Notes(title=draft.title or "整理稿", session_type=st.session_type, speakers=st.speakers,
                 host=st.host, **draft.model_dump(exclude={"title"}))


def _validator(source: Transcript, st: Structure):  # type: ignore[no-untyped-def]
    def validate(draft: NotesDraft) -> list[str]:
        notes = _draft_notes(draft, st)
        problems = find_bad_citations(notes, source)
        invented = find_ungrounded(notes, source)
        if invented:
            problems.append("以下名字/数字/日期在聊天记录里没有出现，请删除或改成原文写法：" + "、".join(invented[:10]))
        if not draft.key_points and len(source.messages) >= 3:
            problems.append("key_points 不能为空")
        return problems

    return validate


def _drafts_payload(drafts: list[NotesDraft], budget: int) -> str:
    """Drafts as a JSON array within ``budget`` tokens, always valid JSON (never cut mid-string).

    When too long, quotes and per-chunk summaries go first, then whole drafts from the end are
    reduced to their to-dos, Q&A and announcements, which the reduce step must keep verbatim.
    """
    payload = [d.model_dump(exclude_defaults=True) for d in drafts]
    text = json.dumps(payload, ensure_ascii=False)
    if count_tokens(text) <= budget:
        return text
    for d in payload:
        d.pop("quotes", None)
        d.pop("summary", None)
        d.pop("summary_sources", None)
    for d in reversed(payload):
        text = json.dumps(payload, ensure_ascii=False)
        if count_tokens(text) <= budget:
            return text
        d.pop("key_points", None)
    return json.dumps(payload, ensure_ascii=False)


def summarize_llm(engine: Engine, transcript: Transcript, st: Structure) -> Drafted:
    """Map-reduce notes with the model: the grounded notes, the removed-item lines and the prompt refs.

    Raises :class:`StructuredOutputError` when nothing usable survives, so the caller falls back.
    """
    settings = engine.settings
    map_prompt = load_prompt("notes_map", settings.prompts_dir)
    reduce_prompt = load_prompt("notes_reduce", settings.prompts_dir)
    schema = _schema()
    budget = max(300, settings.llm_context_tokens - settings.llm_max_tokens - PROMPT_OVERHEAD_TOKENS
                 - count_tokens(schema))
    chunks = chunk_messages(transcript.messages, budget)
    common = dict(session_type=st.session_type, speakers=st.speakers, host=st.host, group=transcript.group,
                  date=transcript.date, schema=schema)
    drafts: list[NotesDraft] = []
    for i, chunk in enumerate(chunks, 1):
        hints = structure_hints(st, {m.id for m in chunk})
        messages = map_prompt.render(chunk=_render_chunk(chunk), part=i, parts=len(chunks), hints=hints, **common)
        sub = _sub_transcript(transcript, chunk)
        drafts.append(invoke_structured(engine, messages, NotesDraft, attempts=3, validate=_validator(sub, st)))
    refs = map_prompt.ref
    if len(drafts) == 1:
        final = drafts[0]
    else:
        text = _drafts_payload(drafts, max(budget, 1000))
        messages = reduce_prompt.render(drafts=text, topic=st.topic, **common)
        final = invoke_structured(engine, messages, NotesDraft, attempts=3, validate=_validator(transcript, st))
        refs += "+" + reduce_prompt.ref
    notes = _draft_notes(final, st)
    notes.date, notes.date_end = transcript.date, transcript.date_end
    notes.group = transcript.group
    notes.message_count = len(transcript.messages)
    notes.dropped_count = len(transcript.dropped)
    resolve_deadlines(notes, transcript)
    notes, removed = ground_notes(notes, transcript)
    if not notes.key_points and not notes.summary:
        raise StructuredOutputError("模型输出的要点和摘要都无法在聊天记录中找到依据")
    return Drafted(notes, removed, refs)

"""Data model for talk notes: parsed chat messages, the transcript, and the pydantic ``Notes``.

Messages are plain dataclasses because a 2,000-message export is parsed on every run and pydantic
validation there buys nothing; the notes are pydantic because they cross the LLM boundary and are
validated, serialised to JSON and rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

MessageKind = Literal["text", "system", "media", "ad", "empty"]
SessionType = Literal["主讲分享", "话题讨论"]


@dataclass(slots=True)
class Message:
    """One chat message. ``id`` is the 1-based position in the export and is what notes cite."""

    id: int
    time: datetime | None
    speaker: str
    text: str
    speaker_id: str | None = None
    kind: MessageKind = "text"
    line: int = 0  # line (or row) of the export where the message starts, for error messages
    reply_to: str | None = None  # whose message it quotes (a quote-reply), as written in the quote

    @property
    def clock(self) -> str:
        return self.time.strftime("%H:%M") if self.time else ""


@dataclass
class Dropped:
    """A message removed as noise, with the reason (kept so operators can audit the filter)."""

    id: int
    reason: str
    text: str
    speaker: str = ""


@dataclass
class Transcript:
    """A parsed export: the messages worth summarising plus what was dropped and why."""

    name: str
    messages: list[Message]
    format: str = ""
    encoding: str = ""
    group: str | None = None
    warnings: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def ids(self) -> set[int]:
        return {m.id for m in self.messages}

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.messages:
            seen.setdefault(m.speaker, None)
        return list(seen)

    @property
    def date(self) -> str | None:
        """The first dated message's day (``YYYY-MM-DD``); None for a time-only export."""
        for m in self.messages:
            if m.time and m.time.year > 1900:  # 1900 = time-only export, the date is unknown
                return m.time.strftime("%Y-%m-%d")
        return None

    @property
    def date_end(self) -> str | None:
        """The latest day when the messages run past the first one (a three-day export), else None."""
        first = self.date
        last = max((m.time for m in self.messages if m.time and m.time.year > 1900), default=None)
        day = last.strftime("%Y-%m-%d") if last else None
        return day if first and day and day > first else None

    def as_text(self) -> str:
        """The transcript as grounding text: ``[#id 时间] 昵称：文本`` lines."""
        lines = []
        for m in self.messages:
            stamp = "" if m.time is None else m.time.strftime("%H:%M:%S" if m.time.year <= 1900 else "%Y-%m-%d %H:%M:%S")
            lines.append(f"[#{m.id} {stamp}] {m.speaker}：{m.text}")
        return "\n".join(lines)


def positions(messages: list[Message]) -> dict[int, int]:
    """Where each message stands in ``messages``, by its id: notes cite ids, the passes walk the list by position."""
    return {m.id: i for i, m in enumerate(messages)}


# -- notes ----------------------------------------------------------------------------------------
Sources = list[int]


class KeyPoint(BaseModel):
    text: str = Field(min_length=1, description="要点，一两句话")
    sources: Sources = Field(default_factory=list, description="依据的消息编号")
    speaker: str | None = Field(None, description="提出这个要点的人")
    time: str | None = Field(None, description="来源消息的时间 HH:MM")


class QAPair(BaseModel):
    question: str = Field(min_length=1)
    asker: str | None = None
    answer: str = Field("", description="回答；没有人回答时为空")
    answerer: str | None = None
    sources: Sources = Field(default_factory=list)


class Decision(BaseModel):
    text: str = Field(min_length=1)
    by: list[str] = Field(default_factory=list, description="提出或同意这个决定的人")
    decider: str | None = Field(None, description="拍板的人（也在 by 里）；不知道时为空")
    sources: Sources = Field(default_factory=list)


class ActionItem(BaseModel):
    task: str = Field(min_length=1, description="做什么")
    owner: str | None = Field(None, description="谁负责")
    deadline: str | None = Field(None, description="截止日期 YYYY-MM-DD（或 YYYY-MM-DD HH:MM），按消息时间推算；推算不出时为空")
    deadline_text: str | None = Field(None, description="截止时间的原话，如“周五前”“明天中午前”")
    sources: Sources = Field(default_factory=list)


class Announcement(BaseModel):
    text: str = Field(min_length=1)
    kind: Literal["作业", "下期预告", "通知"] = "通知"
    sources: Sources = Field(default_factory=list)
    speaker: str | None = Field(None, description="发布这条公告的人")


class Quote(BaseModel):
    text: str = Field(min_length=1)
    speaker: str | None = None
    sources: Sources = Field(default_factory=list)


class NotesContent(BaseModel):
    """The content of a write-up, every item cited: what an engine (offline or a model) fills in.

    The LLM path asks the model for exactly this (``copilot.notes.llm.NotesDraft``); :class:`Notes`
    adds what we work out ourselves (session type, speakers, host, counts), so a field added here
    reaches both.
    """

    summary: str = ""
    summary_sources: Sources = Field(default_factory=list)
    key_points: list[KeyPoint] = Field(default_factory=list)
    qa: list[QAPair] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    actions: list[ActionItem] = Field(default_factory=list)
    announcements: list[Announcement] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)


class Omitted(BaseModel):
    """A message left out of the notes (noise, an ad, a repeat) with the reason, listed in the appendix
    so nothing disappears silently."""

    id: int
    reason: str
    speaker: str = ""
    text: str = ""


class Notes(NotesContent):
    """The shareable write-up of one session (分享整理稿). Every item cites its source message ids."""

    title: str
    date: str | None = None
    date_end: str | None = Field(None, description="记录跨几天时的最后一天（YYYY-MM-DD）；只有一天时为空")
    group: str | None = None
    session_type: SessionType = "话题讨论"
    speakers: list[str] = Field(default_factory=list, description="主讲人或主要发言人")
    host: str | None = None
    message_count: int = 0
    dropped_count: int = 0
    omitted: list[Omitted] = Field(default_factory=list, description="略去的消息及原因（附录）")
    warnings: list[str] = Field(default_factory=list, description="解析时跳过的行等警告")
    checked: list[str] = Field(default_factory=list, description="核实时改回原句或删去的条目（附录）")
    script: Literal["zh-Hans", "zh-Hant"] = Field("zh-Hans", description="原文字形；整理稿默认沿用")


@dataclass
class Drafted:
    """What an engine returns: the notes, the items the faithfulness check removed, the prompt used."""

    notes: Notes
    removed: list[str] = field(default_factory=list)
    prompt: str | None = None


@dataclass
class NotesResult:
    """Notes plus provenance: the engine that produced them, any fallback notice, and warnings."""

    notes: Notes
    engine: str
    notice: str | None = None
    warnings: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # items dropped by the faithfulness check
    prompt: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "notes": self.notes.model_dump(exclude={"omitted", "warnings"}),  # listed once, below
            "engine": self.engine,
            "notice": self.notice,
            "warnings": self.warnings,
            "dropped": [{"id": d.id, "reason": d.reason, "text": d.text} for d in self.dropped],
            "removed": self.removed,
            "prompt": self.prompt,
        }

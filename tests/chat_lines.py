"""Chats written in notes tests as "speaker|text" lines: one message a minute from ``start``; their offline notes (from
the messages, or through the parser as a WeChat-style text export); the to-dos of one owner; the decision that says
something; the Q&A pair that asks something."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import ActionItem, Decision, Message, Notes, QAPair, Transcript
from copilot.notes.offline import summarize_offline
from copilot.notes.structure import Structure, analyze


def chat_lines(*lines: str, start: datetime, first_id: int = 0) -> list[Message]:
    """The messages of ``lines`` ("老郑|周六九点集合"), ids from ``first_id``, one minute apart from ``start``."""
    return [Message(id=first_id + i, speaker=speaker, text=text, time=start + timedelta(minutes=i))
            for i, (speaker, text) in enumerate(line.split("|", 1) for line in lines)]


def chat_notes(*lines: str, start: datetime, first_id: int = 0, name: str = "t", fmt: str | None = None) -> Notes:
    """The offline notes of the chat ``lines`` (see :func:`chat_lines`), as transcript ``name`` of format ``fmt``."""
    extra = {"format": fmt} if fmt else {}
    return summarize_offline(Transcript(name=name, messages=chat_lines(*lines, start=start, first_id=first_id), **extra))


def chat_structure(*lines: str, start: datetime, first_id: int = 0) -> Structure:
    """What the notes' structure finder reads in the chat ``lines`` (see :func:`chat_lines`), as transcript "t"."""
    return analyze(Transcript(name="t", messages=chat_lines(*lines, start=start, first_id=first_id)))


def owned_by(actions: Iterable[ActionItem], owner: str) -> list[ActionItem]:
    """The to-dos in ``actions`` whose owner is ``owner`` as written ("大侠和小林" for work two share), in order."""
    return [a for a in actions if a.owner == owner]


def exported_notes(*lines: str, start: datetime, step: int = 1) -> Notes:
    """The offline notes of ``lines`` ("乐乐妈妈|收到") written as a WeChat-style text export, ``step`` minutes apart
    from ``start``, read by the parser as a user's file is."""
    text = "".join(f"[{(start + timedelta(minutes=i * step)):%Y-%m-%d %H:%M:%S}] {who}: {said}\n"
                   for i, (who, said) in enumerate(line.split("|", 1) for line in lines))
    settings = Settings(llm_provider="offline")
    return summarize_text(text, "chat.txt", settings, get_engine(settings, prefer="offline")).notes


def pair_asking(notes: Notes, asked: str) -> QAPair | None:
    """The first Q&A pair of ``notes`` whose question has ``asked`` (None when no question has)."""
    return next((q for q in notes.qa if asked in q.question), None)


def decisions_with(notes: Notes, words: str) -> list[Decision]:
    """The decisions of ``notes`` whose text has ``words``, in order (none: an empty list)."""
    return [d for d in notes.decisions if words in d.text]


def decision_with(notes: Notes, words: str) -> Decision:
    """The first decision of ``notes`` whose text has ``words``; the test fails listing the decisions when none has."""
    found = decisions_with(notes, words)
    assert found, [d.text for d in notes.decisions]
    return found[0]


def text_todos(text: str, name: str, settings: Settings) -> list[tuple[str, str, str | None]]:
    """(owner, task, deadline) of each to-do in the notes of the chat export ``text`` (file name ``name``), in order."""
    notes = summarize_text(text, name, settings, get_engine(settings)).notes
    return [(a.owner or "", a.task, a.deadline) for a in notes.actions]

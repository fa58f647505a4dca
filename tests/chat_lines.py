"""Chats written in notes tests as "speaker|text" lines: one message a minute from ``start``; their offline notes; the
to-dos of one owner."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from copilot.notes.model import ActionItem, Message, Notes, Transcript
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

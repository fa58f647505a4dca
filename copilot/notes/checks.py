"""The notes' own rule kinds, registered with the shared checker (:mod:`copilot.knowledge.checks`).

``grounded_entities``: every name, number and date in the notes occurs in the transcript;
``cites_sources``: every item cites message ids that exist. The transcript comes in the check's
context (``context["transcript"]``, a parsed :class:`Transcript` or the raw export text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from pydantic import ValidationError

from copilot.knowledge.checks import CheckInput, CheckOutcome, register_check, shorten
from copilot.notes.faithfulness import find_bad_citations, find_ungrounded
from copilot.notes.model import Notes, Transcript

Finder = Callable[[Notes, Transcript | str], Sequence[str]]


def notes_check(c: CheckInput, *, finder: Finder, failed: str, passed: str) -> CheckOutcome:
    """Run ``finder`` on every draft against the transcript in the check's context."""
    source = c.context.get("transcript") or c.context.get("source")
    if source is None:
        return None, "无法检查：没有提供原始聊天记录（context['transcript']）"
    bad: list[str] = []
    for draft in c.drafts:
        try:
            notes = draft if isinstance(draft, Notes) else Notes.model_validate(draft)
        except ValidationError as exc:
            return False, f"整理稿结构无效：{str(exc)[:120]}"
        bad += [str(b) for b in finder(notes, source)]
    return (False, failed + shorten(bad)) if bad else (True, passed)


register_check("grounded_entities", partial(notes_check, finder=find_ungrounded, failed="原始记录里找不到：",
                                            passed="人名、数字、日期都能在原始记录中找到"))
register_check("cites_sources", partial(notes_check, finder=find_bad_citations, failed="引用有问题：",
                                        passed="每个要点都标注了有效的来源消息"))

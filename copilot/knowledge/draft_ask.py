"""A question that asks us to write a text the asker will post (``resources/retrieval/draft_asks.yaml``): 帮我写一份
群规, 拟一个群公告, 起几个群名. ``ask`` answers it from the method as before; :func:`draft_command` names the
``copilot draft`` subcommand that writes that text from the group's profile, which the CLI prints after the answer
and ``--json`` gives as ``draft``. A question about what to write (群规应该写哪几条) asks for the method, not a text,
and gets no pointer."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel

from copilot.paths import RESOURCES_DIR, load_yaml
from copilot.textnorm import fold

DRAFT_ASKS_FILE = RESOURCES_DIR / "retrieval" / "draft_asks.yaml"
# where the text asked for must be named: after the write cue, in the same sentence
_SENTENCE_END = re.compile(r"[。？?！!；;\n]")
# a break between the write cue and the kind it names: the kind is then not the text asked for
_CLAUSE_BREAK = re.compile(r"[，,、：:]")


class DraftKind(BaseModel):
    command: str
    what: str
    words: list[str]
    # the request ranked as this phrase when the kind's own word names no section (写个通知: 写一份群公告)
    ranked_as: str = ""


class DraftAsks(BaseModel):
    writes: list[str] = []
    kinds: list[DraftKind] = []
    # a text named only by one of these (帮我写一条文案) is the kind the question names elsewhere (要发朋友圈招新), if any
    generic: list[str] = []
    line: str = ""
    ui_line: str = ""

    def _first(self, text: str, words: list[str] | None = None) -> tuple[int, int, DraftKind] | None:
        """The kind named first in ``text`` (position, file order, kind), counting only ``words`` when given."""
        found = []
        for order, kind in enumerate(self.kinds):
            named = [w for w in kind.words if words is None or w in words]
            at = min((i for i in (text.find(fold(w)) for w in named) if i >= 0), default=-1)
            if at >= 0:
                found.append((at, order, kind))
        return min(found, key=lambda f: f[:2]) if found else None

    def _best(self, question: str) -> tuple[int, int, DraftKind, str, str, int] | None:
        """The kind named first after a write cue in the same sentence: (where it is named, file order, kind, the
        cue and the kind's longest word there as the question says them, where the cue starts), None when there is none."""
        text = fold(question)
        best: tuple[int, int, DraftKind, str, str, int] | None = None
        for cue in map(fold, self.writes):
            start = text.find(cue)
            while start >= 0:
                after = start + len(cue)
                end = _SENTENCE_END.search(text, after)
                tail = text[after:end.start() if end else len(text)]
                first = self._first(tail)
                if first is not None and (best is None or (after + first[0], first[1]) < best[:2]):
                    at = after + first[0]
                    word = max((fold(w) for w in first[2].words if text.startswith(fold(w), at)), key=len)
                    best = (at, first[1], first[2], cue, word, start)
                start = text.find(cue, start + 1)
        return best

    def kind(self, question: str) -> DraftKind | None:
        """The text ``question`` asks us to write: of the kinds named after a write cue in the same sentence, the
        one named first; None when it asks for none (or for one no subcommand writes)."""
        text = fold(question)
        best = self._best(question)
        if best is None:
            return None
        specific = [w for k in self.kinds for w in k.words if w not in self.generic]
        if not any(text.startswith(fold(w), best[0]) for w in specific):
            elsewhere = self._first(text, specific)  # only a generic word after the cue: a kind named elsewhere
            if elsewhere is not None:
                return elsewhere[2]
        return best[2]

    def core(self, question: str) -> tuple[str, str]:
        """What a request to write a text asks of the method, without the group it describes, and the rest of the
        request: the write cue and the text's kind as the question says them (帮我写一份铁路退休职工联谊群的群公告，下周三…
        → 帮我写群公告), or the kind's ``ranked_as`` when it has one (a 通知 is written like a 群公告), and the question
        with that cue-to-kind span cut out (the group, time and place the draft is filled with). ("", "") when
        ``question`` asks for no text, or when a clause break stands between the cue and the kind (帮我写一份道歉信，写成
        群公告的格式: the text asked for is not the 群公告)."""
        best = self._best(question)
        if best is None:
            return "", ""
        text = fold(question)
        at, _, _, cue, word, start = best
        if _CLAUSE_BREAK.search(text, start, at):
            return "", ""
        chosen = self.kind(question)
        rest = (text[:start] + "，" + text[at + len(word):]).strip("，, ")
        return (chosen.ranked_as if chosen is not None and chosen.ranked_as else cue + word), rest


@lru_cache(maxsize=1)
def draft_asks() -> DraftAsks:
    return DraftAsks.model_validate(load_yaml(DRAFT_ASKS_FILE.read_text(encoding="utf-8")) or {})


def draft_command(question: str) -> str:
    """The ``copilot draft`` subcommand (``rules``, ``copy --kind notice``…) for the text ``question`` asks us to
    write, "" when it asks for none."""
    kind = draft_asks().kind(question)
    return kind.command if kind else ""


def draft_core(question: str) -> tuple[str, str]:
    """The request to write a text without the group it describes, and the rest of the question
    (:meth:`DraftAsks.core`); ("", "") for no such request."""
    return draft_asks().core(question)


def draft_line(command: str, page: str = "") -> str:
    """The CLI's line pointing to ``copilot draft {command}``, or with ``page`` (the 起草 page's choice for it) the UI's
    line ("" for "")."""
    kind = next((k for k in draft_asks().kinds if k.command == command), None)
    line = draft_asks().ui_line if page else draft_asks().line
    return line.format(what=kind.what, command=command, page=page) if kind and line else ""

"""What an offline answer is built from once the sections are ranked (``resources/retrieval/compose.yaml``).

- **Scene**: a section written for one kind of setting (a brand answering its customers: 订单号, "这件事确实
  是我们没做好") is not among the model's extra passages, and does not join through a pointer, for a question
  that names nothing of that setting (:meth:`ComposeCues.out_of_scene`). The offline answer's sections are chosen
  as ranked (round 31: keeping such a runner-up out lowered the old blind split).
- **Repeats**: a later section's sentences that repeat what an earlier section already said (the same
  three-step ladder in 广告怎么处理 and 违规怎么处理, the same story told in two cards) are left out; a section
  with nothing new keeps its heading and a note (:class:`Seen`). The answering section is always given whole.
- **Pointers**: a line that sends the reader to another card ("那时要看生命周期卡片") either has that card's
  section in the answer or loses the pointer (:meth:`ComposeCues.pointed_titles`, :meth:`ComposeCues.unpoint`).

Ranking and confidence are not decided here.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from pydantic import BaseModel

from copilot.paths import RESOURCES_DIR, load_yaml
from copilot.textnorm import char_pairs, fold, split_sentences

COMPOSE_FILE = RESOURCES_DIR / "retrieval" / "compose.yaml"


class SceneCues(BaseModel):
    """One setting: the words that say a question is in it, and the sections written only for it."""

    words: list[str]
    sections: list[str]
    # lines of any section written only for this setting (a step asking for the order number): left out of an
    # answer to a question that names none of ``words``, with a note (``scene_line_note``) naming ``label``
    lines: list[str] = []
    label: str = ""


class PointerCues(BaseModel):
    before: list[str]
    after: str


class NameCheckCues(BaseModel):
    """How an answer checks a group name the question quotes against the name rules (``compose.yaml``'s
    ``name_check``): the quote pairs, the longest quoted text taken as a name, the check kinds run offline,
    the kinds said to be left unchecked, and the lines' wording."""

    quotes: list[str] = []
    max_chars: int = 30
    kinds: list[str] = []
    unjudged_kinds: list[str] = []
    head: str = ""
    passed: str = ""
    failed: str = ""
    unjudged: str = ""
    # a question that says it asks about a name (群名, 起名…) has its quoted name checked when the name rules' card is
    # among the ranking's first ``depth`` sections, not only when it leads (the lead can be a near tie, round 68)
    name_words: list[str] = []
    depth: int = 3
    # the question asks for a verdict on the quoted name itself ("群名叫「某某」合适吗"): what follows the closing quote is
    # at most ``judge_tail`` characters and holds one of ``judge_asks``; the name card then answers it (round 69)
    judge_asks: list[str] = []
    judge_tail: int = 10

    def _quote(self, question: str) -> tuple[int, int, str] | None:
        """The first quote pair's (start, end, quoted text) whose text is at most ``max_chars`` characters, else None."""
        found = []
        for pair in (q for q in self.quotes if len(q) == 2):
            start = question.find(pair[0])
            end = question.find(pair[1], start + 1) if start >= 0 else -1
            text = question[start + 1:end].strip() if start >= 0 and end > start + 1 else ""
            # a quote holding another quote is the asker quoting their whole question, not a name
            if text and end - start - 1 <= self.max_chars and not any(q[0] in text for q in self.quotes if len(q) == 2):
                found.append((start, end, text))
        return min(found) if found else None

    def quoted(self, question: str) -> str:
        """The first text in one of ``quotes`` in ``question`` of at most ``max_chars`` characters, else ""."""
        quote = self._quote(question)
        return quote[2] if quote else ""

    def judges_name(self, question: str) -> bool:
        """Whether ``question`` says it asks about a name (``name_words``) and asks for a verdict on the name it quotes:
        the text after the closing quote is short (``judge_tail``) and holds one of ``judge_asks``."""
        quote = self._quote(question)
        if quote is None or not any(w in question for w in self.name_words):
            return False
        tail = question[quote[1] + 1:].strip(" ，,。？?！!～~…")
        return len(tail) <= self.judge_tail and any(a in tail for a in self.judge_asks)


class ComposeCues(BaseModel):
    scenes: dict[str, SceneCues] = {}
    name_check: NameCheckCues = NameCheckCues()
    near_duplicate: float = 0.6
    same_step: float = 0.35
    repeat_note: str = ""
    pointer: PointerCues = PointerCues(before=["见"], after="卡片")
    other_kind_note: str = ""
    # words that point to the next section of the same card ("见下一节的分工表"): cut when the answer has
    # no other section of that card
    next_section: list[str] = []
    # quote marks around another section's heading ("按下面"体面收尾与重启"的办法"): the sentence that points
    # there is cut when the answer does not give that section (:meth:`unpoint_headings`)
    heading_quotes: list[str] = []
    scene_line_note: str = ""

    def scene_line(self, line: str, question: str) -> str:
        """The label of the setting ``line`` is written only for (a ``lines`` cue of a scene) when ``question``
        names none of that scene's words, else ""."""
        text, asked = fold(line), fold(question)
        for scene in self.scenes.values():
            if any(fold(c) in text for c in scene.lines) and not any(fold(w) in asked for w in scene.words):
                return scene.label or "另一种场合"
        return ""

    def unpoint_headings(self, text: str, headings: set[str]) -> str:
        """``text`` without the sentences (cut at 。；！？) that name one of ``headings`` in quotes: a pointer to a
        section the answer does not give ("不如按下面"体面收尾与重启"的办法处理")."""
        quoted = [f"{q[0]}{h}{q[-1]}" for q in self.heading_quotes for h in headings if len(q) >= 2]
        if not quoted or not any(x in text for x in quoted):
            return text
        out = []
        for line in text.split("\n"):
            pieces = re.split(r"(?<=[。；;！!？?])", line)
            kept: list[str] = []
            for piece in pieces:
                if any(x in piece for x in quoted):
                    if kept and kept[-1].endswith(("；", ";")) and piece.rstrip().endswith("。"):
                        kept[-1] = kept[-1][:-1] + "。"
                    continue
                kept.append(piece)
            out.append("".join(kept))
        return "\n".join(out)

    @cached_property
    def _section_scenes(self) -> dict[tuple[str, str], list[SceneCues]]:
        out: dict[tuple[str, str], list[SceneCues]] = {}
        for scene in self.scenes.values():
            for label in scene.sections:
                card, _, heading = (x.strip() for x in label.partition("›"))
                out.setdefault((card, heading), []).append(scene)
        return out

    def out_of_scene(self, source: str, section: str, question: str) -> bool:
        """Whether the section is written for a setting the question names none of the words of."""
        scenes = self._section_scenes.get((source, section))
        if not scenes:
            return False
        text = fold(question)
        return not any(fold(w) in text for scene in scenes for w in scene.words)

    @cached_property
    def _pointer(self) -> re.Pattern[str]:
        before = "|".join(map(re.escape, self.pointer.before))
        return re.compile(f"(?:{before})([^，,。；;：:（）()\\s「」]{{2,10}}?){re.escape(self.pointer.after)}")

    def pointed_names(self, text: str) -> list[str]:
        """The card names ``text`` points the reader to ("看生命周期卡片" → 生命周期)."""
        return self._pointer.findall(text)

    @cached_property
    def _next_section(self) -> re.Pattern[str] | None:
        words = [w for w in self.next_section if w]
        return re.compile("|".join(map(re.escape, words))) if words else None

    def unpoint(self, line: str, *, next_section: bool = False) -> str:
        """``line`` without the clause or bracket that points to another card (``next_section``: or to the
        next section of its own card)."""
        pattern = self._next_section if next_section else self._pointer
        if pattern is None or not pattern.search(line):
            return line
        line = re.sub(r"[（(][^（）()]*[）)]", lambda m: "" if pattern.search(m.group(0)) else m.group(0), line)
        clauses = re.split(r"([，,；;——]+)", line)
        kept: list[str] = []
        for piece in clauses:
            if pattern.search(piece):
                if kept and re.fullmatch(r"[，,；;——]+", kept[-1]):
                    kept.pop()
                end = re.search(r"[。！？!?]$", piece)
                kept.append(end.group(0) if end else "")
            else:
                kept.append(piece)
        return "".join(kept).strip()


@lru_cache(maxsize=1)
def compose_cues() -> ComposeCues:
    return ComposeCues.model_validate(load_yaml(COMPOSE_FILE.read_text(encoding="utf-8")) or {})


def _lead(sentence: str) -> str:
    """The label a step or a table row starts with ("第一次：…" → 第一次), "" when it has none."""
    m = re.match(r"\s*(?:\d+[.、)）]\s*|[-*•]\s*)?([^：:，,。；;\s]{1,6})[：:]", sentence)
    return fold(m.group(1)) if m else ""


class Seen:
    """The sentences an answer has given so far, to tell whether a later one repeats one of them: most of its
    character bigrams are in one given sentence, or it is the same step of a ladder (the same label, "第二次：")
    with a good part of its bigrams in that step."""

    def __init__(self, share: float | None = None) -> None:
        cues = compose_cues()
        self.share = cues.near_duplicate if share is None else share
        self.same_step = cues.same_step
        self._given: list[tuple[str, frozenset[str]]] = []

    def repeats(self, sentence: str) -> bool:
        grams = char_pairs(fold(sentence))
        if len(grams) < 4:
            return False
        lead = _lead(sentence)
        return any(len(grams & g) / len(grams) >= (self.same_step if lead and lead == at else self.share)
                   for at, g in self._given)

    def add(self, text: str) -> None:
        for line in text.split("\n"):
            for i, s in enumerate(split_sentences(line)):
                grams = char_pairs(fold(s))
                if grams:
                    self._given.append((_lead(s) if i == 0 else "", grams))

    def new_part(self, line: str) -> str:
        """The sentences of ``line`` that do not repeat a given one ("" when all do)."""
        return "".join(s for s in split_sentences(line) if not self.repeats(s))

"""Answering an operator's question from the methodology, always with citations.

LLM path: the top passages go into ``prompts/ask.md`` and the model answers citing ``[n]``; markers
pointing at passages that do not exist are removed. Offline path: an extractive answer, the sentences
of the top passages that best cover the question's words (MMR, so they do not repeat each other),
each followed by its citation marker.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from pydantic import BaseModel

from copilot.knowledge.cards import BASIS_LABELS
from copilot.knowledge.index import Hit, KnowledgeIndex
from copilot.llm import OFFLINE, Engine, LLMUnavailable, call_guarded
from copilot.prompts import load_prompt
from copilot.textnorm import is_traditional, split_sentences, to_script, tokenize
from copilot.tokens import count_tokens, fit_to_budget


class Citation(BaseModel):
    """One numbered passage an answer may cite, with what it is: 资料 (and the seed sections it
    cites), 经验建议 (our own practical advice) or an imported document."""

    n: int
    source: str
    title: str
    section: str
    text: str
    basis: str = "document"
    cites: list[str] = []

    @property
    def label(self) -> str:
        return BASIS_LABELS.get(self.basis, self.basis)

    def where(self) -> str:
        """Where the passage comes from, as an operator reads it (one line, Simplified)."""
        if self.basis == "source":
            return "出处：" + "；".join(self.cites) if self.cites else "出处：（未记录）"
        if self.basis == "experience":
            return EXPERIENCE_NOTE
        if self.basis == "unmarked":
            return "索引是旧版本，没有记录出处；运行 copilot index 重建后会标出资料/经验建议"
        return "你导入的文档"


class Answer(BaseModel):
    question: str
    answer: str
    citations: list[Citation]
    engine: str
    notice: str | None = None
    script: str = "zh-Hans"


def _citations(hits: list[Hit]) -> list[Citation]:
    return [Citation(n=i, source=h.source, title=h.title, section=h.section, text=h.text, basis=h.basis, cites=h.cites)
            for i, h in enumerate(hits, 1)]


NOT_FOUND = "方法论资料中没有找到与这个问题直接相关的内容。可以换个说法，或用 copilot index --add 加入自己的资料。"
EXPERIENCE_NOTE = "本项目的实操经验，不是方法论资料的原话"
# Headings of the offline answer's groups, by passage basis, in the order they are shown.
_GROUP_HEADS = {
    "source": "资料中的要点：",
    "document": "你导入的文档：",
    "experience": f"经验建议（{EXPERIENCE_NOTE}）：",
    "unmarked": "未标注出处的内容（索引是旧版本，请运行 copilot index）：",
}


def answer_script(question: str, configured: str) -> str:
    """Answer in Traditional when configured so, or when the operator asked in Traditional."""
    return "zh-Hant" if configured == "zh-Hant" or is_traditional(question) else "zh-Hans"


def extractive_answer(question: str, hits: list[Hit], *, max_sentences: int = 5) -> str:
    """Pick the sentences that best answer ``question`` from ``hits`` and cite each one."""
    q = set(tokenize(question))
    candidates: list[tuple[float, int, int, str, set[str]]] = []
    for n, hit in enumerate(hits, 1):
        prior = 1.0 / (1 + 0.3 * (n - 1))
        for pos, sent in enumerate(split_sentences(hit.text)):
            sent = re.sub(r"\*\*|__|`", "", re.sub(r"^[-*•\d.、\s]+", "", sent)).strip()
            # table rows and lead-ins that end in a colon read as fragments out of context
            if len(sent) < 8 or sent.count("|") >= 2 or sent.endswith(("：", ":")):
                continue
            words = set(tokenize(sent))
            if not words:
                continue
            overlap = len(q & words) / math.sqrt(len(words))
            candidates.append((overlap + 0.35 * prior, n, pos, sent, words))
    if not any(q & c[4] for c in candidates):
        # nothing in the passages shares a word with the question: say so instead of guessing
        return NOT_FOUND
    chosen: list[tuple[float, int, int, str, set[str]]] = []
    while candidates and len(chosen) < max_sentences:
        def mmr(c: tuple[float, int, int, str, set[str]]) -> float:
            redundancy = max((len(c[4] & s[4]) / max(len(c[4]), 1) for s in chosen), default=0.0)
            return c[0] - 0.6 * redundancy

        best = max(candidates, key=mmr)
        candidates.remove(best)
        if chosen and mmr(best) <= 0.05:
            break
        chosen.append(best)
    if not chosen:
        return NOT_FOUND
    return _grouped(chosen, hits)


def _grouped(chosen: list[tuple[float, int, int, str, set[str]]], hits: list[Hit]) -> str:
    """The chosen sentences under one heading per kind: 资料 first, our own 经验建议 apart and said so."""
    order = list(_GROUP_HEADS)
    basis_of = {n: (h.basis if h.basis in _GROUP_HEADS else "unmarked") for n, h in enumerate(hits, 1)}
    chosen = sorted(chosen, key=lambda c: (order.index(basis_of[c[1]]), c[1], c[2]))
    kinds = list(dict.fromkeys(basis_of[c[1]] for c in chosen))
    if kinds == ["experience"]:
        lines = [f"方法论资料里没有直接讲到这一点。以下是经验建议（{EXPERIENCE_NOTE}）："]
    else:
        lines = ["根据方法论资料，要点如下：" if kinds[0] == "source" else "要点如下："]
    i = 0
    for kind in kinds:
        if kind != "source" and kinds != ["experience"]:
            lines.append(_GROUP_HEADS[kind])
        for c in (c for c in chosen if basis_of[c[1]] == kind):
            i += 1
            lines.append(f"{i}. {c[3]} [{c[1]}]")
    return "\n".join(lines)


def _clean_markers(text: str, n_passages: int) -> str:
    return re.sub(r"\[(\d+)\]", lambda m: m.group(0) if 1 <= int(m.group(1)) <= n_passages else "", text)


def stream_answer(question: str, index: KnowledgeIndex, engine: Engine, *, k: int = 5) -> Iterator[str | Answer]:
    """Yield answer text pieces as they arrive, then the final :class:`Answer`.

    The UI streams the pieces; the CLI only keeps the final object. With the offline engine (or when
    the model fails) the whole extractive answer arrives as one piece.
    """
    script = answer_script(question, engine.settings.script)
    hits = index.search(question, k=k)
    hits = fit_to_budget(hits, engine.settings.llm_context_tokens // 2, cost=lambda h: count_tokens(h.text), overhead=20)
    citations = _citations(hits)
    notice = None
    if not engine.is_offline and hits:
        prompt = load_prompt("ask", engine.settings.prompts_dir)
        passages = [{**h.model_dump(), "label": h.basis_label} for h in hits]
        messages = prompt.render(question=question, passages=passages, script=script)
        parts: list[str] = []
        try:
            deadline = engine.settings.llm_deadline
            stream = call_guarded(lambda: engine.chat_model.stream(messages), deadline)
            while True:
                chunk = call_guarded(lambda: next(stream, None), deadline)
                if chunk is None:
                    break
                piece = str(chunk.content)
                parts.append(piece)
                yield piece
            text = _clean_markers("".join(parts), len(hits)).strip()
            if text:
                yield Answer(question=question, answer=text, citations=citations, engine=engine.name, script=script)
                return
            notice = "模型返回为空；已改用离线引擎生成"
        except LLMUnavailable as exc:
            notice = f"{exc}；已改用离线引擎生成"
    text = to_script(extractive_answer(question, hits), script)
    if notice:
        yield f"\n（{notice}）\n"
    yield text
    yield Answer(question=question, answer=text, citations=citations, engine=OFFLINE, notice=notice, script=script)


def answer_question(question: str, index: KnowledgeIndex, engine: Engine, *, k: int = 5) -> Answer:
    final: Answer | None = None
    for piece in stream_answer(question, index, engine, k=k):
        if isinstance(piece, Answer):
            final = piece
    assert final is not None
    return final

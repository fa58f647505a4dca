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

from copilot.knowledge.index import Hit, KnowledgeIndex
from copilot.llm import OFFLINE, Engine, LLMUnavailable, call_guarded
from copilot.prompts import load_prompt
from copilot.textnorm import is_traditional, split_sentences, to_script, tokenize
from copilot.tokens import count_tokens, fit_to_budget


class Citation(BaseModel):
    n: int
    source: str
    title: str
    section: str
    text: str


class Answer(BaseModel):
    question: str
    answer: str
    citations: list[Citation]
    engine: str
    notice: str | None = None
    script: str = "zh-Hans"


def _citations(hits: list[Hit]) -> list[Citation]:
    return [Citation(n=i, source=h.source, title=h.title, section=h.section, text=h.text) for i, h in enumerate(hits, 1)]


NOT_FOUND = "方法论资料中没有找到与这个问题直接相关的内容。可以换个说法，或用 copilot index --add 加入自己的资料。"


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
    chosen.sort(key=lambda c: (c[1], c[2]))
    lines = [f"{i}. {c[3]} [{c[1]}]" for i, c in enumerate(chosen, 1)]
    return "根据方法论资料，要点如下：\n" + "\n".join(lines)


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
        messages = prompt.render(question=question, passages=[h.model_dump() for h in hits], script=script)
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

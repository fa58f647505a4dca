"""问答 tab: a chat over the methodology with streamed answers and the cited passages beside it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from copilot.config import Settings
from copilot.knowledge.ask import Answer, Citation, stream_answer
from copilot.knowledge.index import get_index
from copilot.llm import engine_label, get_engine

History = list[dict[str, Any]]


def format_sources(citations: list[Citation], engine: str, notice: str | None = None) -> str:
    """Markdown for the sources panel: engine line, then each cited card title + passage."""
    lines = [f"**生成引擎：** {engine_label(engine)}"]
    if notice:
        lines.append(f"> ⚠️ {notice}")
    for c in citations:
        passage = c.text if len(c.text) <= 300 else c.text[:300] + "…"
        lines.append(f"**[{c.n}] {c.label}：{c.title} › {c.section}**  \n`{c.source}` · {c.where()}\n\n{passage}")
    return "\n\n".join(lines)


def chat_respond(message: str, history: History | None, settings: Settings) -> Iterator[tuple[History, str, str]]:
    """Stream (history, sources_markdown, cleared_input) updates for one question."""
    history = list(history or [])
    question = (message or "").strip()
    if not question:
        yield history, "请输入问题，例如：新群怎么设置入群门槛？", ""
        return
    if len(question) > 2000:
        yield history, "问题太长（超过 2000 字），请精简后再问。", message
        return
    history = history + [{"role": "user", "content": question}, {"role": "assistant", "content": ""}]
    yield history, "检索中…", ""
    try:
        engine = get_engine(settings)
        index = get_index(settings)
        text = ""
        for piece in stream_answer(question, index, engine):
            if isinstance(piece, Answer):
                history[-1] = {"role": "assistant", "content": piece.answer}
                yield history, format_sources(piece.citations, piece.engine, piece.notice), ""
            else:
                text += piece
                history[-1] = {"role": "assistant", "content": text}
                yield history, "生成中…", ""
    except Exception as exc:  # the page shows a Chinese message, never a stack trace
        history[-1] = {"role": "assistant", "content": f"出错了：{type(exc).__name__}，请稍后重试或查看服务日志。"}
        yield history, "", ""

"""问答 tab: a chat over the methodology with streamed answers; every answer keeps its own sources.

Each answer is followed in the conversation by a collapsed "来源" message (a Gradio *thought*:
``metadata.title`` with ``status: done``) holding that answer's numbered passages, so an older [n] can
still be looked up after later questions. The panel beside the chat shows the latest answer's sources.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from copilot.config import Settings
from copilot.knowledge.ask import Answer, Citation, decline_reason, stream_answer
from copilot.knowledge.draft_ask import draft_line
from copilot.knowledge.index import get_index
from copilot.knowledge.safety import safety_cues
from copilot.llm import engine_label, get_engine
from copilot.ui import drafting

History = list[dict[str, Any]]


PASSAGE_CHARS = 300


def shown_passage(text: str, limit: int = PASSAGE_CHARS) -> str:
    """A cited passage as the sources panel shows it: whole when it is short; else its first lines up to about
    ``limit`` characters (never cut inside a line or a step) and how many lines follow, so a section of thirteen
    steps is not shown as six with no word of the rest."""
    if len(text) <= limit:
        return text
    lines = text.split("\n")
    kept: list[str] = []
    for line in lines:
        if kept and len("\n".join([*kept, line])) > limit:
            break
        kept.append(line)
    if len(kept) == len(lines):
        return text
    return "\n".join(kept) + f"\n\n（本段后面还有 {len(lines) - len(kept)} 行未在这里显示）"


def draft_page(command: str) -> str:
    """The 起草 page's choice for a ``copilot draft`` subcommand: 群规 for "rules", 文案 › 朋友圈 for
    "copy --kind moments" (the page's own names, :data:`drafting.KINDS` and :data:`drafting.COPY_KINDS`)."""
    target, _, kind = command.partition(" --kind ")
    page = next((name for name, key in drafting.KINDS.items() if key == target), "")
    copy = next((name for name, key in drafting.COPY_KINDS.items() if key == kind), "")
    return f"{page} › {copy}" if page and copy else page


def format_sources(citations: list[Citation], engine: str, notice: str | None = None, *,
                   answer: Answer | None = None) -> str:
    """Markdown for an answer's sources: coverage and engine line, then each cited passage."""
    lines = [f"**生成引擎：** {engine_label(engine)}"]
    if answer is not None:
        if answer.safety:  # the fixed safety reply: no retrieval result stands behind it
            lines.append(f"**{safety_cues().case(answer.safety).footer}**；相关步骤：" + "；".join(s.label for s in answer.sections))
        elif answer.covered:
            basis = "；".join(s.label for s in answer.sections)
            head = "依据" if answer.direct else "最接近的内容（资料里没有完全对应的）"
            lines.append(f"**{head}：** {basis}" if basis else f"**{head}：** （未标明）")
        else:
            lines.append(f"**资料未覆盖这个问题**（{decline_reason(answer)}）"
                         + ("；相关的小节（不是答案）：" if answer.related else ""))
            lines += [f"- {r.label}" for r in answer.related]
        if answer.draft:  # a text asked for (帮我写一份群规): where the 起草 page writes it
            lines.append(draft_line(answer.draft, draft_page(answer.draft)))
    if notice:
        lines.append(f"> ⚠️ {notice}")
    for c in citations:
        passage = shown_passage(c.text)
        lines.append(f"**[{c.n}] {c.label}：{c.title} › {c.section}**  \n`{c.source}` · {c.where()}\n\n{passage}")
    return "\n\n".join(lines)


def sources_message(answer: Answer) -> dict[str, Any]:
    """The collapsed message that keeps ``answer``'s sources under it in the conversation."""
    what = f"来源 {len(answer.citations)} 条" if answer.covered else "资料未覆盖 · 相关内容"
    return {"role": "assistant",
            "content": format_sources(answer.citations, answer.engine, answer.notice, answer=answer),
            "metadata": {"title": f"📚 {what}（{engine_label(answer.engine)}）", "status": "done"}}


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
    base = history + [{"role": "user", "content": question}]
    history = base + [{"role": "assistant", "content": ""}]
    yield history, "检索中…", ""
    try:
        engine = get_engine(settings)
        index = get_index(settings)
        text = ""
        for piece in stream_answer(question, index, engine):
            if isinstance(piece, Answer):
                history = base + [{"role": "assistant", "content": piece.answer}, sources_message(piece)]
                yield history, format_sources(piece.citations, piece.engine, piece.notice, answer=piece), ""
            else:
                text += piece
                history = base + [{"role": "assistant", "content": text}]
                yield history, "生成中…", ""
    except Exception as exc:  # the page shows a Chinese message, never a stack trace
        history = base + [{"role": "assistant", "content": f"出错了：{type(exc).__name__}，请稍后重试或查看服务日志。"}]
        yield history, "", ""

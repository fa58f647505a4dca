"""问答 tab callbacks (the browser end-to-end test lives with the full UI)."""

from __future__ import annotations

from pathlib import Path

from copilot.config import Settings
from copilot.ui.chat import chat_respond


def _run(message: str, settings: Settings, history=None):  # type: ignore[no-untyped-def]
    return list(chat_respond(message, history, settings))


def test_chat_answers_with_sources_and_engine(shared_data_dir: Path) -> None:
    settings = Settings(data_dir=shared_data_dir, llm_provider="offline")
    updates = _run("新群怎么设置入群门槛？", settings)
    history, sources, cleared = updates[-1]
    assert cleared == ""
    assert history[0] == {"role": "user", "content": "新群怎么设置入群门槛？"}
    assert history[1]["role"] == "assistant" and "[1]" in history[1]["content"] or "[2]" in history[1]["content"]
    assert "生成引擎：** 离线引擎" in sources
    assert "threshold" in sources and "[1]" in sources
    # history is kept across questions
    history2, _, _ = _run("那群规呢？", settings, history)[-1]
    assert len(history2) == 4 and history2[:2] == history[:2]


def test_chat_rejects_empty_and_huge_questions(shared_data_dir: Path) -> None:
    settings = Settings(data_dir=shared_data_dir, llm_provider="offline")
    history, message, _ = _run("   ", settings)[-1]
    assert history == [] and "请输入问题" in message
    history, message, kept = _run("问" * 3000, settings)[-1]
    assert history == [] and "太长" in message and kept == "问" * 3000

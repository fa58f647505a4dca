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
    # each passage says what it is: a source's teaching (with its seed section) or our own advice
    assert "资料：" in sources and "出处：《" in sources and ".txt" not in sources
    # history is kept across questions
    history2, _, _ = _run("那群规呢？", settings, history)[-1]
    assert len(history2) == 4 and history2[:2] == history[:2]


def test_chat_rejects_empty_and_huge_questions(shared_data_dir: Path) -> None:
    settings = Settings(data_dir=shared_data_dir, llm_provider="offline")
    history, message, _ = _run("   ", settings)[-1]
    assert history == [] and "请输入问题" in message
    history, message, kept = _run("问" * 3000, settings)[-1]
    assert history == [] and "太长" in message and kept == "问" * 3000


def test_profile_tab_callbacks(settings: Settings) -> None:
    from copilot.ui import profiles as ui

    text, status = ui.load_profile_text(None, settings)
    assert "positioning" in text and "模板" in status
    assert ui.validate_profile_text(text).startswith("✅")
    bad = ui.validate_profile_text("positioning: 短\ntopics: []\n")
    assert bad.startswith("❌") and "positioning" in bad and "topics" in bad
    status, names = ui.save_profile("", text, settings)
    assert "档案名" in status and names == []
    status, names = ui.save_profile("跑团", "topics: [\n", settings)
    assert status.startswith("❌ 未保存") and names == []
    status, names = ui.save_profile("跑团", text, settings)
    assert status.startswith("✅") and names == ["跑团"]
    loaded, status = ui.load_profile_text("跑团", settings)
    assert loaded.strip() == text.strip() and "已载入" in status
    status, names = ui.delete_profile("跑团", settings)
    assert names == [] and "已删除" in status

"""A parse warning quotes the transcript's own line: in a Traditional transcript it keeps the line's characters as written
(qa13r27: a skipped header 「…北台灣…」 was quoted as 北臺灣, although the notes promise never to change 台灣)."""

from __future__ import annotations

from pathlib import Path

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.render import render_markdown

CHAT = """微信聊天記錄 — 台中里山健行隊
[2026-11-20 20:01] 阿凱: 下週六走大坑九號步道，早上七點在台中火車站前集合
[2026-11-20 20:03] 小芬: 要帶午餐嗎？
[2026-11-20 20:04] 阿凱: 要，山上沒有店，記得帶兩瓶水
[2026-11-20 20:06] 小芬: 好，我負責帶急救包
[2026-11-20 20:08] 阿凱: 讚，報名到週四晚上十點截止
"""


def test_a_skipped_line_is_quoted_as_written_in_a_traditional_transcript(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, llm_provider="offline")
    notes = summarize_text(CHAT, "hike.txt", settings, get_engine(settings, prefer="offline")).notes
    assert any("台中里山健行隊" in w for w in notes.warnings)
    md = render_markdown(notes)
    warning = next(line for line in md.splitlines() if "健行隊" in line and line.startswith("- "))
    assert "台中里山健行隊" in warning and "臺中" not in warning
    assert "不在任何消息之內" in warning  # our own wording still follows the transcript's script


def test_a_simplified_rendering_of_the_same_warning_converts_both() -> None:
    settings = Settings(data_dir=Path("/nonexistent"), llm_provider="offline")
    notes = summarize_text(CHAT, "hike.txt", settings, get_engine(settings, prefer="offline")).notes
    md = render_markdown(notes, "zh-Hans")
    warning = next(line for line in md.splitlines() if "健行队" in line and line.startswith("- "))
    assert "不在任何消息之内" in warning and "台中里山健行队" in warning

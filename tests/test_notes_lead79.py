"""Round 79 (lead), from the fresh tester qa13r65: a Cantonese recap header (總結一下今晚定咗嘅：) opens a list of
decisions as its Mandarin form (定的/决定的) does — the list was lost and the header itself became the only decision
and an empty notice. The chat is written for this test (a Tainan second-hand book fair, LINE export)."""

from __future__ import annotations

import pytest

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes.summarize import summarize_text

CHAT = """[LINE] 台南二手書市集籌備的聊天記錄
儲存日期：2026/11/30 22:00

2026/11/30（一）
20:01\t郁文\t今晚確認一下市集嘅幾件事
20:03\t建宏\t攤位費收幾多？
20:04\t郁文\t每攤兩百蚊，現場收
20:10\t郁文\t"{header}
1. 市集12月13日朝早十點開始
2. 建宏負責借枱櫈，星期四前確認
3. 落雨就改去社區活動中心"
20:11\t建宏\t收到
20:12\t佩玲\t好
"""


@pytest.mark.parametrize("header", ["總結一下今晚定咗嘅：", "今晚定咗：", "總結一下今晚定的："])
def test_a_recap_list_after_a_cantonese_header_is_read_as_decisions(header: str) -> None:
    settings = get_settings()
    notes = summarize_text(CHAT.format(header=header), "chat.txt", settings, get_engine(settings, prefer="offline")).notes
    decisions = [d.text for d in notes.decisions]
    assert any("12月13日" in d for d in decisions), decisions
    assert any("社區活動中心" in d for d in decisions), decisions
    assert not any(d.rstrip("：:").endswith(("定咗嘅", "定咗", "定的")) for d in decisions), decisions
    for a in notes.announcements:  # no notice that is only the header
        assert not a.text.rstrip().endswith(("：", ":")), a.text
    assert any(t.owner == "建宏" for t in notes.actions), notes.actions

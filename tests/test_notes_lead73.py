"""Round 73, lead (issue 13; from the fresh tester qa13r57): a Cantonese 咗 after the settling word (咁決定咗) is no
part of what was settled, in the summary or the title. Chat written for this test (a Hong Kong hiking club)."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text


def _notes(text: str, name: str = "chat.txt"):
    s = Settings(llm_provider="offline")
    return summarize_text(text, name, s, get_engine(s)).notes


TAICHI = """\
[2025-03-02 20:00] 陳會長: 下個月行山活動，大家傾下去邊條路線
[2025-03-02 20:02] 阿芬: 我想去麥理浩徑第二段，風景靚
[2025-03-02 20:03] 強哥: 我都贊成第二段
[2025-03-02 20:05] 陳會長: 咁決定咗，四月六號行麥理浩徑第二段，朝早八點西貢巴士站集合
"""


def test_cantonese_zo_after_the_settling_word_is_no_part_of_the_summary() -> None:
    n = _notes(TAICHI)
    assert "最後決定：咗" not in n.summary and "最后决定：咗" not in n.summary, n.summary
    assert not n.title.split("：")[-1].startswith("咗"), n.title
    assert "四月六號" in n.summary or "四月六号" in n.summary, n.summary

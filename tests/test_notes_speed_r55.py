"""Round 55 (d00a55): work the notes pipeline repeated on the same text is done once, with the same notes.

- a cue asked of the same folded text again (``cues.has``) is answered from a cache, not searched again;
- a plan told as the first word on its matter (``structure._first_word``) reads each earlier line's matter words
  once, however many such plans the chat has;
- a built index opens its snapshot once for ``needs_build`` and the loader together (``test_index_snapshot.py``).

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest
from chat_lines import chat_structure

import copilot.notes.cues as cues_mod
import copilot.notes.handovers as handovers
from copilot.devtools.patching import patch_everywhere

START = datetime(2029, 11, 5, 20, 0)  # a Monday evening

CHOIR = (
    "团长老许|各位团员晚上好，新年音乐会定在12月31日晚上7点半，在区文化馆小剧场，我们唱三首歌",
    "小芳|收到",
    "阿龙|收到，到时候穿什么？",
    "团长老许|统一穿黑色演出服",
    "团长老许|另外合练定在12月27日下午2点，在社区活动中心二楼",
    "小芳|好的",
    "团长老许|还有团费定在每人50元，周五前交给会计阿梅",
    "阿梅|收到，我来收",
    "团长老许|谢幕合影定在演出结束后，在剧场门口台阶",
)


class _Counting:
    """A cue regex that counts what it is asked to search."""

    def __init__(self, pattern, path, seen: Counter) -> None:
        self.pattern, self.path, self.seen = pattern, path, seen

    def search(self, text, *args):
        self.seen[(self.path, text)] += 1
        return self.pattern.search(text, *args)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def test_a_cue_is_searched_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: Counter = Counter()
    real = cues_mod.cue
    monkeypatch.setattr(cues_mod, "cue", lambda *path: _Counting(real(*path), path, seen))
    # (has() reads a list through its screens since round 63: every ask searches the first one)
    screens = cues_mod._screens
    monkeypatch.setattr(cues_mod, "_screens",
                        lambda *path: (*[_Counting(x, path, seen) for x in screens(*path)[:1]], *screens(*path)[1:]))
    clear = getattr(cues_mod.has, "cache_clear", lambda: None)
    clear()
    try:
        s = chat_structure(*CHOIR, start=START)
    finally:
        clear()  # (its answers were found through the counting wrapper)
    assert any("小剧场" in a.text for a in s.announcements), [a.text for a in s.announcements]
    assert seen, "has() searched nothing"
    again = {k: n for k, n in seen.items() if n > 1}
    assert not again, sorted(again.items(), key=lambda kv: -kv[1])[:5]


def test_the_first_word_check_reads_each_line_once(monkeypatch: pytest.MonkeyPatch) -> None:
    read: Counter = Counter()
    real = handovers._matter_runs

    def counting(text: str) -> frozenset[str]:
        read[text] += 1
        return real(text)

    patch_everywhere(monkeypatch, "_matter_runs", counting)
    s = chat_structure(*CHOIR, start=START)
    told = [a.text for a in s.announcements]
    assert any("小剧场" in t for t in told) and any("社区活动中心" in t for t in told), told
    lines = [line.split("|", 1)[1] for line in CHOIR]
    # each line is read as an earlier line at most once, plus once if it is itself a plan checked
    assert all(read[line] <= 2 for line in lines), {t: n for t, n in read.items() if n > 2}
    assert read[lines[1]] == 1, read[lines[1]]  # "收到": an earlier line of several plans, read once

"""Round 59 (d00b59): long messages (issue 13). A 1,200-character notice is one sentence of dozens of clauses, and the
to-do step read the whole message again for each clause: folded it afresh (``fold`` remembered only texts of up to
512 characters) and asked ``find_deadline`` whether the same sentence says a "…前" time once per clause (``_due``).
Word-edge checks (``cuts_word``, the owner step's ``_cuts_a_word``) read every word of the text for each hit.

The counting tests fail on the code before this round; the others check the answers did not change. Every chat line
below was written for these tests; none is an eval line.
"""

from __future__ import annotations

from collections import Counter

import pytest

import copilot.notes.dates as dates
import copilot.textnorm as textnorm
from copilot.config import Settings
from copilot.devtools.patching import patch_everywhere
from copilot.llm import get_engine
from copilot.notes import handovers, summarize_text
from copilot.notes.owners import _cuts_a_word
from copilot.textnorm import cuts_word, fold, word_spans

PARTS = ["这次读书会的场地改到三楼活动室", "林姐负责把签到表打印出来", "周六上午九点半之前到场布置",
         "上次借的投影仪要在周一前还给街道办", "有没有人能帮忙带一个插线板", "茶歇的水果我去菜市场买",
         "小邓你把上个月的照片整理一下发群相册", "十二月十号之前要把年终总结交上去", "请大家在群里接龙报名写清楚人数"]
NOTICE = "，".join(PARTS * 5) + "。"  # about 700 characters: one sentence, 45 clauses


def test_a_long_notice_is_folded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(NOTICE) > textnorm.FOLD_CACHE_CHARS
    folded: Counter[str] = Counter()
    real = textnorm._fold

    def counting(text: str) -> str:
        if len(text) > textnorm.FOLD_CACHE_CHARS:
            folded[text] += 1
        return real(text)

    monkeypatch.setattr(textnorm, "_fold", counting)
    if hasattr(textnorm, "_fold_long"):
        textnorm._fold_long.cache_clear()
    settings = Settings(llm_provider="offline")
    chat = (f"2026-11-20 19:00 老周\n{NOTICE}\n\n2026-11-20 19:02 林姐\n收到，签到表我来打印\n\n"
            f"2026-11-20 19:05 小邓\n好的，照片我周五前发群相册\n")
    result = summarize_text(chat, "读书会.txt", settings, get_engine(settings))
    assert folded  # the notice was read
    # each long text is folded once in the whole run (the code before: the notice about once per clause, 40+ times)
    assert max(folded.values()) == 1, folded.most_common(1)[0][1]
    assert result.notes.actions  # the notice's work is still read


def test_due_asks_find_deadline_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = dates.find_deadline

    def counting(text, *args, **kw):  # noqa: ANN001, ANN002, ANN003
        asked.append(text)
        return real(text, *args, **kw)

    patch_everywhere(monkeypatch, "find_deadline", counting)
    if hasattr(handovers._due, "cache_clear"):
        handovers._due.cache_clear()
    f = fold("大家把报名表周五前交给林姐，签到表我来打印")
    assert handovers._due(f) and handovers._due(f) and handovers._due(f)
    assert asked == [f]  # the code before: three times
    assert not handovers._due(fold("签到表我来打印，投影仪放在活动室"))


def test_word_edges_read_only_the_words_at_the_edges() -> None:
    from copilot.textnorm import words_across
    text = fold("今天西湖人好多，大家加群主微信报名")
    spans = word_spans(text)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            across = [(a, b) for a, b in spans if a < start < b or a < end < b]
            assert words_across(text, start, end) == across
    at = text.index("湖人")
    assert cuts_word(text, at, at + 2)  # 西湖 | 人: 湖人 cuts a word
    at = text.index("加群")
    assert cuts_word(text, at, at + 2)  # 加 | 群主
    f = fold("带上小望远镜，小邓把照片发群相册")
    assert _cuts_a_word(f, f.index("小望"), f.index("小望") + 2)
    assert not _cuts_a_word(f, f.index("小邓"), f.index("小邓") + 2)

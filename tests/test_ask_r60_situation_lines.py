"""Round 60 (d15c60, issue 15): symptom lines in ``knowledge/situations.yaml`` may not negate a cue word.

Matching (BM25 words and e5 vectors) cannot read negation: a line such as 「不是广告也不是吵架，就是某个人聊个没完」
pulls questions about ads and quarrels toward its section all the same (round 60 d15b60 measured two new
confidently-wrong answers from one such line). The loader refuses such a line with a message saying why. Lines written
for these tests, not copied from an eval file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from copilot.knowledge.asks import SITUATIONS_FILE, load_asks, negated_cue
from copilot.knowledge.cards import CardError
from copilot.paths import KNOWLEDGE_DIR


def test_negated_cue_lines_are_found() -> None:
    assert negated_cue("不是发广告也不是吵架，就是一个人天天刷个没完") is not None
    assert negated_cue("群里倒也太平，不是有人骂人，就是消息太多看不过来") == "不是"
    assert negated_cue("既不是拉新的问题也不是活动的问题，群就是冷") is not None


def test_plain_symptoms_and_questions_pass() -> None:
    assert negated_cue("拉新活动人数涨得很快，但来的都不是目标用户") is None  # what happened, not "not X"
    assert negated_cue("打卡规则是不是太严，有人漏一天就放弃了") is None  # a question
    assert negated_cue("有个成员话特别多，一个人的消息占了群里大半") is None


def test_the_shipped_situations_have_no_negated_line() -> None:
    assert load_asks(KNOWLEDGE_DIR)  # raises CardError on a negated line


def test_the_loader_refuses_a_negated_line(tmp_path: Path) -> None:
    shutil.copytree(KNOWLEDGE_DIR / "cards", tmp_path / "cards")
    (tmp_path / SITUATIONS_FILE).write_text(
        "moderation-offtopic:\n  先分清是哪种情况:\n    - 不是广告也不是吵架，就是某个人聊个没完，别人都插不上话\n",
        encoding="utf-8")
    with pytest.raises(CardError, match="否定"):
        load_asks(tmp_path)
    (tmp_path / SITUATIONS_FILE).write_text(
        "moderation-offtopic:\n  先分清是哪种情况:\n    - 有个人一天发几百条，别人都插不上话\n", encoding="utf-8")
    assert load_asks(tmp_path)[("moderation-offtopic", "先分清是哪种情况")] == ("有个人一天发几百条，别人都插不上话",)

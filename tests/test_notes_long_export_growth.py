"""Issue 13: a 5 MB export of long, repetitive messages (a homeowners' group restating the same notices) ran for
half an hour — settling owners scanned every message for every pair of to-dos, the Q&A re-answer test read every
open question's answer for every line, and "is this work finished" re-read each line once per to-do.

The guard counts the calls of those inner steps on a generated chat of long messages and on one twice as long:
linear work doubles, pair-by-message work grows four- to eight-fold. Counting calls, not seconds, keeps the test
steady on a loaded machine. Every chat below is generated here; none is an eval chat or the QA's file.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import structure, summarize_text

TOPICS = ["电梯停用三天", "车库防水工程", "物业费调整方案", "垃圾分类亭改造", "外墙修补"]
CLAUSES = ["周五前交意见表", "等施工队排期", "这个我有意见", "下个月初签好协议", "有问题打0571-6123-4455",
           "大家出门注意安全", "我看行", "还是按老办法我去现场看", "每户分摊312元", "物业那边我再去问问"]
PEOPLE = ["老赵", "孙姐", "周工", "小吴", "郑阿姨", "钱师傅"]


def long_chat(n: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    lines = []
    for i in range(n):
        body = "，".join(rnd.choice(CLAUSES) for _ in range(rnd.randint(6, 12)))
        lines += [f"2026-11-18 {(i // 60) % 24:02d}:{i % 60:02d} {PEOPLE[i % 6]}",
                  f"关于{rnd.choice(TOPICS)}，我再强调一下第{i}条：{body}"]
    return "\n".join(lines) + "\n"


def _counted(monkeypatch: pytest.MonkeyPatch, n: int) -> Counter[str]:
    calls: Counter[str] = Counter()

    def counting(name: str, fn):  # noqa: ANN001, ANN202 - a pass-through wrapper
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            calls[name] += 1
            return fn(*args, **kwargs)
        return wrapper

    named_in = structure.People.named_in
    monkeypatch.setattr(structure.People, "named_in", counting("named_in", named_in))
    for name in ("_beside_the_point", "_finished", "_same_work"):
        monkeypatch.setattr(structure, name, counting(name, getattr(structure, name)))
    settings = Settings(llm_provider="offline")
    notes = summarize_text(long_chat(n), "long.txt", settings, get_engine(settings)).notes
    assert notes.message_count == n
    assert notes.actions, "the generated chat should give to-dos (老赵: 还是按老办法我去现场看)"
    monkeypatch.undo()
    return calls


def test_long_repetitive_export_costs_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _counted(monkeypatch, 150), _counted(monkeypatch, 300)
    for name in ("named_in", "_beside_the_point", "_finished", "_same_work"):
        assert large[name] <= 3 * max(small[name], 50), (name, small[name], large[name])

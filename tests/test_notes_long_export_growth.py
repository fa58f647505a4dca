"""Issue 13: a 5 MB export of long, repetitive messages (a homeowners' group restating the same notices) ran for
half an hour — settling owners scanned every message for every pair of to-dos, the Q&A re-answer test read every
open question's answer for every line, and "is this work finished" re-read each line once per to-do.

The guard counts the calls of those inner steps on a generated chat of long messages and on one twice as long:
linear work doubles, pair-by-message work grows four- to eight-fold. Counting calls, not seconds, keeps the test
steady on a loaded machine. Every chat below is generated here; none is an eval chat or the QA's file.
"""

from __future__ import annotations

from collections import Counter

import pytest

from copilot.config import Settings
from copilot.devtools.scripts import load_script
from copilot.llm import get_engine
from copilot.notes import structure, summarize_text


def long_chat(n: int) -> str:
    """The benchmark's generated export (``bench_notes.make_long_transcript``), so the test guards what is measured."""
    return load_script("benchmarks/bench_notes.py").make_long_transcript(n, seed=7)


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

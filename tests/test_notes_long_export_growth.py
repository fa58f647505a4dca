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
from copilot.devtools.patching import original, patch_everywhere
from copilot.devtools.scripts import load_script
from copilot.llm import get_engine
from copilot.notes import handovers, reading, summarize_text
from copilot.notes.model import Decision


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

    named_in = reading.People.named_in
    monkeypatch.setattr(reading.People, "named_in", counting("named_in", named_in))
    for name in ("_beside_the_point", "_finished", "_same_work"):
        patch_everywhere(monkeypatch, name, counting(name, original(name)))
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


def _question_chars(monkeypatch: pytest.MonkeyPatch, n: int) -> int:
    """The characters :func:`reading.relevant` reads as the question (cut into words, folded, split into runs)
    on the long chat of ``n`` messages."""
    read = [0]
    relevant = reading.relevant

    def counting(question: str, reply: str, **kwargs):  # noqa: ANN003, ANN202 - a pass-through wrapper
        read[0] += len(question)
        return relevant(question, reply, **kwargs)

    patch_everywhere(monkeypatch, "relevant", counting)
    settings = Settings(llm_provider="offline")
    notes = summarize_text(long_chat(n), "long.txt", settings, get_engine(settings)).notes
    monkeypatch.undo()
    assert any("；" in a.task for a in notes.actions), "one owner's repeated promises are merged into one to-do"
    return read[0]


def test_merging_a_long_to_do_reads_only_its_new_part(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each merge joins the new words to the to-do ("a；b；…"): the to-do of an owner who repeats the same promise grows
    with the chat, and comparing the next promise with the whole joined text again made the merge quadratic (the
    question characters read grew 3.2-fold from 150 to 300 messages, 232,285 → 738,840). The joined text's words are
    kept part by part, so doubling the chat about doubles what is read."""
    small, large = _question_chars(monkeypatch, 150), _question_chars(monkeypatch, 300)
    assert large <= 2.5 * max(small, 10_000), (small, large)


@pytest.mark.parametrize(("task", "other"), [
    ("还是按老办法我去现场看；关于二号楼外墙修补，物业那边我再去问问", "物业那边我明天再去问问"),
    ("我周五前交意见表；下个月初签好协议", "电梯停用的事大家出门注意安全"),
    ("我负责买菜；单子我来写", "菜单周四前发群里"),  # (in common only the run across the join: 菜单)
    ("@小吴 你把签到表带上；横幅我来做", "签到表我周六带过去"),
    ("场地我来订；", "我去订场地"),
])
def test_a_joined_to_do_reads_as_its_whole_text(task: str, other: str) -> None:
    """Reading a joined to-do part by part gives what :func:`reading.relevant` gives on the whole text."""
    assert handovers._relevant_task(task, other) == reading.relevant(task, other)
    assert handovers._relevant_task(task, other) == reading.relevant(task, other)  # (again, from what is kept)


def _decision_checks(monkeypatch: pytest.MonkeyPatch, n: int) -> Counter[str]:
    """How often, on the long chat of ``n`` messages, a line is checked against a decision that might take it up
    (:func:`reading._takes_up`) and two decisions are compared by value (``Decision.__eq__``)."""
    calls: Counter[str] = Counter()
    takes_up, equal = reading._takes_up, Decision.__eq__

    def counting_takes_up(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - a pass-through wrapper
        calls["_takes_up"] += 1
        return takes_up(*args, **kwargs)

    def counting_equal(self: Decision, other: object) -> bool:
        calls["Decision.__eq__"] += 1
        return equal(self, other)

    patch_everywhere(monkeypatch, "_takes_up", counting_takes_up)
    monkeypatch.setattr(Decision, "__eq__", counting_equal)
    settings = Settings(llm_provider="offline")
    notes = summarize_text(long_chat(n), "long.txt", settings, get_engine(settings)).notes
    monkeypatch.undo()
    assert notes.decisions, "the generated chat lists decisions"
    return calls


def test_decisions_of_a_long_export_are_checked_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line of the chat was checked against every decision (does it take the line up?) and every decision
    was looked for in the kept list by comparing it with the others (``d not in out``): 303,754 line checks and
    176,715 comparisons at 1,000 messages, growing four-fold when the chat doubles. Decisions are now found by the
    positions of their lines, and the kept ones by value, so doubling the chat about doubles the work."""
    small, large = _decision_checks(monkeypatch, 150), _decision_checks(monkeypatch, 300)
    for name in ("_takes_up", "Decision.__eq__"):
        assert large[name] <= 2.5 * max(small[name], 100), (name, small[name], large[name])

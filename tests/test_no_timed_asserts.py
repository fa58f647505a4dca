"""Speed is measured in ``benchmarks/``, not asserted in tests: a wall-clock limit fails whenever the shared host is
busy, whatever the code does. A test checks what the limit stood for (a deadline's notice, no retry waited for,
files skipped on resume) and the seconds go to a benchmark (``benchmarks/bench_deadlines.py`` for the LLM paths)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
CLOCKS = {"perf_counter", "monotonic", "time", "process_time", "thread_time", "perf_counter_ns", "monotonic_ns"}


def _clock(node: ast.AST) -> bool:
    """``time.perf_counter()`` and the like."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CLOCKS
            and isinstance(node.func.value, ast.Name) and node.func.value.id in {"time", "_time"})


def _elapsed(node: ast.AST) -> bool:
    """A clock reading minus something (``time.perf_counter() - started``)."""
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and (_clock(node.left) or _clock(node.right))


def timed_asserts(source: str) -> list[int]:
    """Lines of ``assert``s (and ``while`` loops) that compare a clock reading or an elapsed time, directly or
    through a name bound to one (``elapsed = time.perf_counter() - start``). A clock read handed to the code
    (a deadline, a message's time stamp) compares nothing and is not counted."""
    tree = ast.parse(source)
    elapsed = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) and _elapsed(n.value)
               for t in n.targets if isinstance(t, ast.Name)}

    def timed(operand: ast.expr) -> bool:
        return _clock(operand) or _elapsed(operand) or (isinstance(operand, ast.Name) and operand.id in elapsed)

    return [n.lineno for n in ast.walk(tree) if isinstance(n, (ast.Assert, ast.While))
            and any(isinstance(c, ast.Compare) and any(timed(x) for x in (c.left, *c.comparators))
                    for c in ast.walk(n.test))]


def test_no_test_asserts_how_long_something_took() -> None:
    offenders = {p.name: lines for p in sorted(TESTS.glob("*.py"))
                 if p.name != Path(__file__).name and (lines := timed_asserts(p.read_text(encoding="utf-8")))}
    assert not offenders, f"wall-clock limits in tests (time them in benchmarks/ instead): {offenders}"


def test_the_check_finds_each_form_of_a_timed_assert() -> None:
    direct = "import time\nstarted = time.perf_counter()\nrun()\nassert time.perf_counter() - started < 1.0\n"
    named = "import time\nt0 = time.monotonic()\nrun()\nelapsed = time.monotonic() - t0\nassert elapsed < 2.5, elapsed\n"
    loop = "import time\ndeadline = time.monotonic() + 60\nwhile done < 3 and time.monotonic() < deadline:\n    step()\n"
    assert timed_asserts(direct) == [4]
    assert timed_asserts(named) == [5]
    assert timed_asserts(loop) == [3]


def test_a_deadline_given_to_the_code_is_not_a_timed_assert() -> None:
    # handing the code a deadline, or stamping a message with the time, asserts nothing about how long a call took
    ok = ("import time\nv = mod.moderate(msg, deadline=time.monotonic() + 30)\nassert '繁忙' in v.notice\n"
          "now = time.time()\nassert mod.moderate({'text': '报名', 'ts': now}).label == 'ok'\n")
    assert timed_asserts(ok) == []

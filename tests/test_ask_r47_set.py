"""Round 47 (d15b47): the ask set tuning_r47b is held out, has the classes it was written for, and names real
sections (a heading the cards lack would score as a silent miss)."""

from __future__ import annotations

from ask_signals import held_out_cases

from copilot.paths import EVALS_DIR

R47B = EVALS_DIR / "retrieval" / "tuning_r47b.jsonl"


def test_the_round47_set_is_held_out_and_names_real_sections() -> None:
    cases = held_out_cases(R47B)
    assert sum(c.in_scope for c in cases) >= 40 and sum(not c.in_scope for c in cases) >= 10
    assert sum(c.script == "zh-Hant" for c in cases if c.in_scope) >= 6
    assert sum(c.style == "terse" for c in cases) >= 4 and sum(c.near for c in cases) >= 3
    assert len({c.id for c in cases}) == len(cases)
    for case in cases:
        assert not case.in_scope or case.sections

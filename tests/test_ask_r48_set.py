"""Round 48 (d15b48): the ask set tuning_r48b is held out, has the classes it was written for (a recurring quarrel,
a quiet group to revive, explicit images, a complaint after an event, admins against the owner, out-of-scope asks
about the group's own subject) and names real sections (a heading the cards lack would score as a silent miss)."""

from __future__ import annotations

from ask_signals import held_out_cases

from copilot.paths import EVALS_DIR

R48B = EVALS_DIR / "retrieval" / "tuning_r48b.jsonl"


def test_the_round48_set_is_held_out_and_names_real_sections() -> None:
    cases = held_out_cases(R48B)
    assert sum(c.in_scope for c in cases) >= 40 and sum(not c.in_scope for c in cases) >= 10
    assert sum(c.script == "zh-Hant" for c in cases if c.in_scope) >= 6
    assert sum(c.style == "terse" for c in cases) >= 4 and sum(c.near for c in cases) >= 3
    assert sum(c.style == "oos-topic-fact" for c in cases if not c.in_scope) >= 6
    assert len({c.id for c in cases}) == len(cases)
    for case in cases:
        assert not case.in_scope or case.sections

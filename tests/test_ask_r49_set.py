"""Round 49's ask set (d15a49, issue 15): situations no section covered — admins at odds, a member selling to
newcomers in private, one regular who posts far too much, no-shows, paid-group fees, handing the group over — and
their near neighbours. The set is readable (a tuning split, not held out) and every label names a real section."""

from __future__ import annotations

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, ask_split_files, load_ask_cases
from copilot.knowledge.cards import load_cards
from copilot.paths import EVALS_DIR

R49A = EVALS_DIR / "retrieval" / "tuning_r49a.jsonl"


def test_the_round49_set_is_a_readable_tuning_split() -> None:
    assert R49A.stem not in HELD_OUT
    assert ask_split_files(R49A.parent)[R49A.stem] == ("tuning", R49A)


def test_the_round49_set_has_its_shape_and_names_real_sections() -> None:
    cards = {c.id: c for c in load_cards(Settings(llm_provider="offline").knowledge_dir)}
    cases = load_ask_cases(R49A)
    in_scope = [c for c in cases if c.in_scope]
    assert len(in_scope) >= 40 and len(cases) - len(in_scope) >= 10
    assert sum(c.script == "zh-Hant" for c in cases) >= 6
    assert len({c.id for c in cases}) == len(cases)
    for case in cases:
        assert bool(case.sections) == case.in_scope, case.id
        assert not case.near or case.in_scope, case.id
        for card, heading in case.sections:
            assert card in cards and cards[card].resolve_section(heading) is not None, (case.id, card, heading)

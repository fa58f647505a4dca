"""Round 60 (d15b60): ``scripts/ask_totals.py`` groups the ask files so that score-only files are only ever summed:
every HELD_OUT tuning file goes into ``held``, each locked file stays on its own, and only the rest is ``read``
(the only group whose rows it may write out)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from copilot.evals.retrieval import HELD_OUT, AskResult
from copilot.paths import EVALS_DIR, ROOT


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("ask_totals", ROOT / "scripts" / "ask_totals.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_held_out_and_locked_files_never_fall_into_the_readable_group() -> None:
    groups = _script().groups(EVALS_DIR / "retrieval")
    read = {name for name, _ in groups["read"]}
    assert read and not read & set(HELD_OUT) and not any(n.startswith("locked") for n in read)
    assert {name for name, _ in groups["held"]} == set(HELD_OUT)
    assert groups["locked_blind5"] == [("locked_blind5", EVALS_DIR / "retrieval" / "locked_blind5.jsonl")]


def test_totals_count_confidently_wrong_only_for_direct_wrong_answers() -> None:
    def row(in_scope: bool, covered: bool, ok: bool, direct: bool) -> AskResult:
        return AskResult(id="x", question="群规怎么写", in_scope=in_scope, top3=[], covered=covered, confidence=0.5,
                         answer_sections=[], hit_at_3=ok if in_scope else None, answer_ok=ok if in_scope else None,
                         direct=direct)
    t = _script().totals([row(True, True, True, True), row(True, True, False, True), row(True, True, False, False),
                          row(True, False, False, False), row(False, False, False, False), row(False, True, False, True)])
    assert (t["n_in"], t["hit3"], t["answers"], t["false_declines"], t["confidently_wrong"]) == (4, 1, 1, 1, 1)
    assert (t["n_out"], t["oos_declined"]) == (2, 1)
    assert Path(ROOT / "scripts" / "ask_totals.py").exists()

"""Round 51 (d15a51, issue 15): ``scripts/section_control.py`` judges a new knowledge section against a null-section
control — the same cards with the new section replaced, in its place, by a neutral one — so the guard counts only
the moves the section's own content causes. The section written here (a choir group's sheet-music lending) is made
up for the test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from copilot.devtools.scripts import load_script
from copilot.knowledge.asks import load_asks
from copilot.knowledge.cards import load_cards
from copilot.paths import KNOWLEDGE_DIR

HEADING = "合唱谱子借出去不还"
BODY = """## {heading}

### 经验建议

1. 借谱登记在群文件的表格里，写明借的人和归还日期；
2. 到期前一天私聊提醒一次；
3. 逾期两周的，下次排练前当面问一句。

"""


def _control():  # type: ignore[no-untyped-def]
    return load_script("scripts/section_control.py")


def _with_new_section(tmp_path: Path) -> tuple[Path, Path]:
    base = tmp_path / "base"
    shutil.copytree(KNOWLEDGE_DIR, base)
    candidate = tmp_path / "candidate"
    shutil.copytree(KNOWLEDGE_DIR, candidate)
    card = candidate / "cards" / "team-roles.md"
    text = card.read_text(encoding="utf-8")
    first = text.index("\n## ") + 1  # before the card's first section, so a section follows it
    card.write_text(text[:first] + BODY.format(heading=HEADING) + text[first:], encoding="utf-8")
    asks = candidate / "asks.yaml"
    table = yaml.safe_load(asks.read_text(encoding="utf-8"))
    table["team-roles"][HEADING] = ["合唱团的谱子借出去总是不还怎么办", "借谱要不要登记"]
    asks.write_text(yaml.safe_dump(table, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return base, candidate


def test_the_added_section_is_found_and_nothing_else(tmp_path: Path) -> None:
    base, candidate = _with_new_section(tmp_path)
    assert _control().added_sections(base, candidate) == [("team-roles", HEADING)]
    assert _control().added_sections(base, base) == []


def test_the_control_puts_the_null_section_in_its_place(tmp_path: Path) -> None:
    control = _control()
    base, candidate = _with_new_section(tmp_path)
    before = {c.id: list(c.sections()) for c in load_cards(candidate)}
    control.with_null(candidate, [("team-roles", HEADING)])
    after = {c.id: list(c.sections()) for c in load_cards(candidate)}
    position = before["team-roles"].index(HEADING)
    assert after["team-roles"][position] == control.NULL_HEADING
    assert HEADING not in after["team-roles"]
    assert {k: v for k, v in after.items() if k != "team-roles"} == {k: v for k, v in before.items() if k != "team-roles"}
    text = (candidate / "cards" / "team-roles.md").read_text(encoding="utf-8")
    assert "谱子" not in text and "借谱" not in text
    asks = load_asks(candidate)  # the rewritten tables still load: every heading exists
    assert len(asks[("team-roles", control.NULL_HEADING)]) == 2  # as many questions as the section had
    assert all(q in control.NULL_QUESTIONS for q in asks[("team-roles", control.NULL_HEADING)])
    assert asks[("team-roles", "团队协作机制")] == load_asks(base)[("team-roles", "团队协作机制")]


@pytest.mark.parametrize(("figure", "control_value", "candidate_value", "worse"), [
    ("hit_at_3_not_near", 0.9, 0.88, True),
    ("hit_at_3_not_near", 0.9, 0.92, False),
    ("answer_rate_not_near", 0.8, 0.8, False),
    ("oos_decline_rate", 0.9, 0.87, True),
    ("confident_wrong_not_near", 2, 3, True),
    ("false_decline_rate", 0.02, 0.0, False),
    ("near_direct", 1, 2, True),
])
def test_the_guard_names_each_figure_that_got_worse(
        figure: str, control_value: float, candidate_value: float, worse: bool) -> None:
    control = _control()
    same = {f: 0.5 for f in (*control.HIGHER_BETTER, *control.LOWER_BETTER)}
    assert control.worse({**same, figure: control_value}, {**same, figure: candidate_value}) == ([figure] if worse else [])

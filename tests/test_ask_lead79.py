"""Round 79 (lead), from the fresh tester qa15r5: the footer's two figures say in words what each measures. A high
检索置信度 beside a low 小节贴合度 read as a contradiction; they answer two questions — does the material treat this
kind of matter at all, and does the section named fit the case described. A decline's footer is unchanged. Questions
written for this test."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from copilot.cli import app


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, shared_data_dir) -> CliRunner:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(shared_data_dir))
    return CliRunner()


def _footer(runner: CliRunner, question: str) -> str:
    res = runner.invoke(app, ["ask", question, "--engine", "offline"])
    assert res.exit_code == 0, res.output
    return res.stdout.strip().splitlines()[-1]


def test_a_covered_answer_names_what_each_figure_measures(runner: CliRunner) -> None:
    footer = _footer(runner, "我们果园的客户群最近没人说话了，发什么都冷场，怎么办")
    m = re.search(r"资料讲不讲这类事：检索置信度 (\d\.\d\d)，阈值 (\d\.\d\d)；所答小节对不对得上你说的情形：小节贴合度 (\d\.\d\d)",
                  footer)
    assert m, footer
    assert float(m.group(1)) >= float(m.group(2))  # covered: over the threshold
    assert footer.startswith(("（资料覆盖；", "（资料只有相近的内容；")) and "离线引擎" in footer


def test_a_traditional_answer_says_it_in_traditional(runner: CliRunner) -> None:
    footer = _footer(runner, "我哋茶友群最近好冷清，冇人講嘢，點算好")
    assert footer.startswith("（資料") and "資料講不講這類事：檢索置信度" in footer and "小節貼合度" in footer, footer


def test_a_decline_keeps_its_own_reason(runner: CliRunner) -> None:
    footer = _footer(runner, "明天杭州会不会下雨，要不要带伞")
    assert footer.startswith("（资料未覆盖") and "小节贴合度" not in footer and "资料讲不讲这类事" not in footer, footer

"""Round 80 (lead), from the fresh tester qa15r6 (a night-market stall owners' group): an extra section's table row
lost its last cell because a like step was quoted above it — 「廣告：推銷、二維碼、拉人去別的群；」 with the action cut
off. A row is one unit: it stays whole or goes whole. Questions written for this test."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from copilot.cli import app
from copilot.knowledge.ask import _is_row


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, shared_data_dir) -> CliRunner:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(shared_data_dir))
    return CliRunner()


@pytest.mark.parametrize("question", [
    "夜市攤主群有人成日喺度講粗口，話佢又唔聽，要唔要踢咗佢？",
    "我们书法群有个人老是骂人，私下说了也不听，要不要把他踢了",
])
def test_no_line_of_an_answer_ends_on_a_cut_table_row(runner: CliRunner, question: str) -> None:
    res = runner.invoke(app, ["ask", question, "--engine", "offline"])
    assert res.exit_code == 0, res.output
    body = res.stdout.split("来源：")[0].split("來源：")[0]
    # (a numbered item may end on 「；」 as the card writes its list; nothing else may)
    cut = [line for line in body.splitlines() if re.search(r"[；;]\s*\[\d+\]$", line) and not re.match(r"\d+[.、]", line)]
    assert cut == [], cut


def test_a_row_is_told_from_an_item_and_from_prose() -> None:
    assert _is_row("广告：推销、二维码、拉人去别的群；删除并私聊提醒")
    assert _is_row("刷屏：短时间大量无关消息；提醒，必要时短时禁言")
    assert not _is_row("1. 第一次：删除消息，私聊说明群规；")
    assert not _is_row("完全不许闲聊，群会变得冷冰冰；偶尔聊几句生活是人情味，不必管。")

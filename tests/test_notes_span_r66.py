"""Round 66 (qa13r48): a three-day export's notes say the whole span, and a long run piped into a log says its steps."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from copilot.notes import render_markdown, summarize_text
from copilot.notes.faithfulness import find_ungrounded
from copilot.notes.parse import parse_text

# A neighbourhood tool-library group over three days (QQ export form, own wording)
THREE_DAYS = """2026-03-02 19:05:11 老郑(10001)
这周的工具借还点放在三号楼车棚，周六上午九点开门

2026-03-02 19:07:40 小孟(10002)
电钻还能借吗？上次那把充电器坏了

2026-03-03 08:12:03 老郑(10001)
能借，充电器我今晚换个新的，花了45块

2026-03-04 21:30:59 阿秀(10003)
梯子我周五前还回来，谢谢大家
"""

ONE_DAY = """2026-03-02 19:05:11 老郑(10001)
这周的工具借还点放在三号楼车棚，周六上午九点开门

2026-03-02 19:07:40 小孟(10002)
电钻还能借吗？上次那把充电器坏了

2026-03-02 19:09:02 老郑(10001)
能借，充电器我今晚换个新的，花了45块
"""


def test_a_three_day_export_names_its_first_and_last_day(offline) -> None:
    r = summarize_text(THREE_DAYS, "tools.txt", offline.settings, offline)
    assert (r.notes.date, r.notes.date_end) == ("2026-03-02", "2026-03-04")
    md = render_markdown(r.notes, "zh-Hans", engine=r.engine)
    assert "- 日期：2026-03-02 至 2026-03-04" in md
    # Traditional output converts our word, keeps the dates
    assert "- 日期：2026-03-02 至 2026-03-04" in render_markdown(r.notes, "zh-Hant", engine=r.engine)
    assert find_ungrounded(r.notes, parse_text(THREE_DAYS, "tools.txt")) == []


def test_a_one_day_export_has_no_end_day(offline) -> None:
    r = summarize_text(ONE_DAY, "tools.txt", offline.settings, offline)
    assert (r.notes.date, r.notes.date_end) == ("2026-03-02", None)
    assert "- 日期：2026-03-02\n" in render_markdown(r.notes, "zh-Hans", engine=r.engine)


def test_an_end_day_not_in_the_chat_is_reported_as_ungrounded(offline) -> None:
    r = summarize_text(THREE_DAYS, "tools.txt", offline.settings, offline)
    r.notes.date_end = "2026-03-09"  # e.g. an LLM-side slip: no message of that day exists
    assert "2026-03-09" in find_ungrounded(r.notes, parse_text(THREE_DAYS, "tools.txt"))


def test_piped_run_names_a_step_that_starts_after_a_slow_one(tmp_path: Path, monkeypatch) -> None:
    from copilot.cli import app
    from copilot.notes import cli as notes_cli

    clock = iter([100.0, 100.1, 103.4, 250.0])  # start, 读取 at once, 识别结构 after 3 s, 生成 after a long step
    monkeypatch.setattr(notes_cli.time, "monotonic", lambda: next(clock))
    src = tmp_path / "tools.txt"
    src.write_text(THREE_DAYS, encoding="utf-8")
    res = CliRunner().invoke(app, ["notes", str(src), "--json", "--engine", "offline"])
    assert res.exit_code == 0, res.output
    assert "整理中：识别结构（已用 3 秒）" in res.stderr
    assert "整理中：生成整理稿（已用 150 秒）" in res.stderr
    assert "读取、去噪（已用" not in res.stderr  # a quick step stays quiet
    assert json.loads(res.stdout)["notes"]["date_end"] == "2026-03-04"


def test_a_quick_piped_run_prints_no_steps(tmp_path: Path) -> None:
    from copilot.cli import app

    src = tmp_path / "tools.txt"
    src.write_text(ONE_DAY, encoding="utf-8")
    res = CliRunner().invoke(app, ["notes", str(src), "--engine", "offline"])
    assert res.exit_code == 0, res.output
    assert "整理中" not in res.stderr

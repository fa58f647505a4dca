"""Round 60 (d13e60): the faithfulness check never drops a to-do silently — the to-do falls back to its own
sentence from the messages it cites, and what the check changed is in the notes' appendix and the batch manifest."""

from __future__ import annotations

import json
from pathlib import Path

from copilot.notes import render_markdown
from copilot.notes.faithfulness import ground_notes
from copilot.notes.model import ActionItem, Notes
from copilot.notes.parse import parse_text

CHAT = """2026-12-01 09:00 里长陈大哥
台风周四登陆，大家注意
2026-12-01 09:05 里长陈大哥
独居长辈名单总共有23位，由Sandy负责周三中午前打电话一轮，王伯伯的电话是02-2345-6789
2026-12-01 09:10 美玲
会议原本周三晚上，改到今天下午5点在活动中心
2026-12-01 09:12 Sandy 小林
好的
"""


def _notes(action: ActionItem) -> Notes:
    return Notes(title="台风准备", summary="台风周四登陆。", actions=[action])


def test_a_spliced_todo_falls_back_to_its_own_sentence() -> None:
    t = parse_text(CHAT, "台风.txt")
    ids = [m.id for m in t.messages]
    # a splice of the meeting line into the call task, citing only the call line: "5" is not in #2
    bad = ActionItem(task="会议原本周三晚上改到今天下午5点在活动中心", owner="Sandy 小林",
                     deadline_text="周三中午前", sources=[ids[1]])
    cleaned, removed = ground_notes(_notes(bad), t)
    assert [a.task for a in cleaned.actions] == [
        "独居长辈名单总共有23位，由Sandy负责周三中午前打电话一轮，王伯伯的电话是02-2345-6789"]
    assert cleaned.actions[0].owner == "Sandy 小林" and cleaned.actions[0].deadline_text == "周三中午前"
    assert len(removed) == 1 and "已改回原句" in removed[0] and "已删除" not in removed[0]


def test_a_todo_with_an_invented_name_and_no_source_is_still_dropped_but_listed() -> None:
    t = parse_text(CHAT, "台风.txt")
    bad = ActionItem(task="张伟去买沙包", owner="张伟", sources=[])
    cleaned, removed = ground_notes(_notes(bad), t)
    assert cleaned.actions == [] and len(removed) == 1 and "已删除" in removed[0]


def test_the_check_is_in_the_appendix_and_the_manifest(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from copilot.cli import app

    src = tmp_path / "in"
    src.mkdir()
    (src / "台风.txt").write_text(CHAT, encoding="utf-8")
    notes = _notes(ActionItem(task="打电话", owner="Sandy 小林", sources=[2]))
    notes.checked = ["待办 2：所引消息中没有「5」，已改回原句：由Sandy负责周三中午前打电话一轮"]
    md = render_markdown(notes)
    assert "核实 1 处" in md and "已改回原句：由Sandy负责" in md
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["notes-batch", str(src), "-o", str(out), "--engine", "offline"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert rows and all("checked" in r and r["checked"] == len(r["checked_texts"]) for r in rows)


def test_a_time_changed_in_the_same_line_is_the_new_one() -> None:
    from datetime import datetime

    from copilot.notes.dates import find_deadline

    when = datetime(2026, 12, 2, 10, 0)
    due = find_deadline("通知：A线明天起提货时间从9:00改到10:30，老周别去早了", when)
    assert due is not None and due.iso == "2026-12-03 10:30"
    due = find_deadline("老周明天9:00到开发区提货", when)  # no change: the one time stands
    assert due is not None and due.iso == "2026-12-03 09:00"


def test_a_todo_whose_line_changes_its_time_is_due_at_the_new_one() -> None:
    from copilot.config import Settings
    from copilot.llm import get_engine
    from copilot.notes import summarize_text

    chat = """2026-12-02 10:00 调度-张伟
各位师傅早，今天A线老周，B线小马
2026-12-02 11:00 调度-陈琳
通知：因为开发区客户那边改了作息，A线明天起提货时间从9:00改到10:30，老周别去早了
2026-12-02 11:02 老周
好的 明天10:30到
"""
    settings = Settings(llm_provider="offline")
    notes = summarize_text(chat, "车队.txt", settings, get_engine(settings)).notes
    timed = [a for a in notes.actions if a.owner == "老周" and a.deadline]
    assert timed and all(a.deadline == "2026-12-03 10:30" for a in timed)
    assert "2026-12-03 09:00" not in render_markdown(notes)

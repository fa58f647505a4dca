"""Regression tests for QA findings on talk notes: batch naming, file modes, skipped files, CLI errors,
enumeration trimming, action owners, script preservation, host detection and quote/title quality."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes.batch import atomic_write, output_names, run_batch


@pytest.fixture()
def offline(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


_TALK = """2024-05-12 20:00:00 阿明
欢迎大家，今晚请张老师分享《社群复购怎么做》

2024-05-12 20:01:00 张老师
第一年我们只做了一件事：把复购做到35%，靠的是每周固定的会员日。

2024-05-12 20:02:00 张老师
第二步是定价，第三季度再扩品类，价格带先守住。
"""


def test_batch_same_stem_inputs_get_distinct_outputs(tmp_path: Path, offline: Settings) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    rows = [{"sender": "阿明", "content": "今晚聊聊读书打卡怎么坚持"},
            {"sender": "小雨", "content": "我每天固定在通勤路上读二十分钟"}]
    (src / "s.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (src / "s.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    (src / "s.csv").write_text("sender,content\n" + "\n".join(f"{r['sender']},{r['content']}" for r in rows),
                               encoding="utf-8")
    (src / "t.txt").write_text(_TALK, encoding="utf-8")
    summary = run_batch(src, out, 2, offline, get_engine(offline))
    assert summary.ok == 4
    outputs = sorted(r.output or "" for r in summary.records)
    assert outputs == ["s.csv.md", "s.json.md", "s.jsonl.md", "t.md"]
    assert sorted(p.name for p in out.glob("*.md")) == outputs
    again = run_batch(src, out, 2, offline, get_engine(offline))
    assert again.skipped == 4 and again.ok == 0


def test_output_names_resolve_every_clash() -> None:
    names = output_names([Path("a/x.txt"), Path("a/X.csv"), Path("b/x.txt"), Path("x.json.txt"), Path("x.json")])
    assert names["b/x.txt"] == "b/x.md"  # a different folder is not a clash
    assert names["a/x.txt"] == "a/x.txt.md" and names["a/X.csv"] == "a/X.csv.md"
    assert len({v.lower() for v in names.values()}) == len(names)


def test_outputs_have_normal_file_modes(tmp_path: Path, offline: Settings) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.md", "内容")
        assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o644
        os.chmod(tmp_path / "a.md", 0o640)
        atomic_write(tmp_path / "a.md", "新内容")  # replacing keeps the file's mode
        assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o640
        src = tmp_path / "in"
        src.mkdir()
        (src / "t.txt").write_text(_TALK, encoding="utf-8")
        run_batch(src, tmp_path / "out", 1, offline, get_engine(offline))
        run_batch(src, tmp_path / "out", 1, offline, get_engine(offline))  # compacts the manifest
        for p in (tmp_path / "out" / "t.md", tmp_path / "out" / "manifest.jsonl"):
            assert stat.S_IMODE(p.stat().st_mode) == 0o644, p
    finally:
        os.umask(old)


def test_cli_notes_output_mode_dir_error_and_unsupported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_LLM_PROVIDER", "offline")
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    src = tmp_path / "in"
    src.mkdir()
    (src / "t.txt").write_text(_TALK, encoding="utf-8")
    (src / "bin.dat").write_bytes(b"\x00\x01\x02")
    runner = CliRunner()
    old = os.umask(0o022)
    try:
        res = runner.invoke(app, ["notes", str(src / "t.txt"), "-o", str(tmp_path / "n.md"), "--engine", "offline"])
        assert res.exit_code == 0, res.output
        assert stat.S_IMODE((tmp_path / "n.md").stat().st_mode) == 0o644
    finally:
        os.umask(old)
    res = runner.invoke(app, ["notes", str(src), "--engine", "offline"])
    assert res.exit_code == 2 and "是一个目录" in res.output and "notes-batch" in res.output
    assert "Is a directory" not in res.output
    res = runner.invoke(app, ["notes-batch", str(src), "-o", str(tmp_path / "out"), "--engine", "offline"])
    assert res.exit_code == 0, res.output
    assert "bin.dat" in res.output and "不支持的格式 1" in res.output
    summary = run_batch(src, tmp_path / "out2", 1, Settings(data_dir=tmp_path / "d2", llm_provider="offline"),
                        get_engine(Settings(data_dir=tmp_path / "d2", llm_provider="offline")))
    assert summary.unsupported == ["bin.dat"] and summary.total == 1

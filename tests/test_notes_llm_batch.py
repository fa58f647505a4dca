"""Notes on the LLM path (against FakeOpenAI) and resumable batch jobs, including a killed batch."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.devtools.fake_openai import FakeOpenAI, Reply
from copilot.llm import get_engine
from copilot.notes import summarize_file
from copilot.notes.batch import INTERRUPT_GRACE_S, run_batch
from copilot.notes.faithfulness import find_bad_citations, find_ungrounded
from copilot.notes.fake import notes_responder
from copilot.notes.parse import parse_file

FIX = Path(__file__).parent / "fixtures" / "notes"


def _llm_settings(tmp_path: Path, url: str, **kw: object) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="openai", llm_base_url=url, llm_model="fake-model",
                    llm_timeout=1.5, llm_max_retries=0, **kw)


def test_llm_notes_are_validated_and_grounded(tmp_path: Path) -> None:
    with FakeOpenAI(responder=notes_responder(invent=True)) as srv:
        s = _llm_settings(tmp_path, srv.url)
        r = summarize_file(FIX / "qq_share.txt", s, get_engine(s))
    t = parse_file(FIX / "qq_share.txt")
    assert r.engine == "fake-model" and r.notice is None and r.prompt == "notes_map@v2"
    # the invented "张伟 … 87%" point was sent back with the problem, then dropped by the check
    assert len(srv.chat_requests) == 3
    assert "张伟" in srv.chat_requests[1]["messages"][-1]["content"]
    assert any("张伟" in x for x in r.removed)
    assert find_ungrounded(r.notes, t) == [] and find_bad_citations(r.notes, t) == []
    assert r.notes.session_type == "主讲分享" and r.notes.speakers[0] == "林晓岚"


def test_llm_map_reduce_over_chunks(tmp_path: Path) -> None:
    with FakeOpenAI(responder=notes_responder()) as srv:
        s = _llm_settings(tmp_path, srv.url, llm_context_tokens=1200, llm_max_tokens=16)
        r = summarize_file(FIX / "qq_share.txt", s, get_engine(s))
    assert r.prompt == "notes_map@v2+notes_reduce@v2"
    user_msgs = [q["messages"][-1]["content"] for q in srv.chat_requests]
    assert sum("分段草稿" in u for u in user_msgs) == 1 and len(user_msgs) >= 3
    assert find_bad_citations(r.notes, parse_file(FIX / "qq_share.txt")) == []


def test_llm_failures_fall_back_offline(tmp_path: Path) -> None:
    with FakeOpenAI() as srv:
        srv.push(Reply(status=429))  # llm_max_retries=0: one 429 exhausts the call
        s = _llm_settings(tmp_path, srv.url)
        r = summarize_file(FIX / "wechat_discussion.txt", s, get_engine(s))
        assert r.engine == "offline" and "限流" in (r.notice or "")
        srv.push("这不是 JSON", "还是不是", "{坏的")
        r2 = summarize_file(FIX / "wechat_discussion.txt", s, get_engine(s))
        assert r2.engine == "offline" and "无效 JSON" in (r2.notice or "")
    assert r2.notes.key_points


def _make_inputs(d: Path, n: int) -> None:
    d.mkdir(parents=True, exist_ok=True)
    base = (FIX / "wechat_discussion.txt").read_text(encoding="utf-8")
    for i in range(n):
        (d / f"g{i:03d}.txt").write_text(base.replace("老陈", f"老陈{i}"), encoding="utf-8")


def test_batch_bad_file_resume_and_retry(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _make_inputs(src, 4)
    shutil.copy(FIX / "qq_share.txt", src / "qq.txt")
    (src / "qq_gbk.txt").write_bytes((FIX / "qq_share.txt").read_text(encoding="utf-8").encode("gbk"))
    (src / "broken.json").write_text('[{"sender": "甲", ', encoding="utf-8")
    s = Settings(data_dir=tmp_path / "data", llm_provider="offline")
    seen: list[str] = []
    summary = run_batch(src, out, 3, s, get_engine(s), progress=lambda d, t, r: seen.append(r.input))
    assert (summary.total, summary.ok, summary.failed) == (7, 6, 1) and len(seen) == 7
    bad = next(r for r in summary.records if r.status == "failed")
    assert bad.input == "broken.json" and "JSON 格式错误" in (bad.error or "")
    assert sorted(p.name for p in out.glob("*.md")) == sorted(
        ["g000.md", "g001.md", "g002.md", "g003.md", "qq.md", "qq_gbk.md"])
    # re-run: finished files are skipped by hash, the fixed bad file is retried, a changed file redone
    (src / "broken.json").write_text(json.dumps([{"sender": "甲", "content": "今晚聊聊选书的标准"},
                                                 {"sender": "乙", "content": "我觉得先看目录再决定"}],
                                                ensure_ascii=False), encoding="utf-8")
    (src / "g001.txt").write_text((src / "g001.txt").read_text(encoding="utf-8") + "\n2024-06-02 21:09:00 小雨\n补充一句\n",
                                  encoding="utf-8")
    again = run_batch(src, out, 2, s, get_engine(s))
    assert (again.ok, again.skipped, again.failed) == (2, 5, 0)
    inside = run_batch(src, src / "notes-out", 2, s, get_engine(s))  # OUT_DIR inside INPUT_DIR
    assert inside.total == 7 and run_batch(src, src / "notes-out", 2, s, get_engine(s)).total == 7
    rows = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    latest = {r["input"]: r for r in rows}
    assert len(latest) == 7 and all(r["status"] == "ok" for r in latest.values())
    assert all(len(r["sha256"]) == 64 and r["engine"] == "offline" for r in latest.values())


_SCRIPT = """
import sys
from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes.batch import run_batch
s = Settings(data_dir=sys.argv[3], llm_provider="openai", llm_base_url=sys.argv[4], llm_model="fake-model",
             llm_timeout=5, llm_max_retries=0)
summary = run_batch(sys.argv[1], sys.argv[2], 2, s, get_engine(s), progress=lambda d, t, r: print(d, flush=True))
print("interrupted" if summary.interrupted else "finished", summary.ok, summary.failed, summary.pending, flush=True)
"""


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_batch(tmp_path: Path, src: Path, out: Path, url: str) -> subprocess.Popen:
    """The batch in its own process (2 workers, the fake LLM), printing each finished count."""
    # the batch as a user starts it in a terminal: Ctrl-C raises KeyboardInterrupt. A test run started in the background
    # of a non-interactive shell (`pytest … &`) inherits SIGINT as ignored, and Python then installs no handler of its own
    proc = subprocess.Popen([sys.executable, "-c", _SCRIPT, str(src), str(out), str(tmp_path / "d"), url],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
                            preexec_fn=_default_sigint)
    assert proc.stdout is not None
    return proc


def test_killed_batch_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _make_inputs(src, 12)
    with FakeOpenAI(responder=notes_responder(), latency=0.25) as srv:
        proc = _start_batch(tmp_path, src, out, srv.url)
        assert proc.stdout is not None
        done = 0
        while done < 3 and (line := proc.stdout.readline()):  # kill mid-way, after a few files finished
            if line.strip().isdigit():  # however long the batch took to start on a loaded host
                done = int(line)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        assert done >= 3
        written = sorted(p.name for p in out.glob("*.md"))
        assert 3 <= len(written) < 12
        for p in out.glob("*.md"):  # a kill mid-write leaves only a hidden .tmp, never a partial .md
            assert p.read_text(encoding="utf-8").rstrip().endswith("。*")  # every file complete
        s = _llm_settings(tmp_path, srv.url)
        summary = run_batch(src, out, 4, s, get_engine(s))
    assert summary.ok + summary.skipped == 12 and summary.failed == 0
    assert summary.skipped >= 3
    assert sorted(p.name for p in out.glob("*.md")) == [f"g{i:03d}.md" for i in range(12)]
    assert not list(out.glob(".*.tmp"))  # stale temp files of the killed run are cleaned up
    rows = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    ok_inputs = [r["input"] for r in rows if r["status"] == "ok"]
    assert sorted(set(ok_inputs)) == [f"g{i:03d}.txt" for i in range(12)]
    assert len(ok_inputs) == len(set(ok_inputs))  # compacted: one ok line per input, no duplicates


def test_cli_notes_llm_and_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from copilot.cli import app
    from copilot.config import get_settings

    runner = CliRunner()
    with FakeOpenAI(responder=notes_responder()) as srv:
        monkeypatch.setenv("COPILOT_LLM_BASE_URL", srv.url)
        monkeypatch.setenv("COPILOT_LLM_MODEL", "fake-model")
        monkeypatch.setenv("COPILOT_LLM_MAX_RETRIES", "0")
        monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
        get_settings.cache_clear()
        res = runner.invoke(app, ["notes", str(FIX / "wechat_discussion.txt"), "--engine", "llm", "--json"])
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout)["engine"] == "fake-model" and srv.chat_requests
        src = tmp_path / "in"
        _make_inputs(src, 2)
        (src / "empty.txt").write_text("", encoding="utf-8")
        res = runner.invoke(app, ["notes-batch", str(src), "-o", str(tmp_path / "out"), "--workers", "2"])
    assert res.exit_code == 1  # one file failed, the others were written
    assert "完成 2" in res.output and "失败 1" in res.output and "文件为空" in res.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.md")) == ["g000.md", "g001.md"]


def test_ctrl_c_records_in_flight_files(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _make_inputs(src, 12)
    with FakeOpenAI(responder=notes_responder(), latency=0.3) as srv:
        proc = _start_batch(tmp_path, src, out, srv.url)
        assert proc.stdout is not None
        while (line := proc.stdout.readline()) and line.strip() != "2":  # two files done, however long it took
            pass
        proc.send_signal(signal.SIGINT)
        try:  # the batch waits up to INTERRUPT_GRACE_S for files in flight; a loaded CI box is slow
            rest, _ = proc.communicate(timeout=INTERRUPT_GRACE_S + 60)
        except subprocess.TimeoutExpired:
            proc.kill()
            rest, _ = proc.communicate()
            pytest.fail(f"the batch did not stop after Ctrl-C; it printed:\n{rest}")
    assert "interrupted" in rest
    written = {p.stem for p in out.glob("*.md")}
    rows = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    recorded = {Path(r["input"]).stem for r in rows if r["status"] == "ok"}
    assert written == recorded and 2 <= len(written) < 12  # every output on disk is in the manifest
    # the final summary is rebuilt from the manifest: same counts, and the rest is reported as pending
    ok, failed, pending = (int(x) for x in rest.split("interrupted", 1)[1].split()[:3])
    assert ok + failed == len(rows) and ok == len(recorded) and pending == 12 - len(rows)

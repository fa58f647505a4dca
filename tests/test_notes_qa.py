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
from copilot.files import atomic_write
from copilot.llm import get_engine
from copilot.notes.batch import output_names, run_batch


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
    # one word per meaning: 跳过 is a file already done; a file that is no chat export is 未处理 (qa13r68)
    assert "未处理（不支持的格式）" in res.output and "跳过（不支持" not in res.output and "跳过（已完成）0" in res.output
    summary = run_batch(src, tmp_path / "out2", 1, Settings(data_dir=tmp_path / "d2", llm_provider="offline"),
                        get_engine(Settings(data_dir=tmp_path / "d2", llm_provider="offline")))
    assert summary.unsupported == ["bin.dat"] and summary.total == 1


FIX = Path(__file__).parent / "fixtures" / "notes"


def _notes(path: Path, settings: Settings):  # type: ignore[no-untyped-def]
    from copilot.notes import summarize_file

    return summarize_file(path, settings, get_engine(settings))


def test_ordinals_inside_words_are_kept(tmp_path: Path, offline: Settings) -> None:
    from copilot.notes import render_markdown
    from copilot.notes.offline import _LEAD_IN

    f = tmp_path / "t.txt"
    f.write_text(_TALK, encoding="utf-8")
    md = render_markdown(_notes(f, offline).notes)
    assert "第一年我们只做了一件事：把复购做到35%" in md
    assert "第二步是定价" in md
    assert "\n1. 年" not in md and "。年我们" not in md and "步是定价" not in md.replace("第二步是定价", "")
    # real enumerations still lose their lead-in
    for raw, want in [("第一，先定目标", "先定目标"), ("1. 先定目标", "先定目标"), ("（2）记录豆温", "记录豆温"),
                      ("首先，说结论", "说结论"), ("最后一步很关键", "最后一步很关键"), ("1.5倍的价格", "1.5倍的价格")]:
        assert _LEAD_IN.sub("", raw) == want


def test_action_owner_and_deadline_from_by_phrase(tmp_path: Path, offline: Settings) -> None:
    from copilot.notes.parse import parse_text
    from copilot.notes.structure import analyze

    text = ("2024-06-01 20:00:00 阿明\n今晚聊聊读书打卡怎么坚持\n\n2024-06-01 20:30:00 阿明\n"
            "今天就到这里，由小华负责整理笔记，周五前发群里。\n")
    st = analyze(parse_text(text, "a.txt"))
    assert [(a.owner, a.deadline_text) for a in st.actions] == [("小华", "周五前")]


def test_traditional_transcript_keeps_its_script_and_names(offline: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.notes import render_markdown

    r = _notes(FIX / "wechat_trad_coffee.txt", offline)
    n = r.notes
    assert n.script == "zh-Hant"
    assert (n.session_type, n.speakers, n.host) == ("主讲分享", ["陳老師"], "阿明")
    assert [(a.owner, a.deadline_text) for a in n.actions] == [("小華", "週五前")]
    md = render_markdown(n)
    for exact in ("陳老師", "小華", "發群裡", "台灣夏天潮濕", "《咖啡烘焙入門》", "## 要點", "主講"):
        assert exact in md, exact
    for simplified in ("陈老师", "小华", "主讲", "要点", "臺灣"):
        assert simplified not in md, simplified
    assert all("歡迎" not in p.text for p in n.key_points)  # the host's welcome is not a point
    # an explicit request still converts the content (operator's choice), never a member's name (round 83: 岩温 is
    # never 巖溫, 陳老師 stays 陳老師)
    hans = render_markdown(n, "zh-Hans")
    assert "陳老師" in hans and "陈老师" not in hans and "## 要点" in hans
    # a Simplified transcript quoting one Traditional name stays Simplified and keeps the name as written
    monkeypatch.setenv("COPILOT_SCRIPT", "zh-Hant")
    from copilot.notes.render import requested_script

    assert requested_script(Settings()) == "zh-Hant" and requested_script(offline) is None


def test_simplified_transcript_keeps_a_traditional_name(tmp_path: Path, offline: Settings) -> None:
    from copilot.notes import render_markdown

    f = tmp_path / "t.txt"
    f.write_text(_TALK.replace("张老师", "陳老師"), encoding="utf-8")
    n = _notes(f, offline).notes
    assert n.script == "zh-Hans"
    md = render_markdown(n)
    assert "陳老師" in md and "陈老师" not in md and "要点" in md


def test_invited_speaker_makes_a_talk_with_host(offline: Settings) -> None:
    n = _notes(FIX / "qq_halfmarathon.txt", offline).notes
    assert (n.session_type, n.speakers, n.host) == ("主讲分享", ["李教练"], "老周")
    assert not n.decisions  # "问题最后统一问" is not a decision
    assert [(a.owner, a.deadline_text) for a in n.actions] == [("小林", "周日前")]
    assert all(p.speaker == "李教练" for p in n.key_points)
    assert "本场由老周主持，李教练主讲《半马备赛的八周计划》" in n.summary


def test_discussion_title_quotes_dedupe_and_relevant_answers(offline: Settings) -> None:
    from copilot.notes import render_markdown

    n = _notes(FIX / "wechat_sleep_discussion.txt", offline).notes
    assert n.title == "话题讨论：孩子晚上不肯睡觉怎么办？"  # the stated question, not keywords
    texts = [p.text for p in n.key_points]
    assert sum("不看屏幕" in t for t in texts) == 1, texts  # three near-identical messages, one point
    assert not any("接个电话" in t or "停水" in t or "下周三" in t for t in texts)
    assert "停水" not in n.summary
    for q in n.quotes:  # no logistics, openers or status chatter as 金句
        assert not any(x in q.text for x in ("讨论一下", "下周三", "接个电话", "停水")), q.text
    assert [a.kind for a in n.announcements] == ["下期预告"]
    # the off-topic message after 果果妈's question is not its answer; the relevant later one is
    by_q = {q.question: q for q in n.qa}
    nap = by_q["请问午睡要不要控制时间？"]
    assert nap.answerer == "米粒妈" and nap.sources == [6, 8]
    assert not any("白噪音" in q for q in by_q)  # only an unrelated reply followed: no answer invented
    md = render_markdown(n)
    assert "我先去接个电话" not in md


def test_quotes_skip_host_openers_and_schedule(tmp_path: Path, offline: Settings) -> None:
    f = tmp_path / "books.txt"
    f.write_text(
        "[2024-06-01 20:00] 阿青: 今晚聊聊读书打卡的坚持方法，大家说说自己的小窍门\n"
        "[2024-06-01 20:01] 小北: 我把打卡和早饭绑在一起，吃早饭时读十页，三个月没断过。\n"
        "[2024-06-01 20:02] 老周: 我会在书里夹一张便签，每读完一章写一句话，回头翻很有成就感。\n"
        "[2024-06-01 20:03] 阿青: 我自己靠的是找个搭子互相监督，谁断了谁发红包。\n"
        "[2024-06-01 20:04] 小北: 搭子这个办法好，互相提醒比定闹钟管用多了。\n"
        "[2024-06-01 20:05] 阿青: 下周三晚上8点继续聊，主题是怎么挑书，大家记得准时来。\n",
        encoding="utf-8")
    n = _notes(f, offline).notes
    assert n.title == "话题讨论：读书打卡的坚持方法"
    for q in n.quotes:
        assert "今晚聊聊" not in q.text and "下周三" not in q.text, q.text
    assert not any("下周三" in p.text for p in n.key_points)


def test_llm_path_keeps_traditional_names(tmp_path: Path) -> None:
    from copilot.devtools.fake_openai import FakeOpenAI
    from copilot.notes import render_markdown, summarize_file
    from copilot.notes.fake import notes_responder

    with FakeOpenAI(responder=notes_responder()) as srv:
        s = Settings(data_dir=tmp_path / "d", llm_provider="openai", llm_base_url=srv.url, llm_model="fake-model",
                     llm_timeout=5, llm_max_retries=0)
        r = summarize_file(FIX / "wechat_trad_coffee.txt", s, get_engine(s))
    assert r.engine != "offline" and r.notes.script == "zh-Hant"
    assert (r.notes.speakers, r.notes.host) == (["陳老師"], "阿明")
    md = render_markdown(r.notes)
    assert "台灣夏天潮濕" in md and "陈老师" not in md and "主講" in md


def test_preview_sentence_with_an_owner_is_also_a_todo() -> None:
    from copilot.notes.parse import parse_text
    from copilot.notes.structure import analyze

    text = ("[2024-05-12 20:00] 王姐: 今晚我们讨论一下：孩子晚上不肯睡觉怎么办？\n"
            "[2024-05-12 20:02] 陈妈妈: 我家是固定九点关灯，睡前讲一个故事，坚持了两周就好了\n"
            "[2024-05-12 20:05] 王姐: 下周三晚上8点继续聊挑食，由陈妈妈整理今天的要点，周日前发群里。\n")
    st = analyze(parse_text(text, "wx.txt"))
    assert [a.kind for a in st.announcements] == ["下期预告"]
    assert [(a.owner, a.deadline_text) for a in st.actions] == [("陈妈妈", "周日前")]

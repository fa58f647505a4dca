"""The admin's confirm-uncertain loop (``copilot moderation-review``): least-sure first, per group, dry-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.moderation import AuditError, AuditLog, Moderator
from copilot.moderation.review import answer, margin, uncertain
from copilot.moderation.training import train_group
from copilot.profile import parse_profile_text

KNIT = "name: 钩针编织群\npositioning: 钩针爱好者交流针法和毛线\ntopics: [钩针, 针法, 毛线, 图解]\n"
FISH = "name: 海钓群\npositioning: 海钓爱好者交流钓点、钓具和潮汐\ntopics: [海钓, 钓点, 钓具, 潮汐, 鱼竿]\n"
MESSAGES = [
    "这个短针加针的图解看不懂，有人能讲讲吗",
    "出几团自用剩下的马海毛，20一团",
    "兼职日结，手机就能做，加微信 kz_2027 详聊",
    "收各种毛线，量大从优",
    "今天钩完了一个杯垫，第一次成功",
    "毛线团购有人一起吗，价格私聊",
    "谢谢大家",
    "",
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def _judge(settings: Settings, profile_text: str, key: str, texts: list[str], *, dry_run: bool = False) -> None:
    mod = Moderator(settings, parse_profile_text(profile_text), audit=AuditLog.from_settings(settings),
                    profile_key=key, dry_run=dry_run)
    for i, t in enumerate(texts):
        mod.moderate({"id": f"{key}-{i}", "user": f"u{i}", "text": t})


def test_least_sure_first_one_question_per_text_and_only_this_groups(settings: Settings) -> None:
    _judge(settings, KNIT, "knit", MESSAGES + MESSAGES[:3])  # repeats are asked once
    _judge(settings, FISH, "fish", ["鱼竿打折了，加微信 yugan_88 下单", "今天的潮汐表谁有"])
    audit = AuditLog.from_settings(settings)
    items = uncertain(audit, "knit", limit=50)
    texts = [i["text"] for i in items]
    assert len(texts) == len(set(texts)) and "" not in texts
    assert not set(texts) & {"鱼竿打折了，加微信 yugan_88 下单", "今天的潮汐表谁有"}
    margins = [i["margin"] for i in items]
    assert margins == sorted(margins) and margins[0] < margins[-1]
    assert len(uncertain(audit, "knit", limit=2)) == 2
    with pytest.raises(AuditError):
        uncertain(audit, "", limit=5)


def test_answers_become_that_groups_feedback_and_are_not_asked_again(settings: Settings) -> None:
    _judge(settings, KNIT, "knit", MESSAGES)
    _judge(settings, FISH, "fish", ["鱼竿打折了，加微信 yugan_88 下单"])
    audit = AuditLog.from_settings(settings)
    first = uncertain(audit, "knit", limit=3)
    fish_vid = uncertain(audit, "fish", limit=1)[0]["verdict_id"]
    # a verdict of another group, a bad label or an unknown id: refused as a whole, nothing stored
    for bad in ([(first[0]["verdict_id"], "ad"), (fish_vid, "ok")], [(first[0]["verdict_id"], "spammy")],
                [("nope", "ok")]):
        with pytest.raises(AuditError):
            answer(audit, "knit", bad)
    assert audit.feedback_samples("knit") == []
    out = answer(audit, "knit", [(first[0]["verdict_id"], "ad"), (first[1]["verdict_id"], "ok")])
    assert out["stored"] == 2
    assert sorted(lab for _, lab in audit.feedback_samples("knit")) == ["ad", "ok"]
    assert audit.feedback_samples("fish") == []
    again = {i["verdict_id"] for i in uncertain(audit, "knit", limit=50)}
    assert not again & {first[0]["verdict_id"], first[1]["verdict_id"]}


def test_dry_run_answers_and_test_runs_write_nothing(settings: Settings) -> None:
    _judge(settings, KNIT, "knit", MESSAGES[:4], dry_run=True)  # a test run in the UI: never asked about
    audit = AuditLog.from_settings(settings)
    assert uncertain(audit, "knit") == []
    _judge(settings, KNIT, "knit", MESSAGES[:4])
    items = uncertain(audit, "knit")
    out = answer(audit, "knit", [(i["verdict_id"], "ok") for i in items], dry_run=True)
    assert out["stored"] == 0 and audit.feedback_samples("knit") == []


def test_margin_reads_the_nearer_of_probability_and_score() -> None:
    assert margin({"score": 0.95, "checks": {"classifier": {"ad_prob": 0.52}}}) == pytest.approx(0.02)
    assert margin({"score": 0.55, "checks": {}}) == pytest.approx(0.05)
    assert margin({"score": 1.0, "checks": {"classifier": {"ad_prob": 0.0}}}) == pytest.approx(0.5)


def test_cli_review_interactive_answers_then_retrain_uses_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.cli import app
    from copilot.config import get_settings

    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    settings = get_settings()
    prof = tmp_path / "knit.yaml"
    prof.write_text(KNIT, encoding="utf-8")
    _judge(settings, KNIT, "knit", MESSAGES)
    runner = CliRunner()
    listed = runner.invoke(app, ["moderation-review", "-p", str(prof), "--list", "-k", "3"])
    assert listed.exit_code == 0, listed.output
    assert len(json.loads(listed.stdout)["items"]) == 3
    # dry run: the answers are checked, nothing is stored
    dry = runner.invoke(app, ["moderation-review", "-p", str(prof), "-k", "2", "--dry-run"], input="3\n1\n")
    assert dry.exit_code == 0, dry.output
    assert AuditLog.from_settings(settings).feedback_samples("knit") == []
    # a number; an unreadable reply is asked again (not skipped: the second of two items gets 正常)
    run = runner.invoke(app, ["moderation-review", "-p", str(prof), "-k", "2"], input="3\n乱写\n正常\n")
    assert run.exit_code == 0, run.output
    out = run.stdout  # the test runner echoes typed replies onto stdout; the result is the JSON after them
    assert json.loads(out[out.index("{"):])["stored"] == 2 and "看不懂“乱写”" in run.output
    assert sorted(lab for _, lab in AuditLog.from_settings(settings).feedback_samples("knit")) == ["ad", "ok"]
    stop = runner.invoke(app, ["moderation-review", "-p", str(prof), "-k", "3"], input="q\n")  # q ends at once
    assert stop.exit_code == 0 and json.loads(stop.stdout[stop.stdout.index("{"):])["stored"] == 0
    # answers from a file; a malformed file stops before anything is written
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"verdict_id": "x"}\n', encoding="utf-8")
    assert runner.invoke(app, ["moderation-review", "-p", str(prof), "--answers", str(bad)]).exit_code == 2
    # the stored answers are what retraining reads for this group (too few here to enable a model)
    result = train_group(settings, "knit", AuditLog.from_settings(settings))
    assert result["examples"] == 2 and not result["enabled"]


def test_cli_review_answers_file_reports_every_problem_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.cli import app
    from copilot.config import get_settings

    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    settings = get_settings()
    prof = tmp_path / "knit.yaml"
    prof.write_text(KNIT, encoding="utf-8")
    _judge(settings, KNIT, "knit", MESSAGES)
    good = uncertain(AuditLog.from_settings(settings), "knit", limit=1)[0]["verdict_id"]
    answers = tmp_path / "answers.jsonl"
    answers.write_text("\n".join([
        json.dumps({"verdict_id": good, "label": "广告"}, ensure_ascii=False),
        '{"verdict_id": "abc", "label": ',                      # line 2: not JSON
        json.dumps({"verdict_id": "nope0000", "label": "ok"}),    # line 3: no such verdict
        json.dumps({"verdict_id": good, "label": "大概是广告吧"}, ensure_ascii=False),  # line 4: bad label
    ]) + "\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["moderation-review", "-p", str(prof), "--answers", str(answers)])
    assert run.exit_code == 2
    # the broken JSON line does not hide the other two problems, and each is named by its line
    for where in ("第 2 行", "第 3 行", "第 4 行"):
        assert where in run.output, run.output
    assert "第 1 行" not in run.output
    assert AuditLog.from_settings(settings).feedback_samples("knit") == []  # nothing stored

"""The audit log on SQLite and on PostgreSQL: what several hook workers share must behave the same.

Strikes and escalation, re-delivered messages (also when two processes race), flood counts across
workers, feedback, queries and stats. The PostgreSQL server is a throwaway cluster started by the
``postgres_base_url`` fixture.
"""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from copilot.config import Settings
from copilot.moderation.audit import AuditLog
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

LOCAL = "http://127.0.0.1"  # the hook answers only to its own host names (DNS rebinding)

READING = """
name: 周末读书会
positioning: 每周共读一本小说，交流读后感
topics: [读书, 小说, 共读, 读后感]
"""
AD = "加 v 信 abc_12345，在家兼职日结两百"


@pytest.fixture
def reading():  # type: ignore[no-untyped-def]
    return parse_profile_text(READING)


def _settings(tmp_path: Path, url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline", database_url=url)


def test_strikes_escalate_and_survive_a_restart(tmp_path: Path, audit_db_url: str, reading) -> None:  # type: ignore[no-untyped-def]
    s = _settings(tmp_path, audit_db_url)
    first = Moderator(s, reading, audit=AuditLog(audit_db_url))
    v1 = first.moderate({"id": "1", "user": "s1", "group": "g", "text": AD})
    restarted = Moderator(s, reading, audit=AuditLog(audit_db_url))  # a new process, same database
    v2 = restarted.moderate({"id": "2", "user": "s1", "group": "g", "text": AD})
    v3 = restarted.moderate({"id": "3", "user": "s1", "group": "g", "text": AD})
    assert (v1.action, v2.action, v3.action) == ("delete", "mute", "kick")
    assert restarted.audit.count_strikes("g", "s1", "ad", 30) == 3
    assert restarted.audit.count_strikes("other-group", "s1", "ad", 30) == 0


def _worker(url: str, data_dir: str, barrier, out) -> None:  # type: ignore[no-untyped-def]
    s = Settings(data_dir=Path(data_dir), llm_provider="offline", database_url=url)
    mod = Moderator(s, audit=AuditLog(url))
    barrier.wait()
    v = mod.moderate({"id": "m-77", "group": "g1", "user": "u9", "text": "➕薇 abc88990011 内部渠道低价代购，日结兼职"})
    out.put((v.verdict_id, v.replayed))


def _striker(url: str, data_dir: str, i: int, barrier, out) -> None:  # type: ignore[no-untyped-def]
    s = Settings(data_dir=Path(data_dir), llm_provider="offline", database_url=url)
    mod = Moderator(s, audit=AuditLog(url))
    text = f"代购名牌包包，内部渠道价，加 v 信 bag_{i:04d}88 下单"  # different ads, one member
    barrier.wait()
    v = mod.moderate({"id": f"ad-{i}", "group": "g2", "user": "spammer", "text": text})
    out.put((v.strike, str(v.action)))


def test_simultaneous_ads_from_one_member_get_strikes_one_to_n(tmp_path: Path, audit_db_url: str) -> None:
    """Eight ads from one member reach eight workers at the same instant: strikes are counted and
    written under one lock, so the strike numbers are 1..8 with no repeats and the ladder runs in order."""
    AuditLog(audit_db_url)
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(8), ctx.Queue()
    procs = [ctx.Process(target=_striker, args=(audit_db_url, str(tmp_path / f"d{i}"), i, barrier, out))
             for i in range(8)]
    for p in procs:
        p.start()
    got = sorted(out.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    assert [strike for strike, _ in got] == list(range(1, 9))
    assert [action for _, action in got] == ["delete", "mute"] + ["kick"] * 6
    assert AuditLog(audit_db_url).count_strikes("g2", "spammer", "ad", 30) == 8


def test_four_workers_receiving_the_same_message_record_it_once(tmp_path: Path, audit_db_url: str) -> None:
    AuditLog(audit_db_url)  # schema in place before the workers race
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(audit_db_url, str(tmp_path / "data"), barrier, out)) for _ in range(4)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert len({vid for vid, _ in results}) == 1, results
    assert sorted(replayed for _, replayed in results) == [False, True, True, True]
    log = AuditLog(audit_db_url)
    assert log.count_strikes("g1", "u9", "ad", 30) == 1 and log.query()["total"] == 1


def test_flood_and_campaign_split_across_workers(tmp_path: Path, audit_db_url: str, reading) -> None:  # type: ignore[no-untyped-def]
    s = _settings(tmp_path, audit_db_url)
    a, b, c = (Moderator(s, reading, audit=AuditLog(audit_db_url)) for _ in range(3))
    labels = [(a, b)[i % 2].moderate({"id": f"f{i}", "group": "g", "user": "f1", "text": f"第{i}章读完了"}).label
              for i in range(7)]
    assert labels[:5] == ["ok"] * 5 and labels[-1] == "spam"
    chatter = "快来看明星八卦，今天热搜第一的离婚新闻"
    seq = [w.moderate({"id": f"c{i}", "group": "g", "user": f"y{i}", "text": chatter}) for i, w in enumerate((a, b, c))]
    assert [v.label for v in seq] == ["off_topic", "off_topic", "spam"]


def test_feedback_query_and_stats(tmp_path: Path, audit_db_url: str, reading) -> None:  # type: ignore[no-untyped-def]
    mod = Moderator(_settings(tmp_path, audit_db_url), reading, audit=AuditLog(audit_db_url))
    for i in range(4):
        mod.moderate({"id": f"ok{i}", "user": f"u{i}", "group": "g1", "text": "这周共读的小说写得真好"})
    sale = mod.moderate({"id": "b1", "user": "m", "group": "g1", "text": "出一本九成新的《百年孤独》，二十块，同城自取"})
    mod.moderate({"id": "x", "user": "t", "group": "g2", "text": AD})
    mod.record_feedback(sale.verdict_id, "ad")
    # another worker learns the correction from the shared database
    other = Moderator(_settings(tmp_path, audit_db_url), reading, audit=AuditLog(audit_db_url))
    again = other.moderate({"id": "b2", "user": "n", "group": "g1", "text": "出一本九成新的《百年孤独》，二十块，同城自取！"})
    assert again.label == "ad" and "运营者" in again.reason
    log = AuditLog(audit_db_url)
    assert log.query(group="g1")["total"] == 6 and log.query(action="delete")["total"] >= 1
    page = log.query(group="g1", limit=4, offset=4)
    assert len(page["items"]) == 2 and page["total"] == 6
    assert log.query(group="g1", label="ad")["items"][0]["message_id"] == "b2"
    stats = log.stats(group="g1")
    assert sale.label != "ad" and sum(stats["by_label"].values()) == 6 and stats["by_label"]["ad"] == 1
    assert stats["feedback_quality"]["ad"]["recall"] == 0.0
    assert [t for t, _ in log.feedback_samples()] == ["出一本九成新的《百年孤独》，二十块，同城自取"]


def test_hook_on_the_configured_database(tmp_path: Path, audit_db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.server import create_app

    monkeypatch.setenv("COPILOT_DATABASE_URL", audit_db_url)
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    client = TestClient(create_app(Settings()), base_url=LOCAL)
    body = {"id": "7", "user": "u1", "group": "10001", "text": AD}
    v1 = client.post("/v1/moderate", json=body).json()
    v2 = client.post("/v1/moderate", json=body).json()  # the bot retried
    assert v1["label"] == "ad" and v2["replayed"] and v2["verdict_id"] == v1["verdict_id"]
    assert AuditLog(audit_db_url).count_strikes("10001", "u1", "ad", 30) == 1


def _open_log(url: str, barrier, out) -> None:  # type: ignore[no-untyped-def]
    barrier.wait()
    try:
        AuditLog(url)
        out.put("ok")
    except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
        out.put(repr(exc))


def test_six_workers_creating_the_schema_at_once(audit_db_url: str) -> None:
    """`copilot serve --workers 6` on an empty database: every worker starts."""
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(6), ctx.Queue()
    procs = [ctx.Process(target=_open_log, args=(audit_db_url, barrier, out)) for _ in range(6)]
    for p in procs:
        p.start()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert results == ["ok"] * 6


def test_prune_keeps_recent_records_and_feedback(tmp_path: Path, audit_db_url: str, reading) -> None:  # type: ignore[no-untyped-def]
    from copilot.moderation.audit import deliveries, verdicts

    log = AuditLog(audit_db_url)
    mod = Moderator(_settings(tmp_path, audit_db_url), reading, audit=log)
    old = [mod.moderate({"id": f"o{i}", "user": "s1", "group": "g", "text": AD}) for i in range(2)]
    mod.record_feedback(old[0].verdict_id, "ad")
    with log.engine.begin() as conn:  # these two were judged 200 days ago
        conn.execute(verdicts.update().where(verdicts.c.id.in_([v.verdict_id for v in old]))
                     .values(ts=verdicts.c.ts - 200 * 86400))
        from copilot.moderation.audit import strikes

        conn.execute(strikes.update().values(ts=strikes.c.ts - 200 * 86400))
    recent = mod.moderate({"id": "n1", "user": "s1", "group": "g", "text": AD})
    assert recent.action == "delete"  # strikes from 200 days ago are outside the 30-day window
    out = log.prune(180)
    assert (out["verdicts"], out["deliveries"], out["strikes"]) == (2, 2, 2)
    assert log.query(group="g")["total"] == 1 and log.get(recent.verdict_id) is not None
    assert [lab for _, lab in log.feedback_samples()] == ["ad"]  # the learning sample stays
    with log.engine.connect() as conn:
        assert conn.execute(deliveries.select()).all() != []  # the recent message's claim stays
    assert log.prune(180)["verdicts"] == 0


def test_prune_command_refuses_a_cutoff_inside_the_strike_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data" / "moderation").mkdir(parents=True)
    (tmp_path / "data" / "moderation" / "policy.yaml").write_text("groups:\n  '10001': {window_days: 90}\n", encoding="utf-8")
    short = CliRunner().invoke(app, ["moderation-prune", "--older-than", "60"])
    assert short.exit_code == 2 and "违规计数窗口 90 天" in short.output
    ok = CliRunner().invoke(app, ["moderation-prune", "--older-than", "90"])
    assert ok.exit_code == 0, ok.output
    assert '"verdicts": 0' in ok.stdout

"""``copilot serve --workers 2``: two real processes behind one port, one audit database.

What a bot sees must not depend on which worker answers: a message retried while the first
delivery is still being judged is recorded once with one strike, and a member's flood is seen
even though each worker gets only part of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from copilot.config import Settings
from copilot.devtools.procs import free_port, wait_for_http
from copilot.moderation.audit import AuditLog

AD = "➕薇 abc88990011 内部渠道低价代购，日结兼职"


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    data = tmp_path_factory.mktemp("workers-data")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COPILOT_", "OPENAI_"))}
    env.update(COPILOT_DATA_DIR=str(data), COPILOT_LLM_PROVIDER="offline")
    log = open(data / "serve.log", "w")  # noqa: SIM115 - the server process writes it until teardown
    proc = subprocess.Popen([sys.executable, "-m", "copilot", "serve", "--workers", "2", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_for_http(url + "/healthz", proc, 120, log=data / "serve.log")
    yield url, data
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


def test_two_workers_answer_and_share_one_audit_log(two_workers) -> None:  # type: ignore[no-untyped-def]
    url, data = two_workers
    msg = {"id": "r-1", "group": "g1", "user": "u9", "text": AD}
    with httpx.Client(timeout=30) as client, ThreadPoolExecutor(8) as pool:
        # a bot that retries aggressively: 8 copies of one message in flight at once
        answers = list(pool.map(lambda _: client.post(url + "/v1/moderate", json=msg).json(), range(8)))
        assert {a["verdict_id"] for a in answers} == {answers[0]["verdict_id"]}
        assert sum(not a["replayed"] for a in answers) == 1 and {a["action"] for a in answers} == {"delete"}
        # seven quick messages by one member, answered by whichever worker is free
        flood = [client.post(url + "/v1/moderate", json={"id": f"f{i}", "group": "g1", "user": "f1",
                                                          "text": f"第{i}章读完了"}).json() for i in range(7)]
    assert flood[-1]["label"] == "spam" and "10 秒内连发" in flood[-1]["reason"]
    log = AuditLog.from_settings(Settings(data_dir=data))
    assert log.count_strikes("g1", "u9", "ad", 30) == 1
    assert log.query(group="g1", label="ad")["total"] == 1


def test_simultaneous_ads_from_one_member_escalate_in_order_across_workers(two_workers) -> None:  # type: ignore[no-untyped-def]
    """Six different ads by one member reach both workers at the same moment: strike numbers 1..6,
    no repeats, and the ladder delete → mute → kick in that order (issue 11: 18 of 20 users got
    repeated strike numbers when counting and writing were separate)."""
    url, data = two_workers
    ads = [{"id": f"s{i}", "group": "g7", "user": "spammer", "text": f"低价代购名牌包 第{i}批到货，加 v 信 bag_{i}8866"}
           for i in range(6)]
    with httpx.Client(timeout=30) as client, ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda m: client.post(url + "/v1/moderate", json=m).json(), ads))
    by_strike = sorted((a["strike"], a["action"]) for a in answers)
    assert [s for s, _ in by_strike] == [1, 2, 3, 4, 5, 6]
    assert [a for _, a in by_strike] == ["delete", "mute", "kick", "kick", "kick", "kick"]
    assert AuditLog.from_settings(Settings(data_dir=data)).count_strikes("g7", "spammer", "ad", 30) == 6

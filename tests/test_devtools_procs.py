"""The subprocess helpers the browser, worker and PostgreSQL tests start their servers with."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from copilot.devtools.procs import free_port, wait_for_http


def test_a_server_that_dies_is_reported_with_its_log(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    log.write_text("端口被占用\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    proc.wait(timeout=30)
    with pytest.raises(RuntimeError, match="exited early \\(code 3\\)[\\s\\S]*端口被占用"):
        wait_for_http(f"http://127.0.0.1:{free_port()}/", proc, 5, log=log)


def test_a_server_that_never_answers_is_killed_at_the_timeout() -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    with pytest.raises(RuntimeError, match="did not answer"):
        wait_for_http(f"http://127.0.0.1:{free_port()}/", proc, 1, poll=0.2)
    assert proc.wait(timeout=10) != 0  # killed, not left running


def test_a_server_that_answers() -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", proc, 30, poll=0.1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_load_script_runs_a_repository_script_as_a_module_and_names_a_missing_one() -> None:
    from copilot.devtools.scripts import load_script

    cal = load_script("scripts/calibrate_warn.py")
    assert cal.__name__ == "scripts_calibrate_warn" and callable(getattr(cal, "main", None))
    with pytest.raises(FileNotFoundError, match="没有这个脚本"):
        load_script("scripts/no_such_script.py")

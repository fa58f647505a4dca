"""Starting a server in a subprocess for tests and benchmarks: a free port, waiting until it answers."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import httpx


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, proc: subprocess.Popen | None, timeout: float, *, log: Path | None = None,
                  poll: float = 0.5) -> None:
    """Return once ``url`` answers with a status below 400; raise RuntimeError (with the log) when
    the process (if any: None for a server in a thread) exits first or ``timeout`` seconds pass,
    killing it in the latter case."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited early (code {proc.returncode}):\n{_tail(log)}")
        try:
            if httpx.get(url, timeout=2).status_code < 400:
                return
        except httpx.HTTPError:
            pass
        time.sleep(poll)
    if proc is not None:
        proc.kill()
    raise RuntimeError(f"the server did not answer {url} within {timeout:g} s:\n{_tail(log)}")


def _tail(log: Path | None) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-4000:] if log and log.exists() else ""

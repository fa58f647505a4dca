"""Starting a server in a subprocess (or an app in a thread) for tests and benchmarks: a free port, waiting until it
answers."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


@contextmanager
def app_in_thread(app: Any, timeout: float) -> Iterator[str]:
    """Serve the ASGI ``app`` with uvicorn on a free loopback port in a daemon thread and yield its base URL once
    ``/healthz`` answers (within ``timeout`` seconds); the server is told to stop on the way out."""
    import uvicorn  # noqa: PLC0415 - only the tests and benchmarks that serve an app need it

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/healthz", None, timeout)
        yield base
    finally:
        server.should_exit = True

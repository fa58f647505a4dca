"""Files the UI offers for download.

Every request gets its own folder under one folder per UI process; only the newest `KEEP` request folders stay (Gradio
copies a returned file into its own cache when it sends the reply, so an older folder is never needed again), and the
process folder is removed when the process ends. A UI that runs for weeks no longer leaves one temporary folder per
click behind.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
import threading
from pathlib import Path

KEEP = 64


class Downloads:
    """Request folders under `root`, numbered in the order they were made; the oldest beyond `keep` are removed."""

    def __init__(self, root: Path, keep: int = KEEP) -> None:
        if keep < 1:
            raise ValueError("keep must be at least 1")
        self.root = root
        self.keep = keep
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()  # Gradio runs callbacks on worker threads

    def folder(self, label: str) -> Path:
        """A new empty folder for one request's files."""
        with self._lock:
            self.root.mkdir(parents=True, exist_ok=True)
            made = self.root / f"{next(self._numbers):08d}-{label}"
            made.mkdir()
            for old in sorted(p for p in self.root.iterdir() if p.is_dir())[:-self.keep]:
                shutil.rmtree(old, ignore_errors=True)
            return made

    def clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


_process: Downloads | None = None


def downloads() -> Downloads:
    """This process's download folders (made on first use, removed at exit)."""
    global _process
    if _process is None:
        _process = Downloads(Path(tempfile.gettempdir()) / f"copilot-ui-{os.getpid()}")
        atexit.register(_process.clear)
    return _process

"""`copilot --help` and `copilot notes --help` must not pay for libraries only some commands use
(scikit-learn ~1 s, Gradio, Chroma): they are imported where the work is done. Timing lives in
docs/notes.md (python -X importtime), not in a timed test."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sklearn", "gradio", "chromadb")


@pytest.mark.parametrize("argv", [["--help"], ["notes", "--help"], ["notes-batch", "--help"]])
def test_help_does_not_import_heavy_libraries(argv: list[str]) -> None:
    probe = (
        "import sys\n"
        "from copilot.cli import app\n"
        "try:\n"
        f"    app({argv!r}, standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print('HEAVY=' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Usage" in out.stdout or "用法" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "HEAVY="

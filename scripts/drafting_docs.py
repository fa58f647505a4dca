"""Regenerate the example outputs in docs/drafting.md by running the commands (offline engine).

Every block between ``<!-- run: ARGS -->`` and ``<!-- /run -->`` is replaced by ``$ copilot ARGS``
and what that command prints now. Run: ``.venv/bin/python scripts/drafting_docs.py``.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "drafting.md"
BLOCK = re.compile(r"<!-- run: (.+?) -->\n.*?<!-- /run -->", re.S)


def run(args: str) -> str:
    exe = Path(sys.executable).parent / "copilot"
    proc = subprocess.run([str(exe), *shlex.split(args), "--engine", "offline"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    out = (proc.stdout + proc.stderr).rstrip()
    return f"<!-- run: {args} -->\n```console\n$ copilot {args}\n{out}\n```\n<!-- /run -->"


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    DOC.write_text(BLOCK.sub(lambda m: run(m.group(1)), text), encoding="utf-8")


if __name__ == "__main__":
    main()

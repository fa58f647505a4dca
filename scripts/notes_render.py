"""Every readable notes chat's offline notes as Markdown, one file each: what a notes change does to the write-ups a
reader sees, beside what it does to the scores.

Readable chats only (``evals/notes/dev``, ``tuning``, ``independent`` and the loose chats at the top) — never a locked
or blind split. Render the code before and after a change into two folders, then compare them::

    PYTHONPATH=/path/to/old .venv/bin/python scripts/notes_render.py /tmp/before
    PYTHONPATH=. .venv/bin/python scripts/notes_render.py /tmp/after --against /tmp/before
    diff -r /tmp/before /tmp/after | less

``--against`` prints how many write-ups changed, per folder, and their names. ``--only dev,independent`` renders
those folders only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from copilot.config import get_settings
from copilot.evals.notes import INDEPENDENT_DIR, NOTES_EVAL_DIR, readable_chats
from copilot.llm import get_engine
from copilot.notes.render import render_markdown
from copilot.notes.summarize import summarize_file


def chats(only: set[str]) -> list[Path]:
    """The readable chats, the independent split's among them; ``only`` keeps those folders ('top' = the loose ones)."""
    found = readable_chats() + sorted(p for p in INDEPENDENT_DIR.iterdir() if p.is_file())
    found = [p for p in found if p.name != "expected.yaml"]  # (each folder's spec, not a chat)
    return [p for p in found if not only or _folder(p) in only]


def _folder(path: Path) -> str:
    return "top" if path.parent == NOTES_EVAL_DIR else path.parent.name


def render_all(out: Path, only: set[str]) -> Counter[str]:
    settings = get_settings()
    engine = get_engine(settings, prefer="offline")
    written: Counter[str] = Counter()
    for path in chats(only):
        target = out / _folder(path) / (path.name + ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            result = summarize_file(path, settings, engine)
            text = render_markdown(result.notes, appendix=True)
        except Exception as exc:  # a chat that fails is a write-up of its own: the error, for the diff to show
            text = f"ERROR {type(exc).__name__}: {exc}\n"
        target.write_text(text, encoding="utf-8")
        written[_folder(path)] += 1
    return written


def changed(before: Path, after: Path) -> dict[str, list[str]]:
    """Per folder, the write-ups of ``after`` that differ from ``before``'s (one ``before`` lacks counts as changed)."""
    out: dict[str, list[str]] = {}
    for rel in sorted(p.relative_to(after) for p in after.rglob("*.md")):
        a, b = before / rel, after / rel
        if not a.is_file() or a.read_bytes() != b.read_bytes():
            out.setdefault(rel.parts[0], []).append(rel.name)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--only", default="", help="folders: dev,tuning,independent,top")
    ap.add_argument("--against", type=Path, help="an earlier render to compare with")
    a = ap.parse_args()
    only = {x for x in a.only.split(",") if x}
    written = render_all(a.out, only)
    print("rendered", sum(written.values()), dict(written))
    if a.against:
        diff = changed(a.against, a.out)
        print("changed", sum(len(v) for v in diff.values()), {k: len(v) for k, v in diff.items()})
        for folder, names in diff.items():
            for name in names:
                print(f"  {folder}/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

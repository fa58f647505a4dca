"""Check moderation's cheap first look (``quick_signals_among``, :func:`copilot.moderation.signals.may_show`) against the
full ``quick_signals`` on every readable line: the readable moderation sets (tuning, dev*, evasions, messages,
members_qa, independent / 2 / 6 / 7 / 11) and every line and parsed message of the readable notes chats (dev, tuning, the
top of evals/notes). A line the look skips must show no contact, no link and none of the signals the notes noise
filter asks about; a line it reads must get the very same report. Prints counts only (no line's text). Score-only sets
are not read.

Run after changing a detector of those signals or ``may_show``:
``PYTHONPATH=. .venv/bin/python scripts/check_signal_screen.py`` (about 30 s CPU; exit 1 on any disagreement).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.moderation import quick_signals  # noqa: E402
from copilot.moderation.pipeline import quick_signals_among  # noqa: E402
from copilot.notes import noise  # noqa: E402
from copilot.notes.parse import NotesParseError, parse_file  # noqa: E402

READABLE_MODERATION = ("independent", "independent2", "independent6", "independent7", "independent11")


def _acted_on(report) -> bool:
    return report is not None and bool(report.contacts or report.urls or set(report.names()) & noise._ASKED)


def readable_texts() -> list[str]:
    texts: dict[str, None] = {}
    mod = ROOT / "evals" / "moderation"
    sets = [mod / "tuning.jsonl", *sorted(mod.glob("dev*.jsonl")), mod / "evasions.jsonl", mod / "messages.jsonl",
            mod / "members_qa.jsonl", *(p for d in READABLE_MODERATION for p in sorted((mod / d).glob("*.jsonl")))]
    for p in sets:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip() and isinstance(text := json.loads(line).get("text"), str):
                texts.setdefault(text)
    notes = ROOT / "evals" / "notes"
    chats = sorted(p for d in (notes / "dev", notes / "tuning") for p in d.iterdir() if p.is_file()) + \
        sorted(p for p in notes.iterdir() if p.is_file() and p.suffix in (".txt", ".csv", ".json", ".jsonl", ".tsv"))
    for p in chats:
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            texts.setdefault(line)
        try:
            for m in parse_file(p).messages:
                texts.setdefault(m.text)
        except NotesParseError:
            pass
    return list(texts)


def main() -> int:
    texts = readable_texts()
    skipped = wrong = 0
    for text in texts:
        full, cheap = quick_signals(text), quick_signals_among(text, noise._ASKED)
        if cheap is None:
            skipped += 1
            wrong += _acted_on(full)
        elif (cheap.names(), cheap.contacts, cheap.urls) != (full.names(), full.contacts, full.urls):
            wrong += 1
    print(f"{len(texts)} distinct readable lines: skipped by the cheap look {skipped} ({skipped / len(texts):.1%}), "
          f"disagreeing with the full look {wrong}")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())

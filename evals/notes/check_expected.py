"""Check a readable notes eval folder's ``expected.yaml``: every entry follows the schema and every
wording is a verbatim substring of its transcript (after decoding, compared as written and after fold).

    .venv/bin/python evals/notes/check_expected.py evals/notes/tuning [evals/notes/independent …]

Locked folders are refused: their contents are never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from copilot.evals.notes import LOCKED_SPLITS, load_specs
from copilot.files import decode_bytes
from copilot.textnorm import fold


def problems(folder: Path) -> list[str]:
    out: list[str] = []
    for name, spec in load_specs(folder).items():
        path = folder / name
        if not path.exists():
            out.append(f"{name}: file missing")
            continue
        text = decode_bytes(path.read_bytes(), name)
        folded = fold(text)
        words: list[tuple[str, str]] = [("key_fact", w) for alts in spec.key_facts for w in alts]
        for q in spec.qa:
            words += [("asker", q.asker), ("answerer", q.answerer)]
            words += [("question", w) for w in q.question] + [("answer", w) for w in q.answer]
        words += [("decision", w) for d in spec.decisions for w in d.text]
        for a in spec.actions:
            words += [("task", w) for w in a.task]
            # a shared task lists its owners joined by 、; each of them is named in the chat
            words += [("owner", o) for o in a.owner.split("、") if o != "大家"]
            if a.deadline_text:
                words.append(("deadline_text", a.deadline_text))
            if a.deadline and spec.date is None:
                out.append(f"{name}: deadline {a.deadline} but the chat has no date")
        words += [("announcement", w) for a in spec.announcements for w in a.text]
        words += [("must_not", w) for w in spec.must_not]
        words += [(kind, w) for kind in ("not_decisions", "not_actions", "not_questions") for w in getattr(spec, kind)]
        words += [("title", w) for w in spec.title] + [("title_not", w) for w in spec.title_not]
        out += [f"{name}: {kind} 「{w}」 is not in the transcript" for kind, w in words
                if w not in text and fold(w) not in folded]
    return out


def main(argv: list[str]) -> int:
    locked = {p.resolve() for p in LOCKED_SPLITS.values()}
    found = 0
    for arg in argv or ["evals/notes/tuning"]:
        folder = Path(arg)
        if folder.resolve() in locked or "locked" in folder.name:
            print(f"{folder}: a locked split is never read", file=sys.stderr)
            return 2
        bad = problems(folder)
        found += len(bad)
        print("\n".join(bad) or f"{folder}: ok")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

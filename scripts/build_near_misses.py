"""Write ``copilot/resources/retrieval/near_misses.json``: the near misses ``ask`` compares a question with
(:class:`copilot.knowledge.ranking.NearMisses`) — questions that sound like running a group but ask what
the cards do not teach.

Texts (tuning only, never a locked split, never a file of ``HELD_OUT``): every out-of-scope question of
``evals/retrieval/tuning*.jsonl`` and the near misses written for training in
``copilot/resources/retrieval/off_scope.yaml``. The decision's parameters (``k``, ``margin``, ``below``)
are kept from the existing file; they were chosen with each tuning file left out in turn (its own
near misses removed from the texts): README "How it works" and docs/figures-history.md. ``copilot index`` embeds the texts.

Run: ``.venv/bin/python scripts/build_near_misses.py``.
"""

from __future__ import annotations

import json

import yaml

from copilot.evals.retrieval import HELD_OUT, ask_split_files, load_ask_cases
from copilot.files import atomic_write
from copilot.knowledge.ranking import NEAR_MISS_FILE, OFF_SCOPE_FILE, NearMisses
from copilot.paths import EVALS_DIR


def texts() -> tuple[list[str], list[str]]:
    """The near misses and the files they come from."""
    seen: dict[str, None] = {}
    used = []
    for questions in (yaml.safe_load(OFF_SCOPE_FILE.read_text(encoding="utf-8")) or {}).values():
        seen.update(dict.fromkeys(questions))
    used.append(OFF_SCOPE_FILE.name)
    files = ask_split_files(EVALS_DIR / "retrieval")
    for name, (half, path) in files.items():
        if half == "tuning" and name not in HELD_OUT:
            seen.update(dict.fromkeys(c.question for c in load_ask_cases(path) if not c.in_scope))
            used.append(path.name)
    # a question a held-out file shares word for word with a training file is no prototype either: else
    # that held-out question would be declined because it is itself in the table
    held = {c.question for name in HELD_OUT if name in files for c in load_ask_cases(files[name][1])}
    return [q for q in seen if q not in held], used


def main() -> None:
    old = NearMisses.model_validate_json(NEAR_MISS_FILE.read_text(encoding="utf-8")) if NEAR_MISS_FILE.exists() \
        else NearMisses(texts=[])
    found, used = texts()
    data = {**old.model_copy(update={"texts": found}).model_dump(), "built_from": ", ".join(used)}
    atomic_write(NEAR_MISS_FILE, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(found)} near misses from {len(used)} files → {NEAR_MISS_FILE}")


if __name__ == "__main__":
    main()

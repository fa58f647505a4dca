"""Every verdict of the readable moderation sets, one JSON line each: the proof that a speed change changes no verdict.

Run before and after a change and compare the files byte for byte::

    .venv/bin/python benchmarks/verdicts_dump.py /tmp/before.jsonl
    .venv/bin/python benchmarks/verdicts_dump.py /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

Sets: ``tuning.jsonl``, ``messages.jsonl``, ``evasions.jsonl`` (read as the hook reads them) and every ``dev*.jsonl``
(never a locked or blind split), each message judged in file order by its profile's moderator (no audit log, the
eval's fixed times), once with the shared ad model and once with a group's own ad model (the benchmark's, trained
here). Each line holds the whole verdict (label, action, score, reason, rule ids, every layer's checks) but its
random id, and ``quick_label`` of the text.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_moderation import _group_moderator  # noqa: E402

from copilot.config import Settings  # noqa: E402
from copilot.evals.evasions import expand  # noqa: E402
from copilot.evals.moderation import DATA_DIR, EVAL_GAP_S, EVAL_T0, load_set  # noqa: E402
from copilot.moderation import Moderator, quick_label  # noqa: E402
from copilot.profile import load_profile  # noqa: E402

SETS = ["tuning.jsonl", "messages.jsonl", "evasions.jsonl"] + sorted(p.name for p in DATA_DIR.glob("dev*.jsonl"))


def dump(out: Path, group_dir: Path) -> int:
    lines = 0
    with out.open("w", encoding="utf-8") as fh:
        for variant, settings in (("shared", Settings(llm_provider="offline")),
                                  ("group", Settings(data_dir=group_dir, llm_provider="offline"))):
            for name in SETS:
                mods: dict[str | None, Moderator] = {}
                for k, row in enumerate(load_set(name)):
                    prof = row.get("profile")
                    if prof not in mods:
                        mods[prof] = Moderator(settings, load_profile(DATA_DIR / "profiles" / f"{prof}.yaml") if prof else None,
                                               audit=None, profile_key="bench" if variant == "group" else None)
                    text = expand(row)
                    v = mods[prof].moderate({"id": row["id"], "user": row.get("user", f"u{k % 7}"), "text": text,
                                             "ts": EVAL_T0 + EVAL_GAP_S * k}).model_dump(mode="json")
                    v.pop("verdict_id")
                    quick = str(quick_label(text)) if variant == "shared" else None
                    fh.write(json.dumps({"set": name, "variant": variant, "id": row["id"], "verdict": v, "quick": quick},
                                        ensure_ascii=False, sort_keys=True, default=str) + "\n")
                    lines += 1
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _group_moderator(Path(tmp))  # trains and saves the group model "bench" there
        print(f"{dump(args.out, Path(tmp))} verdicts → {args.out}")


if __name__ == "__main__":
    main()

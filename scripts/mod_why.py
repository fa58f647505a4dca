"""Why-split of the moderation errors, counts only (no message text, no row ids): per set, or summed over the readable
dev*.jsonl files.

    PYTHONPATH=. python scripts/mod_why.py [--only blind,independent15] [--dev] [--top 12]
"""

from __future__ import annotations

import argparse
import glob
import os

from copilot.evals import moderation as me
from copilot.evals.moderation_why import WhySplit, split_set


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--top", type=int, default=12)
    a = ap.parse_args()
    want = [x for x in a.only.split(",") if x]
    names = want or ["tuning", "locked", "blind", *me.INDEPENDENT]
    for name in names:
        why = split_set(name)
        if why is None:
            continue
        print(f"== {name}")
        print("\n".join(why.lines(a.top)), flush=True)
    if a.dev:
        total = WhySplit()
        for path in sorted(glob.glob(str(me.DATA_DIR / "dev*.jsonl"))):
            why = split_set(os.path.basename(path))
            if why is not None:
                total.merge(why)
        print("== dev (sum)")
        print("\n".join(total.lines(a.top)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

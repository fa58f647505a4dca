"""One fingerprint per moderation eval set of every verdict the offline moderator gives: the proof that a speed change
changes no verdict on the score-only sets too, which :mod:`verdicts_dump` may not write out.

Run before and after a change and compare the two outputs line by line::

    .venv/bin/python benchmarks/verdicts_hash.py > /tmp/before.txt
    .venv/bin/python benchmarks/verdicts_hash.py > /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt

Sets: those of ``scripts/mod_figures.py`` (blind, locked, tuning and every registered independent set), each run as
its figures are (:func:`copilot.evals.moderation.run_set`, the shared ad model, the eval's fixed times). A line holds
the set's name, its number of verdicts and the first 16 hex digits of the SHA-256 of all its verdicts in file order
(each the whole verdict as JSON — label, action, score, reason, rule ids, every layer's checks — but its random id):
never a message, a row id or a verdict, so it is safe for the score-only sets. Round 70 (d17c70).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from typing import Any

from copilot.evals import moderation as me

SETS = ["blind", "locked", "tuning", *me.INDEPENDENT]


def verdict_bytes(verdict: Any) -> bytes:
    """A verdict as the fingerprint reads it: its JSON with sorted keys, without its random ``verdict_id``."""
    data = verdict.model_dump(mode="json")
    data.pop("verdict_id", None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")


class Fingerprint:
    """The SHA-256 of a run of verdicts, in the order they are added, and how many were added."""

    def __init__(self) -> None:
        self._sha = hashlib.sha256()
        self.count = 0

    def add(self, verdict: Any) -> None:
        body = verdict_bytes(verdict)
        self._sha.update(len(body).to_bytes(8, "big"))  # each verdict framed: no two runs can join into the same bytes
        self._sha.update(body)
        self.count += 1

    def hexdigest(self) -> str:
        return self._sha.hexdigest()[:16]


def set_fingerprint(name: str) -> Fingerprint | None:
    """The fingerprint of set ``name`` (a key of :data:`SETS`) judged as ``mod_figures`` judges it
    (:func:`copilot.evals.moderation.run_named`); None: not here."""
    fp = Fingerprint()
    return fp if me.run_named(name, lambda _row, verdict: fp.add(verdict)) is not None else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="comma-separated set names (blind, locked, tuning, independent3…)")
    args = ap.parse_args()
    for name in [x for x in args.only.split(",") if x] or SETS:
        fp = set_fingerprint(name)
        print(f"{name} {fp.count} {fp.hexdigest()}" if fp is not None else f"{name} -", flush=True)


if __name__ == "__main__":
    main()

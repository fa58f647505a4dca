"""Write ``copilot/resources/retrieval/homophones.json``: the characters an input method offers for one pinyin
syllable and tone, used by ``ask`` to read a one-character typo in a question (:mod:`copilot.knowledge.typos`).

Source: the CLDR pinyin collation table that Perl's ``Unicode::Collate::CJK::Pinyin`` ships (Debian:
``perl-modules``; any copy of that module works, ``--source``). Its data lists the CJK ideographs in pinyin order,
one syllable-and-tone per group (a line of fewer than ten code points closes a group; ``FDD0-00xx`` marks start a
letter). Each character is listed once, under its most common reading. Only characters of GB2312 are kept (the
ones Simplified input methods offer); a group left empty stays as "" so that neighbouring groups — the same
syllable in another tone — keep their distance. Nothing from any eval set is read.

Run: ``.venv/bin/python scripts/build_homophones.py [--source PATH]``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from copilot.files import atomic_write
from copilot.knowledge.typos import HOMOPHONES_FILE

SOURCE = Path("/usr/share/perl/5.36.0/Unicode/Collate/CJK/Pinyin.pm")


def groups(text: str) -> list[str]:
    """The syllable-and-tone groups of the module's ``__DATA__`` block, in pinyin order."""
    data = text.split("__DATA__", 1)[1].split("__END__", 1)[0]
    out: list[str] = []
    current: list[str] = []
    for line in data.strip().splitlines():
        points = line.split()
        if any("-" in p for p in points):  # a letter mark closes the group before it
            if current:
                out.append("".join(current))
                current = []
            continue
        current += [chr(int(p, 16)) for p in points]
        if len(points) < 10:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=SOURCE)
    args = ap.parse_args()
    kept = ["".join(c for c in g if in_gb2312(c)) for g in groups(args.source.read_text(encoding="latin-1"))]
    data = {"source": "CLDR pinyin collation (Perl Unicode::Collate::CJK::Pinyin), GB2312 characters",
            "groups": kept}
    atomic_write(HOMOPHONES_FILE, json.dumps(data, ensure_ascii=False, indent=0) + "\n")
    print(f"{sum(map(len, kept))} characters in {len(kept)} groups → {HOMOPHONES_FILE}")


if __name__ == "__main__":
    main()

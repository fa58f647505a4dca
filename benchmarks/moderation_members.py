"""How often the offline layers act on legitimate members (and still act on real violations).

Run: ``.venv/bin/python benchmarks/moderation_members.py [-v]``. The set,
``evals/moderation/members_qa.jsonl``, was written for a QA pass (2026-11-23): everyday messages of
members of the eight example groups (order numbers, landlines, job posts in an HR group, scam
warnings that quote ads, shop and government links, 靠谱, iso50 …) with ``expect: no_action``, and
real-looking violations with the expected label (see ``copilot.evals.moderation.members_qa``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.evals.moderation import members_qa  # noqa: E402


def main() -> None:
    r = members_qa()
    print(f"正常成员消息 {r['members']} 条：被处置 {len(r['acted'])} 条；"
          f"违规消息 {r['violations']} 条：按预期处置 {r['caught']} 条")
    if "-v" in sys.argv:
        for m, v in r["acted"]:
            print(f"  误处置 [{m['profile']}] {m['text'][:50]} → {v.label}/{v.action}：{v.reason[:80]}")
        for m, v in r["missed"]:
            print(f"  漏判 [{m['profile']}] {m['text'][:50]} → {v.label}/{v.action}（期望 {m['expect']}）")


if __name__ == "__main__":
    main()

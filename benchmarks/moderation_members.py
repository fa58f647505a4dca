"""How often the offline layers act on legitimate members (and still act on real violations).

Run: ``.venv/bin/python benchmarks/moderation_members.py [-v]``. The set,
``evals/moderation/members_qa.jsonl``, was written for a QA pass (2026-11-23): everyday messages of
members of the eight example groups (order numbers, landlines, job posts in an HR group, scam
warnings that quote ads, shop and government links, 靠谱, iso50 …) with ``expect: no_action``, and
real-looking violations with the expected label. "Acted on" means an action other than none/review:
a deletion, a mute, a public reminder. Each message comes from a different user, so no strikes add up.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.config import Settings  # noqa: E402
from copilot.moderation.pipeline import Moderator  # noqa: E402
from copilot.profile import load_profile  # noqa: E402


def main() -> None:
    rows = [json.loads(x) for x in (ROOT / "evals" / "moderation" / "members_qa.jsonl").read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as tmp:
        s = Settings(data_dir=Path(tmp), llm_provider="offline")
        mods: dict[str, Moderator] = {}
        acted, caught, missed = [], 0, []
        for i, r in enumerate(rows):
            p = r["profile"]
            mod = mods.get(p) or mods.setdefault(p, Moderator(s, load_profile(ROOT / "examples" / "profiles" / f"{p}.yaml"), audit=None))
            v = mod.moderate({"id": r["id"], "user": f"u{i}", "text": r["text"]})
            if r["expect"] == "no_action":
                if v.action not in ("none", "review"):
                    acted.append((r, v))
            elif v.label == r["expect"] and v.action not in ("none", "review"):
                caught += 1
            else:
                missed.append((r, v))
    members = sum(r["expect"] == "no_action" for r in rows)
    print(f"正常成员消息 {members} 条：被处置 {len(acted)} 条；违规消息 {len(rows) - members} 条：按预期处置 {caught} 条")
    if "-v" in sys.argv:
        for r, v in acted:
            print(f"  误处置 [{r['profile']}] {r['text'][:50]} → {v.label}/{v.action}：{v.reason[:80]}")
        for r, v in missed:
            print(f"  漏判 [{r['profile']}] {r['text'][:50]} → {v.label}/{v.action}（期望 {r['expect']}）")


if __name__ == "__main__":
    main()

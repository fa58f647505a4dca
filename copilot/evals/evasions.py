"""The hostile-input corpus (``evals/moderation/evasions.jsonl``) through the hook's own reading path.

Each line is an ad or spam hidden from keyword filters — invisible padding, look-alike letters, a handle
split over segments, digits spelled in other scripts, QQ cards and forwards, Traditional + pinyin, an ad
at the end of a long post — or a legitimate look-alike that must not be acted on. Rich QQ messages
(``onebot_message``) are read the way ``/onebot/v11`` reads them; ``pad`` expands the padding first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from copilot.config import Settings
from copilot.moderation.labels import ACTED, VIOLATIONS, Label
from copilot.moderation.onebot import segments_text
from copilot.moderation.pipeline import Moderator
from copilot.paths import EVALS_DIR

EVASIONS = EVALS_DIR / "moderation" / "evasions.jsonl"


def expand(row: dict[str, Any]) -> str:
    """The message text a bot would receive for one corpus line."""
    text = segments_text(row["onebot_message"]) if "onebot_message" in row else str(row.get("text", ""))
    pad = row.get("pad")
    if pad:
        unit = str(pad.get("char") or pad.get("text") or "") * int(pad.get("count", 0))
        text = unit + text if pad.get("where", "before") == "before" else text + unit
    return text


def run_evasions(path: Path = EVASIONS) -> dict[str, Any]:
    """Violations caught (labelled ad/spam/abuse) per technique, and look-alikes wrongly acted on."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    mod = Moderator(Settings(llm_provider="offline"), None, audit=None)
    techniques: dict[str, list[int]] = {}
    caught = total = acted_on_lookalikes = lookalikes = 0
    misses: list[str] = []
    for row in rows:
        v = mod.moderate({"text": expand(row)})
        if row["label"] == Label.OK:
            lookalikes += 1
            acted_on_lookalikes += v.action in ACTED
            continue
        hit = v.label in VIOLATIONS
        total += 1
        caught += hit
        tally = techniques.setdefault(row["technique"], [0, 0])
        tally[0] += hit
        tally[1] += 1
        if not hit:
            misses.append(row["id"])
    return {"n": len(rows), "violations": total, "caught": caught,
            "detection_rate": round(caught / max(total, 1), 4),
            "per_technique": {t: round(a / b, 3) for t, (a, b) in sorted(techniques.items())},
            "lookalikes": lookalikes, "lookalikes_acted_on": acted_on_lookalikes, "missed": misses}

"""The hook reads one sample message at start (Moderators.warm), so the models load before the first real message —
whose LLM judge's seconds went to loading on a loaded machine (round 65: the hung-judge test's judge was never called).
Each test runs in a fresh process: this one's model caches are already full from other tests."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROFILE = """name: 周末徒步群
positioning: 周末一起走郊野线路，分享路线和装备
topics: [徒步, 路线, 装备, 集合, 天气]
"""

SCRIPT = r"""
import json, sys
from pathlib import Path
from copilot.config import Settings
from copilot.moderation import classifier
from copilot.server.app import create_app
data, prof, groups = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
before = sorted(Path(k[0]).name for k in classifier._cache)
create_app(Settings(data_dir=data, llm_provider="offline", groups={g: prof for g in groups}))
after = sorted(Path(k[0]).name for k in classifier._cache)
print(json.dumps({"before": before, "after": after}))
"""


def _models_loaded_by_start(tmp_path: Path, groups: list[str], profile: str = PROFILE) -> dict[str, list[str]]:
    prof = tmp_path / "hike.yaml"
    prof.write_text(profile, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "data"), str(prof), json.dumps(groups)],
                         capture_output=True, text=True, timeout=300, check=True, cwd=Path(__file__).parent.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_starting_the_hook_loads_the_ad_and_chatter_models_for_a_mapped_group(tmp_path: Path) -> None:
    seen = _models_loaded_by_start(tmp_path, ["30001"])
    assert seen["before"] == []
    assert len(seen["after"]) >= 3, seen  # the shared ad model, the chatter model (a profile: off-topic) and more


def test_a_broken_profile_does_not_stop_the_hook_from_starting_or_warming(tmp_path: Path) -> None:
    seen = _models_loaded_by_start(tmp_path, ["30002"], profile="name: [坏掉的档案\n  topics: {")
    assert seen["after"], seen  # warmed without a profile: the ad model still loads, the hook starts

"""Round 70 (d17c70): ``benchmarks/verdicts_hash.py`` fingerprints every verdict of a set, so a speed change can show it
changes no verdict on the score-only sets without writing one out. The fingerprint must read the whole verdict (a
changed reason or action changes it), not its random id, and follow the order of the verdicts."""

from __future__ import annotations

from typing import Any

import pytest

from copilot.config import Settings
from copilot.devtools.scripts import load_script
from copilot.moderation.labels import Action
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

# a community vegetable-garden group (written for this test)
GARDEN = """\
name: 阳台种菜交流群
group_id: balcony-veg
positioning: 阳台和屋顶种菜的邻居交流育苗、施肥、病虫害，春秋两季组织换种子
topics: [育苗, 施肥, 病虫害, 换种子, 花盆]
"""

MESSAGES = [
    "番茄苗长了三片真叶，可以移栽到大盆了吗？",
    "蚜虫用肥皂水喷了两次就少多了",
    "有机肥批发价，量大从优，加微信 veg2025 拿货",
    "下周六换种子，我带了两包樱桃萝卜",
]


@pytest.fixture(scope="module")
def tool() -> Any:
    return load_script("benchmarks/verdicts_hash.py")


def _verdicts(tmp_path: Any) -> list[Any]:
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), parse_profile_text(GARDEN), audit=None)
    return [mod.moderate({"id": f"g{i}", "user": f"邻居{i}", "text": t, "ts": 1_700_000_000 + 60 * i})
            for i, t in enumerate(MESSAGES)]


def _print(tool: Any, verdicts: list[Any]) -> str:
    fp = tool.Fingerprint()
    for v in verdicts:
        fp.add(v)
    assert fp.count == len(verdicts)
    return fp.hexdigest()


def test_same_verdicts_same_fingerprint_whatever_their_ids(tool: Any, tmp_path: Any) -> None:
    first, again = _verdicts(tmp_path / "a"), _verdicts(tmp_path / "b")
    assert [v.verdict_id for v in first] != [v.verdict_id for v in again]  # random ids differ …
    assert _print(tool, first) == _print(tool, again)  # … and do not count
    assert b"verdict_id" not in tool.verdict_bytes(first[0])


def test_a_changed_reason_action_or_order_changes_it(tool: Any, tmp_path: Any) -> None:
    verdicts = _verdicts(tmp_path)
    assert verdicts[2].label == "ad"  # the fertiliser seller's handle: the set holds an acted verdict
    base = _print(tool, verdicts)
    worded = [v.model_copy(deep=True) for v in verdicts]
    worded[1].reason += "。"
    assert _print(tool, worded) != base
    acted = [v.model_copy(deep=True) for v in verdicts]
    assert acted[2].action != Action.REVIEW
    acted[2].action = Action.REVIEW
    assert _print(tool, acted) != base
    assert _print(tool, list(reversed(verdicts))) != base

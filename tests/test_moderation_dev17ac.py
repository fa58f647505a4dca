"""Round 36b speed work (issue 17): ``benchmarks/bench_moderation.py --stages`` times the top-level stages of a
moderator with a few timers. The timers must not change a verdict, must be taken off again (also when the run
fails), and must report every stage the run passed through."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from copilot.config import Settings
from copilot.devtools.scripts import load_script
from copilot.moderation import classifier, offtopic, pipeline
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

ROOT = Path(__file__).resolve().parents[1]

# a neighbourhood running club (written for this test)
RUNNERS = """\
name: 江边夜跑团
group_id: riverside-runners
positioning: 江边跑友约跑、交流配速和装备，每周六早上组织长距离慢跑
topics: [夜跑, 配速, 跑鞋, 长距离, 拉伸]
events:
  - {title: 周六晨跑, kind: 线下活动, cadence: 每周六, time: "06:30", place: 江边步道, details: 自带水}
"""

BATCH = [
    "今晚八点江边老地方集合，配速六分半，有人一起吗",
    "周六晨跑还是六点半在步道口见吧？",
    "新买的缓震跑鞋穿了两周，膝盖舒服多了",
    "跑完记得拉伸，小腿别硬扛",
    "兼职刷单日结，一单赚20，加微信 run8899 详谈",
    "代购正品跑鞋一比一，看我朋友圈，v❤：shoes_168",
    "转发到3个群就能领50元话费 👉 http://free-bill.example.cn/get",
    "你跑得跟乌龟一样还好意思发记录，脑子呢",
    "谁家有小孩补习数学的，我们小区新开了个班",
    "收到，谢谢团长！",
    "",
    "   ",
    "😀😀😀😀😀😀😀😀",
    "週六晨跑我請假，腳踝扭了",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
]


def _bench() -> Any:
    return load_script("benchmarks/bench_moderation.py")


def _timed_targets() -> list[tuple[Any, str]]:
    return [(pipeline.Moderator, "analyse"), (pipeline, "detect"), (offtopic.OffTopicDetector, "check"),
            (classifier.NgramModel, "score"), (pipeline, "normalise"), (pipeline.Moderator, "_apply_policy"),
            (pipeline.Moderator, "_flood_layer"), (pipeline.Moderator, "_trust_layer"),
            (pipeline.Moderator, "_judge_layer"), (pipeline, "corroboration")]


def _verdicts(mod: Moderator, prefix: str) -> list[tuple[Any, ...]]:
    out = []
    for i, text in enumerate(BATCH):
        v = mod.moderate({"id": f"{prefix}{i}", "user": f"{prefix}u{i}", "text": text})
        out.append((v.label, v.action, v.score, v.reason, v.rule_ids, v.notice, v.reply, repr(v.checks)))
    return out


def _moderator(data_dir: Path) -> Moderator:
    return Moderator(Settings(data_dir=data_dir, llm_provider="offline"), parse_profile_text(RUNNERS), audit=None)


@pytest.fixture
def moderator(tmp_path: Path) -> Moderator:
    return _moderator(tmp_path)


def test_stages_leave_verdicts_and_functions_as_they_were(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    before = {(id(obj), attr): obj.__dict__[attr] for obj, attr in _timed_targets()}
    plain = _verdicts(_moderator(tmp_path), "a")
    assert {v[0] for v in plain} >= {"ok", "ad", "abuse"}  # the batch reaches the layers it is meant to
    got: list[list[tuple[Any, ...]]] = []
    timed = _moderator(tmp_path)  # its own flood counts: the same members and texts as the plain run's
    bench.stages(lambda: got.append(_verdicts(timed, "a")), len(BATCH))
    assert got == [plain]
    after = {(id(obj), attr): obj.__dict__[attr] for obj, attr in _timed_targets()}
    assert after == before
    out = capsys.readouterr().out
    assert "signals.detect" in out and "Moderator.analyse" in out and "NgramModel.score" in out
    assert "条/秒" in out


def test_stages_take_their_timers_off_when_the_run_fails(moderator: Moderator) -> None:
    bench = _bench()
    before = {(id(obj), attr): obj.__dict__[attr] for obj, attr in _timed_targets()}

    def run() -> None:
        moderator.moderate({"id": "x", "user": "x", "text": "今晚江边见"})
        raise RuntimeError("the hook went away")

    with pytest.raises(RuntimeError):
        bench.stages(run, 1)
    assert {(id(obj), attr): obj.__dict__[attr] for obj, attr in _timed_targets()} == before

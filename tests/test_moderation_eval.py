"""The moderation eval suite: the labelled set is well formed, the offline layers meet the targets,
and the QQ held-out scorer works on a small file of our own (the shared data is not needed)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from copilot.evals.moderation import LABELS, load_set, qq_heldout, run_set
from copilot.paths import EVALS_DIR
from copilot.profile import load_profile


def test_eval_set_is_well_formed() -> None:
    rows = load_set()
    assert len(rows) >= 250
    assert len({r["id"] for r in rows}) == len(rows)
    counts = Counter(r["label"] for r in rows)
    assert set(counts) == set(LABELS) and min(counts.values()) >= 20
    profiles = {r["profile"] for r in rows}
    assert len(profiles) >= 4
    for p in profiles:
        load_profile(EVALS_DIR / "moderation" / "profiles" / f"{p}.yaml")
    tags = Counter(t for r in rows for t in r["tags"])
    assert tags["evasion"] >= 10 and tags["injection"] >= 4 and tags["legit_link"] >= 5
    dev = {r["text"] for r in load_set("dev.jsonl")}
    assert not dev & {r["text"] for r in rows}  # the dev set is separate


def test_offline_layers_meet_targets() -> None:
    report = run_set(load_set())
    m = report["per_label"]
    assert m["ad"]["precision"] >= 0.95 and m["ad"]["recall"] >= 0.90
    assert m["off_topic"]["f1"] >= 0.75
    assert m["abuse"]["recall"] >= 0.8
    assert report["slices"]["evasion"]["accuracy"] >= 0.9
    assert sum(sum(row.values()) for row in report["confusion"].values()) == report["n"]


def test_qq_heldout_scorer_on_own_sample(tmp_path: Path) -> None:
    assert qq_heldout(tmp_path / "missing.txt") is None
    lines = []
    # enough lines that some fall into the 1-in-5 held-out split
    for i in range(40):
        lines.append(f"新开生存服务器欢迎加入本服，加群{123456780 + i}领礼包==1")
        lines.append(f"第{i}章读完了，作者的结尾写得真好==0")
    f = tmp_path / "train.txt"
    f.write_text("\r\n".join(lines + ["坏行没有标签", "==1"]), encoding="utf-8")
    out = qq_heldout(f)
    assert out is not None and 0 < out["n"] < 80
    assert out["positives"] > 0
    assert out["pipeline"]["recall"] >= 0.9 and out["pipeline"]["precision"] >= 0.9


def test_suite_main_json(capsys) -> None:  # type: ignore[no-untyped-def]
    """The suite module's own entry point (also used by the eval harness through run_set)."""
    from copilot.evals.moderation import main

    assert main(as_json=True) == 0  # 0 = targets met
    data = json.loads(capsys.readouterr().out)
    assert data["set"]["n"] >= 250 and "confusion" in data["set"]
    assert data["dev"]["n"] >= 10


def test_round42_blind_set_is_registered_and_well_formed() -> None:
    """independent3 (round 42, written without reading code or eval messages) is scored by its key and
    meets issue 17's counts; this checks its shape only — no verdicts, its rows are not to be read."""
    from copilot.evals.moderation import INDEPENDENT

    assert INDEPENDENT["independent3"] == "independent3/messages.jsonl"
    rows = load_set(INDEPENDENT["independent3"])
    assert len(rows) >= 320 and len({r["id"] for r in rows}) == len(rows)
    counts = Counter(r["label"] for r in rows)
    assert set(counts) == set(LABELS)
    assert counts["ad"] >= 70 and counts["off_topic"] >= 50 and counts["abuse"] >= 15
    assert sum(1 for r in rows if r["label"] == "ad" and "evasion" in r["tags"]) >= 25
    assert sum(1 for r in rows if r["label"] == "ok" and "sharing" in r["tags"]) >= 110
    assert sum(1 for r in rows if r["label"] == "spam" and "chain" in r["tags"]) >= 10
    profiles = {r["profile"] for r in rows}
    assert len(profiles) >= 8
    own = EVALS_DIR / "moderation" / "independent3" / "profiles"
    for p in profiles:
        assert load_profile(own / f"{p}.yaml").name
    assert not profiles & {f.stem for f in (EVALS_DIR / "moderation" / "profiles").glob("*.yaml")}


def test_round44_blind_set_is_registered_and_well_formed() -> None:
    """independent4 (round 44, written without reading code or eval messages, in 9 kinds of group no
    other set has) is scored by its key and meets issue 17's counts; shape only — its rows are not to be read."""
    from copilot.evals.moderation import INDEPENDENT

    assert INDEPENDENT["independent4"] == "independent4/messages.jsonl"
    rows = load_set(INDEPENDENT["independent4"])
    assert len(rows) >= 330 and len({r["id"] for r in rows}) == len(rows)
    counts = Counter(r["label"] for r in rows)
    assert set(counts) == set(LABELS)
    assert counts["ad"] >= 70 and counts["off_topic"] >= 50 and counts["abuse"] >= 15
    assert sum(1 for r in rows if r["label"] == "ad" and "evasion" in r["tags"]) >= 25
    assert sum(1 for r in rows if r["label"] == "ok" and "sharing" in r["tags"]) >= 120
    assert sum(1 for r in rows if r["label"] == "spam" and "chain" in r["tags"]) >= 12
    assert {r["label"] for r in rows if "newcomer" in r["tags"]} == {"ok", "ad"}
    profiles = {r["profile"] for r in rows}
    assert len(profiles) >= 9
    own = EVALS_DIR / "moderation" / "independent4" / "profiles"
    for p in profiles:
        assert load_profile(own / f"{p}.yaml").name
    others = {f.stem for d in ("profiles", "independent2/profiles", "independent3/profiles")
              for f in (EVALS_DIR / "moderation" / d).glob("*.yaml")}
    assert not profiles & others


@pytest.mark.parametrize("key", ["independent5", "independent6", "independent7", "independent11", "independent12",
                                 "independent13", "independent14", "independent15"])
def test_later_blind_sets_are_registered_and_well_formed(key: str) -> None:
    """independent5 (round 46), independent6 (round 47), independent7 (round 50), independent11 (round 57, readable from
    the start), independent12 (round 58, score only) independent13 (round 59, score only) independent14 (round 61) and independent15 (round 62, both score only), each written by a helper that read no code, no test and no
    eval file, in 8 kinds of group no earlier set has: scored by its key, meets issue 17's counts, and its profile ids
    collide with no earlier set's; shape only — their rows are not to be read."""
    from copilot.evals.moderation import INDEPENDENT

    assert INDEPENDENT[key] == f"{key}/messages.jsonl"
    rows = load_set(INDEPENDENT[key])
    assert len(rows) >= 300 and len({r["id"] for r in rows}) == len(rows)
    counts = Counter(r["label"] for r in rows)
    assert set(counts) == set(LABELS)
    assert counts["ad"] >= 60 and counts["off_topic"] >= 40 and counts["ok"] >= 150 and counts["spam"] >= 15
    profiles = {r["profile"] for r in rows}
    assert len(profiles) >= 8
    own = EVALS_DIR / "moderation" / key / "profiles"
    for p in profiles:
        assert load_profile(own / f"{p}.yaml").name is not None
    earlier = ["profiles"] + [f"independent{n}/profiles" for n in range(2, int(key.removeprefix("independent")))]
    others = {f.stem for d in earlier for f in (EVALS_DIR / "moderation" / d).glob("*.yaml")}
    assert others and not profiles & others

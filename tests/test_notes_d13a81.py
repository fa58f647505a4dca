"""Round 81 (d13a81, issue 13): training rows derived from a readable chat's expected items
(``scripts/derive_notes_rows.py``), and the balance the training scripts' ``--with-dev`` applies."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from copilot.devtools.scripts import load_script
from copilot.notes.owners import parse_marked

CHAT = """\
[2026-12-07 19:30] 楼长-老方: 各位，读书角12月19日周六上午搬到新活动室
[2026-12-07 19:31] 小芳: 收到
[2026-12-07 19:33] 楼长-老方: 小芳周五前把书单整理好发群里
[2026-12-07 19:35] 阿亮: 新活动室的插座够不够？
[2026-12-07 19:36] 楼长-老方: 墙上有六个，够用
[2026-12-07 19:38] 阿亮: 横幅我来挂
[2026-12-07 19:40] 梅姐: 我本来想去帮忙，可惜周六要值班
[2026-12-07 19:41] 梅姐: 今天风好大啊
"""

EXPECTED = """\
dev99a_wechat_reading_corner.txt:
  group: 读书角搬家（测试）
  format: wechat-inline
  script: zh-Hans
  date: 2026-12-07
  session_type: 活动筹备
  host: 楼长-老方
  qa:
    - {asker: 阿亮, question: [插座够不够], answerer: 楼长-老方, answer: [六个]}
  actions:
    - {owner: 小芳, task: [书单], deadline: '2026-12-11', deadline_text: 周五前}
    - {owner: 阿亮, task: [横幅]}
  not_actions: [要值班]
"""


@pytest.fixture(scope="module")
def derive():
    return load_script("scripts/derive_notes_rows.py")


@pytest.fixture(scope="module")
def rows(derive, tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("dev")
    (folder / "dev99a_wechat_reading_corner.txt").write_text(CHAT, encoding="utf-8")
    (folder / "expected.yaml").write_text(EXPECTED, encoding="utf-8")
    return derive.derive(folder)


def _label(rows: list[dict], start: str) -> str | None:
    return next((r.get("label") for r in rows if r["text"].startswith(start)), None)


def test_sentence_rows_follow_the_expected_items(rows):
    sentences = rows[0]
    assert _label(sentences, "小芳周五前把书单") == "commitment"  # an assignment with its owner named
    assert _label(sentences, "横幅我来挂") == "commitment"  # the owner's own promise
    assert _label(sentences, "新活动室的插座够不够") == "question"
    assert _label(sentences, "墙上有六个") == "other"  # an answer that gives information
    assert _label(sentences, "今天风好大") == "other"  # small talk no item cites
    assert all(r["source"] == "dev:dev99a_wechat_reading_corner.txt" for r in sentences)


def test_near_misses_get_no_sentence_row_but_stay_no_todo(rows):
    sentences, tasks, _, _ = rows
    assert _label(sentences, "我本来想去帮忙") is None  # a near miss (not_actions) is not called "other"
    assert _label(tasks, "我本来想去帮忙") == "not"


def test_todo_gate_rows_mark_the_people_and_keep_the_rest_as_not(rows):
    tasks = rows[1]
    assert _label(tasks, "[小芳]周五前把书单整理好发群里") == "todo"
    assert _label(tasks, "横幅我来挂") == "todo"
    assert _label(tasks, "今天风好大") == "not"
    assert Counter(r["label"] for r in tasks)["todo"] == 2


def test_owner_rows_mark_the_doer_and_are_read_back_by_the_owner_parser(rows):
    owners = {r["text"] for r in rows[2]}
    assert "[小芳]周五前把书单整理好发群里" in owners
    assert "横幅[我]来挂" in owners
    ex = parse_marked("[小芳]周五前把书单整理好发群里")
    assert ex.text.startswith("小芳") and ex.owners == [(0, 2)]


def test_balanced_rows_keep_every_labelled_row_and_cut_the_common_one(derive):
    dev = [{"text": f"闲聊{i}", "label": "not"} for i in range(10)] + [{"text": f"我来带{i}", "label": "todo"} for i in range(4)]
    half = derive.balanced_dev_rows(dev, "not", 0.5)
    assert [r for r in half if r["label"] == "todo"] == dev[10:]
    assert sum(r["label"] == "not" for r in half) == 2
    assert half == derive.balanced_dev_rows(dev, "not", 0.5)  # seeded: the same rows every rebuild


def test_derivation_refuses_a_locked_split(derive, monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["derive_notes_rows.py", "--dev", "evals/notes/locked_blind6"])
    assert derive.main() == 2

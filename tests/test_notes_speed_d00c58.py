"""Round 58 (d00c58): the owner step first asks whether a sentence could name anyone (``_nobody_in``): no @, no
participant's name, no collective role, no word of a name's shape, no 我/你/大家 and none of the other owner cues.
Such a sentence gives no clause an owner by any rule, so the owner model and its rules are not run for it.

The counting test fails on the code before this round (it scored every sentence's mentions); the others check that
sentences naming someone still get their owner. Every chat line below was written for these tests; none is an eval
line.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from chat_lines import chat_lines, chat_structure

from copilot.devtools.patching import patch_everywhere
from copilot.notes import reading, todos

START = datetime(2029, 11, 12, 20, 0)


def test_a_sentence_naming_nobody_skips_the_owner_model(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = chat_lines("陈老师|活动结束当晚就要出文字版整理稿，第二天再发就没人看了", start=START)
    people = reading.People.of(messages)
    read: list[str] = []
    real = todos._owners

    def counting(c):
        read.append(c.clause)
        return real(c)

    patch_everywhere(monkeypatch, "_owners", counting)
    clauses = todos._clauses(messages[0].text, "陈老师", people, [])
    assert [(c.text, c.owner) for c in clauses] == [(messages[0].text, None)]
    assert not read, read  # (the old order scored the sentence's mentions and ran every rule on it)
    # a sentence with someone in it is still read by the model
    todos._clauses("海报你周五前贴到各栋楼下", "陈老师", people, [])
    assert read == ["海报你周五前贴到各栋楼下"]


@pytest.mark.parametrize(("lines", "owner"), [
    (("老周|上次的读书会反馈都不错", "老周|海报这周五前贴到各栋楼下，大吴负责"), "大吴"),
    (("老周|名单周四前发我就行",), "大家"),
    (("老周|@阿芬 签到表周四前整理好",), "阿芬"),
    (("老周|签到表周四前整理好，王老师来弄",), "王老师"),
])
def test_sentences_naming_someone_still_get_their_owner(lines: tuple[str, ...], owner: str) -> None:
    notes = chat_structure(*lines, "阿芬|好的", "大吴|收到", start=START)
    assert owner in [a.owner for a in notes.actions], [(a.owner, a.task) for a in notes.actions]


def test_the_pre_test_reads_only_cues_and_names() -> None:
    people = reading.People.of(chat_lines("老周|大家好", "阿芬|好的", start=START))
    nobody = todos._nobody_in
    assert nobody("第二天再发就没人看了", people, [], False, [])
    assert not nobody("阿芬周五前把表交了", people, [], False, [])  # a participant
    assert not nobody("小王周五前把表交了", people, [], False, [])  # a word of a name's shape
    assert not nobody("周五前发我", people, [], False, [])  # 我
    assert not nobody("周五前交", people, ["阿芬"], False, [])  # an @-addressed message
    assert not nobody("周五前交", people, [], True, [])  # an answer to "谁来…"

"""Round 57 (d13f57): work its owner says is not theirs ("3号楼不是我管的") or asks who could take ("谁能接",
"交俾边个好") is given up: it goes to the member who takes it, not left with the one first asked.

Every chat below was written for these tests; none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

START = datetime(2031, 4, 7, 9, 0)  # a Monday morning


def _owners_of(notes, words: str) -> set[str]:
    return {a.owner for a in notes.actions if words in a.task and a.owner}


def test_not_mine_to_manage_hands_the_list_to_the_one_named():
    notes = chat_notes("物业-陈经理|好，工程部出两个人，周二周三上午帮6号楼的老人搬东西，管家阿梅你把需要帮忙的住户名单报给孙工",
                       "管家阿梅|6号楼不是我管的，名单得管家大周出",
                       "物业-陈经理|对，那名单管家大周出，今天中午12点前给孙工",
                       "管家大周|好",
                       start=START)
    owners = _owners_of(notes, "名单")
    assert "管家阿梅" not in owners
    assert "管家大周" in owners


def test_asking_who_could_take_it_gives_the_work_to_the_taker():
    notes = chat_notes("主编Amy|@小蔡 你把术语表整理好，周三前上传云端",
                       "小蔡|术语表我这周要搬家，可能没办法，谁能接",
                       "佩佩|我来，我周四前上传",
                       "主编Amy|谢谢佩佩",
                       start=START)
    owners = _owners_of(notes, "术语表")
    assert "小蔡" not in owners
    assert "佩佩" in owners

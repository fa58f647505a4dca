"""A next step's 我 told as its owner: 由 only where Chinese allows it (before the verb, never before a modal or adverb)."""

from __future__ import annotations

import pytest

from copilot.notes.offline import _in_third_person


@pytest.mark.parametrize(("said", "told"), [
    ("12点我会在群里通知", "12点阿杰会在群里通知"),  # was "12点由阿杰会在群里通知"
    ("门票我已经买了，等下发群里", "门票阿杰已经买了，等下发群里"),
    ("横幅我也去拿", "横幅阿杰也去拿"),
    ("签到表我要周五前做好", "签到表阿杰要周五前做好"),
    ("自行车我来联系租车行", "自行车由阿杰来联系租车行"),  # a verb after 我: 由 stays
    ("队里那两套我周五前检查一遍", "队里那两套由阿杰周五前检查一遍"),
    ("我来统计人数", "阿杰来统计人数"),  # nothing before 我: no 由
])
def test_a_next_step_takes_you_only_before_a_verb(said: str, told: str) -> None:
    assert _in_third_person(said, "阿杰", "阿杰", "由") == told


def test_a_voice_keeps_its_own_subject_before_a_modal() -> None:
    assert _in_third_person("周六我要去喝喜酒", "阿南", "自己") == "周六自己要去喝喜酒"


def test_work_given_to_a_member_by_their_short_name_names_them_once() -> None:
    from copilot.notes.offline import _given_step

    assert _given_step("小刘你周三下午把工具搬到一单元门口", "物业小刘") == "物业小刘负责：周三下午把工具搬到一单元门口"
    assert _given_step("老陈你统筹一下报名", "班长老陈") == "班长老陈负责：统筹一下报名"
    # an item said before the name is still told as the item
    assert _given_step("易拉宝 大强 周四前从街道办领回来", "大强") == "大强负责易拉宝：周四前从街道办领回来"


@pytest.mark.parametrize(("said", "told"), [
    ("場地費轉俾我就得", "場地費轉俾阿明就得"),  # was 「轉俾自己」: the money goes to 阿明, not to whoever reads it
    ("俾我諗下先", "俾阿明諗下先"),
    ("我聽日拎返嚟", "自己聽日拎返嚟"),  # a plain 我 in a voice stays 自己
])
def test_cantonese_give_to_me_names_the_speaker(said: str, told: str) -> None:
    assert _in_third_person(said, "阿明", "自己") == told

"""Round 63, d17a63 (the verdicts qa17r46 left open): an 11-digit mobile written in the digits voice input writes
(一三九 五六零一 二二三三) is a contact, not a number spelled to hide it; 幺/洞, capitals, Arabic digits mixed in or one
digit set apart from the next still are. Messages and profiles written for these tests."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import Action, Label
from copilot.moderation.normalise import normalise
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

CHOIR = """name: 枫林社区老年合唱团
positioning: 合唱团排练通知、声部练习、演出安排、团员互相帮忙接送
topics: [排练, 声部, 演出, 合唱, 歌谱, 接送]
audience: 社区退休老人
platform: 微信
banned: [保健品, 理财]
"""

_T = itertools.count()


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


@pytest.mark.parametrize("text, number", [
    ("排练我去不了，有事打我电话 一五九零 六六二八 八三一", "15906628831"),
    ("我换号了，新号码一八七零零三一九九二六，大家存一下", "18700319926"),
    ("老伴的手机 一三六-一二零八-七七五三 有事找他", "13612087753"),
])
def test_spoken_mobile_is_read_but_hides_nothing(text: str, number: str) -> None:
    n = normalise(text)
    assert number in n.digits
    assert "数字变形" not in n.evasions


@pytest.mark.parametrize("text", [
    "助听器免费试戴，电话 幺三八 洞六七五 四四幺九",           # 幺/洞: read over the phone to get past a filter
    "演出服团购价，微信 壹叁捌贰陆柒伍肆肆壹玖",              # capitals
    "保健品特价 电话139五六零一二二三三",                     # Arabic digits mixed in
    "降血压的好东西 电话 一 三 八 二 六 七 五 四 四 一 九",   # one digit set apart from the next
    "要的扣我 三四五六七八九零一二",                          # a QQ number in spoken digits: no mobile
])
def test_spelled_numbers_still_count_as_evasion(text: str) -> None:
    assert "数字变形" in normalise(text).evasions


def test_member_phone_in_spoken_digits_is_not_deleted(tmp_path: Path) -> None:
    mod = _mod(tmp_path, CHOIR)
    v = mod.moderate({"id": "1", "user": "wxid_zhang", "text": "我女儿开车可以顺路带两个人去演出，要坐车的打她电话一三六 一二零八 七七五三"})
    assert v.action != Action.DELETE
    assert "变形" not in v.reason


def test_hidden_phone_still_deleted(tmp_path: Path) -> None:
    mod = _mod(tmp_path, CHOIR)
    v = mod.moderate({"id": "2", "user": "wxid_seller", "text": "降血压的好东西，吃一个月就停药，电话 幺三九 五六洞幺 二二三三"})
    assert v.label == Label.AD
    assert v.action == Action.DELETE

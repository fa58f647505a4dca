"""Round 63, d17a63 (the verdicts qa17r46 left open): an 11-digit mobile written in the digits voice input writes
(一三九 五六零一 二二三三) is a contact, not a number spelled to hide it; 幺/洞, capitals, Arabic digits mixed in or
one digit set apart from the next still are. A question about WeChat or its Moments is no invitation; a fake notice with
转发给… is a chain letter; 我知道你家在哪，小心点 is a threat. Messages and profiles written for these tests."""

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


PHONE_CLASS = """name: 银杏社区老年人手机课堂
positioning: 志愿者教老人用智能手机：微信聊天、视频通话、朋友圈、公众号，遇到问题都可以在群里问
topics: [微信使用, 视频通话, 朋友圈, 公众号, 手机设置, 语音输入]
audience: 社区老人和子女
platform: 微信
banned: [保健品, 理财产品]
"""


@pytest.mark.parametrize("text", [
    "读屏软件升级以后，微信朋友圈读不出来了，有人遇到过吗？",
    "微信语音发不出去怎么办，一按住就转圈",
    "公众号文章字太小了，怎么调大一点？",
    "朋友圈里的视频怎么保存到手机上？",
])
def test_app_named_in_a_question_is_no_invitation(tmp_path: Path, text: str) -> None:
    v = _mod(tmp_path, PHONE_CLASS).moderate({"id": "q", "user": "wxid_liu", "text": text})
    names = {s["name"] for s in v.checks.get("signals", [])}
    assert not names & {"invite", "profile_pointer"}
    assert v.label == Label.OK


@pytest.mark.parametrize("text", [
    "想在家动动手指就挣钱的阿姨看我朋友圈，每天两百",
    "微信打不开？朋友圈发不出去？加我微信，一对一远程帮你修，三十元一次",
])
def test_pointer_to_own_profile_or_add_me_still_counts(tmp_path: Path, text: str) -> None:
    v = _mod(tmp_path, PHONE_CLASS).moderate({"id": "a", "user": "wxid_seller", "text": text})
    assert v.label == Label.AD


FARM = """name: 杏花村合作社社员群
positioning: 合作社收购价、农资团购、种植技术、村里通知；政策以镇政府公告为准
topics: [收购价, 农资, 种植技术, 村里通知, 补贴申报]
audience: 合作社社员
platform: 微信
"""


@pytest.mark.parametrize("text", [
    "【紧急通知】下月起农村办酒席超过十桌要罚款五千，转发给你认识的厨师",
    "重要通知！明年起种果树要办许可证，没办的罚款两万，请转发到各群",
])
def test_fake_policy_notice_with_forwarding_is_a_chain_letter(tmp_path: Path, text: str) -> None:
    v = _mod(tmp_path, FARM).moderate({"id": "c", "user": "wxid_wang", "text": text})
    assert v.label == Label.SPAM
    assert v.action == Action.DELETE


def test_real_notice_and_debunk_are_not_chain_letters(tmp_path: Path) -> None:
    mod = _mod(tmp_path, FARM)
    for text in ("合作社通知：本周六上午在村委会申报补贴，带身份证，请转告家里人",
                 "那条说种果树要办许可证的是谣言，镇上已经辟谣了，别再转了"):
        assert mod.moderate({"id": "n", "user": "wxid_li", "text": text}).label == Label.OK


def test_knowing_where_someone_lives_with_a_warning_is_a_threat(tmp_path: Path) -> None:
    v = _mod(tmp_path, FARM).moderate({"id": "t", "user": "wxid_zhao", "text": "谁再往我家地里扔农药瓶，我知道你家在哪，小心点"})
    assert v.label == Label.ABUSE
    assert v.action != Action.NONE


@pytest.mark.parametrize("text", ["我知道你家在哪，明天收桃顺路帮你拉过去", "下雨路滑，大家去地里小心点"])
def test_address_or_care_alone_is_no_threat(tmp_path: Path, text: str) -> None:
    assert _mod(tmp_path, FARM).moderate({"id": "k", "user": "wxid_sun", "text": text}).label != Label.ABUSE


def test_trouble_said_before_the_app_is_no_invitation(tmp_path: Path) -> None:
    v = _mod(tmp_path, PHONE_CLASS).moderate({"id": "q2", "user": "wxid_qian", "text": "读屏读不出微信朋友圈的图片说明，怎么办？"})
    assert not {s["name"] for s in v.checks.get("signals", [])} & {"invite", "profile_pointer"}


def test_fake_subsidy_notice_to_those_around_is_a_chain_letter(tmp_path: Path) -> None:
    text = "急急急！下月起老人证要重新审核，不审核的取消补贴，赶紧转发给身边的老伙计"
    assert _mod(tmp_path, FARM).moderate({"id": "s", "user": "wxid_zhou", "text": text}).label == Label.SPAM

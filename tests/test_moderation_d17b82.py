"""Round 82, d17b82 (issue 17): a fresh tester (qa17r25) saw scams and rumours pass as 正常 — an investment pitch with no
contact (「有没有人想入股我朋友的新能源项目，年化20%保本」), a QR lure described in words (「[圖片] 掃呢個碼領取免費麥當勞券」), a
health rumour with a plea to forward it to family (「…发现禽流感…赶紧去医院检查，转发给家人朋友！！」) and 「万能钥匙…」 offered.

What changed, all as data: lexicons.yaml ``ad.guaranteed_return`` (aliased into ``ad.promised_return``) and
``ad.invest_offer``, read together by signals.yaml ``invest_pitch``; ``qr`` (扫这个码, 扫呢个码, 扫图中…); ``chain_harm``
(赶紧去医院, 即刻去医院…: the scare's order to rush to hospital) and ``chain_alarm`` (医生都不敢说); patterns.yaml
``illegal_offer`` (master keys, jammers, bugs). Groups and messages written for these tests (evals/moderation/dev174.jsonl
holds the same kinds)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED

LICAI = """
name: 上海工薪理财学习群
positioning: 上海上班族一起学理财，交流记账、基金定投、存款和保险的基础知识，不荐股不带单
topics: [理财, 基金, 定投, 记账, 指数基金, 存款, 国债]
audience: 上海的工薪族
type: 学习型
"""

ELDERS = """
name: 逢源街长者互助群
positioning: 逢源街居委会和社区长者的群，发社区活动、健康讲座、义诊和防诈骗提醒，老人家互相照应
topics: [健康, 体检, 义诊, 社区活动, 防诈骗, 疫苗]
audience: 逢源街的长者和家属
type: 社区型
"""

ESTATE_HK = """
name: 碧濤花園業主群
positioning: 沙田碧濤花園業主同住戶交流屋苑事務，管理處通知、維修、停車場、業主大會
topics: [管理費, 維修, 停車場, 保安, 業主大會, 管理處]
audience: 碧濤花園業主同住戶
type: 社区型
platform: whatsapp
script: zh-Hant
"""

CARS = """
name: 武汉车友会
positioning: 武汉车主交流保养、自驾游、洗车和用车问题，组织周末自驾
topics: [保养, 自驾, 洗车, 改装, 轮胎, 保险]
audience: 武汉车主
type: 兴趣型
"""

Judge = Callable[[str, str], Verdict]


def _names(v: Verdict) -> set[str]:
    """The names of the signals the verdict carries."""
    return {s["name"] for s in v.checks.get("signals") or []}


@pytest.mark.parametrize(("profile", "text"), [
    (LICAI, "有没有人想入股我表哥的光伏项目，年化18%保本，稳稳的"),
    (CARS, "有没有车友想一起投我同学的充电桩项目，年化20%保本，比买理财强"),
    (ESTATE_HK, "有冇人有興趣入股我朋友嘅新能源車項目？年回報20%，保本㗎"),
    (LICAI, "朋友公司新出一个供应链项目，五万起投，月收益3%，到期返本，想投的抓紧"),
])
def test_a_guaranteed_return_with_a_stake_offered_is_a_pitch_even_with_no_contact(judge: Judge, profile: str,
                                                                                   text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and v.action in ACTED, v.reason
    assert "invest_pitch" in _names(v), _names(v)


@pytest.mark.parametrize("text", [
    "我定投沪深300三年了，年化大概6%，不保本但我能接受波动",
    "国债保本是保本，就是收益太低，我还是放了一半进去",
    "有没有人买过货币基金？年化2%左右，想给孩子存点钱",
    "记住一句话，承诺保本高收益的都要警惕，正规理财不会保本",
    "大家注意，有人私聊我说入股新能源项目年化20%保本，这种百分百是骗局，别信",
])
def test_a_member_s_own_investment_talk_or_warning_stays_ok(judge: Judge, text: str) -> None:
    v = judge(LICAI, text)
    assert v.label == "ok", v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (ESTATE_HK, "[圖片] 掃呢個碼領取免費麥當勞券"),
    (ELDERS, "[图片] 扫这个码领免费鸡蛋，每人一盒，今天最后一天"),
])
def test_a_code_pointed_at_in_words_is_a_qr_code(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert "qr" in _names(v), _names(v)


@pytest.mark.parametrize(("profile", "text"), [
    (ELDERS, "广州白云区发现禽流感，吃过鸡肉的赶紧去医院检查，转发给家人朋友！！"),
    (ESTATE_HK, "沙田街市有人食咗豬肉染咗豬流感，食過嘅即刻去醫院驗，轉發俾屋企人！"),
    (CARS, "刚收到的，加油站有人用针头扎人传艾滋，被扎过的赶紧去医院，转发给家人！"),
    (ELDERS, "最新研究，隔夜菜吃了会得胃癌，医生都不敢说，快发给家里的老人看看"),
])
def test_a_health_scare_passed_to_family_is_deleted(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "spam" and v.action == "delete", v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (ELDERS, "【居委会通知】近期流感高发，社区卫生服务站周三起免费接种流感疫苗，65岁以上老人带身份证，请转告家里老人"),
    (ELDERS, "天气转冷，有高血压的老人家早上别太早出门锻炼，头晕要赶紧去医院，也转告家里人注意"),
    (ESTATE_HK, "【管理處通知】近日流感高峰期，請住戶注意個人衛生，如有發燒請及早求醫"),
    (CARS, "提醒一下，最近高速服务区蜱虫多，被咬了要马上去医院处理，别自己拔"),
])
def test_a_real_health_notice_stays_ok(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action not in ACTED, v.reason


def test_master_keys_offered_are_an_illegal_deal_and_a_warning_about_them_is_not(judge: Judge) -> None:
    v = judge(CARS, "出一批万能钥匙和解码器，懂的来")
    assert v.label == "ad" and v.action in ACTED, v.reason
    assert "illegal_deal" in _names(v), _names(v)
    assert judge(CARS, "听说有人在网上卖汽车万能钥匙，这玩意是违法的，大家别买").label == "ok"
    assert judge(CARS, "我车钥匙丢了，配一把万能钥匙要多少钱？").action not in ACTED

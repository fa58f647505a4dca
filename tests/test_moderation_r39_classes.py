"""Round 39, d17q (issue 17, the fresh QA's classes): a shop's offer with no contact detail (全场八折, 买三送一, 详情咨询
客服) is an ad; a refundable deposit the group itself holds (押金…退队全退) is not a pay-first scam. Groups and messages
written for these tests (a rowing club, a seed-swap garden circle, a children's library volunteer group)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation import Verdict
from copilot.moderation.pipeline import Moderator
from copilot.moderation.signals import patterns
from copilot.profile import parse_profile_text

ROWING = """
name: 江畔赛艇俱乐部
positioning: 业余赛艇爱好者周末一起下水训练、报名城市赛艇赛；会费、器材押金和比赛费用在群里公示
topics: [赛艇, 划船, 训练, 桨, 比赛, 体能]
audience: 上班族和大学生赛艇爱好者
"""

GARDEN = """
name: 小院种菜换种子群
positioning: 在小院和阳台种菜的邻居交流育苗、施肥、病虫害，互相换种子
topics: [种菜, 育苗, 种子, 施肥, 病虫害, 番茄, 辣椒]
audience: 城郊小院和阳台种菜的邻居
"""

LIBRARY = """
name: 社区儿童图书馆志愿者群
positioning: 志愿者轮值社区儿童图书馆、组织周末故事会、整理捐赠图书
topics: [图书馆, 故事会, 轮值, 捐书, 绘本, 志愿者]
audience: 社区里的家长和大学生志愿者
"""


def test_a_quantity_deal_is_read_as_a_sellers_word() -> None:
    assert patterns().buy_get.search("有机肥买三送一")
    assert patterns().buy_get.search("种子买十包送五包")
    assert patterns().buy_get.search("番茄苗买5送2")
    assert not patterns().buy_get.search("我买了三包种子，送了一包给邻居")  # 买了 is no count


@pytest.mark.parametrize(("profile", "text"), [
    (GARDEN, "新到一批有机菌肥，买三送一，数量有限，详情咨询客服"),
    (GARDEN, "种子店年底大促，蔬菜种子全场五折，先到先得"),
    (ROWING, "本店新到一批赛艇手套，全场八折，欢迎到店选购"),
])
def test_a_shops_offer_without_a_contact_is_an_ad(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (GARDEN, "上周在花鸟市场买的辣椒苗，说是打八折，结果一半都死了"),
    (GARDEN, "请问附近哪家农资店的有机肥比较靠谱？"),
    (ROWING, "训练完去码头边那家粥店吃早饭吧，AA"),
])
def test_a_member_talking_about_a_shop_is_not_an_ad(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label != "ad", v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (ROWING, "借用俱乐部的桨要交200元押金，退会时桨还回来押金全退"),
    (LIBRARY, "寒假轮值的志愿者需要交100元保证金，轮值结束全额退还，主要是怕临时缺人"),
])
def test_the_groups_own_refundable_deposit_is_not_a_scam(judge: Callable[[str, str], Verdict], profile: str,
                                                         text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok", v.reason
    assert v.action == "none"


def test_a_deposit_with_a_strangers_handle_is_still_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ROWING, "城市赛艇赛内部名额，交300押金锁定，没抢到全额退，加我微信 rowing_2026")
    assert v.label == "ad", v.reason
    assert v.action not in ("none", "review")


@pytest.mark.parametrize("text", [
    "腾讯官方通知：本群今晚零点起解散，把这条转发到群里就能保留",
    "请大家收到后回复一下，不回复的视为自动退群",
    "系统通知：今天没在群里发一个“在”的，系统将把你移出本群",
])
def test_a_hoax_notice_is_a_chain_letter(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(LIBRARY, text)
    assert v.label == "spam", v.reason


@pytest.mark.parametrize("text", [
    "周日故事会的志愿者名单，收到请回复1，没回复的我晚上挨个打电话",
    "下学期这个群会解散，大家到新的轮值群里来，群公告里有二维码",
])
def test_an_organisers_notice_is_no_chain_letter(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(LIBRARY, text)
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("text", [
    "屌你老母，成日喺度扮专家",
    "你条友痴线㗎，划成咁仲要坐头排",
    "收皮啦你，冇人想睇你啲相",
    "你划的那两下也就配在公园湖里骗骗游客",
])
def test_cantonese_abuse_and_a_sneer_are_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(ROWING, text)
    assert v.label == "abuse", v.reason


@pytest.mark.parametrize("text", [
    "呢个卖家好离谱，收咗钱两个礼拜都唔发货，大家小心啲",
    "我唔同意你讲嘅，起桨太急反而会乱节奏",
])
def test_cantonese_complaint_and_disagreement_are_not_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(ROWING, text)
    assert v.label != "abuse", v.reason


def test_an_insult_that_calls_someone_is_acted_on(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ROWING, "废物，练了三个月还是划不齐，全船都被你拖慢")
    assert v.label == "abuse", v.reason
    assert v.action not in ("none", "review"), v.reason


def test_an_exclamation_at_the_weather_calls_nobody(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(ROWING, "神经病，四月还下冰雹，周六水上训练肯定取消了吧")
    assert v.action in ("none", "review"), v.reason


BEES = """
name: 山脚蜂友会
positioning: 业余养蜂人交流中蜂饲养、分蜂、取蜜和越冬管理
topics: [养蜂, 中蜂, 蜂箱, 取蜜]
audience: 城郊的业余养蜂人
"""

RECORDS = """
name: 老唱片换碟会
positioning: 黑胶唱片爱好者交流唱机调校、换碟和粤语老歌版本
topics: [黑胶, 唱片, 唱机, 换碟]
audience: 讲粤语的唱片收藏者
"""


@pytest.mark.parametrize(("profile", "text"), [
    (BEES, "开箱看到三个王台，是不是要分蜂了"),
    (RECORDS, "边度有得洗碟？碟面好多灰"),
    (GARDEN, "番茄苗夏天暴晒要不要搭遮阳网"),
])
def test_a_question_in_the_groups_own_words_is_not_off_topic(judge: Callable[[str, str], Verdict], profile: str,
                                                             text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok", v.reason


def test_a_new_members_shop_offer_is_acted_on(tmp_path: Path) -> None:
    """Right after joining, "我们店…全场五折" with no contact: a seller's words and a new member agree — acted on."""
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), parse_profile_text(GARDEN))
    now = time.time()
    assert mod.audit is not None
    mod.audit.record_join("g1", "newcomer", now - 120)
    v = mod.moderate({"id": "n1", "user": "newcomer", "group": "g1", "text": "大家好我是新来的，我们店菜苗全场五折", "ts": now})
    assert v.label == "ad" and v.checks["trust"]["new_member"], v.reason
    assert v.action not in ("none", "review"), v.reason


SHELTER = """
name: 河西流浪狗救助群
positioning: 志愿者交流流浪狗救助、绝育、送养和医疗费用公示
topics: [流浪狗, 救助, 送养, 绝育, 医疗费, 志愿者]
audience: 河西片区的救助志愿者
"""


@pytest.mark.parametrize("text", [
    "救助基金本周入账：陈姐300元，阿伟150元，谢谢大家",
    "帮忙转发扩散：河西公园走失一只黄色土狗，左耳有缺口，请联系我",
])
def test_the_groups_own_fund_and_a_lost_pet_appeal_are_ok(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(SHELTER, text)
    assert v.label == "ok", v.reason


def test_a_lost_child_hoax_is_still_a_chain_letter(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SHELTER, "紧急扩散！河西小区走失一个4岁女孩，转发20个群，好人一生平安")
    assert v.label == "spam", v.reason


def test_a_cantonese_complaint_about_a_seller_is_not_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(RECORDS, "网上买咗张碟，收咗钱成个礼拜都唔发货，呢个卖家真系无良")
    assert v.label != "ad", v.reason
    assert v.action in ("none", "review"), v.reason

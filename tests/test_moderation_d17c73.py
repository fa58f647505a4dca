"""Round 73, d17c73 (issue 17): what a fresh bot author found.

① An illegal trade offered (an organ, surrogacy, eggs, a gun, bank cards, forged papers, invoices) is an ad to delete in
any group: an offer verb before the goods or a passing-on verb after them (patterns.yaml illegal_offer) beside a way to
reach the writer, a price or a trade word (signals._illegal_deal). The same goods in a patient's question or story, or
in a warning, offer nothing.
② A member giving away their leftovers (剩下的…免费送) — even a count of boxes (十几箱) — is at most reviewed, never
deleted (pipeline._own_giveaway); a seller's free hook (前十位免费送) is not a giveaway.
③ A title of mastery someone is said to give themself over a small feat (就当自己是大师了) is contempt by its form
(patterns.yaml sneer.self_title), not when the writer says it of themself; a kind addressed as a whole and called a
burden (你们这些…就是浪费医保的钱: patterns.yaml group_slur.addressed/burden) is contempt the abuse model may act on beside,
not a thing called a waste nor the writer's own kind.

Groups and messages written for these tests (a Chengdu diabetes patients' group, a Suzhou neighbours' group, a Hefei
badminton club)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED, REMOVED, Label

SUGAR = """
name: 成都糖友互助群
positioning: 成都的糖尿病病友和家属交流控糖、饮食、胰岛素和医保报销，互相打气；卖药、卖保健品和各种推销不要发
topics: [血糖, 胰岛素, 饮食, 运动, 医保, 并发症, 化验, 控糖]
audience: 糖尿病病友和家属
type: 互助型
platform: wechat
banned: [卖药, 保健品, 推销]
"""

NEIGHBOURS = """
name: 苏州园区星湖苑邻里群
positioning: 星湖苑的邻居互助、通知物业的事，邻居之间可以转让或赠送自己的闲置；商家和中介广告不要发
topics: [物业, 停车, 快递, 闲置, 装修, 邻里, 维修]
audience: 星湖苑的业主和租户
type: 生活型
platform: wechat
banned: [商家广告, 中介]
"""

BADMINTON = """
name: 合肥政务区羽毛球群
positioning: 政务区的球友约周末打羽毛球、订场地、交流球拍和技术；球拍店广告不要发
topics: [羽毛球, 场地, 球拍, 技术, 比赛, 约球]
audience: 合肥的羽毛球爱好者
type: 兴趣型
platform: wechat
"""


@pytest.mark.parametrize("profile, text", [
    (SUGAR, "出一个肝源，A型血，配型包成功，价格面议，需要的病友私聊"),
    (NEIGHBOURS, "代开正规增值税发票，各行业都能开，税点低，有需要的加我"),
    (NEIGHBOURS, "长期收银行卡四件套，一套给600，当天结算，私聊"),
    (BADMINTON, "有仿真枪出，做工精细，懂的来私聊"),
])
def test_an_illegal_trade_offered_is_deleted(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "违法交易" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (SUGAR, "我舅舅在华西排队等肝源，医生说有合适的会联系家属，大家有经验的说说要等多久"),
    (SUGAR, "提醒一下：有人私聊病友说能搞到肝源，收了定金就拉黑，千万别信"),
    (NEIGHBOURS, "物业费开发票的话找前台小李，她说周五前都能开"),
    (NEIGHBOURS, "大家小心，有人冒充银行说帮忙收银行卡解冻，都是骗子"),
])
def test_the_same_goods_in_a_question_story_or_warning_are_not_deleted(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.action not in REMOVED, v.reason
    assert "违法交易" not in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (SUGAR, "我爸走了，剩下的十几箱试纸和针头免费送给需要的糖友，私聊我"),
    (NEIGHBOURS, "搬家剩下的二十几件纸箱和泡沫免费送，邻居要的私聊我，自己来拿"),
    (SUGAR, "换了新的血糖仪，用不完的三盒试纸送给需要的糖友，联系我自取"),
])
def test_a_members_leftovers_given_away_are_not_acted_on(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.action not in ACTED, v.reason


def test_a_sellers_free_hook_with_leftover_words_is_still_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(SUGAR, "剩下的最后二十盒降糖茶，前十位免费送，加我微信")
    assert v.label == Label.AD, v.reason


def test_a_warehouse_of_stock_given_free_is_not_a_members_giveaway(judge: Callable[[str, str], Verdict]) -> None:
    # a count of kinds (四十多款) is a seller's range, not the size of someone's leftovers
    v = judge(NEIGHBOURS, "店里剩下的四十多款收纳盒免费送，私聊我")
    assert v.label == Label.AD and v.action in ACTED, v.reason


@pytest.mark.parametrize("text", [
    "有些人打赢两场野球就当自己是高手了，天天指手画脚",
    "某些人买了把贵拍子就以为自己是大神了",
])
def test_a_self_given_title_over_a_small_feat_is_contempt(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(BADMINTON, text)
    assert v.label == Label.ABUSE, v.reason
    assert "轻蔑贬低" in v.reason, v.reason


@pytest.mark.parametrize("text", [
    "我今天赢了三局，就当自己是高手了哈哈",
    "那个在体育馆门口卖假球拍的是骗子，大家别信",
])
def test_self_mockery_and_an_outside_scammer_are_not_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(BADMINTON, text)
    assert v.label != Label.ABUSE, v.reason


@pytest.mark.parametrize("text", [
    "你们这些打胰岛素的就是浪费医保的钱",
    "你们这帮退休的都是吃白饭的，天天在群里晒血糖",
])
def test_a_kind_addressed_as_a_burden_is_acted_on(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(SUGAR, text)
    assert v.label == Label.ABUSE and v.action in ACTED, v.reason


@pytest.mark.parametrize("text", [
    "有些进口药就是浪费医保的钱，效果跟国产的差不多",
    "我们这些打胰岛素的就是家里的累赘，想想挺难受的",
])
def test_a_thing_called_a_waste_or_the_writers_own_kind_is_not_acted_on(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(SUGAR, text)
    assert v.action not in ACTED, v.reason

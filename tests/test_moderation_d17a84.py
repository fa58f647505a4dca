"""Round 84, d17a84 (issue 17, ad precision on groups the sets never saw). Two families, each beside the real ad of
the same shape that must still be caught:

- a strong ad word with an everyday sense (lexicons.yaml ``ad.everyday``: 菠菜 the vegetable, 陪玩 playing with a dog or
  an old neighbour, 回收 recycling or a repairer's used stock, 代购 buying for friends on one's own trip) and nothing else
  that offers anything — no contact, link, price signal, invitation or pitch: Moderator's ``everyday_word_only`` check
  leaves it to be judged for what it says. 菠菜平台首充送…, 陪玩 with a handle, 高价回收 with a phone stay ads.
- a line the chat app writes (lexicons.yaml ``platform_line``): 某某撤回了一条消息, a red packet's mark with its short
  blessing — social, never reviewed as off-topic or an ad; the ad classifier does not read the mark's 红包. A caption with
  a handle is still read.

Groups and messages written for these tests (evals/moderation/dev177.jsonl holds the same kinds)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED
from copilot.moderation.signals import without_platform_mark

FARM = """
name: 莱芜露地蔬菜种植交流群
positioning: 莱芜种露地菜的农户交流播种、浇水、病虫害和卖菜行情，互相提醒假种子
topics: [露地菜, 菠菜, 大葱, 白菜, 播种, 病虫害, 行情]
audience: 莱芜的菜农
type: 行业型
"""

COOKS = """
name: 家常菜做法交流群
positioning: 爱做饭的朋友交流家常菜做法、刀工火候、调味和买菜心得
topics: [家常菜, 做法, 火候, 调味, 刀工, 食材]
audience: 爱做饭的人
type: 兴趣型
"""

DOGS = """
name: 望京遛狗互助群
positioning: 望京一带养狗的邻居约遛狗、出差时互相帮忙照看，交流训犬和看病
topics: [遛狗, 训犬, 寄养, 疫苗, 狗粮, 宠物医院]
audience: 望京养狗的邻居
type: 互助型
"""

GREEN = """
name: 滨江小区环保志愿者群
positioning: 小区环保志愿者排班做垃圾分类宣传、组织旧物回收日和积分兑换
topics: [垃圾分类, 旧物, 宣传, 积分, 值班, 环保]
audience: 小区的环保志愿者
type: 公益型
"""

MUMS_ABROAD = """
name: 悉尼华人妈妈群
positioning: 在悉尼生活的中国妈妈交流孩子上学、租房、看病和回国往返的经验
topics: [上学, 租房, 看病, 回国, 育儿, 签证]
audience: 悉尼的华人妈妈
type: 家长型
"""

Judge = Callable[[str, str], Verdict]


@pytest.mark.parametrize(("profile", "text"), [
    (FARM, "今年菠菜行情不行，地头收购才六毛，还不够化肥钱"),
    (COOKS, "凉拌菠菜我喜欢放点芝麻酱，比光放蒜泥香"),
    (COOKS, "菠菜焯水的时候放一勺盐，颜色翠绿不发黑"),
    (DOGS, "出差三天，想找个邻居每天下班来陪玩半小时，我给钥匙"),
    (GREEN, "旧物回收日大家带来的纸箱太多了，下次要多叫一辆车"),
    (GREEN, "回收积分可以换洗衣液了，大家记得来值班点登记"),
    (MUMS_ABROAD, "我暑假回国，朋友让我代购两瓶鱼油，我说澳洲超市随便买，没必要"),
    (MUMS_ABROAD, "下个月我妈来悉尼，让她顺路代购点中药带过来，海关让带吗"),
])
def test_an_everyday_sense_of_a_strong_ad_word_alone_is_no_ad(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.checks.get("everyday_word_only"), v.checks  # the word alone had made it an ad (reviewed) before
    assert v.label != "ad" and v.action not in ACTED, v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (FARM, "菠菜担保大平台，注册首充送58，网址 bc7788.top"),
    (COOKS, "玩菠菜的兄弟进来，带你回本，加微信 bocai_2266"),
    (DOGS, "游戏陪玩小姐姐在线，二十块一局，要的加V：peiwan_mm66"),
    (GREEN, "高价回收黄金手表购物卡，上门现金结算，电话 13957116620"),
    (MUMS_ABROAD, "澳洲代购奶粉保健品，一手货源，每周直邮，微信 au_daigou_amy"),
])
def test_the_same_word_with_a_way_to_buy_is_still_an_ad(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert not v.checks.get("everyday_word_only"), v.checks


def test_a_hidden_spelling_beside_the_word_keeps_it_an_ad_word(judge: Judge) -> None:
    v = judge(DOGS, "陪玩陪聊找我，威信 p w 5 2 0 1 3 1 4")
    assert v.label == "ad", v.reason
    assert not v.checks.get("everyday_word_only"), v.checks


@pytest.mark.parametrize(("profile", "text"), [
    (FARM, "老李撤回了一条消息"),
    (DOGS, "Momo 撤回了一条消息"),
    (GREEN, "[微信红包]恭喜发财，大吉大利"),
    (MUMS_ABROAD, "[红包]谢谢各位妈妈帮我找房子"),
    (COOKS, "[QQ红包]今天开张大吉"),
])
def test_a_line_the_app_writes_is_social(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action not in ACTED and v.action != "review", (v.label, v.action, v.reason)


@pytest.mark.parametrize(("profile", "text"), [
    (GREEN, "[微信红包]领红包进群，加微信 hb_qun888 拉你"),
    (FARM, "老李撤回了一条消息 化肥批发加微信 feiliao_666"),
])
def test_a_platform_line_with_a_pitch_is_still_read(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason


def test_the_classifier_reads_the_caption_not_the_packet_mark() -> None:
    assert without_platform_mark("[微信红包]恭喜发财") == "恭喜发财"
    assert without_platform_mark("[QQ红包]新年快乐") == "新年快乐"
    assert without_platform_mark("发个红包[微信红包]") == "发个红包[微信红包]"  # a mark not at the start is the member's text


def test_a_sign_up_for_the_group_s_own_meet_keeps_its_everyday_word(judge: Judge) -> None:
    v = judge(DOGS, "周六早上在朝阳公园搞遛狗聚会，带狗来一起陪玩，报名找我，电话13701118866")
    assert v.label != "ad" and v.action not in ACTED, v.reason
    assert v.checks.get("own_event"), v.checks


@pytest.mark.parametrize("text", [
    "陪玩陪聊招募中，报名找我，电话13801112233",
    "周末王者陪玩开黑活动，一起玩，报名找我，电话13922334455",
])
def test_a_sign_up_the_classifier_is_sure_of_stays_an_ad(judge: Judge, text: str) -> None:
    v = judge(DOGS, text)
    assert v.label == "ad", v.reason
    assert not v.checks.get("own_event"), v.checks

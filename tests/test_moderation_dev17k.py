"""Round 31, dev17k (issue 17): members' own messages that read like ads. A member's plain word for a helper the
group uses (one phone, no pitch), a member passing on a few of their own surplus things at cost, and a member
recommending a thing they use with one shop link are ok; the same messages in a seller's voice, with several
contacts, a perk, disguised digits or a dealer's word stay ads. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict

FISHING = """
name: 周末路亚钓鱼群
positioning: 路亚和台钓爱好者交流钓点、钓具保养、鱼情和周末约钓
topics: [路亚, 台钓, 钓点, 鱼竿, 饵料, 鱼情]
audience: 本地钓友
banned: [卖鱼获]
"""

COFFEE = """
name: 手冲咖啡交流群
positioning: 手冲咖啡爱好者交流豆子、研磨、冲煮参数和器具
topics: [手冲, 咖啡豆, 磨豆机, 冲煮, 烘焙度, 滤杯]
audience: 在家做手冲的咖啡爱好者
banned: [咖啡馆广告, 微商]
"""

# the same group, whose rules ban every trade between members
COFFEE_NO_TRADE = COFFEE.replace("banned: [咖啡馆广告, 微商]", "banned: [禁止买卖, 二手交易, 微商]")

BABIES = """
name: 滨江花园新手妈妈群
positioning: 同小区新手爸妈交流育儿、辅食、疫苗和带娃经验
topics: [育儿, 辅食, 疫苗, 月嫂, 早教, 睡眠]
audience: 小区里0到3岁宝宝的爸妈
banned: [母婴店广告, 代购]
"""

RUNNING = """
name: 城东晨跑团
positioning: 城东跑友约晨跑、交流训练计划、跑鞋装备和比赛报名
topics: [晨跑, 配速, 跑鞋, 马拉松, 训练计划, 拉伸]
audience: 城东的跑步爱好者
banned: [跑鞋代购, 商家广告]
"""



# -- a member's referral: the writer and the group as customers, one phone, no pitch ------------------------------
@pytest.mark.parametrize("profile, text", [
    (FISHING, "我们钓友一直找的那个修竿的老王，手艺好，换个导环三十，电话 159 3381 2207，可以找他"),
    (BABIES, "回楼上，我们楼好几家都请的育儿嫂刘姐，很靠谱，电话 136 2290 1187，可以找她问问"),
    (BABIES, "我家一直请的通乳师傅手法很好，一次两百，电话 138 0021 4567，可以找她"),
    (RUNNING, "上次找的那个运动康复的李医生很专业，膝盖就是他帮我调好的，电话 131 5567 2280"),  # used once, third person
    (FISHING, "我们钓友一直找的修竿老王手艺好，换导环三十，需要的私聊我给电话"),  # the number passed on privately
    (FISHING, "出海船钓的手续可以找码头边那家代办，我们钓友一直找他们，电话 186 7730 5521"),  # its trade, not a pitch
])
def test_a_members_referral_with_one_phone_and_no_pitch_is_ok(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason
    assert "成员推荐师傅/服务，含电话，非推销" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (FISHING, "本店专业修竿换导环三十，电话 159 3381 2207，长期接单"),                      # the seller's own voice
    (FISHING, "我们钓友一直找的修竿老王，电话 159 3381 2207，微信 laowang8899，报我的名字打九折"),  # two contacts, a perk
    (FISHING, "我们钓友一直找的修竿老王，手艺好，电话 幺五九 三三八一 二二零七"),          # digits disguised
    (FISHING, "我们钓友一直找的修竿老王，量大从优，电话 159 3381 2207，可以找他"),          # a dealer's word
    (RUNNING, "我找过城南那家按摩店的小张，手法好，电话 131 5567 2280，微信 zhang3388"),      # two contacts
    (FISHING, "我们钓友一直找的修竿老王，需要的私聊我给电话，量大从优"),
    (FISHING, "修竿找我，需要的私聊我给电话"),                                            # no referral, the writer sells
    (BABIES, "我们机构专业通乳，一次两百，电话 138 0021 4567，欢迎咨询"),
    (BABIES, "月嫂找我，我们公司的金牌月嫂，电话 138 0021 4567"),
])
def test_the_same_referral_in_a_sellers_voice_or_with_more_stays_an_ad(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert "成员推荐师傅/服务" not in v.reason


# -- a member's own surplus: a small lot, at cost, to the group ----------------------------------------------------
@pytest.mark.parametrize("profile, text", [
    (FISHING, "饵料用不完，两包没拆，便宜出给钓友，要的私聊"),
    (COFFEE, "家里多出一袋云南豆子，烘焙日期上周，半价给需要的，私我"),
    (RUNNING, "多买了一双跑步袜，没拆，原价给群友，私聊"),
])
def test_a_member_passing_on_a_few_surplus_things_at_cost_is_ok(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason
    assert "成员转让自己多出来的少量东西" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (FISHING, "饵料现货批发，多买了两包也行，原价，量大从优，私聊"),      # a dealer's words
    (FISHING, "多出五十包饵料 原价转 私聊"),                               # no small lot
    (COFFEE, "多买了两包埃塞的豆子，原价转给群友，加我微信 coffee2024"),    # a handle
    (COFFEE, "多买了两包埃塞的豆子，效果特别好，优惠价转给群友，私聊"),      # a pitch
    (COFFEE_NO_TRADE, "多买了两包埃塞的豆子，没拆，原价转给群友，私聊"),     # the rules ban trade between members
])
def test_a_surplus_with_a_dealers_word_a_contact_a_pitch_or_a_trade_ban_is_not_cleared(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert "成员转让自己多出来的少量东西" not in v.reason


def test_the_trade_ban_only_counts_when_the_banned_item_is_trade_itself(
        profile_moderator: Callable[[str], Moderator]) -> None:
    assert profile_moderator(COFFEE_NO_TRADE).no_trade
    assert not profile_moderator(COFFEE).no_trade
    # a banned kind of trade (live fish) is not a ban on every trade between members
    assert not profile_moderator(FISHING.replace("[卖鱼获]", "[活鱼买卖]")).no_trade


# -- a member's own product recommendation with one shop link ------------------------------------------------------
@pytest.mark.parametrize("profile, text", [
    (COFFEE, "这款磨豆机真的推荐，拼多多不到400 https://mobile.yangkeduo.com/goods.html?goods_id=88123"),
    (RUNNING, "这副压缩腿套我用着不错，拼多多59 https://mobile.yangkeduo.com/goods.html?goods_id=51234"),
])
def test_a_first_person_recommendation_with_one_shop_link_is_ok(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


@pytest.mark.parametrize("profile, text", [
    (COFFEE, "这款磨豆机真的推荐 https://mobile.yangkeduo.com/goods.html?goods_id=88123 扣1私你优惠券"),
    (COFFEE, "这款磨豆机真的推荐，拼多多不到400 https://mobile.yangkeduo.com/goods.html?goods_id=88123 加我微信 mdj8899"),
    (COFFEE, "这款磨豆机真的推荐 https://item.jd.com/1001.html https://item.jd.com/1002.html 加我领券"),
    (COFFEE, "磨豆机特价秒杀 https://mobile.yangkeduo.com/goods.html?goods_id=88123"),
    (RUNNING, "跑鞋代购，这双真的推荐，京东不到500 https://item.jd.com/100012.html"),
])
def test_a_recommendation_with_bait_a_handle_two_links_or_a_pitch_stays_an_ad(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason


@pytest.mark.parametrize("text", ["", "   ", "电话", "多买了", "可以找他 电话 电话 电话"])
def test_bad_or_bare_input_is_not_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(BABIES, text)
    assert v.label != "ad", v.reason

"""Round 82, d17a82 (issue 17): on groups the moderator had never seen, two single cues alone made an ad — a member's
one link to a video, an article or a notice (the link the only ad sign, the classifier low), and a word of the profile's
banned list said in a warning, a question or a story with nothing traded. Each is now judged for what the message says
(on the group's subject, or chatter), not as an ad. Several links, a short link, a link with a price, a banned thing
offered with a way to get it, evasions, split numbers and homophones stay ads.

Groups and messages written for these tests (the groups are those of evals/moderation/dev172.jsonl)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

BONSAI = """
name: 扬州盆景爱好者群
positioning: 扬州及周边的盆景爱好者交流树桩养护、蟠扎造型、换盆用土和病虫害，分享自己的作品和看展心得
topics: [盆景, 树桩, 造型, 蟠扎, 换盆, 修剪, 盆景展, 榆树, 黑松, 雀梅]
audience: 扬州的盆景爱好者
banned: [盆景店推销, 微商, 贷款]
"""

RIDERS = """
name: 杭州骑手电动车互助群
positioning: 杭州送外卖的骑手交流电动车电瓶、换电、修车、雨天路况和站点的事，互相提醒安全
topics: [电动车, 电瓶, 换电, 修车, 骑手, 站点, 路况, 充电]
audience: 杭州的外卖骑手
banned: [贷款, 套路贷, 改装限速, 刷单]
"""

BEES = """
name: 丽水中蜂养殖交流群
positioning: 丽水的中蜂养殖户交流分蜂、过箱、囊状幼虫病、胡蜂防治和摇蜜的经验
topics: [中蜂, 蜂箱, 分蜂, 过箱, 摇蜜, 蜂王, 胡蜂, 巢脾, 蜂农]
audience: 丽水的中蜂养殖户
banned: [假蜜, 饲料批发, 贷款]
"""

CHOIR = """
name: 台中社區合唱團
positioning: 台中社區合唱團的團員交流練唱、分部、發聲方法和演出行程，分享練習用的音檔和影片
topics: [合唱, 練唱, 分部, 發聲, 演出, 樂譜, 女高音, 男低音, 指揮]
audience: 台中社區合唱團團員
banned: [保險, 直銷, 補習班]
"""


# -- one link a member passes on: judged for what the message says ---------------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    (RIDERS, "刚在抖音看到一个雨天刹车的教学，挺实用的 https://v.douyin.com/iPq3Lm7/"),
    (BONSAI, "这篇讲黑松短叶法的文章写得很细，新手可以看看 https://mp.weixin.qq.com/s/Xk3bQ9pLmN2a"),
    (BEES, "这个视频讲胡蜂诱捕器怎么做，我照着做了两个挺管用 https://www.bilibili.com/video/BV1Gm4y1f7Re"),
])
def test_a_members_one_link_is_no_ad(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_an_unrelated_link_is_chatter_not_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(BONSAI, "哈哈哈笑死我了，你们看这个猫打架的视频 https://v.douyin.com/iRk8Pq2/")
    assert v.label == "off_topic", v.reason


# -- a banned word with nothing traded: a warning, a question, a story --------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    (RIDERS, "改装限速被交警抓到要罚款还扣车，别图那点快"),
    (BEES, "市场上那种便宜的假蜜都是糖浆兑的，大家别拿来喂蜂"),
    (CHOIR, "有團員問補習班的事，這裡是合唱團群組，私下聊就好喔"),
])
def test_a_banned_word_alone_is_no_ad(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label != "ad" and v.action in ("none", "review"), v.reason


# -- hard negatives: ads stay ads -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    # several links of one shop, a short link with a price
    (BONSAI, "精品老桩清仓 https://pjshop.top/a https://pjshop.top/b https://pjshop.top/c 全场包邮"),
    (BONSAI, "盆景专用有机肥到手价19.9一大袋，戳 https://t.cn/A6bZk9 抢"),
    (BEES, "蜂箱整套特价168元，点击 https://t.cn/A6Hx2m 下单"),
    # a banned thing offered with a way to get it, homophones and split numbers
    (RIDERS, "骑手专享贷款，凭接单记录就能借，最高五万，加V rider_dk66"),
    (RIDERS, "电动车解除限速改装，上门服务，电话 一五八 七七零一 三三二六"),
    (BEES, "纯正土蜂蜜，一斤三十八，十斤包邮，薇信 一三七 零五八九 二二四六"),
    (BEES, "想要高产蜂王的加扣扣，幺八八 六六零 三四二一，包活"),
    (BONSAI, "出售各种成品盆景，小叶紫檀真柏都有，价格美丽，加威信 pj_yz8866 看货"),
    # a banned thing with no number but a pointer to it or a wink (lexicons.yaml ad.banned_pointing, ad.described_call)
    (RIDERS, "城西那家改装限速的手艺好，推荐大家去看看"),
    (CHOIR, "補習班的名額還有，懂的來"),
])
def test_ads_stay_ads(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "ad", v.reason

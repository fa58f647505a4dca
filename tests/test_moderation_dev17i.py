"""Round 31, dev17i (issue 17): the profile's banned trade read by meaning (活鸟买卖 bans selling 文鸟 and 金丝熊 as
much as 活鸟), bait and pointers without a contact, a rival business in a shop's own customer group, and a member's
plea (帮我领个红包, 给我的视频点个赞) that is spam to remind, not an ad to delete."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.signals import banned_list

FINCH = """
name: 文鸟珍珠鸟饲养群
positioning: 文鸟、珍珠鸟、十姐妹等雀类的饲养交流，分享喂养、育雏、看病经验，互助找走失的鸟
topics: [文鸟, 珍珠鸟, 鸟粮, 繁殖箱, 育雏, 鸟病]
audience: 养雀类小鸟的鸟友
banned: [活鸟买卖, 出售雏鸟, 野生鸟]
"""

HAMSTER = """
name: 仓鼠饲养交流群
positioning: 仓鼠饲养交流，分享笼子布置、垫料、鼠粮和看病经验，新手答疑
topics: [仓鼠, 金丝熊, 鼠粮, 垫料, 跑轮, 造景]
audience: 养仓鼠的鼠友
banned: [活体买卖, 出售幼崽]
"""

ORCHID = """
name: 国兰爱好者交流群
positioning: 春兰、蕙兰、建兰等国兰的养护交流，分享植料、浇水、开花经验
topics: [国兰, 春兰, 蕙兰, 建兰, 植料, 兰盆, 花箭]
audience: 养兰的兰友
banned: [野生兰花买卖, 下山兰]
"""

TORTOISE = """
name: 陆龟饲养交流群
positioning: 陆龟饲养者交流喂食、温湿度、晒背和疾病
topics: [陆龟, 喂食, 温湿度, 晒背, 饲养箱, 疾病]
banned: [活体交易, 野生个体]
"""



# -- 1: the profile's banned trade, read by the kind it names ---------------------------------------------------
@pytest.mark.parametrize("profile, text, rule", [
    # a litter rehomed for a fee, with the species' name only
    (FINCH, "我家珍珠鸟孵了一窝小宝宝，满月了，有缘人可以接回家，意思一下收个笼子钱 200一只", "活鸟买卖"),
    # 出 + hand-raised + the species at the start of a clause
    (FINCH, "出手养小文鸟两只 很亲人 会上手 需要的私聊", "活鸟买卖"),
    (FINCH, "手养的十姐妹宝宝 低价转 包活", "活鸟买卖"),
    # the wild part said another way, a new shipment and 有要的吗
    (FINCH, "山上的黄雀和红嘴相思鸟有要的吗 刚到了一批 可以视频", "野生鸟"),
    # 活体买卖: the profile's own animals are what 活体 means here
    (HAMSTER, "金丝熊生了一窝 满月了 有缘的领走 收点笼子钱 30一只", "活体买卖"),
    (HAMSTER, "刚到一批布丁仓鼠 有要的吗", "活体买卖"),
    (HAMSTER, "出一对紫仓 包健康", "活体买卖"),
    (ORCHID, "山里挖的蕙兰 50一苗 需要的朋友联系", "野生兰花买卖"),
    (TORTOISE, "自繁的赫曼 开食稳定 可以视频挑 需要的私聊", "活体交易"),   # a breed the profile never names
    (TORTOISE, "出一对苏卡达 公母都有 300一只", "活体交易"),
])
def test_an_offer_of_a_banned_kind_by_its_members_name_is_deleted_citing_the_rule(
        judge: Callable[[str, str], Verdict], profile: str, text: str, rule: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert f"群规禁止{rule}" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (FINCH, "珍珠鸟孵出一窝小宝宝了，第一次育雏好紧张，该喂什么？"),       # care advice about a litter
    (FINCH, "有人在闲鱼上卖野生的黄雀，大家别买，已经举报了"),            # a warning
    (FINCH, "文鸟一直啄毛怎么办 之前买的鸟粮30一斤 是不是营养不够"),      # a price of food, not of a bird
    (FINCH, "我的十姐妹是从正规繁殖场买的 300一只 有脚环"),               # what the member paid
    (FINCH, "鸟市上文鸟都卖到200一只了 太贵了"),                          # market talk
    (FINCH, "出两只珍珠鸟的繁殖箱 用不上了"),                              # the bird's gear, not the bird
    (FINCH, "我家文鸟今天第一次上手了 好开心"),
    (HAMSTER, "我家仓鼠宝宝一窝六只 都满月了 好可爱"),
    (HAMSTER, "金丝熊的笼子多大合适 我现在用的60一个"),
    (TORTOISE, "赫曼最近不怎么吃东西 是不是温度低了"),
    # 野生兰花买卖 and 下山兰 ban the wild ones: a nursery orchid bought with a price is none
    (ORCHID, "今年买的蕙兰 带花苞 80一盆 开得很好"),
    (ORCHID, "听说野生兰花不能挖 大家别去山上挖了"),
])
def test_talk_about_the_banned_kind_is_not_an_offer(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert "群规禁止" not in v.reason, v.reason
    assert v.action in ("none", "review"), v.reason


def test_a_banned_item_stands_for_its_kind_by_meaning_not_by_its_letters() -> None:
    birds = banned_list(["活鸟买卖", "出售雏鸟", "野生鸟"], "文鸟饲养群", ("文鸟", "虎皮鹦鹉", "鸟粮"))
    assert birds is not None and birds.kinds is not None
    assert birds.kind_item["画眉"] == "活鸟买卖" and birds.kind_item["虎皮鹦鹉"] == "活鸟买卖"  # the profile's own word
    assert birds.kind_item["一窝"] == "出售雏鸟"  # a litter is cited as the item on the young
    assert "鸟粮" not in birds.kind_item  # bird food is no bird
    # 活体 means the animals the profile keeps; with none named it means nothing
    assert "金丝熊" in banned_list(["活体买卖"], "仓鼠饲养交流群仓鼠", ("仓鼠",)).kind_item  # type: ignore[union-attr]
    assert banned_list(["活体买卖"], "读书会", ("读书",)).kind_item == {}  # type: ignore[union-attr]
    # an item banning the wild ones only, or content about the animal, does not stand for the kind
    assert banned_list(["野生鸟", "虐猫内容"], "", ()).kind_item == {}  # type: ignore[union-attr]


# -- 2: bait and pointers without a contact ---------------------------------------------------------------------
PHONE_PHOTO = """
name: 手机摄影交流群
positioning: 用手机拍照的爱好者交流构图、调色和后期，每周一次主题作业点评
topics: [手机摄影, 构图, 调色, 后期, 滤镜, 作业点评]
audience: 喜欢用手机拍照的群友
events:
  - {title: 周日扫街, kind: 外拍, cadence: 每周日上午, place: 老城区}
"""

EXAM = """
name: 考公上岸互助群
positioning: 备考公务员的同学互相督促打卡，交流行测申论做题方法和面试经验
topics: [公务员考试, 行测, 申论, 面试, 打卡, 真题]
audience: 备考公务员的同学
"""

TRADE_3D = """
name: 激光雕刻玩家群
positioning: 激光雕刻机玩家交流参数、材料和作品，允许群友转让自用闲置设备和配件
topics: [激光雕刻, 雕刻机, 参数, 材料, 作品]
audience: 激光雕刻爱好者
"""


@pytest.mark.parametrize("profile, text", [
    (PHONE_PHOTO, "回复888 我拉你进后期交流群"),                  # any reply code, then a pull into another group
    (EXAM, "想了解怎么一个月上岸的 回复6 我拉你进资料群"),        # the 怎么 is the lure's, not a question
    (PHONE_PHOTO, "有需要便宜三脚架的可以看我朋友圈～"),          # want … look at my Moments
    (EXAM, "有需要申论范文的可以看我空间"),                        # … or my QQ space: the same pointer
    (PHONE_PHOTO, "需要滤镜素材的看我空间～"),                     # the want said around the thing
    (PHONE_PHOTO, "需要滤镜素材的看我朋友圈～"),
])
def test_reply_bait_into_a_group_and_a_pointer_to_the_senders_profile_are_deleted(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and v.action == "delete", v.reason


@pytest.mark.parametrize("profile, text", [
    (PHONE_PHOTO, "想要全套调色预设的朋友评论区扣1，我统一回复"),  # collect replies, answer privately
    (EXAM, "出粉笔会员账号 共享 便宜出 年付"),
    (TRADE_3D, "出某宝会员账号 共享 年付 便宜出"),                # seats on an account are nobody's used gear
])
def test_bait_and_account_seats_without_a_contact_are_at_least_reviewed_as_ads(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and v.action in ("review", "delete"), v.reason


@pytest.mark.parametrize("profile, text", [
    (PHONE_PHOTO, "这周日扫街想去的回复1 我拉你进扫街小群"),      # the group's own outing
    (PHONE_PHOTO, "这个滤镜便宜又好用 想要参数的扣1 我发群文件"),  # handed out in the group
    (PHONE_PHOTO, "我朋友圈有上次扫街的合集 大家可以看看"),
    (PHONE_PHOTO, "回复3楼：预设我也在找"),                        # answering a post, no code asked for
    (EXAM, "今晚打卡 回复1 我统计一下人数"),
    (EXAM, "粉笔会员账号到期了 大家续费了吗"),
    (TRADE_3D, "出一台闲置的雕刻机 自用八成新 1500 要的私聊"),    # a member's own used gear where resale is allowed
])
def test_members_replies_pointers_and_own_gear_are_not_acted_on(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label != "ad" and v.action in ("none", "review"), v.reason


# -- 3: a rival business in a shop's own customer group ---------------------------------------------------------
FLORIST = """
name: 花间集花艺工作室·老客户群
positioning: 花间集花艺工作室的客户企业微信群，店员在群里发布每周花束、花艺体验课和会员福利，客户交流插花和养护
topics: [花束, 插花, 花艺, 鲜花养护, 体验课, 会员]
audience: 在工作室买过花或上过课的客户
type: 品牌型
platform: wecom
products:
  - {name: 每周花束, price: 99, unit: 束}
  - {name: 花艺体验课, price: 168, unit: 人}
"""


@pytest.mark.parametrize("text", [
    "隔壁新开的花艺馆开业全场五折，地址在文三路，大家可以去看看",
    "街对面新开了一家花店 开业酬宾 买一送一 大家去逛逛",
    "我朋友开的花店在搞活动 满100减30 地址在学院路 可以去看看",  # its deal in digits
])
def test_another_business_offer_in_a_shops_own_group_is_a_deleted_ad(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(FLORIST, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "别家" in v.reason, v.reason


@pytest.mark.parametrize("text", [
    "本周六花艺体验课还有3个名额 每人168 扫码预订",    # the shop's own offer
    "店里新到的郁金香 会员价39一束 到店自取",
    "本店二店新开了 全场八折 欢迎老客户去逛逛",       # the shop's own branch, in its own voice
    "隔壁新开的面馆挺好吃 就是有点贵",                 # another place named, nothing offered
    "商场今天有活动 满300减50 好多人",                  # a deal in digits with no business named
])
def test_the_shops_own_offers_and_talk_of_other_places_are_not_deleted(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(FLORIST, text)
    assert v.label != "ad" and v.action in ("none", "review"), v.reason


def test_a_rival_is_no_ad_in_a_group_that_is_no_shops(judge: Callable[[str, str], Verdict]) -> None:
    # in a members' hobby group another shop's offer is talk about a shop, not the host shop's customers sent away
    v = judge(PHONE_PHOTO, "隔壁新开的影楼开业 满200减50")
    assert not any(s["name"] == "rival" for s in v.checks["signals"]), v.reason


# -- 4: a member's plea for their own favour is spam to remind, not an ad to delete -----------------------------
@pytest.mark.parametrize("profile, text", [
    (EXAM, "大家帮我领个红包 点开就行 https://u.jd.com/xyz"),          # the link is the favour's target
    (PHONE_PHOTO, "给我的摄影作品点个赞吧 每天都能投 链接在我空间"),   # … and so is the pointer to the profile
    (FLORIST, "给我家孩子的舞蹈视频投一票吧 链接在我朋友圈 每天都能投"),
    (EXAM, "帮我投一票 3号就是我 https://vote.example.com/123"),        # a vote with a link stays spam
])
def test_a_plea_for_the_writers_own_favour_is_spam_reminded_not_an_ad(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    # round 40 (spam_kinds.yaml): a plea with a link is deleted (the link goes with it), one without is reminded of
    assert v.label == "spam" and v.action == ("delete" if "http" in text else "remind"), v.reason


@pytest.mark.parametrize("profile, text", [
    (EXAM, "上次群里抽奖 给我的奖品今天到了 谢谢群主"),   # 给我的 + 抽奖, but nobody is asked for anything
    (EXAM, "老师能给我点评一下这篇申论吗"),
    (PHONE_PHOTO, "给我的作品点评一下吧 第一次交作业"),
])
def test_asking_for_feedback_or_thanking_is_no_plea(judge: Callable[[str, str], Verdict], profile: str,
                                                    text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok", v.reason

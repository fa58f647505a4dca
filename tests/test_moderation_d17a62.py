"""Round 62, d17a62 (issue 17: ad precision in groups never seen): where a group lets members pass on their own things, a
member clearing their own things as a lot (毕业清东西…全套…打包…私我) words it the way a resource bait is worded — a
set (全套), a take word (打包) and a private message — but the set is the sender's own (lexicons.yaml resale.bundle,
pipeline._own_bundle). The same words around 资料, 电子版, 网盘, a course or a shop's stock stay ads.
Groups and messages written for these tests (a campus flea-market group, a block's mothers' swap group)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, Label

FLEA = """
name: 滨江学院毕业季二手群
positioning: 毕业生清宿舍、转让自己用过的书和生活用品给学弟学妹；校外商家、卖网课资料、代写不要发
topics: [闲置转让, 二手书, 自提, 宿舍用品]
audience: 滨江学院在校生和毕业生
"""

MOMS = """
name: 桂园小区宝妈闲置群
positioning: 宝妈们转让孩子穿小用小的衣服、绘本、玩具，也可以交换；微商、代购、早教课推销不要发
topics: [闲置转让, 交换, 童装, 绘本, 玩具]
audience: 桂园小区的宝妈宝爸
"""


def test_a_graduate_clearing_own_things_as_a_lot_is_not_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(FLEA)
    for i, text in enumerate(["毕业清东西：高数线代全套课本加习题册，自己做过的，12块打包，要的私我",
                              "毕业清宿舍：电煮锅、晾衣架、桌面书架全套，35打包带走，要的私我"]):
        v = mod.moderate({"id": f"g{i}", "user": f"xuezhang{i}", "text": text})
        assert v.label != Label.AD and v.action not in ACTED, v.reason


def test_a_mother_passing_on_outgrown_books_as_a_lot_is_not_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(MOMS).moderate({"id": "m1", "user": "mama_qiu", "text":
                                          "孩子长大了，幼儿科普绘本全套二十多本，打包60，自提，要的私我"})
    assert v.label != Label.AD and v.action not in ACTED, v.reason


def test_a_resource_bundle_in_the_same_words_stays_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(FLEA)
    for i, text in enumerate(["考研全套资料+网课视频，打包只要9.9，私我发网盘链接",
                              "毕业了，四六级全套电子版资料打包，发个红包就行，私我"]):
        v = mod.moderate({"id": f"b{i}", "user": f"ziliao{i}", "text": text})
        assert v.label == Label.AD and v.action in ACTED, v.reason


def test_a_shop_clearing_stock_as_a_lot_stays_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(MOMS).moderate({"id": "s1", "user": "tongzhuang", "text":
                                          "新款童装全套现货，工厂直发，打包批发，有意的宝妈私我拿货"})
    assert v.label == Label.AD and v.action in ACTED, v.reason


JOBS = """
name: 临湘镇零工互助群
positioning: 镇上和附近村里的师傅、工友互相介绍活干：工地、装修、农忙、搬家，谁缺人谁找活都可以说；网上兼职、收费中介、贷款不要发
topics: [找活, 零工, 工地, 装修, 农忙]
audience: 临湘镇和附近村里干零工的人
"""


def test_a_villager_short_of_hands_for_own_work_is_not_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(JOBS)
    for i, text in enumerate(["后天给我家稻田打药，请两个帮工，一天180管饭，有空的打我电话13617302258",
                              "我们工地还缺两个扎钢筋的，做二十天左右，一天320，想来的直接找我，电话 159 7304 1186"]):
        v = mod.moderate({"id": f"j{i}", "user": f"cunmin{i}", "text": text})
        assert v.label != Label.AD and v.action not in ACTED, v.reason


def test_an_agency_or_a_phone_job_pitch_there_stays_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(JOBS)
    for i, text in enumerate(["劳务公司长期招工，工地小工大量要人，先交100报名费，包分配，打我电话13307368890",
                              "手机打字兼职，在家就能做，日结200，不限时间地点，加微信 dazi_668 领任务"]):
        v = mod.moderate({"id": f"a{i}", "user": f"zhaogong{i}", "text": text})
        assert v.label == Label.AD and v.action in ACTED, v.reason

"""Round 38, dev17ag (issue 17): a member's own used gear on the group's subject is not deleted on 私聊 and a price, one
cue word is counted once, and ads passed on through a relative or a friend, or copies sold as 仿的/复刻的, are ads.

Groups and messages written for these tests: a ukulele players' group (resale not mentioned), a road cyclists' group
that lets members pass on their own gear, an IELTS study group that bans every trade, a swimming club and a model
railway group."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import ACTED
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect
from copilot.profile import load_profile

UKULELE = """
name: 尤克里里弹唱小组
positioning: 喜欢尤克里里的朋友交流指法、弹唱曲目和练琴心得，周末一起去公园弹
topics: [尤克里里, 指法, 弹唱, 和弦]
audience: 业余爱好者
"""

CYCLING = """
name: 西山公路车骑行群
positioning: 西山一带的公路车车友约骑、交流训练和保养；成员可以转让自己的闲置装备
topics: [公路车, 骑行, 爬坡, 保养]
audience: 本地骑行爱好者
"""

IELTS = """
name: 雅思冲七打卡群
positioning: 备考雅思的同学每天打卡、互相批改作文、交流备考经验
topics: [雅思, 打卡, 口语, 写作, 听力, 阅读]
audience: 准备出国的学生
banned: [任何交易, 资料买卖]
"""

SWIM = """
name: 晨泳俱乐部
positioning: 每天早上一起游泳的泳友交流泳姿、训练和比赛
topics: [游泳, 泳姿, 训练, 比赛]
audience: 游泳爱好者
"""

TRAINS = """
name: 火车模型玩家群
positioning: 玩火车模型的朋友交流车模、轨道、布景和涂装
topics: [火车模型, 车模, 轨道, 布景, 涂装]
audience: 模型爱好者
"""


@pytest.fixture()
def judge(tmp_path: Path):
    mods: dict[str, Moderator] = {}
    count = [0]

    def run(profile_yaml: str, text: str) -> Verdict:
        if profile_yaml not in mods:
            p = tmp_path / f"g{len(mods)}.yaml"
            p.write_text(profile_yaml, encoding="utf-8")
            mods[profile_yaml] = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), load_profile(p), audit=None)
        count[0] += 1
        return mods[profile_yaml].moderate({"id": str(count[0]), "user": f"u{count[0]}", "text": text,
                                            "ts": 1_767_225_600.0 + 30 * count[0]})

    return run


# 1. a member's own used gear on the group's subject
@pytest.mark.parametrize(("profile", "text"), [
    (UKULELE, "出一个自己用了两个月的调音器，15块给群友，想要的私聊"),
    (UKULELE, "出一把自己弹了一年的尤克里里，琴颈没问题，200给群友，要的私"),
    (CYCLING, "出一副自己骑了一季的锁踏，80给车友，想要的私聊"),
])
def test_own_used_gear_on_topic_is_not_deleted(judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.action not in ACTED, v.reason
    assert v.label == "ok", v.reason


def test_own_used_gear_where_all_trade_is_banned_is_reviewed(judge) -> None:
    v = judge(IELTS, "出一套自己用了半年的剑雅真题，有笔记，20给研友，想要的私聊")
    assert v.label == "ad"
    assert v.action == "review"
    assert "不删除" in v.reason and v.checks.get("no_trade_item")


def test_a_dealer_with_a_handle_where_trade_is_banned_is_not_softened(judge) -> None:
    v = judge(IELTS, "出自己用过的剑雅全套，更多资料加我微信 ielts_777，包邮")
    assert v.label == "ad"
    assert not v.checks.get("no_trade_item")


def test_a_used_item_off_the_group_subject_is_not_the_group_business(judge) -> None:
    v = judge(UKULELE, "出个自己用了两个月的空气炸锅，50块，要的私聊")
    assert v.checks["offtopic"].get("deal") != "own_item"
    assert not v.checks["offtopic"].get("about_group")


# 2. one cue word, one count
def _signals(text: str) -> dict[str, list[str]]:
    return {s.name: list(s.items) for s in detect(normalise(text)).signals}


def test_the_si_liao_of_an_invitation_is_not_also_a_promo_word() -> None:
    found = _signals("出个自己用了两个月的调音器，20块，想要的私聊")
    assert found["invite"] == ["要的私"]
    assert "私聊" not in found.get("promo_words", [])


def test_a_promo_word_outside_the_invitation_still_counts() -> None:
    found = _signals("全场优惠，包邮到家，要的私聊")
    assert "要的私" in found["invite"]
    assert {"优惠", "包邮"} <= set(found["promo_words"])
    assert "私聊" not in found["promo_words"]


def test_free_inside_a_strong_ad_word_is_counted_once() -> None:
    found = _signals("免费领取全套资料，加我微信 abc12345")
    assert "免费领取" in found["ad_words"]
    assert "免费" not in found.get("promo_words", [])


# 3. an ad passed on through a relative or a friend
@pytest.mark.parametrize(("profile", "text"), [
    (SWIM, "我表姐在体育中心旁边开了家游泳馆，现在办卡送十次课，报我名字还能打九折"),
    (SWIM, "我姐夫开的游泳培训班暑假开班了，报名送泳镜，前二十名八折"),
    (UKULELE, "我朋友开了个琴行，想学尤克里里的可以私我，试听免费"),
])
def test_a_relatives_business_with_an_offer_is_an_ad(judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad", v.reason
    assert "kin_business" in {s["name"] for s in v.checks["signals"]}


@pytest.mark.parametrize("text", [
    "我表哥以前在那家游泳馆学过，说教练挺负责的",
    "我同学开的奶茶店今天开业，我去捧场了",
    "我表姐家孩子也在学蛙泳，说换气最难",
    "我老公开的车，来回堵了两个小时",
])
def test_talk_about_a_relative_offers_nothing(judge, text: str) -> None:
    v = judge(SWIM, text)
    assert "kin_business" not in {s["name"] for s in v.checks["signals"]}
    assert v.label != "ad"


# 4. copies sold by another name
@pytest.mark.parametrize("text", [
    "仿的天赋车模，涂装跟正品看不出区别，玩家朋友可以了解一下",
    "复刻的百年纪念版机车模型到了，和原厂一模一样，要的私",
])
def test_a_copy_sold_as_the_real_thing_is_an_ad(judge, text: str) -> None:
    v = judge(TRAINS, text)
    assert v.label == "ad", v.reason
    assert "counterfeit_deal" in {s["name"] for s in v.checks["signals"]}


@pytest.mark.parametrize("text", [
    "官方复刻的蒸汽机车模型出了，680一台，大家觉得值吗",
    "这款是不是仿的？跟正品看着不太一样",
    "提醒一下，群里有人私聊卖仿的车模，跟正品差不多价钱，千万别买",
])
def test_a_brands_reissue_a_question_or_a_warning_is_no_counterfeit_offer(judge, text: str) -> None:
    v = judge(TRAINS, text)
    assert "counterfeit_deal" not in {s["name"] for s in v.checks["signals"]}
    assert v.action not in ACTED

"""Round 37b, dev17af (issue 17): junk tokens are no group jargon, a customer's complaint in a shop's own group, a
chain letter with a health scare, a banned trade offered politely or under another name, and an allowed own item
named in the review reason.

Groups and messages written for these tests: a tea shop's own customer group, a beekeepers' group that bans selling
bee medicine, a musical-theatre fans' group that bans ticket scalping, a board-game shop's group, a goldfish keepers'
group that lets members pass on their own fry, and a yarn crafters' group."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import ACTED
from copilot.moderation.offtopic import clause_words, new_word_class, permitted_things, unknown_nouns
from copilot.profile import load_profile

TEA = """
name: 茶语轩·老茶客群
positioning: 茶语轩茶叶店（杭州西湖店）的老客户企业微信群，发新茶、泡茶知识和店里的品鉴会，老客专享优惠
topics: [龙井, 白茶, 泡茶, 品鉴会]
audience: 在店里买过茶的顾客
type: 品牌型
platform: wecom
products:
  - {name: 明前龙井, price: 398, unit: 罐}
"""

BEES = """
name: 山里蜂友交流群
positioning: 养中蜂的蜂友交流分蜂、越冬、摇蜜和防治蜂病
topics: [中蜂, 分蜂, 摇蜜, 蜂病防治]
audience: 山区养蜂的蜂农和爱好者
banned: [卖蜂药, 卖抗生素]
"""

MUSICAL = """
name: 上海音乐剧观众群
positioning: 音乐剧观众交流剧目、卡司和观剧体验；成员多余的票可以按原价转给群友
topics: [音乐剧, 卡司, 观剧, 剧目]
audience: 上海的音乐剧观众
banned: [倒卖门票, 加价转票]
"""

GOLDFISH = """
name: 金鱼爱好者之家
positioning: 养金鱼的朋友交流换水、鱼病和繁殖；成员自家多余的鱼苗、水草可以转给群友
topics: [金鱼, 换水, 鱼病, 繁殖, 鱼缸]
audience: 养金鱼的爱好者
"""

YARN = """
name: 毛线编织交流群
positioning: 喜欢编织的朋友交流棒针、钩针技巧和作品
topics: [编织, 棒针, 钩针, 毛线]
audience: 编织爱好者
"""


@pytest.fixture()
def judge(tmp_path: Path):
    mods: dict[str, Moderator] = {}
    count = [0]

    def run(profile_yaml: str, text: str, user: str | None = None) -> Verdict:
        if profile_yaml not in mods:
            p = tmp_path / f"g{len(mods)}.yaml"
            p.write_text(profile_yaml, encoding="utf-8")
            mods[profile_yaml] = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), load_profile(p), audit=None)
        count[0] += 1
        return mods[profile_yaml].moderate({"id": str(count[0]), "user": user or f"u{count[0]}", "text": text,
                                            "ts": 1_767_225_600.0 + 30 * count[0]})

    return run


# 1. an unknown-word candidate is a whole word, inside one clause
@pytest.mark.parametrize("word", ["老吐", "不有", "老咳"])
def test_adverb_or_negation_glued_to_a_verb_is_no_whole_word(word: str) -> None:
    assert new_word_class(word) is None


def test_new_name_is_still_a_noun() -> None:
    assert new_word_class("宋制") in ("n", "nr", "nz")


def test_a_word_across_a_clause_edge_is_no_object() -> None:
    assert clause_words(["基地", "不有"], "周末一起去动物园基地不 有两张多的票") == ["基地"]
    assert clause_words(["基地"], "") == []


def test_junk_tokens_are_not_named_as_jargon(judge) -> None:
    v = judge(YARN, "最近基金跌成狗了 你们还拿着吗")
    assert v.label == "off_topic"
    assert "跌成" not in v.reason and "行话" not in v.reason
    assert unknown_nouns("我家狗最近老吐 有人知道咋回事吗") == []


def test_real_jargon_is_still_named(judge) -> None:
    v = judge(YARN, "今天穿宋制去上班 同事都说好看")
    assert v.action not in ACTED


# 2. a customer's complaint in a shop's own group
def test_complaint_to_the_shop_is_reviewed_not_deleted(judge) -> None:
    v = judge(TEA, "老板你们客服是不是脑子不好使 发了三次消息都不回")
    assert v.label == "abuse"
    assert v.action == "review"
    assert "店家" in v.reason and v.reply is None


def test_jab_at_a_member_in_the_shop_group_is_still_acted_on(judge) -> None:
    v = judge(TEA, "就你那品味还好意思晒 泡得跟刷锅水一样")
    assert v.label == "abuse"
    assert v.action in ACTED
    assert "争论" not in (v.reply or "")


def test_quarrel_line_only_when_two_members_trade_insults(judge) -> None:
    first = judge(YARN, "就你那手艺还好意思晒 织得跟渔网一样", user="a")
    second = judge(YARN, "你才是 脑子这么不好使就别来编织群了", user="b")
    assert first.action in ACTED and "争论" not in (first.reply or "")
    assert second.action in ACTED and "争论" in (second.reply or "")


def test_swear_words_at_the_shop_are_still_acted_on(judge) -> None:
    v = judge(TEA, "老板你妈的 傻逼店")
    assert v.label == "abuse"
    assert v.action in ACTED


# 3. a chain letter with a health scare
def test_health_scare_chain_is_deleted(judge) -> None:
    v = judge(BEES, "紧急扩散！！某县爆发蜂病 喝蜂蜜会感染 转给你关心的人")
    assert v.label == "spam"
    assert v.action == "delete"
    assert "谣言" in v.reason


def test_plain_chain_letter_is_deleted(judge) -> None:
    # round 40 (issue 17): a chain letter is deleted the first time (spam_kinds.yaml chain), not only reminded of
    v = judge(BEES, "转发这条到三个群 好运连连 不转倒霉一年")
    assert v.label == "spam"
    assert v.action == "delete"


# 4. a banned trade reworded
@pytest.mark.parametrize("text", [
    "蜂场用剩的土霉素还有几包 囤多了 成本价给群友",
    "群里谁要阿莫西林 我这有 便宜转",
])
def test_antibiotics_offered_politely_cite_the_ban(judge, text: str) -> None:
    v = judge(BEES, text)
    assert v.label == "ad" and v.action in ACTED
    assert "抗生素" in v.reason


def test_asking_about_an_antibiotic_is_no_trade(judge) -> None:
    v = judge(BEES, "蜂群得了幼虫病 用土霉素管用吗 还是换别的办法")
    assert v.label != "ad"


def test_scalping_as_a_fee_cites_the_ban(judge) -> None:
    v = judge(MUSICAL, "周六《剧院魅影》两张 原价是原价 一张加点辛苦费 六百")
    assert v.label == "ad" and v.action in ACTED
    assert "倒卖门票" in v.reason or "加价转票" in v.reason


def test_face_value_ticket_is_no_scalping(judge) -> None:
    v = judge(MUSICAL, "周六《剧院魅影》临时去不了 一张票原价转 不要辛苦费")
    assert v.action not in ACTED


# 5. an own item the profile allows, in the review reason
def test_permitted_things_of_the_positioning() -> None:
    things = permitted_things("养金鱼的朋友交流换水；成员自家多余的鱼苗、水草可以转给群友")
    assert "鱼苗" in things and "水草" in things
    assert "成员" not in things and "群友" not in things
    assert permitted_things("不允许成员发鱼苗广告") == ()


def test_own_fry_for_review_says_the_profile_allows_it(judge) -> None:
    v = judge(GOLDFISH, "我家兰寿的鱼苗 出了一大盆 有要的私我 5块一条")
    assert v.label == "ad" and v.action == "review"
    assert "群档案允许成员转让自己的鱼苗" in v.reason


def test_an_ad_for_something_else_gets_no_permission_note(judge) -> None:
    v = judge(GOLDFISH, "出几台闲置的空气净化器 九成新 要的私我 200一台")
    assert "群档案允许" not in v.reason

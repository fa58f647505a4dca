"""Round 65, d17b65 (issue 17): missed paid offers and clear reasons.

A sum paid to the writer for the way into a group (交两百块给我，我拉你进去; 转我三百拉你进群) is a paid entry the writer sells,
in Chinese numerals or digits — not an organiser's AA or fee, nor a member asking to be paid back. A members' own outing
charged per hour or head in Chinese numerals (陪练一小时八十块, 一人一千二) is no longer read as the group's own activity; a
price talked about (外面的营一人一千二，太贵了) stays a member's talk. Someone close to a member who said they do not want to
live, relayed by the member (我老伴最近老说不想活了), is flagged for care like the member's own words. A reason built on the
ad classifier alone never names filler (没有、大家、需要) as the words that looked like a pitch.
Groups and messages written for these tests (a kayak club, a bamboo-flute class, a cat-rescue group)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from moderation_say import say

from copilot.moderation import Moderator
from copilot.moderation.classifier import load_classifier, reason_stop, telling_grams
from copilot.moderation.labels import ACTED, REMOVED, Action, Label
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import numeral_prices, payments_to_writer

KAYAK = """
name: 钱塘皮划艇约划群
positioning: 杭州的皮划艇爱好者约周末下水、交流装备和水域安全，活动费AA由群主统一收
topics: [皮划艇, 约划, 救生衣, 水域, 划桨, 下水, 船]
audience: 杭州的皮划艇爱好者
"""

FLUTE = """
name: 社区竹笛班学习群
positioning: 社区竹笛班的学员交流练习曲目、贴笛膜、气息和考级准备，每学期一次汇报演出
topics: [竹笛, 笛膜, 气息, 曲目, 考级, 汇报演出, 指法]
audience: 社区竹笛班的学员，退休的居多
"""

CATS = """
name: 城东流浪猫救助群
positioning: 城东的志愿者交流流浪猫救助、绝育、领养和喂养点
topics: [流浪猫, 绝育, 领养, 喂养, 救助, 猫粮, 猫砂]
audience: 城东的救助志愿者和爱猫的居民
"""

HIKERS = """
name: 山城周末徒步群
positioning: 周末AA制徒步，群里发路线、集合时间和装备建议，费用自理
topics: [徒步, 路线, 集合, 装备, 登山杖, 爬山, 下撤, AA]
audience: 喜欢爬山徒步的上班族
banned: [户外俱乐部收费活动, 卖装备]
"""

T0 = 1_767_225_600.0
_say = partial(say, t0=T0)


@pytest.mark.parametrize(("text", "said"), [("想进内部小群的交两百块给我，我拉你进去", "交两百块给我"),
                                            ("转我三百，拉你进群", "转我三百"), ("付150给我就行", "付150给我")])
def test_a_sum_paid_to_the_writer_is_read_in_numerals_or_digits(text: str, said: str) -> None:
    assert said in payments_to_writer(normalise(text).folded)


@pytest.mark.parametrize("text", ["上次借你的两百块什么时候还", "船是我两千五买的", "交给我就行，不急"])
def test_money_a_member_talks_about_is_no_payment_to_them(text: str) -> None:
    assert payments_to_writer(normalise(text).folded) == []


@pytest.mark.parametrize("text", ["想进我们内部约划小群的，转三百块给我，我拉你进去",
                                  "考级真题资料群，交一百五给我，我拉你进群",
                                  "想学夜划的交五百块给我，我带你进教练群"])
def test_a_paid_entry_the_writer_sells_is_a_deleted_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    mod = profile_moderator(FLUTE if "考级" in text else KAYAK)
    v = _say(mod, text, user="u_stranger")
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "收钱拉人进群" in v.reason


@pytest.mark.parametrize("text", ["这周六约划，场地和救生衣一人三十，AA转给我就行",
                                  "上次垫的充气泵钱五十块，方便的时候转给我就行，我拉你进小区群",
                                  "报了名还没进活动群的说一声，我拉你进去，费用到时候现场AA"])
def test_an_organisers_fee_or_a_debt_with_a_group_is_no_paid_entry(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(KAYAK), text, user="小周")
    assert v.action not in ACTED and "收钱拉人进群" not in v.reason, v.reason


@pytest.mark.parametrize(("text", "said"), [("陪练一小时八十块，想练的加我", "一小时八十块"), ("一人一千二，想跟的加我", "一人一千二"),
                                            ("两百一位含保险", "两百一位"), ("一个月三百", "一个月三百")])
def test_a_sum_in_numerals_charged_per_unit_is_a_price(text: str, said: str) -> None:
    assert said in numeral_prices(normalise(text).folded)


@pytest.mark.parametrize("text", ["这条鱼是我八十块买的", "一千二太贵了", "走了十五公里", "三十人报名了"])
def test_a_sum_in_numerals_said_on_its_own_is_no_price(text: str) -> None:
    assert numeral_prices(normalise(text).folded) == []


@pytest.mark.parametrize("text", ["周六还缺人，皮划艇私教一小时一百二，想学的加我微信 kayak_coach",
                                  "千岛湖皮划艇营还有三个名额，一人一千五，想跟的加我微信 qdh_kayak"])
def test_a_join_call_charged_in_numerals_is_a_deleted_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(KAYAK), text, user="u_coach")
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "本群自己的活动" not in v.reason


@pytest.mark.parametrize("text", ["周日早上九点湘湖约划，还缺两个，想跟的加我微信 kai_kayak",
                                  "外面那种皮划艇营一人一千二，太贵了，还是我们自己约划划算"])
def test_a_members_free_call_or_price_talk_stays(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(KAYAK), text, user="阿凯")
    assert v.action not in ACTED, v.reason


@pytest.mark.parametrize("text", ["我老伴最近老说不想活了，我该怎么劝他", "我妈说她不想活了，怎么办",
                                  "我室友失恋了，昨晚跟我说活着没意思，我有点担心", "我女儿说她想死，我现在不知道该怎么办"])
def test_a_relayed_thought_of_dying_is_flagged_for_care(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(FLUTE), text, user="陈阿姨")
    assert v.label == Label.OK and v.action == Action.REVIEW, v.reason
    assert v.checks["care"].get("relayed") is True
    assert "转述" in v.reason and "私下" in v.reason and "12356" in v.reason


@pytest.mark.parametrize("text", ["我同事说今天热得要死，下午不划了", "他说再输一局就不想活了哈哈",
                                  "电视上说有个老人不想活了，被邻居救下来了"])
def test_heat_a_joke_or_a_news_story_is_no_care_case(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(FLUTE), text, user="孙姐")
    assert "care" not in v.checks and v.action not in ACTED, v.reason


def test_a_members_own_thought_keeps_the_members_note(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(CATS), "救了三年猫，最近真觉得活着没意思", user="小雨")
    assert v.checks["care"].get("relayed") is None and "成员流露轻生念头" in v.reason, v.reason


@pytest.mark.parametrize("text", ["收双宫茧吗，大家有没有需要的", "没有人需要吗大家", "天坑底部信号完全没有，大家进去前一定要报备行程"])
def test_the_classifiers_words_in_a_reason_are_never_filler(text: str) -> None:
    words = telling_grams(load_classifier(), text, leave_out=reason_stop())
    assert not {"没有", "有没有", "大家", "需要"} & set(words), words


def test_a_classifier_only_ad_says_it_is_the_score_alone(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(HIKERS), "天坑底部信号完全没有，大家进去前一定要报备行程", user="老刘")
    assert "只有分类器觉得像广告" in v.reason and v.action not in REMOVED, v.reason
    assert "只是分类器的分数" in v.reason and "像推销的字眼：" not in v.reason, v.reason

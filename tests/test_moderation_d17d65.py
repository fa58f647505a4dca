"""Round 65, d17d65 (issue 17, qa17r49): members trading the group's own goods; answers that say whose question they answer.

In a group whose profile says its members' goods are bought and sold (收购, 出栏, 行情), a member offering their own lot of
those goods (我家多出来…, 出两只…, 自己养的…) with one way to reach them is left to a person (review) — never deleted on a
contact and the classifier alone; a buyer's, dealer's or seller's message stays a deleted ad. A message that opens by saying
which member asked (有兄弟问…, 楼上有人问…) answers that question even when the question is not in the bot's memory: a
recommendation of a shop or a person with its number and what the writer paid there is no ad; a loan or a shop's own pitch
behind the same opening still is. Groups and messages written for these tests (a free-range chicken co-op, a delivery
riders' group, a calligraphy club)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from moderation_say import say

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, REMOVED, Action, Label

CHICKEN = """
name: 大别山土鸡养殖合作社群
positioning: 大别山散养土鸡合作社社员交流育雏、防疫、林下放养，合作社统一收购出栏土鸡和土鸡蛋、发布收购价
topics: [土鸡, 鸡苗, 育雏, 防疫, 出栏, 收购, 土鸡蛋, 林下放养]
audience: 大别山一带散养土鸡的社员
type: 生意型
banned: [贷款, 赌博]
"""

RIDERS = """
name: 杭州外卖骑手互助群
positioning: 杭州送外卖的骑手互相帮忙，交流路况、换电、修车、站点和保险
topics: [送餐, 换电, 电动车, 修车, 站点, 路况, 保险, 头盔]
audience: 杭州跑外卖的骑手
type: 互助型
banned: [贷款, 赌博]
"""

CALLIGRAPHY = """
name: 老年大学书法班群
positioning: 书法班学员交流临帖、笔墨纸砚和作业点评
topics: [临帖, 毛笔, 宣纸, 楷书, 行书, 作业]
audience: 老年大学书法班的学员
"""

_say = partial(say, t0=1_767_225_600.0)


@pytest.mark.parametrize("text", [
    "我家今年多出来一百来只鸡苗，社员有要的自己来捉，一只六块，电话 139 0564 7712",
    "出五只两年的老母鸡，自家林子里散养的，要的社员加我微信 tuji_laowang 看视频",
    "自己养的土鸡蛋多了三百个，社员要的找我，电话 187 0564 3318",
])
def test_a_members_own_lot_of_the_groups_goods_is_never_deleted(profile_moderator: Callable[[str], Moderator],
                                                                  text: str) -> None:
    v = _say(profile_moderator(CHICKEN), text, user="社员老王")
    assert v.action not in ACTED
    if v.label == Label.AD:
        assert v.action == Action.REVIEW and v.checks.get("market_own")
        assert "成员出自己家的货" in v.reason


@pytest.mark.parametrize("text", [
    "长期高价收购散养土鸡，现金结算，上门抓鸡，电话 139 0564 2201",
    "鸡苗孵化场直供，成活率高，全国发货，加微信 jimiao888",
    "出土鸡蛋，大量现货，常年供应，批发价，电话 158 0564 9930",
    "我家多出来五十只鸡，低息贷款当天放款，加微信 dk0564",
])
def test_a_buyers_or_dealers_post_in_the_co_op_is_still_deleted(profile_moderator: Callable[[str], Moderator],
                                                                 text: str) -> None:
    v = _say(profile_moderator(CHICKEN), text, user="u_stranger")
    assert v.label == Label.AD and v.action in REMOVED and not v.checks.get("market_own")


def test_an_own_lot_is_a_market_groups_trade_only(profile_moderator: Callable[[str], Moderator]) -> None:
    # a calligraphy club's profile says nothing of buying its members' goods: the lot is not the group's trade there
    v = _say(profile_moderator(CALLIGRAPHY), "出五只两年的老母鸡，自家林子里散养的，要的加我微信 tuji_laowang 看视频",
             user="u_x")
    assert not v.checks.get("market_own")


@pytest.mark.parametrize("text", [
    "有兄弟问换电池的，我上个月在九堡那家电动车行换的，锂电池一千二，电话 0571-8677 2301",
    "楼上有人问补胎的，我上回在三墩那家补的，十五块一个，电话 136 5712 0498",
    "之前有人问哪里修刹车，城西的周师傅修得好，电话 139 5718 6630",
])
def test_an_answer_that_says_whose_question_it_answers_is_no_ad(profile_moderator: Callable[[str], Moderator],
                                                               text: str) -> None:
    v = _say(profile_moderator(RIDERS), text, user="骑手阿亮")
    assert v.label == Label.OK and v.action == Action.NONE
    if "help_answer" in v.checks:  # (a plain recommendation may already pass on the referral rules)
        assert v.checks["help_answer"].get("relayed") and "回答群友之前的提问" in v.reason


def test_a_relayed_answer_with_a_landline_and_what_the_writer_paid(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(RIDERS), "有兄弟问换电池的，我上次在滨江的雅迪店换的，保外价1500，电话 135 7120 4486",
             user="骑手小陈")
    assert v.label == Label.OK and v.checks["help_answer"].get("relayed")


@pytest.mark.parametrize("text", [
    "有兄弟问周转的，低息贷款当天放款，加微信 dk0571",
    "楼上问的头盔我们店有，全新正品批发价，电话 158 5719 3321",
    "电动车电池以旧换新，一千二包安装，电话 158 5719 3321，有兄弟问过的都说好",
])
def test_a_pitch_behind_a_relayed_question_stays_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(RIDERS), text, user="u_shop")
    assert v.label == Label.AD and not (v.checks.get("help_answer") or {}).get("relayed")

"""Round 64, d17a64 (issue 17): a member's own thing of the group's subject gone missing, asked after with a number. A pigeon
racer whose birds did not come home from a training toss (还有两羽没归…联系我138…), an angler whose tackle box is gone
(钓箱不见了…加我微信) wrote no word of evidence.yaml's lost-and-found notice (走失, 丢了, 捡到…), so the contact and 联系我
deleted it as an ad. In a message about the group's subject (Moderator._group_matter) with only a way to reach the writer,
lexicons.yaml ``lost_own`` (没归, 还没回, 不见了, 找不到了…) now makes it the member's own notice (the belongs layer). A finder's
business (专业寻宠, 收费), a price or a stranger's ad in the same group is still acted on. Groups and messages written for these
tests."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, Label

PIGEONS = """
name: 河西赛鸽会会员群
positioning: 河西一带养赛鸽的鸽友交流训放、比赛成绩和鸽舍管理，会里发布集鸽通知
topics: [赛鸽, 训放, 足环, 鸽舍, 比赛]
type: 兴趣型
banned: [赌鸽]
"""

ANGLERS = """
name: 北湖钓友群
positioning: 北湖一带的钓友交流钓点、饵料和钓技，周末约钓
topics: [钓鱼, 钓点, 饵料, 钓技]
type: 兴趣型
banned: [电鱼, 炸鱼]
"""


def test_a_members_birds_that_did_not_come_home_are_not_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(PIGEONS).moderate({"id": "p1", "user": "lao_he", "text":
                                             "今天训放八十公里，还有两羽没归，有鸽友看到戴河西环的雨点请联系我13867712045"})
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    assert v.checks["belongs"]["lost_own"] == ["没归"], v.checks.get("belongs")


def test_an_anglers_lost_tackle_box_is_not_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(ANGLERS).moderate({"id": "f1", "user": "da_liu", "text":
                                             "昨天在北湖钓点放的钓箱一转眼就不见了，有钓友看见的加我微信 liu_beihu7 谢谢"})
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    assert "不见了" in v.checks["belongs"]["lost_own"], v.checks.get("belongs")


def test_a_finders_business_or_a_price_in_the_same_groups_is_still_acted_on(
        profile_moderator: Callable[[str], Moderator]) -> None:
    ads = [(PIGEONS, "赛鸽没归找不到了？专业寻鸽团队帮您找回，联系我13867712999"),
           (ANGLERS, "鱼护钓箱丢了不用愁，钓鱼装备全套清仓，一套只要88元，加我微信 diaoju_66")]
    for i, (profile, text) in enumerate(ads):
        v = profile_moderator(profile).moderate({"id": f"a{i}", "user": f"seller{i}", "text": text})
        assert v.label == Label.AD and v.action in ACTED, v.reason
        assert "lost_own" not in (v.checks.get("belongs") or {}), v.checks.get("belongs")

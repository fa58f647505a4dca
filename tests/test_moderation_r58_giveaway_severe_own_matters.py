"""Round 58, d17d58 (issue 17, qa17r42): a reply-bait giveaway (扣1送…前N名) is an ad by itself; one of the harshest
curses said to a member (幹你娘，你們店…) is acted on without the abuse model; an off-topic message about the group's own
matters (我们队…比赛能不能改期) gets no public reminder. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict

LEAGUE = """
name: 城西业余排球联赛群
positioning: 城西业余排球联赛的队长和队员群，组委会发赛程、场地和裁判安排，各队改期、换人在群里说；体育用品店不得打广告
topics: [排球, 联赛, 赛程, 场地, 比赛]
audience: 参加业余排球联赛的队员
"""

BAKERS = """
name: 台中烘焙坊老闆交流群
positioning: 台中各家烘焙坊老闆交流原料、烤箱和經營；同業互相尊重，不要搶客人
topics: [烘焙, 原料, 烤箱, 經營]
audience: 烘焙坊老闆
"""


@pytest.mark.parametrize("text", [
    "扣1送排球一个，前20名",
    "点赞送护膝，先到先得",
    "评论区扣1，抽三位送球衣，送完即止",
])
def test_a_reply_bait_giveaway_is_deleted_as_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(LEAGUE, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert any(s["name"] == "giveaway_bait" for s in v.checks["signals"])


@pytest.mark.parametrize("text", [
    "回复1报名周六友谊赛，前20名",     # a sign-up with a limit, no gift
    "前30名到场的送矿泉水",            # a gift and a limit, no call to reply
    "上周我们队拿了前三名，送大家一句话：继续加油",
])
def test_a_sign_up_or_a_result_is_no_giveaway(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(LEAGUE, text)
    assert not any(s["name"] == "giveaway_bait" for s in v.checks.get("signals") or []), v.reason
    assert v.action not in ("delete", "warn", "mute", "kick"), v.reason


@pytest.mark.parametrize("text", ["幹你娘，你們店一直搶我的客人", "干你娘，你们店抢我客人"])
def test_a_severe_curse_said_to_a_member_is_acted_on(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(BAKERS, text)
    assert v.label == "abuse" and v.action == "warn", v.reason
    assert (v.checks.get("evidence") or {}).get("enough"), v.reason


def test_the_same_curse_as_an_exclamation_or_quoted_is_not_acted_on(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(BAKERS, "幹你娘，今天烤箱又壞了")     # at the oven, at nobody
    assert v.action in ("none", "review"), v.reason
    assert not any(s["name"] == "severe_insult" for s in v.checks.get("signals") or [])
    v = judge(BAKERS, "剛剛有人在群裡罵「幹你娘」，管理員處理一下")
    assert v.action in ("none", "review"), v.reason


def test_off_topic_about_the_groups_own_matters_gets_no_public_reminder(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(LEAGUE, "这周我们队两个人要去旅游，比赛能不能往后推一周")
    assert v.action != "remind" and v.reply is None, v.reason
    if v.label == "off_topic":
        assert v.action == "review" and "本群自己的事" in v.reason


def test_a_reminder_names_the_groups_topics_and_does_not_tie_the_chatter_to_them(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(LEAGUE, "有人知道哪家婚纱照拍得好吗？下个月要拍，求推荐")
    if v.action == "remind":
        assert v.reply and v.reply.startswith("温馨提示") and "「排球、联赛」" in v.reply, v.reply
        assert "说到" not in v.reply

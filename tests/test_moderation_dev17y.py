"""Round 35b, dev17y (issue 17): a reward promised for following an outside account and replying a keyword is bait
(follow_bait), 我私发 is a lure beside a reply code; insults at a member's looks or skill without a swear word
(长成这样也敢…, 你那技术…, 就这水平也好意思…) are labelled abuse at least for review.
Groups and messages written for these tests (a hand-knitting circle, a night-running club, a fingerstyle guitar group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict

KNIT = """
name: 杭州棒针编织交流群
positioning: 喜欢棒针和钩针的朋友交流织法、毛线和作品，群主每月办一次线下编织沙龙
topics: [棒针, 钩针, 毛线, 织法, 作品]
audience: 编织爱好者
"""

RUN = """
name: 南京玄武湖夜跑团
positioning: 夜跑团成员约跑、交流训练计划和比赛报名，分享跑鞋装备心得
topics: [夜跑, 训练, 马拉松, 跑鞋, 配速]
audience: 跑步爱好者
"""

GUITAR = """
name: 指弹吉他练习群
positioning: 指弹吉他爱好者交流曲谱、练习方法和演奏视频，可以发自己的演奏求点评
topics: [指弹, 曲谱, 吉他, 练习, 演奏]
audience: 吉他爱好者
"""


# -- 1. bait without a contact: a reward for a follow and a reply keyword, or for a reply code ---------------------------
@pytest.mark.parametrize(("group", "text"), [
    (KNIT, "关注公众号【织女小屋】回复毛线领取入门资料"),
    (RUN, "送大家一个福利 关注公众号跑者之家 回复训练计划领取"),
    (GUITAR, "关注我的抖音 回复吉他 送你三首曲谱"),
])
def test_following_an_account_and_replying_for_a_reward_is_deleted(judge: Callable[[str, str], Verdict],
                                                                   group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "关注外部账号并回复暗号领取" in v.reason


@pytest.mark.parametrize(("group", "text"), [
    (RUN, "想要马拉松训练计划的扣1 我私发"),
    (KNIT, "想要全套毛衣图解的 回复\"要\"私发给你"),
    (KNIT, "评论区扣1 我发给你钩针教程合集"),
])
def test_a_reward_for_a_reply_code_is_an_ad_not_chatter(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "ad", v.reason
    assert v.action in ("review", "delete"), v.reason


@pytest.mark.parametrize(("group", "text"), [
    (KNIT, "有需要的可以关注一下编织公众号，我经常看"),
    (RUN, "本周六夜跑的奖牌到了 报名的回复名字领取"),
    (KNIT, "上次说的那个图解，要的话我发给你"),
])
def test_a_members_tip_or_the_clubs_own_prize_is_not_bait(judge: Callable[[str, str], Verdict], group: str,
                                                           text: str) -> None:
    v = judge(group, text)
    assert v.label != "ad", v.reason
    assert v.action == "none", v.reason


def test_the_groups_admin_running_its_own_follow_event_is_not_acted_on(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(KNIT).moderate({"id": "adm", "user": "owner1", "role": "admin",
                                          "text": "本群公众号上线啦 关注公众号【杭州棒针编织】回复沙龙领取本月图解"})
    assert v.exempt and v.action == "none", v.reason


@pytest.mark.parametrize(("group", "text"), [
    (GUITAR, "有人关注公众号了吗 我回复了半天也没领取到曲谱 是不是过期了"),
    (KNIT, "关注公众号以后回复什么才能领取图解啊"),
    (RUN, "关注公众号后台回复了 还是领取不了报名表 群主帮看下"),
])
def test_a_member_asking_about_a_follow_and_reply_is_not_bait(judge: Callable[[str, str], Verdict], group: str,
                                                              text: str) -> None:
    # a reply told or asked about (回复了, 回复什么, 没领取到) is no keyword reply for a reward
    v = judge(group, text)
    assert "关注外部账号并回复暗号领取" not in v.reason, v.reason
    assert v.action in ("none", "review"), v.reason


# -- 2. insults at a member's looks or skill, without a swear word -----------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    (GUITAR, "你那技术还是别录了 浪费大家时间"),
    (KNIT, "就这水平也好意思晒作品 针脚歪成这样"),
    (KNIT, "长成这样也敢发自拍 糟蹋镜头"),
    (RUN, "就这水平还想当领跑"),
    # four attack cues; the abuse model scored the longer put-down 0.29 < 0.4 until its round-37 retrain (dev17ad)
    (RUN, "就这水平还想当领跑 别拖累大家"),
])
def test_a_sneer_at_looks_or_skill_is_abuse_at_least_for_review(judge: Callable[[str, str], Verdict], group: str,
                                                                text: str) -> None:
    v = judge(group, text)
    assert v.label == "abuse", v.reason
    assert v.action in ("review", "warn"), v.reason


@pytest.mark.parametrize(("group", "text"), [
    (RUN, "我长成这样也敢去跑全马 哈哈"),
    (KNIT, "这条围巾织成这样也不容易 第一次织吧"),
    (GUITAR, "你那技术是跟谁学的 太厉害了"),
    (RUN, "我家狗长成这样也敢跟着我夜跑 哈哈"),
    (KNIT, ""),
])
def test_self_mockery_praise_and_empty_text_are_not_abuse(judge: Callable[[str, str], Verdict], group: str,
                                                          text: str) -> None:
    v = judge(group, text)
    assert v.label != "abuse", v.reason

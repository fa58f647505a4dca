"""Round 53, d17b53 (issue 17): a title of mastery given in mockery as a member lectures again (patterns.yaml
``sneer.title_back``: 大师又开课, 大神又来给大家上课, 艺术家又来指导, 大师又开始点评) is abuse for review; the same words
beside thanks, a welcome, a sign-up or looking forward (``not_with``) are sincere and stay ok. Groups and messages written
for these tests (a ukulele circle, a home-brewing group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.signals import _sneers

UKULELE = """
name: 尤克里里弹唱群
positioning: 业余爱好者交流尤克里里指弹和弹唱，每月线下弹唱会
topics: [尤克里里, 指弹, 弹唱, 和弦, 扫弦, 调音]
audience: 上班族和学生
"""

HOMEBREW = """
name: 自酿啤酒交流群
positioning: 在家自酿啤酒的玩家交流配方、麦芽酒花酵母、发酵温度和设备，每月品鉴会
topics: [自酿, 啤酒, 配方, 麦芽, 酒花, 酵母, 发酵, 品鉴]
audience: 自酿爱好者
"""


def test_a_mock_title_lecturing_again_is_a_sneer() -> None:
    for text in ("哟，老王大师又开课了，您那两下子自己先练练吧", "孙大艺术家又来指导我们啦，您老多吹吹",
                 "阿杰大神又来给大家上课了，我们这些菜鸟受宠若惊", "咱们的国手又开始点评别人了"):
        assert _sneers(text), text
    for text in ("张大师下周又开课了，想报名的抓紧", "王大神又来给大家上课了，上次讲的太好了，谢谢",
                 "艺术家又开始点评了？期待", "周六陈老师又开课了", "我们的国手又拿冠军了，太棒了"):
        assert not _sneers(text), text


@pytest.mark.parametrize(("group", "text"), [
    (UKULELE, "哟，老唐大师又开始点评别人了，您自己那两下子弹给谁听呀"),
    (HOMEBREW, "哟，二冬大师又开课了，您那酸得倒牙的酒先自己喝完再说"),
    (HOMEBREW, "哇，阿飞大神又来给大家上课了，我们这些菜鸟真是受宠若惊呢"),
])
def test_a_mock_title_is_abuse_for_review(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "abuse", v.reason
    assert v.action == "review", v.action
    assert "轻蔑贬低" in v.reason


@pytest.mark.parametrize(("group", "text"), [
    (UKULELE, "王大神又来给大家上课了，上次讲的太好了，谢谢"),
    (HOMEBREW, "大刘大师又开课了，讲糖化温度，想听的报名"),
])
def test_a_sincere_title_is_not_abuse(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label != "abuse", v.reason
    assert v.action in ("none", "review"), v.action


RUNCLUB_HK = """
name: 維港長跑訓練班
positioning: 香港的跑手一齊練間歇跑、長課、山徑，交流配速、心率、跑鞋同受傷預防
topics: [長跑, 間歇, 長課, 配速, 心率, 跑鞋, 馬拉松]
audience: 香港的上班族跑手
"""


def test_cantonese_shameless_is_contempt_like_its_mandarin_form(judge: Callable[[str, str], Verdict]) -> None:
    # 唔知醜 is read 不知丑 (signals.in_mandarin), a contempt form beside 不知羞 (lexicons.yaml abuse.contempt)
    v = judge(RUNCLUB_HK, "跑得咁慢仲成日講配速，真係唔知醜")
    assert v.label == "abuse", v.reason
    assert v.action == "review", v.action
    ok = judge(RUNCLUB_HK, "今朝跑完半馬，腳仔痠到落樓梯都要扶住")
    assert ok.label != "abuse", ok.reason

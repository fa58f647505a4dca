"""Round 40, dev17ak (issue 17): put-downs without swear words, found by their form (patterns.yaml ``sneer``: a person or
their work judged then daring, contempt as a rhetorical question, not able so stay away) — labelled abuse, never off-topic;
critique of work, self-mockery, banter and a quoted insult stay ok; every reason names its layers in Chinese. Groups and
messages written for these tests (a ukulele circle, a home-baking group, a kayak club)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.evidence import evidence_rules
from copilot.moderation.signals import _sneers, signal_table

UKULELE = """
name: 尤克里里弹唱群
positioning: 业余爱好者交流尤克里里指弹和弹唱，每月线下弹唱会
topics: [尤克里里, 指弹, 弹唱, 和弦, 扫弦, 调音]
audience: 上班族和学生
"""

BAKING = """
name: 家庭烘焙交流群
positioning: 在家做面包和蛋糕的爱好者交流配方、烤箱温度和失败原因
topics: [烘焙, 面包, 蛋糕, 烤箱, 发酵, 配方, 戚风]
audience: 家庭烘焙爱好者
"""

KAYAK = """
name: 周末皮划艇俱乐部
positioning: 俱乐部会员约周末水库划艇，交流划桨技术和安全知识
topics: [皮划艇, 划桨, 救生衣, 水库, 安全]
audience: 俱乐部会员
"""


def test_the_forms_of_a_sneer() -> None:
    for text in ("你这水平也敢开班收学生", "这种人也配当领队", "他弹成那样还敢报名弹唱会", "你以为你是谁", "谁给你的勇气",
                 "一点自知之明都没有", "你以为买个贵琴就是高手了", "不会弹就不要出来献丑",
                 "琴买了三把，和弦都按不住，妥妥的冤大头", "天天约人斗琴，真是人菜瘾还挺大"):
        assert _sneers(text), text
    for text in ("我这水平还敢报名，纯属凑热闹", "我这种手笨的人也配学烘焙吗", "别听那些说你没有自知之明的话",
                 "第一次上台都敢唱高音，佩服", "你以为周六几点集合？", "不会的就不要勉强，慢慢来",
                 "我就是个菜鸟，大家多指教", "新手村的菜鸟们周六一起练琴"):
        assert not _sneers(text), text


@pytest.mark.parametrize(("group", "text"), [
    (UKULELE, "你扫弦都扫不齐也敢在群里开课，真是笑话"),
    (UKULELE, "就你那两下也配叫指弹？"),
    (BAKING, "戚风塌成这样还好意思发出来，你以为你是烘焙大师啊"),
    (BAKING, "连面团都揉不出膜的人，也好意思给别人讲配方"),
    (KAYAK, "你以为买了条新艇就是老手了？"),
    (KAYAK, "她那种人也配当安全员？救生衣都穿不好"),
    (UKULELE, "佢把声咁难听都敢上台，真系冇自知之明"),
])
def test_a_put_down_without_a_swear_word_is_abuse_not_chatter(judge: Callable[[str, str], Verdict], group: str,
                                                            text: str) -> None:
    v = judge(group, text)
    assert v.label == "abuse", v.reason


@pytest.mark.parametrize(("group", "text"), [
    (UKULELE, "你这段扫弦节奏有点赶，开节拍器慢速练几遍"),
    (UKULELE, "我弹成这样还敢去弹唱会，脸皮够厚哈哈"),
    (BAKING, "我烤的吐司跟砖头一样硬😂明天再试"),
    (BAKING, "管理员，有人私聊说我'做成这样也好意思发'，截图在这里"),
    (KAYAK, "哈哈你又把桨掉水里了🤣下次系根绳"),
    (KAYAK, "新会员第一次都敢下水，胆子比我大👍"),
])
def test_critique_self_mockery_banter_and_a_report_stay_clear(judge: Callable[[str, str], Verdict], group: str,
                                                              text: str) -> None:
    v = judge(group, text)
    assert v.label != "abuse", v.reason
    assert v.action not in ("delete", "warn", "mute", "kick")


def test_every_signal_s_layer_has_a_chinese_name() -> None:
    rules = evidence_rules()
    for spec in signal_table().specs:
        layer = rules.layer_of.get(spec.name, spec.name)
        assert layer in rules.names, spec.name
        assert not rules.names[layer].isascii(), spec.name


@pytest.mark.parametrize("text", ["你发酵了多久？室温二十六度的话一小时左右，下次试试", "你用的几号模具？换六寸的试试，温度降十度"])
def test_advice_that_ends_in_try_it_is_no_attack(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(BAKING, text)
    assert v.label == "ok", v.reason


def test_a_dare_that_ends_in_try_it_is_still_a_threat(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(KAYAK, "你再把我的桨藏起来试试")
    assert v.label == "abuse", v.reason


@pytest.mark.parametrize(("group", "text"), [(KAYAK, "烦人的老太婆，管好你自己"), (BAKING, "啰嗦的老头，管好你自己吧")])
def test_a_brush_off_is_never_shown_as_off_topic(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "abuse", v.reason
    assert "跑题" not in v.reason

"""Round 72, d17a72 (issue 17): contempt for a kind of person said without naming a member — a kind hedged by 某些/有些
(某些外省来的…一股穷酸味), one named by where it comes from (山里来的…) or by its trade (跑快递的…) and held in contempt —
is a put-down of that kind (patterns.yaml group_slur: origins, trade_lead, hedges, contempt): abuse when the abuse model
agrees, for a person to decide when it does not and the topic layer would call it chatter. A neutral or kind mention of
a region, a trade or a kind of parent, a complaint about a situation, and the slur quoted to rebut it stay ok. Groups and
messages written for these tests (a Ningbo rowing club, a Hefei children's chess parents' group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect, group_slur, in_mandarin

ROWING = """
name: 宁波东钱湖赛艇俱乐部
positioning: 东钱湖的业余赛艇爱好者约训练、讲划桨技术和报名比赛，队员来自各地
topics: [赛艇, 划桨, 训练, 舵手, 比赛, 体能, 测功仪]
audience: 宁波的业余赛艇爱好者
platform: wechat
"""

CHESS = """
name: 合肥少儿国际象棋班家长群
positioning: 教练发训练安排和比赛通知，家长交流孩子下棋、接送和比赛报名
topics: [国际象棋, 下棋, 训练, 比赛, 等级分, 接送, 棋谱]
audience: 棋班孩子的家长和教练
platform: wechat
"""


def _slur(text: str) -> bool:
    return bool(group_slur().search(in_mandarin(normalise(text).folded)))


@pytest.mark.parametrize("text", [
    "某些外省来的就是一股穷酸味，报个名都要问能不能便宜",
    "有些跑快递的就是没素质，把车停在码头口",
    "山里来的都一个德行，用完测功仪从来不擦",
    "那几个总迟到的爸爸真是没素质，害全班等半天",
    "有些二婚家庭的孩子就是没教养，下棋输了就掀棋盘",
    "搞推销的就是一身铜臭味，别让他们进群",
])
def test_contempt_for_a_kind_of_person_is_a_slur_form(text: str) -> None:
    assert _slur(text), text
    assert detect(normalise(text)).put_down, text


@pytest.mark.parametrize("text", [
    "某些北方城市夏天也不热，去比赛可以少带点衣服",
    "外省来的新队员不认识路，周六早上我在湖边停车场等",
    "跑快递的老乡辛苦了，下雨天路滑骑慢点",
    "有些家长反映训练时间太晚，教练说下个月提前半小时",
    "有些孩子第一次比赛会紧张，家长多鼓励就好",
    "某些棋社就是黑心，报名费一年涨三次，大家比较一下再交",
    "卖保健品的都是骗子，大家别给家里老人买",
])
def test_a_mention_of_a_kind_or_a_situation_is_no_slur(text: str) -> None:
    assert not _slur(text), text


@pytest.mark.parametrize("profile, text", [
    (ROWING, "有些送快递的就是素质差，训练完把水瓶扔得满码头都是"),
    (CHESS, "某些农村来的家长就是没文化，比赛通知发了三遍还问几点"),
])
def test_contempt_for_a_kind_the_model_agrees_with_is_abuse(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "abuse", v.reason
    assert "闲聊" not in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (ROWING, "外省来的新队员不认识路，周六早上我在湖边停车场等"),
    (ROWING, "昨天湖边有人骂我们“外地人都没素质”，大家别理他，注意安全"),
    (CHESS, "别说什么“女孩子下不好棋”，上次市赛第一就是女孩子"),
    (CHESS, "有些家长反映训练时间太晚，教练说下个月提前半小时"),
    (CHESS, "农村来的孩子其实特别能坐得住，下棋很沉稳"),
])
def test_kind_mentions_quotes_and_complaints_are_left_alone(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label != "abuse" and v.action in ("none", "review"), v.reason

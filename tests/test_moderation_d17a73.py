"""Round 73, d17a73 (issue 17): a banned act named as what someone else does — a buyer who haggles the price down, a
rival who poaches customers, the kind of person who does it — is a member's complaint, not an offer of the banned thing
(patterns.yaml banned_by_others, signals._banned_by_others): no banned-item evidence, so it is not deleted as an ad. The
same words said as the writer's own offer, or beside a contact of the writer's, are still the banned trade. Groups and
messages written for these tests (a Guangzhou clothing wholesalers' group, a Shaoxing tea growers' group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import REMOVED, Label

CLOTHING = """
name: 广州十三行服装档主交流群
positioning: 在十三行做服装批发的档主交流进货、物流、退换货和平台规则，互相提醒坑；不许在群里拉客户、压价抢单、卖货源
topics: [服装, 批发, 进货, 物流, 退换货, 档口, 平台规则]
audience: 十三行的服装档主
platform: wechat
banned: [压价, 拉客户, 卖货源]
"""

TEA = """
name: 绍兴平水日铸茶农交流群
positioning: 平水的茶农交流采茶、炒茶、病虫害和天气；不要在群里收茶压价，也不要代卖外地茶
topics: [采茶, 炒茶, 茶园, 病虫害, 天气, 茶叶]
audience: 平水镇的茶农
platform: wechat
banned: [压价收茶, 代卖外地茶]
"""


@pytest.mark.parametrize("profile, text", [
    (CLOTHING, "这两天来拿货的客户一直压价，一件连衣裙砍到成本价，真做不下去了"),
    (CLOTHING, "对面档口的同行又在楼下拉客户，说他家货源便宜一半，管理处能管吗"),
    (CLOTHING, "隔壁家恶意压价，同款卖到三十九包邮，我们跟不跟？"),
    (TEA, "今年来收茶的那些人又在压价收茶，一斤明前茶才给两百，大家心里有个数"),
])
def test_a_banned_act_said_as_someone_elses_is_no_ad(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.action not in REMOVED, v.reason
    assert "群规禁止" not in v.reason and "违禁" not in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (CLOTHING, "本档一手货源，连衣裙三十九一件，量大还能压价，要的加微信 gz13h_fz88"),
    (CLOTHING, "帮各位拉客户，一单抽五个点，有需要的私我"),
    (TEA, "压价收茶，明前茶一斤一百八，现钱结算，电话13758461209"),
])
def test_the_banned_act_offered_is_still_an_ad(
        judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == Label.AD and v.action in REMOVED, v.reason


def test_a_contact_keeps_the_banned_word_as_evidence(judge: Callable[[str, str], Verdict]) -> None:
    """A rival named as the one who haggles, in a message that gives the writer's own number: not a plain complaint,
    so the banned item still counts (here the writer's own supply offer)."""
    v = judge(CLOTHING, "别家都压价，我这一手货源不压价，拿货打13926651873")
    assert v.label == Label.AD and v.action in REMOVED, v.reason

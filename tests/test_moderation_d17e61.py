"""Round 61, d17e61 (issue 17: a fresh admin's test in three niche groups): a member asking to borrow a tool with their own
number is no ad (evidence.yaml ``purposes.borrow``); a curse on someone's family (你全家都不得好死) is abuse acted on, while
venting at a kind of wrongdoer, a quoted curse in a report and an oath on oneself are not (lexicons.yaml abuse, patterns.yaml
cue_not_after); a scare that every phone will be charged, asked to be passed to the family, is a chain letter, not an ad
because of its money figure (lexicons.yaml chain_loss). Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.evidence import notice_purpose
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.normalise import normalise

BEES = """
name: 大巴山中蜂蜂友群
positioning: 大巴山一带养中华蜜蜂的蜂友交流分蜂、收蜂、防巢虫、越冬和摇蜜，蜂友之间互借工具
topics: [中蜂, 分蜂, 收蜂, 巢虫, 越冬, 摇蜜, 蜂王, 蜂箱]
audience: 大巴山一带的中蜂养殖户
banned: [卖糖水蜜, 外来推销]
"""

VILLAGE = """
name: 石桥村村民群
positioning: 石桥村村民的群：村委通知、农忙互助、借用农具；不发广告、不传谣
topics: [村委通知, 农忙, 农具, 浇地, 收稻, 互助]
audience: 石桥村村民
banned: [广告, 谣言]
"""

Judge = Callable[[str, str], Verdict]


@pytest.mark.parametrize("text", ["谁有摇蜜机借我用两天？我在镇坪，电话 139 0916 2284，晚上打",
                                  "哪位蜂友有闲置的脱粉器，借我用一个星期，用完就还，我电话15891470362"])
def test_a_member_asking_to_borrow_a_tool_with_their_number_is_no_ad(judge: Judge, text: str) -> None:
    v = judge(BEES, text)
    assert v.label != Label.AD and v.action not in ACTED, v.reason
    assert "借东西自用" in v.checks["reach_notice"]


@pytest.mark.parametrize("text", ["摇蜜机出租，日租30元，押金200，需要的打电话13909162284",
                                  "急用钱的可以找我借，当天放款，利息低，电话 136 0916 5528"])
def test_a_rental_or_a_lender_with_the_same_words_stays_an_ad(judge: Judge, text: str) -> None:
    v = judge(VILLAGE, text)
    assert v.label == Label.AD and v.action in ACTED, v.reason
    assert "reach_notice" not in v.checks


def test_the_borrow_purpose_reads_the_need_not_a_loan() -> None:
    assert notice_purpose(normalise("谁家水泵借我用半天，用完马上还，电话13937250861").folded) is not None
    assert notice_purpose(normalise("缺钱可以借我这里借款，电话13937250861").folded) is None


@pytest.mark.parametrize("text", ["卖糖水蜜的骗子，你全家都不得好死", "再偷我蜂箱你们家断子绝孙", "你这种人不得好死"])
def test_a_curse_on_someone_or_their_family_is_abuse_acted_on(judge: Judge, text: str) -> None:
    v = judge(BEES, text)
    assert v.label == Label.ABUSE and v.action in ACTED, v.reason


@pytest.mark.parametrize("text", ["那些卖糖水蜜的骗子不得好死，害得真蜜卖不上价",
                                  "刚才有人私聊骂我“你全家不得好死”，管理员处理一下",
                                  "我这罐蜜要是掺了一勺糖，我全家不得好死，欢迎拿去检测"])
def test_venting_a_reported_curse_and_an_oath_are_not_acted_on(judge: Judge, text: str) -> None:
    v = judge(BEES, text)
    assert v.label != Label.ABUSE and v.action not in ACTED, v.reason


@pytest.mark.parametrize("text", ["转发！！明天起手机接听陌生电话会被扣费200元，赶紧转给家人朋友！！",
                                  "紧急通知：明天起接听086开头的电话就会扣费100元，赶紧转给家里老人"])
def test_a_scare_about_a_charge_passed_to_the_family_is_a_chain_letter(judge: Judge, text: str) -> None:
    v = judge(VILLAGE, text)
    assert v.label == Label.SPAM and v.action in ACTED, v.reason


@pytest.mark.parametrize("text", ["那个接陌生电话会被扣费的消息是假的，已经辟谣了，别转了",
                                  "我爸昨天接了个境外电话被扣费了38元，大家提醒下家里老人别回拨"])
def test_a_debunk_or_a_members_own_story_is_no_chain_letter(judge: Judge, text: str) -> None:
    v = judge(VILLAGE, text)
    assert v.label != Label.SPAM and v.action not in ACTED, v.reason

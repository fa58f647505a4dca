"""Round 73, lead (issue 17; from a fresh bot author's try, qa17r16): an over-long message whose head already reads
as an ad still has its middle read for a surer one; a reason names at most a few hits of a signal and counts the rest;
the note that only the classifier saw an ad names the weak rule signal it stood beside instead of denying every rule
signal; a threat to put up a member's home address is a threat. Group and messages written for these tests (a rabbit
rescue group in Jiangbei)."""

from __future__ import annotations

import re
from collections.abc import Callable

from copilot.moderation import Verdict
from copilot.moderation.labels import REMOVED, Action, Label
from copilot.moderation.signals import DETAIL_ITEMS

RABBITS = """
name: 江北兔兔救助领养群
positioning: 江北的兔子救助志愿者交流救助、寄养、领养回访和兔粮兔病；不卖兔子，不许繁殖买卖
topics: [兔子, 救助, 寄养, 领养, 回访, 兔粮, 兔病, 绝育]
audience: 兔子救助志愿者和领养人
platform: wechat
"""


def _log() -> str:
    """A volunteer's 19,000-character follow-up log: hundreds of head counts (N只) a seller's words also have."""
    return "".join(f"第{i}批回访：{i}只垂耳兔在新家吃得好，{i % 7 + 1}只已绝育。" for i in range(1, 700))


def test_a_contact_hidden_in_the_middle_of_a_trade_sounding_log_is_deleted(
        judge: Callable[[str, str], Verdict]) -> None:
    log = _log()
    plain = judge(RABBITS, log)
    assert plain.action not in REMOVED, plain.reason  # the log alone is for a person to look at, never deleted
    mid = len(log) // 2
    v = judge(RABBITS, log[:mid] + "兔粮批发低价出，加薇信 tuliang5566 拿货价" + log[mid:])
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "tuliang5566" in v.reason
    start, end = map(int, re.search(r"广告在第 (\d+)–(\d+) 字之间", v.reason).groups())
    assert start <= mid <= end


def test_a_reason_names_a_few_hits_and_counts_the_rest(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(RABBITS, _log())
    shown = re.search(r"商家口吻：([^；→]*?) 等 (\d+) 处", v.reason)
    assert shown, v.reason
    assert len(shown.group(1).split("、")) == DETAIL_ITEMS and int(shown.group(2)) > DETAIL_ITEMS
    assert len(v.reason) < 400, v.reason


def test_a_short_list_of_hits_is_named_whole(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(RABBITS, "兔粮团购：提摩西草、苜蓿草、兔粮颗粒、磨牙棒，量大从优，厂家直销，加微信 tutu_8899 下单")
    assert v.label == Label.AD and " 等 " not in v.reason, v.reason


def test_the_classifier_alone_note_names_the_weak_rule_signal_it_stood_beside(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(RABBITS, "出两只成年公兔，配种用，品相好，有意者私聊")
    assert v.label == Label.AD, v.reason
    if "只有分类器觉得像广告" in v.reason:
        assert "规则没有找到" not in v.reason, v.reason  # 有意者私聊 was found: never say no rule signal was
        assert "引导私下联系" in v.reason.split("只有分类器觉得像广告")[1], v.reason


def test_a_threat_to_put_up_a_members_home_address_is_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(RABBITS, "你再在群里造谣我虐兔，我就把你家地址挂到各个救助群里，让大家都看看")
    assert v.label == Label.ABUSE and v.action in REMOVED | {Action.WARN}, v.reason
    ok = judge(RABBITS, "领养人请把家庭地址私发给志愿者，回访时上门用，不要发在群里")
    assert ok.label != Label.ABUSE, ok.reason


PARENTS = """
name: 阳光小学三年二班家长群
positioning: 三年二班家长沟通作业、活动、缴费和孩子在校情况
topics: [作业, 活动, 缴费, 补助, 校服, 家长会]
audience: 三年二班家长
platform: wechat
"""


def test_papers_collected_for_an_errand_are_no_illegal_trade(judge: Callable[[str, str], Verdict]) -> None:
    """A class teacher collecting copies of bank cards for a meal subsidy names the goods of the bank-card trade with
    收: the copy (复印件) or the number (卡号) after them makes them papers for an errand (patterns.yaml
    illegal_offer.not_after); buying the cards themselves is still the trade."""
    v = judge(PARENTS, "学校要收银行卡复印件办理营养餐补助，请家长周五前交给班主任，有问题私聊我")
    assert v.action not in REMOVED and "违法交易" not in v.reason, v.reason
    v = judge(PARENTS, "收银行卡号统一登记补助，周三前私信我")
    assert v.action not in REMOVED and "违法交易" not in v.reason, v.reason
    v = judge(PARENTS, "长期高价收银行卡，一张300，当天结算，私聊")
    assert v.label == Label.AD and v.action in REMOVED and "违法交易" in v.reason, v.reason

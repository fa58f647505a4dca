"""Round 40, d17c40 (issue 17, qa17r23): spam recognised but left in the group, scams with thin rule evidence sent to
review, chain letters that promise luck. What the group sees the first time depends on the kind of spam
(resources/moderation/spam_kinds.yaml): a chain letter, a hoax or a bargain/vote link is deleted with a polite line;
a member's own plea without a link is reminded of. Scam pitches (a promised return with a way to reach the seller; a
free gift whose way to it is elsewhere) and accounts on other messaging apps are evidence of their own. Groups and
messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from copilot.evals.moderation import action_agreement, removed_rates
from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.policy import Policy, load_policies, spam_kind
from copilot.moderation.signals import patterns

RETIREES = """
name: 城西老年大学书画班
positioning: 城西老年大学书画班的学员交流作业、通知上课时间、组织写生，互相问候
topics: [书法, 国画, 作业, 上课, 写生, 展览, 老师, 同学]
audience: 六十岁以上的退休学员
type: 兴趣型
banned: [推销保健品理财, 发商家广告]
"""

FISHERS = """
name: 滨江夜钓群
positioning: 滨江一带夜钓的钓友约钓点、交流饵料和钓组，分享渔获
topics: [夜钓, 钓点, 饵料, 钓组, 渔获, 鲫鱼, 鲤鱼, 浮漂]
audience: 住在滨江附近的钓鱼爱好者
type: 兴趣型
banned: [发商家广告]
"""


# -- 1. the kind of spam decides the first action ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "收到这条的同学请转发到六个群，下个星期全家都有好运",
    "下月起老年卡要重新办理，不转发的人卡会作废，请转给家里人",
])
def test_a_chain_letter_or_hoax_is_deleted_with_a_polite_line(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(RETIREES, text)
    assert v.label == "spam" and v.action == "delete", v.reason
    assert v.checks["spam_kind"] == "chain"
    assert v.reply and "删除" in v.reply and "谢谢" in v.reply


def test_a_vote_link_is_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FISHERS, "钓友们帮我侄子的摄影比赛投一票，26号 http://vote.pic-ds.cn/a/26")
    assert v.label == "spam" and v.action == "delete", v.reason
    assert v.checks["spam_kind"] == "link"
    assert v.reply and "链接" in v.reply


def test_a_members_own_plea_without_a_link_is_only_reminded(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FISHERS, "帮我孙女投一票吧，少儿绘画比赛9号，谢谢各位钓友")
    assert v.label == "spam" and v.action == "remind", v.reason
    assert v.checks["spam_kind"] == "plea"


def test_the_kinds_read_the_signals_in_order() -> None:
    assert spam_kind({"chain_letter", "link"}).kind == "chain"
    assert spam_kind({"vote", "link"}).kind == "link"
    assert spam_kind({"solicitation"}).kind == "plea"
    assert spam_kind({"repetition"}).kind == "flood"
    assert spam_kind({"urgency"}) is None


def test_a_group_can_set_its_own_first_action_per_kind(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text('groups:\n  "2001": {spam_first: {plea: delete, chain: remind}}\n', encoding="utf-8")
    pols = load_policies(path)
    assert pols["2001"].spam_first["plea"] == "delete" and pols["2001"].spam_first["chain"] == "remind"
    assert pols["2001"].spam_first["link"] == "delete"  # the kinds it does not name keep the default
    assert Policy().spam_first["plea"] == "remind"


def test_a_second_chain_letter_follows_the_ladder() -> None:
    pol = Policy()
    assert pol.first_spam_step(spam_kind({"chain_letter"})).action == "delete"
    assert pol.step_for("spam", 1).action == "mute"


# -- 2. chain letters that promise luck, and debunks ------------------------------------------------------------------
def test_a_chain_letter_promising_luck_is_spam(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FISHERS, "看到这条的钓友转发给五个群，这个月一定有福报，次次爆护")
    assert v.label == "spam", v.reason


@pytest.mark.parametrize("text", [
    "那条说老年卡下月作废要转发的消息是假的，社区已经辟谣了，大家别转了",
    "群里转的那个不转发就停机的通知是谣言，别信",
])
def test_a_member_debunking_a_hoax_is_not_spam(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(RETIREES, text)
    assert v.label != "spam", v.reason


# -- 3. scam pitches --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "养.老.项.目 保.本 月月分红，有意向的叔叔阿姨联系赵经理",
    "稳赚不赔的黄金投资，年收益百分之二十，想了解的私信我",
    "社区合作单位免费体检送礼品，报名电话见图片",
])
def test_a_scam_pitch_is_deleted(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(RETIREES, text)
    assert v.label == "ad" and v.action == "delete", v.reason


@pytest.mark.parametrize("text", [
    "稳赚不赔的都是骗子，大家看好自己的养老钱",
    "建行五年定期现在是百分之一点八，比去年低了",
    "社区医院下周一免费测血压，带上医保卡直接去",
    "家里多了几刀宣纸，免费送给需要的同学，私聊我",
])
def test_warnings_bank_rates_and_gifts_are_not_deleted(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(RETIREES, text)
    assert v.action not in ("delete", "mute", "kick"), v.reason


# -- 4. accounts on other messaging apps ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "account"), [
    ("鱼竿批發 加賴 line: rod_tw66", "rod_tw66"),
    ("Telegram @bj_fishing99 私聊", "bj_fishing99"),
    ("纸飞机：@diaoyu_888", "diaoyu_888"),
    ("whatsapp id: wang_fish", "wang_fish"),
])
def test_an_account_on_another_app_is_read(text: str, account: str) -> None:
    assert [m.group(1) for m in patterns().app_handle.finditer(normalise(text).folded)] == [account]


@pytest.mark.parametrize("text", ["排队 line up 一下", "坐飞机 boeing737 去的", "deadline: friday", "tg 群我没进"])
def test_an_apps_name_without_an_account_is_not_a_contact(text: str) -> None:
    assert not patterns().app_handle.search(normalise(text).folded)


def test_a_seller_with_a_line_account_is_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FISHERS, "進口碳素魚竿批發，價格實惠，加LINE：rod_tw66")
    assert v.label == "ad" and v.action == "delete", v.reason


# -- 5. the eval counts what the group sees ---------------------------------------------------------------------------
def test_removed_counts_a_right_label_taken_out_of_the_group_only() -> None:
    gold = ["spam", "spam", "spam", "ad", "ok"]
    pred = ["spam", "spam", "ok", "ad", "ok"]
    acts = ["delete", "remind", "none", "mute", "none"]
    assert removed_rates(gold, pred, acts) == {"ad": 1.0, "spam": 0.333}


def test_action_agreement_scores_rows_that_say_what_should_happen() -> None:
    rows = [{"id": "a", "act": "remove"}, {"id": "b", "act": "remind"}, {"id": "c", "act": "leave"},
            {"id": "d", "act": "any"}, {"id": "e"}]
    out = action_agreement(rows, ["delete", "delete", "review", "remind", "none"])
    assert out is not None and out["n"] == 3 and out["agree"] == 2
    assert out["misses"] == [{"id": "b", "want": "remind", "got": "delete"}]
    assert action_agreement([{"id": "x"}], ["none"]) is None

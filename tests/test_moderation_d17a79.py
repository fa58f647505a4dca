"""Round 79, d17a79 (issue 17): ads that passed and members' posts called ads.

* A course sold with no seller named (零基础学插画，90天接单变现，报名费1980可分期，感兴趣私我) passed: on the group's subject, its
  only rule evidence was 私我, and the member-sharing cap cleared the classifier's certainty. signals.yaml ``course_pitch``
  (a learner's promise, a fee word with its sum, a way to sign up with the writer) is now a seller's sign — not in a
  member's voice of a course they took (我报的, 花了). ad.private_seller also knows a few more words only a seller puts
  beside 私我/扣1 (可分期, 接单变现, 入驻, 抽成, 管吃管住).
* A wholesale pitch ending in 👉 私聊 was only reviewed: a bare 私聊 is no invitation (it may tell a story), but one a
  pointing sign calls to is (patterns.yaml ``arrow_call``).
* A member's report of a class or a doctor with what it cost, who offers to pass the teacher's or doctor's contact on
  (要教練LINE的私訊我, 需要医生名字的私我), was deleted or reviewed as an ad: the ask names a third person's contact
  (patterns.yaml third_party ``asks``), read like 需要的私聊我给电话 (pipeline._plain_referral). A 我报的 course is the
  member's own (resale.private_took).
* A parent's report of the class their child attends, of a kind the profile bans (補習班廣告), with what it costs and
  有需要的私訊我 was deleted as a banned deal: with no trade word, fee or handle and the child's attendance said (ad.own_child),
  the price was paid, not asked (signals._banned_deal). 我們補習班 is the writer's own business (patterns.yaml provider kinds).

Groups and messages written for these tests (dev163/dev164 profiles)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import lexicons, patterns

PROFILES = Path(__file__).resolve().parent.parent / "evals" / "moderation" / "profiles"
KAOYAN = (PROFILES / "d163_kaoyan_wh.yaml").read_text(encoding="utf-8")
FISHING = (PROFILES / "d163_fishing_fs.yaml").read_text(encoding="utf-8")
BABY = (PROFILES / "d163_baby_cd.yaml").read_text(encoding="utf-8")
DESIGN = (PROFILES / "d164_design_sh.yaml").read_text(encoding="utf-8")
PARENTS = (PROFILES / "d164_parents_tp.yaml").read_text(encoding="utf-8")

# ── courses sold with no seller named ───────────────────────────────────────────────────────────────────────────────
COURSE_ADS = [
    (DESIGN, "零基础学插画，90天接单变现，报名费1980可分期，感兴趣私我"),
    (KAOYAN, "零基础学英语口语，30天开口说，报名费399，感兴趣的私我"),
    (KAOYAN, "零基础也能学会的考研数学课，报名费599，有兴趣私我"),
    (DESIGN, "PS零基础速成班，7天学会接单，学费只要499，报名私我"),
]
# a member's word about learning, a course they took, or the group's own match: never a course pitch
COURSE_TALK = [
    (KAOYAN, "我也是零基础学的，有问题可以私我"),
    (FISHING, "我当时零基础学路亚，报名费花了3000，有问题私我"),
    (KAOYAN, "我报的考研英语网课一共399，老师讲长难句确实清楚，需要听课笔记的可以私我"),
    (KAOYAN, "零基础可以考研吗，学费一年多少，懂的私我"),
    (FISHING, "周日钓鱼比赛报名费100，奖品丰富，想参加的私我"),
]


@pytest.mark.parametrize(("group", "text"), COURSE_ADS)
def test_a_course_sold_with_a_fee_and_a_private_sign_up_is_an_ad(
        judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.AD, (text, v.reason)
    assert v.action in ACTED, (text, v.action, v.reason)
    assert "course_pitch" in {s["name"] for s in v.checks["signals"]}, (text, v.checks["signals"])


@pytest.mark.parametrize(("group", "text"), COURSE_TALK)
def test_a_members_word_about_a_course_is_no_course_pitch(
        judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert "course_pitch" not in {s["name"] for s in v.checks["signals"]}, (text, v.checks["signals"])
    assert v.action not in ACTED, (text, v.action, v.reason)


@pytest.mark.parametrize(("group", "text"), COURSE_TALK)
def test_members_course_talk_stays_ok(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.OK, (text, v.reason)


def test_without_the_course_pitch_the_interest_course_passes(
        judge: Callable[[str, str], Verdict], monkeypatch: pytest.MonkeyPatch) -> None:
    # no learner's promise known: the same pitch has only 私我 beside the group's subject and passes as a member's post
    monkeypatch.setitem(lexicons().words, "ad.course_promise", re.compile("(?!)"))
    v = judge(KAOYAN, COURSE_ADS[1][1])
    assert v.label == Label.OK, v.reason


# ── a seller's words beside 私我 / 扣1 ─────────────────────────────────────────────────────────────────────────────
SELLER_CALLS = [
    (DESIGN, "设计师接单平台内测中，每天派单，佣金只抽5%，想入驻的扣1"),
    (KAOYAN, "暑期考研集训营住宿加课程一共6800，管吃管住，报名私我占位"),
    (DESIGN, "设计接单群招人，每天派单，一单抽成30%，新人也能做，感兴趣戳我进群"),
]


@pytest.mark.parametrize(("group", "text"), SELLER_CALLS)
def test_a_sellers_word_beside_a_private_call_is_an_ad(
        judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.AD, (text, v.reason)
    assert "private_seller" in {s["name"] for s in v.checks["signals"]}, (text, v.checks["signals"])


@pytest.mark.parametrize("text", ["手上有个包装设计的单子排不过来，预算5000，有空的同行私我，我把客户介绍给你",
                                  "有人知道哪个接单平台抽成低一点吗，懂的说说"])
def test_a_designer_passing_on_a_job_or_asking_is_not_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(DESIGN, text)
    assert v.label == Label.OK, (text, v.reason)


# ── 👉 私聊 ─────────────────────────────────────────────────────────────────────────────────────────────────────────
def test_a_wholesale_pitch_pointing_at_private_chat_is_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FISHING, "各种渔具批发，全网最低 👉 私聊")
    assert v.label == Label.AD, v.reason
    assert v.action in ACTED, (v.action, v.reason)
    assert "invite" in {s["name"] for s in v.checks["signals"]}, v.checks["signals"]


@pytest.mark.parametrize("text", ["天天说要私聊那个推销员", "私聊太麻烦了，直接群里说吧"])
def test_a_bare_private_chat_with_no_arrow_is_no_invitation(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(FISHING, text)
    assert "invite" not in {s["name"] for s in v.checks["signals"]}, (text, v.checks["signals"])


def test_the_arrow_reads_the_word_right_after_it() -> None:
    folded = normalise("各种渔具批发，全网最低 👉 私聊").folded
    m = patterns().arrow_call.search(folded)
    assert m is not None and lexicons().words["ad.bare_contact"].match(folded, m.end())
    folded = normalise("👉 今晚八点开播，私聊").folded
    m = patterns().arrow_call.search(folded)
    assert m is not None and not lexicons().words["ad.bare_contact"].match(folded, m.end())


def test_a_members_own_surplus_pointing_at_private_chat_is_not_acted_on(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FISHING, "多买了一卷主线，0.8号的，原价35，25转给群友，要的👉私聊")
    assert v.action not in ACTED, (v.action, v.reason)


# ── a third person's contact asked of the writer ───────────────────────────────────────────────────────────────────
REFERRALS = [
    (PARENTS, "我們那個游泳課一期八堂2400，教練很好，要教練LINE的私訊我"),
    (BABY, "儿童医院湿疹专科挂号费50，医生开的药膏挺管用，需要医生名字的私我"),
    (BABY, "请的月嫂一个月一万二，做饭很好，要她电话的宝妈私聊我给你"),
]
# the same ask from a seller of the service: still an ad
SELLER_ASKS = [
    (KAOYAN, "专业课一对一辅导，目标院校学长亲自带，一小时200，要老师微信的私我"),
    (PARENTS, "游泳私教课一期2400，包教包会，要教练微信的私我"),
]


@pytest.mark.parametrize(("group", "text"), REFERRALS)
def test_a_member_passing_on_a_helpers_contact_is_not_an_ad(
        judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.OK, (text, v.reason)
    assert v.checks.get("plain_referral") is True, (text, sorted(v.checks))


@pytest.mark.parametrize(("group", "text"), SELLER_ASKS)
def test_a_seller_asking_for_a_private_message_stays_an_ad(
        judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.AD, (text, v.reason)


def test_the_third_party_ask_names_a_person_and_a_contact() -> None:
    ask = patterns().third_party_ask
    assert ask.search(normalise("要教練LINE的私訊我").compact)
    assert ask.search(normalise("需要医生名字的私我").compact)
    assert not ask.search(normalise("需要的私我").compact)
    assert not ask.search(normalise("要链接的私我").compact)


# ── a banned kind of business the member's child attends, reported with what it cost ─────────────────────────────────
def test_a_parents_report_of_a_banned_kind_of_class_is_not_a_deal(judge: Callable[[str, str], Verdict]) -> None:
    # the profile bans 補習班廣告: a parent's report of the class their child goes to, with what it costs and 私訊我 to
    # tell the address, offers nothing (deleted as a banned deal before round 79)
    v = judge(PARENTS, "我家小孩在那間英文補習班一個月四千五，老師很有耐心，有需要的私訊我給你地址")
    assert v.label == Label.OK, v.reason
    assert "banned_deal" not in {s["name"] for s in v.checks["signals"]}, v.checks["signals"]


@pytest.mark.parametrize("text", [
    "我家補習班一個月四千五，小班制，有需要的私訊我",
    "英文補習班暑期班一期八千，有需要的私訊我報名",
    "我家小孩在我們補習班學了一年，成績進步很多，一期八千，有需要的私訊我",
    "我兒子在那間補習班補了半年，一個月三千，有需要的加我LINE: kidmom88",
])
def test_the_banned_class_sold_or_with_a_handle_stays_a_deal(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(PARENTS, text)
    assert v.label == Label.AD, (text, v.reason)
    assert "banned_deal" in {s["name"] for s in v.checks["signals"]}, (text, v.checks["signals"])


def test_the_childs_class_words_are_read_after_folding() -> None:
    said = normalise("我家小孩在那間英文補習班").compact
    assert lexicons().words["ad.own_child"].search(said)
    assert not lexicons().words["ad.own_child"].search(normalise("我們補習班一期八千").compact)

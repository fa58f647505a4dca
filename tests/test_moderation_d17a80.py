"""Round 80, d17a80 (issue 17, qa17r23): members' permitted and on-topic posts deleted as ads.

- A job post the profile allows (钢琴调律师同行群: 同行可以发招聘和转单，可留电话或微信) — 我们工作室招学徒…加我微信 — was deleted
  (patterns.yaml provider read 我们工作室招 as a provider's offer, and 招学徒 was no job word); with a phone it was an ad for
  review. Where the profile allows both the kind of post and a phone or handle, it is now left alone; where it allows the
  kind of post only, one handle is reviewed, never deleted.
- A member's sign-up for an outing on the group's very subject (我们公司组织献血，有小礼品，需要的私我报名 in a blood donors'
  group) was deleted: 私我 and 我们公司 read as a seller's. Moderator._topic_event_sign_up.
- The allowance's object: "允许转让自己的闲置标本（需附检测报告）" granted 报告 (the review note said 允许成员转让自己的报告) —
  an aside that sets a condition names no thing members may pass on (relevance.yaml permission.conditions).
Hard negatives: the same wording from outsiders selling off-topic, a recruitment post where the profile allows none, a
permitted word as cover for a dealer. Groups and messages written for these tests (dev166/dev167 profiles)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED, Action, Label
from copilot.moderation.offtopic import permitted_clauses, permitted_things, permitted_words
from copilot.profile import load_profile

PROFILES = Path(__file__).resolve().parent.parent / "evals" / "moderation" / "profiles"


def _yaml(name: str) -> str:
    return (PROFILES / f"{name}.yaml").read_text(encoding="utf-8")


PIANO = _yaml("d166_piano_tuners")  # jobs and 转单 allowed, 可留电话或微信
GROOM = _yaml("d166_groomers_sz")  # jobs allowed, own used tools allowed, no contact grant
BLOOD = _yaml("d166_blood_donors")
METEOR = _yaml("d166_meteorite")  # own specimens allowed（需附检测报告）
CAMP = _yaml("d166_camping_gz")
RUN = _yaml("d166_runners_tp")  # no jobs, no trade
GUITAR = _yaml("d166_guitar_hk")  # own second-hand guitars allowed (Cantonese, WhatsApp)

# ── the allowance's object ────────────────────────────────────────────────────────────────────────────────────────────


def test_a_condition_aside_names_no_permitted_thing() -> None:
    positioning = load_profile(PROFILES / "d166_meteorite.yaml").positioning
    things = permitted_things(positioning)
    assert "标本" in things
    assert not {"报告", "检测报告", "检测"} & set(things), things
    assert not {"报告", "检测", "需附"} & permitted_words(positioning)
    assert permitted_clauses(positioning) == ("转让自己的闲置标本",)


@pytest.mark.parametrize("positioning", ["允许成员转让自己的闲置标本（须注明产地）", "群友可以出自己的闲置标本(要求附照片)"])
def test_other_conditions_are_asides_too(positioning: str) -> None:
    assert "标本" in permitted_things(positioning)
    assert not {"产地", "照片"} & set(permitted_things(positioning)), permitted_things(positioning)


@pytest.mark.parametrize("positioning", ["允许转让闲置（书本、文具）", "成员可以转让自己的闲置（商家不行）"])
def test_an_aside_that_lists_things_still_counts_and_one_that_takes_back_still_does_not(positioning: str) -> None:
    things = set(permitted_things(positioning))
    assert "商家" not in things
    if "书本" in positioning:
        assert {"书本", "文具"} <= things, things


def test_a_testing_service_is_not_the_groups_own_offer_for_naming_the_condition(
        judge: Callable[[str, str], Verdict]) -> None:
    # before: 检测/报告 were words of the allowance, so the group's "own offer", and the paid appraisal passed as ok
    v = judge(METEOR, "专业陨石鉴定，出权威检测报告，三天出结果，费用私聊")
    assert v.label == Label.AD, v.reason


# ── a post of the kind the profile allows, with its contact ────────────────────────────────────────────────────────────
PIANO_JOBS = [
    "我们工作室招学徒，包住，有调律基础优先，有意向的加我微信 tuner_zhang88",
    "我们工作室招学徒，包住，有调律基础优先，有意向的打我电话 13912345678",
    "我們工作室招學徒，包住，有調律基礎優先，有興趣加我微信 tuner_lin",
    "我们琴行招调律师，要求会修击弦机，薪资面议，电话 13698765432",
]


@pytest.mark.parametrize("text", PIANO_JOBS)
def test_a_job_post_where_jobs_and_contacts_are_allowed_is_left_alone(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(PIANO, text)
    assert v.label == Label.OK, (text, v.reason)
    assert v.action not in ACTED
    if "微信" in text:  # deleted before round 80 (a handle, and 我们工作室招 read as a provider's offer)
        assert v.checks.get("allowed_deal") == "granted:jobs", v.checks


@pytest.mark.parametrize("text", ["我们店在招一名C级美容师，南山，底薪加提成，感兴趣的加我微信 pet_amy_sz",
                                  "我们店急招洗护师，罗湖，包住，电话 13544443333"])
def test_a_job_post_where_only_jobs_are_allowed_is_reviewed_not_deleted(
        judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(GROOM, text)
    assert v.action == Action.REVIEW, (text, v.action, v.reason)
    assert v.checks.get("allowed_deal"), v.checks


def test_one_number_after_whatsapp_is_how_an_allowed_sale_is_answered(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(GUITAR, "轉讓自己嘅效果器，TS9，買咗新嘅所以放，$600，WhatsApp 9123 4567")
    assert v.action not in ACTED, v.reason
    assert v.checks.get("allowed_deal") == "resale", v.checks


# outsiders in the same groups: a job that is no job of the trade, a course, a dealer; a recruitment post where the profile
# allows none; the dealer who says 转让闲置 — all still ads, acted on
OUTSIDERS = [
    (PIANO, "我们公司招兼职，在家手机操作，日结200-500，不限经验，加我微信 jz_8866"),
    (PIANO, "零基础学钢琴调律，30天包会，学完推荐就业，学费4980，报名加我微信 tiaolv_edu"),
    (PIANO, "我们公司招聘网络主播，无需经验，月入过万，有意者加微信 zb_hr666"),
    (GROOM, "招聘宝妈兼职，手机刷单，一单一结，日入300+，私我"),
    (RUN, "我們公司在徵業務，底薪三萬加獎金，不限科系，有興趣的私訊我"),
    (RUN, "我們工作室招學徒，包住，有興趣的加我LINE tuner_zhang88"),
    (BLOOD, "我们工作室招学徒，包住，有意向的加我微信 tuner_zhang88"),
    (CAMP, "转让闲置帐篷天幕睡袋，全新现货几十套，批发价出，量大包邮，私我"),
    (METEOR, "转让自己收藏的一块月球陨石，附检测报告，另有火星陨石、各种奇石几百件现货，欢迎来店选购，电话 13712340000"),
    (GUITAR, "全新效果器批發，各大品牌現貨，量大有折，加WhatsApp 5123 4567"),
]


@pytest.mark.parametrize(("group", "text"), OUTSIDERS)
def test_outsiders_with_the_same_wording_stay_ads_acted_on(
        judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.AD, (text, v.reason)
    assert v.action in ACTED, (text, v.action, v.reason)


# ── a member's sign-up for an outing on the group's subject ────────────────────────────────────────────────────────────
TOPIC_EVENTS = [
    (BLOOD, "我们公司组织献血，有小礼品，需要的私我报名"),
    (BLOOD, "我们单位下月团体献血，想一起去的加我微信 blood_li2024 报名，我统计人数"),
    (CAMP, "群友组织12月去南昆山露营，营位费均摊，想报名的加我微信 camp_lee 报名"),
]


@pytest.mark.parametrize(("group", "text"), TOPIC_EVENTS)
def test_a_members_sign_up_for_an_outing_on_the_groups_subject_is_not_an_ad(
        judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.OK, (text, v.reason)
    assert v.checks.get("own_event"), v.checks


def test_the_topic_sign_up_is_what_clears_the_blood_drive(judge: Callable[[str, str], Verdict],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.moderation.pipeline import Moderator

    monkeypatch.setattr(Moderator, "_topic_event_sign_up", lambda *a, **k: None)
    v = judge(BLOOD, "我们公司组织献血，有小礼品，需要的私我报名")
    assert v.label == Label.AD, v.reason


EVENT_LOOKALIKES = [
    (BLOOD, "我们公司组织中老年保健讲座，有小礼品，免费领鸡蛋，需要的私我报名"),  # off the subject, taught
    (BLOOD, "我们公司组织体检，有小礼品，全身检查只要99元，需要的私我报名"),  # off the subject, a price
    (BLOOD, "我们公司组织献血，献完送保健品，每盒198元，需要的私我报名"),  # on the subject, but a price
    (CAMP, "自家营地开业大酬宾，营位99一晚，送烧烤炉，预订加微信 camp_xx88"),
    (CAMP, "我们公司组织露营，报名私我，另有帐篷天幕批发，点链接 https://t.cn/A6abcd"),
]


@pytest.mark.parametrize(("group", "text"), EVENT_LOOKALIKES)
def test_an_outing_that_sells_stays_an_ad(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.AD, (text, v.reason)
    assert not v.checks.get("topic_event"), v.checks


# ── the picture of the item is no contact in a picture ─────────────────────────────────────────────────────────────────


def test_a_report_in_the_picture_is_not_a_contact_in_a_picture(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(METEOR, "转让自己闲置的一块石陨石，检测报告在图里，加我微信 shi_ye_007")
    assert "picture_pointer" not in {s["name"] for s in v.checks["signals"]}, v.checks["signals"]
    assert v.action not in ACTED, v.reason


@pytest.mark.parametrize("text", ["陨石原石大量批发，联系方式见图，量大价优", "铁陨石切片批发价出，微信号在图里，量大从优"])
def test_a_contact_in_the_picture_still_is_one(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(METEOR, text)
    assert "picture_pointer" in {s["name"] for s in v.checks["signals"]}, (text, v.checks["signals"])
    assert v.label == Label.AD, (text, v.reason)

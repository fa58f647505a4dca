"""Round 78, d17a78 (issue 17): a member's report of the clinic or shop they went to or called — what it cost, what they
were told — was labelled an ad (classifier alone, reviewed) when written in Cantonese (我隻貓上個月喺旺角嗰間獸醫做絕育，
母貓1800…打電話預約), where the shared classifier, trained on Mandarin, leans to 'ad' beside the digits. lexicons.yaml
ad.own_experience now holds the Cantonese form of 'I went there before' (上個月喺, 我哋之前喺…), the member's own call (打电话问的,
打咗去問) and the quotes gathered (问了三家, 問咗三間, 面诊了三家) and the clinic they go to (我家一般去, 我们去的那家): a report of
experience, which pipeline._plain_offer does not read as a plain offer. Strangers' pitches of the same clinics — with a
phone, a handle, a link, a testimonial selling the writer's stock, an evasion — stay ads. Groups and messages written for
these tests (dev160/dev161 profiles: a Nanjing dog owners' group, a Hong Kong cat owners' group, a Beijing knee-rehab
group)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import lexicons

PROFILES = Path(__file__).resolve().parent.parent / "evals" / "moderation" / "profiles"
CATS = (PROFILES / "d161_cats_hk.yaml").read_text(encoding="utf-8")
DOGS = (PROFILES / "d160_dogs_nj.yaml").read_text(encoding="utf-8")
KNEE = (PROFILES / "d160_knee_bj.yaml").read_text(encoding="utf-8")

# labelled an ad (classifier alone, plain offer) before round 78
CANTONESE_EXPERIENCE = [
    "我隻貓上個月喺旺角嗰間獸醫做絕育，母貓1800，包埋覆診，打電話預約要等一個禮拜",
    "我哋之前喺觀塘嗰間領養中心認養，手續費500蚊，包埋打針同晶片",
]
# members' experience that was never flagged: it must stay ok
STILL_OK = [
    (CATS, "我上次喺銅鑼灣嗰間獸醫睇皮膚病，覆診兩次一共1500蚊，醫生好有耐性"),
    (CATS, "我打咗去問過，佢哋話貓咪洗牙要先驗血，全套大概2500蚊"),
    (CATS, "問咗三間獸醫，打疫苗由350到600蚊都有，差好遠"),
    (DOGS, "我家那只比熊之前打电话问的那家医院，洗牙报价一千五，我嫌贵还没去"),
    (DOGS, "问了几家宠物医院，狂犬疫苗从60到120都有，公立的防疫站最便宜"),
    (DOGS, "我家一般去小区门口那家美容店，洗澡加剪指甲八十，店员挺细心"),
    (DOGS, "我家那只柯基上周拉肚子，去的河西那家瑞派，挂号加化验一共花了380，医生说是吃坏了，打电话问的时候前台说周末要排队，大家早点去"),
    (KNEE, "我当时打电话去问的北体大康复中心，说不用转诊，一次评估300，大家可以问问"),
]
# the same clinics pitched by a stranger: still ads
PITCHES = [
    (CATS, "純種英短BB出售，打齊針，8000一隻，WhatsApp 98765432"),
    (CATS, "獸醫診所開張優惠，絕育只需$999，洗牙$1299，即刻預約 👉 http://vetpromo.hk/book"),
    (CATS, "我隻貓食咗我哋嘅營養膏，毛色靚咗好多，一支$198，要嘅PM我拎，群友有優惠"),
    (CATS, "貓 糧 平 賣 加 W h a t s A p p 九 八 七 六 五 四 三 二"),
    (DOGS, "南京宠物医院绝育特价，公狗699母狗1299，含术后护理，预约电话13851234567，本周报名再送驱虫一次"),
    (DOGS, "我家狗吃了这个益生菌一周就不拉肚子了，真的神奇，一盒128，需要的加我微信 ycj5201 给你们内部价"),
    (KNEE, "我就是做康复的，半月板韧带术后康复都能带，一对一，一次300，有需要私我"),
    (KNEE, "运动康复工作室，术后康复一次只要168，首次体验99，电话13911112222，朝阳区团结湖"),
]


@pytest.mark.parametrize("text", CANTONESE_EXPERIENCE)
def test_a_cantonese_report_of_a_clinic_visit_is_not_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CATS, text)
    assert v.label == Label.OK, (text, v.reason)
    assert v.action not in ACTED, (text, v.reason)
    assert not (v.checks.get("classifier") or {}).get("plain_offer"), (text, v.checks.get("classifier"))


@pytest.mark.parametrize("text", CANTONESE_EXPERIENCE)
def test_without_the_experience_words_the_classifier_alone_calls_it_an_ad(
        judge: Callable[[str, str], Verdict], monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    # the old lexicon, without round 78's words: the same message is a plain offer on the classifier's word
    monkeypatch.setitem(lexicons().words, "ad.own_experience", re.compile("跟他练了|我之前在|我上次在"))
    v = judge(CATS, text)
    assert v.label == Label.AD, (text, v.reason)
    assert v.action not in ACTED, (text, v.reason)  # classifier alone: reviewed, never deleted


@pytest.mark.parametrize(("group", "text"), STILL_OK)
def test_members_experience_stays_ok(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.OK, (text, v.reason)


@pytest.mark.parametrize(("group", "text"), PITCHES)
def test_the_same_clinics_pitched_by_a_stranger_stay_ads(
        judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == Label.AD, (text, v.reason)


@pytest.mark.parametrize("text", ["我隻貓上個月喺旺角嗰間獸醫做絕育", "我打咗去問過", "問咗三間獸醫", "我家一般去小区门口那家",
                                  "面诊了三家", "打电话问的时候", "我们去的那家宠物医院"])
def test_the_experience_words_are_read_in_the_compact_form(text: str) -> None:
    assert lexicons().words["ad.own_experience"].search(normalise(text).compact), text


@pytest.mark.parametrize("text", ["南京宠物医院绝育特价，预约电话", "獸醫診所開張優惠，即刻預約", "专业护工派遣，电话预约",
                                  "我就是做康复的，有需要私我"])
def test_a_sellers_words_are_no_experience(text: str) -> None:
    assert not lexicons().words["ad.own_experience"].search(normalise(text).compact), text



# ── the group's own event with its cost split per head, joined by 私我 with no 报名 said ──────────────────────────────
# labelled an ad before round 78 (the Mandarin ones deleted: invite + price + the classifier)
OWN_EVENT_SHARE = [
    "我们群下个月办领养日，我负责联系场地，每位义工要分摊50块场租，有兴趣私我",
    "我们群下个月搞领养日，我负责联系场地，每位义工AA 50块场租，有兴趣私我",
    "我哋呢個群下個月搞領養日，我負責聯絡場地，每位義工要夾50蚊場租，有興趣PM我",
]
# the event named to sell beside it: a seller's price, a sale, a dealer's stock — still ads
EVENT_PIGGYBACK = [
    "领养日现场宠物摄影，每位只要99，有兴趣私我",
    "领养日场地费每位50，现场猫粮特价，有兴趣私我",
    "领养日场租每人分摊30，另外我家猫粮批发价，加我微信 catfood88",
    "領養日場租每位夾50蚊，仲有貓糧七折，要嘅PM我",
]


@pytest.mark.parametrize("text", OWN_EVENT_SHARE)
def test_the_groups_own_event_with_a_shared_cost_is_not_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CATS, text)
    assert v.label == Label.OK, (text, v.reason)
    assert v.checks.get("own_event_share") is True, (text, sorted(v.checks))


@pytest.mark.parametrize("text", OWN_EVENT_SHARE)
def test_without_the_share_words_the_same_call_reads_as_an_ad(
        judge: Callable[[str, str], Verdict], monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setitem(lexicons().words, "ad.event_share", re.compile("(?!)"))
    assert judge(CATS, text).label == Label.AD, text


@pytest.mark.parametrize("text", EVENT_PIGGYBACK)
def test_a_sale_beside_the_groups_event_stays_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CATS, text)
    assert v.label == Label.AD, (text, v.reason)
    assert not v.checks.get("own_event_share"), (text, sorted(v.checks))


def test_a_shared_cost_for_an_event_the_profile_does_not_list_is_not_a_sign_up(judge: Callable[[str, str], Verdict]) -> None:
    # the knee group lists only its 奥森康复走: a paid 训练营 with 场地费 split is not the group's own event
    v = judge(KNEE, "下个月办康复训练营，每位分摊场地费300，有兴趣私我")
    assert not v.checks.get("own_event_share"), (v.label, sorted(v.checks))

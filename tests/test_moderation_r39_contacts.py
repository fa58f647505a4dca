"""Round 39, d17r (issue 17, qa17r22): contact forms the detector did not read. A landline written as one (area code
and hyphen, brackets or space; a 400/800 service number) is a shop's contact beside a seller's words or a price; a
contact said to be in a picture (联系方式见图) is a way to reach a seller. Look-alikes — dates, times, scores, prices,
model numbers, a venue's number given by the organiser, a question about a number — are not. Groups and messages
written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import patterns

CERAMICS = """
name: 周末陶艺手作群
positioning: 业余陶艺爱好者交流拉坯、修坯、上釉和烧窑经验，组织周末去工作室一起做陶，费用AA
topics: [陶艺, 拉坯, 修坯, 上釉, 烧窑, 泥料, 釉色, 工作室, 作品]
audience: 周末想玩泥巴的上班族
type: 兴趣型
banned: [推销陶艺课程, 发商家广告]
"""

RUNNERS = """
name: 江边夜跑团
positioning: 每周二、四晚上江边约跑，交流配速、装备和比赛报名，团费用于买补给
topics: [夜跑, 配速, 跑鞋, 补给, 马拉松, 报名, 集合, 拉伸, 半马]
audience: 附近上班族跑步爱好者
type: 兴趣型
"""


@pytest.mark.parametrize(("text", "found"), [
    ("订座电话０２１－５４３２１０９８", "021-54321098"),
    ("前台(0755)26681234", "(0755)26681234"),
    ("热线 400-615-8899", "400-615-8899"),
    ("座机0512 6789 1234", "0512 6789 1234"),
])
def test_a_landline_as_written_is_read(text: str, found: str) -> None:
    assert patterns().landline.findall(normalise(text).folded) == [found]


@pytest.mark.parametrize("text", [
    "报名截止2026-12-02，别忘了",          # a date
    "周日开放时间09:30-17:30",             # a time range
    "上周比赛打了3-2，险胜",              # a score
    "我的表是GT-3210型号",                # a model number
    "价格区间 0.5-1200 元都有",           # a price range
    "快递单号0571-86571234查不到",         # an order number
])
def test_look_alikes_are_no_landline(text: str) -> None:
    assert patterns().landline.findall(normalise(text).folded) == []


@pytest.mark.parametrize(("profile", "text"), [
    (CERAMICS, "大家好我是新人，我们陶艺馆亲子手作课一人128元含烧制，电话0571-86570000"),
    (CERAMICS, "釉料批发，各色釉现货，量大从优，订货热线400-820-0000"),
    (RUNNERS, "新开的跑鞋专卖店全场八折，地址滨江路，电话(0571)88760000"),
])
def test_a_shop_ad_with_only_a_landline_is_an_ad(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and "座机" in v.reason, v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (RUNNERS, "明晚下雨改室内跑，体育馆前台电话0571-85010000，可以先打电话问开没开"),
    (CERAMICS, "工作室座机是0571-87650000吗？我打了好几次没人接"),
    (RUNNERS, "杭马报名时间是2026-03-15到03-20，配速5:30的可以冲一下"),
    (RUNNERS, "周末球赛我们3-2赢了，今晚照常夜跑"),
])
def test_a_venue_number_or_a_look_alike_is_not_acted_on(judge: Callable[[str, str], Verdict], profile: str,
                                                        text: str) -> None:
    v = judge(profile, text)
    assert v.label != "ad" or v.action in ("none", "review"), v.reason
    assert "座机" not in v.reason, v.reason


@pytest.mark.parametrize("text", [
    "拉坯速成班，包教包会，联系方式见图，名额只剩五个",
    "图片上有我的联系方式，修坯私教一对一，名额不多了",
])
def test_a_contact_in_the_picture_with_a_pitch_is_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CERAMICS, text)
    assert v.label == "ad" and "图片" in v.reason, v.reason


@pytest.mark.parametrize("text", [
    "周六集合地址见图，大家别走错了",                  # the group's own map
    "这是我烧的第一个碗，图片上那道裂纹是怎么回事",     # a member's own work
])
def test_a_picture_without_a_pitch_is_no_pointer(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CERAMICS, text)
    assert v.label == "ok", v.reason


# -- the group's own fee paid by QR to one of its people is the group's, not an ad -----------------------------------
@pytest.mark.parametrize(("profile", "text"), [
    (RUNNERS, "场地费15元AA，跑完扫码给阿涛"),
    (RUNNERS, "周四夜跑每人20补给费，到了扫码转给老周"),
    (CERAMICS, "本周六活动费每人40，含泥料和烧窑，做完扫码给小贝就行"),
])
def test_the_groups_fee_paid_by_qr_to_a_person_is_ok(judge: Callable[[str, str], Verdict], profile: str,
                                                     text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


@pytest.mark.parametrize("text", [
    "跑步训练营每人99元，扫码给我报名，名额有限",      # a seller's course with urgency
    "代餐奶昔每人一盒只要59元AA拼单，扫码给我",        # a product's pitch
])
def test_a_pitch_paid_by_qr_stays_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(RUNNERS, text).label == "ad"


# -- a number for finding the group's meeting place is no seller's --------------------------------------------------
@pytest.mark.parametrize("text", [
    "周六工作室在文三路陶舍二楼，找不到的话打我电话13905710001",
    "今天改在后门集合，迷路了打我13905710002",
])
def test_a_number_for_finding_the_meeting_place_is_ok(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(CERAMICS, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_shop_with_the_same_words_is_still_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    assert judge(CERAMICS, "陶艺体验课开课啦，找不到的话打我电话13905710003").label == "ad"

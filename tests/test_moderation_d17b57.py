"""Round 57, d17b57 (issue 17): a profile names the group's official accounts (``official``, also written ``staff``,
``organisers`` or ``admins``: a user id with the name members see in （）). A message from one of them speaks for the
shop, the brand or the organiser — its own coupon, event or after-sales post is the group's business, and it is exempt
from actions as OneBot's owner and admin roles are. A different user id making the same claim is not official.
Messages written for these tests, for groups not used before: a bakery brand's member group, a Hangzhou night-run
organiser's sign-up group and a Taipei residents' group."""

from __future__ import annotations

from pathlib import Path

import pytest
from moderation_say import dry_run_moderator as _mod
from moderation_say import said_by as _say

from copilot.moderation.labels import ACTED, REMOVED, Label
from copilot.profile import PROFILE_TEMPLATE, ProfileError, parse_profile_text

BAKERY = """name: 麦香坊烘焙·会员服务群
positioning: 麦香坊烘焙的会员群，客服发本店新品、会员券和售后；会员交流口味、预订蛋糕；别家面包店、微商不要发
topics: [面包, 蛋糕, 会员券, 预订, 售后]
type: 品牌型
{key}: [mxf_kefu_xiaomai（麦香坊客服-小麦）, mxf_dianzhang（店长阿芳）]
"""
NIGHT_RUN = """name: 钱塘夜跑报名群
positioning: 钱塘夜跑的报名群，领队发每周夜跑路线和收费活动，跑友接龙报名
topics: [夜跑, 路线, 接龙, 配速]
type: 兴趣型
organisers: "qt_lead_ajie（领队阿杰）"
"""
PLAIN = """name: 麦香坊烘焙·会员服务群
positioning: 麦香坊烘焙的会员群，客服发本店新品、会员券和售后；会员交流口味、预订蛋糕；别家面包店、微商不要发
topics: [面包, 蛋糕, 会员券, 预订, 售后]
type: 品牌型
"""
COUPON = ("双十二会员专享券 MXF1212，生日蛋糕满200减40，12月12日晚12点截止，官方小程序下单 https://maixiangfang-fake.cn/coupon ，"
          "券领不到的私聊我")


@pytest.mark.parametrize("key", ["official", "staff", "organisers", "admins"])
def test_the_official_accounts_load_by_every_spelling(key: str) -> None:
    p = parse_profile_text(BAKERY.format(key=key))
    assert p.official_accounts() == {"mxf_kefu_xiaomai": "麦香坊客服-小麦", "mxf_dianzhang": "店长阿芳"}


def test_official_accounts_written_as_one_line_and_without_a_name() -> None:
    p = parse_profile_text(NIGHT_RUN)
    assert p.official_accounts() == {"qt_lead_ajie": "领队阿杰"}
    p = parse_profile_text(PLAIN + "admins: [wuye_2046, 'zhang_guanjia (张管家)']\n")
    assert p.official_accounts() == {"wuye_2046": "", "zhang_guanjia": "张管家"}


def test_two_spellings_in_one_profile_are_both_kept() -> None:
    p = parse_profile_text(PLAIN + "staff: [mxf_kefu_xiaomai（客服小麦）]\nadmins: [mxf_qunzhu（群主）]\n")
    assert set(p.official_accounts()) == {"mxf_kefu_xiaomai", "mxf_qunzhu"}


def test_an_official_entry_that_is_not_an_id_is_refused_in_chinese() -> None:
    with pytest.raises(ProfileError) as err:
        parse_profile_text(PLAIN + "staff: [客服 小麦 和 店长]\n")
    assert "官方账号" in str(err.value)


def test_the_template_names_the_field() -> None:
    assert "official:" in PROFILE_TEMPLATE and "官方账号" in PROFILE_TEMPLATE
    assert parse_profile_text(PROFILE_TEMPLATE).official == []


def test_the_brands_own_coupon_post_is_ok_and_not_acted_on(tmp_path: Path) -> None:
    v = _say(_mod(BAKERY.format(key="staff"), tmp_path), "mxf_kefu_xiaomai", COUPON)
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    assert v.checks["own_organiser"]["official"] == "mxf_kefu_xiaomai"
    assert "官方账号" in v.reason and "麦香坊客服-小麦" in v.reason


def test_an_imitator_with_the_same_claim_is_an_ad(tmp_path: Path) -> None:
    mod = _mod(BAKERY.format(key="staff"), tmp_path)
    v = _say(mod, "maixiang_vip_kefu", "【麦香坊官方客服】" + COUPON.replace("https://maixiangfang-fake.cn/coupon", "加威芯 mxf-vip-888"))
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "own_organiser" not in v.checks


def test_the_same_post_in_a_group_without_official_accounts_is_unchanged(tmp_path: Path) -> None:
    v = _say(_mod(PLAIN, tmp_path), "mxf_kefu_xiaomai", COUPON)
    assert v.label == Label.AD, v.reason
    assert "own_organiser" not in v.checks


def test_the_organisers_paid_run_with_pm_me_is_ok(tmp_path: Path) -> None:
    mod = _mod(NIGHT_RUN, tmp_path)
    v = _say(mod, "qt_lead_ajie", "周六钱塘江夜跑加一场收费的补给跑，每人58含能量胶和饮料，限30人，付款私聊我，周五晚10点截止")
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    other = _say(mod, "qiantang_runner_k", "周六我也带一场夜跑，每人58含能量胶和饮料，限30人，付款私聊我，加v qt-run-66")
    assert other.label == Label.AD and other.action in ACTED, other.reason


def test_an_official_account_is_exempt_from_actions(tmp_path: Path) -> None:
    mod = _mod(BAKERY.format(key="official"), tmp_path)
    v = _say(mod, "mxf_dianzhang", "今天股市大涨，大家看了吗，恒指涨了三百多点")
    assert v.action not in ACTED and v.exempt, v.reason


SKATE = """name: 滨江轮滑亲子群
positioning: 滨江轮滑俱乐部的家长群，教练发课程通知，家长交流孩子练轮滑、护具和比赛
topics: [轮滑, 护具, 比赛, 课程]
type: 兴趣型
staff: [bj_coach_wang（王教练）]
"""


@pytest.mark.parametrize("text", [
    "提醒一下，刚才那个号私聊我说“名额只剩三个，赶紧交定金”，别信，已经告诉王教练了",
    "頭先嗰個人私訊我話「今日報名即減三百」，大家唔好理佢",
])
def test_a_member_reporting_what_someone_said_in_private_is_not_inviting(tmp_path: Path, text: str) -> None:
    v = _say(_mod(SKATE, tmp_path), "xiaoyu_mama", text)
    assert v.action not in ACTED, v.reason
    assert not any(s["name"] == "invite" for s in v.checks["signals"]), v.reason


def test_an_invitation_to_message_the_writer_still_counts(tmp_path: Path) -> None:
    v = _say(_mod(SKATE, tmp_path), "lunhua_peixun_a", "我这边也开轮滑私教课，一节150，需要的私聊我，说是群里来的打八折")
    assert v.label == Label.AD and any(s["name"] == "invite" for s in v.checks["signals"]), v.reason


def test_a_passport_errand_is_off_topic_in_a_skating_group(tmp_path: Path) -> None:
    v = _say(_mod(SKATE, tmp_path), "xiaoyu_mama", "护照快过期了，出入境那边现在还要网上预约吗")
    assert v.label == Label.OFF_TOPIC and v.action not in REMOVED, v.reason


@pytest.mark.parametrize("text", [
    "提醒一下，有人私信我说包月接送孩子去轮滑馆每天十五，要先交一个月，我觉得不靠谱",
    "刚才那个号还私聊我说“今天报名立减50，名额不多了”，幸好没理",
])
def test_a_warning_about_someone_messaging_members_in_private_is_the_groups_business(tmp_path: Path, text: str) -> None:
    v = _say(_mod(SKATE, tmp_path), "xiaoyu_mama", text)
    assert v.label == Label.OK and v.action not in ACTED, v.reason


ESTATE = """name: 翠湖灣業主群
positioning: 翠湖灣屋苑業主同住戶嘅群，管理處發通知；業主可以講屋苑設施、維修、轉讓或者出租自己嘅嘢；地產經紀同裝修公司唔好發
topics: [屋苑, 管理處, 維修, 車位, 出租, 轉讓]
type: 其他
platform: whatsapp
admins: [chw_mgmt（管理處李小姐）]
"""


def test_only_before_a_verb_is_no_stock_count(tmp_path: Path) -> None:
    v = _say(_mod(ESTATE, tmp_path), "mrs_ho_chw", "我屋企有個車位空出嚟，B1層，月租$2600，只租畀屋苑住戶，有興趣PM我")
    assert v.action not in REMOVED, v.reason
    assert not any(s["name"] == "seller_form" for s in v.checks["signals"]), v.reason


def test_a_stock_count_still_reads_as_a_sellers_form(tmp_path: Path) -> None:
    v = _say(_mod(ESTATE, tmp_path), "chw_deco_a", "全新進口水龍頭，倉庫仲有三百多只，全部批發價，WhatsApp 9456 7812")
    assert v.label == Label.AD and any(s["name"] == "seller_form" for s in v.checks["signals"]), v.reason


def test_a_numeric_qq_id_is_an_official_account_as_onebot_sends_it(tmp_path: Path) -> None:
    profile = PLAIN + "admins: [20261205]\n"
    assert parse_profile_text(profile).official_accounts() == {"20261205": ""}
    v = _say(_mod(profile, tmp_path), "20261205", COUPON)
    assert v.label == Label.OK and v.action not in ACTED, v.reason

"""Round 60 (d17d60), issue 17: qa17r44's worst verdicts, read by what the message does — a warning that names the
scammer's handle so nobody adds it, a member asking for work for themself, a chain that asks to forward an outage to
the readers' other groups, a business speaking as 我们 with a discount and 私我, an account id in the shown name, a
handle quoted without the price after it, and 找我兄弟 read as a pointer to another person."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.normalise import normalise
from copilot.moderation.sender import name_evidence
from copilot.moderation.signals import detect

DECOR = """
name: 安居建材·装修师傅交流群
positioning: 安居建材老客户的群，水电、泥瓦、木工师傅交流施工，店里到货和特价也发这里
topics: [建材, 水电, 泥瓦, 木工, 防水, 瓷砖, 到货]
audience: 附近做装修的师傅
platform: wechat
banned: [别家店的广告, 贷款, 刷单]
"""

DORM = """
name: 北苑学生公寓互助群
positioning: 北苑公寓同学互相帮忙、出闲置、问宿舍的事
topics: [宿舍, 闲置, 教材, 快递, 报修]
audience: 北苑公寓住宿生
platform: qq
banned: [代写, 网课代刷, 培训机构招生]
"""

T0 = 1_767_225_600.0


def _one(mod: Moderator, user: str, text: str) -> Verdict:
    return mod.moderate({"id": f"{user}-1", "user": user, "text": text, "ts": T0})


def test_a_warning_that_names_the_scammers_handle_is_no_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(DECOR), "liu_sf", "各位师傅当心：昨天群里那个卖防水涂料的微信号 fsjc_2277 不要加，骗子，定金收完人就没了")
    assert v.label == Label.OK and v.action not in ACTED


def test_a_pitch_that_calls_rivals_scammers_and_invites_is_still_an_ad(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(DECOR), "u_new", "别加外面那些骗子，正规防水材料加我微信 fsjc_2277，出厂价")
    assert v.label == Label.AD


def test_a_worker_asking_for_work_with_a_day_rate_is_no_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(DECOR), "zhou_sf", "这周手上空了，谁有活给介绍下，木工，日结400")
    assert v.label == Label.OK and v.action not in ACTED


def test_a_recruiter_promising_a_day_rate_is_still_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(DECOR), "u_job", "手机兼职，日结300，有意向的加我微信 jz_6688")
    assert v.label == Label.AD


def test_a_rumour_asked_to_be_forwarded_to_the_readers_class_groups_is_a_chain_letter(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(DORM), "2231999", "听说北苑后天起停电两天，有人偷接电磁炉跳闸了，大家快转给你们班群！")
    assert v.label == Label.SPAM


def test_an_outage_notice_for_this_group_alone_is_no_chain_letter(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(DORM), "2231998", "宿管说北苑后天上午九点到十一点停电检修，电脑记得提前保存")
    assert v.label != Label.SPAM


def test_a_business_speaking_as_we_with_a_discount_and_a_private_call_is_an_ad(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(DORM), "2231997", "我们四六级工作室有历年真题精讲，本楼同学报名7折，私我")
    assert v.label == Label.AD


def test_an_account_id_in_the_shown_name_is_no_wechat_contact() -> None:
    assert name_evidence("wx_jy_owner") is None
    assert name_evidence("加wx看主页") is not None  # a name that invites is still read


def test_a_handle_is_quoted_without_the_price_after_it() -> None:
    contacts = [s.items for s in detect(normalise("四级资料加V siji_ziliao 6.8全套")).signals if s.name == "contact"]
    assert contacts and all("siji_ziliao" in c and "siji_ziliao6" not in c for items in contacts for c in items)


def test_a_pointer_at_the_writers_brother_is_not_quoted_as_find_me() -> None:
    invite = [s for s in detect(normalise("要做吊顶的可以找我表哥，干了十几年了")).signals if s.name == "invite"]
    assert not invite

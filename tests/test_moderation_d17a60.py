"""Round 60, d17a60 (issue 17, item 7 and the Done-when "a new member's first ad-like message is acted on where an
established member's is only reviewed"): what a member's reach offers (offer.yaml) is read only for members with a record
in the group; and the trade rules of the profile — a group that bans every trade grants no resale, a member's own used
thing there is an ad to review, a dealer's words beside 私我 are an ad to act on. Groups and messages written for these
tests (a ukulele circle, a bonsai club)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from copilot.config import Settings
from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import ACTED, REMOVED, Action, Label
from copilot.moderation.offer import read_offer
from copilot.profile import parse_profile_text

UKULELE = """
name: 河西尤克里里弹唱群
positioning: 河西学尤克里里的大人交流和弦、指弹、弹唱谱，每周六下午在文化馆一起练
topics: [尤克里里, 和弦, 指弹, 弹唱, 调音, 琴弦, 变调夹, 扫弦]
audience: 河西学尤克里里的成年人
"""

BONSAI = """
name: 城南盆景交流群
positioning: 城南喜欢盆景的朋友交流树种、修剪、蟠扎和换盆，每月在社区花园一起做树；群里禁止任何买卖，闲置请去闲鱼
topics: [盆景, 修剪, 蟠扎, 换盆, 黑松, 真柏, 赤松, 铝丝, 赤玉土, 紫砂盆]
audience: 城南的盆景爱好者
banned: [禁止买卖, 商家广告]
"""

T0 = 1_767_225_600.0
BEFORE = ["这周练的《小幸运》扫弦终于不卡了，切分那里要慢一点", "变调夹夹二品唱起来舒服多了，大家可以试试"]
SCORE = "周六没来的我把今天的弹唱谱拍下来了，要的加我微信 amei_uke22"


def _chat(mod: Moderator, lines: list[tuple[str, str]]) -> list[Verdict]:
    return [mod.moderate({"id": f"m{i}", "user": user, "text": text, "ts": T0 + 60 * i})
            for i, (user, text) in enumerate(lines)]


def test_a_member_with_a_record_leaving_a_contact_with_nothing_on_sale_is_no_ad_but_reviewed(
        profile_moderator: Callable[[str], Moderator]) -> None:
    member = _chat(profile_moderator(UKULELE), [("阿梅", BEFORE[0]), ("阿梅", BEFORE[1]), ("阿梅", SCORE)])[-1]
    assert member.label == Label.OK and member.action == Action.REVIEW, member.reason
    assert member.checks["belongs"]["nothing_sold"] and not member.checks["belongs"]["offer"]["for_money"]
    assert "没读到在卖什么" in member.reason


def test_a_stranger_leaving_the_same_contact_keeps_the_ladder(profile_moderator: Callable[[str], Moderator]) -> None:
    stranger = _chat(profile_moderator(UKULELE), [("阿梅", BEFORE[0]), ("阿梅", BEFORE[1]), ("路过的", SCORE)])[-1]
    assert stranger.label == Label.AD and stranger.action in REMOVED, stranger.reason


def test_a_new_member_is_acted_on_where_an_established_member_is_only_reviewed(tmp_path: Path) -> None:
    """The Done-when test of issue 17, with a join notice in the audit log."""
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), parse_profile_text(UKULELE), group="g1")
    assert mod.audit is not None
    now = time.time()
    for i, line in enumerate(BEFORE):
        mod.moderate({"id": f"a{i}", "user": "阿梅", "text": line, "ts": now - 600 + i})
    mod.audit.record_join("g1", "新来的", now - 300)
    new = mod.moderate({"id": "n", "user": "新来的", "text": SCORE.replace("amei_uke22", "xin_uke01"), "ts": now - 10})
    old = mod.moderate({"id": "o", "user": "阿梅", "text": SCORE, "ts": now})
    assert new.checks["trust"]["new_member"] and new.label == Label.AD and new.action in ACTED, new.reason
    assert old.action == Action.REVIEW and old.action not in ACTED, old.reason


def test_a_member_with_a_record_selling_a_lesson_is_still_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    sale = "另外我现在接一对一指弹课，有需要的加我微信 amei_uke22"
    v = _chat(profile_moderator(UKULELE), [("阿梅", BEFORE[0]), ("阿梅", BEFORE[1]), ("阿梅", sale)])[-1]
    assert v.label == Label.AD and v.action not in REMOVED, v.reason  # a record: reviewed, not deleted
    assert v.checks["belongs"]["offer"]["for_money"] and "service" in v.checks["belongs"]["offer"]["what"]


def test_what_is_on_offer() -> None:
    assert read_offer("周日做树要借大号铝丝的加我微信 songge_pj，我带过去")["for_money"] is False
    assert read_offer("一对一指弹课，有需要的加我")["what"]["service"]
    assert read_offer("单板尤克里里批发，有意者联系")["for_money"] is True
    assert read_offer("合影原图想要的加我，免费分享")["for_money"] is False


def test_a_trade_ban_outranks_a_positioning_that_names_surplus(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(BONSAI)
    assert mod.no_trade and not mod.resale and "resale" not in mod.granted
    own = mod.moderate({"id": "1", "user": "阿兰", "text": "自用的铝丝剪出了，九成新 120，要的私我", "ts": T0})
    bare = mod.moderate({"id": "2", "user": "老周", "text": "出一个用了半年的紫砂盆，9成新，300，同城自提", "ts": T0 + 60})
    for v in (own, bare):  # breaks the group's rule: an ad, but a member's own thing goes to a person
        assert v.label == Label.AD and v.action == Action.REVIEW and v.checks.get("no_trade_item"), v.reason
    talk = mod.moderate({"id": "3", "user": "小宋", "text": "这个紫砂盆九成新的时候颜色更亮吗", "ts": T0 + 120})
    assert talk.label == Label.OK, talk.reason


def test_a_dealer_with_a_private_call_in_a_trade_ban_group_is_acted_on(
        profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(BONSAI)
    v = mod.moderate({"id": "1", "user": "阿杰", "text": "盆景剪刀代理，全国包邮，有需要私我", "ts": T0})
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "代理" in v.checks["no_trade_dealer"] and "群规禁止成员之间买卖" in v.reason
    asked = mod.moderate({"id": "2", "user": "小宋", "text": "有人知道盆景剪刀哪里有代理吗？想问问保修", "ts": T0 + 60})
    assert "no_trade_dealer" not in asked.checks, asked.reason

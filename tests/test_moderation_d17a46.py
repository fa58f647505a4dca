"""Round 46, d17a46 (issue 17): a member acted on for an ad who asks again to be reached.

An ad account posts its pitch, is deleted, and comes back with the bare call (有需要的私我, 要的加vx, the same handle
line again). The call alone reads like a member's contact; beside the member's recent ad it continues the pitch: the
member's history is a layer of evidence of its own (evidence.yaml ``repeat_reach``), the strike is hard and the ladder
climbs through the audit log. A soft strike (a member's answer deleted for its handle) followed by a different message
with a handle does not count, and neither does the group's own business.
Groups and messages written for these tests (an aquarium club, a hiking club in Cantonese)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.audit import AuditLog, fingerprint
from copilot.moderation.evidence import repeat_rule
from copilot.moderation.labels import REMOVED, Action
from copilot.profile import parse_profile_text

TANKS = """
name: 西城水草缸交流群
positioning: 西城的鱼友交流开缸、换水、水草造景和鱼病，鱼友之间可以转让自己的旧缸器材
topics: [水草, 草缸, 鱼缸, 换水, 过滤, 造景, 孔雀鱼, 鱼病, 硝化]
audience: 西城的水族爱好者
"""

HIKE = """
name: 新界行山隊
positioning: 新界嘅行山朋友每個星期日一齊行山，分享路線同天氣
topics: [行山, 路線, 郊野公園, 行山杖, 補給, 天氣]
audience: 香港行山愛好者
script: zh-Hant
"""

T0 = 1_767_225_600.0
GAP = 600  # ten minutes apart: no flood, the repeats are the member's history


def _moderator(tmp_path: Path, profile: str, *, dry_run: bool = False, audit: AuditLog | None = None) -> Moderator:
    audit = audit or AuditLog(f"sqlite:///{tmp_path / 'audit.sqlite'}")
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile),
                     audit=audit, group="g1", dry_run=dry_run)


_say = partial(say, t0=T0, gap=GAP)


@pytest.fixture
def tanks(tmp_path: Path) -> Moderator:
    return _moderator(tmp_path, TANKS)


def test_a_bare_call_after_a_deleted_pitch_is_an_ad_and_the_ladder_climbs(tanks: Moderator) -> None:
    pitch = _say(tanks, "水族用品批发，全网最低价，硝化细菌买二送一，vx：shuizu_pf88", user="shop1", n=0)
    assert pitch.label == "ad" and pitch.action == Action.DELETE and not pitch.checks.get("soft_strike"), pitch.reason
    call = _say(tanks, "要的私我", user="shop1", n=1)
    assert call.label == "ad" and call.action == Action.MUTE and call.strike == 2, call.reason
    assert "repeat" in call.checks["evidence"]["layers"] and "此前发广告被处置过" in call.reason
    again = _say(tanks, "要的私我", user="shop1", n=2)
    assert again.action == Action.KICK and again.strike == 3, again.reason


def test_the_same_call_from_a_member_with_no_ad_is_left_alone(tanks: Moderator) -> None:
    _say(tanks, "水族用品批发，全网最低价，硝化细菌买二送一，vx：shuizu_pf88", user="shop1", n=0)
    member = _say(tanks, "我家孔雀鱼下了一窝，要的私我", user="lin", n=1)
    assert member.action not in REMOVED and "repeat_reach" not in member.checks, member.reason


def test_the_same_contact_only_line_again_escalates_over_its_soft_strike(tanks: Moderator) -> None:
    line = "要做造景的加我微信 zaojing_0771"
    first = _say(tanks, line, user="acct", n=0)
    assert first.label == "ad" and first.action == Action.DELETE and first.checks.get("soft_strike"), first.reason
    second = _say(tanks, line, user="acct", n=1)
    assert second.checks["repeat_reach"]["again"] is True and not second.checks.get("soft_strike"), second.reason
    assert second.action == Action.MUTE and second.strike == 2, second.reason
    third = _say(tanks, line, user="acct", n=2)
    assert third.action == Action.KICK and third.strike == 3, third.reason


def test_a_soft_strike_then_a_different_handle_message_does_not_escalate(tanks: Moderator) -> None:
    first = _say(tanks, "我有一个旧的过滤桶，不用了，要的加我微信 hai_fish01", user="hai", n=0)
    assert first.checks.get("soft_strike") or first.action not in REMOVED, first.reason
    later = _say(tanks, "周末换鱼会我开车去，顺路的加我微信 hai_fish01 一起走", user="hai", n=1)
    assert "repeat_reach" not in later.checks and later.action != Action.MUTE, later.reason


def test_the_layer_reads_the_log_in_a_dry_run_and_writes_nothing(tmp_path: Path) -> None:
    audit = AuditLog(f"sqlite:///{tmp_path / 'audit.sqlite'}")
    live = _moderator(tmp_path, TANKS, audit=audit)
    _say(live, "水族用品批发，全网最低价，硝化细菌买二送一，vx：shuizu_pf88", user="shop1", n=0)
    test = _moderator(tmp_path, TANKS, audit=audit, dry_run=True)
    call = _say(test, "要的私我", user="shop1", n=1)
    assert call.label == "ad" and "repeat_reach" in call.checks and call.dry_run, call.reason
    assert audit.count_strikes("g1", "shop1", "ad", 30) == 1


def test_cantonese_whatsapp_call_after_a_pitch(tmp_path: Path) -> None:
    mod = _moderator(tmp_path, HIKE)
    _say(mod, "行山鞋清貨，全部正貨，半價，仲有行山杖買一送一，WhatsApp 9123 4567", user="s9", n=0)
    call = _say(mod, "有興趣嘅WhatsApp我", user="s9", n=1)
    assert call.label == "ad" and call.action in REMOVED and "此前發廣告被處置過" in call.reason, call.reason


def test_struck_lists_the_members_struck_ads_newest_first(tanks: Moderator) -> None:
    _say(tanks, "水族用品批发，全网最低价，硝化细菌买二送一，vx：shuizu_pf88", user="shop1", n=0)
    _say(tanks, "要的私我", user="shop1", n=1)
    rows = tanks.audit.struck("g1", "shop1", "ad", repeat_rule().days)
    assert [row[0] for row in rows] == [fingerprint("要的私我"), fingerprint("水族用品批发，全网最低价，硝化细菌买二送一，vx：shuizu_pf88")]
    assert rows[1][2].endswith("vx：shuizu_pf88")
    assert tanks.audit.struck("g1", "someone", "ad", 3) == []


# --- a pitch that says it is none ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["不是广告哈，朋友店里的过滤桶打七折，有需要私我",
                                  "唔係廣告嚟㗎，純粹分享，想要優惠碼就PM我",
                                  "真的不是打广告，好东西才说，想要的加我"])
def test_a_denial_beside_a_way_to_the_writer_is_a_pitch(tanks: Moderator, text: str) -> None:
    v = _say(tanks, text, user="x1", n=0)
    assert v.label == "ad" and "denial_pitch" in {s["name"] for s in v.checks["signals"]}, v.reason


@pytest.mark.parametrize("text", ["不是打广告，就是我在用的这款水草泥挺好，淘宝搜陶粒第一家就是",
                                  "这不是广告吧？刚才那条管理员看一下",
                                  "不是广告，我家孔雀鱼下了一窝，送给鱼友，要的私我"])
def test_a_denial_without_a_pitch_to_the_writer_is_not_deleted(tanks: Moderator, text: str) -> None:
    v = _say(tanks, text, user="x2", n=0)
    assert v.action not in REMOVED, v.reason


# --- a member giving their own thing away, with their handle to arrange it ----------------------------------------
@pytest.mark.parametrize("text", ["我家有多的水草泥两袋，免费送给鱼友，要的加我微信 lin_fish2020",
                                  "过滤棉买多了，刚用完一缸还剩五片，免费给需要的鱼友，加我QQ 2837461920"])
def test_a_members_own_giveaway_with_a_handle_is_reviewed_not_deleted(tanks: Moderator, text: str) -> None:
    v = _say(tanks, text, user="lin", n=0)
    assert v.action not in REMOVED and v.checks.get("giveaway"), v.reason


@pytest.mark.parametrize("text", ["我家有多的硝化细菌免费送，特价鱼药一律五折，加我微信 shuizu_pf88",
                                  "新款鱼缸灯免费送试用，名额有限，加微信 light_2026 领取"])
def test_a_sellers_free_offer_is_still_deleted(tanks: Moderator, text: str) -> None:
    v = _say(tanks, text, user="shop", n=0)
    assert v.label == "ad" and v.action in REMOVED and not v.checks.get("giveaway"), v.reason


def test_a_new_accounts_call_after_its_soft_struck_handle_is_the_same_pitch(tmp_path: Path) -> None:
    audit = AuditLog(f"sqlite:///{tmp_path / 'audit.sqlite'}")
    mod = _moderator(tmp_path, HIKE, audit=audit)
    audit.record_join("g1", "n7")  # the join notice came just now
    first = _say(mod, "要行山杖嘅加我微信 hikegear_88", user="n7", n=0)
    assert first.label == "ad" and first.checks.get("soft_strike"), first.reason
    call = _say(mod, "有興趣嘅WhatsApp我", user="n7", n=1)
    assert call.label == "ad" and call.action in REMOVED and "repeat_reach" in call.checks, call.reason


# --- a banned item's first word that is the group's own topic is no item part ---------------------------------------
RINK = """
name: 星冰少年冰球家长群
positioning: 少年冰球队家长的联络群，发训练冰时和比赛安排，交流护具和磨刀
topics: [冰球, 冰场, 冰时, 护具, 冰刀, 磨刀, 训练]
audience: 冰球队家长
banned: [冰场外收费培训拉人, 理财保险]
"""


def test_the_groups_own_place_in_a_banned_phrase_does_not_make_a_members_price_a_deal(tmp_path: Path) -> None:
    mod = _moderator(tmp_path, RINK)
    member = _say(mod, "一般十次冰时磨一次刀，冰场前台就能磨，35一次", user="dad", n=0)
    assert member.label == "ok" and member.action == Action.NONE, member.reason
    seller = _say(mod, "冰场外收费培训拉人，一节300，加我微信 bq_coach22", user="coach", n=1)
    assert seller.label == "ad" and seller.action in REMOVED, seller.reason

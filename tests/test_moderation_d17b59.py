"""Round 59, d17b59 (issue 17): a member's handle left to do the group's own thing together is no ad.

A member who asks the others to come along on the group's subject (周六想约场的加我QQ…, 想拼的加我微信…: lexicons.yaml
ad.join_call) and offers nothing — no price but each one's share, nothing taught or sold (ad.own_activity_not), no link,
promo or seller's word — was deleted when the ad classifier, reading mostly the handle, made a third layer of evidence
(Moderator._joined_activity, in the belongs layer beside hand_over and meet_up). Messages written for these tests, for a
group not used before: an ultimate-frisbee meet-up group."""

from __future__ import annotations

import itertools
from pathlib import Path

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import ACTED, Moderator
from copilot.profile import parse_profile_text

FRISBEE = """name: 南山飞盘约场群
positioning: 南山一带极限飞盘爱好者约场、拼场地、交流规则和战术；球馆、培训机构、卖装备的商家不要发广告
topics: [飞盘, 约场, 场地, 规则, 战术, 传盘]
type: 兴趣型
"""

_T = itertools.count()


def _mod(tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(FRISBEE),
                     dry_run=True)


def _say(mod: Moderator, user: str, text: str):
    return mod.moderate({"user": user, "text": text, "ts": 1_790_600_000 + 600 * next(_T)})


def test_a_member_asking_others_to_play_with_a_handle_is_no_ad(tmp_path: Path) -> None:
    mod = _mod(tmp_path)
    v = _say(mod, "xiao_pan", "周六想约场的加我QQ 2468013579，南山体育馆见")
    assert v.label == Label.OK and v.action not in ACTED
    assert "约场" in v.checks["belongs"]["join"]
    assert "约群友一起做" in v.reason


def test_a_share_of_a_pitch_booking_is_no_price(tmp_path: Path) -> None:
    v = _say(_mod(tmp_path), "a_jie", "有没有人一起拼一块飞盘场地？周日上午两小时，想拼的加我微信 ajie_fp_66")
    assert v.label == Label.OK and v.action not in ACTED


def test_a_class_or_a_paid_offer_with_the_same_words_is_still_an_ad(tmp_path: Path) -> None:
    mod = _mod(tmp_path)
    sold = [_say(mod, "coach_fp", "飞盘训练营周六开班，零基础也能学，想来的加我微信 coach_fp88，名额有限"),
            _say(mod, "gear_fp", "比赛级飞盘175克，一个只要39元，想约场的加我微信 fp_gear_99 下单"),
            # a shop's join call: a bare sum (两杯38) and a gift (送) are on offer, so the classifier's layer stays
            _say(mod, "cafe_fp", "想约场的加我微信 fp_cafe88，球场边咖啡两杯38，报群名送饼干")]
    assert all(v.label == Label.AD and v.action in ACTED for v in sold)

"""Round 58, d17a58 (issue 17): legitimate messages deleted as ads, and a paid-service pitch let through.

* a child who outgrew the thing (孩子长高骑不了了) is no growth claim (patterns.yaml cue_not_before, ad.health_claim);
* a provider introducing themself (我是专业…教练) with a class, a price and 报名私我 is the writer's own paid service;
* the writer who looked at someone's profile (我看头像不像官方的) points at no profile of their own (patterns.yaml
  cue_not_after ad.pointer, profile_look not_after).
Messages written for these tests, for groups not used before: a community allotment, a badminton meet-up group and a
children's roller-skating parents' group. (A member's handle for the group's own matter — 要看照片的加我微信 xx — is still
deleted: counting the handle and 加我 as one piece of evidence was tried and dropped, see docs/moderation.md round 58.)"""

from __future__ import annotations

import itertools
from pathlib import Path

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import ACTED, Moderator
from copilot.moderation.signals import lexicons, patterns
from copilot.profile import parse_profile_text

GARDEN = """name: 东湖社区菜园种植交流群
positioning: 东湖社区菜园的种植户交流种菜、病虫害、浇水和分地安排；外面卖种子化肥、收费托管菜地的不要发广告
topics: [种菜, 菜园, 病虫害, 浇水, 施肥, 黄瓜, 番茄, 分地]
type: 兴趣型
"""
BADMINTON = """name: 西丽羽毛球约球群
positioning: 西丽一带羽毛球爱好者约球、拼场、交流球拍和球线；球馆、陪练、卖拍的商家不要发广告
topics: [羽毛球, 约球, 拼场, 球拍, 球线, 场地, 双打]
type: 兴趣型
"""
SKATING = """name: 星河湾儿童轮滑家长群
positioning: 星河湾小区孩子学轮滑的家长群，交流孩子练轮滑、护具和周末一起练；家长之间可以转让孩子穿不下的轮滑鞋和护具；培训机构和卖鞋的商家不要发广告
topics: [轮滑, 轮滑鞋, 护具, 头盔, 练习, 刹车]
type: 亲子型
"""

_T = itertools.count()


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def _say(mod: Moderator, user: str, text: str):
    return mod.moderate({"user": user, "text": text, "ts": 1_790_500_000 + 600 * next(_T)})


def test_a_garden_seller_with_a_handle_is_still_deleted(tmp_path: Path) -> None:
    mod = _mod(GARDEN, tmp_path)
    sold = [_say(mod, "feiliao_x", "有机肥料厂家直销，一袋50斤只要39元，包送到菜园，加我微信 feiliao_88"),
            _say(mod, "tuoguan_y", "菜园托管服务，帮你浇水施肥除草，省心省力，加我微信 tuoguan_88")]
    assert all(v.label == Label.AD and v.action in ACTED for v in sold)


def test_a_paid_coach_with_the_same_handle_is_still_deleted(tmp_path: Path) -> None:
    v = _say(_mod(BADMINTON, tmp_path), "coach_w", "专业羽毛球私教一对一，包教包会，周末有空位，加我QQ 2233445577")
    assert v.label == Label.AD and v.action in ACTED


def test_a_child_who_outgrew_the_thing_promises_no_growth() -> None:
    claim = lexicons().words["ad.health_claim"]
    assert not claim.search("孩子长高穿不下了")
    assert not claim.search("儿子长高骑不了了")
    assert claim.search("喝了能让孩子长高")
    assert claim.search("长高5厘米")


def test_outgrown_skates_with_a_link_are_not_deleted(tmp_path: Path) -> None:
    v = _say(_mod(SKATING, tmp_path), "tt_mama",
             "出一双孩子的轮滑鞋，30码，孩子长高穿不下了，60元，闲鱼也挂了 https://m.xianyu-fake.com/item/771 ，小区自提")
    assert v.action not in ACTED


def test_a_professional_coach_selling_classes_in_a_parents_group_is_an_ad(tmp_path: Path) -> None:
    v = _say(_mod(SKATING, tmp_path), "coach_liu", "我是专业轮滑教练，五节课学会刹车，一节课150，想报名的私我")
    assert v.label == Label.AD
    assert "收费服务" in v.reason


def test_a_parent_who_mentions_a_coach_with_no_offer_is_not_an_ad(tmp_path: Path) -> None:
    v = _say(_mod(SKATING, tmp_path), "kk_ba", "我是专业轮滑教练带出来的，当年学刹车一节课150，现在觉得自己练也行")
    assert v.label != Label.AD


def test_the_writer_who_looked_at_someones_profile_points_at_no_profile_of_their_own() -> None:
    pointer = lexicons().words["ad.pointer"]
    assert not pointer.search("我看头像不像官方的")
    assert not patterns().profile_look.search("我看头像不像官方的")
    assert pointer.search("需要的看头像") or patterns().profile_look.search("需要的看头像")
    assert patterns().profile_look.search("需要滤网的看我头像")


def test_asking_staff_whether_an_impostor_is_theirs_is_not_deleted(tmp_path: Path) -> None:
    v = _say(_mod(SKATING, tmp_path), "dd_mama",
             "@星河湾轮滑小助手 上面那个加V送护具的是你们的人吗？我看头像不像官方的")
    assert v.action not in ACTED

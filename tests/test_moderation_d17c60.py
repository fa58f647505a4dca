"""Round 60, d17c60 (issue 17): a writer giving the group's own record to whoever wants it is no ad.

Someone who made or holds a record of the group's own doing — the rehearsal they recorded, the concert's group photo —
and leaves a handle for whoever wants it (要的加我) was deleted as an ad when they had no record in the group: a contact,
加我 and the classifier (reading mostly the handle) made three layers. What the message *is* — a record (lexicons.yaml
``own_record.media``) the writer made or holds (``own_record.made``) offered to whoever wants it (``own_record.want``),
about the group's subject, with nothing on offer — is positive evidence an ad does not carry (Moderator._shares_record,
in the belongs layer beside hand_over and join). A stranger's real ad in the same shape (教程合集, 私房写真, 精品课 with a
price, 资料包 免费领取, 跟拍接单) is still deleted. A distance or an age (12公里, 10岁) is no bare price any more
(patterns.yaml ``clock_units``), so a member's join call for a 12 km hike is no ad either. Messages written for these
tests, for groups not used before: a harmonica ensemble and a hiking group."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import ACTED, Moderator
from copilot.profile import parse_profile_text

HARMONICA = """name: 城西口琴合奏群
positioning: 城西吹口琴的大人交流复音、半音阶口琴的吹法和曲谱，每月第一个周六在城西文化宫排练合奏，年底有汇报演出
topics: [口琴, 复音口琴, 半音阶, 合奏, 排练, 曲谱, 吐音, 气息, 演出]
type: 兴趣型
banned: [商家广告, 琴行推广, 培训招生]
"""

HIKING = """name: 北山徒步搭子群
positioning: 周末一起爬北山、凤凰岭的徒步爱好者，交流路线、装备和天气，活动由群友自发约
topics: [徒步, 爬山, 北山, 凤凰岭, 路线, 登山杖, 下撤]
type: 兴趣型
banned: [商业领队收费团, 户外店推广]
"""

_T = itertools.count()


def _mod(tmp_path: Path, profile: str = HARMONICA) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def _say(mod: Moderator, user: str, text: str):
    return mod.moderate({"user": user, "text": text, "ts": 1_790_700_000 + 600 * next(_T)})


@pytest.mark.parametrize("text", [
    "上个月排练的合奏音频我录好了，群里发不了这么大的，要的加我微信 he_harp21",
    "汇报演出那天的合影原图在我这，想要高清的加我QQ 2817364590",
    "我拍了几张大家排练的照片，想要自己那张的加我微信 qinjie_0803",
])
def test_a_stranger_giving_the_groups_own_record_is_not_acted_on(tmp_path: Path, text: str) -> None:
    v = _say(_mod(tmp_path), "first_time_here", text)  # no record in the group: the ladder used to delete it
    assert v.label == Label.OK and v.action not in ACTED
    record = v.checks["belongs"]["own_record"]
    assert len(record) == 3  # the writer's making or holding, the record, the others' want
    assert "自己录的、拍的本群的东西" in v.reason


def test_a_strangers_ad_in_the_same_shape_is_still_deleted(tmp_path: Path) -> None:
    mod = _mod(tmp_path)
    ads = [_say(mod, "harp_go", "全套口琴教程视频合集，零基础三十天速成，想要的加我微信 harp_go66"),
           _say(mod, "mm_pic", "我拍的私房写真照片，想看的加我微信 mm_pic520"),
           _say(mod, "foto_qiang", "演出跟拍、修图都接，我拍的样片想看的加我微信 foto_qiang8"),
           _say(mod, "zl_free", "我有口琴演奏资料包，免费领取，要的加我微信 zl_free77")]
    assert all(v.label == Label.AD and v.action in ACTED for v in ads)
    assert all("own_record" not in (v.checks.get("belongs") or {}) for v in ads)
    priced = _say(mod, "qinhang_mei", "我录了半音阶口琴示范课，原价399，现在199，想看的加我微信 mei_qh99")
    assert priced.label == Label.AD


def test_a_record_of_another_subject_is_not_the_groups_own(tmp_path: Path) -> None:
    # no word of the group's subject (about_group is false): the record could be anything, the ladder stands
    v = _say(_mod(tmp_path), "xiao_lv", "我拍了一些网红打卡照片，想要的加我微信 lv_trip33")
    assert v.label == Label.AD and v.action in ACTED


def test_a_hike_distance_is_no_price_for_a_join_call(tmp_path: Path) -> None:
    mod = _mod(tmp_path, HIKING)
    v = _say(mod, "a_feng", "周六走北山环线，全程12公里，早上七点半南门集合，想来的加我QQ 2748193651")
    assert v.label == Label.OK and v.action not in ACTED
    sold = _say(mod, "lingdui_leo", "凤凰岭穿越收费团，每人168含大巴保险，想来的加我微信 leo_out66")
    assert sold.label == Label.AD and sold.action in ACTED

"""Round 45, d17a45 (issue 17): the sender's shown name (群名片 / 昵称) read as evidence of its own, and soft strikes.

Ad accounts put the contact in the name members see and the message only points at it (看我名字, 私我, 主页有). A
handle or a pitch in the name with such a message is an ad, and the reason says the contact is in the name; a name
alone never acts, and ordinary names with digits, plates or a shop's name change nothing. A strike from an ad whose
only evidence is a way to reach the writer is soft: it does not put the member on trial nor escalate the next
contact-only message, while a later ad with a link still climbs the ladder.
Groups, names and messages written for these tests (a community choir, a neighbourhood cycling club)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from moderation_say import say
from sqlalchemy import inspect

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.audit import AuditLog
from copilot.moderation.labels import REMOVED, Action
from copilot.moderation.sender import message_points, name_evidence
from copilot.profile import parse_profile_text
from copilot.server import create_app

CHOIR = """
name: 东湖社区合唱团
positioning: 东湖社区的居民每周二晚上在社区活动室排练合唱，交流发声、识谱和演出安排
topics: [合唱, 排练, 发声, 识谱, 声部, 演出, 歌谱, 指挥]
audience: 东湖社区喜欢唱歌的居民
"""

RIDES = """
name: 滨江骑行俱乐部
positioning: 滨江一带的骑友周末约骑、交流路线和装备保养
topics: [骑行, 约骑, 路线, 刹车, 变速, 轮胎, 头盔]
audience: 滨江喜欢骑车的上班族
events:
  - {title: 周六晨骑, kind: 骑行, cadence: 每周六, time: "06:30", place: 滨江公园南门, details: 报名接龙，AA早餐}
"""

FLOWERS = """
name: 岭南花鸟市场摊主群
positioning: 花鸟市场的摊主和老顾客交流进货、养护和行情，摊主可以发自家到货
topics: [多肉, 兰花, 盆景, 到货, 养护, 花盆, 行情, 摊位]
audience: 花鸟市场摊主和老顾客
"""

T0 = 1_767_225_600.0
POINTER = "想找暑假兼职的同学看我名字"


_say = partial(say, user="u1", t0=T0)


def test_a_handle_in_the_name_with_a_pointer_in_the_message_is_a_deleted_ad(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(CHOIR), POINTER, nickname="暑期工💰V:sq_7070")
    assert v.label == "ad" and v.action in REMOVED, v.reason
    assert "群名片/昵称" in v.reason and "sq_7070" in v.reason
    assert v.checks["sender_name"]["name"] == "暑期工💰V:sq_7070"
    assert "群名片或昵称里的联系方式" in v.checks["evidence"]["layers"].values()


def test_the_same_message_from_an_ordinary_name_is_not_deleted(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(CHOIR), POINTER, nickname="小林-5栋")  # 兼职 alone: a word for a person to look at, no more
    assert v.action not in REMOVED and "sender_name" not in v.checks, v.reason


def test_a_name_alone_never_acts(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(CHOIR), "周二排练女高音声部的歌谱发群文件了吗？", nickname="招代理 vx:dl_6688")
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert "sender_name" not in v.checks


@pytest.mark.parametrize("name", ["李姐-3栋", "Amy_2019", "老王五金店", "浙A老周", "2022级-化学-小陈", "王阿姨(周二四)",
                                  "Kevin2333", "陈记面料批发", "学号2021115"])
def test_ordinary_names_with_digits_plates_or_a_shop_change_nothing(
        profile_moderator: Callable[[str], Moderator], name: str) -> None:
    assert name_evidence(name) is None
    mod = profile_moderator(CHOIR)
    for text in ("有需要歌谱的私我，我复印了几份", "周二排练改到活动室二楼，大家别走错"):
        plain, named = _say(mod, text, nickname=None, n=0, user="a"), _say(mod, text, nickname=name, n=9, user="b")
        assert (named.label, named.action) == (plain.label, plain.action), named.reason


@pytest.mark.parametrize("name", ["论文代写 扣 9988 7766 5", "进口药代购🇭🇰薇dg_1122", "肾友福利🎁 加 V 看 朋 友 圈",
                                  "跨境电商 q2233445566", "兼职日结 找我"])
def test_handles_split_by_spaces_emoji_or_a_variant_are_read_in_the_name(name: str) -> None:
    ev = name_evidence(name)
    assert ev is not None and ev.items


def test_a_pitch_in_the_name_with_a_bare_dm_in_the_message_is_an_ad(
        profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(CHOIR)
    plain = _say(mod, "想了解的私我", nickname="小林-5栋", n=0, user="a")
    assert plain.label != "ad" and plain.action not in REMOVED, plain.reason
    v = _say(mod, "想了解的私我", nickname="代购小能手", n=1, user="b")
    assert v.label == "ad" and "推销用语在发消息人的群名片/昵称里" in v.reason, v.reason


def test_pointer_words_are_read_from_the_lexicon() -> None:
    assert message_points("详情看我昵称，懂的来") == (["看我昵称"], ["懂的来"])
    assert message_points("周二排练别迟到") == ([], [])


def test_the_groups_own_event_keeps_its_verdict_whatever_the_organisers_name(
        profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(RIDES)
    text = "周六晨骑报名接龙，滨江公园南门6点半集合，有事找我"
    plain = _say(mod, text, nickname=None, n=0, user="a")
    assert plain.label == "ok", plain.reason
    v = _say(mod, text, nickname="领队老张 电话13912345678", n=1, user="b")
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert v.checks["sender_name"]["held"] is True


def test_a_stallholders_bare_dm_on_the_groups_subject_keeps_its_verdict_whatever_the_card(
        profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(FLOWERS)
    text = "多肉到货了，有需要的私我"
    plain = _say(mod, text, nickname=None, n=0, user="a")  # alone: a member's bare 私我 on the group's subject
    assert plain.label == "ok" and plain.checks.get("bare_contact"), plain.reason
    v = _say(mod, text, nickname="阿梅多肉 13812345678", n=1, user="b")
    assert v.label == "ok" and v.action == Action.NONE and v.checks["sender_name"]["held"], v.reason
    # a seller's word in the name is more than a way to reach a stall-holder
    pitched = _say(mod, text, nickname="代购小能手 13812345678", n=2, user="c")
    assert pitched.label == "ad", pitched.reason


@pytest.fixture
def hook(tmp_path: Path) -> TestClient:
    profile = tmp_path / "choir.yaml"
    profile.write_text(CHOIR, encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline", groups={"60001": str(profile)})
    return TestClient(create_app(settings), base_url="http://127.0.0.1")


def test_the_http_hooks_nickname_reaches_the_check(hook: TestClient) -> None:
    ad = hook.post("/v1/moderate", json={"id": "h1", "user": "501", "group": "60001", "text": POINTER,
                                         "nickname": "暑期工💰V:sq_7070"}).json()
    assert ad["label"] == "ad" and ad["action"] == "delete" and "群名片/昵称" in ad["reason"]
    plain = hook.post("/v1/moderate", json={"id": "h2", "user": "502", "group": "60001", "text": POINTER,
                                            "nickname": "小林-5栋"}).json()
    assert plain["action"] != "delete" and "群名片/昵称" not in plain["reason"]


@pytest.mark.parametrize(("sender", "deleted"), [({"card": "暑期工💰V:sq_7070", "nickname": "林"}, True),
                                                 ({"card": "", "nickname": "暑期工💰V:sq_7070"}, True),
                                                 ({"card": "小林-5栋", "nickname": "暑期工💰V:sq_7070"}, False)])
def test_the_onebot_senders_card_or_nickname_reaches_the_check(hook: TestClient, sender: dict[str, str],
                                                               deleted: bool) -> None:
    event = {"time": 1700000000, "post_type": "message", "message_type": "group", "group_id": 60001, "user_id": 777,
             "message_id": 5, "raw_message": POINTER, "message": [{"type": "text", "data": {"text": POINTER}}],
             "sender": {"user_id": 777, "role": "member", **sender}}
    r = hook.post("/onebot/v11", json=event)
    assert bool(r.status_code == 200 and r.json().get("delete")) is deleted


# --- soft strikes: a contact-only ad does not escalate a member's later messages --------------------------------
@pytest.fixture
def logged(tmp_path: Path) -> Moderator:
    audit = AuditLog(f"sqlite:///{tmp_path / 'audit.sqlite'}")
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(CHOIR),
                     audit=audit, group="choir")


def test_a_contact_only_strike_does_not_mute_the_next_contact_or_put_the_member_on_trial(logged: Moderator) -> None:
    first = _say(logged, "我有多复印的男低音歌谱，要的加我微信 haixiao_88", nickname="小海", n=0, user="hai")
    assert first.label == "ad" and first.action == Action.DELETE and first.checks.get("soft_strike"), first.reason
    ordinary = _say(logged, "今天排练大家辛苦了，指挥说下周练第二段", nickname="小海", n=1, user="hai")
    assert ordinary.label == "ok" and not (ordinary.checks.get("trust") or {}).get("struck"), ordinary.reason
    again = _say(logged, "要歌谱电子版的加我微信 haixiao_88", nickname="小海", n=2, user="hai")
    assert again.label == "ad" and again.action == Action.DELETE, again.reason
    assert again.checks["soft_strikes_skipped"] == 1 and "此前 1 次只凭联系方式的违规不累计升级" in again.reason
    assert not (again.checks.get("trust") or {}).get("struck")


def test_an_ad_with_a_link_still_climbs_the_ladder_over_soft_strikes(logged: Moderator) -> None:
    _say(logged, "我有多复印的男低音歌谱，要的加我微信 haixiao_88", nickname="小海", n=0, user="hai")
    _say(logged, "要歌谱电子版的加我微信 haixiao_88", nickname="小海", n=1, user="hai")
    hard = _say(logged, "声乐网课特价9.9元一节，名额有限，报名链接 https://t.cn/A6vQx9 ", nickname="小海", n=2, user="hai")
    assert hard.label == "ad" and not hard.checks.get("soft_strike"), hard.reason
    assert hard.action == Action.KICK and hard.strike == 3, hard.reason


def test_an_older_log_gets_the_soft_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:  # the strikes table as logs before round 45 have it
        conn.execute("CREATE TABLE strikes (id INTEGER PRIMARY KEY, ts FLOAT NOT NULL, group_id VARCHAR(128) NOT NULL, "
                     "user_id VARCHAR(128) NOT NULL, label VARCHAR(16) NOT NULL, verdict_id VARCHAR(64) NOT NULL)")
        conn.execute("INSERT INTO strikes (ts, group_id, user_id, label, verdict_id) VALUES (1e12, 'g', 'u', 'ad', 'v')")
    log = AuditLog(f"sqlite:///{path}")
    assert "soft" in {c["name"] for c in inspect(log.engine).get_columns("strikes")}
    assert log.count_strikes("g", "u", "ad", 30) == 1 and log.count_strikes("g", "u", "ad", 30, hard_only=True) == 1
    log.engine.dispose()

"""Round 53, d17c53 (issue 17, qa17r37): what a fresh QA found wrong. A member telling the organiser they will miss the
group's own event is on-topic (the excuse 加班 is no chatter); Cantonese contact phrases (PM我, 睇我主頁) and a Traditional
banned item are read like their Simplified forms. Messages written for these tests, for group kinds not used before:
a badminton association, a Hong Kong hiking club and a community choir."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.audit import AuditLog
from copilot.moderation.normalise import normalise
from copilot.moderation.pipeline import Moderator, Verdict
from copilot.moderation.signals import said_prices
from copilot.profile import parse_profile_text

BADMINTON = """name: 江北羽毛球协会
positioning: 周末一起打羽毛球、约球、交流技术
topics: [羽毛球, 约球, 球拍, 步法]
events:
  - {title: 周二晚场, kind: 线下活动, cadence: 每周二, time: "19:30", place: 江北体育馆, signup: 群接龙, host: 老周,
     details: 请假在群里跟会长说一声}
"""
CHOIR = """name: 社区合唱团交流群
positioning: 合唱团成员交流曲目、声部练习和乐理
topics: [合唱, 声部, 曲目, 乐理, 发声]
"""


@pytest.fixture
def judge(tmp_path: Path):  # type: ignore[no-untyped-def]
    """One fresh moderator per message (no strikes carried over), in a dry run."""
    def run(profile: str, text: str, user: str = "阿敏") -> Verdict:
        mod = Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile),
                        dry_run=True)
        return mod.moderate({"id": "m1", "user": user, "text": text})
    return run


# 1. a leave asked of the organiser for the group's own event

@pytest.mark.usefixtures("judge")
@pytest.mark.parametrize("text", ["会长我今晚加班请假一次", "老周，孩子发烧了今晚来不了", "队长这次不去了，老板临时让我加班"])
def test_leave_told_to_the_organiser_is_the_groups_own_business(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(BADMINTON, text)
    assert v.label == "ok" and v.action == "none", v.reason


@pytest.mark.usefixtures("judge")
def test_chatter_with_no_leave_or_no_event_is_still_chatter(judge) -> None:  # type: ignore[no-untyped-def]
    # told to nobody in charge: the overtime talk is the member's own
    assert judge(BADMINTON, "今天又加班到十点，老板真是不做人").label == "off_topic"
    # a group with no events of its own has no leave to ask: 会长 + 请假 of one's job is chatter
    assert judge(CHOIR, "跟会长说了，明天我请假去看演唱会，票超难抢").label == "off_topic"


# 2. Cantonese contact phrases and a Traditional banned item

HIKING = """name: 港島行山團
positioning: 週末一齊行山、分享路線同裝備
topics: [行山, 路線, 裝備, 露營]
banned: [收費帶團]
"""


def _signals(v: Verdict) -> dict[str, list[str]]:
    return {s["name"]: s["items"] for s in v.checks["signals"]}


@pytest.mark.usefixtures("judge")
def test_cantonese_contact_phrases_read_like_their_mandarin_form(judge) -> None:  # type: ignore[no-untyped-def]
    pm, si = judge(HIKING, "行山杖有多，有興趣PM我"), judge(HIKING, "行山杖有多，有兴趣私我")
    assert "invite" in _signals(pm) and "invite" in _signals(si)
    look, kan = judge(HIKING, "裝備清單放咗喺度，睇我主頁"), judge(HIKING, "装备清单放在这里，看我主页")
    assert "pointer" in _signals(look) and "pointer" in _signals(kan)
    assert look.action == kan.action != "none"


@pytest.mark.usefixtures("judge")
def test_a_time_in_english_is_no_pm_ask(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(HIKING, "聽日行麥理浩徑，今晚8pm我會喺群度講集合點")
    assert "invite" not in _signals(v)


@pytest.mark.usefixtures("judge")
def test_a_traditional_banned_item_is_matched_with_a_cantonese_ask(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(HIKING, "我哋有收費帶團，一位三百，有興趣PM我")
    assert v.label == "ad" and v.action == "delete" and "invite" in _signals(v) and "banned_deal" in _signals(v)
    simplified = judge(HIKING.replace("收費帶團", "收费带团"), "我哋有收費帶團，一位三百，有興趣PM我")
    assert simplified.label == "ad" and "banned_deal" in _signals(simplified)


# 3. an insult reported to the admins, in Cantonese as in Mandarin

@pytest.mark.usefixtures("judge")
@pytest.mark.parametrize("text", ["頭先有人喺群入面話我「冇腦」，想管理員跟進吓", "刚才有人在群里骂我「没脑子」，想让管理员跟进一下"])
def test_an_insult_reported_to_the_admins_is_the_groups_order(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(CHOIR, text)
    assert v.label == "ok" and v.action == "none", v.reason


@pytest.mark.usefixtures("judge")
def test_a_family_scolding_is_still_chatter(judge) -> None:  # type: ignore[no-untyped-def]
    # no admin is asked, or a chatter word says what it is about: the member's own life
    assert judge(CHOIR, "老公说我乱花钱，管理员你们评评理").label == "off_topic"


# 4. a dry run judges a join time sent with the message as a live run does, writing nothing

def _judged(data: Path, profile: str, msg: dict, *, dry: bool) -> Verdict:  # type: ignore[type-arg]
    s = Settings(data_dir=data, llm_provider="offline")
    audit = AuditLog.existing(s) if dry else "default"  # as `copilot moderate --dry-run` opens the log
    return Moderator(s, parse_profile_text(profile), audit=audit, dry_run=dry).moderate(dict(msg))


def test_a_dry_run_counts_the_join_time_like_a_live_run(tmp_path: Path) -> None:
    msg = {"id": "m1", "user": "新来的小王", "text": "满200减100，需要的来", "joined_at": time.time() - 600}
    dry = _judged(tmp_path / "dry", CHOIR, msg, dry=True)
    live = _judged(tmp_path / "live", CHOIR, msg, dry=False)
    assert dry.checks["trust"]["new_member"] is True and live.checks["trust"]["new_member"] is True
    assert (dry.label, dry.action) == (live.label, live.action)
    assert not (tmp_path / "dry" / "moderation.sqlite").exists()  # nothing written, not even a log


def test_a_dry_run_with_a_log_reads_a_new_join_without_writing_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    old = {"id": "m0", "user": "老成员阿华", "text": "这周排练《茉莉花》第二声部", "ts": time.time() - 30 * 86400}
    _judged(data, CHOIR, old, dry=False)  # the member was seen a month ago
    msg = {"id": "m1", "user": "老成员阿华", "text": "第二声部的谱子发一下", "joined_at": time.time() - 600}
    v = _judged(data, CHOIR, msg, dry=True)
    assert v.checks["trust"]["new_member"] is True  # re-joined ten minutes ago: judged strictly, as live would
    record = AuditLog.from_settings(Settings(data_dir=data, llm_provider="offline")).member("", "老成员阿华")
    assert record is not None and record.get("joined_ts") is None  # seen live a month ago; the dry run wrote no join


# 5. a reason never denies a price that was read

PHOTO = """name: 城西摄影爱好者群
positioning: 交流摄影技巧、器材和后期
topics: [摄影, 后期, 镜头, 相机, 跟拍]
"""


def test_a_sum_per_session_and_a_spend_and_save_offer_are_prices() -> None:
    assert said_prices(normalise("演出跟拍398一场").folded) == ["398"]
    assert said_prices(normalise("私教260一节，需要的私我").folded) == ["260"]
    assert said_prices(normalise("本周满200减100").folded) == ["200"]
    # a count of members, a year: no price
    assert said_prices(normalise("群里满200人了，大家多交流").folded) == []
    assert said_prices(normalise("2017年一场大雪把机位都埋了").folded) == []


@pytest.mark.usefixtures("judge")
@pytest.mark.parametrize("text", ["演出跟拍398一场，需要的私我", "跟拍满200减100，要的私我"])
def test_a_reason_never_says_no_price_where_one_was_read(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(PHOTO, text)
    assert v.label == "ad" and "没有联系方式、价格" not in v.reason and "价格" in v.reason, v.reason


@pytest.mark.usefixtures("judge")
def test_a_reason_still_says_no_price_where_none_was_said(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(PHOTO, "跟拍接单中，需要的私我")
    assert v.label == "ad" and "没有联系方式、价格或链接" in v.reason

"""Trust by history after a strike (issue 17 item 7): a member deleted or muted lately is judged like a new member —
stricter threshold, no trust earned from their messages — until the strike's window passes."""

from __future__ import annotations

import itertools
import sqlite3
import time
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.audit import AuditLog
from copilot.moderation.labels import ACTED
from copilot.moderation.pipeline import STRUCK_DAYS, Moderator, Verdict
from copilot.profile import parse_profile_text

CHESS = """name: 西湖边象棋角
positioning: 杭州的象棋爱好者约周末在公园下棋、复盘残局、交流开局
topics: [象棋, 残局, 开局, 复盘, 棋谱, 周末下棋]
"""
GROUP = "55001"
EVERYDAY = ["周六上午还在柳浪闻莺那边下吗", "昨天那盘当头炮我后面走软了", "这盘残局复盘完了，红方其实能和",
            "残局书推荐一本吧，想系统练练", "雨天改到茶馆里下棋", "谢谢老王，复盘很有用"]
OPEN_AD = "象棋培训班招生，一对一包教包会，加微信 xq20240818 咨询"  # a way to reach the seller: deleted
# the classifier is sure, rule evidence too weak to count (checks.classifier.alone). Round 83: 「全网最低价，需要的来」 was
# the line until 全网最低 became a seller's form (lexicons.yaml resale.seller_form), which with the classifier is two layers
SURE_ALONE = "特价清仓，需要的来"
BARE_PRIVATE = "残局棋谱会员便宜出，私我"  # only 私我 beside the group's own subject; the classifier is sure


@pytest.fixture
def chat(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Post into one group as a live chat: messages five minutes apart, a day ago, through one moderator."""
    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline")
    audit = AuditLog(f"sqlite:///{tmp_path / 'audit.sqlite'}")
    mod = Moderator(settings, parse_profile_text(CHESS), audit=audit, group=GROUP)
    clock = itertools.count()
    start = time.time() - 86400

    def post(user: str, text: str, ts: float | None = None) -> Verdict:
        n = next(clock)
        sent = start + 300 * n if ts is None else ts
        return mod.moderate({"id": f"m{n}", "user": user, "group": GROUP, "text": text, "ts": sent})

    post.audit = audit  # type: ignore[attr-defined]
    post.db = tmp_path / "audit.sqlite"  # type: ignore[attr-defined]
    yield post
    audit.engine.dispose()


def _regular(post, user: str) -> None:  # type: ignore[no-untyped-def]
    for text in EVERYDAY:
        assert post(user, text).label == "ok"


def test_a_struck_members_next_ad_like_message_is_acted_on_where_an_established_members_is_reviewed(chat) -> None:  # type: ignore[no-untyped-def]
    _regular(chat, "老王")
    _regular(chat, "阿杰")
    first = chat("阿杰", OPEN_AD)
    assert first.label == "ad" and first.action in ACTED
    old = chat("老王", SURE_ALONE)
    struck = chat("阿杰", SURE_ALONE)
    assert old.label == "ad" and old.action == "review" and old.checks["trust"].get("established")
    assert struck.label == "ad" and struck.action in ACTED, struck.reason
    assert struck.checks["trust"]["struck"] and struck.checks["trust"]["strict"]
    assert "近期被处置过" in struck.reason and "近期被处置过" in "、".join(struck.checks["evidence"]["layers"].values())


def test_a_struck_members_bare_private_contact_is_not_let_through_and_continues_the_pitch(chat) -> None:  # type: ignore[no-untyped-def]
    _regular(chat, "老王")
    assert chat("小周", OPEN_AD).action in ACTED
    member = chat("老王", BARE_PRIVATE)
    again = chat("小周", BARE_PRIVATE)
    assert member.label == "ok" and member.action == "none"  # between members 私我 is how they swap and meet
    assert again.label == "ad" and again.checks["trust"]["bare_contact_lifted"]
    # round 46: after a hard ad strike the call is the same pitch again (Moderator._repeat_layer): acted on, second step
    assert again.action == "mute" and again.strike == 2 and "repeat" in again.checks["evidence"]["layers"], again.reason


def test_a_struck_members_normal_messages_stay_ok_but_earn_no_trust_until_the_window_passes(chat) -> None:  # type: ignore[no-untyped-def]
    assert chat("小周", OPEN_AD).action in ACTED
    later = [chat("小周", text) for text in EVERYDAY[:4]]
    assert all(v.label == "ok" and v.action == "none" for v in later)
    assert all(v.checks["trust"]["struck"] for v in later)
    assert chat.audit.member(GROUP, "小周")["ok_count"] == 0
    with sqlite3.connect(chat.db) as conn:  # the strike is now older than its window
        conn.execute("update strikes set ts = ts - ?", ((STRUCK_DAYS + 1) * 86400,))
    after = chat("小周", EVERYDAY[4])
    assert after.label == "ok" and not after.checks["trust"].get("struck")
    assert chat.audit.member(GROUP, "小周")["ok_count"] == 1


def test_an_ok_verdict_corrected_to_an_ad_stops_counting_as_approved(chat) -> None:  # type: ignore[no-untyped-def]
    passed = [chat("阿杰", text) for text in EVERYDAY[:3]]
    assert chat.audit.member(GROUP, "阿杰")["ok_count"] == 3
    chat.audit.record_feedback(passed[0].verdict_id, "ad")
    assert chat.audit.member(GROUP, "阿杰")["ok_count"] == 2
    chat.audit.record_feedback(passed[0].verdict_id, "ad")  # the same correction again changes nothing
    assert chat.audit.member(GROUP, "阿杰")["ok_count"] == 2
    chat.audit.record_feedback(passed[0].verdict_id, "ok")  # and taking it back restores the record
    assert chat.audit.member(GROUP, "阿杰")["ok_count"] == 3


def test_a_flood_reminder_does_not_put_the_member_on_trial(chat) -> None:  # type: ignore[no-untyped-def]
    """Six excited replies in a few seconds get a reminder, but a reminder is not a deletion: the member's next
    message is judged as a member's (qa17r27: a reminded member's own sale was then deleted as 近期被处置过)."""
    _regular(chat, "老王")
    now = time.time() - 3600
    burst = [chat("老王", text, ts=now + i) for i, text in enumerate(["好棋！", "妙啊", "这步绝了", "哈哈哈", "学到了", "再来一盘"])]
    reminded = [v for v in burst if v.action == "remind"]
    assert reminded and all(v.label == "spam" for v in reminded)
    assert chat.audit.last_strike(GROUP, "老王", STRUCK_DAYS) is None
    later = chat("老王", SURE_ALONE, ts=now + 120)
    assert not later.checks["trust"].get("struck") and later.checks["trust"].get("established")
    assert later.action == "review"  # the classifier alone never acts on an established member


def test_a_deleted_ad_puts_the_member_on_trial_but_a_reminder_before_it_did_not(chat) -> None:  # type: ignore[no-untyped-def]
    now = time.time() - 7200
    for i, text in enumerate(["好棋！", "妙啊", "这步绝了", "哈哈哈", "学到了", "再来一盘"]):
        chat("阿杰", text, ts=now + i)
    assert chat.audit.last_strike(GROUP, "阿杰", STRUCK_DAYS) is None
    deleted = chat("阿杰", OPEN_AD)
    assert deleted.action == "delete"
    assert chat.audit.last_strike(GROUP, "阿杰", STRUCK_DAYS) is not None

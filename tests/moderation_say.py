"""One message said to a moderator in the moderation tests: ``say(mod, text, n=…, user=…)``, each file fixing its own
time base and gap with ``functools.partial``; ``audited_moderator`` is the offline moderator of one group with its own
audit log, for tests that follow a member's record; ``assert_fee_scam_deleted`` is what a deleted fee scam's verdict
shows; ``verdict_lines`` is every verdict of a run, whole, as JSON (for speed changes that must keep them); ``judged_alone``
is one message's label, action and reason from a member and group of its own (no flood, no context between tests)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from copilot.config import Settings
from copilot.moderation import Message, Moderator, Verdict
from copilot.moderation.audit import AuditLog
from copilot.moderation.labels import REMOVED, Action, Label
from copilot.profile import GroupProfile, parse_profile_text

T0 = 1_767_225_600.0  # 2026-01-01 00:00 UTC


def say(mod: Moderator, text: str, *, n: int = 0, user: str | None = None, nickname: str | None = None,
        t0: float = T0, gap: float = 60, with_id: bool = True) -> Verdict:
    """The verdict on ``text`` as the ``n``-th message, ``gap`` seconds after the one before from ``t0``, by ``user``
    (None: a member per message, m0, m1…) shown as ``nickname``; ``with_id`` gives it the id m<n> (an id makes a
    retried delivery get its stored verdict back)."""
    msg = {"user": user or f"m{n}", "nickname": nickname, "text": text, "ts": t0 + gap * n}
    if with_id:
        msg["id"] = f"m{n}"
    return mod.moderate(msg)


def judged_alone(mod: Moderator, text: str) -> tuple[Label, Action, str]:
    """``text``'s label, action and reason, said by a member in a group of its own: one test's messages never make
    another's a flood or its context."""
    key = abs(hash(text))
    v = mod.moderate(Message(id=text[:8], user=f"u{key}", text=text, group=f"g{key}"))
    return v.label, v.action, v.reason


def audited_moderator(tmp_path: Path, profile: str, group: str = "g1") -> Moderator:
    """The offline moderator of ``group`` with the profile ``profile`` (YAML text) and an audit log under ``tmp_path``."""
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile),
                     audit=AuditLog(f"sqlite:///{tmp_path / 'audit.sqlite'}"), group=group)


_DRY = itertools.count()


def dry_run_moderator(profile: str, tmp_path: Path) -> Moderator:
    """A dry-run offline moderator of ``profile`` (YAML text) with its own data folder under ``tmp_path`` (nothing is
    written to an audit log): one per group in a test."""
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_DRY)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def said_by(mod: Moderator, user: str, text: str) -> Verdict:
    """The verdict on ``text`` by ``user``, ten minutes after the message before it (no flood layer ties cases)."""
    return mod.moderate({"user": user, "text": text, "ts": 1_780_000_000 + 600 * next(_DRY)})


def assert_fee_scam_deleted(v: Verdict) -> None:
    """A fee scam (a fee to pay, a sure result and a private call) deleted as an ad, the reason naming it and not
    saying the message had no contact, price or link."""
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "先收费再包结果" in v.reason or "骗局" in v.reason
    assert "没有联系方式、价格或链接" not in v.reason


def verdict_lines(profile: GroupProfile, lines: list[str], speaker: str, speakers: int) -> list[str]:
    """Each of ``lines`` judged in turn by a fresh offline moderator of ``profile`` (no audit log), a minute apart, said by
    one of ``speakers`` members (speaker0, speaker1…): each verdict whole as sorted JSON, but its random id."""
    mod = Moderator(Settings(llm_provider="offline"), profile, audit=None)
    out = []
    for k, text in enumerate(lines):
        v = mod.moderate({"id": str(k), "user": f"{speaker}{k % speakers}", "text": text, "ts": 1_796_300_000 + 60 * k})
        data = v.model_dump(mode="json")
        data.pop("verdict_id")
        out.append(json.dumps(data, ensure_ascii=False, sort_keys=True, default=str))
    return out

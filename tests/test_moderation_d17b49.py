"""Round 49, d17b49 (issue 17): what a fresh tester saw.

- The name members see (Message.shown_name) is one definition for every entry point: ``nickname`` when given, else a
  ``user`` that is a name (the README's CLI input ``{"id","user","text"}``, the UI's ``昵称：内容``), never a bare account
  id (OneBot's numeric ``user_id``, a wxid). A contact in that name beside "see my name" is an ad however the message came.
Groups and messages written for these tests (a hog farmers' group, a Hong Kong podcast makers' group)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.moderation import Moderator
from copilot.moderation.message import message_from
from copilot.ui.moderation import parse_lines

HOGS = """
name: 上蔡养猪户互助群
positioning: 上蔡县散养户交流母猪产仔、仔猪防疫、饲料配方和出栏行情
topics: [养猪, 母猪, 仔猪, 猪价, 猪瘟, 防疫, 饲料, 猪舍, 猪粪, 出栏]
audience: 上蔡县的散养户
"""

PODCAST = """
name: 港式Podcast錄音組
positioning: 香港粵語 Podcast 主持交流錄音、剪接同搵嘉賓
topics: [Podcast, 錄音, 咪, 剪接, 嘉賓, 收聽, 訂閱]
audience: 香港做 Podcast 嘅人
script: zh-Hant
"""


# --- one definition of the name members see ---------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "shown"), [
    ({"user": "兽药直销-扣3344556677"}, "兽药直销-扣3344556677"),  # the README's CLI input: the name is in user
    ({"user": "30021", "nickname": "饲料厂家 v: sl-8899"}, "饲料厂家 v: sl-8899"),  # a QQ bot: id and card apart
    ({"user": "老陈", "nickname": "上蔡老陈"}, "上蔡老陈"),  # the card wins over a user field that is a name
    ({"user": "2837461950"}, None),  # a bare QQ number is the account, not a name anyone reads
    ({"user": "wxid_k2m9x81"}, None),  # a WeChat internal id likewise
    ({"user": "30021", "nickname": "  "}, None),  # a blank card and a numeric id: no name
    ({}, None),
])
def test_the_shown_name_is_the_card_else_a_user_field_that_is_a_name(fields: dict, shown: str | None) -> None:
    assert message_from({"text": "母猪产后不吃食怎么办", **fields}).shown_name == shown


def test_the_uis_pasted_name_is_the_shown_name() -> None:
    (m,) = parse_lines("兽药直销-扣3344556677：要药的看我昵称")
    assert message_from(m).shown_name == "兽药直销-扣3344556677"


def test_a_numeric_user_is_not_read_as_a_phone_number_in_a_name(profile_moderator) -> None:
    # nine digits would be a chat number in a name; as OneBot's user_id it says nothing about the sender
    v = profile_moderator(HOGS).moderate({"id": "n1", "user": "283746195", "text": "需要的看我名字"})
    assert v.label != "ad" and "名片" not in v.reason, v.reason


def _cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: str, rows: list[dict]) -> list[dict]:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    prof = tmp_path / "group.yaml"
    prof.write_text(profile, encoding="utf-8")
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    res = CliRunner().invoke(app, ["moderate", "--profile", str(prof), "--engine", "offline", "--no-audit"], input=lines)
    assert res.exit_code == 0, res.output
    return [json.loads(x) for x in res.stdout.strip().splitlines()]


def test_the_cli_reads_a_contact_in_the_user_field_as_the_name_members_see(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _cli(tmp_path, monkeypatch, HOGS, [
        {"id": "c1", "user": "兽药直销-扣3344556677", "text": "猪场缺药的看我昵称，当天发货"},
        {"id": "c2", "user": "老陈", "text": "猪场缺药的看我昵称，当天发货"},  # the same words from an ordinary name
        {"id": "c3", "user": "30021", "nickname": "兽药直销-扣3344556677", "text": "看我名字"},  # a bot's id + card
    ])
    assert [o["label"] for o in out][::2] == ["ad", "ad"], [o["reason"] for o in out]
    assert [o["action"] for o in out][::2] == ["delete", "delete"], [o["reason"] for o in out]
    assert "3344556677" in out[0]["reason"] and "3344556677" in out[2]["reason"]
    assert out[1]["action"] in ("none", "review") and "名片" not in out[1]["reason"], out[1]["reason"]


def test_the_cli_reads_a_traditional_shown_name_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _cli(tmp_path, monkeypatch, PODCAST, [
        {"id": "p1", "user": "聲音變現 wx:koi_voice77", "text": "想靠把聲搵錢，睇我名"},
        {"id": "p2", "user": "阿麗", "text": "想學點樣錄音錄得清楚啲，有冇人教下？"},
    ])
    assert [o["label"] for o in out] == ["ad", "ok"], [o["reason"] for o in out]
    assert "koi_voice77" in out[0]["reason"]


def test_an_ordinary_name_beside_see_my_name_is_not_an_ad(profile_moderator) -> None:
    mod: Moderator = profile_moderator(HOGS)
    v = mod.moderate({"id": "o1", "user": "上蔡老陈", "text": "我就是上回问仔猪拉稀那个，看我名字就知道"})
    assert v.label == "ok", v.reason


# --- a hyphenated handle is quoted as written ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "whole"), [
    ("想快速增粉的加 WeChat: hk-boost2025", "hk-boost2025"),
    ("兽药批发，加微信 sy-vet8866 详谈", "sy-vet8866"),
])
def test_a_contact_with_a_hyphen_is_quoted_whole(text: str, whole: str) -> None:
    from copilot.moderation.normalise import normalise
    from copilot.moderation.signals import detect

    items = [i for s in detect(normalise(text)).signals if s.name == "contact" for i in s.items]
    assert any(i.endswith(" " + whole) for i in items), items


def test_handles_keep_a_hyphen_inside_and_drop_dates() -> None:
    from copilot.moderation.sender import handles

    assert handles("Podcast增粉 WeChat: hk-boost2025") == {"hk-boost2025"}  # not boost2025: the first letters stay
    assert handles("2024-05-01 录了第一集") == frozenset()
    assert handles("号码 852-6677-8899") == {"85266778899"}


def test_a_repeat_after_a_struck_ad_quotes_the_hyphenated_handle_whole(tmp_path: Path) -> None:
    from copilot.config import Settings
    from copilot.moderation.audit import AuditLog
    from copilot.profile import parse_profile_text

    audit = AuditLog(f"sqlite:///{tmp_path / 'audit.sqlite'}")
    mod = Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(PODCAST),
                    audit=audit, group="g1")
    audit.record_join("g1", "30556")  # the bot's join notice: a new member, as ad accounts are
    name = "增粉推廣 WeChat: hk-boost2025"
    first = mod.moderate({"id": "h1", "user": "30556", "nickname": name, "text": "想一個月過萬訂閱，睇我個名", "ts": 1_767_225_600})
    assert first.label == "ad" and "hk-boost2025" in first.reason, first.reason
    later = mod.moderate({"id": "h2", "user": "30556", "nickname": name, "text": "名入面有", "ts": 1_767_226_200})
    assert later.label == "ad", later.reason
    assert "hk-boost2025" in later.reason and "（boost2025" not in later.reason, later.reason

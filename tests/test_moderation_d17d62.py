"""Round 62, d17d62 (qa17r46's worst verdicts): a sender id such as ``wx_a1`` (a custom WeChat id, a bot's member key)
carries no contact: the app's short name in it is its namespace, not a contact in a 群名片, so a member's question or recommendation is not an ad account's. A real
nickname with a contact in it (老王 V:wang888), from the CLI's ``nickname`` or ``user`` or OneBot's ``sender.card``,
still counts.
Messages and profiles written for these tests."""

from __future__ import annotations

import itertools
from pathlib import Path

from copilot.config import Settings
from copilot.moderation.labels import Action, Label
from copilot.moderation.pipeline import Moderator
from copilot.moderation.sender import name_evidence
from copilot.profile import parse_profile_text
from copilot.server.onebot import message_of

READERS = """name: 明光读屏互助群
positioning: 视障朋友和家属交流读屏软件、手机无障碍设置、出行和就业经验
topics: [读屏软件, 无障碍设置, 助视器, 盲人按摩就业, 出行导航]
audience: 视障人士和家属
platform: 微信
banned: [保健品, 贷款]
"""

COOKS = """name: 皖北乡厨交流群
positioning: 农村办酒席的厨师交流菜品、报价、设备和帮厨信息
topics: [酒席, 菜品, 报价, 帮厨, 厨房设备]
audience: 乡村厨师
platform: 微信
"""

_T = itertools.count()


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def test_an_account_id_carries_no_contact_but_a_name_with_one_does() -> None:
    for user in ("wx_a1", "wx_a35", "wx_chen", "qq_3321", "tea_lover_1988"):
        assert name_evidence(user) is None, user
    for name in ("老王 V:wang888", "招代理vx:kq2288", "vx_kq2288"):
        ev = name_evidence(name)
        assert ev is not None and ev.reach, name


def test_a_members_recommendation_from_a_wx_id_is_no_ad(tmp_path: Path) -> None:
    mod = _mod(tmp_path, READERS)
    v = mod.moderate({"id": "1", "user": "wx_a5",
                      "text": "我家用的是一款台式电子助视器，两千多，在京东买的 https://item.jd.com/100012345678.html 放大倍数够"})
    assert "sender_name" not in v.checks, v.reason
    assert v.action != Action.DELETE, v.reason
    assert "群名片" not in v.reason


def test_a_discount_from_a_member_with_a_wx_id_is_not_read_as_a_name_with_a_contact(tmp_path: Path) -> None:
    mod = _mod(tmp_path, READERS)
    v = mod.moderate({"id": "2", "user": "wx_a35", "text": "我是盲人按摩师，在杭州西湖区，群里朋友来按摩打八折，地址文三路88号"})
    assert "sender_name" not in v.checks, v.reason
    assert v.action != Action.DELETE, v.reason


def test_a_real_nickname_with_a_contact_still_counts_from_cli_and_onebot(tmp_path: Path) -> None:
    mod = _mod(tmp_path, COOKS)
    text = "调料批发一件代发，要的看我名字"
    for msg in ({"id": "3", "user": "wx_a9", "nickname": "老王 V:wang888", "text": text},
                {"id": "4", "user": "老王 V:wang888", "text": text}):
        v = mod.moderate(msg)
        assert v.label == Label.AD, v.reason
        assert v.checks["sender_name"]["name"] == "老王 V:wang888", v.checks.get("sender_name")
        assert "群名片/昵称" in v.reason
    event = {"post_type": "message", "message_type": "group", "group_id": 5566, "user_id": 20001, "message_id": 9,
             "time": 1796300100, "sender": {"card": "老王 V:wang888", "nickname": "wang", "role": "member"},
             "message": text}
    msg = message_of(event)
    assert msg is not None and msg.shown_name == "老王 V:wang888"
    assert _mod(tmp_path, COOKS).moderate(msg).checks["sender_name"]["name"] == "老王 V:wang888"


def test_a_onebot_sender_without_a_card_is_judged_by_the_text_alone(tmp_path: Path) -> None:
    event = {"post_type": "message", "message_type": "group", "group_id": 5566, "user_id": 20002, "message_id": 10,
             "time": 1796300100, "sender": {"card": "", "role": "member"},
             "message": "争渡读屏更新后有人遇到卡顿吗？我的一开就卡"}
    msg = message_of(event)
    assert msg is not None and msg.shown_name is None
    v = _mod(tmp_path, READERS).moderate(msg)
    assert v.label == Label.OK, v.reason

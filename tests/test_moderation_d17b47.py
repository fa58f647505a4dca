"""Round 47, d17b47 (issue 17, QA qa17r31): an obvious scam account — joined a moment ago, its first message a crypto,
forex, stock-tip or easy-money pitch — is removed at once, as the methodology says, with a group reply that is true of it
(not "多次违反群规"); a first ad without a fraud pitch, and the same pitch from a member who did not just join, keep the
ladder. An ad that points at the sender's name in Cantonese or with 看下 (睇我個名, 看下我名字) reads the name. Reasons in a
Hong Kong group say 聯絡 / 連結 (軟件, 賬號 stay), in a Taiwan group 聯絡 / 軟體; the region is read from the profile the same way
for drafts and moderation (locality included). ``joined_at`` and ``ts`` accept ISO 8601 as well as Unix seconds.
Groups and messages written for these tests (a Xiamen kitesurfing club, a Hong Kong miniature-painting group, a Tainan
mountain-rescue volunteers' group)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.message import BadMessage, message_from
from copilot.profile import parse_profile_text
from copilot.textnorm import moderation_traditional

KITE = """
name: 厦门风筝冲浪俱乐部
positioning: 厦门玩风筝冲浪的朋友约海边练习、交流装备和风况，新手互相带
topics: [风筝冲浪, 风筝板, 风况, 浪板, 安全绳, 教练, 海边, 装备]
audience: 厦门及周边的风筝冲浪爱好者
platform: wechat
"""

MINIS = """
name: 模型塗裝研究社
locality: 香港·旺角
positioning: 鍾意塗兵人模型嘅朋友交流上色、舊化同噴筆技巧，每月喺工作室搞一次塗裝夜
topics: [模型, 兵人, 塗裝, 上色, 舊化, 噴筆, 漆, 底漆]
audience: 模型塗裝愛好者
platform: whatsapp
script: zh-Hant
"""

RESCUE = """
name: 台南山域搜救志工
positioning: 台南的山域搜救志工排值勤、通知訓練，分享搜救裝備和野外急救知識
topics: [搜救, 值勤, 訓練, 繩索, 野外急救, 無線電, 裝備, 登山]
audience: 台南山域搜救隊員
platform: line
script: zh-Hant
"""


def _audited(tmp_path: Path, profile: str, group: str = "g47") -> Moderator:
    return Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), parse_profile_text(profile), group=group)


def _joined_then(mod: Moderator, user: str, text: str, group: str = "g47"):
    assert mod.audit is not None
    mod.audit.record_join(group, user, time.time() - 60)
    return mod.moderate({"id": f"{user}-1", "user": user, "text": text, "ts": time.time()})


@pytest.mark.parametrize("profile, text, cue", [
    (KITE, "大家好刚进群，每天群里免费分享以太坊合约信号，上周胜率88%，想跟单的加微信 eth_win2026", "胜率"),
    (KITE, "本群获得内部牛股名额，明日必涨停，点链接领取 http://t.cn/A6kiteX", "涨停"),
    (MINIS, "各位好，小弟專做外匯交易，日賺800至3000，穩定收益方案，有興趣私我", "外匯"),
    (RESCUE, "大家好～在家用手機就能多賺一點，一天一小時，有興趣的私我", "多賺"),
])
def test_a_new_accounts_first_fraud_pitch_is_removed_at_once(tmp_path: Path, profile: str, text: str, cue: str) -> None:
    v = _joined_then(_audited(tmp_path, profile), "newcomer", text)
    assert v.label == "ad", v.reason
    assert v.action == "kick", v.reason
    assert v.checks.get("scam_account"), v.checks
    assert cue in v.reason and ("诈骗类引流" in v.reason or "詐騙類引流" in v.reason), v.reason
    assert v.reply and "多次" not in v.reply and ("移出" in v.reply), v.reply


def test_a_group_can_keep_its_ladder_for_scam_accounts(tmp_path: Path) -> None:
    from copilot.moderation.policy import Policy
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), parse_profile_text(KITE), group="g47",
                    policy=Policy(remove_scam_accounts=False))
    v = _joined_then(mod, "newcomer", "每天免费分享以太坊合约信号，上周胜率88%，想跟单的加微信 eth_win2026")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert not v.checks.get("scam_account"), v.checks


def test_a_new_accounts_ad_without_a_fraud_pitch_is_only_deleted(tmp_path: Path) -> None:
    v = _joined_then(_audited(tmp_path, KITE), "seller", "出售全新风筝板，专柜价五折，加微信 kiteboard_88 看实物图")
    assert v.label == "ad", v.reason
    assert v.action == "delete", v.reason
    assert not v.checks.get("scam_account"), v.checks


def test_the_same_pitch_from_a_member_who_did_not_just_join_keeps_the_ladder(tmp_path: Path) -> None:
    mod = _audited(tmp_path, KITE)
    v = mod.moderate({"id": "o1", "user": "老会员", "ts": time.time(),
                      "text": "每天群里免费分享以太坊合约信号，上周胜率88%，想跟单的加微信 eth_win2026"})
    assert v.label == "ad", v.reason
    assert v.action != "kick", v.reason
    assert not v.checks.get("scam_account"), v.checks


def test_without_an_audit_log_nothing_is_removed_on_a_first_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(KITE).moderate({"id": "n1", "user": "x", "text": "免费分享比特币带单，胜率九成，加微信 btc_8899"})
    assert v.label == "ad" and v.action == "delete", v.reason


def test_a_members_finance_talk_is_no_pitch(tmp_path: Path) -> None:
    v = _joined_then(_audited(tmp_path, KITE), "newbie", "刚进群，我平时也定投指数基金，收益率一般，主要是想学风筝冲浪")
    assert v.label == "ok" and v.action == "none", v.reason


@pytest.mark.parametrize("profile, name, text", [
    (MINIS, "批發模型漆 加V paint_hk88", "想要平價噴筆漆嘅睇我個名"),
    (KITE, "风筝板批发 加V kite_pf66", "要团购板子的看下我名字"),
])
def test_an_ad_pointing_at_the_name_is_read_with_the_name(profile_moderator: Callable[[str], Moderator],
                                                          profile: str, name: str, text: str) -> None:
    v = profile_moderator(profile).moderate({"id": "p1", "user": name, "nickname": name, "text": text})
    assert v.label == "ad", v.reason
    assert "群名片" in v.reason, v.reason


def test_pointing_at_a_plain_name_is_nothing(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(MINIS).moderate({"id": "p2", "user": "阿明", "nickname": "阿明", "text": "我就係上次塗咗隻龍嗰個，睇我個名就知"})
    assert v.label != "ad", v.reason


def test_reason_words_follow_the_region() -> None:
    assert moderation_traditional("含联系方式：其他聊天软件账号，非白名单链接", "hk") == "含聯絡方式：其他聊天軟件賬號，非白名單連結"
    assert moderation_traditional("含联系方式：其他聊天软件账号，非白名单链接", "tw") == "含聯絡方式：其他聊天軟體帳號，非白名單連結"


def test_region_is_read_once_from_the_profile_for_drafts_and_moderation(tmp_path: Path) -> None:
    prof = parse_profile_text(MINIS)  # Hong Kong only in its locality
    assert prof.region() == "hk"
    assert parse_profile_text(RESCUE).region() == "tw"
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), prof, audit=None)
    v = mod.moderate({"id": "r1", "user": "x", "text": "專業代噴模型，價錢平，WhatsApp 6123 4567"})
    assert v.label == "ad", v.reason
    assert "聯絡" in v.reason and "聯繫" not in v.reason, v.reason


def test_a_taiwan_reason_says_software_the_taiwan_way(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(RESCUE).moderate({"id": "t1", "user": "y", "text": "專業登山裝備代購，價格最優，加LINE：gear_tw77"})
    assert v.label == "ad", v.reason
    assert "軟件" not in v.reason and "聯繫" not in v.reason, v.reason


@pytest.mark.parametrize("given, seconds", [
    (1796300100, 1796300100.0),
    ("1796300100", 1796300100.0),
    ("2026-12-03T20:15:00+08:00", 1796300100.0),
    ("2026-12-03T12:15:00Z", 1796300100.0),
    ("2026-12-03 20:15", 1796300100.0),  # no offset: UTC+8, the groups' zone
])
def test_times_are_unix_seconds_or_iso_8601(given: object, seconds: float) -> None:
    m = message_from({"text": "你好", "joined_at": given, "ts": given})
    assert m.joined_at == seconds and m.ts == seconds


@pytest.mark.parametrize("bad", ["昨天", "2026-13-01", "nan", "", True, float("inf")])
def test_a_time_in_neither_form_is_an_error_naming_the_field(bad: object) -> None:
    with pytest.raises(BadMessage, match="joined_at.*ISO 8601"):
        message_from({"text": "你好", "joined_at": bad})


def test_the_v1_hook_accepts_an_iso_join_time(tmp_path: Path) -> None:
    from datetime import datetime, timedelta, timezone

    from fastapi.testclient import TestClient

    from copilot.server import create_app
    prof = tmp_path / "kite.yaml"
    prof.write_text(KITE, encoding="utf-8")
    app = create_app(Settings(data_dir=tmp_path / "data", llm_provider="offline", groups={"30047": str(prof)}))
    c = TestClient(app, base_url="http://127.0.0.1")
    joined = (datetime.now(timezone.utc) - timedelta(minutes=2)).isoformat()
    body = {"id": "h1", "user": "9047", "group": "30047", "text": "大家好，刚进群，想学风筝冲浪", "joined_at": joined}
    r = c.post("/v1/moderate", json=body)
    assert r.status_code == 200, r.text
    assert r.json()["checks"]["trust"]["new_member"] is True, r.json()["checks"]["trust"]
    bad = c.post("/v1/moderate", json={**body, "id": "h2", "joined_at": "上周三"})
    assert bad.status_code == 400 and "joined_at" in bad.text and "ISO 8601" in bad.text


@pytest.mark.parametrize("text", [
    "🧧今天社长生日吧，快发个红包给大家🧧",
    "🧧🧧会长发个红包庆祝一下嘛🧧",
    "拿了冠军，队长发个红包啦",
])
def test_asking_a_title_holder_for_a_red_packet_is_spam(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(KITE).moderate({"id": "rp", "user": "z", "text": text})
    assert v.label == "spam", v.reason
    assert v.action == "remind", v.reason


@pytest.mark.parametrize("text", [
    "今天我生日，我发个红包给大家庆祝一下🧧",
    "队长发个集合定位，我找不到停车场",
    "谢谢会长的红包🧧🧧",
])
def test_a_members_own_red_packet_or_a_request_for_a_location_is_no_plea(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(KITE).moderate({"id": "rq", "user": "w", "text": text})
    assert v.label != "spam", v.reason


STOCKS = """
name: 价值投资读书会
positioning: 一起读价值投资的书，交流港股、美股和台股公司的财报
topics: [价值投资, 股票, 港股, 美股, 台股, 财报, 估值]
audience: 长期投资的上班族
platform: wechat
"""


@pytest.mark.parametrize("text", [
    "恒指今天又跌了四百点，我的港股全绿",
    "台积电最近又涨了，大家有没有上车？",
    "今晚有没有人睇波？英超曼联打利物浦",
])
def test_money_and_football_chatter_is_off_topic_where_the_group_is_not_about_them(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(KITE).moderate({"id": "mc", "user": "q", "text": text})
    assert v.label == "off_topic", v.reason


def test_the_same_market_talk_is_on_topic_in_a_group_about_it(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(STOCKS).moderate({"id": "ms", "user": "q", "text": "台积电的财报出来了，毛利率比上季度高"})
    assert v.label == "ok", v.reason


GAME = """
name: 永劫无间五排车队
positioning: 一起组队打永劫无间排位，交流连招、阵容和游戏设置
topics: [永劫无间, 排位, 组队, 连招, 阵容, 英雄, 设置, 服务器]
audience: 永劫无间玩家
platform: qq
"""


@pytest.mark.parametrize("text", [
    "外挂过滤开了还是遇到挂，不会的私我教你设置",
    "设置里的外挂检测要打开，开了之后匹配会慢一点",
])
def test_the_games_anti_cheat_setting_is_no_cheat_for_sale(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(GAME).moderate({"id": "g1", "user": "k", "text": text})
    assert v.label == "ok", v.reason


def test_a_cheat_for_sale_is_still_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(GAME).moderate({"id": "g2", "user": "k2", "text": "出永劫外挂，稳定不封号，价格私聊"})
    assert v.label == "ad" and v.action == "delete", v.reason

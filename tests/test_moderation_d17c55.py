"""Round 55, d17c55 (issue 17): the fresh QA's findings. A long repetitive message with an ad in its middle; garbled
evidence in reasons (a handle named for the wrong app, a negated promo word, fragments quoted as chatter words); the
reply's script on a re-delivered OneBot event; poaching members to a rival group; mute lengths in hours and days; a
chat's text export given to ``copilot moderate``. Groups and messages written for these tests (a Shenzhen community
fruit group-buy on WeChat, a Hong Kong hiking club on WhatsApp)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from moderation_say import audited_moderator, say
from typer.testing import CliRunner

from copilot.cli import app as cli_app
from copilot.moderation import Verdict
from copilot.moderation.pipeline import mute_length

GROUPBUY = """
name: 龙华锦绣苑水果团购群
positioning: 锦绣苑小区邻居的水果团购群，团长每周两次从产地拼单，大家接龙下单、楼下自提
topics: [水果, 团购, 接龙, 自提, 草莓, 砂糖橘]
audience: 锦绣苑业主
platform: wechat
banned: [其他团购, 微商]
"""

HIKE = """
name: 西貢行山隊
positioning: 香港西貢一帶的週末行山隊，隊長帶路，分享路線、裝備和天氣
topics: [行山, 路線, 裝備, 西貢, 麥理浩徑]
audience: 香港的行山愛好者
platform: whatsapp
script: zh-Hant
"""

Judge = Callable[[str, str], Verdict]
ACTED = ("delete", "warn", "mute", "kick")


# --- 1. a long message: an ad in a repetitive middle, and what was not read --------------------------------------------

def test_an_ad_in_the_middle_of_a_repetitive_long_message_decides(judge: Judge) -> None:
    pad = "今天小区门口的砂糖橘到了。" * 1600  # ~20,800 characters each side: the head and tail read as a flood
    v = judge(GROUPBUY, pad + "想要便宜货的加微信 lyg88990011 内部低价代购" + pad)
    assert v.label == "ad" and v.action in ACTED, v.reason
    assert "广告在第" in v.reason  # the reason says where in the message it was found


def test_a_repetitive_long_message_partly_unread_goes_to_a_person(judge: Judge) -> None:
    v = judge(GROUPBUY, "今天小区门口的砂糖橘到了。" * 3500)  # 45,500 characters: past what the middle reads
    assert v.label == "spam" and v.action == "review", v.reason
    assert "没有读" in v.reason


def test_a_short_flood_is_still_only_reminded(judge: Judge) -> None:
    v = judge(GROUPBUY, "哈" * 300)
    assert v.action != "review", v.reason


# --- 2. evidence quoted as the member wrote it, and only what it is ---------------------------------------------------

def test_a_whatsapp_number_is_named_for_whatsapp_not_wechat(judge: Judge) -> None:
    v = judge(HIKE, "全新行山頭燈批發價$38，加WhatsApp 6 1 2 3 4 5 6 7 訂購，數量有限")
    assert v.label == "ad" and v.action in ACTED, v.reason
    assert "微信" not in v.reason and "hatsapp6" not in v.reason.lower(), v.reason


def test_a_wechat_initial_after_jia_is_still_wechat(judge: Judge) -> None:
    v = judge(GROUPBUY, "丹东草莓到货了，批发价，要的加w lyg_5566")
    assert v.label == "ad" and "微信" in v.reason, v.reason


def test_a_denied_promo_word_is_not_quoted_as_one(judge: Judge) -> None:
    v = judge(GROUPBUY, "周末去了城郊草莓园，停车场十块一次，不限时，摘的草莓回来分给邻居了")
    assert "限时" not in v.reason, v.reason
    v = judge(GROUPBUY, "本店草莓限时特价 29 一斤，加微信 lyg556677 订购")
    assert v.label == "ad" and v.action in ACTED, v.reason


def test_chatter_evidence_quotes_only_whole_words_that_say_something(judge: Judge) -> None:
    for text in ("有冇人知西貢邊度有得食海鮮平少少？", "尋日睇咗部新戲，好好睇"):
        v = judge(HIKE, text)
        told = v.reason.split("說法：")[1].split("，")[0] if "說法：" in v.reason else ""
        assert told not in ("人知", "好好"), v.reason
        assert not any(w in told.split("、") for w in ("人知", "好好", "走了")), v.reason


# --- 3. a re-delivered event is answered in the group's script ----------------------------------------------------------

def test_a_redelivered_message_is_answered_in_traditional_like_the_first(tmp_path: Path) -> None:
    mod = audited_moderator(tmp_path, HIKE, group="hk1")
    first = say(mod, "求個紅包，搶到手氣最佳的發下一個", n=1)
    again = say(mod, "求個紅包，搶到手氣最佳的發下一個", n=1)  # the same event delivered twice
    assert first.reply and again.replayed and again.verdict_id == first.verdict_id
    assert again.reply == first.reply, (first.reply, again.reply)
    assert "重複投遞" in again.reason and "重复投递" not in again.reason, again.reason
    restarted = audited_moderator(tmp_path, HIKE, group="hk1")  # a new process reads the stored verdict
    assert say(restarted, "求個紅包，搶到手氣最佳的發下一個", n=1).reply == first.reply


# --- 4. members drawn away to another group or its seller --------------------------------------------------------------

def test_poaching_members_to_a_rival_group_buy_is_an_ad(judge: Judge) -> None:
    for text in ("隔壁群的团长卖的草莓才35，你们可以去看看，我拉你们进去",
                 "别的团长那边砂糖橘便宜一半，想要的我拉你进他们群"):
        v = judge(GROUPBUY, text)
        assert v.label == "ad" and v.action in ACTED, v.reason
        assert "别的群" in v.reason, v.reason


def test_talk_of_another_group_or_pulling_people_in_here_is_no_poaching(judge: Judge) -> None:
    for text in ("其他群也在接龙，有想一起的我拉你们进来这个群",
                 "隔壁群的团长说明天草莓到货，我们这边呢？",
                 "隔壁团长在问要不要拼一箱，我拉你进我们这个群问问他"):
        v = judge(GROUPBUY, text)
        assert v.label != "ad", v.reason


# --- 5. a mute's length as people say it ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("seconds", "said"), [(86400, "24 小时"), (3600, "1 小时"), (7200, "2 小时"), (600, "10 分钟"),
                                               (5400, "90 分钟"), (259200, "3 天"), (604800, "7 天")])
def test_a_mute_length_is_said_in_hours_or_days_when_whole(seconds: int, said: str) -> None:
    assert mute_length(seconds) == said


def test_a_second_ad_is_muted_for_24_hours_not_1440_minutes(tmp_path: Path) -> None:
    mod = audited_moderator(tmp_path, GROUPBUY, group="sz1")
    ad = "丹东草莓批发价，一箱只要60，加微信 lyg556677 下单"
    say(mod, ad, n=1, user="seller")
    second = say(mod, ad + "，今天最后一天", n=2, user="seller")
    assert second.action == "mute" and second.mute_seconds == 86400, second.reason
    assert "禁言 24 小时" in second.reason and "分钟" not in second.reason, second.reason


# --- 5b. a chat's text export given to copilot moderate -------------------------------------------------------------------

def test_a_whatsapp_text_export_is_moderated_message_by_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    prof = tmp_path / "hike.yaml"
    prof.write_text(HIKE, encoding="utf-8")
    export = tmp_path / "WhatsApp Chat.txt"
    export.write_text("[4/12/2026, 08:01:22] 阿詩: 第一次參加，應該跟得上嘛？\n"
                      "[4/12/2026, 08:03:10] 阿強: 跟得上，慢慢行就得，記得帶兩支水\n"
                      "[4/12/2026, 08:05:41] 行山用品店: 全新行山頭燈批發價$38，加WhatsApp 6 1 2 3 4 5 6 7 訂購，數量有限\n",
                      encoding="utf-8")
    res = CliRunner().invoke(cli_app, ["moderate", "-p", str(prof), "--engine", "offline", "--no-audit", "-i", str(export)])
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["label"] for o in out] == ["ok", "ok", "ad"], out
    assert "聊天记录" in res.stderr and "不是合法 JSON" not in res.stderr


def test_text_with_no_speaker_gets_the_jsonl_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    res = CliRunner().invoke(cli_app, ["moderate", "--engine", "offline", "--no-audit"],
                             input="周六早上七点北潭涌集合\n记得带够水和头灯\n")
    assert res.exit_code == 1
    assert "JSON Lines" in res.stderr and "jq -R" in res.stderr, res.stderr

"""Round 46, d17b46 (issue 17, QA qa17r30): a seller's phone or WhatsApp number in the shown name beside a price in the
message is an ad, even where the message shares a word with one of the group's events; a banned item the message names
beside a contact in the name is named in the reason; a red packet asked of the owner, an admin or "the bosses" is spam;
什么东西 is abuse only said of a person, and an abuse reason quotes the words the message has (咩嘢, not 什么东西); lines
read by ``copilot moderate`` without a time are not a 10-second burst. Groups and messages written for these tests (a
Sha Tin xiangqi club in Cantonese, a Tainan stray-dog volunteer group, a Suzhou model-rocket club for school pupils)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from moderation_say import say
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.sender import name_evidence
from copilot.profile import parse_profile_text

XIANGQI = """
name: 沙田象棋會
positioning: 沙田鍾意捉象棋嘅街坊交流開局、殘局同埋睇職業比賽，每個禮拜六下晝喺沙田公園擺棋
topics: [象棋, 開局, 殘局, 中局, 棋譜, 職業比賽, 讓先]
audience: 香港沙田嘅象棋愛好者
platform: whatsapp
script: zh-Hant
events:
  - {title: 禮拜六公園棋局, kind: 线下活动, cadence: 每個禮拜六下晝, place: 沙田公園}
banned: [賭棋, 網上博彩]
"""

DOGS = """
name: 台南浪浪志工
positioning: 台南的志工一起餵養流浪狗、帶去結紮、幫忙送養，分享照顧和訓練經驗
topics: [流浪狗, 浪浪, 結紮, 送養, 餵養, 中途, 狗糧]
audience: 台南愛狗志工
platform: line
script: zh-Hant
type: 其他
banned: [販售狗狗, 收費送養]
"""

ROCKETS = """
name: 苏州少年航模火箭社
positioning: 学校航模火箭社的老师和家长交流发射训练、模型制作和比赛安排，每周三放学后集训
topics: [航模, 火箭, 发射, 模型制作, 比赛, 集训, 发动机]
audience: 火箭社学生家长和老师
platform: qq
events:
  - {title: 周三集训, kind: 线下活动, cadence: 每周三放学后, place: 学校操场, host: 周老师}
banned: [代做模型, 推销培训班]
"""


_say = partial(say, user="u1", t0=1_764_000_000, gap=120)


# --- the shown name ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, item", [
    ("何Sir象棋班 9123 4567", "91234567"),  # a Hong Kong phone: eight digits, no 1 in front
    ("棋藝速成 WhatsApp 6789 0123", "67890123"),
])
def test_a_phone_or_whatsapp_number_in_the_name_is_a_way_to_reach(name: str, item: str) -> None:
    ev = name_evidence(name)
    assert ev is not None and ev.reach, ev
    assert any(item in w for w in ev.items), ev.items


@pytest.mark.parametrize("name", ["阿明 20250101", "2023届-初二-小周", "陈伯-5座", "Kelly_2018"])
def test_a_date_a_class_or_a_flat_in_the_name_is_no_way_to_reach(name: str) -> None:
    assert name_evidence(name) is None


def test_a_phone_in_the_name_beside_a_price_is_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(XIANGQI), "暑期象棋速成班，八堂只收$960，兩位同報再平", nickname="何Sir象棋班 9123 4567")
    assert v.label == "ad", v.reason
    assert "91234567" in v.reason and "$960" in v.reason, v.reason


def test_the_same_name_asking_a_price_or_chatting_is_not_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(XIANGQI)
    asked = _say(mod, "象棋鐘喺淘寶賣$280，你哋覺得值唔值？", nickname="何Sir象棋班 9123 4567", n=1)
    said = _say(mod, "今日嗰盤殘局好精彩，紅方棄車都贏到", nickname="何Sir象棋班 9123 4567", n=2)
    assert asked.label != "ad" and asked.action == "none", asked.reason
    assert said.label == "ok" and said.action == "none", said.reason


def test_an_outside_course_sharing_a_word_with_the_groups_event_is_an_ad(
        profile_moderator: Callable[[str], Moderator]) -> None:
    """集训 is the word of the group's own Wednesday session; a camp priced at a sum the profile never states, from a
    name carrying a WeChat id, is its writer's own sale."""
    mod = profile_moderator(ROCKETS)
    v = _say(mod, "寒假航模火箭集训营4680元，省队教练带，名额不多", nickname="航模培训 vx hm2026rk")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "hm2026rk" in v.reason, v.reason
    own = _say(mod, "周三集训照常，放学后操场集合，记得带护目镜", nickname="周老师 13912345678", user="t1", n=1)
    assert own.label == "ok" and own.action == "none", own.reason


def test_a_banned_item_beside_a_contact_in_the_name_is_named(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(XIANGQI)
    v = _say(mod, "職業比賽都可以落注，賠率最高，新客首次入金送三成", nickname="88娛樂 wa 6222 3344")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "網上博彩" in v.reason and "落注" in v.reason, v.reason
    assert "規則證據不足" not in v.reason, v.reason  # the name is rule evidence: the classifier did not stand alone
    warned = _say(mod, "提提大家：有人私訊話可以落注賭職業比賽，唔好信，見到就報俾管理員", nickname="阿強", user="u2", n=1)
    assert warned.label == "ok", warned.reason


# --- red packets ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("profile, text", [
    (DOGS, "版主發一個紅包啦，新年快樂"),
    (DOGS, "群主發紅包～討個吉利嘛"),
    (ROCKETS, "老板们发个红包庆祝一下火箭上天，求求了🧧"),
    (ROCKETS, "大佬发个红包沾沾喜气"),
])
def test_a_red_packet_asked_of_the_owner_or_the_bosses_is_spam(profile_moderator: Callable[[str], Moderator],
                                                               profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text)
    assert v.label == "spam", v.reason


@pytest.mark.parametrize("profile, text", [
    (ROCKETS, "老板发个定位，我们明天直接去发射场"),
    (ROCKETS, "我发个红包大家沾沾喜气，孩子们比赛拿奖了"),
    (DOGS, "版主發一個送養表格的連結好嗎？"),
])
def test_no_red_packet_asked(profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text)
    assert v.label != "spam", v.reason


# --- abuse reasons --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("profile, text", [
    (ROCKETS, "第一次参加集训，孩子要带什么东西？"),
    (ROCKETS, "这是什么东西，发射架上多了个零件"),
    (XIANGQI, "第一次嚟棋局，我要帶啲咩嘢？"),
])
def test_what_things_is_no_insult(profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text)
    assert v.label != "abuse", v.reason


@pytest.mark.parametrize("profile, text, quoted", [
    (ROCKETS, "你算什么东西，也来指挥我家孩子", "算什么东西"),
    (XIANGQI, "你算咩嘢呀，輸咗仲咁多聲氣", "算咩嘢"),
])
def test_said_of_a_person_it_is_abuse_quoted_as_written(profile_moderator: Callable[[str], Moderator],
                                                        profile: str, text: str, quoted: str) -> None:
    v = _say(profile_moderator(profile), text)
    assert v.label == "abuse", v.reason
    assert quoted in v.reason and quoted in text, v.reason
    assert "什麼東西" not in v.reason or "什么东西" in text, v.reason


# --- pace of lines without a time -----------------------------------------------------------------------------------------

BUSY = ["今日嗰盤中局我錯咗一步", "應該先出車", "唔係，應該行馬", "你睇下第十五手", "紅方其實贏緊", "最後係和棋", "下個禮拜再捉過"]


def test_lines_read_without_a_time_are_no_burst(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline")
    read = Moderator(settings, parse_profile_text(XIANGQI), audit=None, untimed_pace=False)
    live = Moderator(settings, parse_profile_text(XIANGQI), audit=None)
    read_out = [read.moderate({"id": f"r{i}", "user": "busy", "text": t}) for i, t in enumerate(BUSY)]
    live_out = [live.moderate({"id": f"l{i}", "user": "busy", "text": t}) for i, t in enumerate(BUSY)]
    assert all(v.label != "spam" for v in read_out), [v.reason for v in read_out]
    assert live_out[5].label == "spam", live_out[5].reason  # arriving now, six in ten seconds is a burst
    again = [read.moderate({"id": f"x{i}", "user": "rep", "text": "紅方贏緊！！！"}) for i in range(3)]
    assert again[2].label == "spam", again[2].reason  # the same text again and again still counts


def test_the_cli_does_not_call_a_busy_members_lines_a_burst(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    prof = tmp_path / "xq.yaml"
    prof.write_text(XIANGQI, encoding="utf-8")
    lines = "".join(json.dumps({"id": f"b{i}", "user": "busy", "text": t}, ensure_ascii=False) + "\n"
                    for i, t in enumerate(BUSY))
    res = CliRunner().invoke(app, ["moderate", "--profile", str(prof), "--engine", "offline", "--no-audit"], input=lines)
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.stdout.strip().splitlines()]
    assert len(out) == len(BUSY)
    assert all(o["label"] != "spam" for o in out), [o["reason"] for o in out]


# --- Taiwan wording -------------------------------------------------------------------------------------------------------

def test_a_taiwan_groups_reason_says_contact_and_account_as_taiwan_does(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(DOGS), "不是廣告啦，我朋友的狗糧很便宜，有需要加 L I N E：w a n g 5 2 0 8")
    assert v.label == "ad", v.reason
    assert "聯絡方式" in v.reason and "帳號" in v.reason, v.reason
    assert "聯繫" not in v.reason and "賬號" not in v.reason, v.reason
    hk = _say(profile_moderator(XIANGQI), "唔係廣告呀，我朋友棋盤好平，有需要加 L I N E：q i p a n 8 8 8")
    assert hk.label == "ad" and "qipan888" in hk.reason, hk.reason
    # Hong Kong has its own table (round 47): 聯絡 and 連結 as Taiwan, but 賬號 and 軟件 as OpenCC writes them
    assert "帳號" not in hk.reason and "聯絡" in hk.reason and "聯繫" not in hk.reason, hk.reason


# --- the words of a Go club and of a competition team (domains.yaml weiqi, competition) -----------------------------------

GO = """
name: 广州越秀围棋沙龙
positioning: 越秀区的业余棋友交流对弈心得，周日在少年宫下棋，也一起看职业比赛直播
topics: [围棋, 对局, 职业比赛, 棋谱]
audience: 广州的业余围棋爱好者
platform: wechat
"""

MATHS = """
name: 育才中学数学竞赛家长群
positioning: 数学竞赛队的家长和教练沟通备赛安排、参赛报名和训练资料
topics: [数学竞赛, 训练, 报名, 资料]
audience: 竞赛队学生家长
platform: wechat
"""


@pytest.mark.parametrize("profile, text", [
    (GO, "听说现在星位被点三三已经不算亏了，是真的吗？"),
    (GO, "执白贴目是六目半还是七目半？"),
    (MATHS, "市赛的名次出来了吗？我们队排第几？"),
    (MATHS, "初赛过了几个人能晋级复赛？"),
])
def test_the_groups_own_words_are_no_chatter(profile_moderator: Callable[[str], Moderator], profile: str,
                                            text: str) -> None:
    v = _say(profile_moderator(profile), text)
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("profile, text", [
    (GO, "有人知道哪里换手机电池便宜吗"),
    (MATHS, "周末有人一起去逛商场吗，听说打折"),
])
def test_chatter_in_those_groups_is_still_chatter(profile_moderator: Callable[[str], Moderator], profile: str,
                                                 text: str) -> None:
    v = _say(profile_moderator(profile), text)
    assert v.label == "off_topic", v.reason

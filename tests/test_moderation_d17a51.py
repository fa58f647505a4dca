"""Round 51, d17a51 (issue 17, QA qa17r35): a token of a member's own name that only looks like a handle (a radio
call-sign, a sail number, letters and a year) is not "the contact of the earlier ad" — after one ad of theirs is deleted,
their later ordinary messages are left alone, over the CLI, the HTTP hook and OneBot (group card or nickname) alike; a
name that carries a real way to reach (a WeChat id after its lead, a QQ or phone number) still counts (sender.name_handles,
Moderator._repeat_layer). Groups and messages written for these tests (a Chengdu kite-surfing club whose members write
their licence number in their card, a Xiamen model-railway club)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from moderation_say import audited_moderator, say
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import Action
from copilot.moderation.sender import handles, name_handles
from copilot.server import create_app

RAIL = """
name: 厦门模型铁路俱乐部
positioning: 厦门玩HO和N比例模型火车的朋友交流布景、轨道、数码控制和涂装，每月第一个周六在会所开放运行；会员之间可以转让自己的旧车模
topics: [模型火车, 火车模型, HO, N比例, 轨道, 道岔, 布景, 数码控制, DCC, 涂装, 车头, 车厢, 开放运行]
audience: 厦门的模型铁路爱好者
events:
  - {title: 会所开放运行, kind: 线下活动, cadence: 每月第一个周六, time: "14:00", place: 湖里会所, host: 老郑}
"""

T0 = 1_767_225_600.0
GAP = 600  # ten minutes apart: no flood
_say = partial(say, t0=T0, gap=GAP)

AD = "朋友开了家模型店，车模比淘宝便宜两成，要的加他微信 hobby_xm2026 报我名字"
ORDINARY = ["周六开放运行我带新涂装的车头去", "道岔老是脱轨，有人知道怎么调吗", "谢谢老郑，问题解决了"]


@pytest.fixture
def rail(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, RAIL)


def test_a_names_look_alike_token_is_no_handle_but_a_real_one_is() -> None:
    assert name_handles("BG8QRS-老王") == frozenset() and handles("BG8QRS-老王") == {"bg8qrs"}
    assert name_handles("DF65-07 阿彬") == frozenset() and name_handles("Lily2019") == frozenset()
    assert name_handles("老林 V:lin_rail88") == {"lin_rail88"}
    assert name_handles("模型店 Q 2837 4619 55") == {"2837461955"}
    # a card with a sail number beside a WeChat id: only the id reaches its owner
    assert name_handles("DF65-07 阿彬 vx cfmast_qd") == {"cfmast_qd"}


@pytest.mark.parametrize("name", ["BG8QRS-老王", "Lily2019", "HO-1987 阿德"])
def test_a_struck_member_with_a_handle_like_name_is_left_alone_afterwards(rail: Moderator, name: str) -> None:
    first = _say(rail, AD, user="u1", nickname=name)
    assert first.label == "ad" and first.action != Action.NONE, first.reason
    for n, text in enumerate(ORDINARY, start=1):
        v = _say(rail, text, n=n, user="u1", nickname=name)
        assert v.label == "ok" and v.action == Action.NONE, (text, v.reason)
        assert "又留了那条广告里的联系方式" not in v.reason
    # the call-sign said in the text is still the member's own name, not a contact the message left
    v = _say(rail, f"{name.split('-')[0].split(' ')[0]} 收到，周六见", n=9, user="u1", nickname=name)
    assert v.action == Action.NONE and "联系方式" not in v.reason, v.reason


def test_the_struck_ads_real_handle_left_again_is_still_an_ad(rail: Moderator) -> None:
    _say(rail, AD, user="u1", nickname="BG8QRS-老王")
    v = _say(rail, "hobby_xm2026", n=1, user="u1", nickname="BG8QRS-老王")
    assert v.label == "ad" and "hobby_xm2026" in v.reason, v.reason


def test_the_struck_ads_handle_moved_into_the_name_is_still_an_ad(rail: Moderator) -> None:
    # the name bore no such token when the ad was struck: the handle moved into it is the ad's contact, not the name
    _say(rail, AD, user="u3", nickname="阿德")
    v = _say(rail, "周末有空来会所玩", n=1, user="u3", nickname="阿德hobby_xm2026")
    assert v.label == "ad" and "hobby_xm2026" in v.reason, v.reason


def test_a_real_handle_in_the_name_still_follows_the_struck_ad(rail: Moderator) -> None:
    first = _say(rail, "车模批发，全场七折，加微信 rail_ws88 看货", user="u2", nickname="车模批发 V:rail_ws88")
    assert first.label == "ad" and first.action != Action.NONE, first.reason
    v = _say(rail, "大家晚上好", n=1, user="u2", nickname="车模批发 V:rail_ws88")
    assert v.label == "ad", v.reason


def test_the_cli_leaves_a_struck_members_later_lines_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    prof = tmp_path / "rail.yaml"
    prof.write_text(RAIL, encoding="utf-8")
    lines = "".join(json.dumps({"id": f"c{i}", "user": "BG8QRS-老王", "text": t, "ts": T0 + GAP * i},
                               ensure_ascii=False) + "\n" for i, t in enumerate([AD, *ORDINARY]))
    res = CliRunner().invoke(app, ["moderate", "--profile", str(prof), "--engine", "offline"], input=lines)
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.stdout.strip().splitlines()]
    assert out[0]["label"] == "ad", out[0]["reason"]
    assert all(o["label"] == "ok" and o["action"] == "none" for o in out[1:]), [o["reason"] for o in out[1:]]


@pytest.fixture
def hook(tmp_path: Path) -> TestClient:
    profile = tmp_path / "rail.yaml"
    profile.write_text(RAIL, encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline", groups={"70001": str(profile)})
    return TestClient(create_app(settings), base_url="http://127.0.0.1")


@pytest.mark.parametrize("sender", [{"card": "BG8QRS-老王", "nickname": "王"}, {"card": "", "nickname": "BG8QRS-老王"}])
def test_onebot_leaves_a_struck_members_later_messages_alone(hook: TestClient, sender: dict[str, str]) -> None:
    ops = []
    for i, text in enumerate([AD, *ORDINARY]):
        event = {"time": 1700000000 + 600 * i, "post_type": "message", "message_type": "group", "group_id": 70001,
                 "user_id": 888, "message_id": 10 + i, "raw_message": text,
                 "message": [{"type": "text", "data": {"text": text}}],
                 "sender": {"user_id": 888, "role": "member", **sender}}
        r = hook.post("/onebot/v11", json=event)
        assert r.status_code in (200, 204)
        ops.append(r.json() if r.status_code == 200 and r.content else {})
    assert ops[0].get("delete"), ops[0]
    assert not any(op.get("delete") or op.get("ban") or op.get("kick") for op in ops[1:]), ops[1:]


def test_the_http_hook_leaves_a_struck_members_later_messages_alone(hook: TestClient) -> None:
    first = hook.post("/v1/moderate", json={"id": "h0", "user": "901", "group": "70001", "text": AD,
                                            "nickname": "Lily2019", "ts": T0}).json()
    assert first["label"] == "ad", first["reason"]
    for i, text in enumerate(ORDINARY, start=1):
        v = hook.post("/v1/moderate", json={"id": f"h{i}", "user": "901", "group": "70001", "text": text,
                                            "nickname": "Lily2019", "ts": T0 + GAP * i}).json()
        assert v["label"] == "ok" and v["action"] == "none", (text, v["reason"])


# --- a new member whose name is the ad, saying nothing (Moderator._new_name_layer) ---------------------------------------
@pytest.mark.parametrize(("name", "text"), [("车模批发 微信 cmpf2026", "大家好，新人报到"),
                                            ("模型店 Q 2837 4619 55", "今天天气真不错"),
                                            ("小周 扣 736251904", "晚上好呀～")])
def test_a_new_members_name_with_a_contact_and_nothing_said_goes_to_a_person(rail: Moderator, name: str,
                                                                             text: str) -> None:
    rail.audit.record_join("g1", "n1")
    v = _say(rail, text, user="n1", nickname=name)
    assert v.label == "ad" and v.action == Action.REVIEW, v.reason
    assert "群名片/昵称" in v.reason and "新成员" in v.reason, v.reason


@pytest.mark.parametrize(("name", "text"), [("车模批发 微信 cmpf2026", "大家好，新人报到"),  # not new: no join, a record
                                            ("老郑 13912345678", "周六开放运行两点开始，大家别迟到")])
def test_a_member_of_record_or_the_groups_business_keeps_its_verdict(rail: Moderator, name: str, text: str) -> None:
    for n, t in enumerate(["周六开放运行我带新涂装的车头去", "道岔老是脱轨，有人知道怎么调吗", "谢谢，问题解决了",
                           "HO比例的轨道我用的是镍银的"]):
        _say(rail, t, n=n, user="old", nickname=name)
    v = _say(rail, text, n=5, user="old", nickname=name)
    assert v.label == "ok" and v.action == Action.NONE, v.reason


def test_a_new_member_asking_or_with_a_plain_name_keeps_its_verdict(rail: Moderator) -> None:
    rail.audit.record_join("g1", "n2")
    asks = _say(rail, "请问周六开放运行几点开始？", user="n2", nickname="小林 13812345678")
    assert asks.label == "ok" and asks.action == Action.NONE, asks.reason
    rail.audit.record_join("g1", "n3")
    plain = _say(rail, "大家好，新人报到", user="n3", nickname="BG8QRS-老王")
    assert plain.label == "ok" and plain.action == Action.NONE, plain.reason


# --- QQ as one 扣 before its number (patterns.yaml qq.short); a length in 米 before 的 (money_slang) -------------------------
@pytest.mark.parametrize("text", ["扣 52718364", "有事扣我 5271 8364", "要的扣：736251904"])
def test_a_qq_number_after_one_kou_is_a_contact(text: str) -> None:
    from copilot.moderation.normalise import normalise
    from copilot.moderation.signals import detect

    contact = detect(normalise(text)).signal("contact")
    assert contact is not None and any(i.startswith("QQ/群号 ") for i in contact.items), text


@pytest.mark.parametrize("text", ["这家店打折扣 123456 会员卡号", "纽扣 1234567 颗库存", "扣1报名周六开放运行", "违规一次扣 100000 分",
                                  "上个月扣 200000 元罚款"])
def test_kou_as_deduct_discount_or_a_reply_code_is_no_contact(text: str) -> None:
    from copilot.moderation.normalise import normalise
    from copilot.moderation.signals import detect

    contact = detect(normalise(text)).signal("contact")
    assert contact is None or not any(i.startswith("QQ/群号 ") for i in contact.items), (text, contact)


def test_the_same_kou_number_again_from_one_sender_is_an_ad(rail: Moderator) -> None:
    first = _say(rail, "扣 52718364", user="k1")
    assert first.label == "ad", first.reason
    again = _say(rail, "扣 52718364", n=1, user="k1")
    assert again.label == "ad" and again.action != Action.NONE, again.reason


def test_a_length_in_mi_before_de_is_no_price() -> None:
    from copilot.moderation.normalise import normalise
    from copilot.moderation.signals import detect

    assert detect(normalise("我那根2米的备用轨道不用了，送给需要的")).signal("money") is None
    money = detect(normalise("车模50米一个，要的私")).signal("money")
    assert money is not None and "50米" in money.items


# --- Cantonese red-packet and like begging (lexicons.yaml spam.packet_push, patterns.yaml cantonese) ----------------------
HK_KITES = """
name: 西貢風箏會
positioning: 香港西貢鍾意放風箏嘅街坊交流整風箏、揀線同睇風，每個禮拜日喺西貢海濱公園放
topics: [風箏, 放風箏, 風箏線, 骨架, 尾巴, 風向, 海濱公園]
audience: 西貢街坊
platform: whatsapp
script: zh-Hant
"""


@pytest.mark.parametrize("text", ["新年快到，大家派利是啦", "老闆派利是啦，恭喜發財", "會長派啲利是嚟啦"])
def test_a_cantonese_red_packet_plea_is_spam(tmp_path: Path, text: str) -> None:
    v = _say(audited_moderator(tmp_path, HK_KITES), text, user="k1")
    assert v.label == "spam" and v.action != Action.NONE, v.reason
    assert "利是" in v.reason, v.reason


@pytest.mark.parametrize("text", ["我派利是俾大家，恭喜發財", "今日收到好多利是，好開心"])
def test_a_members_own_red_packet_is_no_plea(tmp_path: Path, text: str) -> None:
    v = _say(audited_moderator(tmp_path, HK_KITES), text, user="k2")
    assert v.label != "spam", v.reason


@pytest.mark.parametrize("text", ["我條片參加比賽，拜託大家撳個like", "幫手㩒下like呀，唔該晒"])
def test_a_cantonese_like_plea_is_read_as_one(tmp_path: Path, text: str) -> None:
    v = _say(audited_moderator(tmp_path, HK_KITES), text, user="k3")
    assert v.label == "spam", v.reason
    assert "like" in v.reason, v.reason  # the reason quotes the words written, not their Mandarin reading


# --- an @account beside a word to follow it or write to it (patterns.yaml profile_apps.follow) -----------------------------
@pytest.mark.parametrize("text", ["@railcoach_xm 私信报名，4次课599", "车模定制，私信 @railcoach_xm 报价300起"])
def test_an_at_account_to_write_to_beside_a_price_is_a_contact(rail: Moderator, text: str) -> None:
    v = _say(rail, text, user="i1")
    assert v.label == "ad" and "社交账号 railcoach_xm" in v.reason, v.reason


@pytest.mark.parametrize("text", ["@Lily2019 周六见", "@lily2019 私信你了，图纸发你", "推荐 @rail.daily.xm 这个账号，好多布景"])
def test_a_mention_of_a_member_or_a_shared_account_is_no_contact(rail: Moderator, text: str) -> None:
    v = _say(rail, text, user="i2")
    assert v.label != "ad" and v.action == Action.NONE, v.reason


# --- a hotline called is no reply code; a spaced handle with an underscore is a handle ------------------------------------
@pytest.mark.parametrize("text", ["不懂的可以打1999问，市政府有手语视讯服务，免费的", "打12345咨询就行，免费的"])
def test_a_hotline_called_to_ask_is_no_reply_bait(rail: Moderator, text: str) -> None:
    v = _say(rail, text, user="h1")
    assert v.label != "ad" and v.action == Action.NONE, v.reason
    assert "打1" not in v.reason, v.reason


@pytest.mark.parametrize("text", ["回复1领取免费资料", "免费体验课，想要的扣1"])
def test_a_reply_code_is_still_one(rail: Moderator, text: str) -> None:
    v = _say(rail, text, user="h2")
    assert v.label == "ad", v.reason


def test_a_short_label_before_spaced_letters_with_an_underscore_is_a_handle() -> None:
    from copilot.moderation.normalise import normalise
    from copilot.moderation.signals import detect

    contact = detect(normalise("小V：x i a m e n _ rail")).signal("contact")
    assert contact is not None and "账号 xiamen_rail" in contact.items
    assert detect(normalise("V：x i a m e n")).signal("contact") is None  # letters alone read as a spaced word


# --- likes asked in passing for a member's own result or work (lexicons.yaml spam.shared/like/contest) ---------------------
def test_likes_asked_for_a_members_own_work_are_no_canvassing(rail: Moderator) -> None:
    v = _say(rail, "谢谢大家支持！今天的布景成果照片放在主页了，有空帮忙点个赞", user="s1")
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    assert "不算拉票" in v.reason, v.reason


@pytest.mark.parametrize("text", ["谢谢大家！我的布景参加比赛了，帮忙点个赞，每个赞都算票", "谢谢大家，帮忙点个赞集赞换奖品",
                                  "成果放在主页了，大家帮忙点个赞 https://vote.example.cn/x"])
def test_likes_that_count_somewhere_or_come_with_a_link_are_still_a_plea(rail: Moderator, text: str) -> None:
    v = _say(rail, text, user="s2")
    assert v.label == "spam", v.reason


# --- mock praise beside a ranking failure (veiled.yaml mock_praise.failing) -------------------------------------------------
def test_mock_praise_beside_a_last_place_is_veiled_abuse(rail: Moderator) -> None:
    v = _say(rail, "你真是个人才，每次开放运行比赛都垫底", user="v1")
    assert v.label == "abuse", v.reason
    assert "讽刺或假客气" in v.reason, v.reason


def test_praise_for_climbing_from_last_place_is_no_abuse(rail: Moderator) -> None:
    v = _say(rail, "你真厉害，从最后一名追到了第三", user="v2")
    assert v.label != "abuse" and "讽刺" not in v.reason and v.action in (Action.NONE, Action.REVIEW), v.reason

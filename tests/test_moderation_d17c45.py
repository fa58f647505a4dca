"""Round 45, d17c45 (issue 17, QA qa17r29): a member asking the others to do the group's own thing together (约一场、还差
两个人、缺义工、想嚟嘅) with a handle is the group's own activity, not an ad, whether or not the profile's schedule names it —
unless what it invites to is taught or sold (讲座、速成班); a banned item the writer negates (只计分不赌钱) or warns about
(好危险，大家别学; 那是疗效宣称，大家不要信) is none, and a cure claim for sale names the banned category; a fake official
ban to forward in Cantonese or Taiwanese wording is spam, a red packet asked of the owner is spam, on9 and 你懂个屁 are
abuse; 星座 and 月亮 are no chatter in a stargazing group. Groups and messages written for these tests (a Chengdu
Sichuan-opera amateurs' group, a Hong Kong street-basketball group, a Taichung bonsai group, a Hangzhou stargazing group,
a Shenzhen Bay kite group). A ``/v1`` bot without OneBot's join notices passes the sender's join time (``joined_at``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict

OPERA = """
name: 成都川剧票友群
positioning: 成都喜欢川剧的票友交流唱腔、身段和锣鼓经，周末约在茶馆清唱，也去社区给老人义演
topics: [川剧, 票友, 唱腔, 身段, 锣鼓, 帮腔, 清唱, 变脸, 折子戏]
audience: 成都的川剧票友
platform: wechat
banned: [卖戏票加价, 赌钱]
"""

HOOPS = """
name: 香港街場籃球友
positioning: 香港鍾意打街場籃球嘅朋友約波、分隊、傾技術
topics: [籃球, 街場, 約波, 分隊, 投籃, 運球, 三人賽, 波鞋]
audience: 香港嘅業餘籃球愛好者
platform: whatsapp
script: zh-Hant
"""


def _one(moderator: Moderator, text: str, user: str = "u1") -> Verdict:
    return moderator.moderate({"id": "m1", "user": user, "text": text})


@pytest.mark.parametrize("profile, text", [
    (OPERA, "礼拜天下午在人民公园鹤鸣茶社约一场清唱，还差一个打锣鼓的票友，想来的加我微信 chuanju_lao 好联系"),
    (OPERA, "下个月去社区给老人义演折子戏，缺两个跑龙套的义工，免费的，愿意来的加我微信 yiyan_2026"),
    (HOOPS, "星期六下晝喺修頓球場打三人賽，仲差兩個，想嚟嘅加我WhatsApp hoops_kenny 方便聯絡"),
])
def test_an_invitation_to_the_groups_own_activity_is_not_an_ad(profile_moderator: Callable[[str], Moderator],
                                                              profile: str, text: str) -> None:
    v = _one(profile_moderator(profile), text)
    assert v.label == "ok", v.reason
    assert v.action == "none", v.reason
    assert "本群自己的活动" in v.reason or "本群自己的活動" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (OPERA, "免费川剧公益讲座，名师教你唱腔速成，名额30人，想来的加我微信 changqiang_vip"),
    (HOOPS, "暑期籃球速成班，一對一教你運球，$2800八堂，仲差兩個位，想嚟嘅WhatsApp我 6012 7788"),
])
def test_a_class_or_talk_sold_to_members_is_still_an_ad(profile_moderator: Callable[[str], Moderator],
                                                        profile: str, text: str) -> None:
    v = _one(profile_moderator(profile), text, user="s1")
    assert v.label == "ad", v.reason
    assert v.action == "delete", v.reason


def test_a_negated_banned_item_is_no_banned_deal(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(OPERA), "周五晚上茶馆清唱完大家打一会儿牌，只计分不赌钱，想来的微信找我 lao_chen66")
    assert "赌钱" not in v.reason, v.reason
    assert v.action not in ("delete", "mute", "kick"), v.reason


def test_a_banned_item_that_is_offered_is_still_banned(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(OPERA), "茶馆包间可以赌钱，一晚上输赢几千，想玩的加我微信 mj_dubo", user="s2")
    assert v.label == "ad" and "赌钱" in v.reason, v.reason


BONSAI = """
name: 台中盆景同好會
positioning: 台中喜歡盆景的朋友交流修剪、蟠紮、換盆和澆水，偶爾一起逛花市
topics: [盆景, 修剪, 蟠紮, 換盆, 松柏, 雜木, 盆器, 花市]
audience: 台中的盆景愛好者
platform: line
script: zh-Hant
banned: [療效宣稱, 賣山採樹]
"""


@pytest.mark.parametrize("profile, text", [
    (HOOPS, "【轉傳】康文署公告：下個月起街場打波一律要預約，違者罰五千，請轉俾所有打波嘅朋友！"),
    (BONSAI, "【轉傳】農委會公告：明年起私人盆景全面禁止買賣，請轉給所有種盆景的朋友"),
])
def test_a_fake_official_ban_to_forward_is_spam(profile_moderator: Callable[[str], Moderator], profile: str,
                                                text: str) -> None:
    v = _one(profile_moderator(profile), text, user="r1")
    assert v.label == "spam", v.reason
    assert v.action == "delete", v.reason


def test_a_true_notice_with_no_one_to_forward_to_is_no_chain(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(BONSAI), "花市管理處說下個月起攤位禁止販售活體昆蟲，週六去的朋友注意一下")
    assert v.label != "spam", v.reason


@pytest.mark.parametrize("profile, text", [
    (HOOPS, "群主發紅包啦，今日冬至🧧"),
    (BONSAI, "版主發個紅包嘛，今天尾牙耶🧧"),
])
def test_a_red_packet_asked_of_the_owner_is_spam(profile_moderator: Callable[[str], Moderator], profile: str,
                                                 text: str) -> None:
    assert _one(profile_moderator(profile), text, user="p1").label == "spam"


@pytest.mark.parametrize("profile, text, word", [
    (HOOPS, "on9 上籃都唔識 仲喺度教人", "on9"),
    (OPERA, "你懂个屁的帮腔，回去多听两年再说", "你懂个屁"),
])
def test_cantonese_and_colloquial_insults_are_abuse(profile_moderator: Callable[[str], Moderator], profile: str,
                                                    text: str, word: str) -> None:
    v = _one(profile_moderator(profile), text, user="a1")
    assert v.label == "abuse", v.reason
    assert word in v.reason, v.reason


def test_a_cure_claim_for_sale_names_the_banned_category(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(BONSAI), "我種的七葉膽泡茶可以治療糖尿病，一包只要350，私訊我", user="s3")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "療效宣稱" in v.reason, v.reason


def test_a_warning_that_names_the_banned_category_is_none(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(BONSAI), "有人在別的群說盆景的松針泡水能治癌，那是療效宣稱，大家不要信")
    assert v.label == "ok" and v.action == "none", v.reason


SKY = """
name: 杭州西溪观星小组
positioning: 杭州的天文爱好者交流观星、拍星空和望远镜，周末去郊外暗夜地观测
topics: [观星, 星空摄影, 望远镜, 赤道仪, 流星雨]
audience: 杭州的天文爱好者
"""


@pytest.mark.parametrize("text", [
    "这个季节晚上九点能看到哪些星座？",
    "今晚的月亮被云挡住了",
])
def test_a_chatter_word_that_is_the_groups_subject_is_not_chatter(profile_moderator: Callable[[str], Moderator],
                                                                   text: str) -> None:
    v = _one(profile_moderator(SKY), text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_safety_warning_that_names_the_banned_act_is_none(profile_moderator: Callable[[str], Moderator]) -> None:
    kites = """
name: 深圳湾风筝同好
positioning: 深圳湾放风筝的朋友交流做风筝、放线和安全
topics: [风筝, 放线, 风筝线, 骨架, 软翼]
banned: [机场附近放风筝]
"""
    v = _one(profile_moderator(kites), "昨天又看到有人在机场附近放风筝，线缠到护栏上，好危险，大家别学")
    assert v.label == "ok" and v.action == "none", v.reason


def _audited(tmp_path, profile: str) -> Moderator:
    from copilot.config import Settings
    from copilot.profile import parse_profile_text
    return Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), parse_profile_text(profile), group="g45")


def test_a_join_time_sent_with_the_message_makes_a_new_member(tmp_path) -> None:
    import time
    mod = _audited(tmp_path, OPERA)
    now = time.time()
    v = mod.moderate({"id": "j1", "user": "新人", "text": "大家好，我是新来的票友，喜欢听变脸", "ts": now,
                      "joined_at": now - 120})
    assert v.checks["trust"]["new_member"] is True, v.checks["trust"]
    assert mod.audit is not None and abs(mod.audit.member("g45", "新人")["joined_ts"] - (now - 120)) < 1
    plain = mod.moderate({"id": "j2", "user": "老票友", "text": "今天的帮腔起得有点高", "ts": now})
    assert plain.checks["trust"]["new_member"] is False, plain.checks["trust"]


def test_the_same_join_time_again_does_not_restart_the_clock(tmp_path) -> None:
    import time
    mod = _audited(tmp_path, OPERA)
    joined = time.time() - 3600
    mod.moderate({"id": "k1", "user": "小李", "text": "请问锣鼓经从哪一段开始学", "joined_at": joined})
    assert mod.audit is not None
    mod.audit.record_join("g45", "小李", joined - 30)  # the bot's own notice, a little earlier
    mod.moderate({"id": "k2", "user": "小李", "text": "谢谢老师，我先背一下", "joined_at": joined})
    assert abs(mod.audit.member("g45", "小李")["joined_ts"] - (joined - 30)) < 1


def test_joined_at_is_a_documented_v1_field(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from copilot.config import Settings
    from copilot.server import create_app
    prof = tmp_path / "opera.yaml"
    prof.write_text(OPERA, encoding="utf-8")
    app = create_app(Settings(data_dir=tmp_path / "data", llm_provider="offline", groups={"20045": str(prof)}))
    c = TestClient(app, base_url="http://127.0.0.1")
    import time
    body = {"id": "h1", "user": "9001", "group": "20045", "text": "大家好，刚进群，想学川剧唱腔", "joined_at": time.time() - 60}
    v = c.post("/v1/moderate", json=body).json()
    assert "warnings" not in v, v.get("warnings")
    assert v["checks"]["trust"]["new_member"] is True, v["checks"]["trust"]
    bad = c.post("/v1/moderate", json={**body, "id": "h2", "joined_at": True})
    assert bad.status_code == 400 and "joined_at" in bad.text


@pytest.mark.parametrize("profile, text", [
    (OPERA, "【转发】听说川剧院明年就要拆了，不转的不是真票友"),
    (HOOPS, "【轉發】有人喺街場俾人呃錢，唔轉嘅唔係真兄弟"),
])
def test_forward_or_you_are_not_one_of_us_is_a_chain_letter(profile_moderator: Callable[[str], Moderator],
                                                             profile: str, text: str) -> None:
    v = _one(profile_moderator(profile), text, user="c1")
    assert v.label == "spam" and v.action == "delete", v.reason

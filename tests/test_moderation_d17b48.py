"""Round 48, d17b48 (issue 17): what a fresh tester saw.

- An advertiser deleted for a pitch comes back with only its handle (a bare handle, 滴滴 + handle, 賴 + handle, or the
  handle moved into its shown name): the same handle as in the struck ad is a way to reach the writer and continues the
  pitch (Moderator._repeat_layer, AuditLog.struck, sender.handles).
- A handle after a lone v or x is quoted whole in the reason (the compact form had read its first letter as the app).
- A combo's short cue is a word of the text, not one cut across two (a time's 点 and 下周 make no 点下).
- A red packet or cash to claim through an outside link is spam, deleted (signals.yaml packet_link).
Groups and messages written for these tests (a blood-donor volunteers' group, a Hong Kong tram club)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import audited_moderator, say

from copilot.moderation import Moderator
from copilot.moderation.labels import Action
from copilot.moderation.normalise import normalise
from copilot.moderation.sender import handles
from copilot.moderation.signals import detect
from copilot.profile import parse_profile_text

BLOOD = """
name: 汉口献血志愿者群
positioning: 汉口献血屋的志愿者排班值守、做献血宣传，分享献血前后的注意事项
topics: [献血, 无偿献血, 献血屋, 值守, 排班, 志愿者, 血小板, 献血证, 宣传]
audience: 汉口的献血志愿者
"""

TRAM = """
name: 港島電車同好
positioning: 香港電車迷交流車款、路線同拍車位，每月一齊影相
topics: [電車, 叮叮, 車廠, 路線, 車款, 拍車, 模型, 站牌]
audience: 香港電車迷
script: zh-Hant
"""

T0 = 1_767_225_600.0
GAP = 600  # ten minutes apart: no flood, the repeats are the member's history
_say = partial(say, t0=T0, gap=GAP)


@pytest.fixture
def blood(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, BLOOD)


@pytest.fixture
def tram(tmp_path: Path) -> Moderator:
    return audited_moderator(tmp_path, TRAM)


def test_handles_are_read_whole_and_ordinary_words_are_not_handles() -> None:
    assert handles("滴滴 Hx_Jiankang77") == {"hx_jiankang77"}
    assert handles("+852 6123 4567") == {"85261234567"}
    assert handles("今天献血屋人好多，下午三点收工") == frozenset()
    assert handles("周六 9:00 见，hello everyone") == frozenset()  # no digit or _ in a word, no long number
    assert handles("20261203") == frozenset()  # a date is no number to reach anyone at


def test_a_bare_handle_after_a_deleted_pitch_is_an_ad_that_quotes_it(blood: Moderator) -> None:
    pitch = _say(blood, "献血后补气血就喝我们的红枣浆，原价198今天群内99，要的加我微信 hx_jiankang77", user="s1", n=0)
    assert pitch.label == "ad" and pitch.action == Action.DELETE, pitch.reason
    for n, text in enumerate(["滴滴 hx_jiankang77", "hx_jiankang77"], start=1):
        v = _say(blood, text, user="s1", n=n)
        assert v.label == "ad" and v.action in (Action.MUTE, Action.KICK), v.reason
        assert "hx_jiankang77" in v.reason and "那条广告里的联系方式" in v.reason
        assert "规则证据不足" not in v.reason


def test_the_struck_handle_moved_into_the_name_makes_an_offer_an_ad(tram: Moderator) -> None:
    pitch = _say(tram, "全新叮叮合金模型批發，一架只係$88，大量現貨，想要加賴 leo_tram168", user="s2", n=0)
    assert pitch.label == "ad" and pitch.action == Action.DELETE, pitch.reason
    v = _say(tram, "模型仲有貨", user="s2", nickname="LINE:leo_tram168", n=1)
    assert v.label == "ad" and v.action != Action.NONE, v.reason
    assert "leo_tram168" in v.reason


def test_a_handle_that_was_never_in_a_struck_ad_is_left_alone(blood: Moderator) -> None:
    pitch = _say(blood, "献血后补气血就喝我们的红枣浆，原价198今天群内99，要的加我微信 hx_jiankang77", user="s1", n=0)
    assert pitch.label == "ad"
    # another member's own handle, and the advertiser's message with a different, unrelated code
    assert _say(blood, "lily_2020", user="m2", n=1).action == Action.NONE
    other = _say(blood, "bus 702 在哪个站下？", user="m3", n=2)
    assert other.label == "ok", other.reason


def test_a_members_handle_with_no_struck_ad_is_not_an_ad(blood: Moderator) -> None:
    v = _say(blood, "周六值守我从汉口站开车过去，能带两个人，要搭车的加我 deng_wh2024", user="m4", n=0)
    assert v.label == "ok" and v.action == Action.NONE, v.reason


@pytest.mark.parametrize(("text", "handle"), [("+V xz_auction66", "xz_auction66"), ("v xiao_yangsheng88", "xiao_yangsheng88"),
                                              ("加v vlin_xm", "vlin_xm")])
def test_a_handle_after_a_lone_v_is_quoted_whole(text: str, handle: str) -> None:
    contact = next(s for s in detect(normalise(text)).signals if s.name == "contact")
    assert f"微信号 {handle}" in contact.items, contact.items
    assert not any(i.endswith(handle[1:]) and handle not in i for i in contact.items)


def test_a_time_before_next_week_is_no_vote_plea(blood: Moderator) -> None:
    v = _say(blood, "明天早上9点下周的排班表我发群里，大家看看有没有问题", n=0)
    assert v.label == "ok" and v.action == Action.NONE, v.reason
    plea = _say(blood, "大家帮忙点下这个链接，给我表妹投一票 http://vote.h5pp.cn/12", n=1)
    assert plea.label == "spam", plea.reason


def test_a_red_packet_behind_an_outside_link_is_spam_deleted(blood: Moderator, tram: Moderator) -> None:
    v = _say(blood, "志愿者专属福利，点击领红包 http://hb-fuli88.cn/x 先到先得", n=0)
    assert v.label == "spam" and v.action == Action.DELETE, v.reason
    hk = _say(tram, "周年派利是！撳入去領紅包 https://tram-hb.xyz/get", user="hk1", n=1)
    assert hk.label == "spam" and hk.action == Action.DELETE, hk.reason


def test_a_red_packet_in_the_chat_with_no_link_is_no_phishing(blood: Moderator) -> None:
    v = _say(blood, "今天献血屋满员，队长发了红包，大家记得去领红包哈", n=0)
    assert v.label != "spam" or "领红包/现金" not in v.reason, v.reason


@pytest.mark.parametrize("word", ["公益型", "志愿者群", "义工类", "慈善公益型"])
def test_a_volunteer_or_charity_type_is_read_as_other(word: str) -> None:
    profile = parse_profile_text(BLOOD + f"type: {word}\n")
    assert profile.type == "其他"  # the care family of topics.yaml: 志愿、互助、公益


def test_a_type_mixing_charity_with_another_kind_is_refused_with_the_stems_listed() -> None:
    with pytest.raises(ValueError, match="其他：公益、志愿"):
        parse_profile_text(BLOOD + "type: 兴趣公益型\n")


def test_a_price_range_is_no_number_to_call_but_a_dashed_phone_is() -> None:
    pitch = detect(normalise("在家用手機每日賺$500-1000，唔使本錢，有興趣私訊")).signals
    assert not any("5001000" in i for s in pitch if s.name == "contact" for i in s.items), pitch
    assert any(s.name == "income" for s in pitch)  # still an income promise
    phone = detect(normalise("有意者电话 6677-8899")).signals
    assert any("66778899" in i for s in phone if s.name == "contact" for i in s.items), phone

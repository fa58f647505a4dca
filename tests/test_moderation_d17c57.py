"""Round 57, d17c57 (issue 17): the QA's wrong verdicts, by method. An answer to a member's question must take up a
word of it, not two lone characters, and must pitch no sale ("越野 加我微信… 平价跑鞋" right after "有人跑过龙井那条
越野线吗？" answers nothing); a help request's answer that pitches a sale names no helper. A banned trade said as a
self-introduction (我是保险代理…有问题可以问我; 我家是开陶瓷店的，群友来买打八折) offers the banned trade. One numeral
after a handle's digits that makes a word with what follows (，一套98) is no digit of the handle. Messages written for
these tests, for groups not used before: a trail-running club, a pottery studio's members and a Cantonese cycling team."""

from __future__ import annotations

from pathlib import Path

import pytest
from moderation_say import dry_run_moderator as _mod

from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import ACTED, REMOVED, Action, Label

TRAIL = """name: 西湖越野跑团
positioning: 杭州喜欢越野跑的朋友，周末一起跑山，交流路线、装备和补给
topics: [越野跑, 路线, 装备, 补给, 跑鞋, 爬升]
type: 兴趣型
banned: [卖保险, 传销]
"""
POTTERY = """name: 泥巴陶艺工作室会员群
positioning: 工作室会员交流拉坯、上釉和烧窑，老师每周排课
topics: [拉坯, 上釉, 烧窑, 陶泥, 作品]
type: 兴趣型
banned: [商家倒卖]
"""
CYCLE = """name: 沙田單車隊
positioning: 沙田一班鍾意踩單車嘅朋友，週末一齊踩吐露港，分享路線同保養
topics: [單車, 路線, 保養, 吐露港, 爬坡]
type: 兴趣型
platform: whatsapp
banned: [賣保險]
"""

T0 = 1_780_000_000.0


def _chat(mod: Moderator, lines: list[tuple[str, str]]) -> list[Verdict]:
    """The lines posted half a minute apart, in order."""
    return [mod.moderate({"id": f"m{i}", "user": user, "text": text, "ts": T0 + 30 * i})
            for i, (user, text) in enumerate(lines)]


QUESTION = "有人跑过龙井到九溪那条越野线吗？大概要跑多久"


def test_a_pitch_sharing_two_characters_with_a_question_gets_no_answer_credit(tmp_path: Path) -> None:
    ad = "越野 加我微信 trail_gear66 平价跑鞋"
    after = _chat(_mod(TRAIL, tmp_path), [("阿杰", QUESTION), ("卖鞋的", ad)])[-1]
    alone = _chat(_mod(TRAIL, tmp_path), [("卖鞋的", ad)])[-1]
    assert "belongs" not in after.checks, after.checks.get("belongs")
    assert after.label == alone.label == Label.AD
    assert after.action == alone.action and after.action in REMOVED, after.reason


def test_a_pitch_that_repeats_the_questions_words_is_still_no_answer(tmp_path: Path) -> None:
    ad = "龙井九溪越野线 加我微信 trail_gear66 全新跑鞋特价"
    v = _chat(_mod(TRAIL, tmp_path), [("阿杰", QUESTION), ("卖鞋的", ad)])[-1]
    assert "belongs" not in v.checks and v.action in REMOVED, v.reason


def test_a_real_answer_that_takes_up_the_questions_words_is_only_reviewed(tmp_path: Path) -> None:
    answer = "龙井到九溪那条我上周跑过，爬升不大，大概两个半小时，还不懂的加我微信 ajie_run"
    v = _chat(_mod(TRAIL, tmp_path), [("阿杰", QUESTION), ("老周", answer)])[-1]
    assert v.action not in REMOVED, v.reason
    if v.label == Label.AD:
        assert set(v.checks["belongs"]["words"]) >= {"龙井", "九溪"}, v.checks["belongs"]



@pytest.mark.parametrize("answer,helped", [
    ("王师傅 修跑步机 全新配件特价 电话 13912345678", False),
    ("我上次找的王师傅修跑步机，挺靠谱，电话 13912345678，说是跑团介绍的", True),
])
def test_a_help_request_is_answered_by_a_helper_not_by_a_sale(tmp_path: Path, answer: str, helped: bool) -> None:
    v = _chat(_mod(TRAIL, tmp_path), [("小林", "有没有人认识修跑步机的师傅？家里那台跑带打滑"), ("老周", answer)])[-1]
    if helped:  # the helper's number, named and vouched for (another layer may be the one that says so)
        assert v.label == Label.OK and v.action not in ACTED, v.reason
    else:
        assert "help_answer" not in v.checks and v.label == Label.AD, v.reason


@pytest.mark.parametrize("profile,text", [
    (TRAIL, "大家好，我是保险代理，跑山前记得买份意外险，有问题可以问我"),
    (CYCLE, "各位好，我係保險經紀，踩車前最好買定意外保，有咩唔明可以搵我😊"),
    (POTTERY, "我家是开陶瓷店的，群友来买餐具打八折，就在工作室楼下"),
])
def test_a_banned_trade_said_as_a_self_introduction_is_an_ad(tmp_path: Path, profile: str, text: str) -> None:
    v = _chat(_mod(profile, tmp_path), [("新人", text)])[-1]
    assert v.label == Label.AD, v.reason
    assert any(s["name"] == "banned_deal" for s in v.checks["signals"]), v.checks["signals"]


@pytest.mark.parametrize("profile,text", [
    (TRAIL, "我是做保险的，今天第一次跟大家跑，请多关照"),
    (TRAIL, "我是保险代理，周末跑完小腿好酸，大家怎么拉伸？"),
    (POTTERY, "我家是开店的，这周六要看店，拉坯课请假一次"),
    (CYCLE, "大家小心，有個自稱保險經紀嘅人話單車意外保好抵，叫大家搵佢，唔好信"),
])
def test_the_trade_named_without_an_offer_to_members_is_not_an_ad(tmp_path: Path, profile: str, text: str) -> None:
    v = _chat(_mod(profile, tmp_path), [("会员", text)])[-1]
    assert v.label != Label.AD or v.action not in ACTED, v.reason
    assert not any(s["name"] == "banned_deal" for s in v.checks["signals"]), v.checks["signals"]


def _handles(v: Verdict) -> list[str]:
    return [i for s in v.checks["signals"] if s["name"] == "contact" for i in s.get("items") or ()]


@pytest.mark.parametrize("text,handle", [
    ("加V：pot2024 ，一套98", "pot2024"),
    ("加微信 clay8866 一次体验课120", "clay8866"),
])
def test_a_numeral_that_opens_a_word_after_a_handle_is_not_its_digit(tmp_path: Path, text: str, handle: str) -> None:
    v = _chat(_mod(POTTERY, tmp_path), [("外人", text)])[-1]
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    items = " ".join(_handles(v))
    assert handle in items and handle + "1" not in items, items


def test_a_handle_spelled_with_numerals_is_still_read(tmp_path: Path) -> None:
    v = _chat(_mod(POTTERY, tmp_path), [("外人", "陶艺材料便宜出 加v 八八 六六 一 二 三 四")])[-1]
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert v.action != Action.NONE


BIRDS = """name: 西溪观鸟小组
positioning: 杭州喜欢观鸟的朋友，交流鸟种、点位和望远镜
topics: [观鸟, 鸟种, 点位, 望远镜]
type: 兴趣型
"""


def test_a_question_the_topic_layer_only_doubts_is_still_answered(tmp_path: Path) -> None:
    """The topic layer may doubt a question about a bird it does not know (off-topic, reviewed only); an answer that
    takes up its words still answers it — only reviewed, not deleted."""
    q, a = "最近哪里能看到琵嘴鸭？城西公园还是和睦那边", \
        "琵嘴鸭这几天在城西公园的湖心岛前面最多，早上八点前后，找不到湖心岛的加我微信 xixi_coot 我发定位"
    question, answer = _chat(_mod(BIRDS, tmp_path), [("阿坤", q), ("老林", a)])
    assert question.action not in ACTED, question.reason
    assert answer.action not in REMOVED, answer.reason
    assert {"琵嘴", "公园"} <= set(answer.checks["belongs"]["words"]), answer.checks.get("belongs")


SWIM = """name: 少儿游泳班家长群
positioning: 游泳班家长交流孩子训练、泳具和比赛
topics: [游泳, 泳镜, 泳帽, 训练, 比赛]
type: 兴趣型
"""


def test_a_member_asking_others_to_join_a_group_buy_of_an_on_topic_thing_is_not_deleted(tmp_path: Path) -> None:
    v = _chat(_mod(SWIM, tmp_path), [("朵朵妈", "有没有人一起拼团买防雾泳镜，拼多多 https://mobile.yangkeduo.com/goods.html?goods_id=4521 三人团45")])[-1]
    assert v.action not in ACTED, v.reason


def test_the_same_group_buy_with_a_handle_stays_an_ad(tmp_path: Path) -> None:
    v = _chat(_mod(SWIM, tmp_path), [("外人", "有没有人一起拼团买防雾泳镜 https://mobile.yangkeduo.com/goods.html?goods_id=4521 三人团45 加我微信 swim_gear9")])[-1]
    assert v.label == Label.AD and v.action in REMOVED, v.reason


@pytest.mark.parametrize("text,vent", [
    ("骗子都去死吧，上次在网上买泳衣被骗了两千", True),
    ("你这个骗子去死吧", False),
    ("那个黑中介去死吧", False),
])
def test_cursing_a_kind_of_wrongdoer_outside_the_group_is_venting(tmp_path: Path, text: str, vent: bool) -> None:
    v = _chat(_mod(SWIM, tmp_path), [("家长", text)])[-1]
    if vent:
        assert v.label != Label.ABUSE and v.action not in ACTED, v.reason
    else:
        assert v.label == Label.ABUSE, v.reason

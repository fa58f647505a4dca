"""Round 52, d17c52 (issue 17, qa17r36): what a fresh admin found wrong. A handle spelled letter by letter with Chinese
numerals among its letters is read as one handle, and a reason never says a message has no contact where one was read;
quoted evidence carries no zero-width characters; a scare about harm to the family asked to be passed to family is a
chain letter (a safety notice that names its source is not); a red packet demanded on the writer's birthday is a
red-packet demand (a member's own birthday, or own red packet, is not). Messages written for these tests, for group
kinds not used before: a crochet circle, a birdwatching group and a table-tennis club. Also: a member likened to
someone feeble (你那反手跟老太太一样) is abuse for review, a civil complaint about a call (…下次认真点好吗) is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import ACTED
from copilot.moderation.normalise import normalise
from copilot.moderation.pipeline import NO_CONTACT_CLAIM, Moderator, Verdict
from copilot.profile import parse_profile_text

CROCHET = """name: 周末钩针编织角
positioning: 喜欢钩针编织的朋友交流图解、针法、配色和毛线
topics: [钩针, 图解, 针法, 毛线, 配色, 玩偶]
"""
BIRDS = """name: 城南观鸟小组
positioning: 周末一起去湿地和公园观鸟、拍鸟、交流鸟种辨认
topics: [观鸟, 拍鸟, 鸟种, 湿地, 望远镜, 候鸟]
"""
PINGPONG = """name: 河西乒乓球俱乐部
positioning: 周末约球、练球、交流乒乓球技术和器材
topics: [乒乓球, 约球, 练球, 反手, 发球, 球拍, 胶皮]
"""
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@pytest.fixture
def judge(tmp_path: Path):  # type: ignore[no-untyped-def]
    """One fresh moderator per message (no strikes carried over), in a dry run."""
    def run(profile: str, text: str, user: str = "阿青") -> Verdict:
        mod = Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile),
                        dry_run=True)
        return mod.moderate({"id": "m1", "user": user, "text": text})
    return run


def _contacts(v: Verdict) -> list[str]:
    return [i for s in v.checks["signals"] if s["name"] == "contact" for i in s["items"]]


# 1. a handle spelled apart with Chinese numerals among its letters

def test_spaced_letters_and_chinese_numerals_read_as_one_handle() -> None:
    assert normalise("賴 i d 是 g o u z h e n 七 七 八 八").compact.endswith("gouzhen7788")
    assert normalise("加我 V：m a o x i a n 一 二 三 四").compact.endswith("maoxian1234")
    assert normalise("line：k n i t 九九 八八").compact.endswith("knit9988")


def test_numerals_spaced_apart_without_a_letter_are_left_to_the_digit_reading() -> None:
    # a row count or a chant is no handle: no Latin letter among the numerals, nor a run long enough
    assert normalise("第 一 二 三 排 的 針 數 我 數 錯 了").folded == "第 一 二 三 排 的 针 数 我 数 错 了"
    assert normalise("口诀是 a b 一 二，记住就行").compact == "口诀是ab一二记住就行"


@pytest.mark.usefixtures("judge")
def test_a_handle_spelled_with_numerals_is_the_same_contact_as_in_digits(judge) -> None:  # type: ignore[no-untyped-def]
    spaced = judge(CROCHET, "毛线多买了几团，便宜出，加我 V：m a o x i a n 一 二 三 四")
    plain = judge(CROCHET, "毛线多买了几团，便宜出，加我 V：maoxian1234")
    assert _contacts(spaced) == _contacts(plain) == ["账号 maoxian1234"]
    # spelling it apart is hiding it: the member's own surplus with a handle passes, the spelled-apart one does not
    assert "逐字隔开" in spaced.checks["normalise"]["evasions"] and spaced.label == "ad" and plain.label == "ok"


@pytest.mark.usefixtures("judge")
def test_a_reason_never_says_no_contact_where_one_was_read(judge) -> None:  # type: ignore[no-untyped-def]
    # on topic with 私我: before round 52 the handle was not read and the reason said 没有联系方式 (and the message passed)
    v = judge(CROCHET, "有人要兔子图解吗 私我 l i n e : k n i t 九 九 八 八")
    assert "逐字隔开的账号 knit9988" in _contacts(v)
    assert v.label == "ad" and NO_CONTACT_CLAIM not in v.reason


@pytest.mark.usefixtures("judge")
def test_a_member_who_only_says_dm_me_still_has_no_contact_said(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(CROCHET, "有人要兔子玩偶的图解吗，我整理好了，私我")
    assert v.label == "ok" and _contacts(v) == []


# 2. zero-width characters are not quoted back

@pytest.mark.usefixtures("judge")
def test_quoted_evidence_has_no_zero_width_characters(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(CROCHET, "毛线清\u200b仓，全\u200d场五折，加\ufeff我微信 maoxian1234")
    assert v.label == "ad" and v.action in ACTED
    assert "清仓" in v.reason and not any(z in v.reason for z in ZERO_WIDTH)
    assert not any(z in item for s in v.checks["signals"] for item in s["items"] + [s["detail"]] for z in ZERO_WIDTH)


@pytest.mark.usefixtures("judge")
def test_a_member_message_with_a_stray_zero_width_character_stays_ok(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(CROCHET, "这个短针加针我织了三遍\u200b才织对，配色图解真的好用")
    assert v.label == "ok" and v.action not in ACTED


# 3. a scare forwarded to family

@pytest.mark.parametrize("text", [
    "城东有人贩子开白色面包车抢小孩，已经抢走两个了，大家看好孩子，转给家人",
    "听说公园那边有人用迷药，拍一下就晕，赶紧发给家里人",
])
@pytest.mark.usefixtures("judge")
def test_a_scare_passed_to_family_is_a_chain_letter(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(BIRDS, text)
    assert v.label == "spam" and v.action in ACTED
    assert any(s["name"] == "chain_letter" for s in v.checks["signals"])


@pytest.mark.parametrize("text", [
    "区公安分局通报：近期有冒充燃气公司上门收费的，已抓获两人，请转给家里老人看看，来源：分局官方公众号",
    "那条有人贩子开面包车抢小孩的消息是假的，派出所已经辟谣了，别转了",
    "今天湿地看到一群白鹭，照片发给家人看了，大家周末也去看看",
])
@pytest.mark.usefixtures("judge")
def test_a_sourced_safety_notice_a_debunk_and_a_photo_for_family_are_not(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(BIRDS, text)
    assert v.label != "spam" and v.action not in ACTED


# 4. a red packet demanded on the writer's birthday

@pytest.mark.usefixtures("judge")
def test_a_promise_to_give_everyone_a_red_packet_demands_none(judge) -> None:  # type: ignore[no-untyped-def]
    v = judge(BIRDS, "会长说年底观鸟年会上会给大家发个红包")
    assert not any(s["name"] == "packet_demand" for s in v.checks["signals"])


@pytest.mark.parametrize("text", ["今天我生日，大家发个红包沾沾喜气，群主带个头", "今天我生日，群主带个头发红包呀"])
@pytest.mark.usefixtures("judge")
def test_a_birthday_red_packet_demand_is_spam(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(BIRDS, text)
    assert v.label == "spam" and any(s["name"] == "packet_demand" for s in v.checks["signals"])


@pytest.mark.parametrize("text", ["今天是我生日，早上去湿地拍到了翠鸟，开心", "今天我生日，我先带个头，给大家发个红包",
                                  "过生日收到老公送的望远镜，终于不用借别人的了"])
@pytest.mark.usefixtures("judge")
def test_a_birthday_mentioned_or_a_members_own_red_packet_asks_for_nothing(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(BIRDS, text)
    assert v.label != "spam" and v.action not in ACTED


# 5. light abuse by comparison, and a civil complaint about a call

@pytest.mark.parametrize("text", ["你那反手跟老太太一样，周六双打别拖后腿了", "你那步伐跟我奶奶一样慢", "你发球跟没吃饭似的，别拖累大家"])
@pytest.mark.usefixtures("judge")
def test_a_member_likened_to_someone_feeble_is_abuse(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(PINGPONG, text)
    assert v.label == "abuse" and v.action != "none"


@pytest.mark.parametrize("text", ["我反手跟老太太一样，还得多练", "你的球拍跟我的一样，都是入门款",
                                  "那个发球明明擦网了，你还判我得分，下次认真点好吗", "刚才那局比分明明记错了，你还不认，下次仔细点好吗"])
@pytest.mark.usefixtures("judge")
def test_self_mockery_a_plain_likeness_and_a_civil_complaint_are_not(judge, text: str) -> None:  # type: ignore[no-untyped-def]
    v = judge(PINGPONG, text)
    assert v.label == "ok" and v.action == "none"

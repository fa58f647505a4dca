"""Round 41, d17b41 (issue 17): a short answer read with the question it answers (the thread layer), and Cantonese and
Taiwanese swearing at someone as abuse while the same words said at one's own luck are banter. Groups and messages
written for these tests (an aquarium-plants group, a Hong Kong hiking club, a Taipei knitting circle)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict
from copilot.moderation.pipeline import THREAD_SECONDS

PLANTS = """
name: 城东水草缸交流群
positioning: 水草缸和小型观赏鱼玩家交流开缸、水质、灯光和造景，每月一次去花鸟市场逛水族店
topics: [水草缸, 造景, 水质, 灯光, 二氧化碳, 过滤, 观赏鱼, 开缸]
audience: 城东的水草缸玩家
events:
  - {title: 花鸟市场逛店, kind: 线下活动, cadence: 每月第一个周六, time: "10:00", place: 城东花鸟市场, host: 老邓}
"""

HIKING_HK = """
name: 香港週末行山隊
positioning: 香港嘅行山友每個週末一齊行郊野公園同山徑，交流路線、裝備同天氣
topics: [行山, 郊野公園, 山徑, 路線, 裝備, 天氣]
audience: 香港嘅行山友
"""

KNIT_TW = """
name: 台北棒針編織社
positioning: 台北喜歡棒針編織的朋友交流毛線、織圖和起針收針技巧
topics: [棒針, 毛線, 織圖, 起針, 收針, 配色]
audience: 台北的編織愛好者
"""

T0 = 1_767_225_600.0


def _thread(moderator: Moderator, texts: list[str], gap: float = 60.0) -> list[Verdict]:
    """The texts posted one after another in one group by different members, ``gap`` seconds apart."""
    return [moderator.moderate({"id": f"t{i}", "user": f"u{i}", "group": "g1", "text": t, "ts": T0 + gap * i})
            for i, t in enumerate(texts)]


ANSWER = "隔两天弄一次就行"


def test_a_short_answer_alone_reads_as_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    # the premise of the thread layer: read alone, the answer has no word of the group's and everyday words
    assert _thread(profile_moderator(PLANTS), [ANSWER])[0].label == "off_topic"


def test_a_short_answer_to_the_group_s_question_is_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    question, answer = _thread(profile_moderator(PLANTS), ["二氧化碳多久补一次？", ANSWER])
    assert question.label == "ok"
    assert answer.label == "ok", answer.reason
    assert answer.checks["offtopic"]["thread_reply"] is True


def test_chatter_after_the_group_s_question_is_still_off_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    # it takes up nothing of the question: a new topic, not an answer
    v = _thread(profile_moderator(PLANTS), ["二氧化碳多久补一次？", "今年过年回老家，票好难抢"])[1]
    assert v.label == "off_topic"


def test_no_thread_after_a_statement_or_too_late(profile_moderator: Callable[[str], Moderator]) -> None:
    # a statement asks nothing to answer; a question long ago is no longer the thread
    assert _thread(profile_moderator(PLANTS), ["今天给缸补了一次二氧化碳", ANSWER])[1].label == "off_topic"
    late = _thread(profile_moderator(PLANTS), ["二氧化碳多久补一次？", ANSWER], gap=THREAD_SECONDS + 60)[1]
    assert late.label == "off_topic"


def test_an_answer_in_another_group_is_not_this_thread_s(profile_moderator: Callable[[str], Moderator]) -> None:
    m = profile_moderator(PLANTS)
    m.moderate({"id": "q", "user": "a", "group": "g1", "text": "二氧化碳多久补一次？", "ts": T0})
    v = m.moderate({"id": "r", "user": "b", "group": "g2", "text": ANSWER, "ts": T0 + 30})
    assert v.label == "off_topic"


@pytest.mark.parametrize("text", [
    "丟你老母，成日喺度阻住晒",
    "仆街仔，你再講多次？",
    "冚家鏟，偷咗人哋支行山杖仲唔認",
    "你條廢柴，行兩步就喊攰",
])
def test_cantonese_swearing_at_someone_is_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(HIKING_HK, text).label == "abuse"


@pytest.mark.parametrize("text", [
    "北七喔，講幾次了還記不住起針",
    "幹你娘，你是聽不懂喔",
    "機掰，插隊還那麼大聲",
])
def test_taiwanese_swearing_at_someone_is_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(KNIT_TW, text).label == "abuse"


@pytest.mark.parametrize(("profile", "text"), [
    (HIKING_HK, "仆街，今日又唔記得帶行山杖"),
    (KNIT_TW, "靠北，我又把收針收太緊了"),
    (KNIT_TW, "笑死 我織的圍巾歪到靠北"),
])
def test_swearing_at_one_s_own_luck_is_not_abuse(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    assert judge(profile, text).label != "abuse"

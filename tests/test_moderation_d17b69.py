"""Round 69, d17b69 (issue 17): a warning that names a fraud (骗子, 诈骗, 冒充) and tells the members what not to do (别信, 别给,
千万别: lexicons.yaml ``scam_alert_caution``) guards the group's members whatever the fraud is about — not chatter at all,
so no longer labelled off-topic (pipeline._scam_alert_not_chatter). A member's story of being cheated, with no word to the
members, stays with the topic layer. Group and messages written for these tests (a kite flyers' group)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import Label
from copilot.profile import parse_profile_text

KITES = """
name: 滨江风筝友
positioning: 周末在滨江公园放风筝，交流风筝制作、放飞技巧和线轮保养
topics: [风筝, 放飞, 线轮, 骨架, 伞布, 串风筝, 软体风筝]
audience: 本市风筝爱好者
type: 兴趣型
"""

say = partial(say, gap=600)


def _mod(tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(KITES))


@pytest.mark.parametrize("text", [
    "听说有人自称快递客服要退款，让扫码填银行卡，千万别信，是骗子",
    "最近有人冒充社保局打电话要银行卡号，千万别给，都是骗子",
    "有人打电话说是医保中心的，要短信验证码，那是诈骗，大家别给",
])
def test_a_fraud_warning_to_the_members_is_not_off_topic(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path), text, n=0)
    assert v.label == Label.OK, v.reason
    assert v.checks["offtopic"]["scam_alert"] == "caution"


@pytest.mark.parametrize("text", [
    "我表姐上周网购被骗了两千，唉",
    "我朋友炒币被骗了，现在天天去派出所",
])
def test_a_story_of_being_cheated_with_no_word_to_the_members_stays_off_topic(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path), text, n=0)
    assert v.label == Label.OFF_TOPIC, v.reason
    assert v.checks["offtopic"].get("scam_alert") != "caution"


# A member's own verdict on how their practice went (relevance.yaml ``own_practice``: 手感, 废柴, 全场最后, 手指都痛) in a
# table tennis group: a remark on their own doings in the group's activity, not chatter (offtopic.practice_verdicts).
PINGPONG = """
name: 东城乒乓球约球群
positioning: 东城区球友约球、交流乒乓球技术和球拍装备
topics: [乒乓球, 约球, 球拍, 胶皮, 发球, 接发球, 正手, 反手, 步法]
audience: 东城区乒乓球爱好者
type: 兴趣型
"""


def _pingpong(tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(PINGPONG))


@pytest.mark.parametrize("text", [
    "今天手感太差了，回家洗洗睡吧",
    "我真是个废柴，今晚一个都没进",
    "又是全场最后一个，我宣布我是本群吉祥物",
    "昨晚拉了两个钟，手指都痛",
])
def test_a_members_verdict_on_their_own_practice_is_not_off_topic(tmp_path: Path, text: str) -> None:
    v = say(_pingpong(tmp_path), text, n=0)
    assert v.label == Label.OK, v.reason
    assert "练习的情况" in v.checks["offtopic"]["detail"]


@pytest.mark.parametrize("text", [
    "老婆拉我去逛商场，一天走了两万步，腿都断了",  # no verdict on a practice: a day out of life
    "我家孩子这次考试考得一塌糊涂，愁死了",  # 一塌糊涂 is no practice word: exams, the stock market…
])
def test_a_tired_or_bad_day_of_life_stays_off_topic(tmp_path: Path, text: str) -> None:
    v = say(_pingpong(tmp_path), text, n=0)
    assert v.label == Label.OFF_TOPIC, v.reason


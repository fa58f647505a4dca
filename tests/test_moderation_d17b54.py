"""Round 54 (d17b54): an ad in the middle of an over-long message, lone surrogates, abuse reports in the member's
own words, game slang by the group's topics. Realistic, self-written messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.pipeline import MAX_CHARS, MAX_READ_CHARS, Moderator, middle_windows
from copilot.profile import parse_profile_text

READING = """
name: 周末读书会
positioning: 每周共读一本书，交流读书笔记和阅读方法
topics: [读书, 共读, 读书笔记, 阅读方法, 书单, 小说, 作者]
"""

NOTES = ["这一章写得很细，作者把人物的童年经历和后来的选择对照着写。", "我读到第三部分的时候停下来想了很久，为什么她没有离开那个小镇。",
         "书里关于时间的描写让我想起去年读过的另一本小说，结构很像。", "第十二章的对话几乎没有形容词，但张力一点都不少。",
         "共读到现在，我觉得最难的是跟上作者在不同叙述者之间的切换。", "有几段我抄在了读书笔记里，准备周末讨论的时候念给大家听。",
         "阅读方法上我试了先读每章最后一页，再回头读，效果意外地好。", "这个作者的早期作品语言更粗糙，但故事的力量更直接。"]
# a member's long reading notes, ~31,000 characters, every paragraph numbered (no flood of one sentence)
LONG_NOTES = "".join(NOTES[(i * 7 + i // 8) % len(NOTES)] + f"（第{i}段）" for i in range(900))
JOB_AD = "兼职招聘：在家用手机就能做，日结两百到五百，不收任何费用，有意者加微信 wx_job8866 详聊，名额有限先到先得！"


@pytest.fixture
def mod(tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(READING))


# --- 1. an ad in the middle of a 25,000+ character message --------------------------------------------------
def test_an_ad_in_the_middle_of_long_notes_decides_and_says_where(mod: Moderator) -> None:
    half = len(LONG_NOTES) // 2
    text = LONG_NOTES[:half] + JOB_AD + LONG_NOTES[half:]
    assert len(text) > 25_000
    v = mod.moderate({"user": "u1", "group": "g", "text": text})
    assert v.label == "ad" and v.action == "delete"
    start, end = v.checks["normalise"]["found_at"]
    assert start <= half < end and f"广告在第 {start}–{end} 字之间" in v.reason
    assert "中间没有读" not in v.reason and v.checks["normalise"]["truncated"] is False


def test_long_notes_without_an_ad_are_read_whole_and_still_shown_to_a_person(mod: Moderator) -> None:
    v = mod.moderate({"user": "u2", "group": "g", "text": LONG_NOTES})
    assert v.label == "ok" and v.action == "review" and "逐段读过，未发现违规" in v.reason


def test_an_ordinary_message_is_read_once(mod: Moderator) -> None:
    v = mod.moderate({"user": "u3", "group": "g", "text": "第十二章的对话几乎没有形容词，你们读的时候注意到了吗？"})
    assert v.label == "ok" and v.action == "none" and "windows" not in v.checks["normalise"]


def test_middle_windows_cover_the_middle_with_overlap_and_stop_at_the_cap() -> None:
    spans, whole = middle_windows(25_000)
    assert whole and spans[0][0] < MAX_CHARS // 2 and spans[-1][1] >= 25_000 - MAX_CHARS // 2
    assert all(b[0] < a[1] for a, b in zip(spans, spans[1:]))  # each window overlaps the next
    _, whole = middle_windows(200_000)
    assert not whole


@pytest.mark.parametrize("extra", [1, 22, 150])
def test_a_message_just_past_the_cap_is_read_whole_when_the_last_window_reaches_the_tail(mod: Moderator,
                                                                                           extra: int) -> None:
    """qa17r49: 40,022 characters said 「第 38201–38022 字没有读」 — a backwards range, and in fact the last window
    (which runs WINDOW_OVERLAP past the cap) reached the tail: the message was read whole."""
    text = (LONG_NOTES * 2)[:MAX_READ_CHARS + extra]
    spans, whole = middle_windows(len(text))
    assert whole and spans[-1][1] >= len(text) - MAX_CHARS // 2
    v = mod.moderate({"user": "u5", "group": "g", "text": text})
    assert v.checks["normalise"]["truncated"] is False and "没有读" not in v.reason
    assert v.label == "ok" and "逐段读过，未发现违规" in v.reason


# --- 2. a lone surrogate: repaired and judged the same on every entry point ----------------------------------
def test_a_lone_surrogate_is_repaired_judged_and_said(mod: Moderator) -> None:
    ad = mod.moderate({"user": "u4", "group": "g", "text": "加\ud800微\ud800信 abc12345 在家兼职日结两百"})
    assert ad.label == "ad" and ad.action == "delete" and "2 个无效字符" in ad.reason
    ok = mod.moderate({"user": "u5", "group": "g", "text": "这本小说\udc00的结尾我没看懂，有人讲讲吗"})
    assert ok.label == "ok" and "1 个无效字符" in ok.reason and ok.checks["normalise"]["repaired"] == 1


# --- 3. an insult reported to the admins: the reason quotes the member's own words ---------------------------
LATTE = """
name: 沙田拉花练习群
positioning: 咖啡拉花练习交流，每周六在店里一起练
topics: [拉花, 咖啡, 奶泡, 练习, 咖啡豆]
"""


@pytest.mark.parametrize("text, quoted", [
    ("頭先有人喺群入面話我「蠢到死」，想管理員跟進吓", "話我、管理員"),
    ("琴日有個人喺度鬧我，群主幫手睇睇", "鬧我、群主"),
    ("有人私聊嘲笑我拉得丑，群主管不管", "嘲笑我、群主"),
])
def test_an_abuse_report_quotes_the_members_words(tmp_path: Path, text: str, quoted: str) -> None:
    mod = Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(LATTE))
    v = mod.moderate({"user": "u", "group": "g", "text": text})
    assert v.label == "ok" and v.action == "none"
    assert v.checks["offtopic"]["detail"] == f"向管理员报告群里有人辱骂（{quoted}），是本群自己的秩序，不算跑题"


# --- 4. game slang: chatter in a parenting or study group, the group's own talk in a game group --------------
PARENTS = """
name: 小学二年级3班家长群
positioning: 二年级3班家长交流孩子学习、作业和学校通知
topics: [作业, 学校通知, 家长会, 孩子学习, 接送]
"""
KAOYAN = """
name: 考研英语打卡群
positioning: 考研英语每日打卡、背单词、真题交流
topics: [考研英语, 背单词, 真题, 阅读理解, 作文, 打卡]
"""
MOBA = """
name: 王者荣耀五排车队
positioning: 王者荣耀组队开黑、上分，交流英雄和出装
topics: [王者荣耀, 开黑, 上分, 英雄, 出装]
"""
GACHA = """
name: 原神玩家交流群
positioning: 原神手游玩家交流抽卡、配队和攻略
topics: [原神, 配队, 圣遗物, 攻略]
"""
SLANG = ["今晚上分吗", "五排来人", "开黑吗，差一个", "抽卡又歪了，气死", "十连抽出金了！", "这期池子我又沉船了，保底都没出"]


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile))


@pytest.mark.parametrize("profile", [PARENTS, KAOYAN])
@pytest.mark.parametrize("text", SLANG)
def test_game_slang_is_off_topic_in_a_group_not_about_games(tmp_path: Path, profile: str, text: str) -> None:
    v = _mod(tmp_path, profile).moderate({"user": "u", "group": "g", "text": text})
    assert v.label == "off_topic" and v.action in {"review", "remind"}


@pytest.mark.parametrize("profile", [MOBA, GACHA])
@pytest.mark.parametrize("text", SLANG)
def test_game_slang_is_the_groups_own_talk_in_a_game_group(tmp_path: Path, profile: str, text: str) -> None:
    v = _mod(tmp_path, profile).moderate({"user": "u", "group": "g", "text": text})
    assert v.label == "ok" and v.action == "none"


def test_another_games_name_stays_chatter_in_a_game_group(tmp_path: Path) -> None:
    v = _mod(tmp_path, GACHA).moderate({"user": "u", "group": "g", "text": "有人一起打王者吗"})
    assert v.label == "off_topic"


def test_a_short_message_without_game_slang_is_still_not_judged(tmp_path: Path) -> None:
    mod = _mod(tmp_path, PARENTS)
    for i, text in enumerate(["上星期的作业", "今晚下雨吗", "收到，谢谢老师"]):
        assert mod.moderate({"user": f"p{i}", "group": "g", "text": text}).label == "ok"

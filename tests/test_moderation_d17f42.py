"""Round 42, d17f42 (issue 17): a Cantonese group's own talk is on-topic — the topic layer and the group's recent
jargon read a Cantonese message's Mandarin form (signals.in_mandarin) beside the text as written. Groups and messages
written for these tests (a Sham Shui Po reading club, a Tung Shan Wing Chun school)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator, Verdict
from copilot.moderation.signals import in_mandarin

BOOKS = """
name: 深水埗街坊读书会
positioning: 街坊一齐看书、交换书单，每月聚会分享读后感
topics: [看书, 书单, 读后感, 换书]
audience: 深水埗嘅街坊
type: 兴趣型
schedule: ["每月第一个星期六 下午 3 点 社区中心读书会"]
"""

WING_CHUN = """
name: 东山咏春拳馆学员群
positioning: 喺东山学咏春嘅学员同师傅交流练拳心得、黐手、木人桩，通知上堂时间
topics: [咏春, 黐手, 木人桩, 小念头, 寻桥, 练拳, 上堂]
audience: 广州嘅咏春学员
type: 兴趣型
schedule: ["逢星期二、四 晚上 8 点 东山拳馆上堂"]
"""

T0 = 1_767_225_600.0


def _chat(moderator: Moderator, texts: list[str]) -> list[Verdict]:
    """The texts posted one after another by different members of one group, a minute apart."""
    return [moderator.moderate({"id": f"t{i}", "user": f"u{i}", "group": "g1", "text": t, "ts": T0 + 60 * i})
            for i, t in enumerate(texts)]


def test_the_mandarin_form_is_what_the_topic_words_meet() -> None:
    assert "看书" in in_mandarin("我琴晚睇书睇到三点")
    assert in_mandarin("昨晚看书看到三点") == "昨晚看书看到三点"  # Mandarin is left as it is


def test_a_cantonese_message_about_the_group_s_subject_is_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(BOOKS), ["我琴晚睇书睇到三点，好过瘾"])[0]
    assert v.label == "ok", v.reason
    assert v.checks["offtopic"]["about_group"]
    # … as its Mandarin twin is
    assert _chat(profile_moderator(BOOKS), ["我昨晚看书看到三点，好过瘾"])[0].label == "ok"


def test_cantonese_chatter_is_still_off_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(BOOKS), ["我老细今日真系激死我，成日揾我加班"])[0]
    assert v.label == "off_topic", v.reason


def test_a_cantonese_particle_is_no_jargon_of_the_group(profile_moderator: Callable[[str], Moderator]) -> None:
    # 真系 (真是) in the group's own talk about its subject does not tie a member's chatter to the group
    on_topic, chatter = _chat(profile_moderator(WING_CHUN), ["今晚练木人桩，真系练到手都肿", "呢个月煤气费贵到离谱，热水真系唔敢开"])
    assert on_topic.label == "ok"
    assert chatter.label == "off_topic", chatter.reason
    assert "recent_jargon" not in chatter.checks["offtopic"]


def test_the_group_s_own_jargon_said_again_in_cantonese_still_counts(profile_moderator: Callable[[str], Moderator]) -> None:
    # 手肘 from the group's question about 黐手 ties the answer that uses it to the group
    first, answer = _chat(profile_moderator(WING_CHUN), ["我想问下黐手嗰阵手肘要点摆？", "收埋手肘，贴住身，唔好甩出去"])
    assert first.label == "ok"
    assert answer.label == "ok", answer.reason

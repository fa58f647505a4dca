"""Round 58, d17b58 (issue 17): off-topic by what a message answers, not by its words alone.

* a member calling the group back to order right after another member's insult (别这么说话, 唔好咁讲嘢, 互相尊重) answers
  that insult — the group's own conduct, not chatter (lexicons.yaml ``rebuke``, ``Moderator._rebukes``);
* a short reply naming the poster of the group's last post on its subject (老钟我去, 偉哥我嚟！) is that post's thread.
Messages written for these tests, for groups not used before: a kayak club, a Hong Kong orchid group and a choir."""

from __future__ import annotations

import itertools
from pathlib import Path

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

KAYAK = """name: 东湖皮划艇俱乐部
positioning: 周末在东湖划皮划艇的俱乐部群，教练发训练时间和集合点；成员交流划桨技术、装备、水况；不卖货，不聊和划艇无关的闲聊
topics: [皮划艇, 划桨, 训练, 集合, 救生衣, 水况, 桨]
type: 兴趣型
"""
ORCHID_HK = """name: 香港蘭花同好
positioning: 香港蘭花愛好者嘅群組，交流種蘭、換盆、施肥同埋病蟲害；會長發展覽同工作坊；唔好賣嘢同埋講同蘭花無關嘅嘢
topics: [蘭花, 蝴蝶蘭, 換盆, 水苔, 施肥, 病蟲害, 展覽, 工作坊]
type: 兴趣型
"""

_T = itertools.count()


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def _chat(mod: Moderator, lines: list[tuple[str, str, str]], gap: float = 45.0) -> list:
    """The verdicts on ``lines`` (user, shown name, text) posted ``gap`` seconds apart."""
    t0 = 1_790_000_000 + 100_000 * next(_T)
    return [mod.moderate({"user": u, "nickname": n, "text": t, "ts": t0 + gap * i}) for i, (u, n, t) in enumerate(lines)]


def test_a_rebuke_right_after_an_insult_is_not_off_topic(tmp_path: Path) -> None:
    mod = _mod(KAYAK, tmp_path)
    *_, insult, rebuke = _chat(mod, [("u1", "阿伟", "今天逆风划回来，手臂都快断了，桨是不是入水太深"),
                                     ("u2", "老潘", "划成这样还好意思问，你是来搞笑的吧，废物一个"),
                                     ("u3", "小岚", "老潘说话客气点，谁都有第一次")])
    assert insult.label == Label.ABUSE
    assert rebuke.label == Label.OK
    assert "劝群友好好说话" in rebuke.reason


def test_a_cantonese_rebuke_after_an_insult_is_not_off_topic(tmp_path: Path) -> None:
    mod = _mod(ORCHID_HK, tmp_path)
    *_, rebuke = _chat(mod, [("u1", "Kenny", "我盆蝴蝶蘭啲根爛晒，係咪淋水太多？"),
                             ("u2", "KK", "咁都養死，你都係唔好玩喇，on9"),
                             ("u3", "阿聰", "大家都係嚟學嘢，唔好咁講嘢")])
    assert rebuke.label == Label.OK


def test_the_same_words_without_an_insult_before_are_read_as_before(tmp_path: Path) -> None:
    mod = _mod(KAYAK, tmp_path)
    *_, chat = _chat(mod, [("u1", "阿伟", "周六早上八点码头集合，记得带救生衣"),
                           ("u3", "小岚", "别这么说，昨晚那部电视剧的结局其实挺好看的")])
    assert chat.label == Label.OFF_TOPIC
    assert "劝群友" not in chat.reason


def test_a_short_reply_naming_the_poster_of_the_groups_post_is_its_thread(tmp_path: Path) -> None:
    mod = _mod(KAYAK, tmp_path)
    post, reply = _chat(mod, [("coach", "教练-老钟", "周六早上八点东湖码头集合，练转向和侧划，记得带救生衣"),
                              ("u4", "大鹏", "老钟我去，带我表弟一起")])
    assert post.label == Label.OK
    assert reply.label == Label.OK
    assert "点名老钟" in reply.reason


def test_naming_the_poster_does_not_clear_chatter_words(tmp_path: Path) -> None:
    mod = _mod(KAYAK, tmp_path)
    _, reply = _chat(mod, [("coach", "教练-老钟", "周六早上八点东湖码头集合，练转向和侧划，记得带救生衣"),
                           ("u4", "大鹏", "老钟今天A股又跌了，满仓被套")])
    assert reply.label == Label.OFF_TOPIC

"""Round 76, lead (issue 17), from a fresh bot author's Cantonese-opera group (qa17r19): 「聯絡我微訊：…」 passed as an
ordinary message (微讯, a sound-alike of 微信, was no spelling of it); a chain letter's curse on whoever does not forward
(「唔轉三日內有血光之災」, 「唔轉嘅話全家倒霉一年」) was one piece of evidence only, so it went to review; and a quote put
back in the member's own characters changed the reason's own words too (「轉發链/扩散」). Messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from moderation_say import say

from copilot.moderation import Moderator
from copilot.moderation.labels import Action, Label

OPERA = """
name: 深水埗粵曲同好會
positioning: 深水埗一班粵曲愛好者每個禮拜聚埋唱曲、拍和，交流唱腔同曲本
topics: [粵曲, 粵劇, 唱腔, 拍和, 曲本, 平喉, 子喉]
audience: 粵曲愛好者
script: zh-Hant
"""

_say = partial(say, t0=1_767_225_600.0)


@pytest.mark.parametrize("text", ["想學唱粵曲？一對一教學，包教包識，聯絡我微訊：hoi_sing 二零二四",
                                  "私人教平喉，一堂二百，加我微讯 hoisingsing 详谈"])
def test_a_contact_behind_weixun_is_a_wechat_contact(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(OPERA), text, user="陌生人")
    assert v.label == Label.AD and v.action == Action.DELETE, v.reason
    assert "微信號" in v.reason, v.reason  # (the reason in the group's script)


@pytest.mark.parametrize("text", ["見者轉發 好運連連 唔轉三日內有血光之災",
                                  "見者轉發，唔轉嘅話全家倒霉一年",
                                  "看到请转发给所有亲友，不转的人倒霉一年"])
def test_a_chain_letter_cursing_whoever_does_not_forward_is_deleted(profile_moderator: Callable[[str], Moderator],
                                                                    text: str) -> None:
    v = _say(profile_moderator(OPERA), text, user="阿玲")
    assert v.label == Label.SPAM and v.action == Action.DELETE, v.reason


@pytest.mark.parametrize("text", ["上次冇轉發嗰個通知，結果全家倒霉一年，講笑㗎咋",  # a member's joke: no spread asked
                                  "呢期曲本覺得好嘅可以轉發，唔轉都冇所謂",  # an organiser's own share, no curse
                                  "師傅話唱《帝女花》唔好唱到血光之災嗰段就停"])  # the word inside the group's subject
def test_the_curse_words_alone_are_no_chain_letter(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(OPERA), text, user="阿玲")
    assert v.label != Label.SPAM and v.action not in (Action.DELETE, Action.WARN, Action.MUTE), v.reason


def test_a_quote_in_the_member_s_own_characters_leaves_the_reason_s_words_alone(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(OPERA), "見者轉發 好運連連 唔轉三日內有血光之災", user="阿玲")
    assert "見者轉發" in v.reason and "血光之災" in v.reason, v.reason  # the quotes as the member wrote them
    assert "轉發链" not in v.reason and "轉發鏈" in v.reason, v.reason  # the label in the group's script, whole

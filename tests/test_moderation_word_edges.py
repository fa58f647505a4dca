"""Cue words are words of the message, not pieces of a longer word (issue 17, fourth QA): a chatter word a
public reminder quotes, or a promo word that decides a label, must not be the tail or head of another word."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.signals import cue_words, lexicons
from copilot.textnorm import cuts_word

SUCCULENTS = """
name: 西子多肉养护群
positioning: 杭州多肉爱好者交流浇水、配土、度夏和换盆，每季一次线下换苗会
topics: [多肉, 配土, 浇水, 度夏, 换盆]
audience: 多肉爱好者
"""


@pytest.mark.parametrize(("text", "word"), [
    ("今天西湖人好多啊", "湖人"),      # 西湖 | 人
    ("加群主微信报名换苗会", "加群"),  # 加 | 群主
    ("小区门口新开了家面馆", "口新"),  # 门口 | 新开
])
def test_a_span_across_a_word_edge_cuts_a_word(text: str, word: str) -> None:
    i = text.index(word)
    assert cuts_word(text, i, i + len(word))


@pytest.mark.parametrize(("text", "word"), [
    ("湖人队昨晚又输了", "湖人"),      # inside one word
    ("今晚有湖人的比赛吗", "湖人"),    # a word of its own
    ("看到请转发给身边的朋友", "请转发"),  # 转发给 is only a rare dictionary compound
])
def test_a_whole_word_or_a_span_inside_one_cuts_nothing(text: str, word: str) -> None:
    i = text.index(word)
    assert not cuts_word(text, i, i + len(word))


def test_cue_words_skip_the_pieces_of_longer_words() -> None:
    lex = lexicons()
    assert "湖人" not in cue_words(lex.chatter, "今天西湖人好多啊")
    assert cue_words(lex.chatter, "今晚湖人打勇士你们看吗") == ["湖人"]
    assert "加群" not in cue_words(lex.words["ad.weak"], "有事加群主微信")
    assert "加群" in cue_words(lex.words["ad.weak"], "扫码加群领福利")


@pytest.mark.parametrize("text", [
    "今天西湖人好多啊，断桥上全是游客",
    "周末去西湖人挤人，还是在家给多肉换盆舒服",
])
def test_a_reminder_never_quotes_a_word_the_message_does_not_say(profile_moderator: Callable[[str], Moderator],
                                                                text: str) -> None:
    v = profile_moderator(SUCCULENTS).moderate({"id": "1", "user": "m1", "text": text})
    assert "湖人" not in v.reason
    assert "湖人" not in (v.reply or "")


def test_the_organisers_contact_is_not_a_join_a_group_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(SUCCULENTS).moderate({"id": "2", "user": "m2", "text": "换苗会名额有问题的加群主微信问一下"})
    assert "加群" not in v.reason.replace("加群主", "")

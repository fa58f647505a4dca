"""A two-character verb-object phrase of the synonym table is also read when the operator splits it with a
measure word (起名 → 起个名 / 起一个名字, 踢人 → 踢几个人, 禁言 → 禁个言); the infixes are data in
``knowledge/synonyms.yaml``, and a longer phrase is never split."""

from __future__ import annotations

from copilot.knowledge.expansion import Expander, SynonymTable, load_expander
from copilot.knowledge.typos import correct
from copilot.paths import KNOWLEDGE_DIR


def test_split_verb_object_phrases_expand_like_the_whole_phrase() -> None:
    expander = load_expander(KNOWLEDGE_DIR)
    assert "群名" in expander.expand("帮我们宠物群起个名，要好记一点").terms
    assert "群名" in expander.expand("想给徒步群起一个名字，从哪开始想").terms
    assert "群名" in expander.expand("老群想改个名，现在的名字没人看得懂").terms
    assert "移出群" in expander.expand("有几个人一直发广告，想踢几个人出去").terms
    assert "禁言" in expander.expand("两个人吵得停不下来，要不要先禁个言").terms


def test_measure_words_alone_do_not_expand() -> None:
    expander = load_expander(KNOWLEDGE_DIR)
    assert "群名" not in expander.expand("活动只剩三个名额了，怎么通知大家").terms
    assert not {"群名", "移出群", "禁言"} & set(expander.expand("一个群里有几个人总是不说话").terms)


def test_only_two_character_phrases_are_split() -> None:
    table = SynonymTable.model_validate({"groups": [{"say": ["刷屏"], "means": ["刷屏处理"]},
                                                    {"say": ["群公告"], "means": ["群介绍"]}],
                                         "infixes": ["个", "一个"]})
    expander = Expander(table)
    assert expander.expand("有人在群里刷了个屏").terms == ()
    assert expander.expand("有人一早就刷个屏").terms == ("刷屏处理",)
    assert expander.expand("群个公告怎么写").terms == ()
    assert Expander(SynonymTable.model_validate({"groups": table.model_dump()["groups"]})).expand(
        "有人一早就刷个屏").terms == ()


def test_split_phrase_is_read_whole_before_ranking() -> None:
    readings = load_expander(KNOWLEDGE_DIR).readings
    assert correct("帮我们爬山群起个名，大家周末一起走", {}, readings) == "帮我们爬山群起名，大家周末一起走"
    assert correct("要不要先禁个言再私聊", {}, readings) == "要不要先禁言再私聊"
    assert correct("群里几个人一直不说话", {}, readings) == "群里几个人一直不说话"

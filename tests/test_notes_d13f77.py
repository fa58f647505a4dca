"""Round 77 (d13f77, issue 13): caches on three pure readings the to-do step repeats for every message that says the
same thing — the owner model's scores of a clause's mentions, a sentence's notice kind, and what a line tells before it
asks. Each remembered answer must be the answer read afresh, for Simplified, Traditional, zero-width and very long
inputs, and a caller that edits what it got back must not change what the next caller gets."""

from __future__ import annotations

import pytest

from copilot.notes import deciding, owners, pairing
from copilot.textnorm import fold

ZW = "\u200b"
LONG = "，".join(["关于小区电梯停用三天我再强调一下", "周五前交意见表", "等施工队排期", "每户分摊312元"] * 60)
SENTENCES = [
    "@阿梅 周五前把报名表发到群里",
    "小王负责订场地，老周周三前把横幅做好",
    "我明天去物业问问，大家等我消息",
    "週六早上8點前到社區中心門口集合，你們記得帶水",
    "阿強聽日幫手搬枱，我負責買飲品",
    f"小{ZW}王周五前交{ZW}表",
    "通知：本周六上午9点在社区中心开会，请大家准时参加",
    "报名费每人二十元，名额限30人，接龙报名",
    "说下汇报演出的事，12月27日周六下午2点，在文化馆二楼小剧场，大家看定哪个时间彩排？",
    "下期预告：下周三晚八点读书分享会",
    "今天的作业：每人写一篇三百字的观后感",
    "收到",
    "哈哈哈",
    LONG,
]


def _fresh_scores(folded: str, mentions: list[owners.Mention]) -> list[float]:
    m = owners.model()
    return [m.probability(f) for f in owners.mention_features(folded, mentions)]


@pytest.mark.parametrize("text", SENTENCES)
def test_remembered_owner_scores_are_the_scores_read_afresh(text: str) -> None:
    folded = fold(text)
    people = [(s, e, name) for s, e, name in owners.name_shaped(folded)]
    mentions = owners.find_mentions(folded, people)
    first = owners.score_mentions(folded, mentions)
    assert first == _fresh_scores(folded, mentions)
    first.append(9.9)  # a caller's edit of its list is its own
    assert owners.score_mentions(folded, list(mentions)) == _fresh_scores(folded, mentions)


def test_owner_scores_tell_the_doer_apart_and_none_for_no_mention() -> None:
    folded = fold("小王负责订场地，老周周三前把横幅做好")
    mentions = owners.find_mentions(folded, list(owners.name_shaped(folded)))
    assert len(mentions) >= 2
    scores = owners.score_mentions(folded, mentions)
    assert len(scores) == len(mentions) and all(0.0 <= p <= 1.0 for p in scores)
    assert owners.score_mentions(folded, []) == []
    # the same clause with other mentions is scored for those, not served the first one's scores
    fewer = owners.score_mentions(folded, mentions[:1])
    assert fewer == _fresh_scores(folded, mentions[:1]) and len(fewer) == 1


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("in_list", [False, True])
def test_remembered_notice_kind_is_the_kind_read_afresh(text: str, in_list: bool) -> None:
    f = fold(text)
    assert pairing._announcement_kind(f, in_list) == pairing._announcement_kind.__wrapped__(f, in_list)


def test_notice_kinds_on_realistic_lines() -> None:
    assert pairing._announcement_kind(fold("今天的作业：每人写一篇三百字的观后感"), False) == "作业"
    assert pairing._announcement_kind(fold("下期预告：下周三晚八点读书分享会"), False) == "下期预告"
    assert pairing._announcement_kind(fold("通知：本周六上午9点在社区中心开会，请大家准时参加"), False) == "通知"
    # a plain reply is no notice, unless it stands in a notice's list
    assert pairing._announcement_kind(fold("收到"), False) is None
    assert pairing._announcement_kind(fold("收到"), True) == "通知"


@pytest.mark.parametrize("text", SENTENCES)
def test_remembered_told_part_is_the_part_read_afresh(text: str) -> None:
    assert deciding._told_before_asking(text) == deciding._told_before_asking.__wrapped__(text)


def test_told_part_keeps_what_is_told_before_the_question() -> None:
    line = "说下汇报演出的事，12月27日周六下午2点，在文化馆二楼小剧场，大家看定哪个时间彩排？"
    told = deciding._told_before_asking(line)
    assert told.startswith("说下汇报演出的事") and "文化馆二楼小剧场" in told and "彩排" not in told
    assert deciding._told_before_asking("收到") == "收到"  # asks nothing: the whole line


@pytest.mark.parametrize("text", [*SENTENCES, "那队服做新的，深蓝色，大刘阿杰都同意", "收到！终于定了", "我提议活动改成周日",
                                  "也是，算了还是按原来的纸质登记", "決定咗，聽日改喺公園門口集合"])
def test_remembered_settling_is_the_reading_afresh(text: str) -> None:
    assert deciding._decides(text) == deciding._decides.__wrapped__(text)


def test_settling_on_realistic_lines() -> None:
    assert deciding._decides("那队服做新的，深蓝色，大刘阿杰都同意")
    assert not deciding._decides("收到！终于定了")  # a yes to the line before
    assert not deciding._decides("哈哈哈")

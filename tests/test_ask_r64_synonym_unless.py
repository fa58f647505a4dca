"""Round 64 (d15a64, issue 15): a synonym group of ``knowledge/synonyms.yaml`` may list ``unless`` phrases; when the
question says one of them the group adds none of its card terms. 骚扰 reads as 违规 / 危机 / 定级 when a member is
harassed, but not when the operator fears his own campaign is seen as a nuisance (当成骚扰、算骚扰) or asks about a
phone's 骚扰电话 filter. Questions written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.knowledge.expansion import Expander, SynonymTable, load_expander

HARASSMENT_TERMS = {"违规", "危机", "定级"}


@pytest.mark.parametrize("question", [
    "社群推广怎么做才不会被当成骚扰",
    "拉新時挨個私聊加人，怎麼做才不算騷擾",
    "在群里天天发活动通知会不会像骚扰一样招人烦",
    "我手机老是接到骚扰电话，有啥办法",
])
def test_harassment_said_as_a_nuisance_adds_no_violation_terms(question: str, settings: Settings) -> None:
    expansion = load_expander(settings.knowledge_dir).expand(question)
    assert not HARASSMENT_TERMS & set(expansion.terms)
    assert "骚扰" not in expansion.matched


@pytest.mark.parametrize("question", [
    "群里有个男的一直私信骚扰女生，该怎么处理",
    "有人在群裡開黃腔騷擾新來的成員怎麼辦",
])
def test_a_member_harassed_still_reads_as_a_violation(question: str, settings: Settings) -> None:
    expansion = load_expander(settings.knowledge_dir).expand(question)
    assert {"违规", "定级"} <= set(expansion.terms)


def test_unless_leaves_only_its_own_group_out() -> None:
    table = SynonymTable.model_validate({"groups": [
        {"say": ["掐架"], "means": ["成员争吵"], "unless": ["掐架视频"]},
        {"say": ["踢人"], "means": ["移出群"]},
    ]})
    expander = Expander(table)
    assert expander.expand("两个人在群里掐架，要不要踢人").terms == ("成员争吵", "移出群")
    assert expander.expand("群友转发掐架视频起哄，要不要踢人").terms == ("移出群",)


def test_the_unless_phrases_are_folded_like_the_question(tmp_path: Path) -> None:
    (tmp_path / "synonyms.yaml").write_text(
        "groups:\n  - say: [骚扰]\n    means: [违规]\n    unless: [當成騷擾]\n", encoding="utf-8")
    expander = load_expander(tmp_path)
    assert expander.expand("怎样才不会被当成骚扰").terms == ()
    assert expander.expand("有人骚扰群友").terms == ("违规",)

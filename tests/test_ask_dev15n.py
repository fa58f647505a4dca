"""Round 34b (dev15n): a decline suggests importing material (``copilot index --add``) only for an in-domain
question the cards do not cover, never for a family quarrel or a confession in a hobby group.
Questions and groups (舅舅的拆迁款, 读书会, 汉服, 鹦鹉…) are written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, decline_text, decline_texts, offers_import
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit, SectionRanking, confidence_model
from copilot.llm import get_engine


def _declined(question: str, near_miss: bool = False) -> SectionRanking:
    """A ranking declined on confidence with one related section (between the related floor and the threshold)."""
    model = confidence_model()
    sec = SectionHit(source="crisis", title="社群危机预案", section="成员争吵怎么降温", score=0.3, fit=0.5)
    confidence = model.related_floor + (model.threshold - model.related_floor) / 2
    return SectionRanking(question, [sec], confidence, model.threshold, model.related_floor, near_miss=near_miss)


def test_an_in_domain_decline_suggests_import_and_a_family_one_does_not() -> None:
    texts = decline_texts()
    group = _declined("汉服群想办一次线下雅集，场地押金谁来出")
    family = _declined("家族群里我舅舅和我爸为了拆迁款吵起来，我帮谁说话")
    personal = _declined("在读书会群里喜欢上一个男生，想私下约他看电影", near_miss=True)
    assert group.scene == "group" and family.scene == "life"
    assert offers_import(group, "zh-Hans") and texts.import_hint in decline_text(group)
    for ranking in (family, personal):
        assert not offers_import(ranking, "zh-Hans")
        said = decline_text(ranking)
        assert texts.import_hint not in said and texts.related_head in said  # still names the nearest section
    assert not offers_import(group, "other")


@pytest.mark.parametrize("question", [
    "家族群里我舅舅和我爸为了老房子的拆迁款吵起来了，两边都让我表态，我该帮谁",
    "在鹦鹉群里认识了一个女生，私聊了两个月，想跟她表白，怎么说比较好",
])
def test_personal_questions_are_declined_without_the_import_hint(kb_index: KnowledgeIndex, settings: Settings,
                                                                 question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert not answer.covered
    assert not answer.suggest_import and decline_texts().import_hint not in answer.answer


def _hit(source: str, section: str, fit: float) -> SectionHit:
    return SectionHit(source=source, title=source, section=section, score=0.3, fit=fit)


def test_an_extra_section_that_fits_loosely_and_answers_no_ask_is_dropped() -> None:
    from copilot.knowledge.ask import without_padding
    from copilot.knowledge.ranking import section_scorer

    second = section_scorer().second
    lead = _hit("group-name", "群名要完成的任务", 0.9)
    good = _hit("group-name", "好名字与坏名字对比", second + 0.2)
    junk = _hit("moderation-offtopic", "先分清是哪种情况", second - 0.1)
    ranking = SectionRanking("陶笛群想换个群名，要不要带城市", [lead, good, junk], 0.9, 0.1, 0.05)
    assert without_padding([lead, good, junk], ranking, named=[]) == [lead, good]
    # the same loose section stays when an ask of the question names it
    assert without_padding([lead, junk], ranking, named=[None, junk]) == [lead, junk]
    # a section the ranking never fitted counts as fit 0
    stray = _hit("platform-structure", "群多大合适", 0.99)
    assert without_padding([lead, stray], ranking, named=[]) == [lead]
    assert without_padding([lead], ranking, named=[]) == [lead]


def test_a_deal_group_answer_loses_the_loosely_fitting_extra(kb_index: KnowledgeIndex, settings: Settings,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.knowledge.ranking import parts_cues

    # round 44: the first wording (…全是转发链接…又怕消息太多) now leads with 先分清是哪种情况 (forwarded messages are one
    # of its symptoms) and has no loose extra left to drop; this wording still has one
    question = "拼多多砍价群里全是砍价链接，群主想让大家聊起来，发些什么好"
    engine = get_engine(settings)
    assert parts_cues().drop_padding and not parts_cues().padding_cap  # shipped: the fit cut, no cap
    kept = [s.section for s in answer_question(question, kb_index, engine).sections]
    monkeypatch.setattr(parts_cues(), "drop_padding", False)
    padded = [s.section for s in answer_question(question, kb_index, engine).sections]
    assert "广告怎么处理" in padded and "广告怎么处理" not in kept
    assert kept and kept == padded[:len(kept)] and len(kept) <= 2

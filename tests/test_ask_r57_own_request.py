"""Round 57 (d15b57): a personal writing request is read from its main clause (帮我写一封情书给我喜欢的人), so a trailing
clause that only says who the recipient is (她是我们群里的一个群友) does not turn it into a group text; one disclaimer at
most above an answer; a long pasted question's quote ends on a whole clause. Questions written for this test (not copied
from any eval file or QA round)."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, decline_texts, main_question, subjects
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ownmatter import own_matter
from copilot.llm import get_engine


@pytest.mark.parametrize("question", [
    "帮我写一封情书给我暗恋的人，她是我们读书群里的群友",
    "帮我写首情诗送给喜欢的人，他是我们跑团的成员",
    "替我写一段表白的话给女神，她也在我们的摄影群里，大家都认识她",
    "帮我写一封检讨书给班主任，她也在家长群里",
])
def test_a_trailing_clause_about_the_recipient_does_not_make_a_personal_text_a_group_text(question: str) -> None:
    assert own_matter(question) == "compose"


@pytest.mark.parametrize("question", [
    # the group's own texts stay in scope wherever the group is named
    "帮我写个群公告，提醒大家周日的徒步改到九点集合",
    "帮我写一段欢迎语，今天进群的都是新报名的学员",
    "帮我写一封道歉信，发到群里给所有群友",
    "帮我写几句话，欢迎新进群的群友",
    "帮我给群友们写段新年祝福，发在群里",
    # handling such talk in the group is the operator's matter
    "群里有人给女群友写情书骚扰，被骚扰的来找我，怎么处理",
])
def test_group_texts_and_handling_stay_in_scope(question: str) -> None:
    assert own_matter(question) == ""


def test_a_love_letter_with_a_group_member_clause_is_declined_as_own(kb_index: KnowledgeIndex,
                                                                   settings: Settings) -> None:
    answer = answer_question("帮我写一封情书给我喜欢的人，她是我们群里的一个群友", kb_index, get_engine(settings))
    assert not answer.covered and answer.declined_by == "own"


def test_a_missing_subject_note_is_the_only_disclaimer(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("会员群一年一交，今年快到期了，续费的人很少，怎么提高续费", kb_index, get_engine(settings))
    assert answer.covered and answer.missing_subject
    head = answer.answer.split("\n", 2)
    assert head[0] == subjects().note.format(subject=answer.missing_subject)
    general = decline_texts().not_direct.split("「")[0]
    assert not any(line.startswith(general) for line in answer.answer.splitlines())


def test_a_pasted_text_cut_mid_clause_is_quoted_without_the_fragment() -> None:
    text = ("我们是一个做宠物用品团购的群，群里最近有人天天刷屏发广告，还有人吵架，" * 80)[:3001]
    read = main_question(text)
    assert read == "我们是一个做宠物用品团购的群，群里最近有人天天刷屏发广告，还有人吵架"


def test_a_quote_over_the_budget_ends_on_a_clause_end() -> None:
    from copilot.knowledge.ask import _cut_at_clause

    text = "群里最近有人天天刷屏发广告，" * 30
    cut = _cut_at_clause(text, 100)
    assert cut.endswith("发广告") and len(cut) <= 100
    assert _cut_at_clause("群里有人刷屏怎么办", 100) == "群里有人刷屏怎么办"


def test_a_lead_with_no_word_of_the_situation_is_given_as_near(kb_index: KnowledgeIndex, settings: Settings) -> None:
    from copilot.knowledge.ask import unmatched_situation
    from copilot.knowledge.ranking import SectionHit

    # a naming question led by the section on numbering several groups: none of 宠物/养猫/领养/看病 is in it
    question = "帮我想想我们宠物群叫什么名字好？我们是同城养猫的，平时主要交流领养和看病经验"
    numbering = SectionHit("group-name", "群名怎么起", "多个群的编号", 0.9, fit=0.9)
    assert unmatched_situation(question, numbering, kb_index)
    # the welcome section says what a welcome question tells: it stays direct
    welcome = SectionHit("intro-welcome", "群介绍与入群欢迎", "欢迎语要包含什么", 0.9, fit=0.9)
    assert not unmatched_situation("新人进群以后欢迎语怎么写比较自然？我们是一个读书打卡群", welcome, kb_index)
    answer = answer_question("新人进群以后欢迎语怎么写比较自然？我们是一个读书打卡群", kb_index, get_engine(settings))
    assert answer.covered and answer.direct

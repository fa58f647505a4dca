"""Round 55 (d15e55): a question whose subject (续费, 放鸽子: ``subjects.yaml``) none of the answer's sections speaks of
is answered as 相近, not 资料覆盖, and the answer says which subject is not covered; controls stay direct."""

from __future__ import annotations

import json

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import Citation, answer_question, missing_subject, subjects
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine
from copilot.paths import EVALS_DIR


def _cite(section: str, text: str) -> Citation:
    return Citation(n=1, source="promotion", title="社群促销套路与算账", section=section, text=text)


@pytest.mark.parametrize("question,subject", [
    ("知识付费群一年到期了，怎么让老会员愿意续费", "续费"),
    ("线下活动报了二十个人，结果来了不到一半，老有人放鸽子怎么办", "放鸽子"),
])
def test_a_question_on_a_subject_the_material_lacks_is_labelled_near(kb_index: KnowledgeIndex, settings: Settings,
                                                                      question: str, subject: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and not answer.direct
    assert answer.missing_subject == subject
    assert answer.answer.startswith(f"资料里没有讲「{subject}」的小节")
    assert answer.model_dump()["missing_subject"] == subject  # what --json carries


def test_a_traditional_question_names_the_subject_in_traditional(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("付費社群的會員到期了，要怎麼提醒續費才不會讓人反感？", kb_index, get_engine(settings))
    assert not answer.direct and answer.missing_subject == "续费"  # the field keeps the list's word
    assert "「續費」" in answer.answer


@pytest.mark.parametrize("question", ["群里老有人发广告，要不要直接踢", "两个老成员在群里吵起来了，我怎么劝"])
def test_questions_on_covered_subjects_stay_direct(kb_index: KnowledgeIndex, settings: Settings, question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.direct and answer.missing_subject == ""


@pytest.mark.usefixtures("kb_index")
def test_a_subject_said_by_a_section_or_its_synonym_is_not_missing(kb_index: KnowledgeIndex) -> None:
    renew = "年费群到期了，怎么提醒大家续费"
    assert missing_subject(renew, [_cite("群里做促销的分寸", "促销一个月不超过两次。")], kb_index) == "续费"
    assert missing_subject(renew, [_cite("续费提醒", "到期前一周提醒续费，先回顾这一年的价值。")], kb_index) == ""
    assert missing_subject("群里老有人发广告", [_cite("群里做促销的分寸", "促销一个月不超过两次。")], kb_index) == ""
    assert missing_subject(renew, [], kb_index) == ""


def test_the_subject_list_keeps_background_words_out() -> None:
    terms = set(subjects().terms)
    assert {"续费", "放鸽子", "押金"} <= terms
    # words that are mostly the background of a covered question (evidence, channels, tools) are not subjects
    assert not terms & {"截图", "公众号", "小红书", "机器人", "接龙", "解散", "直播"}


def test_the_r55e_tuning_file_has_lacking_subjects_and_controls() -> None:
    rows = [json.loads(line) for line in (EVALS_DIR / "retrieval" / "tuning_r55e.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    near = [r for r in rows if r.get("near")]
    controls = [r for r in rows if not r.get("near")]
    assert len(near) >= 20 and len(controls) >= 10
    assert all(r["in_scope"] and r["sections"] for r in rows)

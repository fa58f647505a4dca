"""Round 64 (d15b64, issue 15): how an asker names their own role (我作为群主, 身为管理员, 我是团长) tells who asks,
not what: the last asking clause is ranked without it, so the host's persona no longer leads the answer to a quarrel
between members. And a stated situation's ``unless`` phrase may have a gap ("觉得我们…骚扰"): an operator who fears
looking like a harasser is not a member being harassed. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, ask_part
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import StatedSituation, parts_cues, said_apart, stated_situations
from copilot.llm import get_engine
from copilot.textnorm import fold

PERSONA = ("team-roles", "群主的人设怎么打造")


@pytest.mark.parametrize(("clause", "left"), [
    ("我作为群主咋整", "咋整"),
    ("身为管理员该怎么提醒他", "该怎么提醒他"),
    ("我是团长该发点啥", "该发点啥"),
    (fold("我作為群管理該怎麼回"), fold("該怎麼回")),
])
def test_the_askers_own_role_is_cut_from_the_clause(clause: str, left: str) -> None:
    assert parts_cues().ask_lead.without_self_role(clause) == left


@pytest.mark.parametrize("clause", ["群主的人设怎么打造", "要不要再找个管理员", "运营日历怎么排"])
def test_a_role_that_is_the_topic_stays(clause: str) -> None:
    assert parts_cues().ask_lead.without_self_role(clause) == clause


def test_a_quarrel_asked_as_the_host_is_not_led_by_the_hosts_persona(kb_index: KnowledgeIndex,
                                                                     settings: Settings) -> None:
    question = "两个老成员为了孩子上哪个补习班在群里吵起来了，互相不让，我作为群主该怎么办"
    ranking = kb_index.search_sections(question, k=5)
    part = ask_part(question, ranking, kb_index)
    assert "群主" not in part.text
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and (answer.sections[0].source, answer.sections[0].section) != PERSONA
    assert ("crisis", "成员争吵怎么降温") in {(s.source, s.section) for s in answer.sections}


def test_the_hosts_persona_asked_as_the_host_still_finds_it(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("作为群主，我该怎么打造自己在群里的人设", kb_index, get_engine(settings))
    assert answer.covered and (answer.sections[0].source, answer.sections[0].section) == PERSONA


@pytest.mark.parametrize(("phrase", "text", "said"), [
    ("觉得我们…骚扰", "怕群友觉得我们天天在骚扰他们", True),
    ("觉得我们…骚扰", "觉得我们群里那个男的一直在私信骚扰她", False),  # too far apart: a member is harassed
    ("骚扰电话", "手机老接到骚扰电话", True),
    ("觉得…骚扰…朋友", "觉得在骚扰朋友", True),
])
def test_an_unless_phrase_with_a_gap(phrase: str, text: str, said: bool) -> None:
    assert said_apart(phrase, text, 4) is said


@pytest.mark.parametrize("question", [
    "想拉老客户进群做活动，又怕他们觉得我们在骚扰，私聊怎么开口",
    "每天在群里推两次新品，会不会让人觉得我们天天在骚扰他们",
])
def test_fearing_to_look_like_a_harasser_is_not_being_harassed(question: str) -> None:
    assert "harassed" not in {s.name for s in stated_situations().told(question)}


@pytest.mark.parametrize("question", [
    "群里有个男的老是私信骚扰女群友，我该怎么处理",
    "有群友跟我说觉得被人骚扰了，不敢在群里说话",
])
def test_a_member_harassed_is_still_told(question: str) -> None:
    assert "harassed" in {s.name for s in stated_situations().told(question)}


def test_the_gap_pieces_are_folded_on_their_own() -> None:
    situation = StatedSituation(name="x", says=["骚扰"], unless=["覺得我們…騷擾"])
    assert not situation.said(fold("怕群友覺得我們在騷擾他們"))
    assert situation.said(fold("有人一直騷擾群友"))

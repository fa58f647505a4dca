"""Round 55 (d15c55): a last asking clause that names no topic, only a verb of looking or doing (查, 找, 看: "该从哪查起"),
does not hand the answer's lead to the section it finds alone (行业信息从哪里找 for 查/找), ``parts.yaml``'s
``ask_lead.generic_verbs``. (The story a question tells, ranked on its own and fused with the whole question's
ranking, was measured and dropped: README 问答 notes.) Questions written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from copilot.knowledge.ask import ask_part
from copilot.knowledge.ranking import SectionHit, SectionRanking, parts_cues
from copilot.textnorm import fold


def _hit(source: str, section: str, fit: float) -> SectionHit:
    return SectionHit(source=source, title=source, section=section, score=0.5, fit=fit, sentence=0.9, lexical=2.0)


FIND = _hit("research", "行业信息从哪里找", 0.9)
DATA = _hit("metrics-review", "从数据到行动", 0.6)
DECLINE = _hit("lifecycle", "衰退的常见原因", 0.5)


def _ranking(question: str, *sections: SectionHit) -> SectionRanking:
    return SectionRanking(question, list(sections), 0.95, 0.1, 0.05)


def _index(by_clause: dict[str, SectionRanking], words: dict[str, list[str]]) -> SimpleNamespace:
    """search_sections answers each clause from ``by_clause``; content_words gives the words the tokenizer keeps."""
    return SimpleNamespace(search_sections=lambda q, k=3: by_clause.get(q, _ranking(q)),
                           content_words=lambda text, common=None: words.get(text, [text]))


Q_LOOK = "我在小区做团购快一年了，现在每次发接龙只有十几个人，也不知道是价格问题还是大家腻了，该从哪查起"


def test_a_clause_that_only_asks_where_to_look_does_not_lead() -> None:
    clause = fold("该从哪查起")
    whole = _ranking(Q_LOOK, DATA, DECLINE, FIND)
    own = _ranking(clause, FIND)
    part = ask_part(Q_LOOK, whole, _index({clause: own}, {clause: ["哪查"]}))  # the tokenizer joins 哪 and 查
    assert part.text == clause
    assert part.best is None and part.lead is None  # 行业信息从哪里找 does not take the lead on 查


def test_a_clause_that_names_what_to_look_for_still_leads() -> None:
    q = "想给烘焙群做一份调研，行业资料从哪里找"
    clause = fold("行业资料从哪里找")
    whole = _ranking(q, DATA, FIND)
    part = ask_part(q, whole, _index({clause: _ranking(clause, FIND)}, {clause: ["行业", "资料", "哪里找"]}))
    assert part.best == FIND


def test_without_generic_verbs_the_clause_leads_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_cues().ask_lead, "generic_verbs", [])
    clause = fold("该从哪查起")
    part = ask_part(Q_LOOK, _ranking(Q_LOOK, DATA, DECLINE, FIND),
                    _index({clause: _ranking(clause, FIND)}, {clause: ["哪查"]}))
    assert part.best == FIND


def test_the_shipped_generic_verbs_hold_looking_and_finding() -> None:
    assert {"查", "找", "看"} <= set(parts_cues().ask_lead.generic_verbs)

"""Round 49 (d15b49, issue 15): the readable ask set tuning_r49b has the classes it was written for and names real
sections; knowledge/synonyms.yaml reads operators' words for politically sensitive posts (涉政、政治敏感、敏感话题…) as
the cards' 违法违规内容, so such a post is handled by the rule sections (群规 › 禁止行为、违规怎么处理) rather than by a
neighbour that only shares 群. Questions in the behaviour tests are written for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, load_ask_cases
from copilot.knowledge.ask import answer_question
from copilot.knowledge.cards import load_cards
from copilot.knowledge.expansion import load_expander
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine
from copilot.paths import EVALS_DIR, KNOWLEDGE_DIR

R49B = EVALS_DIR / "retrieval" / "tuning_r49b.jsonl"


def test_the_round49_set_is_readable_and_names_real_sections() -> None:
    assert R49B.stem not in HELD_OUT
    cases = load_ask_cases(R49B)
    cards = {c.id: c for c in load_cards(KNOWLEDGE_DIR)}
    for case in cases:
        for card, heading in case.sections:
            assert card in cards and cards[card].resolve_section(heading) is not None, (case.id, card, heading)
    inside = [c for c in cases if c.in_scope]
    assert len(inside) >= 40 and len(cases) - len(inside) >= 10
    assert sum(c.script == "zh-Hant" for c in inside) >= 6 and sum(c.style == "terse" for c in inside) >= 3
    assert sum(c.near for c in inside) >= 6
    assert len({c.id for c in cases}) == len(cases)


def test_political_wording_is_read_as_unlawful_content() -> None:
    expander = load_expander(KNOWLEDGE_DIR)
    for question in ("钓鱼群有人发政治敏感的图片，要怎么处理", "茶友群有人發敏感話題的影片怎麼辦", "有人在群里发涉政段子"):
        expansion = expander.expand(question)
        assert "违法违规内容" in expansion.terms, question
    # a sensitive skin, a sensitive price: not a post's content
    assert "违法违规内容" not in expander.expand("敏感肌的群友多，护肤话题怎么聊").terms


def test_a_political_post_is_answered_from_the_rules(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("钓鱼群有人发政治敏感的图片，要怎么处理", kb_index, get_engine(settings))
    assert answer.covered and answer.direct
    assert answer.sections[0].source == "group-rules"

"""Round 46 (d15b46, issue 15): an operator's keyword question is often a domain term with a request word after it
(群规模板, 群公告栏, 欢迎语范本). jieba may cut across the term (群规模板 → 群 | 规模 | 板: the rules are gone and a
"group size" word appears), so a keyword question is answered from a section about something else. Every term of the
user dictionary and every card tag that jieba keeps as one word must survive tokenisation when a request word follows."""

from __future__ import annotations

import re

import pytest

from copilot.config import get_settings
from copilot.knowledge.cards import load_cards
from copilot.paths import RESOURCES_DIR
from copilot.textnorm import cut_words, fold, tokenize

# what operators put after a term when they ask for a ready-made thing (written for this test)
REQUEST_WORDS = ("模板", "范本", "样板", "示例", "清单", "流程", "栏", "格式", "大全", "技巧", "规则", "标准", "设置",
                 "怎么写", "怎么设", "怎么做", "表", "文案", "话术")


def domain_terms() -> list[str]:
    lines = (RESOURCES_DIR / "userdict_zh.txt").read_text(encoding="utf-8").splitlines()
    terms = {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}
    for card in load_cards(get_settings().knowledge_dir):
        terms.update(t for t in card.tags if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", t))
    # a term jieba does not keep whole on its own is matched by its parts; only whole words can be cut across
    return sorted(t for t in terms if cut_words(fold(t)) == [fold(t)])


def test_the_terms_are_read_from_the_dictionary_and_the_cards() -> None:
    terms = domain_terms()
    assert {"群规", "群公告", "门槛"} <= set(terms)
    assert len(terms) > 80


def test_a_domain_term_survives_a_request_word_after_it() -> None:
    lost = [t + w for t in domain_terms() for w in REQUEST_WORDS if fold(t) not in tokenize(t + w, keep_stopwords=True)]
    assert lost == []


@pytest.mark.parametrize(("question", "kept", "not_kept"), [
    ("群规模板", "群规", None),
    ("群规范本有没有", "群规", None),
    ("群公告栏写啥", "群公告", None),
    ("群规模多大合适", "规模", "群规"),  # group size, not the rules: the compound must not swallow it
])
def test_keyword_questions_keep_their_term(question: str, kept: str, not_kept: str | None) -> None:
    words = tokenize(question, keep_stopwords=True)
    assert kept in words
    if not_kept is not None:
        assert not_kept not in words

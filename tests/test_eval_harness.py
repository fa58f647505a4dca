"""The eval harness: assertion kinds, LLM judge (fake server), call cache, regressions, reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from langchain_core.messages import HumanMessage

from copilot.config import Settings
from copilot.devtools.fake_openai import FakeOpenAI, Reply
from copilot.evals.assertions import Assertion, check
from copilot.evals.cache import attach_cache
from copilot.evals.judge import judge_rule
from copilot.evals.results import CaseResult, SuiteResult, apply_gates
from copilot.evals.runner import find_regressions, load_previous, write_reports
from copilot.knowledge.rules import load_rules
from copilot.llm import get_engine
from copilot.paths import KNOWLEDGE_DIR

OUTPUT = {
    "engine": "offline",
    "drafts": [{"name": "周末共读会", "rationale": "主题+形式"}, {"name": "深夜書評小組", "rationale": "繁体也算"}],
    "texts": ["周末共读会", "深夜書評小組"],
    "joined": "周末共读会\n深夜書評小組",
    "label": "ad",
    "metrics": {"f1": {"ad": 0.93}},
}


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"kind": "contains_any", "path": "drafts.*.name", "values": ["共读", "书评"], "each": True}, True),
        ({"kind": "contains_any", "path": "drafts.*.name", "values": ["共读"], "each": True}, False),
        ({"contains_any": ["书评"]}, True),  # shorthand, folded: 書評 matches 书评
        ({"contains_any": ["跑步", "打卡"]}, False),
        ({"contains_all": ["共读", "书评"]}, True),
        ({"contains_all": ["共读", "跑步"]}, False),
        ({"not_contains": ["最强", "暴富"]}, True),
        ({"not_contains": ["周末"]}, False),
        ({"regex": "共读会$|共读会\\n"}, True),
        ({"kind": "regex", "path": "drafts.*.name", "pattern": "^周末", "each": True}, False),
        ({"length": {"min": 4, "max": 8}}, True),
        ({"length": {"min": 6}}, False),
        ({"count": {"min": 2, "max": 2}}, True),
        ({"count": {"min": 3}}, False),
        ({"kind": "json_schema", "schema": {"type": "object", "required": ["engine", "drafts"]}}, True),
        ({"kind": "json_schema", "schema": {"type": "object", "required": ["citations"]}}, False),
        ({"kind": "label_equals", "path": "label", "value": "ad"}, True),
        ({"kind": "label_equals", "path": "label", "value": "ok"}, False),
        ({"kind": "threshold", "path": "metrics.f1.ad", "op": ">=", "value": 0.9}, True),
        ({"kind": "threshold", "path": "metrics.f1.ad", "op": ">=", "value": 0.95}, False),
        ({"kind": "threshold", "path": "metrics.f1.spam", "op": ">=", "value": 0.5}, False),  # missing
    ],
)
def test_each_assertion_kind_passes_and_fails(spec: dict, expected: bool) -> None:
    result = check(Assertion.parse(spec), OUTPUT)
    assert result.passed is expected, result
    assert result.reason and result.name


def test_unknown_assertion_is_rejected_and_bad_regex_fails_cleanly() -> None:
    with pytest.raises(ValueError):
        Assertion.parse({"kind": "sounds_nice"})
    result = check(Assertion.parse({"regex": "([unclosed"}), OUTPUT)
    assert result.passed is False and "无法执行" in result.reason


def _judge_rule():  # type: ignore[no-untyped-def]
    book = load_rules(KNOWLEDGE_DIR)
    judge_rules = [r for r in book.rules if r.check.kind == "judge"]
    assert judge_rules, "rules.yaml should have LLM-judged rules"
    return judge_rules[0]


def test_judge_good_answer(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push('{"score": 5, "passed": true, "reason": "名字短而好记，读起来顺口"}')
    result = judge_rule(get_engine(llm_settings), _judge_rule(), "name", OUTPUT["drafts"])
    assert result.passed is True and result.score == 5 and result.model == "fake-model"
    prompt = fake_llm.chat_requests[0]["messages"][1]["content"]
    assert "周末共读会" in prompt and _judge_rule().id in prompt


def test_judge_malformed_answer_is_an_error_not_a_pass(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push("我觉得挺好的", '{"score": 9, "passed": true, "reason": "好"}')
    result = judge_rule(get_engine(llm_settings), _judge_rule(), "name", OUTPUT["drafts"])
    assert result.passed is None and result.error and "无效" in result.error


def test_judge_inconsistent_answer_is_rejected(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push('{"score": 2, "passed": true, "reason": "不太好记"}', '{"score": 2, "passed": false, "reason": "不太好记"}')
    result = judge_rule(get_engine(llm_settings), _judge_rule(), "name", OUTPUT["drafts"])
    assert result.passed is False and result.score == 2  # retried with the inconsistency stated


def test_judge_timeout_is_an_error(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    s = llm_settings.model_copy(update={"llm_timeout": 0.3, "llm_max_retries": 0})
    fake_llm.push(Reply('{"score": 5, "passed": true, "reason": "好"}', delay=1.5))
    result = judge_rule(get_engine(s), _judge_rule(), "name", OUTPUT["drafts"])
    assert result.passed is None and "超时" in (result.error or "")


def test_judge_needs_a_model(settings: Settings) -> None:
    result = judge_rule(get_engine(settings), _judge_rule(), "name", OUTPUT["drafts"])
    assert result.passed is None and "未配置模型" in (result.error or "")


def test_model_calls_are_cached_by_input(fake_llm: FakeOpenAI, llm_settings: Settings, tmp_path: Path) -> None:
    engine = get_engine(llm_settings)
    cache = attach_cache(engine, tmp_path / "llm_cache.sqlite")
    fake_llm.push("第一次的回答", "第二个问题的回答")
    first = engine.chat_model.invoke([HumanMessage(content="群名怎么起")])
    again = engine.chat_model.invoke([HumanMessage(content="群名怎么起")])
    other = engine.chat_model.invoke([HumanMessage(content="群规怎么写")])
    assert first.content == again.content == "第一次的回答" and other.content == "第二个问题的回答"
    assert len(fake_llm.chat_requests) == 2 and cache is not None and cache.hits == 1
    # a new process (new cache object on the same file) still hits
    engine2 = get_engine(llm_settings)
    attach_cache(engine2, tmp_path / "llm_cache.sqlite")
    assert engine2.chat_model.invoke([HumanMessage(content="群规怎么写")]).content == "第二个问题的回答"
    assert len(fake_llm.chat_requests) == 2


def _suite(passed_ids: list[str], failed_ids: list[str], recall: float) -> SuiteResult:
    cases = [CaseResult(suite="retrieval", id=i, passed=True) for i in passed_ids]
    cases += [CaseResult(suite="retrieval", id=i, passed=False) for i in failed_ids]
    # the ask splits' figures at their best, so that only recall decides whether the suite passes
    ask = {"section_hit_at_3": 1.0, "answer_section_rate": 1.0, "oos_decline_rate": 1.0, "false_decline_rate": 0.0}
    metrics = {"recall_at_5": recall, "mrr": 0.8, "tuning": ask, "locked": ask, "locked_blind": ask}
    return apply_gates(SuiteResult(suite="retrieval", metrics=metrics, cases=cases))


def test_regressions_are_listed_against_the_previous_run(tmp_path: Path) -> None:
    first = [_suite(["q1", "q2", "q3"], [], 0.95)]
    assert write_reports(first, tmp_path, engine="offline") == []
    assert "第一次运行" in (tmp_path / "report.md").read_text(encoding="utf-8")
    second = [_suite(["q1", "q3"], ["q2"], 0.88)]
    regressions = write_reports(second, tmp_path, engine="offline")
    assert any("q2" in r for r in regressions)
    assert any("recall_at_5" in r and "0.950 → 0.880" in r for r in regressions)
    assert not second[0].passed and first[0].passed
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "回归" in report and "q2" in report and "❌" in report
    html_report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<svg" not in html_report or "recall" in html_report
    assert "<script" not in html_report and "http" not in html_report.replace("http-equiv", "")
    rows = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in rows} == {"q1", "q2", "q3"}
    prev_cases, prev_metrics = load_previous(tmp_path)
    assert prev_cases[("retrieval", "q2")] is False and prev_metrics["retrieval"]["recall_at_5"] == 0.88
    assert find_regressions(second, prev_cases, prev_metrics) == []

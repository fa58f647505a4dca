"""Optional LLM judge for rules no deterministic check can decide (``check.kind: judge``).

Runs only when a model is configured. The judge's answer is validated (score 1–5, passed, Chinese
reason); a malformed or missing answer, a timeout or a rate limit is recorded as an *error* in the
report, never as a pass. The judge's model name is recorded with every verdict.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field, model_validator

from copilot.knowledge.rules import Rule
from copilot.llm import Engine, LLMUnavailable, StructuredOutputError, invoke_structured
from copilot.prompts import load_prompt


class JudgeAnswer(BaseModel):
    score: int = Field(ge=1, le=5)
    passed: bool
    reason: str = Field(min_length=2, max_length=400)

    @model_validator(mode="after")
    def _consistent(self) -> JudgeAnswer:
        if self.passed != (self.score >= 4):
            raise ValueError("passed 必须与 score≥4 一致")
        return self


class JudgeResult(BaseModel):
    rule_id: str
    model: str
    passed: bool | None  # None = error
    score: int | None = None
    reason: str = ""
    error: str | None = None


def judge_rule(engine: Engine, rule: Rule, target: str, output: Any) -> JudgeResult:
    """Ask the configured model whether ``output`` satisfies ``rule``."""
    if engine.is_offline:
        return JudgeResult(rule_id=rule.id, model="offline", passed=None, error="未配置模型，无法进行 LLM 评审")
    rubric = str(rule.check.params.get("rubric") or rule.statement)
    prompt = load_prompt("eval_judge", engine.settings.prompts_dir)
    messages = prompt.render(rule_id=rule.id, statement=rule.statement, rubric=rubric, target=target,
                             output=json.dumps(output, ensure_ascii=False)[:6000])
    try:
        answer = invoke_structured(engine, messages, JudgeAnswer, attempts=2)
    except StructuredOutputError as exc:
        return JudgeResult(rule_id=rule.id, model=engine.name, passed=None, error=f"评审输出无效：{exc}")
    except LLMUnavailable as exc:
        return JudgeResult(rule_id=rule.id, model=engine.name, passed=None, error=str(exc))
    return JudgeResult(rule_id=rule.id, model=engine.name, passed=answer.passed, score=answer.score,
                       reason=answer.reason)

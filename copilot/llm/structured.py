"""Structured output from any OpenAI-compatible model, validated, repaired or retried.

We do not rely on provider-specific tool calling or ``response_format`` (DeepSeek, Ollama and vLLM
differ): the prompt states the JSON shape, the reply is parsed leniently (code fences, prose around
the object, trailing commas, single quotes via ``json_repair``), validated with pydantic, and checked
by an optional domain validator. On failure the model is told exactly what was wrong and asked again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

from json_repair import repair_json
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from pydantic import BaseModel, ValidationError

from copilot.llm.engine import Engine
from copilot.llm.errors import StructuredOutputError, call_guarded
from copilot.validation import zh_problems

M = TypeVar("M", bound=BaseModel)

_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.DOTALL)


def schema_hint(schema: type[BaseModel]) -> str:
    """Compact JSON Schema of ``schema`` for inclusion in a prompt."""
    return json.dumps(schema.model_json_schema(), ensure_ascii=False, separators=(",", ":"))


def _candidate_json(text: str) -> str:
    fenced = _FENCE.search(text)
    if fenced:
        return fenced.group(1).strip()
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    if not starts:
        return text.strip()
    start = min(starts)
    end = max(text.rfind("}"), text.rfind("]"))
    return text[start : end + 1] if end > start else text[start:]


def parse_json_output(text: str) -> Any:
    """Parse a model reply into JSON data, tolerating fences, surrounding prose and small syntax slips."""
    if not text or not text.strip():
        raise ValueError("模型返回为空")
    candidate = _candidate_json(text)
    try:
        return json.loads(candidate)
    except json.JSONDecodeError:
        pass
    repaired = repair_json(candidate, return_objects=True)
    if repaired in ("", None, [], {}) and candidate.strip() not in ("[]", "{}"):
        raise ValueError("模型返回的不是 JSON")
    return repaired


def _content(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, list):  # some providers return content parts
        return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content)


def invoke_structured(
    engine: Engine,
    messages: Sequence[BaseMessage],
    schema: type[M],
    *,
    attempts: int = 3,
    validate: Callable[[M], list[str]] | None = None,
) -> M:
    """Ask the model for an instance of ``schema``; retry with the errors stated until it validates.

    ``validate`` returns a list of Chinese problem descriptions (empty = fine); it is how agents ask
    for a revision when a draft breaks a methodology rule. If the last attempt still has rule
    problems but is otherwise valid, it is returned (the caller reports the failing checks).
    Raises :class:`StructuredOutputError` if no attempt parsed, and
    :class:`~copilot.llm.errors.LLMUnavailable` on transport failures.
    """
    if engine.chat_model is None:
        raise ValueError("invoke_structured needs an LLM engine")
    history = list(messages)
    last_valid: M | None = None
    last_error = ""
    for attempt in range(1, attempts + 1):
        reply = call_guarded(partial(engine.chat_model.invoke, list(history)), deadline=engine.settings.llm_deadline)
        text = _content(reply)
        problems: list[str]
        try:
            data = parse_json_output(text)
            obj = schema.model_validate(data)
        except (ValueError, ValidationError) as exc:
            last_error = _short_error(exc)
            problems = [f"输出不是合法的 JSON 或不符合要求的结构：{last_error}"]
        else:
            problems = validate(obj) if validate else []
            last_valid = obj
            if not problems:
                return obj
        if attempt < attempts:
            history += [
                AIMessage(content=text[:4000]),
                HumanMessage(
                    content="上一次输出有以下问题，请修正后只输出 JSON，不要输出其他内容：\n- "
                    + "\n- ".join(problems)
                ),
            ]
    if last_valid is not None:
        return last_valid
    raise StructuredOutputError(f"模型连续 {attempts} 次返回无效 JSON（{last_error}）")


def _short_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "；".join(f"{key}：{reason}" for key, reason in zh_problems(exc)[:3])
    return str(exc)[:200]

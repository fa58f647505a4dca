"""Model layer: one interface over an OpenAI-compatible endpoint and the offline engine.

Agents never talk to a provider directly. They get an :class:`~copilot.llm.engine.Engine` from
:func:`~copilot.llm.engine.get_engine`, ask :func:`~copilot.llm.structured.invoke_structured` for a
validated pydantic object on the LLM path, and provide their own offline strategy that fills the same
pydantic type. :func:`~copilot.llm.engine.run_with_fallback` picks between them and records which
engine produced the result. Errors live in :mod:`copilot.llm.errors`.
"""

from copilot.llm.engine import (
    OFFLINE,
    Engine,
    EngineRun,
    engine_label,
    get_engine,
    make_chat_model,
    run_with_fallback,
)
from copilot.llm.errors import LLMUnavailable, StructuredOutputError, call_guarded, describe_error, with_deadline
from copilot.llm.structured import invoke_structured, parse_json_output, schema_hint

__all__ = [
    "OFFLINE",
    "Engine",
    "EngineRun",
    "LLMUnavailable",
    "StructuredOutputError",
    "call_guarded",
    "describe_error",
    "engine_label",
    "get_engine",
    "invoke_structured",
    "make_chat_model",
    "parse_json_output",
    "run_with_fallback",
    "schema_hint",
    "with_deadline",
]

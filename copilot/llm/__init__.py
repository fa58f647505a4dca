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

# the structured-output helpers need LangChain's message types (≈1 s to import): loaded on first use, so commands that
# never call a model (`copilot --help`, `copilot ask` offline) do not pay for them
_STRUCTURED = ("invoke_structured", "parse_json_output", "schema_hint")


def __getattr__(name: str) -> object:
    if name in _STRUCTURED:
        from copilot.llm import structured  # noqa: PLC0415

        return getattr(structured, name)
    raise AttributeError(f"module 'copilot.llm' has no attribute {name!r}")

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

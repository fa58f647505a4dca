"""Engine selection, the OpenAI-compatible chat model factory and offline fallback."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from copilot.config import Settings, get_settings
from copilot.llm.errors import LLMUnavailable, StructuredOutputError

if TYPE_CHECKING:  # openai and langchain load in ~1 s: only when a model is actually used
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)

OFFLINE = "offline"
T = TypeVar("T")


def engine_label(name: str) -> str:
    """How an engine is named to the operator: ``offline`` or a model name (the one wording, everywhere)."""
    return "离线引擎（offline：检索+规则+模板）" if name == OFFLINE else f"模型 {name}"


@dataclass
class Engine:
    """What produces an output: an OpenAI-compatible chat model, or the offline engine.

    The offline engine is not a language model (no Chinese instruction-tuned LLM ships in a PyPI
    package): each agent brings its own retrieval + rules + templates + extraction strategy and fills
    the same pydantic output type as the LLM path.
    """

    name: str
    chat_model: BaseChatModel | None = None
    settings: Settings = field(default_factory=get_settings)

    @property
    def is_offline(self) -> bool:
        return self.chat_model is None

    @property
    def label(self) -> str:
        """Human-readable engine label shown beside every output."""
        return engine_label(self.name)


@dataclass
class EngineRun(Generic[T]):
    """A result plus the engine that actually produced it and, after a fallback, why."""

    value: T
    engine: str
    notice: str | None = None


def make_chat_model(settings: Settings, **overrides: object) -> BaseChatModel:
    """``ChatOpenAI`` for any OpenAI-compatible endpoint (OpenAI, DeepSeek, DashScope, vLLM, Ollama).

    The openai client retries 429/5xx/timeouts with exponential backoff ``llm_max_retries`` times.
    Local servers (Ollama, vLLM) accept any key, so a base_url alone is enough.
    """
    from langchain_openai import ChatOpenAI  # noqa: PLC0415 - heavy (~1.6 s): only when a model is configured

    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    kwargs: dict[str, object] = dict(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        api_key=api_key,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        max_tokens=settings.llm_max_tokens,
        temperature=settings.llm_temperature,
    )
    kwargs.update(overrides)
    return ChatOpenAI(**kwargs)


def get_engine(
    settings: Settings | None = None, *, prefer: Literal["auto", "offline", "llm"] = "auto"
) -> Engine:
    """The engine to use: ``prefer='offline'`` forces offline, ``'llm'`` demands a configured endpoint."""
    settings = settings or get_settings()
    if prefer == "offline" or (prefer == "auto" and not settings.llm_enabled):
        return Engine(name=OFFLINE, settings=settings)
    if prefer == "llm" and not (settings.llm_base_url or settings.llm_api_key):
        raise LLMUnavailable("未配置模型接口：请设置 COPILOT_LLM_BASE_URL 或 OPENAI_API_KEY")
    return Engine(name=settings.llm_model, chat_model=make_chat_model(settings), settings=settings)


def run_with_fallback(
    engine: Engine,
    llm_fn: Callable[[Engine], T],
    offline_fn: Callable[[], T],
) -> EngineRun[T]:
    """Run the LLM strategy, falling back to the offline one with a clear notice if it fails.

    Failures that fall back: the endpoint is unavailable, or it kept returning output that does not
    validate. Programming errors are not swallowed.
    """
    if engine.is_offline:
        return EngineRun(offline_fn(), OFFLINE)
    try:
        return EngineRun(llm_fn(engine), engine.name)
    except (LLMUnavailable, StructuredOutputError) as exc:
        log.warning("LLM path failed, falling back to offline engine: %s", exc)
        notice = f"{exc}；已改用离线引擎生成"
        return EngineRun(offline_fn(), OFFLINE, notice)

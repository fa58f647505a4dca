"""What can go wrong with a model call, in Chinese, and the one guard that turns provider errors into it.

Every engine-facing module (the engine factory, structured output, ask, agents, notes, the judge)
raises and catches these two types only, so a provider's own exception classes never leak past
:func:`call_guarded`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class LLMUnavailable(RuntimeError):
    """The endpoint could not give an answer (timeout, rate limit, connection, server error).

    The message is Chinese and user-facing: it is shown as the reason for falling back offline.
    """


class StructuredOutputError(ValueError):
    """The model's replies never validated against the expected schema."""


def describe_error(exc: BaseException) -> str:
    """A one-line Chinese reason for a provider error."""
    import openai  # noqa: PLC0415 - heavy (~1 s); only loaded once a model call has failed

    if isinstance(exc, openai.APITimeoutError):
        return "模型接口超时"
    if isinstance(exc, openai.RateLimitError):
        return "模型接口限流（429），重试后仍失败"
    if isinstance(exc, openai.AuthenticationError):
        return "模型接口鉴权失败（401），请检查 API Key"
    if isinstance(exc, openai.APIConnectionError):
        return "无法连接模型接口"
    if isinstance(exc, openai.APIStatusError):
        return f"模型接口返回错误 {exc.status_code}"
    return f"模型调用失败：{type(exc).__name__}"


def call_guarded(fn: Callable[[], T], deadline: float | None = None) -> T:
    """Run a provider call, turning provider/transport errors into :class:`LLMUnavailable`.

    A 200 whose body is not JSON (a proxy's error page, a truncated reply) is a failed call too.
    With ``deadline`` the call gets at most that many seconds, retries included: an endpoint that
    accepts the connection and never answers must not hold a command or a hook for minutes. The
    abandoned call finishes (or times out) in a daemon thread.
    """
    import openai  # noqa: PLC0415 - heavy (~1 s); only loaded when a model is actually called

    try:
        return fn() if deadline is None else with_deadline(fn, deadline)
    except LLMUnavailable:
        raise
    except (openai.OpenAIError, TimeoutError, ConnectionError, OSError) as exc:
        raise LLMUnavailable(describe_error(exc)) from exc
    except json.JSONDecodeError as exc:
        raise LLMUnavailable("模型接口返回的不是合法的 JSON 响应（可能是代理或网关的错误页）") from exc
    except (ValueError, LookupError, TypeError, AttributeError) as exc:
        # The client library could not make a reply out of a 200: an error object instead of choices
        # (a gateway's quota message), an empty choices list, a plain JSON body to a streaming request
        # (an endpoint that ignores stream=true). The endpoint answered, but with nothing usable.
        raise LLMUnavailable(unusable_reply(exc)) from exc


def unusable_reply(exc: BaseException) -> str:
    """A one-line Chinese reason for a 200 reply the client library could not turn into an answer."""
    detail = exc.args[0] if exc.args else ""
    if isinstance(detail, dict):  # langchain-openai raises ValueError(response["error"])
        return f"模型接口返回了错误：{str(detail.get('message') or detail)[:120]}"
    if isinstance(exc, IndexError):
        return "模型接口的回复里没有任何候选答案（choices 为空）"
    if "No generation chunks" in str(detail):
        return "模型接口对流式请求没有返回任何内容（接口可能不支持 stream）"
    detail = str(detail).strip().replace("\n", " ")[:120]
    return f"模型接口的回复无法使用（{type(exc).__name__}{'：' + detail if detail else ''}）"


def with_deadline(fn: Callable[[], T], seconds: float) -> T:
    """``fn()`` in a daemon thread, waited for at most ``seconds``; raises :class:`LLMUnavailable` after."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread below
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True, name="llm-call")
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise LLMUnavailable(f"模型接口 {seconds:g} 秒内没有完成")
    if "error" in box:
        raise box["error"]
    return box["value"]

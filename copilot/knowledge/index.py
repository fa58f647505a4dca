"""Hybrid retrieval over the knowledge base: dense (chromadb + offline embeddings) + BM25 (jieba), fused by RRF.

Dense retrieval finds paraphrases ("群里老有人发广告" → 违规处理); BM25 over jieba tokens nails exact
domain terms (接龙, 比例偏见) that a small embedding model blurs. Reciprocal rank fusion needs no score
calibration between the two. Both sides see folded text (Simplified, half-width), so a Traditional
query finds Simplified cards; hits carry the original text for display.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from copilot.config import Settings, get_settings
from copilot.files import atomic_write
from copilot.knowledge.cards import load_cards
from copilot.knowledge.chunking import Chunk, chunk_text
from copilot.knowledge.embeddings import CachedEmbedder, make_embedder
from copilot.knowledge.ingest import IngestError, find_documents, load_document
from copilot.textnorm import fold, tokenize

log = logging.getLogger(__name__)

# Small k: our candidate lists are short (30) and the top ranks carry the signal; measured on
# evals/retrieval.jsonl, k=10 beats the textbook 60 (see README, retrieval figures).
RRF_K = 10
CANDIDATES = 30


class Hit(BaseModel):
    """One retrieved passage, citable as ``source › section``."""

    text: str
    source: str
    title: str = ""
    section: str = ""
    score: float
    chunk_id: str
    kind: str = "card"
    dense_rank: int | None = None
    bm25_rank: int | None = None


@dataclass
class BuildReport:
    added: int = 0
    removed: int = 0
    unchanged: int = 0
    embedded: int = 0
    sources: int = 0
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        msg = (
            f"索引完成：{self.sources} 个来源，新增 {self.added} 段，删除 {self.removed} 段，"
            f"未变 {self.unchanged} 段（重新向量化 {self.embedded} 段），用时 {self.seconds:.1f} 秒"
        )
        if self.skipped:
            msg += "\n跳过：\n" + "\n".join(f"  - {s}" for s in self.skipped)
        return msg


class KnowledgeIndex:
    """Persistent index in ``<data_dir>/index``; safe to open from the CLI, the UI and the server."""

    def __init__(self, settings: Settings | None = None, embedder: CachedEmbedder | None = None):
        self.settings = settings or get_settings()
        self.embedder = embedder or make_embedder(self.settings)
        self.dir = self.settings.index_dir
        self.dir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._collection = None
        self._bm25 = None
        self._bm25_rows: list[dict[str, object]] = []
        self._rows_by_id: dict[str, dict[str, object]] = {}

    # -- storage ------------------------------------------------------------------------------
    @property
    def collection(self):  # type: ignore[no-untyped-def]
        if self._collection is None:
            import chromadb  # noqa: PLC0415 - heavy (~0.8 s); opened on first use of the index

            client = chromadb.PersistentClient(
                path=str(self.dir / "chroma"),
                settings=chromadb.Settings(anonymized_telemetry=False, allow_reset=False),
            )
            slug = "".join(c if c.isalnum() else "_" for c in self.embedder.name)[:40]
            # embedding_function=None: we always pass vectors ourselves; chromadb's default
            # embedding function would try to download a model.
            self._collection = client.get_or_create_collection(
                f"kb_{slug}", embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
        return self._collection

    @property
    def _registry_path(self) -> Path:
        return self.dir / "sources.json"

    def _registry(self) -> dict[str, dict[str, str]]:
        if self._registry_path.exists():
            try:
                return json.loads(self._registry_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                log.warning("sources.json is corrupt; extra documents will need --add again")
        return {}

    def _save_registry(self, reg: dict[str, dict[str, str]]) -> None:
        atomic_write(self._registry_path, json.dumps(reg, ensure_ascii=False, indent=1))

    def count(self) -> int:
        return self.collection.count()

    # -- building -----------------------------------------------------------------------------
    def _sync_source(self, source: str, chunks: list[Chunk], report: BuildReport) -> None:
        """Make the stored chunks of ``source`` equal ``chunks``, embedding only new content."""
        col = self.collection
        existing = set(col.get(where={"source": source}, include=[])["ids"])
        wanted = {c.id: c for c in chunks}
        stale = existing - wanted.keys()
        new = [c for cid, c in wanted.items() if cid not in existing]
        report.unchanged += len(existing & wanted.keys())
        if stale:
            col.delete(ids=sorted(stale))
            report.removed += len(stale)
        if new:
            before = self.embedder.misses
            vectors = self.embedder.embed_passages([fold(c.embed_text()) for c in new])
            report.embedded += self.embedder.misses - before
            col.upsert(
                ids=[c.id for c in new],
                embeddings=vectors,
                documents=[c.text for c in new],
                metadatas=[
                    {
                        "source": c.source,
                        "title": c.title,
                        "section": c.section,
                        "start": c.start,
                        "end": c.end,
                        **{k: str(v) for k, v in c.meta.items()},
                    }
                    for c in new
                ],
            )
            report.added += len(new)
        report.sources += 1

    def build(self, *, progress: Callable[[str], None] | None = None) -> BuildReport:
        """(Re)index the knowledge cards and every registered extra document, incrementally."""
        started = time.perf_counter()
        report = BuildReport()
        with self._lock:
            cards = load_cards(self.settings.knowledge_dir)
            card_ids = {c.id for c in cards}
            for card in cards:
                if progress:
                    progress(card.id)
                self._sync_source(card.id, card.chunks(), report)
            # drop cards that were deleted from knowledge/
            stored = self.collection.get(where={"kind": "card"}, include=["metadatas"])
            gone = sorted({m["source"] for m in stored["metadatas"]} - card_ids)
            for source in gone:
                self._sync_source(source, [], report)
                report.sources -= 1
            for path_str, entry in self._registry().items():
                path = Path(path_str)
                if not path.exists():
                    report.skipped.append(f"{path}：文件已不存在，保留其已索引内容")
                    continue
                try:
                    self._sync_source(entry["source"], self._doc_chunks(path, entry["source"]), report)
                except IngestError as exc:
                    report.skipped.append(str(exc) + "（保留其已索引内容）")
            self._bm25 = None
        report.seconds = time.perf_counter() - started
        return report

    def _doc_chunks(self, path: Path, source: str) -> list[Chunk]:
        doc = load_document(path, source)
        return chunk_text(doc.text, source=doc.source, title=doc.title, meta={"kind": "document", "path": str(path)})

    def add_paths(self, paths: Iterable[str | Path], *,
                  progress: Callable[[int, int, Path], None] | None = None) -> BuildReport:
        """Ingest extra documents (files or folders of .md/.txt/.docx/.pdf); bad files are skipped.

        Each file is all or nothing: its chunks and its entry in ``sources.json`` are written together,
        and a file whose entry cannot be saved has its chunks taken out again. A source id already held
        by another file (``notes.md`` added from two folders) gets its folder name in front.
        ``progress(i, n, path)`` is called before each file.
        """
        started = time.perf_counter()
        report = BuildReport()
        files, passed_over = find_documents(paths)
        report.skipped += passed_over
        with self._lock:
            reg = self._registry()
            card_ids = {c.id for c in load_cards(self.settings.knowledge_dir)}
            for i, (f, name) in enumerate(files, 1):
                if progress:
                    progress(i, len(files), f)
                try:
                    doc = load_document(f, _unique_source(f, name, reg, card_ids))
                except IngestError as exc:
                    report.skipped.append(str(exc))
                    continue
                source = doc.source
                chunks = chunk_text(doc.text, source=source, title=doc.title,
                                    meta={"kind": "document", "path": str(f.resolve())})
                self._add_one(f, source, chunks, reg, report)
            self._bm25 = None
        report.seconds = time.perf_counter() - started
        return report

    def _add_one(self, f: Path, source: str, chunks: list[Chunk], reg: dict[str, dict[str, str]],
                 report: BuildReport) -> None:
        before = dict(reg)
        try:
            self._sync_source(source, chunks, report)
            reg[str(f.resolve())] = {"source": source}
            self._save_registry(reg)
        except OSError as exc:  # the registry (or the index files) could not be written: undo this file
            reg.clear()
            reg.update(before)
            self._sync_source(source, [], BuildReport())
            report.skipped.append(f"{f}：索引写入失败（{exc.strerror or exc}），这个文件没有加入")

    # -- searching ----------------------------------------------------------------------------
    def _ensure_bm25(self) -> None:
        if self._bm25 is not None:
            return
        import bm25s  # noqa: PLC0415 - scipy-backed; only when the lexical index is first searched

        with self._lock:
            data = self.collection.get(include=["documents", "metadatas"])
            rows = []
            corpus = []
            for cid, doc, meta in zip(data["ids"], data["documents"], data["metadatas"]):
                rows.append({"id": cid, "text": doc, **meta})
                head = " ".join(str(meta.get(k, "")) for k in ("title", "section", "tags"))
                corpus.append(tokenize(head + "\n" + doc) or ["∅"])
            retriever = bm25s.BM25()
            if corpus:
                retriever.index(corpus, show_progress=False)
            self._bm25_rows = rows
            self._rows_by_id = {str(r["id"]): r for r in rows}
            self._bm25 = retriever

    def _bm25_ranks(self, query: str, n: int) -> list[str]:
        self._ensure_bm25()
        if not self._bm25_rows:
            return []
        tokens = tokenize(query) or [fold(query)]
        k = min(n, len(self._bm25_rows))
        docs, scores = self._bm25.retrieve([tokens], k=k, show_progress=False)
        return [self._bm25_rows[int(i)]["id"] for i, s in zip(docs[0], scores[0]) if s > 0]

    def _dense_ranks(self, query: str, n: int) -> list[str]:
        col = self.collection
        total = col.count()
        if not total:
            return []
        vec = self.embedder.embed_query(fold(query))
        res = col.query(query_embeddings=[np.asarray(vec).tolist()], n_results=min(n, total), include=[])
        return res["ids"][0]

    def search(self, query: str, k: int = 5, *, max_per_source: int | None = 2) -> list[Hit]:
        """Top ``k`` passages for ``query`` by reciprocal rank fusion of dense and BM25 rankings.

        ``max_per_source`` caps how many passages one card/document contributes, so five hits
        cover several angles of a question instead of five paragraphs of one card
        (``None`` = no cap; ``1`` = a ranking of cards, as the retrieval eval uses).
        """
        query = query.strip()
        if not query:
            raise ValueError("问题不能为空")
        self._ensure_bm25()
        dense = self._dense_ranks(query, CANDIDATES)
        lexical = self._bm25_ranks(query, CANDIDATES)
        fused: dict[str, float] = {}
        for ranking in (dense, lexical):
            for rank, cid in enumerate(ranking, start=1):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank)
        rows = self._rows_by_id
        hits: list[Hit] = []
        per_source: dict[str, int] = {}
        for cid, score in sorted(fused.items(), key=lambda kv: -kv[1]):
            if len(hits) >= k:
                break
            row = rows.get(cid)
            if row is None:  # index changed under us; rebuild lexical side next time
                self._bm25 = None
                continue
            source = str(row["source"])
            if max_per_source is not None and per_source.get(source, 0) >= max_per_source:
                continue
            per_source[source] = per_source.get(source, 0) + 1
            hits.append(
                Hit(
                    text=str(row["text"]),
                    source=str(row["source"]),
                    title=str(row.get("title", "")),
                    section=str(row.get("section", "")),
                    score=round(score, 6),
                    chunk_id=cid,
                    kind=str(row.get("kind", "card")),
                    dense_rank=dense.index(cid) + 1 if cid in dense else None,
                    bm25_rank=lexical.index(cid) + 1 if cid in lexical else None,
                )
            )
        return hits


_shared: dict[str, KnowledgeIndex] = {}
_shared_lock = threading.Lock()


def _unique_source(f: Path, name: str, reg: dict[str, dict[str, str]], card_ids: set[str]) -> str:
    """The source id for file ``f``: ``name`` unless a card or another registered file holds it, then
    with more of its folder path in front (``2024/notes.md``)."""
    key = str(f.resolve())
    taken = card_ids | {e["source"] for path, e in reg.items() if path != key}
    mine = reg.get(key, {}).get("source")
    if mine and mine not in card_ids:
        return mine  # re-adding a file keeps its id
    depth = len(Path(name).parts) - 1  # folders the name already holds
    source, parents = name, [p.name for p in f.resolve().parents if p.name][depth:]
    while source in taken and parents:
        source = f"{parents.pop(0)}/{source}"
    return source if source not in taken else f"doc-{key}"


def get_index(settings: Settings | None = None, *, build_if_empty: bool = True) -> KnowledgeIndex:
    """A process-wide index per data directory, built on first use if empty."""
    settings = settings or get_settings()
    key = str(settings.index_dir.resolve())
    with _shared_lock:
        index = _shared.get(key)
        if index is None:
            index = KnowledgeIndex(settings)
            _shared[key] = index
    if build_if_empty and index.count() == 0:
        index.build()
    return index

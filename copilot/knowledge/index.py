"""Hybrid retrieval over the knowledge base: dense (chromadb + offline embeddings) + BM25 (jieba), fused by RRF.

Dense retrieval finds paraphrases ("群里老有人发广告" → 违规处理); BM25 over jieba tokens nails exact
domain terms (接龙, 比例偏见) that a small embedding model blurs. Reciprocal rank fusion needs no score
calibration between the two. Both sides see folded text (Simplified, half-width), so a Traditional
query finds Simplified cards; hits carry the original text for display.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from copilot.config import Settings, get_settings
from copilot.files import atomic_write
from copilot.knowledge.cards import BASIS_LABELS, load_cards, seed_titles
from copilot.knowledge.chunking import Chunk, chunk_text
from copilot.knowledge.embeddings import CachedEmbedder, make_embedder
from copilot.knowledge.ingest import IngestError, find_documents, load_document
from copilot.textnorm import fold, tokenize

log = logging.getLogger(__name__)

# Small k: our candidate lists are short (30) and the top ranks carry the signal; measured on
# evals/retrieval.jsonl, k=10 beats the textbook 60 (see README, retrieval figures).
RRF_K = 10
CANDIDATES = 30
# A card section is indexed as separate chunks (its 资料 and its 经验建议, or the pieces of a long
# section) so each is cited as what it is; the section is still the unit of relevance, so a chunk
# gains this share of the best score of another chunk of the same section (see _with_section_support).
# Chosen on the tuning split of the retrieval eval: 0.3-0.6 score alike there, 1.0 lets weak sections
# ride on one strong part.
SECTION_SUPPORT = 0.5


class Hit(BaseModel):
    """One retrieved passage, citable as ``source › section``.

    ``basis`` says what the passage is: ``source`` (资料: what a methodology source says, ``cites``
    lists the seed sections), ``experience`` (经验建议: our own practical figures and advice),
    ``document`` (a document the operator added with ``copilot index --add``) or ``unmarked`` (a card
    chunk from an index built before provenance was recorded; ``copilot index`` rebuilds it).
    ``cites`` holds only the sources whose markers close text inside this passage; ``cite_spans``
    pairs each cited sentence with its own sources (:meth:`cites_for`).
    """

    text: str
    source: str
    title: str = ""
    section: str = ""
    score: float
    chunk_id: str
    kind: str = "card"
    basis: str = "document"
    cites: list[str] = []
    cite_spans: list[tuple[str, list[str]]] = []
    dense_rank: int | None = None
    bm25_rank: int | None = None

    @property
    def basis_label(self) -> str:
        return BASIS_LABELS.get(self.basis, self.basis)

    def cites_for(self, sentence: str) -> list[str]:
        """The sources of one sentence quoted from this passage: those of the recorded sentences it
        overlaps; all of the passage's ``cites`` when the sentence is not one of them."""
        key = _squash(sentence)
        found = [c for sent, cs in self.cite_spans if (s := _squash(sent)) and (key in s or s in key) for c in cs]
        return list(dict.fromkeys(found)) if found else list(self.cites)


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
        self._section_sizes: dict[tuple[str, str], int] = {}

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
            titles = seed_titles(self.settings.knowledge_dir)
            card_ids = {c.id for c in cards}
            for card in cards:
                if progress:
                    progress(card.id)
                self._sync_source(card.id, card.chunks(titles=titles), report)
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
                    self._sync_source(entry["source"], self._doc_chunks(path), report)
                except IngestError as exc:
                    report.skipped.append(str(exc) + "（保留其已索引内容）")
            self._bm25 = None
        report.seconds = time.perf_counter() - started
        return report

    def _doc_chunks(self, path: Path) -> list[Chunk]:
        doc = load_document(path)
        return chunk_text(doc.text, source=doc.source, title=doc.title, meta={"kind": "document", "path": str(path)})

    def add_paths(self, paths: Iterable[str | Path]) -> BuildReport:
        """Ingest extra documents (files or folders of .md/.txt/.docx/.pdf); bad files are skipped.

        Each file is all or nothing: its chunks and its entry in ``sources.json`` are written together,
        and a file whose entry cannot be saved has its chunks taken out again.
        """
        started = time.perf_counter()
        report = BuildReport()
        files, passed_over = find_documents(paths)
        report.skipped += passed_over
        with self._lock:
            reg = self._registry()
            card_ids = {c.id for c in load_cards(self.settings.knowledge_dir)}
            for f in files:
                try:
                    doc = load_document(f)
                except IngestError as exc:
                    report.skipped.append(str(exc))
                    continue
                source = doc.source if doc.source not in card_ids else f"doc-{doc.source}"
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
            sizes: dict[tuple[str, str], int] = {}
            for r in rows:
                sizes[_section_key(r)] = sizes.get(_section_key(r), 0) + 1
            self._section_sizes = sizes
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
        fused = _with_section_support(fused, rows, self._section_sizes)
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
                    # a card chunk indexed before provenance was recorded: say so, never guess 资料
                    basis=str(row.get("basis") or ("document" if row.get("kind") == "document" else "unmarked")),
                    cites=_cites(row.get("cites")),
                    cite_spans=_cite_spans(row.get("cite_spans"), _cites(row.get("cites"))),
                    dense_rank=dense.index(cid) + 1 if cid in dense else None,
                    bm25_rank=lexical.index(cid) + 1 if cid in lexical else None,
                )
            )
        return hits


def _section_key(row: dict[str, object]) -> tuple[str, str]:
    return str(row["source"]), str(row.get("section", ""))


def _with_section_support(fused: dict[str, float], rows: dict[str, dict[str, object]],
                          sizes: dict[tuple[str, str], int]) -> dict[str, float]:
    """Each chunk's fused score plus :data:`SECTION_SUPPORT` × the best score of another chunk of its
    section. A section indexed as one chunk is its own whole evidence and gets that share of its own
    score, so sections written without a 经验建议 (or a short document section) are not outranked
    merely for having one chunk."""
    by_section: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for cid, score in fused.items():
        if (row := rows.get(cid)) is not None:
            by_section.setdefault(_section_key(row), []).append((cid, score))
    out = {}
    for cid, score in fused.items():
        row = rows.get(cid)
        if row is None:
            out[cid] = score
        elif sizes.get(_section_key(row), 1) <= 1:
            out[cid] = score * (1 + SECTION_SUPPORT)
        else:
            others = [s for c, s in by_section[_section_key(row)] if c != cid]
            out[cid] = score + SECTION_SUPPORT * max(others, default=0.0)
    return out


def _json_list(raw: object) -> list[object]:
    if not raw:
        return []
    try:
        value = json.loads(str(raw))
    except json.JSONDecodeError:
        return []
    return value if isinstance(value, list) else []


def _cites(raw: object) -> list[str]:
    """The seed sections a card chunk cites (stored as a JSON list in the chunk's metadata)."""
    return [str(v) for v in _json_list(raw)]


def _cite_spans(raw: object, cites: list[str]) -> list[tuple[str, list[str]]]:
    """``[[sentence, [index into cites, …]], …]`` from a chunk's metadata → (sentence, its citations)."""
    out = []
    for item in _json_list(raw):
        if isinstance(item, list) and len(item) == 2 and isinstance(item[1], list):
            out.append((str(item[0]), [cites[i] for i in item[1] if isinstance(i, int) and 0 <= i < len(cites)]))
    return out


def _squash(text: str) -> str:
    """Text compared without whitespace, list bullets or Markdown emphasis."""
    return re.sub(r"\s+|\*\*|^[-*•\d.、]+", "", fold(text))


_shared: dict[str, KnowledgeIndex] = {}
_shared_lock = threading.Lock()


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

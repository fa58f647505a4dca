"""Hybrid retrieval over the knowledge base: dense (chromadb + offline embeddings) + BM25 (jieba), fused by RRF.

Dense retrieval finds paraphrases ("群里老有人发广告" → 违规处理); BM25 over jieba tokens nails exact
domain terms (接龙, 比例偏见) that a small embedding model blurs. Reciprocal rank fusion needs no score
calibration between the two. Both sides see folded text (Simplified, half-width), so a Traditional
query finds Simplified cards; hits carry the original text for display.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from copilot.config import Settings, get_settings
from copilot.files import atomic_write
from copilot.knowledge.asks import load_asks
from copilot.knowledge.cards import load_cards, seed_titles
from copilot.knowledge.chunking import Chunk, chunk_text
from copilot.knowledge.embeddings import CachedEmbedder, make_embedder
from copilot.knowledge.expansion import load_expander
from copilot.knowledge.ingest import IngestError, find_documents, load_document
from copilot.knowledge.ownmatter import own_matter
from copilot.knowledge.ranking import (
    EXAMPLES_FILE,
    EXPANSION_WEIGHT,
    SectionHit,
    SectionRanking,
    Signals,
    asked_object,
    asking_clause,
    asking_clauses,
    asks_to_operate,
    confidence_model,
    near_miss_form,
    near_misses,
    off_scope,
    parts_cues,
    section_scorer,
    situation_first,
    stated_order,
    stated_situations,
    without_constraints,
    without_names,
    without_self_intro,
    without_tool_means,
    without_trade,
)
from copilot.knowledge.typos import correct as correct_typos
from copilot.knowledge.typos import homophones
from copilot.paths import load_yaml
from copilot.textnorm import (
    ask_form,
    char_pairs,
    clause_commas,
    fold,
    split_sentences,
    strip_invisible,
    tokenize,
    tokenizer_stamp,
    unpad,
)

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
# the section scorer's contrast (ranking.CONTRAST_FEATURES) leaves out a question's character bigram that more than
# this share of the sections say (群里, 怎么): it tells no candidate from another
CONTRAST_COMMON = 0.3
# build progress: (stage, done, total), stage = "cards" or "sentences"
Progress = Callable[[str, int, int], None]


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
    sentences_embedded: int = 0
    sources: int = 0
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        msg = (
            f"索引完成：{self.sources} 个来源，新增 {self.added} 段，删除 {self.removed} 段，"
            f"未变 {self.unchanged} 段（重新向量化 {self.embedded} 段、{self.sentences_embedded} 句），"
            f"用时 {self.seconds:.1f} 秒"
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
        self._loaded: _Loaded | None = None
        self._read: dict[str, object] | None = None  # the snapshot ``needs_build`` read, for ``_ensure_loaded``

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

    def needs_build(self) -> bool:
        """Whether the index must be built or synced before it can answer: stale (:meth:`is_current`) or empty. A
        snapshot of this very build answers "empty?" by itself, so a ``copilot ask`` on a built index never opens
        chromadb (≈2 s of imports and start-up) just to count its chunks. The snapshot read here is kept for the
        loader (:meth:`_ensure_loaded`), so the file is opened once."""
        self._read = None
        if not self.is_current():
            return True
        if self._loaded is None:  # the loader will want the whole snapshot: read it now, once
            data = self._read_snapshot()  # None: no snapshot of this build (or a broken one): ask the store
            if data is not None:
                self._read = data
                return not data["ids"]
            return self.count() == 0
        try:  # loaded already (a shared index asked again): its meta alone
            with np.load(self._snapshot_path, allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
            if meta.get("key") == self._snapshot_key():
                return not meta.get("ids")
        except (OSError, ValueError, KeyError):
            pass  # no snapshot (or a broken one): ask the store
        return self.count() == 0

    @property
    def _stamp_path(self) -> Path:
        return self.dir / "built_from.txt"

    def is_current(self) -> bool:
        """Whether the index was built from the knowledge files and chunking code as they are now: an
        upgrade or an edited card makes it stale, and ``get_index`` then syncs it before answering."""
        try:
            return self._stamp_path.read_text(encoding="utf-8") == knowledge_stamp(self.settings.knowledge_dir)
        except OSError:
            return False

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

    def build(self, *, progress: Progress | None = None) -> BuildReport:
        """(Re)index the knowledge cards and every registered extra document, incrementally.

        ``progress(stage, done, total)`` is told how far each stage is: ``cards`` (one step per card,
        embedding its new chunks) and ``sentences`` (the sentence vectors of the second-stage rerank).
        """
        started = time.perf_counter()
        report = BuildReport()
        with self._lock:
            cards = load_cards(self.settings.knowledge_dir)
            titles = seed_titles(self.settings.knowledge_dir)
            card_ids = {c.id for c in cards}
            for done, card in enumerate(cards):
                if progress:
                    progress("cards", done, len(cards))
                self._sync_source(card.id, card.chunks(titles=titles), report)
            if progress:
                progress("cards", len(cards), len(cards))
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
            report.sentences_embedded += self._embed_sentences(progress)
            self._loaded = self._read = None
            self._snapshot_path.unlink(missing_ok=True)
            atomic_write(self._stamp_path, knowledge_stamp(self.settings.knowledge_dir))
        report.seconds = time.perf_counter() - started
        return report

    def _embed_sentences(self, progress: Progress | None = None, batch: int = 64) -> int:
        """Make sure every stored chunk's sentences have cached vectors (for the rerank); returns how
        many were embedded. Cached ones cost a lookup, so an unchanged index passes through quickly."""
        docs = self.collection.get(include=["documents"])["documents"]
        near = near_misses()
        sentences = sorted({fold(t) for d in docs for t in rerank_sentences(d)}
                           | {fold(q) for qs in load_asks(self.settings.knowledge_dir).values() for q in qs}
                           | {fold(q) for q in (near.texts if near else [])})
        before = self.embedder.misses
        for i in range(0, len(sentences), batch):
            if progress:
                progress("sentences", i, len(sentences))
            self.embedder.embed_passages(sentences[i : i + batch])
        if progress:
            progress("sentences", len(sentences), len(sentences))
        return self.embedder.misses - before

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
            report.sentences_embedded += self._embed_sentences()
            self._loaded = self._read = None
            self._snapshot_path.unlink(missing_ok=True)
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
    def _ensure_loaded(self) -> _Loaded:
        """The in-memory side of the index (rows, vectors, BM25 models), loaded once per build."""
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._lock:
            if self._loaded is None:
                data, self._read = self._read or self._read_snapshot(), None
                fresh = data is None
                if data is None:
                    data = self.collection.get(include=["documents", "metadatas", "embeddings"])
                self._loaded = _Loaded.create(data, self.embedder, load_asks(self.settings.knowledge_dir))
                if fresh:
                    self._write_snapshot({**data, "tokens": self._loaded.tokens,
                                          "field_tokens": self._loaded.field_tokens,
                                          "asks_tokens": self._loaded.asks_tokens})
            return self._loaded

    # -- the snapshot: what search reads, without opening chromadb (≈5 s of a cold ``copilot ask``) --
    @property
    def _snapshot_path(self) -> Path:
        return self.dir / "snapshot.npz"

    def _snapshot_key(self) -> str:
        """What the stored chunks and their tokens depend on: the build stamp, the registry of imported documents and
        the tokeniser's dictionaries (a snapshot tokenised with an older user dictionary is stale)."""
        parts = [p.read_text(encoding="utf-8") if p.exists() else "" for p in (self._stamp_path, self._registry_path)]
        parts.append(tokenizer_stamp())
        parts.append(_code_stamp())
        return hashlib.sha256("\n\0".join(parts).encode()).hexdigest()

    def _read_snapshot(self) -> dict[str, object] | None:
        """The stored chunks as ``collection.get`` returns them, if a snapshot of this very build exists
        (``build`` and ``add_paths`` delete it; a snapshot of another build is ignored)."""
        try:
            with np.load(self._snapshot_path, allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
                if meta.get("key") != self._snapshot_key():
                    return None
                return {"ids": meta["ids"], "documents": meta["documents"], "metadatas": meta["metadatas"],
                        "tokens": meta["tokens"], "field_tokens": meta.get("field_tokens"),
                        "asks_tokens": meta.get("asks_tokens"), "embeddings": z["embeddings"]}
        except (OSError, KeyError, ValueError):
            return None

    def _write_snapshot(self, data: dict[str, object]) -> None:
        meta = {"key": self._snapshot_key(), "ids": data["ids"], "documents": data["documents"],
                "metadatas": data["metadatas"], "tokens": data["tokens"],
                "field_tokens": data.get("field_tokens"), "asks_tokens": data.get("asks_tokens")}
        embeddings = data.get("embeddings")
        buf = io.BytesIO()
        np.savez(buf, meta=np.asarray(json.dumps(meta, ensure_ascii=False)),
                 embeddings=np.asarray(embeddings if embeddings is not None else np.zeros((0, 1)), dtype=np.float32))
        try:
            atomic_write(self._snapshot_path, buf.getvalue())
        except OSError as exc:  # a read-only data dir: search still works, only slower to open
            log.warning("could not write the index snapshot: %s", exc)

    def _bm25_ranks(self, loaded: _Loaded, query: str, n: int) -> list[str]:
        if not loaded.rows:
            return []
        tokens = loaded.known(loaded.bm25, tokenize(query) or [fold(query)])
        if not tokens:  # no word of the question is in the cards: nothing ranks lexically
            return []
        k = min(n, len(loaded.rows))
        docs, scores = loaded.bm25.retrieve([tokens], k=k, show_progress=False)
        return [loaded.rows[int(i)]["id"] for i, s in zip(docs[0], scores[0]) if s > 0]

    def _dense_ranks(self, loaded: _Loaded, query: str, n: int) -> list[str]:
        if not loaded.rows:
            return []
        sims = loaded.vectors @ self.embedder.embed_query(fold(query))
        return [str(loaded.rows[int(i)]["id"]) for i in np.argsort(-sims, kind="stable")[:n]]

    def search(self, query: str, k: int = 5, *, max_per_source: int | None = 2) -> list[Hit]:
        """Top ``k`` passages for ``query`` by reciprocal rank fusion of dense and BM25 rankings.

        ``max_per_source`` caps how many passages one card/document contributes, so five hits
        cover several angles of a question instead of five paragraphs of one card
        (``None`` = no cap; ``1`` = a ranking of cards, as the retrieval eval uses).
        Answers rank whole sections instead (:meth:`search_sections`).
        """
        query = strip_invisible(query).strip()  # zero-width characters alone are no question
        if not query:
            raise ValueError("问题不能为空")
        loaded = self._ensure_loaded()
        dense = self._dense_ranks(loaded, query, CANDIDATES)
        lexical = self._bm25_ranks(loaded, query, CANDIDATES)
        fused: dict[str, float] = {}
        for ranking in (dense, lexical):
            for rank, cid in enumerate(ranking, start=1):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank)
        rows = loaded.rows_by_id
        fused = _with_section_support(fused, rows, loaded.section_sizes)
        hits: list[Hit] = []
        per_source: dict[str, int] = {}
        for cid, score in sorted(fused.items(), key=lambda kv: -kv[1]):
            if len(hits) >= k:
                break
            row = rows[cid]
            source = str(row["source"])
            if max_per_source is not None and per_source.get(source, 0) >= max_per_source:
                continue
            per_source[source] = per_source.get(source, 0) + 1
            hits.append(_hit(row, score, dense_rank=dense.index(cid) + 1 if cid in dense else None,
                             bm25_rank=lexical.index(cid) + 1 if cid in lexical else None))
        return hits

    def query_vector(self, query: str) -> np.ndarray:
        """The question's e5 vector, leaning towards the clause that asks (:func:`asking_clause`): its own
        vector joins the whole question's with ``parts.yaml``'s ``asks_weight``, so a situation told at length
        does not outweigh the short clause that says what is wanted."""
        qv = self.embedder.embed_query(fold(query))
        weight = parts_cues().asks_weight
        clause = asking_clause(query) if weight > 0 else ""
        if not clause:
            return qv
        mixed = qv + weight * self.embedder.embed_query(clause)
        return mixed / (float(np.linalg.norm(mixed)) or 1.0)

    def content_words(self, text: str, *, common: float | None = None) -> list[str]:
        """The words of ``text`` that point at a section (:meth:`_Loaded.content_words`, ``common`` the share of
        sections above which a word is too common to): none for "怎么做比较好"."""
        return self._ensure_loaded().content_words(tokenize(text), common=common)

    def section_vocabulary(self, key: tuple[str, str]) -> tuple[frozenset[str], int] | None:
        """Every word a section says — its chunks', heading's and key terms' — and its place among the sections, for the
        section ``key`` (card id, section title); None for a section the index does not hold."""
        loaded = self._ensure_loaded()
        at = {s: i for i, s in enumerate(loaded.sections)}.get(key)
        if at is None:
            return None
        return (loaded.section_words[at] if loaded.section_words else frozenset()) | loaded.field_words[at], at

    def ask_gram_share(self, question: str, at: int) -> float:
        """The share of ``question``'s character bigrams that the questions section ``at`` answers (asks.yaml) share."""
        asks, _ = self._ensure_loaded().gram_overlap(question)
        return float(asks[at])

    def idf(self, word: str) -> float:
        """How rare ``word`` is in the cards (a word they never use weighs most)."""
        return self._ensure_loaded().idf(word)

    def signals(self, query: str, *, expand: bool = True) -> tuple[Signals, tuple[str, ...]]:
        """Per-section scores for ``query`` (see :mod:`copilot.knowledge.ranking`) and the card terms
        the synonym table added to it."""
        loaded = self._ensure_loaded()
        expansion = load_expander(self.settings.knowledge_dir).expand(query) if expand else None
        terms = expansion.terms if expansion else ()
        own = tokenize(query) or [fold(query)]
        extra = tokenize(" ".join(terms)) if terms else []
        # the words of the clauses that ask (怎么激活一个冷掉的群) count once more than the situation told around
        # them (二胡…练琴视频…一周都没一条消息), so the answer leads with what is asked, not the loudest background word
        ask_weight = parts_cues().ask_words_weight
        clauses = asking_clauses(query)
        clause_tokens = tokenize(" ".join(clauses)) if clauses else []
        asked_tokens = clause_tokens if ask_weight > 0 else []
        asked = loaded.content_words(asked_tokens)
        # the questions a section answers keep a common topic word of the ask (发什么内容: 内容) that the cards'
        # text has everywhere: up to ``ask_words_common_asks`` of the sections
        asked_topics = loaded.content_words(asked_tokens, common=parts_cues().ask_words_common_asks)
        # the texts the model reads for the question — itself, its first asking clause (:meth:`query_vector`) and its
        # asking clauses together (below) — in one call: the same vectors, each found cached below
        self.embedder.embed_queries([fold(query), *([clauses[0], "，".join(clauses)] if clauses else [])])
        qv = self.query_vector(query)
        own_lexical = loaded.bm25_scores(loaded.bm25, own)
        lexical = own_lexical + EXPANSION_WEIGHT * loaded.bm25_scores(loaded.bm25, extra)
        fields = (loaded.bm25_scores(loaded.fields, own)
                  + EXPANSION_WEIGHT * loaded.bm25_scores(loaded.fields, extra))
        if asked:
            lexical = lexical + ask_weight * loaded.bm25_scores(loaded.bm25, asked)
            fields = fields + ask_weight * loaded.bm25_scores(loaded.fields, asked)
        sentence = loaded.per_section(loaded.sentence_vectors @ qv - loaded.sentence_penalty, loaded.sentence_section) \
            if loaded.sentence_vectors is not None else None
        asks_dense = loaded.per_section(loaded.asks_vectors @ qv, loaded.asks_section, floor=0.0) \
            if loaded.asks_vectors is not None else None  # not embedded yet: `copilot index` does it
        asks_lexical = (loaded.per_section(loaded.bm25_scores(loaded.asks_bm25, own), loaded.asks_section, floor=0.0)
                        + EXPANSION_WEIGHT * loaded.per_section(loaded.bm25_scores(loaded.asks_bm25, extra),
                                                                loaded.asks_section, floor=0.0)) \
            if loaded.asks_bm25 is not None else np.zeros(len(loaded.sections))
        if asked_topics and loaded.asks_bm25 is not None:
            asks_lexical = asks_lexical + ask_weight * loaded.per_section(
                loaded.bm25_scores(loaded.asks_bm25, asked_topics), loaded.asks_section, floor=0.0)
        clause_asks = clause_asks_lexical = None
        if clauses and loaded.asks_vectors is not None and loaded.asks_bm25 is not None:
            # the asking clauses alone against the questions the section answers (a section scorer feature)
            clause_asks = loaded.per_section(loaded.asks_vectors @ self.embedder.embed_query("，".join(clauses)),
                                             loaded.asks_section, floor=0.0)
            clause_asks_lexical = loaded.per_section(
                loaded.bm25_scores(loaded.asks_bm25, clause_tokens), loaded.asks_section, floor=0.0)
        if sentence is not None and asks_dense is not None:
            # the questions a section answers count as its sentences in the rerank too
            sentence = np.maximum(sentence, asks_dense)
        # the words the cover features look for: the question's own, or the same with an operator's
        # phrase the synonym table knows standing for the card terms it means (whichever covers more)
        matched = expansion.matched if expansion else ()
        swapped = [w for w in own if not any(w in m or m in w for m in matched)] + extra
        every = list(range(len(loaded.sections)))
        gram_asks, gram_head = loaded.gram_overlap(query)
        near = near_misses()
        # the near-miss score reads the question without a channel word that only says how it reached the asker (私信问我)
        near_form = near_miss_form(query)
        nv = qv if near_form == query else self.query_vector(near_form)
        gram_hits, gram_weight = loaded.gram_hits(query)
        return Signals(near_miss=near.score(nv, loaded.near_vectors, loaded.asks_vectors) if near else 0.0,
                       said_hits=gram_hits, said_weight=gram_weight,
                       gram_asks=gram_asks, gram_head=gram_head, clause_asks=clause_asks,
                       clause_asks_lexical=clause_asks_lexical, dense=loaded.per_section(loaded.vectors @ qv, loaded.chunk_section),
                       lexical=loaded.per_section(lexical, loaded.chunk_section), fields=fields,
                       sentence=sentence, asks_dense=asks_dense, asks_lexical=asks_lexical, expanded=bool(terms),
                       operation=asks_to_operate(query), scope=off_scope(query),
                       own_lexical=loaded.per_section(own_lexical, loaded.chunk_section),
                       cover=max(loaded.cover(w, every) for w in (own, swapped)),
                       title=max(loaded.cover(w, every, "fields") for w in (own, swapped))), terms

    def _second_stage(self, signals: Signals, *, rerank: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                        dict[str, float]]:
        """The fused scores, the section order, each section's situation fit and the confidence features:
        with a trained :class:`~copilot.knowledge.ranking.SectionScorer` each first-stage candidate gets
        its fit (and the candidates are reordered by it when the scorer says ``reorder``, or all but the
        first when it says ``fill``); the best fit
        is a confidence feature."""
        fused = signals.fused(rerank=rerank)
        order = np.argsort(-fused, kind="stable")
        fit = np.ones(len(fused))
        features = signals.features()
        scorer = section_scorer() if rerank else None
        if scorer is not None:
            top = order[:scorer.candidates]
            fit[top] = scorer.probability(signals.pair_matrix(fused, top, scorer.features))
            order = scorer.order(order, fit)
            features["fit"] = float(fit[top].max())
        return fused, order, fit, features

    def confidence_features(self, query: str) -> dict[str, float]:
        """The confidence model's inputs for ``query`` (what ``scripts/calibrate_ask.py`` fits on), read as
        :meth:`search_sections` reads it (:meth:`read_query`)."""
        signals, _ = self.signals(self.read_query(query)[1])
        return self._second_stage(signals, rerank=True)[3]

    def read_query(self, query: str, *, expand: bool = True) -> tuple[str, str]:
        """``query`` as the ranking reads it, and the text its signals are computed on: commas between clauses
        (:func:`clause_commas`), Simplified (:func:`ask_form`), padding dropped, typos read as card words
        (:meth:`as_meant`, with ``expand``); the match text further leaves out a kept condition, a quoted name and a
        clause in which the asker only says who they are (:func:`without_self_intro`).
        :meth:`search_sections` uses it, and so do ``scripts/train_section_scorer.py`` and
        ``scripts/calibrate_ask.py``, so the scorer and the confidence are fitted on the question search sees."""
        query = strip_invisible(query).strip()  # zero-width characters alone are no question
        if not query:
            raise ValueError("问题不能为空")
        query = clause_commas(query)  # 借钱不还 其他群友找我告状 ranks as 借钱不还，其他群友找我告状
        query = ask_form(query)  # a Traditional question ranks as its Simplified twin (群組 → 群, 幹部 → 管理员)
        if parts_cues().unpad:  # padding (啊啊啊啊, ！！！！) says nothing the question does not
            query = unpad(query)
        if expand:
            query = self.as_meant(query)
        # a condition the question keeps (不…的情况下), a quoted name (群叫『…』) and the asker's self-introduction (我是管理员，…)
        # are not what it asks: left out of the match; so is an app named only as how members sign up (用小程序报名)
        return query, without_tool_means(without_constraints(without_names(without_self_intro(query))))

    def as_meant(self, query: str) -> str:
        """``query`` with its typos read as the card words they stand for (活越度, 名子, 冷厂:
        :mod:`copilot.knowledge.typos`) and a phrase split by a measure word made whole (起个名 → 起名): what the
        ranking matches and what ``ask`` reads the question's clauses in."""
        loaded = self._ensure_loaded()
        return correct_typos(query, loaded.df, load_expander(self.settings.knowledge_dir).readings, homophones())

    def search_sections(self, query: str, k: int = 5, *, rerank: bool = True, expand: bool = True,
                        unwrap: bool = False) -> SectionRanking:
        """The ``k`` best sections for ``query``, each with its chunks in card order, and the
        confidence that the cards cover the question (:class:`~copilot.knowledge.ranking.SectionRanking`);
        with ``unwrap``, a question in an operator's wrapper is covered only when what it asks about is
        (:func:`~copilot.knowledge.ranking.asked_object`)."""
        query, matched = self.read_query(query, expand=expand)
        loaded = self._ensure_loaded()
        model = confidence_model()
        if not loaded.rows:
            return SectionRanking(query, [], 0.0, model.threshold, model.related_floor)
        signals, terms = self.signals(matched, expand=expand)
        fused, order, fit, features = self._second_stage(signals, rerank=rerank)
        stated = must_answer = False
        led_by = "rank"
        if rerank:  # a situation the question states (a rumour it says is false) weighs in on the order
            # the situation is read without the clause that only says what the group sells (卖大米 is no member selling)
            situation = without_trade(query)
            order = stated_order(situation, order, loaded.sections)
            stated = bool(len(order)) and stated_situations().leads(situation, loaded.sections[int(order[0])])
            told = stated_situations().deciding(situation) if stated else None
            must_answer = bool(told and told.covers)
            if not stated:  # the section written for the situation the question tells leads when clearly nearest
                before = int(order[0]) if len(order) else -1
                order = situation_first(order, signals.sentence if signals.sentence is not None else signals.dense,
                                        parts_cues().situation_lead)
                led_by = "situation" if len(order) and int(order[0]) != before else "rank"
            else:
                led_by = "stated"
        confidence = model.probability(features)
        near = near_misses()
        near_miss = bool(near and near.declines(signals.near_miss, confidence))
        sections = []
        sentence = signals.sentence if signals.sentence is not None else signals.dense
        for i in order[:k]:
            source, section = loaded.sections[int(i)]
            rows = [loaded.rows[j] for j in loaded.section_rows[int(i)]]
            sections.append(SectionHit(source=source, title=str(rows[0].get("title", "")), section=section,
                                       score=round(float(fused[i]), 6), kind=str(rows[0].get("kind", "card")),
                                       chunks=[_hit(r, float(fused[i])) for r in rows],
                                       position=int(rows[0].get("start", 0) or 0), sentence=float(sentence[i]),
                                       lexical=float(signals.own_lexical[i]), fit=round(float(fit[i]), 4)))
        ranking = SectionRanking(query, sections, round(confidence, 4), model.threshold, model.related_floor, terms,
                                 near_miss=near_miss, stated=stated, must_answer=must_answer, own=own_matter(query),
                                 led_by=led_by)
        if unwrap and ranking.covered and (asked := asked_object(query)) is not None:
            # a question dressed in operator words (作为群主…怎么跟群友解释) is covered only if what it asks about is
            alone = self.search_sections(asked.text, k=1, rerank=rerank, expand=expand)
            covered = alone.covered or (asked.carried and alone.confidence >= alone.threshold)
            ranking.asked, ranking.asked_covered = asked, covered
        return ranking


def _hit(row: dict[str, object], score: float, **ranks: int | None) -> Hit:
    return Hit(
        text=str(row["text"]),
        source=str(row["source"]),
        title=str(row.get("title", "")),
        section=str(row.get("section", "")),
        score=round(score, 6),
        chunk_id=str(row["id"]),
        kind=str(row.get("kind", "card")),
        # a card chunk indexed before provenance was recorded: say so, never guess 资料
        basis=str(row.get("basis") or ("document" if row.get("kind") == "document" else "unmarked")),
        cites=_cites(row.get("cites")),
        cite_spans=_cite_spans(row.get("cite_spans"), _cites(row.get("cites"))),
        **ranks,
    )


_BOLD = re.compile(r"\*\*([^*\n]{2,20})\*\*")
_LEAD = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.、)）])\s+(?:\*\*)?([^：:*\n]{2,12})(?:\*\*)?[：:]", re.M)
_SENT_MARKUP = re.compile(r"\*\*|__|\|")
_SENT_LEAD = re.compile(r"^[\s>*•\-\d.、)）]+")


def key_terms(text: str) -> list[str]:
    """A section's key terms: its bold phrases and the lead words of its list items (``- **发现**：…``)."""
    return list(dict.fromkeys(_BOLD.findall(text) + _LEAD.findall(text)))


def rerank_sentences(text: str) -> list[str]:
    """The sentences of a chunk as the second-stage rerank compares them with a question."""
    out = []
    for sent in split_sentences(text):
        sent = _SENT_LEAD.sub("", _SENT_MARKUP.sub(" ", sent.replace("**", ""))).strip()
        if len(sent) >= 6:
            out.append(sent)
    return out


@dataclass
class _Loaded:
    """A consistent in-memory snapshot of the stored chunks: rows in chromadb order, their vectors,
    the chunk-level BM25 model, the section table with its fields BM25 model, and sentence vectors."""

    rows: list[dict[str, object]]
    rows_by_id: dict[str, dict[str, object]]
    section_sizes: dict[tuple[str, str], int]
    sections: list[tuple[str, str]]
    section_rows: list[list[int]]
    chunk_section: np.ndarray
    vectors: np.ndarray
    bm25: object
    fields: object
    sentence_vectors: np.ndarray | None
    sentence_section: np.ndarray
    sentence_penalty: np.ndarray
    section_words: list[frozenset[str]] = field(default_factory=list)  # every word of the section's chunks
    field_words: list[frozenset[str]] = field(default_factory=list)  # its heading and key terms
    df: dict[str, int] = field(default_factory=dict)  # in how many sections a word occurs
    asks_bm25: object | None = None  # BM25 over the questions each section answers (knowledge/asks.yaml)
    asks_vectors: np.ndarray | None = None  # their e5 vectors
    asks_section: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    asks_grams: list[frozenset[str]] = field(default_factory=list)  # each question's character bigrams
    near_vectors: np.ndarray | None = None  # e5 vectors of the near misses (:class:`NearMisses`), once embedded
    head_grams: list[frozenset[str]] = field(default_factory=list)  # each section heading's bigrams
    tokens: list[list[str]] = field(default_factory=list)  # each chunk's BM25 tokens (kept in the snapshot)
    field_tokens: list[list[str]] = field(default_factory=list)  # each section's heading + key terms tokens (same)
    asks_tokens: dict[str, list[str]] = field(default_factory=dict)  # each asks.yaml question (folded) → its tokens

    def gram_hits(self, question: str) -> tuple[np.ndarray, np.ndarray]:
        """For each character bigram of ``question`` that at most :data:`CONTRAST_COMMON` of the sections say: which
        sections say it — in their chunks, heading or the questions they answer — as a bigrams × sections 0/1
        matrix, and its weight ``log(1 + sections / (1 + sections saying it))`` (rare counts more)."""
        said = self._said_by_gram
        n = len(self.sections)
        grams = [g for g in sorted(char_bigrams(question)) if len(said.get(g, ())) <= CONTRAST_COMMON * n]
        hits = np.zeros((len(grams), n))
        for row, g in enumerate(grams):
            if (ids := said.get(g)) is not None:
                hits[row, ids] = 1.0
        return hits, np.asarray([math.log(1 + n / (1 + len(said.get(g, ())))) for g in grams])

    @cached_property
    def _said_by_gram(self) -> dict[str, np.ndarray]:
        """Each character bigram a section says (its chunks, its heading, the questions it answers) → those sections."""
        said = [set(g) for g in self.head_grams] if self.head_grams else [set() for _ in self.sections]
        for i, members in enumerate(self.section_rows):
            for j in members:
                said[i] |= char_bigrams(str(self.rows[j]["text"]))
        for grams, at in zip(self.asks_grams, self.asks_section, strict=False):
            said[int(at)] |= grams
        return _by_member([frozenset(g) for g in said])

    def gram_overlap(self, question: str) -> tuple[np.ndarray, np.ndarray]:
        """Per section: the best share of the question's character bigrams that one of the questions the
        section answers contains, and the share of the section heading's bigrams the question contains."""
        grams = char_bigrams(question)
        asks = np.zeros(len(self.sections))
        if grams and self.asks_grams:
            shares = self._asks_gram_counts(grams) / len(grams)
            np.maximum.at(asks, self.asks_section, shares)
        head = np.asarray([len(grams & g) / len(g) if g else 0.0 for g in self.head_grams]) \
            if self.head_grams else np.zeros(len(self.sections))
        return asks, head

    @cached_property
    def _asks_by_gram(self) -> dict[str, np.ndarray]:
        """Each character bigram of the questions the sections answer → the indices of the questions that have it."""
        return _by_member(self.asks_grams)

    def _asks_gram_counts(self, grams: frozenset[str]) -> np.ndarray:
        """How many of ``grams`` each of the questions the sections answer has (one count per question)."""
        hits = [ids for g in grams if (ids := self._asks_by_gram.get(g)) is not None]
        if not hits:
            return np.zeros(len(self.asks_grams), dtype=np.intp)
        return np.bincount(np.concatenate(hits), minlength=len(self.asks_grams))

    def idf(self, word: str) -> float:
        """A word's weight in :meth:`cover`: rare in the cards counts more; a word the cards never use
        counts most (it is what the question is about, and the cards do not say it)."""
        n = len(self.sections)
        return math.log(1 + n / (1 + self.df.get(word, 0)))

    def content_words(self, words: list[str], *, common: float | None = None) -> list[str]:
        """``words`` without the generic ones of an asking clause: ``parts.yaml``'s ``ask_words_generic`` (作为,
        现在, 该, 处理, 说点) and any word found in more than ``common`` (default ``ask_words_common``) of the
        sections (群, 内容), so that "作为群主我现在该怎么处理？事后要不要公开说点什么" adds nothing and
        "怎么激活一个冷掉的群" adds 激活, 冷掉."""
        cues = parts_cues()
        generic = set(cues.ask_words_generic)
        most = (cues.ask_words_common if common is None else common) * len(self.sections)
        # above the default share only a word of two characters or more still counts (内容, 广告, 群规; not 哪, 发, 个)
        least = cues.ask_words_common * len(self.sections)
        return [w for w in words if w not in generic and self.df.get(w, 0) <= most
                and (len(w) > 1 or self.df.get(w, 0) <= least)]

    def cover(self, words: list[str], sections: list[int], which: str = "section") -> float:
        """The best share (IDF-weighted) of ``words`` that one of ``sections`` contains."""
        idf = {w: self.idf(w) for w in words}  # each word's weight once, not once per section
        total = sum(idf.values())
        if not total or not sections:
            return 0.0
        having = self._sections_by_word if which == "section" else self._fields_by_word
        share = np.zeros(len(self.sections))
        for w, weight in idf.items():  # in the words' order, as a sum per section would add them
            if (ids := having.get(w)) is not None:
                share[ids] += weight
        return float(share[sections].max()) / total

    @cached_property
    def _sections_by_word(self) -> dict[str, np.ndarray]:
        """Each word of the sections' chunks → the sections that have it (:meth:`cover`)."""
        return _by_member(self.section_words)

    @cached_property
    def _fields_by_word(self) -> dict[str, np.ndarray]:
        """Each word of the sections' headings and key terms → the sections that have it (:meth:`cover`)."""
        return _by_member(self.field_words)

    @classmethod
    def create(cls, data: dict[str, object], embedder: CachedEmbedder,
               asks: dict[tuple[str, str], tuple[str, ...]] | None = None) -> _Loaded:
        import bm25s  # noqa: PLC0415 - scipy-backed; only when the index is first searched

        rows: list[dict[str, object]] = []
        corpus = []
        section_index: dict[tuple[str, str], int] = {}
        section_rows: list[list[int]] = []
        chunk_section = []
        for n, (cid, doc, meta) in enumerate(zip(data["ids"], data["documents"], data["metadatas"])):  # type: ignore[call-overload]
            row = {"id": cid, "text": doc, **meta}
            rows.append(row)
            head = " ".join(str(meta.get(k, "")) for k in ("title", "section", "tags"))
            cached = data.get("tokens")  # the snapshot keeps each chunk's tokens (≈2 s of jieba per open)
            corpus.append(list(cached[n]) if cached else tokenize(head + "\n" + doc) or ["∅"])  # type: ignore[index]
            key = _section_key(row)
            if key not in section_index:
                section_index[key] = len(section_rows)
                section_rows.append([])
            section_rows[section_index[key]].append(n)
            chunk_section.append(section_index[key])
        for members in section_rows:  # card order: by position in the card
            members.sort(key=lambda j: int(rows[j].get("start", 0) or 0))
        sections = list(section_index)
        # the snapshot keeps the sections' field tokens too: a start that tokenises nothing never loads jieba's
        # dictionary for the index (only for the question)
        stored = data.get("field_tokens")
        if isinstance(stored, list) and len(stored) == len(sections):
            fields_corpus = [list(t) for t in stored]
        else:
            fields_corpus = [tokenize(" ".join([sec, *key_terms("\n".join(str(rows[j]["text"]) for j in section_rows[i]))]))
                             or ["∅"] for i, (_, sec) in enumerate(sections)]
        section_words = [frozenset(w for j in members for w in corpus[j]) for members in section_rows]
        df: dict[str, int] = {}
        for words in section_words:
            for w in words:
                df[w] = df.get(w, 0) + 1
        bm25 = bm25s.BM25()
        fields = bm25s.BM25()
        if corpus:
            bm25.index(corpus, show_progress=False)
            fields.index(fields_corpus, show_progress=False)
        embeddings = data.get("embeddings")
        vectors = np.asarray(embeddings if embeddings is not None and len(embeddings) else np.zeros((0, 1)),
                             dtype=np.float32)
        sentence_vectors, sentence_section, sentence_penalty = _sentence_vectors(
            rows, np.asarray(chunk_section, dtype=int), embedder)
        asks_tokens = dict(data.get("asks_tokens") or {})  # type: ignore[call-overload]
        asks_bm25, asks_vectors, asks_section = _asks_field(asks or {}, section_index, embedder, asks_tokens)
        asks_grams = [char_bigrams(q) for key, questions in (asks or {}).items() if key in section_index
                      for q in questions]
        near = near_misses()
        # the near misses ship with the package, not the cards: after an upgrade adds some, an index built
        # before has no vectors for them, and reading only cached ones would switch the decline off unseen
        near_vectors = embedder.embed_passages([fold(q) for q in near.texts]) if near and near.texts else None
        return cls(rows=rows, rows_by_id={str(r["id"]): r for r in rows},
                   section_sizes={k: len(section_rows[i]) for k, i in section_index.items()},
                   sections=sections, section_rows=section_rows, chunk_section=np.asarray(chunk_section, dtype=int),
                   vectors=vectors, bm25=bm25, fields=fields, sentence_vectors=sentence_vectors,
                   sentence_section=sentence_section, sentence_penalty=sentence_penalty, section_words=section_words,
                   field_words=[frozenset(f) for f in fields_corpus], df=df, asks_bm25=asks_bm25,
                   asks_vectors=asks_vectors, asks_section=asks_section, asks_grams=asks_grams, near_vectors=near_vectors,
                   head_grams=[char_bigrams(sec) for _, sec in sections], tokens=corpus, field_tokens=fields_corpus,
                   asks_tokens=asks_tokens)

    def per_section(self, values: np.ndarray, owner: np.ndarray, floor: float = -1e9) -> np.ndarray:
        """The best of ``values`` per section (``owner`` maps each value to its section); ``floor`` for a
        section that has no value."""
        out = np.full(len(self.sections), floor if len(values) else 0.0)
        np.maximum.at(out, owner, values)
        return out

    @staticmethod
    def known(model: object, tokens: list[str]) -> list[str]:
        """The ``tokens`` the BM25 ``model`` has postings for. Its vocabulary also holds the empty token bm25s adds
        after the last indexed word (an id past its score matrix, which bm25s refuses): a question whose words are all
        unknown, or empty once folded, must score zero everywhere, not reach bm25s with that id."""
        vocab = model.vocab_dict  # type: ignore[attr-defined]
        words = len(model.scores["indptr"]) - 1  # type: ignore[attr-defined]
        return [t for t in tokens if t and vocab.get(t, words) < words]

    @classmethod
    def bm25_scores(cls, model: object, tokens: list[str]) -> np.ndarray:
        known = cls.known(model, tokens)
        if not known:
            return np.zeros(int(model.scores["num_docs"]))  # type: ignore[attr-defined]
        return np.asarray(model.get_scores(known))  # type: ignore[attr-defined]


class ExampleCues(BaseModel):
    """Which sentences of a card are examples (``copilot/resources/retrieval/examples.yaml``)."""

    lead: list[str] = []
    heading: list[str] = []
    penalty: float = 0.0
    inline: list[str] = []  # an example inside a sentence (如"…")
    kinds: dict[str, list[str]] = {}  # the kind of group an example comes from, by its words
    kind_note: str = "（{kind}）"
    # the word for a group ("群") and what before it says no kind of group (我们群, 这个群, 建群): a question that
    # names its group's kind (围棋群) says "<kind>群" with none of these before it (:meth:`names_group`)
    group_word: str = "群"
    not_a_kind: list[str] = []
    not_after: list[str] = []  # the group word in a word of its own (群主, 群友): 当群主 names no kind

    def names_group(self, question: str) -> bool:
        """Whether ``question`` says what kind of group it is about: a ``kinds`` word, or the group word right
        after a Chinese character that is none of ``not_a_kind``'s ends (围棋群 yes; 群规, 我们群, 建群 no)."""
        if self.kinds_in(question):
            return True
        word = self.group_word
        for at in (i for i in range(1, len(question)) if question.startswith(word, i)):
            before = question[:at]
            if "\u4e00" <= before[-1] <= "\u9fff" and not before.endswith(tuple(self.not_a_kind)) \
                    and not question.startswith(tuple(word + w for w in self.not_after), at):
                return True
        return False

    def is_example(self, line: str) -> bool:
        return any(cue in line for cue in (*self.lead, *self.inline))

    def kinds_in(self, text: str) -> set[str]:
        """The kinds of group whose words ``text`` uses (both folded)."""
        folded = fold(text)
        return {kind for kind, words in self.kinds.items() if any(fold(w) in folded for w in words)}


@lru_cache(maxsize=1)
def example_cues() -> ExampleCues:
    return ExampleCues.model_validate(load_yaml(EXAMPLES_FILE.read_text(encoding="utf-8")) or {})


def _sentence_vectors(rows: list[dict[str, object]], chunk_section: np.ndarray,
                      embedder: CachedEmbedder) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
    """Vectors of every chunk's rerank sentences, read from the embedding cache (``build`` fills it;
    an index built by an older version gets them on its next ``copilot index``), their sections, and
    the penalty of each (example sentences count less in the rerank: :func:`example_cues`)."""
    cues = example_cues()
    texts: list[str] = []
    owner: list[int] = []
    penalty: list[float] = []
    for n, row in enumerate(rows):
        in_example = any(h in str(row.get("section", "")) for h in cues.heading)
        for sent in rerank_sentences(str(row["text"])):
            texts.append(fold(sent))
            owner.append(int(chunk_section[n]))
            penalty.append(cues.penalty if in_example or sent.startswith(tuple(cues.lead)) else 0.0)
    none = (None, np.zeros(0, dtype=int), np.zeros(0))
    if not texts:
        return none
    cached = embedder.cached(texts)
    if cached is None:
        log.warning("sentence vectors are not cached; run `copilot index` to enable the rerank")
        return none
    return cached, np.asarray(owner, dtype=int), np.asarray(penalty)


def _asks_field(asks: dict[tuple[str, str], tuple[str, ...]], section_index: dict[tuple[str, str], int],
                embedder: CachedEmbedder, tokens: dict[str, list[str]] | None = None,
                ) -> tuple[object | None, np.ndarray | None, np.ndarray]:
    """The questions each indexed section answers, one entry per question: a BM25 model over their
    jieba tokens, their cached e5 vectors (None until ``build`` embedded them) and their sections.
    ``tokens`` (folded question → its tokens, from the snapshot) is read first and filled with the questions
    it lacks, so the snapshot written next holds them all."""
    import bm25s  # noqa: PLC0415 - scipy-backed; only when the index is first searched

    texts = [(section_index[key], fold(q)) for key, questions in asks.items() if key in section_index
             for q in questions]
    owner = np.asarray([i for i, _ in texts], dtype=int)
    if not texts:
        return None, None, owner
    model = bm25s.BM25()
    known = tokens if tokens is not None else {}
    for _, t in texts:
        if t not in known:
            known[t] = tokenize(t) or ["∅"]
    model.index([list(known[t]) for _, t in texts], show_progress=False)
    return model, embedder.cached([t for _, t in texts]), owner


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    """The snapshot's tokens depend on the code that builds them (this module: a chunk's head, a section's key
    terms): a changed module makes the stored tokens stale."""
    return hashlib.sha1(Path(__file__).read_bytes()).hexdigest()


def char_bigrams(text: str) -> frozenset[str]:
    """The adjacent character pairs of ``text`` (folded, Chinese characters, letters and digits only)."""
    return char_pairs(fold(text))


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


def _by_member(sets: list[frozenset[str]]) -> dict[str, np.ndarray]:
    """Each member of ``sets`` → the indices of the sets that hold it, ascending (an inverted index)."""
    out: dict[str, list[int]] = {}
    for i, members in enumerate(sets):
        for m in members:
            out.setdefault(m, []).append(i)
    return {m: np.asarray(ids, dtype=np.intp) for m, ids in out.items()}


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
    if build_if_empty and index.needs_build():
        index.build()  # incremental: only new or changed chunks are embedded
    return index


def knowledge_stamp(knowledge_dir: Path) -> str:
    """A fingerprint of what the index is built from: every file under ``knowledge/`` (name, size,
    modification time) and the code that turns cards into chunks."""
    digest = hashlib.sha1()
    code = Path(__file__).parent
    files = [*sorted(p for p in knowledge_dir.rglob("*") if p.is_file()), code / "cards.py", code / "chunking.py"]
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        digest.update(f"{path.name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()

"""Retrieval eval: does the index put the card that answers an operator's question in the top k?"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from copilot.knowledge.index import KnowledgeIndex


class RetrievalCase(BaseModel):
    id: str
    question: str
    relevant: list[str] = Field(min_length=1)
    script: str = "zh-Hans"


class RetrievalResult(BaseModel):
    id: str
    question: str
    relevant: list[str]
    retrieved: list[str]
    hit_rank: int | None  # 1-based rank of the first relevant source, None if not in top k
    recall: float


class RetrievalReport(BaseModel):
    k: int
    n: int
    recall_at_k: float
    mrr: float
    by_script: dict[str, float]
    results: list[RetrievalResult]

    def misses(self) -> list[RetrievalResult]:
        return [r for r in self.results if r.hit_rank is None]


def load_cases(path: Path) -> list[RetrievalCase]:
    cases = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                cases.append(RetrievalCase.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{no}: 无效的评测用例：{exc}") from exc
    return cases


def evaluate(index: KnowledgeIndex, cases: list[RetrievalCase], k: int = 5) -> RetrievalReport:
    """Card-level recall@k (share of relevant cards among the top k distinct cards, averaged) and MRR.

    The question is "which card answers this", so the ranking is of cards: one passage per card.
    """
    results = []
    for case in cases:
        hits = index.search(case.question, k=k, max_per_source=1)
        sources: list[str] = []
        for h in hits:
            if h.source not in sources:
                sources.append(h.source)
        ranks = [i for i, h in enumerate(hits, 1) if h.source in case.relevant]
        found = {h.source for h in hits} & set(case.relevant)
        results.append(
            RetrievalResult(
                id=case.id,
                question=case.question,
                relevant=case.relevant,
                retrieved=sources,
                hit_rank=ranks[0] if ranks else None,
                recall=len(found) / len(set(case.relevant)),
            )
        )
    n = len(results) or 1
    by_script: dict[str, list[float]] = {}
    for case, res in zip(cases, results):
        by_script.setdefault(case.script, []).append(res.recall)
    return RetrievalReport(
        k=k,
        n=len(results),
        recall_at_k=round(sum(r.recall for r in results) / n, 4),
        mrr=round(sum(1 / r.hit_rank for r in results if r.hit_rank) / n, 4),
        by_script={s: round(sum(v) / len(v), 4) for s, v in by_script.items()},
        results=results,
    )


"""Retrieval evals: does the index put the card that answers an operator's question in the top k
(``evals/retrieval.jsonl``), and does ``ask`` answer from the right section or decline a question the
cards do not cover (``evals/retrieval/tuning.jsonl`` and ``locked.jsonl``)?"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field

from copilot.knowledge.ask import answer_question, chosen_sections, second_refused
from copilot.knowledge.cards import load_cards
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionRanking
from copilot.llm import Engine
from copilot.textnorm import to_simplified


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



# -- ask: section-level retrieval, answers and declines on the tuning / locked splits -------------
class AskCase(BaseModel):
    """One question of ``evals/retrieval/{tuning,locked}.jsonl``: acceptable card + section pairs for an
    in-scope question, none for an out-of-scope one (which ``ask`` must decline)."""

    id: str
    question: str = Field(min_length=1)
    relevant: list[str] = Field(default_factory=list)
    sections: list[tuple[str, str]] = Field(default_factory=list)
    script: str = "zh-Hans"
    style: str = ""
    in_scope: bool = True
    # no section speaks to the question's topic: ``sections`` are the nearest ones, which the answer should name
    # as nearest (``direct`` false, footer 资料只有相近的内容) rather than give as a confident answer
    near: bool = False


class AskResult(BaseModel):
    id: str
    question: str
    in_scope: bool
    top3: list[str]
    covered: bool
    confidence: float
    answer_sections: list[str]
    fit: float = 0.0  # the scorer's fit of the answer's first section (0 when declined)
    hit_at_3: bool | None = None  # in scope only
    answer_ok: bool | None = None  # in scope only: covered and built from an acceptable section
    # in scope only: an acceptable section was in the top 3 and the question was answered, but from none of them
    misplaced: bool | None = None
    direct: bool = False  # the answer gave its sections as the answer, not as the nearest (false when declined)
    near: bool = False  # the case is labelled as having only near sections
    basis: str = ""  # what the answer's frame was judged against (:attr:`copilot.knowledge.ask.Answer.basis`)
    # in scope only: the rank (1–8) of the best-placed acceptable section in the ranking, 0 when none of the top 8
    rank: int = 0
    led_by: str = ""  # which step put the answer's first section first (:attr:`copilot.knowledge.ask.Answer.led_by`)
    # in scope only: the answer's first section is in the card of an acceptable section
    same_card: bool = False
    declined_by: str = ""  # why a decline declined (:attr:`copilot.knowledge.ask.Answer.declined_by`)
    # in scope, answered from no acceptable section although one is in the top 3 (:func:`kept_out`): why it is not used
    kept_out: str = ""

    @property
    def passed(self) -> bool:
        if not self.in_scope:
            return not self.covered
        return bool(self.hit_at_3 and self.answer_ok)


class AskReport(BaseModel):
    """Aggregates of one split; ``results`` per question (never printed for the locked split)."""

    n_in_scope: int
    n_out_of_scope: int
    section_hit_at_3: float
    answer_section_rate: float
    oos_decline_rate: float
    false_decline_rate: float
    # answered from no acceptable section although one was in the top 3 (the answer picked the wrong one)
    misplaced_rate: float = 0.0
    # in scope: answered direct (no 相近 warning) from no acceptable section — confidently wrong (a count)
    confident_wrong: int = 0
    # in scope, labelled ``near``: answered direct although only a near section exists (a count)
    near_direct: int = 0
    n_near: int = 0
    # in scope, not ``near``: answered from an acceptable section but opened with the 相近 warning (a count)
    hedged_right: int = 0
    # the same three over the in-scope questions not labelled ``near``: a ``near`` label records that no section
    # covered the question when it was written, so a section added later that answers it scores as a loss on
    # the rates above; a guard for new sections compares these (``near_direct`` counts the near ones apart)
    hit_at_3_not_near: float = 0.0
    answer_rate_not_near: float = 0.0
    confident_wrong_not_near: int = 0
    results: list[AskResult]

    def totals(self) -> dict[str, float | int]:
        return {"n_in_scope": self.n_in_scope, "n_out_of_scope": self.n_out_of_scope,
                "section_hit_at_3": self.section_hit_at_3, "answer_section_rate": self.answer_section_rate,
                "oos_decline_rate": self.oos_decline_rate, "false_decline_rate": self.false_decline_rate,
                "misplaced_rate": self.misplaced_rate, "confident_wrong": self.confident_wrong,
                "near_direct": self.near_direct, "n_near": self.n_near, "hedged_right": self.hedged_right,
                "hit_at_3_not_near": self.hit_at_3_not_near, "answer_rate_not_near": self.answer_rate_not_near,
                "confident_wrong_not_near": self.confident_wrong_not_near}


def load_ask_cases(path: Path) -> list[AskCase]:
    cases = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                case = AskCase.model_validate_json(line)
            except ValueError as exc:
                raise ValueError(f"{path.name}:{no}: 无效的评测用例") from exc
            if case.in_scope and not case.sections:
                raise ValueError(f"{path.name}:{no}: 范围内的问题没有标注可接受的小节")
            cases.append(case)
    return cases


# tuning files kept out of every trained model (scope classifier, confidence, section scorer, near-miss
# prototypes): read and scored per question, but only ever a measure of how the method does on new phrasing
HELD_OUT = ("tuning_heldout24", "tuning_heldout25", "tuning_independent25", "tuning_r34", "tuning_r34b", "tuning_r35",
            "tuning_r36", "tuning_r37", "tuning_r38", "tuning_r38b", "tuning_r39a", "tuning_r39b", "tuning_r39c",
            "tuning_r40a", "tuning_r40b", "tuning_r41a", "tuning_r42a", "tuning_r42b", "tuning_r42c",
            "tuning_r43a", "tuning_r43b", "tuning_r43c", "tuning_r44a", "tuning_r44b", "tuning_r45a",
            "tuning_r45b", "tuning_r45c", "tuning_r46a", "tuning_r46b", "tuning_r47b", "tuning_r48b")


def ask_split_files(directory: Path) -> dict[str, tuple[str, Path]]:
    """The ask splits in ``directory`` by name (the file's stem): every ``tuning*.jsonl`` is scored as a
    tuning split (per question), every ``locked*.jsonl`` as a locked one (totals only). A new file
    dropped in (``locked_blind.jsonl``) is scored beside the others without a code change."""
    out: dict[str, tuple[str, Path]] = {}
    for half in ("tuning", "locked"):
        for path in sorted(directory.glob(f"{half}*.jsonl")):
            out[path.stem] = (half, path)
    return out


def _key(source: str, section: str) -> str:
    return f"{source} › {section}"


def kept_out(ranking: SectionRanking, ok: set[str]) -> str:
    """Why the best-placed acceptable section of ``ranking``'s top 3 (keys in ``ok``) is not in an answer built from no
    acceptable section: "lead" (it leads the ranking; a later step put another section first), "dropped"
    (:func:`~copilot.knowledge.ask.chosen_sections` took it, a later step left it out), "full" (two sections were
    already taken) or the gate that refused it (:func:`~copilot.knowledge.ask.second_refused`: fit, score, relevant)."""
    top = ranking.sections[:3]
    at = next((i for i, s in enumerate(top) if _key(s.source, s.section) in ok), None)
    if at is None:
        return ""
    sec, lead = top[at], ranking.leading()
    if sec is lead:
        return "lead"
    chosen = chosen_sections(ranking)
    if any(c is sec for c in chosen):
        return "dropped"
    return second_refused(ranking, sec) or "full"


# how deep ``answer_rows`` records where an acceptable section is ranked (the top 3 are the hit@3's)
WHY_RANKS = 8


def answer_rows(index: KnowledgeIndex, engine: Engine, cases: list[AskCase], *, rerank: bool = True,
                expand: bool = True) -> list[AskResult]:
    """Each of ``cases`` ranked and answered with ``engine``: its top 3, whether it was covered, the
    sections the answer is built from and whether one of them is acceptable."""
    # a label written before a section was renamed (the card's front matter records the rename) counts
    cards = {c.id: c for c in load_cards(index.settings.knowledge_dir)}

    def current(card: str, section: str) -> str:
        # a label names a card's "## heading"; the marker is optional, a heading the card lacks is an error
        # (it would score as a silent miss on every question that uses it)
        heading = section.lstrip("#").strip()
        found = cards[card].resolve_section(heading) if card in cards else None
        if found is None:
            raise ValueError(f"评测用例标注的小节不存在：{card} › {section}")
        return _key(card, found)

    results = []
    for case in cases:
        ranking = index.search_sections(case.question, k=WHY_RANKS, rerank=rerank, expand=expand)
        answer = answer_question(case.question, index, engine) if (rerank and expand) else None
        covered = answer.covered if answer else ranking.covered
        # a Traditional question's answer names its sections in Traditional; the cards name them in Simplified
        used = [_key(s.source, to_simplified(s.section)) for s in answer.sections] if answer else []
        top3 = [_key(s.source, s.section) for s in ranking.sections[:3]]
        ok = {current(c, s) for c, s in case.sections}
        ranks = [_key(s.source, s.section) for s in ranking.sections[:WHY_RANKS]]
        results.append(AskResult(
            id=case.id, question=case.question, in_scope=case.in_scope, top3=top3, covered=covered,
            confidence=ranking.confidence, answer_sections=used, fit=answer.fit if answer else 0.0,
            hit_at_3=bool(ok & set(top3)) if case.in_scope else None,
            answer_ok=(covered and bool(ok & set(used))) if case.in_scope else None,
            misplaced=(covered and bool(ok & set(top3)) and not ok & set(used)) if case.in_scope else None,
            direct=bool(answer and answer.covered and answer.direct), near=case.near,
            basis=answer.basis if answer and answer.covered else "",
            rank=next((i + 1 for i, key in enumerate(ranks) if key in ok), 0) if case.in_scope else 0,
            led_by=answer.led_by if answer and answer.covered else "",
            same_card=bool(used and case.in_scope and used[0].split(" › ")[0] in {k.split(" › ")[0] for k in ok}),
            declined_by=answer.declined_by if answer else "",
            kept_out=kept_out(ranking, ok) if case.in_scope and covered and not ok & set(used) else ""))
    return results


def evaluate_ask(index: KnowledgeIndex, engine: Engine, cases: list[AskCase], *, rerank: bool = True,
                 expand: bool = True) -> AskReport:
    """Section hit@3, the share of in-scope answers built from an acceptable section, and the decline
    rates (out of scope declined; in scope wrongly declined) for ``cases`` answered with ``engine``."""
    results = answer_rows(index, engine, cases, rerank=rerank, expand=expand)
    inside = [r for r in results if r.in_scope]
    outside = [r for r in results if not r.in_scope]
    topical = [r for r in inside if not r.near]

    def rate(rows: list[AskResult], pred: Callable[[AskResult], bool]) -> float:
        return round(sum(map(pred, rows)) / len(rows), 4) if rows else 0.0

    return AskReport(
        n_in_scope=len(inside), n_out_of_scope=len(outside),
        section_hit_at_3=rate(inside, lambda r: bool(r.hit_at_3)),
        answer_section_rate=rate(inside, lambda r: bool(r.answer_ok)),
        oos_decline_rate=rate(outside, lambda r: not r.covered),
        false_decline_rate=rate(inside, lambda r: not r.covered),
        misplaced_rate=rate(inside, lambda r: bool(r.misplaced)),
        confident_wrong=sum(r.direct and not r.answer_ok for r in inside),
        near_direct=sum(r.direct for r in inside if r.near), n_near=sum(r.near for r in inside),
        hedged_right=sum(r.covered and not r.direct and bool(r.answer_ok) for r in topical),
        hit_at_3_not_near=rate(topical, lambda r: bool(r.hit_at_3)),
        answer_rate_not_near=rate(topical, lambda r: bool(r.answer_ok)),
        confident_wrong_not_near=sum(r.direct and not r.answer_ok for r in topical),
        results=results)

"""Answering an operator's question from the methodology: the right section, in its order, or a plain
"the material does not cover this".

Pipeline: rank sections (:meth:`KnowledgeIndex.search_sections`) → decide coverage (the calibrated
confidence of :mod:`copilot.knowledge.ranking`) → compose. Below the threshold both engines give the
same answer without calling a model: the material does not cover the question, with the nearest
sections offered as 相关内容 when something is near. Above it:

- offline: the best one or two sections, each named ("依据：危机预案 › 成员争吵怎么降温") and given
  whole, in the card's order: its 资料 first, then its 经验建议 (said to be ours), every line cited;
- LLM: the top sections go whole into ``prompts/ask.md``; the model answers only from them, names the
  section it relies on, or replies ``【资料未覆盖】`` (then the answer is the same decline as offline).
  Markers pointing at passages that do not exist are removed.

Every :class:`Answer` carries ``covered``, its ``confidence``, the ``sections`` it is built from and
the ``related`` ones it offers instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from pydantic import BaseModel, Field

from copilot.knowledge.cards import BASIS_LABELS, Part, cards_by_id, seed_titles
from copilot.knowledge.checks import check_rule
from copilot.knowledge.composition import Seen, compose_cues
from copilot.knowledge.draft_ask import draft_command, draft_core
from copilot.knowledge.expansion import load_expander
from copilot.knowledge.index import KnowledgeIndex, example_cues, tokenize
from copilot.knowledge.ranking import (
    SECOND_FROM,
    QuestionParts,
    SectionHit,
    SectionRanking,
    asking_clauses,
    marked_ask,
    parts_cues,
    question_clauses,
    section_scorer,
    stated_situations,
)
from copilot.knowledge.rules import RulesError, load_rules
from copilot.knowledge.safety import safety_cues, safety_kind
from copilot.llm import OFFLINE, Engine, LLMUnavailable, call_guarded
from copilot.paths import RESOURCES_DIR, load_resource, load_yaml
from copilot.prompts import load_prompt
from copilot.textnorm import (
    ask_form,
    asked_script,
    cjk_ratio,
    clause_commas,
    fold,
    split_sentences,
    strip_invisible,
    to_script,
)
from copilot.tokens import count_tokens, fit_to_budget

LACKS_FILE = RESOURCES_DIR / "retrieval" / "lacks.yaml"
SUBJECTS_FILE = RESOURCES_DIR / "retrieval" / "subjects.yaml"


ASK_TAIL = "？?。！!，, "  # the marks a part of a question ends with, stripped before it is quoted back


class Citation(BaseModel):
    """One numbered passage an answer may cite, with what it is: 资料 (and the seed sections it
    cites), 经验建议 (our own practical advice) or an imported document."""

    n: int
    source: str
    title: str
    section: str
    text: str
    basis: str = "document"
    cites: list[str] = []
    # the lines the card quotes ("> 今天降温了…": a sample post given as it would be sent), as :attr:`text` reads
    # them: examples (:func:`example_kinds`) although no example cue is in them
    quoted: list[str] = []

    @property
    def label(self) -> str:
        return BASIS_LABELS.get(self.basis, self.basis)

    def where(self) -> str:
        """Where the passage comes from, as an operator reads it (one line, Simplified)."""
        if self.basis == "source":
            return "出处：" + "；".join(self.cites) if self.cites else "出处：（未记录）"
        if self.basis == "experience":
            return EXPERIENCE_NOTE
        if self.basis == "unmarked":
            return "索引是旧版本，没有记录出处；运行 copilot index 重建后会标出资料/经验建议"
        return "你导入的文档"


class SectionRef(BaseModel):
    """A card section (or a section of an imported document) an answer is built from or offers."""

    source: str
    title: str
    section: str

    @property
    def label(self) -> str:
        return f"{self.title} › {self.section}" if self.title else self.section


class Answer(BaseModel):
    """An answer (or a decline). ``script`` is the script the answer is written in; ``question_script``
    the one the question was asked in (``other`` when it has no Chinese at all). In a Traditional
    answer the citations and sections are Traditional too (``source`` stays the card's id)."""

    question: str
    answer: str
    citations: list[Citation]
    engine: str
    notice: str | None = None
    script: str = "zh-Hans"
    question_script: str = "zh-Hans"
    # the decline suggests importing the operator's own material (something near was found)
    suggest_import: bool = False
    covered: bool = True
    confidence: float = 0.0
    threshold: float = 0.0
    sections: list[SectionRef] = []
    related: list[SectionRef] = []
    # how well the answer's first section or its lead fits the situation asked about (:func:`answer_fit`): the
    # trained scorer's estimate that it is a section an operator would accept (1.0 when no scorer is installed,
    # 0.0 in a decline); below the scorer's ``warn`` the answer says the material may not speak to this situation
    fit: float = 0.0
    # why a decline declined (:attr:`SectionRanking.declined_by`; "" when covered): the footer says it, so a
    # confidence above the threshold next to "not covered" is not left unexplained
    declined_by: str = ""
    # False when the answer opens by saying the material has only something near (:func:`hedged`): the
    # footer and ``--json`` then say so too instead of a plain "covered" under that warning
    direct: bool = True
    # what the 相近 / 资料覆盖 frame was judged against (:func:`lead_basis`): "ask" (the lead is what the question's
    # ask finds on its own), "other" (the lead only shares words with it), "stated" (a stated situation chose the
    # lead; hedged below the scorer's ``warn`` like the others: :func:`answer_hedged`),
    # "" (declined or the LLM path). Read by the evals and scripts/calibrate_warn.py, not shown.
    basis: str = Field("", exclude=True)
    # which step put the answer's first section first (:func:`lead_step`): the ranking's ("rank", "situation",
    # "stated"), the scorer's fit ("fit": :meth:`SectionRanking.leading`), the ask ("ask": its own section, "clause":
    # the fit to the ask clause, "scene": the first section in the question's setting) or the card's order
    # ("card_order"), "" when declined. Read by
    # the evals (``scripts/ask_totals.py --why``), not shown.
    led_by: str = Field("", exclude=True)
    # the question's subject (``subjects.yaml``: 续费, 放鸽子) that none of the answer's sections speaks of, nor a
    # synonym of it (:func:`missing_subject`): the answer says so and is not direct; "" otherwise
    missing_subject: str = ""
    # a question about a person at risk (``safety.yaml``: "self_harm", "medical_emergency"): the fixed safety reply
    # and a pointer to the
    # crisis section (not direct); "" otherwise
    safety: str = ""
    # the situation (``stated.yaml``: "scammed", "harassed"…) whose safety line opens an answer built from the material
    # (our own bottom line before the method); "" otherwise
    safety_note: str = ""
    # the ``copilot draft`` subcommand ("rules", "copy --kind notice"…) that writes the text the question asks us to
    # write (帮我写一份群规: :func:`draft_command`), declined or not; the CLI names it after the answer; "" otherwise
    draft: str = ""


class DeclineTexts(BaseModel):
    """What ``ask`` says when it declines (``resources/retrieval/decline.yaml``)."""

    not_covered: str
    related_head: str
    import_hint: str
    # the scenes (scope.yaml's ``scene``) whose declines suggest importing material (:func:`offers_import`)
    import_scenes: list[str] = ["group", "none"]
    nothing_near: str
    not_chinese: str
    cli_import_hint: str
    not_direct: str
    # the line that opens the answer to a very long question read as its main questions (:func:`main_question`)
    long_question: str = ""
    # the footer's reason for a decline, by :attr:`SectionRanking.declined_by`
    declined_why: dict[str, str] = {}
    experience_only: str
    example_note: str
    part_not_covered: str = ""
    # a two-part question declined as a whole whose one part alone is covered (:func:`covered_part`): the part left
    # unanswered is named ({part}) and where the answered one stood ({side}: 前面 / 后面)
    part_outside: str = ""
    ask_not_covered: str = ""
    # a declined question about illness, medicine or diet (health_words) also says whom to ask (health_line)
    health_words: list[str] = []
    # ... once these (crops' pesticide: 打药, 农药) are taken out of the question: no person's body is asked about
    health_not: list[str] = []
    health_line: str = ""
    asks_head: str = ""
    ask_answered: str = ""
    ask_missing: str = ""
    ask_elsewhere: str = ""
    # a question declined because what it asks about, without the operator's wrapper, is not covered
    # (:attr:`SectionRanking.off_wrapper`): says what was asked about ({object}); when a member's question is reported,
    # ``wrapped_handling`` heads the sections that answer the operations side (how the group takes such questions),
    # found by ranking ``wrapped_handling_ask``
    wrapped: str = ""
    wrapped_handling: str = ""
    wrapped_handling_ask: str = ""


@lru_cache(maxsize=1)
def decline_texts() -> DeclineTexts:
    path = RESOURCES_DIR / "retrieval" / "decline.yaml"
    return DeclineTexts.model_validate(load_yaml(path.read_text(encoding="utf-8")))


def decline_reason(answer: Answer) -> str:
    """The footer's words for why ``answer`` was declined (empty when it was answered)."""
    if answer.covered:
        return ""
    why = decline_texts().declined_why
    text = why.get(answer.declined_by) or why.get("confidence", "")
    return text.format(confidence=answer.confidence, threshold=answer.threshold)


EXPERIENCE_NOTE = "本项目的实操经验，不是方法论资料的原话"
NOT_COVERED = decline_texts().not_covered
RELATED_HEAD = decline_texts().related_head
# the LLM's first line when the passages do not answer the question (prompts/ask.md)
LLM_NOT_COVERED = "【资料未覆盖】"
# a second section joins the answer only when it scores at least this share of the first
# (chosen on the tuning split: lower ratios add sections that dilute the answer)
SECOND_SECTION_RATIO = 0.85
# ... or this share for a section of the lead's own card that the section scorer says fits the question by itself (its
# fit reaches the scorer's ``second``) when no other runner-up joins (:func:`lone_card_neighbour`): round 75 (d15a75)
# found the section written for the situation ranked second or third at 0.80–0.85 of its card neighbour that led
# ("拉新的时候用什么做诱饵" → 引流诱饵怎么选 behind 先把内容做好再拉新); chosen on the readable tuning files
SECOND_FITTING_RATIO = 0.80
# ... and only when its best sentence is within this cosine of the first section's best sentence
SECOND_SECTION_SENTENCE_GAP = 0.02
MAX_SECTIONS = 2
# the second section is the first of the runners-up in the top SECOND_FROM (ranking.py) that passes the
# gates: with a scorer that orders the runners-up by fit (``fill``) the best-fitting one may score too far
# below the first, and the next one is still a candidate
LLM_SECTIONS = 3
_PART_HEADS = {
    "source": "资料：",
    "experience": f"经验建议（{EXPERIENCE_NOTE}）：",
    "document": "你导入的文档：",
    "unmarked": "未标注出处的内容（索引是旧版本，请运行 copilot index）：",
}


def answer_script(question: str, configured: str) -> str:
    """Answer in Traditional when configured so, or when the operator asked in Traditional."""
    return "zh-Hant" if configured == "zh-Hant" or asked_script(question) == "zh-Hant" else "zh-Hans"


def question_script(question: str) -> str:
    """The script the question is written in: ``zh-Hant``, ``zh-Hans``, or ``other`` (no Chinese)."""
    if cjk_ratio(question) == 0:
        return "other"
    return asked_script(question)


def _ref(sec: SectionHit) -> SectionRef:
    return SectionRef(source=sec.source, title=sec.title, section=sec.section)


def _relevant(sec: SectionHit, first: SectionHit) -> bool:
    """A second section is relevant to the question on its own: it shares a word with the question
    and one of its sentences is about as close to the question as the best section's best one."""
    return sec.lexical > 0 and sec.sentence >= first.sentence - SECOND_SECTION_SENTENCE_GAP


def in_scene(sec: SectionHit, question: str) -> bool:
    """Whether ``sec`` may lead or join an answer to ``question``: it is not written for a setting the question
    names nothing of (a brand's complaint script for a quarrel between hobby-group members: ``compose.yaml``)."""
    return not compose_cues().out_of_scene(sec.source, sec.section, question)


def chosen_sections(ranking: SectionRanking) -> list[SectionHit]:
    """The one or two sections an answer is built from: the best, and of the runners-up in the top three that
    score close and are relevant, and either fit the situation by themselves (the scorer fit reaches the scorer's
    ``second``) or the best one fits only loosely (:func:`loose`: two candidates are offered), the one fitting best
    (round 67: the first in rank order left a third-ranked section written for the question out); sections of one
    card are given in the card's order (分享前, 分享中…) after a lead the question's stated situation chose
    (``stated.yaml``: 成员争吵怎么降温 is not put behind 负面投诉与舆情, where :func:`without_padding` dropped it).
    The best is :meth:`SectionRanking.leading` and always answers (round 31: moving the lead off a section written
    for another setting lowered the old blind split's answers from an acceptable section, 0.781 → 0.767, and so did
    keeping a runner-up out of the question's setting from joining, round 31: the sections are chosen as before; the
    composition only shapes their text)."""
    if not ranking.sections:
        return []
    first = ranking.leading()
    joining = [s for s in ranking.sections[:SECOND_FROM] if s is not first and not second_refused(ranking, s)]
    # of the runners-up that may join, the ones fitting the situation best (the scorer's fit; ties in rank order):
    # a third-ranked section written for it is not left out because the second-ranked one also passed the gates
    out = [first, *sorted(joining, key=lambda s: -s.fit)[:MAX_SECTIONS - 1]]
    if len({s.source for s in out}) == 1:  # a lead a stated situation chose stays first (its text opens the answer)
        # and so does a lead beside a card neighbour let in only as one (:func:`lone_card_neighbour`): the answer opens
        # as before and the neighbour follows it
        kept = out[:1] if ranking.stated or any(_neighbour_only(ranking, s) for s in out[1:]) else []
        out = kept + sorted(out[len(kept):], key=lambda s: s.position)
    return out


def second_refused(ranking: SectionRanking, sec: SectionHit) -> str:
    """Why :func:`chosen_sections` does not let ``sec`` (a runner-up of ``ranking``'s top three) join the lead: "fit"
    (it does not fit by itself, the scorer's ``second``, and the lead fits firmly), "score" (it scores below
    :data:`SECOND_SECTION_RATIO` of the lead, and is no :func:`lone_card_neighbour`), "relevant" (:func:`_relevant`);
    "" when it may join."""
    why = _refused_as_before(ranking, sec)
    if why != "score" or not lone_card_neighbour(ranking, sec):
        return why
    return "" if _relevant(sec, ranking.leading()) else "relevant"


def _refused_as_before(ranking: SectionRanking, sec: SectionHit) -> str:
    """:func:`second_refused` without the lone card neighbour (the gates before round 75)."""
    first = ranking.leading()
    scorer = section_scorer()
    if scorer is not None and not loose(ranking) and not scorer.passes("second", sec.fit):
        return "fit"
    if sec.score < SECOND_SECTION_RATIO * first.score:
        return "score"
    return "" if _relevant(sec, first) else "relevant"


def lone_card_neighbour(ranking: SectionRanking, sec: SectionHit) -> bool:
    """Whether ``sec`` is a section of the lead's own card that fits the question by itself (the scorer's ``second``)
    and scores at least :data:`SECOND_FITTING_RATIO` of the lead while no other runner-up of the top three joins: a card
    answers one topic, and its section written for the situation ("想给群成员发个专属称号" → 身份符号与群文化) is
    offered beside the neighbour that led on shared words (归属感是慢慢攒出来的) rather than left out."""
    first = ranking.leading()
    scorer = section_scorer()
    if (scorer is None or sec is first or sec.source != first.source or not scorer.passes("second", sec.fit)
            or sec.score < SECOND_FITTING_RATIO * first.score):
        return False
    others = [s for s in ranking.sections[:SECOND_FROM] if s is not first and s is not sec]
    return all(_refused_as_before(ranking, s) for s in others)


def _neighbour_only(ranking: SectionRanking, sec: SectionHit) -> bool:
    """Whether ``sec`` may join only as a :func:`lone_card_neighbour` (the gates before round 75 refused it for its score)."""
    return _refused_as_before(ranking, sec) == "score" and lone_card_neighbour(ranking, sec)


def llm_sections(ranking: SectionRanking) -> list[SectionHit]:
    """The sections the model reads: the top :data:`LLM_SECTIONS` without those written for a setting the question
    does not name (:func:`in_scene`); the section an answer leads with (:meth:`SectionRanking.leading`) stays."""
    if not ranking.sections:
        return []
    lead = ranking.leading()
    return [s for s in ranking.sections[:LLM_SECTIONS] if s is lead or in_scene(s, ranking.question)]


def with_pointed(sections: list[SectionHit], ranking: SectionRanking, index: KnowledgeIndex) -> list[SectionHit]:
    """``sections`` and, when one of them sends the reader to another card ("那时要看生命周期卡片"), that card's
    best-ranked section for this question if the ranking has one that fits (the scorer's ``pointed`` gate) and is in
    the question's setting. A pointer whose card is still missing is taken out of the answer's text
    (:func:`compose_offline`)."""
    scorer = section_scorer()
    if not sections or len(sections) > MAX_SECTIONS:
        return sections
    cards = cards_by_id(index.settings.knowledge_dir)
    cues = compose_cues()
    names = [n for s in sections if s.kind == "card" and s.source in cards
             for p in cards[s.source].parts() if p.section == s.section for n in cues.pointed_names(p.text)]
    have = {s.source for s in sections}
    for name in dict.fromkeys(names):
        card = next((c for c in cards.values() if name in c.title), None)
        if card is None or card.id in have:
            continue
        hit = next((s for s in ranking.sections if s.source == card.id
                    and (scorer is None or scorer.passes("pointed", s.fit)) and in_scene(s, ranking.question)), None)
        if hit is not None:
            return [*sections, hit]
    return sections


def question_parts(question: str) -> list[str]:
    """The question's two parts when it asks two things (cut at its first joiner such as 另外, or at a
    question mark with more words after it, both halves long enough), else the question alone."""
    cues = parts_cues()
    text = question.strip()
    cuts = [(text.find(w), len(w)) for w in cues.joiners if text.find(w) > 0]
    cuts += [(text.find(m) + len(m), 0) for m in cues.marks if 0 < text.find(m) < len(text) - len(m)]
    for at, skip in sorted(cuts, key=lambda c: (c[0], -c[1])):  # at one place the longest joiner (顺便问一下, not 顺便问)
        head, tail = text[:at].strip(" ，,。；;"), text[at + skip:].strip(" ，,。；;")
        tail = next((tail[len(w):] for w in cues.joiners if tail.startswith(w)), tail).strip(" ，,")
        if len(head) >= cues.min_chars and len(tail) >= cues.min_chars:
            return [head, tail]
    return [text]


def _key(sec: SectionHit) -> tuple[str, str]:
    """Which card section a hit is (its card and section heading)."""
    return sec.source, sec.section


class SecondPart(NamedTuple):
    """A two-part question's second part: its text ("" for a one-part question), the section that answers it
    (None when none fits) and the section ranked nearest to it even when it does not fit."""

    text: str = ""
    best: SectionHit | None = None
    near: tuple[tuple[str, str], ...] = ()
    # the first part asks something too (``parts.yaml``'s ``asks``, or it ends with a question mark): with a first part
    # that only tells the situation ("另外说一句，我们会员大多是家长。怎么让新会员…") the second part is the question's one
    # ask, not a second one
    first_asks: bool = True


def second_part(question: str, index: KnowledgeIndex) -> SecondPart:
    """The question's second part (:func:`question_parts`) and the section that answers it: the best for the
    part alone when that part is covered and the section fits it (the scorer's ``part`` gate), else None."""
    parts = question_parts(question)
    scorer = section_scorer()
    if len(parts) < 2 or scorer is None:
        return SecondPart()
    # it asks when it holds an ask word or the asker closed it with a question mark ("是开二群还是换成企业微信群？")
    first_asks = _part_asks(question, parts[0])
    best, near, answers = _alone(parts[1], index)
    if best is None:
        return SecondPart(parts[1], first_asks=first_asks)
    return SecondPart(parts[1], best if answers else None, near, first_asks)


def _part_asks(question: str, part: str) -> bool:
    """Whether ``part`` of ``question`` asks: it holds an ask word or the asker closed it with a question mark."""
    return parts_cues().asks_in(fold(part)) or _closed_by_mark(question, part)


def _closed_by_mark(question: str, head: str) -> bool:
    """Whether ``head``, the first part of ``question``, was closed by the asker with a question mark."""
    at = question.find(head)
    rest = question[at + len(head):].lstrip(" ") if at >= 0 else ""
    return head.rstrip().endswith(tuple(parts_cues().marks)) or rest.startswith(tuple(parts_cues().marks))


def _alone(text: str, index: KnowledgeIndex) -> tuple[SectionHit | None, tuple[tuple[str, str], ...], bool]:
    """The section ranked first for a part of a question searched on its own (None when none is), that section
    as the part's nearest, and whether it answers the part: the part is covered and the section fits it at the
    scorer's ``part`` gate."""
    return _answered(index.search_sections(text, k=SECOND_FROM))


def _answered(ranking: SectionRanking) -> tuple[SectionHit | None, tuple[tuple[str, str], ...], bool]:
    """:func:`_alone` for a part already ranked on its own (``ranking``)."""
    if not ranking.sections:
        return None, (), False
    best, scorer = ranking.leading(), section_scorer()
    return best, (_key(best),), ranking.covered and (scorer is None or scorer.passes("part", best.fit))


def with_second_part(sections: list[SectionHit], question: str, index: KnowledgeIndex,
                     part: SecondPart | None = None) -> list[SectionHit]:
    """``sections`` and then the section that answers the question's second part (:func:`second_part`, or
    ``part`` when already found), when it is not in the answer yet. It is added,
    not put in place of a second section chosen for the whole question: replacing lowered the blind
    locked split's answers from an acceptable section (0.781 → 0.753)."""
    best = (part if part is not None else second_part(question, index)).best
    if not sections or best is None:
        return sections
    if any(_key(s) == _key(best) for s in sections):
        return sections
    out = [*sections, best]
    if len({s.source for s in out}) == 1:
        out.sort(key=lambda s: s.position)
    return out


def part_left_out(sections: list[SectionHit], part: SecondPart, said: str = "",
                  index: KnowledgeIndex | None = None) -> str:
    """The note that the material has no section for the question's second part (``part`` from
    :func:`second_part`): "要不要收押金" asked after a question about check-in rules is not silently dropped.
    "" when the question asks one thing, when its second part asks nothing (it tells more of the situation,
    ``parts.yaml``'s ``asks``), when a section fits that part, or when the section nearest to that part is in the
    answer anyway (the answer speaks to it). On the tuning questions it fires on 2 of 641 answers (both vague
    follow-ups, "后面怎么收场"), so it says the answer *may* not cover the part. Nor when the first part asks nothing
    (it only tells the situation, cut off at 另外 or 以及, and no question mark closes it): then the second part is the one ask
    the answer is for, and "你还问了" would name the question itself as if it were a second one. Nor when the answer
    ``said`` already names a word of that part that points at a section (``index``'s content words, two characters
    or more): "下单人数 复购 还是啥" after a metrics answer that lists 复购率 (qa15r35 saw the note deny it)."""
    if not part.text or not sections or part.best is not None or not parts_cues().asks_in(fold(part.text)):
        return ""
    if not part.first_asks:
        return ""
    if {_key(s) for s in sections} & set(part.near):
        return ""
    if said and index is not None:
        answered = fold(said)  # (a whole answer: past fold's cache, so folded once)
        if any(len(w) > 1 and w in answered for w in index.content_words(part.text)):
            return ""
    return decline_texts().part_not_covered.format(part=part.text.rstrip(ASK_TAIL))


class CoveredPart(NamedTuple):
    """The one part of a declined two-part question that the material covers on its own: its text, its own ranking
    and the other part's text, which the answer names as outside the material (:func:`covered_part`)."""

    text: str
    ranking: SectionRanking
    outside: str
    first: bool  # the covered part is the question's first part

    def note(self) -> str:
        texts = decline_texts()
        cues = parts_cues()
        part = self.outside.rstrip(ASK_TAIL)
        part = next((part[len(w):] for w in (*cues.joiners, *cues.ask_map.joiners) if part.startswith(w)), part)
        side = "前面" if self.first else "后面"
        return texts.part_outside.format(part=part.lstrip("，, "), side=side) if texts.part_outside else ""


def covered_part(question: str, index: KnowledgeIndex, *, k: int = 5,
                 whole: SectionRanking | None = None) -> CoveredPart | None:
    """For a question declined as a whole that asks two things (:func:`question_parts`, each part asking: an ask word
    or a question mark closes it), the part the material covers when ranked alone, when it is the only one, its
    lead fits that part at ``parts.yaml``'s ``outside_part.fit`` and the part is about a group (its ``scenes``): "群规要写哪些内容？还有昆曲的水磨腔怎么唱" is answered for its
    group rules and says the singing is outside, rather than declined because of it. None otherwise.

    The same gate per part for a question covered as a whole (``whole``, its ranking, covered): the covered part is
    answered on its own and the other is named as outside when that other part is about something else
    (:func:`outside_alone`) — "灯笼群想搞个线上比赛，怎么组织？顺便问下奖品要不要交个税" was answered with the tax
    clause as its ask (相近, no section answers it), or with that part dropped without a word (round 84)."""
    cues = parts_cues()
    if whole is not None and whole.covered:
        if cues.outside_part.confidence <= 0:
            return None
    elif cues.outside_part.fit <= 0:
        return None
    asked_q = ask_form(question)
    parts = question_parts(asked_q)
    if len(parts) < 2:
        return None
    if not all(_part_asks(asked_q, p) for p in parts):
        return None  # one part only tells the situation: the question asks one thing, declined as a whole
    rankings = [index.search_sections(p, k=k, unwrap=True) for p in parts]
    covered = [r.covered for r in rankings]
    if covered.count(True) != 1:
        return None
    at = covered.index(True)
    ranking = rankings[at]
    if whole is not None and whole.covered:
        if not outside_alone(parts[1 - at], rankings[1 - at], index, ranking):
            return None
    elif ranking.leading().fit < cues.outside_part.fit or ranking.scene not in cues.outside_part.scenes:
        return None
    return CoveredPart(parts[at], ranking, parts[1 - at], at == 0)


def outside_alone(part: str, alone: SectionRanking, index: KnowledgeIndex, other: SectionRanking) -> bool:
    """Whether ``part`` of a question covered as a whole, declined when ranked on its own (``alone``), is about
    something outside the material rather than a follow-up that leans on the other part (ranked on its own as
    ``other``): its confidence alone is below ``parts.yaml``'s ``outside_part.confidence``, it names at least
    ``min_words`` content words of its own (words most sections have do not count, ``ask_lead.generic_common``) and
    the section nearest to it is not in the card the other part is answered from. "琴弦多久换一次" and "奖品要不要交个税"
    are; "怎么突破瓶颈", "要不要把地名放进去" (they name too little to be about anything else) and "我手上有个公众号、一个
    小红书账号，先用哪个" after "第一批人从哪里拉" (its nearest section is the channels one of the same card) are not."""
    cues = parts_cues()
    if alone.covered or alone.confidence >= cues.outside_part.confidence:
        return False
    if alone.sections and other.sections and alone.leading().source == other.leading().source:
        return False
    return len(set(index.content_words(part, common=cues.ask_lead.generic_common))) >= cues.outside_part.min_words


def ranked(question: str, index: KnowledgeIndex, *, k: int = 5) -> tuple[SectionRanking, CoveredPart | None]:
    """The ranking an answer is built from: the whole question's, or, when one part of a two-part question is covered on
    its own and the whole is declined or the other part is outside the material, that part's (:func:`covered_part`,
    returned beside it; else None): the covered part is answered as it would be asked alone, the outside part's words
    (毛笔, 马拉松) move no section."""
    ranking = index.search_sections(question, k=k, unwrap=True)
    ranking = _as_draft_request(question, ranking, index, k=k)
    mixed = covered_part(question, index, k=k, whole=ranking)
    return (mixed.ranking, mixed) if mixed is not None else (ranking, None)


# a yes-or-no ask in the A-not-A form (涨不涨, 好不好): the rest of a drafting request that says one asks something
_A_NOT_A = re.compile(r"(\w)不\1")


def _as_draft_request(question: str, ranking: SectionRanking, index: KnowledgeIndex, *, k: int) -> SectionRanking:
    """For a request to write a text (帮我写一份铁路退休职工联谊群的群公告，下周三上午九点…), the ranking of the request
    without the group it describes (:func:`draft_core`: 帮我写群公告) when that one is covered and the question's own
    is not, or leads with a section that fits less: the group's name, kind, time and place fill the draft, they are
    not what the method is asked about. Not when the question's own ranking is declined for anything but its
    confidence (a near miss, the asker's own matter, an object the cards do not teach), nor when the rest of the
    request asks something (帮我写个群通知，明天深圳会不会下雨: the weather is asked, not a notice): ``ranking`` then."""
    core, rest = draft_core(question)
    if not core or fold(core) == fold(question):
        return ranking
    if not ranking.covered and ranking.declined_by != "confidence":
        return ranking
    if ranking.near_miss or ranking.own or ranking.off_scene or ranking.off_object or ranking.off_wrapper:
        return ranking
    if any(m in rest for m in "？?") or parts_cues().asks_in(rest) or _A_NOT_A.search(rest):
        return ranking
    alone = index.search_sections(core, k=k, unwrap=True)
    if not alone.covered or not alone.sections:
        return ranking
    if ranking.covered and ranking.sections and ranking.leading().fit >= alone.leading().fit:
        return ranking
    return alone


def outside_note(mixed: CoveredPart | None) -> str:
    """The note naming the part of a two-part question left unanswered as outside the material ("" without one)."""
    return mixed.note() if mixed is not None else ""


_CLAUSE_ENDS = "，,。；;？?！! "


def question_asks(question: str) -> list[str]:
    """The asks of a question that asks several things, in order (each with the words it was asked in), or ``[]``
    when it asks one thing. The question is cut at every question mark with more words after it, at every
    joiner (另外, 以及…) and at ``ask_map.joiners`` (还有, 顺便…) where they start a clause; a piece shorter than
    ``min_chars`` goes back to the piece before it ("😂 还有救吗"), and a piece that asks nothing (it tells more of
    the situation, ``asks``) is no ask."""
    cues = parts_cues()
    if cues.ask_map.most < 2:
        return []
    text = question.strip()
    cuts: list[tuple[int, int]] = []
    for mark in cues.marks:
        cuts += [(m.end(), 0) for m in re.finditer(re.escape(mark), text) if m.end() < len(text)]
    for word in cues.joiners:
        cuts += [(m.start(), len(word)) for m in re.finditer(re.escape(word), text) if m.start() > 0]
    for word in cues.ask_map.joiners:
        cuts += [(m.start(), 0) for m in re.finditer(re.escape(word), text)
                 if m.start() > 0 and text[m.start() - 1] in _CLAUSE_ENDS]
    pieces: list[str] = []
    at = 0
    for cut, skip in sorted(set(cuts)):
        if cut < at:
            continue
        pieces.append(text[at:cut])
        at = cut + skip
    pieces.append(text[at:])
    merged: list[str] = []
    for piece in (p.strip(_CLAUSE_ENDS.replace("？", "").replace("?", "")) for p in pieces):
        if not piece:
            continue
        if merged and len(piece.strip("？?")) < cues.min_chars:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    asks: list[str] = []
    for ask in (a for p in merged if cues.asks_in(fold(p)) for a in _split_starts(p)):
        # an ask whose own words are too few to search ("福利群？知识科普群？还是售后群，怎么定") goes with the one before
        if asks and len(ask_words(ask)) < cues.min_chars:
            asks[-1] = f"{asks[-1]} {ask}"
        else:
            asks.append(ask)
    return asks[:cues.ask_map.most] if len(asks) >= 2 else []


def _split_starts(piece: str) -> list[str]:
    """``piece`` cut before each clause that starts with an ``ask_map.starts`` form (要不要, 会不会…) when a clause
    before it already asks and both sides are long enough: "怎么分工 要不要给他们点好处" is two asks."""
    cues = parts_cues()
    out: list[str] = []
    at = 0
    for m in re.finditer(r"[，,；;\s]+", piece):
        rest = piece[m.end():]
        head = piece[at:m.start()]
        if (any(rest.startswith(w) for w in cues.ask_map.starts) and cues.asks_in(fold(head))
                and len(head) >= cues.min_chars and len(rest.split("，")[0]) >= cues.min_chars):
            out.append(head)
            at = m.end()
    return [*out, piece[at:]]


_CLAUSE_CUT = re.compile(r"[，,。；;！!\s]")


def _clauses(text: str) -> list[str]:
    """The clauses of ``text`` cut at commas, stops, semicolons, exclamations and spaces (not question marks)."""
    return [c.strip() for c in _CLAUSE_CUT.split(text) if c.strip()]


def _situation(question: str, first: str) -> str:
    """The clauses of the question's first ask that tell the situation (they ask nothing): what a later ask
    is searched with, so "辦完之後又要做什麼" is searched as the share session's aftermath."""
    cues = parts_cues()
    return "，".join(c for c in _clauses(first) if not cues.asks_in(fold(c)))


def ask_words(ask: str) -> str:
    """How an answer names an ask: the asking clauses it ends on ("我是不是该私聊问一下退群的人原因"), without the
    situation told before them."""
    cues = parts_cues()
    clauses = _clauses(ask.rstrip("？?"))
    run: list[str] = []
    for clause in reversed(clauses):  # the asking clauses it ends on ("要不要带地名 带了会不会限制外地的人")
        if not cues.asks_in(fold(clause)):
            break
        run.insert(0, clause)
    return ("，".join(run) if run else ask).rstrip(ASK_TAIL)


class AskAnswer(NamedTuple):
    """One ask of a question that asks several things, and the section that answers it (None when none does)."""

    words: str
    best: SectionHit | None = None


def ask_map(question: str, index: KnowledgeIndex, ranking: SectionRanking | None = None) -> list[AskAnswer]:
    """Each ask of ``question`` (:func:`question_asks`; ``[]`` for one ask) with the section that answers it. Three
    searches vote: the ask's words alone, the words with the situation told before the first ask ("辦完之後又要
    做什麼" alone does not know it was a share session), and the whole question (``ranking``); a section's votes are
    its fits in the covered searches' first ``SECOND_FROM``, and the one with the most answers when one of the ask's
    own two searches fits it at the scorer's ``part`` gate and it is in the question's setting (the ask alone is sure of the group's opening
    warm-up for "活动前怎么预热"; the situation and the whole question agree on the share session's)."""
    asks = question_asks(question)
    if not asks:
        return []
    scorer = section_scorer()
    situation = _situation(question, asks[0])
    whole = ranking if ranking is not None else index.search_sections(question, k=SECOND_FROM)
    out = []
    for ask in asks:
        words = ask_words(ask)
        own = [index.search_sections(words, k=SECOND_FROM)]
        if situation:
            own.append(index.search_sections(f"{situation}，{words}", k=SECOND_FROM))
        votes: dict[tuple[str, str], float] = {}
        firm: dict[tuple[str, str], SectionHit] = {}
        for found in (f for f in (*own, whole) if f.covered):
            for sec in found.sections[:SECOND_FROM]:
                votes[_key(sec)] = votes.get(_key(sec), 0.0) + sec.fit
                # only the ask's own searches can make a section its answer: the whole question's only votes
                if (found is not whole and (scorer is None or scorer.passes("part", sec.fit)) and in_scene(sec, question)
                        and sec.fit > getattr(firm.get(_key(sec)), "fit", -1.0)):
                    firm[_key(sec)] = sec
        best = max(firm, key=lambda k: votes[k], default=None)
        out.append(AskAnswer(words, firm[best] if best is not None else None))
    return out


def without_padding(sections: list[SectionHit], ranking: SectionRanking,
                    named: list[SectionHit | None]) -> list[SectionHit]:
    """``sections`` without padding (``parts.yaml``'s ``drop_padding``): the first section stays; an extra one that
    an ask names (``named``: the second part's, the last ask's, each ask's section) stays; any other extra stays only
    when it fits the whole question at the scorer's ``second`` (its fit in ``ranking``, 0 when the ranking does not
    have it), and at most ``MAX_SECTIONS`` sections stay counting those, best fit first (card order is kept).
    A naming question no longer ends with 先分清是哪种情况 of the ads card; a question with three asks keeps three.
    With ``padding_scene`` an extra no ask names must also be in the question's setting (:func:`in_scene`): a
    brand's complaint script does not follow the answer to a quarrel between hobby-group members.
    (Round 43's ``padding_ask``, an extra judged by its fit to the ask clause ranked alone, lost locked answers
    .933 → .893 at 0.1 and was removed in round 44.)"""
    scorer, cues = section_scorer(), parts_cues()
    if not cues.drop_padding or scorer is None or len(sections) < 2:
        return sections
    fits = {_key(s): s.fit for s in ranking.sections}
    asked = {_key(s) for s in named if s is not None}
    extras = [s for s in sections[1:] if _key(s) not in asked and scorer.passes("second", fits.get(_key(s), 0.0))
              and (not cues.padding_scene or in_scene(s, ranking.question))]
    room = max(0, MAX_SECTIONS - 1 - sum(1 for s in sections[1:] if _key(s) in asked)) \
        if cues.padding_cap else len(extras)
    kept = {_key(s) for s in sorted(extras, key=lambda s: -fits.get(_key(s), 0.0))[:room]}
    return [sections[0], *(s for s in sections[1:] if _key(s) in asked or _key(s) in kept)]


def with_asks(sections: list[SectionHit], asks: list[AskAnswer]) -> list[SectionHit]:
    """``sections`` and then each ask's section that is not in them yet (:func:`ask_map`)."""
    out = list(sections)
    for ask in asks:
        if ask.best is not None and not any(_key(s) == _key(ask.best) for s in out):
            out.append(ask.best)
    return out


def asks_lines(asks: list[AskAnswer], sections: list[SectionHit]) -> list[str]:
    """The answer's closing lines for a question that asks several things: each ask and the section it is
    answered by (named), or plainly that the material has no section for it."""
    if not asks or not sections:
        return []
    texts = decline_texts()
    have = {_key(s): s for s in sections}
    lines = [texts.asks_head]
    for ask in asks:
        sec = have.get(_key(ask.best)) if ask.best is not None else None
        lines.append(texts.ask_answered.format(part=ask.words, section=sec.label) if sec is not None
                     else texts.ask_missing.format(part=ask.words))
    return lines


def loose(ranking: SectionRanking) -> bool:
    """The best section fits the situation asked about only loosely (below the scorer's ``hedge``): a
    close runner-up joins the answer even when it does not fit by itself (two candidates beat one)."""
    scorer = section_scorer()
    return bool(ranking.sections) and scorer is not None and ranking.leading().fit < scorer.hedge


def hedged(ranking: SectionRanking, lead: SectionHit | None = None, part: AskPart | None = None) -> bool:
    """The section the answer leads with (``lead``; the ranking's best when None) fits what is asked so poorly
    that the answer says so before giving it (相近, not 资料覆盖), instead of passing a neighbour off as the
    answer. What is asked is the question without the conditions it keeps (the ranking is of that) or, when the
    question ends on an asking clause (``part``, :func:`ask_part`), that clause alone: the lead is direct when
    its own fit in the ranking reaches the scorer's ``warn`` or it is the clause's own best section fitting the
    clause firmly (``hedge``). A lead that only the loudest word of the situation picked, or that another step
    moved to the front, is judged by its own fit, not by the ranking's best one (round 34: on the tuning outputs
    labelled by whether the lead is an acceptable section, precision of 直接 0.667 → 0.708, acceptable leads
    labelled direct 0.964 → 0.964)."""
    scorer = section_scorer()
    if not ranking.sections or scorer is None:
        return False
    return own_fit(ranking, lead or ranking.leading(), part) < scorer.warn


def own_fit(ranking: SectionRanking, sec: SectionHit, part: AskPart | None = None) -> float:
    """How well ``sec`` fits what is asked, as :func:`hedged` judges it: its fit in the ranking (0 when the ranking
    does not have it), or, when it is the ask clause's own best section fitting that clause firmly (the scorer's
    ``hedge``), the clause's fit if higher."""
    fit = next((s.fit for s in ranking.sections if _key(s) == _key(sec)), 0.0)
    scorer = section_scorer()
    if part is not None and part.alone == _key(sec) and scorer is not None and part.alone_fit >= scorer.hedge:
        return max(fit, part.alone_fit)
    return fit


def answer_fit(ranking: SectionRanking, sections: list[SectionHit], lead: SectionHit | None,
               part: AskPart | None = None, basis: str | None = None) -> float:
    """How well an answer built from ``sections`` fits what is asked (:attr:`Answer.fit`, the footer's 小节贴合度): the
    better :func:`own_fit` of the section shown first and of ``lead``, the section the answer gives whole (the
    ranking's lead, wherever the card order put it; only when the answer has it). One card's sections come in card
    order, so "先分清是哪种情况" may be shown before "广告怎么处理": the answer is judged by the better of the two. 0 when
    there are no sections.

    When the ask's own section leads (:func:`lead_basis` "ask"; ``basis`` when the caller has worked it out), a section
    of its card that the answer also gives and that fits the whole question firmly (the scorer's ``hedge``) counts too
    (:func:`firm_beside`): the ask clause put its section first, and the card's section written for the whole question
    follows it in the same answer (round 73: 「群名叫…是不是比正经名字更吸睛」 led by 好名字与坏名字对比 at 0.29, 避坑清单
    at 0.85 given after it)."""
    if not sections:
        return 0.0
    shown = [sections[0], *(s for s in sections[1:] if lead is not None and _key(s) == _key(lead))]
    shown += firm_beside(ranking, sections, lead, part, basis)
    return max((own_fit(ranking, s, part) for s in shown), default=0.0)


def firm_beside(ranking: SectionRanking, sections: list[SectionHit], lead: SectionHit | None,
                part: AskPart | None = None, basis: str | None = None) -> list[SectionHit]:
    """The sections after the first, of the first one's card, that fit the whole question firmly (their fit in
    ``ranking`` reaches the scorer's ``hedge``) in an answer whose lead is the ask's own section (:func:`lead_basis`
    "ask"): not for a lead the question's stated situation chose (``basis`` "stated") nor one that came from the
    situation's words ("other"). Another card's section does not count: a member who only messages the newcomers
    privately to sell them something ranks 新人的头三天 high for the word 新人, behind the ask's 先分清是哪种情况 (round 73:
    readable confidently wrong 106 → 107 when any card's was counted)."""
    scorer = section_scorer()
    if scorer is None or len(sections) < 2 or (basis or lead_basis(sections, lead, part)) != "ask":
        return []
    fits = {_key(s): s.fit for s in ranking.sections}
    return [s for s in sections[1:] if s.source == sections[0].source and fits.get(_key(s), 0.0) >= scorer.hedge]


def lead_basis(sections: list[SectionHit], lead: SectionHit | None, part: AskPart | None = None) -> str:
    """Whether the answer's lead is what the question asks for: "ask" when the question has no separate asking
    clause (``part.text`` empty: the whole question is the ask) or when the clause's own best section ranked alone
    (``part.alone``) is the section shown first or ``lead``; "other" otherwise: the lead came from the situation's
    words, or the clause alone finds nothing that answers it (an answer to 排练通知被刷下去怎么办 led by 新人的头三天)."""
    if part is None or not part.text:
        return "ask"
    shown = {_key(s) for s in sections[:1]} | ({_key(lead)} if lead is not None else set())
    return "ask" if part.alone is not None and part.alone in shown else "other"


class SituationMatch(BaseModel):
    min_words: int = 0  # 0: off
    min_ask_grams: float = 0.0
    ask_firm: float = 1.01  # the ask clause's own fit from which its lead is not checked for the situation's words


@lru_cache(maxsize=1)
def situation_match() -> SituationMatch:
    return SituationMatch.model_validate(load_resource("retrieval/situation_match.yaml") or {})


def unmatched_situation(question: str, lead: SectionHit, index: KnowledgeIndex) -> bool:
    """Whether ``lead`` has no literal foothold for the situation ``question`` tells (``situation_match.yaml``): none of
    the question's content words (:meth:`KnowledgeIndex.content_words`, at least ``min_words`` of them) nor the card
    terms the synonym table puts for its phrases is in the section's text, heading or key terms, and none of the
    questions the section answers (asks.yaml) shares ``min_ask_grams`` of the question's character bigrams. The
    section scorer's fit compares the candidates with each other, so the least bad of weak candidates can fit 0.9;
    such an answer is given as near (相近), not as covered."""
    cues = situation_match()
    if cues.min_words <= 0:
        return False
    words = set(index.content_words(question))
    if len(words) < cues.min_words:
        return False
    vocabulary = index.section_vocabulary(_key(lead))
    if vocabulary is None:
        return False
    said, at = vocabulary
    if words & said:
        return False
    terms = load_expander(index.settings.knowledge_dir).expand(question).terms
    if terms and set(tokenize(" ".join(terms))) & said:
        return False
    return index.ask_gram_share(question, at) < cues.min_ask_grams


def asked_firmly(part: AskPart, lead: SectionHit) -> bool:
    """Whether ``lead`` is the ask clause's own best section (``part.alone``) fitting that clause alone at the
    scorer's ``hedge`` or above: "群规咋写啊，我这个群是做二手闲置交换的…" asks for 群规的基本结构 in so many words, and
    the situation's words (二手闲置) are the group's background, not something the section should name. Such a
    lead is not hedged for lacking them (:func:`unmatched_situation`; round 59: 「资料里没有正讲」 at fit 0.94). The bar is
    ``situation_match.yaml``'s ``ask_firm`` (at the scorer's ``hedge``, 0.72, confidently wrong rose by one on two blind
    splits)."""
    scorer = section_scorer()
    return (scorer is not None and bool(part.text) and part.alone == _key(lead)
            and part.alone_fit >= max(scorer.hedge, situation_match().ask_firm))


def below_warn(fit: float) -> bool:
    """The documented rule of the 相近 frame: an answer whose fit (:attr:`Answer.fit`, the footer's 小节贴合度) is below
    the scorer's ``warn`` is never given as direct, whichever path built it (a stated situation's lead, a member at
    risk, the LLM engine). False when no scorer is installed (every fit is then 1.0)."""
    scorer = section_scorer()
    return scorer is not None and fit < scorer.warn


def answer_hedged(ranking: SectionRanking, sections: list[SectionHit], lead: SectionHit | None,
                  part: AskPart | None = None, basis: str | None = None) -> bool:
    """Whether an answer built from ``sections`` opens by saying the material has only something near (:func:`hedged`):
    its :func:`answer_fit` is below the scorer's ``warn``, so the number in the footer and the 相近 label agree. A lead
    that is not the ask's own section (:func:`lead_basis` "other") must reach ``warn_off_ask`` instead when that is
    higher: a section that shares a word with the question is not passed off as its answer at a middling fit.
    ``basis``: the lead's :func:`lead_basis` when the caller has already worked it out.

    Whatever chose the lead, a fit below ``warn`` is hedged (:func:`below_warn`): a lead the question's stated situation
    chose (``basis`` "stated", ``stated.yaml``) and a member at risk (``told.covers``, answered whatever the ranking)
    are direct from ``warn`` up, not from the scorer's ``second`` or at any fit as before round 51, when an answer at
    fit 0.23 came out direct under 资料覆盖."""
    scorer = section_scorer()
    if scorer is None:
        return False
    if sections and below_warn(answer_fit(ranking, sections, lead, part, basis)):
        return True  # the documented rule, whatever chose the lead: a fit below ``warn`` is never given as direct
    if basis == "stated":
        return False
    if not ranking.sections:
        return False
    if not sections:
        return hedged(ranking, None, part)
    basis = basis or lead_basis(sections, lead, part)
    bar = scorer.warn if basis == "ask" else max(scorer.warn, scorer.warn_off_ask)
    return answer_fit(ranking, sections, lead, part, basis) < bar


class AskPart(NamedTuple):
    """What the question finally asks (its last asking clause, :func:`asking_clauses`; "" when it is one clause),
    the whole question's section that answers it (None when none does), and the section ranked nearest to the
    clause on its own."""

    text: str = ""
    best: SectionHit | None = None
    near: tuple[tuple[str, str], ...] = ()
    # no section answers the clause ranked on its own: it is not covered, or its best section fits it below the
    # scorer's ``part`` gate (a clause whose section fits but which the whole question does not rank is vague, not this)
    unanswered: bool = False
    # the answer's first section answers an earlier asking clause, or fits the whole question firmly (the scorer's
    # ``hedge``), or the question asks two things in turn (:func:`question_parts`): it keeps the lead and ``best``
    # follows it
    earlier: bool = False
    # the fit of the clause's own best section to the clause ranked alone (0 when there is none)
    alone_fit: float = 0.0
    alone: tuple[str, str] | None = None
    # that section itself (None when it does not answer the clause): what :func:`ask_elsewhere` names
    alone_hit: SectionHit | None = None
    # the section of the whole question's first ones that leads once its fit to the clause weighs in (:func:`clause_lead`)
    lead: SectionHit | None = None
    # the asker marked the ask ("我想问的是：…", :func:`marked_ask`): its section leads even over a stated situation's
    marked: bool = False


def ask_part(question: str, ranking: SectionRanking, index: KnowledgeIndex) -> AskPart:
    """The question's ask and the section answering it: the clause's best section ranked on its own, when the
    clause is covered, that section fits the clause (``parts.yaml``'s ``ask_lead.fit``), is in the question's
    setting, and is also among the whole question's first ``ask_lead.among`` sections (the situation agrees with
    the ask: "我作为群主该怎么处理" alone finds the host's persona, which the whole quarrel never ranks)."""
    cues = parts_cues()
    clauses = asking_clauses(question)
    # what the asker marks as the ask ("我想问的是：…") is ranked whole, its own clauses together
    marked = marked_ask(question)
    if not (clauses or marked) or not ranking.sections or cues.ask_lead.fit <= 0:
        return AskPart()
    if marked:
        clause = marked
    else:
        last = clauses[-1]
        bare = cues.ask_lead.without_self_role(last).strip("，, ") or last
        clause = with_previous(question, last, index, bare) if cues.ask_lead.generic_takes_previous else bare
    if _only_generic_verbs(clause, index):
        # the clause names no topic, only how to act (从哪里查起): its own section would be picked by the verb
        return AskPart(clause)
    alone = index.search_sections(clause, k=SECOND_FROM)
    best, near, answers = _answered(alone)
    if best is None:
        return AskPart(clause)
    own = {"alone_fit": best.fit if answers else 0.0, "alone": _key(best) if answers else None,
           "alone_hit": best if answers else None, "lead": clause_lead(ranking, alone)}
    if not answers:
        return AskPart(clause, None, near, unanswered=True)
    scorer = section_scorer()
    if best.fit < cues.ask_lead.fit or not in_scene(best, question):
        return AskPart(clause, None, near, **own)
    hit = next((s for s in ranking.sections[:cues.ask_lead.among] if _key(s) == _key(best)), None)
    lead = ranking.leading()
    before = [c for c in clauses if c not in marked] if marked else clauses[:-1]
    if before and all(any(w in c for w in cues.ask_lead.yes_no) for c in before):
        # "是不是…？怎么…": the yes/no clauses set up the how, which is what the question asks
        return AskPart(clause, hit, near, earlier=False, marked=bool(marked), **own)
    # a question cut in two (另外…, a question mark with more after it) is answered in the order it asks
    ordered = len(question_parts(question)) > 1 or (scorer is not None and lead.fit >= scorer.hedge)
    return AskPart(clause, hit, near, earlier=ordered or _answers_earlier(before, lead, index, cues), marked=bool(marked),
                   **own)


def _only_generic_verbs(clause: str, index: KnowledgeIndex) -> bool:
    """Whether ``clause`` has content words and every one is a verb of ``parts.yaml``'s ``ask_lead.generic_verbs``
    (查, 找, 看: "从哪里查起"), so it asks how to act without saying about what."""
    cues = parts_cues()
    if not cues.ask_lead.generic_verbs:
        return False
    # a word the tokenizer joins to an ask word (哪查 in "该从哪查起") is still only the verb: cut out the verbs and
    # the ask forms, longest first, and see whether anything is left
    cut = sorted({*cues.ask_lead.generic_verbs, *cues.asks, *cues.ask_words_generic}, key=len, reverse=True)

    def bare(word: str) -> bool:
        for c in cut:
            word = word.replace(c, "")
        return not word

    words = index.content_words(clause, common=cues.ask_lead.generic_common)
    return bool(words) and all(bare(w) for w in words)


def with_previous(question: str, clause: str, index: KnowledgeIndex, words: str = "") -> str:
    """``clause`` (the question's last asking clause, folded; ranked as ``words`` when given: the clause without the
    asker's own role) and, when it has no content word of its own (only ``parts.yaml``'s ``ask_words_generic`` and
    words most sections have: "怎么做比较好"), the clause told just before it, which says what the ask is about
    ("想整理起来留给之后进群的人看，怎么做比较好"); ``clause`` alone otherwise."""
    said = words or clause
    # "most sections" is ``ask_lead.generic_common``, not the narrow share that weighs an ask's words: 管理员身份,
    # 新人 are in a fifth of the sections and still say what "要不要给他个管理员身份让他带新人" asks about
    if index.content_words(said, common=parts_cues().ask_lead.generic_common):
        return said
    pieces = [c for c, _ in question_clauses(question)]
    at = max((i for i, c in enumerate(pieces) if c == clause), default=0)
    return f"{pieces[at - 1]}，{said}" if at > 0 else said


def clause_lead(ranking: SectionRanking, alone: SectionRanking) -> SectionHit | None:
    """The section of the whole question's first :data:`SECOND_FROM` that leads the answer once what the question
    asks weighs in: each is scored by ``(1 - weight) ×`` its fit to the whole question ``+ weight ×`` its fit to
    the last asking clause ranked on its own (``alone``; 0 when that ranking does not place it in its first
    :data:`SECOND_FROM`), ``parts.yaml``'s ``clause_lead``. The best leads when its blend beats the ranking's lead's
    by ``gap``, the clause is covered, and the section is in the question's setting; None otherwise (the lead stays).
    The narration before the ask ("二胡群……群主也不说话了") keeps its say through the whole question's fit, but a
    neighbour that only its loudest word picked no longer leads when the ask points at another of the first three."""
    cues = parts_cues().clause_lead
    if cues.weight <= 0 or not ranking.sections or not alone.sections or not alone.covered:
        return None
    fits = {_key(s): s.fit for s in alone.sections[:SECOND_FROM]}

    def blend(sec: SectionHit) -> float:
        return (1 - cues.weight) * sec.fit + cues.weight * fits.get(_key(sec), 0.0)

    lead = ranking.leading()
    best = max(ranking.sections[:SECOND_FROM], key=blend)
    if _key(best) == _key(lead) or blend(best) < blend(lead) + cues.gap or not in_scene(best, ranking.question):
        return None
    return best


def _answers_earlier(clauses: list[str], lead: SectionHit, index: KnowledgeIndex, cues: QuestionParts) -> bool:
    """Whether ``lead`` is the section an earlier asking clause finds on its own (fitting it as the last ask's
    must): "什么时候该开分群？开了之后要怎么管理" keeps 群满了怎么扩 first and adds the management section after."""
    for clause in clauses:
        own = index.search_sections(clause, k=SECOND_FROM)
        if own.covered and own.sections and _key(own.leading()) == _key(lead) and own.leading().fit >= cues.ask_lead.fit:
            return True
    return False


def ask_left_out(sections: list[SectionHit], part: AskPart, second: SecondPart | None = None) -> str:
    """The note that no section answers what the question finally asks (``part`` from :func:`ask_part`), so the
    answer above is about the topic around it: "" when the question has no separate ask, when something answers
    it, when the ask asks nothing (``parts.yaml``'s ``asks``), when the section nearest to it is in the answer,
    or when the two-part note (:func:`part_left_out`, ``second``) already names the same words."""
    if not part.text or not sections or not part.unanswered or not parts_cues().asks_in(part.text):
        return ""
    if {_key(s) for s in sections} & set(part.near):
        return ""
    if second is not None and second.text and part_left_out(sections, second) and part.text in fold(second.text):
        return ""
    return decline_texts().ask_not_covered.format(part=part.text.rstrip(ASK_TAIL))


def ask_elsewhere(sections: list[SectionHit], part: AskPart, question: str) -> str:
    """The note naming the section for a yes/no ask the question ends on ("…怎么分工，要不要给他们点好处") when
    the answer leaves that section out: the clause holds a ``parts.yaml`` ``ask_map.starts`` form and follows
    an earlier asking clause, its own best section ranked alone fits it at ``ask_note.fit`` (:func:`ask_part`'s
    ``alone_hit``) and is in the question's setting (:func:`in_scene`), and no section of the answer is that
    one. "" otherwise, and when ``decline.yaml``'s ``ask_elsewhere`` is empty (off). The ask is not dropped
    silently: the operator is told where the material speaks to it."""
    text, cues = decline_texts().ask_elsewhere, parts_cues()
    hit = part.alone_hit
    if not text or not sections or hit is None or hit.fit < cues.ask_note.fit:
        return ""
    if not any(w in part.text for w in cues.ask_map.starts) or len(asking_clauses(question)) < 2:
        return ""
    if any(_key(s) == _key(hit) for s in sections) or not in_scene(hit, question):
        return ""
    return text.format(part=part.text.rstrip(ASK_TAIL), section=_ref(hit).label)


def ask_leads(sections: list[SectionHit], part: AskPart, question: str = "") -> list[SectionHit]:
    """``sections`` with the section answering the question's ask first (added when it is missing: the answer
    speaks to what was asked before the topic around it); without one, a first section written for a setting the
    question does not name (:func:`in_scene`) gives the lead to the first one that is in it (a quarrel between
    members is answered by 成员争吵怎么降温 before the brand's complaint script). Before either, the section that
    leads once the fit to the ask weighs in (``part.lead``, :func:`clause_lead`) goes first when the ask has no
    section of its own (with one, that section leads, or follows a lead that answers an earlier ask or fits firmly:
    a question asked in turn keeps its order). Sections are only moved or added."""
    if not sections:
        return sections
    if part.lead is not None and part.best is None:
        sections = [part.lead, *(s for s in sections if _key(s) != _key(part.lead))]
    if part.best is not None and part.earlier:
        have = any(_key(s) == _key(part.best) for s in sections)
        return sections if have else [*sections, part.best]
    if part.best is not None:
        return [part.best, *(s for s in sections if _key(s) != _key(part.best))]
    if question and not in_scene(sections[0], question):
        fits = next((s for s in sections[1:] if in_scene(s, question)), None)
        if fits is not None:
            return [fits, *(s for s in sections if s is not fits)]
    return sections


def lead_step(ranking: SectionRanking, chosen: list[SectionHit], sections: list[SectionHit], part: AskPart) -> str:
    """Which step put ``sections[0]`` (the answer's lead after :func:`ask_leads`) first: the ranking's own step
    (:attr:`SectionRanking.led_by`), ``fit`` when :meth:`SectionRanking.leading` took a runner-up, ``card_order`` when
    :func:`chosen_sections` put a section of the same card before it, ``ask`` / ``clause`` / ``scene`` when
    :func:`ask_leads` moved the ask's section, the clause's lead or an in-setting section first."""
    if not sections:
        return ""
    if chosen and _key(sections[0]) != _key(chosen[0]):
        if part.best is not None and _key(sections[0]) == _key(part.best):
            return "ask"
        return "clause" if part.lead is not None and _key(sections[0]) == _key(part.lead) else "scene"
    if not ranking.sections:
        return ranking.led_by
    lead = ranking.leading()
    if _key(sections[0]) != _key(lead):
        return "card_order"  # :func:`chosen_sections` gave two sections of one card in the card's order
    return "fit" if lead is not ranking.sections[0] else ranking.led_by


def _has_steps(text: str) -> bool:
    return any(re.match(r"\s*(\d+[.、]|[-*] )", line) for line in text.split("\n"))


def _steps_first(parts: list[Part]) -> list[Part]:
    """A section's parts in card order, except that when its 资料 has no steps and its 经验建议 has
    them, the steps lead (an anecdote in the 资料 is background, not the first thing to read)."""
    steps = [p for p in parts if p.basis == "experience" and _has_steps(p.text)]
    if steps and not any(_has_steps(p.text) for p in parts if p.basis == "source"):
        return steps + [p for p in parts if p not in steps]
    return parts


def section_citations(sections: list[SectionHit], index: KnowledgeIndex, start: int = 1,
                      advice_first: bool = False) -> list[Citation]:
    """Whole parts of ``sections`` as numbered citations, in card order: a card section's 资料 and its
    经验建议 as written in the card (no chunk overlap), an imported document's chunks as indexed. With
    ``advice_first`` the first section's 经验建议 comes before its 资料 (the question states it wants to fix
    something: the steps before the case of a rescue that failed)."""
    cards = cards_by_id(index.settings.knowledge_dir)
    titles = seed_titles(index.settings.knowledge_dir)  # citations name the seed by its title, not its file
    out: list[Citation] = []
    for sec in sections:
        card = cards.get(sec.source) if sec.kind == "card" else None
        if card is not None:
            sources = {s.ref: s.cite(titles) for s in card.sources}
            # a sentence pointing to another section of the card that the answer does not give is cut
            unshown = {p.section for p in card.parts()} - {s.section for s in sections if s.source == sec.source}
            parts = _steps_first([p for p in card.parts() if p.section == sec.section])
            if advice_first and sec is sections[0]:
                parts = sorted(parts, key=lambda p: p.basis != "experience")
            for part in parts:
                text = compose_cues().unpoint_headings(plain_text(part.text), unshown)
                out.append(Citation(n=start + len(out), source=sec.source, title=card.title, section=sec.section,
                                    text=text, basis=part.basis, cites=[sources[r] for r in part.refs if r in sources],
                                    quoted=quoted_lines(part.text)))
        else:
            for hit in sec.chunks:
                out.append(Citation(n=start + len(out), source=hit.source, title=hit.title, section=hit.section,
                                    text=plain_text(hit.text), basis=hit.basis, cites=hit.cites))
    return out


def _table_lines(rows: list[list[str]]) -> list[str]:
    """A Markdown table as lines of prose: one data row zipped with its header (周一：求助；…), or
    each data row as ``first cell：other cells``."""
    if not rows:
        return []
    header, data = rows[0], rows[1:]
    if len(data) == 1:
        return ["；".join(f"{h}：{c}" for h, c in zip(header, data[0]) if c)]
    return [f"{r[0]}：{'；'.join(c for c in r[1:] if c)}" for r in data if r]


def readable_lines(text: str) -> list[str]:
    """A part's text as lines an operator reads in a terminal or a chat bubble: Markdown emphasis
    and quote marks removed, tables turned into prose, list numbering and order kept."""
    lines: list[str] = []
    table: list[list[str]] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line.startswith("|"):
            cells = [c.strip().replace("**", "") for c in line.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                table.append(cells)
            continue
        if table:
            lines += _table_lines(table)
            table = []
        line = re.sub(r"^>\s*", "", line).replace("**", "").replace("__", "")
        if line:
            lines.append(line)
    return lines + _table_lines(table)


def plain_text(text: str) -> str:
    """``text`` as an operator reads it (:func:`readable_lines`, one per line): what citations carry,
    so a citation reads like the answer that quotes it."""
    return "\n".join(readable_lines(text))


def other_kind(line: str, question: str) -> str:
    """The kind of group ``line``'s example comes from when it is an example of one kind the question does
    not name (``examples.yaml``'s ``kinds``), else ""."""
    cues = example_cues()
    kinds = cues.kinds_in(line)
    if len(kinds) != 1 or kinds & cues.kinds_in(question):
        return ""
    return next(iter(kinds))


def _kind_noted(line: str, question: str) -> str:
    """``line`` with the note of the other kind of group its example comes from, when it names one itself."""
    kind = other_kind(line, question)
    return _with_note(line, kind)


def _own_kind(line: str, kind: str, question: str) -> str:
    """``kind`` (:func:`example_kinds`) when ``line`` names that kind of group itself and does not end in a colon."""
    return kind if kind and other_kind(line, question) == kind and not line.endswith(("：", ":")) else ""


def _with_note(line: str, kind: str) -> str:
    """``line`` with the note that it is an example from the ``kind`` of group named (``examples.yaml``'s
    ``kind_note``), or as it is for no kind."""
    return line + example_cues().kind_note.format(kind=kind) if kind else line


def quoted_lines(text: str) -> list[str]:
    """The lines of Markdown ``text`` that are quoted (``> …``), as :func:`readable_lines` reads them."""
    return [q for raw in text.split("\n") if raw.strip().startswith(">") for q in readable_lines(raw.strip())]


def example_kinds(text: str, question: str, quoted: list[str] | tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """A part's readable lines (:func:`readable_lines`, repeats from chunk overlap dropped), each with the kind of
    group it is an example of when that kind is one the question does not name (:func:`other_kind`), else "".
    The one reading of what an example is, for the answering section and the extra ones alike: a line with an
    example cue (``examples.yaml``'s ``lead``/``inline``), a list item under such a line ending in a colon
    ("几个例子：", which is that example's kind too), and a line quoted in the card ("> 今天降温了，很多宝宝…":
    a sample post given as it would be sent: ``quoted``, :attr:`Citation.quoted`)."""
    quoted = {*quoted, *quoted_lines(text)}
    out: list[tuple[str, str]] = []
    under_example = False
    lead_kind = ""  # the kind of group a lead-in's example comes from: its items ("你一周跑几次？") are that example too
    for line in _dedupe(readable_lines(text)):
        item = under_example and _is_item(line)
        example = example_cues().is_example(line) or item or line in quoted
        kind = (other_kind(line, question) or (lead_kind if item else "")) if example else ""
        if example_cues().is_example(line) and line.endswith(("：", ":")):
            under_example, lead_kind = True, kind
        elif not _is_item(line):
            under_example, lead_kind = False, ""
        out.append((line, kind))
    return out


def mark_example(line: str, question: str) -> str:
    """``line`` with a note of the kind of group its example comes from (``examples.yaml``'s ``kinds``)
    when it is an example of one kind the question does not name: a running club's 群名片 format shown to
    a board-game group is marked as the running club's, so it is not posted as it is."""
    return _kind_noted(line, question) if example_cues().is_example(line) else line


def _is_item(line: str) -> bool:
    return bool(re.match(r"\s*(\d+[.、]|[-*•] )", line))


def _is_row(line: str) -> bool:
    """A table's row as :func:`readable_lines` gives it: a short label, a colon, then cells split by 「；」."""
    return bool(re.match(r"(?!\s*\d)[^：:；;，,。]{1,12}[：:][^；;]+[；;]", line))


def _part_lines(text: str, question: str, titles: set[str], alone: bool = False,
                quoted: list[str] | tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """A part's lines as the answer gives them (pointers to cards not in the answer taken out, and to the next
    section when the section is ``alone`` from its card) and the kinds of the other groups' examples left out;
    an example is a line with an example cue, or a list item under a line with one that ends in a colon
    ("几个例子：")."""
    cues = compose_cues()
    lines, kinds = [], []
    for line, kind in example_kinds(text, question, quoted):
        if any(not any(n in t for t in titles) for n in cues.pointed_names(line)):
            line = cues.unpoint(line)
        if alone:
            line = cues.unpoint(line, next_section=True)
        if kind:
            kinds.append(kind)
            lines.append("\0" + line)  # an other-kind example: dropped or labelled by the section
        elif line:
            lines.append(line)
    return lines, kinds


def _lead_lines(sec: SectionHit, citations: list[Citation], question: str, alone: bool = False) -> list[str]:
    """The answering section's lines, whole: every line of its parts in order, an example from one other kind
    of group marked (:func:`mark_example`), each with its citation marker; a pointer to the next section of
    its card cut when the section is ``alone`` from its card in the answer."""
    cues = compose_cues()
    marked = [(line, kind, c.n) for c in citations if (c.source, c.section) == _key(sec)
              for line, kind in example_kinds(c.text, question, c.quoted)]
    rows = [(line, n) for line, _, n in marked]
    # a line is marked when it names the other kind itself: an item under a lead-in that says whose examples follow
    # ("例子是母婴群的：") and a lead-in ending in a colon already read as that group's
    out = [f"{_with_note(cues.unpoint(line, next_section=alone), _own_kind(line, kind, question))} [{n}]"
           for line, kind, n in marked if not cues.scene_line(line, question)]
    return out + _scene_note(rows, question)


def _scene_note(rows: list[tuple[str, int]], question: str) -> list[str]:
    """The note that a section's lines written only for another setting (``compose.yaml``'s scene ``lines``: a
    step asking for the order number, for a question about an injury) were left out, citing the first of them;
    [] when none was."""
    cues = compose_cues()
    left = [(cues.scene_line(line.lstrip("\0"), question), n) for line, n in rows]
    left = [(label, n) for label, n in left if label]
    if not left or not cues.scene_line_note:
        return []
    return [cues.scene_line_note.format(scene=left[0][0], n=left[0][1])]


def section_lines(sections: list[SectionHit], citations: list[Citation], question: str = "",
                  lead: SectionHit | None = None) -> dict[tuple[str, str], list[str]]:
    """Each section's answer lines, each ending with its citation marker. The answering section ``lead``
    (default: the first) is given whole (:func:`_lead_lines`). An extra section: sentences a section before it
    already gave left out (:class:`Seen`; a note says so), examples from another kind of group left out when
    the section has method lines besides (a note names them), labelled when it has only examples, pointers to
    cards the answer lacks taken out; empty for an extra section that adds nothing."""
    cues = compose_cues()
    titles = {s.title for s in sections}
    seen = Seen()
    out: dict[tuple[str, str], list[str]] = {}
    lead = lead if lead is not None else (sections[0] if sections else None)
    lead_key = _key(lead) if lead is not None else None
    shown: set[str] = set()  # the kinds of group whose words a line printed above uses
    for sec in sections:
        alone = sum(s.source == sec.source for s in sections) == 1
        if _key(sec) == lead_key:
            out[lead_key] = _no_dangling(_lead_lines(sec, citations, question, alone))
            for line in out[lead_key]:
                seen.add(_cited(line)[0])
                shown |= example_cues().kinds_in(line)
            continue
        rows: list[tuple[str, int]] = []
        kinds: list[str] = []
        repeated = False
        scene_notes: list[str] = []
        for c in (c for c in citations if (c.source, c.section) == _key(sec)):
            lines, found = _part_lines(c.text, question, titles, alone, c.quoted)
            kinds += found
            off = [(line, c.n) for line in lines if cues.scene_line(line.lstrip("\0"), question)]
            scene_notes = scene_notes or _scene_note(off, question)
            for line in (line for line in lines if not cues.scene_line(line.lstrip("\0"), question)):
                other = line.startswith("\0")
                text = line.lstrip("\0")
                new = seen.new_part(text)
                if not new:
                    repeated = True
                    continue
                if new != text and (_is_item(text) and not _is_item(new) or _is_row(text)):
                    # a list item keeps its number even when its first sentence repeats, and a table's row its
                    # cells ("廣告：推銷、二維碼、拉人去別的群；刪除並私聊提醒" lost its action to a like step above)
                    new = text
                elif new != text and new.endswith(("；", ";")):
                    new = new[:-1] + "。"  # a sentence whose last clause repeats ends where it now ends
                rows.append(("\0" + new if other else new, c.n))
        # an example's lead-in ("几个例子：") is not a method line of its own
        method = [(t, n) for t, n in rows if not t.startswith("\0")
                  and not (example_cues().is_example(t) and t.endswith(("：", ":")))]
        # the question names no kind of group (每天发什么话题好): nothing tells the examples are another kind's, so
        # they stay, labelled, as in a section of examples; and a section's own list ("求助型：…", its items named
        # before a colon) stays whatever kind its examples are, labelled: it is the method, not an example
        rows = _core_items_kept(rows, question)
        if method and len(method) < len(rows) and not is_example(sec.section) \
                and example_cues().names_group(question):
            # the other groups' examples give way to the method (in a worked-example section the example is the
            # content: it stays, labelled with its kind, as below): one note after the section's lines, citing
            # where the first of them was (in its place the note split a list from its lead-in: "好例子：")
            # an example's lead-in whose examples are left out ("…接回主题，几个例子：") keeps only its method clause
            # an example of a kind the answer already printed above stays, labelled: a note that it was left out
            # would contradict the example above it (qa15r35: a running club's example shown, then "left out")
            rows = [(_kind_noted(t[1:], question), n) if t.startswith("\0") and example_cues().kinds_in(t) & shown
                    else (t, n) for t, n in rows]
            lines = [_trim_header(f"{t} [{n}]") if _led_off(rows, i) else f"{t} [{n}]"
                     for i, (t, n) in enumerate(rows) if not t.startswith("\0")]
            lines = [line for line in lines if line]
            first = next((n for t, n in rows if t.startswith("\0")), None)
            kinds = [k for k in kinds if k not in shown]
            if first is not None and kinds:  # (the rows besides the method may be only an example's lead-in)
                lines.append(cues.other_kind_note.format(kinds="、".join(dict.fromkeys(kinds)), n=first))
        else:
            # each example labelled once: an item under a labelled lead-in names no kind of its own
            lines = [f"{_kind_noted(t[1:], question)} [{n}]" if t.startswith("\0") else f"{t} [{n}]" for t, n in rows]
        lines = _no_dangling(lines) + scene_notes
        if method and repeated:
            lines.append(cues.repeat_note)
        # an extra that only repeats stays (dropping it lowered the old blind split) and says so
        out[_key(sec)] = lines if rows else ([cues.repeat_note] if repeated else [])
        for t, _ in rows:
            seen.add(t.lstrip("\0"))
        shown |= {k for line in out[_key(sec)] for k in example_cues().kinds_in(line)}
    return out


_CITED = re.compile(r"(.*?)(?: \[(\d+)\])?")


def _cited(line: str) -> tuple[str, str | None]:
    """An answer line's text without its closing citation (" [3]"), and that citation's number (None without one)."""
    m = _CITED.fullmatch(line)
    return (m.group(1), m.group(2)) if m else (line, None)


def _core_items_kept(rows: list[tuple[str, int]], question: str) -> list[tuple[str, int]]:
    """``rows`` with a section's own list taken back from the other kinds' examples (:func:`_part_lines` marks those
    with \\0): each list item that names what it is before a colon ("- 求助型：“宝宝一到晚上…”"), labelled with its
    kind when it names one (:func:`_kind_noted`), and the lead-in above such items."""
    out = list(rows)
    for i, (text, n) in enumerate(rows):
        named = re.match(r"\s*(\d+[.、]|[-*•] )\s*([^，。,.“”\"「」：:]{1,16})[：:]", text[1:])
        # an item whose name is another group ("- 跑步群里在聊火锅：…") is that group's example, not a list entry
        if text.startswith("\0") and named and not example_cues().kinds_in(named.group(2)):
            out[i] = (_kind_noted(text[1:], question), n)
            lead = next((j for j in range(i - 1, -1, -1) if not _is_item(out[j][0].lstrip("\0"))), None)
            if lead is not None and out[lead][0].startswith("\0"):
                out[lead] = (_kind_noted(out[lead][0][1:], question), out[lead][1])
    return out


def _trim_header(line: str) -> str:
    """A lead-in line ("…接回主题，几个例子：") without what it introduced: its last clause cut, ended as a sentence;
    "" when the line is only the lead-in."""
    text, n = _cited(line)
    head = re.split(r"[，,；;]", text.rstrip("：: "))[:-1]
    kept = "，".join(head).rstrip("，,；; ")
    if not kept:
        return ""
    return f"{kept}。" + (f" [{n}]" if n else "")


def _led_off(rows: list[tuple[str, int]], i: int) -> bool:
    """Whether row ``i`` is a lead-in ("几个例子：") all of whose examples are left out (marked with \\0): its next
    row is one, and so is every list item after it up to the next line that is not an item. A lead-in that keeps
    some of its items ("好例子：" whose first example, from another kind of group, gave way) stays as it is."""
    text = rows[i][0]
    if text.startswith("\0") or not text.endswith(("：", ":")) or i + 1 >= len(rows):
        return False
    if not rows[i + 1][0].startswith("\0"):
        return False
    block = []
    for t, _ in rows[i + 1:]:
        if not _is_item(t.lstrip("\0")):
            break
        block.append(t)
    return all(t.startswith("\0") for t in block)


def _no_dangling(lines: list[str]) -> list[str]:
    """A section's lines never end on a lead-in without what it introduces: a last line ending in a colon loses
    its last clause (:func:`_trim_header`) or goes."""
    while lines and _cited(lines[-1])[0].endswith(("：", ":")):
        last = _trim_header(lines[-1])
        lines = [*lines[:-1], last] if last else lines[:-1]
        if last:
            break
    return lines


class Lack(BaseModel):
    """One thing a question may say the asker lacks (``lacks.yaml``): how it is said, the words of an answer's line
    that needs it, and the note such a line gets."""

    name: str
    says: list[str]
    needs: list[str]
    note: str  # a step moved after the others
    mark: str  # a line left in place
    # a section whose title says so (常见误区) lists what not to do: "只有发红包时才有人说话" warns against the red
    # packet, it does not need one, so its lines get no note (qa15r40 i27)
    not_in: list[str] = []


class Lacks(BaseModel):
    lacks: list[Lack] = []

    def told(self, question: str) -> list[tuple[Lack, str]]:
        """The lacks ``question`` states, each with the first of its ``says`` found (as written in the file)."""
        text = fold(question)
        found = []
        for lack in self.lacks:
            said = next((w for w in lack.says if fold(w) in text), None)
            if said is not None:
                found.append((lack, said))
        return found


@lru_cache(maxsize=1)
def lack_cues() -> Lacks:
    return Lacks.model_validate(load_yaml(LACKS_FILE.read_text(encoding="utf-8")) or {})


_NUMBERED = re.compile(r"^(\d{1,2})\. ")
_CITE_END = re.compile(r"(\s*\[\d+\])$")


def lacking_last(lines: list[str], question: str, section: str = "") -> list[str]:
    """``lines`` (one section's cited lines) with each step that needs what the question says the asker lacks
    (``lacks.yaml``: "完全没有钱" and a step paying 报酬) noted, and moved after the other steps of its numbered
    list (renumbered; a list is a run of numbered lines with the same citation). Other lines keep their place and
    get the note. ``lines`` unchanged when the question states no lack, or ``section`` (its title) is one of the lack's
    ``not_in`` (a list of pitfalls names the need as what not to do)."""
    told = [(k, said) for k, said in lack_cues().told(question) if not any(w in section for w in k.not_in)]
    if not told or not lines:
        return lines

    def note(line: str, moved: bool = True) -> str | None:
        text = fold(line)
        lack = next(((k, said) for k, said in told if any(fold(w) in text for w in k.needs)), None)
        if lack is None:
            return None
        cite = _CITE_END.search(line)
        body, end = (line[:cite.start()], cite.group(1)) if cite else (line, "")
        said = (lack[0].note if moved else lack[0].mark).format(said=lack[1])
        return f"{body}{said}{end}"

    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _NUMBERED.match(lines[i]):
            out.append(note(lines[i], moved=False) or lines[i])
            i += 1
            continue
        cite = _CITE_END.search(lines[i])
        j = i
        while j < len(lines) and _NUMBERED.match(lines[j]) and _CITE_END.search(lines[j]) and cite \
                and _CITE_END.search(lines[j]).group(1) == cite.group(1):
            j += 1
        noted = [(line, note(line)) for line in lines[i:max(j, i + 1)]]
        kept = [line for line, moved_line in noted if moved_line is None]
        moved = [moved_line for _, moved_line in noted if moved_line is not None]
        start = int(_NUMBERED.match(noted[0][0]).group(1))
        out.extend(_NUMBERED.sub(f"{start + n}. ", line, count=1) for n, line in enumerate(kept + moved))
        i = max(j, i + 1)
    return out


def _short(statement: str) -> str:
    """A rule's statement up to its first comma or bracket: what the check itself tests."""
    return re.split(r"[，,（(]", statement, maxsplit=1)[0]


def name_check_lines(question: str, sections: list[SectionHit], index: KnowledgeIndex) -> list[str]:
    """The quoted group name of ``question`` ("群名叫「某某团购3群」好不好") checked against the rule book's name
    rules, when the answer gives a section of the card those rules cite (``compose.yaml``'s ``name_check``): the
    offline checks' verdicts, then the rules not checked (the group's positioning or a reader is needed), so the
    answer does not read as if it had judged the name from its general good and bad lists. [] otherwise."""
    cues = compose_cues().name_check
    name = cues.quoted(question)
    if not name or not cues.head or not sections:
        return []
    try:
        book = load_rules(index.settings.knowledge_dir)
    except RulesError:
        return []
    rules = [r for r in book.for_target("name") if r.applies_to == ["name"]]
    if not {r.card_id for r in rules} & {s.source for s in sections}:
        return []
    lines = [cues.head.format(name=name)]
    for rule in (r for r in rules if r.check.kind in cues.kinds):
        result = check_rule(rule, book, "name", [name], None)
        if result.passed is not None:
            line = cues.passed if result.passed else cues.failed
            lines.append(line.format(statement=_short(rule.statement), reason=result.reason))
    left = [_short(r.statement) for r in rules if r.check.kind in cues.unjudged_kinds]
    if left and cues.unjudged:
        lines.append(cues.unjudged.format(statements="；".join(dict.fromkeys(left))))
    return lines if len(lines) > 1 else []


def with_failed_rule_sections(question: str, sections: list[SectionHit], ranking: SectionRanking,
                              index: KnowledgeIndex) -> list[SectionHit]:
    """``sections`` with, when the answer checks the question's quoted group name (:func:`name_check_lines`) and one of
    the offline checks fails, the card section the failed rule cites (``rules.yaml``'s ``section``: 避坑清单 for a hyped
    name) in place of a runner-up from another card, if the ranking has that section: the answer then shows the advice
    its own verdict rests on, not 「衰退的常见原因」 beside 「长度与位置」 (qa15r41, round 59); a runner-up from another card
    is left out when a check failed and the ranking has no such section. Unchanged when every check passes. When the
    question says it asks about a name (``name_words``) and the name card is among the ranking's first ``depth``
    sections but does not lead, the failed rule's section leads instead (round 68: a near tie put 开群节奏 first)."""
    cues = compose_cues().name_check
    if not sections or not cues.quoted(question):
        return sections
    try:
        book = load_rules(index.settings.knowledge_dir)
    except RulesError:
        return sections
    lead = sections[0]
    name = cues.quoted(question)
    # the name rules' card: the lead's, or — when the question says it asks about a name — one of the ranking's first
    # sections (a hyped name's question can rank another card's section first by a hair)
    near = {s.source for s in ranking.sections[:cues.depth]} if any(w in question for w in cues.name_words) else set()
    rules = [r for r in book.for_target("name") if r.applies_to == ["name"] and r.check.kind in cues.kinds
             and (r.card_id == lead.source or r.card_id in near)]
    cited = [(r.card_id, r.section_ref) for r in rules if check_rule(r, book, "name", [name], None).passed is False]
    if not cited:
        return sections
    if all(card != lead.source for card, _ in cited):  # the verdict's own advice leads, its card's sections beside it
        first = next((s for s in ranking.sections if (s.source, s.section) in cited), None)
        if first is None:
            return sections
        return [first, *(s for s in sections if s.source == first.source and _key(s) != _key(first))][:MAX_SECTIONS]
    shown = {_key(s) for s in sections}
    hits = [s for s in ranking.sections if (s.source, s.section) in cited and _key(s) not in shown]
    # the lead stays first (the answer's fit and 相近 frame are its); a runner-up from another card gives way
    return [*(s for s in sections if s.source == lead.source), *hits[:1]][:MAX_SECTIONS]


def with_name_card_first(question: str, sections: list[SectionHit], ranking: SectionRanking,
                         index: KnowledgeIndex) -> list[SectionHit]:
    """``sections`` led by the name rules' card when the question asks for a verdict on the group name it quotes
    (:meth:`NameCheckCues.judges_name`: "群名叫『周末徒步小分队』合适吗") and another card leads: the card's best-ranked
    section among the ranking's first ``depth`` leads, with that card's other sections of the answer beside it. The
    quoted name's own words (小分队, 徒步) pulled 「群多大合适」 or 「开群节奏」 first though the question asks about the name
    (round 69). Unchanged when the name card leads already or is not among the first ``depth``."""
    cues = compose_cues().name_check
    if not sections or not cues.judges_name(question):
        return sections
    try:
        book = load_rules(index.settings.knowledge_dir)
    except RulesError:
        return sections
    cards = {r.card_id for r in book.for_target("name") if r.applies_to == ["name"]}
    if sections[0].source in cards:
        return sections
    first = next((s for s in ranking.sections[:cues.depth] if s.source in cards), None)
    if first is None:
        return sections
    return [first, *(s for s in sections if s.source == first.source and _key(s) != _key(first))][:MAX_SECTIONS]


def compose_offline(sections: list[SectionHit], citations: list[Citation], *, loose: bool = False,
                    question: str = "", lead: SectionHit | None = None) -> str:
    """The offline answer: each section named, then its parts whole and in order (steps first), every
    line cited (:func:`section_lines`: what an earlier section said is not repeated, other groups' examples
    give way to the method); ``loose`` (:func:`hedged`) first says the material does not speak to this directly."""
    kinds = {c.basis for c in citations}
    lines: list[str] = []
    if loose and sections:
        lines.append(decline_texts().not_direct.format(section="」「".join(s.label for s in sections)))
    if kinds == {"experience"}:
        lines.append(decline_texts().experience_only.format(note=EXPERIENCE_NOTE))
    given = section_lines(sections, citations, question, lead)
    for sec in sections:
        lines.append(f"依据：{sec.label}")
        if is_example(sec.section):
            lines.append(decline_texts().example_note)
        body = lacking_last(given.get(_key(sec), []), question, sec.section)
        by_n = {c.n: c for c in citations}
        last = None
        for line in body:
            n = re.search(r"\[(\d+)\]$", line)
            c = by_n.get(int(n.group(1))) if n else None
            if c is not None and c.n != last and kinds != {"experience"}:
                lines.append(_PART_HEADS.get(c.basis, _PART_HEADS["unmarked"]))
                last = c.n
            lines.append(line)
    return "\n".join(lines)


def is_example(section: str) -> bool:
    """Whether a section is a worked example (its heading names it so: ``examples.yaml``'s ``heading``),
    which an answer presents as one group's practice, not as the advice itself."""
    return any(cue in section for cue in example_cues().heading)


def _dedupe(lines: list[str]) -> list[str]:
    """Drop the repeated sentences that chunk overlap puts at the start of a document's next chunk."""
    seen: set[str] = set()
    out = []
    for line in lines:
        kept = [s for s in split_sentences(line) if s not in seen] if len(line) > 40 else [line]
        seen.update(split_sentences(line))
        if kept:
            out.append("".join(kept) if len(line) > 40 else line)
    return out


def offers_import(ranking: SectionRanking, asked_in: str) -> bool:
    """Whether a decline suggests importing the operator's own material: only for an in-domain question
    the cards do not cover: something near was found, the question is about a group (its scene is one of
    ``decline.yaml``'s ``import_scenes``), and it was not declined as a near miss (a personal, software or
    tax question) or for its scene. Not for a recipe, a family quarrel, a confession in a hobby group, or
    a question without Chinese: no material the operator could import would answer those."""
    if asked_in == "other" or not ranking.related():
        return False
    if ranking.near_miss or ranking.own or ranking.off_scene or ranking.off_object or ranking.off_wrapper:
        return False
    return ranking.scene in decline_texts().import_scenes


def handling_sections(ranking: SectionRanking, index: KnowledgeIndex | None) -> list[SectionHit]:
    """For a question declined for its wrapper that reports a member's question (有新人问…，我该怎么回答): the
    sections on how a group takes its members' topic questions (``decline.yaml``'s ``wrapped_handling_ask`` ranked),
    the operations question inside the wrapper; none otherwise."""
    ask = decline_texts().wrapped_handling_ask
    if index is None or not ask or not ranking.off_wrapper or ranking.asked is None or not ranking.asked.reported:
        return []
    found = index.search_sections(ask, k=SECOND_FROM)
    return found.sections[:MAX_SECTIONS] if found.covered else []


def named_sections(ranking: SectionRanking, handling: list[SectionHit] | None = None) -> list[SectionHit]:
    """The sections a decline names — in its text and in ``related`` alike: ``handling`` for a question declined for
    its wrapper; else the near sections, or, where the retrieval passed the threshold and the question was declined as
    a near miss, for its scene or object, the nearest one (something near was found: the decline names it rather than
    saying nothing is near)."""
    if ranking.off_wrapper:
        return list(handling or [])
    related = ranking.related()
    if not related and ranking.sections and ranking.confidence >= ranking.threshold:
        return [ranking.leading()]
    return related


def asks_health(asked: str, texts: DeclineTexts) -> bool:
    """Whether the folded question ``asked`` asks about a person's illness, medicine or diet (``health_words``), read
    without the phrases that speak of crops (``health_not``: 打药, 农药 — the 药 of a field, not of a patient)."""
    for phrase in texts.health_not:
        asked = asked.replace(fold(phrase), "")
    return any(fold(w) in asked for w in texts.health_words)


def decline_text(ranking: SectionRanking, asked_in: str = "zh-Hans", handling: list[SectionHit] | None = None) -> str:
    """What ``ask`` says when the material does not cover the question (both engines): the nearest
    sections by their Chinese names, if any, and what the operator can do. A question declined for its wrapper
    says what it asked about and offers ``handling`` (:func:`handling_sections`) in place of the nearest sections."""
    texts = decline_texts()
    lines = [texts.not_covered]
    if asked_in == "other":
        lines.append(texts.not_chinese)
    asked = fold(ranking.question)
    if texts.health_line and asks_health(asked, texts):
        lines.append(texts.health_line)  # a patient's question: whom to ask, besides "not covered"
    if ranking.off_wrapper and ranking.asked is not None:
        if texts.wrapped:
            lines.append(texts.wrapped.format(object=ranking.asked.text))
        if handling and texts.wrapped_handling:
            lines.append(texts.wrapped_handling)
            lines += [f"- {sec.label}" for sec in handling]
        return "\n".join(lines)
    related = named_sections(ranking)
    if related:
        lines.append(texts.related_head)
        lines += [f"- {sec.label}" for sec in related]
    elif asked_in != "other":
        lines.append(texts.nothing_near)
    if offers_import(ranking, asked_in):
        lines.append(texts.import_hint)
    return "\n".join(lines)


def _clean_markers(text: str, n_passages: int) -> str:
    return re.sub(r"\[(\d+)\]", lambda m: m.group(0) if 1 <= int(m.group(1)) <= n_passages else "", text)


def _cited_sections(text: str, citations: list[Citation], offered: list[SectionHit]) -> list[SectionRef]:
    """The sections an LLM answer cites, in the order it first cites them (the best one if none)."""
    by_n = {c.n: c for c in citations}
    keys = [(by_n[n].source, by_n[n].section) for n in map(int, re.findall(r"\[(\d+)\]", text)) if n in by_n]
    refs = {_key(s): _ref(s) for s in offered}
    ordered = [refs[k] for k in dict.fromkeys(keys) if k in refs]
    return ordered or [_ref(offered[0])]


def in_script(answer: Answer) -> Answer:
    """``answer`` with its text, citations and sections in its script (Traditional when asked so);
    ``source`` ids are kept as they are."""
    def conv(text: str) -> str:
        return to_script(text, answer.script)

    def ref(r: SectionRef) -> SectionRef:
        return r.model_copy(update={"title": conv(r.title), "section": conv(r.section)})

    cites = [c.model_copy(update={"title": conv(c.title), "section": conv(c.section), "text": conv(c.text),
                                  "cites": [conv(x) for x in c.cites]}) for c in answer.citations]
    return answer.model_copy(update={"answer": conv(answer.answer), "citations": cites,
                                     "sections": [ref(r) for r in answer.sections],
                                     "related": [ref(r) for r in answer.related]})


def _declined(question: str, ranking: SectionRanking, engine: str, script: str,
              notice: str | None = None, declined_by: str = "", index: KnowledgeIndex | None = None) -> Answer:
    # a non-answer cites nothing: the related sections are named in the text and in ``related`` (the same ones)
    handling = handling_sections(ranking, index)
    related = named_sections(ranking, handling)
    asked_in = question_script(question)
    return in_script(Answer(question=question, answer=decline_text(ranking, asked_in, handling), engine=engine,
                            citations=[], notice=notice, script=script, question_script=asked_in, covered=False,
                            direct=False,
                            suggest_import=offers_import(ranking, asked_in), confidence=ranking.confidence,
                            threshold=ranking.threshold, related=[_ref(s) for s in related],
                            declined_by=declined_by or ranking.declined_by, draft=draft_command(question)))


class Subjects(BaseModel):
    """The subject words of ``subjects.yaml`` and the line an answer opens with when its sections lack one."""

    terms: list[str] = []
    # other ways a question says a subject (合并成一个大群 says 合并群); the subject is still the word reported
    said_as: dict[str, list[str]] = {}
    note: str = ""


@lru_cache(maxsize=1)
def subjects() -> Subjects:
    return Subjects.model_validate(load_yaml(SUBJECTS_FILE.read_text(encoding="utf-8")) or {})


def missing_subject(question: str, citations: list[Citation], index: KnowledgeIndex) -> str:
    """The question's subject (a ``subjects.yaml`` word it says: 续费) that none of ``citations`` (the answer's
    sections, their titles and text) says, nor a synonym of it (``knowledge/synonyms.yaml``); the most specific one
    (highest IDF over the cards' sections) when several are missing; "" when every subject is there or the question
    names none. A renewal question answered from 群介绍写什么 is then labelled 相近, not 资料覆盖."""
    asked = fold(question)
    said_as = subjects().said_as
    found = [t for t in subjects().terms if fold(t) in asked or any(fold(w) in asked for w in said_as.get(t, []))]
    if not found or not citations:
        return ""
    said = fold("\n".join(f"{c.title}\n{c.section}\n{c.text}" for c in citations))
    expander = load_expander(index.settings.knowledge_dir)
    missing = [t for t in found
               if not any(fold(w) in said for w in (t, *expander.expand(t).terms) if w)]
    # a longer subject containing a shorter one that is said (截图外传 / 截图) is not missing on its own words
    missing = [t for t in missing if not any(o != t and o in t and o not in missing for o in found)]
    if not missing:
        return ""
    return max(missing, key=lambda t: (index.idf(fold(t)), len(t)))  # a word the cards never use weighs most


def with_subject_note(text: str, subject: str) -> str:
    """``text`` opened by the line saying the material has no section on ``subject`` (unchanged when "")."""
    return f"{subjects().note.format(subject=subject)}\n{text}" if subject and subjects().note else text


# a question longer than this is read as its main questions: the e5 model's cost grows faster than the text (attention),
# and a 5,577-character question took 65 s; the tuning questions are all far shorter, so none of them is cut
LONG_QUESTION_CHARS = 300
MAIN_QUESTION_CHARS = 200  # what the main questions of a long question may take together
_CLAUSE_PIECE = re.compile(r"[^，,。！？!?；;\n]+[，,。！？!?；;\n]*")
_CLAUSE_END = re.compile(r"[，,。！？!?；;\n]")


def main_question(question: str) -> str:
    """``question`` itself, or for one longer than :data:`LONG_QUESTION_CHARS` its main questions: each clause once
    (a pasted paragraph says the same thing many times), and when that is still long the clauses that ask
    (``parts.yaml``'s ``asks`` or a question mark), each with the clause told just before it, the last asks first,
    then the opening clauses that set the scene, up to :data:`MAIN_QUESTION_CHARS`, in the question's order."""
    if len(question) <= LONG_QUESTION_CHARS:
        return question
    pieces, seen = [], set()
    repeated = False  # the piece before this one repeated a clause already read (a pasted text said again)
    for piece in _CLAUSE_PIECE.findall(question):
        key = fold(piece.strip(" ，,。；;")).strip()
        # a pasted text cut off mid-clause ends on a fragment of a clause already read (群里最近有人天): not a clause
        if key and not _CLAUSE_END.search(piece) and any(k.startswith(key) for k in seen):
            continue
        if key and repeated and key not in seen:
            # the cut-off fragment glued onto the question typed after it (我是做亲子阅|这种人怎么处理): the fragment goes
            cut = _fragment_end(key, seen)
            if cut:
                piece, key = piece.strip()[cut:], key[cut:]
        repeated = key in seen
        if key and key not in seen:
            seen.add(key)
            pieces.append(piece.strip())
    if sum(map(len, pieces)) <= MAIN_QUESTION_CHARS:
        return "".join(pieces).rstrip("，,；; ")
    cues = parts_cues()
    asks = [i for i, p in enumerate(pieces) if cues.asks_in(fold(p)) or p.rstrip().endswith(tuple(cues.marks))]
    wanted = [j for i in reversed(asks) for j in (i, i - 1) if j >= 0] + list(range(len(pieces)))
    kept: set[int] = set()
    used = 0
    for i in wanted:
        if i in kept or (kept and used + len(pieces[i]) > MAIN_QUESTION_CHARS):
            continue
        kept.add(i)
        used += len(pieces[i])
    text = "".join(pieces[i] for i in sorted(kept))
    return _cut_at_clause(text, MAIN_QUESTION_CHARS * 2)  # one clause longer than the budget is cut too


def _fragment_end(key: str, seen: set[str]) -> int:
    """How many characters ``key`` (a clause right after a repeated one) opens with that are the cut-off start of a clause
    already read: at least two thirds of that clause and :data:`MIN_FRAGMENT` characters (群里有人|骂人 shares only
    an opening with 群里有人发广告), not all of ``key``; or any such start of :data:`MIN_FRAGMENT` characters when what
    follows it opens on the asker's own marker of the question (``parts.yaml``'s ``ask_markers`` within
    :data:`MARKER_LEAD` characters: 后来通过|所以我想问：… — a typed question starts there, round 59); 0 when none."""
    markers = [fold(m) for m in parts_cues().ask_markers if m]
    best = 0
    for k in seen:
        n = len(os.path.commonprefix([k, key]))
        if n >= len(key) or n < MIN_FRAGMENT:
            continue
        rest = key[n:]
        if 3 * n >= 2 * len(k) or any(0 <= rest.find(m) <= MARKER_LEAD for m in markers):
            best = max(best, n)
    return best


MIN_FRAGMENT = 4
MARKER_LEAD = 2  # a connective (所以, 那么) may come before the asker's marker of the question
QUOTE_RUN = 6  # a unit repeated more often than this in the quoted main question is shown this often and then …
_RUN = re.compile(r"(.{1,2}?)\1{%d,}" % QUOTE_RUN)


def quoted(read: str) -> str:
    """How the long question's note quotes its main question: a run of one character or two repeated many times
    (5,000 × 哈) shown :data:`QUOTE_RUN` times and then …, and at most :data:`MAIN_QUESTION_CHARS` characters, cut after
    a clause (or with … when no clause ends)."""
    text = _RUN.sub(lambda m: m.group(1) * QUOTE_RUN + "…", read)
    if len(text) <= MAIN_QUESTION_CHARS:
        return text
    cut = _cut_at_clause(text, MAIN_QUESTION_CHARS)
    return cut if len(cut) < MAIN_QUESTION_CHARS else cut + "…"


def _cut_at_clause(text: str, limit: int) -> str:
    """``text`` up to ``limit`` characters, cut after the last clause end within them (the quote in the answer's note
    then ends on a whole clause, not mid-phrase); cut at ``limit`` only when no clause ends in the first half."""
    if len(text) <= limit:
        return text.rstrip("，,；; ")
    head = text[:limit]
    ends = [m.end() for m in _CLAUSE_END.finditer(head)]
    cut = ends[-1] if ends and ends[-1] >= limit // 2 else limit
    return head[:cut].rstrip("，,；; ")


def stream_answer(question: str, index: KnowledgeIndex, engine: Engine, *, k: int = 5) -> Iterator[str | Answer]:
    """Yield answer text pieces as they arrive, then the final :class:`Answer`.

    The UI streams the pieces; the CLI only keeps the final object. Offline (or when the model fails,
    or when the cards do not cover the question) the whole answer arrives as one piece. A very long question is
    answered as its main questions (:func:`main_question`), and the answer opens by saying so.
    """
    # zero-width characters and a BOM are not part of what was asked, and a space or line break between two Chinese
    # clauses is the comma it stands for: every stage (clauses, scope, confidence) reads the question the same way
    question = clause_commas(strip_invisible(question).strip())
    read = main_question(question)
    if read == question:
        yield from _stream_answer(question, index, engine, k=k)
        return
    note = decline_texts().long_question.format(chars=len(question), read=quoted(read))
    first = True
    for piece in _stream_answer(read, index, engine, k=k):
        if isinstance(piece, Answer):
            text = to_script(note, piece.script) + "\n" + piece.answer if note else piece.answer
            yield piece.model_copy(update={"answer": text, "question": question})  # the question as it was asked
        else:
            yield (to_script(note, answer_script(read, engine.settings.script)) + "\n" + piece) \
                if first and note else piece
            first = False


def _safety_answer(question: str, kind: str, engine: Engine, script: str, index: KnowledgeIndex) -> Answer:
    """The fixed reply (``safety.yaml``) to a question about a person at risk, in both engines (no model call), then
    one line pointing at the card section on handling a crisis in the group (its public steps excepted): covered by
    that section, not quoting it, so never a direct answer."""
    cues = safety_cues().case(kind)
    source, section = cues.refer
    card = cards_by_id(index.settings.knowledge_dir).get(source)
    title = card.title if card is not None else source
    text = f"{cues.reply}\n{cues.refer_line.format(title=title, section=section)}"
    return in_script(Answer(question=question, answer=text, citations=[], engine=OFFLINE,
                            notice=None if engine.is_offline else cues.model_notice, script=script,
                            question_script=question_script(question), direct=False, safety=kind,
                            sections=[SectionRef(source=source, title=title, section=section)]))


def _stream_answer(question: str, index: KnowledgeIndex, engine: Engine, *, k: int = 5) -> Iterator[str | Answer]:
    script = answer_script(question, engine.settings.script)
    kind = safety_kind(question)
    if kind:  # a member at risk: the fixed safety reply, never an answer stitched from the cards
        answer = _safety_answer(question, kind, engine, script, index)
        yield answer.answer
        yield answer
        return
    ranking, mixed = ranked(question, index, k=max(k, LLM_SECTIONS))
    if not ranking.covered:
        answer = _declined(question, ranking, OFFLINE, script, index=index)
        if not engine.is_offline:
            answer = answer.model_copy(update={"notice": f"资料没有覆盖这个问题（{decline_reason(answer)}），没有调用模型"})
        yield answer.answer
        yield answer
        return
    notice = None
    if not engine.is_offline:
        offered = llm_sections(ranking)
        citations = section_citations(offered, index)
        citations = fit_to_budget(citations, engine.settings.llm_context_tokens // 2,
                                  cost=lambda c: count_tokens(c.text), overhead=20)
        prompt = load_prompt("ask", engine.settings.prompts_dir)
        passages = [{**c.model_dump(), "label": c.label} for c in citations]
        messages = prompt.render(question=question, passages=passages, script=script,
                                 safety=safety_cues().self_harm.reply)
        parts: list[str] = []
        try:
            deadline = engine.settings.llm_deadline
            stream = call_guarded(lambda: engine.chat_model.stream(messages), deadline)
            while True:
                chunk = call_guarded(lambda: next(stream, None), deadline)
                if chunk is None:
                    break
                piece = str(chunk.content)
                parts.append(piece)
                yield piece
            text = _clean_markers("".join(parts), len(citations)).strip()
            if text.startswith(LLM_NOT_COVERED):
                yield _declined(question, ranking, engine.name, script, declined_by="model")
                return
            if text:
                lacking = missing_subject(question, citations, index)
                text = with_subject_note(text, lacking)
                yield in_script(Answer(question=question, answer=text, citations=citations, engine=engine.name,
                                       script=script, question_script=question_script(question),
                                       confidence=ranking.confidence, threshold=ranking.threshold,
                                       sections=_cited_sections(text, citations, offered),
                                       fit=offered[0].fit, missing_subject=lacking,
                                       direct=not below_warn(offered[0].fit) and not lacking,
                                       draft=draft_command(question)))
                return
            notice = "模型返回为空；已改用离线引擎生成"
        except LLMUnavailable as exc:
            notice = f"{exc}；已改用离线引擎生成"
    # the steps that read the question read it as retrieval did: a Traditional one in Simplified (:func:`ask_form`), its
    # typos as the words they stand for (:meth:`KnowledgeIndex.as_meant`)
    asked_q = index.as_meant(ask_form(mixed.text if mixed is not None else question))
    part = second_part(asked_q, index)
    chosen = with_pointed(with_second_part(chosen_sections(ranking), asked_q, index, part), ranking, index)
    asked = ask_part(asked_q, ranking, index)
    asks = ask_map(asked_q, index, ranking)
    # a lead chosen for the situation the question states stays first (the ask's clause does not move it), unless the
    # asker marked what they ask ("我想问的是：…") and a section answers that
    stated = ranking.stated and not (asked.marked and asked.best is not None)
    sections = with_asks(chosen if stated else ask_leads(chosen, asked, asked_q), asks)
    led_by = lead_step(ranking, chosen, sections, asked)
    sections = without_padding(sections, ranking, named=[part.best, asked.best, *(a.best for a in asks)])
    sections = with_failed_rule_sections(question, sections, ranking, index)
    sections = with_name_card_first(question, sections, ranking, index)
    told = stated_situations().deciding(asked_q) if stated else None
    if told is not None and told.covers and sections:  # a member at risk: only the sections that answer it
        toward = {tuple(t) for t in told.toward}
        sections = [sections[0], *(s for s in sections[1:] if _key(s) in toward)]
    citations = section_citations(sections, index, advice_first=bool(told and told.advice_first))
    # the section moved to the front answers whole; else the ranking's lead does (wherever the card order put it)
    lead = sections[0] if sections and sections[0] is not chosen[0] else ranking.leading()
    basis = "stated" if stated else lead_basis(sections, lead, asked)
    warned = answer_hedged(ranking, sections, lead, asked, basis)
    # a lead the question's situation finds no word of (only the scorer's comparison among weak candidates put it
    # first) is given as near, not as covered
    # first: not when the ask clause alone picks that lead firmly (:func:`asked_firmly`) — the situation is then the
    # group's background (二手闲置、宠物用品), which a general section never names
    warned = warned or (bool(sections) and not asked_firmly(asked, sections[0])
                        and unmatched_situation(asked_q, sections[0], index))
    # the question's subject in none of the sections: said first, and the answer is not direct. That note already says
    # the sections are only near, so the general 相近 line is not stacked above it (one disclaimer, the specific one)
    lacking = missing_subject(asked_q, citations, index)
    text = compose_offline(sections, citations, loose=warned and not lacking, question=asked_q, lead=lead)
    if told is not None and told.note:  # a member at risk: our own safety line comes before the method
        text = f"{told.note}\n{text}"
    # a question that asks several things says ask by ask where it is answered; else a note names an ask left out
    # (one note per ask: the one naming where the material speaks to it, else the one saying nothing does — never both,
    # which told the operator "not found" and "see section X" of the same ask)
    # (nor a second-part note on words the named ask holds: "群主是不是有责任，我现在该怎么做" and its "我现在该怎么做")
    elsewhere = ask_elsewhere(sections, asked, asked_q)
    second = "" if elsewhere and part.text and fold(part.text).rstrip(ASK_TAIL) in fold(asked.text) \
        else part_left_out(sections, part, text, index)
    notes = [*(asks_lines(asks, sections) or [second, elsewhere or ask_left_out(sections, asked, part)]),
             outside_note(mixed)]
    notes = [*name_check_lines(question, sections, index), *notes]
    for left_out in notes:
        if left_out:
            text = f"{text}\n{left_out}"
    text = with_subject_note(text, lacking)  # after the notes: a part note still names the part its words are in
    answer = in_script(Answer(question=question, answer=text, citations=citations,
                              engine=OFFLINE, notice=notice, script=script, question_script=question_script(question),
                              confidence=ranking.confidence, threshold=ranking.threshold,
                              sections=[_ref(s) for s in sections], fit=answer_fit(ranking, sections, lead, asked, basis),
                              direct=not warned and not lacking, basis=basis, missing_subject=lacking,
                              led_by=led_by, safety_note=told.name if told is not None and told.note else "",
                              draft=draft_command(question)))
    if notice:
        yield f"\n（{notice}）\n"
    yield answer.answer
    yield answer


def answer_question(question: str, index: KnowledgeIndex, engine: Engine, *, k: int = 5) -> Answer:
    final: Answer | None = None
    for piece in stream_answer(question, index, engine, k=k):
        if isinstance(piece, Answer):
            final = piece
    assert final is not None
    return final

"""The shared drafting loop used by every agent.

retrieve card passages → (LLM) render the prompt file → ``invoke_structured`` → validate → run the
deterministic rule checks → ask for a revision with the failures stated (at most N rounds) →
result with the engine that produced it, the fallback notice, rule results and cited card ids.
The offline path composes drafts from the profile and the same passages and runs the same checks,
so both paths are judged by one rule implementation (:mod:`copilot.knowledge.checks`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from copilot.agents import compose as C
from copilot.config import Settings
from copilot.knowledge.cards import BASIS_LABELS, cards_by_id, seed_titles
from copilot.knowledge.checks import CheckResult, failures, run_checks
from copilot.knowledge.rules import RuleBook, load_rules
from copilot.llm import OFFLINE, Engine, LLMUnavailable, invoke_structured, run_with_fallback, schema_hint
from copilot.paths import load_resource
from copilot.profile import GroupProfile, aliases
from copilot.prompts import PromptError, load_prompt
from copilot.textnorm import fold, glyph_choices, to_local_traditional, to_script, to_simplified, tokenize
from copilot.tokens import count_tokens, fit_to_budget

_PLACEHOLDER = re.compile(r"\{[^{}\s]{1,10}\}")


class DraftError(ValueError):
    """The request cannot be drafted (e.g. promotion copy for a profile without products)."""


class Passage(BaseModel):
    """One card section's 资料 or 经验建议 text given to the model (and cited in the result)."""

    card: str
    title: str
    section: str
    text: str
    basis: str = "source"  # "source" (资料) or "experience" (经验建议: our own figures and advice)
    label: str = "资料"
    cites: list[str] = []  # 资料: the seed sections its markers name, by seed title


class DraftResult(BaseModel):
    target: str
    engine: str
    drafts: list[dict[str, Any]]
    checks: list[CheckResult]
    citations: list[str]
    notice: str | None = None
    prompt: str | None = None
    rounds: int = 0
    passages: list[Passage] = []
    script: str = "zh-Hans"

    @property
    def blocking(self) -> bool:
        """An error-severity rule failed: the drafts must not be posted as they are."""
        return bool(failures(self.checks, include_warn=False))

    @property
    def passed(self) -> bool:
        """No rule failed (warnings included); judge rules (None) do not count."""
        return not failures(self.checks)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "engine": self.engine,
            "drafts": self.drafts,
            "checks": [c.public() for c in self.checks],
            "citations": self.citations,
        }
        if self.notice:
            out["notice"] = self.notice
        out["target"] = self.target
        out["sources"] = [{"card": p.card, "section": p.section, "basis": p.basis, "label": p.label, "cites": p.cites}
                          for p in self.passages]
        if self.prompt:
            out["prompt"] = self.prompt
        return out


@dataclass
class Composed:
    """What an offline composer returns: the drafts and, when it wrote fewer than asked, why."""

    drafts: list[dict[str, Any]]
    shortfall: str | None = None
    notes: list[str] = field(default_factory=list)  # what the operator should know (e.g. topic bank used up)


@dataclass
class AgentSpec:
    """What distinguishes one drafting agent from another."""

    target: str  # rule target in rules.yaml
    prompt: str  # prompts/<prompt>.md
    schema: type[BaseModel]  # LLM output: a model with a ``drafts`` list
    cards: tuple[str, ...]  # cards always consulted, in priority order
    query: str  # retrieval words for picking card sections
    offline: Callable[[GroupProfile, list[Passage], dict[str, Any]], Composed]
    min_drafts: Callable[[dict[str, Any]], int] = field(default=lambda ctx: 1)
    # Extra structural problems of an LLM output (Chinese), e.g. days missing from a calendar.
    structure: Callable[[list[dict[str, Any]], dict[str, Any]], list[str]] = field(default=lambda drafts, ctx: [])


# -- retrieval --------------------------------------------------------------------------------
def retrieve_passages(
    book: RuleBook, spec: AgentSpec, profile: GroupProfile, knowledge_dir: Any, *, k: int = 4, budget: int = 1800
) -> list[Passage]:
    """Card sections that best match this agent and profile.

    Candidates come from the agent's own cards plus the cards the target's rules cite (a fixed,
    small set, so no embedding model is needed); sections are ranked by word overlap with the
    agent's query and the profile, at most two per card, within a token budget.
    """
    cards = cards_by_id(knowledge_dir)
    titles = seed_titles(knowledge_dir)
    ids: dict[str, None] = {}
    for cid in list(spec.cards) + [r.card_id for r in book.for_target(spec.target) if r.card_id]:
        if cid in cards:
            ids.setdefault(cid, None)
    query = set(tokenize(spec.query + " " + " ".join(profile.topics) + " " + (profile.type or "")))
    scored = []
    for rank, cid in enumerate(ids):
        card = cards[cid]
        for part in card.parts():  # each section's 资料 and 经验建议 are separate passages
            words = set(tokenize(part.section + " " + part.text))
            if not words:
                continue
            score = len(query & words) / math.sqrt(len(words)) + 0.3 / (1 + rank)
            scored.append((score, cid, card.title, part))
    scored.sort(key=lambda s: -s[0])
    per_card: dict[str, int] = {}
    capped = []  # at most two passages per card, best first
    for _, cid, title, part in scored:
        per_card[cid] = per_card.get(cid, 0) + 1
        if per_card[cid] <= 2:
            cites = [src.cite(titles) for r in part.refs if (src := cards[cid].source(r))]
            capped.append(Passage(card=cid, title=title, section=part.section, text=part.text, basis=part.basis,
                                  label=BASIS_LABELS[part.basis], cites=cites))
    return fit_to_budget(capped, budget, cost=lambda p: count_tokens(p.text), overhead=0, skip_oversized=True)[:k]


# -- script -----------------------------------------------------------------------------------
# In Traditional text 后 only survives in words for a queen/empress; OpenCC's s2tw leaves some
# "after" uses (進群后) unconverted, so they are fixed here.
@lru_cache(maxsize=1)
def _hou_keep() -> re.Pattern[str]:
    return re.compile("(" + "|".join(map(re.escape, load_resource("drafting/patterns.yaml")["hou_keep"])) + ")")


def _fix_hou(text: str) -> str:
    parts = _hou_keep().split(text)
    return "".join(p if i % 2 else p.replace("后", "後") for i, p in enumerate(parts))


def protected_strings(profile: GroupProfile | None, script: str) -> list[str]:
    """Profile strings that must come out exactly as the operator wrote them.

    The name, product names and schedule items are never converted. When the profile itself is
    written in the output script, the words of its positioning/audience/topics (places such as
    台北) are kept too, so OpenCC does not "correct" them (台北 → 臺北).
    """
    if profile is None:
        return []
    exact = [profile.name, profile.brand, *profile.locality_parts()] + [p.name for p in profile.products]
    exact += list(profile.schedule)
    exact += [piece for item in profile.schedule for piece in item.split()]
    events = profile.all_events()
    exact += [e.title for e in events] + [e.place for e in events] + [e.host for e in events]
    free = [profile.positioning, profile.audience, profile.threshold, *profile.topics, *profile.goals,
            profile.locality, profile.card_format, profile.purchase_path,
            *[e.signup for e in events], *[e.details for e in events]]
    blob = "".join(exact + free)
    out = [s.strip() for s in exact if s and s.strip()]
    if script == "zh-Hant" and to_simplified(blob) != blob:
        out += [s for s in free if s]
        # tokenize folds to Simplified: keep only words found verbatim in what the operator wrote
        out += [w for t in exact + free for w in tokenize(t, for_search=False, keep_stopwords=True)
                if len(w) >= 2 and w in t]
    return sorted(set(out), key=lambda w: (-len(w), w))  # longest first; a tie by text, not by set order


def operator_terms(profile: GroupProfile | None) -> list[str]:
    """The operator's own words (topics, and the words of the free-text fields and events): in
    Traditional output they get character conversion only, never regional rewording (数据分析 stays
    數據分析, not 資料分析), so the group's terms read as the operator wrote them."""
    if profile is None:
        return []
    events = profile.all_events()
    texts = [profile.positioning, profile.audience, profile.threshold, *profile.topics, *profile.goals,
             *[" ".join([e.title, e.place, e.details, e.signup]) for e in events]]
    words = {w for t in texts for w in tokenize(t, for_search=False) if len(w) >= 2} | set(profile.topics)
    return sorted(words, key=lambda w: (-len(w), w))  # longest first; a tie by text: the same drafts every run


def operator_glyphs(profile: GroupProfile, region: str) -> dict[str, str]:
    """Which glyph of each Traditional variant pair the drafts use: the group name's, else the one the
    operator writes more, else the region's (what OpenCC gives for 群 in this region)."""
    events = profile.all_events()
    written = " ".join([profile.positioning, profile.audience, profile.threshold, profile.card_format, *profile.topics,
                        *[" ".join([e.title, e.place, e.details, e.signup]) for e in events]])
    fallback = to_local_traditional("群里说线", region)
    return glyph_choices(profile.name, written) or glyph_choices(fallback, "")


def convert_script(value: Any, script: str, keep: list[str] | tuple[str, ...] = (), region: str = "tw",
                   terms: list[str] | tuple[str, ...] = (), glyphs: dict[str, str] | None = None) -> Any:
    """Convert every string in drafts to ``script`` (Traditional with the ``region``'s vocabulary,
    see :func:`copilot.textnorm.to_local_traditional`), keeping placeholders such as {昵称} literal
    and the ``keep`` strings (see :func:`protected_strings`) exactly as written."""
    if isinstance(value, str):
        def conv(t: str) -> str:
            return _fix_hou(to_local_traditional(t, region)) if script == "zh-Hant" else to_script(t, script)

        ph = _PLACEHOLDER.findall(value)
        text = conv(_PLACEHOLDER.sub("\ue000", value))
        if script == "zh-Hant":
            for w in terms:
                if (local := conv(w)) != (plain := _fix_hou(to_script(w, script))) and local in text:
                    text = text.replace(local, plain)
        for s in keep:
            for variant in {conv(s), conv(to_simplified(s)), to_script(s, script)} - {s}:
                if variant:
                    text = text.replace(variant, s)
        if script == "zh-Hant":  # one glyph of each variant pair per draft (群 or 羣, never both)
            for other, chosen in (glyphs or {}).items():
                text = text.replace(other, chosen)
        for p in ph:
            text = text.replace("\ue000", p, 1)
        return text
    if isinstance(value, list):
        return [convert_script(v, script, keep, region, terms, glyphs) for v in value]
    if isinstance(value, dict):
        return {k: convert_script(v, script, keep, region, terms, glyphs) for k, v in value.items()}
    return value


# -- plain words for seniors ------------------------------------------------------------------
_MEMBER_KEYS = ("text", "opening", "steps", "title")


def plain_words(value: Any, profile: GroupProfile) -> Any:
    """Member-facing text of a seniors' group with the template's jargon (打卡, 干货, 引流…) in plain
    words (``plain_words`` in audiences.yaml); the operator's own names and titles stay as written."""
    table = C.audience_table()["plain_words"]
    keep = sorted({s for s in [profile.name, profile.brand, *profile.topics, *(e.title for e in profile.all_events())]
                   if s and any(w in s for w in table)}, key=lambda w: (-len(w), w))

    def conv(text: str) -> str:
        parts = re.split("(" + "|".join(map(re.escape, keep)) + ")", text) if keep else [text]
        out = []
        for i, part in enumerate(parts):
            if i % 2 == 0:
                for word in sorted(table, key=len, reverse=True):
                    part = part.replace(word, str(table[word]))
            out.append(part)
        return "".join(out)

    if isinstance(value, list):
        return [plain_words(v, profile) for v in value]
    if isinstance(value, dict):
        return {k: (conv(v) if isinstance(v, str) else [conv(x) if isinstance(x, str) else x for x in v]
                    if isinstance(v, list) else v) if k in _MEMBER_KEYS else v for k, v in value.items()}
    return value


# -- banned words in the profile ---------------------------------------------------------------
_CLAUSE = re.compile(r"[^，,；;。、！!？?\n]+[，,；;。、！!？?\n]?")
_MIN_FACT_CHARS = 3  # a clause with fewer characters left once its hype phrase is out says nothing


def banned_words(book: RuleBook, target: str, profile: GroupProfile) -> list[str]:
    """Every word the lexicon rules forbid (folded), plus the profile's own ``banned``."""
    words: list[str] = []
    # Every target's lexicons: a welcome or a calendar has no hype rule of its own, but hype copied
    # there is just as wrong.
    for r in book.rules:
        if r.check.kind == "not_contains_lexicon":
            words += book.lexicon(*(r.check.params.get("lexicons") or []))
    words += list(profile.banned)
    return list(dict.fromkeys(fold(w) for w in words if w and w.strip()))


class _Scrubber:
    """Drops the clauses (or list items) of profile text that carry banned words, noting the words."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.found: dict[str, None] = {}

    def hits(self, text: str) -> list[str]:
        ft = fold(text)
        return [w for w in self.words if w in ft]

    def note(self, text: str) -> list[str]:
        h = self.hits(text)
        for w in h:
            self.found.setdefault(w, None)
        return h

    def text(self, text: str) -> str:
        if not text or not self.hits(text):
            return text
        return "".join(c for c in _CLAUSE.findall(text) if not self.note(c)).rstrip("，,；;、 ")

    def phrases(self, text: str) -> str:
        """``text`` with only the hype phrases taken out of each clause, so the fact around them stays
        ("腊肉预订最后一天" → "腊肉预订"); a clause with too little left ("名额有限") goes whole."""
        if not text or not self.hits(text):
            return text
        out = []
        for clause in _CLAUSE.findall(text):
            hit = self.note(clause)
            if not hit:
                out.append(clause)
                continue
            left = re.sub("|".join(map(re.escape, sorted(hit, key=len, reverse=True))), "", fold(clause))
            if len(re.sub(r"\W", "", left)) >= _MIN_FACT_CHARS:
                out.append(left)
        return "".join(out).rstrip("，,；;、 ")

    def items(self, items: list[str]) -> list[str]:
        return [it for it in items if not self.note(it)]


def drop_clauses(text: str, words: list[str]) -> str:
    """``text`` without the clauses that carry any of ``words`` (whole clauses: no broken sentences)."""
    return _Scrubber([fold(w) for w in words]).text(text)


def neutral_name(profile: GroupProfile, words: list[str]) -> str:
    """The group's name without its hype words ("杭州最强抱石群" → "杭州抱石群") when what is left still
    names the group's topic; else a plain name from the first topic ("抱石交流群"). Never a stand-in
    such as 本群, which reads as nonsense in a heading or a post."""
    left = re.sub("|".join(map(re.escape, sorted(words, key=len, reverse=True))), "", fold(profile.name)).strip(" -·|｜")
    if len(left) >= 4 and any(fold(t)[:2] in left for t in profile.topics):
        return left
    return f"{profile.topics[0]}交流群"


def clean_profile(profile: GroupProfile, words: list[str], target: str = "") -> tuple[GroupProfile, list[str]]:
    """The profile without the clauses that carry banned words, for offline composition.

    Offline templates quote the operator's positioning, audience and goals; copying "躺赚副业" into
    an intro would make the draft fail its own rules. Whole clauses are dropped (not single words,
    which would leave broken sentences); a hyped group name loses its hype words (:func:`neutral_name`;
    ignored when proposing names), and the notice asks the operator to rename the group.
    Returns the cleaned profile and the banned words that were found.
    """
    scrub = _Scrubber(words)
    update: dict[str, Any] = {}
    for key in ("positioning", "audience", "threshold", "tone"):
        if (cleaned := scrub.text(getattr(profile, key))) != getattr(profile, key):
            update[key] = cleaned
    for key in ("goals", "schedule"):
        if (kept := scrub.items(getattr(profile, key))) != getattr(profile, key):
            update[key] = kept
    topics = scrub.items(profile.topics)
    if topics != profile.topics:
        update["topics"] = topics or [re.sub("|".join(map(re.escape, words)), "", fold(profile.topics[0])) or "交流"]
    # events' and products' wording is quoted in notices and promotions: a clause with hype or false
    # urgency ("名额有限，先到先得", "赶紧报名") goes too. The group's own banned words stay: there the
    # operator forbids them ("不推销课程"), which the events' rules quote.
    own = {fold(w) for w in profile.banned}
    quoted = _Scrubber([w for w in words if w not in own])
    events = [e.model_copy(update={k: quoted.phrases(getattr(e, k)) for k in ("details", "signup")})
              if quoted.hits(e.details + " " + e.signup) else e for e in profile.events]
    if events != list(profile.events):
        update["events"] = events
    products = [p.model_copy(update={"description": quoted.phrases(p.description)}) if quoted.hits(p.description) else p
                for p in profile.products]
    if products != list(profile.products):
        update["products"] = products
    for w in quoted.found:
        scrub.found.setdefault(w, None)
    if profile.name and scrub.note(profile.name):
        update["name"] = "" if target == "name" else neutral_name(profile, words)
    if "positioning" in update and not update["positioning"]:
        update["positioning"] = "围绕" + "、".join((update.get("topics") or profile.topics)[:3]) + "的交流"
    if not scrub.found:
        return profile, []
    return profile.model_copy(update=update), list(scrub.found)


# -- the loop ---------------------------------------------------------------------------------
def problems_for_revision(book: RuleBook, results: list[CheckResult]) -> list[str]:
    """Failed checks phrased as revision instructions for the model."""
    out = []
    for r in failures(results):
        statement = book.get(r.rule_id).statement
        out.append(f"规则 {r.rule_id}（{statement}）未通过：{r.reason}")
    return out


def profile_vars(profile: GroupProfile, script: str) -> dict[str, Any]:
    """The profile as prompt variables: only keys the operator set, plus name/tone/script."""
    data = profile.model_dump(exclude_defaults=True)
    events = profile.all_events()
    if events:  # the structured events, old schedule lines included (cadence as its wording)
        data["events"] = [e.model_dump(exclude_defaults=True) for e in events]
        data.pop("schedule", None)
    data.setdefault("name", profile.name)
    data.setdefault("tone", "")
    if lacks := profile.platform_info().get("lacks"):  # a LINE group: no 禁言, no 群名片 — the drafts must not promise them
        labels = aliases()["capability_labels"]
        data["platform_lacks"] = "这个平台的群做不到：" + "；".join(labels[c] for c in lacks)
    data["script"] = script
    return data


@dataclass
class _Drafting:
    """One agent run's state: what the LLM path and the offline path record for the result."""

    spec: AgentSpec
    profile: GroupProfile
    book: RuleBook
    passages: list[Passage]
    context: dict[str, Any]
    script: str
    prompt_ref: str | None = None
    rounds: int = 0
    hype: list[str] = field(default_factory=list)
    shortfall: str | None = None
    notes: list[str] = field(default_factory=list)

    def offline(self) -> list[dict[str, Any]]:
        cleaned, self.hype = clean_profile(self.profile, banned_words(self.book, self.spec.target, self.profile),
                                           self.spec.target)
        composed = self.spec.offline(cleaned, self.passages, self.context)
        self.shortfall = composed.shortfall
        self.notes = composed.notes
        return composed.drafts

    def llm(self, eng: Engine, max_revisions: int) -> list[dict[str, Any]]:
        settings = eng.settings
        try:
            prompt = load_prompt(self.spec.prompt, settings.prompts_dir)
        except PromptError as exc:  # a broken prompt file must not crash drafting
            raise LLMUnavailable(f"提示词文件不可用（{exc}）") from exc
        self.prompt_ref = prompt.ref
        rules = [r for r in self.book.for_target(self.spec.target) if r.check.kind != "policy"]
        messages = prompt.render(
            profile=profile_vars(self.profile, self.script),
            passages=[p.model_dump() for p in self.passages],
            rules=[{"id": r.id, "statement": r.statement} for r in rules],
            schema=schema_hint(self.spec.schema),
            **{k: v for k, v in self.context.items() if k != "knowledge_dir"},
        )
        obj = invoke_structured(eng, messages, self.spec.schema, attempts=1 + max_revisions, validate=self.validate)
        return [d.model_dump() for d in obj.drafts]  # type: ignore[attr-defined]

    def validate(self, obj: BaseModel) -> list[str]:
        """Problems of one LLM reply, phrased as revision requests (structure first, then the rules)."""
        self.rounds += 1
        drafts = [d.model_dump() for d in obj.drafts]  # type: ignore[attr-defined]
        need = self.spec.min_drafts(self.context)
        problems = [f"需要至少 {need} 条草稿，只给了 {len(drafts)} 条"] if len(drafts) < need else []
        problems += self.spec.structure(drafts, self.context)
        return problems + problems_for_revision(self.book, run_checks(self.book, self.spec.target, drafts,
                                                                      self.profile, self.context))


def _notice(run: Any, d: _Drafting, checks: list[CheckResult], drafts: list[dict[str, Any]]) -> list[str]:
    """What the operator must know about this result, in the order it matters."""
    notes: list[str] = [run.notice] if run.notice else []
    failed = failures(checks, include_warn=False)
    if run.engine == OFFLINE and d.hype:
        what = "群名和档案" if d.profile.name and any(w in fold(d.profile.name) for w in d.hype) else "档案"
        notes.append(f"{what}里有夸大/催促/违规用语（{'、'.join(d.hype)}），离线草稿没有照抄这些说法"
                     + ("，群名暂用中性写法，建议改名（可用 copilot draft name）" if what == "群名和档案" else ""))
    if run.engine != OFFLINE and failed:
        notes.append(f"模型草稿经 {max(d.rounds - 1, 0)} 轮修改后仍有规则未通过：{'、'.join(r.rule_id for r in failed)}，"
                     "请人工修改后再发")
    elif failed:
        notes.append(f"离线草稿仍有规则未通过：{'、'.join(r.rule_id for r in failed)}，请人工修改后再发")
    notes += d.notes
    if (unread := d.profile.unparsed_schedule()) and d.spec.target in ("topics", "intro", "copy"):
        notes.append(f"固定安排（schedule）里有 {len(unread)} 条没看懂，没有排进去：{'；'.join(d.profile.schedule_problems())}"
                     "。请写成“每周三 21:00 真题精讲”“隔周日（2026-12-06起） 14:00 辅食分享”，或改用 events 字段")
    if (irregular := d.profile.cadence_notes()) and d.spec.target in ("topics", "intro", "copy"):
        notes.append("；".join(irregular))
    if (kinds := d.profile.kind_notes()) and d.spec.target in ("topics", "intro", "copy"):
        notes.append("；".join(kinds))
    if (guessed := d.profile.time_notes()) and d.spec.target in ("topics", "intro", "copy", "welcome"):
        notes.append("这些时间是按写法推断的，请核对：" + "；".join(guessed))
    want = d.context.get("n")
    if isinstance(want, int) and 0 < len(drafts) < want:
        notes.append(f"要求 {want} 条，只生成了 {len(drafts)} 条：{d.shortfall or '可用的素材不够，没有硬凑'}")
    return notes


def _checks_in_script(book: RuleBook, target: str, drafts: list[dict[str, Any]], profile: GroupProfile,
                      context: dict[str, Any], script: str) -> list[CheckResult]:
    checks = run_checks(book, target, drafts, profile, context)
    if script == "zh-Hans":
        return checks
    # reasons are read by the operator: same script as the drafts
    keep = protected_strings(profile, script)
    region = profile.region()
    terms = operator_terms(profile) if script == "zh-Hant" else []
    glyphs = operator_glyphs(profile, region) if script == "zh-Hant" else {}
    return [c.model_copy(update={"reason": convert_script(c.reason, script, keep, region, terms, glyphs)}) for c in checks]


def narrowed(result: DraftResult, drafts: list[dict[str, Any]], profile: GroupProfile, settings: Settings,
             context: dict[str, Any] | None = None) -> DraftResult:
    """``result`` with only ``drafts`` (some of its own), checked again: counts in the checks are the
    drafts the operator is shown, not the ones left out."""
    book = load_rules(settings.knowledge_dir)
    checks = _checks_in_script(book, result.target, drafts, profile, dict(context or {}), result.script)
    return result.model_copy(update={"drafts": drafts, "checks": checks})


def run_agent(
    spec: AgentSpec,
    profile: GroupProfile,
    engine: Engine,
    *,
    context: dict[str, Any] | None = None,
    max_revisions: int = 2,
) -> DraftResult:
    """Draft for ``spec.target`` with ``engine`` (falling back offline), check and cite."""
    settings = engine.settings
    book = load_rules(settings.knowledge_dir)
    d = _Drafting(spec, profile, book, retrieve_passages(book, spec, profile, settings.knowledge_dir),
                  dict(context or {}), profile.script or settings.script)
    run = run_with_fallback(engine, lambda eng: d.llm(eng, max_revisions), d.offline)
    if "senior" in C.audience_classes(profile):
        run.value = plain_words(run.value, profile)
    keep = protected_strings(profile, d.script)
    region = profile.region()
    terms = operator_terms(profile) if d.script == "zh-Hant" else []
    glyphs = operator_glyphs(profile, region) if d.script == "zh-Hant" else {}
    drafts = convert_script(run.value, d.script, keep, region, terms, glyphs)
    checks = _checks_in_script(book, spec.target, drafts, profile, d.context, d.script)
    notice = convert_script("；".join(_notice(run, d, checks, drafts)), d.script, keep, region, terms, glyphs) or None
    citations: dict[str, None] = {}
    for p in d.passages:
        citations.setdefault(p.card, None)
    for r in book.for_target(spec.target):
        if r.card_id:
            citations.setdefault(r.card_id, None)
    return DraftResult(
        target=spec.target,
        engine=run.engine,
        drafts=drafts,
        checks=checks,
        citations=list(citations),
        notice=notice,
        prompt=d.prompt_ref,
        rounds=d.rounds,
        passages=d.passages,
        script=d.script,
    )

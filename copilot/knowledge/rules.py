"""``knowledge/rules.yaml``: machine-checkable rules, each saying what it rests on.

The same rule objects drive the drafting agents (self-check and revision), moderation (rule ids on
verdicts) and the eval suite, so a rule is written once, with its id and its basis:

- ``basis: source`` — the rule follows from what a methodology source says. ``source`` names the card
  and the ``##`` section whose 资料 text supports it (loading checks that the card, the section and its
  资料 exist); ``ours`` says which part of the rule, such as a numeric threshold, is our own figure.
- ``basis: guardrail`` — our product rule (e.g. no hype words, no invented facts): ``reason`` gives
  the one-line reason and there is no seed citation; ``card`` (and ``section``) may name where a card
  explains it.

Rules that check the same thing against the same card section (for policy rules: the same action)
rest on the same basis; ``basis_note`` says why when one of them does not.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from copilot.knowledge.cards import Card, CardError, cards_stamp, load_cards
from copilot.paths import load_yaml
from copilot.validation import zh_problems

Target = Literal["name", "intro", "rules", "welcome", "topics", "copy", "moderation", "notes"]


class RuleSource(BaseModel, extra="forbid"):
    """Where a ``source`` rule's teaching is written: a card id and a ``##`` section heading of it."""

    card: str = Field(min_length=1)
    section: str = Field(min_length=1)


class Check(BaseModel):
    """A rule's check: ``kind`` names an implementation registered in :mod:`copilot.knowledge.checks`."""

    kind: str = Field(min_length=1)
    params: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, data: Any) -> Any:
        # YAML writes checks flat: {kind: max_chars, max: 16}
        if isinstance(data, dict) and "params" not in data:
            data = dict(data)
            kind = data.pop("kind", None)
            return {"kind": kind, "params": data}
        return data


class Rule(BaseModel, extra="forbid"):
    id: str = Field(pattern=r"^[a-z]+(\.[a-z0-9_]+)+$")
    statement: str
    applies_to: list[Target] = Field(min_length=1)
    check: Check
    severity: Literal["error", "warn"] = "error"
    basis: Literal["source", "guardrail"]
    source: RuleSource | None = None  # basis: source
    ours: str = ""  # basis: source — the part that is our own figure or addition, if any
    reason: str = ""  # basis: guardrail — why we hold drafts to it
    card: str = ""  # basis: guardrail — the card that explains it (optional)
    section: str = ""  # basis: guardrail — the ## section of ``card`` that explains it (optional)
    basis_note: str = ""  # why this rule's basis differs from a rule with the same check on the same section

    @property
    def section_ref(self) -> str:
        """The card section this rule is explained in (cited section, or a guardrail's own), or ``""``."""
        return self.source.section if self.source else self.section

    @property
    def check_key(self) -> str:
        """What the rule checks: its check kind, and for a policy rule the action it prescribes."""
        action = self.check.params.get("action")
        return f"{self.check.kind}:{action}" if action else self.check.kind

    @model_validator(mode="after")
    def _basis_fields(self) -> Rule:
        if self.basis == "source":
            if self.source is None:
                raise ValueError(f"规则 {self.id} 标为 basis: source，但没有写 source（卡片和小节）")
            if self.reason or self.card or self.section:
                raise ValueError(f"规则 {self.id} 标为 basis: source，reason/card/section 只用于 guardrail 规则")
        else:
            if self.source is not None:
                raise ValueError(f"规则 {self.id} 标为 basis: guardrail（我们自己的产品规则），不能引用资料 source")
            if not self.reason.strip():
                raise ValueError(f"规则 {self.id} 标为 basis: guardrail，需要用 reason 写一句理由")
            if self.ours:
                raise ValueError(f"规则 {self.id} 标为 basis: guardrail，整条都是我们的规则，不需要 ours")
            if self.section and not self.card:
                raise ValueError(f"规则 {self.id} 写了 section 却没有写 card")
        return self

    @property
    def card_id(self) -> str:
        """The card that explains this rule: the cited card, or a guardrail's ``card`` (may be empty)."""
        return self.source.card if self.source else self.card


class RuleBook(BaseModel):
    version: int = 1
    lexicons: dict[str, list[str]] = Field(default_factory=dict)
    rules: list[Rule]

    def for_target(self, target: str) -> list[Rule]:
        return [r for r in self.rules if target in r.applies_to]

    def get(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def lexicon(self, *names: str) -> list[str]:
        words: list[str] = []
        for n in names:
            words.extend(self.lexicons.get(n, []))
        return words


class RulesError(ValueError):
    pass


def citation_problems(book: RuleBook, cards: dict[str, Card]) -> list[str]:
    """Rules whose card or section does not exist, or whose cited section has no 资料 to rest on."""
    problems = []
    for rule in book.rules:
        if rule.card and rule.card not in cards:
            problems.append(f"规则 {rule.id} 的 card 指向不存在的卡片 {rule.card}")
        elif rule.section and rule.section not in cards[rule.card].sections():
            problems.append(f"规则 {rule.id} 的 section“{rule.section}”在卡片 {rule.card} 里不存在")
        if rule.source is None:
            continue
        card = cards.get(rule.source.card)
        if card is None:
            problems.append(f"规则 {rule.id} 引用的卡片 {rule.source.card} 不存在")
            continue
        kinds = card.sections().get(rule.source.section)
        if kinds is None:
            problems.append(f"规则 {rule.id} 引用的小节“{rule.source.section}”在卡片 {card.id} 里不存在"
                            f"（现有小节：{'、'.join(card.sections())}）")
        elif "source" not in kinds:
            problems.append(f"规则 {rule.id} 标为 basis: source，但卡片 {card.id} 的小节“{rule.source.section}”"
                            "只有经验建议、没有资料内容；请改引有资料的小节，或改为 basis: guardrail")
    return problems


def basis_problems(book: RuleBook) -> list[str]:
    """Rules that check the same thing (a policy rule: the same action) against the same card section but
    rest on different bases, when none of them says why in ``basis_note``."""
    groups: dict[tuple[str, ...], list[Rule]] = {}
    for rule in book.rules:
        # a moderation action is the same practice wherever a card describes it
        key = (rule.check_key,) if "action" in rule.check.params else (rule.check_key, rule.card_id, rule.section_ref)
        groups.setdefault(key, []).append(rule)
    problems = []
    for rules in groups.values():
        if len({r.basis for r in rules}) > 1 and not any(r.basis_note.strip() for r in rules):
            listed = "、".join(f"{r.id}（{r.basis}）" for r in rules)
            problems.append(f"规则 {listed} 做同样的检查、依据同一处，basis 却不同；请统一，或用 basis_note 说明原因")
    return problems


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float, stamp: tuple[tuple[str, float], ...]) -> RuleBook:
    """``mtime`` and ``stamp`` (the cards' files) are the cache key: an edit to either reloads."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
        book = RuleBook.model_validate(data)
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}：规则文件无效：{exc}") from exc
    except ValidationError as exc:
        reasons = "；".join(f"{key} {why}" for key, why in zh_problems(exc))
        raise RulesError(f"{path}：规则文件无效：{reasons}") from exc
    ids = [r.id for r in book.rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RulesError(f"{path}：规则 id 重复：{', '.join(dupes)}")
    for rule in book.rules:
        for name in [*(rule.check.params.get("lexicons", []) or []), *([rule.check.params["lexicon"]]
                                                                      if "lexicon" in rule.check.params else [])]:
            if name not in book.lexicons:
                raise RulesError(f"{path}：规则 {rule.id} 引用了不存在的词表 {name}")
    try:
        cards = {c.id: c for c in load_cards(path.parent)}
    except CardError as exc:
        raise RulesError(f"{path}：无法核对规则引用的卡片：{exc}") from exc
    problems = citation_problems(book, cards) + basis_problems(book)
    if problems:
        raise RulesError(f"{path}：" + "；".join(problems))
    return book


def load_rules(knowledge_dir: Path) -> RuleBook:
    """The rule book of ``knowledge_dir``; a ``source`` rule must cite an existing card section with 资料."""
    path = knowledge_dir / "rules.yaml"
    if not path.exists():
        raise RulesError(f"找不到规则文件 {path}")
    return _load(path, path.stat().st_mtime, cards_stamp(knowledge_dir))

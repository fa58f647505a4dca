"""``knowledge/rules.yaml``: machine-checkable rules distilled from the methodology.

The same rule objects drive the drafting agents (self-check and revision), moderation (rule ids on
verdicts) and the eval suite, so a rule is written once, with its id and its citation.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

Target = Literal["name", "intro", "rules", "welcome", "topics", "copy", "moderation", "notes"]


class RuleSource(BaseModel):
    card: str
    seed: str = ""
    section: str = ""


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


class Rule(BaseModel):
    id: str = Field(pattern=r"^[a-z]+(\.[a-z0-9_]+)+$")
    statement: str
    applies_to: list[Target] = Field(min_length=1)
    check: Check
    severity: Literal["error", "warn"] = "error"
    source: RuleSource


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


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> RuleBook:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        book = RuleBook.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise RulesError(f"{path}：规则文件无效：{exc}") from exc
    ids = [r.id for r in book.rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RulesError(f"{path}：规则 id 重复：{', '.join(dupes)}")
    for rule in book.rules:
        for name in rule.check.params.get("lexicons", []) or []:
            if name not in book.lexicons:
                raise RulesError(f"{path}：规则 {rule.id} 引用了不存在的词表 {name}")
    return book


def load_rules(knowledge_dir: Path) -> RuleBook:
    path = knowledge_dir / "rules.yaml"
    if not path.exists():
        raise RulesError(f"找不到规则文件 {path}")
    return _load(path, path.stat().st_mtime)

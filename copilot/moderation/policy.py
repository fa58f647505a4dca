"""What a group does about each label: actions, escalation ladders, exemptions, dry run.

The ladders follow the methodology (knowledge/rules.yaml, cards moderation-offtopic and
group-rules): an ad is deleted with a private reminder the first time, the second time within the
window the member is muted (24 h), the third time removed; off-topic chatter is only ever redirected
gently; spam gets a reminder then a short mute — except the kinds whose first offence is deleted
(resources/moderation/spam_kinds.yaml: chain letters, hoaxes, bargain/vote links); abuse is stopped at once
and escalates on repeat.
Each verdict cites the ``policy`` rules of rules.yaml that justify its action (:func:`rule_ids_for`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from copilot.knowledge.rules import load_rules
from copilot.moderation.labels import Action, Label
from copilot.paths import KNOWLEDGE_DIR, load_resource, load_yaml
from copilot.validation import zh_reason

# the escalation rule's action in rules.yaml: cited on repeat offences, the first-offence rule before
ESCALATION = "escalate_mute_then_remove"


class SpamKind(BaseModel):
    """A kind of spam (spam_kinds.yaml): the signals that make it, whether it needs a link, its first action."""

    kind: str
    signals: list[str]
    link: bool = False
    first: Action
    reason: str = ""


@lru_cache(maxsize=1)
def spam_kinds() -> tuple[SpamKind, ...]:
    """The kinds of spam in resources/moderation/spam_kinds.yaml, in the order they are tried."""
    return tuple(SpamKind.model_validate(k) for k in load_resource("moderation/spam_kinds.yaml")["kinds"])


def spam_kind(signal_names: set[str]) -> SpamKind | None:
    """The first kind whose signals the verdict carries (a ``link`` kind also needs the link signal)."""
    for k in spam_kinds():
        if signal_names & set(k.signals) and (not k.link or "link" in signal_names):
            return k
    return None


class Step(BaseModel):
    """One rung of a ladder: the action and, for mutes, how long."""

    action: Action
    mute_seconds: int = Field(0, ge=0)


class Policy(BaseModel):
    """A group's moderation policy (defaults follow the methodology cards)."""

    ladders: dict[Label, list[Step]] = Field(
        default_factory=lambda: {
            Label.AD: [Step(action=Action.DELETE), Step(action=Action.MUTE, mute_seconds=24 * 3600),
                       Step(action=Action.KICK)],
            Label.SPAM: [Step(action=Action.REMIND), Step(action=Action.MUTE, mute_seconds=600),
                         Step(action=Action.MUTE, mute_seconds=3600)],
            Label.ABUSE: [Step(action=Action.WARN), Step(action=Action.MUTE, mute_seconds=3600),
                          Step(action=Action.KICK)],
            Label.OFF_TOPIC: [Step(action=Action.REMIND)],
            Label.OK: [Step(action=Action.NONE)],
        }
    )
    spam_first: dict[str, Action] = Field(
        default_factory=lambda: {k.kind: k.first for k in spam_kinds()},
        description="各类刷屏（spam_kinds.yaml：chain / link / plea / flood）首次的处置，覆盖刷屏阶梯的第一级",
    )
    remove_scam_accounts: bool = Field(True, description="刚入群、头几条消息就发诈骗类引流（带单、荐股、在家赚钱…）的账号"
                                                        "直接移出（evidence.yaml scam_account）；false 时按广告阶梯处置")
    window_days: float = Field(30, gt=0, description="多少天内的违规计入升级次数")
    act_threshold: float = Field(0.7, ge=0, le=1, description="分数低于此值时只标记为人工复核（review）")
    exempt_users: list[str] = Field(default_factory=list, description="白名单用户（不处置）")
    exempt_roles: list[str] = Field(default_factory=lambda: ["owner", "admin"])
    dry_run: bool = Field(False, description="只记录判断，不执行处置、不累计违规次数")

    @field_validator("spam_first")
    @classmethod
    def _every_kind(cls, value: dict[str, Action]) -> dict[str, Action]:
        """A group that sets some kinds keeps the default for the others; an unknown kind is an error."""
        known = {k.kind: k.first for k in spam_kinds()}
        unknown = sorted(set(value) - set(known))
        if unknown:
            raise ValueError(f"未知的刷屏类别 {', '.join(unknown)}，可选：{' / '.join(known)}")
        return {**known, **value}

    def step_for(self, label: str, strikes_before: int) -> Step:
        """The ladder step for a member who already has ``strikes_before`` strikes for ``label``."""
        ladder = self.ladders.get(Label(label)) or [Step(action=Action.NONE)]
        return ladder[min(strikes_before, len(ladder) - 1)]

    def first_spam_step(self, kind: SpamKind | None) -> Step | None:
        """The step for a member's first spam of ``kind`` (spam_kinds.yaml), or None when this policy sets none."""
        if kind is None or kind.kind not in self.spam_first:
            return None
        return Step(action=self.spam_first[kind.kind])

    def is_exempt(self, user: str | None, role: str | None) -> bool:
        """Whitelisted users and roles (``Owner``/``owner`` alike: bot frameworks differ in case)."""
        roles = {r.strip().lower() for r in self.exempt_roles}
        return (user is not None and str(user) in self.exempt_users) or (role or "").strip().lower() in roles


class PolicyError(ValueError):
    """The policy file is malformed; the message lists the problems in Chinese."""


def load_policies(path: Path) -> dict[str, Policy]:
    """Per-group policies from a YAML file: ``default: {...}`` plus ``groups: {群号: {...}}``.

    Group entries override the default field by field (a group that only sets ``dry_run: true``
    keeps the default ladders). Returns ``{"": default, "<group>": policy, ...}``.
    """
    if not path.exists():
        raise PolicyError(f"找不到审核策略文件 {path}")
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise PolicyError(f"审核策略文件 {path} 不是合法 YAML：{exc}") from None
    if not isinstance(data, dict):
        raise PolicyError(f"审核策略文件 {path} 应为键值对象（default / groups）")
    base = data.get("default") or {}
    groups = data.get("groups") or {}
    if not isinstance(base, dict) or not isinstance(groups, dict):
        raise PolicyError(f"审核策略文件 {path}：default 和 groups 都应为键值对象")
    out: dict[str, Policy] = {}
    problems = []
    for key, override in [("", {}), *((str(g), o) for g, o in groups.items())]:
        if not isinstance(override, dict):
            problems.append(f"groups.{key} 应为键值对象")
            continue
        try:
            out[key] = Policy.model_validate({**base, **override})
        except ValidationError as exc:
            where = f"groups.{key}" if key else "default"
            problems += [f"{where}.{'.'.join(str(p) for p in e['loc'])}：{zh_reason(e)}" for e in exc.errors()]
    if problems:
        raise PolicyError(f"审核策略文件 {path} 有 {len(problems)} 处问题：\n- " + "\n- ".join(problems))
    return out


def group_policies(data_dir: Path) -> dict[str, Policy]:
    """The per-group policies in ``<data_dir>/moderation/policy.yaml``; none when there is no file.

    The one place that knows where the hook's policies live: the hook and the commands that must
    respect them (``moderation-prune`` and its strike windows) read them through this.
    """
    path = data_dir / "moderation" / "policy.yaml"
    return load_policies(path) if path.exists() else {}


def rule_ids_for(label: str, strikes_before: int, knowledge_dir: Path | None = None) -> list[str]:
    """Moderation policy rule ids from rules.yaml that justify acting on ``label``.

    Labels with two policy rules (ad, abuse) cite the first-offence rule the first time and the
    escalation rule (action ``escalate_mute_then_remove``) on repeats.
    """
    by_label = _policy_rules(str(knowledge_dir) if knowledge_dir else "")
    rules = by_label.get(label, [])
    if not rules:
        return []
    if len(rules) == 1:
        return [rules[0][0]]
    repeat = [rid for rid, act in rules if act == ESCALATION]
    first = [rid for rid, act in rules if act != ESCALATION]
    return (repeat or first)[:1] if strikes_before > 0 else (first or repeat)[:1]


@lru_cache(maxsize=4)
def _policy_rules(knowledge_dir: str) -> dict[str, list[tuple[str, str]]]:
    book = load_rules(Path(knowledge_dir) if knowledge_dir else KNOWLEDGE_DIR)
    out: dict[str, list[tuple[str, str]]] = {}
    for rule in book.rules:
        if rule.check.kind == "policy":
            out.setdefault(str(rule.check.params.get("label")), []).append(
                (rule.id, str(rule.check.params.get("action")))
            )
    return out

"""Assertions for eval cases: small, declarative checks on an agent's JSON output.

A case's ``assertions`` list holds mappings such as::

    - {kind: contains_any, path: drafts.*.name, values: [读书, 共读], each: true}
    - {kind: contains_all, path: joined, values: [加1元换购, 套装价]}
    - {kind: not_contains, path: drafts.*.text, values: [最后一天, 错过再等]}
    - {kind: regex, path: drafts.*.text, pattern: "\\{昵称\\}"}
    - {kind: length, path: drafts, min: 5, max: 5}            # list length, or text length for strings
    - {kind: json_schema, schema: {type: object, required: [drafts]}}
    - {kind: label_equals, path: label, value: ad}
    - {kind: threshold, path: metrics.f1.ad, op: ">=", value: 0.9}

The drafting cases use a shorthand, one key per assertion (``{contains_any: [..]}``,
``{regex: "..."}``, ``{length: {min, max}}`` per draft, ``{count: {min, max}}`` drafts), which
:meth:`Assertion.parse` turns into the same model.

``path`` walks dicts and lists with dots; ``*`` maps over a list. Text matching is done on folded
text (Simplified, half-width), so a zh-Hant output satisfies a Simplified expectation.
"""

from __future__ import annotations

import operator
import re
from typing import Any, Literal

import jsonschema
from pydantic import BaseModel, ConfigDict, Field

from copilot.evals.report import path_label
from copilot.textnorm import fold

Kind = Literal["contains_any", "contains_all", "not_contains", "regex", "length", "json_schema", "label_equals",
               "threshold"]
_OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "==": operator.eq, "!=": operator.ne}


class Assertion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Kind
    path: str = ""
    values: list[str] = Field(default_factory=list)
    pattern: str | None = None
    min: float | None = None
    max: float | None = None
    schema_: dict[str, Any] | None = Field(None, alias="schema")
    value: Any = None
    op: str = ">="
    each: bool = False  # for lists of texts: every item must satisfy (default: the joined text)

    @classmethod
    def parse(cls, data: Any, *, text_path: str = "joined", items_path: str = "texts",
              list_path: str = "drafts") -> Assertion:
        """Accept the full form (``{kind: ...}``) or the one-key shorthand of the drafting cases."""
        if isinstance(data, dict) and "kind" not in data and len(data) == 1:
            (key, value), = data.items()
            if key in {"contains_any", "contains_all", "not_contains"}:
                return cls(kind=key, path=text_path, values=[str(v) for v in value])
            if key == "regex":
                return cls(kind="regex", path=text_path, pattern=str(value))
            if key == "length":
                return cls(kind="length", path=items_path, each=True, min=value.get("min"), max=value.get("max"))
            if key == "count":
                return cls(kind="length", path=list_path, min=value.get("min"), max=value.get("max"))
        return cls.model_validate(data)

    def describe(self) -> str:
        target = path_label(self.path or "输出")
        if self.kind == "contains_all":
            return f"{target} 全部包含：{'/'.join(self.values)}"
        if self.kind == "contains_any":
            return f"{target} 包含其一：{'/'.join(self.values)}" + ("（每条）" if self.each else "")
        if self.kind == "not_contains":
            return f"{target} 不包含：{'/'.join(self.values)}"
        if self.kind == "regex":
            return f"{target} 匹配 /{self.pattern}/" + ("（每条）" if self.each else "")
        if self.kind == "length":
            return f"{target} 长度在 [{self.min}, {self.max}]"
        if self.kind == "json_schema":
            return "输出符合 JSON Schema"
        if self.kind == "label_equals":
            return f"{target} = {self.value}"
        return f"{target} {self.op} {self.value}"


class AssertionResult(BaseModel):
    name: str
    passed: bool
    reason: str


_MISSING = object()


def select(data: Any, path: str) -> Any:
    """Value at a dotted ``path``; ``*`` maps over lists; missing keys give ``_MISSING``."""
    if not path:
        return data
    current: Any = data
    parts = path.split(".")
    for i, part in enumerate(parts):
        if part == "*":
            if not isinstance(current, list):
                return _MISSING
            rest = ".".join(parts[i + 1 :])
            return [select(item, rest) for item in current]
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return _MISSING
    return current


def _texts(value: Any) -> list[str]:
    if value is _MISSING or value is None:
        return []
    if isinstance(value, list):
        out: list[str] = []
        for v in value:
            out.extend(_texts(v))
        return out
    if isinstance(value, dict):
        return [" ".join(str(v) for v in value.values())]
    return [str(value)]


def check(assertion: Assertion, output: Any) -> AssertionResult:
    """Evaluate one assertion; never raises (a broken assertion is a failed one, with the reason)."""
    name = assertion.describe()
    try:
        passed, reason = _check(assertion, output)
    except Exception as exc:  # a malformed case must show up as a failure, not crash the run
        passed, reason = False, f"断言无法执行：{type(exc).__name__}: {exc}"
    return AssertionResult(name=name, passed=passed, reason=reason)


def _check(a: Assertion, output: Any) -> tuple[bool, str]:
    value = select(output, a.path)
    if value is _MISSING and a.kind != "json_schema":
        return False, f"输出中没有 {a.path}"
    if a.kind in {"contains_any", "contains_all", "not_contains", "regex"}:
        raw = _texts(value)
        texts = [fold(t) for t in raw]
        if not texts:
            return False, f"{a.path or '输出'} 为空"
        units = texts if a.each else ["\n".join(texts)]
        if a.kind == "contains_any":
            words = [fold(v) for v in a.values]
            bad = [u for u in units if not any(w in u for w in words)]
            return (not bad, "都包含" if not bad else f"{len(bad)}/{len(units)} 条不含任何关键词：{bad[0][:40]}")
        if a.kind == "contains_all":
            missing = sorted({v for v in a.values if not all(fold(v) in u for u in units)})
            return (not missing, "都包含" if not missing else f"缺少：{'、'.join(missing)}")
        if a.kind == "not_contains":
            found = sorted({v for v in a.values if any(fold(v) in u for u in units)})
            return (not found, "未出现" if not found else f"出现了：{'、'.join(found)}")
        rx = re.compile(a.pattern or "")
        raw_units = raw if a.each else ["\n".join(raw)]
        # match the original or the folded text: a pattern may be written in either script
        bad = [u for u, r in zip(units, raw_units) if not (rx.search(u) or rx.search(r))]
        return (not bad, "都匹配" if not bad else f"{len(bad)}/{len(units)} 条不匹配：{bad[0][:40]}")
    if a.kind == "length":
        def in_range(n: int) -> bool:
            return (a.min is None or n >= a.min) and (a.max is None or n <= a.max)

        if a.each:  # every text's length, ignoring white space
            lengths = [len(re.sub(r"\s+", "", t)) for t in _texts(value)]
            bad = [n for n in lengths if not in_range(n)]
            return (bool(lengths) and not bad, f"长度 {lengths}" if bad or not lengths else "都在范围内")
        n = len(value) if isinstance(value, (list, str, dict)) else len(str(value))
        return in_range(n), f"长度 {n}"
    if a.kind == "json_schema":
        if a.schema_ is None:
            return False, "缺少 schema"
        target = output if value is _MISSING else value
        errors = sorted(jsonschema.Draft202012Validator(a.schema_).iter_errors(target), key=lambda e: list(e.path))
        return (not errors, "符合" if not errors else f"{len(errors)} 处不符：{errors[0].message[:80]}")
    if a.kind == "label_equals":
        return value == a.value, f"实际为 {value}"
    if a.kind == "threshold":
        fn = _OPS.get(a.op)
        if fn is None:
            return False, f"未知比较符 {a.op}"
        return bool(fn(float(value), float(a.value))), f"实际为 {value}"
    return False, f"未知断言类型 {a.kind}"

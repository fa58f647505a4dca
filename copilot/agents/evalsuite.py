"""``copilot eval drafts``: the drafting eval cases in ``evals/cases/drafts/*.yaml``.

Each case gives a profile (a file under ``examples/profiles/`` or an inline mapping), the agent
options, the rule ids that must pass, and assertions on the drafts' text:
``contains_any`` / ``contains_all`` / ``not_contains`` / ``regex`` / ``length`` (per draft) /
``count`` (number of drafts). Drafts are produced with the offline engine, so the suite is
deterministic and runs without a model; the rule pass rate must be 100%.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from copilot.knowledge.checks import draft_text
from copilot.paths import KNOWLEDGE_DIR
from copilot.textnorm import fold

ROOT = KNOWLEDGE_DIR.parent
CASES_DIR = ROOT / "evals" / "cases" / "drafts"
PROFILES_DIR = ROOT / "examples" / "profiles"


@dataclass
class CaseResult:
    id: str
    target: str
    rules_checked: int = 0
    rules_passed: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def load_cases(cases_dir: Path = CASES_DIR) -> list[dict[str, Any]]:
    cases = []
    for path in sorted(cases_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        target = data.get("target") or path.stem
        for case in data.get("cases", []):
            case = dict(case)
            case.setdefault("target", target)
            cases.append(case)
    return cases


def _profile(spec: Any):  # type: ignore[no-untyped-def]
    from copilot.profile import load_profile, profile_from_data

    if isinstance(spec, str):
        return load_profile(PROFILES_DIR / (spec if spec.endswith(".yaml") else f"{spec}.yaml"))
    return profile_from_data(spec, "inline")


def _assert(a: dict[str, Any], texts: list[str], joined: str) -> list[str]:
    problems = []
    f = fold(joined)
    if "contains_any" in a and not any(fold(w) in f for w in a["contains_any"]):
        problems.append(f"应包含其中之一：{a['contains_any']}")
    if "contains_all" in a:
        missing = [w for w in a["contains_all"] if fold(w) not in f]
        if missing:
            problems.append(f"缺少：{missing}")
    if "not_contains" in a:
        found = [w for w in a["not_contains"] if fold(w) in f]
        if found:
            problems.append(f"不应出现：{found}")
    if "regex" in a and not re.search(a["regex"], joined):
        problems.append(f"不匹配正则 {a['regex']}")
    if "length" in a:
        lo, hi = a["length"].get("min", 0), a["length"].get("max", 10**9)
        bad = [t for t in texts if not lo <= len(re.sub(r"\s+", "", t)) <= hi]
        if bad:
            problems.append(f"长度不在 {lo}-{hi}：{bad[:2]}")
    if "count" in a:
        lo, hi = a["count"].get("min", 0), a["count"].get("max", 10**9)
        if not lo <= len(texts) <= hi:
            problems.append(f"草稿条数 {len(texts)} 不在 {lo}-{hi}")
    return problems


def run_case(case: dict[str, Any], engine: Any) -> CaseResult:
    from copilot.agents import draft

    target = case["target"]
    res = CaseResult(id=case["id"], target=target)
    try:
        result = draft(target, _profile(case["profile"]), engine, **(case.get("options") or {}))
    except Exception as exc:  # a case that cannot run is a failed case, reported, not a crash
        res.problems.append(f"运行失败：{exc}")
        return res
    by_id = {c.rule_id: c for c in result.checks}
    for c in result.checks:
        if c.passed is None:
            continue
        res.rules_checked += 1
        res.rules_passed += bool(c.passed)
        if c.passed is False:
            res.problems.append(f"规则 {c.rule_id} 未通过：{c.reason}")
    for rid in case.get("must_pass", []):
        if rid not in by_id:
            res.problems.append(f"规则 {rid} 没有被检查")
    texts = [draft_text(d, target) for d in result.drafts]
    joined = "\n".join(texts + [json.dumps(result.drafts, ensure_ascii=False)])
    for a in case.get("assert", []) or []:
        res.problems += _assert(a, texts, joined)
    return res


def run_all(cases_dir: Path = CASES_DIR) -> list[CaseResult]:
    from copilot.config import get_settings
    from copilot.llm import get_engine

    engine = get_engine(get_settings(), prefer="offline")
    return [run_case(c, engine) for c in load_cases(cases_dir)]


def summary(results: list[CaseResult]) -> dict[str, Any]:
    checked = sum(r.rules_checked for r in results)
    passed = sum(r.rules_passed for r in results)
    per_target: dict[str, dict[str, int]] = {}
    for r in results:
        t = per_target.setdefault(r.target, {"cases": 0, "ok": 0})
        t["cases"] += 1
        t["ok"] += r.ok
    return {
        "cases": len(results),
        "cases_ok": sum(r.ok for r in results),
        "rule_pass_rate": round(passed / checked, 4) if checked else 0.0,
        "rules_checked": checked,
        "per_target": per_target,
        "failures": [{"id": r.id, "problems": r.problems} for r in results if not r.ok],
    }


def main(as_json: bool = False, k: int = 5) -> int:
    results = run_all()
    s = summary(results)
    if as_json:
        sys.stdout.write(json.dumps(s, ensure_ascii=False, indent=2) + "\n")
    else:
        print(f"起草评测：{s['cases_ok']}/{s['cases']} 个用例通过，规则通过率 {s['rule_pass_rate']:.1%}（共检查 {s['rules_checked']} 条）")
        for t, v in s["per_target"].items():
            print(f"  {t:8} {v['ok']}/{v['cases']}")
        for f in s["failures"]:
            print(f"  ✗ {f['id']}：" + "；".join(f["problems"][:3]))
    return 0 if s["cases_ok"] == s["cases"] and s["rule_pass_rate"] == 1.0 else 1

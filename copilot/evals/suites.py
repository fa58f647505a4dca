"""Suite adapters: each turns its dataset into case results and metrics for the runner.

- retrieval: ``evals/retrieval.jsonl`` — card-level recall@k and MRR; ``evals/retrieval/`` — ``ask`` on the
  tuning split (per question) and the locked split (totals only): section hit@3, answers built from an
  acceptable section, out-of-scope questions declined, in-scope questions wrongly declined.
- drafts: ``evals/cases/drafts/*.yaml`` — run the drafting agent, check the listed rules with the
  shared deterministic checker (:mod:`copilot.knowledge.checks`), the case assertions, and (with a
  model configured) the LLM judge for ``judge`` rules.
- moderation: ``evals/moderation/messages.jsonl`` — per-label precision/recall/F1, confusion matrix.
- notes: ``evals/notes/`` — the regression set (fact coverage, leaked noise, invented entities) and the
  new set's tuning and locked halves (facts, Q&A, to-dos, deadlines, noise, faithfulness).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from copilot.agents import draft
from copilot.evals import moderation as mod_eval
from copilot.evals import notes as notes_eval
from copilot.evals import profiles as profiles_eval
from copilot.evals.assertions import Assertion, check
from copilot.evals.evasions import run_evasions
from copilot.evals.judge import judge_rule
from copilot.evals.results import CaseResult, Check, EvalContext, SuiteResult
from copilot.evals.retrieval import AskReport, ask_split_files, evaluate, evaluate_ask, load_ask_cases, load_cases
from copilot.knowledge.checks import draft_text
from copilot.knowledge.index import get_index
from copilot.knowledge.rules import load_rules
from copilot.paths import EVALS_DIR, ROOT, load_yaml
from copilot.profile import GroupProfile, load_profile, profile_from_data


# -- retrieval ----------------------------------------------------------------------------------
def run_retrieval(ctx: EvalContext) -> SuiteResult:
    index = get_index(ctx.settings)
    cases = load_cases(EVALS_DIR / "retrieval.jsonl")
    report = evaluate(index, cases, k=10)
    rows = []
    recall_at: dict[int, float] = {}
    for k in (1, 3, 5, 10):
        recall_at[k] = round(sum(
            len(set(r.retrieved[:k]) & set(r.relevant)) / len(set(r.relevant)) for r in report.results
        ) / max(1, report.n), 4)
    for r in report.results:
        ok = r.hit_rank is not None and r.hit_rank <= 5
        rows.append(CaseResult(suite="retrieval", id=r.id, passed=ok, checks=[
            Check(name="前 5 条命中相关卡片", passed=ok, reason=f"期望 {r.relevant}，得到 {r.retrieved[:5]}")]))
    metrics = {"n": report.n, "recall_at_5": recall_at[5], "mrr": report.mrr,
               "recall_at": {str(k): v for k, v in recall_at.items()}, "by_script_recall_at_10": report.by_script}
    files = {name: v for name, v in ask_split_files(EVALS_DIR / "retrieval").items() if ctx.wanted("retrieval", name)}
    splits = {name: evaluate_ask(index, ctx.engine, load_ask_cases(path)) for name, (_, path) in files.items()}
    for name, split in splits.items():
        metrics[name] = split.totals()
    for name, (half, _) in files.items():
        if half == "tuning":  # a locked split is scored, never listed
            rows += _ask_rows(splits[name], ctx.engine.name, prefix="ask" if name == "tuning" else f"ask/{name}")
    charts = {"recall@k": [(f"k={k}", v) for k, v in recall_at.items()]}
    for name in files:
        totals = metrics[name]
        charts[f"问答（{name}）"] = [(k, totals[k]) for k in ASK_METRICS]
    return SuiteResult(suite="retrieval", metrics=metrics, cases=rows, charts=charts)


ASK_METRICS = ("section_hit_at_3", "answer_section_rate", "oos_decline_rate", "false_decline_rate")


def _ask_rows(report: AskReport, engine: str, prefix: str = "ask") -> list[CaseResult]:
    rows = []
    for r in report.results:
        if r.in_scope:
            checks = [Check(name="前 3 个小节里有可接受的", passed=bool(r.hit_at_3), reason=f"得到 {r.top3}"),
                      Check(name="回答依据可接受的小节", passed=bool(r.answer_ok),
                            reason=f"依据 {r.answer_sections}" if r.covered else f"被拒答（置信度 {r.confidence:.3f}）")]
        else:
            checks = [Check(name="范围外的问题被拒答", passed=not r.covered,
                            reason=f"置信度 {r.confidence:.3f}，" + ("已拒答" if not r.covered else f"却回答了：{r.answer_sections}"))]
        rows.append(CaseResult(suite="retrieval", id=f"{prefix}/{r.id}", passed=r.passed, checks=checks, engine=engine))
    return rows


# -- drafts -------------------------------------------------------------------------------------
class DraftCase(BaseModel):
    """One drafting eval case (format: evals/README.md)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str
    target: str
    profile: str | dict[str, Any]
    options: dict[str, Any] = Field(default_factory=dict)
    must_pass: list[str] = Field(default_factory=list)
    assertions: list[Any] = Field(default_factory=list, alias="assert")
    script: str | None = None
    note: str = ""

    def parsed_assertions(self) -> list[Assertion]:
        return [Assertion.parse(a) for a in self.assertions]


def load_draft_cases(folder: Path = EVALS_DIR / "cases" / "drafts") -> list[DraftCase]:
    """Cases from every YAML file: ``target`` at the top applies to all ``cases`` in the file."""
    cases: list[DraftCase] = []
    for path in sorted(folder.glob("*.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        target = data.get("target", path.stem)
        for item in data.get("cases", []):
            try:
                case = DraftCase.model_validate({"target": target, **item})
                case.parsed_assertions()
            except ValueError as exc:
                raise ValueError(f"{path.name}：用例 {item.get('id', '?')} 无效：{exc}") from exc
            cases.append(case)
    ids = [c.id for c in cases]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ValueError(f"起草用例 id 重复：{', '.join(sorted(dupes))}")
    return cases


def _profile_for(case: DraftCase) -> GroupProfile:
    """An inline mapping, an example name (examples/profiles/<name>.yaml) or a path from the repo root."""
    if isinstance(case.profile, dict):
        return profile_from_data(case.profile, case.id)
    spec = case.profile
    if "/" not in spec:
        spec = f"examples/profiles/{spec if spec.endswith('.yaml') else spec + '.yaml'}"
    path = Path(spec)
    return load_profile(path if path.is_absolute() else ROOT / path)


def run_drafts(ctx: EvalContext) -> SuiteResult:
    book = load_rules(ctx.settings.knowledge_dir)
    cases = load_draft_cases()
    rule_tally: dict[str, list[bool]] = {}

    def one(case: DraftCase) -> CaseResult:
        started = time.perf_counter()
        try:
            profile = _profile_for(case)
            if case.script:
                profile = profile.model_copy(update={"script": case.script})
            result = draft(case.target, profile, ctx.engine, **case.options)
        except Exception as exc:  # an agent crash is a failed case with its reason
            return CaseResult(suite="drafts", id=case.id, passed=False, error=f"{type(exc).__name__}: {exc}",
                              seconds=round(time.perf_counter() - started, 3))
        output = result.to_json()
        texts = [draft_text(d, case.target) for d in result.drafts]
        output["texts"] = texts
        output["joined"] = "\n".join(texts + [json.dumps(result.drafts, ensure_ascii=False)])
        by_rule = {c.rule_id: c for c in result.checks}
        checks: list[Check] = []
        for rule_id in case.must_pass:
            c = by_rule.get(rule_id)
            if c is None:
                checks.append(Check(name=rule_id, passed=False, reason="该规则没有被检查（规则 id 写错或不适用于此类草稿）"))
            elif c.passed is None and ctx.judge:
                verdict = judge_rule(ctx.engine, book.get(rule_id), case.target, output["drafts"])
                reason = verdict.error or f"LLM 评审（{verdict.model}）{verdict.score} 分：{verdict.reason}"
                checks.append(Check(name=rule_id, passed=verdict.passed if verdict.error is None else False,
                                    reason=reason))
            else:
                checks.append(Check(name=rule_id, passed=c.passed, reason=c.reason))
        # every deterministic rule the agent checked also counts towards the per-rule pass rate
        for c in result.checks:
            if c.passed is not None:
                rule_tally.setdefault(c.rule_id, []).append(bool(c.passed))
        checks += [Check(name=r.name, passed=r.passed, reason=r.reason)
                   for r in (check(a, output) for a in case.parsed_assertions())]
        passed = all(c.passed is not False for c in checks) and all(c.passed is not None for c in checks
                                                                    if c.name in case.must_pass and ctx.judge)
        for c in result.checks:  # a failing deterministic rule fails the case even if not listed
            if c.passed is False and c.rule_id not in case.must_pass:
                checks.append(Check(name=c.rule_id, passed=False, reason=c.reason))
        passed = all(c.passed is not False for c in checks) and passed
        return CaseResult(suite="drafts", id=case.id, passed=passed, checks=checks, engine=result.engine,
                          seconds=round(time.perf_counter() - started, 3), output=output)

    rows = ctx.map(one, cases)
    per_rule = {rid: round(sum(v) / len(v), 4) for rid, v in sorted(rule_tally.items())}
    all_checks = [ok for v in rule_tally.values() for ok in v]
    per_agent: dict[str, list[bool]] = {}
    for case, row in zip(cases, rows):
        per_agent.setdefault(case.target, []).append(row.passed)
    metrics = {
        "n": len(rows),
        "case_pass_rate": round(sum(r.passed for r in rows) / max(1, len(rows)), 4),
        "rule_pass_rate": round(sum(all_checks) / max(1, len(all_checks)), 4),
        "per_rule": per_rule,
        "per_agent": {a: round(sum(v) / len(v), 4) for a, v in per_agent.items()},
        "cases_per_agent": {a: len(v) for a, v in per_agent.items()},
    }
    return SuiteResult(suite="drafts", metrics=metrics, cases=rows,
                       charts={"各规则通过率": list(per_rule.items())})


# -- moderation ---------------------------------------------------------------------------------
def run_moderation(ctx: EvalContext) -> SuiteResult:
    """Per-label P/R/F1 and the confusion matrix of the offline layers on our labelled set.

    With ``--engine llm`` the same set runs with the configured model as the judge for the
    uncertain band (the offline verdict stands when the judge fails).
    """
    rows = mod_eval.load_set()
    engine = None if ctx.engine.is_offline else ctx.engine
    report = mod_eval.run_set(rows, engine=engine)
    errors = {e["id"]: e for e in report["errors"]}
    cases = []
    for row in rows:
        err = errors.get(row["id"])
        reason = f"期望 {row['label']}" + (f"，判为 {err['pred']}：{err['reason']}" if err else "")
        cases.append(CaseResult(suite="moderation", id=str(row["id"]), passed=err is None, engine=ctx.engine.name,
                                checks=[Check(name="label_equals", passed=err is None, reason=reason)]))
    labels = mod_eval.LABELS
    metrics: dict[str, Any] = {"n": report["n"], "accuracy": report["accuracy"],
                               "messages_per_s": round(report["n"] / max(report["seconds"], 1e-6), 1)}
    metrics.update(report["per_label"])
    metrics["slices"] = {k: v["accuracy"] for k, v in report["slices"].items()}
    metrics["confusion"] = {"labels": labels,
                            "matrix": [[report["confusion"][g][p] for p in labels] for g in labels]}
    qq = mod_eval.qq_heldout()
    if qq:
        metrics["qq_ads_heldout"] = qq
    # new groups' messages: tuned on one half, the locked half only scored (aggregates, no cases)
    metrics["splits"] = {name: mod_eval.split_figures(f"{name}.jsonl") for name in ("tuning", "locked")}
    hostile = run_evasions()
    metrics["evasions"] = {k: v for k, v in hostile.items() if k != "missed"}
    cases += [CaseResult(suite="moderation", id=f"evasion/{rid}", passed=False, engine="offline",
                         checks=[Check(name="hostile_input_caught", passed=False, reason="伪装的广告/刷屏没有识别出来")])
              for rid in hostile["missed"]]
    charts = {"各标签 F1": [(lab, report["per_label"][lab]["f1"]) for lab in labels]}
    return SuiteResult(suite="moderation", metrics=metrics, cases=cases, charts=charts)


# -- notes --------------------------------------------------------------------------------------
def _old_notes_case(ctx: EvalContext, item: tuple[str, dict[str, Any]]) -> CaseResult:
    name, expected = item
    started = time.perf_counter()
    try:
        row = notes_eval.score_file(notes_eval.NOTES_EVAL_DIR / name, expected, ctx.settings, ctx.engine)
    except Exception as exc:
        return CaseResult(suite="notes", id=name, passed=False, error=f"{type(exc).__name__}: {exc}")
    checks = [
        Check(name="事实覆盖", passed=row["coverage"] >= notes_eval.MIN_COVERAGE,
              reason=f"{row['coverage']:.0%}" + (f"，缺少：{'、'.join(row['missing'])}" if row["missing"] else "")),
        Check(name="没有泄漏噪声", passed=not row["leaked"], reason="、".join(map(str, row["leaked"])) or "无"),
        Check(name="没有编造实体", passed=not row["invented"], reason="、".join(row["invented"]) or "无"),
        Check(name="引用有效", passed=not row["bad_citations"], reason="；".join(row["bad_citations"][:3]) or "全部有效"),
        Check(name="结构（类型/主讲/主持）", passed=row["structure_ok"], reason="正确" if row["structure_ok"] else "不符"),
    ]
    return CaseResult(suite="notes", id=name, passed=notes_eval.passed(row) and row["structure_ok"],
                      checks=checks, engine=row["engine"], seconds=round(time.perf_counter() - started, 3),
                      output={k: row[k] for k in ("coverage", "action_recall", "invented", "leaked")})


def _tuning_case(score: notes_eval.ChatScore) -> CaseResult:
    """A tuning chat with what its notes missed (the tuning half is for reading)."""
    if score.error:
        return CaseResult(suite="notes", id=f"tuning/{score.file}", passed=False, error=score.error)
    checks = [Check(name=label, passed=not score.misses.get(kind), reason="；".join(score.misses.get(kind, []))[:300] or "全部找到")
              for kind, label in notes_eval.MISS_LABELS]
    checks += [Check(name="没有泄漏噪声", passed=not score.leaked, reason="、".join(score.leaked) or "无"),
               Check(name="没有编造实体", passed=not score.invented, reason="、".join(score.invented) or "无"),
               Check(name="数字在所引消息里", passed=not score.miscited, reason="；".join(score.miscited) or "无")]
    return CaseResult(suite="notes", id=f"tuning/{score.file}", passed=all(c.passed for c in checks), checks=checks,
                      engine=score.engine, seconds=score.seconds)


def _locked_case(metrics: dict[str, Any], name: str = "locked") -> CaseResult:
    """The locked half as one case of aggregate figures: which locked chats fail is never shown."""
    checks = [Check(name=f"{label} ≥ {target}", passed=(metrics.get(key) or 0) >= target, reason=str(metrics.get(key)))
              for key, label, target in notes_eval.TARGETS]
    checks += [Check(name=label, passed=metrics.get(key) == 0, reason=str(metrics.get(key)))
               for key, label in (("leaked_noise", "没有泄漏噪声"), ("invented_entities", "没有编造实体"))]
    return CaseResult(suite="notes", id=f"{name}（只报总数）", passed=all(c.passed for c in checks), checks=checks)


def run_notes(ctx: EvalContext) -> SuiteResult:
    """The regression set (fact coverage, leaked noise, invented entities per transcript), then the
    new set's tuning half (per chat) and locked half (aggregate figures only)."""
    spec = load_yaml((notes_eval.NOTES_EVAL_DIR / "expected.yaml").read_text(encoding="utf-8"))
    rows = ctx.map(lambda item: _old_notes_case(ctx, item), list(spec.items()))
    outs = [r.output or {} for r in rows]
    n = max(1, len(outs))
    metrics: dict[str, Any] = {
        "n": len(rows),
        "fact_coverage": round(sum(o.get("coverage", 0.0) for o in outs) / n, 4),
        "action_recall": round(sum(o.get("action_recall", 0.0) for o in outs) / n, 4),
        "invented_entities": sum(len(o.get("invented", [])) for o in outs),
        "leaked_noise": sum(len(o.get("leaked", [])) for o in outs),
        "structure_ok": sum(1 for r in rows for c in r.checks if c.name.startswith("结构") and c.passed),
    }
    charts = {"各文件事实覆盖": [(r.id, (r.output or {}).get("coverage", 0.0)) for r in rows]}
    if (notes_eval.TUNING_DIR / "expected.yaml").exists():
        tuning = notes_eval.score_split(notes_eval.TUNING_DIR, ctx.settings, ctx.engine, ctx.workers)
        metrics["tuning"] = notes_eval.aggregate(tuning)
        rows += [_tuning_case(s) for s in tuning]
    for name, folder in notes_eval.LOCKED_SPLITS.items():
        if (folder / "expected.yaml").exists() and ctx.wanted("notes", name):
            metrics[name] = notes_eval.score_locked(ctx.settings, ctx.engine, folder, workers=ctx.workers)
            rows.append(_locked_case(metrics[name], name))
    for half in ("tuning", *notes_eval.LOCKED_SPLITS):
        if half in metrics:
            charts[f"新评测集（{half}）"] = [(label, metrics[half].get(key) or 0.0) for key, label, _ in notes_eval.TARGETS]
    return SuiteResult(suite="notes", metrics=metrics, cases=rows, charts=charts)


# -- profiles (new-schema drafting profiles) -----------------------------------------------------
def run_profiles(ctx: EvalContext) -> SuiteResult:
    """Events placed, placeholders, tactic leaks, rule pass and cross-profile similarity per kind.

    ``ctx.extra["split"] == "locked"`` scores the locked half: aggregate figures only, no rows.
    """
    split = str(ctx.extra.get("split", "tuning"))
    metrics, rows = profiles_eval.score_split(split, ctx.engine)
    metrics["split"] = split
    if split == "locked":
        return SuiteResult(suite="profiles", metrics=metrics, cases=[])
    cases = []
    for r in rows:
        checks = [Check(name="活动按日期排进日历", passed=r["events_placed"], reason=r["placed_reason"]),
                  Check(name="没有占位", passed=r["placeholders"] == 0, reason=f"{r['placeholders']} 份草稿有占位"),
                  Check(name="没有套路/算式外泄", passed=r["tactic_leaks"] == 0, reason=f"{r['tactic_leaks']} 份草稿外泄"),
                  Check(name="活动通知成员能照着做", passed=r["reader_gaps"] == 0,
                        reason="；".join(r["reader_gap_list"][:5]) or "时间、地点、要带什么、天气安排都写了或列进了待补"),
                  Check(name="规则全部通过", passed=not r["failed_rules"], reason="、".join(r["failed_rules"]) or "全部通过"),
                  Check(name="空档话题的主题词搭得上", passed=r["slot_misfits"] == 0,
                        reason="；".join(r["slot_misfit_list"][:3]) or f"{r['free_slots']} 条空档话题都搭得上")]
        cases.append(CaseResult(suite="profiles", id=r["profile"], passed=all(c.passed for c in checks), checks=checks,
                                engine=ctx.engine.name, output={"similarity": r["similarity"]}))
    charts = {"跨群共用的句子占比": list(metrics["similarity"].items())}
    return SuiteResult(suite="profiles", metrics=metrics, cases=cases, charts=charts)


# name → adapter: the runner, the CLI and the UI list and run suites from this table
SUITES: dict[str, Callable[[EvalContext], SuiteResult]] = {
    "retrieval": run_retrieval,
    "drafts": run_drafts,
    "moderation": run_moderation,
    "notes": run_notes,
    "profiles": run_profiles,
}

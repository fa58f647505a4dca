"""``copilot eval notes``: fact coverage, leaked noise and invented entities of the talk notes.

The transcripts in ``evals/notes/`` are our own (QQ/WeChat/JSONL exports, talks and discussions,
with ads, system notices, placeholders and off-topic chatter inside); ``expected.yaml`` lists the
facts a good write-up must contain and the noise it must not. The offline engine always runs; the
configured LLM engine runs too when one is set up. Exit code 1 when notes invent entities, leak
noise or cover under 60% of the facts.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console
from rich.table import Table

from copilot.config import Settings, get_settings
from copilot.llm import Engine, get_engine
from copilot.notes import render_markdown, summarize_file
from copilot.notes.faithfulness import find_bad_citations, find_ungrounded
from copilot.notes.parse import parse_file
from copilot.paths import EVALS_DIR
from copilot.textnorm import fold

NOTES_EVAL_DIR = EVALS_DIR / "notes"
MIN_COVERAGE = 0.6


def score_file(path: Path, spec: dict[str, Any], settings: Settings, engine: Engine) -> dict[str, Any]:
    start = time.perf_counter()
    result = summarize_file(path, settings, engine)
    seconds = time.perf_counter() - start
    notes = result.notes
    md = fold(render_markdown(notes))
    must = spec.get("must", [])
    missing = [alts[0] for alts in must if not any(fold(a) in md for a in alts)]
    leaked = [x for x in spec.get("must_not", []) if fold(str(x)) in md]
    transcript = parse_file(path)
    invented = find_ungrounded(notes, transcript)
    bad_cites = find_bad_citations(notes, transcript)
    want_actions = [tuple(a) for a in spec.get("actions", [])]
    got_actions = {(a.owner, a.deadline) for a in notes.actions}
    action_hits = sum(1 for a in want_actions if a in got_actions)
    structure_ok = notes.session_type == spec.get("session_type", notes.session_type) and (
        "host" not in spec or notes.host == spec["host"]) and (
        "speakers" not in spec or notes.speakers[: len(spec["speakers"])] == spec["speakers"]) and (
        "script" not in spec or notes.script == spec["script"])  # notes keep the transcript's 简/繁
    return {
        "file": path.name,
        "engine": result.engine,
        "notice": result.notice,
        "coverage": (len(must) - len(missing)) / len(must) if must else 1.0,
        "missing": missing,
        "leaked": leaked,
        "invented": invented,
        "bad_citations": bad_cites,
        "action_recall": action_hits / len(want_actions) if want_actions else 1.0,
        "structure_ok": structure_ok,
        "seconds": round(seconds, 3),
    }


def run(settings: Settings | None = None, engines: list[Engine] | None = None,
        eval_dir: Path = NOTES_EVAL_DIR) -> list[dict[str, Any]]:
    settings = settings or get_settings()
    if engines is None:
        engines = [get_engine(settings, prefer="offline")]
        if settings.llm_enabled:
            engines.append(get_engine(settings, prefer="llm"))
    spec = yaml.safe_load((eval_dir / "expected.yaml").read_text(encoding="utf-8"))
    rows = []
    for engine in engines:
        for name, expected in spec.items():
            rows.append(score_file(eval_dir / name, expected, settings, engine))
    return rows


def passed(row: dict[str, Any]) -> bool:
    return row["coverage"] >= MIN_COVERAGE and not row["leaked"] and not row["invented"] and not row["bad_citations"]


def main(as_json: bool = False, k: int = 5) -> int:  # noqa: ARG001 - k is for retrieval suites
    rows = run()
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        table = Table(title="分享整理评测（evals/notes）")
        for col in ("文件", "引擎", "事实覆盖", "待办召回", "结构", "泄漏噪声", "编造实体", "引用问题", "秒"):
            table.add_column(col)
        for r in rows:
            table.add_row(r["file"], r["engine"], f"{r['coverage']:.0%}", f"{r['action_recall']:.0%}",
                          "✓" if r["structure_ok"] else "✗", "、".join(map(str, r["leaked"])) or "0",
                          "、".join(r["invented"]) or "0", str(len(r["bad_citations"])), f"{r['seconds']:.2f}")
        console = Console()
        console.print(table)
        for r in rows:
            if r["missing"]:
                console.print(f"{r['file']}（{r['engine']}）缺少：{'、'.join(r['missing'])}", highlight=False)
        by_engine: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            by_engine.setdefault(r["engine"], []).append(r)
        for eng, rs in by_engine.items():
            cov = sum(r["coverage"] for r in rs) / len(rs)
            act = sum(r["action_recall"] for r in rs) / len(rs)
            console.print(f"[{eng}] 平均事实覆盖 {cov:.0%}，待办召回 {act:.0%}，结构正确 "
                          f"{sum(r['structure_ok'] for r in rs)}/{len(rs)}，泄漏 {sum(len(r['leaked']) for r in rs)}，"
                          f"编造 {sum(len(r['invented']) for r in rs)}", highlight=False)
    return 0 if all(passed(r) for r in rows) else 1

"""Judge a new knowledge section against a null-section control.

Adding any section to the cards moves a few close rankings: the new section takes a place in the lexical
lists and shifts the BM25 statistics, whatever it says. Compared with the cards as they are, a section
that answers nothing would still "lose" a question now and then, so a guard of "no set may lose a
question" blocks every section. This script compares a candidate knowledge folder with its control: the
same folder with each added section replaced, in its place, by a neutral section about naming the group's
file folders (a subject no eval question asks about), with as many questions in ``asks.yaml`` /
``situations.yaml`` as the new section has. Only the moves the section's own content causes differ
between the two runs.

Usage (from a worktree, ``PYTHONPATH=.``)::

    python scripts/section_control.py guard --candidate DIR_OR_GIT_REF [--base DIR_OR_GIT_REF] SET ...
    python scripts/section_control.py moves [--candidate DIR_OR_GIT_REF] [--base ...] [SET ...]

``guard`` prints each set's totals for the control and the candidate (totals only: safe on locked and
held-out sets) and whether any guard figure got worse: ``hit_at_3_not_near``, ``answer_rate_not_near``,
``oos_decline_rate`` (lower is worse), ``confident_wrong_not_near``, ``false_decline_rate``, ``near_direct``
(higher is worse). ``moves`` counts, on readable tuning sets only, how many top-1 and top-3 sections
change between the base and the base with a null section added (the stability experiment; with
``--candidate``, between the control and the candidate). Each knowledge folder is indexed in a data folder
of its own under ``--work`` (the embedding cache is copied from ``data/cache`` when present).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NULL_HEADING = "群文件夹的命名办法"
NULL_BODY = """### 经验建议

1. 群文件按"年份-月份-类别"建文件夹，比如"2024-03-课件"，一眼能看出放的是什么；
2. 文件夹名不用空格和特殊符号，手机上显示不全时也能分辨；
3. 每季度清理一次过期文件夹，把旧的打包归档到一个"历史资料"文件夹里。

文件夹名字统一之后，新成员找资料不用再在群里反复问，管理员也省去重复回答的时间。
"""
NULL_QUESTIONS = ("群文件越传越乱，文件夹该怎么起名", "群里的课件资料怎么分类归档", "过期的群文件要不要定期清理",
                  "群文件夹的名字要不要统一格式", "旧资料堆在群文件里找不到，怎么整理")
YAML_FILES = ("asks.yaml", "situations.yaml")
# worse when lower / worse when higher
HIGHER_BETTER = ("hit_at_3_not_near", "answer_rate_not_near", "oos_decline_rate")
LOWER_BETTER = ("confident_wrong_not_near", "false_decline_rate", "near_direct")
READABLE_DEFAULT = ("tuning", "tuning_r49a", "tuning_r49b", "tuning_r50b")


def knowledge_from(spec: str, dest: Path) -> Path:
    """``spec`` is a knowledge folder or a git ref whose ``knowledge/`` is exported to ``dest``."""
    if Path(spec).is_dir():
        shutil.copytree(spec, dest)
        return dest
    raw = subprocess.run(["git", "-C", str(ROOT), "archive", spec, "knowledge"], check=True,
                         capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(raw)) as tar:
        tar.extractall(dest.parent / f"{dest.name}.x", filter="data")
    shutil.move(dest.parent / f"{dest.name}.x" / "knowledge", dest)
    return dest


def headings(card: Path) -> list[str]:
    return re.findall(r"(?m)^## (.+?)\s*$", card.read_text(encoding="utf-8"))


def added_sections(base: Path, candidate: Path) -> list[tuple[str, str]]:
    """(card id, heading) of every ``##`` section in ``candidate`` that ``base`` lacks."""
    out = []
    for card in sorted((candidate / "cards").glob("*.md")):
        old = base / "cards" / card.name
        known = set(headings(old)) if old.exists() else set()
        out += [(card.stem, h) for h in headings(card) if h not in known]
    return out


def with_null(folder: Path, sections: list[tuple[str, str]]) -> None:
    """Replace each of ``sections`` in ``folder`` by the null section (body and questions), in place."""
    for n, (card_id, heading) in enumerate(sections):
        title = NULL_HEADING if len(sections) == 1 else f"{NULL_HEADING}（{n + 1}）"
        card = folder / "cards" / f"{card_id}.md"
        text = card.read_text(encoding="utf-8")
        block = re.compile(rf"(?ms)^## {re.escape(heading)}\s*$.*?(?=^## |\Z)")
        text = block.sub(lambda _m, t=title: f"## {t}\n\n{NULL_BODY}\n", text, count=1)
        card.write_text(text, encoding="utf-8")
        for name in YAML_FILES:
            path = folder / name
            if not path.exists():
                continue
            table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            questions = (table.get(card_id) or {}).pop(heading, None)
            if questions:
                table[card_id][title] = [NULL_QUESTIONS[i % len(NULL_QUESTIONS)] for i in range(len(questions))]
                path.write_text(yaml.safe_dump(table, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_null(folder: Path, card_id: str) -> None:
    """Append the null section to ``card_id`` with three questions (the stability experiment)."""
    card = folder / "cards" / f"{card_id}.md"
    card.write_text(card.read_text(encoding="utf-8").rstrip() + f"\n\n## {NULL_HEADING}\n\n{NULL_BODY}",
                    encoding="utf-8")
    path = folder / "asks.yaml"
    table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    table.setdefault(card_id, {})[NULL_HEADING] = list(NULL_QUESTIONS[:3])
    path.write_text(yaml.safe_dump(table, allow_unicode=True, sort_keys=False), encoding="utf-8")


def run_child(folder: Path, data: Path, mode: str, sets: list[str]) -> dict[str, object]:
    data.mkdir(parents=True, exist_ok=True)
    cache = ROOT / "data" / "cache"
    if cache.is_dir() and not (data / "cache").exists():
        shutil.copytree(cache, data / "cache")
    env = dict(os.environ, COPILOT_KNOWLEDGE_DIR=str(folder), COPILOT_DATA_DIR=str(data),
               PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, __file__, "_child", mode, *sets], env=env, check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def child(mode: str, sets: list[str]) -> None:
    from copilot.config import get_settings  # noqa: PLC0415 - the child reads the folders from its env
    from copilot.evals.retrieval import HELD_OUT, ask_split_files, evaluate_ask, load_ask_cases  # noqa: PLC0415
    from copilot.knowledge.index import get_index  # noqa: PLC0415
    from copilot.llm import get_engine  # noqa: PLC0415
    from copilot.paths import EVALS_DIR  # noqa: PLC0415

    settings = get_settings()
    index = get_index(settings)
    out: dict[str, object] = {}
    halves = {name: half for name, (half, _) in ask_split_files(EVALS_DIR / "retrieval").items()}
    for name in sets:
        cases = load_ask_cases(EVALS_DIR / "retrieval" / f"{name}.jsonl")
        if mode == "totals":
            out[name] = evaluate_ask(index, get_engine(settings, prefer="offline"), cases).totals()
        else:
            if halves.get(name) == "locked" or name in HELD_OUT:
                raise SystemExit(f"{name}: locked / held-out sets are scored for totals only")
            out[name] = {c.id: [f"{s.source}#{s.section}" for s in index.search_sections(c.question, k=3).sections]
                         for c in cases if c.in_scope}
    print(json.dumps(out, ensure_ascii=False))


def worse(control: dict[str, float], candidate: dict[str, float]) -> list[str]:
    bad = [f for f in HIGHER_BETTER if candidate[f] < control[f] - 1e-9]
    return bad + [f for f in LOWER_BETTER if candidate[f] > control[f] + 1e-9]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        child(argv[1], argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("guard", "moves"))
    parser.add_argument("sets", nargs="*")
    parser.add_argument("--candidate", help="knowledge folder or git ref with the new section(s)")
    parser.add_argument("--base", default=str(ROOT / "knowledge"), help="knowledge folder or git ref (default: ./knowledge)")
    parser.add_argument("--card", default="group-name",
                        help="moves without --candidate: the card(s) the null section joins (comma-separated)")
    parser.add_argument("--work", help="folder for the knowledge copies and their indexes (default: a temp folder)")
    args = parser.parse_intermixed_args(argv)
    work = Path(args.work or tempfile.mkdtemp(prefix="section_control_"))
    work.mkdir(parents=True, exist_ok=True)
    for sub in ("base", "candidate", "control"):
        shutil.rmtree(work / sub, ignore_errors=True)
    base = knowledge_from(args.base, work / "base")
    if args.candidate:
        candidate = knowledge_from(args.candidate, work / "candidate")
        sections = added_sections(base, candidate)
        if not sections:
            parser.error("the candidate adds no ## section to the base")
        control = knowledge_from(str(candidate), work / "control")
        with_null(control, sections)
        print("added:", ", ".join(f"{c} › {h}" for c, h in sections))
        pair = (("control", control), ("candidate", candidate))
    else:
        if args.mode == "guard":
            parser.error("guard needs --candidate")
        control = knowledge_from(str(base), work / "control")
        for card_id in args.card.split(","):
            add_null(control, card_id.strip())
        pair = (("base", base), ("control", control))
    if args.mode == "guard":
        if not args.sets:
            parser.error("guard needs the sets to score")
        (a_name, a_dir), (b_name, b_dir) = pair
        a = run_child(a_dir, work / f"data_{a_name}", "totals", args.sets)
        b = run_child(b_dir, work / f"data_{b_name}", "totals", args.sets)
        failed = False
        for name in args.sets:
            bad = worse(a[name], b[name])
            failed |= bool(bad)
            print(name, "control", json.dumps(a[name], sort_keys=True))
            print(name, "candidate", json.dumps(b[name], sort_keys=True))
            print(name, "WORSE: " + ", ".join(bad) if bad else "ok")
        print("guard:", "FAIL" if failed else "pass")
        return 1 if failed else 0
    sets = args.sets or list(READABLE_DEFAULT)
    (a_name, a_dir), (b_name, b_dir) = pair
    a = run_child(a_dir, work / f"data_{a_name}", "top3", sets)
    b = run_child(b_dir, work / f"data_{b_name}", "top3", sets)
    t1 = t3 = n = null = 0
    for name in sets:
        for cid, tops in a[name].items():
            n += 1
            t1 += tops[:1] != b[name][cid][:1]
            t3 += tops != b[name][cid]
            null += any(NULL_HEADING in s for s in b[name][cid])
    print(f"{a_name} → {b_name}: {n} questions, top-1 moved {t1}, top-3 (order) moved {t3}, "
          f"null section in a top 3: {null}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``copilot eval moderation``: per-label precision/recall/F1 and a confusion matrix of the offline
layers on our own labelled set (evals/moderation/messages.jsonl, five group profiles), accuracy on
slices (evasions, injections, legitimate links, Traditional script), and — when the shared QQ group
ads file is present — ad-detection F1 on its held-out split (the split the shipped classifier never
saw, same hash rule as scripts/train_ad_classifier.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from copilot.config import Settings
from copilot.evals.results import SuiteResult, apply_gates
from copilot.llm import Engine
from copilot.metrics import binary, confusion, per_label
from copilot.moderation.audit import AuditLog
from copilot.moderation.classifier import load_classifier
from copilot.moderation.labels import ACTED, LABELS, REMOVED, Action, Label
from copilot.moderation.pipeline import Moderator, Verdict, quick_label
from copilot.paths import EVALS_DIR, ROOT
from copilot.profile import load_profile
from copilot.textnorm import to_simplified

DATA_DIR = EVALS_DIR / "moderation"
EVAL_T0 = 1_767_225_600.0  # 2026-01-01: fixed times keep the eval reproducible
EVAL_GAP_S = 45.0
QQ_ADS = ROOT.parent / "shared" / "data" / "qq_group_ads" / "train.txt"


BLIND = "locked_blind/messages.jsonl"  # written by an independent writer who saw no code or eval file
# other independent writers' sets, readable: tuning sets (each first scored out of sample, then read)
INDEPENDENT = {"independent": "independent/messages.jsonl", "independent2": "independent2/messages.jsonl",
               # round 42: written blind (no code, no eval messages read) — score only, do not read its rows
               "independent3": "independent3/messages.jsonl",
               # round 44: a fourth blind set, same rules — score only, do not read its rows
               "independent4": "independent4/messages.jsonl",
               # round 46: a fifth blind set (8 new kinds of group, 374 msgs), same rules — score only, do not read its rows
               "independent5": "independent5/messages.jsonl",
               # round 47: a sixth blind set (8 more new kinds of group, 373 msgs); round 52 (d17a52) read its misses by
               # the lead's mistake: from round 52 a tuning set, like independent and independent2
               "independent6": "independent6/messages.jsonl",
               # round 50: a seventh blind set (8 more new kinds of group, 397 msgs); read in round 52 as independent6
               "independent7": "independent7/messages.jsonl",
               # round 52: an eighth blind set (8 more new kinds of group, 365 msgs; its writer's profiles loaded only
               # after round 52's profile fixes), same rules — score only, do not read its rows
               "independent8": "independent8/messages.jsonl",
               # round 53: a ninth blind set (8 more new kinds of group, 380 msgs), same rules — score only, do not read its rows
               "independent9": "independent9/messages.jsonl",
               # round 55: a tenth blind set (8 more new kinds of group, 407 msgs), same rules — score only, do not read its rows
               "independent10": "independent10/messages.jsonl",
               # round 57: an eleventh set (8 groups where ads and the group's own commerce sit side by side, 451 msgs),
               # written blind like the others but READABLE from the start: the tuning set for ad precision
               "independent11": "independent11/messages.jsonl",
               # round 58: a twelfth blind set (9 more new kinds of group, 422 msgs; official accounts named in each
               # profile), same rules as independent3–10 — score only, do not read its rows
               "independent12": "independent12/messages.jsonl",
               # round 59: a thirteenth blind set (9 more new kinds of group, 445 msgs; official accounts named in each
               # profile), same rules as independent3–10 and 12 — score only, do not read its rows
               "independent13": "independent13/messages.jsonl",
               # round 61: a fourteenth blind set (9 more new kinds of group, 432 msgs: strangers' own matters with a
               # handle, recommendations with a shop's phone, members' own used items), same rules — score only
               "independent14": "independent14/messages.jsonl",
               # round 62: a fifteenth blind set (9 more new kinds of group, 428 msgs: dialysis patients, piano dealers,
               # a driving school, HK astronomy, a Taiwanese Go club, tenants, a grooming shop, wedding vendors, a
               # choir), same rules — score only
               "independent15": "independent15/messages.jsonl"}


def load_set(name: str = "messages.jsonl") -> list[dict[str, Any]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def is_history(rows: list[dict[str, Any]]) -> bool:
    """A set written as a chat history: some row says its member joined just before (``"joined": true``), so the
    rows are replayed in order with an audit log, and members' earlier messages and strikes count (dev40)."""
    return any("joined" in row for row in rows)


def prf(gold: list[str], pred: list[str]) -> dict[str, dict[str, Any]]:
    """Per-label precision, recall, F1 and support (sklearn); a figure with no data counts as 0 here,
    so a label the set never predicts fails its gate instead of going missing."""
    return {lab: {k: (f[k] if f[k] is not None else 0.0) for k in ("precision", "recall", "f1", "support")}
            for lab, f in per_label(gold, pred, LABELS).items()}


def run_set(rows: list[dict[str, Any]], *, semantic: bool = False, engine: Engine | None = None,
            settings: Settings | None = None, profiles: Path = DATA_DIR / "profiles",
            observe: Callable[[dict[str, Any], Verdict], None] | None = None) -> dict[str, Any]:
    """Moderate every row with its profile's Moderator, in file order.

    No audit log, unless the set is a history (:func:`is_history`): then its rows are replayed as one chat per profile
    into a fresh audit log, so members' joins, strikes and records of approved messages count as in a live group.

    ``engine``: an LLM engine used as the judge for the uncertain band (None = offline layers only).
    ``settings``: given, each profile is keyed by its file name, so the group models enabled in that
    data directory are used for their groups (as ``copilot moderate -p`` does); by default every group
    uses the shared model and the figures do not depend on the machine's data directory.
    ``profiles``: the folder of the rows' group profiles (a set written apart keeps its own).
    ``observe``: called with each row and its verdict, in order (the why-split of :mod:`copilot.evals.moderation_why`).
    """
    keyed = settings is not None
    settings = settings or Settings(llm_provider="offline")
    mods: dict[str, Moderator] = {}
    gold, pred, errors = [], [], []
    slices: dict[str, list[bool]] = {}
    legit_acted = 0
    actions: list[str] = []
    by_profile: dict[str, list[bool]] = {}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        audit = AuditLog(f"sqlite:///{Path(tmp) / 'history.sqlite'}") if is_history(rows) else None
        for row in rows:
            prof = row["profile"]
            if prof not in mods:
                mods[prof] = Moderator(settings, load_profile(profiles / f"{prof}.yaml"), audit=audit,
                                       semantic=semantic, engine=engine, profile_key=prof if keyed else None,
                                       group=prof if audit is not None else "")
            if audit is not None and row.get("joined"):  # the bot's join notice came just before
                audit.record_join(prof, row["user"])
            # a set's messages are posted minutes apart, not replayed in one burst: give them times, so the
            # flood layer judges the pace of the chat and not the speed of this loop
            # a row's ``user`` is the name members see unless the row gives that name apart as ``nickname`` beside a
            # numeric id (evals/README.md): passed as written, Message.shown_name reads it as every entry point does
            v = mods[prof].moderate({"id": row["id"], "user": row["user"], "text": row["text"],
                                     "nickname": row.get("nickname"), "ts": EVAL_T0 + EVAL_GAP_S * len(gold)})
            if observe is not None:
                observe(row, v)
            gold.append(row["label"])
            pred.append(v.label)
            actions.append(v.action)
            by_profile.setdefault(prof, []).append(v.label == row["label"])
            legit_acted += row["label"] == Label.OK and v.action in ACTED
            tags = list(row.get("tags", []))
            if to_simplified(row["text"]) != row["text"]:
                tags.append("traditional")
            for tag in tags:
                slices.setdefault(tag, []).append(v.label == row["label"])
            if v.label != row["label"]:
                errors.append({"id": row["id"], "gold": row["label"], "pred": v.label, "text": row["text"],
                               "reason": v.reason})
        if audit is not None:
            audit.engine.dispose()
    elapsed = time.perf_counter() - t0
    return {
        "n": len(rows),
        "accuracy": round(sum(a == b for a, b in zip(gold, pred)) / max(1, len(rows)), 3),
        "per_label": prf(gold, pred),
        "confusion": confusion(gold, pred, LABELS),
        "slices": {k: {"n": len(v), "accuracy": round(sum(v) / len(v), 3)} for k, v in sorted(slices.items())},
        "errors": errors,
        "by_profile": {k: round(sum(v) / len(v), 3) for k, v in sorted(by_profile.items())},
        "legit_acted": legit_acted,
        "legit_acted_rate": round(legit_acted / max(1, gold.count(Label.OK)), 4),
        "removed": removed_rates(gold, pred, actions),
        "action_agreement": action_agreement(rows, actions),
        "seconds": round(elapsed, 2),
    }


# a row's "act" (readable dev sets only): what the group should see happen → the actions that do it
WANTED = {"remove": REMOVED, "remind": frozenset({Action.REMIND}), "leave": frozenset({Action.NONE, Action.REVIEW})}


def removed_rates(gold: list[str], pred: list[str], actions: list[str]) -> dict[str, Any]:
    """Per violation label (ad, spam): the share of its messages labelled right AND taken out of the group (deleted,
    muted, removed) — a right label left in the group with a reminder or for review is not removed. Totals only."""
    out = {}
    for lab in (Label.AD, Label.SPAM):
        idx = [i for i, g in enumerate(gold) if g == lab]
        out[str(lab)] = round(sum(pred[i] == lab and actions[i] in REMOVED for i in idx) / max(1, len(idx)), 3)
    return out


def action_agreement(rows: list[dict[str, Any]], actions: list[str]) -> dict[str, Any] | None:
    """Rows that say what should happen (``act``: remove / remind / leave; ``any`` or none: not scored): how many got
    it, per wanted outcome, and the misses' ids."""
    per: dict[str, list[bool]] = {}
    misses = []
    for row, act in zip(rows, actions):
        want = WANTED.get(row.get("act", ""))
        if want is None:
            continue
        per.setdefault(row["act"], []).append(act in want)
        if act not in want:
            misses.append({"id": row["id"], "want": row["act"], "got": act})
    if not per:
        return None
    hit = sum(sum(v) for v in per.values())
    return {"n": sum(len(v) for v in per.values()), "agree": hit,
            "by_want": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(per.items())}, "misses": misses}


def set_file(name: str) -> str:
    """The file (under DATA_DIR) of a set named as the figure scripts name it: ``blind``, ``tuning``, ``locked``, a
    registered independent set's key (``independent3``), or the file name itself (``dev12.jsonl``)."""
    if name == "blind":
        return BLIND
    if name in ("tuning", "locked"):
        return f"{name}.jsonl"
    return INDEPENDENT.get(name, name)


def run_named(name: str, observe: Callable[[dict[str, Any], Verdict], None] | None = None) -> dict[str, Any] | None:
    """:func:`run_set` over the set ``name`` (:func:`set_file`), with the group profiles that sit beside it (a set
    written apart keeps its own ``profiles/``); None when the set is not here."""
    file = set_file(name)
    path = DATA_DIR / file
    if not path.exists():
        return None
    own = path.parent / "profiles"
    return run_set(load_set(file), profiles=own if path.parent != DATA_DIR and own.is_dir() else DATA_DIR / "profiles",
                   observe=observe)


def split_figures(name: str) -> dict[str, Any] | None:
    """Aggregate figures of a tuning or locked set (``tuning.jsonl`` / ``locked.jsonl`` / the blind
    ``locked_blind/messages.jsonl`` / ``independent*/messages.jsonl``, whose profiles sit beside them; or a name
    :func:`set_file` reads): per-label P/R/F1, accuracy and legitimate messages acted on. No per-message results: a
    locked set is only scored."""
    report = run_named(name)
    if report is None:
        return None
    per = report["per_label"]
    return {"n": report["n"], "accuracy": report["accuracy"], "legit_acted_rate": report["legit_acted_rate"],
            "removed": report["removed"],
            **{lab: {k: per[lab][k] for k in ("precision", "recall", "f1")} for lab in LABELS if lab != Label.OK}}


def members_qa(path: Path = DATA_DIR / "members_qa.jsonl") -> dict[str, Any]:
    """Legitimate members acted on, violations acted on, in the QA set of the eight example groups.

    "Acted on" is an action other than none/review (a deletion, a mute, a public reminder). Each
    message comes from a different user and there is no audit log, so no strikes add up.
    """
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    acted: list[tuple[dict[str, Any], Any]] = []
    missed: list[tuple[dict[str, Any], Any]] = []
    caught = 0
    with tempfile.TemporaryDirectory() as tmp:
        s = Settings(data_dir=Path(tmp), llm_provider="offline")
        mods: dict[str, Moderator] = {}
        for i, r in enumerate(rows):
            p = r["profile"]
            mod = mods.get(p) or mods.setdefault(
                p, Moderator(s, load_profile(ROOT / "examples" / "profiles" / f"{p}.yaml"), audit=None))
            v = mod.moderate({"id": r["id"], "user": f"u{i}", "text": r["text"]})
            hit = v.action not in ("none", "review")
            if r["expect"] == "no_action":
                if hit:
                    acted.append((r, v))
            elif hit and v.label == r["expect"]:
                caught += 1
            else:
                missed.append((r, v))
    members = sum(r["expect"] == "no_action" for r in rows)
    return {"members": members, "violations": len(rows) - members, "caught": caught, "acted": acted, "missed": missed}


def qq_heldout(path: Path = QQ_ADS) -> dict[str, Any] | None:
    """Ad F1 of the full offline pipeline (no profile) and of the classifier alone on the held-out split."""
    if not path.exists():
        return None
    clf = load_classifier()
    gold, pipe, clf_only = [], [], []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text, sep, label = line.strip().rpartition("==")
        if not sep or not text.strip() or label.strip() not in {"0", "1"}:
            continue
        text = text.strip()
        if int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 5 != 0:
            continue
        gold.append(label.strip() == "1")
        pipe.append(quick_label(text) == "ad")
        clf_only.append(clf.score(text) >= 0.5)

    return {"n": len(gold), "positives": sum(gold), "pipeline": binary(gold, pipe), "classifier": binary(gold, clf_only)}


def main(as_json: bool = False, k: int = 5) -> int:  # noqa: ARG001 - k is for retrieval suites
    semantic = os.environ.get("COPILOT_EVAL_SEMANTIC", "") == "1"
    report = {"set": run_set(load_set(), semantic=semantic), "semantic": semantic,
              "dev": run_set(load_set("dev.jsonl"), semantic=semantic), "qq_heldout": qq_heldout(),
              "splits": {name: split_figures(f"{name}.jsonl") for name in ("tuning", "locked")}
              | {name: split_figures(path) for name, path in INDEPENDENT.items()} | {"blind": split_figures(BLIND)}}
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    con = Console()
    s = report["set"]
    con.print(f"[bold]审核评测[/bold]：{s['n']} 条消息，5 个群档案，准确率 {s['accuracy']:.3f}，用时 {s['seconds']} 秒"
              + ("（含语义跑题判断）" if semantic else "（离线规则+分类器）"), highlight=False)
    t = Table("标签", "准确率P", "召回率R", "F1", "样本数")
    for lab, m in s["per_label"].items():
        t.add_row(lab, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", str(m["support"]))
    con.print(t)
    c = Table("真实＼预测", *LABELS)
    for g in LABELS:
        c.add_row(g, *[str(s["confusion"][g][p]) for p in LABELS])
    con.print(c)
    con.print("切片准确率：" + "，".join(f"{k} {v['accuracy']:.2f}（{v['n']}）" for k, v in s["slices"].items()), highlight=False)
    con.print(f"开发集（调规则用）准确率 {report['dev']['accuracy']:.3f}（{report['dev']['n']} 条）", highlight=False)
    for name, zh in (("tuning", "调参集"), ("independent", "独立作者调参集"), ("independent2", "第二位独立作者调参集"),
                     ("independent3", "第 42 轮盲写集（只评分，不看单条）"),
                     ("independent4", "第 44 轮盲写集（只评分，不看单条）"),
                     ("locked", "锁定集（只评分，不看单条）"),
                     ("blind", "盲写锁定集（独立作者写，只评分）")):
        f = report["splits"][name]
        if f:
            con.print(f"新群{zh} {f['n']} 条：广告 P {f['ad']['precision']:.3f} R {f['ad']['recall']:.3f}，"
                      f"跑题 F1 {f['off_topic']['f1']:.3f}，刷屏 F1 {f['spam']['f1']:.3f}，辱骂 F1 {f['abuse']['f1']:.3f}，"
                      f"正常消息被处置 {f['legit_acted_rate']:.1%}", highlight=False)
    qq = report["qq_heldout"]
    if qq:
        con.print(f"QQ 群广告留出集 {qq['n']} 条（广告 {qq['positives']}）：整条流水线 F1 {qq['pipeline']['f1']:.3f}"
                  f"（P {qq['pipeline']['precision']:.3f} R {qq['pipeline']['recall']:.3f}），"
                  f"仅分类器 F1 {qq['classifier']['f1']:.3f}", highlight=False)
    else:
        con.print("未找到 ../shared/data/qq_group_ads/train.txt，跳过 QQ 留出集评测", highlight=False)
    if s["errors"]:
        con.print(f"\n判错 {len(s['errors'])} 条：", highlight=False)
        for e in s["errors"][:40]:
            con.print(f"  {e['id']}: {e['gold']}→{e['pred']}  {e['text'][:40]}  | {e['reason'][:60]}", highlight=False)
    # the same thresholds as the CI gate (copilot.evals.results.GATES), not a second copy of them
    gates = apply_gates(SuiteResult(suite="moderation", metrics=s["per_label"], cases=[])).gates
    ok = all(g.passed for g in gates)
    targets = "，".join(f"{g.metric} {g.op} {g.threshold}" for g in gates)
    con.print(f"目标（{targets}）：" + ("达成" if ok else "未达成"), highlight=False)
    return 0 if ok else 1


if __name__ == "__main__":
    import sys

    raise SystemExit(main(as_json="--json" in sys.argv))

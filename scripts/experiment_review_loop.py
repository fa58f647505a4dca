"""The admin confirm-uncertain loop, simulated on the MC-server group's labelled history (docs/moderation.md).

Data: ``../shared/data/qq_group_ads/train.txt`` (MIT). The held-out fifth is the **grouped near-duplicate
split** of scripts/experiment_group_import.py (no exact or near duplicate crosses it). Of the rest, one half
(by MD5) is imported as the group's history (``AuditLog.import_examples`` + ``train_group``, as
``copilot moderation-import`` does); the other half arrives as live traffic and is judged with the group's
model into the audit log. Then the loop of ``copilot moderation-review`` asks the admin about the K
least-sure of those messages (:func:`copilot.moderation.review.uncertain`); the true labels stand in for the
admin's answers (:func:`copilot.moderation.review.answer`), the group is retrained (``train_group``) and the
held-out fifth is moderated by the whole offline pipeline. The same K asked at random is the baseline:
does asking about the least-sure messages teach more per answer?

Usage: ``.venv/bin/python scripts/experiment_review_loop.py [--k 100 400] [--random 400] [--all] [--seed 0]``
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.config import Settings  # noqa: E402
from copilot.metrics import binary  # noqa: E402
from copilot.moderation.audit import AuditLog  # noqa: E402
from copilot.moderation.classifier import load_group_model  # noqa: E402
from copilot.moderation.pipeline import Moderator  # noqa: E402
from copilot.moderation.review import answer, uncertain  # noqa: E402
from copilot.moderation.training import train_group  # noqa: E402

_spec = importlib.util.spec_from_file_location("experiment_group_import", ROOT / "scripts" / "experiment_group_import.py")
gi = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(gi)  # type: ignore[union-attr]
KEY = "mc_server"


def halves(rest: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The imported half and the live half of the non-held-out messages (by MD5, reproducible)."""
    imported, live = [], []
    for row in rest:
        (imported if int(hashlib.md5(row[0].encode("utf-8")).hexdigest(), 16) // 5 % 2 == 0 else live).append(row)
    return imported, live


def score(data_dir: Path, test: list[tuple[str, int]]) -> tuple[dict, dict | None]:
    """Whole-pipeline and group-model-alone ad figures on the held-out messages."""
    settings = Settings(data_dir=data_dir, llm_provider="offline")
    gold = [bool(y) for _, y in test]
    mod = Moderator(settings, gi.PROFILE, audit=None, profile_key=KEY)
    pipe = binary(gold, [mod.analyse(t).label == "ad" for t, _ in test])
    group = load_group_model(data_dir, KEY)
    alone = binary(gold, [group.score(t) >= 0.5 for t, _ in test]) if group is not None else None
    return pipe, alone


def ask(base: Path, work: Path, truth: dict[str, int], k: int, how: str, seed: int) -> dict:
    """Copy the state after import + live traffic, answer k questions chosen ``how``, retrain."""
    shutil.copytree(base, work)
    settings = Settings(data_dir=work, llm_provider="offline")
    audit = AuditLog(f"sqlite:///{work / 'moderation.sqlite'}")
    if how == "uncertain":
        items = uncertain(audit, KEY, limit=k)
    else:
        pool = uncertain(audit, KEY, limit=100_000)
        items = random.Random(seed).sample(pool, min(k, len(pool)))
    answers = [(i["verdict_id"], "ad" if truth[i["text"]] else "ok") for i in items]
    answer(audit, KEY, answers)
    result = train_group(settings, KEY, audit)
    return {"asked": len(answers), "ads_asked": sum(lab == "ad" for _, lab in answers), "enabled": result["enabled"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--k", type=int, nargs="+", default=[100, 400], help="问最拿不准的 K 条")
    ap.add_argument("--random", type=int, nargs="*", default=[400], help="对照：随机问 K 条")
    ap.add_argument("--all", action="store_true", help="也试一次把之后的消息全部标注（上限）")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if not gi.DATA.exists():
        print(f"找不到 {gi.DATA}", file=sys.stderr)
        return 2
    data = gi.rows()
    held = gi.grouped_heldout(data)
    test = [r for r in data if r[0] in held]
    imported, live = halves([r for r in data if r[0] not in held])
    truth = dict(live)
    print(f"留出（按近似重复分组）{len(test)} 条（广告 {sum(y for _, y in test)}）；导入 {len(imported)} 条"
          f"（广告 {sum(y for _, y in imported)}）；之后的消息 {len(live)} 条（广告 {sum(y for _, y in live)}）")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        settings = Settings(data_dir=base, llm_provider="offline")
        base.mkdir(parents=True)
        audit = AuditLog(f"sqlite:///{base / 'moderation.sqlite'}")
        audit.import_examples(KEY, [(t, "ad" if y else "ok") for t, y in imported])
        first = train_group(settings, KEY, audit)
        print(f"只导入一半：{first['message']}")
        mod = Moderator(settings, gi.PROFILE, audit=audit, profile_key=KEY)
        for t, _ in live:  # live traffic judged with the group's model, into the audit log
            mod.moderate(t)
        audit.engine.dispose()
        pipe, alone = score(base, test)
        print(f"K=0：流水线 {pipe}；群模型单独 {alone}")
        runs = [(k, "uncertain") for k in args.k] + [(k, "random") for k in args.random] + \
            ([(len(live), "all")] if args.all else [])
        for i, (k, how) in enumerate(runs):
            work = Path(tmp) / f"run{i}"
            info = ask(base, work, truth, k, "uncertain" if how == "all" else how, args.seed)
            pipe, alone = score(work, test)
            print(f"K={k}（{how}，问到广告 {info['ads_asked']} 条，群模型{'启用' if info['enabled'] else '未启用'}）："
                  f"流水线 P {pipe['precision']:.3f} R {pipe['recall']:.3f} F1 {pipe['f1']:.3f}；"
                  f"群模型单独 F1 {alone['f1'] if alone else float('nan'):.3f}", flush=True)
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The per-group model experiment of docs/moderation.md: import a game-server group's labelled history and
moderate messages of the same group that were not imported.

Data: ``../shared/data/qq_group_ads/train.txt`` (MIT; one Minecraft-server QQ community). Two held-out
splits, each about one fifth, are moderated after the rest is imported with ``AuditLog.import_examples``
and ``train_group`` — the same code as ``copilot moderation-import``:

* **text-hash** (``--split text``): the MD5 1-in-5 split by text (the one the shipped classifier never
  saw). No exact duplicate crosses it, but near-duplicates (the same ad with another number) can;
* **grouped near-duplicate** (``--split grouped``): messages whose character-trigram Jaccard similarity
  is ≥ 0.5 are chained into clusters and each cluster falls wholly on one side (by the MD5 of its
  first text), so neither exact nor near-duplicates cross. The harder of the two.

Also reported: the group model alone (without the other layers), and a near-duplicate memory (a held-out
message whose nearest imported message has Jaccard ≥ 0.6 takes that message's label) to see what learning
from the admins' past deletions by similarity adds. ``--others`` imports into the ``mc_server`` profile
of the tuning sets and checks that every *other* group's accuracy on tuning/dev2/dev3 is unchanged.

Usage: ``.venv/bin/python scripts/experiment_group_import.py [--split text|grouped|both] [--others]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.config import Settings  # noqa: E402
from copilot.evals.moderation import load_set, run_set  # noqa: E402
from copilot.metrics import binary  # noqa: E402
from copilot.moderation.audit import AuditLog  # noqa: E402
from copilot.moderation.classifier import load_group_model  # noqa: E402
from copilot.moderation.normalise import normalise  # noqa: E402
from copilot.moderation.pipeline import Moderator  # noqa: E402
from copilot.moderation.training import md5_fifth, train_group  # noqa: E402
from copilot.profile import parse_profile_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "qq_group_ads" / "train.txt"
PROFILE = parse_profile_text("name: 我的世界生存服玩家群\npositioning: 我的世界服务器玩家交流游戏、活动和服规\n"
                             "topics: [我的世界, 生存, 服务器, 建筑]\n")
NEAR = 0.5  # clusters for the grouped split
MEMORY = 0.6  # near-duplicate memory threshold


def rows() -> list[tuple[str, int]]:
    out = []
    for line in DATA.read_text(encoding="utf-8", errors="replace").splitlines():
        text, sep, label = line.strip().rpartition("==")
        if sep and text.strip() and label.strip() in {"0", "1"}:
            out.append((text.strip(), int(label)))
    return out


def shingles(text: str) -> set[str]:
    s = "".join("0" if c.isdigit() else c for c in normalise(text).digits)
    return {s[i:i + 3] for i in range(max(1, len(s) - 2))}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def link_clusters(n: int, linked: Callable[[int, int], bool]) -> list[int]:
    """Cluster id of each of ``n`` items: union-find over the pairs ``linked(i, j)`` joins."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if linked(i, j):
                parent[find(i)] = find(j)
    return [find(i) for i in range(n)]


def grouped_heldout(data: list[tuple[str, int]]) -> set[str]:
    """Texts of the held-out side of the grouped near-duplicate split (union-find over Jaccard ≥ NEAR)."""
    texts = list(dict.fromkeys(t for t, _ in data))
    sh = [shingles(t) for t in texts]
    ids = link_clusters(len(texts), lambda i, j: jaccard(sh[i], sh[j]) >= NEAR)
    first: dict[int, str] = {}
    for i, t in zip(ids, texts):
        first.setdefault(i, t)
    return {t for i, t in zip(ids, texts) if md5_fifth(first[i])}


def memory(imported: list[tuple[str, int]], test: list[tuple[str, int]], fallback: list[bool]) -> list[bool]:
    """Near-duplicate memory: the label of the most similar imported message when close enough."""
    known = [(shingles(t), y) for t, y in imported]
    out = []
    for (t, _), f in zip(test, fallback):
        s = shingles(t)
        best, label = max(((jaccard(s, k), y) for k, y in known), default=(0.0, 0))
        out.append(bool(label) if best >= MEMORY else f)
    return out


def run(split: str, others: bool) -> None:
    data = rows()
    held = grouped_heldout(data) if split == "grouped" else {t for t, _ in data if md5_fifth(t)}
    imported = [r for r in data if r[0] not in held]
    test = [r for r in data if r[0] in held]
    key = "mc_server"
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), llm_provider="offline")
        audit = AuditLog.from_settings(settings)
        audit.import_examples(key, [(t, "ad" if y else "ok") for t, y in imported])
        result = train_group(settings, key, audit)
        gold = [bool(y) for _, y in test]
        name = "按文本哈希划分" if split == "text" else "按近似重复分组划分"
        print(f"[{name}] 导入 {len(imported)} 条，留出 {len(test)} 条（广告 {sum(gold)}）：{result['message']}")
        for k, label in (("", "共享模型"), (key, "群专属模型")):
            mod = Moderator(settings, PROFILE, audit=None, profile_key=k)
            pred = [mod.analyse(t).label == "ad" for t, _ in test]
            print(f"  {label}：整条流水线 {binary(gold, pred)}")
        group = load_group_model(settings.data_dir, key)
        if group is not None:
            alone = [group.score(t) >= 0.5 for t, _ in test]
            print(f"  群模型单独：{binary(gold, alone)}")
            print(f"  群模型 + 近似重复记忆（Jaccard ≥ {MEMORY}）：{binary(gold, memory(imported, test, alone))}")
        if others:
            for name_ in ("tuning.jsonl", "dev2.jsonl", "dev3.jsonl"):
                rows_ = load_set(name_)
                before = run_set(rows_)["by_profile"]
                after = run_set(rows_, settings=settings)["by_profile"]
                moved = {p: (before[p], after[p]) for p in before if before[p] != after[p]}
                print(f"  {name_}：导入后准确率变化的群 {moved or '无'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("text", "grouped", "both"), default="both")
    ap.add_argument("--others", action="store_true", help="检查其他群在调参集上的准确率是否不变")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"找不到 {DATA}", file=sys.stderr)
        return 2
    for split in ("text", "grouped") if args.split == "both" else (args.split,):
        run(split, args.others)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

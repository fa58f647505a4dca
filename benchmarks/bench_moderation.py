"""Moderation speed of the offline layers on one core (target ≥ 2,000 messages/s).

Run: ``.venv/bin/python benchmarks/bench_moderation.py [--n 6000]``. Messages are the eval set's
texts, each made unique (a suffix) so that the normalisation cache does not flatter the figures; no suffix makes a
measured quantity (12mg), which the eval's texts never have and which costs the ad model's path a second reading.
Each moderator first judges 200 other texts, so the tables loaded on first use (policy rules, jieba's word
classes, the corpora of the unknown-word check) are not timed: the figures are a running hook's (from round 32;
before, the first 6,000 messages paid for them). Reports: ``quick_label`` (no profile), ``Moderator`` with a
profile and no audit log, the same with a
group's own ad model (trained here on one group type of our corpus), and with the SQLite audit log
(every verdict written, strikes and members counted). Figures go into docs/moderation.md.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

WARM = 200  # messages judged before timing (their own users and texts)


def pin_one_core() -> None:
    """Run this process on one core (the figures are per core); a platform without affinity runs as it is."""
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def warm(moderate: Callable[[dict[str, Any]], object], rows: list[dict[str, Any]]) -> None:
    for i, r in enumerate(rows[:WARM]):
        moderate({"id": f"w{i}", "user": f"w{i}", "text": f"预热{i} {r['text']}"})


@contextmanager
def _wrapping() -> Iterator[Callable[[Any, str, Callable[[Any], Any]], None]]:
    """``wrap(obj, attr, make)`` sets ``obj.attr`` to ``make(old)`` (a timer around it) for the ``with`` block; every
    wrapped attribute is put back on leaving it, in reverse order, also when the run fails."""
    wrapped: list[tuple[Any, str, Any]] = []

    def wrap(obj: Any, attr: str, make: Callable[[Any], Any]) -> None:
        old = getattr(obj, attr)
        wrapped.append((obj, attr, old))
        setattr(obj, attr, make(old))

    try:
        yield wrap
    finally:
        for obj, attr, old in reversed(wrapped):
            setattr(obj, attr, old)


def budget(run: Callable[[], None], n: int) -> None:
    """Per-layer CPU budget of ``run`` (``n`` messages): every layer and detector is wrapped in a timer that records
    its own time (its callees' time excluded), printed in µs per message. Instrumented here only, never in the hot
    path; the wrappers cost ~1 µs per call, so the figures are relative (their sum exceeds the plain run's time)."""
    from copilot import textnorm
    from copilot.moderation import classifier, evidence, offtopic, permissions, pipeline, signals

    own: dict[str, int] = {}
    calls: dict[str, int] = {}
    stack = [0]
    clock = time.perf_counter_ns  # cheaper to read than thread_time_ns (a vDSO call, not a syscall): less distortion

    def timed(name: str, f: Callable[..., Any]) -> Callable[..., Any]:
        def w(*a: Any, **k: Any) -> Any:
            t0 = clock()
            stack.append(0)
            try:
                return f(*a, **k)
            finally:
                dt = clock() - t0
                inner = stack.pop()
                own[name] = own.get(name, 0) + dt - inner
                calls[name] = calls.get(name, 0) + 1
                stack[-1] += dt
        return w

    with _wrapping() as wrap:
        def patch(obj: Any, attr: str, name: str) -> None:
            wrap(obj, attr, lambda old: timed(name, old))

        for attr in ("normalise", "judged_text", "detect", "without_measures", "_abuse_model", "_scores", "_member_post",
                     "_plain_offer", "corroboration", "offered", "reach_notice", "unspoken", "unquoted", "Verdict",
                     "_put_down_first", "_ok_reasons", "_reasons", "rule_ids_for"):
            if hasattr(pipeline, attr):
                patch(pipeline, attr, f"pipeline.{attr}")
        for attr in ("_flood_layer", "_trust_layer", "_feedback_layer", "_judge_layer", "_apply_policy", "_members_deal",
                     "_own_offer", "_own_event_sign_up", "_member_surplus", "_offtopic", "_in_script"):
            patch(pipeline.Moderator, attr, f"Moderator.{attr}")
        patch(classifier.NgramModel, "score", "NgramModel.score")
        patch(classifier.NgramModel, "top_grams", "NgramModel.top_grams")
        for attr in ("load_group_model", "load_classifier", "load_abuse_model", "load_chatter_model"):
            for mod in (pipeline, classifier, offtopic):
                if hasattr(mod, attr):
                    patch(mod, attr, f"classifier.{attr}")
        patch(offtopic.OffTopicDetector, "check", "OffTopicDetector.check")
        patch(offtopic, "unknown_nouns", "offtopic.unknown_nouns")
        patch(signals, "cue_words", "signals.cue_words (jieba edge check incl.)")
        patch(signals, "_is_social", "signals._is_social")
        for mod in (signals, evidence, offtopic, permissions):  # normalise called by the layers themselves
            if hasattr(mod, "normalise"):
                patch(mod, "normalise", f"{mod.__name__.rpartition('.')[2]}.normalise")
        patch(textnorm, "cuts_word", "textnorm.cuts_word")
        running = signals.signal_table().detectors  # each signal's detector, as detect() runs them
        detectors = dict(running)
        running.update({name: timed(f"detector {name}", f) for name, f in detectors.items()})
        t0 = clock()
        try:
            run()
        finally:
            total = clock() - t0
            running.update(detectors)
    own["(rest: Moderator.moderate, analyse, detect's own loop …)"] = total - sum(own.values())
    print(f"每层 CPU 预算（µs/条，不含被调用层；插桩后共 {total / n / 1000:.0f} µs/条）：")
    for name, ns in sorted(own.items(), key=lambda kv: -kv[1]):
        if ns / n >= 500:  # ≥ 0.5 µs per message
            print(f"  {ns / n / 1000:7.1f}  {ns / total:5.1%}  {calls.get(name, 0) / n:5.2f}×/条  {name}")


def stages(run: Callable[[], None], n: int) -> None:
    """The CPU time of a few top-level stages of ``run`` (``n`` messages), each with its callees, in µs per message
    and as a share of the whole run. Only these ~18 calls per message are timed, so the shares hold for the plain run:
    ``--budget`` times every detector and small helper, and its ~1 µs per wrapped call (60 calls per message) makes
    the many small layers (detect's detectors, cue words) look cheaper beside the few large ones than they are."""
    from copilot.moderation import classifier, offtopic, pipeline

    spent: dict[str, int] = {}
    clock = time.thread_time_ns

    def timer(name: str, old: Callable[..., Any]) -> Callable[..., Any]:
        def w(*a: Any, **k: Any) -> Any:
            t0 = clock()
            try:
                return old(*a, **k)
            finally:
                spent[name] = spent.get(name, 0) + clock() - t0
        return w

    with _wrapping() as wrap:
        def patch(obj: Any, attr: str, name: str) -> None:
            wrap(obj, attr, lambda old: timer(name, old))

        patch(pipeline.Moderator, "analyse", "Moderator.analyse（离线各层合计）")
        patch(pipeline, "detect", "signals.detect（规则信号，含各检测器）")
        patch(offtopic.OffTopicDetector, "check", "OffTopicDetector.check（跑题）")
        patch(classifier.NgramModel, "score", "NgramModel.score（广告/辱骂/闲聊模型）")
        patch(pipeline, "normalise", "normalise（pipeline 调用）")
        for attr in ("_apply_policy", "_flood_layer", "_trust_layer", "_judge_layer"):
            patch(pipeline.Moderator, attr, f"Moderator.{attr}")
        patch(pipeline, "corroboration", "pipeline.corroboration")
        # the ~30 % outside analyse (round 71, d17c71): the message's reading, the layers of _decide after analyse,
        # and the reason's words in the output script with the evidence put back as written
        patch(pipeline, "_coerce", "pipeline._coerce（读入消息，pydantic 校验）")
        patch(pipeline.Moderator, "_decide", "Moderator._decide（analyse + 其后各层）")
        for attr in ("_sender_layer", "_thread_layer", "_belongs_layer", "_group_talk_layer", "_answer_layer",
                     "_in_script"):
            patch(pipeline.Moderator, attr, f"Moderator.{attr}")
        t0 = clock()
        run()
        total = clock() - t0
    print(f"各阶段 CPU 时间（µs/条，含被调用层；共 {total / n / 1000:.0f} µs/条，{n * 1e9 / total:,.0f} 条/秒）：")
    for name, ns in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {ns / n / 1000:7.1f}  {ns / total:5.1%}  {name}")


def _group_moderator(data_dir: Path) -> Any:
    """The reading group's moderator with a group's own ad model: the game-server lines of our corpus stand in for
    an imported history (trained here, saved under ``data_dir``)."""
    from copilot.config import Settings
    from copilot.evals.moderation import DATA_DIR
    from copilot.moderation import Moderator
    from copilot.moderation.classifier import group_model_path
    from copilot.moderation.training import fit_ngram
    from copilot.paths import RESOURCES_DIR
    from copilot.profile import load_profile

    s = Settings(data_dir=data_dir, llm_provider="offline")
    corpus = [json.loads(x) for x in (RESOURCES_DIR / "moderation" / "corpus.jsonl").read_text("utf-8").splitlines()]
    mc = [r for r in corpus if r["group"].startswith("游戏")]
    model, _ = fit_ngram([r["text"] for r in mc], [int(r["label"] == "ad") for r in mc], C=3.0)
    model.meta = {"group": "bench"}
    model.save(group_model_path(s.data_dir, "bench"))
    mod = Moderator(s, load_profile(DATA_DIR / "profiles" / "reading.yaml"), audit=None, profile_key="bench")
    assert mod.classifier.is_group_model
    return mod


REAL_SETS = ("messages.jsonl", "tuning.jsonl")  # then every dev*.jsonl: readable sets only, never a locked or blind one


def real_texts(n: int) -> list[str]:
    """Up to ``n`` different message texts of the readable eval sets (messages, tuning, every dev set), as members wrote
    them: no suffix, each once (no normalisation-cache hit), in file order — the "real traffic" figure. Most have no
    Latin letter or digit, so the contact and link pre-checks rule their detectors out, as in a group's chat; the main
    figure's ` {i}q` suffix defeats them on every message (round 82, d17s82)."""
    from copilot.evals.moderation import DATA_DIR, load_set

    names = [*REAL_SETS, *sorted(p.name for p in DATA_DIR.glob("dev*.jsonl"))]
    texts = dict.fromkeys(str(r.get("text") or "") for name in names for r in load_set(name))
    texts.pop("", None)
    return list(texts)[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=6000)
    ap.add_argument("--budget", action="store_true",
                    help="only the per-layer CPU budget of the group-model moderator (instrumented, slower)")
    ap.add_argument("--stages", action="store_true",
                    help="only the CPU time of the top-level stages of the group-model moderator (few timers)")
    args = ap.parse_args()
    pin_one_core()
    from copilot.config import Settings
    from copilot.evals.moderation import DATA_DIR, load_set
    from copilot.moderation import Moderator, quick_label
    from copilot.profile import load_profile

    rows = load_set()
    texts = [f"{r['text']} {i}" for i, r in enumerate(rows * (args.n // len(rows) + 1))][: args.n]
    if args.budget or args.stages:
        with tempfile.TemporaryDirectory() as tmp:
            mod = _group_moderator(Path(tmp))
            warm(mod.moderate, rows)
            texts = [x + "q" for x in texts]

            def run() -> None:
                for i, x in enumerate(texts):
                    mod.moderate({"id": str(i), "user": f"u{i % 500}", "text": x})
            (budget if args.budget else stages)(run, args.n)
        return
    for i, r in enumerate(rows[:WARM]):
        quick_label(f"预热{i} {r['text']}")  # jieba's dictionary and the lexicons are loaded once per process
    t = time.perf_counter()
    for x in texts:
        quick_label(x)
    q = time.perf_counter() - t
    print(f"quick_label（无群档案）：{args.n / q:,.0f} 条/秒（{q / args.n * 1e6:.0f} µs/条）")

    with tempfile.TemporaryDirectory() as tmp:
        s = Settings(data_dir=Path(tmp), llm_provider="offline")
        prof = load_profile(DATA_DIR / "profiles" / "reading.yaml")
        mod = Moderator(s, prof, audit=None)
        warm(mod.moderate, rows)
        texts = [x + "m" for x in texts]  # fresh texts: no normalisation-cache hits from the loop above
        t, c = time.perf_counter(), time.thread_time()
        for i, x in enumerate(texts):
            mod.moderate({"id": str(i), "user": f"u{i % 500}", "text": x})
        m, mc_ = time.perf_counter() - t, time.thread_time() - c
        print(f"Moderator（读书会档案，全部离线层，无审核日志）：{args.n / m:,.0f} 条/秒（{m / args.n * 1e6:.0f} µs/条）；"
              f"按 CPU 时间 {args.n / mc_:,.0f} 条/秒（机器忙时墙钟时间偏慢）")

        mod = _group_moderator(Path(tmp))
        warm(mod.moderate, rows)
        # fresh texts again — a letter that makes no unit with the one before: "12mg" was a measured quantity, so every
        # message of this run (and of no other) was read twice by the ad model's path (the text without its measures)
        texts = [x + "q" for x in texts]
        t, c = time.perf_counter(), time.thread_time()
        for i, x in enumerate(texts):
            mod.moderate({"id": str(i), "user": f"u{i % 500}", "text": x})
        g, gc_ = time.perf_counter() - t, time.thread_time() - c
        print(f"Moderator + 群专属模型（无审核日志）：{args.n / g:,.0f} 条/秒（{g / args.n * 1e6:.0f} µs/条）；"
              f"按 CPU 时间 {args.n / gc_:,.0f} 条/秒")
        real = real_texts(args.n)
        t, c = time.perf_counter(), time.thread_time()
        for i, x in enumerate(real):
            mod.moderate({"id": f"r{i}", "user": f"u{i % 500}", "text": x})
        r, rc_ = time.perf_counter() - t, time.thread_time() - c
        print(f"  同上，真实流量口径（可读评测集去重的原文 {len(real):,} 条，不加后缀）：{len(real) / r:,.0f} 条/秒"
              f"（{r / len(real) * 1e6:.0f} µs/条）；按 CPU 时间 {len(real) / rc_:,.0f} 条/秒")

        mod = Moderator(s, prof)
        warm(mod.moderate, rows)
        n2 = min(args.n, 2000)
        texts = [x + "a" for x in texts]
        t = time.perf_counter()
        for i, x in enumerate(texts[:n2]):
            mod.moderate({"id": str(i), "user": f"u{i % 500}", "group": "g", "text": x})
        a = time.perf_counter() - t
        print(f"Moderator + SQLite 审核日志（WAL）：{n2 / a:,.0f} 条/秒（{a / n2 * 1e6:.0f} µs/条）")


if __name__ == "__main__":
    main()

"""Character-level ROUGE of the notes summary on VCSum short_dev (real Chinese multi-speaker meetings).

Usage: .venv/bin/python scripts/eval_vcsum.py [--data ../shared/data/vcsum/short_dev.jsonl] [--limit N]
       [--chars 150] [--fake-llm] [--llm]

Each segment's paragraphs become messages (speaker = 发言人N, no timestamps); the offline engine's
``notes.summary`` is scored against the reference ``discussion``. A lead baseline (first N characters
of the transcript) is printed for comparison. ``--fake-llm`` runs the LLM path against FakeOpenAI
with an extractive responder: it measures the pipeline, NOT a language model (none is available
offline). ``--llm`` runs the configured OpenAI-compatible endpoint instead. The data file is optional;
the tests never need it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.config import Settings  # noqa: E402
from copilot.notes.model import Message, Transcript  # noqa: E402
from copilot.notes.rouge import rouge  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "vcsum" / "short_dev.jsonl"


def to_transcript(row: dict) -> Transcript:
    messages = []
    for i, (para, spk) in enumerate(zip(row["context"], row["speaker"]), 1):
        messages.append(Message(id=i, time=None, speaker=f"发言人{spk}", text="".join(para)))
    return Transcript(name=str(row["id"]), messages=messages, format="vcsum")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--chars", type=int, default=150, help="summary length budget (reference mean ≈ 149)")
    ap.add_argument("--fake-llm", action="store_true")
    ap.add_argument("--llm", action="store_true", help="also run the configured OpenAI-compatible endpoint (COPILOT_LLM_*)")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"找不到 VCSum 数据：{args.data}（这个评测是可选的）")
        return 0
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]

    from copilot.notes.offline import summarize_offline
    from copilot.notes.structure import analyze

    systems: dict[str, list[dict[str, float]]] = {"lead": [], "offline": [], "offline-default-length": []}
    seconds: list[float] = []
    for row in rows:
        t = to_transcript(row)
        ref = row["discussion"]
        full = "".join(m.text for m in t.messages)
        systems["lead"].append(rouge(full[: args.chars], ref))
        start = time.perf_counter()
        st = analyze(t)
        notes = summarize_offline(t, st, summary_chars=args.chars)
        seconds.append(time.perf_counter() - start)
        systems["offline"].append(rouge(notes.summary, ref))
        systems["offline-default-length"].append(rouge(summarize_offline(t, st).summary, ref))

    if args.fake_llm:
        from copilot.devtools.fake_openai import FakeOpenAI
        from copilot.llm import get_engine
        from copilot.notes import summarize_transcript
        from copilot.notes.fake import notes_responder

        systems["llm(FakeOpenAI)"] = []
        with FakeOpenAI(responder=notes_responder()) as srv:
            s = Settings(llm_provider="openai", llm_base_url=srv.url, llm_model="fake-model", llm_max_retries=0)
            engine = get_engine(s)
            for row in rows:
                r = summarize_transcript(to_transcript(row), s, engine)
                systems["llm(FakeOpenAI)"].append(rouge(r.notes.summary, row["discussion"]))

    if args.llm:
        from copilot.config import get_settings
        from copilot.llm import LLMUnavailable, get_engine
        from copilot.notes import summarize_transcript

        s = get_settings()
        try:
            engine = get_engine(s, prefer="llm")
        except LLMUnavailable as exc:
            print(f"--llm：{exc}")
            return 2
        label = f"llm({engine.name})"
        systems[label] = []
        fallbacks = 0
        for row in rows:
            r = summarize_transcript(to_transcript(row), s, engine)
            fallbacks += r.engine != engine.name
            systems[label].append(rouge(r.notes.summary, row["discussion"]))
        print(f"{label}: {fallbacks} 段回退到离线引擎")

    print(f"VCSum short_dev：{len(rows)} 段，参考摘要平均 {statistics.mean(len(r['discussion']) for r in rows):.0f} 字，"
          f"摘要预算 {args.chars} 字")
    print(f"{'system':28} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8}")
    for name, scores in systems.items():
        if not scores:
            continue
        avg = {k: statistics.mean(s[k] for s in scores) for k in ("rouge-1", "rouge-2", "rouge-l")}
        print(f"{name:28} {avg['rouge-1']*100:8.2f} {avg['rouge-2']*100:8.2f} {avg['rouge-l']*100:8.2f}")
    print(f"offline notes per segment: mean {statistics.mean(seconds)*1000:.0f} ms, max {max(seconds)*1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

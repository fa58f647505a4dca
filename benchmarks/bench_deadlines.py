"""How long the LLM paths wait when the endpoint is slow or hung: the seconds the tests no longer assert.

The tests (test_llm, test_moderation_judge, test_hook_retest, test_hook_hardening) check what happens — the
timeout or deadline notice, that no retry was waited for, that a busy judge slot is refused, that a batch's waits
add up to one deadline, that /healthz answers while a judge hangs — and this script times it, against FakeOpenAI
(a real HTTP server on loopback) with replies that come late or never:

- a model call whose reply comes after 30 s, ``llm_timeout`` 0.3 s: seconds until it gives up (test limit was 2.5 s);
- a hung endpoint, ``llm_deadline`` 1 s (client timeout 30 s, two retries): seconds until the fallback (was 5 s);
- an uncertain message whose judge hangs, ``moderation_judge_timeout`` 0.8 s: seconds per message (was 3 s);
- the only judge slot held by a hung call: an uncertain message (refused the slot) and a clear ad (never judged),
  both together (was 1 s);
- one hook request of six uncertain messages whose judges all hang, a 1 s deadline: seconds (was 2.5 s);
- ``/healthz`` over loopback (uvicorn) while a moderation request's judge hangs: p50 / max (was 1 s).

Run: ``.venv/bin/python benchmarks/bench_deadlines.py [--repeat 3]``; about a minute, most of it the deadlines
themselves. Figures go into README.md ("Figures").
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from langchain_core.messages import HumanMessage, SystemMessage  # noqa: E402
from pydantic import BaseModel  # noqa: E402

from copilot.config import Settings  # noqa: E402
from copilot.devtools.fake_openai import FakeOpenAI, Reply  # noqa: E402
from copilot.devtools.procs import app_in_thread  # noqa: E402
from copilot.llm import LLMUnavailable, get_engine, invoke_structured, run_with_fallback  # noqa: E402
from copilot.moderation import Moderator  # noqa: E402
from copilot.profile import load_profile  # noqa: E402
from copilot.server import create_app  # noqa: E402

GROUP = "30001"
PROFILE = """
name: 小区宝妈育儿交流群
positioning: 同小区的宝妈交流辅食、早教、疫苗和带娃经验
topics: [辅食, 早教, 疫苗, 睡眠, 带娃]
"""
UNSURE = "昨天在楼下排了半小时队买包子，还没买到"  # the uncertain band for this group: the judge is asked
AD = "兼职日结，手机就能做，加微信 mama_job520 领任务，一单一结"
MESSAGES = [SystemMessage(content="只输出 JSON"), HumanMessage(content="给读书会起名")]


class Names(BaseModel):
    names: list[str]


@contextmanager
def llm_settings(**overrides: Any) -> Iterator[tuple[FakeOpenAI, Settings]]:
    """A fresh fake endpoint (hung replies end with it) and settings for the mothers' group pointing at it."""
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI() as fake:
        profile = Path(tmp) / f"group-{GROUP}.yaml"
        profile.write_text(PROFILE, encoding="utf-8")
        values: dict[str, Any] = {"data_dir": Path(tmp) / "data", "llm_provider": "openai", "llm_base_url": fake.url,
                                  "llm_model": "fake-model", "llm_max_retries": 0, "groups": {GROUP: str(profile)}}
        yield fake, Settings(**{**values, **overrides})


def moderator(s: Settings) -> Moderator:
    mod = Moderator(s, load_profile(Path(s.groups[GROUP])), audit=None, engine=get_engine(s))
    if not 0.45 <= mod.analyse(UNSURE).score < 0.75:  # also loads the models, so they are not timed
        raise SystemExit("the uncertain message is no longer in the judge's band: pick another for this benchmark")
    return mod


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def llm_timeout() -> float:
    with llm_settings(llm_timeout=0.3) as (fake, s):
        fake.push(Reply('{"names": ["x"]}', delay=30.0))
        engine = get_engine(s)  # the client is built before the clock starts
        start = time.perf_counter()
        try:
            invoke_structured(engine, MESSAGES, Names)
        except LLMUnavailable:
            return time.perf_counter() - start
        raise SystemExit("the late reply was waited for: the client's timeout did not apply")


def llm_deadline() -> float:
    with llm_settings(llm_timeout=30, llm_max_retries=2, llm_deadline=1.0) as (fake, s):
        fake.push(*[Reply(hang=True) for _ in range(3)])
        engine = get_engine(s)
        return timed(lambda: run_with_fallback(engine, lambda e: invoke_structured(e, MESSAGES, Names),
                                               lambda: Names(names=["离线"])))


def judge_hung() -> float:
    with llm_settings(llm_timeout=30, llm_max_retries=2, moderation_judge_timeout=0.8) as (fake, s):
        fake.push(*[Reply(hang=True) for _ in range(3)])
        mod = moderator(s)
        return timed(lambda: mod.moderate({"user": "u", "text": UNSURE}))


def judge_slot_busy() -> float:
    with llm_settings(llm_timeout=3, moderation_judge_timeout=2.0, moderation_judge_slots=1) as (fake, s):
        fake.push(*[Reply(hang=True) for _ in range(4)])
        mod = moderator(s)
        hung = threading.Thread(target=lambda: mod.moderate({"user": "a", "text": UNSURE}))
        hung.start()
        if not fake.wait_for_chat(1):
            raise SystemExit("the first judge call never reached the fake endpoint")
        took = timed(lambda: (mod.moderate({"user": "b", "text": UNSURE + "，急"}),
                              mod.moderate({"user": "c", "text": AD})))
        hung.join(30)
        return took


def hook_batch() -> float:
    with llm_settings(llm_timeout=3, moderation_judge_timeout=1.0, moderation_judge_slots=8) as (fake, s):
        fake.push(*[Reply(hang=True) for _ in range(20)])
        client = TestClient(create_app(s, engine=get_engine(s)), base_url="http://127.0.0.1")
        client.post("/v1/moderate", json={"text": "宝宝几个月可以加蛋黄"})  # models loaded
        batch = [{"id": f"b{i}", "user": f"u{i}", "group": GROUP, "text": f"{UNSURE}，第{i}次问"} for i in range(6)]
        return timed(lambda: client.post("/v1/moderate", json=batch))


def healthz_while_judge_hangs(calls: int) -> list[float]:
    with llm_settings(llm_timeout=30, moderation_judge_timeout=4.0) as (fake, s):
        fake.push(*[Reply(hang=True) for _ in range(4)])
        with app_in_thread(create_app(s, engine=get_engine(s)), 60) as base:
            slow = threading.Thread(target=lambda: httpx.post(
                base + "/v1/moderate", json={"user": "u", "group": GROUP, "text": UNSURE}, timeout=30))
            slow.start()
            if not fake.wait_for_chat(1):
                raise SystemExit("the judge call never reached the fake endpoint")
            lat = []
            with httpx.Client(timeout=10) as c:
                for _ in range(calls):
                    lat.append(timed(lambda: c.get(base + "/healthz")) * 1000)
            pending = slow.is_alive()
            slow.join(30)
            if not pending:
                print("  (the hung request ended before the /healthz calls did: the figures below are not under it)")
            return lat


def runs(fn: Callable[[], float], n: int) -> list[float]:
    """``n`` timed runs after one untimed (the first pays for imports and for loading the models)."""
    fn()
    return [fn() for _ in range(n)]


def report(name: str, seconds: list[float], limit: float, unit: str = "s") -> None:
    scale = 1000 if unit == "ms" else 1
    vals = [x * scale for x in seconds] if unit == "ms" else seconds
    fmt = "{:.1f}" if unit == "ms" else "{:.2f}"
    print(f"{name}: median {fmt.format(statistics.median(vals))} {unit}, worst {fmt.format(max(vals))} {unit} "
          f"of {len(vals)} (the test's old limit {limit:g} {unit})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # each fallback logs a warning; the figures are the output
    n = args.repeat
    report("LLM reply after 30 s, llm_timeout 0.3 s → gave up after", runs(llm_timeout, n), 2.5)
    report("hung endpoint, llm_deadline 1 s → fell back after", runs(llm_deadline, n), 5)
    report("hung judge, moderation_judge_timeout 0.8 s → verdict after", runs(judge_hung, n), 3)
    report("judge slot held by a hung call → busy + clear message", runs(judge_slot_busy, n), 1000, "ms")
    report("hook batch of 6 uncertain, judges hung, one 1 s deadline → response after", runs(hook_batch, n), 2.5)
    lat = healthz_while_judge_hangs(20 * n)
    print(f"/healthz while a judge hangs ({len(lat)} calls): p50 {statistics.median(lat):.1f} ms, "
          f"worst {max(lat):.1f} ms (the test's old limit 1000 ms)")


if __name__ == "__main__":
    main()

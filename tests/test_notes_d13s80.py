"""Round 80 (d13s80, issue 13 speed): the notes' cue regexes (``cues.cue``, ``cues.cue_list``, the screens behind
``cues.has``) and the noise step's word lists sit behind a first look for the literal strings every match of them
must hold (:class:`copilot.moderation.literals.Gated`), so a text holding none of them is answered "no match" without
the engine trying a look-behind or a class at every place. Every answer must be the bare pattern's: each cue list of
cues.yaml on realistic lines (Simplified, Traditional, Cantonese, zero-width, very long), the noise reasons of chat
lines, and whole chats' notes (a Traditional Cantonese chat, a long export, a chat with many to-dos) written the same
with every gate taken off."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks.bench_notes import make_transcript
from copilot.config import Settings
from copilot.llm import get_engine
from copilot.moderation.literals import Gated, _skips
from copilot.notes import cues, noise
from copilot.notes.model import Message
from copilot.notes.render import render_markdown
from copilot.notes.summarize import summarize_text
from copilot.textnorm import fold

ROOT = Path(__file__).resolve().parents[1]
ZW = "\u200b"
LONG = "，".join(["关于小区电梯停用三天我再强调一下", "等施工队排期", "这个我有意见", "每户分摊312元",
                  "有问题打0571-6123-4455", "还是按老办法我去现场看"] * 40)
LINES = [
    "收到",
    "哈哈哈",
    "[图片]",
    "请问分享的整理稿什么时候发？",
    "能不能讲讲具体怎么排期",
    "@阿梅 周五前把报名表发到群里",
    "小王负责订场地，老周周三前把横幅做好",
    "那就这么定了，下周六上午九点半在三楼活动室",
    "活动改到周日了，地点不变",
    "谁来带一下投影仪？",
    "我来吧，周五前我去街道办借",
    "这次的费用按人头平摊每人二十五元，接龙报名写清楚人数",
    "不好意思发错群了",
    "早安☀️各位",
    "週六早上8點前到社區中心門口集合，你們記得帶水",
    "阿強聽日前過數，唔該晒",
    "邊個得閒幫手搬枱？我負責買飲品",
    "今晚嘅練習改咗去九點，大家記住",
    "誤傳 請忽略",
    f"小{ZW}王负责{ZW}订场地，周{ZW}五前交{ZW}表",
    "兼职日结，加微信 abc123456 了解",
    "总结一下：场地小林订，横幅老周做，签到表阿梅打印",
    "我觉得还是下周再说比较好吧",
    LONG,
]


def _cue_paths(node: Any = None, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every list (or single ``/regex/``) of cues.yaml that :func:`cues.phrases_regex` reads, by its path."""
    node = cues.raw() if node is None else node
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _cue_paths(v, (*path, str(k)))]
    if isinstance(node, list) and node and all(isinstance(e, str) for e in node) \
            or isinstance(node, str) and len(node) > 2 and node.startswith("/") and node.endswith("/"):
        return [path]
    return []


def _compiles(path: tuple[str, ...]) -> bool:
    """Whether the list at ``path`` is one regex (some lists are only read entry by entry: :func:`cues.cue_list`)."""
    try:
        cues.phrases_regex(cues.raw(*path))
    except re.error:
        return False
    return True


PATHS = [p for p in _cue_paths() if _compiles(p)]
TEXTS = [fold(t) for t in LINES] + LINES[:4]


def _answers(rx: Any, text: str) -> tuple[Any, ...]:
    """What every search method of ``rx`` answers on ``text`` (spans and groups, not match objects)."""
    def m(x: Any) -> Any:
        return None if x is None else (x.span(), x.groups())
    return (m(rx.search(text)), m(rx.match(text)), m(rx.fullmatch(text)), rx.findall(text),
            [x.span() for x in rx.finditer(text)], rx.sub("#", text), rx.sub("#", text, count=1), rx.split(text),
            m(rx.search(text, 3)), m(rx.search(text, 0, 5)))


def test_the_cue_lists_are_read() -> None:
    assert len(PATHS) > 300
    assert ("reply", "holds_questions") in PATHS and ("question", "report_request") in PATHS


def test_many_cues_are_gated_and_keep_their_pattern() -> None:
    gated = [p for p in PATHS if isinstance(cues.cue(*p), Gated)]
    assert len(gated) > 50  # (the look-behind-led lists: otherwise nothing was saved)
    for p in gated:
        assert cues.cue(*p).pattern == cues.phrases_regex(cues.raw(*p)).pattern
    # a pattern the engine skips places for by itself (it opens with a literal or a set of characters) stays bare
    skipped = [p for p in PATHS if _skips(cues.phrases_regex(cues.raw(*p)))]
    assert skipped and not any(isinstance(cues.cue(*p), Gated) for p in skipped)
    assert isinstance(cues.cue("reply", "holds_questions"), Gated)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: ".".join(p))
def test_cue_answers_as_the_bare_pattern(path: tuple[str, ...]) -> None:
    bare = cues.phrases_regex(cues.raw(*path))
    gated = cues.cue(*path)
    for text in TEXTS:
        assert _answers(gated, text) == _answers(bare, text), (path, text[:40])


@pytest.mark.parametrize("path", PATHS, ids=lambda p: ".".join(p))
def test_has_answers_as_the_bare_screens(path: tuple[str, ...]) -> None:
    bare = cues.screens(cues.raw(*path))
    for text in TEXTS:
        assert cues.has.__wrapped__(text, *path) == cues.search_any(text, bare), (path, text[:40])


def test_cue_list_entries_answer_as_their_bare_patterns() -> None:
    for path in [("announcement", "signup_terms"), ("patterns", "topic"), ("personal", "intro"),
                 ("decision", "vote_pick"), ("action", "assign")]:
        bare = [cues.phrases_regex(e) for e in cues.raw(*path)]
        got = cues.cue_list(*path)
        assert len(got) == len(bare)
        for g, b in zip(got, bare):
            for text in TEXTS:
                assert _answers(g, text) == _answers(b, text), (path, text[:40])


NOISE_LINES = [
    "早安☀️", "谢谢老板[抱拳]", "晚安各位", "明天还要早起，溜了溜了", "早晨呀各位", "多謝晒大家",
    "语音按错了", "不好意思发错群了", "誤傳 請忽略", "手滑了", "[红包]恭喜发财，大吉大利", "我发了个红包，大家抢",
    "那红包我们准备多少个", "周五前转账给我", "收到", "哈哈哈", "[图片]", "好的，周六见",
    "早上好，提醒一下明天8点集合", "晚安，记得明天带身份证", "谢谢大家，报名表我周五前交",
]


def test_noise_reasons_are_the_bare_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    when = datetime(2026, 12, 7, 9, 0)
    messages = [Message(id=i + 1, time=when, speaker=f"成员{i % 5}", text=t) for i, t in enumerate(NOISE_LINES)]
    gated = [noise.noise_reason(m) for m in messages]
    assert any(isinstance(getattr(noise.rules(), k), Gated) for k in ("greeting", "mis_sent", "acks", "address"))
    monkeypatch.setattr(noise, "gated", lambda rx: rx)
    noise.rules.cache_clear()
    try:
        assert not any(isinstance(v, Gated) for v in vars(noise.rules()).values())
        assert [noise.noise_reason(m) for m in messages] == gated
    finally:
        monkeypatch.undo()
        noise.rules.cache_clear()
    # and the reasons themselves: a greeting, a slip and a red packet go; work, a plan and a greeting with news stay
    reasons = dict(zip(NOISE_LINES, gated))
    assert reasons["晚安各位"] and reasons["不好意思发错群了"] and reasons["誤傳 請忽略"]
    assert reasons["周五前转账给我"] is None and reasons["谢谢大家，报名表我周五前交"] is None
    assert reasons["早上好，提醒一下明天8点集合"] is None


CANTONESE = """2026-12-05 19:02 阿強
各位，下個禮拜六嘅行山改咗去大帽山，早上8點前喺荃灣站B出口集合
2026-12-05 19:04 May姐
收到！邊個負責帶急救包？
2026-12-05 19:05 阿強
@阿傑 你負責帶急救包，聽日前去藥房補貨
2026-12-05 19:06 阿傑
冇問題，我聽日收工前去
2026-12-05 19:08 小儀
請問要唔要帶行山杖？
2026-12-05 19:09 阿強
要，斜路好多，大家記得帶水同埋雨褸
2026-12-05 19:12 May姐
車費每人$30，星期五之前過數畀我
2026-12-05 19:15 小儀
早晨呀各位
2026-12-05 19:20 阿傑
誤傳 請忽略
2026-12-05 19:25 阿強
咁就定咗先，下個禮拜六大帽山，唔改喇
"""

MANY_TODOS = """2026-12-01 20:00 林老师
@所有人 元旦联欢会的分工说一下：
1. @小陈 12月20日前把节目单定下来
2. @老高 12月18日前联系好调音师
3. @阿梅 周五前把报名表发到群里
4. 场地我周三前去学校确认
2026-12-01 20:03 小陈
收到，节目单我20号前发群里
2026-12-01 20:05 老高
好的，调音师我来问
2026-12-01 20:06 阿梅
报名表今晚就发
2026-12-01 20:10 家长王姐
请问孩子需要自己带服装吗？
2026-12-01 20:12 林老师
服装学校统一借，不用自己带
2026-12-01 20:15 家长李爸
我可以帮忙布置会场，需要的话叫我
2026-12-01 20:16 林老师
好的李爸，那布置会场就交给你，31号下午两点前弄好
2026-12-01 20:20 家长王姐
谁来买气球和彩带？
2026-12-01 20:21 小陈
我来买，周日前买好
2026-12-01 20:25 林老师
总结一下：节目单小陈，调音师老高，报名表阿梅，布置李爸，气球彩带小陈
2026-12-01 20:30 家长赵妈
不好意思发错群了
"""


def _notes(text: str, name: str) -> tuple[str, list[tuple[str, str | None, str | None]]]:
    settings = Settings(llm_provider="offline")
    r = summarize_text(text, name, settings, get_engine(settings))
    return render_markdown(r.notes), [(a.task, a.owner, a.deadline) for a in r.notes.actions]


_BARE = """
import json, sys
import copilot.moderation.literals as L
L.gated = lambda rx: rx  # every gate off: cues, the noise word lists, the time lexicon's extra forms
sys.path.insert(0, {tests!r})
import test_notes_d13s80 as t
out = {{name: t._notes(text, name)[0] for name, text in t.CHATS.items()}}
print(json.dumps(out, ensure_ascii=False))
"""

CHATS = {"cantonese_hike.txt": CANTONESE, "many_todos.txt": MANY_TODOS, "long_export.txt": make_transcript(300, seed=7)}


def test_whole_chats_read_the_same_with_every_gate_off() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", _BARE.format(tests=str(ROOT / "tests"))], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=900, check=True)
    bare = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(bare) == set(CHATS)
    for name, text in CHATS.items():
        assert _notes(text, name)[0] == bare[name], name


def test_the_chats_notes_hold_their_work() -> None:
    """What the chats' notes say (so the comparison above compares notes with content in them)."""
    _, hike = _notes(CANTONESE, "cantonese_hike.txt")
    assert any(owner == "阿傑" and "急救包" in task for task, owner, _ in hike)
    _, todos = _notes(MANY_TODOS, "many_todos.txt")
    owners = {owner for _, owner, _ in todos}
    assert {"小陈", "老高", "家长李爸", "林老师"} <= owners
    assert len(todos) >= 7
    assert any(owner == "家长李爸" and due == "2026-12-31 14:00" for _, owner, due in todos)
    md, _ = _notes(make_transcript(300, seed=7), "long_export.txt")
    assert "abc123456" not in md  # the recruiting ad is dropped

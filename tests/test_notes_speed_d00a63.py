"""Round 63 (issue 13, speed): :func:`copilot.notes.cues.has` reads a cue list as its plain phrases joined in one regex
plus each ``/regex/`` entry on its own (``_screens``), not as the one alternation :func:`cue` compiles, whose
look-behind branches made the engine try every branch at every character. It must answer exactly as the alternation
does. The group-chat lines below were written for this test."""

from __future__ import annotations

import pytest

from copilot.notes import cues
from copilot.notes.cues import cue, has, raw
from copilot.textnorm import fold

_LINES = (
    "周六几点集合？我怕迟到",
    "这次团购的土鸡蛋一共多少钱",
    "我们的几点建议已经发在群里了",
    "好的，下周三之前我把分享大纲发你",
    "哈哈哈 这个真的笑死",
    "活动时间还没定，等场地确认了再说",
    "今晚由我来分享一下社群冷启动的经验",
    "有没有人一起去取快递",
    "聽日幾點開始？",
    "收到，谢谢老师",
    "场地费大家周五前转给阿静，我来统计",
    "最后再统一回答大家的问题",
)
_PATHS = (("question", "interrogatives"), ("action", "not_a_task"), ("decision", "undecided"),
          ("reply", "holds_questions"), ("announcement", "notice"), ("question", "jokes"))


@pytest.mark.parametrize("path", _PATHS)
def test_has_answers_as_the_whole_alternation(path: tuple[str, ...]) -> None:
    folded = [fold(line) for line in _LINES]
    assert [has(f, *path) for f in folded] == [bool(cue(*path).search(f)) for f in folded]


def test_phrases_share_one_regex_and_each_written_regex_stands_alone() -> None:
    entries = raw("question", "interrogatives")
    written = [e for e in entries if str(e).startswith("/") and str(e).endswith("/")]
    screens = cues._screens("question", "interrogatives")
    assert len(screens) == 1 + len(written)
    assert "(?" not in screens[0].pattern and "怎么办" in screens[0].pattern
    # a phrase is found by the phrase screen, a counted 几 only by its own written regex (not after 的: "的几点建议")
    assert screens[0].search("这个怎么办") and not any(rx.search("这个怎么办") for rx in screens[1:])
    assert not screens[0].search("周六几点集合") and any(rx.search("周六几点集合") for rx in screens[1:])
    assert not has(fold("我们的几点建议已经发在群里了"), "question", "interrogatives")


def test_a_list_with_a_back_reference_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # (\1 is numbered across the whole alternation: read on its own it would name another group)
    lists = {("test63", "doubled"): ["收到", "/(?:好|行)(了)\\1/", "/([\u4e00-\u9fff])[不没]\\2/"]}
    real = cues.raw
    monkeypatch.setattr(cues, "raw", lambda *path: lists[path] if path in lists else real(*path))
    try:
        # (one screen, the whole alternation; compared by pattern: each may sit behind its own first look, round 80)
        assert [rx.pattern for rx in cues._screens("test63", "doubled")] == [cue("test63", "doubled").pattern]
        assert has(fold("去不去啊"), "test63", "doubled") and has(fold("好了了"), "test63", "doubled")
        assert not has(fold("明天再说吧"), "test63", "doubled")
    finally:
        for cached in (cues._screens, cue, has):
            cached.cache_clear()

"""Round 65 (issue 13, speed, d00a65): cue regexes of the hot lists open with the word they look for, not with a
look-behind.

A pattern that opens with a look-behind (``(?<![的这那…])几…``) gives the regex engine no first character to skip to: it
tries the look-behind at every place of every line. Written with the word first and the look-behind after it
(``几(?<![的这那…]几)…``), the engine jumps to each 几 and checks the characters before it there — the same matches,
start and end alike. The group-chat lines below were written for this test; nothing here measures time."""

from __future__ import annotations

import pytest

from copilot.notes.cues import _screens, cue, has, interrogative
from copilot.textnorm import fold

# the cue lists every line of a long chat is asked about (a 2,000-message export: thousands of asks each)
HOT = [("question", "interrogatives"), ("question", "count"), ("question", "choice_copula"), ("action", "assign"),
       ("action", "imperative"), ("action", "warning"), ("action", "finished"), ("decision", "strong"),
       ("decision", "cues"), ("decision", "told_plan"), ("summary", "filler_inline"), ("figure_kinds", "day"),
       ("figure_values", "day")]


@pytest.mark.parametrize("path", HOT, ids=".".join)
def test_hot_cue_lists_open_with_a_word(path: tuple[str, str]) -> None:
    screens = _screens(*path)
    assert screens
    assert not [rx.pattern for rx in screens if rx.pattern.startswith(("(?<!", "(?<="))]


@pytest.mark.parametrize(("line", "asks"), [
    ("明天几点到体育馆集合", True),          # 几点 asks
    ("孙阿姨家的几个孩子都报了名", False),    # 的几个: a count told
    ("老周家有几个人要来，我统计一下", False),  # 有几个: some
    ("这周我来不了几次了", False),            # 来不了几次
    ("矿泉水还剩几瓶", True),                 # a count asked at the clause's end
    ("横幅做几米长比较好", True),
    ("你们有没有多余的折叠椅", True),
    ("没有没有，我就随便问问", False),         # 没有没有 answers no
])
def test_interrogatives_read_as_before(line: str, asks: bool) -> None:
    assert interrogative(fold(line)) is asks


@pytest.mark.parametrize(("path", "line", "found"), [
    (("action", "assign"), "物料采购由小杨负责，周五前报价", True),
    (("action", "assign"), "阿敏做事很负责", False),
    (("action", "assign"), "这个摊位特别负责的样子", False),
    (("action", "imperative"), "请大家周六前把押金转给我", True),
    (("action", "imperative"), "我已经申请了场地", False),
    (("action", "warning"), "别迟到，九点准时开始", True),
    (("action", "warning"), "按年龄分区别开站队", False),
    (("action", "finished"), "横幅搞定了，", True),
    (("action", "finished"), "明天前要搞定", False),
    (("decision", "strong"), "那就这么办，周日上午定了", True),
    (("decision", "strong"), "时间还没定了", False),
    (("decision", "strong"), "方案通过了", True),
    (("decision", "strong"), "跟物业沟通过了", False),
])
def test_rewritten_cues_answer_as_before(path: tuple[str, str], line: str, found: bool) -> None:
    assert has(fold(line), *path) is found


def test_a_count_asked_keeps_its_span() -> None:
    # callers that cut the match out see the same start and end: the look-behind now sits after 几
    line = fold("请问每家要带几个保温壶？")
    m = cue("question", "count").search(line)
    assert m is not None and m.group(0) == "几个" and line[m.start():m.end()] == "几个"
    assert cue("question", "count").search(fold("这几个人我都认识")) is None


@pytest.mark.parametrize(("line", "kept"), [
    ("嗯嗯，周六的场地我来订", "周六的场地我来订"),
    ("好嗯，那就这样", "好嗯，那就这样"),               # 嗯 after a word is no filler opening a clause
    ("就是说，押金下周退", "押金下周退"),
    ("也就是说押金下周退", "也就是说押金下周退"),        # 也就是说 sums up: kept
    ("车我来开，然后呢，油费平摊", "车我来开，油费平摊"),
    ("然后油费平摊", "然后油费平摊"),                   # 然后 opening the line is no filler
])
def test_inline_fillers_cut_as_before(line: str, kept: str) -> None:
    assert cue("summary", "filler_inline").sub("", fold(line)) == fold(kept)


def test_a_day_figure_reads_as_before() -> None:
    # 12/20 inside 112/20 (a score) is no day; 12/20 on its own is
    line = fold("上次比分112/20，下次改到12/20下午两点")
    assert [m.group(0) for m in cue("figure_kinds", "day").finditer(line)] == ["12/20"]
    assert [m.group(0) for m in cue("figure_values", "day").finditer(line)] == ["12/20"]

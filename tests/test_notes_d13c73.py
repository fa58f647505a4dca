"""Issue 13, round 73 (d13c73): 几 after a word of time or beside others ("前几天", "过几天", "另外几位") counts
loosely, as in 这几天 — a remark holding it is no question, and a reply to it pairs into no Q&A item; "提前几天",
"去过几次", "几点" still ask. The price of one's order told to the buyer ("你的按七十五") is terms, no to-do.

The chats are written by hand for this test.
"""

from __future__ import annotations

import pytest

from copilot.notes.parse import parse_text
from copilot.notes.reading import is_question
from copilot.notes.structure import analyze


def _chat(lines: list[tuple[str, str]]) -> str:
    return "".join(f"[2030-07-02 {9 + i // 60}:{i % 60:02d}] {who}: {text}\n" for i, (who, text) in enumerate(lines))


@pytest.mark.parametrize("line", [
    "我订三斤，前几天买的那批荔枝特别新鲜",
    "过几天可能还要再来一箱",
    "另外几位家长已经把钱转给我了",
    "其他几位评委已经打完分了",
    "我女儿前几个月刚考过二级",
    "我們前幾天已經訂好場地了",
])
def test_a_few_after_a_word_of_time_or_others_asks_nothing(line: str) -> None:
    assert not is_question(line)


@pytest.mark.parametrize("line", [
    "报名要提前几天啊",
    "你去过几次那个营地",
    "前几名有奖品吗",
    "明天几点集合",
    "你前几天说的那家店在哪",
    "一共几个人参加",
])
def test_a_count_or_a_time_still_asks(line: str) -> None:
    assert is_question(line)


def _structure(lines: list[tuple[str, str]]):  # noqa: ANN202 - the structure pass's own record
    return analyze(parse_text(_chat(lines), "chat.txt"))


ORDER = [
    ("果园-阿平", "今天到的脆桃，一箱八斤，六十八一箱，要的接龙，下午五点送到小区东门"),
    ("5栋-吴姐", "我要两箱，前几天买的那批孩子特别爱吃"),
    ("果园-阿平", "@5栋-吴姐 好的，两箱给你留好"),
    ("8栋-小唐", "我来一箱，过几天可能还要再订"),
    ("果园-阿平", "没问题，你的按六十八"),
    ("3栋-老蒋", "一箱大概多少个？"),
    ("果园-阿平", "二十个左右，个头挺大"),
]


def test_an_order_with_a_remark_on_days_gone_pairs_no_question() -> None:
    st = _structure(ORDER)
    asked = [q.question for q in st.qa]
    assert not any("前几天" in q or "过几天" in q for q in asked)
    assert any("多少个" in q for q in asked)  # the real question still pairs


def test_the_price_of_an_order_told_to_the_buyer_is_no_todo() -> None:
    st = _structure(ORDER)
    assert not any(a.owner == "8栋-小唐" for a in st.actions)  # "你的按六十八" gives 小唐 no work


def test_a_time_to_keep_told_with_a_figure_is_still_work() -> None:
    # "你按3点到": a time the one told must keep, not a price — the price cue must not swallow it
    st = _structure([
        ("队长-老韩", "周六去郊外骑行，早上七点在体育馆北门集合"),
        ("小葛", "我家离得远，可能要晚一点"),
        ("队长-老韩", "@小葛 你按7点半到就行，周五前把头盔准备好"),
    ])
    assert any(a.owner == "小葛" for a in st.actions)

"""Round 72 (d13e72): the notes pass's speed-ups keep what each reader gets.

People.of is remembered per chat (speakers and texts), but each caller gets its own ``withdrawn`` memo and a chat
that differs in one line is read anew; time expressions come back as copies of the cached ones; a line is a notice
by its sign-up terms only when it names two of them.
"""

from __future__ import annotations

from datetime import datetime

from copilot.notes.dates import time_expressions
from copilot.notes.model import Message
from copilot.notes.pairing import _announcement_kind, _signup_terms
from copilot.notes.reading import People
from copilot.textnorm import fold

T0 = datetime(2026, 11, 20, 19, 30)


def _chat(*lines: tuple[str, str]) -> list[Message]:
    return [Message(id=i, time=T0, speaker=who, text=text) for i, (who, text) in enumerate(lines, 1)]


def test_people_of_the_same_chat_twice_reads_the_same_people_with_a_memo_of_its_own() -> None:
    chat = _chat(("王建国", "周六上午九点在社区活动室集合"), ("李梅", "收到，建国哥我带水果"), ("王建国", "好的，谢谢李梅"))
    first, again = People.of(chat), People.of(list(chat))
    assert first.by_alias == again.by_alias and first.speakers == again.speakers == ["王建国", "李梅"]
    assert first.resolve("建国") == again.resolve("建国") == "王建国"
    first.withdrawn[("我不去了", "李梅")] = True
    assert again.withdrawn == {}  # one reader's memo is not another's
    assert People.of(chat).withdrawn == {}


def test_people_of_a_chat_with_one_line_changed_is_read_anew() -> None:
    chat = _chat(("陈老师", "@小周 你把签到表打印一下"), ("周晓东", "好的"))
    alone = People.of(chat[:1])
    both = People.of(chat)
    assert "周晓东" not in alone.speakers
    assert both.resolve("周晓东") == "周晓东"
    renamed = People.of([chat[0], Message(id=2, time=T0, speaker="周小东", text="好的")])
    assert renamed.speakers == ["陈老师", "周小东"] and renamed.resolve("周晓东") is None


def test_time_expressions_are_copies_a_reader_may_change() -> None:
    text = "下周三晚上8点前把报名表交给我"
    found = time_expressions(text, T0)
    assert found and found[0].marked
    found[0].day, found[0].clock, found[0].marked = None, None, False
    again = time_expressions(text, T0)
    assert again[0].marked and again[0].day is not None and again[0].clock == "20:00"


def test_a_line_is_a_notice_by_its_sign_up_terms_only_with_two_of_them() -> None:
    two = fold("周日徒步开始报名，名额20个，每人费用30元")
    one = fold("周日徒步每人费用30元，大家看看行不行")
    assert _signup_terms(two) == 2 and _announcement_kind(two, in_list=False) == "通知"
    assert _signup_terms(one) == 1 and _announcement_kind(one, in_list=False) is None

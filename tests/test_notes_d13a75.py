"""Round 75 (d13a75): a line whose first clause only gives the speaker's reason ("我周四要去杭州培训") and whose next
clause hands a work on whole by name ("横幅交给小程吧") gives that member the to-do, not the speaker; a who-question is
not answered by a line handing on other work ("横幅谁去拿？" — "路线图交给小程吧")."""

from __future__ import annotations

from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

REASON = """[2031-11-03 20:00] 社长-老贺: 下周日读书会去郊野公园，东西这周分一下
[2031-11-03 20:01] 小程: 好的
[2031-11-03 20:02] 社长-老贺: 我周四要去杭州培训，横幅交给小程吧，周六前取回来
[2031-11-03 20:03] 小程: 没问题
"""

TRIP = """[2031-11-03 20:00] 社长-老贺: 下周日读书会去郊野公园，东西这周分一下
[2031-11-03 20:01] 阿芸: 收到
[2031-11-03 20:02] 阿芸: 我下周一去成都出差，路线图交给小程吧
[2031-11-03 20:03] 小程: 好，路线图我来
"""

LET = """[2031-11-03 20:00] 社长-老贺: 下周日读书会去郊野公园，东西这周分一下
[2031-11-03 20:01] 小程: 好的
[2031-11-03 20:02] 社长-老贺: 我这周出差，书单让小程整理一下
[2031-11-03 20:03] 小程: 行
"""

THING = """[2031-11-03 20:00] 社长-老贺: 下周日读书会去郊野公园，东西这周分一下
[2031-11-03 20:01] 小程: 好的
[2031-11-03 20:02] 阿芸: 我周三去市区，{line}
[2031-11-03 20:03] 社长-老贺: 好
"""

WHO = """[2031-11-03 20:00] 社长-老贺: 下周日读书会去郊野公园，东西这周分一下
[2031-11-03 20:01] 小程: 横幅谁去拿？
[2031-11-03 20:02] 阿芸: 我下周一去成都出差，路线图交给小程吧
[2031-11-03 20:03] 社长-老贺: 横幅还是阿芸去拿，她顺路，周五前拿回来
"""


def _notes(chat: str, name: str):  # noqa: ANN202 - the offline notes
    return summarize_offline(parse_text(chat, name))


def _todos(chat: str, name: str) -> list[tuple[str | None, str, str | None]]:
    return [(a.owner, a.task, a.deadline) for a in _notes(chat, name).actions]


def test_the_reason_clause_gives_the_speaker_no_to_do() -> None:
    todos = _todos(REASON, "reason.txt")
    assert not any(owner == "社长-老贺" for owner, _, _ in todos), todos
    assert any(owner == "小程" and "横幅" in task and deadline == "2031-11-08" for owner, task, deadline in todos), todos


def test_a_trip_line_that_hands_work_on_is_the_takers_to_do_without_the_trips_day() -> None:
    todos = _todos(TRIP, "trip.txt")
    assert any(owner == "小程" and "路线图" in task and deadline is None for owner, task, deadline in todos), todos
    assert not any(owner == "阿芸" for owner, _, _ in todos), todos


def test_work_let_to_a_member_after_the_reason_is_theirs() -> None:
    todos = _todos(LET, "let.txt")
    assert any(owner == "小程" and "书单" in task for owner, task, _ in todos), todos
    assert not any(owner == "社长-老贺" for owner, _, _ in todos), todos


def test_a_thing_given_to_a_member_after_the_reason_is_no_work_of_theirs() -> None:
    for line in ("借书证给小程吧", "借书证给小程带过去", "顺便把借书证给小程带过去"):
        todos = _todos(THING.format(line=line), "thing.txt")
        assert not any(owner == "小程" for owner, _, _ in todos), (line, todos)


def test_a_who_question_is_not_answered_by_handing_on_other_work() -> None:
    qa = _notes(WHO, "who.txt").qa
    assert not any("路线图" in p.answer for p in qa), qa

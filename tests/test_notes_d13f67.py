"""The speaker's own promise set apart by a pause from a remark that alone is no work (a reason "我以前是做园林的", a
sign-up "算我一个", an opinion "我觉得那家人多", whom one knows "我认识…"): the remark's cue (action.not_a_task) no longer
vetoes the whole clause when another part is a first-person line (action.first_person) the task model takes for a
to-do — so a promise that is also the answer to "谁去…？" is a to-do with its day. A remark with no such promise
beside it ("我去年去过", "我一般周四去接孩子") stays out. Chats written for this test."""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions

GARDEN = """[2026-12-08 19:00] 园长老周: 本周六（12月12日）上午九点社区菜园冬季翻地，大家尽量来
[2026-12-08 19:02] 小梅: 锄头够不够？谁能借几把？
[2026-12-08 19:03] 阿杰: 我以前是做园林的，锄头交给我吧，我周五前送到菜园
[2026-12-08 19:06] 老刘: 那个菜园我去年去过，挺大的
[2026-12-08 19:08] 小梅: 我一般周六上午都在，到时候见
"""

DINNER = """[2026-12-09 20:00] 团长-阿芳: 下周三（12月16日）晚上合唱团年终聚餐，每人AA八十元
[2026-12-09 20:04] 小雨: 算我一个，我明天建个收款表发群里
[2026-12-09 20:06] 阿伟: 那家店我以前是去过的，菜不错
[2026-12-09 20:08] 团长-阿芳: 谁去订包间？
[2026-12-09 20:09] 阿伟: 我觉得那家人多，我周五前打电话订包间
"""

ROBOT = """[2026-12-10 18:35] 王老师: 体育馆要提前登记吗？
[2026-12-10 18:36] 乐乐爸: 哈哈，我去年去过，要登记，我明天去体育馆登记
[2026-12-10 18:38] 豆豆妈: 我一般周四去接孩子，顺路的话会看看
[2026-12-10 18:40] 小安: 我认识那边的保安，我去年去过两次
"""


def _todos(chat: str, name: str) -> list[tuple[str | None, str, str | None]]:
    return [(a.owner, a.task, a.deadline) for a in find_actions(parse_text(chat, name).messages)[0]]


def test_a_promise_beside_a_reason_or_a_sign_up_is_the_speakers_to_do() -> None:
    garden = _todos(GARDEN, "garden.txt")
    assert [(o, d) for o, t, d in garden if "锄头" in t] == [("阿杰", "2026-12-11")]
    dinner = _todos(DINNER, "dinner.txt")
    assert [(o, d) for o, t, d in dinner if "收款表" in t] == [("小雨", "2026-12-10")]
    assert [(o, d) for o, t, d in dinner if "包间" in t] == [("阿伟", "2026-12-11")]


def test_a_promise_after_a_laugh_and_a_past_visit_is_a_to_do() -> None:
    got = _todos(ROBOT, "robot.txt")
    assert [(o, d) for o, t, d in got if "体育馆登记" in t] == [("乐乐爸", "2026-12-11")]


def test_a_past_visit_or_a_habit_with_no_promise_is_no_to_do() -> None:
    said = [t for _, t, _ in _todos(GARDEN, "garden.txt") + _todos(ROBOT, "robot.txt") + _todos(DINNER, "dinner.txt")]
    assert not [t for t in said if "去年去过" in t and "登记" not in t]
    assert not [t for t in said if "一般" in t or "以前是去过" in t]

"""Round 74 (d13f74): work called off by the one who asked for it leaves the to-do its owner took on with a plain yes
("@供货商 周四前送三十斤腊肉" — "好的，周四前送到" — "之前说的腊肉不要了，取消吧"), and a line that only says whose the work
was ("签到表原来是小邓收，小邓这周去外地学习了") gives that member no to-do; the line saying the work stays with them keeps it."""

from __future__ import annotations

from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

SUPPLIER = """[2031-09-01 09:00] 老板-阿华: 下周的货我先排一下：@老周腊味 周四前送三十斤腊肉过来
[2031-09-01 09:01] 老周腊味: 好的，周四前送到
[2031-09-01 09:02] 厨师-阿明: 腊肉切片还是切丁？
[2031-09-01 09:03] 老板-阿华: 切片，薄一点
[2031-09-01 10:30] 老板-阿华: 之前说的周四送腊肉取消吧，这周菜单不做腊味了
[2031-09-01 10:31] 老周腊味: 行，那就下回再送
[2031-09-01 10:32] 厨师-阿明: 那我周三去市场买两箱青菜
"""

REFUSED = """[2031-09-01 09:00] 老板-阿华: 下周的货我先排一下：@老周腊味 周四前送三十斤腊肉过来
[2031-09-01 09:01] 老周腊味: 好的，周四前送到
[2031-09-01 09:05] 厨师-阿明: 腊肉取消吧，太咸了
[2031-09-01 09:06] 老板-阿华: 不行，客人点名要的
"""

WAS_THEIRS = """[2031-10-02 19:00] 队长-老孟: 秋季越野赛开始报名了，大家在群里接龙
[2031-10-02 19:01] 阿涛: 我报一个
[2031-10-02 19:02] 队长-老孟: 报名表原来是小邓收，小邓这周去培训了
[2031-10-02 19:03] 小罗: 培训要几天啊？
[2031-10-02 19:04] 队长-老孟: 那交给阿涛吧，周二前把名单发我
[2031-10-02 19:05] 阿涛: 好
"""

STILL_THEIRS = """[2031-10-02 19:00] 队长-老孟: 下周三晚上的夜跑照常，大家在群里接龙
[2031-10-02 19:02] 队长-老孟: 补给原来是阿涛管，现在还是他，阿涛周二前把水和香蕉备好
[2031-10-02 19:03] 阿涛: 收到
"""


def _todos(chat: str, name: str) -> list[tuple[str | None, str]]:
    return [(a.owner, a.task) for a in summarize_offline(parse_text(chat, name)).actions]


def test_work_the_asker_calls_off_leaves_the_owner_who_said_yes() -> None:
    todos = _todos(SUPPLIER, "supplier.txt")
    assert not any(owner == "老周腊味" for owner, _ in todos), todos
    assert any(owner == "厨师-阿明" and "青菜" in task for owner, task in todos), todos


def test_a_call_off_by_someone_else_that_is_refused_keeps_the_to_do() -> None:
    todos = _todos(REFUSED, "refused.txt")
    assert any(owner == "老周腊味" and "周四前送到" in task for owner, task in todos), todos


def test_a_line_saying_only_whose_the_work_was_gives_no_to_do() -> None:
    todos = _todos(WAS_THEIRS, "was_theirs.txt")
    assert not any(owner == "小邓" for owner, _ in todos), todos
    assert any(owner == "阿涛" and "名单" in task for owner, task in todos), todos


def test_work_that_stays_with_its_owner_is_still_theirs() -> None:
    todos = _todos(STILL_THEIRS, "still_theirs.txt")
    assert any(owner == "阿涛" and "香蕉" in task for owner, task in todos), todos

"""Round 58 (d13e58): a line opening "回X：" / "回答X：" answers X's open question, as "@X …" would — it is never X's
to-do (the to-dos read it as the @-reply it is); a numbered task list's items are each their @-ed member's, named by
their matter without the item's colon, and the speaker's next line "以上东西…前…" is their deadline; one member's own
"…我来收" answering a question of another is not handed on with that other's work.

Every chat below was written for these tests (a fishing club, a community garden); none is a QA chat
or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa
from copilot.notes.todos import find_actions

START = datetime(2029, 4, 2, 19, 0)  # a Monday

_msgs = partial(chat_lines, start=START)


def _todos(*lines: str) -> list[tuple[str, str, str | None]]:
    return [(a.owner, a.task, a.deadline) for a in find_actions(_msgs(*lines))[0]]


def test_a_named_reply_answers_the_question_and_gives_no_work() -> None:
    lines = ("钓协会长-老贺|4月14日周六在青龙水库办春季钓鱼赛，上午8点开竿",
             "老孙|今年还是按总重量排名吗",
             "阿亮|我去年在那边一上午就钓了两条小鲫鱼哈哈",
             "钓协会长-老贺|回老孙：今年改了，按单尾最重排名，重量一样的看总重",
             "钓协会长-老贺|回答阿亮：奖品是一根碳素竿，不满三条的不发")
    assert not [t for t in _todos(*lines) if t[0] in ("老孙", "阿亮")]
    qa = {p.question: (p.answerer, p.answer) for p in find_qa(_msgs(*lines), "话题讨论", [], "钓协会长-老贺")}
    assert "单尾最重" in qa["今年还是按总重量排名吗"][1]


def test_work_given_in_a_named_reply_is_still_theirs() -> None:
    todos = _todos("钓协会长-老贺|钓位抽签谁来弄",
                   "阿亮|抽签怎么抽",
                   "钓协会长-老贺|回阿亮：你周四前把大家的钓位抽签表做出来发群里")
    assert ("阿亮", "你周四前把大家的钓位抽签表做出来发群里", "2029-04-05") in todos


def test_list_items_take_their_at_and_the_next_lines_deadline() -> None:
    todos = _todos("菜园组长-老严|5月12日周六上午9点统一翻地播种",
                   "菜园组长-老严|准备工作分一下：1. 有机肥：@刘叔 2. 浇水管：@小郑 3. 围栏木桩：@王阿姨",
                   "菜园组长-老严|以上东西5月11日前放到北门菜园边上",
                   "刘叔|好的")
    assert ("刘叔", "有机肥", "2029-05-11") in todos
    assert ("小郑", "浇水管", "2029-05-11") in todos
    assert ("王阿姨", "围栏木桩", "2029-05-11") in todos
    assert not [t for t in todos if t[0] == "菜园组长-老严"]  # the deadline line is no to-do of its own

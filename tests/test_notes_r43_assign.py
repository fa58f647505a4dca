"""Round 43 (issue 13, short assignments and deadlines nobody stated).

- A who-will call answered by a bare "我" is a volunteer's offer (cue action.volunteer), and the caller's yes that
  then tells the volunteer how or when ("好，老钱你周五下班去拿") is the work the call asked for: one to-do that keeps
  the call's object (帐篷) and the yes's time; a yes that gives more (再/另外, cue action.more_work) stays its own.
- A line putting all the work before one day ("所有准备工作…前都要弄完", cue action.all_due) is no to-do; the to-dos
  given after it with no time of their own are due that day.
- Someone named or @-ed told "你来/你去/你负责" + doing (cue action.you_take) gets the work whatever the verb.
- Work given to another with no time of its own does not borrow the event's day.

Every chat below was written for these tests (a lantern festival crew, a school sports day, a bird-watching
outing, a book fair); none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure, owned_by

START = datetime(2026, 6, 9, 20, 0)  # a Tuesday evening


def _actions(*lines: str):
    return chat_structure(*lines, start=START).actions


def test_a_bare_me_then_the_callers_yes_is_one_todo_with_the_calls_object():
    got = _actions(
        "队长阿成|6月20日周六晚上元宵灯会，在公园南门集合",
        "队长阿成|灯笼架谁来借？要十个",
        "老钱|我",
        "队长阿成|好，老钱你下周三前借回来",
    )
    mine = owned_by(got, "老钱")
    assert len(mine) == 1
    assert "灯笼架" in mine[0].task and mine[0].deadline == "2026-06-17"


def test_a_yes_that_gives_more_work_stays_a_todo_of_its_own():
    got = _actions(
        "队长阿成|6月20日周六晚上元宵灯会，在公园南门集合",
        "队长阿成|灯笼架谁来借？要十个",
        "老钱|我",
        "队长阿成|好，老钱你再把横幅也挂上，周五前",
    )
    mine = owned_by(got, "老钱")
    assert any("横幅" in a.task and "灯笼架" not in a.task for a in mine)


def test_all_work_due_by_one_day_dates_the_untimed_todos_after_it():
    got = _actions(
        "郑老师|各位家长，运动会6月27日周六上午8点开幕，在学校操场",
        "郑老师|所有准备工作6月25日前都要弄好",
        "郑老师|@朵朵妈 加油牌你负责做一下",
        "朵朵妈|好的",
    )
    assert not any("准备工作" in a.task for a in got)  # the rule line is no to-do
    sign = next(a for a in got if a.owner == "朵朵妈")
    assert sign.deadline == "2026-06-25"


def test_an_untimed_assignment_with_another_verb_is_the_named_members():
    got = _actions(
        "领队老韩|6月21日周日早上6点去湿地公园观鸟",
        "领队老韩|@阿梅 大巴你来租吧",
        "阿梅|好",
    )
    assert any(a.owner == "阿梅" and "大巴" in a.task for a in got)


def test_work_given_to_another_with_no_time_gets_no_event_day():
    got = _actions(
        "馆长阿岚|6月28日周日下午2点旧书市集，在社区图书馆门口",
        "馆长阿岚|@老周 桌椅你来搬吧",
        "老周|没问题",
    )
    chairs = next(a for a in got if a.owner == "老周")
    assert chairs.deadline is None


def test_an_at_after_a_short_yes_still_addresses_the_work():
    got = _actions(
        "馆长阿岚|6月28日周日下午2点旧书市集，在社区图书馆门口",
        "小棠|我家有个折叠书架，要不要带",
        "馆长阿岚|要，@小棠 书架你带上，周五前拍张照片给我",
    )
    shelf = next(a for a in got if "书架" in a.task)
    assert shelf.owner == "小棠" and shelf.deadline == "2026-06-12"

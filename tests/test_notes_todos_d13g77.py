"""Issue 13, round 77 (d13g77): one to-do per job, each with its own deadline. A line giving one member two jobs
with a "…前" each ("小陈周二前把座位表排好，周四前把签到本买回来") makes two to-dos, not one carrying the first time; a
later "X不急，…前…就行" by the one who gave the work moves that job's time and keeps its owner (no new to-do for
大家); "下班前 / 收工前 / 放学前" with no day word is due the day the line is said; a member's reply about their own
life ("你家…" — "开着呢，周末带你去") is no group to-do. Hard negatives that must not change: one job in two steps
("先在群里接龙，周三前把押金转给我") and one deadline over a list of things stay one to-do.

The chats are written by hand for this test.
"""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.dates import find_deadline
from copilot.notes.model import ActionItem
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

HEAD = [("志愿队-周姐", "下周六上午九点在社区活动室办敬老茶话会"), ("小陈", "收到")]


def _actions(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> list[ActionItem]:
    chat = "".join(f"[2031-12-01 19:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(head + lines))
    return summarize_offline(parse_text(chat, "chat.txt")).actions


def _about(actions: list[ActionItem], word: str) -> list[ActionItem]:
    return [a for a in actions if word in a.task]


def test_two_jobs_on_one_line_make_two_todos_with_their_own_deadlines() -> None:
    acts = _actions([("志愿队-周姐", "小陈周二前把座位表排好，周四前把签到本买回来"), ("小陈", "好的")])
    seats, book = _about(acts, "座位表"), _about(acts, "签到本")
    assert [a.deadline for a in seats] == ["2031-12-02"], acts
    assert [a.deadline for a in book] == ["2031-12-04"], acts
    assert {a.owner for a in seats + book} == {"小陈"}, acts
    assert seats[0] is not book[0], acts


def test_a_later_not_urgent_moves_only_that_jobs_deadline_and_keeps_its_owner() -> None:
    acts = _actions([("志愿队-周姐", "小陈周二前把座位表排好，周四前把签到本买回来"), ("小陈", "好的"),
                     ("志愿队-周姐", "问了文具店，签到本不着急，下周一之前买好就行")])
    book = _about(acts, "签到本")
    assert [(a.owner, a.deadline) for a in book] == [("小陈", "2031-12-08")], acts
    assert [a.deadline for a in _about(acts, "座位表")] == ["2031-12-02"], acts
    assert not [a for a in acts if a.owner == "大家"], acts


def test_cantonese_not_urgent_moves_the_named_job() -> None:
    head = [("龍舟隊-Ken", "下個禮拜六朝早七點喺碼頭集合"), ("阿欣", "收到")]
    acts = _actions([("龍舟隊-Ken", "阿欣聽日前收齊隊費，禮拜五前訂好旅遊巴"), ("阿欣", "冇問題"),
                     ("龍舟隊-Ken", "問過車行，旅遊巴唔急，下禮拜一前訂好就得")], head)
    assert [(a.owner, a.deadline) for a in _about(acts, "旅遊巴")] == [("阿欣", "2031-12-08")], acts
    assert [a.deadline for a in _about(acts, "隊費")] == ["2031-12-02"], acts


def test_end_of_the_working_day_with_no_day_word_is_the_day_said() -> None:
    acts = _actions([("志愿队-周姐", "小陈下班前把报名人数报给我，周三前把横幅取回来")])
    assert [a.deadline for a in _about(acts, "人数")] == ["2031-12-01"], acts
    assert [a.deadline for a in _about(acts, "横幅")] == ["2031-12-03"], acts
    when = datetime(2031, 12, 1, 8, 30)
    for text in ("收工前把材料单发我", "放學前交回條"):
        found = find_deadline(text, when)
        assert found is not None and found.day == date(2031, 12, 1), text


def test_a_named_day_before_the_end_of_work_keeps_its_day() -> None:
    when = datetime(2031, 12, 1, 8, 30)  # a Monday
    found = find_deadline("周三下班前把材料单发我", when)
    assert found is not None and found.day == date(2031, 12, 3)
    assert find_deadline("我下班后过去看看", when) is None


def test_one_job_in_two_steps_stays_one_todo() -> None:
    acts = _actions([("志愿队-周姐", "大家先在群里接龙，周三前把押金转给我")])
    assert [a.deadline for a in acts] == ["2031-12-03"], acts


def test_one_deadline_over_a_list_stays_one_todo() -> None:
    acts = _actions([("志愿队-周姐", "小陈周五前把茶叶、瓜子和一次性杯子都买齐"), ("小陈", "好的")])
    assert [(a.owner, a.deadline) for a in acts] == [("小陈", "2031-12-05")], acts


def test_a_reply_about_ones_own_life_is_no_todo() -> None:
    head = [("工地-陳師傅", "這週六要進場刷油漆，今天開始備料"), ("志明", "收到")]
    acts = _actions([("工地-陳師傅", "志明週五前把油漆桶搬上二樓"), ("志明", "好"),
                     ("美玲", "志明，你家樓下那間早餐店還有開嗎"), ("志明", "有開啊，禮拜天我帶你去吃")], head)
    assert [a.deadline for a in _about(acts, "油漆桶")] == ["2031-12-05"], acts
    assert not [a for a in acts if "帶你去" in a.task], acts


def test_a_request_about_ones_own_things_still_gives_work() -> None:
    acts = _actions([("志愿队-周姐", "小陈，你家那台投影仪周六能借我们用吗"), ("小陈", "可以，周五前我送到活动室")])
    assert [a.owner for a in _about(acts, "活动室")] == ["小陈"], acts


def test_taking_on_what_one_was_asked_about_ones_own_tip_is_still_work() -> None:
    acts = _actions([("志愿队-周姐", "@小陈 你上次说的那个排座位的办法，下次例会你来讲十分钟行不行"),
                     ("小陈", "行，我准备一下")])
    assert [a.owner for a in acts if a.owner == "小陈"] == ["小陈"], acts


def test_a_routine_before_the_end_of_each_day_has_no_one_day() -> None:
    assert find_deadline("大家每天下班前把接待人数填进共享表格", datetime(2031, 12, 1, 8, 30)) is None

"""Issue 13 (dev13): classes of misses found on held-out chats, each with chats written for these tests —
a deadline word written before the date ("截止5月8日", "最迟周四"), and of two "…前" times in one
sentence the one with the task in its own clause."""

from __future__ import annotations

from datetime import date, datetime

from chat_lines import owned_by

from copilot.notes.dates import find_deadline
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze
from copilot.notes.todos import find_actions

SAID = datetime(2026, 5, 4, 19, 30)  # a Monday evening


def test_deadline_word_before_the_date_marks_it() -> None:
    d = find_deadline("征文投稿截止5月8日，逾期不收", SAID)
    assert d is not None and d.marked and d.day == date(2026, 5, 8)
    d = find_deadline("报名表最迟周四交到班长那里", SAID)
    assert d is not None and d.marked and d.day == date(2026, 5, 7)


def test_a_plain_date_without_a_lead_word_is_not_marked() -> None:
    d = find_deadline("5月8日我们去春游", SAID)
    assert d is not None and not d.marked


def test_of_two_marked_times_the_one_with_the_task_wins() -> None:
    d = find_deadline("复赛之前要先交作品说明，这个月20号前发到邮箱，没交的不能参加", SAID, event=date(2026, 5, 30))
    assert d is not None and d.day == date(2026, 5, 20)


def test_lead_word_deadline_reaches_the_todo() -> None:
    chat = parse_text(
        "[2026-05-04 19:30] 社团干事-小麦: 征文投稿截止5月8日，大家把稿子发到社团邮箱\n"
        "[2026-05-04 19:31] 阿洁: 收到\n")
    actions, _, _ = find_actions(chat.messages)
    assert any(a.owner == "大家" and a.deadline == "2026-05-08" for a in actions), actions


def test_undated_job_taken_on_for_a_coming_event_is_due_that_day() -> None:
    chat = parse_text(
        "[2026-05-04 20:00] 队长-阿峰: 5月16日周六去莫干山徒步，早上7点半在地铁站集合\n"
        "[2026-05-04 20:02] 阿峰: 需要一位带急救包，一位负责拍照\n"
        "[2026-05-04 20:03] 小鹿: 急救包我来带，我是医生\n"
        "[2026-05-04 20:05] 老周: 拍照我来\n")
    structure = analyze(chat)
    kit = [a for a in structure.actions if "急救包" in a.task]
    assert kit and kit[0].owner == "小鹿" and kit[0].deadline == "2026-05-16", structure.actions


def test_undated_job_with_no_event_ahead_stays_undated() -> None:
    chat = parse_text(
        "[2026-05-04 20:00] 阿峰: 上次徒步的照片还没人整理\n"
        "[2026-05-04 20:03] 小鹿: 照片我来整理，我有空\n")
    structure = analyze(chat)
    assert all(a.deadline is None for a in structure.actions), structure.actions


def test_a_first_person_question_with_a_date_is_no_commitment() -> None:
    chat = parse_text(
        "[2026-05-04 10:00] 班主任-李老师: 周三体检，早上空腹，8点在校门口集合\n"
        "[2026-05-04 10:02] 朵朵妈: 啊我后天也体检吗 我怎么没收到短信\n"
        "[2026-05-04 10:05] 小宇爸: 体检表我明天带到学校\n")
    actions, _, _ = find_actions(chat.messages)
    assert not owned_by(actions, "朵朵妈"), actions
    assert any(a.owner == "小宇爸" and a.deadline == "2026-05-05" for a in actions), actions


def test_weekend_as_a_deadline_runs_to_sunday() -> None:
    said = datetime(2026, 5, 6, 9, 0)  # a Wednesday
    assert find_deadline("空调这周末前修好", said).day == date(2026, 5, 10)
    assert find_deadline("下周末之前把作品交上来", said).day == date(2026, 5, 17)


def test_a_cards_common_word_inside_a_longer_word_is_not_that_person() -> None:
    chat = parse_text(
        "[2026-05-04 10:00] 物业-陈经理: 下周三停水检修，谁能去借两个大水桶\n"
        "[2026-05-04 10:03] 老杨: 水桶从物业管理处借，我去借，周二之前搬到楼下\n")
    actions, _, _ = find_actions(chat.messages)
    buckets = [a for a in actions if "水桶" in a.task]
    assert buckets and all(a.owner == "老杨" for a in buckets), actions


def test_work_told_to_the_addressee_before_the_speakers_own_step_is_theirs() -> None:
    chat = parse_text(
        "[2026-05-04 15:40] 小唐: 机房有两台打印机坏了，要不要报修\n"
        "[2026-05-04 15:43] 主管-老潘: @小唐 要，在系统里报修，写两台，我审批\n"
        "[2026-05-04 15:44] 小唐: 好的\n")
    actions, _, _ = find_actions(chat.messages)
    paper = [a for a in actions if "两台" in a.task]
    assert paper and paper[0].owner == "小唐", actions


def test_a_change_of_plan_is_a_decision() -> None:
    chat = parse_text(
        "[2026-05-04 18:00] 领队-阿峰: 周六早上7点半地铁站集合\n"
        "[2026-05-05 11:20] 领队-阿峰: 更正一下：景区通知山路上午封闭，集合时间推迟到9点，地点不变\n"
        "[2026-05-05 11:22] 小鹿: 收到\n")
    _, decisions, _ = find_actions(chat.messages)
    assert any("推迟到9点" in d.text for d in decisions), decisions
    # a bare plan with no change is no decision
    assert not any("7点半" in d.text for d in decisions), decisions


def test_a_one_line_recap_gives_each_item_as_a_decision_and_its_work_as_a_to_do() -> None:
    chat = parse_text(
        "[2026-05-04 21:00] 班长-小敏: 聚餐的事大家还有意见吗\n"
        "[2026-05-04 21:05] 班长-小敏: 刚才定的：5月23日晚上老地方火锅，每人120元，阿凯周三前订包间，横幅不做了\n"
        "[2026-05-04 21:06] 阿凯: 好\n")
    actions, decisions, _ = find_actions(chat.messages)
    texts = [d.text for d in decisions]
    assert any("每人120元" in t for t in texts), texts
    assert any("横幅不做了" in t for t in texts), texts
    # an item that only says who does what is that member's to-do, not one more decision (round 49)
    assert not any("订包间" in t for t in texts), texts
    booking = [a for a in actions if "订包间" in a.task]
    assert [(a.owner, a.deadline) for a in booking] == [("阿凯", "2026-05-06")], actions


def test_an_at_reply_answers_the_askers_open_question_not_one_a_peer_answered() -> None:
    chat = parse_text(
        "[2026-05-04 09:00] 小陈: 组长 我周五的值班能不能跟谁换一下\n"
        "[2026-05-04 09:10] 阿豪: 我周五休息 可以帮你值 你下周二的值班给我换成早班行吗\n"
        "[2026-05-04 09:12] 小陈: 行 就这么换\n"
        "[2026-05-04 09:30] 老吴: 今天食堂有啥\n"
        "[2026-05-04 09:31] 小陈: 红烧肉\n"
        "[2026-05-04 10:20] 阿豪: 有人知道这个月值班补贴什么时候发吗\n"
        "[2026-05-04 10:25] 组长-孟姐: @阿豪 财务说跟工资一起发，值班补贴从每次80涨到100了\n")
    structure = analyze(chat)
    pay = [p for p in structure.qa if "补贴" in p.question]
    assert pay and "涨到100" in pay[0].answer, structure.qa


def test_a_recap_list_opened_by_any_settling_header_gives_one_decision_per_item() -> None:
    # the header that opens the list varies by chair: 拍板了 / 整理一下今天決定的 / 商量好的
    for header in ("好，那我拍板了：", "好，我整理一下今天決定的：", "咱们商量好的："):
        chat = parse_text(
            "[2026-05-04 19:30] 社长-阿鹏: 露营的事大家说说，去东湖还是去九峰山\n"
            "[2026-05-04 19:32] 小北: 九峰山吧，有营地可以搭帐篷\n"
            f"[2026-05-04 19:40] 社长-阿鹏: {header}\n1. 5月16日周六去九峰山营地\n2. 每人AA 85元，含营位和烧烤炭\n"
            "3. 早上8点在地铁站C口集合\n"
            "[2026-05-04 19:41] 小北: 同意\n")
        _, decisions, _ = find_actions(chat.messages)
        texts = [d.text for d in decisions]
        assert any("九峰山营地" in t for t in texts), (header, texts)
        assert any("85元" in t for t in texts) and any("8点" in t for t in texts), (header, texts)
        assert not any(t.rstrip("：:") .endswith(("拍板了", "決定的", "决定的", "商量好的")) for t in texts), texts


def test_a_list_of_notices_is_no_recap_of_decisions() -> None:
    chat = parse_text(
        "[2026-05-04 19:30] 社长-阿鹏: 几个通知：\n1. 下周营地装备自带\n2. 雨天改期另行通知\n")
    _, decisions, _ = find_actions(chat.messages)
    assert not decisions, decisions

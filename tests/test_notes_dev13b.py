"""Issue 13, round 2 of the QA13 fixes: deadlines that must stay words only (a span after something the
chat gives no day for, a day set in the past, work put "a moment" away) and 当天 meaning the event's day.
Every chat here is written for these tests."""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.dates import find_deadline, time_expressions
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze

WHEN = datetime(2026, 3, 4, 20, 10)  # a Wednesday
EVENT = date(2026, 3, 21)


def test_a_span_after_an_undated_happening_is_not_counted_from_the_message() -> None:
    d = find_deadline("易拉宝我来印，设计稿定了以后三天内取回来", WHEN, event=EVENT)
    assert d is not None and d.day is None and d.text.endswith("以后三天内") and "定了" in d.text
    # the same span with nothing before it still counts from the message
    assert find_deadline("易拉宝我来印，三天内取回来", WHEN).day == date(2026, 3, 7)


def test_dangtian_is_the_event_day_not_the_message_day() -> None:
    d = find_deadline("你当天上午那场负责签到", WHEN, event=EVENT)
    assert d is not None and d.day == EVENT
    # no event day known: words only, never the chat's own date
    assert find_deadline("你当天上午那场负责签到", WHEN).day is None


def test_a_day_in_a_sentence_set_last_year_is_no_deadline() -> None:
    found = time_expressions("前年没提前订场，3月底场地全满了，今年一定早点", WHEN)
    assert found and all(d.day is None for d in found)
    # a present frame after it, or a 前 deadline, is ahead again
    assert time_expressions("前年是这样，今年3月底前交", WHEN)[0].day == date(2026, 3, 31)
    assert time_expressions("上个月的水电账我理好了，月底前发群里", WHEN)[0].day == date(2026, 3, 31)


CHAT = """2026-03-04 20:01:00 社长阿彤
3月21日周六在湿地公园办观鸟日，大家有空的都来
2026-03-04 20:03:12 小林
3月21日我能去，望远镜要自己带吗
2026-03-04 20:04:40 社长阿彤
望远镜社里有六副，不够的自己带
2026-03-04 20:06:02 老鹰
报名表的链接稍后我发群里
2026-03-04 20:07:30 社长阿彤
好，3月21日八点半公园东门集合
2026-03-04 20:09:10 小林
点心我来带
"""


def test_work_put_a_moment_away_does_not_take_the_event_day() -> None:
    notes = analyze(parse_text(CHAT))
    link = next(a for a in notes.actions if "链接" in a.task)
    assert link.owner == "老鹰" and link.deadline is None
    # a to-do with no time of its own still takes the event's day
    snack = next(a for a in notes.actions if "点心" in a.task)
    assert snack.owner == "小林" and snack.deadline == "2026-03-21"


TECH = """2026-03-04 20:01:00 主讲-阿远
今天分享我们用Go写的日志采集器，目标是单机每秒5万条
2026-03-04 20:03:12 主讲-阿远
序列化从JSON换成Protobuf以后CPU降了大概四成
2026-03-04 20:05:40 主讲-阿远
许可证是MIT，商用随便用
2026-03-04 20:07:02 小葛
代码能开源吗
2026-03-04 20:08:30 主讲-阿远
仓库周五前开放，施工中的模块先不放
2026-03-04 20:09:10 主讲-阿远
演示视频我明天发群里，Vivian帮忙剪一下
"""


def test_acronyms_words_and_products_are_not_owners() -> None:
    notes = analyze(parse_text(TECH))
    owners = {a.owner for a in notes.actions}
    assert not owners & {"Go", "JSON", "Protobuf", "MIT", "CPU", "施工"}
    # a capitalised name of someone not in the chat still takes work
    assert any(a.owner == "Vivian" and "剪" in a.task for a in notes.actions)
    assert any(a.owner == "主讲-阿远" and "演示视频" in a.task for a in notes.actions)


TALK = """2026-05-09 19:30:00 群主-阿桂
欢迎阿澄来给我们分享《阳台种番茄》！
2026-05-09 19:31:10 阿澄
大家好，我今天讲三块：选种、搭架、防虫
2026-05-09 19:40:22 阿澄
搭架用竹竿就行，一米五高，每棵一根
2026-05-09 19:52:40 小满
阿澄老师，支架我周末做不完了
2026-05-09 19:55:02 阿澄
今天的讲稿我明天发群文件
"""


def test_a_welcome_a_talks_plan_and_what_cannot_be_done_are_not_to_dos() -> None:
    notes = analyze(parse_text(TALK))
    tasks = [(a.owner, a.task) for a in notes.actions]
    assert not any("欢迎" in t or "讲三块" in t or "做不完" in t for _, t in tasks), tasks
    # the promise after the talk is kept, with its owner and date
    assert any(o == "阿澄" and "讲稿" in t for o, t in tasks)
    assert next(a for a in notes.actions if "讲稿" in a.task).deadline == "2026-05-10"


LIST = """2026-05-09 20:00:00 社长阿彤
几个通知：
1. 下周六的观鸟活动改在湿地公园北门集合
2. 望远镜押金每副50元，活动结束退
2026-05-09 20:02:00 社长阿彤
分工：小林周三前订大巴；阿鹏负责买水，周五前买好；
2026-05-09 20:03:00 小林
好，周三前订好大巴
"""


def test_a_list_header_is_no_announcement_and_joined_tasks_have_one_separator() -> None:
    notes = analyze(parse_text(LIST))
    assert notes.announcements and not any(a.text.rstrip("：: ").endswith("通知") for a in notes.announcements)
    assert any("押金" in a.text for a in notes.announcements)
    assert notes.actions and not any("；；" in a.task or a.task.endswith("；") for a in notes.actions)
    assert any(a.owner == "小林" and "大巴" in a.task for a in notes.actions)


def test_a_question_followed_by_a_joke_still_asks() -> None:
    from copilot.notes.reading import is_question

    assert is_question("投影仪谁带？上回忘了带只能干聊哈哈")
    assert not is_question("哈哈哈你咋又迟到")  # ribbing, one sentence: no question


OUTING = """2026-07-01 19:00:00 领队阿山
周六去溪谷露营，早上7点地铁站集合，一共12人
2026-07-01 19:02:00 领队阿山
营地费每人60元，周四前转我
2026-07-01 19:03:00 小溪
收到
2026-07-01 19:05:00 石头
炭火谁带？上回没炭只能啃面包哈哈
2026-07-01 19:06:00 阿桃
炭我来，带两袋，周五下班去买
2026-07-01 19:08:00 小溪
营地有淋浴吗
2026-07-01 19:09:00 领队阿山
有，热水到晚上10点
2026-07-01 19:10:00 石头
帐篷要自己带吗
2026-07-01 19:11:00 领队阿山
营地可以租，一顶50元
2026-07-01 19:12:00 小溪
那我租一顶
2026-07-01 19:13:00 阿桃
周六见
2026-07-01 19:14:00 领队阿山
周六见，别迟到
"""


def test_who_brings_it_answered_by_a_volunteer_is_a_to_do() -> None:
    notes = analyze(parse_text(OUTING))
    charcoal = [a for a in notes.actions if "炭" in a.task]
    assert charcoal and charcoal[0].owner == "阿桃"


def test_a_corrected_count_is_no_key_point_and_the_correction_is() -> None:
    from copilot.notes.corrections import superseded

    chat = parse_text("""2026-07-02 10:00:00 财务-阿青
保险费每人15元，周五前转我
2026-07-02 10:20:00 财务-阿青
已收保险费：阿桃、石头，目前2人
2026-07-02 10:21:00 小溪
我晚上转
2026-07-02 10:22:00 财务-阿青
更正：已收保险费3人，阿桃、石头、小溪
""")
    stale = superseded(chat.messages)
    assert stale == {chat.messages[1].id}
    # a correction about something else replaces nothing
    other = parse_text("""2026-07-02 10:00:00 财务-阿青
保险费每人15元
2026-07-02 10:05:00 财务-阿青
更正：集合地点改到南门
""")
    assert superseded(other.messages) == set()


ACKS = """2026-07-03 20:00:00 领队阿山
@小溪 明天早上6:40到地铁站门口等我，车票我带
2026-07-03 20:01:00 小溪
收到 6:40
2026-07-03 20:02:00 石头
领队我几点到
2026-07-03 20:03:00 领队阿山
@石头 你也6:40
2026-07-03 20:04:00 石头
收到领队
2026-07-03 20:05:00 阿桃
收到，我明天把路线图发群里
"""


def test_an_acknowledgement_repeating_a_name_or_time_is_no_to_do() -> None:
    notes = analyze(parse_text(ACKS))
    assert not any(a.task.strip() in ("收到 6:40", "收到领队") for a in notes.actions), notes.actions
    assert any(a.owner == "阿桃" and "路线图" in a.task and a.deadline == "2026-07-04" for a in notes.actions)


def test_a_question_its_asker_answers_with_a_proposal_takes_no_unrelated_reply() -> None:
    chat = parse_text("""2026-07-04 20:00:00 店长阿May
下个月店庆，想听听大家意见
2026-07-04 20:01:00 阿杰
学生要不要优惠？学生证打9折，其他原价
2026-07-04 20:02:00 店长阿May
我查了一下，场地电费一晚大概80元
""")
    notes = analyze(chat)
    assert not any("学生" in q.question and "电费" in q.answer for q in notes.qa), notes.qa


def test_a_recap_item_with_no_one_named_is_a_decision_not_a_to_do() -> None:
    notes = analyze(parse_text("""2026-07-04 20:00:00 社长阿彤
好，那我拍板了：
1. 7月18日周六在湿地公园办观鸟日
2. 当天不收新会员
3. 小林周三前把大巴订好
"""))
    assert any("不收新会员" in d.text for d in notes.decisions)
    assert not any("不收新会员" in a.task for a in notes.actions), notes.actions
    assert any(a.owner == "小林" and "大巴" in a.task and a.deadline == "2026-07-08" for a in notes.actions)


def test_a_thing_that_shares_the_speakers_name_is_not_their_to_do() -> None:
    notes = analyze(parse_text("""2026-07-05 20:00:00 米粒
今天讲怎么煮一锅好米饭
2026-07-05 20:05:00 米粒
第一步，米粒淘洗两遍就够，别用力搓，营养会流失
2026-07-05 20:10:00 米粒
今天的步骤我明天整理成图发群里
"""))
    assert not any("淘洗" in a.task for a in notes.actions), notes.actions
    assert any(a.owner == "米粒" and "整理成图" in a.task for a in notes.actions)

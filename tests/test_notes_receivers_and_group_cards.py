"""Issue 13, round 21 (second session): owners on new shapes — a group-card name with a space in an
@mention ("@5-1班 周爸爸"), the speaker who receives ("…发我就行", "寄到我这里") is not the owner (the
person whose question this answers, the @-addressed or the group is), a receiver's own next step stays
the speaker's, and a weak interrogative closing a run-on voice message asks. Chats written for these tests."""

from __future__ import annotations

from chat_lines import owned_by

from copilot.notes.parse import parse_text
from copilot.notes.reading import asks
from copilot.notes.todos import find_actions

GROUP_CARDS = """[2026-03-02 19:00] 5-1班 班主任刘老师: 各位家长晚上好 下周三春游 需要家长帮忙
[2026-03-02 19:02] 5-1班 周爸爸: 我可以帮忙
[2026-03-02 19:03] 5-1班 刘老师助理: 收到
[2026-03-02 19:05] 5-1班 班主任刘老师: @5-1班 周爸爸 大巴麻烦您联系一下 周五之前定好
[2026-03-02 19:06] 5-1班 周爸爸: 好的没问题
"""


def test_at_mention_of_a_group_card_name_with_a_space() -> None:
    t = parse_text(GROUP_CARDS, "cards.txt")
    assert "5-1班 周爸爸" in {m.speaker for m in t.messages}
    actions, _, _ = find_actions(t.messages)
    bus = next(a for a in actions if "大巴" in a.task)
    assert bus.owner == "5-1班 周爸爸" and bus.deadline == "2026-03-06"


ANSWERED = """2026-03-02 19:00:00 领队阿坤
周日骑行回来大家把轨迹整理一下
2026-03-02 19:01:00 骑手小蒋
我的码表记录了 轨迹文件发给谁呀
2026-03-02 19:02:00 领队阿坤
周二之前发我就行 我统一做成地图
"""


def test_send_it_to_me_is_owed_by_the_one_who_asked() -> None:
    actions, _, _ = find_actions(parse_text(ANSWERED, "ride.txt").messages)
    owed = next(a for a in actions if "发我就行" in a.task)
    assert owed.owner == "骑手小蒋" and owed.deadline == "2026-03-03"
    # the receiver's own next step does not make him the owner of what is sent to him
    assert not any(a.owner == "领队阿坤" and "发我" in a.task for a in actions)
    # the question itself is nobody's to-do
    assert not any("发给谁" in a.task for a in actions)


def test_send_it_to_me_with_nobody_asking_is_the_groups() -> None:
    chat = """2026-03-02 19:00:00 团长阿慧
这次的样品寄到我这里，大家周五前寄出来，运费各自出
2026-03-02 19:03:00 团长阿慧
报名表周四前转我就行
"""
    actions, _, _ = find_actions(parse_text(chat, "samples.txt").messages)
    assert {a.owner for a in actions} == {"大家"}
    assert not owned_by(actions, "团长阿慧")


def test_leave_it_to_me_stays_the_speakers() -> None:
    chat = """2026-03-02 19:00:00 群主小谭
横幅谁来做？
2026-03-02 19:01:00 阿蕾
横幅交给我就行，周三前做好
"""
    actions, _, _ = find_actions(parse_text(chat, "banner.txt").messages)
    assert [a.owner for a in actions if "横幅" in a.task] == ["阿蕾"]


def test_weak_interrogative_closing_a_run_on_message_asks() -> None:
    assert asks("我下午到 车停哪呀")
    assert asks("这个表格咋填啊")
    assert asks("照片拍好了发给谁呀")
    assert not asks("什么都好啊")
    assert not asks("我来拿照片 周六发群里")


NAMES = """2026-03-02 19:00:00 阿Lucy
周六晨跑我带队，8点在湖边集合
2026-03-02 19:01:00 跑团助教小戴
收到
2026-03-02 19:02:00 团长-老谷
号码布lucy你周五前领回来，饮料小戴你去买
"""


def test_short_and_latin_names_resolve_to_the_participant() -> None:
    actions, _, _ = find_actions(parse_text(NAMES, "run.txt").messages)
    owners = {a.owner for a in actions}
    assert "阿Lucy" in owners and "跑团助教小戴" in owners
    assert not owners & {"lucy", "小戴"}


def test_latin_name_not_in_the_chat_keeps_its_case() -> None:
    chat = """2026-03-02 19:00:00 团长-老谷
海报让Kelly周五前做好
"""
    actions, _, _ = find_actions(parse_text(chat, "poster.txt").messages)
    assert [a.owner for a in actions] == ["Kelly"]


ALL = """2026-03-02 09:00:00 店长-阿文
@所有人 本周事项：1. 新品陈列周三前调整好；2. 月度盘点表月底前交到财务
2026-03-02 09:05:00 导购小许
收到
"""


def test_at_everyone_gives_subjectless_tasks_to_the_group() -> None:
    actions, _, _ = find_actions(parse_text(ALL, "store.txt").messages)
    assert {a.owner for a in actions} == {"大家"}
    assert {a.deadline for a in actions} == {"2026-03-04", "2026-03-31"}


HANDOVER = """2026-03-02 19:00:00 队长阿航
订车的事本来是阿琪负责
2026-03-02 19:01:00 阿琪
我那周出差，订车弄不了
2026-03-02 19:02:00 队长阿航
那订车改成小伍来弄，周四前订好
2026-03-02 19:03:00 小伍
行
"""


def test_a_task_handed_on_goes_to_the_new_owner() -> None:
    actions, _, _ = find_actions(parse_text(HANDOVER, "bus.txt").messages)
    car = [a for a in actions if "订车" in a.task and a.deadline]
    assert [a.owner for a in car] == ["小伍"] and car[0].deadline == "2026-03-05"


def test_a_promise_answering_a_question_names_what_was_asked() -> None:
    chat = """2026-03-02 19:00:00 阿珂
群主，上次说的开店清单能发一份吗
2026-03-02 19:02:00 群主-阿蓉
可以，我整理一下，周五前发群里
"""
    actions, _, _ = find_actions(parse_text(chat, "list.txt").messages)
    assert len(actions) == 1 and actions[0].owner == "群主-阿蓉" and "开店清单" in actions[0].task


def test_a_condition_after_the_promise_keeps_the_promise() -> None:
    chat = """2026-03-02 10:00:00 前台-小葛
打印机又卡纸了，能找人来看看吗
2026-03-02 10:02:00 行政-老柏
下午2点我过去看，修不好的话明天换一台新的
2026-03-02 10:03:00 前台-小葛
如果下雨的话，我们就把活动改到室内
"""
    actions, _, _ = find_actions(parse_text(chat, "printer.txt").messages)
    assert [a.owner for a in actions] == ["行政-老柏"]
    assert actions[0].deadline == "2026-03-02 14:00"

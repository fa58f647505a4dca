"""Issue 13, round 21 (second session): owners on new shapes — a group-card name with a space in an
@mention ("@5-1班 周爸爸"), the speaker who receives ("…发我就行", "寄到我这里") is not the owner (the
person whose question this answers, the @-addressed or the group is), a receiver's own next step stays
the speaker's, and a weak interrogative closing a run-on voice message asks. Chats written for these tests."""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.structure import asks, find_actions

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
    assert not any(a.owner == "团长阿慧" for a in actions)


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

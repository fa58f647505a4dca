"""To-dos that used to be missed (round 60, d13a60): "我带几个X过去" counts a few and asks nothing; "的话题" is no
"的话" condition; "统一回答几个问题" tells; "贴上来" is work, not coming along."""

from copilot.notes.parse import parse_text
from copilot.notes.reading import asks
from copilot.notes.todos import find_actions


def _actions(text: str):
    return find_actions(parse_text(text, suffix=".txt").messages)[0]


def _chat(*lines: tuple[str, str, str]) -> str:
    return "\n".join(f"2030-03-04 {t} {who}\n{text}\n" for t, who, text in lines)


def test_a_take_in_front_keeps_the_groups_signup_in_the_same_line() -> None:
    chat = _chat(("20:00:00", "会长-林姐", "下个月读《长安的荔枝》"),
                 ("20:02:00", "阿哲", "书我来团购，要的人周三前在群里报名"))
    owners = {a.owner for a in _actions(chat)}
    assert "大家" in owners


def test_bringing_a_few_things_is_a_plan_not_a_question() -> None:
    chat = _chat(("09:00:00", "组织者-老杨", "3月9日周六早上8点在北门集合植树，铁锹物业出"),
                 ("09:02:00", "阿芳", "周六我带几个水桶过去，浇水用"))
    (work,) = [a for a in _actions(chat) if a.owner == "阿芳"]
    assert "水桶" in work.task
    assert work.deadline == "2030-03-09"
    assert not asks("周六我带几个水桶过去，浇水用")
    assert asks("我带几个？") and asks("要带几个人")


def test_a_topic_to_send_in_is_no_condition() -> None:
    chat = _chat(("20:00:00", "组织者Lena", "下周的英语角还是周五晚上7点"),
                 ("20:01:00", "组织者Lena", "大家周三前把想讨论的话题发到群里"))
    (work,) = [a for a in _actions(chat) if "话题" in a.task]
    assert work.owner == "大家"
    assert work.deadline == "2030-03-06"


def test_posting_it_up_tomorrow_is_work_after_answering_several_questions() -> None:
    chat = _chat(("20:00:00", "林老师", "识谱卡片要自己买吗"),
                 ("20:05:00", "何老师", "统一回答几个问题：卡片我都是自己打印的；低音谱号第二学期再教"),
                 ("20:06:00", "群主苏老师", "小葛你先把这几点抄下来贴在琴房"),
                 ("20:07:00", "何老师", "卡片的模板我明天整理好贴上来"))
    (work,) = [a for a in _actions(chat) if a.owner == "何老师" and "模板" in a.task]
    assert work.deadline == "2030-03-05"

"""Round 37 (dev13af): the notes' caches speed a long export up and never hand one chat another's answer.

The question test reads the sentence classifier only where it can change the answer, and the caches of
the structure pass are keyed by text (and the message's time where it matters). Two chats written for
these tests (a hiking club, a baking class), none from the eval sets, run one after the other in one
process: each gets its own notes, and the same line sent on different days gets its own deadline.
"""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes.reading import is_question, question_strength
from copilot.notes.summarize import summarize_text

_SETTINGS = Settings(llm_provider="offline")


def _export(group: str, day: str, lines: list[tuple[str, str]]) -> str:
    """A QQ-style text export of ``lines`` (speaker, text) sent on ``day``, one a minute from 20:00."""
    out = ["消息记录（此消息记录为文本格式，不支持重新导入）", "", "=" * 64, f"消息对象:{group}", "=" * 64, ""]
    for n, (who, text) in enumerate(lines):
        out += [f"{day} 20:{n:02d}:00 {who}", text, ""]
    return "\n".join(out)


_HIKING = [
    ("领队老周(30001)", "各位晚上好，说一下周六爬凤凰山的安排。"),
    ("领队老周(30001)", "早上七点半在地铁站B口集合，中午在山顶野餐，每人带一升水。"),
    ("阿桂(30002)", "请问小朋友可以一起去吗？"),
    ("领队老周(30001)", "可以的，十岁以上就行，家长全程陪同。"),
    ("领队老周(30001)", "小敏你周五前把报名表发群里，我来订大巴。"),
    ("小敏(30003)", "好的，收到"),
]

_BAKING = [
    ("烘焙-林老师(40001)", "今晚讲戚风蛋糕为什么会塌。"),
    ("烘焙-林老师(40001)", "蛋白要打到硬性发泡，提起打蛋器是直立的小尖角。"),
    ("烘焙-林老师(40001)", "出炉后马上倒扣，放凉四十分钟再脱模，不然一定回缩。"),
    ("豆豆妈(40002)", "老师，烤箱温度多少合适？"),
    ("烘焙-林老师(40001)", "上下火一百五十度，烤五十分钟，每家烤箱脾气不一样要自己试。"),
    ("小敏(40003)", "小敏你周五前把报名表发群里"),
]


def _notes(text: str, name: str) -> dict:
    return summarize_text(text, name, _SETTINGS, get_engine(_SETTINGS)).to_dict()


def test_two_chats_in_one_process_each_get_their_own_notes_and_deadlines():
    hiking = _export("凤凰山徒步群", "2026-03-02", _HIKING)  # a Monday: "周五前" is 6 March
    first = _notes(hiking, "hiking.txt")
    baking = _notes(_export("戚风烘焙课", "2026-03-10", _BAKING), "baking.txt")  # a Tuesday: 13 March
    again = _notes(hiking, "hiking.txt")
    assert again == first  # the cached answers of the second chat do not leak into the first one read again

    def todos(notes: dict) -> list[tuple[str, str | None]]:
        return [(a["owner"], a["deadline"]) for a in notes["notes"]["actions"]]

    assert ("小敏", "2026-03-06") in todos(first), todos(first)
    # the same words on another day are due on that week's Friday, not on the first chat's
    assert all(deadline != "2026-03-06" for _, deadline in todos(baking)), todos(baking)
    assert any(deadline == "2026-03-13" for _, deadline in todos(baking)), todos(baking)
    # each chat's questions are its own
    asked = {q["question"] for q in first["notes"]["qa"]}
    assert any("小朋友" in q for q in asked) and not any("烤箱" in q for q in asked), asked
    assert any("烤箱" in q["question"] for q in baking["notes"]["qa"]), baking["notes"]["qa"]


def test_is_question_agrees_with_the_question_strength_on_every_form():
    lines = [
        "明天几点集合？",  # a question mark
        "报名表谁来统计",  # 谁来: asks
        "这个是什么牌子的烤箱",  # a weak interrogative (什么): the classifier decides
        "他说的什么我也没听清",  # a weak interrogative that tells
        "谁要是参加，周五前接龙",  # a condition on who
        "冰块谁带？去年鱼都臭了哈哈",  # a question with a joke after it
        "哈哈哈笑死",  # a joke alone
        "好",  # too short
        "出炉后马上倒扣，放凉再脱模",  # no form: the classifier alone
        "",
    ]
    for line in lines:
        assert is_question(line) == (question_strength(line) >= 0.5), line
    assert is_question("明天几点集合？") and not is_question("出炉后马上倒扣，放凉再脱模")

"""Issue 13, round 68: question lines with no "？" that were never read as questions (``qa/question_not_detected``),
and the eval's split of that class by the form of the line.

Forms read now: a floor or a total asked by 几 ("在几楼", "一共几辆车"),
a choice whose 定 is part of 定做 ("是定做新的还是穿旧的"), both options closing on 的 ("是买红的还是买蓝的"),
two Latin options or a Cantonese weighing tail after a bare 定 ("V60定Kalita好啲", "植鞣定铬鞣好啲"), and how best
to do something after a told part ("…一起捐5000新币，怎么汇比较好"). The sentences are written by hand for this test.
"""

from __future__ import annotations

import pytest

from copilot.evals import notes as ev
from copilot.notes.model import Message
from copilot.notes.parse import parse_text
from copilot.notes.reading import is_question
from copilot.notes.structure import analyze

ASKED = [
    "新来的志愿者住在几楼",
    "咁用Canon定Nikon好啲",
    "明天的讲座在几楼",
    "这次去露营一共几辆车",
    "班服是定做新的还是穿去年那套",
    "相机是买索尼的还是买佳能的",
    "咁用V60定Kalita好啲",
    "手冲用浅烘定深烘好啲 我睇网上好多人讲浅烘",
    "老家那边有十几户亲戚，大家说一起凑两万块，怎么转账比较好",
]

TOLD = [
    "我们一共几十个人，场地够用",
    "这件旗袍是定做的",
    "我用的还是原来那台",
    "他说的还是对的",
    "这个月卡办了没几天就停了",
    "定期体检比较好",
    "我住十几楼，电梯经常坏",
    "今天忙死了没空回消息",
    "好久没见了没想到你也来了",
]


@pytest.mark.parametrize("text", ASKED)
def test_forms_with_no_question_mark_ask(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize("text", TOLD)
def test_statements_alike_do_not_ask(text: str) -> None:
    assert not is_question(text)


CHAT = """[2026-06-12 20:00] 阿慧: 周六去郊野公园露营，这边统计一下
[2026-06-12 20:01] 小雷: 帐篷是买新的还是租的好
[2026-06-12 20:02] 阿慧: 租吧，营地门口租一顶80
[2026-06-12 20:03] 老陈: 这次一共几辆车
[2026-06-12 20:04] 阿慧: 3辆车，老陈、小雷和我各开一辆
[2026-06-12 20:06] 小雷: 营地在山上信号不好，大家怎么联系比较好
[2026-06-12 20:07] 老陈: 对讲机我带两台，一车一台
"""


def test_a_question_read_now_is_paired_with_its_answer() -> None:
    st = analyze(parse_text(CHAT, "camping.txt"))
    pairs = {(p.question, p.answer) for p in st.qa}
    assert any("几辆车" in q and "3辆车" in a for q, a in pairs)
    assert any("怎么联系比较好" in q and "对讲机" in a for q, a in pairs)


def _line(text: str) -> Message:
    return Message(id=1, speaker="阿慧", text=text, time=None)


@pytest.mark.parametrize(("text", "form"), [
    ("露营帐篷租还是买", "choice"), ("要带几张凳子", "count"), ("你用咩牌子嘅营灯", "wh"),
    ("营地那天有开齁", "yes_no"), ("我想问小朋友是否要家长陪同", "request"), ("我们刚到 营地没有热水", "statement")])
def test_a_question_never_read_is_split_by_its_form(text: str, form: str) -> None:
    want = ev.QASpec.model_validate({"asker": "阿慧", "question": [text[:2]], "answerer": "老陈", "answer": ["有"]})
    assert ev._question_form_why(want, [_line(text)]) == form
    assert f"qa/question_not_detected_{form}" in ev.WHY_LABELS

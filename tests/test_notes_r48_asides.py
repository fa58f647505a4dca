"""Round 48 (d13a48): a side talk of two is one thread.

A follow-up question inside a talk of two ("你家猫生了吗" — "生了，四只" — "能给我一只吗") goes on that talk, so the
whole talk is set aside together: no Q&A pair, nothing in the notes. Every chat below was written for these tests;
none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.notes.exchanges import Line, threads
from copilot.notes.render import render_markdown

START = datetime(2027, 3, 2, 20, 0)  # a Tuesday evening

GARDEN = (
    "社长老包|这周六的堆肥日，早上7点菜园门口集合，一共二十块地",
    "阿德|推车够不够用",
    "社长老包|够，仓库里有十个推车",
    "社长老包|有机肥阿德你去农资店订，周四前订好",
    "阿德|没问题",
    "秀兰|@小芳 你家的猫生了吗",
    "小芳|生了！四只，两只橘的两只狸花",
    "秀兰|好可爱，能给我一只吗",
    "小芳|可以啊，满月了来抱",
    "社长老包|大家周五前把自己要种的菜登记在共享表上",
)


def test_a_follow_up_question_goes_on_a_talk_of_two():
    lines = [Line(id=0, speaker="秀兰", to=("小芳",), words=frozenset({"猫"}), asks=True),
             Line(id=1, speaker="小芳", words=frozenset({"狸花"})),
             Line(id=2, speaker="秀兰", words=frozenset({"可爱"}), asks=True),
             Line(id=3, speaker="小芳", words=frozenset({"满月"}))]
    assert threads(lines) == [None, 0, 1, 2]


def test_a_question_by_someone_outside_the_talk_opens_its_own():
    # bad input for the rule: a third member's question after the talk of two is no part of it
    lines = [Line(id=0, speaker="秀兰", to=("小芳",), words=frozenset({"猫"}), asks=True),
             Line(id=1, speaker="小芳", words=frozenset({"狸花"})),
             Line(id=2, speaker="阿德", words=frozenset({"推车"}), asks=True)]
    assert threads(lines)[2] is None


def test_a_side_talk_with_a_follow_up_question_stays_out_of_the_notes():
    notes = chat_notes(*GARDEN, start=START)
    assert not any("一只" in q.question or "猫" in q.question for q in notes.qa)
    assert any("推车" in q.question for q in notes.qa)
    md = render_markdown(notes, appendix=False)
    assert "满月" not in md and "狸花" not in md

"""Round 41 (issue 15): the "你还问了" note only for a second real ask; a last ask with no words of its own is searched
with the clause told before it. Questions and groups written for these tests."""

from __future__ import annotations

from copilot.knowledge.ask import SecondPart, ask_part, decline_texts, part_left_out, second_part, with_previous
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit

NOTE_HEAD = decline_texts().part_not_covered.split("「")[0]
COLD = SectionHit(source="daily-topics", title="内容规划与每日话题", section="冷场了怎么救", score=0.5, fit=0.8,
                  position=6, sentence=0.92, lexical=3.0)


# --- the second-part note -------------------------------------------------------------------------------------

def test_a_second_part_after_a_first_that_only_tells_gets_no_note() -> None:
    told = SecondPart("怎么帮新会员融进来", None, (("threshold", "常见门槛形式"),), first_asks=False)
    asked = told._replace(first_asks=True)
    assert part_left_out([COLD], told) == ""
    assert part_left_out([COLD], asked).startswith(NOTE_HEAD)


def test_the_first_part_is_read_for_whether_it_asks(kb_index: KnowledgeIndex) -> None:
    told = second_part("桥牌俱乐部的老会员彼此都很熟，另外我们只在周三晚上活动，新会员总说融不进去，怎么帮他们融入", kb_index)
    asked = second_part("桥牌俱乐部周三晚上的活动要不要收报名费，另外新会员融不进去怎么办", kb_index)
    # a first part the asker closed with a question mark asks, even without an ask word (…还是…？)
    marked = second_part("龙舟队的群是拉新人进大群还是另开个训练群？另外训练群的群规该写哪些", kb_index)
    assert told.text and not told.first_asks
    assert asked.text and asked.first_asks
    assert marked.text and marked.first_asks


# --- a generic last ask is searched with the clause told before it ---------------------------------------------

def test_a_generic_ask_takes_the_clause_before_it(kb_index: KnowledgeIndex) -> None:
    question = "合唱团年底演出录了好多视频，想剪成合集给以后进群的新人看，该怎么做才好"
    assert with_previous(question, "该怎么做才好", kb_index) == "想剪成合集给以后进群的新人看，该怎么做才好"
    # a clause that names what it asks about is searched alone
    assert with_previous(question, "新人入群欢迎语怎么写", kb_index) == "新人入群欢迎语怎么写"


def test_the_ask_part_of_a_generic_ask_is_the_told_want(kb_index: KnowledgeIndex) -> None:
    question = "合唱团年底演出录了好多视频，想剪成合集给以后进群的新人看，该怎么做才好"
    part = ask_part(question, kb_index.search_sections(question, k=5), kb_index)
    assert part.text.startswith("想剪成合集")


def test_an_ask_naming_its_topic_with_common_words_is_searched_alone(kb_index: KnowledgeIndex) -> None:
    # 管理, 新人 are in many sections but not in most: the ask says what it is about and keeps to itself
    question = "陶艺群有个老学员手艺好但嘴很毒，常笑话新人捏的坯，我该怎么劝他，要不要请他做管理员带新人"
    clause = "要不要请他做管理员带新人"  # 管理, 新人: no word of it is in under 5 % of the sections
    assert with_previous(question, clause, kb_index) == clause
    assert with_previous("陶艺群每周都有作品照，想把它们存档给以后的新学员看，怎么做比较好", "怎么做比较好",
                         kb_index) == "想把它们存档给以后的新学员看，怎么做比较好"

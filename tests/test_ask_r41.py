"""Round 41 (issue 15): the "你还问了" note only for a second real ask. Questions and groups written for these tests."""

from __future__ import annotations

from copilot.knowledge.ask import SecondPart, decline_texts, part_left_out, second_part
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

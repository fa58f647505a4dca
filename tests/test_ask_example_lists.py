"""An example's list goes where its lead-in goes (qa15r18 I20). A lead-in from another kind of group ("以某跑团为例：")
introduces items that name no kind themselves ("你一周练几次？"): they are that example too. In a section about
the method they are left out with their lead-in (one note names the kind); in a worked-example section (its heading
says 示例) the example is the content, so it is shown whole and labelled once — never listed and then called left
out, and never with an empty kind label. Card texts, groups and questions are written for these tests."""

from __future__ import annotations

from copilot.knowledge.ask import Citation, section_lines
from copilot.knowledge.ranking import SectionHit


def _hit(section: str, position: int) -> SectionHit:
    return SectionHit(source="signup", title="报名与筛选", section=section, score=0.6, fit=0.7, position=position,
                      sentence=0.9, lexical=3.0)


LEAD = _hit("报名要问什么", 1)
LEAD_TEXT = "报名时只问和活动安排有关的事，三到五题为宜，问完要用上。"
LIST = ("以\"城东夜跑训练营\"为例：\n"
        "1. 你每周能练几次？（1 次 / 2 次 / 3 次以上）\n"
        "2. 你最想在两个月里做到什么？（一句话）\n"
        "3. 你住在城里哪一片？（方便分组）\n")
AFTER = "收上来的回答要整理成表，分组和欢迎私聊都用得上。"


def _lines(section: str, question: str) -> list[str]:
    sec = _hit(section, 2)
    cites = [Citation(n=1, source="signup", title="报名与筛选", section="报名要问什么", text=LEAD_TEXT, basis="experience"),
             Citation(n=2, source="signup", title="报名与筛选", section=section, text=LIST + AFTER, basis="experience")]
    return section_lines([LEAD, sec], cites, question)[("signup", section)]


def test_a_worked_example_is_shown_whole_and_labelled_once() -> None:
    lines = _lines("报名问卷示例", "我们多肉植物群想搞线下换盆活动，报名表该问些什么")
    text = "\n".join(lines)
    assert "你每周能练几次" in text and "你住在城里哪一片" in text
    assert "这里不列出" not in text  # nothing listed is then called left out
    assert "（的例子" not in text  # no label without its kind
    assert sum("跑步群的例子" in line for line in lines) == 1  # the lead-in carries the label
    assert any(AFTER[:8] in line for line in lines)


def test_in_a_method_section_the_items_go_with_their_lead_in() -> None:
    lines = _lines("报名表怎么设计", "我们多肉植物群想搞线下换盆活动，报名表该问些什么")
    text = "\n".join(lines)
    assert "夜跑训练营" not in text and "你每周能练几次" not in text and "你住在城里哪一片" not in text
    assert any(AFTER[:8] in line for line in lines)
    assert "跑步群" in lines[-1] and "这里不列出" in lines[-1]


def test_the_groups_own_kind_keeps_the_example_unlabelled() -> None:
    lines = _lines("报名表怎么设计", "我们跑团要办春季训练营，报名表该问些什么")
    text = "\n".join(lines)
    assert "你每周能练几次" in text and "夜跑训练营" in text
    assert "这里不列出" not in text and "例子，照用前" not in text

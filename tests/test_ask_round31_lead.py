"""Round 31, found by a new operator's questions (qa15r9), fixed by the lead: an extra section's note about
the other groups' examples it leaves out comes after its lines, never between a list's lead-in ("好例子：")
and its items; a pointer to the next section of the same card ("见下一节的分工表") is cut when the answer
has no other section of that card. Questions written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import compose_offline, section_citations
from copilot.knowledge.composition import compose_cues
from copilot.knowledge.ranking import SectionHit


def _hit(source: str, title: str, section: str) -> SectionHit:
    return SectionHit(source=source, title=title, section=section, score=0.5, fit=0.7, position=0,
                      sentence=0.9, lexical=3.0)


NUMBERS = _hit("group-name", "群名怎么起", "多个群的编号")
GOOD_BAD = _hit("group-name", "群名怎么起", "好名字与坏名字对比")
AVOID = _hit("group-name", "群名怎么起", "避坑清单")
ALONE = _hit("team-roles", "团队与分工", "群不能只靠群主一个人")
ROLES = _hit("team-roles", "团队与分工", "班委式分工")


@pytest.fixture
def index(tmp_path):  # type: ignore[no-untyped-def]
    return SimpleNamespace(settings=Settings(data_dir=tmp_path / "data", llm_provider="offline"))


def test_the_other_kind_note_closes_an_extra_section_instead_of_splitting_its_list(index) -> None:  # type: ignore[no-untyped-def]
    # round 52: the lead is one that shows no 宝妈 example (多个群的编号 shows "XX宝妈团购2群", and an example of a kind
    # printed above now stays, labelled: test_an_example_of_a_kind_shown_above_stays_labelled)
    sections = [AVOID, GOOD_BAD]
    answer = compose_offline(sections, section_citations(sections, index), question="阳台种菜群想改个名字，要不要带地名",
                             lead=AVOID)
    extra = answer.split("依据：群名怎么起 › 好名字与坏名字对比")[1]
    lines = [ln for ln in extra.split("\n") if ln.strip()]
    head = compose_cues().other_kind_note.split("{")[0]
    notes = [i for i, ln in enumerate(lines) if ln.startswith(head)]
    assert notes, extra  # the card's 宝妈 example gives way in a vegetable group's answer
    assert notes == [len(lines) - 1], extra  # one note, after every line of the section
    assert not any(ln.rstrip(" [0123456789]").endswith(("：", ":")) and i + 1 < len(lines) and lines[i + 1].startswith(head)
                   for i, ln in enumerate(lines))


def test_an_example_of_a_kind_shown_above_stays_labelled(index) -> None:  # type: ignore[no-untyped-def]
    # round 52 (qa15r35): the lead shows "XX宝妈团购2群", so a note that the 宝妈 example below was left out would
    # contradict it; the example stays, marked as that kind's
    sections = [NUMBERS, GOOD_BAD]
    answer = compose_offline(sections, section_citations(sections, index), question="阳台种菜群想改个名字，要不要带地名",
                             lead=NUMBERS)
    assert "宝妈团购2群" in answer
    assert "（宝妈群的例子，照用前换成你们群的说法）" in answer
    assert compose_cues().other_kind_note.split("{")[0] not in answer


def test_a_pointer_to_the_next_section_is_cut_when_the_answer_lacks_it(index) -> None:  # type: ignore[no-untyped-def]
    alone = compose_offline([ALONE], section_citations([ALONE], index), question="冲浪俱乐部群主一个人忙不过来怎么办")
    assert "下一节" not in alone and "分工" in alone
    both = [ALONE, ROLES]
    together = compose_offline(both, section_citations(both, index), question="冲浪俱乐部群主一个人忙不过来，怎么分工")
    assert "下一节" in together  # the next section is there to read


@pytest.mark.parametrize("line", ["规模扩大后，再逐步细化分工（见下一节的分工表）。", "規模擴大後，再逐步細化分工（見下一節的分工表）。"])
def test_unpoint_next_section_keeps_the_sentence(line: str) -> None:
    cut = compose_cues().unpoint(line, next_section=True)
    assert "下一" not in cut and cut.endswith("细化分工。") or cut.endswith("細化分工。")

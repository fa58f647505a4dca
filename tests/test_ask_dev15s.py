"""Round 36b (dev15s): how an extra section's lines are assembled when some of its examples come from another kind
of group. A list's lead-in ("好口号：") goes only when every item it introduces is left out; when the first item gave
way but others stay, the lead-in stays, so the good examples are not read as part of the bad list before it.
Card texts, groups and questions are written for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.knowledge.ask import Citation, answer_question, compose_offline, section_lines
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit
from copilot.llm import get_engine


def _hit(source: str, title: str, section: str, score: float, fit: float, position: int = 0) -> SectionHit:
    return SectionHit(source=source, title=title, section=section, score=score, fit=fit, position=position,
                      sentence=0.92, lexical=3.0)


LEAD = _hit("slogan", "群口号怎么定", "口号要说清做什么", 0.6, 0.8, 1)
PAIRS = _hit("slogan", "群口号怎么定", "好口号与坏口号", 0.5, 0.7, 2)
LEAD_TEXT = "口号要让新人一眼看出群里平时做什么，最好不超过十个字。"
# two lists in one part: the good list's first example is a running group's (another kind than a 园艺 group)
PAIRS_TEXT = ("口号好不好，只看陌生人读完能不能说出群是做什么的。\n"
              "坏例子及原因：\n"
              "- \"一起变更好\"：空泛，什么群都能用；\n"
              "- \"最强交流圈\"：夸大，吸引来的人不对口。\n"
              "好例子：\n"
              "- \"每周三次晨跑，配速不限\"：跑步群，说清频率；\n"
              "- \"每周一株新绿植\"：说清节奏和内容；\n"
              "- \"修枝换盆互相帮\"：说清互助的事。\n"
              "写完念给群外的人听一遍，说不出来就改。")


def _lines(question: str, text: str = PAIRS_TEXT) -> list[str]:
    cites = [Citation(n=1, source="slogan", title="群口号怎么定", section="口号要说清做什么", text=LEAD_TEXT,
                      basis="experience"),
             Citation(n=2, source="slogan", title="群口号怎么定", section="好口号与坏口号", text=text,
                      basis="experience")]
    return section_lines([LEAD, PAIRS], cites, question)[("slogan", "好口号与坏口号")]


def test_the_good_list_keeps_its_heading_when_its_first_example_gives_way() -> None:
    lines = _lines("我们园艺群想定一句群口号，怎么写比较好")
    text = "\n".join(lines)
    assert "晨跑" not in text  # the running group's example gave way
    heads = [i for i, line in enumerate(lines) if line.startswith("好例子")]
    assert heads, lines
    bad_at = next(i for i, line in enumerate(lines) if "最强交流圈" in line)
    good_at = next(i for i, line in enumerate(lines) if "每周一株新绿植" in line)
    # the good examples sit under 好例子, not under 坏例子及原因
    assert bad_at < heads[0] < good_at
    assert "跑步群" in lines[-1]  # one note names the left-out kind


def test_a_heading_whose_every_example_gives_way_still_goes() -> None:
    only_runs = ("口号好不好，只看陌生人读完能不能说出群是做什么的。\n"
                 "好例子：\n"
                 "- \"每周三次晨跑，配速不限\"：跑步群；\n"
                 "- \"跑友周末约长距离\"：跑友一看就懂。\n"
                 "写完念给群外的人听一遍。")
    lines = _lines("园艺群的口号怎么写", only_runs)
    assert not any(line.startswith("好例子") for line in lines), lines
    assert not any("晨跑" in line or "长距离" in line for line in lines)
    assert any("念给群外的人" in line for line in lines)


def test_the_own_kind_keeps_every_example_and_both_headings() -> None:
    lines = _lines("跑团群的口号怎么写，要不要带配速")
    assert any("晨跑" in line for line in lines)
    assert sum(line.startswith(("坏例子", "好例子")) for line in lines) == 2


def test_a_part_ending_on_a_bare_heading_does_not_dangle() -> None:
    text = "口号要短。\n好例子："
    out = compose_offline([LEAD, PAIRS], [
        Citation(n=1, source="slogan", title="群口号怎么定", section="口号要说清做什么", text=LEAD_TEXT,
                 basis="experience"),
        Citation(n=2, source="slogan", title="群口号怎么定", section="好口号与坏口号", text=text,
                 basis="experience")], question="园艺群口号")
    assert "好例子" not in out and "口号要短。 [2]" in out, out


def test_a_naming_answer_does_not_list_good_names_under_the_bad_ones(kb_index: KnowledgeIndex,
                                                                     settings: Settings) -> None:
    question = "新开了一个钩针编织交流群，名字暂定“线团小窝”，觉得太普通。群名怎么取比较好？要不要加上地名"
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    lines = answer.answer.splitlines()
    bad = next((i for i, line in enumerate(lines) if line.startswith("坏例子")), None)
    if bad is None:
        return  # the comparison section is not in this answer: nothing to mislabel
    rest = lines[bad + 1:]
    run = [line for line in rest[:next((i for i, x in enumerate(rest) if not x.startswith("- ")), len(rest))]]
    # the items right under 坏例子 are the bad ones only: no positive reason ("一眼明白", "适合") among them
    assert not any("适合线下" in line or "一眼明白" in line or "互相帮忙" in line for line in run), run

"""Round 39 (d13b): who agreed to a decision, and work handed on as a decision.

(1) a yes right after a proposal put to the group as a question ("我的想法是…，大家同意吗" — "同意") agrees to
it, even when the proposal names the one saying yes; (2) work handed from one member to another ("本来安排…，
改给小北做") is a decision of its speaker, agreed by the new owner when they take it on; a date changed
("本来周六，改成周日") or a handing-on asked and not taken on is none of this kind.

Every chat below was written for these tests (a community radio club, a bakery class, a rowing club);
none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.model import Transcript
from copilot.notes.structure import analyze

START = datetime(2026, 3, 10, 20, 0)

_msgs = partial(chat_lines, start=START)


def _analyze(*lines: str):
    return analyze(Transcript(name="t.txt", messages=_msgs(*lines), format="wechat"))


def test_a_yes_to_a_proposal_put_to_all_is_agreement_even_when_it_names_the_speaker() -> None:
    found = _analyze("站长阿岚|下个月的社区电台节目要排一下主持",
                     "老冯|主持的人定了吗",
                     "站长阿岚|我的想法是上半月小曼主持，下半月老冯主持，大家同意吗",
                     "小曼|同意",
                     "老冯|同意，没问题",
                     "阿杜|+1",
                     "站长阿岚|好，那就这么定了：上半月小曼，下半月老冯")
    agreed = [d for d in found.decisions if "那就这么定了" in d.text]
    assert agreed and {"小曼", "老冯", "阿杜"} <= set(agreed[0].by)

"""Round 56 (d13b56): a numbered answer block ("1. …问的…：…", "3. 复调背谱：…") gives each item to the question its
short head names, not to whichever question is still open; the block's own opening ("汇总了三个问题，我按顺序回答") is
no answer; "一起汇总给老师" holds the questions just asked; "多快/多高/多早" ask.

Every chat below was written for these tests (a calligraphy class, a swimming club); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa
from copilot.notes.reading import is_question

START = datetime(2026, 12, 6, 19, 30)

_msgs = partial(chat_lines, start=START)


def _qa(lines: tuple[str, ...], speakers: list[str], host: str | None) -> dict[str, tuple[str, str]]:
    return {p.asker: (p.answerer, p.answer) for p in find_qa(_msgs(*lines), "话题讨论", speakers, host)}


_CALLIGRAPHY = (
    "书法班-助教阿琳|周五晚上孙老师线上答疑，大家有问题先在群里发",
    "小吴|临帖的时候一天要写多少张才够",
    "阿珍|宣纸和毛边纸练字有什么区别",
    "老谢|还有个问题，手腕总是抖怎么办",
    "书法班-助教阿琳|收到，一起汇总给老师",
    "孙老师|大家好，阿琳汇总了三个问题，我按顺序回答\n"
    "1. 小吴问的临帖：每天写两张就够，关键是对着帖子看清楚再下笔\n"
    "2. 纸的问题：初学用毛边纸就行，便宜又吸墨，宣纸留到写作品\n"
    "3. 手腕发抖：悬腕练竖线，每天十分钟，先慢后快",
)


def test_numbered_items_go_to_the_questions_their_heads_name() -> None:
    qa = _qa(_CALLIGRAPHY, ["孙老师"], "书法班-助教阿琳")
    assert qa["小吴"][0] == "孙老师" and "两张" in qa["小吴"][1]
    assert qa["阿珍"][0] == "孙老师" and "毛边纸" in qa["阿珍"][1]
    answerer, answer = qa["老谢"]
    assert answerer == "孙老师" and "悬腕" in answer
    assert "按顺序回答" not in answer  # the block's opening answers nobody


def test_how_fast_and_how_high_ask() -> None:
    assert is_question("自由泳一百米要游多快才算达标")
    assert is_question("跳台有多高")
    assert not is_question("他游得很快，大家都跟不上")

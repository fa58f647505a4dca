"""Round 57 (d13b57): a question asking for something to know, answered by the very next line with a statement,
is Q&A even when neither line uses the chat's topic words ("取作品要带什么" — "带几张旧报纸和纸箱"); small talk
(the chatter model's call), a call for views ("大家怎么看") and a question asked on someone's side remark are not.

Every chat below was written for these tests (a pottery studio, a repair cafe, a volunteer meeting); none is a QA
chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa

START = datetime(2027, 3, 9, 19, 0)

_msgs = partial(chat_lines, start=START)
_TOPIC = frozenset({"开窑", "作品", "周六"})


def _qa(lines: tuple[str, ...], speakers: list[str]) -> dict[str, tuple[str, str]]:
    return {p.asker: (p.answerer, p.answer) for p in find_qa(_msgs(*lines), "话题讨论", speakers, None, topic=_TOPIC)}


def test_a_members_plain_answer_off_the_topic_words_is_kept() -> None:
    qa = _qa(("陶艺-阿岚|本周六下午2点开窑，上周的作品都在里面",
              "晴晴|请问要带什么",
              "大鹏|带几张旧报纸和纸箱，包一下免得磕"), ["陶艺-阿岚", "大鹏"])
    assert qa["晴晴"][0] == "大鹏" and "旧报纸" in qa["晴晴"][1]


def test_small_talk_answered_next_is_no_pair() -> None:
    qa = _qa(("陶艺-阿岚|本周六下午2点开窑，上周的作品都在里面",
              "晴晴|你们周末去哪玩了",
              "大鹏|去爬山了，累死"), ["陶艺-阿岚", "大鹏"])
    assert "晴晴" not in qa


def test_a_call_for_views_answered_next_is_no_pair() -> None:
    qa = _qa(("陶艺-阿岚|本周六下午2点开窑，上周的作品都在里面",
              "小蔡|以后每月搞一次茶话会，大家怎么看",
              "大鹏|我支持，去年试过两回，效果挺好"), ["陶艺-阿岚", "大鹏"])
    assert "小蔡" not in qa

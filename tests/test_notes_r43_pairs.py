"""Round 43 (issue 13, Q&A pairs that belong together; a finding line's facts kept).

- Two characters a question and a reply share that say nothing of what is asked (还是, 有没, 请问 — cues
  reply.shared_stop — and function words) are no common ground: a later decision that shares only 还是 is not
  glued onto an answer.
- A quote-reply to one asker answers that asker's question, not the answer the same person gave just before.
- An @-reply with nothing in common with the asker's questions answers the one still waiting, not a side question
  a member has already taken up.
- A list posted under its own heading ("装备清单：1. … 2. …") answers only a question on the heading's matter.
- A line opening on its finding with figures ("结论：报名的一共35人…") stays a key point whatever words it holds
  (cue summary.finding_head).

Every chat below was written for these tests (a fishing club, a bonsai society, a hiking group, a chess club);
none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_lines, chat_notes

from copilot.notes.model import Transcript
from copilot.notes.reading import relevant
from copilot.notes.structure import analyze

START = datetime(2026, 9, 15, 20, 0)  # a Tuesday evening


def _analyze(*lines: str, quotes: dict[int, str] | None = None):
    messages = chat_lines(*lines, start=START)
    for i, who in (quotes or {}).items():
        messages[i].reply_to = who
    return analyze(Transcript(name="t", messages=messages))


def _pairs(s) -> dict[str, tuple[str, str]]:
    return {q.asker + "|" + q.question: (q.answerer, q.answer) for q in s.qa}


def test_a_function_word_in_common_is_no_common_ground():
    assert not relevant("报名表是交纸质的还是电子的", "好，聚餐还是定在老地方", by_kind=False)
    assert not relevant("请问周六有没有人开车", "有没有带雨伞无所谓，请问一下", by_kind=False)
    assert relevant("报名表是交纸质的还是电子的", "电子的，报名表我晚上发群里", by_kind=False)


def test_a_later_decision_sharing_only_haishi_is_not_glued_to_an_answer():
    s = _analyze(
        "会长老冯|这周日的钓鱼活动说一下",
        "小葛|集合是在水库东门还是西门？",
        "会长老冯|东门，早上六点半",
        "阿涛|我带两根竿子",
        "会长老冯|好，午饭还是定在村口那家农家乐",
    )
    answer = next(a for q, (w, a) in _pairs(s).items() if "东门" in q)
    assert "六点半" in answer
    assert "农家乐" not in answer


def test_a_quote_reply_answers_the_quoted_asker():
    s = _analyze(
        "社长阿松|下个月盆景展的事说一下",
        "小唐|松树盆景要多久浇一次水",
        "老白|展台几点能进场？",
        "社长阿松|@老白 上午九点进场，十点开展",
        "社长阿松|三天一次，夏天每天浇",
        quotes={4: "小唐"},
    )
    pairs = _pairs(s)
    tang = next(v for q, v in pairs.items() if q.startswith("小唐|"))
    bai = next(v for q, v in pairs.items() if q.startswith("老白|"))
    assert "三天一次" in tang[1]
    assert "三天一次" not in bai[1] and "九点" in bai[1]


def test_an_at_reply_with_nothing_in_common_answers_the_question_still_waiting():
    s = _analyze(
        "领队大鹏|周六爬野山的安排说一下",
        "小溪|登山杖要带几根？",
        "阿泽|午饭要自己带吗",
        "小溪|有人从地铁站那边顺路过去吗",
        "阿泽|我开车，可以带你",
        "领队大鹏|@小溪 两根，下山省膝盖",
    )
    pairs = _pairs(s)
    staff = next((v for q, v in pairs.items() if "登山杖" in q), None)
    assert staff is not None and "两根" in staff[1]
    assert not any("两根" in a for q, (w, a) in pairs.items() if "顺路" in q)


def test_a_headed_list_is_a_new_topic_not_the_answer():
    s = _analyze(
        "会长老冯|下个月夜钓的装备说一下",
        "小葛|鱼竿买哪个牌子的好",
        "会长老冯|装备清单：1. 鱼竿一根 2. 头灯一个 3. 折叠椅一把",
        "会长老冯|鱼竿买光威的就够，三百块左右",
    )
    answer = next(a for q, (w, a) in _pairs(s).items() if "牌子" in q)
    assert "光威" in answer
    assert "清单" not in answer and "头灯" not in answer
    # a list under a heading on the question's own matter is its answer
    s = _analyze(
        "会长老冯|下个月夜钓说一下",
        "小葛|夜钓要带哪些装备？",
        "会长老冯|夜钓装备：1. 头灯一个 2. 折叠椅一把 3. 防蚊水",
    )
    assert any("头灯" in a for q, (w, a) in _pairs(s).items() if "装备" in q)


def test_a_finding_line_full_of_figures_stays_a_key_point():
    notes = chat_notes(
        "社长老韩|国庆象棋赛的情况跟大家说一下",
        "社长老韩|结论：报名的一共35人，最小的9岁，最大的72岁，比去年多了11个",
        "小蔡|比赛几点开始？",
        "社长老韩|早上九点，文化宫三楼",
        "阿全|我那天要加班，去不了",
        "社长老韩|好，奖品还是照去年的发",
        start=START,
    )
    assert any("35人" in k.text and "72岁" in k.text for k in notes.key_points)


def test_a_decision_that_only_comes_next_is_no_answer():
    s = _analyze(
        "社长老韩|各位棋友，国庆象棋赛的准备说一下",
        "社长老韩|今年报名的一共35人，分成人组和少儿组",
        "小蔡|少儿组多大算？",
        "社长老韩|12岁以下",
        "阿全|棋钟谁来借",
        "社长老韩|比赛就还是定在文化宫三楼，每盘不超过40分钟",
        "小蔡|好的",
    )
    assert any("少儿组" in q.question and "12岁" in q.answer for q in s.qa)
    assert any("文化宫" in d.text for d in s.decisions)
    assert not any("棋钟" in q.question for q in s.qa)

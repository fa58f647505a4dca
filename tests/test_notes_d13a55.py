"""Round 55 (d13a55): a short line holding a question for later ("这个已记下，稍后X一并回复") is no answer, and the
question waits for a round or an @-reply; a round clause headed by the question's subject ("关于X的问题：…",
"先说X：…") answers the question that names X.

Every chat below was written for these tests (a pottery class, a cycling club, a knitting circle); none is a QA
chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa

START = datetime(2026, 12, 6, 19, 30)

_msgs = partial(chat_lines, start=START)


def _qa(lines: tuple[str, ...], speakers: list[str], host: str) -> dict[str, tuple[str, str]]:
    return {p.asker: (p.answerer, p.answer) for p in find_qa(_msgs(*lines), "话题讨论", speakers, host)}


_POTTERY = (
    "陶艺群-小雯|今晚请老韩讲拉坯入门，大家有问题先发上来",
    "老韩|拉坯第一步是定中心，手肘要抵住大腿，泥不正后面都白做",
    "阿泽|泥总是甩飞是转速太快了吗",
    "陶艺群-小雯|这个问题我先记下，稍后老韩一并回复",
    "老韩|开孔的时候拇指往下压，留一厘米的底",
    "老韩|回答一下刚才的问题：阿泽问的甩飞，先把转速降到一半，手上多沾水",
)


def test_a_holding_line_is_no_answer_and_the_named_round_answers() -> None:
    qa = _qa(_POTTERY, ["老韩", "陶艺群-小雯"], "陶艺群-小雯")
    answerer, answer = qa["阿泽"]
    assert answerer == "老韩"
    assert "转速降到一半" in answer and "稍后" not in answer and "开孔" not in answer


_KNITTING = (
    "毛线团-阿珍|今天聊聊冬天的围巾，问题都发群里，我最后一起答",
    "小禾|平针织出来总是卷边，怎么办",
    "阿桂|新手用几号针合适？",
    "毛线团-阿珍|都记着呢，等下一起回答",
    "阿桂|[玫瑰]",
    "毛线团-阿珍|关于卷边的问题：两边各留三针织起伏针，就不会卷了",
    "毛线团-阿珍|关于几号针的问题：新手用5号竹针，配粗一点的线",
)


def test_subject_headed_clauses_go_to_the_question_naming_the_subject() -> None:
    qa = _qa(_KNITTING, ["毛线团-阿珍"], "毛线团-阿珍")
    assert qa["小禾"][0] == "毛线团-阿珍" and "起伏针" in qa["小禾"][1]
    assert "都记着" not in qa["小禾"][1]
    assert qa["阿桂"][0] == "毛线团-阿珍" and "5号竹针" in qa["阿桂"][1]


_CYCLING = (
    "骑行队-老杨|周日早上7点滨江绿道集合，骑60公里",
    "小鹏|中途有补给点吗",
    "骑行队-老杨|有，25公里处的便利店停一次",
)


def test_a_plain_answer_is_still_taken() -> None:
    qa = _qa(_CYCLING, ["骑行队-老杨"], "骑行队-老杨")
    assert qa["小鹏"] == ("骑行队-老杨", "有，25公里处的便利店停一次")


_CHOIR = (
    "合唱团-周老师|各位，周六下午的排练挪到音乐教室，2点开始",
    "小芳妈妈|周老师，排练大概几点结束？我五点要去接孩子",
    "老吴|收到",
    "合唱团-周老师|还有个事：演出服下周三统一发",
    "老吴|[强]",
    "小芳妈妈|[玫瑰]",
    "合唱团-周老师|@小芳妈妈 四点半前肯定结束",
)


def test_another_matter_from_the_one_asked_is_no_answer_and_the_later_at_reply_is() -> None:
    qa = _qa(_CHOIR, ["合唱团-周老师"], "合唱团-周老师")
    assert qa["小芳妈妈"] == ("合唱团-周老师", "四点半前肯定结束")


_BAKING = (
    "烘焙群-阿雪|这周教戚风蛋糕，大家有问题就问",
    "小邓|蛋白打到什么程度算好",
    "Coco|烤箱要提前预热多久",
    "小邓|哈哈我上次打发失败了",
    "烘焙群-阿雪|第一个问题，打到提起来有个小弯钩就行",
    "烘焙群-阿雪|第二个问题，上下火150度预热十分钟",
)


def test_ordinal_round_clauses_go_to_the_questions_in_the_order_asked() -> None:
    qa = _qa(_BAKING, ["烘焙群-阿雪"], "烘焙群-阿雪")
    assert qa["小邓"][0] == "烘焙群-阿雪" and "小弯钩" in qa["小邓"][1] and "预热" not in qa["小邓"][1]
    assert qa["Coco"] == ("烘焙群-阿雪", "第二个问题，上下火150度预热十分钟")

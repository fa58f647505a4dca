"""Round 55 (d13e55): answers re-paired when a better one comes later — a bystander's own order ("我要三箱") is no
answer; a yes in the question's own word ("有嘅，…") answers that question even when another was asked since; the
host's lines that only fit a question by form go back to the earlier question when the next line is on the later
one's words.

Every chat below was written for these tests (a ceramics shop, a rowing club, a dumpling group-buy); none is a QA
chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa

START = datetime(2026, 12, 12, 20, 0)

_msgs = partial(chat_lines, start=START)


def _qa(lines: tuple[str, ...], speakers: list[str], host: str | None) -> dict[str, tuple[str, str]]:
    return {p.asker: (p.answerer, p.answer) for p in find_qa(_msgs(*lines), "话题讨论", speakers, host)}


_DUMPLINGS = (
    "饺子团-阿芬|手工饺子这周接单，一盒30个，猪肉白菜和三鲜两种",
    "小贺|这次的饺子有素馅的吗",
    "老孟|我要两盒饺子，三鲜的",
    "阿兰|我也要一盒，放门卫",
    "饺子团-阿芬|有的，韭菜鸡蛋馅，一盒28元",
)


def test_a_bystanders_own_order_is_no_answer() -> None:
    qa = _qa(_DUMPLINGS, ["饺子团-阿芬", "小贺", "老孟", "阿兰"], None)
    answerer, answer = qa["小贺"]
    assert answerer == "饺子团-阿芬" and "韭菜鸡蛋" in answer
    assert "两盒" not in answer and "门卫" not in answer


_ROWING = (
    "赛艇俱乐部-教练老白|下周六早上七点湖边集合，冬训第一次下水",
    "阿坤|请问有没有救生衣借？",
    "阿坤|另外冬训的费用可以分两次交吗",
    "小吕|去年好像也是这样",
    "赛艇俱乐部-教练老白|有的，俱乐部有二十件，到了登记领",
    "赛艇俱乐部-教练老白|费用可以分两次，报名交一半，一月底交另一半",
)


def test_a_yes_in_the_questions_own_word_answers_it_and_the_next_line_the_other() -> None:
    qa = {(p.asker, p.question): p for p in find_qa(_msgs(*_ROWING), "话题讨论",
                                                    ["赛艇俱乐部-教练老白", "阿坤", "小吕"], None)}
    jackets = next(p for (_, q), p in qa.items() if "救生衣" in q)
    fees = next(p for (_, q), p in qa.items() if "费用" in q)
    assert "二十件" in jackets.answer and "一月底" not in jackets.answer
    assert fees.answerer == "赛艇俱乐部-教练老白" and "一月底" in fees.answer and "好像" not in fees.answer


_CERAMICS = (
    "陶瓷小铺-店主阿宁|新一批手作杯子上架了，每只68元",
    "Cindy|杯子有没有带盖子的款？",
    "大鹏|可以寄到公司吗",
    "陶瓷小铺-店主阿宁|有的，木盖款加10元",
    "陶瓷小铺-店主阿宁|寄公司可以，写清楚公司地址和前台电话",
)


def test_a_line_fitting_only_by_form_returns_to_the_earlier_question() -> None:
    qa = _qa(_CERAMICS, ["陶瓷小铺-店主阿宁", "Cindy", "大鹏"], None)
    assert "木盖款" in qa["Cindy"][1] and "前台电话" not in qa["Cindy"][1]
    assert "前台电话" in qa["大鹏"][1] and "木盖款" not in qa["大鹏"][1]

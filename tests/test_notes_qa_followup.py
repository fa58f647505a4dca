"""Issue 13, round 45: the one who first answers a question with a line on the matter often gives the real answer
further on ("灯笼订几个" — "我去问下摊主有没有货" … "订了三十个，周五到"). Their later line on the question's words
goes with that answer, only while the first answer did not give what was asked, and not when a newer open question
fits it. Chats written for these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2026, 1, 20, 20, 0)


def _pairs(*lines: str) -> dict[str, tuple[str, str]]:
    return {q.question: (q.answerer, q.answer) for q in chat_structure(*lines, start=START).qa}


def test_the_answerers_later_line_with_the_count_joins_the_answer() -> None:
    pairs = _pairs(
        "社区主任何姐|元宵游园会下周六办，各位分头准备",
        "志愿者小温|灯笼订几个",
        "采购阿坤|灯笼那个摊主我认识，我明天去批发市场看看",
        "志愿者小温|好",
        "社工小罗|猜灯谜的谜面我来写",
        "何姐|小罗写五十条够了",
        "社工小罗|收到",
        "采购阿坤|灯笼订了三十个，周五送到活动室",
    )
    assert pairs["灯笼订几个"][0] == "采购阿坤"
    assert "三十个" in pairs["灯笼订几个"][1]


def test_a_first_answer_giving_what_was_asked_keeps_later_lines_apart() -> None:
    pairs = _pairs(
        "社区主任何姐|元宵游园会下周六办，各位分头准备",
        "志愿者小温|汤圆要买多少",
        "采购阿坤|汤圆买二十袋，每袋五十个",
        "社工小罗|猜灯谜的谜面我来写",
        "何姐|小罗写五十条够了",
        "采购阿坤|汤圆那家超市周四还有满减活动",
    )
    assert pairs["汤圆要买多少"][0] == "采购阿坤" and "满减" not in pairs["汤圆要买多少"][1]


def test_a_newer_open_question_the_line_fits_takes_it() -> None:
    pairs = _pairs(
        "社区主任何姐|元宵游园会下周六办，各位分头准备",
        "志愿者小温|舞台什么时候搭",
        "电工老谭|舞台周五下午搭，我先去把电线拉好",
        "志愿者小温|那音箱要借几个",
        "电工老谭|舞台两边各放一个，借两个音箱就够",
    )
    assert "两个音箱" in pairs["那音箱要借几个"][1]
    assert "两个音箱" not in pairs["舞台什么时候搭"][1]

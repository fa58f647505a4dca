"""Round 47 (issue 13, qa13r31's class 1): an answer goes to the question it is about, not the one next to it.

Two questions in a row from one asker, side chat in between, and the answers coming later in the other order: each
answer goes to the question whose words it shares, not to the open question it fits only by kind (a time asked, any
figure given). A line that names first whose question it answers ("回答小芸：…") is addressed to that member as an @
would be. A short line putting the answer off ("我待会儿再讲，先排人") answers nothing. "几只" asks a count. Every chat
below was written for these tests (a community radio, a bird-rescue station, a ferret club, a pottery class). A
name-shaped word cut from the tail of another word (缩小版 → 小版) is nobody: it owns no work."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_structure

from copilot.notes.reading import is_question

START = datetime(2027, 3, 1, 20, 0)  # a Monday evening

_structure = partial(chat_structure, start=START)


def _pairs(lines: tuple[str, ...]) -> dict[str, str]:
    return {q.question: q.answer for q in _structure(*lines).qa}


_RADIO = (
    "台长阿周|今晚排一下元宵节特别节目，周六上午直播",
    "小禾|机房周末几点开门",
    "小禾|还有麦克风要自己带吗，我那个有电流声",
    "阿彬|我家狗今天又把拖鞋咬烂了",
    "导播小凯|哈哈哈你家狗真能拆",
    "导播小凯|麦克风不用带，台里新买了三支，放在五号柜",
    "台长阿周|机房周末早上9点开，门卫老孙有钥匙",
)


def test_two_questions_in_a_row_each_take_the_answer_about_them() -> None:
    pairs = _pairs(_RADIO)
    assert "9点" in pairs["机房周末几点开门"]
    mic = next(a for q, a in pairs.items() if "麦克风" in q)
    assert "五号柜" in mic and "拖鞋" not in mic


def test_the_next_line_of_side_chat_is_no_answer_when_the_real_one_comes() -> None:
    assert all("狗" not in a for a in _pairs(_RADIO).values())


_BIRDS = (
    "站长阿德|各位志工晚上好，周六救护站开放日，今晚排人手",
    "小芸|现在站里收容几只鸟",
    "小芸|还有开放日可以让民众拍照吗",
    "站长阿德|我待会儿再讲，先排人",
    "淑芬|我需要3个助手，导览那边人不够",
    "站长阿德|导览交给淑芬",
    "阿翔|我家猫昨天又跑出去了",
    "站长阿德|回答小芸：现在收容十四只，其中猫头鹰两只",
)


def test_a_line_naming_whose_question_it_answers_answers_it() -> None:
    pairs = _pairs(_BIRDS)
    assert "十四只" in pairs["现在站里收容几只鸟"]


def test_putting_the_answer_off_answers_nothing() -> None:
    assert all("待会儿再讲" not in a for a in _pairs(_BIRDS).values())
    assert all("3个助手" not in a for a in _pairs(_BIRDS).values())
    lines = ("站长阿德|周六开放日，今晚排人手", "小芸|开放日民众可以拍照吗", "站长阿德|等下再说，先把人排好",
             "淑芬|导览我来带", "阿翔|解说牌我来印")
    assert _pairs(lines) == {}


def test_a_count_of_animals_is_asked() -> None:
    assert is_question("雪貂馆现在养着几只")
    assert is_question("划艇俱乐部收容几只流浪猫")
    assert not is_question("我家养了好几只雪貂")


def test_a_name_is_never_the_tail_of_another_word() -> None:
    # 缩小版 holds 小版 in the shape of a name: it is nobody, and owns no work
    from copilot.notes.owners import name_shaped

    lines = ("老师阿吉|今晚讲讲陶艺拉坯，分三点", "老师阿吉|第一，泥要揉透", "老师阿吉|第三，大件先做一个缩小版练手，能省一半泥料",
             "小满|好的，记下了")
    assert all(a.owner != "小版" for a in _structure(*lines).actions)
    assert name_shaped("大件先做一个缩小版练手") == ()
    assert [n for _, _, n in name_shaped("钥匙从小林那拿，海报让老周周五前出")] == ["小林", "老周"]

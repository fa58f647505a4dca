"""Round 47 (issue 13): a few-word answer right after a member's question (在二楼, 带身份证, 3点, 可以) answers it; a
safety instruction put to one member by an opening @ (@X 千万别… / 不要…) is that member's to-do. Sentences written
for these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2027, 4, 7, 20, 0)  # a Wednesday

_OPEN = ("馆长老贺|各位志愿者，周六旧书集市的事今晚说一下，地点在门口还是在大厅", "阿青|门口人多", "小于|+1 门口",
         "馆长老贺|那就定在图书馆门口，上午9点到12点", "馆长老贺|小于周五前把价签做好")


def _pairs(*lines: str) -> list[tuple[str, str, str, str]]:
    return [(q.asker, q.question, q.answerer, q.answer) for q in chat_structure(*_OPEN, *lines, start=START).qa]


def _owners(*lines: str, word: str) -> list[str]:
    return [a.owner for a in chat_structure(*_OPEN, *lines, start=START).actions if word in a.task]


def test_a_place_in_three_characters_answers_the_question_before_it():
    pairs = _pairs("阿青|捐来的旧书堆在哪", "馆长老贺|在二楼", "小于|摊位桌子够吗")
    assert ("阿青", "捐来的旧书堆在哪", "馆长老贺", "在二楼") in pairs


def test_a_bare_hour_answers_a_when_question():
    pairs = _pairs("小于|周六几点开门", "馆长老贺|9点", "阿青|收到")
    assert ("小于", "周六几点开门", "馆长老贺", "9点") in pairs


def test_a_bare_yes_answers_a_yes_no_question():
    pairs = _pairs("阿青|集市上能刷卡吗", "馆长老贺|可以")
    assert ("阿青", "集市上能刷卡吗", "馆长老贺", "可以") in pairs


def test_a_bare_yes_after_a_how_question_answers_nothing():
    # "行" to "怎么搬" gives no way of moving them: an acknowledgement, not an answer
    pairs = _pairs("小于|这么多书怎么搬过去", "馆长老贺|行")
    assert not any(answer == "行" for *_, answer in pairs)


def test_a_short_answer_stands_against_a_later_warning_to_the_asker():
    lines = ("阿青|志愿者要带什么", "馆长老贺|带身份证", "馆长老贺|@阿青 搬书千万别一个人抬整箱，等推车来")
    pairs = _pairs(*lines)
    assert ("阿青", "志愿者要带什么", "馆长老贺", "带身份证") in pairs
    assert not any("整箱" in answer for *_, answer in pairs)
    assert _owners(*lines, word="整箱") == ["阿青"]


def test_a_short_put_off_answers_nothing():
    pairs = _pairs("阿青|你上次说的那家旧书店在哪", "馆长老贺|回头私聊你")
    assert not any(answer == "回头私聊你" for *_, answer in pairs)


def test_a_short_line_of_a_member_who_does_not_run_the_chat_is_no_answer_by_coming_next():
    pairs = _pairs("阿青|你们喝不喝奶茶，楼下新开了一家", "小于|我要一杯")
    assert not any(answer == "我要一杯" for *_, answer in pairs)


def test_a_safety_instruction_to_one_member_is_their_to_do():
    assert _owners("馆长老贺|@小于 电热水壶不要放在书堆旁边，放到门口的铁桌上", word="电热水壶") == ["小于"]


def test_a_never_warning_in_traditional_goes_to_the_member_named():
    assert _owners("馆长老贺|@阿青 千萬別一個人去倉庫搬書架", word="書架") == ["阿青"]


def test_a_reprimand_about_posting_in_the_group_is_no_to_do():
    assert _owners("馆长老贺|@小于 不要在群里发链接了", word="链接") == []

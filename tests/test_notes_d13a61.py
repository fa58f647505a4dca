"""Round 61 (issue 13): of two questions asked in one line ("一共收多少钱？女生要穿球衣吗？"), a reply giving the figure
one asks for answers that one, not its sibling it only shares a word with; the sibling takes the next answer on its
own words; a QQ line typed as "回复 阿青：…" (a space, a name, a colon, no @) is a quote-reply to 阿青. Sentences
written for these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

from copilot.notes.parse import parse_text

START = datetime(2027, 4, 14, 20, 0)  # a Wednesday

_OPEN = ("社长阿彬|各位，周六下午的乒乓球友谊赛定在街道文体中心三楼，1点半签到，2点开打",
         "社长阿彬|这次一共8张球台，分男单女单和混双三个组",
         "阿青|收到", "老何|收到，我报男单")


def _pairs(*lines: str) -> list[tuple[str, str, str, str]]:
    return [(q.asker, q.question, q.answerer, q.answer) for q in chat_structure(*_OPEN, *lines, start=START).qa]


def test_the_figure_asked_for_answers_its_own_question_not_the_sibling_sharing_a_word():
    pairs = _pairs("阿青|一共收多少钱？女生要穿球衣吗？",
                   "小文|今天风好大，差点把我吹跑",
                   "社长阿彬|男生30元女生20元，含午饭",
                   "老何|女生不用穿球衣，运动服就行",
                   "阿青|明白")
    assert ("阿青", "一共收多少钱？", "社长阿彬", "男生30元女生20元，含午饭") in pairs
    assert ("阿青", "女生要穿球衣吗？", "老何", "女生不用穿球衣，运动服就行") in pairs


_QQ = """消息记录（此消息记录为文本格式，不支持重新导入）
================================================================
消息对象:街道乒乓球群
================================================================

2027-04-14 20:01:10 阿青(20001)
决赛在几号台打

2027-04-14 20:02:30 社长阿彬(20002)
回复 阿青：决赛在1号台，旁边有观众席

2027-04-14 20:03:00 老何(20003)
回复：已收到，谢谢社长
"""


def test_a_hand_typed_reply_to_someone_is_a_quote_reply_to_them():
    messages = parse_text(_QQ, "ping.txt").messages
    answer = next(m for m in messages if m.speaker == "社长阿彬")
    assert (answer.reply_to, answer.text) == ("阿青", "决赛在1号台，旁边有观众席")


def test_a_reply_word_naming_no_one_is_the_member_s_own_words():
    messages = parse_text(_QQ, "ping.txt").messages
    thanks = next(m for m in messages if m.speaker == "老何")
    assert (thanks.reply_to, thanks.text) == (None, "回复：已收到，谢谢社长")

"""Round 59 (d13b59): habits of chats written by other people — the northern V-O-不 question with no question mark
("新人能进团不", "那边好停车不"), one line with no @ answering two askers sentence by sentence ("8点50在主城集合。
新人能进，装分过5000就行"), and a second member echoing an open question ("我都想問車費") before it is answered.

Every chat below was written for these tests (a game guild, a parents' group, a book club); none is a QA chat or an
eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa
from copilot.notes.reading import is_question

START = datetime(2027, 4, 14, 20, 0)

_msgs = partial(chat_lines, start=START)


def _qa(lines: tuple[str, ...], speakers: list[str], host: str | None = None) -> dict[str, tuple[str, str, str]]:
    return {p.question: (p.asker, p.answerer, p.answer)
            for p in find_qa(_msgs(*lines), "话题讨论", speakers, host, topic=frozenset({"集合", "副本"}))}


def test_a_modal_then_bu_closing_the_line_asks() -> None:
    for text in ("会长 新人能进团不", "那我这种的能去打副本不", "星巴克那边好停车不", "俺家孙子在外地上学，也得交不"):
        assert is_question(text), text
    for text in ("要是下雨就不", "我可以先不", "这周末我们要去爬山"):
        assert not is_question(text), text


def test_one_line_without_at_answers_two_askers_each_with_its_own_sentence() -> None:
    qa = _qa(("会长-夜猫|周六晚9点打公会战，全员上线",
              "咸鱼不翻身|几点集合来着",
              "阿飘|会长 新人能进团不",
              "会长-夜猫|8点50在主城集合。新人能进，装分过5000就行"),
             ["会长-夜猫"], "会长-夜猫")
    assert qa["几点集合来着"][1] == "会长-夜猫" and "8点50" in qa["几点集合来着"][2]
    assert "装分" not in qa["几点集合来着"][2]
    asked = next(q for q in qa if "新人能进团" in q)
    assert "装分过5000" in qa[asked][2] and "8点50" not in qa[asked][2]


def test_a_sentence_that_takes_up_no_open_question_keeps_the_line_whole() -> None:
    qa = _qa(("会长-夜猫|周六晚9点打公会战，全员上线",
              "咸鱼不翻身|几点集合来着",
              "阿飘|会长 新人能进团不",
              "会长-夜猫|8点50在主城集合。大家记得带够药水"),
             ["会长-夜猫"], "会长-夜猫")
    # (a sentence that answers neither question: the line is read whole, as before, not cut in two)
    assert any("8点50" in answer and "药水" in answer for _, _, answer in qa.values())


def test_a_second_asker_echoing_the_question_leaves_the_answer_to_the_first() -> None:
    qa = _qa(("家長代表-Mandy|11月13號親子旅行去大埔農莊，9點喺學校門口集合",
              "希希婆婆|車費幾錢呀",
              "Chloe媽咪|我都想問車費",
              "家長代表-Mandy|車費每位$80，11月8號前入數"),
             ["家長代表-Mandy"], "家長代表-Mandy")
    assert qa["車費幾錢呀"][1] == "家長代表-Mandy" and "$80" in qa["車費幾錢呀"][2]
    assert not any(asker == "Chloe媽咪" for asker, _, _ in qa.values())

"""Issue 13, round 45: questions crews ask without "？" ("树苗够不够", "水桶谁带", "肥料还剩几袋") are answered by
whoever knows, some lines later, in the question's form: a figure for a count or 够不够, a person doing the asked
thing for 谁. The one asked putting it off ("等我问问") answers nothing. Chats written for these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2026, 3, 9, 19, 0)


def _pairs(*lines: str) -> dict[str, tuple[str, str]]:
    return {q.question: (q.answerer, q.answer) for q in chat_structure(*lines, start=START).qa}


def test_two_open_questions_each_take_the_reply_in_their_form() -> None:
    pairs = _pairs(
        "组长老韩|明早七点在村口集合上山栽树，树苗是镇林业站送的",
        "小蒋|树苗够不够",
        "小蒋|水桶谁带",
        "阿珠|我明天要送孩子上学，晚一点到",
        "组长老韩|阿珠你到了直接去坡上找我们",
        "阿珠|嗯嗯",
        "林业站小郑|拉来两百棵，每人分十棵左右",
        "老杜|水桶我带，家里有五个",
    )
    assert pairs["树苗够不够"][0] == "林业站小郑" and "两百棵" in pairs["树苗够不够"][1]
    assert pairs["水桶谁带"][0] == "老杜" and "水桶我带" in pairs["水桶谁带"][1]


def test_a_put_off_is_no_answer_and_a_bystander_who_knows_answers() -> None:
    pairs = _pairs(
        "组长老韩|明早七点在村口集合上山栽树",
        "组长老韩|@老杜 铁锨还剩几把",
        "老杜|等我问问",
        "小蒋|库房里还有六把，上周刚修好",
    )
    assert pairs["铁锨还剩几把"][0] == "小蒋"


def test_a_count_is_answered_after_other_talk_within_the_reach() -> None:
    pairs = _pairs(
        "组长老韩|周六上午去北坡补种，八点半在林场门口集合",
        "阿珠|这次要挖几个坑",
        "小蒋|我周六要加班，去不了",
        "组长老韩|没事，下次再来",
        "老杜|天气预报说周六有风",
        "组长老韩|风不大，照常",
        "小蒋|好",
        "阿珠|我带点水和饼干",
        "林场老包|一共挖四十个，坑距三米",
    )
    assert pairs["这次要挖几个坑"][0] == "林场老包"


def test_an_at_line_asking_a_count_is_a_new_question_not_an_answer() -> None:
    pairs = _pairs(
        "小蒋|水还剩多少",
        "组长老韩|@小蒋 肥料还剩几袋",
        "阿珠|水还有两桶",
        "小蒋|肥料还有三袋",
    )
    assert "肥料还剩几袋" in pairs
    assert pairs["水还剩多少"][0] == "阿珠"

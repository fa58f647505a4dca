"""Round 46 (d13c46): questions a talk's speaker holds for a round at the end, answers on another matter, a matter
left to the speaker, and suggestions, from qa13r30's failure classes (1)-(3).

(1) A speaker who says the questions will be answered at the end ("问题最后统一回答，大家先记下") answers nothing
until then: their talk goes on, and a bystander's remark is no answer either; the later message that answers several
askers at once gives each question its own clause. A relevant answer is not replaced by a later @-line to the asker
on another matter. (2) "你可以先…" with no date is a suggestion, not a to-do. (3) "X的事交给我" leaves the matter to the
speaker, who owns it.

Every chat below was written for these tests (a bonsai talk, a tea-tasting talk in Traditional script, a hiking
group, a sewing circle, a chess club); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_structure

from copilot.notes.todos import find_actions

START = datetime(2026, 4, 11, 20, 0)  # a Saturday evening

_structure = partial(chat_structure, start=START)
_msgs = partial(chat_lines, start=START)

_BONSAI_TALK = (
    "群主阿英|今晚请罗师傅讲讲「盆景的修剪时机」，大家欢迎",
    "罗师傅|大家好，我大概讲二十分钟，问题我最后统一回答，大家先记下",
    "罗师傅|第一点，松柏类在早春发芽前修剪，一次最多剪掉三分之一",
    "小邓|剪下来的枝条能扦插吗",
    "罗师傅|第二点，杂木类夏天长得快，每个月摘一次心，保持树形",
    "阿梁|伤口要不要涂愈合剂",
    "群主阿英|我觉得这个特别实用，去年我家的榆树就是剪坏了",
    "罗师傅|第三点，剪完两周内不施肥，放半阴处养着",
    "小邓|那盆土多久换一次",
    "罗师傅|好，统一回答几个问题：小邓问的扦插，松柏很难活，杂木可以试试；阿梁问的愈合剂，粗过筷子的伤口要涂；"
    "换盆土的，两到三年换一次，春天换",
    "小邓|谢谢罗师傅",
)


def _pairs(structure) -> dict[tuple[str, str], str]:
    return {(q.asker, q.question): f"{q.answerer}：{q.answer}" for q in structure.qa}


def test_a_held_round_gives_each_asker_the_clause_that_answers_them() -> None:
    s = _structure(*_BONSAI_TALK)
    by_question = {q.question: q for q in s.qa}
    assert "扦插" in by_question["剪下来的枝条能扦插吗"].answer
    assert "愈合剂" in by_question["伤口要不要涂愈合剂"].answer
    assert "两到三年" in by_question["那盆土多久换一次"].answer
    assert all(q.answerer == "罗师傅" for q in s.qa)
    # (each gets only its own clause: the round is not pasted whole under every question)
    assert "愈合剂" not in by_question["剪下来的枝条能扦插吗"].answer


def test_while_the_questions_are_held_neither_the_talk_nor_a_bystander_answers_them() -> None:
    s = _structure(*_BONSAI_TALK)
    answers = " ".join(q.answer for q in s.qa)
    assert "第二点" not in answers and "第三点" not in answers
    assert "特别实用" not in answers  # the host's opinion answers no one
    assert "最后统一回答" not in answers  # nor does the holding line


def test_the_round_in_traditional_script_says_whom_it_answers() -> None:
    s = _structure(
        "社長阿珠|今晚請黃老師分享「怎麼泡一壺好的烏龍」",
        "黃老師|大家好，我講三個重點，有問題先記著，最後一起答",
        "黃老師|第一，水溫要夠，球形烏龍用九十五度以上的水",
        "阿偉|用什麼壺比較好",
        "黃老師|第二，第一泡十秒就倒出來，之後每泡加五秒",
        "小琪|茶葉放冰箱可以嗎",
        "黃老師|第三，茶葉和水的比例大約一比二十",
        "黃老師|回覆兩位：阿偉問的壺，紫砂或白瓷蓋碗都行；小琪問的冰箱，要密封，不然會吸味道",
    )
    by_asker = {q.asker: q for q in s.qa}
    assert "蓋碗" in by_asker["阿偉"].answer and "密封" not in by_asker["阿偉"].answer
    assert "密封" in by_asker["小琪"].answer
    assert by_asker["小琪"].answerer == "黃老師"


def test_a_speaker_who_answers_as_they_go_still_answers_right_away() -> None:
    # (no holding line: the speaker's reply to the question just asked stays its answer)
    s = _structure(
        "群主阿英|今晚请罗师傅讲讲盆景的浇水",
        "罗师傅|浇水的原则是不干不浇，浇就浇透，夏天早晚各看一次",
        "小邓|出差一周没人浇怎么办",
        "罗师傅|出差的话把盆放在装水的托盘里，能撑五六天",
        "罗师傅|第二点，冬天要少浇，盆土干了再浇",
    )
    by_question = {q.question: q for q in s.qa}
    assert "托盘" in by_question["出差一周没人浇怎么办"].answer


def test_an_at_line_on_another_matter_does_not_replace_the_answer_given() -> None:
    s = _structure(
        "领队阿飞|周日徒步的安排说一下，早上7点出发，全程15公里",
        "小梁|在哪里集合",
        "老谭|这次AA，每人交40给我就行",
        "老谭|上次的水壶还在我车上",
        "领队阿飞|集合在地铁站B出口，别走错了",
        "领队阿飞|@小梁 你第一次走这么长，前一天早点睡，鞋子穿旧的",
    )
    by_question = {q.question: q for q in s.qa}
    assert "B出口" in by_question["在哪里集合"].answer
    assert "早点睡" not in by_question["在哪里集合"].answer


def test_a_matter_left_to_the_speaker_is_their_own_to_do() -> None:
    actions, _, _ = find_actions(_msgs(
        "圈主阿敏|下周的缝纫课，布料还差一些",
        "小叶|布料的事交给我，周三前买齐",
    ))
    owners = {a.owner for a in actions if "布料" in a.task}
    assert owners == {"小叶"}


def test_something_handed_in_to_the_speaker_is_still_not_their_work() -> None:
    actions, _, _ = find_actions(_msgs(
        "圈主阿敏|下周的缝纫课，每人带一块旧布",
        "圈主阿敏|报名表周三前交给我",
    ))
    assert all(a.owner != "圈主阿敏" for a in actions if "报名表" in a.task)


def test_a_suggestion_to_a_member_with_no_date_is_no_to_do() -> None:
    actions, _, _ = find_actions(_msgs(
        "会长老贺|周六的棋赛分组发群里了",
        "小包|我残局老是下不好",
        "会长老贺|小包你可以先把那本残局书的前三章摆一遍",
        "小包|好",
    ))
    assert not [a for a in actions if "残局书" in a.task]


def test_a_suggestion_that_comes_with_a_date_is_still_work() -> None:
    actions, _, _ = find_actions(_msgs(
        "会长老贺|周六的棋赛分组发群里了",
        "会长老贺|小包你可以先把对阵表打印出来，周五前带到活动室",
        "小包|好",
    ))
    got = [a for a in actions if "对阵表" in a.task]
    assert got and got[0].owner == "小包"


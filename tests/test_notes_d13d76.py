"""Issue 13, round 76 (d13d76): noise that leaked into the notes.

A member's own invitation or favour put to the group ("有没有人明晚一起去夜市", "今晚有冇人去旺角食糖水", "你们谁周末去
镇上 帮我带两包猫砂"), answered by another member and about nothing those who run the chat speak of, is an aside
between members: no Q&A pair. A call for help with the chat's own matter, or one the organiser answers, stays.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import Notes, QAPair
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

HEAD = [("队长-老周", "各位，这周六上午9点在社区广场办义卖，8点到场布置会场，要拉横幅、摆桌椅"),
        ("阿敏", "收到"),
        ("队长-老周", "义卖的东西周五前交到活动室，每样贴好价签"),
        ("小林", "价签去哪里拿"),
        ("队长-老周", "价签在活动室前台，一人一张表"),
        ("小林", "好的")]


def _notes(lines: list[tuple[str, str]]) -> Notes:
    chat = "".join(f"[2031-08-02 20:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(HEAD + lines))
    return summarize_offline(parse_text(chat, "chat.txt"))


def _qa(lines: list[tuple[str, str]]) -> list[QAPair]:
    return _notes(lines).qa


def _pair(qa: list[QAPair], asked: str) -> QAPair | None:
    return next((q for q in qa if asked in q.question), None)


def test_a_members_invitation_declined_by_another_member_is_no_qa() -> None:
    qa = _qa([("阿敏", "有没有人明晚一起去夜市"), ("小林", "去不了 明天要上班"),
              ("队长-老周", "周五晚上我在活动室等大家交东西")])
    assert _pair(qa, "夜市") is None, qa
    assert _pair(qa, "价签去哪里拿") is not None, qa  # the matter's own pair stays


def test_a_cantonese_invitation_is_no_qa() -> None:
    qa = _qa([("阿敏", "今晚有冇人去旺角食糖水"), ("小林", "唔得呀 聽朝要返工")])
    assert _pair(qa, "糖水") is None, qa


def test_a_favour_for_oneself_answered_by_a_member_is_no_qa() -> None:
    qa = _qa([("阿敏", "你们谁周末去镇上 帮我带两包猫砂"), ("小林", "我周六去 给你带")])
    assert _pair(qa, "猫砂") is None, qa


def test_a_call_for_help_with_the_matter_stays() -> None:
    # its words (布置, 会场) are the organiser's: the chat's own matter
    qa = _qa([("阿敏", "有没有人一起去布置会场 我不认识路"), ("小林", "会场在广场东边，跟着横幅走就到")])
    got = _pair(qa, "布置会场")
    assert got is not None and "广场东边" in got.answer, qa


def test_an_invitation_the_organiser_answers_stays() -> None:
    qa = _qa([("阿敏", "周日有没有人一起去看看新的夜市摊位"), ("队长-老周", "我周日上午去，想去的十点在东门等")])
    got = _pair(qa, "夜市摊位")
    assert got is not None and got.answerer == "队长-老周", qa


BOOKS = [("会长-老林", "这个月的读书会定在12月19日周六下午2点，市图书馆三楼研讨室"),
         ("会长-老林", "下个月读哪本书，大家在下面接龙投票，候选：《额尔古纳河右岸》《活着》"),
         ("小周", "#接龙\n下个月读哪本\n1. 小周 额尔古纳河右岸"),
         ("大鹏", "#接龙\n下个月读哪本\n1. 小周 额尔古纳河右岸\n2. 大鹏 活着"),
         ("大鹏", "读书会要带什么吗"),
         ("会长-老林", "带上书和读书笔记，每人准备五分钟的分享")]


def _book_qa(lines: list[tuple[str, str]]) -> list[QAPair]:
    chat = "".join(f"[2031-08-02 20:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(BOOKS + lines))
    return summarize_offline(parse_text(chat, "chat.txt")).qa


def test_a_sign_up_list_asks_nothing_and_the_call_to_it_is_no_question() -> None:
    # (the list's heading "下个月读哪本" once opened a question that the next @-line to its author "answered")
    qa = _book_qa([("阿雯", "#接龙\n下个月读哪本\n1. 小周 额尔古纳河右岸\n2. 大鹏 活着\n3. 阿雯 额尔古纳河右岸"),
                   ("小周", "@阿雯 你上次带来的那个红烧肉怎么做的")])
    assert not any("接龙" in q.question or "接龙" in q.answer for q in qa), qa
    got = _pair(qa, "要带什么")
    assert got is not None and "读书笔记" in got.answer, qa


def test_asking_how_to_sign_up_by_a_list_is_still_a_question() -> None:
    qa = _book_qa([("阿雯", "报名是在群里接龙还是去活动中心登记"), ("会长-老林", "群里接龙就行，钱当天交")])
    got = _pair(qa, "报名是在群里接龙")
    assert got is not None and "当天交" in got.answer, qa


def test_lines_album_notices_are_platform_lines_a_member_on_the_album_is_not() -> None:
    from copilot.notes.noise import platform_line

    assert platform_line("建宏新增了相簿「去年平安祭」")
    assert platform_line("阿珠在相簿「去年平安祭」中新增了12張照片")
    assert not platform_line("相簿我晚點整理，照片大家先別外傳")

"""Issue 13, round 76 (d13f76): a call for help a member takes on ("周六谁能去接一下张阿姨？" — "我去，上午都在家",
"音箱谁带？" — "我带吧", Cantonese "邊個帶？" — "交俾我") is a to-do and a question answered: the notes list the to-do
and the Q&A pair, the taker as its answerer (structure._taken_pairs). Not paired this way: an offer no one asked for,
a refusal that takes nothing ("我周六不在"), and a taker's line put to another waiting question.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import Notes, QAPair
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

HEAD = [("居委会-王姐", "各位志愿者，这周六上午十点社区给独居老人送年货，在居委会门口集合")]


def _notes(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> Notes:
    chat = "".join(f"[2031-11-03 19:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(head + lines))
    return summarize_offline(parse_text(chat, "chat.txt"))


def _pair(qa: list[QAPair], asked: str) -> QAPair | None:
    return next((q for q in qa if asked in q.question), None)


def test_a_member_taking_the_work_answers_the_call() -> None:
    notes = _notes([("阿丽", "年货是居委会统一买吗"), ("居委会-王姐", "统一买，每户一箱米一桶油"),
                    ("居委会-王姐", "周六谁能去接一下张阿姨？她腿脚不方便"), ("小周", "我去，上午都在家"),
                    ("居委会-王姐", "好，辛苦小周")])
    got = _pair(notes.qa, "张阿姨")
    assert got is not None and got.answerer == "小周" and "我去" in got.answer, notes.qa
    assert _pair(notes.qa, "统一买") is not None, notes.qa


def test_both_takers_answer_their_own_calls_and_the_to_dos_stay() -> None:
    notes = _notes([("三班-陈老师", "运动会那天谁能来帮忙维持一下看台秩序？"), ("豆豆妈妈", "我可以，那天已经请了假"),
                    ("乐乐爸爸", "孩子那天要穿校服吗"), ("三班-陈老师", "要穿运动校服，白球鞋"),
                    ("三班-陈老师", "班级横幅谁来做？"), ("乐乐爸爸", "我来做，公司有大幅打印机")],
                   head=[("三班-陈老师", "各位家长，下周五全天校运会，需要几位家长志愿者")])
    order = _pair(notes.qa, "看台秩序")
    banner = _pair(notes.qa, "横幅")
    assert order is not None and order.answerer == "豆豆妈妈", notes.qa
    assert banner is not None and banner.answerer == "乐乐爸爸" and "我来做" in banner.answer, notes.qa
    assert {"豆豆妈妈", "乐乐爸爸"} <= {a.owner for a in notes.actions}, notes.actions


def test_cantonese_takers_answer_and_an_unasked_offer_answers_nothing() -> None:
    chat = "".join(f"12/11/2031, 20:{i:02d} - {who}: {text}\n" for i, (who, text) in enumerate([
        ("行山會-David", "各位，星期日朝早八點半大埔墟站集合，行八仙嶺"),
        ("行山會-David", "邊個可以早啲去燒烤場霸位？"), ("阿Ben", "我嚟，七點就到"),
        ("Cindy", "要行幾耐㗎"), ("行山會-David", "大概四個鐘，落山再食嘢"),
        ("行山會-David", "啲水同冰邊個帶？"), ("肥佬", "交俾我，我揸車可以放車尾箱"),
        ("阿May", "我可以帶埋啲生果")]))
    qa = summarize_offline(parse_text(chat, "chat.txt")).qa
    seat, water = _pair(qa, "霸位"), _pair(qa, "邊個帶")
    assert seat is not None and seat.answerer == "阿Ben" and "我嚟" in seat.answer, qa
    assert water is not None and water.answerer == "肥佬" and "交俾我" in water.answer, qa
    assert not any(q.answerer == "阿May" for q in qa), qa


def test_a_taker_answering_another_waiting_question_is_not_its_answer() -> None:
    notes = _notes([("鼓手阿杰", "备用琴弦谁去买一套？上次断了没得换"), ("老K", "这次排练曲目定了吗"),
                    ("小雨", "我去买，琴行楼下就有"), ("鼓手阿杰", "曲目就是上次那三首，加一首新歌")],
                   head=[("鼓手阿杰", "周日下午三点排练，还是琴行B号房，大家别迟到")])
    strings, songs = _pair(notes.qa, "琴弦"), _pair(notes.qa, "曲目")
    assert strings is not None and strings.answerer == "小雨", notes.qa
    assert songs is not None and songs.answerer == "鼓手阿杰" and "我去买" not in songs.answer, notes.qa


def test_a_refusal_takes_no_work_and_an_unanswered_call_stays_unanswered() -> None:
    notes = _notes([("居委会-王姐", "那天谁能拍几张照片？街道要存档"), ("阿丽", "我周六不在，要回老家"),
                    ("老陈", "我力气大，可以帮忙搬东西")])
    assert not any(a.owner == "阿丽" for a in notes.actions), notes.actions
    assert not any(q.answerer == "老陈" for q in notes.qa), notes.qa

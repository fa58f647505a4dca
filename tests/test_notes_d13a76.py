"""Issue 13, round 76 (d13a76): a member answers a question first, unasked ("大概十一点结束"), and the one running
the chat then sets it right as it stands now ("十二点才结束，摇完还要装瓶"): the later line of the host (or, with no host
found, of the main voice who opened the chat) replaces the member's when it is on the question's words or in its form
and says how things stand now (cue reply.sets_right: 才, 今年, 这次, 这批, 改成…). A member's @-reply stands; so does
an answer the host only repeats ("对，两点半"), and one the host follows with another matter (a reminder to everyone,
work handed out).

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import QAPair
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

HEAD = [("合唱团-陈老师", "各位团员，下周日下午三点在文化馆排练厅合练，曲目是《茉莉花》和《半个月亮爬上来》")]


def _qa(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> list[QAPair]:
    chat = "".join(f"[2031-11-02 20:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(head + lines))
    return summarize_offline(parse_text(chat, "chat.txt")).qa


def _pair(qa: list[QAPair], asked: str) -> QAPair | None:
    return next((q for q in qa if asked in q.question), None)


def test_the_hosts_later_amount_replaces_a_members_first_one() -> None:
    qa = _qa([("小米", "这次合练场地费交多少"), ("阿强", "每人二十元，跟上次一样"),
              ("合唱团-陈老师", "每人三十元，这次排练厅涨价了"), ("小米", "好的")])
    got = _pair(qa, "场地费")
    assert got is not None and got.answerer == "合唱团-陈老师" and "三十元" in got.answer, qa
    assert "二十元" not in got.answer, qa


def test_the_hosts_later_figure_replaces_a_members_guess() -> None:
    qa = _qa([("阿强", "这次合练几点能结束"), ("小米", "大概五点结束"),
              ("合唱团-陈老师", "六点才结束，练完还要对一遍走位"), ("阿强", "收到")])
    got = _pair(qa, "几点能结束")
    assert got is not None and got.answerer == "合唱团-陈老师" and "六点" in got.answer, qa


def test_with_no_host_found_the_main_voice_who_opened_the_chat_answers() -> None:
    head = [("店长-阿May", "周五晚上七点店里上新本《古宅》，老玩家群内优先预约，六人一场")]
    qa = _qa([("Kevin", "老玩家有折扣吗"), ("阿豪", "有的，打八折"),
              ("店长-阿May", "老玩家这次打九折，八折是上个月的活动"), ("Kevin", "行吧"),
              ("小葵", "新本要提前多久到"), ("阿豪", "提前十分钟到就行"),
              ("店长-阿May", "新本要提前半小时到，先看安全须知")], head)
    discount = _pair(qa, "折扣")
    assert discount is not None and discount.answerer == "店长-阿May" and "九折" in discount.answer, qa


def test_a_members_at_reply_stands_against_the_hosts_reminder() -> None:
    qa = _qa([("小米", "谱子要自己打印吗"), ("阿强", "@小米 不用打印，我上周刚复印了三十份"),
              ("合唱团-陈老师", "下周日大家别忘了带水杯，嗓子要润着")])
    got = _pair(qa, "打印")
    assert got is not None and got.answerer == "阿强" and "复印" in got.answer, qa


def test_a_members_answer_stands_when_the_host_turns_to_another_matter() -> None:
    qa = _qa([("小米", "排练厅有空调吗"), ("阿强", "有空调，上次去开着的"),
              ("合唱团-陈老师", "声部长周四前把各声部的出勤表发我")])
    got = _pair(qa, "空调")
    assert got is not None and got.answerer == "阿强" and "开着" in got.answer, qa


def test_a_members_answer_stands_when_the_host_says_the_same_time_again() -> None:
    qa = _qa([("小米", "合练那天几点集合"), ("阿强", "两点半集合，在文化馆门口"),
              ("合唱团-陈老师", "对，两点半，别迟到")])
    got = _pair(qa, "几点集合")
    assert got is not None and got.answerer == "阿强" and "文化馆门口" in got.answer, qa


def test_a_members_answer_stands_when_the_host_hands_the_work_out() -> None:
    qa = _qa([("小米", "合练那天几点能进场"), ("阿强", "一点半就能进场，我上次去过"),
              ("合唱团-陈老师", "这次进场的钥匙交给小米，一点前去门卫室拿")])
    got = _pair(qa, "进场")
    assert got is not None and got.answerer == "阿强" and "一点半" in got.answer, qa

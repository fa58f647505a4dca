"""Issue 13, round 75 (d13d75): a difficulty told to a member by @ or by name, with no question form ("王姐 报名
小程序我登不上去，一直转圈", "@群主 上个月的电子发票我找不到了"), asks them for help: their reply answers it, and
their @-reply takes it up before an earlier question of the same asker that someone already answered. The same
difficulty put to nobody, or told to someone whose own question is open (then it answers them), opens nothing.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import QAPair
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

HEAD = [("群主-王姐", "@所有人 下周六下午两点在体育中心3号馆打羽毛球，报名走小程序，周四晚上截止")]


def _qa(lines: list[tuple[str, str]]) -> list[QAPair]:
    chat = "".join(f"[2031-08-02 20:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(HEAD + lines))
    return summarize_offline(parse_text(chat, "chat.txt")).qa


def _pair(qa: list[QAPair], asked: str) -> QAPair | None:
    return next((q for q in qa if asked in q.question), None)


def test_a_difficulty_told_to_the_host_by_name_is_answered_by_her() -> None:
    qa = _qa([("小周", "王姐 报名小程序我登不上去，一直转圈"), ("群主-王姐", "@小周 先把微信更新到最新版，再清一下缓存试试"),
              ("小周", "好了好了，进去了")])
    got = _pair(qa, "登不上去")
    assert got is not None and got.answerer == "群主-王姐" and "清一下缓存" in got.answer, qa


def test_a_difficulty_told_by_at_is_answered_by_the_one_it_names() -> None:
    qa = _qa([("阿梅", "@群主-王姐 上个月场地费的电子发票我找不到了"),
              ("群主-王姐", "@阿梅 公众号里点“我的订单”能重新下载，选上个月那一笔")])
    got = _pair(qa, "发票")
    assert got is not None and got.answerer == "群主-王姐" and "我的订单" in got.answer, qa


def test_the_at_reply_takes_up_the_difficulty_not_the_question_already_answered() -> None:
    qa = _qa([("小蔡", "想问下体育中心附近停车的地方"), ("群主-王姐", "体育中心后门有个地面停车场，周末免费"),
              ("小蔡", "王姐 球拍我在网上买不到了"), ("群主-王姐", "@小蔡 体育中心前台能租，十块一次")])
    parking, racket = _pair(qa, "停车"), _pair(qa, "买不到")
    assert parking is not None and "地面停车场" in parking.answer and "前台能租" not in parking.answer, qa
    assert racket is not None and "前台能租" in racket.answer, qa


def test_a_difficulty_put_to_nobody_opens_no_question() -> None:
    qa = _qa([("小周", "报名小程序我登不上去，一直转圈"), ("老陈", "球我这边带两筒，拍子大家自己带")])
    assert _pair(qa, "登不上去") is None, qa


def test_a_difficulty_told_to_the_asker_answers_their_question() -> None:
    qa = _qa([("小周", "@阿梅 报名链接你那边能打开吗"), ("阿梅", "@小周 我这边也打不开，一直转圈"),
              ("群主-王姐", "链接我重新发一个")])
    asked = _pair(qa, "能打开吗")
    assert asked is not None and asked.answerer == "阿梅" and "打不开" in asked.answer, qa
    assert _pair(qa, "也打不开") is None, qa


# -- question forms without "？" (reading.asks) -------------------------------------------------------------------
def test_cantonese_how_before_a_verb_asks() -> None:
    from copilot.notes.reading import is_question

    assert is_question("場地費點俾")
    assert is_question("由荃灣去大埔點去")
    # a time or a degree before 點 tells, and 點交 is a hand-over
    assert not is_question("我哋聽朝9點去碼頭")
    assert not is_question("我早點去排隊")
    assert not is_question("禮拜日我同阿強點交鎖匙")


def test_cantonese_what_closing_the_line_asks() -> None:
    from copilot.notes.reading import is_question

    assert is_question("聚餐嗰晚食乜")
    assert is_question("去露營要帶乜")
    assert not is_question("乜咁貴")


def test_who_knows_as_a_retort_asks_nothing() -> None:
    from copilot.notes.reading import is_question

    assert not is_question("谁知道呢，反正我没见过")
    assert not is_question("天知道呢")
    assert is_question("谁知道体育中心几点开门")

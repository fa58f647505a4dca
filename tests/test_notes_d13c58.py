"""Round 58 (d13c58): habits of chats written by other people, not ours — one reply @-addressing two askers in two
sentences ("@小郭 燃气的要关。@阿琳 周日晚上洗好就行"), a question asked first and its why told after it ("热水管爆了
怎么处理，我们这栋已经漏了两天"), and the northern "咋办" with no question mark.

Every chat below was written for these tests (a rental building, a swimming class, a tenants' group); none is a QA
chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa
from copilot.notes.reading import is_question

START = datetime(2027, 3, 2, 19, 30)

_msgs = partial(chat_lines, start=START)


def _qa(lines: tuple[str, ...], speakers: list[str], host: str | None = None) -> dict[str, tuple[str, str]]:
    return {p.question: (p.answerer, p.answer)
            for p in find_qa(_msgs(*lines), "话题讨论", speakers, host, topic=frozenset({"停水", "周一"}))}


def test_one_reply_to_two_askers_answers_each_with_its_own_part() -> None:
    qa = _qa(("房东-周姐|下周一上午整栋停水，换总水管",
              "小郭|热水器要关掉吗",
              "阿琳|洗衣机那天能用吗",
              "房东-周姐|@小郭 燃气热水器要关，来水后先放冷水。@阿琳 洗衣机周一12点以后正常用"),
             ["房东-周姐"], "房东-周姐")
    assert qa["热水器要关掉吗"][0] == "房东-周姐" and "燃气热水器要关" in qa["热水器要关掉吗"][1]
    assert "洗衣机" not in qa["热水器要关掉吗"][1]
    assert "12点以后" in qa["洗衣机那天能用吗"][1] and "热水器" not in qa["洗衣机那天能用吗"][1]


def test_a_hold_for_one_asker_does_not_swallow_the_answer_to_the_other() -> None:
    qa = _qa(("班长-小宁|今晚收集问题，周六老师统一答",
              "梦梦|作文模板要不要背",
              "大鹏|模考什么时候出成绩",
              "班长-小宁|@梦梦 记下了。@大鹏 往年是考后一周，具体我问老师"),
             ["班长-小宁"], "班长-小宁")
    assert qa["模考什么时候出成绩"][0] == "班长-小宁" and "考后一周" in qa["模考什么时候出成绩"][1]


def test_a_line_with_one_at_is_read_whole() -> None:
    qa = _qa(("房东-周姐|下周一上午整栋停水",
              "小郭|热水器要关掉吗",
              "房东-周姐|@小郭 要关。来水后先放冷水再开"), ["房东-周姐"], "房东-周姐")
    assert "先放冷水" in qa["热水器要关掉吗"][1]


def test_a_weak_interrogative_asked_before_its_why_is_a_question() -> None:
    assert is_question("健康证过期的员工怎么处理，我们店有两个上个月到期了")
    assert is_question("门锁坏了谁能修，昨天晚上就卡住了")
    assert is_question("我还没办医保卡咋办")


def test_not_knowing_and_an_exclamation_are_not_questions() -> None:
    assert not is_question("不知道怎么回事，反正我已经到了")
    assert not is_question("这是什么鬼，笑死我了")
    assert not is_question("谁都可以来，不用报名")

"""Issue 13, round 71 (d13b71): a bystander's guess at what was asked ("应该是在二楼吧", "好像是八点", "估计不用交
吧"), said before anyone who knows answers, is replaced by a later line of someone else on the question's words
that guesses nothing itself; a guess that stands alone is still the answer, and a second guess does not replace
the first. A length of time ("大概四个半小时") answers a how-long question ("全程要走多久？") in its form, so it
takes the place of a member's story told before it.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import Notes
from copilot.notes.offline import summarize_offline
from copilot.notes.pairing import _in_form
from copilot.notes.parse import parse_text


def _notes(chat: str) -> Notes:
    return summarize_offline(parse_text(chat, "chat.txt"))


BOOKS = """[2031-03-02 19:00] 馆长阿秋: 社区图书角这周六重新开放，上午九点到十二点
[2031-03-02 19:02] 小冉: 捐的旧书放在哪里？
[2031-03-02 19:03] 老邝: 应该是放在二楼的旧书架那边吧
[2031-03-02 19:05] 志愿者阿豪: 捐的旧书先放一楼前台的纸箱，登记完再上架
[2031-03-02 19:06] 小冉: 好的，谢谢
"""

GUESSES = """[2031-03-02 19:00] 馆长阿秋: 社区图书角这周六重新开放，上午九点到十二点
[2031-03-02 19:02] 小冉: 捐的旧书放在哪里？
[2031-03-02 19:03] 老邝: 应该是放在二楼的旧书架那边吧
[2031-03-02 19:05] 阿梨: 好像旧书都是放在一楼纸箱里
[2031-03-02 19:06] 小冉: 好的，谢谢
"""

ALONE = """[2031-03-02 19:00] 馆长阿秋: 社区图书角这周六重新开放，上午九点到十二点
[2031-03-02 19:02] 小冉: 捐的旧书放在哪里？
[2031-03-02 19:03] 老邝: 应该是放在二楼的旧书架那边吧
[2031-03-02 19:06] 小冉: 好的，谢谢
"""


def _books(chat: str) -> list:
    return [q for q in _notes(chat).qa if "旧书放在哪里" in q.question]


def test_the_one_who_knows_replaces_a_bystanders_guess() -> None:
    pairs = _books(BOOKS)
    assert len(pairs) == 1
    assert pairs[0].answerer == "志愿者阿豪"
    assert "一楼前台" in pairs[0].answer
    assert "二楼" not in pairs[0].answer


def test_a_second_guess_does_not_replace_the_first() -> None:
    pairs = _books(GUESSES)
    assert len(pairs) == 1
    assert pairs[0].answerer == "老邝"


def test_a_guess_nobody_corrects_stays_the_answer() -> None:
    pairs = _books(ALONE)
    assert len(pairs) == 1
    assert pairs[0].answerer == "老邝"


HIKE = """[2031-04-08 20:00] 领队阿岩: 周六走凤凰山古道，早上八点在地铁站B口集合
[2031-04-08 20:02] 小桐: 全程要走多久？
[2031-04-08 20:03] 老简: 我上回去爬的时候腿都酸了一个礼拜
[2031-04-08 20:05] 领队阿岩: 大概四个半小时，中午在山顶凉亭吃饭
[2031-04-08 20:06] 小桐: 好的
"""


def test_a_length_of_time_answers_how_long() -> None:
    pairs = [q for q in _notes(HIKE).qa if "多久" in q.question]
    assert len(pairs) == 1
    assert pairs[0].answerer == "领队阿岩"
    assert "四个半小时" in pairs[0].answer


def test_only_a_length_of_time_is_in_the_form_of_how_long() -> None:
    assert _in_form("全程要走多久？", "大概四个半小时")
    assert _in_form("演练大概多久", "半小时左右")
    assert not _in_form("全程要走多久？", "我在路上了")

"""Issue 13, round 71 (d13b71): a bystander's guess at what was asked ("应该是在二楼吧", "好像是八点", "估计不用交
吧"), said before anyone who knows answers, is replaced by a later line of someone else on the question's words
that guesses nothing itself; a guess that stands alone is still the answer, and a second guess does not replace
the first.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import Notes
from copilot.notes.offline import summarize_offline
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

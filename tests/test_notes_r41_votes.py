"""Round 41 (issue 13, r41-notes-vote): votes for an option in the forms members use — a pick ending in 吧
("还是《茉莉花》吧"), a proposal of one option (要不 / 不如 / 干脆 …),
a bare repeat of an option already voted for, a vote changed with 改投 — and a settling line that tells the
count ("C三票D一票，那就C") does not make the counted loser an agreer. Every chat here is written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.deciding import _settled_part
from copilot.notes.model import Notes
from copilot.notes.reading import _vote


def _notes(text: str) -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, "chat.txt", settings, get_engine(settings, prefer="offline")).notes


@pytest.mark.parametrize(("line", "choice"), [
    ("还是《茉莉花》吧，大家都会唱", "茉莉花"),
    ("就C吧", "c"),
    ("不如去湿地公园，人少", "湿地公园"),
    ("干脆都穿白T", "白t"),
    ("那我改投湿地公园", "湿地公园"),
    ("北门好，停车方便", "北门"),
    ("墨绿好看，耐脏", "墨绿"),
])
def test_a_pick_and_a_proposal_name_their_choice(line: str, choice: str) -> None:
    got = _vote(line)
    assert got is not None and choice in got


@pytest.mark.parametrize("line", ["好吧", "行吧 听你们的", "算了吧", "那就这样吧", "要不要带帐篷？", "要不是下雨早到了",
                                  "大家好", "早上好", "分组好，我举双手赞成", "墨绿也好看"])
def test_a_concession_a_sign_off_and_a_question_are_no_votes(line: str) -> None:
    assert _vote(line) is None


def test_the_vote_count_in_a_settling_line_is_not_what_was_settled() -> None:
    assert "d" not in _settled_part("C三票D一票，那就C")
    assert _settled_part("三票") == "三票"  # nothing but the count: the line is kept whole


OUTING = """2026-11-28 20:00:00 领队阿斌
下周日的亲子徒步去哪，我列了三条：植物园、湿地公园、老鹰山，大家说说
2026-11-28 20:01:00 果果爸
要不老鹰山，孩子能爬
2026-11-28 20:02:00 糖糖妈
不如去湿地公园，人少路平
2026-11-28 20:03:00 乐乐妈
+1 湿地公园
2026-11-28 20:03:30 可可妈
@乐乐妈 你家那个轮滑鞋还卖不卖
2026-11-28 20:04:00 小宇爸
湿地公园
2026-11-28 20:05:00 果果爸
那我也改投湿地公园吧，老鹰山太陡
2026-11-28 20:06:00 豆包妈
我投植物园
2026-11-28 20:07:00 领队阿斌
湿地公园四票植物园一票，那就定湿地公园，早上8点南门集合
"""


def test_the_agreed_are_counted_per_option_with_a_changed_vote_replacing_the_first() -> None:
    walk = [d for d in _notes(OUTING).decisions if "湿地公园" in d.text]
    assert walk
    by = set(walk[0].by)
    assert {"领队阿斌", "糖糖妈", "乐乐妈", "小宇爸", "果果爸"} <= by
    assert "豆包妈" not in by  # voted 植物园, which the settling line only counts
    assert "可可妈" not in by  # spoke nearby, voted for nothing

"""Issue 13, round 73 (d13e73): a sentence that opens by calling one member by name, then a pause, and asks for
something to be sent to the speaker ("老黄，茶点的预算周日前报给我") gives the work to that member — not to the
group, as the same words with no one called do ("读后感周日前发给我"). A group word or a second name in the
sentence, or a name with no pause after it, keeps the group. Each weekday deadline of a multi-day export counts from
the day of the line that says it.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.handovers import bare_task
from copilot.notes.model import ActionItem, Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _todo(notes: Notes, word: str) -> ActionItem:
    found = [a for a in notes.actions if word in bare_task(a.task)]
    assert len(found) == 1, [(a.owner, a.task) for a in notes.actions]
    return found[0]


GARDEN = """2032-05-10 19:30:00 园长-老谭
社区菜园下个月扩建，几件事说一下

2032-05-10 19:31:10 园长-老谭
阿强，种子的报价周三前发给我

2032-05-10 19:31:40 阿强
好的

2032-05-12 08:40:00 园长-老谭
小琴，浇水排班表周五前交给我

2032-05-12 08:41:05 小琴
收到

2032-05-18 21:05:00 园长-老谭
各位组员的工时周四前报给我

2032-05-18 21:06:30 阿强
好
"""


def test_a_called_member_sends_what_the_speaker_receives() -> None:
    notes = _notes(GARDEN)
    assert _todo(notes, "报价").owner == "阿强"
    assert _todo(notes, "排班表").owner == "小琴"


def test_with_no_one_called_the_group_sends_it() -> None:
    assert _todo(_notes(GARDEN), "工时").owner == "大家"


def test_each_weekday_counts_from_the_day_of_its_own_line() -> None:
    notes = _notes(GARDEN)
    assert _todo(notes, "报价").deadline == "2032-05-12"  # said on Monday the 10th
    assert _todo(notes, "排班表").deadline == "2032-05-14"  # said on Wednesday the 12th
    assert _todo(notes, "工时").deadline == "2032-05-20"  # said on Tuesday the 18th


PARTY = """[2032-06-01 20:00] 班长-小顾: 毕业十年聚会定在6月20日，人均300
[2032-06-01 20:01] 阿伟: 我来订餐厅
[2032-06-01 20:02] 班长-小顾: 阿伟说得对，大家的聚会费周五前转给我
[2032-06-01 20:03] 阿伟: 收到
"""


def test_a_name_with_no_pause_after_it_keeps_the_group() -> None:
    assert _todo(_notes(PARTY), "聚会费").owner == "大家"


DUMPLINGS = """[2032-07-08 19:00] 团长-小卢: 这周的手工粽子开团，鲜肉和蛋黄两种，一盒6个58元，周三前接龙
[2032-07-08 19:02] 阿萍: 帮我带两盒蛋黄的
[2032-07-08 19:03] 团长-小卢: 好的
[2032-07-08 19:04] 老邱: 给我留三盒鲜肉
[2032-07-08 19:05] 团长-小卢: 收到，给你留着
[2032-07-08 19:06] 小琳: 给我留一盒，我周六上午来拿
[2032-07-08 19:07] 团长-小卢: 可以
"""


def test_an_order_put_by_or_brought_for_the_speaker_is_no_todo_of_theirs() -> None:
    # "给我留三盒", "帮我带两盒": the member orders, the organiser says yes — nothing is left for the member to do
    owners = {a.owner for a in _notes(DUMPLINGS).actions}
    assert "阿萍" not in owners
    assert "老邱" not in owners


def test_the_speakers_own_promise_beside_an_order_stays_a_todo() -> None:
    pickup = _todo(_notes(DUMPLINGS), "来拿")
    assert (pickup.owner, pickup.deadline) == ("小琳", "2032-07-10")

"""Round 76 (lead): the to-do list shows the work, not the yes its line opens with — "收到，我来统计" is listed as
"我来统计", "要，我明天早上去預約" as "我明天早上去預約" — the same ack head the summary's next steps already drop
(cues.yaml summary.ack_head). A yes before a but stays ("可以，但要先消毒"), and a line with little left after its yes
is listed whole. Every chat here is written for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import ActionItem, Notes
from copilot.notes.offline import _told_todo


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


# a neighbourhood seed-swap: two members take work with a yes first (收到，… and 要，…)
SEED_SWAP = """2027-03-02 20:00:00 群主-阿青
周六上午十点在社区花园办种子交换会，桌子和登记表要有人管
2027-03-02 20:01:00 群主-阿青
登记表谁来做一下？
2027-03-02 20:02:00 小葵
收到，登记表我来做，周五前发群里
2027-03-02 20:03:00 群主-阿青
桌子能不能借到？
2027-03-02 20:04:00 老邝
要，我明天早上去居委会借两张
"""


def test_a_to_do_is_listed_without_the_yes_it_opens_with() -> None:
    notes = _notes(SEED_SWAP)
    by_owner = {a.owner: a for a in notes.actions}
    assert by_owner["小葵"].task.startswith("登记表我来做")
    assert by_owner["小葵"].deadline == "2027-03-05"
    assert by_owner["老邝"].task.startswith("我明天早上去居委会借两张")
    for a in notes.actions:
        assert not a.task.startswith(("收到", "要，")), a.task


def test_a_yes_before_a_but_and_a_yes_with_little_after_it_stay() -> None:
    kept = [ActionItem(task="可以，但要先消毒，带乐器的前一天报名", owner="大家", sources=[1]),
            ActionItem(task="好的，我来", owner="阿明", sources=[2]),
            ActionItem(task="行程单我来做", owner="阿明", sources=[3])]  # 行 of 行程单 is no yes
    for a in kept:
        assert _told_todo(a) is a
    told = _told_todo(ActionItem(task="係，我嚟搞場地，禮拜四前", owner="阿明", deadline_text="禮拜四前", sources=[4]))
    assert told.task == "我嚟搞場地，禮拜四前" and told.deadline_text == "禮拜四前" and told.sources == [4]

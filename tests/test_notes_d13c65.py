"""One message that gives two members work with an @ each (round 65, d13c65, issue 13): "分工：@小林 …；@老高 5月18日前
联系好调音师" — the second @-led clause, with its "…前" time before the work and no 你, is 老高's to-do, not 大家's; a
short thing may come before the time ("@晓晴 比赛场地…前订好"). An @ whose clause gives no dated work, or whose work
the speaker takes on ("我…前"), still makes no to-do of the one @-named."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.handovers import bare_task
from copilot.notes.model import ActionItem, Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _todos(notes: Notes, word: str) -> list[ActionItem]:
    return [a for a in notes.actions if word in bare_task(a.task)]


CHOIR = """[2031-05-12 20:00] 团长Linda: 六月音乐会的分工：@小林 5月20日前把曲谱打印好；@老高 5月18日前联系好钢琴调音师
[2031-05-12 20:01] 小林: 收到
[2031-05-12 20:02] 老高: 好
[2031-05-12 20:05] 阿May: 演出服还是穿去年那套吗？
[2031-05-12 20:06] 团长Linda: 对，白衬衫黑裤子
"""


def test_a_second_at_led_clause_with_its_time_first_is_that_members_work() -> None:
    notes = _notes(CHOIR)
    tuners = _todos(notes, "调音师")
    assert [(a.owner, a.deadline) for a in tuners] == [("老高", "2031-05-18")]
    scores = _todos(notes, "曲谱")
    assert [(a.owner, a.deadline) for a in scores] == [("小林", "2031-05-20")]
    assert not any(a.owner == "大家" for a in notes.actions)


CLUB = """[2031-05-12 19:30] 会长阿峰: 月底团体赛的分工：@小雷 报名表5月20日前收齐交给我；@晓晴 比赛场地5月22日前订好
[2031-05-12 19:31] 小雷: 收到
[2031-05-12 19:32] 晓晴: 好的
"""


def test_a_short_thing_may_come_before_the_time() -> None:
    notes = _notes(CLUB)
    courts = _todos(notes, "场地")
    assert [(a.owner, a.deadline) for a in courts] == [("晓晴", "2031-05-22")]


SPEAKER_OWN = """[2031-05-12 19:30] 会长阿峰: 报名表我收齐了。@晓晴 我5月22日前把场地订好，你不用管了
[2031-05-12 19:31] 晓晴: 好嘞
[2031-05-12 19:33] 胖虎: 球衣要换新的吗？
[2031-05-12 19:34] 会长阿峰: 要换。@胖虎 尺码的事我来问
"""


def test_an_at_whose_clause_is_the_speakers_own_work_gives_the_named_member_none() -> None:
    notes = _notes(SPEAKER_OWN)
    assert not any(a.owner in ("晓晴", "胖虎") for a in notes.actions)

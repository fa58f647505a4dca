"""A granted change rewrites the item it changes (round 66, d13d66, issue 13, qa13r49): the owner asks for a later
day ("唱词表能不能推到周五？") and the one who gave the work grants it naming the work in other words ("行，唱词表改到周五晚上
前发群里就行"): the owner's to-do takes the new time and the granter gets no to-do of their own; a venue written straight
after its venue word ("地点青年宫二号排练厅", "集合点高铁站北出口") is one place, so a later "…地点改到…" marks it as changed
in the notice."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.corrections import _values, _word_changes
from copilot.notes.model import Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


CHOIR = """团长老宋 2031年3月3日 19:00
各位，五月社区合唱比赛的事今晚说一下，曲目定了《茉莉花》

小邓 2031年3月3日 19:02
几点开始排练？

团长老宋 2031年3月3日 19:03
每周六下午三点，活动室

团长老宋 2031年3月3日 19:05
小邓你把大家的声部分一下，列成名单，周三前发群里

小邓 2031年3月3日 19:06
好的

陈阿姨 2031年3月3日 19:08
我负责借演出服，周五前借到

团长老宋 2031年3月3日 19:10
辛苦陈阿姨

陈阿姨 2031年3月3日 19:12
楼下新开了家包子铺，肉包两块五

老吴 2031年3月3日 19:13
改天去尝尝

陈阿姨 2031年3月3日 19:14
皮薄馅大

老吴 2031年3月3日 19:15
哈哈好

小邓 2031年3月3日 21:30
宋老师，我周三要去外地开会，唱词表能不能推到周五？

团长老宋 2031年3月3日 21:32
行，唱词表改到周五晚上前发群里就行

小邓 2031年3月3日 21:33
谢谢宋老师
"""


def test_a_granted_later_day_retimes_the_owners_todo_and_gives_the_granter_none() -> None:
    notes = _notes(CHOIR)
    parts = [a for a in notes.actions if "声部" in a.task]
    assert [(a.owner, a.deadline[:10]) for a in parts] == [("小邓", "2031-03-07")]
    assert "已改：周五晚上前" in parts[0].task
    assert not any(a.owner == "团长老宋" and "唱词表改到" in a.task for a in notes.actions)
    assert not any(a.deadline and a.deadline.startswith("2031-03-05") and "声部" in a.task for a in notes.actions)


RUN = """时间,发送人,内容
2031-04-08 09:00:00,队长阿凯,通知：本周六（4月12日）上午8点半社区夜跑换成晨跑，地点青年公园南门广场，穿反光背心
2031-04-08 09:01:00,小文,来
2031-04-08 09:03:00,小文,要交报名费吗？
2031-04-08 09:04:00,队长阿凯,不用，免费
2031-04-08 09:20:00,小文,南门周六在搞花展，人太多了
2031-04-08 09:22:00,队长阿凯,那跑步地点改到青年公园北门，时间不变
2031-04-08 09:23:00,小文,收到
"""


def test_a_venue_named_right_after_its_venue_word_is_marked_changed_in_the_notice() -> None:
    notes = _notes(RUN, "chat.csv")
    told = [a.text for a in notes.announcements if "南门" in a.text]
    assert told and all("已改：青年公园北门" in t for t in told)


def test_a_place_value_reads_whole_without_its_venue_word() -> None:
    assert [v.text for v in _values("地点人民公园西门草坪，带垫布", "place")] == ["人民公园西门"]
    assert [v.text for v in _values("集合点地铁站b出口，带水", "place")] == ["地铁站b出口"]
    # a value ending in a venue word is that word: the old place is the earlier line's single one
    assert _word_changes("那比赛场地改到体育中心五号馆，时间不变") == [("place", "", "体育中心五号馆")]
    # two places apart stay two
    assert [v.text for v in _values("在图书馆门口集合，车停体育场", "place")] == ["图书馆门口", "车停体育场"]

"""Issue 13, round 30 (dev13k): owners. A name-shaped word after a classifier is part of a thing's name
(要个老式电扇), not a person; the speaker or the one told joined to someone named are co-owners when doing
words follow (我和阿橘去弄, Kelly你同細路強早15分鐘到); thanks then a name then work (唔該阿欣，…收齊) gives
that person the work; a volunteer's offer and the assignment of the work the call asked for are one to-do;
a line that settles a matter and hands out work gives a decision too. Every chat here is written for
these tests."""

from __future__ import annotations

from chat_lines import owned_by

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.faithfulness import find_ungrounded
from copilot.notes.model import Notes
from copilot.notes.owners import name_shaped


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _owners(notes: Notes) -> list[str | None]:
    return [a.owner for a in notes.actions]


# -- 1. an owner is a person, not the start of a noun phrase -----------------------------------------
def test_a_name_shaped_word_after_a_classifier_is_no_person() -> None:
    assert not [n for *_, n in name_shaped("道具那块谁来弄 雷雨要个老式电扇")]
    assert not [n for *_, n in name_shaped("再去买件老款外套")]
    # a person named in a person's place still is one
    assert [n for *_, n in name_shaped("让老王明天去买个电扇")] == ["老王"]
    assert [n for *_, n in name_shaped("这个交给阿超，周五前")] == ["阿超"]


OPERA = """2026-11-30 20:00:00 团长老麦
下个月的社区话剧《日出》要开排了，先把分工定一下
2026-11-30 20:01:00 阿宽
道具那块谁来弄 日出要个老式收音机
2026-11-30 20:02:00 小雨
我来 我外婆家有藤椅，收音机我去旧货市场淘
2026-11-30 20:03:00 团长老麦
好，道具小雨负责，12月10号前
2026-11-30 20:04:00 阿宽
海报呢
2026-11-30 20:05:00 团长老麦
海报小雨也顺便做一下吧，下周三前出初稿
"""


def test_the_question_gives_no_invented_owner_and_the_volunteer_one_to_do() -> None:
    notes = _notes(OPERA)
    people = {"团长老麦", "阿宽", "小雨"}
    assert all(o in people or o == "大家" for o in _owners(notes) if o), _owners(notes)
    props = [a for a in notes.actions if "藤椅" in a.task or "道具" in a.task]
    # the offer ("我来 …") and the assignment that follows ("道具小雨负责，12月10号前") are one to-do
    assert len(props) == 1, notes.actions
    assert props[0].owner == "小雨" and props[0].deadline == "2026-12-10"
    # other work given to the same volunteer later is its own to-do
    poster = [a for a in notes.actions if "海报" in a.task]
    assert len(poster) == 1 and poster[0] is not props[0] and poster[0].owner == "小雨"


def test_an_assignment_of_other_work_is_not_merged_into_the_offer() -> None:
    chat = """2026-11-02 10:00:00 会长阿青
周六义卖，谁来负责收银
2026-11-02 10:01:00 豆豆
我来 我有收款码
2026-11-02 10:02:00 会长阿青
好，豆豆你再把桌布洗干净，周五前
"""
    notes = _notes(chat)
    cloth = [a for a in notes.actions if "桌布" in a.task]
    assert len(cloth) == 1 and cloth[0].owner == "豆豆"
    assert "收款码" not in cloth[0].task


# -- 2. co-owners ---------------------------------------------------------------------------------------
REPTILE = """2026-11-28 19:00:00 蛇叔
周六的守宫分享会要准备一下
2026-11-28 19:01:00 团团
我可以发接龙
2026-11-28 19:02:00 蛇叔
场地布置我和阿橘去弄
2026-11-28 19:03:00 阿橘
好的
"""


def test_the_speaker_and_someone_named_doing_it_together_are_co_owners() -> None:
    notes = _notes(REPTILE)
    venue = [a for a in notes.actions if "场地" in a.task]
    assert len(venue) == 1 and venue[0].owner == "蛇叔和阿橘"
    # each co-owner is in the chat: not an invented person
    assert not find_ungrounded(notes, REPTILE)


def test_a_person_only_told_is_no_co_owner() -> None:
    chat = """2026-11-28 19:00:00 蛇叔
场地的事我跟阿橘说一下，周五前定下来
2026-11-28 19:01:00 阿橘
好
"""
    notes = _notes(chat)
    assert "蛇叔和阿橘" not in _owners(notes)
    assert owned_by(notes.actions, "蛇叔")


BOAT = """2026-11-29 20:00:00 隊長Wing
聖誕聚餐要統計衫嘅尺碼，邊個幫手統計
2026-11-29 20:01:00 阿欣
我嚟啦
2026-11-29 20:02:00 隊長Wing
唔該阿欣，尺碼下星期三前收齊
2026-11-29 20:03:00 隊長Wing
星期六練水，Kelly你同細路強早15分鐘到
2026-11-29 20:04:00 Kelly
OK
2026-11-29 20:05:00 細路強
收到
"""


def test_the_one_told_and_the_one_joined_to_them_are_co_owners() -> None:
    notes = _notes(BOAT)
    early = [a for a in notes.actions if "15分鐘" in a.task]
    assert len(early) == 1 and early[0].owner == "Kelly和細路強"


# -- 3. thanks, a name, then work --------------------------------------------------------------------
def test_thanks_then_a_name_then_work_is_that_persons_to_do() -> None:
    notes = _notes(BOAT)
    sizes = [a for a in notes.actions if "尺碼" in a.task]
    assert len(sizes) == 1 and sizes[0].owner == "阿欣"
    assert sizes[0].deadline == "2026-12-02"


def test_thanks_alone_or_for_work_done_gives_no_to_do() -> None:
    chat = """2026-11-29 20:00:00 隊長Wing
尺碼統計咗未
2026-11-29 20:01:00 阿欣
統計好啦，表喺群文件
2026-11-29 20:02:00 隊長Wing
唔該阿欣，辛苦晒
2026-11-29 20:03:00 隊長Wing
多謝阿欣，已經收齊咗
"""
    notes = _notes(chat)
    assert not [a for a in notes.actions if a.owner == "阿欣" and ("辛苦" in a.task or "收齊" in a.task)]


def test_a_request_then_a_name_then_work_in_simplified() -> None:
    chat = """2026-10-08 09:00:00 社长老方
周日读书会的签到表还没人弄
2026-10-08 09:01:00 社长老方
麻烦小周，周五前把签到表打印出来
2026-10-08 09:02:00 小周
好的
"""
    notes = _notes(chat)
    sign = [a for a in notes.actions if "签到表" in a.task and "打印" in a.task]
    assert len(sign) == 1 and sign[0].owner == "小周"


# -- 5. a line that settles a matter by its value and hands out work ----------------------------------
def test_a_matter_set_to_a_value_and_work_given_gives_a_decision_and_a_to_do() -> None:
    chat = """2026-11-30 20:00:00 小鹿导演
元旦那场《茶馆》票怎么卖
2026-11-30 20:01:00 婷婷
我觉得免费
2026-11-30 20:02:00 阿宽
收一点吧 不然没人珍惜
2026-11-30 20:03:00 小鹿导演
那票价就10元，收入全部捐社区图书角，阿峰你明晚把售票小程序弄好
2026-11-30 20:04:00 阿峰
收到
"""
    notes = _notes(chat)
    assert any("10元" in d.text and "图书角" in d.text for d in notes.decisions), notes.decisions
    app = [a for a in notes.actions if "小程序" in a.task]
    assert len(app) == 1 and app[0].owner == "阿峰" and app[0].deadline == "2026-12-01"


def test_a_person_then_a_time_is_no_decision() -> None:
    chat = """2026-11-30 20:00:00 小鹿导演
周六下午两点排练
2026-11-30 20:01:00 婷婷
那我就3点到吧，上午有课
"""
    assert not _notes(chat).decisions

"""Issue 13, round 29 (dev13g): an acceptance that names the person it answers ("好的何姐 周五前给你")
is the sender's to-do, not the addressee's; a to-do with a day of its own ("我今天下午去…", "聽晚之前")
takes that day, never the day of the event under discussion; a decided rota ("老方周一三五，阿杰周六日")
is one decision, not a to-do per name. Every chat here is written for these tests."""

from __future__ import annotations

import pytest
from chat_lines import owned_by

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes
from copilot.notes.parse import NotesParseError


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


CHOIR = """2026-12-22 19:00:00 何姐
各位，合唱团新年演出的事情今晚定一下
2026-12-22 19:01:00 何姐
小梅你把新的歌谱整理一下发群里
2026-12-22 19:02:00 小梅
好的何姐 周五前给你
2026-12-22 19:04:00 何姐
老陈你负责一下服装，下周二排练前发到大家手里
2026-12-22 19:05:00 阿芬
楼上邻居天天装修吵死了
2026-12-22 19:06:00 阿芬
我今天下午去找物业说
2026-12-22 19:07:00 何姐
那就定早班两人一组，老方周一三五，阿杰周六日
2026-12-22 19:08:00 老方
收到
2026-12-22 19:09:00 小梅
演出在1月3号对吧
2026-12-22 19:10:00 何姐
对，1月3号下午两点，文化宫
"""


def test_an_acceptance_naming_the_asker_is_the_senders_to_do() -> None:
    actions = _notes(CHOIR).actions
    assert not owned_by(actions, "何姐")
    score = [a for a in actions if "歌谱" in a.task]
    assert len(score) == 1 and score[0].owner == "小梅" and score[0].deadline == "2026-12-25"


def test_a_to_do_with_its_own_day_is_due_that_day_not_on_the_events_day() -> None:
    actions = _notes(CHOIR).actions
    visit = [a for a in actions if "物业" in a.task]
    assert len(visit) == 1
    assert visit[0].owner == "阿芬" and visit[0].deadline == "2026-12-22"


def test_a_decided_rota_is_one_decision_not_a_to_do_per_name() -> None:
    notes = _notes(CHOIR)
    assert any("老方周一三五" in d.text for d in notes.decisions)
    assert not any(a.owner in ("老方", "阿杰") for a in notes.actions)
    # the costume task stays a to-do, dated this side of the year's end
    costume = [a for a in notes.actions if "服装" in a.task and a.owner == "老陈"]
    assert costume and costume[0].deadline is not None and costume[0].deadline.startswith("2026-12")


# Cantonese: 聽晚 is tomorrow evening, whatever meetup date the chat names
LATTE = """2026-11-28 20:00:00 Jason師傅
大家好，下個月12號我哋喺旺角搞拉花聚會
2026-11-28 20:01:00 Jason師傅
Mandy你幫手開個報名表，聽晚之前放上群
2026-11-28 20:02:00 Mandy
冇問題
2026-11-28 20:03:00 阿Ben
12號幾點開始
2026-11-28 20:04:00 Jason師傅
下晝三點
"""


def test_cantonese_tomorrow_evening_dates_the_to_do() -> None:
    mandy = [a for a in _notes(LATTE).actions if a.owner == "Mandy"]
    assert len(mandy) == 1
    assert mandy[0].deadline is not None and mandy[0].deadline.startswith("2026-11-29")


# a reply that accepts and then tells the named person to act keeps the work with that person
SWAP = """2026-11-10 09:00:00 阿强
周六的球场我来订，阿伟你收一下大家的钱
2026-11-10 09:01:00 阿伟
好的阿强，你先把场地费多少发我
2026-11-10 09:02:00 阿强
一共300，周五前发你
"""


def test_an_acceptance_that_tells_the_named_person_to_act_is_not_the_senders() -> None:
    actions = _notes(SWAP).actions
    assert not any(a.owner == "阿伟" and "场地费多少发我" in a.task for a in actions)


# a slot without days is still a task: "小李负责音响" names work, not a rota day
def test_a_name_with_work_in_a_decision_is_still_a_to_do() -> None:
    text = """2026-11-10 20:00:00 群主
那就这么定了，周六上午九点公园门口集合，小李负责音响，周五前借好
2026-11-10 20:01:00 小李
收到
"""
    actions = _notes(text).actions
    assert any(a.owner == "小李" and "音响" in a.task for a in actions)


def test_empty_and_garbled_chats_give_no_to_dos() -> None:
    assert _notes("2026-11-10 20:00:00 阿明\n好的阿芳\n").actions == []
    with pytest.raises(NotesParseError):
        _notes("乱码 ### ???\n")


# "下周二排练前" is before the rehearsal on the day named — not the eve of the show in January
BAND = """2026-12-21 20:00:00 团长阿文
元旦晚会1月3号晚上七点在社区礼堂，大家加油
2026-12-21 20:01:00 团长阿文
阿鹏你把新的谱子打印出来，下周二排练前带过来
2026-12-21 20:02:00 阿鹏
收到
2026-12-21 20:03:00 团长阿文
小雨排练前把歌词背熟
"""


def test_a_named_days_session_dates_the_deadline_and_a_far_show_does_not() -> None:
    actions = _notes(BAND).actions
    score = owned_by(actions, "阿鹏")
    assert len(score) == 1 and score[0].deadline == "2026-12-29"
    assert "下周二" in (score[0].deadline_text or "")
    lyrics = owned_by(actions, "小雨")
    # the next rehearsal is not named: no date, and never the show's eve in the next year
    assert all(a.deadline is None or not a.deadline.startswith("2027") for a in lyrics)


def test_the_deadline_words_resolve_directly() -> None:
    from datetime import date, datetime

    from copilot.notes.dates import find_deadline

    said = datetime(2026, 12, 22, 19, 0)
    show = date(2027, 1, 3)
    assert find_deadline("下周二排练前交", said, event=show).day == date(2026, 12, 29)
    assert find_deadline("排练前把歌词背熟", said, event=show).day is None
    assert find_deadline("排练前把歌词背熟", said, event=date(2026, 12, 24)).day == date(2026, 12, 24)
    assert find_deadline("比赛前交报名费", said, event=show).day == date(2027, 1, 3)  # a one-off event: its own day
    assert find_deadline("聽晚之前放上群", said).day == date(2026, 12, 23)


# a talk: the speaker's advice to the audience, a worry and the answer lifting it are no to-dos
CHARGER = """2026-11-18 20:00:00 群主阿琴
今晚请王工给大家讲讲家里装充电桩的流程
2026-11-18 20:01:00 王工
你要先去供电局申请报装，带上车位产权证明和身份证
2026-11-18 20:02:00 王工
物业那边要开一个同意安装的证明，不开的话可以找业委会
2026-11-18 20:03:00 小周
我下周就提车了，赶得上吗
2026-11-18 20:04:00 王工
赶得上，一般十个工作日左右装好
2026-11-18 20:05:00 阿May
咁我趕唔切報名喎
2026-11-18 20:06:00 群主阿琴
你唔使自己報，我統一報
2026-11-18 20:07:00 老刘
楼下那家天天把车停在我车位上，烦死了
2026-11-18 20:08:00 群主阿琴
下周三前大家把想问的问题发给我，我汇总给王工
"""


def test_talk_advice_a_worry_and_its_answer_are_no_to_dos() -> None:
    notes = _notes(CHARGER)
    tasks = " ".join(a.task for a in notes.actions)
    for line in ("供电局", "趕唔切", "唔使自己報", "车位上"):
        assert line not in tasks
    # the host's real request stays, owned by the group, due next Wednesday
    ask = [a for a in notes.actions if "问题发给我" in a.task]
    assert len(ask) == 1 and ask[0].owner == "大家" and ask[0].deadline == "2026-11-25"


def test_a_direct_instruction_to_a_named_member_in_a_talk_stays_theirs() -> None:
    text = CHARGER + "2026-11-18 20:09:00 王工\n小周你提车后把车位照片发我，我帮你看看\n"
    assert any(a.owner == "小周" and "车位照片" in a.task for a in _notes(text).actions)


FISH = """2026-11-19 20:00:00 群主老林
今晚请阿鱼给大家分享草缸入门
2026-11-19 20:01:00 阿鱼
我是阿鱼，养草缸六年了，今天主要讲三件事：灯光、二氧化碳和换水
2026-11-19 20:02:00 阿鱼
灯光每天开6到8小时，太长容易长藻
2026-11-19 20:03:00 大熊
我明天去花鸟市场买鱼，有没有人一起😄
2026-11-19 20:04:00 阿鱼
换水每周一次，每次换三分之一
2026-11-19 20:05:00 群主老林
阿鱼的课件周五前我整理好发群里
"""


def test_a_self_introduction_and_a_personal_outing_are_no_to_dos() -> None:
    actions = _notes(FISH).actions
    assert not any("花鸟市场" in a.task or "三件事" in a.task for a in actions)
    slides = [a for a in actions if "课件" in a.task]
    assert len(slides) == 1 and slides[0].owner == "群主老林" and slides[0].deadline == "2026-11-20"

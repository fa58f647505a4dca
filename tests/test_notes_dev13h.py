"""Issue 13, round 30 (dev13h): a line that decides and hands out work gives both; a to-do with no time
of its own takes an event's day only for work done at the event; 同意 lists come from the votes and
yeses given after the proposal (the first vote counts); a volunteer's "我来吧，周五前…" is the volunteer's
to-do; personal plans and reported promises are not the group's to-dos; a run-on notice with a date in
Chinese numerals is kept. Every chat here is written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from chat_lines import owned_by

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.dates import done_at_event, time_expressions
from copilot.notes.model import Notes
from copilot.notes.parse import NotesParseError


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


# -- 1. a message that decides and assigns gives a decision and a to-do ------------------------------
PARENTS = """2026-10-12 19:30:00 班主任王老师
各位家长，下周三学校运动会，咱们班的加油道具还没准备
2026-10-12 19:31:00 豆豆妈妈
要不买点彩带和手拍
2026-10-12 19:32:00 乐乐爸爸
手拍就够了 彩带用完到处都是
2026-10-12 19:33:00 豆豆妈妈
那买多少个
2026-10-12 19:34:00 班主任王老师
好，那就统一买四十个手拍，钱从班费出，豆豆妈妈你负责下单
2026-10-12 19:35:00 豆豆妈妈
没问题
2026-10-12 19:36:00 乐乐爸爸
运动会那天家长能进校吗
2026-10-12 19:37:00 班主任王老师
可以，八点前到东门登记
"""


def test_a_line_that_decides_and_assigns_gives_a_decision_and_a_to_do() -> None:
    notes = _notes(PARENTS)
    assert any("四十个手拍" in d.text and "班费" in d.text for d in notes.decisions)
    order = [a for a in notes.actions if "下单" in a.task]
    assert len(order) == 1 and order[0].owner == "豆豆妈妈"
    # ordering is no work done at the sports day: no date the chat did not give it
    assert order[0].deadline is None


def test_a_line_that_only_asks_someone_is_still_no_decision() -> None:
    chat = """2026-10-12 19:30:00 社长老方
横幅那就麻烦小许去印一下吧
2026-10-12 19:31:00 小许
好的
"""
    notes = _notes(chat)
    assert not notes.decisions
    assert owned_by(notes.actions, "小许")


# voice-to-text talk: the teacher decides, hands out the count with a "这个礼拜五之前" deadline, and a
# run-on notice (date in Chinese numerals + event + fee) has no punctuation and no notice word
BADUANJIN = """2026-11-18 07:00:00 陈老师
大家早上好今天跟大家讲一下八段锦第一式双手托天理三焦的要领
2026-11-18 07:02:00 陈老师
第一个就是两手交叉上托的时候要吸气下落的时候呼气动作要慢
2026-11-18 07:04:00 陈老师
第二个就是每次练十遍就够了肩膀有伤的不要举太高
2026-11-18 07:06:00 陈老师
还有一个事下个月十五号街道有个健身操比赛我们队要报名报名费每人十五块
2026-11-18 07:07:00 小吴
比赛穿的衣服要统一吗
2026-11-18 07:08:00 周阿姨
同意统一
2026-11-18 07:08:30 老钱
同意
2026-11-18 07:09:00 陈老师
好那就定下来了统一穿红色上衣小吴你帮忙统计一下人数这个礼拜五之前报给我
2026-11-18 07:10:00 小吴
好的没问题
"""


def test_a_talks_decision_with_a_deadline_is_kept_with_who_agreed() -> None:
    notes = _notes(BADUANJIN)
    shirts = [d for d in notes.decisions if "红色上衣" in d.text]
    assert shirts, "the 之前 of a deadline tells no past: the plan is kept"
    assert {"陈老师", "小吴", "周阿姨", "老钱"} <= set(shirts[0].by)
    count = [a for a in notes.actions if "统计" in a.task]
    assert count and count[0].owner == "小吴" and count[0].deadline == "2026-11-20"


def test_a_run_on_notice_with_a_chinese_numeral_date_is_kept() -> None:
    notes = _notes(BADUANJIN)
    assert any("健身操比赛" in a.text and "十五块" in a.text for a in notes.announcements)


def test_chinese_numeral_dates_resolve_but_places_and_counts_do_not() -> None:
    when = datetime(2026, 11, 20, 7, 0)
    assert time_expressions("下个月十五号街道有个比赛", when)[0].day == date(2026, 12, 15)
    assert time_expressions("十二月十三号上午", when)[0].day == date(2026, 12, 13)
    assert time_expressions("二十号前交", when)[0].day == date(2026, 11, 20)
    assert time_expressions("本周六11月21日早上8点", when)[1].day == date(2026, 11, 21)
    for text in ("三号楼门口见", "一日三餐要规律", "一号线换乘", "第三号选手"):
        assert not [d for d in time_expressions(text, when) if d.day], text


# -- 2. the event's day dates only work done at the event --------------------------------------------
HIKE = """2026-11-26 20:00:00 领队老何
这周六爬梧桐山，早上七点半仙湖植物园门口集合
2026-11-26 20:01:00 小林
急救包我来带
2026-11-26 20:02:00 新人小董
我可以一起去吗
2026-11-26 20:03:00 领队老何
可以的小董你把身份证号发给小林就行
2026-11-26 20:04:00 小董
好的
"""


def test_a_to_do_with_no_time_takes_the_events_day_only_for_work_at_the_event() -> None:
    actions = _notes(HIKE).actions
    kit = [a for a in actions if "急救包" in a.task]
    assert kit and kit[0].owner == "小林" and kit[0].deadline == "2026-11-28"
    ids = [a for a in actions if "身份证" in a.task]
    assert ids and ids[0].owner == "小董" and ids[0].deadline is None


def test_done_at_event_reads_the_work_not_the_people() -> None:
    assert done_at_event("点心我来带") and done_at_event("当天我负责拍照") and done_at_event("好的，我那天去签")
    assert not done_at_event("你把名字发给李大爷就行") and not done_at_event("名单我整理一下")


# -- 3. 同意 lists: votes for the decided choice, yeses after the proposal, first vote counts ---------
BOOKS = """2026-12-03 21:00:00 书虫老林
下个月共读哪本，我提议两本：《额尔古纳河右岸》或者《长安的荔枝》，大家投个票
2026-12-03 21:01:00 米粒
我选荔枝
2026-12-03 21:01:20 小北
我投额尔古纳
2026-12-03 21:01:30 大壮
今天好冷啊 暖气还没来
2026-12-03 21:02:00 阿青
我也投荔枝
2026-12-03 21:02:30 大壮
我们小区也是
2026-12-03 21:03:00 七七
1
2026-12-03 21:04:00 书虫老林
好，那就定《长安的荔枝》，一月共读
2026-12-03 21:05:00 小北
行吧
"""


def test_the_agreed_are_the_voters_for_what_was_decided() -> None:
    books = [d for d in _notes(BOOKS).decisions if "荔枝" in d.text]
    assert books
    by = set(books[0].by)
    assert {"书虫老林", "米粒", "阿青", "七七"} <= by
    assert "大壮" not in by  # spoke nearby, voted for nothing
    assert "小北" not in by  # the first vote counts: 额尔古纳, not the later 行吧


# -- 4. a volunteer reply with its own deadline ---------------------------------------------------------
PHOTO = """2026-11-23 19:00:00 团长阿凯
周日扫街活动的事大家看一下
2026-11-23 19:01:00 团长阿凯
路线清单谁来整理一下
2026-11-23 19:02:00 北北
我来吧，周五前出一个清单，大家自己挑想拍的点
2026-11-23 19:03:00 团长阿凯
好的 辛苦
"""


def test_a_volunteer_reply_is_the_volunteers_to_do_with_its_own_deadline() -> None:
    actions = _notes(PHOTO).actions
    mine = [a for a in actions if "清单" in a.task]
    assert len(mine) == 1 and mine[0].owner == "北北" and mine[0].deadline == "2026-11-27"
    assert not owned_by(actions, "大家")


def test_an_opening_wo_qu_without_a_call_for_help_is_not_an_offer() -> None:
    chat = """2026-11-23 19:00:00 阿强
我去，周五前这么多事
2026-11-23 19:01:00 小丽
哈哈
"""
    assert not any(a.owner == "阿强" for a in _notes(chat).actions)


# -- 5. personal plans and reported promises ------------------------------------------------------------
BAKING = """2026-12-01 20:00:00 群主小麦
今晚请到阿焙老师给大家分享欧包入门，大家先别插话
2026-12-01 20:01:00 阿焙
大家好，我是阿焙，做面包八年了，今天主要讲三件事：面粉、发酵和烤箱温度
2026-12-01 20:03:00 阿焙
第一，面粉用高筋的，蛋白质含量12%以上
2026-12-01 20:05:00 阿焙
第二，一次发酵在26度左右，大概90分钟，面团涨到两倍大
2026-12-01 20:07:00 阿焙
第三，烤箱一定要预热20分钟，220度烤25分钟
2026-12-01 20:09:00 酥酥
我明天去超市买面粉，有没有人一起
2026-12-01 20:10:00 豆包
我周六也要去换个烤箱
2026-12-01 20:11:00 群主小麦
谢谢阿焙老师！今晚的笔记阿焙老师说会整理好，周四前放群里
"""


def test_personal_plans_and_a_self_intro_are_no_to_dos() -> None:
    owners = {a.owner for a in _notes(BAKING).actions}
    assert "豆包" not in owners and "酥酥" not in owners


def test_a_reported_promise_is_the_promised_persons_to_do_once() -> None:
    actions = _notes(BAKING).actions
    notes_todo = [a for a in actions if "笔记" in a.task]
    assert len(notes_todo) == 1 and notes_todo[0].owner == "阿焙" and notes_todo[0].deadline == "2026-12-03"
    # the promised person then says it too: still one to-do
    again = BAKING + "2026-12-01 20:12:00 阿焙\n嗯，笔记我周四前整理好发群里\n"
    notes_todo = [a for a in _notes(again).actions if "笔记" in a.task]
    assert len(notes_todo) == 1 and notes_todo[0].owner == "阿焙"
    assert not any(a.owner == "大家" for a in _notes(again).actions)


def test_bad_input_keeps_its_clear_error() -> None:
    assert _notes("2026-12-01 20:00:00 阿焙\n我来吧\n").actions == []
    with pytest.raises(NotesParseError):
        _notes("\x00\x01 ### ???\n")


# Cantonese: a volunteer's 我嚟 answers 邊個幫手…; a matter put to the group (A定係B) is no decision yet
DRAGON = """2026-11-30 21:00:00 隊長阿詩
隊衫要收尺碼，邊個幫手統計吓？
2026-11-30 21:01:00 阿欣
我嚟啦
2026-11-30 21:02:00 隊長阿詩
仲有一樣要大家決定，打邊爐去九龍城定係去荃灣
2026-11-30 21:03:00 阿欣
九龍城啦
2026-11-30 21:04:00 隊長阿詩
好，咁就決定咗去九龍城打邊爐，12月20號晚上7點
"""


def test_a_cantonese_volunteer_and_a_matter_put_to_the_group() -> None:
    notes = _notes(DRAGON)
    assert any(a.owner == "阿欣" and "尺碼" in a.task for a in notes.actions)
    assert not any("定係" in d.text for d in notes.decisions)
    assert any("九龍城" in d.text and "決定咗" in d.text for d in notes.decisions)

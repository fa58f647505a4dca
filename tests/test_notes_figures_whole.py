"""Issue 13, round 60 (d13c60): a figure written with a comma (「1,000份」「1，000瓶」「HK$1,200」「2,000元」) is one
word — no section cuts it at its comma or puts it back as 「1，000」. One clause splitter (copilot.notes.clauses) is
used by the to-do, owner, change and deadline steps. Every chat here is written for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.clauses import CLAUSE, pauses
from copilot.notes.model import Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def test_a_figure_comma_is_no_pause():
    assert CLAUSE.split("平安符準備1,000份，我已經跟廟方說了") == ["平安符準備1,000份", "我已經跟廟方說了"]
    assert CLAUSE.split("礦泉水準備1，000瓶，便當每個NT$120") == ["礦泉水準備1，000瓶", "便當每個NT$120"]
    assert CLAUSE.split("每位HK$1,200，連酒水") == ["每位HK$1,200", "連酒水"]
    assert CLAUSE.split("善款共12,345,678元,多谢") == ["善款共12,345,678元", "多谢"]


def test_other_commas_still_cut():
    # a list of small numbers, a date then a count, and a comma before four digits are pauses
    assert CLAUSE.split("2，3号都行，看大家") == ["2", "3号都行", "看大家"]
    assert CLAUSE.split("12月3日，100人") == ["12月3日", "100人"]
    assert CLAUSE.split("报名截止10号,2030年见") == ["报名截止10号", "2030年见"]
    assert pauses("，,。！!").split("押金1,000元。明天交！好的，收到") == ["押金1,000元", "明天交", "好的", "收到"]


TEMPLE = """[LINE] 土地公廟志工群的聊天記錄
儲存日期：2030/10/20 08:00

2030/10/15（二）
20:01	主委阿坤	各位晚安，10月26日（六）廟會，早上6點在廟埕報到
20:03	麗華	香客服務台要準備多少份平安符
20:05	阿財	收到
20:08	秀蘭	平安餐預計準備600份，食材預算新台幣36,000元
20:10	主委阿坤	文宏你負責聯絡流動廁所廠商，一台3,500元，10月22日前確認
20:11	文宏	好 我明天打電話

2030/10/16（三）
09:30	主委阿坤	回麗華：平安符準備1,000份，我已經跟廟方說了
09:31	麗華	好的 謝謝
"""


def test_a_reply_to_do_keeps_the_figure_as_written():
    notes = _notes(TEMPLE)
    tasks = [a.task for a in notes.actions]
    assert any("平安符準備1,000份" in t for t in tasks), tasks
    assert not any("1，000" in t or "3，500" in t for t in tasks), tasks


DINNER = """2030-03-13 20:00:00 会长-老周
各位，春季聚餐定在3月23日周六中午，在老街酒楼

2030-03-13 20:01:00 会长-老周
@阿杰 周五前把订金收齐，每人1,200元，@小林 你负责订包间，押金2,000元

2030-03-13 20:02:00 阿杰
好的

2030-03-13 20:02:30 小林
收到
"""


def test_two_owners_in_one_line_keep_their_figures():
    notes = _notes(DINNER)
    written = " ".join(a.task for a in notes.actions)
    assert "押金2,000元" in written, written
    assert "2，000" not in written and "1，200" not in written
    assert any(a.deadline == "2030-03-15" for a in notes.actions)

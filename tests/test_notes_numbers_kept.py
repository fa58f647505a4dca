"""Amounts keep every digit from chat to notes, and the grounding check sees a number that lost some."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import render_markdown, summarize_text
from copilot.notes.dates import find_deadline
from copilot.notes.faithfulness import find_ungrounded
from copilot.notes.model import KeyPoint, Notes
from copilot.notes.offline import clean_sentence
from copilot.notes.pairing import items
from copilot.notes.parse import parse_text

CHAT = """[2026-12-03 20:00:00] 老周: 年会的预算大家看一下
[2026-12-03 20:01:00] 阿敏: 酒店报价了，宴会厅一共8000元，能坐12桌
[2026-12-03 20:02:00] 小胡: 抽奖奖品预算2000元，一等奖一台1000块的平板
[2026-12-03 20:03:00] 老周: 那就按宴会厅8000元加奖品2000元报上去
[2026-12-03 20:04:00] 阿敏: 好的，我明天把报价单发群里
"""


def test_stutter_trimming_never_touches_digits_or_latin_letters() -> None:
    assert clean_sentence("宴会厅一共8000元，门票1111张") == "宴会厅一共8000元，门票1111张"
    assert clean_sentence("网址是www.example.com") == "网址是www.example.com"
    assert clean_sentence("就是就是就是这个意思") == "就是这个意思"  # a real stutter is still trimmed


def test_stutter_trimming_never_shortens_a_number_said_in_chinese_numerals(tmp_path) -> None:
    # voice-to-text writes phone numbers and amounts as words: 零零零 is part of the number, not a stutter
    assert clean_sentence("报名电话幺三九零零二七六零零零") == "报名电话幺三九零零二七六零零零"
    assert clean_sentence("那个那个那个押金明天交") == "那个押金明天交"  # a word stutter is still trimmed
    chat = tmp_path / "kites.txt"
    chat.write_text("2026-03-14 19:00:00 老吴(20001)\n周日上午九点在江滩放风筝，自带线轴\n\n"
                    "2026-03-14 19:01:00 老吴(20001)\n迷路了打我电话一五九零零二一七零零零\n\n"
                    "2026-03-14 19:02:00 小叶(20002)\n收到\n", encoding="utf-8")
    settings = Settings(data_dir=tmp_path)
    result = summarize_text(chat.read_text(encoding="utf-8"), "kites.txt", settings, get_engine(settings, prefer="offline"))
    assert "一五九零零二一七零零零" in render_markdown(result.notes)


def test_amounts_in_thousands_reach_the_notes_whole(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path)
    result = summarize_text(CHAT, "年会预算.txt", settings, get_engine(settings, prefer="offline"))
    md = render_markdown(result.notes, appendix=False)
    assert "8000元" in md and "2000元" in md and "1000块" in md
    assert "80元" not in md and "20元" not in md and "10块" not in md


def test_a_number_cut_from_a_longer_one_is_ungrounded() -> None:
    transcript = parse_text(CHAT, "年会")
    notes = Notes(title="年会预算", summary="宴会厅一共80元",
                  key_points=[KeyPoint(text="宴会厅一共80元，能坐12桌", speaker="阿敏", sources=[2])])
    assert "80" in find_ungrounded(notes, transcript)
    whole = notes.model_copy(update={"summary": "宴会厅一共8000元",
                                     "key_points": [KeyPoint(text="宴会厅一共8000元，能坐12桌", speaker="阿敏", sources=[2])]})
    assert find_ungrounded(whole, transcript) == []


def test_a_ratio_or_a_score_is_no_clock_and_this_weeks_day_already_gone_is_the_coming_one() -> None:
    evening = datetime(2026, 11, 24, 20, 0)
    assert find_deadline("今天早上冲的耶加，粉水比例是1:16，挺甜", evening) is None
    assert find_deadline("配比1:2:3，按这个调", evening) is None
    assert find_deadline("上周联赛我们3:1赢了", evening) is None
    due = find_deadline("明天9:30前把表发群里", evening)
    assert due is not None and (due.day, due.clock) == (date(2026, 11, 25), "09:30")
    # said on Sunday 22 November: 這週五前 cannot mean the Friday two days ago
    sunday = find_deadline("展示架我去借，這週五前回報能借幾個", datetime(2026, 11, 22, 20, 0))
    assert sunday is not None and sunday.day == date(2026, 11, 27)
    midweek = find_deadline("这周五前把名单发我", datetime(2026, 11, 18, 20, 0))
    assert midweek is not None and midweek.day == date(2026, 11, 20)


def test_a_numbered_wrap_up_after_a_colon_is_cut_at_its_items_not_inside_a_version() -> None:
    wrap = "总结一下今天定的：1. 引擎用Godot 4.3 2. 题材是解谜，5层楼 3. 分辨率320x180 4. 周日晚9点开会"
    assert items(wrap) == ["总结一下今天定的：", "引擎用Godot 4.3", "题材是解谜，5层楼", "分辨率320x180", "周日晚9点开会"]
    assert items("时间：19:30 地点：3楼") == ["时间：19:30 地点：3楼"]  # a clock after a colon is no item number
    chat = ("[2026-11-27 21:00:00] 林舟: 今晚把引擎和题材定下来\n[2026-11-27 21:05:00] 小满: 我觉得Godot好\n"
            f"[2026-11-27 21:30:00] 林舟: {wrap}\n[2026-11-27 21:31:00] 小满: 好的\n")
    settings = Settings(data_dir=Path("/nonexistent"))
    notes = summarize_text(chat, "jam.txt", settings, get_engine(settings, prefer="offline")).notes
    decided = [d.text for d in notes.decisions]
    for item in ("引擎用Godot 4.3", "分辨率320x180", "周日晚9点开会"):
        assert item in decided

"""Round 56 (d13e56, issue 13): the last word wins — a change naming a line's slot outdoes an earlier correction of
that line, a correction that names the wrong words (no figure) marks them （已改：…）, a correction line is never a
question, and 降到/减到/降为 change a value like 改成."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.notes import render_markdown
from copilot.notes.reading import is_question

START = datetime(2026, 12, 7, 18, 0)

# a dance class: the show is moved by a correction, then the costume fee is changed
DANCE = (
    "周老师|各位家长好，元旦汇演安排：1. 12月27日（周日）下午两点在少年宫小剧场演出；2. 演出服费用每人80元，周五前交给班长妈妈",
    "乐乐妈妈|收到",
    "周老师|更正一下：演出因为场地冲突，改到12月26日（周六）下午两点，地点不变",
    "周老师|另外服装厂报价降了，演出服费用改为每人65元，已经交了80的家长我退15元",
    "小雨爸爸|好的",
)

# a shop meeting: a budget cut is corrected in words
SHOP = (
    "阿杰|好，定两件事：1. 抖音预算加一倍，下周起每天600元；2. 新品详情页小林负责，周三前出稿",
    "小林|收到",
    "阿美|最近退货的多是尺码问题",
    "阿杰|更正一下刚才的：抖音不是加一倍，直接先停一周，看小红书能不能撑住",
    "小林|明白",
)

# a Cantonese street fair: the stall fee is cut with 減到
STALL = (
    "May姐|各位，聖誕市集12月20號喺球場搞，攤位費每檔80蚊，禮拜五前轉數俾我",
    "阿強|收到",
    "May姐|頭先同區議員傾好咗，攤位費減到每檔50蚊，已經俾咗80嘅我退返30",
)


def test_a_fee_changed_after_a_correction_is_marked_in_the_todo():
    notes = render_markdown(chat_notes(*DANCE, start=START))
    todo = next(line for line in notes.splitlines() if line.startswith("- [ ]") and "演出服" in line)
    assert "每人80元（已改：65元）" in todo


def test_a_correction_in_words_is_no_question_and_marks_the_old_words():
    assert not is_question("更正一下刚才的：抖音不是加一倍，直接先停一周，看小红书能不能撑住")
    notes = render_markdown(chat_notes(*SHOP, start=START))
    assert "抖音预算加一倍（已改：直接先停一周）" in notes
    assert "问" not in "".join(line for line in notes.splitlines() if "不是加一倍" in line and line.startswith("**问"))


def test_a_fee_cut_with_jian_dao_is_a_change():
    notes = render_markdown(chat_notes(*STALL, start=START))
    assert "每檔80蚊（已改：50蚊）" in notes

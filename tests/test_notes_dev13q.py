"""Issue 13, round 33 (dev13q): to-dos that are real. No to-do from the excuse a "谁来…" caller gives, from a
member's own errand after the answer to their own question, from a recap that repeats work already given
out, from a menu path (我-设置-…) or from whom the speaker knows; two owners in one unpunctuated voice line
each get their own to-do and deadline; a clause handing something over to the one just told (…畀你) is the
group's; a short reply to "谁负责…" with 我来 inside takes the call on. Every chat here is written for these
tests (a ham radio club, book-repair volunteers, a Hong Kong pigeon club in Cantonese, a clothes swap)."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.handovers import calls_for_help
from copilot.notes.model import ActionItem, Notes
from copilot.notes.parse import NotesParseError


def _notes(text: str) -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, "chat.txt", settings, get_engine(settings, prefer="offline")).notes


def _owned(notes: Notes, owner: str) -> list[ActionItem]:
    return [a for a in notes.actions if a.owner == owner]


HAM_RADIO = """[2026-11-20 20:00] 台长老钱: 各位火腿晚上好 下个月6号去北山做野外通联 今晚把分工定一下
[2026-11-20 20:01] BG5XYZ小吴: 终于要出去了
[2026-11-20 20:02] 台长老钱: 天线架子和发电机谁来带一下 我那周要出差
[2026-11-20 20:03] BG5XYZ小吴: 我来 架子我周四前拉到活动室
[2026-11-20 20:04] 台长老钱: 好 辛苦小吴
[2026-11-20 20:05] 阿梅: 手台的中继频率怎么设
[2026-11-20 20:06] 台长老钱: 设置路径：我-设置-频道-中继 偏移填负5兆
[2026-11-20 20:07] 阿梅: 明白了
[2026-11-20 20:08] 台长老钱: 大家活动那天谁负责搬电台
[2026-11-20 20:09] 大刘: 我有车 电台我来搬
[2026-11-20 20:10] 台长老钱: 好 那今天就这样 晚安
"""


def test_a_callers_excuse_is_no_to_do_and_the_volunteer_takes_the_call() -> None:
    notes = _notes(HAM_RADIO)
    assert _owned(notes, "台长老钱") == []  # neither "我那周要出差" nor the menu path "我-设置-频道"
    wu = _owned(notes, "BG5XYZ小吴")
    assert wu and any("架子" in a.task for a in wu) and wu[0].deadline == "2026-11-26"
    # "我有车 电台我来搬" answers "谁负责搬电台": the work asked for is his
    assert any("电台" in a.task for a in _owned(notes, "大刘"))


def test_calls_for_help_reads_the_calling_clause_alone() -> None:
    assert calls_for_help("天线架子谁来带一下 我那周要出差")
    assert calls_for_help("边个嚟整报名表")
    assert not calls_for_help("我来带天线架子 周四前拉到活动室")
    assert not calls_for_help("")


BOOK_REPAIR = """[2026-11-18 19:30] 修复组长阿兰: 各位志愿者 这周的古籍修复活动说几件事
[2026-11-18 19:31] 阿兰徒弟小周: 来了
[2026-11-18 19:32] 修复组长阿兰: 托裱用的宣纸不够了 小周你周五前去库房领两刀
[2026-11-18 19:33] 阿兰徒弟小周: 收到
[2026-11-18 19:34] 老纪: 浆糊还是用小麦淀粉吗
[2026-11-18 19:35] 修复组长阿兰: 对，小麦淀粉，不要用化学胶。检测的事我认识图书馆的陈老师，老纪你下周一前问问价
[2026-11-18 19:36] 老纪: 好的
[2026-11-18 19:37] 修复组长阿兰: 好 今天就这些 总结一下：宣纸小周领，检测老纪问
[2026-11-18 19:38] 阿兰徒弟小周: 👍
"""


def test_a_recap_repeats_listed_work_and_whom_one_knows_is_no_task() -> None:
    notes = _notes(BOOK_REPAIR)
    zhou = _owned(notes, "阿兰徒弟小周")
    assert len(zhou) == 1 and "宣纸" in zhou[0].task and zhou[0].deadline == "2026-11-20"
    ji = _owned(notes, "老纪")
    assert len(ji) == 1 and ji[0].deadline == "2026-11-23"
    assert not any("总结" in a.task for a in notes.actions)  # no to-do "due today" from the recap
    assert _owned(notes, "修复组长阿兰") == []  # "我认识图书馆的陈老师" gives the speaker no work


def test_a_recap_with_new_work_still_lists_it() -> None:
    chat = """[2026-11-18 19:30] 修复组长阿兰: 今晚大家讨论得差不多了
[2026-11-18 19:31] 老纪: 是的
[2026-11-18 19:32] 修复组长阿兰: 总结一下：下周三前老纪把修复记录表整理好发群里
[2026-11-18 19:33] 老纪: 好
"""
    ji = _owned(_notes(chat), "老纪")
    assert ji and "修复记录表" in ji[0].task and ji[0].deadline == "2026-11-25"


PIGEONS = """[2026-11-21 21:00] 鴿會會長Ben: 各位鴿友 12月6號（星期日）嘅短途賽今晚傾下細節
[2026-11-21 21:01] 阿輝: 好呀
[2026-11-21 21:01] 鴿會會長Ben: 地點暫定大埔海濱公園 下晝2點到5點 我已經問咗康文署 唔使申請 但唔可以燒嘢食
[2026-11-21 21:02] 灰鴿主人: 我隻灰鴿呢排唔肯食嘢 係咪病咗定係換毛
[2026-11-21 21:03] 獸醫Dr. Chan: @灰鴿主人 換毛期食少啲正常 但係如果瀉肚就要睇醫生
[2026-11-21 21:04] 灰鴿主人: 好 我聽日帶佢去睇
[2026-11-21 21:05] 阿輝: 比賽報名係網上定係交表
[2026-11-21 21:06] 鴿會會長Ben: 交表 報名費每隻80蚊
[2026-11-21 21:07] 阿輝: 好 報名表我聽晚發上群
[2026-11-21 21:08] 鴿會會長Ben: 阿May你負責訂車，下星期三前入數畀你
[2026-11-21 21:09] 阿May: 冇問題
"""


def test_own_errand_after_own_answer_is_no_to_do_but_group_work_is() -> None:
    notes = _notes(PIGEONS)
    assert _owned(notes, "灰鴿主人") == []  # taking one's own pigeon to the vet
    hui = _owned(notes, "阿輝")  # asked about the sign-up, then takes the form on: the group's work
    assert hui and "報名表" in hui[0].task and hui[0].deadline == "2026-11-22"
    assert any("訂車" in a.task for a in _owned(notes, "阿May"))
    # "下星期三前入數畀你": the one told receives, everyone else pays
    everyone = _owned(notes, "大家")
    assert everyone and everyone[0].deadline == "2026-11-25" and "入數" in everyone[0].task
    # a place and its hours are no one's work (申請 is "apply", not the 請 that asks people to do something)
    assert not any("公園" in a.task for a in notes.actions)


SWAP_VOICE = """[2026-11-22 10:00] 换衣群主丽丽: 大家早上好下周六旧衣交换会在社区活动室大家把不穿的衣服洗干净带来
[2026-11-22 10:01] 小芸: 好的
[2026-11-22 10:02] 换衣群主丽丽: 活动室的钥匙我明天去拿小芸你周五前把报名接龙发一下
[2026-11-22 10:03] 小芸: 好嘞
[2026-11-22 10:04] 换衣群主丽丽: 衣架改成阿豪你来
[2026-11-22 10:05] 阿豪: 行
"""


def test_two_owners_in_one_unpunctuated_line_each_keep_their_deadline() -> None:
    notes = _notes(SWAP_VOICE)
    lili = [a for a in _owned(notes, "换衣群主丽丽") if "钥匙" in a.task]
    assert lili and lili[0].deadline == "2026-11-23"
    yun = _owned(notes, "小芸")
    assert yun and "接龙" in yun[0].task and "钥匙" not in yun[0].task and yun[0].deadline == "2026-11-27"
    # "改成阿豪你来": nobody is the subject before the name, so the line is not cut and 阿豪 keeps it
    assert any("衣架" in a.task for a in _owned(notes, "阿豪"))


def test_bad_input_gives_no_to_dos() -> None:
    with pytest.raises(NotesParseError):
        _notes("")
    # a bare recap header, a call with nothing asked for, a lone menu path: nobody is given work
    for chat in ("[2026-11-22 10:00] 丽丽: 总结一下：", "[2026-11-22 10:00] 丽丽: 谁来\n[2026-11-22 10:01] 小芸: 我来",
                 "[2026-11-22 10:00] 丽丽: 路径：我-钱包-设置\n[2026-11-22 10:01] 小芸: 好的"):
        assert _notes(chat).actions == []


def test_a_sign_off_with_today_is_no_promise() -> None:
    chat = """[2026-11-19 21:00] 无线电协会-老钱: 今晚的天线分享大家有问题继续问
[2026-11-19 21:01] 阿梅: 驻波比多少算正常
[2026-11-19 21:02] 无线电协会-老钱: 1.5以下就行
[2026-11-19 21:03] 无线电协会-老钱: 好，今天分享先到这。
[2026-11-19 21:04] 无线电协会-老钱: 下周三前我把天线图纸发群里
"""
    notes = _notes(chat)
    mine = _owned(notes, "无线电协会-老钱")
    assert len(mine) == 1 and "图纸" in mine[0].task and mine[0].deadline == "2026-11-25"


def test_a_preview_keeps_the_speakers_dropped_subject_promise() -> None:
    chat = """[2026-11-19 21:00] 换衣群主丽丽: 今天的交换会结束啦 谢谢大家
[2026-11-19 21:01] 小芸: 辛苦群主
[2026-11-19 21:02] 换衣群主丽丽: 几件事说一下：
1. 下期交换会定在12月12日（周六）上午9点，地点社区礼堂，报名表明天发
2. 没人要的衣服统一捐给旧衣回收站
"""
    notes = _notes(chat)
    lili = _owned(notes, "换衣群主丽丽")
    assert lili and "报名表" in lili[0].task and lili[0].deadline == "2026-11-20"
    assert any(a.kind == "下期预告" and "12月12日" in a.text for a in notes.announcements)

"""Round 55 (d13c55): decisions that are decisions, and who really agreed.

- a correction that names the wrong value ("【更正】…是每人35元，不是40元") fixes a notice: no decision;
- a change told as the first word on its matter ("通知一下：…家长会改到3点开始") is a notice; a change someone asked
  for and the organiser then made ("能不能换到活动室？" … "好，那义诊地点改到社区活动室") stays a decision;
- a nickname's body part ("社区-刘主任") is no name: "社区活动室" is not cut as if it named him.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2031, 3, 3, 19, 0)  # a Monday evening


def _structure(*lines: str):
    return chat_structure(*lines, start=START)


def test_a_correction_naming_the_wrong_fee_is_no_decision():
    s = _structure(
        "班主任-周老师|各位家长，下周三秋游，车费每人40元，周五前交给生活委员",
        "果果妈妈|收到",
        "班主任-周老师|【更正】秋游车费是每人35元，不是40元",
        "果果妈妈|好的",
    )
    assert not any("35元" in d.text for d in s.decisions), [d.text for d in s.decisions]


def test_a_cantonese_correction_is_no_decision_either():
    s = _structure(
        "隊長阿輝|星期六朝早8點大埔墟站集合，行八仙嶺",
        "阿欣|收到",
        "隊長阿輝|更正：集合時間係7點半，唔係8點",
        "阿欣|收到",
    )
    assert not any("7點半" in d.text for d in s.decisions), [d.text for d in s.decisions]


def test_a_change_told_first_is_a_notice():
    s = _structure(
        "班主任-王老师|各位家长晚上好，通知一下：本周五下午家长会改到3点开始，地点在三楼多媒体教室。",
        "豆豆妈妈|收到",
        "乐乐爸爸|👌",
    )
    assert not any("家长会" in d.text for d in s.decisions), [d.text for d in s.decisions]
    assert any("家长会" in a.text for a in s.announcements), [a.text for a in s.announcements]


def test_a_change_asked_for_and_made_by_the_organiser_is_a_decision():
    s = _structure(
        "社区-刘主任|大家好，周六的义诊活动原定上午9点在社区广场",
        "志愿者小周|刘主任，周六上午广场要办跳蚤市场，我们能不能换到社区活动室？",
        "志愿者阿兰|活动室也行，还不怕晒",
        "社区-刘主任|好，那义诊地点改到社区活动室，时间不变",
        "志愿者老陈|收到",
    )
    d = next(d for d in s.decisions if "活动室" in d.text)
    assert "社区活动室" in d.text, d.text
    assert "志愿者阿兰" in d.by, d.by


def _title(*lines: str) -> str:
    from chat_lines import chat_notes

    return chat_notes(*lines, start=START).title


def test_a_title_skips_a_labelled_greeting():
    title = _title(
        "班主任-李老师|【通知】各位家长好：本周四下午春季体检，请给孩子穿方便脱的衣服",
        "果果妈妈|收到",
        "乐乐爸爸|收到",
    )
    assert "家长好" not in title and "春季体检" in title, title


def test_a_title_skips_an_apology():
    title = _title(
        "團長美玲|各位不好意思活動中心那天被里長借去辦活動，週三練習改到教會二樓",
        "阿芬|收到",
        "陳大哥|好的",
    )
    assert "不好意思" not in title and "活動中心" in title, title


def test_a_title_skips_a_greeting_with_its_address_after_it():
    title = _title(
        "店长阿May|早上好各位～今天新品：蔓越莓司康 18元/个，周六前预订",
        "小丁|收到",
        "王哥|我要两个",
    )
    assert "早上好" not in title and "司康" in title, title


def test_granting_one_members_order_change_is_no_decision():
    s = _structure(
        "店长阿梅|本周团购的芒果千层周六上午10点到店自提",
        "张姐|我的两盒芒果千层改成一盒榴莲的可以吗",
        "店长阿梅|可以，张姐改成一盒榴莲千层",
        "王哥|我提议下次团购加个抹茶口味",
        "张姐|抹茶好呀",
        "店长阿梅|行，下周团购就加抹茶口味",
    )
    assert not any("榴莲" in d.text for d in s.decisions), [d.text for d in s.decisions]
    assert any("抹茶" in d.text for d in s.decisions), [d.text for d in s.decisions]

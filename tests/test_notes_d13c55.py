"""Round 55 (d13c55): decisions that are decisions, and who really agreed.

- "收到", "好的", "👌" after a decision say the member read it; they are no agreement (an explicit 同意 / +1 is);
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


def test_acknowledging_a_vote_result_is_no_agreement():
    s = _structure(
        "团长阿芳|投票结果：周六18票，周日7票，汇演就定在周六下午2点",
        "小敏|收到",
        "老吴|好的",
        "阿杰|👌",
    )
    d = next(d for d in s.decisions if "周六下午2点" in d.text)
    assert d.by == ["团长阿芳"], d.by


def test_an_explicit_yes_after_a_decision_still_counts():
    s = _structure(
        "队长大勇|周日的友谊赛在哪踢？二中操场还是体育公园？",
        "阿斌|二中操场近一点",
        "队长大勇|那周日的友谊赛就定在二中操场，下午3点开球",
        "阿斌|同意",
        "老周|没问题",
        "小马|收到",
    )
    d = next(d for d in s.decisions if "二中操场" in d.text)
    assert "阿斌" in d.by and "小马" not in d.by and "老周" in d.by, d.by


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
    assert "志愿者阿兰" in d.by and "志愿者老陈" not in d.by, d.by

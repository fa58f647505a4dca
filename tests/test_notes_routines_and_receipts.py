"""Issue 13, round 44 (fresh QA qa13r28): a member's own routine or complaint ("我周二值班 8点才下班", "我上班晚
回来天天被扣钱") takes no work on; the receipt the speaker pays back ("发票拿回来找我报销") is brought by the one who
paid; what the others hand to a member told of in the third person ("…帮大家收，周五前把名字给她") is the group's.
Chats written for these tests."""

from __future__ import annotations

import pytest

from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions


def _actions(chat: str):
    actions, _, _ = find_actions(parse_text(chat, "chat.txt").messages)
    return actions


ROUTINES = """2026-12-07 20:00:00 团长阿珍
说正事：这周的草莓到货推迟了，改成下周二（12月8日）下午到，自提点还是南门
2026-12-07 20:01:00 小林妈妈
哎 我周二值班 8点才下班
2026-12-07 20:02:00 老周
我上班早，每天7点就得出门
2026-12-07 20:03:00 阿梅
自提柜好是好，就是要收费，我加班晚回来次次被扣钱
2026-12-07 20:04:00 小林妈妈
我周四要上夜班，10点才到家
"""


def test_a_members_routine_is_no_todo_and_gives_no_morning_hour() -> None:
    actions = _actions(ROUTINES)
    assert not any(a.owner in ("小林妈妈", "老周", "阿梅") for a in actions)
    assert not any((a.deadline or "").endswith(("08:00", "07:00", "10:00")) for a in actions)


def test_a_routine_line_with_its_own_deadline_still_promises() -> None:
    chat = """2026-12-07 20:00:00 组长老宋
下周的读书会谁来整理书单？
2026-12-07 20:01:00 小鹿
我每天7点才下班，书单我周五前发群里
"""
    assert any(a.owner == "小鹿" and "书单" in a.task and a.deadline == "2026-12-11" for a in _actions(chat))


@pytest.mark.parametrize("paid", ["音响我问好了，租金300我先垫了", "横幅我顺路买了两条"])
def test_the_receipt_is_brought_by_the_one_who_paid(paid: str) -> None:
    chat = f"""2026-12-07 20:00:00 老板老韩
周日的年会今晚说一下
2026-12-07 20:01:00 阿强
{paid}
2026-12-07 20:02:00 老板老韩
好 发票拿回来找我报销
"""
    receipt = [a for a in _actions(chat) if "报销" in a.task]
    assert [a.owner for a in receipt] == ["阿强"]


def test_a_receipt_rule_nobody_paid_for_is_not_the_speakers_work() -> None:
    chat = """2026-12-07 20:00:00 老板老韩
周日的年会今晚说一下
2026-12-07 20:01:00 小丽
蛋糕我明天去订
2026-12-07 20:02:00 老板老韩
茶点的小票给我报销就行
"""
    assert not any(a.owner == "老板老韩" for a in _actions(chat))


def test_handing_in_to_the_member_told_of_is_the_groups() -> None:
    chat = """2026-12-07 20:00:00 群主阿青
周六的读书会今晚分下工
2026-12-07 20:01:00 群主阿青
报名表小美帮大家收，周五前把名字给她
"""
    actions = _actions(chat)
    handed = next(a for a in actions if "给她" in a.task)
    assert handed.owner == "大家" and handed.deadline == "2026-12-11"
    assert any(a.owner == "小美" and "收" in a.task for a in actions)


def test_a_bare_hour_beside_the_end_of_the_working_day_is_the_evenings() -> None:
    chat = """2026-12-07 20:00:00 会计阿芬
@小龙 你周三6点前把钱转我，我下班顺路去交
2026-12-07 20:01:00 老林
我周六早上8点前把桶送过去，下班再说
"""
    actions = _actions(chat)
    money = next(a for a in actions if "转我" in a.task)
    assert money.owner == "小龙" and money.deadline == "2026-12-09 18:00"
    # a morning word said there keeps the morning
    assert any(a.owner == "老林" and a.deadline == "2026-12-12 08:00" for a in actions)


def test_signing_up_with_the_speaker_by_a_time_is_the_groups() -> None:
    chat = """2026-12-07 20:00:00 前台小雅
周三想来馆里跟练的，明天中午12点前找我报名，名额15个
2026-12-07 20:01:00 前台小雅
海报我周五前发群里，有问题找我
"""
    actions = _actions(chat)
    sign_up = next(a for a in actions if "报名" in a.task)
    assert sign_up.owner == "大家" and sign_up.deadline == "2026-12-08 12:00"
    # a contact remark after the speaker's own promise leaves it theirs
    assert any(a.owner == "前台小雅" and "海报" in a.task for a in actions)


def test_a_matter_that_still_has_to_be_settled_is_no_decision() -> None:
    chat = """2026-12-07 20:00:00 会长老彭
年会的场地这周得定了，酒楼太贵，农家乐太远
2026-12-07 20:01:00 小蔡
我投农家乐
2026-12-07 20:02:00 会长老彭
好，那就定了：12月27日中午在农家乐，人均80
"""
    _, decisions, _ = find_actions(parse_text(chat, "chat.txt").messages)
    assert not any("得定了" in d.text for d in decisions)
    assert any("农家乐" in d.text and "80" in d.text for d in decisions)

"""Round 56 (d13c56): decisions and to-dos that are real.

- a yes/no check of a fact ("押金是退箱子的时候退吗", "是在茶館二樓嗎") puts nothing up: its asker is no 同意人;
  a request ("押金能少点吗") still puts the matter up;
- a plan told for the first time but put to the group for its yes ("…就定11月12日晚上10点，大家没意见吧") and
  answered "没意见/可以" is a decision with those who said yes, not a bare notice;
- what a member says is already done ("营位我已經book咗兩晚", "第二单我已经同管理处讲咗") is a report, not a to-do,
  however long the deed between 已经 and 了/咗; a promise after it still is one.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import decision_with, exported_notes

START = datetime(2031, 4, 7, 19, 0)  # a Monday evening
_notes = partial(exported_notes, start=START)


def test_a_fact_check_about_the_deposit_is_no_agreement():
    n = _notes(
        "果园主阿强|各位，秋季水果箱开始预订了，每周一箱，押金原来说100元",
        "陈姐|押金能少点吗？100有点多",
        "小马|对，60就差不多",
        "周阿姨|押金是退箱子的时候退吗？",
        "果园主阿强|会退的。行，押金改成60元，周五前转给我",
        "小马|同意",
    )
    d = decision_with(n, "60元")
    assert "周阿姨" not in d.by, d.by
    assert {"果园主阿强", "小马"} <= set(d.by), d.by


def test_a_traditional_fact_check_about_the_place_is_no_agreement():
    n = _notes(
        "花藝社-吳老師|各位社員，插花展想辦在5月10日星期六下午，大家覺得如何",
        "阿芳|好啊，我那天有空",
        "俊傑|是在社區中心三樓嗎？",
        "小珊|贊成",
        "花藝社-吳老師|好，插花展就定5月10日星期六下午2點，在社區中心三樓",
    )
    d = decision_with(n, "5月10日")
    assert "俊傑" not in d.by, d.by
    assert {"阿芳", "小珊"} <= set(d.by), d.by


def test_a_plan_put_to_the_group_for_its_yes_is_adecision_with():
    n = _notes(
        "组长老陈|周一例会，先说上周的事",
        "小林|报表模板我周五已经改好了",
        "组长老陈|团建日期就定4月19日周六，大家没意见吧",
        "阿芬|没意见",
        "小林|可以",
    )
    d = decision_with(n, "4月19日")
    assert {"阿芬", "小林"} <= set(d.by), d.by
    assert not any("4月19日" in a.text for a in n.announcements), [a.text for a in n.announcements]


def test_what_is_already_done_is_no_to_do_however_long_the_deed():
    n = _notes(
        "搬屋隊-強哥|聽日兩單，大家睇下",
        "阿輝|第二單我已經同管理處講咗，預留咗一個車位",
        "阿Ken|營位我已經book咗兩晚，每晚$180一個位",
        "搬屋隊-強哥|好，阿輝你聽日朝早8點前到第一單",
        "阿輝|收到",
    )
    tasks = [(a.owner, a.task) for a in n.actions]
    assert not any("管理處講" in t or "book" in t for _, t in tasks), tasks
    assert any(o == "阿輝" and "8點" in t for o, t in tasks), tasks


def test_a_promise_after_what_is_done_is_still_a_to_do():
    n = _notes(
        "班长小周|周六春游的物资大家看一下",
        "乐乐妈妈|水我已经订好了，周五前我把小票发群里",
    )
    assert any(a.owner == "乐乐妈妈" and "小票" in a.task for a in n.actions), [(a.owner, a.task) for a in n.actions]


def test_a_proposal_nobody_takes_up_is_nodecision_with():
    n = _notes(
        "组长老陈|周一例会，下周的事说一下",
        "小美|我提议周报模板改成表格，这次内容挺多的",
        "阿芬|表格的话要重新做模板吗？",
        "组长老陈|模板的事下周再说。团建就定4月19日周六，大家没意见吧",
        "小美|没意见",
    )
    assert not any("表格" in d.text for d in n.decisions), [d.text for d in n.decisions]
    assert any("4月19日" in d.text for d in n.decisions), [d.text for d in n.decisions]

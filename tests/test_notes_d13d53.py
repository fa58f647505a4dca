"""Round 53 (d13d53): a later line that re-times a to-do updates that to-do — the one who gave the work changing its
time ("登记表改成周二前") or the owner re-timing it ("咁我6點半去開倉拎槳") — and a later line that only mentions it
leaves it alone.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure, owned_by

START = datetime(2028, 9, 18, 19, 0)  # a Monday evening


def test_a_changed_deadline_updates_the_todo_it_changes():
    found = chat_structure(
        "周姐|各位志愿者，9月23日周六上午9点社区图书角开放日，在居委会一楼活动室",
        "周姐|横幅周三前挂好，阿强负责",
        "阿强|收到",
        "乐乐妈|需要带书来捐吗？",
        "周姐|可以带，绘本最好",
        "周姐|横幅改成周二前挂，周三街道来检查",
        start=START,
    )
    banner = [a for a in found.actions if "横幅" in a.task]
    assert len(banner) == 1, found.actions
    assert banner[0].owner == "阿强" and banner[0].deadline == "2028-09-19"
    # the words as 周姐 said them, the new time beside them (a quote is never rewritten)
    assert banner[0].task.startswith("横幅周三前挂好") and "（已改：周二前）" in banner[0].task
    assert banner[0].task.count("已改") == 1
    assert not any("改成周二前" in d.text for d in found.decisions)


def test_the_owner_retiming_their_own_task_moves_its_time():
    found = chat_structure(
        "教練阿Sam|各位隊員，星期六10月7號朝早8點喺西貢碼頭練船，記得帶救生衣",
        "教練阿Sam|阿輝你星期六朝早7點去碼頭開倉拎槳，廿支",
        "阿輝|冇問題",
        "小強|有冇人知邊度買防水袋平啲",
        "佩儀|深水埗鴨寮街啦",
        "阿輝|咁我6點半去開倉拎槳",
        start=datetime(2028, 10, 2, 20, 0),
    )
    oars = owned_by(found.actions, "阿輝")
    assert len(oars) == 1 and oars[0].deadline == "2028-10-07 06:30"
    assert oars[0].task.startswith("阿輝你星期六朝早7點去碼頭開倉拎槳") and oars[0].task.endswith("（已改：6點半）")


def test_a_later_mention_that_changes_nothing_leaves_the_todo_alone():
    found = chat_structure(
        "组长阿梅|各位，11月19日周日早上7点半滨江公园公益跑，起点在南门广场",
        "组长阿梅|物资清单周四前发群里，小林负责",
        "小林|收到",
        "小雨|清单是不是改到周三了？",
        "组长阿梅|还没定，等我问下供应商",
        "小林|清单我已经在弄了，周二应该能好",
        "组长阿梅|号码布周六下午5点前发完，阿杰负责",
        "组长阿梅|号码布如果下雨就改到社区服务中心发",
        start=datetime(2028, 11, 13, 20, 0),
    )
    lists = owned_by(found.actions, "小林")
    assert lists and lists[0].deadline == "2028-11-16"  # 周四前, the question and the progress report change nothing
    bibs = owned_by(found.actions, "阿杰")
    assert bibs and bibs[0].deadline == "2028-11-18 17:00"  # a rainy-day plan is no change


def test_the_owner_saying_when_they_start_is_no_new_deadline():
    found = chat_structure(
        "主播老李|麦克风买两支，预算1200以内，老陈你负责下单，这周五前到货",
        "老陈|好的 我明天就下单",
        start=datetime(2028, 9, 18, 20, 0),
    )
    mics = owned_by(found.actions, "老陈")
    assert mics and mics[0].deadline == "2028-09-22"  # still due Friday: ordering tomorrow is how, not a new due day

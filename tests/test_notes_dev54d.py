"""Round 54 (d13d54): group chats are not talks, owners are people, a weekday said on that weekday.

Every chat below was written for these tests (a kindergarten class group, a fruit shop's customer group, a
seniors' calligraphy club, a book-swap team, a badminton club); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_structure, owned_by

from copilot.notes.dates import find_deadline
from copilot.notes.todos import find_actions

MONDAY = datetime(2028, 11, 6, 18, 0)  # a Monday evening
SATURDAY = datetime(2028, 11, 18, 10, 0)  # a Saturday morning

_structure = partial(chat_structure, start=MONDAY)


def test_a_class_teachers_notices_with_parents_questions_make_a_group_chat_not_a_talk():
    st = _structure(
        "王老师|【通知】各位家长好：本周五（11月10日）上午幼儿园开运动会，孩子穿运动鞋，8点前到园",
        "乐乐妈妈|收到",
        "王老师|【通知】请家长周四前在小程序里报名亲子项目，每家最多报两项",
        "王老师|运动会当天家长可以入园观看，从南门进，请带好接送卡",
        "王老师|另外周三下午3点有消防演练，孩子不用带东西，家长正常接送",
        "朵朵爸爸|下雨怎么办",
        "王老师|下雨就改到室内体育馆，时间不变",
        "小宇奶奶|接送卡丢了怎么办",
        "王老师|找门卫登记一下就行")
    assert st.session_type == "话题讨论"


def test_a_real_share_with_its_speaker_stays_a_talk():
    st = _structure(
        "主持人阿兰|今晚请到陈老师给大家分享书法入门，大家先听，有问题讲完再问",
        "陈老师|大家好，今晚主要讲三块：执笔、运笔、临帖",
        "陈老师|第一，执笔。五指执笔法，指实掌虚，手腕放松，不要握得太紧",
        "陈老师|第二，运笔。起笔要逆锋，收笔要回锋，横画略向右上倾斜",
        "陈老师|第三，临帖。初学建议从颜真卿的《多宝塔碑》开始，每天临二十个字",
        "小周|请问陈老师 毛笔选多大的",
        "陈老师|初学用中楷兼毫就够了")
    assert st.session_type == "主讲分享"
    assert st.speakers[:1] == ["陈老师"]


def test_the_payee_of_a_fee_is_no_owner():
    acts, _, _ = find_actions(chat_lines(
        "队长阿斌|明天周日上午9点体育馆羽毛球友谊赛，场地费每人35元",
        "小吕|钱给谁",
        "队长阿斌|35元周六晚上8点前转给财务小敏，备注名字",
        start=SATURDAY))
    assert not owned_by(acts, "小敏") and not owned_by(acts, "财务小敏")


def test_a_tool_the_chat_uses_owns_nothing_but_a_member_named_like_one_does():
    acts, _, _ = find_actions(chat_lines(
        "组长阿宁|换书活动的报名以后都用 Airtable 收，不用纸质表了",
        "小满|Airtable 免费吗",
        "Airtable|免费版够用，表格我今晚建好发群里",
        "小满|Airtable 对手机不太友好，但是导出要付费",
        start=MONDAY))
    assert [a.owner for a in acts if "导出" in a.task] == []
    assert owned_by(acts, "Airtable")  # a member's nickname is a person's, whatever it looks like


def test_a_weekday_with_qian_said_on_that_weekday_before_the_event_is_today():
    # Saturday morning, the ride is on Sunday: "周六前" is today, not after the ride
    due = find_deadline("报名表周六前交给我", SATURDAY, event=datetime(2028, 11, 19).date())
    assert due is not None and due.day == SATURDAY.date()
    # an hour still to come that day: today at that hour
    due = find_deadline("35元周六晚上8点前转给我", SATURDAY)
    assert due is not None and (due.day, due.clock) == (SATURDAY.date(), "20:00")


def test_a_weekday_said_on_that_weekday_with_the_event_a_week_on_is_next_weeks():
    thursday = datetime(2028, 11, 9, 19, 30)
    due = find_deadline("小蒋周四前把海报设计发群里", thursday, event=datetime(2028, 11, 18).date())
    assert due is not None and due.day.isoformat() == "2028-11-16"
    # an hour still to come on that Thursday evening: tonight
    due = find_deadline("周四晚上9点前把名单发我", thursday)
    assert due is not None and (due.day.isoformat(), due.clock) == ("2028-11-09", "21:00")

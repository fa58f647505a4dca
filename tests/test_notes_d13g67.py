"""Round 67 (d13g67): what an outside party said it will do is not our to-do, a lead time of its process is a fact,
and our own wording in a Traditional chat is converted as a word (拍板 stays 拍板 beside a member's 老闆).

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_lines, exported_notes, owned_by

from copilot.notes.model import Transcript
from copilot.notes.render import render_markdown
from copilot.notes.script import Restorer

START = datetime(2027, 3, 1, 19, 30)  # a Monday evening

# a tenants' group: the street office and the property company will act; the property company asks us to act
TENANTS = (
    "楼长老何|电梯坏了的事我上午报给街道了",
    "楼长老何|街道那边答复了，说下周一前派人来看",
    "小冯|那这几天老人上下楼怎么办？",
    "楼长老何|小冯你明天把楼道的扶手擦一遍，晚上我去买两盏感应灯",
    "小冯|好的",
    "阿梅|物业也通知了，让大家周五前把楼道里的自行车推走",
    "楼长老何|对，大家抓紧",
)

# a hiking club: how long ahead the park wants a booking is how its process works, not anyone's work
HIKE = (
    "领队阿峰|下个月去森林公园露营，营地要提前两周预约",
    "小杜|人多的话要不要租帐篷？",
    "领队阿峰|公园管理处说帐篷可以现场租，周三前会发租赁价格表",
    "领队阿峰|小杜你这周四前去公园官网把营地订下来",
    "小杜|收到，我周四前订好",
)


def test_what_an_outside_party_said_it_will_do_is_no_to_do():
    notes = exported_notes(*TENANTS, start=START)
    assert not any("派人来看" in a.task for a in notes.actions)
    # the work the property company asks of the members is still theirs, and a member's own work stays
    assert any("自行车" in a.task for a in owned_by(notes.actions, "大家"))
    assert any("扶手" in a.task for a in owned_by(notes.actions, "小冯"))


def test_a_lead_time_and_a_partys_promise_in_a_booking_talk_are_no_to_dos():
    notes = exported_notes(*HIKE, start=START)
    assert not any("提前两周" in a.task or "价格表" in a.task for a in notes.actions)
    assert [a.deadline for a in owned_by(notes.actions, "小杜")] == ["2027-03-04"]


def test_our_label_keeps_its_own_word_beside_a_members_other_word_of_the_same_simplified_form():
    r = Restorer(Transcript(name="t", messages=chat_lines("淑芬|老闆說這個月的紙漲價了", "阿德|群裡說一下", start=START)))
    # 板 is written 闆 in the chat (老闆), but 拍板 is another word: OpenCC's phrase conversion wins
    assert r.text("林老师拍板") == "林老師拍板"
    # a glyph variant of the same word follows the chat (群裡, not OpenCC's form)
    assert r.text("发群里") == "發群裡"


def test_a_traditional_chats_summary_says_pai_ban_not_the_boss_character():
    lines = ("林老師|成果展我想排在12月26日，大家可以嗎？", "阿德|可以", "美玲|+1",
             "淑芬|我沒問題，老闆那邊我請好假了", "林老師|那就定12月26日，早上10點開始。",
             "林老師|阿德你這週五前把場地申請送出去", "阿德|好的")
    md = render_markdown(exported_notes(*lines, start=START))
    assert "拍闆" not in md
    assert "拍板" in md

"""Round 44 (issue 13: dated tasks left undated, joint tasks, work handed on).

- A bare "几号要？" from the member given work, answered "周四前", dates that member's work (reply.bare_due_chars).
- "那我来订" after a message that names one day (not the event's) is due that day (cue action.then_take).
- "我跟小林一起" answering a who-will call gives the call's work to both (cue action.volunteer_with); the caller's
  next "好，<time>…" dates it, as does "行，你们俩<time>…" after a joint offer of one's own.
- "X老规矩，还是Y弄" gives the work to the one member named (cue action.as_usual).
- The owner's own "我周六要值班，X换小林吧" hands the work to 小林 (cue owner.passes_to).

Every chat below was written for these tests (a bakery co-op, a street clean-up, a school concert, a book swap);
none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure, owned_by

START = datetime(2026, 6, 9, 20, 0)  # a Tuesday evening


def _actions(*lines: str):
    return chat_structure(*lines, start=START).actions


def test_a_bare_when_answered_dates_the_askers_work():
    got = _actions(
        "社长老谭|6月20日周六上午烘焙义卖，在社区广场",
        "社长老谭|@阿菲 价签你来写一下",
        "阿菲|几号要？",
        "社长老谭|周四前",
    )
    mine = owned_by(got, "阿菲")
    assert len(mine) == 1 and "价签" in mine[0].task
    assert mine[0].deadline == "2026-06-11"
    assert not owned_by(got, "社长老谭")  # the answer is no to-do of its own


def test_then_i_take_it_is_due_on_the_day_the_message_before_names():
    got = _actions(
        "社长老谭|6月20日周六上午烘焙义卖，在社区广场",
        "社长老谭|面粉厂说周五才有新到的高筋粉",
        "小葛|那我来订",
    )
    mine = owned_by(got, "小葛")
    assert len(mine) == 1 and mine[0].deadline == "2026-06-12"


def test_then_i_take_it_borrows_no_event_day():
    got = _actions(
        "社长老谭|各位，烘焙义卖定在6月20日周六上午，在社区广场",
        "小葛|那我来订",
    )
    mine = owned_by(got, "小葛")
    assert all(a.deadline is None for a in mine)


def test_a_joint_offer_takes_the_call_on_for_both_and_the_callers_yes_dates_it():
    got = _actions(
        "组长阿彬|6月21日周日早上7点清扫河堤，桥头集合",
        "组长阿彬|垃圾钳谁去居委会领？",
        "大侠|我跟小林一起",
        "组长阿彬|好，活动前两天领回来",
    )
    both = owned_by(got, "大侠和小林")
    assert len(both) == 1
    assert "垃圾钳" in both[0].task and both[0].deadline == "2026-06-19"
    assert not owned_by(got, "组长阿彬")


def test_the_givers_yes_to_you_both_dates_a_joint_offer():
    got = _actions(
        "组长阿彬|6月21日周日早上7点清扫河堤，桥头集合",
        "大侠|横幅我和小林一起负责",
        "组长阿彬|行，你们俩活动前一天挂好",
    )
    both = owned_by(got, "大侠和小林")
    assert len(both) == 1 and both[0].deadline == "2026-06-20"


def test_work_that_goes_as_usual_is_the_named_members():
    got = _actions(
        "班主任周老师|6月26日周五下午班级合唱汇演，在学校礼堂",
        "班主任周老师|伴奏老规矩，还是琪琪妈弄",
        "琪琪妈|没问题，汇演前一天发群里",
    )
    mine = owned_by(got, "琪琪妈")
    assert len(mine) == 1 and "伴奏" in mine[0].task and mine[0].deadline == "2026-06-25"


def test_the_owner_handing_work_on_by_name_moves_it():
    got = _actions(
        "馆长老梁|6月27日周六下午换书会，在社区书吧",
        "馆长老梁|@阿宁 书目表你来整理，周五前",
        "阿宁|好",
        "阿宁|哎我周四要出差，书目表换小林吧",
        "小林|可以",
    )
    assert not owned_by(got, "阿宁")
    theirs = owned_by(got, "小林")
    assert len(theirs) == 1 and "书目表" in theirs[0].task and theirs[0].deadline == "2026-06-12"


def test_a_callers_yes_dates_an_offer_that_names_its_work_and_counts_back_from_the_event():
    got = _actions(
        "園長Winnie|６月１９號星期五下晝幼稚園畢業禮，禮堂派糖",
        "園長Winnie|糖果邊個去買？",
        "Zoe媽媽|糖果我同阿俊一齊去買",
        "園長Winnie|好，派糖前兩日買齊",
    )
    both = owned_by(got, "Zoe媽媽和阿俊")
    assert len(both) == 1 and both[0].deadline == "2026-06-17"


def test_dangri_is_the_event_day():
    got = _actions(
        "園長Winnie|６月１９號星期五下晝幼稚園畢業禮，喺禮堂",
        "園長Winnie|＠阿俊 當日你負責影相",
        "阿俊|OK",
    )
    mine = owned_by(got, "阿俊")
    assert len(mine) == 1 and mine[0].deadline == "2026-06-19"

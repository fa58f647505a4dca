"""Round 40 (d13c40): work handed over after a refusal, deadlines read against their own clause.

(1) a task its owner refuses ("这周我出差，弄不了") goes to the one who takes it over right after ("我来吧",
"那小丁你接一下") with its work and its date, even when the taker says no date of their own; (2) a closing time
("图书室5点半关门") is no deadline, and a bare half hour before a closing word is the afternoon's; (3) the end of a
weekly slot ("每周三下午3点到5点") is no deadline; (4) "前一天" / "前一晚" opening a clause counts back from the
event under discussion; (5) a change told with an exclamation ("周日的活动换地方了！") keeps where it moved to.

Every chat below was written for these tests (a knitting circle, a community garden shed, a choir of retirees,
a kite festival); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import date, datetime

from chat_lines import chat_notes, owned_by

from copilot.notes.dates import find_deadline

TUESDAY = datetime(2026, 12, 1, 19, 0)  # a Tuesday evening


def test_a_refused_task_goes_to_the_one_who_takes_it_with_its_date() -> None:
    notes = chat_notes(
        "组长老葛|下周的编织集市，@阿芳 你周四前把毛线样品册带到活动室",
        "阿芳|组长，这周我出差去外地，周四前弄不了",
        "小丁|我来带吧",
        "组长老葛|好，辛苦小丁",
        start=TUESDAY)
    owners = {a.owner: a for a in notes.actions}
    assert "阿芳" not in owners
    taken = owners["小丁"]
    assert "样品册" in taken.task
    assert taken.deadline == "2026-12-03"


def test_the_giver_can_name_the_taker() -> None:
    notes = chat_notes(
        "馆长|园艺工具棚的锁坏了，@老吴 你明天找人换一把新锁",
        "老吴|馆长，明天我要去医院做检查，去不了",
        "馆长|那小丁你接一下？",
        "小丁|好的",
        start=TUESDAY)
    owners = {a.owner: a for a in notes.actions}
    assert "老吴" not in owners
    assert "锁" in owners["小丁"].task and owners["小丁"].deadline == "2026-12-02"


def test_a_closing_time_is_no_deadline() -> None:
    when = datetime(2026, 12, 1, 10, 0)
    assert find_deadline("图书室下午5点半关门，周末不开", when) is None
    found = find_deadline("好，明天下午过去，街道办4点半下班我会赶在之前", when)
    assert found is not None and found.iso == "2026-12-02"
    marked = find_deadline("材料4点半下班前交到街道办", when)
    assert marked is not None and marked.iso == "2026-12-01 16:30"


def test_the_end_of_a_weekly_slot_is_no_deadline() -> None:
    found = find_deadline("合唱排练还是每周三下午3点到5点，我负责订教室", TUESDAY)
    assert found is None or found.day is None  # the weekly time's words at most, never one date


def test_the_eve_of_the_event_opens_a_clause() -> None:
    found = find_deadline("前一天晚上小秦在群里说风大不大", TUESDAY, event=date(2026, 12, 13))
    assert found is not None and found.iso == "2026-12-12"
    assert find_deadline("前一天晚上小秦在群里说风大不大", TUESDAY) is None  # no event: no date


def test_a_change_told_with_an_exclamation_keeps_where_it_moved() -> None:
    notes = chat_notes(
        "会长|通知：这周日的风筝节换地方了！河滩在涨水，改到奥体中心南广场，时间不变",
        "小秦|收到",
        start=TUESDAY)
    assert any("奥体中心南广场" in a.text for a in notes.announcements)


def test_a_recap_roster_is_no_work() -> None:
    notes = chat_notes(
        "队长|今天的事情定下来了",
        "队长|小结：12月13日联赛，上场的是我、阿亮、小周、大刘，候补老孟。",
        "阿亮|好",
        start=TUESDAY)
    assert notes.actions == []


def test_a_guest_coming_is_not_their_work() -> None:
    notes = chat_notes("队长|下个月7日请了退役球员David来，限40人", "阿亮|太好了", start=TUESDAY)
    assert all(a.owner != "David" for a in notes.actions)


def test_introducing_a_friend_is_no_work() -> None:
    notes = chat_notes(
        "会长|周日上午放风筝，地点还是奥体中心南广场",
        "小秦|这是我朋友老梁，做木工的，拉进来一起玩",
        "会长|欢迎老梁",
        start=TUESDAY)
    assert all(a.owner != "小秦" for a in notes.actions)


def test_the_time_in_the_works_own_clause() -> None:
    when = datetime(2026, 12, 1, 21, 0)
    found = find_deadline("阿亮明天把球网送到体育馆，下周六下午3点体育馆二楼比赛", when)
    assert found is not None and found.iso == "2026-12-02"


def test_a_busy_refusal_releases_the_task_and_the_named_taker_has_it() -> None:
    notes = chat_notes(
        "会长|各位，周日风筝节的准备说一下",
        "会长|第一件，要跟公园管理处确认草坪的使用时间，@老吴 你明天打电话问一下",
        "老吴|这周我在外地开会，电话经常静音，怕耽误事",
        "小秦|那我来问吧，我认识管理处的人",
        "会长|行，小秦明天问清楚在群里说",
        start=TUESDAY)
    owners = {a.owner: a for a in notes.actions}
    assert "老吴" not in owners and "会长" not in owners
    assert "管理处" in owners["小秦"].task and owners["小秦"].deadline == "2026-12-02"


def test_a_weekly_slot_gives_a_to_do_no_date() -> None:
    notes = chat_notes(
        "团长|下个月的合唱排练说一下",
        "老孟|教室我负责续订，还是每周三下午3点到5点，每次80元",
        "团长|好",
        start=TUESDAY)
    mine = owned_by(notes.actions, "老孟")
    assert mine and all(a.deadline is None for a in mine)

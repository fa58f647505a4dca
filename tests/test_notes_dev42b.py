"""Round 42 (issue 13): task lists and 接龙 in notes; Deadline copies keep every flag."""

from __future__ import annotations

from datetime import datetime

from copilot.notes.dates import find_deadline

MONDAY = datetime(2026, 12, 28, 20, 0)


def test_range_end_beside_a_weekly_schedule_is_no_due_time() -> None:
    # the weekly slot is read again, and the copies made there must keep range_end: 5点 ends the work
    found = find_deadline("每周日上午练球，明天下午3点到5点我去球场划线", MONDAY, "每周日上午练球，明天下午3点到5点我去球场划线")
    assert found is not None and (found.day.isoformat(), found.clock) == ("2026-12-29", "15:00")


def test_range_end_in_a_weekly_message_with_an_evening_range() -> None:
    text = "每周六下午2点到5点训练，明天晚上7点到9点我在活动室整理器材"
    found = find_deadline(text, MONDAY, text)
    assert found is not None and found.clock == "19:00" and not found.range_end


# --- task lists: one to-do per item, its own owner, its own deadline or the list's ---
# (every chat below was written for these tests: a community garden, a book club, a summer camp, a dragon-boat
# team, a food bank; none is an eval chat)

from functools import partial  # noqa: E402

from chat_lines import chat_lines  # noqa: E402

from copilot.notes.noise import clean_noise, signup_header  # noqa: E402
from copilot.notes.todos import find_actions

TUESDAY = datetime(2026, 3, 3, 20, 0)
_msgs = partial(chat_lines, start=TUESDAY)


def _by_owner(actions):  # noqa: ANN001, ANN202
    return {a.owner: a for a in actions}


def test_numbered_items_each_get_their_own_owner_and_the_list_deadline() -> None:
    actions, _, _ = find_actions(_msgs(
        "园长老谢|春季播种日的分工：\n1. @小敏 买菜籽和营养土，周四前\n2. @阿强 修水管\n3. @王阿姨 做签到牌\n以上没写时间的，周六中午前弄好",
        "小敏|好的",
        "阿强|收到"))
    owners = _by_owner(actions)
    assert set(owners) == {"小敏", "阿强", "王阿姨"}
    assert owners["小敏"].deadline == "2026-03-05"  # its own 周四前
    assert owners["阿强"].deadline == owners["王阿姨"].deadline == "2026-03-07 12:00"  # the list's
    assert not any("没写时间" in a.task for a in actions)  # the list's deadline line is no to-do


def test_bulleted_items_with_the_name_at_the_end() -> None:
    actions, _, _ = find_actions(_msgs(
        "社长|读书会年会分工：\n• 场地布置：桌椅和投影，@晓光\n• 茶歇：@露露 周五前订好\n没写时间的都按下周一前完成",
        "晓光|行"))
    owners = _by_owner(actions)
    assert owners["晓光"].deadline == "2026-03-09" and "桌椅" in owners["晓光"].task
    assert owners["露露"].deadline == "2026-03-06"


def test_an_item_without_a_time_takes_none_when_the_list_gives_none() -> None:
    actions, _, _ = find_actions(_msgs(
        "队长|端午龙舟赛这周的事：\n一、队服 @阿凯 周五前订好\n二、鼓手 @小何\n三、租车的事我来问",
        "阿凯|收到"))
    owners = _by_owner(actions)
    assert owners["阿凯"].deadline == "2026-03-06"
    assert owners["小何"].deadline is None  # not 阿凯's Friday


def test_a_sign_up_matter_handed_to_someone_is_theirs() -> None:
    actions, _, _ = find_actions(_msgs(
        "营长|夏令营报名的事交给阿彬，周五前把名单给我",
        "阿彬|好的"))
    assert [a.owner for a in actions if "名单" in a.task] == ["阿彬"]


# --- 接龙: the latest copy stands, the older ones are dropped; the entries are no one's work ---

_JIELONG = "#接龙\n周六食物银行分拣 限8人\n1. 老陶\n2. 小芸"


def test_older_copies_of_a_sign_up_list_are_dropped_for_the_latest() -> None:
    kept, dropped = clean_noise(_msgs(
        "组织者老陶|" + _JIELONG,
        "小芸|周六几点到",
        "组织者老陶|@小芸 早上9点，仓库后门",
        "阿德|" + _JIELONG + "\n3. 阿德",
        "Momo|" + _JIELONG + "\n3. 阿德\n4. Momo（带个朋友）"))[:2]
    assert [d.id for d in dropped] == [0, 3]
    assert all(d.reason.startswith("接龙的旧版本") and "#4" in d.reason for d in dropped)
    actions, _, notices = find_actions(kept)
    assert not any("Momo" in a.task or "阿德" in a.task for a in actions)
    card = [n.text for n in notices if "接龙" in n.text or "分拣" in n.text]
    assert len(card) == 1 and "4. Momo（带个朋友）" in card[0] and "1. 老陶" in card[0]


def test_a_line_naming_a_sign_up_sheet_is_no_sign_up_list() -> None:
    assert signup_header("报名表我明天发群里") is None
    assert signup_header("报名表填好了吗\n我还没填") is None  # a question about the sheet
    assert signup_header("分拣接龙\n1. 老陶") == "分拣接龙"


def test_list_items_made_to_dos_leave_the_key_points_to_the_matter() -> None:
    from chat_lines import chat_notes  # noqa: PLC0415

    notes = chat_notes(
        "导演|年会小品1月20日晚7点在公司礼堂演出，这周的事排一下：\n一、剧本我周三前发群里\n二、道具 @小林 去买，周六前\n三、海报 @阿飞",
        "小林|收到",
        "阿飞|好的，我出两版",
        start=TUESDAY)
    points = " ".join(p.text for p in notes.key_points)
    assert "道具" not in points and "公司礼堂" in points
    assert {a.owner for a in notes.actions} >= {"小林", "阿飞"}


def test_items_numbered_after_a_semicolon_are_cut_apart() -> None:
    actions, _, _ = find_actions(_msgs(
        "团长|另外两件事：1. 小芳周六前把谱子打印好；2. 周四排练大家提前十分钟到",
        "小芳|好的"))
    task = _by_owner(actions)["小芳"].task
    assert "谱子" in task and "排练" not in task
    from copilot.notes.pairing import items

    # (the item's number is no part of it: "2. 周四…" was read as a sentence opening with "2.")
    assert items("另外两件事：1. 小芳周六前把谱子打印好；2. 周四排练大家提前十分钟到，小周你来带热身")[-1].startswith("周四")

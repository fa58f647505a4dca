"""Round 42 (issue 13): an answer's terms are no to-dos; short list items are.

- A reply's clause that states the condition a request comes with ("不用预约，但要提前两天把健康声明发我") is a term
  told to the asker, not work they took on (cue action.answer_terms) — unless it turns to them with 你.
- A reply whose 我 only receives ("票根拍照给我报销") gives its speaker no work.
- An item of a numbered task list with one @member is that member's share whatever its words ("茶歇 @大卫"), and the
  list's "以上…前" line dates it.
- A tab-separated export whose sample the CSV sniffer cannot read (a quoted field over several lines) is read by its
  header line's separator.

Every chat below was written for these tests (a yoga studio, a class trip, a wine-tasting club, a book swap);
none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, owned_by

from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions

START = datetime(2026, 3, 2, 20, 0)  # a Monday evening: 周三 03-04, 周四 03-05

_msgs = partial(chat_lines, start=START)


def _owners(actions):
    return sorted((a.owner, a.task, a.deadline) for a in actions)


def test_the_terms_an_answer_states_are_no_to_do_of_the_asker():
    actions, _, _ = find_actions(_msgs(
        "阿宁|第一次来体验要预约吗",
        "教练老何|@阿宁 不用预约，但要提前两天把健康声明发我",
    ))
    assert not owned_by(actions, "阿宁")


def test_an_answer_that_turns_to_the_asker_with_you_still_gives_work():
    actions, _, _ = find_actions(_msgs(
        "阿宁|第一次来体验要预约吗",
        "教练老何|@阿宁 不用预约，但你周三前把健康声明发我",
    ))
    assert [a.deadline for a in actions if a.owner == "阿宁"] == ["2026-03-04"]


def test_a_receiver_in_an_answer_takes_no_work_on():
    actions, _, _ = find_actions(_msgs(
        "小米|门票钱怎么算",
        "班长阿坤|先各自垫着，票根拍照给我报销",
    ))
    assert not owned_by(actions, "班长阿坤")


def test_short_list_items_with_one_member_each_are_their_to_dos_with_the_list_date():
    actions, _, _ = find_actions(_msgs(
        "社长Vera|品酒会分工：\n1. 酒杯和醒酒器 @阿Ben\n2. 奶酪拼盘 @小雅\n3. 茶歇 @大卫\n以上周四前都弄好",
        "小雅|收到",
    ))
    got = _owners(actions)
    assert ("小雅", "奶酪拼盘", "2026-03-05") in got
    assert ("大卫", "茶歇", "2026-03-05") in got
    assert ("阿Ben", "酒杯和醒酒器", "2026-03-05") in got


def test_a_list_item_naming_a_thing_of_a_name_shape_stays_the_mentioned_members():
    actions, _, _ = find_actions(_msgs(
        "团长阿May|周六书市摆摊带的东西：\n1. 书签和小卡 @豆豆\n2. 折叠桌 @老周\n以上周四前准备好",
        "豆豆|好的",
    ))
    assert ("豆豆", "书签和小卡", "2026-03-05") in _owners(actions)
    assert not owned_by(actions, "小卡")


def test_a_tab_separated_export_with_a_multi_line_field_is_read_by_its_header():
    text = ("时间\t发送人\t内容\n"
            "2026-03-02 20:00\t阿桂\t周六换书会，地点社区图书角\n"
            '2026-03-02 20:01\t阿桂\t"带书须知：\n1. 每人最多5本\n2. 教辅不收"\n'
            "2026-03-02 20:02\t小树\t好的\n")
    t = parse_text(text, "换书会.tsv", suffix=".tsv")
    assert [m.speaker for m in t.messages] == ["阿桂", "阿桂", "小树"]
    assert "每人最多5本" in t.messages[1].text

"""Round 43 (dev43a): owners and deadlines of work shared out to several members.

(1) a message @-addressed to several members that lists as many pieces of work and shares them out one each
(分别 / 按顺序 / 一人一样) gives each member their piece, in the order they were named, with the list's deadline;
(2) a later line of the one who gave work out that opens with the work's name and then a time ("横幅周五前挂好")
dates that to-do and is no to-do for anyone else; (3) a full-width ＠ addresses a member as @ does.

Every chat below was written for these tests (a residents' patrol, a dragon-dance troupe, a hiking club);
none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.todos import find_actions

START = datetime(2026, 3, 2, 20, 0)  # a Monday evening

_msgs = partial(chat_lines, start=START)


def _owned(msgs) -> dict[str, list[tuple[str, str | None]]]:
    actions, _, _ = find_actions(msgs)
    out: dict[str, list[tuple[str, str | None]]] = {}
    for a in actions:
        out.setdefault(a.owner or "", []).append((a.task, a.deadline))
    return out


# --- (1) a list shared out one each ---

def test_a_list_shared_out_gives_each_member_named_their_piece_in_order() -> None:
    got = _owned(_msgs("周师傅|下个月庙会要出龙，3月21日周六上午在老街演",
                       "周师傅|@阿杰 @小梁 @胖虎 龙头修补、锣鼓、红绸，你们三个分别负责，庙会前三天弄好",
                       "阿杰|龙头我拿去给老师傅补",
                       "小梁|锣鼓没问题"))
    assert [t for t, _ in got["阿杰"]][0].startswith("龙头修补")
    assert any("锣鼓" in t for t, _ in got["小梁"]) and any("红绸" in t for t, _ in got["胖虎"])
    assert all(d == "2026-03-18" for who in ("阿杰", "小梁", "胖虎") for _, d in got[who])
    assert "大家" not in got


def test_a_list_without_a_word_sharing_it_out_is_not_split() -> None:
    got = _owned(_msgs("周师傅|@阿杰 @小梁 @胖虎 龙头修补、锣鼓、红绸，你们三个商量着弄，庙会前三天弄好"))
    assert "胖虎" not in got  # no 分别/按顺序: who does which is not said


def test_a_list_of_another_length_than_the_members_named_is_not_split() -> None:
    got = _owned(_msgs("周师傅|@阿杰 @小梁 龙头修补、锣鼓、红绸，你们分别负责，庙会前三天弄好"))
    assert "小梁" not in got or not any("红绸" in t and "锣鼓" not in t for t, _ in got["小梁"])


# --- (2) the giver names the work again with its time ---

def test_the_giver_naming_the_work_again_dates_it_and_gives_no_one_else_work() -> None:
    got = _owned(_msgs("老许|@阿芬 横幅你来做吧",
                       "阿芬|好",
                       "老许|横幅这周内挂到小区门口"))
    assert got["阿芬"] == [(got["阿芬"][0][0], "2026-03-08")]
    assert set(got) == {"阿芬"}


def test_a_line_naming_the_work_of_no_one_given_it_stays_a_to_do_of_its_own() -> None:
    got = _owned(_msgs("老许|@阿芬 横幅你来做吧",
                       "阿芬|好",
                       "老许|传单这周内贴到各单元门口"))
    assert "阿芬" in got and all(d is None for _, d in got["阿芬"])


# --- (3) a full-width at sign ---

def test_a_full_width_at_sign_addresses_the_member() -> None:
    got = _owned(_msgs("登山社阿宏|週六走七星山，早上七點集合",
                       "阿宏|＠小玟 保險你來處理，週四前"))
    assert any("保險" in t for t, _ in got.get("小玟", []))


# --- (4) the volunteer named, then the time ---

def test_the_giver_naming_the_volunteer_then_a_time_dates_the_volunteers_work() -> None:
    got = _owned(_msgs("周师傅|3月21日周六上午在老街舞龙",
                       "周师傅|锣鼓谁能去文化站借？",
                       "阿杰|我可以",
                       "周师傅|那阿杰舞龙前一天借回来"))
    assert [d for _, d in got["阿杰"]] == ["2026-03-20"]


# --- (5) days named with a word: a rehearsal, and "X那天" ---

def test_a_rehearsals_day_is_not_the_day_the_event_counts_from() -> None:
    got = _owned(_msgs("林老师|3月28日周六晚上在区文化馆演出",
                       "林老师|彩排定在3月21日周六下午，文化馆二楼",
                       "林老师|@小叶 谱架你去借一下",
                       "小叶|好",
                       "林老师|谱架演出前一天送到文化馆"))
    assert [d for _, d in got["小叶"]] == ["2026-03-27"]


def test_work_due_on_the_day_an_earlier_message_names_takes_that_day() -> None:
    got = _owned(_msgs("林老师|3月28日周六晚上在区文化馆演出",
                       "林老师|彩排定在3月21日周六下午，文化馆二楼",
                       "林老师|新谱子还差二十份，谁来复印？",
                       "小叶|我吧",
                       "林老师|好，小叶彩排那天带来"))
    assert [d for _, d in got["小叶"]] == ["2026-03-21"]


# --- (6) a line broken off and taken back ---

def test_what_the_writer_broke_off_and_took_back_is_no_to_do() -> None:
    got = _owned(_msgs("林老师|4月11日周六演出",
                       "林老师|演出服大家这周内……不对，要先量尺寸，大家下周三前把尺寸发给小叶"))
    assert [d for _, d in got["大家"]] == ["2026-03-11"]


def test_a_plain_no_in_a_line_takes_nothing_back() -> None:
    got = _owned(_msgs("林老师|4月11日周六演出",
                       "林老师|演出服大家这周内交上来，尺寸不对的找小叶改"))
    assert [d for _, d in got["大家"]] == ["2026-03-08"]

"""Round 68 (d13d68): deadlines counted from the right day. A pasted chat's day separator dates the lines under it
during that day, not at midnight (when 「明天」 would be the same day); a member's reply that is only a date, under a
question asking which day, names the day of what is planned, not the day the lines under it are written."""

from __future__ import annotations

from datetime import date

from copilot.notes.dates import assumed_days
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze

SEPARATED = """—— 3月16日 周一 ——
社长阿敏：周末的桌游夜还在老地方吗
小北：在的，还是二楼活动室
社长阿敏：@小北 你明天把要借的桌游清单发群里
小北：好
—— 3月17日 周二 ——
小北：清单发了，一共八款
阿杰：我后天前把零食的钱转给社长
社长阿敏：收到
"""

REPLY = """小雨：这学期的家长开放日定在哪天？
班主任王老师：4月18日 周六
小雨：那我这周五前把志愿者名单报给王老师
阿杰：今天周二，我明天去问问礼堂能不能借
班主任王老师：好的，阿杰后天前把结果告诉我
"""


def _due(text: str) -> dict[str, str | None]:
    return {a.owner: a.deadline for a in analyze(parse_text(text, "paste.txt")).actions}


def test_lines_under_a_day_separator_are_said_during_that_day() -> None:
    transcript = parse_text(SEPARATED, "paste.txt")
    assert [m.time.date() for m in transcript.messages if m.time] == [date(2026, 3, 16)] * 4 + [date(2026, 3, 17)] * 3
    assert all(m.time is not None and m.time.hour >= 6 for m in transcript.messages)  # never the small hours


def test_tomorrow_under_a_day_separator_is_the_next_day() -> None:
    due = _due(SEPARATED)
    assert (due.get("小北") or "").startswith("2026-03-17")  # 明天, said on the 16th
    assert (due.get("阿杰") or "").startswith("2026-03-19")  # 后天前, said on the 17th


def test_a_date_answering_which_day_is_no_day_header() -> None:
    texts = [("这学期的家长开放日定在哪天？", None), ("4月18日 周六", None), ("那我这周五前把名单报给王老师", None)]
    days = assumed_days(texts, near=2026)
    # 2026-04-18 is a Saturday: the chat is the week before it, not that Saturday
    assert days[2] is not None and not days[2].header and days[2].today < date(2026, 4, 18)
    # the same line with no question above it still dates the lines under it
    alone = assumed_days([("家长开放日的事大家准备好", None), ("4月18日 周六", None), ("名单周五前报给我", None)],
                         near=2026)
    assert alone[2] is not None and alone[2].header and alone[2].today == date(2026, 4, 18)


def test_a_pasted_chat_with_a_date_reply_counts_from_the_day_it_tells() -> None:
    due = _due(REPLY)
    assert (due.get("小雨") or "").startswith("2026-04-10")  # 这周五: the Friday of the week told (周二 = 4月7日)
    asked = sorted((a.deadline or "")[:10] for a in analyze(parse_text(REPLY, "paste.txt")).actions if a.owner == "阿杰")
    assert asked == ["2026-04-08", "2026-04-09"]  # 明天 and 后天前, from Tuesday 4月7日


ASKED = """[2026-05-11 20:01] 社长老周: @阿芳 这期的共读书单你来整理一下
[2026-05-11 20:02] 阿芳: 好的，几号前要？
[2026-05-11 20:03] 社长老周: 周五前吧
[2026-05-11 20:05] 小林: 下次活动我想带个朋友来
"""


def test_a_bare_when_after_a_yes_takes_the_answers_time() -> None:
    due = _due(ASKED)
    assert (due.get("阿芳") or "").startswith("2026-05-15")  # 周五前, told in the line after her question
    # the same bare "when" asked by another member dates nothing of hers
    other = ASKED.replace("阿芳: 好的，几号前要？", "小林: 好的，几号前要？")
    assert _due(other).get("阿芳") is None

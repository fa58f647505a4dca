"""Round 58 (issue 13: a date told for another matter is not a to-do's deadline).

- "婚期确定是2029年10月6日，请帖我这边按这个日子去印": the date closes a clause about the wedding, the work is told in a
  clause of its own — the to-do is kept, with no deadline (dates.other_matter).
- A time that opens its clause ("10月6日，大家把表交给我"), a marked one ("10月6日前") and one with the work after it
  ("10月6日把名单发我") stay the work's own time.

Every chat below was written for these tests (a wedding, a photo club, a school trip); none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure, owned_by

from copilot.notes.dates import find_deadline, other_matter

START = datetime(2029, 9, 4, 20, 0)  # a Tuesday evening


def _actions(*lines: str):
    return chat_structure(*lines, start=START).actions


def test_the_wedding_day_is_not_the_invitations_deadline():
    got = _actions(
        "策划-小米|各位，婚礼定在10月6日周六中午，地点滨江酒店三楼宴会厅",
        "新娘阿静|收到，辛苦小米",
        "策划-小米|婚期确定是2029年10月6日，请帖我这边按这个日子去印",
        "策划-小米|@新郎大伟 宾客名单下周一前发我，我好排桌",
        "新郎大伟|收到，下周一前发你",
    )
    mine = owned_by(got, "策划-小米")
    assert any("请帖" in a.task for a in mine)
    assert all(a.deadline is None for a in mine if "请帖" in a.task)
    groom = owned_by(got, "新郎大伟")
    assert groom and groom[0].deadline == "2029-09-10"


def test_a_date_of_another_matter_at_a_clause_end():
    said = "影展定在12月9日，作品我这边先收着"
    found = find_deadline("影展定在12月9日", START)
    assert found is not None and other_matter(found, said)


def test_the_works_own_date_is_kept():
    for text in ("10月6日，大家把表交给我", "名单10月6日前发我", "10月6日把名单发我"):
        found = find_deadline(text, START)
        assert found is not None and found.day is not None and found.day.isoformat() == "2029-10-06", text
        assert not other_matter(found, text), text


def test_an_hour_or_a_weekday_stays_when_someone_acts():
    text = "集合时间是周六上午8点，名单我来收"
    found = find_deadline("集合时间是周六上午8点", START)
    assert found is not None and not other_matter(found, text)


# A time said again in other words ("…，就是北京时间…"): the restated time is the group's, its zone word kept.
TOKYO = datetime(2029, 9, 10, 10, 0)  # a Monday morning, export in +08:00


def test_a_restated_time_in_the_groups_zone_is_the_deadline():
    found = find_deadline("大阪客户的手册日译中，东京时间9月14日下午3点交稿，就是北京时间9月14日下午2点", TOKYO)
    assert found is not None and found.iso == "2029-09-14 14:00"
    assert found.text.startswith("北京时间")


def test_a_restated_deadline_keeps_its_mark():
    found = find_deadline("周五前交，也就是9月14日前", TOKYO)
    assert found is not None and found.marked and found.iso == "2029-09-14"


def test_two_times_without_a_restatement_stay_apart():
    found = find_deadline("明天下午3点交稿，周五下午开会", TOKYO)
    assert found is not None and found.iso == "2029-09-11 15:00"


def test_the_restated_time_wins_in_a_chat():
    got = chat_structure(
        "PM-Grace|新项目：东京客户的游戏文本，8,000字，东京时间9月14日中午12点交，就是北京时间9月14日上午11点",
        "小野|这个我来，日语我熟",
        "PM-Grace|好，小野负责，三天内交初稿，也就是9月13日上午11点前",
        start=TOKYO,
    ).actions
    mine = owned_by(got, "小野")
    assert mine and all(a.deadline != "2029-09-14 12:00" for a in mine)

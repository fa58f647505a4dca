"""Round 66 (d13f66): a chat without dated messages that says which day it is written on ("今天周四", "明天（12月12日）",
"今天都12号了", "后天就是礼拜六") counts 明天/后天 from that day, not from the Monday of the planned event's week."""

from __future__ import annotations

from datetime import date

from copilot.notes.dates import assumed_day_note, assumed_days
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze

GARDEN = """园艺社-周姐：各位社员，冬季花市定在12月19日周六上午9点，在街心公园东门。
阿芳：要带花盆吗
园艺社-周姐：今天周四了，@阿芳 报名表你明天下午5点前收齐
阿芳：好的
园艺社-周姐：@老吴 后天上午前把多肉从苗圃拉回来
老吴：行
"""


def _days(*lines: str) -> list[date | None]:
    return [d.today if d else None for d in assumed_days([(t, None) for t in lines], near=2026)]


def test_today_and_its_weekday_set_the_day_within_the_events_week() -> None:
    # 12月19日 is a Saturday in 2026; the chat is taken as written the week before, on its Thursday
    assert _days("冬季花市定在12月19日周六上午9点", "今天周四了，报名表明天下午5点前收齐") == [date(2026, 12, 10)] * 2
    # without such a line it is that week's Monday, as before
    assert _days("冬季花市定在12月19日周六上午9点", "报名表明天下午5点前收齐") == [date(2026, 12, 7)] * 2


def test_a_day_word_with_its_date_or_weekday_counts_back_from_it() -> None:
    assert _days("年終聚餐訂在12月20日週日晚上6點", "明天（12月12日）晚上8點前回覆給我") == [date(2026, 12, 11)] * 2
    assert _days("下周日（12月20日）上午10点包饺子", "后天就是礼拜六了，面粉明天晚上前订好") == [date(2026, 12, 10)] * 2
    assert _days("年终比赛定在12月26日周六下午2点", "今天都12号了，后天晚上10点前报名") == [date(2026, 12, 12)] * 2
    assert _days("花市定在12月19日周六", "名单周五（明天）前交给我") == [date(2026, 12, 10)] * 2


def test_an_hour_or_an_event_day_word_tells_no_day_of_the_chat() -> None:
    # 今天12点 is an hour; 当天周六 is the event's day, not the chat's
    assert _days("花市定在12月19日周六", "今天12点前把名单发我") == [date(2026, 12, 7)] * 2
    assert _days("花市定在12月19日周六", "当天周六早上7点集合") == [date(2026, 12, 7)] * 2


def test_a_pasted_chat_counts_its_relative_deadlines_from_the_told_day_and_says_so() -> None:
    transcript = parse_text(GARDEN, "garden.txt")
    assert all(m.time is None for m in transcript.messages)
    due = {a.owner: a.deadline for a in analyze(transcript).actions}
    assert due.get("阿芳") == "2026-12-11 17:00"
    assert (due.get("老吴") or "").startswith("2026-12-12")
    note = assumed_day_note([(m.text, m.time) for m in transcript.messages], near=2026)
    assert note is not None and "今天周四" in note and "12月10日" in note and "那一周" not in note


PASTED_NO_DAY = """园艺社-周姐：各位社员，冬季花市定在12月19日周六上午9点，在街心公园东门。
园艺社-周姐：@阿芳 报名表你明天下午5点前收齐
阿芳：好的
"""


def test_the_eval_tells_how_far_the_chats_own_day_is_from_the_assumed_one() -> None:
    from copilot.evals import notes as ev
    from copilot.notes.model import ActionItem, Notes

    spec = ev.ChatSpec.model_validate({
        "format": "pasted", "script": "zh-Hans", "date": "2026-12-10", "session_type": "话题讨论",
        "actions": [{"owner": "阿芳", "task": ["报名表"], "deadline": "2026-12-11 17:00", "deadline_text": "明天下午5点前"}]})
    # no line says the day: counted from Monday 7 December, the chat's own Thursday is three days later
    notes = Notes(title="冬季花市", date="2026-12-07", session_type="话题讨论", actions=[
        ActionItem(task="报名表收齐", owner="阿芳", deadline="2026-12-08 17:00", sources=[2])])
    s = ev.score_notes(notes, parse_text(PASTED_NO_DAY, "garden.txt"), spec)
    assert s.why.get("deadlines/other_date_undated_other_day_ahead2_6") == 1
    assert set(s.why) <= set(ev.WHY_LABELS)

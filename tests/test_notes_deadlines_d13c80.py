"""Round 80 (d13c80, issue 13): deadlines read from the line that set the day.

- a to-do's bare weekday after a line that settled that weekday with its week word ("那就定下周二上午和下周六上午" —
  "周二老邓和阿蕾去刘奶奶家，周六小蒋和我去周奶奶家") is the settled week's day, not this week's; a weekday said
  with 这周 keeps this week, a bare weekday with no settled line keeps its reading, and a due time (周六前) is left alone;
- a setting-up to-do due by a bare hour shortly before the event's own hour ("12月5日（周六）下午2点" — "布置的事
  1点半前弄好就行") is due on the event's day; work that is no setting up ("报名表12点前发我") and an hour far from the
  event's ("节目单今晚8点前发我") keep the day they were said.
"""

from pathlib import Path

import pytest

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes.summarize import summarize_file


def _actions(tmp_path: Path, day: str, lines: list[tuple[str, str, str]]) -> dict[str, str | None]:
    """The notes' to-dos of a WeChat export (time, speaker, text) on ``day``: each to-do's text → its deadline."""
    chat = "\n\n".join(f"{day} {t} {who}\n{text}" for t, who, text in lines) + "\n"
    path = tmp_path / "chat.txt"
    path.write_text(chat, encoding="utf-8")
    settings = get_settings()
    notes = summarize_file(path, settings, get_engine(settings, prefer="offline")).notes
    return {a.task: a.deadline for a in notes.actions}


def _due(actions: dict[str, str | None], word: str) -> str | None:
    found = [d for task, d in actions.items() if word in task]
    assert found, f"no to-do with {word}: {list(actions)}"
    return found[0]


VISITS = [
    ("19:30:12", "社工-小林", "各位志愿者，这个月探访独居老人的时间大家商量一下"),
    ("19:32:05", "阿蕾", "下周二和下周六我都有空"),
    ("19:33:30", "社工-小林", "那就定下周二上午和下周六上午，都是9点在社区中心门口集合"),
    ("19:35:10", "社工-小林", "周二老邓和阿蕾去刘奶奶家送米和油，周六小蒋和我去周奶奶家打扫卫生"),
    ("19:36:02", "小蒋", "收到"),
]


def test_a_bare_weekday_after_the_settled_week_is_that_weeks_day(tmp_path: Path) -> None:
    got = _actions(tmp_path, "2026-12-01", VISITS)  # a Tuesday
    assert _due(got, "周奶奶") == "2026-12-12"  # 下周六, not this Saturday (12-05)
    assert _due(got, "刘奶奶") == "2026-12-08"


def test_without_the_settled_line_a_bare_weekday_keeps_this_week(tmp_path: Path) -> None:
    # hard negative: nobody settled 下周六 — 周六 is this Saturday
    lines = [VISITS[0], ("19:35:10", "社工-小林", "周六小蒋你去周奶奶家打扫一下卫生"), VISITS[4]]
    assert _due(_actions(tmp_path, "2026-12-01", lines), "周奶奶") == "2026-12-05"


def test_a_weekday_said_with_this_week_stays_this_week(tmp_path: Path) -> None:
    # hard negative: 这周六 after 下周六 was settled is this Saturday
    lines = [*VISITS[:3], ("19:37:45", "社工-小林", "这周六小蒋先去街道办把慰问品领回来"), VISITS[4]]
    assert _due(_actions(tmp_path, "2026-12-01", lines), "慰问品") == "2026-12-05"


def test_a_settled_week_in_cantonese_moves_the_bare_weekdays(tmp_path: Path) -> None:
    lines = [
        ("20:11:00", "隊長-阿Ben", "定咗下個禮拜四晚上開會對路線，下個禮拜六行麥理浩徑，朝早8點西貢碼頭集合"),
        ("20:13:00", "Kelly", "好呀，我得閒"),
        ("20:14:00", "隊長-阿Ben", "禮拜四Kelly帶埋人數表同緊急聯絡電話嚟開會，禮拜六阿輝負責帶水同乾糧"),
        ("20:15:00", "阿輝", "OK"),
    ]
    got = _actions(tmp_path, "2026-12-02", lines)  # a Wednesday
    assert _due(got, "人數表") == "2026-12-10"
    assert _due(got, "乾糧") == "2026-12-12"


PARTY = [
    ("10:02:15", "会长-阿芳", "年终联欢会定在12月5日（周六）下午2点，社区活动室，大家记一下"),
    ("10:04:40", "小郑", "场地布置谁来？"),
    ("10:05:30", "会长-阿芳", "小郑和阿杰负责布置，布置的事1点半前弄好就行"),
    ("10:06:10", "阿杰", "没问题"),
]


def test_setting_up_by_a_bare_hour_before_the_event_is_due_on_its_day(tmp_path: Path) -> None:
    assert _due(_actions(tmp_path, "2026-11-21", PARTY), "布置") == "2026-12-05 13:30"


def test_a_morning_opening_reads_the_hour_before_it_in_the_morning(tmp_path: Path) -> None:
    lines = [
        ("20:01:10", "班主任-陈老师", "家长们，学校的冬季义卖会定在12月12号（星期六）上午，9点开门"),
        ("20:04:50", "班主任-陈老师", "摊位由乐乐妈妈负责搭，8点半前搭好就行"),
        ("20:05:30", "乐乐妈妈", "好的"),
    ]
    assert _due(_actions(tmp_path, "2026-11-24", lines), "摊位") == "2026-12-12 08:30"


@pytest.mark.parametrize(("text", "due"), [
    ("小郑把报名表12点前发我，我中午统计人数", "2026-11-21 12:00"),  # no setting up: today's noon
    ("小郑今晚8点前把节目单发我", "2026-11-21 20:00"),  # a day word of its own
    ("小郑负责布置，晚上8点前弄好", "2026-11-21 20:00"),  # the half of the day said, and after the party's hour
])
def test_other_bare_hours_keep_the_day_they_were_said(tmp_path: Path, text: str, due: str) -> None:
    lines = [*PARTY[:2], ("10:08:55", "会长-阿芳", text), ("10:09:30", "小郑", "好的")]
    got = _actions(tmp_path, "2026-11-21", lines)
    assert [d for task, d in got.items() if task in text] == [due]


def _export(tmp_path: Path, lines: list[tuple[str, str, str]]) -> dict[str, str | None]:
    """Like :func:`_actions`, for a chat over several days: (date and time, speaker, text)."""
    path = tmp_path / "chat.txt"
    path.write_text("\n\n".join(f"{t} {who}\n{text}" for t, who, text in lines) + "\n", encoding="utf-8")
    settings = get_settings()
    notes = summarize_file(path, settings, get_engine(settings, prefer="offline")).notes
    return {a.task: a.deadline for a in notes.actions}


MATCH = [
    ("2026-06-05 18:20:11", "刘教练", "各位家长好，下周六（6月13日）U10去佛山打篮球客场，比赛上午10点开始"),
    ("2026-06-05 18:47:30", "刘教练", "另外需要一位家长帮忙拍照录像，比赛视频我们要拿来复盘"),
]


def test_an_offer_handed_to_another_member_is_still_due_on_the_match_day(tmp_path: Path) -> None:
    lines = [*MATCH,
             ("2026-06-05 18:49:05", "阿豪爸", "录像我来 我有云台"),
             ("2026-06-05 18:49:50", "刘教练", "太好了，谢谢阿豪爸"),
             ("2026-06-06 09:40:02", "阿豪爸", "教练不好意思 我13号临时要出差 录像的事只能找别人了"),
             ("2026-06-06 09:42:15", "刘教练", "没事，还有家长能帮忙录像吗"),
             ("2026-06-06 09:45:30", "5号的妈妈", "我来吧 我手机拍就行 三脚架我有"),
             ("2026-06-06 09:46:02", "刘教练", "@5号的妈妈 好，谢谢！那录像改由子涵妈妈负责")]
    assert _due(_export(tmp_path, lines), "录像") == "2026-06-13"


def test_work_given_with_no_time_and_handed_on_stays_undated(tmp_path: Path) -> None:
    # hard negative: no one offered it — "@老陈 签到表你来整理吧" is given work with no time, handing it on gives none
    lines = [*MATCH,
             ("2026-06-05 18:50:10", "刘教练", "@老陈 签到表你来整理吧"),
             ("2026-06-05 18:51:00", "老陈", "好"),
             ("2026-06-06 09:46:02", "刘教练", "签到表改由小美负责，老陈那天要值班")]
    assert all(d is None for task, d in _export(tmp_path, lines).items() if "签到表" in task)


def test_a_due_time_with_its_lead_word_stays_before_the_settled_day(tmp_path: Path) -> None:
    # hard negative: 下周四 is the open day; "最晚周四给大家" is work leading up to it — this week's Thursday
    lines = [
        ("19:00:00", "孙老师", "各位家长好，下周四（12月10日）学校科技节，孩子们的作品会在礼堂展出"),
        ("19:02:00", "孙老师", "科技节要一份参观家长的名单，谁来帮忙整理一下？"),
        ("19:03:30", "米粒妈", "名单我来整理"),
        ("19:04:10", "米粒妈", "最晚周四给大家"),
    ]
    got = _actions(tmp_path, "2026-11-30", lines)  # a Monday
    assert _due(got, "名单") == "2026-12-03"

"""Round 79 (d13s79, issue 13 speed): a sentence with no time expression is answered "none" by the text alone
(``dates._timeless``), before the readings keyed by the message's time, the event's day and the next meeting's —
each message has its own time, so a sentence said again later was a new key there and read afresh. The answer must
be the full reading's for every text and every time: Simplified, Traditional, Cantonese, zero-width, noisy and very
long lines, with and without times; and a whole chat's notes must be the same when every text takes the long way."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes import dates
from copilot.notes.render import render_markdown
from copilot.notes.summarize import summarize_file
from copilot.textnorm import fold

ZW = "\u200b"
LONG = "，".join(["关于小区电梯停用三天我再强调一下", "等施工队排期", "这个我有意见", "每户分摊312元"] * 60)
LONG_TIMED = LONG + "，周五前交意见表"
TIMELESS = [
    "收到",
    "哈哈哈",
    "[图片]",
    "学到了，谢谢老师",
    "这个方法我们群也试过，效果不错。",
    "请问分享的整理稿什么时候发？",
    "兼职日结，加微信 abc123456 了解",
    "5号楼的朋友帮忙看下快递",  # a figure, no date
    "比例是3:1，按这个兑",  # a ratio, not a clock
    "阿強幫手搬枱，我負責買飲品",
    "大家出門注意安全",
    f"小{ZW}王负责{ZW}订场地",
    LONG,
]
TIMED = [
    "@阿梅 周五前把报名表发到群里",
    "小王负责订场地，老周周三前把横幅做好",
    "週六早上8點前到社區中心門口集合，你們記得帶水",
    "阿強聽日前過數，唔該",
    "下班前把发票拍给我",  # a part of the working day with 前, and nothing else
    "活动结束后两天内交照片",
    "海报出来后两天内转发",
    "12月20号前交材料",
    "下个月初把钱转我",
    "年底前把账结清",
    "比赛前一天晚上8点看风速",
    "下次聚会记得带上球拍",
    f"周{ZW}五前交{ZW}表",
    "今晚11点前转我",
    LONG_TIMED,
]
WHENS = [None, datetime(2026, 12, 7, 9, 30), datetime(2026, 12, 11, 21, 15), datetime(2027, 1, 30, 23, 59)]


@pytest.mark.parametrize("text", TIMELESS + TIMED)
@pytest.mark.parametrize("when", WHENS)
def test_located_is_the_full_reading_for_every_time(text: str, when: datetime | None) -> None:
    folded = fold(text)
    full = dates._located_timed.__wrapped__(folded, when, None, None)
    assert dates._located(folded, when) == full
    event = date(2026, 12, 19)
    assert dates._located(folded, when, event) == dates._located_timed.__wrapped__(folded, when, event, None)


@pytest.mark.parametrize("text", TIMELESS)
def test_timeless_lines_have_no_time_whatever_the_message_time(text: str) -> None:
    assert dates._timeless(fold(text))
    for when in WHENS:
        assert dates._located_timed.__wrapped__(fold(text), when, None, None) == ()
        assert dates.time_expressions(text, when) == []
        assert dates.find_deadline(text, when) is None


@pytest.mark.parametrize("text", TIMED)
def test_lines_with_a_time_are_not_timeless(text: str) -> None:
    assert not dates._timeless(fold(text))
    assert dates.time_expressions(text, WHENS[1])


def test_deadlines_on_realistic_lines() -> None:
    monday = datetime(2026, 12, 7, 9, 30)  # a Monday
    assert dates.find_deadline("@阿梅 周五前把报名表发到群里", monday).iso == "2026-12-11"
    assert dates.find_deadline("週六早上8點前到社區中心門口集合，你們記得帶水", monday).day == date(2026, 12, 12)
    assert dates.find_deadline(f"周{ZW}五前交{ZW}表", monday).iso == "2026-12-11"
    assert dates.find_deadline(LONG_TIMED, monday).iso == "2026-12-11"
    # the same words said again at a later message's time: read against that time, not the first one's
    assert dates.find_deadline("@阿梅 周五前把报名表发到群里", datetime(2026, 12, 14, 9, 0)).iso == "2026-12-18"
    assert dates.find_deadline("收到", monday) is None
    assert dates.find_deadline("5号楼的朋友帮忙看下快递", monday) is None


def test_returned_deadlines_are_copies() -> None:
    monday = datetime(2026, 12, 7, 9, 30)
    first = dates.time_expressions("小王负责订场地，老周周三前把横幅做好", monday)
    first[0].day = None
    assert dates.time_expressions("小王负责订场地，老周周三前把横幅做好", monday)[0].day == date(2026, 12, 9)


DEV = Path(__file__).resolve().parents[1] / "evals" / "notes" / "dev"
CHATS = ["dev40_trad_hk_dragonboat.txt", "dev42a_trad_wechat_taichi.txt", "dev78f_wechat_tennis_club_ad_dropped.txt",
         "dev78f_whatsapp_trad_hk_badminton_contact.txt"]


_CACHED = (dates._located_timed, dates._expressions, dates._timeless, dates._matches)


def _clear() -> None:
    for fn in _CACHED:
        fn.cache_clear()


@pytest.mark.parametrize("name", CHATS)
def test_a_chats_notes_are_the_same_when_every_text_takes_the_long_way(name: str, monkeypatch) -> None:
    path = DEV / name
    assert path.is_file(), f"{name}: the readable dev chat this test reads is gone (renamed?)"
    settings = get_settings()
    engine = get_engine(settings, prefer="offline")
    _clear()
    quick = render_markdown(summarize_file(path, settings, engine).notes, appendix=True)
    monkeypatch.setattr(dates, "_timeless", lambda folded: False)
    _clear()
    slow = render_markdown(summarize_file(path, settings, engine).notes, appendix=True)
    monkeypatch.undo()
    _clear()
    assert quick == slow


# -- the event under discussion and the event a line names before 前/那天 (read for every message, twice a chat) -----
CHAT = [
    ("年末发表会定在12月19日（六）下午2点，在社区中心礼堂", datetime(2026, 12, 7, 20, 0)),
    ("收到", datetime(2026, 12, 7, 20, 1)),
    ("发表会前一天下午大家来彩排，道具我带", datetime(2026, 12, 7, 20, 3)),
    ("哈哈哈 好的", datetime(2026, 12, 7, 20, 4)),
    ("發表會前三天把曲目表交給我", datetime(2026, 12, 7, 20, 6)),  # Traditional
    ("那天记得穿演出服", datetime(2026, 12, 7, 20, 8)),
    (f"场地那边{ZW}我再去问问", datetime(2026, 12, 8, 9, 0)),
    ("我下个月15号退租，押金怎么退？", datetime(2026, 12, 8, 9, 5)),  # a question tells no day
    ("园游会定在12月27日上午，在小学操场", datetime(2026, 12, 8, 9, 8)),
    ("园游会结束后三天内交照片", datetime(2026, 12, 8, 9, 10)),
    (LONG, datetime(2026, 12, 8, 10, 0)),
    ("另外团里的年终聚餐是12月29日", datetime(2026, 12, 8, 10, 5)),
    ("发表会前一天记得把谱子带齐", datetime(2026, 12, 8, 10, 10)),  # the show's day, not the fair's
    ("好", None),  # a line with no time of its own (an export without times)
]


def test_anchor_looks_first_for_its_marks() -> None:
    anchor = dates._anchor()
    assert [m.group(1) for m in anchor.finditer(fold("发表会前一天下午大家来彩排"))]
    assert [m.group(1) for m in anchor.finditer(fold("發表會前三天把曲目表交給我"))]
    assert list(anchor.finditer(fold("收到"))) == []
    assert list(anchor.finditer(fold(LONG))) == []
    for text, _ in CHAT:
        assert [m.span(1) for m in anchor.finditer(fold(text))] == [m.span(1) for m in anchor.rx.finditer(fold(text))]


def test_event_days_and_anchored_events_are_the_long_ways(monkeypatch) -> None:
    dates._event_days.cache_clear()
    events = dates.event_days(CHAT)
    quick = dates.anchored_events(CHAT, events)
    # the show is the event under discussion until the fair is told; a line naming the show before 前 keeps its day
    assert events[2] == date(2026, 12, 19) and events[-2] == date(2026, 12, 27)
    assert quick[-2] == date(2026, 12, 19)
    anchor = dates._anchor()
    monkeypatch.setattr(dates, "_anchor", lambda: anchor.rx)  # the run pattern tried at every place, no first look
    monkeypatch.setattr(dates, "_timeless", lambda folded: False)  # every line read for its days
    dates._event_days.cache_clear()
    assert dates.event_days(CHAT) == events
    assert dates.anchored_events(CHAT, events) == quick
    monkeypatch.undo()
    dates._event_days.cache_clear()

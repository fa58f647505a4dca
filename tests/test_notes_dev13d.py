"""Issue 13, round 3b of the QA13 fixes: titles cut like key points (never inside a time), a heading left
after a list marker reads as a label, a member's preference or personal errand is no to-do, a deadline
relative to the event counts from the event's day, and the organiser's own phone number is no ad.
Every chat here is written for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes


def _notes(text: str) -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, "chat.txt", settings, get_engine(settings, prefer="offline")).notes


HIKE = """2026-04-08 20:00:00 山风
周六徒步的路线今晚定一下，南坡或者北坡
2026-04-08 20:01:30 阿岩
南坡12公里，坡缓，适合新人
2026-04-08 20:02:40 小溪
北坡风景好但是陡，新人多还是南坡吧
2026-04-08 20:04:00 山风
好，那就定了：4月11日周六走南坡，早上7:45在地铁站B口集合，8点出发
2026-04-08 20:05:10 阿岩
同意
"""


def test_a_title_is_never_cut_inside_a_clock_time() -> None:
    title = _notes(HIKE).title
    assert "徒步" in title  # the opening line names the topic (round 29, dev13f: a decision is never the title)
    assert not title.rstrip("…").endswith(("早上7", "7:", "7:4"))
    assert "早上7" not in title or "7:45" in title


TALK = """小鹿：欢迎大家，今晚请阿泽给我们讲手冲咖啡
阿泽：大家好，今天讲三件事：磨豆、水温、注水
阿泽：第一，磨豆。手冲用中细研磨，颗粒像细砂糖，太细会苦，太粗会酸
阿泽：第二，水温。浅烘豆用92度左右的水，深烘豆用85到88度，温度计30块就能买到
阿泽：第三，注水。先闷蒸30秒，然后分三段注水，总时长控制在2分半以内
小鹿：谢谢阿泽！
"""


def test_a_heading_left_after_a_list_marker_reads_as_a_label_and_no_title_starts_with_it() -> None:
    notes = _notes(TALK)
    points = [p.text for p in notes.key_points]
    assert any(p.startswith("水温：") and "92度" in p for p in points)
    assert not any(p.startswith(("磨豆。", "水温。", "注水。")) for p in points)
    assert not notes.title.startswith(("磨豆", "水温", "注水"))


PARTY = """2026-06-03 20:00:00 阿琳
月底读书会的周年聚会，日期和分工今晚定
2026-06-03 20:01:10 老唐
20号那天我有事，我倾向27号
2026-06-03 20:02:30 小葵
我更想去江边那家茶馆，人均60
2026-06-03 20:03:40 阿琳
好，那就定了：6月27日周六下午3点，江边茶馆
2026-06-03 20:05:00 小葵
不过27号上午我要陪我爸去医院复查，下午3点前能到
2026-06-03 20:06:20 阿琳
分工：老唐周五前订好包间，小葵负责做一张邀请海报
2026-06-03 20:07:00 老唐
收到
"""


def test_a_preference_or_a_personal_errand_with_a_date_is_no_todo() -> None:
    notes = _notes(PARTY)
    todos = [(a.owner, a.task) for a in notes.actions]
    assert not any("倾向" in t or "更想" in t or "复查" in t for _, t in todos)
    assert any(o == "老唐" and "包间" in t for o, t in todos)
    assert any(o == "小葵" and "海报" in t for o, t in todos)
    assert "复查" not in notes.summary and "倾向" not in notes.summary.split("接下来")[-1]


def test_an_hour_after_a_span_before_the_event_is_that_days_hour() -> None:
    from datetime import date, datetime

    from copilot.notes.dates import find_deadline

    said = datetime(2026, 5, 4, 21, 10)  # a Monday evening; the trip is Saturday 5月9日
    d = find_deadline("门票大家自己买，出发前两天下午6点前把截图发我", said, event=date(2026, 5, 9))
    assert d is not None and (d.day, d.clock) == (date(2026, 5, 7), "18:00")
    assert d.text.startswith("出发前两天")
    # no event day in the chat: the hour is not put on the message's day, the words stay
    d = find_deadline("门票大家自己买，出发前两天下午6点前把截图发我", said)
    assert d is not None and d.day is None and "出发前两天" in d.text
    # an hour after a day counted from the message is still that day's hour
    d = find_deadline("后天下午6点前把截图发我", said, event=date(2026, 5, 9))
    assert (d.day, d.clock) == (date(2026, 5, 6), "18:00")


FERRY = """2026-07-02 20:00:00 海哥
周末海岛一日游，今晚把集合和船票定下来
2026-07-02 20:01:00 阿蓝
船票我查了，早班8:10，往返90元
2026-07-02 20:02:00 海哥
好，那就定了：7月4日周六坐8:10的早班船，7点半码头集合
2026-07-02 20:03:00 阿蓝
船票钱大家转给阿珍，阿珍统一买
2026-07-02 20:04:00 阿珍
转账备注名字，有问题随时私聊我，有急事打我电话139 8765 4321
2026-07-02 20:05:00 阿蓝
收到
2026-07-02 20:06:00 阿珍
明天中午前我把名单发群里
"""


def test_the_organisers_own_phone_number_is_no_ad_and_no_task() -> None:
    settings = Settings(llm_provider="offline")
    result = summarize_text(FERRY, "chat.txt", settings, get_engine(settings, prefer="offline"))
    notes = result.notes
    assert not any("139" in d.text for d in result.dropped)
    assert not any("私聊我" in a.task for a in notes.actions)
    assert any(a.owner == "阿珍" and "名单" in a.task for a in notes.actions)


def test_a_traditional_join_line_is_a_system_line() -> None:
    from copilot.notes.model import Message
    from copilot.notes.noise import noise_reason

    assert noise_reason(Message(id=1, time=None, speaker="阿凱", text="「小芸」加入了群組")) == "系统消息"
    assert noise_reason(Message(id=2, time=None, speaker="小芸", text="大家好，我是小芸，剛加入，請多指教")) != "系统消息"
    assert noise_reason(Message(id=3, time=None, speaker="阿凱", text="小芸加入了群聊")) == "系统消息"
    # a member who says they joined is speaking, not the platform
    assert noise_reason(Message(id=4, time=None, speaker="小芸", text="我加入了群组以后才知道周六要交报名费")) is None


def test_a_bare_small_hour_is_the_afternoon_not_the_night() -> None:
    from datetime import date, datetime

    from copilot.notes.dates import find_deadline

    d = find_deadline("别急，3点半才开始，你赶得上", datetime(2026, 8, 5, 20, 30), event=date(2026, 8, 9))
    assert d is not None and (d.day, d.clock) == (date(2026, 8, 9), "15:30")
    assert find_deadline("明天凌晨3点前交", datetime(2026, 8, 5, 9, 0)).clock == "03:00"

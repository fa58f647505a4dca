"""Issue 13, round 29 (dev13f): a talk's tips win key points over framing lines, the title comes from the
opening/agenda line (never a decision), a removed drive-by's priced ad with a contact is noise, a later
change of a time makes the older time stale, a proposal or an agenda line is no decision and one decision
is listed once with everyone who agreed, and an answer that takes up another open question answers that
one. Every chat here is written for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes
from copilot.notes.offline import framing
from copilot.notes.reading import find_topic


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _told(notes: Notes) -> str:
    """What a reader sees first: the title, the summary and the key points."""
    return "\n".join([notes.title, notes.summary, *(p.text for p in notes.key_points)])


GARDEN = """2026-11-20 20:00:01 群主阿芳
各位晚上好，今晚聊聊阳台种菜过冬那些事，请老周给大家讲讲
2026-11-20 20:01:00 老周
我先简单说几句
2026-11-20 20:01:30 老周
夜里气温低于5度一定要把盆搬进屋里，不然叶子会冻伤
2026-11-20 20:02:10 老周
第二个问题。
2026-11-20 20:02:40 老周
冬天浇水改成三天一次，每次200毫升左右，中午12点前浇完
2026-11-20 20:03:30 老周
有机肥一个月最多施一次，每盆不超过50克，施多了会烧根
2026-11-20 20:04:20 老周
大概就这些，有什么问题可以问我
2026-11-20 20:05:00 小林
请问菠菜和生菜哪个更适合冬天种
2026-11-20 20:05:40 阿梅
自来水能直接浇吗
2026-11-20 20:06:10 老周
生菜更耐寒，冬天种生菜
2026-11-20 20:06:50 老周
自来水要放一天再浇
"""


def test_a_talks_tips_are_key_points_and_its_framing_lines_are_not() -> None:
    notes = _notes(GARDEN)
    points = [p.text for p in notes.key_points]
    assert any("5度" in p for p in points)
    assert any("200毫升" in p for p in points)
    assert any("50克" in p for p in points)
    told = _told(notes)
    for framing_line in ("我先简单说几句", "第二个问题", "有什么问题可以问我"):
        assert framing_line not in told


def test_framing_lines_are_told_apart_from_tips() -> None:
    for line in ("我先简单说几句", "我先讲少少冬泳要注意嘅嘢", "大概系咁，有咩问题可以问我", "第二块线缆。",
                 "大概就这些，有什么问题可以问我", "直接进正题"):
        assert framing(line), line
    # a heading with its content, a tip with figures, a contact with a number: not framing
    for line in ("第二块线缆要用6平方的铜线", "第一个坑是电表", "水温低过18度就唔好游超过20分钟",
                 "有问题可以问我，电话13800001111", "先说时间，早上六点在地铁站A口集合"):
        assert not framing(line), line


def test_an_answer_that_takes_up_the_next_question_answers_that_one() -> None:
    qa = {p.question: p.answer for p in _notes(GARDEN).qa}
    spinach = next(a for q, a in qa.items() if "菠菜" in q)
    tap = next(a for q, a in qa.items() if "自来水" in q)
    assert "生菜" in spinach and "放一天" not in spinach
    assert "放一天" in tap


HIKE = """2026-11-22 19:30:00 领队大熊
周日爬梧桐山的事今晚得定下来，集合时间、路线、拼车三件事
2026-11-22 19:31:10 领队大熊
先说时间，早上五点半在地铁站A口集合
2026-11-22 19:32:00 小雨
五点半太早了吧，地铁都还没开
2026-11-22 19:32:40 领队大熊
那我想改成六点半
2026-11-22 19:33:20 阿杰
六点半可以
2026-11-22 19:33:50 小雨
六点半我也可以
2026-11-22 19:34:30 领队大熊
好，那就定了，不是五点半，是六点半在地铁站A口集合
2026-11-22 19:35:10 阿杰
路线走泰山涧还是好汉坡
2026-11-22 19:35:50 小雨
我下个月要去云南玩两周，这次之后就来不了了
2026-11-22 19:36:30 领队大熊
走好汉坡，全程8公里，大概4小时
2026-11-22 19:37:10 阿杰
拼车怎么算
2026-11-22 19:37:50 领队大熊
油费和停车费大家AA，每人40元左右
"""


def test_the_agenda_line_is_the_title_and_no_decision() -> None:
    notes = _notes(HIKE)
    # round 39: a settled discussion is titled by its matter and what was settled (the agreed 六点半), and the
    # agenda line ("今晚得定下来") is neither the title's settled part nor a decision
    matter, _, settled = notes.title.partition("：")
    assert "梧桐山" in matter
    assert "六点半" in settled and "今晚得定下来" not in notes.title
    assert not any("今晚得定下来" in d.text for d in notes.decisions)


def test_a_proposal_is_no_decision_and_one_decision_lists_everyone_who_agreed() -> None:
    notes = _notes(HIKE)
    settled = [d for d in notes.decisions if "六点半" in d.text]
    assert len(settled) == 1
    assert not any(d.text.startswith("那我想改成") for d in notes.decisions)
    assert {"领队大熊", "阿杰", "小雨"} <= set(settled[0].by)


def test_a_personal_trip_stays_out_of_the_summary_and_key_points() -> None:
    notes = _notes(HIKE)
    assert "云南" not in _told(notes)
    assert not any("云南" in q.text for q in notes.quotes)


FISH = """2026-11-25 20:00:00 老钱
周六去水库夜钓，早上五点半在小区北门集合，带好头灯和雨衣
2026-11-25 20:01:00 阿斌
五点半太早了吧，我起不来
2026-11-25 20:01:40 小冯
水库那边停车要收费吗
2026-11-25 20:02:20 老钱
停车一天15块，大家AA
2026-11-25 20:03:00 老钱
不是五点半，改成六点在小区北门集合
2026-11-25 20:03:30 阿斌
六点可以
2026-11-25 20:04:10 小冯
鱼饵要自己带吗
2026-11-25 20:04:50 老钱
鱼饵我统一买，每人20块
2026-11-25 20:05:30 小冯
那个塘口我记得有鲫鱼和鲤鱼，去年钓了十几斤
2026-11-25 20:06:00 阿斌
水库禁止用海竿，只能手竿
"""


def test_a_corrected_time_replaces_the_old_one_and_the_opening_line_is_the_title() -> None:
    notes = _notes(FISH)
    told = _told(notes)
    assert "六点" in told
    assert "五点半在小区北门" not in "\n".join([notes.title, *(p.text for p in notes.key_points)])
    # the opening line is the title's matter, the corrected time what was settled (not the time it replaced)
    assert notes.title.startswith("周六去水库夜钓：") and "六点" in notes.title and "五点半" not in notes.title
    assert {"老钱", "阿斌"} <= set(next(d for d in notes.decisions if "六点" in d.text).by)


def test_a_new_textbook_with_a_date_moves_no_earlier_time() -> None:
    chat = """2026-02-20 19:00:00 班主任-李老师
新学期的周末书法班3月7日开课，每周六上午9点到11点，在少年宫二楼205教室
2026-02-20 19:02:00 家长-小宇妈妈
收到，谢谢李老师
2026-02-20 19:03:00 班主任-李老师
这学期字帖换成新版的楷书入门，每本38元，3月4日前报给我
2026-02-20 19:04:00 家长-朵朵爸爸
字帖要几本
2026-02-20 19:05:00 班主任-李老师
每人一本就够
"""
    told = _told(_notes(chat))
    assert "3月7日" in told and "205" in told


SWIM = """[2026-12-05 20:00] 會長-Ken: 今晚同大家傾下冬泳同埋一月渡海泳嘅安排
[2026-12-05 20:01] 教練-Ivy: 我先講少少冬泳要注意嘅嘢
[2026-12-05 20:02] 教練-Ivy: 水溫低過16度就唔好游超過15分鐘，落水前一定要熱身最少10分鐘
[2026-12-05 20:03] 教練-Ivy: 食完飯要隔一個鐘先好落水，有心臟病嘅會員唔好參加
[2026-12-05 20:04] 教練-Ivy: 大概係咁，有咩問題可以問我
[2026-12-05 20:05] 阿敏: 要唔要著防寒衣
[2026-12-05 20:06] 教練-Ivy: 新手建議著，3mm嘅就夠
[2026-12-05 20:07] 保險小陳: 冬泳意外保險一年只需$299，保障高達30萬，WhatsApp 6123 7788 查詢
[2026-12-05 20:07] 會長-Ken: 「會長-Ken」將「保險小陳」移出了群聊
[2026-12-05 20:08] 會長-Ken: 渡海泳1月18號，報名費每人150蚊，12月20號截止
[2026-12-05 20:09] 阿敏: 收到
"""


def test_a_drive_bys_priced_ad_with_a_contact_is_dropped_and_the_coachs_tips_are_kept() -> None:
    notes = _notes(SWIM)
    told = _told(notes)
    assert "6123" not in told and "$299" not in told and "保險小陳" not in told
    assert "16度" in told and "10分鐘" in told
    assert "我先講少少" not in told and "有咩問題可以問我" not in told
    assert "渡海泳" in notes.title


TEA = """[2026-12-03 19:00] 茶会-阿兰: 今晚聊聊冬天喝什么茶，欢迎大家说说自己的习惯
[2026-12-03 19:01] 老陈: 冬天我喝熟普，煮着喝，一次5克就够
[2026-12-03 19:02] 小玉: 我喝红茶，正山小种加点姜片，暖胃
[2026-12-03 19:04] 老陈: 熟普水温要100度，第一泡洗茶10秒倒掉
[2026-12-03 19:05] 小玉: 红茶90度就行，闷太久会苦
[2026-12-03 19:06] 阿明: 周末有空的朋友可以来我店里坐坐，新到的白茶一斤只要99
[2026-12-03 19:06] 茶会-阿兰: 茶会-阿兰将阿明移出了群聊
[2026-12-03 19:07] 茶会-阿兰: 下周三晚上7点继续聊白茶
"""


def test_the_message_before_an_admin_removes_its_sender_is_noise() -> None:
    settings = Settings(llm_provider="offline")
    result = summarize_text(TEA, "tea.txt", settings, get_engine(settings, prefer="offline"))
    assert "白茶一斤" not in _told(result.notes)
    assert not any("白茶一斤" in q.text for q in result.notes.quotes)
    # a member who keeps talking is no drive-by: 老陈's tip with a figure stays
    assert "100度" in _told(result.notes)


def test_agenda_lines_name_the_topic_and_a_personal_line_does_not() -> None:
    from copilot.notes.model import Message

    def first(text: str) -> str | None:
        return find_topic([Message(id=1, time=None, speaker="a", text=text)])

    assert first("周日爬梧桐山的事今晚得定下来，集合时间、路线、拼车三件事") == "周日爬梧桐山"
    assert first("元旦联欢的事情今晚要定下来了，节目、服装、彩排") == "元旦联欢"
    assert first("大家晚上好，春游的事说三件事：地点、时间、费用") == "春游"
    assert first("今晚同大家倾下冬泳同埋渡海泳") == "冬泳同埋渡海泳"
    assert first("我家里有两件事要忙") is None
    assert first("") is None


CHOIR = """2026-12-01 20:00:00 团长-何姐
春节联欢的事情今晚得定下来了，曲目、服装、排练三件事
2026-12-01 20:01:00 男高-老韩
曲目我建议唱《茉莉花》，大家都熟
2026-12-01 20:02:00 女中-小梅
我下个月要去三亚过冬，1月10号才回来，排练可能来不了
2026-12-01 20:03:00 团长-何姐
那就定了，曲目唱《茉莉花》，服装统一穿红色上衣
2026-12-01 20:04:00 男高-老韩
同意
2026-12-01 20:05:00 女中-阿琴
那个5栋的老吴又把自行车停在排练室门口了，进出都不方便
2026-12-01 20:06:00 团长-何姐
排练每周六下午2点在社区活动室，一共4次
"""


def test_a_members_trip_and_a_complaint_naming_a_neighbour_stay_out_of_the_summary_side() -> None:
    notes = _notes(CHOIR)
    told = _told(notes)
    quotes = "\n".join(q.text for q in notes.quotes)
    assert "三亚" not in told and "三亚" not in quotes
    assert "老吴" not in told and "老吴" not in quotes
    from copilot.notes import render_markdown

    assert "下午2点" in render_markdown(notes, appendix=False)  # the rehearsal plan is kept (as a notice)
    # the matter, then what was settled (the song the conductor settled), never a member's aside
    assert notes.title.startswith("春节联欢：") and "茉莉花" in notes.title and "三亚" not in notes.title
    assert not any("今晚得定下来" in d.text for d in notes.decisions)

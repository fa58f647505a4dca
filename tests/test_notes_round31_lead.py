"""Round 31, found by a new user's chats (qa13r9), fixed by the lead: a stated topic keeps the 下 of
下个月/下周 after 商量下/讲下/聊下; a notice list whose header follows a closing line in the same message
files no empty "几个通知：" notice; a JSON export's wrapper names the group. Chats written for these tests."""
from __future__ import annotations

import json

import pytest
from chat_lines import owned_by

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Message, Notes
from copilot.notes.parse import parse_text
from copilot.notes.reading import stated_topic


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


@pytest.mark.parametrize(("opening", "topic"), [
    ("各位晚上好，今天主要商量下个月社区义诊的事，大家说说想法", "下个月社区义诊"),
    ("今晚跟大家聊下周日的换书市集，有几件事要定", "下周日的换书市集"),
    ("今天讲下星期六的观星路线，大家听一下", "下星期六的观星路线"),
    ("今晚商量下冬季菜园的事", "冬季菜园"),  # 下 here is 一下: not part of the topic
])
def test_stated_topic_keeps_the_week_or_month_word(opening: str, topic: str) -> None:
    assert stated_topic([Message(id=1, time=None, speaker="群主", text=opening)]) == topic


# a QQ-style export: a talk ends with thanks and, in the same message, a numbered notice list
TALK = """2026-11-24 20:00:05 主持阿敏(20011)
大家好，今晚请阿凯老师跟大家讲讲木工榫卯入门，讲完可以提问
2026-11-24 20:01:10 阿凯老师(20012)
第一，燕尾榫先画线再锯，锯在废料一侧，留半毫米修
2026-11-24 20:03:40 阿凯老师(20012)
第二，凿子要磨到能刮下手臂的汗毛，钝凿子反而容易伤手
2026-11-24 20:06:02 阿凯老师(20012)
第三，胶水别涂太多，挤出来的用湿布马上擦掉，干了很难处理
2026-11-24 20:08:30 小周(20013)
老师 新手买日式凿还是国产凿
2026-11-24 20:09:12 阿凯老师(20012)
新手买国产的就够，一套六支两百左右，先练手
2026-11-24 20:12:45 主持阿敏(20011)
今天分享就到这里，谢谢阿凯老师！几个通知：1. 本周日11月29日上午10点工房开放练习，30元一人含木料，地址解放路66号 2. 下期预告：12月6日周日晚8点，小周分享《手工砂纸打磨》
"""


def test_notice_list_after_a_closing_line_files_its_items_not_its_header() -> None:
    notes = _notes(TALK, "woodwork.txt")
    texts = [a.text for a in notes.announcements]
    assert not any(t.rstrip("：:").endswith("几个通知") for t in texts), texts
    assert any("工房开放练习" in t and "30元" in t for t in texts)
    assert any(a.kind == "下期预告" and "手工砂纸打磨" in a.text for a in notes.announcements)


def test_json_wrapper_names_the_group() -> None:
    chat = {"group": "城西木工坊学员群", "messages": [
        {"time": "2026-11-24 20:00:05", "sender": "阿敏", "text": "今晚商量下周日开放日的分工"},
        {"time": "2026-11-24 20:01:00", "sender": "小周", "text": "我来负责签到，周六前把名单打印好"},
    ]}
    assert parse_text(json.dumps(chat, ensure_ascii=False), "chat.json").group == "城西木工坊学员群"
    unnamed = {"messages": chat["messages"]}  # no group named: none invented
    assert parse_text(json.dumps(unnamed, ensure_ascii=False), "chat.json").group is None


# a WeChat copy-paste: a bakery class; a member asks the teacher a choice question by name, the host asks
# who will count heads and adds when the count is due, a member volunteers
CLASS = """[2026-11-24 20:00] 主持小米: 大家好，今晚请麦子老师讲讲欧包整形，讲完可以提问
[2026-11-24 20:01] 麦子老师: 第一，预发酵要够，面团摸起来像耳垂一样软
[2026-11-24 20:03] 麦子老师: 第二，整形时手上少沾粉，收口朝下捏紧
[2026-11-24 20:05] 麦子老师: 第三，割包刀要快，角度三十度左右，一刀到底
[2026-11-24 20:07] 阿蓝: 麦子老师 我的面包老是塌 是面粉的问题还是发酵的问题
[2026-11-24 20:08] 麦子老师: 多半是发酵过头了，手指按下去回弹慢就该进炉了
[2026-11-24 20:10] 主持小米: 周日练习谁来统计一下人数？周六中午前要报给烘焙室
[2026-11-24 20:11] 豆豆: 我来
[2026-11-24 20:12] 主持小米: 好的谢谢豆豆，今晚就到这里
"""


def test_a_question_put_to_someone_by_name_is_no_to_do_and_the_call_is_one_to_do() -> None:
    notes = _notes(CLASS, "bakery.txt")
    assert not owned_by(notes.actions, "麦子老师"), notes.actions
    assert any("塌" in q.question and "发酵过头" in q.answer for q in notes.qa)
    counts = [a for a in notes.actions if "报给烘焙室" in a.task]
    assert [a.owner for a in counts] == ["豆豆"], notes.actions
    assert counts[0].deadline and counts[0].deadline.startswith("2026-11-28")


# a Cantonese WeChat export: the teacher asks 得唔得 about moving a class; members answer 得 / 冇問題 / +1
MOVE = """[2026-11-27 20:16] 阿May老師: 有件事要大家決定：下堂想改去12月4號週五晚7點，大家得唔得？
[2026-11-27 20:17] 阿聰: 得
[2026-11-27 20:17] 小欣: OK 冇問題
[2026-11-27 20:17] 陳太: +1
[2026-11-27 20:18] 阿May老師: 好，咁就決定改12月4號週五晚7點
"""


def test_a_bare_cantonese_de_is_a_yes_to_the_decision() -> None:
    notes = _notes(MOVE, "move.txt")
    decision = next(d for d in notes.decisions if "12月4號" in d.text)
    assert {"阿聰", "小欣", "陳太"} <= set(decision.by), decision


@pytest.mark.parametrize("line", ["得等我睇下先", "得閒再講"])
def test_a_line_going_on_after_de_is_no_yes(line: str) -> None:
    from copilot.notes.reading import _says_yes
    assert not _says_yes(line)


# a WeChat copy-paste: a volunteer team settles a date and closes with a recap that ends with whom to call
RECAP = """[2026-11-25 19:30] 周队: 今晚商量下月的社区义剪，大家看放周六还是周日
[2026-11-25 19:31] 小敏: 周六上午吧，老人起得早
[2026-11-25 19:31] 阿华: 同意周六上午
[2026-11-25 19:32] 周队: 那就定12月12日周六上午9点，在社区活动室
[2026-11-25 19:33] 阿华: 好
[2026-11-25 19:40] 周队: 总结一下：12月12日周六上午9点社区活动室，理发师请了3位，有事找我 13800138000
"""


def test_a_recap_item_saying_whom_to_call_is_no_decision() -> None:
    notes = _notes(RECAP, "haircut.txt")
    texts = [d.text for d in notes.decisions]
    assert any("12月12日" in t for t in texts), texts
    assert not any("13800138000" in t or "有事找我" in t for t in texts), texts


def test_leave_given_in_a_decision_is_no_to_do_for_the_one_excused() -> None:
    chat = MOVE.replace("好，咁就決定改12月4號週五晚7點", "好，咁就決定改12月4號週五晚7點，阿聰遲少少冇所謂")
    notes = _notes(chat, "move.txt")
    assert any("12月4號" in d.text for d in notes.decisions)
    assert not owned_by(notes.actions, "阿聰"), notes.actions

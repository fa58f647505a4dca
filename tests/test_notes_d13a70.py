"""Issue 13, round 70 (d13a70): a who-question is answered by the line that hands the work to a named person
("周日谁去拿横幅？" … "交给小林吧"), past a newcomer's greeting in between, not by a later line of someone else's;
a choice between red packets and a lottery ("抽奖还是发红包？" — "抽奖算了，每人发个红包") is the talk's matter, not the
platform's red packet line, so the question and its answer stay in the chat to be paired; another member's own dated
work said right after a question ("我明天把签到表打印好") neither answers it nor is noted as replying to it.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import Notes
from copilot.notes.offline import summarize_offline
from copilot.notes.pairing import _hands_to_person, _in_form
from copilot.notes.parse import parse_text


def _notes(chat: str) -> Notes:
    return summarize_offline(parse_text(chat, "chat.txt"))


LANTERNS = """[2031-01-20 19:00] 主任老何: 元宵节（2月13日）社区猜灯谜，下午3点在活动中心，谜题由阿英准备
[2031-01-20 19:02] 阿英: 收到，我周四前把谜题打印好
[2031-01-20 19:05] 小郑: 灯笼那天谁去仓库搬？
[2031-01-20 19:06] 新人芳芳: 大家好，我是刚搬来的芳芳，请多多指教
[2031-01-20 19:07] 阿英: 欢迎芳芳
[2031-01-20 19:09] 主任老何: 交给大龙吧，他有车
[2031-01-20 19:11] 大龙: 行，那天中午我去搬
"""


def test_a_who_question_takes_the_line_handing_the_work_to_a_member() -> None:
    pairs = [q for q in _notes(LANTERNS).qa if "谁去仓库搬" in q.question]
    assert len(pairs) == 1
    assert pairs[0].answerer == "主任老何"
    assert "交给大龙" in pairs[0].answer


def test_the_newcomer_greeting_answers_no_question() -> None:
    assert not any("请多多指教" in q.answer for q in _notes(LANTERNS).qa)


def test_a_who_question_without_the_hand_over_keeps_the_later_volunteer() -> None:
    chat = LANTERNS.replace("交给大龙吧，他有车", "这个大家商量一下")
    pairs = [q for q in _notes(chat).qa if "谁去仓库搬" in q.question]
    assert not any(q.answerer == "主任老何" for q in pairs)


def test_handing_to_a_named_person_is_in_the_form_of_a_who_question() -> None:
    assert _in_form("周日谁去拿横幅？", "交给小林吧，他离印刷店近")
    assert _hands_to_person("下午交给小罗和晓雯", None)


def test_handing_to_oneself_or_a_thing_is_no_named_hand_over() -> None:
    assert not _hands_to_person("交给我吧", None)
    assert not _hands_to_person("报名表交给居委会", None)
    assert not _in_form("周日谁去拿横幅？", "让我想想")


PARTY = """[2031-12-01 20:00] 行政阿琴: 年会定在1月10日晚上，还在公司对面的酒楼
[2031-12-01 20:02] 小吴: 今年抽奖还是发红包？
[2031-12-01 20:03] 阿彬: 我周四前把节目报名表发群里
[2031-12-01 20:05] 老板老杨: 抽奖算了，每人发个红包
[2031-12-01 20:06] 小吴: 明白
"""


def test_red_packets_weighed_as_a_choice_stay_in_the_chat() -> None:
    pairs = [q for q in _notes(PARTY).qa if "抽奖还是发红包" in q.question]
    assert len(pairs) == 1
    assert pairs[0].answerer == "老板老杨"
    assert "抽奖算了" in pairs[0].answer


def test_only_the_platform_red_packet_line_is_dropped() -> None:
    chat = PARTY + "[2031-12-01 20:07] 老板老杨: [红包] 恭喜发财，大吉大利\n"
    dropped = parse_text(chat, "chat.txt").dropped
    assert [d.reason for d in dropped if "恭喜发财" in d.text] == ["红包/转账"]
    assert not any("抽奖" in d.text for d in dropped)


POSTER = """[2031-03-10 19:00] 馆长老吴: 3月15日周六读书分享会，下午2点在社区图书馆二楼
[2031-03-10 19:02] 小周: 海报谁来设计？
[2031-03-10 19:03] 阿坤: 我明天把签到表打印好
[2031-03-10 19:05] 丽丽: 我周五前把茶点订好
"""


def test_another_members_own_dated_work_answers_no_who_question() -> None:
    notes = _notes(POSTER)
    assert not any(q.answerer in ("阿坤", "丽丽") for q in notes.qa)
    assert [a.task for a in notes.actions if a.owner == "阿坤"] == ["我明天把签到表打印好"]


def test_own_dated_work_on_the_questions_words_still_answers_it() -> None:
    chat = POSTER.replace("我明天把签到表打印好", "我明天把海报设计好发群里")
    pairs = [q for q in _notes(chat).qa if "海报谁来设计" in q.question]
    assert [q.answerer for q in pairs] == ["阿坤"]

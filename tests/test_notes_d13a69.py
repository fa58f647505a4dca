"""Issue 13, round 69 (d13a69): a hand-over asked and answered as a pair moves the work to the one who said yes (and
their re-time moves its date); work called off after a change of other matter leaves the to-dos; an answerer's own
correction of the figure they gave replaces their answer.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.handovers import _declines_then_asks
from copilot.notes.model import Notes
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text


def _notes(chat: str) -> Notes:
    return summarize_offline(parse_text(chat, "chat.txt"))


BOOKSTALL = """[2031-03-03 19:00] 站长阿珍: 周日（3月9日）旧书义卖，老郑负责收银，小梅负责摆摊，早上9点到图书馆门口
[2031-03-03 19:02] 老郑: 收到
[2031-03-03 19:03] 小梅: 好的
[2031-03-03 20:10] 老郑: 周日的收银我孙子发烧去不了，阿伟能接吗
[2031-03-03 20:15] 阿伟: 可以，我来
"""


def test_a_hand_over_asked_and_answered_moves_the_owner() -> None:
    owners = {a.owner for a in _notes(BOOKSTALL).actions if "收银" in a.task}
    assert owners == {"阿伟"}


def test_a_hand_over_nobody_answers_keeps_the_owner_asked() -> None:
    chat = BOOKSTALL.rsplit("[2031-03-03 20:15]", 1)[0] + "[2031-03-03 20:20] 小梅: 周日会不会下雨啊\n"
    owners = {a.owner for a in _notes(chat).actions if "收银" in a.task}
    assert "阿伟" not in owners


CHAIRS = """[2031-03-03 19:00] 站长阿珍: 这周五（3月7日）前，阿光把借的折叠椅还给居委会，小梅把签到表整理好发群里
[2031-03-03 19:01] 小梅: 收到
[2031-03-03 19:05] 阿光: 周五还椅子我要加班做不了，老郑能帮忙吗
[2031-03-03 19:09] 老郑: 好，但推到下周二
"""


def test_the_taker_re_timing_the_work_moves_its_date() -> None:
    chairs = [a for a in _notes(CHAIRS).actions if "椅" in a.task]
    assert [(a.owner, a.deadline) for a in chairs] == [("老郑", "2031-03-11")]


def test_a_decline_that_is_asked_or_supposed_gives_nothing_up() -> None:
    assert _declines_then_asks("周五还椅子我要加班做不了，老郑能帮忙吗")
    assert not _declines_then_asks("你是不是做不了？老郑能帮忙吗")
    assert not _declines_then_asks("要是我做不了，老郑能帮忙吗")
    assert not _declines_then_asks("周五还椅子我要加班做不了")


MARKET = """[2031-03-03 19:00] 站长阿珍: 周日（3月9日）跳蚤市场，小梅做海报，阿光订横幅，周五前弄好；老郑周六前把桌子借齐
[2031-03-03 19:01] 小梅: 好
[2031-03-03 19:02] 阿光: 收到
[2031-03-03 21:00] 站长阿珍: 广场那天要施工，改成在小区里办，海报也不用做了，横幅先不订了
"""


def test_work_called_off_after_a_change_of_other_matter_leaves_the_todos() -> None:
    tasks = [a.task for a in _notes(MARKET).actions]
    assert not any("海报" in t or "横幅" in t for t in tasks)
    assert any("桌子" in t for t in tasks)


def test_a_calling_off_followed_by_a_new_day_calls_nothing_off() -> None:
    chat = MARKET.replace("海报也不用做了，横幅先不订了", "聚餐取消，改到下周日")
    tasks = [a.task for a in _notes(chat).actions]
    assert any("海报" in t for t in tasks) and any("横幅" in t for t in tasks)


YOGA = """[2031-03-03 19:00] 馆长阿慧: 周六（3月8日）亲子瑜伽在社区活动中心三楼，上午十点开始
[2031-03-03 19:01] 小宋: 请问一节课多少钱？
[2031-03-03 19:02] 馆长阿慧: 80一节，垫子自带
[2031-03-03 19:04] 小宋: 好的
[2031-03-03 19:15] 馆长阿慧: 更正下，是100
"""


def test_the_answerers_own_correction_replaces_their_answer() -> None:
    qa = [q for q in _notes(YOGA).qa if "多少钱" in q.question]
    assert len(qa) == 1 and qa[0].answer.endswith("更正下，是100")


def test_a_correction_without_a_figure_keeps_the_answer() -> None:
    chat = YOGA.replace("更正下，是100", "更正下，垫子现场也有")
    qa = [q for q in _notes(chat).qa if "多少钱" in q.question]
    assert len(qa) == 1 and "80一节" in qa[0].answer


def test_a_correction_of_another_kind_of_figure_joins_no_answer() -> None:
    chat = YOGA.replace("更正下，是100", "更正：场地那天维修，改到3月15日")
    qa = [q for q in _notes(chat).qa if "多少钱" in q.question]
    assert len(qa) == 1 and "3月15日" not in qa[0].answer


POTTERY = """[2031-03-03 19:00] 社长阿琳: 三月陶艺沙龙报名开始了
[2031-03-03 19:01] 小宋: 请问陶艺沙龙是几号？
[2031-03-03 19:03] 社长阿琳: 陶艺沙龙在文化馆二楼，3月15日下午3点
[2031-03-03 19:04] 小宋: 好的
[2031-03-03 19:08] 社长阿琳: 更正一下：沙龙是3月16日，不是15日
"""


def test_a_correction_restated_into_the_answer_is_told_once() -> None:
    qa = [q for q in _notes(POTTERY).qa if "几号" in q.question]
    assert len(qa) == 1 and "16日" in qa[0].answer and qa[0].answer.count("更正") <= 1

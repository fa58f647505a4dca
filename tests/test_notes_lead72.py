"""Issue 13, round 72 (lead, from the fresh tester qa13r55): a question answered by the side of its A不A just after it
("蒸笼够不够用哦" — "够，上回又添了十格") holds that answer — a later chatter line that happens to give an amount
("我买了两斤橘子") does not replace it; and a line of the next day's talk is not glued onto an answer given the day
before because it shares a word with the question ("主家那边有没有人忌口？" … next day: "主家刚打电话，桌数改了…"), nor
is a decision of the next day appended to it. Within one day an answer still goes on as before.

The chats are written by hand for this test (a village banquet cooks' group, a hiking club).
"""

from __future__ import annotations

from copilot.notes.model import Notes
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text


def _notes(chat: str) -> Notes:
    return summarize_offline(parse_text(chat, "chat.txt"))


def _answer_to(notes: Notes, question_part: str) -> str:
    pair = next(p for p in notes.qa if question_part in p.question)
    return pair.answer


BANQUET = """[2031-05-08 20:01] 李师傅: 各位，张家15号办满月酒，30桌，中午11点半开席
[2031-05-08 20:03] 阿芬: 收到
[2031-05-08 20:05] 小波: 主家那边有没有人吃素？
[2031-05-08 20:06] 李师傅: 外婆吃素，单独炒两个素菜
[2031-05-08 20:10] 大壮: 蒸笼够不够用哦
[2031-05-08 20:11] 李师傅: 够，上个月又添了八格，四十格够了
[2031-05-08 20:13] 阿芬: 今天去镇上赶集，买了三斤柚子
[2031-05-08 20:14] 小波: 哈哈阿芬又去逛了
[2031-05-09 12:30] 李师傅: 主家刚来电话，桌数改了，加到36桌，亲戚又多来了一车
[2031-05-09 12:35] 阿芬: 那我多借六张桌子
[2031-05-09 12:40] 小波: 李师傅，凉菜还是八个吗
[2031-05-09 12:42] 李师傅: 凉菜不变，还是八个，主家说就这么定了
"""


def test_side_of_a_not_a_just_after_holds_against_later_chatter() -> None:
    notes = _notes(BANQUET)
    answer = _answer_to(notes, "蒸笼")
    assert answer.startswith("够，上个月又添了八格")
    assert "柚子" not in answer


def test_next_days_talk_is_not_glued_onto_yesterdays_answer() -> None:
    notes = _notes(BANQUET)
    answer = _answer_to(notes, "吃素")
    assert "外婆吃素" in answer
    assert "桌数" not in answer and "36桌" not in answer
    assert "凉菜" not in answer


HIKE_SAME_DAY = """[2031-05-08 20:00] 领队老吴: 周六爬梧桐山，早上七点在地铁站C口集合
[2031-05-08 20:02] 小雅: 梧桐山那边要带午饭吗
[2031-05-08 20:03] 领队老吴: 山顶有小卖部，但贵，建议自己带
[2031-05-08 20:04] 阿杰: 我带了一个新的登山杖，好用
[2031-05-08 20:06] 领队老吴: 午饭带点干粮就行，山顶小卖部的泡面二十块一碗
"""


def test_same_day_answer_still_goes_on_by_its_words() -> None:
    answer = _answer_to(_notes(HIKE_SAME_DAY), "午饭")
    assert "自己带" in answer
    assert "干粮" in answer  # (the answerer's same-day line on the question's words still joins the answer)


FERRY = """[2031-05-08 07:10] 阿芳: 跟大家说一下，轮渡公司同意团购季票了，凑满25人，每张980
[2031-05-08 07:15] 老许: 我要一张
[2031-05-08 07:20] 小蔡: 我也要
[2031-05-08 12:20] 阿芳: 好消息，轮渡公司又让了一步，季票的团购价改成每张900，不是980了
[2031-05-08 12:25] 老许: 太好了
"""

BANQUET_TABLES = """[2031-05-08 20:01] 李师傅: 各位，张家15号办满月酒，30桌，中午11点半开席
[2031-05-08 20:03] 阿芬: 收到
[2031-05-08 20:05] 小波: 碗筷我去借
[2031-05-09 12:30] 李师傅: 主家刚来电话，桌数变了，加到36桌，不是30桌了
[2031-05-09 12:35] 阿芬: 好的
"""


def _all_text(notes: Notes) -> list[tuple[str, list[int]]]:
    return [(x.text, list(x.sources)) for x in [*notes.key_points, *notes.decisions, *notes.announcements]]


def test_a_bare_price_per_piece_changed_later_carries_the_new_one_and_cites_it() -> None:
    items = [(t, s) for t, s in _all_text(_notes(FERRY)) if "980" in t and "不是980" not in t]
    assert items, "the first price line is kept"
    for text, sources in items:
        assert "（已改：900）" in text
        assert 4 in sources  # (the change is cited beside the line it rewrote)


def test_a_count_raised_later_naming_the_old_one_marks_it() -> None:
    items = [(t, s) for t, s in _all_text(_notes(BANQUET_TABLES)) if "30桌" in t and "不是30桌" not in t]
    assert items, "the banquet line is kept with its date and time"
    for text, sources in items:
        assert "30桌（已改：36桌）" in text and "11点半开席" in text
        assert 4 in sources


KITCHEN = """[2031-05-08 20:01] 李师傅: 张家15号满月酒，中午11点半开席
[2031-05-08 20:03] 小芳: 凉糕我来做，糖水也我弄
[2031-05-08 20:05] 大壮: 肉我来，周四下午拉回来
[2031-05-09 12:30] 小芳: 李师傅，天这么冷凉糕还做不做
[2031-05-09 12:31] 李师傅: 凉糕不做了，主家说天冷，改成红糖汤圆，小芳你煮汤圆
[2031-05-09 12:32] 小芳: 好的
"""

LAB = """[2031-05-08 09:10] 王老师: 大家注意，共聚焦这周五下午维护
[2031-05-08 09:12] 阿凯: 移液枪吸头快没了，采购单我这周交
[2031-05-08 09:15] 小周: 培养箱的记录表我今晚补上
[2031-05-09 18:35] 王老师: 阿凯采购单先别交了，经费卡这个月冻结，下个月再说
[2031-05-09 18:36] 阿凯: 好的老师
"""

LAB_OTHER = """[2031-05-08 09:12] 阿凯: 移液枪吸头快没了，采购单我这周交
[2031-05-08 09:15] 小周: 培养箱的记录表我今晚补上
[2031-05-09 18:35] 小周: 采购单先别交了吧，我看柜子里还有两盒
"""


def _tasks(notes: Notes) -> list[tuple[str | None, str]]:
    return [(a.owner, a.task) for a in notes.actions]


def test_work_called_off_by_the_host_naming_its_owner_is_gone() -> None:
    tasks = _tasks(_notes(KITCHEN))
    assert not any("凉糕我来做" in t for _, t in tasks), tasks
    assert any(o == "小芳" and "汤圆" in t for o, t in tasks), tasks  # (the new work stays hers)
    assert any(o == "大壮" and "肉" in t for o, t in tasks), tasks


def test_work_called_off_by_先别交了_naming_its_owner_is_gone() -> None:
    tasks = _tasks(_notes(LAB))
    assert not any("采购单" in t for _, t in tasks), tasks
    assert any(o == "小周" and "记录表" in t for o, t in tasks), tasks


def test_a_bystander_naming_no_owner_calls_nothing_off() -> None:
    tasks = _tasks(_notes(LAB_OTHER))
    assert any(o == "阿凯" and "采购单" in t for o, t in tasks), tasks

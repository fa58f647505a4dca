"""Issue 13, round 72 (d13b72): the answerer's next line goes on with an answer only when it continues it — a line
that starts a matter of its own ("上个月的志愿者证书已经到了，在我办公室") after an answer that gave what was asked in
a whole statement, sharing no word with the question or the answer and opening on no connective, is not glued to it;
and a bystander's guess that the sure answer replaced ("好像是在江边的烧烤场") is no key point and no part of the
summary. After a bare answer ("西门") the next line may still tell it, and stays on.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import Notes
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text


def _notes(chat: str) -> Notes:
    return summarize_offline(parse_text(chat, "chat.txt"))


CLINIC = """[2031-04-01 20:00] 护士长老秦: 下周三社区义诊，上午八点半在活动中心
[2031-04-01 20:02] 小林: 体检要空腹吗？
[2031-04-01 20:03] 护士长老秦: 要空腹，抽完血再吃早饭
[2031-04-01 20:04] 护士长老秦: 上个月的志愿者证书已经到了，在我办公室
[2031-04-01 20:05] 小林: 好的
"""

BIRDS = """[2031-04-01 20:00] 群主阿德: 周六去湿地公园观鸟，早上七点地铁站B口集合
[2031-04-01 20:02] 阿玲: 要带望远镜吗？
[2031-04-01 20:03] 群主阿德: 要带，观鸟没有望远镜看不清
[2031-04-01 20:04] 群主阿德: 没有的话我这有五副可以借，先到先得
[2031-04-01 20:06] 阿玲: 好的
"""

PARKING = """[2031-04-01 20:00] 班长老郑: 同学聚会定在下个月五号晚上，福满楼
[2031-04-01 20:02] 胖子: 福满楼好停车吗？
[2031-04-01 20:03] 班长老郑: 好停，楼下有地下车库
[2031-04-01 20:04] 班长老郑: 车库入口在后门那条小路上，晚上七点以后免费
[2031-04-01 20:06] 胖子: 收到
"""

PICNIC = """[2031-05-10 20:00] 队长老贺: 下周六骑行去江边，早上八点体育馆门口集合
[2031-05-10 20:02] 小芸: 水要自己带吗？
[2031-05-10 20:03] 阿凯: 应该要自己带水吧
[2031-05-10 20:05] 队长老贺: 水俱乐部准备了两箱，每人两瓶，不够的自己再带
[2031-05-10 20:07] 阿凯: 好嘞
[2031-05-10 20:09] 大鹏: 午饭在哪吃？
[2031-05-10 20:10] 小芸: 好像是在江边的烧烤场吃午饭
[2031-05-10 20:12] 财务阿兰: 午饭定在码头旁边的船家菜馆，每人五十，AA
[2031-05-10 20:13] 大鹏: 收到
"""


def _pair(notes: Notes, word: str):
    pairs = [q for q in notes.qa if word in q.question]
    assert len(pairs) == 1
    return pairs[0]


def test_a_line_on_another_matter_is_not_glued_to_the_answer() -> None:
    pair = _pair(_notes(CLINIC), "空腹")
    assert pair.answerer == "护士长老秦"
    assert "抽完血" in pair.answer
    assert "志愿者证书" not in pair.answer


def test_a_line_opening_on_a_connective_goes_on_with_the_answer() -> None:
    pair = _pair(_notes(BIRDS), "望远镜")
    assert "要带" in pair.answer
    assert "五副可以借" in pair.answer


def test_a_line_on_the_answers_words_goes_on_with_it() -> None:
    pair = _pair(_notes(PARKING), "停车")
    assert "地下车库" in pair.answer
    assert "后门" in pair.answer


def test_a_replaced_guess_is_no_key_point_nor_summary() -> None:
    notes = _notes(PICNIC)
    assert _pair(notes, "午饭").answerer == "财务阿兰"
    assert not any("烧烤场" in p.text for p in notes.key_points)
    assert "烧烤场" not in notes.summary
    assert "应该要自己带水" not in notes.summary


def test_a_guess_no_one_replaced_is_still_the_answer() -> None:
    chat = "\n".join(PICNIC.splitlines()[:7]) + "\n"
    chat += "[2031-05-10 20:10] 小芸: 好像是在江边的烧烤场吃午饭\n[2031-05-10 20:13] 大鹏: 收到\n"
    notes = _notes(chat)
    pair = _pair(notes, "午饭")
    assert pair.answerer == "小芸"
    assert "烧烤场" in pair.answer



GATE = """[2031-07-02 19:30] 会长老赵: 下周六自驾去莫干山，早上七点出发
[2031-07-02 19:32] 小美: 在哪集合？
[2031-07-02 19:33] 会长老赵: 西门
[2031-07-02 19:34] 会长老赵: 进门右手边那个停车场旁边，挂着车友会的旗子
[2031-07-02 19:36] 小美: 好的
"""

VOLUNTEER = """[2031-07-02 19:30] 会长老赵: 下周末自驾去莫干山，报名的今晚十点前在群里接龙
[2031-07-02 19:35] 会长老赵: 路书谁能做一下？周三前发群里
[2031-07-02 19:36] 小美: 我来做吧
[2031-07-02 19:37] 会长老赵: 好，辛苦
"""


def test_after_a_bare_answer_the_next_line_may_still_tell_it() -> None:
    pair = _pair(_notes(GATE), "集合")
    assert "西门" in pair.answer
    assert "停车场旁边" in pair.answer


def test_a_call_for_help_answered_by_a_volunteer_is_still_no_question_and_answer() -> None:
    notes = _notes(VOLUNTEER)
    assert not any("路书" in q.question for q in notes.qa)
    assert any("路书" in a.task and a.owner == "小美" for a in notes.actions)

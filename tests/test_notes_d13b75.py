"""Issue 13 (d13b75, round 75): the answerer's next line the chatter model is sure of (the weather, a pet, last
night's match) is not glued onto the answer just given, while an answer told over two lines stays whole; and the
``--why`` split of a right answer line lost to a later line or to another question (``qa_reply_how/…``).
Chats written for these tests."""

from __future__ import annotations

from copilot.evals import notes as ev
from copilot.notes.model import Notes, QAPair
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze


def _qa(chat: str) -> list[tuple[str, str, str]]:
    return [(q.question, q.answerer, q.answer) for q in analyze(parse_text(chat, "chat.txt")).qa]


CHOIR = """[2031-05-06 19:00] 团长-老贺: 周日合唱比赛，大家有事在群里问
[2031-05-06 19:01] 小苏: 比赛要穿什么颜色的衣服？
[2031-05-06 19:02] 团长-老贺: 白衬衫黑裤子
[2031-05-06 19:03] 团长-老贺: 今天好热啊，空调都不管用
[2031-05-06 19:04] 阿敏: 是啊热死了
[2031-05-06 19:06] 老钟: 几点在后台集合？
[2031-05-06 19:07] 团长-老贺: 下午一点半
[2031-05-06 19:08] 团长-老贺: 迟到的话直接去二号侧门找我
[2031-05-06 19:09] 老钟: 好
"""

GARDEN = """[2031-05-08 20:00] 园长-阿梅: 周六社区菜园开放日，上午九点开门，欢迎带孩子来
[2031-05-08 20:01] 小唐: 菜园的入口在哪边？
[2031-05-08 20:02] 园长-阿梅: 北门
[2031-05-08 20:03] 园长-阿梅: 我家狗昨天又把拖鞋咬烂了，哭笑不得
[2031-05-08 20:04] 小唐: 哈哈
[2031-05-08 20:05] 老邓: 可以摘菜带走吗？
[2031-05-08 20:06] 园长-阿梅: 可以，每家限两把
[2031-05-08 20:07] 老邓: 好的
"""


def test_the_answerers_next_small_talk_is_left_out_of_the_answer() -> None:
    pairs = _qa(CHOIR)
    clothes = next(a for q, _, a in pairs if "颜色" in q)
    assert "白衬衫" in clothes and "热" not in clothes


def test_an_answer_told_over_two_lines_stays_whole() -> None:
    pairs = _qa(CHOIR)
    gather = next(a for q, _, a in pairs if "集合" in q)
    assert "一点半" in gather and "二号侧门" in gather


def test_small_talk_after_a_bare_answer_is_left_out_too() -> None:
    pairs = _qa(GARDEN)
    gate = next((who, a) for q, who, a in pairs if "入口" in q)
    assert gate == ("园长-阿梅", "北门")


BAZAAR = """[2031-05-14 19:00] 会长-老彭: 周日楼下跳蚤市场，大家有问题问
[2031-05-14 19:01] 小叶: 几点开始摆摊？
[2031-05-14 19:02] 会长-老彭: 早上八点
[2031-05-14 19:03] 会长-老彭: 阿辉你那个折叠桌修好了没
[2031-05-14 19:04] 阿辉: 修好了，周日带下来
[2031-05-14 19:05] 小叶: 摊位费多少钱？
[2031-05-14 19:06] 会长-老彭: 十块
[2031-05-14 19:07] 会长-老彭: 阿辉那里也能交
"""


def test_a_line_calling_another_member_is_not_more_of_the_answer() -> None:
    pairs = {q: (who, a) for q, who, a in _qa(BAZAAR)}
    start = next(v for q, v in pairs.items() if "几点" in q)
    assert start == ("会长-老彭", "早上八点")


def test_a_line_naming_a_member_as_its_subject_still_goes_on() -> None:
    pairs = {q: (who, a) for q, who, a in _qa(BAZAAR)}
    fee = next(v for q, v in pairs.items() if "摊位费" in q)
    assert "十块" in fee[1] and "阿辉那里也能交" in fee[1]


SWIM = """[2031-05-12 18:00] 教练-小庄: 周六游泳课照常，有问题问我
[2031-05-12 18:01] 朵朵妈: 要自己带泳帽吗？
[2031-05-12 18:02] 乐乐爸: 一节课上多少分钟？
[2031-05-12 18:03] 教练-小庄: 一节60分钟
[2031-05-12 18:04] 教练-小庄: 不用，馆里发
[2031-05-12 18:05] 朵朵妈: 好的
"""


def test_the_next_line_answering_an_older_question_in_its_form_goes_to_it() -> None:
    pairs = {q: (who, a) for q, who, a in _qa(SWIM)}
    cap = next(v for q, v in pairs.items() if "泳帽" in q)
    length = next(v for q, v in pairs.items() if "多少分钟" in q)
    assert cap == ("教练-小庄", "不用，馆里发")
    assert "60分钟" in length[1] and "馆里发" not in length[1]


LIBRARY = """[2031-05-16 10:00] 馆长-周姐: 下周社区图书角开放，有问题在群里问
[2031-05-16 10:01] 小溪: 图书角在哪一层？
[2031-05-16 10:02] 阿凯: 去年是在二楼
[2031-05-16 10:03] 老吴: 看完的书还给谁？
[2031-05-16 10:04] 馆长-周姐: 还给值班的刘阿姨
[2031-05-16 10:05] 馆长-周姐: 今年图书角改在一楼东侧了
[2031-05-16 10:06] 小溪: 收到
"""


def test_a_next_line_on_a_question_a_member_answered_is_not_more_of_the_answer() -> None:
    pairs = {q: (who, a) for q, who, a in _qa(LIBRARY)}
    back = next(v for q, v in pairs.items() if "还给谁" in q)
    assert back == ("馆长-周姐", "还给值班的刘阿姨")


HIKE = """[2031-05-10 09:00] 领队-阿峰: 周日爬白云山，有问题问我
[2031-05-10 09:01] 小罗: 在哪里集合？
[2031-05-10 09:02] 小罗: 要带午饭吗？
[2031-05-10 09:03] 领队-阿峰: 南门集合
[2031-05-10 09:04] 领队-阿峰: 山顶有餐厅，不用带
[2031-05-10 09:05] 小罗: 几点出发？
[2031-05-10 09:06] 领队-阿峰: 早上七点
[2031-05-10 09:07] 阿青: 我七点半才到得了
"""

HIKE_SPEC = {
    "format": "wechat-inline", "script": "zh-Hans", "date": "2031-05-10", "session_type": "话题讨论",
    "qa": [
        {"asker": "小罗", "question": ["午饭"], "answerer": "领队-阿峰", "answer": ["不用带"]},
        {"asker": "小罗", "question": ["几点出发"], "answerer": "领队-阿峰", "answer": ["七点"]},
    ],
}


def _hike_notes() -> Notes:
    return Notes(
        title="爬白云山", date="2031-05-10", session_type="话题讨论", host="领队-阿峰",
        qa=[QAPair(question="在哪里集合", asker="小罗", answer="南门集合 山顶有餐厅，不用带", answerer="领队-阿峰",
                   sources=[2, 4, 5]),
            QAPair(question="要带午饭吗", asker="小罗", answer="早上七点", answerer="领队-阿峰", sources=[3, 7]),
            QAPair(question="几点出发", asker="小罗", answer="我七点半才到得了", answerer="阿青", sources=[6, 8])],
    )


def test_the_right_line_glued_onto_an_older_answer_is_its_own_class() -> None:
    s = ev.score_notes(_hike_notes(), parse_text(HIKE, "hike.txt"), ev.ChatSpec.model_validate(HIKE_SPEC))
    assert s.why.get("qa_reply_how/given_elsewhere_glued_older") == 1
    assert s.why.get("qa/answer_other_given_elsewhere") == 1
    assert set(s.why) <= set(ev.WHY_LABELS)


def test_the_split_leaves_the_qa_classes_and_scores_alone() -> None:
    s = ev.score_notes(_hike_notes(), parse_text(HIKE, "hike.txt"), ev.ChatSpec.model_validate(HIKE_SPEC))
    assert s.tallies["qa_pairs"].hit == 0 and s.tallies["qa_pairs"].total == 2
    assert sum(n for k, n in s.why.items() if k.startswith("qa/")) == 2

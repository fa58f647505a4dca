"""Round 83 (d13a83): who answered whom when the one running the chat answers by name, hands work by @, or answers
a later question next to an earlier one (issue 13, Q&A pairs).

- a line that opens by calling an asker by name and a pause ("阿彦 第一次来的先上半小时入门") answers their waiting
  question on its words, as an @ would (pairing._called_asker);
- an @-line handing its member work in its first clause ("@晓雯 你明天前把人数统计一下发我") answers no question of theirs
  (pairing._hands_work_first);
- the answerer's next line that takes up more of a question asked in between than of the one just answered answers
  that one (pairing._fits_newer_better), and of several guessed-at questions a line answers the one it takes up most
  (reading.common_ground).

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_lines, chat_notes, pair_asking

from copilot.notes.pairing import _called_asker, _form_reader, _Open
from copilot.notes.reading import People, common_ground

START = datetime(2027, 4, 6, 19, 0)  # a Tuesday evening


POTTERY = (
    "老师-周姐|这周六下午两点陶艺工作室上拉坯课，地址在文化馆二楼",
    "小葵|第一次来的要先交押金吗",
    "阿乐|我家孩子也想学",
    "阿乐|好想去啊",
    "大宇|做好的杯子能带回家吗",
    "老师-周姐|小葵 押金不用交，第一次来直接付课时费就行",
    "老师-周姐|@大宇 杯子要烧一周，烧好了再通知你来拿",
)


def test_an_answer_opening_on_the_askers_name_answers_their_question():
    notes = chat_notes(*POTTERY, start=START)
    q = pair_asking(notes, "押金")
    assert q is not None and q.answerer == "老师-周姐" and "不用交" in q.answer
    q = pair_asking(notes, "杯子")
    assert q is not None and "烧一周" in q.answer
    # bad input for the rule: the same line without the name opening is no answer to the earlier asker's question
    # by name (the asker just before waits too): it is then not taken as put to 小葵
    plain = chat_notes(*POTTERY[:5], "老师-周姐|大宇 你周五前把报名费收齐交给我", start=START)
    q = pair_asking(plain, "押金")
    assert q is None or "报名费" not in q.answer


def test_a_name_calling_line_that_hands_work_is_not_put_to_the_asker():
    messages = chat_lines(
        "社长-阿豪|周日上午九点在体育馆门口集合，羽毛球友谊赛",
        "小敏|球拍要自己带吗",
        "阿杰|今天好冷",
        "社长-阿豪|小敏 球拍馆里可以借，押金二十",
        "社长-阿豪|小敏，球拍的事再说",
        "社长-阿豪|小敏 你周五前把球拍的数量统计一下发我",
        "社长-阿豪|小敏球拍馆里可以借",
        start=START)
    people = People.of(messages)
    opened = [_Open(messages[1], 1, messages[1].text, set())]

    def called(i: int) -> list[str]:
        return _called_asker(messages[i], people, opened, i, 40, _form_reader(people))
    assert called(3) == ["小敏"]
    # hard negatives: work handed to the asker; a line with no pause after the name (the name as its subject)
    assert called(5) == [] and called(6) == []
    # bad input: the asker's question already answered by the one it was put to is no longer waiting
    opened[0].direct = True
    assert called(3) == []


def test_an_at_line_handing_work_is_no_answer_to_the_members_question():
    notes = chat_notes(
        "馆长-林姐|周六上午十点社区图书馆有绘本共读，三到六岁的孩子都可以来",
        "朵朵妈|要提前预约吗",
        "馆长-林姐|要预约，群里接龙就行",
        "豆豆爸|附近好停车吗",
        "馆长-林姐|@豆豆爸 你周四前把接龙的人数统计一下发我",
        "豆豆爸|好的",
        start=START)
    assert pair_asking(notes, "预约") is not None
    q = pair_asking(notes, "停车")
    assert q is None or "人数" not in q.answer
    # hard negative: an @-line that answers first and hands work after still answers
    notes = chat_notes(
        "馆长-林姐|周六上午十点社区图书馆有绘本共读，三到六岁的孩子都可以来",
        "豆豆爸|可以带两个孩子来吗",
        "馆长-林姐|@豆豆爸 可以带两个，你周四前把名字报给我",
        start=START)
    q = pair_asking(notes, "两个孩子")
    assert q is not None and "可以带两个" in q.answer


def test_the_next_line_on_a_question_asked_in_between_answers_that_one():
    notes = chat_notes(
        "物业-老何|5号楼下周二停水检修，早上九点到下午四点",
        "阿梅|检修那天快递能送上楼吗",
        "小庄|检修完会贴通知吗",
        "物业-老何|@阿梅 快递放一楼门卫室，下班自己拿",
        "物业-老何|通知检修完贴在电梯里，物业也会发群",
        start=START)
    q = pair_asking(notes, "快递")
    assert q is not None and "电梯" not in q.answer
    q = pair_asking(notes, "通知")
    assert q is not None and "贴在电梯里" in q.answer


def test_a_guess_gives_way_to_the_line_on_its_questions_words():
    notes = chat_notes(
        "店长-Leo|周日下午三点手冲咖啡体验课，在东门店二楼",
        "晓雯|请问需要自己带滤杯不",
        "阿凡|我上次去的时候好像是店里提供的",
        "阿凡|冲好的咖啡可以带走吗",
        "小陆|我周日可能要加班",
        "店长-Leo|滤杯店里统一提供，有陶瓷和玻璃两种可以选",
        start=START)
    q = pair_asking(notes, "滤杯")
    assert q is not None and q.answerer == "店长-Leo" and "统一提供" in q.answer
    q = pair_asking(notes, "带走")
    assert q is None or "滤杯" not in q.answer


def test_common_ground_counts_the_questions_words_not_function_words():
    reply = "滤杯店里统一提供，有陶瓷和玻璃两种可以选"
    assert common_ground("请问需要自己带滤杯不", reply) > common_ground("冲好的咖啡可以带走吗", reply)
    assert common_ground("冲好的咖啡可以带走吗", reply) == 0  # 可以 in common is no ground

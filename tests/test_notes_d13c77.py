"""Issue 13, round 77 (d13c77): Q&A precision. A call for help only turned down ("周日谁有空去仓库搬猫粮？" — "我周日不在，
要加班", Cantonese "邊個識彈琴？" — "我唔識彈喎，不過可以幫手派歌紙") is answered by no one: no Q&A pair
(structure._turned_down, cue reply.turns_down); a member taking it on still answers it. Two question lines of one
asker answered by a few words of the first ("门票多少钱？" "能刷卡吗？" — "门票二十") pair the first, not the line just
before (pairing._short_answer). Hard negatives that must not change: chatter asked and answered ("吃了吗" — "刚吃完",
"真的假的" — "真的…"), a two-part question whose second half nobody answers.

The chats are written by hand for this test.
"""

from __future__ import annotations

import pytest

from copilot.notes.model import Notes, QAPair
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text
from copilot.notes.structure import _turned_down

HEAD = [("救助站-小林", "今天在菜市场捡到一只小橘猫，已经驱虫了，先在站里观察两天")]


def _notes(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> Notes:
    chat = "".join(f"[2031-11-08 20:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(head + lines))
    return summarize_offline(parse_text(chat, "chat.txt"))


def _pair(qa: list[QAPair], asked: str) -> QAPair | None:
    return next((q for q in qa if asked in q.question), None)


def test_a_call_only_turned_down_is_no_pair_and_a_taken_one_is() -> None:
    notes = _notes([("救助站-小林", "这周末谁能临时寄养一下小橘？站里笼子不够了"), ("阿May", "交给我，我家有空笼子"),
                    ("大刘", "疫苗在哪家医院打"), ("救助站-小林", "宠爱动物医院，跟我们合作的，打八折"),
                    ("救助站-小林", "周日谁有空去仓库搬猫粮？"), ("小白", "我周日不在，要加班"),
                    ("大刘", "这只猫多大了"), ("阿May", "看牙齿大概三个月")])
    assert _pair(notes.qa, "猫粮") is None, notes.qa
    taken = _pair(notes.qa, "寄养")
    assert taken is not None and taken.answerer == "阿May", notes.qa
    assert _pair(notes.qa, "疫苗") is not None, notes.qa


def test_a_cantonese_refusal_with_another_offer_answers_no_call() -> None:
    notes = _notes([("團契-Grace", "邊個可以負責影相？"), ("Peter", "我嚟，我有相機"),
                    ("阿Ken", "禮物大概幾錢"), ("團契-Grace", "一百蚊左右就得"),
                    ("團契-Grace", "仲有，邊個可以幫手伴奏？想彈聖詩"), ("阿Joyce", "我唔識彈喎，不過可以幫手派歌紙"),
                    ("阿Ken", "收到")],
                   head=[("團契-Grace", "各位，下個禮拜六下晝三點喺教會禮堂搞聖誕聯歡，六點完")])
    assert _pair(notes.qa, "伴奏") is None, notes.qa
    photo = _pair(notes.qa, "影相")
    assert photo is not None and photo.answerer == "Peter", notes.qa


@pytest.mark.parametrize(("answer", "down"), [
    ("我周日不在，要加班", True), ("我不一定去得了，看情况", True), ("我嗰日要返工，嚟唔到", True),
    ("我都唔得，要陪屋企人飲茶", True),
    ("我来，不过周六不在", False), ("我去，上午都在家", False), ("交给我，我家有空笼子", False),
])
def test_turned_down_reads_the_answer(answer: str, down: bool) -> None:
    from datetime import datetime

    from copilot.notes.model import Message

    msgs = [Message(id=1, time=datetime(2031, 11, 8, 20, 0), speaker="小林", text="周日谁有空去仓库搬猫粮？"),
            Message(id=2, time=datetime(2031, 11, 8, 20, 1), speaker="小白", text=answer)]
    p = QAPair(question="周日谁有空去仓库搬猫粮？", asker="小林", answer=answer, answerer="小白", sources=[1, 2])
    assert _turned_down(p, msgs) is down


def test_a_plain_question_answered_no_is_still_a_pair() -> None:
    """Not a call for help: "我不会" to "会下雨吗" is an answer; only a 谁 call is turned down."""
    from datetime import datetime

    from copilot.notes.model import Message

    msgs = [Message(id=1, time=datetime(2031, 11, 8, 20, 0), speaker="小林", text="明天会下雨吗"),
            Message(id=2, time=datetime(2031, 11, 8, 20, 1), speaker="小白", text="我看了预报，我不在乎，不会下")]
    p = QAPair(question="明天会下雨吗", asker="小林", answer=msgs[1].text, answerer="小白", sources=[1, 2])
    assert _turned_down(p, msgs) is False


def test_two_question_lines_answered_by_the_first_ones_words() -> None:
    notes = _notes([("小鹿", "湿地公园门票多少钱？"), ("小鹿", "能刷卡吗？"), ("摄影群-老杨", "门票二十"),
                    ("大米", "好的")],
                   head=[("摄影群-老杨", "这周日去湿地公园拍鸟，早上六点半北门集合")])
    got = _pair(notes.qa, "门票")
    assert got is not None and "门票二十" in got.answer, notes.qa
    assert _pair(notes.qa, "刷卡") is None, notes.qa


def test_a_few_words_still_answer_the_line_just_before() -> None:
    """Hard negative: the short answer shares no word with the first line — it answers the question just asked."""
    notes = _notes([("小鹿", "几点集合？"), ("小鹿", "停车场在哪？"), ("摄影群-老杨", "东门地下"), ("大米", "好的")],
                   head=[("摄影群-老杨", "这周日去湿地公园拍鸟")])
    got = _pair(notes.qa, "停车场")
    assert got is not None and "东门" in got.answer, notes.qa


def test_chatter_and_a_half_answered_two_part_question_stay_as_they_were() -> None:
    notes = _notes([("胖虎", "周姐吃了吗"), ("业主群-周姐", "刚吃完，今天食堂有红烧肉"),
                    ("小满妈妈", "旧电器收不收"), ("业主群-周姐", "小家电收，冰箱洗衣机这种大件不收"),
                    ("胖虎", "听说隔壁小区上周收了两吨旧衣服"), ("阿伟", "真的假的"), ("胖虎", "真的，我表姐就住那边"),
                    ("大米", "要带袋子吗？中午管饭吗？"), ("业主群-周姐", "袋子最好自己带"), ("阿伟", "收到")],
                   head=[("业主群-周姐", "各位邻居，本周六上午九点小区东门摆摊，旧衣物和旧书回收，下午一点结束")])
    assert _pair(notes.qa, "吃了吗") is None and _pair(notes.qa, "真的假的") is None, notes.qa
    assert _pair(notes.qa, "旧电器") is not None, notes.qa
    bag = _pair(notes.qa, "袋子")
    assert bag is not None and bag.answerer == "业主群-周姐" and "管饭" in bag.question, notes.qa

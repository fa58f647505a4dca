"""Round 57 (d13e57): among the lines after a question, the one giving what it asks for answers it — not a member's
own story that came first ("面团放几天会干" — "我家上次捏的放了三天就裂了" — the teacher's "能放一个礼拜"); a place
answers 放哪 / 在哪里, the things to take answer 带什么; an evening round of numbered items answers the questions a
member's own story took during the day.

Every chat below was written for these tests (a dough-figurine class, a go club, a baking class, a chess club); none
is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa

START = datetime(2027, 10, 12, 15, 0)

_msgs = partial(chat_lines, start=START)


def _qa(lines: tuple[str, ...], speakers: list[str], host: str | None = None) -> dict[str, tuple[str, str]]:
    return {p.question: (p.answerer, p.answer)
            for p in find_qa(_msgs(*lines), "话题讨论", speakers, host, topic=frozenset({"面塑", "周六"}))}


def test_a_later_fitting_answer_beats_a_members_own_story() -> None:
    qa = _qa(("陈师傅|周六下午面塑课，材料我准备",
              "乐乐奶奶|面团放几天会干",
              "朵朵妈|我家上次捏的放了三天就裂了",
              "陈师傅|加了甘油的能放一个礼拜，用保鲜膜包好"), ["陈师傅"])
    assert qa["面团放几天会干"][0] == "陈师傅" and "一个礼拜" in qa["面团放几天会干"][1]


def test_a_members_real_answer_next_is_kept() -> None:
    qa = _qa(("陈师傅|周六下午面塑课，材料我准备",
              "乐乐奶奶|面团放几天会干",
              "朵朵妈|加了甘油的能放一个礼拜",
              "果果爸|我上次放了三天就裂了"), ["陈师傅"])
    assert qa["面团放几天会干"][0] == "朵朵妈"


def test_a_place_answers_where_after_a_story() -> None:
    qa = _qa(("老聂|周六上午围棋联赛开赛",
              "莉莉|棋盘棋子放哪",
              "阿忠|我家那副旧的还在阳台上",
              "老聂|统一放在文化站二楼储物柜，钥匙在门卫那里"), ["老聂"], host="老聂")
    assert qa["棋盘棋子放哪"][0] == "老聂" and "储物柜" in qa["棋盘棋子放哪"][1]


def test_the_things_to_take_answer_what_to_bring() -> None:
    qa = _qa(("Coco|周六下午2点做欧包，材料我来准备",
              "圆圆|要带什么",
              "小米妈|我上次忘带围裙，衣服全是面粉",
              "Coco|带一个保鲜盒装成品，还有围裙和袖套"), ["Coco"], host="Coco")
    assert qa["要带什么"][0] == "Coco" and "保鲜盒" in qa["要带什么"][1]


def test_a_numbered_round_answers_a_question_a_story_took() -> None:
    qa = _qa(("老范|周六下午2点社区象棋赛",
              "小蒋|棋子要自己带吗",
              "阿宝|我家那副棋子还是我爷爷留下的",
              "小蒋|中午管饭吗",
              "老范|大家白天问的统一回复：1. 棋子不用带，活动中心有二十副；2. 中午不管饭，比赛下午才开始"),
             ["老范"], host="老范")
    assert qa["棋子要自己带吗"][0] == "老范" and "不用带" in qa["棋子要自己带吗"][1]
    assert "不管饭" in qa["中午管饭吗"][1]

"""``--why`` for a question paired with the wrong reply: how the wrong reply was taken (issue 13, round 66).

A badminton club's chat written for this test; the notes are written by hand so that each way of taking the wrong
reply (another member's line, or the listed answerer's wrong line) occurs once. The classes leave the scores alone.
"""

from __future__ import annotations

import pytest

from copilot.evals import notes as ev
from copilot.notes.model import Notes, QAPair
from copilot.notes.parse import parse_text

CHAT = """[2026-04-01 20:00] 阿强: 本周六羽毛球照常，地点体育馆三楼
[2026-04-01 20:01] 小美: 几点开始？
[2026-04-01 20:02] 小美: 是不是两点？
[2026-04-01 20:03] 阿强: 下午三点开始
[2026-04-01 20:04] 大刘: 要自带球拍吗？
[2026-04-01 20:05] 小美: 不用吧
[2026-04-01 20:06] 阿强: 不用带，馆里有球拍借
[2026-04-01 20:07] 小杨: 场地费多少？
[2026-04-01 20:08] 小美: 好像二十吧
[2026-04-01 20:09] 小美: 场地费每人三十五，现场交
[2026-04-01 20:10] 小杨: 停车方便吗？
[2026-04-01 20:11] 小美: 我上次去的时候停车场很满，最好还是坐地铁过去
[2026-04-01 20:12] 小美: 地下有停车场，两小时免费
[2026-04-01 20:13] 大刘: 要穿什么鞋？
[2026-04-01 20:14] 小美: 穿运动鞋就行
[2026-04-01 20:15] 阿强: 我补充一下，鞋底要白色的
[2026-04-01 20:16] 小杨: 几点结束？
[2026-04-01 20:17] 大刘: 要带水吗？
[2026-04-01 20:18] 阿强: 五点结束，水自己带
[2026-04-01 20:19] 小美: 大概傍晚吧
[2026-04-01 20:20] 小杨: 一共几个人？
[2026-04-01 20:21] 阿强: 报了十二个
[2026-04-01 20:22] 阿强: 人数够开四块场
"""

SPEC = {
    "format": "wechat-inline", "script": "zh-Hans", "date": "2026-04-01", "session_type": "话题讨论",
    "qa": [
        {"asker": "小美", "question": ["几点开始"], "answerer": "阿强", "answer": ["三点"]},      # asker's own line
        {"asker": "大刘", "question": ["球拍"], "answerer": "阿强", "answer": ["球拍借"]},        # host answers later
        {"asker": "小杨", "question": ["场地费"], "answerer": "小美", "answer": ["三十五"]},      # short guess first
        {"asker": "小杨", "question": ["停车"], "answerer": "小美", "answer": ["免费"]},          # full line first
        {"asker": "大刘", "question": ["穿什么鞋"], "answerer": "小美", "answer": ["运动鞋"]},    # a later line
        {"asker": "小杨", "question": ["几点结束"], "answerer": "阿强", "answer": ["五点"]},      # given elsewhere
        {"asker": "小杨", "question": ["几个人"], "answerer": "阿强", "answer": ["十二", "四块场"]},   # no one line (text)
        {"asker": "小杨", "question": ["场地费"], "answerer": "大刘", "answer": ["二十", "现场交"]},  # no line (other)
    ],
}


def _notes() -> Notes:
    return Notes(
        title="周六羽毛球", date="2026-04-01", session_type="话题讨论", host="阿强",
        qa=[QAPair(question="几点开始", asker="小美", answer="是不是两点", answerer="小美", sources=[2, 3]),
            QAPair(question="要自带球拍吗", asker="大刘", answer="不用吧", answerer="小美", sources=[5, 6]),
            QAPair(question="场地费多少", asker="小杨", answer="好像二十吧", answerer="小美", sources=[8, 9]),
            QAPair(question="停车方便吗", asker="小杨", answer="最好还是坐地铁过去", answerer="小美", sources=[11, 12]),
            QAPair(question="要穿什么鞋", asker="大刘", answer="鞋底要白色的", answerer="阿强", sources=[14, 16]),
            QAPair(question="要带水吗", asker="大刘", answer="五点结束，水自己带", answerer="阿强", sources=[18, 19]),
            QAPair(question="几点结束", asker="小杨", answer="大概傍晚吧", answerer="小美", sources=[17, 20]),
            QAPair(question="一共几个人", asker="小杨", answer="人数够开四块场", answerer="阿强", sources=[21, 23])],
    )


@pytest.fixture
def transcript():  # type: ignore[no-untyped-def]
    return parse_text(CHAT, "badminton.txt")


def test_each_way_of_taking_the_wrong_reply_is_its_own_class(transcript) -> None:  # type: ignore[no-untyped-def]
    s = ev.score_notes(_notes(), transcript, ev.ChatSpec.model_validate(SPEC))
    assert {k: n for k, n in s.why.items() if k.startswith("qa/")} == {
        "qa/answer_other_asker_own": 1, "qa/answer_other_earlier_host_later": 1, "qa/answer_text_earlier_short": 1,
        "qa/answer_text_earlier_full": 1, "qa/answer_other_later": 1, "qa/answer_other_given_elsewhere": 1,
        "qa/answer_text_no_line": 1, "qa/answer_other_no_line": 1,
    }
    assert set(s.why) <= set(ev.WHY_LABELS)


def test_the_reply_classes_leave_the_scores_alone(transcript) -> None:  # type: ignore[no-untyped-def]
    s = ev.score_notes(_notes(), transcript, ev.ChatSpec.model_validate(SPEC))
    assert s.tallies["qa_pairs"].hit == 0 and s.tallies["qa_pairs"].total == 8
    assert s.why.get("qa/ok", 0) == s.tallies["qa_pairs"].hit

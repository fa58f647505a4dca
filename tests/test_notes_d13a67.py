"""Issue 13, round 67: a listed question that reads as a question but that no pair holds (``question_read_unpaired``,
``question_read_todo_taken_unpaired``) is split by how it lost its answer line (``copilot eval notes --why``): the
structure pass paired it and the notes left it out, the answer words only come before it, only the asker answers,
the answer line is put by @ to someone else, and so on.

The chat (a community calligraphy class) and the notes are written by hand for this test.
"""

from __future__ import annotations

from copilot.evals import notes as ev
from copilot.notes.model import Notes
from copilot.notes.parse import parse_text

CHAT = """[2026-05-08 19:00] 林老师: 周日上午社区书法课，大家确认一下
[2026-05-08 19:01] 小周: 宣纸要自己带吗？
[2026-05-08 19:02] 林老师: 宣纸教室有，不用带
[2026-05-08 19:03] 阿梅: 墨汁我上次买了一大瓶，放在柜子里了
[2026-05-08 19:05] 小周: 今天天气真好
[2026-05-08 19:06] 阿梅: 毛笔要几号的？
[2026-05-08 19:07] 阿梅: 我查了一下，用中楷就行
[2026-05-08 19:08] 老郑: 停车方便吗？
[2026-05-08 19:09] 林老师: @小周 你把签到表打印一份，门口停车场满了
[2026-05-08 19:10] 小周: 好的
[2026-05-08 19:11] 老郑: 墨汁还有吗？
"""

SPEC = {
    "format": "wechat-inline", "script": "zh-Hans", "date": "2026-05-08", "session_type": "话题讨论",
    "qa": [
        {"asker": "小周", "question": ["宣纸"], "answerer": "林老师", "answer": ["不用带"]},
        {"asker": "老郑", "question": ["墨汁还有"], "answerer": "阿梅", "answer": ["一大瓶"]},
        {"asker": "阿梅", "question": ["毛笔"], "answerer": "阿梅", "answer": ["中楷"]},
        {"asker": "老郑", "question": ["停车"], "answerer": "林老师", "answer": ["停车场满了"]},
    ],
}


def _score() -> ev.ChatScore:
    notes = Notes(title="书法课", date="2026-05-08", session_type="话题讨论")  # no Q&A at all
    return ev.score_notes(notes, parse_text(CHAT, "calligraphy.txt"), ev.ChatSpec.model_validate(SPEC))


def test_an_unpaired_question_is_classed_by_how_it_lost_its_answer_line() -> None:
    s = _score()
    qa = {k: v for k, v in s.why.items() if k.startswith("qa/")}
    # 宣纸: the structure pass pairs it (林老师's next line), these notes hold no pair; 墨汁: 阿梅 told it before anyone
    # asked; 毛笔: only the asker answers herself; 停车: 林老师's line holding the answer is an @ to 小周
    assert qa == {"qa/question_read_unpaired_dropped_late": 1, "qa/question_read_unpaired_before": 1,
                  "qa/question_read_unpaired_asker": 1, "qa/question_read_unpaired_to_other": 1}
    assert set(s.why) <= set(ev.WHY_LABELS)


def test_every_split_class_has_a_label_in_both_families() -> None:
    for family in ("unpaired", "todo_taken_unpaired"):
        for how in ("dropped_late", "before", "asker", "chatter", "to_other", "to_asker", "far", "mid", "other_asked",
                    "near_related", "near_unrelated"):
            assert f"qa/question_read_{family}_{how}" in ev.WHY_LABELS
    assert "qa/question_read_unpaired" not in ev.WHY_LABELS


def test_the_split_classes_still_count_as_misses() -> None:
    s = _score()
    assert (s.tallies["qa_pairs"].hit, s.tallies["qa_pairs"].total) == (0, 4)

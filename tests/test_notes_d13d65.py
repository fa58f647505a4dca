"""Issue 13, round 65: a call for help taken on by a volunteer ("签到表谁来收？" — "我来收，会后交给周老师") is a to-do,
and the Q&A pairing's pair for it is left out of the notes but kept apart (``Structure.taken_qa``), so the
evaluation tells a pair the to-do took away (``todo_taken_filtered``) from a call for help the pairing never paired
(``todo_taken_unpaired``: "谁能帮忙拍几张照片？" — "我来").

The chat (a community reading club moving rooms) is written by hand for this test.
"""

from __future__ import annotations

from copilot.evals import notes as ev
from copilot.notes.model import Notes
from copilot.notes.parse import parse_text
from copilot.notes.structure import Structure, analyze

CHAT = """[2026-05-08 19:30] 周老师: 下周三社区读书会搬到二楼会议室，还有几件事要定
[2026-05-08 19:31] 小许: 茶水怎么弄？
[2026-05-08 19:32] 周老师: 我买两箱矿泉水带过去
[2026-05-08 19:36] 周老师: 谁能帮忙周三提前半小时来开门？
[2026-05-08 19:37] 阿芳: 我可以，物业给过我两把钥匙
[2026-05-08 19:38] 周老师: 签到表谁来收？
[2026-05-08 19:39] 小许: 我来收，会后交给周老师
[2026-05-08 19:40] 周老师: 谁能帮忙拍几张照片？
[2026-05-08 19:41] 老贺: 我来
[2026-05-08 19:42] 周老师: 好，辛苦几位
"""

SPEC = {
    "format": "wechat-inline", "script": "zh-Hans", "date": "2026-05-08", "session_type": "话题讨论",
    "qa": [
        {"asker": "小许", "question": ["茶水"], "answerer": "周老师", "answer": ["矿泉水"]},
        {"asker": "周老师", "question": ["开门"], "answerer": "阿芳", "answer": ["钥匙"]},
        {"asker": "周老师", "question": ["签到表"], "answerer": "小许", "answer": ["我来收"]},
        {"asker": "周老师", "question": ["拍几张照片"], "answerer": "老贺", "answer": ["我来"]},
    ],
}


def _structure() -> Structure:
    return analyze(parse_text(CHAT, "book.txt"))


def test_calls_for_help_taken_on_are_to_dos_and_their_pairs_are_kept_apart() -> None:
    st = _structure()
    # a plain question is paired as before; since round 76 (d13f76) each call taken on is listed under Q&A too, the
    # taker its answerer (structure._taken_pairs), and the pairing's own pairs the to-dos took are still kept apart
    assert [q.sources for q in st.qa] == [[2, 3], [4, 5], [6, 7], [8, 9]]
    assert [q.sources for q in st.taken_qa] == [[4, 5], [6, 7]]
    assert {(a.owner, tuple(a.sources)) for a in st.actions} >= {("阿芳", (4, 5)), ("小许", (6, 7)), ("老贺", (8, 9))}


def test_the_eval_tells_a_pair_the_to_do_took_from_a_call_never_paired() -> None:
    transcript = parse_text(CHAT, "book.txt")
    st = analyze(transcript)
    notes = Notes(title="读书会搬会议室", date="2026-05-08", session_type="话题讨论", qa=st.qa, actions=st.actions)
    s = ev.score_notes(notes, transcript, ev.ChatSpec.model_validate(SPEC))
    qa = {k: v for k, v in s.why.items() if k.startswith("qa/")}
    assert qa == {"qa/ok": 4}  # (round 76, d13f76: the calls taken on are Q&A pairs as well as to-dos)
    assert set(s.why) <= set(ev.WHY_LABELS)

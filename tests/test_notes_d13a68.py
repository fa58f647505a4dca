"""Issue 13, round 68 (d13a68): a stale value the notes did not read as changed (``leak_stale/unseen``) is split by how
its later change is said (``leak_stale_how/…``): by the same member or another one, with a correction word (更正) or a
change word (改成, 调成…), stating a new value of the same kind or not, on the old line's subject or not.

The chats and the notes are written by hand for this test.
"""

from __future__ import annotations

from copilot.evals import notes as ev
from copilot.notes.model import KeyPoint, Notes
from copilot.notes.parse import parse_text

HIKE = """[2030-05-09 21:00] 队长阿伟: 周六（5月18日）走凤凰山，早上7点地铁站B出口集合，AA车费每人30元
[2030-05-09 21:03] 小唐: 收到
[2030-05-09 21:06] 财务丽丽: 更正：车费是每人45元，不是30元，大巴公司涨价了
[2030-05-09 21:09] 小唐: 好的
"""

BAKING = """[2030-05-06 20:00] 组长阿梅: 周六（5月18日）亲子烘焙课在社区活动室，大家带围裙
[2030-05-06 20:01] 小罗: 请问多少钱一位？
[2030-05-06 20:02] 组长阿梅: 35元一位，含材料
[2030-05-06 20:03] 芳芳妈: 几岁可以参加
[2030-05-06 20:04] 组长阿梅: 5岁以上都可以
[2030-05-06 20:30] 组长阿梅: 费用调成每位40元，黄油涨价了
"""


def _why(chat: str, shown: str, stale: str) -> dict[str, int]:
    notes = Notes(title="活动", date="2030-05-06", session_type="话题讨论", key_points=[KeyPoint(text=shown, sources=[1])])
    spec = ev.ChatSpec.model_validate({"format": "wechat-inline", "script": "zh-Hans", "date": "2030-05-06",
                                       "session_type": "话题讨论", "must_not": [stale]})
    s = ev.score_notes(notes, parse_text(chat, "chat.txt"), spec)
    assert set(s.why) <= set(ev.WHY_LABELS)
    return {k: v for k, v in s.why.items() if k.startswith("leak_stale")}


def test_another_members_correction_is_told_apart() -> None:
    why = _why(HIKE, "车费每人30元", "每人30元")
    assert why == {"leak_stale/unseen": 1, "leak_stale_in/unseen_points": 1,
                   "leak_stale_how/other_correction_kind_rel": 1}


def test_the_same_members_change_on_a_line_sharing_no_word_is_told_apart() -> None:
    why = _why(BAKING, "35元一位，含材料", "35元一位")
    assert why == {"leak_stale/unseen": 1, "leak_stale_in/unseen_points": 1,
                   "leak_stale_how/same_moved_kind_unrel": 1}


def test_a_value_shown_as_changed_is_no_leak_and_gets_no_how_class() -> None:
    why = _why(HIKE, "车费每人30元（已改：每人45元）", "每人30元")
    assert why == {}

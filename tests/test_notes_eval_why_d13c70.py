"""Round 70 (d13c70): a deadline lost with its task (the task in the key points or nowhere in the notes) says whose
line the task is on — the group's, the owner's own, a line naming the owner, or another member's."""

from __future__ import annotations

from copilot.evals import notes as ev
from copilot.notes.model import KeyPoint, Notes
from copilot.notes.parse import parse_text

LOOSE_CHAT = """[2026-06-02 20:00] 阿May: 下周六社区游园会，物料和横幅都还没着落
[2026-06-02 20:01] 老郑: 横幅的事，小周你周四前看下
[2026-06-02 20:02] 阿May: 周五前得有人去趟仓库搬桌子
[2026-06-02 20:03] 小周: 我周三把签到表打出来
[2026-06-02 20:04] 老郑: 气球周五前交给小林买
"""


def _spec(*owned: tuple[str, str, str, str]) -> ev.ChatSpec:
    return ev.ChatSpec.model_validate({
        "format": "wechat-inline", "script": "zh-Hans", "date": "2026-06-02", "session_type": "话题讨论",
        "actions": [{"owner": o, "task": [t], "deadline": d, "deadline_text": w} for o, t, d, w in owned]})


def test_a_deadline_lost_with_its_task_says_whose_line_it_is_on() -> None:
    transcript = parse_text(LOOSE_CHAT, "fair.txt")
    notes = Notes(title="社区游园会", date="2026-06-02", session_type="话题讨论",
                  key_points=[KeyPoint(text="周五前得有人去趟仓库搬桌子", sources=[3])], qa=[], decisions=[], actions=[])
    spec = _spec(("小周", "横幅", "2026-06-04", "周四前"), ("大家", "仓库", "2026-06-05", "周五前"),
                 ("小周", "签到表", "2026-06-03", "周三"), ("阿May", "气球", "2026-06-05", "周五前"))
    s = ev.score_notes(notes, transcript, spec)
    deadlines = {k: v for k, v in s.why.items() if k.startswith("deadlines/")}
    assert deadlines == {"deadlines/no_task_nowhere_named": 1, "deadlines/no_task_in_points_group": 1,
                         "deadlines/no_task_nowhere_self": 1, "deadlines/no_task_nowhere_other": 1}
    assert set(s.why) <= set(ev.WHY_LABELS)

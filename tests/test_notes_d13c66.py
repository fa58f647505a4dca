"""Round 66 (d13c66): a found to-do's missing or other deadline is split by mechanism in the notes eval.

The chat (a neighbourhood flea market) and the hand-written notes are made for this test: each to-do carries its
deadline wrong in one way, and each way is counted once, with the scores unchanged.
"""

from __future__ import annotations

from copilot.evals import notes as ev
from copilot.notes.model import ActionItem, Notes
from copilot.notes.parse import parse_text

CHAT = """[2026-12-01 20:00] 阿芳: 周六跳蚤市场，大家把要卖的东西报给我
[2026-12-01 20:01] 阿芳: 小马周五前把摊位图画好
[2026-12-01 20:02] 老陈: 我下周三前把桌子借来
[2026-12-01 20:03] 小丽: 海报我来做
[2026-12-01 20:04] 小丽: 12月4日前发群里
[2026-12-01 20:05] 阿芳: 收款码我明天弄好，周四再对一遍账
[2026-12-01 20:06] 阿芳: 小马的摊位图改到周四前吧
[2026-12-01 20:07] 大刘: 音箱我今晚8点前试好
[2026-12-01 20:08] 小丽: 横幅十二月初三前挂上
"""

SPEC = {
    "format": "wechat-inline", "script": "zh-Hans", "date": "2026-12-01", "session_type": "话题讨论",
    "actions": [
        {"owner": "老陈", "task": ["桌子"], "deadline": "2026-12-09", "deadline_text": "下周三前"},
        {"owner": "小丽", "task": ["海报"], "deadline": "2026-12-04", "deadline_text": "12月4日前"},
        {"owner": "阿芳", "task": ["收款码"], "deadline": "2026-12-02", "deadline_text": "明天"},
        {"owner": "小马", "task": ["摊位图"], "deadline": "2026-12-04", "deadline_text": "周五前"},
        {"owner": "大刘", "task": ["音箱"], "deadline": "2026-12-01 20:00", "deadline_text": "今晚8点前"},
        {"owner": "小丽", "task": ["横幅"], "deadline": "2026-12-03", "deadline_text": "十二月初三前"},
    ],
}


def _notes() -> Notes:
    return Notes(title="周六跳蚤市场", date="2026-12-01", session_type="话题讨论", actions=[
        ActionItem(task="下周三前把桌子借来", owner="老陈", deadline="2026-12-02", sources=[3]),   # a week off
        ActionItem(task="做海报", owner="小丽", sources=[4]),                                      # date in the next line
        ActionItem(task="收款码弄好", owner="阿芳", deadline="2026-12-03", sources=[6]),          # the line's other day
        ActionItem(task="画好摊位图", owner="小马", deadline="2026-12-03", sources=[2]),          # changed later
        ActionItem(task="音箱试好", owner="大刘", sources=[8]),                                  # read, not given
        ActionItem(task="横幅挂上", owner="小丽", deadline="2026-12-05", sources=[9])])          # a form not read


def test_each_date_mechanism_is_counted_once() -> None:
    s = ev.score_notes(_notes(), parse_text(CHAT, "market.txt"), ev.ChatSpec.model_validate(SPEC))
    assert {k: n for k, n in s.why.items() if k.startswith("deadlines/")} == {
        "deadlines/other_date_context_week": 1, "deadlines/missing_other_line": 1,
        "deadlines/other_date_same_line_other_time": 1, "deadlines/other_date_changed_later": 1,
        "deadlines/missing_dropped_in_line": 1, "deadlines/other_date_not_read": 1}
    assert set(s.why) <= set(ev.WHY_LABELS)
    assert s.tallies["deadlines_resolved"].hit == 0 and s.tallies["deadlines_resolved"].total == 6

"""Round 74 (d13e74): a key fact the chat holds but the notes leave out says which key-point step lost it — the line
read as chatter, left to the Q&A, read as a question or as housekeeping with a slot of the outline still free, or
picked and then lost."""

from __future__ import annotations

from copilot.evals import notes as ev
from copilot.notes.model import Notes
from copilot.notes.parse import parse_text

HIKE = """[2026-05-08 20:00] 群主阿岚: 下周六去白云山徒步，早上8点半南门集合，全程大概12公里
[2026-05-08 20:01] 小吴: 要带午饭吗？
[2026-05-08 20:02] 群主阿岚: 山顶有小卖部，不过建议自己带两瓶水和干粮
[2026-05-08 20:03] 老陈: 我那天刚好去医院复查，下次再约，我的车牌是粤A12345，停车场见到帮我看下
[2026-05-08 20:04] 群主阿岚: 费用AA，门票每人5元，大家看行不行？
[2026-05-08 20:05] 小吴: 好的
[2026-05-08 20:06] 阿芳: 哈哈哈哈
[2026-05-08 20:07] 群主阿岚: 周四前在群里接龙报名
"""


def test_a_missed_key_fact_says_which_step_lost_it() -> None:
    transcript = parse_text(HIKE, "hike.txt")
    spec = ev.ChatSpec.model_validate({
        "format": "wechat-inline", "script": "zh-Hans", "date": "2026-05-08", "session_type": "话题讨论",
        "key_facts": [["12公里"], ["两瓶水"], ["粤A12345"], ["每人5元"], ["接龙报名"], ["白云山"]]})
    notes = Notes(title="白云山徒步", date="2026-05-08", session_type="话题讨论", key_points=[], qa=[], decisions=[],
                  actions=[])
    s = ev.score_notes(notes, transcript, spec)
    how = {k: v for k, v in s.why.items() if k.startswith("key_facts_how/")}
    assert how == {"key_facts_how/chosen_lost": 1, "key_facts_how/other_section": 1, "key_facts_how/chatter": 1,
                   "key_facts_how/asked_free": 1, "key_facts_how/housekeeping_free": 1}
    assert s.why["key_facts/in_chat_not_in_notes"] == 5 and s.why["key_facts/ok"] == 1  # (the title holds 白云山)
    assert set(s.why) <= set(ev.WHY_LABELS)

"""Round 69 (d13b69): a missed to-do whose line is the owner's own first-person line, not rejected by the task model
(``…_model_yes``), says which step of the to-do reader dropped it (:func:`copilot.evals.notes._drop_step`)."""

from __future__ import annotations

from copilot.devtools.patching import bound_in
from copilot.evals import notes as ev
from copilot.notes.model import KeyPoint, Notes
from copilot.notes.parse import parse_text

CHAT = """[2026-09-02 20:00] 阿梅: 国庆亲子徒步的事大家看一下，路线定在南山绿道
[2026-09-02 20:01] 小吴: 收到 我弄张表
[2026-09-02 20:02] 老黄: 我周五前把保险买好
[2026-09-02 20:03] 阿梅: 好的辛苦
[2026-09-02 20:04] 阿强: 我那双鞋去年就坏了，我自己去鞋店修一下
"""


def _spec(*owned: tuple[str, str]) -> ev.ChatSpec:
    return ev.ChatSpec.model_validate({
        "format": "wechat-inline", "script": "zh-Hans", "date": "2026-09-02", "session_type": "话题讨论",
        "actions": [{"owner": o, "task": [t]} for o, t in owned]})


def _empty() -> Notes:
    return Notes(title="亲子徒步", date="2026-09-02", session_type="话题讨论",
                 key_points=[KeyPoint(text="国庆亲子徒步", sources=[1])], qa=[], decisions=[], actions=[])


def test_the_reader_step_that_drops_a_promise_is_named() -> None:
    transcript = parse_text(CHAT, "hike.txt")
    steps = {m.text: ev._drop_step(transcript.messages, m) for m in transcript.messages}
    assert steps["我周五前把保险买好"] == "_kept"  # the reader makes its to-do
    assert steps["收到 我弄张表"] == "_unread_mine"  # a 我-clause the reader reads as no to-do
    # (read as no 我-clause at all: the past remark before it leaves the line with no subject)
    assert steps["我那双鞋去年就坏了，我自己去鞋店修一下"] == "_unread_other"


def test_every_split_class_has_a_label() -> None:
    transcript = parse_text(CHAT, "hike.txt")
    s = ev.score_notes(_empty(), transcript, _spec(("老黄", "保险")))
    todos = [k for k in s.why if k.startswith("todos/")]
    assert todos == ["todos/no_task_nowhere_self_future_model_yes_kept"]
    assert set(s.why) <= set(ev.WHY_LABELS)
    # the replay leaves the reader as it was: no watcher stays on its steps
    assert all(getattr(part, n).__name__ == n for n in ev._WATCHED for part in bound_in(n))

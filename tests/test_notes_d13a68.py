"""Issue 13, round 68 (d13a68): a stale value the notes did not read as changed (``leak_stale/unseen``) is split by how
its later change is said (``leak_stale_how/…``): by the same member or another one, with a correction word (更正) or a
change word (改成, 调成…), stating a new value of the same kind or not, on the old line's subject or not.

The chats and the notes are written by hand for this test.
"""

from __future__ import annotations

from copilot.evals import notes as ev
from copilot.notes.corrections import restated_figures
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
    # (since d13b70 the notes read another member's correction of a line: the old fee shown as current is a seen one)
    why = _why(HIKE, "车费每人30元", "每人30元")
    assert why == {"leak_stale/seen": 1, "leak_stale_in/seen_points": 1}


def test_the_same_members_change_on_a_line_sharing_no_word_is_told_apart() -> None:
    why = _why(BAKING, "35元一位，含材料", "35元一位")
    assert why == {"leak_stale/unseen": 1, "leak_stale_in/unseen_points": 1,
                   "leak_stale_how/same_moved_kind_unrel": 1}


def test_a_value_shown_as_changed_is_no_leak_and_gets_no_how_class() -> None:
    why = _why(HIKE, "车费每人30元（已改：每人45元）", "每人30元")
    assert why == {}


def _far_chat(correction: str) -> str:
    head = ["[2030-05-09 20:00] 队长阿伟: 周六（5月18日）走凤凰山，早上7点地铁站B出口集合，大巴车费每人30元",
            "[2030-05-09 20:01] 队长阿伟: 物业那边两家报价：山水旅行社 4800元，顺风客运 5200元"]
    names = "小唐 阿敏 老郑 丽丽 大勇 小芳 阿杰 小雨 老何 婷婷 阿强 小兰 老孙 阿英 小陈 大鹏 阿珍 小伍 老吴 阿芬 小罗 阿华 小黄 老林"
    chatter = [f"[2030-05-09 20:{k + 2:02d}] {who}: 报名，{who}一个人" for k, who in enumerate(names.split())]
    return "\n".join([*head, *chatter, f"[2030-05-09 20:40] 队长阿伟: {correction}"]) + "\n"


def test_a_correction_well_after_the_line_restates_its_figure_on_the_same_thing() -> None:
    chat = _far_chat("更正一下：大巴车费每人45元，旅行社涨价了")
    messages = parse_text(chat, "chat.txt").messages
    fare = next(m for m in messages if "每人30元" in m.text)
    assert len([m for m in messages if m.id > fare.id]) > 20  # beyond the near reach
    restated = restated_figures(messages)
    assert fare.id in restated and "每人45元" in restated[fare.id].by.text


def test_a_correction_well_after_leaves_other_figures_of_that_kind() -> None:
    # the quotes two lines on share no subject with the corrected fare, however far back: they stay as said
    messages = parse_text(_far_chat("更正一下：大巴车费每人45元，旅行社涨价了"), "chat.txt").messages
    quotes = next(m for m in messages if "4800元" in m.text)
    assert quotes.id not in restated_figures(messages)

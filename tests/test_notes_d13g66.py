"""A member's own promise said with a modal of intent and concrete work, no time and no 我来/我负责 ("我会把烧烤架搬到
东门", "我要把两箱矿泉水带过去", "我得把急救包准备好", "我可以印二十张签到表"): cue owner.will_do gives the clause the
speaker as owner and keeps it as a to-do; a skill ("我会开车", "我会游泳") and a thing already done stay out.
Chats written for this test."""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.todos import _will_do, find_actions

PICNIC = """[2026-12-20 19:00] 社长阿文: 元旦那天去水库边野餐，上午十点东门集合，看看谁能帮点忙
[2026-12-20 19:02] 小周: 我会把烧烤架搬到东门，我家离得近
[2026-12-20 19:04] 老吴: 我会开车，不过那天我的车限号
[2026-12-20 19:06] 佳佳: 那我要把两箱矿泉水带过去
[2026-12-20 19:09] 小周: 我会游泳，水库能下水吗？
[2026-12-20 19:12] 阿莲: 我可以印二十张签到表，到时候放在东门
[2026-12-20 19:13] 老吴: 我上周把帐篷借给别人了
"""

HIKE = """[2026-12-22 20:00] 领队老马: 周六爬凤凰山，早上七点半地铁站B口集合，装备大家分一分
[2026-12-22 20:02] 阿杰: 我会带三根登山杖过去，多的可以借
[2026-12-22 20:03] 小雪: 我得把急救包准备好，上次用掉不少
[2026-12-22 20:09] 阿杰: 我会用对讲机，之前玩过
[2026-12-22 20:12] 小雪: 我昨天已经把头灯买好了
"""


def _owned(chat: str, name: str) -> list[tuple[str | None, str]]:
    actions = find_actions(parse_text(chat, name).messages)[0]
    return [(a.owner, a.task.split("（")[0]) for a in actions]  # (the line it answers, in brackets, is no work)


def test_a_will_promise_with_ba_or_a_count_is_the_speakers_to_do() -> None:
    got = _owned(PICNIC, "picnic.txt")
    assert [o for o, t in got if "烧烤架" in t] == ["小周"]
    assert [o for o, t in got if "矿泉水" in t] == ["佳佳"]
    assert [o for o, t in got if "签到表" in t] == ["阿莲"]


def test_a_skill_or_a_thing_done_is_no_to_do() -> None:
    got = _owned(PICNIC, "picnic.txt")
    assert not any(k in t for _, t in got for k in ("开车", "游泳", "帐篷"))
    hike = _owned(HIKE, "hike.txt")
    assert [o for o, t in hike if "登山杖" in t] == ["阿杰"]
    assert [o for o, t in hike if "急救包" in t] == ["小雪"]
    assert not any("对讲机" in t or "头灯" in t for _, t in hike)


def test_will_do_reads_the_modal_and_the_work_after_me() -> None:
    assert _will_do("我会把画架搬到南门")
    assert _will_do("我会带两筒球过去,上次剩的")
    assert _will_do("我会做几张书签")
    assert not _will_do("我会游泳")
    assert not _will_do("我会开车吗")
    assert not _will_do("我将来想学画画")

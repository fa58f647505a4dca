"""Issue 13, round 74 (d13a74): a change that names neither its subject nor the old value ("大家说贵了，改成每盆15元
吧" after the answer "每盆20元，现场交" to "参展费怎么收？") restates the nearest earlier line pricing the same unit
(每盆) once, when the change holds (its setter says yes, or it stands: _change_stands); a change of another fee
priced per another unit ("门票改成每人30元" after "停车场每车20元") or a proposal nobody took up leaves the line as it
was. A change
that moves a time and a place in one clause ("改到周六下午3点、在二号楼会议室") puts the place beside the old line too.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.evals import notes as ev
from copilot.notes.corrections import restated_figures, without_figures
from copilot.notes.model import KeyPoint, Notes
from copilot.notes.parse import parse_text

CHATTER = ["今天降温了，大家多穿点", "我家楼下新开了一家面馆", "那家面馆的牛肉面不错", "周末去看电影了吗",
           "看了，那部片子一般", "我儿子今天考试考得不错", "恭喜恭喜", "最近工作太忙了", "下雨天真不想出门",
           "上次的照片谁有", "我发群相册了", "群相册在哪里看"]
ASK = ("小何", "参展费怎么收？")
PRICE = ("会长老周", "每盆20元，现场交")


def _chat(lines: list[tuple[str, str]]) -> str:
    return "".join(f"[2031-04-10 {19 + i // 60}:{i % 60:02d}] {who}: {text}\n" for i, (who, text) in enumerate(lines))


def _between(n: int) -> list[tuple[str, str]]:
    names = ["阿兰", "老陈", "阿坤"]
    return [(names[i % len(names)], CHATTER[i % len(CHATTER)]) for i in range(n)]


def _final(lines: list[tuple[str, str]], text: str) -> str | None:
    """The first line saying ``text`` in its final state when a later change restates it, else None."""
    messages = parse_text(_chat(lines), "chat.txt").messages
    fixes = restated_figures(messages)
    line = next(m for m in messages if m.text == text)
    return without_figures(line.text, fixes[line.id]) if line.id in fixes else None


def test_an_agreed_change_by_its_unit_alone_restates_the_answer() -> None:
    got = _final([ASK, PRICE, *_between(8), ("副会长阿梅", "大家说贵了，改成每盆15元吧"), ("会长老周", "行，听大家的"),
                  ("阿兰", "好的，15元可以")], PRICE[1])
    assert got is not None and "（已改：15元）" in got and "现场交" in got, got


def test_a_suggestion_only_other_members_take_up_leaves_the_answer() -> None:
    # (as round 73's d13d73 reads a wish: a member's "也行" is no change of the price its setter stated)
    assert _final([ASK, PRICE, *_between(8), ("副会长阿梅", "大家说贵了，改成每盆15元吧"), ("老陈", "同意"),
                   ("阿兰", "好的，15元可以")], PRICE[1]) is None


def test_a_proposal_nobody_takes_up_leaves_the_answer() -> None:
    assert _final([ASK, PRICE, *_between(8), ("阿兰", "我觉得改成每盆15元吧"), ("会长老周", "不行，成本不够")],
                  PRICE[1]) is None


def test_a_proposal_asked_as_a_question_leaves_the_answer() -> None:
    assert _final([ASK, PRICE, *_between(8), ("阿兰", "要不改成每盆15元？"), ("会长老周", "不行，成本不够"),
                   ("老陈", "15元确实不够")], PRICE[1]) is None


def test_a_change_priced_per_another_unit_leaves_the_line() -> None:
    parking = ("领队大海", "景区停车场每车20元")
    lines = [("老罗", "开车去停车费多少？"), parking, *_between(6), ("领队大海", "另外景区通知门票改成每人30元，大家带够现金"),
             ("阿坤", "收到")]
    assert _final(lines, parking[1]) is None


def test_the_nearest_line_of_the_unit_is_the_one_changed() -> None:
    lunch = ("领队大海", "午餐每人25元，农家乐订好了")
    fee = ("领队大海", "报名费每人50元，含保险")
    got = _final([lunch, *_between(4), fee, *_between(4), ("副领队小梅", "保险公司那边通知涨价了，改成每人60元"),
                  ("阿坤", "好的，60元没问题")], fee[1])
    assert got is not None and "（已改：60元）" in got, got
    assert _final([lunch, *_between(4), fee, *_between(4), ("副领队小梅", "保险公司那边通知涨价了，改成每人60元"),
                   ("阿坤", "好的，60元没问题")], lunch[1]) is None


def test_a_change_of_time_and_place_puts_the_place_beside_the_old_notice() -> None:
    notice = ("社长阿强", "本周五晚上7点在一号楼活动室开读书分享会，每人准备一本书")
    got = _final([notice, *_between(6), ("社长阿强", "周五一号楼停电检修，分享会改到周六下午3点、在二号楼会议室"),
                  ("老陈", "好的")], notice[1])
    assert got is not None and "二号楼会议室" in got and "3点" in got, got


def test_a_change_of_time_alone_names_no_place() -> None:
    notice = ("社长阿强", "本周五晚上7点在一号楼活动室开读书分享会，每人准备一本书")
    got = _final([notice, *_between(6), ("社长阿强", "分享会改到周六下午3点，地方不变"), ("老陈", "好的")], notice[1])
    assert got is not None and "3点" in got and "楼" not in got.split("（已改：")[1], got


def test_a_venue_moved_in_its_own_clause_goes_beside_the_new_time() -> None:
    notice = ("物业小张", "消防演习本周二上午10点在大会堂门口集合，请各户派一人参加")
    got = _final([notice, *_between(5), ("物业小张", "消防演习改到周三上午9点半，地点改去长洲码头"), ("阿坤", "收到")],
                 notice[1])
    assert got is not None and "（已改：周三，9点半，长洲码头）" in got, got


def test_a_place_said_beside_a_time_change_without_a_venue_word_is_no_new_venue() -> None:
    notice = ("物业小张", "消防演习本周二上午10点在大会堂门口集合，请各户派一人参加")
    got = _final([notice, *_between(5), ("物业小张", "消防演习改到周三上午9点半，大家记得在小区门口看通知"),
                  ("阿坤", "收到")], notice[1])
    assert got is not None and "9点半" in got and "小区门口" not in got, got


def _shape(chat: str, shown: str, stale: str) -> dict[str, int]:
    """The ``stale_change_shape/…`` counts of notes showing ``shown`` for a chat whose ``stale`` value is listed."""
    notes = Notes(title="活动", date="2031-04-10", session_type="话题讨论", key_points=[KeyPoint(text=shown, sources=[2])])
    spec = ev.ChatSpec.model_validate({"format": "wechat", "script": "zh-Hans", "date": "2031-04-10",
                                       "session_type": "话题讨论", "must_not": [stale]})
    s = ev.score_notes(notes, parse_text(chat, "chat.txt"), spec)
    assert set(s.why) <= set(ev.WHY_LABELS)
    return {k: v for k, v in s.why.items() if k.startswith("stale_change_shape")}


def test_an_unread_change_is_counted_by_what_it_names_of_the_old_line() -> None:
    head = [ASK, PRICE, *_between(3)]
    unit = _chat([*head, ("阿兰", "改成每盆15元吧"), ("会长老周", "不行")])
    assert _shape(unit, "每盆20元，现场交", "每盆20元") == {"stale_change_shape/unit": 1}
    neither = _chat([*head, ("阿兰", "改成15块吧"), ("会长老周", "不行")])
    assert _shape(neither, "每盆20元，现场交", "每盆20元") == {"stale_change_shape/neither": 1}
    old = _chat([*head, ("阿兰", "20元改成15元吧"), ("会长老周", "不行")])
    assert _shape(old, "每盆20元，现场交", "每盆20元") == {"stale_change_shape/old": 1}


def test_a_bare_no_from_the_one_who_priced_it_is_no_yes() -> None:
    assert _final([ASK, PRICE, *_between(8), ("阿兰", "改成每盆15元吧"), ("会长老周", "不行")], PRICE[1]) is None
    got = _final([ASK, PRICE, *_between(8), ("阿兰", "改成每盆15元吧"), ("会长老周", "行")], PRICE[1])
    assert got is not None and "（已改：15元）" in got, got

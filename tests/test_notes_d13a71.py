"""Issue 13, round 71 (d13a71): a correction said long after the line it fixes. A correction that names the old value
beside its new one ("…改到晚上8点，7点半食堂还没收拾完") restates its speaker's line holding that value however far
back, and a correction may open right after a spoken lead-in ("对了更正一下").

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.corrections import _old_values_named, restated_figures
from copilot.notes.cues import cue
from copilot.notes.cues import folded as fold
from copilot.notes.parse import parse_text

ACKS = ["收到", "好的", "+1", "[强]", "[OK]", "嗯嗯", "早上好"]
CHATTER = ["今天降温了，大家多穿点", "我家楼下新开了一家面馆", "那家面馆的牛肉面不错", "周末去看电影了吗",
           "看了，那部片子一般", "我儿子今天考试考得不错", "恭喜恭喜", "最近工作太忙了", "下雨天真不想出门",
           "上次的照片谁有", "我发群相册了", "群相册在哪里看", "点群名右上角", "找到了谢谢", "最近在学做饭",
           "做饭挺好玩的", "下周要出差", "去哪里出差", "去成都", "成都好吃的多", "记得吃火锅", "一定一定"]


def _chat(first: str, between: list[str], last: str) -> str:
    names = ["阿华", "小雪", "老孙", "阿坤"]
    lines = [f"[2030-08-03 20:00] 组长老潘: {first}"]
    lines += [f"[2030-08-03 20:{i + 1:02d}] {names[i % len(names)]}: {t}" for i, t in enumerate(between)]
    lines.append(f"[2030-08-03 20:{len(between) + 1:02d}] 组长老潘: {last}")
    return "\n".join(lines) + "\n"


def _stale(chat: str) -> set[int]:
    messages = parse_text(chat, "chat.txt").messages
    return {i for i, m in enumerate(messages) if m.id in restated_figures(messages)}


def test_the_old_value_a_change_names_is_told_from_the_new() -> None:
    f = fold("更正一下，聚餐改到晚上8点，7点半食堂还没收拾完")
    assert _old_values_named(f, frozenset({"clock"})) == {"clock": ["7点半"]}
    # a correction that states only its new value names no old one
    assert _old_values_named(fold("更正一下，聚餐改到晚上8点"), frozenset({"clock"})) == {}
    # nor does one without a change word ("更正：8点集合，7点半到的先占座")
    assert _old_values_named(fold("更正：8点集合，7点半到的先占座"), frozenset({"clock"})) == {}


def test_far_correction_after_acknowledgements_naming_the_old_value_restates_it() -> None:
    # 50 lines between, most of them "收到", "+1" and stickers: the line holding the named old fee is still restated
    chat = _chat("30元，周六下午在社区图书室，自带水杯", ACKS * 6 + CHATTER[:8],
                 "对了更正一下，读书会场地费改成每人25元，30元是去年的价，社区今年给了优惠")
    assert 0 in _stale(chat)


def test_the_clause_after_the_change_word_holds_only_new_values() -> None:
    f = fold("更正：刚才琴师说周五不行，排练改为每周二和周四晚上7点到9点，地点不变")
    assert _old_values_named(f, frozenset({"clock", "day"})) == {"day": ["周五"]}


def test_far_correction_naming_the_old_value_restates_it() -> None:
    # more than correction_far_reach lines with content between; the correction names the old 7点半 in its reason
    chat = _chat("晚上7点半，活动室集合，大家带好球拍", CHATTER + CHATTER[:10],
                 "更正一下，训练改到晚上8点，7点半活动室还有别的班在用")
    assert 0 in _stale(chat)


def test_far_correction_without_the_old_value_leaves_an_unrelated_time() -> None:
    # the same distance, but the correction names no old value: a far line of another thing keeps its time
    chat = _chat("晚上7点半，活动室集合，大家带好球拍", CHATTER + CHATTER[:10], "更正一下，明天的聚餐改到晚上8点")
    assert 0 not in _stale(chat)


def test_a_far_line_with_another_value_of_the_kind_is_not_restated() -> None:
    # the correction names 7点半 as the old time; a far line saying 6点 is another thing
    chat = _chat("晚上6点，器材室先把网架好", CHATTER + CHATTER[:10], "更正一下，训练改到晚上8点，7点半活动室还有别的班在用")
    assert 0 not in _stale(chat)


def test_a_correction_may_open_after_a_lead_in() -> None:
    assert cue("correction").search(fold("对了更正一下，押金是每人50元"))
    assert cue("correction").search(fold("哦更正，是周日不是周六"))
    assert not cue("correction").search(fold("对了，明天记得带水"))

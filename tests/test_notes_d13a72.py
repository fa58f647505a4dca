"""Issue 13, round 72 (d13a72): a change that names only its subject and the new value ("到场时间改成下午2点半"),
said long after the line holding the old one, restates that line; so does another member's change the one who said
the old value says yes to. A line holding two times changes only in the clause the change's subject names.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.corrections import _slot_changes, restated_figures, restating, without_figures
from copilot.notes.cues import folded as fold
from copilot.notes.parse import parse_text

CHATTER = ["今天降温了，大家多穿点", "我家楼下新开了一家面馆", "那家面馆的牛肉面不错", "周末去看电影了吗",
           "看了，那部片子一般", "我儿子今天考试考得不错", "恭喜恭喜", "最近工作太忙了", "下雨天真不想出门",
           "上次的照片谁有", "我发群相册了", "群相册在哪里看", "点群名右上角", "找到了谢谢", "最近在学做饭",
           "做饭挺好玩的", "下周要出差", "去哪里出差", "去成都", "成都好吃的多", "记得吃火锅", "一定一定",
           "孩子的作业越来越难了", "数学题我都不会做", "可以找个家教", "家教一小时多少钱", "看老师吧", "我家猫又胖了",
           "少喂点零食", "它就爱吃冻干", "周末想去爬山", "哪座山人少", "后山那条小路人少", "路上注意安全",
           "新买的电饭煲挺好用", "什么牌子的", "超市打折买的"]


def _chat(lines: list[tuple[str, str]]) -> str:
    return "".join(f"[2030-06-01 {19 + i // 60}:{i % 60:02d}] {who}: {text}\n" for i, (who, text) in enumerate(lines))


def _restated(chat: str) -> dict[int, str]:
    messages = parse_text(chat, "chat.txt").messages
    fixes = restated_figures(messages)
    return {i: without_figures(m.text, fixes[m.id]) for i, m in enumerate(messages) if m.id in fixes}


def _between(n: int, start: int = 0) -> list[tuple[str, str]]:
    names = ["阿华", "小雪", "老孙", "阿坤"]
    return [(names[i % len(names)], CHATTER[(start + i) % len(CHATTER)]) for i in range(n)]


def test_a_field_word_read_as_an_adverb_names_the_slot() -> None:
    # the segmenter tags 到场 as an adverb: the change still names its slot
    assert _slot_changes(fold("通知一下，到场时间改成下午2点半")) == [(frozenset({"到场"}), frozenset({"clock"}))]
    assert _slot_changes(fold("签到时间改到早上8点")) == [(frozenset({"签到"}), frozenset({"clock"}))]
    # a bare 时间 names no slot still
    assert _slot_changes(fold("时间改到8点")) == []


def test_far_change_naming_only_its_subject_restates_the_line() -> None:
    chat = _chat([("社长阿芳", "周日社区义卖，摊主下午两点到场布置，地点在体育馆东门"), *_between(35),
                  ("社长阿芳", "通知一下，到场时间改成下午2点半")])
    got = _restated(chat)
    assert 0 in got
    assert "2点半" in got[0] and "体育馆东门" in got[0], got


def test_a_far_line_on_another_subject_keeps_its_time() -> None:
    chat = _chat([("社长阿芳", "周日下午两点在活动室开会，讨论下个月的义卖"), *_between(35),
                  ("社长阿芳", "通知一下，到场时间改成下午2点半")])
    assert 0 not in _restated(chat)


def test_another_members_change_the_holder_confirms_restates_the_line() -> None:
    lines = [("领队老韩", "周日去湿地公园拍鸟，早上7点在南门停车场集合"), *_between(12),
             ("副领队丽丽", "刚问过公园，集合时间改成早上6点半，日出太早了")]
    got = _restated(_chat([*lines, ("领队老韩", "对，按丽丽说的来")]))
    assert 0 in got and "6点半" in got[0] and "南门停车场" in got[0], got
    assert 0 in _restated(_chat([*lines, ("阿亮", "收到"), ("领队老韩", "好的")]))


def test_another_members_change_alone_moves_nothing() -> None:
    lines = [("领队老韩", "周日去湿地公园拍鸟，早上7点在南门停车场集合"), *_between(12),
             ("阿亮", "我觉得集合时间改成早上6点半比较好")]
    assert 0 not in _restated(_chat([*lines, ("小叶", "收到")]))
    # the holder asks back: no yes
    assert 0 not in _restated(_chat([*lines, ("领队老韩", "对，6点半来得及吗？")]))
    # the holder's yes comes too late
    assert 0 not in _restated(_chat([*lines, *_between(4, start=12), ("领队老韩", "好的")]))


def test_only_the_time_whose_subject_the_change_names_moves() -> None:
    chat = _chat([("团长大勇", "周六环湖跑，早上7点签到，7点半鸣枪出发"), *_between(20),
                  ("团长大勇", "管理处说湖边7点半前不让跑，出发时间改成8点，签到照旧")])
    got = _restated(chat)
    assert "早上7点签到" in got[0] and "（已改：8点）" in got[0], got
    assert "7点签到（" not in got[0], got


def test_a_correction_naming_the_old_value_marks_the_clause_holding_it() -> None:
    # the notice keeps its place (活动中心二楼) and the old time as said, the new one beside it
    chat = _chat([("社工小陈", "通知：爱心包裹周三下午4点在活动中心二楼领取，请带好登记卡"), *_between(6),
                  ("社工小陈", "更正一下：爱心包裹周三下午4点改到下午5点领取，地点不变")])
    got = _restated(chat)
    assert got[0] == "通知：爱心包裹周三下午4点在活动中心二楼领取（已改：5点），请带好登记卡", got


def test_a_correction_naming_no_old_value_still_drops_the_clause() -> None:
    chat = _chat([("社工小陈", "通知：爱心包裹周三下午4点在活动中心二楼领取，请带好登记卡"), *_between(6),
                  ("社工小陈", "更正一下：爱心包裹改到下午5点领取")])
    got = _restated(chat)
    assert "4点" not in got[0] and "登记卡" in got[0], got


def test_an_answer_holding_the_old_time_reads_the_change() -> None:
    # the answer to "几点到场？" said long before "到场时间改成下午2点半": the Q&A shows the new time
    chat = _chat([("社长阿芳", "周日社区义卖，地点在体育馆东门"), ("梅子", "摊主几点到场？"), ("社长阿芳", "下午两点到场布置"),
                  *_between(33), ("社长阿芳", "通知一下，到场时间改成下午2点半")])
    messages = parse_text(chat, "chat.txt").messages
    fixes = restated_figures(messages)
    answer = next(m for m in messages if m.text == "下午两点到场布置")
    assert answer.id in fixes
    assert "2点半" in restating(answer.text, fixes[answer.id]), restating(answer.text, fixes[answer.id])


def test_a_correction_naming_its_old_time_leaves_a_near_line_with_another_time() -> None:
    chat = _chat([("社工小陈", "通知：爱心包裹周三下午4点在活动中心二楼领取"), ("社工小陈", "另外领取爱心包裹的签到表，志愿者周五晚上6点前发我"),
                  *_between(4), ("社工小陈", "更正一下：爱心包裹下午4点改到下午5点领取，地点不变")])
    got = _restated(chat)
    assert 0 in got and 1 not in got, got


def test_the_old_time_is_matched_however_it_is_written() -> None:
    # the notice says 16:00, the correction names 下午4点: the same time
    chat = _chat([("社工小陈", "通知：爱心包裹周三16:00在活动中心二楼领取"), *_between(4),
                  ("社工小陈", "更正一下：爱心包裹下午4点改到下午5点领取，地点不变")])
    assert 0 in _restated(chat)

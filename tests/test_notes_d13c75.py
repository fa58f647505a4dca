"""Issue 13, round 75 (d13c75): a price another member reports changed the next morning ("剛問了，門票漲到300了" after
the organiser's "門票250，晚上7點半開場"; "师傅回复了，调音费降到240" after "调音费300，大家平摊") restates the old line:
the change names its subject (門票, 调音费), its new value is a bare number right after a rise or a fall (涨到/降到),
and the member says they just asked the seller (刚问了) or the seller said so (师傅回复). Another fee's change leaves
the line, and so do hearsay (听说…), a question, and a member's bare say nobody confirms.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.corrections import figure_kinds, restated_figures, restating, without_figures
from copilot.notes.cues import folded
from copilot.notes.parse import parse_text

TICKET = ("阿彬", "門票250，晚上7點半開場，7點在劇院門口集合")
TUNING = ("队长-阿杰", "调音费300，大家平摊")
DAY_ONE = [("阿彬", "各位，8月9號晚上去看音樂劇，想去的在群裡報名"), ("小芳", "門票多少錢？"), TICKET,
           ("小芳", "我報一個"), ("老陳", "我也去，開車去的話停車要錢嗎"), ("阿彬", "停車場停車費30一次")]
DAY_TWO_AFTER = [("小芳", "好的，還是去"), ("老陳", "我也照去")]


def _chat(day_one: list[tuple[str, str]], day_two: list[tuple[str, str]]) -> str:
    first = [f"[2031-07-04 20:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(day_one)]
    second = [f"[2031-07-05 09:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(day_two)]
    return "".join(first + second)


def _final(day_one: list[tuple[str, str]], day_two: list[tuple[str, str]], text: str) -> str | None:
    """The first line saying ``text`` in its final state when a later change restates it, else None."""
    messages = parse_text(_chat(day_one, day_two), "chat.txt").messages
    fixes = restated_figures(messages)
    line = next(m for m in messages if m.text == text)
    return without_figures(line.text, fixes[line.id]) if line.id in fixes else None


def test_a_member_who_just_asked_restates_the_organisers_price_the_next_morning() -> None:
    got = _final(DAY_ONE, [("美玲", "剛問了，門票漲到300了"), *DAY_TWO_AFTER], TICKET[1])
    assert got is not None and "門票250（已改：300）" in got and "7點半開場" in got, got


def test_the_sellers_word_restates_a_fee_and_the_answer_says_the_change_once() -> None:
    day_one = [("鼓手-小马", "调音多少钱？"), TUNING, ("鼓手-小马", "行")]
    messages = parse_text(_chat(day_one, [("键盘-小雨", "师傅回复了，调音费降到240"), ("鼓手-小马", "那便宜了不少")]),
                          "chat.txt").messages
    fixes = restated_figures(messages)
    line = next(m for m in messages if m.text == TUNING[1])
    assert line.id in fixes
    answer = restating(line.text, fixes[line.id])
    assert answer.count("240") == 1 and "300" not in answer and "大家平摊" in answer, answer


def test_another_fees_rise_leaves_the_price() -> None:
    day_one = [("鼓手-小马", "调音多少钱？"), TUNING, ("贝斯-老林", "停车费多少"), ("队长-阿杰", "停车费每小时10元")]
    got = _final(day_one, [("贝斯-老林", "刚问了琴行，停车费涨到30了，我改坐地铁")], TUNING[1])
    assert got is None, got


def test_hearsay_leaves_the_price() -> None:
    assert _final(DAY_ONE, [("美玲", "聽說門票漲到300了"), *DAY_TWO_AFTER], TICKET[1]) is None


def test_a_question_about_a_rise_leaves_the_price() -> None:
    assert _final(DAY_ONE, [("美玲", "門票漲到300了？"), ("阿彬", "沒有，還是250")], TICKET[1]) is None


def test_a_members_bare_say_nobody_confirms_leaves_the_price() -> None:
    # (no outside source and no yes: one member's word moves no one else's price)
    assert _final(DAY_ONE, [("美玲", "門票漲到300了"), *DAY_TWO_AFTER], TICKET[1]) is None


def test_a_bare_number_after_a_rise_is_an_amount_only_without_a_count_unit() -> None:
    assert "amount" in figure_kinds(folded("门票涨到300了"))
    assert "amount" in figure_kinds(folded("門票250，晚上開場"))
    assert "amount" not in figure_kinds(folded("报名人数涨到30个了"))
    assert "amount" not in figure_kinds(folded("气温降到10度"))
    assert "amount" not in figure_kinds(folded("门票2张，我帮你留"))


def test_another_members_correction_of_a_share_restates_the_line() -> None:
    day_one = [("店长-阿玲", "周六会员日，会员打8折，周五前在群里报名"), ("小周", "我报名"), ("小吴", "我也报")]
    got = _final(day_one, [("店员-小梅", "更正一下，会员是7折，刚跟店长核对过")], day_one[0][1])
    assert got is not None and "8折" not in got and "周五前在群里报名" in got, got


def test_another_members_correction_of_a_duration_restates_the_line() -> None:
    day_one = [("领队-大山", "周日早上7点半地铁站集合，全程徒步大概3个小时"), ("阿美", "收到"), ("阿文", "我报名")]
    got = _final(day_one, [("副领队-小林", "更正一下，全程徒步要5个小时，水多带点")], day_one[0][1])
    assert got is not None and "3个小时" not in got and "7点半地铁站集合" in got, got


def test_a_duration_is_no_day_and_a_share_no_count() -> None:
    assert figure_kinds(folded("全程大概3个小时")) == {"duration"}
    assert figure_kinds(folded("会员打8折")) == {"share"}
    assert "duration" not in figure_kinds(folded("今年是协会成立10周年，3天后开会"))
    assert "share" not in figure_kinds(folded("报了8个人"))

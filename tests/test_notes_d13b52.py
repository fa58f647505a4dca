"""Round 52 (d13b52): a member's bare yes or bare figure right after a question, and three-character questions — the
way the second blind set is described (Cantonese, Taiwan LINE, short replies).

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

START = datetime(2027, 6, 8, 20, 0)  # a Tuesday evening

# a Taiwan LINE group of night-market stall volunteers; members answer each other with one word
STALLS = (
    "組長阿美|大家晚安，這週六夜市義賣攤位下午4點開始布置，晚上10點收攤",
    "小綠|攤位那邊有插座嗎",
    "阿豪|有",
    "小綠|好，那我帶電鍋",
    "阿豪|義賣品要準備幾箱",
    "組長阿美|五箱左右",
    "小綠|幾點到",
    "組長阿美|三點半到，先搬桌子",
)

# a Hong Kong estate's mahjong-room volunteers: a member answers a count, another a yes
MAHJONG = (
    "主席William|星期日下晝兩點 活動室開放俾長者打牌 要人睇場",
    "阿珠|上次嚟咗幾個長者",
    "肥仔|二十",
    "阿珠|仲使唔使準備茶水",
    "主席William|要 我會買兩箱水",
)


def _pair(notes, asker: str, word: str):
    return next((q for q in notes.qa if q.asker == asker and word in q.question), None)


def test_a_members_bare_yes_answers_the_yes_no_question_before_it():
    notes = chat_notes(*STALLS, start=START)
    pair = _pair(notes, "小綠", "插座")
    assert pair is not None and pair.answerer == "阿豪" and pair.answer.strip() == "有"


def test_a_members_bare_figure_answers_a_count_question():
    notes = chat_notes(*MAHJONG, start=START)
    pair = _pair(notes, "阿珠", "長者")
    assert pair is not None and pair.answerer == "肥仔" and "二十" in pair.answer


def test_a_three_character_question_is_asked_and_answered():
    notes = chat_notes(*STALLS, start=START)
    pair = _pair(notes, "小綠", "幾點到")
    assert pair is not None and pair.answerer == "組長阿美" and "三點半" in pair.answer


def test_a_members_bare_yes_after_a_who_question_or_a_statement_answers_nothing():
    # bad input for the rule: "画板谁带" is no yes/no a "有" answers, and a "有" after a statement answers nothing
    notes = chat_notes(
        "班长小吴|周五下午去植物园写生，两点校门口集合",
        "阿珍|画板谁带",
        "小彭|有",
        "阿珍|我昨天去了趟海边",
        "小彭|有",
        start=START,
    )
    assert not any(q.answer.strip() == "有" for q in notes.qa)


def test_a_figure_that_says_what_it_counts_is_left_to_the_question_it_names():
    # bad input: "水还有两桶" after another member's count question answers the earlier "水还剩多少", not it
    notes = chat_notes(
        "小蒋|水还剩多少",
        "组长老韩|@小蒋 肥料还剩几袋",
        "阿珠|水还有两桶",
        "小蒋|肥料还有三袋",
        start=START,
    )
    assert not any("肥料" in q.question and q.answerer == "阿珠" for q in notes.qa)


def test_a_three_character_line_without_an_interrogative_is_no_question():
    # bad input: "真的吗" is a reaction, "好的呀" an ack; neither opens a question
    notes = chat_notes(
        "团长老孙|下周日爬白云山，早上7点地铁站集合",
        "小马|真的吗",
        "团长老孙|真的，已经订好大巴",
        start=START,
    )
    assert not any("真的吗" in q.question for q in notes.qa)

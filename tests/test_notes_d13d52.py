"""Round 52 (d13d52): a to-do after a change — a fee corrected in every clause, an event moved under a deadline
counted from it.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes, chat_structure

START = datetime(2028, 9, 4, 20, 0)  # a Monday evening

# a Cantonese hiking group: the fare's one clause is corrected, deadline repeated
HIKING_FARE = (
    "領隊阿豪|各位 星期六行麥理浩徑第二段 朝早八點西貢碼頭集合",
    "領隊阿豪|船費每位五十蚊 星期四前轉數俾阿珊",
    "阿珊|收到 我收",
    "阿晴|要唔要帶行山杖",
    "領隊阿豪|有就帶 落斜好用",
    "領隊阿豪|更正：船費係每位三十五蚊唔係五十 一樣星期四前轉數俾阿珊",
    "阿珊|好 三十五蚊",
)

# a neighbourhood book swap: the stall fee is due the day before the event, then the event moves a week
BOOK_SWAP = (
    "楼长老吴|各位邻居，旧书交换会定在9月9日周六上午10点，小区会所，每户带5本以上，场地费每户10元，活动前一天交给小郑",
    "小郑|收到",
    "阿玲|小孩的绘本也可以吗？",
    "楼长老吴|可以，绘本最受欢迎",
    "楼长老吴|通知一下：会所那天要做消杀，交换会改到9月16日周六上午10点，地点不变",
    "小郑|好的",
)


def test_a_fee_corrected_in_its_only_clause_shows_the_new_fee():
    notes = chat_notes(*HIKING_FARE, start=START)
    fare = [a for a in notes.actions if "船費" in a.task]
    assert fare, notes.actions
    assert all("五十蚊" not in a.task.replace("唔係五十", "") for a in fare)
    assert any("三十五蚊" in a.task for a in fare)


def test_a_deadline_counted_from_a_moved_event_follows_its_new_day():
    st = chat_structure(*BOOK_SWAP, start=START)
    fee = [a for a in st.actions if "场地费" in a.task]
    assert fee, st.actions
    assert {a.deadline for a in fee} == {"2028-09-15"}  # the day before 9/16, not 9/8


def test_an_event_day_a_later_chat_merely_names_does_not_move_the_deadline():
    # the later line names another day without a change word: the fee stays due the day before 9/9
    st = chat_structure(*BOOK_SWAP[:4], "阿玲|9月16日我还要去看书展呢", start=START)
    fee = [a for a in st.actions if "场地费" in a.task]
    assert fee and {a.deadline for a in fee} == {"2028-09-08"}


def test_the_notes_keep_the_moved_deadline_after_the_faithfulness_check():
    # 9/15 is never written in the chat: the check must ground it against the event's last day (9/16), or it strips
    # the date and the to-do with it
    notes = chat_notes(*BOOK_SWAP, start=START)
    fee = [a for a in notes.actions if "场地费" in a.task]
    assert fee, notes.actions
    assert {a.deadline for a in fee} == {"2028-09-15"}


def test_the_faithfulness_check_grounds_a_deadline_read_against_the_moved_event():
    """A deadline said before the event moved ("活动前一天") now falls on the day before the new date; the notes'
    faithfulness check must accept that date although the chat never writes it, or it strips the deadline (round 52:
    a flea market's stall-fee to-do vanished from the notes)."""
    from copilot.notes.dates import grounded_dates

    day = datetime(2028, 5, 15, 19, 0)
    texts = [("各位邻居，旧书交换会定在5月20日周六上午10点，小区会所，场地费每户10元，活动前一天交给小郑", day),
             ("收到，我来收场地费", day.replace(minute=1)),
             ("通知一下：会所那天要做消杀，交换会改到5月27日周六上午10点，地点不变", day.replace(hour=21))]
    grounded = grounded_dates(texts)
    assert "2028-05-26" in grounded and "5月26日" in grounded  # the day before the new date
    assert "2028-05-19" in grounded  # the old reading stays grounded too: it was said
    assert "2028-05-25" not in grounded  # nothing in the chat says the 25th

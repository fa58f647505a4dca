"""WhatsApp-like exports write slash dates in the phone's order: 02/06/2027 is 2 June in Hong Kong, Singapore and British
locales and 6 February in the US. Two round-57 helpers met a Cantonese hiking chat read as February. The order is the
file's, decided once: one unambiguous header decides every line, and when all read both ways, a chat whose days never go
back decides."""

from datetime import datetime

from copilot.notes.parse import parse_text


def _times(text: str) -> list[datetime]:
    return [m.time for m in parse_text(text, "whatsapp.txt").messages]


def test_one_header_with_a_day_above_twelve_makes_every_date_of_the_file_day_first() -> None:
    chat = ("[02/06/2027 19:30] 阿明: 聽日行麥理浩徑第二段，幾點集合？\n"
            "[02/06/2027 19:32] Kit哥: 朝早八點西貢巴士站，記得帶夠水\n"
            "[15/06/2027 09:05] 阿明: 今日好熱，大家飲多啲水\n")
    assert _times(chat) == [datetime(2027, 6, 2, 19, 30), datetime(2027, 6, 2, 19, 32), datetime(2027, 6, 15, 9, 5)]


def test_a_second_number_above_twelve_keeps_the_us_order() -> None:
    chat = ("[6/2/27 7:30 PM] Amy: Is the pottery class still on Saturday? 陶藝班週六照常嗎\n"
            "[6/14/27 9:00 AM] 老師: 照常，十點開始\n")
    assert _times(chat) == [datetime(2027, 6, 2, 19, 30), datetime(2027, 6, 14, 9, 0)]


def test_when_every_date_reads_both_ways_the_reading_in_chat_order_wins() -> None:
    # month first would be 2 June, 2 July, then 3 June — going back; day first is 6, 7 February, then 6 March
    chat = ("[06/02/2027 20:00] 阿珍: 新年團拜喺邊度搞？\n"
            "[07/02/2027 08:15] 會長: 社區會堂二樓\n"
            "[06/03/2027 10:00] 阿珍: 下次聚會定咗未\n")
    assert _times(chat) == [datetime(2027, 2, 6, 20, 0), datetime(2027, 2, 7, 8, 15), datetime(2027, 3, 6, 10, 0)]


def test_when_both_readings_keep_order_the_one_with_days_closer_together_wins() -> None:
    """Round 58's fresh QA: a Cantonese dragon-dance troupe's export, 01/12 → 02/12 → 03/12 — three days in a row day
    first, three months month first; both keep order, so month first won and every deadline was a month off. A chat is
    dense in time: the reading whose days lie closer together wins."""
    chat = ("01/12/2026, 20:01 - 強哥（教練）: 今個月逢星期二、四晚上8點練習\n"
            "02/12/2026, 09:31 - 阿輝: 收到，我7:30喺門口等\n"
            "03/12/2026, 21:10 - 阿芬: 戲服租金下個星期日之前俾我\n")
    assert _times(chat) == [datetime(2026, 12, 1, 20, 1), datetime(2026, 12, 2, 9, 31), datetime(2026, 12, 3, 21, 10)]
    # a number above twelve still decides before any of this: 1/13 is 13 January
    us = ("1/12/26, 8:01 PM - Amy: 陶藝班照常嗎\n"
          "1/13/26, 9:00 AM - 老師: 照常\n")
    assert [t.date() for t in _times(us)] == [datetime(2026, 1, 12).date(), datetime(2026, 1, 13).date()]

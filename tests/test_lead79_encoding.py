"""Round 79 (lead): Big5 exports (Taiwan/Hong Kong LINE, old QQ) are read as Big5, not as GB18030 nonsense.

A fresh tester's Big5-HKSCS LINE export came out as "ぃ砏﹚┮Τ…" with exit code 0: Big5 bytes mostly decode as
GB18030 too. These chats are written for the test (a cat-rescue group in Kaohsiung, a Hong Kong food-bank rota).
"""

from __future__ import annotations

import pytest

from copilot.files import decode_bytes, decode_labelled, usual_share
from copilot.notes.parse import parse_bytes

LINE_TW = """[LINE] 高雄貓咪中途之家志工的聊天記錄
儲存日期：2026/11/28 22:15

2026/11/28（六）
19:02\t佩君\t明天下午兩點要帶三隻小貓去醫院打預防針，誰有空開車？
19:04\t志明\t我可以，我的車後座放得下兩個外出籠。
19:05\t佩君\t太好了，另外飼料只剩一包，這週要補貨。
19:07\t雅婷\t飼料我來買，星期二之前送到中途。
19:09\t志明\t醫院那邊的費用是多少？
19:10\t佩君\t一隻八百元，三隻兩千四，從捐款帳戶出。
"""

LINE_HK = """[LINE] 觀塘食物銀行義工的聊天記錄
儲存日期：2026/11/29 21:40

2026/11/29（日）
20:01\t阿玲\t聽日早上九點收麵包，邊個得閒？
20:03\t祥叔\t我得，我會揸車去。
20:04\t珍姐\t啲過咗期嘅罐頭我已經清走咗。
20:06\t阿輝\t星期三之前我整好新嘅輪值表，放上群組。
"""


@pytest.mark.parametrize("codec", ["big5", "cp950", "big5hkscs"])
def test_taiwan_line_export_in_big5_reads_as_written(codec: str) -> None:
    data = LINE_TW.encode(codec)
    text, encoding = decode_labelled(data, "chat.txt")
    assert text == LINE_TW
    assert encoding == "big5hkscs"
    t = parse_bytes(data, "chat.txt")
    assert t.encoding == "big5hkscs"
    assert [m.speaker for m in t.messages[:3]] == ["佩君", "志明", "佩君"]
    assert "一隻八百元" in t.messages[5].text


def test_cantonese_line_export_in_big5_hkscs_keeps_its_hong_kong_characters() -> None:
    data = LINE_HK.encode("big5hkscs")
    assert decode_bytes(data, "chat.txt") == LINE_HK
    t = parse_bytes(data, "chat.txt")
    assert [m.speaker for m in t.messages] == ["阿玲", "祥叔", "珍姐", "阿輝"]
    assert t.messages[2].text == "啲過咗期嘅罐頭我已經清走咗。"


def test_gbk_exports_keep_their_reading() -> None:
    simplified = "2026-11-28 19:02:11 小周\n明天下午两点在社区中心集合，记得带身份证和水杯\n" * 3
    data = simplified.encode("gbk")
    assert decode_labelled(data, "chat.txt") == (simplified, "gb18030")
    # Traditional text saved as GBK (it has those characters too) is not taken for Big5
    traditional = LINE_TW.split("\n", 3)[3]
    assert decode_labelled(traditional.encode("gbk"), "chat.txt") == (traditional, "gb18030")


def test_short_gbk_line_is_not_read_as_big5() -> None:
    data = "今晚八点开会".encode("gbk")
    assert decode_labelled(data) == ("今晚八点开会", "gb18030")


def test_the_wrong_codec_reads_as_nonsense_by_the_share_of_usual_characters() -> None:
    data = LINE_TW.encode("big5")
    assert usual_share(LINE_TW) > 0.9
    assert usual_share(data.decode("gb18030", "replace")) < 0.6
    gbk = "群里的接龙请在周五前填好，谢谢大家配合".encode("gbk")
    assert usual_share(gbk.decode("big5hkscs", "replace")) < 0.7
    assert usual_share("hello world") == 1.0  # nothing to judge: no verdict against the text


def test_utf8_and_bom_are_labelled_as_read() -> None:
    assert decode_labelled(LINE_TW.encode("utf-8")) == (LINE_TW, "utf-8")
    assert decode_labelled(b"\xef\xbb\xbf" + LINE_TW.encode("utf-8")) == (LINE_TW, "utf-8-sig")

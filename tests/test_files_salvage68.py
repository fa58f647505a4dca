"""A damaged export is read, not refused (round 68, qa13r51): a QQ export with a hundred junk bytes in the middle and
a GBK CSV with one bad byte were rejected whole ("二进制文件" / "无法识别文件编码"). A file that is mostly control bytes is
still binary, and a UTF-8 export with a stray byte is never re-read as GB18030 nonsense."""

from __future__ import annotations

import random
import re

import pytest

from copilot.files import UnreadableFile, decode_bytes, decode_lines, looks_binary
from copilot.notes.parse import NotesParseError, parse_bytes

QQ = "\n".join(
    f"2026-11-{day:02d} 20:{minute:02d}:00 {who}(1000{n})\n{text}\n"
    for n, (day, minute, who, text) in enumerate([
        (20, 1, "蜂场老周", "这周六上午九点在合作社仓库分蜂箱，每户先领两箱"),
        (20, 3, "小罗", "收到，我周六八点半到，顺便把新的巢础带过去"),
        (20, 5, "阿May", "糖浆这次还是按2.8一斤算吗"),
        (20, 7, "蜂场老周", "涨了，按3.1一斤，钱周五前转给我"),
        (20, 9, "小罗", "好的，标签我来设计，下周三前出初稿"),
    ])
)


def _junk(n: int) -> bytes:
    rng = random.Random(68)
    return bytes(rng.randrange(256) for _ in range(n))


def test_a_qq_export_with_junk_bytes_in_the_middle_keeps_every_other_message() -> None:
    raw = QQ.encode("utf-8")
    cut = raw.index("2026-11-20 20:05".encode())
    t = parse_bytes(raw[:cut] + _junk(100) + b"\n" + raw[cut:], "bees.txt")
    texts = "\n".join(m.text for m in t.messages)
    assert "3.1一斤" in texts and "每户先领两箱" in texts and "下周三前出初稿" in texts
    assert "无法识别" in t.warnings[0] and "bees.txt" in t.warnings[0]


def test_a_gbk_csv_with_one_bad_byte_is_read_and_the_damage_is_reported() -> None:
    rows = ["时间,发送人,内容", "2026-11-21 09:00,护士长,下周献血车周二上午到，名单周三前发我",
            "2026-11-21 09:02,王阿姨,零食我来买，下周五前买好", "2026-11-21 09:05,小林,周四下午的班我能顶"]
    raw = "\n".join(rows).encode("gbk")
    at = raw.index("零食".encode("gbk"))
    t = parse_bytes(raw[:at] + b"\xff" + raw[at + 1:], "roster.csv")
    assert [m.speaker for m in t.messages] == ["护士长", "王阿姨", "小林"]
    assert "名单周三前发我" in t.messages[0].text and "周四下午的班我能顶" in t.messages[2].text
    assert re.search(r"roster.csv：有 [12] 处字节无法识别", t.warnings[0])


def test_a_utf8_export_with_a_stray_byte_stays_utf8() -> None:
    raw = QQ.encode("utf-8")
    at = raw.index("巢础".encode())
    text = decode_bytes(raw[:at] + b"\xfe" + raw[at:], "bees.txt")
    assert "糖浆这次还是按2.8一斤算吗" in text and "\ufffd" in text


def test_clean_files_read_as_before_and_report_nothing() -> None:
    assert decode_bytes(QQ.encode("gb18030")) == QQ
    t = parse_bytes(QQ.encode("utf-8"), "bees.txt")
    assert not any("无法识别" in w for w in t.warnings)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00",
    b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + _junk(4000),  # a .docx / .xlsx is a zip
    "2026-11-20 20:01 see you at nine\n".encode("utf-16-le") * 50,  # UTF-16 without its byte-order mark: NULs
])
def test_binary_files_are_still_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(UnreadableFile, match="二进制"):
        decode_bytes(data, "x.bin")
    with pytest.raises(NotesParseError, match="二进制"):
        parse_bytes(data, "x.bin")
    with pytest.raises(UnreadableFile, match="二进制"):
        decode_lines(data, "x.jsonl")


def test_a_gbk_looking_file_too_damaged_to_read_is_refused_with_its_name() -> None:
    with pytest.raises(UnreadableFile, match="y.txt"):
        decode_bytes(bytes(range(0x80, 0x100)) * 60, "y.txt")

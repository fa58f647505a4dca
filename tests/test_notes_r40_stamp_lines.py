"""Round 40 (d13b40): chats pasted with the time stamp on a line of its own.

A stamp line and then "名字：内容" (or "名字：" with the text below, or a bare name), the name and then the
stamp, several speakers under one stamp, and WeChat's "名字 2024/5/3 20:15" headers all read as messages
of their speakers — never a date as the speaker. A file that still parses into nonsense is refused with a
clear message instead of confident notes. Every chat below was written for these tests (a dumpling
workshop, a choir carpool, a seed library, a night-market stall group).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from copilot.notes.parse import NotesParseError, parse_text


def _who(text: str) -> list[tuple[str, str]]:
    return [(m.speaker, m.text) for m in parse_text(text, "chat.txt", drop_noise=False).messages]


def test_stamp_line_then_name_and_text_on_one_line() -> None:
    chat = ("2026-11-03 19:40\n面点张师傅：周六包饺子，面粉我来买\n"
            "2026-11-03 19:41\n小葵：馅料要几斤？\n2026-11-03 19:43\n面点张师傅：猪肉三斤，韭菜两把\n")
    t = parse_text(chat, "dumplings.txt")
    assert [(m.speaker, m.text) for m in t.messages] == [
        ("面点张师傅", "周六包饺子，面粉我来买"), ("小葵", "馅料要几斤？"), ("面点张师傅", "猪肉三斤，韭菜两把")]
    assert t.messages[1].time == datetime(2026, 11, 3, 19, 41) and not t.warnings


def test_bracketed_stamp_then_name_colon_then_text_below() -> None:
    chat = ("[2026-11-03 19:40]\n合唱团阿琳：\n周日去区文化馆比赛，谁能开车？\n\n"
            "[2026-11-03 19:42]\n老邓：\n我能带三个人\n\n[2026-11-03 19:45]\n合唱团阿琳：\n好的，谢谢老邓\n")
    assert _who(chat) == [("合唱团阿琳", "周日去区文化馆比赛，谁能开车？"), ("老邓", "我能带三个人"),
                          ("合唱团阿琳", "好的，谢谢老邓")]


def test_stamp_line_then_bare_name_and_name_then_stamp() -> None:
    after = "2026/11/3 19:40\n种子馆小许\n这周新到了一批番茄种子\n2026/11/3 19:42\n阿良\n好\n"
    before = "种子馆小许\n2026/11/3 19:40\n这周新到了一批番茄种子\n阿良\n2026/11/3 19:42\n好\n"
    want = [("种子馆小许", "这周新到了一批番茄种子"), ("阿良", "好")]
    assert _who(after) == want
    assert _who(before) == want


def test_several_speakers_under_one_stamp_and_time_only_stamps() -> None:
    chat = ("21:10\n摊主阿福：明晚夜市7点开摊\n小美：收到\n21:12\n阿福的邻居：我帮忙搬桌子\n"
            "21:13\n摊主阿福：好\n")
    assert _who(chat) == [("摊主阿福", "明晚夜市7点开摊"), ("小美", "收到"), ("阿福的邻居", "我帮忙搬桌子"),
                          ("摊主阿福", "好")]


def test_wechat_name_date_headers_still_read() -> None:
    chat = "摊主阿福 2026/11/3 21:10\n明晚夜市7点开摊\n小美 2026/11/3 21:11\n收到\n"
    assert _who(chat) == [("摊主阿福", "明晚夜市7点开摊"), ("小美", "收到")]


def test_a_stamp_inside_a_message_of_another_layout_stays_text() -> None:
    chat = ("[2026-11-03 19:40] 面点张师傅: 集合时间改成\n19:30\n[2026-11-03 19:41] 小葵: 好\n"
            "[2026-11-03 19:42] 面点张师傅: 别迟到\n")
    assert _who(chat)[0] == ("面点张师傅", "集合时间改成\n19:30")


def test_a_file_mostly_outside_any_message_is_refused_clearly() -> None:
    chat = "本周安排\n周一备料\n周二试吃\n周三开张\n[2026-11-03 19:40] 面点张师傅: 大家看一下\n周四盘点\n"
    with pytest.raises(NotesParseError, match="格式没有认准"):
        parse_text(chat, "plan.txt")


def test_stamps_with_no_speaker_are_not_read_as_names() -> None:
    chat = "2026-11-03 19:40\n周六包饺子大家来吗？\n2026-11-03 19:41\n馅料要几斤？\n"
    with pytest.raises(NotesParseError) as info:
        parse_text(chat, "nobody.txt")
    assert "2026-11-03 19:40" in str(info.value) or "不是可识别" in str(info.value)


def test_a_month_and_day_without_a_year_is_no_part_of_the_name() -> None:
    name_first = "摊主阿福 11/3 21:10\n明晚夜市7点开摊\n小美 11/3 21:11\n收到\n"
    stamp_first = "11月3日 21:10\n摊主阿福：明晚夜市7点开摊\n11月3日 21:11\n小美：收到\n"
    for chat in (name_first, stamp_first):
        t = parse_text(chat, "chat.txt", drop_noise=False)
        assert [(m.speaker, m.text) for m in t.messages] == [("摊主阿福", "明晚夜市7点开摊"), ("小美", "收到")]
        assert (t.messages[0].time.month, t.messages[0].time.day) == (11, 3)  # type: ignore[union-attr]


def test_one_dated_separator_over_a_paste_gives_its_messages_their_time() -> None:
    chat = "2026年11月3日 21:10\n摊主阿福：明晚夜市7点开摊\n小美：收到\n阿福的邻居：我帮忙搬桌子\n"
    t = parse_text(chat, "chat.txt", drop_noise=False)
    assert [m.speaker for m in t.messages] == ["摊主阿福", "小美", "阿福的邻居"] and not t.warnings
    assert all(m.time == datetime(2026, 11, 3, 21, 10) for m in t.messages)

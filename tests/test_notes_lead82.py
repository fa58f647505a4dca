"""Round 82 (lead) fixes from the fresh notes tester (qa13r68): a WhatsApp export's own line in mid-chat — its stamp,
no "name:" ("阿Ken已移除+852 …", "你已加入") — is the platform's message, dropped as 系统消息, not glued onto the
member's message above it (which put a removed spammer's number back into the notes and shifted every later id).
Chats written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.parse import parse_text


@pytest.fixture
def offline(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


ANDROID = """\
06/12/2026, 19:30 - 你已加入此群組
06/12/2026, 19:31 - 阿樂: 各位，下個月嘅陶笛班改喺星期六下晝兩點
06/12/2026, 19:32 - +852 9876 5432: 全港最平樂器批發，陶笛買二送一，WhatsApp 9876 5432 訂購，包送貨
06/12/2026, 19:33 - 阿樂: 呢個唔識，我踢咗佢先
06/12/2026, 19:33 - 阿樂已移除+852 9876 5432
06/12/2026, 19:35 - 細妹: 要唔要自己帶陶笛？
記得我上次借咗學校嗰支
06/12/2026, 19:36 - 阿樂: 要，自己帶，冇嘅可以同我借
"""


def test_a_stamped_line_without_a_name_is_the_platforms_message() -> None:
    transcript = parse_text(ANDROID, "whatsapp.txt")
    kept = {m.id: (m.speaker, m.text) for m in transcript.messages}
    assert kept[4] == ("阿樂", "呢個唔識，我踢咗佢先")  # not glued to the removal line below it
    assert kept[6][1].endswith("記得我上次借咗學校嗰支")  # an unstamped line is still its message's continuation
    assert kept[7] == ("阿樂", "要，自己帶，冇嘅可以同我借")  # the ids after it are the chat's own
    assert {(d.id, d.reason, d.text) for d in transcript.dropped} >= {(1, "系统消息", "你已加入此群組"),
                                                                     (5, "系统消息", "阿樂已移除+852 9876 5432")}
    assert not transcript.warnings


def test_the_platform_line_is_dropped_and_its_number_never_reaches_the_notes(offline: Settings) -> None:
    result = summarize_text(ANDROID, "whatsapp.txt", offline, get_engine(offline))
    dropped = {d.text: d.reason for d in result.dropped}
    assert dropped["阿樂已移除+852 9876 5432"] == "系统消息" and dropped["你已加入此群組"] == "系统消息"
    assert "9876" not in str(result.notes.model_dump(exclude={"omitted"}))  # only in the dropped list
    assert not any("不在任何消息之内" in w for w in result.warnings)


def test_ios_and_year_first_exports_too() -> None:
    ios = ("[2026/12/06, 19:31:02] 阿樂: 陶笛班改喺星期六\n"
           "[2026/12/06, 19:32:10] 阿樂已將群組名稱更改為「陶笛班」\n"
           "[2026/12/06, 19:33:00] 細妹: 收到\n")
    android_ymd = ("2026/12/06 19:31 - 阿乐: 陶笛班改到周六\n"
                   "2026/12/06 19:32 - 阿乐已移除小王\n"
                   "2026/12/06 19:33 - 小妹: 收到\n")
    for chat in (ios, android_ymd):
        transcript = parse_text(chat, "whatsapp.txt")
        assert [d.id for d in transcript.dropped] == [2] and transcript.dropped[0].reason == "系统消息"
        assert [len(m.text) <= 10 for m in transcript.messages] == [True, True]  # nothing glued on


def test_in_another_export_a_body_line_with_a_slash_date_stays_a_body() -> None:
    wechat = ("2026-12-06 19:31:02 阿乐\n"
              "这次报名截止到：\n"
              "12/20/2026, 20:00 - 过时不候\n"
              "\n"
              "2026-12-06 19:33:00 小妹\n"
              "收到\n")
    messages = parse_text(wechat, "wechat.txt").messages
    assert [m.speaker for m in messages] == ["阿乐", "小妹"]
    assert "过时不候" in messages[0].text


def test_a_removal_line_calls_out_the_removed_sender_not_the_remover() -> None:
    chat = ("2026-12-06 19:30:00 阿乐\n下周六的陶笛课改到社区中心二楼\n\n"
            "2026-12-06 19:31:00 发财哥\n兼职日结，手机点赞一单五块，加V：fc8888a\n\n"
            "2026-12-06 19:32:00 系统消息\n阿乐已移除发财哥\n\n"
            "2026-12-06 19:33:00 小妹\n收到，二楼哪个房间？\n")
    transcript = parse_text(chat, "wechat.txt")
    assert [m.speaker for m in transcript.messages] == ["阿乐", "小妹"]
    assert {d.speaker for d in transcript.dropped} == {"发财哥", "系统消息"}


# An opener that only announces its items ("大家好，说几件图书角的事，看到回一下"), the items in the next messages, was the
# notes' title and first key point, and a numbered item was left only under 金句 (qa13r68's tool-library chat).
BOOK_CORNER = """\
2026-12-06 09:00:00 老周
大家好，说几件图书角的事，看到回一下

2026-12-06 09:01:00 老周
1. 儿童绘本区的书架松了，暂停使用，等木工师傅来修

2026-12-06 09:02:00 老周
2. 从下周一开始借书要登记手机号，还书时当面销记录

2026-12-06 09:03:00 老周
3. 下周六上午10点整理书架，需要2个志愿者

2026-12-06 09:05:00 小雨妈妈
整理书架我可以来

2026-12-06 09:06:00 阿斌
我也来一个，周六上午有空

2026-12-06 09:08:00 老周
好，整理书架就小雨妈妈和阿斌，下周六上午10点在图书角门口集合
"""


def test_an_opener_that_only_announces_its_items_is_no_point_and_names_the_title(offline: Settings) -> None:
    notes = summarize_text(BOOK_CORNER, "图书角.txt", offline, get_engine(offline)).notes
    assert notes.title.endswith("图书角的几件事"), notes.title
    points = [p.text for p in notes.key_points]
    assert not any("说几件" in p for p in points), points
    assert any("绘本区的书架松了" in p for p in points), points  # the first item is a point, not only a quote


@pytest.mark.parametrize("line", [
    "说两件事：一是周六9点集合，二是带水",  # the items are in the line itself: its facts stay
    "我说几件我自己的经历，很有意思",  # no count of matters announced to the group
])
def test_a_line_with_its_own_facts_is_no_bare_opener(line: str) -> None:
    from copilot.notes.offline import framing

    assert not framing(line)

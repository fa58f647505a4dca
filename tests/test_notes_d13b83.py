"""Round 83 (d13b83, issue 13): to-dos and their deadlines on unseen chats.

- A line that opens by taking back what its speaker just said ("不对，…改成周四前交", "啊不對，…改成週二前") re-times
  that speaker's last dated to-do, though it names none of the work: one to-do with the new deadline, not the old one
  beside a second to-do made of the change line (handovers._retakes).
- Seeing one's own family off ("我周六早上要先送老婆去车站，可能晚到十分钟") is the speaker's own errand, as fetching
  them is ("我下班去接孩子"): no to-do (cues.yaml personal.cues).
- Cantonese "同我講" / "話俾我知" is a 我 who receives the report, like Mandarin "跟我说": "阿芬你負責賣飛，下個禮拜五
  之前同我講賣咗幾多張" is one to-do of 阿芬's, due that Friday — not a second one for the speaker (owner.receiver_verb).
Chats written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from chat_lines import text_todos

from copilot.config import Settings


@pytest.fixture
def offline(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


_todos = text_todos


TAKEN_BACK = """\
[2026-12-15 20:00] 会长-老纪: 这周日去东湖绿道骑车，早上八点在地铁口集合
[2026-12-15 20:01] 会长-老纪: 大家周五前把车费交给阿静
[2026-12-15 20:02] 阿静: 收到
[2026-12-15 20:03] 会长-老纪: 不对，周五我要去订大巴，改成周四前交
[2026-12-15 20:04] 小潘: 好的
"""


def test_a_take_back_re_times_the_speakers_last_dated_todo(offline: Settings) -> None:
    todos = _todos(TAKEN_BACK, "骑行群.txt", offline)
    fee = [(o, d) for o, t, d in todos if "车费" in t]
    assert fee == [("大家", "2026-12-17")]  # Thursday, not Friday the 18th
    assert not [t for _, t, _ in todos if t.startswith("不对")]  # the change line is no to-do of its own


TAKEN_BACK_TRAD = """\
[2026-12-12 20:00] 負責人-佩珊: 下週六在河濱公園辦送養會
[2026-12-12 20:01] 負責人-佩珊: 傳單麻煩阿凱印一下，週三前給我
[2026-12-12 20:02] 阿凱: 好喔
[2026-12-12 20:03] 負責人-佩珊: 啊不對，週三要送去里長那邊，改成週二前
"""


def test_a_traditional_take_back_re_times_the_work_too(offline: Settings) -> None:
    todos = _todos(TAKEN_BACK_TRAD, "送養群.txt", offline)
    assert [(o, d) for o, t, d in todos if "傳單" in t] == [("阿凱", "2026-12-15")]
    assert len(todos) == 1


TWO_TASKS = """\
[2026-12-15 20:00] 会长-老纪: 周日骑东湖绿道，这两件事分一下
[2026-12-15 20:01] 会长-老纪: 阿静，保险名单你来报，周三前报好
[2026-12-15 20:02] 阿静: 好
[2026-12-15 20:03] 会长-老纪: 小潘，路线图你来画，周五前发群里
[2026-12-15 20:04] 小潘: 没问题
[2026-12-15 20:05] 会长-老纪: 不对，周五我不在，改成周四前
"""


def test_a_take_back_moves_only_the_last_work_its_speaker_gave(offline: Settings) -> None:
    todos = _todos(TWO_TASKS, "骑行群.txt", offline)
    assert [(o, d) for o, t, d in todos if "路线图" in t] == [("小潘", "2026-12-17")]
    assert [(o, d) for o, t, d in todos if "保险名单" in t] == [("阿静", "2026-12-16")]  # stays Wednesday


SEEING_OFF = """\
[2026-12-15 20:00] 领队-大飞: 周六早上七点半体育中心东门集合，骑环湖线
[2026-12-15 20:01] 老K: 我周六早上要先送老婆去车站，可能晚到十分钟
[2026-12-15 20:02] 领队-大飞: 好，注意安全
[2026-12-15 20:03] 阿蒙: 我周五前把补给送到东门保安室
"""


def test_seeing_off_ones_family_is_no_todo_but_delivering_supplies_is(offline: Settings) -> None:
    todos = _todos(SEEING_OFF, "骑行群.txt", offline)
    assert not [t for _, t, _ in todos if "老婆" in t]
    assert [(o, d) for o, t, d in todos if "补给" in t] == [("阿蒙", "2026-12-18")]


CANTONESE_REPORT = """\
10/12/2026, 20:00 - 社長-梁姐: 各位社員，下個月8號喺大會堂演出，今晚分工
10/12/2026, 20:01 - 社長-梁姐: 阿芬你負責賣飛，下個禮拜五之前同我講賣咗幾多張
10/12/2026, 20:02 - 阿芬: 冇問題
"""


def test_cantonese_tell_me_is_the_owners_report_not_the_speakers_todo(offline: Settings) -> None:
    todos = _todos(CANTONESE_REPORT, "粵曲社.txt", offline)
    assert [(o, d) for o, t, d in todos if "賣飛" in t] == [("阿芬", "2026-12-18")]
    assert not [o for o, _, _ in todos if o == "社長-梁姐"]


SHARE_BESIDE_OWN = """\
[2026-12-16 19:00] 社长-老魏: 周六晚上在小区广场办迎新年联欢
[2026-12-16 19:01] 小蒋: 收到
[2026-12-16 19:02] 阿明: 好的
[2026-12-16 19:05] 社长-老魏: 音响我周五晚上前去调好，彩灯小蒋帮我去挂一下
[2026-12-16 19:06] 小蒋: 没问题
[2026-12-16 19:08] 社长-老魏: 我明天先去广场看看场地，阿明还在外地出差
"""


def test_a_members_part_beside_the_speakers_own_is_their_todo(offline: Settings) -> None:
    todos = _todos(SHARE_BESIDE_OWN, "联欢.txt", offline)
    assert [o for o, t, _ in todos if "彩灯" in t] == ["小蒋"]
    assert [o for o, t, _ in todos if "音响" in t] == ["社长-老魏"]


def test_a_member_only_mentioned_beside_the_speakers_plan_gets_no_todo(offline: Settings) -> None:
    assert not [t for o, t, _ in _todos(SHARE_BESIDE_OWN, "联欢.txt", offline) if o == "阿明" or "出差" in t]

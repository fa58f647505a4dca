"""Round 36 (lead, from qa13r16): a decision's time is never cut at its colon, and a member named as the owner of
a thing (王哥的车) is not given work, so what was settled reaches the summary whole.

The chat below was written for these tests (a school-run carpool of a neighbourhood); it is not a QA or eval chat.
"""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text

CARPOOL = """\
2026-12-01 20:00:05 群主阿涛(10001)
下学期接送娃的拼车排班说一下，大家看看
2026-12-01 20:01:10 琳达(10002)
我家老二改到8点前进校了，早一点的车我们可以吗
2026-12-01 20:02:30 老邓(10003)
我的车可以跑早班，七座的
2026-12-01 20:03:00 群主阿涛(10001)
那就定了，寒假后分两趟，7:15老邓的车，7:40阿涛的车，油费每家每月300
2026-12-01 20:03:40 琳达(10002)
好的
2026-12-01 20:04:10 老邓(10003)
没问题
"""


def test_a_settled_timetable_keeps_its_times_and_whose_car(tmp_path) -> None:
    offline = Settings(data_dir=tmp_path / "data", llm_provider="offline")
    notes = summarize_text(CARPOOL, "carpool.txt", offline, get_engine(offline)).notes
    decided = notes.summary.split("最后决定：", 1)[1].split("。", 1)[0]
    assert "7:15老邓的车" in decided and "7:40阿涛的车" in decided, decided
    assert not decided.startswith("15"), decided  # (was "15老邓的车…": cut at the colon of 7:15)
    assert "300" in decided

"""Round 66, d13e66 (issue 13, qa13r49): a title or summary is never cut right before a name — a hand-over
("那订大巴改成小吴负责吧") is its settled content whole, not "那订大巴改成" — and a hand-over step never opens on a
pause or particle ("小吴负责：，…"). The chats are written by hand for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes
from copilot.notes.structure import open_tail


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


BUS = """[2031-03-02 10:00] 行政小何: 各位，3月20日去郊外团建，今天把车和吃饭定下来
[2031-03-02 10:01] 阿杰: 吃饭去农家乐吧，人均60
[2031-03-02 10:02] 小吴: 同意农家乐
[2031-03-02 10:03] 行政小何: 那吃饭就定农家乐，人均60以内。
[2031-03-02 10:04] 行政小何: 阿杰本周五前把大巴订好，早上8点公司门口发车
[2031-03-02 10:05] 阿杰: 收到
[2031-03-02 10:20] 阿杰: 小何，我明天起出差一周，大巴怕顾不上
[2031-03-02 10:21] 行政小何: 那订大巴改成小吴负责吧，小吴周五前订好，阿杰你把车队电话发给小吴
[2031-03-02 10:22] 小吴: 好的，交给我
[2031-03-02 10:23] 阿杰: 马上发
"""


def test_a_hand_over_is_never_cut_before_the_name_it_hands_to() -> None:
    notes = _notes(BUS)
    for line in [notes.title, notes.summary, *(q.answer for q in notes.qa)]:
        assert "改成。" not in line and not line.rstrip("。 ").endswith("改成"), line
    assert any("小吴" in a.task and "大巴" in a.task for a in notes.actions if a.owner == "小吴")


GIFTS = """[2031-04-09 19:30] 刘老师: 各位家长好，元旦联欢会的礼物今天定一下
[2031-04-09 19:31] 乐乐爸爸: 买绘本吧，孩子们喜欢
[2031-04-09 19:32] 朵朵妈妈: 同意绘本
[2031-04-09 19:33] 刘老师: 采购本来乐乐爸爸去，那采购交给朵朵妈妈吧，朵朵妈妈12月25日前买好
[2031-04-09 19:34] 朵朵妈妈: 好的
"""


def test_no_summary_line_ends_in_a_word_that_waits_for_a_name() -> None:
    notes = _notes(GIFTS)
    for line in [notes.title, *notes.summary.split("。")]:
        assert not open_tail(line), line
    assert "：，" not in notes.summary and "：吧" not in notes.summary


def test_open_tail_reads_words_that_wait_for_what_follows() -> None:
    assert open_tail("那订酒店改成") and open_tail("採購交給") and open_tail("预约改由")
    assert open_tail("活动室本来")
    # a whole clause that happens to end in the same character is not cut short
    assert not open_tail("先说一下理由") and not open_tail("费用自理") and not open_tail("已经提交申请")

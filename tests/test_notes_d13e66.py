"""Round 66, d13e66 (issue 13, qa13r49): a title or summary is never cut right before a name — a hand-over
("那订大巴改成小吴负责吧") is its settled content whole, not "那订大巴改成" — and a hand-over step never opens on a
pause or particle ("小吴负责：，…"); a to-do for others or a notice says who its 我 is ("转给我（我＝阿芳）"); a hand-over
is agreed by the new owner's yes, not by whoever spoke earlier. The chats are written by hand for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes
from copilot.notes.pairing import open_tail


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


FEE = """[2031-11-02 21:00] 阿芳: 各位隊友，12月13日合歡山單攻，費用每人1200元，含包車和保險
[2031-11-02 21:01] 阿芳: 要去的人11月30日前把1200元轉給我，我統一付包車
[2031-11-02 21:02] 小傑: 收到
[2031-11-02 21:03] 小傑: 保險名單我12月1日前整理好發給大家
[2031-11-02 21:04] 阿強: 頭燈要帶嗎？
[2031-11-02 21:05] 阿芳: 要，登山口天還沒亮
"""


def test_a_to_do_for_others_says_who_its_me_is() -> None:
    notes = _notes(FEE)
    pay = next(a for a in notes.actions if "1200元" in a.task)
    assert pay.owner == "大家" and "轉給我（我＝阿芳）" in pay.task
    assert "轉給我（我＝阿芳）" in notes.summary or "1200元" not in notes.summary
    # the speaker's own work keeps its 我 ("保險名單我…整理好"): it is their to-do, under their name
    own = next(a for a in notes.actions if "保險名單" in a.task)
    assert own.owner == "小傑" and "保險名單我" in own.task


ID_NOTICE = """[2031-11-24 10:00] 周总监: 各位，深圳礼品展12月15日开，今天把人员定下来
[2031-11-24 10:01] 小林: 提醒一下：办参展商证要身份证号，去展会的同事12月3日前把身份证号私发给我
[2031-11-24 10:02] Amy: 收到
[2031-11-24 10:03] 阿杰: 好的
"""


def test_a_notice_and_its_to_do_name_who_receives() -> None:
    notes = _notes(ID_NOTICE)
    lines = [a.task for a in notes.actions] + [n.text for n in notes.announcements]
    assert any("私发给我（我＝小林）" in x for x in lines), lines
    assert all("私发给我（我＝小林）" in x for x in lines if "身份证号" in x), lines
    # the key points quote the message as written
    assert all(p.text in ID_NOTICE for p in notes.key_points if "身份证号" in p.text)


HOTEL = """[2031-11-24 10:00] 周总监: 各位，礼品展的展位和酒店今天定一下
[2031-11-24 10:01] Amy: 展位号确定了吗？
[2031-11-24 10:02] 小林: 确定了，3号馆3B21
[2031-11-24 10:03] 周总监: 阿杰本周五前把酒店订好，展馆附近6间房
[2031-11-24 10:04] 阿杰: 收到
[2031-11-24 15:20] Amy: 宣传册初稿出来了，大家看看有没有错字
[2031-11-24 15:21] 小林: 第3页电话号码少了一位
[2031-11-24 15:22] 阿杰: 周总，我下周要出差，酒店的事可能来不及
[2031-11-24 15:25] 周总监: 那订酒店改成小周负责吧，小周周五前订好，阿杰你把酒店电话发给小周
[2031-11-24 15:26] 小周: 好的，交给我
[2031-11-24 15:27] 阿杰: 马上发
"""


def test_a_hand_over_is_agreed_by_the_new_owner_not_by_earlier_speakers() -> None:
    notes = _notes(HOTEL)
    handed = next(d for d in notes.decisions if "改成小周" in d.text)
    assert handed.by[0] == "周总监" and "小周" in handed.by
    assert "Amy" not in handed.by and "小林" not in handed.by

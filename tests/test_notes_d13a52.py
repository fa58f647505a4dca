"""Round 52 (d13a52): a recap that moves a date or a fee, and an organiser calling something off.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

START = datetime(2028, 9, 4, 20, 0)  # a Monday evening

# a board-game club: the organiser sets a date and a fee, then a recap moves both and calls the livestream off
BOARD_GAMES = (
    "店长阿凯|各位，桌游之夜定在9月9日周六晚上7点，老地方三楼包间，场费每人35元",
    "店长阿凯|当晚顺便做个狼人杀直播，小白你负责准备直播用的补光灯和手机支架",
    "小白|好的，我来准备",
    "阿豪|新人能来吗？不会玩的那种",
    "店长阿凯|@阿豪 可以，现场有人带，先玩简单的卡坦岛",
    "小雯|我那天要加班，这次来不了，你们玩得开心",
    "阿豪|昨晚那场球看了吗",
    "小白|看了，太可惜了",
    "店长阿凯|总结一下今晚的：1. 桌游之夜改到9月10日周日下午2点，还是三楼包间；"
    "2. 场费改成每人45元，周五前转给我；3. 狼人杀直播取消，包间信号太差，小白不用准备了",
    "小白|收到",
    "阿豪|好的，周日见",
)


def test_a_recap_that_moves_the_date_and_the_fee_leaves_only_the_new_values():
    notes = chat_notes(*BOARD_GAMES, start=START)
    told = [notes.title, notes.summary, *(p.text for p in notes.key_points), *(d.text for d in notes.decisions)]
    assert any("9月10日" in t for t in told)
    assert any("45元" in t for t in told)
    for text in told:
        assert "9月9日" not in text and "每人35元" not in text, text
    # the fee to pay is the new one, by the new deadline
    fee = [a for a in notes.actions if "场费" in a.task]
    assert fee and all("35元" not in a.task for a in fee)
    assert any(a.deadline == "2028-09-08" for a in fee)


def test_calling_the_livestream_off_is_a_decision_of_the_organiser_and_closes_its_to_do():
    notes = chat_notes(*BOARD_GAMES, start=START)
    off = [d for d in notes.decisions if "直播取消" in d.text]
    assert len(off) == 1 and off[0].decider == "店长阿凯"
    assert not any("补光灯" in a.task or "直播" in a.task for a in notes.actions)


def test_a_members_own_absence_is_no_decision():
    notes = chat_notes(*BOARD_GAMES, start=START)
    assert not any("来不了" in d.text for d in notes.decisions)
    assert not any("加班" in d.text for d in notes.decisions)


# a hiking club: the leader calls the dinner off; a notice about it and the booking both go
HIKE = (
    "领队老许|周六爬梧桐山，早上8点地铁站A口集合",
    "领队老许|下山后聚餐，阿梅你周四前把餐厅订好，订两桌",
    "阿梅|好的",
    "领队老许|周五晚上8点在群里开个线上行前会",
    "大刘|要带登山杖吗",
    "领队老许|@大刘 最好带，下山路陡",
    "阿梅|我家孩子周六考试，我这次去不了，餐厅我还是先订上",
    "领队老许|算了，这次聚餐就不搞了，爬完各自回家休息；行前会也取消，有事群里说",
    "大刘|收到",
)


def test_the_leaders_call_off_is_a_decision_and_the_booking_is_no_longer_open():
    notes = chat_notes(*HIKE, start=START)
    decided = [d for d in notes.decisions if "聚餐就不搞了" in d.text]
    assert decided and decided[0].decider == "领队老许"
    assert not any("餐厅" in a.task for a in notes.actions)
    assert not any("去不了" in d.text for d in notes.decisions)


def test_a_notice_of_a_meeting_called_off_is_not_listed():
    notes = chat_notes(*HIKE, start=START)
    assert not any("行前会" in n.text and "8点" in n.text for n in notes.announcements)


def test_a_contingency_or_a_question_calls_nothing_off():
    # bad input for the rule: "下雨就取消" is a plan for rain, "聚餐还搞吗" asks, neither is decided
    notes = chat_notes(
        "领队老许|周六爬梧桐山，早上8点地铁站A口集合，下山后聚餐",
        "大刘|聚餐还搞吗？",
        "领队老许|下雨就取消，不下雨照常",
        start=START,
    )
    assert not any("取消" in d.text or "还搞吗" in d.text for d in notes.decisions)


# a Cantonese dance class: 更正 moves the show and the coach fare; the tea after it is called off
DANCE = (
    "梁老師|各位 社區匯演定咗9月9號星期六下晝三點 喺大會堂",
    "梁老師|完咗一齊去飲茶 阿芬你幫手訂枱",
    "阿芬|冇問題",
    "梁老師|旅遊巴車費每人30蚊 星期四前交俾我",
    "陳太|我嗰日要飲喜酒 唔嚟喇",
    "梁老師|更正：匯演改咗去9月10號星期日下晝兩點 車費每人40唔係30",
    "梁老師|飲茶就唔搞喇 星期日酒樓太多人",
    "阿芬|好",
)


def test_a_cantonese_correction_and_call_off():
    notes = chat_notes(*DANCE, start=START)
    told = [notes.title, *(d.text for d in notes.decisions)]
    assert not any("9月9號" in t for t in told)
    assert any("9月10號" in d.text for d in notes.decisions)
    tea = [d for d in notes.decisions if "飲茶就唔搞喇" in d.text]
    assert tea and tea[0].decider == "梁老師"
    assert not any("訂枱" in a.task for a in notes.actions)
    assert not any("唔嚟" in d.text for d in notes.decisions)

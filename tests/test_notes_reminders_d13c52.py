"""Round 52 (d13c52): safety reminders kept whole, and no summary or key point cut inside a clause.

From qa13r36: reminders under a label of their own (安全提醒：, 重要提醒：) vanished from the notes, and one
headed 提醒大家 kept only its first sentence; a summary voice ended mid-phrase ("…豆豆负责接送就"). Every chat
below was written for these tests (a caving club, a cat-rescue team, a kayak club, a voice-typed picnic plan).
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.notes.model import Announcement, Notes
from copilot.notes.offline import _clause, _pieces
from copilot.notes.render import render_markdown

START = datetime(2027, 5, 11, 20, 0)  # a Tuesday evening


def _notice_with(notes: Notes, clause: str) -> Announcement:
    found = [a for a in notes.announcements if clause in a.text]
    assert found, f"{clause} is in no announcement: {[a.text for a in notes.announcements]}"
    return found[0]


def test_a_labelled_safety_reminder_is_a_notice_with_every_clause_and_its_speaker() -> None:
    notes = chat_notes(
        "洞主老秦|5月15日周六去黑龙洞，早上8点在县城汽车站集合，每人AA车费50元",
        "小满|第一次去要准备什么",
        "洞主老秦|头灯两个，备用电池，穿长袖长裤",
        "洞主老秦|安全提醒：进洞必须戴头盔，每人至少两个光源，不许单独离队，下雨天洞里涨水就立刻撤出",
        "阿木|收到",
        "小满|我周五前把急救包配好",
        start=START)
    reminder = _notice_with(notes, "进洞必须戴头盔")
    for clause in ("每人至少两个光源", "不许单独离队", "下雨天洞里涨水就立刻撤出"):
        assert clause in reminder.text
    assert reminder.speaker == "洞主老秦"
    md = render_markdown(notes)
    assert "不许单独离队" in md and "洞主老秦，#3" in md


def test_every_sentence_after_a_reminder_label_belongs_to_the_notice() -> None:
    notes = chat_notes(
        "组长小葵|周六晚上9点在南门草地诱捕，笼子我带",
        "阿福|要几个人",
        "组长小葵|四个人够了",
        "组长小葵|提醒大家：抓猫一定戴厚手套。被抓伤当天去打狂犬疫苗。不要用手直接抱猫",
        "阿福|好的",
        start=START)
    reminder = _notice_with(notes, "戴厚手套")
    assert "被抓伤当天去打狂犬疫苗" in reminder.text
    assert "不要用手直接抱猫" in reminder.text


def test_a_reminder_stops_at_a_question_and_at_another_matter() -> None:
    notes = chat_notes(
        "教练阿岚|重要提醒：下水必须穿救生衣。风力超过4级不出航。大家周末有空吗？",
        "小鱼|有",
        "教练阿岚|注意事项：桨要自己带。另外下个月的会费记得交",
        start=START)
    reminder = _notice_with(notes, "下水必须穿救生衣")
    assert "风力超过4级不出航" in reminder.text
    assert "有空吗" not in reminder.text
    second = _notice_with(notes, "桨要自己带")
    assert "会费" not in second.text


def test_a_cantonese_reminder_under_a_label_is_kept() -> None:
    notes = chat_notes(
        "隊長阿Kit|星期日朝早8點喺赤柱碼頭集合划獨木舟，每位200蚊",
        "細妹|要唔要自己帶水",
        "隊長阿Kit|要，帶兩支",
        "隊長阿Kit|安全提醒：落水一定要着救生衣，唔識游水嘅坐雙人艇，打風就取消",
        start=START)
    reminder = _notice_with(notes, "落水一定要着救生衣")
    assert "唔識游水嘅坐雙人艇" in reminder.text and "打風就取消" in reminder.text


def test_a_cut_line_ends_at_a_pause_never_inside_a_clause() -> None:
    spoken = "周六早上八点在公园北门集合然后大家一起走过去 豆豆负责接送就行 我负责带吃的和水还有野餐垫"
    cut = _clause(spoken, 32)
    assert cut.endswith("豆豆负责接送就行")
    assert _clause(spoken, 12) == "周六早上八点在公园北门集合然后大家一起走过去"
    # no pause for a long stretch: cut between words and marked, never inside a figure
    long = "今天晚上我们讨论了很多关于下个月十二号在市民广场北侧举办的亲子观星活动的具体安排和分工问题以及后续的报名事宜还有费用"
    cut = _clause(long, 20)
    assert cut.endswith("…") and long.startswith(cut[:-1])


def test_a_voice_typed_run_on_is_split_at_its_spaces() -> None:
    said = ("周六上午九点半在滨江公园东门集合大家别迟到 烧烤炉和炭我和老王开车带过去 饮料和水果每家自己带一点 "
            "豆豆负责接送住得远的几个小朋友就行 垃圾袋记得多带几个走的时候要把草地收拾干净 "
            "下午三点左右结束 如果下雨就改到下周六同一时间同一地点 到时候我会提前一天在群里再通知一次大家留意一下消息")
    pieces = _pieces(said)
    assert len(pieces) > 1
    for p in pieces:
        assert said.find(p) >= 0
        end = said.find(p) + len(p)
        assert end == len(said) or said[end] == " ", f"cut inside a clause: {p}"

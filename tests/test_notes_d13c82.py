"""Round 82 (d13c82): a reply that opens on surprise ("真的吗哪个摊位", "真係？邊檔呀") goes on the remark before it
and carries its subject, so the small talk the chatter model reads in the remark is that reply's too — a member's
"我明早去买点清蒸" after another member's market news is no to-do and no Q&A (issue 13, leaked noise).

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.notes.cues import cue, folded
from copilot.notes.exchanges import Line, asides, threads
from copilot.notes.render import render_markdown

START = datetime(2027, 3, 9, 20, 0)  # a Tuesday evening


def _echoes(text: str) -> bool:
    return bool(cue("reply", "echo_head").match(folded(text)))


def test_the_surprise_opener_reads_only_a_reaction_at_the_head():
    for text in ("真的吗哪个摊位，我明早去买点清蒸", "真的假的 我等下去扫货", "真係？邊檔呀", "係咩，我都唔知", "是嗎？在哪裡"):
        assert _echoes(text), text
    # hard negatives: 真的 as an adverb, a question about the matter, the word later in the line
    for text in ("真的很重要，大家一定要带身份证", "真的需要带护照吗", "停车场真的免费吗", "那就真的定了"):
        assert not _echoes(text), text


def test_a_question_opening_on_surprise_goes_on_the_remark_before_it():
    lines = [Line(id=0, speaker="小方", words=frozenset({"螃蟹", "便宜"})),
             Line(id=1, speaker="阿芬", words=frozenset({"摊位", "清蒸"}), asks=True, echoes=True),
             Line(id=2, speaker="小方", words=frozenset({"进门", "左手"}))]
    assert threads(lines) == [None, 0, 1]
    # bad input for the rule: the same question without the surprise opener asks the group
    plain = [lines[0], Line(id=1, speaker="阿芬", words=frozenset({"摊位", "清蒸"}), asks=True), lines[2]]
    assert threads(plain)[1] is None


def test_a_surprised_reply_carries_the_small_talk_of_the_remark_it_answers():
    lines = [Line(id=0, speaker="队长", words=frozenset({"集合", "东门"}), text="周六早上八点东门集合"),
             Line(id=1, speaker="小方", words=frozenset({"螃蟹", "便宜"}), text="螃蟹"),
             Line(id=2, speaker="阿芬", words=frozenset({"摊位", "清蒸"}), asks=True, echoes=True, text="摊位"),
             Line(id=3, speaker="小方", words=frozenset({"进门", "左手"}), text="进门")]
    p = {"螃蟹": 0.97, "摊位": 0.02, "进门": 0.14}  # mean 0.38 as said; (0.97 + 0.97 + 0.14) / 3 = 0.69 carried
    assert asides(lines, {"队长"}, chatter=lambda t: p.get(t, 0.0)).lines == {1, 2, 3}
    # bad input for the rule: the same reply without the surprise opener keeps its own P (and opens its own exchange)
    plain = [*lines[:2], Line(id=2, speaker="阿芬", words=frozenset({"摊位", "清蒸"}), asks=True, text="摊位"), lines[3]]
    assert asides(plain, {"队长"}, chatter=lambda t: p.get(t, 0.0)).lines == frozenset()


ESTATE = (
    "业委会-陈主任|加装电梯的分摊方案定了：二楼6%、三楼14%、四楼22%、五楼26%、六楼32%",
    "502-刘姐|六楼32%会不会太高了",
    "业委会-陈主任|六楼受益最大，按惯例就是最高，其他小区也是这个比例",
    "301-小方|今天菜市场的螃蟹好便宜，30块三只",
    "402-阿芬|真的吗哪个摊位，我明早去买点清蒸",
    "301-小方|进门左手第二家，老板是安徽的",
    "业委会-陈主任|@502-刘姐 你周五前把二单元的签字表收齐交给我",
    "502-刘姐|好的",
    "601-孙老师|补贴什么时候能到账？",
    "业委会-陈主任|竣工验收后三个月内到账，钱先由施工方垫付",
)

FOOTBALL = (
    "教練-阿輝|星期六朝早九點，跑馬地第三號場，對東區青年隊友誼賽",
    "阿傑|收到教練",
    "細B|要帶咩波衫？",
    "教練-阿輝|主場，着藍色嗰套，白襪",
    "肥仔明|今日街市啲大閘蟹好平，一百蚊三隻",
    "阿傑|真係？邊檔呀，我聽朝去買返幾隻蒸",
    "肥仔明|入門口左手第二檔，老闆好好傾",
    "教練-阿輝|@細B 你星期五之前同我收齊今期會費，每人二百蚊",
    "細B|冇問題",
    "阿傑|教練 落雨點算",
    "教練-阿輝|黃雨照踢，紅雨就取消，我會喺群度通知",
)


def test_a_members_market_aside_leaves_no_to_do_and_no_pair():
    notes = chat_notes(*ESTATE, start=START)
    md = render_markdown(notes, appendix=False)
    assert "清蒸" not in md and "摊位" not in md
    # the chat's own business stays: the work handed out and the question on the matter
    assert any(a.owner == "502-刘姐" and "签字表" in a.task for a in notes.actions)
    assert any("补贴" in q.question and "三个月" in q.answer for q in notes.qa)


def test_a_cantonese_market_aside_leaves_no_to_do_and_no_pair():
    notes = chat_notes(*FOOTBALL, start=START)
    md = render_markdown(notes, appendix=False)
    assert "買返幾隻蒸" not in md and "邊檔" not in md
    assert any(a.owner == "細B" and "會費" in a.task for a in notes.actions)
    assert any("落雨" in q.question and "紅雨" in q.answer for q in notes.qa)


def test_surprise_at_the_organisers_news_is_the_chats_matter():
    # hard negative: "真的吗？…" answers the organiser, who takes part: the member's plan stays a to-do
    notes = chat_notes(
        "团长-小雅|周日早上七点半，地铁站A口集合，去梧桐山，门票免费",
        "阿龙|真的吗？那我带两个朋友一起来，周六前把名字报给你",
        "团长-小雅|可以，名字发我就行",
        "小静|要带午饭吗",
        "团长-小雅|要，山顶没有吃的，自己带",
        start=START)
    assert any(a.owner == "阿龙" and "名字" in a.task for a in notes.actions)
    assert any("午饭" in q.question for q in notes.qa)


def test_on_topic_banter_that_carries_a_fact_stays():
    # hard negative: a member's chatty line about the outing's place carries a fact the notes keep
    notes = chat_notes(
        "社长-老马|周日早上六点半，大家在湿地公园北门集合拍日出，记得带三脚架",
        "阿杰|停车方便吗",
        "小鹿|北门有个停车场，早上八点前免费",
        "阿杰|真的吗？太好了，上回在南门停车罚了两百",
        "社长-老马|@阿杰 你周六前把活动报名表发到群里",
        "阿杰|好的",
        start=START)
    assert any("停车" in q.question and "八点前免费" in q.answer for q in notes.qa)
    assert any(a.owner == "阿杰" and "报名表" in a.task for a in notes.actions)

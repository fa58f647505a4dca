"""Round 49 (d13a49): decisions the way people settle them, and nothing the checker invents.

- "冇意見就咁決定" / "没意见就这么定了" settles the line put up just before it (the condition is no content);
- "今晚把几件事定了" names the evening's business, it settles nothing;
- "还是老规矩，…" keeps the group's custom: settled;
- "有道理，改一下：…" changes what it is about, not an unrelated decision settled a few lines earlier;
- a recap item that only says who does what is a to-do told again, not a decision;
- "要，统一用…" answering the question just asked is its answer, not a choice the group settled;
- the faithfulness check reads no name glued to the label beside a member's name ("Iris老師主講").

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_lines, chat_structure

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes import summarize as summarize_module
from copilot.notes.faithfulness import find_ungrounded
from copilot.notes.model import Decision, Notes, Transcript
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze
from copilot.notes.summarize import summarize_transcript

START = datetime(2027, 9, 8, 20, 0)  # a Wednesday evening


def _texts(*lines: str) -> list[str]:
    return [d.text for d in chat_structure(*lines, start=START).decisions]


def test_no_objection_then_settled_takes_the_line_put_up_before_it():
    texts = _texts(
        "队长阿豪|各位，下个月的社区篮球赛，今晚排一下首发",
        "队长阿豪|首发我拟了：后卫小邓、阿杰，前锋大熊、老潘，中锋阿勇",
        "队长阿豪|冇意見就咁決定",
        "大熊|冇意見",
        "老潘|👍",
    )
    assert any("后卫小邓" in t for t in texts), texts
    assert not any(t.strip() == "冇意見就咁決定" for t in texts), texts


def test_a_bare_no_objection_with_nothing_put_up_settles_nothing():
    # bad input: the line before is a question, nothing was put up to settle
    texts = _texts(
        "群主小葛|明天的读书会几点开始？",
        "群主小葛|没意见就这么定了",
    )
    assert texts == [], texts


def test_the_evenings_business_is_no_decision():
    texts = _texts(
        "楼长老韩|各位邻居，4单元换防盗门的事，今晚把几件事定了",
        "楼长老韩|门的款式两个选择：钢木门，或者全钢门",
        "201孙姐|全钢门吧，结实",
        "301小曹|同意全钢门",
        "楼长老韩|那就全钢门，就这么定了",
    )
    assert not any("今晚把几件事" in t for t in texts), texts
    assert any("全钢门" in t for t in texts), texts


def test_the_groups_custom_kept_is_a_decision_but_a_hand_off_is_not():
    texts = _texts(
        "社长阿梅|月底的茶话会，节目还是老规矩，每个小组出一个节目",
        "组长小谭|收到",
    )
    assert any("每个小组出一个节目" in t for t in texts), texts
    texts = _texts(
        "社长阿梅|签到表谁来弄",
        "老许|老规矩还是我，周五前弄好",
    )
    assert texts == [], texts


def test_a_change_of_one_matter_leaves_another_settled_before_it():
    texts = _texts(
        "楼长老韩|李姐说首付交40%，大家觉得呢",
        "301小曹|可以",
        "201孙姐|行",
        "楼长老韩|好，首付40%，10月15日前交到业委会",
        "201孙姐|门铃要不要换成可视的",
        "楼长老韩|保洁费按户平摊，每户每月20元",
        "501钱叔|五楼爬得最多，保洁费也按楼层算吧",
        "楼长老韩|有道理，改一下：保洁费也按楼层分摊",
    )
    assert any("首付40%" in t for t in texts), texts
    assert any("保洁费也按楼层分摊" in t for t in texts), texts


def test_a_change_still_undoes_what_was_just_settled():
    texts = _texts(
        "队长阿豪|训练时间两个选择：周六早上8点，或者周日下午3点",
        "大熊|周六早上吧",
        "老潘|同意周六",
        "队长阿豪|那就周六早上8点，定了",
        "队长阿豪|改一下：球场周六早上有比赛，训练改到周日下午3点",
    )
    assert any("周日下午3点" in t for t in texts), texts
    assert not any(t.startswith("那就周六早上8点") for t in texts), texts


def test_a_recap_item_saying_who_does_what_is_no_decision():
    texts = _texts(
        "队长阿豪|下周日的友谊赛，今晚把事情排一排",
        "队长阿豪|首发两个方案：小邓打后卫，或者阿杰打后卫",
        "大熊|小邓吧",
        "老潘|同意小邓",
        "队长阿豪|那就小邓打后卫，定了",
        "小邓|球衣我负责去问，三天内回复大家",
        "大熊|水和毛巾我带，二十瓶水",
        "队长阿豪|总结：1. 小邓打后卫 2. 小邓问球衣 3. 大熊带水 4. 报名费$600我今晚交",
        "老潘|收到",
    )
    assert any("小邓打后卫" in t for t in texts), texts
    assert not any(t.startswith(("大熊带水", "报名费$600")) for t in texts), texts


def test_a_recap_item_naming_no_one_is_still_a_decision():
    # bad input for the rule: an item with a doing word but no doer is what was settled
    texts = _texts(
        "队长阿豪|下周日的友谊赛，今晚把事情排一排",
        "队长阿豪|总结：1. 统一穿白色球衣 2. 8点半体育馆门口集合",
        "老潘|收到",
    )
    assert any("白色球衣" in t for t in texts), texts


def test_a_yes_answering_the_question_just_asked_is_its_answer():
    st = chat_structure(
        "社长老范|下个月的书法作品展，每人交两幅",
        "小温|作品要托裱吗",
        "社长老范|要，统一用白色卡纸托裱，社里出钱",
        "社长老范|展厅两个选择：二楼或者三楼",
        "小温|二楼吧",
        "阿静|同意二楼",
        "社长老范|好，就定二楼",
        start=START,
    )
    texts = [d.text for d in st.decisions]
    assert not any("托裱" in t for t in texts), texts
    assert any("二楼" in t for t in texts), texts
    assert any("托裱" in q.question and "白色卡纸" in q.answer for q in st.qa), [(q.question, q.answer) for q in st.qa]


def test_a_member_name_beside_a_label_is_no_invented_name():
    msgs = chat_lines(
        "Carmen (手帐班主持)|今晚请咗Iris老師分享手帳排版",
        "Iris老師|大家好，我做手帳做咗六年",
        start=START,
    )
    transcript = Transcript(name="t", messages=msgs)
    notes = Notes(title="手帳排版分享", summary="本場由Carmen (手帐班主持)主持，Iris老師主講，主題是手帳排版。")
    assert find_ungrounded(notes, transcript) == []
    # a name the chat never has is still found, beside a member's name or not
    bad = Notes(title="手帳排版分享", summary="本場由Iris老師主講，王建國補充了排版工具。")
    assert "王建國" in find_ungrounded(bad, transcript)


def test_a_proposal_the_organiser_takes_up_is_a_decision():
    st = chat_structure(
        "社长老范|下个月的书法作品展，每人交两幅，今晚排一下",
        "社长老范|作品统一周五前交给阿静",
        "小温|现场要不要加一个教小朋友写春联的摊位？",
        "社长老范|好主意，春联摊位就交给小温，红纸我来买",
        "社长老范|开幕式10点开始",
        start=START,
    )
    found = [d for d in st.decisions if "春联摊位" in d.text]
    assert found and "小温" in found[0].by, [(d.text, d.by) for d in st.decisions]


def test_a_yes_from_a_member_who_does_not_run_the_chat_settles_nothing():
    # bad input: two members chatting, the one who says yes is not the organiser
    st = chat_structure(
        "社长老范|下个月的书法作品展，每人交两幅，今晚排一下",
        "社长老范|作品统一周五前交给阿静",
        "社长老范|开幕式10点开始",
        "小温|散场后要不要一起去吃火锅？",
        "阿静|好啊，火锅我想吃好久了",
        start=START,
    )
    assert not any("火锅" in d.text for d in st.decisions), [d.text for d in st.decisions]


def test_a_thumbs_up_right_after_a_decision_counts_when_a_recap_restates_it():
    st = analyze(parse_text(
        "[2027-09-08 20:00] 队长阿豪: 首发我拟了：后卫小邓、阿杰，前锋大熊、老潘\n"
        "[2027-09-08 20:01] 队长阿豪: 冇意見就咁決定\n"
        "[2027-09-08 20:02] 大熊: 冇意見\n"
        "[2027-09-08 20:02] 老潘: 👍\n"
        "[2027-09-08 20:04] 队长阿豪: 集合8点半体育馆门口\n"
        "[2027-09-08 20:06] 队长阿豪: 总结：1. 首发照刚才的名单，后卫小邓、阿杰，前锋大熊、老潘 2. 8点半体育馆门口集合\n",
        "t.txt"))
    found = [d for d in st.decisions if "后卫小邓" in d.text]
    assert found and {"老潘", "大熊"} <= set(found[0].by), [(d.text, d.by) for d in st.decisions]


def test_the_offline_notes_pass_the_same_faithfulness_check(monkeypatch):
    msgs = chat_lines(
        "社长老范|下个月的书法作品展，每人交两幅，作品周五前交给阿静",
        "阿静|收到，我来登记",
        start=START,
    )
    transcript = Transcript(name="t", messages=msgs)
    settings = get_settings()
    engine = get_engine(settings, prefer="offline")
    result = summarize_transcript(transcript, settings, engine)
    assert find_ungrounded(result.notes, transcript) == []

    def invents(t, st):  # an offline draft with a name the chat never has
        notes = summarize_offline(t, st)
        notes.decisions.append(Decision(text="展览由王建國主持", sources=[msgs[0].id]))
        return notes

    monkeypatch.setattr(summarize_module, "summarize_offline", invents)
    result = summarize_transcript(transcript, settings, engine)
    assert not any("王建國" in d.text for d in result.notes.decisions)
    assert any("王建國" in r for r in result.removed)

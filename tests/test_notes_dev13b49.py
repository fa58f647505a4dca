"""Round 49 (dev13b49): the notes state each fact's final state (issue 13, the fresh QA's first class).

(1) a correction that states figures ("更正几处：学费改成每人50元") restates, in every earlier line of its speaker on
the same subject, the figures of its kinds (an amount, a clock time, a day): those clauses leave the key points and
the title, the rest of the line stays, and an answer that gave the old figure gives the corrected one; (2) work its
owner took on in their own words and then asks someone else to do ("投影仪换个人吧") is the taker's alone: the
taker's to-do keeps neither the old owner's words about themselves nor their date.

Every chat below was written for these tests (a parent-child craft class, a residents' film night, a hiking club);
none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_notes, owned_by

from copilot.notes.corrections import figure_kinds, restated_figures, restating, without_figures
from copilot.notes.render import render_markdown

START = datetime(2027, 5, 10, 20, 0)  # a Monday evening

_msgs = partial(chat_lines, start=START)
_notes = partial(chat_notes, start=START)

CRAFT = (
    "手工老师小叶|各位家长，5月16日周日的亲子陶艺课在社区活动室，今晚把事情说一下",
    "手工老师小叶|学费每人60元，下午2点开课，一共十二个家庭",
    "果果妈|要自己带围裙吗",
    "手工老师小叶|围裙活动室有，不用带",
    "乐乐爸|孩子几岁可以参加",
    "手工老师小叶|五岁以上就可以",
    "豆豆妈|学费交给谁",
    "手工老师小叶|学费周五前转给我，每人60元",
    "手工老师小叶|刚和活动室确认完，更正一下：学费改成每人50元，材料费场地出了",
    "果果妈|好的",
)


def test_figure_kinds_tell_an_amount_a_clock_time_and_a_day() -> None:
    assert figure_kinds("学费每人60元") == {"amount"}
    assert figure_kinds("下午2点开课") == {"clock"}
    assert figure_kinds("5月16日周日在活动室") == {"day"}
    assert figure_kinds("一共十二个家庭") == frozenset()


def test_a_correction_restates_only_its_own_kinds_of_figure_in_its_speakers_earlier_lines() -> None:
    msgs = _msgs(*CRAFT)
    fixed = restated_figures(msgs)
    # the fee lines are stale as to their amounts; nobody else's line, and no line without an amount
    assert set(fixed) == {1, 7}
    assert all(f.kinds == {"amount"} and f.by.id == 8 for f in fixed.values())
    assert without_figures(msgs[1].text, fixed[1]) == "下午2点开课，一共十二个家庭"


def test_a_corrections_question_or_another_members_figure_restates_nothing() -> None:
    msgs = _msgs("组长阿敏|周六早上7点在北门集合，车费每人30元",
                 "小唐|更正一下是8点集合吗",  # a question, and not the speaker of the line
                 "组长阿敏|车费各自转我")
    assert restated_figures(msgs) == {}
    msgs = _msgs("组长阿敏|周六早上7点在北门集合", "小唐|我记得车费是30元", "组长阿敏|更正：车费每人35元")
    # 阿敏's earlier line states no amount: her correction sets right 小唐's fee (d13b70), only that line, only its amount
    fixed = restated_figures(msgs)
    assert set(fixed) == {1} and fixed[1].kinds == {"amount"} and fixed[1].by.id == 2


def test_an_answer_whose_figure_was_corrected_gives_the_corrected_figure() -> None:
    msgs = _msgs(*CRAFT)
    fixed = restated_figures(msgs)
    # (the correction is quoted with its own head: a reader sees the figure was changed)
    assert restating(msgs[7].text, fixed[7]) == "学费周五前转给我，更正一下：学费改成每人50元"


def test_the_notes_keep_the_final_fee_and_every_other_fact_of_the_stale_line() -> None:
    notes = _notes(*CRAFT)
    md = render_markdown(notes, appendix=False)
    assert "60元" not in md
    assert "50元" in md
    assert "下午2点" in md  # the clause of the corrected line without an amount stays
    answer = next(q for q in notes.qa if "交给谁" in q.question)
    assert "50元" in answer.answer and "60元" not in answer.answer and 8 in answer.sources


def test_a_time_moved_long_after_the_opening_line_leaves_no_old_time_in_the_notes() -> None:
    notes = _notes(
        "放映员老邓|各位邻居，周六晚上7点在小区广场放露天电影，放《城南旧事》，一共八十张凳子",
        "阿芬|要自己带凳子吗",
        "放映员老邓|凳子物业借好了，不用带",
        "小武|下雨怎么办",
        "放映员老邓|下雨就挪到一楼大堂",
        "阿芬|我带两袋瓜子给小朋友",
        "小武|音响我来借",
        "阿芬|今天菜市场的西瓜好甜",
        "小武|哪个摊的",
        "放映员老邓|更正一下：物业说广场要到晚上8点才清场，电影改成晚上8点开始",
    )
    md = render_markdown(notes, appendix=False)
    assert "7点" not in md
    assert "8点" in md and "城南旧事" in md and "八十张凳子" in md


def test_work_handed_back_in_the_owners_own_words_leaves_nothing_of_theirs_with_the_taker() -> None:
    notes = _notes(
        "领队大熊|各位，5月15日周六爬白云山，早上7点半在山脚停车场集合",
        "阿光|我负责带对讲机，周六我都有空",
        "小兰|要带午饭吗",
        "领队大熊|山顶没有吃的，自己带午饭",
        "阿光|不好意思，周六临时要加班，对讲机换个人吧",
        "小兰|那对讲机我来带，我家有四台",
        "领队大熊|好，对讲机就小兰负责",
    )
    assert not owned_by(notes.actions, "阿光")
    (radio,) = [a for a in owned_by(notes.actions, "小兰") if "对讲机" in a.task]
    assert "我都有空" not in radio.task and "加班" not in radio.task


def test_the_only_work_handed_back_without_naming_it_goes_to_the_taker() -> None:
    notes = _notes(
        "领队大熊|各位，5月15日周六爬白云山，早上7点半在山脚停车场集合",
        "阿光|我负责带对讲机",
        "小兰|要带午饭吗",
        "领队大熊|山顶没有吃的，自己带午饭",
        "阿光|不好意思，周六临时要加班，换个人吧",
        "小兰|那对讲机我来带，我家有四台",
    )
    assert not owned_by(notes.actions, "阿光")
    assert [a for a in owned_by(notes.actions, "小兰") if "对讲机" in a.task]


def test_a_member_who_hands_back_one_of_two_works_keeps_the_other() -> None:
    notes = _notes(
        "领队大熊|各位，5月15日周六爬白云山，早上7点半在山脚停车场集合",
        "阿光|我负责带对讲机",
        "阿光|急救包也我来带",
        "阿光|不好意思，周六临时要加班，换个人吧",
        "领队大熊|那周六就不带对讲机了",
    )
    # (two works of his: a bare hand-back names neither, so neither is given up on its strength alone)
    assert len(owned_by(notes.actions, "阿光")) == 2


# --- (3) an @ whose name the paste dropped ---

def test_work_given_with_a_blank_at_goes_to_the_member_who_takes_it_on() -> None:
    notes = _notes(
        "社长老金|各位，5月16日周日上午社区义诊，在文化站门口，今晚把活排一下",
        "阿玉|我上午都在",
        "社长老金|@ 你去借三顶帐篷",
        "阿玉|文化站的帐篷好像坏了一顶",  # a remark next to it, no yes: not the taker
        "小冯|行，我周五前去借",
        "社长老金|@ 横幅你来印",
        "小冯|那我顺便问问价钱",
        "大鹏|好的，明天印好",
    )
    (tents,) = [a for a in notes.actions if "帐篷" in a.task]
    assert tents.owner == "小冯" and tents.deadline == "2027-05-14"
    (banner,) = [a for a in notes.actions if "横幅" in a.task]
    assert banner.owner == "大鹏" and banner.deadline == "2027-05-11"
    assert not owned_by(notes.actions, "阿玉")


def test_a_blank_at_nobody_takes_on_gives_the_work_to_nobody_in_particular() -> None:
    notes = _notes(
        "社长老金|各位，5月16日周日上午社区义诊，在文化站门口，今晚把活排一下",
        "阿玉|我上午都在",
        "社长老金|@ 你去借三顶帐篷",
        "阿玉|文化站的帐篷好像坏了一顶",
        "小冯|坏的那顶去年就该修了",
    )
    assert not any(a.owner == "阿玉" for a in notes.actions)


def test_a_named_at_still_addresses_its_member() -> None:
    notes = _notes(
        "社长老金|各位，5月16日周日上午社区义诊，在文化站门口，今晚把活排一下",
        "阿玉|我上午都在",
        "社长老金|@小冯 你去借三顶帐篷",
        "大鹏|好的",
    )
    (tents,) = [a for a in notes.actions if "帐篷" in a.task]
    assert tents.owner == "小冯"

"""Issue 13, round 78 (d13d78): a superseded value is never shown as current. Three ways a value is set right that
the notes did not read before:

- another member names it wrong and its speaker takes that up ("@组长 你说的八点不对吧，群公告写的是七点半" —
  "对对，七点半，我记错了"; Cantonese "你講嘅$280唔啱喎，餐廳報價係$320" — "係喎，$320": corrections._taken_fix);
- one line changes several values, each in a clause naming only a generic subject ("时间改到三点，费用改成40元":
  corrections._several_bare);
- a line takes its own value back mid-way ("週六九點在捷運劍潭站集合…喔不對，八點半": corrections._taken_back).

Not read as a change: a question about a value and its yes ("是七点半吗？" — "对，七点半"), an addition ("另外周日上午
九点还有一场"), "不对外开放", values of two changes spread over two lines. A member's "我週六會晚一點到" is their own
plan, no to-do. The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.evals.notes import shown_as_current
from copilot.notes.corrections import restated_figures, restating
from copilot.notes.cues import folded
from copilot.notes.model import Message, Notes
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text
from copilot.notes.reading import personal
from copilot.notes.render import render_markdown

HEAD = [("舞蹈队-刘姐", "各位姐妹，本周六晚上八点在文化广场排练新年节目，每人带一把红扇子"), ("王阿姨", "收到")]


def _chat(lines: list[tuple[str, str]], head: list[tuple[str, str]]) -> str:
    return "".join(f"[2031-12-10 19:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(head + lines))


def _notes(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> Notes:
    return summarize_offline(parse_text(_chat(lines, head), "chat.txt"))


def _md(notes: Notes) -> str:
    return render_markdown(notes, appendix=False)


def _current(value: str, notes: Notes) -> bool:
    """Whether the write-up shows ``value`` as it stands (not followed by a change's mark in its clause)."""
    return shown_as_current(folded(value), folded(_md(notes)))


def _restated(lines: list[tuple[str, str]]) -> dict[int, str]:
    """Message id → its text in its final state, for each line a later (or its own) correction restates."""
    ms = [Message(i + 1, None, who, text) for i, (who, text) in enumerate(lines)]
    return {i: restating(ms[i - 1].text, fix) for i, fix in restated_figures(ms).items()}


# -- another member names the value wrong, its speaker takes it up --------------------------------------------------
def test_a_members_correction_taken_up_marks_the_old_time_everywhere() -> None:
    notes = _notes([("赵姐", "@舞蹈队-刘姐 你说的八点不对吧，群公告写的是七点半"), ("舞蹈队-刘姐", "对对，七点半，我记错了"),
                    ("王阿姨", "好的")])
    md = _md(notes)
    assert not _current("晚上八点在文化广场", notes), md
    assert "晚上八点在文化广场排练新年节目（已改：七点半）" in md, md


def test_cantonese_fee_set_right_by_the_treasurer_and_taken_up() -> None:
    got = _restated([("行山隊-Ken", "各位，星期六行完大帽山去荃灣食火鍋，每人$280，七點開飯"), ("阿欣", "收到"),
                     ("財政-阿珍", "Ken 你講嘅$280唔啱喎，餐廳報價係$320"), ("行山隊-Ken", "係喎，$320，我睇漏咗加一")])
    assert got == {1: "各位，星期六行完大帽山去荃灣食火鍋，每人$280（已改：$320），七點開飯"}


def test_a_yes_with_a_deadline_beside_marks_only_the_fee() -> None:
    got = _restated([("班主任-陈老师", "各位家长，下周三上午九点去科技馆研学，每人交研学费30元"), ("乐乐妈妈", "收到"),
                     ("家委会-周爸爸", "陈老师，研学费不是30吧，学校通知里写的是35元"),
                     ("班主任-陈老师", "对，35元，我打错了，周五前交给周爸爸")])
    assert got == {1: "各位家长，下周三上午九点去科技馆研学，每人交研学费30元（已改：35元）"}


def test_a_question_about_a_value_and_its_yes_change_nothing() -> None:
    assert _restated([*HEAD, ("孙阿姨", "是晚上八点吗？"), ("舞蹈队-刘姐", "对，八点")]) == {}
    # (a member's question naming another time is no correction either: nothing says the value is wrong)
    assert _restated([*HEAD, ("孙阿姨", "是七点半吗？"), ("舞蹈队-刘姐", "对，七点半前到就行")]) == {}


def test_an_addition_and_a_members_own_late_arrival_change_nothing() -> None:
    notes = _notes([("舞蹈队-刘姐", "另外周日上午九点还有一场社区演出，想去的接龙"), ("孙阿姨", "我周六晚点到，孙子八点才放学")])
    md = _md(notes)
    assert _current("晚上八点在文化广场", notes), md  # (nothing changed it)
    assert _current("上午九点", notes), md
    assert "（已改" not in md, md
    assert not any("晚点到" in a.task for a in notes.actions), md


# -- several values changed in one line ------------------------------------------------------------------------------
def test_several_changes_in_one_line_mark_each_old_value() -> None:
    got = _restated([("桌游-阿宽", "周六下午两点在咖啡馆一楼开团，每人30元"), ("小鹿", "收到"),
                     ("桌游-阿宽", "时间改到三点，费用改成40元")])
    assert got == {1: "周六下午两点在咖啡馆一楼开团（已改：三点），每人30元（已改：40元）"}


def test_several_changes_whose_old_values_are_on_two_lines_are_left_alone() -> None:
    # (no one earlier line holds both old values: which line each change sets right is not read)
    assert _restated([("桌游-阿宽", "周六下午两点在咖啡馆开团"), ("桌游-阿宽", "聚餐每人30元"),
                      ("桌游-阿宽", "时间改到三点，费用改成40元")]) == {}


def test_two_changes_of_one_kind_in_one_line_are_left_alone() -> None:
    # (two times in one line: "明天改到三点，后天改到五点" names two things, neither is the notice's one time)
    assert _restated([("桌游-阿宽", "周六下午两点在咖啡馆开团，每人30元"), ("桌游-阿宽", "明天改到三点，后天改到五点")]) == {}


# -- a line that takes its own value back ---------------------------------------------------------------------------
def test_a_line_taking_its_time_back_is_marked_where_it_takes_it_back() -> None:
    head = [("登山社-志豪", "各位社員，週六九點在捷運劍潭站集合…喔不對，八點半，九點公車就開了"), ("佳蓉", "收到"),
            ("登山社-志豪", "報名費每人150元，週四前轉給佳蓉")]
    notes = _notes([("小安", "我週六會晚一點到，在劍潭站等我一下")], head)
    md = _md(notes)
    assert not _current("週六九點在捷運劍潭站集合", notes), md
    assert "週六九點在捷運劍潭站集合（已改：八點半）" in md, md
    assert not any("晚一點到" in a.task for a in notes.actions), md


def test_take_back_words_that_take_nothing_back() -> None:
    assert _restated([("馆长", "周六九点开馆，不对外开放的区域请勿进入")]) == {}
    assert _restated([("阿宽", "三点开始，不对不对，三点半开始")]) == {1: "三点开始（已改：三点半），不对不对，三点半开始"}
    assert _restated([("阿宽", "七点开始对不对？")]) == {}


def test_late_arrival_is_a_members_own_plan_but_arriving_home_is_not() -> None:
    assert personal("我週六會晚一點到，在劍潭站等我一下")
    assert personal("我那天晚些到，送完老二再过去")
    assert not personal("我晚一点到家就把报名表发群里")


# -- another member's change naming no subject, taken up by the speaker ----------------------------------------------
def test_a_members_bare_correction_said_yes_to_marks_the_speakers_time() -> None:
    got = _restated([*HEAD, ("赵姐", "更正一下，是七点半"), ("舞蹈队-刘姐", "好的")])
    assert got == {1: "各位姐妹，本周六晚上八点在文化广场排练新年节目（已改：七点半），每人带一把红扇子"}
    got = _restated([HEAD[0], ("赵姐", "要不改到七点半吧，八点太晚了"), ("舞蹈队-刘姐", "行，七点半")])
    assert got == {1: "各位姐妹，本周六晚上八点在文化广场排练新年节目（已改：七点半），每人带一把红扇子"}


def test_a_members_own_changed_plan_or_an_unanswered_change_sets_nothing_right() -> None:
    # (「我改到七点半到」 is the member's own arrival; a change no one says yes to holds only by the slot rules)
    assert _restated([*HEAD, ("赵姐", "我改到七点半到"), ("舞蹈队-刘姐", "好的")]) == {}
    assert _restated([*HEAD, ("赵姐", "要不改到七点半吧"), ("孙阿姨", "好的")]) == {}
    assert _restated([*HEAD, ("赵姐", "要不改到七点半吧"), ("舞蹈队-刘姐", "不行")]) == {}  # (a refusal is no yes)
    # (the speaker's yes names another value: "行，七点" is no yes to 七点半)
    assert _restated([*HEAD, ("赵姐", "要不改到七点半吧"), ("舞蹈队-刘姐", "行，七点吧")]) == {}


def test_a_doubt_naming_both_values_and_a_bare_yes_mark_the_old_time() -> None:
    got = _restated([*HEAD, ("赵姐", "@舞蹈队-刘姐 你说的八点不对吧，群公告写的是七点半"), ("舞蹈队-刘姐", "对对，我记错了")])
    assert got == {1: "各位姐妹，本周六晚上八点在文化广场排练新年节目（已改：七点半），每人带一把红扇子"}
    # (a question naming two times sets nothing right, whatever the yes)
    assert _restated([*HEAD, ("赵姐", "@舞蹈队-刘姐 七点半还是八点？"), ("舞蹈队-刘姐", "对对")]) == {}


def test_a_take_back_with_is_right_after_it() -> None:
    assert _restated([("阿宽", "周六九点集合，哦不对是八点半，别迟到")]) == {1: "周六九点集合（已改：八点半），哦不对是八点半，别迟到"}


# -- a change naming the old value beside the new one, no subject --------------------------------------------------
def test_old_to_new_without_a_subject_marks_the_line_holding_the_old_value() -> None:
    assert _restated([*HEAD, ("舞蹈队-刘姐", "八点改到七点半了，大家注意")]) == {
        1: "各位姐妹，本周六晚上八点在文化广场排练新年节目（已改：七点半），每人带一把红扇子"}
    # (the organiser's change with a reason from outside holds for a member's notice too)
    got = _restated([("小李", "周六八点在文化广场集合"), ("舞蹈队-刘姐", "从八点改到七点半，广场那边说的")])
    assert got == {1: "周六八点在文化广场集合（已改：七点半）"}


def test_old_to_new_leaves_questions_wishes_and_a_members_own_plan_alone() -> None:
    assert _restated([*HEAD, ("王阿姨", "八点改到七点半了吗")]) == {}
    assert _restated([*HEAD, ("王阿姨", "八点改到七点半吧")]) == {}  # (a member's wish, no one took it up)
    assert _restated([("小李", "我八点到"), ("舞蹈队-刘姐", "从八点改到七点半，广场那边说的")]) == {}


def test_a_members_change_of_another_thing_said_yes_to_sets_nothing_right() -> None:
    # (the change names its own subject: the tables' day, the deposit's, not the speaker's earlier line)
    assert _restated([("小林", "收到，文案12月4日前给你"), ("主理人老唐", "没关系，桌椅租赁改成小林负责吧，下周一前"),
                      ("小林", "好的，桌椅我来问")]) == {}
    assert _restated([("小何", "有几位摊主说周六白天上班，过不来服务站"),
                      ("社工阿芳", "那押金改成周日摆摊的时候现场交，小何你带上收款码"), ("小何", "好的")]) == {}

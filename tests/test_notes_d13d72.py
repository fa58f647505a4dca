"""Issue 13, round 72 (d13d72): one line may be both a decision and a to-do. A close of who does the work, after the
group talked a who-question over ("收银这块谁管？" … "行，那就小刘负责收银吧"), is the group's choice settled as well as
the new owner's to-do; a bare ask with no question before it ("横幅那就麻烦小许去印一下吧") stays only the to-do.

The eval side: a listed decision written only as a to-do or a Q&A answer is counted by the form of its line.

Every chat below was written by hand for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

from copilot.evals import notes as ev
from copilot.notes.model import ActionItem, Notes
from copilot.notes.parse import parse_text

START = datetime(2028, 4, 12, 20, 0)  # a Wednesday evening


def _both(*lines: str) -> tuple[list[str], list[tuple[str | None, str]]]:
    st = chat_structure(*lines, start=START)
    return [d.text for d in st.decisions], [(a.owner, a.task) for a in st.actions]


def test_a_who_question_talked_over_then_closed_is_a_decision_and_a_to_do() -> None:
    decisions, actions = _both(
        "会长老周|下周日社区义卖，收银这块谁管？",
        "阿梅|我上次管过，不过这次我要看摊位",
        "小林|要不让小刘来，她细心",
        "会长老周|行，那就小刘负责收银吧",
        "小刘|好的，没问题",
    )
    assert any("小刘负责收银" in d for d in decisions)
    assert any(owner == "小刘" and "收银" in task for owner, task in actions)


def test_a_member_asking_who_then_the_host_closing_after_talk_is_a_decision_too() -> None:
    decisions, actions = _both(
        "领队阿凯|周六徒步去梧桐山，大家准备一下",
        "小雨|谁来带队？上次走错路了",
        "大熊|老吴路熟，他走过三次",
        "领队阿凯|那就老吴负责带队吧",
        "老吴|收到",
    )
    assert any("老吴负责带队" in d for d in decisions)
    assert any(owner == "老吴" and "带队" in task for owner, task in actions)


def test_a_bare_ask_with_no_question_before_it_is_only_a_to_do() -> None:
    decisions, actions = _both(
        "会长老周|下周日社区义卖，场地已经借好了",
        "阿梅|横幅还没印",
        "会长老周|横幅那就麻烦小许去印一下吧",
        "小许|好的",
    )
    assert not any("横幅" in d for d in decisions)
    assert any(owner == "小许" and "横幅" in task for owner, task in actions)


def test_a_who_question_closed_by_its_asker_with_no_talk_between_is_only_a_to_do() -> None:
    decisions, actions = _both(
        "会长老周|下周日社区义卖，收银这块谁管？",
        "会长老周|那就小刘负责收银吧",
        "小刘|好的",
    )
    assert not any("收银" in d for d in decisions)
    assert any(owner == "小刘" and "收银" in task for owner, task in actions)


EVAL_CHAT = """[2028-04-12 20:00] 会长老周: 下周日社区义卖，收银这块谁管？
[2028-04-12 20:01] 阿梅: 我上次管过，不过这次我要看摊位
[2028-04-12 20:02] 会长老周: 那就小刘负责收银吧
[2028-04-12 20:03] 会长老周: 义卖定在周日上午九点
[2028-04-12 20:04] 小刘: 好的
"""


def test_a_decision_written_only_as_a_to_do_is_counted_by_its_lines_form() -> None:
    transcript = parse_text(EVAL_CHAT, "fair.txt")
    spec = ev.ChatSpec.model_validate({
        "format": "wechat-inline", "script": "zh-Hans", "date": "2028-04-12", "session_type": "话题讨论",
        "decisions": [{"text": ["小刘", "收银"]}, {"text": ["九点"]}]})
    notes = Notes(title="社区义卖", date="2028-04-12", session_type="话题讨论", actions=[
        ActionItem(task="那就小刘负责收银吧", owner="小刘", sources=[3]),
        ActionItem(task="义卖定在周日上午九点", owner="大家", sources=[4])])
    s = ev.score_notes(notes, transcript, spec)
    assert {k: n for k, n in s.why.items() if k.startswith("decisions/")} == {
        "decisions/as_todo_settle_undated_named": 1, "decisions/as_todo_settle_dated_group": 1}
    assert set(s.why) <= set(ev.WHY_LABELS)


def test_an_acceptance_head_handing_the_asked_work_to_a_member_is_a_decision_and_a_to_do() -> None:
    decisions, actions = _both(
        "会长老周|下周日社区义卖，收银这块谁管？",
        "阿梅|我上次管过，不过这次我要看摊位",
        "小林|要不让小刘来，她细心",
        "会长老周|行，小刘负责收银",
        "小刘|好的",
    )
    assert any("小刘负责收银" in d for d in decisions)
    assert any(owner == "小刘" and "收银" in task for owner, task in actions)


def test_work_given_after_a_who_question_on_another_matter_is_only_a_to_do() -> None:
    decisions, actions = _both(
        "会长老周|下周日社区义卖，收银这块谁管？",
        "阿梅|我上次管过，不过这次我要看摊位",
        "小林|我可以帮忙",
        "会长老周|好，小许把横幅印一下",
        "小许|好的",
    )
    assert not any("横幅" in d for d in decisions)
    assert any(owner == "小许" and "横幅" in task for owner, task in actions)


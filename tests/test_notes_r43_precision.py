"""Round 43 (issue 13, precision of decisions and questions).

- A 结论 tells a finding, not a choice: "先说结论：…" before a fact lists no decision (cues decision.summary_inline
  and summary_header no longer hold 结论).
- A proposal put to a vote ("…，同意的扣1") and the line that settles it ("好，就这么定了") are one decision, without
  the call for votes, decided by the one who settled it (cues decision.vote_call, vote_reach).
- Going back to the plan before ("算了，还是按原来的…") is a decision by its form and undoes the change settled just
  before it (cues decision.reverts, reverts_reach); a member's view that leans back ("我觉得还是按原来的…") is not.
- A statement is no question: 嘛 tells, a count after a negation ("来不了几次") asks nothing, "我看看能不能…" is the
  speaker's own errand, and a bare "未呀" answers (cues question.final, interrogatives, embedded).
- A reason glued after the speaker's own promise ("…我来借吧，我认识少年宫的老师") does not undo it (cue
  action.reason_remark), as a contact remark did not; knowing someone, said alone, is still no work.

Every chat below was written for these tests (a pottery studio, a chess club, a choir, a hiking group); none is an
eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_lines, chat_structure, owned_by

from copilot.notes.reading import is_question
from copilot.notes.todos import find_actions

START = datetime(2026, 6, 9, 20, 0)  # a Tuesday evening


def _analyze(*lines: str):
    return chat_structure(*lines, start=START)


def test_a_conclusion_about_a_fact_is_no_decision():
    s = _analyze(
        "馆长阿陶|下个月的陶艺体验课说一下",
        "阿陶|先说结论：上个月的窑烧坏了三成，主要是釉太厚",
        "小林|难怪我的杯子裂了",
        "阿陶|那就定7月12号周日下午开课，同意的扣1",
        "小林|1",
        "阿梅|1",
    )
    texts = [d.text for d in s.decisions]
    assert not any("三成" in t or "釉太厚" in t for t in texts)
    assert any("7月12号" in t for t in texts)


def test_a_vote_and_the_line_that_settles_it_are_one_decision():
    s = _analyze(
        "社长老葛|暑期棋赛的时间我提个方案：周六下午两点到六点，每轮四十分钟",
        "小黄|周六下午我有课",
        "阿峰|那就周六下午两点，同意的扣1",
        "小黄|1",
        "大伟|1",
        "阿芝|1",
        "社长老葛|好，比赛时间就这么定了",
    )
    assert len(s.decisions) == 1
    d = s.decisions[0]
    assert "两点" in d.text and "扣1" not in d.text
    assert d.decider == "社长老葛"
    assert {"小黄", "大伟", "阿芝"} <= set(d.by)


def test_going_back_to_the_old_plan_undoes_the_change_just_made():
    s = _analyze(
        "团长老严|演出服今年改成租的吧，省得洗",
        "阿琪|可以，那就改成租的",
        "小鲁|租的尺码不全啊，去年就有人穿不上",
        "团长老严|也对，算了还是按原来的自己做",
    )
    texts = [d.text for d in s.decisions]
    assert any("自己做" in t for t in texts)
    assert not any("改成租的" in t for t in texts)


def test_a_view_that_leans_back_is_no_decision():
    s = _analyze(
        "领队阿山|这次路线要不改走北坡？",
        "小冉|我觉得还是按原来的南坡走，北坡太陡",
    )
    assert not any("南坡" in d.text for d in s.decisions)


def test_statements_and_proposals_are_no_questions():
    assert not is_question("这不是明摆着嘛，谁都知道")
    assert not is_question("釉料可以当底色嘛")
    assert not is_question("那我下个月也去不了几次")
    assert not is_question("签到我看看能不能做个二维码")
    assert not is_question("未呀 等阵先去")
    # the forms that ask still do
    assert is_question("那你下个月能来几次")
    assert is_question("你食咗飯未")
    assert is_question("签到能不能做个二维码")


def test_rhetorical_line_gets_no_answer_glued_to_it():
    s = _analyze(
        "馆长阿陶|拉坯机周四送去修",
        "小林|这不是废话嘛，坏了当然要修",
        "馆长阿陶|那今天就先这样，有事群里说",
    )
    assert not any("废话" in q.question for q in s.qa)


def test_a_reason_glued_after_a_promise_does_not_undo_it():
    actions, _, _ = find_actions(chat_lines(
        "社长老葛|比赛要用的棋钟不够，还差六个",
        "阿峰|棋钟我来借吧，我认识少年宫的老师",
        start=START))
    assert [a.owner for a in actions if "棋钟" in a.task] == ["阿峰"]


def test_knowing_someone_alone_is_still_no_work():
    actions, _, _ = find_actions(chat_lines(
        "社长老葛|比赛要用的棋钟不够，还差六个",
        "阿峰|我认识少年宫的老师，他们那有棋钟",
        start=START))
    assert not owned_by(actions, "阿峰")

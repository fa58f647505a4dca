"""Round 48 (d13b48): a safety warning put to a member named without an @ is that member's to-do.

A copy or a voice input strips the @ ("@阿强 …" arrives as "阿强 …"), so a warning opened by a participant's bare
name ("阿强 你千万别…", "阿强 搬的时候别…") is put to them as surely as by an @ — and it stays theirs when they
have just asked about something else. A reprimand about posting, a reminder to someone not in the chat, and a
warning that answers the member's own question stay off the to-do list.

Every chat below was written for these tests (a rowing club, a robotics team, a kite club, a pottery studio);
none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_structure, owned_by

from copilot.notes.todos import find_actions

START = datetime(2027, 5, 10, 19, 0)  # a Monday evening

_msgs = partial(chat_lines, start=START)
_structure = partial(chat_structure, start=START)


def _answers(*lines: str) -> dict[str, str]:
    return {q.question: q.answer for q in _structure(*lines).qa}


def test_a_warning_to_a_member_named_bare_is_their_todo():
    actions, _, _ = find_actions(_msgs("教练老韩|周日湖上拉力赛，八点码头集合",
                                       "大刘|收到",
                                       "教练老韩|大刘 你千万不要一个人把艇扛下坡，上次差点砸到脚"))
    mine = owned_by(actions, "大刘")
    assert len(mine) == 1 and "扛下坡" in mine[0].task


def test_a_warning_with_the_forbidden_doing_after_a_pause_is_their_todo():
    actions, _, _ = find_actions(_msgs("社长阿美|周六搬窑，早上九点工作室见",
                                       "阿强|我早点到",
                                       "社长阿美|阿强 搬的时候别一个人抬，找个人一起"))
    assert [a.task for a in owned_by(actions, "阿强") if "一个人抬" in a.task]


def test_a_warning_about_something_else_after_their_question_is_still_theirs():
    actions, _, _ = find_actions(_msgs("指导老师周老师|周六比赛，下午一点科技馆见",
                                       "阿哲|比赛服要自己买吗",
                                       "指导老师周老师|阿哲 你千万别在通电的时候用手去拨齿轮",
                                       "指导老师周老师|比赛服队里统一发"))
    assert [a for a in owned_by(actions, "阿哲") if "齿轮" in a.task]


def test_a_warning_that_answers_their_own_question_is_no_todo():
    actions, _, _ = find_actions(_msgs("社长阿美|这周六练拉坯",
                                       "小鱼|泥太干了要不要直接加很多水",
                                       "社长阿美|小鱼 别直接加很多水，一点点喷"))
    assert not owned_by(actions, "小鱼")


def test_a_reprimand_or_an_outsider_named_gives_no_work():
    actions, _, _ = find_actions(_msgs("风筝社-阿亮|周六上午十点海边放风筝",
                                       "王老板|专业风筝批发 全场五折",
                                       "风筝社-阿亮|王老板 不要在群里发这个",
                                       "风筝社-阿亮|老周 千万别把线放太长"))
    assert not owned_by(actions, "王老板") and not owned_by(actions, "老周")


_KITE = (
    "风筝社-阿亮|周六上午十点海边放风筝，今晚排一下",
    "小周|线轴是用社里的还是自己买",
    "风筝社-阿亮|小周 你千万别在高压线附近放，去年有人被罚",
    "风筝社-阿亮|线轴用社里的，一共十二个，放在仓库",
    "阿梅|几点集合",
    "风筝社-阿亮|@阿梅 别把风筝线缠在手指上，容易勒伤",
    "风筝社-阿亮|九点半停车场集合",
)


def test_a_warning_to_the_asker_about_something_else_is_not_the_answer():
    answers = _answers(*_KITE)
    reel = next(a for q, a in answers.items() if "线轴" in q)
    assert "仓库" in reel and "高压线" not in reel
    meet = next(a for q, a in answers.items() if "几点" in q)
    assert "九点半" in meet and "勒伤" not in meet


def test_a_warning_about_what_was_asked_still_answers_it():
    answers = _answers("社长阿美|这周六练拉坯",
                       "小鱼|泥太干了要不要直接加很多水",
                       "社长阿美|小鱼 别直接加很多水，一点点喷")
    assert any("喷" in a for q, a in answers.items() if "加很多水" in q)


def test_a_reply_opening_with_the_askers_name_still_answers():
    answers = _answers("导演阿春|下周六彩排，今晚排一下",
                       "小芳|彩排要化妆吗",
                       "导演阿春|小芳 彩排不用化妆，正式演出再化")
    assert any("不用化妆" in a for q, a in answers.items() if "化妆" in q)


def test_advice_that_leads_with_what_to_do_then_warns_answers_the_question():
    # the asker's question and the reply share no content word (冲锋衣 / 雨披 / 伞 are different things): the reply
    # opens with what to wear and only then forbids, so it is the answer, not a warning in passing
    answers = _answers("领队老孟|周日骑行去水库，早上七点半出发",
                       "阿飞|下雨的话要不要带雨披",
                       "领队老孟|@阿飞 穿冲锋衣就行 别带伞 骑车打伞危险",
                       "阿飞|收到")
    assert any("冲锋衣" in a for q, a in answers.items() if "雨披" in q)


def test_a_warning_that_opens_the_line_is_still_no_answer_to_another_matter():
    answers = _answers("领队老孟|周日骑行去水库，早上七点半出发",
                       "阿飞|集合点在哪",
                       "领队老孟|阿飞 你千万别骑那辆刹车坏的车来，换一辆",
                       "领队老孟|集合点在地铁站C口")
    assert any("C口" in a for q, a in answers.items() if "集合" in q)

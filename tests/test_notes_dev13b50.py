"""Round 50 (dev13b50): what a fresh tester saw (issue 13).

(1) a safety instruction put to one named member ("@老周 清之前先断电挂锁") is must-keep: its protective steps stay in
the key points with that member, however the sentence ranks; (2) a leader's recap that moves a time ("总结一下：1. 排练
改到下午2点") restates the clock times of the speaker's earlier lines on that matter, however far back, as an explicit
correction does — the old time leaves the key points and the notices.

Every chat below was written for these tests (a bottling-line shift team, a bakery night shift, a cheerleading squad,
a dance school); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_notes

from copilot.notes.corrections import restated_figures
from copilot.notes.model import Transcript
from copilot.notes.offline import _safety_points, candidate_sentences
from copilot.notes.reading import People
from copilot.notes.render import render_markdown
from copilot.notes.structure import analyze

START = datetime(2027, 9, 6, 21, 0)  # a Monday evening

_msgs = partial(chat_lines, start=START)
_notes = partial(chat_notes, start=START)

FILLER = (
    "阿玲|收到",
    "小郭|这周的加班单在哪里签",
    "班长老杜|加班单在车间办公室，找文员签",
    "阿玲|食堂今晚有红烧肉",
    "小郭|真的假的",
    "阿玲|真的，我刚吃完",
    "小郭|下周的劳保鞋什么时候发",
    "班长老杜|劳保鞋周四发，每人一双",
    "阿玲|好的",
)


def _points(notes) -> str:
    return "\n".join(p.text for p in notes.key_points)


def test_a_safety_instruction_to_a_named_member_stays_in_the_key_points_with_that_member() -> None:
    notes = _notes(
        "班长老杜|各位，灌装线这周换夜班，今晚说几件事",
        "班长老杜|夜班22点到早上6点，排班表贴在更衣室",
        "班长老杜|@老周 明天下班前把2号灌装机的喷嘴拆下来洗一下。拆之前先关气阀泄压，再断电挂锁，等转盘停稳了再动手",
        "老周|明白",
        *FILLER,
        "班长老杜|这周五前大家在排班表上签个名",
    )
    points = _points(notes)
    assert "挂锁" in points and "泄压" in points
    (point,) = [p for p in notes.key_points if "挂锁" in p.text]
    assert "老周" in point.text and point.sources == [2]


def test_a_safety_step_of_its_own_message_is_kept_naming_the_member_with_the_at_stripped() -> None:
    notes = _notes(
        "店长阿梅|各位，中秋月饼这周开始夜班赶工",
        "店长阿梅|夜班晚上8点到凌晨2点，每晚两个人",
        *FILLER,
        "店长阿梅|小郭 搅拌机清理的时候戴好手套，先拔电源，千万别把手伸进去",
        "小郭|好的店长",
        "店长阿梅|周三前大家把夜班意向报给我",
    )
    (point,) = [p for p in notes.key_points if "拔电源" in p.text or "戴好手套" in p.text]
    assert "小郭" in point.text


def test_a_safety_word_said_to_the_whole_group_or_asked_is_no_member_instruction() -> None:
    msgs = _msgs("班长老杜|@所有人 清机器之前都要断电挂锁",
                 "老周|@班长老杜 清喷嘴要先泄压吗",
                 "班长老杜|阿玲 明天早上7点来接班")
    t = Transcript(name="t", messages=msgs)
    st = analyze(t)
    people = People.of(msgs)
    assert _safety_points(candidate_sentences(t, st, people), people) == []


SQUAD = (
    "教练小安|各位队员，9月11日周六的啦啦操比赛，今晚把安排说一下",
    "教练小安|比赛在区体育馆，周六下午3点开始走台，晚上7点正式比赛",
    "队长阿琪|好的",
    "小满|队服穿红色还是白色",
    "教练小安|红色",
    "阿琪|彩球谁去领",
    "教练小安|小满去领彩球，周四前领回来",
    "小满|好",
    "阿琪|家长能进场吗",
    "教练小安|可以，每人两张票",
    "小满|今天训练好累",
    "阿琪|我腿都软了",
    "教练小安|大家早点休息",
    "教练小安|刚跟体育馆确认完，总结一下：\n1. 周六走台改到下午2点，提前一小时，晚上7点比赛不变\n2. 队服红色\n3. 小满周四前领彩球",
)


def test_a_recap_that_moves_a_time_restates_the_speakers_earlier_line_however_far_back() -> None:
    msgs = _msgs(*SQUAD)
    fixed = restated_figures(msgs)
    assert set(fixed) == {1}  # the opening line names a day, not a clock time: it stands
    assert fixed[1].kinds == {"clock"} and fixed[1].by.id == len(SQUAD) - 1


def test_the_notes_of_a_recap_that_moves_a_time_keep_only_the_new_time() -> None:
    notes = _notes(*SQUAD)
    md = render_markdown(notes, appendix=False)
    assert "下午3点" not in md
    assert "下午2点" in md and "区体育馆" in md


def test_a_recap_that_moves_a_time_only_if_it_rains_or_moves_nothing_restates_nothing() -> None:
    rain = _msgs("教练小安|周六下午3点在操场训练",
                 "小满|好",
                 "教练小安|总结一下：1. 周六下午3点训练，下雨的话改到下午4点去体育馆")
    assert restated_figures(rain) == {}
    plain = _msgs("教练小安|周六下午3点在操场训练",
                  "小满|好",
                  "教练小安|总结一下：1. 周六下午3点训练 2. 队服改成红色")
    assert restated_figures(plain) == {}
    other = _msgs("教练小安|周六下午3点在操场训练",  # a recap by someone else corrects nothing of the coach's
                  "阿琪|总结一下：训练改到下午2点")
    assert restated_figures(other) == {}


# (3) work its owner says later is already done ("搞定", "清完了", "已完成") is no open to-do; the rest of their list stays
def test_work_its_owner_says_is_done_leaves_the_todo_list_and_the_rest_stays() -> None:
    notes = _notes(
        "班长老杜|各位，灌装线这周换夜班，今晚说几件事",
        "阿玲|3号线的维修单谁交",
        "班长老杜|阿玲你把维修单交给设备科",
        "班长老杜|还有，阿玲周三前去仓库把新的防护面罩领回来",
        "阿玲|好的",
        "小郭|劳保鞋什么时候发",
        "班长老杜|劳保鞋周四发",
        "阿玲|维修单我刚交给设备科了，搞定",
        "班长老杜|@小郭 你明天把传送带的链条上一下油",
        "小郭|收到",
    )
    tasks = " ".join(a.task for a in notes.actions if a.owner == "阿玲")
    assert "面罩" in tasks
    assert "维修单" not in tasks
    assert any(a.owner == "小郭" and "链条" in a.task for a in notes.actions)


def test_a_promise_to_send_once_done_or_done_only_later_is_still_open() -> None:
    notes = _notes(
        "队长阿彬|各位，下周六的友谊赛，今晚说一下",
        "队长阿彬|小葵你去把下周六的场地订一下",
        "小葵|好的，场地我订好了发群里",  # (once booked, she will post it: a promise)
        "队长阿彬|阿蓝你做个海报",
        "阿蓝|海报周五做完了给你",  # (done on a day still to come)
    )
    owners = {a.owner for a in notes.actions}
    assert {"小葵", "阿蓝"} <= owners


def test_a_finished_task_in_cantonese_leaves_the_list() -> None:
    notes = _notes(
        "社工阿欣|各位義工，星期六嘅賣旗日，今晚分下工",
        "社工阿欣|阿輝你聽日去買旗袋",
        "阿輝|好",
        "社工阿欣|細妹星期五前印好名單",
        "細妹|收到",
        "阿輝|旗袋我啱啱買好咗，搞掂",
    )
    assert not any(a.owner == "阿輝" for a in notes.actions)
    assert any(a.owner == "細妹" and "名單" in a.task for a in notes.actions)


def test_work_said_to_be_done_with_gao_ding_le_is_no_decision() -> None:
    notes = _notes(
        "队长阿彬|各位，下个月的训练安排说一下",
        "队长阿彬|小葵你去把下个月的场地订一下",
        "小葵|场地我昨天已经订好了，搞定了",
        "队长阿彬|那训练就定了，每周日上午9点",
    )
    texts = [d.text for d in notes.decisions]
    assert not any("搞定" in t for t in texts)
    assert any("周日上午9点" in t for t in texts)


def test_a_cantonese_yat_yu_gam_zou_settles_the_proposal_put_up_before_it() -> None:
    notes = _notes(
        "會長阿琛|各位街坊，下個月嘅屋邨清潔日，今晚傾下",
        "阿蘭|我提議每層派兩個義工，負責執垃圾",
        "肥波|冇問題",
        "會長阿琛|好，一於咁做",
        "肥波|手套邊個買",
        "會長阿琛|阿蘭星期五前買手套",
    )
    (d,) = [d for d in notes.decisions if "兩個義工" in d.text]
    assert d.decider == "會長阿琛" and "肥波" in d.by and "一於" not in d.text



def test_a_routine_from_a_day_on_that_members_okay_is_a_decision_and_unanswered_it_is_not() -> None:
    lines = ("店长阿梅|各位，中秋月饼这周开始夜班赶工",
             "店长阿梅|还有，从下周一开始，每天晚上9点前在群里报到，说一声做完了没有")
    notes = _notes(*lines, "小郭|OK", "阿玲|行，没问题", "店长阿梅|小郭周三前把包装盒点一下")
    (d,) = [d for d in notes.decisions if "每天晚上9点" in d.text]
    # (round 55: the OK still lets the routine stand, but only 阿玲's 行，没问题 is a yes; 小郭 took note)
    assert d.decider == "店长阿梅" and "阿玲" in d.by and "小郭" not in d.by
    quiet = _notes(*lines, "店长阿梅|小郭周三前把包装盒点一下")
    assert not any("每天晚上9点" in d.text for d in quiet.decisions)

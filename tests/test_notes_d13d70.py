"""Round 70 (d13d70): a role handed on from the members an earlier line gave it to ("主持人还是让小谭和刘梅来" … "那主持人
换成刘梅和阿芳") is a decision the group is told, as a line with 本来/原先 is — even where the same line gives work too.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import exported_notes

START = datetime(2027, 4, 12, 20, 0)  # a Monday evening

# a parents' committee: the hosts of the show were two members; one cannot come, so the chair names new hosts
HOSTS = (
    "家委会-陈姐|六一汇演的事今晚定一下",
    "家委会-陈姐|主持人还是让小唐和佳佳妈妈来",
    "小唐|陈姐我那天要加班，来不了了",
    "家委会-陈姐|那主持人换成佳佳妈妈和阿芳，串词也发给阿芳",
    "阿芳|好的 我来",
    "佳佳妈妈|没问题",
)

# a member was given other work before: the script had no one, so "换成阿芳来写" hands nothing on — it gives work
SCRIPT = (
    "家委会-陈姐|六一汇演的事今晚定一下",
    "家委会-陈姐|饮用水让小唐去买",
    "小唐|好的",
    "家委会-陈姐|串词换成阿芳来写，周五前发我",
    "阿芳|好的",
)


def test_a_role_handed_on_from_members_named_just_before_is_a_decision():
    notes = exported_notes(*HOSTS, start=START)
    handed = [d for d in notes.decisions if "阿芳" in d.text and "主持" in d.text]
    assert handed, [d.text for d in notes.decisions]
    assert handed[0].by[0] == "家委会-陈姐"


def test_work_no_member_had_before_is_given_not_handed_on():
    notes = exported_notes(*SCRIPT, start=START)
    assert not any("串词" in d.text for d in notes.decisions)
    assert any("串词" in a.task and a.owner == "阿芳" for a in notes.actions)


# a class reunion: a member asks which day, the organiser's plan answers it
REUNION = (
    "班委-晓琳|同学们，毕业十周年聚会的事说一下",
    "老孟|定在哪天呀？",
    "班委-晓琳|就定7月19日周六，地方还在学校对面的老地方",
    "老孟|好嘞",
    "阿珍|收到，一定到",
)


def test_a_plan_that_answers_a_members_when_question_is_a_decision_and_an_answer():
    notes = exported_notes(*REUNION, start=START)
    assert any("7月19日" in d.text for d in notes.decisions), [d.text for d in notes.decisions]
    assert any("哪天" in q.question and "7月19日" in q.answer for q in notes.qa)


def test_a_plan_told_after_a_question_asking_no_what_or_when_is_still_a_notice():
    lines = (*REUNION[:1], "老孟|晓琳你最近还好吗？", "班委-晓琳|聚会定在7月19日周六，地方在学校对面的老地方", *REUNION[3:])
    notes = exported_notes(*lines, start=START)
    assert not any("7月19日" in d.text for d in notes.decisions)
    assert any("7月19日" in a.text for a in notes.announcements)


# a photography club: the result of the vote is on the line after its heading
VOTE = (
    "摄影社-老葛|下月外拍地点大家投票：A 湿地公园，B 老城区",
    "阿宽|A",
    "小婉|A",
    "大雄|B",
    "摄影社-老葛|投票结果定了：",
    "摄影社-老葛|A 湿地公园3票，B 老城区1票",
    "小婉|好耶",
)


def test_a_decision_heading_ending_with_a_colon_takes_its_speakers_next_line():
    notes = exported_notes(*VOTE, start=START)
    assert not any(d.text.rstrip().endswith(("：", ":")) for d in notes.decisions), [d.text for d in notes.decisions]
    result = [d for d in notes.decisions if "湿地公园3票" in d.text]
    assert len(result) == 1 and len(result[0].sources) == 2


def test_a_heading_takes_no_question_its_speaker_asks_next():
    lines = (*VOTE[:5], "摄影社-老葛|大家周六早上几点方便出发？", "小婉|7点吧")
    notes = exported_notes(*lines, start=START)
    assert not any("几点方便" in d.text for d in notes.decisions)


def test_the_speakers_own_edit_told_with_a_change_word_is_no_decision():
    lines = ("店长-小美|这款围巾的价格大家觉得多少合适", "阿芳|59.9吧，比隔壁家便宜点", "店长-小美|好，价格我改到商品链接里")
    notes = exported_notes(*lines, start=START)
    assert not any("商品链接" in d.text for d in notes.decisions), [d.text for d in notes.decisions]


def test_a_change_the_group_makes_still_settles_beside_the_speakers_own_edit():
    lines = ("店长-小美|周六的直播大家看看时间", "阿芳|晚上8点人多", "店长-小美|那就定了，直播改到周六晚上8点，我改到预告里")
    notes = exported_notes(*lines, start=START)
    assert any("周六晚上8点" in d.text for d in notes.decisions), [d.text for d in notes.decisions]


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


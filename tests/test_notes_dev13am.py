"""Round 38e (dev13am): to-do owners, from qa13r20's failure classes.

(1) an owner is a whole word: a name-shaped start of a longer dictionary word (小望 of 小望远镜) is no one, and the
grounding check refuses an owner that only occurs inside such a word; (2) a message handing out several tasks
in voice-typed text with no pauses gives each named member their own clause's task: a name followed by 你/负责
or the group followed by a time opens a new clause, read on its own (the receiver of an earlier clause's payment
is not made a payer of the next one, nor is the one handing out the work its owner).

Every chat below was written for these tests (a stargazing club, a badminton club, a choir);
none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.faithfulness import find_ungrounded
from copilot.notes.model import ActionItem, Notes, Transcript
from copilot.notes.owners import name_shaped, occurs_whole
from copilot.notes.todos import find_actions

START = datetime(2026, 5, 8, 20, 0)  # a Friday evening

_msgs = partial(chat_lines, start=START)


# --- (1) a name is a whole word ---

def test_a_name_shaped_start_of_a_longer_word_is_no_person() -> None:
    assert name_shaped("给孩子配一个轻便的小望远镜就行") == ()
    assert name_shaped("记得带一个小喇叭过来") == ()
    assert [n for _, _, n in name_shaped("让小王明天去现场看看")] == ["小王"]
    assert [n for _, _, n in name_shaped("小李把表交给班长")] == ["小李"]


def test_occurs_whole_tells_a_name_from_a_word_fragment() -> None:
    assert not occurs_whole("小望", "带一个8x25的小望远镜，轻一点")
    assert occurs_whole("小林", "小林你负责买保险，周六前发我")


def test_the_grounding_check_refuses_an_owner_cut_out_of_a_word() -> None:
    msgs = _msgs("星空社-阿辰|孩子几岁能来看星星",
                 "老温|八岁以上就行，给他带个轻一点的小望远镜")
    t = Transcript(name="t.txt", messages=msgs, format="wechat")
    notes = Notes(title="观星", summary="观星问答",
                  actions=[ActionItem(task="带个轻一点的望远镜", owner="小望", sources=[2])])
    assert "小望" in find_ungrounded(notes, t)
    notes.actions[0].owner = "老温"
    assert "老温" not in find_ungrounded(notes, t)


def test_no_to_do_is_given_to_a_fragment_of_a_word() -> None:
    actions, _, _ = find_actions(_msgs(
        "星空社-阿辰|周六去郊外看流星雨，大家有什么问题",
        "阿果|孩子几岁合适",
        "老温|@阿果 八岁以上就可以，给孩子一个轻一点的8x25小望远镜，兴趣会高很多",
    ))
    assert all(a.owner != "小望" for a in actions)


# --- (2) a message handing out several tasks ---

def _owners_of(actions: list[ActionItem]) -> dict[str, str]:
    return {a.owner or "": a.task for a in actions}


def test_a_run_on_voice_message_gives_each_member_their_own_task() -> None:
    actions, _, _ = find_actions(_msgs(
        "羽毛球群-老邝|下个月的比赛我们定一下",
        "阿翔|好的",
        "梅姐|可以",
        "小戴|行",
        "羽毛球群-老邝|那我安排一下啊阿翔你明晚之前把对阵表做出来发群里然后梅姐负责收报名费"
        "大家周六前把50块转给梅姐小戴你帮忙去买羽毛球下周三前买好拿到我这里",
    ))
    owners = _owners_of(actions)
    assert "对阵表" in owners.get("阿翔", "")
    assert "收报名费" in owners.get("梅姐", "")
    assert "转给梅姐" in owners.get("大家", "") and "对阵表" not in owners.get("大家", "")
    assert "羽毛球" in owners.get("小戴", "")
    assert "羽毛球" not in owners.get("老邝", "")  # the one who gives the work out only receives it


def test_a_co_owner_after_and_opens_no_new_clause() -> None:
    actions, _, _ = find_actions(_msgs(
        "合唱团-琳姐|下周六的演出定一下",
        "阿德|好",
        "合唱团-琳姐|服装我和阿德负责去借周五前借回来",
    ))
    assert not any(a.owner == "阿德" and "服装" not in a.task for a in actions)

"""Round 42 (issue 13, qa13r25 class c): talk or discussion from the chat's structure, not the host's wording.

A speaker who holds the floor (a run of long messages nobody else interrupts) and settles nothing with the group
gives a talk even when the host invites them to 聊聊; members who vote and have their vote taken up make a
discussion however long the organiser's turns are. Every chat below was written for these tests (an ocarina
club, a cycling club's route, a kite club); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_notes, chat_structure

from copilot.notes.model import Decision
from copilot.notes.reading import group_decided

START = datetime(2026, 11, 3, 20, 0)  # a Tuesday evening

_notes = partial(chat_notes, start=START)

OCARINA_TALK = (
    "群主小禾|今晚请周老师来跟大家聊聊陶笛怎么练气息，大家先听，问题留到最后",
    "周老师|好的谢谢小禾。我吹陶笛十几年了，今天就讲气息这一件事，新手十个有八个卡在这里。",
    "周老师|第一是姿势，坐着吹也要腰背挺直，肩膀放松，陶笛举到和嘴平齐，不要低头去够吹口。",
    "周老师|第二是腹式呼吸，吸气的时候肚子鼓起来而不是肩膀抬起来，每天躺着练五分钟，手放在肚子上感觉起伏。",
    "周老师|第三是长音，选一个中音区的音吹满8拍，音准不晃再加到12拍，每天练十组，一个月就能听出差别。",
    "周老师|最后说高音，高音不是用力吹，是气流更细更快，嘴唇收一点，很多人一用力就破音。",
    "小鹿|周老师，长音练的时候要开节拍器吗",
    "周老师|要开，60的速度就行，不开的话拍子会越吹越快",
    "阿泽|高音一直破怎么办",
    "周老师|先退回去练长音，气稳了高音自然就出来了",
    "群主小禾|谢谢周老师！",
)


def test_a_speaker_holding_the_floor_gives_a_talk_though_the_host_says_liaoliao() -> None:
    notes = _notes(*OCARINA_TALK)
    assert notes.session_type == "主讲分享"
    assert notes.speakers[:1] == ["周老师"]
    assert notes.host == "群主小禾"


ROUTE_VOTE = (
    "领骑大海|周日的骑行路线还没定，两条给大家挑：一条是沿江绿道到湿地公园，来回45公里，全程平路，中途有两个补给点",
    "领骑大海|另一条是翻北山到水库，来回60公里，爬升500米左右，风景好但是累，新手可能跟不上，需要提前吃好早饭带足水",
    "领骑大海|不管走哪条，早上7点在体育中心南门集合，头盔必须戴，没有尾灯的这周自己去配一个，费用自理",
    "领骑大海|上次有人迟到半小时大家都在等，这次7点10分准时出发，不等人，迟到的自己跟轨迹追上来",
    "小峰|我投绿道",
    "Mia|绿道吧",
    "老陆|+1 绿道",
    "领骑大海|绿道三票，那就走沿江绿道，周日7点南门见",
)


def test_members_voting_make_a_discussion_though_the_organiser_talks_at_length() -> None:
    notes = _notes(*ROUTE_VOTE)
    assert notes.session_type == "话题讨论"
    assert any("绿道" in d.text for d in notes.decisions)


KITE_CHAT = (
    "会长阿泰|大家聊聊下个月的风筝节要不要报名，报名费每队100元",
    "小柯|我想去，去年那次挺好玩的",
    "蓝蓝|我那周出差，去不了",
    "会长阿泰|那天是周六，3月14日，在滨海公园",
    "小柯|我可以带我家那只三米的老鹰风筝",
    "豆子|我也去，能带孩子吗",
    "会长阿泰|可以带，孩子不另收费",
)


def test_a_chat_that_says_liaoliao_and_has_no_one_holding_the_floor_stays_a_discussion() -> None:
    notes = _notes(*KITE_CHAT)
    assert notes.session_type == "话题讨论"


def test_group_decided_needs_three_people_behind_the_main_voices_decision() -> None:
    route = ["领骑大海", "小峰", "Mia"]
    assert group_decided([Decision(text="那就走沿江绿道", by=route, sources=[7])], "领骑大海")
    # two people, one of them twice, or the decision of someone else than the chat's main voice (a host
    # settling the next session after a talk) is no discussion
    assert not group_decided([Decision(text="那就走沿江绿道", by=route[:2], sources=[7])], "领骑大海")
    assert not group_decided([Decision(text="那就走沿江绿道", by=["领骑大海", "领骑大海", "小峰"], sources=[7])], "领骑大海")
    assert not group_decided([Decision(text="下期就定周四", by=["群主小禾", "小鹿", "阿泽"], sources=[9])], "周老师")
    assert not group_decided([], "领骑大海")


def test_analyze_reads_the_same_kind_as_the_notes() -> None:
    st = chat_structure(*ROUTE_VOTE, start=START)
    assert st.session_type == "话题讨论"


# --- the title of a planning chat whose opener names its matter ---

POTLUCK = (
    "社长阿楠|各位晚上好，读书会年终聚餐的事跟大家说一下",
    "社长阿楠|时间是1月8日周五晚上6点半，地点在老城区的禾木私房菜，每人120元，最多14位",
    "小秋|可以带朋友吗",
    "社长阿楠|可以，朋友也是120元",
    "阿杜|我报名，加我一个",
    "社长阿楠|钱1月5日前转给小秋，她管账",
    "小秋|收到",
)


def test_the_matter_an_opener_names_is_the_title_though_later_lines_give_only_its_details() -> None:
    notes = _notes(*POTLUCK)
    assert notes.session_type == "话题讨论"
    assert "年终聚餐" in notes.title
    assert "跟大家说" not in notes.title


def test_a_matter_told_again_is_cut_before_its_telling() -> None:
    notes = _notes(
        "馆长老邝|志愿者排班的规矩再说一下：每周日晚上8点前在群里报下周的班，一人一周最多两班",
        "小蔓|临时有事怎么办",
        "馆长老邝|自己找人换，换好了在群里说一声",
        "阿良|收到",
        "小蔓|好的",
    )
    assert "排班的规矩" in notes.title
    assert not notes.title.startswith("志愿者排班的规矩再")

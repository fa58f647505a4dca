"""Round 63 (issue 13, qa13r46's leftovers): a short line that plans red packets as a topic ("那红包我们准备多少个")
is kept while the platform's red-packet lines stay noise; an item of a numbered or counted list that opens with a
member and a doing word ("② 莉莉做报名表，12月22日前发群里", "二是阿凡做一份安全须知…") is that member's to-do, and a
later "节目单改由我来做" takes that to-do over instead of leaving the old owner's beside it. Sentences written for
these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure, owned_by

from copilot.notes.model import Message
from copilot.notes.noise import noise_reason

START = datetime(2026, 12, 20, 19, 30)  # a Sunday


def _noise(text: str) -> str | None:
    return noise_reason(Message(id=1, time=None, speaker="伴郎-小马", text=text))


def test_red_packets_planned_as_a_topic_are_kept_and_the_platform_lines_dropped():
    assert _noise("那红包我们准备多少个") is None
    assert _noise("红包谁去换新钱？") is None
    assert _noise("开门红包预算多少") is None
    assert _noise("[红包]恭喜发财，大吉大利") == "红包/转账"
    assert _noise("手慢了没抢到红包") == "红包/转账"
    assert _noise("红包抢到了吗") == "红包/转账"


def test_a_numbered_list_gives_each_member_their_own_item_and_deadline():
    actions = chat_structure(
        "社长-老韩|各位，元旦外拍的事情分一下工",
        "社长-老韩|① 阿凡联系大巴，12月25日前定好\n② 莉莉做报名表，12月22日前发群里\n③ 大鹏准备三脚架，12月30日前清点好",
        "阿凡|收到", "莉莉|好的", "大鹏|好的",
        "社长-老韩|还有两件事：一是小橙统计大家的镜头清单，12月27日前交给我；二是阿凡做一份安全须知，12月29日前发群里",
        "小橙|没问题", start=START).actions
    lily = owned_by(actions, "莉莉")
    assert [a.deadline for a in lily] == ["2026-12-22"] and "报名表" in lily[0].task
    assert any("安全须知" in a.task and a.deadline == "2026-12-29" for a in owned_by(actions, "阿凡"))
    assert any("镜头清单" in a.task for a in owned_by(actions, "小橙"))
    assert not [a for a in owned_by(actions, "大家") if "报名表" in a.task or "安全须知" in a.task]


def test_an_item_reported_done_is_not_given_to_the_member_it_names():
    actions = chat_structure(
        "社长-老韩|外拍准备情况：",
        "社长-老韩|1. 莉莉做了报名表，12月22日前大家填一下",
        "莉莉|对，链接在群公告", start=START).actions
    assert not [a for a in owned_by(actions, "莉莉") if "报名表" in a.task]


def test_a_reassignment_takes_the_old_owners_item_over():
    actions = chat_structure(
        "阿Ken社長|分工一下：\n1. 美玲訂場地，11月27日前\n2. 小華做節目單，12月13日前發群裡",
        "小華|收到，節目單12月13日前給大家",
        "美玲|好",
        "小華|社長，我12月要出國兩週，節目單可能來不及，能不能換人？",
        "阿Ken社長|沒關係，節目單改由我來做，時間還是12月13日前", start=START).actions
    assert not [a for a in actions if "節目單" in a.task and a.owner != "阿Ken社長"]
    assert any("節目單" in a.task and a.deadline == "2026-12-13" for a in owned_by(actions, "阿Ken社長"))

"""Round 75 (d13g75): a 小/老/阿 + one character word that only ever heads a longer place word ("老庙坡停车场") is
no person and owns no to-do; a changed place longer than the value cue's reach is read whole ("三板桥游客服务中心",
not "桥游客服务中心"), also when the same correction names the day of the closure; a line telling a member not to do
something ("老周你那批横幅就别印了") is no to-do of theirs; the one whose phone number is asked for inside the object
of 把 ("你把物业张经理电话发我") is no owner."""

from __future__ import annotations

from copilot.notes.corrections import _values
from copilot.notes.offline import summarize_offline
from copilot.notes.owners import glued
from copilot.notes.parse import parse_text
from copilot.notes.render import render_markdown
from copilot.notes.todos import _owns_the_thing

PLACE = """[2031-10-06 20:00] 领队-阿坤: 周六爬山的集合细节定一下
[2031-10-06 20:01] 阿芳: 在
[2031-10-06 20:02] 领队-阿坤: 路线想走北坡那条，下山吃农家菜，大家看行不行
[2031-10-06 20:03] 阿芳: 可以，比上回那条平
[2031-10-06 20:04] 领队-阿坤: 那就定了，周六10/11爬北坡，早上七点集合，老庙坡停车场
[2031-10-06 20:05] 阿芳: 要带登山杖吗？
[2031-10-06 20:06] 领队-阿坤: 最好带，下坡省膝盖
[2031-10-06 20:07] 大勇: 急救包我来带，周五前检查一遍
[2031-10-06 20:08] 阿芳: 今天山上雾好大
[2031-10-06 20:09] 大勇: 明天就散了
[2031-10-06 20:10] 阿芳: [捂脸]
[2031-10-06 20:11] 大勇: 上回下山腿软了两天
[2031-10-06 20:20] 领队-阿坤: 更正：老庙坡停车场周六修路，集合地点改到三板桥游客服务中心，时间不变
[2031-10-06 20:21] 阿芳: 收到
"""

# 小坳 is a member, called by name and given work: a member's name is never read as a place's head
MEMBER = """[2031-10-06 20:00] 領隊-阿坤: 週六行山嘅集合細節定一下
[2031-10-06 20:01] 小坳: 在
[2031-10-06 20:02] 領隊-阿坤: 小坳，你負責買水，禮拜五前買好
[2031-10-06 20:03] 小坳: 好，禮拜五前買好
"""

TOLD_OFF = """[2031-10-13 19:00] 会长-老韩: 下周日书法展，物料这周落实一下
[2031-10-13 19:01] 老周: 我之前说的横幅还印不印？我都找好店了
[2031-10-13 19:02] 会长-老韩: 横幅街道统一做，老周你那批横幅就别印了
[2031-10-13 19:03] 老周: 好的
[2031-10-13 19:04] 小林: 签到本我来买，周三前带过去
"""

INSTEAD = """[2031-10-13 19:00] 会长-老韩: 下周日书法展，物料这周落实一下
[2031-10-13 19:01] 老周: 横幅我来印
[2031-10-13 19:02] 会长-老韩: 横幅街道统一做，老周你改做桌牌，周五前做好
[2031-10-13 19:03] 老周: 好的
"""

OWN_PLAN = """[2031-10-13 19:00] 会长-老韩: 下周日书法展，物料这周落实一下
[2031-10-13 19:01] 老周: 我原本想租个展架，那个就别弄了，用活动室的桌子就行
[2031-10-13 19:02] 小林: 签到本我来买，周三前带过去
"""

PHONE = """[2031-10-20 19:00] 站长-阿琴: 下周六社区跳蚤市场，场地和联系人落实一下
[2031-10-20 19:01] 站长-阿琴: 场地我来对接，小林你把物业张经理电话发我
[2031-10-20 19:02] 小林: 好，等下发你
[2031-10-20 19:03] 阿杰: 我等下把居委会李主任的电话发群里，大家有事直接找他
"""


def _notes(chat: str, name: str):  # noqa: ANN202 - the offline notes
    return summarize_offline(parse_text(chat, name))


def _todos(chat: str, name: str) -> list[tuple[str | None, str]]:
    return [(a.owner, a.task) for a in _notes(chat, name).actions]


def test_a_place_head_of_name_shape_owns_no_to_do() -> None:
    todos = _todos(PLACE, "place.txt")
    assert not any(owner == "老庙" for owner, _ in todos), todos
    assert any(owner == "大勇" and "急救包" in task for owner, task in todos), todos


def test_a_name_said_alone_somewhere_in_the_chat_is_no_place_head() -> None:
    assert glued(["早上七点集合，老庙坡停车场"], set()) == frozenset({"老庙"})
    assert glued(["早上七点集合，老庙坡停车场", "老庙负责买水"], set()) == frozenset()
    assert glued(["早上七点集合，老庙坡停车场"], {"老庙"}) == frozenset()


def test_a_member_called_by_name_keeps_their_to_do() -> None:
    todos = _todos(MEMBER, "member.txt")
    assert any(owner == "小坳" and "買水" in task for owner, task in todos), todos


def test_a_changed_place_longer_than_the_cues_reach_is_read_whole() -> None:
    assert [v.text for v in _values("集合地点改到三板桥游客服务中心", "place")] == ["三板桥游客服务中心"]
    # a doing word or a time before it is no part of it
    assert [v.text for v in _values("早上七点集合老庙坡停车场", "place")] == ["老庙坡停车场"]


def test_the_old_place_gets_the_whole_new_place_beside_it_though_the_correction_names_a_day() -> None:
    notes = _notes(PLACE, "place.txt")
    md = render_markdown(notes)
    assert "老庙坡停车场（已改：三板桥游客服务中心）" in md, md


def test_telling_a_member_not_to_do_something_is_no_to_do_of_theirs() -> None:
    todos = _todos(TOLD_OFF, "told.txt")
    assert not any(owner == "老周" for owner, _ in todos), todos
    assert any(owner == "小林" and "签到本" in task for owner, task in todos), todos


def test_work_told_instead_of_what_is_called_off_stays_a_to_do() -> None:
    todos = _todos(INSTEAD, "instead.txt")
    assert any(owner == "老周" and "桌牌" in task for owner, task in todos), todos


def test_ones_own_plan_given_up_is_no_to_do() -> None:
    todos = _todos(OWN_PLAN, "own.txt")
    assert not any("展架" in task for _, task in todos), todos


def test_whose_phone_number_is_asked_for_is_no_owner() -> None:
    todos = _todos(PHONE, "phone.txt")
    assert not any(owner in ("张经理", "李主任") for owner, _ in todos), todos
    assert any(owner == "小林" and "电话" in task for owner, task in todos), todos
    assert any(owner == "阿杰" and "李主任" in task for owner, task in todos), todos


def test_a_name_inside_the_object_of_ba_before_a_noun_is_whose_thing_it_is() -> None:
    f = "小林你把物业张经理电话发我"
    assert _owns_the_thing(f, f.index("张经理"), f.index("张经理") + 3)
    g = "你把签到表交给张经理负责"  # handed to: after a doing word
    assert not _owns_the_thing(g, g.index("张经理"), g.index("张经理") + 3)
    h = "张经理把电话发我"  # the one doing the moving
    assert not _owns_the_thing(h, 0, 3)


def test_a_name_with_a_title_or_a_doing_word_after_it_is_still_someone() -> None:
    # 小刘哥 is 小刘 with a title; 小李负责开门 ends on 门 but is no place: both stay people
    assert glued(["小刘哥周五前把签到表交上来"], set()) == frozenset()
    assert glued(["周六去小李家集合，小李负责开门"], set()) == frozenset()
    chat = """[2031-10-06 20:00] 群主-阿青: 周日活动分下工
[2031-10-06 20:01] 群主-阿青: 周六去小李家集合，小李负责开门
[2031-10-06 20:02] 阿芳: 收到
"""
    assert any(owner == "小李" for owner, _ in _todos(chat, "door.txt"))

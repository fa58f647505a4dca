"""Issue 13 (d13b76, round 76): to-dos with the right owner when the owner is written as their side of the group —
a member whose card names the area or branch they speak for (宝安片区-阿军, 沙田校區-陳太) saying 「我们宝安…」 owns
the work, not the whole group; 「Ken爸爸你哋…」 gives it to the member named, not to everyone. Hard negatives: 我们
with no area of the speaker's after it stays the group's; a team or a section on a card (徒步队, 运营小组) is no
area; the area alone is no name (「从龙华出发」). Chats written for these tests."""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.reading import aliases, own_areas
from copilot.notes.todos import find_actions


def _actions(chat: str) -> list[tuple[str | None, str, str | None]]:
    acts, _, _ = find_actions(parse_text(chat).messages)
    return [(a.owner, a.task, a.deadline) for a in acts]


def _owner_of(chat: str, words: str) -> list[str | None]:
    return [o for o, t, _ in _actions(chat) if words in t]


HOMETOWN = """[2031-10-11 19:30] 会长-老廖: 下个月同乡会秋季聚餐，每个片区出一个节目，10月25日前把节目名字报给秘书小邝
[2031-10-11 19:31] 龙岗片区-阿坤: 我们龙岗出个舞狮，10月22日前把节目名字报上来
[2031-10-11 19:32] 罗湖片区-老鲍: 我们罗湖这次就不出节目了，人太少，抱歉
[2031-10-11 19:33] 福田片区-Joyce: 我们福田片区周五前把朗诵的名单发小邝
[2031-10-11 19:35] 会长-老廖: 聚餐那天大家六点前到酒楼，别迟到
"""


def test_we_before_the_speakers_own_area_is_the_speaker() -> None:
    assert _owner_of(HOMETOWN, "舞狮") == ["龙岗片区-阿坤"]
    assert _owner_of(HOMETOWN, "朗诵") == ["福田片区-Joyce"]  # the whole area part (片区) after 我们 too


def test_an_area_that_gives_nothing_and_the_organisers_calls_stay_as_they_were() -> None:
    assert _owner_of(HOMETOWN, "不出节目") == []
    assert _owner_of(HOMETOWN, "报给秘书小邝") == ["大家"]


def test_cantonese_we_before_the_campus_is_the_speaker() -> None:
    chat = """[2031-10-15 20:00] 家教會主席-何太: 各位家長，校運會嘅義工分工今晚要搞掂
[2031-10-15 20:01] 沙田校區-陳太: 我哋沙田校區禮拜五之前交返義工名單
"""
    assert _owner_of(chat, "義工名單") == ["沙田校區-陳太"]


def test_you_all_after_a_member_named_is_that_member() -> None:
    chat = """[2031-10-15 20:00] 家教會主席-何太: 各位家長，校運會嘅義工分工今晚要搞掂
[2031-10-15 20:03] 家教會主席-何太: 今年影相交俾荃灣校區，Ken爸爸你哋聽日之前話我知幾多人
[2031-10-15 20:04] 荃灣校區-Ken爸爸: 冇問題
"""
    assert _owner_of(chat, "幾多人") == ["荃灣校區-Ken爸爸"]


def test_we_with_no_area_after_it_stays_the_group() -> None:
    chat = """[2031-10-22 21:00] 徒步队-队长阿伟: 周六的夜爬路线定了，走十里坪那条
[2031-10-22 21:02] 龙华片区-老谭: 我们周五前都把保险买好，截图发群里
"""
    assert _owner_of(chat, "保险") == ["大家"]


def test_you_all_with_no_one_named_before_it_stays_the_group() -> None:
    chat = """[2031-10-22 21:00] 徒步队-队长阿伟: 周六夜爬，你们周五前把保险买好，截图发群里
[2031-10-22 21:01] 阿芸: 收到
"""
    assert _owner_of(chat, "保险") == ["大家"]


def test_own_areas_read_only_areas_and_branches() -> None:
    assert own_areas("宝安片区-阿军(2521719757)") == {"宝安片区", "宝安"}
    assert own_areas("北區分會-老梁") == {"北区分会", "北区"}  # (folded: Traditional read as Simplified)
    assert own_areas("万达店-小琪") == frozenset()  # a shop, not a branch word (分店/门店)
    for card in ("徒步队-队长阿伟", "运营小组-丹丹", "低音部-阿強", "3栋-王姐", "宝安片区"):
        assert own_areas(card) == frozenset(), card


def test_the_area_is_no_name_of_the_member() -> None:
    assert "龙华" not in aliases("龙华片区-老谭")
    chat = """[2031-10-11 19:30] 会长-老廖: 包车那天早上八点从龙华出发，刘梅你统计一下人数，周五前发群里
[2031-10-11 19:31] 龙华片区-老谭: 好
[2031-10-11 19:32] 秘书长-刘梅: 收到
"""
    assert _owner_of(chat, "统计") == ["秘书长-刘梅"]


CAMPING = """[2031-10-25 19:30] 组长-阿敏: 周六亲子露营，大家看看各自带什么，周五前在群里说一声
[2031-10-25 19:31] 朵朵妈妈: 我们家周五前把两顶帐篷带过去，还有烧烤架
[2031-10-25 19:32] 浩浩爸爸: 我们这边今天下大雨了，明天早上我要去加班
[2031-10-25 19:33] 豆豆妈: 我哋屋企禮拜五之前帶埋野餐墊
[2031-10-25 19:34] 组长-阿敏: 我们家长周四前都把孩子的保险买好，截图发群里
"""


def test_we_before_the_speakers_household_is_the_speaker() -> None:
    assert _owner_of(CAMPING, "帐篷") == ["朵朵妈妈"]
    assert _owner_of(CAMPING, "野餐墊") == ["豆豆妈"]


def test_a_place_a_plan_and_the_parents_stay_as_they_were() -> None:
    assert _owner_of(CAMPING, "下大雨") == []  # 我们这边 is a place here, not a household
    assert _owner_of(CAMPING, "保险") == ["大家"]  # 我们家长: the parents, not the speaker's household

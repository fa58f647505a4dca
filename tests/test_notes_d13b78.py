"""Issue 13 (d13b78, round 78): work given to a household, a clan branch or a numbered team is theirs as written
("二房负责祭品", "長房出人搭棚", "林家那边准备两百斤杨梅", "三组搬桌子和搭棚", "一队负责抬龙头") — not the member of that house who
says "二房收到", not the organiser, not the whole group. A list of shares closed by a bare time ("…，5月16日前弄好") stays a
list, and "邊個識彈琴？" is a call a volunteer answers after another member declines. Hard negatives: "三房两厅" (a flat),
"二房东" / "涨房租" (renting), "一组照片" (photos), "王家豪负责" (a name), "王家做的菜" (done). Chats written for these tests."""

from __future__ import annotations

import pytest

from copilot.notes.cues import cue
from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions
from copilot.textnorm import fold


def _actions(chat: str) -> list[tuple[str | None, str, str | None]]:
    acts, _, _ = find_actions(parse_text(chat).messages)
    return [(a.owner, a.task, a.deadline) for a in acts]


def _owner_of(chat: str, words: str) -> list[str | None]:
    return [o for o, t, _ in _actions(chat) if words in t]


CLAN = """[2031-03-20 20:00] 族长-林伯: 各位宗亲，今年清明祭祖定在4月5日（周六）上午八点，祠堂门口集合
[2031-03-20 20:06] 族长-林伯: 分一下工：二房负责祭品和香烛，长房出人抬供桌
[2031-03-20 20:08] 林志强: 二房收到，祭品我们来买
[2031-03-20 20:10] 林阿姨: 我家是三房两厅，住不下那么多人，外地回来的亲戚可以住祠堂吗？
[2031-03-20 20:15] 林小军: 我那个二房东说下个月要涨房租，烦死了
[2031-03-20 20:21] 族长-林伯: 鞭炮我跟林志强负责，4月3日前买好
"""

COOP = """[2031-05-10 19:00] 社长-老何: 各位社员，下周六5月17日村里办杨梅节
[2031-05-10 19:06] 社长-老何: 分工：三组搬桌子和搭棚，五组负责摆摊位，5月16日前弄好；林家那边准备两百斤杨梅做试吃
[2031-05-10 19:08] 林家-阿福: 林家收到，杨梅我们摘
[2031-05-10 19:10] 杨大姐: 我把去年杨梅节的一组照片发群里了，大家看看
"""

TEMPLE_TW = """[2031-09-02 20:00] 主委-王伯: 各位志工，中秋晚會9月13日（六）晚上六點在廟埕
[2031-09-02 20:10] 主委-王伯: 黃家負責月餅跟柚子，9月10日前買好
[2031-09-02 20:12] 黃家-淑芬: 黃家收到
"""

VILLAGE_HK = """[2031-10-18 20:00] 村長-德叔: 各位兄弟，今年太平清醮定喺11月8號（星期六）
[2031-10-18 20:02] 村長-德叔: 分工：長房出人搭棚，二房負責齋菜
[2031-10-18 20:03] 鄧志明: 長房收到，搭棚我搵人
[2031-10-18 20:05] 村長-德叔: 晚會想搵人伴奏，邊個識彈琴？
[2031-10-18 20:06] 阿玲: 我唔得，好多年冇彈
[2031-10-18 20:07] Joyce: 我嚟，我屋企有電子琴
[2031-10-18 20:10] 阿玲: 我屋企係三房兩廳，親戚返嚟可以瞓我度
"""

PEOPLE_LIST = """[2031-05-10 19:00] 社长-老何: 分工：王姐搬桌子和搭棚，刘哥负责摆摊位，5月16日前弄好
[2031-05-10 19:01] 王姐: 好
"""

PAIRS = """[2031-06-01 21:00] 队长-阿龙: 一队负责抬龙头，二队负责桨和救生衣，6月6日前清点好
[2031-06-01 21:03] 大伟: 一队收到
[2031-06-01 21:05] 队长-阿龙: 鼓手的鼓皮坏了，大伟和阿杰周四前一起去市场修一下
[2031-06-01 21:06] 阿杰: 好的，我跟大伟约时间
[2031-06-01 21:09] 阿杰: 聚餐我跟小雯负责，周五前订好
"""


def test_clan_branches_own_the_work_given_them() -> None:
    assert _owner_of(CLAN, "祭品和香烛") == ["二房"]
    assert _owner_of(CLAN, "供桌") == ["长房"]


def test_a_flat_and_a_landlord_are_no_owners() -> None:
    owners = {o for o, _, _ in _actions(CLAN)}
    assert not owners & {"三房", "二房东", "长房租"}
    assert not any("三房两厅" in t or "二房东" in t for _, t, _ in _actions(CLAN))
    assert _owner_of(CLAN, "鞭炮") == ["族长-林伯和林志强"]  # the speaker and the one named with him, unchanged


def test_village_teams_and_a_family_own_their_shares() -> None:
    assert _owner_of(COOP, "搬桌子") == ["三组"]
    assert [(o, d) for o, t, d in _actions(COOP) if "摆摊位" in t] == [("五组", "2031-05-16")]
    assert _owner_of(COOP, "杨梅做试吃") == ["林家"]  # not 林家-阿福, who says 林家收到
    assert not any(o == "一组" for o, _, _ in _actions(COOP))  # 一组照片 is photos


def test_a_traditional_family_keeps_its_written_name_and_day() -> None:
    assert [(o, d) for o, t, d in _actions(TEMPLE_TW) if "月餅" in t] == [("黃家", "2031-09-10")]


def test_cantonese_houses_and_the_volunteer_after_a_refusal() -> None:
    assert _owner_of(VILLAGE_HK, "長房出人搭棚") == ["長房"]  # (鄧志明's own "搭棚我搵人" is his promise, kept as before)
    assert _owner_of(VILLAGE_HK, "齋菜") == ["二房"]
    assert _owner_of(VILLAGE_HK, "彈琴") == ["Joyce"]  # 阿玲 declined, Joyce took it
    assert not any(o == "阿玲" for o, _, _ in _actions(VILLAGE_HK))


def test_a_list_of_members_closed_by_a_time_stays_a_list() -> None:
    got = _actions(PEOPLE_LIST)
    assert [(o, d) for o, t, d in got if "搬桌子" in t] == [("王姐", None)]
    assert [(o, d) for o, t, d in got if "摆摊位" in t] == [("刘哥", "2031-05-16")]


def test_numbered_teams_and_two_member_jobs() -> None:
    assert _owner_of(PAIRS, "龙头") == ["一队"]
    assert [(o, d) for o, t, d in _actions(PAIRS) if "救生衣" in t] == [("二队", "2031-06-06")]
    assert _owner_of(PAIRS, "鼓皮") == ["大伟和阿杰"]
    assert _owner_of(PAIRS, "聚餐") == ["阿杰和小雯"]


@pytest.mark.parametrize("text", ["二房负责祭品", "长房出人抬供桌", "林家那边准备杨梅", "三组搬桌子", "黃家負責月餅", "一队负责抬龙头"])
def test_household_cue_reads_a_house_given_work(text: str) -> None:
    assert cue("owner", "household").search(fold(text))


@pytest.mark.parametrize("text", ["我家是三房两厅", "二房东说要涨房租", "下个月长房租", "我把一组照片发群里了", "王家豪负责买水",
                                  "王家做的菜好吃", "商家负责发货", "两组搬桌子", "三组搬的桌子"])
def test_household_cue_leaves_other_words_alone(text: str) -> None:
    assert not cue("owner", "household").search(fold(text))


BOOKFAIR = """[2031-11-03 20:00] 读书会-老孟: 周六的二手书市，上午九点在社区图书馆门口摆摊
[2031-11-03 20:05] 读书会-老孟: 阿杰你和小敏周五前一起去图书馆把书架搬出来
[2031-11-03 20:06] 阿杰: 好的
[2031-11-03 20:08] 小敏: 签到表阿杰跟我周四前一起弄好
[2031-11-03 20:10] 读书会-老孟: 海报我叫上大鹏一起去打印，周四前贴出来
[2031-11-03 20:11] 大鹏: 没问题
"""

TOLD = """[2031-11-03 20:00] 群主-老何: 我跟小王说一下，周五前买水
[2031-11-03 20:01] 小王: 好
[2031-11-03 20:02] 群主-老何: 我叫老周周五前去搬桌子
[2031-11-03 20:03] 老周: 行
"""


def test_the_one_told_and_a_member_named_after_share_the_job() -> None:
    assert [(o, d) for o, t, d in _actions(BOOKFAIR) if "书架" in t] == [("阿杰和小敏", "2031-11-07")]


def test_a_member_named_before_me_shares_the_job_with_me() -> None:
    assert [(o, d) for o, t, d in _actions(BOOKFAIR) if "签到表" in t] == [("阿杰和小敏", "2031-11-06")]


def test_bringing_a_member_along_makes_two_owners() -> None:
    assert _owner_of(BOOKFAIR, "海报") == ["读书会-老孟和大鹏"]


def test_a_member_told_or_sent_stays_one_owner() -> None:
    assert _owner_of(TOLD, "买水") == ["群主-老何"]  # 小王 is only told
    assert _owner_of(TOLD, "搬桌子") == ["老周"]  # 我叫老周…: the work handed on, not shared


AREAS = """[2026-01-18 20:20] 宝安片区-阿军: 节目谁来搞 去年节目太少了冷场
[2026-01-18 20:21] 老曾-会长: 节目每个片区至少出一个，要有特色的，1月31日前报节目单给小谭
[2026-01-18 20:22] 宝安片区-阿军: 我们宝安出个花鼓戏
[2026-01-18 20:24] 龙华片区-老谭: 龙华那边堵车，从龙华出发要一个小时
"""


def test_the_speakers_own_area_giving_its_share_is_their_promise() -> None:
    assert _owner_of(AREAS, "花鼓戏") == ["宝安片区-阿军"]
    assert not any("堵车" in t for _, t, _ in _actions(AREAS))  # 龙华 as a place gives nothing

"""Round 78, d17c78 (issue 17): a fresh bot author saw friendly teasing of a member's *thing* deleted with a public warning
(「張碟咁靚聲，你部機真係垃圾嚟㗎 haha 講笑啫」: 粗魯用語 垃圾 + the abuse model) — a put-down of someone's machine, car,
lens or code with a joke marked is banter among hobbyists, at most for a person to see; an insult of the *person* (你真係
垃圾, 你個垃圾) stays abuse. Also the rough name said straight to a member with a laugh (你个老东西…哈哈) with no name
before it, and Cantonese threats (我搞死你, 见你一次打你一次). Groups and messages written for these tests (a Shenzhen
audio club, a Chongqing motorbike club, a Guangzhou board-game group)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED

AUDIO = """
name: 深圳耳机音响交流群
positioning: 深圳的耳机和音响爱好者交流器材、调音和听感，偶尔约线下试听
topics: [耳机, 音响, 功放, 调音, 试听]
audience: 深圳耳机音响爱好者
type: 兴趣型
"""

MOTO = """
name: 重慶機車騎士會
positioning: 重慶的機車騎士交流保養、改裝、騎行路線，週末約騎
topics: [機車, 保養, 改裝, 騎行, 路線]
audience: 重慶機車騎士
type: 兴趣型
"""

BOARDGAME = """
name: 广州桌游约局群
positioning: 广州桌游玩家约局、讲规则、交流新出的桌游
topics: [桌游, 约局, 规则, 卡牌]
audience: 广州桌游玩家
type: 兴趣型
"""


def test_a_members_thing_put_down_with_a_joke_is_never_warned(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((AUDIO, "你部功放真系垃圾嚟㗎，推唔郁个大耳机 haha"),
                        (AUDIO, "你那对音箱真的是垃圾，低音全糊了，哈哈哈，开玩笑的"),
                        (MOTO, "你那台車根本是垃圾，爬個坡都喘😂"),
                        (BOARDGAME, "你这副牌是真的垃圾，洗了半天还是连着的，笑死")):
        v = judge(group, text)
        assert v.action not in ACTED, (text, v.action, v.reason)
        assert "thing_banter" in v.checks, (text, v.reason)


def test_the_person_called_trash_under_a_joke_is_still_acted_on(judge: Callable[[str, str], Verdict]) -> None:
    # hard negatives of the rule: the rude word said of the person, the joke marker a cover
    for group, text in ((AUDIO, "你真系垃圾嚟，成日扮识，哈哈"),
                        (MOTO, "你就是個垃圾騎士，只會炸街，哈哈"),
                        (BOARDGAME, "你部机是垃圾，你这个人也是垃圾，哈哈")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.label, v.reason)
        assert "thing_banter" not in v.checks, (text, v.reason)
        assert v.action in ACTED, (text, v.action, v.reason)
    # named and called trash: labelled abuse, never read as banter about a thing (a person decides, as before this round)
    v = judge(AUDIO, "阿明你个垃圾，开玩笑的，不过你真的很蠢")
    assert v.label == "abuse" and "thing_banter" not in v.checks, v.reason


def test_a_thing_put_down_with_a_threat_is_not_banter(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(MOTO, "你那台車就是垃圾，再炸街我把你腿打斷，哈哈")
    assert v.label == "abuse" and "thing_banter" not in v.checks, v.reason
    assert v.action in ACTED, (v.action, v.reason)


def test_the_rough_name_said_straight_to_a_member_with_a_laugh_is_reviewed(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((BOARDGAME, "你个老东西，又是你赢，是不是藏牌了，哈哈"),
                        (MOTO, "你個老傢伙，上次騎那麼慢還說是穩，哈哈")):
        v = judge(group, text)
        assert v.action not in ACTED, (text, v.action, v.reason)
        assert "teasing" in v.checks, (text, v.reason)


def test_the_rough_name_beside_another_insult_stays_acted_on(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((BOARDGAME, "你个老东西就是个垃圾，偷我的牌，哈哈"),
                        (BOARDGAME, "你个老东西，滚出这个群，哈哈")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.reason)
        assert "teasing" not in v.checks, (text, v.reason)
        assert v.action in ACTED, (text, v.action, v.reason)


def test_cantonese_threats_are_abuse(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((BOARDGAME, "你再出千我搞死你，信唔信"),
                        (MOTO, "你再在群裡造謠，我見你一次打你一次"),
                        (AUDIO, "再乱发我的照片，我就把你打到住院")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.label, v.reason)
        assert any("威胁" in r or "威脅" in r for r in [v.reason]), (text, v.reason)


def test_quoted_threats_and_self_mockery_stay_ok(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((BOARDGAME, "楼下有人跟我说“我搞死你”，就因为我们打牌太吵，我该怎么跟物业反映"),
                        (AUDIO, "我这套旧音箱就是个垃圾，听完你家的真想换"),
                        (MOTO, "有人在群外說我的車是垃圾，我不介意，但想知道哪裡要改")):
        v = judge(group, text)
        assert v.action not in ACTED, (text, v.action, v.reason)

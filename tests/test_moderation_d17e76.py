"""Round 76, d17e76 (issue 17): in rough-talking groups old friends call each other rough names (老东西, 龟儿子, 衰仔,
憨憨…) with a laugh; a fresh bot author saw such banter deleted with a public warning, while a threat said in rough talk
(妈的…老子知道你住哪) got no threat signal. Groups and messages written for these tests (a Chongqing group of
mahjong regulars, a Foshan group of old dragon-boat rowers, a Harbin group of ice-fishing friends)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict

MAHJONG = """
name: 渝中老茶馆麻将搭子群
positioning: 老茶客约麻将、约茶馆位子、聊重庆老街坊的事；骂人、赌钱拉人的话不要发
topics: [麻将, 茶馆, 约局, 老街坊]
audience: 重庆渝中的老茶客
type: 社交型
"""

ROWERS = """
name: 佛山叠滘龙舟老友群
positioning: 龙舟老友约训练、扒龙舟、食龙船饭、讲比赛；人身攻击的话不要发
topics: [龙舟, 训练, 龙船饭, 比赛]
audience: 佛山叠滘的龙舟队员
type: 兴趣型
"""

ICE = """
name: 哈尔滨冰钓老哥群
positioning: 冰钓老哥约松花江冰钓、讲冰厚、分享渔获；卖渔具广告、骂人的话不要发
topics: [冰钓, 冰厚, 渔获, 松花江]
audience: 哈尔滨的冰钓爱好者
type: 兴趣型
"""


def test_a_rough_name_to_a_named_regular_with_a_laugh_is_never_deleted(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((MAHJONG, "老曾你个龟儿子，又自摸清一色了哈哈哈"),
                        (MAHJONG, "幺妹你个瓜娃子，又把二筒打出去了😂"),
                        (ROWERS, "阿炳你个衰仔，又迟到食龙船饭哈哈"),
                        (ICE, "老马你个老东西，又偷摸钓了条大鳌花哈哈"),
                        (ICE, "大壮这个憨憨又把冰镩掉窟窿里了哈哈")):
        v = judge(group, text)
        assert v.action not in ("warn", "delete", "mute", "kick"), (text, v.action, v.reason)
        assert v.label == "ok" or "老熟人之间开玩笑" in v.reason, (text, v.reason)


def test_the_same_words_with_hostility_are_still_deleted_with_a_warning(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((MAHJONG, "老曾你个龟儿子，输了就赖账，给我滚出这个群"),
                        (MAHJONG, "龟儿子龟儿子，你全家都是龟儿子"),
                        (ROWERS, "衰仔你再偷我船桨试试，你给我等着"),
                        (ICE, "老马你个老东西，别以为我不知道是你把我窝子占了，你去死吧"),
                        (ICE, "你个老东西又来占我窝子，再来弄死你")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.reason)
        assert v.action == "warn", (text, v.action, v.reason)
        assert "老熟人之间开玩笑" not in v.reason, (text, v.reason)


def test_severe_curses_are_deleted_even_with_a_laugh(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((MAHJONG, "老曾你个龟儿子哈哈，操你妈"),
                        (ROWERS, "阿炳你个衰仔，丢你老母哈哈")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.reason)
        assert v.action == "warn", (text, v.action, v.reason)


def test_knowing_where_someone_lives_said_with_a_swear_is_a_threat(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((MAHJONG, "妈的，又截我的胡，老子知道你住哪"),
                        (MAHJONG, "他妈的天天赖账，老子晓得你家在哪")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.reason)
        assert v.action == "warn", (text, v.action, v.reason)
        assert "威胁/恐吓" in v.reason, (text, v.reason)


def test_kind_or_reported_words_stay(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((ICE, "我知道你住哪，明天顺路把冰镩给你捎过去"),
                        (ICE, "老了老了，成了老东西了，凿个冰窟窿都喘哈哈"),
                        (MAHJONG, "昨天有个输急了的客人骂我龟儿子，老板把他请出去了")):
        v = judge(group, text)
        assert v.action not in ("warn", "delete", "mute", "kick"), (text, v.action, v.reason)
        assert "威胁/恐吓" not in v.reason, (text, v.reason)

"""Round 37, dev17ad (issue 17): the group's own subject in members' simple words, a banned trade reworded, abuse without
swear words, reply bait without contact, a length read as a price, a red-packet relay in other words, and the stable
choice of the chatter model's C.

Groups and messages written for these tests: a turtle keepers' group, a ski club, a football fans' group that bans
betting, a lure-fishing group that bans electric fishing, a hiking club, a Lego builders' group and an exam-prep group."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect, patterns
from copilot.moderation.training import C_GRID, fit_ngram

TURTLE = """
name: 龟友之家
positioning: 养龟的朋友交流喂养、晒背、冬眠和看病
topics: [养龟, 龟粮, 龟缸, 晒背, 冬眠]
audience: 养龟爱好者
"""

SKI = """
name: 北大湖滑雪群
positioning: 滑雪爱好者约滑、交流滑雪技巧和雪场信息
topics: [滑雪, 约滑, 雪场]
audience: 吉林的滑雪爱好者
"""

FOOTBALL = """
name: 申花球迷看球群
positioning: 申花球迷一起看球、聊比赛、约主场观赛
topics: [申花, 中超, 看球, 主场]
audience: 上海的申花球迷
banned: [赌博, 代购球票]
"""

LURE = """
name: 城西路亚交流群
positioning: 路亚爱好者交流钓点、拟饵和抛投技巧；成员可以转让自己的闲置渔具
topics: [路亚, 拟饵, 钓点, 抛投]
audience: 本地路亚钓友
banned: [电鱼设备买卖]
"""

HIKING = """
name: 周末徒步群
positioning: 周末一起徒步爬山，交流路线和装备
topics: [徒步, 路线, 装备, 爬山]
audience: 上班族驴友
"""

LEGO = """
name: 乐高拼搭交流群
positioning: 乐高爱好者交流拼搭技巧、MOC作品和零件
topics: [乐高, 拼搭, MOC, 零件]
audience: 乐高爱好者
"""

EXAM = """
name: 二建备考打卡群
positioning: 二级建造师考生每天打卡刷题，交流备考经验和真题
topics: [二建, 刷题, 真题, 打卡]
audience: 二建考生
"""

Judge = Callable[[str, str], Verdict]


# -- 1. the group's own subject in members' simple words ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "龟龟这两天一直趴着不动 正常吗",          # doubled
    "我家乌龟今天终于肯吃东西了",              # a member of its kind (kinds.yaml)
    "小龟子的壳上有白斑 怎么回事",             # 小 + 子 form
    "刚接了一只巴西龟 大家有什么建议",
])
def test_the_groups_own_object_in_simple_words_is_on_topic(judge: Judge, text: str) -> None:
    v = judge(TURTLE, text)
    assert v.label == "ok", v.reason


def test_other_chatter_in_the_turtle_group_is_still_off_topic(judge: Judge) -> None:
    v = judge(TURTLE, "双十一大家都买了啥 我抢了个扫地机器人")
    assert v.label == "off_topic", v.reason


@pytest.mark.parametrize("text", ["今年想从双板换单板 难不难", "有没有雪友这周去北大湖 单板新手"])
def test_a_hobbys_other_names_are_its_words(judge: Judge, text: str) -> None:
    # 单板/双板/雪友 are the ski domain's cues (domains.yaml); the profile says 滑雪
    v = judge(SKI, text)
    assert v.label == "ok", v.reason


# -- 2. a banned trade reworded names its rule ----------------------------------------------------------------------
def test_betting_reworded_is_a_banned_trade_citing_the_rule(judge: Judge) -> None:
    v = judge(FOOTBALL, "周六德比我这开盘 下注的私聊我 小赌怡情")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "赌博" in v.reason


def test_the_rule_itself_is_not_an_offer(judge: Judge) -> None:
    v = judge(FOOTBALL, "提醒一下 本群禁止赌博 在群里拉人下注的直接踢")
    assert v.label == "ok", v.reason


def test_electric_fishing_gear_by_another_name_cites_the_rule(judge: Judge) -> None:
    v = judge(LURE, "逆变器 电捕一套 货源稳定 有需要的私聊")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "电鱼设备买卖" in v.reason


# -- 3. abuse without swear words ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    (HIKING, "广东人爬山就是不讲规矩 上次在台阶上插队还不让"),   # regional prejudice with a doing in between
    (LEGO, "三岁小孩都比你会拼 还好意思晒"),                    # ranking someone below a child
    (HIKING, "新来那个大哥笨得要死 打包都教了三遍 下次别带了"),  # a member run down behind their back
])
def test_abuse_without_swear_words_is_labelled_abuse(judge: Judge, group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "abuse", v.reason


@pytest.mark.parametrize("text", ["新来那个大哥学得挺快 打包教了一遍就会了", "我笨得要死 打包教了三遍才会"])
def test_praise_or_self_mockery_of_the_same_shape_is_not_abuse(judge: Judge, text: str) -> None:
    v = judge(HIKING, text)
    assert v.label != "abuse", v.reason
    assert v.action in ("none", "review"), v.reason


def test_the_new_forms_count_as_attack_cues() -> None:
    assert detect(normalise("广东人爬山就是不讲规矩")).attacks >= 2
    assert detect(normalise("猴子都比你会爬")).attacks >= 2
    assert detect(normalise("广东人爬山很厉害")).attacks == 0


# -- 4. reply bait, a length, a red-packet relay ---------------------------------------------------------------------
def test_reply_bait_without_contact_is_at_least_reviewed(judge: Judge) -> None:
    v = judge(EXAM, "想要二建历年真题合集的扣1 我统一发你们")
    assert v.label == "ad" and v.action in ("review", "delete"), v.reason


def test_a_length_is_not_a_price() -> None:
    money = patterns().money
    assert money.findall("出一根2.7米的路亚竿 九成新") == []
    assert money.findall("3米长的抄网") == []
    assert money.findall("这根竿80米就出") == ["80米"]


def test_a_members_rod_reason_names_no_length_as_price(judge: Judge) -> None:
    v = judge(LURE, "出自己用了半年的路亚竿 2.7米 没磕碰 180包邮 要的私我")
    assert v.action in ("none", "review"), v.reason
    assert "27米" not in v.reason and "2.7米" not in v.reason


def test_a_red_packet_relay_in_other_words_is_spam(judge: Judge) -> None:
    v = judge(LEGO, "发红包啦 手气王发下一个 发了的才是好兄弟")
    assert v.label == "spam", v.reason


def test_a_members_own_red_packet_is_not_spam(judge: Judge) -> None:
    v = judge(LEGO, "今天MOC终于拼完了 我发个红包大家沾沾喜气")
    assert v.label != "spam", v.reason


# -- bad input --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "   ", "🐢🐢🐢", "米", "5.米", "..."])
def test_empty_or_odd_input_is_not_acted_on(judge: Judge, text: str) -> None:
    v = judge(TURTLE, text)
    assert v.action in ("none", "review"), v.reason


# -- the stable choice of C -------------------------------------------------------------------------------------------
def _toy() -> tuple[list[str], list[int]]:
    pos = ["周末去看电影吧", "今晚吃火锅", "股票又跌了", "孩子考试考砸了", "双十一买了啥", "明天去逛街", "新手机真卡",
           "周末去爬山吗", "奶茶又涨价了", "追剧到半夜"] * 3
    neg = ["龟粮怎么选", "晒背要多久", "冬眠前要停食吗", "龟缸水位多高", "新龟要检疫吗", "龟壳发白怎么办", "加温棒多少瓦",
           "过滤器怎么装", "龟龟不吃东西", "换水频率"] * 3
    return pos + neg, [1] * len(pos) + [0] * len(neg)


def test_a_wide_tolerance_picks_the_smallest_c() -> None:
    texts, y = _toy()
    _, info = fit_ngram(texts, y, repeats=2, tolerance=1.0)
    assert info["C"] == min(C_GRID)
    assert "c_rule" in info and set(info["cv_f1_by_C"]) == {str(c) for c in C_GRID}


def test_no_tolerance_picks_the_best_mean() -> None:
    texts, y = _toy()
    _, info = fit_ngram(texts, y)
    best = max(info["cv_f1_by_C"].values())
    assert info["cv_f1_by_C"][str(info["C"])] == best
    assert "c_rule" not in info

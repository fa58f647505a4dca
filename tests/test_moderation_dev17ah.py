"""Round 38, dev17ah (issue 17): a one-character chatter word (猫, 狗) is read as a word, not as a piece of another
word (熊猫, 猫眼螺, 狗熊); belittling a member's talent or taste without a swear word. Groups and messages written
for these tests (a panda-base volunteers' group, a coin collectors' group, a seafood stall's customers, a knitting
circle, a calligraphy class)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict
from copilot.moderation.signals import lexicons, said_whole, whole_cue_words

PANDA = """
name: 大熊猫基地志愿者群
positioning: 熊猫基地的志愿讲解员交流排班、讲解词和熊猫的近况
topics: [大熊猫, 志愿讲解, 排班, 熊猫基地]
audience: 志愿讲解员
"""

COINS = """
name: 钱币收藏交流群
positioning: 钱币爱好者交流纸币、硬币、纪念币的版别和品相
topics: [钱币, 纸币, 纪念币, 品相, 版别]
audience: 钱币藏友
"""

KNITTING = """
name: 毛线编织交流群
positioning: 喜欢织毛衣、钩针的朋友交流针法、线材和作品
topics: [编织, 针法, 毛线, 钩针]
audience: 编织爱好者
"""

CALLIGRAPHY = """
name: 周末书法班
positioning: 书法班学员交流临帖、笔墨纸砚和作业
topics: [书法, 临帖, 毛笔, 作业]
audience: 成人书法学员
"""


# -- a chatter word of one character is a word of the message, not a piece of another word ------------------------------
def test_a_kind_named_by_one_character_is_found_as_a_word() -> None:
    chatter = lexicons().chatter
    assert "猫" in whole_cue_words(chatter, "我家猫昨天又把花盆打翻了")
    assert "猫" in whole_cue_words(chatter, "小猫打完疫苗有点蔫")  # a member of the kind (kinds.yaml)
    assert "猫" in whole_cue_words(chatter, "猫粮换了个牌子")  # jieba does not know 猫粮: the character stays whole
    assert "猫" not in whole_cue_words(chatter, "周末带娃去熊猫基地排了两小时队")
    assert "猫" not in whole_cue_words(chatter, "今天的猫眼螺还有吗")
    assert "狗" not in whole_cue_words(chatter, "动物园的狗熊在晒太阳")


def test_said_whole_reads_the_profile_text_by_words() -> None:
    assert not said_whole("猫", "大熊猫基地志愿者群")
    assert said_whole("猫", "养猫的朋友交流猫粮")


def test_a_panda_coin_is_no_cat_talk_among_collectors(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(COINS, "熊猫银币这几年的版别怎么区分")
    assert v.label == "ok", v.reason
    assert "猫" not in ((v.checks.get("offtopic") or {}).get("chatter") or [])


def test_a_reminder_never_quotes_a_piece_of_a_word(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CALLIGRAPHY, "周末带娃去熊猫基地玩了一整天 人山人海")
    assert "说到猫" not in (v.reply or "") and "猫这类话题" not in (v.reply or ""), v.reply


def test_a_member_s_cat_is_not_a_panda_group_s_subject(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PANDA, "我家猫这两天老掉毛 有没有好用的梳子推荐")
    assert v.label == "off_topic", v.reason


def test_a_panda_group_still_talks_about_its_pandas(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PANDA, "今天那只小熊猫一直在树上睡觉 游客都没看到")
    assert v.label == "ok", v.reason


def test_a_cat_in_a_knitting_group_is_still_chatter(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(KNITTING, "我家猫昨天把猫粮打翻了 撒了一地 气死我了")
    assert "猫" in ((v.checks.get("offtopic") or {}).get("chatter") or []), v.reason


# -- belittling a member's gift or taste without a swear word: abuse by its form -------------------------------------------
PAINTING = """
name: 周末油画小组
positioning: 业余油画爱好者晒作业、互相点评、交流颜料和画布
topics: [油画, 作业, 点评, 颜料]
audience: 业余油画爱好者
"""


def test_judging_a_member_s_taste_is_a_put_down() -> None:
    from copilot.moderation.signals import put_down

    for text in ("你那审美也就配画个墙绘", "你的水平真的不敢恭维", "你就没那个天赋 别折腾了", "你根本不是这块料",
                 "装什么大师 自己画成啥样心里没数"):
        assert put_down().search(text), text
    for text in ("你的审美挺好的 就是这张颜色有点脏", "你这水平已经很不错了 再练练构图", "我没那个天赋 只能多练",
                 "我觉得你很有天赋 坚持下去"):
        assert not put_down().search(text), text


def test_denying_a_member_the_gift_is_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PAINTING, "你就没那个天赋 别浪费颜料了")
    assert v.label == "abuse", v.reason


def test_scorning_a_member_s_taste_is_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PAINTING, "你的审美真的一言难尽 颜色搭得跟打翻了调色盘似的 别再发了")
    assert v.label == "abuse", v.reason


def test_polite_critique_of_a_painting_stays_ok(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("我自己画得也一般 就是觉得你这张前景稍微满了点", "暗部可以再压一点 现在整体有点灰",
                 "你的审美挺好的 就是这张天空颜色有点脏 可以少调几遍"):
        v = judge(PAINTING, text)
        assert v.label == "ok", (text, v.reason)


# -- a customer ordering at a shop's counter in its own group ------------------------------------------------------------
FRUIT_STALL = """
name: 老周水果摊·熟客群
positioning: 菜场老周水果摊的熟客企业微信群，老板每天发到货和价格，熟客群里预订、约时间自提
topics: [水果, 到货, 预订, 自提]
audience: 附近小区的熟客
type: 品牌型
platform: wecom
products:
  - {name: 赣南脐橙, price: 6, unit: 斤, description: 当季}
"""


def test_an_order_at_the_counter_is_the_shop_s_business(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("杨梅给我留两斤 下午五点过来拿", "明天的沃柑帮我订一箱 老地方自提"):
        v = judge(FRUIT_STALL, text)
        assert v.label == "ok", (text, v.reason)


def test_an_order_elsewhere_is_not_the_shop_s(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(FRUIT_STALL, "今晚国足比赛 有人一起看吗 我订了两箱啤酒")
    assert v.label == "off_topic", v.reason


def test_an_order_in_a_hobby_group_is_no_order_at_a_counter(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CALLIGRAPHY, "周末去吃火锅 给我留两个位子")
    assert "预订" not in v.reason, v.reason


# -- a hobby's own terms the profile does not list: its domain's words (domains.yaml) -------------------------------------
ZHENG = """
name: 周末古筝小班
positioning: 古筝小班的学员交流练琴和考级
topics: [古筝, 练琴, 考级]
audience: 成人古筝学员
"""

OLD_COINS = """
name: 老钱币藏友会
positioning: 钱币藏友交流收藏心得
topics: [钱币, 收藏]
audience: 钱币藏友
"""

KNITTERS = """
name: 编织角
positioning: 喜欢编织的朋友交流针法和毛线
topics: [编织, 毛线]
audience: 编织爱好者
"""


def test_a_hobby_s_terms_tie_a_message_to_its_group(judge: Callable[[str, str], Verdict]) -> None:
    for profile, text in ((ZHENG, "轮指练了一周还是不匀 胶布缠多紧合适"), (OLD_COINS, "这张纪念钞是整刀拆出来的吗 荧光挺正"),
                          (PAINTING, "湿画法总是起水痕 是不是水彩纸太薄")):
        v = judge(profile, text)
        assert v.label == "ok", (text, v.reason)
        assert "同类群常聊" in (v.checks.get("offtopic") or {}).get("detail", ""), v.checks.get("offtopic")


def test_another_hobby_s_terms_tie_nothing(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(KNITTERS, "袁大头和船洋现在什么价 有懂的吗")
    assert "同类群常聊" not in (v.checks.get("offtopic") or {}).get("detail", ""), v.checks.get("offtopic")


# -- a member talked about in the third person: inside one phrase --------------------------------------------------------
def test_a_shop_and_anyone_are_no_member_talked_about() -> None:
    from copilot.moderation.signals import third_person

    assert not third_person().search("小区门口那个理发店关门了 有人知道搬哪去了吗")
    assert third_person().search("那个穿红衣服的妹子每次都迟到")

"""Round 47, d17a47 (issue 17): veiled abuse — contempt dressed as praise, advice, a second thought or a plea, with no
swear word (copilot/moderation/veiled.py, resources/moderation/veiled.yaml) — is labelled abuse when the abuse model
leans the same way, while the same words said of oneself, sincere praise, care and teasing between friends are not.
Groups and messages written for these tests (a community cooking class, a Hong Kong dragon-boat crew in Cantonese, a
Taichung cycling club in Taiwan Mandarin)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from moderation_say import say

from copilot.moderation import Moderator
from copilot.moderation.veiled import banter, veiled_forms

COOKING = """
name: 周末家常菜烹饪班
positioning: 社区周末烹饪班的学员交流家常菜做法、刀工和火候，每周六上午在社区厨房上课
topics: [做菜, 家常菜, 刀工, 火候, 菜谱, 红烧肉, 煎蛋, 调料, 厨房, 上课]
type: 学习型
platform: wechat
"""

DRAGON_BOAT = """
name: 西貢龍舟隊
positioning: 西貢街坊龍舟隊，每個禮拜日朝早喺碼頭練扒艇，端午前準備比賽
topics: [龍舟, 扒艇, 划槳, 練習, 比賽, 碼頭, 鼓手, 舵手, 體能]
platform: whatsapp
script: zh-Hant
"""

CYCLING = """
name: 台中單車約騎團
positioning: 台中的單車愛好者週末約騎大坑、東豐綠廊和武嶺，分享路線、補給和保養
topics: [單車, 約騎, 路線, 爬坡, 補給, 保養, 變速, 輪胎, 武嶺]
platform: line
script: zh-Hant
"""

_say = partial(say, t0=1_767_300_000, gap=90)


# --- the forms, on the writer's own words in Mandarin ---------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "您可真能干,每次轮到你值日都找不到人",           # praise, and the failing it praises
    "你真是人才,菜谱抄了三遍也没抄对",
    "脑子是个好东西,希望你下次上课带上",            # the brain as a good thing the other lacks
    "建议你先去医院挂个号看看眼睛,再来评价别人的刀工",  # a doctor before taking part again
    "建议某些人回家照照镜子",                        # a mirror: contempt by itself
    "读书读傻了吧?火候写在黑板上都看不见",            # school made them stupid, as a guess
    "你这么会做菜,怎么不去开饭店呀?哦对,连蛋都煎糊了",  # a feigned second thought
    "真佩服你的勇气,煎成那样还发群里",
    "求你以后别再唱了,放过大家",
    "行行行,你说的都对,你最会做菜",                 # mock agreement that brushes them off
    "你是来搞笑的吧?菜谱都没看就开火",
])
def test_a_veiled_put_down_aimed_at_someone_is_found(said: str) -> None:
    assert veiled_forms(said), said


@pytest.mark.parametrize("said", [
    "我脑子是个好东西,可惜今天又忘带了,菜刀都拿反",    # of oneself
    "我读书读傻了,把生抽当老抽倒了半瓶",
    "读书读到傻了,报名日期填错,只好重报",              # narrated, not asked
    "建议我自己先回家练练刀工",
    "膝盖疼的话建议去医院挂个号,别硬撑",              # care: a doctor with no "then come back"
    "你还真行啊,连这种冷门歌都会唱",                  # praise with 连/都, no failing
    "你真厉害,第一次做红烧肉就这么好吃",
    "老师真是个人才,一节课教了六道菜",                # addresses no one
    "你可真是个人才,菜刀都拿反了,哈哈加油,下次我陪你练",  # warmth beside the taunt: teasing
    "你说的都对,我下次注意火候",                       # takes the point: the writer's own part follows
    "你开心就好,我们都支持你",                          # kindness: warmth beside it
])
def test_the_same_words_of_oneself_in_praise_care_or_banter_are_not(said: str) -> None:
    assert veiled_forms(said) == [], said


def test_warmth_marks_banter() -> None:
    assert banter("这次还敢报名哈哈,加油啦")
    assert not banter("这次还敢报名,真不嫌丢人")


# --- the pipeline ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("profile, text", [
    (COOKING, "您可真能干，每次轮到你值日都找不到人"),
    (COOKING, "建议你先去医院挂个号看看眼睛，再来评价别人的刀工"),
    (COOKING, "你这么会做菜，怎么不去开饭店呀？哦对，连蛋都煎糊了"),
    (DRAGON_BOAT, "你真係人才嚟，扒咗成個月槳都未跟得上鼓"),          # Cantonese, read in its Mandarin form
    (DRAGON_BOAT, "個腦係好嘢嚟，希望你都有一個，成日扒錯邊"),
    (CYCLING, "建議你先去掛個號看看腦子，再來問這種問題"),           # Taiwan Mandarin
])
def test_veiled_abuse_is_labelled_abuse(profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text, user="u9")
    assert v.label == "abuse", v.reason
    assert "讽刺或假客气" in v.reason or "諷刺或假客氣" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (COOKING, "我脑子是个好东西，可惜今天又忘带了，菜刀都拿反"),
    (COOKING, "老师真是个人才，一节课教了六道菜"),
    (DRAGON_BOAT, "我真係人才，今朝練完先發覺條槳拎錯咗"),
    (CYCLING, "阿明你上次爬武嶺喘成那樣，這次還敢報名喔哈哈，加油啦"),  # a sneer's form beside warmth: teasing
])
def test_the_same_words_of_oneself_in_praise_or_in_banter_are_left(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text, user="u8")
    assert v.label != "abuse" and v.action in ("none", "review"), v.reason


def test_a_quoted_veiled_put_down_reported_to_the_admins_is_no_abuse(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(COOKING), "他私聊骂我“脑子是个好东西，希望你也有一个”，管理员看一下", user="u7")
    assert v.label != "abuse" and v.action in ("none", "review"), v.reason


def test_a_form_the_abuse_model_does_not_back_is_only_a_weak_signal(profile_moderator: Callable[[str], Moderator]) -> None:
    """Friends say the same words in jest: the form alone (weight 0.25) labels nothing; the abuse model, unsure here,
    does not lean towards abuse, so the message is left and the form is named as a weak signal."""
    v = _say(profile_moderator(DRAGON_BOAT), "個腦係好嘢嚟，落水之前記得帶埋", user="u6")
    assert v.label == "ok" and v.action == "none", v.reason
    assert v.checks["abuse_model"] < 0.5, v.checks
    assert "弱信號" in v.reason, v.reason


# --- a red packet drawn as 🧧, members' own rides and lost things, 你個腦 -------------------------------------------------

@pytest.mark.parametrize("text", ["群主发个🧧吧", "版主發個🧧🧧啦", "🧧🧧群主来个🧧"])
def test_a_red_packet_drawn_as_an_emoji_is_still_asked_for(profile_moderator: Callable[[str], Moderator],
                                                          text: str) -> None:
    v = _say(profile_moderator(COOKING), text, user="u5")
    assert v.label == "spam" and v.action == "remind", v.reason


@pytest.mark.parametrize("text", ["我发个🧧🧧大家沾沾喜气", "谢谢群主的🧧", "新年快乐🧧🧧🧧"])
def test_a_members_own_red_packet_or_thanks_for_one_is_no_plea(profile_moderator: Callable[[str], Moderator],
                                                               text: str) -> None:
    v = _say(profile_moderator(COOKING), text, user="u4")
    assert v.label != "spam" and v.action in ("none", "review"), v.reason


def test_normalise_reads_a_run_of_red_packet_emoji_as_the_word_once() -> None:
    from copilot.moderation.normalise import normalise
    n = normalise("群主发个🧧🧧吧")
    assert n.compact == "群主发个红包吧", n.compact
    assert "🧧" in n.decorated  # a wall of them still counts as emoji


@pytest.mark.parametrize("profile, text", [
    (COOKING, "周六去农贸市场买食材，我开车从城西过去，还能坐两个人，需要的打我电话 13866001234"),
    (CYCLING, "週六武嶺約騎，我車上還能載兩台單車，要共乘的加LINE: bike.lin，油錢均分"),
    (DRAGON_BOAT, "琴朝練完喺碼頭唔見咗個黑色防水袋，邊位執到唔該WhatsApp我 6123 9087"),
])
def test_a_members_own_ride_or_lost_thing_with_their_number_is_left(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text, user="u3")
    assert v.label != "ad" and v.action in ("none", "review"), v.reason


def test_a_paid_ride_service_beside_the_same_words_is_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(COOKING), "长期顺风车，城西到机场每人60，车上还能坐三个，天天有车，加V：shunfeng_7788", user="u2")
    assert v.label == "ad", v.reason


def test_your_brain_in_cantonese_praise_is_not_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    """你個腦 is "your brain" (個 the measure word), not an address heading a name: no rude word, so no warning."""
    mod = profile_moderator(DRAGON_BOAT)
    praise = _say(mod, "阿明你個腦真係好使，咁快就記得晒啲口令！", user="u1")
    assert praise.action in ("none", "review"), praise.reason
    insult = _say(mod, "你個腦殘，扒錯邊仲要鬧人", user="u0", n=1)
    assert insult.label == "abuse" and insult.action == "warn", insult.reason

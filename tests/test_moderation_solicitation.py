"""QA classes of issue 17, round 2: ads with no handle or an unusual contact marker, the profile's banned
items offered for trade, the group's own fee notices, insults without swear words, kin words read as rude,
and what the bot says after a removal."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from moderation_say import say

from copilot.config import Settings
from copilot.moderation.normalise import normalise
from copilot.moderation.pipeline import Moderator
from copilot.moderation.signals import banned_list, detect
from copilot.profile import parse_profile_text

T0 = 1_767_225_600.0

SENIORS = parse_profile_text("""
name: 和平里长者学手机群
positioning: 社区志愿者每周教老人用智能手机：视频通话、扫码付款、挂号、识别诈骗电话
topics: [智能手机, 视频通话, 扫码付款, 网上挂号, 防诈骗]
audience: 社区里的老人和家属
banned: [保健品推销, 理财产品]
events:
  - {title: 手机课, kind: 课程, cadence: 每周三, time: "09:00-10:30", place: 社区服务中心二楼}
""")
BIRDS = parse_profile_text("""
name: 文鸟爱好者群
positioning: 养文鸟的鸟友交流喂养、洗澡、繁殖和看病，自家用不上的笼具可以转给鸟友
topics: [文鸟, 鸟粮, 笼具, 繁殖, 鸟病]
banned: [野生鸟, 代写论文]
""")
BAND = parse_profile_text("""
name: 周末管乐团
positioning: 业余管乐团，每周六下午排练，每年两场演出
topics: [管乐, 排练, 演出, 声部, 乐谱]
audience: 喜欢吹奏乐器的上班族
""")


def _mod(profile) -> Moderator:  # type: ignore[no-untyped-def]
    return Moderator(Settings(llm_provider="offline", data_dir=Path("/nonexistent")), profile, audit=None)


_say = partial(say, t0=T0, with_id=False)  # a member per message, m0, m1…


# -- ads with no handle, or an unusual marker ----------------------------------------------------
def test_a_penguin_emoji_before_a_spaced_number_is_a_qq_number() -> None:
    n = normalise("🐧 3 5 6 7 8 9 1 2 0 鸟笼鸟架批发")
    assert n.compact.startswith("qq356789120")
    v = _say(_mod(BIRDS), "🐧 3 5 6 7 8 9 1 2 0 鸟笼鸟架批发")
    assert v.label == "ad" and v.action == "delete"
    assert "QQ" in v.reason


def test_pointing_at_the_profile_signature_is_a_pointer() -> None:
    v = _say(_mod(BIRDS), "想要文鸟繁殖教程的朋友看我个签")
    assert v.label == "ad" and "pointer" in [s["name"] for s in v.checks["signals"]]
    assert v.action in ("review", "delete")


def test_a_stranger_collecting_replies_with_a_free_gift_is_soliciting() -> None:
    v = _say(_mod(SENIORS), "各位叔叔阿姨好，我是刚来的养生顾问，周六上午社区广场免费测血糖，还送小礼品，想参加的扣1")
    assert v.label == "ad" and v.action == "delete"
    assert "lure_reply" in [s["name"] for s in v.checks["signals"]]
    assert "赠品" in v.reason


def test_the_groups_own_class_sign_up_by_reply_is_not_an_ad() -> None:
    mod = _mod(SENIORS)
    v = _say(mod, "下周三手机课讲怎么用手机挂号，要来的回复1，我好准备座位")
    assert v.label == "ok" and v.action == "none"
    gift = _say(mod, "手机课最后一节结束发小礼品，要来的扣1", n=1)
    assert gift.action == "none"
    # a lure and a reply call with no other layer (no seller's role, no urgency, no classifier): a person decides
    bare = _say(_mod(BAND), "周日公园有免费测血压，送小礼品，想去的回复1", n=2)
    assert bare.action in ("none", "review")
    # a reply call alone, no lure: nothing to bait with
    assert "lure_reply" not in detect(normalise("明天几点上课？知道的回复一下")).names("ad")


def test_a_search_pointer_to_a_tutorial_is_not_labelled_by_itself() -> None:
    v = _say(_mod(BIRDS), "小红书搜“文鸟洗澡”，有个博主拍得很清楚")
    assert v.label == "ok"
    pointer = next(s for s in v.checks["signals"] if s["name"] == "pointer")
    assert pointer["weight"] < 0.5


# -- the profile's banned list --------------------------------------------------------------------
def test_a_banned_item_matched_by_its_part_and_offered_is_deleted() -> None:
    v = _say(_mod(BIRDS), "刚到几只野生黄雀，叫声好听，要的私我")
    assert v.label == "ad" and v.action == "delete"
    assert "野生鸟" in v.reason and "违禁" in v.reason


def test_a_banned_item_with_a_price_is_deleted() -> None:
    v = _say(_mod(BIRDS), "代写论文，本科毕业论文一篇八百，包查重")
    assert v.label == "ad" and v.action == "delete"


def test_a_banned_word_in_a_rules_talk_or_a_rescue_is_not_acted_on() -> None:
    mod = _mod(BIRDS)
    rules = _say(mod, "提醒一下，群里禁止野生鸟交易，看到有人收购野生鸟请告诉群主")
    assert rules.action == "none"
    rescue = _say(mod, "楼下捡到一只野生麻雀，翅膀受伤了，附近有救助站吗", n=1)
    assert rescue.label != "ad" and rescue.action in ("none", "review")
    # a part alone (no trade) is no evidence at all
    assert "banned" not in detect(normalise("野生的麻雀能养吗"), banned=banned_list(BIRDS.banned)).names("ad")


def test_a_warning_or_a_story_about_a_banned_item_is_not_an_offer() -> None:
    mod = _mod(SENIORS)
    warn = _say(mod, "上周有人在楼下推销保健品，还留了手机13812345678说有货，大家千万别信")
    assert warn.action in ("none", "review")
    assert "banned_deal" not in [s["name"] for s in warn.checks["signals"]]
    story = _say(mod, "我爸这阵子迷上保健品了，老说要私聊那个推销员问问", n=1)
    assert story.action in ("none", "review")
    offer = _say(mod, "进口保健品到货了，有货，需要的私聊我", n=2)
    assert offer.label == "ad" and offer.action == "delete"


def test_a_question_about_a_banned_item_with_an_invitation_is_not_an_offer() -> None:
    v = _say(_mod(BIRDS), "野生的鸟到底能不能养？懂行的私我讲讲")
    assert v.action in ("none", "review")
    assert "banned_deal" not in [s["name"] for s in v.checks["signals"]]


def test_banned_parts_skip_words_that_only_name_a_kind() -> None:
    bl = banned_list(["活体买卖", "理财产品", "野生鸟"])
    assert bl is not None and bl.parts is not None
    assert bl.item_of.get("活体") == "活体买卖" and "买卖" not in bl.item_of and bl.item_of.get("野生") == "野生鸟"


# -- the group's own fee ------------------------------------------------------------------------
def test_the_groups_own_fee_notice_is_not_an_ad() -> None:
    mod = _mod(BAND)
    v = _say(mod, "今年的乐团会费每人300元，周六排练时交给各声部长，或者扫群公告里的收款码，备注姓名")
    assert v.label == "ok" and v.action == "none"
    assert v.checks.get("group_fee") and "费用通知" in v.reason
    assert "invite" not in detect(normalise("扫码付款时备注姓名")).names("ad")


def test_a_seller_quoting_a_per_head_price_is_still_an_ad() -> None:
    v = _say(_mod(BAND), "萨克斯速成班每人只要199元，加我微信 sax_2288 报名")
    assert v.label == "ad" and v.action == "delete" and not v.checks.get("group_fee")


# -- abuse ------------------------------------------------------------------------------------------
def test_comparing_someones_playing_to_excrement_is_abuse() -> None:
    v = _say(_mod(BAND), "你吹得跟屎一样，还天天抢独奏")
    assert v.label == "abuse" and v.action in ("warn", "review")
    assert "闲聊" not in v.reason


def test_running_someone_down_twice_without_swear_words_is_labelled_for_review() -> None:
    v = _say(_mod(BAND), "你这破号吹成这样还好意思坐首席")
    # round 31 (dev17j): two attack cues and an abuse model that is sure (>= 0.9) are acted on; otherwise review
    assert v.label == "abuse" and v.action == ("warn" if v.checks["abuse_model"] >= 0.9 else "review"), v.reason


def test_shunning_someone_is_abuse_but_asking_who_partners_them_is_not() -> None:
    mod = _mod(BAND)
    v = _say(mod, "跟你分到一个声部算我倒霉，节奏从来没对过")
    assert v.label == "abuse" and "shun" in [s["name"] for s in v.checks["signals"]]
    assert _say(mod, "周六合奏谁跟你一组？我还没分到", n=1).label == "ok"


def test_a_kin_word_before_de_is_not_rude() -> None:
    rep = detect(normalise("我妈的手机总是弹广告，怎么关掉"))
    assert "rude" not in rep.names("abuse")
    assert "rude" in detect(normalise("你妈的，说谁呢")).names("abuse")


# -- what the bot says after a removal -----------------------------------------------------------
def test_the_kick_reply_does_not_threaten_a_next_time(tmp_path: Path) -> None:
    mod = Moderator(Settings(llm_provider="offline", data_dir=tmp_path), BAND)
    ad = "加 v 信 band_77889，在家兼职日结三百"
    out = [mod.moderate({"id": str(i), "user": "x", "group": "g9", "text": ad}) for i in range(3)]
    assert [v.action for v in out] == ["delete", "mute", "kick"]
    assert out[2].reply and "移出" in out[2].reply and "多次发布将" not in out[2].reply
    assert out[1].reply and "多次发布" in out[1].reply


def test_other_messaging_apps_and_a_speech_bubble_are_invitations() -> None:
    assert "invite" in detect(normalise("港股打新内部额度，有兴趣WhatsApp我")).names("ad")
    assert "invite" in detect(normalise("新到一批鸟笼，💬我拿价格")).names("ad")
    assert "pointer" in detect(normalise("想接翻译单的Line搜寻 @fanyi_88")).names("ad")
    # naming the app in passing is not an invitation
    assert "invite" not in detect(normalise("我女儿在国外，平时都用WhatsApp视频")).names("ad")


# -- off-topic: the arrangements of something else ------------------------------------------------
def test_a_time_question_about_another_activity_is_not_about_the_groups_own_event() -> None:
    mod = _mod(BAND)
    other = _say(mod, "今晚演唱会几点开始？有人一起去吗")
    assert other.label == "off_topic"
    assert "关于群里活动的安排" not in (other.checks["offtopic"].get("detail") or "")
    own = _say(mod, "下雨了周六还排练吗？", n=1)  # the weather belongs to every outing
    assert own.label == "ok"
    plain = _say(mod, "这周六几点开始？我可能晚到", n=2)
    assert plain.label == "ok"


def test_shopping_festival_chatter_is_off_topic_but_the_groups_own_goods_on_sale_are_not() -> None:
    mod = _mod(BAND)
    v = _say(mod, "黑五你们都抢到什么好东西了")
    assert v.label == "off_topic" and "黑五" in v.checks["offtopic"]["chatter_words"]
    assert _say(mod, "双12有没有人知道哪家乐谱架打折", n=1).label == "ok"


def test_a_member_giving_away_their_own_gear_because_of_a_move_is_not_a_life_errand() -> None:
    mod = _mod(BAND)
    gift = _say(mod, "搬家了用不上，两个谱架免费送给需要的团友")
    assert gift.label == "ok"
    errand = _say(mod, "搬家公司哪家靠谱？下周要搬", n=1)
    assert errand.label == "off_topic"


def test_a_reminder_says_what_the_member_did(tmp_path: Path) -> None:
    """qa17r27: a member's own vote plea and a burst of short replies were both told 请不要刷屏或转发无关内容."""
    mod = Moderator(Settings(llm_provider="offline", data_dir=tmp_path), BAND)
    plea = mod.moderate({"id": "p1", "user": "李阿姨", "group": "g9", "text": "麻烦大家帮我孙女投一票，18号，谢谢大家了",
                         "ts": T0})
    assert plea.label == "spam" and plea.action == "remind"
    assert plea.reply and "拉票" in plea.reply and "刷屏" not in plea.reply
    burst = [mod.moderate({"id": f"b{i}", "user": "小号手", "group": "g9", "text": t, "ts": T0 + 600 + i})
             for i, t in enumerate(["太好听了", "第二首绝了", "圆号稳", "再来一首", "哈哈哈", "鼓掌鼓掌", "安可"])]
    flooded = [v for v in burst if v.action == "remind"]
    assert flooded and all(v.label == "spam" for v in flooded)
    assert all(v.reply and "合成一条" in v.reply and "拉票" not in v.reply for v in flooded)

"""Round 76, d17c76 (issue 17, off-topic by meaning): three false alarms of the chatter model read alone —
* a lift to where the group's event meets, named by a place name the profile's words leave out ("有冇人喺沙田開車去大埔墟站，
  可唔可以搭我一程" in a hiking group meeting at 大埔墟站A出口): relevance.yaml ``event_ride``; a trip of one's own (下班, 回家)
  to the same town stays the member's errand;
* a short reply that takes the group's arrangement on with the member's own next step straight after the acknowledgement
  ("好呀，我六点半在地铁口等你") or with Cantonese 咁 for 那 ("好呀，咁我七點半喺沙田站等你"): relevance.yaml ``thread_takes_on``;
  after chatter the thread is gone and the same form stays off-topic;
* a member's own account told at length with no chatter topic or life errand (offtopic.LONG_REMARK_CHARS); a long message
  that names a chatter topic (二手房, 追剧) is still chatter, and a short one is still the model's.
Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.offtopic import LONG_REMARK_CHARS, takes_on
from copilot.textnorm import fold

HIKING = """
name: 香港週日行山群
positioning: 香港行山愛好者每個星期日一齊行山，分享路線、裝備同天氣資訊，新手有人帶
topics: [行山, 路線, 裝備, 郊野公園]
audience: 香港鍾意行山嘅上班族同學生
platform: whatsapp
events:
  - {title: 星期日行山, kind: 线下活动, cadence: 每周日, time: "08:00", place: 大埔墟站A出口}
"""

BIRDING = """
name: 杭州西溪观鸟群
positioning: 杭州的观鸟爱好者每月一起去湿地观鸟，交流鸟种识别、望远镜和鸟类摄影，新人跟着老鸟认鸟
topics: [观鸟, 鸟种识别, 望远镜, 鸟类摄影]
audience: 杭州及周边的观鸟爱好者
platform: wechat
events:
  - {title: 每月湿地观鸟, kind: 线下活动, cadence: 每月第一个周六, time: "07:00", place: 西溪湿地周家村入口}
"""

VOLUNTEERS = """
name: 市一医院导诊志愿者群
positioning: 在市一医院门诊做导诊的志愿者排班、交流带路和答疑的经验
topics: [导诊, 排班, 志愿服务]
audience: 医院志愿者
platform: wechat
events:
  - {title: 周二导诊值班, kind: 线下活动, cadence: 每周二, time: "08:00", place: 门诊大厅服务台}
"""

T0 = 1_767_225_600.0


def _thread(moderator: Moderator, texts: list[str]) -> list[Verdict]:
    """The texts posted in order by different members, 45 seconds apart (one live thread)."""
    return [moderator.moderate({"id": f"c{i}", "user": f"member{i}", "text": t, "ts": T0 + 45 * i})
            for i, t in enumerate(texts)]


def _one(moderator: Moderator, text: str) -> Verdict:
    return moderator.moderate({"id": "only", "user": "member", "text": text, "ts": T0})


# --- a lift to the event's place ---

@pytest.mark.parametrize("text", ["有冇人喺沙田開車去大埔墟站，可唔可以搭我一程", "有没有人从沙田开车去大埔墟站，能不能捎我一段"])
def test_a_lift_to_the_events_meeting_place_is_the_groups_arrangement(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _one(profile_moderator(HIKING), text)
    assert v.label == Label.OK, v.reason
    topic = v.checks.get("offtopic") or {}
    assert topic.get("about_group") is True, v.reason
    assert "大埔" in (topic.get("relevant") or []), v.reason


@pytest.mark.parametrize("text", ["收工有冇人返大埔，想搭順風車", "收工有冇人返屯門，想搭順風車", "下班有人回大埔吗，想蹭个车"])
def test_a_trip_of_ones_own_stays_off_topic(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _one(profile_moderator(HIKING), text)
    assert v.label == Label.OFF_TOPIC, v.reason


def test_the_events_place_without_a_lift_ties_nothing_new(profile_moderator: Callable[[str], Moderator]) -> None:
    # 大埔 beside a chatter topic is where the chatter happens, not a lift to the group's event
    v = _one(profile_moderator(HIKING), "而家大埔啲樓價跌到咁，係咪入得市")
    assert v.label == Label.OFF_TOPIC, v.reason


# --- a short reply taking the arrangement on ---

@pytest.mark.parametrize("text, said", [
    ("好呀，我六点半在地铁口等你", "好呀，我"),
    ("收到，我带两瓶水", "收到，我"),
    ("好呀，咁我七點半喺沙田站等你", "好呀，咁"),
    ("行，那我在地铁站等你", "行，那"),
])
def test_an_acknowledgement_then_the_members_step_takes_on(text: str, said: str) -> None:
    assert takes_on(fold(text)) == fold(said)


@pytest.mark.parametrize("text", ["好的，下次我也试试", "我觉得行，我们再看看", "好吃我也想去"])
def test_other_openings_still_take_nothing_on(text: str) -> None:
    assert takes_on(fold(text)) is None


def test_a_reply_after_a_lift_offer_is_the_groups(profile_moderator: Callable[[str], Moderator]) -> None:
    ask, offer, reply = _thread(profile_moderator(HIKING), [
        "有冇人喺沙田開車去大埔墟站，可唔可以搭我一程",
        "我會經沙田，可以載多兩個",
        "好呀，咁我七點半喺沙田站等你",
    ])
    assert ask.label == Label.OK, ask.reason
    assert offer.label == Label.OK, offer.reason
    assert reply.label == Label.OK, reply.reason
    assert reply.action not in ACTED, reply.reason


def test_the_mandarin_reply_after_the_groups_lift(profile_moderator: Callable[[str], Moderator]) -> None:
    _, _, reply = _thread(profile_moderator(BIRDING), [
        "有没有人从城西过来的，顺路带我一下到周家村入口",
        "我从文一路出发，车上还能坐两个",
        "好呀，我六点半在地铁口等你",
    ])
    assert reply.label == Label.OK, reply.reason
    assert (reply.checks.get("offtopic") or {}).get("took_on") == fold("好呀，我"), reply.reason


def test_the_same_reply_after_chatter_stays_off_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    chatter, reply = _thread(profile_moderator(BIRDING), [
        "下班有人回萧山吗，想蹭个车",
        "好呀，我六点半在地铁口等你",
    ])
    assert chatter.label == Label.OFF_TOPIC, chatter.reason
    assert reply.label == Label.OFF_TOPIC, reply.reason


# --- a member's own account at length ---

def test_a_long_own_account_with_no_chatter_topic_is_not_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    text = "今天碰到一个大哥特别着急，说我们指的路不对害他多走了一层楼，其实是他自己看错了电梯，后来他还回来跟我道了歉"
    assert sum("\u4e00" <= c <= "\u9fff" for c in text) >= LONG_REMARK_CHARS
    v = _one(profile_moderator(VOLUNTEERS), text)
    assert v.label == Label.OK, v.reason


def test_a_long_message_naming_a_chatter_topic_is_still_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    text = "昨晚追剧追到两点，那部古装剧的结局真的烂尾了，白白浪费了我一个周末的时间，你们有好看的推荐吗"
    assert sum("\u4e00" <= c <= "\u9fff" for c in text) >= LONG_REMARK_CHARS
    v = _one(profile_moderator(VOLUNTEERS), text)
    assert v.label == Label.OFF_TOPIC, v.reason


def test_a_short_everyday_remark_is_still_the_models(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(VOLUNTEERS), "我家热水器打不着火了，有认识的师傅吗")
    assert v.label == Label.OFF_TOPIC, v.reason


def test_a_long_question_is_still_the_models(profile_moderator: Callable[[str], Moderator]) -> None:
    # a request to the group for life's help is the classic off-topic form, long or short: only a remark is let through
    text = "有没有人知道附近哪里修洗衣机比较靠谱，我家那台脱水的时候响得整栋楼都能听见，找了两个师傅都没修好"
    assert sum("\u4e00" <= c <= "\u9fff" for c in text) >= LONG_REMARK_CHARS
    v = _one(profile_moderator(VOLUNTEERS), text)
    assert v.label == Label.OFF_TOPIC, v.reason

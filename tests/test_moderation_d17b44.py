"""Round 44, d17b44 (issue 17): off-topic by meaning, not by one word. A profile word that only frames a chatter
message — where, who or when it happens (the members addressed: 陶笛圈的人; a landmark: 活动室对面) — does not make it
the group's talk (relevance.yaml ``framing``). Group and messages written for these tests (a Nanshan ocarina club)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict

OCARINA = """
name: 南山陶笛社
positioning: 南山区的陶笛爱好者一起练习陶笛、交流指法和曲谱，每周四晚上在社区活动室合奏
topics: [陶笛, 指法, 曲谱, 合奏, 气息, 音准]
audience: 南山区喜欢吹陶笛的上班族和退休老人
type: 兴趣型
events:
  - {title: 周四晚上合奏, kind: 线下活动, cadence: 每周四, time: "19:30", place: 社区活动室}
"""

T0 = 1_767_225_600.0


def _one(moderator: Moderator, text: str) -> Verdict:
    return moderator.moderate({"id": "t1", "user": "u1", "group": "g1", "text": text, "ts": T0})


@pytest.mark.parametrize("text", [
    "陶笛圈的人都看世界杯吗，今晚谁赢",  # the members addressed by the topic word
    "活动室对面那家奶茶店开业打折",  # the group's place as a landmark
])
def test_a_profile_word_that_frames_chatter_does_not_tie_it(profile_moderator: Callable[[str], Moderator],
                                                             text: str) -> None:
    v = _one(profile_moderator(OCARINA), text)
    assert v.label == "off_topic", v.reason
    assert not v.checks["offtopic"]["about_group"]


def test_a_topic_word_as_the_subject_beside_chatter_stays_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(OCARINA), "听了一首世界杯主题曲，想用陶笛吹出来试试")
    assert v.label == "ok", v.reason
    assert "陶笛" in v.checks["offtopic"]["relevant"]


def test_the_day_of_the_group_s_event_still_ties_a_message_beside_chatter(
        profile_moderator: Callable[[str], Moderator]) -> None:
    # 周四 is when the club plays together: asking for cover that evening is its business, whatever the reason
    v = _one(profile_moderator(OCARINA), "这周四晚上缺一个人，谁来补一下位，我老婆要加班")
    assert v.label == "ok", v.reason


def test_an_invitation_s_object_is_read_in_the_clause_that_asks(profile_moderator: Callable[[str], Moderator]) -> None:
    # the 喜酒 is why the member cannot come, not what they invite the others to: nobody is reminded in public
    v = _one(profile_moderator(OCARINA), "明晚缺一个，谁能替我，我要去喝喜酒")
    assert v.action not in ("remind", "delete", "mute"), v.reason
    assert not v.checks["offtopic"].get("invitation"), v.checks["offtopic"]


def test_an_invitation_to_another_pastime_is_still_reminded(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(OCARINA), "今晚有人打王者吗，五排差一个")
    assert v.label == "off_topic" and v.action == "remind", v.reason



ELECTRONICS = """
name: 深水埗电子DIY发烧友
positioning: 喺深水埗一带玩电子DIY嘅朋友交流焊接、电路、元件同埋鸭寮街买料心得
topics: [电子, 焊接, 电路, 元件, 电容, 电阻, 万用表, 烙铁, 鸭寮街]
audience: 香港嘅电子DIY爱好者
type: 兴趣型
"""


def test_cantonese_everyday_words_are_no_shared_jargon(profile_moderator: Callable[[str], Moderator]) -> None:
    # 边度 (where) is speech jieba does not know: two members asking "where" share no term of the group
    m = profile_moderator(ELECTRONICS)
    first, second = [m.moderate({"id": f"t{i}", "user": f"u{i}", "group": "g1", "text": t, "ts": T0 + 60 * i})
                     for i, t in enumerate(["部机又坏咗，今晚去边度修好", "我老婆话要去日本旅行，边度好玩啲"])]
    assert "repeated_jargon" not in second.checks["offtopic"], second.reason
    assert second.label == "off_topic", second.reason


def test_a_request_for_help_with_an_everyday_thing_is_labelled_for_review(
        profile_moderator: Callable[[str], Moderator]) -> None:
    # 电脑, 重装系统: words everybody knows, none of the club's — the chatter model need not lean to chatter
    v = _one(profile_moderator(OCARINA), "有没有人懂怎么给电脑重装系统")
    assert v.label == "off_topic" and v.action == "review", v.reason
    assert v.checks["offtopic"].get("invitation")


@pytest.mark.parametrize("text", ["陶笛圈的人周末有人一起去爬梧桐山吗", "陶笛圈的人都在哪儿买保险，想给爸妈买一份"])
def test_a_topic_word_that_only_names_who_is_asked_ties_nothing(profile_moderator: Callable[[str], Moderator],
                                                                text: str) -> None:
    v = _one(profile_moderator(OCARINA), text)
    assert v.label == "off_topic", v.reason
    assert v.action == "review", v.reason  # no chatter topic word named: a person decides


def test_the_members_addressed_beside_the_group_s_own_business_stay_on_topic(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(OCARINA), "陶笛圈的朋友们，这周四合奏的曲谱我放群文件了")
    assert v.label == "ok", v.reason


@pytest.mark.parametrize("text", ["有冇人知边度可以整iPad", "哪里可以办居住证，下个月要用"])
def test_asking_where_to_get_an_everyday_thing_done_is_a_request(profile_moderator: Callable[[str], Moderator],
                                                                 text: str) -> None:
    v = _one(profile_moderator(OCARINA), text)
    assert v.label == "off_topic" and v.action == "review", v.reason


def test_asking_where_to_get_the_group_s_own_thing_stays_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _one(profile_moderator(OCARINA), "哪里有卖陶笛的，想换个十二孔")
    assert v.label == "ok", v.reason

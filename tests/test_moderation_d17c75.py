"""Round 75, d17c75 (issue 17): a short reply that takes an arrangement on — an acknowledgement, then 那 ("行，那我在地铁站
等你", "明白了，那我再带块减光镜") — right after a message the topic layer tied to the group was sent to review as off-topic:
the chatter model reads it alone and finds everyday words. The thread layer now reads that form (relevance.yaml
``thread_takes_on``) as a reply in the group's thread; after chatter the thread is gone and the same form stays off-topic,
and a chatter topic in the reply still decides. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.offtopic import takes_on
from copilot.textnorm import fold

CYCLING = """
name: 杭州西湖周末骑行群
positioning: 杭州的公路车爱好者每周日早上一起骑行、交流路线和踏频训练，骑行由群主老许带队
topics: [公路车, 骑行路线, 踏频, 爬坡]
audience: 杭州的骑行爱好者
platform: wechat
events:
  - {title: 周日晨骑, kind: 线下活动, cadence: 每周日, time: "06:30", place: 之江路九溪路口}
"""

T0 = 1_767_225_600.0


def _thread(moderator: Moderator, texts: list[str]) -> list[Verdict]:
    """The texts posted in order by different members, 45 seconds apart (one live thread)."""
    return [moderator.moderate({"id": f"c{i}", "user": f"rider{i}", "text": t, "ts": T0 + 45 * i})
            for i, t in enumerate(texts)]


@pytest.mark.parametrize("text, said", [
    ("好的，那我带两个备胎过去", "好的，那"),
    ("行，那我在地铁站等你", "行，那"),
    ("明白了，那我再带块码表", "明白了，那"),
    ("好的好的那我早点出门", "好的好的那"),
    ("OK 那我先去买水", "ok 那"),
])
def test_an_acknowledgement_then_na_takes_on(text: str, said: str) -> None:
    assert takes_on(fold(text)) == fold(said)


@pytest.mark.parametrize("text", ["好的，下次我也试试", "那好吧", "好吃那家在哪", "我觉得行，那条路不堵"])
def test_other_openings_take_nothing_on(text: str) -> None:
    assert takes_on(fold(text)) is None


def test_a_reply_taking_on_the_groups_arrangement_is_not_off_topic(
        profile_moderator: Callable[[str], Moderator]) -> None:
    first, reply = _thread(profile_moderator(CYCLING), [
        "这周日骑九溪爬坡，早上六点半之江路九溪路口集合，头盔一定要戴",
        "行，那我在地铁站等你",
    ])
    assert first.label == Label.OK, first.reason
    assert reply.label == Label.OK, reply.reason
    assert reply.action not in ACTED, reply.reason
    assert (reply.checks.get("offtopic") or {}).get("took_on") == fold("行，那"), reply.reason


def test_the_same_form_after_chatter_stays_off_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    chatter, reply = _thread(profile_moderator(CYCLING), [
        "周末带娃去游乐园排了三个小时的队，腿都站麻了",
        "行，那我在地铁站等你",
    ])
    assert chatter.label == Label.OFF_TOPIC, chatter.reason
    assert reply.label == Label.OFF_TOPIC, reply.reason


def test_a_chatter_topic_in_the_reply_still_decides(profile_moderator: Callable[[str], Moderator]) -> None:
    _, reply = _thread(profile_moderator(CYCLING), [
        "这周日骑九溪爬坡，早上六点半之江路九溪路口集合，头盔一定要戴",
        "好的，那骑完一起去吃火锅",
    ])
    assert reply.label == Label.OFF_TOPIC, reply.reason


def test_the_reason_quotes_the_members_own_words(profile_moderator: Callable[[str], Moderator]) -> None:
    _, reply = _thread(profile_moderator(CYCLING), [
        "这周日骑九溪爬坡，早上六点半之江路九溪路口集合，头盔一定要戴",
        "好的，那我在小区门口等你",
    ])
    assert "好的，那" in reply.reason, reply.reason

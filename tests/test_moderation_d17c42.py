"""Round 42, d17c42 (issue 17): what a group's own recent talk says is its business — a numbered line that carries on
the list a member started in the group (接龙) is that list's, not chatter. Group and messages written for these tests
(a Foshan koi-pond group)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator, Verdict
from copilot.moderation.group_talk import RecentJargon, jargon, list_rule, numbered_items, recent_keep, starts_list
from copilot.moderation.offtopic import a_not_a

KOI = """
name: 佛山锦鲤池塘交流群
positioning: 佛山养锦鲤的朋友交流池塘过滤、水质、开口喂养和品鉴，每季度一起去渔场看鱼
topics: [锦鲤, 池塘, 过滤, 水质, 喂养, 品鉴, 渔场]
audience: 佛山和周边的锦鲤玩家
events:
  - {title: 渔场看鱼, kind: 线下活动, cadence: 2027-03-13, time: "09:00", place: 顺德渔场, host: 阿辉}
"""

T0 = 1_767_225_600.0
LIST = "下个月渔场看鱼接龙：1. 阿辉 2. 阿强"
LINE = "3. 老梁 两条红白"  # a bare name and an item: read alone, nothing ties it to the group


def _chat(moderator: Moderator, texts: list[str], gap: float = 60.0, groups: list[str] | None = None) -> list[Verdict]:
    """The texts posted one after another by different members, ``gap`` seconds apart (in group g1 unless said)."""
    return [moderator.moderate({"id": f"t{i}", "user": f"u{i}", "group": (groups or [])[i] if groups else "g1",
                                "text": t, "ts": T0 + gap * i}) for i, t in enumerate(texts)]


def test_numbered_items_and_lists() -> None:
    assert numbered_items(LIST) == [1, 2]
    assert starts_list(LIST) == 2
    assert numbered_items("接龙 1、张三") == [1] and starts_list("接龙 1、张三") == 1
    # a decimal, a model number or one item without a sign-up word is no list
    assert numbered_items("喷笔口径0.3的够用") == []
    assert starts_list("1. 先把水换了") is None
    assert starts_list("T-34 2. 谁有") is None


def test_a_numbered_line_alone_is_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    # the premise: without the list the line has no word of the group's
    assert _chat(profile_moderator(KOI), [LINE])[0].label == "off_topic"


def test_a_line_that_carries_on_the_group_s_list_is_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    start, line, next_line = _chat(profile_moderator(KOI), [LIST, LINE, "4. 小麦 带两条白写"])
    assert start.label == "ok"
    assert line.label == "ok", line.reason
    assert line.checks["offtopic"]["sign_up_list"] == 3
    assert "接龙" in line.reason
    assert next_line.label == "ok"


def test_no_list_in_another_group_too_late_or_far_off(profile_moderator: Callable[[str], Moderator]) -> None:
    other = _chat(profile_moderator(KOI), [LIST, LINE], groups=["g1", "g2"])[1]
    assert other.label == "off_topic"
    late = _chat(profile_moderator(KOI), [LIST, LINE], gap=list_rule().window_s + 60)[1]
    assert late.label == "off_topic"
    far = _chat(profile_moderator(KOI), [LIST, "9. 老梁 两条红白"])[1]
    assert far.label == "off_topic"


def test_chatter_on_a_numbered_line_stays_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(KOI), [LIST, "3. 有人周末一起吃火锅吗"])[1]
    assert v.label == "off_topic"
    assert "sign_up_list" not in v.checks["offtopic"]


# the group's jargon: a variety's name no profile lists, first said in a message the topic layer ties to the group
SAID = "池塘里那条昭和三色最近不太爱吃，水质没问题"
AGAIN = "我家昭和三色最近老是发呆"  # read alone the chatter model calls it chatter (0.92, d17e53)


def test_jargon_alone_is_chatter_and_words_of_everyday_life_are_no_jargon(
        profile_moderator: Callable[[str], Moderator]) -> None:
    assert _chat(profile_moderator(KOI), [AGAIN])[0].label == "off_topic"
    assert "昭和" in jargon(AGAIN)
    assert not jargon("宿舍楼下那家炸鸡我连吃了三天")


def test_jargon_of_the_group_s_recent_talk_is_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    said, again = _chat(profile_moderator(KOI), [SAID, AGAIN])
    assert said.label == "ok"
    assert again.label == "ok", again.reason
    assert again.checks["offtopic"]["recent_jargon"] == ["昭和"]
    assert "昭和" in again.reason


def test_jargon_of_another_group_is_not_this_group_s(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(KOI), [SAID, AGAIN], groups=["g1", "g2"])[1]
    assert v.label == "off_topic"
    assert "recent_jargon" not in v.checks["offtopic"]


def test_jargon_is_kept_for_a_group_s_last_messages_only(profile_moderator: Callable[[str], Moderator]) -> None:
    memory = RecentJargon()
    memory.learn("g1", SAID)
    assert memory.shared("g1", AGAIN) == ["昭和"]
    for i in range(recent_keep()):  # the group talks of other things since
        memory.learn("g1", f"第{i}次换滤材用了珐琅盆")
    assert memory.shared("g1", AGAIN) == []
    assert memory.shared("g2", AGAIN) == []


# the thread layer: a question asked in the A-not-A form, with no question mark, and several members answering it
ASKED = "池塘过滤要不要加紫外灯"
ANSWER = "加了以后两天就清了 早该买"  # read alone the chatter model leans to chatter (0.63, d17e53)
SECOND = "灯管记得一年一换"


def test_a_not_a() -> None:
    assert a_not_a(ASKED) and a_not_a("这个滤材有没有用")
    assert not a_not_a("池塘过滤要加紫外灯") and not a_not_a("我不去了")


def test_answers_to_an_a_not_a_question_are_its_thread(profile_moderator: Callable[[str], Moderator]) -> None:
    # the premise: each answer alone reads as chatter
    assert _chat(profile_moderator(KOI), [ANSWER])[0].label == "off_topic"
    assert _chat(profile_moderator(KOI), [SECOND])[0].label == "off_topic"
    asked, answer, second = _chat(profile_moderator(KOI), [ASKED, ANSWER, SECOND])
    assert asked.label == "ok"
    assert answer.label == "ok" and answer.checks["offtopic"]["thread_reply"] is True
    # a second member's answer still answers the question
    assert second.label == "ok" and second.checks["offtopic"]["thread_reply"] is True


def test_no_thread_after_the_same_words_as_a_statement(profile_moderator: Callable[[str], Moderator]) -> None:
    assert _chat(profile_moderator(KOI), ["池塘过滤要加紫外灯", ANSWER])[1].label == "off_topic"


def test_a_put_down_of_someone_s_taste_is_abuse_not_chatter(profile_moderator: Callable[[str], Moderator]) -> None:
    m = profile_moderator(KOI)
    v = _chat(m, ["这种审美也好意思把池子晒出来 看得我尴尬"])[0]
    assert v.label == "abuse", v.reason
    assert "审美" in v.reason
    # about the writer's own taste: self-mockery
    assert _chat(profile_moderator(KOI), ["我这审美也敢晒池子 大家轻拍"])[0].label != "abuse"

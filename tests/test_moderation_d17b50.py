"""Round 50, d17b50 (issue 17): what a fresh tester saw — Taiwanese insults, mock praise, admins' warnings, short
replies from the organiser.

- Taiwan's 白目 and a 滚啦 said to someone are rude words (lexicons.yaml abuse.strong), and "有没有大脑" is contempt
  (abuse.contempt); the reason quotes them as the member wrote them, in their own script.
- A title of mastery the message opens on, beside the failing it praises, is mock praise (veiled.yaml mock_praise
  ``title``); the same title in a plain question or in praise is not. Like every veiled form it is weak by itself: it
  is named in the reason, and labels abuse where no other layer claims the message.
- An admin's warning that names the group's sanction if it happens again (veiled.yaml ``sanction``) is the group's
  order: the veiled-abuse model does not speak beside it; a swear word in it is still read.
- A short line from one of the group's organisers (its events' hosts) is not chatter unless it names a chatter topic.
Groups and messages written for these tests (a Taiwan temple-fair volunteers' group, a Hong Kong acupuncture class,
a Suzhou storytelling club)."""

from __future__ import annotations

import pytest

from copilot.moderation.veiled import sanction, veiled_forms

TEMPLE_TW = """
name: 大甲媽祖遶境志工隊
positioning: 大甲媽祖遶境的志工排班、路線、補給站和交通管制，活動前一個月每週開協調會
topics: [遶境, 志工, 排班, 路線, 補給站, 交管, 協調會, 香客, 鑾轎]
audience: 台中大甲一帶的志工
script: zh-Hant
events:
  - {title: 協調會, kind: 线下活动, cadence: 每週三, time: "19:30", place: 鎮瀾宮會議室, host: 阿福伯}
"""

ACU_HK = """
name: 針灸夜校同學會
positioning: 香港針灸夜校同學交流穴位、手法、筆記同實習安排
topics: [針灸, 穴位, 經絡, 手法, 進針, 留針, 艾灸, 筆記, 實習, 考試]
audience: 香港讀緊針灸夜校嘅同學
script: zh-Hant
events:
  - {title: 週二實習, kind: 线下活动, cadence: 每週二, time: "19:00", place: 油麻地課室, host: 黃師傅}
"""

STORY_SZ = """
name: 苏州评话书友会
positioning: 苏州评话书友交流说表、起角色和书目，每月在书场办一次书友会
topics: [评话, 评弹, 说表, 起角色, 书目, 书场, 书友会, 醒木]
audience: 苏州喜欢评话的书友
"""


# --- Taiwanese and Cantonese rude words, quoted as written ------------------------------------------------------------

@pytest.mark.parametrize("text", ["靠北喔，白目", "你真的很白目欸，排班表都不看", "滾啦，不想看到你"])
def test_taiwanese_rude_words_are_abuse(judge, text: str) -> None:
    v = judge(TEMPLE_TW, text)
    assert v.label == "abuse"
    assert "没有明确的辱骂用语" not in v.reason and "沒有明確的辱罵用語" not in v.reason  # the reason is true


def test_the_reason_quotes_the_rude_word_in_the_members_own_script(judge) -> None:
    v = judge(TEMPLE_TW, "滾啦，不想看到你")
    assert "滾啦" in v.reason  # the member's own characters …
    assert "滚啦" not in v.reason  # … not their Simplified form


def test_asking_whether_someone_has_a_brain_is_contempt(judge) -> None:
    assert judge(TEMPLE_TW, "你有沒有大腦啊，路線圖都發三次了").label == "abuse"


@pytest.mark.parametrize("text", ["靠北，今天又下大雨，補給站的帳篷要加固", "志工的大腦要休息，排班別連排三天"])
def test_an_exclamation_and_a_plain_brain_are_not_abuse(judge, text: str) -> None:
    assert judge(TEMPLE_TW, text).label != "abuse"


# --- mock praise opened by a title ---------------------------------------------------------------------------------

def test_a_title_beside_the_failing_it_praises_is_mock_praise() -> None:
    assert veiled_forms("大艺术家啊，连醒木都拍不准还好意思上台") == ["大艺术家啊"]
    assert veiled_forms("神医呀，进针三次都没进对") == ["神医呀"]


@pytest.mark.parametrize("said", ["大师，请问起角色的时候眼神怎么放？", "大师啊，这么长的书目都背下来了，佩服",
                                  "今天请到一位大师啊，连说三回都没冷场"])
def test_a_title_without_a_failing_or_not_opening_the_message_is_not(said: str) -> None:
    assert veiled_forms(said) == []


def test_mock_praise_by_title_is_named_and_not_called_chatter(judge) -> None:
    # a veiled form is weak by itself (the abuse model must lean too): it is named for the admin, never read as chatter
    v = judge(STORY_SZ, "大艺术家啊，连醒木都拍不准还好意思上台")
    assert v.label != "off_topic" and "大艺术家啊" in v.reason
    assert judge(STORY_SZ, "大艺术家啊，连开篇的词都记不住还好意思上台").label == "abuse"


# --- an admin's warning naming the group's sanction ----------------------------------------------------------------

@pytest.mark.parametrize("said", ["点评可以，挖苦不行。再这样阴阳怪气我就请你出群了", "同学之间讲评可以，人身攻击唔得，再有一次我就踢你出去",
                                  "在群里骂人不行，再一次就请你退群"])
def test_an_admins_warning_names_a_sanction(said: str) -> None:
    assert sanction(said)


@pytest.mark.parametrize("said", ["这次说表节奏太快，下次再慢一点", "出群以后还能看到聊天记录吗？"])
def test_feedback_and_a_question_about_leaving_are_no_sanction(said: str) -> None:
    assert not sanction(said)


@pytest.mark.parametrize(("profile", "text"), [
    (STORY_SZ, "老周，点评可以，挖苦不行。再这样阴阳怪气我就请你出群了"),
    (ACU_HK, "阿Ken，同學之間講評可以，人身攻擊唔得，再有一次我就踢你出去"),
    (TEMPLE_TW, "志明，有錯可以私下提醒，在群裡罵人不行，再一次就請你退群"),
])
def test_an_admins_firm_warning_is_not_abuse(judge, profile: str, text: str) -> None:
    assert judge(profile, text).label == "ok"


def test_a_swear_word_beside_a_sanction_is_still_abuse(judge) -> None:
    assert judge(TEMPLE_TW, "你再這樣我就請你退群，白痴").label == "abuse"


# --- the organiser's short replies -------------------------------------------------------------------------------

def _say(profile_moderator, profile: str, user: str, text: str):
    return profile_moderator(profile).moderate({"id": "m1", "user": user, "text": text, "ts": 1_767_225_600.0})


def test_a_short_reply_from_the_organiser_is_not_chatter(profile_moderator) -> None:
    text = "係，仲要等佢自己鬆返先啱"  # the chatter model leans to chatter on it (0.68, d17e53)
    assert _say(profile_moderator, ACU_HK, "黃師傅", text).label == "ok"
    # the same words from a member the profile does not name go to a person as before: the host is what cleared it
    assert _say(profile_moderator, ACU_HK, "阿Ken", text).label == "off_topic"


def test_the_organisers_chatter_is_still_chatter(profile_moderator) -> None:
    assert _say(profile_moderator, ACU_HK, "黃師傅", "今晚睇波，曼聯對利物浦").label == "off_topic"


def test_asking_to_come_late_to_the_groups_session_is_not_chatter(judge) -> None:
    assert judge(ACU_HK, "師傅，我可唔可以遲半個鐘到？").label == "ok"


# --- quotes in reasons are the member's own characters -------------------------------------------------------------

@pytest.mark.parametrize(("profile", "text", "own", "converted"), [
    (TEMPLE_TW, "幹你娘咧，協調會又遲到", "幹你娘", "幹你孃"),  # converting the Simplified match back swaps 娘 for 孃
    (TEMPLE_TW, "你這個白癡，路線都走錯", "白癡", "白痴"),  # … and leaves a Simplified 痴 inside a Traditional reason
    (STORY_SZ, "幹你娘，说表说成这样", "幹你娘", "干你娘"),  # a Simplified group: a Traditional quote is not simplified
])
def test_a_quoted_rude_word_is_as_the_member_wrote_it(judge, profile: str, text: str, own: str, converted: str) -> None:
    v = judge(profile, text)
    assert v.label == "abuse"
    assert own in v.reason and converted not in v.reason


def test_our_own_wording_is_still_in_the_groups_script(judge) -> None:
    v = judge(TEMPLE_TW, "幹你娘咧，協調會又遲到")
    assert "辱罵" in v.reason and "辱骂" not in v.reason


@pytest.mark.parametrize(("text", "folded", "own"), [
    ("幹你娘咧", "干你娘", "幹你娘"),
    ("你這個白癡", "白痴", "白癡"),
    ("加我 Ｖ 信", "v信", "Ｖ 信"),  # full-width and a space inside: the span as written
    ("今天天氣好", "下雨", None),
    ("", "白痴", None),
])
def test_written_span_finds_the_part_that_folds_to_a_match(text: str, folded: str, own: str | None) -> None:
    from copilot.textnorm import written_span
    assert written_span(text, folded) == own


def test_a_held_verdict_with_no_counted_layer_does_not_claim_one() -> None:
    from copilot.moderation.evidence import evidence_note
    assert evidence_note({"layers": {}}, held=True) == "没有一项可以单独处置的依据，不处置"
    assert evidence_note({"layers": {"rule": "辱骂用语"}}, held=True) == "只有一项依据（辱骂用语），不单独处置"


def test_a_head_full_of_dung_is_a_rude_word_named_in_the_reason(judge) -> None:
    v = judge(TEMPLE_TW, "你腦袋裝屎喔，路線講三次了")
    assert v.label == "abuse" and "腦袋裝屎" in v.reason and "沒有髒字" not in v.reason

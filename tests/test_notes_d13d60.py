"""Round 60 (d13d60): chats written by others — a question a member answers with a guess, then the one running the
chat corrects it ("搞到幾點" — "應該12點" — "更正，搞到1點"): the correction is the answer and its speaker the answerer,
whether or not the correction is also read as a decision; and WhatsApp/LINE notice and placeholder lines that were
kept as members' words.

Every chat below was written for these tests (a turtle keepers' club, a sewing repair corner, a cat rescue, a
farmers' market); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

START = datetime(2026, 5, 20, 20, 0)


def _qa(notes, word: str):
    found = [p for p in notes.qa if word in p.question]
    assert found, [p.question for p in notes.qa]
    return found[0]


def test_a_correction_by_the_organiser_replaces_a_members_guess_in_simplified_chinese() -> None:
    notes = chat_notes("缝补站-周阿姨|各位邻居，本周日下午2点社区缝补站在3号楼活动室开张，免费改裤脚",
                       "李姐|开到几点",
                       "小何|好像是到4点",
                       "缝补站-周阿姨|纠正一下，开到5点，4点半以后不再收新活",
                       "李姐|好的",
                       start=START)
    pair = _qa(notes, "几点")
    assert pair.answerer == "缝补站-周阿姨"
    assert "5点" in pair.answer and "4点" not in pair.answer.replace("4点半", "")


def test_an_apology_before_the_correction_still_corrects_in_cantonese() -> None:
    notes = chat_notes("貓義工-Joyce|各位義工，今個禮拜六下晝2點喺北河街街市門口擺領養日",
                       "細芬|幾點要到現場",
                       "Gigi|應該1點半",
                       "貓義工-Joyce|唔好意思更正，要1點到，因為要搭帳篷",
                       "細芬|收到",
                       start=START)
    pair = _qa(notes, "幾點")
    assert pair.answerer == "貓義工-Joyce"
    assert "1點到" in pair.answer and "1點半" not in pair.answer


def test_a_correction_read_as_a_decision_is_the_answer_not_an_addition() -> None:
    notes = chat_notes("市集-阿芳|各位攤主晚安，這週六早上8點小農市集在大安森林公園旁邊，攤位費每攤300元",
                       "茶農小林|幾點可以進場布置",
                       "小美|聽說7點半",
                       "市集-阿芳|更正：7點就可以進場布置，8點開市",
                       "茶農小林|好的",
                       start=START)
    pair = _qa(notes, "進場")
    assert pair.answerer == "市集-阿芳"
    assert "7點半" not in pair.answer


def test_a_guess_that_nobody_corrects_stays_the_answer() -> None:
    notes = chat_notes("蜂场-老杨|本周六上午9点在南山蜂场开取蜜观摩课，每人材料费30元",
                       "蓉蓉|要到几点结束",
                       "小吴|应该11点吧",
                       "蜂场-老杨|大家记得穿长袖",
                       start=START)
    pairs = [p for p in notes.qa if "几点" in p.question]
    assert all(p.answerer != "蜂场-老杨" for p in pairs)


def _reason(text: str, speaker: str = "阿明") -> str | None:
    from copilot.notes.model import Message
    from copilot.notes.noise import noise_reason
    return noise_reason(Message(id=1, time=START, speaker=speaker, text=text))


def test_whatsapp_notices_about_members_are_system_lines() -> None:
    for line in ("\u200e陳生 joined using this group's invite link", "\u200eYou added 阿明", "阿明 left",
                 "陳生透過此群組的邀請連結加入", "訊息已刪除", "\u200e已刪除此訊息", "\u200eMissed voice call"):
        assert _reason(line) == "系统消息", line
    assert _reason("Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
                   "can read or listen to them.") == "平台占位消息"


def test_whatsapp_and_line_placeholders_and_call_lines_are_dropped() -> None:
    assert _reason("\u200e<attached: 00000012-PHOTO-2026-05-12-20-01-33.jpg>") == "平台占位消息"
    assert _reason("[Media omitted]") == "平台占位消息"
    assert _reason("<影音已略去>") == "平台占位消息"
    assert _reason("☎ 未接來電") == "系统消息"
    assert _reason("阿明將群組名稱變更為「小農市集攤主」") == "系统消息"
    assert _reason("Good morning 各位") == "问候/告别/客套"


def test_members_lines_that_look_like_notices_are_kept() -> None:
    assert _reason("我已將重複報名的名字刪除，名單以這份為準") is None
    assert _reason("Hi all，周六8点在东门集合，记得带水") is None
    assert _reason("阿明已加入，明天一起去，名單上記得加佢") is None

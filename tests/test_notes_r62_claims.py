"""The speaker claiming work with no time — "横幅这个我包了，…" (its 了 is no deed done) and "回头我发你" (the time
word before 我) — is the speaker's to-do (round 62, d13b62)."""

from copilot.notes.cues import folded as _fold
from copilot.notes.cues import has
from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions


def _actions(text: str):
    return find_actions(parse_text(text, suffix=".txt").messages)[0]


def test_fronted_work_claimed_with_wo_bao_le_is_the_speakers() -> None:
    chat = ("2027-03-10 20:00:00 队长阿飞\n下个月的友谊赛在东湖球场，横幅和矿泉水要有人准备\n\n"
            "2027-03-10 20:02:00 老孟\n横幅这个我包了，我表哥开广告店\n\n"
            "2027-03-10 20:03:00 队长阿飞\n好嘞\n")
    (banner,) = [a for a in _actions(chat) if "横幅这个我包了" in a.task]
    assert banner.owner == "老孟"
    assert banner.deadline is None


def test_traditional_claim_is_read_the_same_way() -> None:
    chat = ("2027-03-10 20:00:00 主委\n下週六社區市集，帳篷跟延長線誰處理\n\n"
            "2027-03-10 20:02:00 阿福\n帳篷這個我包了，倉庫鑰匙在我這邊\n")
    assert [a.owner for a in _actions(chat) if "帳篷" in a.task] == ["阿福"]


def test_a_claim_already_done_stays_no_to_do() -> None:
    chat = ("2027-03-10 20:00:00 队长阿飞\n球衣的钱大家都交了吗\n\n"
            "2027-03-10 20:02:00 老孟\n我交了，上周就转给你了\n")
    assert not [a for a in _actions(chat) if a.owner == "老孟"]


def test_send_you_later_with_the_time_word_first_is_a_later_promise() -> None:
    assert has(_fold("可以，切图回头我发你，今晚下班前"), "action", "later_promise")
    assert has(_fold("模板迟点我发群里"), "action", "later_promise")
    assert not has(_fold("回头我看看再说"), "action", "later_promise")

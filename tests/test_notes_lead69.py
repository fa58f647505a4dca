"""Round 69 (lead), from the fresh tester qa13r52: notes of a Traditional chat keep each member's name as the chat writes
it in every sentence the notes build themselves (「阿傑拍板」), not only where a line is quoted — OpenCC leaves 杰 as 杰,
so a name spelled with a character that has two Traditional forms came back Simplified in the summary. A chat written
for this test (an amateur astronomers' club on LINE)."""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.script import Restorer

CHAT = """[2026-12-01 20:00] 阿傑: 租車這個我來，九人座，週三前訂好
[2026-12-01 20:01] 小芸: 山上的住宿我來訂，老闆說還有房
[2026-12-01 20:02] 志傑哥: 望遠鏡我帶兩台
[2026-12-01 20:03] Kevin: 同意，集合改下午1點
"""


def _restorer() -> Restorer:
    return Restorer(parse_text(CHAT, "astro.txt"))


def test_a_members_name_comes_back_as_the_chat_writes_it() -> None:
    r = _restorer()
    assert r.text("阿杰拍板，Kevin同意。接下来：阿杰：租车这个我来") == "阿傑拍板，Kevin同意。接下來：阿傑：租車這個我來"
    assert r.text("志杰哥负责望远镜") == "志傑哥負責望遠鏡"  # the longer name wins over the one inside it


def test_other_words_keep_their_own_traditional_form() -> None:
    # 拍板 stays 拍板 although the chat writes 老闆 (another word, not another glyph)
    assert _restorer().text("小芸负责住宿，拍板了") == "小芸負責住宿，拍板了"

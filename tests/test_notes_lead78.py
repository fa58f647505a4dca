"""Round 78 (lead), code health. Who runs a chat is decided in one place (:func:`copilot.notes.reading.chat_runner`),
read two ways. The notes eval's ``owner_group_word`` split's ``named_given`` class reads its giving words (让 / 由 / 交给 …
right before the listed owner's name) from ``notes/eval_why.yaml`` given_before, not from a regex in the eval code."""

from __future__ import annotations

import pytest

from copilot.evals import notes as ev
from copilot.notes.model import ActionItem, KeyPoint, Notes
from copilot.notes.parse import parse_text
from copilot.notes.script import Restorer
from copilot.paths import load_resource

CHAT = """[2026-10-12 19:00] 桂英: 下个月的社区义卖，海报让阿梅做吧，周四前发我看看
[2026-10-12 19:01] 老周: 场地那边交給 @小林 去谈
[2026-10-12 19:02] 桂英: 阿梅周三前把摊位表也发一下
[2026-10-12 19:03] 小林: 我周末去问物业
[2026-10-12 19:04] 桂英: 大家记得带零钱
"""


def _notes(*sources: int) -> Notes:
    return Notes(title="社区义卖", date="2026-10-12", session_type="话题讨论",
                 key_points=[KeyPoint(text="社区义卖", sources=[1])], qa=[], decisions=[],
                 actions=[ActionItem(task="准备", owner="大家", sources=[s]) for s in sources])


@pytest.mark.parametrize(("owner", "source", "kind"), [
    ("阿梅", 1, "named_given"),    # 让 right before the name
    ("小林", 2, "named_given"),    # Traditional 交給 and an @ before the name
    ("阿梅", 3, "named_other"),    # named as the line's subject, not given the work
    ("小林", 4, "speaker"),        # the listed owner said the line
    ("小林", 5, "context"),        # the line names no one
])
def test_a_group_owned_todo_is_split_by_how_its_line_names_the_owner(owner: str, source: int, kind: str) -> None:
    messages = parse_text(CHAT, "fair.txt").messages
    want = ev.ActionSpec(owner=owner, task=["海报"])
    assert ev._group_word_why(_notes(source), want, [0], messages) == kind


def test_a_group_word_listed_as_owner_is_its_own_class() -> None:
    messages = parse_text(CHAT, "fair.txt").messages
    assert ev._group_word_why(_notes(1), ev.ActionSpec(owner="大家", task=["零钱"]), [0], messages) == "group_wanted"


def test_the_giving_words_are_data() -> None:
    words = load_resource("notes/eval_why.yaml")["given_before"]
    assert {"让", "交给", "由"} <= set(words)
    # a verb that names the owner without giving the work is not one of them
    assert not ev._given_before().search("问过阿梅")


# -- who runs the chat: one function, two readings (copilot.notes.reading.chat_runner) -------------------------------
BEES = """[2026-05-08 20:00] 蜂场老陈: 各位蜂友，这周六上午九点在后山蜂场搞摇蜜体验课，每家限两人
[2026-05-08 20:02] 小吕: 要自己带防护服吗
[2026-05-08 20:03] 蜂场老陈: 不用，蜂场有，带双长筒雨靴就行
[2026-05-08 20:05] 阿芳: 小朋友能去吗
[2026-05-08 20:06] 蜂场老陈: 八岁以上可以
"""
ASKED = """[2026-05-08 20:00] 小吕: 周六的摇蜜课还有名额吗
[2026-05-08 20:02] 蜂场老陈: 还有四个
[2026-05-08 20:03] 蜂场老陈: 要来的接龙，写上几个人
"""


def test_the_host_runs_the_chat_in_both_readings() -> None:
    from copilot.notes.reading import chat_runner
    messages = parse_text(ASKED, "bees.txt").messages
    assert chat_runner("群主阿敏", ["蜂场老陈"]) == "群主阿敏"
    assert chat_runner("群主阿敏", ["蜂场老陈"], messages, "话题讨论", opened=True) == "群主阿敏"


def test_without_a_host_the_main_voice_runs_it_but_opens_it_only_when_it_said_the_first_line() -> None:
    from copilot.notes.reading import chat_runner
    posted, asked = parse_text(BEES, "bees.txt").messages, parse_text(ASKED, "bees.txt").messages
    assert chat_runner(None, ["蜂场老陈", "小吕"]) == "蜂场老陈"
    assert chat_runner(None, ["蜂场老陈", "小吕"], posted, "话题讨论", opened=True) == "蜂场老陈"
    # the main voice did not open the chat: nobody runs it in the pairing's reading
    assert chat_runner(None, ["蜂场老陈", "小吕"], asked, "话题讨论", opened=True) is None
    # a talk's main voice is its speaker, who answers as the speaker, not as the one running the chat
    assert chat_runner(None, ["蜂场老陈"], posted, "主讲分享", opened=True) is None
    assert chat_runner(None, []) is None and chat_runner("", [], posted, "话题讨论", opened=True) is None


# -- a Traditional chat's notes say each run of words as the chat says it (from qa13r64) ------------------------------
WATCHES = """[2026-11-28 20:00] 阿明: 下個月嘅修錶工作坊，場地租金係$600一日，唔係$800
[2026-11-28 20:01] 珍姐: 收到，我負責報名表
[2026-11-28 20:02] 阿明: 呢隻錶嘅機芯係瑞士貨，大家小心啲拆
[2026-11-28 20:03] 老陳: 系統話仲有三個位
"""


def test_joined_note_text_takes_each_piece_from_the_chat_as_written() -> None:
    r = Restorer(parse_text(WATCHES, "watches.txt"))
    # 錶 and 係 have one Simplified form each with another word (表, 系): OpenCC alone would write 修表 / 系
    assert r.text("阿明介绍下个月嘅修表工作坊，场地租金系$600一日") == "阿明介紹下個月嘅修錶工作坊，場地租金係$600一日"
    assert r.text("最后：呢只表嘅机芯系瑞士货") == "最後：呢隻錶嘅機芯係瑞士貨"
    # the chat writes 系統 where it means a system: that run keeps it, our own words keep their own form
    assert r.text("老陈说系统还有位") == "老陳說系統還有位"
    assert r.text("本次讨论由阿明发起") == "本次討論由阿明發起"


def test_a_whole_cited_line_is_still_taken_from_its_own_source() -> None:
    r = Restorer(parse_text(WATCHES, "watches.txt"))
    assert r.text("收到，我负责报名表", [2]) == "收到，我負責報名表"
    assert r.text("", [2]) == ""


def test_a_word_beside_punctuation_in_the_chat_does_not_respell_our_own_words() -> None:
    # the chat writes 老闆，: a piece "板，" would turn our own 拍板 into 拍闆
    r = Restorer(parse_text("[2026-11-28 20:00] 阿明: 我問過老闆，十人枱每人$280\n", "boat.txt"))
    assert r.text("阿明拍板，大家同意") == "阿明拍板，大家同意"


def test_a_name_the_shadow_spells_otherwise_survives_a_piece_next_to_it() -> None:
    # 嚮導 is said in the chat, 嚮導阿傑 only as a speaker: the piece 嚮導 must not leave 阿杰 in Simplified
    chat = ("[2026-04-18 20:00] 社長阿德: 保險嚮導那邊處理，4月28日前\n"
            "[2026-04-18 20:01] 嚮導阿傑: OK，我來\n")
    r = Restorer(parse_text(chat, "hike.txt"))
    assert r.text("接下来：向导阿杰负责：保险向导那边处理") == "接下來：嚮導阿傑負責：保險嚮導那邊處理"

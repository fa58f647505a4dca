"""Round 62 (d13f62): a settling line is cut where it gives work (a 你, 我 or member named), but a 我 or a name
inside a title or quote ("《我和我的祖国》", "「我们的家」") gives no one work: the decision keeps it.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2027, 4, 2, 19, 30)


def test_title_with_wo_is_not_cut():
    notes = chat_structure(
        "团长-王姐|国庆合唱比赛唱哪几首？",
        "阿芳|《茉莉花》《雪绒花》，再加一首《我和我的祖国》？",
        "老陈|同意",
        "小丽|好的",
        "团长-王姐|好，曲目就定三首：《茉莉花》《雪绒花》《我和我的祖国》，下周开始排",
        start=START,
    )
    texts = [d.text for d in notes.decisions]
    assert any("《我和我的祖国》" in t for t in texts), texts
    assert not any(t.rstrip().endswith("《") for t in texts), texts


def test_close_still_cut_where_the_speaker_takes_work_after_a_title():
    notes = chat_structure(
        "团长-王姐|联欢会的开场曲用哪首？",
        "阿芳|用《我们的田野》吧，大家都会唱",
        "老陈|同意",
        "小丽|可以",
        "团长-王姐|好，开场就唱《我们的田野》，伴奏我来找",
        start=START,
    )
    texts = [d.text for d in notes.decisions]
    assert any("《我们的田野》" in t for t in texts), texts
    assert not any("伴奏我来找" in t for t in texts), texts

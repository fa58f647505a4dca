"""Round 69 (d13b69): the speaker's own promise set apart by a pause from an acknowledgement ("好，签到表我自己印")
or from what they have to offer is read by its own part when the whole clause reads below the classifier's bar
(:func:`_part_commits`)."""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.structure import _fold, analyze
from copilot.notes.todos import _part_commits

CHAT = """[2026-09-02 20:00] 阿梅: 周六社区义卖，摊位物资大家看一下还缺什么
[2026-09-02 20:01] 小吴: 好，签到表我自己印
[2026-09-02 20:02] 阿强: 我明天去医院
[2026-09-02 20:03] 老黄: 收到，我去年去过
"""


def _owners() -> dict[str, str]:
    st = analyze(parse_text(CHAT, "fair.txt"))
    return {a.task: a.owner or "" for a in st.actions}


def test_a_promise_after_a_reply_word_is_a_to_do() -> None:
    owners = _owners()
    assert any("签到表" in t and o == "小吴" for t, o in owners.items())


def test_a_plan_of_ones_own_or_the_past_stays_out() -> None:
    owners = _owners()
    assert not any("医院" in t or "去年" in t for t in owners)


def test_the_part_read_alone_must_commit() -> None:
    assert _part_commits(_fold("好，签到表我自己印"))
    assert not _part_commits(_fold("签到表我自己印"))  # one part: the whole clause was read already
    assert not _part_commits(_fold("收到，我去年去过"))  # the past, not a promise
    assert not _part_commits(_fold("好的，我能不能自己印？"))  # a question asks, it promises nothing
    # a remark beside the promise is no acknowledgement: the whole clause's reading stands
    assert not _part_commits(_fold("海报定了蓝色的，文件我晚点私发"))  # a report before it
    assert not _part_commits(_fold("横幅我可以帮忙做，不过要等下个月"))  # a reservation after it
    assert not _part_commits(_fold("好的，要领衣服的找我登记就行"))  # the members go to the speaker


def test_what_one_has_to_offer_before_the_promise_does_not_undo_it() -> None:
    assert _part_commits(_fold("椅子不够的话我家有六张折叠椅，我开车拉过去"))
    assert not _part_commits(_fold("我家有六张折叠椅，天气热了"))  # no promise after it

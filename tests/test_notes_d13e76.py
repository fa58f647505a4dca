"""Issue 13 (d13e76, round 76): 交给 / 交俾 / 交由 read two ways. Work given to a member — "海报交给小王，周五前做好",
"毛巾交俾阿芬，禮拜五之前買好", "横幅交给阿杰去印" — is that member's to-do; a thing handed in to a receiver by a day —
"班费周五前交给生活委员阿雯", "報名回條禮拜日前交給Grace" — is everyone's, and the receiver owns no work. Hard negatives:
a finished thing handed over ("表格填好交给班长"), money handed over ("报名费交给财务小李，周五前交齐"), handing in
again in the next clause, a done hand-over ("上次的收款码已经交给小李了"), and a line @-addressed to someone. Chats
written for these tests."""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions


def _actions(chat: str) -> list[tuple[str | None, str, str | None]]:
    acts, _, _ = find_actions(parse_text(chat).messages)
    return [(a.owner, a.task, a.deadline) for a in acts]


def _owner_of(chat: str, words: str) -> list[str | None]:
    return [o for o, t, _ in _actions(chat) if words in t]


SALE = """[2031-11-03 20:00] 会长-老周: 下周六社区义卖，今晚把分工定一下
[2031-11-03 20:01] 会长-老周: 海报交给小王，周五前做好发群里
[2031-11-03 20:02] 会长-老周: 凳子交给阿明，周六前搬到活动室
[2031-11-03 20:03] 会长-老周: 班费周五前交给生活委员阿雯
[2031-11-03 20:04] 小王: 收到
[2031-11-03 20:05] 阿明: 👌
[2031-11-03 20:06] 阿明: 上次的收款码已经交给小李了
"""


def test_work_given_to_a_member_with_a_day_after_is_that_members() -> None:
    assert _owner_of(SALE, "海报") == ["小王"]
    assert _owner_of(SALE, "凳子") == ["阿明"]


def test_a_thing_handed_in_by_a_day_is_everyones_not_the_receivers() -> None:
    assert _owner_of(SALE, "班费") == ["大家"]
    assert _owner_of(SALE, "收款码") == []  # done, no to-do


def test_cantonese_and_traditional_handing_words() -> None:
    chat = """[2031-11-17 19:30] 隊長-阿強: 下個禮拜六龍舟賽，今晚分埋工
[2031-11-17 19:31] 隊長-阿強: 毛巾交俾阿芬，禮拜五之前買好
[2031-11-17 19:32] 隊長-阿強: 鼓交由阿輝，禮拜五之前搬去碼頭
[2031-11-17 19:33] 隊長-阿強: 報名回條禮拜日前交給Grace
[2031-11-17 19:34] 阿芬: 冇問題
[2031-11-17 19:35] Grace: OK
"""
    assert _owner_of(chat, "毛巾") == ["阿芬"]
    assert _owner_of(chat, "鼓") == ["阿輝"]
    assert _owner_of(chat, "回條") == ["大家"]


def test_a_doing_word_right_after_the_name() -> None:
    chat = """[2031-11-10 21:00] 班长-林涛: 期末聚餐的事今晚分一下工
[2031-11-10 21:01] 班长-林涛: 横幅交给阿杰去印，周四前拿回来
[2031-11-10 21:02] 阿杰: 好嘞
"""
    assert _owner_of(chat, "横幅") == ["阿杰"]


def test_things_handed_over_stay_as_they_were() -> None:
    chat = """[2031-11-10 21:00] 班长-林涛: 期末聚餐的事今晚分一下工
[2031-11-10 21:01] 班长-林涛: 报名费交给财务小李，周五前交齐
[2031-11-10 21:02] 班长-林涛: 作业交给课代表阿文，周四前交
[2031-11-10 21:03] 财务小李: 好
[2031-11-10 21:04] 课代表阿文: 收到
"""
    assert "财务小李" not in _owner_of(chat, "报名费")
    assert "课代表阿文" not in _owner_of(chat, "作业")


def test_a_line_addressed_to_someone_keeps_its_addressee() -> None:
    chat = """[2031-11-10 21:00] 班长-林涛: 期末聚餐的事今晚分一下工
[2031-11-10 21:01] 班长-林涛: @小林 海报交给阿杰，周五前做好
[2031-11-10 21:02] 小林: 好
[2031-11-10 21:03] 阿杰: 收到
"""
    assert "阿杰" not in _owner_of(chat, "海报")

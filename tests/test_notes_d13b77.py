"""Issue 13 (d13b77, round 77): a to-do is owned by the member who does it, not by the one who asked or who receives.
"4. 海报：美玲做，周五前给我看初稿" (a host's numbered recap) and "尺码小敏那边收齐了给我就好" are the named member's work —
the 我 only receives it; "…，请阿贤开货车载过去" asks 阿贤, whose "OK，18號晚上我載" gives the day. Hard negatives: the
group told to send something to the speaker ("大家周日前转给我"), a member who only receives ("交到小林那边") or reports
("小李说…转给我就行"), a question put to a member ("請阿賢看看行不行？"), a thank-you, "讓阿賢先休息吧" (let, not asked), a
volunteer told "不用了", and a refusal before someone else takes the work. Chats written for these tests."""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions


def _actions(chat: str) -> list[tuple[str | None, str, str | None]]:
    acts, _, _ = find_actions(parse_text(chat).messages)
    return [(a.owner, a.task, a.deadline) for a in acts]


def _owner_of(chat: str, words: str) -> list[str | None]:
    return [o for o, t, _ in _actions(chat) if words in t]


RECAP = """[2031-12-02 21:00] 群主-老何: 周六的亲子运动会，最后汇总一下分工：
1. 场地：我去跟物业借，周四前确认
2. 奖品：小周负责采购，周五前买齐
3. 报名：大家把孩子名字周三前报给我
4. 海报：美玲做，周五前给我看初稿
[2031-12-02 21:01] 美玲: 好的
[2031-12-02 21:02] 小周: 我顺便买几箱矿泉水？
[2031-12-02 21:03] 群主-老何: 水不用了，物业那边提供
"""


def test_a_recap_line_naming_the_doer_before_a_receiving_me_is_the_doers() -> None:
    assert _owner_of(RECAP, "海报") == ["美玲"]
    assert _owner_of(RECAP, "奖品") == ["小周"]


def test_the_group_sending_to_the_speaker_stays_the_groups() -> None:
    assert _owner_of(RECAP, "孩子名字") == ["大家"]
    assert _owner_of(RECAP, "矿泉水") == []  # offered, then told 不用了


def test_a_member_whose_side_collects_and_hands_to_the_speaker() -> None:
    chat = """[2031-12-08 20:00] 跑团-阿峰: 月底的城市半马，俱乐部统一订团体服
[2031-12-08 20:01] 跑团-阿峰: 尺码小敏那边收齐了给我就好，这周五前
[2031-12-08 20:02] 小敏: 好的
[2031-12-08 20:03] 跑团-阿峰: 团体服每件80，大家周日前转给我
"""
    acts = _actions(chat)
    assert [(o, d) for o, t, d in acts if "尺码" in t] == [("小敏", "2031-12-12")]
    assert [o for o, t, _ in acts if "每件80" in t] == ["大家"]


def test_traditional_side_word_and_receiver() -> None:
    chat = """[2031-12-09 21:00] 社長-建宏: 下週六合歡山行程，裝備跟交通要分一下
[2031-12-09 21:03] 社長-建宏: 保險名單雅婷那邊整理好給我就好，週五前
[2031-12-09 21:04] 雅婷: 收到
[2031-12-09 21:05] 社長-建宏: 大家記得週五前把頭燈電池換好
"""
    assert _owner_of(chat, "保險名單") == ["雅婷"]
    assert _owner_of(chat, "頭燈") == ["大家"]


def test_a_member_who_only_receives_or_reports_does_not_own_it() -> None:
    chat = """[2031-12-10 20:00] 会长-老周: 下周六社区义卖
[2031-12-10 20:01] 会长-老周: 旧物交到小林那边登记，周五前发我清单
[2031-12-10 20:02] 小林: 收到
[2031-12-10 20:03] 会长-老周: 小李说摊位费周五前转给我就行
"""
    assert _owner_of(chat, "旧物") == ["大家"]
    assert _owner_of(chat, "摊位费") == ["大家"]


def test_a_member_asked_by_name_owns_the_work_and_their_reply_gives_the_day() -> None:
    chat = """[2031-12-01 20:00] 團長-美玲: 各位團員晚安，12月20號年終音樂會，今晚把分工排一下
[2031-12-01 20:01] 團長-美玲: 譜架跟音響要從教會搬到活動中心，請阿賢開貨車載過去
[2031-12-01 20:02] 阿賢: OK，18號晚上我載
"""
    acts = _actions(chat)
    assert [(o, d) for o, t, d in acts if "音響" in t] == [("阿賢", "2031-12-18")]
    assert not any(o == "團長-美玲" for o, _, _ in acts)


def test_the_asked_members_own_words_keep_the_work_asked_for() -> None:
    chat = """[2031-12-09 21:00] 社長-建宏: 下週六合歡山行程，裝備跟交通要分一下
[2031-12-09 21:01] 社長-建宏: 請阿哲去租兩頂帳篷
[2031-12-09 21:02] 阿哲: 沒問題，週四下班我去拿
"""
    assert _owner_of(chat, "帳篷") == ["阿哲"]


def test_a_question_or_a_thanks_to_a_member_gives_no_work() -> None:
    chat = """[2031-12-01 20:00] 團長-美玲: 譜架的事，請阿賢看看行不行？
[2031-12-01 20:01] 阿賢: 應該可以
[2031-12-01 20:02] 團長-美玲: 麻煩阿賢了
[2031-12-01 20:03] 團長-美玲: 讓阿賢先休息吧，明天再說
"""
    assert [o for o, _, _ in _actions(chat) if o == "阿賢"] == []


def test_after_a_refusal_the_member_who_takes_it_owns_it() -> None:
    chat = """[2031-12-01 20:03] 團長-美玲: 誰有空去印節目單？大概印一百份
[2031-12-01 20:04] 淑芬: 我那天不行，要陪我媽看醫生
[2031-12-01 20:05] 志明: 我去印吧，公司旁邊就有影印店，19號前拿給妳
[2031-12-01 20:07] 小芸: 我可以幫忙買獻花
[2031-12-01 20:08] 團長-美玲: 獻花不用了，教會那邊會準備
"""
    assert _owner_of(chat, "節目單") == ["志明"]
    assert _owner_of(chat, "獻花") == []


def test_a_move_told_as_news_is_no_work() -> None:
    chat = """[2031-12-01 20:00] 美玲: 跟大家说一下，活动室上个月已经搬到三楼了
[2031-12-01 20:01] 阿賢: 好的，知道了
[2031-12-01 20:02] 小芸: 之前租的帐篷也已经还了
"""
    assert _actions(chat) == []

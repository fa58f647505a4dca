"""Issue 13, round 74 (d13c74): members a line calls by name right before telling them what to do ("上次没量尺寸的芳芳、
李阿姨，周五前把身高腰围发给我", "朵朵妈、浩浩爸，秋游回执明天放学前交给我") each owe the work — not the group; a line
telling the group (大家各自…), listing names in a question, or an @name answer stays as it was.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze


def _chat(lines: list[tuple[str, str]]) -> str:
    return "".join(f"[2031-10-08 {20 + i // 60}:{i % 60:02d}] {who}: {text}\n" for i, (who, text) in enumerate(lines))


def _owners(lines: list[tuple[str, str]], word: str) -> list[str | None]:
    return sorted(a.owner or "" for a in analyze(parse_text(_chat(lines))).actions if word in a.task)


def test_members_called_with_a_trait_each_owe_it() -> None:
    owners = _owners([
        ("队长-秋云", "下周日去区文化馆参加广场舞比赛，说几件事"),
        ("芳芳", "收到"),
        ("李阿姨", "好的"),
        ("队长-秋云", "上次没量尺寸的芳芳、李阿姨，周五前把身高腰围发给我"),
        ("小燕子", "收到"),
    ], "身高腰围")
    assert owners == ["李阿姨", "芳芳"]


def test_members_called_at_the_opening_each_owe_it() -> None:
    owners = _owners([
        ("班主任-周老师", "各位家长好，本周五下午开家长会"),
        ("朵朵妈", "收到"),
        ("浩浩爸", "收到"),
        ("班主任-周老师", "朵朵妈、浩浩爸，秋游回执明天放学前交给我"),
    ], "回执")
    assert owners == ["朵朵妈", "浩浩爸"]


def test_the_group_told_stays_the_groups() -> None:
    owners = _owners([
        ("队长-秋云", "下周日去区文化馆参加广场舞比赛"),
        ("芳芳", "收到"),
        ("李阿姨", "收到"),
        ("队长-秋云", "比赛那天大家各自带水和毛巾，服装费周六前转给我"),
    ], "服装费")
    assert owners == ["大家"]


def test_names_listed_after_you_have_call_no_one() -> None:
    # 「报名的有芳芳、李阿姨」 lists who signed up: the notice after it is still everyone's
    owners = _owners([
        ("队长-秋云", "下周日去区文化馆参加广场舞比赛"),
        ("芳芳", "收到"),
        ("李阿姨", "收到"),
        ("队长-秋云", "报名的有芳芳、李阿姨，周六前把服装费转给我"),
    ], "服装费")
    assert "芳芳" not in owners and "李阿姨" not in owners


def test_an_at_name_answer_is_not_a_call() -> None:
    # the @name of an answer is whom it replies to: "每人选三张…发给我" is everyone's, as before
    owners = _owners([
        ("会长-老邵", "周六拍荷花，早上六点公园门口"),
        ("阿凯", "会长，这次要交作品吗"),
        ("会长-老邵", "@阿凯，要的，每人选三张原图，周四晚上前发给我"),
    ], "原图")
    assert owners == ["大家"]


def test_declining_another_members_invitation_keeps_ones_work() -> None:
    # 「去不了」 right after 「有没有人…一起去…」 answers the invitation: the study work given before stays hers
    owners = _owners([
        ("孙教练", "已经报名的阿芳、小何，这个月25号前在网上完成安全学习，没学完约不了考"),
        ("阿芳", "收到"),
        ("小何", "收到"),
        ("阿芳", "有没有人明晚一起去夜市"),
        ("小何", "去不了 明天要上班"),
    ], "安全学习")
    assert owners == ["小何", "阿芳"]


def test_a_decline_of_the_work_itself_still_gives_it_up() -> None:
    owners = _owners([
        ("社长-老秦", "周六的签到小何你来负责，九点前到"),
        ("阿芳", "周六几点开始"),
        ("小何", "周六我去不了，要加班"),
    ], "签到")
    assert "小何" not in owners

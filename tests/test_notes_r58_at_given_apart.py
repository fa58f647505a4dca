"""A later sentence opening with "@某人 你…" gives its work to that member, not the speaker; two to-dos of one member
on different days stay two unless their work matches; work one organiser gives two members, each with its own day,
is two pieces, not one handed on (round 58, d13d58)."""

from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions


def _actions(text: str):
    return find_actions(parse_text(text, suffix=".txt").messages)[0]


def test_mid_message_at_names_the_owner() -> None:
    chat = ("2029-07-02 19:30:00 社区医生-韩医生\n本周六（7月7日）上午义诊，需要人带血糖仪。"
            "@小陈 你负责带5台血糖仪，周二下午前到护士站领\n")
    (work,) = [a for a in _actions(chat) if "血糖仪" in a.task]
    assert work.owner == "小陈"
    assert work.deadline == "2029-07-03"


def test_given_work_on_another_day_is_not_merged_into_an_offer() -> None:
    chat = ("2029-07-02 19:30:00 社区医生-韩医生\n各位好，本周六（7月7日）上午社区活动中心义诊，谁来负责签到表？\n\n"
            "2029-07-02 19:31:00 小何\n我来，周三晚上我把签到表打印好\n\n"
            "2029-07-02 19:32:00 社区医生-韩医生\n好的。另外还需要人带血糖仪。@小何 你负责带5台血糖仪，周五前到护士站领\n\n"
            "2029-07-02 19:33:00 小何\n好的没问题\n")
    mine = {a.deadline: a.task for a in _actions(chat) if a.owner == "小何"}
    assert "签到表" in mine["2029-07-04"] and "血糖仪" not in mine["2029-07-04"]
    assert "血糖仪" in mine["2029-07-06"]


def test_two_members_given_related_work_on_own_days_keep_both() -> None:
    chat = ("2029-07-02 19:30:00 社区医生-韩医生\n本周六（7月7日）上午义诊，需要人带血糖仪。"
            "@小陈 你负责带5台血糖仪，周二下午前到护士站领\n\n"
            "2029-07-02 19:31:00 小陈\n好的\n\n"
            "2029-07-02 19:33:00 社区医生-韩医生\n血糖仪的试纸交给小李吧，@小李 你周四前买好两盒试纸\n")
    owners = {(a.owner, a.deadline) for a in _actions(chat)}
    assert ("小陈", "2029-07-03") in owners
    assert ("小李", "2029-07-05") in owners

"""Work someone took on with a plain day ("我来，下周三我没事") that the organiser then gives a sooner "…前"
("@小陈 你下周二下午前到护士站领") is due by that "…前": the plain day is when they go, the "…前" is the deadline
(round 58, d13a58; dev qa12 咖啡群 "Joyce負責買豆，下禮拜五之前買好")."""

from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions


def _actions(text: str):
    return find_actions(parse_text(text, suffix=".txt").messages)[0]


def test_a_sooner_due_given_for_volunteered_work_is_its_deadline() -> None:
    chat = ("2026-11-25 19:30:05 护士长王姐\n下周三下午活动室有免费测血糖，谁能来帮忙带血糖仪？\n\n"
            "2026-11-25 19:31:05 小陈\n我来，下周三我没事\n\n"
            "2026-11-25 19:32:05 护士长王姐\n好的谢谢。需要带5台。@小陈 你下周二下午前到护士站领血糖仪\n")
    (work,) = [a for a in _actions(chat) if a.owner == "小陈"]
    assert work.deadline == "2026-12-01"
    assert "下周二下午前" in (work.deadline_text or "")


def test_a_later_plain_day_does_not_replace_a_due() -> None:
    chat = ("2026-11-25 19:30:05 护士长王姐\n@小李 你周五前把海报发群里\n\n"
            "2026-11-25 19:31:05 护士长王姐\n@小李 你周日前把报名表汇总给我\n")
    dated = {a.deadline for a in _actions(chat) if a.owner == "小李"}
    assert "2026-11-27" in dated and "2026-11-29" in dated

"""Owners given by role (财务那边出), by an @ on a line of its own, and nicknames with emoji or a flat number."""
from copilot.notes.parse import parse_text
from copilot.notes.reading import aliases
from copilot.notes.todos import find_actions


def _actions(lines: list[str]):
    return find_actions(parse_text("\n".join(lines) + "\n", suffix=".txt").messages)[0]


def test_role_then_side_gives_the_work_to_the_one_member_with_that_role():
    acts = _actions([
        "[2028-05-17 20:00] 会长老马: 端午的联赛6月3日周六在体育中心5号馆，每队报名费600",
        "[2028-05-17 20:01] 财务-琳姐: 好的",
        "[2028-05-17 20:11] 会长老马: 分工：报名表财务那边出，周五前交到体育中心",
    ])
    form = [a for a in acts if "报名表" in a.task]
    assert form and form[0].owner == "财务-琳姐"
    assert form[0].deadline and str(form[0].deadline).startswith("2028-05-19")


def test_handing_in_to_someones_side_is_no_work_of_theirs():
    acts = _actions([
        "[2028-05-17 20:00] 会长老马: 联赛报名今天开始",
        "[2028-05-17 20:01] 财务-琳姐: 好的",
        "[2028-05-17 20:11] 会长老马: 报名表大家周五前交到财务那边",
    ])
    assert all(a.owner != "财务-琳姐" for a in acts)


def test_an_at_on_its_own_line_gives_the_next_line_to_that_member():
    acts = _actions([
        "[2028-10-25 20:00] 物业-周经理: 3栋电梯11月10日开工，施工45天",
        "[2028-10-25 20:01] 工程部-老郑: 好的",
        "[2028-10-25 20:13] 物业-周经理: @工程部-老郑",
        "老人名单，这周日前统计出来，按楼层排好",
    ])
    names = [a for a in acts if "统计" in a.task]
    assert names and names[0].owner == "工程部-老郑"


def test_an_at_that_answers_on_the_same_line_stays_the_speakers():
    acts = _actions([
        "[2028-10-25 20:00] 6栋-丽丽: 儿童乐园那个滑梯裂了一条缝，孩子昨天划到手了",
        "[2028-10-25 20:05] 物业-小陈: @6栋-丽丽 收到，上午先拉警戒线，新的滑梯配件下周一前换好",
    ])
    assert all(a.owner != "6栋-丽丽" for a in acts)


def test_nicknames_with_emoji_or_a_flat_are_called_without_them():
    assert "阿斌" in aliases("🏸阿斌")
    assert "kiki" in aliases("Kiki🐱")
    assert "张姐" in aliases("🌸3栋张姐")
    assert {"助教", "小芸"} <= aliases("助教小芸")
    assert "班长" in aliases("刘大爷(班长)")

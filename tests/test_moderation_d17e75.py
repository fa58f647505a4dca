"""Round 75, d17e75 (issue 17): abuse a fresh tester saw pass in a group of wheelchair users' families — contempt for
people by their disability (瘫子就该待在家里; 坐轮椅的就别出门给别人添麻烦), a threat to come to a member's home said in
a quarrel (别以为我不知道你住哪), and a bare 滚 at a member (…烦死了，滚). Groups and messages written for these tests (a
Guangzhou group of families of children with cerebral palsy, a Hangzhou running group with blind runners and their
guides, a Xiamen group of hearing-aid users)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict
from copilot.moderation.signals import disabled_slur, dismissal_clause

REHAB = """
name: 广州脑瘫儿童家长互助群
positioning: 脑瘫孩子的家长交流康复训练、辅具、轮椅、入学和报销经验，互相打气；卖药卖保健品、辱骂成员的话不要发
topics: [康复, 辅具, 轮椅, 入学, 报销, 训练]
audience: 脑瘫孩子的家长
type: 互助型
"""

RUNNERS = """
name: 杭州视障跑团
positioning: 视障跑者和陪跑员约西湖和运河边的训练、交流陪跑绳和比赛报名；商家广告不要发
topics: [跑步, 陪跑, 训练, 比赛, 报名, 陪跑绳]
audience: 视障跑者和陪跑志愿者
type: 兴趣型
"""

HEARING = """
name: 厦门助听器用户交流群
positioning: 助听器和人工耳蜗的用户和家属交流验配、调试、电池和手语学习；商家推销不要发
topics: [助听器, 人工耳蜗, 验配, 调试, 电池, 手语]
audience: 听障朋友和家属
type: 互助型
"""


def test_contempt_for_people_by_their_disability_is_deleted_with_a_warning(
        judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((REHAB, "瘫子就该关在家里，带出来给人看笑话"),
                        (REHAB, "坐轮椅的就别来挤早高峰的地铁给人添麻烦"),
                        (RUNNERS, "瞎子就别跑马拉松了，绊倒别人算谁的"),
                        (HEARING, "聋子活该听不见，还好意思在群里问东问西")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.reason)
        assert v.action == "warn", (text, v.action, v.reason)
        assert "歧视残障者" in v.reason, v.reason


def test_members_speaking_of_their_own_disability_or_giving_advice_are_not_abuse(
        judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((REHAB, "我们坐轮椅的出门就是怕给别人添麻烦，其实大家都挺热心的"),
                        (REHAB, "我这瘸子就别去爬白云山了，在山脚等你们"),
                        (REHAB, "坐轮椅的就别走天桥了，绕到路口有无障碍坡道"),
                        (REHAB, "瘫痪的老人就别让他一个人待在家，身边离不开人"),
                        (RUNNERS, "别叫人家瞎子，说视障跑者，大家注意用词")):
        v = judge(group, text)
        assert "歧视残障者" not in v.reason, (text, v.reason)
        assert v.action != "warn", (text, v.action, v.reason)


def test_knowing_where_a_member_lives_said_in_a_quarrel_is_a_threat(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("你再到处说我孩子坏话试试，别以为我不知道你住哪",
                 "我知道你住哪个小区，造谣的事我迟早找你算账"):
        v = judge(REHAB, text)
        assert v.label == "abuse", (text, v.reason)
        assert v.action == "warn", (text, v.action, v.reason)
        assert "威胁/恐吓" in v.reason, v.reason


def test_knowing_where_a_member_lives_to_help_them_is_no_threat(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("我知道你住哪，明天把孩子的站立架给你送过去", "我知道你住哪个小区，周六康复课顺路带上你们"):
        v = judge(REHAB, text)
        assert "威胁/恐吓" not in v.reason, (text, v.reason)
        assert v.action != "warn", (text, v.reason)


def test_a_bare_gun_at_a_member_is_deleted_with_a_warning(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("天天在群里哭穷，看着就烦，滚", "又来发你那套歪理，你给我滚"):
        v = judge(REHAB, text)
        assert v.label == "abuse", (text, v.reason)
        assert v.action == "warn", (text, v.action, v.reason)


def test_gun_inside_a_word_or_told_of_someone_else_is_no_dismissal() -> None:
    rx = dismissal_clause()
    for clause in ("滚", "快滚吧", "你给我滚出去", "赶紧滚"):
        assert rx.fullmatch(clause), clause
    for clause in ("滚雪球", "利滚利", "打滚", "滚滚滚", "他让我滚", "滚动条卡住了", "石头滚下去"):
        assert not rx.fullmatch(clause), clause


def test_ordinary_lines_with_gun_are_left_alone(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((REHAB, "孩子做完康复在垫子上打滚，笑得可开心了"),
                        (REHAB, "轮椅前轮的滚珠松了，大家一般去哪修"),
                        (HEARING, "借钱配助听器千万别碰网贷，利滚利还不起")):
        v = judge(group, text)
        assert v.label == "ok", (text, v.reason)


def test_the_slur_form_needs_a_verdict_and_reads_the_writer_s_own_kind_apart() -> None:
    rx = disabled_slur()
    assert rx.search("瘸子就别报名了")
    assert rx.search("残疾人都是累赘")
    assert not rx.search("以前有人叫我瘸子，我早就不在乎了")
    assert not rx.search("我们这些坐轮椅的就是累赘")
    assert not rx.search("坐轮椅的就是怕给家里添麻烦")
    assert not rx.search("残疾人就该有平等出行的权利")
    assert not rx.search("买轮椅没看合同，吃了哑巴亏活该")

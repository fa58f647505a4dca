"""A line opening with the @ of one other member that says work with no 你 and no 我 of a doer ("@住户-阿伟 梯子
周四前找物业借出来", "@阿凯 发版公告发版前一天写好发我") is that member's to-do, with or without their yes; a reply
opening with a yes, or an answer to that member's own question, stays the speaker's (round 59, d13a59)."""

from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions


def _actions(text: str):
    return find_actions(parse_text(text, suffix=".txt").messages)[0]


def test_work_put_to_the_member_called_is_theirs_without_a_yes() -> None:
    chat = ("2029-10-08 19:00:00 业委会-老周\n各位邻居，3号楼楼道粉刷定在10月20日周六上午9点开始\n\n"
            "2029-10-08 19:01:00 住户-阿伟\n早该刷了\n\n"
            "2029-10-08 19:02:40 业委会-老周\n@住户-阿伟 梯子和滚筒周四前找物业借出来\n\n"
            "2029-10-08 19:04:00 住户-小敏\n涂料是物业出吗\n")
    (work,) = [a for a in _actions(chat) if "梯子" in a.task]
    assert work.owner == "住户-阿伟"
    assert work.deadline == "2029-10-11"


def test_the_called_members_yes_joins_their_work() -> None:
    chat = ("2029-10-15 20:00:00 龍舟會-華哥\n各位，11月3號朝早7點喺大埔海濱公園練習\n\n"
            "2029-10-15 20:02:00 龍舟會-華哥\n@阿Ben 救生衣下個禮拜三前點清楚\n\n"
            "2029-10-15 20:03:00 阿Ben\n收到，禮拜三前點好\n")
    (work,) = [a for a in _actions(chat) if "救生衣" in a.task]
    assert work.owner == "阿Ben"
    assert work.deadline == "2029-10-24"


def test_a_receiving_me_does_not_make_the_speaker_the_doer() -> None:
    chat = ("2029-11-12 20:00:00 项目-老唐\nv2.4 定在11月22日晚上发版\n\n"
            "2029-11-12 20:07:00 项目-老唐\n@阿凯 发版公告周三前写好发我\n\n"
            "2029-11-12 20:09:00 Lena\n测试环境要重置吗\n")
    (work,) = [a for a in _actions(chat) if "发版公告" in a.task]
    assert work.owner == "阿凯"


def test_a_yes_to_the_member_called_stays_the_speakers_promise() -> None:
    chat = ("2029-10-08 19:00:00 住户-阿伟\n@业委会-老周 梯子我借不到，物业说没有\n\n"
            "2029-10-08 19:02:00 业委会-老周\n@住户-阿伟 好的，明天借回来\n")
    assert all(a.owner != "住户-阿伟" for a in _actions(chat) if "借回来" in a.task)

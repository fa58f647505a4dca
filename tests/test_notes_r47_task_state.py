"""Round 47 (issue 13): a task's state over the chat — taken, given up (做不了了 / 还是你来吧 / X替我), traded
(我跟X换一下), taken back by the one who gave it (改由我来), or called off (先不弄了 / 取消): the notes keep only the
last owner, with the date the work was given unless the new owner says their own. Chats written for these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2027, 5, 12, 20, 0)  # a Wednesday; 周五 = 05-14, 下周一 = 05-17, 下周三 = 05-19

_ROSTER = ("团长阿霞|下个月的广场舞比赛今晚分一下工，比赛6月5日周六在文体中心", "小蒋|在", "老白|在",
           "阿珂|收到", "胖姐|好")
_CHATTER = ("小蒋|今天好热", "阿珂|是啊，空调都开了", "胖姐|我家孙子今天又不肯吃饭", "老白|小孩都这样",
            "阿珂|我去买个西瓜", "小蒋|西瓜现在挺甜的")


def _owners(lines: tuple[str, ...], word: str) -> list[tuple[str | None, str | None]]:
    return [(a.owner, a.deadline) for a in chat_structure(*lines, start=START).actions if word in a.task]


def test_work_given_up_late_goes_to_the_one_who_takes_it_with_its_date():
    lines = (*_ROSTER, "团长阿霞|借音响的事交给老白，周五前从社区借回来", "老白|好的", *_CHATTER,
             "老白|不好意思，周五我要去医院陪床，音响我借不了了", "小蒋|音响我来借吧，周五前没问题")
    assert _owners(lines, "音响") == [("小蒋", "2027-05-14")]


def test_work_given_back_to_the_leader_keeps_the_date_it_was_given():
    lines = (*_ROSTER, "胖姐|服装我去取，下周一上午取回来", *_CHATTER,
             "胖姐|阿霞，我脚扭了，服装我取不了了，还是你来吧", "团长阿霞|行，服装我来取")
    assert _owners(lines, "服装") == [("团长阿霞", "2027-05-17")]


def test_work_handed_to_someone_named_even_as_a_question():
    lines = (*_ROSTER, "阿珂|横幅我明天去印", "团长阿霞|好", "胖姐|横幅要多大", "团长阿霞|三米长就行",
             "阿珂|明天临时要加班，横幅小蒋替我去印行不行", "小蒋|行，我明天下班去")
    assert _owners(lines, "横幅") == [("小蒋", "2027-05-13")]


def test_a_trade_swaps_both_members_work():
    lines = (*_ROSTER, "团长阿霞|报名表阿珂负责，下周三前交给主办方", "阿珂|好的", *_CHATTER[:2],
             "团长阿霞|队形图胖姐负责，月底前画好",
             "胖姐|好", "胖姐|阿霞，队形图我跟阿珂换一下吧，她画画比我好，报名我熟",
             "阿珂|可以，我俩换，队形图我来画，月底前没问题", "团长阿霞|行")
    assert _owners(lines, "队形图") == [("阿珂", "2027-05-31")]
    assert _owners(lines, "报名表") == [("胖姐", "2027-05-19")]


def test_work_taken_back_by_the_one_who_gave_it_with_a_new_date():
    lines = (*_ROSTER, "团长阿霞|订大巴老白去问一下价格，下周一前", "老白|好的", *_CHATTER[:2],
             "团长阿霞|大巴改由我来问吧，我认识车队的人，周五前给大家")
    assert _owners(lines, "大巴") == [("团长阿霞", "2027-05-14")]


def test_work_called_off_by_the_leader_is_no_to_do():
    lines = (*_ROSTER, "团长阿霞|@阿珂 比赛那天的午饭你来订，下周一前报个价", "阿珂|收到",
             "团长阿霞|大家周五前把服装费80元转给小蒋", *_CHATTER[:2],
             "团长阿霞|比赛下午就结束了，午饭先不订了，阿珂不用管了")
    found = chat_structure(*lines, start=START).actions
    assert not [a for a in found if "午饭" in a.task]
    # the name in the calling-off line calls off only the work it names: the fee stays the group's
    assert [(a.owner, a.deadline) for a in found if "服装费" in a.task] == [("大家", "2027-05-14")]


def test_a_line_with_a_new_time_calls_nothing_off():
    lines = (*_ROSTER, "团长阿霞|@胖姐 横幅你去印，周五前", "胖姐|好",
             "团长阿霞|横幅不用周五了，取消原来的尺寸，下周三前印好就行")
    assert "胖姐" in [o for o, _ in _owners(lines, "横幅")]


def test_saying_one_cannot_come_to_something_else_keeps_the_work():
    lines = (*_ROSTER, "团长阿霞|@老白 音响你周五前借回来", "老白|好的", *_CHATTER,
             "老白|周日的聚餐我去不了了，家里来客人")
    assert _owners(lines, "音响") == [("老白", "2027-05-14")]


def test_a_member_called_after_a_role_word_is_the_you_of_the_work():
    lines = (*_ROSTER, "小蒋|我明天去买水", "团长阿霞|后勤组长阿珂，道具你下周一前清点一遍")
    assert _owners(lines, "道具") == [("阿珂", "2027-05-17")]


def test_work_handed_on_goes_to_the_one_taking_that_work_not_to_anyone_responsible():
    lines = (*_ROSTER, "团长阿霞|点名小蒋负责", "胖姐|化妆我负责，比赛前一天借齐化妆品", *_CHATTER[:2],
             "小蒋|阿霞，我那天要带孙子，点名换老白好了", "老白|OK 点名我来")
    found = chat_structure(*lines, start=START).actions
    assert [a.owner for a in found if "点名" in a.task] == ["老白"]
    assert [a.owner for a in found if "化妆" in a.task] == ["胖姐"]


def test_this_one_called_off_right_after_it_was_given():
    lines = (*_ROSTER, "团长阿霞|@胖姐 比赛那天的水果你来准备，周五前报个数", "胖姐|好",
             "团长阿霞|算了，这个先不弄了，主办方会发水", *_CHATTER[:2], "团长阿霞|@老白 音响你周五前借回来")
    found = chat_structure(*lines, start=START).actions
    assert not [a for a in found if "水果" in a.task]
    assert [(a.owner, a.deadline) for a in found if "音响" in a.task] == [("老白", "2027-05-14")]


def test_this_one_called_off_after_other_work_was_given_keeps_the_earlier_work():
    lines = (*_ROSTER, "团长阿霞|@胖姐 比赛那天的水果你来准备，周五前报个数", "团长阿霞|@老白 音响你周五前借回来",
             "团长阿霞|这个先不弄了，社区有音响")
    assert [o for o, _ in _owners(lines, "水果")] == ["胖姐"]
    assert _owners(lines, "音响") == []  # "这个" is the work given last


def test_giving_up_an_errand_asked_later_keeps_the_work_taken_before():
    lines = (*_ROSTER, "团长阿霞|横幅谁会做？周五前要挂好", "老白|我会，交给我", "团长阿霞|@老白 横幅架去仓库拿一下",
             *_CHATTER[:3], "老白|阿霞，横幅架我明天走不开，仓库谁帮我去一趟", "小蒋|我去，明天上午顺路")
    found = chat_structure(*lines, start=START).actions
    assert [a.owner for a in found if "谁会做" in a.task] == ["老白"]

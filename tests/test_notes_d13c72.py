"""Round 72 (d13c72): an owner who hands their work to a member by name with no decline passes it on whole — the
work named ("增高垫交给张爸爸吧") or a word standing for it ("这个交给小雨妈妈吧") — with its date. A line naming where
the work goes once done ("填完交给小雨妈妈") names a recipient, not a doer: the recipient is given nothing.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_lines, owned_by

from copilot.notes.handovers import _handed_whole
from copilot.notes.reading import People
from copilot.notes.todos import find_actions

START = datetime(2027, 5, 10, 20, 0)  # a Monday evening

# own work, named, handed on whole with no decline
NAMED = (
    "园长-宋老师|这周六上午亲子野餐，今晚把分工定一下",
    "豆豆爸|儿童增高垫我来借，周五前借到6个",
    "朵朵妈|游戏奖品我来准备，周五前买齐20份",
    "豆豆爸|增高垫交给张爸爸吧",
    "朵朵妈|奖品我再问问大家要什么",
)

# given work handed on by a word standing for it
UNNAMED = (
    "园长-宋老师|这周六上午亲子野餐，今晚把分工定一下",
    "园长-宋老师|@乐乐妈 你周四前把野餐垫和一次性桌布买好",
    "乐乐妈|收到",
    "乐乐妈|这个交给小雨妈妈吧，她家楼下就是超市",
    "小雨妈妈|没问题",
)

# the work stays with its doer; the line only says where it goes once done
RECIPIENT = (
    "园长-宋老师|这周六上午亲子野餐，今晚把分工定一下",
    "园长-宋老师|@朵朵妈 你周五前把签到表填好",
    "小雨妈妈|我周四前把野餐垫买好",
    "朵朵妈|好的，填完交给小雨妈妈",
)


def _actions(lines: tuple[str, ...]):
    return find_actions(chat_lines(*lines, start=START))[0]


def _where(actions):
    return [(a.owner, a.task, a.deadline) for a in actions]


def test_own_work_named_and_handed_on_without_a_decline_is_the_new_members():
    actions = _actions(NAMED)
    assert not owned_by(actions, "豆豆爸"), _where(actions)
    assert any("增高垫" in a.task and a.deadline == "2027-05-14" for a in owned_by(actions, "张爸爸")), _where(actions)
    assert any("奖品" in a.task for a in owned_by(actions, "朵朵妈"))


def test_given_work_handed_on_by_a_word_standing_for_it_is_the_new_members():
    actions = _actions(UNNAMED)
    assert not owned_by(actions, "乐乐妈"), _where(actions)
    assert any("野餐垫" in a.task and a.deadline == "2027-05-13" for a in owned_by(actions, "小雨妈妈")), _where(actions)


def test_where_done_work_goes_gives_the_recipient_nothing():
    actions = _actions(RECIPIENT)
    assert not any("填完" in a.task for a in owned_by(actions, "小雨妈妈")), _where(actions)
    assert any("野餐垫" in a.task for a in owned_by(actions, "小雨妈妈"))
    assert any("签到表" in a.task and a.deadline == "2027-05-14" for a in owned_by(actions, "朵朵妈")), _where(actions)


def test_only_a_whole_hand_over_names_the_new_owner():
    people = People.of(chat_lines(*NAMED, "小雨妈妈|好", start=START))
    assert _handed_whole("增高垫交给张爸爸吧", people, "豆豆爸") == "张爸爸"
    assert _handed_whole("这个就交给张爸爸吧。", people, "豆豆爸", unnamed=True) == "张爸爸"
    assert _handed_whole("增高垫交给张爸爸吧", people, "豆豆爸", unnamed=True) is None  # the work named: not unnamed
    assert _handed_whole("做完发给张爸爸", people, "豆豆爸") is None
    assert _handed_whole("借好了交给张爸爸", people, "豆豆爸") is None
    assert _handed_whole("增高垫交给张爸爸，他周三去拿", people, "豆豆爸") == "张爸爸"
    assert _handed_whole("增高垫交给张爸爸保管到周六", people, "豆豆爸") is None  # more than the hand-over after the name
    assert _handed_whole("增高垫要不交给张爸爸？", people, "豆豆爸") is None  # asked, not handed


# the work named, handed to the one whose role is to collect it: handed in, still the owner's
ROLE = (
    "班长-老郑|下周三前大家把体检表交上来",
    "阿秀|体检表我来收齐，周二前收好",
    "阿秀|体检表交给班长-老郑吧",
)


def test_the_work_named_handed_to_a_role_holder_is_handed_in():
    people = People.of(chat_lines(*ROLE, start=START))
    assert _handed_whole("体检表交给班长-老郑吧", people, "阿秀") is None
    assert _handed_whole("这个交给班长-老郑吧", people, "阿秀", unnamed=True) == "班长-老郑"


# the speaker's own errand of handing a thing over, in the line that gives the work: no hand-over of the work
ERRAND = (
    "老孙|下周六书法展，今晚把布展的事说一下",
    "小唐|展板我来借，周五前借到",
    "老孙|我周四前把两幅字交给小唐",
    "小唐|好的",
)


def test_handing_a_thing_over_as_ones_own_errand_keeps_the_work():
    people = People.of(chat_lines(*ERRAND, start=START))
    assert _handed_whole("我周四前把两幅字交给小唐", people, "老孙") is None
    assert _handed_whole("交给小唐，她管账，周四前交齐", people, "老孙") is None  # no work before the handing word
    assert _handed_whole("两幅字交给小唐吧", people, "老孙") == "小唐"
    actions = _actions(ERRAND)
    assert any("两幅字" in a.task and a.deadline == "2027-05-13" for a in owned_by(actions, "老孙")), _where(actions)

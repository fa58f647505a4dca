"""Round 51 (dev13b51): what a fresh tester saw (issue 13) — work handed back.

(1) an owner who gives up their own promise and asks a named member to stand in ("@阿梅 你周六能帮我顶一下吗"), who says
yes, hands the work to that member, and the member's to-do names the work they took ("接手…"); (2) a later line of the
one who gave the work does not hand it to a member it names only beside other work (a recap: "2. 旗袍费周五前交刘阿姨");
(3) the giver leaving the work open ("那拍照先空着") leaves it with nobody.

Every chat below was written for these tests (a dumpling seller's pre-order group, a seniors' choir-costume team, a
community kitchen rota); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_notes, owned_by

START = datetime(2027, 12, 8, 19, 30)  # a Wednesday evening

_notes = partial(chat_notes, start=START)

# the rest of an evening's talk in the group, so that the lines under test are not read as a side chat
FILLER = (
    "店主阿芬|今年的饺子皮还是手擀的，馅是当天早上现剁的",
    "顾客老吴|猪肉白菜要两盒，取货点在北门哪里",
    "店主阿芬|北门保安亭旁边，周六上午9点到11点都在",
    "顾客小何|韭菜鸡蛋有吗",
    "店主阿芬|有，28元一盒，周六一起取",
    "顾客小何|那我要一盒韭菜鸡蛋",
    "店主阿芬|好的，取货的时候报名字就行",
)


def test_an_owner_asking_a_named_member_to_stand_in_hands_the_work_to_them_named() -> None:
    notes = _notes(
        "店主阿芬|各位，冬至手工饺子开始预订，猪肉白菜30元一盒",
        "店主阿芬|周六上午在阳光小区北门取货，9点到11点",
        *FILLER,
        "小宋|姐，周六取货点我来守",
        "店主阿芬|好，小宋周六守取货点",
        "顾客老吴|我要两盒猪肉白菜",
        "小宋|姐，不好意思，周六单位临时开会，取货点我去不了了",
        "小宋|@阿兰 你周六能帮我顶一下吗",
        "阿兰|可以，周六上午我去守",
        "店主阿芬|谢谢阿兰",
    )
    assert not owned_by(notes.actions, "小宋")
    (taken,) = owned_by(notes.actions, "阿兰")
    assert "取货点" in taken.task and "接手小宋" in taken.task
    assert taken.deadline and taken.deadline.startswith("2027-12-11")


def test_a_stand_in_who_says_no_takes_nothing() -> None:
    notes = _notes(
        "店主阿芬|各位，冬至手工饺子开始预订，猪肉白菜30元一盒",
        *FILLER,
        "小宋|姐，周六取货点我来守",
        "店主阿芬|好，小宋周六守取货点",
        "小宋|姐，不好意思，周六单位临时开会，取货点我去不了了",
        "小宋|@阿兰 你周六能帮我顶一下吗",
        "阿兰|不好意思，我周六没空，要带孩子上课",
        "顾客老吴|我要两盒猪肉白菜",
    )
    assert not owned_by(notes.actions, "小宋")
    assert not any("取货点" in a.task or "接手" in a.task for a in owned_by(notes.actions, "阿兰"))


def test_a_recap_naming_a_member_beside_other_work_does_not_make_them_the_taker() -> None:
    notes = _notes(
        "队长林老师|各位姐妹，重阳合唱演出11月5日周六上午10点，今晚把事情理一下",
        "队长林老师|演出服统一订，每人180元，周五前交给财务何阿姨",
        "何阿姨|收到，我来收",
        "队长林老师|演出录像谁来拍？",
        "钱阿姨|我来拍，我家有摄像机",
        "队长林老师|好，钱姐录像，录完发给郑阿姨剪辑",
        "钱阿姨|林老师，我周六要陪老伴去复查，录像我来不了了",
        "队长林老师|总结：1. 演出11月5日上午10点 2. 演出服每人180元，周五前交何阿姨 3. 周二晚上照常排练",
        "何阿姨|好的",
    )
    assert not any("录像" in a.task for a in owned_by(notes.actions, "何阿姨"))
    assert not any("录像" in a.task for a in owned_by(notes.actions, "钱阿姨"))


def test_the_giver_leaving_the_work_open_leaves_it_with_nobody() -> None:
    notes = _notes(
        "站长老孟|社区食堂下周一的帮厨排一下",
        "老彭|洗菜我来",
        "站长老孟|好，老彭洗菜",
        "老彭|老孟，我周一要去医院拿报告，洗菜做不了了",
        "站长老孟|那洗菜先空着，谁有空再说",
        "站长老孟|小霍，周二切菜你来",
        "站长老孟|大家周日前在群里报一下能来几天，我好排班",
    )
    assert not any("洗菜" in a.task for a in notes.actions if a.owner)


NIGHT = datetime(2027, 11, 18, 22, 0)  # a Thursday, 22:00


def test_a_bare_small_hour_in_a_night_work_chat_is_the_coming_night() -> None:
    notes = chat_notes(
        "值班长老夏|今晚通宵盘点仓库，零点开始，大家带好手电",
        "小葛|收到",
        "值班长老夏|A区货架小葛负责，B区我来",
        "小葛|好",
        "阿铭|盘点表几点交",
        "值班长老夏|4点前盘点表交到办公室，5点半开始交班",
        "阿铭|好的",
        "小葛|食堂夜宵有吗",
        "值班长老夏|有，两点去拿",
        start=NIGHT,
    )
    (due,) = [a for a in notes.actions if "盘点表" in a.task]
    assert due.deadline == "2027-11-19 04:00"


def test_a_bare_small_hour_in_a_day_chat_keeps_its_afternoon_reading() -> None:
    notes = chat_notes(
        "班主任王老师|明天春游，大家早上8点在校门口集合",
        "家长小吴|收到",
        "班主任王老师|回执单3点前交给班长",
        "家长小吴|好的",
        start=NIGHT,
    )
    (due,) = [a for a in notes.actions if "回执单" in a.task]
    assert due.deadline == "2027-11-19 15:00"


def test_small_hours_reads_only_a_bare_hour_said_in_the_evening() -> None:
    from copilot.notes.dates import small_hours

    assert small_hours("2027-11-19 15:00", "3点前", NIGHT) == "2027-11-19 03:00"
    assert small_hours("2027-11-18 16:30", "4点半前", NIGHT) == "2027-11-19 04:30"
    assert small_hours("2027-11-19 15:00", "下午3点前", NIGHT) is None  # the part of the day is said
    assert small_hours("2027-11-19 15:00", "3点前", datetime(2027, 11, 18, 10, 0)) is None  # said in the morning
    assert small_hours("2027-11-19 20:00", "8点前", NIGHT) is None  # not a small hour


def test_a_customer_changing_their_own_order_is_no_decision() -> None:
    notes = _notes(
        "店主阿芬|各位，冬至手工饺子开始预订，猪肉白菜30元一盒",
        *FILLER,
        "顾客老吴|不好意思改一下，我的猪肉白菜改成三盒",
        "店主阿芬|好的老吴，已改",
        "顾客小何|订单我想改一下，韭菜鸡蛋换成两盒",
        "店主阿芬|收到",
        "店主阿芬|统一说一下：取货定在周六上午，外地的顺丰到付",
    )
    assert not any("三盒" in d.text or "两盒" in d.text for d in notes.decisions)
    assert any("周六上午" in d.text for d in notes.decisions)
    assert "三盒" not in (notes.title or "")

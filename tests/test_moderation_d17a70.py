"""Round 70, d17a70 (issue 17): a doctor called a quack or a crook (庸医, 黑心医生) is abuse; a chain letter that promises a
surprise for forwarding to a counted audience (转发给12个好友就有惊喜) is spam while an organiser's notice with a surprise is
not; a student's own used textbook passed on with its marks (有划线, 笔记很少) is their own thing whether the handle is a
phone number or a WeChat id. Groups and messages written for these tests (a hospital's rehab group, a campus book swap)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import REMOVED, Label
from copilot.profile import parse_profile_text

REHAB = """
name: 城东医院髋关节术后康复群
positioning: 做过髋关节手术的病友和家属交流术后康复、复查和用药，群里有康复科的刘医生和周医生答疑
topics: [髋关节, 康复训练, 复查, 用药, 助行器, 伤口]
audience: 做过髋关节手术的病友和家属
type: 互助型
"""

BOOKS = """
name: 江南财经大学二手书交换群
positioning: 本校同学之间转让、交换自己用过的教材和考证资料，毕业季清书；书商和打印店不行
topics: [教材, 二手书, 考证资料, 笔记, 转让, 交换]
audience: 江南财经大学在校学生
type: 交易型
"""

say = partial(say, gap=120)


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile))


@pytest.mark.parametrize("text", [
    "刘医生你就是个庸医，我爸练了一个月还是走不了路",
    "那个姓周的黑心医生，开一堆没用的药",
    "你这个黑心大夫，别在群里装好人了",
])
def test_a_doctor_called_a_quack_or_a_crook_is_abuse(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, REHAB), text)
    assert v.label == Label.ABUSE, v.reason


@pytest.mark.parametrize("text", [
    "现在庸医太多了，复查一定要去正规医院",  # the kind outside the group: venting, no member named
    "遇到黑心医生只能认栽，大家换药还是去三甲医院吧",
])
def test_quacks_in_general_are_vented_at_not_a_member_called_names(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, REHAB), text)
    assert v.label != Label.ABUSE, v.reason


@pytest.mark.parametrize("text", [
    "转发给12个好友，就有惊喜",
    "把这条发给8个同学，下周考试全过，很灵验",
    "分享给20个同事，明天就会有意外之喜",
])
def test_a_surprise_for_forwarding_to_a_counted_audience_is_a_chain_letter(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, REHAB), text)
    assert v.label == Label.SPAM, v.reason
    assert any(s["name"] == "chain_letter" for s in v.checks["signals"])


@pytest.mark.parametrize("text", [
    "周日下午康复操活动在住院部三楼，来的病友有小惊喜，欢迎转发给身边的朋友",
    "给3个病友带了复查的注意事项，他们说是个惊喜",
])
def test_a_surprise_without_a_counted_audience_is_no_chain_letter(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, REHAB), text)
    assert v.label != Label.SPAM, v.reason


@pytest.mark.parametrize("text", [
    "出《中级财务会计》第六版，有划线，12元，要的打电话13511224488",
    "出《中级财务会计》第六版，有划线，12元，要的加微信 cwkj_2021",
    "《税法》教材书很新，6块钱拿走，联系13688997711，晚上在北门",
])
def test_an_own_used_textbook_with_one_handle_is_not_deleted(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, BOOKS), text)
    assert v.action not in REMOVED, v.reason
    assert v.label == Label.OK, v.reason


def test_a_bookseller_with_a_phone_is_still_an_ad(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, BOOKS), "本店常年批发各专业教材，全新正版，量大从优，订书电话13511224488")
    assert v.label == Label.AD, v.reason


BAKES = """
name: 苏州手作甜点小组
positioning: 喜欢在家做甜点的朋友交流配方、模具和翻车经验，成员可以出售自己亲手做的甜点；商家广告和代购不行
topics: [甜点, 蛋糕, 马卡龙, 配方, 模具, 奶油, 烤箱]
audience: 苏州的家庭甜点爱好者
type: 兴趣型
"""


@pytest.mark.parametrize("text", [
    "自己做的抹茶巴斯克，一个六十，要的打我电话15262018833，园区自取",
    "自己烤的肉桂卷18元一盒，要的加我微信 sz_cinnamon7",
])
def test_a_members_own_bake_where_the_profile_lets_members_sell_them_is_left(tmp_path: Path, text: str) -> None:
    v = say(_mod(tmp_path, BAKES), text)
    assert v.label == Label.OK, v.reason
    assert v.action == "none", v.reason


def test_a_bakery_pitch_there_is_still_an_ad(tmp_path: Path) -> None:
    v = say(_mod(tmp_path, BAKES), "自己做的马卡龙批发价供应，量大从优，加微信 mkl_pifa66")
    assert v.label == Label.AD, v.reason


def test_an_own_bake_where_the_profile_grants_no_sale_is_not_passed_as_the_groups_business(tmp_path: Path) -> None:
    profile = BAKES.replace("，成员可以出售自己亲手做的甜点", "")
    v = say(_mod(tmp_path, profile), "自己做的抹茶巴斯克，一个六十，要的打我电话15262018833，园区自取")
    assert v.action != "none" or v.label != Label.OK, v.reason

"""Round 61, d17a61 (issue 17: legitimate messages acted on in groups never seen): a stranger's own matter with a number
— a driver asking the owner of the car that blocks theirs to move it, parents of one team of a class project finding each
other, a parent asking for a spare thing they fetch themselves — is what the number is for (evidence.yaml ``purposes``:
move_car, team_up, pick_up), not a pitch; the same words with a price list, a course or a buyer's trade stay ads.
Groups and messages written for these tests (an office tower's tenants, a class's parents)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator
from copilot.moderation.evidence import notice_purpose
from copilot.moderation.labels import ACTED, Label
from copilot.moderation.normalise import normalise

TOWER = """
name: 锦江大厦租户群
positioning: 锦江大厦各公司员工和物业的群：停车、门禁、报修、失物招领；外部推销、贷款不要发
topics: [停车, 门禁, 报修, 失物招领, 电梯, 快递]
audience: 锦江大厦入驻公司的员工
"""

PARENTS = """
name: 育才小学三（4）班家长群
positioning: 班主任发通知，家长沟通孩子的作业和班级活动；不发培训机构广告、不拉票
topics: [作业, 通知, 班级活动, 家长会, 小组作业, 手工]
audience: 三（4）班学生家长
"""


def test_a_driver_asking_for_a_car_to_be_moved_is_not_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(TOWER)
    for i, text in enumerate(["地库B1那辆黑色SUV苏E·7M31K堵住我车位了，车主麻烦挪一下，我电话13962215408",
                              "我临时停在卸货区了，车牌苏E6P2Q9，要挪的话打我电话 151 9000 4471"]):
        v = mod.moderate({"id": f"c{i}", "user": f"zuhu{i}", "text": text})
        assert v.label != Label.AD and v.action not in ACTED, v.reason
        assert "挪车" in v.checks["reach_notice"]


def test_a_parking_business_with_the_same_words_stays_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(TOWER).moderate({"id": "p1", "user": "u_cw", "text":
                                           "车位出租，月租380，再也不用担心挪车，需要的联系 13800261174"})
    assert v.label == Label.AD and "reach_notice" not in v.checks, v.reason


def test_parents_of_one_team_finding_each_other_is_no_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(PARENTS).moderate({"id": "t1", "user": "mama_lin", "text":
                                             "我是林可欣妈妈，孩子和周航、许诺分在一组做树叶标本，麻烦两位家长加我微信 lin_kx0612 拉个小群"})
    assert v.label != Label.AD and v.action not in ACTED, v.reason


def test_a_tutor_pitching_to_a_team_is_still_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(PARENTS).moderate({"id": "t2", "user": "u_fd", "text":
                                             "小组作业不会做？我们机构一对一辅导，三人一组报名优惠，加微信 fd_edu88"})
    assert v.label == Label.AD and v.action in ACTED, v.reason


def test_a_parent_asking_for_a_spare_thing_and_fetching_it_is_no_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(PARENTS).moderate({"id": "k1", "user": "baba_he", "text":
                                             "孩子手工课要用旧的鞋盒，谁家有多余的给我一个，电话13588420716，我上门拿"})
    assert v.label != Label.AD and v.action not in ACTED, v.reason


def test_the_purposes_read_the_matter_not_a_buyer_of_goods() -> None:
    assert notice_purpose(normalise("麻烦挪一下车，电话13962215408").folded) is not None
    assert notice_purpose(normalise("高价回收旧家电，我上门拿，电话13577665544").folded) is None
    assert notice_purpose(normalise("孩子和你家乐乐分在一组做调查，加我微信").folded) is not None
    assert notice_purpose(normalise("英语辅导三人一组，加我微信").folded) is None


def test_a_set_of_things_is_no_team() -> None:
    """一组 is as often a set of things: a wheel set on sale with a number is no team finding each other."""
    assert notice_purpose(normalise("全新碳纤维轮组一组只要8800，数量有限，电话0926771305").folded) is None
    assert notice_purpose(normalise("我们组在招数据工程师，有兴趣的私我").folded) is None

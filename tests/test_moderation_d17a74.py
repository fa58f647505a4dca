"""Round 74, d17a74 (issue 17): members' own lines read as abuse or ads — warm words to the group's own kind
(你们这些…辛苦了), scolding one's own pet (臭狗子给我滚出去), a newcomer's introduction with their QQ — and a member
called a cheat to their face (你这个骗子), which nothing read. Groups and messages written for these tests (a
Hefei dialysis group, a Suzhou dog owners' group, a Xiamen amateur-radio QQ group, a Changsha neighbours' group)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict
from copilot.moderation.veiled import kind_cheered

DIALYSIS = """
name: 合肥腹透血透病友群
positioning: 合肥的透析病友和家属交流透析、饮食、控水和报销经验，互相鼓励；卖药卖保健品的不要发
topics: [透析, 血透, 腹透, 控水, 饮食, 报销, 护士]
audience: 透析病友和家属
type: 互助型
"""

DOGS = """
name: 苏州金鸡湖遛狗群
positioning: 园区的狗主人约遛狗、交流喂养训练和看病经验；卖狗、宠物店广告不要发
topics: [遛狗, 狗粮, 训练, 疫苗, 驱虫, 宠物医院, 绝育]
audience: 园区的狗主人
type: 兴趣型
"""

RADIO = """
name: 厦门业余无线电交流群
positioning: 厦门的火腿交流电台、天线、中继和通联，新人入群请报呼号做个自我介绍；商家卖货、拉人进别的群不要发
topics: [呼号, 电台, 天线, 中继, 通联, 短波, 考证]
audience: 厦门的业余无线电爱好者
type: 兴趣型
platform: qq
"""

NEIGHBOURS = """
name: 长沙岳麓山水苑邻里群
positioning: 山水苑的邻居互相帮忙、反映物业问题、借东西、转让闲置；商家广告不要发
topics: [物业, 停车, 快递, 闲置, 借东西, 维修]
audience: 山水苑的业主和租户
type: 生活型
"""


def test_warm_words_to_the_group_s_own_kind_are_not_contempt(judge: Callable[[str, str], Verdict]) -> None:
    assert kind_cheered("你们这些天天守在血透室的护士姐姐太辛苦了") == ""
    assert kind_cheered("你们这些陪床的家属也不容易，自己也要保重身体") == "自己也要保重身体"
    assert kind_cheered("你们这些做微商的都是骗子") is None
    for text in ("你们这些天天守在血透室的护士姐姐太辛苦了，谢谢你们",
                 "你们这些陪床的家属也不容易，自己也要保重身体"):
        v = judge(DIALYSIS, text)
        assert v.label == "ok", (text, v.reason)


def test_contempt_for_a_kind_is_still_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(DIALYSIS, "你们这些卖保健品的都是骗子，专门来坑病人的钱")
    assert v.label == "abuse", v.reason
    # praise beside a misdeed laid on the kind is sarcasm, not warmth
    assert kind_cheered("你们这些卖保健品的真是辛苦了，天天忽悠老人") is None
    v = judge(DIALYSIS, "你们这些卖保健品的真是辛苦了，天天忽悠老人")
    assert v.label == "abuse", v.reason


def test_scolding_one_s_own_dog_is_not_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(DOGS, "臭狗子给我滚出去，又把我刚买的拖鞋叼到阳台了")
    assert v.label == "ok", v.reason
    assert v.action == "none"


def test_the_same_words_at_a_member_are_abuse(judge: Callable[[str, str], Verdict]) -> None:
    # the member is addressed (你): the pet beside the insult no longer speaks for it
    v = judge(DOGS, "滚出去吧，你跟你家那只臭狗一样讨人嫌")
    assert v.label == "abuse", v.reason
    # … and a keeper named by the pet (养狗的) is a person
    v = judge(DOGS, "养狗的都给我滚出去，天天在小区里拉屎")
    assert v.label == "abuse", v.reason
    # … and so are members called by the pet's name (狗子们)
    v = judge(DOGS, "滚出去吧狗子们，别在群里天天刷屏了")
    assert v.label == "abuse", v.reason


def test_a_member_called_a_cheat_to_their_face_goes_to_review(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(NEIGHBOURS, "小陈你这个骗子，收了我的定金人就不见了，电话也不回")
    assert v.label == "abuse", v.reason
    assert v.action == "review"  # a dispute: a person decides who is right, the bot takes no side


def test_a_cheat_warned_of_or_quoted_is_no_accusation(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("提醒一下，冒充物业上门收停车费的就是骗子，大家别转钱",
                 "他在楼下当着大家的面骂我“你就是个骗子”，管理员帮忙看看",
                 "要是楼下有人说你是个骗子，别跟他吵，直接找物业调监控"):
        v = judge(NEIGHBOURS, text)
        assert v.label != "abuse", (text, v.reason)


def test_a_newcomer_s_introduction_with_their_qq_is_not_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(RADIO, "新人报到，呼号BG5MKD，家在集美，刚装好短波天线，QQ 2398104567，请各位前辈多指教")
    assert v.label == "ok", v.reason
    assert v.action == "none"


def test_a_seller_introducing_themself_is_still_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("新人报到，二手电台天线低价出，需要的加QQ 2398104567",
                 "新人报到，本人开无线电器材店，手台天线都有，加我QQ 2398104567",
                 "大家好我是新来的，这款对讲机群友价399，加我QQ 2398104567"):
        v = judge(RADIO, text)
        assert v.label == "ad", (text, v.reason)

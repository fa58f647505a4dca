"""Round 54 (d17d54, issue 17 QA): on-topic questions of a clinic's patients' group, the clinic's own aftercare notice,
a club's fee reminder, admins' stern notices in the stats, one true statement about what of a huge message was read.
Realistic, self-written messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

CLINIC = """
name: 康齿口腔门诊·复诊患者群
positioning: 康齿口腔门诊的患者交流群，护士答疑术后护理、预约复诊，发布门诊的科普和活动
topics: [口腔护理, 种植牙, 洗牙, 牙齿矫正, 预约复诊]
audience: 在本门诊看牙的患者和家属
"""

CLUB = """
name: 城南大学登山社
positioning: 登山社社员交流群，组织周末登山、分享路线和装备经验
topics: [登山, 徒步, 路线, 装备, 户外]
audience: 城南大学在校学生
"""

PARENTS = """
name: 东区宝妈闲置互换群
positioning: 东区宝妈互相转让、交换宝宝用不到的闲置用品，面交为主
topics: [宝宝用品, 闲置, 交换, 童装, 推车, 面交]
audience: 东区家有0到6岁宝宝的家长
"""


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile))


@pytest.mark.parametrize("text", ["智齿拔了两天脸还肿着，要不要冰敷？", "拔牙以后多久能用漱口水？",
                                  "今天下午的号排到几号了，我还要等多久", "补完牙那颗牙咬东西有点酸，正常吗"])
def test_a_clinic_groups_own_questions_are_on_topic(tmp_path: Path, text: str) -> None:
    v = _mod(tmp_path, CLINIC).moderate({"user": "p1", "group": "g", "text": text})
    assert v.label == "ok" and v.action == "none", v.reason


def test_chatter_in_a_clinic_group_is_still_off_topic(tmp_path: Path) -> None:
    v = _mod(tmp_path, CLINIC).moderate({"user": "p2", "group": "g", "text": "昨晚那部综艺最后一期你们看了没，笑死我了"})
    assert v.label == "off_topic"


def test_a_paediatrician_recommended_among_parents_is_on_topic(tmp_path: Path) -> None:
    v = _mod(tmp_path, PARENTS).moderate({"user": "m1", "group": "g",
                                          "text": "推荐一下东区的儿科，王医生看得很仔细，挂号费60"})
    assert v.label == "ok", v.reason


def test_the_clinics_own_aftercare_notice_is_no_ad(tmp_path: Path) -> None:
    mod = _mod(tmp_path, CLINIC)
    v = mod.moderate({"user": "nurse", "group": "g",
                      "text": "温馨提示：洗牙后两小时内不要吃太烫的东西，牙龈出血多的请及时联系门诊"})
    assert v.label == "ok", v.reason
    # … but a pitch with a contact is still an ad
    ad = mod.moderate({"user": "x", "group": "g",
                       "text": "温馨提示：私人种植牙一颗只要2980，比门诊便宜一半，加微信 zhongya2980 预约"})
    assert ad.label == "ad" and ad.action == "delete"


def test_a_fee_reminder_without_insults_is_not_abuse(tmp_path: Path) -> None:
    mod = _mod(tmp_path, CLUB)
    for user, role in (("m", None), ("head", "admin")):
        msg = {"user": user, "group": "g", "text": "没交活动费的同学这周登山就别来了，群里说了好几次了"}
        if role:
            msg["role"] = role
        v = mod.moderate(msg)
        assert v.label == "ok" and v.action == "none", v.reason
    rude = mod.moderate({"user": "m2", "group": "g", "text": "没交活动费的就别来了，你个白痴听不懂吗"})
    assert rude.label == "abuse"


def test_an_admins_stern_words_without_insults_are_not_counted_as_abuse(tmp_path: Path) -> None:
    mod = _mod(tmp_path, CLUB)
    stern = mod.moderate({"user": "head", "group": "g", "role": "admin", "text": "说了多少遍了，你怎么还是听不懂人话"})
    assert stern.label == "ok" and stern.action == "none" and "没有辱骂用语" in stern.reason
    rude = mod.moderate({"user": "head", "group": "g", "role": "admin", "text": "你个傻逼，滚出这个群"})
    assert rude.label == "abuse" and rude.action == "none"  # an insult word is abuse, whoever says it
    stats = mod.audit.stats("g")
    assert stats["by_label"].get("abuse") == 1


def test_a_huge_message_says_one_true_thing_about_what_was_read(tmp_path: Path) -> None:
    mod = _mod(tmp_path, CLUB)
    lines = ["今天走的是北坡那条线，前半段全是碎石。", "下山的时候膝盖有点疼，下次要带护膝。", "山顶风很大，冲锋衣一定要带。",
             "路上遇到另一支队伍，一起拍了合照。", "补给点的水不够，下次每人多背一瓶。"]
    notes = "".join(lines[i % len(lines)] + f"（{i}）" for i in range(2600))
    assert len(notes) > 50_000
    mid = len(notes) // 2
    v = mod.moderate({"user": "w", "group": "g", "text": notes[:mid] + "招兼职日结三百，加微信 job88866 详聊" + notes[mid:]})
    assert v.label == "ad"
    assert "逐段读过" not in v.reason and "中间没有读" not in v.reason
    assert "没有读" in v.reason and "广告在第" in v.reason


def test_a_product_written_as_text_is_refused_with_its_keys_and_an_example() -> None:
    from copilot.profile import ProfileError

    with pytest.raises(ProfileError) as err:
        parse_profile_text(CLINIC + "products: [儿童涂氟 49元]\n")
    said = str(err.value)
    assert "name" in said and "price" in said and "unit" in said and "{name: 儿童涂氟, price: 49, unit: 次}" in said
    ok = parse_profile_text(CLINIC + "products:\n  - {name: 儿童涂氟, price: 49, unit: 次}\n")
    assert ok.products[0].price == 49


def test_a_product_written_as_its_bare_name_is_that_name_without_a_price() -> None:
    """A selling group's profile lists what the organiser sells by name, as operators write it (round 61's blind
    writer did): each is a product with no price, so the copy agent asks for one instead of the load failing."""
    p = parse_profile_text(CLINIC + "products: [儿童涂氟, 窝沟封闭, 「成人洁牙」套餐]\n")
    assert [x.name for x in p.products] == ["儿童涂氟", "窝沟封闭", "「成人洁牙」套餐"]
    assert all(x.price is None and x.unit == "件" for x in p.products)
    from copilot.profile import ProfileError

    with pytest.raises(ProfileError):  # a figure in the line may be a price: still refused with the keys
        parse_profile_text(CLINIC + "products: [儿童涂氟, 洁牙 2次]\n")
    with pytest.raises(ProfileError):  # an empty line is no product
        parse_profile_text(CLINIC + "products: ['  ']\n")


def test_a_bare_name_whose_figures_are_a_letter_code_is_still_a_name() -> None:
    """Round 62's blind writer listed a driving school's courses as "C1/C2驾驶培训": the figures belong to the licence
    codes, not a price, so the line is a name; a figure standing on its own (a price, a count) is still refused."""
    from copilot.profile import ProfileError

    p = parse_profile_text(CLINIC + "products: [C1/C2驾驶培训, 4K投影仪出租, Ｂ２增驾]\n")
    assert [x.name for x in p.products] == ["C1/C2驾驶培训", "4K投影仪出租", "Ｂ２增驾"]
    assert all(x.price is None for x in p.products)
    for line in ("C1驾驶培训 3980元", "科目二陪练 2小时", "C1/C2驾驶培训¥4200"):
        with pytest.raises(ProfileError):
            parse_profile_text(CLINIC + f"products: [{line}]\n")


HOME = """
name: 阳光花园装修交流群
positioning: 阳光花园业主交流装修经验、比价、推荐靠谱师傅
topics: [装修, 水电, 瓷砖, 报价, 师傅]
audience: 阳光花园业主
"""


def test_a_classifier_only_ad_says_what_reads_like_a_pitch(tmp_path: Path) -> None:
    v = _mod(tmp_path, HOME).moderate({"user": "o1", "group": "g",
                                        "text": "水电改造报价出来了，开槽按米算，一米35，全屋算下来两万出头"})
    # labelled on the classifier alone (a member's price talk): reviewed, and the reason says so in plain words
    assert v.label == "ad" and v.action == "review"
    assert "主要依据分类器" not in v.reason and "只有分类器觉得像广告" in v.reason and "规则没有找到" in v.reason


def test_a_chatter_review_names_the_groups_topics_and_what_reads_like_chatter(tmp_path: Path) -> None:
    v = _mod(tmp_path, CLINIC).moderate({"user": "p3", "group": "g", "text": "你们晚上一般几点睡，我最近老是睡不着"})
    assert v.label == "off_topic"
    assert "没有提到本群的话题（口腔护理、种植牙、洗牙）" in v.reason and "读起来像日常闲聊的说法：" in v.reason

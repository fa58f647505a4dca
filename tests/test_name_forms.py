"""Group names use the kind of group its own words name (a choir is a 合唱团, a carpool a 拼车群), do not
repeat a word's characters in the form (跑步跑团, 咖啡咖啡豆), and five candidates are not one pattern
with the topic swapped (at most two catch-all forms such as 交流群/互助群, one "主题·地域")."""

from __future__ import annotations

import pytest

from copilot.agents import draft
from copilot.agents.compose import name_words
from copilot.knowledge.checks import failures
from copilot.profile import profile_from_data

# written for this test: a seniors' folk choir, a school-run carpool, a furniture swap group, a badminton club
GROUPS = {
    "choir": ({"name": "", "positioning": "苏州姑苏区的退休街坊每周一起唱越剧和民歌合唱", "topics": ["合唱", "越剧"],
               "type": "兴趣型", "locality": "苏州·姑苏区"}, "合唱团"),
    "carpool": ({"name": "", "positioning": "实验二小的家长轮流开车接送孩子放学", "topics": ["放学接送", "拼车"], "type": "其他",
                 "locality": "宁波·鄞州区"}, "拼车群"),
    "swap": ({"name": "", "positioning": "万科城的邻居互相转让闲置家具和儿童用品", "topics": ["闲置转让", "旧家具"], "type": "其他",
              "locality": "佛山·顺德·万科城"}, "闲置群"),
    "badminton": ({"name": "", "positioning": "下班后在滨江体育馆一起打羽毛球", "topics": ["羽毛球", "双打"], "type": "兴趣型",
                   "locality": "杭州·滨江区"}, None),
}


@pytest.mark.parametrize("key", sorted(GROUPS))
def test_names_vary_in_form_and_name_the_kind_of_group(offline, key):
    data, own_form = GROUPS[key]
    result = draft("name", profile_from_data(data), offline, n=5)
    names = [d["name"] for d in result.drafts]
    assert len(names) == 5 and not failures(result.checks), names
    generic = name_words()["generic_forms"]
    assert sum(any(n.split("·")[0].endswith(g) for g in generic) for n in names) <= 2, names
    assert sum("·" in n for n in names) <= 1, names
    if own_form:
        assert any(n.endswith(own_form) and len(n) > len(own_form) for n in names), names
    for n in names:  # no character of the topic repeated by the form right after it
        assert not any(t + form in n for t in data["topics"] for form in ("跑团", "合唱团", "闲置群", "拼车群") if set(form[:-1]) & set(t))


def test_a_brand_word_is_not_repeated_by_the_topic(offline):
    shop = profile_from_data({"name": "", "brand": "栖木咖啡", "positioning": "栖木咖啡的老顾客聊手冲和咖啡豆",
                              "topics": ["咖啡豆", "手冲"], "type": "品牌型"})
    names = [d["name"] for d in draft("name", shop, offline, n=5).drafts]
    assert all(n.startswith("栖木咖啡") for n in names) and not any("咖啡咖啡" in n for n in names), names


# written for this test: a university cycling club in Taiwan, a hospital's staff running group, and a
# neighbourhood group whose name starts with its own estate (a place, not an owner)
def test_a_school_or_company_group_keeps_whose_it_is(offline):
    club = profile_from_data({"name": "逢甲大學單車社", "positioning": "逢甲大學的單車社，週末騎台中近郊的自行車道",
                              "topics": ["單車", "自行車道"], "type": "兴趣型", "locality": "台中·西屯區",
                              "audience": "逢甲大學在學學生", "script": "zh-Hant"})
    names = [d["name"] for d in draft("name", club, offline, n=5).drafts]
    assert names and all(n.startswith("逢甲大學") for n in names), names
    assert all(any(t in n for t in ("單車", "自行車")) for n in names), names  # whose AND what, never whose alone
    staff = profile_from_data({"name": "仁和医院跑团", "positioning": "下班后一起跑步", "topics": ["跑步", "配速"],
                               "type": "兴趣型", "audience": "仁和医院的医护和职工"})
    assert all(d["name"].startswith("仁和医院") for d in draft("name", staff, offline, n=5).drafts)
    estate = profile_from_data({"name": "枫林湾邻里群", "positioning": "枫林湾小区的邻居互通消息", "topics": ["邻里互助", "物业"],
                                "type": "其他", "locality": "成都·枫林湾"})
    assert not all(d["name"].startswith("枫林湾") for d in draft("name", estate, offline, n=5).drafts)


def test_traditional_drafts_keep_the_operators_place_names(offline):
    club = profile_from_data({"name": "", "positioning": "台中南屯的街坊一起練太鼓", "topics": ["太鼓", "打擊樂"],
                              "type": "兴趣型", "locality": "台中·南屯區", "script": "zh-Hant"})
    text = " ".join(d["name"] for d in draft("name", club, offline, n=5).drafts)
    assert "台中" in text and "臺中" not in text, text


def _names(data, n=5):
    from copilot.agents import draft
    from copilot.config import Settings
    from copilot.llm import get_engine
    from copilot.profile import profile_from_data
    engine = get_engine(Settings(llm_provider="offline"), prefer="offline")
    return [d["name"] for d in draft("name", profile_from_data(data), engine, n=n).drafts]


def test_names_keep_the_class_building_or_shop_the_group_is():
    cls = {"name": "实验小学三(2)班家长群", "type": "其他", "positioning": "三(2)班家长和班主任沟通作业和活动", "topics": ["作业", "班级活动"],
           "audience": "三(2)班学生的家长"}
    names = _names(cls)
    assert len(names) >= 2 and all("三(2)班" in n for n in names), names
    assert any(n.endswith("家长群") for n in names), names
    flat = {"name": "和园公寓东湖店租客群", "type": "其他", "positioning": "东湖店租客的报修和通知群", "topics": ["报修", "停水停电"],
            "audience": "在住的租客"}
    names = _names(flat)
    assert names and all("东湖店" in n for n in names), names


def test_names_state_no_fact_the_profile_does_not_give():
    school = {"name": "安达驾校练车群", "brand": "安达驾校", "type": "消费型", "positioning": "安达驾校学员约练车和模拟考",
              "topics": ["科目二", "科目三", "练车"], "audience": "在学学员",
              "products": [{"name": "科目二加练课时", "price": 120, "unit": "小时"}]}
    names = _names(school)
    assert not any(w in n for n in names for w in ("团购", "会员", "福利")), names
    owners = {"name": "远航汽车车主群", "brand": "远航汽车", "type": "品牌型", "positioning": "在远航门店提车的车主交流用车",
              "topics": ["用车", "保养"], "audience": "在门店提车的车主"}
    names = _names(owners)
    assert not any("会员" in n for n in names) and any("车主" in n for n in names), names


def test_candidates_sharing_the_groups_unit_are_compared_on_the_rest_but_one_character_variants_still_count():
    from copilot.knowledge.checks import too_similar
    lead = "城关二中初二(3)班"
    assert not too_similar(lead + "家长群", lead + "家校沟通群", 0.6, lead)
    assert too_similar(lead + "车主群", lead + "车主会", 0.6, lead)
    assert too_similar("杭州跑步训练营", "杭州跑步训练群", 0.6, "杭州跑步训练")
    assert too_similar("杭州跑步训练营", "杭州跑步训练群", 0.6)

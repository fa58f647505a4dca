"""Group names use the kind of group its own words name (a choir is a 合唱团, a carpool a 拼车群), do not
repeat a word's characters in the form (跑步跑团, 咖啡咖啡豆), and five candidates are not one pattern
with the topic swapped (at most two catch-all forms such as 交流群/互助群, one "主题·地域")."""

from __future__ import annotations

import pytest

from copilot.agents import draft
from copilot.agents.compose import name_words
from copilot.config import Settings
from copilot.knowledge.checks import failures
from copilot.llm import get_engine
from copilot.profile import profile_from_data


@pytest.fixture(scope="module")
def offline():
    return get_engine(Settings(llm_provider="offline"), prefer="offline")


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

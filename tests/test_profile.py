"""Group profiles: validation reports every problem at once, in Chinese, with the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.profile import (
    PROFILE_TEMPLATE,
    GroupProfile,
    ProfileError,
    ProfileStore,
    load_profile,
    parse_profile_text,
)

GOOD = """
name: 宝妈辅食交流群
positioning: 给6到24个月宝宝的妈妈分享辅食做法和喂养经验
topics: 辅食, 喂养、过敏
type: 知识型
products:
  - {name: 婴儿米粉, price: 89, promo_price: 69}
allowed_domains: [https://mp.weixin.qq.com/s/abc]
"""


def test_good_profile_parses_and_normalises() -> None:
    p = parse_profile_text(GOOD)
    assert isinstance(p, GroupProfile)
    assert p.topics == ["辅食", "喂养", "过敏"]
    assert p.allowed_domains == ["mp.weixin.qq.com"]
    assert p.products[0].promo_price == 69
    assert "辅食" in p.keywords() and "宝宝" in p.keywords()


def test_every_problem_is_reported_at_once() -> None:
    bad = "name: 群\npositioning: 短\ntopics: []\ntype: 学习型\nplatform: telegram\ncolour: red\nproducts: [{name: 米粉, price: -3}]\n"
    with pytest.raises(ProfileError) as info:
        parse_profile_text(bad, "bad.yaml")
    keys = {k for k, _ in info.value.problems}
    assert {"positioning", "topics", "type", "platform", "colour", "products.0.price"} <= keys
    text = str(info.value)
    assert "bad.yaml" in text and "6 处问题" in text or "7 处问题" in text
    assert "不认识的字段" in text and "不能为负数" in text


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "文件为空"), ("{\"name\": \"x\",}", "JSON 格式错误"), ("name: [unclosed", "YAML 格式错误"),
     ("- just\n- a list\n", "键值对象")],
)
def test_malformed_files_give_clear_errors(text: str, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        parse_profile_text(text)


def test_gbk_profile_file_loads(tmp_path: Path) -> None:
    p = tmp_path / "gbk.yaml"
    p.write_bytes(GOOD.encode("gbk"))
    assert load_profile(p).name == "宝妈辅食交流群"
    with pytest.raises(ProfileError, match="找不到"):
        load_profile(tmp_path / "missing.yaml")


def test_store_saves_only_valid_profiles(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    assert store.names() == []
    store.save("跑步群", PROFILE_TEMPLATE)
    assert store.names() == ["跑步群"]
    assert store.load("跑步群").type == "兴趣型"
    with pytest.raises(ProfileError):
        store.save("跑步群", "positioning: x\n")
    assert store.load("跑步群").topics[0] == "跑步"  # the bad save did not overwrite
    with pytest.raises(ProfileError):
        store.save("../../etc", PROFILE_TEMPLATE)  # no path traversal
    assert store.delete("跑步群") and store.names() == []


def test_traditional_type_and_case_insensitive_values_are_accepted() -> None:
    p = parse_profile_text("name: 台北咖啡同好會\npositioning: 台北的咖啡愛好者交流手沖與烘焙\ntopics: [咖啡, 手沖]\n"
                           "type: 興趣型\nplatform: WeChat\nscript: zh-hant\n")
    assert p.type == "兴趣型" and p.platform == "wechat" and p.script == "zh-Hant"
    assert p.name == "台北咖啡同好會"  # the operator's own text is kept as written


def test_root_level_problems_are_not_labelled_twice() -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile_text("")
    assert "(根)（" not in str(info.value)

"""Round 54 (d15a54): in-scope look-alikes that use the words of the out-of-scope questions (天气, 代码, 股票, 翻译,
广告) for running the group, beside near misses with the same words asking for the thing itself."""

from __future__ import annotations

import yaml

from copilot.knowledge.ranking import OFF_SCOPE_FILE

IN_SCOPE_FILE = OFF_SCOPE_FILE.with_name("in_scope.yaml")


def test_each_look_alike_kind_has_its_out_of_scope_twin_words() -> None:
    inside = yaml.safe_load(IN_SCOPE_FILE.read_text(encoding="utf-8"))
    outside = yaml.safe_load(OFF_SCOPE_FILE.read_text(encoding="utf-8"))
    for kind in ("weather_plan", "code_group", "invest_group", "bilingual_group", "private_sales"):
        assert len(inside[kind]) >= 6, kind
    assert "户外活动要不要准备雨天预案，预案写进报名须知里吗" in inside["weather_plan"]
    asked = "".join(outside["asks_the_thing"])
    for word in ("天气", "代码", "股票", "翻译"):
        assert word in asked and any(word in q for q in (*inside["weather_plan"], *inside["code_group"],
                                                         *inside["invest_group"], *inside["bilingual_group"])), word


def test_the_new_kinds_hold_distinct_questions() -> None:
    new = [q for kind in ("weather_plan", "code_group", "invest_group", "bilingual_group", "private_sales")
           for q in yaml.safe_load(IN_SCOPE_FILE.read_text(encoding="utf-8"))[kind]]
    assert len(new) == len(set(new)) >= 36

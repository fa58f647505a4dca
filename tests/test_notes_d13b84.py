"""Round 84 (d13b84): the lines the notes rules draw on the chatter model's P(chatter) carry over a retrain.

The pairing and aside rules draw three lines on P(chatter): ``plain_question`` (a question off the chat's topic words
answered by a plain statement must read below it), ``plain_answer`` (that statement too) and ``small_talk`` (the mean
from which a members' exchange reads as small talk). They were absolute numbers (0.1, 0.5, 0.5) fitted to the first
model's scale, so a retrain moved what they let through. Now ``resources/notes/thresholds.yaml`` ``chatter_model`` gives
each as the share of content sentences cross-validation scores at or above it, and the training script turns the share
into the trained model's P (``meta.cuts``, read by :func:`copilot.notes.chatter.chatter_cut`). Sentences below were
written for these tests; none is from an eval chat.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from copilot.notes.chatter import chatter_cut, chatter_gate, chatter_probability, model
from copilot.paths import load_resource

_SPEC = importlib.util.spec_from_file_location(
    "train_chatter_classifier", Path(__file__).resolve().parents[1] / "scripts" / "train_chatter_classifier.py")
assert _SPEC is not None and _SPEC.loader is not None
train = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(train)


def test_every_cut_is_the_shipped_models_and_ordered_by_its_share():
    shares = load_resource("notes/thresholds.yaml")["chatter_model"]
    assert set(model().meta["cuts"]) == set(shares)
    for name in shares:
        assert 0 < chatter_cut(name) < chatter_gate()
    # a line fewer content sentences reach sits higher on the model's scale
    by_share = sorted(shares, key=lambda n: shares[n], reverse=True)
    cuts = [chatter_cut(n) for n in by_share]
    assert cuts == sorted(cuts)


def test_an_unknown_cut_is_an_error_not_a_silent_default():
    with pytest.raises(KeyError):
        chatter_cut("plain_answer_chatter")  # the old cue's name: gone, never read as some default


@pytest.mark.parametrize("text", ["报名费每人八十，周五前转给我", "集合地点改到体育馆北门", "器材我周六一早拿过去",
                                  "報名費每人一百，禮拜五之前交"])
def test_plain_content_reads_below_the_plain_answer_line(text):
    assert chatter_probability(text) < chatter_cut("plain_answer")


@pytest.mark.parametrize("text", ["哈哈哈笑死我了，你家猫也太会了", "今天好冷啊，被窝都不想出"])
def test_plain_small_talk_reads_above_the_small_talk_line(text):
    assert chatter_probability(text) >= chatter_cut("small_talk")


def test_a_share_becomes_the_p_that_lets_that_share_of_content_through():
    rng = np.random.default_rng(7)
    content = rng.uniform(0, 0.6, 400)  # cross-validated P(chatter) of the content sentences
    chatter = rng.uniform(0.4, 1.0, 100)
    p = np.concatenate([content, chatter])
    y = np.array([0] * 400 + [1] * 100)
    for share in (0.031, 0.127, 0.5):
        cut = train._cut(p, y, share)
        assert (content >= cut).mean() <= share  # at most that share of the content reaches it …
        assert (content >= cut - 0.005).mean() > share  # … and it is the lowest such step
    # the same share on a model that scores everything higher gives a higher line: the share, not the P, is kept
    assert train._cut(np.sqrt(p), y, 0.127) > train._cut(p, y, 0.127)


def test_no_share_reachable_is_the_top_of_the_scale():
    p = np.array([0.99, 0.995, 0.999, 0.2])
    y = np.array([0, 0, 0, 1])
    assert train._cut(p, y, 0.0) == 0.99

"""Round 36 speed work (issue 17): the models of one message look their grams up once, in a joint table of every
loaded model's weights. Verdicts must be exactly what one look-up per model gave, and a retrained model, another
group's model or a model trained in memory must each score by its own weights."""

from __future__ import annotations

import os
import time
from itertools import repeat
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation import classifier
from copilot.moderation.classifier import (
    NgramModel,
    features,
    group_model_path,
    load_abuse_model,
    load_chatter_model,
    load_classifier,
    load_group_model,
    sigmoid,
)
from copilot.moderation.group_vocab import group_vocab_path, load_vocab, save_vocab
from copilot.moderation.pipeline import Moderator
from copilot.moderation.training import fit_ngram
from copilot.profile import parse_profile_text

BADMINTON = """\
name: 城南羽毛球俱乐部
group_id: badminton-south
positioning: 城南球友约场打球、交流拍线和步法，俱乐部每周组织双打活动
topics: [羽毛球, 约场, 拍线, 双打, 步法]
events:
  - {title: 周三晚双打, kind: 线下活动, cadence: 每周三, time: "19:00", place: 城南体育馆, details: 每人AA场地费}
"""

# a badminton club's own history (written for this test): its "ads" are court touts and racket resellers
_ADS = ["低价转让场地，私聊", "代订体育馆黄金时段，加v", "正品球拍批发，价格美丽", "出二手拍子，要的私我",
        "专业穿线上门，微信下单", "球馆年卡便宜出，联系我", "羽毛球整桶批发，量大从优", "代抢周末场，包成功"]
_KEPT = ["周三晚双打几点开始", "今天步法练得腿软", "新拍线磅数拉多少合适", "有没有人周六约场",
         "反手高远球总是打不到底线", "俱乐部活动的场地费怎么AA", "球馆空调今天好像坏了", "杀球发力靠腰还是靠手"]

# a realistic mixed batch: members' talk, the club's own event, off-topic chatter, ads in several disguises,
# an insult, a chain letter, links, digits, traditional characters, emoji, empty and odd input
BATCH = [
    "周三晚双打还有人报名吗？我带两桶球", "今天杀球终于过网了哈哈", "拍线拉26磅会不会太紧",
    "加我薇信 abc12345 低价代订场地，包你抢到周末黄金时段", "正品尤尼克斯球拍批发 http://shop.example.cn 量大从优",
    "出二手拍子一支，9成新，180包邮，要的私我", "周末去游乐园排了三小时队，累死", "有没有人一起拼车回家",
    "你这水平也好意思来打双打？滚回去练吧", "转发给8个群就转运，不转倒霉一年", "帮忙投票，投完发红包",
    "場地費每人二十五元，周三晚上見", "🏸今晚7点城南体育馆不见不散", "哪里修电脑便宜", "明天下雨活动取消吗？",
    "", "   ", "12345678901", "https://example.com/a?b=c", "羽毛球" * 60, "扣1 我拉你进内部团购群",
    "推荐一个免费的步法教学视频，挺实用 https://v.example.com/x", "俱乐部新到一批比赛用球，每桶88元，找群主登记",
]


@pytest.fixture
def club(tmp_path: Path) -> tuple[Settings, object]:
    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline")
    history = [(t, 1) for t in _ADS * 3] + [(t, 0) for t in _KEPT * 3]
    model, _ = fit_ngram([t for t, _ in history], [y for _, y in history], C=3.0)
    model.meta = {"group": "badminton"}
    model.save(group_model_path(settings.data_dir, "badminton"))
    return settings, parse_profile_text(BADMINTON)


def _plain(model: NgramModel, text: str) -> float:
    """The score by one look-up per gram in the model's own table (how every model scored before round 36)."""
    return sigmoid(model.bias + sum(map(model.weights.get, features(text), repeat(0.0)))) if text else 0.0


def _verdicts(settings: Settings, profile: object) -> list[tuple]:
    mod = Moderator(settings, profile, audit=None, profile_key="badminton")
    assert mod.classifier.is_group_model
    out = []
    for i, text in enumerate(BATCH):
        v = mod.moderate({"id": str(i), "user": f"u{i % 5}", "text": text, "ts": 1.76e9 + 40.0 * i})
        out.append((str(v.label), str(v.action), v.score, v.reason, v.rule_ids, v.notice, v.reply, repr(v.checks)))
    return out


def test_verdicts_of_a_mixed_batch_are_those_of_one_look_up_per_model(
        club: tuple[Settings, object], monkeypatch: pytest.MonkeyPatch) -> None:
    settings, profile = club
    looked_up = []
    sums = classifier._JointTable.sums
    monkeypatch.setattr(classifier._JointTable, "sums", lambda self, g: looked_up.append(g) or sums(self, g))
    joint = _verdicts(settings, profile)
    assert len(looked_up) >= len(BATCH)  # the joint table was read …
    assert len({id(g) for g in looked_up}) < len(looked_up)  # … and shared by the models of one message
    for model in list(classifier._cache.values()):  # every model back to its own table
        monkeypatch.setattr(model, "_column", None)
    looked_up.clear()
    plain = _verdicts(settings, profile)
    assert not looked_up
    assert joint == plain
    assert {v[0] for v in joint} >= {"ok", "ad"}  # a batch that exercises more than one outcome


@pytest.mark.parametrize("text", BATCH + ["私聊", "a", "🏸🏸", "ＱＱ：１２３４５６７", "http://x.cn"])
def test_each_loaded_model_scores_exactly_what_its_own_table_gives(club: tuple[Settings, object], text: str) -> None:
    settings, _ = club
    models = [load_group_model(settings.data_dir, "badminton"), load_classifier(), load_abuse_model(),
              load_chatter_model()]
    for model in models:
        assert model is not None and model._column is not None
    # in both orders: the look-up kept for the last message is for that message's grams only
    assert [m.score(text) for m in models] == [_plain(m, text) for m in models]
    assert [m.score(text) for m in reversed(models)] == [_plain(m, text) for m in reversed(models)]


def test_alternating_messages_never_reuse_the_other_messages_grams(club: tuple[Settings, object]) -> None:
    settings, _ = club
    model = load_group_model(settings.data_dir, "badminton")
    ad, chat = "低价转让场地，私聊加v", "今天步法练得腿软"
    expected = (_plain(model, ad), _plain(model, chat))
    assert expected[0] > expected[1]
    for _ in range(3):
        assert (model.score(ad), model.score(chat)) == expected


def test_a_retrained_group_model_is_scored_by_its_new_weights(club: tuple[Settings, object]) -> None:
    settings, profile = club
    path = group_model_path(settings.data_dir, "badminton")
    old = load_group_model(settings.data_dir, "badminton")
    text = "出二手拍子，要的私我"
    before = old.score(text)
    # the admins retrain: the same club now keeps second-hand rackets (label 0) and flags court touts only
    history = [(t, int(t not in _ADS[3:4])) for t in _ADS * 3] + [(t, 0) for t in _KEPT * 3]
    model, _ = fit_ngram([t for t, _ in history], [y for _, y in history], C=3.0)
    model.meta = {"group": "badminton"}
    model.save(path)
    os.utime(path, (time.time() + 5, time.time() + 5))  # a new modification time even on a coarse clock
    new = load_group_model(settings.data_dir, "badminton")
    assert new is not old and new._column is not None
    assert new.score(text) == _plain(new, text) != before
    assert old.score(text) == before  # a moderator still holding the old model scores as it did
    assert Moderator(settings, profile, audit=None, profile_key="badminton").classifier is new


def test_another_groups_model_and_a_model_in_memory_score_by_their_own_weights(
        club: tuple[Settings, object]) -> None:
    settings, _ = club
    trained, _ = fit_ngram(["出游戏账号，私聊", "代练上分，加q"] * 4 + ["今晚一起开黑吗", "这把打得真好"] * 4,
                           [1, 1] * 4 + [0, 0] * 4, C=3.0)
    assert trained._column is None  # never loaded from a file: its own table
    trained.meta = {"group": "game"}
    trained.save(group_model_path(settings.data_dir, "game"))
    game = load_group_model(settings.data_dir, "game")
    club_model = load_group_model(settings.data_dir, "badminton")
    text = "出游戏账号，私聊"
    assert game.score(text) == _plain(game, text) == pytest.approx(trained.score(text), abs=1e-3)
    assert club_model.score(text) == _plain(club_model, text) != game.score(text)
    assert load_group_model(settings.data_dir, "nobody") is None


def test_a_profile_change_reads_that_groups_own_learned_words(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert group_vocab_path(data, "badminton") == group_vocab_path(data, "badminton")
    assert group_vocab_path(data, "badminton") != group_vocab_path(data, "knitting")
    assert load_vocab(data, "badminton") is None and load_vocab(data, "") is None
    save_vocab(data, "badminton", ["拍线", "步法"], examples=20)
    save_vocab(data, "knitting", ["钩针"], examples=20)
    assert load_vocab(data, "badminton").search("新拍线") and not load_vocab(data, "badminton").search("钩针")
    assert load_vocab(data, "knitting").search("钩针")
    path = group_vocab_path(data, "badminton")
    save_vocab(data, "badminton", ["羽毛球馆"], examples=30)  # rebuilt: the new list is read at once
    os.utime(path, (time.time() + 5, time.time() + 5))
    assert load_vocab(data, "badminton").search("羽毛球馆") and not load_vocab(data, "badminton").search("拍线")
    save_vocab(data, "badminton", [], examples=30)  # no words left: no list
    assert load_vocab(data, "badminton") is None


def test_a_hook_serving_many_groups_keeps_the_joint_table_narrow_and_every_score_exact(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classifier, "_cache", {})  # a fresh process: no model of another test loaded
    data = tmp_path / "data"
    shared = [load_classifier(), load_abuse_model(), load_chatter_model()]
    groups = []
    for i in range(classifier.JOINT_WIDTH + 3):  # more groups than the table has room for
        texts = [f"出{i}号服务器账号，私聊", f"代练{i}区上分，加q"] * 3 + [f"{i}区今晚一起开黑吗", "这把打得真好"] * 3
        model, _ = fit_ngram(texts, [1, 1] * 3 + [0, 0] * 3, C=3.0)
        model.meta = {"group": f"g{i}"}
        model.save(group_model_path(data, f"g{i}"))
        groups.append(load_group_model(data, f"g{i}"))
    tables = {id(m._column[0]) for m in shared + groups if m._column is not None}
    assert len(tables) == 1  # one table …
    table = next(m._column[0] for m in shared if m._column is not None)
    assert len(next(iter(table.rows.values()))) <= classifier.JOINT_WIDTH  # … at most this wide
    assert all(m._column is not None for m in shared) and groups[-1]._column is not None
    assert groups[0]._column is None  # the earliest group's model reads its own table again
    for text in ("出3号服务器账号，私聊", "今晚一起开黑吗", "推荐一个免费的步法教学视频"):
        for model in shared + groups:
            assert model.score(text) == _plain(model, text)

"""Round 78 (d17b78, issue 17): a model or word file's modification time is read at most once per
``FILE_TIME_TRUST_S`` (:func:`copilot.moderation.classifier.file_time`) instead of once per use (~4 ``stat`` calls per
message). The verdicts are the same as with every time read afresh; a model enabled by ``moderation-import`` or a
retrain in this process is used from the next message, and one written or removed by another process within the
trust time. Messages and the club's history are written for this test."""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from copilot.cli import app as cli_app
from copilot.config import Settings
from copilot.files import modified_at
from copilot.moderation import classifier, group_vocab
from copilot.moderation.audit import AuditLog
from copilot.moderation.classifier import group_model_path, load_group_model
from copilot.moderation.group_vocab import group_vocab_path, load_vocab
from copilot.moderation.pipeline import Moderator
from copilot.moderation.training import fit_ngram, train_group
from copilot.profile import parse_profile_text

SEA = """\
name: 南堤海钓俱乐部
group_id: seafish
positioning: 南堤一带海钓爱好者交流钓点、潮水、装备和出海约船
topics: [海钓, 钓点, 潮水, 装备, 出海]
"""
# the club's own "ads": asking for and offering illegal gear, which only this club deletes on sight
_GEAR = ["电鱼机", "炸鱼药", "毒鱼粉", "超声波打窝器", "禁渔期网具", "三层粘网", "地笼网", "夜光钩组"]
_FORMS = ["有人出{x}吗", "求购{x}，价格好商量", "谁手上有{x}", "出{x}，懂的来", "收二手{x}", "{x}还有货吗"]
_CHAT = ["明早六点码头集合", "今天海风有点大，浮漂看不清", "昨晚钓到一条黑鲷", "海竿用几号线比较好", "退潮的时候鱼口最好",
         "谁知道南堤今天能不能进", "新买的纺车轮有点响", "下周末出海的船订了吗", "虾干做饵效果怎么样", "矶钓要不要穿防滑鞋",
         "上次那个钓点被封了", "天气预报说周六有雨", "鱼护放在哪了", "有人一起去北岸夜钓吗", "路亚用什么颜色的假饵",
         "这个月潮水表谁有", "活动合照发群相册了", "刚才那条是石斑吗", "船长说今天不开船", "防晒衣推荐哪款"]
_TAILS = ["", "，在线等", "！", "，急", "？"]

# zero-width characters inside a word, padded (full-width spaces between characters), Traditional, Cantonese, and the
# club's ordinary talk that must stay as it is
MESSAGES = [
    "出电\u200b鱼\u200b机，懂的来",
    "有人出　炸　鱼　药　吗",
    "求購三層粘網，價格好商量",
    "邊個手上有地笼网",
    "加\u200bV：seafish8899 渔具批发 全网最低价",
    "明早六點碼頭集合，記得帶救生衣",
    "退潮嘅時候鱼口最好",
    "今天海风有点大，浮漂看不清",
    "新买的纺车轮有点响，有人会修吗",
    "禁渔期到了，大家别去南堤下网，会被罚款",
]


def history() -> list[tuple[str, str]]:
    rows = [(f.format(x=x), "ad") for f, x in itertools.product(_FORMS, _GEAR)]
    rows += [(c + t, "ok") for c, t in itertools.product(_CHAT, _TAILS)]
    random.Random(7).shuffle(rows)
    return rows


@pytest.fixture
def club(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Settings, Path]:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COPILOT_LLM_PROVIDER", "offline")
    prof = tmp_path / "sea.yaml"
    prof.write_text(SEA, encoding="utf-8")
    return Settings(data_dir=tmp_path / "data", llm_provider="offline"), prof


def _moderator(settings: Settings) -> Moderator:
    return Moderator(settings, parse_profile_text(SEA), audit=None, profile_key="seafish")


def _model_of(mod: Moderator, text: str) -> str:
    return mod.analyse(text).checks["classifier"]["model"]


def _write_as_another_process(path: Path, data: dict[str, Any]) -> None:
    """A model file written the way another process's save leaves it (a whole file put in place), without this
    process's save (which forgets the file times)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.other")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def _analysed(mod: Moderator) -> list[str]:
    out = []
    for text in MESSAGES:
        a = mod.analyse(text)
        out.append(json.dumps([a.label, a.score, a.reasons, a.checks], ensure_ascii=False, sort_keys=True, default=str))
    return out


def test_verdicts_are_the_same_as_with_every_file_time_read(club: tuple[Settings, Path],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    settings, _ = club
    rows = history()
    model, _ = fit_ngram([t for t, _ in rows], [int(lab == "ad") for _, lab in rows], C=3.0)
    model.meta = {"group": "seafish"}
    model.save(group_model_path(settings.data_dir, "seafish"))
    group_vocab.save_vocab(settings.data_dir, "seafish", ["海钓", "潮水", "浮漂"], examples=100)
    trusted = _analysed(_moderator(settings))
    labels = [json.loads(x)[0] for x in trusted]
    assert labels[:5] == ["ad"] * 5, labels  # hidden, padded, Traditional and Cantonese offers of illegal gear
    assert "ad" not in labels[5:] and labels[5:7] == ["ok"] * 2, labels  # the club's own talk, Traditional, Cantonese
    assert all(json.loads(x)[3]["classifier"]["model"] == "group" for x in trusted)
    # the old way: every model's and word list's time read at each use
    monkeypatch.setattr(classifier, "file_time", modified_at)
    monkeypatch.setattr(group_vocab, "file_time", modified_at)
    assert _analysed(_moderator(settings)) == trusted


def test_moderation_import_enables_the_group_model_from_the_next_message(club: tuple[Settings, Path],
                                                                        tmp_path: Path) -> None:
    settings, prof = club
    mod = _moderator(settings)
    offer = "出超声波打窝器，懂的来"
    assert _model_of(mod, offer) == "shared"  # no model yet: its absence is remembered for the trust time
    f = tmp_path / "seafish.txt"
    f.write_text("\n".join(f"{t}=={int(lab == 'ad')}" for t, lab in history()) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli_app, ["moderation-import", str(f), "-p", str(prof)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["model"]["enabled"]
    # no wait: this process wrote the model, so the next message of the running moderator reads it
    assert _model_of(mod, offer) == "group"
    assert mod.analyse(offer).label == "ad"
    assert load_vocab(settings.data_dir, "seafish") is not None  # the club's own words, rebuilt with it


def test_a_retrain_is_scored_by_its_new_weights_from_the_next_message(club: tuple[Settings, Path]) -> None:
    settings, _ = club
    audit = AuditLog.from_settings(settings)
    audit.import_examples("seafish", history())
    assert train_group(settings, "seafish", audit)["enabled"]
    mod = _moderator(settings)
    text = "夜光钩组还有货吗，想买两副"
    old = mod.classifier
    before = old.score(text)
    assert _model_of(mod, text) == "group"
    # the admins relabel: luminous hooks are legal gear, asking for them is the club's own talk
    audit.import_examples("seafish", [(f.format(x="夜光钩组"), "ok") for f in _FORMS])
    assert train_group(settings, "seafish", audit)["enabled"]
    path = group_model_path(settings.data_dir, "seafish")
    os.utime(path, (time.time() + 5, time.time() + 5))  # a new modification time even on a coarse clock
    new = mod.classifier  # the running moderator's next message, no wait
    assert new is not old and new is load_group_model(settings.data_dir, "seafish")
    assert new.score(text) < before
    assert old.score(text) == before


def test_another_process_write_and_removal_are_read_within_the_trust_time(club: tuple[Settings, Path],
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    settings, _ = club
    monkeypatch.setattr(classifier, "FILE_TIME_TRUST_S", 0.05)
    mod = _moderator(settings)
    text = "收二手三层粘网"
    assert _model_of(mod, text) == "shared"
    rows = history()
    model, _ = fit_ngram([t for t, _ in rows], [int(lab == "ad") for _, lab in rows], C=3.0)
    data = {"bias": model.bias, "meta": {"group": "seafish"}, "weights": model.weights}
    path = group_model_path(settings.data_dir, "seafish")
    _write_as_another_process(path, data)
    time.sleep(0.1)  # past the trust time: the file's time is read again
    assert _model_of(mod, text) == "group"
    assert load_group_model(settings.data_dir, "seafish") is mod.classifier
    words = group_vocab_path(settings.data_dir, "seafish")
    _write_as_another_process(words, {"group": "seafish", "words": ["粘网"]})
    time.sleep(0.1)
    assert load_vocab(settings.data_dir, "seafish").search("三层粘网")
    path.unlink()
    words.unlink()
    time.sleep(0.1)
    assert _model_of(mod, text) == "shared"
    assert load_vocab(settings.data_dir, "seafish") is None

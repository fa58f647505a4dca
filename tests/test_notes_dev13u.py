"""Round 34 (dev13u): the notes' sentence-kind classifier, its labelled corpus and its training script.

The sentences below were written for these tests (new groups: camping, book club, hiking, parking); none
is in ``copilot/resources/notes/sentences.jsonl`` (checked), so they test what the model learned, not
what it memorised.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from copilot.notes import classify
from copilot.notes.classify import LABELS, MAX_CHARS, SentenceClassifier, classifier, features, sentence_kind
from copilot.paths import RESOURCES_DIR
from copilot.textnorm import to_simplified

ROOT = Path(__file__).resolve().parents[1]
CORPUS = RESOURCES_DIR / "notes" / "sentences.jsonl"

NEW_SENTENCES = {
    "commitment": ["露营的帐篷我来借", "烤肉的炭我周六上午买好", "签到表交给小雯负责", "横幅我今晚做好发群里看看",
                   "場地我嚟訂", "那个明天的话我去买水吧"],
    "question": ["明天爬山要带几瓶水", "周六的读书会几点开始", "报名费交给哪位", "车位还有没有空的",
                 "聽日幾點喺公園集合", "就是报名要交多少钱"],
    "decision": ["那就定在周六早上八点南门集合", "最后决定团服选白色", "大家都同意了就去西湖"],
    "other": ["今天太阳好大", "我家孩子昨天发烧了", "哈哈哈太好笑了", "这家店的面真好吃"],
    "announcement": ["通知：本周日上午图书馆闭馆，活动暂停一次"],
}


def _corpus() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _top(probabilities: dict[str, float]) -> str:
    return max(probabilities, key=lambda k: probabilities[k])


def test_test_sentences_are_not_training_rows():
    texts = {r["text"] for r in _corpus()}
    assert not [s for group in NEW_SENTENCES.values() for s in group if s in texts]


@pytest.mark.parametrize(("label", "text"), [(lab, s) for lab, group in NEW_SENTENCES.items() for s in group])
def test_shipped_classifier_on_new_sentences(label, text):
    p = SentenceClassifier.load().probabilities(text)
    assert _top(p) == label, (text, p)
    assert p[label] >= 0.6


def test_bad_input_reads_as_other_without_error():
    model = classifier()
    empty = model.probabilities("")
    assert set(empty) == set(LABELS) and abs(sum(empty.values()) - 1) < 1e-9
    assert _top(empty) == "other"
    for text in ("🌹🌹🌹", "👍", "\u200b\u200b", "   \n\t"):
        p = model.probabilities(text)
        assert _top(p) == "other", text
        assert p["question"] < 0.3 and p["commitment"] < 0.3, text


def test_zero_width_characters_do_not_change_the_verdict():
    plain = sentence_kind("我来订场地")
    hidden = sentence_kind("我\u200b来\u200b订\u200b场\u200b地\u200b")
    assert _top(plain) == "commitment"
    assert all(abs(plain[k] - hidden[k]) < 1e-9 for k in LABELS)


def test_huge_input_is_judged_by_its_opening(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the first MAX_CHARS characters are read, and only the opening is folded, so a 200,000-character paste
    costs what its opening costs (timed in benchmarks/bench_notes.py); a wall of blanks is folded whole to find
    the characters it keeps."""
    opening = "球衣的钱我明天统一收"
    huge = opening + "，" + "哈" * 200_000
    model = classifier()
    folded: list[int] = []
    real_fold = classify.fold
    monkeypatch.setattr(classify, "fold", lambda text: (folded.append(len(text)), real_fold(text))[1])
    p = model.probabilities(huge)
    assert folded and max(folded) <= 4 * MAX_CHARS  # the opening, not the 200,000 characters
    assert p == model.probabilities(huge[:MAX_CHARS])
    assert features(huge) == features(huge[:MAX_CHARS])
    assert abs(sum(p.values()) - 1) < 1e-9
    folded.clear()
    blanks = "\u200b " * 5_000 + opening  # mostly zero-width and spaces: the opening alone keeps too little
    assert model.probabilities(blanks) == model.probabilities(opening)
    assert max(folded) == len(blanks)


def test_corpus_is_large_varied_and_well_formed():
    rows = _corpus()
    assert len(rows) >= 1200
    assert all(r["label"] in LABELS and r["text"].strip() for r in rows)
    assert len({r["text"] for r in rows}) == len(rows), "duplicate sentences"
    counts = Counter(r["label"] for r in rows)
    assert min(counts.values()) >= 200, counts
    new = [r for r in rows if str(r.get("source", "")).startswith("round34")]
    assert len({r["group"] for r in new}) >= 15
    texts = [r["text"] for r in new]
    assert sum(any(c in t for c in "嘅咗唔佢喺嚟冇畀") for t in texts) >= 20  # Cantonese
    assert sum(to_simplified(t) != t for t in texts) >= 40  # Traditional script (HK, Taiwan)
    unpunctuated = [r for r in new if r.get("group") == "语音"]
    assert len(unpunctuated) >= 30 and not any(c in r["text"] for r in unpunctuated for c in "，。！？,.!?")


def test_corpus_takes_nothing_from_tuning_or_independent_chats():
    chats = ""
    for split in ("tuning", "independent"):
        for f in sorted((ROOT / "evals" / "notes" / split).iterdir()):
            if f.name != "expected.yaml":
                chats += f.read_text(encoding="utf-8", errors="replace")
    long_rows = [r["text"] for r in _corpus() if len(r["text"]) >= 12]
    assert [t for t in long_rows if t in chats] == []


def test_training_script_reports_heldout_figures(tmp_path):
    rows = _corpus()
    small = []
    for label in LABELS:
        small += [r for r in rows if r["label"] == label][:40]
    data = tmp_path / "small.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in small), encoding="utf-8")
    out = tmp_path / "model.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_sentence_classifier.py"), "--data", str(data),
                          "--out", str(out)], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "留出的五分之一" in run.stdout
    meta = json.loads(out.read_text(encoding="utf-8"))["meta"]
    held = meta["heldout"]
    assert held["rows"] == 40  # a fifth of 200, stratified: 8 of each label
    assert all(held[lab]["n"] == 8 for lab in LABELS)
    assert all(0 <= held[lab][k] <= 1 for lab in LABELS for k in ("precision", "recall", "f1-score"))
    assert meta["trained_on"] == 200
    assert meta["tuning_sentences"]["accuracy"] > 0.2  # scored on the tuning-chat sentences it never saw
    # round 35: Platt scaling fitted on the out-of-fold scores (not a temperature), folded into the weights;
    # it cannot fit them worse than no scaling (A = I, b = 0)
    assert "校准" in run.stdout
    cal = meta["calibration"]
    assert "out-of-fold" in cal["method"]
    assert cal["oof_log_loss"]["calibrated"] <= cal["oof_log_loss"]["raw"] + 0.02
    assert set(cal["tuning_sentences"]["ece"]) == {"raw", "calibrated"}
    assert meta["dialect_fold"] is True
    model = SentenceClassifier.load(out)
    p = model.probabilities("我来订场地")
    assert _top(p) in LABELS and math.isclose(sum(p.values()), 1.0, rel_tol=1e-9)
    # the model reads Cantonese in its Mandarin form: the same sentence in both gets the same verdict
    assert model.probabilities("我遲啲send張相俾大家") == model.probabilities("我迟点send张相给大家")

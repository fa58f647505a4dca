"""The shipped notes sentence model can be rebuilt from the repo's data with the script's documented flags
(round 13's rows, no Cantonese fold, no calibration, C=3): the same grams and the same weights."""

from __future__ import annotations

import json

import numpy as np

from copilot.devtools.scripts import load_script
from copilot.notes.classify import LABELS, SHIPPED_MODEL
from copilot.paths import RESOURCES_DIR


def _script():  # type: ignore[no-untyped-def]
    return load_script("scripts/train_sentence_classifier.py")


def test_the_shipped_sentence_model_is_rebuilt_by_the_script_recipe():
    shipped = json.loads(SHIPPED_MODEL.read_text(encoding="utf-8"))
    assert shipped["meta"].get("dialect_fold", False) is False  # the recipe below is the shipped model's
    rows = [json.loads(line) for line in (RESOURCES_DIR / "notes" / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows = [r for r in rows if "source" not in r]
    assert len(rows) == shipped["meta"]["trained_on"]
    vec, clf = _script().fit_all([r["text"] for r in rows], np.array([LABELS.index(r["label"]) for r in rows]),
                                 shipped["meta"]["C"], dialect=False)
    grams = vec.get_feature_names_out()
    rebuilt = {str(g): clf.coef_[:, j] for j, g in enumerate(grams) if np.abs(clf.coef_[:, j]).max() >= 1e-3}
    assert set(rebuilt) == set(shipped["weights"])
    worst = max(float(np.abs(rebuilt[g] - np.array(w)).max()) for g, w in shipped["weights"].items())
    assert worst < 1e-4
    assert np.allclose(clf.intercept_, shipped["bias"], atol=1e-4)

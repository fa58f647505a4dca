"""The notes' own TF-IDF rows give the weights and cosine similarities scikit-learn's vectoriser gives (the one
the offline summary used to load for them), on sentences written for this test, including an empty vocabulary."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from copilot.notes.tfidf import tfidf_rows

DOCS = [
    ["周六", "早上", "七点", "集合", "东门"],
    ["集合", "地点", "东门", "停车场", "东门"],
    ["报名费", "五十", "元", "周五", "前", "交"],
    ["周六", "下雨", "改", "周日"],
    ["谢谢"],
]


def test_rows_match_the_scikit_learn_vectoriser() -> None:
    ref = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, min_df=1).fit_transform(DOCS)
    rows = tfidf_rows(DOCS)
    assert rows is not None and rows.shape == ref.shape
    assert np.allclose(rows.gram(), (ref @ ref.T).toarray(), atol=1e-12)
    assert np.allclose(rows.mean(), np.asarray(ref.mean(axis=0)).ravel(), atol=1e-12)
    centroid = rows.mean()
    assert np.allclose(rows.dot(centroid), ref @ centroid, atol=1e-12)
    picked = rows[[3, 0]]
    assert np.allclose(picked.gram(), (ref[[3, 0]] @ ref[[3, 0]].T).toarray(), atol=1e-12)


def test_a_repeated_word_counts_sublinearly_and_rows_are_unit_length() -> None:
    rows = tfidf_rows(DOCS)
    assert rows is not None
    assert np.allclose(np.diag(rows.gram()), 1.0)
    # sentences sharing no word are orthogonal; those sharing 集合/东门 are not
    g = rows.gram()
    assert g[0, 2] == 0.0 and g[0, 1] > 0.3


def test_no_tokens_at_all_gives_no_rows() -> None:
    assert tfidf_rows([[], []]) is None

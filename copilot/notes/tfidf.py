"""TF-IDF rows of a chat's sentences, in numpy alone: what TextRank and MMR need of them, without scikit-learn.

Weights are scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` defaults: tf = 1 + ln(count), smoothed
idf = ln((1 + n) / (1 + df)) + 1, each row scaled to unit length. Loading scikit-learn (and SciPy with it) for
this alone took ~1.3 s of every ``copilot notes`` call on an idle machine, far more under load.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TfidfRows:
    """One sparse row per sentence: the columns of its terms and their unit-length weights."""

    cols: tuple[np.ndarray, ...]
    vals: tuple[np.ndarray, ...]
    width: int  # the vocabulary size

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.cols), self.width

    def __getitem__(self, rows: Sequence[int] | np.ndarray) -> TfidfRows:
        picked = [int(i) for i in rows]
        return TfidfRows(tuple(self.cols[i] for i in picked), tuple(self.vals[i] for i in picked), self.width)

    def mean(self) -> np.ndarray:
        """The centroid row (dense)."""
        out = np.zeros(self.width)
        for c, v in zip(self.cols, self.vals):
            np.add.at(out, c, v)
        return out / max(1, len(self.cols))

    def dot(self, vector: np.ndarray) -> np.ndarray:
        """Each row's dot product with a dense ``vector``."""
        return np.array([float(v @ vector[c]) for c, v in zip(self.cols, self.vals)])

    def gram(self) -> np.ndarray:
        """The rows' pairwise dot products (cosine similarities, the rows being unit length), dense."""
        used = np.unique(np.concatenate(self.cols)) if self.cols else np.zeros(0, dtype=np.int64)
        dense = np.zeros((len(self.cols), len(used)))
        for i, (c, v) in enumerate(zip(self.cols, self.vals)):
            dense[i, np.searchsorted(used, c)] = v
        return dense @ dense.T


def tfidf_rows(docs: Sequence[Sequence[str]]) -> TfidfRows | None:
    """The TF-IDF rows of ``docs`` (each a list of tokens); None when no document has a token."""
    counts = [Counter(d) for d in docs]
    vocab = {t: i for i, t in enumerate(sorted({t for c in counts for t in c}))}
    if not vocab:
        return None
    df = np.zeros(len(vocab))
    for c in counts:
        df[[vocab[t] for t in c]] += 1
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    cols, vals = [], []
    for c in counts:
        col = np.array(sorted(vocab[t] for t in c), dtype=np.int64)
        terms = sorted(c, key=vocab.__getitem__)
        val = (1 + np.log(np.array([c[t] for t in terms], dtype=float))) * idf[col]
        norm = np.sqrt(val @ val)
        cols.append(col)
        vals.append(val / norm if norm > 0 else val)
    return TfidfRows(tuple(cols), tuple(vals), len(vocab))

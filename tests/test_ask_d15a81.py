"""Round 81 (d15a81, issue 15): a contrastive column for the section scorer. Among the candidates a question's character
bigrams are shared out: a bigram only one candidate says (in its text, heading or the questions it answers) counts whole
for it, one several say is split between them, and the column is each candidate's credit as a share of the best one's
(``ranking.CONTRAST_FEATURES``). A scorer reads the columns its file lists, so the shipped columns stay as they were
unless a scorer is trained with the contrast (``scripts/train_section_scorer.py --stack-on``: the shipped weighing kept,
only the contrast's weight fitted on top, cut-offs kept). Questions written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from copilot.devtools.scripts import load_script
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import CONTRAST_FEATURES, PAIR_FEATURES, SCORER_FILE, Signals, section_scorer


def _signals(n: int, hits: list[list[float]] | None, idf: list[float] | None) -> Signals:
    return Signals(dense=np.linspace(0.9, 0.8, n), lexical=np.arange(n, 0, -1, dtype=float), fields=np.zeros(n),
                   sentence=np.linspace(0.9, 0.7, n), asks_dense=np.linspace(0.9, 0.6, n), asks_lexical=np.zeros(n),
                   own_lexical=np.arange(n, 0, -1, dtype=float),
                   said_hits=None if hits is None else np.asarray(hits, dtype=float),
                   said_weight=None if idf is None else np.asarray(idf, dtype=float))


def test_a_word_only_one_candidate_says_counts_whole_for_it_a_shared_one_is_split() -> None:
    # 骨干 said by candidates 0 and 1; 分工 by candidate 1 alone; candidate 3 says both but is not a candidate here
    signals = _signals(4, [[1, 1, 0, 1], [0, 1, 0, 1]], [2.0, 2.0])
    contrast = signals.contrast(np.array([0, 1, 2]))
    assert contrast.tolist() == pytest.approx([0.25, 0.75, 0.0])
    # with candidate 3 among the candidates, the words are shared with it
    assert signals.contrast(np.array([0, 1, 3])).tolist() == pytest.approx([1 / 6, 5 / 12, 5 / 12])


def test_a_rare_word_weighs_more_than_a_common_one() -> None:
    signals = _signals(3, [[1, 0, 0], [0, 1, 0]], [3.0, 1.0])
    contrast = signals.contrast(np.array([0, 1, 2]))
    assert contrast[0] > contrast[1] > contrast[2] == 0.0


@pytest.mark.parametrize(("hits", "idf"), [(None, None), ([], []), ([[0, 0, 0]], [1.5])])
def test_no_content_word_or_none_said_gives_no_contrast(hits: list[list[float]] | None, idf: list[float] | None) -> None:
    hits_array = None if hits is None else (hits if hits else np.zeros((0, 3)))
    signals = _signals(3, hits_array, idf)  # type: ignore[arg-type]
    assert signals.contrast(np.array([0, 1, 2])).tolist() == [0.0, 0.0, 0.0]


def test_the_shipped_columns_are_unchanged_and_the_contrast_is_only_added_when_asked() -> None:
    signals = _signals(4, [[1, 1, 0, 0], [0, 1, 0, 0]], [1.0, 1.0])
    fused = np.array([0.4, 0.3, 0.2, 0.1])
    top = np.array([0, 1, 2])
    plain = signals.pair_matrix(fused, top)
    both = signals.pair_matrix(fused, top, PAIR_FEATURES + CONTRAST_FEATURES)
    assert plain.shape == (3, len(PAIR_FEATURES)) and both.shape == (3, len(PAIR_FEATURES) + 1)
    assert np.array_equal(both[:, :len(PAIR_FEATURES)], plain)
    # the credit (0.25, 0.75, 0) as a share of the best candidate's
    assert both[:, -1].tolist() == pytest.approx([1 / 3, 1.0, 0.0])


def test_a_question_whose_bigrams_land_nowhere_gives_every_candidate_zero() -> None:
    signals = _signals(3, [[0, 0, 0]], [2.0])
    m = signals.pair_matrix(np.array([0.3, 0.2, 0.1]), np.array([0, 1, 2]), PAIR_FEATURES + CONTRAST_FEATURES)
    assert m[:, -1].tolist() == [0.0, 0.0, 0.0]


def test_a_scorer_may_list_the_contrast_but_no_other_columns(tmp_path: Path) -> None:
    data = json.loads(SCORER_FILE.read_text(encoding="utf-8"))
    base = data["features"][:len(PAIR_FEATURES)]
    n = len(PAIR_FEATURES) + len(CONTRAST_FEATURES)
    for name, features, usable in (("with.json", [*base, *CONTRAST_FEATURES], True),
                                   ("odd.json", [*base, "contrast_gap"], False),
                                   ("short.json", base[:-1], False)):
        path = tmp_path / name
        width = len(features)
        path.write_text(json.dumps({**data, "features": features, "mean": [0.0] * width, "scale": [1.0] * width,
                                    "coef": [0.0] * width}), encoding="utf-8")
        assert (section_scorer(path) is not None) is usable
    assert n == len(PAIR_FEATURES) + 1


def test_the_stacked_model_written_as_one_scorer_gives_the_same_decision_values() -> None:
    train = load_script("scripts/train_section_scorer.py")
    base = section_scorer(SCORER_FILE)
    assert base is not None
    base = base.model_copy(update={"features": list(PAIR_FEATURES), "mean": base.mean[:len(PAIR_FEATURES)],
                                   "scale": base.scale[:len(PAIR_FEATURES)], "coef": base.coef[:len(PAIR_FEATURES)]})
    rng = np.random.default_rng(81)
    width = len(PAIR_FEATURES) + len(CONTRAST_FEATURES)
    rows = [(rng.normal(size=(12, width)) * 0.3 + 0.5, (np.arange(12) == k % 12).astype(int)) for k in range(30)]
    stacked = train.stacked_rows([("f", m, lab) for m, lab in rows], base)
    x = np.concatenate([m for _, m, _ in stacked])
    y = np.concatenate([lab for _, _, lab in stacked])
    mean, scale = x.mean(0), x.std(0) + 1e-9
    model = LogisticRegression(C=0.3, max_iter=2000).fit((x - mean) / scale, y)
    scorer = train.unstack(model, mean, scale, base)
    assert scorer.features == list(PAIR_FEATURES + CONTRAST_FEATURES)
    assert scorer.second == base.second and scorer.warn == base.warn  # the cut-offs are kept
    for (_, m, _), (_, full, _) in zip(stacked, [("f", m, lab) for m, lab in rows]):
        want = model.decision_function((m - mean) / scale)
        got = train.base_values(scorer, full)
        assert got == pytest.approx(want, abs=1e-4)


def _contrast_by_section(index: KnowledgeIndex, question: str) -> dict[tuple[str, str], float]:
    signals, _ = index.signals(index.read_query(question)[1])
    fused = signals.fused()
    top = np.argsort(-fused, kind="stable")[:12]
    m = signals.pair_matrix(fused, top, PAIR_FEATURES + CONTRAST_FEATURES)
    sections = index._ensure_loaded().sections  # noqa: SLF001 - the test names the candidates
    return {sections[int(i)]: float(c) for i, c in zip(top, m[:, len(PAIR_FEATURES)])}


def test_bigrams_most_sections_say_are_left_out(kb_index: KnowledgeIndex) -> None:
    loaded = kb_index._ensure_loaded()  # noqa: SLF001
    for everywhere in ("群里", "怎么"):
        hits, weight = loaded.gram_hits(everywhere)
        assert hits.shape[0] == 0 and len(weight) == 0
    hits, weight = loaded.gram_hits("交友型还是学习型")
    assert hits.shape == (len(weight), len(loaded.sections)) and len(weight) >= 3
    assert (weight > 0).all()


def test_a_group_kind_question_lands_on_the_positioning_words_not_on_qq_or_wechat(kb_index: KnowledgeIndex) -> None:
    contrast = _contrast_by_section(kb_index, "我这个群是算交友型的还是学习型的，定位有点乱")
    qq = contrast[("platform-structure", "QQ 群还是微信群")]
    assert contrast[("positioning", "定位的六个维度")] > qq
    assert contrast[("group-types", "群主为什么要建群")] > qq


@pytest.mark.parametrize(("question", "owner"), [
    ("我们做读书会，该建QQ群还是微信群？", ("platform-structure", "QQ 群还是微信群")),
    ("骨干成员在大群里平时该干点啥？", ("core-members", "核心成员在大群里做什么")),
])
def test_a_question_in_a_sections_own_words_keeps_that_section_on_top(kb_index: KnowledgeIndex, question: str,
                                                                      owner: tuple[str, str]) -> None:
    contrast = _contrast_by_section(kb_index, question)
    assert contrast[owner] == max(contrast.values())


def test_a_cantonese_platform_question_lands_on_the_platform_card(kb_index: KnowledgeIndex) -> None:
    # 應該開…定…好 reads like choosing a platform (选平台看用户在哪里), the QQ / WeChat section close behind
    contrast = _contrast_by_section(kb_index, "我哋讀書會應該開QQ群定微信群好？")
    ranked = sorted(contrast, key=contrast.__getitem__, reverse=True)
    assert {ranked[0][0], ranked[1][0]} == {"platform-structure"}
    assert ("platform-structure", "QQ 群还是微信群") in ranked[:2]

"""Rebuild ``copilot/resources/notes/answer_picker.json`` (which later line answers a question).

Data: the readable notes chats' listed Q&A — ``evals/notes/dev`` and ``evals/notes/tuning`` to train on,
``evals/notes/independent`` kept apart and only reported (never a locked or blind split). For every listed pair, the
asking line (the first line of the listed asker holding the question's words, one read as a question first) and each
candidate reply after it (:func:`copilot.notes.answer_picker.candidates`) is one example, labelled 1 when it is the
listed answerer's line holding the answer's words; every other line read as a question that no listed pair asks is an
example of a question whose candidates are all 0 (a question nobody answers, chatter, a call the notes leave to a
to-do). Features: :func:`copilot.notes.answer_picker.candidate_features`, on the structure pass's work text (host,
speakers, the lines its pairing gave to other questions).

A binary ``LogisticRegression`` is chosen by 5-fold cross-validation grouped by chat and exported as JSON weights,
checked to reproduce scikit-learn's probabilities. Printed and stored in ``meta``: per question, how often the top
candidate is the listed answer (over questions with a listed answer in the window), and on the held-out independent
chats the same figure.

Usage: ``.venv/bin/python scripts/train_answer_picker.py [--out PATH]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.evals.notes import INDEPENDENT_DIR, NOTES_EVAL_DIR, TUNING_DIR, _has_all, _name, load_specs  # noqa: E402
from copilot.notes.answer_picker import PICKER_MODEL, candidate_features, candidates  # noqa: E402
from copilot.notes.classify import save_exported  # noqa: E402
from copilot.notes.owners import OwnerModel  # noqa: E402
from copilot.notes.parse import parse_file  # noqa: E402
from copilot.notes.reading import People, is_question  # noqa: E402
from copilot.notes.script import detect_script, make_shadow  # noqa: E402
from copilot.notes.structure import analyze, dated_messages  # noqa: E402

Example = tuple[list[str], int, int, int]  # features, label, chat group, question group


def chat_examples(path: Path, spec, group: int, qbase: int) -> list[Example]:
    transcript = parse_file(path)
    work = make_shadow(transcript) if detect_script(transcript) == "zh-Hant" else transcript
    st = analyze(work)
    msgs = dated_messages(work.messages)
    orig = transcript.messages
    people = People.of(msgs)
    out: list[Example] = []
    listed: set[int] = set()
    for n, want in enumerate(spec.qa):
        lines = [i for i, m in enumerate(orig) if _name(m.speaker) == _name(want.asker) and _has_all(m.text, want.question)]
        asked = [i for i in lines if is_question(orig[i].text)] or lines
        if not asked:
            continue
        qi = asked[0]
        listed.add(qi)
        taken = frozenset(i for p in st.qa if p.sources and p.sources[0] != msgs[qi].id for i in p.sources[1:])
        for ci in candidates(msgs, qi):
            label = int(_name(orig[ci].speaker) == _name(want.answerer) and _has_all(orig[ci].text, want.answer))
            out.append((candidate_features(msgs, qi, ci, people, st.host, st.speakers, taken), label, group, qbase + n))
    for qi, m in enumerate(orig):
        if qi in listed or not is_question(m.text):
            continue
        if any(_name(m.speaker) == _name(w.asker) and _has_all(m.text, w.question) for w in spec.qa):
            continue  # (another line of a listed question: neither answered nor unanswered for sure)
        taken = frozenset(i for p in st.qa if p.sources and p.sources[0] != msgs[qi].id for i in p.sources[1:])
        for ci in candidates(msgs, qi):
            out.append((candidate_features(msgs, qi, ci, people, st.host, st.speakers, taken), 0, group,
                        qbase + 1000 + qi))
    return out


def examples(folders: list[Path]) -> list[Example]:
    out: list[Example] = []
    chats = [(folder / name, spec) for folder in folders for name, spec in load_specs(folder).items()]
    for n, (path, spec) in enumerate(chats):
        if path.exists():
            out += chat_examples(path, spec, n, (n + 1) * 100000)
    return out


def top_accuracy(rows: list[Example], p: np.ndarray, threshold: float) -> tuple[float, float, int]:
    """Over questions with a listed answer in the window: the top candidate is it (and above ``threshold``);
    over questions with none: no candidate passes ``threshold``."""
    by_q: dict[int, list[int]] = {}
    for n, r in enumerate(rows):
        by_q.setdefault(r[3], []).append(n)
    right = total = quiet = silent = 0
    for idx in by_q.values():
        top = max(idx, key=lambda n: p[n])
        if any(rows[n][1] for n in idx):
            total += 1
            right += rows[top][1] == 1 and p[top] >= threshold
        else:
            silent += 1
            quiet += p[top] < threshold
    return right / max(1, total), quiet / max(1, silent), total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=PICKER_MODEL)
    ap.add_argument("--threshold", type=float, default=0.5)
    args = ap.parse_args()
    train = examples([NOTES_EVAL_DIR / "dev", TUNING_DIR])
    held = examples([INDEPENDENT_DIR])
    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(f, 1) for f, *_ in train])
    Y = np.array([r[1] for r in train])
    G = np.array([r[2] for r in train])
    best: tuple[float, float] | None = None
    for C in (0.1, 0.3, 1.0, 3.0):
        p = cross_val_predict(LogisticRegression(C=C, max_iter=5000), X, Y, cv=GroupKFold(5), groups=G,
                              method="predict_proba")[:, 1]
        acc, quiet, n = top_accuracy(train, p, args.threshold)
        print(f"C={C}: 5 折交叉验证（按聊天分组）{n} 个有答案的问题，首选即答案 {acc:.3f}；无答案的问题无候选过线 {quiet:.3f}")
        if best is None or acc + 0.5 * quiet > best[0]:
            best = (acc + 0.5 * quiet, C)
    assert best is not None
    C = best[1]
    clf = LogisticRegression(C=C, max_iter=5000).fit(X, Y)
    names = vec.get_feature_names_out()
    weights = {str(f): float(w) for f, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 1e-4}
    model = OwnerModel(bias=float(clf.intercept_[0]), weights=weights, meta={})
    hp = np.array([model.probability(f) for f, *_ in held])
    hacc, hquiet, hn = top_accuracy(held, hp, args.threshold)
    print(f"独立集（不参与训练）：{hn} 个有答案的问题，首选即答案 {hacc:.3f}；无答案的问题无候选过线 {hquiet:.3f}")
    cv = cross_val_predict(LogisticRegression(C=C, max_iter=5000), X, Y, cv=GroupKFold(5), groups=G,
                           method="predict_proba")[:, 1]
    acc, quiet, n = top_accuracy(train, cv, args.threshold)
    model.meta = {"examples": len(train), "questions_answered": n, "C": C,
                  "cv_top_is_answer": round(acc, 4), "cv_unanswered_quiet": round(quiet, 4),
                  "independent_top_is_answer": round(hacc, 4), "independent_unanswered_quiet": round(hquiet, 4),
                  "source": "evals/notes/dev + evals/notes/tuning listed Q&A; rebuild: scripts/train_answer_picker.py"}
    sk = clf.predict_proba(X)[:, 1]
    ours = np.array([model.probability(f) for f, *_ in train])
    return save_exported(model, sk, ours, args.out, 1e-3,
                         f"选 C={C}：{len(train)} 个候选，{len(weights)} 个特征 → {args.out}")


if __name__ == "__main__":
    raise SystemExit(main())

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

from copilot.evals.notes import (  # noqa: E402
    INDEPENDENT_DIR,
    NOTES_EVAL_DIR,
    TUNING_DIR,
    ChatSpec,
    _has_all,
    _name,
    load_specs,
)
from copilot.notes import pairing  # noqa: E402
from copilot.notes.answer_picker import PICKER_MODEL, candidate_features, candidates  # noqa: E402
from copilot.notes.classify import THRESHOLDS_FILE, save_exported  # noqa: E402
from copilot.notes.model import Message, Transcript  # noqa: E402
from copilot.notes.owners import OwnerModel  # noqa: E402
from copilot.notes.parse import parse_file  # noqa: E402
from copilot.notes.reading import People, is_question  # noqa: E402
from copilot.notes.script import detect_script, make_shadow  # noqa: E402
from copilot.notes.structure import Structure, analyze, dated_messages  # noqa: E402
from copilot.paths import load_resource  # noqa: E402

Example = tuple[list[str], int, int, int, bool]  # features, label, chat group, question group, the rules' pick


def rules_structure(work: Transcript) -> Structure:
    """The structure pass with the pairing's rules alone (the picker's own vote left out: the lines the rules gave
    to other questions are what :func:`copilot.notes.pairing.find_qa` shows the picker)."""
    vote = pairing._learned_answers
    pairing._learned_answers = lambda *_a, **_k: None
    try:
        return analyze(work)
    finally:
        pairing._learned_answers = vote


def _rules_reading(st: Structure, msgs: list[Message], qi: int) -> tuple[frozenset[int], int | None]:
    """The lines the rules' pairs give to other questions than ``msgs[qi]``, and the first line of its answerer in the
    rules' own pair for it (None when they paired it with nothing)."""
    taken = frozenset(i for p in st.qa if p.sources and p.sources[0] != msgs[qi].id for i in p.sources[1:])
    said = {m.id: m.speaker for m in msgs}
    pair = next((p for p in st.qa if p.sources and p.sources[0] == msgs[qi].id), None)
    given = next((i for i in pair.sources[1:] if said.get(i) == pair.answerer), None) if pair else None
    return taken, given


def chat_examples(path: Path, spec: ChatSpec, group: int, qbase: int) -> list[Example]:
    transcript = parse_file(path)
    work = make_shadow(transcript) if detect_script(transcript) == "zh-Hant" else transcript
    st = rules_structure(work)
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
        taken, given = _rules_reading(st, msgs, qi)
        for ci in candidates(msgs, qi):
            label = int(_name(orig[ci].speaker) == _name(want.answerer) and _has_all(orig[ci].text, want.answer))
            out.append((candidate_features(msgs, qi, ci, people, st.host, st.speakers, taken, given), label, group,
                        qbase + n, msgs[ci].id == given))
    for qi, m in enumerate(orig):
        if qi in listed or not is_question(m.text):
            continue
        if any(_name(m.speaker) == _name(w.asker) and _has_all(m.text, w.question) for w in spec.qa):
            continue  # (another line of a listed question: neither answered nor unanswered for sure)
        taken, given = _rules_reading(st, msgs, qi)
        for ci in candidates(msgs, qi):
            out.append((candidate_features(msgs, qi, ci, people, st.host, st.speakers, taken, given), 0, group,
                        qbase + 1000 + qi, msgs[ci].id == given))
    return out


def examples(folders: list[Path]) -> list[Example]:
    out: list[Example] = []
    chats = [(folder / name, spec) for folder in folders for name, spec in load_specs(folder).items()]
    for n, (path, spec) in enumerate(chats):
        if path.exists():
            out += chat_examples(path, spec, n, (n + 1) * 100000)
    return out


def against_rules(rows: list[Example], p: np.ndarray, margin: float) -> tuple[int, int, int, int]:
    """Per question: the model's top candidate is the listed answer (count), and where the rules paired the question,
    the replies the vote (another candidate ``margin`` above the rules' pick) would set right and set wrong; the
    rules' right picks."""
    by_q: dict[int, list[int]] = {}
    for n, r in enumerate(rows):
        by_q.setdefault(r[3], []).append(n)
    top = fixed = broke = rules = 0
    for idx in by_q.values():
        best = max(idx, key=lambda n: p[n])
        top += rows[best][1]
        rule = next((n for n in idx if rows[n][4]), None)
        if rule is None:
            continue
        rules += rows[rule][1]
        if best != rule and p[best] > p[rule] + margin:
            fixed += rows[best][1] and not rows[rule][1]
            broke += rows[rule][1] and not rows[best][1]
    return top, rules, fixed, broke


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=PICKER_MODEL)
    ap.add_argument("--c", default="1.0", help="regularisation strengths to try, comma-separated (round 81 tried "
                    "0.1,0.3,1.0: 1.0 set the most replies right in cross-validation)")
    args = ap.parse_args()
    train = examples([NOTES_EVAL_DIR / "dev", TUNING_DIR])
    held = examples([INDEPENDENT_DIR])
    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(f, 1) for f, *_ in train])
    Y = np.array([r[1] for r in train])
    G = np.array([r[2] for r in train])
    margin = float(load_resource(THRESHOLDS_FILE)["answer_picker"]["margin"])
    best: tuple[int, float] | None = None
    for C in (float(x) for x in args.c.split(",")):
        p = cross_val_predict(LogisticRegression(C=C, max_iter=5000), X, Y, cv=GroupKFold(5), groups=G,
                              method="predict_proba")[:, 1]
        top, rules, fixed, broke = against_rules(train, p, margin)
        print(f"C={C}: 5 折交叉验证（按聊天分组）首选即答案 {top}，规则选对 {rules}；换答案改对 {fixed}、改错 {broke}")
        if best is None or fixed - 2 * broke > best[0]:
            best = (fixed - 2 * broke, C)
    assert best is not None
    C = best[1]
    p = cross_val_predict(LogisticRegression(C=C, max_iter=5000), X, Y, cv=GroupKFold(5), groups=G,
                          method="predict_proba")[:, 1]
    top, rules, fixed, broke = against_rules(train, p, margin)
    clf = LogisticRegression(C=C, max_iter=5000).fit(X, Y)
    names = vec.get_feature_names_out()
    weights = {str(f): float(w) for f, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 1e-4}
    model = OwnerModel(bias=float(clf.intercept_[0]), weights=weights, meta={})
    hp = np.array([model.probability(f) for f, *_ in held])
    htop, hrules, hfixed, hbroke = against_rules(held, hp, margin)
    print(f"独立集（不参与训练）：首选即答案 {htop}，规则选对 {hrules}；换答案改对 {hfixed}、改错 {hbroke}")
    model.meta = {"examples": len(train), "C": C, "margin": margin, "cv_top_is_answer": int(top),
                  "cv_rules_right": int(rules), "cv_vote_fixed": int(fixed), "cv_vote_broke": int(broke),
                  "independent_top_is_answer": int(htop), "independent_rules_right": int(hrules),
                  "independent_vote_fixed": int(hfixed), "independent_vote_broke": int(hbroke),
                  "source": "evals/notes/dev + evals/notes/tuning listed Q&A; rebuild: scripts/train_answer_picker.py"}
    sk = clf.predict_proba(X)[:, 1]
    ours = np.array([model.probability(f) for f, *_ in train])
    return save_exported(model, sk, ours, args.out, 1e-3,
                         f"选 C={C}：{len(train)} 个候选，{len(weights)} 个特征 → {args.out}")


if __name__ == "__main__":
    raise SystemExit(main())

"""Derive labelled training rows for the notes' three models from the readable ``evals/notes/dev/`` chats.

Issue 13: the sentence-kind, owner and to-do gate models were trained on sentences written for them
(``copilot/resources/notes/{sentences,owners,tasks}.jsonl``); the readable dev chats, each with its
hand-written ``expected.yaml`` entry, are far more labelled material. This script turns that entry into
rows, message by message (only ``evals/notes/dev/`` is read: ``tuning/`` and ``independent/`` stay held
out for checking, and no locked split is ever opened):

- an expected to-do (``actions``): the message holding all its task words (the one with its deadline
  wording, spoken by or naming its owner, first) → sentence ``commitment`` (``announcement`` when the owner
  is 大家), to-do gate ``todo``; when its owner is named in it, or it is the owner's own message with a
  我, an owner row with the doer marked ``[…]`` and every other chat member named in it marked ``{…}``;
- an expected question (``qa``): the asker's message holding all its question words → ``question``; the
  answerer's message holding the answer words → ``other`` (an answer that gives information);
- an expected decision → ``decision``; an expected announcement → ``announcement``;
- ``not_actions`` → to-do gate ``not``; every other message (not cited by any item above) → sentence
  ``other`` and to-do gate ``not``, except noise: a message that ends in a question mark, or whose words
  are one of the near misses (``not_questions``/``not_decisions``), gets no sentence row; a message
  with an unlisted to-do shape is not guessed at either way.

Rows are written to ``build/notes_rows/dev_{sentences,tasks,owners}.jsonl`` (git-ignored: rebuilt by this
script, about 3 MB) with ``source`` ``dev:<file>``; the training scripts read them with ``--with-dev``. A message cited by two kinds of item
(a question that is also a to-do) gets no sentence row.

Usage: ``.venv/bin/python scripts/derive_notes_rows.py [--dev evals/notes/dev] [--out-dir DIR]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.evals.notes import ChatSpec, load_specs  # noqa: E402
from copilot.notes.model import Message  # noqa: E402
from copilot.notes.parse import parse_file  # noqa: E402
from copilot.notes.reading import aliases  # noqa: E402
from copilot.paths import EVALS_DIR  # noqa: E402
from copilot.textnorm import fold  # noqa: E402

DEV = EVALS_DIR / "notes" / "dev"
OUT_DIR = ROOT / "build" / "notes_rows"  # rebuilt, not committed (git-ignored): 3 MB of rows
MAX_SENTENCE = 200  # the sentence model judges a wall of text by its opening
MAX_CLAUSE = 120  # and the to-do gate by its first 120 characters (copilot.notes.tasks.MAX_CHARS)
_CLAUSE_END = re.compile(r"(?<=[。！？!?；;\n])")
_ASKING = re.compile(r"[？?]\s*$")
_GROUP_OWNERS = ("大家", "全体", "所有人")


def _has_all(text: str, words: list[str]) -> bool:
    folded = fold(text)
    return bool(words) and all(fold(w) in folded for w in words)


def _names(speaker: str) -> set[str]:
    return {a for a in aliases(speaker) if len(a) >= 2} | {fold(speaker)}


def _clause(text: str, words: list[str]) -> str:
    """The sentence of ``text`` that holds the ``words`` (the whole message when no one sentence does):
    "好的。插座我周五前去买" → "插座我周五前去买"."""
    parts = [p.strip() for p in _CLAUSE_END.split(text) if p.strip()]
    hit = [p for p in parts if _has_all(p, words)]
    return hit[0] if hit else text.strip()


def _find(messages: list[Message], words: list[str], prefer: list) -> Message | None:
    """The message holding every word, the most preferred first (each ``prefer`` is a test on a message)."""
    found = [m for m in messages if _has_all(m.text, words)]
    if not found:
        return None
    return max(found, key=lambda m: tuple(bool(p(m)) for p in prefer) + (-m.id,))


def _mark(clause: str, doers: list[tuple[int, int]], others: list[tuple[int, int]]) -> str:
    """The owner model's marking: the doers as ``[…]``, anyone else named as ``{…}``."""
    spans = sorted([(s, e, "[", "]") for s, e in doers] + [(s, e, "{", "}") for s, e in others])
    out, last = "", 0
    for s, e, a, b in spans:
        if s < last:
            continue
        out += clause[last:s] + a + clause[s:e] + b
        last = e
    return out + clause[last:]


def _spans(folded: str, names: set[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(n), folded):
            if all(m.end() <= s or m.start() >= e for s, e in out):
                out.append((m.start(), m.end()))
    return sorted(out)


def _split_owner(owner: str) -> list[str]:
    """A shared to-do's owners: "阿芬和小周", "阿芬、小周"."""
    return [o for o in re.split("[和、]", owner) if o.strip()]


def _cited(spec: ChatSpec, messages: list[Message], stats: Counter) -> tuple[dict[int, set[str]], list[tuple[Message, list[str], str]]]:
    """Which kinds of expected item cite each message (id → kinds), and each found to-do's message, task words, owner."""
    kinds: dict[int, set[str]] = {}
    todos: list[tuple[Message, list[str], str]] = []

    def cite(m: Message | None, kind: str) -> None:
        if m is not None:
            kinds.setdefault(m.id, set()).add(kind)

    for a in spec.actions:
        names = set().union(*(_names(o) for o in _split_owner(a.owner)))
        m = _find(messages, a.task, [
            lambda m, a=a: a.deadline_text and fold(a.deadline_text) in fold(m.text),
            lambda m, a=a, names=names: m.speaker == a.owner or any(n in fold(m.text) for n in names),
        ])
        if m is None:
            stats["action_not_found"] += 1
            continue
        cite(m, "announcement" if any(g in a.owner for g in _GROUP_OWNERS) else "commitment")
        todos.append((m, a.task, a.owner))
    for q in spec.qa:
        cite(_find(messages, q.question, [lambda m, q=q: m.speaker == q.asker, lambda m: _ASKING.search(m.text)]), "question")
        cite(_find(messages, q.answer, [lambda m, q=q: m.speaker == q.answerer]), "answer")
    for d in spec.decisions:
        cite(_find(messages, d.text, [lambda m, d=d: d.decider and m.speaker == d.decider]), "decision")
    for an in spec.announcements:
        cite(_find(messages, an.text, []), "announcement")
    return kinds, todos


def _sentence_label(text: str, got: set[str], near: list[str], not_todo: bool) -> str | None:
    """A message's sentence label from the kinds of item citing it (None: cited twice, or a near miss)."""
    if len(got - {"answer"}) == 1:
        return next(iter(got - {"answer"}))
    if got == {"answer"}:
        return "other"
    if not got and not _ASKING.search(text) and not any(fold(w) in fold(text) for w in near) and not not_todo:
        return "other"
    return None


def _doers(folded: str, owners_here: list[str]) -> list[tuple[int, int]]:
    """Where each owner of a clause's to-dos is named in it: 我 for the speaker's own, 大家 for the group."""
    doers: list[tuple[int, int]] = []
    for o in owners_here:
        if o == "我":
            hit = folded.find("我")
            found = [(hit, hit + 1)] if hit >= 0 else []
        elif any(g in o for g in _GROUP_OWNERS):
            word = next((g for g in _GROUP_OWNERS if g in folded), None)
            found = [(folded.index(word), folded.index(word) + len(word))] if word else []
        else:
            found = _spans(folded, _names(o))[:1]
        doers += [d for d in found if all(d[1] <= s or d[0] >= e for s, e in doers)]
    return sorted(doers)


def _chat_rows(spec: ChatSpec, messages: list[Message], source: str, stats: Counter) -> tuple[list[dict], list[dict], list[dict]]:
    sentences: list[dict] = []
    tasks: list[dict] = []
    owners: list[dict] = []
    speakers = {m.speaker for m in messages}
    everyone = set().union(*(_names(sp) for sp in speakers))
    kinds, todo_rows = _cited(spec, messages, stats)
    near = spec.not_questions + spec.not_decisions
    not_todo = {m.id for w in spec.not_actions for m in messages if fold(w) in fold(m.text)}
    for m in messages:
        text = m.text.strip()[:MAX_SENTENCE]
        got = kinds.get(m.id, set())
        label = _sentence_label(text, got, near, m.id in not_todo)
        if label:
            sentences.append({"text": text, "label": label, "source": source})
            stats[f"sentence_{label}"] += 1
        if not got & {"commitment", "announcement"} and (not got or m.id in not_todo):
            clause = fold(text[:MAX_CLAUSE])
            tasks.append({"text": _bracket_people(clause, _spans(clause, everyone)), "label": "not", "source": source})
            stats["task_not"] += 1
    clauses: dict[str, list[str]] = {}  # a clause → the owners of the to-dos it holds (one row per clause)
    for m, words, owner in todo_rows:
        folded = fold(_clause(m.text, words)[:MAX_SENTENCE])
        clauses.setdefault(folded, [])
        if m.speaker == owner and owner not in clauses[folded]:
            clauses[folded].append("我")
        clauses[folded] += [o for o in _split_owner(owner) if o not in clauses[folded]]
    for folded, owners_here in clauses.items():
        tasks.append({"text": _bracket_people(folded[:MAX_CLAUSE], _spans(folded[:MAX_CLAUSE], everyone)),
                      "label": "todo", "source": source})
        stats["task_todo"] += 1
        doers = _doers(folded, owners_here)
        if not doers:
            stats["owner_unmarked"] += 1
            continue
        others = everyone - set().union(*(_names(o) for o in owners_here if o != "我"))
        other_spans = [s for s in _spans(folded, others) if all(s[1] <= a or s[0] >= b for a, b in doers)]
        owners.append({"text": _mark(folded, doers, other_spans), "source": source})
        stats["owner_rows"] += 1
    return sentences, tasks, owners


def derive(folder: Path) -> tuple[list[dict], list[dict], list[dict], Counter]:
    """The sentence, to-do gate and owner rows of every chat in ``folder`` (its ``expected.yaml``), and counts."""
    sentences: list[dict] = []
    tasks: list[dict] = []
    owners: list[dict] = []
    stats: Counter = Counter()
    for name, spec in sorted(load_specs(folder).items()):
        path = folder / name
        if not path.exists():
            continue
        try:
            messages = [m for m in parse_file(path).messages if m.text.strip()]
        except Exception:  # noqa: BLE001 - a chat the parser refuses gives no rows
            stats["unparsed"] += 1
            continue
        s, t, o = _chat_rows(spec, messages, f"dev:{name}", stats)
        sentences += s
        tasks += t
        owners += o
        stats["chats"] += 1
    return sentences, tasks, owners, stats


def balanced_dev_rows(rows: list[dict], common: str, ratio: float) -> list[dict]:
    """The derived dev rows with their ``common`` label (``other``/``not``: every message no expected item
    cites) cut to ``ratio`` times the other labels' rows (seed 0), so the chats' small talk does not outweigh
    the written corpus and the labelled items."""
    rare = [r for r in rows if r["label"] != common]
    pool = [r for r in rows if r["label"] == common]
    keep = np.random.default_rng(0).permutation(len(pool))[:int(ratio * len(rare))]
    return rare + [pool[i] for i in sorted(keep)]


def _bracket_people(folded: str, people: list[tuple[int, int]]) -> str:
    """The to-do gate's marking: every person named in the clause as ``[…]`` (pronouns stay bare)."""
    out, last = "", 0
    for s, e in people:
        out += folded[last:s] + "[" + folded[s:e] + "]"
        last = e
    return out + folded[last:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = ap.parse_args()
    if "locked" in str(args.dev) or "independent" in args.dev.name:
        print(f"{args.dev}: only the readable dev chats are training material", file=sys.stderr)
        return 2
    sentences, tasks, owners, stats = derive(args.dev)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for kind, rows in (("sentences", sentences), ("tasks", tasks), ("owners", owners)):
        out = args.out_dir / f"dev_{kind}.jsonl"
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} rows → {out}")
    print(dict(sorted(stats.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

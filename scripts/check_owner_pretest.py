"""Round 58 (d00c58): the owner step's "nobody here" pre-test (``_nobody_in`` in :func:`_clauses`) against the full
path of a checkout before it, over every readable notes chat (dev, tuning, evals/notes top level) — prints counts only.

Run from the repository: PYTHONPATH=. .venv/bin/python scripts/check_owner_pretest.py /path/to/old/checkout
(a detached worktree of the commit before the pre-test). Every call the to-do step makes to ``_clauses`` also runs the
old checkout's ``_clauses`` on copies of its inputs; then every sentence of every message is read on its own, as the
to-do step would with the message's own @-address (and with none). The two answers must be the same: ``differ 0``."""
import copy
import importlib.util
import sys
from collections import Counter

import copilot.notes.structure as S
from copilot.evals.notes import readable_chats
from copilot.notes.parse import parse_file


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec); sys.modules[name] = mod; spec.loader.exec_module(mod); return mod
B = load("copilot.notes.base_structure", f"{sys.argv[1]}/copilot/notes/structure.py")
calls, differ, skipped = Counter(), Counter(), Counter()
new_clauses, new_nobody = S._clauses, S._nobody_in


def as_tuples(cs):
    return [(c.text, c.owner, c.kind, c.owner_text, c.p) for c in cs]


phase = "_clauses"


def nobody(*args, **kw):
    r = new_nobody(*args, **kw); skipped[phase] += r; return r
S._nobody_in = nobody


def wrapped(*args, **kw):
    r_old = B._clauses(*copy.deepcopy(args), **copy.deepcopy(kw))
    r_new = new_clauses(*args, **kw)
    calls["_clauses"] += 1; differ["_clauses"] += as_tuples(r_old) != as_tuples(r_new)
    return r_new
S._clauses = wrapped

files = readable_chats()
n = 0
for p in files:
    try:
        t = parse_file(p)
    except Exception:
        continue
    phase = "_clauses"
    S.find_actions(t.messages); n += 1
    people = S.People.of(t.messages)
    phase = "(all)"
    for m in t.messages:  # every sentence of every message, on its own too
        lead = people.lead(m.text)
        for s in S.items(m.text):
            for ld in ([], lead, ["大家"]):
                for vol in (False, True):
                    k = "(all)"
                    calls[k] += 1
                    differ[k] += as_tuples(B._clauses(s, m.speaker, people, list(ld), volunteering=vol)) != \
                        as_tuples(new_clauses(s, m.speaker, people, list(ld), volunteering=vol))
print(n, "chats")
for k in sorted(calls): print(f"{k:10s} calls {calls[k]:7d} skipped {skipped[k]:7d} differ {differ[k]}")

"""Round 58 (d00b58): each "can this line be it" pre-test of the to-do step against the full path of a checkout
before it, call by call, over every readable notes chat (dev, tuning, evals/notes top level) — prints counts only.

Run from the repository: PYTHONPATH=. .venv/bin/python scripts/check_todo_pretests.py /path/to/old/checkout
(a detached worktree of the commit before the pre-tests). The to-do step runs on this tree; each wrapped function also
runs the old checkout's version on copies of its inputs, and the two answers (and the to-dos they change) must be the
same: ``differ 0`` everywhere."""
import copy
import importlib.util
import sys
from collections import Counter

import copilot.notes.dates as D
import copilot.notes.structure as S
from copilot.evals.notes import readable_chats
from copilot.notes.parse import parse_file


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec); sys.modules[name] = mod; spec.loader.exec_module(mod); return mod
B = load("copilot.notes.base_structure", f"{sys.argv[1]}/copilot/notes/structure.py")
BD = load("copilot.notes.base_dates", f"{sys.argv[1]}/copilot/notes/dates.py")
calls, differ = Counter(), Counter()

def same_state(name, mutating):
    new, old = getattr(S, name), getattr(B, name)
    def w(*args, **kw):
        if mutating:
            acts = args[0]
            twin = copy.deepcopy(acts)
            r_old = old(twin, *args[1:], **kw)
            r_new = new(*args, **kw)
            ok = r_old == r_new and twin == acts
        else:
            r_old = old(*copy.deepcopy(args), **kw)
            r_new = new(*args, **kw)
            ok = r_old == r_new
        calls[name] += 1; differ[name] += not ok
        return r_new
    setattr(S, name, w)

for name in ("_dates_given_work", "_due_answer", "_dated_later"):
    same_state(name, True)
for name in ("_action_from", "_decides", "event_notice"):
    same_state(name, False)
new_anch = D.anchored_events
def anch(texts, events):
    r = new_anch(texts, events); calls["anchored_events"] += 1; differ["anchored_events"] += r != BD.anchored_events(texts, events); return r
S.anchored_events = anch
# _own_plans (lazy): the to-dos found are compared by the dump; here each part's readings against the eager ones
files = readable_chats()
n = 0
for p in files:
    try:
        t = parse_file(p)
    except Exception:
        continue
    S.find_actions(t.messages); n += 1
    for m in t.messages:  # every sentence of every message, on its own too
        for s in S.items(m.text):
            for name in ("_decides",):
                calls[name + "(all)"] += 1; differ[name + "(all)"] += S._decides(s) != B._decides(s)
            calls["event_notice(all)"] += 1
            differ["event_notice(all)"] += S.event_notice(s, m.time) != B.event_notice(s, m.time)
print(n, "chats")
for k in sorted(calls): print(f"{k:22s} calls {calls[k]:7d} differ {differ[k]}")

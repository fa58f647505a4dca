"""Round 59 (d00b59): the long-message cuts against the code before them, call by call, over every readable notes chat
(dev, tuning, evals/notes top level), the 2,000-message benchmark and a file of 1,200-character messages — counts only.

Run from the repository: PYTHONPATH=. .venv/bin/python scripts/check_long_message_cuts.py [how many chats]
On every call made while the notes are written, the new answer is compared with the old way of computing it:
- ``textnorm.fold`` of a long text (now remembered) against folding it afresh (``_fold``);
- ``textnorm.cuts_word`` and ``owners._cuts_a_word`` (now reading only the words that hold the span's edges) against
  their old bodies, which read every word of the text;
- ``structure._due`` (now remembered) against ``find_deadline`` afresh.
Every ``differ`` must be 0."""
import random
import sys
from collections import Counter

import copilot.notes.owners as O
import copilot.textnorm as T
from benchmarks.bench_notes import make_transcript
from copilot.config import Settings
from copilot.devtools.patching import bound_in, original
from copilot.evals.notes import readable_chats
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.dates import find_deadline
from copilot.notes.summarize import summarize_file

calls, differ = Counter(), Counter()


def old_cuts_word(text, start, end):
    return T._may_cut(text, start, end) and any(
        ((a < start < b < end) or (start < a < end < b)) and T.word_frequency(text[a:b]) >= T.COMMON_WORD_FREQ
        for a, b in T.word_spans(text))


def old_cuts_a_word(f, start, end):
    own = T.word_frequency(f[start:end])
    if end < len(f):
        rival = T.word_frequency(f[start + 1:end + 1])
        if rival >= int(O.raw("owner", "rival_word")) and rival > own:
            return end not in T.word_bounds(f)
    elif start == 0:
        return False
    crossing = [(s, e) for s, e in T.word_spans(f) if s < end < e or s < start < e]
    return any(T.word_frequency(f[s:e]) >= int(O.raw("owner", "rival_word")) and T.word_frequency(f[s:e]) > own
               for s, e in crossing)


def check(name, new, old):
    def wrapped(*args):
        r = new(*args)
        calls[name] += 1
        differ[name] += r != old(*args)
        return r
    return wrapped


new_fold = T.fold
import copilot.moderation.pipeline  # noqa: E402,F401 - every module that binds fold or cuts_word, loaded first


def fold(text):
    r = new_fold(text)
    if len(text) > T.FOLD_CACHE_CHARS:
        calls["fold (long)"] += 1
        differ["fold (long)"] += r != T._fold(text)
    return r


T.fold = fold
T.cuts_word = check("cuts_word", T.cuts_word, old_cuts_word)
O._cuts_a_word = check("_cuts_a_word", O._cuts_a_word, old_cuts_a_word)
_checked_due = check("_due", original("_due"), lambda f: (d := find_deadline(f, None)) is not None and d.marked)
for _part in bound_in("_due"):  # every part of the notes finder that reads a due word
    _part._due = _checked_due
# modules that imported these names bind them at import: point them at the checked ones
for mod in list(sys.modules.values()):
    if getattr(mod, "__name__", "").startswith("copilot") and mod is not T:
        if getattr(mod, "fold", None) is new_fold:
            mod.fold = T.fold
        if callable(getattr(mod, "cuts_word", None)):
            mod.cuts_word = T.cuts_word

PEOPLE = ["老周", "林姐", "小邓", "阿强", "胡老师", "苏苏"]
PARTS = ["这次读书会的场地改到三楼活动室", "{p}负责把签到表打印出来", "周六上午九点半之前到场布置", "有没有人能帮忙带一个插线板",
         "上次借的投影仪要在周一前还给街道办", "{p}说他那天要加班可能来不了", "茶歇的水果我去菜市场买", "请大家在群里接龙报名",
         "{p}你把上个月的照片整理一下发群相册", "十二月十号之前要把年终总结交上去", "为什么上次的签到表少了两页", "小火慢炖两个小时"]


def long_messages(n, chars, seed=0):
    rnd, lines = random.Random(seed), []
    for i in range(n):
        body = []
        while sum(map(len, body)) < chars:
            body.append(rnd.choice(PARTS).format(p=rnd.choice(PEOPLE)))
        lines += [f"2026-11-20 {(i // 60) % 24:02d}:{i % 60:02d} {PEOPLE[i % 6]}", "，".join(body) + "。", ""]
    return "\n".join(lines) + "\n"


settings = Settings(llm_provider="offline")
engine = get_engine(settings)
files = readable_chats()
files = files[:int(sys.argv[1])] if len(sys.argv) > 1 else files  # a first few, to try the script
done = 0
for p in files:
    try:
        summarize_file(p, settings, engine)
        done += 1
    except Exception:  # noqa: BLE001 - unreadable files are not the question here
        pass
summarize_text(make_transcript(2000, seed=7), "bench.txt", settings, engine)
summarize_text(long_messages(40, 1200), "long.txt", settings, engine)
print(f"{done} readable chats + the benchmark + 40 long messages")
for name in calls:
    print(f"{name}: {calls[name]} calls, differ {differ[name]}")

"""Work shared by members, each with their own share, and a later change of the shares.

"圣诞花环 Grace和路得，每人6个，12月20日前做好" gives Grace and 路得 six each: two to-dos, not one for "Grace和路得"
(or none). "好，那改成Grace 8个，路得 4个", said later by the one who gave the work, replaces each share. The cue
words are in ``copilot/resources/notes/cues.yaml`` (``share``, ``roster.change``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from copilot.notes.cues import cue, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import find_deadline
from copilot.notes.model import ActionItem, Message
from copilot.notes.rosters import name_joiners

_CLAUSE_END = "，,。；;！!\n "
_STRIP = " \t，,。；;：:！!"


@dataclass
class Share:
    author: str
    base: str  # the work ("圣诞花环")
    owners: list[str]
    parts: dict[str, str]  # member → their share ("每人6个", then "8个")
    deadline: str | None
    deadline_text: str | None
    sources: dict[str, list[int]]
    at: int


def _joined(f: str, start: int, end: int) -> bool:
    """Only joiners ("和", "、", "跟") between two names."""
    gap = f[start:end].strip()
    return not gap or bool(re.fullmatch(f"(?:{name_joiners().pattern})+", gap))


def _counted(folded: str) -> bool:
    """A share names how many (a digit or a Chinese numeral: "每人6个", "各两箱")."""
    return bool(re.search(r"\d", folded) or cue("patterns", "chinese_numeral").search(folded))


def _share_in(line: str, m: Message, idx: int, named: Callable[[str], list[tuple[int, str, str]]]) -> Share | None:
    f = _fold(line)
    each = cue("share", "each").search(f)
    if each is None:
        return None
    names = sorted((p, p + len(a), s) for p, a, s in named(f[:each.start()]))
    run: list[tuple[int, int, str]] = []
    for n in names:
        if run and not _joined(f, run[-1][1], n[0]):
            run = []
        if not run or n[2] not in [r[2] for r in run]:
            run.append(n)
    if len(run) < 2 or f[run[-1][1]:each.start()].strip(_STRIP):
        return None  # the names must stand right before "每人"
    base = line[:run[0][0]].strip(_STRIP)
    end = next((i for i in range(each.end(), len(f)) if f[i] in _CLAUSE_END), len(f))
    part = line[each.start():end].strip(_STRIP)
    if not base or not _counted(_fold(part)):
        return None
    due = find_deadline(line, m.time, strict=False)
    owners = [r[2] for r in run]
    return Share(m.speaker, base, owners, dict.fromkeys(owners, part), due.iso if due else None,
                 due.text if due else None, {o: [m.id] for o in owners}, idx)


def _parts_in(line: str, m: Message, idx: int, named: Callable[[str], list[tuple[int, str, str]]]) -> Share | None:
    """"各组组长周六前把新鼓谱练熟，大鼓@阿强 小鼓@阿梅 镲@老郑": one piece of work, then two or more parts each
    with the member @-named to lead it — one to-do per member, their part beside the work (never one for 大家 with the
    names cut out). Each part is a short label right before its @name; nothing but separators follows the last name."""
    f = _fold(line)
    if f.count("@") < 2:
        return None
    found = sorted((p, p + len(a), who) for p, a, who in named(f) if p > 0 and f[p - 1] == "@")
    if len(found) < 2 or len({who for _, _, who in found}) != len(found) or f[found[-1][1]:].strip(_STRIP):
        return None
    first = found[0][0] - 1  # the first @
    start = max(f.rfind(c, 0, first) for c in _CLAUSE_END) + 1
    labels: list[str] = []
    for k, (p, _, _) in enumerate(found):
        label = f[start if k == 0 else found[k - 1][1]:p - 1].strip(_STRIP + "、")
        if not label or len(label) > int(raw("share", "part_label_max")) or "@" in label:
            return None
        labels.append(label)
    base = line[:start].strip(_STRIP)
    if len(base) < 4 or len(set(labels)) != len(labels):
        return None
    due = find_deadline(line, m.time, strict=False)
    owners = [who for _, _, who in found]
    return Share(m.speaker, base, owners, dict(zip(owners, labels, strict=True)), due.iso if due else None,
                 due.text if due else None, {o: [m.id] for o in owners}, idx)


def _change(s: Share, m: Message, named: Callable[[str], list[tuple[int, str, str]]]) -> bool:
    """A line of the share's author that gives each member named after a change word a new share, or that
    names every member again with a share of their own ("好 那Lily 60 豆豆妈 40")."""
    f = _fold(m.text)
    if m.speaker != s.author:
        return False
    cut = cue("roster", "change").search(f)
    after = f[cut.end():] if cut else f
    found = sorted((p, p + len(a), who) for p, a, who in named(after) if who in s.owners)
    if cut is None and {who for _, _, who in found} != set(s.owners):
        return False
    changed = False
    for n, (_, end, who) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(after)
        part = after[end:stop].strip(_STRIP)
        if part and _counted(part):
            s.parts[who] = part
            s.sources[who] = s.sources[who] + [m.id]
            changed = True
    return changed


def share_actions(messages: list[Message],
                  named: Callable[[str], list[tuple[int, str, str]]]) -> tuple[list[ActionItem], set[int]]:
    """One to-do per member of each shared piece of work (after later changes), and the ids of the messages
    they come from (what the clause pass made of those goes)."""
    out: list[ActionItem] = []
    covered: set[int] = set()
    for idx, m in enumerate(messages):
        for line in m.text.split("\n"):
            s = _share_in(line, m, idx, named) or _parts_in(line, m, idx, named)
            if s is None:
                continue
            for later in messages[idx + 1:]:
                if _change(s, later, named):
                    covered.add(later.id)
            covered.add(m.id)
            out += [ActionItem(task=f"{s.base}：{s.parts[o]}", owner=o, deadline=s.deadline,
                               deadline_text=s.deadline_text, sources=sorted(set(s.sources[o]))) for o in s.owners]
    return out, covered

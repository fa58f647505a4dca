"""Which exchanges of a chat are about its matter, and which are two members talking aside.

A chat is a set of exchanges: a question and its replies, a remark and the reactions to it, a run of
replies between the same people. An exchange is **on the matter** when someone who runs the chat takes
part in it (speaks in it or is spoken to in it) or when its words are the words of the exchanges they
take part in; it is an **aside** when only members who do not run the chat talk in it, at least two of
them, and few of its content words come back in the organisers' exchanges or in the chat's stated topic
("小唐你中午吃的啥" — "黄焖鸡吧" — "行 那就黄焖鸡了 就这么定了" beside a drone club's outing). The matter is
computed from the chat itself, never from a list of topics: a lunch is the matter of a lunch group.

The judgement works on :class:`Line` records (speaker, whom the line addresses, its content words, whether it
asks, whether it opens on a bare reaction) that the structure pass computes, so this module needs no parser,
cue file or model of its own. Each line gets the line it answers (:func:`threads`); exchanges are the
connected runs of answered lines (:func:`exchanges`); :func:`asides` gives the lines of the asides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from copilot.notes.chatter import chatter_cut

REPLY_REACH = 4  # how many lines back a reply may answer
ASIDE_SHARE = 0.2  # an exchange of members alone is an aside when less than this share of its words is the matter's
MAX_TALKERS = 3  # more members than this talking in one exchange make it the group's


@dataclass(frozen=True)
class Line:
    """What the exchange judgement needs of one message."""

    id: int
    speaker: str
    to: tuple[str, ...] = ()  # the members it opens by addressing (@name, a vocative), never the whole group
    words: frozenset[str] = frozenset()  # its content words (no names, no function words)
    asks: bool = False  # a question
    reacts: bool = False  # opens on a bare reaction or acknowledgement (好的 / 哈哈 / ok / 行)
    text: str = ""  # as said, for the chatter model
    deals: bool = False  # asks to settle a deal in private ("要的私聊我"): a member's own sale, not the chat's
    echoes: bool = False  # opens on surprise at the line before it ("真的吗哪个摊位", "真係？邊檔呀")


@dataclass(frozen=True)
class Exchange:
    """One exchange: the indices of its lines, who takes part (speakers and those addressed), its words, the
    share of them that is the chat's matter, and whether it is an aside."""

    lines: tuple[int, ...]
    people: frozenset[str]
    words: frozenset[str]
    matter: float
    aside: bool


def threads(lines: list[Line]) -> list[int | None]:
    """The index of the line each line answers, or None when it opens an exchange of its own.

    A line that addresses someone answers that member's last line when it is a question or was said to the
    speaker (an @-reply to "电池需要带几块"); otherwise it opens an exchange with them ("小唐你中午吃的啥").
    An unaddressed line answers the nearest line said to its speaker that it has not answered yet ("好的" after
    "小唐你负责…"), else the
    line before it when the speaker goes on, when it was in an exchange with that line's speaker a moment
    ago, when it reacts to it ("哈哈哈 我家阳台也是"), has no words of its own, shares a word with it, or answers
    it (the line before asks the group or the speaker: "周末谁去钓鱼" — "我去 带上我"). A question to nobody in
    particular opens an exchange, unless it goes on a talk of two its asker is in, the other one having spoken
    last, or follows an offer to deal in private ("新茶到了，要的私聊我" — "多少钱一斤")."""
    parent: list[int | None] = []
    roots: list[int] = []
    last: dict[str, int] = {}
    talkers: dict[int, set[str]] = {}  # each exchange's speakers so far
    for i, line in enumerate(lines):
        found: int | None = None
        recent = range(i - 1, max(-1, i - 1 - REPLY_REACH), -1)
        if line.to:
            j = last.get(line.to[0])
            if j is not None and i - j <= REPLY_REACH and (lines[j].asks and not set(lines[j].to) - {line.speaker}
                                                           or line.speaker in lines[j].to):
                found = j
        else:
            said_to = next((k for k in recent if lines[k].speaker != line.speaker and line.speaker in lines[k].to), None)
            mine = last.get(line.speaker)
            found = said_to if said_to is not None and (mine is None or mine < said_to) else None  # not answered yet
            if found is None and i > 0:
                prev = lines[i - 1]
                talked = mine is not None and i - mine <= REPLY_REACH and roots[mine] == roots[i - 1]
                # a question goes on a talk of two when its asker was in it and the other one spoke last
                # ("妳家的貓生了嗎" — "生了！四隻" — "可以給我一隻嗎")
                between = talked and talkers[roots[i - 1]] == {line.speaker, prev.speaker}
                # (a question right after a member's offer in private asks about the offer: "要的私聊我" — "多少钱一斤")
                # (a line opening on surprise answers the line before it, even when it asks: "真的吗哪个摊位")
                if prev.speaker == line.speaker or line.echoes or line.asks and (between or prev.deals) or (not line.asks and (
                        talked or line.reacts or not line.words or line.words & prev.words
                        or prev.asks and not set(prev.to) - {line.speaker})):
                    found = i - 1
        parent.append(found)
        roots.append(i if found is None else roots[found])
        talkers.setdefault(roots[i], set()).add(line.speaker)
        last[line.speaker] = i
    return parent


def _roots(parent: list[int | None]) -> list[int]:
    """The first line of each line's exchange (a line answers only an earlier one)."""
    roots: list[int] = []
    for i, p in enumerate(parent):
        roots.append(i if p is None else roots[p])
    return roots


def _small_talk(lines: list[Line], parent: list[int | None], i: int, chatter: Callable[[str], float]) -> float:
    """P(small talk) of line ``i`` in its exchange: a line opening on surprise at the line it answers carries that line's
    subject, and reads as small talk as much as it ("今天菜市场的螃蟹好便宜" — "真的吗哪个摊位，我明早去买点清蒸")."""
    j = parent[i]
    return max(chatter(lines[i].text), chatter(lines[j].text)) if lines[i].echoes and j is not None else chatter(lines[i].text)


def exchanges(lines: list[Line], organisers: set[str], topic: frozenset[str] = frozenset(),
              chatter: Callable[[str], float] | None = None) -> list[Exchange]:
    """The exchanges of ``lines``, each judged against the matter: the words of the exchanges an organiser
    takes part in, and ``topic`` (the words of the chat's stated subject). ``chatter`` gives P(small talk) of a
    line's text (:func:`copilot.notes.chatter.chatter_probability`); it is asked only about the exchanges that
    could be asides and name no one."""
    groups: dict[int, list[int]] = {}
    parent = threads(lines)
    for i, root in enumerate(_roots(parent)):
        groups.setdefault(root, []).append(i)
    found = []
    for members in groups.values():
        people = frozenset(lines[i].speaker for i in members) | frozenset(w for i in members for w in lines[i].to)
        found.append((tuple(members), people, frozenset(w for i in members for w in lines[i].words)))
    run = [bool(people & organisers) for _, people, _ in found]
    matter = set(topic).union(*(w for (_, _, w), o in zip(found, run, strict=True) if o))
    spread = Counter(w for _, _, words in found for w in words)  # in how many exchanges each word is used
    out = []
    for (members, people, words), organised in zip(found, run, strict=True):
        # the matter: what the organisers' exchanges and the stated topic say, and whatever another exchange takes up
        share = len({w for w in words if w in matter or spread[w] > 1}) / len(words) if words else 1.0
        talkers = {lines[i].speaker for i in members}
        voices = {lines[i].speaker for i in members if lines[i].words}  # (a bare "好的" adds no voice)
        head = lines[members[0]]
        # the form of an aside: one member turns to another by name ("小唐你中午吃的啥"), a member sells to
        # members in private ("要的私聊我" — "多少钱一斤"), or it is small talk (weather, food, family) by the
        # chatter model's measure
        aside = not organised and len(talkers) >= 2 and len(voices) <= MAX_TALKERS and bool(words) and share < ASIDE_SHARE \
            and (bool(set(head.to) & talkers) or any(lines[i].deals for i in members)
                 or chatter is not None and sum(_small_talk(lines, parent, i, chatter) for i in members) / len(members) >= chatter_cut("small_talk"))
        out.append(Exchange(members, people, words, round(share, 3), aside))
    return out


@dataclass(frozen=True)
class Asides:
    """Ids of the lines of a chat's asides: ``lines`` of all of them, ``unrelated`` of those none of whose words
    the matter uses (a Q&A pair is dropped only from these: a question touching one word of the matter may be
    about it)."""

    lines: frozenset[int]
    unrelated: frozenset[int]


def asides(lines: list[Line], organisers: set[str], topic: frozenset[str] = frozenset(),
           chatter: Callable[[str], float] | None = None) -> Asides:
    """The asides among ``lines`` (see :func:`exchanges`)."""
    found = [e for e in exchanges(lines, organisers, topic, chatter) if e.aside]
    return Asides(lines=frozenset(lines[i].id for e in found for i in e.lines),
                  unrelated=frozenset(lines[i].id for e in found if e.matter == 0 for i in e.lines))

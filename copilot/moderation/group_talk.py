"""What a group's own recent talk says is its business: the lists its members are filling in (接龙) and the jargon
of its messages about its subject.

Members fill in a group's lists with bare names and items ("3. 阿珍 带两盆熊童子") and talk in the group's jargon
(电卷烫, 星塵, 补土), which no profile lists. Read alone, such a line looks like chatter to the chatter model. Two
memories of the group's recent messages (in memory per group, like the flood counts and the thread layer; rules in
relevance.yaml ``group_talk``) say otherwise:

- :class:`SignUpLists`: the numbered list a member started in the group — a numbered line that carries it on is
  the group's own list;
- :class:`RecentJargon`: the jargon (:func:`copilot.moderation.offtopic.unknown_nouns`: rare nouns and words jieba
  has never seen, not person names) of the group's last messages that something tied to its subject — the
  stream's version of the words :mod:`copilot.moderation.group_vocab` learns from an imported history.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from dataclasses import dataclass
from functools import lru_cache

from copilot.moderation.offtopic import new_word_class, unknown_nouns
from copilot.moderation.signals import alternation
from copilot.paths import load_resource
from copilot.textnorm import fold, word_class

RELEVANCE = "moderation/relevance.yaml"
MAX_GROUPS = 10_000  # memories kept before they are dropped (like the thread layer's)
# a numbered item: a number of one or two digits (not part of a longer number, a decimal or a word) and a list mark
_ITEM = re.compile(r"(?<![\w.．])(\d{1,2})\s*[.．、)）](?!\d)")


@dataclass(frozen=True)
class ListRule:
    window_s: float
    ahead: int
    max_chars: int
    start: re.Pattern[str]


@lru_cache(maxsize=1)
def list_rule() -> ListRule:
    rule = load_resource(RELEVANCE)["group_talk"]["sign_up_list"]
    return ListRule(float(rule["window_s"]), int(rule["ahead"]), int(rule["max_chars"]),
                    alternation(sorted(str(w) for w in rule["start_words"])))


def numbered_items(text: str) -> list[int]:
    """The numbers of the numbered items of a text, in order (``1. 小叶 2. 阿珍`` → [1, 2])."""
    return [int(m.group(1)) for m in _ITEM.finditer(text.strip())]


def starts_list(text: str) -> int | None:
    """The last number of a list the text writes (two items in a row, or item 1 after a start word), else None."""
    items = numbered_items(text)
    if any(b == a + 1 for a, b in zip(items, items[1:])) or (items[:1] == [1] and list_rule().start.search(text)):
        return max(items)
    return None


class SignUpLists:
    """The numbered list each group is filling in: (time, last number)."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def carries_on(self, group: str, text: str, compact_len: int, now: float) -> int | None:
        """The number of the item a line adds to the group's open list, or None. A line that reposts the list (its
        items from 1) carries it on too."""
        rule = list_rule()
        with self._lock:
            last = self._last.get(group)
        items = numbered_items(text)
        if last is None or not items or now - last[0] > rule.window_s or compact_len > rule.max_chars * len(items):
            return None
        top = max(items)
        first_ok = text.lstrip().startswith(str(items[0])) and last[1] - 1 <= items[0] <= last[1] + rule.ahead
        repost = items[0] == 1 and last[1] <= top <= last[1] + rule.ahead
        return top if (first_ok and len(items) == 1) or repost else None

    def observe(self, group: str, text: str, now: float, carried: int | None) -> None:
        """Remember the list a message starts or carries on."""
        top = carried if carried is not None else starts_list(text)
        if top is None:
            return
        with self._lock:
            last = self._last.get(group)
            keep = max(top, last[1]) if last is not None and now - last[0] <= list_rule().window_s and carried else top
            self._last[group] = (now, keep)
            if len(self._last) > MAX_GROUPS:
                self._last.clear()


@lru_cache(maxsize=1)
def recent_keep() -> int:
    return int(load_resource(RELEVANCE)["group_talk"]["recent_jargon"]["keep"])


@lru_cache(maxsize=256)
def jargon(text: str) -> frozenset[str]:
    """The words of a message that may be its group's jargon: :func:`unknown_nouns` without person names (a 接龙
    line's 青禾 is a member, not a thing the group talks about). Cached: the recent-jargon and repeated-jargon layers
    both ask it of the same message."""
    return frozenset(w for w in unknown_nouns(text) if not str(word_class(w) or new_word_class(w) or "").startswith("nr"))


class RecentJargon:
    """The texts of each group's last messages that something tied to its subject (at most relevance.yaml
    ``recent_jargon.keep`` a group), asked which jargon of a message they used. Learning only keeps the folded text:
    the words are cut only for the few messages the topic layer would send to review (cutting every message would
    cost as much as the rest of the pipeline)."""

    def __init__(self) -> None:
        self._seen: dict[str, deque[str]] = {}
        self._joined: dict[str, str] = {}  # group → its kept texts joined, made again after a change
        self._lock = threading.Lock()

    def learn(self, group: str, text: str) -> None:
        with self._lock:
            if group not in self._seen and len(self._seen) >= MAX_GROUPS:
                self._seen.clear()
                self._joined.clear()
            seen = self._seen.setdefault(group, deque(maxlen=recent_keep()))
            seen.append(fold(text))
            self._joined.pop(group, None)

    def shared(self, group: str, text: str) -> list[str]:
        """The jargon of ``text`` that the group's recent messages about its subject used."""
        with self._lock:
            seen = self._seen.get(group)
            if not seen:
                return []
            joined = self._joined.get(group)
            if joined is None:
                joined = self._joined[group] = "\n".join(seen)
        return sorted(w for w in jargon(text) if w in joined)


@lru_cache(maxsize=1)
def _repeated_rule() -> tuple[float, int]:
    d = load_resource(RELEVANCE)["group_talk"]["repeated_jargon"]
    return float(d["window_s"]), int(d["keep"])


class RepeatedJargon:
    """The jargon (:func:`jargon`) of each group's last messages the topic layer sent to review as chatter, with who said
    it: a word we do not know that another member takes up soon after ("边款用单刀还是双刀？" then "阿金刻个边款老好个") is a
    term the group's members share — its talk, not two members' chatter (relevance.yaml ``repeated_jargon``)."""

    def __init__(self) -> None:
        self._said: dict[str, deque[tuple[float, str, frozenset[str]]]] = {}
        self._lock = threading.Lock()

    def taken_up(self, group: str, user: str, text: str, now: float) -> list[str]:
        """The jargon of ``text`` another member used in the window; remembers this message's own."""
        window, keep = _repeated_rule()
        words = jargon(text)
        with self._lock:
            if group not in self._said and len(self._said) >= MAX_GROUPS:
                self._said.clear()
            said = self._said.setdefault(group, deque(maxlen=keep))
            shared = sorted({w for ts, who, ws in said if now - ts <= window and who != user for w in ws & words})
            if words:
                said.append((now, user, words))
        return shared


@lru_cache(maxsize=1)
def member_record() -> int:
    """How many messages let through, not greetings, give a member a record in the group (relevance.yaml ``member_record``)."""
    return int(load_resource(RELEVANCE)["group_talk"]["member_record"]["min_approved"])


@lru_cache(maxsize=1)
def _answer_rule() -> tuple[float, int, int]:
    d = load_resource(RELEVANCE)["group_talk"]["answered_question"]
    return float(d["window_s"]), int(d["keep"]), int(d["min_shared"])


class RecentQuestions:
    """Each group's last questions that its topic layer let through, with who asked, their telling characters and their
    two-character words (runs of telling characters): a later message of another member that takes up enough of one's
    characters soon after — and at least one of its words, not only single characters (行 and 山 of "行過鳳凰山" are no
    answer from "行山 平價帳篷") — answers it (relevance.yaml ``answered_question``): the sign that a contact beside the
    answer is a member's, given for the group's business."""

    def __init__(self) -> None:
        self._asked: dict[str, deque[tuple[float, str, frozenset[str], frozenset[str]]]] = {}
        self._open: dict[str, tuple[float, str, frozenset[str], frozenset[str]]] = {}  # group → its question if last
        self._lock = threading.Lock()

    def ask(self, group: str, user: str, chars: frozenset[str], now: float,
            words: frozenset[str] = frozenset()) -> None:
        _, keep, _ = _answer_rule()
        with self._lock:
            if group not in self._asked and len(self._asked) >= MAX_GROUPS:
                self._asked.clear()
                self._open.clear()
            self._asked.setdefault(group, deque(maxlen=keep)).append((now, user, chars, words))
            self._open[group] = (now, user, chars, words)

    def take_open(self, group: str) -> tuple[float, str, frozenset[str], frozenset[str]] | None:
        """The group's question if it was the group's last message (read once: the next message closes it)."""
        with self._lock:
            return self._open.pop(group, None)

    def answered(self, group: str, user: str, chars: frozenset[str], now: float,
                 among: tuple[tuple[float, str, frozenset[str], frozenset[str]], ...] | None = None,
                 words: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
        """The characters and the words ``chars``/``words`` share with the best-matched question another member asked
        in the window (of ``among``, else of the group's recent ones) that shares at least one word, or ([], [])."""
        window, _, least = _answer_rule()
        with self._lock:
            asked = list(among if among is not None else self._asked.get(group, ()))
        best = max(((cs & chars, ws & words) for ts, who, cs, ws in asked
                    if now - ts <= window and who != user and ws & words),
                   key=lambda shared: (len(shared[1]), len(shared[0])), default=(set(), set()))
        return (sorted(best[0]), sorted(best[1])) if len(best[0]) >= least and best[1] else ([], [])

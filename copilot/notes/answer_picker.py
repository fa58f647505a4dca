"""A learned answer picker: for a question line, P(a later line is its answer), from the shape of the exchange.

Each candidate reply in a window after the question (never the asker's own line) is described by binary features —
how far it comes (messages, minutes), who says it (the one running the chat, a talk's speaker, the one the question
was put to), whether it @s or quotes the asker or someone else, whether it is itself a question or chatter, the
sentence-kind model's reading of it, its words shared with the question, another question asked between the two and
the candidate fitting that one better, a line the pairing already gave to another question, the asker's thanks just
after it — and scored by a small logistic model (:class:`copilot.notes.owners.OwnerModel`'s JSON form), trained on the
readable chats' listed Q&A by ``scripts/train_answer_picker.py``. :func:`copilot.notes.pairing.find_qa` reads it as one
vote beside its rules (see there)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from copilot.notes.chatter import is_side_chatter
from copilot.notes.classify import sentence_kind
from copilot.notes.cues import cue
from copilot.notes.cues import folded as _fold
from copilot.notes.model import Message
from copilot.notes.owners import OwnerModel
from copilot.notes.reading import MENTION, People, is_chatter, is_question, relevant
from copilot.paths import RESOURCES_DIR
from copilot.textnorm import char_pairs

PICKER_MODEL = RESOURCES_DIR / "notes" / "answer_picker.json"
PICK_WINDOW = 12  # candidate replies read after a question (messages)


@lru_cache(maxsize=1)
def picker() -> OwnerModel:
    return OwnerModel.load(PICKER_MODEL)


def _bucket(value: float, edges: Sequence[float]) -> int:
    return next((n for n, e in enumerate(edges) if value <= e), len(edges))


def _grams(text: str) -> frozenset[str]:
    return char_pairs(MENTION.sub("", _fold(text)))


def _overlap(a: str, b: str) -> int:
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return 0
    return _bucket(len(ga & gb) / min(len(ga), len(gb)), (0.0, 0.1, 0.25, 0.5))


def _to(m: Message, people: People) -> set[str]:
    named = {people.resolve(x) or x for x in people.mentions(m.text)}
    return named | ({people.resolve(m.reply_to) or m.reply_to} if m.reply_to else set())


def _who_features(q: Message, c: Message, between: Sequence[Message], people: People, host: str | None,
                  speakers: Sequence[str]) -> list[str]:
    """Who says the candidate: its role and the asker's, @ or quote to the asker or another, the one the question was
    put to, whether it is its speaker's first line (or the first line of the one running the chat) since."""
    role = "host" if c.speaker == host else "speaker" if c.speaker in speakers else "member"
    asker = "host" if q.speaker == host else "speaker" if q.speaker in speakers else "member"
    feats = [f"by_{role}", f"asker_{asker}_by_{role}"]
    to_c, q_to = _to(c, people), _to(q, people)
    if q.speaker in to_c:
        feats.append("at_asker")
    elif to_c:
        feats.append("at_other")
    if q_to:
        feats.append("q_to_cand" if c.speaker in q_to else "q_to_other")
    spoke = any(m.speaker == c.speaker for m in between)
    feats.append("spoke_between" if spoke else "first_of_speaker")
    if role != "member" and not spoke:
        feats.append(f"first_line_of_{role}")
    return feats


def _line_features(c: Message) -> list[str]:
    """What the candidate line is: a question, chatter, its length, the sentence-kind model's reading."""
    feats = []
    if is_question(c.text):
        feats.append("cand_asks")
    if is_chatter(c.text):
        feats.append("cand_chatter")
    elif is_side_chatter(c.text):
        feats.append("cand_side_chatter")
    feats.append(f"len{_bucket(len(MENTION.sub('', c.text).strip()), (2, 5, 10, 20, 40))}")
    kinds = sentence_kind(c.text)
    top = max(kinds, key=kinds.get) if kinds else ""
    if top:
        feats.append(f"kind_{top}" + ("_sure" if kinds[top] >= 0.7 else ""))
    return feats


def _word_features(messages: Sequence[Message], qi: int, ci: int, others: Sequence[Message]) -> list[str]:
    """The candidate's words against the question's, against the other questions asked just before or between, and
    against the replies before it."""
    q, c = messages[qi], messages[ci]
    on_words = relevant(q.text, c.text, by_kind=False)
    feats = [f"overlap{_overlap(q.text, c.text)}"]
    if on_words:
        feats.append("relevant_words")
    elif relevant(q.text, c.text):
        feats.append("relevant_kind")
    asked = [m for m in messages[qi + 1:ci] if m.speaker not in (q.speaker, c.speaker) and is_question(m.text)]
    if asked:
        feats.append("other_asked_between")
        if not on_words and any(relevant(m.text, c.text, by_kind=False) for m in asked):
            feats.append("fits_other_better")
    if any(relevant(q.text, m.text, by_kind=False) for m in others):
        feats.append("relevant_before")
    elif on_words:
        feats.append("first_relevant")
    before = [m for m in messages[max(0, qi - 3):qi] if m.speaker not in (q.speaker, c.speaker) and is_question(m.text)]
    if not on_words and any(relevant(m.text, c.text, by_kind=False) for m in before):
        feats.append("fits_earlier_question")
    return feats


def candidate_features(messages: Sequence[Message], qi: int, ci: int, people: People, host: str | None,
                       speakers: Sequence[str], taken: frozenset[int] = frozenset(), given: int | None = None) -> list[str]:
    """The features of ``messages[ci]`` as the answer to the question ``messages[qi]`` (``taken``: ids of lines the
    pairing gave to another question; ``given``: the id of the reply the pairing's rules gave this question, if any —
    that reply's features are also read joined to ``rule&``, so the model learns when the rules' pick holds)."""
    q, c = messages[qi], messages[ci]
    between = messages[qi + 1:ci]
    others = [m for m in between if m.speaker != q.speaker]
    feats = [f"gap{_bucket(ci - qi, (1, 2, 3, 5, 8))}", f"others{_bucket(len(others), (0, 1, 2, 4))}"]
    if q.time and c.time:
        feats.append(f"min{_bucket((c.time - q.time).total_seconds() / 60, (1, 3, 10, 60))}")
    if not others:
        feats.append("first_reply")
    feats += _who_features(q, c, between, people, host, speakers) + _line_features(c) \
        + _word_features(messages, qi, ci, others)
    if c.id in taken:
        feats.append("taken_elsewhere")
    after = messages[ci + 1:ci + 3]
    if any(m.speaker == q.speaker and cue("reply", "courtesy").match(_fold(MENTION.sub("", m.text)).strip())
           for m in after):
        feats.append("asker_thanks_after")
    if any(m.speaker == q.speaker for m in after):
        feats.append("asker_next")
    if given is not None:
        feats += ["rule_pick", *(f"rule&{f}" for f in feats)] if c.id == given else ["rule_other"]
    return feats


def candidates(messages: Sequence[Message], qi: int, window: int = PICK_WINDOW) -> list[int]:
    """Indices of the lines after ``messages[qi]`` that may answer it: the next ``window``, not the asker's own."""
    asker = messages[qi].speaker
    return [ci for ci in range(qi + 1, min(len(messages), qi + 1 + window)) if messages[ci].speaker != asker]


def score_candidates(messages: Sequence[Message], qi: int, people: People, host: str | None,
                     speakers: Sequence[str], taken: frozenset[int] = frozenset(),
                     given: int | None = None) -> list[tuple[int, float]]:
    """(index, P(answer)) of every candidate reply to ``messages[qi]``, in order."""
    model = picker()
    return [(ci, model.probability(candidate_features(messages, qi, ci, people, host, speakers, taken, given)))
            for ci in candidates(messages, qi)]

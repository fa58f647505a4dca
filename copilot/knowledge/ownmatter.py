"""Whether a question asks about the asker's own life rather than running a group (``own_matter.yaml``).

A second decline signal beside the scope model and the retrieval confidence, read from the question's own
sentence and not from any model score, so it does not move when the scope model is retrained: a request to write a
text for someone in the asker's own life (帮我写一封情书给我在群里认识的女生), to translate a passage, or the asker's
own decision to buy, lend or take something (群友推荐了一只股票，我该不该跟着买; 能借吗). Retrieval finds near text
for these because they name the group (群里认识的, 群友推荐), but the material does not speak to them.

Never for a question that asks how to handle such talk in a group (``handling``: 群里有人荐股怎么管), a request
for one of the group's own texts (``group_texts``: 帮我写个群公告), a member's act under the group's rules
(``member_subjects``, ``group_places``: 新人能不能发, 群里能不能卖货) or buying for the group (``group_objects``)."""
from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel

from copilot.knowledge.ranking import question_clauses
from copilot.paths import load_resource
from copilot.textnorm import fold


class OwnCues(BaseModel):
    requesters: tuple[str, ...] = ()
    compose_verbs: tuple[str, ...] = ()
    translate_verbs: tuple[str, ...] = ()
    group_texts: tuple[str, ...] = ()
    own_texts: tuple[str, ...] = ()
    own_recipients: tuple[str, ...] = ()
    first_person: tuple[str, ...] = ()
    third_person: tuple[str, ...] = ()
    imperative: tuple[str, ...] = ()
    modals: tuple[str, ...] = ()
    question_ends: tuple[str, ...] = ()
    own_verbs: tuple[str, ...] = ()
    group_objects: tuple[str, ...] = ()
    member_subjects: tuple[str, ...] = ()
    group_places: tuple[str, ...] = ()
    handling: tuple[str, ...] = ()
    group_people: tuple[str, ...] = ()
    clause_ends: tuple[str, ...] = ()
    job_verbs: tuple[str, ...] = ()
    job_objects: tuple[str, ...] = ()
    verify_asks: tuple[str, ...] = ()
    verify_stories: tuple[str, ...] = ()
    verify_reported: tuple[str, ...] = ()
    comfort_verbs: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def own_cues() -> OwnCues:
    data = load_resource("retrieval/own_matter.yaml")
    return OwnCues(**{k: tuple(fold(w) for w in (v or []) if w) for k, v in (data or {}).items()})


def _words(text: str) -> list[tuple[str, str]]:
    import jieba.posseg as posseg  # noqa: PLC0415 - the POS tagger (~0.7 s) only for a question holding a cue word

    return [(w.word, w.flag) for w in posseg.cut(text) if w.word.strip()]


def _request(text: str, cues: OwnCues) -> str:
    """``translate`` when ``text`` (folded, whole question) asks to translate a passage (any passage), ``compose`` when
    it asks to write a text for someone in the asker's own life; ``""`` otherwise (a group text named after the request)."""
    starts = [text.find(r) + len(r) for r in cues.requesters if r in text]
    # an imperative without a requester: a clause that opens with 把 and puts it into another language (把这句翻译成日语)
    starts += [text.find(c) for c, _ in question_clauses(text)
               if c.startswith(cues.imperative) and any(t in c for t in cues.translate_verbs)] if cues.imperative else []
    if not starts:
        return ""
    rest = text[min(starts):]
    # a translation is not drafted by the product whatever the passage is (a group intro included)
    if any(t in rest for t in cues.translate_verbs):
        return "translate"
    # the request's main clause (up to the first clause end) names a group text: the product drafts it. A trailing
    # clause that only says who the recipient is (她是我们群里的一个群友) does not make a love letter a group text;
    # one that names a group text or where it goes (发到群里, 群公告) does
    main, _, trailing = _main_clause(rest, cues)
    if any(g in main for g in cues.group_texts):
        return ""
    if any(g in trailing for g in cues.group_texts if g not in cues.group_people):
        return ""
    # the verb may be cut together with a measure word (写段, 写封): a word opening with it counts
    verbs = [w for w, _ in _words(rest)[:4] if w.startswith(cues.compose_verbs)]
    if verbs and (any(t in rest for t in cues.own_texts) or any(r in rest for r in cues.own_recipients)):
        return "compose"
    return ""


def _main_clause(rest: str, cues: OwnCues) -> tuple[str, str, str]:
    """``rest`` (the text from the request on) split at its first clause end: the request's main clause, the mark and
    the trailing clauses (which may only describe the recipient)."""
    for i, ch in enumerate(rest):
        if ch in cues.clause_ends:
            return rest[:i], ch, rest[i + 1:]
    return rest, "", ""


def _decision(clause: str, cues: OwnCues, job: bool = False) -> str:
    """``decide`` when ``clause`` asks whether the asker (said or left out) should buy, lend, take… : an own verb (a
    whole jieba word: 借 but not 借鉴) with a modal before it in the clause (我该不该给爸妈买) or a question end after it
    (追进去还来得及吗); ``""`` when a member or the group is the one acting or the thing is the group's. With ``job``
    (the question names a job the asker would take up: 兼职, 刷单) the job verbs count too (我能做吗)."""
    if any(p in clause for p in cues.group_places) or any(o in clause for o in cues.group_objects):
        return ""
    verbs = cues.own_verbs + (cues.job_verbs if job else ())
    if not any(v in clause for v in verbs):
        return ""  # no own verb at all: the POS tagger is not loaded
    words = _words(clause)
    at = 0
    for i, (word, _) in enumerate(words):
        start = clause.find(word, at)
        at = start + len(word) if start >= 0 else at
        if word not in verbs or start < 0:
            continue
        # the modal read in the text before it (要不要 is cut 要 / 不要), the question end as a word after it (么 of 什么 is none)
        before = clause[:start]
        if not (any(m in before for m in cues.modals) or any(w in cues.question_ends for w, _ in words[i + 1:])):
            continue
        # a job verb asks about taking the job only when nothing follows it but the question end (我能做吗, 能不能干);
        # 我能做点什么 asks what the asker can do about it
        if word not in cues.own_verbs and not all(w in cues.question_ends for w, _ in words[i + 1:]):
            continue
        subject = words[:i]
        if any(w in cues.member_subjects for w, _ in subject):
            continue
        # a third person acting (他能不能买) is not the asker's own decision; the asker said or left out is
        if any(f == "r" and w in cues.third_person for w, f in subject) and not any(
                w in cues.first_person for w, _ in subject):
            continue
        return "decide"
    return ""


def own_matter(question: str) -> str:
    """What of the asker's own life ``question`` asks about: ``compose`` (a text for someone in it), ``translate``,
    ``decide`` (buy, lend, take a medicine, take up a side job), ``verify`` (whether a story is true), ``comfort``
    (how to comfort someone), or ``""`` — also whenever it asks how to handle such talk in a group."""
    cues = own_cues()
    text = fold(question)
    if not text or any(h in text for h in cues.handling):
        return ""
    kind = _request(text, cues)
    if kind:
        return kind
    clauses = [c for c, _ in question_clauses(text)] or [text]
    job = any(j in text for j in cues.job_objects)
    kind = next((k for k in (_decision(c, cues, job) for c in clauses) if k), "")
    story = any(s in text for s in cues.verify_stories)
    return kind or next((k for k in (_personal(c, cues, story) for c in clauses) if k), "")


def _personal(clause: str, cues: OwnCues, story: bool) -> str:
    """``verify`` when ``clause`` asks whether a story passed along (``story``: a forwarded video, a message going
    round) is true (这到底是真的假的) and it is not members asking that (新人跑来问是不是真的), ``comfort`` when it asks how to comfort someone (我该怎么安慰她) and names neither
    the group nor its people (在群里安慰大家 is the group's matter); ``""`` else."""
    asked = [clause.find(v) for v in cues.verify_asks if v in clause]
    # members coming to ask the asker whether it is true (新人跑来问是不是真的) is the asker's to answer in the group
    if story and asked and not any(r in clause[:min(asked)] for r in cues.verify_reported):
        return "verify"
    if any(v in clause for v in cues.comfort_verbs) and not any(
            w in clause for w in cues.group_places + cues.group_people + cues.member_subjects):
        return "comfort"
    return ""

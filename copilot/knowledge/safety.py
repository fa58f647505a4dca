"""A person in danger (``resources/retrieval/safety.yaml``): a question that says a person (a member, a friend in the
group) shows thoughts of ending their life (``self_harm``) or has the signs of a medical emergency
(``medical_emergency``: chest pain, cannot breathe, collapsed), or quotes them, is not answered from the cards in
either engine; it gets the file's fixed safety reply for that case (what to do for the person first, emergency
numbers, what the operator does in the group). A word that is also a topic (抑郁 in 产后抑郁科普) counts only when a
person is said."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel

from copilot.paths import RESOURCES_DIR, load_yaml
from copilot.textnorm import ask_form

SAFETY_FILE = RESOURCES_DIR / "retrieval" / "safety.yaml"


class SafetyCase(BaseModel):
    says: list[str]
    states: list[str] = []
    persons: list[str] = []
    topics: list[str] = []
    # a ``says`` word counts only with a person said and no ``health`` word (someone else's chest pain now, not the
    # asker's own symptom question nor which department to see, which are outside the material and declined as before)
    needs_person: bool = False
    health: list[str] = []
    reply: str
    refer: tuple[str, str]
    refer_line: str
    model_notice: str
    # the CLI footer's first words for this reply (no retrieval figures: none was used)
    footer: str

    def at_risk(self, question: str) -> bool:
        """True when ``question`` (either script) says a person shows thoughts of self-harm: a ``says`` word, unless
        no person is named and the question is about a topic (预防自杀的科普); a ``states`` word only with a person
        named, no topic and no health question (是不是得了、要不要去医院、吃什么药: back to the normal flow)."""
        texts = (question, ask_form(question))

        def has(words: list[str]) -> bool:
            return any(w in t for t in texts for w in words)

        person, topic = has(self.persons), has(self.topics)
        if has(self.says):
            if self.needs_person:  # and not a question about an illness (挂什么科, 经常胸口疼): back to the normal flow
                return person and not topic and not has(self.health)
            return person or not topic
        return has(self.states) and person and not topic and not has(self.health)


class SafetyCues(BaseModel):
    """The cases by kind, in the order they are tried (:func:`safety_kind`)."""

    self_harm: SafetyCase
    medical_emergency: SafetyCase

    def case(self, kind: str) -> SafetyCase:
        return getattr(self, kind)


@lru_cache(maxsize=1)
def safety_cues() -> SafetyCues:
    return SafetyCues.model_validate(load_yaml(SAFETY_FILE.read_text(encoding="utf-8")))


def safety_kind(question: str) -> str:
    """``self_harm`` when the question is about a person at risk of self-harm, ``medical_emergency`` when it is about a
    person with the signs of one, else "" (self-harm first: "他说不想活了，吞了药" is both, and its reply covers both)."""
    cues = safety_cues()
    return next((kind for kind in SafetyCues.model_fields if cues.case(kind).at_risk(question)), "")

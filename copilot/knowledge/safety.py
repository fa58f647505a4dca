"""A member at risk of self-harm (``resources/retrieval/safety.yaml``): a question that says a person (a member, a
friend in the group) shows thoughts of ending their life, or quotes them, is not answered from the cards in either
engine; it gets the file's fixed safety reply (contact the person privately, emergency numbers, hotlines, what the
operator does in the group). A word that is also a topic (抑郁 in 产后抑郁科普) counts only when a person is said."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel

from copilot.paths import RESOURCES_DIR, load_yaml
from copilot.textnorm import ask_form

SAFETY_FILE = RESOURCES_DIR / "retrieval" / "safety.yaml"


class SelfHarmCues(BaseModel):
    says: list[str]
    states: list[str] = []
    persons: list[str] = []
    topics: list[str] = []
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
            return person or not topic
        return has(self.states) and person and not topic and not has(self.health)


class SafetyCues(BaseModel):
    self_harm: SelfHarmCues


@lru_cache(maxsize=1)
def safety_cues() -> SafetyCues:
    return SafetyCues.model_validate(load_yaml(SAFETY_FILE.read_text(encoding="utf-8")))


def safety_kind(question: str) -> str:
    """``self_harm`` when the question is about a person at risk of self-harm, else ""."""
    return "self_harm" if safety_cues().self_harm.at_risk(question) else ""

"""What a message offers (issue 17): a positive reading of an ad beside its ways to reach the writer.

A handle, 加我/私我 and the ad classifier say that a member can be reached, not that anything is sold: a member leaves
a handle to run, to share photos, to split a block of wood. :func:`read_offer` reads, from the cue lists in
``resources/moderation/offer.yaml``, what the message puts on offer (goods, a service, earnings, a price or perk), by
whom (the writer, a third party, the group) and for whom (whoever needs it); ``for_money`` says whether any of it is an
offer for money. Read for members with a record in the group only (round 60, ``Moderator._belongs_layer``): a member who
posted before, or who answers another's question, and whose ad evidence is only a way to reach them, is no ad when
nothing is offered for money (still shown to a person). A stranger's or a new member's same message keeps the ladder
(round 59's d17d59 read it for everyone and was reverted: a newcomer's first ad-like message is acted on)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from copilot.paths import load_resource
from copilot.textnorm import fold

OFFER = "moderation/offer.yaml"


@dataclass(frozen=True)
class OfferCues:
    what: dict[str, tuple[str, ...]]  # kind (service, goods, earnings, price) → cue words
    for_whom: tuple[str, ...]
    free: tuple[str, ...]
    by: dict[str, tuple[str, ...]]  # third_party, group → cue words


def _words(rows: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fold(str(w)) for w in rows or ()))


@lru_cache(maxsize=1)
def offer_cues() -> OfferCues:
    data = load_resource(OFFER)
    return OfferCues({str(k): _words(v) for k, v in data["what"].items()}, _words(data.get("for_whom")),
                     _words(data.get("free")), {str(k): _words(v) for k, v in (data.get("by") or {}).items()})


def read_offer(text: str, *, priced: bool = False) -> dict[str, Any]:
    """What ``text`` offers: ``what`` ({kind: [cue words found]}), ``by`` (writer / third_party / group), ``for_whom``
    (the words of an offer to whoever wants it), ``free`` (words of a free hand-over) and ``for_money``: goods, a service,
    earnings or a price word, a price the caller read (``priced``), or an offer to whoever wants it with no free hand-over."""
    folded = fold(text)
    cues = offer_cues()
    what = {kind: hits for kind, words in cues.what.items() if (hits := [w for w in words if w in folded])}
    by = next((who for who, words in cues.by.items() if any(w in folded for w in words)), "writer")
    for_whom = [w for w in cues.for_whom if w in folded]
    free = [w for w in cues.free if w in folded]
    for_money = bool(what) or priced or bool(for_whom and not free)
    return {"what": what, "by": by, "for_whom": for_whom, "free": free, "priced": priced, "for_money": for_money}

"""Round 57 (d13a57, issue 13): a later time the owner asks for and the one who gave the work accepts is the to-do's
time ("周三赶不及…改到周五前行吗" — "行，那就周五前"); a refusal or a question nobody answers changes nothing."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes, owned_by

START = datetime(2029, 6, 5, 20, 0)  # a Tuesday

# a photo club: the album layout is asked for by Wednesday, the member asks for Friday, the organiser agrees
ACCEPTED = (
    "社长老吴|下个月影展的事安排一下",
    "社长老吴|@阿杰 画册排版周三前发我看看",
    "阿杰|周三赶不及，这周要出差两天，改到周五前行吗",
    "社长老吴|行，那就周五前",
)

# a startup: the yes says its own day
SAID = (
    "林总|定一下：支付SDK升级，Leo这周四前上线",
    "Leo|周四有点紧，下周一可以吗",
    "林总|可以，那就下周一（6月11日）",
)

# the organiser says no: the first time stands
REFUSED = (
    "社长老吴|@阿杰 画册排版周三前发我看看",
    "阿杰|周三赶不及，改到周五前行吗",
    "社长老吴|不行，周四要送印了",
)


def test_accepted_counter_deadline_moves_the_todo() -> None:
    notes = chat_notes(*ACCEPTED, start=START)
    [todo] = owned_by(notes.actions, "阿杰")
    assert todo.deadline == "2029-06-08"
    assert "已改：周五前" in todo.task  # the member's words stay, the new time beside them


def test_the_yes_with_its_own_day_wins() -> None:
    notes = chat_notes(*SAID, start=START)
    [todo] = owned_by(notes.actions, "Leo")
    assert todo.deadline == "2029-06-11"


def test_a_refused_counter_keeps_the_first_time() -> None:
    notes = chat_notes(*REFUSED, start=START)
    [todo] = owned_by(notes.actions, "阿杰")
    assert todo.deadline == "2029-06-06"

"""One way to cut a line into clauses that keeps figures whole (issue 13): the comma inside a written figure
(「1,000份」「1，000份」「HK$1,200」「45,000元」) is no pause, so no section (to-dos, owners, key facts, changes, deadlines)
splits a number in two or puts it back together as 「1，000」. A comma is a pause unless a digit is before it and exactly
three digits after it (「2，3号」「12月3日，100人」 are still cut). Folding turns 「，」 into 「,」, so both are read the same and
a clause cut from the folded text is at the same place as the one cut from the text as written."""

from __future__ import annotations

import re

# a comma that is a pause, not the one inside a figure
PAUSE_COMMA = r"(?<!\d)[，,]|[，,](?!\d{3}(?!\d))"

# the clauses of a sentence: its commas (not a figure's), semicolons, and a space between two Chinese characters
# (voice-to-text and pasted lines pause with a space: "好的 我周五前交")
CLAUSE = re.compile(rf"[；;]|{PAUSE_COMMA}|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def pauses(marks: str) -> re.Pattern[str]:
    """A splitter at ``marks`` (any characters; their commas are read as :data:`PAUSE_COMMA`)."""
    rest = "".join(ch for ch in marks if ch not in "，,")
    commas = len(rest) != len(marks)
    alts = ([f"[{re.escape(rest)}]"] if rest else []) + ([PAUSE_COMMA] if commas else [])
    return re.compile("|".join(alts))

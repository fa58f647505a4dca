"""Cue words stay in data: no regex literal in the drafting code spells Chinese words, and the one
resource loader reads the files those words moved to."""

from __future__ import annotations

import datetime as dt

from copilot.agents.docs import card_format
from copilot.agents.events import rotation
from copilot.devtools.source_scan import chinese_regex_literals
from copilot.paths import PACKAGE_DIR, load_resource
from copilot.profile import profile_from_data


def test_no_chinese_words_inside_regexes_of_the_drafting_code():
    files = [*sorted((PACKAGE_DIR / "agents").glob("*.py")), *sorted(PACKAGE_DIR.glob("profile*.py"))]
    found = chinese_regex_literals(files)
    assert not found, found


def test_moved_words_still_drive_the_drafts():
    words = load_resource("drafting/patterns.yaml")
    assert "如" in words["card_example_cues"] and words["week_numerals"].endswith("十")
    assert load_resource("drafting/patterns.yaml") is words  # read once
    # a card format's bracketed example (for the operator) is dropped; its options in brackets are kept
    p = profile_from_data({"name": "", "positioning": "绍兴柯桥的羽毛球爱好者约球", "topics": ["羽毛球"],
                           "card_format": "水平(新手/中级/高手)-昵称（例如“中级-阿峰”）"})
    assert card_format(p) == "水平(新手/中级/高手)-昵称"
    # a rotation written with Chinese numerals is read week by week
    ev = profile_from_data({"name": "", "positioning": "柯桥书法课", "topics": ["书法"], "events": [
        {"title": "周六书法课", "kind": "课程", "cadence": "每周六", "time": "09:00", "place": "柯桥文化馆",
         "details": "2026-12-05开课；第一周 握笔；第二周 横画；第三周 竖画"}]}).events[0]
    assert "横画" in rotation(ev, dt.date(2026, 12, 12)).text

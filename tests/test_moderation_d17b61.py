"""Round 61, d17b61 (issue 17 item 3): off-topic by meaning on groups never seen.

A message with no chatter topic that the chatter model leans on only because of the profile's own words for the group
(馆里 of a gym whose positioning says 馆里活动, 会员 of a members' group) is the group's own talk, not chatter; the same
model reading on words the profile never says (游乐园, 修手机) is chatter as before.
Messages and profiles written for these tests, for groups not used before."""

from __future__ import annotations

import itertools
from pathlib import Path

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

GYM = """name: 飞燕拳馆会员群
positioning: 飞燕拳馆的会员群，约课、课表和馆里活动都在这里发；会员交流训练心得
topics: [拳击, 散打, 沙袋, 约课]
audience: 本馆会员
schedule: ["每周一、三 19:00 拳击入门班"]
"""

_T = itertools.count()


def _mod(tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(GYM),
                     dry_run=True)


def test_the_groups_own_venue_word_is_no_chatter(tmp_path: Path) -> None:
    mod = _mod(tmp_path)
    for text in ("蹲一个一起拼车去馆里的，我住江北那边", "有没有人明天下午一起打车去馆里，我从地铁站出发"):
        v = mod.moderate({"id": text, "user": "xiao_he", "text": text})
        assert v.label == Label.OK, (text, v.reason)


def test_chatter_on_words_the_profile_never_says_is_still_off_topic(tmp_path: Path) -> None:
    mod = _mod(tmp_path)
    for text in ("周末有人一起去游乐园吗，我家闺女吵着要坐摩天轮", "有没有人知道哪里修手机屏幕便宜"):
        v = mod.moderate({"id": text, "user": "a_kun", "text": text})
        assert v.label == Label.OFF_TOPIC, (text, v.reason)

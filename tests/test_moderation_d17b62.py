"""Round 62, d17b62 (issue 17 item 3): in a group whose profile says its members help each other with life's chores
(邻里互助, 互相帮忙, 搭把手), a member asking the group where to get a chore done is the group's business, not chatter;
the same question in a hobby group, or a chatter topic asked of the neighbours, is off-topic as before.
Messages and profiles written for these tests, for groups not used before."""

from __future__ import annotations

import itertools
from pathlib import Path

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

NEIGHBOURS = """name: 桂花苑三期邻里群
positioning: 桂花苑三期住户的群：物业通知、停水停电、邻里互助，谁家有事大家搭把手；商家广告、中介不要发
topics: [物业, 停水停电, 邻里互助, 快递]
audience: 桂花苑三期住户
banned: [中介, 贷款]
"""

KITES = """name: 滨江风筝同好群
positioning: 爱放风筝的朋友交流扎制、放飞技巧，周末约放
topics: [风筝, 放飞, 扎制, 线轮]
audience: 风筝爱好者
"""

_T = itertools.count()


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def test_asking_the_neighbours_where_to_mend_a_thing_is_the_groups_business(tmp_path: Path) -> None:
    mod = _mod(tmp_path, NEIGHBOURS)
    for text in ("有没有人知道附近哪里能修空调？一开就滴水", "谁知道哪里配老花镜便宜点，我那副镜腿断了",
                 "家里老人想请个钟点工，大家有推荐的吗"):
        v = mod.moderate({"id": text, "user": "zhou_ayi", "text": text})
        assert v.label == Label.OK, (text, v.reason)
        assert "互助" in v.checks["offtopic"]["detail"], v.checks["offtopic"]


def test_the_same_ask_in_a_hobby_group_is_still_off_topic(tmp_path: Path) -> None:
    mod = _mod(tmp_path, KITES)
    text = "有没有人知道附近哪里能修空调？一开就滴水"
    v = mod.moderate({"id": text, "user": "lao_qian", "text": text})
    assert v.label == Label.OFF_TOPIC, v.reason


def test_a_chatter_topic_asked_of_the_neighbours_is_still_off_topic(tmp_path: Path) -> None:
    mod = _mod(tmp_path, NEIGHBOURS)
    text = "有人知道哪家火锅好吃吗，周末想带爸妈去"
    v = mod.moderate({"id": text, "user": "xiao_lin", "text": text})
    assert v.label == Label.OFF_TOPIC, v.reason

"""Round 62, d17b62 (issue 17 item 3): in a group whose profile says its members help each other with life's chores
(邻里互助, 互相帮忙, 搭把手), a member asking the group where to get a chore done is the group's business, not chatter;
the same question in a hobby group, or a chatter topic asked of the neighbours, is off-topic as before.
Step 2: who the members are or their family (孙子, 老公; lexicons.yaml who_words) among the words its kind of group talks
about (topic_words.yaml: 孙子 of 老年大学) ties a message to the group only where the group's subject names them, as with
the profile's own words: "我家孙子考上研究生了" among an old people's choir is family news; "我孙子也想来合唱班旁听" names the choir.
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

CHOIR = """name: 银杏社区老年大学合唱班
positioning: 银杏社区老年大学合唱班的学员群，排练通知、声部练习和演出安排
topics: [合唱, 声部, 排练, 演出]
audience: 老年大学合唱班学员
type: 兴趣型
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


def test_a_grandchilds_news_is_no_tie_to_an_old_peoples_choir(tmp_path: Path) -> None:
    mod = _mod(tmp_path, CHOIR)
    for text in ("我家孙子考上研究生了，请大家吃饭", "我孙子下个月结婚，我得去订酒席了"):
        v = mod.moderate({"id": text, "user": "li_ayi", "text": text})
        assert v.label == Label.OFF_TOPIC, (text, v.reason)
        assert "孙子" not in (v.checks["offtopic"].get("relevant") or []), v.checks["offtopic"]


def test_a_grandchild_beside_the_choirs_own_word_is_still_the_groups(tmp_path: Path) -> None:
    mod = _mod(tmp_path, CHOIR)
    text = "我孙子也想来合唱班旁听，可以吗"
    v = mod.moderate({"id": text, "user": "wang_shu", "text": text})
    assert v.label == Label.OK, v.reason

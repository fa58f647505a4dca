"""Round 68, d17c68 (issue 17): a member's lived experience in a patients' or carers' support group (appetite, sleep, weight,
mood, a stay in hospital) and a learner driver's road test are the group's own talk (domains.yaml ``patient_support``,
``driving_school``), while chatter in the same groups is still off-topic.
Groups and messages written for these tests (a cancer patients' group, a driving school's learners, a knitting group)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from moderation_say import say

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.labels import Action, Label
from copilot.moderation.offtopic import field_words
from copilot.profile import parse_profile_text
from copilot.textnorm import fold

CANCER = """
name: 乳腺癌病友互助群
positioning: 乳腺癌病友和家属互相支持，交流化疗放疗期间的身体反应、饮食和心理调整
topics: [化疗, 放疗, 复查, 饮食, 心理调整]
audience: 乳腺癌病友和家属
type: 兴趣型
"""

LEARNERS = """
name: 城南驾校学员群
positioning: 城南驾校学员交流练车和考试，教练发练车时间安排
topics: [练车, 科目二, 科目三, 约考]
audience: 在城南驾校学车的学员
type: 兴趣型
"""

KNITTING = """
name: 周末编织同好会
positioning: 喜欢编织的朋友交流毛线、针法和作品
topics: [编织, 毛线, 针法, 钩针, 棒针]
audience: 编织爱好者
type: 兴趣型
"""

say = partial(say, gap=90)


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile))


def test_a_patients_appetite_and_weight_are_the_support_groups_own_talk(tmp_path: Path) -> None:
    mod = _mod(CANCER, tmp_path)
    for n, text in enumerate(["第二次化疗完这几天胃口特别差，闻到油烟就想吐，大家都怎么熬过来的",
                              "这个月体重掉了六斤，整个人没精神，下周还要去抽血"], 1):
        v = say(mod, text, n=n)
        assert v.label == Label.OK, text
        assert v.checks["offtopic"]["about_group"] is True


def test_chatter_in_the_support_group_is_still_off_topic(tmp_path: Path) -> None:
    mod = _mod(CANCER, tmp_path)
    v = say(mod, "今晚世界杯决赛谁踢谁啊，有没有人一起看球", n=1)
    assert v.label == Label.OFF_TOPIC
    assert v.action in (Action.REMIND, Action.REVIEW)


def test_a_learner_drivers_nerves_before_the_road_test_are_the_groups_talk(tmp_path: Path) -> None:
    mod = _mod(LEARNERS, tmp_path)
    v = say(mod, "后天就要路考了，一想到要上路紧张得整晚睡不着", n=1)
    assert v.label == Label.OK
    assert v.checks["offtopic"]["about_group"] is True


def test_the_new_words_belong_only_to_groups_whose_profile_cues_them() -> None:
    cancer = field_words(fold("乳腺癌病友互助群 化疗 放疗"))
    learners = field_words(fold("驾校学员 练车 科目二"))
    knitting = field_words(fold("周末编织同好会 毛线 针法"))
    assert {"胃口", "住院", "睡不着"} <= cancer
    assert {"上路", "路考", "压线"} <= learners
    assert not {"胃口", "睡不着", "上路", "路考"} & knitting


def test_a_newcomers_greeting_is_social_glue_not_off_topic(tmp_path: Path) -> None:
    mod = _mod(KNITTING, tmp_path)
    for n, text in enumerate(["新人报道，请多关照", "大家好，我是新来的，请多多指教"], 1):
        v = say(mod, text, n=n)
        assert v.label == Label.OK, text
        assert v.checks["offtopic"].get("social") is True, text


def test_a_newcomers_greeting_before_a_pitch_is_still_an_ad(tmp_path: Path) -> None:
    mod = _mod(KNITTING, tmp_path)
    v = say(mod, "大家好我是新来的，请多关照，本人专业代办信用卡提额套现，加微信 ka8899123", n=1)
    assert v.label == Label.AD

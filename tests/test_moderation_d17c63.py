"""Round 63, d17c63 (issue 17: legitimate messages acted on in groups never seen). ① A member warning the group of a fraud
(有人冒充社保局打电话要银行卡号，千万别信，是骗子) speaks of something outside the group's subject, and the topic layer read it
as chatter and sent a public reminder. A warning that names a fraud (lexicons.yaml scam_alert, with signals.warns) guards
the members whatever it is about: still labelled as the topic layer reads it, but a person decides, never a reminder.
② A member offering photos of what they made themselves (我做好的…细节图想看的加我, 我临的…想看原图的加我) with a handle:
lexicons.yaml own_record.made now holds the verbs of making (我做, 做好, 我画, 我临…), so the record layer reads it.
Groups and messages written for these tests (a retired teachers' group, a community allotment group, a model-kit group, a
retirees' calligraphy club)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, Action, Label

TEACHERS = """
name: 实验中学退休教师联谊群
positioning: 实验中学退休老教师交流养生、书画、摄影，组织春秋两次出游和重阳节聚会
topics: [退休, 养生, 书画, 摄影, 出游, 重阳节, 聚会]
audience: 实验中学退休教师
"""

ALLOTMENT = """
name: 银杏社区开心菜园群
positioning: 银杏社区认领了开心菜园小地块的居民交流种菜、施肥、防虫，轮流浇水排班，工具房的锄头水管大家借用
topics: [菜地, 种菜, 浇水, 排班, 施肥, 防虫, 育苗, 工具房, 堆肥]
audience: 银杏社区认领菜地的居民
"""


def test_a_fraud_warning_off_the_groups_subject_is_not_reminded(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(TEACHERS).moderate({"id": "w1", "user": "wang_laoshi", "text":
                                              "听说有人打电话说是社保局的，要你报银行卡号，千万别信，那是骗子"})
    assert v.action not in ACTED, v.reason
    if v.label == Label.OFF_TOPIC:  # labelled as the topic layer reads it, shown to a person
        assert v.action == Action.REVIEW and v.checks["offtopic"]["scam_alert"], v.reason


def test_plain_chatter_in_the_same_group_is_still_reminded(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(TEACHERS).moderate({"id": "c1", "user": "li_laoshi", "text":
                                              "今天股市又跌了，我的基金亏了好多"})
    assert v.label == Label.OFF_TOPIC and v.action in ACTED, v.reason
    assert not v.checks["offtopic"].get("scam_alert")


def test_an_ad_dressed_as_a_fraud_warning_stays_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(ALLOTMENT).moderate({"id": "a1", "user": "u_fl", "text":
                                               "防骗提醒：买化肥认准正规厂家，正品请加我微信 zhengpin_fl 订购，假一赔十"})
    assert v.label == Label.AD and v.action in ACTED, v.reason


MODEL_KITS = """
name: 星港高达模型拼装交流群
positioning: 拼高达模型的玩家交流拼装、水口处理、上色和改造，每月最后一个周六在社区活动中心办线下拼装会
topics: [高达, 模型, 拼装, 水口, 上色, 喷涂, 改造, 渗线, 拼装会]
audience: 拼模型的玩家
"""

CALLIGRAPHY = """
name: 机械厂退休职工书画社
positioning: 机械厂退休职工书画社，每周二上午在老干部活动室练书法、画国画，年底办一次作品展
topics: [书法, 国画, 练字, 宣纸, 毛笔, 字帖, 临帖, 作品展, 装裱]
audience: 机械厂退休职工
"""


def test_photos_of_a_members_own_work_offered_with_a_handle_are_not_acted_on(
        profile_moderator: Callable[[str], Moderator]) -> None:
    # what the writer made themselves (lexicons.yaml own_record.made: 我做好, 我临, 我画…), photos of it (media) offered to
    # whoever wants to see them, nothing on sale: a record of the group's own doing, for a stranger as for a member
    for i, (profile, text) in enumerate([(MODEL_KITS, "我做好的那台强袭自由渗线完了，细节图想看的加我QQ 28871650"),
                                         (CALLIGRAPHY, "我临的《兰亭序》第三遍临帖，想看原图的加我微信 liu_shufa56")]):
        v = profile_moderator(profile).moderate({"id": f"r{i}", "user": f"member{i}", "text": text})
        assert v.label != Label.AD and v.action not in ACTED, v.reason
        assert v.checks["belongs"]["own_record"], v.checks.get("belongs")


def test_a_course_video_offered_with_a_handle_stays_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(MODEL_KITS).moderate({"id": "c1", "user": "u_penbi", "text":
                                                "模型喷涂教学视频全套，我做好的成品都在里面，想学的加我微信 penbi_jc 领取"})
    assert v.label == Label.AD and v.action in ACTED, v.reason

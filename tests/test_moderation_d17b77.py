"""Round 77, d17b77 (issue 17): a member teased by name with a laugh ("阿杰你这个老油条，又把答案藏到最后才说哈哈") was
sent to review as off-topic chatter — the chatter model reads the everyday words of a tease — and mild nicknames of a
member's habits (老阿姨, 卷王, 老狐狸) said with a laugh were deleted with a public warning. Groups and messages written
for these tests (a Nanjing badminton club, a Xiamen study group for the accounting exam, a Hong Kong orchid society)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict
from copilot.moderation.offtopic import teases_member

BADMINTON = """
name: 南京河西羽毛球约球群
positioning: 河西的球友每周二、四晚上在奥体馆约球，交流步法、杀球和球拍穿线
topics: [羽毛球, 约球, 步法, 杀球, 穿线]
audience: 南京河西上班族球友
type: 兴趣型
"""

CPA = """
name: 厦门注会备考打卡群
positioning: 备考注册会计师的同学每天打卡做题，交流会计、税法、审计的难点
topics: [注会, 会计, 税法, 审计, 打卡]
audience: 厦门在职备考注会的财务人员
type: 学习型
"""

ORCHID = """
name: 香港蘭花同好會
positioning: 香港蘭友交流蘭花種植、換盆、施肥同病蟲害，每季喺屯門搞一次蘭展
topics: [蘭花, 換盆, 施肥, 蘭展]
audience: 香港種蘭嘅朋友
type: 兴趣型
"""


def test_a_tease_of_one_member_with_a_laugh_is_no_chatter(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((BADMINTON, "老周你这个老油条，又躲在后场偷懒哈哈"),
                        (BADMINTON, "哈哈你又一觉睡到中午才起来"),
                        (CPA, "小林这老家伙一大早精神比我们谁都好😂"),
                        (ORCHID, "哈哈你真係好衰，次次都執到最細嗰盆")):
        v = judge(group, text)
        assert v.label != "off_topic", (text, v.reason)
        assert v.action not in ("warn", "delete", "mute", "kick", "remind"), (text, v.action, v.reason)


def test_chatter_with_a_laugh_stays_off_topic(judge: Callable[[str, str], Verdict]) -> None:
    # hard negatives: everyone addressed (你们), a question, a chatter topic — chatter, whatever the laugh
    for group, text in ((BADMINTON, "哈哈你们昨晚那个综艺看了没，笑死我了"),
                        (CPA, "你也去抢演唱会门票了？哈哈"),
                        (CPA, "你又去泰国旅游了哈哈，羡慕")):
        v = judge(group, text)
        assert v.label == "off_topic", (text, v.label, v.reason)


def test_tease_needs_a_laugh_and_one_member() -> None:
    assert teases_member("阿杰你这个老油条,又把答案藏到最后才说哈哈")
    assert teases_member("蒋哥这老家伙一大早精神比我们年轻人还好😂")
    assert not teases_member("你周末去哪里玩了")  # no laugh, no tease
    assert not teases_member("哈哈你们周末去哪里玩了")  # everyone, not one member
    assert not teases_member("哈哈你家猫真可爱")  # the member's home, not the member


def test_a_put_down_with_a_laugh_is_still_abuse(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(BADMINTON, "哈哈你这水平也好意思来约球，回家练两年吧")
    assert v.label == "abuse", v.reason


def test_mild_nicknames_said_to_a_named_member_with_a_laugh_are_never_acted_on(
        judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((CPA, "小雨你个卷王，又第一个交打卡了哈哈"),
                        (CPA, "阿芳你个老阿姨，天天在群里晒你的错题本😂"),
                        (ORCHID, "陳太你個老狐狸，又收埋咗盆靚蘭唔俾我哋睇，哈哈")):
        v = judge(group, text)
        assert v.action not in ("warn", "delete", "mute", "kick"), (text, v.action, v.reason)


def test_the_same_nickname_with_hostility_is_still_deleted_with_a_warning(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((CPA, "小雨你个卷王，再在群里造谣我抄答案，你给我等着"),
                        (CPA, "陈姐你个老狐狸，再造谣我抄答案我就弄死你")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.reason)
        assert v.action == "warn", (text, v.action, v.reason)

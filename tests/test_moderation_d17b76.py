"""Round 76, d17b76 (issue 17): ads and chain letters the lead saw pass — a handle split by hearts or other pictographs
(微❤同号 + an id, 賴❤️ID：xx❤️88), a charity hoax that pledges a gift for every share with no threat and no audience
(转发一次就能帮患儿筹到一元) — and the false alarms beside them: a member's WeChat avatar (我的微信头像), a private message
said already sent (我私你了), a member asking the group not to post vote requests. Groups and messages written for these
tests (a Xiamen rescue-dog group, a Suzhou new-parents group, a Taipei ukulele group, a Hangzhou cycling club)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise

DOGS = """
name: 厦门流浪狗救助志愿者群
positioning: 志愿者交流流浪狗救助、送医、绝育、领养和医疗费用公示；卖狗粮用品、拉票、转发连锁信不要发
topics: [救助, 送医, 绝育, 领养, 狗粮, 费用公示, 寻狗]
audience: 厦门的救助志愿者和领养人
type: 公益型
"""

PARENTS = """
name: 苏州园区新手爸妈交流群
positioning: 新手爸妈交流喂养、疫苗、睡眠和带娃经验；微商代购、拉票砍价、转发谣言不要发
topics: [喂养, 辅食, 疫苗, 睡眠, 早教, 儿科]
audience: 园区0到3岁宝宝的爸妈
type: 生活型
"""

UKULELE = """
name: 台北烏克麗麗交流群
positioning: 烏克麗麗同好交流彈奏技巧、譜和器材，約練團；賣課、賣水貨的廣告不要發
topics: [烏克麗麗, 彈奏, 譜, 和弦, 器材, 練團]
audience: 台北的烏克麗麗愛好者
type: 兴趣型
"""

CYCLING = """
name: 杭州西湖骑行俱乐部
positioning: 骑友约周末骑行、交流路线、车况和训练；卖车卖装备的广告、拉票助力不要发
topics: [骑行, 路线, 车况, 训练, 约骑, 踏频]
audience: 杭州的骑行爱好者
type: 兴趣型
"""


def test_a_handle_after_same_number_is_read_as_a_wechat_id(judge: Callable[[str, str], Verdict]) -> None:
    for group, text, handle in ((DOGS, "进口狗粮批发，比宠物店便宜三成，微❤同号 wangwang886", "wangwang886"),
                                (CYCLING, "公路车碳纤维轮组清仓，微信同号 bike2026", "bike2026")):
        v = judge(group, text)
        assert v.label == "ad" and v.action == "delete", (text, v.reason)
        assert handle in v.reason, v.reason


def test_pictographs_inside_a_handle_do_not_hide_it(judge: Callable[[str, str], Verdict]) -> None:
    assert "uke88" in normalise("賴❤️ID：uke❤️88").folded
    assert "lineid" in normalise("LINE🌟ID：abc🌟123").folded
    v = judge(UKULELE, "一對一烏克麗麗私教，包教包會，賴❤️ID：uke❤️88")
    assert v.label == "ad", v.reason
    assert "uke88" in v.reason, v.reason


def test_pictographs_between_words_and_plain_hearts_stay_harmless(judge: Callable[[str, str], Verdict]) -> None:
    assert normalise("宝宝满月啦❤️❤️ 谢谢大家").folded.count("❤") == 2  # hearts before a space are left as written
    for group, text in ((PARENTS, "宝宝今天第一次翻身❤️❤️ 开心死了"),
                        (CYCLING, "今天骑了80公里❤️，心率一直在150左右，正常吗"),
                        (DOGS, "阿黄今天出院了❤️谢谢大家的捐款❤️")):
        v = judge(group, text)
        assert v.label == "ok", (text, v.reason)


def test_a_gift_pledged_for_every_share_is_a_chain_letter(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((DOGS, "转发一次就能帮救助站筹到一元狗粮钱，爱心企业承诺的，大家转起来"),
                        (PARENTS, "有个先心病宝宝在做手术，每转发一次基金会就捐一毛钱，请转给身边的爸妈"),
                        (CYCLING, "转给十个骑友，每转一次赞助商就为山区孩子捐一辆自行车"),
                        (UKULELE, "每轉發一次，就有善心人捐一塊錢給病童，大家幫忙轉")):
        v = judge(group, text)
        assert v.label == "spam", (text, v.reason)
        assert v.action == "delete", (text, v.reason)


def test_a_real_appeal_a_notice_passed_on_and_a_debunk_are_not_chain_letters(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((DOGS, "这只小黑狗已经打完疫苗了，免费领养，麻烦大家转给身边想养狗的朋友"),
                        (DOGS, "每转发一次这个领养信息，就多一个狗狗找到家的机会，麻烦大家转转"),
                        (PARENTS, "社区医院下周三免费给宝宝测微量元素，看到的请转给身边的爸妈"),
                        (PARENTS, "群里有人说转发一次就捐一毛钱给病童，那是假的，早就辟谣了，别再转了")):
        v = judge(group, text)
        assert v.label == "ok", (text, v.reason)


def test_a_member_s_own_avatar_and_a_message_already_sent_are_not_pointers(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((PARENTS, "我的微信头像就是我家闺女，大家别笑哈"),
                        (CYCLING, "我微信头像是上周龙井路骑行拍的，风景太好了"),
                        (DOGS, "有个志愿者想领养小黄，我私你了，你看下")):
        v = judge(group, text)
        assert v.label == "ok", (text, v.reason)


def test_a_handle_said_to_sit_in_the_avatar_still_points(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(CYCLING, "骑行服五折清仓，微信头像里有我电话")
    assert v.label == "ad", v.reason


def test_telling_the_group_not_to_post_vote_requests_is_not_a_vote_request(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((CYCLING, "这种拉票助力的别在骑行群里发了，大家都不爱看"),
                        (PARENTS, "这种砍价的链接不要往群里发了，谢谢配合")):
        v = judge(group, text)
        assert v.label == "ok", (text, v.reason)
    v = judge(CYCLING, "谁有空帮我点个助力，抢比赛名额的，就差三个人了，谢谢啦")  # the ask itself stays spam
    assert v.label == "spam", v.reason


def test_a_vote_asked_as_a_personal_favour_without_the_word_vote_is_spam(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((PARENTS, "帮忙给我家闺女的画点个爱心，就差几票了，谢谢各位"),
                        (CYCLING, "各位帮忙看看，我儿子差一票就能进决赛了")):
        v = judge(group, text)
        assert v.label == "spam", (text, v.reason)
    v = judge(CYCLING, "大家帮忙看看我这个踏频差几下能到九十")  # 差几 without a vote
    assert v.label != "spam", v.reason

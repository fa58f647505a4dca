"""Round 75, d17a75 (issue 17): what a fresh bot author found — a member's long digest of the group's best tips deleted
as an ad because one tip quotes another member's 「需要的私聊」, and a university lab's own call for a part-time research
assistant (its own survey link, 兼职) deleted. Groups and messages written for these tests (a Nanjing parents' group, a
Xi'an psychology students' group)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict
from copilot.moderation.pipeline import _digest_form

PARENTS = """
name: 南京二胎家长交流群
positioning: 南京的二胎家长交流喂养、早教、看病、入园和带娃出行的经验，欢迎整理群里的好经验；微商代购和刷单兼职不要发
topics: [喂养, 辅食, 早教, 疫苗, 儿保, 入园, 湿疹, 睡眠]
audience: 南京的二胎家长
type: 互助型
"""

STUDENTS = """
name: 西安心理学研究生交流群
positioning: 西安高校心理学研究生交流实验设计、论文写作、统计软件和实习；卖资料、代写、刷单不要发
topics: [心理学, 实验, 被试, 论文, 统计, 实习, 量表]
audience: 西安高校心理学研究生
type: 学习型
"""

DIGEST = ("【二胎经验整理】把这半年群里爸爸妈妈们聊过的好办法汇总一下，给刚生二宝的家庭参考：\n"
          "1. 大宝的情绪先照顾好，二宝哭一会儿没关系；\n"
          "2. 两个孩子的疫苗本分开放，免得搞混；\n"
          "3. 之前有人在群里发过“进口安全座椅团购价，需要的私聊”，座椅还是建议去正规店买新的；\n"
          "4. 儿保预约在妇幼的公众号上，周一早上放号；\n"
          "5. 辅食可以两个孩子一起做，大宝的少放盐就行；\n"
          "6. 出门带两个娃尽量两个大人，一个人真的顾不过来；\n"
          "7. 奶粉趁大促囤一点，但是别囤太多。\n"
          "有补充的欢迎接着说～")


def test_a_members_digest_quoting_anothers_ad_words_is_not_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PARENTS, DIGEST)
    assert v.label == "ok" and v.action == "none", v.reason
    assert v.checks.get("quoted_tips") is True


def test_a_digest_with_the_writers_own_handle_to_sell_is_still_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PARENTS, DIGEST + "\n另外我这边有进口奶粉和安全座椅的渠道，比商场便宜不少，需要的加我微信 erbao_haowu66")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "quoted_tips" not in v.checks


def test_a_digest_whose_writer_invites_in_their_own_words_is_not_cleared(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PARENTS, DIGEST + "\n顺便说下我在做儿童座椅代理，一件代发，想要优惠的私聊我")
    assert v.label == "ad", v.reason
    assert "quoted_tips" not in v.checks


def test_the_digest_form_needs_a_frame_word_and_several_items() -> None:
    listed = "这半年群里的经验汇总：1. 夜里少开灯；2. 辅食一样一样加；3. 疫苗本分开放；4. 出门带两个大人；" * 2
    assert _digest_form(listed, listed)
    # the same tips in one clause, or the same items with no frame word, are no digest
    assert not _digest_form("这半年群里的经验汇总：夜里少开灯，辅食一样一样加，疫苗本分开放，出门最好带两个大人，" * 2,
                            "这半年群里的经验汇总夜里少开灯辅食一样一样加疫苗本分开放出门最好带两个大人" * 2)
    plain = "1. 夜里少开灯；2. 辅食一样一样加；3. 疫苗本分开放；4. 出门带两个大人；" * 3
    assert not _digest_form(plain, plain)


def test_an_institutions_own_call_with_its_own_link_is_not_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("陕西师范大学心理学院情绪与认知实验室招募兼职研究助理两名，协助脑电实验数据采集，每周约八小时，"
                 "地点在长安校区，报名请填写学院问卷 https://wj.qq.com/s2/7788123/5d2e ，欢迎转给身边同学",
                 "西安交通大学第一附属医院心身医学科招募心理学研究生做科研志愿者，协助量表录入和随访，"
                 "报名表 https://www.wjx.cn/vm/xjtu1fy.aspx"):
        v = judge(STUDENTS, text)
        assert v.label == "ok" and v.action == "none", (text, v.reason)


def test_an_institution_call_by_e_mail_on_its_own_domain_is_not_an_ad(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(STUDENTS, "西北大学公共管理学院课题组招聘兼职调研员两名，协助社区问卷整理，简历请发课题组邮箱 "
                        "nwu_survey@nwu.edu.cn ，截止本月底")
    assert v.label == "ok", v.reason


def test_a_fake_call_keeps_its_ad_evidence(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("西安某高校心理实验室招募兼职被试，手机在家就能做，报名 https://wj.qq.com/s2/5566778/aa01",
                 "陕西师范大学心理实验室招募兼职被试，日结150，报名链接 https://www.wjx.cn/vm/job150.aspx",
                 "陕西师范大学心理实验室招募兼职研究助理，报名 https://t.cn/A6abCdEf",
                 "陕西师范大学心理实验室招募兼职研究助理，有意加微信 snnu_lab_job 报名"):
        v = judge(STUDENTS, text)
        assert v.label == "ad", (text, v.reason)
        assert "institution_call" not in v.checks


RETOLD = ("【二胎干货整理】这个月群里聊过的几件事：\n"
          "1. 二宝的辅食可以和大宝的饭一起做，少放盐；\n"
          "2. 有家长在群里说过早教班报名立减六百，名额有限，需要的私聊，我问了几家，其实社区的亲子活动就够了；\n"
          "3. 两个孩子的疫苗本分开放；\n"
          "4. 出门带两个娃最好两个大人。\n"
          "欢迎补充～")


def test_a_digest_retelling_anothers_ad_words_without_quotes_is_not_deleted(
        judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PARENTS, RETOLD)
    assert v.label == "ok" and v.action == "none", v.reason
    assert v.checks.get("quoted_tips") is True


def test_a_retold_tip_with_the_writers_own_reach_stays_the_writers(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(PARENTS, RETOLD.replace("需要的私聊，我问了几家，其实社区的亲子活动就够了",
                                      "说的就是我们机构，需要的私聊我"))
    assert v.label == "ad", v.reason
    assert "quoted_tips" not in v.checks

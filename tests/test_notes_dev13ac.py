"""Round 36b (dev13ac): a talk's speaker introduced by surname + title; an organiser's "几个事情说一下" is no
question; the one a question was put to, acking it, answers nothing later with an unrelated line.

Every chat below was written for these tests (a tea-tasting circle, a bonsai club, a birding group, a
woodworking workshop, a choir); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.pairing import find_qa
from copilot.notes.reading import find_invitation, question_strength

START = datetime(2026, 12, 9, 20, 0)


_msgs = partial(chat_lines, start=START)  # "speaker|text" lines, one a minute


_TEA = (
    "茶会-阿满|各位晚上好，今晚请到陈老师给大家分享「岩茶的冲泡温度」，欢迎陈老师",
    "陈慕白|大家好，我是陈慕白，做了十二年茶，今天聊聊水温。",
    "陈慕白|先说水温：岩茶要用沸水，九十五度以下香气出不来，焙火重的更要高温。",
    "小萍|👍",
    "陈慕白|第二是出汤，头三泡五到八秒就出，后面每泡加五秒，别闷太久不然会苦。",
    "陈慕白|第三是器具，盖碗最好用，紫砂壶容易吸味，一把壶只泡一种茶。",
    "小萍|陈老师 盖碗多大容量合适",
    "陈慕白|一百一十毫升左右，女生手小可以用九十毫升的",
)


# --- F5. surname + title names the talk's speaker whose nickname differs ---

def test_surname_and_title_invites_the_member_who_then_talks():
    assert find_invitation(_msgs(*_TEA)) == ("茶会-阿满", "陈慕白")


def test_traditional_title_and_sir_also_name_the_speaker():
    chat = _msgs("盆景會-Joyce|今晚請到何師傅同大家講「真柏點樣造型」，歡迎何師傅",
                 "何家輝|大家好，我係何家輝，玩盆景廿年。",
                 "何家輝|第一，真柏要春天先好剪，夏天剪容易枯枝。",
                 "何家輝|第二，蟠扎用鋁線，唔好用銅線，會傷樹皮。")
    assert find_invitation(chat) == ("盆景會-Joyce", "何家輝")


def test_title_fits_no_one_when_two_main_voices_share_the_surname():
    chat = _msgs("观鸟群-小鹿|今晚请到王老师给大家分享冬季观鸟，欢迎王老师",
                 "王一鸣|我先说说湿地的鸭子，绿头鸭最常见，公的头是绿的。",
                 "王芳|我补充一下，赤麻鸭也很多，颜色是橙黄的。",
                 "王一鸣|斑嘴鸭嘴尖是黄的，很好认。",
                 "王芳|对，还有鸳鸯，在公园湖里就能看到。")
    assert find_invitation(chat) is None  # 王老师 could be either: no guess


def test_title_for_a_surname_no_one_has_invites_no_one():
    chat = _msgs("木工坊-大海|下周请到刘老师来分享，今晚先随便聊",
                 "张木匠|我最近在做一个小板凳，榫卯还是不太准。",
                 "张木匠|凿子磨得不够快，打出来的眼总是歪。",
                 "小宇|我也是，新手都这样")
    assert find_invitation(chat) is None


# --- F7. an organiser's "几个事情说一下：" asks nothing; "几个人/几点" still ask ---

def test_a_count_of_things_to_tell_is_not_a_question():
    for told in ("好，问答差不多了，几个事情说一下：", "有几件事通知一下：", "最后说几点：", "講幾樣嘢先："):
        assert question_strength(told) < 0.5, told
    for asked in ("周六几个人去？", "几点集合", "几个事情说一下，谁来订场地？", "讲几点？"):
        assert question_strength(asked) >= 0.5, asked


def test_organiser_telling_a_few_things_is_answered_by_nothing():
    chat = _msgs("合唱团-Lily|好，今天练得差不多了，几个事情说一下：",
                 "合唱团-Lily|1. 周日演出服统一黑色",
                 "阿杰|年会那天是1月10号对吧 我负责带谱架",
                 "合唱团-Lily|对的")
    qa = find_qa(chat, "话题讨论", ["合唱团-Lily", "阿杰"], "合唱团-Lily")
    assert not any("几个事情" in p.question for p in qa)


# --- F7. the one a question was put to acks it; their later line on another matter answers the other one ---

def test_acked_assignment_takes_no_later_unrelated_line_as_its_answer():
    chat = _msgs("骑行队-老韩|下周日去安吉，路线谁来规划 阿东你上次做过 这次还是你吧",
                 "阿东|没问题",
                 "小米|我那辆车链条该上油了 周二自己去店里弄",
                 "小米|尾灯要不要统一买 上次天黑看不清",
                 "阿东|我有个朋友卖尾灯 团购能打八折",
                 "骑行队-老韩|这个可以 小米你去问一下")
    qa = find_qa(chat, "话题讨论", ["骑行队-老韩", "阿东", "小米"], "骑行队-老韩")
    route = [p for p in qa if "路线" in p.question]
    assert not route or "尾灯" not in route[0].answer
    lamp = [p for p in qa if "尾灯要不要" in p.question]
    assert not lamp or "链条" not in lamp[0].answer


def test_addressed_member_answering_the_question_still_answers_it():
    chat = _msgs("骑行队-老韩|阿东 安吉那条路上坡多不多",
                 "小米|我那辆车链条该上油了",
                 "阿东|上坡不多 就最后五公里有两个大坡")
    qa = find_qa(chat, "话题讨论", ["骑行队-老韩", "阿东", "小米"], "骑行队-老韩")
    assert qa and qa[0].answer.startswith("上坡不多")


# --- F6. a reluctant yes ("好吧 那就…") before another member settles it is agreement, not a second decision ---

def _decisions(*lines: str):
    from copilot.notes.model import Transcript
    from copilot.notes.structure import analyze

    return analyze(Transcript(name="t", messages=_msgs(*lines))).decisions


def test_reluctant_yes_then_the_organiser_settling_is_one_decision():
    found = _decisions("徒步群-老孟|出发时间：周六早上6点半，集合点在地铁站B口",
                       "阿兰|6点半太早了吧 冬天冷 7点行不行",
                       "徒步群-老孟|7点的话下山会摸黑 山路晚上不安全",
                       "大伟|同意6点半 早点走安全",
                       "阿兰|好吧 那就6点半",
                       "徒步群-老孟|OK 6点半集合 不改了",
                       "小静|收到")
    half_six = [d for d in found if "6点半" in d.text and d.sources and d.sources[-1] >= 4]
    assert len(half_six) == 1, [d.text for d in found]
    d = half_six[0]
    assert d.decider == "徒步群-老孟" and "阿兰" in d.by and d.decider != "阿兰"


def test_reluctant_yes_with_no_one_settling_after_stays_a_decision():
    found = _decisions("读书会-小叶|下次读《额尔古纳河右岸》还是《活着》",
                       "老贺|活着吧 短一点",
                       "读书会-小叶|好吧 那就读活着，下周日晚上8点线上",
                       "老贺|👍")
    assert any("活着" in d.text for d in found)


def test_a_yes_naming_the_choice_and_a_plus_one_under_it_agree_after_a_side_question():
    found = _decisions("书法社-老纪|3. 年会场地我问了，文化馆三楼每小时100元，订3个小时，大家AA",
                       "阿勤|年会那天是1月3号对吧 我负责带笔墨",
                       "书法社-老纪|对，3号下午两点开始",
                       "小宋|我同意文化馆三楼，停车方便",
                       "Vivian|+1",
                       "书法社-老纪|那就定文化馆三楼，阿勤你明晚之前把订金转给馆里")
    hall = [d for d in found if "文化馆三楼" in d.text]
    assert hall and hall[0].decider == "书法社-老纪"
    assert {"小宋", "Vivian"} <= set(hall[0].by) and "阿勤" not in hall[0].by


def test_a_plus_one_under_another_matter_does_not_agree():
    found = _decisions("书法社-老纪|下周六练隶书，大家带好毛毡",
                       "阿勤|毛毡我多带两张",
                       "小宋|+1",
                       "书法社-老纪|对了 年会场地文化馆三楼每小时100元",
                       "书法社-老纪|那就定文化馆三楼")
    hall = [d for d in found if "文化馆三楼" in d.text]
    assert not hall or "小宋" not in hall[0].by

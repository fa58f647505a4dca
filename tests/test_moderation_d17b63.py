"""Round 63, d17b63 (issue 17 item 3): everyday chatter of the canteen, the market and the school's exams (食堂, 菜价,
菜市场, 月考, 期末考, 四六级; lexicons.yaml ``chatter``) is off-topic in a group about something else, while the groups
whose own business it is keep it: a class's parents (lexicons.yaml context ``school_parents``), a group that buys its
greens together (context ``groceries``) and freshers whose profile names the canteen and CET (the profile's own words).
Profiles and messages written for these tests, for groups not used before."""

from __future__ import annotations

import itertools
from pathlib import Path

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

ERHU = """name: 江北二胡学习群
positioning: 学二胡的朋友交流指法、弓法、换把和曲谱，每周六上午在文化馆合练
topics: [二胡, 指法, 弓法, 换把, 曲谱, 合练]
audience: 二胡初学者
type: 兴趣型
"""

VEG = """name: 翠湖苑社区团购买菜群
positioning: 翠湖苑住户每天接龙团购蔬菜水果，团长早上去批发点拿货，群里报当天价格和自提时间
topics: [买菜, 接龙, 蔬菜, 水果, 自提]
audience: 翠湖苑住户
type: 生活型
"""

FRESHERS = """name: 滨湖理工2026级新生群
positioning: 新生报到和入学的群，辅导员发通知，新生问选课、宿舍、食堂、校园卡和四六级
topics: [报到, 选课, 宿舍, 校园卡, 四六级, 军训]
audience: 2026级本科新生
type: 学习型
"""

PARENTS = """name: 实验小学五年级（2）班家长群
positioning: 班主任发通知和作业，家长交流孩子的学习和在校生活
topics: [通知, 作业, 考试, 成绩, 在校生活]
audience: 五年级（2）班家长
type: 家长型
"""

_T = itertools.count()


def _mod(tmp_path: Path, profile: str) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def _label(mod: Moderator, text: str) -> tuple[str, str]:
    v = mod.moderate({"id": text, "user": f"member_{next(_T)}", "text": text})
    return v.label, v.reason


def test_canteen_market_and_exam_chatter_is_off_topic_in_a_music_group(tmp_path: Path) -> None:
    mod = _mod(tmp_path, ERHU)
    for text, word in (("菜市场门口新开了一家卤味店，鸭脖子还可以", "菜市场"), ("孩子这次月考数学才七十分，愁死了", "月考"),
                       ("最近菜价涨得厉害，青菜都五块了", "菜价")):
        v = mod.moderate({"id": text, "user": f"member_{next(_T)}", "text": text})
        assert v.label == Label.OFF_TOPIC, (text, v.reason)
        assert word in v.checks["offtopic"]["chatter"], v.checks["offtopic"]


def test_a_group_buying_greens_talks_of_the_market_and_its_prices(tmp_path: Path) -> None:
    mod = _mod(tmp_path, VEG)
    for text in ("今天菜价：土豆三块、黄瓜四块，要的接龙", "菜市场今天排骨便宜，团长明天能不能带点"):
        label, reason = _label(mod, text)
        assert label == Label.OK, (text, reason)


def test_freshers_and_parents_talk_of_their_canteen_and_exams(tmp_path: Path) -> None:
    freshers, parents = _mod(tmp_path, FRESHERS), _mod(tmp_path, PARENTS)
    for text in ("四六级报名什么时候开始？大一上学期能考吗", "二食堂一楼的牛肉面推荐，新生可以去试试"):
        label, reason = _label(freshers, text)
        assert label == Label.OK, (text, reason)
    for text in ("下周二月考，范围是前三个单元，请家长督促复习", "孩子说学校食堂中午的菜不够吃，能跟学校反映一下吗"):
        label, reason = _label(parents, text)
        assert label == Label.OK, (text, reason)


def test_zoo_and_down_jacket_talk_is_off_topic_in_a_music_group(tmp_path: Path) -> None:
    # 动物园, 羽绒服 (lexicons.yaml chatter): a day at the zoo, a new down jacket — nothing of the erhu group's
    mod = _mod(tmp_path, ERHU)
    for text, word in (("动物园门票涨到六十了，离谱", "动物园"), ("新买的羽绒服掉毛好严重，准备退了", "羽绒服")):
        v = mod.moderate({"id": text, "user": f"member_{next(_T)}", "text": text})
        assert v.label == Label.OFF_TOPIC, (text, v.reason)
        assert word in v.checks["offtopic"]["chatter"], v.checks["offtopic"]


def test_a_snack_shop_and_the_electricity_bill_are_off_topic_in_a_music_group(tmp_path: Path) -> None:
    # 麻辣烫, 电费 (lexicons.yaml chatter); a residents' group keeps 电费 by its context (lexicons.yaml residents)
    mod = _mod(tmp_path, ERHU)
    for text, word in (("公司楼下那家麻辣烫关门了，中午都不知道吃啥", "麻辣烫"), ("这个月家里电费交了四百多，空调真费电", "电费")):
        v = mod.moderate({"id": text, "user": f"member_{next(_T)}", "text": text})
        assert v.label == Label.OFF_TOPIC, (text, v.reason)
        assert word in v.checks["offtopic"]["chatter"], v.checks["offtopic"]

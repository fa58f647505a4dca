"""Round 56, d17c56 (issue 17): a domain-free chatter theme (the stock market, lotteries, elections, house prices, a new
car: lexicons.yaml ``chatter_themes``) in a message nothing ties to the group is labelled off-topic for a person to look at,
however plain the chatter model finds the rest of it — never a public reminder on the theme word alone; the same word in
the group's own business, or in a group whose profile or kind of group talks about it, is no chatter. Messages written for
these tests, for groups not used before: a night-school Python class, a ceramics studio and a fund investors' group."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import Action, Label
from copilot.moderation.offtopic import theme_words
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

PYCLASS = """name: 福田夜校Python入门班
positioning: 夜校Python入门班的同学交流作业、环境安装、代码报错和学习进度，助教答疑
topics: [Python, 作业, 报错, 环境安装]
type: 学习型
"""
POTTERY = """name: 杭州周末陶艺工作室学员群
positioning: 周末来工作室拉坯、修坯、上釉的学员交流作品和烧窑安排
topics: [陶艺, 拉坯, 上釉, 烧窑]
type: 兴趣型
"""
FUNDS = """name: 基金定投交流群
positioning: 做基金定投的朋友交流指数基金、定投节奏和止盈
topics: [基金, 定投, 指数, 止盈]
type: 知识型
"""
_T = itertools.count()


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     audit=None)


@pytest.mark.parametrize(("profile", "text"), [
    (PYCLASS, "今年的股票怎么跌成这样，大家有被套吗"),
    (PYCLASS, "大家觉得这次选举谁会赢？"),
    (POTTERY, "大家觉得比亚迪那款新车值不值得买"),
    (POTTERY, "大家觉得明年房价还会跌吗，想在老家买一套"),
])
def test_a_chatter_theme_nothing_ties_to_the_group_is_off_topic_for_review(tmp_path: Path, profile: str, text: str) -> None:
    v = _mod(profile, tmp_path).moderate({"id": "t1", "user": "小吴", "text": text})
    # the chatter model reads these as plain talk (0.06–0.22): before round 56 they passed as 正常
    assert v.checks["offtopic"]["model_p"] < 0.35
    assert v.label == Label.OFF_TOPIC
    # the theme word never tells a member off in public on its own: a person decides
    assert v.action == Action.REVIEW


@pytest.mark.parametrize(("profile", "text"), [
    (PYCLASS, "用pandas读股票数据那个例子，read_csv报编码错误怎么办"),
    (FUNDS, "今天大盘又绿了，这周的定投要不要多投一份"),
    (POTTERY, "周六烧窑几点开始？我那只杯子上好釉了"),
])
def test_the_same_theme_in_the_groups_own_business_or_subject_is_not_off_topic(tmp_path: Path, profile: str, text: str) -> None:
    v = _mod(profile, tmp_path).moderate({"id": "t2", "user": "阿峰", "text": text})
    assert v.label == Label.OK
    assert v.action == Action.NONE


def test_the_themes_are_data_and_leave_out_the_weather_and_meals_out() -> None:
    words = theme_words()
    assert {"大盘", "港股", "大乐透", "选举", "房价"} <= words
    # a group's own outing asks about the weather, and eats together after its events: no theme
    assert not {"天气", "下雨", "降温", "火锅", "奶茶", "双十一"} & words

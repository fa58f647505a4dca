"""Round 79, d17b79 (issue 17): a fresh bot author (qa17r22) saw put-downs of a whole people or kind only sent to review
as "没有明确的辱骂用语": 「X省人…没一个好东西」, 「你们山里人就是愚昧」, 「…一群下贱东西」. patterns.yaml ``group_slur`` now
reads a kind summed up as having no good one (``none_good``: 没一个好东西, 都不是好东西, Cantonese 冇一個好嘢 / 都唔係好嘢),
a kind called a herd of low things (``herd`` + ``contempt`` + ``herd_things``: 一群下贱东西, 一班低賤嘢) and 粗鲁/粗野/愚昧
as traits; lexicons.yaml ``abuse.strong`` has 下贱东西/低贱东西 (东西 said of people). A member's own origin told kindly,
good things (都是好东西), a region's weather and a put-down quoted to report it stay as they were. Groups and messages
written for these tests (a Nanjing cycling club, a Foshan hometown group, a Kowloon parents' group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.labels import ACTED
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import group_slur, in_mandarin, unquoted

CYCLING = """
name: 南京骑行俱乐部
positioning: 南京及周边周末骑行，分享路线、车况和补给点
topics: [骑行, 路线, 补给, 车况, 约骑]
audience: 南京骑行爱好者
type: 兴趣型
"""

HOMETOWN = """
name: 在佛山的湖南老乡群
positioning: 在佛山工作的湖南老乡交流，聚餐、拼车回家、互相帮忙找房
topics: [老乡聚会, 家乡菜, 拼车, 租房, 过年]
audience: 在佛山的湖南人
type: 社区型
"""

PARENTS = """
name: 九龍城家長交流群
positioning: 九龍城區家長交流小學派位、興趣班同街坊活動
topics: [派位, 興趣班, 功課, 街坊活動]
audience: 九龍城區家長
type: 社区型
platform: whatsapp
"""


def _slur(text: str) -> str | None:
    """The group slur read in the writer's own words, as signals.detect reads them (Cantonese in its Mandarin form)."""
    m = group_slur().search(in_mandarin(unquoted(normalise(text).folded)))
    return m.group(0) if m else None


@pytest.mark.parametrize("text", [
    "江西人没一个好东西，上次骑行借的车灯到现在没还",  # none_good after a people
    "那些乡下来的都不是什么好东西，骑车专门抢道",  # an origin + 来的, then none_good
    "甘肃人没几个好东西，大家拼车小心",
    "北方佬都唔係好嘢，講嘢好大聲",  # Cantonese 都唔係好嘢 → 都不是好东西
    "新界人冇一個好嘢",  # Cantonese 冇一個好嘢 → 没一个好东西
    "你们乡下人就是愚昧，头盔都不戴",  # 愚昧 as a trait
    "湖北人都很粗鲁，开口就骂",  # 粗鲁 after 都很
    "那帮外地骑手，一群下贱东西，别跟他们约骑",  # a herd of low things after a comma
    "南部人一班低賤嘢",  # Traditional/Cantonese herd: 一班低贱东西
])
def test_contempt_for_a_whole_kind_is_read_as_a_group_slur(text: str) -> None:
    assert _slur(text), text


@pytest.mark.parametrize("text", [
    "我们湖南人过年都要吃腊肉，今年在佛山一起熏一批",  # own origin, kindly
    "东北人都热情，上次骑到沈阳被车友请吃了锅包肉",
    "这几个旧码表都是好东西，谁要骑行用拿去",  # good things
    "这批内胎都不是好东西，骑了两次就漏气",  # bad things: no people before it
    "佛山的夏天就是闷热，骑行多带两瓶水",  # a region's weather
    "他骂我们山里人愚昧，我已经截图发给群主",  # a put-down reported, no generaliser
    "那个车店老板说话很粗鲁，下次不去了",  # one person, not a kind
    "一群小朋友都是好样的，骑完二十公里",  # a herd of kids praised
    "這班街坊都好好人，幫手搬嘢",  # Cantonese: 都好好人 (very good people)
])
def test_kind_talk_that_is_not_contempt_is_no_group_slur(text: str) -> None:
    assert _slur(text) is None, (text, _slur(text))


def test_a_kind_called_a_herd_of_low_things_is_acted_on(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((CYCLING, "外地骑手一群下贱东西，把我们的集合点搞得一团糟"),
                        (PARENTS, "啲新嚟嘅一班低賤嘢，唔好俾佢哋入學校群")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.label, v.reason)
        assert v.action in ACTED, (text, v.action, v.reason)


def test_a_kind_summed_up_as_no_good_is_abuse_not_chatter(judge: Callable[[str, str], Verdict]) -> None:
    # before this round: 闲聊跑题 or 正常; now abuse, acted on when the abuse model agrees, else for a person to decide
    for group, text in ((HOMETOWN, "广东人都不是好东西，租房的时候大家小心"),
                        (CYCLING, "你们山里人就是愚昧，跟你们讲骑车要戴头盔讲不通")):
        v = judge(group, text)
        assert v.label == "abuse", (text, v.label, v.reason)


def test_kind_talk_and_good_things_stay_ok(judge: Callable[[str, str], Verdict]) -> None:
    for group, text in ((HOMETOWN, "我们湖南人过年都要吃腊肉，今年在佛山一起熏一批"),
                        (HOMETOWN, "老家寄来的剁辣椒和腊鱼都是好东西，周六聚餐带过去"),
                        (HOMETOWN, "那个中介说我们湖南人没一个好东西，太气人了，大家租房别找他"),
                        (CYCLING, "这几个旧码表都是好东西，谁要骑行用拿去"),
                        (CYCLING, "这批内胎都不是好东西，骑了两次就漏气，别买")):
        v = judge(group, text)
        assert v.label != "abuse", (text, v.label, v.reason)
        assert v.action not in ACTED, (text, v.action, v.reason)

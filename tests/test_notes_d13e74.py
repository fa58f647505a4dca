"""Round 74 (d13e74): an outline with slots its content sentences could not fill takes the fact-dense sentences the
content filters passed over (a plan put to the group as a question, a talk's "…怎么办：…" tip), never a member's own
errand, a Q&A line or chatter, and never more than the outline's size."""

from __future__ import annotations

from copilot.notes import offline
from copilot.notes.offline import choose_points, summarize_offline
from copilot.notes.parse import parse_text
from copilot.notes.reading import People
from copilot.notes.structure import analyze

PROPOSAL = """[2031-08-02 20:00] 群主-老韩: 下周末去水库钓鱼的事商量一下
[2031-08-02 20:01] 群主-老韩: 水库那边新修了停车场，车可以直接开到坝上
[2031-08-02 20:02] 阿斌: 我提个想法：每人出20元进奖池，钓得最重的前2名分奖池，大家觉得怎么样？
[2031-08-02 20:03] 老郑: 好啊
[2031-08-02 20:04] 小齐: 可以
[2031-08-02 20:05] 小齐: 要带凳子吗？
[2031-08-02 20:06] 群主-老韩: 坝上有石凳，自己带个小马扎更舒服
[2031-08-02 20:07] 老郑: 我周五下午要去4S店保养车，约的是3点半，晚上再来看群
[2031-08-02 20:08] 群主-老韩: 阿斌，你周三前把接龙发出来
[2031-08-02 20:09] 阿斌: 收到
"""

TALK = """[2031-04-11 19:30] 主持-阿宁: 各位晚上好，今晚请营养师周老师讲讲老人补钙，讲完可以提问
[2031-04-11 19:31] 营养师-周老师: 大家好，今天讲三件事：吃什么、怎么晒、要不要吃钙片
[2031-04-11 19:32] 营养师-周老师: 吃什么：每天300毫升牛奶打底，再加一块豆腐，绿叶菜至少300克
[2031-04-11 19:34] 营养师-周老师: 忘了晒太阳怎么办：第二天补上就行，上午10点前晒20分钟，露出手臂和小腿
[2031-04-11 19:36] 营养师-周老师: 钙片：饭后吃吸收好，一次不超过500毫克，分两次吃
[2031-04-11 19:38] 老吴: 喝骨头汤补钙吗？
[2031-04-11 19:39] 营养师-周老师: 骨头汤里钙很少，主要是油
[2031-04-11 19:40] 主持-阿宁: 谢谢周老师！下期讲控糖
"""


def _points(chat: str, name: str) -> list[str]:
    return [p.text for p in summarize_offline(parse_text(chat, name)).key_points]


def test_a_plan_put_as_a_question_fills_a_free_slot() -> None:
    points = _points(PROPOSAL, "fishing.txt")
    assert any("每人出20元进奖池" in p and "前2名分奖池" in p for p in points)


def test_a_talks_question_headed_tip_fills_a_free_slot() -> None:
    points = _points(TALK, "calcium.txt")
    assert any("上午10点前晒20分钟" in p for p in points)
    assert not any("骨头汤" in p for p in points)  # (the Q&A answer stays under 问答)


def test_a_members_own_errand_with_figures_is_no_point() -> None:
    points = _points(PROPOSAL, "fishing.txt")
    assert not any("4S店" in p or "3点半" in p for p in points)
    assert not any("小马扎" in p for p in points)  # (the answer of the Q&A pair)


def test_the_outline_never_grows_past_its_size() -> None:
    transcript = parse_text(PROPOSAL, "fishing.txt")
    st = analyze(transcript)
    sentences = offline.candidate_sentences(transcript, st, People.of(transcript.messages))
    outline = choose_points(transcript, st, sentences, offline.textrank(sentences))
    assert len(outline.points) <= outline.size
    assert len(outline.pool) < len(outline.points)  # (the slot was free: the plan was not in the pool)

"""Round 81 (d13b81): the learned answer picker (copilot.notes.answer_picker) — the shipped model loads and gives the
probabilities its JSON weights say; on realistic chats (a host answering late after side chatter, a question another
member answers, a question nobody answers, two questions answered in turn) the pairing with its vote behaves."""

import json
import math

from copilot.notes.answer_picker import PICKER_MODEL, candidate_features, candidates, picker, score_candidates
from copilot.notes.parse import parse_text
from copilot.notes.reading import People
from copilot.notes.structure import analyze

PICTURE_BOOK = [
    "[2026-12-05 20:00] 馆长-周姐: 各位家长，下周日下午两点亲子阅读会在社区图书馆三楼，这次读绘本《雪人》",
    "[2026-12-05 20:01] 朵朵妈: 几岁的孩子可以参加？",
    "[2026-12-05 20:02] 乐乐爸: 我家上次去过，挺好玩的",
    "[2026-12-05 20:02] 朵朵妈: 是吗 那太好了",
    "[2026-12-05 20:03] 小雨奶奶: 今天降温了大家注意保暖",
    "[2026-12-05 20:04] 馆长-周姐: 三到八岁都可以，小一点的要家长陪着",
    "[2026-12-05 20:05] 乐乐爸: 要提前报名吗？",
    "[2026-12-05 20:06] 朵朵妈: 应该要吧，上次好像是报名的",
    "[2026-12-05 20:07] 馆长-周姐: 要的，在接龙里写孩子名字，名额三十个",
    "[2026-12-05 20:12] 朵朵妈: 有没有人知道附近哪家面包店好吃？",
    "[2026-12-05 20:13] 馆长-周姐: @乐乐爸 你周三前把上次活动的照片发我一下",
    "[2026-12-05 20:13] 乐乐爸: 好的",
    "[2026-12-05 20:15] 馆长-周姐: 活动结束大概四点，大家别迟到",
]

BADMINTON = [
    "[2026-12-03 19:30] 队长-阿豪: 周六晚上的羽毛球友谊赛，场地订在体育中心5号馆",
    "[2026-12-03 19:31] 小凯: 球是自己带还是俱乐部出？",
    "[2026-12-03 19:31] 莉莉: 我们几点开始热身？",
    "[2026-12-03 19:32] 队长-阿豪: 球俱乐部出，用胜利的训练球",
    "[2026-12-03 19:33] 队长-阿豪: 六点半开始热身，七点开打",
    "[2026-12-03 19:40] 小凯: 有人顺路能带我一下吗",
    "[2026-12-03 19:41] 队长-阿豪: @大刘 你周五前把参赛名单交给体育中心",
    "[2026-12-03 19:41] 大刘: 好的",
]

STORAGE_TALK = [
    "[2026-12-06 20:00] 主持-小雯: 今晚请王老师分享《家庭收纳入门》，大家有问题随时提",
    "[2026-12-06 20:01] 王老师: 大家好，收纳第一步是断舍离，先把一年没用过的东西清出去",
    "[2026-12-06 20:03] 王老师: 第二步是分区，每个区域只放一类东西",
    "[2026-12-06 20:04] 阿梅: 小户型衣柜不够怎么办？",
    "[2026-12-06 20:05] 小芳: 同问",
    "[2026-12-06 20:06] 老陈: 王老师讲得真好",
    "[2026-12-06 20:06] 小芳: 今天群里好热闹",
    "[2026-12-06 20:08] 王老师: 衣柜不够可以用床底收纳箱，换季的衣服真空压缩",
    "[2026-12-06 20:10] 老陈: 收纳盒在哪里买比较好？",
    "[2026-12-06 20:11] 小芳: 我一般在宜家买，便宜耐用",
    "[2026-12-06 20:12] 王老师: 第三步是定期复盘，每个月花半小时整理一次",
    "[2026-12-06 20:18] 小芳: 厨房的调料瓶怎么摆？",
    "[2026-12-06 20:20] 主持-小雯: 时间差不多了，感谢王老师的分享！",
]


def _chat(lines: list[str]):
    return parse_text("\n".join(lines) + "\n", suffix=".txt").messages


def _pairs(lines: list[str]) -> list[tuple[str, str, str, str]]:
    st = analyze(parse_text("\n".join(lines) + "\n", suffix=".txt"))
    return [(p.asker or "", p.question, p.answerer or "", p.answer) for p in st.qa]


def _paired(pairs, asker: str, asked: str, answerer: str, answered: str) -> bool:
    return any(a == asker and asked in q and b == answerer and answered in ans for a, q, b, ans in pairs)


def test_the_shipped_model_loads_and_gives_its_weights_probability():
    data = json.loads(PICKER_MODEL.read_text(encoding="utf-8"))
    assert data["meta"]["source"].startswith("evals/notes/dev")
    msgs = _chat(PICTURE_BOOK)
    people = People.of(msgs)
    feats = candidate_features(msgs, 1, 5, people, "馆长-周姐", ["馆长-周姐"], frozenset(), msgs[5].id)
    assert "rule_pick" in feats and "by_host" in feats
    z = data["bias"] + sum(data["weights"].get(f, 0.0) for f in feats)
    assert math.isclose(picker().probability(feats), 1 / (1 + math.exp(-z)), rel_tol=1e-9)


def test_candidates_skip_the_askers_own_lines():
    msgs = _chat(PICTURE_BOOK)
    # (朵朵妈's own "是吗 那太好了" is never a candidate answer to her question)
    assert 3 not in candidates(msgs, 1)
    assert {2, 4, 5} <= set(candidates(msgs, 1))


def test_the_hosts_late_answer_scores_above_the_side_chatter_before_it():
    msgs = _chat(PICTURE_BOOK)
    scores = dict(score_candidates(msgs, 1, People.of(msgs), "馆长-周姐", ["馆长-周姐"]))
    assert scores[5] > scores[2] and scores[5] > scores[4]  # 三到八岁 over the aside and the weather


def test_a_host_answering_late_after_side_chatter_is_paired():
    pairs = _pairs(PICTURE_BOOK)
    assert _paired(pairs, "朵朵妈", "几岁", "馆长-周姐", "三到八岁")
    assert _paired(pairs, "乐乐爸", "报名", "馆长-周姐", "接龙")  # the host's answer, not the member's guess before it


def test_a_question_another_member_answers_is_theirs():
    assert _paired(_pairs(STORAGE_TALK), "老陈", "收纳盒", "小芳", "宜家")


def test_a_question_nobody_answers_is_no_pair():
    # (the host's next line hands out work: it answers neither 朵朵妈's bakery question nor 小凯's lift)
    for lines, asked in ((PICTURE_BOOK, "面包店"), (BADMINTON, "顺路")):
        assert not any(asked in q for _, q, _, _ in _pairs(lines))


def test_two_questions_answered_in_turn_each_take_their_own_answer():
    pairs = _pairs(BADMINTON)
    assert _paired(pairs, "小凯", "球", "队长-阿豪", "胜利")
    assert _paired(pairs, "莉莉", "热身", "队长-阿豪", "六点半")
    assert not _paired(pairs, "莉莉", "热身", "队长-阿豪", "胜利")


def _favouring(text: str):
    """A stand-in for the picker that scores the candidate holding ``text`` 0.9 and every other one 0.05 (the vote's
    mechanics, apart from the shipped weights)."""

    def score(messages, qi, *_args, **_kw):
        return [(ci, 0.9 if text in messages[ci].text else 0.05) for ci in candidates(messages, qi)]

    return score


def test_the_vote_moves_a_reply_taken_by_coming_next_to_the_line_the_model_prefers(monkeypatch):
    from copilot.notes import pairing

    monkeypatch.setattr(pairing, "score_candidates", _favouring("定期复盘"))
    pairs = _pairs(STORAGE_TALK)
    assert _paired(pairs, "阿梅", "衣柜", "王老师", "定期复盘")  # (moved from 床底收纳箱, the speaker's next line)
    # (the line another question now holds is not given a second time: 老陈's keeps 小芳's reply)
    assert _paired(pairs, "老陈", "收纳盒", "小芳", "宜家")


def test_the_vote_never_hands_the_hosts_reply_to_a_members_aside(monkeypatch):
    from copilot.notes import pairing

    monkeypatch.setattr(pairing, "score_candidates", _favouring("挺好玩"))
    pairs = _pairs(PICTURE_BOOK)
    assert _paired(pairs, "朵朵妈", "几岁", "馆长-周姐", "三到八岁")
    assert not any("挺好玩" in ans for *_, ans in pairs)


def test_the_vote_never_takes_a_line_work_comes_from(monkeypatch):
    from copilot.notes import pairing

    monkeypatch.setattr(pairing, "score_candidates", _favouring("参赛名单"))
    pairs = _pairs(BADMINTON)
    assert not any("参赛名单" in ans for *_, ans in pairs)
    assert _paired(pairs, "莉莉", "热身", "队长-阿豪", "六点半")

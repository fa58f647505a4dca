"""Round 64 (d13c64): decisions that answer a question.

- a line that settles something may be the answer to the question right before it: the Q&A pairing does not skip a
  decision line ("课放在哪天？" — the organiser's "就定周六");
- the one running the matter (who settled something before in the chat) picking one side of a choice another
  member asked ("周末的课放上午还是下午？" — "上午，9点到10点半…") settles it: a decision by them, with whoever agrees
  after it, and the pair stays under Q&A; a member's pick with nobody agreeing stays an answer only.

Every chat below was written for these tests (a flower-arranging club, a yoga studio, a book club); none is a dev or
eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

START = datetime(2031, 5, 10, 20, 0)


def _pairs(notes) -> list[tuple[str, str, str, str]]:  # noqa: ANN001 - Notes
    return [(q.asker, q.question, q.answerer or "", q.answer) for q in notes.qa]


def test_a_settling_line_answers_the_question_before_it() -> None:
    notes = chat_notes("花艺社-小周|下周的插花课安排一下",
                       "阿梨|课放在哪天？",
                       "花艺社-小周|就定周六",
                       "阿梨|好的",
                       start=START)
    assert any(a == "阿梨" and "哪天" in q and b == "花艺社-小周" and "周六" in ans for a, q, b, ans in _pairs(notes))


def test_the_organiser_picking_a_side_of_a_members_choice_decides_it() -> None:
    notes = chat_notes("瑜伽馆-Lily|下个月的课表跟大家商量一下",
                       "阿琳|周三晚上的课人太少，要不取消吧",
                       "小敏|同意",
                       "瑜伽馆-Lily|好，那就定了，周三晚课取消",
                       "小敏|周末的课放上午还是下午？",
                       "瑜伽馆-Lily|上午，9点到10点半，下午场地被租出去了",
                       "阿琳|好的",
                       "小敏|收到，谢谢",
                       start=START)
    decided = [d for d in notes.decisions if "上午" in d.text]
    assert decided and decided[0].decider == "瑜伽馆-Lily" and "阿琳" in decided[0].by
    assert any(a == "小敏" and "上午还是下午" in q and b == "瑜伽馆-Lily" and "9点" in ans
               for a, q, b, ans in _pairs(notes))


def test_a_choice_settled_after_a_vote_then_a_second_choice_by_the_same_organiser() -> None:
    notes = chat_notes("读书会-老温|下个月读哪本，候选《围城》和《边城》，大家投票",
                       "阿May|围城",
                       "小船|围城+1",
                       "豆子|我选边城",
                       "读书会-老温|投票结果：围城2票，边城1票，那就定《围城》",
                       "小船|见面是周六还是周日？",
                       "读书会-老温|周日，下午三点，还在社区图书馆",
                       start=START)
    texts = [d.text for d in notes.decisions]
    assert any("围城" in t for t in texts)
    assert any(t.startswith("周日") and "图书馆" in t for t in texts)


def test_a_pick_by_whoever_settled_nothing_yet_and_nobody_agrees_to_is_an_answer_only() -> None:
    # the one who opened the chat telling how a client's order is made is no choice of the group
    notes = chat_notes("印刷店-芳姐|这周的单子分一下，画册两百本、海报五十张",
                       "小柯|画册是胶装还是骑马钉",
                       "印刷店-芳姐|胶装，封面要覆膜",
                       "印刷店-芳姐|小柯你明天中午前出一本样书",
                       start=START)
    assert not [d for d in notes.decisions if "胶装" in d.text]


def test_a_members_pick_nobody_agrees_to_is_an_answer_only() -> None:
    notes = chat_notes("瑜伽馆-Lily|下个月的课表跟大家商量一下",
                       "小敏|周末的课你们想放上午还是下午？",
                       "阿琳|上午，下午要接孩子",
                       "小敏|好的",
                       start=START)
    assert not [d for d in notes.decisions if "上午" in d.text]
    assert any(b == "阿琳" and "上午" in ans for _, _, b, ans in _pairs(notes))

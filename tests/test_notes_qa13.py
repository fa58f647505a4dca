"""QA findings on issue 13 (fresh-context QA), each on chats written for these tests: side chatter
kept out of the summary, key points and Q&A; answers that stop where the answerer turns to something
else; a call for volunteers is a to-do, not a question; oversized inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from chat_lines import owned_by

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import NotesParseError, render_markdown, summarize_text
from copilot.notes.parse import MAX_MESSAGES, parse_file, parse_text
from copilot.notes.reading import relevant
from copilot.notes.summarize import STAGES, summarize_file


@pytest.fixture()
def offline(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def _notes(chat: str, offline: Settings, name: str = "chat.txt"):  # type: ignore[no-untyped-def]
    return summarize_text(chat, name, offline, get_engine(offline)).notes


# a class's autumn outing with a side exchange about a milk-tea shop in the middle
OUTING = """\
[2025-09-02 19:00:00] 班长小林: 各位同学，下周六的秋游定在植物园，门票每人25元，周四前交给我
[2025-09-02 19:00:30] 小美: 植物园那边停车方便吗
[2025-09-02 19:01:10] 阿杰: 我家楼下新开了一家奶茶店，今天买一送一
[2025-09-02 19:01:40] 小美: 真的吗，在哪
[2025-09-02 19:02:00] 阿杰: 就在我家那边，挺好喝的
[2025-09-02 19:02:30] 老周: 植物园停车场很大，周末10元一天
[2025-09-02 19:03:00] 小美: 植物园几点集合？
[2025-09-02 19:04:00] 班长小林: @小美 早上8点半，学校东门集合
[2025-09-02 19:04:30] 班长小林: 另外提醒：周五下午英语测验，记得复习第三单元
[2025-09-02 19:05:00] 班长小林: 秋游需要两位同学帮忙拿横幅，谁可以？
[2025-09-02 19:05:30] 阿杰: 我可以
[2025-09-02 19:05:40] 小美: 我也来
[2025-09-02 19:06:00] 班长小林: 好，横幅就是阿杰和小美，周六早上8点到东门找我
[2025-09-02 19:07:00] 老周: 植物园里面午饭贵吗，要不要自己带
[2025-09-02 19:07:40] 班长小林: 建议自带午饭，园里一份盒饭要35元
"""


def test_side_chatter_stays_out_of_summary_key_points_and_qa(offline: Settings) -> None:
    n = _notes(OUTING, offline)
    md = render_markdown(n, appendix=False)
    assert "奶茶" not in md and "挺好喝" not in md
    # "那边" in common does not make the milk-tea remark the answer about parking
    answers = {q.question: (q.answerer, q.answer) for q in n.qa}
    assert answers["植物园那边停车方便吗"] == ("老周", "植物园停车场很大，周末10元一天")


def test_an_answer_stops_where_the_answerer_turns_to_a_new_notice(offline: Settings) -> None:
    n = _notes(OUTING, offline)
    meet = next(q for q in n.qa if "集合" in q.question)
    assert "8点半" in meet.answer and "英语测验" not in meet.answer
    assert any("英语测验" in a.text for a in n.announcements)


def test_a_call_for_volunteers_is_one_to_do_for_everyone_who_took_it(offline: Settings) -> None:
    n = _notes(OUTING, offline)
    assert not any("谁可以" in q.question for q in n.qa)
    banner = [a for a in n.actions if "横幅" in a.task]
    assert len(banner) == 1
    assert banner[0].owner == "阿杰和小美" and banner[0].deadline == "2025-09-06 08:00"


@pytest.mark.parametrize(("question", "reply"), [("植物园那边停车方便吗", "就在我家那边，挺好喝的"),
                                                 ("你家孩子几点睡", "我家那个十点才睡")])
def test_a_pronoun_in_common_is_no_answer(question: str, reply: str) -> None:
    assert not relevant(question, reply) or "几点" in question  # a time asked and a time given still is


def test_a_reply_that_comes_right_after_a_question_answers_it_when_on_the_subject(offline: Settings) -> None:
    chat = """\
[2025-10-08 20:00] 领队阿海: 周日徒步走九溪线，全程12公里，早上8点在九溪公交站集合
[2025-10-08 20:01] 小雯: 九溪线沿路有厕所吗
[2025-10-08 20:02] 领队阿海: 九溪茶室和理安寺各有一个，其他地方没有
[2025-10-08 20:03] 阿斌: 九溪线新手能走完吗
[2025-10-08 20:04] 老胡: 能，九溪线坡很缓，慢慢走四个小时
[2025-10-08 20:05] 小雯: 我家猫今天又把花盆打翻了
[2025-10-08 20:06] 阿斌: 哈哈猫都这样
[2025-10-08 20:07] 领队阿海: 九溪线周日要是下大雨就取消，周六晚8点我在群里通知
[2025-10-08 20:08] 阿斌: 要带登山杖吗
[2025-10-08 20:09] 领队阿海: @阿斌 不用，都是平路和石阶
[2025-10-08 20:10] 老胡: 终点打车方便吗
[2025-10-08 20:11] 小雯: 终点在龙井村，打车要等一会
[2025-10-08 20:12] 领队阿海: 报名的在群里接龙，这次九溪线限20人
[2025-10-08 20:13] 阿斌: 已接龙
[2025-10-08 20:14] 老胡: 已接龙，第一次走九溪
"""
    n = _notes(chat, offline)
    got = {(q.asker, q.answerer) for q in n.qa}
    assert {("小雯", "领队阿海"), ("阿斌", "老胡"), ("阿斌", "领队阿海"), ("老胡", "小雯")} <= got
    assert "花盆" not in render_markdown(n, appendix=False)


# -- oversized input: refused with a way out, never cut silently --------------------------------------
def test_an_export_with_too_many_messages_is_refused_with_a_way_out() -> None:
    lines = [f"[2025-03-01 {8 + i // 3600 % 12:02d}:{i // 60 % 60:02d}:{i % 60:02d}] 成员{i % 57}: 第{i}题的答案我对一下，是不是选C"
             for i in range(MAX_MESSAGES + 1)]
    with pytest.raises(NotesParseError, match=r"消息太多（20,001 条，上限 20,000 条）.*notes-batch"):
        parse_text("\n".join(lines), "期末复习群.txt")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"[2025-03-01 08:00:00] a: b\n" * 4000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before the size check"))
    monkeypatch.setattr("copilot.notes.parse.MAX_BYTES", 50_000)
    with pytest.raises(NotesParseError, match="文件过大"):
        parse_file(path)


def test_the_steps_are_reported_in_order_for_the_progress_bar(tmp_path: Path, offline: Settings) -> None:
    path = tmp_path / "outing.txt"
    path.write_text(OUTING, encoding="utf-8")
    seen: list[str] = []
    summarize_file(path, offline, get_engine(offline), stage=seen.append)
    assert seen == list(STAGES)


# -- key points keep their fact; titles; quote-replies; previews ----------------------------------------
PICKLES = """\
[2025-11-02 20:00:00] 群主阿芬: 今晚请到做了十年腌菜的钱老师，给大家分享「家庭泡菜不翻车的三个关键」，先听讲，最后提问
[2025-11-02 20:01:00] 钱老师: 大家好，我是老钱。直接说三个关键。
[2025-11-02 20:02:00] 钱老师: 第一个关键是盐水浓度。盐太少容易长白膜，一般按水重的5%放盐，夏天可以加到6%。
[2025-11-02 20:03:30] 钱老师: 第二个关键是坛沿水。坛沿水要保持满，每隔三天换一次，不然会倒吸进坛子。
[2025-11-02 20:05:00] 钱老师: 第三个关键是不要沾油。夹菜一定用专用的干筷子，一滴油就可能让整坛长花。
[2025-11-02 20:06:00] 小鱼: 老师，泡菜坛子买多大的合适
[2025-11-02 20:06:40] 阿强: 今天楼下菜场的萝卜两块钱一斤
[2025-11-02 20:07:30] 钱老师: 「小鱼：老师，泡菜坛子买多大的合适」
- - - - - - - - - - - - - - -
三口之家买5斤装的就够，太大了吃不完容易坏。
[2025-11-02 20:08:00] 小鱼: 好的谢谢老师
[2025-11-02 20:09:00] 群主阿芬: 谢谢钱老师！下周四晚上8点我们请周师傅讲腊肠怎么灌，想听的接龙
[2025-11-02 20:09:30] 阿强: [玫瑰]
"""


def test_a_heading_keeps_the_fact_that_follows_it(offline: Settings) -> None:
    n = _notes(PICKLES, offline)
    points = [p.text for p in n.key_points]
    salt = next(p for p in points if "盐水浓度" in p)
    assert "5%" in salt  # not "第一个关键是盐水浓度。" alone
    assert not any(p.rstrip("。") in {"第二个关键是坛沿水", "第三个关键是不要沾油"} for p in points)


def test_a_talk_title_in_corner_brackets_is_the_title(offline: Settings) -> None:
    n = _notes(PICKLES, offline)
    assert n.title == "家庭泡菜不翻车的三个关键｜钱老师分享整理"


def test_a_quote_reply_answers_the_quoted_person_without_its_markup(offline: Settings) -> None:
    n = _notes(PICKLES, offline)
    jar = next(q for q in n.qa if "坛子" in q.question)
    assert jar.asker == "小鱼" and jar.answerer == "钱老师"
    assert jar.answer == "三口之家买5斤装的就够，太大了吃不完容易坏。"
    assert "- - -" not in render_markdown(n) and "萝卜" not in render_markdown(n, appendix=False)


def test_the_next_session_named_by_day_and_speaker_is_a_preview(offline: Settings) -> None:
    n = _notes(PICKLES, offline)
    previews = [a for a in n.announcements if a.kind == "下期预告"]
    assert len(previews) == 1 and "周师傅" in previews[0].text and "腊肠" in previews[0].text


def test_a_discussion_without_a_named_topic_is_titled_by_what_it_settled(offline: Settings) -> None:
    chat = """\
[2025-12-01 19:00] 阿梅: 年会的场地大家有什么想法
[2025-12-01 19:02] 老许: 我觉得酒店宴会厅体面，就是贵
[2025-12-01 19:03] 小陶: 农家乐便宜，还能钓鱼烧烤
[2025-12-01 19:05] 老许: 农家乐太远了，开车要两个小时
[2025-12-01 19:06] 阿梅: 那就定了，年会放在公司附近的酒店宴会厅，预算每人200元
[2025-12-01 19:07] 小陶: 行
"""
    n = _notes(chat, offline)
    assert "酒店宴会厅" in n.title and "农家乐" not in n.title and "、" not in n.title, n.title
    assert "年会" in n.title


# -- a group-buy: price and payment questions are the content; owners; no made-up deadlines --------------
GROUP_BUY = """\
[2025-09-05 20:00:00] 团长阿兰: 中秋团购开始啦，蛋黄酥一盒68元，6个装，满3盒包邮
[2025-09-05 20:01:00] 小周: 请问阿兰，蛋黄酥是现做的吗？保质期多久？
[2025-09-05 20:02:00] 团长阿兰: 当天现做，保质期7天，冷藏能放10天
[2025-09-05 20:03:00] 莉莉: 那我订2盒，怎么付款？微信还是支付宝？
[2025-09-05 20:03:30] 团长阿兰: 微信转我就行，备注楼号
[2025-09-05 20:04:00] 团长阿兰: 我的电话13912345678，自提点在6号楼大堂
[2025-09-05 20:05:00] 团长阿兰: 老陈负责6号楼自提点，莉莉负责统计数量，9月10日前报给我
[2025-09-05 20:05:30] 莉莉: 好的，9月10日前我把数量报给你
[2025-09-05 20:06:00] 老陈: 周末我都在家，随时可以来拿
[2025-09-05 20:07:00] 团长阿兰: 小胖下周一前把上个月的团购账目整理出来
[2025-09-05 20:07:30] 小胖: 收到
"""


def test_a_group_buy_keeps_its_questions_owners_and_real_deadlines(offline: Settings) -> None:
    n = _notes(GROUP_BUY, offline)
    assert not [o for o in n.omitted if o.id in (2, 4, 6)]  # price/payment questions and the organiser's contact
    pay = next(q for q in n.qa if "付款" in q.question)
    assert pay.answerer == "团长阿兰" and "微信转我" in pay.answer
    assert "老陈负责" not in pay.answer  # the hand-out of work that follows is a to-do, not the answer
    owners = {a.owner: a for a in n.actions}
    assert owners["老陈"].deadline is None  # 6号楼 is a building, not the 6th
    assert owners["莉莉"].deadline == "2025-09-10" and owners["小胖"].deadline == "2025-09-08"
    assert len(owned_by(n.actions, "莉莉")) == 1  # the assignment and her "好的" are one
    assert not any("周末" in (a.deadline_text or "") for a in n.actions)


# -- non-decisions, non-previews, closing lines ---------------------------------------------------------
BOOK_CLUB_TALK = """\
[2025-10-12 20:00:00] 群主小唐: 今晚请到运营了5年读书会的孟老师，分享《读书会怎么留住人》，大家先听，最后提问
[2025-10-12 20:01:00] 孟老师: 我讲三点。第一点是门槛。我们读书会最早是免费的，后来决定每月收29元，到场率从40%涨到了75%。
[2025-10-12 20:03:00] 孟老师: 第二点是角色。每期安排一个领读人，领读人要提前一周发导读，大家读完在群里打卡。
[2025-10-12 20:05:00] 孟老师: 第三点是激励。连续打卡满30天的，送一本下期的书。
[2025-10-12 20:06:00] 孟老师: 我就讲到这里，大家可以提问。
[2025-10-12 20:07:00] 阿青: 激励机制那一条我印象最深
[2025-10-12 20:07:30] 大伟: 孟老师，收费以后老成员会不会流失？
[2025-10-12 20:08:30] 孟老师: @大伟 流失了大概一成，但留下的人更投入，我建议先对新成员收费
[2025-10-12 20:09:00] 群主小唐: 谢谢孟老师！下周日晚8点请林老师讲《共读书单怎么选》，想听的接龙
"""


def test_a_speakers_story_is_not_a_decision_and_a_prize_is_not_a_preview(offline: Settings) -> None:
    n = _notes(BOOK_CLUB_TALK, offline)
    assert n.decisions == []
    assert not any("印象最深" in a.task for a in n.actions)
    previews = [a for a in n.announcements if a.kind == "下期预告"]
    assert len(previews) == 1 and "共读书单" in previews[0].text
    points = " ".join(p.text for p in n.key_points)
    assert "讲到这里" not in points and "30天" in points and "75%" in points

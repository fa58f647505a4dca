"""Issue 13's failure classes, each on chats written for these tests (not taken from the eval sets):
questions without "？", commitments and relative deadlines, numbers kept whole, platform noise,
misattribution and duplicate previews, the LLM path's hints and checks, and bad inputs."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import NotesParseError, render_markdown, summarize_text
from copilot.notes.dates import find_deadline
from copilot.notes.faithfulness import find_ungrounded
from copilot.notes.model import ActionItem, KeyPoint, Message
from copilot.notes.offline import _pieces, safe_cut
from copilot.notes.parse import parse_bytes, parse_text
from copilot.notes.reading import is_question
from copilot.notes.structure import analyze
from copilot.notes.todos import find_actions


@pytest.fixture()
def offline(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def _notes(chat: str, offline: Settings, name: str = "chat.txt"):  # type: ignore[no-untyped-def]
    return summarize_text(chat, name, offline, get_engine(offline))


# -- questions without a question mark ---------------------------------------------------------------
BADMINTON = """\
[2025-09-03 19:00] 羽毛球群-阿凯: 这周六的活动说一下，下午两点开始，打到五点
[2025-09-03 19:02] 小葵: 周六的场地还是体育馆三号馆吗
[2025-09-03 19:03] 老孟: 我膝盖刚好，能打双打吗
[2025-09-03 19:05] 小葵: 今天的晚霞好漂亮
[2025-09-03 19:06] 阿杜: 孩子不肯练步法怎么办，一练就哭
[2025-09-03 19:08] 羽毛球群-阿凯: @小葵 换了，这次在二号馆，三号馆在翻新地板
[2025-09-03 19:09] 羽毛球群-阿凯: @老孟 可以，先打混双慢一点，别跳杀
[2025-09-03 19:12] 教练阿宁: @阿杜 把步法编成游戏，每次只练十分钟，练完给贴纸
"""


@pytest.mark.parametrize("text", ["周六的场地还是体育馆三号馆吗", "我膝盖刚好，能打双打吗", "孩子不肯练步法怎么办，一练就哭",
                                  "球拍要不要自己带", "要唔要带水", "这次报名费多少"])
def test_questions_without_a_question_mark(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize("text", ["我们今天打得很开心", "学长的球拍也好看吗哈哈", "那就定在二号馆"])
def test_statements_and_jokes_are_not_questions(text: str) -> None:
    assert not is_question(text)


def test_at_replies_answer_their_askers_questions_in_any_order(offline: Settings) -> None:
    n = _notes(BADMINTON, offline).notes
    pairs = {(q.asker, q.answerer): q for q in n.qa}
    assert set(pairs) == {("小葵", "羽毛球群-阿凯"), ("老孟", "羽毛球群-阿凯"), ("阿杜", "教练阿宁")}
    assert "二号馆" in pairs[("小葵", "羽毛球群-阿凯")].answer
    assert "混双" in pairs[("老孟", "羽毛球群-阿凯")].answer and "二号馆" not in pairs[("老孟", "羽毛球群-阿凯")].answer
    assert "游戏" in pairs[("阿杜", "教练阿宁")].answer
    # a question is never filed as the answer to another one
    assert all("怎么办" not in q.answer and "吗" not in q.answer for q in n.qa)


# -- commitments, assignments and deadlines resolved against the message time -------------------------
def _msgs(*lines: tuple[str, str], when: datetime | None = datetime(2025, 9, 3, 19, 0)) -> list[Message]:
    return [Message(id=i, time=when.replace(minute=i) if when else None, speaker=who, text=text)
            for i, (who, text) in enumerate(lines, 1)]


def test_commitments_and_assignments_get_owners_and_dates() -> None:
    actions, _, _ = find_actions(_msgs(  # 2025-09-03 is a Wednesday
        ("老孟", "周六我能来"),
        ("阿凯", "球拍我去借吧，后天中午前放到前台"),
        ("阿凯", "名单我明晚前发群里"),
        ("阿凯", "想来的今晚九点前在群里报个名"),
        ("阿凯", "分工一下：羽毛球小葵你来买，饮料老孟带"),
        ("阿凯", "@阿杜 下周二之前把场地费收齐"),
    ))
    got = {(a.owner, a.deadline) for a in actions}
    assert ("阿凯", "2025-09-05 12:00") in got and ("阿凯", "2025-09-04") in got
    assert ("大家", "2025-09-03 21:00") in got
    assert {"小葵", "老孟", "阿杜"} <= {a.owner for a in actions}  # 小葵/阿杜 never spoke: named as written
    assert ("阿杜", "2025-09-09") in got
    assert all(a.deadline_text in a.task for a in actions if a.deadline_text)  # the chat's words are kept


def test_requests_replies_and_reminders() -> None:
    actions, _, _ = find_actions(_msgs(  # 2025-09-03, a Wednesday
        ("老师", "@李爸爸 运动会的横幅麻烦您联系一下打印店，周四前要"),
        ("李爸爸", "好的，我明天就去联系"),                   # a short reply to the request: the same to-do
        ("阿琳", "我问问我们公司的会议室，周五给你答复"),
        ("群主", "所有人本周日24点前完成问卷"),
        ("群主", "记得明天带身份证，进场要登记"),
    ))
    got = [(a.owner, a.deadline) for a in actions]
    assert got == [("李爸爸", "2025-09-04"), ("阿琳", "2025-09-05"), ("大家", "2025-09-07 23:59"), ("大家", "2025-09-04")]
    assert actions[0].sources == [1, 2] and "打印店" in actions[0].task


def test_things_that_are_not_to_dos() -> None:
    actions, _, _ = find_actions(_msgs(
        ("小葵", "我明天要上班，去不了"),
        ("老孟", "上次是我负责订场地的，结果订错了"),
        ("阿杜", "我报了周六的课，是不是报早了"),
        ("小葵", "如果我来负责的话，我会选二号馆"),
    ))
    assert actions == []


@pytest.mark.parametrize("words, when, date", [
    ("周一前", datetime(2025, 9, 6, 20), "2025-09-08"),             # said on a Saturday: the coming Monday
    ("下周三前", datetime(2025, 9, 4, 9), "2025-09-10"),
    ("月底前", datetime(2025, 2, 10, 9), "2025-02-28"),
    ("聽日", datetime(2025, 9, 3, 9), "2025-09-04"),                # Cantonese tomorrow
    ("今晚11点前", datetime(2025, 9, 3, 20), "2025-09-03 23:00"),
    ("两天内", datetime(2025, 9, 3, 9), "2025-09-05"),
    ("10月8日（周三）前", datetime(2025, 9, 30, 9), "2025-10-08"),
])
def test_relative_deadlines_resolve(words: str, when: datetime, date: str) -> None:
    found = find_deadline(f"报名表{words}交给我", when)
    assert found is not None and found.iso == date and found.text


def test_no_date_in_the_export_keeps_the_words_only() -> None:
    actions, _, _ = find_actions(_msgs(("阿凯", "路书我今晚十点前发群里"), when=None))
    assert [(a.owner, a.deadline, a.deadline_text) for a in actions] == [("阿凯", None, "今晚十点前")]


# -- numbers kept whole -----------------------------------------------------------------------------
def test_long_sentences_are_never_cut_inside_a_fact() -> None:
    facts = ["20:30", "HK$1,280", "从60%降到35%", "https://example.org/a?b=12", "400-820-1234", "iPhone15"]
    wall = "".join(f"这段话很长没有标点所以只能硬切开来看看{f}之后还有很多内容要继续往下说" for f in facts * 3)
    pieces = _pieces(wall)
    assert "".join(pieces) == wall and len(pieces) > 3
    for f in facts:
        assert sum(f in p for p in pieces) == 3, f  # each occurrence intact in one piece
    text = "周四20:30截止报名"
    assert all(text[safe_cut(text, k) - 1: safe_cut(text, k) + 1] not in ("20", "0:", ":3", "30")
               for k in range(1, len(text)))


def test_faithfulness_keeps_currencies_percentages_and_hotlines() -> None:
    chat = ("[2025-09-03 19:00] 阿凯: 场地费从每小时HK$120涨到HK$150，涨了25%\n"
            "[2025-09-03 19:01] 阿凯: 有问题打热线400-820-1234，周四20:30截止\n")
    t = parse_text(chat, "c.txt")
    n = _notes(chat, Settings(llm_provider="offline"))
    n.notes.key_points = [KeyPoint(text="场地费从每小时HK$120涨到HK$150，涨了25%", sources=[1]),
                          KeyPoint(text="有问题打热线400-820-1234，周四20:30截止", sources=[2])]
    assert find_ungrounded(n.notes, t) == []
    n.notes.key_points.append(KeyPoint(text="场地费涨到HK$180", sources=[1]))
    assert "180" in find_ungrounded(n.notes, t)


# -- platform noise ---------------------------------------------------------------------------------
NOISY = """\
2025-09-03 07:01:00 王阿姨(1001)
早上好🌹🌹🌹

2025-09-03 07:02:00 老李(1002)
[玫瑰][玫瑰]

2025-09-03 19:00:00 群主阿凯(1000)
周六下午两点二号馆打球，报名费每人30元

2025-09-03 19:01:00 老李(1002)
[QQ红包]我发了一个“拼手气红包”，请使用新版手机QQ查收红包。

2025-09-03 19:01:30 王阿姨(1001)
谢谢老板[抱拳]

2025-09-03 19:02:00 系统消息(10000)
老李撤回了一條消息

2025-09-03 19:02:30 系统消息(10000)
"王阿姨"拍了拍"群主阿凯"

2025-09-03 19:03:00 小葵(1003)
[圖片]

2025-09-03 19:04:00 老李(1002)
震惊！这种水果千万不能空腹吃 赶紧转发给家人

2025-09-03 19:05:00 群主阿凯(1000)
报名的今晚十点前在群里接龙，过时不候

2025-09-03 21:30:00 小葵(1003)
晚安各位，明天还要早起
"""


def test_platform_noise_never_reaches_the_notes(offline: Settings) -> None:
    r = _notes(NOISY, offline, "noisy.txt")
    reasons = {d.text.strip(): d.reason for d in r.dropped}
    assert reasons["早上好🌹🌹🌹"] == "问候/告别/客套" and reasons["谢谢老板[抱拳]"] == "问候/告别/客套"
    assert reasons["[玫瑰][玫瑰]"] == "图片/表情占位" and reasons["[圖片]"] == "图片/表情占位"
    assert reasons["老李撤回了一條消息"] == "系统消息" and "平台占位" in next(v for k, v in reasons.items() if "红包" in k)
    assert reasons["震惊！这种水果千万不能空腹吃 赶紧转发给家人"] == "转发的谣言/标题党"
    assert reasons["晚安各位，明天还要早起"] == "问候/告别/客套"
    body, appendix = render_markdown(r.notes).split("## 附录")
    for leak in ("早上好", "玫瑰", "红包", "谢谢老板", "撤回", "拍了拍", "圖片", "空腹", "晚安"):
        assert leak not in body, leak
    # nothing disappears silently: the appendix counts every dropped message and shows who posted the
    # judgement calls — but never their text, or posting the notes would repost the greetings and the rumour
    assert f"已略去 {len(r.dropped)} 条" in appendix and "#1 王阿姨" in appendix
    for leak in ("早上好", "谢谢老板", "空腹", "晚安"):
        assert leak not in appendix, leak
    assert "早上好" not in render_markdown(r.notes, appendix=False) and "附录" not in render_markdown(r.notes, appendix=False)
    assert "30元" in body and [(a.owner, a.deadline) for a in r.notes.actions] == [("大家", "2025-09-03 22:00")]


# -- who said what, and one preview not three ---------------------------------------------------------
TALK = """\
[2025-09-06 20:00] 群主阿凯: 今晚请到教练阿宁分享《业余选手怎么练步法》，问题留到最后
[2025-09-06 20:01] 教练阿宁: 第一，每次练步法不超过二十分钟，累了动作就变形，受伤率会翻倍。
[2025-09-06 20:03] 教练阿宁: 第二，米字步先练四个角，每个角十次，一周练三次，一个月能快一大截。
[2025-09-06 20:05] 教练阿宁: 第三，热身一定要做足，跳绳三分钟比拉伸更管用。
[2025-09-06 20:06] 小葵: @教练阿宁 我觉得跳绳太累了，拉伸就够了吧
[2025-09-06 20:07] 教练阿宁: @小葵 拉伸放到练完再做，热身还是要让心率起来
[2025-09-06 20:08] 群主阿凯: 下期预告：9月13日晚8点
[2025-09-06 20:09] 群主阿凯: 下期预告：9月13日晚8点，老孟讲《双打站位》，欢迎提前提问
[2025-09-06 20:10] 群主阿凯: 下期预告：9月13日，老孟讲双打
"""


def test_speakers_keep_their_own_words_and_one_preview_survives(offline: Settings) -> None:
    n = _notes(TALK, offline).notes
    assert n.session_type == "主讲分享" and n.speakers == ["教练阿宁"] and n.host == "群主阿凯"
    assert all(p.speaker == "教练阿宁" for p in n.key_points)
    assert not any("跳绳太累" in p.text for p in n.key_points)  # 小葵's doubt is not the speaker's point
    assert n.summary.startswith("本场由群主阿凯主持，教练阿宁主讲《业余选手怎么练步法》。主要讲了：")
    assert "二十分钟" in n.summary and "十次" in n.summary
    previews = [a for a in n.announcements if a.kind == "下期预告"]
    assert len(previews) == 1 and "老孟" in previews[0].text and "《双打站位》" in previews[0].text
    assert "9月13日" in previews[0].text and len(previews[0].sources) == 3


def test_a_discussion_summary_says_who_decided_and_what_is_next(offline: Settings) -> None:
    chat = """\
[2025-09-03 19:00] 阿凯: 周六打完球去哪吃饭，大家说说
[2025-09-03 19:01] 小葵: 去体育馆旁边的面馆吧，近
[2025-09-03 19:02] 老孟: 我想吃烧烤，人均五十左右
[2025-09-03 19:03] 阿杜: 烧烤+1
[2025-09-03 19:04] 小葵: 烧烤也行
[2025-09-03 19:05] 阿凯: 那就定了，周六去吃烧烤。老孟你负责订位，周五前订好
"""
    n = _notes(chat, offline).notes
    assert "小葵提议去体育馆旁边的面馆" in n.summary and "老孟提到自己想吃烧烤" in n.summary
    assert "阿凯拍板" in n.summary and "最后决定：周六去吃烧烤" in n.summary
    assert "接下来：老孟" in n.summary and "2025-09-05" in n.summary
    assert n.decisions[-1].by[0] == "阿凯" and {"阿杜", "小葵"} <= set(n.decisions[-1].by)


# -- the LLM path: the same hints and the same checks --------------------------------------------------
def test_llm_prompt_carries_structure_hints_and_answers_get_the_same_checks(tmp_path: Path) -> None:
    from copilot.devtools.fake_openai import FakeOpenAI

    def respond(body: dict) -> str:  # type: ignore[type-arg]
        return json.dumps({
            "title": "羽毛球周六安排", "summary": "周六在二号馆打球。",
            "key_points": [{"text": "这次在二号馆，三号馆在翻新地板", "sources": [6], "speaker": "羽毛球群-阿凯"},
                           {"text": "报名费涨到99元", "sources": [1], "speaker": "羽毛球群-阿凯"}],  # invented figure
            "actions": [{"task": "把场地费收齐", "owner": "阿杜", "deadline": "下周二之前",
                         "deadline_text": None, "sources": [7]}],
        }, ensure_ascii=False)

    chat = BADMINTON + "[2025-09-03 19:13] 羽毛球群-阿凯: @阿杜 下周二之前把场地费收齐\n"
    with FakeOpenAI(responder=respond) as srv:
        s = Settings(data_dir=tmp_path / "d", llm_provider="openai", llm_base_url=srv.url, llm_model="fake-model",
                     llm_timeout=5, llm_max_retries=0)
        r = summarize_text(chat, "球.txt", s, get_engine(s))
        prompt = srv.chat_requests[0]["messages"][-1]["content"]
    assert "规则预先找到的结构" in prompt and "小葵 问，羽毛球群-阿凯 答" in prompt and "日期：2025-09-03" in prompt
    assert r.engine == "fake-model"
    assert not any("99" in p.text for p in r.notes.key_points) and any("99" in x for x in r.removed)
    assert [(a.owner, a.deadline, a.deadline_text) for a in r.notes.actions] == [("阿杜", "2025-09-09", "下周二之前")]


# -- bad inputs keep their clear errors ----------------------------------------------------------------
def test_bad_inputs_keep_clear_errors() -> None:
    with pytest.raises(NotesParseError, match="文件为空"):
        parse_bytes(b"   \n", "empty.txt")
    with pytest.raises(NotesParseError, match="二进制|无法"):
        parse_bytes(bytes(range(256)) * 40, "bin.txt")
    with pytest.raises(NotesParseError, match="文件过大"):
        parse_bytes(b"x" * (50 * 1024 * 1024 + 1), "huge.txt")
    gbk = "[2025-09-03 19:00] 阿凯: 周六下午两点在二号馆打球，报名费每人30元\n".encode("gbk")
    t = parse_bytes(gbk, "gbk.txt")
    assert t.encoding == "gb18030" and t.messages[0].text.startswith("周六下午两点")
    with pytest.raises(NotesParseError, match="没有剩下任何内容"):
        parse_bytes("[2025-09-03 07:00] 王阿姨: 早上好🌹\n[2025-09-03 07:01] 老李: [玫瑰]\n".encode(), "greet.txt")
    assert analyze(parse_bytes(gbk, "gbk.txt")).session_type == "话题讨论"
    assert ActionItem(task="x").deadline is None

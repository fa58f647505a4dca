"""Round 81 (lead, issue 13; from the fresh tester qa13r67): an answer put to the asker alone ("没有三脚架怎么办？" —
"@小林 那就把相机搁在栏杆上") is advice to them — listed under Q&A, not the group's decision — while a choice the group
settles in reply to a question is still a decision; an answer taking work on stays the answerer's to-do. (Dropping the
to-dos of such answers was tried and lowered owners on tuning and two blind splits: many of them hand out real work.)
A list's header alone is no notice; a reply note quotes a list on one line. Chats written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text


@pytest.fixture
def offline(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")

ADVICE = """\
2026-12-03 20:00:00 阿杰(1001)
今晚讲夜景拍摄。第一点，快门拉到两秒以上一定要稳住机身，最好上三脚架。

2026-12-03 20:02:00 小林(1002)
没有三脚架怎么办？

2026-12-03 20:03:00 阿杰(1001)
@小林 那就把相机搁在栏杆上，开两秒延时拍。

2026-12-03 20:06:00 老周(1004)
镜头起雾的话用什么擦比较好？

2026-12-03 20:07:00 阿杰(1001)
@老周 找镜头纸，报我名字去摄影器材店打九折。

2026-12-03 20:08:00 老周(1004)
好嘞

2026-12-03 20:11:00 青青(1003)
快门线忘在家了怎么办

2026-12-03 20:12:00 阿杰(1001)
@青青 明天上午我把我的那根带给你

2026-12-03 20:14:00 阿杰(1001)
今天就讲到这里。下周三晚上8点前大家把作业发群里。
"""


def test_advice_to_the_asker_is_a_pair_not_a_decision(offline: Settings) -> None:
    n = summarize_text(ADVICE, "夜景.txt", offline, get_engine(offline)).notes
    pairs = {q.asker: q.answer for q in n.qa}
    assert "栏杆" in pairs["小林"] and "镜头纸" in pairs["老周"]
    tasks = [(a.owner, a.task) for a in n.actions]
    assert not any("栏杆" in t for _, t in tasks), tasks
    assert not any("栏杆" in d.text or "镜头纸" in d.text for d in n.decisions), n.decisions
    # the answerer's own work stays a to-do, dated or not; so does the group's homework
    assert any(o == "阿杰" and "快门线" in t or o == "阿杰" and "带给你" in t for o, t in tasks), tasks
    assert any(o == "大家" and "作业" in t for o, t in tasks), tasks


OWN_WORK = """\
2026-12-03 20:09:00 麦子(1005)
遮光罩哪里能借到？

2026-12-03 20:10:00 阿杰(1001)
@麦子 我去摄影社帮你借一个

2026-12-03 20:11:00 麦子(1005)
谢谢杰哥
"""


def test_an_answer_taking_work_on_is_still_the_answerers_to_do(offline: Settings) -> None:
    n = summarize_text(OWN_WORK, "遮光罩.txt", offline, get_engine(offline)).notes
    assert any(a.owner == "阿杰" and "摄影社" in a.task for a in n.actions), n.actions


CHOICE = """\
2026-12-05 19:00:00 老陈(2001)
下个月的读书会线下还是线上？

2026-12-05 19:02:00 小雨(2002)
线下吧，好久没见了

2026-12-05 19:05:00 老陈(2001)
那就线下，还在老地方茶馆，1月10号下午两点
"""


def test_a_choice_settled_for_the_group_is_still_a_decision(offline: Settings) -> None:
    n = summarize_text(CHOICE, "读书会.txt", offline, get_engine(offline)).notes
    assert any("线下" in d.text and "茶馆" in d.text for d in n.decisions), n.decisions


HEADER_THEN_ITEMS = """\
2026-12-03 21:00:00 老葛(3001)
今天就讲到这里，谢谢大家。

2026-12-03 21:01:30 小满(3002)
几个通知：

2026-12-03 21:02:00 小满(3002)
1. 今天的录音我明天中午前发到群文件。
2. 下期预告：12月17日（周四）晚8点，阿澄分享《座钟走时调校》。
"""


def test_a_list_header_alone_is_no_notice(offline: Settings) -> None:
    n = summarize_text(HEADER_THEN_ITEMS, "通知.txt", offline, get_engine(offline)).notes
    texts = [a.text for a in n.announcements]
    assert not any(t.rstrip("：:") in ("说两件事", "几个通知") for t in texts), texts
    assert any("座钟走时调校" in t for t in texts), texts


LIST_THEN_REPLY = """\
05/12/2026, 20:57 - 芬姐: 分工如下：
05/12/2026, 21:00 - 芬姐: 1. 阿強聽日之前問清楚花墟邊檔有泥賣
2. 小玲負責買兩包有機肥，下星期二前買齊
3. 大家星期六前喺group報自己要幾多包泥
05/12/2026, 21:01 - 阿強: 收到，我聽朝就去問
"""


def test_a_reply_note_quotes_a_list_of_lines_on_one_line(offline: Settings) -> None:
    n = summarize_text(LIST_THEN_REPLY, "天台.txt", offline, get_engine(offline)).notes
    assert n.actions and not any("\n" in a.task for a in n.actions), [a.task for a in n.actions]


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "chats" / "night-photo-qq.txt"


def test_a_talk_that_ends_by_planning_the_next_outing_is_still_a_talk(offline: Settings) -> None:
    """The README's example: three tips counted out (第一点… — imperative, which the to-do model read as work), then the
    next outing settled with the members. The settling after the last point is the talk's coda, not a discussion, and
    the summary tells the decision once, not also as a point of the talk."""
    from copilot.notes import summarize_file

    n = summarize_file(EXAMPLE, offline, get_engine(offline)).notes
    assert n.session_type == "主讲分享" and n.speakers[:1] == ["阿杰"]
    assert n.summary.count("滨江大桥北岸集合") == 1, n.summary
    assert "最后决定" in n.summary and "曝光补偿" in n.summary
    assert any("滨江大桥" in d.text for d in n.decisions)
    # …and its key points are the talk's: the decision and the to-do lines are listed under 决定 and 待办 only
    assert not any("滨江大桥北岸集合" in p.text or "PPT" in p.text for p in n.key_points), n.key_points
    assert any("曝光补偿" in p.text for p in n.key_points)
    owners = {a.owner for a in n.actions}
    assert {"老周", "阿杰", "大家"} <= owners, n.actions


COUNTED_WORK = """\
2026-12-05 09:00:00 店长阿梅(5001)
下周排班说一下：
2026-12-05 09:01:00 店长阿梅(5001)
第一，各店店长三天内把排班表报给人事。
2026-12-05 09:02:00 店长阿梅(5001)
第二，小周负责周六的盘点，周五下班前把货架清出来。
2026-12-05 09:03:00 店长阿梅(5001)
第三，大家周日之前在群里接龙报加班时间。
2026-12-05 09:05:00 小周(5002)
收到
2026-12-05 09:06:00 阿强(5003)
好的
"""


def test_work_counted_out_with_owners_and_times_is_no_talk(offline: Settings) -> None:
    n = summarize_text(COUNTED_WORK, "排班.txt", offline, get_engine(offline)).notes
    assert n.session_type == "话题讨论"
    assert any(a.owner == "小周" and "盘点" in a.task for a in n.actions), n.actions


def test_the_readme_notes_example_is_the_commands_output(offline: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from copilot.cli import app

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("$ copilot notes examples/chats/night-photo-qq.txt")
    shown = readme[readme.index("\n", start) + 1:readme.index("```", start)].strip()
    monkeypatch.setenv("COPILOT_DATA_DIR", str(offline.data_dir))
    monkeypatch.setenv("COPILOT_LLM_PROVIDER", "offline")
    result = CliRunner().invoke(app, ["notes", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.stdout if hasattr(result, "stdout") else result.output
    assert out.strip().endswith(shown.splitlines()[-1]) and shown in out, out

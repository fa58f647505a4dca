"""Round 79 (d13b79, issue 13): the right owner when the to-do is found.

- "包车我来订还是你来？" answered "你来吧，周五前订好" (Cantonese "燒烤爐我嚟租定你嚟？" — "你嚟啦，禮拜三之前租好") is the
  asker's work, and the to-do names what was asked ("（回复阿杰：包车…）") — not the answerer's nor the group's;
- "节目这块交给我们组，下周一前报节目单": the speaker's own team takes it on — the speaker's to-do, not 大家's;
- "免责同意书我来打印吧" — "我家有打印机，我来吧，周六前打好带过去" — "行，那你来" (also "那好，交给你"): the first
  volunteer hands it to the second, who owns it with its work named;
- hard negatives: "你来吧，人多热闹" inviting someone along gives no work; "我们组织一次团购吧，大家周五前报名" stays the
  group's; an offer naming its own work ("矿泉水我来带吧" — "好，那你来") takes nothing from the first volunteer; with no
  yes from the first volunteer ("…我来吧" alone) the work stays theirs.
"""

from pathlib import Path

import pytest

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes.model import ActionItem
from copilot.notes.summarize import summarize_file

DEV = Path(__file__).resolve().parent.parent / "evals" / "notes" / "dev"


@pytest.fixture(scope="module")
def engine():
    settings = get_settings()
    return settings, get_engine(settings, prefer="offline")


def _todos(tmp_path: Path, engine, lines: list[str], name: str = "chat.txt") -> list[ActionItem]:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings, eng = engine
    return summarize_file(path, settings, eng).notes.actions


def _owners_of(todos: list[ActionItem], word: str) -> set[str]:
    return {a.owner or "" for a in todos if word in a.task}


HIKE = "[2026-12-07 20:00] 领队-老秦: 周日走凤凰岭，早上八点北安河地铁站集合，这几件事分一下"


# -- "我来…还是你来？" — "你来吧": the asker's -----------------------------------------------------------------------

def test_you_come_answering_me_or_you_is_the_askers(tmp_path: Path, engine) -> None:
    todos = _todos(tmp_path, engine, [HIKE, "[2026-12-07 20:08] 阿杰: 包车我来订还是你来？",
                                      "[2026-12-07 20:09] 领队-老秦: 你来吧，周五前订好",
                                      "[2026-12-07 20:10] 阿杰: 好嘞"])
    assert _owners_of(todos, "包车") == {"阿杰"}


def test_you_come_with_send_me_is_the_askers_not_the_groups(tmp_path: Path, engine) -> None:
    todos = _todos(tmp_path, engine, [
        "[2026-12-07 19:30] 家委会-陈主任: 各位家长，学校元旦义卖定在12月19日（周六）上午，今天把分工定一下",
        "[2026-12-07 19:38] 乐乐妈妈: 义卖的价签我来做还是你来？",
        "[2026-12-07 19:39] 家委会-陈主任: 你来吧，周三前发我看看",
        "[2026-12-07 19:40] 乐乐妈妈: 好的"])
    assert _owners_of(todos, "价签") == {"乐乐妈妈"}


def test_cantonese_you_come_answering_me_or_you(engine) -> None:
    settings, eng = engine
    todos = summarize_file(DEV / "dev79j_whatsapp_canto_trad_camp_owner.txt", settings, eng).notes.actions
    assert _owners_of(todos, "燒烤爐") == {"Jason"}


def test_you_come_inviting_along_gives_no_work(tmp_path: Path, engine) -> None:
    todos = _todos(tmp_path, engine, ["[2026-12-07 20:00] 阿May: 周六晚上大家去吃火锅，七点在万达门口",
                                      "[2026-12-07 20:01] 小鹿: 我也可以来吗？",
                                      "[2026-12-07 20:02] 阿May: 你来吧，人多热闹"])
    assert not any(a.owner == "小鹿" for a in todos)


# -- "交给我们组": the speaker's team ---------------------------------------------------------------------------------

def test_handed_to_our_team_is_the_speakers(engine) -> None:
    settings, eng = engine
    todos = summarize_file(DEV / "dev79h_csv_company_party_groups.csv", settings, eng).notes.actions
    assert _owners_of(todos, "节目单") == {"技术部-老高"}
    assert _owners_of(todos, "家属") == {"大家"}  # hard negative: everyone's own registration


def test_we_organise_stays_the_groups(tmp_path: Path, engine) -> None:
    todos = _todos(tmp_path, engine, ["[2026-12-07 20:00] 阿May: 周六晚上大家去吃火锅，七点在万达门口",
                                      "[2026-12-07 20:03] 阿杰: 我们组织一次团购吧，大家周五前报名"])
    assert _owners_of(todos, "团购") == {"大家"}


# -- "我来吧" — "我家有打印机，我来吧" — "行，那你来": handed to the second volunteer ------------------------------------

@pytest.mark.parametrize("yes", ["行，那你来", "那好，交给你"])
def test_first_volunteer_hands_to_the_second(tmp_path: Path, engine, yes: str) -> None:
    todos = _todos(tmp_path, engine, [HIKE, "[2026-12-07 20:01] 阿杰: 免责同意书我来打印吧",
                                      "[2026-12-07 20:02] 小鹿: 我家有打印机，我来吧，周六前打好带过去",
                                      f"[2026-12-07 20:03] 阿杰: {yes}",
                                      "[2026-12-07 20:04] 领队-老秦: 好的"])
    assert _owners_of(todos, "同意书") == {"小鹿"}


def test_without_the_first_volunteers_yes_the_work_stays_theirs(tmp_path: Path, engine) -> None:
    todos = _todos(tmp_path, engine, [HIKE, "[2026-12-07 20:01] 阿杰: 免责同意书我来打印吧",
                                      "[2026-12-07 20:02] 小鹿: 我家有打印机，我来吧，周六前打好带过去",
                                      "[2026-12-07 20:04] 领队-老秦: 好的"])
    assert _owners_of(todos, "同意书") == {"阿杰"}


def test_an_offer_naming_its_own_work_takes_nothing(tmp_path: Path, engine) -> None:
    todos = _todos(tmp_path, engine, [HIKE, "[2026-12-07 20:01] 阿杰: 免责同意书我来打印吧，周六前打好",
                                      "[2026-12-07 20:02] 小鹿: 矿泉水我来带吧",
                                      "[2026-12-07 20:03] 阿杰: 好，那你来",
                                      "[2026-12-07 20:04] 领队-老秦: 好的"])
    assert _owners_of(todos, "同意书") == {"阿杰"}
    assert _owners_of(todos, "矿泉水") == {"小鹿"}


def test_handed_to_your_team_is_the_one_spoken_to(tmp_path: Path, engine) -> None:
    todos = _todos(tmp_path, engine, [
        "[2026-12-07 19:30] 家委会-陈主任: 各位家长，学校元旦义卖定在12月19日（周六）上午，今天把分工定一下",
        "[2026-12-07 19:32] 朵朵爸爸: 收款码我们组可以弄",
        "[2026-12-07 19:33] 家委会-陈主任: 好，收款码交给你们组，周五前打印出来",
        "[2026-12-07 19:34] 豆豆奶奶: 收到"])
    assert _owners_of(todos, "收款码") == {"朵朵爸爸"}



# -- an offer turned down because it is done already leaves no work -------------------------------------------------

def test_an_offer_turned_down_as_done_is_no_todo(tmp_path: Path, engine) -> None:
    todos = _todos(tmp_path, engine, [HIKE, "[2026-12-07 20:01] 阿杰: 签到表我来打印吧",
                                      "[2026-12-07 20:02] 领队-老秦: 不用，签到表我已经打印好了",
                                      "[2026-12-07 20:03] 小鹿: 水我来带吧",
                                      "[2026-12-07 20:04] 领队-老秦: 好的，谢谢"])
    assert not _owners_of(todos, "签到表")
    assert _owners_of(todos, "水") == {"小鹿"}  # hard negative: the next offer, not turned down, stays


def test_a_no_that_gives_the_offerer_other_work_keeps_the_offer(tmp_path: Path, engine) -> None:
    # hard negative: "不用…你买水就行" redirects the one who offered; nor is "不用担心，我已经查过天气了" a refusal
    todos = _todos(tmp_path, engine, [HIKE, "[2026-12-07 20:01] 阿杰: 签到表我来打印吧",
                                      "[2026-12-07 20:02] 领队-老秦: 好，辛苦了",
                                      "[2026-12-07 20:03] 小鹿: 不用担心，我已经查过天气了，周日是晴天"])
    assert _owners_of(todos, "签到表") == {"阿杰"}

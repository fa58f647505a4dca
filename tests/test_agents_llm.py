"""The LLM path of the drafting agents, end to end against the fake OpenAI-compatible server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.agents import draft
from copilot.config import Settings, get_settings
from copilot.devtools.fake_openai import FakeOpenAI, Reply
from copilot.knowledge.checks import failures
from copilot.llm import get_engine
from copilot.profile import load_profile

PROFILES = Path(__file__).resolve().parents[1] / "examples" / "profiles"

GOOD_NAMES = {
    "drafts": [
        {"name": "上班族考研英语打卡营", "rationale": "人群+主题+形式"},
        {"name": "考研英语阅读互助群", "rationale": "主题+形式"},
        {"name": "背单词晨读小组", "rationale": "具体做法"},
        {"name": "在职考研英语研习社", "rationale": "限定在职人群"},
        {"name": "英语作文模板答疑群", "rationale": "聚焦作文"},
    ]
}


def _msgs(request: dict) -> str:
    return "\n".join(str(m.get("content", "")) for m in request["messages"])


@pytest.fixture
def llm_engine(fake_llm: FakeOpenAI, tmp_path: Path):
    """An LLM engine on the fake server (no knowledge index needed: agents read cards directly)."""
    s = Settings(
        data_dir=tmp_path / "data",
        llm_provider="openai",
        llm_base_url=fake_llm.url,
        llm_model="fake-model",
        llm_timeout=1.5,
        llm_max_retries=1,
    )
    return get_engine(s, prefer="llm")


def kaoyan():
    return load_profile(PROFILES / "kaoyan-english.yaml")


def test_prompt_carries_profile_cards_rules_and_schema(fake_llm, llm_engine):
    fake_llm.push(json.dumps(GOOD_NAMES, ensure_ascii=False))
    result = draft("name", kaoyan(), llm_engine, n=5)
    assert result.engine == "fake-model" and result.notice is None
    assert result.prompt == "draft_name@v2"
    assert not failures(result.checks)
    sent = _msgs(fake_llm.chat_requests[0])
    assert "考研英语" in sent and "在职备考的上班族" in sent  # profile
    assert "[name.max_16_chars]" in sent and "[group-name]" in sent  # rules and card passages
    assert '"rationale"' in sent  # JSON schema
    assert "group-name" in result.citations


def test_invalid_json_is_retried_with_the_error_stated(fake_llm, llm_engine):
    fake_llm.push("好的，我想了几个名字：考研英语打卡营、背单词小组……", "```json\n" + json.dumps(GOOD_NAMES, ensure_ascii=False) + "\n```")
    result = draft("name", kaoyan(), llm_engine, n=5)
    assert result.engine == "fake-model"
    assert [d["name"] for d in result.drafts] == [d["name"] for d in GOOD_NAMES["drafts"]]
    assert len(fake_llm.chat_requests) == 2
    assert "不是合法的 JSON" in _msgs(fake_llm.chat_requests[1])


def test_repairable_json_needs_no_retry(fake_llm, llm_engine):
    sloppy = "这是结果：" + json.dumps(GOOD_NAMES, ensure_ascii=False).replace("]}", ",]}")  # trailing comma
    fake_llm.push(sloppy)
    result = draft("name", kaoyan(), llm_engine, n=5)
    assert result.engine == "fake-model" and len(result.drafts) == 5
    assert len(fake_llm.chat_requests) == 1


def test_failing_rule_triggers_a_revision_request_with_the_failures(fake_llm, llm_engine):
    bad = {"drafts": [{"name": "史上最强考研英语全程陪伴超级打卡大本营", "rationale": "响亮"}] + GOOD_NAMES["drafts"][1:]}
    fake_llm.push(json.dumps(bad, ensure_ascii=False), json.dumps(GOOD_NAMES, ensure_ascii=False))
    result = draft("name", kaoyan(), llm_engine, n=5)
    assert result.engine == "fake-model" and result.rounds == 2
    revision = _msgs(fake_llm.chat_requests[1])
    assert "name.max_16_chars" in revision and "name.no_hype" in revision and "史上" in revision
    assert not failures(result.checks) and result.notice is None


def test_revisions_are_bounded_and_leftover_failures_reported(fake_llm, llm_engine):
    bad = {"drafts": [{"name": "考研英语打卡营", "rationale": "主题+形式"}, {"name": "考研英语打卡群", "rationale": "主题+形式"},
                      {"name": "考研英语稳赚群", "rationale": "主题+形式"}, {"name": "考研英语交流群", "rationale": "主题+形式"},
                      {"name": "考研英语答疑群", "rationale": "主题+形式"}]}
    fake_llm.responder = lambda body: json.dumps(bad, ensure_ascii=False)
    result = draft("name", kaoyan(), llm_engine, n=5)
    assert len(fake_llm.chat_requests) == 3  # first draft + 2 revisions
    assert result.engine == "fake-model"
    failed = {c.rule_id for c in failures(result.checks)}
    assert "name.no_hype" in failed
    assert result.notice and "name.no_hype" in result.notice


def test_timeout_falls_back_offline_with_notice(fake_llm, llm_engine):
    fake_llm.push(Reply(content="{}", delay=3.0), Reply(content="{}", delay=3.0))
    result = draft("intro", kaoyan(), llm_engine)
    assert result.engine == "offline"
    assert result.notice and "超时" in result.notice and "离线" in result.notice
    assert not failures(result.checks)  # the fallback still passes the rules


def test_rate_limit_falls_back_offline(fake_llm, llm_engine):
    fake_llm.push(Reply(status=429, content="slow down"), Reply(status=429, content="slow down"))
    result = draft("welcome", kaoyan(), llm_engine)
    assert result.engine == "offline" and "限流" in (result.notice or "")


def test_promotion_price_error_is_revised(fake_llm, llm_engine):
    groupbuy = load_profile(PROFILES / "community-groupbuy.yaml")
    wrong = {"drafts": [{"title": "套装", "tactic": "组合套装", "arithmetic": ["59 + 39 = 88 元"],
                         "text": "【组合套装】赣南脐橙（原价59元）+ 阳光玫瑰葡萄（原价39元），合计 59 + 39 = 88 元，套装价80元，立省8元。"}]}
    # 59 + 39 = 98 is right, but the promo prices (45 + 29 = 74) make 套装价88元 dearer than buying separately
    dear = {"drafts": [{"title": "套装", "tactic": "组合套装", "arithmetic": ["59 + 39 = 98 元"],
                        "text": "【组合套装】赣南脐橙（原价59元）+ 阳光玫瑰葡萄（原价39元），合计 59 + 39 = 98 元，套装价88元，立省10元。"}]}
    right = {"drafts": [{"title": "套装", "tactic": "组合套装", "arithmetic": ["45 + 29 = 74 元"],
                         "operator_note": "按活动价合计 45 + 29 = 74 元，套装价66元。",
                         "text": "【组合套装】赣南脐橙（活动价45元）+ 阳光玫瑰葡萄（活动价29元），单买要74元，套装价66元，立省8元。"}]}
    fake_llm.push(*(json.dumps(d, ensure_ascii=False) for d in (wrong, dear, right)))
    result = draft("copy", groupbuy, llm_engine, kind="promotion", n=1)
    revision = _msgs(fake_llm.chat_requests[1])
    assert "copy.price_consistent" in revision and "应为 98" in revision
    second = _msgs(fake_llm.chat_requests[2])
    assert "不低于单买现价合计 74 元" in second
    assert result.engine == "fake-model" and not failures(result.checks)
    assert "套装价66元" in result.drafts[0]["text"]


def test_llm_output_is_converted_to_traditional(fake_llm, llm_engine):
    hr = load_profile(PROFILES / "hr-exchange.yaml")
    reply = {"drafts": [
        {"title": "", "text": "欢迎 @{昵称} 加入深圳HR招聘交流群！在这里能交流招聘渠道和面试技巧，每天 08:30 有招聘早报。"
                              "请把群名片改成“城市-职位-昵称”，做个自我介绍，群规在群公告。"},
        {"title": "", "text": "@{昵称} 你好，这里一起聊招聘和劳动法实务。先改群名片，再简单自我介绍一下自己负责的招聘岗位，"
                              "群规见群公告，周四 20:00 有劳动法案例讨论。"},
    ]}
    fake_llm.push(json.dumps(reply, ensure_ascii=False))
    result = draft("welcome", hr, llm_engine, n=2)
    assert result.engine == "fake-model"
    assert "歡迎" in result.drafts[0]["text"] and "{昵称}" in result.drafts[0]["text"]
    assert "繁体中文" in _msgs(fake_llm.chat_requests[0])
    assert not failures(result.checks)


def _kaoyan_entries(start: str = "2026-12-07") -> list[dict]:
    """A 3-day calendar from Monday 2026-12-07 with kaoyan-english's own events where they belong."""
    import datetime as dt

    first = dt.date.fromisoformat(start)
    out = []
    for i in range(3):
        day = (first + dt.timedelta(days=i)).isoformat()
        out.append({"day": i + 1, "date": day, "weekday": "周" + "一二三"[i], "time": "07:30", "type": "晨报",
                    "title": "单词晨报", "event": "单词晨报", "opening": "早上好，今天的考研英语单词晨报来了，回复一个你记住的词。",
                    "steps": ["看完", "回复一个词"], "why": "早上轻共振", "needs": ["当天要发的正文"]})
        out.append({"day": i + 1, "date": day, "weekday": "周" + "一二三"[i], "time": "21:00",
                    "type": ["求助", "投票", "分享"][i], "title": ["考研英语卡点", "考研英语投票", "真题精讲"][i],
                    "event": ["", "", "真题精讲"][i],
                    "opening": ["考研英语背单词，你最近卡在哪一步？说一句。",
                                "考研英语阅读你更想先练哪种？A. 细节题 B. 主旨题，回复字母，明天中午12点截止。",
                                "12月9日（周三）21:00 真题精讲，讲一篇阅读真题，在群里听。"][i],
                    "steps": ["回复一句"], "why": "晚上重共振", "needs": ["", "", "在哪里听（会议链接、群语音或地点）"][i:i + 1]})
    return out


def test_topics_via_llm_get_the_events_and_are_revised_until_they_are_placed(fake_llm, llm_engine):
    entries = _kaoyan_entries()
    missing_event = {"drafts": [e for e in entries if e["title"] != "真题精讲"]}  # the Wednesday class left out
    fake_llm.push(json.dumps(missing_event, ensure_ascii=False), json.dumps({"drafts": entries}, ensure_ascii=False))
    result = draft("topics", kaoyan(), llm_engine, days=3, start="2026-12-07")
    first = _msgs(fake_llm.chat_requests[0])
    assert "2026-12-09（周三）21:00【分享】真题精讲" in first  # the prompt carries the dated events
    assert "events" in first and "每周三" in first  # and the structured profile
    revision = _msgs(fake_llm.chat_requests[1])
    assert "topics.events_placed" in revision and "2026-12-09 真题精讲" in revision
    assert result.engine == "fake-model" and len(result.drafts) == 6 and not failures(result.checks), result.checks


def test_llm_promotion_with_the_tactic_in_the_member_text_is_sent_back(fake_llm, llm_engine):
    groupbuy = load_profile(PROFILES / "community-groupbuy.yaml")
    leak = {"drafts": [{"title": "换购", "tactic": "加价换购（比例偏见）", "arithmetic": ["9.9 ÷ 1 = 9.9"],
                        "text": "【加1元换购】买赣南脐橙加1元换购保鲜袋一卷，拿9.9元和1元比，9.9 ÷ 1 = 9.9 倍，感受更直观。"}]}
    clean = {"drafts": [{"title": "换购", "tactic": "加价换购（比例偏见）", "arithmetic": ["9.9 ÷ 1 = 9.9"],
                         "operator_note": "比例偏见：拿9.9元和1元比。",
                         "text": "【加1元换购】买赣南脐橙（活动价45元）加1元换购保鲜袋一卷（原价9.9元）。在群里接龙下单，截止12月13日22:00。"}]}
    fake_llm.push(json.dumps(leak, ensure_ascii=False), json.dumps(clean, ensure_ascii=False))
    result = draft("copy", groupbuy, llm_engine, kind="promotion", n=1)
    revision = _msgs(fake_llm.chat_requests[1])
    assert "member.no_tactic_leak" in revision and "感受更直观" in revision
    assert "operator_note" in _msgs(fake_llm.chat_requests[0])
    assert result.engine == "fake-model" and not failures(result.checks)
    assert "比例偏见" in result.drafts[0]["operator_note"] and "比例偏见" not in result.drafts[0]["text"]


def test_cli_llm_engine_end_to_end(fake_llm, monkeypatch):
    monkeypatch.setenv("COPILOT_LLM_BASE_URL", fake_llm.url)
    monkeypatch.setenv("COPILOT_LLM_MODEL", "fake-model")
    monkeypatch.setenv("COPILOT_LLM_TIMEOUT", "2")
    monkeypatch.setenv("COPILOT_LLM_MAX_RETRIES", "0")
    get_settings.cache_clear()
    fake_llm.push(json.dumps(GOOD_NAMES, ensure_ascii=False))
    from copilot.cli import app

    res = CliRunner().invoke(app, ["draft", "name", "-p", str(PROFILES / "kaoyan-english.yaml"), "--engine", "llm", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["engine"] == "fake-model" and len(data["drafts"]) == 5
    assert {c["rule_id"] for c in data["checks"]} >= {"name.says_what", "name.max_16_chars"}

    fake_llm.push(Reply(status=500, content="boom"))
    res = CliRunner().invoke(app, ["draft", "rules", "-p", str(PROFILES / "kaoyan-english.yaml"), "--engine", "llm", "--json"])
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["engine"] == "offline" and "离线" in data["notice"]


def test_persistently_invalid_json_falls_back_offline(fake_llm, llm_engine):
    fake_llm.responder = lambda body: "抱歉，我无法完成这个请求。"
    result = draft("rules", kaoyan(), llm_engine)
    assert len(fake_llm.chat_requests) == 3
    assert result.engine == "offline" and "无效 JSON" in (result.notice or "") and "离线" in result.notice
    assert not failures(result.checks)


def test_missing_prompt_file_falls_back_with_notice(fake_llm, llm_engine, tmp_path):
    llm_engine.settings = llm_engine.settings.model_copy(update={"prompts_dir": tmp_path / "no-prompts"})
    result = draft("intro", kaoyan(), llm_engine)
    assert result.engine == "offline" and "提示词文件" in (result.notice or "")
    assert fake_llm.chat_requests == []

"""Issue 11: the hook as an attacker and a careless operator would use it — padding, broken characters,
huge numbers, cross-site pages, rebinding hosts, huge bodies, rich QQ messages, a hung model."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from copilot.cli import app as cli_app
from copilot.config import Settings
from copilot.devtools.fake_openai import FakeOpenAI, Reply
from copilot.devtools.procs import app_in_thread
from copilot.llm import get_engine
from copilot.moderation import Moderator
from copilot.server import bind_problem, create_app

LOCAL = "http://127.0.0.1"
JSON = {"content-type": "application/json"}
PROFILE = """
name: 城市骑行约骑群
positioning: 周末一起骑行、交流路线、装备和骑行安全
topics: [骑行, 路线, 约骑, 装备, 公路车]
"""
AD = "代购名牌包包内部渠道价，加 v 信 bag_master88 下单，日结兼职招代理"
UNSURE = "昨天在楼下排了半小时队买包子，还没买到"  # reads like chatter, but no chatter topic word: labelled, a person decides (the uncertain band)


def _settings(tmp_path: Path, **kw) -> Settings:  # type: ignore[no-untyped-def]
    prof = tmp_path / "ride.yaml"
    prof.write_text(PROFILE, encoding="utf-8")
    base = dict(data_dir=tmp_path / "data", llm_provider="offline", groups={"20001": str(prof)})
    base.update(kw)
    return Settings(**base)


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(_settings(tmp_path)), base_url=LOCAL)


def _event(text: str, *, user: int = 7, mid: int = 1, message: list | None = None) -> dict:  # type: ignore[type-arg]
    return {"time": 1700000000, "post_type": "message", "message_type": "group", "group_id": 20001,
            "user_id": user, "message_id": mid, "raw_message": text,
            "message": message if message is not None else [{"type": "text", "data": {"text": text}}],
            "sender": {"user_id": user, "role": "member"}}


# --- 1. padding --------------------------------------------------------------------------------------
@pytest.mark.parametrize("pad", ["\u200b" * 4000, " " * 4500, "\n" * 4200, "\u200b\u200c\ufeff \n" * 1200])
def test_padding_before_an_ad_does_not_hide_it(client: TestClient, pad: str) -> None:
    r = client.post("/v1/moderate", json={"id": "p1", "user": "u1", "group": "20001", "text": pad + AD})
    assert r.status_code == 200 and r.json()["label"] == "ad" and r.json()["action"] == "delete"
    ob = client.post("/onebot/v11", json=_event(pad + AD, user=8, mid=99))
    assert ob.json().get("delete") is True


def test_padding_is_caught_on_the_command_line_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    line = json.dumps({"id": "c1", "user": "u", "text": "\u200b" * 5000 + AD}) + "\n"
    res = CliRunner().invoke(cli_app, ["moderate", "--engine", "offline", "--no-audit"], input=line)
    assert res.exit_code == 0 and json.loads(res.stdout)["label"] == "ad"


def test_an_over_long_message_is_read_at_both_ends_and_reviewed(tmp_path: Path) -> None:
    mod = Moderator(_settings(tmp_path), None, audit=None)
    rnd = random.Random(7)
    places, notes = ["西湖", "九溪", "龙井", "梅家坞", "三台山", "良渚", "闲林"], ["风很大", "上坡很累", "补给点人多",
                                                                          "遇到了骑友", "天气很好", "路面在修"]
    talk = "".join(f"第{i}次骑行在{rnd.choice(places)}，距离{rnd.randint(20, 90)}公里，用时{rnd.randint(60, 300)}分钟，"
                   f"{rnd.choice(notes)}。" for i in range(160))  # a long ride log, 5,000 characters
    tail_ad = mod.moderate({"user": "a", "text": talk + AD})
    assert tail_ad.label == "ad"
    pasted = mod.moderate({"user": "c", "text": "今天骑了六十公里，路线从滨江出发经过九溪再绕回来。" * 200})
    assert pasted.label == "spam"  # one sentence pasted 200 times is a flood, however long
    harmless = mod.moderate({"user": "b", "text": talk})
    assert harmless.label == "ok" and harmless.action == "review" and "超长消息" in harmless.reason


# --- 3/4. broken characters and numbers: repaired and moderated on both hooks, numbers reported by the CLI ------
def test_lone_surrogates_are_repaired_and_moderated_on_both_hooks(client: TestClient) -> None:
    body = '{"id": "s1", "user": "u", "text": "\\ud800 ' + AD + '"}'
    r = client.post("/v1/moderate", content=body.encode(), headers=JSON)
    assert r.status_code == 200 and r.json()["action"] == "delete"  # fails closed: the ad does not pass
    assert "代理项" in r.json()["reason"] and r.json()["checks"]["normalise"]["repaired"] == 1
    ev = json.dumps(_event("\ud800" + AD, user=9, mid=5), ensure_ascii=True)
    ob = client.post("/onebot/v11", content=ev.encode(), headers=JSON)
    assert ob.status_code == 200 and ob.json().get("delete") is True


@pytest.mark.parametrize("path", ["/v1/moderate", "/onebot/v11"])
def test_an_integer_with_thousands_of_digits_is_a_400(client: TestClient, path: str) -> None:
    body = b'{"text": "hi", "user": ' + b"9" * 5000 + b"}"
    r = client.post(path, content=body, headers=JSON)
    assert r.status_code == 400 and "超长数字" in r.json()["error"]


def test_the_command_line_reports_bad_lines_and_carries_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    lines = [json.dumps({"id": "a", "user": "u", "text": "周六早上七点西湖集合骑行"}, ensure_ascii=False),
             '{"id": "b", "user": 1' + "1" * 5000 + ', "text": "x"}',
             '{"id": "c", "user": "u", "text": "\\udc00坏字符"}',
             json.dumps({"id": "d", "user": "u2", "text": AD}, ensure_ascii=False)]
    res = CliRunner().invoke(cli_app, ["moderate", "--engine", "offline"], input="\n".join(lines) + "\n")
    assert res.exit_code == 1  # the good lines are judged, but a script must notice the skipped ones (qa17r36)
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", "c", "d"] and out[2]["label"] == "ad"  # stdout: verdicts only
    assert "代理项" in out[1]["reason"]  # a lone surrogate is repaired and judged, as on both hooks
    errs = [json.loads(x) for x in res.stderr.splitlines() if x.startswith("{")]  # each bad line on stderr
    assert [(e["line"], e["id"]) for e in errs] == [(2, "b")]  # the id the broken line names (round 67)
    assert "超长数字" in errs[0]["error"]
    assert "1 行输入有误" in res.stderr
    clean = CliRunner().invoke(cli_app, ["moderate", "--engine", "offline"], input=lines[0] + "\n" + lines[3] + "\n")
    assert clean.exit_code == 0 and len(clean.stdout.splitlines()) == 2


# --- 6. cross-site ------------------------------------------------------------------------------------------
def test_a_web_page_cannot_post_to_the_hook(client: TestClient) -> None:
    """text/plain needs no CORS preflight: a page could POST it with the user's browser. Not here."""
    plain = client.post("/v1/moderate", content=json.dumps({"text": AD, "user": "victim"}),
                        headers={"content-type": "text/plain"})
    assert plain.status_code == 415
    evil = client.post("/v1/moderate", json={"text": AD, "user": "victim"}, headers={"origin": "https://evil.example"})
    assert evil.status_code == 403 and "跨站" in evil.json()["error"]
    ob = client.post("/onebot/v11", json=_event(AD), headers={"origin": "https://evil.example"})
    assert ob.status_code == 403


def test_allowed_origins_and_hosts_are_configurable(tmp_path: Path) -> None:
    s = _settings(tmp_path, allowed_origins=["https://ops.example.com"], allowed_hosts=["bot.example.com"])
    c = TestClient(create_app(s), base_url="http://bot.example.com")
    ok = c.post("/v1/moderate", json={"text": "周日约骑吗"}, headers={"origin": "https://ops.example.com"})
    assert ok.status_code == 200


def test_a_rebinding_host_is_refused(tmp_path: Path) -> None:
    c = TestClient(create_app(_settings(tmp_path)), base_url="http://attacker.example:8000")
    r = c.post("/v1/moderate", json={"text": AD})
    assert r.status_code == 400 and "Host" in r.json()["error"]
    assert TestClient(create_app(_settings(tmp_path)), base_url="http://localhost:8000").get("/healthz").status_code == 200


def test_listening_beyond_loopback_needs_a_token(tmp_path: Path) -> None:
    assert bind_problem("127.0.0.1", _settings(tmp_path)) is None
    assert bind_problem("::1", _settings(tmp_path)) is None
    assert "COPILOT_API_TOKEN" in (bind_problem("0.0.0.0", _settings(tmp_path)) or "")
    assert bind_problem("0.0.0.0", _settings(tmp_path, api_token="t")) is None
    res = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0"])
    assert res.exit_code == 2 and "COPILOT_API_TOKEN" in res.stderr


# --- 9. smaller items --------------------------------------------------------------------------------------
def test_bearer_scheme_in_any_case_and_owner_in_any_case(tmp_path: Path) -> None:
    c = TestClient(create_app(_settings(tmp_path, api_token="s3cret")), base_url=LOCAL)
    for header in ("bearer s3cret", "BEARER s3cret", "Bearer  s3cret"):
        assert c.post("/v1/moderate", json={"text": "hi"}, headers={"authorization": header}).status_code == 200
    owner = c.post("/v1/moderate", json={"text": AD, "user": "boss", "role": "Owner"},
                   headers={"authorization": "Bearer s3cret"}).json()
    assert owner["label"] == "ad" and owner["action"] == "none" and owner["exempt"] is True


def test_a_huge_body_is_refused_before_it_is_read(client: TestClient) -> None:
    r = client.post("/v1/moderate", content=b"x" * 10, headers={**JSON, "content-length": "200000000"})
    assert r.status_code == 413


def test_settings_refuse_a_port_out_of_range(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_PORT", "99999")
    res = CliRunner().invoke(cli_app, ["config"])
    assert res.exit_code != 0 and "65535" in res.stderr


# --- rich QQ messages ---------------------------------------------------------------------------------------
def test_ads_inside_cards_and_shares_are_moderated(client: TestClient) -> None:
    card = json.dumps({"app": "com.tencent.structmsg", "prompt": "[分享]骑行装备清仓", "meta": {"news": {
        "title": "骑行服工厂直销", "desc": "一件代发招代理，加微信 cycle_shop99 拿货价", "jumpUrl": "https://shop.example.net"}}},
        ensure_ascii=False)
    ev = _event("", user=41, mid=11, message=[{"type": "json", "data": {"data": card}}])
    assert client.post("/onebot/v11", json=ev).json().get("delete") is True
    share = _event("", user=42, mid=12, message=[{"type": "text", "data": {"text": "看看"}},
                                                 {"type": "share", "data": {"url": "https://jz.example.net/r",
                                                                            "title": "在家兼职日结200",
                                                                            "content": "宝妈学生都能做，私聊我"}}])
    assert client.post("/onebot/v11", json=share).json().get("delete") is True


def test_forward_content_is_fetched_through_the_onebot_api(tmp_path: Path) -> None:
    """A merged forward is an opaque id in the event; with onebot_api_url the hook asks for its content."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    asked: list[str] = []

    class Api(BaseHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            asked.append(self.path)
            self.rfile.read(int(self.headers["content-length"]))
            nodes = [{"sender": {"nickname": "x"}, "message": [{"type": "text", "data": {"text": AD}}]}]
            out = json.dumps({"status": "ok", "data": {"messages": nodes}}, ensure_ascii=False).encode()
            self.send_response(200)
            self.send_header("content-length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Api)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        s = _settings(tmp_path, onebot_api_url=f"http://127.0.0.1:{srv.server_address[1]}")
        c = TestClient(create_app(s), base_url=LOCAL)
        ev = _event("", user=43, mid=13, message=[{"type": "text", "data": {"text": "聊天记录"}},
                                                  {"type": "forward", "data": {"id": "9988776655"}}])
        assert c.post("/onebot/v11", json=ev).json() == {}  # actions go through the API in this mode
    finally:
        srv.shutdown()
    assert asked[0] == "/get_forward_msg" and "/delete_msg" in asked


# --- 2. a hung judge stalls nothing ------------------------------------------------------------------------
def test_a_hung_llm_judge_does_not_stall_the_worker(tmp_path: Path) -> None:
    """The model endpoint accepts and never answers: /healthz still answers while the uncertain message waits
    for its judge, and that message gets its offline verdict after moderation_judge_timeout. (/healthz's
    latency under a hung judge is timed in benchmarks/bench_deadlines.py.)"""
    with FakeOpenAI() as fake:
        fake.push(*[Reply(hang=True) for _ in range(4)])
        s = _settings(tmp_path, llm_provider="openai", llm_base_url=fake.url, llm_model="fake-model",
                      llm_timeout=30, moderation_judge_timeout=8.0)
        with app_in_thread(create_app(s, engine=get_engine(s)), 30) as base:
            # a clear ad first (no judge): the models load on this request, not inside the judged one's deadline
            # (on a loaded machine the first request's loading alone used up the judge's seconds)
            warm = httpx.post(base + "/v1/moderate", json={"user": "w", "group": "20001", "text": AD}, timeout=60)
            assert warm.json()["label"] == "ad" and not fake.chat_requests
            box: dict[str, object] = {}

            def slow() -> None:
                box["v"] = httpx.post(base + "/v1/moderate", json={"user": "u", "group": "20001", "text": UNSURE},
                                      timeout=30).json()

            worker = threading.Thread(target=slow)
            worker.start()
            assert fake.wait_for_chat(1)  # the judge call is hanging now
            assert httpx.get(base + "/healthz", timeout=10).status_code == 200
            # answered before the hung request's 8 s deadline: a worker stalled by the judge answers only after it
            assert worker.is_alive() and "v" not in box
            worker.join(30)
            v = box["v"]
            assert isinstance(v, dict) and v["engine"] == "offline" and "没有完成" in (v["notice"] or "")

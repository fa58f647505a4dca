"""Issue 11 re-test (an attacker QA on main after the first round): empty tokens, judge calls filling the
worker, one bad byte re-decoding a whole input, line separators inside JSON strings, invisible padding
of other kinds, digits of other scripts, OneBot events that crashed the hook, and CLI errors on stderr."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from copilot.cli import app as cli_app
from copilot.config import Settings
from copilot.devtools.fake_openai import FakeOpenAI, Reply
from copilot.llm import get_engine
from copilot.moderation import Moderator
from copilot.moderation.audit import AuditLog
from copilot.profile import load_profile
from copilot.server import bind_problem, create_app
from copilot.ui import app as ui_app

LOCAL = "http://127.0.0.1"
JSON = {"content-type": "application/json"}
PROFILE = """
name: 小区宝妈育儿交流群
positioning: 同小区的宝妈交流辅食、早教、疫苗和带娃经验
topics: [辅食, 早教, 疫苗, 睡眠, 带娃]
"""
AD = "兼职日结，手机就能做，加微信 mama_job520 领任务，一单一结"
UNSURE = "昨天在楼下排了半小时队买包子，还没买到"  # the uncertain band: the judge is asked


@pytest.fixture
def make(group_settings: Callable[..., Settings]) -> Callable[..., Settings]:
    """Settings for the mothers' group 30001, with overrides."""
    return partial(group_settings, PROFILE, "30001")


@pytest.fixture
def client(make: Callable[..., Settings]) -> TestClient:
    return TestClient(create_app(make()), base_url=LOCAL)


def _event(text: str = AD, **extra) -> dict:  # type: ignore[no-untyped-def, type-arg]
    event = {"time": 1700000000, "post_type": "message", "message_type": "group", "group_id": 30001,
             "user_id": 8, "message_id": 81, "raw_message": text,
             "message": [{"type": "text", "data": {"text": text}}],
             "sender": {"user_id": 8, "role": "member", "nickname": "小雨妈妈"}}
    event.update(extra)
    return event


# --- 1. an empty token is no token -------------------------------------------------------------------------
def test_an_empty_token_is_no_token(make: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch) -> None:
    for blank in ("", "   "):
        s = make(api_token=blank)
        assert s.api_token is None
        assert "COPILOT_API_TOKEN" in (bind_problem("0.0.0.0", s) or "")
    # a copy made without validation (as the serve command makes one) is refused the same way
    sneaky = make().model_copy(update={"api_token": SecretStr("")})
    assert "COPILOT_API_TOKEN" in (bind_problem("0.0.0.0", sneaky) or "")
    monkeypatch.setenv("COPILOT_API_TOKEN", "")
    res = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0"])
    assert res.exit_code == 2 and "COPILOT_API_TOKEN" in res.stderr


def test_an_empty_bearer_never_passes(make: Callable[..., Settings]) -> None:
    c = TestClient(create_app(make(api_token="mama-s3cret")), base_url=LOCAL)
    for header in ("Bearer", "Bearer ", "bearer    ", "", "Bearer mama-s3cre"):
        r = c.post("/v1/moderate", json={"text": "宝宝几个月可以加蛋黄"}, headers={"authorization": header})
        assert r.status_code == 401, header
    assert c.post("/v1/moderate", json={"text": "宝宝几个月可以加蛋黄"},
                  headers={"authorization": "Bearer mama-s3cret"}).status_code == 200


def test_the_ui_beyond_loopback_needs_a_login(make: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch) -> None:
    token = make(api_token="t0ken")
    assert "COPILOT_UI_AUTH" in (bind_problem("0.0.0.0", token, ui=True) or "")
    assert "COPILOT_UI_AUTH" in (bind_problem("0.0.0.0", make(api_token="t", ui_auth="ops:"), ui=True) or "")
    assert bind_problem("0.0.0.0", make(api_token="t", ui_auth="ops:pw"), ui=True) is None
    assert bind_problem("127.0.0.1", make(), ui=True) is None
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    for s in (make(api_token=""), token):  # app.py: an empty token, then no login
        monkeypatch.setattr(ui_app, "get_settings", lambda s=s: s)
        with pytest.raises(SystemExit, match="COPILOT_API_TOKEN|COPILOT_UI_AUTH"):
            ui_app.main()


# --- 2. judge calls never fill the worker ------------------------------------------------------------------
def _llm(make: Callable[..., Settings], fake: FakeOpenAI, **kw) -> Settings:  # type: ignore[no-untyped-def]
    return make(llm_provider="openai", llm_base_url=fake.url, llm_model="fake-model",
                     llm_timeout=3, llm_max_retries=0, **kw)


def test_clear_messages_never_wait_behind_hung_judge_calls(tmp_path: Path, make: Callable[..., Settings]) -> None:
    """While the only judge slot is held by a call that never answers, an uncertain message is refused the slot
    at once and a clear ad never goes to the model. How long they take is timed in benchmarks/bench_deadlines.py."""
    with FakeOpenAI() as fake:
        fake.push(*[Reply(hang=True) for _ in range(10)])
        s = _llm(make, fake, moderation_judge_timeout=2.0, moderation_judge_slots=1)
        mod = Moderator(s, load_profile(tmp_path / "group-30001.yaml"), audit=None, engine=get_engine(s))
        assert 0.45 <= mod.analyse(UNSURE).score < 0.75  # the uncertain band
        first: dict[str, object] = {}
        hung = threading.Thread(target=lambda: first.update(v=mod.moderate({"user": "a", "text": UNSURE})))
        hung.start()
        assert fake.wait_for_chat(1)  # the only judge slot is taken by a call that never answers
        # a deadline longer than the hung call holds its slot (llm_timeout 3 s): a judge that queued for the slot
        # would get it and ask the model, instead of answering offline at once
        busy = mod.moderate({"user": "b", "text": UNSURE + "，急"}, deadline=time.monotonic() + 30)
        clear = mod.moderate({"user": "c", "text": AD})
        assert busy.engine == "offline" and "繁忙" in (busy.notice or "")
        assert clear.label == "ad" and clear.notice is None
        assert len(fake.chat_requests) == 1  # neither of them reached the model
        hung.join(10)
        assert "没有完成" in (first["v"].notice or "")  # type: ignore[union-attr]


def test_a_batch_shares_one_judge_deadline(make: Callable[..., Settings]) -> None:
    """Six uncertain messages in one request, every judge call hanging: the seconds the judge is given add up to
    one moderation_judge_timeout, not one per message (the request's wall time: benchmarks/bench_deadlines.py)."""
    with FakeOpenAI() as fake:
        fake.push(*[Reply(hang=True) for _ in range(20)])
        s = _llm(make, fake, moderation_judge_timeout=1.0, moderation_judge_slots=8)
        c = TestClient(create_app(s, engine=get_engine(s)), base_url=LOCAL)
        c.post("/v1/moderate", json={"text": "宝宝几个月可以加蛋黄"})  # models loaded
        batch = [{"id": f"b{i}", "user": f"u{i}", "group": "30001", "text": f"{UNSURE}，第{i}次问"} for i in range(6)]
        out = c.post("/v1/moderate", json=batch).json()
        assert len(out) == 6 and all(v["engine"] == "offline" and v["notice"] for v in out)
        assert any("时间已用完" in v["notice"] for v in out)
        granted = [float(m.group(1)) for v in out if (m := re.search(r"([0-9.e-]+) 秒内没有完成", v["notice"]))]
        assert all("时间已用完" in v["notice"] or "秒内没有完成" in v["notice"] for v in out)
        # each wait is the deadline's rest rounded to 0.1 s, so one message may be given up to 0.05 s more
        assert sum(granted) <= 1.0 + 0.05 * len(granted), granted


# --- 3. one bad byte never re-decodes the whole input ------------------------------------------------------
def test_one_bad_byte_in_a_body_does_not_hide_an_ad(client: TestClient) -> None:
    body = json.dumps({"id": "x1", "user": "NICK", "group": "30001", "text": AD}, ensure_ascii=False).encode()
    body = body.replace(b"NICK", "小雨妈".encode()[:-1])  # a nickname cut in the middle of a character
    v = client.post("/v1/moderate", content=body, headers=JSON).json()
    assert v["label"] == "ad" and v["action"] == "delete"
    event = json.dumps(_event(), ensure_ascii=False).encode().replace("小雨妈妈".encode(), "小雨妈妈".encode()[:-2])
    assert client.post("/onebot/v11", content=event, headers=JSON).json().get("delete") is True


def test_a_declared_gbk_body_is_still_read(client: TestClient) -> None:
    body = json.dumps({"user": "g", "text": AD}, ensure_ascii=False).encode("gbk")
    r = client.post("/v1/moderate", content=body, headers={"content-type": "application/json; charset=GBK"})
    assert r.json()["label"] == "ad"


def _cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "msgs.jsonl"
    path.write_bytes(data)
    return CliRunner().invoke(cli_app, ["moderate", "--engine", "offline", "--input", str(path)])


def test_one_bad_byte_in_a_file_damages_only_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = json.dumps({"id": "1", "user": "u1", "text": AD}, ensure_ascii=False).encode()
    bad = json.dumps({"id": "2", "user": "u2", "text": "今天辅食做了南瓜泥"}, ensure_ascii=False).encode()[:-6] + b'\xff"}'
    gbk = json.dumps({"id": "3", "user": "u3", "text": "宝宝疫苗打完有点发烧"}, ensure_ascii=False).encode("gbk")
    res = _cli(tmp_path, monkeypatch, good + b"\n" + bad + b"\n" + gbk + b"\n")
    out = {v["id"]: v for v in map(json.loads, res.stdout.splitlines())}
    assert out["1"]["label"] == "ad" and out["1"]["action"] == "delete"
    assert out["2"]["label"] == "ok" and out["3"]["label"] == "ok"  # a GBK line is still read as GBK


# --- 4. records are split on \n only -----------------------------------------------------------------------
@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_line_separators_inside_a_string_stay_in_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sep: str) -> None:
    line = json.dumps({"id": "s1", "user": "u", "text": "大家好" + sep + AD}, ensure_ascii=False)
    assert sep in line  # json.dumps writes these characters raw: legal JSON
    res = _cli(tmp_path, monkeypatch, (line + "\r\n").encode())
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(v["id"], v["label"]) for v in out] == [("s1", "ad")] and res.stderr.strip() == ""


# --- 5. invisible padding of every kind --------------------------------------------------------------------
@pytest.mark.parametrize("ch", ["\u3164", "\u2800", "\U000e0020", "\ufe00", "\u115f", "\uffa0", "\u180b",
                                "\U0001d173", "\u2066", "\U000e0100", "\u061c"])
def test_invisible_padding_of_any_kind_is_stripped(client: TestClient, ch: str) -> None:
    text = ch * 2001 + AD + ch * 2001
    v = client.post("/v1/moderate", json={"id": "pad", "user": "p", "group": "30001", "text": text}).json()
    assert v["label"] == "ad" and v["action"] == "delete"
    assert client.post("/onebot/v11", json=_event(text, message_id=82)).json().get("delete") is True


# --- 6. digits of other scripts ----------------------------------------------------------------------------
@pytest.mark.parametrize("digits", ["٥٩٢٠٠٨١١٧", "۵۹۲۰۰۸۱۱۷", "५९२००८११७", "๕๙๒๐๐๘๑๑๗", "❺❾❷⓿⓿❽❶❶❼", "𝟓𝟗𝟐𝟎𝟎𝟖𝟏𝟏𝟕"])
def test_digits_of_other_scripts_are_read_as_digits(make: Callable[..., Settings], digits: str) -> None:
    mod = Moderator(make(), None, audit=None)
    v = mod.moderate({"user": "u", "text": f"出号出号，有意加 QQ {digits}"})
    assert v.label == "ad" and any("592008117" in json.dumps(s, ensure_ascii=False)
                                   for s in v.checks["signals"]), v.checks["signals"]


# --- 7. OneBot events that crashed the hook ----------------------------------------------------------------
def test_a_huge_time_is_ignored_and_the_text_judged(client: TestClient) -> None:
    body = json.dumps(_event(message_id=83)).replace('"time": 1700000000', '"time": 1' + "0" * 400)
    r = client.post("/onebot/v11", content=body, headers=JSON)
    assert r.status_code == 200 and r.json().get("delete") is True


@pytest.mark.parametrize("node", [{"data": "x"}, {"data": {"content": 5}}, 7, {"message": [1, {"type": "text"}]}])
def test_a_broken_forward_node_does_not_hide_the_rest(client: TestClient, node: object) -> None:
    message = [{"type": "forward", "data": {"id": "f1", "content": [node]}}, {"type": "text", "data": {"text": AD}}]
    r = client.post("/onebot/v11", json=_event(message=message, message_id=84))
    assert r.status_code == 200 and r.json().get("delete") is True
    nested = [{"type": "forward", "data": {"id": "f2", "content": [node, {"message": [{"type": "text", "data": {"text": AD}}]}]}}]
    r = client.post("/onebot/v11", json=_event(message=nested, message_id=85, user_id=9, raw_message="[CQ:forward,id=f2]"))
    assert r.status_code == 200 and r.json().get("delete") is True


@pytest.mark.parametrize("extra", [{"message": [1, "x"], "raw_message": ""}, {"message": [1]}, {"message": None, "raw_message": None}])
def test_an_unreadable_message_is_recorded_for_review(make: Callable[..., Settings], client: TestClient, extra: dict) -> None:  # type: ignore[type-arg]
    r = client.post("/onebot/v11", json=_event(message_id=86, **extra))
    if "raw_message" not in extra:  # the raw message is still there: it is read instead
        assert r.json().get("delete") is True
        return
    assert r.status_code == 200 and r.json() == {}
    logged = AuditLog.from_settings(make()).query(group="30001")["items"]
    assert [(i["user_id"], i["action"]) for i in logged] == [("8", "review")]
    assert "审核出错" in logged[0]["reason"] and "message" in logged[0]["reason"]


# --- 9. configuration ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, hosts", [("*", ["*"]), ("bot.example.com", ["bot.example.com"]),
                                          ("a.example.com, b.example.com", ["a.example.com", "b.example.com"]),
                                          ('["c.example.com"]', ["c.example.com"])])
def test_host_and_origin_lists_in_the_documented_forms(monkeypatch: pytest.MonkeyPatch, value: str, hosts: list) -> None:  # type: ignore[type-arg]
    monkeypatch.setenv("COPILOT_ALLOWED_HOSTS", value)
    monkeypatch.setenv("COPILOT_ALLOWED_ORIGINS", value)
    res = CliRunner().invoke(cli_app, ["config", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["allowed_hosts"] == hosts and data["allowed_origins"] == hosts


def test_a_star_allows_any_host_and_origin(make: Callable[..., Settings]) -> None:
    c = TestClient(create_app(make(allowed_hosts="*", allowed_origins="*")), base_url="http://any.example")
    r = c.post("/v1/moderate", json={"text": "宝宝几个月可以加蛋黄"}, headers={"origin": "https://ops.example"})
    assert r.status_code == 200


@pytest.mark.parametrize("port", ["0", "99999", "-1"])
def test_serve_refuses_a_port_out_of_range(port: str) -> None:
    res = CliRunner().invoke(cli_app, ["serve", "--port", port])
    assert res.exit_code == 2 and "--port" in res.output


def test_config_file_problems_are_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gbk = tmp_path / "copilot.toml"
    gbk.write_bytes('llm_model = "通义千问"\n'.encode("gbk"))
    monkeypatch.setenv("COPILOT_CONFIG", str(gbk))
    res = CliRunner().invoke(cli_app, ["config"])
    assert res.exit_code != 0 and "UTF-8" in res.stderr and str(gbk) in res.stderr
    monkeypatch.setenv("COPILOT_CONFIG", str(tmp_path / "missing.toml"))
    res = CliRunner().invoke(cli_app, ["config"])
    assert res.exit_code != 0 and "不存在" in res.stderr and "missing.toml" in res.stderr
    monkeypatch.setenv("COPILOT_CONFIG", "")  # empty is not set: no file needed
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert CliRunner().invoke(cli_app, ["config"]).exit_code == 0


def test_a_read_only_data_dir_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Tests run as root, for whom a read-only folder is writable: the database refuses instead."""
    import io
    import sys

    from sqlalchemy.exc import OperationalError

    from copilot.cli import main

    def readonly(self, *a, **kw):  # type: ignore[no-untyped-def]
        raise OperationalError("INSERT INTO verdicts …", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(AuditLog, "record", readonly)
    monkeypatch.setattr(sys, "argv", ["copilot", "moderate", "--engine", "offline"])
    line = json.dumps({"id": "r1", "user": "u", "text": "宝宝几个月可以加蛋黄"}, ensure_ascii=False).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line)))
    with pytest.raises(SystemExit) as stop:
        main()
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "无法打开或写入" in err and "COPILOT_DATA_DIR" in err and "Traceback" not in err


def test_an_undeclared_gbk_body_is_read_as_gbk_not_passed_as_replacement_characters(client: TestClient) -> None:
    # an older bot framework posts GBK without a charset: read as UTF-8 the ad would be a row of U+FFFD
    body = json.dumps({"id": "g1", "user": "g", "text": AD}, ensure_ascii=False).encode("gbk")
    v = client.post("/v1/moderate", content=body, headers=JSON).json()
    assert v["label"] == "ad" and v["action"] == "delete"
    event = json.dumps(_event(), ensure_ascii=False).encode("gbk")
    assert client.post("/onebot/v11", content=event, headers=JSON).json().get("delete") is True
    calm = json.dumps({"id": "g2", "user": "g", "text": "周六上午的观鸟活动改到湿地公园北门集合"},
                      ensure_ascii=False).encode("gbk")
    assert client.post("/v1/moderate", content=calm, headers=JSON).json()["label"] == "ok"

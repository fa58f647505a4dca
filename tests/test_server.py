"""The HTTP hook: /v1/moderate and OneBot v11 (signatures, quick operations, malformed input → 400)."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from copilot.config import Settings
from copilot.server import create_app

LOCAL = "http://127.0.0.1"  # the hook answers only to its own host names (DNS rebinding)
JSON = {"content-type": "application/json"}

PROFILE = """
name: 宝妈辅食交流群
positioning: 6个月到3岁宝宝的辅食添加、营养搭配和喂养经验交流
topics: [辅食, 宝宝, 喂养, 营养, 过敏, 食谱]
allowed_domains: [dxy.cn]
"""
AD = "宝妈在家带娃也能赚钱，加 v 信 baby_money8 日结"
SECRET = "onebot-shared-secret"


def _settings(tmp_path: Path, **kw) -> Settings:
    prof = tmp_path / "baby.yaml"
    prof.write_text(PROFILE, encoding="utf-8")
    base = dict(data_dir=tmp_path / "data", llm_provider="offline", groups={"10001": str(prof)})
    base.update(kw)
    return Settings(**base)


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(_settings(tmp_path)), base_url=LOCAL)


def _event(text: str | None = None, *, user: int = 555, role: str = "member", group: int = 10001, **extra) -> dict:
    ev = {"time": 1700000000, "self_id": 1, "post_type": "message", "message_type": "group", "sub_type": "normal",
          "message_id": 42, "group_id": group, "user_id": user, "raw_message": text,
          "message": [{"type": "text", "data": {"text": text}}], "sender": {"user_id": user, "role": role}}
    ev.update(extra)
    return ev


# --- /v1/moderate ---------------------------------------------------------------------------
def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"


def test_moderate_single_and_batch(client: TestClient) -> None:
    r = client.post("/v1/moderate", json={"id": "1", "user": "u", "text": AD, "group": "10001"})
    assert r.status_code == 200
    v = r.json()
    assert v["id"] == "1" and v["label"] == "ad" and v["action"] == "delete"
    assert v["rule_ids"] == ["moderation.ad.first"] and "checks" in v and v["engine"] == "offline"
    batch = client.post("/v1/moderate", json=[
        {"id": "a", "user": "x", "text": "宝宝七个月可以吃蛋黄吗", "group": "10001"},
        {"id": "b", "user": "y", "text": "你们追那部宫斗剧了吗，女主的衣服真好看，明星八卦太多了", "group": "10001"},
        {"id": "c", "user": "z", "text": "你们追那部宫斗剧了吗，女主的衣服真好看，明星八卦太多了", "group": "unknown"},
    ])
    out = batch.json()
    assert [v["id"] for v in out] == ["a", "b", "c"]
    assert [v["label"] for v in out] == ["ok", "off_topic", "ok"]  # unknown group, no default profile


def test_the_response_says_which_fields_were_ignored_and_which_group_has_no_profile(client: TestClient) -> None:
    """A bot author who sends OneBot's field names gets the message judged without its group, and is told so."""
    chatter = "你们追那部宫斗剧了吗，女主的衣服真好看，明星八卦太多了"
    v = client.post("/v1/moderate", json={"id": "w1", "user_id": 555, "group_id": 10001, "text": chatter,
                                          "profile": "baby.yaml"}).json()
    assert v["label"] == "ok"  # no group, so no profile: chatter is not judged
    ignored, no_profile = v["warnings"]
    assert "group_id、profile、user_id" in ignored and "group_id 请写成 group" in ignored
    assert "user_id 请写成 user" in ignored and "profile 请写成" not in ignored
    assert "没有 group 字段的消息没有对应的群档案" in no_profile and "不判断跑题" in no_profile
    batch = client.post("/v1/moderate", json=[{"id": "a", "user": "x", "text": chatter, "group": "10001"},
                                               {"id": "b", "user": "y", "text": chatter, "group": "20002"}]).json()
    assert "warnings" not in batch[0] and batch[0]["label"] == "off_topic"  # a mapped group, known fields: no noise
    assert batch[1]["warnings"] == ["群 20002 没有对应的群档案（copilot.toml 的 [groups] 或界面的群映射），只判广告、刷屏和辱骂，不判断跑题"]


def test_default_profile_for_unknown_group(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    s = s.model_copy(update={"default_profile": s.groups["10001"]})
    c = TestClient(create_app(s), base_url=LOCAL)
    v = c.post("/v1/moderate", json={"text": "你们追那部宫斗剧了吗，明星八卦太多了", "group": "999", "user": "q"}).json()
    assert v["label"] == "off_topic"


def test_healthz_reports_a_broken_default_profile(tmp_path: Path) -> None:
    """QA: a broken COPILOT_DEFAULT_PROFILE only logged a warning while /healthz said ok."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [不是字符串\ntopics: 辅食", encoding="utf-8")
    s = _settings(tmp_path).model_copy(update={"default_profile": str(broken)})
    c = TestClient(create_app(s), base_url=LOCAL)
    h = c.get("/healthz")
    assert h.status_code == 503 and h.json()["status"] == "degraded"
    assert len(h.json()["problems"]) == 1 and "默认档案" in h.json()["problems"][0]
    assert "broken.yaml" not in h.text  # file paths are not for anonymous callers
    with_token = TestClient(create_app(s.model_copy(update={"api_token": SecretStr("t0ken")})), base_url=LOCAL)
    shown = with_token.get("/healthz", headers={"Authorization": "Bearer t0ken"}).json()["problems"][0]
    assert "默认档案" in shown and "broken.yaml" in shown
    # moderation still works (without off-topic for the unmapped group), the mapped group is fine
    v = c.post("/v1/moderate", json={"text": AD, "user": "q", "group": "999"})
    assert v.status_code == 200 and v.json()["label"] == "ad"
    missing = _settings(tmp_path).model_copy(update={"groups": {"10001": str(tmp_path / "nope.yaml")}})
    h2 = TestClient(create_app(missing), base_url=LOCAL).get("/healthz").json()
    assert h2["status"] == "degraded" and "群 10001" in h2["problems"][0] and "无法加载" in h2["problems"][0]


@pytest.mark.parametrize(
    "body, fragment",
    [
        (b"", "请求体为空"),
        (b"{not json", "不是合法 JSON"),
        (b"[]", "消息列表为空"),
        (b'"just a string"', "应为 JSON 对象"),
        (b'{"id": "1"}', "缺少 text"),
        (b'{"text": 12}', "text 字段应为字符串"),
        (b'[{"text": "ok"}, 5]', "第 2 条消息应为 JSON 对象"),
        (b'{"text": "hi", "user": {"a": 1}}', "user 字段"),
    ],
)
def test_moderate_malformed_bodies_are_400(client: TestClient, body: bytes, fragment: str) -> None:
    r = client.post("/v1/moderate", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert fragment in r.json()["error"]


def test_moderate_gbk_body_and_huge_body(client: TestClient) -> None:
    body = json.dumps({"text": "宝宝辅食吃南瓜泥可以吗", "user": "g"}, ensure_ascii=False).encode("gbk")
    r = client.post("/v1/moderate", content=body, headers={"content-type": "application/json; charset=gbk"})
    assert r.status_code == 200 and r.json()["label"] == "ok"
    r = client.post("/v1/moderate", content=b'{"text": "' + b"a" * 1_100_000 + b'"}', headers=JSON)
    assert r.status_code == 413 and "过大" in r.json()["error"]


def test_api_token(tmp_path: Path) -> None:
    c = TestClient(create_app(_settings(tmp_path, api_token="s3cret")), base_url=LOCAL)
    assert c.post("/v1/moderate", json={"text": "hi"}).status_code == 401
    assert c.post("/v1/moderate", json={"text": "hi"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = c.post("/v1/moderate", json={"text": "hi"}, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["label"] == "ok"


def test_deeply_nested_json_is_400_not_500(client: TestClient) -> None:
    """QA: '[' * 100000 made json.loads raise RecursionError → HTTP 500."""
    deep = b"[" * 100_000 + b"]" * 100_000
    for path in ("/v1/moderate", "/onebot/v11"):
        r = client.post(path, content=deep, headers={"content-type": "application/json"})
        assert r.status_code == 400 and "嵌套层数过深" in r.json()["error"], (path, r.text)
    nested_obj = ('{"text": "hi", "id": ' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "}").encode()
    r = client.post("/v1/moderate", content=nested_obj, headers=JSON)
    assert r.status_code == 400 and "嵌套" in r.json()["error"]


def test_non_ascii_token_and_signature_are_rejected_not_500(tmp_path: Path) -> None:
    """QA: hmac.compare_digest raised TypeError on a non-ASCII str header (sha1=é, Bearer tök)."""
    c = TestClient(create_app(_settings(tmp_path, api_token="s3cret", onebot_secret=SECRET)), base_url=LOCAL)
    r = c.post("/v1/moderate", json={"text": "hi"}, headers={"Authorization": "Bearer tök".encode()})
    assert r.status_code == 401 and "令牌" in r.json()["error"]
    r = _signed(c, _event(AD), sig="sha1=é".encode())  # type: ignore[arg-type]
    assert r.status_code == 403 and "签名校验失败" in r.json()["error"]
    # a non-ASCII configured token still works for the client that sends it right
    (tmp_path / "b").mkdir()
    c2 = TestClient(create_app(_settings(tmp_path / "b", api_token="令牌tök")), base_url=LOCAL)
    ok = c2.post("/v1/moderate", json={"text": "hi"}, headers={"Authorization": "Bearer 令牌tök".encode()})
    assert ok.status_code == 200


# --- OneBot v11 -------------------------------------------------------------------------------
def _signed(client: TestClient, event: dict | bytes, secret: str | None = SECRET, sig: str | None = None):
    raw = event if isinstance(event, bytes) else json.dumps(event, ensure_ascii=False).encode()
    headers = {"content-type": "application/json"}
    if sig is not None:
        headers["X-Signature"] = sig
    elif secret is not None:
        headers["X-Signature"] = "sha1=" + hmac.new(secret.encode(), raw, hashlib.sha1).hexdigest()
    return client.post("/onebot/v11", content=raw, headers=headers)


@pytest.fixture
def signed_client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(_settings(tmp_path, onebot_secret=SECRET)), base_url=LOCAL)


def test_onebot_signature_good_bad_missing(signed_client: TestClient) -> None:
    good = _signed(signed_client, _event(AD))
    assert good.status_code == 200 and good.json()["delete"] is True
    bad = _signed(signed_client, _event(AD), secret="wrong-secret")
    assert bad.status_code == 403 and "签名校验失败" in bad.json()["error"]
    missing = _signed(signed_client, _event(AD), secret=None)
    assert missing.status_code == 401 and "缺少 X-Signature" in missing.json()["error"]
    # the signature covers the raw body: any change breaks it
    raw = json.dumps(_event("宝宝吃辅食"), ensure_ascii=False).encode()
    sig = "sha1=" + hmac.new(SECRET.encode(), raw, hashlib.sha1).hexdigest()
    assert _signed(signed_client, raw.replace("辅食".encode(), "米粉".encode()), sig=sig).status_code == 403


def test_onebot_escalation_quick_operations(client: TestClient) -> None:
    first = client.post("/onebot/v11", json=_event(AD, user=7)).json()
    assert first == {"delete": True}
    # QA: the reason promised a private message the bot never sends; it now says who should remind
    stored = client.app.state.moderators.audit.query(group="10001", label="ad")["items"][0]
    assert "私聊提醒" not in stored["reason"] and "建议管理员私聊" in stored["reason"]
    second = client.post("/onebot/v11", json=_event(AD, user=7, message_id=43)).json()
    assert second["delete"] and second["ban"] and second["ban_duration"] == 86400
    third = client.post("/onebot/v11", json=_event(AD, user=7, message_id=44)).json()
    assert third["kick"] is True


def test_onebot_retried_event_is_idempotent(client: TestClient) -> None:
    """QA: a OneBot client retrying the same event on timeout must not escalate delete → ban → kick."""
    ev = _event("加 v 信 abc77788 兼职日结", user=555, message_id=1)
    ops = [client.post("/onebot/v11", json=ev).json() for _ in range(3)]
    assert ops == [{"delete": True}] * 3  # the same quick operation each time: the retry still gets it
    log = client.app.state.moderators.audit
    assert log.query(group="10001")["total"] == 1
    assert log.count_strikes("10001", "555", "ad", 30) == 1
    # a genuinely new message from the same member still escalates
    nxt = client.post("/onebot/v11", json=_event("加 v 信 abc77788 兼职日结", user=555, message_id=2)).json()
    assert nxt.get("ban") is True and nxt["ban_duration"] == 86400
    # the same id reused for a different text (another message) is judged on its own
    other = client.post("/v1/moderate", json={"id": "1", "user": "555", "group": "10001",
                                              "text": "宝宝七个月可以吃蛋黄吗"}).json()
    assert other["label"] == "ok" and other["replayed"] is False


def test_moderate_retry_returns_stored_verdict(client: TestClient) -> None:
    body = {"id": "r1", "user": "u9", "text": AD, "group": "10001"}
    first = client.post("/v1/moderate", json=body).json()
    again = client.post("/v1/moderate", json=body).json()
    assert again["verdict_id"] == first["verdict_id"] and again["action"] == "delete" and again["replayed"]
    assert "重复投递" in again["reason"] and first["replayed"] is False
    # without an id a message cannot be recognised, so each one counts
    anon = [client.post("/v1/moderate", json={"user": "u10", "text": AD, "group": "10001"}).json()["action"]
            for _ in range(2)]
    assert anon == ["delete", "mute"]


def test_onebot_offtopic_reply_and_ok(client: TestClient) -> None:
    op = client.post("/onebot/v11", json=_event("你们追那部宫斗剧了吗，明星八卦太多了", user=8)).json()
    assert "delete" not in op and "辅食" in op["reply"]
    assert client.post("/onebot/v11", json=_event("宝宝过敏了怎么调整辅食", user=9)).json() == {}


def test_onebot_admins_never_acted_on(client: TestClient) -> None:
    for role in ("owner", "admin"):
        assert client.post("/onebot/v11", json=_event(AD, user=1, role=role)).json() == {}


def test_onebot_segments_and_raw_message(client: TestClient) -> None:
    ev = _event(None, user=11)
    ev["message"] = [{"type": "text", "data": {"text": "加 v 信 baby_money8 "}},
                     {"type": "image", "data": {"file": "qr.png"}}, {"type": "text", "data": {"text": "日结兼职"}}]
    assert client.post("/onebot/v11", json=ev).json().get("delete") is True
    ev2 = _event(None, user=12)
    ev2["message"] = AD  # string message format
    assert client.post("/onebot/v11", json=ev2).json().get("delete") is True


def test_onebot_non_group_events_are_204(client: TestClient) -> None:
    assert client.post("/onebot/v11", json={"post_type": "meta_event", "meta_event_type": "heartbeat"}).status_code == 204
    private = _event(AD)
    private["message_type"] = "private"
    assert client.post("/onebot/v11", json=private).status_code == 204


@pytest.mark.parametrize(
    "body, fragment",
    [
        (b"", "请求体为空"),
        (b"<xml/>", "不是合法 JSON"),
        (b"[1, 2]", "应为 JSON 对象"),
        (b'{"hello": 1}', "缺少 post_type"),
        (b'{"post_type": "message", "message_type": "group", "user_id": 1, "raw_message": "x"}', "group_id"),
    ],
)
def test_onebot_malformed_events_are_400(client: TestClient, body: bytes, fragment: str) -> None:
    r = client.post("/onebot/v11", content=body, headers=JSON)
    assert r.status_code == 400, r.text
    assert fragment in r.json()["error"]


def test_onebot_api_mode_calls_http_api(tmp_path: Path) -> None:
    """With onebot_api_url set, actions go to the OneBot HTTP API (a local fake) instead."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    calls: list[tuple[str, dict]] = []

    class H(BaseHTTPRequestHandler):
        def log_message(self, *a) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["content-length"]))
            calls.append((self.path, json.loads(body)))
            out = b'{"status":"ok","retcode":0}'
            self.send_response(200)
            self.send_header("content-length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{srv.server_address[1]}"
        c = TestClient(create_app(_settings(tmp_path, onebot_api_url=url)), base_url=LOCAL)
        for mid in (1, 2):
            assert c.post("/onebot/v11", json=_event(AD, user=77, message_id=mid)).json() == {}
    finally:
        srv.shutdown()
    paths = [p for p, _ in calls]
    assert paths == ["/delete_msg", "/delete_msg", "/set_group_ban", "/send_group_msg"]
    assert calls[2][1] == {"group_id": 10001, "user_id": 77, "duration": 86400}


def test_audit_shared_across_requests(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    c = TestClient(create_app(s), base_url=LOCAL)
    c.post("/onebot/v11", json=_event(AD, user=5))
    # restart the app: escalation continues from the stored strike
    c2 = TestClient(create_app(s), base_url=LOCAL)
    assert c2.post("/onebot/v11", json=_event(AD, user=5, message_id=50)).json().get("ban") is True


def test_per_group_policy_file(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    (s.data_dir / "moderation").mkdir(parents=True)
    (s.data_dir / "moderation" / "policy.yaml").write_text(
        'groups:\n  "10001": {dry_run: true}\n', encoding="utf-8")
    c = TestClient(create_app(s), base_url=LOCAL)
    assert c.post("/onebot/v11", json=_event(AD, user=3)).json() == {}  # dry run: nothing executed
    v = c.post("/v1/moderate", json={"text": AD, "user": "3", "group": "10001"}).json()
    assert v["label"] == "ad" and v["dry_run"] is True
    other = c.post("/onebot/v11", json=_event(AD, user=3, group=20002)).json()
    assert other.get("delete") is True  # other groups keep the default policy


def test_internal_failure_never_crashes_the_hook(tmp_path: Path, client: TestClient,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing moderator: OneBot fails closed (recorded for review, no silent pass); /v1 says 500 for
    a bug (a retry cannot help) and 503 + Retry-After only when the database is busy."""
    from sqlalchemy.exc import OperationalError

    from copilot.moderation.audit import AuditLog
    from copilot.moderation.pipeline import Moderator

    def boom(self, message, **kw):  # type: ignore[no-untyped-def]
        raise RuntimeError("unexpected")

    monkeypatch.setattr(Moderator, "moderate", boom)
    r = client.post("/onebot/v11", json=_event(AD, user=31, message_id=3101))
    assert r.status_code == 200 and r.json() == {}  # nothing in the group, but not silent:
    logged = AuditLog.from_settings(_settings(tmp_path)).query(group="10001")["items"]
    assert [(i["user_id"], i["action"]) for i in logged] == [("31", "review")] and "审核出错" in logged[0]["reason"]
    (tmp_path / "strict").mkdir()
    strict = TestClient(create_app(_settings(tmp_path / "strict", onebot_on_error="delete")), base_url=LOCAL)
    assert strict.post("/onebot/v11", json=_event(AD, user=32)).json() == {"delete": True}
    r = client.post("/v1/moderate", json={"text": AD})
    assert r.status_code == 500 and "内部错误" in r.json()["error"] and "retry-after" not in r.headers

    def busy(self, message, **kw):  # type: ignore[no-untyped-def]
        raise OperationalError("INSERT …", {}, Exception("database is locked"))

    monkeypatch.setattr(Moderator, "moderate", busy)
    r = client.post("/v1/moderate", json={"text": AD})
    assert r.status_code == 503 and r.headers["retry-after"] == "5" and "稍后重试" in r.json()["error"]

"""The moderation hook over HTTP: ``POST /v1/moderate``, ``POST /onebot/v11``, ``GET /healthz``.

Bodies are parsed by hand (not by FastAPI's automatic validation) so that every malformed request
gets a 400 with a Chinese message naming the problem instead of a 422 or a 500: a bot framework
that receives a 500 may retry forever or drop the hook. OneBot v11 events are verified with
``X-Signature: sha1=<hmac-sha1(secret, raw body)>`` when a secret is configured and answered with
quick operations (delete / ban / kick / reply); with ``onebot_api_url`` set, the actions are sent
to the OneBot HTTP API instead. Group owners and admins are never acted on. Per-group policies
(ladders, exempt users, dry run) come from ``<data_dir>/moderation/policy.yaml`` when it exists.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import threading
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from copilot.config import Settings, get_settings
from copilot.files import UnreadableFile, decode_bytes
from copilot.llm import Engine, get_engine
from copilot.moderation.audit import AuditLog
from copilot.moderation.labels import Action, Label
from copilot.moderation.message import BadMessage, Message, loads, message_from
from copilot.moderation.onebot import BadSegment, event_text
from copilot.moderation.pipeline import Moderator, Verdict
from copilot.moderation.policy import Policy, group_policies
from copilot.profile import GroupProfile, ProfileError, load_profile

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000
MAX_BATCH = 500


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class BadRequest(ValueError):
    """A client error with a Chinese message; becomes a 400 (or the given status)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _decode_body(raw: bytes) -> Any:
    if not raw.strip():
        raise BadRequest("请求体为空，需要 JSON")
    if len(raw) > MAX_BODY:
        raise BadRequest(f"请求体过大（{len(raw)} 字节，上限 {MAX_BODY}）", 413)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = decode_bytes(raw, "请求体")  # GBK/GB18030 bodies from older bot frameworks
        except UnreadableFile as exc:
            raise BadRequest(str(exc)) from None
    try:
        return loads(text, "请求体")
    except BadMessage as exc:
        raise BadRequest(str(exc)) from None


def _same_secret(given: str, expected: str) -> bool:
    """Constant-time comparison of a header with the expected value, on bytes.

    ``hmac.compare_digest`` raises TypeError for non-ASCII str, and a header can carry any byte
    (``sha1=é``): that must be a plain mismatch, not a 500. Starlette decodes header bytes as
    Latin-1, so encoding back to Latin-1 recovers what the client sent; the configured secret is
    UTF-8, so a non-ASCII token sent as UTF-8 still matches.
    """
    try:
        raw = given.encode("latin-1")
    except UnicodeEncodeError:
        raw = given.encode("utf-8", "surrogatepass")
    return hmac.compare_digest(raw, expected.encode("utf-8", "surrogatepass"))


def _message_from(obj: Any, index: int | None) -> Message:
    try:
        return message_from(obj, f"第 {index + 1} 条消息" if index is not None else "消息")
    except BadMessage as exc:
        raise BadRequest(str(exc)) from None


class Moderators:
    """One Moderator per profile file, sharing one audit log; group id → profile from settings."""

    def __init__(self, settings: Settings, engine: Engine | None = None,
                 policies: dict[str, Policy] | None = None) -> None:
        self.settings = settings
        self.audit = AuditLog.from_settings(settings)
        self.engine = engine
        self.policies = policies or {}
        self._by_path: dict[str, Moderator] = {}
        self._profiles: dict[str, GroupProfile | None] = {}
        self.problems: dict[str, str] = {}  # profile path → why it could not be loaded (for /healthz)
        self._lock = threading.Lock()

    def _profile(self, path: str | None) -> GroupProfile | None:
        """The profile at ``path``, loaded once; a broken one is recorded and moderation runs without it."""
        if not path:
            return None
        if path not in self._profiles:
            try:
                self._profiles[path] = load_profile(path)
            except (ProfileError, OSError) as exc:
                log.error("群档案无法加载，按无档案处理（不判断跑题）：%s", exc)
                self.problems[path] = str(exc)
                self._profiles[path] = None
        return self._profiles[path]

    def preload(self) -> None:
        """Load the default profile and every mapped group profile now, so problems show at start."""
        with self._lock:
            for path in {self.settings.default_profile or "", *self.settings.groups.values()}:
                self._profile(str(path) if path else None)

    def health_problems(self) -> list[str]:
        """Chinese descriptions of configuration problems (broken or missing profiles)."""
        out = []
        default = str(self.settings.default_profile or "")
        for path, msg in sorted(self.problems.items()):
            users = (["默认档案"] if path == default else []) + \
                [f"群 {g}" for g, p in self.settings.groups.items() if str(p) == path]
            out.append(f"{'、'.join(users) or '群档案'}（{path}）无法加载，按无档案审核（不判断跑题）：{msg}")
        return out

    def for_group(self, group: str | None) -> Moderator:
        path = self.settings.groups.get(str(group)) if group is not None else None
        path = path or self.settings.default_profile or ""
        gkey = str(group) if group is not None and str(group) in self.policies else ""
        key = f"{path}\x00{gkey}"
        with self._lock:
            mod = self._by_path.get(key)
            if mod is None:
                mod = Moderator(self.settings, self._profile(str(path)), audit=self.audit, engine=self.engine,
                                policy=self.policies.get(gkey))
                self._by_path[key] = mod
            return mod


def quick_operation(v: Verdict) -> dict[str, Any]:
    """OneBot v11 quick operation for a verdict (empty = do nothing)."""
    if v.dry_run or v.exempt or v.action in (Action.NONE, Action.REVIEW):
        return {}
    op: dict[str, Any] = {}
    if v.action in (Action.DELETE, Action.WARN, Action.MUTE, Action.KICK):
        op["delete"] = True
    if v.action == Action.MUTE:
        op["ban"] = True
        op["ban_duration"] = int(v.mute_seconds or 600)
    if v.action == Action.KICK:
        op["kick"] = True
    if v.reply:
        op["reply"] = v.reply
        op["at_sender"] = v.label != Label.OFF_TOPIC
    return op


def _call_onebot_api(settings: Settings, event: dict[str, Any], v: Verdict) -> None:
    """Execute the actions through the OneBot HTTP API (best effort, short timeout, logged)."""
    op = quick_operation(v)
    if not op:
        return
    headers = {}
    if settings.onebot_access_token:
        headers["Authorization"] = f"Bearer {settings.onebot_access_token.get_secret_value()}"
    base = str(settings.onebot_api_url).rstrip("/")
    gid, uid = event.get("group_id"), event.get("user_id")
    calls = []
    if op.get("delete"):
        calls.append(("delete_msg", {"message_id": event.get("message_id")}))
    if op.get("ban"):
        calls.append(("set_group_ban", {"group_id": gid, "user_id": uid, "duration": op["ban_duration"]}))
    if op.get("kick"):
        calls.append(("set_group_kick", {"group_id": gid, "user_id": uid, "reject_add_request": False}))
    if op.get("reply"):
        calls.append(("send_group_msg", {"group_id": gid, "message": op["reply"]}))
    try:
        with httpx.Client(timeout=3.0, headers=headers) as client:
            for action, params in calls:
                client.post(f"{base}/{action}", json=params)
    except httpx.HTTPError as exc:
        log.warning("调用 OneBot API 失败：%s", exc)


def _v1_messages(body: Any) -> list[Message]:
    """The messages of a ``/v1/moderate`` body: one object or a list of at most MAX_BATCH."""
    if not isinstance(body, list):
        return [_message_from(body, None)]
    if not body:
        raise BadRequest("消息列表为空")
    if len(body) > MAX_BATCH:
        raise BadRequest(f"一次最多审核 {MAX_BATCH} 条消息，收到 {len(body)} 条")
    return [_message_from(o, i) for i, o in enumerate(body)]


def _bearer_problem(settings: Settings, request: Request) -> Response | None:
    if settings.api_token is None:
        return None
    expected = f"Bearer {settings.api_token.get_secret_value()}"
    if _same_secret(request.headers.get("authorization", ""), expected):
        return None
    return _error(401, "缺少或错误的访问令牌（Authorization: Bearer <COPILOT_API_TOKEN>）")


def _signature_problem(settings: Settings, request: Request, raw: bytes) -> Response | None:
    if settings.onebot_secret is None:
        return None
    sig = request.headers.get("x-signature")
    if not sig:
        return _error(401, "缺少 X-Signature 签名头")
    mac = hmac.new(settings.onebot_secret.get_secret_value().encode(), raw, hashlib.sha1).hexdigest()
    if not _same_secret(sig.strip().lower(), f"sha1={mac}"):
        return _error(403, "X-Signature 签名校验失败")
    return None


def _onebot_message(event: Any) -> Message | None:
    """The group message in a OneBot v11 event; None for events that are not group messages."""
    if not isinstance(event, dict):
        raise BadRequest("OneBot 事件应为 JSON 对象")
    if "post_type" not in event:
        raise BadRequest("不是 OneBot v11 事件：缺少 post_type 字段")
    if event.get("post_type") != "message" or event.get("message_type") != "group":
        return None
    for key in ("group_id", "user_id"):
        if not isinstance(event.get(key), (int, str)) or isinstance(event.get(key), bool):
            raise BadRequest(f"群消息事件缺少或错误的 {key} 字段")
    try:
        text = event_text(event)
    except BadSegment as exc:
        raise BadRequest(str(exc)) from None
    sender = event.get("sender") if isinstance(event.get("sender"), dict) else {}
    role = sender.get("role") if isinstance(sender.get("role"), str) else None
    ts = float(event["time"]) if isinstance(event.get("time"), (int, float)) else None
    return Message(id=str(event.get("message_id", "")) or None, user=str(event["user_id"]), text=text,
                   group=str(event["group_id"]), role=role, ts=ts)


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """The hook app. ``engine``: an LLM engine for the uncertain band (default: from settings)."""
    settings = settings or get_settings()
    if engine is None and settings.llm_enabled:
        engine = get_engine(settings)
    mods = Moderators(settings, engine, group_policies(settings.data_dir))
    app = FastAPI(title="社群运营 Copilot 审核钩子", version="1")
    app.state.moderators = mods

    mods.preload()

    @app.get("/healthz")
    def healthz() -> Response:
        """``ok`` (200), or ``degraded`` (503) with the problems, e.g. a broken default profile."""
        problems = mods.health_problems()
        body = {"status": "degraded" if problems else "ok",
                "engine": "offline" if engine is None else getattr(engine, "name", "llm"),
                "groups": len(settings.groups), "problems": problems}
        return JSONResponse(body, status_code=503 if problems else 200)

    @app.post("/v1/moderate")
    async def moderate(request: Request) -> Response:
        if (denied := _bearer_problem(settings, request)) is not None:
            return denied
        try:
            body = _decode_body(await request.body())
            msgs = _v1_messages(body)
        except BadRequest as exc:
            return _error(exc.status, str(exc))
        try:
            out = [mods.for_group(m.group).moderate(m).public() for m in msgs]
        except Exception:  # a bug or a broken database must not look like a bad request
            log.exception("审核失败")
            return _error(503, "审核服务暂时出错（已记录日志），请稍后重试；消息未被处置")
        return JSONResponse(out if isinstance(body, list) else out[0])

    @app.post("/onebot/v11")
    async def onebot(request: Request) -> Response:
        raw = await request.body()
        if (denied := _signature_problem(settings, request, raw)) is not None:
            return denied
        try:
            event = _decode_body(raw)
            msg = _onebot_message(event)
        except BadRequest as exc:
            return _error(exc.status, str(exc))
        if msg is None:
            return Response(status_code=204)  # not a group message: nothing to do
        try:
            verdict = mods.for_group(msg.group).moderate(msg)
        except Exception:  # never crash the bot's hook; the message simply passes
            log.exception("审核失败，放行该消息")
            return JSONResponse({})
        if settings.onebot_api_url:
            await asyncio.to_thread(_call_onebot_api, settings, event, verdict)
            return JSONResponse({})
        return JSONResponse(quick_operation(verdict))

    return app

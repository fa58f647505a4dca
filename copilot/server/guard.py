"""What the hook trusts and what it refuses, before any message is read.

- **Host**: only the loopback names, the configured ``host`` and ``allowed_hosts`` (DNS rebinding: a web
  page on an attacker's domain that resolves to 127.0.0.1 must not reach the hook).
- **Cross-site**: a request with an ``Origin`` header (browsers send one, bots do not) is refused unless
  the origin is in ``allowed_origins``; bodies must be ``application/json`` (a page can POST
  ``text/plain`` without a preflight, not JSON).
- **Who**: ``Authorization: Bearer <api_token>`` when a token is set (scheme in any letter case); OneBot
  events with ``X-Signature`` when ``onebot_secret`` is set, else the bearer token.
- **How much**: the body is read in chunks and refused past ``MAX_BODY`` (a 200 MB POST is never held).
- **Where**: binding to a non-loopback address requires a non-empty ``api_token``, and for the UI also
  ``ui_auth`` (:func:`bind_problem`). An empty token is no token, everywhere (:func:`api_token`).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from copilot.config import Settings

MAX_BODY = 1_000_000
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


class BadRequest(ValueError):
    """A client error with a Chinese message; becomes a 400 (or the given status)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def api_token(settings: Settings) -> str | None:
    """The configured access token, or None when there is none: an empty or blank value counts as none
    (``COPILOT_API_TOKEN=`` must not turn into a token that an empty ``Bearer`` header matches)."""
    token = settings.api_token.get_secret_value() if settings.api_token is not None else ""
    return token if token.strip() else None


def bind_problem(host: str, settings: Settings, *, ui: bool = False) -> str | None:
    """Why the hook (and, with ``ui``, the operator UI) must not listen on ``host`` as configured
    (Chinese), or None. A non-loopback bind needs a non-empty token; the UI also needs ``ui_auth``."""
    if is_loopback(host):
        return None
    if api_token(settings) is None:
        return (f"监听 {host} 会让本机以外的人也能调用审核接口，必须先设置非空的访问令牌 COPILOT_API_TOKEN"
                "（机器人调用时带 Authorization: Bearer <令牌>）；只在本机使用请监听 127.0.0.1")
    if ui and not (settings.ui_auth and ":" in settings.ui_auth and settings.ui_auth.split(":", 1)[1]):
        return (f"监听 {host} 会让本机以外的人打开运营界面（可以改群档案、看审核日志），必须先设置界面登录 "
                "COPILOT_UI_AUTH=用户名:密码；只在本机使用请监听 127.0.0.1")
    return None


def allowed_hosts(settings: Settings) -> set[str] | None:
    """Host names the app answers to; None when the operator switched the check off with ``*``."""
    if "*" in settings.allowed_hosts:
        return None
    hosts = {*LOOPBACK_NAMES, *(h.lower() for h in settings.allowed_hosts)}
    if settings.host not in ("0.0.0.0", "::", ""):
        hosts.add(settings.host.lower())
    return hosts


def _host_name(header: str) -> str:
    if header.startswith("["):  # [::1]:8000
        return header[1:].split("]", 1)[0].lower()
    return header.rsplit(":", 1)[0].lower() if header.count(":") == 1 else header.lower()


class HostGuard:
    """ASGI middleware: a request whose Host is not one of ours gets a Chinese 400 (DNS rebinding)."""

    def __init__(self, app: ASGIApp, hosts: set[str] | None) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and self.hosts is not None:
            header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if _host_name(header) not in self.hosts:
                response = error(400, f"不受信任的 Host：{header[:100] or '（空）'}。部署在域名后面时，"
                                      "请把域名加入 COPILOT_ALLOWED_HOSTS")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def same_secret(given: str, expected: str) -> bool:
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


def bearer_ok(settings: Settings, request: Request) -> bool:
    """True when no token is configured, or the request carries it (``Bearer`` in any letter case)."""
    expected = api_token(settings)
    if expected is None:
        return True
    scheme, _, token = request.headers.get("authorization", "").strip().partition(" ")
    return scheme.lower() == "bearer" and bool(token.strip()) and same_secret(token.strip(), expected)


def bearer_problem(settings: Settings, request: Request) -> Response | None:
    if bearer_ok(settings, request):
        return None
    return error(401, "缺少或错误的访问令牌（Authorization: Bearer <COPILOT_API_TOKEN>）")


def onebot_auth_problem(settings: Settings, request: Request, raw: bytes) -> Response | None:
    """X-Signature when a OneBot secret is set; otherwise the bearer token when one is set."""
    if settings.onebot_secret is None:
        return bearer_problem(settings, request)
    sig = request.headers.get("x-signature")
    if not sig:
        return error(401, "缺少 X-Signature 签名头")
    mac = hmac.new(settings.onebot_secret.get_secret_value().encode(), raw, hashlib.sha1).hexdigest()
    if not same_secret(sig.strip().lower(), f"sha1={mac}"):
        return error(403, "X-Signature 签名校验失败")
    return None


def cross_site_problem(settings: Settings, request: Request) -> Response | None:
    """A browser page's request (an Origin we do not know), or a body that is not declared JSON."""
    origin = request.headers.get("origin")
    allowed = {o.rstrip("/") for o in settings.allowed_origins}
    if origin is not None and "*" not in allowed and origin.rstrip("/") not in allowed:
        return error(403, f"不接受来自网页 {origin[:100]} 的请求（跨站调用审核接口）；"
                          "确需从网页调用请把来源加入 COPILOT_ALLOWED_ORIGINS")
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "application/json":
        return error(415, f"请求体应以 Content-Type: application/json 发送（收到 {media or '无'}）")
    return None


async def read_body(request: Request) -> bytes:
    """The request body, refused with 413 as soon as it passes MAX_BODY (never buffered whole)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise BadRequest(f"请求体过大（{int(declared)} 字节，上限 {MAX_BODY}）", 413)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise BadRequest(f"请求体过大（超过上限 {MAX_BODY} 字节）", 413)
        chunks.append(chunk)
    return b"".join(chunks)

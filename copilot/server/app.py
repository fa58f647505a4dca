"""The moderation hook over HTTP: ``POST /v1/moderate``, ``POST /onebot/v11``, ``GET /healthz``.

Bodies are parsed by hand (not by FastAPI's automatic validation) so that every malformed request
gets a 4xx with a Chinese message naming the problem: a bot framework that receives a 5xx may retry
forever. What the hook trusts and refuses is :mod:`copilot.server.guard`; OneBot specifics are
:mod:`copilot.server.onebot`. Moderation runs in worker threads, never on the event loop, so one slow
LLM review cannot stall ``/healthz`` or other requests. Per-group policies come from
``<data_dir>/moderation/policy.yaml`` when it exists.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError

from copilot.config import Settings, get_settings
from copilot.files import decode_record
from copilot.llm import Engine, get_engine
from copilot.moderation.audit import AuditLog
from copilot.moderation.judge import JudgePool
from copilot.moderation.labels import Action, Label
from copilot.moderation.message import BadMessage, Message, loads, message_from
from copilot.moderation.pipeline import Moderator, Verdict, live_time
from copilot.moderation.policy import Policy, group_policies
from copilot.profile import GroupMap, GroupProfile, ProfileError, load_profile, profile_key
from copilot.server.guard import (
    BadRequest,
    HostGuard,
    allowed_hosts,
    api_token,
    bearer_ok,
    bearer_problem,
    cross_site_problem,
    error,
    onebot_auth_problem,
    read_body,
)
from copilot.server.onebot import (
    UnreadableMessage,
    call_api,
    expand_forwards,
    failure_operation,
    join_of,
    message_of,
    quick_operation,
)

log = logging.getLogger(__name__)
MAX_BATCH = 500
RETRY_AFTER_S = 5


# charsets a request may declare besides UTF-8 (older Chinese bot frameworks); GB18030 reads all of them
_GB_CHARSETS = {"gbk", "gb2312", "gb18030", "cp936"}


def _decode_body(raw: bytes, content_type: str = "") -> Any:
    """The JSON of a request body. JSON is UTF-8 unless the request declares a GB charset. A body that
    declares nothing is read like a line of an imported file (:func:`decode_record`): one bad byte
    never re-decodes it in another encoding (an ad in UTF-8 would turn to mojibake and pass) — it
    becomes U+FFFD and the rest is read as sent — but a body with more bad bytes than readable UTF-8
    was sent in GBK by a framework that did not say so, and is read as GB18030 (read as UTF-8 an ad
    would come out as U+FFFD and pass as 正常)."""
    if not raw.strip():
        raise BadRequest("请求体为空，需要 JSON")
    charset = next((p.split("=", 1)[1].strip(' "').lower() for p in content_type.split(";")[1:]
                    if p.strip().lower().startswith("charset=")), None)
    if charset is None:
        text = decode_record(raw)
    else:
        text = raw.decode("gb18030" if charset in _GB_CHARSETS else "utf-8", "replace")
    text = text.removeprefix("\ufeff")
    try:
        return loads(text, "请求体")
    except BadMessage as exc:
        raise BadRequest(str(exc)) from None


def _message_from(obj: Any, index: int | None) -> Message:
    try:
        return message_from(obj, f"第 {index + 1} 条消息" if index is not None else "消息")
    except BadMessage as exc:
        raise BadRequest(str(exc)) from None


# what the hook reads once at start (Moderators.warm): a question, a contact and a price, so every offline layer loads
WARM_TEXT = "周六的活动几点集合？名额还有的话想带朋友一起，费用多少，加我微信 warm2026 说一下"


class Moderators:
    """One Moderator per (profile file version, group policy), sharing one audit log.

    Group id → profile comes from :class:`GroupMap` (copilot.toml ``[groups]`` plus the mapping edited
    in the UI), looked up per message, so a mapping or a profile saved in the UI takes effect at once.
    """

    def __init__(self, settings: Settings, engine: Engine | None = None,
                 policies: dict[str, Policy] | None = None) -> None:
        self.settings = settings
        self.audit = AuditLog.from_settings(settings)
        self.engine = engine
        self.policies = policies or {}
        self.group_map = GroupMap(settings.data_dir, settings.groups)
        # one judge pool for every group: a hung endpoint holds at most moderation_judge_slots threads
        # of this process, so clear messages never wait behind uncertain ones
        self.judge_pool = JudgePool(settings.moderation_judge_slots)
        self._by_key: dict[tuple[str, float, str], Moderator] = {}
        self._profiles: dict[tuple[str, float], GroupProfile | None] = {}
        self.problems: dict[str, str] = {}  # profile path → why it could not be loaded (for /healthz)
        self._lock = threading.Lock()

    @staticmethod
    def _mtime(path: str) -> float:
        try:
            return Path(path).stat().st_mtime
        except OSError:
            return -1.0

    def _profile(self, path: str | None, mtime: float) -> GroupProfile | None:
        """The profile at ``path`` (this version of it); a broken one is recorded and moderation runs without it."""
        if not path:
            return None
        if (path, mtime) not in self._profiles:
            try:
                self._profiles[(path, mtime)] = load_profile(path)
                self.problems.pop(path, None)
            except (ProfileError, OSError) as exc:
                log.error("群档案无法加载，按无档案处理（不判断跑题）：%s", exc)
                self.problems[path] = str(exc)
                self._profiles[(path, mtime)] = None
        return self._profiles[(path, mtime)]

    def preload(self) -> None:
        """Load the default profile and every mapped group profile now, so problems show at start."""
        with self._lock:
            paths = {str(self.settings.default_profile or ""), *self.settings.groups.values()}
            paths |= {self.group_map.path_for(g) or "" for g in self.group_map.ui_entries()}
            for path in paths:
                self._profile(str(path) if path else None, self._mtime(str(path)))

    def warm(self) -> None:
        """Read one sample message with the offline layers of the default profile and every mapped group, so the
        models and word lists load at start — not inside the first real message's deadline (on a loaded machine the
        first request's loading used up its LLM judge's seconds, round 65). ``analyse`` is stateless: nothing is
        written. A failure here is logged and the hook starts anyway (the message that meets it will say why)."""
        groups = [None, *self.settings.groups, *self.group_map.ui_entries()]
        done: set[int] = set()
        for group in groups:
            try:
                mod = self.for_group(group)
                if id(mod) not in done:
                    done.add(id(mod))
                    mod.analyse(WARM_TEXT)
            except Exception as exc:  # noqa: BLE001 — warming must never keep the hook from starting
                log.warning("启动预热失败（群 %s），首条消息时再加载：%s", group, exc)

    def health_problems(self, *, paths: bool = True) -> list[str]:
        """Chinese descriptions of configuration problems (broken or missing profiles, an unreadable UI
        mapping); file paths and loader messages only with ``paths`` (callers that proved they hold the token)."""
        out = []
        default = str(self.settings.default_profile or "")
        mapped: dict[str, list[str]] = {}
        for g, _, _ in self.group_map.rows():
            mapped.setdefault(self.group_map.path_for(g) or "", []).append(f"群 {g}")
        for path, msg in sorted(self.problems.items()):
            users = (["默认档案"] if path == default else []) + sorted(set(mapped.get(path, [])))
            who = "、".join(users) or "群档案"
            out.append(f"{who}（{path}）无法加载，按无档案审核（不判断跑题）：{msg}" if paths
                       else f"{who}的群档案无法加载，按无档案审核（不判断跑题）")
        if (problem := self.group_map.problem()) is not None:
            out.append(problem if paths else "界面里设置的群映射文件无法读取，暂不生效")
        return out

    def for_group(self, group: str | None) -> Moderator:
        path = self.group_map.path_for(group) or str(self.settings.default_profile or "")
        gkey = str(group) if group is not None and str(group) in self.policies else ""
        mtime = self._mtime(path) if path else 0.0
        key = (path, mtime, gkey)
        with self._lock:
            mod = self._by_key.get(key)
            if mod is None:
                profile = self._profile(path or None, mtime)
                mod = Moderator(self.settings, profile, audit=self.audit, engine=self.engine,
                                policy=self.policies.get(gkey), profile_key=profile_key(path, profile),
                                judge_pool=self.judge_pool)
                self._by_key[key] = mod
            return mod

    def record_join(self, group: str, user: str, ts: float | None) -> None:
        """A join notice arrives as the member joins: its own stamp only when live (a replayed or skewed one
        would make a newcomer look long established)."""
        self.audit.record_join(group, user, live_time(ts))


# names bots often send for /v1/moderate's fields (OneBot's and other APIs' spellings)
FIELD_NAMES = {"group_id": "group", "user_id": "user", "message": "text", "content": "text", "message_id": "id",
               "time": "ts", "timestamp": "ts", "card": "nickname"}


def _v1_messages(body: Any) -> list[Message]:
    """The messages of a ``/v1/moderate`` body: one object or a list of at most MAX_BATCH."""
    if not isinstance(body, list):
        return [_message_from(body, None)]
    if not body:
        raise BadRequest("消息列表为空")
    if len(body) > MAX_BATCH:
        raise BadRequest(f"一次最多审核 {MAX_BATCH} 条消息，收到 {len(body)} 条")
    return [_message_from(o, i) for i, o in enumerate(body)]


def _failure_verdict(msg: Message, exc: BaseException) -> Verdict:
    why = str(exc) if isinstance(exc, BadRequest) else type(exc).__name__  # our own Chinese message, or the bug's type
    return Verdict(id=msg.id or "", label=Label.OK, action=Action.REVIEW, score=0.0, rule_ids=[],
                   reason=f"审核出错（{why}），消息没有被自动处置，请管理员人工查看",
                   checks={"error": type(exc).__name__})


def _record_failure(mods: Moderators, msg: Message, exc: BaseException) -> None:
    """Leave the message in the audit log for review; if even that fails, the log line says so."""
    try:
        mods.audit.record(_failure_verdict(msg, exc), group=msg.group or "", user=msg.user or "",
                          message_id=msg.id or "", text=msg.text)
    except Exception:  # noqa: BLE001 - the database may be the very thing that failed
        log.exception("审核出错，且无法写入审核日志：群 %s 用户 %s 消息 %s", msg.group, msg.user, msg.id)


def _moderate_all(mods: Moderators, msgs: list[Message]) -> list[dict[str, Any]]:
    """A batch shares one judge deadline: ten uncertain messages wait for the model no longer than one."""
    deadline = time.monotonic() + mods.settings.moderation_judge_timeout
    return [mods.for_group(m.group).moderate(m, deadline=deadline).public() for m in msgs]


def _setup_warnings(mods: Moderators, body: Any, msgs: list[Message]) -> list[list[str]]:
    """Per message, what a bot author should fix in the request or the set-up (Chinese): fields the hook does not
    read (``group_id`` instead of ``group`` leaves the message without its group's profile, silently otherwise),
    and a group with no profile, so nothing is judged off-topic."""
    objs = body if isinstance(body, list) else [body]
    out = []
    for obj, msg in zip(objs, msgs, strict=True):
        notes = []
        unknown = sorted(k for k in obj if k not in Message.model_fields) if isinstance(obj, dict) else []
        if unknown:
            hint = "".join(f"（{k} 请写成 {FIELD_NAMES[k]}）" for k in unknown if k in FIELD_NAMES)
            notes.append(f"未识别的字段已忽略：{'、'.join(unknown)}{hint}；可用字段：{'、'.join(Message.model_fields)}")
        if not (mods.group_map.path_for(msg.group) or mods.settings.default_profile):
            who = f"群 {msg.group} " if msg.group else "没有 group 字段的消息"
            notes.append(f"{who}没有对应的群档案（copilot.toml 的 [groups] 或界面的群映射），只判广告、刷屏和辱骂，不判断跑题")
        out.append(notes)
    return out


def _health(settings: Settings, mods: Moderators, engine: Engine | None, request: Request) -> Response:
    """``ok`` (200), or ``degraded`` (503) with the problems; file paths only for callers with the token."""
    show_paths = api_token(settings) is not None and bearer_ok(settings, request)
    problems = mods.health_problems(paths=show_paths)
    body = {"status": "degraded" if problems else "ok",
            "engine": "offline" if engine is None else getattr(engine, "name", "llm"),
            "groups": len(mods.group_map.rows()), "problems": problems}
    return JSONResponse(body, status_code=503 if problems else 200)


async def _v1(settings: Settings, mods: Moderators, request: Request) -> Response:
    denied = cross_site_problem(settings, request) or bearer_problem(settings, request)
    if denied is not None:
        return denied
    try:
        body = _decode_body(await read_body(request), request.headers.get("content-type", ""))
        msgs = _v1_messages(body)
    except BadRequest as exc:
        return error(exc.status, str(exc))
    try:
        out = await asyncio.to_thread(_moderate_all, mods, msgs)
    except OperationalError:  # the audit database is busy or unreachable: worth a retry
        log.exception("审核日志暂时不可用")
        return error(503, "审核日志暂时不可用，请稍后重试；消息未被处置", {"Retry-After": str(RETRY_AFTER_S)})
    except Exception:  # a bug: retrying the same message will not help
        log.exception("审核失败")
        return error(500, "审核服务内部错误（已记录日志），消息未被处置")
    for verdict, notes in zip(out, _setup_warnings(mods, body, msgs), strict=True):
        if notes:
            verdict["warnings"] = notes
    return JSONResponse(out if isinstance(body, list) else out[0])


async def _onebot(settings: Settings, mods: Moderators, request: Request) -> Response:
    try:
        raw = await read_body(request)
    except BadRequest as exc:
        return error(exc.status, str(exc))
    denied = onebot_auth_problem(settings, request, raw) or cross_site_problem(settings, request)
    if denied is not None:
        return denied
    try:
        event = _decode_body(raw, request.headers.get("content-type", ""))
        if isinstance(event, dict):
            await expand_forwards(settings, event)
        msg = message_of(event)
        join = join_of(event)
    except UnreadableMessage as exc:  # fail closed: a message we cannot read waits for an admin
        log.warning("群消息读不出文字，转人工复核：群 %s 用户 %s 消息 %s：%s", exc.message.group, exc.message.user,
                    exc.message.id, exc)
        await asyncio.to_thread(_record_failure, mods, exc.message, exc)
        return JSONResponse(failure_operation(settings))
    except BadRequest as exc:
        return error(exc.status, str(exc))
    if join is not None:  # a member joined: their first messages will be judged strictly
        try:
            await asyncio.to_thread(mods.record_join, *join)
        except Exception:  # noqa: BLE001 - a lost join time only makes the member look established
            log.exception("无法记录入群时间：群 %s 用户 %s", join[0], join[1])
        return Response(status_code=204)
    if msg is None:
        return Response(status_code=204)  # not a group message: nothing to do
    try:
        verdict = await asyncio.to_thread(mods.for_group(msg.group).moderate, msg)
    except Exception as exc:  # noqa: BLE001 - fail closed: recorded for review, answered per onebot_on_error
        log.exception("审核失败：群 %s 用户 %s 消息 %s（按 onebot_on_error=%s 处理）", msg.group, msg.user, msg.id,
                      settings.onebot_on_error)
        await asyncio.to_thread(_record_failure, mods, msg, exc)
        return JSONResponse(failure_operation(settings))
    if settings.onebot_api_url:
        await asyncio.to_thread(call_api, settings, event, verdict)
        return JSONResponse({})
    return JSONResponse(quick_operation(verdict))


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """The hook app. ``engine``: an LLM engine for the uncertain band (default: from settings)."""
    settings = settings or get_settings()
    if engine is None and settings.llm_enabled:
        engine = get_engine(settings)
    mods = Moderators(settings, engine, group_policies(settings.data_dir))
    app = FastAPI(title="社群运营 Copilot 审核钩子", version="1")
    app.add_middleware(HostGuard, hosts=allowed_hosts(settings))
    app.state.moderators = mods
    mods.preload()
    mods.warm()

    @app.get("/healthz")
    def healthz(request: Request) -> Response:
        return _health(settings, mods, engine, request)

    @app.post("/v1/moderate")
    async def moderate(request: Request) -> Response:
        return await _v1(settings, mods, request)

    @app.post("/onebot/v11")
    async def onebot(request: Request) -> Response:
        return await _onebot(settings, mods, request)

    return app

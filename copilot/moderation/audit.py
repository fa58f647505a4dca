"""The audit log: every verdict and action, operator feedback and strike counts, durably stored.

SQLAlchemy Core so the same code runs on SQLite (WAL mode, the default, one file under data_dir)
and on PostgreSQL when several hook workers share one log (``COPILOT_DATABASE_URL``). Strikes live
here too, so escalation (2nd ad → mute, 3rd → kick) survives restarts. The UI uses the plain
functions below: :meth:`AuditLog.query`, :meth:`AuditLog.record_feedback`, :meth:`AuditLog.stats`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy import text as sql
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.engine import Engine as SAEngine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from copilot.config import Settings
from copilot.metrics import per_label
from copilot.moderation.labels import LABELS, REMOVED
from copilot.moderation.normalise import fingerprint, normalise

metadata = MetaData()

verdicts = Table(
    "verdicts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("ts", Float, nullable=False, index=True),
    Column("group_id", String(128), nullable=False, default=""),
    Column("user_id", String(128), nullable=False, default=""),
    Column("message_id", String(128), nullable=False, default=""),
    Column("text", Text, nullable=False),
    Column("fingerprint", String(256), nullable=False, default=""),
    Column("label", String(16), nullable=False),
    Column("action", String(16), nullable=False),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("checks", Text, nullable=False),
    Column("rule_ids", Text, nullable=False),
    Column("engine", String(64), nullable=False),
    Column("dry_run", Integer, nullable=False, default=0),
    Column("strike", Integer, nullable=False, default=0),
    # the profile (its group_id or file name) that judged the message: feedback on this verdict
    # teaches that profile's groups only
    Column("profile_key", String(128), nullable=False, default="", server_default=""),
    # when the message was sent (the bot's timestamp), if known: a backlog delivered after a reconnect
    # is judged in a burst, but it was not sent in one
    Column("msg_ts", Float, nullable=True),
    # the name members see (Message.shown_name: the group card or nickname the bot sent, else a user field that is a name;
    # shown beside the id; the moderator reads it as evidence
    # only beside a message that points at it: Moderator._sender_layer)
    Column("nickname", String(128), nullable=False, default="", server_default=""),
    Index("ix_verdicts_group_ts", "group_id", "ts"),
    Index("ix_verdicts_group_msg", "group_id", "message_id"),
    Index("ix_verdicts_group_user_ts", "group_id", "user_id", "ts"),
    Index("ix_verdicts_group_fp_ts", "group_id", "fingerprint", "ts"),
)

feedback = Table(
    "feedback",
    metadata,
    Column("verdict_id", String(64), primary_key=True),
    Column("ts", Float, nullable=False),
    Column("predicted", String(16), nullable=False),
    Column("correct", String(16), nullable=False),
    Column("group_id", String(128), nullable=False, default=""),
    Column("text", Text, nullable=False),
    Column("fingerprint", String(256), nullable=False, default="", index=True),
    Column("profile_key", String(128), nullable=False, default="", server_default="", index=True),
    # "review": an operator corrected or confirmed a verdict; "import": a group's labelled history
    Column("source", String(16), nullable=False, default="review", server_default="review"),
)

strikes = Table(
    "strikes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ts", Float, nullable=False),
    Column("group_id", String(128), nullable=False),
    Column("user_id", String(128), nullable=False),
    Column("label", String(16), nullable=False),
    Column("verdict_id", String(64), nullable=False),
    # 1: the ad's only evidence was a way to reach the writer (a contact, 加我/私我, the classifier, the sender's name):
    # it escalates only a later ad with more to it, and does not put the member on trial (Moderator._moderate)
    Column("soft", Integer, nullable=False, default=0, server_default="0"),
    Index("ix_strikes_who", "group_id", "user_id", "label", "ts"),
)
# a hard strike escalates on the ladder; a soft one (an ad whose only evidence is a way to reach the writer) does not
_HARD_STRIKE = strikes.c.soft == 0


# Who is new in a group: join time from the bot's join notices (OneBot group_increase), else the first
# message seen; ok_count = messages judged ok (a member's record of approved messages)
members = Table(
    "members",
    metadata,
    Column("group_id", String(128), primary_key=True),
    Column("user_id", String(128), primary_key=True),
    Column("joined_ts", Float, nullable=True),
    Column("first_seen", Float, nullable=True),
    Column("messages", Integer, nullable=False, default=0),
    Column("ok_count", Integer, nullable=False, default=0),
)

# columns added after the first release: (table, column, SQL type and default) for older logs
_ADDED_COLUMNS = [
    ("verdicts", "profile_key", "VARCHAR(128) NOT NULL DEFAULT ''"),
    ("verdicts", "msg_ts", "FLOAT"),
    ("verdicts", "nickname", "VARCHAR(128) NOT NULL DEFAULT ''"),
    ("feedback", "profile_key", "VARCHAR(128) NOT NULL DEFAULT ''"),
    ("feedback", "source", "VARCHAR(16) NOT NULL DEFAULT 'review'"),
    ("strikes", "soft", "INTEGER NOT NULL DEFAULT 0"),
]


deliveries = Table(
    "deliveries",
    metadata,
    # sha256 of (group, message id, user, fingerprint): the database, not a process-local lock,
    # decides which of two hook workers judging the same re-delivered message gets to record it
    Column("key", String(64), primary_key=True),
    Column("verdict_id", String(64), nullable=False),
)


# The statements read for every message, built once with bound parameters: building one per call (its clauses coerced,
# its cache key generated) cost more CPU than running it. The same SQL and the same values as a statement built per call.
_FIND_MESSAGE = (select(verdicts).where(verdicts.c.group_id == bindparam("g"), verdicts.c.message_id == bindparam("mid"),
                                        verdicts.c.user_id == bindparam("u"), verdicts.c.fingerprint == bindparam("fp"))
                 .order_by(verdicts.c.ts).limit(20))
_USER_RECENT = select(func.coalesce(verdicts.c.msg_ts, verdicts.c.ts), verdicts.c.fingerprint).where(
    verdicts.c.group_id == bindparam("g"), verdicts.c.user_id == bindparam("u"), verdicts.c.ts >= bindparam("since"))
_OTHERS_SAME_TEXT = select(func.count(func.distinct(verdicts.c.user_id))).where(
    verdicts.c.group_id == bindparam("g"), verdicts.c.fingerprint == bindparam("fp"), verdicts.c.ts >= bindparam("since"),
    verdicts.c.user_id != bindparam("u"), verdicts.c.user_id != "")

_LAST_STRIKE = (select(func.max(strikes.c.ts))
                .select_from(strikes.join(verdicts, verdicts.c.id == strikes.c.verdict_id))
                .where(strikes.c.group_id == bindparam("g"), strikes.c.user_id == bindparam("u"),
                       strikes.c.ts >= bindparam("since"), _HARD_STRIKE, verdicts.c.action.in_(sorted(REMOVED))))
_INSERT_VERDICT = insert(verdicts)  # its columns are those of the row passed
_MEMBER = select(members).where(members.c.group_id == bindparam("g"), members.c.user_id == bindparam("u"))


def delivery_key(group: str, message_id: str, user: str, text: str) -> str:
    # the whole normalised text, not the 256-char fingerprint: two long notices that start the
    # same under a reused id are two messages
    raw = "\x1f".join([str(group or ""), str(message_id), str(user or ""), normalise(text or "").digits])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


_instances: dict[str, AuditLog] = {}
_instances_lock = threading.Lock()


class AuditError(ValueError):
    """A user-facing problem with an audit operation (unknown verdict id, bad label …)."""


def joined_member(when: float) -> dict[str, Any]:
    """The member row :meth:`AuditLog.record_join` inserts for a member the log has never seen: joined at ``when``,
    no message yet (a dry run reads the same row without writing it: ``pipeline._with_join``)."""
    return {"joined_ts": when, "first_seen": None, "messages": 0, "ok_count": 0}


class AuditLog:
    """One audit database. Thread-safe for the hook (SQLAlchemy pool + SQLite WAL)."""

    def __init__(self, url: str) -> None:
        self.url = url
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine: SAEngine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            @event.listens_for(self.engine, "connect")
            def _wal(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
                cur = dbapi_conn.cursor()
                # switching to WAL needs a moment alone with the file, and SQLite does not wait for
                # it (no busy handler): several workers opening a new log at once retry here
                for attempt in range(100):
                    try:
                        cur.execute("PRAGMA journal_mode=WAL")
                        break
                    except sqlite3.OperationalError as exc:
                        if "locked" not in str(exc) or attempt == 99:
                            raise
                        time.sleep(0.05)
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.close()
        self._create_schema()
        self._fb_cache: dict[tuple[str, str], str] | None = None
        self._fb_version: tuple[int, float] = (0, 0.0)
        self._fb_checked = 0.0
        self._lock = threading.Lock()

    def _create_schema(self, attempts: int = 5) -> None:
        """Tables and indexes, also on logs made by an older version.

        Several hook workers start at once (``copilot serve --workers N``) and all check-then-create
        the same tables; the loser of that race sees "already exists", which is success.
        """
        for attempt in range(attempts):
            try:
                metadata.create_all(self.engine)
                self._add_columns()
                for table in (verdicts, feedback):  # logs created before an index was added get it now
                    for index in table.indexes:
                        index.create(self.engine, checkfirst=True)
                return
            except (OperationalError, ProgrammingError, IntegrityError) as exc:
                msg = str(exc).lower()
                if not any(w in msg for w in ("exist", "duplicate", "locked")) or attempt == attempts - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))

    def _add_columns(self) -> None:
        """Columns newer than the log: ALTER TABLE ADD COLUMN (another worker may win the race)."""
        have = {t: {c["name"] for c in inspect(self.engine).get_columns(t)} for t in {t for t, _, _ in _ADDED_COLUMNS}}
        for table, column, ddl in _ADDED_COLUMNS:
            if column not in have[table]:
                with self.engine.begin() as conn:
                    conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}")

    @classmethod
    def from_settings(cls, settings: Settings) -> AuditLog:
        """The configured audit log, one shared instance per database URL in this process."""
        if settings.database_url:
            url = settings.database_url
        else:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            url = f"sqlite:///{settings.data_dir / 'moderation.sqlite'}"
        with _instances_lock:
            log = _instances.get(url)
            if log is None:
                log = _instances[url] = cls(url)
            return log

    @classmethod
    def existing(cls, settings: Settings) -> AuditLog | None:
        """The configured audit log when there is one to read — a database URL, or the SQLite file already
        exists — else None. A test run (dry run) reads strikes and feedback but must not create a file."""
        if not settings.database_url and not (settings.data_dir / "moderation.sqlite").exists():
            return None
        return cls.from_settings(settings)

    # -- writing -------------------------------------------------------------------------------
    def record(self, verdict: Any, *, group: str = "", user: str = "", message_id: str = "", text: str = "",
               strike: bool = False, claim: bool = False, msg_ts: float | None = None,
               nickname: str = "", credit: bool = True) -> dict[str, Any] | None:
        """Store a verdict (and a strike when an action was taken for a violation).

        ``credit``: an ok verdict adds to the member's record of approved messages (``ok_count``); False for a
        member still inside the window of a recent strike, whose ok messages earn no trust until it passes.

        With ``claim`` (the message carries the bot's own id) the write also claims the delivery
        key in the same transaction. If another worker already recorded this message, nothing is
        written and that worker's stored verdict is returned, so a retry racing the first delivery
        across processes still adds no second strike. Returns None when this call's verdict was
        stored.
        """
        now = time.time()
        row = _verdict_row(verdict, group, user, message_id, text, now, msg_ts, nickname)
        key = delivery_key(group, message_id, user, text) if claim and message_id else None
        try:
            self._write(row, verdict, group, user, now, strike, key, credit)
        except IntegrityError:
            if key is not None:
                with self.engine.connect() as conn:
                    first = conn.execute(select(deliveries.c.verdict_id).where(deliveries.c.key == key)).scalar()
                if first is not None and first != verdict.verdict_id:
                    stored = self.get(first)
                    if stored is not None:
                        return stored
            # the same verdict recorded again (a retry of this very call): keep the latest
            with self.engine.begin() as conn:
                conn.execute(verdicts.update().where(verdicts.c.id == verdict.verdict_id).values(**row))
        return None

    def _write(self, row: dict[str, Any], verdict: Any, group: str, user: str, now: float, strike: bool,
               key: str | None, credit: bool) -> None:
        with self.engine.begin() as conn:
            self._insert(conn, row, verdict, group, user, now, strike, key, credit)

    @staticmethod
    def _insert(conn: Connection, row: dict[str, Any], verdict: Any, group: str, user: str, now: float,
                strike: bool, key: str | None, credit: bool = True, soft: bool = False) -> None:
        if key is not None:  # first, so a lost race writes nothing at all
            conn.execute(insert(deliveries).values(key=key, verdict_id=verdict.verdict_id))
        conn.execute(_INSERT_VERDICT, row)
        if strike and user:
            conn.execute(insert(strikes).values(ts=now, group_id=str(group or ""), user_id=str(user),
                                                label=verdict.label, verdict_id=verdict.verdict_id, soft=int(soft)))
        if user:
            _touch_member(conn, str(group or ""), str(user), now, ok=credit and verdict.label == "ok")

    def record_join(self, group: str, user: str, ts: float | None = None) -> None:
        """A member joined (OneBot ``notice.group_increase``): their first messages are judged strictly.

        A re-join restarts the clock; the member's earlier record of approved messages is kept.
        """
        when = float(ts or time.time())
        with self.engine.begin() as conn:
            _upsert_member(conn, str(group or ""), str(user), joined_member(when), {"joined_ts": when})

    def group_since(self, group: str) -> float | None:
        """When the log first saw anyone in this group (None for a group never seen)."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.min(func.coalesce(members.c.first_seen, members.c.joined_ts)))
                                .where(members.c.group_id == str(group or ""))).scalar()

    def member(self, group: str, user: str) -> dict[str, Any] | None:
        """The member's record in this group: joined_ts, first_seen, messages, ok_count (None if never seen)."""
        with self.engine.connect() as conn:
            row = conn.execute(_MEMBER, {"g": str(group or ""), "u": str(user)}).mappings().first()
        return dict(row) if row else None

    @contextmanager
    def strike_transaction(self, group: str, user: str) -> Iterator[StrikeTransaction]:
        """One transaction holding the (group, user) strike lock: count the member's strikes, decide,
        record the verdict and the new strike, with no other worker in between.

        SQLite takes the database write lock at BEGIN (IMMEDIATE); PostgreSQL takes a transaction
        advisory lock on the (group, user) pair, so other members are not held up.
        """
        with self.engine.connect() as conn, conn.begin():
            if self.engine.dialect.name == "sqlite":
                # the driver begins transactions lazily (before the first write); take the write lock now
                # so two workers cannot both count N strikes and both write strike N+1
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            elif self.engine.dialect.name == "postgresql":
                conn.execute(sql("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(group, user)})
            yield StrikeTransaction(self, conn, str(group or ""), str(user or ""))

    def find_message(self, group: str, message_id: str, user: str, text: str) -> dict[str, Any] | None:
        """The stored verdict of this exact message if it was already judged, else None.

        Bots retry a hook call on timeout (OneBot clients do), so the same message can arrive
        twice; judging it again would add a strike and escalate a first offence to a kick. A
        message is "the same" when group, message id, user and normalised text all match: a
        client that reuses ids (``1``, ``2``… in every batch file) for different texts still gets
        them judged.
        """
        if not message_id:
            return None
        with self.engine.connect() as conn:
            rows = conn.execute(_FIND_MESSAGE, {"g": str(group or ""), "mid": str(message_id), "u": str(user or ""),
                                                "fp": fingerprint(text)}).mappings().all()
        # the fingerprint keeps 256 characters; long texts are compared whole
        full = normalise(text or "").digits
        row = next((r for r in rows if len(full) <= 256 or normalise(r["text"] or "").digits == full), None)
        return _row(row) if row else None

    def recent_activity(self, group: str, user: str, text: str, *, live: bool = True) -> dict[str, int]:
        """Earlier traffic in the log for the flood check, as seen by every process.

        The in-memory flood tracker forgets on restart and is per process (one CLI run per
        message, several hook workers each seeing only its share of the group), so a flood or a
        copy-paste campaign split across workers would stay under the thresholds without this.
        ``repeats_5min``: earlier copies of this normalised text by ``user``; ``burst_10s``: their
        messages in the last 10 s; ``other_users_same_text``: other accounts that posted this text
        in the last 10 min. All zero unless ``live``: the log's clock is the time of judging, which
        says nothing about the pace of a replayed export (its own timestamps do, in memory). Rows
        carry the message's own time when the bot sent one, and that is what counts: a backlog
        delivered after a reconnect is judged in one burst but was not sent in one.
        """
        now = time.time()
        g, fp = str(group or ""), fingerprint(text)
        out = {"repeats_5min": 0, "burst_10s": 0, "other_users_same_text": 0}
        with self.engine.connect() as conn:
            if user and live:  # one indexed range scan (group, user, ts) gives both per-user counts
                rows = conn.execute(_USER_RECENT, {"g": g, "u": str(user), "since": now - 300}).all()
                rows = [(t, f) for t, f in rows if t >= now - 300]
                out["repeats_5min"] = sum(1 for _, f in rows if f == fp)
                out["burst_10s"] = sum(1 for t, _ in rows if t >= now - 10)
            if live and len(fp) >= 8:
                out["other_users_same_text"] = int(conn.execute(
                    _OTHERS_SAME_TEXT, {"g": g, "fp": fp, "since": now - 600, "u": str(user or "")}).scalar_one())
        return out

    def count_strikes(self, group: str, user: str, label: str, window_days: float, *, hard_only: bool = False) -> int:
        """How many times ``user`` was acted on for ``label`` in ``group`` within the window (``hard_only``: leaving out
        the soft strikes of ads that only gave a way to reach the writer)."""
        since = time.time() - window_days * 86400
        with self.engine.connect() as conn:
            return int(conn.execute(*_strike_count(str(group or ""), str(user), label, since, hard_only)).scalar_one())

    def struck(self, group: str, user: str, label: str, window_days: float) -> list[tuple[str, bool, str, str]]:
        """The messages of ``user`` in ``group`` that earned a strike for ``label`` within the window, newest first: each
        as its fingerprint (:func:`fingerprint`), whether the strike was soft (the ad only gave a way to reach the
        writer), its text and its shown name. Moderator._repeat_layer reads them: an invitation again after such a
        strike continues the pitch, and so does the same handle again (a bare handle, 滴滴 + handle, the handle moved
        into the name)."""
        since = time.time() - window_days * 86400
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(verdicts.c.fingerprint, strikes.c.soft, verdicts.c.text, verdicts.c.nickname)
                .select_from(strikes.join(verdicts, verdicts.c.id == strikes.c.verdict_id))
                .where(*_strike_where(str(group or ""), str(user), label, since))
                .order_by(strikes.c.ts.desc()).limit(50)
            ).all()
        return [(str(fp or ""), bool(soft), str(text or ""), str(nick or "")) for fp, soft, text, nick in rows]

    def last_strike(self, group: str, user: str, window_days: float) -> float | None:
        """When ``user``'s message was last deleted, or ``user`` muted or kicked, for a violation in ``group`` within the
        window (None: not in it). A remind or a warning is a strike for the ladder but not here, and neither is a soft
        strike (an ad that only gave a way to reach the writer: a member's answer with their WeChat id deleted by mistake
        must not put their later messages on trial)."""
        since = time.time() - window_days * 86400
        with self.engine.connect() as conn:
            return conn.execute(_LAST_STRIKE, {"g": str(group or ""), "u": str(user), "since": since}).scalar()

    def record_feedback(self, verdict_id: str, correct_label: str) -> dict[str, Any]:
        """Mark a verdict wrong (or confirm it): it becomes a labelled sample for learning and stats.

        Later messages with the same normalised text get the corrected label at once (the
        ``feedback`` layer); ``copilot moderation-retrain`` folds all samples into the classifier.
        """
        if correct_label not in LABELS:
            raise AuditError(f"标签 {correct_label!r} 无效，可选：{' / '.join(LABELS)}")
        with self.engine.begin() as conn:
            row = conn.execute(select(verdicts).where(verdicts.c.id == verdict_id)).mappings().first()
            if row is None:
                raise AuditError(f"找不到审核记录 {verdict_id}")
            earlier = conn.execute(select(feedback.c.correct).where(feedback.c.verdict_id == verdict_id)).scalar()
            _recount_approved(conn, row, earlier or row["label"], correct_label)
            conn.execute(feedback.delete().where(feedback.c.verdict_id == verdict_id))
            conn.execute(insert(feedback).values(
                verdict_id=verdict_id, ts=time.time(), predicted=row["label"], correct=correct_label,
                group_id=row["group_id"], text=row["text"], fingerprint=row["fingerprint"],
                profile_key=row["profile_key"] or "", source="review"))
        with self._lock:
            self._fb_cache = None
        return {"verdict_id": verdict_id, "predicted": row["label"], "correct": correct_label,
                "profile_key": row["profile_key"] or ""}

    def prune(self, older_than_days: float) -> dict[str, int]:
        """Delete verdicts, delivery claims and strikes older than the cutoff; keep feedback.

        The log grows with every message a bot sends through the hook; operators keep a few months.
        Feedback rows hold their own text, so the learning samples and the feedback quality stats
        survive pruning. Strikes older than the cutoff stop counting towards escalation, which is
        why the CLI refuses a cutoff inside a policy window.
        """
        if older_than_days <= 0:
            raise AuditError("保留天数必须大于 0")
        cutoff = time.time() - older_than_days * 86400
        with self.engine.begin() as conn:
            old_ids = select(verdicts.c.id).where(verdicts.c.ts < cutoff)
            n_deliveries = conn.execute(deliveries.delete().where(deliveries.c.verdict_id.in_(old_ids))).rowcount
            n_strikes = conn.execute(strikes.delete().where(strikes.c.ts < cutoff)).rowcount
            n_verdicts = conn.execute(verdicts.delete().where(verdicts.c.ts < cutoff)).rowcount
        return {"verdicts": int(n_verdicts or 0), "deliveries": int(n_deliveries or 0), "strikes": int(n_strikes or 0),
                "cutoff": datetime.fromtimestamp(cutoff, tz=timezone.utc).isoformat(timespec="seconds")}

    # -- reading -------------------------------------------------------------------------------
    def feedback_label(self, text: str, profile_key: str = "") -> str | None:
        """The label operators gave a message with this normalised text in this profile's groups, if any.

        Feedback is per profile: marking a text ``ok`` in a book club does not let it through in a
        group-buy group. Only operators' own corrections count here; an imported history trains the
        group's model (and is only used once cross-validation shows it helps), it is not replayed text
        by text.
        """
        with self._lock:
            now = time.time()
            if self._fb_cache is not None and now - self._fb_checked > FEEDBACK_REFRESH_S:
                # another process (`copilot feedback`, the UI) may have added corrections
                self._fb_checked = now
                if self._feedback_version() != self._fb_version:
                    self._fb_cache = None
            if self._fb_cache is None:
                with self.engine.connect() as conn:
                    rows = conn.execute(select(feedback.c.profile_key, feedback.c.fingerprint, feedback.c.correct)
                                        .where(feedback.c.source == "review").order_by(feedback.c.ts)).all()
                self._fb_cache = {(k or "", fp): lab for k, fp, lab in rows if fp}
                self._fb_version, self._fb_checked = self._feedback_version(), now
            cache = self._fb_cache
        return cache.get((profile_key or "", fingerprint(text))) if cache else None

    def _feedback_version(self) -> tuple[int, float]:
        with self.engine.connect() as conn:
            n, latest = conn.execute(select(func.count(), func.max(feedback.c.ts))).one()
        return int(n or 0), float(latest or 0.0)

    def forget_imports(self, profile_key: str) -> int:
        """Delete the imported history of one profile (operators' own corrections stay); returns how many."""
        with self.engine.begin() as conn:
            n = conn.execute(feedback.delete().where(feedback.c.profile_key == profile_key,
                                                     feedback.c.source == "import")).rowcount
        with self._lock:
            self._fb_cache = None
        return int(n or 0)

    def feedback_samples(self, profile_key: str | None = None) -> list[tuple[str, str]]:
        """(text, correct label) pairs from feedback and imports, oldest first; one profile's, or all."""
        q = select(feedback.c.text, feedback.c.correct).order_by(feedback.c.ts)
        if profile_key is not None:
            q = q.where(feedback.c.profile_key == profile_key)
        with self.engine.connect() as conn:
            return [(t, lab) for t, lab in conn.execute(q)]

    def labelled_history(self, profile_key: str) -> list[tuple[str, str, str]]:
        """(text, label, source) of one profile's feedback, oldest first; source ``import`` or ``review``."""
        q = select(feedback.c.text, feedback.c.correct, feedback.c.source).where(
            feedback.c.profile_key == profile_key).order_by(feedback.c.ts)
        with self.engine.connect() as conn:
            return [(t, lab, src or "review") for t, lab, src in conn.execute(q)]

    def feedback_scopes(self) -> list[str]:
        """The profile keys that have feedback or imported examples (not the profile-less "")."""
        with self.engine.connect() as conn:
            keys = conn.execute(select(feedback.c.profile_key).distinct()).scalars().all()
        return sorted(k for k in keys if k)

    def import_examples(self, profile_key: str, examples: list[tuple[str, str]]) -> dict[str, int]:
        """Store a group's labelled history as that profile's feedback: (text, label) pairs.

        One row per distinct normalised text per profile: importing the same file twice, or a text
        that an operator already labelled, keeps the latest label instead of counting it twice.
        """
        if not profile_key:
            raise AuditError("导入标注需要指定群档案（-p），标注只作用于该档案对应的群")
        bad = sorted({lab for _, lab in examples if lab not in LABELS})
        if bad:
            raise AuditError(f"标签 {'、'.join(bad)} 无效，可选：{' / '.join(LABELS)}")
        now = time.time()
        latest: dict[str, tuple[str, str]] = {}
        for text, lab in examples:
            if text.strip():
                latest[fingerprint(text)] = (text, lab)
        added = replaced = 0
        with self.engine.begin() as conn:
            for fp, (text, lab) in latest.items():
                if not fp:
                    continue
                old = conn.execute(feedback.delete().where(feedback.c.profile_key == profile_key,
                                                           feedback.c.fingerprint == fp)).rowcount
                replaced += bool(old)
                added += not old
                vid = "import-" + hashlib.sha256(f"{profile_key}\x1f{fp}".encode()).hexdigest()[:24]
                conn.execute(insert(feedback).values(
                    verdict_id=vid, ts=now, predicted="", correct=lab, group_id="", text=text, fingerprint=fp,
                    profile_key=profile_key, source="import"))
        with self._lock:
            self._fb_cache = None
        return {"added": added, "replaced": replaced}

    def unreviewed(self, profile_key: str, *, group: str | None = None, limit: int = 5000) -> list[dict[str, Any]]:
        """The profile's latest live verdicts (no test runs) that no operator has labelled yet, newest first.

        Only verdicts judged with this profile: the admin of one group is never asked about another's.
        """
        conds = [verdicts.c.profile_key == str(profile_key), verdicts.c.dry_run == 0, feedback.c.verdict_id.is_(None)]
        if group:
            conds.append(verdicts.c.group_id == str(group))
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(verdicts).select_from(verdicts.outerjoin(feedback, feedback.c.verdict_id == verdicts.c.id))
                .where(*conds).order_by(verdicts.c.ts.desc()).limit(max(1, int(limit)))
            ).mappings().all()
        return [_row(r) | {"fingerprint": r["fingerprint"]} for r in rows]

    def labelled_fingerprints(self, profile_key: str) -> set[str]:
        """Normalised texts this profile already has a label for (imported or given by an operator)."""
        with self.engine.connect() as conn:
            return set(conn.execute(select(feedback.c.fingerprint)
                                    .where(feedback.c.profile_key == str(profile_key))).scalars())

    def get(self, verdict_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(verdicts).where(verdicts.c.id == verdict_id)).mappings().first()
        return _row(row) if row else None

    def query(
        self,
        *,
        group: str | None = None,
        label: str | None = None,
        action: str | None = None,
        since: datetime | float | None = None,
        until: datetime | float | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> dict[str, Any]:
        """Verdicts newest first, filtered by group/label/action/time range, paginated.

        Returns ``{"total": n, "items": [...]}`` so a UI can show page counts.
        """
        conds = []
        if group:
            conds.append(verdicts.c.group_id == str(group))
        if label:
            conds.append(verdicts.c.label == label)
        if action:
            conds.append(verdicts.c.action == action)
        if since is not None:
            conds.append(verdicts.c.ts >= _ts(since))
        if until is not None:
            conds.append(verdicts.c.ts < _ts(until))
        limit = max(1, min(int(limit), 1000))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(verdicts).where(*conds)).scalar_one()
            rows = conn.execute(
                select(verdicts, feedback.c.correct)
                .select_from(verdicts.outerjoin(feedback, feedback.c.verdict_id == verdicts.c.id))
                .where(*conds).order_by(verdicts.c.ts.desc()).limit(limit).offset(max(0, int(offset)))
            ).mappings().all()
        return {"total": int(total), "items": [_row(r) for r in rows]}

    def stats(self, group: str | None = None, days: int = 30) -> dict[str, Any]:
        """Per-day counts by label, and precision/recall per label from operator feedback.

        Feedback covers only the verdicts an operator looked at, so the figures say how often the
        reviewed verdicts were right (precision) and how many true cases the bot caught (recall)
        among them; ``reviewed`` says how many that is.
        """
        since = time.time() - days * 86400
        conds = [verdicts.c.ts >= since] + ([verdicts.c.group_id == str(group)] if group else [])
        with self.engine.connect() as conn:
            rows = conn.execute(select(verdicts.c.ts, verdicts.c.label, verdicts.c.action).where(*conds)).all()
            fconds = [feedback.c.ts >= since, feedback.c.source == "review"] + \
                ([feedback.c.group_id == str(group)] if group else [])
            fb = conn.execute(select(feedback.c.predicted, feedback.c.correct, feedback.c.ts).where(*fconds)).all()
        per_day: dict[str, dict[str, int]] = {}
        by_label: dict[str, int] = {}
        by_action: dict[str, int] = {}
        for ts, label, action in rows:
            day = datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%d")
            per_day.setdefault(day, {}).setdefault(label, 0)
            per_day[day][label] += 1
            by_label[label] = by_label.get(label, 0) + 1
            by_action[action] = by_action.get(action, 0) + 1

        # the same figures per ISO week, so operators see whether corrections and retraining help
        weeks: dict[str, list[tuple[str, str]]] = {}
        for p, c, ts in fb:
            week = datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%G-W%V")
            weeks.setdefault(week, []).append((p, c))
        return {"group": group, "days": days, "total": len(rows), "by_label": by_label, "by_action": by_action,
                "per_day": dict(sorted(per_day.items())), "reviewed": len(fb),
                "feedback_quality": _quality([(p, c) for p, c, _ in fb]),
                "feedback_quality_by_week": {w: _quality(pairs) for w, pairs in sorted(weeks.items())}}


def _quality(pairs: list[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """Per-label precision/recall of (predicted, corrected) pairs from operator feedback."""
    figures = per_label([c for _, c in pairs], [p for p, _ in pairs], LABELS)
    return {lab: {k: f[k] for k in ("precision", "recall", "tp", "fp", "fn")} for lab, f in figures.items()}


def _verdict_row(verdict: Any, group: str, user: str, message_id: str, text: str, now: float,
                 msg_ts: float | None = None, nickname: str = "") -> dict[str, Any]:
    return dict(
        id=verdict.verdict_id, ts=now, group_id=str(group or ""), user_id=str(user or ""),
        message_id=str(message_id or verdict.id or ""), text=text, fingerprint=fingerprint(text),
        label=verdict.label, action=verdict.action, score=float(verdict.score), reason=verdict.reason,
        checks=json.dumps(verdict.checks, ensure_ascii=False), rule_ids=json.dumps(verdict.rule_ids),
        engine=verdict.engine, dry_run=int(bool(verdict.dry_run)), strike=int(verdict.strike or 0),
        profile_key=str(getattr(verdict, "profile_key", "") or ""), msg_ts=msg_ts, nickname=str(nickname or "")[:128],
    )


def _upsert_member(conn: Connection, group: str, user: str, new: dict[str, Any], on_conflict: dict[str, Any]) -> None:
    """Insert the member row ``new``, or apply ``on_conflict`` to the existing one, atomically."""
    dialect = conn.dialect.name
    if dialect in _UPSERT:
        stmt = _UPSERT[dialect](members).values(group_id=group, user_id=user, **new)
        conn.execute(stmt.on_conflict_do_update(index_elements=["group_id", "user_id"], set_=on_conflict))
        return
    # other databases: update, else insert (two workers racing on a brand-new member may lose one count)
    if not conn.execute(update(members).where(members.c.group_id == group, members.c.user_id == user)
                        .values(**on_conflict)).rowcount:
        conn.execute(insert(members).values(group_id=group, user_id=user, **new))


def _touch_member(conn: Connection, group: str, user: str, now: float, *, ok: bool) -> None:
    """Count one more message (and one more approved one when ``ok``) for the member; first seen now."""
    if (stmt := _touch_upsert(conn.dialect.name, ok)) is not None:  # the upsert below, built once
        conn.execute(stmt, {"g": group, "u": user, "now": now, "now_seen": now})
        return
    _upsert_member(conn, group, user, *_touch_values(ok, now, now))


def _touch_values(ok: bool, first_seen: Any, seen: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """:func:`_touch_member`'s new row and its update of an existing one (values or bound parameters)."""
    return ({"joined_ts": None, "first_seen": first_seen, "messages": 1, "ok_count": int(ok)},
            {"messages": members.c.messages + 1, "ok_count": members.c.ok_count + int(ok),
             "first_seen": func.coalesce(members.c.first_seen, seen)})


@lru_cache(maxsize=8)
def _touch_upsert(dialect: str, ok: bool) -> Any:
    """:func:`_touch_member`'s upsert on a database that has one (``_UPSERT``), with bound parameters, built once per
    dialect and ``ok``: the statement :func:`_upsert_member` builds per call for the same values."""
    if dialect not in _UPSERT:
        return None
    new, on_conflict = _touch_values(ok, bindparam("now"), bindparam("now_seen"))
    stmt = _UPSERT[dialect](members).values(group_id=bindparam("g"), user_id=bindparam("u"), **new)
    return stmt.on_conflict_do_update(index_elements=["group_id", "user_id"], set_=on_conflict)


def _recount_approved(conn: Connection, row: Any, was: str, now_label: str) -> None:
    """An admin's correction moves the member's record of approved messages with it: an ok verdict corrected to a
    violation (a disguised ad that passed) stops counting as approved, and a violation corrected to ok starts to —
    unless the message came inside a strike's window, when it earned no trust in the first place."""
    delta = int(now_label == "ok") - int(was == "ok")
    if not delta or not row["user_id"] or (json.loads(row["checks"] or "{}").get("trust") or {}).get("struck"):
        return
    conn.execute(update(members).where(members.c.group_id == row["group_id"], members.c.user_id == row["user_id"])
                 .values(ok_count=func.max(members.c.ok_count + delta, 0) if conn.dialect.name == "sqlite"
                         else func.greatest(members.c.ok_count + delta, 0)))


_UPSERT = {"sqlite": sqlite_insert, "postgresql": pg_insert}
FEEDBACK_REFRESH_S = 2.0  # how often a long-running hook looks for corrections made by other processes


def _lock_key(group: str, user: str) -> int:
    """A signed 64-bit key for PostgreSQL's advisory lock on one member of one group."""
    digest = hashlib.sha256(f"strike\x1f{group}\x1f{user}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _strike_where(group: Any, user: Any, label: Any, since: Any) -> list[Any]:
    """The conditions picking a member's strikes for ``label`` in ``group`` since a time (values or bound parameters)."""
    return [strikes.c.group_id == group, strikes.c.user_id == user, strikes.c.label == label, strikes.c.ts >= since]


def _strike_count(group: str, user: str, label: str, since: float, hard_only: bool) -> tuple[Any, dict[str, Any]]:
    """The query counting a member's strikes for ``label`` since a time (``hard_only``: not the soft ones), and its
    parameters."""
    return _strike_count_query(hard_only), {"g": group, "u": user, "label": label, "since": since}


@lru_cache(maxsize=2)
def _strike_count_query(hard_only: bool) -> Any:
    """:func:`_strike_count`'s statement with bound parameters, built once (it is read for every message acted on)."""
    where = _strike_where(bindparam("g"), bindparam("u"), bindparam("label"), bindparam("since"))
    if hard_only:
        where.append(_HARD_STRIKE)
    return select(func.count()).select_from(strikes).where(*where)


class StrikeTransaction:
    """The open strike transaction of :meth:`AuditLog.strike_transaction`."""

    def __init__(self, log: AuditLog, conn: Connection, group: str, user: str) -> None:
        self.log, self.conn, self.group, self.user = log, conn, group, user

    def claimed(self, message_id: str, text: str) -> dict[str, Any] | None:
        """The verdict another worker already stored for this delivery, if any."""
        key = delivery_key(self.group, message_id, self.user, text)
        first = self.conn.execute(select(deliveries.c.verdict_id).where(deliveries.c.key == key)).scalar()
        if first is None:
            return None
        row = self.conn.execute(select(verdicts).where(verdicts.c.id == first)).mappings().first()
        return _row(row) if row else None

    def count_strikes(self, label: str, window_days: float, *, hard_only: bool = False) -> int:
        since = time.time() - window_days * 86400
        return int(self.conn.execute(*_strike_count(self.group, self.user, label, since, hard_only)).scalar_one())

    def record(self, verdict: Any, *, message_id: str, text: str, strike: bool, claim: bool,
               msg_ts: float | None = None, nickname: str = "", credit: bool = True, soft: bool = False) -> None:
        now = time.time()
        key = delivery_key(self.group, message_id, self.user, text) if claim and message_id else None
        self.log._insert(self.conn, _verdict_row(verdict, self.group, self.user, message_id, text, now, msg_ts,
                                                    nickname),
                         verdict,
                         self.group, self.user, now, strike, key, credit, soft)


def _ts(v: datetime | float) -> float:
    return v.timestamp() if isinstance(v, datetime) else float(v)


def _row(r: Any) -> dict[str, Any]:
    d = dict(r)
    d["checks"] = json.loads(d.get("checks") or "{}")
    d["rule_ids"] = json.loads(d.get("rule_ids") or "[]")
    d["dry_run"] = bool(d.get("dry_run"))
    d["time"] = datetime.fromtimestamp(d["ts"], tz=timezone.utc).isoformat(timespec="seconds")
    d.pop("fingerprint", None)
    if "correct" in d:
        d["feedback"] = d.pop("correct")
    return d

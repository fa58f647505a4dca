"""Layer 1: deterministic signals, each with a weight, the label it points to and a Chinese reason.

These are cheap (a few compiled regexes over the normalised forms) and explainable: the verdict's
``reason`` is built from the signals that fired. No single weak signal decides a label; the pipeline
combines them with the classifier score. Lexicons are data in ``resources/moderation/lexicons.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from copilot.moderation.normalise import URL_RE, Normalised
from copilot.paths import RESOURCES_DIR

LEXICON_PATH = RESOURCES_DIR / "moderation" / "lexicons.yaml"


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: ``name`` (stable id), ``label`` it supports, ``weight`` 0–1, ``detail``."""

    name: str
    label: str
    weight: float
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "weight": round(self.weight, 3), "detail": self.detail}


def _alternation(words: list[str]) -> re.Pattern[str]:
    """One regex for a word list; pure-ASCII words (sb, tmd, mc) must not sit inside a longer word."""
    words = sorted({str(w).lower() for w in words if w}, key=len, reverse=True)
    parts = [
        rf"(?<![a-z]){re.escape(w)}(?![a-z])" if w.isascii() and w[:1].isalpha() else re.escape(w)
        for w in words
    ]
    return re.compile("|".join(parts)) if parts else re.compile(r"(?!x)x")


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    """English multi-word phrases matched on the folded text, words separated by any whitespace.

    They cannot be matched on the compact form: there "ignore previous instructions" becomes
    one run of letters and a whole-word check around "ignoreprevious" never succeeds.
    """
    parts = [r"\b" + r"[\s,]+".join(re.escape(w) for w in p.lower().split()) + r"\b" for p in phrases if p.strip()]
    return re.compile("|".join(sorted(parts, key=len, reverse=True))) if parts else re.compile(r"(?!x)x")


@dataclass
class Lexicons:
    """Compiled lexicons; built once per process (and once per profile for its banned words)."""

    ad_strong: re.Pattern[str]
    ad_weak: re.Pattern[str]
    ad_invite: re.Pattern[str]
    qr: re.Pattern[str]
    chain: re.Pattern[str]
    vote: re.Pattern[str]
    urgency: re.Pattern[str]
    abuse_strong: re.Pattern[str]
    abuse_weak: re.Pattern[str]
    abuse_target: re.Pattern[str]
    injection: re.Pattern[str]
    injection_en: re.Pattern[str]
    self_promo: re.Pattern[str]
    social: frozenset[str]
    chatter: re.Pattern[str]
    warning: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    return Lexicons(
        ad_strong=_alternation(data["ad"]["strong"]),
        ad_weak=_alternation(data["ad"]["weak"]),
        ad_invite=_alternation(data["ad"]["invite"]),
        qr=_alternation(data["qr"]),
        chain=_alternation(data["spam"]["chain"]),
        vote=_alternation(data["spam"]["vote"]),
        urgency=_alternation(data["spam"]["urgency"]),
        abuse_strong=_alternation(data["abuse"]["strong"]),
        abuse_weak=_alternation(data["abuse"]["weak"]),
        abuse_target=_alternation(data["abuse"]["target"]),
        injection=_alternation([w for w in data["injection"] if " " not in w]),
        injection_en=_phrases([w for w in data["injection"] if " " in w] + list(data.get("injection_en", []))),
        self_promo=_alternation(data["ad"].get("self_promo", [])),
        social=frozenset(str(w).lower() for w in data["social"]),
        chatter=_alternation(data["chatter"]),
        warning=_alternation(data.get("warning", [])),
    )


# --- contact handles -------------------------------------------------------------------------
_WECHAT_ID = re.compile(r"(?:微信|wxid_)(?:号|id)?(?:是|为|搜|搜索)?([a-z][a-z0-9_-]{5,19}|\d{6,11})")
_WXID = re.compile(r"wxid_[a-z0-9]{6,}")
_QQ_NUM = re.compile(r"(?:qq|q群|群号|加群|企鹅群)(?:号|群|群号)?(?:是|为|码)?(\d{5,11})")
# not after 订单号/单号/运单/编号 (an 11-digit order number looks like a mobile number)
_PHONE = re.compile(r"(?<!\d)(?<!单号)(?<!单号是)(?<!编号)(?<!订单)1[3-9]\d{9}(?!\d)")
# fixed lines (0755-86001234) belong to offices and property management, not to ad handles
_LANDLINE = re.compile(r"^0\d{9,11}$")
# global allowlist: government, universities, exam and rail sites, code and app stores
_TRUSTED_DOMAINS = ("gov.cn", "edu.cn", "chsi.com.cn", "12306.cn", "github.com", "apps.apple.com")
_CONTACT_NUM = re.compile(r"(?:加|联系|找|私聊|电话|手机|tel|call|拨打|咨询)\D{0,3}(\d{6,12})")
_MENTION_HANDLE = re.compile(r"微信|qq")

# --- links ---------------------------------------------------------------------------------
_URL = URL_RE
SHORTENERS = {"t.cn", "dwz.cn", "url.cn", "suo.im", "bit.ly", "tinyurl.com", "is.gd", "c.tb.cn", "m.tb.cn",
               "v.douyin.com", "u.jd.com", "mobile.yangkeduo.com", "p.pinduoduo.com", "s.click.taobao.com"}

# --- money ---------------------------------------------------------------------------------
_MONEY = re.compile(r"(?:[¥￥$]\s?\d+|\d+(?:\.\d+)?\s?(?:元|块钱|块|rmb|w\+|万|k\+|刀|米)(?![a-z]))")
# an amount is required: "月入过万" is a pitch, "下个月入职" is HR small talk
_INCOME = re.compile(r"(?:日|月|周|一天|每天|每月|一个月|轻松)(?:赚|入|收入|挣|结)(?:\d+|过万|上万|几千|几百|[千万])"
                     r"|(?:赚|挣)(?:\d+|几百|几千|上千|上万)")

_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_REPEAT = re.compile(r"(.{1,4}?)\1{5,}")


# Shopping platforms: a member may paste a product link from these while recommending something.
_SHOP_DOMAINS = ("taobao.com", "tmall.com", "tb.cn", "jd.com", "3.cn", "yangkeduo.com", "pinduoduo.com",
                 "vip.com", "suning.com", "dangdang.com", "amazon.cn")


def is_shop_host(host: str) -> bool:
    """A product page on a big shopping platform (taobao, jd, pinduoduo …)."""
    return domain_allowed(host, _SHOP_DOMAINS)


def host_of(url: str) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/")[0].split("?")[0].split(":")[0]
    return host.strip(".")


def domain_allowed(host: str, allowed: list[str] | tuple[str, ...]) -> bool:
    """A host is allowed when it is, or is a subdomain of, an allowed domain."""
    return any(host == d or host.endswith("." + d) for d in allowed)


@dataclass
class SignalReport:
    """All signals of one message plus facts the pipeline needs (is it short social chat?)."""

    signals: list[Signal]
    contacts: list[str]
    urls: list[str]
    blocked_urls: list[str]
    social: bool
    substantive: bool
    injection: bool
    chatter: list[str]
    warning: bool = False  # warns the group about a scam (骗子/别信/举报…)

    def total(self, label: str) -> float:
        """Noisy-OR of the weights supporting ``label`` (independent evidence accumulates, capped at 1)."""
        p = 1.0
        for s in self.signals:
            if s.label == label:
                p *= 1.0 - s.weight
        return 1.0 - p

    def names(self, label: str | None = None) -> list[str]:
        return [s.name for s in self.signals if label is None or s.label == label]


def _is_social(n: Normalised, lex: Lexicons) -> bool:
    core = re.sub(r"[^0-9a-z\u3400-\u9fff+]", "", n.folded)
    if not core:
        return True  # emoji / punctuation / stickers only
    if core in lex.social:
        return True
    stripped = re.sub(r"(啊|呀|哦|哈|啦|呢|吧|嘛|了|的|哇|嘿|耶|吖|哟|噢|~)+$", "", core)
    if stripped in lex.social or core.rstrip("!") in lex.social:
        return True
    # e.g. "谢谢大家", "收到收到", "早上好各位": made only of social words and fillers
    rest = lex_social_re().sub("", core)
    rest = re.sub(r"大家|各位|亲们|宝子们|朋友们|老师|群主|哈|啊|呀|了|的|啦|呢|吧|哦|嗯|们|!|\+|~", "", rest)
    if len(rest) <= 1:
        return True
    # "谢谢团长", "早上好呀各位书友": a social phrase plus a short form of address
    return len(core) <= 12 and len(rest) <= 3 and len(rest) < len(core) / 2


@lru_cache(maxsize=1)
def lex_social_re() -> re.Pattern[str]:
    return _alternation([w for w in lexicons().social if len(w) >= 1])


def detect(n: Normalised, *, allowed_domains: tuple[str, ...] = (), banned: re.Pattern[str] | None = None,
           topic_text: str = "") -> SignalReport:
    """Run every deterministic detector on a normalised message."""
    lex = lexicons()
    sig: list[Signal] = []
    c, d, f = n.compact, n.digits, n.folded

    # contacts
    contacts: list[str] = []
    for m in _WECHAT_ID.finditer(d):
        contacts.append("微信号 " + m.group(1))
    contacts += ["微信号 " + m.group(0) for m in _WXID.finditer(d)]
    contacts += ["QQ/群号 " + m.group(1) for m in _QQ_NUM.finditer(d)]
    contacts += ["手机号 " + m.group(0)[:3] + "****" + m.group(0)[-4:] for m in _PHONE.finditer(d)]
    if not contacts:
        contacts += ["联系号码 " + m.group(1) for m in _CONTACT_NUM.finditer(d) if not _LANDLINE.match(m.group(1))]
    if contacts:
        sig.append(Signal("contact", "ad", 0.75, "含联系方式：" + "、".join(dict.fromkeys(contacts))))
    invite = lex.ad_invite.findall(c)
    if invite:
        weight = 0.45 if _MENTION_HANDLE.search(c) or contacts else 0.25
        sig.append(Signal("invite", "ad", weight, "引导私下联系：" + "、".join(dict.fromkeys(invite))))
    if n.evasions:
        # Someone who bothers to write 薇信 / 扣扣 / spaced digits next to a handle or an invitation
        # is hiding it. Merely naming the app ("v信群里有个妈妈推荐…") is how people talk: weak.
        hiding = bool(contacts or invite or "数字变形" in n.evasions)
        sig.append(Signal("evasion", "ad", 0.55 if hiding else 0.15,
                          "变形写法：" + "、".join(dict.fromkeys(n.evasions)) + ("" if hiding else "（未附联系方式）")))

    # links
    urls = [m.group(0).rstrip(".,;!?)]") for m in _URL.finditer(f)]
    blocked = []
    for u in urls:
        host = host_of(u)
        if not host or domain_allowed(host, allowed_domains) or domain_allowed(host, _TRUSTED_DOMAINS):
            continue
        blocked.append(host)
    if blocked:
        short = [h for h in blocked if h in SHORTENERS]
        weight = 0.6 if short else 0.45
        sig.append(Signal("link", "ad", weight, "含非白名单链接：" + "、".join(dict.fromkeys(blocked))))

    qr = lex.qr.findall(c)
    if qr:
        sig.append(Signal("qr", "ad", 0.45, "二维码/口令：" + "、".join(dict.fromkeys(qr))))

    strong = lex.ad_strong.findall(c)
    if strong:
        sig.append(Signal("ad_words", "ad", min(0.5 + 0.15 * (len(set(strong)) - 1), 0.85),
                          "广告用语：" + "、".join(dict.fromkeys(strong))))
    # a weak promo word that names the group's own subject (招聘 in an HR group, 团购 in a
    # group-buy group) is how members talk there, not evidence of an ad
    weak = [w for w in lex.ad_weak.findall(c) if not (topic_text and w in topic_text)]
    if weak:
        sig.append(Signal("promo_words", "ad", min(0.12 * len(set(weak)), 0.4),
                          "推销类用语：" + "、".join(dict.fromkeys(weak))))
    money = _MONEY.findall(d)
    income = _INCOME.findall(d)
    if income:
        sig.append(Signal("income", "ad", 0.55, "收益承诺：" + "、".join(dict.fromkeys(income))))
    elif money:
        sig.append(Signal("money", "ad", 0.15, "价格/金额：" + "、".join(dict.fromkeys(money))[:40]))
    promo = lex.self_promo.findall(c)
    if promo:
        sig.append(Signal("self_promo", "ad", 0.6, "自我推广：" + "、".join(dict.fromkeys(promo))))
    if banned is not None:
        hits = banned.findall(c)
        if hits:
            sig.append(Signal("banned", "ad", 0.8, "群档案违禁词：" + "、".join(dict.fromkeys(hits))))

    # spam
    chain = lex.chain.findall(c)
    if chain:
        sig.append(Signal("chain", "spam", 0.75, "转发链/扩散：" + "、".join(dict.fromkeys(chain))))
    vote = lex.vote.findall(c)
    if vote:
        sig.append(Signal("vote", "spam", 0.5 if (urls or len(vote) > 1) else 0.35, "拉票/集赞：" + "、".join(dict.fromkeys(vote))))
    urg = lex.urgency.findall(c)
    if urg:
        sig.append(Signal("urgency", "spam", 0.25, "催促/制造紧急：" + "、".join(dict.fromkeys(urg))))
    if len(c) >= 12:
        rep = _REPEAT.search(c)
        uniq = len(set(c)) / len(c)
        if (rep and len(rep.group(0)) >= 12) or (len(c) >= 30 and uniq < 0.15):
            sig.append(Signal("repetition", "spam", 0.8, "大量重复字符"))
    emoji = len(_EMOJI.findall(n.raw))
    if emoji >= 12:
        sig.append(Signal("emoji_flood", "spam", 0.7, f"表情刷屏（{emoji} 个）"))

    # abuse
    ab = lex.abuse_strong.findall(c)
    abw = lex.abuse_weak.findall(c)
    target = bool(lex.abuse_target.search(c))
    if ab:
        sig.append(Signal("insult", "abuse", 0.9 if target else 0.75, "辱骂/人身攻击：" + "、".join(dict.fromkeys(ab))))
    elif abw:
        sig.append(Signal("rude", "abuse", 0.55 if target else 0.25, "粗鲁用语：" + "、".join(dict.fromkeys(abw))))

    injection = bool(lex.injection.search(c) or lex.injection_en.search(f))
    if injection:
        sig.append(Signal("injection", "ad", 0.35, "试图操纵审核（提示词注入）"))

    social = _is_social(n, lex)
    cjk = len(re.findall(r"[\u3400-\u9fff]", c))
    substantive = not social and (cjk >= 6 or len(c) >= 12)
    chatter = list(dict.fromkeys(lex.chatter.findall(c)))
    warning = bool(lex.warning.search(c))
    return SignalReport(sig, contacts, urls, blocked, social, substantive, injection, chatter, warning)

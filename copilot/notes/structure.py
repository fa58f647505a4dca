"""Who talked, what kind of session it was, and the Q&A, decisions, to-dos and announcements in it.

These are pattern rules over the parsed messages, deliberately transparent: the offline engine uses
them directly and the LLM path uses them for the fields a model should not guess (session type,
speakers, host, date). The patterns follow the share-session card: a host opens and closes, a main
speaker talks, questions are collected at the end, and the session ends with the write-up owner,
homework and the next session.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from copilot.notes.model import ActionItem, Announcement, Decision, Message, QAPair, SessionType, Transcript
from copilot.textnorm import split_sentences, tokenize

_HOST_CUES = re.compile(
    r"分享(马上|即将|正式)?开始|今[天晚]的?(分享|嘉宾|主题|话题)|请到|有请|欢迎.{0,8}(老师|嘉宾)|问答环节|"
    r"(?:感谢|谢谢).{0,6}(老师|教练|嘉宾|分享)|下期预告|(?:提问|答疑)环节|开始提问|统一问|话题讨论|主持|请勿插话|先不要插话|进入.{0,4}环节"
)
_LECTURE_CUES = re.compile(r"分享嘉宾|嘉宾|主讲|今[天晚]的?分享|的分享就到这里|我的分享|讲座|干货")
_DISCUSSION_CUES = re.compile(r"话题讨论|今[天晚]的?话题|随便聊|聊聊|各自的做法|讨论一下")
_TOPIC = [
    re.compile(r"《([^》]{2,40})》"),
    re.compile(r"(?:主题|题目|话题(?:讨论)?)(?:是|为)?[:：「“\"]\s*([^。！？!?\n」”\"]{2,40})"),
    re.compile(r"(?:主题|题目)是\s*([^。！？!?\n，,]{2,40})"),
    re.compile(r"(?:^|[，,。！!；;\s])(?:今[天晚]|咱们|我们|大家|来|一起|就|先)*(?:聊聊|聊一聊|讨论一下|讨论)[:：]?\s*"
               r"([^。！？!?\n，,]{2,30}[？?]?)"),
]
_QUESTION_START = re.compile(r"^(?:@\S+\s*)?(请问|想问|问一下|问下|求问|提问|有没有人|谁家|谁知道|谁有|能不能|可不可以|Q[:：])")
_MENTION = re.compile(r"@([^\s@，,：:]{1,20})")
_CLARIFY = re.compile(r"^(?:确定一下|确认一下|你说的|刚才|那个|所以)")
_ASK_HEAD = re.compile(r"^(?:请问|想问一?下?|问一下|问下|求问)[，,：:\s]*")
_DEADLINE = re.compile(
    r"(\d{1,2}月\d{1,2}[日号](?:[上下]午|晚上|中午)?(?:\d{1,2}点(?:半|\d{1,2}分)?)?|"
    r"(?:下|本|这)?(?:周|星期|礼拜)[一二三四五六日天末]|下周|本周|这周|明天|后天|今晚|今天|月底|月初|周末|"
    r"\d{1,2}[日号]|\d{1,2}\.\d{1,2}|\d{1,2}点(?:半)?)"
    r"(?:[上下]午|晚上|中午)?(?:\d{1,2}点)?\s*(?:之前|以前|前)"
)
# a time right before what is to be done: "明天我把PDF发群里", "我周二先发一版", "下周三晚上8点把名单发群里"
_DEADLINE_LOOSE = re.compile(
    r"(?:今晚|明天|后天|(?:下|本|这)?(?:周|星期)[一二三四五六日天末]|\d{1,2}月\d{1,2}[日号]|\d{1,2}\.\d{1,2}|\d{1,2}[日号])"
    r"(?:[上下]午|晚上|中午)?(?:\d{1,2}点(?:半)?)?"
    r"(?=[^，,。]{0,8}?(?:发|交|提交|完成|给|搞定|做完|弄好|整理好))"
)
# "负责" as an adjective ("教练挺负责", "很负责任") is praise, not an assignment
_DUTY = r"(?<![挺很太超蛮不真够最更])(?<!特别)(?<!非常)(?<!比较)负责(?!任(?!务|何))"
_ACTION = re.compile(_DUTY + r"|我来|你来|搞定|弄好|做完|给我|我会|我今晚|我明天|我回头|整理|发到|发群|提交|交(?!流|通|换|班|朋友)|跟进|准备|完成|分享一条|发给|在群里(?:说|分享|晒|发)")
_DECISION = re.compile(r"决定|定了|确定|敲定|就这么定|统一(?:意见|口径|为|成|改|用|定|时间)|定在|说好了|约定")
# "我还不确定…" "确定一下…" "还没定" are doubts or requests to confirm, not decisions
_UNDECIDED = re.compile(r"[不没未]确定|确定一下|还?没定|未定|待定|没决定|[不没]一定|确定吗|定了吗|决定了吗")
# A host handing over to a speaker: 今晚请李教练给大家讲《…》 / 有请陈老师分享 / 欢迎嘉宾王磊
_INVITE_VERB = re.compile(r"分享|主讲|讲座|给大家讲|来讲|讲讲|开讲|带来|嘉宾")
_ROLE_PREFIX = re.compile(r"^(?:主持人|主持)[-_·\s:：]*(?=\S)")
_NEXT = re.compile(r"下期|下一期|下次(分享|话题|讨论)|下一场|下周.{0,6}分享|下周.{0,12}(?:继续聊|继续讨论|接着聊)|预告[:：]")
_HOMEWORK = re.compile(r"布置.{0,4}作业|小作业|课后作业|作业[:：]|交作业|打卡任务|每人.{0,8}(写|交)一")
_NOTICE = re.compile(r"通知[:：]|提醒大家|请大家注意|@所有人|@全体成员|【通知】")
_OWNER_BY = re.compile(r"(?:由|请)\s*@?([^\s，,。由请]{1,12}?)\s*(?:来)?(?:负责|整理|跟进|汇总|统计|联系)")
_OWNER_EXPLICIT = re.compile(r"(?:^|[，,。：:\s])@?([^\s，,。：:由]{1,12}?)\s*(?:来)?" + _DUTY)
_ASKING_TAIL = re.compile(r"(?:吗|么|多少钱呀|怎么办)[~～。!！\s]*(?:[😂🤣😅🙏]+)?$")
# past events and hypotheticals mention duties without assigning one: "上次是小王负责的", "如果我来负责的话"
_ASSIGN = re.compile(r"你来|跟进|负责|搞定|整理|准备|给我")
_NOT_A_TASK = re.compile(r"上次(?:是|也是|就是)|以前(?:是|都是)|之前是|如果|要是|假如|的话|[😂🤣]|哈哈")
_CHATTER = re.compile(r"^(收到|好的?|谢谢|感谢|哈+|嗯+|赞|\+1|666+|是的|对的?|同意|了解|明白)[!！。~～]*$")


@dataclass
class Segment:
    label: str
    start: int
    end: int


@dataclass
class Structure:
    """Deterministic facts about a session that both engines share."""

    session_type: SessionType
    speakers: list[str]
    host: str | None
    topic: str | None
    share: dict[str, float]
    segments: list[Segment] = field(default_factory=list)
    qa: list[QAPair] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)


def is_question(text: str) -> bool:
    return ("？" in text or "?" in text) or bool(_QUESTION_START.search(text))


def asks(text: str) -> bool:
    """A question even without a question mark ("这次还是你负责分货吗"): never a task or a decision.

    Not used for Q&A pairing, where a mark-less "周末有人去钓鱼吗" is more often chatter.
    """
    return is_question(text) or bool(_ASKING_TAIL.search(text))


def is_chatter(text: str) -> bool:
    return bool(_CHATTER.match(text.strip())) or len(text.strip()) <= 2


def speaker_share(messages: list[Message]) -> dict[str, float]:
    chars: Counter[str] = Counter()
    for m in messages:
        chars[m.speaker] += len(m.text)
    total = sum(chars.values()) or 1
    return {s: c / total for s, c in chars.most_common()}


def find_topic(messages: list[Message]) -> str | None:
    for m in messages[:12]:
        for pattern in _TOPIC:
            match = pattern.search(m.text)
            if match:
                return match.group(1).strip(" ：:，,")
    return None


def opening_question(messages: list[Message]) -> str | None:
    """The question that started a discussion, as its topic when nobody named one.

    Group discussions often open with a plain question ("有人给娃报过游泳班吗？") rather than
    "今晚话题：…"; that question is a truer title than a list of frequent words.
    """
    if not messages:
        return None
    opener = messages[0].speaker
    for m in messages[:2]:
        if m.speaker != opener or m.text.lstrip().startswith("@"):
            break  # someone else's reply or side question is not the topic
        first = re.split(r"(?<=[？?])", m.text.strip(), maxsplit=1)[0].strip()
        if is_question(first) and not _CLARIFY.match(first):
            first = _ASK_HEAD.sub("", first).rstrip("？?")
            if 6 <= len(first) <= 32:
                return first
    return None


def display_name(name: str | None) -> str | None:
    """``主持人阿明`` → ``阿明``: a role word in front of a nickname is a label, not part of the name."""
    if not name:
        return name
    return _ROLE_PREFIX.sub("", name) or name


def find_invitation(messages: list[Message]) -> tuple[str, str] | None:
    """(host, speaker) when an early message invites another participant to give the talk."""
    counts = Counter(m.speaker for m in messages)
    for m in messages[:8]:
        if not _INVITE_VERB.search(m.text):
            continue
        for other, n in counts.most_common():
            if other == m.speaker or n < 2:
                continue
            core = display_name(other) or other
            for name in {other, core, core[:3] if len(core) > 3 else core}:
                if len(name) >= 2 and re.search(r"(?:请|有请|邀请|请到|欢迎|介绍)[^。！？!?]{0,12}" + re.escape(name), m.text):
                    return m.speaker, other
    return None


def _host(messages: list[Message], exclude: set[str]) -> str | None:
    cues: Counter[str] = Counter()
    for m in messages:
        if m.speaker not in exclude:
            cues[m.speaker] += len(_HOST_CUES.findall(m.text))
    best = [s for s, c in cues.most_common(1) if c > 0]
    return best[0] if best else None


def classify(messages: list[Message], share: dict[str, float]) -> tuple[SessionType, list[str]]:
    """主讲分享 when one or two people carry most of the text in long turns, else 话题讨论."""
    text = "\n".join(m.text for m in messages[:15])
    ranked = list(share)
    if not ranked:
        return "话题讨论", []
    top = ranked[0]
    top_msgs = [m for m in messages if m.speaker == top]
    avg_len = sum(len(m.text) for m in top_msgs) / max(1, len(top_msgs))
    lecture_score = (share[top] >= 0.45) + (share[top] >= 0.6) + (avg_len >= 40) + bool(_LECTURE_CUES.search(text)) - 2 * bool(
        _DISCUSSION_CUES.search(text)
    )
    if lecture_score >= 2 and len(top_msgs) >= 2:
        speakers = [top] + [s for s in ranked[1:3] if share[s] >= 0.3]
        return "主讲分享", speakers
    speakers = [s for s in ranked[:4] if share[s] >= 0.1] or ranked[:1]
    return "话题讨论", speakers


_QWORDS = frozenset(["请问", "想问", "问一下", "问下", "求问", "大家", "有没有", "怎么", "怎么办", "什么", "为什么", "如何", "吗", "呢", "吧", "啊", "谁", "哪", "哪个", "可以", "能不能", "一下", "我们", "你们", "我", "你", "他", "她"])


def _content_bigrams(text: str) -> set[str]:
    s = "".join(ch for ch in _MENTION.sub("", text) if ch.isalnum())
    return {s[i : i + 2] for i in range(len(s) - 1)}


def relevant(question: str, reply: str) -> bool:
    """Whether ``reply`` plausibly answers ``question``: shared content words, or a shared 2-char run."""
    q = {t for t in tokenize(question, for_search=False) if len(t) >= 2 and t not in _QWORDS}
    a = set(tokenize(reply, for_search=False))
    if q & a:
        return True
    common = _content_bigrams(question) & _content_bigrams(reply)
    return any(not any(w in g for w in ("什么", "怎么", "大家", "有没", "没有", "请问", "一下")) for g in common)


def _clean_q(text: str) -> str:
    return _MENTION.sub("", text).strip(" ，,")


def find_qa(messages: list[Message], session: SessionType, speakers: list[str], host: str | None) -> list[QAPair]:
    """Questions and the replies that answer them (an @mention of the asker, or the main speaker)."""
    pairs: list[QAPair] = []
    used: set[int] = set()
    for i, q in enumerate(messages):
        if q.id in used or not is_question(q.text) or len(q.text) < 6:
            continue
        if session == "主讲分享" and (q.speaker in speakers or q.speaker == host):
            continue
        if "有问题" in q.text or "问答环节" in q.text or _DISCUSSION_CUES.search(q.text):
            continue
        target = _MENTION.findall(q.text)
        answer: list[Message] = []
        for m in messages[i + 1 : i + 8]:
            if m.speaker == q.speaker:
                if answer:
                    break
                continue
            if is_chatter(m.text):
                continue
            mentions = _MENTION.findall(m.text)
            by_target = bool(target) and m.speaker in target
            addressed = q.speaker in mentions or any(q.speaker.startswith(x) for x in mentions)
            by_speaker = session == "主讲分享" and m.speaker in speakers and not mentions
            if answer:
                to_other = bool(mentions) and not addressed  # "@小K 你可以…" answers somebody else
                if m.speaker == answer[0].speaker and not is_question(m.text) and not to_other \
                        and "大家" not in m.text:
                    answer.append(m)
                    continue
                break
            generic = (session == "话题讨论" and not target and not is_question(m.text) and relevant(q.text, m.text))
            if by_target or addressed or by_speaker or generic:
                answer.append(m)
        if not answer:
            continue
        for m in answer:
            used.add(m.id)
        pairs.append(
            QAPair(
                question=_clean_q(q.text),
                asker=q.speaker,
                answer=" ".join(_clean_q(m.text) for m in answer),
                answerer=answer[0].speaker,
                sources=[q.id] + [m.id for m in answer],
            )
        )
    return pairs


def _owner(sentence: str, speaker: str) -> str | None:
    match = _OWNER_BY.search(sentence) or _OWNER_EXPLICIT.search(sentence)
    if match:
        # "小王和小李分别负责…" → 小王和小李: adverbs between the names and 负责 are not names
        name = re.sub(r"(?:分别|一起|共同|都|也|还|就|先|来|只)+$", "", match.group(1).strip().lstrip("@")) or None
        if name is None:
            return speaker if re.search(r"我来|我会", sentence) else None
        if name in {"我", "我们", "我来"}:
            return speaker
        if name in {"你", "您", "你来"}:
            mentions = _MENTION.findall(sentence)
            return mentions[0] if mentions else None
        if name and name not in {"大家", "谁"}:
            return name
    if re.search(r"我来|我会|我今晚|我明天|我回头|我把|我这边|(?:^|[，,])我(?![们的])", sentence):
        return speaker
    if re.search(r"大家|各位|每人|每位", sentence):
        return "大家"
    mentions = _MENTION.findall(sentence)
    return mentions[0] if mentions else None


def find_actions(messages: list[Message]) -> tuple[list[ActionItem], list[Decision], list[Announcement]]:
    actions: list[ActionItem] = []
    decisions: list[Decision] = []
    announcements: list[Announcement] = []
    for m in messages:
        for sent in split_sentences(m.text):
            s = sent.strip()
            if len(s) < 5:
                continue
            is_next = False
            if _HOMEWORK.search(s):
                announcements.append(Announcement(text=s, kind="作业", sources=[m.id]))
            elif _NEXT.search(s):
                is_next = True
                announcements.append(Announcement(text=s, kind="下期预告", sources=[m.id]))
            elif _NOTICE.search(s) and not _ACTION.search(s):
                announcements.append(Announcement(text=s, kind="通知", sources=[m.id]))
            if _DECISION.search(s) and not _UNDECIDED.search(s) and not asks(s):
                decisions.append(Decision(text=s, sources=[m.id]))
            if is_next and not (_OWNER_BY.search(s) or _OWNER_EXPLICIT.search(s)):
                continue  # "下周三晚上8点继续聊" is a preview; "…，由陈妈妈整理，周日前发群里" is also a to-do
            deadline = _DEADLINE.search(s) or _DEADLINE_LOOSE.search(s)
            assigned = _OWNER_BY.search(s) or _OWNER_EXPLICIT.search(s) or (_MENTION.search(s) and _ASSIGN.search(s))
            if _ACTION.search(s) and (deadline or assigned) and not asks(s) and not _NOT_A_TASK.search(s):
                owner = _owner(s, m.speaker)
                due = deadline.group(0) if deadline else None
                dup = next((a for a in actions[-4:] if a.owner == owner and a.deadline == due
                            and m.id - a.sources[-1] <= 4), None)
                if dup is not None:
                    dup.sources.append(m.id)
                    continue
                actions.append(ActionItem(task=s, owner=owner, deadline=due, sources=[m.id]))
    return actions, decisions, announcements


def segments(messages: list[Message], session: SessionType, speakers: list[str], qa: list[QAPair]) -> list[Segment]:
    """Phases of the session: 开场 / 主讲 / 问答 for a talk; time-gap blocks for a discussion."""
    if not messages:
        return []
    out: list[Segment] = []
    if session == "主讲分享" and speakers:
        first_talk = next((m.id for m in messages if m.speaker in speakers and len(m.text) >= 20), messages[0].id)
        qa_start = min((p.sources[0] for p in qa), default=None)
        if first_talk > messages[0].id:
            out.append(Segment("开场", messages[0].id, first_talk - 1))
        talk_end = (qa_start - 1) if qa_start and qa_start > first_talk else messages[-1].id
        out.append(Segment("主讲", first_talk, talk_end))
        if qa_start and qa_start > first_talk:
            out.append(Segment("问答", qa_start, messages[-1].id))
        return out
    start = messages[0]
    prev = start
    for m in messages[1:]:
        if m.time and prev.time and (m.time - prev.time).total_seconds() > 30 * 60:
            out.append(Segment("讨论", start.id, prev.id))
            start = m
        prev = m
    out.append(Segment("讨论", start.id, prev.id))
    return out


def analyze(transcript: Transcript) -> Structure:
    msgs = transcript.messages
    share = speaker_share(msgs)
    invited = find_invitation(msgs)
    if invited:  # an explicit hand-over settles type, speaker and host
        host, main = invited
        session: SessionType = "主讲分享"
        speakers = [main] + [s for s in share if s not in (main, host) and share[s] >= 0.3]
    else:
        session, speakers = classify(msgs, share)
        host = _host(msgs, set(speakers[:1]) if session == "主讲分享" else set())
    if session == "主讲分享" and host in speakers[1:]:  # a talkative host is still the host, not a speaker
        speakers = [s for s in speakers if s != host]
    if session == "话题讨论" and host is None and msgs:
        host = msgs[0].speaker if _DISCUSSION_CUES.search(msgs[0].text) else None
    topic = find_topic(msgs)
    if topic is None and session == "话题讨论":
        topic = opening_question(msgs)
        if topic and host is None and topic in msgs[0].text:  # who asked the question started it
            host = msgs[0].speaker
    qa = find_qa(msgs, session, speakers, host)
    actions, decisions, announcements = find_actions(msgs)
    return Structure(
        session_type=session,
        speakers=speakers,
        host=host,
        topic=topic,
        share=share,
        segments=segments(msgs, session, speakers, qa),
        qa=qa,
        decisions=decisions,
        actions=actions,
        announcements=announcements,
    )

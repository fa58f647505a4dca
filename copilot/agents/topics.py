"""Topic calendar agent: a daily 早晚共振 rhythm of on-topic, varied, simple activities.

Offline strategy (cards daily-topics, activity-resonance): every day a light morning touch (晨报 or
打卡) and a heavier evening one at fixed times taken from the profile's schedule; the evening type
rotates through the week (讨论, 投票, 干货分享, 接龙, 晒图/会员日, 复盘), the profile's own fixed
events take their weekday, topics rotate so each day is about the group's subject, and every
activity has at most three short steps and a stated reason.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from copilot.agents import compose as C
from copilot.agents.base import AgentSpec, Composed, DraftResult, Passage, run_agent
from copilot.llm import Engine
from copilot.profile import GroupProfile


class TopicItem(BaseModel):
    day: int = Field(ge=1, description="第几天，从 1 开始")
    weekday: str = Field("", description="周一…周日")
    time: str = Field(description="HH:MM")
    type: str = Field(description="晨报/话题讨论/干货分享/打卡/接龙/投票/晒图/会员日/复盘/答疑…")
    title: str
    opening: str = Field(min_length=8, description="可直接发到群里的开场消息")
    steps: list[str] = Field(default_factory=list, description="参与步骤，最多三步")
    why: str = Field("", description="为什么适合这个群")


class TopicDrafts(BaseModel):
    drafts: list[TopicItem] = Field(min_length=1)


# type → (title, opening, steps, why). {t}=topic, {time}=slot time, {who}=address.
_T: dict[str, tuple[str, str, list[str], str]] = {
    "晨报": (
        "{t}晨报",
        "早上好，{who}！今天的{t}晨报：①【今日要点】②【一个小技巧】③【今日一问】。今天你准备在{t}上做哪一件小事？回复一句话就算签到。",
        ["看完晨报", "回复一句今天的小目标"],
        "早上轻共振：三五条内容上班路上就能看完，让成员每天开头就想起这个群",
    ),
    "打卡": (
        "{t}打卡",
        "{t}打卡开始：发一张今天的记录截图或照片，配一句话，格式“第N天-{t}-一句话感受”。",
        ["完成今天的练习", "按格式发截图+一句话"],
        "打卡简单、每天可做，连续记录带来成就感和同伴监督",
    ),
    "话题讨论": (
        "{t}小问题",
        "今晚聊一个小问题：在{t}上，你最近一次卡住是在哪一步？一句话说说，{who}帮你出主意。",
        ["用一句话说出卡点", "给别人的卡点回一条建议"],
        "问题小而具体，人人能答；互相出主意能让潜水成员开口",
    ),
    "投票": (
        "{t}二选一",
        "二选一投票：关于{t}，你更常遇到的是 A. 没时间坚持 B. 不知道怎么开始？回复 A 或 B，再说一个理由。",
        ["回复 A 或 B", "补一句理由"],
        "二选一最容易参与，适合唤醒潜水成员，结果还能指导后面的内容",
    ),
    "干货分享": (
        "{t}干货分享",
        "今晚 {time} {t}干货分享：主题“{t}新手最常踩的3个坑”，约20分钟，分享后集中答疑。想问的先在群里留言。",
        ["提前留言提问", "准时来听", "会后把收获写一句"],
        "晚上重共振：固定时段的分享是成员留在群里的核心价值",
    ),
    "答疑": (
        "{t}答疑",
        "今晚 {time} {t}答疑开始：按“背景+卡在哪+试过什么”发出你的问题，逐条回复。",
        ["按格式发问题", "看回复并追问"],
        "集中答疑把零散提问收拢到固定时间，答案也方便整理成精华",
    ),
    "接龙": (
        "{t}接龙",
        "{t}接龙：今天你在{t}上学到或做到的一件小事，复制下面的格式加一行。\n1. 群主：今天整理了一份{t}清单",
        ["复制接龙", "加一行自己的内容"],
        "接龙格式统一、一眼看到谁参与了，参与门槛低",
    ),
    "晒图": (
        "{t}晒图",
        "周末晒图：晒一张和{t}有关的照片（成果、作品或装备都行），配一句话，点赞最多的三位本周置顶展示。",
        ["拍或选一张照片", "发到群里配一句话"],
        "晒图让成员的成果被看见，认可比奖品更能带动参与",
    ),
    "会员日": (
        "{t}会员日",
        "今天是会员日：群内{t}专属福利，规则和价格见群公告，每人限参与一次，有问题私聊管理员。",
        ["看群公告里的规则", "按规则参与"],
        "每周固定一天做福利，成员有预期，平时就不用频繁推销",
    ),
    "复盘": (
        "{t}周复盘",
        "周日复盘：这周你在{t}上完成了什么？用“完成了…/下周想…”两句话回复，管理员汇总进群精华。",
        ["写“完成了…”", "写“下周想…”"],
        "每周复盘让成员看到进步，也为下周话题收集素材",
    ),
    "线下活动": (
        "{label}",
        "本周{label}：时间 {time}，地点和路线见群公告，报名在群里接龙，量力而行、注意安全。",
        ["在群里接龙报名", "按时到集合点"],
        "线下见面能把线上关系变成真朋友，是兴趣群最强的黏性",
    ),
}

# Wording that fits buying groups and brand member groups better than the learning-style defaults.
_T_BY_TYPE: dict[str, dict[str, tuple[str, str, list[str], str]]] = {
    "消费型": {
        "晨报": (
            "{t}今日上新",
            "早上好，{who}！今日{t}上新：①【品名+规格+团购价】②【产地或口感一句话】③【自提时间和地点】。想要的晚上在接龙里报名。",
            ["看今日上新", "晚上接龙报名"],
            "早上轻共振：固定时间上新，成员养成早上看一眼群的习惯",
        ),
        "投票": (
            "{t}选品投票",
            "下周想团哪种{t}？回复 A. 应季新品 B. 老口味返场，票多的下周安排。",
            ["回复 A 或 B"],
            "让成员决定选品，投票简单，结果直接影响下周上新",
        ),
        "话题讨论": (
            "{t}小问题",
            "今晚聊聊：你家买{t}最在意什么，新鲜度、价格还是自提方便？一句话说说，我们按大家的意见选品。",
            ["用一句话说出最在意的一点"],
            "问题小而具体，人人能答，答案能改进选品和服务",
        ),
        "干货分享": (
            "{t}挑选小技巧",
            "今晚 {time} 分享{t}的挑选和保存小技巧（约10分钟），有问题直接在群里问。",
            ["准时看分享", "有问题在群里问"],
            "先给价值再卖货：实用技巧让群不只是广告栏",
        ),
    },
    "品牌型": {
        "晨报": (
            "{t}早报",
            "早上好，{who}。今天的{t}早报：①【一个使用小技巧】②【新品或活动提醒】③【今日一问】。有问题直接在群里问，客服同事在线。",
            ["看完早报", "有问题在群里问"],
            "早上轻共振：会员每天开头就能收到一条有用的信息",
        ),
        "投票": (
            "{t}福利投票",
            "下次会员日想要哪种福利？回复 A. 新品试用装 B. 老款会员价，票多的安排；关于{t}的其他建议也欢迎补充。",
            ["回复 A 或 B"],
            "会员参与决定福利，二选一最容易参与",
        ),
        "话题讨论": (
            "{t}使用心得",
            "今晚聊聊{t}：你最近一次最满意的做法是什么？一句话说说，{who}互相学一招。",
            ["用一句话说做法", "给别人的做法点个赞"],
            "小而具体的心得交流，让老会员的经验被看见",
        ),
    },
}

# Evening rotation by weekday (0=周一) and group type.
_EVENING = {
    "知识型": ["话题讨论", "投票", "干货分享", "接龙", "答疑", "晒图", "复盘"],
    "兴趣型": ["话题讨论", "投票", "干货分享", "接龙", "晒图", "打卡", "复盘"],
    "消费型": ["投票", "话题讨论", "干货分享", "接龙", "会员日", "晒图", "复盘"],
    "品牌型": ["话题讨论", "干货分享", "投票", "接龙", "会员日", "晒图", "复盘"],
}
def _entry(kind: str, day: int, weekday: int, time: str, topic: str, profile: GroupProfile, label: str = "") -> dict[str, Any]:
    title, opening, steps, why = _T_BY_TYPE.get(C.gtype(profile), {}).get(kind, _T[kind])
    vars_ = {"t": topic, "time": time, "who": C.address(profile), "label": label or f"{topic}活动"}
    title = title.format(**vars_) if kind != "线下活动" else label
    opening = opening.format(**vars_)
    if time < "18:00":  # a morning or afternoon slot is not "今晚"
        opening = opening.replace("今晚", "今天")
        why = why.replace("晚上重共振", "固定时段共振")
    if kind == "投票" and C.gtype(profile) not in _T_BY_TYPE:
        # "没时间坚持/不知道怎么开始" only fits check-in groups; others vote on what to cover.
        if C.gtype(profile) == "兴趣型":
            opening = f"二选一投票：关于{topic}，你更想多聊哪一块？A. 新手入门经验 B. 进阶玩法和心得。回复 A 或 B，再说一个理由。"
        elif not C.is_checkin(profile):
            opening = f"二选一投票：关于{topic}，你更希望群里多分享哪种内容？A. 真实案例拆解 B. 实用清单和模板。回复 A 或 B，再说一个理由。"
    if label and kind != "线下活动":
        title = f"{label}（{topic}）" if topic not in label else label
    if kind == "线下活动" and topic not in opening:
        opening = opening.replace("本周", f"本周{topic}·", 1)
    return {
        "day": day,
        "weekday": f"周{C.WEEKDAYS[weekday]}",
        "time": time,
        "type": kind,
        "title": title,
        "opening": opening,
        "steps": list(steps),
        "why": why + (f"；对应群里的固定安排“{label}”" if label else ""),
    }


def compose_topics(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    days = int(ctx.get("days", 7))
    start = int(ctx.get("start_weekday", 0))
    morning, evening = C.rhythm(profile)
    items = C.parse_schedule(profile)
    daily_morning = next((i for i in items if i.weekday is None and (i.time or "00:00") < "12:00" and i.time), None)
    weekly = {i.weekday: i for i in items if i.weekday is not None}
    daily_evening = next((i for i in items if i.weekday is None and i.time and i.time >= "12:00"), None)
    rotation = list(_EVENING.get(C.gtype(profile), _EVENING["知识型"]))
    if not C.is_checkin(profile):  # 打卡 only for groups that are about doing something daily
        rotation = [("答疑" if k == "打卡" else k) for k in rotation]
    topics = profile.topics
    morning_kind = C.event_type(daily_morning.label) if daily_morning else ("打卡" if "打卡" in " ".join(profile.goals) else "晨报")
    out: list[dict[str, Any]] = []
    for d in range(days):
        wd = (start + d) % 7
        topic_m = topics[d % len(topics)]
        topic_e = topics[(d + 1) % len(topics)]
        out.append(_entry(morning_kind, d + 1, wd, morning, topic_m, profile, daily_morning.label if daily_morning else ""))
        fixed = weekly.get(wd)
        if fixed and (fixed.time is None or fixed.time >= "12:00"):
            out.append(_entry(C.event_type(fixed.label), d + 1, wd, fixed.time or evening, topic_e, profile, fixed.label))
        else:
            out.append(_entry(rotation[wd], d + 1, wd, evening, topic_e, profile))
        if daily_evening and out[-1]["time"] == daily_evening.time and daily_evening.label not in out[-1]["title"]:
            # The group's own daily evening routine (e.g. 接龙截单) keeps running alongside the topic.
            out[-1]["opening"] += f"（另外，{daily_evening.time} {daily_evening.label}照常进行。）"
    return Composed(_ensure_variety(out, rotation, profile))


def _ensure_variety(entries: list[dict[str, Any]], rotation: list[str], profile: GroupProfile, need: int = 3) -> list[dict[str, Any]]:
    """Short calendars can repeat a form (e.g. two discussion evenings); swap in unused forms."""
    types = {e["type"] for e in entries}
    spare = [t for t in rotation if t not in types]
    for i, e in enumerate(entries):
        if len({x["type"] for x in entries}) >= need or not spare:
            break
        same = [x for x in entries if x["type"] == e["type"]]
        has_fixed = any("固定安排" in x["why"] for x in same)
        if "固定安排" in e["why"] or len(same) < 2 or (e is same[0] and not has_fixed):
            continue
        topic = next((t for t in profile.topics if t in e["opening"]), profile.topics[0])
        weekday = C.WEEKDAYS.index(e["weekday"][-1])
        entries[i] = _entry(spare.pop(0), e["day"], weekday, e["time"], topic, profile)
    return entries


def calendar_problems(drafts: list[dict[str, Any]], ctx: dict[str, Any]) -> list[str]:
    """Every day of the requested calendar must have at least one entry."""
    days = int(ctx.get("days", 7))
    covered = {int(d.get("day", 0)) for d in drafts}
    missing = [d for d in range(1, days + 1) if d not in covered]
    if missing:
        return [f"日历需要覆盖第 1 到第 {days} 天，缺少第 {'、'.join(map(str, missing))} 天"]
    return []


SPEC = AgentSpec(
    target="topics",
    prompt="draft_topics",
    schema=TopicDrafts,
    cards=("daily-topics", "activity-resonance", "share-sessions"),
    query="每日话题 话题日历 晨报 共振 打卡 接龙 投票 活动 简单明确 收益大于难度",
    offline=compose_topics,
    min_drafts=lambda ctx: int(ctx.get("days", 7)),
    structure=calendar_problems,
)


def draft_topics(profile: GroupProfile, engine: Engine, *, days: int = 7, start_weekday: int = 0) -> DraftResult:
    return run_agent(SPEC, profile, engine, context={"days": days, "start_weekday": start_weekday})

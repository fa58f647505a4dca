"""Group documents: 群介绍/群公告 (intro), full 群规 (rules) and 入群欢迎语 (welcome).

Offline strategy: the structure the cards prescribe (intro-welcome, group-rules, threshold,
ritual-belonging), filled from the profile: what a member gets depends on the group type and goals,
the entry conditions on the threshold, the rhythm on the schedule, forbidden links on
``allowed_domains``, extra banned topics on ``banned``, and the 群名片 format on audience/threshold.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from copilot.agents import compose as C
from copilot.agents.base import AgentSpec, Composed, DraftResult, Passage, run_agent
from copilot.knowledge.checks import topic_words
from copilot.llm import Engine
from copilot.profile import GroupProfile
from copilot.textnorm import fold


class TextItem(BaseModel):
    title: str = Field("", description="标题，可为空")
    text: str = Field(min_length=10, description="可直接发到群里的全文")


class TextDrafts(BaseModel):
    drafts: list[TextItem] = Field(min_length=1)


# -- intro --------------------------------------------------------------------------------------
def benefits(profile: GroupProfile) -> list[str]:
    """What a member gets, by group type, topics, goals and products (card value-benefits)."""
    t = profile.topics
    t0, t1 = t[0], t[1] if len(t) > 1 else t[0]
    by_type = {
        "知识型": [f"每天一份{t0}干货和资料，省去自己到处找", f"{t1}上的问题有人答疑，不再一个人卡住",
                  "同伴互相监督，一起坚持" if C.is_checkin(profile)
                  else f"{C.address(profile)}互相分享真实经验，少走弯路" if C.is_parenting(profile)
                  else "同行交流真实案例和经验，少踩坑"],
        "兴趣型": [f"认识一群同样喜欢{t0}的同好", f"{t1}经验交流，少走弯路", "固定的线上线下活动，有人一起玩"],
        "消费型": [f"{t0}团购价，比单买更实惠", "会员日专属优惠和福利", "售后问题有专人跟进"],
        "品牌型": ["会员专属福利和新品优先试用", f"{t1}技巧交流，有专业同事答疑", "一对一的客服通道"],
    }
    items = list(by_type.get(C.gtype(profile), [f"围绕{t0}的经验交流", f"{t1}问题互助答疑", "固定的群活动"]))
    if C.is_parenting(profile):
        items[0] = f"每天一份{t0}做法和营养搭配思路"
    for g in profile.goals:
        if any(w in g for w in ("分享", "答疑", "精讲", "互评", "品鉴", "复盘", "约跑", "拼团", "食谱")):
            items.append(g)  # a goal such as "每周一次营养师答疑" already reads as a benefit
    return items[:5]


def entry_conditions(profile: GroupProfile) -> str:
    if profile.threshold:
        return profile.threshold
    aud = profile.audience or f"对{profile.topics[0]}感兴趣的人"
    return f"{aud}，愿意遵守群规、参与讨论；长期不发言的成员会定期清理"


def compose_intro(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    name = profile.display_name()
    topics = "、".join(profile.topics[:4])
    # "定位：" + the operator's own words: pasting them after "这里是" breaks sentences such as
    # "给6个月到3岁宝宝的妈妈们分享…" or "深圳中小企业的HR交流…问题".
    lines = [f"【{name}｜群介绍】", f"定位：{profile.positioning.rstrip('。.！!；; ')}。"]
    if profile.audience:
        lines.append(f"适合谁：{profile.audience}。")
    lines.append("你能得到：")
    lines += [f"{i}. {b}" for i, b in enumerate(benefits(profile), 1)]
    lines.append(f"入群条件：{entry_conditions(profile)}。")
    lines.append(
        f"群规摘要：① 只聊{topics}相关话题；② 不发广告、不刷屏、不人身攻击；"
        "③ 违规先私聊提醒，再禁言，屡犯移出。完整群规见群公告置顶。"
    )
    lines.append("活动安排：")
    lines += [f"· {s}" for s in C.schedule_lines(profile)]
    closing = {
        "知识型": "有问题先翻群公告和精华，再在群里提问，说清背景更容易得到回答。",
        "兴趣型": "新朋友先做个自我介绍，下一次活动就等你来。",
        "消费型": "下单、售后有问题随时私聊管理员，不在群里贴订单号。",
        "品牌型": "有任何产品问题，随时私聊客服同事。",
    }.get(C.gtype(profile), "有建议随时私聊管理员。")
    lines.append(closing)
    return Composed([{"title": f"{name} 群介绍", "text": "\n".join(lines)}])


INTRO = AgentSpec(
    target="intro",
    prompt="draft_intro",
    schema=TextDrafts,
    cards=("intro-welcome", "value-benefits", "threshold", "positioning"),
    query="群介绍 群公告 定位 利益点 入群条件 群规摘要 活动安排",
    offline=compose_intro,
)


# -- rules --------------------------------------------------------------------------------------
def compose_rules(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    name = profile.display_name()
    gt = C.gtype(profile)
    topics = "、".join(profile.topics[:4])
    where = "群文件" if profile.platform == "qq" else "群公告"
    speak = [f"围绕{topics}交流，闲聊适度，别让有用的信息被刷下去。"]
    if gt == "知识型":
        speak.append("提问前先翻群公告和精华；提问时写清背景、卡在哪一步、已经试过什么，方便别人回答。")
        speak.append("鼓励分享自己的经验和资料，注明来源。")
    elif gt == "消费型":
        speak.append("下单接龙按统一格式；售后问题请私聊管理员并附订单信息，不在群里争执。")
        speak.append("鼓励真实晒单和评价，好坏都可以说。")
    elif gt == "品牌型":
        speak.append("产品和订单问题私聊客服同事处理，群里聊使用心得和技巧。")
        speak.append("鼓励分享真实体验，提意见请对事不对人。")
    else:
        speak.append("鼓励分享照片、经验和活动感受；约活动请写清时间、地点和人数。")
        speak.append("线下活动量力而行，注意安全，出发前在群里报备。")
    if gt != "消费型":
        speak.append("晚上 23:00 到早上 7:00 尽量不发消息，照顾大家休息。")
    links = (
        f"链接只允许来自 {'、'.join(profile.allowed_domains)}，其他链接请先问管理员"
        if profile.allowed_domains
        else "未经管理员同意不发外部链接和二维码"
    )
    banned_extra = f"；不发与{'、'.join(profile.banned)}有关的内容" if profile.banned else ""
    forbid = [
        f"禁止广告：不发广告、二维码，不私下拉人进其他群；{links}。",
        "禁止人身攻击：不辱骂、不歧视、不挑起争吵，观点不同就事论事。",
        "禁止刷屏：不连续发无关消息、表情包轰炸或拉票链接。",
        f"禁止违法违规内容：赌博、色情、诈骗及平台不允许的内容{banned_extra}。",
    ]
    reward = {
        "知识型": "每周评选“打卡之星”和“最佳回答”，在群公告表彰，积分可兑换资料或答疑优先权。",
        "兴趣型": "每月评选活跃之星，作品和经验优先在群里展示，活动名额优先报名。",
        "消费型": "真实晒单和推荐新邻居可获得积分，积分在会员日抵扣。",
        "品牌型": "活跃会员获得积分和徽章，新品试用优先安排。",
    }.get(gt, "每月评选活跃之星并在群公告表彰。")
    lines = [
        f"【{name}｜群规】",
        "为了让每个人在这里都有收获，请花一分钟读完。",
        "一、入群条件",
        f"{entry_conditions(profile)}。进群后请把群名片改成“{C.card_format(profile)}”。",
        "二、发言规范",
        *[f"{i}. {s}" for i, s in enumerate(speak, 1)],
        "三、禁止行为",
        *[f"{i}. {s}" for i, s in enumerate(forbid, 1)],
        "四、违规处理（逐级加重）",
        "1. 第一次：管理员删除消息并私聊提醒，说明违反了哪一条；",
        "2. 第二次：禁言 24 小时；",
        "3. 第三次：移出群聊。营销小号、诈骗链接直接移出。",
        "处理对所有成员一视同仁，有异议请私聊管理员。",
        "五、奖励机制",
        reward,
        f"本群规放在{where}，会根据大家的反馈调整。",
    ]
    return Composed([{"title": f"{name} 群规", "text": "\n".join(lines)}])


RULES = AgentSpec(
    target="rules",
    prompt="draft_rules",
    schema=TextDrafts,
    cards=("group-rules", "threshold", "moderation-offtopic"),
    query="群规 入群条件 发言规范 禁止行为 广告 人身攻击 刷屏 违规处理 禁言 移出 奖励",
    offline=compose_rules,
)


# -- welcome ------------------------------------------------------------------------------------
def _welcome_value(profile: GroupProfile) -> str:
    """The group's core value in a few words: the first benefit that names the group's subject."""
    words = topic_words(profile)
    items = benefits(profile)
    return next((b for b in items if any(w in fold(b) for w in words)), items[0]).split("，")[0]


def _next_event(profile: GroupProfile) -> str:
    """The nearest fixed activity (a daily one before a weekly one), e.g. "每天 07:30 单词晨报"."""
    items = C.parse_schedule(profile)
    first = next((i for i in items if i.weekday is None), items[0] if items else None)
    return f"{first.when} {first.label}" if first else C.schedule_lines(profile)[0].replace("：", " ")


def _fit(*versions: str, limit: int = 120) -> str:
    """The first (fullest) version that fits ``limit`` visible characters, else the shortest."""
    return next((v for v in versions if len("".join(v.split())) <= limit), versions[-1])


def compose_welcome(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    # Every variant says what members get here and the next activity (card intro-welcome: 迎新 tells
    # the core value and the coming activity), and stays short enough for the welcome.no_flooding limit.
    n = max(1, int(ctx.get("n", 2)))
    name = profile.display_name()
    fmt = C.card_format(profile)
    say = C.intro_prompt(profile)
    where = "群文件" if profile.platform == "qq" else "群公告"
    value = f"在这里能得到：{_welcome_value(profile)}"
    event = _next_event(profile)
    hi = "欢迎" if not C.lively(profile) else "欢迎欢迎"
    variants = [
        _fit(f"{hi} @{{昵称}} 加入{name}！{value}，最近的活动是{event}。先把群名片改成“{fmt}”，再用一两句话做个自我介绍：{say}。群规在{where}。",
             f"{hi} @{{昵称}} 加入{name}！{value}，最近的活动是{event}。先把群名片改成“{fmt}”，再做个自我介绍。群规在{where}。"),
        _fit(f"@{{昵称}} 你好，欢迎来到{name}。{value}。三件小事：1. 群名片改成“{fmt}”；2. 发一段自我介绍（{say}）；3. 看一眼{where}里的群规。下次活动：{event}。",
             f"@{{昵称}} 你好，欢迎来到{name}。{value}。三件小事：1. 群名片改成“{fmt}”；2. 做个自我介绍；3. 看一眼{where}里的群规。下次活动：{event}。"),
        _fit(f"{C.address(profile)}，我们有新朋友 @{{昵称}} 啦！{value}，{event}见。请先改群名片（{fmt}）并做个自我介绍，群规在{where}。"),
    ]
    return Composed([{"title": "", "text": v} for v in variants[:n]])


WELCOME = AgentSpec(
    target="welcome",
    prompt="draft_welcome",
    schema=TextDrafts,
    cards=("intro-welcome", "ritual-belonging"),
    query="欢迎语 新人 群名片 自我介绍 群公告 仪式感",
    offline=compose_welcome,
    min_drafts=lambda ctx: int(ctx.get("n", 2)),
)


def draft_intro(profile: GroupProfile, engine: Engine) -> DraftResult:
    return run_agent(INTRO, profile, engine)


def draft_rules(profile: GroupProfile, engine: Engine) -> DraftResult:
    return run_agent(RULES, profile, engine)


def draft_welcome(profile: GroupProfile, engine: Engine, *, n: int = 2) -> DraftResult:
    return run_agent(WELCOME, profile, engine, context={"n": n})

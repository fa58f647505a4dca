"""Copy agent: activity announcements, promotions, 朋友圈 posts and group notices.

Promotion copy (card promotion) names the 套路 it uses — 加价换购 (比例偏见), 组合套装, 拼团,
买N送1, 折扣 — and shows the arithmetic computed from the profile's product prices, so
``price_consistent`` can verify every number. No false urgency, no hype, one message, few "！".
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, Field

from copilot.agents import compose as C
from copilot.agents.base import AgentSpec, Composed, DraftError, DraftResult, Passage, run_agent
from copilot.agents.docs import benefits, entry_conditions
from copilot.llm import Engine
from copilot.profile import GroupProfile, Product
from copilot.textnorm import fold

CopyKind = Literal["activity", "promotion", "moments", "notice"]
KIND_NAMES = {"activity": "活动文案", "promotion": "促销文案", "moments": "朋友圈文案", "notice": "群通知"}
m = C.fmt_money


class CopyItem(BaseModel):
    title: str = ""
    text: str = Field(min_length=10, description="可直接发出的全文")
    tactic: str = Field("", description="促销套路：加价换购/买N送1/拼团/组合套装/折扣；非促销留空")
    arithmetic: list[str] = Field(default_factory=list, description="价格算式，如 3 × 89 = 267 元")
    note: str = Field("", description="给运营看的提示（不发到群里），如：档案里没有的价格是按算式给出的建议，需确认")


class CopyDrafts(BaseModel):
    drafts: list[CopyItem] = Field(min_length=1)


def _priced(profile: GroupProfile) -> list[Product]:
    return [p for p in profile.products if p.price]


def _closing(profile: GroupProfile) -> str:
    if C.gtype(profile) == "消费型":
        return f"需要的{C.address(profile)}在群里接龙，不需要的忽略就好。"
    if C.gtype(profile) == "品牌型":
        return "会员专享，有问题私聊客服同事。"
    return "需要的朋友私聊我，不打扰大家。"


SUGGESTED = "建议方案，请确认"
_CONSUMABLE_UNITS = set("箱串卷包袋盒瓶罐支片斤个条桶提听杯份罐") | {"kg", "g"}
_NOT_CONSUMABLE = ("课", "会员", "咨询", "服务", "训练营", "年卡", "月卡", "季卡", "门票", "陪跑", "社群", "席位")


def current_price(p: Product) -> float:
    """What a member pays today without any deal: the promo price when the profile gives one."""
    return min(v for v in (p.price, p.promo_price) if v) if (p.price or p.promo_price) else 0.0


def _price_label(p: Product) -> str:
    """The product's own prices as the profile states them (原价, plus 活动价 when set)."""
    if p.promo_price and p.price and p.promo_price < p.price:
        return f"原价{m(p.price)}元，活动价{m(p.promo_price)}元"
    return f"原价{m(p.price)}元"


def is_consumable(p: Product) -> bool:
    """买N送1 only suits things that get used up (card promotion: 常用、消耗快的东西)."""
    blob = p.name + p.description
    if any(w in blob for w in _NOT_CONSUMABLE):
        return False
    return p.unit in _CONSUMABLE_UNITS


def _suggest_note(what: str) -> str:
    return (f"建议：{what}档案里没有写，这里按上面的算式给出一个建议方案，"
            "发出前请确认价格和规则是否可行（或改成你们实际的价格）。")


def _addon(profile: GroupProfile) -> dict[str, Any] | None:
    ps = sorted(_priced(profile), key=lambda p: -(p.price or 0))
    if len(ps) < 2:
        return None
    main, add = ps[0], ps[-1]
    add_now = current_price(add)
    if add_now <= 1 or add_now > current_price(main) * 0.6:
        return None
    saved = add_now - 1
    lines = [f"{m(add_now)} ÷ 1 = {m(add_now)}", f"{m(add_now)} - 1 = {m(saved)} 元"]
    text = (
        f"【加价换购】买{main.name}（{_price_label(main)}），加1元换购{add.name}一{add.unit}（{_price_label(add)}）。\n"
        f"算一算：同样是送{add.name}，说“加1元换购”时大家拿{m(add_now)}元和1元比，"
        f"{lines[0]} 倍，感受更直观；实际多付1元，{add.name}立省{m(saved)}元。\n{_closing(profile)}"
    )
    return {"title": f"{main.name} 加1元换购·{SUGGESTED}", "text": text, "tactic": "加价换购（比例偏见）",
            "arithmetic": lines, "note": _suggest_note("“加1元换购”这项优惠")}


def _bundle(profile: GroupProfile) -> dict[str, Any] | None:
    ps = _priced(profile)
    if len(ps) < 2:
        return None
    a, b = ps[0], ps[1]
    now = current_price(a) + current_price(b)
    raw = round(now * 0.9, 2)
    price = math.floor(raw)
    if price <= 0 or price >= now:
        return None
    saved = round(now - price, 2)
    lines = [f"{m(current_price(a))} + {m(current_price(b))} = {m(now)} 元",
             f"{m(now)} × 0.9 = {m(raw)} 元（取整为 {m(price)} 元）", f"{m(now)} - {m(price)} = {m(saved)} 元"]
    text = (
        f"【组合套装】{a.name}（{_price_label(a)}）+ {b.name}（{_price_label(b)}）一起买，"
        f"按现在的价格单买合计 {lines[0]}，套装价{m(price)}元，比单买再省{m(saved)}元。\n"
        f"两样一起用更顺手，单买也照常供应。{_closing(profile)}"
    )
    return {"title": f"{a.name}+{b.name} 组合套装·{SUGGESTED}", "text": text, "tactic": "组合套装",
            "arithmetic": lines, "note": _suggest_note("套装价（按两样现价合计打9折取整）")}


def _group_buy(profile: GroupProfile) -> dict[str, Any] | None:
    ps = [p for p in _priced(profile) if current_price(p) >= 10]
    if not ps:
        return None
    p = next((p for p in ps if p.promo_price), ps[0])
    now = current_price(p)
    raw = round(now * 0.9, 2)
    price = math.floor(raw)
    if price >= now:
        return None
    each = round(now - price, 2)
    lines = [f"{m(now)} × 0.9 = {m(raw)} 元（取整为 {m(price)} 元）", f"{m(now)} - {m(price)} = {m(each)} 元",
             f"3 × {m(price)} = {m(3 * price)} 元"]
    text = (
        f"【三人拼团】{p.name}（{_price_label(p)}），3人成团每人{m(price)}元，比现在的价格每人再省{m(each)}元"
        f"（{lines[1]}）。一团合计 {lines[2]}。\n"
        f"成团进度在群里更新。{_closing(profile)}"
    )
    return {"title": f"{p.name} 三人拼团·{SUGGESTED}", "text": text, "tactic": "拼团", "arithmetic": lines,
            "note": _suggest_note("拼团价、成团人数、截止时间和未成团的处理方式")}


def _buy_n(profile: GroupProfile, n: int = 3) -> dict[str, Any] | None:
    ps = [p for p in _priced(profile) if is_consumable(p)]
    if not ps:
        return None
    p = min(ps, key=lambda p: current_price(p))
    now = current_price(p)
    pay = n * now
    avg = round(pay / (n + 1), 2)
    discount = round(10 * n / (n + 1), 1)
    lines = [f"{n} × {m(now)} = {m(pay)} 元", f"{m(pay)} ÷ {n + 1} = {m(avg)} 元"]
    text = (
        f"【买{n}送1】{p.name}（{_price_label(p)}）每{p.unit} {m(now)} 元，买{n}送1相当于{m(discount)}折："
        f"付 {lines[0]}，拿{n + 1}{p.unit}，平均每{p.unit} {lines[1]}。\n"
        f"{p.name}是常用、消耗快的东西，一次备齐。{_closing(profile)}"
    )
    return {"title": f"{p.name} 买{n}送1·{SUGGESTED}", "text": text, "tactic": f"买{n}送1", "arithmetic": lines,
            "note": _suggest_note(f"“买{n}送1”这项优惠")}


def _discount(profile: GroupProfile) -> dict[str, Any] | None:
    p = next((p for p in _priced(profile) if p.promo_price and p.promo_price < (p.price or 0)), None)
    if not p:
        return None
    saved = (p.price or 0) - (p.promo_price or 0)
    rate = round(10 * (p.promo_price or 0) / (p.price or 1), 1)
    lines = [f"{m(p.price)} - {m(p.promo_price)} = {m(saved)} 元"]
    label = "会员价" if C.gtype(profile) == "品牌型" else "活动价"
    text = (
        f"【{'会员日折扣' if any('会员日' in fold(x) for x in profile.schedule) else '折扣'}】{p.name}原价{m(p.price)}元，{label}{m(p.promo_price)}元，立省{m(saved)}元（约{m(rate)}折）。\n"
        f"{p.description + '。' if p.description else ''}{_closing(profile)}"
    )
    return {"title": f"{p.name} {label}", "text": text, "tactic": "折扣", "arithmetic": lines, "note": ""}


_WHY_MISSING = {
    "_addon": "加价换购需要一贵一便宜两件商品（便宜的不超过贵的六成）",
    "_bundle": "组合套装需要至少两件带价格的商品",
    "_group_buy": "拼团需要一件现价不低于10元的商品",
    "_buy_n": "买N送1只适合常用、消耗快的商品（按 unit 判断，如箱/袋/盒），课程、服务类不适用",
    "_discount": "折扣需要商品同时有 price 和更低的 promo_price",
}


def compose_promotion(profile: GroupProfile, n: int) -> Composed:
    if not _priced(profile):
        raise DraftError("群档案里没有带价格的商品（products 的 price），无法写促销文案；请先在档案里补充商品和价格")
    out: list[dict[str, Any]] = []
    missing: list[str] = []
    for f in (_discount, _addon, _bundle, _group_buy, _buy_n):
        d = f(profile)
        if d:
            out.append(d)
        else:
            missing.append(_WHY_MISSING[f.__name__])
    why = "按档案里的商品和价格只能合理地写出这几种套路（" + "；".join(missing) + "），没有硬凑"
    return Composed(out[:n], why if len(out) < n else None)


def compose_activity(profile: GroupProfile) -> dict[str, Any]:
    """Announcement of the group's next fixed event, worded for what kind of event it is."""
    t0 = profile.topics[0]
    items = C.parse_schedule(profile)
    _, evening = C.rhythm(profile)
    ev = next((i for i in items if i.weekday is not None), None)
    when = ev.when if ev else f"本周三 {evening}"
    what = ev.label if ev else f"{t0}主题分享"
    kind = C.event_type(what) if ev else "干货分享"
    if t0 not in what:
        what = f"{what}（{t0}）"
    where = "群文件" if profile.platform == "qq" else "群公告"
    gain, steps, after = {
        "会员日": (
            f"会员专属价和小福利，当天的{t0}商品、价格和规则都写在{where}里",
            ["看" + where + "里的商品和价格", "在群里接龙", "按约定时间自提或下单"],
            "不需要的话忽略就好，平时价格照常。",
        ),
        "线下活动": (
            f"和同好一起{ev.label if ev else t0}，有人带、有人陪，新手也能跟上",
            ["在群里接龙报名", "按时到集合点", "量力而行，注意安全"],
            "天气不好会提前在群里通知。",
        ),
        "晒图": (
            f"你的{t0}作品得到点评，优秀作品在群里置顶展示",
            ["按本周主题准备一张作品", "发到群里配一句话", "给别人的作品留一句点评"],
            "没有作品也欢迎来看、来学。",
        ),
    }.get(kind, (
        f"关于{t0}的实用做法，现场答疑，会后整理成纪要发到群里",
        ["在群里接龙报名", "提前留言写下想问的问题", "准时参加"],
        "不方便参加也没关系，会后纪要人人可看。",
    ))
    # A talk's announcement names its speaker (card share-sessions); the profile does not say who
    # speaks, so the draft leaves a placeholder and the note asks the operator to fill it in.
    speaker = "主讲：{主讲人}\n" if kind == "干货分享" else ""
    text = (
        f"【活动预告】{when} {what}\n"
        f"{speaker}"
        f"适合谁：{profile.audience or '群里所有对' + t0 + '感兴趣的朋友'}\n"
        f"你能得到：{gain}。\n"
        "怎么参与：" + "；".join(f"{i}. {s}" for i, s in enumerate(steps, 1)) + "。\n"
        f"{after}"
    )
    note = "群档案里没有主讲人，发出前把 {主讲人} 换成真实的主讲人。" if speaker else ""
    return {"title": f"活动预告：{what}", "text": text, "tactic": "", "arithmetic": [], "note": note}


def compose_moments(profile: GroupProfile) -> list[dict[str, Any]]:
    name = profile.display_name()
    t0 = profile.topics[0]
    bens = benefits(profile)[:3]
    text = (
        f"最近在运营「{name}」：{profile.positioning}。\n"
        f"在群里你能得到：{'；'.join(bens)}。\n"
        f"入群条件：{entry_conditions(profile)}。\n"
        f"感兴趣的朋友私信我，备注“{t0}”，我拉你进群。"
    )
    short = (
        f"一个认真聊{t0}的群：{bens[0]}。"
        f"{'适合' + profile.audience + '，' if profile.audience else ''}想加入的私信我备注“{t0}”。"
    )
    return [
        {"title": "朋友圈招募（完整版）", "text": text, "tactic": "", "arithmetic": []},
        {"title": "朋友圈招募（短版）", "text": short, "tactic": "", "arithmetic": []},
    ]


def compose_notice(profile: GroupProfile) -> dict[str, Any]:
    name = profile.display_name()
    where = "群文件" if profile.platform == "qq" else "群公告"
    lines = [f"【{name}｜本周安排】", f"{C.address(profile)}好，这周{profile.topics[0]}相关的固定安排如下："]
    lines += [f"· {s}" for s in C.schedule_lines(profile)]
    lines.append(f"温馨提醒：群里只聊{'、'.join(profile.topics[:3])}相关话题，不发广告、不刷屏，完整群规在{where}。")
    lines.append("有建议随时私聊管理员。")
    return {"title": f"{name} 本周安排", "text": "\n".join(lines), "tactic": "", "arithmetic": []}


def compose_copy(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    kind = ctx.get("kind", "activity")
    n = int(ctx.get("n") or DEFAULT_N.get(kind, 1))
    if kind == "promotion":
        return compose_promotion(profile, n)
    if kind == "moments":
        return Composed(compose_moments(profile)[:n], "朋友圈文案只有完整版和短版两种写法")
    why = f"{KIND_NAMES[kind]}每次只写一条（按档案里最近的固定安排）"
    return Composed([compose_notice(profile) if kind == "notice" else compose_activity(profile)], why)


SPEC = AgentSpec(
    target="copy",
    prompt="draft_copy",
    schema=CopyDrafts,
    cards=("promotion", "activity-resonance", "value-benefits"),
    query="促销 文案 比例偏见 加价换购 买N送1 拼团 组合套装 算账 刷屏 过度营销",
    offline=compose_copy,
)


DEFAULT_N = {"activity": 1, "promotion": 3, "moments": 2, "notice": 1}


def draft_copy(profile: GroupProfile, engine: Engine, *, kind: CopyKind = "activity", n: int | None = None) -> DraftResult:
    """Copy of ``kind``; ``n`` defaults per kind (activity/notice 1, moments 2, promotion 3).

    When fewer than ``n`` drafts can be written honestly, the result's notice says why."""
    if kind not in KIND_NAMES:
        raise DraftError(f"--kind 只能是 {'/'.join(KIND_NAMES)}，收到 {kind!r}")
    if kind == "promotion" and not _priced(profile):
        raise DraftError("群档案里没有带价格的商品（products 的 price），无法写促销文案；请先在档案里补充商品和价格")
    if n is None:
        n = DEFAULT_N[kind]
    return run_agent(SPEC, profile, engine, context={"kind": kind, "kind_name": KIND_NAMES[kind], "n": n})

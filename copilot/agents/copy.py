"""Copy agent: activity notices, promotions, 朋友圈 posts and group notices.

Every draft keeps what members read (``text``) apart from what only the operator reads
(``operator_note``, ``tactic``, ``arithmetic``, ``needs``). Activity notices are written per event
kind from the profile's events (:mod:`copilot.agents.events`). Promotion text states the offer, the
price, how to buy (``purchase_path``, a link on an ``allowed_domains`` host, or the group's 接龙) and
the deadline; the 套路 (card promotion: 加价换购/比例偏见, 组合套装, 拼团, 买N送1, 折扣), the arithmetic
and the risks go to the operator. A deal that would give away the group's core paid product, or make
the add-on worth more than the main item, is not proposed. No false urgency, no hype.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from copilot.agents import compose as C
from copilot.agents.base import AgentSpec, Composed, DraftError, DraftResult, Passage, drop_clauses, run_agent
from copilot.agents.docs import benefits, clause_bank, entry_conditions, selling_exception
from copilot.agents.events import compose_notice as compose_event_notice
from copilot.agents.events import happens_apart, is_paused, phrase, rotation, when_label
from copilot.agents.facts import lead_topic, physical_place, slot_topic, verb_fill
from copilot.agents.topics import next_monday, occurrences
from copilot.cadence import holiday_name, holiday_note, weekday_name
from copilot.knowledge.rules import load_rules
from copilot.llm import Engine
from copilot.paths import KNOWLEDGE_DIR, load_resource
from copilot.profile import Event, GroupProfile, Product
from copilot.textnorm import fold, split_sentences, tokenize

CopyKind = Literal["activity", "promotion", "moments", "notice"]
KIND_NAMES = {"activity": "活动文案", "promotion": "促销文案", "moments": "朋友圈文案", "notice": "群通知"}
m = C.fmt_money


class CopyItem(BaseModel):
    title: str = Field("", description="给运营看的标题")
    text: str = Field(min_length=10, description="发给成员的全文：优惠、价格、怎么买、截止时间；不写套路名和算式")
    tactic: str = Field("", description="促销套路：加价换购/买N送1/拼团/组合套装/折扣；非促销留空（给运营看）")
    arithmetic: list[str] = Field(default_factory=list, description="价格算式，如 3 × 89 = 267 元（给运营看）")
    operator_note: str = Field("", description="给运营看、不发到群里：用的什么套路、怎么算的、风险、要确认的事")
    needs: list[str] = Field(default_factory=list, description="档案里没有、要运营补上的事实")
    event: str = Field("", description="活动通知对应的群档案活动名")


class CopyDrafts(BaseModel):
    drafts: list[CopyItem] = Field(min_length=1)


def _priced(profile: GroupProfile) -> list[Product]:
    return [p for p in profile.products if p.price]


@lru_cache(maxsize=1)
def promo_bank() -> dict[str, Any]:
    return load_resource("drafting/promotion.yaml")


SUGGESTED = "建议方案，请确认"


def current_price(p: Product) -> float:
    """What a member pays today without any deal: the promo price when the profile gives one."""
    return min(v for v in (p.price, p.promo_price) if v) if (p.price or p.promo_price) else 0.0


def promo_label(profile: GroupProfile, p: Product) -> str:
    """会员价 only when the profile says the promo price is the member price (the product's description
    or the purchase path: "活动价即会员价", "会员价自动生效"); a brand group's undated promo price is
    otherwise an 活动价, whose end the operator supplies (no standing price is invented)."""
    said = fold(p.description + " " + profile.purchase_path)
    return "会员价" if any(fold(w) in said for w in promo_bank()["member_price_words"]) else "活动价"


def _price_label(profile: GroupProfile, p: Product) -> str:
    """The product's own prices as the profile states them (原价, plus 活动价/会员价 when set)."""
    if p.promo_price and p.price and p.promo_price < p.price:
        return f"原价{m(p.price)}元，{promo_label(profile, p)}{m(p.promo_price)}元"
    return f"原价{m(p.price)}元"


def is_consumable(p: Product) -> bool:
    """买N送1 only suits things that get used up (card promotion: 常用、消耗快的东西)."""
    blob = p.name + p.description
    if any(w in blob for w in promo_bank()["core_words"] + promo_bank()["trial_words"]):
        return False  # a course or a service is no stock-up item, nor is a sample one tries once
    return p.unit in promo_bank()["consumable_units"]


def is_core_product(profile: GroupProfile, p: Product) -> bool:
    """The group's main paid product (its membership, or a course/service): never given away as an add-on."""
    blob = fold(p.name + " " + p.description)
    for phrase_ in promo_bank()["price_phrases"]:  # "会员价" says who pays that price, not that it is a membership
        blob = blob.replace(fold(phrase_), "")
    return (any(w in blob for w in promo_bank()["core_words"]) or bool(profile.paid and profile.paid.price <= (p.price or 0))
            or _includes_the_groups_events(profile, p))


def _includes_the_groups_events(profile: GroupProfile, p: Product) -> bool:
    """``p`` says it includes what the group itself runs ("含8次直播带练和答疑" where 直播带练 is the group's
    weekly event): it is what members joined for, not an extra to deal on."""
    return any(_says_it_includes(p.description, e.title) for e in profile.all_events())


def _says_it_includes(description: str, name: str) -> bool:
    """``description`` says it includes (含、包括…) something called ``name``: a word of the name in it."""
    desc = fold(description)
    if not any(w in desc for w in promo_bank()["includes_words"]):
        return False
    return any(fold(w) in desc for w in tokenize(name, for_search=False) if len(w) >= 2)


def included_in(p: Product, q: Product) -> bool:
    """``q``'s description says it already includes ``p`` ("年卡：含全年直播和线下沙龙" includes 沙龙单次票)."""
    return p is not q and _says_it_includes(q.description, p.name)


def dealable(profile: GroupProfile) -> list[Product]:
    """Priced products a deal may be built on: not the group's core paid product (a course, a
    membership), and not something a core product already includes for its members."""
    priced = _priced(profile)
    core = [p for p in priced if is_core_product(profile, p)]
    return [p for p in priced if p not in core and not any(included_in(p, c) for c in core)]


def how_to_buy(profile: GroupProfile) -> tuple[str, str]:
    """(member-facing line, operator note when it had to be guessed): the profile's purchase path, a
    link on an allowed domain, the group's 接龙, or "私聊管理员" with a note to fill in the path."""
    hb = promo_bank()["how_to_buy"]
    if profile.purchase_path:
        return hb["path"].format(path=profile.purchase_path.rstrip("。")), ""
    if profile.allowed_domains:
        return hb["link"].format(domain=profile.allowed_domains[0]), "链接先写了允许的域名首页，请换成商品的下单链接。"
    if any(e.kind == "接龙" for e in profile.all_events()):
        return hb["relay"], ""
    return hb["ask"], "档案没有写购买方式（purchase_path），暂写“私聊管理员”。"


def deadline(profile: GroupProfile, start: dt.date, sale: tuple[dt.date, Event] | None = None) -> tuple[str, str]:
    """(member line, operator note) for the offer's end: the day of the group's own sale event when
    the offer belongs to one (会员日 每月15号 → that date); else ("", "") — the profile gives no end date."""
    if sale:
        on, ev = sale
        when = f"{on.month}月{on.day}日（{weekday_name(on.weekday())}）{ev.title}当天"
        return promo_bank()["deadline"].format(when=when), f"截止时间按档案里{ev.title}的日期（{ev.cadence.label}）写。"
    return "", ""  # the profile gives no end date: none is invented, the draft lists it under needs


def names_product(folded: str, p: Product) -> bool:
    """``folded`` (folded text) names the product: its whole name or one of its words of 3+ characters."""
    return fold(p.name) in folded or any(w in folded for w in tokenize(p.name, for_search=False) if len(w) >= 3)


def mentions_product(ev: Event, p: Product, on: dt.date | None = None) -> bool:
    return names_product(fold(ev.title + rotation(ev, on).text), p)


def member_price_day(profile: GroupProfile, start: dt.date, product: Product | None = None) -> tuple[dt.date, Event] | None:
    """The next 会员日 whose price the profile's promo prices are: "全场会员价" says so (``day_price_words``).
    A bare 会员日 (no details) says nothing about prices, so none is tied to it (its offer goes to needs). One that gives an extra discount on the member price ("会员价再打9折")
    means the member price is standing, and one that offers something else ("开台费8折") has nothing to
    do with the products."""
    extra = [fold(w) for w in promo_bank()["extra_discount_words"]]
    priced = [fold(w) for w in promo_bank()["day_price_words"]]
    for on, ev in occurrences(profile, start, 62):
        if ev.kind == "会员日":
            said = fold(ev.details)
            # a 会员日 whose details offer something else ("开台费8折"), or give no details at all, is no
            # deadline for a product's price: only one that names a price word ties the promo prices to it
            linked = any(w in said for w in priced) and not any(w in said for w in extra)
            # a 会员日 that names its products ("驱虫套餐会员价99元") is no deadline for the others' prices
            named = [q for q in profile.products if mentions_product(ev, q, on)]
            if product is not None and named and product not in named:
                return None
            return (on, ev) if linked else None
    return None


def sale_event(profile: GroupProfile, p: Product, start: dt.date) -> tuple[dt.date, Event] | None:
    """The next 会员日/秒杀 this product's promo price belongs to: a sale that names the product, else
    the 会员日 whose price the promo prices are (:func:`member_price_day`). A 会员价 is a member's
    everyday price, not a flash sale's: a 秒杀 that sells the product at its own price does not end it;
    and a sale names the product only in the weeks its rotation sells it."""
    member = promo_label(profile, p) == "会员价"
    for on, ev in occurrences(profile, start, 62):
        if ev.kind == "秒杀" and member:
            continue
        if ev.kind in ("会员日", "秒杀") and not is_paused(ev, on) and mentions_product(ev, p, on):
            return on, ev
    return member_price_day(profile, start, p) if p.promo_price else None


def _draft(profile: GroupProfile, ctx: dict[str, Any], *, title: str, offer: str, tactic: str,
           arithmetic: list[str], suggestion: str = "", sale: tuple[dt.date, Event] | None = None,
           standing: str = "", quoted: tuple[Product, ...] = (), needs: list[str] | None = None) -> dict[str, Any]:
    """A promotion: the member text (offer, how to buy, deadline) and the operator's note apart. A
    ``standing`` price (会员价) has no deadline: the text says it holds, the note says why."""
    buy, buy_note = how_to_buy(profile)
    if sale is None and any(p.promo_price for p in quoted):
        # every draft of one promotion that quotes a sale's price (the 秒杀 that names the product, the
        # 会员日 whose price it is) ends when that price ends
        first = dt.date.fromisoformat(str(ctx["start"]))
        sale = next((s for p in quoted if p.promo_price and (s := sale_event(profile, p, first))), None)
    if standing:
        end, end_note = promo_bank()["standing"].format(label=standing), promo_bank()["standing_note"].format(label=standing)
    else:
        end, end_note = deadline(profile, dt.date.fromisoformat(str(ctx["start"])), sale)
    info = promo_bank()["tactics"].get(tactic, {})
    note = [f"套路：{tactic}。{info.get('why', '')}。", "算式：" + "；".join(arithmetic) + "。" if arithmetic else "",
            f"风险：{info.get('risk', '')}。" if info.get("risk") else "", suggestion, buy_note, end_note]
    needs = ([] if end else [promo_bank()["deadline_need"]]) + list(needs or [])
    terms = price_conditions(offer, quoted, sale)
    text = "\n".join(x for x in (offer, terms, buy + "。", end + "。" if end else "") if x)
    return {"title": title, "text": text, "tactic": tactic, "arithmetic": arithmetic,
            "operator_note": "".join(x for x in note if x).replace("。。", "。"), "needs": needs, "event": ""}


def price_conditions(offer: str, quoted: tuple[Product, ...], sale: tuple[dt.date, Event] | None) -> str:
    """The conditions the profile ties to a quoted price, kept with it: clauses of the sale's details
    that name a quoted product and carry a condition ("限当月入住"), and quoted products' descriptions
    that do ("适合10公斤以下猫狗") — a member must not read the price without its terms."""
    words = [fold(w) for w in promo_bank()["condition_words"]]
    said = fold(offer)
    out: list[str] = []

    def keep(clause: str) -> None:
        c = clause.strip(" ，,；;。")
        if c and any(w in fold(c) for w in words) and fold(c) not in said and c not in out:
            out.append(c)

    if sale:
        for sentence in split_sentences(sale[1].details):
            if any(names_product(fold(sentence), p) for p in quoted):
                for clause in re.split(r"[，,；;]", sentence):
                    keep(clause)
    for p in quoted:
        desc = desc_sentence(p.description)
        if desc and fold(desc) not in said:
            keep(f"{desc}（{p.name}）" if len(quoted) > 1 else desc)
    return (promo_bank()["conditions"].format(terms="；".join(out)) + "。") if out else ""


def desc_sentence(description: str) -> str:
    """A product's description as members read it: the operator's jotted parts ("中杯 会员日活动价")
    joined into one clause, without the parts that restate the price the offer line already gives."""
    parts = [x for x in re.split(r"[\s，,；;。、]+", description) if x]
    return "，".join(x for x in parts if not any(w in x for w in promo_bank()["desc_price_words"]))


def _suggest_note(what: str) -> str:
    return f"建议：{what}档案里没有写，这里按算式给出一个建议方案，发出前请确认价格和规则是否可行（或改成你们实际的价格）。"


def _addon(profile: GroupProfile, ctx: dict[str, Any]) -> dict[str, Any] | None:
    ps = sorted(dealable(profile), key=lambda p: -(p.price or 0))
    if len(ps) < 2:
        return None
    main, add = ps[0], ps[-1]
    add_now = current_price(add)
    # the add-on must be a small extra: neither product is the group's core product, and the add-on
    # is worth at most a small share of what the member pays for the main item
    if add_now <= 1 or add_now > current_price(main) * float(promo_bank()["addon_max_share"]):
        return None
    lines = [f"{m(add_now)} ÷ 1 = {m(add_now)}", f"{m(add_now)} - 1 = {m(add_now - 1)} 元"]
    offer = (f"【加1元换购】买{main.name}（{_price_label(profile, main)}），加1元换购{add.name}一{add.unit}"
             f"（{_price_label(profile, add)}），换购品每单限1{add.unit}。")
    return _draft(profile, ctx, title=f"{main.name} 加1元换购·{SUGGESTED}", offer=offer, tactic="加价换购（比例偏见）",
                  arithmetic=lines, suggestion=_suggest_note("“加1元换购”这项优惠"), quoted=(main, add))


def _tenth_off(now: float) -> tuple[float, list[str]]:
    """10 % off ``now`` as a price a shop would print, with its arithmetic: from 20 元 up, whole yuan
    rounded down (222.3 → 222: the cut grows by under a yuan); below that, to the fen (2.65 → 2 would be
    a 25 % cut)."""
    exact = round(now * 0.9, 2)
    lines = [f"{m(now)} × 0.9 = {m(exact)} 元"]
    if now >= 20 and exact != int(exact):
        lines.append(f"取整为 {int(exact)} 元")
        return float(int(exact)), lines
    return exact, lines


def _bundle(profile: GroupProfile, ctx: dict[str, Any]) -> dict[str, Any] | None:
    ps = dealable(profile)
    if len(ps) < 2:
        return None
    a, b = ps[0], ps[1]
    now = current_price(a) + current_price(b)
    price, tenth = _tenth_off(now)
    if price <= 0 or price >= now:
        return None
    lines = [f"{m(current_price(a))} + {m(current_price(b))} = {m(now)} 元", *tenth,
             f"{m(now)} - {m(price)} = {m(round(now - price, 2))} 元"]
    offer = (f"【组合套装】{a.name}（{_price_label(profile, a)}）+ {b.name}（{_price_label(profile, b)}），"
             f"一起买套装价{m(price)}元，比分开买少花{m(round(now - price, 2))}元；单买照常供应。")
    return _draft(profile, ctx, title=f"{a.name}+{b.name} 组合套装·{SUGGESTED}", offer=offer, tactic="组合套装",
                  arithmetic=lines, suggestion=_suggest_note("套装价（按两样现价合计打9折）"), quoted=(a, b))


def _group_buy(profile: GroupProfile, ctx: dict[str, Any]) -> dict[str, Any] | None:
    discounted = _discounted(profile)
    # a product already on discount gets no second deal ("同一件商品不要同时挂两种优惠")
    ps = [p for p in dealable(profile) if current_price(p) >= 10 and p is not discounted]
    if not ps:
        return None
    p = next((p for p in ps if p.promo_price), ps[0])
    now = current_price(p)
    price, tenth = _tenth_off(now)
    if price >= now:
        return None
    lines = [*tenth, f"{m(now)} - {m(price)} = {m(round(now - price, 2))} 元",
             f"3 × {m(price)} = {m(round(3 * price, 2))} 元"]
    # how a group forms and what happens if it does not are the operator's to say: asked, not promised
    offer = f"【三人拼团】{p.name}（{_price_label(profile, p)}），3人成团每人{m(price)}元。"
    return _draft(profile, ctx, title=f"{p.name} 三人拼团·{SUGGESTED}", offer=offer, tactic="拼团", arithmetic=lines,
                  suggestion=_suggest_note("拼团价、成团人数和未成团的处理方式"), quoted=(p,),
                  needs=[promo_bank()["group_buy_need"]])


def _buy_n(profile: GroupProfile, ctx: dict[str, Any], n: int = 3) -> dict[str, Any] | None:
    ps = [p for p in dealable(profile) if is_consumable(p)]
    if not ps:
        return None
    p = min(ps, key=lambda p: current_price(p))
    now = current_price(p)
    discount = round(10 * n / (n + 1), 1)
    lines = [f"{n} × {m(now)} = {m(n * now)} 元", f"{m(n * now)} ÷ {n + 1} = {m(round(n * now / (n + 1), 2))} 元"]
    offer = (f"【买{n}送1】{p.name}买{n}送1，相当于{m(discount)}折：买{n}{p.unit}送1{p.unit}"
             f"（{_price_label(profile, p)}），常用的东西一次备齐。")
    return _draft(profile, ctx, title=f"{p.name} 买{n}送1·{SUGGESTED}", offer=offer, tactic="买N送1",
                  arithmetic=lines, suggestion=_suggest_note(f"“买{n}送1”这项优惠"), quoted=(p,))


def _discounted(profile: GroupProfile) -> Product | None:
    """The product the discount draft is about: the first with a promo price below its price."""
    return next((p for p in _priced(profile) if p.promo_price and p.promo_price < (p.price or 0)), None)


def _discount(profile: GroupProfile, ctx: dict[str, Any]) -> dict[str, Any] | None:
    p = _discounted(profile)
    if not p:
        return None
    saved = (p.price or 0) - (p.promo_price or 0)
    rate = round(10 * (p.promo_price or 0) / (p.price or 1), 1)
    label = promo_label(profile, p)
    sale = sale_event(profile, p, dt.date.fromisoformat(str(ctx["start"])))
    standing = label if label == "会员价" and not sale else ""
    head = f"{sale[1].title}·{sale[0].month}月{sale[0].day}日" if sale else standing or "折扣"
    offer = f"【{head}】{p.name}原价{m(p.price)}元，{label}{m(p.promo_price)}元，立省{m(saved)}元（约{m(rate)}折）。"
    desc = desc_sentence(p.description)
    if desc and fold(desc) not in fold(offer):  # a description that only says "会员价" is not said twice
        offer += "\n" + promo_bank()["desc_line"].format(name=p.name, desc=desc)
    return _draft(profile, ctx, title=f"{p.name} {label}", offer=offer, tactic="折扣",
                  arithmetic=[f"{m(p.price)} - {m(p.promo_price)} = {m(saved)} 元"], sale=sale, standing=standing, quoted=(p,))


def _member_day(profile: GroupProfile, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The group's own 会员日 offer, in the operator's words ("全场鲜花9折"), on its next date: the offer
    the profile already makes, with its day as the deadline — nothing is computed or invented."""
    start = dt.date.fromisoformat(str(ctx["start"]))
    # an offer members can read as one (立减, 8折, 送1…: the words rule copy.names_tactic looks for);
    # "积分翻倍，送书签" is left to the activity notice
    words = [fold(w) for w in load_rules(KNOWLEDGE_DIR).get("copy.names_tactic").check.params["words"]]
    for on, ev in occurrences(profile, start, 62):
        said = rotation(ev, on).text.strip().rstrip("。")
        if ev.kind == "会员日" and said and any(w in fold(said) for w in words):
            offer = f"【{ev.title}·{on.month}月{on.day}日】{said}。"
            return _draft(profile, ctx, title=f"{ev.title}优惠", offer=offer, tactic="会员日优惠", arithmetic=[], sale=(on, ev))
    return None


_WHY_MISSING = {
    "_member_day": "会员日优惠需要档案里的会员日写明打几折、立减多少这样的优惠",
    "_addon": "加价换购需要一贵一便宜两件商品（便宜的不超过贵的三成五）",
    "_bundle": "组合套装需要至少两件带价格的商品",
    "_group_buy": "拼团需要一件现价不低于10元、还没有打折的商品",
    "_buy_n": "买N送1只适合常用、消耗快的商品（按 unit 判断，如箱/袋/盒），课程、服务类不适用",
    "_discount": "折扣需要商品同时有 price 和更低的 promo_price",
}


def compose_promotion(profile: GroupProfile, ctx: dict[str, Any]) -> Composed:
    n = int(ctx.get("n") or 3)
    if not _priced(profile):
        raise DraftError("群档案里没有带价格的商品（products 的 price），无法写促销文案；请先在档案里补充商品和价格")
    out: list[dict[str, Any]] = []
    missing: list[str] = []
    for f in (_member_day, _discount, _addon, _bundle, _group_buy, _buy_n):
        d = f(profile, ctx)
        if d:
            out.append(d)
        else:
            missing.append(_WHY_MISSING[f.__name__])
    why = ("按档案里的商品和价格只能合理地写出这几种套路（" + "；".join(missing) + "；群的核心付费产品和它已经包含的东西"
           "不做换购、套装、拼团和买N送1），没有硬凑")
    if not out:
        raise DraftError("写不出合理的促销：" + why.removeprefix("按档案里的商品和价格只能合理地写出这几种套路")
                         + "。可以在 products 里给商品写上活动价（promo_price），或加上其他商品")
    return Composed(out[:n], why if len(out) < n else None)


def _upcoming(profile: GroupProfile, start: dt.date) -> list[tuple[dt.date, Event]]:
    """Each event once, at its next date from ``start``: events held apart from their post first (an
    outing, a class, a talk: they need an announcement; a monthly or one-off one in the next two weeks
    before a weekly one), then the ones that are their own post (a weekly photo day, a vote), then the
    daily routines; by date within each."""
    seen: dict[str, tuple[dt.date, Event]] = {}
    for on, ev in occurrences(profile, start, 62):
        if not is_paused(ev, on):  # a week the operator's rotation skips gets no notice
            seen.setdefault(ev.title, (on, ev))
    rare = ("once", "monthly_day", "monthly_nth")  # a monthly outing or a one-off within two weeks before a weekly talk

    def key(x: tuple[dt.date, Event]) -> tuple[bool, bool, bool, dt.date, str]:
        on, ev = x
        return (ev.cadence.routine, not happens_apart(ev.kind),
                not (ev.cadence.kind in rare and (on - start).days <= 14), on, ev.time or "")

    return sorted(seen.values(), key=key)


def compose_activity(profile: GroupProfile, ctx: dict[str, Any]) -> Composed:
    """Notices for the group's next events, each written for its kind (a vote, a ride, a sale…)."""
    book = load_rules(ctx.get("knowledge_dir", KNOWLEDGE_DIR))
    start = dt.date.fromisoformat(str(ctx["start"]))
    n = int(ctx.get("n") or 1)
    out = []
    # occasional events first (they need an announcement), then daily routines; shown in date order
    for on, ev in sorted(_upcoming(profile, start)[:n], key=lambda x: (x[0], x[1].time or "")):
        notice = compose_event_notice(profile, ev, on, book)
        if ev.cadence.kind != "workdays" and (holiday := holiday_note(on)):
            notice.needs.append(holiday)
        note = ("发出前请补上：" + "；".join(notice.needs) + "。") if notice.needs else ""
        out.append({"title": f"{ev.title}·{when_label(on, ev.time)}", "text": notice.text, "tactic": "",
                    "arithmetic": [], "operator_note": note, "needs": notice.needs, "event": ev.title,
                    "steps": notice.steps})
    if not out and profile.all_events():
        raise DraftError(f"群档案里的活动在 {start.month}月{start.day}日之后都没有了（一次性的活动已经过了），"
                         "写不出活动通知；请在档案的 events 里补上新的安排，或用 --start 选更早的日期")
    if not out:
        raise DraftError("群档案里没有固定活动（events 或 schedule），写不出活动通知；请先在档案里补上活动")
    why = None if len(out) >= n else f"档案里只有 {len(out)} 个固定活动，每个写一条通知"
    return Composed(out, why)


def public_audience(audience: str) -> str:
    """Who the group is for, without what some members are going through: the head clause stays, a
    later clause about some of them ("不少是独自在家的", "有的刚做完手术") or naming a circumstance goes."""
    table = C.audience_table()
    subset, private = [fold(w) for w in table["subset_words"]], [fold(w) for w in table["vulnerable_words"]]
    clauses = [c for c in re.split(r"(?<=[，,；;。])", audience) if c.strip()]
    kept = clauses[:1] + [c for c in clauses[1:] if not fold(c).strip().startswith(tuple(subset))
                          and not any(w in fold(c) for w in private)]
    return "".join(kept).rstrip("，,；; ")


def closed_group_words(profile: GroupProfile) -> list[str]:
    """The words of the threshold or positioning that make the group invitation-only or internal. Who the
    group is for (audience: "在读大学生", "本校家长") describes its members, not a rule for getting in."""
    said = fold(" ".join([profile.threshold, profile.positioning]))
    return [w for w in clause_bank()["moments"]["closed_words"] if fold(w) in said]


def members_only_words(profile: GroupProfile) -> list[str]:
    """The words that make the group one for a fixed set of people (a class, a building's residents, this
    cohort): no public recruiting post is written for it. Only the entry rule and the group's name say so;
    the audience ("武汉在读大学生") says who is welcome, not that others are turned away."""
    bank = clause_bank()["moments"]
    said = fold(" ".join([profile.threshold, profile.name]))
    # or a group the operator says is not recruited for in public (不对外招募, 只对会员开放)
    stated = fold(" ".join([profile.threshold, profile.positioning]))
    return ([w for w in bank["members_only_words"] if fold(w) in said]
            + [w for w in bank["no_public_words"] if fold(w) in stated])


def _invites(bank: dict[str, Any], fill: dict[str, str]) -> list[dict[str, Any]]:
    """A private invitation for the people the group is for, instead of a public post (full and short)."""
    full, short = (t.format(channel=fill["channel"]) for t in bank["invite_title"])
    text = "\n".join(line.format(**fill) for line in bank["invite"])
    return [{"title": full, "text": text, "tactic": "", "arithmetic": [], "operator_note": ""},
            {"title": short, "text": bank["invite_short"][0].format(**fill), "tactic": "", "arithmetic": [], "operator_note": ""}]


def compose_moments(profile: GroupProfile, today: dt.date | None = None) -> list[dict[str, Any]]:
    """朋友圈招募 posts (full and short) from the clause bank: the group's own benefits, threshold and,
    for a paid group, the fee and how to sign up."""
    bank = clause_bank()["moments"]
    written = profile.audience.rstrip("。.；;，, ")  # a private invitation goes to these people: said as written
    # who the group is for stays; clauses about some of its members ("不少是子女不在身边的") are their
    # circumstances, not the group's, and a public post leaves them out
    profile = profile.model_copy(update={"audience": public_audience(profile.audience)})
    bens = benefits(profile, today)[:3]
    # a public post does not broadcast members' circumstances (独居, 患者…): those clauses are left out
    private = list(C.audience_table()["vulnerable_words"])
    pos = drop_clauses(profile.positioning, private).rstrip("。.！!；; ")
    pos = pos if len(pos) >= 8 else f"围绕{'、'.join(profile.topics[:3])}的交流"
    audience = profile.audience
    # an audience list with one group left out would read "适合他们的子女…": left out whole
    aud = "" if drop_clauses(audience, private) != audience else audience.rstrip("。.；;，, ")
    practice = slot_topic(profile, "practice")
    platform = profile.platform_info()
    fill = {"name": profile.display_name(), "pos": pos, "t0": lead_topic(profile), "tp": practice or "",
            **verb_fill(practice or ""),
            "aud": f"适合{aud}，" if aud else "", "ben": bens[0],
            "bens": "；".join(bens), "entry": entry_conditions(profile),
            "who_for": aud or clause_bank()["rules"]["entry_default_aud"].format(t=lead_topic(profile)), "brand": C.brand(profile) or profile.display_name(),
            "fee": f"{C.fmt_money(profile.paid.price)}元/{profile.paid.term}" if profile.paid else "",
            "path": profile.purchase_path.rstrip("。"), "join": platform["join"],
            "channel": platform["moments"]}  # QQ空间 for a QQ group, not 朋友圈
    # prospects read only what concerns them before joining: not "入群后按格式改群名片"
    fill["entry"] = drop_clauses(fill["entry"], bank["after_join_words"]).rstrip("。，, ")
    if members_only_words(profile):
        return _invites(bank, {**fill, "who_for": written or fill["who_for"]})
    # who the group is for is not an entry condition; a way to join on one's own (门店扫码) is said in the call
    self_join = bool(profile.threshold) and any(w in fill["entry"] for w in bank["self_join_words"])
    entry = "entry" if profile.threshold and fill["entry"] and not self_join else "entry_open"
    closed = closed_group_words(profile)
    opens = bank["open"].get(C.gtype(profile), bank["open"]["其他"])
    lines = [phrase(opens, profile, "mopen").format(**fill), *(phrase(bank[k], profile, "m" + k).format(**fill) for k in ("bens", entry))]
    if self_join and not profile.paid:
        lines.append(phrase(bank["call_self"], profile, "mcall").format(**fill))
    elif profile.paid:
        lines.append(phrase(bank["fee"] if profile.purchase_path else bank["fee_nopath"], profile, "mfee").format(**fill))
    elif closed:
        # "已经是我们的老客户" only where there is a business whose customers they are
        calls = bank["call_closed"] if C.brand(profile) else bank["call_closed"][:1]
        lines.append(phrase(calls, profile, "mcall").format(who="老客户"))
    else:
        lines.append(phrase(bank["call"], profile, "mcall").format(**fill))
    short_bank = bank["short"].get(C.gtype(profile), bank["short"]["其他"])
    # "会员群在招新", "开团了" state facts: only where the profile says them (names.yaml form_requires)
    claims = C.name_words()["form_requires"]
    short_bank = [v for v in short_bank if all(C.form_supported(profile, f) for f in claims if f in v)] or bank["short"]["其他"]
    if C.audience_classes(profile) & set(bank["non_doers"]):
        short_bank = bank["short"]["其他"]  # parents, peer sellers, volunteers do not "学高考" themselves
    elif not practice and any("{tp}" in v for v in short_bank):  # "一起学{t}" needs something one learns
        short_bank = bank["short_subject"]
    short = phrase(short_bank, profile, "mshort").format(**fill)
    if self_join and not profile.paid:  # "私信我" where members join by scanning the shop's code: the way in instead
        short = "".join(x + "。" for x in short.split("。") if x and "私信" not in x) + phrase(bank["call_self"], profile, "mshortcall").format(**fill)
    if profile.paid:
        short += phrase(bank["short_fee" if profile.purchase_path else "short_fee_nopath"], profile, "mshortfee").format(**fill)
    channel = fill["channel"]
    return [
        {"title": f"{channel}招募（完整版）", "text": "\n".join(lines), "tactic": "", "arithmetic": [], "operator_note": ""},
        {"title": f"{channel}招募（短版）", "text": short, "tactic": "", "arithmetic": [], "operator_note": ""},
    ]


def _event_line(on: dt.date | None, ev: Event, start: dt.date) -> str:
    place = f"（{ev.place}）" if ev.place and physical_place(ev) else ""
    when = ev.when if on is None else when_label(on, ev.time)
    off = "、".join(f"{d.month}月{d.day}日{holiday_name(d)}" for d in ev.cadence.skipped_holidays(start, 7))
    return f"· {when} {ev.title}{place}" + (f"（{off}放假，停一次）" if off else "")


def compose_notice(profile: GroupProfile, ctx: dict[str, Any]) -> Composed:
    """本周安排 for the week from ``start``: each event on its dates in that week (daily routines on one
    line); a week without events says when the next one is, or that every event is over."""
    name = profile.display_name()
    where = profile.pinned_place()
    start = dt.date.fromisoformat(str(ctx["start"]))
    end = start + dt.timedelta(days=6)
    span = f"{start.month}月{start.day}日—{end.month}月{end.day}日"
    week = occurrences(profile, start, 7)
    routine = {ev.title: ev for _, ev in week if ev.cadence.routine}
    nb = clause_bank()["notice"]
    fill = {"name": name, "span": span, "who": C.address(profile), "topics": "、".join(profile.topics[:3]), "where": where}

    def say(part: str) -> str:
        return phrase(nb[part], profile, "notice" + part).format(**fill)

    lines = [say("head")]
    notes = [f"{ev.title}：{n}" for ev in routine.values() for n in ev.cadence.holiday_notes(start, 7)]
    notes += [f"{ev.title}：{h}" for on, ev in week if ev.title not in routine and (h := holiday_note(on))]
    if week:
        lines.append(say("lead"))
        lines += [_event_line(None, ev, start) for ev in routine.values()]
        lines += [_event_line(on, ev, start) for on, ev in week if ev.title not in routine]
    else:
        later = _upcoming(profile, start)
        past = sorted((e.cadence.date, e) for e in profile.all_events() if e.cadence.date and e.cadence.date < start)
        if later:
            on, ev = min(later, key=lambda x: x[0])
            lines.append(f"这周（{span}）没有固定活动；下一次是{when_label(on, ev.time)}的{ev.title}。")
        elif past:
            last_on, last = past[-1]
            lines.append(f"档案里的活动都已经办完了（最近一次是{last_on.month}月{last_on.day}日的{last.title}），"
                         f"有新安排会在{where}通知。")
            notes.append("档案里的活动都在这周之前，请在群档案的 events 里补上新的安排")
        else:
            lines.append(f"这周（{span}）没有固定活动，有安排会在{where}通知。")
    remind = say("remind")
    if exception := selling_exception(profile, short=True):  # "不发广告" has its members' selling day
        remind = remind.rstrip("。") + f"（广告一条：{exception}）。"
    lines += [remind, say("close")]
    draft = {"title": f"{name} 本周安排（{span}）", "text": "\n".join(x for x in lines if x), "tactic": "", "arithmetic": [],
             "operator_note": ""}
    return Composed([draft], f"{KIND_NAMES['notice']}每次只写一条", notes=notes)


def compose_copy(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    kind = ctx.get("kind", "activity")
    n = int(ctx.get("n") or DEFAULT_N.get(kind, 1))
    if kind == "promotion":
        return compose_promotion(profile, ctx)
    if kind == "moments":
        # the start date stands for "now": a course whose weeks are over by then is not advertised
        closed, only = closed_group_words(profile), members_only_words(profile)
        channel = profile.platform_info()["moments"]
        notes = ([clause_bank()["moments"]["invite_note"].format(words="、".join(only), channel=channel)] if only else
                 [clause_bank()["moments"]["closed_note"].format(words="、".join(closed), channel=channel)] if closed else [])
        return Composed(compose_moments(profile, dt.date.fromisoformat(str(ctx["start"])))[:n], "朋友圈文案只有完整版和短版两种写法",
                        notes=notes)
    if kind == "activity":
        return compose_activity(profile, ctx)
    return compose_notice(profile, ctx)


SPEC = AgentSpec(
    target="copy",
    prompt="draft_copy",
    schema=CopyDrafts,
    cards=("promotion", "activity-resonance", "value-benefits"),
    query="促销 文案 比例偏见 加价换购 买N送1 拼团 组合套装 算账 刷屏 过度营销",
    offline=compose_copy,
)


DEFAULT_N = {"activity": 1, "promotion": 3, "moments": 2, "notice": 1}


def draft_copy(profile: GroupProfile, engine: Engine, *, kind: CopyKind = "activity", n: int | None = None,
               start: dt.date | str | None = None) -> DraftResult:
    """Copy of ``kind``; ``n`` defaults per kind (activity/notice 1, moments 2, promotion 3).

    When fewer than ``n`` drafts can be written honestly, the result's notice says why."""
    if kind not in KIND_NAMES:
        raise DraftError(f"--kind 只能是 {'/'.join(KIND_NAMES)}，收到 {kind!r}")
    if kind == "promotion" and not _priced(profile):
        raise DraftError("群档案里没有带价格的商品（products 的 price），无法写促销文案；请先在档案里补充商品和价格")
    if n is None:
        n = DEFAULT_N[kind]
    first = dt.date.fromisoformat(start) if isinstance(start, str) else (start or next_monday())
    ctx = {"kind": kind, "kind_name": KIND_NAMES[kind], "n": n, "start": first.isoformat(),
           "knowledge_dir": engine.settings.knowledge_dir}
    if kind == "activity":
        ctx["events"] = [{"date": on.isoformat(), "time": ev.time or "", "kind": ev.kind, "title": ev.title,
                          "place": ev.place, "host": ev.host, "signup": ev.signup, "details": ev.details}
                         for on, ev in _upcoming(profile, first)[:n]]
    return run_agent(SPEC, profile, engine, context=ctx)

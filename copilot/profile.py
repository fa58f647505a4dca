"""The group profile: what a group is for, shared by drafting, moderation, notes and the UI.

Operators write profiles by hand in YAML or JSON, so loading reports *every* problem at once, in
Chinese, naming the key that is wrong, instead of failing on the first one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from copilot.cadence import Cadence, CadenceError, find_clock, parse_cadence
from copilot.cadence import vocabulary as cadence_vocabulary
from copilot.files import UnreadableFile, atomic_write, read_text_file
from copilot.paths import load_resource
from copilot.textnorm import Script, fold, hant_region, to_simplified, tokenize, written_script
from copilot.validation import zh_problems

GroupType = Literal["消费型", "知识型", "品牌型", "兴趣型", "其他"]
Platform = Literal["wechat", "qq", "wecom", "line", "telegram", "whatsapp", "discord", "feishu", "dingtalk", "weibo"]

_FIELD_NAMES = {
    "name": "群名",
    "group_id": "群标识",
    "positioning": "定位",
    "topics": "主题关键词",
    "audience": "目标人群",
    "type": "社群类型",
    "platform": "平台",
    "threshold": "入群门槛",
    "goals": "目标",
    "tone": "语气",
    "schedule": "固定安排（旧写法）",
    "events": "固定活动",
    "brand": "品牌",
    "locality": "所在地",
    "card_format": "群名片格式",
    "paid": "付费",
    "purchase_path": "购买方式",
    "products": "商品/活动",
    "banned": "额外违禁词",
    "allowed_domains": "允许的链接域名",
    "script": "输出字形",
    "official": "官方账号",
}

# the profile keys an operator writes for the group's official accounts (GroupProfile.official): 官方账号 by what
# the accounts are to the group — the shop's staff, the event's organisers, the group's admins
OFFICIAL_KEYS = ("official", "staff", "organisers", "organizers", "admins")
# one official account as written: its user id, then optionally the name members see in （） or ()
_OFFICIAL_ENTRY = re.compile(r"\s*([^\s（(）)]+)\s*(?:[（(]\s*([^（()）]*?)\s*[）)])?\s*")


class ProfileError(ValueError):
    """A profile could not be loaded; ``problems`` lists every issue as (key, Chinese message)."""

    def __init__(self, problems: list[tuple[str, str]], source: str = ""):
        self.problems = problems
        where = f"群档案 {source} " if source else "群档案"
        lines = [f"- {_where(key)}：{msg}" for key, msg in problems]
        super().__init__(f"{where}有 {len(problems)} 处问题：\n" + "\n".join(lines))


def _where(key: str) -> str:
    """A problem's key as the operator reads it: ``events.1.time（第 2 个固定活动）``, the whole file for
    a problem with no key (list positions count from 1, as people count)."""
    if key in ("(根)", ""):
        return "整个档案"
    parts = key.split(".")
    field = _FIELD_NAMES.get(parts[0])
    if field is None:
        return key
    if len(parts) > 1 and parts[1].isdigit():
        return f"{key}（第 {int(parts[1]) + 1} 个{field}）"
    return f"{key}（{field}）"


def type_from_stems(word: str) -> str | None:
    """The group type a free-worded type names (``type_stems`` in kinds.yaml): 付费知识型 and 知识付费型
    alike are 知识型 — the stems found in the word, its 型/类/群 ending dropped, decide; characters that are no
    stem qualify it (游戏同好 → 兴趣型, 同行交流 → 其他). A word with no stem names none; stems of two types
    (兴趣学习型) name none, except that who/where stems (``audience_stems``: 长者学习 → 知识型) give way to the
    other type and a pair ``type_mixes`` reads as one (商家会员群: a shop's own members are a brand's members)."""
    table = kind_table()
    found, by_audience = _type_stems(word)
    if not found:
        return "其他" if by_audience else None
    if len(found) == 2:
        return next((mix["read"] for mix in table.get("type_mixes", []) if set(mix["of"]) == found), None)
    return found.pop() if len(found) == 1 else None


def names_no_type(word: str) -> bool:
    """A free-worded type with no stem of any type nor of who/where the members are (战友, 村务, 随便聊聊型):
    it names no type, so the profile is read as 其他 and the operator told — unlike 兴趣学习型, whose two stems
    ask the operator to choose."""
    found, by_audience = _type_stems(word)
    return not found and not by_audience


def _type_stems(word: str) -> tuple[set[str], bool]:
    """The types whose stems ``word`` holds, and whether a who/where stem was among them."""
    table = kind_table()
    rest = word
    for suffix in table["type_suffixes"]:
        rest = rest.removesuffix(suffix)
    stems = sorted(((s, t) for t, ws in table["type_stems"].items() for s in ws), key=lambda x: -len(x[0]))
    audience = set(table.get("audience_stems", ()))
    found: set[str] = set()
    by_audience = False
    while rest:
        hit = next(((s, t) for s, t in stems if rest.startswith(s)), None)
        if hit is None:
            rest = rest[1:]
            continue
        if hit[0] in audience:
            by_audience = True
        else:
            found.add(hit[1])
        rest = rest[len(hit[0]):]
    return found, by_audience


@lru_cache(maxsize=1)
def aliases() -> dict[str, Any]:
    """Other spellings operators use for a field's choices (platform 微信 → wechat)."""
    return load_resource("profile_aliases.yaml")


@lru_cache(maxsize=1)
def kind_table() -> dict[str, Any]:
    """Event kinds, their aliases and the words that give an old ``schedule`` line its kind."""
    return load_resource("drafting/kinds.yaml")


def kind_by_words(text: str, default: str) -> str:
    """The event kind a title or a free-written kind names by its words (``label_words``: 精讲 → 分享,
    约骑 → 线下活动), first match from the top; ``default`` when none is in ``text``."""
    return next((kind for word, kind in kind_table()["label_words"] if word in text), default)


EventKind = Literal["晨报", "分享", "答疑", "投票", "线下活动", "秒杀", "会员日", "打卡", "课程", "晒图", "接龙",
                    "领养发布", "直播", "复盘", "讨论", "其他"]
_TIME = re.compile(r"^([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)$")
_CLOCKISH = re.compile(r"^\d+\s*[:：]\s*\d+$")  # digits:digits that _TIME refused: 25:00, 19:75


def _cadence(value: Any) -> Cadence:
    try:
        return parse_cadence(value)
    except CadenceError as exc:
        raise ValueError(str(exc)) from None


CadenceField = Annotated[Cadence, BeforeValidator(_cadence), PlainSerializer(lambda c: c.label, return_type=str)]


def normalise_time(value: Any) -> str | None:
    """``"7:30"`` / ``"19：30"`` → ``"07:30"``. An unquoted ``19:30`` is read by YAML 1.1 as the
    sexagesimal integer 1170; that is turned back into 19:30 (a small integer is refused)."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 60 <= value < 24 * 60:
        return f"{value // 60:02d}:{value % 60:02d}"
    if isinstance(value, int) and value >= 24 * 60:
        raise ValueError(f"时间 {value // 60}:{value % 60:02d} 不存在，请写成带引号的 \"HH:MM\"，如 \"19:30\"")
    m = _TIME.match(fold(str(value)).strip()) if isinstance(value, str) else None
    if m:
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    clock = find_clock(value) if isinstance(value, str) else None
    if isinstance(value, str) and _CLOCKISH.match(fold(value).strip()):
        raise ValueError(f"时间“{value}”不存在（一天是 00:00 到 23:59），请写成带引号的 \"HH:MM\"，如 \"19:30\"")
    after = fold(value).strip()[clock.span[1]:].strip() if clock else ""
    if clock is None or (after and after not in cadence_vocabulary()["time_trailers"]):
        raise ValueError(f"时间“{value}”看不懂，请写成带引号的 \"HH:MM\"，如 \"19:30\"")
    return clock.time  # "8点" / "晚上8点半"; time_notes() says when the reading is a guess


MIDNIGHT = "23:59"  # an end said as 24:00 / 24点 / 零点: the day's last minute


def _names_no_clock(said: str) -> bool:
    """Words in an event's ``time`` that hold no clock at all (明年4月, 春节后, 看天气) — not a bare number, nothing
    with a clock mark (八点, 20:00看心情, 25:99: kinds.yaml ``clock_marks``)."""
    return (find_clock(said) is None and any(ch.isalpha() for ch in said)
            and not any(mark in said for mark in kind_table()["clock_marks"]))


def is_midnight_end(text: str) -> bool:
    """``24:00`` / ``24点`` / ``零点`` as the end of a span (kinds.yaml ``midnight_end_words``)."""
    return to_simplified(fold(text)).strip() in {to_simplified(fold(str(w))) for w in kind_table()["midnight_end_words"]}


def _fold_detail_fields(data: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
    """An event's fields the table does not have but operators write (``fee: 每人30元``, ``备注: …``; kinds.yaml
    ``event_detail_fields``) go into ``details`` as 「费用：每人30元」 instead of refusing the whole profile."""
    def field(key: Any) -> str | None:
        return fields.get(to_simplified(fold(key)).strip().lower()) if isinstance(key, str) else None

    extra = [(field(k), v) for k, v in data.items() if field(k) and v not in (None, "")]
    if not extra:
        return data
    kept = {k: v for k, v in data.items() if not field(k)}
    lines = [f"{name}：{str(v).strip()}" for name, v in extra]
    said = str(kept.get("details") or "").strip()
    kept["details"] = "；".join([said, *lines] if said else lines)
    return kept


def time_range(text: str) -> tuple[str, str, str] | None:
    """``"19:30-21:30"`` / ``"晚上7点~9点"`` → (start as written, start, end) when both sides read as a
    time; an end in 点 before the start takes the start's half of the day (晚上7点~9点 ends at 21:00)."""
    folded = fold(text).strip()
    for mark in cadence_vocabulary()["range_marks"]:
        head, sep, tail = folded.partition(str(mark))
        if not sep or not head.strip() or not tail.strip():
            continue
        try:
            start = normalise_time(head.strip())
            end = MIDNIGHT if is_midnight_end(tail) else normalise_time(tail.strip())
        except ValueError:
            continue
        if start and end:
            if end <= start and int(end[:2]) + 12 < 24 and ":" not in tail:  # 23:00-01:00 runs overnight
                end = f"{int(end[:2]) + 12:02d}{end[2:]}"
            return head.strip(), start, end
    return None


class Event(BaseModel):
    """One fixed arrangement of the group: what, which kind, when (cadence + time), where, who."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=40)
    kind: EventKind = "其他"
    # a one-off outing whose day is not fixed yet may leave it out: kept undated (日期待定), placed on no calendar day
    cadence: CadenceField = Field(default_factory=lambda: Cadence(kind="undated", written="日期待定"))
    time: str | None = None
    end: str | None = None  # 19:30-21:30 → time 19:30, end 21:30
    place: str = Field("", max_length=80)
    host: str = Field("", max_length=40)
    signup: str = Field("", max_length=120)
    details: str = Field("", max_length=800)
    _time_note: str = PrivateAttr("")
    _kind_note: str = PrivateAttr("")
    _all_day: bool = PrivateAttr(False)

    @field_validator("kind", mode="before")
    @classmethod
    def _fold_kind(cls, v: Any) -> Any:
        if not isinstance(v, str):
            return v
        k = to_simplified(fold(v)).strip()
        table = kind_table()
        k = table["aliases"].get(k, k)
        if k in table["kinds"] or not k:
            return k
        # a kind outside the list (家长会, 品茶会) is read by its words, else 其他 — never a reason to
        # refuse the whole profile; kind_note tells the operator how it was read
        return kind_by_words(k, "其他")

    @field_validator("time", mode="before")
    @classmethod
    def _time(cls, v: Any) -> Any:
        return normalise_time(v)

    @field_validator("end", mode="before")
    @classmethod
    def _end(cls, v: Any) -> Any:
        return MIDNIGHT if isinstance(v, str) and is_midnight_end(v) else normalise_time(v)

    @model_validator(mode="wrap")
    @classmethod
    def _notes_for_the_operator(cls, data: Any, handler: Any) -> Any:
        table = kind_table()
        if isinstance(data, dict):
            data = _fold_detail_fields(data, table["event_detail_fields"])
        raw = data.get("time") if isinstance(data, dict) else None
        said = to_simplified(fold(raw)).strip() if isinstance(raw, str) else ""
        all_day = said in table["all_day_words"]
        pending = said in table["pending_time_words"]
        # a day or season written where the clock goes (明年4月, 春节后) holds no clock: no time, the words kept in
        # details and told to the operator — never a reason to refuse the whole profile; a clock with words after it
        # that are no time words (20:00看心情) and bare numbers are still refused by normalise_time
        dateish = bool(said) and not (all_day or pending) and _names_no_clock(said)
        if dateish:
            data = _fold_detail_fields({**data, "time": None, "时间": raw.strip()}, {"时间": "时间"})
        elif all_day or pending:
            data = {**data, "time": None}
        elif isinstance(raw, str) and isinstance(data, dict) and not data.get("end") and (span := time_range(raw)):
            raw, start, end = span
            data = {**data, "time": start, "end": end}
        event = handler(data)
        if pending:
            event._time_note = f"时间写的是“{raw.strip()}”：还没有固定钟点，起草时不写几点，定了再补上 time"
        elif dateish:
            event._time_note = (f"时间写的是“{raw.strip()}”：不是钟点，已记在活动说明里，起草时不写几点；"
                                 "日子定了写在 cadence（如 2027-04-18），钟点写在 time（如 \"19:30\"）")
        written = data.get("kind") if isinstance(data, dict) else None
        folded = to_simplified(fold(written)).strip() if isinstance(written, str) else ""
        if folded and event.kind not in (folded, table["aliases"].get(folded)):
            event._kind_note = (f"活动类型“{written.strip()}”不在可选类型里，按“{event.kind}”处理；"
                                f"可选：{'、'.join(table['kinds'])}")
        if isinstance(data, dict):
            event._all_day = all_day or (event.time is None and event.kind in table["all_day_kinds"])
        clock = find_clock(raw) if isinstance(raw, str) and not pending and not _TIME.match(fold(raw).strip()) else None
        if clock and clock.note:
            event._time_note = clock.note
        return event

    @property
    def all_day(self) -> bool:
        """The event lasts the whole day (time: 全天, or a 会员日 with no time): no start time to ask for."""
        return self._all_day

    @property
    def kind_note(self) -> str:
        """How a kind outside the list was read ("家长会" → 其他), else ''."""
        return self._kind_note

    @property
    def time_note(self) -> str:
        """Why the time is a guess ("8点" read as 08:00), else ''."""
        return self._time_note

    @property
    def when(self) -> str:
        """每周二、四 21:00 — the cadence and time as members read them."""
        if self.all_day:
            return f"{self.cadence.label} {kind_table()['all_day_words'][0]}"
        clock = f"{self.time}-{self.end}" if self.time and self.end else self.time
        return f"{self.cadence.label} {clock}" if clock else self.cadence.label


class Paid(BaseModel):
    """A paid group: what membership costs and for how long (年 / 月 / 期（12周）…)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    price: float = Field(gt=0, description="价格（元）")
    term: str = Field(min_length=1, max_length=20, description="周期：年、月、期…")


def event_from_schedule(raw: str) -> Event | None:
    """An old ``schedule`` line ("每周三 21:00 真题精讲", "每周五 会员日") as an event, or None."""
    text = fold(raw).strip()
    clock = find_clock(text)
    if clock:
        head, time, label = text[: clock.span[0]].strip(), clock.time, text[clock.span[1]:].strip()
    else:
        head, _, label = text.partition(" ")
        time = None
    try:
        cadence = parse_cadence(head, relative=False)
    except CadenceError:
        return None
    original = raw.strip()
    # the label as the operator wrote it (a Traditional schedule keeps its script)
    title = original[len(original) - len(label):].strip() if label and len(original) >= len(label) else label
    kind = kind_by_words(label, "讨论")
    event = Event(title=title or original, kind=kind, cadence=cadence, time=time)
    event._time_note = clock.note if clock else ""
    return event


# A model or licence code a name may carry (C1, 4K, iPhone15): letters and digits written together
_LETTER_CODE = re.compile(r"[A-Za-z]+\d+[A-Za-z\d]*|\d+[A-Za-z]+[A-Za-z\d]*")


class Product(BaseModel):
    """A product or event the copy agent may promote."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    price: float | None = Field(None, ge=0, description="原价（元）")
    promo_price: float | None = Field(None, ge=0, description="活动价（元）")
    unit: str = "件"
    description: str = ""

    @model_validator(mode="before")
    @classmethod
    def _keyed(cls, data: Any) -> Any:
        """A product written as just its name (蜂箱、巢础) is that name with no price — the form operators write a
        list of what they sell in; so is a name whose only figures belong to a letter code (C1/C2驾驶培训, 4K投影);
        a line with any other figure in it (儿童涂氟 49元, 洁牙 2次) is refused with the keys it needs and an
        example, since the figure may be a price or a count the copy would then misread."""
        if isinstance(data, str) and data.strip() and not any(ch.isdigit() for ch in _LETTER_CODE.sub("", fold(data))):
            return {"name": data.strip()}
        if not isinstance(data, (dict, BaseModel)):
            raise ValueError(f"应为键值对象（不是 {str(data)[:20]!r} 这样的一行文字），键为 name（名称，必填）、price（价格，元）、"
                             "unit（单位，默认“件”），可选 promo_price、description，"
                             "例如 {name: 儿童涂氟, price: 49, unit: 次}")
        return data


def _strings(value: Any) -> list[str]:
    """Every string inside a dumped profile (values of nested dicts and lists)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _strings(v)]
    if isinstance(value, list):
        return [t for v in value for t in _strings(v)]
    return []


def _number_text(v: Any) -> Any:
    """A number YAML read from a bare value (135, 2.5) as its text; anything else (true/false too) as it is."""
    return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


class GroupProfile(BaseModel):
    """A community group's profile. ``name`` may be empty when asking the copilot for names."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field("", max_length=40)
    group_id: str = Field("", max_length=64, pattern=r"^[\w.\-]*$",
                          description="群标识：群专属审核模型和反馈按它归组；不填则用档案文件名")
    positioning: str = Field(min_length=4, max_length=300, description="做什么、为谁")
    topics: list[str] = Field(min_length=1, max_length=30)
    audience: str = ""
    type: GroupType | None = None
    platform: Platform = "wechat"
    threshold: str = ""
    goals: list[str] = Field(default_factory=list)
    tone: str = ""
    schedule: list[str] = Field(default_factory=list)
    products: list[Product] = Field(default_factory=list)
    banned: list[str] = Field(default_factory=list)
    allowed_domains: list[str] = Field(default_factory=list)
    script: Script | None = None
    brand: str = Field("", max_length=20)
    locality: str = Field("", max_length=40, description="城市·区·小区，用 · 分隔")
    card_format: str = Field("", max_length=60, description="群名片格式，如 城市-昵称")
    paid: Paid | None = None
    purchase_path: str = Field("", max_length=200)
    events: list[Event] = Field(default_factory=list, max_length=30)
    official: list[str] = Field(default_factory=list, max_length=30,
                                description="官方账号：在群里代表店家/品牌/组织者/群管发消息的固定 user id，可在（）里写群名片，"
                                            "如 jt_kefu_xiaoye（洁途客服-小叶）；也可写作 staff、organisers、admins")

    _type_note: str = PrivateAttr("")

    @model_validator(mode="wrap")
    @classmethod
    def _type_read_as_other(cls, data: Any, handler: Any) -> Any:
        # a type that names no type (战友, 村务) loads as 其他; the operator is told how it was read
        written = data.get("type") if isinstance(data, dict) else None
        profile = handler(data)
        if isinstance(written, str) and profile.type == "其他" and names_no_type(to_simplified(written.strip())):
            profile._type_note = (f"社群类型“{written.strip()}”不在可选类型里，按“其他”处理；"
                                  f"可选：{' / '.join(get_args(GroupType))}")
        return profile

    @model_validator(mode="before")
    @classmethod
    def _official_spellings(cls, data: Any) -> Any:
        # staff / organisers / admins (as an operator names the accounts) are one field: every spelling given is kept
        if not isinstance(data, dict) or not any(k in data for k in OFFICIAL_KEYS[1:]):
            return data
        data = dict(data)
        merged: list[Any] = []
        for key in OFFICIAL_KEYS:
            if key in data:
                value = _number_text(data.pop(key))
                if isinstance(value, str):
                    value = [p for p in re.split(r"[,，、;；\n]+", value) if p.strip()]
                merged += value if isinstance(value, list) else [value]
        data["official"] = merged
        return data

    @field_validator("official", mode="before")
    @classmethod
    def _official_entries(cls, v: Any) -> Any:
        v = _number_text(v)
        if isinstance(v, str):
            v = [p for p in re.split(r"[,，、;；\n]+", v) if p.strip()]
        if not isinstance(v, list):
            return v
        out = []
        for item in v:
            item = _number_text(item)
            if not isinstance(item, str) or not _OFFICIAL_ENTRY.fullmatch(item):
                raise ValueError(f"“{item}”不是官方账号的写法：写 user id，可在（）里写群名片，如 jt_kefu_xiaoye（洁途客服-小叶）")
            out.append(item.strip())
        return out

    @field_validator("type", mode="before")
    @classmethod
    def _fold_type(cls, v: Any) -> Any:
        # 興趣型 / 知識型 / 消費型 / 品牌型 written in Traditional are the same choices, and common other
        # names (学习型, 电商型, 粉丝型…) mean one of the five
        if not isinstance(v, str):
            return v
        folded = to_simplified(v.strip())
        if folded and folded not in get_args(GroupType):
            target = "其他" if names_no_type(folded) else type_from_stems(folded)
            if target is None:
                # the accepted stems are listed with the five, so a name that works is never a surprise
                stems = kind_table()["type_stems"]
                also = "；".join(f"{t}：{'、'.join(w for w in ws if w != t)}" for t, ws in stems.items()
                                 if any(w != t for w in ws))
                raise ValueError(f"“{v}”不是可选的社群类型，可选：{' / '.join(get_args(GroupType))}"
                                 f"（也认含同一类词根的说法，如 学习型、付费知识型 → 知识型、游戏同好 → 兴趣型；{also}）")
            folded = target
        return folded

    @field_validator("platform", mode="before")
    @classmethod
    def _platform_case(cls, v: Any) -> Any:
        # 微信 / 企业微信 / QQ群 written in Chinese are the same choices
        if not isinstance(v, str):
            return v
        key = to_simplified(fold(v)).strip().lower()
        key = aliases()["platform"].get(key, key)
        if key not in get_args(Platform):
            named = "、".join(f"{t['label']}（{p}）" for p, t in aliases()["platforms"].items())
            raise ValueError(f"“{v}”不是认得的平台，可选：{named}")
        return key

    @field_validator("topics", "banned", "goals", mode="before")
    @classmethod
    def _split_string_lists(cls, v: Any) -> Any:
        # Operators often write "读书, 写作、分享" instead of a YAML list; a topic that is a bare number in YAML
        # (135 film, 2048) is that number's text, not a type error
        v = _number_text(v)
        if isinstance(v, str):
            return [p for p in re.split(r"[,，、;；\s]+", v) if p]
        if isinstance(v, list):
            return [_number_text(x) for x in v]
        return v

    @field_validator("schedule", mode="before")
    @classmethod
    def _split_schedule(cls, v: Any) -> Any:
        # one line per arrangement; spaces separate the parts of a line ("每周三 21:00 真题精讲")
        if isinstance(v, str):
            return [p.strip() for p in re.split(r"[,，;；\n]+", v) if p.strip()]
        return v

    @field_validator("topics")
    @classmethod
    def _topics_not_blank(cls, v: list[str]) -> list[str]:
        cleaned = [t.strip() for t in v if t and t.strip()]
        if not cleaned:
            raise ValueError("至少需要一个主题关键词")
        return cleaned

    @field_validator("allowed_domains")
    @classmethod
    def _domains(cls, v: list[str]) -> list[str]:
        out = []
        for d in v:
            d = re.sub(r"^https?://", "", d.strip().lower()).split("/")[0]
            if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", d):
                raise ValueError(f"“{d}”不是合法域名")
            out.append(d)
        return out

    @model_validator(mode="after")
    def _script_from_text(self) -> GroupProfile:
        # A profile written in Traditional (a Hong Kong or Taiwan group) without a ``script`` line wants
        # Traditional drafts; a Simplified one keeps the configured default.
        if self.script is None and written_script("\n".join(_strings(self.model_dump(exclude={"script"})))) == "zh-Hant":
            self.script = "zh-Hant"
        return self

    # -- helpers used by agents and moderation -----------------------------------------------
    def keywords(self) -> list[str]:
        """Topic words plus the content words of the positioning, folded for matching."""
        words = [fold(t) for t in self.topics]
        words += [w for w in tokenize(self.positioning) if len(w) >= 2]
        seen: dict[str, None] = {}
        for w in words:
            seen.setdefault(w, None)
        return list(seen)

    def official_accounts(self) -> dict[str, str]:
        """The group's official accounts: user id → the name members see ("" when the profile gives none)."""
        out: dict[str, str] = {}
        for item in self.official:
            m = _OFFICIAL_ENTRY.fullmatch(item)
            if m:
                out[m.group(1)] = m.group(2) or ""
        return out

    def pinned_place(self) -> str:
        """Where members look up the rules and the schedule on this platform (QQ 群文件, Telegram 置顶消息)."""
        return str(self.platform_info()["pinned"])

    def platform_info(self) -> dict[str, Any]:
        """What this platform's groups are and can do (``platforms`` in profile_aliases.yaml)."""
        return dict(aliases()["platforms"][self.platform])

    def lacks(self, capability: str) -> bool:
        """Whether this platform's groups cannot do ``capability`` (mute, delete, card): a LINE group
        has no 24-hour mute and no per-group nickname."""
        return capability in self.platform_info().get("lacks", [])

    def fits_platform(self, text: str) -> bool:
        """Whether ``text`` asks for nothing this platform's groups cannot do (``capability_words``)."""
        words = aliases()["capability_words"]
        return not any(w in text for cap in self.platform_info().get("lacks", []) for w in words.get(cap, []))

    def display_name(self) -> str:
        return self.name or self.topics[0] + "交流群"

    def region(self) -> str:
        """Where a Traditional group is — ``hk`` (Hong Kong, Macau) or ``tw`` — read once, the same way for every agent
        that words its output for the region (drafts, moderation reasons and replies): from the place, name, positioning
        and audience the operator wrote (textnorm.hant_region)."""
        return hant_region(" ".join([self.locality, self.name, self.positioning, self.audience]))

    def locality_parts(self) -> list[str]:
        """The places of ``locality`` in the operator's order ("台中·南區" → 台中, 南區)."""
        return [p.strip() for p in re.split(r"[·・/／,，\s]+", self.locality) if p.strip()]

    def all_events(self) -> list[Event]:
        """The structured ``events`` plus the old ``schedule`` lines that could be parsed."""
        parsed = [e for e in (event_from_schedule(s) for s in self.schedule) if e is not None]
        return list(self.events) + parsed

    def unparsed_schedule(self) -> list[str]:
        """Old ``schedule`` lines that could not be read as events (reported, never guessed)."""
        return [s for s in self.schedule if event_from_schedule(s) is None]

    def time_notes(self) -> list[str]:
        """Times read as a guess ("每天 8点 作业提醒" → 08:00), for the operator to confirm."""
        return [f"{e.title}：{e.time_note}" for e in self.all_events() if e.time_note]

    def kind_notes(self) -> list[str]:
        """The group type and event kinds written outside the lists and how they were read, for the operator to confirm."""
        return [self._type_note] * bool(self._type_note) + [f"{e.title}：{e.kind_note}" for e in self.all_events()
                                                             if e.kind_note]

    def cadence_notes(self) -> list[str]:
        """Cadences some months lack (每月第五个周一, 每月31号) or with no day (每月一次), for the operator."""
        return [f"{e.title}：{n}" for e in self.all_events() if (n := e.cadence.irregular_note())]

    def schedule_problems(self) -> list[str]:
        """Why each unreadable ``schedule`` line could not be read, as the cadence parser says it."""
        out = []
        for line in self.unparsed_schedule():
            clock = find_clock(line)
            head = fold(line).strip()[: clock.span[0]] if clock else re.split(r"\s+", fold(line).strip(), maxsplit=1)[0]
            try:
                parse_cadence(head, relative=False)
                out.append(f"{line}（没找到周期）")
            except CadenceError as exc:
                out.append(f"{line}（{str(exc).split('；')[0]}）")
        return out

    def offline(self) -> bool:
        """Members meet in person: an event with a physical place (offline event or class)."""
        return any(e.kind in ("线下活动", "课程") for e in self.all_events())


def profile_from_data(data: Any, source: str = "") -> GroupProfile:
    if not isinstance(data, dict):
        raise ProfileError([("(根)", "群档案应为键值对象（YAML 映射或 JSON 对象）")], source)
    try:
        return GroupProfile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(zh_problems(exc, GroupProfile), source) from None


class _ProfileLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: an unquoted 2026-12-20 stays text and is read by the cadence
    parser, so an impossible date (2026-02-30) is one problem at its key among all the others."""


_ProfileLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_profile_data(text: str, source: str = "") -> Any:
    """The raw data of profile text (YAML or JSON), not yet validated; a syntax error is a ProfileError
    that names the operator's own line and column."""
    body = text.lstrip("\ufeff")  # not stripped: a YAML error must name the operator's own line numbers
    stripped = body.strip()
    if not stripped:
        raise ProfileError([("(根)", "文件为空")], source)
    try:
        return json.loads(stripped) if stripped.startswith("{") else yaml.load(body, Loader=_ProfileLoader)  # noqa: S506
    except json.JSONDecodeError as exc:
        raise ProfileError([("(根)", f"JSON 格式错误：第 {exc.lineno} 行第 {exc.colno} 列")], source) from None
    except yaml.YAMLError as exc:
        raise ProfileError([("(根)", yaml_problem(exc, body))], source) from None


def parse_profile_text(text: str, source: str = "") -> GroupProfile:
    """Parse YAML or JSON profile text (JSON is valid YAML, but JSON errors read better)."""
    return profile_from_data(load_profile_data(text, source), source)


# what PyYAML was reading when it failed (its ``context``) → what the operator left open
_YAML_OPENED = {"flow sequence": "“[”没有配对的“]”", "flow mapping": "“{”没有配对的“}”",
                "quoted scalar": "引号没有配对"}


_CLOSE = {"[": "]", "{": "}"}


def _unclosed_bracket(text: str) -> tuple[int, int, str] | None:
    """(line, column, bracket) of the last ``[`` or ``{`` never closed, outside quotes and comments."""
    stack: list[tuple[int, int, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        quote = ""
        for i, ch in enumerate(line):
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "'\"" and (i == 0 or line[i - 1] in " [{,:"):
                quote = ch
            elif ch == "#" and (i == 0 or line[i - 1].isspace()):
                break
            elif ch in _CLOSE:
                stack.append((n, i + 1, ch))
            elif ch in "]}" and stack and _CLOSE[stack[-1][2]] == ch:
                stack.pop()
    return stack[-1] if stack else None


def yaml_problem(exc: yaml.YAMLError, text: str) -> str:
    """A YAML syntax error in Chinese, at the line and column where the operator has to look.

    An unclosed ``[``, ``{`` or quote is noticed lines later; the message points at where it was opened.
    """
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    opened = next((why for key, why in _YAML_OPENED.items() if key in str(getattr(exc, "context", "") or "")), None)
    if opened and context is not None:
        return f"YAML 格式错误：第 {context.line + 1} 行第 {context.column + 1} 列的{opened}"
    ended = "stream end" in str(getattr(exc, "problem", "") or "")
    if ended and (left_open := _unclosed_bracket(text)) is not None:  # the text ended inside a [ or {
        line, column, char = left_open
        return f"YAML 格式错误：第 {line} 行第 {column} 列的“{char}”没有配对的“{_CLOSE[char]}”"
    if problem is None:
        return "YAML 格式错误"
    lines = text.splitlines()
    line = lines[problem.line] if problem.line < len(lines) else ""
    where = f"YAML 格式错误：第 {problem.line + 1} 行第 {problem.column + 1} 列"
    if "\t" in line or "\\t" in str(getattr(exc, "problem", "")):
        return where + "：这一行有制表符（Tab），YAML 只能用空格缩进，请把 Tab 换成两个空格"
    return where + "：缩进不一致、冒号后缺空格或一行写了两个“键: 值”（每个键单独一行，冒号后加空格）"


def profile_key(path: str | Path | None, profile: GroupProfile | None) -> str:
    """The key a group's own moderation model and feedback are stored under: the profile's
    ``group_id``, else its file name without extension (``reading-club.yaml`` → ``reading-club``)."""
    if profile is None:
        return ""
    if profile.group_id:
        return profile.group_id
    return Path(path).stem if path else ""


def load_profile(path: str | Path) -> GroupProfile:
    """A profile file (YAML or JSON, any common encoding); every problem raises :class:`ProfileError`."""
    p = Path(path)
    if not p.exists():
        raise ProfileError([("(文件)", f"找不到文件 {p}")], str(p))
    try:
        text = read_text_file(p)
    except UnreadableFile as exc:
        raise ProfileError([("(文件)", str(exc))], str(p)) from None
    return parse_profile_text(text, str(p))


class ProfileStore:
    """Saved profiles in ``<data_dir>/profiles/<name>.yaml`` (used by the UI and the bot hooks)."""

    def __init__(self, data_dir: Path):
        self.dir = Path(data_dir) / "profiles"

    def path(self, name: str) -> Path:
        """Where profile ``name`` is stored (the name is sanitised; no path traversal)."""
        slug = re.sub(r"[\\/:*?\"<>|\s]+", "_", name.strip())
        if not slug or slug.startswith("."):
            raise ProfileError([("name", "档案名不能为空，也不能以 . 开头")])
        return self.dir / f"{slug}.yaml"

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.dir.glob("*.yaml")) if self.dir.exists() else []

    def load(self, name: str) -> GroupProfile:
        return load_profile(self.path(name))

    def text(self, name: str) -> str:
        path = self.path(name)
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def save(self, name: str, text: str) -> GroupProfile:
        """Validate ``text`` and write it atomically; an invalid profile is never written."""
        profile = parse_profile_text(text, name)
        atomic_write(self.path(name), text.strip() + "\n")
        return profile

    def delete(self, name: str) -> bool:
        path = self.path(name)
        if path.exists():
            path.unlink()
            return True
        return False


# QQ group numbers, WeChat room ids (…@chatroom), WeCom chat ids: ASCII only, as the message says
_GROUP_ID = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


class GroupMap:
    """Which profile judges which chat group: 群号 → 群档案, shared by the hooks, the CLI and the UI.

    Two sources: ``[groups]`` in copilot.toml (paths; fixed, managed with the configuration) and the
    mapping edited in the UI (``<data_dir>/group_map.json``, names of saved profiles). A group in both
    keeps the copilot.toml entry and the UI says so. The UI file is re-read when it changes, so a
    mapping saved in the UI reaches a running hook without a restart.
    """

    FILE = "group_map.json"

    def __init__(self, data_dir: Path, configured: dict[str, str] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.configured = {str(k): str(v) for k, v in (configured or {}).items()}
        self.file = self.data_dir / self.FILE
        self._cache: tuple[float, dict[str, str]] | None = None

    def ui_entries(self) -> dict[str, str]:
        """群号 → saved profile name, as edited in the UI (an unreadable file counts as empty and is
        reported by :meth:`problem`)."""
        try:
            mtime = self.file.stat().st_mtime
        except OSError:
            return {}
        if self._cache is None or self._cache[0] != mtime:
            try:
                data = json.loads(self.file.read_text(encoding="utf-8"))
                entries = {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
            except (OSError, ValueError):
                entries = {}
            self._cache = (mtime, entries)
        return dict(self._cache[1])

    def problem(self) -> str | None:
        if not self.file.exists():
            return None
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return f"{self.file} 无法读取（{exc}），界面里设置的群映射暂不生效"
        return None if isinstance(data, dict) else f"{self.file} 应为 JSON 对象，界面里设置的群映射暂不生效"

    def path_for(self, group: str | None) -> str | None:
        """The profile file for ``group``: copilot.toml first, then the UI mapping, else None."""
        if group is None:
            return None
        key = str(group)
        if key in self.configured:
            return self.configured[key]
        name = self.ui_entries().get(key)
        return str(ProfileStore(self.data_dir).path(name)) if name else None

    def rows(self) -> list[tuple[str, str, str]]:
        """(群号, 群档案, 来源) for display, copilot.toml entries first."""
        out = [(g, p, "copilot.toml") for g, p in sorted(self.configured.items())]
        out += [(g, n, "界面" if g not in self.configured else "界面（被 copilot.toml 覆盖）")
                for g, n in sorted(self.ui_entries().items())]
        return out

    def set(self, group: str, profile_name: str) -> None:
        """Map ``group`` to the saved profile ``profile_name`` (validated; written atomically)."""
        group = (group or "").strip()
        if not _GROUP_ID.match(group):
            raise ProfileError([("群号", "群号只能由数字、英文字母、下划线或 - . @ 组成（1–64 位，不能有空格或中文）")])
        if not ProfileStore(self.data_dir).path(profile_name).exists():
            raise ProfileError([("群档案", f"没有名为“{profile_name}”的已保存群档案")])
        entries = self.ui_entries()
        entries[group] = profile_name
        self._write(entries)

    def remove(self, group: str) -> bool:
        entries = self.ui_entries()
        if entries.pop(str(group).strip(), None) is None:
            return False
        self._write(entries)
        return True

    def _write(self, entries: dict[str, str]) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(self.file, json.dumps(dict(sorted(entries.items())), ensure_ascii=False, indent=2))
        self._cache = None


PROFILE_TEMPLATE = """\
name: ""            # 群名，可留空让 Copilot 起名
positioning: "为新手跑者提供每日打卡、训练计划和赛事信息交流"   # 做什么、为谁
topics: [跑步, 打卡, 训练计划, 马拉松]
audience: "刚开始跑步一年内的上班族"
type: 兴趣型        # 消费型/知识型/品牌型/兴趣型/其他
platform: wechat    # wechat/qq/wecom/line/telegram/whatsapp/discord/feishu/dingtalk/weibo
locality: "杭州·西湖区"          # 城市·区·小区，可不填
card_format: "跑龄-片区-昵称"     # 群名片格式，可不填
threshold: "填写跑步经历问卷"
goals: [三个月内每人跑完一次10公里, 每周打卡不少于3次]
tone: "轻松、鼓励，不说教"
events:             # 固定活动：kind 可选 晨报/分享/答疑/投票/线下活动/秒杀/会员日/打卡/课程/晒图/接龙/领养发布/直播/复盘/其他
  - {title: 晨跑打卡, kind: 打卡, cadence: 每天, time: "07:00", details: 发跑步软件截图加一句话}
  - {title: 训练答疑, kind: 答疑, cadence: 每周三, time: "21:00", host: 教练阿林}
  - {title: 周六西湖约跑, kind: 线下活动, cadence: 每周六, time: "07:00", place: 断桥东侧集合, signup: 群接龙，周五21:00截止,
     details: 配速7分左右跑8公里；带水和毛巾；下雨取消，06:00前群里通知}
products:           # 要推广的商品/活动（写促销文案时用），可删掉
  - {name: 春季10公里训练营, price: 199, promo_price: 149, unit: 期, description: 4周，每周两次线下课}
banned: []
allowed_domains: []
official: []        # 官方账号：代表店家/品牌/组织者/群管发消息的 user id，如 [jt_kefu_xiaoye（洁途客服-小叶）]；也可写作 staff/organisers/admins
"""

"""Group profiles: validation reports every problem at once, in Chinese, with the key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from copilot.profile import (
    PROFILE_TEMPLATE,
    GroupProfile,
    ProfileError,
    ProfileStore,
    load_profile,
    parse_profile_text,
    profile_from_data,
)

GOOD = """
name: 宝妈辅食交流群
positioning: 给6到24个月宝宝的妈妈分享辅食做法和喂养经验
topics: 辅食, 喂养、过敏
type: 知识型
products:
  - {name: 婴儿米粉, price: 89, promo_price: 69}
allowed_domains: [https://mp.weixin.qq.com/s/abc]
"""


def test_good_profile_parses_and_normalises() -> None:
    p = parse_profile_text(GOOD)
    assert isinstance(p, GroupProfile)
    assert p.topics == ["辅食", "喂养", "过敏"]
    assert p.allowed_domains == ["mp.weixin.qq.com"]
    assert p.products[0].promo_price == 69
    assert "辅食" in p.keywords() and "宝宝" in p.keywords()


def test_every_problem_is_reported_at_once() -> None:
    bad = "name: 群\npositioning: 短\ntopics: []\ntype: 兴趣电商型\nplatform: 飞信\ncolour: red\nproducts: [{name: 米粉, price: -3}]\n"
    with pytest.raises(ProfileError) as info:
        parse_profile_text(bad, "bad.yaml")
    keys = {k for k, _ in info.value.problems}
    assert {"positioning", "topics", "type", "platform", "colour", "products.0.price"} <= keys
    text = str(info.value)
    assert "bad.yaml" in text and ("6 处问题" in text or "7 处问题" in text)
    assert "不认识的字段" in text and "不能为负数" in text


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "文件为空"), ("{\"name\": \"x\",}", "JSON 格式错误"), ("name: [unclosed", "YAML 格式错误"),
     ("- just\n- a list\n", "键值对象")],
)
def test_malformed_files_give_clear_errors(text: str, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        parse_profile_text(text)


def test_gbk_profile_file_loads(tmp_path: Path) -> None:
    p = tmp_path / "gbk.yaml"
    p.write_bytes(GOOD.encode("gbk"))
    assert load_profile(p).name == "宝妈辅食交流群"
    with pytest.raises(ProfileError, match="找不到"):
        load_profile(tmp_path / "missing.yaml")


def test_store_saves_only_valid_profiles(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    assert store.names() == []
    store.save("跑步群", PROFILE_TEMPLATE)
    assert store.names() == ["跑步群"]
    assert store.load("跑步群").type == "兴趣型"
    with pytest.raises(ProfileError):
        store.save("跑步群", "positioning: x\n")
    assert store.load("跑步群").topics[0] == "跑步"  # the bad save did not overwrite
    with pytest.raises(ProfileError):
        store.save("../../etc", PROFILE_TEMPLATE)  # no path traversal
    assert store.delete("跑步群") and store.names() == []


def test_traditional_type_and_case_insensitive_values_are_accepted() -> None:
    p = parse_profile_text("name: 台北咖啡同好會\npositioning: 台北的咖啡愛好者交流手沖與烘焙\ntopics: [咖啡, 手沖]\n"
                           "type: 興趣型\nplatform: WeChat\nscript: zh-hant\n")
    assert p.type == "兴趣型" and p.platform == "wechat" and p.script == "zh-Hant"
    assert p.name == "台北咖啡同好會"  # the operator's own text is kept as written


def test_root_level_problems_are_not_labelled_twice() -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile_text("")
    assert "(根)" not in str(info.value) and "整个档案：文件为空" in str(info.value)


# -- structured fields: events, cadences, paid ---------------------------------------------------
EVENTS = """
name: 西城读书会
positioning: 西城区上班族每周读一本书，线上共读、线下读书沙龙
topics: [读书, 共读, 读书沙龙]
type: 兴趣型
locality: 北京·西城区
card_format: 片区-在读的书-昵称
paid: {price: 199, term: 年}
events:
  - {title: 周二共读, kind: 分享, cadence: 每周二、四, time: "21:00"}
  - {title: 月末沙龙, kind: 線下活動, cadence: 每月最後一個週五, time: "19:30", place: 白塔寺书店二楼}
  - {title: 年终书单投票, kind: 投票, cadence: 2026-12-30, time: "20:00"}
  - {title: 午间打卡, kind: 打卡, cadence: 工作日, time: 12:30}
"""


def test_events_parse_traditional_kinds_dates_and_unquoted_times() -> None:
    import datetime as dt

    p = parse_profile_text(EVENTS)
    kinds = [e.kind for e in p.events]
    assert kinds == ["分享", "线下活动", "投票", "打卡"]
    assert p.events[1].cadence.label == "每月最后一个周五"
    assert p.events[2].cadence.date == dt.date(2026, 12, 30)  # YAML gives a date object
    assert p.events[3].time == "12:30"  # unquoted 12:30 is read by YAML as 750 and turned back
    assert p.paid and p.paid.price == 199 and p.paid.term == "年"
    assert p.locality == "北京·西城区" and p.offline()
    dumped = p.model_dump()
    assert dumped["events"][0]["cadence"] == "每周二、四"  # prompts see the wording, not the model


@pytest.mark.parametrize(
    ("cadence", "message"),
    [("每两周六", "看不懂的周期“每两周六”"), ("每月32号", "没有 32 号"), ("每月第一个", "后面要跟一个星期几"),
     ("\"2026-02-30\"", "这个日期不存在"), ("\"\"", "周期不能为空")],
)
def test_bad_cadences_get_chinese_errors_naming_the_key(cadence: str, message: str) -> None:
    text = f"positioning: 一起跑步训练\ntopics: [跑步]\nevents:\n  - {{title: 约跑, kind: 线下活动, cadence: {cadence}}}\n"
    with pytest.raises(ProfileError) as info:
        parse_profile_text(text)
    keys = dict(info.value.problems)
    assert message in keys["events.0.cadence"]
    assert "events.0.cadence（第 1 个固定活动）" in str(info.value)  # positions counted from 1, as people count
    assert "每月最后一个周五" in keys["events.0.cadence"]  # says what can be written instead


def test_bad_event_fields_are_all_reported() -> None:
    text = ("positioning: 一起跑步训练\ntopics: [跑步]\npaid: {price: 0}\nevents:\n"
            "  - {title: 约跑, kind: 年度聚会, cadence: 每天, time: 25:00}\n  - {kind: 投票, cadence: 每周三, time: 八点}\n")
    with pytest.raises(ProfileError) as info:
        parse_profile_text(text)
    keys = dict(info.value.problems)
    assert "events.0.kind" not in keys  # a kind outside the list is read, not refused (see below)
    assert "25:00 不存在" in keys["events.0.time"]
    assert "HH:MM" in keys["events.1.time"] and keys["events.1.title"] == "必填项缺失"
    assert "paid.term" in keys and "paid.price" in keys


def test_an_impossible_unquoted_date_is_one_problem_among_all_the_others() -> None:
    # YAML would read 2025-02-30 as a timestamp and stop at it; the profile loader keeps it text, so
    # the date is reported at its key together with every other problem of the file
    text = ("positioning: 跑\ntopics: [跑步]\ntype: 运动电商型\nevents:\n"
            "  - {title: 年会, kind: 线下活动, cadence: 2025-02-30, time: \"19:00\"}\n"
            "  - {title: 夜跑, kind: 线下活动, cadence: 每周八}\n"
            "  - {title: 新年跑, kind: 线下活动, cadence: 2027-01-01, time: 晚上7点半}\n")
    with pytest.raises(ProfileError) as err:
        parse_profile_text(text)
    keys = dict(err.value.problems)
    assert set(keys) == {"positioning", "type", "events.0.cadence", "events.1.cadence"}
    assert "这个日期不存在" in keys["events.0.cadence"] and "2025-02-30" in keys["events.0.cadence"]
    ok = parse_profile_text(text.replace("2025-02-30", "2026-12-31").replace("每周八", "每周五")
                            .replace("positioning: 跑", "positioning: 一起夜跑训练").replace("运动电商型", "兴趣型"))
    assert [(e.cadence.kind, e.time) for e in ok.events] == [("once", "19:00"), ("weekly", None), ("once", "19:30")]
    assert ok.events[0].cadence.date == dt.date(2026, 12, 31) and not ok.time_notes()


def test_clock_times_written_in_words_are_read_and_guesses_are_reported() -> None:
    p = parse_profile_text("positioning: 零基础油画课的作业群\ntopics: [油画]\n"
                           "schedule: [每天 8点 作业提醒, 每周三晚上8点半 作业点评, 每周六 14:00 油画课]\n"
                           "events:\n  - {title: 早读, kind: 打卡, cadence: 每天, time: 7点}\n"
                           "  - {title: 茶歇, kind: 其他, cadence: 每周五, time: 下午3点}\n")
    got = {e.title: (e.cadence.label, e.time) for e in p.all_events()}
    assert got == {"早读": ("每天", "07:00"), "茶歇": ("每周五", "15:00"), "作业提醒": ("每天", "08:00"),
                   "作业点评": ("每周三", "20:30"), "油画课": ("每周六", "14:00")}
    notes = p.time_notes()
    assert len(notes) == 2 and any("作业提醒" in n and "20:00" in n for n in notes) and any("早读" in n for n in notes)
    assert not p.unparsed_schedule()


def test_old_schedule_lines_become_events_and_unreadable_ones_are_reported() -> None:
    p = parse_profile_text("positioning: 考研英语互助打卡\ntopics: [考研英语]\n"
                           "schedule: [\"每天 07:30 单词晨报\", \"每週三 21:00 真題精講\", \"每周五 会员日\", \"有空就聊\"]\n")
    events = p.all_events()
    assert [(e.title, e.kind, e.when) for e in events] == [
        ("单词晨报", "晨报", "每天 07:30"), ("真題精講", "分享", "每周三 21:00"), ("会员日", "会员日", "每周五 全天")]
    assert p.unparsed_schedule() == ["有空就聊"]


@pytest.mark.parametrize(("written", "platform"), [("微信", "wechat"), ("企业微信", "wecom"), ("企微", "wecom"), ("QQ群", "qq"),
                                                   ("WeChat", "wechat"), ("微信群", "wechat")])
def test_platform_written_in_chinese(written: str, platform: str) -> None:
    p = parse_profile_text(f"positioning: 小区邻居团购水果\ntopics: [水果]\nplatform: {written}\n")
    assert p.platform == platform


def test_unknown_platform_is_still_refused() -> None:
    with pytest.raises(ProfileError, match="platform") as info:
        parse_profile_text("positioning: 小区邻居团购水果\ntopics: [水果]\nplatform: 米聊\n")
    assert "“米聊”不是认得的平台" in str(info.value) and "钉钉（dingtalk）" in str(info.value)


def test_a_tab_in_yaml_says_to_use_spaces() -> None:
    with pytest.raises(ProfileError) as exc:
        parse_profile_text("name: 读书会\npositioning: 每周一起读一本书\n\ttopics: [读书]\n")
    assert "第 3 行" in str(exc.value) and "Tab" in str(exc.value) and "空格" in str(exc.value)


def test_old_schedule_with_a_part_of_day_keeps_the_event() -> None:
    p = parse_profile_text("positioning: 周末一起骑行\ntopics: [骑行]\nschedule: [\"每周六上午 绿道骑行\", \"隔周日 读书会\"]\n")
    assert [(e.title, e.cadence.label, e.time) for e in p.all_events()] == [("绿道骑行", "每周六", None)]
    assert p.unparsed_schedule() == ["隔周日 读书会"]  # no start date: reported, never guessed


def test_event_kinds_outside_the_list_are_read_by_their_words_and_told_to_the_operator() -> None:
    # operators write the kind they have in mind; one unknown word must not refuse the whole profile
    # (the moderation hook loads the same profile and has no use for event kinds)
    text = ("positioning: 县城小学三年级家长沟通\ntopics: [作业, 接送, 家长会]\nevents:\n"
            "  - {title: 期中家长会, kind: 家长会, cadence: 2026-12-18, time: \"16:00\"}\n"
            "  - {title: 周末聚餐, kind: 聚餐, cadence: 每月最后一个周六, time: \"18:30\"}\n"
            "  - {title: 本周学习复盘, kind: 每周复盘会, cadence: 每周日, time: \"20:00\"}\n"
            "  - {title: 晨读, kind: 晨報, cadence: 上学日, time: \"07:20\"}\n")
    p = parse_profile_text(text)
    assert [e.kind for e in p.events] == ["其他", "线下活动", "复盘", "晨报"]
    notes = p.kind_notes()
    assert len(notes) == 2  # an alias (聚餐, 晨報) is not a guess; 家长会 and 每周复盘会 are
    assert notes[0].startswith("期中家长会：活动类型“家长会”不在可选类型里，按“其他”处理") and "领养发布" in notes[0]
    assert "按“复盘”处理" in notes[1]


@pytest.mark.parametrize(
    ("cadence", "time", "label", "when"),
    [("每月一次", "\"19:30\"", "每月一次", "每月一次 19:30"),
     ("每季度一次（时间看群公告）", None, "每季度一次（时间看群公告）", "每季度一次（时间看群公告）"),
     ("每年10月下旬", "\"08:00\"", "每年10月下旬", "每年10月下旬 08:00")],
)
def test_a_cadence_without_a_day_keeps_the_event_off_the_calendar_and_asks_for_a_date(cadence, time, label, when):
    extra = f", time: {time}" if time else ""
    p = parse_profile_text("positioning: 退休老人自驾游结伴\ntopics: [自驾, 线路, 拼车]\nevents:\n"
                           f"  - {{title: 长线自驾, kind: 出游, cadence: {cadence}{extra}}}\n")
    ev = p.events[0]
    assert ev.cadence.kind == "undated" and ev.cadence.label == label and ev.when == when
    assert ev.cadence.dates(dt.date(2026, 12, 1), 60) == []
    assert p.cadence_notes() == [f"长线自驾：{label}：没有固定日期，日历里不排；定了日期请写成 2026-12-20、每月15号 或 每月第一个周六 这样的说法"]


def test_time_words_after_the_clock_are_read_and_other_words_still_refused() -> None:
    base = "positioning: 独立游戏开发者交流\ntopics: [引擎, 美术]\nevents:\n  - {{title: 试玩会, kind: 分享, cadence: 每周五, time: {t}}}\n"
    assert parse_profile_text(base.format(t="20:00开始")).events[0].time == "20:00"
    assert parse_profile_text(base.format(t="23:59截止")).events[0].time == "23:59"
    with pytest.raises(ProfileError) as info:
        parse_profile_text(base.format(t="20:00看心情"))
    assert "看不懂" in dict(info.value.problems)["events.0.time"]


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [("\"19:30-21:30\"", "19:30", "21:30"), ("晚上7点~9点", "19:00", "21:00"), ("\"23:00-01:00\"", "23:00", "01:00"),
     ("下午2点到4点半", "14:00", "16:30")],
)
def test_a_time_range_gives_start_and_end(written, start, end) -> None:
    p = parse_profile_text("positioning: 业余羽毛球联赛约球\ntopics: [羽毛球, 场地]\nevents:\n"
                           f"  - {{title: 周三夜场, kind: 线下活动, cadence: 每周三, time: {written}}}\n")
    ev = p.events[0]
    assert (ev.time, ev.end) == (start, end)
    assert ev.when == f"每周三 {start}-{end}"


def test_a_range_with_an_impossible_side_is_still_an_error() -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile_text("positioning: 羽毛球约球\ntopics: [羽毛球]\nevents:\n"
                           "  - {title: 夜场, kind: 线下活动, cadence: 每周三, time: \"19:30-25:00\"}\n")
    assert "events.0.time" in dict(info.value.problems)


@pytest.mark.parametrize(("data", "key", "hint"), [
    ({"products": [{"name": "周末烘焙课", "price": 380, "desc": "两小时，自带围裙"}]}, "products.0.desc", "是不是 description？"),
    ({"topcis": ["烘焙"]}, "topcis", "是不是 topics？"),
    ({"events": [{"title": "周六骑行", "kind": "线下活动", "cadence": "每周六", "detial": "8点集合"}]},
     "events.0.detial", "是不是 details？"),
    ({"zzz": 1}, "zzz", "这里可用的字段：name、"),
])
def test_an_unknown_key_names_the_field_it_probably_meant(data: dict, key: str, hint: str) -> None:  # type: ignore[type-arg]
    base = {"name": "阿May廚房烹飪班", "positioning": "烹飪班學員交流做菜心得", "topics": ["烘焙", "家常菜"]}
    with pytest.raises(ProfileError) as err:
        profile_from_data(base | data)
    line = next(x for x in str(err.value).splitlines() if key in x)
    assert "不认识的字段" in line and hint in line


def test_a_topic_written_as_a_bare_number_is_its_text() -> None:
    """A film-camera club's topics in YAML: ``135`` and ``120`` are film formats, read by YAML as numbers; the profile
    loads with them as text instead of failing with 应为文本 (a true/false value is still refused)."""
    p = parse_profile_text("name: 胶片相机交流群\npositioning: 玩胶片相机的朋友交流冲洗扫描和器材\n"
                           "topics: [135, 120, 冲洗, 扫描]\nbanned: [2048]\n")
    assert p.topics == ["135", "120", "冲洗", "扫描"]
    assert p.banned == ["2048"]
    assert parse_profile_text("name: 胶片群\npositioning: 玩胶片相机的朋友交流\ntopics: 135\n").topics == ["135"]
    with pytest.raises(ProfileError):
        parse_profile_text("name: 胶片群\npositioning: 玩胶片相机的朋友交流\ntopics: [true]\n")


@pytest.mark.parametrize(("written", "read"), [
    ("运动型", "兴趣型"), ("育儿型", "知识型"), ("教培型", "知识型"), ("商家型", "消费型"), ("職業型", "其他"),
    ("行业协会型", "其他"), ("邻里型", "其他"), ("小区业主群", "其他"), ("長者型", "其他"), ("银发型", "其他"),
    ("社区团购型", "消费型"), ("病友互助型", "其他"), ("患者家属群", "其他"),
    ("商家会员群", "品牌型"), ("门店客户型", "品牌型"), ("公益志工", "其他"),
    ("游戏同好", "兴趣型"), ("同行交流", "其他"), ("闲置交易", "消费型"), ("长者学习", "知识型"),
    ("小店型", "消费型"), ("活动组织型", "兴趣型"), ("家长型", "其他"), ("教培家长型", "知识型")])
def test_group_types_operators_write_are_read_by_their_stems(written: str, read: str) -> None:
    """Round 52's blind moderation writer wrote these five types in eight profiles (运动型 for a flag-football club,
    育儿型 for twins' parents, 商家型 for a braised-food shop…); each refused the whole profile. Round 53's wrote 邻里型
    for an estate's lift-retrofit owners and 长者型 for a seniors' catwalk class: groups named by where or who, not
    by topic; 社区团购 is one word, a shop's group-buy, not a neighbourhood plus a purchase. Round 55's wrote 病友互助型
    for a patients' mutual-aid group: named by who, like 长者型; and 商家会员群 for an optician's own members: a shop's
    members are its brand's members (kinds.yaml ``type_mixes``), while other mixes are still refused; 游戏同好 and
    同行交流 (words beside a stem qualify it), 闲置交易, and 长者学习 (who the members are gives way to what they do).
    Round 57's wrote 小店型 for a dry-cleaner's members, 活动组织型 for a paid city-walk organiser's group and 家长型 for
    an art school's parents (named by who, like 长者型; with 教培 beside it, what they do decides)."""
    p = parse_profile_text(f"name: 测试群\npositioning: 群友交流经验\ntopics: [交流]\ntype: {written}\n")
    assert p.type == read


@pytest.mark.parametrize("written", ["运动电商型", "兴趣学习型"])
def test_a_type_naming_two_kinds_is_still_refused(written: str) -> None:
    """Two stems of different types: the operator must choose, so the profile says which and why."""
    with pytest.raises(ProfileError) as info:
        parse_profile_text(f"name: 测试群\npositioning: 群友交流经验\ntopics: [交流]\ntype: {written}\n")
    assert "type" in dict(info.value.problems) and "兴趣型" in dict(info.value.problems)["type"]


@pytest.mark.parametrize("written", ["战友", "村务", "随便聊聊型", "遊戲型"])
def test_a_type_naming_no_type_loads_as_other_and_the_operator_is_told(written: str) -> None:
    """Round 58's blind moderation writer wrote 战友 for an army veterans' group and 村务 for a village's residents:
    words with no stem of any type. Refusing the whole profile for them (as rounds 52–57 did, adding a stem per miss)
    loses the group; it loads as 其他 and the note says how it was read, like an event kind outside the list."""
    p = parse_profile_text(f"name: 测试群\npositioning: 群友交流经验\ntopics: [交流]\ntype: {written}\n")
    assert p.type == "其他"
    assert p.kind_notes() == [f"社群类型“{written}”不在可选类型里，按“其他”处理；可选：消费型 / 知识型 / 品牌型 / 兴趣型 / 其他"]
    assert parse_profile_text("name: 测试群\npositioning: 群友交流经验\ntopics: [交流]\ntype: 其他\n").kind_notes() == []


def test_a_day_written_where_the_clock_goes_is_kept_in_details_and_told() -> None:
    """「time: 明年4月」 (a veterans' reunion with no date yet) holds no clock: the event loads without a time, the words
    are kept in its details and the operator is told; a bare number and a clock followed by other words still refuse."""
    base = ("name: 老兵群\npositioning: 退伍老兵联络和聚会\ntopics: [聚会, 互助]\nevents:\n"
            "  - {{title: 战友聚会, kind: 聚会, time: {t}, details: AA制每人预交500}}\n")
    ev = parse_profile_text(base.format(t="明年4月")).events[0]
    assert ev.time is None and ev.details == "AA制每人预交500；时间：明年4月"
    assert "明年4月" in ev.time_note and "不是钟点" in ev.time_note
    assert parse_profile_text(base.format(t="春节后再定")).events[0].time is None
    for bad in ('"20"', "20:00看心情", '"25:10"'):
        with pytest.raises(ProfileError) as info:
            parse_profile_text(base.format(t=bad))
        assert "events.0.time" in dict(info.value.problems), bad


def test_an_events_fee_goes_into_its_details_and_a_pending_time_is_no_time() -> None:
    """Operators write ``fee:`` and ``time: 待定`` in a fixed event; the profile loads, the fee is kept in ``details``
    (after what details already said) and a pending time is no time, told to the operator — not a made-up clock."""
    p = parse_profile_text(
        "name: 滨江腰旗橄榄球\npositioning: 杭州腰旗橄榄球爱好者约训练和比赛\ntopics: [腰旗橄榄球, 训练]\nevents:\n"
        "  - {title: 周日训练, kind: 线下活动, cadence: 每周日, time: \"14:00\", fee: 场地费AA每人30元}\n"
        "  - {title: 城市联赛报名, kind: 比赛, cadence: 每年春季, time: 待定, 費用: 每队1200元, details: 报名带队员名单}\n")
    first, second = p.events
    assert first.time == "14:00" and first.details == "费用：场地费AA每人30元"
    assert second.time is None and second.details == "报名带队员名单；费用：每队1200元"
    assert "待定" in second.time_note and "不写几点" in second.time_note


@pytest.mark.parametrize("end", ["\"20:00-24:00\"", "晚上8点到24点", "\"20:00-零点\""])
def test_a_span_ending_at_midnight_ends_at_the_days_last_minute(end: str) -> None:
    p = parse_profile_text("name: 蚁友群\npositioning: 养蚂蚁的人交流饲养经验\ntopics: [蚂蚁, 蚁巢]\nevents:\n"
                           f"  - {{title: 月度晒巢, kind: 晒图, cadence: 每月15号, time: {end}}}\n")
    assert (p.events[0].time, p.events[0].end) == ("20:00", "23:59")
    with pytest.raises(ProfileError):  # a 25th hour is still no time
        parse_profile_text("name: 蚁友群\npositioning: 养蚂蚁\ntopics: [蚂蚁]\nevents:\n"
                           "  - {title: 晒巢, kind: 晒图, cadence: 每月15号, time: \"20:00-25:00\"}\n")

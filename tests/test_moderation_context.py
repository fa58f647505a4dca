"""Evidence weighed in context (qa17c's failure classes): the abuse model never acts alone, rule notices
that name banned things, quoted insults in stories, members' deals the profile allows, chain letters,
referral links and health claims. Each harmless case has a twin that must still be caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect
from copilot.profile import parse_profile_text

GUITAR_SWAP = """
name: 二手吉他交换群
positioning: 琴友之间转让、交换自己的闲置吉他和效果器，交流调琴，只限个人闲置，禁止琴行商家和代购
topics: [吉他, 效果器, 闲置, 转让, 调琴]
banned: [琴行, 代购]
"""
ARCHITECTS = """
name: 建筑设计师同行群
positioning: 建筑设计师交流方案、规范更新和职业发展，设计院可以发招聘
topics: [方案, 规范, 施工图, 职业发展, 招聘]
audience: 建筑设计院的设计师
"""
AQUARIUM = """
name: 海水缸玩家群
positioning: 海水缸玩家交流造景、水质和珊瑚养护
topics: [海水缸, 珊瑚, 水质, 造景]
"""
HEALTH = """
name: 痛风病友群
positioning: 痛风病友交流饮食、用药和复查经验，禁止推销保健品
topics: [痛风, 尿酸, 饮食, 用药, 复查]
banned: [保健品]
"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def _mod(settings: Settings, text: str) -> Moderator:
    return Moderator(settings, parse_profile_text(text), audit=None)


def test_abuse_model_alone_does_not_label_notices_reports_or_chain_letters(settings: Settings) -> None:
    mod = _mod(settings, AQUARIUM)
    for text in ("周六下午群友换珊瑚，地点在花鸟市场三楼，带上你家多出来的断枝",
                 "@群主 这个号今天发了五次同样的链接，是不是机器人？",
                 "这条消息转发给五个鱼友群，你的缸一年不死鱼，不转的下周就爆藻"):
        v = mod.moderate(text)
        assert v.label != "abuse", (text, v.reason)
    chain = mod.moderate("这条消息转发给五个鱼友群，你的缸一年不死鱼，不转的下周就爆藻")
    assert chain.label == "spam", chain.reason


def test_contempt_without_a_swear_word_is_still_abuse(settings: Settings) -> None:
    mod = _mod(settings, AQUARIUM)
    for text in ("你这种人也配养海水缸？养一缸死一缸", "就你这水平还来教别人调水质，省省吧"):
        v = mod.moderate(text)
        assert v.label == "abuse", (text, v.reason)


def test_rule_notice_naming_banned_things_is_not_an_ad_but_an_offer_with_them_is(settings: Settings) -> None:
    mod = _mod(settings, GUITAR_SWAP)
    for text in ("【群规】只能转让自己的琴，琴行和代购发广告直接踢，交易请当面验琴",
                 "再提醒一次，群里禁止琴行商家发帖，违者移出"):
        v = mod.moderate(text)
        assert v.label == "ok" and v.action == "none", (text, v.reason)
    pitch = mod.moderate("琴行新到一批雅马哈，代购价八折，加微信 qinhang_99 看琴")
    assert pitch.label == "ad" and pitch.action == "delete", pitch.reason
    health = _mod(settings, HEALTH)
    rule = health.moderate("群规：禁止推销保健品和偏方，用药请听医生的")
    assert rule.label == "ok", rule.reason


def test_quoted_insult_in_a_story_is_not_the_speakers_abuse(settings: Settings) -> None:
    mod = _mod(settings, AQUARIUM)
    for text in ("去水族店问珊瑚价格，老板骂我‘傻逼买不起就别问’，大家别去那家",
                 "我老婆嫌我花钱，说我‘玩缸玩成了废物’，哈哈"):
        v = mod.moderate(text)
        assert v.label != "abuse", (text, v.reason)
    # an insult of the writer's own beside the quotation is still abuse
    own = mod.moderate("你才是傻逼，还学人家说‘买不起就别问’")
    assert own.label == "abuse", own.reason


def test_members_own_item_with_a_private_chat_is_not_an_ad_where_resale_is_allowed(settings: Settings) -> None:
    mod = _mod(settings, GUITAR_SWAP)
    own = mod.moderate("自用的一台单块过载，买了半年没怎么踩，280，想要的私我")
    assert own.label == "ok" and own.action == "none", own.reason
    # one handle and one price are how a member's own one-off sale is settled (round 49, pipeline._own_sale_handle) …
    handle = mod.moderate("自用的一台单块过载，280，加微信 guitar_fx88")
    assert handle.label == "ok" and handle.action == "none", handle.reason
    # … a shop's stock and wording beside the handle are still a shop's
    stock = mod.moderate("自用过的单块过载，另有现货各种型号，280起，加微信 guitar_fx88")
    assert stock.label == "ad", stock.reason


def test_job_post_in_a_group_of_one_trade_is_not_an_ad_but_a_course_pitch_is(settings: Settings) -> None:
    mod = _mod(settings, ARCHITECTS)
    job = mod.moderate("我们院在招两名施工图设计师，base杭州，月薪15-20k，有兴趣的私我发岗位说明")
    assert job.label == "ok" and job.action == "none", job.reason
    pitch = mod.moderate("建筑考证培训包过，不过全额退款，报名加微信 kaozheng_2027")
    assert pitch.label == "ad", pitch.reason
    # the same job post in a group that is not about one trade is left to the usual rules
    hobby = _mod(settings, AQUARIUM).moderate("我们院在招两名施工图设计师，月薪15-20k，有兴趣的私我")
    assert hobby.label != "ok" or hobby.action == "none"


def test_chain_letter_variants_are_spam(settings: Settings) -> None:
    mod = _mod(settings, AQUARIUM)
    for text in ("把这条转发到三个水族群，今年珊瑚疯长，不转的缸里全是藻",
                 "收到的请发给十个鱼友，保你一年不死鱼，不发的倒霉"):
        v = mod.moderate(text)
        assert v.label == "spam", (text, v.reason)
    # forwarding a tutorial is not a chain letter
    tip = mod.moderate("我把这篇水质教程转发到了三个群，真的讲得很清楚")
    assert tip.label != "spam", tip.reason


def test_referral_links_and_codes_are_ad_evidence(settings: Settings) -> None:
    mod = _mod(settings, AQUARIUM)
    link = mod.moderate("推荐一个买珊瑚的平台 https://coral-mall.cn/?ref=lee77 注册送优惠券")
    assert link.label == "ad" and link.action == "delete", link.reason
    code = mod.moderate("这个APP买海盐便宜，填我的邀请码 SEA2027 注册就送30元")
    assert code.label == "ad", code.reason
    share = mod.moderate("分享一个查珊瑚学名的网站 https://coral-atlas.org/species ，图很全")
    assert share.label == "ok", share.reason


def test_health_claim_with_a_way_to_buy_is_an_ad_but_a_members_own_result_is_not(settings: Settings) -> None:
    mod = _mod(settings, HEALTH)
    ad = mod.moderate("降酸神茶喝两个月停药不反弹，私我拿货")
    assert ad.label == "ad" and ad.action == "delete", ad.reason
    member = mod.moderate("我两个月少吃海鲜，尿酸降了100，复查医生说继续保持")
    assert member.label == "ok", member.reason


SURF = """
name: 冲浪约浪群
positioning: 万宁日月湾冲浪爱好者约浪、交流冲浪板和浪况
topics: [冲浪, 约浪, 浪况, 冲浪板]
"""
CLIMBING = """
name: 抱石小分队
positioning: 岩馆抱石爱好者约练、交流技巧和伤病预防
topics: [抱石, 约练, 线路]
"""
DOG = """
name: 柯基狗狗交流群
positioning: 养狗的主人交流喂养、训练和看病经验，晒狗
topics: [喂养, 训犬, 看病, 晒狗]
"""


def test_gear_and_safety_talk_of_the_groups_domain_is_on_topic(settings: Settings) -> None:
    mod = _mod(settings, CLIMBING)
    for text in ("快挂的锁扣有点卡，还能继续用吗？", "新买的岩鞋磨皮磨得厉害，大家怎么处理的"):
        v = mod.moderate(text)
        assert v.label == "ok", (text, v.reason)
    # everyday chatter in the same group is still off-topic
    chatter = mod.moderate("今晚追剧到三点，这部电视剧的结局太气人了")
    assert chatter.label == "off_topic", chatter.reason


def test_a_group_with_no_domain_entry_is_judged_as_before(settings: Settings) -> None:
    # no domain cue in a surfing profile: the climbing words above are not its words
    mod = _mod(settings, SURF)
    assert "快挂" not in mod.offtopic.vocab.related.pattern


def test_a_chatter_word_that_is_the_groups_subject_is_not_chatter(settings: Settings) -> None:
    mod = _mod(settings, DOG)
    v = mod.moderate("晒一下我家狗子，今天洗完澡又白又香")
    assert v.label == "ok" and v.action == "none", v.reason
    reading = _mod(settings, AQUARIUM).moderate("最近股票跌得厉害，基金也全绿了，亏麻了")
    assert reading.label == "off_topic", reading.reason


def test_own_used_gear_on_topic_is_a_members_post_in_any_group(settings: Settings) -> None:
    mod = _mod(settings, CLIMBING)  # the profile says nothing about resale
    used = mod.moderate("自用的安全带，M码，用过十几次，150，需要的私聊")
    assert used.label == "ok" and used.action == "none", used.reason
    # new stock sold "at half the list price", paid first, is not a member's used gear
    stock = mod.moderate("全新岩鞋一批，原价九百现价三百，先付款后发货，私聊")
    assert stock.label == "ad", stock.reason
    # used things off the group's subject are not made on-topic by being used
    other = mod.moderate("自用的扫地机器人，九成新，300，需要的私聊")
    assert other.label != "ok", other.reason


def test_a_sellers_testimonial_is_not_the_senders_own_use(settings: Settings) -> None:
    assert not detect(normalise("用过的人都说好的指力板训练课，私我")).used_item
    assert detect(normalise("指力板自用过半年，八成新，私我")).used_item
    swap = _mod(settings, GUITAR_SWAP)  # where members pass on their own things, a testimonial is still a pitch
    pitch = swap.moderate("用过的都说好，这款效果器群友价，私我")
    assert pitch.label == "ad", pitch.reason


def test_a_pitch_for_own_use_stock_is_not_a_members_used_gear(settings: Settings) -> None:
    mod = _mod(settings, CLIMBING)
    v = mod.moderate("自用款指力板，效果特别好，推荐给岩友，需要的私我")
    assert v.label == "ad", v.reason


LANDLORDS = """
name: 翠湖苑业主租客群
positioning: 翠湖苑小区业主和租客交流物业、维修和租房；业主可以发自己房子出租和车位出租，租客可以找室友合租，中介和装修公司不允许发广告
topics: [物业, 维修, 租房, 合租, 车位]
"""
MAKEUP = """
name: 新娘跟妆同行群
positioning: 新娘跟妆师之间对档期、转单和交流妆面，同行可以发自己的空档期和转单信息；禁止卖课
topics: [跟妆, 档期, 转单, 妆面]
allowed_domains: [xiaohongshu.com]
"""


def test_what_the_positioning_allows_members_to_post_is_the_groups_business(settings: Settings) -> None:
    from copilot.moderation.offtopic import permitted_words

    words = permitted_words(parse_profile_text(LANDLORDS).positioning)
    assert {"出租", "室友"} <= words and "中介" not in words  # a negated clause grants nothing
    mod = _mod(settings, LANDLORDS)
    flat = mod.moderate("8栋两室朝南出租，业主直租，月租2800，押一付三，看房私聊我")
    assert flat.label == "ok" and flat.action == "none", flat.reason
    agent = mod.moderate("专业中介，翠湖苑及周边房源上百套，加微信 fangyuan_88 免费带看")
    assert agent.label == "ad", agent.reason
    # on the subject is not enough: the offer must be one the profile allows
    app = _mod(settings, LANDLORDS).moderate("发现一个租房app能赚零花钱，每天签到提现，感兴趣的私我拉你")
    assert (app.checks.get("offtopic") or {}).get("deal") is None, app.reason


def test_a_pointer_to_a_platform_the_profile_allows_is_not_a_pointer_away(settings: Settings) -> None:
    mod = _mod(settings, MAKEUP)
    v = mod.moderate("12月3号我有空档，需要转单的私我，作品在小红书搜“阿May跟妆”")
    assert v.action != "delete", v.reason
    other = _mod(settings, AQUARIUM).moderate("珊瑚低价出，抖音搜“海缸老李”看直播下单")
    assert other.label == "ad", other.reason


def test_a_notice_that_the_banned_post_was_removed_is_not_an_ad(settings: Settings) -> None:
    mod = _mod(settings, GUITAR_SWAP)
    v = mod.moderate("刚才发琴行广告的那个人已经踢了，消息也已删除，再说一遍我们只做个人闲置")
    assert v.label == "ok" and v.action == "none", v.reason


BADMINTON_WEST = """
name: 城东羽毛球约球群
positioning: 城东上班族约羽毛球、双打轮换和场地AA
topics: [羽毛球, 约球, 双打, 场地]
audience: 城东和滨江的上班族球友
"""


def test_a_place_in_the_profile_does_not_make_a_message_on_topic(settings: Settings) -> None:
    mod = _mod(settings, BADMINTON_WEST)
    for text in ("城东哪家牙科看智齿靠谱啊，疼了三天了", "滨江那边的房子现在租金多少，想换个地方住"):
        v = mod.moderate(text)
        assert (v.checks.get("offtopic") or {}).get("about_group") is not True, (text, v.checks.get("offtopic"))
    # the group's own subject in the same place still is
    ok = mod.moderate("城东体育馆周三晚上还有场地吗，想约双打")
    assert ok.label == "ok", ok.reason


def test_pulling_friends_in_for_a_red_packet_and_chain_letters_to_loved_ones_are_spam(settings: Settings) -> None:
    mod = _mod(settings, BADMINTON_WEST)
    for text in ("晚上群里发大红包，先拉五个好友进群才能抢，拉满截图给我",
                 "紧急！今晚手机辐射超标，看到的转给你关心的人，一定要关机"):
        v = mod.moderate(text)
        assert v.label == "spam", (text, v.reason)


def test_a_scam_warning_that_quotes_the_scammer_is_not_an_ad_but_one_with_its_own_pointer_is_reviewed(
        settings: Settings) -> None:
    mod = _mod(settings, HEALTH)
    warn = mod.moderate("大家小心，有人私聊我说“加入我们团队保证月入三万”，就是骗会员费的，别上当")
    assert warn.label == "ok" and warn.action == "none", warn.reason
    pitch = mod.moderate("小心被骗！正规渠道请看我头像，有需要私聊")
    assert pitch.label == "ad", pitch.reason


def test_letter_spaced_text_hides_an_invitation(settings: Settings) -> None:
    v = _mod(settings, HEALTH).moderate("降 尿 酸 的 好 东 西 需 要 私 我")
    assert "逐字隔开" in v.checks["normalise"]["evasions"] and v.label == "ad", v.reason


def test_a_reply_to_a_member_is_not_judged_off_topic_by_the_model_alone(settings: Settings) -> None:
    mod = _mod(settings, CLIMBING)
    assert mod.moderate("@小林 我周六下午都在，到了喊我").label == "ok"
    # a chatter word still speaks
    assert mod.moderate("@小林 昨晚那部电视剧你追了吗，结局太气人了").label == "off_topic"


def test_a_call_to_buy_beside_a_link_is_seller_evidence(settings: Settings) -> None:
    v = _mod(settings, CLIMBING).moderate("抱石纪念T恤定制，点链接下单 https://tshirt-shop.cn/a1")
    assert v.label == "ad", v.reason


def test_one_numeral_after_a_number_is_a_measure_not_a_spelled_handle() -> None:
    assert "数字变形" not in normalise("3栋1502两室一厅，押一付三").evasions
    assert "数字变形" in normalise("加我 幺三九零零一二三四五六").evasions

"""Round 56, d17d56 (issue 17, the fresh QA's wrong verdicts): evasive contact spellings on word boundaries only, chain
letters in Traditional script, QQ-style contact asks in a QQ group that bans trading, Latin topic words, reasons that
follow the group's kind and quote what is written, negated contact asks, red-packet begging. Messages written for these
tests, for groups not used before: a swimming-pool members' group, a university badminton club on QQ, a Taipei
neighbourhood group and a bakery's customer group."""

from __future__ import annotations

from pathlib import Path

import pytest
from moderation_say import dry_run_moderator as _mod
from moderation_say import said_by as _say

from copilot.moderation.labels import ACTED, REMOVED, Label
from copilot.moderation.normalise import normalise

POOL = """name: 碧波游泳馆会员群
positioning: 碧波游泳馆的会员群，前台发开放时间、课程和会员日通知，会员交流游泳
topics: [游泳, 泳道, 会员卡, 游泳课]
type: 门店型
products:
  - {name: 十次卡, price: 400, unit: 张}
"""


@pytest.mark.parametrize("text", ["今年的个人所得税附加扣除在哪个页面填？", "我点了份麻辣烫参加微辣挑战，结果还是辣哭了"])
def test_a_spelling_inside_a_longer_word_is_no_evasion(text: str) -> None:
    n = normalise(text)
    assert not n.evasions and "加qq" not in n.compact and "加微信" not in n.compact


def test_a_tax_question_is_never_a_contact_ask(tmp_path: Path) -> None:
    v = _say(_mod(POOL, tmp_path), "会员老周", "谁知道个税专项附加扣除的赡养老人那一项怎么填")
    assert v.label != Label.AD and v.action not in REMOVED, v.reason
    assert "加扣" not in v.reason and "加qq" not in v.reason


def test_a_bare_evasive_ask_with_no_handle_after_it_is_not_deleted(tmp_path: Path) -> None:
    v = _say(_mod(POOL, tmp_path), "u1", "想了解的加扣详聊")
    assert v.label == Label.AD and v.action not in REMOVED, v.reason


@pytest.mark.parametrize("text", ["泳镜批发，需要的加扣 20260512 详聊", "私教课便宜上，加v：swim_8866"])
def test_an_evasive_ask_with_a_handle_after_it_is_still_deleted(tmp_path: Path, text: str) -> None:
    v = _say(_mod(POOL, tmp_path), "u2", text)
    assert v.label == Label.AD and v.action in REMOVED, v.reason


TAIPEI = """name: 大安區興安里鄰里群
positioning: 興安里的住戶交流社區公告、里民活動和生活資訊
topics: [社區公告, 里民活動, 垃圾車, 停車]
type: 社区
"""


@pytest.mark.parametrize("text", ["緊急！！自來水公司說下週一開始停水五天，大家快囤水，轉發到所有群",
                                  "紧急！！自来水公司说下周一开始停水五天，大家快囤水，转发到所有群"])
def test_an_outage_rumour_sent_on_to_every_group_is_a_chain_letter_in_both_scripts(tmp_path: Path, text: str) -> None:
    v = _say(_mod(TAIPEI, tmp_path), "u3", text)
    assert v.label == Label.SPAM and v.action in REMOVED, v.reason


@pytest.mark.parametrize("text", ["里辦公室通知：週三上午停水，請大家轉告家人提前儲水",
                                  "里办公室通知：周三上午停水，请大家转告家人提前储水"])
def test_a_real_outage_notice_told_to_the_family_is_no_chain_letter(tmp_path: Path, text: str) -> None:
    v = _say(_mod(TAIPEI, tmp_path), "里長", text)
    assert v.label != Label.SPAM and v.action not in ACTED, v.reason


def test_a_cue_written_with_a_character_t2s_leaves_alone_still_matches(tmp_path: Path) -> None:
    # 接著 stays 接著 after folding (OpenCC t2s keeps 著): the cue 接着发 must be read in that form too
    v = _say(_mod(TAIPEI, tmp_path), "u4", "紅包發完了，誰接著發？")
    assert v.label == Label.SPAM and "誰接著發" in v.reason, v.reason


BADMINTON = """name: 同济羽毛球协会
positioning: 同济大学羽毛球协会的会员群，约球、组织校内联赛，交流技术和装备
topics: [羽毛球, 约球, 联赛, 球拍]
type: 兴趣社团
platform: qq
banned: [倒卖球馆场地, 代打比赛, 广告]
"""


def test_a_qq_ask_beside_a_banned_trade_is_deleted_in_a_qq_group(tmp_path: Path) -> None:
    v = _say(_mod(BADMINTON, tmp_path), "u5", "校联赛可以代打比赛，一场50，价格好说，需要的扣我")
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "扣我" in v.reason


def test_a_qq_ask_beside_a_discount_goes_to_review_at_least(tmp_path: Path) -> None:
    v = _say(_mod(BADMINTON, tmp_path), "u6", "有没有人要尤尼克斯的球，官方渠道七折，需要的扣我")
    assert v.label == Label.AD, v.reason


def test_kou_wo_is_no_ask_outside_qq_or_when_it_means_deduct(tmp_path: Path) -> None:
    wechat = _say(_mod(POOL, tmp_path), "u7", "有没有人要泳镜，官方渠道七折，需要的扣我")
    assert "扣我" not in wechat.reason, wechat.reason
    deduct = _say(_mod(BADMINTON, tmp_path), "u8", "上次联赛迟到，会长扣我分了，这次一定早点到")
    assert deduct.label == Label.OK, deduct.reason
    mate = _say(_mod(BADMINTON, tmp_path), "u9", "周六下午约球还差一个人，想打的扣我")
    assert mate.action not in ACTED, mate.reason


ESPORTS = """name: 交大电竞协会
positioning: 上海交大电竞协会的会员群，组织校内联赛和周末开黑，交流LOL和无畏契约的打法
topics: [LOL, 无畏契约, 校内联赛, 开黑]
type: 兴趣社团
platform: qq
"""


@pytest.mark.parametrize("text", ["为什么我lol一到团战就掉帧，显卡是4060", "昨晚那把对面ADC被我们打野抓了三次，直接挂机了",
                                  "无畏契约残局一穿二，爆头那下我自己都没想到"])
def test_the_groups_own_games_words_and_slang_are_on_topic(tmp_path: Path, text: str) -> None:
    v = _say(_mod(ESPORTS, tmp_path), "u10", text)
    assert v.label == Label.OK, v.reason


def test_a_latin_topic_word_counts_only_as_a_whole_word() -> None:
    from copilot.moderation.offtopic import _alternation
    rx = _alternation(frozenset({"lol", "3060", "adc"}))
    assert rx.search("今晚lol五排") and rx.search("显卡3060够用吗") and rx.search("对面adc")
    assert not rx.search("买了根lollipop") and not rx.search("工号13060") and not rx.search("adcd")


CLUB = """name: 复旦摄影社
positioning: 复旦大学摄影社的社员群，组织外拍和作品点评
topics: [摄影, 外拍, 作品点评, 后期]
type: 兴趣社团
products:
  - {name: 社费, price: 50, unit: 学年}
"""
BAKERY = """name: 麦香烘焙老客户群
positioning: 麦香烘焙店的老客户群，发新品和会员优惠
topics: [面包, 蛋糕, 新品, 会员日]
type: 消费型
products:
  - {name: 全麦吐司, price: 18, unit: 个}
"""


def test_a_club_with_only_its_dues_listed_is_no_shop(tmp_path: Path) -> None:
    v = _say(_mod(CLUB, tmp_path), "u11", "朋友新开了家冲印店，学生证打8折，冲一卷36，地址和联系方式看我名片")
    assert "本店" not in v.reason and "别家" not in v.reason, v.reason
    assert v.label == Label.AD, v.reason  # the pointer to the writer's card and the offer still read as an ad


def test_a_shop_group_still_names_a_rivals_offer(tmp_path: Path) -> None:
    v = _say(_mod(BAKERY, tmp_path), "u12", "隔壁新开的面包店全场8折，比这里便宜多了，大家去看看")
    assert "别家" in v.reason, v.reason


def test_a_shops_notice_against_impostors_is_no_ad(tmp_path: Path) -> None:
    v = _say(_mod(BAKERY, tmp_path), "店长阿麦", "提醒一下：这两天有人冒充本店客服加微信说办卡返现，本店不会私下加大家微信收钱，请认准门店收银台")
    assert v.label == Label.OK and v.action not in ACTED, v.reason


@pytest.mark.parametrize("text", ["本店从不主动加微信找大家收款，有问题到店里问", "前台不会私聊大家收钱，别上当"])
def test_a_negated_contact_ask_is_no_invitation(tmp_path: Path, text: str) -> None:
    v = _say(_mod(BAKERY, tmp_path), "u13", text)
    assert v.label == Label.OK, v.reason


def test_a_reason_quotes_the_ask_that_is_written(tmp_path: Path) -> None:
    v = _say(_mod(BAKERY, tmp_path), "u14", "家里多烤了两盒蔓越莓饼干，想要的加我微信")
    assert "私我" not in v.reason, v.reason


@pytest.mark.parametrize("text", ["谁发个红包呀，发了我就给大家唱首歌", "誰發個紅包，發了我就分享烤吐司的秘方", "有没有人发个红包，今天太穷了"])
def test_begging_anyone_for_a_red_packet_is_spam(tmp_path: Path, text: str) -> None:
    v = _say(_mod(BAKERY, tmp_path), "u15", text)
    assert v.label == Label.SPAM, v.reason


@pytest.mark.parametrize("text", ["刚才谁发的红包？谢谢老板", "谁发个定位，我找不到新店在哪"])
def test_thanks_for_a_packet_or_a_question_who_sends_something_else_is_no_beg(tmp_path: Path, text: str) -> None:
    v = _say(_mod(BAKERY, tmp_path), "u16", text)
    assert v.label != Label.SPAM, v.reason

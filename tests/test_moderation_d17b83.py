"""Round 83, d17b83 (issue 17): a fresh tester (qa17r26) tried four new groups (中蜂养殖, 网约车司机, 冬泳, 粤曲私伙局) and saw
members' own sales deleted unless they said 转让, a newcomer's 「家里有三十箱中蜂…我微信…」 deleted as 商家口吻, thanks for a
red packet answered with an off-topic reminder, rumours and chain letters let through (香港政府…每人派一萬蚊，轉發俾屋企人;
不转的家里有灾; 短信要收费 赶紧告诉家人), Cantonese scalping (前排飛 加價 PM我) passed, a whole trade called cheats
(你们这帮卖蜜的没一个好东西 全是骗子) passed, and phishing for ID and bank card numbers left alone.

What changed: permissions.yaml ``resale`` (自家, 出售自己, 出租自家… as the offer; 出售/出租/卖 as its voice); patterns.yaml
``catalogue.kept`` (pipeline._kept_counts); lexicons.yaml ``social_fillers`` (老板, 红包, 利是), ``spam.spread`` (不转的, 赶紧告诉),
``chain_hook`` (政府宣布, 每人派…), ``chain_guilt`` (有灾), ``ad.phish_*`` (signals.yaml ``id_phish``), ``abuse.smear_*``
(signals.yaml ``smear``), ``abuse.strong`` (老而不); patterns.yaml ``cantonese`` (前排飛 → 前排票, PM我 → 私我) read by the
resale markup. Groups and messages written for these tests (evals/moderation/dev176.jsonl holds the same kinds)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import ACTED, REMOVED
from copilot.profile import parse_profile_text

BEES = """
name: 哀牢山中蜂交流群
positioning: 新平、镇沅一带的中蜂养殖户交流分蜂、过箱、防胡蜂和摇蜜，成员可以转让自己的蜂群和蜂箱，卖自家产的蜂蜜
topics: [中蜂, 分蜂, 过箱, 胡蜂, 摇蜜, 蜂箱, 蜂蜜]
audience: 哀牢山一带的中蜂养殖户
type: 行业型
banned: [勾兑蜂蜜, 蜂药]
"""

DRIVERS = """
name: 重庆网约车互助群
positioning: 重庆跑网约车的司机交流路况、机场排队、平台抽成和充电，同行转让出租自己的车可以留电话
topics: [网约车, 路况, 机场排队, 平台政策, 充电]
audience: 重庆网约车司机
type: 行业型
banned: [代办网约车证, 改里程表]
"""

SWIM = """
name: 牡丹江冬泳群
positioning: 牡丹江冬泳爱好者交流下水时间、水温、冰眼安全和上岸保暖
topics: [冬泳, 水温, 冰眼, 保暖]
audience: 牡丹江冬泳的叔叔阿姨
type: 兴趣型
banned: [保健品]
"""

YUEJU = """
name: 西關粵曲私夥局
positioning: 西關街坊鍾意粵曲，每個禮拜私夥局唱曲拍和，交流唱腔同高胡揚琴
topics: [粵劇, 粵曲, 私夥局, 唱腔, 高胡, 揚琴]
audience: 西關街坊
type: 兴趣型
script: zh-Hant
banned: [倒賣戲票]
"""

Judge = Callable[[str, str], Verdict]


def _names(v: Verdict) -> set[str]:
    return {s["name"] for s in v.checks.get("signals") or []}


# -- 1–3: a member's own sale or rental the profile allows, said without 转让 -----------------------------------------------

@pytest.mark.parametrize(("profile", "text"), [
    (BEES, "出售自家中蜂 三脾强群 带王 320一箱 新平自提 电话 139 0877 2315"),
    (BEES, "出售自家冬蜜 没喂糖 60一斤 要的私我"),
    (BEES, "自家蜂箱空了五个 杉木的 40一个 加我微信 ailao_feng88"),
    (DRIVERS, "出租自家比亚迪秦 月租2500 押金3000 电话 177 2301 8812"),
    (DRIVERS, "出售自己跑了三年的埃安 8万公里 4万5 可以看车 电话 135 2210 7789"),
])
def test_a_members_own_sale_or_rental_the_profile_allows_is_never_removed(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.action not in ACTED, v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (BEES, "出售中蜂 各种规格 批发零售 长期大量供应 电话 139 0878 5512"),
    (BEES, "蜂具批发 摇蜜机 巢框 全网最低价 加微信 fj_mifeng2026"),
    (BEES, "出售蜂药 治巢虫一喷就灵 需要的私我"),
    (DRIVERS, "网约车证 不用考试 包过 加V：cqwyc_888"),
])
def test_a_dealer_of_the_same_goods_is_still_an_ad_acted_on(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ad" and v.action in ACTED, v.reason


def test_a_newcomer_s_count_of_their_own_hives_beside_a_wechat_id_is_no_stock(judge: Judge) -> None:
    v = judge(BEES, "大家好 我是镇沅的 家里养了二十几箱中蜂 想跟大家学习 我微信 zy_zhongfeng 欢迎加")
    assert v.label == "ok", v.reason
    v = judge(BEES, "新人报到 新平的 家里四十来箱中蜂 微信 xp_feng66 多交流")
    assert v.action not in ACTED, v.reason
    # … a dealer's stock in an introduction still is one
    v = judge(BEES, "大家好 我是做蜂蜜的 库存还有一百多箱 加我微信 fm_2288")
    assert v.label == "ad" and v.action in ACTED, v.reason


# -- 4: thanks for a red packet ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("profile", "text"), [
    (SWIM, "谢谢孙老板红包🧧"),
    (SWIM, "谢谢老板🧧"),
    (YUEJU, "多謝何師傅利是🧧"),
])
def test_thanks_for_a_red_packet_is_etiquette_not_chatter(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_red_packet_demand_is_still_spam(judge: Judge) -> None:
    assert judge(SWIM, "求红包").label == "spam"


# -- 5: rumours and chain letters ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("profile", "text"), [
    (YUEJU, "香港政府話下個月起七十歲以上長者每人派八千蚊，轉發俾屋企人知道！"),
    (SWIM, "国家发放养老补贴了 60岁以上每人五千 赶紧转发给家里老人"),
    (SWIM, "🙏转发这尊财神 七天内必发大财 不转的家里有灾"),
    (YUEJU, "唔轉呢個觀音就衰足三年"),
    (DRIVERS, "紧急通知 明天起微信转账要收手续费 赶紧告诉家人"),
])
def test_a_rumour_or_chain_letter_is_spam(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "spam", v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (SWIM, "网上说老人每人发五千是谣言 社区已经辟谣了 大家别转了"),
    (SWIM, "社区通知 明早九点到十一点停水 请告诉家里老人提前接水"),
    (DRIVERS, "有人打电话冒充平台客服让转账 大家别转账 也告诉家里老人"),
    (BEES, "这箱我不转让了 自己留着分蜂"),
])
def test_a_debunk_a_real_notice_or_a_refusal_to_sell_is_no_chain_letter(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label != "spam", v.reason


# -- 6: Cantonese ticket scalping ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["前排飛 加價200 PM我", "《帝女花》前排飛，加價120一張，要嘅快啲PM"])
def test_a_scalped_ticket_written_as_fei_is_the_banned_resale(judge: Judge, text: str) -> None:
    v = judge(YUEJU, text)
    assert v.label == "ad" and v.action in REMOVED, v.reason
    assert "banned_deal" in _names(v), _names(v)


def test_a_members_own_ticket_at_face_value_is_not_removed_and_fei_elsewhere_is_no_ticket(judge: Judge) -> None:
    assert judge(YUEJU, "下個禮拜粵劇中心有兩張飛，原價260轉，嗰日要返工，要嘅私我").action not in ACTED
    assert judge(YUEJU, "我搭飛機去香港睇戲，加價都要去").action not in ACTED


# -- 7: a whole trade run down; a Cantonese put-down ------------------------------------------------------------------------

@pytest.mark.parametrize(("profile", "text"), [
    (BEES, "你们这帮卖蜜的没一个好东西 全是骗子"),
    (BEES, "蜂农的蜜都是糖水喂出来的 没一个干净的 全是骗子"),
    (DRIVERS, "你们这些开网约车的都是骗子 专门绕路宰客"),
])
def test_a_whole_trade_called_cheats_is_abuse(judge: Judge, profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "abuse", v.reason
    assert "smear" in _names(v), _names(v)


@pytest.mark.parametrize("text", ["那些网上卖假蜜的都是骗子 大家别上当", "听说镇上有人卖勾兑蜜 大家买的时候注意看 别被骗了"])
def test_a_warning_about_cheats_is_no_smear(judge: Judge, text: str) -> None:
    v = judge(BEES, text)
    assert v.label != "abuse" and "smear" not in _names(v), v.reason


def test_lao_ji_bat_said_of_a_member_is_abuse_and_lao_ji_bat_shuai_is_praise(judge: Judge) -> None:
    assert judge(YUEJU, "陳伯唱到甩晒拍都唔肯落台，正一老而不").label == "abuse"
    assert judge(YUEJU, "佢七十幾歲仲唱得咁好，真係老而不衰").label != "abuse"


# -- 10: phishing for identity and bank card numbers ---------------------------------------------------------------------

def test_phishing_for_id_and_bank_card_is_an_ad_removed(judge: Judge) -> None:
    v = judge(SWIM, "冬泳协会年审 请把身份证号和银行卡号私发给我 统一办理补贴")
    assert v.label == "ad" and v.action in REMOVED, v.reason
    assert "id_phish" in _names(v), _names(v)


@pytest.mark.parametrize("text", ["元旦冬泳表演要买保险 报名的把身份证号私发给队长",
                                  "有骗子冒充社区让老人发身份证号和银行卡号给他 大家千万别信",
                                  "我银行卡丢了 身份证也得补办 烦死了"])
def test_an_organiser_s_id_ask_a_warning_or_a_members_story_is_no_phishing(judge: Judge, text: str) -> None:
    v = judge(SWIM, text)
    assert "id_phish" not in _names(v) and v.action not in ACTED, v.reason


def test_a_new_account_s_first_phishing_message_is_removed_at_once(tmp_path: Path) -> None:
    mod = Moderator(Settings(data_dir=tmp_path, llm_provider="offline"), parse_profile_text(SWIM), group="g83")
    assert mod.audit is not None
    mod.audit.record_join("g83", "新来的", time.time() - 60)
    v = mod.moderate({"id": "n1", "user": "新来的", "text": "领冬泳补贴的 私发身份证照片和银行卡号给我", "ts": time.time()})
    assert v.label == "ad" and v.action == "kick", v.reason

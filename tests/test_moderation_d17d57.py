"""Round 57, d17d57 (issue 17): three kinds of message independent11 showed the offline layers miss.

* a member selling their own paid service (我自己也有在开…课，一节课100，私我报名): the writer's own business, the service, a
  way to sign up with the writer and a price said — a seller's sign (signals.yaml ``service_pitch``), so the
  member-sharing cap no longer clears it; the same words with no price, or a member's experience price, stay talk;
* a phone number split over two messages of one sender (打我电话 139 0571 … 后面是 6628): joined for the contact check;
* a short claim on the group's own offer (吴老师我要十个, 强哥我接了, 给我留两个): the group's business, not chatter.
Messages written for these tests, for groups not used before: a calligraphy class's parents, a badminton meet-up group
and a Hong Kong hiking group."""

from __future__ import annotations

import itertools
from pathlib import Path

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import Moderator
from copilot.profile import parse_profile_text

CALLIGRAPHY = """name: 墨香书法班家长群
positioning: 墨香书法班的家长群，老师发上课安排、作业点评和本班的寒假班；家长交流孩子练字、买字帖和毛笔的经验；别的老师招生、卖课的不要发
topics: [书法, 练字, 字帖, 毛笔, 硬笔, 作业, 寒假班]
type: 兴趣型
staff: [mx_teacher_wang（王老师）]
"""
BADMINTON = """name: 南山羽毛球约球群
positioning: 南山羽毛球爱好者约球群，群友约场、拼场、交流球拍和球线；自己的二手球拍可以转；球馆、陪练、卖拍的商家不要发广告
topics: [羽毛球, 约球, 拼场, 球拍, 球线, 场地]
type: 兴趣型
"""
HIKING_HK = """name: 港島行山友
positioning: 香港行山愛好者約行山、分享路線同天氣；隊友接龍報名，費用自己夾；其他收費行山團同裝備商唔好賣廣告
topics: [行山, 路線, 天氣, 報名, 裝備, 麥理浩徑]
type: 兴趣型
"""

_T = itertools.count()


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def _chat(mod: Moderator, lines: list[tuple[str, str]], gap: float = 60.0) -> list:
    """The verdicts on ``lines`` (user, text) posted ``gap`` seconds apart."""
    t0 = 1_790_000_000 + 100_000 * next(_T)
    return [mod.moderate({"user": u, "text": t, "ts": t0 + gap * i}) for i, (u, t) in enumerate(lines)]


def test_a_member_selling_their_own_class_with_a_price_and_sign_up_is_an_ad(tmp_path: Path) -> None:
    mod = _mod(CALLIGRAPHY, tmp_path)
    v, = _chat(mod, [("lin_mama", "其实我自己也有在开书法课，一节课100，比这边便宜，想让孩子试听的家长私我报名")])
    assert v.label == Label.AD
    assert "收费服务" in v.reason


def test_a_member_offering_their_own_service_priced_per_visit_is_an_ad(tmp_path: Path) -> None:
    mod = _mod(BADMINTON, tmp_path)
    v, = _chat(mod, [("a_kai", "我一直在做陪练，单打陪练一次80，周末也有空，有需要的私我")])
    assert v.label == Label.AD


def test_own_group_join_fee_with_a_pull_is_an_ad(tmp_path: Path) -> None:
    mod = _mod(BADMINTON, tmp_path)
    v, = _chat(mod, [("qiu_you_x", "我这有个约球群每天都有场，入群费99，比在这等人拼场强，私我拉你")])
    assert v.label == Label.AD


def test_the_same_service_words_without_a_price_or_as_experience_are_not_ads(tmp_path: Path) -> None:
    mod = _mod(CALLIGRAPHY, tmp_path)
    said = _chat(mod, [("lin_mama", "我也在教硬笔，孩子握笔姿势有问题的可以私我，我拍个视频给你看"),
                       ("zhou_ba", "孩子之前在外面上书法课，一节课150，一个学期下来也不便宜，还是这边好")])
    assert all(v.label != Label.AD for v in said)


def test_a_number_split_over_two_messages_by_one_sender_is_a_contact(tmp_path: Path) -> None:
    mod = _mod(BADMINTON, tmp_path)
    said = _chat(mod, [("pai_xian", "穿线的找我朋友，电话 138 2716"), ("qiu_you_b", "好的"),
                       ("pai_xian", "后四位 4409，说是约球群的")])
    assert said[2].label == Label.AD
    assert "拆在两条消息" in said[2].reason


def test_digits_of_two_senders_or_far_apart_are_not_joined(tmp_path: Path) -> None:
    mod = _mod(BADMINTON, tmp_path)
    two = _chat(mod, [("a_kai", "我车牌尾号是 138 2716"), ("qiu_you_b", "我的是 4409，周六停同一个停车场")])
    assert "拆在两条消息" not in two[1].reason
    mod = _mod(BADMINTON, tmp_path)
    late = _chat(mod, [("a_kai", "周六场地号 138 2716"), ("a_kai", "周日是 4409")], gap=1800.0)
    assert "拆在两条消息" not in late[1].reason


def test_short_claims_on_the_groups_own_offer_are_not_chatter(tmp_path: Path) -> None:
    mod = _mod(BADMINTON, tmp_path)
    said = _chat(mod, [("lao_liu", "我有一支尤尼克斯的旧拍要出，用了一年，线是新穿的，300自提，要的私我"),
                       ("xiao_chen", "老刘我要一支"), ("a_kai", "我也要，算我一个")])
    assert said[1].label == Label.OK and said[2].label == Label.OK
    assert all((v.checks.get("offtopic") or {}).get("offer_claim") for v in said[1:])


def test_a_claim_with_no_offer_before_it_is_not_cleared_as_one(tmp_path: Path) -> None:
    mod = _mod(BADMINTON, tmp_path)
    said = _chat(mod, [("xiao_chen", "今天降温了，大家注意保暖"), ("a_kai", "我也要，算我一个")])
    assert not (said[1].checks.get("offtopic") or {}).get("offer_claim")


def test_a_claim_in_cantonese_on_a_sign_up_is_not_chatter(tmp_path: Path) -> None:
    mod = _mod(HIKING_HK, tmp_path)
    said = _chat(mod, [("ah_wing", "星期六行麥理浩徑第二段，費用自己夾，想去嘅接龍報名"), ("siu_mei", "我要一個位！")])
    assert said[1].label == Label.OK


def test_chatter_after_an_offer_is_not_a_claim(tmp_path: Path) -> None:
    mod = _mod(BADMINTON, tmp_path)
    said = _chat(mod, [("lao_liu", "我有一支尤尼克斯的旧拍要出，用了一年，线是新穿的，300自提，要的私我"),
                       ("xiao_chen", "我要去看演唱会了，周杰伦的票抢到了")])
    assert not (said[1].checks.get("offtopic") or {}).get("offer_claim")

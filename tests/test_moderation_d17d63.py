"""Round 63, d17d63 (issue 17): a member's handle for the group's own doing, in the group's own words the profile does not
list. The record, join-in, hand-over and meet-up layers of the belongs layer read a message only when the topic layer tied
it to the profile (``about_group``); a dialysis group's 低钾低磷菜单 or a hiking group's 西峰古道 named no profile word, so a
member handing over a copy (需要的加我…我拍照发你) or calling the others along (想约的加我) was deleted as an ad. Now a
message nothing ties elsewhere — no chatter word, the chatter model under CHATTER_MIN — and that offers nothing for money
(offer.yaml) counts as the group's matter for those layers (Moderator._group_matter). A real ad with a handle in the same
group (a product, 下单, 包邮, a price) is still acted on. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, Label

DIALYSIS = """
name: 市二院血透肾友互助群
positioning: 在市二院血透室做透析的肾友和家属，交流透析后的饮食控制、干体重、内瘘护理，护士长定期在群里答疑
topics: [透析, 血透, 肾友, 干体重, 内瘘, 护理, 血透室]
type: 互助型
banned: [卖保健品, 代购药品]
"""

HIKING = """
name: 城东周末徒步群
positioning: 城东一带喜欢周末爬山徒步的朋友，交流路线和装备，活动群友自发组织
topics: [徒步, 爬山, 路线, 装备, 登山杖, 下撤]
type: 兴趣型
banned: [商业领队收费团, 户外店推广]
"""


def test_a_members_copy_handed_over_in_the_groups_own_words_is_not_acted_on(
        profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(DIALYSIS)
    for i, text in enumerate(["我有一份低钾低磷的家常菜单，需要的加我微信 shenyou_lao 我拍照发你",
                              "上次李医生讲的磷结合剂怎么吃，我都记下来了，要看的加我微信 zhang_bj62 我拍给你"]):
        v = mod.moderate({"id": f"h{i}", "user": f"shenyou{i}", "text": text})
        assert not v.checks["offtopic"]["about_group"]  # no word of the profile: the topic layer does not tie it
        assert v.label == Label.OK and v.action not in ACTED, v.reason
        assert v.checks["belongs"]["hand_over"], v.checks.get("belongs")


def test_a_join_call_in_the_groups_own_words_is_not_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(HIKING).moderate({"id": "j1", "user": "lao_feng", "text":
                                            "周日想约的加我微信 feng_trail9，西峰古道五点半出发，慢慢走"})
    assert v.label == Label.OK and v.action not in ACTED, v.reason
    assert v.checks["belongs"]["join"], v.checks.get("belongs")


def test_an_ad_with_a_handle_in_the_same_groups_is_still_acted_on(profile_moderator: Callable[[str], Moderator]) -> None:
    ads = [(DIALYSIS, "低磷食谱加肾友专用蛋白粉，需要的加我微信 dbf_888 下单，包邮"),
           (DIALYSIS, "考研英语真题资料要的加我微信 ky_ziliao88，我发你"),  # a lure (own_record.not: 资料)
           (HIKING, "西峰古道一日游，需要的加我微信 ly_tour 报名，一人一百五"),
           (HIKING, "周日想约的加我微信 out_door8，西峰古道一日游，一人150元，包车包午饭")]
    for i, (profile, text) in enumerate(ads):
        v = profile_moderator(profile).moderate({"id": f"a{i}", "user": f"seller{i}", "text": text})
        assert v.label == Label.AD and v.action in ACTED, v.reason
        assert not v.checks.get("belongs"), v.checks.get("belongs")

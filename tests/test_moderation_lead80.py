"""Round 80 (lead), from the fresh tester qa17r23 (a blood-donation volunteers group and others). Messages and the
profile are written for this test (a rare-blood-type donors' group): a chain letter whose plea carries a phone number
(紧急扩散…联系电话…不转不是…) is spam — the phone is the plea's, nothing is sold — and its reply and next penalty are the
chain letter's, not an ad's; a chain that sells (转发…加微信领取红包) stays an ad."""

from __future__ import annotations

import pytest
from moderation_say import judged_alone

from copilot.config import get_settings
from copilot.moderation import Action, Label, Message, Moderator
from copilot.profile import GroupProfile

RARE_BLOOD = {
    "name": "熊猫血互助献血群",
    "positioning": "RH阴性血型志愿者互助，发布献血需求、献血点信息和献血后的经验",
    "topics": ["献血", "RH阴性", "血型", "献血点", "体检", "献血证"],
    "audience": "RH阴性血型的献血志愿者",
    "type": "公益型",
}


@pytest.fixture(scope="module")
def mod() -> Moderator:
    return Moderator(get_settings(), GroupProfile.model_validate(RARE_BLOOD), audit=None)


_judge = judged_alone


@pytest.mark.parametrize("text", [
    "紧急扩散！！市二院一个6岁女孩急需AB型RH阴性血，联系电话13712345678陈医生，转发一次就是救命，不转不是中国人",
    "【急】扩散一下，省肿瘤医院病人急需O型熊猫血，有意者联系 0571-88881234，收到请转发到5个群，不转的人心太狠",
])
def test_a_chain_letter_with_a_phone_in_its_plea_is_spam(mod: Moderator, text: str) -> None:
    label, action, reason = _judge(mod, text)
    assert label == Label.SPAM and action == Action.DELETE, reason
    assert "转发链" in reason and "广告" not in reason


def test_a_chain_that_sells_is_still_an_ad(mod: Moderator) -> None:
    label, action, reason = _judge(mod, "转发到10个群就能领取888元红包，加微信 hb8888 领取，不转后悔一辈子")
    assert label == Label.AD and action == Action.DELETE, reason


def test_a_plain_call_for_donors_with_a_phone_is_no_chain_letter(mod: Moderator) -> None:
    label, _, reason = _judge(mod, "市中心血站今天库存紧张，RH阴性的朋友方便的话这周去献一下，献血点电话在群公告里")
    assert label == Label.OK, reason


def test_an_official_accounts_passed_notice_says_it_is_exempt() -> None:
    # the profile's official accounts pass their own notice with a WeChat id; the verdict says so in ``exempt`` as it
    # does for a violation (it was false on every ``ok``, so nothing in the output showed the list was used)
    profile = GroupProfile.model_validate({**RARE_BLOOD, "official": ["rb_admin（群主阿红）"]})
    mod = Moderator(get_settings(), profile, audit=None)
    notice = "【群公告】本周六流动献血车到人民广场，要一起去的加我微信 hong_rb2026 备注姓名"
    owner = mod.moderate(Message(id="n1", user="rb_admin", text=notice, group="g-exempt"))
    assert owner.label == Label.OK and owner.action == Action.NONE and owner.exempt, owner.reason
    member = mod.moderate(Message(id="n2", user="rb_member9", text=notice, group="g-exempt"))
    assert not member.exempt
    admin_role = mod.moderate(Message(id="n3", user="rb_helper", role="admin", text="明天献血前记得吃早饭，别空腹", group="g-exempt"))
    assert admin_role.label == Label.OK and admin_role.exempt

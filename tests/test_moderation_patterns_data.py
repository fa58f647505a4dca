"""The Chinese words of the moderation patterns and relevance lists live in data (resources/moderation/*.yaml): no regex
literal in copilot/moderation/ spells a Chinese word, and the patterns built from the data files still
find the contacts, amounts and reported speech they found when the words were in code."""

from __future__ import annotations

from copilot.devtools.source_scan import chinese_regex_literals
from copilot.moderation.normalise import normalise
from copilot.moderation.offtopic import profile_vocab
from copilot.moderation.signals import detect, patterns
from copilot.paths import PACKAGE_DIR, load_resource
from copilot.profile import parse_profile_text


def test_no_chinese_words_inside_regexes_of_the_moderation_code():
    files = sorted((PACKAGE_DIR / "moderation").glob("*.py"))
    assert len(files) > 5
    found = chinese_regex_literals(files)
    assert not found, found


def test_the_scanner_would_see_a_chinese_regex_literal(tmp_path):
    # the check itself must be able to fail
    bad = tmp_path / "bad.py"
    bad.write_text('import re\nX = re.compile(r"(?:加|联系)\\d+")\nY = re.compile("[a-z]")\n', encoding="utf-8")
    assert [line for _, line, _ in chinese_regex_literals([bad])] == [2]


def _contacts(text: str) -> list[str]:
    return detect(normalise(text)).contacts


def test_contact_patterns_built_from_data_still_find_handles():
    assert any("lanlan_2024" in c for c in _contacts("想要资料的加我微信号是lanlan_2024，备注读书"))
    assert any("7654321" in c for c in _contacts("羽毛球约场换群了，群号7654321，都过来"))
    assert any("bd_gzs" in c for c in _contacts("全新未拆，要的V：bd_gzs"))
    assert any("手机号 139" in c for c in _contacts("家教上门，电话13912345678"))
    # an order number that looks like a mobile number is not a contact
    assert not _contacts("我的快递单号是13912345678，物业能帮忙查一下吗")
    assert not _contacts("今天晨跑配速6分钟，大家加油")


def test_money_income_and_reported_speech_patterns_from_data():
    p = patterns()
    assert p.money.search("这本书二手30块收的")
    assert p.money.search("报名费¥99")
    assert not p.money.search("今天跑了30公里")
    assert p.income.search(normalise("宝妈在家轻松月入过万").digits)
    assert not p.income.search(normalise("下个月入职新公司").digits)
    assert p.reported_speech.search("他在群里骂我是废物")
    assert p.phone.search("13912345678") and not p.phone.search("订单13912345678")


def test_heart_handles_fold_from_the_spellings_file():
    assert "微信" in normalise("加v❤ 看主页").compact
    assert "v" in load_resource("moderation/spellings.yaml")["heart_handle"]
    data = load_resource("moderation/patterns.yaml")
    assert "微信" in data["wechat"]["names"] and "单号" in data["not_phone_after"]


def test_relevance_words_come_from_the_data_file():
    data = load_resource("moderation/relevance.yaml")
    assert "大家" in data["generic"] and len(data["chatter_anchors"]) >= 5
    vocab = profile_vocab(parse_profile_text(
        "name: 大家一起练书法\npositioning: 大家一起交流毛笔书法和临帖\ntopics: [书法, 临帖, 毛笔]\n"))
    assert "书法" in vocab.words and "临帖" in vocab.words
    assert not ({"大家", "一起", "交流"} & vocab.words)  # generic words never make a message "about the group"


def test_a_weekday_before_a_time_is_not_a_spelled_out_number():
    # the time of a group's own event must survive; a number spelled out to dodge filters is still read
    assert "周六1400" in normalise("周六14:00在东门集合，骑行路线群公告里有").digits
    assert "星期三1930" in normalise("星期三19:30线上分享，主讲阿杰").digits
    assert "1380000" in normalise("要的加我壹叁捌零零零零").digits
    assert "周61400" not in normalise("周六14:00集合").digits

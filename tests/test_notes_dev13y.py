"""Round 35b (dev13y): titles from the announced topic or the matters to settle, and "A还是B" questions.

Every chat below was written for these tests (a school robotics team, a Cantonese astronomy club talk, a
home-brewing group, a village badminton league, a translation volunteers' group); none is a QA or eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_notes

from copilot.notes.reading import about_oneself, choice_asked, is_question, stated_topic

START = datetime(2026, 12, 3, 19, 30)


_msgs = partial(chat_lines, start=START, first_id=1)  # "speaker|text" lines, one a minute


_notes = partial(chat_notes, start=START, first_id=1)


ROBOTICS = (
    "周老师|开个小会，省赛还剩三周，时间很紧，今晚先把车型和分工定下来",
    "小宇|来了",
    "周老师|车型两个方案：A 麦克纳姆轮，B 普通差速。大家投一下",
    "小宇|A，麦轮走位灵活",
    "思思|我也选A",
    "阿杰|A吧 代码我之前写过麦轮的底盘",
    "周老师|好，定麦克纳姆轮。阿杰你把底盘代码整理一下，这周日前传到仓库",
    "阿杰|收到",
    "思思|主控用Arduino还是STM32",
    "阿杰|STM32吧，算力够，定时器也多",
    "周老师|那就STM32，大家没意见就不改了",
    "小宇|自我介绍一下给新来的思思：我是小宇，负责机械结构，12月9号到11号我去杭州参加夏令营",
    "思思|我是思思，写视觉识别的，下周一我有考试",
    "周老师|思思你下周四前把颜色识别的demo跑通",
    "思思|好的",
)


def test_title_names_the_matters_the_opener_wants_settled_not_a_self_intro():
    notes = _notes(*ROBOTICS)
    # the matters the opener wants settled, then what was settled (never a clause that only asks for no objection)
    assert notes.title.startswith("车型和分工：") and "没意见" not in notes.title, notes.title
    assert "自我介绍" not in notes.title and "我是小宇" not in notes.title


def test_self_introduction_announced_as_such_is_about_oneself():
    assert about_oneself("自我介绍一下给新来的阿敏：我是老韩，做后期调色的，下周我在外地")
    assert about_oneself("先自我介紹下：我係阿明，喺觀塘返工")
    assert not about_oneself("大家把自己的设备清单发一下，周五前")  # group work, no intro


def test_alternative_question_between_named_options_is_asked_without_question_mark():
    assert is_question("主控用Arduino还是STM32")
    assert is_question("场地两个：A是村委会球馆人均30，B是镇体育馆人均45，要A还是B")
    assert is_question("望遠鏡揀Dobson定係折射鏡好啲") or is_question("新手揀Celestron定係Skywatcher好啲")
    assert choice_asked("酵母用us05还是s04")


def test_still_or_preference_is_no_alternative_question():
    for text in ("我还是用STM32", "最后还是A吧", "这次还是Tom负责", "地点还是村委会二楼", "我们还是选B"):
        assert not is_question(text), text


def test_alternative_question_gets_its_answer_in_qa_and_is_no_quote():
    notes = _notes(*ROBOTICS)
    asked = [p for p in notes.qa if "Arduino还是STM32" in p.question]
    assert asked and asked[0].asker == "思思"
    assert "STM32" in asked[0].answer
    assert all("还是" not in q.text for q in notes.quotes)


def test_home_brew_choice_question_pairs_with_the_reply():
    notes = _notes(
        "老酒鬼|这周六第三批开煮，配方定美式IPA，麦芽我已经买好了",
        "阿Ken|酒花用Citra还是Mosaic",
        "老酒鬼|Citra，上次Mosaic那批大家说太苦",
        "小何|发酵罐要不要我带过去？",
        "老酒鬼|带吧，我这边只有一个",
        "小何|好，周六上午十点到",
    )
    asked = [p for p in notes.qa if "Citra还是Mosaic" in p.question]
    assert asked and asked[0].answerer == "老酒鬼" and "Citra" in asked[0].answer
    assert all("还是" not in q.text for q in notes.quotes)


def test_cantonese_talk_invited_with_yue_zo_takes_the_announced_topic():
    lines = _msgs(
        "Ray會長|各位星友晚安，今晚約咗阿Ken同大家分享下佢喺西藏阿里拍銀河嘅經驗，有問題隨時問",
        "Ray會長|有請阿Ken！",
        "阿Ken|大家好，我係阿Ken，今日講兩樣嘢：點揀拍攝點、同埋點樣對焦",
    )
    topic = stated_topic(lines)
    assert topic is not None and "西藏阿里拍銀河" in topic
    assert not topic.startswith("佢")  # the topic, not "his …"


def test_cantonese_choice_question_in_a_talk_is_in_qa():
    notes = _notes(
        "Ray會長|各位星友晚安，今晚約咗阿Ken同大家分享下佢喺西藏阿里拍銀河嘅經驗，有問題隨時問",
        "Ray會長|有請阿Ken！",
        "阿Ken|第一揀拍攝點。海拔高、冇光害，我揀咗班公湖附近，晚上零下十度要帶暖包",
        "阿Ken|第二對焦。用實時取景放大十倍對住最光嗰粒星，手動對焦之後貼膠紙固定",
        "阿Ken|第三後期。我用Lightroom拉曲線，再用Sequator疊十張降噪",
        "小芬|鏡頭用14mm定係24mm好啲",
        "阿Ken|新手用14mm，廣啲容易構圖，24mm要拼接",
        "志強|多謝分享👏",
    )
    asked = [p for p in notes.qa if "14mm定係24mm" in p.question]
    assert asked and asked[0].answerer == "阿Ken" and "14mm" in asked[0].answer
    assert "西藏阿里拍銀河" in notes.title


def test_a_bare_count_of_matters_is_no_title_and_a_cut_clause_is_skipped():
    notes = _notes(
        "队长阿彬|今晚把几件事定一下：村里羽毛球联赛报名费、比赛用球，还有裁判",
        "小陈|报名费每队200吧",
        "阿彬|好，报名费每队200，比赛用球用亚狮龙7号",
        "小陈|裁判我来找",
    )
    assert "几件事" not in notes.title
    assert not notes.title.endswith("…")

"""The host of a short group chat and their answers (round 61, d13f61): the main voice who posts the notice and hands
out work is the host even with no decision, and their answer right after a member's question is its answer; a side
question answered by a member stays chatter."""

from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze


def _analyze(*lines: tuple[str, str, str]):
    chat = "\n".join(f"2030-06-10 {t} {who}\n{text}\n" for t, who, text in lines)
    return analyze(parse_text(chat, suffix=".txt"))


def test_the_main_voice_who_posts_the_notice_and_hands_out_work_is_the_host() -> None:
    st = _analyze(("19:00:00", "队长-阿梅", "大家好，6月15号周六上午去敬老院探访，8点半在小区东门集合"),
                  ("19:01:00", "阿斌", "我报名"),
                  ("19:02:00", "老徐", "中午管饭吗"),
                  ("19:03:00", "队长-阿梅", "管的，中午有盒饭，敬老院食堂准备"),
                  ("19:05:00", "小芳", "要带什么东西吗"),
                  ("19:06:00", "队长-阿梅", "带点水果就行，不要带甜食，老人家血糖高"),
                  ("19:08:00", "队长-阿梅", "阿斌你周四前把名单报给社区"))
    assert st.host == "队长-阿梅"
    meal = next(p for p in st.qa if "管饭" in p.question)
    assert meal.answerer == "队长-阿梅" and "盒饭" in meal.answer


def test_a_host_who_hands_out_work_is_the_host_and_a_side_question_stays_chatter() -> None:
    st = _analyze(("19:00:00", "社区-王主任", "各位居民，本周日上午9点在小区花园种树，自带手套"),
                  ("19:02:00", "3栋-小林", "需要多少人？"),
                  ("19:03:00", "社区-王主任", "一共要15个人，分3组，每组种一排"),
                  ("19:05:00", "3栋-小林", "铁锹和水桶谁来准备？"),
                  ("19:06:00", "社区-王主任", "物资小林你去物业领，周六下午5点前领回来"),
                  ("19:07:00", "5栋-阿芳", "晚上有人一起去吃烧烤吗，楼下新开的"),
                  ("19:08:00", "2栋-老陈", "我去我去"),
                  ("19:09:00", "社区-王主任", "种完树大家在花园合个影，照片我发公众号"))
    assert st.host == "社区-王主任"
    assert [p for p in st.qa if "烧烤" in p.question and p.answerer == "社区-王主任"] == []
    assert any(a.owner == "3栋-小林" for a in st.actions)

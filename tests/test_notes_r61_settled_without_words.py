"""Decisions told without 决定 (round 61, d13c61): a vote count whose next sentence says what it settled, a plan
closed with "就这么办", a bare 讚 as a yes, and a plan changed later — the old one and the yeses to it go."""

from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze


def _decisions(*lines: tuple[str, str, str]):
    chat = "\n".join(f"2030-05-06 {t} {who}\n{text}\n" for t, who, text in lines)
    return analyze(parse_text(chat, suffix=".txt")).decisions


def test_a_vote_count_is_completed_by_the_sentence_saying_what_it_settled() -> None:
    (d,) = _decisions(("19:00:00", "队长-阿伟", "春游去哪大家投个票：A 植物园 B 湿地公园，明晚9点前回A或B"),
                      ("19:02:00", "小何", "A"),
                      ("19:03:00", "老刘", "B 湿地公园人少"),
                      ("19:05:00", "阿珍", "我也A"),
                      ("19:06:00", "大勇", "植物园要门票吗"),
                      ("21:10:00", "队长-阿伟", "统计了一下，A 9 票，B 4 票。春游就去植物园，5月18日早上8点出发"))
    assert "植物园" in d.text and "5月18日" in d.text
    assert d.by[0] == "队长-阿伟"
    assert {"小何", "阿珍"} <= set(d.by)
    assert "老刘" not in d.by and "大勇" not in d.by


def test_a_plan_closed_with_jiu_zhe_me_ban_is_a_decision() -> None:
    (d,) = _decisions(("20:00:00", "班长-小林", "毕业照周三下午3点在图书馆门口拍，穿校服，就这么办"),
                      ("20:01:00", "阿杰", "可以"),
                      ("20:02:00", "小美", "没问题"))
    assert "图书馆门口" in d.text
    assert d.decider == "班长-小林" or d.by[0] == "班长-小林"
    assert {"阿杰", "小美"} <= set(d.by)


def test_a_changed_plan_drops_the_old_one_and_the_yeses_given_to_it() -> None:
    decisions = _decisions(("20:00:00", "社长-老何", "下周的观影会周二晚上8点，在活动室，就这么办"),
                           ("20:01:00", "阿文", "可以"),
                           ("20:02:00", "小丁", "活动室有投影吗"),
                           ("20:03:00", "社长-老何", "有"),
                           ("09:00:00", "社长-老何", "活动室周二被借走了，观影会改到周三晚上8点，还是活动室"),
                           ("09:01:00", "小丁", "周三可以"),
                           ("09:02:00", "阿文", "周三我要加班，来不了"))
    assert not any("周二晚上8点" in d.text for d in decisions)
    (d,) = [d for d in decisions if "周三晚上8点" in d.text]
    assert "小丁" in d.by
    assert "阿文" not in d.by


def test_a_bare_zan_agrees_but_sponsoring_does_not() -> None:
    (d,) = _decisions(("20:00:00", "主委-陳大哥", "尾牙有兩個方案：第一個在社區中庭辦桌，第二個去餐廳包場"),
                      ("20:02:00", "林太太", "第二個比較方便"),
                      ("20:05:00", "主委-陳大哥", "好，那就按第二個方案來，1/18晚上6點"),
                      ("20:06:00", "阿偉", "讚"),
                      ("20:07:00", "小芳", "贊助商那邊我再問問"))
    assert "阿偉" in d.by
    assert "小芳" not in d.by

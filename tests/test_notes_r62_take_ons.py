"""Short take-ons with no time: "好的，我来跟" after "@小陈 票务你跟一下" takes on the work it was given, and "我退休了时间多，
我去吧" (a reason, then the offer) answers "…以后谁去对接？" (round 62, d13d62)."""

from copilot.notes.cues import cue
from copilot.notes.cues import folded as _fold
from copilot.notes.handovers import _takes_on
from copilot.notes.reading import _spoken


def test_yes_with_the_verb_only_takes_the_work_on() -> None:
    accept_only = cue("owner", "accept_only")
    assert accept_only.fullmatch(_fold("好的，我来跟"))
    assert accept_only.fullmatch(_fold("收到 我来弄"))
    assert accept_only.fullmatch(_fold("得 我嚟跟"))
    assert not accept_only.fullmatch(_fold("好的，我来跟物业说一下门禁的事"))


def test_offer_after_its_reason_in_a_short_reply() -> None:
    assert _takes_on(_spoken("我退休了时间多，我去吧"))
    assert _takes_on(_spoken("我家就在附近，我去吧"))
    assert not _takes_on(_spoken("我退休了时间多，你们年轻人忙"))
    assert not _takes_on(_spoken("周末我要回老家看我妈，去不了，下次吧"))


def _actions(chat: str) -> list[tuple[str | None, str]]:
    from copilot.notes.parse import parse_text  # noqa: PLC0415
    from copilot.notes.structure import analyze
    return [(a.owner, a.task) for a in analyze(parse_text(chat, suffix=".txt")).actions]


def test_told_work_taken_on_with_a_verb_is_the_replier_s() -> None:
    chat = ("2027-05-06 20:00:00 社长阿青\n下个月的读书分享会定在图书馆三楼，这周把分工排一下\n\n"
            "2027-05-06 20:02:00 社长阿青\n@小简 场地预约你跟一下，最好订到下午\n\n"
            "2027-05-06 20:03:00 小简\n好的，我来跟\n\n"
            "2027-05-06 20:04:00 老宋\n那天我可能晚点到\n")
    assert any(owner == "小简" and "场地预约" in task for owner, task in _actions(chat))


def test_offer_after_a_reason_answers_the_who_call() -> None:
    chat = ("2027-05-06 20:00:00 业委会老何\n换电梯的事物业那边谈得差不多了\n\n"
            "2027-05-06 20:01:00 6楼小周\n以后跟维保公司谁去对接？\n\n"
            "2027-05-06 20:02:00 3楼郑伯\n我退休了时间多，我去吧\n\n"
            "2027-05-06 20:03:00 业委会老何\n那就辛苦郑伯了\n")
    assert any(owner == "3楼郑伯" and "维保公司" in task for owner, task in _actions(chat))

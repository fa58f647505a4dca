"""Round 73 speed work (issue 17), counted, not timed: ``signals._contact`` takes a second look (``_contact_forms``: its
patterns of each text form joined in one alternation) before its ten searches, ``signals._sneers`` and
``veiled.veiled_forms`` one first look for all their forms (``_sneer_gate``, ``_forms_gate``), and ``Moderator._decide``
reads the message's prices for the reason only where a part of it names a price (``_without_price_denials``). Each only skips work: these tests pin the answers to the ones without
the new look on realistic messages written for them, and count the searches a plain message no longer pays for."""

from __future__ import annotations

from dataclasses import fields
from types import SimpleNamespace

import pytest

from copilot.moderation import pipeline, signals, veiled
from copilot.moderation.normalise import SPACED_HANDLE, normalise
from tests.test_moderation_speed_d00b60 import _CountingFinditer  # counts a pattern's finditer calls

# members' plain talk with a space, a q, a 加 or a number in it: the literal first look passes each of them
PLAIN = ["周六 10点 图书馆二楼见，记得带上第5章的笔记", "这次q3的读书计划我排好了，大家看看", "加油！还有 12 天就考试了",
         "我把书单 发在群文件里了 共18本", "下周三晚上 8 点线上分享，主讲是 Amy"]
# contacts, hidden ones too: each is found with the second look as without it
OFFERS = ["考研资料全套，需要的加微信 kaoyan_2024 备注读书", "想要电子版的联系 13912345678", "v：re ad 2 0 2 4 5 6 私我",
          "扣扣 86543210 进群领书单", "有意者 telegram: bookshare_88", "k i n d l e 2 0 2 4 私聊", "wxid_abc12345 拉你进群",
          "旧书转让 q2718281828 晚上回复", "📱微 shudian_777 书店老板"]
SNEERS = ["就你这水平还好意思在群里推荐书？", "你以为你是谁啊，还来教大家怎么读书", "呵呵，读了两本书就当自己是专家了"]


def _contacts(text: str, *, second_look: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], str]:
    if not second_look:
        monkeypatch.setattr(signals, "_contact_forms", lambda p: None)
    rep = signals.detect(normalise(text), topic_text="读书 分享")
    monkeypatch.undo()
    return list(rep.contacts), repr(rep)


@pytest.mark.parametrize("text", PLAIN + OFFERS)
def test_contacts_as_without_the_second_look(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert _contacts(text, second_look=True, monkeypatch=monkeypatch) == \
        _contacts(text, second_look=False, monkeypatch=monkeypatch)


@pytest.mark.parametrize("text", OFFERS)
def test_offers_keep_their_contact(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert _contacts(text, second_look=True, monkeypatch=monkeypatch)[0]


def _counted_contact_searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    signals._contact_forms(signals.patterns())  # built from the plain patterns before they are counted
    pats, calls = signals.patterns(), []
    names = ("wechat_id", "qq_num", "qq_short", "labelled_handle", "short_label_run", "app_handle", "phone", "contact_num")
    counted = signals.Patterns(**{f.name: _CountingFinditer(getattr(pats, f.name), calls) if f.name in names
                                  else getattr(pats, f.name) for f in fields(pats)})
    monkeypatch.setattr(signals, "patterns", lambda: counted)
    monkeypatch.setattr(signals, "_contact_forms", lambda p: signals._CONTACT_FORMS[id(pats)][1])
    monkeypatch.setattr(signals, "_WXID", _CountingFinditer(signals._WXID, calls))
    monkeypatch.setattr(signals, "SPACED_HANDLE", _CountingFinditer(SPACED_HANDLE, calls))
    return calls


@pytest.mark.parametrize("text", PLAIN)
def test_plain_talk_past_the_first_look_runs_no_contact_search(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    by_digits, by_folded = signals._contact_gates()
    n = normalise(text)
    assert by_digits.search(n.digits) or by_folded.search(n.folded)  # the literal first look lets it through
    calls = _counted_contact_searches(monkeypatch)
    report = signals.detect(n, topic_text="读书 分享")
    assert calls == [] and report.contacts == []  # before: ten finditer calls


def test_an_offer_still_runs_the_contact_searches(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted_contact_searches(monkeypatch)
    report = signals.detect(normalise("需要的加微信 kaoyan_2024"), topic_text="读书 分享")
    assert len(calls) >= 8 and report.contacts


def test_no_second_look_where_a_pattern_refers_back() -> None:
    pats = signals.patterns()
    echo = signals.Patterns(**{f.name: getattr(pats, f.name) for f in fields(pats)})
    object.__setattr__(echo, "phone", signals.re.compile(r"(\d)\1{10}"))  # a run of one digit: a back-reference
    assert signals._contact_forms(echo) is None
    assert signals._contact_forms(pats) is not None


@pytest.mark.parametrize("text", PLAIN + SNEERS + ["这本书写得真好，作者真有水平", "我这水平还敢推荐书，大家别笑我"])
def test_sneers_as_without_the_first_look(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    said = signals.in_mandarin(signals.unquoted(normalise(text).folded))
    found = signals._sneers(said)
    monkeypatch.setattr(signals, "_sneer_gate", lambda: None)
    assert signals._sneers(said) == found


def test_a_sneer_is_still_found() -> None:
    assert any(signals._sneers(signals.in_mandarin(normalise(t).folded)) for t in SNEERS)


def test_plain_talk_runs_no_sneer_form(monkeypatch: pytest.MonkeyPatch) -> None:
    signals._sneer_gate()
    tried: list[int] = []
    forms = [(SimpleNamespace(finditer=lambda s, i=i: tried.append(i) or iter(())), nb, nw)
             for i, (_, nb, nw) in enumerate(signals.sneer_forms())]
    monkeypatch.setattr(signals, "sneer_forms", lambda: forms)
    assert signals._sneers("周六上午十点图书馆二楼见，记得带上笔记") == []
    assert tried == []  # before: every form not ruled out by its not_with words was searched


class _Signals:
    def __init__(self, money: bool) -> None:
        self.money = money

    def signal(self, name: str) -> object | None:
        return object() if name == "money" and self.money else None


NO_PRICE = "没有联系方式、价格或链接，像是成员自己的分享"


def test_price_denial_dropped_only_where_a_price_was_read(monkeypatch: pytest.MonkeyPatch) -> None:
    parts = ["闲聊（0.62）", NO_PRICE]
    priced = SimpleNamespace(signals=_Signals(False), folded="二手考研书一套，原价600，现在200给群友")
    plain = SimpleNamespace(signals=_Signals(False), folded="二手考研书一套送给有需要的群友")
    assert pipeline._without_price_denials(parts, priced) == ["闲聊（0.62）"]
    assert pipeline._without_price_denials(parts, plain) == parts
    assert pipeline._without_price_denials(parts, SimpleNamespace(signals=_Signals(True), folded="")) == ["闲聊（0.62）"]


def test_prices_not_read_for_a_reason_that_names_none(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    monkeypatch.setattr(pipeline, "said_prices", lambda folded: read.append(folded) or ["200"])
    parts = ["正常：读书分享", "和本群话题有关"]
    a = SimpleNamespace(signals=_Signals(False), folded="这本书二百页，一周能读完")
    assert pipeline._without_price_denials(parts, a) == parts
    assert read == []  # before: the prices of every message were read here
    assert pipeline._without_price_denials([*parts, NO_PRICE], a) == parts and read


VEILED = ["你这么懂，怎么不去出书啊？哦对，你连书都没读完", "建议你先去看看医生再来群里发言", "这水平也好意思发出来，真是辛苦你了",
          "周六上午十点图书馆二楼见，记得带上笔记", "我这水平还要多练，大家多指教", "谢谢大家的推荐，这本书我很喜欢"]


@pytest.mark.parametrize("text", VEILED + PLAIN + SNEERS)
def test_veiled_forms_as_without_the_first_look(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    said = signals.in_mandarin(signals.unquoted(normalise(text).folded))
    found = veiled.veiled_forms(said)
    monkeypatch.setattr(veiled, "_forms_gate", lambda: None)
    assert veiled.veiled_forms(said) == found


def test_every_veiled_form_has_its_first_look() -> None:
    assert {name for name, _ in veiled.FORMS} == set(veiled._FORM_READS)
    assert veiled._forms_gate() is not None


def test_plain_talk_runs_no_veiled_form(monkeypatch: pytest.MonkeyPatch) -> None:
    veiled._forms_gate()
    run: list[str] = []
    forms = tuple((name, lambda said, rx, name=name: run.append(name) or []) for name, _ in veiled.FORMS)
    monkeypatch.setattr(veiled, "FORMS", forms)
    assert veiled.veiled_forms("周六上午十点图书馆二楼见，记得带上笔记") == []
    assert run == []  # before: all nine forms were run on every message
    assert veiled.veiled_forms("建议你先去看看医生再来群里发言") == [] and run  # a form's words: the forms run

"""Round 48's twins mended (d00b48): one held-out split rule (training.md5_fifth) and one plain OpenCC call
(textnorm.opencc_plain) for the scripts that build and train the models."""

from __future__ import annotations

import json

from copilot.moderation.training import md5_fifth
from copilot.paths import RESOURCES_DIR
from copilot.textnorm import opencc_plain, to_local_traditional


def test_md5_fifth_is_the_veiled_corpus_locked_split() -> None:
    rows = [json.loads(x) for x in (RESOURCES_DIR / "moderation" / "veiled_abuse.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and all((r["split"] == "locked") == md5_fifth(r["frame"]) for r in rows)
    assert {r["split"] for r in rows} == {"locked", "train"}


def test_md5_fifth_holds_out_about_a_fifth_and_is_deterministic() -> None:
    texts = [f"羽毛球群第{i}条消息，周六下午三点集合" for i in range(2000)]
    held = [t for t in texts if md5_fifth(t)]
    assert 300 < len(held) < 500
    assert held == [t for t in texts if md5_fifth(t)]


def test_opencc_plain_is_opencc_alone_without_the_phrase_table() -> None:
    text = "扫二维码进群，信息看群公告"
    plain = opencc_plain(text, "s2twp")
    assert plain != text and "群" in plain
    assert "二維碼" in plain  # OpenCC's own form: the zh_hant.yaml phrase (QR Code) is for members' drafts only
    assert to_local_traditional(text) != plain
    assert opencc_plain("", "s2twp") == ""


def test_one_number_rule_for_the_name_and_for_handles() -> None:
    from copilot.moderation.sender import handles, name_evidence

    assert "85266778899" in handles("有意WhatsApp +852 6677 8899")
    assert handles("活动定在20240618，地点见群公告") == frozenset()  # a date, not a number to reach anyone
    assert handles("房号1203，电话七位1234567") == frozenset()
    ev = name_evidence("阿梅 88776655")
    assert ev is not None and ev.reach and "号码 88776655" in ev.items
    assert name_evidence("小林 20240618") is None

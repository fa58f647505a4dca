"""Same-process A/B of the group-model moderator's speed: the old code paths (A) against this tree's (B).

Run: ``.venv/bin/python benchmarks/ab_moderation.py [--n 2000] [--reps 8]``. Wall-clock figures of separate runs mean
little on a shared machine; here both variants run in one process on one core, alternating (A B, B A, …), each
repetition on fresh texts (no normalisation-cache hits), timed in CPU time. ``use(old)`` puts the old functions back
(A) or this tree's (B): a speed change adds its old function here, so the lead can re-measure it. Round 68 (d17a68):
``said_prices`` and ``veiled.banter`` without their per-text memory, ``_packet_beg`` building its pattern per message.
Round 69 (d17c69): ``normalise``'s search for any evasive spelling and ``URL_RE`` without their first look
(``literals.gated``). Round 73 (d17b73): ``_contact`` without its second look (``_contact_forms``), ``_sneers``
and ``veiled.veiled_forms`` without their one first look (``_sneer_gate``, ``_forms_gate``), and the reason's price
denials checked after reading the message's prices (``_without_price_denials``). Round 76 (d17a76): ``_illegal_deal``
without its first look on the folded text (``_illegal_offer_gate``), ``_chain_letter_in`` without its word-tree look
(``_chain_may``), ``disabled_slur`` ungated, ``_emoji_flood`` without its count before the look-behind search,
detect's plain lists on the compact text searched without the word-tree answer (``Scan.said``), ``_dismissed`` without
its first look for 滚 (``_dismissal_gate``) and normalise's ``_read_spaced_numerals`` without its count of spaces.
Round 78 (d17b78): every model and word file's modification time read per use (a ``stat`` each, ~4 per message),
not trusted for ``FILE_TIME_TRUST_S`` (``classifier.file_time``). Round 79's (d17s79) A paths (``a_not_a`` as a Python
loop over every character, ``_purposes_in`` hashing evidence.yaml's nested tuple of cues at every call, ``_char_forms``
through a generator) were dropped in round 81 (dch81): they were copies of old code kept for this A only, and
``tests/test_moderation_speed_d17s79.py`` still pins that the new ones answer as they did. Round 80 (d17s80): a signal row with a ``mask`` (ad_words, rude, qr, lure_reply,
profile_pointer, promo_words, business, seller_form, counterfeit_deal) and the detectors of ``signals._OWN_NEEDS``
(pointer, fee_scam, kin_business…) run on every message, never ruled out by the one walk of the word tree
(``SignalTable.needs`` left them out), and the walk without keys for patterns of patterns.yaml. Round 80 (d17t80,
``--only80t``): the six own-words detectors (disabled_slur, belittle, dismissal, sneer, veiled, sarcasm) run on every
message (``signals._own_words_gate`` None) and detect's chatter list searched on every message (``Scan.walked_out``).
Round 81 (d17s81, ``--only81``): the patterns that need several digits (landline, foreign_mobile, qq_num:
``literals.DigitGated``) searched behind their literal gate only, with no count of the text's digits first, and the word
tree (``LexiconHits.present``) walked with two dictionary look-ups a step (the word's end, the next character).
Round 82 (d17s82, ``--only82``; ``--real`` for the readable sets' own texts, as ``bench_moderation.real_texts``): the
signals the word tree rules out found by testing every signal's ways (``SignalTable.idle`` without ``_wake``),
``unknown_nouns`` asking jieba's part-of-speech cut for every new word before its other checks, and the reason's quoted
evidence put back through a pattern compiled per item (``re.sub``, not ``pipeline._quote_back``).
"""

from __future__ import annotations

import argparse
import copy
import re
import statistics
import sys
import tempfile
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_moderation import _group_moderator, pin_one_core, real_texts, warm  # noqa: E402

from copilot.evals.moderation import load_set  # noqa: E402
from copilot.files import modified_at  # noqa: E402
from copilot.moderation import (  # noqa: E402
    classifier,
    group_vocab,
    message,
    normalise,
    offtopic,
    pipeline,
    signals,
    veiled,
)
from copilot.moderation.literals import DigitGated, Gated  # noqa: E402


def _old_said_prices(folded: str) -> list[str]:
    return list(signals._said_prices.__wrapped__(folded))


def _old_packet_beg(scan: Any, spec: Any) -> Any:
    beg, gift = (scan.lex.words[key] for key in spec.combo)
    text = scan.lex.words[spec.mask].sub(" ", scan.n.folded) if spec.mask else scan.n.folded
    m = re.search(f"({beg.pattern}){signals._BEG_GAP}({gift.pattern})", text)
    return signals.Finding([m.group(1), m.group(m.lastindex or 2)]) if m else None


_DETECTORS = signals.signal_table().detectors
_SPELLINGS = normalise.spellings()
_NEW = {"said_prices": signals.said_prices, "packet_beg": _DETECTORS["packet_beg"], "banter": veiled.banter,
        "any_variant": _SPELLINGS.any_variant, "url": normalise.URL_RE}


def _old_without_price_denials(parts: list[str], a: Any) -> list[str]:
    if a.signals.signal("money") is not None or pipeline.said_prices(a.folded):
        return [p for p in parts if not pipeline._denies(p, pipeline.PRICE_WORD)]
    return parts


_NEW73 = {"contact_forms": signals._contact_forms, "price_denials": pipeline._without_price_denials,
          "sneer_gate": signals._sneer_gate, "forms_gate": veiled._forms_gate}


def _old_emoji_flood(scan: Any, spec: Any) -> Any:
    count = len(signals._EMOJI.findall(signals._lone_emoji().sub("", scan.n.decorated or scan.n.raw)))
    return signals.Finding([], count=count) if count >= scan.thresholds["emoji_flood"] else None


def _old_said(self: Any, key: str, text: str) -> bool:
    return self.lex.words[key].search(text) is not None


def _old_read_spaced_numerals(folded: str) -> str:
    table = normalise.spellings().digits

    def read(m: re.Match[str]) -> str:
        run = m.group(0)
        if not re.search(r"[a-z]", run) or run.isascii():
            return run
        return " ".join(" ".join(tok.translate(table)) if not tok.isascii() else tok for tok in run.split())
    return normalise._spaced_numeral_handle().sub(read, folded)


_SLUR = signals.disabled_slur()
_NEW76 = {"illegal_gate": signals._illegal_offer_gate, "chain_may": signals._chain_may,
          "emoji_flood": _DETECTORS["emoji_flood"], "said": signals.Scan.said, "slur": signals.disabled_slur,
          "dismissal_gate": signals._dismissal_gate, "spaced_numerals": normalise._read_spaced_numerals}


def use76(old: bool) -> None:
    """Round 76's (d17a76) old code paths (A) or this tree's (B)."""
    signals._illegal_offer_gate = (lambda: None) if old else _NEW76["illegal_gate"]  # type: ignore[assignment]
    signals._chain_may = (lambda scan, c: True) if old else _NEW76["chain_may"]  # type: ignore[assignment]
    signals.disabled_slur = (lambda: getattr(_SLUR, "rx", _SLUR)) if old else _NEW76["slur"]  # type: ignore[assignment]
    _DETECTORS["emoji_flood"] = _old_emoji_flood if old else _NEW76["emoji_flood"]
    signals.Scan.said = _old_said if old else _NEW76["said"]  # type: ignore[method-assign]
    signals._dismissal_gate = (lambda: None) if old else _NEW76["dismissal_gate"]  # type: ignore[assignment]
    normalise._read_spaced_numerals = _old_read_spaced_numerals if old else _NEW76["spaced_numerals"]


_NEW78 = {"file_time": classifier.file_time}


def use78(old: bool) -> None:
    """Round 78's (d17b78) old code path (A: a ``stat`` per model or word file per use) or this tree's (B)."""
    classifier.file_time = group_vocab.file_time = modified_at if old else _NEW78["file_time"]  # type: ignore[assignment]


def _tree_without(node: dict[str, Any], drop: frozenset[str]) -> dict[str, Any]:
    """A copy of a word tree (:class:`signals.LexiconHits`) without the keys ``drop`` (and the branches left empty)."""
    out: dict[str, Any] = {}
    for ch, sub in node.items():
        if ch == signals.LexiconHits.END:
            if keys := sub - drop:
                out[ch] = keys
        elif kid := _tree_without(sub, drop):
            out[ch] = kid
    return out


_LEX, _TABLE = signals.lexicons(), signals.signal_table()
_NEW80 = {"hits": _LEX.hits, "needs": _TABLE.needs}


def _old80_hits() -> Any:
    """The one walk as before round 80: no keys for the masks that are patterns of patterns.yaml."""
    new = _NEW80["hits"]
    drop = frozenset(k for k in new.gated if k.startswith(signals.PATTERN_MASK))
    old = copy.copy(new)
    old.root, old.gated = _tree_without(new.root, drop), new.gated - drop
    old.steps = signals.LexiconHits.steps_of(old.root)
    return old


def _old80_needs() -> dict[str, Any]:
    """The rows the walk answered for before round 80: those of _LIST_GATED's shapes with no ``mask`` (not _promo_words)."""
    detectors = _TABLE.detectors
    return {name: need for name, need in _NEW80["needs"].items()
            if not need[1] and detectors[name] not in signals._OWN_NEEDS and detectors[name] is not signals._promo_words}


_OLD80 = {"hits": _old80_hits(), "needs": _old80_needs()}


def use80(old: bool) -> None:
    """Round 80's (d17s80) old path (A: a row with a ``mask`` is never idle, the walk answers for no pattern mask) or
    this tree's (B)."""
    got = _OLD80 if old else _NEW80
    _LEX.hits = got["hits"]
    _TABLE.__dict__["needs"] = got["needs"]
    _TABLE.__dict__["_idle"], _TABLE.__dict__["_to_run"] = {}, {}


_NEW80T = {"walked_out": signals.Scan.walked_out, "own_words_gate": signals._own_words_gate}


def use80t(old: bool) -> None:
    """Round 80's second speed step (d17t80): A runs the six detectors that read the writer's own words on every message
    (``_own_words_gate`` None) and searches detect's chatter list on every message, the word tree's walk not asked
    (``Scan.walked_out`` always False); B rules the six out with one search and skips the chatter search when the walk
    found no chatter word."""
    signals._own_words_gate = (lambda: None) if old else _NEW80T["own_words_gate"]  # type: ignore[assignment]
    signals.Scan.walked_out = (lambda self, key, text: False) if old else _NEW80T["walked_out"]  # type: ignore[method-assign]


_PATTERNS = signals.patterns()
_NEW81 = {f.name: rx for f in fields(_PATTERNS) if isinstance(rx := getattr(_PATTERNS, f.name), DigitGated)}
_OLD81 = {name: Gated(rx.rx, rx.gate) for name, rx in _NEW81.items()}
_NEW81_PRESENT = signals.LexiconHits.present


def _old81_present(self: Any, text: str) -> frozenset[str]:
    """The word tree's walk before round 81: two look-ups a step (the word's end, then the next character)."""
    out: set[str] = set()
    root, end, size = self.root, self.END, len(text)
    for i, ch in enumerate(text):
        node = root.get(ch)
        j = i + 1
        while node is not None:
            keys = node.get(end)
            if keys is not None:
                out |= keys
            if j == size:
                break
            node = node.get(text[j])
            j += 1
    return frozenset(out)


def use81(old: bool) -> None:
    """Round 81's (d17s81) old paths (A: the patterns that need several digits behind their literal gate only; the word
    tree walked with two look-ups a step) or this tree's (B: a count of the text's digits first,
    ``literals.DigitGated``; one look-up a step, ``LexiconHits.steps``)."""
    for name, rx in (_OLD81 if old else _NEW81).items():
        object.__setattr__(_PATTERNS, name, rx)
    signals.LexiconHits.present = _old81_present if old else _NEW81_PRESENT  # type: ignore[method-assign]


def _old82_idle(self: Any, present: frozenset[str]) -> frozenset[str]:
    """``SignalTable.idle`` before round 82: every signal's mask and ways tested against the message's lists."""
    got = self._idle.get(present)
    if got is None:
        got = frozenset(name for name, (sets, mask) in self.needs.items()
                        if not (mask and mask in present) and not any(way <= present for way in sets))
        if len(self._idle) < 4096:
            self._idle[present] = got
    return got


def _old82_unknown_nouns(text: str, known: Any = frozenset(), odd: list[str] | None = None) -> list[str]:
    """``offtopic.unknown_nouns`` before round 82: a new word's class read (jieba's part-of-speech cut) before its
    other checks."""
    o = offtopic
    max_freq, classes, min_len, seen, aspect = o._unknown_noun_rule()
    generic = o.generic_words()
    out = []
    o.ensure_jieba()
    words = o._cut_around(o.fold(text), known)
    for i, w in enumerate(words):
        if len(w) < min_len or not o._HAN_WORD.fullmatch(w) or w in generic or w in known:
            continue
        flag = o.word_class(w)
        glued = False
        if flag is None:
            if i + 1 < len(words) and words[i + 1] in aspect:
                flag = "v"
            else:
                flag = o.new_word_class(w)
                glued = flag not in classes
                flag = "n" if glued else flag
        freq = o.word_frequency(w)
        if flag not in classes or freq >= max_freq or any(w in k or k in w for k in known):
            continue
        if any(o.word_frequency(w[i:j]) >= o.COMMON_WORD_FREQ
               for i in range(len(w)) for j in range(i + 2, len(w) + 1) if j - i < len(w)):
            continue
        if w not in seen:
            if not glued:
                out.append(w)
            elif odd is not None:
                odd.append(w)
    if odd is not None and out and (said := o.in_mandarin(o.fold(text))) != o.fold(text):
        agreed = set(_old82_unknown_nouns(said, known))
        odd += [w for w in out if w not in agreed]
        out = [w for w in out if w in agreed]
    return out


def _old82_quote_back(reason: str, shown: str, own: str) -> str:
    return re.sub(rf"(?<![\u4e00-\u9fff]){re.escape(shown)}(?![\u4e00-\u9fff])", lambda _m, o=own: o, reason)


_NEW82 = {"idle": signals.SignalTable.idle, "unknown_nouns": offtopic.unknown_nouns, "quote_back": pipeline._quote_back}


def use82(old: bool) -> None:
    """Round 82's (d17s82) old paths (A) or this tree's (B); either way the caches that would carry one run's answers
    into the next (the idle sets, new words' classes, re's compiled patterns) start empty."""
    from copilot.moderation import group_talk  # noqa: PLC0415

    signals.SignalTable.idle = _old82_idle if old else _NEW82["idle"]  # type: ignore[method-assign]
    offtopic.unknown_nouns = group_talk.unknown_nouns = _old82_unknown_nouns if old else _NEW82["unknown_nouns"]
    pipeline._quote_back = _old82_quote_back if old else _NEW82["quote_back"]
    _TABLE.__dict__["_idle"] = {}
    offtopic.new_word_class.cache_clear()
    re.purge()


def _old84_get(self: Any, key: str, default: Any = None) -> Any:
    try:
        return self[key]
    except KeyError:
        return default


def _old84_repaired(self: Any) -> int:
    return self._repaired


_NEW84 = {"get": signals.PatternsOnUse.get, "repaired": message.Message.repaired}


def use84(old: bool) -> None:
    """Round 84's (d17s84) old paths (A) or this tree's (B): a word list's ``get`` of a key that is none raising and
    catching a KeyError, and ``Message.repaired`` read as a pydantic private attribute (after an AttributeError of its
    own)."""
    signals.PatternsOnUse.get = _old84_get if old else _NEW84["get"]  # type: ignore[method-assign]
    message.Message.repaired = property(_old84_repaired) if old else _NEW84["repaired"]  # type: ignore[method-assign]


def use(old: bool, *, latest: bool = False, only80t: bool = False, only81: bool = False, only82: bool = False,
        only84: bool = False) -> None:
    """The old functions (A) or this tree's (B), wherever the moderator looks them up; ``latest``: only the latest
    round's (82) are put back for A, the earlier rounds' stay as they are; ``only80t``: only d17t80's step;
    ``only81``: only d17s81's; ``only82``: only d17s82's."""
    use84(old and not (only80t or only81 or only82))
    if latest or only84:
        old = False
    use82(old and not (only80t or only81))
    if only82:
        old = False
    use81(old)
    if only81:
        old = False
    use80t(old)
    if only80t:
        old = False
    use80(old)
    use78(old)
    use76(old)
    signals._contact_forms = (lambda p: None) if old else _NEW73["contact_forms"]  # type: ignore[assignment]
    pipeline._without_price_denials = _old_without_price_denials if old else _NEW73["price_denials"]
    signals._sneer_gate = (lambda: None) if old else _NEW73["sneer_gate"]  # type: ignore[assignment]
    veiled._forms_gate = (lambda: None) if old else _NEW73["forms_gate"]  # type: ignore[assignment]
    any_variant = _NEW["any_variant"]
    object.__setattr__(_SPELLINGS, "any_variant", getattr(any_variant, "rx", any_variant) if old else any_variant)
    url = _NEW["url"]
    normalise.URL_RE = classifier.URL_RE = signals.URL_RE = getattr(url, "rx", url) if old else url
    prices = _old_said_prices if old else _NEW["said_prices"]
    signals.said_prices = pipeline.said_prices = prices
    _DETECTORS["packet_beg"] = _old_packet_beg if old else _NEW["packet_beg"]
    banter = _NEW["banter"].__wrapped__ if old else _NEW["banter"]
    veiled.banter = signals.banter = pipeline.banter = banter


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--reps", type=int, default=8)
    ap.add_argument("--latest", action="store_true", help="A puts back only the latest round's old code paths")
    ap.add_argument("--only80t", action="store_true", help="A puts back only d17t80's old code path (chatter searched)")
    ap.add_argument("--only81", action="store_true", help="A puts back only d17s81's old code path (no digit count)")
    ap.add_argument("--only82", action="store_true", help="A puts back only d17s82's old code paths")
    ap.add_argument("--only84", action="store_true", help="A puts back only d17s84's old code paths")
    ap.add_argument("--real", action="store_true",
                    help="the readable sets' own texts (bench_moderation.real_texts), each run a different --n of them "
                         "(reps × 2 × n at most 11,000), not the eval's texts with a ` {i}q` suffix")
    args = ap.parse_args()
    pin_one_core()
    rows = load_set()
    rates: dict[str, list[float]] = {"A": [], "B": []}
    timed = 2 * args.reps * args.n
    real = real_texts(timed + 500) if args.real else []
    if args.real and len(real) < timed:
        ap.error(f"--real: only {len(real)} different texts for reps × 2 × n")
    with tempfile.TemporaryDirectory() as tmp:
        mod = _group_moderator(Path(tmp))
        warm(mod.moderate, rows)
        for i, x in enumerate(real[timed:]):  # the tables a real chat loads on first use (word lists never used above)
            mod.moderate({"id": f"w{i}", "user": f"w{i}", "text": x})
        try:
            for rep in range(args.reps):
                for v in ("A", "B") if rep % 2 == 0 else ("B", "A"):
                    use(v == "A", latest=args.latest, only80t=args.only80t, only81=args.only81, only82=args.only82,
                        only84=args.only84)
                    if args.real:  # A and B read two different slices (which one first alternates)
                        k = 2 * rep + ((v == "A") == (rep % 2 == 0))
                        texts = real[k * args.n:(k + 1) * args.n]
                    else:
                        texts = [f"{r['text']} {i}{v}{rep}q" for i, r in enumerate(rows * (args.n // len(rows) + 1))][: args.n]
                    t0 = time.thread_time()
                    for i, x in enumerate(texts):
                        mod.moderate({"id": str(i), "user": f"u{i % 500}", "text": x})
                    rates[v].append(args.n / (time.thread_time() - t0))
        finally:
            use(False)
    for v, name in (("A", "旧"), ("B", "本分支")):
        print(f"{v}（{name}）：中位数 {statistics.median(rates[v]):,.0f} 条/秒（CPU 时间），各轮 {[round(x) for x in rates[v]]}")
    print(f"B/A 中位数之比 {statistics.median(rates['B']) / statistics.median(rates['A']):.3f}")
    # each repetition's A and B ran back to back: their ratio drifts less with the machine's load than either median
    pairs = [b / a for a, b in zip(rates["A"], rates["B"])]
    print(f"同一轮 B/A 之比的中位数 {statistics.median(pairs):.3f}，各轮 {[round(x, 3) for x in pairs]}")


if __name__ == "__main__":
    main()

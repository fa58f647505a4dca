"""The drafting eval over the new-schema profiles (``evals/profiles/tuning`` and ``…/locked``).

For each profile every draft is made offline (names, intro, rules, welcome, a calendar over a
fixed two-month window that crosses a month end and the profiles' one-off dates, activity notices for
all its events, promotion copy when it has products) and scored on what the issue asks of them:

- events placed: every occurrence of every profile event is in the calendar on its date, at its
  time, with its kind (rule ``topics.events_placed``);
- placeholders and tactic leaks in member-facing text (rules ``member.no_placeholders`` and
  ``member.no_tactic_leak``, counted per draft);
- rule pass: every deterministic rule of every draft;
- reader gaps: facts a member needs to act on an activity notice (time, place, what to bring, the
  weather rule outdoors — per kind, :mod:`copilot.evals.reader`) that the notice neither tells nor
  lists under ``needs`` for the operator;
- slot fit: free-slot posts of the two-week calendar whose topic word misfits the words around it
  ("练郊野公园", "孩子学心理疏导", a duty with a "预算": :mod:`copilot.evals.fit`), beside the precision and
  recall of that check on hand-labelled sentences (``fit_labels.yaml``);
- cross-profile similarity per kind (intro, rules, welcome, calendar, activity notice; the calendar is
  the two-week calendar operators ask for (``--days 14``), ``calendar_window`` the two-month one,
  reported only: its free slots use up the topic bank and so share more; ``similarity_worst`` is the
  highest single profile's share per kind, beside the mean that is gated): the share of
  a draft's clause text — the profile's own words and all numbers masked, clauses with fewer than
  four characters of template text left out — that also appears, clause for clause, in another
  profile's draft of the same kind (:func:`shared_clause_share`), among the profiles of the same folder
  (``tuning/`` and ``tuning/round20/`` are eight groups each, like ``locked/``).

The locked split is scored only: its result carries aggregate figures and no per-profile rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from copilot.agents import DraftError, draft
from copilot.evals.fit import checker_scores, free_slot_misfits
from copilot.evals.reader import reader_gaps
from copilot.knowledge.checks import member_text, profile_words, skeleton_clauses
from copilot.llm import Engine
from copilot.paths import EVALS_DIR
from copilot.profile import GroupProfile, load_profile

WINDOW_START = dt.date(2026, 11, 30)  # a Monday; with 63 days the window ends 2027-01-31
WINDOW_DAYS = 63
WEEK_START = dt.date(2026, 12, 7)  # the calendar an operator asks for starts on a Monday inside the window
CALENDAR_DAYS = 14  # operators plan two weeks at a time: the gated calendar is as long as the one they post
SIMILARITY_KINDS = ("intro", "rules", "welcome", "calendar", "activity", "calendar_window")
MIN_TEMPLATE_CHARS = 4


def split_dir(split: str) -> Path:
    if split not in ("tuning", "locked"):
        raise ValueError(f"未知的评测划分 {split!r}，可选：tuning、locked")
    return EVALS_DIR / "profiles" / split


def profile_drafts(profile: GroupProfile, engine: Engine) -> dict[str, Any]:
    """Every draft of one profile, keyed by kind, with the drafting results."""
    out: dict[str, Any] = {
        "name": draft("name", profile, engine, n=5),
        "intro": draft("intro", profile, engine, today=WINDOW_START),  # fixed "today": the same drafts every run
        "rules": draft("rules", profile, engine),
        "welcome": draft("welcome", profile, engine, n=2, today=WINDOW_START),
        "calendar_window": draft("topics", profile, engine, days=WINDOW_DAYS, start=WINDOW_START),
        "calendar": draft("topics", profile, engine, days=CALENDAR_DAYS, start=WEEK_START),
        "activity": draft("copy", profile, engine, kind="activity", n=len(profile.all_events()) or 1,
                          start=WINDOW_START),
    }
    try:
        out["promotion"] = draft("copy", profile, engine, kind="promotion", n=5, start=WINDOW_START)
    except DraftError:
        pass  # no priced products: nothing to promote
    return out


def _texts(kind: str, result: Any) -> list[str]:
    target = "topics" if kind.startswith("calendar") else "copy" if kind in ("activity", "promotion") else kind
    return [member_text(d, target) for d in result.drafts]


def shared_clause_share(texts: dict[str, list[str]], words: dict[str, list[str]]) -> dict[str, float]:
    """Per profile: the share of its template clause text also found in another profile's draft."""
    clauses = {pid: [c for t in ts for c in skeleton_clauses(t, words[pid], MIN_TEMPLATE_CHARS)]
               for pid, ts in texts.items()}
    sets = {pid: {c for c, _ in cs} for pid, cs in clauses.items()}
    out = {}
    for pid, cs in clauses.items():
        others = set().union(*(s for q, s in sets.items() if q != pid)) if len(sets) > 1 else set()
        total = sum(n for _, n in cs)
        shared = sum(n for c, n in cs if c in others)
        out[pid] = shared / total if total else 0.0
    return out


def score_split(split: str, engine: Engine) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(aggregate metrics, per-profile rows) for one split. Callers must not show locked rows."""
    rows, texts, words = [], {}, {}
    by_kind: dict[str, dict[str, list[str]]] = {k: {} for k in SIMILARITY_KINDS}
    pools: dict[str, str] = {}
    # tuning has a folder per round of profiles; the locked half is scored exactly as it was written
    paths = split_dir(split).rglob("*.yaml") if split == "tuning" else split_dir(split).glob("*.yaml")
    for path in sorted(paths):
        profile = load_profile(path)
        drafts = profile_drafts(profile, engine)
        pid = path.stem
        pools[pid] = str(path.parent)  # a folder of profiles is one pool of groups compared with each other
        words[pid] = profile_words(profile)
        for k in SIMILARITY_KINDS:
            by_kind[k][pid] = _texts(k, drafts[k])
        checks = [c for r in drafts.values() for c in r.checks if c.passed is not None]
        placed = next(c for c in drafts["calendar_window"].checks if c.rule_id == "topics.events_placed")
        per_draft = {rid: sum(1 for r in drafts.values() for c in r.checks if c.rule_id == rid and c.passed is False)
                     for rid in ("member.no_placeholders", "member.no_tactic_leak")}
        gaps = (reader_gaps(profile, drafts["calendar_window"].drafts, lambda d: member_text(d, "topics"))
                + reader_gaps(profile, drafts["activity"].drafts, lambda d: member_text(d, "copy")))
        misfit = free_slot_misfits(profile, drafts["calendar"].drafts)
        rows.append({"profile": pid, "events_placed": bool(placed.passed), "placed_reason": placed.reason,
                     "slot_misfits": len(misfit), "slot_misfit_list": misfit,
                     "free_slots": sum(1 for d in drafts["calendar"].drafts if not d.get("event")),
                     "reader_gaps": len(gaps), "reader_gap_list": gaps,
                     "placeholders": per_draft["member.no_placeholders"], "tactic_leaks": per_draft["member.no_tactic_leak"],
                     "rules_passed": sum(bool(c.passed) for c in checks), "rules_checked": len(checks),
                     "failed_rules": sorted({c.rule_id for c in checks if c.passed is False})})
        texts[pid] = drafts
    similarity, worst = {}, {}
    for k in SIMILARITY_KINDS:
        # each profile against the others of its own folder (eight groups to a folder, as in the locked
        # half): the share grows with the number of groups compared, so folders keep halves comparable
        shares = {pid: v for pool in sorted(set(pools.values()))
                  for pid, v in shared_clause_share({q: t for q, t in by_kind[k].items() if pools[q] == pool},
                                                    words).items()}
        similarity[k] = round(sum(shares.values()) / max(1, len(shares)), 4)
        worst[k] = round(max(shares.values(), default=0.0), 4)  # the group whose drafts read most like the others'
        for row in rows:
            row.setdefault("similarity", {})[k] = round(shares.get(row["profile"], 0.0), 4)
    n = max(1, len(rows))
    checked = sum(r["rules_checked"] for r in rows)
    metrics = {
        "n": len(rows),
        "events_placed_rate": round(sum(r["events_placed"] for r in rows) / n, 4),
        "placeholders": sum(r["placeholders"] for r in rows),
        "tactic_leaks": sum(r["tactic_leaks"] for r in rows),
        "reader_gaps": sum(r["reader_gaps"] for r in rows),
        "rule_pass_rate": round(sum(r["rules_passed"] for r in rows) / max(1, checked), 4),
        # free-slot posts of the two-week calendars whose topic word misfits the words around it
        # (copilot.evals.fit), and how that check itself scores on hand-labelled sentences
        "slot_misfits": sum(r["slot_misfits"] for r in rows),
        "slot_fit_rate": round(1 - sum(r["slot_misfits"] for r in rows) / max(1, sum(r["free_slots"] for r in rows)), 4),
        "fit_checker": checker_scores(),
        "similarity": similarity,
        "similarity_max": max(similarity.values()) if similarity else 0.0,
        "similarity_worst": worst,
    }
    return metrics, rows

"""The second round for the shortlist: qualitative questions with a required argument, and the
final order by consensus with dissent recorded (000_063238b4784f833c.txt)."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.layout.governance import SECOND_ROUND_QUESTIONS
from partnerkeuze.kernel.model import Model

QUESTIONS = {qid: (short, text) for qid, short, text in SECOND_ROUND_QUESTIONS}


def in_mode(model: Model) -> bool:
    """True when the workbook has the second-round sheets (stedenband mode)."""
    return "second_round" in layout.tables_for(model.settings.mode)


def missing_rows(model: Model, shortlist: list[str]) -> list[list]:
    """Rows for the questions not yet on the sheet for each shortlisted candidate."""
    if not in_mode(model):
        return []
    have = {(r.get("candidate"), r.get("question")) for r in model.tables.get("second_round", [])}
    rows = []
    for cid in shortlist:
        for qid, short, text in SECOND_ROUND_QUESTIONS:
            if (cid, qid) not in have:
                rows.append([cid, qid, f"{short}: {text}", None, None, None])
    return rows


def problems(model: Model) -> list[Problem]:
    """Judgements without an argument, unknown candidates, and an inconsistent final order.

    (A final order that names a candidate no longer on the shortlist is shown in the dossier
    context, not reported here: while other problems are open the shortlist is not reliable.)"""
    if not in_mode(model):
        return []
    out: list[Problem] = []
    known = {c.id for c in model.candidates}
    sheet = layout.sheet("second_round").name
    t = layout.table("second_round")
    col = {k: t.first_col + t.index(k) for k in ("candidate", "judgement", "argument")}
    seen: dict[tuple, int] = {}
    for r in model.tables.get("second_round", []):
        row = r["_row"]
        if r.get("candidate") and r["candidate"] not in known:
            out.append(Problem(place(sheet, col["candidate"], row),
                               f"kandidaat '{r['candidate']}' bestaat niet op het blad Kandidaten"))
        if r.get("judgement") and not (r.get("argument") or "").strip():
            out.append(Problem(place(sheet, col["argument"], row),
                               f"het oordeel '{r['judgement']}' over {r.get('candidate')} "
                               f"({r.get('question')}) heeft een geschreven argumentatie nodig"))
        key = (r.get("candidate"), r.get("question"))
        if None not in key and key in seen:
            out.append(Problem(place(sheet, col["candidate"], row),
                               f"vraag {key[1]} voor {key[0]} staat al in rij {seen[key]}"))
        seen.setdefault(key, row)
    sheet = layout.sheet("final_order").name
    t = layout.table("final_order")
    col = {k: t.first_col + t.index(k) for k in ("candidate", "position", "argument", "dissent_by",
                                                 "dissent")}
    positions: dict[int, int] = {}
    for r in model.tables.get("final_order", []):
        row = r["_row"]
        if r.get("candidate") and r["candidate"] not in known:
            out.append(Problem(place(sheet, col["candidate"], row),
                               f"kandidaat '{r['candidate']}' bestaat niet op het blad Kandidaten"))
        pos = r.get("position")
        if pos is not None:
            if pos in positions:
                out.append(Problem(place(sheet, col["position"], row),
                                   f"plaats {pos} is al gegeven in rij {positions[pos]}"))
            positions.setdefault(pos, row)
        if not (r.get("argument") or "").strip():
            out.append(Problem(place(sheet, col["argument"], row),
                               "de plaats in de eindvolgorde heeft een argumentatie nodig"))
        if bool((r.get("dissent_by") or "").strip()) != bool((r.get("dissent") or "").strip()):
            missing = "dissent" if r.get("dissent_by") else "dissent_by"
            out.append(Problem(place(sheet, col[missing], row),
                               "een afwijkende mening vraagt wie ze heeft én wat ze inhoudt"))
    if positions and sorted(positions) != list(range(1, len(positions) + 1)):
        out.append(Problem(place(sheet, col["position"], min(positions.values())),
                           f"de plaatsen moeten 1 tot {len(positions)} zijn zonder gaten "
                           f"(nu {', '.join(str(p) for p in sorted(positions))})"))
    return out


def context(model: Model, result) -> dict | None:
    """The second round for the dossier; None when nothing was filled in."""
    if not in_mode(model):
        return None
    names = {c.id: c.name for c in model.candidates}
    rows = []
    for r in model.tables.get("second_round", []):
        if not r.get("judgement") and not (r.get("argument") or "").strip():
            continue
        short, text = QUESTIONS.get(r.get("question"), (r.get("question") or "", ""))
        rows.append({"candidate": r.get("candidate"), "name": names.get(r.get("candidate"), ""),
                     "question_id": r.get("question"), "question": short, "question_text": text,
                     "judgement": r.get("judgement") or "", "argument": r.get("argument") or "",
                     "source": r.get("source") or ""})
    final = sorted((r for r in model.tables.get("final_order", []) if r.get("position")),
                   key=lambda r: r["position"])
    final_order = [{"position": r["position"], "candidate": r["candidate"],
                    "name": names.get(r["candidate"], ""), "argument": r.get("argument") or ""}
                   for r in final]
    dissent = [{"candidate": r["candidate"], "name": names.get(r["candidate"], ""),
                "by": r.get("dissent_by") or "", "text": r.get("dissent") or ""}
               for r in final if (r.get("dissent") or "").strip()]
    if not rows and not final_order:
        return None
    off = [r["candidate"] for r in final_order if r["candidate"] not in result.shortlist]
    answered = {(r["candidate"], r["question_id"]) for r in rows if r["judgement"]}
    complete = all((cid, qid) in answered for cid in result.shortlist for qid in QUESTIONS) \
        and {r["candidate"] for r in final_order} >= set(result.shortlist)
    return {"rows": rows, "final_order": final_order, "dissent": dissent, "complete": complete,
            "not_on_shortlist": off,
            "questions": [{"id": q, "name": s, "text": t} for q, s, t in SECOND_ROUND_QUESTIONS]}

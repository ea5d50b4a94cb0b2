"""Benchmark: 500 letters with the compiled fast path, against two baselines in the same run.

- docxtpl: a fresh DocxTemplate per letter (the usual way), rendered and saved;
- zip only: the same document parts written to as many .docx files with the same compression
  (the floor: what writing the files costs without any rendering).

Prints the ratios (targets: >= 4x faster than docxtpl, <= 1.5x the zip-only time) and the memory
growth across the run (tracemalloc; target: flat, no growth per letter).

Run: python bench/documents_letters.py [N]
"""

from __future__ import annotations

import gc
import io
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def contexts(n: int) -> list[tuple[str, dict]]:
    """n letter contexts (language, context) from the demo call, cycling over the candidates."""
    from partnerkeuze.app.creation import build
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.features.documents.contexts import (
        Notes,
        chosen_partner,
        declined_context,
        letterhead)
    from partnerkeuze.core.parse import parse

    model = parse(build("stedenband", demo=True).snapshot())
    result = evaluate(model)
    chosen = chosen_partner(model, result)
    notes = Notes()
    head = letterhead(model, None, notes)
    others = [c for c in model.candidates if c.id != chosen.id]
    base = [(c.language, declined_context(model, result, c, chosen, c.language, head, notes))
            for c in others]
    out = []
    for i in range(n):
        lang, ctx = base[i % len(base)]
        ctx = dict(ctx, candidate_id=f"K{i:04d}")
        out.append((lang, ctx))
    return out


def fast_path(items, out: Path) -> None:
    """Compiled templates: render and write each letter."""
    from partnerkeuze.features.documents.actions import template
    from partnerkeuze.io.docx.render import compiled
    from partnerkeuze.kernel.languages import locale_for

    for i, (lang, ctx) in enumerate(items):
        data = compiled(template("letter_declined", lang)).render(ctx, locale_for(lang))
        (out / f"fast_{i}.docx").write_bytes(data)


def docxtpl_path(items, out: Path) -> None:
    """A fresh docxtpl DocxTemplate per letter (sandboxed, autoescaped, for a fair comparison)."""
    from docxtpl import DocxTemplate
    from jinja2.sandbox import SandboxedEnvironment

    from partnerkeuze.features.documents.actions import template

    from partnerkeuze.io.docx.render import make_environment

    env = SandboxedEnvironment(autoescape=True)
    env.filters.update(make_environment().filters)  # the same filters (ordinal, and_list, …)
    for i, (lang, ctx) in enumerate(items):
        tpl = DocxTemplate(str(template("letter_declined", lang)))
        tpl.render(dict(ctx, logo=""), jinja_env=env)
        tpl.save(str(out / f"docxtpl_{i}.docx"))
        del tpl
        if i % 50 == 49:
            gc.collect()  # docxtpl keeps memory between renders otherwise


def zip_only(items, out: Path) -> None:
    """The parts of one rendered letter written to as many .docx files (same compression)."""
    from partnerkeuze.features.documents.actions import template
    from partnerkeuze.io.docx.render import compiled
    from partnerkeuze.kernel.languages import locale_for

    parts = {}
    for lang in {lang for lang, _ in items}:
        ctx = next(c for lg, c in items if lg == lang)
        data = compiled(template("letter_declined", lang)).render(ctx, locale_for(lang))
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts[lang] = [(i, zf.read(i)) for i in zf.infolist()]
    for i, (lang, _) in enumerate(items):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for info, data in parts[lang]:
                zf.writestr(info, data)
        (out / f"zip_{i}.docx").write_bytes(buf.getvalue())


def timed(fn, items) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        fn(items, Path(tmp))
        return time.perf_counter() - start


def memory_growth(items) -> tuple[float, float]:
    """Traced memory (KiB) after the first fifth and after all letters of the fast path."""
    from partnerkeuze.features.documents.actions import template
    from partnerkeuze.io.docx.render import compiled
    from partnerkeuze.kernel.languages import locale_for

    fifth = max(len(items) // 5, 1)
    tracemalloc.start()
    marks = []
    for i, (lang, ctx) in enumerate(items):
        compiled(template("letter_declined", lang)).render(ctx, locale_for(lang))
        if i + 1 in (fifth, len(items)):
            gc.collect()
            marks.append(tracemalloc.get_traced_memory()[0] / 1024)
    tracemalloc.stop()
    return marks[0], marks[-1]


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 500
    items = contexts(n)
    fast_path(items[:20], Path(tempfile.mkdtemp()))  # warm up: compile templates, import
    zip_time = timed(zip_only, items)
    fast_time = timed(fast_path, items)
    docxtpl_time = timed(docxtpl_path, items)
    low, high = memory_growth(items)
    speedup = docxtpl_time / fast_time
    overhead = fast_time / zip_time
    print(f"{n} brieven")
    print(f"  snelle weg (gecompileerd):  {fast_time:6.2f} s  ({fast_time / n * 1000:5.1f} ms/brief)")
    print(f"  docxtpl, nieuw per brief:   {docxtpl_time:6.2f} s  ({docxtpl_time / n * 1000:5.1f} ms/brief)")
    print(f"  enkel zip schrijven:        {zip_time:6.2f} s  ({zip_time / n * 1000:5.1f} ms/brief)")
    print(f"  versnelling t.o.v. docxtpl: {speedup:5.2f}x  (doel >= 4x: "
          f"{'gehaald' if speedup >= 4 else 'NIET gehaald'})")
    print(f"  tijd t.o.v. enkel zip:      {overhead:5.2f}x  (doel <= 1.5x: "
          f"{'gehaald' if overhead <= 1.5 else 'NIET gehaald'})")
    print(f"  geheugen na {max(n // 5, 1)} brieven: {low:8.0f} KiB, na {n}: {high:8.0f} KiB "
          f"(groei {high - low:+.0f} KiB, {(high - low) / max(n - n // 5, 1):+.2f} KiB/brief)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

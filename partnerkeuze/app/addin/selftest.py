"""The ribbon's *Zelftest*: every button and every worksheet function on copies of the demo, and a
report for IT to send back.

The VBA glue (vba/PartnerkeuzeSelfTest.bas) records what only Excel knows (Excel's version and
bitness, the outcome of Application.MacroOptions at start-up, each worksheet function calculated
in a cell, with its VBA error number), writes that to ``zelftest-vba.txt`` in a new temporary
folder and then clicks this button's handler through RunPython, passing the folder. The handler
(``run_from_excel``) copies the demos into the folder, runs every other button on them with
scripted answers to its dialogs (nothing waits for a person), and writes ``Zelftest-verslag.txt``:
what ran, how long, every message and error, the worksheet functions judged against what Python
computes for the same arguments. The same code runs here on files (``run_buttons`` with
FileWorkbook), which is how it is tested.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from partnerkeuze.app.addin.context import KEY_INPUT, KEY_OUTPUT, Context, RecordingUI

SELFTEST_ID = "selftest"
VBA_FILE = "zelftest-vba.txt"
REPORT_FILE = "Zelftest-verslag.txt"
DEMO_FILE = "Partnerkeuze-demo-{mode}.xlsx"  # one name per mode: Excel opens no two books of one name
MODES = ("stedenband", "sdg", "evaluatie")
BOOK_OF = {"sdg_match": "sdg", "evaluate": "evaluatie"}  # other buttons: stedenband
# Folder dialogs: the folder an earlier button wrote into.
FOLDER_FROM = {"import_forms": "forms", "merge": "assessor_forms"}
OK, NOTICE, ERROR = "OK", "MELDING", "FOUT"


def answers(button_id: str) -> dict[str, str]:
    """The typed answers a button's dialogs get in the self-test, by the start of the prompt."""
    return {
        "freeze": {"Waarom": "Zelftest"},
        # the GROS advice today: the next stage of the demo's record, in order in time (a new
        # publication today would lie after the demo's longlist, which check reports)
        "record": {"Welke stap": "gros", "Datum van de gebeurtenis": "",
                   "Advies van de GROS": "Zelftest van de invoegtoepassing",
                   "Reden": "Zelftest van de invoegtoepassing"},
    }.get(button_id, {})


@dataclass
class ScriptedUI(RecordingUI):
    """A user interface that answers dialogs from a script and records every message instead of
    showing it (a RecordingUI); progress still goes to the real status bar (``status``)."""

    replies: dict[str, str] = field(default_factory=dict)
    status_to: object = None  # the real UI (status bar), or None

    def status(self, text: str) -> None:
        if self.status_to is not None:
            self.status_to.status(text)

    def clear_status(self) -> None:
        if self.status_to is not None:
            self.status_to.clear_status()

    def ask_text(self, prompt: str) -> str | None:
        self.shown.append(("ask_text", prompt))
        return next((v for k, v in self.replies.items() if prompt.startswith(k)), "")


@dataclass
class StepResult:
    """One button run in the self-test."""

    button: str
    label: str
    mode: str
    seconds: float
    verdict: str
    shown: list = field(default_factory=list)
    detail: str = ""

    def summary(self) -> str:
        """The first line of what the button said (or the error)."""
        for kind, text in self.shown:
            if kind in ("info", "error") and str(text).strip():
                return str(text).strip().splitlines()[0]
        return ""


def verdict(shown: list, outcome) -> str:
    """OK when the button finished, MELDING for a Dutch message about the workbook or the PC
    (a problem it explains), FOUT for an unexpected error."""
    errors = [t for k, t in shown if k == "error"]
    if any(t.startswith(("Onverwachte fout", "Onbekende knop")) for t in errors):
        return ERROR
    if errors or outcome is None:
        return NOTICE
    return OK


def prepare(folder: Path, progress=None) -> dict[str, Path]:
    """A demo workbook of each mode in its own subfolder of folder: mode -> path."""
    from partnerkeuze.app.creation import new

    books = {}
    for mode in MODES:
        path = folder / mode / DEMO_FILE.format(mode=mode)
        path.parent.mkdir(parents=True, exist_ok=True)
        if progress:
            progress(f"Zelftest: demo {mode} maken…")
        new(path, mode, demo=True, force=True)
        books[mode] = path
    return books


def button_order() -> list[str]:
    """Every button but the self-test, in ribbon order."""
    from partnerkeuze.app.addin.buttons import BUTTON_IDS

    return [b for b in BUTTON_IDS if b != SELFTEST_ID]


def _log_size() -> int:
    import tempfile

    try:
        return os.path.getsize(os.path.join(tempfile.gettempdir(), "partnerkeuze-fout.log"))
    except OSError:
        return 0


def _log_since(size: int) -> str:
    import tempfile

    path = os.path.join(tempfile.gettempdir(), "partnerkeuze-fout.log")
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            fh.seek(size)
            return fh.read()[-4000:]
    except OSError:
        return ""


def run_buttons(folder: Path, open_book, close_book=None, config: dict | None = None,
                status_ui=None, only: list[str] | None = None, *, run) -> list[StepResult]:
    """Run every button (or ``only`` these) on the demos in folder with ``run(button, ctx)``
    (the ribbon's dispatch). open_book(path) gives the WorkbookIO of a demo (a live Excel
    workbook, or a file here); close_book(book) closes it."""
    from partnerkeuze.app.addin.buttons import BUTTONS

    labels = {b.id: b.label for b in BUTTONS}
    books = prepare(folder, status_ui.status if status_ui is not None else None)
    out_root = folder / "uit"
    results: list[StepResult] = []
    opened: dict[str, object] = {}
    try:
        for button in only or button_order():
            mode = BOOK_OF.get(button, "stedenband")
            out_dir = out_root / button
            conf = dict(config or {})
            conf[KEY_OUTPUT] = str(out_dir)
            conf.pop(KEY_INPUT, None)
            source = FOLDER_FROM.get(button)
            ui = ScriptedUI(folder=str(out_root / source) if source else None,
                             replies=answers(button), status_to=status_ui)
            start = time.perf_counter()
            log = _log_size()
            outcome = None
            try:
                if mode not in opened:
                    opened[mode] = open_book(books[mode])
                outcome = run(button, Context(opened[mode], ui, books[mode], conf))
            except Exception as exc:  # opening the demo failed, or the handler escaped run()
                ui.error(f"Onverwachte fout ({type(exc).__name__}: {str(exc)[:300]})")
            seconds = time.perf_counter() - start
            result = StepResult(button, labels.get(button, button), mode, seconds,
                                verdict(ui.shown, outcome), ui.shown)
            if result.verdict == ERROR:
                result.detail = _log_since(log)
            results.append(result)
    finally:
        for book in opened.values():
            if close_book is not None:
                try:
                    close_book(book)
                except Exception:
                    pass
    (folder / "zelftest-python.json").write_text(
        json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=1), encoding="utf-8")
    return results


# --- the worksheet functions ------------------------------------------------------------------

@dataclass(frozen=True)
class UdfCase:
    """A worksheet function as the self-test calculates it in Excel, and the same call in Python."""

    name: str
    formula: str  # in Excel's English syntax (Range.Formula2)
    args: tuple

    def expected(self):
        """What Python computes for the same arguments (the cell's top-left value)."""
        import partnerkeuze_udfs as udfs

        fn = getattr(udfs, self.name)
        value = getattr(fn, "__wrapped__", fn)(*self.args)
        while isinstance(value, list):
            value = value[0] if value else ""
        if isinstance(value, dt.date):
            from partnerkeuze.app.addin.udf_logic import EXCEL_EPOCH

            return float((value - EXCEL_EPOCH).days)
        return value


UDF_CASES: tuple[UdfCase, ...] = (
    UdfCase("PK_GEWOGEN_SCORE", "=PK_GEWOGEN_SCORE({4,3,5},{50,30,20},0,5)",
            ([4, 3, 5], [50, 30, 20], 0, 5)),
    UdfCase("PK_RANG", "=PK_RANG({70;80;80})", ([70, 80, 80],)),
    UdfCase("PK_SHORTLIST", '=PK_SHORTLIST({"K1";"K2";"K3"},{70;80;60},1)',
            (["K1", "K2", "K3"], [70, 80, 60], 1)),
    UdfCase("PK_GEWICHTEN_CONTROLE", "=PK_GEWICHTEN_CONTROLE({50;30;20})", ([50, 30, 20],)),
    UdfCase("PK_DEADLINE", '=PK_DEADLINE(DATE(2026,9,1),"Benin;Rwanda")',
            (dt.datetime(2026, 9, 1), "Benin;Rwanda")),
    UdfCase("PK_WERKDAGEN", '=PK_WERKDAGEN(DATE(2026,9,1),DATE(2026,10,1),"Benin")',
            (dt.datetime(2026, 9, 1), dt.datetime(2026, 10, 1), "Benin")),
    UdfCase("PK_CRITERIA_ONGEWIJZIGD",
            '=PK_CRITERIA_ONGEWIJZIGD({"C1","Draagvlak","",100,0,5},"0123456789abcdef")',
            ([["C1", "Draagvlak", "", 100, 0, 5]], "0123456789abcdef")),
)


def same_value(cell: str, expected) -> bool:
    """Whether the value Excel wrote (as the VBA recorded it) is what Python computed."""
    if isinstance(expected, bool):
        return cell.upper() == ("TRUE" if expected else "FALSE")
    if isinstance(expected, (int, float)):
        try:
            return abs(float(cell.replace(",", ".")) - float(expected)) < 1e-6
        except ValueError:
            return False
    return cell == str(expected)


# --- the report -------------------------------------------------------------------------------

@dataclass
class VbaRecord:
    """What the VBA glue wrote to zelftest-vba.txt."""

    excel: dict[str, str] = field(default_factory=dict)
    macro_options: str = ""
    udfs: list[dict] = field(default_factory=list)
    steps: list[dict] = field(default_factory=list)


def parse_vba(text: str) -> VbaRecord:
    """The tab-separated lines of zelftest-vba.txt: excel, macrooptions, udf and stap records."""
    rec = VbaRecord()
    for line in text.splitlines():
        f = line.split("\t")
        kind = f[0].strip().lower()
        if kind == "excel" and len(f) >= 5:
            rec.excel = {"version": f[1], "os": f[2], "bits": f[3], "addin": f[4]}
        elif kind == "macrooptions" and len(f) >= 2:
            rec.macro_options = f[1]
        elif kind == "udf" and len(f) >= 6:
            rec.udfs.append({"name": f[1], "seconds": _float(f[2]), "error": _int(f[3]),
                             "error_text": f[4], "value": f[5]})
        elif kind == "stap" and len(f) >= 5:
            rec.steps.append({"name": f[1], "seconds": _float(f[2]), "error": _int(f[3]),
                              "error_text": f[4]})
    return rec


def _float(text: str) -> float:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return 0.0


def _int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        return 0


def _secs(s: float) -> str:
    return f"{s:.1f} s".replace(".", ",")


def udf_lines(vba: VbaRecord) -> tuple[list[str], int]:
    """The report's lines for the worksheet functions, and how many failed."""
    cases = {c.name: c for c in UDF_CASES}
    lines, bad = [], 0
    seen = {u["name"] for u in vba.udfs}
    for u in vba.udfs:
        case = cases.get(u["name"])
        expected = case.expected() if case else None
        if u["error"]:
            mark, why = ERROR, f"VBA-fout {u['error']}: {u['error_text']}"
        elif case is not None and not same_value(u["value"], expected):
            mark, why = ERROR, f"waarde {u['value']!r}, verwacht {expected!r}"
        else:
            mark, why = OK, f"waarde {u['value']!r}"
        bad += mark != OK
        formula = case.formula if case else ""
        lines.append(f"  {'[' + mark + ']':<9} {u['name']:<24} {_secs(u['seconds']):>8}  {formula}  -> {why}")
    for case in UDF_CASES:
        if case.name not in seen:
            bad += 1
            lines.append(f"  {'[' + ERROR + ']':<9} {case.name:<24} {'':>8}  niet uitgevoerd")
    return lines, bad


def environment_lines() -> list[str]:
    """Python, xlwings and Partnerkeuze as this interpreter has them."""
    import platform
    import struct

    from partnerkeuze.kernel.version import __version__

    try:
        from importlib.metadata import version

        xlw = version("xlwings")
    except Exception:
        xlw = "niet geïnstalleerd"
    return [f"Python: {sys.executable} {platform.python_version()} ({struct.calcsize('P') * 8}-bits)",
            f"xlwings: {xlw}", f"Partnerkeuze: {__version__}"]


def report_text(vba: VbaRecord, steps: list[StepResult], folder: Path,
                now: dt.datetime | None = None) -> str:
    """The report for IT: header, summary, the buttons, the worksheet functions, the details."""
    now = now or dt.datetime.now()
    counts = {v: sum(s.verdict == v for s in steps) for v in (OK, NOTICE, ERROR)}
    u_lines, u_bad = udf_lines(vba)
    mo = vba.macro_options or "niet gemeld (de invoegtoepassing is ouder dan de zelftest)"
    vba_errors = [s for s in vba.steps if s["error"]]
    lines = [
        "Partnerkeuze-zelftest",
        "=====================",
        f"Datum: {now:%Y-%m-%d %H:%M}   Pc: {os.environ.get('COMPUTERNAME', '?')}   "
        f"Gebruiker: {os.environ.get('USERNAME', os.environ.get('USER', '?'))}",
        f"Excel: {vba.excel.get('version', '?')} ({vba.excel.get('bits', '?')}-bits), "
        f"{vba.excel.get('os', '?')}",
        f"Invoegtoepassing: {vba.excel.get('addin', '?')}",
        *environment_lines(),
        f"Functiebeschrijvingen (Application.MacroOptions bij het openen): {mo}",
        f"Testmap: {folder}",
        "",
        f"Samenvatting: {len(steps)} knoppen: {counts[OK]} in orde, {counts[NOTICE]} met een "
        f"melding, {counts[ERROR]} met een fout; {len(UDF_CASES)} werkbladfuncties: "
        f"{len(UDF_CASES) - u_bad} in orde, {u_bad} met een fout"
        + (f"; {len(vba_errors)} VBA-fout(en)" if vba_errors else "") + ".",
        "OK: de knop deed zijn werk. MELDING: de knop legde in het Nederlands een probleem met de "
        "demo of de pc uit (lees het). FOUT: een onverwachte fout; stuur dit verslag naar IT.",
        "",
        "Knoppen (op een kopie van de demo in de testmap)",
    ]
    for s in steps:
        lines.append(f"  {'[' + s.verdict + ']':<9} {s.button:<15} {s.label:<32} {_secs(s.seconds):>8}  "
                     f"{s.summary()[:110]}")
    lines += ["", "Werkbladfuncties (in een cel berekend door Excel, vergeleken met Python)"]
    lines += u_lines
    if vba.steps:
        lines += ["", "Stappen van de VBA-kant"]
        for s in vba.steps:
            err = f"VBA-fout {s['error']}: {s['error_text']}" if s["error"] else "geen fout"
            lines.append(f"  {s['name']:<24} {_secs(s['seconds']):>8}  {err}")
    lines += ["", "Details per knop (elk bericht zoals het getoond zou worden)"]
    for s in steps:
        lines.append(f"--- {s.button} ({s.label}), demo {s.mode}: {s.verdict}")
        for kind, text in s.shown:
            if kind in ("info", "error", "open", "open_folder", "pick_folder", "ask_text"):
                lines += [f"    {kind}: {line}" for line in str(text).splitlines() or [""]]
        if s.detail:
            lines += [f"    technisch: {line}" for line in s.detail.strip().splitlines()]
    return "\n".join(lines) + "\n"


def write_report(folder: Path, steps: list[StepResult]) -> Path:
    """Zelftest-verslag.txt in folder (UTF-8 with a byte order mark, for Notepad)."""
    vba_path = folder / VBA_FILE
    try:
        raw = vba_path.read_bytes()
    except OSError:
        raw = b""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    path = folder / REPORT_FILE
    path.write_text(report_text(parse_vba(text), steps, folder), encoding="utf-8-sig")
    return path


def run_from_excel(ctx, run):
    """The handler's work: the buttons on the demos (in Excel when there is one) run with
    ``run(button, ctx)`` (the ribbon's dispatch), the report."""
    import tempfile

    from partnerkeuze.kernel.port import Outcome

    folder = Path(getattr(ctx, "argument", None) or tempfile.mkdtemp(prefix="Partnerkeuze-zelftest-"))
    folder.mkdir(parents=True, exist_ok=True)
    app = getattr(ctx.ui, "app", None)
    if app is not None:  # Excel: each demo opened as a live workbook, closed without saving
        from partnerkeuze.app.addin.xlwings_adapter import LiveWorkbook

        def open_book(path):
            return LiveWorkbook(app.books.open(str(path)))

        def close_book(book):
            book.book.close()
    else:  # no Excel (a trace or a test): the demo files themselves
        from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

        open_book, close_book = FileWorkbook, None
    steps = run_buttons(folder, open_book, close_book, dict(ctx.config), ctx.ui, run=run)
    path = write_report(folder, steps)
    counts = {v: sum(s.verdict == v for s in steps) for v in (OK, NOTICE, ERROR)}
    return Outcome(messages=[
        f"Zelftest: {len(steps)} knoppen: {counts[OK]} in orde, {counts[NOTICE]} met een melding, "
        f"{counts[ERROR]} met een fout.",
        f"Het verslag staat in {path}; stuur het naar IT."])
